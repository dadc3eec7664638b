#!/usr/bin/env node
// Where wasm loses to native, function by function: `bench/profile.sh` runs this on one
// corpus after building a package whose wasm keeps its function names and recording the
// native core with perf.
//
//   node bench/wasm-profile.mjs PKG_DIR TEXT RUNS PERF_REPORT NATIVE_TIMES
//
// PKG_DIR: a wasm-bindgen `--target web` package with a name section (wasm-opt -g);
// PERF_REPORT: `perf report --no-children --sort sym --stdio` of the native core
// (`examples/bench_serve.rs`) analysing TEXT; NATIVE_TIMES: that process's answer (a JSON
// array of each run's milliseconds). The wasm side is sampled in this process with V8's
// profiler (node:inspector) over RUNS calls of `analyse(TEXT)`, after as many unprofiled
// runs, whose median sets the scale. Each side's self-time shares times its own median
// give milliseconds per run, so the two columns add up to each side's whole run; a
// function that one compiler inlined and the other did not shows on one side only.
// Prints a Markdown table, most extra wasm time first.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './stats.mjs';

const [pkg, file, runsArg, perfReport, nativeTimes] = process.argv.slice(2);
const runs = Number(runsArg);
const text = readFileSync(file, 'utf8');
const colloquy = await import(pathToFileURL(join(pkg, 'colloquy.js')).href);
colloquy.initSync({ module: readFileSync(join(pkg, 'colloquy_bg.wasm')) });

const times = [];
for (let i = 0; i < runs; i++) {
  const a = performance.now();
  colloquy.analyse(text);
  times.push(performance.now() - a);
}
const wasmMs = median(times);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
for (let i = 0; i < runs; i++) colloquy.analyse(text);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

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

// Self time by function, from the samples' time deltas; idle and the profiler's own
// frames are left out.
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const wasmSelf = new Map();
let wasmTotal = 0;
profile.samples.forEach((id, i) => {
  const name = nodes.get(id).callFrame.functionName || '(anonymous JS)';
  if (name === '(idle)' || name === '(program)' || name === '(root)') return;
  const us = profile.timeDeltas[i + 1] ?? 0;
  wasmSelf.set(plain(name), (wasmSelf.get(plain(name)) ?? 0) + us);
  wasmTotal += us;
});

const nativeSelf = new Map();
let nativeShare = 0;
for (const line of readFileSync(perfReport, 'utf8').split('\n')) {
  const m = line.match(/^\s+([0-9.]+)%\s+\[\.\]\s+(.*?)\s*$/);
  if (!m) continue;
  const name = plain(m[2]);
  nativeSelf.set(name, (nativeSelf.get(name) ?? 0) + Number(m[1]));
  nativeShare += Number(m[1]);
}
const nativeMs = median(JSON.parse(readFileSync(nativeTimes, 'utf8')));

const rows = [...new Set([...wasmSelf.keys(), ...nativeSelf.keys()])].map((name) => {
  const w = ((wasmSelf.get(name) ?? 0) / wasmTotal) * wasmMs;
  const n = ((nativeSelf.get(name) ?? 0) / nativeShare) * nativeMs;
  return { name, w, n };
});
rows.sort((a, b) => b.w - b.n - (a.w - a.n) || a.name.localeCompare(b.name));

const ms = (x) => (x === 0 ? '–' : x.toFixed(3));
const out = [];
out.push(`wasm \`analyse\` ${wasmMs.toFixed(2)} ms a run (median of ${runs}, unprofiled), native \`Stream::once\` ${nativeMs.toFixed(2)} ms: ${(wasmMs / nativeMs).toFixed(2)}× (two processes at two times: the paired ratio above is the one to trust). The 25 functions with the most extra time in wasm:`);
out.push('');
out.push('| function | wasm ms | native ms | wasm ÷ native | extra ms |');
out.push('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows.slice(0, 25)) {
  out.push(`| \`${r.name.replaceAll('|', '\\|')}\` | ${ms(r.w)} | ${ms(r.n)} | ${r.n > 0 && r.w > 0 ? (r.w / r.n).toFixed(2) + '×' : '–'} | ${(r.w - r.n).toFixed(3)} |`);
}
console.log(out.join('\n'));
