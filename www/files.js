// @ts-check
// What files the page opens, how big, and how it names them and their formats. The bytes
// are read by the core's readers in a worker of their own (read-file.js, reader.js).

import { facts } from './pkg/facts.js';

/** @import { SourceFormat } from './pkg/colloquy.js' */

/**
 * What Open file… offers: every format the readers read (any other file is still tried),
 * and .zip archives of them (a corpus).
 */
export const ACCEPT = [
  '.txt', '.vtt', '.srt', '.md', '.docx', '.odt', '.rtf', '.html', '.htm', '.json', '.csv', '.tsv', '.pdf', '.zip',
  'text/plain', 'text/vtt', 'text/markdown', 'application/x-subrip', 'text/html', 'text/csv', 'application/json',
  'application/rtf', 'application/pdf', 'application/vnd.oasis.opendocument.text', 'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');

/**
 * How the page names each format a file can be read as.
 * @type {Record<SourceFormat, string>}
 */
export const SOURCE_NAMES = {
  text: 'plain text',
  docx: 'a Word document',
  odt: 'an OpenDocument text',
  rtf: 'an RTF document',
  html: 'a web page',
  'whisper-json': 'Whisper JSON',
  'assemblyai-json': 'AssemblyAI JSON',
  'deepgram-json': 'Deepgram JSON',
  'aws-transcribe-json': 'Amazon Transcribe JSON',
  csv: 'a CSV table',
  pdf: 'a PDF',
};

/**
 * The longest text this page analyses, in UTF-16 code units: the worker loads every text
 * as one wasm `Document` (for the concordance and dispersion), which refuses more than the
 * engine's `maxAnalyseUnits` (its facts).
 */
export const MAX_TEXT_UNITS = facts.maxAnalyseUnits;
/**
 * The biggest file this page opens, in bytes, checked before reading a byte of it: a UTF-8
 * file never decodes to more UTF-16 units than it has bytes. (A document can read as a
 * longer text than its bytes: that text is checked against MAX_TEXT_UNITS once read.)
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
  const how = name === null ? 'Save it as a file and analyse it' : 'Analyse it';
  return `${what}, so it was not ${done} and your text is unchanged. ${how} on your computer with the command-line tool instead: colloquy analyse ${shellWord(name ?? 'transcript.txt')}`;
}

/**
 * The message for a file of a few bytes that reads as a text over the limit (a document
 * expands): `The text of “name” is … characters long, …`.
 * @param {string} name
 * @param {number} units
 */
export function readTooLongMessage(name, units) {
  return `The text of “${name}” is ${int(units)} characters long, over this page's limit of ${int(MAX_TEXT_UNITS)} characters, so it was not opened and your text is unchanged. Analyse it on your computer with the command-line tool instead: colloquy analyse ${shellWord(name)}`;
}

/**
 * A file name as one word of a shell command.
 * @param {string} name
 */
const shellWord = (name) => (/^[\w.,+@=-]+$/.test(name) ? name : `'${name.replaceAll("'", "'\\''")}'`);

export class FileError extends Error {}

/**
 * A reader's message about a file, with the file's name: `This .docx file is damaged: …`
 * becomes `The .docx file “talk.docx” is damaged: …`, `This file is …` `“talk.txt” is …`.
 * @param {string} name
 * @param {string} message
 */
export function namedMessage(name, message) {
  const quoted = `“${name}”`;
  if (message.startsWith('This file ')) return `${quoted}${message.slice('This file'.length)}`;
  const kind = /^This (.+?) (?=(?:is|looks|has|uses) )/.exec(message);
  return kind ? `The ${kind[1]} ${quoted} ${message.slice(kind[0].length)}` : `${quoted}: ${message}`;
}
