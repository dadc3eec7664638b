// Renders the page with the bundled example (the seed transcript) loaded and a term's
// concordance open, and saves docs/screenshot.png (the README's picture).
// Needs `make site` first.
import { start, open, tab } from '../e2e/harness.mjs';

const env = await start();
try {
  const page = await open(env, { width: 1280, height: 1360 });
  await page.getByRole('button', { name: 'Try an example', exact: true }).click();
  await page.waitForSelector('body[data-state="done"]');
  await tab(page, 'Terms');
  await page.getByLabel('Split by speaker').check();
  await page.getByLabel('Terms shown').selectOption('20');
  await page.locator('#terms-chart [aria-label="y-axis tick label"] text').filter({ hasText: /^security$/ }).click();
  await page.locator('#kwic-list li').first().waitFor();
  await page.waitForTimeout(600); // the concordance's smooth scroll
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo({ top: 0, behavior: 'instant' });
  });
  await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname, fullPage: false });
  if (page.problems.length) throw new Error(page.problems.join('\n'));
} finally {
  await env.close();
}
