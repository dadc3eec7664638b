// The page's side of the analysis worker: requests with ids, stale answers dropped,
// cancel by terminating, restart when the worker dies or its wasm traps, recycle when its
// memory has grown too far.

/** Texts longer than this stream through the worker's Analyzer with progress (as in worker.js). */
export const STREAM_OVER = 1_000_000;

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

export class Engine {
  /**
   * Callbacks: onReady(version), onProgress({ done, total, phase }),
   * onResult(analysis, { id, ms, memory, recycles, starts }), onIndexed({ id, ms, memory }),
   * onError(message, { kind }), onCrash(message, { gaveUp }), onRecycle({ memory, limit }).
   */
  constructor(callbacks) {
    this.cb = callbacks;
    this.seq = 0;
    this.pending = new Map(); // id → { resolve, reject } for the document queries
    this.perUnit = 0; // measured wasm bytes per UTF-16 unit (0: not yet)
    this.base = 0; // wasm bytes of a fresh worker
    this.recycles = 0;
    this.start();
  }

  start() {
    this.ready = false;
    this.latest = -1; // the analyse/view request whose answer the page wants
    this.doc = -1; // the analyse request whose document the worker holds
    this.indexed = false;
    this.running = null; // { id, big } while an analysis runs
    this.memory = 0; // bytes of wasm memory the worker last reported
    this.fresh = true; // no text analysed yet
    this.sample = null; // { id, units }: the first big text of this worker, to measure
    this.starts = (this.starts ?? 0) + 1;
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'colloquy-analysis' });
    // Events of a worker that has been replaced (terminated) are ignored.
    const own = (listener) => (e) => {
      if (this.worker === worker) listener(e);
    };
    worker.addEventListener('message', own((e) => this.receive(e.data)));
    worker.addEventListener('error', own((e) => {
      e.preventDefault();
      this.crash(e.message || 'the analysis worker failed');
    }));
    worker.addEventListener('messageerror', own(() => this.crash('a message from the analysis worker could not be read')));
    this.worker = worker;
  }

  /** Terminates the worker (cancelling whatever it does) and starts a fresh one. */
  restart() {
    this.worker.terminate();
    for (const { reject } of this.pending.values()) reject(new Error('cancelled'));
    this.pending.clear();
    this.start();
  }

  get busy() {
    return this.running !== null;
  }

  crash(message) {
    // A worker that keeps dying (say, the wasm cannot compile here) is not restarted forever.
    const now = Date.now();
    this.crashes = (this.crashes ?? []).filter((t) => now - t < 10_000).concat(now);
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

  /** Wasm bytes a fresh worker needs for a text of `units` UTF-16 units. */
  need(units) {
    return this.base + (this.perUnit || BYTES_PER_UNIT) * units;
  }

  /** The memory over which a worker is recycled before analysing `units`. */
  memoryLimit(units) {
    return Math.max(RECYCLE_FLOOR, RECYCLE_FACTOR * this.need(units));
  }

  /**
   * Analyses `text` from scratch; a running big analysis is cancelled first, and a worker
   * holding far more memory than the text needs is replaced (the loaded text is dropped
   * either way, so nothing is lost).
   */
  analyse(text, options) {
    if (this.running?.big) {
      this.restart();
    } else if (this.ready && this.memory > this.memoryLimit(text.length)) {
      this.recycles += 1;
      this.cb.onRecycle?.({ memory: this.memory, limit: this.memoryLimit(text.length) });
      this.restart();
    }
    if (this.fresh && text.length > STREAM_OVER) this.sample = { id: this.seq + 1, units: text.length };
    this.fresh = false;
    const id = ++this.seq;
    this.latest = id;
    this.doc = id;
    this.indexed = false;
    this.running = { id, big: text.length > STREAM_OVER };
    this.worker.postMessage({ type: 'analyse', id, text, options });
    return id;
  }

  /** Re-reports the loaded text with other view options. False if there is no loaded text. */
  view(view) {
    if (this.doc < 0 || this.running) return false;
    const id = ++this.seq;
    this.latest = id;
    this.running = { id, big: false };
    this.worker.postMessage({ type: 'view', id, doc: this.doc, view });
    return true;
  }

  cancel() {
    if (!this.running) return;
    this.restart();
  }

  /** Asks the loaded document; resolves to rows, or null if the document changed meanwhile. */
  query(type, payload) {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type, id, doc: this.doc, ...payload });
    });
  }

  /** `query`: a term, phrase or `*` pattern, or an array of them (one list). */
  kwic(query, options) {
    return this.query('kwic', { query, options });
  }

  dispersion(terms, options) {
    return this.query('dispersion', { terms, options });
  }

  /** Collocates of `node`, or all bigrams when `node` is null. */
  collocations(node, options) {
    return this.query('collocations', { node, options });
  }

  /** The terms spread most and least evenly. */
  spread(options) {
    return this.query('spread', { options });
  }

  receive(msg) {
    if (typeof msg.memory === 'number') this.memory = msg.memory;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.base = msg.memory;
        this.cb.onReady?.(msg.version);
        return;
      case 'progress':
        if (msg.id === this.latest) this.cb.onProgress?.(msg);
        return;
      case 'result':
        if (msg.id !== this.latest) return;
        if (msg.id === this.doc && !this.running?.big) this.indexed = true;
        this.running = null;
        this.cb.onResult?.(msg.analysis, { id: msg.id, ms: msg.ms, memory: msg.memory, recycles: this.recycles, starts: this.starts });
        return;
      case 'indexed':
        if (msg.id === this.sample?.id) {
          // The text is parsed, counted and loaded: the memory a fresh worker needed for it.
          this.perUnit = Math.max(this.perUnit, (msg.memory - this.base) / this.sample.units);
          this.sample = null;
        }
        if (msg.id === this.doc) {
          this.indexed = true;
          this.cb.onIndexed?.(msg);
        }
        return;
      case 'kwic':
      case 'dispersion':
      case 'collocations':
      case 'spread': {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        p?.resolve(msg.stale ? null : msg.rows);
        return;
      }
      case 'error': {
        const p = this.pending.get(msg.id);
        if (p) {
          this.pending.delete(msg.id);
          p.reject(new Error(msg.message));
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
        this.cb.onError?.(msg.message, { kind: msg.kind, id: msg.id });
        return;
      }
      default:
    }
  }
}
