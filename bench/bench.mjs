#!/usr/bin/env node
// The benchmark driver: `make bench` / `make bench-quick` run it as
//
//   node --expose-gc bench/bench.mjs [--quick] [--deadline EPOCH_SECONDS] [--peers a,b] [--sizes a,b] [--name NAME]
//
// --name NAME writes bench/work/results-NAME.json and bench/work/RESULTS-NAME.md instead
// of the committed report, for a partial run (some sizes or peers) that must not replace it.
// The real-text sizes (real1mb, real10mb: bench/real-corpus.mjs) run after their generated
// tier when the realworld corpus was there to build them; otherwise they are skipped and
// the report says so in one line.
//
// For each input size, smallest first:
//   A. memory: every peer once in a fresh child process (bench/run-one.mjs), killed
//      at the time limit: peak RSS, wasm linear memory, and a cold single-run time;
//   B. time: the peers that finished, in this one process, interleaved round-robin
//      (the starting peer rotates each round), gc() before every run from 10 MB on,
//      after warm-up runs at the small sizes; median and p90 of the samples;
//   C. alone: colloquy and js-regex again, each warm in a fresh process of its own.
// The 100 MB size runs step A only (one cold run per peer, most important first, as
// the time left allows). Everything is budgeted against a deadline so that the whole
// `make bench` stays within 30 minutes; what was skipped is reported, with why.
// Writes bench/results[-quick].json and renders bench/RESULTS[-quick].md.
import { spawnSync, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PEERS, peerByName, setupPeer, peerVersion, lastSplit, loadColloquy } from './peers.mjs';
import { ALL_SIZES, ROOT, MB, realManifest } from './sizes.mjs';
import { render } from './report.mjs';
import { loadFloorNative, loadNativeFile, loadPageFile, loadPageSpeedFile, loadPairedFile } from './native.mjs';
import { median, quantile } from './stats.mjs';

const HERE = join(ROOT, 'bench');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const quick = flag('--quick');
const t0 = Date.now();
// Default: 25 min for the full run, 12 for the quick one (the Makefile passes a
// deadline that also counts the build).
const deadline = Number(opt('--deadline', 0)) * 1000 || t0 + (quick ? 12 : 25) * 60_000;
// When `make bench` started (before building and the native run), for telling
// whether bench/work/native.json was made in this run.
const makeStarted = Number(opt('--started-at', 0)) * 1000 || t0;
const wanted = ALL_SIZES.filter((s) => (opt('--sizes') ? opt('--sizes').split(',').includes(s.name) : quick ? s.name !== '100mb' : true));
// The real-text rows need bench/real-corpus.mjs to have found the realworld transcripts.
const real = realManifest();
const realMissing = !real ? 'bench/corpora/real-manifest.json is missing (run node bench/real-corpus.mjs)' : real.missing ?? null;
const sizes = wanted.filter((s) => !s.real || (!realMissing && existsSync(s.path)));
const realSkipped = wanted.some((s) => s.real) && sizes.every((s) => !s.real) ? realMissing ?? 'the real corpora are missing' : null;
const runName = opt('--name', null);
const peers = opt('--peers') ? opt('--peers').split(',').map(peerByName) : PEERS;
const LIMIT_S = Number(opt('--limit', 60)); // a peer is abandoned for a size if one run takes longer
const LIMIT_100_S = Number(opt('--limit-100', 600)); // the one cold run at 100 MB
// Share of the time left that each size may use (phase A + B), by size.
const WEIGHT = { seed: 2, '50kb': 3, '1mb': 8, '10mb': 27, '100mb': 40 };
const MAX_SAMPLES = { seed: 30, '50kb': 30, '1mb': 15, '10mb': 7, '100mb': 1 };
const WARMUP = { seed: 2, '50kb': 2, '1mb': 1, '10mb': 0, '100mb': 0 };
// At 100 MB, the order in which peers get the time that is left.
const PRIORITY_100 = ['colloquy-analyzer', 'js-regex', 'colloquy', 'floor', 'natural', 'colloquy-terms', 'colloquy-doc', 'wink-nlp', 'intl-segmenter', 'compromise'];
const TARGET_PEERS = new Set(['colloquy', 'colloquy-terms', 'js-regex', 'floor']);
// Also timed alone in a fresh process (step C).
const ALONE_PEERS = new Set(['colloquy', 'js-regex']);
// Warm runs alone: as many as the interleaved step takes, at most 20 s' worth, at least 3.
const aloneRepeat = (ms) => Math.max(3, Math.min(MAX_SAMPLES[sizeNow], Math.floor(20_000 / ms)));

// The fewest samples, for the peers the targets compare and for the others (at 10 MB
// one if a run takes over 20 s); runs at the small sizes are cheap, so take many.
const MIN_SAMPLES = { seed: [10, 10], '50kb': [10, 10], '1mb': [5, 3], '10mb': [3, 2], '100mb': [1, 1] };
let sizeNow = 'seed';
const minSamples = (p, ms) => {
  const [target, other] = MIN_SAMPLES[sizeNow];
  return TARGET_PEERS.has(p.name) ? target : ms > 20_000 ? 1 : other;
};
const gc = globalThis.gc ?? (() => { throw new Error('run with node --expose-gc'); });
const now = () => Date.now();
const left = () => (deadline - now()) / 1000;
const log = (...a) => console.log(`[bench ${((now() - t0) / 1000).toFixed(0).padStart(4)} s]`, ...a);

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const model = cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const memKb = Number(meminfo.match(/^MemTotal:\s*(\d+)/m)?.[1] ?? 0);
  const mhz = cpuinfo.match(/^cpu MHz\s*:\s*(.*)$/m)?.[1];
  return {
    cpu: model,
    mhz: mhz ? Number(mhz) : null,
    cores: os.cpus().length,
    ramGiB: memKb / 1048576,
    kernel: `${os.type()} ${os.release()}`,
    loadAtStart: os.loadavg(),
  };
}

function wasmSize() {
  const path = join(process.env.COLLOQUY_PKG, 'colloquy_bg.wasm');
  const bytes = statSync(path).size;
  let gzipBytes;
  let how;
  try {
    gzipBytes = execFileSync('gzip', ['-9c', path], { maxBuffer: 1 << 28 }).length;
    how = 'gzip -9';
  } catch {
    gzipBytes = gzipSync(readFileSync(path), { level: 9 }).length;
    how = 'zlib level 9';
  }
  return { bytes, gzipBytes, how };
}

function childRun(peer, size, timeoutS, repeat = 0) {
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', join(HERE, 'run-one.mjs'), peer.name, size.name, String(repeat)],
    { encoding: 'utf8', timeout: timeoutS * 1000, killSignal: 'SIGKILL', maxBuffer: 1 << 24, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' } },
  );
  const wallS = (performance.now() - started) / 1000;
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL') return { status: 'timeout', wallS };
  const line = (r.stdout ?? '').split('\n').reverse().find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) {
    const err = (r.stderr ?? '').trim().split('\n').filter(Boolean);
    const oom = /heap out of memory|Out of memory|memory access out of bounds|RangeError/i.test(r.stderr ?? '');
    return { status: 'error', wallS, error: (oom ? 'out of memory: ' : '') + (err.find((l) => /Error|error/.test(l)) ?? err.at(-1) ?? `exit ${r.status}`).slice(0, 300) };
  }
  const res = JSON.parse(line.slice('RESULT '.length));
  if (res.error) {
    const wasm = res.wasmMB ? `, wasm memory ${res.wasmMB.toFixed(0)} MB` : '';
    return { status: 'error', wallS, error: `${res.error} (after ${(res.ms / 1000).toFixed(1)} s; peak RSS ${res.peakRssMB.toFixed(0)} MB${wasm})`, failed: res };
  }
  return { status: 'ok', wallS, ...res };
}

function gitState() {
  const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    // Code and build settings only: a changed README does not make the figures another build's.
    const dirty = git('status', '--porcelain', '--', 'src', 'wasm', 'Cargo.toml', 'Cargo.lock', '.cargo', ':(exclude,glob)**/*.md');
    return { commit: git('rev-parse', '--short', 'HEAD'), dirtyCore: dirty.length > 0 };
  } catch {
    return null;
  }
}

/** The string crossing alone, as JS does it: UTF-8 encodeInto a buffer sized for it. */
function crossingMs(text) {
  const enc = new TextEncoder();
  const buf = new Uint8Array(text.length * 3);
  const xs = [];
  for (let i = 0; i < 5; i++) {
    gc();
    const a = performance.now();
    enc.encodeInto(text, buf);
    xs.push(performance.now() - a);
  }
  return median(xs);
}

/** A copy of pkg/ for this run (parent and children load it), so a concurrent rebuild cannot mix builds. */
function freezePkg() {
  const dir = join(HERE, 'work', 'pkg');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['colloquy.js', 'colloquy_bg.wasm', 'package.json']) copyFileSync(join(ROOT, 'pkg', f), join(dir, f));
  cpSync(join(ROOT, 'pkg', 'snippets'), join(dir, 'snippets'), { recursive: true });
  process.env.COLLOQUY_PKG = dir;
  return dir;
}

/** The wasm-bindgen crate version in Cargo.lock (the bindings in pkg/ match it). */
function wasmBindgenVersion() {
  try {
    const lock = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8');
    return lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1] ?? null;
  } catch {
    return null;
  }
}

async function main() {
  freezePkg();
  const results = {
    kind: quick ? 'quick' : 'full',
    started: new Date(t0).toISOString(),
    makeStarted: new Date(makeStarted).toISOString(),
    deadline: new Date(deadline).toISOString(),
    limits: { perRunS: LIMIT_S, run100S: LIMIT_100_S },
    machine: machine(),
    versions: {},
    peers: {},
    wasm: null,
    git: gitState(),
    corpus: JSON.parse(readFileSync(join(HERE, 'corpora', 'manifest.json'), 'utf8')),
    real: realSkipped ? { skipped: realSkipped } : sizes.some((s) => s.real) ? real : null,
    sizes: [],
  };
  results.wasm = wasmSize();
  results.versions.colloquy = (await loadColloquy()).version();
  results.versions.wasmBindgen = wasmBindgenVersion();
  for (const p of peers) {
    await setupPeer(p);
    results.peers[p.name] = { kind: p.kind, describe: p.describe, version: peerVersion(p) };
  }
  results.versions.node = process.version;
  if (realSkipped) log(`real text: skipped (${realSkipped})`);
  log(`deadline in ${left().toFixed(0)} s; sizes ${sizes.map((s) => s.name).join(', ')}; peers ${peers.map((p) => p.name).join(', ')}`);

  let prev = null; // { size, bytes, est: { peer: ms } }
  for (let si = 0; si < sizes.length; si++) {
    const size = sizes[si];
    // A real size takes its generated tier's sample counts and time share.
    sizeNow = size.tier ?? size.name;
    if (!existsSync(size.path)) throw new Error(`${size.path} is missing: run node bench/gen-corpus.mjs`);
    const text = readFileSync(size.path, 'utf8');
    const bytes = Buffer.byteLength(text);
    const weight = (s) => WEIGHT[s.tier ?? s.name];
    const weightLeft = sizes.slice(si).reduce((a, s) => a + weight(s), 0);
    const sizeBudgetS = Math.max(0, left() - 15) * (weight(size) / weightLeft);
    const sizeDeadline = now() + sizeBudgetS * 1000;
    const is100 = size.name === '100mb';
    const limitS = is100 ? LIMIT_100_S : LIMIT_S;
    log(`== ${size.name}: ${bytes} bytes, ${text.length} UTF-16 units; budget ${sizeBudgetS.toFixed(0)} s`);
    const entry = { name: size.name, label: size.label, bytes, units: text.length, crossingMs: crossingMs(text), peers: {} };
    results.sizes.push(entry);

    // A. Memory (and a cold time), each peer in a child process.
    const order = is100 ? [...peers].sort((a, b) => idx(a) - idx(b)) : peers;
    function idx(p) { const i = PRIORITY_100.indexOf(p.name); return i < 0 ? 99 : i; }
    for (const peer of order) {
      const r = (entry.peers[peer.name] = { samples: [] });
      const before = prev?.est[peer.name];
      const projS = before != null ? (before * (bytes / prev.bytes)) / 1000 : null;
      if (prev && before == null) {
        r.status = 'skipped';
        r.note = `did not finish ${prev.label}`;
        continue;
      }
      if (projS != null && projS > limitS * 1.5) {
        r.status = 'skipped';
        r.note = `projected ${projS.toFixed(0)} s from its ${prev.label} time, over the ${limitS} s limit; not run`;
        continue;
      }
      // What this size may use: all that is left but the later sizes' shares.
      const laterShare = sizes.slice(si + 1).reduce((a, s) => a + weight(s), 0) / weightLeft;
      const timeLeft = left() * (1 - laterShare) - 10;
      if (projS != null && projS * 1.3 + 5 > timeLeft && !(is100 && peer.name === 'colloquy-analyzer')) {
        r.status = 'skipped';
        r.note = `projected ${projS.toFixed(0)} s; not run to keep \`make bench\` within its time budget (${Math.max(0, timeLeft).toFixed(0)} s left)`;
        continue;
      }
      const c = childRun(peer, size, limitS + 30);
      if (c.status === 'timeout') {
        r.status = 'timeout';
        r.note = `did not finish within the ${limitS} s limit (killed after ${c.wallS.toFixed(0)} s)`;
      } else if (c.status === 'error') {
        r.status = 'error';
        r.note = c.error;
        if (c.failed) r.failed = { ms: c.failed.ms, peakRssMB: c.failed.peakRssMB, wasmMB: c.failed.wasmMB };
      } else if (c.ms > limitS * 1000) {
        r.status = 'timeout';
        r.note = `took ${(c.ms / 1000).toFixed(0)} s, over the ${limitS} s limit`;
        r.cold = c;
      } else {
        r.status = 'ok';
        r.cold = { ms: c.ms, peakRssMB: c.peakRssMB, baseRssMB: c.baseRssMB, wasmMB: peer.kind === 'wasm' ? c.wasmMB : null };
        if (c.split) r.coldSplit = c.split;
        r.summary = c.summary;
      }
      log(`A ${peer.name.padEnd(18)} ${r.status} ${r.cold ? `${r.cold.ms.toFixed(1)} ms, peak RSS ${r.cold.peakRssMB.toFixed(0)} MB${r.cold.wasmMB ? `, wasm ${r.cold.wasmMB.toFixed(0)} MB` : ''}` : r.note}`);
    }

    // B. Time, interleaved in this process. At 10 MB a run leaves hundreds of MB of
    // garbage, which a gc() before each run keeps off the next peer's time; at the
    // small sizes a forced full GC costs the next run more than it saves (measured:
    // +10–15 ms per 50 KB run, for every peer), so V8 collects as it would anyway.
    const forceGc = bytes >= 5 * MB;
    const timed = peers.filter((p) => entry.peers[p.name].status === 'ok');
    if (!is100 && timed.length) {
      const est = Object.fromEntries(timed.map((p) => [p.name, Math.max(0.05, entry.peers[p.name].cold.ms)]));
      for (let w = 0; w < WARMUP[sizeNow]; w++) {
        for (const p of timed) {
          if (forceGc) gc();
          const a = performance.now();
          p.run(text);
          est[p.name] = performance.now() - a;
        }
      }
      // Step C's time is kept out of B's budget.
      const aloneS = timed
        .filter((p) => ALONE_PEERS.has(p.name))
        .reduce((a, p) => a + 1 + (est[p.name] * (aloneRepeat(est[p.name]) + 3)) / 1000, 0);
      const budgetB = Math.max(0, (sizeDeadline - now()) / 1000 - aloneS);
      const share = (budgetB * 1000) / timed.length;
      const want = Object.fromEntries(
        timed.map((p) => {
          const t = est[p.name];
          const min = minSamples(p, t);
          return [p.name, Math.max(min, Math.min(MAX_SAMPLES[sizeNow], Math.floor(share / t)))];
        }),
      );
      log(`B ${budgetB.toFixed(0)} s for ${timed.map((p) => `${p.name}×${want[p.name]}`).join(' ')}`);
      const splits = [];
      const dropped = new Set();
      for (let round = 0; ; round++) {
        const todo = timed.filter((p) => !dropped.has(p.name) && entry.peers[p.name].samples.length < want[p.name]);
        if (todo.length === 0) break;
        // Past the size's time, stop once every peer has its minimum (3 / 1).
        if (now() > sizeDeadline && todo.every((p) => entry.peers[p.name].samples.length >= minSamples(p, est[p.name]))) break;
        if (left() < 30) break; // the deadline: stop measuring, write what we have
        const rot = round % todo.length;
        for (const p of [...todo.slice(rot), ...todo.slice(0, rot)]) {
          if (forceGc) gc();
          const a = performance.now();
          p.run(text);
          const ms = performance.now() - a;
          entry.peers[p.name].samples.push(ms);
          if (p.name === 'colloquy-doc') splits.push({ ...lastSplit });
          if (ms > limitS * 1000) {
            dropped.add(p.name);
            entry.peers[p.name].note = `a run took ${(ms / 1000).toFixed(0)} s, over the ${limitS} s limit: no more runs at this size`;
          }
        }
      }
      if (splits.length) {
        entry.peers['colloquy-doc'].split = {
          loadMs: median(splits.map((s) => s.loadMs)),
          analysisMs: median(splits.map((s) => s.analysisMs)),
        };
      }
    }
    // C. Alone: colloquy and the hand-written JS peer, each in a fresh process running
    // only itself (warm, as a page's worker or a script would), so that the other
    // peers' garbage and cache traffic are not in the figure. Beside B, not instead.
    if (!is100) {
      for (const p of peers.filter((q) => ALONE_PEERS.has(q.name) && entry.peers[q.name].status === 'ok')) {
        const est = Math.max(0.05, entry.peers[p.name].median ?? entry.peers[p.name].cold.ms);
        const repeat = aloneRepeat(est);
        if (left() < 60 + (est * (repeat + 3)) / 1000) continue;
        const c = childRun(p, size, limitS * (repeat + 3) + 30, repeat);
        if (c.status === 'ok' && c.warm?.length) {
          entry.peers[p.name].alone = { n: c.warm.length, median: median(c.warm), p90: quantile(c.warm, 0.9) };
          log(`C ${p.name.padEnd(18)} alone: median ${median(c.warm).toFixed(1)} ms (n=${c.warm.length})`);
        }
      }
    }
    for (const p of peers) {
      const r = entry.peers[p.name];
      const xs = r.samples.length ? r.samples : r.status === 'ok' && is100 ? [r.cold.ms] : [];
      r.n = xs.length;
      r.median = median(xs);
      r.p90 = quantile(xs, 0.9);
      r.min = xs.length ? Math.min(...xs) : null;
      if (r.median != null) log(`  ${p.name.padEnd(18)} median ${r.median.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms (n=${r.n}), ${(bytes / MB / (r.median / 1000)).toFixed(2)} MB/s`);
    }
    // The next size is projected from the last generated one: the real text (a repetition,
    // whose vocabulary stops growing) runs faster for some peers than a larger text would.
    if (!size.real) prev = {
      label: size.label,
      bytes,
      est: Object.fromEntries(peers.filter((p) => entry.peers[p.name].median != null).map((p) => [p.name, entry.peers[p.name].median])),
    };
    writeOut(results, false);
  }
  results.finished = new Date().toISOString();
  results.machine.loadAtEnd = os.loadavg();
  writeOut(results, true);
}

function writeOut(results, final) {
  const suffix = runName ? `-${runName}` : quick ? '-quick' : '';
  const dir = runName ? join(HERE, 'work') : HERE;
  mkdirSync(dir, { recursive: true });
  if (final) {
    // Kept in the JSON, so that the report can be re-rendered later.
    results.native = loadNativeFile(results);
    results.floorNative = loadFloorNative();
    results.page = loadPageFile(results);
    results.pageSpeed = loadPageSpeedFile(results);
    results.paired = loadPairedFile(results);
  }
  writeFileSync(join(dir, `results${suffix}.json`), JSON.stringify(results, null, 1) + '\n');
  if (final) {
    const md = render(results, { native: results.native });
    writeFileSync(join(dir, `RESULTS${suffix}.md`), md);
    const rel = runName ? 'bench/work' : 'bench';
    log(`wrote ${rel}/RESULTS${suffix}.md and ${rel}/results${suffix}.json`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
