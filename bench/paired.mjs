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
//   node --expose-gc bench/paired.mjs [--quick] [--seconds S] [--out FILE]
//
// Writes bench/work/paired.json (the report reads it, bench/native.mjs): per size, every
// pair's calibration times (before and after it) and the wasm and native batch medians.
// Sizes up to 10 MB.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { loadColloquy } from './peers.mjs';
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
const sizes = SIZES.filter((s) => s.name !== '100mb');
/** Milliseconds of wasm work a batch aims at: short enough to sit inside one phase of the host. */
const BATCH_MS = 150;
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

/** The native child: one request line in, one JSON line out. */
function startNative() {
  const child = spawn(SERVE, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async run(path, runs) {
      child.stdin.write(`${runs} ${path}\n`);
      const { value, done } = await lines.next();
      if (done) throw new Error('bench_serve ended');
      const answer = JSON.parse(value);
      if (!Array.isArray(answer)) throw new Error(`bench_serve: ${answer.error}`);
      return answer;
    },
    stop: () => child.stdin.end(),
  };
}

const colloquy = await loadColloquy();
const native = startNative();
const texts = new Map(sizes.map((s) => [s.name, readFileSync(s.path, 'utf8')]));
const wasmBatch = (size, runs) => {
  const text = texts.get(size.name);
  const times = [];
  for (let i = 0; i < runs; i++) {
    if (text.length > 4_000_000) gc();
    const t = performance.now();
    colloquy.analyse(text);
    times.push(performance.now() - t);
  }
  return times;
};

// Warm-up: both sides run every size until V8 has optimised the wasm (≥ 1 s), and the
// first runs tell how many runs make a batch of about BATCH_MS.
const plan = [];
for (const size of sizes) {
  const until = performance.now() + 1000;
  let times = [];
  while (performance.now() < until || times.length < 3) times = times.concat(wasmBatch(size, 1));
  await native.run(size.path, 3);
  const runs = Math.max(1, Math.min(50, Math.round(BATCH_MS / median(times.slice(-3)))));
  plan.push({ size, runs, pairs: [] });
}

const started = performance.now();
const deadline = started + seconds * 1000;
let round = 0;
let calibrationMs = calibrate();
while (performance.now() < deadline) {
  for (const p of plan) {
    const before = calibrationMs;
    const at = performance.now() - started;
    let wasm;
    let nat;
    // The first of the two alternates, so that neither side always follows the other.
    if (round % 2 === 0) {
      wasm = wasmBatch(p.size, p.runs);
      nat = await native.run(p.size.path, p.runs);
    } else {
      nat = await native.run(p.size.path, p.runs);
      wasm = wasmBatch(p.size, p.runs);
    }
    calibrationMs = calibrate();
    p.pairs.push({ atMs: Math.round(at), calibrationMs: [before, calibrationMs], wasmMs: median(wasm), nativeMs: median(nat) });
  }
  round++;
}
native.stop();

const out = {
  started: new Date(Date.now() - (performance.now() - started)).toISOString(),
  seconds,
  batchMs: BATCH_MS,
  native: 'examples/bench_serve.rs: Stream::once, default options, UTF-16 offsets',
  wasm: 'colloquy `analyse(text)`, default options, end to end',
  sizes: Object.fromEntries(plan.map((p) => [p.size.name, { runsPerBatch: p.runs, pairs: p.pairs }])),
};
writeFileSync(outPath, `${JSON.stringify(out, null, 1)}\n`);
for (const p of plan) {
  const r = median(p.pairs.map((x) => x.wasmMs / x.nativeMs));
  console.log(`paired: ${p.size.name}: ${p.pairs.length} pairs of ${p.runs} runs, wasm ÷ native ${r?.toFixed(2)}×`);
}
