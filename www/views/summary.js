// @ts-check
// Summary: the transcript's counts, its vocabulary and readability (whole and per
// speaker, with their definitions), the stage directions removed, and every diagnostic
// with a link to its place in the text (their count is on the tab).
import { h, fmt, markup } from '../dom.js';
import * as S from '../settings.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { state, analysis } from '../state.js';
import { SOURCE_NAMES } from '../files.js';
import { showInTranscript } from '../transcript.js';
import { swatch, showMore, focusSortButton } from './common.js';
import { tabPanel, csvButton, tableHead, tableWrap, moreButton } from './shell.js';

/**
 * @import { DirectionCount, Diagnostic } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { View } from '../tabs.js'
 */

/** Diagnostics listed until "Show all" (one per single-use label can mean thousands). */
const DIAGNOSTIC_ROWS = 100;

/**
 * A vocabulary and readability measure, with the digits shown (`whole`: not per speaker,
 * the speakers table has words).
 * @typedef {{ key: 'words' | 'types' | 'ttr' | 'mattr' | 'hapax' | 'sentences' | 'meanSentence' | 'questions' | 'colemanLiau',
 *   label: string, digits: number, long?: string, whole?: boolean }} Measure
 */
/** @typedef {Record<Measure['key'], number | null>} Measures */

/** @type {Measure[]} */
const LEXICAL = [
  { key: 'words', label: 'Words', digits: 0, whole: true },
  { key: 'types', label: 'Types', digits: 0, whole: true },
  { key: 'ttr', label: 'TTR', digits: 3, long: 'Type/token ratio (TTR)' },
  { key: 'mattr', label: 'MATTR', digits: 3, long: 'MATTR (500-word windows)' },
  { key: 'hapax', label: 'Hapax', digits: 0, long: 'Hapax legomena' },
  { key: 'sentences', label: 'Sentences', digits: 0 },
  { key: 'meanSentence', label: 'Mean sentence', digits: 1, long: 'Mean sentence length (words)' },
  { key: 'questions', label: 'Questions', digits: 0 },
  { key: 'colemanLiau', label: 'Coleman–Liau', digits: 1, long: 'Coleman–Liau index' },
];

const badge = h('span', { id: 'diag-count', class: 'badge', hidden: true });
const summaryTable = tableWrap('summary-table');
const lexicalTable = tableWrap('lexical-table');
const speakerTable = tableWrap('speaker-stats-table');
const speakerMore = moreButton('speaker-stats-more');
const directions = tableWrap('directions-table');
const directionsBox = h('div', { id: 'directions', hidden: true },
  tableHead(h('h3', {}, 'Stage directions removed'), csvButton('directions-csv', () => lastTables.directions)), directions);
const diagnostics = h('ul', { id: 'diagnostics', class: 'diagnostics' });
const diagnosticsMore = moreButton('diagnostics-more');
/** @type {Sort | null} */
let speakerSort = null;
/** @type {Record<'summary' | 'lexical' | 'speakerStats' | 'directions' | 'diagnostics', Shown | null>} the tables as last shown, for their CSV */
const lastTables = { summary: null, lexical: null, speakerStats: null, directions: null, diagnostics: null };

/** @type {View} */
export const view = {
  name: 'summary',
  title: 'Summary',
  badge,
  panel: tabPanel('summary',
    tableHead(h('h3', {}, 'Summary'), csvButton('summary-csv', () => lastTables.summary)), summaryTable,
    tableHead(h('h3', { id: 'lexical-heading' }, 'Vocabulary and readability'), csvButton('lexical-csv', () => lastTables.lexical, 'CSV of the vocabulary and readability table')), lexicalTable,
    tableHead(h('h3', {}, 'By speaker'), csvButton('speaker-stats-csv', () => lastTables.speakerStats, 'CSV of the vocabulary and readability by speaker')), speakerTable, speakerMore,
    h('dl', { class: 'formula definitions', id: 'lexical-formula', 'aria-label': 'How each measure is computed' }, markup`
      <div><dt>TTR</dt><dd>type/token ratio: <code>types / words</code>; it falls as a text grows, so compare MATTR across texts of different lengths.</dd></div>
      <div><dt>MATTR</dt><dd>moving-average TTR (Covington &amp; McFall 2010): the mean of <code>types(window) / 500</code> over every window of 500 consecutive words; the TTR for shorter texts.</dd></div>
      <div><dt>Hapax</dt><dd>hapax legomena: words used exactly once.</dd></div>
      <div><dt>Sentences</dt><dd>sentences of speech; a question is a sentence ending in a question mark.</dd></div>
      <div><dt>Mean sentence</dt><dd>mean sentence length: <code>words / sentences</code>.</dd></div>
      <div><dt>Coleman–Liau</dt><dd><code>0.0588·L − 0.296·S − 15.8</code>, with L letters and S sentences per 100 words (about a US school grade); letters, not syllables, so compare it within one language only.</dd></div>`),
    directionsBox,
    tableHead(h('h3', {}, 'Diagnostics'), csvButton('diagnostics-csv', () => lastTables.diagnostics)),
    diagnostics, diagnosticsMore),
  render,
  update: countDiagnostics,
};

speakerMore.addEventListener('click', () => {
  state.showAll.speakerStats = true;
  if (state.analysis) renderLexical();
});
diagnosticsMore.addEventListener('click', () => {
  state.showAll.diagnostics = true;
  if (state.analysis) renderDiagnostics();
});

/** The tab's badge: how many diagnostics there are. */
function countDiagnostics() {
  const n = analysis().diagnostics.length;
  badge.hidden = n === 0;
  badge.textContent = String(n);
  badge.setAttribute('aria-label', `${n} diagnostics`);
}

/** @typedef {{ metric: string, value: string | number }} Metric */
/** @type {Column<Metric>[]} */
const SUMMARY_COLUMNS = [
  { key: 'metric', label: 'Measure', value: (r) => r.metric },
  { key: 'value', label: 'Value', numeric: true, value: (r) => r.value, cell: (r) => (typeof r.value === 'number' ? fmt.int(r.value) : r.value) },
];
/** @type {Column<DirectionCount>[]} */
const DIRECTION_COLUMNS = [
  { key: 'kind', label: 'Kind', value: (d) => d.kind },
  { key: 'count', label: 'Count', numeric: true, value: (d) => d.count },
];
/** @type {Column<Diagnostic>[]} */
const DIAGNOSTIC_COLUMNS = [
  { key: 'kind', label: 'Kind', value: (d) => d.kind },
  { key: 'message', label: 'Message', value: (d) => d.message },
  { key: 'start', label: 'Start', value: (d) => d.start },
  { key: 'end', label: 'End', value: (d) => d.end },
];

function render() {
  const a = analysis();
  const s = a.summary;
  /** @type {[string, string | number][]} */
  const metrics = [
    ['Words (tokens)', s.tokens], ['Types (distinct words)', s.types], ['Sentences', s.sentences], ['Turns', s.turns],
    ['Speakers', s.speakers], ['Format', s.format], ['Script', s.script ?? 'unknown'],
    ['Language', s.languageName ? `${s.languageName} (${s.language})` : 'unknown'], ['Stopwords', s.stopwords],
    ['Word forms grouped (stemming)', s.stemmer ? `yes: Snowball, ${S.STOPWORD_LANGUAGES[s.stemmer] ?? s.stemmer}` : state.settings.stem ? 'no: no stemmer for this language' : 'no'],
    ['Stage directions removed', s.stageDirections], ['Page furniture lines excluded', s.excludedFurnitureLines],
  ];
  if (state.opened) {
    // The file's name is untrusted: the table sets it as text.
    metrics.unshift(['Opened file', `${state.opened.name} (${SOURCE_NAMES[state.opened.source]})`]);
    if (state.opened.notes.length) metrics.splice(1, 0, ['Left out when the file was read', state.opened.notes.join('; ')]);
  }
  const rows = metrics.map(([metric, value]) => ({ metric, value }));
  lastTables.summary = asShown(SUMMARY_COLUMNS, rows);
  summaryTable.replaceChildren(dataTable({ columns: SUMMARY_COLUMNS, rows, caption: 'Summary of the transcript' }));
  renderLexical();
  lastTables.directions = asShown(DIRECTION_COLUMNS, a.stageDirections);
  directionsBox.hidden = a.stageDirections.length === 0;
  directions.replaceChildren(dataTable({ columns: DIRECTION_COLUMNS, rows: a.stageDirections, caption: 'Stage directions removed from speech, by kind' }));
  lastTables.diagnostics = asShown(DIAGNOSTIC_COLUMNS, a.diagnostics);
  renderDiagnostics();
}

function renderDiagnostics() {
  const all = analysis().diagnostics;
  const shown = state.showAll.diagnostics ? all : all.slice(0, DIAGNOSTIC_ROWS);
  diagnostics.replaceChildren(...(all.length ? shown.map((d) => h('li', {},
    h('span', { class: 'tag', text: d.kind }), ' ', d.message, ' ',
    d.end > d.start ? h('button', { type: 'button', class: 'link', onclick: () => showInTranscript(d.start, d.end) }, 'Show in transcript') : null))
    : [h('li', { class: 'hint', text: 'Nothing doubtful: no diagnostics.' })]));
  if (shown.length < all.length) {
    diagnostics.append(h('li', { class: 'hint', text: `The first ${fmt.int(shown.length)} of ${fmt.int(all.length)} diagnostics (the CSV has them all).` }));
  }
  diagnosticsMore.hidden = shown.length >= all.length;
  diagnosticsMore.textContent = `Show all ${fmt.int(all.length)} diagnostics`;
}

/**
 * @param {Measure} m
 * @param {number | null} v
 */
const showValue = (m, v) => (m.digits === 0 && v !== null ? fmt.int(v) : fmt.fixed(v, m.digits));
/**
 * @param {Measure} m
 * @param {number | null} v
 */
const csvValue = (m, v) => (v === null || v === undefined ? '' : m.digits === 0 ? v : Number(v.toFixed(6)));

/** The whole transcript's and each speaker's vocabulary and readability measures. */
function renderLexical() {
  const a = analysis();
  const s = a.summary;
  /** @type {Measures} */
  const whole = {
    words: s.tokens, types: s.types, ttr: s.ttr, mattr: s.mattr, hapax: s.hapax, sentences: s.sentences,
    meanSentence: s.meanSentenceLength, questions: a.speakers.reduce((n, sp) => n + sp.questions, 0), colemanLiau: s.colemanLiau,
  };
  const rows = LEXICAL.map((m) => ({ key: m.key, measure: m.long ?? m.label, value: whole[m.key], m }));
  /** @type {Column<typeof rows[number]>[]} */
  const columns = [
    { key: 'measure', label: 'Measure', value: (r) => r.measure },
    { key: 'value', label: 'Value', numeric: true, value: (r) => r.value ?? '', cell: (r) => showValue(r.m, r.value), csv: (r) => csvValue(r.m, r.value), attrs: (r) => ({ 'data-measure': r.key, 'data-value': r.value ?? '' }) },
  ];
  lastTables.lexical = asShown(columns, rows, 'vocabulary');
  lexicalTable.replaceChildren(dataTable({ columns, rows, caption: 'Vocabulary and readability of the whole transcript (definitions below)' }));

  // Per speaker; the core's mean sentence length is 0 for a speaker with no sentence.
  const perSpeaker = a.speakers.map((sp) => ({
    name: sp.name, words: sp.words, types: sp.types, ttr: sp.ttr, mattr: sp.mattr, hapax: sp.hapax, sentences: sp.sentences,
    meanSentence: sp.sentences ? sp.meanSentenceLength : null, questions: sp.questions, colemanLiau: sp.colemanLiau,
  }));
  /** @type {Column<typeof perSpeaker[number]>[]} */
  const scols = [
    { key: 'name', label: 'Speaker', value: (r) => r.name, cell: (r) => [swatch(r.name), r.name] },
    ...LEXICAL.filter((m) => !m.whole).map((m) => /** @satisfies {Column<typeof perSpeaker[number]>} */ ({
      key: m.key, label: m.label, title: m.long, numeric: true, value: (r) => r[m.key] ?? -Infinity,
      cell: (r) => showValue(m, r[m.key]), csv: (r) => csvValue(m, r[m.key]), attrs: (r) => ({ 'data-value': r[m.key] ?? '' }),
    })),
  ];
  if (speakerSort && !scols.some((c) => c.key === speakerSort?.key)) speakerSort = null;
  const sorted = sortRows(scols, perSpeaker, speakerSort);
  lastTables.speakerStats = asShown(scols, sorted, 'speaker-stats');
  const limit = showMore(speakerMore, sorted.length, state.showAll.speakerStats);
  speakerTable.replaceChildren(dataTable({
    columns: scols, rows: sorted, sort: speakerSort, limit,
    caption: `Vocabulary and readability by speaker (definitions below)${limit < sorted.length ? `; the first ${fmt.int(limit)} of ${fmt.int(sorted.length)} rows` : ''}`,
    onSort: (next) => {
      speakerSort = next;
      renderLexical();
      focusSortButton(speakerTable);
    },
  }));
}
