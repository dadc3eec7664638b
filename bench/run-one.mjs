#!/usr/bin/env node
// One peer on one input in a fresh process, for memory: peak RSS (maxRSS) and, for
// colloquy, the wasm linear memory after the run (it never shrinks, so in a fresh
// process this is the run's peak). Also the time of this single cold run.
//
//   node --expose-gc bench/run-one.mjs PEER SIZE [REPEAT]
//
// With REPEAT, REPEAT more warm runs follow (after a warm-up of at least two runs and
// one second), timed alone.
//
// Prints one line `RESULT {json}` (other lines may come from the peers' libraries).
import { readFileSync } from 'node:fs';
import { lastSplit, peerByName, setupPeer, wasmMemoryBytes } from './peers.mjs';
import { sizeByName } from './sizes.mjs';

const [peerName, sizeName, repeatArg] = process.argv.slice(2);
// Optional: after the cold run, this many warm runs alone in this process (no other
// peer's garbage or cache traffic between them), for the "alone" figures.
const repeat = Number(repeatArg ?? 0);
const peer = peerByName(peerName);
const size = sizeByName(sizeName);
const gc = globalThis.gc ?? (() => {});

const text = readFileSync(size.path, 'utf8');
await setupPeer(peer);
gc();
const mb = (bytes) => bytes / 1048576;
const baseRssMB = mb(process.memoryUsage().rss);
const wasmBeforeMB = mb(wasmMemoryBytes());
const t0 = performance.now();
let summary = null;
let error = null;
try {
  summary = peer.run(text);
} catch (e) {
  // Reported with the memory at the failure (a wasm trap, an exhausted heap …).
  error = `${e?.name ?? 'Error'}: ${e?.message ?? e}`.slice(0, 300);
}
const ms = performance.now() - t0;
const usage = process.resourceUsage();
const warm = [];
if (!error) {
  const forceGc = Buffer.byteLength(text) >= 5 * 1048576; // as in bench.mjs's interleaved runs
  // Warm-up: at least two runs and a second of running (at most 200 runs), so that V8
  // has moved the hot wasm and JS functions to its optimising tier, as it has in the
  // interleaved step; two runs alone left small inputs at the baseline tier.
  const warmStart = performance.now();
  for (let i = 0; repeat > 0 && (i < 2 || (performance.now() - warmStart < 1000 && i < 200)); i++) {
    if (forceGc) gc();
    peer.run(text);
  }
  for (let i = 0; i < repeat; i++) {
    if (forceGc) gc();
    const a = performance.now();
    peer.run(text);
    warm.push(performance.now() - a);
  }
}
console.log(
  'RESULT ' +
    JSON.stringify({
      peer: peerName,
      size: sizeName,
      ms,
      peakRssMB: usage.maxRSS / 1024, // maxRSS is in KiB
      baseRssMB,
      wasmBeforeMB,
      wasmMB: mb(wasmMemoryBytes()),
      summary,
      error,
      split: peerName === 'colloquy-doc' && !error ? lastSplit : undefined,
      warm: warm.length ? warm : undefined,
    }),
);
