import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, open } from './harness.mjs';

const SEED = await readFile(new URL('../tests/fixtures/mfa-cis-press-conference-2024-04-12.txt', import.meta.url), 'utf8');
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('pasting the seed transcript draws a top-terms chart naming its terms', async () => {
  const page = await open(env);
  await page.getByLabel('Transcript').fill(SEED);
  const chart = page.locator('#terms-chart svg');
  await chart.waitFor();
  const labels = await chart.locator('[aria-label="y-axis tick label"] text').allTextContents();
  assert.ok(labels.includes('cis'), `expected "cis" among ${labels.join(', ')}`);
  assert.deepEqual(page.problems, []);
});

test('the Analyse button runs the analysis', async () => {
  const page = await open(env);
  await page.getByLabel('Transcript').evaluate((el, text) => { el.value = text; }, 'Alice: zebra zebra zebra okapi');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await page.locator('#terms-chart svg').waitFor();
  const labels = await page.locator('#terms-chart [aria-label="y-axis tick label"] text').allTextContents();
  assert.equal(labels[0], 'zebra');
  assert.deepEqual(page.problems, []);
});

test('the site is served from a sub-path and loads nothing from another origin', async () => {
  const page = await open(env);
  await page.getByLabel('Transcript').fill(SEED);
  await page.locator('#terms-chart svg').waitFor();
  assert.ok(page.requests.length > 0);
  for (const url of page.requests) assert.ok(url.startsWith(env.url), `unexpected request ${url}`);
  assert.deepEqual(page.problems, []);
});
