// @ts-check
// Dynamics: how the conversation runs, as the core measures it (docs/analyses.md,
// "Conversation dynamics"): its timing, talk time beside word share, who speaks after
// whom, talk over time, per-speaker turn-taking, questions and their answers, and
// interruptions. Every figure is the core's; the page formats and caps them.
import { h, fmt, markup } from '../dom.js';
import { talkShareChart, transitionsChart, talkOverTimeChart, TOP_SPEAKERS } from '../charts.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { state, analysis, colourOf } from '../state.js';
import { OTHER_COLOUR } from '../colours.js';
import { messageOf } from '../status.js';
import { engine } from '../analyse.js';
import { isCancelled } from '../engine.js';
import { latest, STALE } from '../latest.js';
import { showInTranscript } from '../transcript.js';
import { swatch, legendEntries, colourLegend, chartWidth, putChart, noChart, showMore, focusSortButton } from './common.js';
import { tabPanel, select, control, legendList, chartFigure, chartActions, csvButton, tableHead, tableWrap, moreButton } from './shell.js';

/**
 * @import { Dynamics, SpeakerDynamics, QuestionPair, Interruption, InterruptionKind } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { LegendEntry } from '../exporting.js'
 * @import { View } from '../tabs.js'
 */

/** Rows of the questions and interruptions tables drawn until "Show all" (CSV has every row). */
const EVENT_ROWS = 200;
/** Characters of a question shown in its cell (the whole question is its tooltip, and in the CSV). */
const QUESTION_CHARS = 200;
/** The speakers in the charts: those with the most words (the heatmap grows with their square). */
const CHART_SPEAKERS = TOP_SPEAKERS;

/** @type {Record<Dynamics['timing'], string>} */
const TIMING_NOTES = {
  cues: "Times from the captions' cues.",
  starts: "Only turn starts are in the transcript: a turn ends where the next begins; the last turn's end is unknown.",
  none: 'This transcript has no times: time measures are absent, and rates are per 1,000 words.',
};
/** @type {Record<InterruptionKind, string>} */
const KINDS = { cutOff: 'Cut off', crosstalk: 'Crosstalk', overlap: 'Overlap' };

/** A duration in ms as m:ss (h:mm:ss from an hour; tenths under 10 s); "–" when absent. */
export function clock(/** @type {number | null | undefined} */ ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 10_000) return `0:0${(Math.round(ms / 100) / 10).toFixed(1)}`.replace(/^0:0(\d\d)/, '0:$1');
  const total = Math.round(ms / 1000);
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const ss = String(seconds).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
/** A number with `digits` decimals; "–" when absent. */
const num = (/** @type {number | null | undefined} */ n, digits = 1) => (n === null || n === undefined ? '–' : fmt.fixed(n, digits));
/** A share as a percentage; "–" when absent. */
const pct = (/** @type {number | null | undefined} */ n) => (n === null || n === undefined ? '–' : fmt.pct(n));

const timingNote = h('p', { id: 'dynamics-timing', class: 'hint', 'aria-live': 'polite' });
const figuresTable = tableWrap('dynamics-figures');
const shareLegend = legendList('dynamics-share-legend', 'Speaker colours');
const shareNote = h('p', { id: 'dynamics-share-note', class: 'hint' });
const shareFigure = chartFigure('dynamics-share-chart');
const transitionsNote = h('p', { id: 'dynamics-transitions-note', class: 'hint' });
const transitionsFigure = chartFigure('dynamics-transitions-chart');
const binsSelect = select('dynamics-bins', [['10', '10'], ['20', '20'], ['50', '50']], '20');
const timeNote = h('p', { id: 'dynamics-time-note', class: 'hint' });
const timeLegend = legendList('dynamics-time-legend', 'Speaker colours');
const timeFigure = chartFigure('dynamics-time-chart');
const speakersTable = tableWrap('dynamics-speakers-table');
const speakersMore = moreButton('dynamics-speakers-more');
const questionsNote = h('p', { id: 'dynamics-questions-note', class: 'hint' });
const questionsTable = tableWrap('dynamics-questions-table');
const questionsMore = moreButton('dynamics-questions-more');
const interruptionsNote = h('p', { id: 'dynamics-interruptions-note', class: 'hint' });
const interruptionsTable = tableWrap('dynamics-interruptions-table');
const interruptionsMore = moreButton('dynamics-interruptions-more');

/** @type {Record<'figures' | 'transitions' | 'speakers' | 'questions' | 'interruptions', Shown | null>} the tables as last shown, for their CSV */
const lastTables = { figures: null, transitions: null, speakers: null, questions: null, interruptions: null };
/** @type {{ share: LegendEntry[], transitions: LegendEntry[], time: LegendEntry[] }} the charts' legends, for their exports */
const lastLegends = { share: [], transitions: [], time: [] };
/** @type {Record<'speakers' | 'questions' | 'interruptions', Sort | null>} */
const sorts = { speakers: null, questions: null, interruptions: null };
/** Lists whose every row was asked for ("Show all"), until the next analysis. */
const showAll = { speakers: false, questions: false, interruptions: false };
/** @type {Dynamics | null} the answer last drawn, for the tables drawn again (sorting, Show all) */
let last = null;

/** @type {View} */
export const view = {
  name: 'dynamics',
  title: 'Dynamics',
  panel: tabPanel('dynamics',
    timingNote,
    tableHead(h('h3', {}, 'Conversation'), csvButton('dynamics-figures-csv', () => lastTables.figures, 'CSV of the conversation figures')), figuresTable,
    h('dl', { class: 'formula definitions', id: 'dynamics-figures-formula', 'aria-label': 'How the conversation figures are computed' }, markup`
      <div><dt>Duration</dt><dd>first timed start to last known end; a turn's interval is <code>[start, end)</code>, and turns without one are left out of time figures.</dd></div>
      <div><dt>Talk</dt><dd>time when at least one turn runs: <code>|⋃ intervals|</code>.</dd></div>
      <div><dt>Silence</dt><dd><code>duration − talk</code>, in the gaps between turns.</dd></div>
      <div><dt>Overlap</dt><dd><code>Σ |interval| − talk</code>: time when k ≥ 2 turns run counts k − 1 times. So the speakers' times sum to <code>duration − silence + overlap</code>.</dd></div>
      <div><dt>Switches</dt><dd>consecutive turns by different speakers (a speaker's consecutive labels are one turn); the rate per minute of the duration when timed, and per 1,000 words.</dd></div>`),
    h('h3', {}, 'Talk time and word share'),
    shareNote, shareLegend, shareFigure,
    chartActions({ figure: shareFigure, label: 'Export the talk time and word share chart and the speakers table', title: () => 'Talk time and word share', legend: () => lastLegends.share },
      csvButton('dynamics-share-csv', () => lastTables.speakers, 'CSV of the speakers table')),
    h('div', { class: 'formula' }, markup`<p><strong>Talk time share</strong> (Gong's talk ratio): <code>speaking time / Σ speakers' speaking time</code>, where a speaker's speaking time is <code>Σ |interval|</code> of their timed turns; silence is not in the denominator. <strong>Word share</strong> (edu-convokit's talk time by words): <code>words / Σ words</code>.</p>`),
    h('h3', {}, 'Who speaks after whom'),
    transitionsNote, transitionsFigure,
    chartActions({ figure: transitionsFigure, label: 'Export the transition matrix', title: () => 'Who speaks after whom', legend: () => lastLegends.transitions },
      csvButton('dynamics-transitions-csv', () => lastTables.transitions, 'CSV of the transition matrix')),
    h('div', { class: 'formula' }, markup`<p>Transition matrix (turn-taking, Sacks, Schegloff &amp; Jefferson 1974): <code>count(a, b)</code> = turns of a followed by a turn of b; a row sums to a's turns that have a turn after them, the matrix to <code>turns − 1</code>; the cell's shade is <code>share(a, b) = count(a, b) / Σ<sub>b</sub> count(a, b)</code>, the share of its row.</p>`),
    h('h3', {}, 'Talk over time'),
    h('form', { id: 'dynamics-form', class: 'controls' }, control('Bins', binsSelect)),
    timeNote, timeLegend, timeFigure,
    chartActions({ figure: timeFigure, label: 'Export the talk over time chart', title: () => 'Talk over time', legend: () => lastLegends.time }),
    h('div', { class: 'formula' }, markup`<p>Equal bins. Untimed, by words: bin b of n holds the word positions <code>[⌊b·W/n⌋, ⌊(b+1)·W/n⌋)</code> of the W words in turn order, and a speaker's share is their words in it over its words. Timed, by time: bins of equal time from the first start to the last end, and a speaker's share is their talk inside the bin over the bin's talk (overlapping turns count each). A bin's shares sum to 1, or are all zero when it holds no words or no talk.</p>`),
    tableHead(h('h3', {}, 'Speakers'), csvButton('dynamics-speakers-csv', () => lastTables.speakers, 'CSV of the speakers table')), speakersTable, speakersMore,
    h('dl', { class: 'formula definitions', id: 'dynamics-speakers-formula', 'aria-label': 'How the speakers figures are computed' }, markup`
      <div><dt>Words per minute</dt><dd>words of their timed turns <code>/ (speaking time / 60,000 ms)</code>.</dd></div>
      <div><dt>Longest turn</dt><dd>Gong's longest monologue: their longest turn in words, and their longest timed turn; each taken separately.</dd></div>
      <div><dt>Turns per minute</dt><dd><code>turns / (duration / 60,000 ms)</code> when timed; <strong>per 1,000 words</strong>: <code>1,000 · turns / Σ words</code>, always.</dd></div>
      <div><dt>Mean pause before</dt><dd>Gong's patience: the mean silence between the end of another speaker's turn and the start of theirs, over their turns that start at or after it (an overlapping start has no pause); with captions' cues only.</dd></div>
      <div><dt>Questions</dt><dd>asked, and others' questions they answered, with the mean words of their answers (below).</dd></div>
      <div><dt>Interruptions</dt><dd>made and received: each interrupting turn once per pair of speakers, whatever marks it.</dd></div>`),
    tableHead(h('h3', {}, 'Questions and answers'), csvButton('dynamics-questions-csv', () => lastTables.questions, 'CSV of the questions and answers')),
    questionsNote, questionsTable, questionsMore,
    h('div', { class: 'formula' }, markup`<p>Adjacency pairs (Schegloff &amp; Sacks 1973): a question turn is one whose last sentence ends in a question mark, or whose label is Q or Question. When another speaker's turn follows, that speaker answers, and the answer is their run of consecutive turns; a question followed by its asker again, or at the end, is unanswered.</p>`),
    tableHead(h('h3', {}, 'Interruptions'), csvButton('dynamics-interruptions-csv', () => lastTables.interruptions, 'CSV of the interruptions')),
    interruptionsNote, interruptionsTable, interruptionsMore,
    h('dl', { class: 'formula definitions', id: 'dynamics-interruptions-formula', 'aria-label': 'What counts as an interruption' }, markup`
      <div><dt>Cut off</dt><dd>a turn whose speech ends in <code>--</code>, <code>—</code>, <code>...</code> or <code>…</code>, followed by another speaker's turn.</dd></div>
      <div><dt>Crosstalk</dt><dd>a stage direction that says so (crosstalk, overlapping, interposing, simultaneous, interrupting, …): before a turn's first word, that turn's speaker coming in on the previous one; elsewhere, the next turn's speaker coming in on the turn holding it.</dd></div>
      <div><dt>Overlap</dt><dd>with captions' cues only: a turn that starts after the previous turn (another speaker's) starts and before it ends. Two speakers in one cue start together: their shared time counts as overlap, but it is no event.</dd></div>`)),
  render,
  update: () => Object.assign(showAll, { speakers: false, questions: false, interruptions: false }),
};

binsSelect.addEventListener('change', () => state.analysis && render());
speakersMore.addEventListener('click', () => { showAll.speakers = true; if (last) drawSpeakers(last); });
questionsMore.addEventListener('click', () => { showAll.questions = true; if (last) drawQuestions(last); });
interruptionsMore.addEventListener('click', () => { showAll.interruptions = true; if (last) drawInterruptions(last); });

const askDynamics = latest(engine.dynamics.bind(engine));

async function render() {
  const a = analysis();
  const bins = Number(binsSelect.value) || 20;
  timingNote.textContent = 'Measuring the conversation…';
  for (const figure of [shareFigure, transitionsFigure, timeFigure]) figure.setAttribute('aria-busy', 'true');
  /** @type {Dynamics | null | typeof STALE} */
  let d;
  try {
    d = await askDynamics({ bins });
  } catch (err) {
    if (isCancelled(err)) return;
    for (const figure of [shareFigure, transitionsFigure, timeFigure]) figure.removeAttribute('aria-busy');
    timingNote.textContent = `The conversation's dynamics could not be computed: ${messageOf(err)}`;
    return;
  }
  if (!d || d === STALE || state.analysis !== a) return; // a newer request will draw its own
  for (const figure of [shareFigure, transitionsFigure, timeFigure]) figure.removeAttribute('aria-busy');
  last = d;
  timingNote.textContent = `${TIMING_NOTES[d.timing]} ${fmt.count(d.turns, 'turn')}, ${fmt.count(d.words, 'word')}, ${fmt.count(d.speakers.length, 'speaker')} with a turn.`;
  drawFigures(d);
  drawShare(d);
  drawTransitions(d);
  drawTime(d);
  drawSpeakers(d);
  drawQuestions(d);
  drawInterruptions(d);
}

/** Why a time figure is absent. */
const noTime = (/** @type {Dynamics} */ d) => (d.timing === 'none' ? 'the transcript has no times' : 'too few timed turns');

/** @typedef {{ measure: string, value: string, note: string }} Figure */

/** The conversation's figures, each "–" with the reason when absent. */
function drawFigures(/** @type {Dynamics} */ d) {
  const why = noTime(d);
  /** @type {(ms: number | null, note?: string) => [string, string]} */
  const time = (ms, note = '') => (ms === null ? ['–', why] : [clock(ms), note]);
  const rates = [
    d.switchesPerMinute === null ? null : `${num(d.switchesPerMinute, 2)} per minute`,
    d.switchesPerThousandWords === null ? null : `${num(d.switchesPerThousandWords, 1)} per 1,000 words`,
  ].filter(Boolean).join(', ');
  /** @type {Figure[]} */
  const rows = [
    { measure: 'Timing', value: { cues: 'cues', starts: 'turn starts', none: 'none' }[d.timing], note: TIMING_NOTES[d.timing] },
    { measure: 'Turns', value: fmt.int(d.turns), note: '' },
    { measure: 'Words', value: fmt.int(d.words), note: '' },
    ...(/** @type {[string, number | null, string?][]} */ ([
      ['Duration', d.durationMs, 'first timed start to last known end'],
      ['Talk', d.talkMs, 'time when at least one turn runs'],
      ['Silence', d.gapMs, d.gaps === null ? '' : `in ${fmt.count(d.gaps, 'gap')}`],
      ['Overlap', d.overlapMs, 'time when two or more turns run'],
    ])).map(([measure, ms, note]) => {
      const [value, n] = time(ms, note);
      return { measure, value, note: n };
    }),
    { measure: 'Switches', value: fmt.int(d.switches), note: 'consecutive turns by different speakers' },
    { measure: 'Switch rate', value: rates || '–', note: rates ? (d.switchesPerMinute === null ? `per minute: – (${why})` : '') : 'no words' },
  ];
  /** @type {Column<Figure>[]} */
  const columns = [
    { key: 'measure', label: 'Measure', value: (r) => r.measure },
    { key: 'value', label: 'Value', value: (r) => r.value },
    { key: 'note', label: 'Note', value: (r) => r.note },
  ];
  lastTables.figures = asShown(columns, rows, 'conversation');
  figuresTable.replaceChildren(dataTable({ columns, rows, caption: 'The conversation as a whole' }));
}

/**
 * The speakers in the charts: the visible ones with the most words (the core's order),
 * at most CHART_SPEAKERS.
 * @param {Dynamics} d
 */
function chartSpeakers(d) {
  const shown = d.speakers.map((s, i) => ({ s, i })).filter(({ s }) => !state.hidden.has(s.name));
  return { top: shown.slice(0, CHART_SPEAKERS), visible: shown.length };
}

/** The cap on the charts' speakers, said when it applies. */
const capNote = (/** @type {number} */ visible) => (visible > CHART_SPEAKERS ? ` The ${CHART_SPEAKERS} speakers with the most words are shown (of ${fmt.int(visible)}).` : '');
/** Said when some speakers are hidden. */
const hiddenNote = () => (state.hidden.size ? ' Hidden speakers are left out of the charts.' : '');

function drawShare(/** @type {Dynamics} */ d) {
  const { top, visible } = chartSpeakers(d);
  const timed = d.speakers.some((s) => s.timeShare !== null);
  shareNote.textContent = `${timed ? "Each speaker's share of the talk time (solid) beside their share of the words (light)."
    : 'Word share only: this transcript has no speaking times.'}${capNote(visible)}${hiddenNote()}`;
  if (!top.length) {
    lastLegends.share = [];
    colourLegend(shareLegend, []);
    noChart(shareFigure, 'No speaker has a turn.');
    return;
  }
  /** @type {import('../charts.js').ShareBar[]} */
  const rows = top.flatMap(({ s }) => [
    ...(timed ? [{ name: s.name, measure: /** @type {const} */ ('time'), share: s.timeShare ?? 0, label: `${clock(s.speakingMs)} (${pct(s.timeShare)} of talk time)` }] : []),
    { name: s.name, measure: /** @type {const} */ ('words'), share: s.wordShare, label: `${fmt.int(s.words)} words (${fmt.pct(s.wordShare)})` },
  ]);
  const names = top.map(({ s }) => s.name);
  const colours = new Map(names.map((n) => [n, colourOf(n)]));
  lastLegends.share = legendEntries(names);
  colourLegend(shareLegend, lastLegends.share);
  const svg = talkShareChart({ rows, names, colours, width: chartWidth() });
  putChart(shareFigure, svg, `${timed ? 'Talk time and word share' : 'Word share'} by speaker: ${top.slice(0, 10).map(({ s }) => `${s.name} ${timed ? `${pct(s.timeShare)} of talk time, ` : ''}${fmt.pct(s.wordShare)} of words`).join('; ')}`);
}

function drawTransitions(/** @type {Dynamics} */ d) {
  const { top, visible } = chartSpeakers(d);
  const names = top.map(({ s }) => s.name);
  const at = new Map(top.map(({ i }, k) => [i, names[k]]));
  const cells = d.transitions.flatMap((t) => {
    const from = at.get(t.from);
    const to = at.get(t.to);
    return from === undefined || to === undefined ? [] : [{ from, to, count: t.count, share: t.share }];
  });
  const all = d.transitions.map((t) => ({ from: d.speakers[t.from]?.name ?? '', to: d.speakers[t.to]?.name ?? '', count: t.count, share: t.share }));
  /** @type {Column<typeof all[number]>[]} */
  const columns = [
    { key: 'from', label: 'Turn by', value: (r) => r.from },
    { key: 'to', label: 'Next turn by', value: (r) => r.to },
    { key: 'count', label: 'Count', numeric: true, value: (r) => r.count },
    { key: 'share', label: 'Share of row', numeric: true, value: (r) => r.share, csv: (r) => r.share.toFixed(4) },
  ];
  lastTables.transitions = asShown(columns, all, 'transitions');
  transitionsNote.textContent = `Rows: the speaker of a turn; columns: the speaker of the turn after it; each cell counts those pairs, shaded by its share of the row.${capNote(visible)}${visible > CHART_SPEAKERS ? ' The CSV has every pair.' : ''}${hiddenNote()}`;
  lastLegends.transitions = legendEntries(names);
  if (!cells.length) {
    noChart(transitionsFigure, d.turns < 2 ? 'One turn: no one speaks after anyone.' : 'No turn follows another among these speakers.');
    return;
  }
  const colours = new Map(names.map((n) => [n, colourOf(n)]));
  const svg = transitionsChart({ cells, names, colours, width: chartWidth() });
  const strongest = [...cells].sort((x, y) => y.count - x.count).slice(0, 5);
  putChart(transitionsFigure, svg, `Transition matrix of ${fmt.count(names.length, 'speaker')}: ${strongest.map((c) => `${c.from} → ${c.to} ${fmt.int(c.count)}`).join(', ')}`);
}

function drawTime(/** @type {Dynamics} */ d) {
  const { top, visible } = chartSpeakers(d);
  const byTime = d.binsBy === 'time';
  const unit = byTime ? 'minutes' : 'words';
  const scale = byTime ? 1 / 60_000 : 1;
  const names = top.map(({ s }) => s.name);
  const others = visible > top.length;
  const otherName = `${fmt.int(visible - top.length)} other speakers`;
  const topIndex = new Set(top.map(({ i }) => i));
  /** @type {import('../charts.js').TimeShare[]} */
  const rows = [];
  // Each bin is a step from its start; its last shares run on to the last bin's end.
  const steps = d.bins.map((bin) => ({ x: bin.start * scale, bin }));
  const end = d.bins.at(-1);
  if (end) steps.push({ x: end.end * scale, bin: end });
  for (const { x, bin } of steps) {
    const shares = (byTime ? bin.timeShares : null) ?? bin.wordShares;
    for (const { s, i } of top) rows.push({ name: s.name, x, share: shares[i] ?? 0 });
    if (others) {
      let rest = 0;
      d.speakers.forEach((s, i) => { if (!topIndex.has(i) && !state.hidden.has(s.name)) rest += shares[i] ?? 0; });
      rows.push({ name: otherName, x, share: rest });
    }
  }
  const series = others ? [...names, otherName] : names;
  timeNote.textContent = `${byTime ? "Each speaker's share of the talk in each of the bins of equal time." : `Each speaker's share of the words in each of the bins of equal words${d.timing === 'none' ? ' (no times in this transcript)' : ''}.`}${others ? ` The ${CHART_SPEAKERS} speakers with the most words, and the other ${fmt.int(visible - top.length)} together.` : ''}${hiddenNote()}`;
  const colours = new Map(series.map((n) => [n, n === otherName ? OTHER_COLOUR : colourOf(n)]));
  lastLegends.time = series.map((n) => [n, colours.get(n) ?? OTHER_COLOUR]);
  colourLegend(timeLegend, lastLegends.time);
  if (!d.bins.length || !series.length) {
    noChart(timeFigure, 'Nothing to show over time.');
    return;
  }
  const domain = /** @type {[number, number]} */ ([d.bins[0].start * scale, (d.bins.at(-1)?.end ?? 1) * scale]);
  const svg = talkOverTimeChart({ rows, names: series, colours, width: chartWidth(), unit, domain });
  putChart(timeFigure, svg, `Talk over time in ${fmt.count(d.bins.length, 'bin')} of equal ${byTime ? 'time' : 'words'}: each speaker's share, stacked`);
}

/** @type {(n: number | null) => string | number} */
const csvNum = (n) => (n === null ? '' : n);

/** @type {Column<SpeakerDynamics>[]} */
const SPEAKER_COLUMNS = [
  { key: 'name', label: 'Speaker', value: (s) => s.name, cell: (s) => [swatch(s.name), s.name] },
  { key: 'turns', label: 'Turns', numeric: true, value: (s) => s.turns, cell: (s) => fmt.int(s.turns) },
  { key: 'words', label: 'Words', numeric: true, value: (s) => s.words, cell: (s) => fmt.int(s.words) },
  { key: 'wordShare', label: 'Word share', numeric: true, value: (s) => s.wordShare, cell: (s) => fmt.pct(s.wordShare), csv: (s) => s.wordShare.toFixed(4) },
  ...(/** @type {[keyof SpeakerDynamics & string, string, 'clock' | 'pct' | number, string][]} */ ([
    ['speakingMs', 'Speaking time', 'clock', 'Sum of their timed turns (m:ss)'],
    ['timeShare', 'Talk time share', 'pct', "Of all speakers' speaking time"],
    ['wordsPerMinute', 'Words per minute', 0, 'Words of their timed turns per minute of them'],
    ['longestMonologueWords', 'Longest turn (words)', 0, 'Their longest turn in words'],
    ['longestMonologueMs', 'Longest turn (time)', 'clock', 'Their longest timed turn (m:ss)'],
    ['turnsPerMinute', 'Turns per minute', 2, 'Their turns per minute of the duration'],
    ['turnsPerThousandWords', 'Turns per 1,000 words', 1, 'Their turns per 1,000 words of the whole'],
    ['meanPauseBeforeMs', 'Mean pause before', 'clock', "Mean silence before their turns after another speaker's (cues only)"],
    ['questionsAsked', 'Questions asked', 0, 'Question turns'],
    ['questionsAnswered', 'Questions answered', 0, "Others' questions they answered"],
    ['meanAnswerWords', 'Mean answer words', 1, 'Mean words of their answers'],
    ['interruptionsMade', 'Interruptions made', 0, 'Interrupting turns, once per pair of speakers'],
    ['interruptionsReceived', 'Interruptions received', 0, 'Turns interrupted, once per pair of speakers'],
  ])).map(([key, label, format, title]) => /** @type {Column<SpeakerDynamics>} */ ({
    key, label, title, numeric: true,
    value: (s) => /** @type {number | null} */ (s[key]) ?? -Infinity,
    cell: (s) => {
      const v = /** @type {number | null} */ (s[key]);
      return format === 'clock' ? clock(v) : format === 'pct' ? pct(v) : v === null ? '–' : format === 0 ? fmt.int(v) : fmt.fixed(v, format);
    },
    csv: (s) => csvNum(/** @type {number | null} */ (s[key])),
  })),
];

function drawSpeakers(/** @type {Dynamics} */ d) {
  const sorted = sortRows(SPEAKER_COLUMNS, d.speakers, sorts.speakers);
  lastTables.speakers = asShown(SPEAKER_COLUMNS, sorted, 'dynamics-speakers');
  const limit = showMore(speakersMore, sorted.length, showAll.speakers);
  speakersTable.replaceChildren(dataTable({
    columns: SPEAKER_COLUMNS, rows: sorted, sort: sorts.speakers, limit,
    caption: `Turn-taking by speaker${d.timing === 'none' ? ' (no times: time columns are “–”)' : ''}${limit < sorted.length ? `: the ${fmt.int(limit)} with the most words (of ${fmt.int(sorted.length)}; the CSV has all)` : ''}`,
    onSort: (next) => {
      sorts.speakers = next;
      drawSpeakers(d);
      focusSortButton(speakersTable);
    },
  }));
}

/**
 * A "Show in transcript" button for `start..end`.
 * @param {number} start
 * @param {number} end
 * @param {string} title
 */
const showButton = (start, end, title) => h('button', { type: 'button', class: 'link show-in-transcript', title, onclick: () => showInTranscript(start, end) }, 'Show in transcript');

/** @param {string} s */
const clipText = (s) => (s.length <= QUESTION_CHARS ? s : `${s.slice(0, QUESTION_CHARS - 1).trimEnd()}…`);

/** A question's or an answer's speech (the core's, without labels or markup), clipped; the whole in its title. */
const speechCell = (/** @type {string} */ text) => h('span', { class: 'question-text', title: text.length > QUESTION_CHARS ? text : null, text: clipText(text) });

/** @type {Column<QuestionPair>[]} */
const QUESTION_COLUMNS = [
  { key: 'asker', label: 'Asker', value: (q) => q.asker, cell: (q) => [swatch(q.asker), q.asker] },
  { key: 'question', label: 'Question', value: (q) => q.questionText, sortable: false, cell: (q) => speechCell(q.questionText) },
  { key: 'answerer', label: 'Answerer', value: (q) => q.answerer ?? '', cell: (q) => (q.answerer === null ? h('em', { text: 'unanswered' }) : [swatch(q.answerer), q.answerer]),
    csv: (q) => q.answerer ?? '' },
  { key: 'answer', label: 'Answer', value: (q) => q.answerText ?? '', sortable: false, cell: (q) => (q.answerText === null ? '–' : speechCell(q.answerText)) },
  { key: 'questionWords', label: 'Question words', numeric: true, value: (q) => q.questionWords, cell: (q) => fmt.int(q.questionWords) },
  { key: 'answerWords', label: 'Answer words', numeric: true, value: (q) => q.answerWords, cell: (q) => fmt.int(q.answerWords) },
  { key: 'show', label: 'Where', sortable: false, value: (q) => `${q.questionStart}-${q.answerEnd ?? q.questionEnd}`,
    cell: (q) => showButton(q.questionStart, q.answerEnd ?? q.questionEnd, q.answerer === null ? 'Select the question in the transcript' : 'Select the question and its answer in the transcript') },
];

function drawQuestions(/** @type {Dynamics} */ d) {
  const qs = d.questions;
  const answered = qs.filter((q) => q.answerer !== null).length;
  questionsNote.textContent = qs.length ? `${fmt.count(qs.length, 'question')}, ${fmt.int(answered)} answered. “Show in transcript” selects the question and its answer.` : 'No question turns.';
  const sorted = sortRows(QUESTION_COLUMNS, qs, sorts.questions);
  lastTables.questions = asShown(QUESTION_COLUMNS, sorted, 'questions');
  const limit = eventLimit(questionsMore, sorted.length, showAll.questions, 'questions');
  questionsTable.replaceChildren(qs.length ? dataTable({
    columns: QUESTION_COLUMNS, rows: sorted, sort: sorts.questions, limit,
    caption: `Questions and who answered them${limit < sorted.length ? `: the first ${fmt.int(limit)} (of ${fmt.int(sorted.length)}; the CSV has all)` : ''}`,
    onSort: (next) => {
      sorts.questions = next;
      drawQuestions(d);
      focusSortButton(questionsTable);
    },
  }) : '');
}

/** @type {Column<Interruption>[]} */
const INTERRUPTION_COLUMNS = [
  { key: 'kind', label: 'Kind', value: (e) => KINDS[e.kind] },
  { key: 'interrupter', label: 'Interrupter', value: (e) => e.interrupter ?? '', cell: (e) => (e.interrupter === null ? '–' : [swatch(e.interrupter), e.interrupter]) },
  { key: 'interrupted', label: 'Interrupted', value: (e) => e.interrupted ?? '', cell: (e) => (e.interrupted === null ? '–' : [swatch(e.interrupted), e.interrupted]) },
  { key: 'turn', label: 'Turn', numeric: true, title: 'The interrupting turn, counted from 1', value: (e) => e.turn + 1, cell: (e) => fmt.int(e.turn + 1) },
  { key: 'show', label: 'Where', sortable: false, value: (e) => `${e.start}-${e.end}`, cell: (e) => showButton(e.start, e.end, 'Select what marks it in the transcript') },
];

function drawInterruptions(/** @type {Dynamics} */ d) {
  const events = d.interruptions;
  interruptionsNote.textContent = events.length ? `${fmt.count(events.length, 'interruption')}: ${Object.entries(KINDS).map(([k, label]) => `${label.toLowerCase()} ${fmt.int(events.filter((e) => e.kind === k).length)}`).join(', ')}.${d.timing === 'cues' ? '' : ' Overlaps need captions’ cues.'}` : `No interruptions found.${d.timing === 'cues' ? '' : ' Overlaps need captions’ cues.'}`;
  const sorted = sortRows(INTERRUPTION_COLUMNS, events, sorts.interruptions);
  lastTables.interruptions = asShown(INTERRUPTION_COLUMNS, sorted, 'interruptions');
  const limit = eventLimit(interruptionsMore, sorted.length, showAll.interruptions, 'interruptions');
  interruptionsTable.replaceChildren(events.length ? dataTable({
    columns: INTERRUPTION_COLUMNS, rows: sorted, sort: sorts.interruptions, limit,
    caption: `Interruptions, by turn${limit < sorted.length ? `: the first ${fmt.int(limit)} (of ${fmt.int(sorted.length)}; the CSV has all)` : ''}`,
    onSort: (next) => {
      sorts.interruptions = next;
      drawInterruptions(d);
      focusSortButton(interruptionsTable);
    },
  }) : '');
}

/**
 * Shows `button` ("Show all N things") when `count` rows are over the cap; returns the rows to draw.
 * @param {HTMLElement} button
 * @param {number} count
 * @param {boolean} all
 * @param {string} things
 */
function eventLimit(button, count, all, things) {
  const limit = all ? count : Math.min(count, EVENT_ROWS);
  button.hidden = limit >= count;
  button.textContent = `Show all ${fmt.int(count)} ${things}`;
  return limit;
}
