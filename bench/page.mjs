#!/usr/bin/env node
// colloquy in the page: headless Chromium (Debian's, driven by playwright-core, as the
// e2e tests do) opens each corpus through the page's file input, and the page's worker
// analyses it, end to end: reading and decoding the file, posting it to the worker,
// the wasm analysis (streamed through an `Analyzer` with progress past the worker's
// STREAM_OVER), the result crossing back, and the page rendering every view.
//
//   node bench/page.mjs [--quick] [--deadline UNIX_SECONDS]
//
// Each size is timed on the first analysis in fresh pages (a fresh worker, its wasm
// compiled and ready, as a user finds the page) and on warm re-analyses in one page
// (opening the file again, as after a change). Writes bench/work/page.json; the report
// reads it (bench/native.mjs).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, start } from '../e2e/harness.mjs';
import { MB, ROOT, SIZES } from './sizes.mjs';
import { median } from './stats.mjs';

const quick = process.argv.includes('--quick');
const deadlineArg = process.argv.indexOf('--deadline');
const deadline = deadlineArg > 0 ? Number(process.argv[deadlineArg + 1]) * 1000 : Infinity;
const sizes = SIZES.filter((s) => !(quick && s.name === '100mb'));
/** Per size: fresh pages (each timed on its first analysis), and warm re-analyses in the first page. */
const RUNS = {
  seed: { pages: 3, warm: 10 },
  '50kb': { pages: 3, warm: 10 },
  '1mb': { pages: 3, warm: 10 },
  '10mb': { pages: 3, warm: 3 },
  '100mb': { pages: 1, warm: 0 },
};

/** Records, in the page, every value the progress bar shows while it is visible. */
const watchProgress = (page) => page.evaluate(() => {
  window.progressSeen = [];
  window.progressTimer ??= setInterval(() => {
    const row = document.getElementById('progress-row');
    const bar = document.getElementById('progress');
    if (row && bar && !row.hidden && window.progressSeen.at(-1) !== bar.value) window.progressSeen.push(bar.value);
  }, 20);
});

/** Opens the corpus through the page's file input and waits for the results (and, for a big text, the index). */
async function analyseOnce(page, size) {
  await watchProgress(page);
  const timeout = Math.max(60_000, (statSync(size.path).size / MB) * 3000);
  const before = await page.evaluate(() => Number(document.body.dataset.analyses ?? 0));
  const t0 = performance.now();
  await page.setInputFiles('#file-input', size.path);
  await page.waitForFunction((n) => {
    const d = document.body.dataset;
    return (d.state === 'done' && Number(d.analyses ?? 0) > n) || ['error', 'too-large', 'file-error'].includes(d.state);
  }, before, { timeout, polling: 10 });
  const wallMs = performance.now() - t0;
  const at = await page.evaluate(() => ({ ...document.body.dataset, progress: window.progressSeen }));
  if (at.state !== 'done') throw new Error(`the page ended in state ${at.state}: ${await page.locator('#status').textContent()}`);
  let indexedMs = null;
  let memory = Number(at.wasmMemory);
  if (at.indexed === 'false') {
    await page.waitForSelector('body[data-indexed="true"]', { timeout });
    indexedMs = performance.now() - t0;
    memory = Number(await page.evaluate(() => document.body.dataset.wasmMemory));
  }
  if (page.problems.length) throw new Error(page.problems.join('; '));
  return {
    ms: Number(at.lastAnalysisMs), // the page's own figure: file chosen → results rendered
    workerMs: Number(at.workerMs), // inside the worker: text received → result posted
    wallMs, // as the driver saw it (setInputFiles → the page says done)
    indexedMs, // big texts: until the concordance and dispersion views can answer
    wasmMB: memory / MB, // the worker's wasm memory at the end (it never shrinks: its peak)
    progress: at.progress.length,
  };
}

async function measure(env, size) {
  const { pages, warm } = RUNS[size.name];
  const first = [];
  const warmRuns = [];
  for (let p = 0; p < pages && Date.now() < deadline - 60_000; p++) {
    const page = await open(env);
    try {
      first.push(await analyseOnce(page, size));
      for (let i = 0; p === 0 && i < warm && Date.now() < deadline - 60_000; i++) warmRuns.push(await analyseOnce(page, size));
    } finally {
      await page.context().close();
    }
  }
  const stats = (runs) => (runs.length ? {
    n: runs.length,
    median: median(runs.map((r) => r.ms)),
    workerMedian: median(runs.map((r) => r.workerMs)),
    wallMedian: median(runs.map((r) => r.wallMs)),
    indexedMedian: median(runs.map((r) => r.indexedMs).filter((x) => x != null)),
    wasmMB: Math.max(...runs.map((r) => r.wasmMB)),
    progress: Math.min(...runs.map((r) => r.progress)),
  } : null);
  return { status: 'ok', first: stats(first), warm: stats(warmRuns), runs: { first, warm: warmRuns } };
}

const env = await start();
const out = { started: new Date().toISOString(), browser: env.browser.version(), sizes: {} };
try {
  for (const size of sizes) {
    if (Date.now() > deadline - 60_000) {
      out.sizes[size.name] = { status: 'skipped', note: 'no time left before the bench deadline' };
      continue;
    }
    try {
      const r = await measure(env, size);
      out.sizes[size.name] = r;
      const line = (k) => r[k] ? `${k} ${r[k].median.toFixed(1)} ms (worker ${r[k].workerMedian.toFixed(1)} ms${r[k].indexedMedian ? `, indexed at ${r[k].indexedMedian.toFixed(0)} ms` : ''}, wasm ${r[k].wasmMB.toFixed(0)} MB, ${r[k].progress} progress values, n=${r[k].n})` : `${k} –`;
      console.log(`page ${size.name}: ${line('first')}; ${line('warm')}`);
    } catch (e) {
      out.sizes[size.name] = { status: 'failed', note: String(e?.message ?? e).slice(0, 300) };
      console.log(`page ${size.name}: failed: ${out.sizes[size.name].note}`);
    }
  }
} finally {
  await env.close();
}
out.finished = new Date().toISOString();
mkdirSync(join(ROOT, 'bench', 'work'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'work', 'page.json'), JSON.stringify(out, null, 2) + '\n');
console.log('wrote bench/work/page.json');
