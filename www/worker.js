// @ts-check
// The analysis worker: owns the wasm core, so the page never freezes. It answers the
// requests of protocol.js, one at a time and in order. A text is loaded as one Document
// (a big one saying how far its reading has come, for the progress bar), whose analysis
// is the result and which the queries read: changing a query's options never parses the
// text again. A huge one (over STREAM_OVER) streams through an Analyzer for its result,
// then is loaded as a Document for the queries. After a trap the worker runs no more wasm:
// every later request fails as 'fatal', and the page replaces it (engine.js).
//
// The page's CSP forbids fetch, so the wasm comes as an ES module of base64 bytes
// (worker-scope.js, which also takes network access away from this worker).
import { compileBase64, isTrap } from './worker-scope.js';
import { initSync, Analyzer, Document, version } from './pkg/colloquy.js';
import { base64 } from './pkg/colloquy_bg.wasm.js';
import { BIG_OVER, STREAM_OVER } from './protocol.js';
import { pack } from './packed.js';

/**
 * @import { InitOutput } from './pkg/colloquy.js'
 * @import { Request, AnalyseRequest, QueryRequest, Answer } from './protocol.js'
 */

/** This module's global scope (TypeScript types `self` as any worker's). */
const scope = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** @param {Answer} answer */
const send = (answer) => scope.postMessage(answer);

/** @type {InitOutput | null} the wasm instance's exports (its memory), once started */
let wasm = null;
/** @type {string | null} set by the first trap: the instance's memory may be inconsistent, so it is not called again */
let trapped = null;
const memory = () => wasm?.memory.buffer.byteLength ?? 0;

/** @type {{ id: number, doc: Document | null }} the loaded document: its request id, and the Document (null while it loads) */
let current = { id: -1, doc: null };
/**
 * One request at a time, in order (a streaming analysis awaits between chunks).
 * The listener is added before the wasm is compiled, so no early message is lost.
 * @type {Promise<void>}
 */
let queue = compileBase64(base64).then((module) => {
  wasm = initSync({ module });
  warmUp();
  send({ type: 'ready', version: version(), memory: memory() });
  rehearse();
});
queue.catch((err) => send({ type: 'error', id: null, kind: 'fatal', message: `the analysis engine could not start: ${err?.message ?? err}` }));

/** Requests taken and not yet answered: the rehearsal gives way to them. */
let waiting = 0;
/** Set by the first request: the rehearsal stops (the user is here; the code is warm from then on). */
let asked = false;

scope.addEventListener('message', (event) => {
  const msg = /** @type {Request} */ (event.data);
  waiting += 1;
  asked = true;
  queue = queue.then(() => handle(msg)).catch((err) => fail(msg.id, err)).finally(() => { waiting -= 1; });
});

/**
 * The fields of an engine error the page tests: its `name`, and an option's `key` and
 * `reason` (wasm/src/error.rs).
 * @param {unknown} err
 * @returns {{ name?: string, key?: string, reason?: string }}
 */
function fields(err) {
  if (!(err instanceof Error)) return {};
  const { key, reason } = /** @type {{ key?: unknown, reason?: unknown }} */ (err);
  return {
    name: err.name,
    ...(typeof key === 'string' ? { key } : {}),
    ...(typeof reason === 'string' ? { reason } : {}),
  };
}

/**
 * Whether `err` is a trap (the module is then unusable); the first one is kept in `trapped`.
 * @param {unknown} err
 */
function recordTrap(err) {
  if (!isTrap(err)) return false;
  trapped ??= `${/** @type {Error} */ (err).name}: ${err instanceof Error ? err.message : String(err)}`;
  return true;
}

/**
 * Answers request `id` with the error it met.
 * @param {number} id
 * @param {unknown} err
 */
function fail(id, err) {
  const message = err instanceof Error ? err.message : String(err);
  if (recordTrap(err)) {
    // The module is unusable: say so, so the page replaces this worker.
    send({ type: 'error', id, message: trapped ?? message, kind: 'fatal', memory: memory() });
    return;
  }
  send({ type: 'error', id, message, kind: trapped ? 'fatal' : 'error', memory: memory(), ...fields(err) });
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
    doc.dynamics({});
    doc.free();
  }
}

/**
 * The rehearsal, while the user is still reading the page: the bundled example analysed
 * REHEARSALS times, one run per task through the queue, each with the queries the views
 * make, so V8 has compiled the hot code with its optimising tier (wasm starts on a
 * baseline tier) and first-use tables are built before the first real text; the first
 * analysis is then as fast as the second. The last run's analysis goes to the page,
 * which draws its views with it unseen (tabs.js: rehearse) to warm its own code. Stops
 * at the first request.
 */
const REHEARSALS = 12;

async function rehearse() {
  const { text } = await import('./examples/mfa-cis-press-conference.js');
  /** @type {import('./pkg/colloquy.js').Analysis | null} */
  let sample = null;
  let failed = false;
  for (let i = 0; i < REHEARSALS; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    if (asked || trapped) return;
    queue = queue.then(() => {
      if (asked || trapped) return;
      const doc = Document.load(text, {});
      try {
        sample = doc.analysis();
        const top = sample.terms.slice(0, 5).map((t) => t.term);
        doc.kwic(top[0] ?? 'the', { width: 8 });
        doc.dispersion(top, {});
        doc.collocations(top[0] ?? 'the', {});
        doc.collocations(null, {});
        doc.spread({});
        doc.dynamics({});
      } finally {
        doc.free();
      }
      // A big text's path: read with progress reports.
      Document.load(text, {}, () => {}).free();
    }).catch((err) => {
      // The rehearsal stops; the queue stays usable. A trap makes the module unusable:
      // the first request then says so (`trapped`), and the page replaces this worker.
      failed = true;
      recordTrap(err);
    });
    await queue;
    if (failed) return;
  }
  if (sample && !asked && waiting === 0) send({ type: 'rehearsed', analysis: sample });
}

/** @param {Request} msg */
async function handle(msg) {
  if (trapped) throw new Error(`the analysis engine failed earlier (${trapped})`);
  switch (msg.type) {
    case 'analyse':
      return analyse(msg);
    case 'view': {
      if (current.id !== msg.doc || !current.doc) {
        send({ type: 'error', id: msg.id, kind: 'no-document', message: 'no document loaded' });
        return;
      }
      const started = performance.now();
      const analysis = current.doc.analysis(msg.view);
      send(result(msg.id, analysis, started, started));
      return;
    }
    case 'kwic':
    case 'dispersion':
    case 'collocations':
    case 'spread':
    case 'dynamics': {
      if (current.id !== msg.doc || !current.doc) {
        send({ type: msg.type, id: msg.id, stale: true });
        return;
      }
      const { answer, transfer } = query(current.doc, msg);
      scope.postMessage(answer, transfer);
      return;
    }
    default:
      throw new Error(`unknown request ${/** @type {{ type: unknown }} */ (msg).type}`);
  }
}

/**
 * Runs a query on the loaded document: its answer, and the buffers to move with it.
 * @param {Document} doc
 * @param {QueryRequest} msg
 * @returns {{ answer: Answer, transfer: ArrayBuffer[] }}
 */
function query(doc, msg) {
  switch (msg.type) {
    case 'kwic':
      return { answer: { type: msg.type, id: msg.id, rows: doc.kwic(msg.query, msg.options) }, transfer: [] };
    case 'dispersion': {
      const { rows, transfer } = pack(doc.dispersion(msg.terms, msg.options));
      return { answer: { type: msg.type, id: msg.id, rows }, transfer };
    }
    case 'collocations':
      return { answer: { type: msg.type, id: msg.id, rows: doc.collocations(msg.node, msg.options) }, transfer: [] };
    case 'spread':
      return { answer: { type: msg.type, id: msg.id, rows: doc.spread(msg.options) }, transfer: [] };
    case 'dynamics':
      return { answer: { type: msg.type, id: msg.id, rows: doc.dynamics(msg.options) }, transfer: [] };
  }
}

/**
 * The answer to an analysis, with where its time went: `started` when the request was
 * taken, `loaded` when the text was parsed and counted (the report ran after it).
 * @param {number} id
 * @param {import('./pkg/colloquy.js').Analysis} analysis
 * @param {number} started
 * @param {number} loaded
 * @returns {Answer}
 */
function result(id, analysis, started, loaded) {
  const now = performance.now();
  return {
    type: 'result', id, analysis, ms: now - started, memory: memory(),
    timing: { load: loaded - started, report: now - loaded, posted: performance.timeOrigin + now },
  };
}

/**
 * Lets the worker take the messages that came meanwhile, then goes on. A message to
 * itself, not setTimeout, whose nested calls wait at least 4 ms each.
 * @returns {Promise<void>}
 */
function yieldToMessages() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A streamed text is pushed to the Analyzer in chunks of this many UTF-16 units. */
const CHUNK = 1024 * 1024;

/** @param {AnalyseRequest} request */
async function analyse({ id, text, options }) {
  const started = performance.now();
  current.doc?.free();
  current = { id, doc: null };
  /** @type {((done: number, total: number) => void) | undefined} */
  const onProgress = text.length > BIG_OVER
    ? (done, total) => send({ type: 'progress', id, done, total, phase: 'reading' })
    : undefined;
  if (text.length <= STREAM_OVER) {
    // One Document, whose analysis is the result and which the queries read.
    const doc = Document.load(text, options, onProgress);
    current.doc = doc;
    const loaded = performance.now();
    const analysis = doc.analysis();
    send(result(id, analysis, started, loaded));
    return;
  }
  // A huge text: its result from a stream (bounded memory), then a Document for the queries.
  const analyzer = new Analyzer(options);
  let analysis;
  let loaded = started;
  try {
    for (let at = 0; at < text.length; at += CHUNK) {
      analyzer.push(text.slice(at, at + CHUNK));
      onProgress?.(Math.min(at + CHUNK, text.length), text.length);
      await yieldToMessages();
    }
    loaded = performance.now();
    analysis = analyzer.finish();
  } catch (err) {
    if (!isTrap(err)) analyzer.free();
    throw err;
  }
  // finish() has dropped the analysis state; free the handle now rather than at some
  // later garbage collection.
  analyzer.free();
  send(result(id, analysis, started, loaded));
  await yieldToMessages();
  current.doc = Document.load(text, options);
  send({ type: 'indexed', id, ms: performance.now() - started, memory: memory() });
}
