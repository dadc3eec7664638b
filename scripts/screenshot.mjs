// Renders the page with the seed transcript pasted and saves docs/screenshot.png
// (the README's picture). Needs `make site` first.
import { readFile } from 'node:fs/promises';
import { start, open } from '../e2e/harness.mjs';

const env = await start();
try {
  const page = await open(env, { width: 1280, height: 1000 });
  const seed = await readFile(new URL('../tests/fixtures/mfa-cis-press-conference-2024-04-12.txt', import.meta.url), 'utf8');
  await page.getByLabel('Transcript').fill(seed);
  await page.locator('#terms-chart svg').waitFor();
  await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname, fullPage: false });
} finally {
  await env.close();
}
