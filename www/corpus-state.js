// @ts-check
// The corpus's state: its files and how far each has come, the worker's rows for the views
// across documents, and whether the page shows the corpus or one of its documents. Data
// flows one way: corpus-run.js puts answers in here, watchers are told, views draw.
// No text is kept here: a document is read again from its file (or archive) to be opened.

/**
 * @import { CorpusDocuments, CorpusSpeaker } from './pkg/colloquy.js'
 */

/**
 * Where a document's bytes are: a file, or an entry of an archive.
 * @typedef {{ file: File } | { zip: File, entry: string }} Origin
 */
/**
 * A file of the corpus and how far it has come (`document`: its index in the worker's
 * Corpus once analysed).
 * @typedef {object} Item
 * @property {string} path  as given (folder and archive included)
 * @property {number | null} size  bytes (null until the file is read)
 * @property {Origin} origin
 * @property {'queued' | 'reading' | 'analysing' | 'analysed' | 'skipped'} state
 * @property {string} [reason]  why it was skipped
 * @property {number} [words]
 * @property {number} [document]
 */

export const corpus = {
  /** @type {Item[]} every file of the run, in order */
  items: [],
  /** @type {Item[]} the analysed files, by their index in the Corpus */
  documents: [],
  /** @type {'idle' | 'running' | 'done' | 'cancelled' | 'failed'} */
  run: 'idle',
  /** why the run failed ('failed') */
  failure: '',
  /** the options the corpus was analysed with (JSON), to tell when the settings have changed since */
  options: '',
  /** @type {Mode} what the results column shows: the corpus, or one document's analysis */
  mode: /** @type {Mode} */ ('document'),
  /** @type {CorpusDocuments | null} */
  table: null,
  /** @type {CorpusSpeaker[]} */
  speakers: [],
};

/** @typedef {'items' | 'overview' | 'mode'} CorpusTopic */
/** @typedef {'corpus' | 'document'} Mode */
/** @type {Record<CorpusTopic, (() => void)[]>} */
const watchers = { items: [], overview: [], mode: [] };

/**
 * @param {CorpusTopic} topic
 * @param {() => void} fn
 */
export const watchCorpus = (topic, fn) => watchers[topic].push(fn);

/** @param {CorpusTopic} topic */
export const notifyCorpus = (topic) => watchers[topic].forEach((fn) => fn());

/**
 * Shows the corpus, or one document (a text pasted, typed or opened, or a document of the corpus).
 * @param {Mode} mode
 */
export function showMode(mode) {
  if (corpus.mode === mode) return;
  corpus.mode = mode;
  notifyCorpus('mode');
}

/** @type {((item: Item) => void)[]} */
const itemWatchers = [];
/** @param {(item: Item) => void} fn  told when one item changes */
export const watchItem = (fn) => itemWatchers.push(fn);

/**
 * Updates one item and tells its watchers.
 * @param {Item} item
 * @param {Partial<Item>} change
 */
export function updateItem(item, change) {
  Object.assign(item, change);
  itemWatchers.forEach((fn) => fn(item));
}

/**
 * The name a document is shown by: its path's last part.
 * @param {{ path: string }} item
 */
export const itemName = (item) => item.path.slice(item.path.lastIndexOf('/') + 1);
