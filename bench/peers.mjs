// The contestants. Each peer is `{ name, kind, describe, setup(), run(text) }`; `run`
// computes term counts, per-speaker word counts and n-gram counts for the whole text
// and returns a small summary (so results can be compared between peers without
// keeping them alive). The JavaScript peers share one speaker parser (a label at the
// start of a line, `Name: …`) and one top-K step (the 50 most frequent terms and
// n-grams with count ≥ 2), so that what differs between them is tokenising and
// counting; colloquy does all of that (and more: stopwords, sentences, turns, …) in
// the core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------
// colloquy (wasm), loaded once with initSync so the instance's exports (and with them
// its WebAssembly.Memory) are reachable; pkg/node.js does the same initSync call.
let colloquy = null;
let wasmExports = null;
export async function loadColloquy() {
  if (colloquy) return colloquy;
  // bench.mjs copies pkg/ aside (COLLOQUY_PKG) so that a rebuild during a run changes nothing.
  const dir = process.env.COLLOQUY_PKG ?? join(ROOT, 'pkg');
  colloquy = await import(pathToFileURL(join(dir, 'colloquy.js')).href);
  wasmExports = colloquy.initSync({ module: readFileSync(join(dir, 'colloquy_bg.wasm')) });
  return colloquy;
}
/** Bytes of wasm linear memory now (it only grows, so this is the peak so far). */
export const wasmMemoryBytes = () => (wasmExports ? wasmExports.memory.buffer.byteLength : 0);

const freeQuietly = (handle) => {
  try {
    handle.free();
  } catch {
    /* the error that matters is the one already thrown */
  }
};

const CHUNK_UNITS = 1 << 20; // Analyzer pushes: 1 Mi UTF-16 code units each

const summariseAnalysis = (a) => ({
  tokens: a.summary.tokens,
  speakers: a.speakers.filter((s) => s.attributed).length,
  topTerm: a.terms[0]?.term ?? null,
  topPhrase: a.phrases[0]?.text ?? null,
  phrasesReported: a.phrases.length,
  turns: a.turns.length,
});

// Split timings of the last colloquy-doc run (load, analysis), for the report.
export const lastSplit = { loadMs: 0, analysisMs: 0 };

const colloquyPeers = [
  {
    name: 'colloquy',
    kind: 'wasm',
    describe: '`analyse(text)`, default options (terms, speakers, 2–5-grams, min count 2, top 50): end to end, including the string crossing and building the JS result',
    run: (text) => summariseAnalysis(colloquy.analyse(text)),
  },
  {
    name: 'colloquy-analyzer',
    kind: 'wasm',
    describe: `\`new Analyzer()\`, \`push()\` of ${CHUNK_UNITS / 1048576} Mi-code-unit slices, \`finish()\`: the chunked string-passing variant, default options, end to end`,
    run: (text) => {
      const an = new colloquy.Analyzer();
      try {
        for (let i = 0; i < text.length; i += CHUNK_UNITS) an.push(text.slice(i, i + CHUNK_UNITS));
        return summariseAnalysis(an.finish());
      } finally {
        freeQuietly(an); // after a trap the handle is unusable: keep the first error
      }
    },
  },
  {
    name: 'colloquy-doc',
    kind: 'wasm',
    describe: '`Document.load(text)` then `doc.analysis()`, default options; load = string crossing + parse + tokenise + count, analysis = report + building the JS result (timed apart too)',
    run: (text) => {
      const t0 = performance.now();
      const doc = colloquy.Document.load(text);
      const t1 = performance.now();
      try {
        const a = doc.analysis();
        lastSplit.loadMs = t1 - t0;
        lastSplit.analysisMs = performance.now() - t1;
        return summariseAnalysis(a);
      } finally {
        freeQuietly(doc);
      }
    },
  },
  {
    name: 'colloquy-terms',
    kind: 'wasm',
    describe: '`analyse(text, { ngramMax: 2, topPhrases: 1 })`: the closest option set to terms + speakers only (the core counts at least bigrams: ngramMax ≥ 2; `topPhrases: 0` means *all* phrases, so 1 keeps the phrase list minimal)',
    run: (text) => summariseAnalysis(colloquy.analyse(text, { ngramMax: 2, topPhrases: 1 })),
  },
];

// ---------------------------------------------------------------------------------
// Shared by the JavaScript peers.
const LABEL = /^(\p{Lu}[\p{L}\p{M}.'’\- ]{0,48}?):[ \t]+/u;
const TOP = 50;
const MIN_COUNT = 2;

/** The k most frequent keys of `map` with count ≥ min, by count then key. */
export function topK(map, k = TOP, min = 1) {
  const top = [];
  let floor = min;
  for (const [key, n] of map) {
    if (n < floor) continue;
    let i = top.length;
    while (i > 0 && (top[i - 1][1] < n || (top[i - 1][1] === n && top[i - 1][0] > key))) i--;
    if (i >= k) continue;
    top.splice(i, 0, [key, n]);
    if (top.length > k) { top.pop(); floor = top[k - 1][1]; }
  }
  return top;
}

const bump = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/** Calls `each(speaker, line)` for every non-empty line, label removed. */
function forEachLine(text, each) {
  let speaker = '(unattributed)';
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.length === 0) continue;
    const m = LABEL.exec(line);
    if (m) { speaker = m[1]; line = line.slice(m[0].length); }
    each(speaker, line);
  }
}

function summariseMaps(terms, speakers, ngrams) {
  let tokens = 0;
  for (const n of terms.values()) tokens += n;
  const topTerms = topK(terms);
  const topNgrams = topK(ngrams, TOP, MIN_COUNT);
  return {
    tokens,
    speakers: [...speakers.keys()].filter((s) => s !== '(unattributed)').length,
    topTerm: topTerms[0]?.[0] ?? null,
    topPhrase: topNgrams[0]?.[0] ?? null,
    types: terms.size,
    ngramTypes: ngrams.size,
  };
}

/** Counts unigrams (terms), 2..maxN-grams and speaker words from per-line tokens. */
function countTokens(tokens, speaker, terms, speakers, ngrams, maxN) {
  const n = tokens.length;
  if (n === 0) return;
  bump(speakers, speaker, n);
  for (let i = 0; i < n; i++) {
    const w = tokens[i];
    bump(terms, w);
    if (maxN >= 2 && i >= 1) {
      const bi = tokens[i - 1] + ' ' + w;
      bump(ngrams, bi);
      if (maxN >= 3 && i >= 2) bump(ngrams, tokens[i - 2] + ' ' + bi);
    }
  }
}

// ---------------------------------------------------------------------------------
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

const jsPeers = [
  {
    name: 'js-regex',
    kind: 'js',
    describe: 'hand-written: `/[\\p{L}\\p{N}]+(?:[\'’][\\p{L}\\p{N}]+)*/gu` over each lower-cased line, `Map` counts of 1–3-grams with string keys',
    version: () => `node ${process.versions.node}`,
    run: (text) => {
      const terms = new Map(), speakers = new Map(), ngrams = new Map();
      forEachLine(text, (speaker, line) => {
        const lower = line.toLowerCase();
        let words = 0, p1 = null, p2 = null, m;
        WORD.lastIndex = 0;
        while ((m = WORD.exec(lower)) !== null) {
          const w = m[0];
          words++;
          bump(terms, w);
          if (p1 !== null) {
            const bi = p1 + ' ' + w;
            bump(ngrams, bi);
            if (p2 !== null) bump(ngrams, p2 + ' ' + bi);
          }
          p2 = p1;
          p1 = w;
        }
        if (words) bump(speakers, speaker, words);
      });
      return summariseMaps(terms, speakers, ngrams);
    },
  },
  {
    name: 'intl-segmenter',
    kind: 'js',
    describe: "`Intl.Segmenter('en', { granularity: 'word' })` per line (word-like segments, lower-cased), `Map` counts of 1–3-grams",
    version: () => `node ${process.versions.node}, ICU ${process.versions.icu}`,
    run: (text) => {
      const seg = new Intl.Segmenter('en', { granularity: 'word' });
      const terms = new Map(), speakers = new Map(), ngrams = new Map();
      forEachLine(text, (speaker, line) => {
        const tokens = [];
        for (const s of seg.segment(line.toLowerCase())) if (s.isWordLike) tokens.push(s.segment);
        countTokens(tokens, speaker, terms, speakers, ngrams, 3);
      });
      return summariseMaps(terms, speakers, ngrams);
    },
  },
];

// wink-nlp: English lite web model, tokenisation only (empty pipe).
let wink = null;
const winkPeer = {
  name: 'wink-nlp',
  kind: 'js',
  describe: '`winkNLP(wink-eng-lite-web-model, [])` (tokenise only), `readDoc` per line, word/number/unk tokens, `its.normal` with `as.freqTable`, bigrams counted in a `Map` (1–2-grams)',
  version: () => `wink-nlp ${pkgVersion('wink-nlp')}, wink-eng-lite-web-model ${pkgVersion('wink-eng-lite-web-model')}`,
  setup: () => {
    if (wink) return;
    const winkNLP = require('wink-nlp');
    const model = require('wink-eng-lite-web-model');
    const nlp = winkNLP(model, []);
    wink = { nlp, its: nlp.its, as: nlp.as };
  },
  run: (text) => {
    const { nlp, its, as } = wink;
    const terms = new Map(), speakers = new Map(), ngrams = new Map();
    const isWord = (t) => { const ty = t.out(its.type); return ty === 'word' || ty === 'number' || ty === 'unk'; };
    forEachLine(text, (speaker, line) => {
      const words = nlp.readDoc(line).tokens().filter(isWord);
      const table = words.out(its.normal, as.freqTable);
      let n = 0;
      for (const [term, count] of table) { bump(terms, term, count); n += count; }
      if (n) bump(speakers, speaker, n);
      const normals = words.out(its.normal);
      for (let i = 1; i < normals.length; i++) bump(ngrams, normals[i - 1] + ' ' + normals[i]);
    });
    return summariseMaps(terms, speakers, ngrams);
  },
};

// compromise + compromise-stats: tokenise only (nlp.tokenize: no POS tagging), ngrams.
let compromise = null;
const compromisePeer = {
  name: 'compromise',
  kind: 'js',
  describe: '`nlp.tokenize(line)` (compromise without tagging) per line, compromise-stats `doc.ngrams({ max: 3 })` merged into `Map`s (1–3-grams)',
  version: () => `compromise ${pkgVersion('compromise')}, compromise-stats ${pkgVersion('compromise-stats')}`,
  setup: async () => {
    if (compromise) return;
    const nlp = (await import('compromise')).default;
    const stats = (await import('compromise-stats')).default;
    nlp.plugin(stats);
    compromise = nlp;
  },
  run: (text) => {
    const nlp = compromise;
    const terms = new Map(), speakers = new Map(), ngrams = new Map();
    forEachLine(text, (speaker, line) => {
      let words = 0;
      for (const g of nlp.tokenize(line).ngrams({ max: 3 })) {
        if (g.size === 1) { bump(terms, g.normal, g.count); words += g.count; } else bump(ngrams, g.normal, g.count);
      }
      if (words) bump(speakers, speaker, words);
    });
    return summariseMaps(terms, speakers, ngrams);
  },
};

// natural: WordTokenizer and NGrams.
let natural = null;
const naturalPeer = {
  name: 'natural',
  kind: 'js',
  describe: '`new natural.WordTokenizer().tokenize(lower-cased line)`, `natural.NGrams.bigrams`/`trigrams` joined into `Map` keys (1–3-grams); its tokenizer keeps only Latin and Cyrillic letters and splits at apostrophes',
  version: () => `natural ${pkgVersion('natural')}`,
  setup: () => {
    if (natural) return;
    process.env.DOTENV_CONFIG_QUIET ??= 'true'; // a dependency of natural loads dotenv
    const lib = require('natural');
    natural = { tokenizer: new lib.WordTokenizer(), NGrams: lib.NGrams };
  },
  run: (text) => {
    const { tokenizer, NGrams } = natural;
    const terms = new Map(), speakers = new Map(), ngrams = new Map();
    forEachLine(text, (speaker, line) => {
      const tokens = tokenizer.tokenize(line.toLowerCase());
      if (tokens.length === 0) return;
      bump(speakers, speaker, tokens.length);
      for (const t of tokens) bump(terms, t);
      for (const g of NGrams.bigrams(tokens)) bump(ngrams, g.join(' '));
      for (const g of NGrams.trigrams(tokens)) bump(ngrams, g.join(' '));
    });
    return summariseMaps(terms, speakers, ngrams);
  },
};

// The floor (bench/floor/): the least work terms + speakers need, plain Rust in wasm.
// The JS string crosses as for colloquy: encodeInto into the module's memory.
let floorWasm = null;
const FLOOR_WASM = join(HERE, 'floor/target/wasm32-unknown-unknown/release/colloquy_floor.wasm');
const floorPeer = {
  name: 'floor',
  kind: 'floor',
  describe: 'bench/floor/: the least work terms + speakers need, in Rust compiled to wasm — ASCII-lower-cased runs of letters and digits (any non-ASCII byte counts as a letter), interned in an `FxHashMap` borrowing the text, counted per type and per `Name:` speaker; no n-grams, no Unicode segmentation or folding, no sentences, no offsets. The string crosses as for colloquy (`encodeInto` into wasm memory). A lower bound, not a peer',
  version: () => 'colloquy-floor (bench/floor)',
  setup: () => {
    if (floorWasm) return;
    const module = new WebAssembly.Module(readFileSync(FLOOR_WASM));
    floorWasm = new WebAssembly.Instance(module, {}).exports;
  },
  run: (text) => {
    const f = floorWasm;
    const max = text.length * 3;
    const ptr = f.floor_alloc(max);
    const { written } = new TextEncoder().encodeInto(text, new Uint8Array(f.memory.buffer, ptr, max));
    const tokens = f.floor_run(ptr, max, written);
    return { tokens, speakers: f.floor_speakers(), topTerm: null, topPhrase: null, types: f.floor_types() };
  },
};

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    // Packages whose exports map hides package.json: find it beside the entry.
    let dir = dirname(require.resolve(name));
    for (let i = 0; i < 4; i++) {
      try {
        const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        if (p.name === name) return p.version;
      } catch { /* keep looking */ }
      dir = dirname(dir);
    }
    return 'unknown';
  }
}

export const PEERS = [...colloquyPeers, ...jsPeers, winkPeer, compromisePeer, naturalPeer, floorPeer];
export const peerByName = (name) => {
  const p = PEERS.find((q) => q.name === name);
  if (!p) throw new Error(`unknown peer ${name}; peers: ${PEERS.map((q) => q.name).join(', ')}`);
  return p;
};

export async function setupPeer(peer) {
  if (peer.kind === 'wasm') await loadColloquy();
  if (peer.setup) await peer.setup();
}

export function peerVersion(peer) {
  if (peer.kind === 'wasm') return `colloquy ${colloquy.version()}`;
  return peer.version();
}
