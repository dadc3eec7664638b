// The page as a whole: served from a sub-path, its policy, its privacy line, the Analyse button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, nextAnalysis, tab, SEED, pasteAndWait } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('the page loads from a sub-path with its policy, its privacy line and the engine', async () => {
  const page = await open(env);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'none'", "worker-src 'self'", "object-src 'none'"]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
  }
  assert.ok(!csp.includes("'unsafe-eval'"), 'no unsafe-eval');
  const privacy = page.getByText('Your text never leaves this browser');
  assert.equal(await privacy.isVisible(), true);
  assert.match(await page.locator('#version').textContent(), /^v\d+\.\d+\.\d+/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline scripts');
  assert.equal(await page.locator('[onclick], [onload], [onerror], [oninput], [onchange]').count(), 0, 'no inline handlers');
  for (const url of page.requests) assert.ok(url.startsWith(env.url), `${url} is under ${env.url}`);
  assert.deepEqual(page.problems, []);
});

test('the Analyse button runs the analysis', async () => {
  const page = await open(env);
  await page.getByRole('textbox', { name: 'Transcript' }).evaluate((el, text) => { el.value = text; }, 'Alice: zebra zebra zebra okapi');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await nextAnalysis(page, 0);
  await tab(page, 'Terms');
  const labels = await page.locator('#terms-chart [aria-label="y-axis tick label"] text').allTextContents();
  assert.equal(labels[0], 'zebra');
  assert.deepEqual(page.problems, []);
});

test('Export JSON is off until there is an analysis', async () => {
  const page = await open(env);
  const button = page.getByRole('button', { name: 'Export JSON' });
  assert.equal(await button.isDisabled(), true);
  await pasteAndWait(page, SEED);
  assert.equal(await button.isDisabled(), false);
  assert.deepEqual(page.problems, []);
});
