// Offline after the first visit (the service worker), and a worker that dies is restarted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, open, pasteAndWait, analyses, nextAnalysis, SEED } from './harness.mjs';

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

test('offline, documents open; a PDF opens once the PDF reader has been fetched online', async () => {
  const fixture = (name) => readFile(new URL(`../tests/fixtures/read/${name}`, import.meta.url));
  const names = () => page.locator('#speakers-table tbody th').allTextContents();
  const openFile = async (name) => {
    const count = await analyses(page);
    await page.locator('#file-input').setInputFiles({ name, mimeType: '', buffer: await fixture(name) });
    return count;
  };
  const page = await open(env);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  // The readers' module is precached: a .docx opens offline.
  await nextAnalysis(page, await openFile('talk.docx'));
  assert.deepEqual((await names()).sort(), ['Alice', 'Bob', 'Carol']);
  // The PDF module is not: offline, before any PDF was opened, it cannot be fetched.
  await openFile('talk.pdf');
  await page.getByRole('alert').waitFor();
  assert.match(await page.locator('#error-text').textContent(), /^“talk\.pdf” could not be read: the PDF reader could not be loaded/);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  // Online, the first PDF fetches it and the service worker keeps it: then offline it opens.
  await page.context().setOffline(false);
  await nextAnalysis(page, await openFile('talk.pdf'));
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  await nextAnalysis(page, await openFile('talk.pdf'));
  assert.deepEqual((await names()).sort(), ['Alice', 'Bob', 'Carol']);
  await page.context().setOffline(false);
  assert.deepEqual(page.problems.filter((p) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|net::ERR/.test(p)), []);
});
