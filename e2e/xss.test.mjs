// No XSS through anything a user or a file controls: speaker names, terms, phrases,
// concordance lines, stage directions, diagnostics, file names, typed queries and the URL
// hash. Payloads are shown as text in every view and export, and nothing is ever injected:
// a MutationObserver installed before the page's own scripts records any element or
// attribute that could run code, and any Content-Security-Policy violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, pasteAndWait, nextAnalysis, analyses, tab, downloaded, parseCsv } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const IMG = '<img src=x onerror=alert(1)>';
const SVG = '"><svg onload=alert(2)>';
const JS = 'javascript:alert(3)';
const A = '<a href="javascript:alert(4)">link</a>';
const MR = `Mr. ${SVG}`;
// Labels end in `|| `, so a label can hold any of the payloads.
const LABEL = '^(?<speaker>[^|\\n]+)\\|\\| ';
const TRANSCRIPT = [
  `Opening remarks before anyone: click ${JS} now.`,
  `${IMG}|| Please click ${JS} now, the payload ${SVG} is here. Click ${JS} now.`,
  `${SVG}|| I say click ${JS} now [<svg onload=alert\`5\`>] and click ${JS} now. (APPLAUSE)`,
  `${JS}|| Never click ${JS} now. ${IMG} stays text. Click ${JS} now!`,
  `${A}|| Click ${JS} now, click ${JS} now.`,
  `${MR}|| Once more click ${JS} now.`,
  `${IMG}|| Click ${JS} now, again.`,
  `${JS}|| And click ${JS} now.`,
].join('\n');
/** The speakers as the core orders them: words, then first appearance. */
const SPEAKERS = [IMG, JS, SVG, '(unattributed)', A, MR];

/**
 * Opens the page with a guard installed before any of its scripts: every added element
 * and changed attribute is checked for event-handler attributes, `javascript:` URLs and
 * elements that load or run something; CSP violations are recorded too.
 */
async function guarded(hash = '') {
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 }, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'],
  });
  await context.addInitScript(() => {
    const found = { violations: [], injected: [] };
    Object.defineProperty(window, 'xssGuard', { value: found });
    document.addEventListener('securitypolicyviolation', (e) => found.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
    const URLS = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background', 'ping'];
    const ACTIVE = ['script', 'iframe', 'frame', 'object', 'embed', 'base', 'img', 'meta', 'link', 'foreignobject', 'animate', 'set', 'use'];
    const check = (el) => {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (name.startsWith('on')) found.injected.push(`${el.localName}[${name}="${attr.value}"]`);
        if (URLS.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value)) found.injected.push(`${el.localName}[${name}="${attr.value}"]`);
      }
      if (document.readyState !== 'loading' && ACTIVE.includes(el.localName.toLowerCase())) found.injected.push(`<${el.localName}> added`);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element) check(r.target);
        for (const node of r.addedNodes) {
          if (!(node instanceof Element)) continue;
          check(node);
          for (const el of node.querySelectorAll('*')) check(el);
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  return open(env, { context, hash });
}

/** Asserts nothing ran or was injected, and that the page as it stands holds nothing active. */
async function assertClean(page) {
  const state = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      guard: window.xssGuard,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.localName}[${a.name}]`)),
      scriptUrls: all.flatMap((el) => [...el.attributes].filter((a) => /^\s*javascript:/i.test(a.value) && /href|src|action|data/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
      anchors: [...document.querySelectorAll('a')].map((a) => a.protocol),
      images: [...document.images].map((i) => i.getAttribute('src')),
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
      injectedTags: document.querySelectorAll('main svg[onload], main img, main script, main iframe, main object, main embed, #speakers-table a, #kwic-list a, svg a').length,
    };
  });
  assert.deepEqual(state.guard, { violations: [], injected: [] }, 'no CSP violation, nothing injected at any time');
  assert.deepEqual(state.handlers, [], 'no event-handler attribute anywhere');
  assert.deepEqual(state.scriptUrls, [], 'no javascript: URL anywhere');
  assert.ok(state.anchors.every((p) => p === 'https:' || p === 'http:'), `only the page's own links: ${state.anchors}`);
  assert.deepEqual(state.images, ['favicon.svg']);
  assert.deepEqual(state.scripts, ['vendor/d3.min.js', 'vendor/plot.umd.min.js', 'app.js']);
  assert.equal(state.injectedTags, 0);
  assert.ok(!page.requests.some((u) => /\/x$|alert/.test(new URL(u).pathname)), 'no request for an injected image');
  assert.deepEqual(page.problems, [], 'no dialog, console error or page error');
}

/** Parses an exported SVG in the page (never run): handlers, foreign elements, its text. */
function inspectSvg(page, text) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.localName}[${a.name}]`)),
      foreign: all.map((el) => el.localName).filter((n) => ['img', 'script', 'a', 'foreignObject', 'iframe', 'animate', 'set', 'use'].includes(n)),
      texts: [...doc.querySelectorAll('text, title')].map((t) => t.textContent),
    };
  }, text);
}

const csvOf = async (page, button) => parseCsv((await downloaded(page, () => page.locator(button).click())).body.toString('utf8'));
const svgOf = async (page, group) => {
  const file = await downloaded(page, () => page.getByRole('group', { name: group }).getByRole('button', { name: 'SVG' }).click());
  return { name: file.name, text: file.body.toString('utf8') };
};

/** Every payload, shown as text in the SVG export named `what`. */
async function assertSvgExport(page, group, mustShow) {
  const { name, text } = await svgOf(page, group);
  assert.match(name, /^[a-z0-9-]+\.svg$/, `a safe file name: ${name}`);
  const svg = await inspectSvg(page, text);
  assert.equal(svg.error, null, `${group}: well-formed SVG`);
  assert.deepEqual(svg.handlers, [], `${group}: no handler attribute`);
  assert.deepEqual(svg.foreign, [], `${group}: no element that runs or links`);
  for (const payload of mustShow) assert.ok(svg.texts.some((t) => t.includes(payload)), `${group}: “${payload}” is text in the SVG`);
  assert.ok(!/<(img|script|a)[\s>]|<svg onload/i.test(text), `${group}: no markup from the payloads in the file`);
  assert.ok(text.includes('&lt;'), `${group}: the payloads' < is escaped`);
  return svg;
}

test('hostile speaker names, terms, phrases and contexts are text in every view and export', async () => {
  const page = await guarded(`#label=${encodeURIComponent(LABEL)}`);
  await pasteAndWait(page, TRANSCRIPT);

  // Speakers: table, chart, legend, edit panel, suggestions.
  assert.deepEqual(await page.locator('#speakers-table tbody th').allTextContents(), SPEAKERS);
  assert.deepEqual(await page.locator('#speakers-legend li').allTextContents(), SPEAKERS);
  const chartTitles = await page.locator('#speakers-chart svg title').allTextContents();
  for (const name of SPEAKERS) assert.ok(chartTitles.some((t) => t.startsWith(`${name}\n`)), `chart tooltip of ${name}`);
  for (const name of SPEAKERS) assert.ok((await page.locator('#speakers-chart').getAttribute('aria-label')).includes(`${name} `), name);
  assert.deepEqual(await page.locator('#speaker-edit strong').allTextContents(), SPEAKERS);
  assert.deepEqual(await page.locator('#suggestions button').allTextContents(), [`Merge “${MR}” into “${SVG}”`]);
  assert.equal(await page.getByLabel(`Merge ${A} into`).locator('option').nth(1).textContent(), IMG);
  const speakersCsv = await csvOf(page, '#speakers-csv');
  assert.deepEqual(speakersCsv.slice(1).map((r) => r[0]), SPEAKERS, 'the CSV holds the names as they are');
  await assertSvgExport(page, 'Export the speakers chart', SPEAKERS.filter((n) => n.length < 40));

  // Terms: javascript:alert is a term; its bars, ticks, table, per-speaker columns and concordance.
  await tab(page, 'Terms');
  const ticks = await page.locator('#terms-chart [aria-label="y-axis tick label"] text').allTextContents();
  assert.deepEqual(ticks.slice(0, 2), ['click', 'javascript:alert']);
  await page.locator('#terms-details summary').click();
  assert.deepEqual((await page.locator('#terms-table thead th').allTextContents()).slice(3).map((t) => t.replace(/ [▲▼]$/, '')), SPEAKERS);
  assert.equal(await page.locator('#terms-table tbody tr').nth(1).locator('th button').textContent(), 'javascript:alert');
  await page.locator('#terms-split').check();
  const splitTitles = await page.locator('#terms-chart svg title').allTextContents();
  assert.ok(splitTitles.includes(`javascript:alert\n${IMG}: 3`), splitTitles.join(' | '));
  assert.deepEqual(await page.locator('#terms-legend li').allTextContents(), SPEAKERS);
  await assertSvgExport(page, 'Export the terms chart and table', [IMG, SVG, JS]);
  const termsCsv = await csvOf(page, '#terms-csv');
  assert.deepEqual(termsCsv[0].slice(3), SPEAKERS);
  await page.locator('#terms-split').uncheck();
  await page.getByLabel('Speaker', { exact: true }).selectOption(A);
  assert.match(await page.locator('#terms-chart').getAttribute('aria-label'), /^Bar chart of <a href="javascript:alert\(4\)">link<\/a>'s 2 most frequent terms: click 2, javascript:alert 2$/);
  assert.equal(await page.locator('#terms-table caption').textContent(), `Top terms of ${A}`);
  await page.getByLabel('Speaker', { exact: true }).selectOption('');
  await page.locator('#terms-chart [aria-label="y-axis tick label"] text').filter({ hasText: /^javascript:alert$/ }).click();
  await page.locator('#kwic-list li').first().waitFor();
  assert.equal(await page.locator('#kwic-heading').textContent(), 'Occurrences of “javascript:alert”');
  assert.equal(await page.locator('#kwic-list > li').count(), 12);
  assert.deepEqual([...new Set(await page.locator('#kwic-list .kw-speaker').allTextContents())].sort(), [...SPEAKERS].sort(), 'every speaker says it');

  // The concordance: contexts with raw markup, and a typed query that is markup.
  await page.getByLabel('Context', { exact: true }).selectOption('10');
  await page.getByLabel('Find in context').fill('payload');
  await page.getByLabel('Find in context').press('Enter');
  await page.waitForFunction(() => document.getElementById('kwic-heading').textContent === 'Occurrences of “payload”');
  await page.waitForFunction(() => document.querySelectorAll('#kwic-list > li').length === 1);
  assert.match(await page.locator('#kwic-list .kw-right').textContent(), /^ "><svg onload=alert\(2\)> is here\. Click javascript:alert/);
  await page.getByLabel('Find in context').fill('stays');
  await page.getByLabel('Find in context').press('Enter');
  await page.waitForFunction(() => document.getElementById('kwic-heading').textContent === 'Occurrences of “stays”');
  await page.waitForFunction(() => document.getElementById('kwic-note').textContent === '1 occurrence.');
  assert.ok((await page.locator('#kwic-list .kw-left').textContent()).endsWith(`${IMG} `));
  const kwicCsv = await csvOf(page, '#kwic-csv');
  assert.deepEqual(kwicCsv[0], ['Speaker', 'Left', 'Match', 'Right', 'Start', 'End', 'In a compound']);
  assert.equal(kwicCsv[1][0], JS);
  assert.ok(kwicCsv[1][1].endsWith(`${IMG} `));
  await page.getByLabel('Find in context').fill(IMG);
  await page.getByLabel('Find in context').press('Enter');
  await page.waitForFunction((q) => document.getElementById('kwic-heading').textContent === `Occurrences of “${q}”`, IMG);

  // Phrases: the phrase, its speakers as chips, a search for markup.
  await tab(page, 'Phrases');
  assert.equal(await page.locator('#phrases-table tbody tr').first().locator('th button').textContent(), 'click javascript:alert');
  const chips = await page.locator('#phrases-table tbody tr').first().locator('.chip').allTextContents();
  assert.deepEqual(chips, [`${IMG} 3`, `${JS} 3`, `${SVG} 2`, `${A} 2`, '(unattributed) 1', '+1 more']);
  const phrasesCsv = await csvOf(page, '#phrases-csv');
  assert.equal(phrasesCsv[1][0], 'click javascript:alert');
  assert.equal(phrasesCsv[1][3], `${IMG}: 3; ${JS}: 3; ${SVG}: 2; ${A}: 2; (unattributed): 1; ${MR}: 1`, 'the CSV lists every speaker');
  await page.getByLabel('Search', { exact: true }).fill(SVG);
  await page.waitForFunction(() => document.getElementById('phrases-note').textContent === 'No phrase matches these filters.');
  await page.getByLabel('Search', { exact: true }).fill('');

  // Distinctive words of each hostile speaker.
  await tab(page, 'Distinctive words');
  assert.deepEqual(await page.getByLabel('Distinctive words of').locator('option').allTextContents(), SPEAKERS);
  for (const name of [IMG, SVG, A]) {
    await page.getByLabel('Distinctive words of').selectOption(name);
    await page.waitForFunction((n) => (document.getElementById('distinctive-chart').getAttribute('aria-label') ?? document.getElementById('distinctive-chart').textContent).includes(n), name);
  }
  await page.getByLabel('Distinctive words of').selectOption(IMG);
  await page.locator('#distinctive-chart svg').waitFor();
  assert.match(await page.locator('#distinctive-legend').textContent(), /^Used more by <img src=x onerror=alert\(1\)>/);
  await assertSvgExport(page, 'Export the distinctive words chart and table', [`Distinctive words of ${IMG}`, 'Used more by <img src=x onerror=']);

  // Collocations of the hostile term, and of a node that is markup.
  await tab(page, 'Collocations');
  await page.getByLabel('Node word').fill('javascript:alert');
  await page.getByLabel('At least').fill('1');
  await page.getByRole('button', { name: 'Show collocates' }).click();
  await page.waitForFunction(() => /collocates of “javascript:alert”/.test(document.getElementById('colloc-note').textContent));
  await page.locator('#colloc-chart svg').waitFor();
  await page.getByLabel('Node word').fill(SVG);
  await page.getByRole('button', { name: 'Show collocates' }).click();
  await page.waitForFunction(() => /^The node is one word|^No collocate of “"><svg onload=alert\(2\)>”/.test(document.getElementById('colloc-note').textContent));

  // Dispersion of the hostile term and of a typed markup term.
  await tab(page, 'Dispersion');
  await page.getByLabel('Terms to plot').fill(`javascript:alert, ${IMG}`);
  await page.getByRole('button', { name: 'Plot', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('#dispersion-table tbody tr').length === 2);
  assert.deepEqual(await page.locator('#dispersion-table tbody th').allTextContents(), ['javascript:alert', IMG.toLowerCase()]);
  assert.deepEqual((await page.locator('#dispersion-table thead th').allTextContents()).slice(5).map((t) => t.replace(/ [▲▼]$/, '')), SPEAKERS);
  assert.deepEqual(await page.locator('#dispersion-legend li').allTextContents(), SPEAKERS);
  const tickTitles = await page.locator('#dispersion-chart svg title').allTextContents();
  assert.ok(tickTitles.some((t) => t.endsWith(`\n${MR}`)), tickTitles.slice(0, 3).join(' | '));
  await assertSvgExport(page, 'Export the dispersion chart and table', [IMG, SVG, JS, A]);

  // Dynamics: the speakers table, legends, the heatmap's cells and exports.
  await tab(page, 'Dynamics');
  await page.locator('#dynamics-transitions-chart svg').waitFor();
  assert.deepEqual(await page.locator('#dynamics-speakers-table tbody th').allTextContents(), SPEAKERS);
  assert.deepEqual(await page.locator('#dynamics-share-legend li').allTextContents(), SPEAKERS);
  const cellTitles = await page.locator('#dynamics-transitions-chart svg g[aria-label="cell"] title').allTextContents();
  assert.ok(cellTitles.some((t) => t.startsWith(`${IMG} → ${SVG}\n`)), cellTitles.join(' | '));
  assert.ok((await page.locator('#dynamics-transitions-chart').getAttribute('aria-label')).includes(`${IMG} → ${SVG}`));
  await assertSvgExport(page, 'Export the transition matrix', [IMG, SVG, JS, A]);
  await assertSvgExport(page, 'Export the talk time and word share chart and the speakers table', [IMG, SVG, JS, A]);
  const dynamicsCsv = await csvOf(page, '#dynamics-speakers-csv');
  assert.deepEqual(dynamicsCsv.slice(1).map((r) => r[0]), SPEAKERS);

  // Summary: stage directions, diagnostics, per-speaker measures; their CSVs.
  await tab(page, 'Summary');
  assert.deepEqual(await page.locator('#directions-table tbody th').allTextContents(), ['applause', 'svg onload=alert`5']);
  const diagnostics = await page.locator('#diagnostics li').allTextContents();
  assert.ok(diagnostics.includes(`single-use-label the label "${SVG}" is used only once; check that it names a speaker Show in transcript`), diagnostics.join('\n'));
  assert.ok(diagnostics.includes(`alias-suggestion "${MR}" may be the same speaker as "${SVG}"; merge them with an alias if so Show in transcript`));
  assert.deepEqual(await page.locator('#speaker-stats-table tbody th').allTextContents(), SPEAKERS);
  const diagnosticsCsv = await csvOf(page, '#diagnostics-csv');
  assert.ok(diagnosticsCsv.some((r) => r[1] === `the label "${A}" is used only once; check that it names a speaker`));
  const directionsCsv = await csvOf(page, '#directions-csv');
  assert.deepEqual(directionsCsv.slice(1).map((r) => r[0]), ['applause', 'svg onload=alert`5']);

  // Speaker edits whose new names are payloads: rename, merge, assign, suggestions.
  await tab(page, 'Speakers');
  let count = await analyses(page);
  const RENAMED = '<a href=javascript:alert(6)>x</a>';
  await page.getByLabel(`New name for ${IMG}`).fill(RENAMED);
  await page.getByLabel(`New name for ${IMG}`).press('Enter');
  await nextAnalysis(page, count);
  count = await analyses(page);
  await page.getByRole('button', { name: `Merge “${MR}” into “${SVG}”` }).click();
  await nextAnalysis(page, count);
  count = await analyses(page);
  const ASSIGNED = '"><img src=x onerror=alert(7)>';
  await page.getByLabel('Assign the unattributed text to').fill(ASSIGNED);
  await page.getByLabel('Assign the unattributed text to').press('Enter');
  await nextAnalysis(page, count);
  assert.deepEqual(await page.locator('#speakers-table tbody th').allTextContents(), [RENAMED, JS, SVG, ASSIGNED, A]);
  assert.deepEqual(await page.locator('#alias-list li span').allTextContents(), [`${IMG} → ${RENAMED}`, `${MR} → ${SVG}`, `(unattributed) → ${ASSIGNED}`]);
  const json = JSON.parse((await downloaded(page, () => page.getByRole('button', { name: 'Export JSON' }).click())).body.toString('utf8'));
  assert.deepEqual(json.analysis.speakers.map((s) => s.name), [RENAMED, JS, SVG, ASSIGNED, A]);
  assert.deepEqual(json.settings.aliases, { [IMG]: RENAMED, [MR]: SVG, '(unattributed)': ASSIGNED });
  const png = await downloaded(page, () => page.getByRole('group', { name: 'Export the speakers chart' }).getByRole('button', { name: 'PNG' }).click());
  assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'the PNG export draws');

  await assertClean(page);
});

test('hostile file names: shown as text in the status, errors and exports; safe download names', async () => {
  const page = await guarded();
  const names = [`${SVG}.txt`, `${IMG}.vtt`, `${JS}.txt`];
  for (const name of names) {
    const count = await analyses(page);
    await page.locator('#file-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(name.endsWith('.vtt') ? 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>hello there\n' : 'Ann: hello there\nBob: hi Ann\n') });
    await nextAnalysis(page, count);
    assert.match(await page.locator('#status').textContent(), new RegExp(`^Opened “${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” \\(\\d+ bytes\\)\\. Analysed`));
    const base = name.replace(/\.[^.]+$/, '');
    const { name: file, text } = await svgOf(page, 'Export the speakers chart');
    assert.match(file, /^[a-z0-9-]+-speakers\.svg$/, file);
    const svg = await inspectSvg(page, text);
    assert.deepEqual([svg.error, svg.handlers, svg.foreign], [null, [], []]);
    assert.ok(svg.texts.includes(`Share of words by speaker — ${base}`), svg.texts.join(' | '));
    const csv = await downloaded(page, () => page.locator('#speakers-csv').click());
    assert.match(csv.name, /^[a-z0-9-]+-speakers\.csv$/, csv.name);
    const json = await downloaded(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
    assert.equal(JSON.parse(json.body.toString('utf8')).source, base);
  }
  // A bad file with a hostile name: the error names it, as text.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  for (const [name, message] of [[`${IMG}.png`, `“${IMG}.png” looks like a PNG image, not a transcript.`], [`${A}.txt`, `“${A}.txt” is empty, so there is nothing to analyse.`]]) {
    await page.locator('#file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: name.endsWith('.png') ? png : Buffer.from('') });
    await page.getByRole('alert').waitFor();
    assert.ok((await page.locator('#error-text').textContent()).startsWith(message), await page.locator('#error-text').textContent());
    assert.equal(await page.locator('#error a, #error img, #error svg').count(), 0);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  await assertClean(page);
});

test('hostile hash values: ignored or form values, and an invalid hostile pattern is reported as text', async () => {
  const hostile = {
    view: JS, format: SVG, stopwords: `${IMG}`, extra: `${SVG},${IMG}`, ngram: '<b>2-3</b>', min: '<svg>', stem: 'javascript:1', label: '<img src=x onerror=alert\\(1\\)>(?<speaker>\\w+): ',
  };
  const hash = `#${new URLSearchParams(hostile)}`;
  const page = await guarded(hash);
  assert.equal(await page.locator('#tab-speakers').getAttribute('aria-selected'), 'true', 'an unknown view is ignored');
  assert.equal(await page.getByLabel('Speaker label pattern (regular expression)').inputValue(), hostile.label);
  assert.equal(await page.getByLabel('Custom stopwords').inputValue(), '"><svg, onload=alert(2)>, <img, src=x, onerror=alert(1)>');
  assert.equal(await page.getByLabel('Stopwords', { exact: true }).inputValue(), 'auto');
  assert.equal(await page.getByLabel('Format', { exact: true }).inputValue(), 'auto');
  assert.equal(await page.getByLabel('Minimum phrase count').inputValue(), '2');
  await pasteAndWait(page, `${IMG}Ann: hello there friends\n${IMG}Bob: hello again friends\n`);
  assert.deepEqual(await page.locator('#speakers-table tbody th').allTextContents(), ['Ann', 'Bob'], 'the hostile pattern is only a pattern');

  // Hashes that are not settings at all, and a hash change after load.
  for (const raw of [`#${IMG}`, `#${encodeURIComponent(SVG)}`, `#${JS}`, '#view=terms&view=<script>alert(8)</script>']) {
    await page.evaluate((h) => { location.hash = h; }, raw);
    await page.waitForTimeout(50);
  }
  assert.equal(await page.locator('#tab-terms').getAttribute('aria-selected'), 'true', 'the first view value counts');
  // Settings live in the hash: without a label there, labels are detected again (none here).
  await page.waitForFunction(() => document.body.dataset.state === 'done' && document.getElementById('set-label').value === '');
  await page.waitForFunction(() => [...document.querySelectorAll('#speakers-table tbody th')].map((th) => th.textContent).join() === '(unattributed)');
  const count = await analyses(page);
  const broken = `<svg onload=alert(9)>(`;
  await page.evaluate((h) => { location.hash = h; }, `#label=${encodeURIComponent(broken)}`);
  await page.getByRole('alert').waitFor();
  // The engine's message does not echo the pattern; the pattern stays a form value.
  // The engine's wording of the regex error is its own; the page shows it as text.
  const reason = await page.locator('#set-label-error').textContent();
  assert.match(reason, /^not a valid regular expression: \S/);
  assert.ok(!reason.includes('<svg'), reason);
  assert.equal(await page.locator('#error-text').textContent(), `The analysis could not run: labelPattern: ${reason}`);
  assert.equal(await page.getByLabel('Speaker label pattern (regular expression)').inputValue(), broken);
  assert.equal(await analyses(page), count, 'the results of the last good analysis stay');
  assert.deepEqual(await page.locator('#speakers-table tbody th').allTextContents(), ['(unattributed)']);
  // Chromium reports nothing on the console for an invalid pattern: the page did.
  await assertClean(page);
});
