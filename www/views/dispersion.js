// @ts-check
// Dispersion: where chosen terms occur along the transcript (one tick per occurrence,
// coloured by speaker; with more speakers than colours, one more speaker can be highlighted)
// with Gries' DP beside each, over equal parts or over the speakers; and the terms spread
// most and least evenly.
import { h, fmt, markup } from '../dom.js';
import { dispersionChart, tickLayer } from '../charts.js';
import { onTickClick } from '../chart-clicks.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { state, analysis, visibleSpeakers, visibleTerms, colourOf } from '../state.js';
import { OTHER_COLOUR, HIGHLIGHT } from '../colours.js';
import { noWordsReason, noTermsReason } from '../reasons.js';
import { messageOf } from '../status.js';
import { engine } from '../analyse.js';
import { isCancelled } from '../engine.js';
import { latest, STALE } from '../latest.js';
import { showInTranscript } from '../transcript.js';
import { colourLegend, legendEntries, chartWidth, putChart, cellBar, columnsNote, SPEAKER_COLUMNS_MAX } from './common.js';
import { tabPanel, select, control, legendList, chartFigure, chartActions, csvButton, tableHead, tableWrap } from './shell.js';
import { termButton } from './kwic.js';

/**
 * @import { Dispersion, TermSpread } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { Tick } from '../charts.js'
 * @import { LegendEntry } from '../exporting.js'
 * @import { View } from '../tabs.js'
 */

/** Rows of each list of the most and least evenly spread terms. */
const SPREAD_ROWS = 10;

const termsInput = h('input', { id: 'dispersion-terms', type: 'text', autocomplete: 'off', placeholder: 'comma-separated, e.g. cis, russia', 'aria-describedby': 'dispersion-hint' });
const partsSelect = select('dispersion-parts', [['10', '10 equal parts'], ['speakers', 'the speakers']], '10');
// With more speakers than colours: a speaker whose ticks are drawn in a colour of their
// own (HIGHLIGHT, unless they have one), over the grey; listed by their occurrences plotted.
const highlightSelect = select('dispersion-highlight', [['', 'no one']], '', { 'aria-describedby': 'dispersion-highlight-note' });
const highlightControl = control('Highlight speaker', highlightSelect);
const form = h('form', { id: 'dispersion-form', class: 'controls' },
  h('label', { for: 'dispersion-terms' }, 'Terms to plot'), termsInput, h('button', { type: 'submit' }, 'Plot'),
  h('button', { type: 'button', id: 'dispersion-reset', class: 'link', onclick: () => plot(null) }, 'Top terms'),
  control('DP over', partsSelect), highlightControl);
const highlightNote = h('p', { id: 'dispersion-highlight-note', class: 'hint' });
/** The highlighted speaker ('' none). */
let highlight = '';
/** @type {LegendEntry[]} the legend as last drawn, for the chart's export */
let lastLegend = [];
const legendBox = legendList('dispersion-legend', 'Speaker colours');
const figure = chartFigure('dispersion-chart');
const partsNote = h('span', { id: 'dispersion-parts-note' }, 'parts: 10 equal slices of the transcript');
const table = tableWrap('dispersion-table');
const spreadTables = { even: tableWrap('spread-even'), uneven: tableWrap('spread-uneven') };
const spreadNote = h('p', { id: 'spread-note', class: 'hint' });
/** @type {Sort | null} */
let sort = null;
/** @type {{ dispersion: Shown | null, even: Shown | null, uneven: Shown | null }} the tables as last shown, for their CSV */
const lastTables = { dispersion: null, even: null, uneven: null };

/** @type {View} */
export const view = {
  name: 'dispersion',
  title: 'Dispersion',
  panel: tabPanel('dispersion',
    form,
    h('p', { id: 'dispersion-hint', class: 'hint' }, 'Each tick is one occurrence, placed by its position in the transcript and coloured by speaker. Click a tick to see it in the transcript.'),
    highlightNote, legendBox, figure,
    chartActions({ figure, label: 'Export the dispersion chart and table', title: () => 'Where the terms occur', legend: () => lastLegend },
      csvButton('dispersion-csv', () => lastTables.dispersion, 'CSV of the dispersion table')),
    h('div', { class: 'formula' }, h('p', {},
      markup`<strong>DP</strong>, Gries' deviation of proportions (normalised), beside each term: <code>DP = ½·Σ|v<sub>i</sub> − s<sub>i</sub>|</code>, <code>DP<sub>norm</sub> = DP / (1 − min s<sub>i</sub>)</code>, where s<sub>i</sub> is part i's share of the words and v<sub>i</sub> its share of the term's occurrences; `,
      partsNote, '. 0 = spread evenly, 1 = all in one part.')),
    h('details', { class: 'alt' }, h('summary', {}, 'Table of dispersion'), table),
    h('div', { class: 'spread' },
      h('div', {}, tableHead(h('h3', {}, 'Most evenly spread'), csvButton('spread-even-csv', () => lastTables.even, 'CSV of the most evenly spread terms')), spreadTables.even),
      h('div', {}, tableHead(h('h3', {}, 'Most unevenly spread'), csvButton('spread-uneven-csv', () => lastTables.uneven, 'CSV of the most unevenly spread terms')), spreadTables.uneven)),
    spreadNote),
  render,
};

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const terms = [...new Set(termsInput.value.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, 20);
  plot(terms.length ? terms : null);
});
partsSelect.addEventListener('change', () => state.analysis && render());
highlightSelect.addEventListener('change', () => {
  highlight = highlightSelect.value;
  if (state.analysis) render();
});

/**
 * Plots `terms` (null: the top terms).
 * @param {string[] | null} terms
 */
function plot(terms) {
  state.dispersionTerms = terms;
  if (state.analysis) render();
}

/** The parts DP is computed over: a number of equal parts, or 'speakers'. */
const dispersionParts = () => (partsSelect.value === 'speakers' ? 'speakers' : Number(partsSelect.value));

/** A dispersion row's occurrences by speaker (counted once per row). */
const speakerCounts = new WeakMap();
/** @param {Dispersion} d */
function bySpeakerCount(d) {
  /** @type {Map<string, number> | undefined} */
  let counts = speakerCounts.get(d);
  if (!counts) {
    counts = new Map();
    for (const s of d.speakers) counts.set(s, (counts.get(s) ?? 0) + 1);
    speakerCounts.set(d, counts);
  }
  return counts;
}

const askDispersion = latest(engine.dispersion.bind(engine));
const askSpread = latest(engine.spread.bind(engine));

async function render() {
  const a = analysis();
  const terms = state.dispersionTerms ?? visibleTerms().slice(0, 5).map((t) => t.term);
  const parts = dispersionParts();
  const partsText = parts === 'speakers' ? "parts: the speakers (each speaker's words)" : `parts: ${parts} equal slices of the transcript`;
  partsNote.textContent = partsText;
  termsInput.value = terms.join(', ');
  renderSpread(parts);
  if (!terms.length) {
    figure.replaceChildren(h('p', { class: 'hint', text: visibleTerms().length ? 'Type the terms to plot.' : noWordsReason() ?? `${noTermsReason()} You can still type terms to plot.` }));
    return;
  }
  figure.setAttribute('aria-busy', 'true');
  /** @type {Dispersion[] | null | typeof STALE} */
  let rows;
  try {
    rows = await askDispersion(terms, { parts });
  } catch (err) {
    figure.removeAttribute('aria-busy');
    if (!isCancelled(err)) figure.replaceChildren(h('p', { class: 'error-text', text: `Could not compute the dispersion: ${messageOf(err)}` }));
    return;
  }
  if (!rows || rows === STALE || state.analysis !== a) return; // a newer request will draw its own
  figure.removeAttribute('aria-busy');
  const tokens = rows[0]?.tokens ?? a.summary.tokens;
  const visibleNames = visibleSpeakers().map((s) => s.name);
  const colours = speakerColours(visibleNames, rows);
  // One tick per occurrence; ticks that would fall on the same pixel draw as one, so a
  // frequent term in a big text stays a light SVG: the first of them, unless a later one is
  // in a higher layer (a colour over the grey, the highlighted speaker over both).
  const width = chartWidth();
  const pixels = Math.max(100, width);
  const on = highlight || undefined;
  /** @type {Tick[]} */
  const points = [];
  for (const d of rows) {
    let last = -1;
    d.positions.forEach((position, i) => {
      const speaker = d.speakers[i];
      if (state.hidden.has(speaker)) return;
      const pixel = Math.floor((position / Math.max(1, tokens)) * pixels);
      const point = { term: d.term, position, speaker, start: d.starts[i] };
      if (pixel !== last) points.push(point);
      else if (tickLayer(speaker, colours, on) > tickLayer(points[points.length - 1].speaker, colours, on)) points[points.length - 1] = point;
      last = pixel;
    });
  }
  lastLegend = legendEntries(visibleNames, (n) => colours.get(n) ?? OTHER_COLOUR);
  colourLegend(legendBox, lastLegend);
  const label = `Dispersion plot over ${fmt.int(tokens)} words: ${rows.map((d) => `${d.term} ${d.count} occurrences, DP ${fmt.fixed(d.dp, 2)}`).join('; ')}${highlight ? `; ${highlight}'s occurrences highlighted` : ''}`;
  const svg = dispersionChart({ points, terms, tokens, colours, width, highlight: on, dps: rows.map((d) => ({ term: d.term, dp: d.dp })) });
  putChart(figure, svg, label);
  onTickClick(svg, points, (p) => showInTranscript(p.start, p.start + p.term.length));
  /** @type {Column<Dispersion>[]} */
  const columns = [
    { key: 'term', label: 'Term', value: (d) => d.term, cell: (d) => termButton(d.term) },
    { key: 'count', label: 'Occurrences', numeric: true, value: (d) => d.count, cell: (d) => fmt.int(d.count) },
    { key: 'dp', label: 'DP', numeric: true, title: `Gries' DP, normalised: 0 even, 1 all in one part (${partsText})`, value: (d) => d.dp ?? -1, cell: (d) => fmt.fixed(d.dp, 2), csv: (d) => (d.dp === null ? '' : d.dp.toFixed(4)), attrs: (d) => ({ 'data-value': d.dp ?? '' }) },
    { key: 'first', label: 'First at word', numeric: true, value: (d) => d.positions[0] ?? -1, cell: (d) => (d.count ? fmt.int(d.positions[0]) : '—'), csv: (d) => d.positions[0] ?? '' },
    { key: 'last', label: 'Last at word', numeric: true, value: (d) => d.positions.at(-1) ?? -1, cell: (d) => (d.count ? fmt.int(d.positions.at(-1) ?? 0) : '—'), csv: (d) => d.positions.at(-1) ?? '' },
    ...visibleNames.slice(0, SPEAKER_COLUMNS_MAX).map((name) => ({ key: `sp:${name}`, label: name, numeric: true, value: (/** @type {Dispersion} */ d) => bySpeakerCount(d).get(name) ?? 0 })),
  ];
  if (sort && !columns.some((c) => c.key === sort?.key)) sort = null;
  const sorted = sortRows(columns, rows, sort);
  lastTables.dispersion = asShown(columns, sorted);
  table.replaceChildren(dataTable({
    columns, rows: sorted, sort, caption: `Occurrences and dispersion (DP over ${partsText.replace('parts: ', '')}) of the plotted terms.${columnsNote()}`,
    onSort: (next) => {
      sort = next;
      render();
    },
  }));
}

/**
 * The speakers' colours in the chart: their own, and HIGHLIGHT for the highlighted speaker
 * when they are in the shared grey. Fills the Highlight choice when some speakers share the
 * grey: the speakers of the plotted occurrences, most occurrences first.
 * @param {string[]} names  the visible speakers
 * @param {Dispersion[]} rows
 */
function speakerColours(names, rows) {
  const colours = new Map(names.map((n) => [n, colourOf(n)]));
  const grey = names.filter((n) => colours.get(n) === OTHER_COLOUR).length;
  if (!colours.has(highlight)) highlight = '';
  highlightControl.hidden = grey <= 1;
  highlightNote.hidden = grey <= 1;
  if (grey <= 1) {
    highlight = '';
    return colours;
  }
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const d of rows) {
    for (const [name, n] of bySpeakerCount(d)) if (colours.has(name)) counts.set(name, (counts.get(name) ?? 0) + n);
  }
  if (highlight && !counts.has(highlight)) counts.set(highlight, 0);
  const rank = new Map(names.map((n, i) => [n, i]));
  const options = [...counts].sort((x, y) => y[1] - x[1] || (rank.get(x[0]) ?? 0) - (rank.get(y[0]) ?? 0));
  highlightSelect.replaceChildren(h('option', { value: '', text: 'no one' }),
    ...options.map(([name, n]) => h('option', { value: name, text: `${name} (${fmt.int(n)})` })));
  highlightSelect.value = highlight;
  const picked = highlight && colours.get(highlight) === OTHER_COLOUR;
  if (picked) colours.set(highlight, HIGHLIGHT);
  highlightNote.textContent = `The ${fmt.int(names.length - grey)} speakers with the most words have colours of their own${picked ? `, ${highlight} is highlighted` : ''}; the other ${fmt.int(grey - (picked ? 1 : 0))} share the grey. Choose a speaker under Highlight speaker to draw their ticks in a colour of their own, over the others.`;
  return colours;
}

/** @type {Column<TermSpread>[]} */
const SPREAD_COLUMNS = [
  { key: 'term', label: 'Term', value: (d) => d.term, cell: (d) => termButton(d.term) },
  { key: 'count', label: 'Count', numeric: true, value: (d) => d.count, cell: (d) => fmt.int(d.count) },
  { key: 'dp', label: 'DP', numeric: true, value: (d) => d.dp, cell: (d) => cellBar(d.dp, fmt.fixed(d.dp, 2)),
    csv: (d) => d.dp.toFixed(4), attrs: (d) => ({ 'data-value': d.dp }) },
];

/**
 * The most evenly and most unevenly spread terms, from the core.
 * @param {number | 'speakers'} parts
 */
async function renderSpread(parts) {
  const a = state.analysis;
  let spread;
  try {
    spread = await askSpread({ parts, limit: SPREAD_ROWS, stopwords: state.settings.stopwords, extraStopwords: state.settings.extra });
  } catch (err) {
    if (!isCancelled(err)) spreadNote.textContent = `The spread could not be computed: ${messageOf(err)}`;
    return;
  }
  if (!spread || spread === STALE || state.analysis !== a) return;
  const over = parts === 'speakers' ? 'the speakers' : `${parts} equal parts`;
  /** @type {['even' | 'uneven', string][]} */
  const lists = [['even', `The most evenly spread terms (lowest DP over ${over})`], ['uneven', `The most unevenly spread terms (highest DP over ${over})`]];
  for (const [key, caption] of lists) {
    const rows = spread[key];
    lastTables[key] = asShown(SPREAD_COLUMNS, rows, key === 'even' ? 'most-even' : 'most-uneven');
    spreadTables[key].replaceChildren(rows.length ? dataTable({ columns: SPREAD_COLUMNS, rows, caption }) : h('p', { class: 'hint', text: 'No term occurs 5 times or more.' }));
  }
  const { even, uneven } = spread;
  const both = even.filter((d) => uneven.some((u) => u.term === d.term)).length;
  spreadNote.textContent = `Terms seen at least 5 times, stopwords left out, DP over ${over}.${both ? ` With few such terms, ${both === 1 ? 'one term is' : `${both} terms are`} in both lists.` : ''} Click a term to see it in context.`;
}
