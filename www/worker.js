// The analysis worker: owns the wasm core, so the page never freezes.
//
// Messages in (each with an `id`):
//   { type: 'analyse', id, text, options }  parse + analyse; big texts stream with progress
//   { type: 'view', id, view }              re-analyse the loaded text with other view options
//   { type: 'kwic', id, doc, query, options }      query: a string, or an array of them (one
//                                                   list, as of one query: a stemmed term's forms)
//   { type: 'dispersion', id, doc, terms, options }
//   { type: 'collocations', id, doc, node, options }  node null: all bigrams
//   { type: 'spread', id, doc, options }
// Messages out: { type: 'ready', version, memory } once; then, per request id,
//   { type: 'progress', id, done, total, phase } · { type: 'result', id, analysis, ms, memory }
//   { type: 'indexed', id, memory } · { type: 'kwic' | 'dispersion' | 'collocations' | 'spread', id, rows }
//   · { type: 'error', id, message, kind, memory }
// `memory` is the byte size of the wasm instance's memory, which only ever grows: the page
// recycles the worker when it has grown far past what the texts need (engine.js).
// Queries read the loaded Document: changing a query's options never parses the text again.
//
// kind 'fatal' means the worker is unusable and must be replaced: the wasm could not start,
// or it trapped (a panic, or running out of memory) and its state is no longer trustworthy.
// After a trap the worker runs no more wasm: every later request fails as 'fatal' too.
//
// The page's CSP forbids fetch, so the wasm comes as an ES module of base64 bytes.
import { initSync, Analyzer, Document, version } from './pkg/colloquy.js';
import { base64 } from './pkg/colloquy_bg.wasm.js';

// The page's CSP does not reach a worker (a worker's policy comes with its own HTTP response,
// which a static host does not send), so the worker gives up network access itself.
// (`caches`: Cache.add() fetches; WebSocketStream: Chromium's streams WebSocket. A dynamic
// import() cannot be taken away: only a CSP header on worker.js would refuse it.)
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'caches', 'WebSocketStream']) {
  Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false });
}

/** Texts longer than this (UTF-16 units) stream through an Analyzer, with progress. */
const STREAM_OVER = 1_000_000;
const CHUNK = 256 * 1024;

function decodeBase64(s) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(s);
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The wasm instance's exports (its memory), once started. */
let wasm = null;
/** Set by the first trap: the instance's memory may be inconsistent, so it is not called again. */
let trapped = null;
const memory = () => wasm?.memory.buffer.byteLength ?? 0;

/** The loaded document: its request id, and the Document (null while indexing). */
let current = { id: -1, doc: null };
/** One request at a time, in order (a streaming analysis awaits between chunks).
 * The listener is added before the wasm is compiled, so no early message is lost. */
let queue = WebAssembly.compile(decodeBase64(base64)).then((module) => {
  wasm = initSync({ module });
  warmUp();
  self.postMessage({ type: 'ready', version: version(), memory: memory() });
});
queue.catch((err) => self.postMessage({ type: 'error', id: null, kind: 'fatal', message: `the analysis engine could not start: ${err?.message ?? err}` }));

self.addEventListener('message', (event) => {
  const msg = event.data;
  queue = queue.then(() => handle(msg)).catch((err) => fail(msg.id, err));
});

/**
 * A trap: a WebAssembly.RuntimeError (`unreachable` from a panic or an allocation failure,
 * out-of-bounds, …), or a RangeError (the stack overflowed, or memory could not grow).
 * Either may stop the wasm half-way through a change to its memory.
 */
const isTrap = (err) => err instanceof WebAssembly.RuntimeError || err instanceof RangeError;

function fail(id, err) {
  const message = err?.message ?? String(err);
  if (isTrap(err)) {
    trapped ??= `${err.name}: ${message}`;
    // The module is unusable: say so, so the page replaces this worker.
    self.postMessage({ type: 'error', id, message: trapped, kind: 'fatal', memory: memory() });
    return;
  }
  self.postMessage({ type: 'error', id, message, kind: trapped ? 'fatal' : 'error', memory: memory() });
}

/** Runs every code path once, so the first real analysis pays no first-call costs. */
function warmUp() {
  const sample = [
    'Good morning. We have completed the session of the Council, and the talks went well.',
    '',
    'Question: What about the talks with our partners? Will the next round take place in May?',
    'Jane Doe: (APPLAUSE) The talks went well. The next round is in May, and the talks will continue.',
    'Question: And the partners?',
    'Jane Doe: Our partners agree. The next round is in May.',
    '',
    'Дополнительные материалы',
    'Фото',
  ].join('\n');
  for (let i = 0; i < 3; i++) {
    const doc = Document.load(sample, {});
    doc.analysis({ topTerms: 100, topPhrases: 1000, topSpeakerTerms: 50 });
    doc.kwic('talks', { width: 8 });
    doc.kwic(['talks', 'round'], { width: 5, sort: 'left' });
    doc.dispersion(['talks', 'round'], {});
    doc.dispersion(['talks'], { parts: 'speakers' });
    doc.collocations('talks', { minCount: 1 });
    doc.collocations(null, { minCount: 1 });
    doc.spread({ minCount: 1 });
    doc.free();
  }
}

async function handle(msg) {
  if (trapped) throw new Error(`the analysis engine failed earlier (${trapped})`);
  switch (msg.type) {
    case 'analyse':
      return analyse(msg);
    case 'view': {
      if (current.id !== msg.doc || !current.doc) {
        self.postMessage({ type: 'error', id: msg.id, kind: 'no-document', message: 'no document loaded' });
        return;
      }
      const started = performance.now();
      const analysis = current.doc.analysis(msg.view);
      self.postMessage({ type: 'result', id: msg.id, analysis, ms: performance.now() - started, memory: memory() });
      return;
    }
    case 'kwic':
    case 'dispersion':
    case 'collocations':
    case 'spread': {
      if (current.id !== msg.doc || !current.doc) {
        self.postMessage({ type: msg.type, id: msg.id, stale: true });
        return;
      }
      const doc = current.doc;
      const rows = {
        kwic: () => doc.kwic(msg.query, msg.options),
        dispersion: () => doc.dispersion(msg.terms, msg.options),
        collocations: () => doc.collocations(msg.node, msg.options),
        spread: () => doc.spread(msg.options),
      }[msg.type]();
      self.postMessage({ type: msg.type, id: msg.id, rows });
      return;
    }
    default:
      throw new Error(`unknown request ${msg.type}`);
  }
}

async function analyse({ id, text, options }) {
  const started = performance.now();
  current.doc?.free();
  current = { id, doc: null };
  if (text.length <= STREAM_OVER) {
    const doc = Document.load(text, options);
    current.doc = doc;
    const analysis = doc.analysis();
    self.postMessage({ type: 'result', id, analysis, ms: performance.now() - started, memory: memory() });
    return;
  }
  // Big text: stream it in chunks, reporting progress and yielding between chunks.
  const analyzer = new Analyzer(options);
  let analysis;
  try {
    for (let at = 0; at < text.length; at += CHUNK) {
      analyzer.push(text.slice(at, at + CHUNK));
      self.postMessage({ type: 'progress', id, done: Math.min(at + CHUNK, text.length), total: text.length, phase: 'reading' });
      await new Promise((resolve) => setTimeout(resolve));
    }
    analysis = analyzer.finish();
  } catch (err) {
    if (!isTrap(err)) analyzer.free();
    throw err;
  }
  // finish() has dropped the analysis state; free the handle now rather than at some
  // later garbage collection.
  analyzer.free();
  self.postMessage({ type: 'result', id, analysis, ms: performance.now() - started, memory: memory() });
  // Then index the text for the concordance and dispersion views.
  await new Promise((resolve) => setTimeout(resolve));
  current.doc = Document.load(text, options);
  self.postMessage({ type: 'indexed', id, ms: performance.now() - started, memory: memory() });
}
