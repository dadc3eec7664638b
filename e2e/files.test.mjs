// Opening the files transcripts come in: every format the core's readers take, opened or
// dropped, gives the speakers, words and turns of the text it was made from, with the
// file's name and format shown; the readers' module loads only when a file is opened and
// the PDF module only when a PDF is, from the site itself; a hostile file leaves the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, pasteAndWait, nextAnalysis, analyses, tab } from './harness.mjs';
import { docx, paragraphs } from './zip.mjs';

let env;
let temp;
before(async () => {
  env = await start();
  temp = await mkdtemp(join(tmpdir(), 'colloquy-e2e-files-'));
});
after(async () => {
  await env?.close();
  await rm(temp, { recursive: true, force: true });
});

/**
 * Sets `buffer` as the file `name` on Open file…; files over Playwright's 50 MB limit for
 * buffers go through a file on disk.
 */
async function setFile(page, name, buffer, mimeType = '') {
  if (buffer.length < 40 * 2 ** 20) return page.locator('#file-input').setInputFiles({ name, mimeType, buffer });
  const path = join(temp, name);
  await writeFile(path, buffer);
  return page.locator('#file-input').setInputFiles(path);
}

const fixture = (name) => readFile(new URL(`../tests/fixtures/read/${name}`, import.meta.url));
const area = (page) => page.getByRole('textbox', { name: 'Transcript' });

/** Each speaker's row of the speakers table: name, words, turns (sorted by name). */
const speakers = (page) => page.locator('#speakers-table tbody tr').evaluateAll((rows) => rows
  .map((r) => {
    const cells = [...r.cells].map((c) => c.textContent.trim());
    return cells.join(' | ');
  })
  .sort());

/** The Summary tab's table (the tab is opened to read it, then Speakers again). */
async function summary(page) {
  await tab(page, 'Summary');
  const text = await page.locator('#summary-table').textContent();
  await tab(page, 'Speakers');
  return text;
}

/** Which of the readers' modules the page has requested so far. */
const modules = (page) => ({
  read: page.requests.some((u) => u.includes('/pkg/read/')),
  pdf: page.requests.some((u) => u.includes('/pkg/pdf/')),
});

/** Opens `buffer` as a file named `name` and waits for its analysis. */
async function openAndWait(page, name, buffer, mimeType = '') {
  const count = await analyses(page);
  await setFile(page, name, buffer, mimeType);
  await nextAnalysis(page, count);
}

test('every format opened gives the speakers of the text it was made from, and says what it was', async () => {
  const page = await open(env);
  assert.deepEqual(modules(page), { read: false, pdf: false }, 'no reader is loaded with the page');
  await pasteAndWait(page, (await fixture('talk.txt')).toString('utf8'));
  const pasted = await speakers(page);
  assert.equal(pasted.length, 3, pasted.join('\n'));
  assert.deepEqual(modules(page), { read: false, pdf: false }, 'nor for a paste');

  for (const [name, format, mime] of [
    ['talk.docx', 'a Word document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['talk.odt', 'an OpenDocument text', ''],
    ['talk.rtf', 'an RTF document', 'application/rtf'],
    ['talk.html', 'a web page', 'text/html'],
    ['whisperx.json', 'Whisper JSON', 'application/json'],
    ['talk.csv', 'a CSV table', 'text/csv'],
    ['talk.txt', null, 'text/plain'],
  ]) {
    await openAndWait(page, name, await fixture(name), mime);
    assert.deepEqual(await speakers(page), pasted, name);
    const status = await page.locator('#status').textContent();
    if (format) {
      assert.match(status, new RegExp(`^Opened “${name.replace('.', '\\.')}” \\([\\d.,]+ (?:bytes|KB|MB)\\), read as ${format}`), status);
      assert.match(await summary(page), new RegExp(`Opened file${name.replace('.', '\\.')} \\(${format}\\)`));
    } else {
      assert.match(status, /^Opened “talk\.txt” \([\d.,]+ (?:bytes|KB|MB)\)\. Analysed/, status);
    }
  }
  // The .docx's reader left out a comment, a tracked deletion, a footnote and a header: said.
  await openAndWait(page, 'talk.docx', await fixture('talk.docx'));
  assert.match(await page.locator('#status').textContent(), /\(left out 1 comment, 1 tracked deletion, 1 footnote and 1 header\)/);
  assert.deepEqual(modules(page), { read: true, pdf: false }, 'the PDF module is not loaded for other files');
  assert.ok(page.requests.every((u) => u.startsWith(env.url)), 'every request is for the site itself');
  assert.deepEqual(page.problems, []);
});

test('a pasted text is not credited to the file opened before it', async () => {
  const page = await open(env);
  await openAndWait(page, 'talk.docx', await fixture('talk.docx'));
  assert.match(await summary(page), /Opened file/);
  await pasteAndWait(page, 'Ann: something else entirely\nBob: yes');
  assert.doesNotMatch(await summary(page), /Opened file/);
  assert.deepEqual(page.problems, []);
});

test('hostile documents: a clear message, and the text on the page stays', async () => {
  const page = await open(env);
  const keep = 'Alice: keep this text safe\nBob: please';
  await pasteAndWait(page, keep);
  const talk = await fixture('talk.docx');
  const cases = [
    // The archive cut short: its directory is gone.
    ['cut.docx', talk.subarray(0, talk.length - 40), /^The \.docx file “cut\.docx” is damaged/],
    ['bomb.html', Buffer.from(`<html><body>${'<div>'.repeat(100_000)}Alice: hi`), /^The web page “bomb\.html” is too large to read: it is nested more than 256 levels deep\./],
    ['deep.json', Buffer.from(`${'['.repeat(100_000)}`), /^The JSON file “deep\.json” is too large to read: it is nested more than 256 levels deep\./],
    ['empty.docx', Buffer.alloc(0), /^“empty\.docx” is empty, so there is nothing to analyse\./],
    // A zip bomb: 257 MiB of text deflated into a few hundred KB stops at the entry limit.
    ['bomb.docx', docx(paragraphs(`Alice: ${'x'.repeat(257 * 2 ** 20)}`)),
      /^The \.docx file “bomb\.docx” is too large to read: its part word\/document\.xml holds over 256 MiB uncompressed\./],
    // 100 MB of JSON that is no transcript.
    ['numbers.json', Buffer.from(`[${'0,'.repeat(50 * 2 ** 20)}0]`), /^The JSON file “numbers\.json” is no transcript colloquy knows/],
  ];
  const count = await analyses(page);
  for (const [name, buffer, message] of cases) {
    await setFile(page, name, buffer);
    await page.getByRole('alert').waitFor();
    assert.match(await page.locator('#error-text').textContent(), message, name);
    assert.equal(await area(page).inputValue(), keep, `the text survives ${name}`);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.equal(await analyses(page), count, 'no bad file started an analysis');
  assert.deepEqual(page.problems, []);
});

test('a document declaring a billion laughs is read without expanding them', async () => {
  const page = await open(env);
  const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)];
  const file = docx(paragraphs('Alice: before &lol9; after\nBob: fine'), `<!DOCTYPE w:document [${entities.join('')}]>`);
  await openAndWait(page, 'laughs.docx', file);
  assert.equal(await area(page).inputValue(), 'Alice: before  after\nBob: fine\n');
  assert.deepEqual((await speakers(page)).map((row) => row.split(' | ')[0]), ['Alice', 'Bob']);
  assert.deepEqual(page.problems, []);
});

/**
 * A PDF of `text` printed by Chromium: a paragraph per line, with a running header (the
 * title) and a footer with page numbers, as a court's or a ministry's PDF has.
 */
async function printedPdf(text, title) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><style>body { font: 12pt serif; } p { margin: 0 0 0.6em; }</style><body></body>');
  await page.evaluate((lines) => {
    for (const line of lines) document.body.append(Object.assign(document.createElement('p'), { textContent: line }));
  }, text.split('\n').filter((line) => line.trim()));
  const pdf = await page.pdf({
    format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' }, displayHeaderFooter: true,
    headerTemplate: `<div style="font-size: 9pt; width: 100%; text-align: center">${title}</div>`,
    footerTemplate: '<div style="font-size: 9pt; width: 100%; text-align: center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
  });
  await context.close();
  return pdf;
}

test('a PDF printed by Chromium gives the speakers of its text; the PDF module loads only then', async () => {
  const seed = await readFile(new URL('../tests/fixtures/mfa-cis-press-conference-2024-04-12.txt', import.meta.url), 'utf8');
  const pdf = await printedPdf(seed, 'Press conference, Minsk');
  const page = await open(env);
  await pasteAndWait(page, seed);
  const pasted = await speakers(page);
  await openAndWait(page, 'talk.docx', await fixture('talk.docx'));
  assert.deepEqual(modules(page), { read: true, pdf: false }, 'not for a .docx');

  await openAndWait(page, 'briefing.pdf', pdf, 'application/pdf');
  assert.deepEqual(modules(page), { read: true, pdf: true });
  assert.deepEqual(await speakers(page), pasted);
  const status = await page.locator('#status').textContent();
  assert.match(status, /^Opened “briefing\.pdf” \([\d.,]+ (?:bytes|KB|MB)\), read as a PDF \(left out [^)]*page headers and footers/, status);
  assert.doesNotMatch(await area(page).inputValue(), /Press conference, Minsk|Page \d+ of \d+/, 'the running header and the page numbers are left out');
  assert.ok(page.requests.every((u) => u.startsWith(env.url)), 'every request is for the site itself');
  assert.deepEqual(page.problems, []);
});

test('a PDF with no text layer gets a clear message, and the text stays', async () => {
  const page = await open(env);
  const keep = 'Alice: keep this text safe\nBob: please';
  await pasteAndWait(page, keep);
  // A page that is one drawn image: Chromium prints it with no text at all.
  const context = await env.browser.newContext();
  const printer = await context.newPage();
  await printer.setContent('<!doctype html><body style="margin:0"><svg width="400" height="300"><rect width="400" height="300" fill="#888"/><circle cx="200" cy="150" r="80" fill="#222"/></svg></body>');
  const scan = await printer.pdf({ format: 'A4' });
  await context.close();
  await setFile(page, 'scan.pdf', scan, 'application/pdf');
  await page.getByRole('alert').waitFor();
  assert.match(await page.locator('#error-text').textContent(), /“scan\.pdf”.*no text layer/);
  assert.equal(await area(page).inputValue(), keep);
  assert.deepEqual(page.problems, []);
});

test('a document dropped on the page is read like one opened', async () => {
  const page = await open(env);
  const bytes = [...await fixture('talk.odt')];
  const count = await analyses(page);
  const data = await page.evaluateHandle((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], 'talk.odt', { type: 'application/vnd.oasis.opendocument.text' }));
    return dt;
  }, bytes);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('#transcript', 'drop', { dataTransfer: data });
  await nextAnalysis(page, count);
  assert.match(await page.locator('#status').textContent(), /^Opened “talk\.odt” \([\d.,]+ (?:bytes|KB|MB)\), read as an OpenDocument text/);
  assert.deepEqual((await speakers(page)).map((row) => row.split(' | ')[0]), ['Alice', 'Bob', 'Carol']);
  assert.deepEqual(page.problems, []);
});
