// The bad-input matrix at the page: every input gets a correct result or a clear,
// specific message — never a hang, never a lost text. Timings are printed as `# matrix: …`
// (they vary with the machine; the bounds asserted are only there to catch a hang).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open as openFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, paste, pasteAndWait, nextAnalysis, analyses, tab } from './harness.mjs';
import { MAX_FILE_BYTES, MAX_TEXT_UNITS } from '../site/files.js';
import { TOP_SPEAKERS } from '../site/charts.js';
import { facts } from '../pkg/node.js';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const KEEP = 'Alice: keep this text safe\nBob: please do';
const area = (page) => page.getByRole('textbox', { name: 'Transcript' });
const status = (page) => page.locator('#status').textContent();
const speakerNames = (page) => page.locator('#speakers-table tbody th').allTextContents();
const int = (n) => n.toLocaleString('en');
const figure = (what, ms) => console.log(`# matrix: ${what}: ${int(Math.round(ms))} ms`);

/** Waits for the alert and returns its text. */
async function alertText(page) {
  await page.getByRole('alert').waitFor();
  return page.locator('#error-text').textContent();
}

/** A path in the system's temporary folder, removed by `cleanup`. */
const temp = (name) => join(tmpdir(), `colloquy-e2e-${process.pid}-${name}`);

/** A sparse file of `bytes` zero bytes (no disk space used), for the size limit. */
async function sparseFile(path, bytes) {
  const handle = await openFile(path, 'w');
  await handle.truncate(bytes);
  await handle.close();
  return path;
}

/** Drops `file` (a File handle in the page) on the transcript, as a drag from the desktop would. */
async function dropFile(page, fileHandle) {
  const data = await page.evaluateHandle((file) => {
    const dt = new DataTransfer();
    dt.items.add(file);
    return dt;
  }, fileHandle);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('#transcript', 'drop', { dataTransfer: data });
}

/**
 * A File in the page, backed by the file at `path` on disk (so a 600 MB file costs no
 * memory): set on a file input the test adds, as the browser does for a real drag.
 */
async function diskFile(page, path) {
  const input = await page.evaluateHandle(() => {
    const el = document.createElement('input');
    el.type = 'file';
    el.hidden = true;
    el.dataset.test = 'drop-source';
    document.body.append(el);
    return el;
  });
  await input.setInputFiles(path);
  return page.evaluateHandle((el) => el.files[0], input);
}

test('the page\'s size limit is the wasm limit, and a file at the limit is within it', async () => {
  assert.equal(MAX_TEXT_UNITS, facts().maxAnalyseUnits, 'site/files.js MAX_TEXT_UNITS = the package\'s maxAnalyseUnits (what Document.load accepts)');
  assert.equal(MAX_FILE_BYTES, MAX_TEXT_UNITS, 'a UTF-8 file of n bytes decodes to at most n UTF-16 units');
});

test('empty input: the prompt; white space only: a message; no letters: a message', async () => {
  const page = await open(env);
  await pasteAndWait(page, KEEP);
  // Emptied by typing: the results go and the prompt comes back.
  await area(page).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.locator('#results').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#empty').isVisible(), true);
  assert.match(await page.locator('#empty').textContent(), /Paste a transcript, drop a file, or try an example\./);
  assert.equal(await status(page), '');

  for (const blank of [' ', '\n\n\t  \r\n', '\u00a0\u2003\u3000\ufeff\u2028']) {
    await pasteAndWait(page, KEEP);
    await paste(page, blank);
    await page.waitForFunction(() => document.getElementById('status').textContent === 'The transcript is only white space.');
    assert.equal(await page.locator('#results').isVisible(), false, `no results for ${JSON.stringify(blank)}`);
    assert.equal(await area(page).inputValue(), blank.replace(/\r\n?/g, '\n'), 'the white space is what the textarea holds');
  }

  for (const [text, what] of [['\u200b\u200d\u200b', 'zero-width characters'], ['!!! ??? ... --- ***', 'punctuation']]) {
    await pasteAndWait(page, text);
    assert.match(await status(page), /^Analysed 0 words, 1 speaker in [\d,]+ ms\. No words of speech were found: the text has no letters or digits\.$/, what);
    assert.equal(await page.locator('#speakers-chart').textContent(), 'No words of speech were found: the text has no letters or digits.');
    await tab(page, 'Terms');
    assert.equal(await page.locator('#terms-chart').textContent(), 'No words of speech were found: the text has no letters or digits.');
    await tab(page, 'Speakers');
  }

  // Empty and blank files: a message, and the text stays.
  await pasteAndWait(page, KEEP);
  const count = await analyses(page);
  for (const [name, content, message] of [
    ['empty.txt', '', '“empty.txt” is empty, so there is nothing to analyse. Your text is unchanged.'],
    ['blank.txt', ' \n\t\n  \n', '“blank.txt” contains only white space (7 characters), so there is nothing to analyse. Your text is unchanged.'],
  ]) {
    await page.locator('#file-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(content) });
    assert.equal(await alertText(page), message);
    assert.equal(await area(page).inputValue(), KEEP);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.equal(await analyses(page), count, 'no analysis for an empty file');
  assert.deepEqual(await speakerNames(page), ['Alice', 'Bob']);
  assert.deepEqual(page.problems, []);
});

test('10,000 distinct speakers: every view responds, long lists are capped and say so', async () => {
  const page = await open(env);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const name = (i) => `Delegate ${letters[Math.floor(i / 676) % 26].toUpperCase()}${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}`;
  const text = Array.from({ length: 10_000 }, (_, i) => `${name(i)}: statement number ${i} about the budget\n`).join('');
  let t = Date.now();
  await pasteAndWait(page, text);
  figure('10,000 speakers, paste to views', Date.now() - t);
  assert.match(await status(page), /^Analysed 60,000 words, 10,000 speakers in [\d,]+ ms\.$/);

  // Speakers: 200 table rows of 10,000, ranked bars of the top speakers and one of the others, 100 edit rows.
  const names = await speakerNames(page);
  assert.equal(names.length, 200);
  assert.deepEqual(names.slice(0, 3), [name(0), name(1), name(2)], 'equal words: first appearance first');
  assert.match(await page.locator('#speakers-table caption').textContent(), /\(the first 200 of 10,000 rows\)$/);
  assert.equal(await page.locator('#speakers-more').textContent(), 'Show all 10,000 speakers');
  const share = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(((10_000 - TOP_SPEAKERS) * 6 / 60_000) * 100);
  assert.deepEqual(await page.locator('#speakers-chart g[aria-label="y-axis tick label"] text').allTextContents(),
    [...Array.from({ length: TOP_SPEAKERS }, (_, i) => name(i)), `${int(10_000 - TOP_SPEAKERS)} other speakers`]);
  assert.equal(await page.locator('#speakers-chart').getAttribute('aria-label'),
    `Bar chart of the share of all words by speaker, the ${TOP_SPEAKERS} with the most words and the others as one bar: ${Array.from({ length: TOP_SPEAKERS }, (_, i) => `${name(i)} 0.0%`).join(', ')}, ${int(10_000 - TOP_SPEAKERS)} other speakers ${share}%`);
  assert.equal(await page.locator('#speaker-edit > li').count(), 100);
  assert.equal(await page.locator('#speaker-edit-note').textContent(), 'Showing the 100 speakers with the most words, of 10,000. Type a name to find the others.');

  // Find one of the others and merge it into another by typing its name.
  const last = name(9999);
  await page.getByLabel('Find a speaker').fill(last);
  await page.waitForFunction(() => document.querySelectorAll('#speaker-edit > li').length === 1);
  assert.equal(await page.locator('#speaker-edit-note').textContent(), `1 of 10,000 speakers match “${last}”.`);
  await page.getByLabel(`Merge ${last} into`).fill('Nobody Here');
  await page.getByLabel(`Merge ${last} into`).press('Enter');
  assert.match(await page.getByLabel(`Merge ${last} into`).evaluate((el) => el.validationMessage), /^No speaker is called “Nobody Here”/);
  assert.equal(await analyses(page), 1, 'an unknown name merges nothing');
  t = Date.now();
  const before = await analyses(page);
  await page.getByLabel(`Merge ${last} into`).fill(name(0));
  await page.getByLabel(`Merge ${last} into`).press('Enter');
  await nextAnalysis(page, before);
  figure('10,000 speakers, merge one and re-analyse', Date.now() - t);
  assert.match(await status(page), /^Analysed 60,000 words, 9,999 speakers/);
  assert.equal((await speakerNames(page))[0], name(0), 'the merged speaker now has the most words');
  assert.equal(await page.locator('#speakers-table tbody tr').first().locator('td').first().textContent(), '12');
  assert.deepEqual(await page.locator('#alias-list li span').allTextContents(), [`${last} → ${name(0)}`]);

  // Every other view draws within seconds, with its caps said.
  const views = {};
  for (const view of ['Terms', 'Phrases', 'Distinctive words', 'Collocations', 'Dispersion', 'Dynamics', 'Summary', 'Speakers']) {
    t = Date.now();
    await tab(page, view);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    views[view] = Date.now() - t;
  }
  console.log(`# matrix: 10,000 speakers, tab switches (ms): ${JSON.stringify(views)}`);
  await tab(page, 'Terms');
  assert.match(await page.locator('#terms-table-note').textContent(), /Columns for the 20 speakers with the most words \(of 9,999\)\./);
  assert.equal(await page.locator('#terms-table thead th').count(), 3 + 20);
  await page.getByLabel('Split by speaker').check();
  assert.deepEqual(await page.locator('#terms-legend li').allTextContents(), [...Array.from({ length: 7 }, (_, i) => name(i)), '9,992 other speakers']);
  await tab(page, 'Phrases');
  const chips = await page.locator('#phrases-table tbody tr').first().locator('.chip').allTextContents();
  assert.equal(chips.length, 6);
  assert.match(chips[5], /^\+[\d,]+ more$/);
  await tab(page, 'Dynamics');
  await page.locator('#dynamics-transitions-chart svg').waitFor();
  assert.match(await page.locator('#dynamics-transitions-note').textContent(), /The 15 speakers with the most words are shown \(of 9,999\)\. The CSV has every pair\./);
  assert.equal(await page.locator('#dynamics-speakers-table tbody tr').count(), 200);
  assert.equal(await page.locator('#dynamics-speakers-more').textContent(), 'Show all 9,999 speakers');
  assert.match(await page.locator('#dynamics-time-legend').textContent(), /9,984 other speakers$/);
  await tab(page, 'Dispersion');
  await page.locator('#dispersion-chart svg').waitFor();
  assert.match(await page.locator('#dispersion-table caption').textContent(), /Columns for the 20 speakers with the most words \(of 9,999\)\.$/);
  await tab(page, 'Summary');
  assert.equal(await page.locator('#speaker-stats-table tbody tr').count(), 200);
  // After the merge one label is used twice, so the core flags each of the 9,998 labels used
  // once: the list shows 100 of them (10,000 buttons there slowed the whole panel tenfold).
  const diagnostics = Number(await page.locator('#diag-count').textContent());
  assert.ok(diagnostics >= 9998, `${diagnostics} diagnostics`);
  assert.equal(await page.locator('#diagnostics > li').count(), 101);
  assert.equal(await page.locator('#diagnostics > li').last().textContent(), `The first 100 of ${int(diagnostics)} diagnostics (the CSV has them all).`);
  assert.equal(await page.locator('#diagnostics-more').textContent(), `Show all ${int(diagnostics)} diagnostics`);
  t = Date.now();
  assert.equal(await page.locator('#speaker-stats-more').textContent(), 'Show all 9,999 speakers');
  // Clicked and timed in the page, up to the next frame drawn. (Playwright's role query
  // over 10,000 rows would take it tens of seconds itself.)
  const showAllMs = await page.evaluate(async () => {
    const t0 = performance.now();
    document.getElementById('speaker-stats-more').click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return performance.now() - t0;
  });
  assert.equal(await page.locator('#speaker-stats-table tbody tr').count(), 9999);
  figure('10,000 speakers, Show all 9,999 rows of the by-speaker table (in the page)', showAllMs);
  assert.deepEqual(page.problems, []);
});

test('a label line repeated 100,000 times with no text: zero words, said plainly; the text stays editable', { timeout: 180_000 }, async () => {
  const page = await open(env);
  for (const [text, turns, speakers] of [['Alice:\n'.repeat(100_000), '1 turn', ['Alice']], ['Alice:\nBob:\n'.repeat(50_000), '100,000 turns', ['Alice', 'Bob']]]) {
    const t = Date.now();
    await pasteAndWait(page, text);
    figure(`${int(text.split('\n').length - 1)} bare label lines (${speakers.join(', ')}), paste to views`, Date.now() - t);
    const reason = `No words of speech were found: the text holds only speaker labels (${turns} with nothing said).`;
    assert.match(await status(page), new RegExp(`^Analysed 0 words, ${speakers.length} speakers? in [\\d,]+ ms\\. ${reason.replace(/[().]/g, '\\$&')}$`));
    assert.equal(await area(page).inputValue(), text, 'the whole text is kept');
    // Selecting it all (to replace it) stays quick: a closed <details> used to make this
    // quadratic in the lines in Chromium (20,000 lines: 114 s), see style.css.
    const selectMs = await area(page).evaluate(async (ta) => {
      ta.focus();
      ta.setSelectionRange(0, 0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const t0 = performance.now();
      ta.select();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      return performance.now() - t0;
    });
    figure(`select all of ${int(text.split('\n').length - 1)} lines`, selectMs);
    assert.ok(selectMs < 5000, `select all took ${selectMs} ms`);
    assert.deepEqual(await speakerNames(page), speakers);
    assert.equal(await page.locator('#speakers-chart').textContent(), reason);
    await tab(page, 'Terms');
    assert.equal(await page.locator('#terms-chart').textContent(), reason);
    await tab(page, 'Speakers');
  }
  assert.deepEqual(page.problems, []);
});

test('a transcript that is all stage directions: zero words, the directions listed', async () => {
  const page = await open(env);
  const text = ['(APPLAUSE)', '[crosstalk]', '(LAUGHTER)', '[inaudible 00:12]', '(Speaking in French)'].join('\n').concat('\n').repeat(3);
  await pasteAndWait(page, text);
  const reason = 'No words of speech were found: the text holds only stage directions (15 left out; see Summary).';
  // No speech, so no speaker: not even the (unattributed) pseudo-speaker with 0 words.
  assert.match(await status(page), /^Analysed 0 words, 0 speakers in [\d,]+ ms\. /);
  assert.ok((await status(page)).endsWith(reason));
  assert.equal(await page.locator('#speakers-chart').textContent(), reason);
  for (const [view, where] of [['Terms', '#terms-chart'], ['Phrases', '#phrases-note'], ['Distinctive words', '#distinctive-chart'], ['Collocations', '#colloc-note'], ['Dispersion', '#dispersion-chart']]) {
    await tab(page, view);
    assert.equal(await page.locator(where).textContent(), reason, view);
  }
  await tab(page, 'Summary');
  const kinds = await page.locator('#directions-table tbody tr').evaluateAll((rows) => rows.map((r) => `${r.cells[0].textContent} ${r.cells[1].textContent}`));
  assert.deepEqual(kinds.sort(), ['applause 3', 'crosstalk 3', 'inaudible 3', 'laughter 3', 'speaking in french 3']);
  assert.deepEqual(page.problems, []);
});

test('a transcript of stopwords only: no terms, the reason and the remedy; the remedy works', async () => {
  const page = await open(env);
  await pasteAndWait(page, 'Alice: the and of to a in it is\nBob: it is the of and to a\n');
  assert.match(await status(page), /^Analysed 15 words, 2 speakers in [\d,]+ ms\.$/);
  await tab(page, 'Terms');
  const reason = 'No terms to show: every word is a stopword (the English list) or a number. Set Stopwords to “None (keep every word)” in Settings to count the stopwords.';
  assert.equal(await page.locator('#terms-chart').textContent(), reason);
  await tab(page, 'Dispersion');
  assert.equal(await page.locator('#dispersion-chart').textContent(), `${reason} You can still type terms to plot.`);
  const before = await analyses(page);
  await page.getByText('Settings', { exact: true }).click();
  await page.getByLabel('Stopwords', { exact: true }).selectOption('none');
  await nextAnalysis(page, before);
  await tab(page, 'Terms');
  const terms = await page.locator('#terms-chart [aria-label="y-axis tick label"] text').allTextContents();
  assert.deepEqual(terms.slice(0, 6).sort(), ['a', 'and', 'is', 'it', 'of', 'the'].sort(), terms.join(' '));
  assert.deepEqual(page.problems, []);
});

test('binary and non-UTF-8 files, opened or dropped: a message naming the problem, and the text stays', async () => {
  const page = await open(env);
  await pasteAndWait(page, KEEP);
  const ascii = Buffer.from('Alice: '.padEnd(100_000, 'x'));
  const cases = [
    ['notes.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), /^The \.docx file “notes\.docx” is damaged: its archive ends early/],
    ['scan.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), /^“scan\.jpg” looks like a JPEG image, not a transcript\./],
    ['minutes.txt.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), /^“minutes\.txt\.gz” looks like a gzip archive, not a transcript\./],
    ['utf16.txt', Buffer.from('\ufeffAlice: hi', 'utf16le'), /^“utf16\.txt” is UTF-16 text, not UTF-8: save it as UTF-8 and open it again\. Your text is unchanged\.$/],
    ['truncated.txt', Buffer.concat([Buffer.from('Alice: caf'), Buffer.from([0xc3])]), /^“truncated\.txt” is not valid UTF-8 text \(the first bad byte is at offset 10, line 1\)/],
    ['surrogate.txt', Buffer.concat([Buffer.from('Alice: '), Buffer.from([0xed, 0xa0, 0x80])]), /^“surrogate\.txt” is not valid UTF-8 text \(the first bad byte is at offset 7, line 1\)/],
    ['overlong.txt', Buffer.concat([Buffer.from('A: '), Buffer.from([0xc0, 0xaf])]), /^“overlong\.txt” is not valid UTF-8 text \(the first bad byte is at offset 3, line 1\)/],
    ['late.txt', Buffer.concat([ascii, Buffer.from([0xff, 0x41])]), /^“late\.txt” is not valid UTF-8 text \(the first bad byte is at offset 100000, line 1\): it may be in another encoding, such as Windows-1252/],
  ];
  const count = await analyses(page);
  for (const [i, [name, buffer, message]] of cases.entries()) {
    const how = i % 2 ? 'dropped' : 'opened';
    if (how === 'opened') {
      await page.locator('#file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    } else {
      const file = await page.evaluateHandle(([n, bytes]) => new File([new Uint8Array(bytes)], n), [name, [...buffer]]);
      await dropFile(page, file);
    }
    assert.match(await alertText(page), message, `${name} (${how})`);
    assert.equal(await area(page).inputValue(), KEEP, `the text survives ${name} (${how})`);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.equal(await analyses(page), count, 'no bad file started an analysis');
  assert.deepEqual(await speakerNames(page), ['Alice', 'Bob']);
  assert.deepEqual(page.problems, []);
});

test('a .vtt with broken timings: the cues are counted and each problem is a diagnostic', async () => {
  const page = await open(env);
  const vtt = [
    'WEBVTT', '',
    '1', '00:00:01.000 --> 00:00:04.000', '<v Alice>Hello everyone and welcome to the budget hearing.', '',
    '2', '00:00:05.000 --> garbage', '<v Bob>Thanks Alice, glad to be here for the budget.', '',
    '3', '00:00:0x.000 --> 00:00:09.000', '<v Alice>Let us start with the budget then.', '',
    '<v Bob>A line with no timing at all before it.', '',
  ].join('\n');
  await page.locator('#file-input').setInputFiles({ name: 'broken.vtt', mimeType: 'text/vtt', buffer: Buffer.from(vtt) });
  await nextAnalysis(page, 0);
  // 8 + 9 + 7 + 9 words: every cue's text is counted, broken timing or not.
  assert.match(await status(page), new RegExp(`^Opened “broken\\.vtt” \\(${Buffer.byteLength(vtt)} bytes\\)\\. Analysed 33 words, 2 speakers in [\\d,]+ ms\\.$`));
  assert.deepEqual((await speakerNames(page)).sort(), ['Alice', 'Bob']);
  assert.equal(await area(page).inputValue(), vtt);
  assert.equal(await page.locator('#diag-count').textContent(), '3');
  await tab(page, 'Summary');
  assert.match(await page.locator('#summary-table').textContent(), /Formatvtt/);
  const diagnostics = await page.locator('#diagnostics li').allTextContents();
  assert.deepEqual(diagnostics.map((d) => d.replace(/ Show in transcript$/, '')), [
    'malformed-cue malformed cue timing; the cue text is still counted',
    'malformed-cue malformed cue timing; the cue text is still counted',
    'malformed-cue caption text outside a cue (no timing line before it); counted as speech',
  ]);
  await page.locator('#diagnostics li').first().getByRole('button', { name: 'Show in transcript' }).click();
  assert.equal(await area(page).evaluate((ta) => ta.value.slice(ta.selectionStart, ta.selectionEnd)), '00:00:05.000 --> garbage');
  assert.deepEqual(page.problems, []);
});

test('a single 50 MB line: analysed (every word counted) and searchable', async () => {
  const page = await open(env);
  const path = temp('one-line-50mb.txt');
  try {
    // Deterministic words (letters only), sentences of 17, no line break anywhere.
    const words = 'budget council session treaty minister partner summit delegation economy security energy transport border customs agreement cooperation region capital market'.split(' ');
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const parts = [];
    const counts = new Map();
    let length = 0;
    for (let n = 0; length < 50 * 2 ** 20; n++) {
      const w = words[Math.floor(random() * words.length)];
      const piece = `${w}${n % 17 === 16 ? '.' : ''} `;
      if (length + piece.length > 50 * 2 ** 20) break;
      parts.push(piece);
      counts.set(w, (counts.get(w) ?? 0) + 1);
      length += piece.length;
    }
    await writeFile(path, parts.join(''));
    const tokens = parts.length;
    const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];

    const t = Date.now();
    await page.locator('#file-input').setInputFiles(path);
    await nextAnalysis(page, 0, 300_000);
    figure('50 MB single line, open to views', Date.now() - t);
    assert.match(await status(page), new RegExp(`^Opened “${path.split('/').pop().replace(/[.]/g, '\\.')}” \\([\\d.]+ MB\\)\\. Analysed ${int(tokens)} words, 1 speaker in [\\d,]+ ms\\.`));
    assert.match(await page.locator('#large-text').textContent(), new RegExp(`^Large transcript \\([\\d.]+ MB\\): showing characters 1–50,000 of ${int(length)}\\.`));
    await tab(page, 'Terms');
    assert.equal((await page.locator('#terms-chart [aria-label="y-axis tick label"] text').allTextContents())[0], top[0]);
    assert.match(await page.locator('#terms-chart').getAttribute('aria-label'), new RegExp(`: ${top[0]} ${top[1]}, `));
    await page.waitForFunction(() => document.body.dataset.indexed === 'true', null, { timeout: 300_000 });
    figure('50 MB single line, open to searchable', Date.now() - t);
    await page.getByLabel('Find in context').fill(top[0]);
    await page.getByLabel('Find in context').press('Enter');
    await page.waitForFunction(() => /^[\d,]+\+? occurrences?/.test(document.getElementById('kwic-note').textContent));
    assert.equal(await page.locator('#kwic-note').textContent(), '1,000+ occurrences (the first 1000).');
    assert.equal(await page.locator('#kwic-list > li').count(), 1000);
  } finally {
    await rm(path, { force: true });
  }
  assert.deepEqual(page.problems, []);
});

test('a 600 MB file, opened or dropped, is refused before it is read, and the text stays', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  // Every way a page can read a Blob's bytes, counted.
  await context.addInitScript(() => {
    window.reads = [];
    for (const [proto, names] of [[Blob.prototype, ['arrayBuffer', 'text', 'stream', 'bytes']], [FileReader.prototype, ['readAsArrayBuffer', 'readAsText', 'readAsDataURL', 'readAsBinaryString']]]) {
      for (const name of names) {
        const original = proto[name];
        if (typeof original !== 'function') continue;
        proto[name] = function read(...args) {
          window.reads.push({ name, size: (this instanceof Blob ? this : args[0])?.size });
          return original.apply(this, args);
        };
      }
    }
  });
  const page = await open(env, { context });
  const huge = await sparseFile(temp('huge-600mb.txt'), 600 * 2 ** 20);
  const atLimit = await sparseFile(temp('at-limit.txt'), MAX_FILE_BYTES);
  const overLimit = await sparseFile(temp('over-limit.txt'), MAX_FILE_BYTES + 1);
  try {
    await pasteAndWait(page, KEEP);
    const count = await analyses(page);
    const limit = `over this page's limit of ${int(MAX_FILE_BYTES / 2 ** 20)} MB (${int(MAX_FILE_BYTES)} bytes), so it was not opened and your text is unchanged. Analyse it on your computer with the command-line tool instead: colloquy analyse`;
    const base = (p) => p.split('/').pop();

    let t = Date.now();
    await page.locator('#file-input').setInputFiles(huge);
    assert.equal(await alertText(page), `“${base(huge)}” is 600 MB (629,145,600 bytes), ${limit} ${base(huge)}`);
    figure('600 MB file opened, to the message', Date.now() - t);
    assert.equal(await page.getByRole('alert').isVisible(), true);
    assert.equal(await area(page).inputValue(), KEEP);
    assert.deepEqual(await page.evaluate(() => window.reads), [], 'not a byte read');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    t = Date.now();
    await dropFile(page, await diskFile(page, huge));
    assert.equal(await alertText(page), `“${base(huge)}” is 600 MB (629,145,600 bytes), ${limit} ${base(huge)}`);
    figure('600 MB file dropped, to the message', Date.now() - t);
    assert.equal(await area(page).inputValue(), KEEP);
    assert.deepEqual(await page.evaluate(() => window.reads), [], 'not a byte read');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // The limit is inclusive: one byte over is refused unread; at the limit the file is read
    // (this one is all zero bytes, so it is then refused as binary).
    await page.locator('#file-input').setInputFiles(overLimit);
    assert.equal(await alertText(page), `“${base(overLimit)}” is 256 MB (${int(MAX_FILE_BYTES + 1)} bytes), ${limit} ${base(overLimit)}`);
    assert.deepEqual(await page.evaluate(() => window.reads), []);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    t = Date.now();
    await page.locator('#file-input').setInputFiles(atLimit);
    assert.match(await alertText(page), /^“colloquy-e2e-\d+-at-limit\.txt” is binary, not text \(it contains NUL bytes\)\./);
    figure(`${int(MAX_FILE_BYTES)}-byte file (at the limit), read and refused as binary`, Date.now() - t);
    assert.deepEqual(await page.evaluate(() => window.reads), [{ name: 'arrayBuffer', size: MAX_FILE_BYTES }]);
    assert.equal(await area(page).inputValue(), KEEP);
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // A paste over the limit (in characters) is refused before it replaces the text.
    await page.evaluate((n) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'x'.repeat(n));
      const ta = document.getElementById('transcript');
      ta.focus();
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, MAX_TEXT_UNITS + 1);
    assert.equal(await alertText(page), `This text is ${int(MAX_TEXT_UNITS + 1)} characters long, over this page's limit of ${int(MAX_TEXT_UNITS)} characters, so it was not pasted and your text is unchanged. Save it as a file and analyse it on your computer with the command-line tool instead: colloquy analyse transcript.txt`);
    assert.equal(await area(page).inputValue(), KEEP);

    assert.equal(await analyses(page), count, 'nothing was analysed');
    assert.deepEqual(await speakerNames(page), ['Alice', 'Bob'], 'the results stay');
  } finally {
    await Promise.all([huge, atLimit, overLimit].map((p) => rm(p, { force: true })));
    await context.close();
  }
  assert.deepEqual(page.problems, []);
});
