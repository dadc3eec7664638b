// The page's side of the analysis worker: requests with ids, stale answers dropped,
// cancel by terminating, restart when the worker dies.

/** Texts longer than this stream through the worker's Analyzer with progress (as in worker.js). */
export const STREAM_OVER = 1_000_000;

export class Engine {
  /**
   * Callbacks: onReady(version), onProgress({ done, total, phase }), onResult(analysis, info),
   * onIndexed(), onError(message, { kind }), onCrash(message).
   */
  constructor(callbacks) {
    this.cb = callbacks;
    this.seq = 0;
    this.pending = new Map(); // id → { resolve, reject } for the document queries
    this.start();
  }

  start() {
    this.ready = false;
    this.latest = -1; // the analyse/view request whose answer the page wants
    this.doc = -1; // the analyse request whose document the worker holds
    this.indexed = false;
    this.running = null; // { id, big } while an analysis runs
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'colloquy-analysis' });
    worker.addEventListener('message', (e) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.crash(e.message || 'the analysis worker failed');
    });
    worker.addEventListener('messageerror', () => this.crash('a message from the analysis worker could not be read'));
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

  /** Analyses `text` from scratch; a running big analysis is cancelled first. */
  analyse(text, options) {
    if (this.running?.big) this.restart();
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
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.cb.onReady?.(msg.version);
        return;
      case 'progress':
        if (msg.id === this.latest) this.cb.onProgress?.(msg);
        return;
      case 'result':
        if (msg.id !== this.latest) return;
        if (msg.id === this.doc && !this.running?.big) this.indexed = true;
        this.running = null;
        this.cb.onResult?.(msg.analysis, { id: msg.id, ms: msg.ms });
        return;
      case 'indexed':
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
