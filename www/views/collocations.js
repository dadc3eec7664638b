// @ts-check
// Collocations: the collocates of a node word (default: the top term; `*` patterns work)
// within ±k words, or all bigrams, ranked by one measure: a bar chart and a table. A
// collocate opens the node's concordance limited to the lines with it nearby.
import { h, fmt, slug, markup } from '../dom.js';
import { NEUTRAL } from '../colours.js';
import { collocationsChart } from '../charts.js';
import { onMarkClick } from '../chart-clicks.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { state, analysis, visibleTerms } from '../state.js';
import { noWordsReason, noTermsReason } from '../reasons.js';
import { messageOf } from '../status.js';
import { engine } from '../analyse.js';
import { isCancelled } from '../engine.js';
import { latest, STALE } from '../latest.js';
import { cellBar, chartWidth, putChart, noChart, clickableTickLabels, focusSortButton } from './common.js';
import { tabPanel, select, control, checkbox, chartFigure, chartActions, csvButton, tableWrap } from './shell.js';
import { showKwic } from './kwic.js';

/**
 * @import { Collocate, CollocationSort } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { View } from '../tabs.js'
 */

const COLLOC_ROWS = 50;
const COLLOC_BARS = 20;

/** @type {Record<CollocationSort, { label: string, digits: number }>} */
const MEASURES = {
  logDice: { label: 'logDice', digits: 2 },
  mi: { label: 'MI', digits: 2 },
  t: { label: 't-score', digits: 2 },
  g2: { label: 'G²', digits: 2 },
  count: { label: 'count', digits: 0 },
};
/** @type {CollocationSort[]} */
const SORTS = ['logDice', 'mi', 't', 'g2', 'count'];

const nodeInput = h('input', { id: 'colloc-node', type: 'text', spellcheck: 'false', placeholder: 'e.g. foreign or agree*' });
const bigrams = h('input', { type: 'checkbox', id: 'colloc-bigrams' });
const windowSelect = select('colloc-window', ['1', '2', '3', '4', '5', '6', '8', '10'].map((n) => [n, n]), '5');
const minInput = h('input', { id: 'colloc-min', type: 'number', min: 1, max: 999, step: 1, value: 3, inputmode: 'numeric', 'aria-describedby': 'colloc-min-unit' });
const sortSelect = select('colloc-sort', SORTS.map((key) => [key, MEASURES[key].label]), 'logDice');
const form = h('form', { id: 'colloc-form', class: 'controls', autocomplete: 'off' },
  control('Node word', nodeInput), checkbox(bigrams, 'All bigrams'), control('Window ±', windowSelect),
  control('At least', minInput, ' ', h('span', { id: 'colloc-min-unit' }, 'times')), control('Rank by', sortSelect),
  h('button', { type: 'submit' }, 'Show collocates'));
const note = h('p', { id: 'colloc-note', class: 'hint', 'aria-live': 'polite' });
const figure = chartFigure('colloc-chart');
const table = tableWrap('colloc-table');
/** @type {string | null} the node typed; null: the top term */
let node = null;
/** @type {Sort | null} */
let sort = null;
/** @type {Shown | null} the table as last shown, for its CSV */
let lastTable = null;

/** The rank chosen. */
const measureKey = () => SORTS.find((key) => key === sortSelect.value) ?? 'logDice';

/** @type {View} */
export const view = {
  name: 'collocations',
  title: 'Collocations',
  panel: tabPanel('collocations',
    form, note, figure,
    chartActions({
      figure, label: 'Export the collocations chart and table', legend: () => [],
      title: () => `${bigrams.checked ? 'Word pairs' : `Collocates of “${nodeInput.value}”`} by ${MEASURES[measureKey()].label}`,
    }, csvButton('colloc-csv', () => lastTable, 'CSV of the collocations table')),
    table,
    h('div', { class: 'formula' }, markup`
      <p>O: co-occurrences within ±k words of the node, never across a turn (bigrams: adjacent pairs within a sentence); f<sub>node</sub>, f<sub>coll</sub>: the two words' frequencies; N: the words of the transcript; span = 2k (1 for bigrams). Stopwords and numbers are left out as collocates.</p>
      <p><code>E = f<sub>node</sub>·f<sub>coll</sub>·span / N</code> · <code>MI = log₂(O/E)</code>, shown only when O ≥ 5 (MI overrates rare pairs; “—” below) · <code>t = (O − E) / √O</code> · <code>logDice = 14 + log₂(2O / (f<sub>node</sub> + f<sub>coll</sub>))</code> · <code>G²</code>: four-term log-likelihood <code>2·Σ O·ln(O/E)</code> of <code>[[O, f<sub>node</sub>·span − O], [f<sub>coll</sub> − O, N − f<sub>node</sub>·span − f<sub>coll</sub> + O]]</code>.</p>`)),
  render,
};

/** Reads the node typed (empty: the top term) and shows its collocates. */
function showCollocates() {
  if (!nodeInput.disabled) node = nodeInput.value.trim().toLowerCase() || null;
  if (state.analysis) render();
}
form.addEventListener('submit', (e) => {
  e.preventDefault();
  showCollocates();
});
for (const control of [bigrams, windowSelect, minInput, sortSelect]) {
  control.addEventListener('change', () => {
    if (control === sortSelect) sort = null;
    showCollocates();
  });
}

const askCollocations = latest(engine.collocations.bind(engine));

async function render() {
  const a = analysis();
  const allBigrams = bigrams.checked;
  const nodeWord = allBigrams ? null : (node ?? visibleTerms()[0]?.term ?? '');
  nodeInput.disabled = allBigrams;
  if (nodeWord !== null) nodeInput.value = nodeWord;
  const window = Number(windowSelect.value);
  let min = Math.round(Number(minInput.value));
  if (!Number.isFinite(min) || min < 1 || min > 999) {
    min = 3;
    minInput.value = '3';
  }
  const key = measureKey();
  const measure = MEASURES[key];
  lastTable = null;
  if (nodeWord === '') {
    note.textContent = visibleTerms().length ? 'Type a node word, or tick All bigrams.'
      : noWordsReason() ?? `${noTermsReason()} Type a node word, or tick All bigrams.`;
    noChart(figure);
    table.replaceChildren();
    return;
  }
  figure.setAttribute('aria-busy', 'true');
  note.textContent = 'Finding collocates…';
  /** @type {Collocate[] | null | typeof STALE} */
  let rows;
  try {
    rows = await askCollocations(nodeWord, {
      window, minCount: min, sort: key, limit: COLLOC_ROWS, stopwords: state.settings.stopwords, extraStopwords: state.settings.extra,
    });
  } catch (err) {
    if (isCancelled(err)) return;
    figure.removeAttribute('aria-busy');
    note.textContent = `The collocations could not be computed: ${messageOf(err)}`;
    return;
  }
  if (rows === null || rows === STALE || state.analysis !== a) return;
  figure.removeAttribute('aria-busy');
  if (rows.length === 0) {
    note.textContent = nodeWord === null ? `No word pair occurs ${min} times or more.`
      : /\s/.test(nodeWord) ? 'The node is one word (or a * pattern). For word pairs, tick All bigrams.'
        : `No collocate of “${nodeWord}” occurs ${min} times or more within ±${window} words.`;
    noChart(figure);
    table.replaceChildren();
    return;
  }
  const what = nodeWord === null ? 'word pairs' : `collocates of “${nodeWord}”`;
  const lowMi = rows.some((r) => r.mi === null);
  note.textContent = `${fmt.int(rows.length)} ${what}${nodeWord === null ? '' : ` (${fmt.int(rows[0].nodeCount)} occurrences) within ±${window} words`}, seen at least ${min} times, ranked by ${measure.label}.${lowMi ? ' MI needs 5 co-occurrences: “—” below that.' : ''} Click a ${nodeWord === null ? 'pair' : 'collocate'} to see it in context.`;
  /** @param {Collocate} r */
  const open = (r) => (nodeWord === null ? showKwic(r.term) : showKwic(nodeWord, { collocate: r.term, window }));
  const bars = rows.filter((r) => r[key] !== null).slice(0, COLLOC_BARS);
  const svg = collocationsChart({ rows: bars, key, label: measure.label, fill: NEUTRAL, width: chartWidth() });
  putChart(figure, svg, `Bar chart of the ${bars.length} ${nodeWord === null ? 'most associated word pairs' : `strongest collocates of “${nodeWord}”`} by ${measure.label}: ${bars.slice(0, 10).map((r) => `${r.term} ${fmt.fixed(r[key], measure.digits)}`).join(', ')}`);
  onMarkClick(svg, 'g[aria-label="bar"] rect', bars, open);
  clickableTickLabels(svg, bars.map((b) => b.term), (term) => {
    const bar = bars.find((b) => b.term === term);
    if (bar) open(bar);
  });
  const columns = columnsFor(nodeWord, window, key, rows);
  if (sort && !columns.some((c) => c.key === sort?.key)) sort = null;
  const sorted = sortRows(columns, rows, sort);
  lastTable = asShown(columns, sorted, nodeWord === null ? 'bigrams' : `collocations-${slug(nodeWord)}`);
  table.replaceChildren(dataTable({
    columns, rows: sorted, sort,
    caption: nodeWord === null ? `Word pairs, ranked by ${measure.label}` : `Collocates of “${nodeWord}” within ±${window} words, ranked by ${measure.label}`,
    onSort: (next) => {
      sort = next;
      render().then(() => focusSortButton(table));
    },
  }));
}

/**
 * The table's columns: the collocates of `nodeWord` (null: bigrams), with an in-cell bar for the rank `key`.
 * @param {string | null} nodeWord
 * @param {number} window
 * @param {CollocationSort} key
 * @param {Collocate[]} rows
 * @returns {Column<Collocate>[]}
 */
function columnsFor(nodeWord, window, key, rows) {
  const max = rows.reduce((m, r) => Math.max(m, r[key] ?? 0), 0) || 1;
  /**
   * A number column; the rank's cells carry a bar.
   * @param {CollocationSort | 'nodeCount' | 'collocateCount'} k
   * @param {string} label
   * @param {string} title
   * @param {number} digits
   * @returns {Column<Collocate>}
   */
  const col = (k, label, title, digits) => ({
    key: k, label, title, numeric: true, value: (r) => r[k] ?? -Infinity,
    cell: (r) => {
      const v = r[k];
      const text = fmt.fixed(v, digits);
      return k !== key || v === null ? text : cellBar(v / max, text);
    },
    csv: (r) => r[k] ?? '', attrs: (r) => ({ 'data-value': r[k] ?? '' }),
  });
  const pairs = nodeWord === null;
  return [
    { key: 'term', label: pairs ? 'Bigram' : 'Collocate', value: (r) => r.term,
      cell: (r) => h('button', {
        type: 'button', class: 'term', title: pairs ? `Show every occurrence of “${r.term}”` : `Show “${nodeWord}” with “${r.term}” nearby`,
        onclick: () => (pairs ? showKwic(r.term) : showKwic(nodeWord, { collocate: r.term, window })),
      }, r.term) },
    col('count', 'Count', pairs ? 'Occurrences of the pair (O)' : `Co-occurrences within ±${window} words (O)`, 0),
    col('nodeCount', pairs ? 'First f' : 'Node f', pairs ? "The first word's frequency" : "The node's frequency (f_node)", 0),
    col('collocateCount', pairs ? 'Second f' : 'Collocate f', pairs ? "The second word's frequency" : "The collocate's frequency (f_coll)", 0),
    col('mi', 'MI', 'log₂(O/E); only when O ≥ 5', 2),
    col('t', 't', '(O − E) / √O', 2),
    col('logDice', 'logDice', '14 + log₂(2O / (f_node + f_coll))', 2),
    col('g2', 'G²', 'Four-term log-likelihood', 2),
  ];
}
