// @ts-check
// Distinctive words: for a chosen speaker against a reference the user chooses (everyone
// else, one speaker or a group; comparison.js), a diverging bar chart of Fightin' Words z
// (paler where not significant) and a table of count, the reference's count, δ, z, G²,
// Log Ratio and which measures find the difference significant.
import { h, fmt, slug, markup } from '../dom.js';
import { NEUTRAL } from '../colours.js';
import { distinctiveChart } from '../charts.js';
import { onMarkClick } from '../chart-clicks.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { state, analysis, visibleSpeakers, colourOf, watch } from '../state.js';
import { PRIOR_DEFAULT, PRIOR_MAX, priorWeight } from '../settings.js';
import { applySettings } from '../settings-form.js';
import { noWordsReason } from '../reasons.js';
import { colourLegend, chartWidth, putChart, noChart, clickableTickLabels, focusSortButton } from './common.js';
import { tabPanel, select, control, legendList, chartFigure, chartActions, csvButton, tableWrap } from './shell.js';
import { comparisonControls, referenceName, syncComparison } from './comparison.js';
import { showKwic, termButton } from './kwic.js';

/**
 * @import { Distinctive } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { Child } from '../dom.js'
 * @import { LegendEntry } from '../exporting.js'
 * @import { View } from '../tabs.js'
 */

const speakerSelect = select('distinctive-speaker', []);
const limitSelect = select('distinctive-limit', [['5', '5'], ['10', '10'], ['15', '15']], '10');
const priorInput = h('input', {
  id: 'distinctive-prior', type: 'number', inputmode: 'decimal', step: 'any', min: '0.0001', max: String(PRIOR_MAX),
  value: String(PRIOR_DEFAULT), title: `The Fightin' Words prior's weight, as a share of the compared words (${PRIOR_DEFAULT} by default): larger shrinks z more`,
});
const comparison = comparisonControls(() => speakerSelect.value);
const hint = h('p', { class: 'hint', id: 'distinctive-hint' });
const legendBox = legendList('distinctive-legend', 'Bar colours');
const figure = chartFigure('distinctive-chart');
const table = tableWrap('distinctive-table');
const formula = h('div', { class: 'formula', id: 'distinctive-formula' }, markup`
      <p><strong>Fightin' Words</strong> (Monroe, Colaresi &amp; Quinn 2008): the log-odds ratio with an informative Dirichlet prior drawn from the compared words. y<sub>i</sub> of n<sub>i</sub>: the word's count and the words of this speaker; y<sub>j</sub> of n<sub>j</sub>: of the reference; N = n<sub>i</sub> + n<sub>j</sub>.</p>
      <p><code>a<sub>0</sub> = w·N</code>, <code>a<sub>w</sub> = w·(y<sub>i</sub>+y<sub>j</sub>)</code>, with the prior weight <code>w = </code><code id="distinctive-prior-value"></code> (<span id="distinctive-prior-default"></span> by default: the prior weighs a tenth of the evidence).</p>
      <p><code>δ = ln((y<sub>i</sub>+a<sub>w</sub>) / (n<sub>i</sub>+a<sub>0</sub>−y<sub>i</sub>−a<sub>w</sub>)) − ln((y<sub>j</sub>+a<sub>w</sub>) / (n<sub>j</sub>+a<sub>0</sub>−y<sub>j</sub>−a<sub>w</sub>))</code>, <code>σ² ≈ 1/(y<sub>i</sub>+a<sub>w</sub>) + 1/(y<sub>j</sub>+a<sub>w</sub>)</code>, <code>z = δ / σ</code> (|z| &gt; 1.96: p &lt; 0.05).</p>
      <p><strong>G²</strong>: four-term log-likelihood <code>2·Σ O·ln(O/E)</code> over <code>[[y<sub>i</sub>, y<sub>j</sub>], [n<sub>i</sub>−y<sub>i</sub>, n<sub>j</sub>−y<sub>j</sub>]]</code>, negative when the speaker uses the word less (|G²| &gt; 3.84: p &lt; 0.05). The two can disagree on rare words: the prior shrinks z, not G². <strong>Log Ratio</strong> (Hardie 2014): <code>log₂((y<sub>i</sub>/n<sub>i</sub>) / (y<sub>j</sub>/n<sub>j</sub>))</code>, 0.5 for a zero count. Every formula and why this prior: <a href="https://github.com/colloquy/colloquy/blob/main/docs/analyses.md" rel="noopener noreferrer">docs/analyses.md</a>.</p>`);
/** @type {Sort | null} */
let sort = null;
/** @type {Shown | null} the table as last shown, for its CSV */
let lastTable = null;

/** @type {View} */
export const view = {
  name: 'distinctive',
  title: 'Distinctive words',
  panel: tabPanel('distinctive',
    h('div', { class: 'controls' }, control('Distinctive words of', speakerSelect), comparison.control,
      control('Words each side', limitSelect), control('Prior weight', priorInput)),
    comparison.group,
    hint,
    legendBox, figure,
    chartActions({
      figure, label: 'Export the distinctive words chart and table',
      title: () => `Distinctive words of ${speakerSelect.value} against ${referenceName(speakerSelect.value)} (Fightin' Words z)`, legend: () => chartLegend(speakerSelect.value),
    }, csvButton('distinctive-csv', () => lastTable, 'CSV of the distinctive words table')),
    table,
    formula),
  render,
};

limitSelect.addEventListener('change', () => state.analysis && render());
speakerSelect.addEventListener('change', () => {
  // The speaker is never their own reference: leave them out of it (re-reported), else redraw.
  if (!syncComparison(speakerSelect.value) && state.analysis) render();
});
priorInput.addEventListener('change', () => {
  const w = priorWeight(priorInput.value);
  priorInput.setCustomValidity(w === null ? `The prior weight is a number above 0, at most ${PRIOR_MAX} (${PRIOR_DEFAULT} by default).` : '');
  if (w === null) {
    priorInput.reportValidity();
    return;
  }
  if (w !== state.settings.priorWeight) applySettings({ ...state.settings, priorWeight: w });
});
watch('settings', () => {
  priorInput.value = String(state.settings.priorWeight);
  priorInput.setCustomValidity('');
});

/**
 * @param {string} speaker
 * @returns {LegendEntry[]}
 */
const chartLegend = (speaker) => [[`Used more by ${speaker}`, colourOf(speaker)], ['Used less', NEUTRAL]];

/**
 * Which measures find a row's difference significant at p < 0.05.
 * @param {Distinctive} d
 */
const significance = (d) => (d.zSignificant && d.g2Significant ? 'z and G²' : d.zSignificant ? 'z only' : d.g2Significant ? 'G² only' : 'neither');

/**
 * The table's columns, for `speaker` against `reference` (the corpus's keyness table
 * shows the same, a term drawn by `termCell`).
 * @param {string} speaker
 * @param {string} reference
 * @param {(term: string) => Child} [termCell]
 * @returns {Column<Distinctive>[]}
 */
export const columnsFor = (speaker, reference, termCell = termButton) => [
  { key: 'term', label: 'Term', value: (d) => d.term, cell: (d) => termCell(d.term) },
  { key: 'count', label: 'Count', numeric: true, title: `Occurrences in ${speaker}'s words (yᵢ)`, value: (d) => d.count, cell: (d) => fmt.int(d.count) },
  { key: 'otherCount', label: 'Reference', numeric: true, title: `Occurrences in the words of ${reference} (yⱼ)`, value: (d) => d.otherCount, cell: (d) => fmt.int(d.otherCount) },
  { key: 'delta', label: 'δ', numeric: true, title: 'Log-odds ratio with the prior (δ)', value: (d) => d.delta, cell: (d) => fmt.fixed(d.delta, 3) },
  { key: 'z', label: 'z', numeric: true, title: 'δ / σ: above 1.96 or below −1.96 is significant at 5%', value: (d) => d.z, cell: (d) => fmt.fixed(d.z, 2), attrs: (d) => ({ 'data-value': d.z, 'data-significant': String(d.zSignificant) }) },
  { key: 'g2', label: 'G²', numeric: true, title: 'Log-likelihood, negative when used less: above 3.84 (either sign) is significant at 5%', value: (d) => d.g2, cell: (d) => fmt.fixed(d.g2, 2), attrs: (d) => ({ 'data-significant': String(d.g2Significant) }) },
  { key: 'logRatio', label: 'Log Ratio', numeric: true, title: 'log₂ of the ratio of relative frequencies', value: (d) => d.logRatio, cell: (d) => fmt.fixed(d.logRatio, 2) },
  { key: 'significant', label: 'p < 0.05 by', title: 'Which measures find the difference significant at 5%: z (|z| > 1.96) and G² (|G²| > 3.84)', value: significance, cell: significance },
];

function render() {
  const a = analysis();
  const names = visibleSpeakers().map((s) => s.name);
  if ([...speakerSelect.options].map((o) => o.value).join('\n') !== names.join('\n')) {
    const current = speakerSelect.value;
    speakerSelect.replaceChildren(...names.map((n) => h('option', { value: n, text: n })));
    speakerSelect.value = names.includes(current) ? current : (names[0] ?? '');
  }
  const speaker = speakerSelect.value;
  comparison.render(speaker);
  const reference = referenceName(speaker);
  writeFormula();
  const sp = a.speakers.find((s) => s.name === speaker);
  const limit = Number(limitSelect.value);
  const more = sp ? sp.distinctive.slice(0, limit) : [];
  const less = sp ? sp.avoided.slice(0, limit).reverse() : [];
  const rows = [...more, ...less];
  hint.textContent = `${speaker || 'A speaker'} against ${reference}. Bars to the right: words the speaker uses more (z > 0); to the left: words they use less; `
    + 'paler bars: not significant by z (|z| ≤ 1.96). Click a bar or a term to see it in context.';
  lastTable = null;
  if (!sp || rows.length === 0) {
    noChart(figure, !sp && a.speakers.length > 0 ? 'No speaker to show: every speaker is hidden.'
      : noWordsReason() ?? (!sp ? 'No speaker to show.' : a.speakers.length < 2 ? 'Distinctive words compare a speaker with everyone else: this transcript has one speaker.'
        : `No word sets ${speaker} apart from ${reference}.`));
    legendBox.replaceChildren();
    table.replaceChildren();
    return;
  }
  colourLegend(legendBox, chartLegend(speaker));
  const label = `Diverging bar chart of ${speaker}'s distinctive words against ${reference} by Fightin' Words z: used more ${more.map((d) => `${d.term} ${fmt.fixed(d.z, 2)}`).join(', ') || 'none'}; used less ${less.slice().reverse().map((d) => `${d.term} ${fmt.fixed(d.z, 2)}`).join(', ') || 'none'}`;
  const svg = distinctiveChart({ rows, colour: colourOf(speaker), other: NEUTRAL, reference, width: chartWidth() });
  putChart(figure, svg, label);
  onMarkClick(svg, 'g[aria-label="bar"] rect', rows, (d) => showKwic(d.term));
  clickableTickLabels(svg, rows.map((d) => d.term), (term) => showKwic(term));
  const columns = columnsFor(speaker, reference);
  const sorted = sortRows(columns, rows, sort);
  lastTable = asShown(columns, sorted, `distinctive-${slug(speaker)}`);
  table.replaceChildren(dataTable({
    columns, rows: sorted, sort,
    caption: `Distinctive words of ${speaker} against ${reference}: used more (z > 0) first, then used less`,
    onSort: (next) => {
      sort = next;
      render();
      focusSortButton(table);
    },
  }));
}

/** The prior weight in force, in the formula. */
function writeFormula() {
  for (const [id, value] of [['distinctive-prior-value', state.settings.priorWeight], ['distinctive-prior-default', PRIOR_DEFAULT]]) {
    const el = formula.querySelector(`#${id}`);
    if (el) el.textContent = String(value);
  }
}
