// The views: speakers, terms, phrases, dispersion, summary, the concordance, settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, nextAnalysis, analyses, tab, SEED } from './harness.mjs';
import { colourMap } from '../www/colours.js';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const column = (page, table, i) => page.locator(`${table} tbody tr > :nth-child(${i})`).allTextContents();
/** The seed's speakers' colours, by the rule of colours.js (each name's own colour). */
const SEED_COLOURS = colourMap(['Sergey Lavrov', '(unattributed)', 'Question'], '(unattributed)');
const termLabels = (page) => page.locator('#terms-chart [aria-label="y-axis tick label"] text').allTextContents();

test('the speakers table sorts by any column, both ways', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  assert.deepEqual(await column(page, '#speakers-table', 1), ['Sergey Lavrov', '(unattributed)', 'Question']);
  assert.deepEqual(await column(page, '#speakers-table', 2), ['1,026', '611', '193']);
  const questions = page.getByRole('button', { name: 'Questions', exact: true });
  await questions.click();
  assert.deepEqual(await column(page, '#speakers-table', 7), ['7', '0', '0']);
  assert.equal(await page.locator('#speakers-table th[aria-sort="descending"]').textContent(), 'Questions ▼');
  await page.getByRole('button', { name: 'Questions', exact: true }).click();
  assert.equal(await page.locator('#speakers-table th[aria-sort="ascending"]').count(), 1);
  assert.equal((await column(page, '#speakers-table', 1)).at(-1), 'Question');
  await page.getByRole('button', { name: 'Speaker', exact: true }).click();
  assert.deepEqual(await column(page, '#speakers-table', 1), ['(unattributed)', 'Question', 'Sergey Lavrov']);
  assert.deepEqual(page.problems, []);
});

test('top terms: all speakers, split by speaker, one speaker', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await tab(page, 'Terms');
  const chart = page.locator('#terms-chart');
  assert.match(await chart.getAttribute('aria-label'), /^Bar chart of the 30 most frequent terms: cis 21, russia 10/);
  assert.equal(await chart.locator('g[aria-label="bar"] rect').count(), 30);

  await page.getByLabel('Split by speaker').check();
  const fills = await chart.locator('g[aria-label="bar"] rect').evaluateAll((rects) => [...new Set(rects.map((r) => r.getAttribute('fill')))].sort());
  const legend = await page.locator('#terms-legend li').allTextContents();
  assert.deepEqual(legend, ['Sergey Lavrov', '(unattributed)', 'Question']);
  assert.deepEqual(fills, [...SEED_COLOURS.values()].sort(), "one colour per speaker, each its name's");
  assert.equal(new Set(fills).size, 3);

  await page.getByLabel('Speaker', { exact: true }).selectOption('Question');
  assert.equal(await page.getByLabel('Split by speaker').isDisabled(), true);
  const fill = await chart.locator('g[aria-label="bar"]').getAttribute('fill');
  assert.equal(fill, SEED_COLOURS.get('Question'), "one speaker's bars in that speaker's colour");
  assert.match(await chart.getAttribute('aria-label'), /^Bar chart of Question's \d+ most frequent terms/);

  await page.getByLabel('Speaker', { exact: true }).selectOption('');
  await page.getByLabel('Terms shown').selectOption('10');
  assert.equal((await termLabels(page)).length, 10);
  await page.getByText('Table of terms').click();
  assert.deepEqual(await page.locator('#terms-table thead th').allTextContents(),
    ['Term', 'Count', 'Per 10,000 words', 'Sergey Lavrov', '(unattributed)', 'Question']);
  assert.deepEqual(page.problems, []);
});

test('clicking a term lists every occurrence in context, and "Show" finds it in the transcript', async () => {
  const page = await open(env, { height: 700 });
  await pasteAndWait(page, SEED);
  await tab(page, 'Terms');
  await page.locator('#terms-chart g[aria-label="bar"] rect').first().click();
  const list = page.locator('#kwic-list li');
  await list.first().waitFor();
  assert.equal(await page.locator('#kwic-heading').textContent(), 'Occurrences of “cis”');
  assert.equal(await list.count(), 22);
  assert.equal(await page.locator('#kwic-note').textContent(), '22 occurrences. 1 is inside a hyphenated compound, marked with a dotted outline.');
  assert.deepEqual(await list.locator('mark.in-compound').allTextContents(), ['CIS'], 'the CIS of CIS-UN');
  assert.match(await list.filter({ has: page.locator('mark.in-compound') }).locator('.kw-right').textContent(), /^-UN/);
  assert.deepEqual([...new Set(await list.locator('mark').allTextContents())], ['CIS']);
  const speakers = await list.locator('.kw-speaker').allTextContents();
  assert.deepEqual([...new Set(speakers)].sort(), ['(unattributed)', 'Question', 'Sergey Lavrov']);

  const last = list.last();
  await last.getByRole('button').click();
  const sel = await page.evaluate(() => {
    const t = document.getElementById('transcript');
    return { text: t.value.slice(t.selectionStart, t.selectionEnd), start: t.selectionStart, scrollTop: t.scrollTop, focused: document.activeElement === t };
  });
  assert.equal(sel.text, 'CIS');
  assert.equal(sel.focused, true);
  assert.ok(sel.start > 10_000, `the last occurrence is near the end (${sel.start})`);
  assert.ok(sel.scrollTop > 1000, `the transcript scrolled to it (${sel.scrollTop})`);

  // Sorting, and phrases from the phrases table.
  const firstRight = await list.first().locator('.kw-right').textContent();
  await page.getByLabel('Sort').selectOption('right');
  await page.waitForFunction((r) => document.querySelector('#kwic-list li .kw-right')?.textContent !== r, firstRight);
  assert.equal(await list.count(), 22);
  await tab(page, 'Phrases');
  await page.getByRole('button', { name: 'foreign ministers', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent === 'Occurrences of “foreign ministers”');
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 3);
  assert.deepEqual(page.problems, []);
});

test('phrases: length filter, search, minimum count and in-cell bars', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await tab(page, 'Phrases');
  const rows = page.locator('#phrases-table tbody tr');
  const all = await rows.count();
  assert.equal(all, 28);
  assert.equal(await rows.first().locator('.bar').evaluate((b) => b.style.width), '100%');
  assert.equal(await rows.last().locator('.bar').evaluate((b) => b.style.width), '66.7%');

  await page.getByLabel('Words', { exact: true }).selectOption('4');
  const lengths = await column(page, '#phrases-table', 2);
  assert.ok(lengths.length > 0 && lengths.every((n) => n === '4'), lengths.join());

  await page.getByLabel('Words', { exact: true }).selectOption('0');
  await page.getByLabel('Search').fill('cis');
  await page.waitForFunction(() => [...document.querySelectorAll('#phrases-table tbody tr')].every((r) => r.cells[0].textContent.includes('cis')));
  const found = await column(page, '#phrases-table', 1);
  assert.ok(found.length > 0 && found.every((p) => p.includes('cis')), found.join());
  await page.getByLabel('Search').fill('');
  await page.waitForFunction((n) => document.querySelectorAll('#phrases-table tbody tr').length === n, all);

  const before = await analyses(page);
  await page.getByLabel('Min count').fill('3');
  await page.getByLabel('Min count').press('Enter');
  await nextAnalysis(page, before);
  const counts = (await column(page, '#phrases-table', 3)).map(Number);
  assert.ok(counts.length > 0 && counts.length < all && counts.every((c) => c >= 3), counts.join());
  assert.match(await page.evaluate(() => location.hash), /min=3/);
  assert.deepEqual(page.problems, []);
});

test('dispersion: ticks along the transcript coloured by speaker, for chosen terms', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await tab(page, 'Dispersion');
  const chart = page.locator('#dispersion-chart');
  await chart.locator('svg').waitFor();
  assert.equal(await page.getByLabel('Terms to plot').inputValue(), 'cis, russia, security, agreements, would');
  assert.deepEqual(await chart.locator('[aria-label="y-axis tick label"] text').allTextContents(), ['cis', 'russia', 'security', 'agreements', 'would']);
  await page.getByText('Table of dispersion').click();
  assert.deepEqual(await column(page, '#dispersion-table', 2), ['22', '11', '9', '8', '8']);
  // One path per term and speaker; `data-ticks` ticks in each, one `M…v…` apiece.
  const paths = chart.locator('g[aria-label="tick"] path');
  const drawn = await paths.evaluateAll((ps) => ps.map((p) => [Number(/** @type {SVGElement} */ (p).dataset.ticks), (p.getAttribute('d') ?? '').split('M').length - 1]));
  assert.ok(drawn.every(([said, moves]) => said === moves), JSON.stringify(drawn));
  const ticks = drawn.reduce((n, [said]) => n + said, 0);
  assert.ok(ticks > 50 && ticks <= 58, `one tick per occurrence (${ticks}; ticks on one pixel draw once)`);
  const strokes = await paths.evaluateAll((ps) => [...new Set(ps.map((p) => p.getAttribute('stroke')))].sort());
  assert.deepEqual(strokes, [...SEED_COLOURS.values()].sort());

  await page.getByLabel('Terms to plot').fill('west, belarus');
  await page.getByRole('button', { name: 'Plot', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#dispersion-chart')?.getAttribute('aria-label')?.includes('west'));
  assert.deepEqual(await chart.locator('[aria-label="y-axis tick label"] text').allTextContents(), ['west', 'belarus']);
  assert.deepEqual(await column(page, '#dispersion-table', 1), ['west', 'belarus']);

  // A tick is 1.5 px wide: click where the first one is drawn (its path's first `M x,y`).
  const at = await chart.locator('svg').evaluate((svg) => {
    const [x, y] = (svg.querySelector('g[aria-label="tick"] path')?.getAttribute('d') ?? '').slice(1).split(/[,v]/).map(Number);
    const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
    return { x: x * scale, y: (y + 4) * scale };
  });
  await chart.locator('svg').click({ position: at });
  const selected = await page.evaluate(() => { const t = document.getElementById('transcript'); return t.value.slice(t.selectionStart, t.selectionEnd).toLowerCase(); });
  assert.equal(selected, 'west');
  assert.deepEqual(page.problems, []);
});

test('summary: counts, removed stage directions, excluded furniture and diagnostics', async () => {
  const page = await open(env);
  await pasteAndWait(page, `${SEED}\nQuestion: Thank you (APPLAUSE) and [laughter] goodbye?`);
  await tab(page, 'Summary');
  const summary = Object.fromEntries(await page.locator('#summary-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent])));
  assert.equal(summary['Speakers'], '3');
  assert.equal(summary['Stage directions removed'], '2');
  assert.equal(summary['Language'], 'English (en)');
  assert.equal(await page.locator('#directions-table tbody tr').count(), 2);
  const diagnostics = await page.locator('#diagnostics li').allTextContents();
  assert.ok(diagnostics.some((d) => d.startsWith('unattributed-text')), diagnostics.join('\n'));
  assert.equal(await page.locator('#diag-count').textContent(), String(diagnostics.length));
  await page.locator('#diagnostics li').filter({ hasText: /^unattributed-text/ }).getByRole('button', { name: 'Show in transcript' }).click();
  assert.ok(await page.evaluate(() => document.getElementById('transcript').selectionEnd > 3000));
  assert.deepEqual(page.problems, []);
});

test('settings change the analysis and live in the URL hash, never the text', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await page.getByText('Settings', { exact: true }).click();

  let before = await analyses(page);
  await page.getByLabel('Stopwords', { exact: true }).selectOption('none');
  await nextAnalysis(page, before);
  await tab(page, 'Terms');
  assert.equal((await termLabels(page))[0], 'the');

  before = await analyses(page);
  await page.getByLabel('Custom stopwords').fill('the, of and');
  await page.getByLabel('Custom stopwords').press('Enter');
  await nextAnalysis(page, before);
  assert.ok(!(await termLabels(page)).slice(0, 30).some((t) => ['the', 'of', 'and'].includes(t)));

  before = await analyses(page);
  await page.getByLabel('Keep page furniture').check();
  await nextAnalysis(page, before);
  await tab(page, 'Summary');
  assert.match(await page.locator('#summary-table').textContent(), /Page furniture lines excluded0/);

  before = await analyses(page);
  await page.getByLabel('to', { exact: true }).selectOption('3');
  await nextAnalysis(page, before);
  const hash = await page.evaluate(() => decodeURIComponent(location.hash));
  assert.equal(hash, '#view=summary&stopwords=none&extra=the,of,and&ngram=2-3&furniture=1');
  assert.ok(!hash.includes('Lavrov') && !hash.includes('CIS'), 'the hash holds settings only');
  assert.deepEqual(page.problems, []);
});

test('a bookmarked hash restores the settings; malformed values are ignored; hashchange applies', async () => {
  const page = await open(env, { hash: '#view=terms&stopwords=none&ngram=3-4&min=3&hyphens=1&label=%5E(%3F%3Cspeaker%3E%5BA-Z%5D%5Ba-z%5D%2B)%3E' });
  assert.equal(await page.getByLabel('Stopwords', { exact: true }).inputValue(), 'none');
  assert.equal(await page.getByLabel('from', { exact: true }).inputValue(), '3');
  assert.equal(await page.getByLabel('to', { exact: true }).inputValue(), '4');
  assert.equal(await page.getByLabel('Minimum phrase count').inputValue(), '3');
  assert.equal(await page.getByLabel('Split hyphenated words').isChecked(), true);
  assert.equal(await page.getByLabel('Speaker label pattern (regular expression)').inputValue(), '^(?<speaker>[A-Z][a-z]+)>');
  assert.equal(await page.locator('#tab-terms').getAttribute('aria-selected'), 'true');
  await pasteAndWait(page, 'Alice> the the the cat\nBob> the dog\nCarol: not a label here');
  assert.equal((await termLabels(page))[0], 'the');
  await tab(page, 'Speakers');
  assert.deepEqual((await column(page, '#speakers-table', 1)).sort(), ['Alice', 'Bob'], 'only the pattern makes labels');

  const bad = await open(env, { hash: '#view=nope&stopwords=%3Cscript%3E&ngram=9-1&min=-4&hyphens=yes&furniture=2&format=pdf' });
  assert.equal(await bad.getByLabel('Stopwords', { exact: true }).inputValue(), 'auto');
  assert.equal(await bad.getByLabel('from', { exact: true }).inputValue(), '2');
  assert.equal(await bad.getByLabel('to', { exact: true }).inputValue(), '5');
  assert.equal(await bad.getByLabel('Minimum phrase count').inputValue(), '2');
  assert.equal(await bad.getByLabel('Format').inputValue(), 'auto');
  assert.equal(await bad.locator('#tab-speakers').getAttribute('aria-selected'), 'true');

  await pasteAndWait(bad, SEED);
  const before = await analyses(bad);
  await bad.evaluate(() => { location.hash = '#view=phrases&min=4'; });
  await nextAnalysis(bad, before);
  assert.equal(await bad.getByRole('tab', { name: 'Phrases' }).getAttribute('aria-selected'), 'true');
  assert.equal(await bad.getByLabel('Min count').inputValue(), '4');
  const counts = (await column(bad, '#phrases-table', 3)).map(Number);
  assert.ok(counts.every((c) => c >= 4), counts.join());
  assert.deepEqual(page.problems, []);
  assert.deepEqual(bad.problems, []);
});

test('an invalid label pattern is reported next to the setting, and the results stay', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await page.getByText('Settings', { exact: true }).click();
  const field = page.getByLabel('Speaker label pattern (regular expression)');
  await field.fill('([');
  await field.press('Enter');
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /labelPattern: not a valid regular expression/);
  assert.match(await page.locator('#set-label-error').textContent(), /not a valid regular expression/);
  assert.equal(await page.locator('#speakers-table tbody tr').count(), 3, 'the last results stay');
  assert.deepEqual(page.problems, []);
});
