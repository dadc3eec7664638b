// A 375 px phone (issue 24): axis labels that do not run into each other, tables whose
// every column can be seen, tabs whose labels are whole, and a focus ring nothing clips.
// SITE=<dir> runs these against another build (a baseline, say).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, tab, screenshot, SEED } from './harness.mjs';

const WIDTH = 375;
let env;
before(async () => { env = await start({ site: process.env.SITE || 'site' }); });
after(async () => { await env?.close(); });

const VIEWS = [['Speakers', 'speakers'], ['Terms', 'terms'], ['Phrases', 'phrases'], ['Distinctive words', 'distinctive'],
  ['Collocations', 'collocations'], ['Dispersion', 'dispersion'], ['Dynamics', 'dynamics'], ['Summary', 'summary']];

/** Do two boxes overlap (by more than a hair)? */
const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

test(`${WIDTH} px: no two axis tick labels of the dispersion chart overlap, and each is on the screen`, async () => {
  const page = await open(env, { width: WIDTH, height: 780 });
  await pasteAndWait(page, SEED);
  await tab(page, 'Dispersion');
  // The top terms, then terms with a long one among them.
  for (const terms of [null, 'cis, international cooperation, russia']) {
    if (terms) {
      await page.getByLabel('Terms to plot').fill(terms);
      await page.getByRole('button', { name: 'Plot', exact: true }).click();
      await page.waitForFunction(() => /cooperation/.test(document.getElementById('dispersion-chart')?.getAttribute('aria-label') ?? ''));
    }
    await page.locator('#dispersion-chart svg').waitFor();
    const labels = await page.locator('#dispersion-chart svg').evaluate((svg) => ['y', 'x'].flatMap((axis) =>
      [...svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((t) => {
        const r = t.getBoundingClientRect();
        return { axis, text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      })));
    assert.ok(labels.filter((l) => l.axis === 'y').length >= 2 && labels.filter((l) => l.axis === 'x').length >= 2, 'both axes have labels');
    for (let i = 0; i < labels.length; i++) {
      assert.ok(labels[i].left >= 0 && labels[i].right <= WIDTH, `${labels[i].axis} label “${labels[i].text}” is on the screen (${labels[i].left}–${labels[i].right})`);
      for (let j = i + 1; j < labels.length; j++) {
        assert.ok(!overlap(labels[i], labels[j]), `“${labels[i].text}” and “${labels[j].text}” overlap`);
      }
    }
  }
  await screenshot(page, 'phone-dispersion-axes', { fullPage: true });
  assert.deepEqual(page.problems, []);
});

test(`${WIDTH} px: no table column is cut off: a table fits, or it scrolls sideways, says so and shows its last column when scrolled`, async () => {
  const page = await open(env, { width: WIDTH, height: 780 });
  await pasteAndWait(page, SEED);
  const seen = [];
  for (const [view, id] of VIEWS) {
    await tab(page, view);
    if (id === 'dispersion') await page.locator('#dispersion-chart svg').waitFor();
    if (id === 'collocations') await page.locator('#colloc-table table').waitFor();
    if (id === 'dynamics') await page.locator('#dynamics-questions-table table').waitFor();
    // Tables behind a "Table of …" disclosure are opened.
    for (const summary of await page.locator(`#panel-${id} details:not([open]) > summary`).all()) await summary.click();
    const wraps = page.locator(`#panel-${id} .table-wrap:has(table)`);
    for (let i = 0; i < await wraps.count(); i++) {
      const wrap = wraps.nth(i);
      if (!await wrap.isVisible()) continue;
      const name = `${view} #${await wrap.getAttribute('id')}`;
      /** The wrapper's visible box and its header cells' right edges. */
      const measure = () => wrap.evaluate((w) => {
        const box = w.getBoundingClientRect();
        const heads = [...w.querySelectorAll('thead th')].map((th) => ({ text: th.textContent, right: th.getBoundingClientRect().right }));
        return { right: box.left + w.clientLeft + w.clientWidth, heads, scrolls: w.scrollWidth > w.clientWidth };
      });
      const now = await measure();
      seen.push(name);
      if (now.heads.every((h) => h.right <= now.right + 0.5)) {
        assert.equal(now.scrolls, false, `${name}: fits, and does not scroll`);
        assert.equal(await wrap.getAttribute('data-scrolls'), null, `${name}: fits, and does not say it scrolls`);
        continue;
      }
      // Cut at the edge: it must scroll sideways, say so, and take the keyboard.
      assert.ok(id !== 'phrases', `${name}: the phrases table fits a phone (cut: ${now.heads.filter((h) => h.right > now.right + 0.5).map((h) => h.text).join(', ')})`);
      assert.ok(now.scrolls, `${name}: a column is cut off and the table does not scroll`);
      assert.equal(await wrap.getAttribute('data-scrolls'), '', `${name}: marked as scrolling`);
      const note = await wrap.evaluate((w) => getComputedStyle(w, '::before').content);
      assert.match(note, /Scroll sideways/, `${name}: says it scrolls`);
      assert.equal(await wrap.getAttribute('tabindex'), '0', `${name}: the keyboard can scroll it`);
      assert.match(await wrap.getAttribute('aria-label'), /scrolls sideways$/);
      await wrap.evaluate((w) => { w.scrollLeft = w.scrollWidth; });
      const end = await measure();
      const last = end.heads.at(-1);
      assert.ok(last.right <= end.right + 0.5, `${name}: scrolled to the end, “${last.text}” is whole (${last.right} > ${end.right})`);
      await wrap.evaluate((w) => { w.scrollLeft = 0; });
    }
  }
  for (const id of ['speakers', 'terms', 'phrases', 'dispersion', 'spread-even', 'dynamics-speakers', 'dynamics-questions']) {
    assert.ok(seen.some((s) => s.endsWith(`#${id}-table`) || s.endsWith(`#${id}`)), `${id} was checked (${seen.join(', ')})`);
  }
  await tab(page, 'Phrases');
  await screenshot(page, 'phone-phrases-table', { fullPage: true });
  assert.deepEqual(page.problems, []);
});

test(`${WIDTH} px: every tab label is whole, and the focus ring on each tab is not clipped`, async () => {
  const page = await open(env, { width: WIDTH, height: 780 });
  await pasteAndWait(page, SEED);
  const strip = page.locator('.tabs');
  const tabs = await page.getByRole('tab').count();
  assert.ok(tabs >= 7);
  for (let i = 0; i < tabs; i++) {
    const t = page.getByRole('tab').nth(i);
    // Scrolled to it (as a keyboard or a swipe would), its whole label shows in the strip.
    await t.evaluate((el) => el.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    const { label, inside, clipped } = await t.evaluate((el) => {
      const list = el.closest('[role="tablist"]');
      const s = list.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      const edge = { left: s.left + list.clientLeft, right: s.left + list.clientLeft + list.clientWidth };
      return { label: el.textContent, inside: r.left >= edge.left - 1 && r.right <= edge.right + 1, clipped: el.scrollWidth > el.clientWidth };
    });
    assert.ok(inside, `tab “${label}” shows whole in the strip`);
    assert.ok(!clipped, `tab “${label}”: its label is not cut`);
  }
  // No label half hidden at an edge of the strip as it is first shown.
  await page.locator('.tabs').evaluate((s) => { s.scrollLeft = 0; });
  const halves = await strip.evaluate((list) => {
    const s = list.getBoundingClientRect();
    return [...list.querySelectorAll('[role="tab"]')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.left < s.left - 0.5 !== r.right < s.left - 0.5 || r.left > s.right + 0.5 !== r.right > s.right + 0.5;
    }).map((el) => el.textContent);
  });
  assert.deepEqual(halves, [], 'half-shown tab labels');

  // Focus each tab from the keyboard: the ring is drawn, and no ancestor that clips cuts it.
  await page.locator('#tab-speakers').focus();
  for (let i = 0; i < tabs; i++) {
    if (i) await page.keyboard.press('ArrowRight');
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const grow = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      const r = el.getBoundingClientRect();
      const box = { left: r.left - grow, right: r.right + grow, top: r.top - grow, bottom: r.bottom + grow };
      const cuts = [];
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const c = a.getBoundingClientRect();
        const inner = { left: c.left + a.clientLeft, top: c.top + a.clientTop, right: c.left + a.clientLeft + a.clientWidth, bottom: c.top + a.clientTop + a.clientHeight };
        if (a === document.documentElement) Object.assign(inner, { left: 0, top: 0, right: innerWidth, bottom: innerHeight });
        if (box.left < inner.left - 0.5 || box.right > inner.right + 0.5 || box.top < inner.top - 0.5 || box.bottom > inner.bottom + 0.5) cuts.push(a.className || a.tagName);
      }
      return { id: el.id, visible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0, cuts };
    });
    assert.ok(ring.id.startsWith('tab-'), ring.id);
    assert.ok(ring.visible, `#${ring.id}: a focus ring`);
    assert.deepEqual(ring.cuts, [], `#${ring.id}: the focus ring is clipped by ${ring.cuts.join(', ')}`);
    if (i === 2) await screenshot(page, 'phone-tab-focus', { clip: await strip.boundingBox().then((b) => ({ x: 0, y: b.y - 8, width: WIDTH, height: b.height + 16 })) });
  }
  assert.deepEqual(page.problems, []);
});

test(`${WIDTH} px, 300 speakers with long names: the ranked bars' labels fit and stay apart, the Highlight choice fits`, async () => {
  const page = await open(env, { width: WIDTH, height: 780 });
  const n = 300;
  const text = Array.from({ length: n }, (_, i) => `Delegate of the Republic ${i + 1}: ${'plan money school '.repeat(Math.round(300 / (((i * 7919 + 17) % n) + 1)) + 1).trim()}.`).join('\n');
  await pasteAndWait(page, text);
  const labels = await page.locator('#speakers-chart svg g[aria-label="y-axis tick label"] text').evaluateAll((ts) => ts.map((t) => {
    const r = t.getBoundingClientRect();
    return { text: t.textContent, left: r.left, right: r.right };
  }));
  assert.ok(labels.length > 10, `${labels.length} bars`);
  assert.equal(new Set(labels.map((l) => l.text)).size, labels.length, `clipped labels stay apart: ${labels.map((l) => l.text).join(' | ')}`);
  for (const l of labels) assert.ok(l.left >= 0, `“${l.text}” starts on the screen (${l.left})`);
  const shares = await page.locator('#speakers-chart svg g[aria-label="text"] text').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().right));
  assert.ok(Math.max(...shares) <= WIDTH, 'every share label ends on the screen');

  await tab(page, 'Dispersion');
  await page.locator('#dispersion-chart svg').waitFor();
  await page.getByLabel('Highlight speaker').selectOption({ index: 12 });
  await page.waitForFunction(() => /occurrences highlighted$/.test(document.getElementById('dispersion-chart')?.getAttribute('aria-label') ?? ''));
  const fit = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - innerWidth,
    select: document.getElementById('dispersion-highlight').getBoundingClientRect().right - document.getElementById('dispersion-form').getBoundingClientRect().right,
  }));
  assert.ok(fit.page <= 0, `the page is ${fit.page} px wider than the screen`);
  assert.ok(fit.select <= 0.5, `the Highlight choice ends ${fit.select} px past its form`);
  await screenshot(page, 'phone-many-dispersion', { fullPage: true });
  assert.deepEqual(page.problems, []);
});
