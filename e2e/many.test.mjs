// Many speakers (issue 24): the word share as ranked bars from MANY_SPEAKERS up, with the
// others summed in one labelled bar; Dispersion's highlighted speaker among the grey ones;
// every share on screen with one decimal. The expectations are worked out here from the
// words each generated speaker is given, not copied from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, tab, screenshot } from './harness.mjs';
import { MANY_SPEAKERS, TOP_SPEAKERS } from '../site/charts.js';
import { OTHER_COLOUR } from '../site/colours.js';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const VOCAB = ['plan', 'money', 'school', 'road', 'water', 'house', 'work', 'time', 'city', 'park'];
const int = (n) => n.toLocaleString('en');
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const SHARE = /^\d{1,3}\.\d%$/;

/**
 * A transcript of `n` speakers, `Speaker 1` … `Speaker n`. Speaker i is given the words
 * `words(i)` says (a Zipf-like spread over a shuffled order, so the most talkative are not
 * the first), every tenth of them "budget", in turns of at most 40 words interleaved
 * through the text. Returns the text and each speaker's words.
 */
function transcript(n, words = (i) => Math.round(3000 / ((((i * 7919 + 17) % n) + 1))) + 5) {
  const speakers = Array.from({ length: n }, (_, i) => ({ name: `Speaker ${i + 1}`, words: words(i) }));
  const turns = speakers.map((s, i) => {
    const all = Array.from({ length: s.words }, (_, k) => (k % 10 === 0 ? 'budget' : VOCAB[(i + k) % VOCAB.length]));
    const chunks = [];
    for (let k = 0; k < all.length; k += 40) chunks.push(`${s.name}: ${all.slice(k, k + 40).join(' ')}.`);
    return chunks;
  });
  const lines = [];
  for (let round = 0; turns.some((t) => t.length > round); round++) {
    for (const t of turns) if (t[round]) lines.push(t[round]);
  }
  return { text: `${lines.join('\n')}\n`, speakers };
}

/** The speakers ranked as the chart should rank them: most words first, then text order. */
const ranked = (speakers) => speakers.map((s, i) => ({ ...s, i })).sort((a, b) => b.words - a.words || a.i - b.i);

test(`${300} speakers: ranked bars of the top ${TOP_SPEAKERS} and one bar of the others; the table keeps everyone`, async () => {
  const { text, speakers } = transcript(300);
  const page = await open(env);
  await pasteAndWait(page, text);
  await tab(page, 'Speakers');
  const chart = page.locator('#speakers-chart svg');
  await chart.waitFor();

  const order = ranked(speakers);
  const top = order.slice(0, TOP_SPEAKERS);
  const rest = order.slice(TOP_SPEAKERS);
  const total = speakers.reduce((n, s) => n + s.words, 0);
  assert.equal(top.at(-1).words > rest[0].words, true, 'the test transcript has no tie at the cut');

  const bars = chart.locator('g[aria-label="bar"] rect');
  assert.equal(await bars.count(), TOP_SPEAKERS + 1, 'the top speakers and one bar of the others');
  const labels = await chart.locator('g[aria-label="y-axis tick label"] text').allTextContents();
  const otherLabel = `${int(rest.length)} other speakers`;
  assert.deepEqual(labels, [...top.map((s) => s.name), otherLabel]);

  // Each bar is labelled with its share, one decimal, of the words; they add up to 100%.
  const shares = await chart.locator('g[aria-label="text"] text').allTextContents();
  const expected = [...top.map((s) => s.words / total), rest.reduce((n, s) => n + s.words, 0) / total];
  assert.deepEqual(shares, expected.map(pct));
  for (const s of shares) assert.match(s, SHARE);
  const sum = shares.reduce((n, s) => n + Number(s.slice(0, -1)), 0);
  assert.ok(Math.abs(sum - 100) <= 0.05 * shares.length + 1e-9, `the shares add up to 100% (${sum})`);
  // Each bar is as long as its share (the longest ends inside the chart).
  const widths = await bars.evaluateAll((rects) => rects.map((r) => r.getBBox().width));
  const scale = Math.max(...widths) / Math.max(...expected);
  widths.forEach((w, i) => assert.ok(Math.abs(w - expected[i] * scale) <= 1.5, `bar ${i + 1}: ${w} px for ${pct(expected[i])} (${expected[i] * scale} px)`));
  const box = await chart.boundingBox();
  const ends = await bars.evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().right));
  assert.ok(Math.max(...ends) <= box.x + box.width, 'every bar ends inside the chart');
  // The other bar is grey and the chart's name describes the bars.
  assert.equal(await bars.last().getAttribute('fill'), OTHER_COLOUR);
  const name = await page.locator('#speakers-chart').getAttribute('aria-label');
  assert.ok(name.startsWith(`Bar chart of the share of all words by speaker, the ${TOP_SPEAKERS} with the most words and the others as one bar: `), name);
  assert.ok(name.endsWith(`, ${otherLabel} ${pct(expected.at(-1))}`), name);
  assert.equal(await page.locator('#speakers-legend').isVisible(), false, 'the bars name their speakers: no legend');
  await page.locator('#panel-speakers h3').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'many-speakers-chart', { clip: await page.locator('#panel-speakers').boundingBox().then((b) => ({ ...b, height: 560 })) });

  // The table keeps every speaker, with its share to one decimal.
  assert.match(await page.locator('#speakers-table caption').textContent(), new RegExp(`\\(the first 200 of ${int(speakers.length)} rows\\)$`));
  await page.locator('#speakers-more').click();
  await page.waitForFunction((n) => document.querySelectorAll('#speakers-table tbody tr').length === n, speakers.length);
  const rows = await page.locator('#speakers-table tbody tr').evaluateAll((trs) => trs.map((r) => [r.cells[0].textContent, r.cells[2].textContent]));
  assert.deepEqual(rows.map(([n]) => n).sort(), speakers.map((s) => s.name).sort());
  for (const [, share] of rows) assert.match(share, SHARE);
  assert.deepEqual(page.problems, []);
});

test(`under ${MANY_SPEAKERS} speakers the word share stays one stacked bar; from ${MANY_SPEAKERS} it is ranked bars`, async () => {
  const page = await open(env);
  for (const n of [MANY_SPEAKERS - 1, MANY_SPEAKERS]) {
    const { text } = transcript(n, (i) => 20 + 3 * i);
    await pasteAndWait(page, text);
    const rects = page.locator('#speakers-chart g[aria-label="bar"] rect');
    const ys = new Set(await rects.evaluateAll((rs) => rs.map((r) => r.getAttribute('y'))));
    const name = await page.locator('#speakers-chart').getAttribute('aria-label');
    if (n < MANY_SPEAKERS) {
      assert.equal(ys.size, 1, 'one stacked bar');
      assert.match(name, /^Stacked bar of the share of all words by speaker: /);
    } else {
      assert.equal(ys.size, n, 'a bar per speaker, none summed (they are under the top count)');
      assert.match(name, /^Bar chart of the share of all words by speaker: /);
    }
  }
  assert.deepEqual(page.problems, []);
});

test('Dispersion with many speakers: the highlighted speaker is drawn in a colour of its own, the rest share the grey', async () => {
  const { text, speakers } = transcript(300);
  const page = await open(env);
  await pasteAndWait(page, text);
  await tab(page, 'Dispersion');
  await page.getByLabel('Terms to plot').fill('budget');
  await page.getByRole('button', { name: 'Plot', exact: true }).click();
  await page.waitForFunction(() => /^Dispersion plot over [\d,]+ words: budget /.test(document.getElementById('dispersion-chart')?.getAttribute('aria-label') ?? ''));

  // The legend: the speakers with colours of their own, then one grey entry for the rest.
  const legend = await page.locator('#dispersion-legend li').allTextContents();
  const coloured = legend.length - 1;
  assert.equal(legend.at(-1), `${int(speakers.length - coloured)} other speakers`);
  assert.match(await page.locator('#dispersion-highlight-note').textContent(), new RegExp(`the other ${int(speakers.length - coloured)} share the grey`));

  // A speaker in the grey, with turns far apart (so their ticks cannot share a pixel).
  const order = ranked(speakers);
  const who = order[coloured + 3].name;
  const turns = Math.ceil(speakers.find((s) => s.name === who).words / 40);
  /** The strokes of `name`'s ticks, and of everyone else's grey ones, as computed colours. */
  // One path per term and speaker, drawing `data-ticks` ticks: a stroke per tick.
  const strokes = () => page.locator('#dispersion-chart g[aria-label="tick"] path').evaluateAll((paths, name) => {
    const mine = [];
    const others = [];
    for (const p of paths) {
      const ticks = Array(Number(/** @type {SVGElement} */ (p).dataset.ticks)).fill(getComputedStyle(p).stroke);
      (p.querySelector('title').textContent.endsWith(`\n${name}`) ? mine : others).push(...ticks);
    }
    return { mine, others };
  }, who);
  const grey = await page.evaluate((hex) => {
    const el = document.body.appendChild(Object.assign(document.createElement('span'), { style: `color: ${hex}` }));
    const c = getComputedStyle(el).color;
    el.remove();
    return c;
  }, OTHER_COLOUR);
  const before = await strokes();
  assert.ok(before.mine.length >= 1, `${who} has ticks (${before.mine.length})`);
  assert.ok(before.mine.every((c) => c === grey), `before highlighting, ${who}'s ticks are grey`);

  await page.getByLabel('Highlight speaker').selectOption(who);
  await page.waitForFunction((name) => document.getElementById('dispersion-chart')?.getAttribute('aria-label')?.endsWith(`; ${name}'s occurrences highlighted`), who);
  const after = await strokes();
  assert.ok(after.mine.length >= turns, `a tick in each of ${who}'s ${turns} turns, none lost under the grey (${after.mine.length})`);
  assert.equal(new Set(after.mine).size, 1, 'one colour');
  assert.notEqual(after.mine[0], grey, `${who}'s ticks are not grey`);
  assert.ok(after.others.includes(grey), 'the other speakers beyond the palette stay grey');
  // The legend names the highlighted speaker, in the colour of the ticks, and one fewer in the grey.
  const entry = page.locator('#dispersion-legend li').filter({ hasText: new RegExp(`^${who}$`) });
  assert.equal(await entry.count(), 1, `${who} in the legend`);
  assert.equal(await entry.locator('.swatch').evaluate((s) => getComputedStyle(s).backgroundColor), after.mine[0]);
  assert.equal(await page.locator('#dispersion-legend li').last().textContent(), `${int(speakers.length - coloured - 1)} other speakers`);
  assert.match(await page.locator('#dispersion-highlight-note').textContent(), new RegExp(`, ${who} is highlighted; the other ${int(speakers.length - coloured - 1)} share the grey`));
  await page.locator('#dispersion-form').scrollIntoViewIfNeeded();
  await screenshot(page, 'many-speakers-dispersion', { clip: await page.locator('#panel-dispersion').boundingBox().then((b) => ({ ...b, height: 560 })) });
  assert.deepEqual(page.problems, []);
});

test('every share on screen has one decimal: 50.0% beside 25.0%, in the table, the chart and its name', async () => {
  // Words 2:1:1, so the shares are whole percentages, which once lost their decimal.
  const { text, speakers } = transcript(3, (i) => [20, 10, 10][i]);
  const page = await open(env);
  await pasteAndWait(page, text);
  const total = speakers.reduce((n, s) => n + s.words, 0);
  const cells = await page.locator('#speakers-table tbody tr').evaluateAll((trs) => trs.map((r) => [r.cells[0].textContent, r.cells[2].textContent]));
  assert.deepEqual(Object.fromEntries(cells), Object.fromEntries(speakers.map((s) => [s.name, pct(s.words / total)])));
  const inChart = (await page.locator('#speakers-chart g[aria-label="text"] text').allTextContents()).filter((t) => t.endsWith('%'));
  assert.deepEqual(inChart, speakers.map((s) => pct(s.words / total)));
  const name = await page.locator('#speakers-chart').getAttribute('aria-label');
  assert.deepEqual(name.match(/\d[\d.]*%/g), speakers.map((s) => pct(s.words / total)));
  for (const s of [...cells.map(([, c]) => c), ...inChart]) assert.match(s, SHARE);
  assert.deepEqual(page.problems, []);
});
