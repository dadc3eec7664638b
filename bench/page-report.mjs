// The report's section on bench/page-speed.mjs (issue 26): paste → chart and → every
// tab, cold and warm, where the time goes, and the page targets with their verdicts.
// Used by report.mjs (results.pageSpeed, from bench/work/page-speed.json of this run);
// run alone it renders a page-speed JSON into Markdown:
//
//   node bench/page-report.mjs IN.json OUT.md
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

/** The issue's targets: click (here: paste) → speakers chart drawn, warm, per size (ms). */
const CHART_TARGET = { seed: 40, '100kb': 80, '1mb': 250 };
const COLD_FACTOR = 1.5;
const WORKER_FACTOR = 1.3;
const TASK_MS = 100;

const ms = (x) => (x == null || !Number.isFinite(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const med = (runs, f) => (runs.length ? median(runs.map(f)) : null);
const verdict = (ok) => (ok == null ? 'not measured' : ok ? '**met**' : '**missed**');

/**
 * The section's Markdown lines for page-speed results `ps`.
 * @param {any} ps
 * @returns {string[]}
 */
export function pageSpeedSection(ps) {
  const out = [];
  const w = (s = '') => out.push(s);
  const sizes = Object.entries(ps.sizes);
  const sites = ps.sites;
  const last = sites.at(-1);
  w('## Paste to chart in the page (bench/page-speed.mjs)');
  w();
  w(`Chromium ${ps.browser} (Debian's, headless, driven by playwright-core), ${ps.started.slice(0, 16).replace('T', ' ')} UTC. The text is pasted (the paste event the page handles; below 1,000,000 UTF-16 units the text then put in the box with the input event the browser sends; the browser's own insertion is not timed); everything is timed inside the page from the paste. **Chart**: until the frame showing the speakers chart is painted. **Every tab**: until every other view is drawn too (in idle time, by a build that does so; otherwise by opening each tab in turn, the times added). **Cold**: the first analysis in a fresh page, opened and left ${ps.readingMs} ms (a user reading it) before the paste; **warm**: pasted again in that page. Texts: the seed, and 100 KB, 1 MB and 10 MB prefixes of ${ps.source}. Medians (n in brackets).${sites.length > 1 ? ` Builds side by side, page by page alternately: ${sites.map((s) => `\`${s}\``).join(' and ')}.` : ''}`);
  w();
  w(`| text | build | chart, cold | chart, warm | every tab, cold | every tab, warm | worker, warm | worker alone | \`analyse\` in Node, warm | longest main-thread task |`);
  w('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, s] of sizes) {
    for (const site of sites) {
      const r = s.runs[site];
      if (!r) continue;
      const all = [...r.cold, ...r.warm];
      w(`| ${s.label} | \`${site}\` | ${ms(med(r.cold, (x) => x.painted))} (${r.cold.length}) | ${ms(med(r.warm, (x) => x.painted))} (${r.warm.length}) | ${ms(med(r.cold, (x) => x.allDrawn))} | ${ms(med(r.warm, (x) => x.allDrawn))} | ${ms(med(r.warm, (x) => x.workerMs))} | ${ms(r.alone)} | ${ms(s.node)} | ${ms(Math.max(0, ...all.map((x) => x.longestTask)))} |`);
    }
  }
  w();
  // Where the time goes, for the last build (it reports its timing).
  const timed = sizes.filter(([, s]) => s.runs[last]?.warm.some((x) => x.timing));
  if (timed.length) {
    w('*Worker alone*: `Document.load` + `analysis()` timed inside the page\'s analysis worker with nothing else running (the first page of each build, after its runs). In a paste the worker shares this 2-core machine with the page\'s own work at that moment (the text laid out in the box, the status and progress drawn) and the browser\'s other processes.');
  w();
  w(`Where the time goes, warm, build \`${last}\` (medians): the worker parses and counts (*load*: \`Document.load\`, with progress reports over 1,000,000 UTF-16 units), reports (*report*: the analysis built and made a JS value), the message crosses to the page (*transfer*), the page draws the first view (*draw*), then the browser lays out and paints (*paint*: the rest until the frame is painted). Then each other view as drawn in idle time.`);
    w();
    const views = [...new Set(timed.flatMap(([, s]) => s.runs[last].warm.flatMap((x) => Object.keys(x.views ?? {}))))];
    w(`| text | load | report | transfer | draw | paint | ${views.join(' | ')} |`);
    w(`| --- | ${['---:', '---:', '---:', '---:', '---:', ...views.map(() => '---:')].join(' | ')} |`);
    for (const [, s] of timed) {
      const r = s.runs[last].warm.filter((x) => x.timing);
      const t = (k) => ms(med(r, (x) => x.timing[k]));
      w(`| ${s.label} | ${t('load')} | ${t('report')} | ${t('transfer')} | ${t('render')} | ${ms(med(r, (x) => x.painted - x.rendered))} | ${views.map((v) => ms(med(r.filter((x) => x.views?.[v] != null), (x) => x.views[v]))).join(' | ')} |`);
    }
    w();
  }
  // The targets, for the last build.
  w(`Targets (issue 26), build \`${last}\`:`);
  w();
  w('| target | measured | verdict |');
  w('| --- | --- | --- |');
  for (const [name, limit] of Object.entries(CHART_TARGET)) {
    const r = ps.sizes[name]?.runs[last];
    const warm = r ? med(r.warm, (x) => x.painted) : null;
    w(`| paste → speakers chart, warm, ${ps.sizes[name]?.label ?? name} ≤ ${limit} ms | ${ms(warm)} | ${verdict(warm == null ? null : warm <= limit)} |`);
  }
  const ratios = sizes.map(([, s]) => {
    const r = s.runs[last];
    const cold = med(r?.cold ?? [], (x) => x.painted);
    const warm = med(r?.warm ?? [], (x) => x.painted);
    return { label: s.label, ratio: cold != null && warm ? cold / warm : null };
  }).filter((x) => x.ratio != null);
  w(`| chart cold ≤ ${COLD_FACTOR}× warm | ${ratios.map((x) => `${x.label} ${x.ratio.toFixed(2)}×`).join(', ')} | ${verdict(ratios.length ? ratios.every((x) => x.ratio <= COLD_FACTOR) : null)} |`);
  const workers = sizes.map(([, s]) => {
    const worker = med(s.runs[last]?.warm ?? [], (x) => x.workerMs);
    return { label: s.label, ratio: worker != null && s.node ? worker / s.node : null };
  }).filter((x) => x.ratio != null);
  const alone = sizes.map(([, s]) => ({ label: s.label, ratio: s.runs[last]?.alone && s.node ? s.runs[last].alone / s.node : null })).filter((x) => x.ratio != null);
  w(`| the worker's time ≤ ${WORKER_FACTOR}× \`analyse\` on the same text in Node (warm) | in a paste: ${workers.map((x) => `${x.label} ${x.ratio.toFixed(2)}×`).join(', ')}; the worker alone (\`Document.load\` + \`analysis()\` in it, nothing else running): ${alone.map((x) => `${x.label} ${x.ratio.toFixed(2)}×`).join(', ')} | ${verdict(workers.length ? workers.every((x) => x.ratio <= WORKER_FACTOR) : null)}${alone.length ? ` (alone: ${verdict(alone.every((x) => x.ratio <= WORKER_FACTOR)).replace(/\*/g, '')})` : ''} |`);
  const tasks = sizes.map(([, s]) => ({ label: s.label, max: Math.max(0, ...[...(s.runs[last]?.cold ?? []), ...(s.runs[last]?.warm ?? [])].map((x) => x.longestTask)) }));
  w(`| no main-thread task over ${TASK_MS} ms while results render | longest: ${tasks.map((x) => `${x.label} ${ms(x.max)}`).join(', ')} | ${verdict(tasks.every((x) => x.max <= TASK_MS))} |`);
  w();
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  const ps = JSON.parse(readFileSync(input, 'utf8'));
  writeFileSync(output, `# The page: paste to chart\n\n${pageSpeedSection(ps).join('\n')}\n`);
  console.log(`wrote ${output}`);
}
