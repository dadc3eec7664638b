// Timeline of one warm analysis: every main-thread task > 2 ms from the click, and the worker's.
import { readFileSync } from 'node:fs';
import { open, start, SEED } from './harness.mjs';
const size = Number(process.argv[2] ?? 0);
const buf = readFileSync('bench/corpora/real-10mb.txt');
const text = size ? buf.subarray(0, buf.lastIndexOf(0x0a, size)).toString() : SEED;
const env = await start();
const page = await open(env);
await page.waitForTimeout(1500);
const run = async () => {
  await page.evaluate((t) => { document.getElementById('transcript').value = t; }, text);
  const n = await page.evaluate(() => Number(document.body.dataset.analyses ?? 0));
  await page.click('#analyse');
  await page.waitForFunction((n) => Number(document.body.dataset.analyses ?? 0) > n && document.body.dataset.allDrawn === 'true', n, { timeout: 60000 });
  await page.waitForTimeout(300);
  return page.evaluate(() => [document.body.dataset.paintedMs, document.body.dataset.timing]);
};
await run(); await run();
await env.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing'] });
console.log(await run());
const trace = JSON.parse((await env.browser.stopTracing()).toString());
const ev = trace.traceEvents;
const threads = new Map(ev.filter(e => e.name === 'thread_name').map(e => [`${e.pid}:${e.tid}`, e.args.name]));
const click = ev.find(e => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
const t0 = click.ts;
const tasks = ev.filter(e => e.ph === 'X' && e.name === 'RunTask' && e.ts >= t0 - 1000 && e.dur > 2000 && /CrRendererMain|DedicatedWorker/.test(threads.get(`${e.pid}:${e.tid}`) ?? ''));
for (const t of tasks.sort((a,b)=>a.ts-b.ts).slice(0, 40)) {
  const kids = ev.filter(e => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && e.dur > 500 && !/RunTask|ThreadController|v8.callFunction|RunMicrotasks/.test(e.name));
  console.log(`${((t.ts - t0)/1000).toFixed(1).padStart(7)} ${threads.get(`${t.pid}:${t.tid}`).padEnd(18)} ${(t.dur/1000).toFixed(1).padStart(6)} ms: ${kids.slice(0,6).map(k => `${k.name}${k.args?.data?.functionName ? ' ' + k.args.data.functionName : ''}${k.args?.data?.url ? ' ' + k.args.data.url.split('/').pop() + ':' + k.args.data.lineNumber : ''} ${(k.dur/1000).toFixed(1)}`).join(', ')}`);
}
for (const e of ev.filter(e => e.name === 'Layout' && e.ph === 'X' && e.ts >= t0 && e.dur > 3000)) console.log('Layout', ((e.ts - t0)/1000).toFixed(1), (e.dur/1000).toFixed(1), JSON.stringify(e.args?.beginData ?? {}).slice(0, 200), JSON.stringify(e.args?.endData ?? {}).slice(0, 200));
for (const e of ev.filter(e => e.name === 'UpdateLayoutTree' && e.ph === 'X' && e.ts >= t0 && e.dur > 3000)) console.log('Style', ((e.ts - t0)/1000).toFixed(1), (e.dur/1000).toFixed(1), JSON.stringify(e.args ?? {}).slice(0, 300));
await env.close();
