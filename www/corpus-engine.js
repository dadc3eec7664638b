// @ts-check
// The page's side of the corpus worker (corpus-worker.js): each request a promise of its
// answer. `stop()` ends the worker (Cancel, a new corpus): what was waiting rejects with an
// AbortError, and the next request starts a fresh worker. A trap or a dead worker rejects
// what was waiting with the reason, and so does every request after it until the next
// `start` (the corpus is lost with the worker).

/**
 * @import { AnalyseOptions } from './pkg/colloquy.js'
 * @import { CorpusRequest, CorpusMessage, CorpusRows, CorpusQueryType, Added } from './corpus-protocol.js'
 */

/** @typedef {{ resolve: (value: any) => void, reject: (err: Error) => void }} Waiting */

/**
 * A request without its id (`Omit` distributed over the union, whose members it would merge).
 * @template T
 * @typedef {T extends unknown ? Omit<T, 'id'> : never} WithoutId
 */

class CorpusEngine {
  constructor() {
    this.seq = 0;
    /** @type {Map<number, Waiting>} */
    this.waiting = new Map();
    /** @type {Worker | null} */
    this.worker = null;
    /** @type {Error | null} why the last corpus was lost (a trap, a dead worker), until the next start */
    this.lost = null;
  }

  /** The worker, started when first needed. */
  ensureWorker() {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./corpus-worker.js', import.meta.url), { type: 'module', name: 'colloquy-corpus' });
    worker.addEventListener('message', (e) => {
      if (this.worker === worker) this.receive(/** @type {CorpusMessage} */ (e.data));
    });
    worker.addEventListener('error', (e) => {
      if (this.worker !== worker) return;
      e.preventDefault();
      this.lose(new Error(e.message || 'the corpus worker failed'));
    });
    this.worker = worker;
    return worker;
  }

  /**
   * Ends the worker; whatever waits rejects with `reason` (default: an AbortError).
   * @param {Error} [reason]
   */
  stop(reason = new DOMException('cancelled', 'AbortError')) {
    this.worker?.terminate();
    this.worker = null;
    for (const { reject } of this.waiting.values()) reject(reason);
    this.waiting.clear();
  }

  /**
   * The worker is unusable and its corpus gone: it is ended, and requests fail with `err`.
   * @param {Error} err
   */
  lose(err) {
    this.lost = err;
    this.stop(err);
  }

  /** @param {CorpusMessage} msg */
  receive(msg) {
    if (msg.type === 'ready') return;
    if (msg.type === 'error') {
      const err = Object.assign(new Error(msg.message), msg.name ? { name: msg.name } : {});
      if (msg.fatal || msg.id === null) this.lose(err);
      else this.settle(msg.id, (w) => w.reject(err));
      return;
    }
    this.settle(msg.id, (w) => w.resolve(msg));
  }

  /**
   * @param {number} id
   * @param {(w: Waiting) => void} how
   */
  settle(id, how) {
    const w = this.waiting.get(id);
    if (!w) return;
    this.waiting.delete(id);
    how(w);
  }

  /**
   * Sends `request` and waits for its answer.
   * @param {WithoutId<CorpusRequest>} request
   * @returns {Promise<any>}
   */
  ask(request) {
    if (request.type === 'start') this.lost = null;
    else if (this.lost) return Promise.reject(this.lost);
    const id = ++this.seq;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  }

  /**
   * A new, empty corpus analysed with `options`.
   * @param {AnalyseOptions} options
   * @returns {Promise<void>}
   */
  async start(options) {
    await this.ask({ type: 'start', options });
  }

  /**
   * Analyses one document into the corpus. The text is posted and not kept.
   * @param {{ name: string, text: string, group?: string }} doc
   * @returns {Promise<Added>}
   */
  add(doc) {
    return this.ask({ type: 'add', ...doc });
  }

  /**
   * A view across the documents.
   * @template {CorpusQueryType} T
   * @param {T} type
   * @param {Omit<Extract<CorpusRequest, { type: T }>, 'id' | 'type'>} [args]
   * @returns {Promise<CorpusRows[T]>}
   */
  async query(type, args) {
    const answer = await this.ask(/** @type {WithoutId<CorpusRequest>} */ ({ type, ...args }));
    return answer.rows;
  }
}

/** The page's one corpus engine. */
export const corpusEngine = new CorpusEngine();
