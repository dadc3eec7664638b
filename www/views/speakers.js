// @ts-check
// Speakers: word share as a stacked 100% bar (as ranked bars for many speakers), a sortable
// table, guidance when attribution is doubtful, and the speaker editor (speaker-edit.js).
import { h, fmt, afterPaint } from '../dom.js';
import { OTHER_COLOUR } from '../colours.js';
import { speakersChart, rankedSpeakersChart, MANY_SPEAKERS, TOP_SPEAKERS } from '../charts.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { state, analysis, visibleSpeakers, colourOf } from '../state.js';
import { noWordsReason, unattributed } from '../reasons.js';
import { applySettings, openLabelSetting } from '../settings-form.js';
import { swatch, legend, speakersLegend, chartWidth, putChart, noChart, showMore, focusSortButton } from './common.js';
import { tabPanel, legendList, chartFigure, chartActions, csvButton, tableHead, tableWrap, moreButton } from './shell.js';
import { editor, renderSpeakerEdit, placeOf, UNATTRIBUTED } from './speaker-edit.js';

/**
 * @import { Analysis, SpeakerStats } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { Segment } from '../charts.js'
 * @import { View } from '../tabs.js'
 */

/** @type {Column<SpeakerStats>[]} */
const COLUMNS = [
  { key: 'name', label: 'Speaker', value: (s) => s.name, cell: (s) => [swatch(s.name), s.name, placeTag(s.name)] },
  { key: 'words', label: 'Words', numeric: true, value: (s) => s.words, cell: (s) => fmt.int(s.words) },
  { key: 'share', label: 'Share of all words', numeric: true, value: (s) => s.share, cell: (s) => fmt.pct(s.share), csv: (s) => s.share.toFixed(4) },
  { key: 'turns', label: 'Turns', numeric: true, value: (s) => s.turns, cell: (s) => fmt.int(s.turns) },
  { key: 'meanTurnWords', label: 'Mean turn (words)', numeric: true, value: (s) => s.meanTurnWords, cell: (s) => fmt.dec(s.meanTurnWords), csv: (s) => s.meanTurnWords.toFixed(2) },
  { key: 'longestTurnWords', label: 'Longest turn', numeric: true, value: (s) => s.longestTurnWords, cell: (s) => fmt.int(s.longestTurnWords) },
  { key: 'questions', label: 'Questions', numeric: true, value: (s) => s.questions, cell: (s) => fmt.int(s.questions) },
];

/**
 * "hidden" or "left out" beside a speaker's name in the table.
 * @param {string} name
 */
function placeTag(name) {
  const place = placeOf(name);
  return place === 'shown' ? null : h('span', { class: 'tag', text: place === 'hidden' ? 'hidden' : 'left out' });
}

const shareTotal = h('p', { id: 'speakers-share-total', class: 'hint' });
const guideHeading = h('h4', { id: 'speakers-guide-heading' });
const guideBody = h('div', { id: 'speakers-guide-body' });
const guide = h('section', { id: 'speakers-guide', class: 'guide', 'aria-labelledby': 'speakers-guide-heading', hidden: true }, guideHeading, guideBody);
const legendBox = legendList('speakers-legend', 'Speaker colours');
const figure = chartFigure('speakers-chart');
/** The chart drawn last is ranked bars, which name their speakers (no legend). */
let ranked = false;
const actions = chartActions({ figure, id: 'speakers-chart-actions', label: 'Export the speakers chart', title: () => 'Share of words by speaker', legend: () => (ranked ? [] : speakersLegend()) });
const table = tableWrap('speakers-table');
const more = moreButton('speakers-more');
/** @type {Sort} */
let sort = { key: 'words', dir: 'desc' };
/** @type {Shown | null} the table as last shown, for its CSV */
let lastTable = null;
/** @type {Analysis | null} the analysis the editor was drawn for */
let editedFor = null;

more.addEventListener('click', () => {
  state.showAll.speakers = true;
  if (state.analysis) render();
});

/** @type {View} */
export const view = {
  name: 'speakers',
  title: 'Speakers',
  panel: tabPanel('speakers',
    h('h3', {}, 'Word share'), guide, shareTotal, legendBox, figure, actions,
    tableHead(h('h3', { id: 'speakers-table-heading' }, 'Speakers'), csvButton('speakers-csv', () => lastTable)),
    table, more,
    editor),
  render,
};

function render() {
  const a = analysis();
  const visible = visibleSpeakers();
  // No labels found: the guidance stands in place of a bar that is all "(unattributed)".
  const noLabels = renderGuide(a);
  ranked = visible.length >= MANY_SPEAKERS;
  for (const el of [shareTotal, legendBox, figure, actions]) el.hidden = noLabels;
  // Ranked bars name each speaker; the legend's "N other speakers" (the grey) would be another N.
  if (ranked) legendBox.hidden = true;
  const hiddenCount = a.speakers.length - visible.length;
  shareTotal.textContent = hiddenCount === 0 ? 'Shares of all words.'
    : `Shares of the shown speakers' words (${fmt.count(hiddenCount, 'speaker')} hidden); the table gives shares of all words.`;
  legend(legendBox, visible.map((s) => s.name));
  if (noLabels) {
    noChart(figure);
  } else if (visible.length && visible.some((s) => s.words > 0)) {
    const { segments, colours } = ranked ? rankedSegments(visible) : shareSegments(visible);
    const width = chartWidth();
    const svg = ranked ? rankedSpeakersChart({ speakers: segments, colours, width }) : speakersChart({ speakers: segments, colours, width });
    const total = segments.reduce((n, s) => n + s.words, 0) || 1;
    const shares = segments.map((s) => `${s.name} ${fmt.pct(s.words / total)}`).join(', ');
    const of = hiddenCount ? "the shown speakers'" : 'all';
    const summed = ranked && segments.length < visible.length; // the last bar sums the others
    putChart(figure, svg, ranked
      ? `Bar chart of the share of ${of} words by speaker${summed ? `, the ${fmt.int(segments.length - 1)} with the most words and the others as one bar` : ''}: ${shares}`
      : `Stacked bar of the share of ${of} words by speaker: ${shares}`);
  } else {
    // No speaker at all (a text of stage directions only): the reason, not "hidden".
    noChart(figure, visible.length === 0 && a.speakers.length > 0 ? 'No speaker to show: every speaker is hidden.'
      : noWordsReason() ?? 'No words to show: the visible speakers said nothing.');
  }
  const rows = sortRows(COLUMNS, a.speakers, sort);
  lastTable = asShown(COLUMNS, rows);
  const limit = showMore(more, rows.length, state.showAll.speakers);
  table.replaceChildren(dataTable({
    columns: COLUMNS, rows, sort, limit,
    caption: `Speakers: words, share of all words, turns, mean and longest turn, questions asked${limit < rows.length ? ` (the first ${fmt.int(limit)} of ${fmt.int(rows.length)} rows)` : ''}`,
    onSort: (next) => {
      sort = next;
      render();
      focusSortButton(table);
    },
  }));
  // Once per analysis: a redraw (a resize, hiding a speaker) must not wipe what is being typed.
  // The editor is below the chart and the table: it is drawn after the frame that shows
  // them (its up to 100 rows of controls were a fifth of a 100 KB paste's time to the chart).
  // `body[data-editor]` is `pending` until then.
  if (editedFor !== a) {
    editedFor = a;
    document.body.dataset.editor = 'pending';
    afterPaint(() => {
      if (editedFor !== a || state.analysis !== a) return;
      renderSpeakerEdit();
      document.body.dataset.editor = 'drawn';
    });
  }
}

/**
 * The guidance when attribution is doubtful: no speaker labels found, or few (the core's
 * label hint: lines that look like labels of another kind, and a label pattern reading them).
 * Returns true when no word has a speaker, so the word-share bar would be all "(unattributed)".
 * @param {Analysis} a
 */
function renderGuide(a) {
  const hint = a.labelHint;
  const noLabels = !a.speakers.some((s) => s.attributed) && (a.summary.tokens > 0 || !!hint);
  if (!noLabels && !hint) {
    guide.hidden = true;
    guideBody.replaceChildren();
    return false;
  }
  const none = unattributed(a);
  guideHeading.textContent = noLabels ? 'No speaker labels found' : 'Few speaker labels found';
  const body = [];
  if (noLabels) {
    body.push(h('p', { text: a.summary.tokens > 0
      ? `colloquy found no lines it reads as speaker labels, so all ${fmt.count(a.summary.tokens, 'word')} are counted as “${UNATTRIBUTED}”.`
      : 'colloquy found no lines it reads as speaker labels.' }));
  } else {
    body.push(h('p', { text: `Only ${fmt.pct(Math.max(0, 1 - none.share))} of the words have a speaker: ${fmt.count(none.words, 'word')} are counted as “${UNATTRIBUTED}”.` }));
  }
  const openSetting = h('button', { type: 'button', class: 'link', onclick: openLabelSetting }, 'Set the label pattern');
  if (hint) {
    // The examples as text: "Lines like `SMITH --`, `JONES --` and `CALLER --` look like …".
    const examples = hint.examples.flatMap((e, i) => [
      i === 0 ? '' : i === hint.examples.length - 1 ? ' and ' : ', ',
      h('code', { class: 'example', text: e }),
    ]);
    body.push(
      h('p', { id: 'speakers-guide-hint' }, 'Lines like ', examples, ' look like speaker labels: use them?'),
      h('p', { class: 'hint' }, `${fmt.count(hint.lines, 'line')} start this way; the label pattern would be `, h('code', { class: 'pattern', text: hint.pattern }), '.'),
      h('div', { class: 'buttons' },
        // The core's suggested pattern becomes the label-pattern setting, kept in the address.
        h('button', { type: 'button', id: 'use-label-hint', 'aria-describedby': 'speakers-guide-hint', onclick: () => applySettings({ ...state.settings, labelPattern: hint.pattern }) }, 'Use these as labels'),
        openSetting),
    );
  } else {
    body.push(h('p', {}, 'If the transcript marks its speakers in another way, a label pattern (a regular expression matched at the start of each line) can read them. ', openSetting));
  }
  guideBody.replaceChildren(...body);
  guide.hidden = false;
  return noLabels;
}

/**
 * The word-share segments: each speaker with a colour of its own, the speakers in the shared grey as one.
 * @param {SpeakerStats[]} visible
 * @returns {{ segments: Segment[], colours: Map<string, string> }}
 */
function shareSegments(visible) {
  const own = visible.filter((s) => colourOf(s.name) !== OTHER_COLOUR);
  const grey = visible.length - own.length;
  if (grey <= 1) return { segments: visible, colours: state.colours };
  const name = `${fmt.int(grey)} other speakers`;
  const words = visible.reduce((n, s) => n + s.words, 0) - own.reduce((n, s) => n + s.words, 0);
  return {
    segments: [...own, { name, words }],
    colours: new Map([...own.map((s) => /** @type {[string, string]} */ ([s.name, colourOf(s.name)])), [name, OTHER_COLOUR]]),
  };
}

/**
 * The ranked bars: the TOP_SPEAKERS speakers with the most words, each in its colour, then
 * the others summed in one grey bar (unless that would be one speaker: then every speaker).
 * @param {SpeakerStats[]} visible
 * @returns {{ segments: Segment[], colours: Map<string, string> }}
 */
function rankedSegments(visible) {
  const ranks = visible.toSorted((x, y) => y.words - x.words);
  const top = ranks.length > TOP_SPEAKERS + 1 ? ranks.slice(0, TOP_SPEAKERS) : ranks;
  /** @type {Segment[]} */
  const segments = top.map((s) => ({ name: s.name, words: s.words }));
  const colours = new Map(top.map((s) => [s.name, colourOf(s.name)]));
  const rest = visible.length - top.length;
  if (rest > 0) {
    const name = `${fmt.int(rest)} other speakers`;
    segments.push({ name, words: ranks.slice(top.length).reduce((n, s) => n + s.words, 0) });
    colours.set(name, OTHER_COLOUR);
  }
  return { segments, colours };
}
