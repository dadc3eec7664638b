// Input: paste, typing, the example, Open file…, drag and drop, bad files, remembering.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, paste, pasteAndWait, nextAnalysis, analyses, tab, fixture, SEED } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const speakerNames = (page) => page.locator('#speakers-table tbody th').allTextContents();
const termLabels = (page) => page.locator('#terms-chart [aria-label="y-axis tick label"] text').allTextContents();

test('pasting the seed shows its speakers and terms within 300 ms', async () => {
  const page = await open(env);
  await pasteAndWait(page, SEED);
  const ms = Number(await page.evaluate(() => document.body.dataset.lastAnalysisMs));
  assert.ok(ms > 0 && ms < 300, `the views took ${ms} ms from the paste`);
  console.log(`# seed: views drawn ${ms} ms after the paste (worker ${await page.evaluate(() => document.body.dataset.workerMs)} ms)`);
  // The status says what the core left out and how much text has no speaker.
  assert.match(await page.locator('#status').textContent(), /^Analysed 1,830 words, 3 speakers in \d+ ms\. Left out: 7 lines of page furniture and 3 lines of headings, procedure or inserted text\. 611 words \(33\.4%\) have no speaker\.$/);

  const chart = page.locator('#speakers-chart');
  const label = await chart.getAttribute('aria-label');
  assert.match(label, /Sergey Lavrov 56\.1%/);
  assert.match(label, /Question 10\.5%/);
  const texts = await chart.locator('svg text').allTextContents();
  assert.ok(texts.includes('Sergey Lavrov') && texts.includes('Question'), `chart labels: ${texts.join(' | ')}`);

  await tab(page, 'Terms');
  const terms = await termLabels(page);
  assert.equal(terms[0], 'cis');
  assert.deepEqual(page.problems, []);
});

test('typing is debounced: one analysis after the pause', async () => {
  const page = await open(env);
  const area = page.getByRole('textbox', { name: 'Transcript' });
  await area.click();
  await page.keyboard.type('Alice: zebra zebra okapi\nBob: zebra', { delay: 15 });
  assert.equal(await analyses(page), 0, 'no analysis while typing');
  await nextAnalysis(page, 0);
  await page.waitForTimeout(500);
  assert.equal(await analyses(page), 1, 'exactly one analysis after the pause');
  await tab(page, 'Terms');
  assert.equal((await termLabels(page))[0], 'zebra');
  assert.deepEqual(page.problems, []);
});

test('"Try an example" loads the bundled press conference', async () => {
  const page = await open(env);
  await page.getByRole('button', { name: 'Try an example', exact: true }).click();
  await nextAnalysis(page, 0);
  assert.equal(await page.getByRole('textbox', { name: 'Transcript' }).inputValue(), SEED);
  assert.deepEqual(await speakerNames(page), ['Sergey Lavrov', '(unattributed)', 'Question']);
  assert.deepEqual(page.problems, []);
});

test('"Open file…" reads a .txt file and analyses it', async () => {
  const page = await open(env);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open file…' }).click(),
  ]);
  const text = await fixture('formats/play.txt');
  await chooser.setFiles({ name: 'play.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await nextAnalysis(page, 0);
  assert.equal(await page.getByRole('textbox', { name: 'Transcript' }).inputValue(), text);
  assert.match(await page.locator('#status').textContent(), /Opened “play\.txt”/);
  assert.ok((await speakerNames(page)).length >= 2);
  assert.deepEqual(page.problems, []);
});

test('dropping a .vtt file on the page opens it', async () => {
  const page = await open(env);
  const vtt = await fixture('formats/teams.vtt');
  const data = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'meeting.vtt', { type: 'text/vtt' }));
    return dt;
  }, vtt);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
  assert.equal(await page.locator('#drop-overlay').isVisible(), true, 'the drop zone shows while dragging');
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('#transcript', 'drop', { dataTransfer: data });
  await nextAnalysis(page, 0);
  assert.equal(await page.locator('#drop-overlay').isVisible(), false);
  assert.equal(await page.getByRole('textbox', { name: 'Transcript' }).inputValue(), vtt);
  assert.deepEqual((await speakerNames(page)).sort(), ['Jane Roe', 'John Doe']);
  await tab(page, 'Summary');
  assert.match(await page.locator('#summary-table').textContent(), /Formatvtt/);
  assert.deepEqual(page.problems, []);
});

test('binary and non-UTF-8 files get a clear message and the text stays', async () => {
  const page = await open(env);
  await pasteAndWait(page, 'Alice: keep this text safe\nBob: please');
  const area = page.getByRole('textbox', { name: 'Transcript' });
  const cases = [
    ['report.pdf', 'application/pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'), /The PDF “report\.pdf” is damaged: it ends early \(the file is cut short\)\. Your text is unchanged\./],
    // A .zip is a corpus (corpus.test.mjs): one that holds nothing readable is said so, and the text stays.
    ['archive.zip', 'application/zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), /The corpus could not be analysed: no file could be read as a transcript \(“archive\.zip”: it holds no file, or is not a whole ZIP archive\)\. Your text is unchanged\./],
    ['photo.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /“photo\.png” looks like a PNG image, not a transcript\. Your text is unchanged\./],
    ['data.txt', 'text/plain', Buffer.from([0x41, 0x3a, 0x20, 0x68, 0x69, 0x00, 0x01, 0x02]), /“data\.txt” is binary, not text \(it contains NUL bytes\)\./],
    ['latin1.txt', 'text/plain', Buffer.from('Alice: caf\xe9 cr\xe8me', 'latin1'), /“latin1\.txt” is not valid UTF-8 text \(the first bad byte is at offset 10, line 1\)/],
  ];
  for (const [name, mimeType, buffer, message] of cases) {
    await page.locator('#file-input').setInputFiles({ name, mimeType, buffer });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    assert.equal(await area.inputValue(), 'Alice: keep this text safe\nBob: please', `the text survives ${name}`);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.equal(await analyses(page), 1, 'no bad file started an analysis');
  assert.deepEqual(await speakerNames(page), ['Alice', 'Bob']);
  assert.deepEqual(page.problems, []);
});

test('"Remember my text on this device" is opt-in, survives a reload and can be forgotten', async () => {
  const page = await open(env);
  await pasteAndWait(page, 'Alice: remember me please\nBob: fine');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing is stored unless asked');
  await page.getByLabel('Remember my text on this device').check();
  assert.equal(await page.evaluate(() => localStorage.getItem('colloquy.text')), 'Alice: remember me please\nBob: fine');

  await page.reload();
  await page.waitForSelector('body[data-state="done"]');
  assert.equal(await page.getByRole('textbox', { name: 'Transcript' }).inputValue(), 'Alice: remember me please\nBob: fine');
  assert.equal(await page.getByLabel('Remember my text on this device').isChecked(), true);
  assert.deepEqual(await speakerNames(page), ['Alice', 'Bob']);

  await page.getByRole('button', { name: 'Forget' }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('colloquy.text')), null);
  assert.equal(await page.getByLabel('Remember my text on this device').isChecked(), false);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getByRole('textbox', { name: 'Transcript' }).inputValue(), '');
  assert.deepEqual(page.problems, []);
});

test('clearing the text clears the results', async () => {
  const page = await open(env);
  await pasteAndWait(page, 'Alice: hello there\nBob: hi');
  assert.equal(await page.locator('#results').isVisible(), true);
  await paste(page, ' ');
  await page.locator('#results').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#empty').isVisible(), true);
  assert.deepEqual(page.problems, []);
});
