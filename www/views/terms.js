// @ts-check
// Terms: a bar chart of the top terms, for everyone (optionally split by speaker) or for
// one speaker, and their table (with the grouped word forms when stemming is on).
import { h, fmt } from '../dom.js';
import { OTHER_COLOUR, NEUTRAL } from '../colours.js';
import { termsChart } from '../charts.js';
import { onMarkClick } from '../chart-clicks.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { state, analysis, visibleSpeakers, visibleTerms, colourOf, countOf, formsOf } from '../state.js';
import { noTermsReason } from '../reasons.js';
import { legend, speakersLegend, chartWidth, putChart, noChart, columnsNote, clickableTickLabels, focusSortButton, SPEAKER_COLUMNS_MAX } from './common.js';
import { tabPanel, select, control, checkbox, legendList, chartFigure, chartActions, csvButton, tableWrap } from './shell.js';
import { showKwic, termButton } from './kwic.js';

/**
 * @import { SpeakerStats, TermStats, SpeakerTerm } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { TermBar } from '../charts.js'
 * @import { View } from '../tabs.js'
 */

const split = h('input', { type: 'checkbox', id: 'terms-split' });
const speakerSelect = select('terms-speaker', [['', 'All speakers']]);
const limitSelect = select('terms-limit', ['10', '20', '30', '50', '100'].map((n) => [n, n]), '30');
const legendBox = legendList('terms-legend', 'Speaker colours');
legendBox.hidden = true;
const figure = chartFigure('terms-chart');
const tableNote = h('p', { id: 'terms-table-note', class: 'hint' });
const table = tableWrap('terms-table');
/** @type {Sort | null} */
let sort = null;
/** @type {Shown | null} the table as last shown, for its CSV */
let lastTable = null;

/** @type {View} */
export const view = {
  name: 'terms',
  title: 'Terms',
  panel: tabPanel('terms',
    h('div', { class: 'controls' }, checkbox(split, 'Split by speaker'), control('Speaker', speakerSelect), control('Terms shown', limitSelect)),
    h('p', { class: 'hint' }, 'Click a bar or a term to see it in context.'),
    legendBox, figure,
    chartActions({ figure, label: 'Export the terms chart and table', title: () => 'Most frequent terms', legend: chartLegend },
      csvButton('terms-csv', () => lastTable, 'CSV of the terms table')),
    h('details', { class: 'alt', id: 'terms-details' }, h('summary', {}, 'Table of terms'), tableNote, table)),
  render,
  update: fillSpeakers,
};

for (const control of [split, speakerSelect, limitSelect]) control.addEventListener('change', () => state.analysis && render());

/** The speaker list follows the analysis; the speaker chosen stays if it is still there. */
function fillSpeakers() {
  const current = speakerSelect.value;
  const { speakers } = analysis();
  speakerSelect.replaceChildren(h('option', { value: '', text: 'All speakers' }),
    ...speakers.map((s) => h('option', { value: s.name, text: s.name })));
  speakerSelect.value = speakers.some((s) => s.name === current) ? current : '';
}

/** The export's legend: the speakers when split, the one speaker chosen, or none. */
function chartLegend() {
  if (split.checked) return speakersLegend();
  const speaker = speakerSelect.value;
  return speaker ? [/** @type {[string, string]} */ ([speaker, colourOf(speaker)])] : [];
}

/** The terms table's Forms column, when word forms are grouped. */
function formsColumn() {
  if (!analysis().summary.stemmer) return [];
  return [{ key: 'forms', label: 'Forms', sortable: false, value: (/** @type {{ term: string }} */ t) => formsOf(t.term).join(', '), cell: (/** @type {{ term: string }} */ t) => h('span', { class: 'forms', text: formsOf(t.term).join(', ') }) }];
}

function render() {
  const a = analysis();
  const speaker = speakerSelect.value;
  const limit = Number(limitSelect.value);
  split.disabled = Boolean(speaker);
  const splitting = split.checked && !speaker;
  legendBox.hidden = !splitting;
  if (splitting) legend(legendBox, visibleSpeakers().map((s) => s.name));
  if (speaker) {
    const top = (a.speakers.find((s) => s.name === speaker)?.topTerms ?? []).slice(0, limit);
    /** @type {Column<SpeakerTerm>[]} */
    const columns = [
      { key: 'term', label: 'Term', value: (t) => t.term, cell: (t) => termButton(t.term) },
      { key: 'count', label: 'Count', numeric: true, value: (t) => t.count, cell: (t) => fmt.int(t.count) },
      ...formsColumn(),
    ];
    drawChart({ rows: top }, top.map((t) => t.term), {
      fill: colourOf(speaker),
      label: `Bar chart of ${speaker}'s ${top.length} most frequent terms: ${top.slice(0, 10).map((t) => `${t.term} ${t.count}`).join(', ')}`,
    });
    drawTable(columns, top, speaker);
  } else {
    const visible = visibleSpeakers();
    const top = visibleTerms().slice(0, limit);
    /** @type {Column<TermStats>[]} */
    const columns = [
      { key: 'term', label: 'Term', value: (t) => t.term, cell: (t) => termButton(t.term) },
      { key: 'count', label: 'Count', numeric: true, value: (t) => t.count, cell: (t) => fmt.int(t.count) },
      { key: 'per10k', label: state.hidden.size ? "Per 10,000 of the shown speakers' words" : 'Per 10,000 words', numeric: true, value: (t) => t.per10k, cell: (t) => fmt.dec(t.per10k), csv: (t) => t.per10k.toFixed(2) },
      ...formsColumn(),
      ...visible.slice(0, SPEAKER_COLUMNS_MAX).map((s) => ({ key: `sp:${s.name}`, label: s.name, numeric: true, value: (/** @type {TermStats} */ t) => countOf(t.bySpeaker, s.name), cell: (/** @type {TermStats} */ t) => fmt.int(countOf(t.bySpeaker, s.name)) })),
    ];
    drawChart(splitting ? splitRows(top, visible) : { rows: top }, top.map((t) => t.term), {
      fill: NEUTRAL,
      label: `Bar chart of the ${top.length} most frequent terms${splitting ? ', split by speaker' : ''}: ${top.slice(0, 10).map((t) => `${t.term} ${t.count}`).join(', ')}`,
    });
    drawTable(columns, top, null);
  }
}

/**
 * The chart of `terms` (or why there is none): one bar each, or bars split by speaker.
 * @param {{ rows: TermBar[], colours?: Map<string, string> }} bars
 * @param {string[]} terms
 * @param {{ fill: string, label: string }} o
 */
function drawChart({ rows, colours }, terms, { fill, label }) {
  const speaker = speakerSelect.value;
  if (terms.length) {
    const svg = termsChart({ rows, terms, colours: colours ?? new Map(), width: chartWidth(), fill, stacked: Boolean(colours) });
    putChart(figure, svg, label);
    onMarkClick(svg, 'g[aria-label="bar"] rect', rows, (d) => showKwic(d.term));
    clickableTickLabels(svg, terms, (term) => showKwic(term));
  } else {
    const words = analysis().speakers.find((s) => s.name === speaker)?.words;
    noChart(figure, !speaker ? noTermsReason()
      : words ? `No terms of ${speaker} to show: each of their words is a stopword or a number.` : `${speaker} said no words.`);
  }
}

/**
 * The table of terms, of `speaker` (null: everyone).
 * @template {TermStats | SpeakerTerm} R
 * @param {Column<R>[]} columns
 * @param {R[]} top
 * @param {string | null} speaker
 */
function drawTable(columns, top, speaker) {
  if (sort && !columns.some((c) => c.key === sort?.key)) sort = null;
  const rows = sortRows(columns, top, sort);
  lastTable = asShown(columns, rows);
  tableNote.textContent = `${rows.length} terms${speaker ? ` of ${speaker}` : ''}.${speaker ? '' : columnsNote()}${analysis().summary.stemmer ? ' Word forms are grouped by their stem: a term is labelled by its most frequent form, and Forms lists them all.' : ''}`;
  table.replaceChildren(dataTable({
    columns, rows, sort, caption: speaker ? `Top terms of ${speaker}` : 'Top terms',
    onSort: (next) => {
      sort = next;
      render();
      focusSortButton(table);
    },
  }));
}

/**
 * The bars of the terms chart split by speaker: one segment per speaker with a colour of
 * its own, and the speakers drawn in the shared grey as one segment per term.
 * @param {TermStats[]} top
 * @param {SpeakerStats[]} visible
 * @returns {{ rows: TermBar[], colours: Map<string, string> }}
 */
function splitRows(top, visible) {
  const own = visible.filter((s) => colourOf(s.name) !== OTHER_COLOUR);
  const grey = visible.length - own.length;
  const speakers = grey <= 1 ? visible : own;
  const colours = new Map(speakers.map((s) => [s.name, colourOf(s.name)]));
  const others = `${fmt.int(grey)} other speakers`;
  if (grey > 1) colours.set(others, OTHER_COLOUR);
  const hidden = state.hidden;
  const rows = top.flatMap((t) => {
    const bars = speakers.filter((s) => countOf(t.bySpeaker, s.name)).map((s) => ({ term: t.term, speaker: s.name, count: countOf(t.bySpeaker, s.name) }));
    if (grey > 1) {
      let rest = 0;
      for (const [name, c] of Object.entries(t.bySpeaker)) if (!colours.has(name) && !hidden.has(name)) rest += c;
      if (rest) bars.push({ term: t.term, speaker: others, count: rest });
    }
    return bars;
  });
  return { rows, colours };
}
