// @ts-check
// Reading an opened or dropped file: its bytes go to a reader worker of their own
// (reader.js), which answers with the text, the format it found and what it left out,
// or with a message naming the problem. One worker per file, ended after the answer or
// when the read is cancelled, so a big or hostile file never holds the page, the memory
// or the analysis worker.
import { FileError, MAX_FILE_BYTES, MAX_TEXT_UNITS, namedMessage, readTooLongMessage, tooLargeMessage } from './files.js';

/**
 * @import { ReadText } from './pkg/colloquy.js'
 * @import { ReaderAnswer } from './reader-protocol.js'
 */

/**
 * Reads `file` as transcript text; throws a FileError whose message names the file and
 * the problem, and ends with what happens to the text on the page.
 * @param {File} file
 * @param {AbortSignal} signal  aborting ends the read (Cancel, or another file opened)
 * @returns {Promise<{ read: ReadText, pdf: boolean }>}
 */
export async function readFile(file, signal) {
  // Before reading anything: a file too big for the page is refused from its size alone.
  if (file.size > MAX_FILE_BYTES) throw new FileError(tooLargeMessage(file.name, file.size));
  const bytes = await file.arrayBuffer();
  signal.throwIfAborted();
  const worker = new Worker(new URL('./reader.js', import.meta.url), { type: 'module', name: 'colloquy-reader' });
  const unchanged = 'Your text is unchanged.';
  try {
    const answer = await new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      worker.addEventListener('message', (event) => resolve(/** @type {ReaderAnswer} */ (event.data)));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new FileError(`“${file.name}” could not be read: the reader did not start (${event.message || 'no message'}). ${unchanged}`));
      });
      worker.postMessage({ bytes, name: file.name, type: file.type }, [bytes]);
    });
    if (!answer.ok) {
      const why = answer.kind === undefined ? `“${file.name}” could not be read: ${answer.message}.` : namedMessage(file.name, answer.message);
      throw new FileError(`${why} ${unchanged}`);
    }
    if (answer.read.text.length > MAX_TEXT_UNITS) {
      throw new FileError(readTooLongMessage(file.name, answer.read.text.length));
    }
    return { read: answer.read, pdf: answer.pdf };
  } finally {
    worker.terminate();
  }
}
