// @ts-check
// Reading a corpus: each file (or archive entry) read to text with the page's readers
// (read-file.js), sent to the corpus worker, and dropped; the worker answers with the
// document's row. The next file is read while the worker analyses the one before, and no
// more than one text waits for the worker, so memory holds two texts at most. Then the
// views across documents are asked for. Cancel ends the reading and the worker.
import { fmt } from './dom.js';
import { ReaderWorker } from './read-file.js';
import { state } from './state.js';
import * as S from './settings.js';
import { corpusEngine } from './corpus-engine.js';
import { corpus, notifyCorpus, updateItem, itemName, showMode } from './corpus-state.js';
import { MAX_FILES } from './corpus-sources.js';
import { zipEntries, baseName } from './zip.js';

/**
 * @import { Source } from './corpus-sources.js'
 * @import { Item } from './corpus-state.js'
 * @import { Added } from './corpus-protocol.js'
 */

/** @type {AbortController | null} the run under way */
let running = null;

/** The options a corpus is analysed with: the page's settings (speaker edits are one transcript's). */
export const corpusOptions = () => ({ ...S.parseOptions(state.settings, {}), ...S.viewOptions(state.settings) });

/**
 * A reader's message as a reason a file was skipped (the page's own text is not at stake).
 * @param {unknown} err
 */
const reasonOf = (err) => (err instanceof Error ? err.message : String(err))
  .replace(/[,.]? (so it was not opened and )?[Yy]our text is unchanged\.?/, '.').replace(/\.\.$/, '.');

/**
 * The folder a file sits in (in a chosen folder, or in an archive), which names its
 * document's group: none for a file chosen alone or at an archive's top.
 * @param {string} path
 */
const folderOf = (path) => {
  const parts = path.split('/');
  return parts.length > 1 ? parts[parts.length - 2] : undefined;
};

/**
 * Reads and analyses `sources` as one corpus, replacing any earlier one.
 * @param {Source[]} sources
 */
export async function runCorpus(sources) {
  stopCorpus();
  const controller = new AbortController();
  running = controller;
  const { signal } = controller;
  // The list is drawn in a task of its own, not in the file input's (where Chromium has
  // just made the Files); a file's size is read when it is read (each is a file system call).
  await new Promise((resolve) => setTimeout(resolve));
  if (signal.aborted) return;
  corpus.items = sources.slice(0, MAX_FILES).filter((s) => s.kind === 'file').map((s) => newItem(s.path, null, { file: s.file }));
  const itemOf = new Map(corpus.items.map((item) => [/** @type {{ file: File }} */ (item.origin).file, item]));
  for (const s of sources.slice(MAX_FILES)) corpus.items.push(newItem(s.path, null, { file: s.file }, `beyond the first ${fmt.int(MAX_FILES)} files`));
  corpus.documents = [];
  corpus.table = null;
  corpus.speakers = [];
  corpus.run = 'running';
  showMode('corpus');
  notifyCorpus('items');
  /** @type {Promise<void> | null} the document the worker is analysing */
  let analysing = null;
  /** Where the run's time went (ms), for `body.dataset.corpusTiming`: reading files, the worker's analyses, waiting for the worker. */
  const timing = { read: 0, analyse: 0, wait: 0, total: 0 };
  const started = performance.now();
  /** One reader worker reads every file of the run, ended with it. */
  const reader = new ReaderWorker();
  /**
   * Reads one item's file and hands its text to the worker (waiting for the one before).
   * @param {Item} item
   * @param {File} file
   * @param {string} path  where it is in the folder or archive given (its name, for a file chosen alone)
   */
  const take = async (item, file, path) => {
    updateItem(item, { state: 'reading', size: file.size });
    let text;
    const reading = performance.now();
    try {
      ({ text } = (await reader.read(file, signal)).read);
      timing.read += performance.now() - reading;
      if (!text.trim()) throw new Error(text ? 'it contains only white space' : 'it is empty');
    } catch (err) {
      signal.throwIfAborted();
      updateItem(item, { state: 'skipped', reason: reasonOf(err) });
      return;
    }
    const waiting = performance.now();
    await analysing;
    timing.wait += performance.now() - waiting;
    signal.throwIfAborted();
    // The worker lost the corpus (its wasm trapped): the run cannot go on.
    if (corpusEngine.lost) throw corpusEngine.lost;
    updateItem(item, { state: 'analysing' });
    analysing = corpusEngine.add({ name: itemName(item), text, group: folderOf(path) }).then((/** @type {Added} */ added) => {
      timing.analyse += added.ms;
      updateItem(item, { state: 'analysed', words: added.row.words, document: corpus.documents.length });
      corpus.documents.push(item);
    }, (err) => {
      if (signal.aborted) return;
      updateItem(item, { state: 'skipped', reason: `it could not be analysed: ${reasonOf(err)}` });
    });
  };
  try {
    const options = corpusOptions();
    corpus.options = JSON.stringify(options);
    await corpusEngine.start(options);
    for (const source of sources.slice(0, MAX_FILES)) {
      signal.throwIfAborted();
      if (source.kind === 'file') {
        const item = itemOf.get(source.file);
        if (item) await take(item, source.file, source.path);
        continue;
      }
      const zip = source.file;
      try {
        for await (const entry of zipEntries(zip, { signal })) {
          const item = newItem(`${source.path}/${entry.path}`, entry.size, { zip, entry: entry.path }, entry.skipped);
          corpus.items.push(item);
          notifyCorpus('items');
          if (entry.bytes) await take(item, new File([/** @type {Uint8Array<ArrayBuffer>} */ (entry.bytes)], baseName(entry.path)), entry.path);
        }
      } catch (err) {
        signal.throwIfAborted();
        if (corpusEngine.lost) throw err;
        corpus.items.push(newItem(source.path, zip.size, { file: zip }, reasonOf(err)));
        notifyCorpus('items');
      }
    }
    await analysing;
    signal.throwIfAborted();
    if (!corpus.documents.length) throw new Error(nothingRead());
    const [table, speakers] = await Promise.all([corpusEngine.query('documents'), corpusEngine.query('speakers')]);
    signal.throwIfAborted();
    Object.assign(corpus, { table, speakers, run: 'done' });
    timing.total = performance.now() - started;
    document.body.dataset.corpusTiming = JSON.stringify(timing, (_, v) => (typeof v === 'number' ? Math.round(v) : v));
  } catch (err) {
    if (signal.aborted) return;
    corpus.run = 'failed';
    corpus.failure = reasonOf(err);
  } finally {
    reader.close();
    if (running === controller) running = null;
  }
  notifyCorpus('items');
  notifyCorpus('overview');
}

/** Why a run analysed nothing: each file's reason (the first few). */
function nothingRead() {
  const reasons = corpus.items.slice(0, 5).map((i) => `“${i.path}”: ${i.reason ?? i.state}`);
  const more = corpus.items.length > 5 ? `; and ${fmt.count(corpus.items.length - 5, 'more file')}` : '';
  return `no file could be read as a transcript (${reasons.join('; ')}${more}).`;
}

/**
 * @param {string} path
 * @param {number | null} size  bytes (null: not read yet)
 * @param {import('./corpus-state.js').Origin} origin
 * @param {string} [skipped]  why it is skipped
 * @returns {Item}
 */
const newItem = (path, size, origin, skipped) => ({ path, size, origin, state: skipped ? 'skipped' : 'queued', ...(skipped ? { reason: skipped } : {}) });

/** Cancel: ends the run under way and the worker (what was analysed goes with it). */
export function stopCorpus() {
  if (!running) return;
  running.abort();
  running = null;
  corpusEngine.stop();
  corpus.run = 'cancelled';
  for (const item of corpus.items) if (item.state !== 'analysed' && item.state !== 'skipped') updateItem(item, { state: 'skipped', reason: 'cancelled' });
  notifyCorpus('items');
}
