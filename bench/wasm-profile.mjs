#!/usr/bin/env node
// Where wasm loses to native, function by function: `bench/profile.sh` runs this on one
// corpus, with a package whose wasm keeps its function names and with perf installed.
//
//   node bench/wasm-profile.mjs PKG_DIR TEXT NATIVE_SERVE [ROUNDS]
//
// PKG_DIR: a wasm-bindgen `--target web` package with a name section (wasm-opt -g);
// NATIVE_SERVE: `examples/bench_serve.rs` built (the paired run's native side: the core
// on request, answering each batch's run times), which runs under `perf record`. Each
// round (ROUNDS, default 60) is three batches back to back, a fraction of a second in
// all, so the host's changing speed (bench/README.md) falls on every side alike: `analyse`
// sampled by V8's profiler (node:inspector), `analyse` unprofiled (its times), and the
// native core. Each side's self-time shares times its median run give milliseconds per
// run, so a column adds up to its side's whole run. A function that one compiler inlined
// and the other did not shows on one side only, which is why the areas are summed too.
// Prints Markdown: the functions with the most extra wasm time, then the areas.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startNative } from './serve.mjs';
import { median } from './stats.mjs';

const [pkg, file, serve, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 60);
const text = readFileSync(file, 'utf8');
const colloquy = await import(pathToFileURL(join(pkg, 'colloquy.js')).href);
colloquy.initSync({ module: readFileSync(join(pkg, 'colloquy_bg.wasm')) });

const work = mkdtempSync(join(tmpdir(), 'colloquy-wasm-profile-'));
const perfData = join(work, 'perf.data');
const native = startNative(serve, ['perf', 'record', '-q', '-o', perfData, '--']);

// Warm-up, and a batch of at least 50 ms and 10 runs a side: fewer runs, and the
// native core starts each batch with cold caches after its wait for the next request.
let once = performance.now();
for (let i = 0; i < 5; i++) colloquy.analyse(text);
once = (performance.now() - once) / 5;
await native.run(file, 5);
const batch = Math.max(10, Math.round(50 / once));

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
const profiles = [];
const wasmTimes = [];
const nativeTimes = [];
for (let r = 0; r < rounds; r++) {
  await session.post('Profiler.start');
  for (let i = 0; i < batch; i++) colloquy.analyse(text);
  profiles.push((await session.post('Profiler.stop')).profile);
  for (let i = 0; i < batch; i++) {
    const a = performance.now();
    colloquy.analyse(text);
    wasmTimes.push(performance.now() - a);
  }
  nativeTimes.push(...(await native.run(file, batch)));
}
session.disconnect();
await native.stop();
const report = spawnSync('perf', ['report', '-i', perfData, '--no-children', '--sort', 'sym', '--stdio'], {
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});
rmSync(work, { recursive: true, force: true });
const wasmMs = median(wasmTimes);
const nativeMs = median(nativeTimes);

/** A Rust symbol without its hash and crate disambiguators, so both sides' names meet;
 * the allocator (dlmalloc in wasm, glibc's malloc natively) as one row, and glibc's
 * tuned `mem*` functions under their plain names. */
function plain(name) {
  const s = name
    .replace(/::h[0-9a-f]{16}$/, '')
    .replace(/\[[0-9a-f]{16}\]/g, '')
    .replace(/::<[^<>]*>$/, '');
  if (/dlmalloc::|^__rustc::__r(dl|ust)_(alloc|dealloc|realloc|alloc_zeroed)$|^(_int_)?(malloc|free|realloc)$|^cfree|^unlink_chunk|^malloc_consolidate/.test(s)) {
    return '(allocator: dlmalloc in wasm, glibc natively)';
  }
  const mem = s.match(/^__(mem(?:cmp|move|cpy|set|chr))_/);
  return mem ? mem[1] : s;
}

// Self time by function, from the samples' time deltas: the samples inside `analyse`
// (not the profiler's own messages, nor this loop), and the garbage collector's.
const wasmSelf = new Map();
let wasmTotal = 0;
for (const profile of profiles) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const inAnalyse = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url } = nodes.get(at).callFrame;
      if (functionName === 'analyse' && url.endsWith('colloquy.js')) return true;
    }
    return false;
  };
  profile.samples.forEach((id, i) => {
    const name = nodes.get(id).callFrame.functionName || '(anonymous JS)';
    if (name !== '(garbage collector)' && !inAnalyse(id)) return;
    const us = profile.timeDeltas[i + 1] ?? 0;
    const key = plain(name);
    wasmSelf.set(key, (wasmSelf.get(key) ?? 0) + us);
    wasmTotal += us;
  });
}

const nativeSelf = new Map();
let nativeShare = 0;
for (const line of report.stdout.split('\n')) {
  const m = line.match(/^\s+([0-9.]+)%\s+\[\.\]\s+(.*?)\s*$/);
  if (!m) continue;
  const name = plain(m[2]);
  nativeSelf.set(name, (nativeSelf.get(name) ?? 0) + Number(m[1]));
  nativeShare += Number(m[1]);
}

const rows = [...new Set([...wasmSelf.keys(), ...nativeSelf.keys()])].map((name) => {
  const w = ((wasmSelf.get(name) ?? 0) / wasmTotal) * wasmMs;
  const n = ((nativeSelf.get(name) ?? 0) / nativeShare) * nativeMs;
  return { name, w, n };
});

const STD = 'std and libc: sorts, searches, strings, maths';
/** Where a function belongs: a stage of the core, a library, or the JS boundary. Sums
 * over these are steadier than single functions, which the two compilers inline
 * differently. `side` is where the name was seen. */
function area(name, side) {
  const s = name.replace(/^</, '');
  if (s.startsWith('(allocator')) return 'allocator';
  if (s === '(garbage collector)') return "JS: V8's garbage collector";
  if (/^mem(cmp|move|cpy|set|chr)$/.test(s)) return STD;
  if (!s.includes('::')) return side === 'wasm' ? 'JS: the string in, the result out' : STD;
  if (s.startsWith('colloquy_wasm::')) return 'wasm crate: options in, the tape written';
  const stage = [
    [/^colloquy::token::/, 'core: tokenise'],
    [/^colloquy::parse::/, 'core: parse'],
    [/^colloquy::(counts|phrases)::/, 'core: count'],
    [/^colloquy::(report|stats|sort|language|stem)\b/, 'core: report'],
    [/^colloquy::/, 'core: other (stream, offsets)'],
    [/^whatlang::/, 'whatlang: language detection'],
  ].find(([re]) => re.test(s));
  if (stage) return stage[1];
  if (/^(core|alloc|std|compiler_builtins|__rustc)\b/.test(s)) return STD;
  return 'other crates (hashbrown, memchr, unicode-segmentation, …)';
}

const ms = (x) => (x === 0 ? '–' : x.toFixed(3));
/** Rows of `{ name, w, n }` (wasm and native ms a run) as a Markdown table. */
const table = (first, rows) => [
  `| ${first} | wasm ms | native ms | wasm ÷ native | extra ms |`,
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${ms(r.w)} | ${ms(r.n)} | ${r.n > 0 && r.w > 0 ? (r.w / r.n).toFixed(2) + '×' : '–'} | ${(r.w - r.n).toFixed(3)} |`),
];
const byExtra = (a, b) => b.w - b.n - (a.w - a.n) || a.name.localeCompare(b.name);

const areas = new Map();
for (const r of rows) {
  const k = area(r.name, wasmSelf.has(r.name) ? 'wasm' : 'native');
  const a = areas.get(k) ?? { name: k, w: 0, n: 0 };
  a.w += r.w;
  a.n += r.n;
  areas.set(k, a);
}
const out = [
  `${rounds} rounds of ${batch} runs a side: wasm \`analyse\` ${wasmMs.toFixed(2)} ms a run (median, unprofiled), native \`Stream::once\` ${nativeMs.toFixed(2)} ms, ${(wasmMs / nativeMs).toFixed(2)}×. The 25 functions with the most extra time in wasm:`,
  '',
  ...table('function', [...rows].sort(byExtra).slice(0, 25).map((r) => ({ ...r, name: `\`${r.name.replaceAll('|', '\\|')}\`` }))),
  '',
  'The same, summed by where the functions belong (std functions count where they are, not with their callers):',
  '',
  ...table('area', [...areas.values()].sort(byExtra)),
];
console.log(out.join('\n'));
