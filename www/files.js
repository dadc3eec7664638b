// @ts-check
// Reading dropped or opened files: UTF-8 only, with a fatal decoder, and a clear message
// naming the problem for anything else (a PDF, a zip, an image, UTF-16, Latin-1…).

import { facts } from './pkg/facts.js';

export const ACCEPT = '.txt,.vtt,.srt,.md,text/plain,text/vtt,text/markdown,application/x-subrip';

/**
 * The longest text this page analyses, in UTF-16 code units: the worker loads every text
 * as one wasm `Document` (for the concordance and dispersion), which refuses more than the
 * engine's `maxAnalyseUnits` (its facts).
 */
export const MAX_TEXT_UNITS = facts.maxAnalyseUnits;
/**
 * The biggest file this page opens, in bytes, checked before reading a byte of it: a UTF-8
 * file never decodes to more UTF-16 units than it has bytes, so no file within this limit
 * makes a text over MAX_TEXT_UNITS.
 */
export const MAX_FILE_BYTES = MAX_TEXT_UNITS;

/** @param {number} bytes */
const mb = (bytes) => `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(bytes / 1024 ** 2)} MB`;
/** @param {number} n */
const int = (n) => new Intl.NumberFormat('en').format(n);

/**
 * The message for something over the limit: a file of `size` bytes called `name`, or
 * (`name` null) a text of `size` characters that was to be `done` ('pasted', 'analysed').
 * @param {string | null} name
 * @param {number} size
 * @param {string} [done]
 */
export function tooLargeMessage(name, size, done = name === null ? 'pasted' : 'opened') {
  const what = name === null
    ? `This text is ${int(size)} characters long, over this page's limit of ${int(MAX_TEXT_UNITS)} characters`
    : `“${name}” is ${mb(size)} (${int(size)} bytes), over this page's limit of ${mb(MAX_FILE_BYTES)} (${int(MAX_FILE_BYTES)} bytes)`;
  const file = name === null ? 'transcript.txt' : /^[\w.,+@=-]+$/.test(name) ? name : `'${name.replaceAll("'", "'\\''")}'`;
  const how = name === null ? 'Save it as a file and analyse it' : 'Analyse it';
  return `${what}, so it was not ${done} and your text is unchanged. ${how} on your computer with the command-line tool instead: colloquy analyse ${file}`;
}

/**
 * What a file's first bytes say it is, for the binary formats people drop by mistake.
 * @type {[number[], string][]}
 */
const MAGIC = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (or a Word, Excel or OpenDocument file, which are zip archives)'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty zip archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF file (a WAV recording or a WebP image)'],
  [[0x49, 0x44, 0x33], 'an MP3 recording'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document (.doc, .xls)'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
  [[0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module'],
];

export class FileError extends Error {}

/**
 * Decodes a File as UTF-8 text, or throws a FileError whose message names the problem.
 * @param {File} file
 */
export async function readTextFile(file) {
  const name = `“${file.name}”`;
  // Before reading anything: a file too big for the page is refused from its size alone.
  if (file.size > MAX_FILE_BYTES) throw new FileError(tooLargeMessage(file.name, file.size));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const help = 'colloquy reads plain-text transcripts in UTF-8: .txt, .vtt, .srt or .md.';
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) throw new FileError(`${name} is ${what}, not a text file. ${help}`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new FileError(`${name} is UTF-16 text, not UTF-8. Save it as UTF-8 and open it again.`);
  }
  const nul = bytes.subarray(0, 65536).indexOf(0);
  if (nul >= 0) {
    throw new FileError(`${name} is a binary file, not text (it contains a zero byte at offset ${nul}). ${help}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new FileError(`${name} is not valid UTF-8 (the first bad byte is at offset ${at}). It may be in another encoding, such as Windows-1252: save it as UTF-8 and open it again.`);
  }
}

/**
 * The offset of the first byte that is not valid UTF-8.
 * @param {Uint8Array} b
 */
export function firstInvalidUtf8(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n;
    let min;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
