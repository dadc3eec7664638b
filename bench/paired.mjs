#!/usr/bin/env node
// wasm and native paired in time. The benchmark machines are shared virtual machines
// whose speed changes for seconds at a time (the same code, CPU time included, runs up
// to ~1.6× slower in a slow phase), so two figures measured minutes apart can compare
// two different machines. Here the native core (examples/bench_serve.rs, a child
// process that times the core on request) and colloquy's wasm `analyse` (this process)
// run in short alternating batches, a fraction of a second apart, and each pair gives
// one wasm ÷ native ratio. Between pairs, a fixed JavaScript loop (the calibration) is
// timed: how fast the host was around each pair, which shows how much of the run it
// spent near its full speed.
//
// Two more sides join each pair, the order of all of them rotating. Bare (when run.sh
// built bench/work/colloquy_bare.wasm from bench/bare/): the same core as a wasm module
// in this process, the text already in its memory, no JS boundary; so the report can
// split wasm ÷ native into V8's code for the core (bare ÷ native) and the JS boundary
// (the package's `analyse` ÷ bare). Copy: a plain JS deep copy of the size's `analyse`
// result (new objects and arrays, strings shared), the least any wasm module must spend
// building that result in JS; so (bare + copy) ÷ native is as low as wasm ÷ native can
// go with this core and this result. Then, for the seed, 50 KB and 1 MB, native and
// bare batches of stage-timed runs alternate (STAGE_SECONDS each): the ratio per stage
// (parse, tokenize, count, report).
//
//   node --expose-gc bench/paired.mjs [--quick] [--seconds S] [--batch-ms MS] [--round-ms MS] [--out FILE]
//
// Writes bench/work/paired.json (the report reads it, bench/native.mjs): per size, every
// pair's calibration times (before and after it) and the wasm, native, copy (and bare)
// batch medians; per stage-timed size, every pair's stage medians. Sizes up to 10 MB.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadColloquy } from './peers.mjs';
import { startNative } from './serve.mjs';
import { ROOT, SIZES } from './sizes.mjs';
import { median } from './stats.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const quick = process.argv.includes('--quick');
const seconds = Number(arg('--seconds', quick ? 40 : 60));
const outPath = arg('--out', join(ROOT, 'bench/work/paired.json'));
const SERVE = join(ROOT, 'target/release/examples/bench_serve');
const BARE = join(ROOT, 'bench/work/colloquy_bare.wasm');
const STAGES = ['parse', 'tokenize', 'count', 'report'];
const STAGE_SIZES = ['seed', '50kb', '1mb'];
/** Seconds of stage-timed pairs per size in STAGE_SIZES. */
const STAGE_SECONDS = quick ? 6 : 10;
const sizes = SIZES.filter((s) => s.name !== '100mb');
/**
 * Milliseconds of wasm work a batch aims at: short, so that the two sides of a pair are a
 * few milliseconds apart and mostly see the same phase of the host (its speed flips
 * within a tenth of a second; with 150 ms batches single pairs ranged from 1.0× to 2.5×
 * at the seed). A batch is at least one run.
 */
const BATCH_MS = Number(arg('--batch-ms', 15));
/**
 * Milliseconds each size gets in a round (at least one pair): the small sizes run many
 * short pairs in it, the 10 MB one pair, so every size has pairs all through the run.
 */
const ROUND_MS = Number(arg('--round-ms', 800));
const gc = globalThis.gc ?? (() => {});

/**
 * The calibration: a fixed integer-hashing loop over a 256 KiB table (~1.3 ms on an
 * uncontended benchmark machine), its median of 5. The same work every time, so its
 * time follows the host's speed.
 */
const table = new Uint32Array(1 << 16);
function calibrate() {
  const times = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < 600_000; i++) {
      h = Math.imul(h ^ i, 16777619);
      table[h & 0xffff] += 1;
    }
    times.push(performance.now() - t);
    if (table[h & 0xffff] === 0.5) console.log('unreachable'); // keeps the loop's result live
  }
  return median(times);
}

/** The bare module (bench/bare/): `load(text)` once per batch, then `run()` or `stages()`. */
async function startBare() {
  if (!existsSync(BARE)) return null;
  const { instance } = await WebAssembly.instantiate(readFileSync(BARE), { bench: { now: () => performance.now() } });
  const x = instance.exports;
  let loaded = null;
  return {
    load(name, text) {
      if (loaded === name) return;
      const bytes = new TextEncoder().encode(text);
      const ptr = x.bare_buffer(bytes.length);
      new Uint8Array(x.memory.buffer, ptr, bytes.length).set(bytes);
      if (x.bare_load() !== 1) throw new Error('bare: the text is not UTF-8');
      loaded = name;
    },
    run: () => x.bare_analyse(),
    stages() {
      x.bare_stages();
      return STAGES.map((_, i) => x.bare_stage_ms(i));
    },
  };
}

const colloquy = await loadColloquy();
const native = startNative(SERVE);
const bare = await startBare();
const texts = new Map(sizes.map((s) => [s.name, readFileSync(s.path, 'utf8')]));
/** The milliseconds of each of `runs` calls of `run` (`before` runs untimed before each). */
function timed(runs, run, before = () => {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    before();
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times;
}

const wasmBatch = (size, runs) => {
  const text = texts.get(size.name);
  return timed(runs, () => colloquy.analyse(text), () => text.length > 4_000_000 && gc());
};

/** A plain deep copy: new objects and arrays, the same strings and numbers. */
function deepCopy(v) {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const a = new Array(v.length);
    for (let i = 0; i < v.length; i++) a[i] = deepCopy(v[i]);
    return a;
  }
  const o = {};
  for (const k in v) o[k] = deepCopy(v[k]);
  return o;
}
const results = new Map();
const copyBatch = (size, runs) => {
  if (!results.has(size.name)) results.set(size.name, colloquy.analyse(texts.get(size.name)));
  const result = results.get(size.name);
  return timed(runs, () => deepCopy(result));
};

const bareBatch = (size, runs) => {
  bare.load(size.name, texts.get(size.name));
  return timed(runs, bare.run);
};

// Warm-up: every side runs every size until V8 has optimised the wasm (≥ 1 s), and the
// first runs tell how many runs make a batch of about BATCH_MS.
const plan = [];
for (const size of sizes) {
  const until = performance.now() + 1000;
  let times = [];
  while (performance.now() < until || times.length < 3) times = times.concat(wasmBatch(size, 1));
  await native.run(size.path, 3);
  if (bare) bareBatch(size, 3);
  copyBatch(size, 3);
  const runs = Math.max(1, Math.min(50, Math.round(BATCH_MS / median(times.slice(-3)))));
  plan.push({ size, runs, pairs: [] });
}

const started = performance.now();
const deadline = started + seconds * 1000;
let calibrationMs = calibrate();
while (performance.now() < deadline) {
  for (const p of plan) {
    const sides = {
      wasm: async () => wasmBatch(p.size, p.runs),
      native: () => native.run(p.size.path, p.runs),
      ...(bare ? { bare: async () => bareBatch(p.size, p.runs) } : {}),
      copy: async () => copyBatch(p.size, p.runs),
    };
    const names = Object.keys(sides);
    const until = performance.now() + ROUND_MS;
    do {
      const before = calibrationMs;
      const at = performance.now() - started;
      const got = {};
      // The order rotates, so that no side always follows another.
      for (let i = 0; i < names.length; i++) {
        const name = names[(p.pairs.length + i) % names.length];
        got[name] = await sides[name]();
      }
      calibrationMs = calibrate();
      const pair = { atMs: Math.round(at), calibrationMs: [before, calibrationMs], wasmMs: median(got.wasm), nativeMs: median(got.native) };
      if (got.bare) pair.bareMs = median(got.bare);
      pair.copyMs = median(got.copy);
      p.pairs.push(pair);
    } while (performance.now() < until);
  }
}

// Stage by stage: native and bare batches of stage-timed runs, alternating.
const stagePlan = [];
if (bare) {
  for (const p of plan.filter((x) => STAGE_SIZES.includes(x.size.name))) {
    const pairs = [];
    const until = performance.now() + STAGE_SECONDS * 1000;
    bare.load(p.size.name, texts.get(p.size.name));
    for (let i = 0; i < 2; i++) bare.stages(); // warm
    for (let k = 0; performance.now() < until; k++) {
      const runs = Math.max(1, Math.round(p.runs / 2)); // a stage-timed run is about two analyses
      let nat;
      const wasm = [];
      const bareRuns = () => {
        for (let i = 0; i < runs; i++) wasm.push(bare.stages());
      };
      if (k % 2 === 0) {
        bareRuns();
        nat = await native.run(p.size.path, runs, true);
      } else {
        nat = await native.run(p.size.path, runs, true);
        bareRuns();
      }
      const byStage = (rs) => STAGES.map((_, i) => median(rs.map((r) => r[i])));
      pairs.push({ bareMs: byStage(wasm), nativeMs: byStage(nat) });
    }
    stagePlan.push({ size: p.size.name, pairs });
  }
}
native.stop();

const out = {
  started: new Date(Date.now() - (performance.now() - started)).toISOString(),
  seconds,
  batchMs: BATCH_MS,
  roundMs: ROUND_MS,
  native: 'examples/bench_serve.rs: Stream::once, default options, UTF-16 offsets',
  wasm: 'colloquy `analyse(text)`, default options, end to end',
  bare: bare ? 'bench/bare: the same Stream::once in a bare wasm module, no JS boundary' : null,
  copy: "a minimal JS deep copy of the size's `analyse` result (objects and arrays new, strings shared)",
  sizes: Object.fromEntries(plan.map((p) => [p.size.name, { runsPerBatch: p.runs, pairs: p.pairs }])),
  stageSeconds: STAGE_SECONDS,
  stages: STAGES,
  bySize: Object.fromEntries(stagePlan.map((s) => [s.size, s.pairs])),
};
writeFileSync(outPath, `${JSON.stringify(out, null, 1)}\n`);
for (const p of plan) {
  const r = median(p.pairs.map((x) => x.wasmMs / x.nativeMs));
  const b = median(p.pairs.filter((x) => x.bareMs).map((x) => x.bareMs / x.nativeMs));
  const bareNote = b === null ? '' : `, bare ÷ native ${b.toFixed(2)}×`;
  console.log(`paired: ${p.size.name}: ${p.pairs.length} pairs of ${p.runs} runs, wasm ÷ native ${r?.toFixed(2)}×${bareNote}`);
}
