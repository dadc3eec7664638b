// `colloquy/read`: the file readers, two wasm modules of their own so that the analysis
// module does not grow by them: read/ (.docx, .odt, .rtf, web pages, speech-to-text
// engines' JSON, CSV, plain text) and pdf/ (all of those and a PDF's text layer), each
// loaded only when asked for. Loading registers `read` with the analysis module, so
// `analyse` and `Document.load` then take a file's bytes. The Node entry (node.js)
// loads each module synchronously the first time it is needed.
import initReaders, { initSync as initReadersSync, read as readWithReaders } from './read/colloquy_read.js';
import initPdf, { initSync as initPdfSync, read as readWithPdf } from './pdf/colloquy_pdf.js';
import { useReader } from './colloquy.js';

/** @type {{ readers: boolean, pdf: boolean }} which modules are instantiated */
const loaded = { readers: false, pdf: false };
/** @type {null | { readers: () => BufferSource, pdf: () => BufferSource }} the modules' bytes, for synchronous loading (Node) */
let bytesOf = null;

/**
 * Loads the readers' module (`await init()` of the analysis module does not); by default
 * it is fetched from beside this file.
 * @param {import('./read/colloquy_read.js').InitInput | Promise<import('./read/colloquy_read.js').InitInput>} [module_or_path]
 */
export async function loadReaders(module_or_path) {
  if (!loaded.readers) await initReaders(module_or_path === undefined ? undefined : { module_or_path });
  loaded.readers = true;
  useReader(read);
}

/**
 * Loads the PDF reader's module (bigger: load it when a PDF is opened).
 * @param {import('./pdf/colloquy_pdf.js').InitInput | Promise<import('./pdf/colloquy_pdf.js').InitInput>} [module_or_path]
 */
export async function loadPdfReader(module_or_path) {
  if (!loaded.pdf) await initPdf(module_or_path === undefined ? undefined : { module_or_path });
  loaded.pdf = true;
  useReader(read);
}

/**
 * Loads modules synchronously from their bytes when first needed (the Node entry).
 * @param {{ readers: () => BufferSource, pdf: () => BufferSource }} source
 */
export function loadOnDemand(source) {
  bytesOf = source;
  useReader(read);
}

/**
 * Reads a file's bytes as transcript text, finding the format by content (the name
 * and media type break ties). A PDF is read by the PDF module when it is loaded.
 * @param {Uint8Array} bytes
 * @param {import('./read/colloquy_read.js').ReadOptions} [options]
 * @returns {import('./colloquy.js').ReadText}
 */
export function read(bytes, options) {
  if (!loaded.readers) {
    if (!bytesOf) throw notLoaded('readers', 'loadReaders');
    initReadersSync({ module: bytesOf.readers() });
    loaded.readers = true;
  }
  try {
    return readWithReaders(bytes, options);
  } catch (err) {
    if (!isPdf(err)) throw err;
  }
  if (!loaded.pdf) {
    if (!bytesOf) throw notLoaded('PDF reader', 'loadPdfReader');
    initPdfSync({ module: bytesOf.pdf() });
    loaded.pdf = true;
  }
  return readWithPdf(bytes, options);
}

/**
 * Whether `err` is the readers' module refusing a PDF (which the PDF module reads).
 * @param {unknown} err
 */
export function isPdf(err) {
  return err instanceof Error && err.name === 'ReadError' && /** @type {{ looksLike?: unknown }} */ (err).looksLike === 'PDF';
}

/**
 * @param {string} what
 * @param {string} loader
 */
function notLoaded(what, loader) {
  const err = new Error(`colloquy: the ${what} module is not loaded: call \`await ${loader}()\` from 'colloquy/read' first`);
  err.name = 'InvalidStateError';
  return err;
}
