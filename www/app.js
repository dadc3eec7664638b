// The page: reads the textarea, calls the wasm core, draws the results.
// Text and speaker names are untrusted: they are only ever set as text.
import init, { analyse } from './pkg/colloquy.js';

const Plot = globalThis.Plot;
const $ = (id) => document.getElementById(id);
const input = $('transcript');
const status = $('status');
const DEBOUNCE_MS = 250;

await init({ module_or_path: new URL('./pkg/colloquy_bg.wasm', import.meta.url) });

function run() {
  const text = input.value;
  const started = performance.now();
  const result = analyse(text, { topTerms: 25 });
  const ms = performance.now() - started;
  $('summary').textContent =
    `${result.summary.tokens.toLocaleString()} tokens, ${result.summary.types.toLocaleString()} types`;
  status.textContent = `Analysed in ${ms.toFixed(0)} ms`;
  drawTerms(result.terms);
}

function drawTerms(terms) {
  const figure = $('terms-chart');
  figure.replaceChildren();
  if (terms.length === 0) return;
  const chart = Plot.plot({
    marginLeft: 110,
    height: 22 * terms.length + 40,
    x: { label: 'Occurrences', grid: true },
    y: { label: null },
    marks: [
      Plot.barX(terms, { x: 'count', y: 'term', sort: { y: '-x' }, fill: 'currentColor', tip: true }),
      Plot.ruleX([0]),
    ],
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `Top terms: ${terms.slice(0, 10).map((t) => `${t.term} ${t.count}`).join(', ')}`);
  figure.append(chart);
}

let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
});
$('analyse').addEventListener('click', run);
document.body.dataset.ready = 'true';
if (input.value) run();
