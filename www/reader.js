// @ts-check
// The file-reading worker: reads one opened file's bytes as transcript text with the
// readers' wasm module (pkg/read/: .docx, .odt, .rtf, web pages, engines' JSON, CSV, plain
// text), and with the PDF module (pkg/pdf/) only when the bytes are a PDF. The page starts
// one per opened file and ends it after the answer, or one per corpus run for all its files
// (read-file.js): its memory goes with it, a trap in a reader cannot touch the analysis
// worker, and Cancel ends a long read. Requests are answered in order.
//
// In: a ReaderRequest; out: a ReaderAnswer (reader-protocol.js).
import { compileBase64, isTrap } from './worker-scope.js';

/** @import { ReaderRequest, ReaderAnswer } from './reader-protocol.js' */

/** This module's global scope (TypeScript types `self` as any worker's). */
const scope = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** The readers' module, instantiated once (a corpus's files are read by one worker). */
async function loadReaders() {
  const [glue, { base64 }] = await Promise.all([import('./pkg/read/colloquy_read.js'), import('./pkg/read/colloquy_read_bg.wasm.js')]);
  glue.initSync({ module: await compileBase64(base64) });
  return glue.read;
}
/** @type {ReturnType<typeof loadReaders> | null} */
let readersModule = null;
const readers = () => (readersModule ??= loadReaders());

/** The PDF module (the readers and a PDF's text layer), instantiated once. */
async function loadPdfReader() {
  const [glue, { base64 }] = await Promise.all([import('./pkg/pdf/colloquy_pdf.js'), import('./pkg/pdf/colloquy_pdf_bg.wasm.js')]);
  glue.initSync({ module: await compileBase64(base64) });
  return glue.read;
}
/** @type {ReturnType<typeof loadPdfReader> | null} */
let pdfModule = null;
const pdfReader = () => (pdfModule ??= loadPdfReader());

/**
 * A reader's module, or an Error that says it could not be loaded. The PDF module is
 * downloaded the first time a PDF is opened (the service worker does not precache it), so
 * offline it may not be there yet.
 * @template T
 * @param {Promise<T>} module
 * @param {string} what  'file' or 'PDF'
 * @returns {Promise<T>}
 */
async function loaded(module, what) {
  try {
    return await module;
  } catch (err) {
    const offline = what === 'PDF' && !navigator.onLine ? ': it is downloaded the first time a PDF is opened, and this browser is offline' : '';
    throw new Error(`the ${what} reader could not be loaded${offline} (${err instanceof Error ? err.message : err})`);
  }
}

/**
 * Whether `err` is the readers' module refusing a PDF, which the PDF module reads.
 * @param {unknown} err
 */
const isPdf = (err) => err instanceof Error && err.name === 'ReadError' && /** @type {{ looksLike?: unknown }} */ (err).looksLike === 'PDF';

/** @param {ReaderAnswer} answer */
const send = (answer) => scope.postMessage(answer);

scope.addEventListener('message', async (event) => {
  const { bytes, name, type } = /** @type {ReaderRequest} */ (event.data);
  const options = { name, ...(type ? { type } : {}) };
  const view = new Uint8Array(bytes);
  try {
    let read;
    try {
      read = (await loaded(readers(), 'file'))(view, options);
    } catch (err) {
      if (!isPdf(err)) throw err;
      send({ ok: true, read: (await loaded(pdfReader(), 'PDF'))(view, options), pdf: true });
      return;
    }
    send({ ok: true, read, pdf: false });
  } catch (err) {
    if (isTrap(err)) {
      send({ ok: false, trap: true, message: `the reader stopped (${/** @type {Error} */ (err).name}: ${/** @type {Error} */ (err).message})` });
      return;
    }
    const { kind, looksLike } = /** @type {{ kind?: unknown, looksLike?: unknown }} */ (err ?? {});
    send({
      ok: false,
      message: err instanceof Error ? err.message : String(err),
      ...(typeof kind === 'string' ? { kind } : {}),
      ...(typeof looksLike === 'string' ? { looksLike } : {}),
    });
  }
});
