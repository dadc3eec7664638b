// Layout and accessibility: desktop and phone widths (screenshots saved as artifacts),
// dark mode, keyboard use, accessible names and table alternatives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, tab, screenshot, SEED } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

for (const [name, width, height] of [['desktop', 1280, 900], ['phone', 375, 780]]) {
  test(`${name} (${width} px): every view fits the width; screenshots saved`, async () => {
    const page = await open(env, { width, height });
    await screenshot(page, `${name}-empty`);
    await pasteAndWait(page, SEED);
    for (const [view, id] of [['Speakers', 'speakers'], ['Terms', 'terms'], ['Phrases', 'phrases'], ['Distinctive words', 'distinctive'],
      ['Collocations', 'collocations'], ['Dispersion', 'dispersion'], ['Dynamics', 'dynamics'], ['Summary', 'summary']]) {
      await tab(page, view);
      if (view === 'Dispersion') await page.locator('#dispersion-chart svg').waitFor();
      if (view === 'Dynamics') await page.locator('#dynamics-transitions-chart svg').waitFor();
      if (view === 'Collocations') await page.locator('#colloc-chart svg').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${view}: the page is ${overflow} px wider than the screen`);
      const svg = page.locator(`#panel-${id} figure svg`);
      const chart = (await svg.count()) ? await svg.first().boundingBox() : null;
      if (chart) assert.ok(chart.x >= 0 && chart.x + chart.width <= width, `${view}: the chart fits (${chart.x}+${chart.width})`);
      await screenshot(page, `${name}-${id}`, { fullPage: true });
    }
    if (width >= 1280) {
      const tabs = await page.locator('.tabs').evaluate((t) => t.scrollWidth - t.clientWidth);
      assert.ok(tabs <= 0, `every tab is visible without scrolling (${tabs} px over)`);
    }
    await tab(page, 'Terms');
    await page.locator('#terms-chart g[aria-label="bar"] rect').first().click();
    await page.locator('#kwic-list li').first().waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await screenshot(page, `${name}-kwic`, { fullPage: true });
    assert.deepEqual(page.problems, []);
  });
}

test('dark mode follows prefers-color-scheme', async () => {
  const light = await open(env, { colorScheme: 'light' });
  const dark = await open(env, { colorScheme: 'dark' });
  const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const luminance = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((s, c) => s + Number(c), 0) / 3;
  assert.ok(luminance(await background(light)) > 200, await background(light));
  assert.ok(luminance(await background(dark)) < 50, await background(dark));
  await pasteAndWait(dark, SEED);
  await tab(dark, 'Terms');
  const axis = await dark.locator('#terms-chart svg').evaluate((svg) => getComputedStyle(svg).color);
  assert.ok(luminance(axis) > 180, `chart text is light on dark (${axis})`);
  await screenshot(dark, 'dark-terms', { fullPage: true });
  assert.deepEqual(light.problems, []);
  assert.deepEqual(dark.problems, []);
});

test('keyboard: every control is reachable, tabs use arrow keys, focus is visible', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await page.locator('h1').click(); // start Tab navigation from the top
  const reached = [];
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { id: el.id, tag: el.tagName, text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30), outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
    });
    if (reached.length && (here.tag === 'BODY' || here.text === reached[0].text)) break; // round the page once
    reached.push(here);
  }
  const ids = reached.map((r) => r.id);
  for (const id of ['open-file', 'example', 'analyse', 'transcript', 'remember', 'tab-speakers', 'export-json']) {
    assert.ok(ids.includes(id), `#${id} is reachable by Tab (${ids.join(' ')})`);
  }
  assert.ok(reached.every((r) => r.outline), `focus is visible on ${reached.filter((r) => !r.outline).map((r) => r.id || r.text).join(', ')}`);

  // Arrow keys move between tabs; Enter on a sortable header sorts.
  await page.locator('#tab-speakers').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-terms');
  assert.equal(await page.locator('#tab-terms').getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#panel-terms').isVisible(), true);
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-summary');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'panel-speakers');
  await page.getByRole('button', { name: 'Questions', exact: true }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#speakers-table th[aria-sort]').textContent(), 'Questions ▼');
  // A term opens the concordance from the keyboard too.
  await tab(page, 'Phrases');
  await page.getByRole('button', { name: 'cis countries', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list li').length === 3);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'kwic-heading');
  assert.deepEqual(page.problems, []);
});

test('charts have accessible names and table alternatives', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  for (const [view, figure, table, name] of [
    ['Speakers', 'speakers-chart', 'speakers-table', /share of all words by speaker/i], ['Terms', 'terms-chart', 'terms-table', /most frequent terms/i],
    ['Distinctive words', 'distinctive-chart', 'distinctive-table', /distinctive words against everyone else by Fightin' Words z/],
    ['Collocations', 'colloc-chart', 'colloc-table', /strongest collocates of “cis” by logDice/], ['Dispersion', 'dispersion-chart', 'dispersion-table', /Dispersion plot/i],
    ['Dynamics', 'dynamics-share-chart', 'dynamics-speakers-table', /^Word share by speaker: Sergey Lavrov/],
    ['Dynamics', 'dynamics-transitions-chart', 'dynamics-speakers-table', /^Transition matrix of 3 speakers: Question → Sergey Lavrov 5/],
    ['Dynamics', 'dynamics-time-chart', 'dynamics-speakers-table', /^Talk over time in 20 bins of equal words/],
  ]) {
    await tab(page, view);
    await page.locator(`#${figure} svg`).waitFor();
    const img = page.getByRole('img', { name });
    assert.equal(await img.count(), 1, `${view}: one named chart`);
    assert.equal(await img.evaluate((el) => el.tagName), 'FIGURE');
    assert.ok((await page.locator(`#${table} table caption`).textContent()).length > 5, `${view}: a captioned table`);
    assert.ok(await page.locator(`#${table} table tbody tr`).count() > 0);
  }
  assert.deepEqual(page.problems, []);
});
