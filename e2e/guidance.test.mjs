// Guidance when attribution is doubtful: no labels found, the core's label hint, one
// click to use it; a period-label transcript needs no click; the status says what was left out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, nextAnalysis, analyses } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const names = (page) => page.locator('#speakers-table tbody th').allTextContents();
const turns = async (page) => Object.fromEntries(await page.locator('#speakers-table tbody tr').evaluateAll((rows) => rows.map((r) => [r.cells[0].textContent, Number(r.cells[3].textContent)])));
const status = (page) => page.locator('#status').textContent();

// Written for this test: a radio interview whose labels end in a dash, which the
// core does not read as labels on its own.
const DASHES = `MORNING REPORT

HOST -- Good evening and welcome to the programme. With me is the harbour engineer.

Dr. Ruth OKAFOR -- Thank you for having me here tonight.

HOST -- Let us begin with the harbour project. Is it late?

Dr. Ruth OKAFOR -- It is late, and it is over budget by a third.

HOST -- Who is to blame for that?

Dr. Ruth OKAFOR -- The contractors, mostly, and the weather last winter.

CALLER -- I live by the harbour. When will the noise stop?

Dr. Ruth OKAFOR -- By the spring, if the weather holds.
`;

// Written for this test, in the Congressional Record's shape: labels end in a period,
// paragraphs are indented two spaces.
const RECORD = `                    HARBOUR IMPROVEMENT ACT

  Mr. SMITH. Mr. Speaker, I yield myself such time as I may consume.
  This bill repairs the harbour and pays for it within the budget.
  The SPEAKER pro tempore. The gentleman from Ohio is recognized.
  Ms. JONES of Ohio. Mr. Speaker, I thank the gentleman for yielding. The
harbour has waited ten years for this work, and the families who live by it
have waited longer.
  Mr. SMITH. I thank the gentlewoman. I reserve the balance of my time.
  Ms. JONES of Ohio. I yield back.
  The SPEAKER pro tempore. Without objection, the bill is passed.
`;

test('no labels found: the hint shows example lines, and one click reads them as speakers', async () => {
  const page = await open(env);
  await pasteAndWait(page, DASHES);

  const guide = page.getByRole('region', { name: 'No speaker labels found' });
  await guide.waitFor();
  assert.deepEqual(await guide.locator('code.example').allTextContents(), ['HOST --', 'Dr. Ruth OKAFOR --', 'CALLER --']);
  assert.match(await guide.textContent(), /Lines like HOST --, Dr\. Ruth OKAFOR -- and CALLER -- look like speaker labels: use them\?/);
  assert.match(await guide.textContent(), /8 lines start this way/);
  // The notice stands in place of a bar that would be all "(unattributed)".
  assert.equal(await page.locator('#speakers-chart').isVisible(), false);
  assert.deepEqual(await names(page), ['(unattributed)']);
  assert.match(await status(page), /Left out: 1 line of headings, procedure or inserted text\. [\d,]+ words \(100\.0%\) have no speaker\.$/);

  const before = await analyses(page);
  await guide.getByRole('button', { name: 'Use these as labels' }).click();
  await nextAnalysis(page, before);
  assert.deepEqual(await turns(page), { 'Dr. Ruth OKAFOR': 4, HOST: 3, CALLER: 1, '(unattributed)': 1 });
  assert.equal(await page.locator('#speakers-guide').isVisible(), false);
  assert.equal(await page.locator('#speakers-chart').isVisible(), true);
  // Through the setting, so it shows in Settings and is kept in the address.
  const pattern = await page.locator('#set-label').inputValue();
  assert.match(pattern, /\(\?<speaker>/);
  assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('label'), pattern);
  // With a label pattern the title has no speaker: two words of nine lines' speech.
  assert.match(await status(page), / 2 words \([\d.]+%\) have no speaker\.$/);
  assert.deepEqual(page.problems, []);
});

test('a link opens the label-pattern setting', async () => {
  const page = await open(env);
  await pasteAndWait(page, 'We met at noon and talked about the harbour for an hour.\n\nNobody said who spoke.\n');
  const guide = page.getByRole('region', { name: 'No speaker labels found' });
  await guide.waitFor();
  assert.equal(await guide.getByRole('button', { name: 'Use these as labels' }).count(), 0);
  await guide.getByRole('button', { name: 'Set the label pattern' }).click();
  assert.equal(await page.locator('#settings-panel').evaluate((d) => d.open), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'set-label');
  assert.deepEqual(page.problems, []);
});

test('a period-label transcript shows its speakers with no notice and no click', async () => {
  const page = await open(env);
  await pasteAndWait(page, RECORD);
  assert.deepEqual(await turns(page), { 'Ms. JONES of Ohio': 2, 'Mr. SMITH': 2, 'The SPEAKER pro tempore': 2 });
  assert.equal(await page.locator('#speakers-guide').isVisible(), false);
  assert.equal(await page.locator('#speakers-chart').isVisible(), true);
  assert.equal(await page.locator('#set-label').inputValue(), '');
  assert.match(await status(page), /^Analysed [\d,]+ words, 3 speakers in [\d,]+ ms\. Left out: 1 line of headings, procedure or inserted text\.$/);
  assert.deepEqual(page.problems, []);
});

// Written for this test: a script, whose parenthesised directions are not speech until
// the setting keeps them.
const SCRIPT = `[Scene: A bakery, early morning.]

Nell: (tying her apron) We open in ten minutes.

Omar: (yawning) Then the bread had better be ready.

Nell: (laughs) It always is.

Omar: (He checks the oven.) Not today, it isn't.
`;

test('a script: directions inside speech are left out, and the setting keeps them as speech', async (t) => {
  const page = await open(env);
  t.after(() => page.context().close());
  await pasteAndWait(page, SCRIPT);
  assert.match(await status(page), /^Analysed 19 words, 2 speakers/);
  await page.getByText('Settings', { exact: true }).click();
  const count = await analyses(page);
  await page.getByLabel('In scripts, keep (…) and […] as speech').check();
  await nextAnalysis(page, count);
  assert.match(await status(page), /^Analysed 27 words, 2 speakers/);
  assert.match(page.url(), /scriptdirections=1/);
  assert.deepEqual(page.problems, []);
});

// Written for this test: a chorus line, shown as one joint speaker until the setting
// credits it to each of its speakers.
const CHORUS = `Nell: The bread is ready.

Omar: And the coffee too.

Nell and Omar: Good morning, everyone!
`;

test('a joint speaker is one row until the setting credits its words to each speaker', async (t) => {
  const page = await open(env);
  t.after(() => page.context().close());
  await pasteAndWait(page, CHORUS);
  assert.deepEqual(await names(page), ['Nell', 'Omar', 'Nell and Omar']);
  assert.deepEqual(await turns(page), { Nell: 1, Omar: 1, 'Nell and Omar': 1 });
  await page.getByText('Settings', { exact: true }).click();
  const count = await analyses(page);
  await page.getByLabel('Credit joint lines (“Ross and Rachel:”) to each speaker').check();
  await nextAnalysis(page, count);
  assert.deepEqual(await names(page), ['Nell', 'Omar']);
  assert.deepEqual(await turns(page), { Nell: 2, Omar: 2 });
  const words = await page.locator('#speakers-table tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.cells[1].textContent)));
  assert.deepEqual(words, [7, 7], 'each is credited with the three words said together');
  assert.match(await status(page), /^Analysed 11 words, 2 speakers/, 'the transcript still has 11 words');
  assert.match(page.url(), /jointeach=1/);
  assert.deepEqual(page.problems, []);
});
