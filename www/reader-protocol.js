// @ts-check
// The messages between the page (read-file.js) and a file-reading worker (reader.js):
// one request, one answer, then the page ends the worker.

/**
 * @import { ReadText } from './pkg/colloquy.js'
 */

/**
 * The file: its bytes (transferred), name and media type (`File.type`, maybe '').
 * @typedef {{ bytes: ArrayBuffer, name: string, type: string }} ReaderRequest
 */
/**
 * The text read, the format found and what was left out (`pdf`: the PDF module read
 * it); or the reader's message, its `kind` and what the bytes look like, and `trap`
 * when the reader's wasm stopped (a bug, not the file's fault).
 * @typedef {{ ok: true, read: ReadText, pdf: boolean }
 *   | { ok: false, message: string, kind?: string, looksLike?: string, trap?: boolean }} ReaderAnswer
 */

export {};
