// @ts-check
// The messages between the page (corpus-engine.js) and the corpus worker (corpus-worker.js),
// which holds one wasm `Corpus`: the page sends the documents one at a time, the worker
// adds each and answers with its row, then the page asks for the views across documents.
// Every request carries an `id`, every answer the same id; one at a time, in order.
//
// The page drops a text once posted (a document is read again from its file to open it);
// the worker's Corpus keeps each document's counts, and texts up to KEEP_BYTES for the
// concordance.

/**
 * @import { AnalyseOptions, KwicOptions, DocumentRow, CorpusDocuments, CorpusSpeaker, Trends, TrendOptions,
 *   GroupKeyness, GroupKeynessOptions, DocumentFrequency, FrequencyOptions, CorpusKwic } from './pkg/colloquy.js'
 */

/**
 * The texts the Corpus keeps whole for the concordance across documents, in UTF-8 bytes
 * (the core's `keepBytes`); later documents keep their counts only.
 */
export const KEEP_BYTES = 64 * 2 ** 20;

// ---------------------------------------------------------------- page → worker

/**
 * A new, empty corpus analysed with `options` (the page's settings), keeping KEEP_BYTES of text.
 * @typedef {{ type: 'start', id: number, options: AnalyseOptions }} StartRequest
 */
/**
 * One document: its file's name (the core reads a date from it), its text, and its group
 * (the folder it is in).
 * @typedef {{ type: 'add', id: number, name: string, text: string, group?: string }} AddRequest
 */
/**
 * The views across documents (`args` as the Corpus method takes them).
 * @typedef {{ type: 'documents', id: number }
 *   | { type: 'speakers', id: number }
 *   | { type: 'trends', id: number, options: TrendOptions }
 *   | { type: 'keyness', id: number, options: GroupKeynessOptions }
 *   | { type: 'frequency', id: number, options: FrequencyOptions }
 *   | { type: 'kwic', id: number, query: string, options: KwicOptions }} CorpusQuery
 */
/** @typedef {StartRequest | AddRequest | CorpusQuery} CorpusRequest */

/**
 * What each query answers with.
 * @typedef {{ documents: CorpusDocuments, speakers: CorpusSpeaker[], trends: Trends, keyness: GroupKeyness,
 *   frequency: DocumentFrequency, kwic: CorpusKwic }} CorpusRows
 */
/** @typedef {keyof CorpusRows} CorpusQueryType */

// ---------------------------------------------------------------- worker → page

/** @typedef {{ type: 'ready', memory: number }} CorpusReady */
/** @typedef {{ type: 'started', id: number }} Started */
/**
 * A document added: its row (`ms`: the worker's time for it).
 * @typedef {{ type: 'added', id: number, row: DocumentRow, ms: number, memory: number }} Added
 */
/**
 * A query's answer.
 * @template {CorpusQueryType} T
 * @typedef {{ type: T, id: number, rows: CorpusRows[T] }} CorpusAnswer
 */
/**
 * A request that failed; `fatal`: the wasm trapped or could not start, the worker must be replaced.
 * @typedef {{ type: 'error', id: number | null, message: string, name?: string, fatal: boolean }} CorpusFailure
 */
/**
 * @typedef {CorpusReady | Started | Added | CorpusFailure | CorpusAnswer<'documents'> | CorpusAnswer<'speakers'>
 *   | CorpusAnswer<'trends'> | CorpusAnswer<'keyness'> | CorpusAnswer<'frequency'> | CorpusAnswer<'kwic'>} CorpusMessage
 */

export {};
