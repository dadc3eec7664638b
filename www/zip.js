// @ts-check
// Transcripts inside a .zip, read in the page with fflate's streaming Unzip: the archive is
// read in chunks and one entry at a time is inflated, so memory holds one entry, never the
// whole archive's text. Entries over ZIP_ENTRY_BYTES, beyond ZIP_MAX_ENTRIES, nested
// archives, folders and the system's own files (__MACOSX/, .DS_Store) are skipped, each
// with its reason.
import { Unzip, UnzipInflate } from './vendor/fflate.js';

/** The largest entry read from an archive, inflated (bytes). */
const ZIP_ENTRY_BYTES = 64 * 2 ** 20;
/** The most entries read from one archive. */
const ZIP_MAX_ENTRIES = 5000;

/** @param {string} name */
export const isZip = (name) => /\.zip$/i.test(name);

/**
 * An entry found: its bytes, or why it was skipped (`bytes` null).
 * @typedef {{ path: string, bytes: Uint8Array | null, size: number, skipped?: string }} ZipEntry
 */

/**
 * Whether an entry is the system's, not a document: folders, macOS's resource forks and
 * hidden files.
 * @param {string} path
 */
const isFurniture = (path) => path.endsWith('/') || /(^|\/)(__MACOSX|\.[^/]*)(\/|$)/.test(path);

/**
 * The entries of `file`, one at a time, in the archive's order. Reading waits while the
 * caller handles an entry (an async generator), so one entry's bytes are held at a time.
 * `only` reads that one entry and stops.
 * @param {Blob} file
 * @param {{ only?: string, signal?: AbortSignal }} [o]
 * @returns {AsyncGenerator<ZipEntry>}
 */
export async function* zipEntries(file, { only, signal } = {}) {
  /** @type {ZipEntry[]} entries complete, not yet handed out */
  const done = [];
  /** @type {Set<string>} entries being inflated: one left at the end was cut short */
  const open = new Set();
  let count = 0;
  const unzip = new Unzip((entry) => {
    if (isFurniture(entry.name)) return;
    if (only !== undefined && entry.name !== only) return;
    count += 1;
    const skip = (/** @type {string} */ why, size = entry.originalSize ?? 0) => done.push({ path: entry.name, bytes: null, size, skipped: why });
    if (count > ZIP_MAX_ENTRIES) { skip(`beyond the first ${ZIP_MAX_ENTRIES} entries of the archive`); return; }
    if (isZip(entry.name)) { skip('an archive inside the archive is not opened'); return; }
    if (entry.compression !== 0 && entry.compression !== 8) { skip(`compressed with a method this page does not read (${entry.compression})`); return; }
    if ((entry.originalSize ?? 0) > ZIP_ENTRY_BYTES) { skip(`over ${ZIP_ENTRY_BYTES / 2 ** 20} MB inflated`); return; }
    /** @type {Uint8Array[]} */
    const chunks = [];
    let size = 0;
    entry.ondata = (err, chunk, final) => {
      if (err) {
        open.delete(entry.name);
        skip(`damaged in the archive (${err.message})`, size);
        return;
      }
      size += chunk.length;
      if (size > ZIP_ENTRY_BYTES) {
        // Its header understated its size: stop inflating it.
        entry.terminate();
        open.delete(entry.name);
        chunks.length = 0;
        skip(`over ${ZIP_ENTRY_BYTES / 2 ** 20} MB inflated`, size);
        return;
      }
      chunks.push(chunk);
      if (!final) return;
      open.delete(entry.name);
      done.push({ path: entry.name, bytes: concat(chunks, size), size });
    };
    open.add(entry.name);
    entry.start();
  });
  unzip.register(UnzipInflate);
  const reader = file.stream().getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { value, done: end } = await reader.read();
      try {
        unzip.push(value ?? new Uint8Array(0), end);
      } catch (err) {
        throw new Error(`it is damaged (${err instanceof Error ? err.message : err})`);
      }
      if (end) {
        for (const name of open) done.push({ path: name, bytes: null, size: 0, skipped: 'cut short: the archive ends inside it' });
        if (count === 0 && only === undefined) throw new Error('it holds no file, or is not a whole ZIP archive');
      }
      while (done.length) {
        const entry = /** @type {ZipEntry} */ (done.shift());
        yield entry;
        if (only !== undefined) return;
      }
      if (end) return;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * One entry of an archive as a File (to open it again), or null when it is not there.
 * @param {Blob} zip
 * @param {string} path
 * @param {AbortSignal} [signal]
 */
export async function zipEntryFile(zip, path, signal) {
  for await (const entry of zipEntries(zip, { only: path, signal })) {
    if (!entry.bytes) throw new Error(`“${path}” was skipped: ${entry.skipped}`);
    return new File([/** @type {Uint8Array<ArrayBuffer>} */ (entry.bytes)], baseName(path));
  }
  return null;
}

/** @param {string} path */
export const baseName = (path) => path.slice(path.lastIndexOf('/') + 1);

/**
 * @param {Uint8Array[]} chunks
 * @param {number} size
 */
function concat(chunks, size) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
