// @ts-check
// Distinctive words: for a chosen speaker against everyone else, a diverging bar chart of
// Fightin' Words z and a table of count, others' count, δ, z, G² and Log Ratio.
import { h, fmt, slug, markup } from '../dom.js';
import { NEUTRAL } from '../colours.js';
import { distinctiveChart } from '../charts.js';
import { onMarkClick } from '../chart-clicks.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { state, analysis, visibleSpeakers, colourOf } from '../state.js';
import { noWordsReason } from '../reasons.js';
import { colourLegend, chartWidth, putChart, noChart, clickableTickLabels, focusSortButton } from './common.js';
import { tabPanel, select, control, legendList, chartFigure, chartActions, csvButton, tableWrap } from './shell.js';
import { showKwic, termButton } from './kwic.js';

/**
 * @import { Distinctive } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { LegendEntry } from '../exporting.js'
 * @import { View } from '../tabs.js'
 */

const speakerSelect = select('distinctive-speaker', []);
const limitSelect = select('distinctive-limit', [['5', '5'], ['10', '10'], ['15', '15']], '10');
const legendBox = legendList('distinctive-legend', 'Bar colours');
const figure = chartFigure('distinctive-chart');
const table = tableWrap('distinctive-table');
/** @type {Sort | null} */
let sort = null;
/** @type {Shown | null} the table as last shown, for its CSV */
let lastTable = null;

/** @type {View} */
export const view = {
  name: 'distinctive',
  title: 'Distinctive words',
  panel: tabPanel('distinctive',
    h('div', { class: 'controls' }, control('Distinctive words of', speakerSelect), control('Words each side', limitSelect)),
    h('p', { class: 'hint' }, 'Each speaker against everyone else. Bars to the right: words the speaker uses more (z > 0); to the left: words they use less. Click a bar or a term to see it in context.'),
    legendBox, figure,
    chartActions({
      figure, label: 'Export the distinctive words chart and table',
      title: () => `Distinctive words of ${speakerSelect.value} (Fightin' Words z)`, legend: () => chartLegend(speakerSelect.value),
    }, csvButton('distinctive-csv', () => lastTable, 'CSV of the distinctive words table')),
    table,
    h('div', { class: 'formula', id: 'distinctive-formula' }, markup`
      <p><strong>Fightin' Words</strong> (Monroe, Colaresi &amp; Quinn 2008): the log-odds ratio with an informative Dirichlet prior, the whole transcript (a<sub>w</sub> = the word's count in it, a<sub>0</sub> = its words). y<sub>i</sub> of n<sub>i</sub>: the word's count and the words of this speaker; y<sub>j</sub> of n<sub>j</sub>: of everyone else.</p>
      <p><code>δ = ln((y<sub>i</sub>+a<sub>w</sub>) / (n<sub>i</sub>+a<sub>0</sub>−y<sub>i</sub>−a<sub>w</sub>)) − ln((y<sub>j</sub>+a<sub>w</sub>) / (n<sub>j</sub>+a<sub>0</sub>−y<sub>j</sub>−a<sub>w</sub>))</code>, <code>σ² ≈ 1/(y<sub>i</sub>+a<sub>w</sub>) + 1/(y<sub>j</sub>+a<sub>w</sub>)</code>, <code>z = δ / σ</code> (|z| &gt; 1.96: p &lt; 0.05).</p>
      <p><strong>G²</strong>: four-term log-likelihood <code>2·Σ O·ln(O/E)</code> over <code>[[y<sub>i</sub>, y<sub>j</sub>], [n<sub>i</sub>−y<sub>i</sub>, n<sub>j</sub>−y<sub>j</sub>]]</code>, negative when the speaker uses the word less. <strong>Log Ratio</strong> (Hardie 2014): <code>log₂((y<sub>i</sub>/n<sub>i</sub>) / (y<sub>j</sub>/n<sub>j</sub>))</code>, 0.5 for a zero count. Every formula: <a href="https://github.com/colloquy/colloquy/blob/main/docs/analyses.md" rel="noopener noreferrer">docs/analyses.md</a>.</p>`)),
  render,
};

for (const control of [speakerSelect, limitSelect]) control.addEventListener('change', () => state.analysis && render());

/**
 * @param {string} speaker
 * @returns {LegendEntry[]}
 */
const chartLegend = (speaker) => [[`Used more by ${speaker}`, colourOf(speaker)], ['Used less', NEUTRAL]];

/**
 * The table's columns, for `speaker`.
 * @param {string} speaker
 * @returns {Column<Distinctive>[]}
 */
const columnsFor = (speaker) => [
  { key: 'term', label: 'Term', value: (d) => d.term, cell: (d) => termButton(d.term) },
  { key: 'count', label: 'Count', numeric: true, title: `Occurrences in ${speaker}'s words (yᵢ)`, value: (d) => d.count, cell: (d) => fmt.int(d.count) },
  { key: 'otherCount', label: 'Others', numeric: true, title: "Occurrences in everyone else's words (yⱼ)", value: (d) => d.otherCount, cell: (d) => fmt.int(d.otherCount) },
  { key: 'delta', label: 'δ', numeric: true, title: 'Log-odds ratio with the prior (δ)', value: (d) => d.delta, cell: (d) => fmt.fixed(d.delta, 3) },
  { key: 'z', label: 'z', numeric: true, title: 'δ / σ: above 1.96 or below −1.96 is significant at 5%', value: (d) => d.z, cell: (d) => fmt.fixed(d.z, 2), attrs: (d) => ({ 'data-value': d.z }) },
  { key: 'g2', label: 'G²', numeric: true, title: 'Log-likelihood, negative when used less', value: (d) => d.g2, cell: (d) => fmt.fixed(d.g2, 2) },
  { key: 'logRatio', label: 'Log Ratio', numeric: true, title: 'log₂ of the ratio of relative frequencies', value: (d) => d.logRatio, cell: (d) => fmt.fixed(d.logRatio, 2) },
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
  const sp = a.speakers.find((s) => s.name === speaker);
  const limit = Number(limitSelect.value);
  const more = sp ? sp.distinctive.slice(0, limit) : [];
  const less = sp ? sp.avoided.slice(0, limit).reverse() : [];
  const rows = [...more, ...less];
  lastTable = null;
  if (!sp || rows.length === 0) {
    noChart(figure, !sp && a.speakers.length > 0 ? 'No speaker to show: every speaker is hidden.'
      : noWordsReason() ?? (!sp ? 'No speaker to show.' : a.speakers.length < 2 ? 'Distinctive words compare a speaker with everyone else: this transcript has one speaker.'
        : `No word sets ${speaker} apart from everyone else.`));
    legendBox.replaceChildren();
    table.replaceChildren();
    return;
  }
  colourLegend(legendBox, chartLegend(speaker));
  const label = `Diverging bar chart of ${speaker}'s distinctive words by Fightin' Words z: used more ${more.map((d) => `${d.term} ${fmt.fixed(d.z, 2)}`).join(', ') || 'none'}; used less ${less.slice().reverse().map((d) => `${d.term} ${fmt.fixed(d.z, 2)}`).join(', ') || 'none'}`;
  const svg = distinctiveChart({ rows, colour: colourOf(speaker), other: NEUTRAL, width: chartWidth() });
  putChart(figure, svg, label);
  onMarkClick(svg, 'g[aria-label="bar"] rect', rows, (d) => showKwic(d.term));
  clickableTickLabels(svg, rows.map((d) => d.term), (term) => showKwic(term));
  const columns = columnsFor(speaker);
  const sorted = sortRows(columns, rows, sort);
  lastTable = asShown(columns, sorted, `distinctive-${slug(speaker)}`);
  table.replaceChildren(dataTable({
    columns, rows: sorted, sort,
    caption: `Distinctive words of ${speaker} against everyone else: used more (z > 0) first, then used less`,
    onSort: (next) => {
      sort = next;
      render();
      focusSortButton(table);
    },
  }));
}
