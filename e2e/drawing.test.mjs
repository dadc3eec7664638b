// When the views are drawn (tabs.js, issue 26): the view shown first, the others in idle
// time after it, or at once when their tab is opened before the idle drawing reaches
// them; a new analysis stops the idle drawing of the last; and the rehearsal on the
// bundled example (worker.js, tabs.js: rehearse) leaves nothing of it on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, paste, pasteAndWait, tab, SEED } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The text of each view's panel, once every view is drawn. */
async function panels(page) {
  await page.waitForSelector('body[data-all-drawn="true"]');
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[role=tabpanel]')]
    .map((p) => [p.id, p.textContent.replace(/\d+(\.\d+)? ?ms\b/g, '')])));
}

test('a tab opened before the idle drawing reaches it shows its results at once', async () => {
  const page = await open(env);
  await page.waitForSelector('body[data-rehearsed="3"]');
  // Opened in the same task as the result arrives: nothing but the first view is drawn yet.
  const opened = page.evaluate(() => new Promise((resolve) => {
    new MutationObserver((_, observer) => {
      if (document.body.dataset.state !== 'done') return;
      observer.disconnect();
      const drawnBefore = document.body.dataset.drawn;
      document.getElementById('tab-summary').click();
      document.getElementById('tab-dispersion').click();
      resolve({ drawnBefore, drawnAfter: document.body.dataset.drawn });
    }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  }));
  await paste(page, SEED);
  const { drawnBefore, drawnAfter } = await opened;
  assert.equal(drawnBefore, 'speakers', 'only the view shown was drawn with the result');
  assert.deepEqual(drawnAfter.split(' '), ['speakers', 'summary', 'dispersion'], 'a tab opened is drawn when it is opened');
  const dispersion = page.locator('#dispersion-chart');
  await page.waitForFunction(() => !document.querySelector('#dispersion-chart[aria-busy="true"]') && document.querySelector('#dispersion-chart svg'));
  assert.match(await dispersion.getAttribute('aria-label'), /cis/, 'the dispersion view shows the text\'s terms');
  await tab(page, 'Summary');
  assert.match(await page.locator('#panel-summary').textContent(), /Words/);
  // The idle drawing then draws the rest, each once.
  await page.waitForSelector('body[data-all-drawn="true"]');
  const drawn = (await page.evaluate(() => document.body.dataset.drawn)).split(' ');
  assert.deepEqual([...drawn].sort(), ['collocations', 'dispersion', 'distinctive', 'dynamics', 'phrases', 'speakers', 'summary', 'terms']);
  assert.deepEqual(page.problems, []);
});

test('views drawn in idle time are those drawn when their tab is shown', async () => {
  // One page draws every view when idle; another opens each tab as soon as the result is in.
  const idle = await open(env);
  await pasteAndWait(idle, SEED);
  const whenIdle = await panels(idle);
  const shown = await open(env);
  const clicked = shown.evaluate(() => new Promise((resolve) => {
    new MutationObserver((_, observer) => {
      if (document.body.dataset.state !== 'done') return;
      observer.disconnect();
      for (const t of document.querySelectorAll('[role=tab]')) /** @type {HTMLElement} */ (t).click();
      resolve(document.body.dataset.drawn);
    }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  }));
  await paste(shown, SEED);
  assert.equal((await clicked).split(' ').length, 8, 'every view drawn as its tab was opened');
  await tab(shown, 'Speakers');
  assert.deepEqual(await panels(shown), whenIdle);
  assert.deepEqual([...idle.problems, ...shown.problems], []);
});

test('a new analysis stops the idle drawing of the last: every view shows the new text', async () => {
  const page = await open(env);
  const other = 'Ada: The budget is late again.\nBen: The budget is fine, Ada.\nAda: Late, Ben.\n';
  await paste(page, SEED);
  await page.waitForSelector('body[data-state="done"]');
  await pasteAndWait(page, other);
  const texts = await panels(page);
  assert.doesNotMatch(texts['panel-speakers'], /Sergey Lavrov/);
  assert.doesNotMatch(texts['panel-terms'], /\bcis\b/);
  assert.doesNotMatch(texts['panel-dynamics'], /Sergey Lavrov/);
  await tab(page, 'Phrases');
  assert.doesNotMatch(await page.locator('#panel-phrases').textContent(), /Sergey Lavrov|\bcis\b/i);
  assert.deepEqual(page.problems, []);
});

test('the rehearsal leaves nothing on the page: no results, no speakers, no drawn views', async () => {
  const page = await open(env);
  await page.waitForSelector('body[data-rehearsed="3"]');
  const after = await page.evaluate(() => ({
    results: document.getElementById('results').hidden,
    empty: document.getElementById('empty').hidden,
    state: document.body.dataset.state ?? 'idle',
    analyses: document.body.dataset.analyses ?? '0',
  }));
  assert.deepEqual(after, { results: true, empty: false, state: 'idle', analyses: '0' });
  // The first real analysis shows only its own speakers.
  await pasteAndWait(page, 'Ada: The budget is late again.\nBen: The budget is fine, Ada.\n');
  const names = await page.locator('#speakers-table tbody tr > :nth-child(1)').allTextContents();
  assert.deepEqual(names.map((n) => n.trim()).sort(), ['Ada', 'Ben']);
  assert.deepEqual(page.problems, []);
});
