// Speakers' identities across transcripts: a name's colour, renames and hidden speakers
// remembered per name (only with "Remember my text on this device"), and exports named
// after a pasted text's first speakers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, nextAnalysis, analyses, downloaded } from './harness.mjs';
import { colourMap } from '../www/colours.js';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The speakers table's names, most words first (without the mark of a hidden speaker). */
const names = async (page) => (await page.locator('#speakers-table tbody th').allTextContents()).map((t) => t.replace(/hidden$/, ''));
/** The swatch colours of the speakers legend, by name. */
const legendColours = async (page) => Object.fromEntries(await page.locator('#speakers-legend li').evaluateAll((lis) =>
  lis.map((li) => [li.textContent, getComputedStyle(li.querySelector('.swatch')).backgroundColor])));
/** #rrggbb as the browser computes it. */
const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const turn = (name, words) => `${name}: ${Array.from({ length: words }, (_, i) => `word${i % 9}`).join(' ')}.`;
const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

async function reanalysed(page, action) {
  const count = await analyses(page);
  await action();
  await nextAnalysis(page, count);
}

async function rename(page, from, to) {
  await reanalysed(page, async () => {
    await page.getByLabel(`New name for ${from}`).fill(to);
    await page.getByLabel(`New name for ${from}`).press('Enter');
  });
}

test('a name has the same colour in two transcripts whatever its rank; colours are distinct within one', async () => {
  const page = await open(env);
  await pasteAndWait(page, [turn('ALICE', 60), turn('BOB', 20), turn('ALICE', 30)].join('\n'));
  assert.deepEqual(await names(page), ['ALICE', 'BOB']);
  const first = await legendColours(page);

  await pasteAndWait(page, [turn('CAROL', 80), turn('DAVE', 50), turn('ALICE', 10), turn('EVE', 5), turn('CAROL', 9)].join('\n'));
  assert.deepEqual(await names(page), ['CAROL', 'DAVE', 'ALICE', 'EVE'], 'ALICE third by words here');
  const second = await legendColours(page);
  assert.equal(second.ALICE, first.ALICE, 'ALICE keeps her colour');
  assert.equal(new Set(Object.values(second)).size, 4, `distinct colours: ${JSON.stringify(second)}`);
  // The rule of colours.js, in the page.
  const expected = colourMap(['CAROL', 'DAVE', 'ALICE', 'EVE'], '(unattributed)');
  for (const [name, colour] of expected) assert.equal(second[name], rgb(colour), name);
  // The chart's bars carry the same colours.
  const fills = await page.locator('#speakers-chart g[aria-label="bar"] rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
  assert.deepEqual(fills.map((f) => f.toLowerCase()), [...expected.values()].map((c) => c.toLowerCase()));
  assert.deepEqual(page.problems, []);
});

test('with "remember" on, renames and hidden speakers survive a reload, apply to a new text with those labels, and go with Forget', async () => {
  const page = await open(env);
  const textA = [turn('ALICE', 40), turn('BOB', 30), turn('CAROL', 20)].join('\n');
  await pasteAndWait(page, textA);
  await page.getByLabel('Remember my text on this device').check();
  await rename(page, 'BOB', 'Robert');
  await page.getByLabel('CAROL in the charts and the analysis').selectOption('hidden');
  assert.deepEqual(JSON.parse((await stored(page))['colloquy.names']), { aliases: { BOB: 'Robert' }, hidden: ['CAROL'] });

  await page.reload();
  await page.waitForSelector('body[data-state="done"]');
  assert.deepEqual(await names(page), ['ALICE', 'Robert', 'CAROL']);
  assert.deepEqual(await page.locator('#alias-list li span').allTextContents(), ['BOB → Robert']);
  assert.equal(await page.getByLabel('CAROL in the charts and the analysis').inputValue(), 'hidden');

  // A new transcript with BOB and CAROL (and a label never edited): both edits apply, said so.
  await pasteAndWait(page, [turn('DAVE', 50), turn('BOB', 25), turn('CAROL', 15), turn('DAVE', 5)].join('\n'));
  await page.waitForFunction(() => document.querySelectorAll('#alias-list li').length === 2);
  assert.deepEqual(await names(page), ['DAVE', 'Robert', 'CAROL']);
  assert.deepEqual(await page.locator('#alias-list li').allTextContents(), [
    'BOB → Robert (from an earlier transcript)Undo', 'CAROL hidden from the charts (from an earlier transcript)Undo']);
  assert.ok(!(await page.locator('#speakers-chart').getAttribute('aria-label')).includes('CAROL'), 'CAROL hidden');
  // Undo in this transcript: CAROL shown again, and no longer hidden in the next one.
  await page.getByRole('button', { name: 'Undo CAROL hidden' }).click();
  assert.match(await page.locator('#speakers-chart').getAttribute('aria-label'), /CAROL/);
  assert.deepEqual(JSON.parse((await stored(page))['colloquy.names']), { aliases: { BOB: 'Robert' }, hidden: [] });

  await page.getByRole('button', { name: 'Forget' }).click();
  assert.deepEqual(await stored(page), {}, 'Forget removes the text and the names');
  await pasteAndWait(page, [turn('BOB', 10), turn('EVE', 10)].join('\n'));
  assert.deepEqual(await names(page), ['BOB', 'EVE'], 'nothing applies after Forget');
  assert.equal(await page.locator('#aliases').isVisible(), false);
  assert.deepEqual(page.problems, []);
});

test('undoing a remembered rename in a later transcript forgets it for the next ones', async () => {
  const page = await open(env);
  await pasteAndWait(page, [turn('ALICE', 40), turn('Q', 30)].join('\n'));
  await page.getByLabel('Remember my text on this device').check();
  await rename(page, 'Q', 'Journalist');
  // The new text is analysed once more with the rename: the first analysis is never shown.
  const count = await analyses(page);
  await pasteAndWait(page, [turn('BOB', 40), turn('Q', 30)].join('\n'));
  assert.equal(await analyses(page), count + 1, 'one analysis shown for the new text');
  assert.deepEqual(await names(page), ['BOB', 'Journalist']);
  await reanalysed(page, () => page.getByRole('button', { name: 'Undo Q → Journalist' }).click());
  assert.deepEqual(await names(page), ['BOB', 'Q']);
  assert.deepEqual(JSON.parse((await stored(page))['colloquy.names']).aliases, {});
  await pasteAndWait(page, [turn('CAROL', 40), turn('Q', 30)].join('\n'));
  assert.deepEqual(await names(page), ['CAROL', 'Q']);
  assert.deepEqual(page.problems, []);
});

test('without "remember", nothing is stored and nothing carries over to a new text', async () => {
  const page = await open(env);
  await pasteAndWait(page, [turn('ALICE', 40), turn('BOB', 30), turn('CAROL', 20)].join('\n'));
  await rename(page, 'BOB', 'Robert');
  await page.getByLabel('CAROL in the charts and the analysis').selectOption('hidden');
  assert.deepEqual(await stored(page), {});
  await pasteAndWait(page, [turn('BOB', 30), turn('CAROL', 20)].join('\n'));
  assert.deepEqual(await names(page), ['BOB', 'CAROL']);
  assert.equal(await page.getByLabel('CAROL in the charts and the analysis').inputValue(), 'shown');
  assert.deepEqual(await stored(page), {});
  assert.deepEqual(page.problems, []);
});

test('a pasted text\'s exports are named after its first speakers', async () => {
  const page = await open(env);
  await pasteAndWait(page, [turn('WALLACE', 20), turn('TRUMP', 60), turn('CLINTON', 50), turn('AUDIENCE', 3), turn('WALLACE', 20)].join('\n'));
  const csv = await downloaded(page, () => page.locator('#speakers-csv').click());
  assert.equal(csv.name, 'trump-clinton-wallace-speakers.csv');
  const svg = await downloaded(page, () => page.getByRole('group', { name: 'Export the speakers chart' }).getByRole('button', { name: 'SVG' }).click());
  assert.equal(svg.name, 'trump-clinton-wallace-speakers.svg');
  assert.ok(svg.body.toString('utf8').includes('Share of words by speaker — TRUMP, CLINTON, WALLACE'));
  const json = await downloaded(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  assert.equal(json.name, 'trump-clinton-wallace-analysis.json');
  // A rename renames the exports too.
  await rename(page, 'TRUMP', 'Donald Trump');
  const renamed = await downloaded(page, () => page.locator('#speakers-csv').click());
  assert.equal(renamed.name, 'donald-trump-clinton-wallace-speakers.csv');
  assert.deepEqual(page.problems, []);
});
