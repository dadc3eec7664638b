// @ts-check
// The page's side of the analysis worker: requests with ids, stale answers dropped,
// cancel by terminating, restart when the worker dies or its wasm traps, recycle when its
// memory has grown too far. The messages are those of protocol.js.
import { BIG_OVER, STREAM_OVER } from './protocol.js';
import { unpack } from './packed.js';

/**
 * @import { Analysis, AnalyseOptions, KwicOptions, DispersionOptions, CollocationOptions, SpreadOptions, DynamicsOptions } from './pkg/colloquy.js'
 * @import { Answer, Request, QueryRequest, QueryRows, QueryType, Progress, Indexed, ErrorKind, Timing } from './protocol.js'
 */

/*
 * Recycling. A wasm instance's memory never shrinks, and analysis after analysis leaves
 * gaps that later texts cannot reuse: a worker held 45 MB after a first 5 MB text and
 * 69 MB after the seventh text of the same size. So before a new text is analysed, a
 * worker whose memory is over RECYCLE_FACTOR times what a fresh worker needs for that
 * text (and over RECYCLE_FLOOR) is replaced by a fresh one. It also gives memory back
 * after a huge text. What a fresh worker needs is learned: its memory once started, plus
 * bytes per UTF-16 unit measured on the first big text each fresh worker analyses.
 * A recycle costs a worker start and a first run on code not yet optimised: 0.5–2 s more
 * on a 5 MB text that takes 1–1.5 s (measured in e2e/hardening.test.mjs, 3 recycles in 30 runs).
 */
export const RECYCLE_FLOOR = 32 * 2 ** 20;
export const RECYCLE_FACTOR = 1.25;
/** Bytes of wasm memory per UTF-16 unit until measured (about 9 on generated transcripts). */
const BYTES_PER_UNIT = 16;

/**
 * A query's rejection when the worker was replaced before it answered (Cancel, a new big
 * text, a crash): a DOMException named `AbortError`.
 * @param {unknown} err
 */
export const isCancelled = (err) => err instanceof DOMException && err.name === 'AbortError';

/**
 * @typedef {object} EngineCallbacks
 * @property {(version: string) => void} [onReady]  the worker has started
 * @property {(analysis: Analysis) => void} [onRehearsed]  the worker rehearsed on the bundled example (worker.js: rehearse)
 * @property {(progress: Progress) => void} [onProgress]  a big text is being read
 * @property {(indexed: Indexed) => void} [onIndexed]  a streamed (huge) text can now be queried
 * @property {(analysis: Analysis, info: ResultInfo) => void} [onResult]
 * @property {(message: string, info: { kind: ErrorKind, id: number | null, name?: string, key?: string, reason?: string }) => void} [onError]  an analysis failed
 * @property {(message: string, info: { gaveUp: boolean }) => void} [onCrash]  the worker died (and was restarted unless `gaveUp`)
 * @property {(info: { memory: number, limit: number }) => void} [onRecycle]  the worker is replaced by a fresh one
 */
/**
 * What came with a result: `ms` the worker's time, `timing` where it went (protocol.js),
 * `transfer` ms from the worker posting it to the page's handler (the copy both ways).
 * @typedef {{ id: number, ms: number, memory: number, recycles: number, starts: number, timing: Timing, transfer: number }} ResultInfo
 */
/**
 * A query waiting for its answer.
 * @typedef {{ type: QueryType, resolve: (rows: QueryRows[QueryType] | null) => void, reject: (err: Error) => void }} Pending
 */

export class Engine {
  /** @param {EngineCallbacks} callbacks */
  constructor(callbacks) {
    this.cb = callbacks;
    this.seq = 0;
    /** @type {Map<number, Pending>} the queries waiting for an answer, by id */
    this.pending = new Map();
    this.perUnit = 0; // measured wasm bytes per UTF-16 unit (0: not yet)
    this.base = 0; // wasm bytes of a fresh worker
    this.recycles = 0;
    this.starts = 0;
    this.failed = false; // the worker kept dying: no more restarts
    /** @type {number[]} when the worker died lately (ms since the epoch) */
    this.crashes = [];
    // Set by start():
    this.ready = false;
    this.latest = -1; // the analyse/view request whose answer the page wants
    this.doc = -1; // the analyse request whose document the worker holds
    this.indexed = false;
    /** @type {{ id: number, big: boolean, streamed?: boolean } | null} while an analysis runs (big: progress shown; streamed: a Document loads after the result) */
    this.running = null;
    this.memory = 0; // bytes of wasm memory the worker last reported
    this.fresh = true; // no text analysed yet
    /** @type {{ id: number, units: number, streamed: boolean } | null} the first big text of this worker, to measure */
    this.sample = null;
    this.worker = this.start();
  }

  /** Starts a fresh worker. */
  start() {
    this.ready = false;
    this.latest = -1;
    this.doc = -1;
    this.indexed = false;
    this.running = null;
    this.memory = 0;
    this.fresh = true;
    this.sample = null;
    this.starts += 1;
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'colloquy-analysis' });
    // Events of a worker that has been replaced (terminated) are ignored.
    worker.addEventListener('message', (e) => {
      const arrived = performance.timeOrigin + performance.now();
      if (this.worker === worker) this.receive(/** @type {Answer} */ (e.data), arrived);
    });
    worker.addEventListener('error', (e) => {
      if (this.worker !== worker) return;
      e.preventDefault();
      this.crash(e.message || 'the analysis worker failed');
    });
    worker.addEventListener('messageerror', () => {
      if (this.worker === worker) this.crash('a message from the analysis worker could not be read');
    });
    this.worker = worker;
    return worker;
  }

  /** Terminates the worker (cancelling whatever it does) and starts a fresh one. */
  restart() {
    this.worker.terminate();
    for (const { reject } of this.pending.values()) reject(new DOMException('cancelled: the analysis worker was replaced', 'AbortError'));
    this.pending.clear();
    this.start();
  }

  get busy() {
    return this.running !== null;
  }

  /** @param {string} message */
  crash(message) {
    // A worker that keeps dying (say, the wasm cannot compile here) is not restarted forever.
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < 10_000).concat(now);
    const gaveUp = this.crashes.length > 3;
    if (gaveUp) {
      this.worker.terminate();
      this.running = null;
      this.failed = true;
    } else {
      this.restart();
    }
    this.cb.onCrash?.(message, { gaveUp });
  }

  /**
   * Wasm bytes a fresh worker needs for a text of `units` UTF-16 units.
   * @param {number} units
   */
  need(units) {
    return this.base + (this.perUnit || BYTES_PER_UNIT) * units;
  }

  /**
   * The memory over which a worker is recycled before analysing `units`.
   * @param {number} units
   */
  memoryLimit(units) {
    return Math.max(RECYCLE_FLOOR, RECYCLE_FACTOR * this.need(units));
  }

  /** @param {Request} request */
  send(request) {
    this.worker.postMessage(request);
  }

  /**
   * Analyses `text` from scratch; a running big analysis is cancelled first, and a worker
   * holding far more memory than the text needs is replaced (the loaded text is dropped
   * either way, so nothing is lost).
   * @param {string} text
   * @param {AnalyseOptions} options
   */
  analyse(text, options) {
    if (this.running?.big) {
      this.restart();
    } else if (this.ready && this.memory > this.memoryLimit(text.length)) {
      this.recycles += 1;
      this.cb.onRecycle?.({ memory: this.memory, limit: this.memoryLimit(text.length) });
      this.restart();
    }
    if (this.fresh && text.length > BIG_OVER) this.sample = { id: this.seq + 1, units: text.length, streamed: text.length > STREAM_OVER };
    this.fresh = false;
    const id = ++this.seq;
    this.latest = id;
    this.doc = id;
    this.indexed = false;
    this.running = { id, big: text.length > BIG_OVER, streamed: text.length > STREAM_OVER };
    this.send({ type: 'analyse', id, text, options });
    return id;
  }

  /**
   * Re-reports the loaded text with other view options. False if there is no loaded text.
   * @param {AnalyseOptions} view
   */
  view(view) {
    if (this.doc < 0 || this.running) return false;
    const id = ++this.seq;
    this.latest = id;
    this.running = { id, big: false };
    this.send({ type: 'view', id, doc: this.doc, view });
    return true;
  }

  cancel() {
    if (!this.running) return;
    this.restart();
  }

  /**
   * Asks the loaded document; resolves to its rows, or null if the document changed meanwhile.
   * @template {QueryType} T
   * @param {QueryRequest & { type: T }} request
   * @returns {Promise<QueryRows[T] | null>}
   */
  query(request) {
    return new Promise((resolve, reject) => {
      // The worker answers a request with rows of the type it asked for (receive() checks the type).
      const settle = /** @type {(rows: QueryRows[QueryType] | null) => void} */ (resolve);
      this.pending.set(request.id, { type: request.type, resolve: settle, reject });
      this.send(request);
    });
  }

  /**
   * Keyword in context. `query`: a term, phrase or `*` pattern, or an array of them (one list).
   * @param {string | string[]} query
   * @param {KwicOptions} options
   */
  kwic(query, options) {
    return this.query({ type: 'kwic', id: ++this.seq, doc: this.doc, query, options });
  }

  /**
   * Where each of `terms` occurs, and how evenly.
   * @param {string[]} terms
   * @param {DispersionOptions} options
   */
  dispersion(terms, options) {
    return this.query({ type: 'dispersion', id: ++this.seq, doc: this.doc, terms, options });
  }

  /**
   * Collocates of `node`, or all bigrams when `node` is null.
   * @param {string | null} node
   * @param {CollocationOptions} options
   */
  collocations(node, options) {
    return this.query({ type: 'collocations', id: ++this.seq, doc: this.doc, node, options });
  }

  /**
   * The terms spread most and least evenly.
   * @param {SpreadOptions} options
   */
  spread(options) {
    return this.query({ type: 'spread', id: ++this.seq, doc: this.doc, options });
  }

  /**
   * Conversation dynamics (timing, turn-taking, questions, interruptions, talk over time).
   * @param {DynamicsOptions} options
   */
  dynamics(options) {
    return this.query({ type: 'dynamics', id: ++this.seq, doc: this.doc, options });
  }

  /**
   * The first big text of a fresh worker is parsed, counted and loaded: the memory it
   * needed per UTF-16 unit.
   * @param {number} memory
   */
  measured(memory) {
    if (!this.sample) return;
    this.perUnit = Math.max(this.perUnit, (memory - this.base) / this.sample.units);
    this.sample = null;
  }

  /**
   * @param {Answer} msg
   * @param {number} arrived  when its handler ran (ms since the epoch)
   */
  receive(msg, arrived) {
    if ('memory' in msg && typeof msg.memory === 'number') this.memory = msg.memory;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.base = msg.memory;
        this.cb.onReady?.(msg.version);
        return;
      case 'rehearsed':
        this.cb.onRehearsed?.(msg.analysis);
        return;
      case 'progress':
        if (msg.id === this.latest) this.cb.onProgress?.(msg);
        return;
      case 'result':
        if (msg.id !== this.latest) return;
        if (msg.id === this.sample?.id && !this.sample.streamed) this.measured(msg.memory);
        if (msg.id === this.doc && !this.running?.streamed) this.indexed = true;
        this.running = null;
        this.cb.onResult?.(msg.analysis, {
          id: msg.id, ms: msg.ms, memory: msg.memory, recycles: this.recycles, starts: this.starts,
          timing: msg.timing, transfer: arrived - msg.timing.posted,
        });
        return;
      case 'indexed':
        if (msg.id === this.sample?.id) this.measured(msg.memory);
        if (msg.id === this.doc) {
          this.indexed = true;
          this.cb.onIndexed?.(msg);
        }
        return;
      case 'kwic':
      case 'dispersion':
      case 'collocations':
      case 'spread':
      case 'dynamics': {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (p && p.type !== msg.type) throw new Error(`the worker answered a ${p.type} request with ${msg.type}`);
        if (msg.stale) p?.resolve(null);
        else p?.resolve(msg.type === 'dispersion' ? unpack(msg.rows) : msg.rows);
        return;
      }
      case 'error': {
        const p = msg.id === null ? undefined : this.pending.get(msg.id);
        if (p && msg.id !== null) {
          this.pending.delete(msg.id);
          p.reject(Object.assign(new Error(msg.message), { name: msg.name ?? 'Error', key: msg.key, reason: msg.reason }));
          if (msg.kind === 'fatal') this.crash(msg.message);
          return;
        }
        if (msg.kind === 'fatal') {
          this.crash(msg.message);
          return;
        }
        if (msg.id !== this.latest) return;
        this.running = null;
        if (msg.kind === 'no-document') this.doc = -1;
        this.cb.onError?.(msg.message, { kind: msg.kind, id: msg.id, name: msg.name, key: msg.key, reason: msg.reason });
        return;
      }
      default:
    }
  }
}
