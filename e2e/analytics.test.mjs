// The analyses beyond counting: distinctive words per speaker, collocations, the
// concordance search, dispersion (DP and the most/least evenly spread terms), the
// vocabulary and readability measures, and stemming. Each view shows its formulas
// beside its scores, and view changes are document queries in the worker (no re-parse).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, nextAnalysis, analyses, tab, downloaded, SEED } from './harness.mjs';
import { colourMap } from '../www/colours.js';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const column = (page, table, i) => page.locator(`${table} tbody tr > :nth-child(${i})`).allTextContents();
const values = (page, table, i) => page.locator(`${table} tbody tr > :nth-child(${i})`).evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
const csvRows = (file) => file.body.toString('utf8').trimEnd().split('\r\n').map((l) => l.split(','));
/** The analysis the page holds, as its JSON export gives it. */
async function exported(page) {
  const file = await downloaded(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  return JSON.parse(file.body.toString('utf8')).analysis;
}
/** Requests over the network (not blob: or data: URLs, which exports make). */
const fetched = (page) => page.requests.filter((u) => /^https?:/.test(u)).length;
/** Waits until nothing is loading and counts what the page has requested so far. */
async function settled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
  return fetched(page);
}

test("distinctive words: a diverging chart per speaker, z > 0 first, the formulas beside them, terms open the concordance", async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const analysis = await exported(page);
  const loaded = await settled(page);
  const count = await analyses(page);
  await tab(page, 'Distinctive words');
  assert.equal(await page.getByLabel('Distinctive words of').inputValue(), 'Sergey Lavrov');
  assert.equal(await page.getByLabel('Compared with').inputValue(), '', 'everyone else');
  const chart = page.getByRole('img', { name: /distinctive words against everyone else by Fightin' Words z/ });
  assert.equal(await chart.count(), 1);
  assert.match(await chart.getAttribute('aria-label'), /^Diverging bar chart of Sergey Lavrov's distinctive words against everyone else by Fightin' Words z: used more approach 1\.49, situation 1\.49/);
  const bars = page.locator('#distinctive-chart g[aria-label="bar"] rect');
  assert.equal(await bars.count(), 20, '10 words each side');
  const fills = await bars.evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
  assert.deepEqual([...new Set(fills.slice(0, 10))], [colourMap(['Sergey Lavrov']).get('Sergey Lavrov')], "used more: Lavrov's colour");
  assert.deepEqual([...new Set(fills.slice(10))], ['#6b7f99'], 'used less: neutral');
  // Bars to the right for z > 0, to the left for z < 0.
  const zeroX = await page.locator('#distinctive-chart g[aria-label="rule"] line').first().evaluate((l) => Number(l.getAttribute('x1')));
  const xs = await bars.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('x'))));
  assert.ok(xs.slice(0, 10).every((x) => Math.abs(x - zeroX) < 1.5) && xs.slice(10).every((x) => x < zeroX - 1), `${zeroX}: ${xs}`);

  // The table: z > 0 first (descending), then the avoided words; the core's numbers.
  assert.deepEqual(await page.locator('#distinctive-table thead th').allTextContents(), ['Term', 'Count', 'Reference', 'δ', 'z', 'G²', 'Log Ratio', 'p < 0.05 by']);
  const zs = await values(page, '#distinctive-table', 5);
  const firstNegative = zs.findIndex((z) => z < 0);
  assert.equal(firstNegative, 10);
  assert.ok(zs.slice(0, 10).every((z, i) => z > 0 && (i === 0 || z <= zs[i - 1])), `distinctive first, by z: ${zs}`);
  assert.ok(zs.slice(10).every((z, i, a) => z < 0 && (i === 0 || z <= a[i - 1])), `then avoided: ${zs}`);
  const lavrov = analysis.speakers.find((s) => s.name === 'Sergey Lavrov');
  assert.deepEqual(await column(page, '#distinctive-table', 1), [...lavrov.distinctive.slice(0, 10), ...lavrov.avoided.slice(0, 10).reverse()].map((d) => d.term));
  const first = await page.locator('#distinctive-table tbody tr').first().locator('th, td').allTextContents();
  const d0 = lavrov.distinctive[0];
  const by = d0.zSignificant && d0.g2Significant ? 'z and G²' : d0.zSignificant ? 'z only' : d0.g2Significant ? 'G² only' : 'neither';
  assert.deepEqual(first, [d0.term, String(d0.count), String(d0.otherCount), d0.delta.toFixed(3), d0.z.toFixed(2), d0.g2.toFixed(2), d0.logRatio.toFixed(2), by]);
  // Significance by the core's flags: the table's last column and bold cells, the chart's paler bars.
  const rowsShown = [...lavrov.distinctive.slice(0, 10), ...lavrov.avoided.slice(0, 10).reverse()];
  assert.deepEqual(await page.locator('#distinctive-table tbody tr td:nth-child(5)').evaluateAll((tds) => tds.map((td) => td.dataset.significant)),
    rowsShown.map((d) => String(d.zSignificant)));
  const opacities = await bars.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('fill-opacity') ?? 1)));
  assert.deepEqual(opacities.map((o) => o === 1), rowsShown.map((d) => d.zSignificant), 'paler bars are the words not significant by z');
  assert.ok(rowsShown.some((d) => d.zSignificant) && rowsShown.some((d) => !d.zSignificant), 'the seed has both kinds');
  assert.equal((await column(page, '#distinctive-table', 1)).at(-1), 'cis');
  assert.equal((await page.locator('#distinctive-table tbody tr').last().locator('td').allTextContents())[3], '−3.21', 'a true minus sign');

  // The formulas, visible under the table.
  const formula = page.locator('#distinctive-formula');
  assert.equal(await formula.isVisible(), true);
  const text = await formula.textContent();
  for (const part of ["Fightin' Words", 'informative Dirichlet prior', 'δ = ln((yi+aw) / (ni+a0−yi−aw)) − ln((yj+aw) / (nj+a0−yj−aw))', 'z = δ / σ', 'G²', '2·Σ O·ln(O/E)', 'Log Ratio', 'log₂((yi/ni) / (yj/nj))']) {
    assert.ok(text.includes(part), `the caption has “${part}”:\n${text}`);
  }

  // A term in the table and a bar of the chart open the concordance.
  await page.locator('#distinctive-table').getByRole('button', { name: 'west', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent === 'Occurrences of “west”' && document.querySelectorAll('#kwic-list li').length === 4);
  assert.deepEqual([...new Set(await page.locator('#kwic-list .kw-speaker').allTextContents())], ['Sergey Lavrov']);
  await bars.last().click();
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent === 'Occurrences of “cis”');

  // Another speaker; CSV and PNG exports.
  await page.getByLabel('Distinctive words of').selectOption('Question');
  await page.waitForFunction(() => /^Diverging bar chart of Question's/.test(document.querySelector('#distinctive-chart').getAttribute('aria-label')));
  assert.equal((await column(page, '#distinctive-table', 1))[0], 'discussed');
  const csv = await downloaded(page, () => page.locator('#distinctive-csv').click());
  assert.equal(csv.name, 'sergey-lavrov-question-distinctive-question.csv');
  const rows = csvRows(csv);
  assert.deepEqual(rows[0], ['Term', 'Count', 'Reference', 'δ', 'z', 'G²', 'Log Ratio', 'p < 0.05 by']);
  assert.equal(rows[1][0], 'discussed');
  assert.equal(Number(rows[1][4]), analysis.speakers.find((s) => s.name === 'Question').distinctive[0].z);
  const png = await downloaded(page, () => page.getByRole('group', { name: 'Export the distinctive words chart and table' }).getByRole('button', { name: 'PNG' }).click());
  assert.equal(png.name, 'sergey-lavrov-question-distinctive.png');
  assert.equal(png.body.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(await analyses(page), count, 'no new analysis');
  assert.equal(fetched(page), loaded, 'no request');
  assert.deepEqual(page.problems, []);
});

/** The distinctive table's rows as { term, count, reference } (numbers as shown). */
const distinctiveRows = (page) => page.locator('#distinctive-table tbody tr').evaluateAll((trs) => trs.map((tr) => {
  const cells = [...tr.querySelectorAll('th, td')].map((c) => c.textContent.replace(/,/g, ''));
  return { term: cells[0], count: Number(cells[1]), reference: Number(cells[2]), z: Number(cells[4].replace('\u2212', '-')) };
}));

test('distinctive words: against one speaker, a group, a speaker left out of the analysis, and the prior weight', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const all = await exported(page);
  const bySpeaker = new Map(all.terms.map((t) => [t.term, t.bySpeaker]));
  const countIn = (term, name) => bySpeaker.get(term)?.[name] ?? 0;
  await tab(page, 'Distinctive words');
  let before = await analyses(page);

  // Against everyone else: the reference is Question + (unattributed).
  let rows = await distinctiveRows(page);
  for (const r of rows.filter((r) => bySpeaker.has(r.term))) assert.equal(r.reference, countIn(r.term, 'Question') + countIn(r.term, '(unattributed)'), r.term);

  // Against one speaker: Lavrov against Question only.
  await page.getByLabel('Compared with').selectOption({ label: 'Question' });
  await nextAnalysis(page, before);
  await page.waitForFunction(() => / against Question by /.test(document.querySelector('#distinctive-chart').getAttribute('aria-label')));
  assert.match(await page.locator('#distinctive-table caption').textContent(), /^Distinctive words of Sergey Lavrov against Question:/);
  rows = await distinctiveRows(page);
  assert.ok(rows.length > 0);
  for (const r of rows.filter((r) => bySpeaker.has(r.term))) assert.equal(r.reference, countIn(r.term, 'Question'), r.term);

  // A group: Question and (unattributed), which is everyone else here, so the same rows as at first.
  before = await analyses(page);
  await page.getByLabel('Compared with').selectOption('group');
  await page.locator('#distinctive-group').getByLabel('(unattributed)').check();
  await nextAnalysis(page, before);
  await page.waitForFunction(() => / against the group of \(unattributed\) and Question by /.test(document.querySelector('#distinctive-chart').getAttribute('aria-label')));
  const group = await distinctiveRows(page);
  await page.getByLabel('Compared with').selectOption('');
  await page.waitForFunction(() => / against everyone else by /.test(document.querySelector('#distinctive-chart').getAttribute('aria-label')));
  assert.deepEqual(await distinctiveRows(page), group, 'a group of everyone else is everyone else');

  // Hiding (unattributed) changes nothing here; leaving it out takes its words out of the reference.
  await tab(page, 'Speakers');
  const place = page.getByLabel('(unattributed) in the charts and the analysis');
  before = await analyses(page);
  await place.selectOption('hidden');
  assert.equal(await analyses(page), before, 'hiding only redraws');
  await tab(page, 'Distinctive words');
  assert.deepEqual(await distinctiveRows(page), group, 'hidden: the same reference');
  await tab(page, 'Speakers');
  await place.selectOption('left-out');
  await nextAnalysis(page, before);
  assert.match(await page.locator('#speakers-table').textContent(), /\(unattributed\)left out/);
  assert.match(await page.locator('#speakers-share-total').textContent(), /^Shares of the shown speakers' words \(1 speaker hidden\); the table gives shares of all words\.$/);
  await tab(page, 'Distinctive words');
  await page.waitForFunction(() => / against everyone else \(1 speaker left out\) by /.test(document.querySelector('#distinctive-chart').getAttribute('aria-label')));
  rows = await distinctiveRows(page);
  for (const r of rows.filter((r) => bySpeaker.has(r.term))) assert.equal(r.reference, countIn(r.term, 'Question'), `left out: ${r.term}`);
  assert.notDeepEqual(rows, group, 'leaving out changed the reference');
  assert.deepEqual(await page.getByLabel('Compared with').locator('option').allTextContents(), ['everyone else not left out', 'Question']);

  // The prior weight: heavier shrinks every z; it is a setting kept in the address.
  const light = rows;
  before = await analyses(page);
  await page.getByLabel('Prior weight').fill('1');
  await page.getByLabel('Prior weight').press('Enter');
  await nextAnalysis(page, before);
  assert.match(await page.evaluate(() => location.hash), /prior=1\b/);
  assert.match(await page.locator('#distinctive-formula').textContent(), /w = 1 \(0\.1 by default/);
  const heavy = await distinctiveRows(page);
  const zOf = new Map(light.map((r) => [r.term, r.z]));
  const common = heavy.filter((r) => zOf.has(r.term));
  assert.ok(common.length > 5 && common.every((r) => Math.abs(r.z) <= Math.abs(zOf.get(r.term))), 'a heavier prior shrinks z');
  await page.getByLabel('Prior weight').fill('0');
  await page.getByLabel('Prior weight').press('Enter');
  assert.equal(await page.getByLabel('Prior weight').evaluate((i) => i.validity.customError), true, 'a weight of 0 is refused');
  assert.match(await page.evaluate(() => location.hash), /prior=1\b/);
  assert.deepEqual(page.problems, []);
});

test('a speaker left out of the analysis stays left out after a reload with "remember" on', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await page.getByLabel('Remember my text on this device').check();
  const before = await analyses(page);
  await page.getByLabel('(unattributed) in the charts and the analysis').selectOption('left-out');
  await nextAnalysis(page, before);
  await page.reload();
  await page.waitForSelector('body[data-state="done"]');
  assert.equal(await page.getByLabel('(unattributed) in the charts and the analysis').inputValue(), 'left-out');
  await tab(page, 'Distinctive words');
  await page.waitForFunction(() => / against everyone else \(1 speaker left out\) by /.test(document.querySelector('#distinctive-chart').getAttribute('aria-label')));
  assert.deepEqual(page.problems, []);
});

test('collocations: a node word, MI only from 5 co-occurrences, all bigrams, the formulas, and no re-parse', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const loaded = await settled(page);
  const count = await analyses(page);
  await tab(page, 'Collocations');
  const node = page.getByLabel('Node word');
  assert.equal(await node.inputValue(), 'cis', 'the top term by default');
  await page.locator('#colloc-table tbody tr').first().waitFor();
  await node.fill('foreign');
  await node.press('Enter');
  await page.waitForFunction(() => document.querySelector('#colloc-table caption')?.textContent.includes('“foreign”'));
  assert.deepEqual(await page.locator('#colloc-table thead th').allTextContents(), ['Collocate', 'Count', 'Node f', 'Collocate f', 'MI', 't', 'logDice', 'G²']);
  const terms = await column(page, '#colloc-table', 1);
  assert.ok(terms.includes('ministers'), terms.join());
  const row = (term) => page.locator('#colloc-table tbody tr').filter({ has: page.getByRole('button', { name: term, exact: true }) }).locator('th, td').allTextContents();
  const ministers = await row('ministers');
  assert.equal(ministers[1], '3');
  assert.equal(ministers[4], '—', 'no MI under 5 co-occurrences');
  const cis = await row('cis');
  // Three co-occurrences in the speech (the headline's are a heading's): no MI either.
  // MI from 5 co-occurrences is checked in the core's and the CLI's tests.
  assert.equal(cis[1], '3');
  assert.equal(cis[4], '—', 'no MI under 5 co-occurrences');
  assert.match(await page.locator('#colloc-note').textContent(), /MI needs 5 co-occurrences: “—” below that/);
  // The rank measure has an in-cell bar; the chart shows it too.
  assert.equal(await page.locator('#colloc-table tbody tr').first().locator('td:nth-child(7) .bar').count(), 1);
  assert.match(await page.locator('#colloc-chart').getAttribute('aria-label'), /^Bar chart of the 3 strongest collocates of “foreign” by logDice: /);
  const formula = await page.locator('#panel-collocations .formula').textContent();
  for (const part of ['E = fnode·fcoll·span / N', 'MI = log₂(O/E)', 't = (O − E) / √O', 'logDice = 14 + log₂(2O / (fnode + fcoll))', 'G²']) {
    assert.ok(formula.includes(part), `the caption has “${part}”:\n${formula}`);
  }
  assert.equal(await page.locator('#panel-collocations .formula').isVisible(), true);

  // A narrower window: “Council of Foreign Ministers” keeps ministers, not council.
  await page.getByLabel('Window ±').selectOption('1');
  await page.waitForFunction(() => document.querySelector('#colloc-table caption')?.textContent.includes('±1 words'));
  const narrow = await column(page, '#colloc-table', 1);
  assert.ok(narrow.includes('ministers') && !narrow.includes('council'), narrow.join());
  await page.getByLabel('Window ±').selectOption('5');
  await page.waitForFunction(() => document.querySelector('#colloc-table caption')?.textContent.includes('±5 words'));

  // A collocate opens the node's concordance, only the lines with it, the collocate marked.
  await page.locator('#colloc-table').getByRole('button', { name: 'ministers', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent === 'Occurrences of “foreign” with “ministers” within 5 words');
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 3);
  assert.deepEqual([...new Set((await page.locator('#kwic-list mark.co').allTextContents()).map((m) => m.toLowerCase()))], ['ministers']);
  assert.match(await page.locator('#kwic-note').textContent(), /^3 of the 6 occurrences of “foreign” have “ministers” within 5 words\.$/);
  await page.getByRole('button', { name: 'Show every occurrence' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 6);

  // All bigrams.
  await page.getByLabel('All bigrams').check();
  await page.waitForFunction(() => document.querySelector('#colloc-table caption')?.textContent.startsWith('Word pairs'));
  assert.equal(await node.isDisabled(), true);
  const pairs = await column(page, '#colloc-table', 1);
  assert.equal(pairs[0], 'united states');
  assert.ok(pairs.includes('foreign ministers'), pairs.join());
  assert.equal((await page.locator('#colloc-table thead th').allTextContents())[0], 'Bigram');
  await page.getByLabel('Rank by').selectOption('count');
  await page.waitForFunction(() => document.querySelector('#colloc-table caption')?.textContent.endsWith('ranked by count'));
  // Five pairs are seen 3 times; ties go by the pair's text.
  assert.equal((await column(page, '#colloc-table', 1))[0], 'cis countries');
  await page.locator('#colloc-table').getByRole('button', { name: 'united states', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent === 'Occurrences of “united states”' && document.querySelectorAll('#kwic-list li').length === 3);
  const csv = await downloaded(page, () => page.locator('#colloc-csv').click());
  assert.equal(csv.name, 'sergey-lavrov-question-bigrams.csv');
  const rows = csvRows(csv);
  assert.deepEqual(rows[0], ['Bigram', 'Count', 'First f', 'Second f', 'MI', 't', 'logDice', 'G²']);
  assert.deepEqual(rows[1].slice(0, 5), ['cis countries', '3', '21', '7', ''], 'an absent MI is an empty field');
  const svg = await downloaded(page, () => page.getByRole('group', { name: 'Export the collocations chart and table' }).getByRole('button', { name: 'SVG' }).click());
  assert.ok(svg.body.toString('utf8').includes('Word pairs by count — Sergey Lavrov, Question'));

  assert.equal(await analyses(page), count, 'collocation queries never re-analyse');
  assert.equal(fetched(page), loaded, 'no request');
  assert.deepEqual(page.problems, []);
});

test('concordance: a search box with * wildcards, context width and sort', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const find = page.getByLabel('Find in context');
  await find.fill('agreement*');
  await find.press('Enter');
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent === 'Occurrences of “agreement*”');
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 11);
  const marks = await page.locator('#kwic-list li > mark').allTextContents();
  assert.deepEqual([...new Set(marks.map((m) => m.toLowerCase()))].sort(), ['agreement', 'agreements']);
  assert.ok(marks.includes('agreements') && marks.includes('agreement'), marks.join());
  assert.equal(await page.locator('#kwic-note').textContent(), '11 occurrences.');

  // Width: at most 3 words each side (punctuation is not a word).
  const words = (s) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const longest = async () => Math.max(...(await page.locator('#kwic-list .kw-left, #kwic-list .kw-right').allTextContents()).map(words));
  assert.equal(await longest(), 8);
  await page.getByLabel('Context', { exact: true }).selectOption('3');
  await page.waitForFunction(() => document.querySelector('#kwic-list .kw-right').textContent === ' and ambitious goals');
  assert.equal(await longest(), 3);
  await page.getByLabel('Sort', { exact: true }).selectOption('right');
  await page.waitForFunction(() => {
    const r = [...document.querySelectorAll('#kwic-list .kw-right')].map((x) => x.textContent.trim().toLowerCase());
    return r.length === 11 && r.every((x, i) => i === 0 || r[i - 1] <= x);
  });

  // A phrase with a word wildcard.
  await find.fill('president of *');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent === 'Occurrences of “president of *”');
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 2);
  assert.deepEqual(await page.locator('#kwic-list li > mark').allTextContents(), ['President of Belarus', 'President of Belarus']);
  const csv = await downloaded(page, () => page.locator('#kwic-csv').click());
  assert.equal(csv.name, 'sergey-lavrov-question-kwic-president-of.csv');
  assert.deepEqual(page.problems, []);
});

test('dispersion: DP beside each term with its formula, parts, and the most and least evenly spread terms', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const count = await analyses(page);
  await tab(page, 'Dispersion');
  const chart = page.locator('#dispersion-chart');
  await chart.locator('svg').waitFor();
  const dps = await chart.locator('g[aria-label="text"] text').allTextContents();
  assert.equal(dps.length, 5);
  assert.equal(dps[0], 'DP 0.52', 'cis, over 10 equal parts (its 21 words and the CIS of CIS-UN)');
  assert.ok(dps.every((d) => /^DP \d\.\d\d$/.test(d)), dps.join());
  assert.match(await chart.getAttribute('aria-label'), /cis 22 occurrences, DP 0\.52/);
  const formula = page.locator('#panel-dispersion .formula');
  assert.equal(await formula.isVisible(), true);
  const text = await formula.textContent();
  for (const part of ['DP = ½·Σ|vi − si|', 'DPnorm = DP / (1 − min si)', '10 equal slices', '0 = spread evenly, 1 = all in one part']) {
    assert.ok(text.includes(part), `the caption has “${part}”:\n${text}`);
  }
  await page.getByText('Table of dispersion').click();
  const cisDp = Number(await page.locator('#dispersion-table tbody tr').first().locator('td').nth(1).getAttribute('data-value'));
  assert.equal(cisDp.toFixed(2), '0.52');

  // The lists.
  assert.equal(await page.locator('#spread-even tbody tr').count(), 10);
  assert.equal(await page.locator('#spread-uneven tbody tr').count(), 10);
  assert.equal((await column(page, '#spread-even', 1))[0], 'russia');
  assert.equal((await column(page, '#spread-uneven', 1))[0], 'host');
  const even = await values(page, '#spread-even', 3);
  const uneven = await values(page, '#spread-uneven', 3);
  assert.ok(even.every((d, i) => i === 0 || d >= even[i - 1]) && uneven.every((d, i) => i === 0 || d <= uneven[i - 1]));
  const csv = await downloaded(page, () => page.locator('#spread-uneven-csv').click());
  assert.equal(csv.name, 'sergey-lavrov-question-most-uneven.csv');
  assert.deepEqual(csvRows(csv).slice(0, 2), [['Term', 'Count', 'DP'], ['host', '5', uneven[0].toFixed(4)]]);

  // Over the speakers instead: other values, no new analysis.
  await page.getByLabel('DP over').selectOption('speakers');
  await page.waitForFunction(() => document.querySelector('#dispersion-chart g[aria-label="text"] text')?.textContent === 'DP 0.49');
  assert.match(await formula.textContent(), /parts: the speakers/);
  await page.waitForFunction(() => document.querySelector('#spread-even tbody th')?.textContent === 'would');
  assert.equal(await analyses(page), count);
  assert.deepEqual(page.problems, []);
});

test('summary: TTR, MATTR, hapax, sentences, mean sentence length, questions and Coleman–Liau, whole and per speaker, as the core computed them', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const analysis = await exported(page);
  await tab(page, 'Summary');
  const cell = (measure) => page.locator(`#lexical-table td[data-measure="${measure}"]`);
  const s = analysis.summary;
  for (const [measure, value, text] of [
    ['mattr', s.mattr, s.mattr.toFixed(3)], ['colemanLiau', s.colemanLiau, s.colemanLiau.toFixed(1)], ['ttr', s.ttr, s.ttr.toFixed(3)],
    ['hapax', s.hapax, String(s.hapax)], ['meanSentence', s.meanSentenceLength, s.meanSentenceLength.toFixed(1)], ['sentences', s.sentences, String(s.sentences)],
    ['questions', 7, '7'],
  ]) {
    assert.equal(Number(await cell(measure).getAttribute('data-value')), value, measure);
    assert.equal(await cell(measure).textContent(), text, measure);
  }
  assert.equal(await cell('mattr').textContent(), '0.552');
  assert.equal(await cell('colemanLiau').textContent(), '13.3');
  const summary = Object.fromEntries(await page.locator('#summary-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent])));
  assert.equal(summary['Language'], 'English (en)');
  assert.equal(summary['Word forms grouped (stemming)'], 'no');

  // Per speaker: the core's values.
  assert.deepEqual(await page.locator('#speaker-stats-table thead th').allTextContents(), ['Speaker', 'TTR', 'MATTR', 'Hapax', 'Sentences', 'Mean sentence', 'Questions', 'Coleman–Liau']);
  const lavrov = analysis.speakers[0];
  const cells = page.locator('#speaker-stats-table tbody tr').first().locator('td');
  assert.equal(await page.locator('#speaker-stats-table tbody th').first().textContent(), 'Sergey Lavrov');
  assert.equal(Number(await cells.nth(1).getAttribute('data-value')), lavrov.mattr);
  assert.equal(Number(await cells.nth(6).getAttribute('data-value')), lavrov.colemanLiau);
  assert.deepEqual(await cells.allTextContents(), [lavrov.ttr.toFixed(3), lavrov.mattr.toFixed(3), String(lavrov.hapax), String(lavrov.sentences), (lavrov.words / lavrov.sentences).toFixed(1), '0', lavrov.colemanLiau.toFixed(1)]);

  // Each measure's definition, visible.
  const defs = page.locator('#lexical-formula');
  assert.equal(await defs.isVisible(), true);
  const text = await defs.textContent();
  for (const part of ['types / words', 'types(window) / 500', 'exactly once', 'words / sentences', '0.0588·L − 0.296·S − 15.8', 'question mark']) {
    assert.ok(text.includes(part), `a definition has “${part}”`);
  }
  const csv = csvRows(await downloaded(page, () => page.locator('#lexical-csv').click()));
  assert.deepEqual(csv.find((r) => r[0] === 'MATTR (500-word windows)'), ['MATTR (500-word windows)', String(Number(s.mattr.toFixed(6)))]);
  const bySpeaker = csvRows(await downloaded(page, () => page.locator('#speaker-stats-csv').click()));
  assert.deepEqual(bySpeaker[0], ['Speaker', 'TTR', 'MATTR', 'Hapax', 'Sentences', 'Mean sentence', 'Questions', 'Coleman–Liau']);
  assert.equal(bySpeaker.length, 4);
  assert.deepEqual(page.problems, []);
});

test('stemming: a grouped term\'s concordance past the 1,000-hit cap holds the first 1,000 hits of all its forms, by position', async () => {
  const page = await open(env, { hash: '#stem=1' });
  await pasteAndWait(page, 'Ann: We signed the agreement today.\nBob: The agreements hold well.\n'.repeat(1200));
  await tab(page, 'Terms');
  await page.getByText('Table of terms').click();
  const row = page.locator('#terms-table tbody tr').filter({ has: page.locator('th', { hasText: /^agreement$/ }) });
  await row.getByRole('button', { name: 'agreement', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent.startsWith('Occurrences of “agreement” (') && document.querySelectorAll('#kwic-list li').length === 1000);
  const marks = await page.locator('#kwic-list li > mark').allTextContents();
  assert.deepEqual(marks, Array.from({ length: 1000 }, (_, i) => (i % 2 ? 'agreements' : 'agreement')));
  assert.match(await page.locator('#kwic-note').textContent(), /^1,000\+ occurrences \(the first 1000\)/);
  assert.deepEqual(page.problems, []);
});

test('stemming: a grouped term\'s concordance sorted by context is one list of all its forms, ordered by the core', async () => {
  const page = await open(env, { hash: '#stem=1' });
  await pasteAndWait(page, 'Ann: The agreements zebra now.\nBob: An agreement apple.\nAnn: The agreement mango.\nBob: Agreements Banana split.\n');
  await tab(page, 'Terms');
  await page.getByText('Table of terms').click();
  const row = page.locator('#terms-table tbody tr').filter({ has: page.locator('th', { hasText: /^agreement/ }) });
  await row.getByRole('button').first().click();
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 4);
  const marks = () => page.locator('#kwic-list li > mark').allTextContents();
  assert.deepEqual(await marks(), ['agreements', 'agreement', 'agreement', 'Agreements'], 'by position first');
  await page.getByLabel('Sort').selectOption('right');
  await page.waitForFunction(() => document.querySelector('#kwic-list li .kw-right')?.textContent.trim().startsWith('apple'));
  const rights = await page.locator('#kwic-list li .kw-right').allTextContents();
  assert.deepEqual(rights.map((r) => r.trim().split(/\s+/)[0].toLowerCase().replace(/\W+$/u, '')), ['apple', 'banana', 'mango', 'zebra'], 'the forms merged, case-insensitively by the right context');
  await page.getByLabel('Sort').selectOption('left');
  // By the words before the match, nearest first: none (a turn's first word) sorts first.
  await page.waitForFunction(() => [...document.querySelectorAll('#kwic-list li .kw-left')].map((e) => e.textContent.trim()).join('|') === '|An|The|The');
  assert.deepEqual(await marks(), ['Agreements', 'agreement', 'agreements', 'agreement']);
  assert.deepEqual(page.problems, []);
});

test('stemming: the setting lives in the hash, groups word forms in the terms table, and their concordance', async () => {
  const page = await open(env);
  await pasteAndWait(page, 'С.В.Лавров: Мы обсудили соглашение. Условия соглашения выполняются. Мы подписали несколько соглашений.\nВопрос: Когда?');
  await tab(page, 'Terms');
  await page.getByText('Table of terms').click();
  const forms = () => page.locator('#terms-table tbody th').allTextContents();
  assert.deepEqual((await forms()).filter((t) => t.startsWith('соглаш')).sort(), ['соглашение', 'соглашений', 'соглашения']);
  assert.equal(await page.locator('#terms-table thead th').filter({ hasText: 'Forms' }).count(), 0);

  await page.getByText('Settings', { exact: true }).click();
  const before = await analyses(page);
  await page.getByLabel('Group word forms (stemming)').check();
  await nextAnalysis(page, before);
  assert.match(await page.evaluate(() => location.hash), /(^#|&)stem=1(&|$)/);
  const rows = page.locator('#terms-table tbody tr').filter({ hasText: 'соглаш' });
  assert.equal(await rows.count(), 1, 'one row for the three forms');
  const headers = await page.locator('#terms-table thead th').allTextContents();
  const grouped = await rows.locator('th, td').allTextContents();
  assert.equal(grouped[0], 'соглашение');
  assert.equal(grouped[1], '3');
  const listed = grouped[headers.indexOf('Forms')].split(', ');
  assert.deepEqual(listed.sort(), ['соглашение', 'соглашений', 'соглашения']);
  assert.match(await page.locator('#set-stem-hint').textContent(), /Grouping Russian forms/);

  // The grouped term's concordance holds every form.
  await rows.getByRole('button', { name: 'соглашение', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#kwic-heading').textContent.startsWith('Occurrences of “соглашение” (') && document.querySelectorAll('#kwic-list li').length === 3);
  assert.deepEqual(await page.locator('#kwic-list li > mark').allTextContents(), ['соглашение', 'соглашения', 'соглашений']);
  await tab(page, 'Summary');
  assert.match(await page.locator('#summary-table').textContent(), /Word forms grouped \(stemming\)yes: Snowball, Russian/);

  // Off again, and from a bookmark.
  const again = await analyses(page);
  await page.getByLabel('Group word forms (stemming)').uncheck();
  await nextAnalysis(page, again);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /stem/);
  const bookmarked = await open(env, { hash: '#view=terms&stem=1' });
  assert.equal(await bookmarked.getByLabel('Group word forms (stemming)').isChecked(), true);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(bookmarked.problems, []);
});

test('the new views fit a 375 px phone, work in dark mode and from the keyboard', async () => {
  const page = await open(env, { width: 375, height: 780, colorScheme: 'dark' });
  await pasteAndWait(page, SEED);
  for (const [view, figure] of [['Distinctive words', 'distinctive-chart'], ['Collocations', 'colloc-chart'], ['Dispersion', 'dispersion-chart'], ['Summary', null]]) {
    await tab(page, view);
    if (figure) await page.locator(`#${figure} svg`).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${view}: the page is ${overflow} px wider than the screen`);
    if (figure) {
      const box = await page.locator(`#${figure} svg`).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 375, `${view}: the chart fits (${box.x}+${box.width})`);
      const ink = await page.locator(`#${figure} svg`).evaluate((svg) => getComputedStyle(svg).color);
      assert.ok(ink.match(/\d+/g).slice(0, 3).every((c) => Number(c) > 180), `${view}: light chart text on dark (${ink})`);
    }
  }
  // Arrow keys reach the new tabs; the collocation form works from the keyboard.
  await page.locator('#tab-terms').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-distinctive');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#tab-collocations').getAttribute('aria-selected'), 'true');
  await page.getByLabel('Node word').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('foreign');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#colloc-table caption')?.textContent.includes('“foreign”'));
  assert.match(await page.evaluate(() => location.hash), /view=collocations/);
  assert.deepEqual(page.problems, []);
});

test('custom stopwords are left out of collocates, bigrams and the spread lists by the engine', async (t) => {
  // Without them: `ministers` is a collocate of `foreign` (see above); the spread lists' first terms.
  const plain = await open(env, { hash: '#view=dispersion' });
  t.after(() => plain.context().close());
  await pasteAndWait(plain, SEED);
  await plain.locator('#spread-uneven tbody tr').first().waitFor();
  const [even] = await column(plain, '#spread-even', 1);
  const [uneven] = await column(plain, '#spread-uneven', 1);

  const page = await open(env, { hash: `#view=collocations&extra=${encodeURIComponent(['ministers', even, uneven].join(','))}` });
  t.after(() => page.context().close());
  await pasteAndWait(page, SEED);
  const node = page.getByLabel('Node word');
  await node.fill('foreign');
  await node.press('Enter');
  await page.waitForFunction(() => document.querySelector('#colloc-table caption')?.textContent.includes('“foreign”'));
  const terms = await column(page, '#colloc-table', 1);
  assert.ok(terms.length > 0 && !terms.includes('ministers'), terms.join());
  await page.getByLabel('All bigrams').check();
  await page.waitForFunction(() => document.querySelector('#colloc-table caption')?.textContent.startsWith('Word pairs'));
  const pairs = await column(page, '#colloc-table', 1);
  assert.ok(pairs.includes('united states'), pairs.join());
  assert.ok(!pairs.some((p) => p.split(' ').includes('ministers')), pairs.join());
  await tab(page, 'Dispersion');
  await page.locator('#spread-uneven tbody tr').first().waitFor();
  const spread = [...await column(page, '#spread-even', 1), ...await column(page, '#spread-uneven', 1)];
  assert.equal(spread.length, (await column(plain, '#spread-even', 1)).length * 2, 'the lists are as long as before');
  assert.ok(!spread.includes(even) && !spread.includes(uneven), `${even}, ${uneven}: ${spread.join()}`);
  assert.deepEqual(page.problems, []);
});
