// Privacy and safety: user text is never HTML, the policy blocks what it must, and the
// page makes no request beyond its own files — none at all during and after analysis.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { start, open, pasteAndWait, nextAnalysis, analyses, tab, downloaded, SEED } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const XSS = '<img src=x onerror=alert(1)>';

test('speakers called constructor, __proto__ or toString keep their own counts', async () => {
  // bySpeaker objects are keyed by speaker name: a name that is also a property of every
  // object must read as that speaker's count (0 if none), never as the inherited property.
  const page = await open(env, { hash: `#label=${encodeURIComponent('^([^:\\n]+): ')}` });
  await pasteAndWait(page, 'constructor: budget budget budget now\n__proto__: budget again\ntoString: nothing here at all\n');
  await tab(page, 'Terms');
  const headers = (await page.locator('#terms-table thead th').allTextContents()).map((t) => t.replace(/[▲▼]/g, '').trim());
  const row = page.locator('#terms-table tbody tr').filter({ has: page.locator('th', { hasText: /^budget$/ }) });
  const cells = await row.locator('th, td').allTextContents();
  const at = (name) => cells[headers.indexOf(name)];
  assert.deepEqual([at('constructor'), at('__proto__'), at('toString')], ['3', '1', '0'], `${headers} / ${cells}`);
});

test(`a speaker labelled ${XSS} is shown as text, and nothing runs`, async () => {
  const page = await open(env, { hash: `#label=${encodeURIComponent('^([^:\\n]+): ')}` });
  await pasteAndWait(page, `${XSS}: hello there friends, hello <b>bold</b> hello\nBob: hello again <script>alert(3)</script>\n${XSS}: hello once more`);
  const names = await page.locator('#speakers-table tbody th').allTextContents();
  assert.deepEqual(names, [XSS, 'Bob']);
  assert.match(await page.locator('#speakers-chart').getAttribute('aria-label'), /<img src=x onerror=alert\(1\)> /);
  assert.equal(await page.locator('#speaker-edit strong').first().textContent(), XSS);

  // Every view, the concordance and a rename to another payload.
  await tab(page, 'Terms');
  await page.getByLabel('Split by speaker').check();
  await page.getByLabel('Speaker', { exact: true }).selectOption(XSS);
  await page.getByLabel('Speaker', { exact: true }).selectOption('');
  await page.locator('#terms-chart [aria-label="y-axis tick label"] text').filter({ hasText: /^hello$/ }).click();
  await page.locator('#kwic-list li').first().waitFor();
  assert.ok((await page.locator('#kwic-list .kw-speaker').allTextContents()).includes(XSS));
  await tab(page, 'Phrases');
  await tab(page, 'Distinctive words');
  await page.getByLabel('Distinctive words of').selectOption(XSS);
  await page.locator('#distinctive-chart svg').waitFor();
  assert.match(await page.locator('#distinctive-chart').getAttribute('aria-label'), /^Diverging bar chart of <img src=x onerror=alert\(1\)>'s distinctive words/);
  await tab(page, 'Collocations');
  await page.getByLabel('Find in context').fill('<b>x</b> *');
  await page.getByLabel('Find in context').press('Enter');
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent === 'Occurrences of “<b>x</b> *”');
  await tab(page, 'Summary');
  assert.ok((await page.locator('#speaker-stats-table tbody th').allTextContents()).includes(XSS));
  await tab(page, 'Dispersion');
  await page.locator('#dispersion-chart svg').waitFor();
  await tab(page, 'Summary');
  await tab(page, 'Speakers');
  const before = await analyses(page);
  await page.getByLabel(`New name for ${XSS}`).fill('<svg onload=alert(2)>');
  await page.getByLabel(`New name for ${XSS}`).press('Enter');
  await nextAnalysis(page, before);
  assert.ok((await page.locator('#speakers-table tbody th').allTextContents()).includes('<svg onload=alert(2)>'));
  const svg = (await downloaded(page, () => page.getByRole('group', { name: 'Export the speakers chart' }).getByRole('button', { name: 'SVG' }).click())).body.toString('utf8');
  assert.ok(svg.includes('&lt;svg onload=alert(2)&gt;') && !svg.includes('<svg onload'), 'escaped in the exported SVG');

  const injected = await page.evaluate(() => ({
    imgs: [...document.images].map((i) => i.getAttribute('src')),
    b: document.querySelectorAll('main b, main script').length,
    svgOnload: document.querySelectorAll('svg[onload]').length,
  }));
  assert.deepEqual(injected, { imgs: ['favicon.svg'], b: 0, svgOnload: 0 });
  assert.ok(!page.requests.some((u) => new URL(u).pathname.endsWith('/x')), 'no request for the injected image');
  assert.deepEqual(page.problems, [], 'no dialog, no error');
});

test('hash values are never markup: a hostile label pattern is only a form value', async () => {
  const page = await open(env, { hash: `#label=${encodeURIComponent(`${XSS}"><script>alert(1)</script>`)}&extra=${encodeURIComponent('<b>x</b>,y')}` });
  assert.equal(await page.getByLabel('Speaker label pattern (regular expression)').inputValue(), `${XSS}"><script>alert(1)</script>`);
  assert.equal(await page.getByLabel('Custom stopwords').inputValue(), '<b>x</b>, y');
  await pasteAndWait(page, 'Alice: hello\nBob: hi');
  assert.equal(await page.locator('main script, main b, main img').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('the policy blocks network access, eval and injected scripts', async () => {
  const page = await open(env);
  const outcome = await page.evaluate(async () => {
    const result = {};
    try { await fetch('./index.html'); result.fetch = 'allowed'; } catch (err) { result.fetch = err.name; }
    // Code run by the test harness itself is exempt from the policy; a string timer is compiled by the page.
    window.viaTimer = false;
    setTimeout('window.viaTimer = true', 0);
    window.injected = false;
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    result.inline = window.injected ? 'ran' : 'blocked';
    result.eval = window.viaTimer ? 'ran' : 'blocked';
    return result;
  });
  assert.deepEqual(outcome, { fetch: 'TypeError', eval: 'blocked', inline: 'blocked' });
  // Each refusal is reported by Chromium on the console: exactly these, nothing else.
  assert.ok(page.problems.length >= 3 && page.problems.every((p) => /Content Security Policy|Failed to fetch/.test(p)), page.problems.join('\n'));
});

test('the analysis worker has no network API', async () => {
  const page = await open(env);
  const worker = page.workers().find((w) => w.url().endsWith('/worker.js'));
  assert.ok(worker);
  const apis = await worker.evaluate(() => ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts'].map((n) => typeof self[n]));
  assert.deepEqual(apis, ['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  await pasteAndWait(page, SEED);
  assert.deepEqual(page.problems, []);
});

test('network: only the page\'s own files load, and nothing at all during and after analysis', async () => {
  const page = await open(env);
  const contextRequests = [];
  page.context().on('request', (req) => contextRequests.push(req.url()));
  // Let the service worker install and precache, then start counting.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
  const siteFiles = new Set();
  const root = new URL('../site/', import.meta.url).pathname;
  const walk = (dir) => { for (const n of readdirSync(dir)) { const p = join(dir, n); if (statSync(p).isDirectory()) walk(p); else siteFiles.add(relative(root, p)); } };
  walk(root);
  for (const url of [...page.requests, ...contextRequests]) {
    assert.ok(url.startsWith(env.url), `${url} is on the page's origin and path`);
    const path = decodeURIComponent(url.slice(env.url.length).split(/[?#]/)[0]);
    assert.ok(path === '' || siteFiles.has(path), `${path} is a file of the site`);
  }
  const loaded = page.requests.length + contextRequests.length;

  await pasteAndWait(page, SEED);
  for (const name of ['Terms', 'Phrases', 'Distinctive words', 'Collocations', 'Dispersion', 'Dynamics', 'Summary', 'Speakers']) await tab(page, name);
  await page.locator('#dispersion-chart svg').waitFor({ state: 'attached' });
  await page.locator('#colloc-chart svg').waitFor({ state: 'attached' });
  await page.locator('#spread-even table').waitFor({ state: 'attached' });
  await tab(page, 'Terms');
  await page.locator('#terms-chart g[aria-label="bar"] rect').first().click();
  await page.locator('#kwic-list li').first().waitFor();
  await page.locator('#kwic-list li .goto').first().click();
  const before = await analyses(page);
  await page.getByText('Settings', { exact: true }).click();
  await page.getByLabel('Stopwords', { exact: true }).selectOption('none');
  await nextAnalysis(page, before);
  await page.waitForTimeout(500);
  assert.equal(page.requests.length + contextRequests.length, loaded,
    `no request during or after analysis: ${[...page.requests, ...contextRequests].slice(loaded).join(', ')}`);
  assert.deepEqual(page.problems, []);
});
