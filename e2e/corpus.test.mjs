// Corpus mode: many transcripts at once (files chosen together, a .zip), the progress of
// each file, the overview across documents, a document opened in the single-document views
// and back, bad files listed as skipped, file and speaker names as text, and 200 files of
// 100 KB with the page responsive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { start, open, nextAnalysis, analyses, downloaded } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const GUESTS = ['Anna Petrova', 'John Smith', 'Maria Lopez', 'Kenji Sato', 'Olu Ade', 'Ida Berg'];
const SUBJECTS = ['the budget', 'the harbour', 'the schools', 'the rail link', 'the elections', 'the water supply'];

/**
 * A briefing transcript in the `Name:` style: the Moderator in every one, one guest per
 * briefing, numbered lines so no two are alike, padded to about `bytes`.
 */
function transcript(i, { bytes = 3000, guest = GUESTS[i % GUESTS.length] } = {}) {
  const subject = SUBJECTS[i % SUBJECTS.length];
  const lines = [];
  for (let n = 0, size = 0; size < bytes; n++) {
    const line = n % 2 === 0
      ? `Moderator: Question ${n} on ${subject}. What will change for residents this year, and when?`
      : `${guest}: On ${subject}, answer ${n}: we expect the work on ${subject} to continue, and residents will see the first results in spring.`;
    lines.push(line, '');
    size += line.length + 2;
  }
  return lines.join('\n');
}

/** `count` transcripts as Playwright file payloads named by date. */
const files = (count, bytes) => Array.from({ length: count }, (_, i) => ({
  name: `briefing-2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}.txt`,
  mimeType: 'text/plain',
  buffer: Buffer.from(transcript(i, { bytes })),
}));

/** Records every state each file's row reaches (a MutationObserver set before the run). */
const watchStates = (page) => page.evaluate(() => {
  window.fileStates = new Set();
  new MutationObserver((records) => {
    for (const r of records) {
      const rows = r.type === 'attributes' ? [r.target]
        : [...r.addedNodes].flatMap((n) => (n instanceof Element ? [n, ...n.querySelectorAll('li[data-state]')] : []));
      for (const row of rows) if (row instanceof HTMLLIElement && row.dataset.state) window.fileStates.add(row.dataset.state);
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
});

/** Waits until the corpus run ends; returns its state. */
async function corpusDone(page, timeout = 60_000) {
  await page.waitForFunction(() => ['done', 'failed', 'cancelled'].includes(document.body.dataset.corpus), null, { timeout });
  return page.evaluate(() => document.body.dataset.corpus);
}

const documentRows = (page) => page.locator('#corpus-documents-table tbody tr');

test('ten files: progress per file, the overview, a document opened and back', async () => {
  const page = await open(env);
  await watchStates(page);
  const requested = page.requests.length;
  await page.locator('#file-input').setInputFiles(files(10, 3000));
  assert.equal(await corpusDone(page), 'done');
  // Nothing but the site's own modules (the corpus and reader workers) is requested.
  const during = page.requests.slice(requested).map((u) => new URL(u));
  assert.ok(during.every((u) => u.origin === env.origin && /\.js$/.test(u.pathname)), during.join('\n'));
  assert.deepEqual(await page.evaluate(() => [...window.fileStates].sort()), ['analysed', 'analysing', 'queued', 'reading']);
  assert.equal(await page.locator('#corpus-files li[data-state="analysed"]').count(), 10);
  assert.equal(await documentRows(page).count(), 10);
  assert.match(await page.locator('#corpus-documents-table tfoot').textContent(), /Total: 10 documents/);
  assert.equal(await page.locator('body').getAttribute('data-mode'), 'corpus');
  await assert.doesNotReject(page.getByText('The page keeps no text', { exact: false }).waitFor());

  // The Moderator speaks in every document.
  await page.getByRole('tab', { name: 'Speakers' }).click();
  const moderator = page.locator('#corpus-speakers-table tbody tr', { hasText: 'Moderator' });
  assert.equal((await moderator.locator('td').first().textContent()).trim(), '10');
  await page.locator('#corpus-speakers-chart svg').waitFor();
  const perDocument = await downloaded(page, () => page.getByRole('button', { name: 'CSV of every speaker in every document' }).click());
  assert.equal(perDocument.name, 'corpus-speakers-per-document.csv');
  const moderatorLines = perDocument.body.toString().split('\r\n').filter((l) => l.startsWith('Moderator,'));
  assert.equal(moderatorLines.length, 10);
  assert.match(moderatorLines[0], /^Moderator,briefing-2024-01-01\.txt,2024-01-01,,\d+,0\.\d{4},\d+$/);
  const documentsCsv = await downloaded(page, async () => {
    await page.getByRole('tab', { name: 'Documents', exact: true }).click();
    await page.getByRole('button', { name: 'CSV of the documents table' }).click();
  });
  const lines = documentsCsv.body.toString().trimEnd().split('\r\n');
  assert.equal(lines.length, 12, 'a header, ten documents and the totals');
  assert.match(lines[0], /^Document,Date,Group,Format,Language,Words,Speakers,Turns,Top terms$/);
  assert.match(lines[11], /^Total,/);

  // Trends: the most variable terms by default, typed terms on request.
  await page.getByRole('tab', { name: 'Trends' }).click();
  await page.locator('#corpus-trends-chart svg').waitFor();
  await page.locator('#corpus-trends-terms').fill('harbour, budget');
  await page.locator('#corpus-trends-terms').press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#corpus-trends-table tbody th')].map((c) => c.textContent).join() === 'harbour,budget');
  // Document frequency: the Moderator's words are in all ten.
  await page.getByRole('tab', { name: 'Document frequency' }).click();
  await page.locator('#corpus-frequency-terms tbody tr', { hasText: 'residents' }).waitFor();
  assert.match(await page.locator('#corpus-frequency-terms tbody tr', { hasText: 'residents' }).textContent(), /residents10/);
  // The concordance across documents names each line's document.
  await page.getByRole('tab', { name: 'Concordance' }).click();
  await page.locator('#corpus-kwic-query').fill('harbour');
  await page.locator('#corpus-kwic-query').press('Enter');
  await page.locator('#corpus-kwic-table tbody tr').first().waitFor();
  const kwicDocuments = await page.locator('#corpus-kwic-table tbody th').evaluateAll((cells) => new Set(cells.map((c) => c.textContent)).size);
  assert.equal(kwicDocuments, 2, 'the harbour is the subject of two briefings');

  // Open a document: the single-document views, then back.
  await page.getByRole('tab', { name: 'Documents', exact: true }).click();
  const before = await analyses(page);
  await page.locator('#corpus-documents-table tbody tr').nth(2).getByRole('button').click();
  await nextAnalysis(page, before);
  assert.equal(await page.locator('body').getAttribute('data-mode'), 'document');
  assert.ok(await page.locator('#results').isVisible());
  assert.ok(!(await page.locator('#corpus').isVisible()));
  assert.match(await page.locator('#status').textContent(), /Opened “briefing-2024-03-01\.txt”/);
  await page.getByRole('button', { name: /Back to the corpus/ }).click();
  assert.ok(await page.locator('#corpus').isVisible());
  assert.ok(!(await page.locator('#results').isVisible()));
  assert.equal(await documentRows(page).count(), 10);
  // New settings analyse the open document again, unseen: the corpus stays shown.
  const reported = await analyses(page);
  await page.getByText('Settings', { exact: true }).click();
  await page.locator('#set-stopwords').selectOption('none');
  await nextAnalysis(page, reported);
  assert.equal(await page.locator('body').getAttribute('data-mode'), 'corpus');
  assert.ok(await page.locator('#corpus-stale').isVisible());
  assert.deepEqual(page.problems, []);
});

test('a .zip of three transcripts; bad files are listed as skipped', async () => {
  const page = await open(env);
  const zip = zipSync({
    'hearings/2023/session-2023-05-01.txt': strToU8(transcript(1)),
    'hearings/2023/session-2023-06-01.txt': strToU8(transcript(2)),
    'hearings/2024/session-2024-01-15.txt': strToU8(transcript(3)),
    '__MACOSX/._session.txt': strToU8('resource fork'),
    'hearings/inner.zip': zipSync({ 'x.txt': strToU8(transcript(4)) }),
  });
  await page.locator('#file-input').setInputFiles([
    { name: 'hearings.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'noise.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
  ]);
  assert.equal(await corpusDone(page), 'done');
  assert.equal(await documentRows(page).count(), 3);
  const skipped = await page.locator('#corpus-files li[data-state="skipped"]').evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.equal(skipped.length, 3, skipped.join('\n'));
  assert.match(skipped.find((s) => s.includes('empty.txt')), /empty/);
  assert.match(skipped.find((s) => s.includes('noise.bin')), /binary|not a transcript|not valid/);
  assert.match(skipped.find((s) => s.includes('hearings.zip/hearings/inner.zip')), /an archive inside the archive is not opened/);
  assert.match(await page.locator('#corpus-run-status').textContent(), /Analysed 3 documents, 3 files skipped/);
  // Groups are the folders in the archive; dates come from the file names.
  assert.deepEqual(await documentRows(page).evaluateAll((rows) => rows.map((r) => [r.cells[1].textContent, r.cells[2].textContent])),
    [['2023-05-01', '2023'], ['2023-06-01', '2023'], ['2024-01-15', '2024']]);

  // Keyness: the 2023 folder against the rest.
  await page.getByRole('tab', { name: 'Keyness' }).click();
  await page.locator('#corpus-keyness-a-kind').selectOption('group');
  await page.locator('#corpus-keyness-a-group').selectOption('2023');
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.waitForFunction(() => /^2 documents .* against 1 document/.test(document.getElementById('corpus-keyness-hint').textContent));
  assert.ok(await page.locator('#corpus-keyness-key tbody tr').count() > 0);
  assert.deepEqual(await page.locator('#corpus-keyness-key thead th').allTextContents(),
    ['Term', 'Count', 'Reference', 'δ', 'z', 'G²', 'Log Ratio', 'p < 0.05 by'], 'the Distinctive words view\'s columns');

  // By a date range, against the documents chosen one by one.
  await page.locator('#corpus-keyness-a-kind').selectOption('dates');
  await page.locator('#corpus-keyness-a-from').fill('2024-01-01');
  await page.locator('#corpus-keyness-b-kind').selectOption('documents');
  await page.locator('#corpus-keyness-b-documents').selectOption(['0']);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.waitForFunction(() => /^1 document .* against 1 document/.test(document.getElementById('corpus-keyness-hint').textContent));

  // A document of the archive is read again from it.
  await page.getByRole('tab', { name: 'Documents', exact: true }).click();
  const before = await analyses(page);
  await documentRows(page).nth(1).getByRole('button').click();
  await nextAnalysis(page, before);
  assert.match(await page.locator('#status').textContent(), /session-2023-06-01\.txt/);
  assert.deepEqual(page.problems, []);
});

test('several files dropped on the page are a corpus', async () => {
  const page = await open(env);
  const data = await page.evaluateHandle((texts) => {
    const dt = new DataTransfer();
    texts.forEach((t, i) => dt.items.add(new File([t], `dropped-${i + 1}.txt`, { type: 'text/plain' })));
    return dt;
  }, [transcript(0), transcript(1), transcript(2)]);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('#transcript', 'drop', { dataTransfer: data });
  assert.equal(await corpusDone(page), 'done');
  assert.deepEqual(await documentRows(page).locator('th').allTextContents(), ['dropped-1.txt', 'dropped-2.txt', 'dropped-3.txt']);
  // New settings do not analyse the corpus again: it says so.
  assert.equal(await page.locator('#corpus-stale').isVisible(), false);
  await page.getByText('Settings', { exact: true }).click();
  await page.locator('#set-stopwords').selectOption('none');
  await page.locator('#corpus-stale').waitFor();
  assert.deepEqual(page.problems, []);
});

test('Open folder…: every file under it, grouped by the folder it is in', async () => {
  const page = await open(env);
  const dir = await mkdtemp(join(tmpdir(), 'colloquy-folder-'));
  try {
    for (const [i, path] of ['senate/hearing-2019-03-01.txt', 'senate/hearing-2019-04-01.txt', 'house/hearing-2019-03-15.txt'].entries()) {
      await mkdir(join(dir, 'hearings', path.split('/')[0]), { recursive: true });
      await writeFile(join(dir, 'hearings', path), transcript(i));
    }
    await page.locator('#folder-input').setInputFiles(join(dir, 'hearings'));
    assert.equal(await corpusDone(page), 'done');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const rows = await documentRows(page).evaluateAll((trs) => trs.map((r) => `${r.cells[0].textContent} ${r.cells[2].textContent}`).sort());
  assert.deepEqual(rows, ['hearing-2019-03-01.txt senate', 'hearing-2019-03-15.txt house', 'hearing-2019-04-01.txt senate']);
  assert.deepEqual(page.problems, []);
});

test('file names and speaker names are shown as text', async () => {
  // Labels end in `|| `, so a label can hold the payload (as in xss.test.mjs).
  const page = await open(env, { hash: `#label=${encodeURIComponent('^(?<speaker>[^|\\n]+)\\|\\| ')}` });
  const payload = '<img src=x onerror="window.__xss=1">';
  const hostile = `Moderator|| Welcome.\n${payload}|| I speak on the budget.\n${payload}|| And again on the budget.\n`;
  const zip = zipSync({ [`${payload}/${payload}.txt`]: strToU8('Moderator|| The budget from the archive.\n') });
  await page.locator('#file-input').setInputFiles([
    { name: `${payload}.txt`, mimeType: 'text/plain', buffer: Buffer.from(hostile) },
    { name: 'plain.txt', mimeType: 'text/plain', buffer: Buffer.from('Moderator|| Once again, the budget.\n') },
    { name: `${payload}.zip`, mimeType: 'application/zip', buffer: Buffer.from(zip) },
  ]);
  assert.equal(await corpusDone(page), 'done');
  assert.equal(await documentRows(page).count(), 3);
  assert.ok((await page.locator('#corpus-files').textContent()).includes(`${payload}.zip/${payload}/${payload}.txt`));
  assert.ok((await page.locator('#corpus-documents-table').textContent()).includes(payload), 'the archive\'s folder is a group, as text');
  await page.getByRole('tab', { name: 'Speakers' }).click();
  await page.locator('#corpus-speakers-table tbody tr', { hasText: payload }).waitFor();
  await page.getByRole('tab', { name: 'Concordance' }).click();
  await page.locator('#corpus-kwic-query').fill('again');
  await page.locator('#corpus-kwic-query').press('Enter');
  await page.locator('#corpus-kwic-table tbody tr').first().waitFor();
  assert.match(await page.locator('#corpus-kwic-table').textContent(), /<img src=x/);
  assert.ok(await page.locator('#corpus-documents-table').textContent().then((t) => t.includes(`${payload}.txt`)));
  assert.equal(await page.locator('#corpus img').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(page.problems, []);
});

test('Cancel stops a run: the files not yet read are listed as cancelled', async () => {
  const page = await open(env);
  // Cancel is clicked in the page as the third file is analysed, so the run cannot end first.
  await page.evaluate(() => new MutationObserver((_, observer) => {
    if (document.querySelectorAll('#corpus-files li[data-state="analysed"]').length < 3) return;
    observer.disconnect();
    document.getElementById('corpus-cancel').click();
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] }));
  await page.locator('#file-input').setInputFiles(files(60, 100_000));
  assert.equal(await corpusDone(page), 'cancelled');
  const analysed = await page.locator('#corpus-files li[data-state="analysed"]').count();
  assert.ok(analysed < 60);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#corpus-files li[data-state="analysed"]').count(), analysed, 'nothing more is analysed');
  assert.equal(await page.locator('#corpus-files li', { hasText: 'cancelled' }).count(), 60 - analysed);
  assert.match(await page.locator('#corpus-run-status').textContent(), /Cancelled/);
  assert.deepEqual(page.problems, []);
});

test('200 files of 100 KB: the page stays responsive and the corpus is read', async () => {
  const page = await open(env);
  // Long tasks after the file input's change: the task that dispatches it is Chromium's
  // making the 200 Files Playwright sets (100–240 ms here), and the page's handler only
  // schedules the run in it (corpus-run.js), which the tasks after it do.
  await page.evaluate(() => {
    window.longTasks = [];
    let changed = Infinity;
    document.getElementById('file-input').addEventListener('change', () => { changed = performance.now(); }, { capture: true, once: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= changed) window.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  // Files on disk: Playwright builds buffers given to it as Files in the page's own thread.
  const dir = await mkdtemp(join(tmpdir(), 'colloquy-corpus-'));
  try {
    const paths = [];
    for (const f of files(200, 100_000)) {
      paths.push(join(dir, f.name));
      await writeFile(paths.at(-1), f.buffer);
    }
    await page.locator('#file-input').setInputFiles(paths);
    assert.equal(await corpusDone(page, 120_000), 'done');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  assert.equal(await documentRows(page).count(), 200);
  const longest = Math.max(0, ...await page.evaluate(() => window.longTasks));
  const timing = await page.evaluate(() => document.body.dataset.corpusTiming);
  console.log(`200 × 100 KB: ${timing} ms; longest main-thread task ${longest.toFixed(0)} ms`);
  assert.ok(longest <= 200, `a main-thread task took ${longest} ms`);
  assert.deepEqual(page.problems, []);
});
