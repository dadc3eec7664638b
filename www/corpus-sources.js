// @ts-check
// What the user gave: files chosen together, a folder (chosen, or dropped and walked), or
// .zip archives. Each becomes a Source: a file with the path it was given under (a folder's
// files keep their folder, which names the document's group), or an archive whose entries
// are found while the corpus is read (zip.js).
import { isZip } from './zip.js';

/** The most files one run reads; the rest are listed as skipped. */
export const MAX_FILES = 5000;

/**
 * A file and the path it came under (`folder/sub/name.txt`, or its name alone).
 * @typedef {{ kind: 'file', path: string, file: File } | { kind: 'zip', path: string, file: File }} Source
 */

/**
 * Files as Sources, archives by their name.
 * @param {Iterable<{ file: File, path: string }>} files
 * @returns {Source[]}
 */
const asSources = (files) => [...files]
  .filter(({ path }) => !/(^|\/)(__MACOSX|\.[^/]*)(\/|$)/.test(path))
  .map(({ file, path }) => ({ kind: isZip(path) ? 'zip' : 'file', path, file }));

/**
 * The files of an input (Open file… with several chosen, or Open folder…, whose files carry
 * `webkitRelativePath`).
 * @param {FileList | File[]} files
 * @returns {Source[]}
 */
export const fromFileList = (files) => asSources([...files].map((file) => ({ file, path: file.webkitRelativePath || file.name })));

/**
 * The files of a drop: files as they are, folders walked (`webkitGetAsEntry`).
 * @param {DataTransfer} data
 * @returns {Promise<Source[]>}
 */
export async function fromDrop(data) {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e) => e !== null && e !== undefined);
  if (!entries.length || entries.every((e) => e.isFile)) return fromFileList([...data.files]);
  /** @type {{ file: File, path: string }[]} */
  const files = [];
  for (const entry of entries) await walk(entry, files);
  return asSources(files);
}

/**
 * Adds the files under `entry` to `out`, each with its path (without the leading slash).
 * @param {FileSystemEntry} entry
 * @param {{ file: File, path: string }[]} out
 */
async function walk(entry, out) {
  if (out.length >= MAX_FILES) return;
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => /** @type {FileSystemFileEntry} */ (entry).file(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\//, '') });
    return;
  }
  const reader = /** @type {FileSystemDirectoryEntry} */ (entry).createReader();
  // readEntries answers in batches (100 in Chromium) until an empty one.
  for (;;) {
    /** @type {FileSystemEntry[]} */
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return;
    batch.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    for (const child of batch) await walk(child, out);
  }
}

/**
 * Whether the sources make a corpus (several files, or an archive) rather than one file
 * opened as today.
 * @param {Source[]} sources
 */
export const isCorpus = (sources) => sources.length > 1 || sources.some((s) => s.kind === 'zip');
