// @ts-check
// Reading an opened or dropped file: its bytes go to a reader worker of their own
// (reader.js), which answers with the text, the format it found and what it left out,
// or with a message naming the problem. One worker per opened file, ended after the answer
// or when the read is cancelled, so a big or hostile file never holds the page, the memory
// or the analysis worker; a corpus's files share one worker (ReaderWorker), ended with the run.
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
  const reader = new ReaderWorker();
  try {
    return await reader.read(file, signal);
  } finally {
    reader.close();
  }
}

const UNCHANGED = 'Your text is unchanged.';

/**
 * A reader worker for files read one after another (a corpus's), started when first
 * needed and ended by `close()`, by an aborted read, or after its wasm trapped (the next
 * read starts a fresh one).
 */
export class ReaderWorker {
  constructor() {
    /** @type {Worker | null} */
    this.worker = null;
  }

  close() {
    this.worker?.terminate();
    this.worker = null;
  }

  /**
   * Reads `file` as transcript text, as `readFile` does.
   * @param {File} file
   * @param {AbortSignal} signal
   * @returns {Promise<{ read: ReadText, pdf: boolean }>}
   */
  async read(file, signal) {
    // Before reading anything: a file too big for the page is refused from its size alone.
    if (file.size > MAX_FILE_BYTES) throw new FileError(tooLargeMessage(file.name, file.size));
    const bytes = await file.arrayBuffer();
    signal.throwIfAborted();
    const worker = this.worker ??= new Worker(new URL('./reader.js', import.meta.url), { type: 'module', name: 'colloquy-reader' });
    /** @type {(() => void) | undefined} */
    let cleanup;
    try {
      const answer = await new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        /** @param {MessageEvent} event */
        const onMessage = (event) => resolve(/** @type {ReaderAnswer} */ (event.data));
        /** @param {ErrorEvent} event */
        const onError = (event) => {
          event.preventDefault();
          this.close();
          reject(new FileError(`“${file.name}” could not be read: the reader did not start (${event.message || 'no message'}). ${UNCHANGED}`));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', onError);
        cleanup = () => {
          signal.removeEventListener('abort', onAbort);
          worker.removeEventListener('message', onMessage);
          worker.removeEventListener('error', onError);
        };
        worker.postMessage({ bytes, name: file.name, type: file.type }, [bytes]);
      });
      if (!answer.ok) {
        if (answer.trap) this.close();
        const why = answer.kind === undefined ? `“${file.name}” could not be read: ${answer.message}.` : namedMessage(file.name, answer.message);
        throw new FileError(`${why} ${UNCHANGED}`);
      }
      if (answer.read.text.length > MAX_TEXT_UNITS) {
        throw new FileError(readTooLongMessage(file.name, answer.read.text.length));
      }
      return { read: answer.read, pdf: answer.pdf };
    } catch (err) {
      // An aborted read leaves the worker reading: end it.
      if (signal.aborted) this.close();
      throw err;
    } finally {
      cleanup?.();
    }
  }
}
