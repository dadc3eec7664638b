// Exports, all built in the page: CSV per table, JSON of the analysis, SVG and PNG per chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, downloaded, tab, SEED, parseCsv } from './harness.mjs';
import { colourMap } from '../www/colours.js';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('the speakers table exports as CSV', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const file = await downloaded(page, () => page.locator('#speakers-csv').click());
  assert.equal(file.name, 'sergey-lavrov-question-speakers.csv');
  assert.equal(file.body.toString('utf8'), [
    'Speaker,Words,Share of all words,Turns,Mean turn (words),Longest turn,Questions',
    'Sergey Lavrov,1026,0.5607,5,205.20,389,0',
    '(unattributed),611,0.3339,1,611.00,611,0',
    'Question,193,0.1055,5,38.60,64,7',
    '',
  ].join('\r\n'));
  // As displayed: sorted the way the table is.
  await page.getByRole('button', { name: 'Questions', exact: true }).click();
  const sorted = await downloaded(page, () => page.locator('#speakers-csv').click());
  assert.equal(parseCsv(sorted.body.toString('utf8'))[1][0], 'Question');
  assert.deepEqual(page.problems, []);
});

test('CSV fields with commas and quotes are quoted and round-trip', async () => {
  const page = await open(env);
  await pasteAndWait(page, 'Alice: She said "hello, world" and left.\nBob: hello again, my "friend".\nAlice: hello hello');
  await tab(page, 'Terms');
  await page.locator('#terms-chart [aria-label="y-axis tick label"] text').filter({ hasText: /^hello$/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 4);
  const file = await downloaded(page, () => page.locator('#kwic-csv').click());
  assert.equal(file.name, 'alice-bob-kwic-hello.csv');
  const text = file.body.toString('utf8');
  assert.ok(text.includes('"She said ""'), `quotes doubled inside a quoted field:\n${text}`);
  const rows = parseCsv(text);
  assert.deepEqual(rows[0], ['Speaker', 'Left', 'Match', 'Right', 'Start', 'End', 'In a compound']);
  assert.equal(rows.length, 5);
  const shown = await page.locator('#kwic-list li').evaluateAll((lis) => lis.map((li) => [li.querySelector('.kw-speaker').textContent, li.querySelector('.kw-left').textContent, li.querySelector('mark').textContent, li.querySelector('.kw-right').textContent]));
  assert.deepEqual(rows.slice(1).map((r) => r.slice(0, 4)), shown, 'the CSV holds what the list shows');
  assert.ok(rows.slice(1).some((r) => r[1].includes('"') || r[3].includes('"')), 'a field round-trips a quote');
  assert.deepEqual(page.problems, []);
});

test('phrases, terms, dispersion and summary tables export as CSV', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await tab(page, 'Phrases');
  await page.getByLabel('Search').fill('foreign');
  await page.waitForFunction(() => [...document.querySelectorAll('#phrases-table tbody tr')].every((r) => r.cells[0].textContent.includes('foreign')));
  const phrases = parseCsv((await downloaded(page, () => page.locator('#phrases-csv').click())).body.toString('utf8'));
  assert.deepEqual(phrases[0], ['Phrase', 'Words', 'Count', 'By speaker']);
  assert.deepEqual(phrases[1], ['foreign ministers', '2', '3', '(unattributed): 2; Question: 1']);
  assert.ok(phrases.slice(1).every((r) => r[0].includes('foreign')), 'the filtered rows only');

  await tab(page, 'Terms');
  const terms = parseCsv((await downloaded(page, () => page.locator('#terms-csv').click())).body.toString('utf8'));
  assert.deepEqual(terms[1], ['cis', '21', '114.75', '3', '16', '2']);
  assert.equal(terms.length, 31);

  await tab(page, 'Dispersion');
  await page.locator('#dispersion-chart svg').waitFor();
  const dispersion = parseCsv((await downloaded(page, () => page.locator('#dispersion-csv').click())).body.toString('utf8'));
  assert.deepEqual(dispersion[0].slice(0, 5), ['Term', 'Occurrences', 'DP', 'First at word', 'Last at word']);
  assert.equal(dispersion[1][0], 'cis');
  assert.equal(dispersion[1][1], '22', 'the 21 words cis and the CIS of CIS-UN');

  await tab(page, 'Summary');
  const summary = parseCsv((await downloaded(page, () => page.locator('#summary-csv').click())).body.toString('utf8'));
  assert.deepEqual(summary.find((r) => r[0] === 'Words (tokens)'), ['Words (tokens)', '1830']);
  assert.deepEqual(summary.find((r) => r[0] === 'Page furniture lines excluded'), ['Page furniture lines excluded', '7']);
  const diagnostics = parseCsv((await downloaded(page, () => page.locator('#diagnostics-csv').click())).body.toString('utf8'));
  assert.deepEqual(diagnostics[0], ['Kind', 'Message', 'Start', 'End']);
  assert.equal(diagnostics[1][0], 'left-out', 'the headline, left out as a heading, comes first');
  assert.ok(diagnostics.some((r) => r[0] === 'unattributed-text'));
  assert.deepEqual(page.problems, []);
});

test('a chart exports as a PNG with the chart drawn in it', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const svgWidth = Number(await page.locator('#speakers-chart svg').getAttribute('width'));
  const file = await downloaded(page, () => page.getByRole('group', { name: 'Export the speakers chart' }).getByRole('button', { name: 'PNG' }).click());
  assert.equal(file.name, 'sergey-lavrov-question-speakers.png');
  const png = file.body;
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.equal(width, (svgWidth + 16) * 2, 'twice the chart size, plus the margin');
  assert.ok(height > 150, `height ${height}`);
  // Decode it in the page: the speakers' colours are there, on a white ground.
  // Each speaker's own colour (colours.js), Lavrov's bar the longest, Question's the shortest.
  const colours = colourMap(['Sergey Lavrov', '(unattributed)', 'Question'], '(unattributed)');
  const rgbs = [...colours.values()].map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const pixels = await page.evaluate(async ([b64, wanted]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const count = (r, g, b) => { let n = 0; for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) < 3 && Math.abs(data[i + 1] - g) < 3 && Math.abs(data[i + 2] - b) < 3) n++; return n; };
    return { total: data.length / 4, white: count(255, 255, 255), speakers: wanted.map(([r, g, b]) => count(r, g, b)) };
  }, [png.toString('base64'), rgbs]);
  assert.ok(pixels.white > pixels.total * 0.3, 'a white ground');
  const [lavrov, unattributed, question] = pixels.speakers;
  for (const [name, n] of [['Sergey Lavrov', lavrov], ['(unattributed)', unattributed], ['Question', question]]) assert.ok(n > 500, `${name}'s bar drawn (${n} px)`);
  assert.ok(lavrov > unattributed && unattributed > question, `bars in proportion to the shares: ${pixels.speakers}`);
  assert.deepEqual(page.problems, []);
});

test('a chart exports as a standalone SVG with its title and legend', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await tab(page, 'Terms');
  await page.getByLabel('Split by speaker').check();
  const file = await downloaded(page, () => page.getByRole('group', { name: 'Export the terms chart and table' }).getByRole('button', { name: 'SVG' }).click());
  assert.equal(file.name, 'sergey-lavrov-question-terms.svg');
  const svg = file.body.toString('utf8');
  assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 120));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
  }, svg);
  assert.equal(parsed.error, null);
  for (const t of ['Most frequent terms — Sergey Lavrov, Question', 'cis', 'Sergey Lavrov', '(unattributed)', 'Question']) assert.ok(parsed.texts.includes(t), `has "${t}"`);
  assert.ok(!svg.includes('currentColor') || svg.includes('color: #1b1b1f'), 'colours are explicit');
  assert.deepEqual(page.problems, []);
});

test('the whole analysis exports as JSON', async () => {
  const page = await open(env);
  await page.getByRole('button', { name: 'Try an example', exact: true }).click();
  await page.waitForSelector('body[data-state="done"]');
  const file = await downloaded(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  assert.equal(file.name, 'mfa-cis-press-conference-2024-04-12-analysis.json');
  const json = JSON.parse(file.body.toString('utf8'));
  assert.match(json.colloquy, /^\d+\.\d+\.\d+/);
  assert.equal(json.analysis.summary.tokens, 1830);
  assert.deepEqual(json.analysis.speakers.map((s) => s.name), ['Sergey Lavrov', '(unattributed)', 'Question']);
  assert.equal(json.analysis.terms[0].term, 'cis');
  assert.equal(json.settings.ngramMax, 5);
  assert.ok(!file.body.toString('utf8').includes('We have completed the session'), 'the transcript itself is not in the export');
  assert.deepEqual(page.problems, []);
});
