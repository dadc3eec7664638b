// @ts-check
// The corpus worker: holds one wasm `Corpus` (many documents' counts, not their texts) and
// answers corpus-protocol.js's requests one at a time, in order: `start` makes a new Corpus,
// `add` analyses one document into it and answers with its row, the queries read it.
// A worker of its own, beside the single-document worker (worker.js): Cancel ends it
// without touching the document shown, and its memory goes with it. After a trap it runs
// no more wasm: every later request fails as fatal and the page replaces it.
import { compileBase64, isTrap } from './worker-scope.js';
import { initSync, Corpus } from './pkg/colloquy.js';
import { base64 } from './pkg/colloquy_bg.wasm.js';
import { KEEP_BYTES } from './corpus-protocol.js';

/**
 * @import { InitOutput } from './pkg/colloquy.js'
 * @import { CorpusRequest, CorpusMessage } from './corpus-protocol.js'
 */

/** This module's global scope (TypeScript types `self` as any worker's). */
const scope = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** @param {CorpusMessage} message */
const send = (message) => scope.postMessage(message);

/** @type {InitOutput | null} */
let wasm = null;
/** @type {string | null} the first trap's message: no wasm call after it */
let trapped = null;
const memory = () => wasm?.memory.buffer.byteLength ?? 0;

/** @type {Corpus | null} */
let corpus = null;

let queue = compileBase64(base64).then((module) => {
  wasm = initSync({ module });
  send({ type: 'ready', memory: memory() });
});
queue.catch((err) => send({ type: 'error', id: null, fatal: true, message: `the analysis engine could not start: ${err?.message ?? err}` }));

scope.addEventListener('message', (event) => {
  const msg = /** @type {CorpusRequest} */ (event.data);
  queue = queue.then(() => handle(msg)).catch((err) => fail(msg.id, err));
});

/**
 * @param {number} id
 * @param {unknown} err
 */
function fail(id, err) {
  if (isTrap(err)) trapped ??= `${/** @type {Error} */ (err).name}: ${/** @type {Error} */ (err).message}`;
  send({
    type: 'error', id, fatal: trapped !== null, message: trapped ?? (err instanceof Error ? err.message : String(err)),
    ...(err instanceof Error ? { name: err.name } : {}),
  });
}

/** @param {CorpusRequest} msg */
function handle(msg) {
  if (trapped) throw new Error(`the analysis engine failed earlier (${trapped})`);
  if (msg.type === 'start') {
    corpus?.free();
    corpus = new Corpus(msg.options, { keepBytes: KEEP_BYTES });
    send({ type: 'started', id: msg.id });
    return;
  }
  if (!corpus) throw new Error('no corpus started');
  switch (msg.type) {
    case 'add': {
      const started = performance.now();
      const row = corpus.add(msg.name, msg.text, msg.group ? { group: msg.group } : {});
      send({ type: 'added', id: msg.id, row, ms: performance.now() - started, memory: memory() });
      return;
    }
    case 'documents':
      return send({ type: msg.type, id: msg.id, rows: corpus.documents() });
    case 'speakers':
      return send({ type: msg.type, id: msg.id, rows: corpus.speakers() });
    case 'trends':
      return send({ type: msg.type, id: msg.id, rows: corpus.trends(msg.options) });
    case 'keyness':
      return send({ type: msg.type, id: msg.id, rows: corpus.keyness(msg.options) });
    case 'frequency':
      return send({ type: msg.type, id: msg.id, rows: corpus.frequency(msg.options) });
    case 'kwic':
      return send({ type: msg.type, id: msg.id, rows: corpus.kwic(msg.query, msg.options) });
    default:
      throw new Error(`unknown request ${/** @type {{ type: unknown }} */ (msg).type}`);
  }
}
