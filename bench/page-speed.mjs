#!/usr/bin/env node
// What a user of the page waits for (issue 26): headless Chromium (Debian's, driven by
// playwright-core, as the e2e tests do) is given a transcript by a paste (the paste
// event the page handles, then, unless the page keeps the text itself, the text in the
// box and the input event the browser sends), timed in the page from the paste to the
// speakers chart drawn and painted, and to every tab ready, cold (the first analysis
// after the page loaded and the user read it for a moment) and warm (pasted again).
// Not in the figures: the browser's own insertion of a small text into the box.
//
//   node bench/page-speed.mjs [--site [NAME=]DIR]… [--sizes seed,100kb,1mb,10mb] [--quick]
//                             [--deadline UNIX_SECONDS] [--out FILE]
//
// Every `--site` is a built site (default: site/), timed side by side in one run (builds
// alternate page by page), so an old and a new build compare on the same machine state.
// The texts are the seed, and 100 KB, 1 MB and 10 MB prefixes (cut at a line end) of
// bench/corpora/real-10mb.txt, the realworld transcripts (bench/real-corpus.mjs), or of the
// generated 10mb.txt when those are not there; the output says which.
//
// Per run: paste → chart painted (`painted`: after the frame that shows it), paste →
// every tab drawn (`allDrawn`: the build draws hidden tabs when idle; for a build that
// does not, or if they are not drawn by then, each tab is opened in turn and the times
// added), the time to open each other tab afterwards (`tabOpen`), the longest main-thread
// task from the paste to every tab drawn, and, where the build reports it
// (body.dataset.timing), the worker's parse+count and report, the transfer and the first
// view's drawing. Beside it, Node runs `analyse` on the same text (warm), so the
// worker's time compares with the engine's.
// Writes bench/work/page-speed.json (or --out); report.mjs renders it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { open, start } from '../e2e/harness.mjs';
import { MB, ROOT, SIZES, realManifest } from './sizes.mjs';
import { median } from './stats.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const values = (name) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
const quick = flag('--quick');
const deadline = values('--deadline').length ? Number(values('--deadline')[0]) * 1000 : Infinity;
/** `--site DIR` or `--site NAME=DIR`: the builds to time, named in the results. */
const sites = (values('--site').length ? values('--site') : [join(ROOT, 'site')]).map((arg) => {
  const [name, dir] = arg.includes('=') ? arg.split(/=(.*)/s) : [null, arg];
  return { dir, name: name ?? (relative(ROOT, dir) || dir) };
});
const outFile = values('--out')[0] ?? join(ROOT, 'bench', 'work', 'page-speed.json');
const only = values('--sizes')[0]?.split(',');

/** How long the user looks at the page before pasting (the engine warms up meanwhile). */
const READING_MS = 1500;
/** Per size: fresh pages per build (each timed on its first analysis), warm runs in each. */
const RUNS = quick
  ? { seed: [2, 3], '100kb': [2, 3], '1mb': [2, 3], '10mb': [1, 1] }
  : { seed: [3, 5], '100kb': [3, 5], '1mb': [3, 5], '10mb': [2, 2] };

/** The texts: the seed, then prefixes of the real (or generated) 10 MB. */
function inputs() {
  const m = realManifest();
  const real = join(ROOT, 'bench', 'corpora', 'real-10mb.txt');
  const generated = SIZES.find((s) => s.name === '10mb').path;
  const source = m && !m.missing && existsSync(real) ? { path: real, what: `real: ${m.transcripts.length} realworld transcripts (bench/real-corpus.mjs)` }
    : { path: generated, what: `generated (bench/gen-corpus.mjs): ${m?.missing ?? 'bench/real-corpus.mjs has not run'}` };
  if (!existsSync(source.path)) throw new Error(`${source.path} is missing: run node bench/real-corpus.mjs and node bench/gen-corpus.mjs`);
  const buf = readFileSync(source.path);
  const cut = (bytes) => {
    if (buf.length <= bytes) return buf.toString('utf8');
    return buf.subarray(0, buf.lastIndexOf(0x0a, bytes - 1) + 1).toString('utf8');
  };
  return {
    source: source.what,
    sizes: [
      { name: 'seed', label: 'seed (12 KB, real)', text: readFileSync(SIZES[0].path, 'utf8') },
      { name: '100kb', label: '100 KB', text: cut(100 * 1024) },
      { name: '1mb', label: '1 MB', text: cut(MB) },
      { name: '10mb', label: '10 MB', text: cut(10 * MB) },
    ],
  };
}

/** Collects the page's long tasks (over 50 ms) from the start, for every run to read. */
const LONG_TASKS = () => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/**
 * In the page: pastes `text` over the transcript and times the analysis it starts. Runs
 * entirely in the page, so the driver's latency is not in any figure.
 */
async function runInPage(page, text) {
  await page.evaluate((t) => { window.benchText = t; }, text);
  return page.evaluate(async (tabTimeout) => {
    const body = document.body;
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
    const until = (test, ms) => new Promise((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`timed out: ${test}`)), ms);
      const check = () => (test() ? (clearTimeout(t), ok()) : requestAnimationFrame(check));
      check();
    });
    const area = /** @type {HTMLTextAreaElement} */ (document.getElementById('transcript'));
    const text = window.benchText;
    window.benchText = null;
    const tabs = [...document.querySelectorAll('[role=tab]')];
    const first = tabs[0];
    if (first.getAttribute('aria-selected') !== 'true') { first.click(); await frame(); }
    const before = Number(body.dataset.analyses ?? 0);
    area.focus();
    area.select();
    await frame();
    // A paste: the page's paste handler sees the text (and keeps a big one itself);
    // otherwise the browser puts it in the box and says so with an input event.
    const t0 = performance.now();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const pasted = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    area.dispatchEvent(pasted);
    if (!pasted.defaultPrevented) {
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
    // Watched by a MutationObserver, so it is seen in the task that renders the result.
    await new Promise((ok, fail) => {
      const done = () => (body.dataset.state === 'done' && Number(body.dataset.analyses ?? 0) > before) || body.dataset.state === 'error';
      const t = setTimeout(() => fail(new Error('no result in 120 s')), 120_000);
      const watch = new MutationObserver(() => { if (done()) { watch.disconnect(); clearTimeout(t); ok(); } });
      watch.observe(body, { attributes: true });
    });
    if (body.dataset.state !== 'done') throw new Error(`the page ended in state ${body.dataset.state}: ${document.getElementById('status')?.textContent}`);
    const rendered = performance.now() - t0;
    await frame();
    const painted = performance.now() - t0;
    const timing = body.dataset.timing ? JSON.parse(body.dataset.timing) : null;
    const views = {};
    const readViews = () => {
      for (const e of performance.getEntriesByType('measure')) {
        if (e.startTime >= t0 && e.name.startsWith('colloquy:view:')) views[e.name.slice(14)] = e.duration;
      }
    };
    // Every tab: drawn when idle by a build that does so (up to 10 s after the chart).
    let allDrawn = null;
    if ('allDrawn' in body.dataset) {
      try {
        await until(() => body.dataset.allDrawn === 'true', tabTimeout);
        const mark = performance.getEntriesByName('colloquy:all-drawn').filter((e) => e.startTime >= t0).at(-1);
        if (mark) allDrawn = mark.startTime - t0;
      } catch { /* not drawn in time: opened in turn below */ }
    }
    readViews();
    // Then open each other tab in turn: how long until it shows its results.
    const tabOpen = {};
    for (const tab of tabs.slice(1)) {
      const panel = document.getElementById(tab.getAttribute('aria-controls'));
      const t = performance.now();
      tab.click();
      await until(() => !panel.hidden && !panel.querySelector('[aria-busy=true]'), tabTimeout);
      await frame();
      tabOpen[tab.id.replace(/^tab-/, '')] = performance.now() - t;
    }
    const end = performance.now();
    first.click();
    await frame();
    readViews();
    const sumOpen = Object.values(tabOpen).reduce((a, b) => a + b, 0);
    const tasks = window.longTasks.filter((e) => e.start + e.ms >= t0 && e.start <= end);
    const tasksToChart = tasks.filter((e) => e.start <= t0 + painted);
    return {
      rendered, painted,
      allDrawn: allDrawn ?? painted + sumOpen, allDrawnIdle: allDrawn !== null,
      tabOpen, views, timing,
      workerMs: Number(body.dataset.workerMs),
      recycles: Number(body.dataset.recycles ?? 0), // workers replaced so far in this page (engine.js)
      longestTask: Math.max(0, ...tasks.map((e) => e.ms)),
      longestTaskToChart: Math.max(0, ...tasksToChart.map((e) => e.ms)),
      longTasks: tasks.map((e) => [Math.round(e.start - t0), Math.round(e.ms)]),
    };
  }, 60_000);
}

/**
 * The worker's own speed, with nothing else to do: `Document.load` + `analysis()` run in
 * the page's analysis worker `runs` times after one, timed there; the median ms. Beside
 * the worker's time in a paste, it shows what the page's own work at the same moment
 * (on this 2-core machine) costs the worker.
 */
async function workerAlone(page, text, runs) {
  const worker = page.workers().filter((w) => w.url().endsWith('/worker.js')).at(-1);
  if (!worker) return null;
  const times = await worker.evaluate(async ([t, n]) => {
    const m = await import(new URL('./pkg/colloquy.js', self.location.href).href);
    const out = [];
    for (let i = 0; i <= n; i++) {
      const t0 = performance.now();
      const doc = m.Document.load(t, {});
      doc.analysis();
      doc.free();
      if (i > 0) out.push(performance.now() - t0);
    }
    return out;
  }, [text, runs]);
  return median(times);
}

/**
 * `analyse` in Node, warm (after a second of runs, so V8 has optimised it), on `text`:
 * the median ms of `runs`. The worker's figure compares with it.
 */
async function nodeTime(text, runs) {
  const { analyse } = await import(join(ROOT, 'pkg', 'node.js'));
  const one = () => {
    const t = performance.now();
    analyse(text, {});
    return performance.now() - t;
  };
  const warmUntil = performance.now() + 1000;
  for (let i = 0; i < 3 || performance.now() < warmUntil; i++) one();
  return median(Array.from({ length: runs }, one));
}

async function main() {
  const { source, sizes } = inputs();
  const out = { started: new Date().toISOString(), source, readingMs: READING_MS, sites: sites.map((s) => s.name), sizes: {} };
  const envs = [];
  for (const s of sites) {
    const env = await start({ dir: s.dir });
    envs.push({ ...s, env });
  }
  out.browser = envs[0].env.browser.version();
  try {
    for (const size of sizes.filter((s) => !only || only.includes(s.name))) {
      const [pages, warm] = RUNS[size.name];
      const runs = Object.fromEntries(sites.map((s) => [s.name, { cold: [], warm: [] }]));
      for (let p = 0; p < pages; p++) {
        for (const { name, env } of p % 2 ? [...envs].reverse() : envs) {
          if (Date.now() > deadline - 30_000) break;
          const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
          await context.addInitScript(LONG_TASKS);
          const page = await open(env, { context });
          try {
            await page.waitForTimeout(READING_MS);
            runs[name].cold.push(await runInPage(page, size.text));
            for (let w = 0; w < warm; w++) runs[name].warm.push(await runInPage(page, size.text));
            if (p === 0) runs[name].alone = await workerAlone(page, size.text, size.name === '10mb' ? 3 : 8);
            if (page.problems.length) throw new Error(page.problems.join('; '));
          } finally {
            await context.close();
          }
        }
      }
      const node = await nodeTime(size.text, size.name === '10mb' ? 5 : 15);
      out.sizes[size.name] = { label: size.label, bytes: Buffer.byteLength(size.text), units: size.text.length, node, runs };
      for (const s of sites) {
        const r = runs[s.name];
        const m = (k, list) => median(list.map((x) => x[k])).toFixed(0);
        console.log(`page-speed ${size.name} ${s.name}: chart cold ${m('painted', r.cold)} warm ${m('painted', r.warm)} ms; every tab cold ${m('allDrawn', r.cold)} warm ${m('allDrawn', r.warm)} ms; worker warm ${m('workerMs', r.warm)} ms (Node ${node.toFixed(0)}); longest task ${Math.max(...[...r.cold, ...r.warm].map((x) => x.longestTask)).toFixed(0)} ms`);
      }
    }
  } finally {
    for (const { env } of envs) await env.close();
  }
  out.finished = new Date().toISOString();
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${relative(ROOT, outFile)}`);
}

await main();
