// Big inputs: a 10 MB transcript is read in the worker with a progress bar and
// Cancel, the page stays responsive, and a new input cancels a running analysis.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, makeBigText, pasteEvent, pasteAndWait, tab, screenshot, slowReads, SEED } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const TEN_MB = 10 * 1024 * 1024;

/** Starts counting the longest gap between 20 ms timer ticks on the page's main thread. */
const watchMainThread = (page) => page.evaluate(() => {
  window.gap = { max: 0, last: performance.now() };
  window.gapTimer = setInterval(() => {
    const now = performance.now();
    window.gap.max = Math.max(window.gap.max, now - window.gap.last);
    window.gap.last = now;
  }, 20);
});

test('a 10 MB transcript: progress, a responsive page, then every view', async () => {
  const page = await open(env);
  const length = await makeBigText(page, TEN_MB);
  assert.ok(length >= TEN_MB);
  await watchMainThread(page);
  // The bar's values, sampled in the page every 10 ms from the paste on: sampled from
  // here, a fast browser could finish between two looks and the bar seem not to move.
  await page.evaluate(() => {
    window.progressSeen = [];
    window.progressTimer = setInterval(() => {
      const bar = document.getElementById('progress');
      if (document.body.dataset.state === 'analysing' && bar) window.progressSeen.push(bar.value);
    }, 10);
  });
  const t0 = Date.now();
  await pasteEvent(page);

  // The progress bar shows, and a click is handled while the analysis runs.
  await page.locator('#progress').waitFor();
  const settings = page.locator('#settings-panel');
  assert.equal(await settings.evaluate((d) => d.open), false);
  await page.getByText('Settings', { exact: true }).click();
  const during = await page.evaluate(() => ({
    open: document.getElementById('settings-panel').open,
    state: document.body.dataset.state,
    progress: document.getElementById('progress').value,
    visible: !document.getElementById('progress-row').hidden,
  }));
  assert.equal(during.open, true, 'the click opened the settings…');
  assert.equal(during.state, 'analysing', '…while the analysis was running');
  assert.equal(during.visible, true, 'with the progress bar showing');
  assert.ok(during.progress < 1);
  await screenshot(page, 'large-progress');
  await page.waitForFunction(() => document.body.dataset.state !== 'analysing', null, { timeout: 120_000 });
  const progressSeen = await page.evaluate(() => {
    clearInterval(window.progressTimer);
    return window.progressSeen.filter((v, i, all) => i === 0 || v !== all[i - 1]);
  });
  const gapDuring = await page.evaluate(() => window.gap.max);
  const analysedMs = Date.now() - t0;
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'done');
  assert.ok(progressSeen.length >= 2 && progressSeen.some((v) => v > 0 && v < 1), `the bar moved: ${progressSeen.join(', ')}`);
  assert.ok(progressSeen.every((v, i) => i === 0 || v >= progressSeen[i - 1]), 'and only forwards');
  // A page that analyses on its main thread, or puts 10 MB in a textarea, stalls for
  // seconds; the bound leaves room for a busy test machine (typically ~110 ms here, at the paste).
  assert.ok(gapDuring < 500, `the main thread never stalled 500 ms during the analysis (longest gap ${gapDuring.toFixed(0)} ms)`);
  assert.equal(await page.locator('#progress-row').isVisible(), false);

  // The results: the six speakers, and the large-text window in the textarea.
  const names = await page.locator('#speakers-table tbody th').allTextContents();
  assert.deepEqual([...names].sort(), ['Anna Petrova', 'John Smith', 'Maria Zakharova', 'Moderator', 'Question', 'Sergey Lavrov']);
  const words = Number((await page.locator('#stats dd').first().textContent()).replace(/,/g, ''));
  assert.ok(words > 1_400_000, `${words} words`);
  assert.match(await page.locator('#large-text').textContent(), /^Large transcript \(10 MB\): showing characters 1–/);
  assert.ok((await page.getByRole('textbox', { name: 'Transcript' }).inputValue()).length <= 60_000, 'the textarea holds a window, not 10 MB');

  // Concordance once indexed, and "Show" moves the window to the hit.
  await page.waitForSelector('body[data-indexed="true"]', { timeout: 60_000 });
  const indexedMs = Date.now() - t0;
  await tab(page, 'Terms');
  await page.locator('#terms-chart [aria-label="y-axis tick label"] text').filter({ hasText: /^cis$/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 1000);
  await page.locator('#kwic-list li .goto').nth(999).click();
  const shown = await page.evaluate(() => {
    const t = document.getElementById('transcript');
    return { match: t.value.slice(t.selectionStart, t.selectionEnd), note: document.getElementById('large-text').textContent };
  });
  assert.equal(shown.match.toLowerCase(), 'cis');
  assert.doesNotMatch(shown.note, /showing characters 1–/, 'the window moved');
  await tab(page, 'Dispersion');
  await page.locator('#dispersion-chart svg').waitFor();
  const ticks = await page.locator('#dispersion-chart g[aria-label="tick"] path')
    .evaluateAll((paths) => paths.reduce((n, p) => n + Number(/** @type {SVGElement} */ (p).dataset.ticks), 0));
  assert.ok(ticks > 100 && ticks < 10_000, `thousands of hits drawn as at most one tick per pixel (${ticks})`);
  await page.locator('#spread-even tbody tr').first().waitFor();
  // The document queries of the other views answer on 10 MB too.
  await tab(page, 'Distinctive words');
  await page.locator('#distinctive-chart svg').waitFor();
  await tab(page, 'Collocations');
  await page.locator('#colloc-table tbody tr').first().waitFor();
  await page.getByLabel('All bigrams').check();
  await page.waitForFunction(() => document.querySelector('#colloc-table caption')?.textContent.startsWith('Word pairs'));
  console.log(`# 10 MB: analysed in ${analysedMs} ms (worker ${await page.evaluate(() => document.body.dataset.workerMs)} ms), indexed for search at ${indexedMs} ms, longest main-thread gap during analysis ${gapDuring.toFixed(0)} ms`);
  await screenshot(page, 'large-done');
  assert.deepEqual(page.problems, []);
});

test('Cancel stops a running analysis and keeps the text', async () => {
  const page = await open(env);
  await makeBigText(page, 6 * 1024 * 1024);
  await slowReads(page); // still running when Cancel is pressed, on any machine
  await pasteEvent(page);
  await page.locator('#progress').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('#progress-row').isVisible(), false);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'cancelled');
  assert.match(await page.locator('#status').textContent(), /^Cancelled/);
  assert.match(await page.locator('#large-text').textContent(), /Large transcript \(6 MB\)/, 'the text is still there');
  await page.waitForTimeout(2500);
  assert.equal(await page.evaluate(() => document.body.dataset.analyses ?? '0'), '0', 'no result arrives after Cancel');
  // The fresh worker analyses the same text on request.
  await page.getByRole('button', { name: 'Analyse' }).click();
  await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
  assert.equal(await page.locator('#speakers-table tbody tr').count(), 6);
  assert.deepEqual(page.problems, []);
});

test('a new input cancels a running analysis', async () => {
  const page = await open(env);
  await makeBigText(page, 8 * 1024 * 1024);
  await slowReads(page);
  await pasteEvent(page);
  await page.locator('#progress').waitFor();
  await pasteAndWait(page, SEED);
  assert.equal(await page.locator('#progress-row').isVisible(), false);
  assert.equal(await page.locator('#large-note').isVisible(), false, 'the small text replaced the large one');
  await page.waitForTimeout(3000);
  assert.equal(await page.evaluate(() => document.body.dataset.analyses), '1', 'only the new input was analysed');
  assert.equal(await page.locator('#stats dd').first().textContent(), '1,830');
  assert.deepEqual(page.problems, []);
});
