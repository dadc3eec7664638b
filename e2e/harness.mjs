// Shared set-up for the browser end-to-end tests: serve site/ under a sub-path on
// 127.0.0.1, drive Debian's Chromium with playwright-core, and record anything that
// must fail a test (console errors, page errors, requests to another origin).
import { mkdir, readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

export const BASE = '/sub/dir/';
const CHROME = process.env.CHROME_BIN || '/usr/bin/chromium';
export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
export const SEED = await readFile(new URL('../tests/fixtures/mfa-cis-press-conference-2024-04-12.txt', import.meta.url), 'utf8');
export const fixture = (path) => readFile(new URL(`../tests/fixtures/${path}`, import.meta.url), 'utf8');

/**
 * Starts the server and the browser. Call `close()` when done. `site: 'site-test'` serves
 * the page built on the test variant of the package (`make site-test`: the `__testPanic` export);
 * `dir` serves any other folder (the bench compares two builds).
 */
export async function start({ site = 'site', dir = new URL(`../${site}`, import.meta.url).pathname } = {}) {
  const server = await serve({ dir, port: 0, base: BASE });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    url: origin + BASE,
    origin,
    browser,
    server, // the http.Server: every request for the site that reaches the network arrives here
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Opens a page (in a fresh context) and records problems in `page.problems` and every
 * request the page or its workers make in `page.requests`. Waits until the page is
 * wired up and, unless `engine: false`, until the analysis worker is ready.
 */
export async function open(env, { width = 1280, height = 900, hash = '', engine = true, colorScheme = 'light', context: reuse } = {}) {
  const context = reuse ?? await env.browser.newContext({
    viewport: { width, height }, acceptDownloads: true, colorScheme,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    page.requests.push(req.url());
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== env.origin) {
      page.problems.push(`request to another origin: ${req.url()}`);
    }
  });
  page.on('dialog', (dialog) => {
    page.problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.goto(env.url + hash);
  await page.waitForSelector('body[data-ready="true"]');
  if (engine) await page.waitForSelector('body[data-engine="ready"]');
  return page;
}

/** How many analyses the page has shown so far. */
export const analyses = (page) => page.evaluate(() => Number(document.body.dataset.analyses ?? 0));

/** Waits until the page shows more than `count` analyses (default: the count now). */
export async function nextAnalysis(page, count, timeout = 30_000) {
  const before = count ?? await analyses(page);
  // The speaker editor is drawn after the frame that shows the speakers view (`data-editor`).
  await page.waitForFunction((n) => Number(document.body.dataset.analyses ?? 0) > n && document.body.dataset.state === 'done'
    && document.body.dataset.editor !== 'pending', before, { timeout });
}

/** Pastes `text` into the transcript through the real clipboard (Ctrl+V). */
export async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const area = page.getByRole('textbox', { name: 'Transcript' });
  await area.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** Pastes and waits for the analysis. */
export async function pasteAndWait(page, text) {
  const before = await analyses(page);
  await paste(page, text);
  await nextAnalysis(page, before);
}

/** Sets the transcript as a paste would (for texts too big for the clipboard), without waiting. */
export async function setText(page, text, inputType = 'insertFromPaste') {
  await page.evaluate(([t, type]) => {
    const area = document.getElementById('transcript');
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: type }));
  }, [text, inputType]);
}

/** Clicks a results tab. */
export async function tab(page, name) {
  await page.getByRole('tab', { name }).click();
}

/** Saves a screenshot under e2e/artifacts/. */
export async function screenshot(page, name, options = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, ...options });
}

/** Runs `action` and returns the file it downloads: { name, body (Buffer) }. */
export async function downloaded(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
}

/**
 * Builds, in the page, a transcript of at least `units` UTF-16 units from the seed's
 * paragraphs, re-labelled with six speakers and numbered (so it is not one repeated
 * block), as `globalThis[name]`. Returns its length.
 */
export function makeBigText(page, units, name = 'bigText') {
  return page.evaluate(([seed, n, key]) => {
    const paragraphs = seed.split(/\n\s*\n/).filter((p) => p.trim().length > 40 && !/[\u0400-\u04ff]/.test(p));
    const names = ['Anna Petrova', 'Question', 'Sergey Lavrov', 'Moderator', 'John Smith', 'Maria Zakharova'];
    const parts = [];
    let length = 0;
    for (let i = 0; length < n; i++) {
      const body = paragraphs[i % paragraphs.length].replace(/^[^:\n]{1,40}: /, '');
      const p = `${names[(i * 7 + (i >> 3)) % names.length]}: (${i}) ${body}\n\n`;
      parts.push(p);
      length += p.length;
    }
    globalThis[key] = parts.join('');
    return globalThis[key].length;
  }, [SEED, units, name]);
}

/** Pastes `globalThis[name]` (see makeBigText) through a paste event carrying it. */
export async function pasteEvent(page, name = 'bigText') {
  await page.evaluate((key) => {
    const text = globalThis[key];
    const area = document.getElementById('transcript');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, name);
}

/** RFC 4180 CSV → rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The page's current analysis worker (the last one started). */
export function analysisWorker(page) {
  const workers = page.workers().filter((w) => w.url().endsWith('/worker.js'));
  if (!workers.length) throw new Error('the analysis runs in a worker, and there is none');
  return workers.at(-1);
}

/**
 * Makes every progress report of a big text's reading in the current worker take 150 ms
 * longer, so the analysis is still running when the test presses Cancel, however fast the
 * core is. Cancel replaces the worker, and the next one runs at full speed.
 */
export async function slowReads(page) {
  await analysisWorker(page).evaluate(async () => {
    const m = await import(new URL('./pkg/colloquy.js', self.location.href).href);
    const load = m.Document.load;
    m.Document.load = (input, options, onProgress) => load.call(m.Document, input, options, onProgress && ((done, total) => {
      const until = performance.now() + 150;
      while (performance.now() < until);
      onProgress(done, total);
    }));
  });
}
