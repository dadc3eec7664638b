// The Dynamics view: timing, talk time beside word share, the transition heatmap, talk
// over time, the speakers, questions and interruptions tables, and Show in transcript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, tab, fixture, screenshot, downloaded, parseCsv, SEED } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const column = (page, table, i) => page.locator(`${table} tbody tr > :nth-child(${i})`).allTextContents();
/** The conversation figures, measure → [value, note]. */
const figures = async (page) => Object.fromEntries(await page.locator('#dynamics-figures tbody tr').evaluateAll((rows) =>
  rows.map((r) => [r.cells[0].textContent, [r.cells[1].textContent, r.cells[2].textContent]])));
const drawn = (page) => page.waitForFunction(() => document.querySelector('#dynamics-figures tbody')
  && !document.querySelector('#panel-dynamics [aria-busy="true"]'));

test('timed captions: speaking times, the gaps, the heatmap and talk over time', async () => {
  const page = await open(env);
  await pasteAndWait(page, await fixture('page/harbour-meeting.vtt'));
  await tab(page, 'Dynamics');
  await drawn(page);
  assert.equal(await page.locator('#dynamics-timing').textContent(), "Times from the captions' cues. 7 turns, 69 words, 3 speakers with a turn.");
  const f = await figures(page);
  assert.deepEqual(f.Duration, ['0:48', 'first timed start to last known end']);
  assert.deepEqual(f.Talk, ['0:39', 'time when at least one turn runs']);
  assert.deepEqual(f.Silence, ['0:09.0', 'in 5 gaps']);
  assert.deepEqual(f.Overlap, ['0:01.0', 'time when two or more turns run']);
  assert.equal(f.Switches[0], '6');
  assert.equal(f['Switch rate'][0], '7.50 per minute, 87.0 per 1,000 words');

  // Talk time beside word share: two bars per speaker.
  const share = page.locator('#dynamics-share-chart');
  assert.match(await share.getAttribute('aria-label'), /^Talk time and word share by speaker: Marta Quill 47\.5% of talk time, 44\.9% of words/);
  assert.equal(await share.locator('g[aria-label="bar"] rect').count(), 6);
  assert.deepEqual(await page.locator('#dynamics-share-legend li').allTextContents(), ['Marta Quill', 'Ivo Brandt', 'Sunniva Holt']);

  // The heatmap: a cell per nonzero transition, its count written in it.
  const heat = page.locator('#dynamics-transitions-chart');
  assert.equal(await heat.locator('g[aria-label="cell"] rect').count(), 4);
  assert.deepEqual((await heat.locator('g[aria-label="text"] text').allTextContents()).sort(), ['1', '1', '1', '3']);
  assert.match(await heat.getAttribute('aria-label'), /Marta Quill → Ivo Brandt 3/);

  // Talk over time: one area per speaker, by time.
  const time = page.locator('#dynamics-time-chart');
  assert.equal(await time.locator('g[aria-label="area"] path').count(), 3);
  assert.match(await time.locator('svg').textContent(), /Time \(minutes\)/);
  await page.getByLabel('Bins', { exact: true }).selectOption('10');
  await page.waitForFunction(() => /in 10 bins/.test(document.getElementById('dynamics-time-chart')?.getAttribute('aria-label') ?? ''));

  // The speakers table: times as m:ss.
  assert.deepEqual(await column(page, '#dynamics-speakers-table', 1), ['Marta Quill', 'Ivo Brandt', 'Sunniva Holt']);
  assert.deepEqual(await column(page, '#dynamics-speakers-table', 5), ['0:19', '0:18', '0:03.0']);
  assert.deepEqual(await column(page, '#dynamics-speakers-table', 12), ['0:00.8', '0:02.8', '0:02.0']);
  await page.locator('#dynamics-speakers-table').getByRole('button', { name: 'Turns', exact: true }).click();
  assert.deepEqual(await column(page, '#dynamics-speakers-table', 2), ['3', '3', '1']);

  // Interruptions: a cut-off and an overlap at turn 4.
  assert.deepEqual(await column(page, '#dynamics-interruptions-table', 1), ['Cut off', 'Overlap']);
  assert.deepEqual(await column(page, '#dynamics-interruptions-table', 2), ['Ivo Brandt', 'Ivo Brandt']);
  assert.deepEqual(await column(page, '#dynamics-interruptions-table', 4), ['4', '4']);
  await page.locator('#dynamics-interruptions-table tbody tr').first().getByRole('button', { name: 'Show in transcript' }).click();
  assert.equal(await page.locator('#transcript').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd)), '--');

  const csv = parseCsv(await (await downloaded(page, () => page.locator('#dynamics-speakers-csv').click())).body.toString('utf8'));
  assert.equal(csv[0][4], 'Speaking time');
  assert.deepEqual(csv.slice(1).map((r) => r[4]).sort(), ['18000', '19000', '3000']);
  const transitions = parseCsv((await downloaded(page, () => page.locator('#dynamics-transitions-csv').click())).body.toString('utf8'));
  assert.deepEqual(transitions, [['Turn by', 'Next turn by', 'Count', 'Share of row'], ['Marta Quill', 'Ivo Brandt', '3', '1.0000'],
    ['Ivo Brandt', 'Marta Quill', '1', '0.5000'], ['Ivo Brandt', 'Sunniva Holt', '1', '0.5000'], ['Sunniva Holt', 'Marta Quill', '1', '1.0000']]);
  const interruptions = parseCsv((await downloaded(page, () => page.locator('#dynamics-interruptions-csv').click())).body.toString('utf8'));
  assert.deepEqual(interruptions.slice(1).map((r) => r.slice(0, 4)), [['Cut off', 'Ivo Brandt', 'Marta Quill', '4'], ['Overlap', 'Ivo Brandt', 'Marta Quill', '4']]);
  const group = (name) => page.getByRole('group', { name });
  const svg = await downloaded(page, () => group('Export the transition matrix').getByRole('button', { name: 'SVG' }).click());
  assert.match(svg.name, /-dynamics-transitions\.svg$/);
  assert.match(svg.body.toString('utf8'), /Who speaks after whom — /);
  const png = await downloaded(page, () => group('Export the talk over time chart').getByRole('button', { name: 'PNG' }).click());
  assert.match(png.name, /-dynamics-time\.png$/);
  assert.deepEqual([...png.body.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  await screenshot(page, 'dynamics-timed', { fullPage: true });
  assert.deepEqual(page.problems, []);
});

test('untimed (the seed): time measures absent and said so; five questions to Sergey Lavrov; Show in transcript', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  await tab(page, 'Dynamics');
  await drawn(page);
  assert.match(await page.locator('#dynamics-timing').textContent(), /^This transcript has no times: time measures are absent, and rates are per 1,000 words\./);
  const f = await figures(page);
  for (const measure of ['Duration', 'Talk', 'Silence', 'Overlap']) assert.deepEqual(f[measure], ['–', 'the transcript has no times'], measure);
  assert.equal(f['Switch rate'][0], '5.5 per 1,000 words');
  assert.match(await page.locator('#dynamics-share-note').textContent(), /^Word share only: this transcript has no speaking times\./);
  assert.equal(await page.locator('#dynamics-share-chart g[aria-label="bar"] rect').count(), 3);
  assert.match(await page.locator('#dynamics-time-chart svg').textContent(), /word number/);
  assert.deepEqual(await column(page, '#dynamics-speakers-table', 5), ['–', '–', '–']);

  assert.deepEqual(await column(page, '#dynamics-questions-table', 1), Array(5).fill('Question'));
  assert.deepEqual(await column(page, '#dynamics-questions-table', 3), Array(5).fill('Sergey Lavrov'));
  const text = await page.locator('#transcript').inputValue();
  const questions = await column(page, '#dynamics-questions-table', 2);
  const second = page.locator('#dynamics-questions-table tbody tr').nth(1);
  await second.getByRole('button', { name: 'Show in transcript' }).click();
  const selected = await page.locator('#transcript').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.ok(selected.startsWith('Question:'), selected.slice(0, 40));
  assert.ok(selected.replace(/\s+/g, ' ').includes(questions[1].replace(/…$/, '')), 'the selection starts with the question shown');
  const next = text.indexOf('Question:', text.indexOf(selected) + 1);
  assert.ok(next > text.indexOf(selected) + selected.length - 1, 'the selection stops before the next question');
  assert.match(selected, /Sergey Lavrov:/, 'and holds the answer');

  const csv = parseCsv(await (await downloaded(page, () => page.locator('#dynamics-questions-csv').click())).body.toString('utf8'));
  assert.deepEqual(csv[0], ['Asker', 'Question', 'Answerer', 'Answer', 'Question words', 'Answer words', 'Where']);
  assert.equal(csv.length, 6);
  // The texts are the speech, without labels: each answer whole in the CSV, and in the
  // transcript (whitespace aside) right after its question.
  const flat = text.replace(/\s+/g, ' ');
  for (const [, question, , answer] of csv.slice(1)) {
    assert.ok(!question.startsWith('Question:') && !answer.startsWith('Sergey Lavrov:'), question);
    assert.ok(flat.indexOf(answer) > flat.indexOf(question), answer.slice(0, 60));
  }
  const shown = await column(page, '#dynamics-questions-table', 4);
  assert.ok(shown.every((a, i) => csv[i + 1][3].startsWith(a.replace(/…$/, ''))), 'the table shows the answers, clipped');
  assert.equal(await page.locator('#dynamics-interruptions-table table').count(), 0);
  await screenshot(page, 'dynamics-untimed', { fullPage: true });
  assert.deepEqual(page.problems, []);
});

test('many questions: 200 rows until Show all; an unanswered question is said so and shown alone', async () => {
  const page = await open(env);
  const lines = [];
  for (let i = 1; i <= 250; i++) lines.push(`Ann: Is item ${i} ready?`, `Bo: Item ${i} is ready.`);
  lines.push('Ann: And the last one?');
  await pasteAndWait(page, `${lines.join('\n')}\n`);
  await tab(page, 'Dynamics');
  await drawn(page);
  assert.equal(await page.locator('#dynamics-questions-table tbody tr').count(), 200);
  assert.match(await page.locator('#dynamics-questions-table caption').textContent(), /the first 200 \(of 251; the CSV has all\)/);
  const more = page.locator('#dynamics-questions-more');
  assert.equal(await more.textContent(), 'Show all 251 questions');
  await more.click();
  assert.equal(await page.locator('#dynamics-questions-table tbody tr').count(), 251);
  assert.equal(await more.isHidden(), true);
  const last = page.locator('#dynamics-questions-table tbody tr').last();
  assert.equal(await last.locator('td').nth(1).textContent(), 'unanswered');
  await last.getByRole('button', { name: 'Show in transcript' }).click();
  assert.equal(await page.locator('#transcript').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd).trim()), 'Ann: And the last one?');
  assert.match(await page.locator('#dynamics-questions-note').textContent(), /^251 questions, 250 answered\./);
  assert.deepEqual(page.problems, []);
});

test('turn starts only: said so; the last turn is left out of the times', async () => {
  const page = await open(env);
  await pasteAndWait(page, await fixture('page/budget-call-rev.txt'));
  await tab(page, 'Dynamics');
  await drawn(page);
  assert.match(await page.locator('#dynamics-timing').textContent(), /^Only turn starts are in the transcript: a turn ends where the next begins; the last turn's end is unknown\. 4 turns/);
  const f = await figures(page);
  assert.deepEqual(f.Timing, ['turn starts', "Only turn starts are in the transcript: a turn ends where the next begins; the last turn's end is unknown."]);
  assert.equal(f.Duration[0], '0:19');
  assert.deepEqual(f.Silence, ['0:00.0', 'in 0 gaps']);
  assert.equal(f['Switch rate'][0], '9.47 per minute, 100.0 per 1,000 words');
  assert.equal(await page.locator('#dynamics-share-chart g[aria-label="bar"] rect').count(), 4, 'talk time beside word share');
  assert.deepEqual(page.problems, []);
});
