// Offline after the first visit (the service worker), and a worker that dies is restarted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, SEED } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('after the first visit the page works offline, from its sub-path', async () => {
  const page = await open(env);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const caches = await page.evaluate(() => window.caches.keys());
  assert.equal(caches.length, 1);
  assert.match(caches[0], /^colloquy-[0-9a-f]{16}$/);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, env.url);

  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  await pasteAndWait(page, SEED);
  assert.deepEqual(await page.locator('#speakers-table tbody th').allTextContents(), ['Sergey Lavrov', '(unattributed)', 'Question']);
  await page.getByRole('button', { name: 'Try an example', exact: true }).click();
  await page.waitForFunction(() => document.getElementById('transcript').value.startsWith('15:38'));
  await page.context().setOffline(false);
  assert.deepEqual(page.problems, []);
});

test('a worker that dies is restarted, the error is shown and the text stays', async () => {
  const page = await open(env);
  await pasteAndWait(page, 'Alice: hello there\nBob: hi Alice');
  const worker = page.workers().find((w) => w.url().endsWith('/worker.js'));
  assert.ok(worker, 'the analysis runs in a worker');
  await worker.evaluate(() => setTimeout(() => { throw new Error('simulated crash'); }));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The analysis engine stopped unexpectedly \(.*simulated crash\)\. It has been restarted and your text is still here/);
  assert.equal(await page.getByRole('textbox', { name: 'Transcript' }).inputValue(), 'Alice: hello there\nBob: hi Alice');
  await page.waitForSelector('body[data-engine="ready"]');
  const before = Number(await page.evaluate(() => document.body.dataset.analyses));
  await page.getByRole('button', { name: 'Analyse' }).click();
  await page.waitForFunction((n) => Number(document.body.dataset.analyses) > n, before);
  assert.deepEqual(await page.locator('#speakers-table tbody th').allTextContents(), ['Alice', 'Bob']);
  assert.deepEqual(page.problems, []);
});
