// Shared set-up for the browser end-to-end tests: serve site/ under a sub-path on
// 127.0.0.1, drive Debian's Chromium with playwright-core, and record anything that
// must fail a test (console errors, page errors, requests to another origin).
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

export const BASE = '/sub/dir/';
const CHROME = process.env.CHROME_BIN || '/usr/bin/chromium';

/** Starts the server and the browser. Call `close()` when done. */
export async function start() {
  const server = await serve({ dir: new URL('../site', import.meta.url).pathname, port: 0, base: BASE });
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
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Opens a page and records problems in `page.problems`. */
export async function open(env, { width = 1280, height = 900 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, acceptDownloads: true });
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
  await page.goto(env.url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}
