// The speaker panel: rename, merge (suggested or chosen), hide, assign the unattributed text, undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, nextAnalysis, analyses, tab, fixture, SEED } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const names = (page) => page.locator('#speakers-table tbody th').allTextContents();
const words = async (page) => Object.fromEntries(await page.locator('#speakers-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[0].textContent, Number(r.cells[1].textContent.replace(/,/g, ''))])));
const edit = (page, name) => page.locator('#speaker-edit > li').filter({ has: page.locator('strong', { hasText: new RegExp(`^${name.replace(/[.()]/g, '\\$&')}$`) }) });

/** Runs `action` and waits for the analysis it starts. */
async function reanalysed(page, action) {
  const before = await analyses(page);
  await action();
  await nextAnalysis(page, before);
}

test('rename a speaker, see it in every view, and undo', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await reanalysed(page, async () => {
    await page.getByLabel('New name for Question').fill('Journalist');
    await page.getByLabel('New name for Question').press('Enter');
  });
  assert.deepEqual(await names(page), ['Sergey Lavrov', '(unattributed)', 'Journalist']);
  assert.match(await page.locator('#speakers-chart').getAttribute('aria-label'), /Journalist 10\.5%/);
  assert.deepEqual(await page.locator('#alias-list li span').allTextContents(), ['Question → Journalist']);
  await tab(page, 'Terms');
  await page.getByLabel('Split by speaker').check();
  assert.ok((await page.locator('#terms-legend li').allTextContents()).includes('Journalist'));

  // Renaming again re-targets the alias instead of chaining.
  await tab(page, 'Speakers');
  await reanalysed(page, async () => {
    await page.getByLabel('New name for Journalist').fill('Reporter');
    await edit(page, 'Journalist').getByRole('button', { name: 'Rename' }).click();
  });
  assert.deepEqual(await names(page), ['Sergey Lavrov', '(unattributed)', 'Reporter']);
  assert.deepEqual(await page.locator('#alias-list li span').allTextContents(), ['Question → Reporter']);

  await reanalysed(page, () => page.getByRole('button', { name: 'Undo Question → Reporter' }).click());
  assert.deepEqual(await names(page), ['Sergey Lavrov', '(unattributed)', 'Question']);
  assert.equal(await page.locator('#aliases').isVisible(), false);
  assert.deepEqual(page.problems, []);
});

test('merge speakers: one-click suggestions from the diagnostics, and by choice', async () => {
  const page = await open(env);
  await pasteAndWait(page, await fixture('formats/aliases.txt'));
  assert.deepEqual((await names(page)).sort(), ['Lavrov', 'MR. LAVROV', 'Question', 'S. Lavrov', 'Sergey Lavrov']);
  const suggestions = await page.locator('#suggestions button').allTextContents();
  assert.ok(suggestions.includes('Merge “Lavrov” into “Sergey Lavrov”'), suggestions.join(' | '));

  const before = await words(page);
  await reanalysed(page, () => page.getByRole('button', { name: 'Merge “Lavrov” into “Sergey Lavrov”' }).click());
  const after1 = await words(page);
  assert.equal(after1['Lavrov'], undefined);
  assert.equal(after1['Sergey Lavrov'], before['Sergey Lavrov'] + before['Lavrov']);
  assert.ok(!(await page.locator('#suggestions button').allTextContents()).includes('Merge “Lavrov” into “Sergey Lavrov”'));

  await reanalysed(page, async () => {
    await edit(page, 'S. Lavrov').getByLabel('Merge S. Lavrov into').selectOption('Sergey Lavrov');
    await edit(page, 'S. Lavrov').getByRole('button', { name: 'Merge' }).click();
  });
  const after2 = await words(page);
  assert.equal(after2['S. Lavrov'], undefined);
  assert.equal(after2['Sergey Lavrov'], after1['Sergey Lavrov'] + after1['S. Lavrov']);
  assert.deepEqual(await page.locator('#alias-list li span').allTextContents(), ['Lavrov → Sergey Lavrov', 'S. Lavrov → Sergey Lavrov']);

  // Renaming the merged speaker keeps the merges pointing at it.
  await reanalysed(page, async () => {
    await page.getByLabel('New name for Sergey Lavrov').fill('Minister');
    await page.getByLabel('New name for Sergey Lavrov').press('Enter');
  });
  const after3 = await words(page);
  assert.equal(after3['Minister'], after2['Sergey Lavrov']);
  assert.deepEqual(page.problems, []);
});

test('assign the unattributed opening to a speaker', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await reanalysed(page, async () => {
    await page.getByLabel('Assign the unattributed text to').fill('Sergey Lavrov');
    await page.getByRole('button', { name: 'Assign' }).click();
  });
  const w = await words(page);
  assert.deepEqual(Object.keys(w), ['Sergey Lavrov', 'Question']);
  assert.equal(w['Sergey Lavrov'], 1026 + 611);
  assert.deepEqual(await page.locator('#alias-list li span').allTextContents(), ['(unattributed) → Sergey Lavrov']);
  assert.deepEqual(page.problems, []);
});

test('hide a speaker from the charts; the tables keep it; colours stay the same', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const colour = (sel, name) => page.locator(`${sel} li`).filter({ hasText: name }).locator('.swatch').evaluate((s) => getComputedStyle(s).backgroundColor);
  const questionColour = await colour('#speakers-legend', 'Question');

  const before = await analyses(page);
  await page.getByLabel('(unattributed) in the charts and the analysis').selectOption('hidden');
  assert.equal(await analyses(page), before, 'hiding is a display filter, not a new analysis');
  const label = await page.locator('#speakers-chart').getAttribute('aria-label');
  assert.ok(!label.includes('(unattributed)'), label);
  assert.match(label, /Sergey Lavrov 84\.2%, Question 15\.8%/);
  assert.deepEqual(await names(page), ['Sergey Lavrov', '(unattributed)hidden', 'Question']);
  assert.equal(await colour('#speakers-legend', 'Question'), questionColour);

  await tab(page, 'Terms');
  assert.match(await page.locator('#terms-chart').getAttribute('aria-label'), /\bcis 5\b/, 'cis: 3 by Lavrov + 2 by Question');
  await page.getByLabel('Split by speaker').check();
  assert.deepEqual(await page.locator('#terms-legend li').allTextContents(), ['Sergey Lavrov', 'Question']);
  assert.equal(await colour('#terms-legend', 'Question'), questionColour);

  await page.locator('#terms-chart [aria-label="y-axis tick label"] text').filter({ hasText: /^cis$/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 22);
  const kwicColour = await page.locator('#kwic-list .kw-speaker').filter({ hasText: /^Question$/ }).first().locator('.swatch').evaluate((s) => getComputedStyle(s).backgroundColor);
  assert.equal(kwicColour, questionColour, 'the concordance uses the same colours');

  await tab(page, 'Speakers');
  await page.getByLabel('(unattributed) in the charts and the analysis').selectOption('shown');
  assert.match(await page.locator('#speakers-chart').getAttribute('aria-label'), /\(unattributed\) 33\.4%/);
  assert.deepEqual(page.problems, []);
});
