// @ts-check
// Term trends (Voyant's Trends): each term's relative frequency per 10,000 words in each
// document, over document order or date, for the terms typed, or by default the terms
// whose frequency varies most across the documents (the core chooses them).
import { h, fmt, markup } from '../dom.js';
import { colourMap, PALETTE } from '../colours.js';
import { seriesChart } from '../charts.js';
import { dataTable, toCsv } from '../table.js';
import { parseWords } from '../settings.js';
import { corpusEngine } from '../corpus-engine.js';
import { corpus } from '../corpus-state.js';
import { putChart, noChart, colourLegend } from './common.js';
import { tableWrap, legendList, chartFigure, select, control } from './shell.js';
import { corpusPanel, corpusCsvButton, corpusWidth, documentRow, documentX, allDated, documentColumns } from './corpus-common.js';

/**
 * @import { TermTrend } from '../pkg/colloquy.js'
 * @import { Column, Shown } from '../table.js'
 * @import { SeriesPoint } from '../charts.js'
 * @import { CorpusView } from './corpus-common.js'
 */

/** Terms charted by default, and at most. */
const TOP = 5;
const MAX_TERMS = PALETTE.length;

const termsInput = h('input', { id: 'corpus-trends-terms', type: 'search', spellcheck: 'false', placeholder: 'e.g. peace, security (empty: the most variable terms)' });
const axisSelect = select('corpus-trends-axis', [['order', 'Document order'], ['date', 'Date']], 'order');
const form = h('form', { class: 'controls', autocomplete: 'off' },
  control('Terms', termsInput), h('button', { type: 'submit' }, 'Show'), control('Across', axisSelect));
const hint = h('p', { class: 'hint', id: 'corpus-trends-hint' });
const legendBox = legendList('corpus-trends-legend', 'Term colours');
const figure = chartFigure('corpus-trends-chart');
const table = tableWrap('corpus-trends-table');
/** @type {Shown | null} */
let lastTable = null;
/** Counts requests: an older answer is not drawn. */
let asked = 0;

/** @type {Column<TermTrend>[]} */
const COLUMNS = [
  { key: 'term', label: 'Term', value: (t) => t.term },
  { key: 'count', label: 'Count', numeric: true, value: (t) => t.count, cell: (t) => fmt.int(t.count) },
  { key: 'documents', label: 'Documents', numeric: true, value: (t) => t.documents, cell: (t) => fmt.int(t.documents) },
  { key: 'chi2', label: 'χ²', numeric: true, title: 'How far its counts are from spread in proportion to the documents’ words', value: (t) => t.chi2, cell: (t) => fmt.fixed(t.chi2, 2), attrs: (t) => ({ 'data-value': t.chi2 }) },
  { key: 'dp', label: 'DP', numeric: true, title: 'Gries’ DP over the documents: 0 even, towards 1 in one document', value: (t) => t.dp, cell: (t) => fmt.fixed(t.dp, 3), attrs: (t) => ({ 'data-value': t.dp }) },
  { key: 'per10k', label: 'Per 10k in each document', value: (t) => t.per10k.map((v) => fmt.dec(v)).join(', ') },
];
/** A term in a document: the CSV's rows (one per term and document). */
/** @typedef {{ term: string, document: number, count: number, per10k: number }} TermInDocument */
/** @type {Column<TermInDocument>[]} */
const CSV_COLUMNS = [
  { key: 'term', label: 'Term', value: (r) => r.term },
  ...documentColumns(),
  { key: 'count', label: 'Count', value: (r) => r.count },
  { key: 'per10k', label: 'Per 10k words', value: (r) => r.per10k },
];

/** @type {CorpusView} */
export const view = {
  name: 'trends',
  title: 'Trends',
  panel: corpusPanel('trends', form, hint, legendBox, figure,
    h('div', { class: 'table-head' }, h('span'), corpusCsvButton('trends', () => lastTable, 'CSV of the term trends')),
    table,
    h('div', { class: 'formula' }, markup`
      <p><strong>Per 10,000 words</strong>: <code>10,000 · c<sub>d</sub> / w<sub>d</sub></code>, a term's count c<sub>d</sub> in document d over the document's words w<sub>d</sub>.</p>
      <p><strong>Most variable</strong> (without typed terms): among terms used at least 5 times, by Pearson's <code>χ² = Σ<sub>d</sub> (c<sub>d</sub> − E<sub>d</sub>)² / E<sub>d</sub></code> with <code>E<sub>d</sub> = n · w<sub>d</sub> / W</code> (n the term's count, W all words; k − 1 degrees of freedom): it grows with both frequency and unevenness. <strong>DP</strong> (Gries): <code>½ Σ<sub>d</sub> |c<sub>d</sub> / n − w<sub>d</sub> / W|</code>, 0 spread in proportion, towards 1 in one document. Every formula: <a href="https://github.com/colloquy/colloquy/blob/main/docs/analyses.md" rel="noopener noreferrer">docs/analyses.md</a>.</p>`)),
  render,
};

form.addEventListener('submit', (e) => {
  e.preventDefault();
  render();
});
axisSelect.addEventListener('change', render);

async function render() {
  if (!corpus.table) return;
  const terms = parseWords(termsInput.value).slice(0, MAX_TERMS);
  const id = ++asked;
  let trends;
  try {
    trends = await corpusEngine.query('trends', { options: { terms, top: TOP } });
  } catch (err) {
    if (id === asked) noChart(figure, `The trends could not be computed: ${err instanceof Error ? err.message : err}`);
    return;
  }
  if (id !== asked) return;
  const dated = allDated();
  axisSelect.querySelector('option[value="date"]')?.toggleAttribute('disabled', !dated);
  const byDate = dated && axisSelect.value === 'date';
  const series = trends.series;
  hint.textContent = trends.terms === 'picked' ? `Per 10,000 words in each document: ${terms.join(', ')}.`
    : `Per 10,000 words in each document: the ${fmt.count(series.length, 'term')} whose frequency varies most across the documents (largest χ²). Type terms to chart them instead.`;
  const colours = colourMap(series.map((s) => s.term));
  /** @type {SeriesPoint[]} */
  const points = series.flatMap((s) => s.per10k.map((y, i) => ({ x: documentX(i, byDate), y, series: s.term, document: documentRow(i)?.name ?? '' })));
  if (points.length) {
    putChart(figure, seriesChart({
      points, colours, width: corpusWidth(), xLabel: byDate ? 'Date' : 'Document', yLabel: 'Per 10,000 words',
      ariaLabel: `Trends of ${series.map((s) => s.term).join(', ')}`,
    }), `Line chart of ${series.map((s) => s.term).join(', ')} per 10,000 words in each document`);
    colourLegend(legendBox, series.map((s) => [s.term, colours.get(s.term) ?? PALETTE[0]]));
  } else {
    noChart(figure, 'No term to chart.');
    legendBox.replaceChildren();
  }
  lastTable = {
    csv: () => toCsv(CSV_COLUMNS, series.flatMap((s) => s.counts.map((count, document) => ({ term: s.term, document, count, per10k: s.per10k[document] })))),
    suffix: 'trends',
  };
  table.replaceChildren(dataTable({ columns: COLUMNS, rows: series, caption: 'Term trends' }));
}
