// @ts-check
// The messages between the page (engine.js) and the analysis worker (worker.js), and the
// result types they carry (generated from the core's Rust types into pkg/colloquy.d.ts).
//
// Every request carries an `id`; every answer to it carries the same id. Requests are
// handled one at a time, in order. Queries (kwic, dispersion, collocations, spread, dynamics) read
// the loaded Document: `doc` is the id of the analyse request that loaded the document
// the page means, and a query for another document is answered `stale`.
// `memory` is the byte size of the wasm instance's memory, which only ever grows: the page
// recycles the worker when it has grown far past what the texts need (engine.js).

/**
 * @import { Analysis, AnalyseOptions, KwicOptions, KwicHit, DispersionOptions, Dispersion,
 *   CollocationOptions, Collocate, SpreadOptions, Spread, DynamicsOptions, Dynamics } from './pkg/colloquy.js'
 * @import { PackedDispersion } from './packed.js'
 */

/** Texts longer than this (UTF-16 units) are big: their reading reports progress, and a new text cancels them. */
export const BIG_OVER = 1_000_000;
/**
 * Texts longer than this (UTF-16 units) stream through an Analyzer for their result, and
 * are then loaded as a Document for the queries (`indexed` says when). Below it one
 * Document gives both. A Document's `analysis()` of a whole 100 MB text takes its wasm
 * memory from 757 MB to 1,180 MB, over the 1 GiB the page allows itself; streamed, the
 * result comes from 1 MiB parts and the Document is only loaded (770 MB at most).
 */
export const STREAM_OVER = 32 * 2 ** 20;

// ---------------------------------------------------------------- page → worker

/**
 * Parses and analyses a text, and keeps it loaded as the Document queries read.
 * @typedef {{ type: 'analyse', id: number, text: string, options: AnalyseOptions }} AnalyseRequest
 */
/**
 * Re-reports the loaded Document with other view options (no parse).
 * @typedef {{ type: 'view', id: number, doc: number, view: AnalyseOptions }} ViewRequest
 */
/**
 * Keyword in context: `query` is a term, a phrase or a `*` pattern, or an array of them
 * (one list, as of one query: a stemmed term's forms).
 * @typedef {{ type: 'kwic', id: number, doc: number, query: string | string[], options: KwicOptions }} KwicRequest
 */
/** @typedef {{ type: 'dispersion', id: number, doc: number, terms: string[], options: DispersionOptions }} DispersionRequest */
/**
 * Collocates of `node`; all bigrams when `node` is null.
 * @typedef {{ type: 'collocations', id: number, doc: number, node: string | null, options: CollocationOptions }} CollocationsRequest
 */
/** @typedef {{ type: 'spread', id: number, doc: number, options: SpreadOptions }} SpreadRequest */
/**
 * Conversation dynamics: timing, turn-taking, questions and answers, interruptions, talk over time.
 * @typedef {{ type: 'dynamics', id: number, doc: number, options: DynamicsOptions }} DynamicsRequest
 */
/** @typedef {KwicRequest | DispersionRequest | CollocationsRequest | SpreadRequest | DynamicsRequest} QueryRequest */
/** @typedef {AnalyseRequest | ViewRequest | QueryRequest} Request */

/**
 * What each query answers with.
 * @typedef {{ kwic: KwicHit[], dispersion: Dispersion[], collocations: Collocate[], spread: Spread, dynamics: Dynamics }} QueryRows
 */
/** @typedef {keyof QueryRows} QueryType */
/**
 * The rows as posted: dispersion packed into typed arrays (packed.js), the rest as they are.
 * @typedef {Omit<QueryRows, 'dispersion'> & { dispersion: PackedDispersion[] }} PostedRows
 */

// ---------------------------------------------------------------- worker → page

/**
 * Once, when the wasm has started.
 * @typedef {{ type: 'ready', version: string, memory: number }} Ready
 */
/**
 * Once, when the worker has rehearsed on the bundled example and no request came
 * meanwhile: its analysis, for the page to draw unseen and so warm its own code.
 * @typedef {{ type: 'rehearsed', analysis: Analysis }} Rehearsed
 */
/**
 * After a streamed text's result (over STREAM_OVER): it is loaded as a Document, so queries can run.
 * @typedef {{ type: 'indexed', id: number, ms: number, memory: number }} Indexed
 */
/**
 * While a big text is read (`done` of `total`: UTF-8 bytes when it is loaded as a
 * Document, UTF-16 units when it streams).
 * @typedef {{ type: 'progress', id: number, done: number, total: number, phase: 'reading' }} Progress
 */
/**
 * Where a result's time went in the worker: parsing and counting (`load`, 0 for `view`),
 * the report (`report`: the analysis built and made a JS value), and when it was posted
 * (`posted`: ms since the epoch, `performance.timeOrigin + performance.now()`, so the page
 * can tell how long the message took to arrive).
 * @typedef {{ load: number, report: number, posted: number }} Timing
 */
/**
 * The answer to `analyse` or `view`; `ms` is the time taken in the worker.
 * @typedef {{ type: 'result', id: number, analysis: Analysis, ms: number, memory: number, timing: Timing }} Result
 */
/**
 * The answer to a query: its rows, or `stale` when the Document asked for is no longer loaded.
 * @template {QueryType} T
 * @typedef {{ type: T, id: number, rows: PostedRows[T], stale?: undefined } | { type: T, id: number, stale: true }} QueryAnswer
 */
/**
 * `error`: the request failed (bad options, say). `no-document`: a `view` found no loaded
 * Document. `fatal`: the worker is unusable and must be replaced: the wasm could not start,
 * or it trapped (a panic, or running out of memory) and its state is no longer
 * trustworthy; after a trap every later request fails as `fatal` too.
 * @typedef {'error' | 'no-document' | 'fatal'} ErrorKind
 */
/**
 * A request that failed (`id` null: the worker could not start). `name` is the engine's
 * error name (`OptionsError`, `TooLargeError`, …); for an `OptionsError`, `key` names the
 * option and `reason` says what is wrong with it.
 * @typedef {{ type: 'error', id: number | null, message: string, kind: ErrorKind, memory?: number,
 *   name?: string, key?: string, reason?: string }} Failure
 */
/**
 * @typedef {Ready | Rehearsed | Progress | Result | Indexed | Failure
 *   | QueryAnswer<'kwic'> | QueryAnswer<'dispersion'> | QueryAnswer<'collocations'> | QueryAnswer<'spread'>
 *   | QueryAnswer<'dynamics'>} Answer
 */
