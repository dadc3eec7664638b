import { readFileSync } from 'node:fs';
import { open, start } from './harness.mjs';
const size = Number(process.argv[2] ?? 1024*1024);
const buf = readFileSync('bench/corpora/real-10mb.txt');
const text = buf.subarray(0, buf.lastIndexOf(0x0a, size)).toString();
const env = await start();
const page = await open(env);
await page.waitForTimeout(1500);
const run = async () => {
  await page.evaluate((t) => { document.getElementById('transcript').value = t; }, text);
  const n = await page.evaluate(() => Number(document.body.dataset.analyses ?? 0));
  await page.click('#analyse');
  await page.waitForFunction((n) => Number(document.body.dataset.analyses ?? 0) > n && document.body.dataset.allDrawn === 'true', n, { timeout: 60000 });
  await page.waitForTimeout(300);
};
await run();
await env.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing', 'v8'] });
await run();
const trace = JSON.parse((await env.browser.stopTracing()).toString());
const ev = trace.traceEvents;
const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ev.some(x => x.pid === e.pid && x.name === 'FunctionCall'));
const mine = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 40000).sort((a,b)=>a.ts-b.ts);
for (const t of tasks) {
  const kids = mine.filter((e) => e.ts >= t.ts && e.ts + (e.dur??0) <= t.ts + t.dur && e !== t);
  const by = new Map();
  for (const k of kids) { if (['RunTask','ThreadControllerImpl::RunTask'].includes(k.name)) continue; const key = k.name + (k.name==='FunctionCall' ? ' ' + (k.args?.data?.functionName||'') + ' ' + (k.args?.data?.url||'').split('/').pop()+':'+(k.args?.data?.lineNumber??'') : ''); by.set(key, (by.get(key)??0) + k.dur); }
  console.log(`task at ${((t.ts - tasks[0].ts)/1000).toFixed(0)} ms: ${(t.dur/1000).toFixed(0)} ms`);
  console.log([...by].sort((a,b)=>b[1]-a[1]).slice(0,12).map(([k,d]) => `   ${(d/1000).toFixed(1)} ${k}`).join('\n'));
}
await env.close();
