// @ts-check
// The page's state: the settings, the speaker edits, the analysis shown and what more than
// one module reads. Data flows one way: the engine's answers are put in here (analyse.js),
// watchers are told, and the views render from it.
import * as S from './settings.js';
import { OTHER_COLOUR, colourMap } from './colours.js';
import { facts } from './pkg/facts.js';

/**
 * @import { Analysis, SourceFormat, SpeakerStats, TermStats } from './pkg/colloquy.js'
 * @import { Settings } from './settings.js'
 */

/**
 * The concordance shown under the views.
 * @typedef {object} Kwic
 * @property {string} term  what was asked for
 * @property {string[]} queries  what the core is asked: the term, or a stemmed term's forms
 * @property {string | null} collocate  only the lines with this word within `window` words
 * @property {number | null} window
 * @property {boolean} all  every line, even those without the collocate nearby
 */
/**
 * The opened file: its name, the format it was read as and what the reader left out.
 * @typedef {{ name: string, source: SourceFormat, notes: string[] }} Opened
 */
/**
 * The analysis being run (`big`: progress shown; `streamed`: the queries wait for its Document, protocol.js: STREAM_OVER).
 * @typedef {{ started: number, big: boolean, streamed?: boolean, key: string | null, prefix?: string }} Job
 */

export const state = {
  settings: S.fromHash(location.hash),
  /** @type {Record<string, string>} label → speaker, the core's `aliases` option */
  aliases: {},
  /** @type {Set<string>} names seen as speakers while no alias pointed at them (real labels) */
  labels: new Set(),
  /** @type {Set<string>} speakers left out of the charts (their words still counted) */
  hidden: new Set(),
  /** @type {Set<string>} of the hidden, those also left out of the comparisons (distinctive words) */
  leftOut: new Set(),
  /** @type {string[]} distinctive words are measured against these speakers; empty: everyone else */
  against: [],
  /** The edits put back from an earlier transcript (remember.js: label → speaker, hidden), said so in the editor. */
  earlier: { aliases: new Map(/** @type {[string, string][]} */ ([])), hidden: new Set(/** @type {string[]} */ ([])) },
  /** A new text whose first analysis has not come yet: remembered names may apply to it. */
  newText: false,
  /** @type {Analysis | null} */
  analysis: null,
  version: '',
  /** @type {string | null} the opened file's name without its extension (null: a pasted or typed text); exports are named after it (source.js) */
  file: null,
  /** @type {Opened | null} the opened file (null: a pasted or typed text, or the example) */
  opened: null,
  /** @type {Map<string, string>} speaker → colour, the same in every chart */
  colours: new Map(),
  /** @type {string | null} parse options of the document the worker holds */
  loadedKey: null,
  textLength: 0, // of the analysed text
  /** @type {Job | null} */
  job: null,
  analyses: 0, // analyses shown so far
  width: 0, // of the results column, measured once per drawing
  /** @type {Kwic | null} */
  kwic: null,
  /** @type {string[] | null} the terms plotted in Dispersion; null: the top terms */
  dispersionTerms: null,
  /** Every row of the capped lists (not just the first ones), until the speaker edits are reset. */
  showAll: { speakers: false, speakerStats: false, diagnostics: false },
};

/** @typedef {'analysis' | 'settings' | 'reset'} Topic */
/** @type {Record<Topic, Array<() => void>>} */
const watchers = { analysis: [], settings: [], reset: [] };

/**
 * Calls `fn` after each change of `topic`: a new analysis in state, new settings, the
 * speaker edits reset (a new text).
 * @param {Topic} topic
 * @param {() => void} fn
 */
export function watch(topic, fn) {
  watchers[topic].push(fn);
}

/** @param {Topic} topic */
function notify(topic) {
  for (const fn of watchers[topic]) fn();
}

/**
 * Puts a new analysis into state (null: none), with its speakers' colours, and the views
 * render from it.
 * @param {Analysis | null} analysis
 */
export function setAnalysis(analysis) {
  state.analysis = analysis;
  if (analysis) {
    state.colours = colourMap(analysis.speakers.map((s) => s.name), facts.unattributed);
    // The names no alias points at are labels of the text (speaker-edit.js: addAlias).
    const targets = new Set(Object.values(state.aliases));
    for (const s of analysis.speakers) if (!targets.has(s.name)) state.labels.add(s.name);
  }
  notify('analysis');
}

/**
 * Puts new settings into state; the forms that show them follow.
 * @param {Settings} settings
 */
export function setSettings(settings) {
  state.settings = settings;
  notify('settings');
}

/** Forgets the speaker edits (a new text). */
export function resetSpeakerEdits() {
  state.aliases = {};
  state.hidden = new Set();
  state.leftOut = new Set();
  state.against = [];
  state.labels = new Set();
  state.earlier = { aliases: new Map(), hidden: new Set() };
  state.newText = true;
  state.showAll = { speakers: false, speakerStats: false, diagnostics: false };
  notify('reset');
}

/**
 * The comparison the core is asked for (settings.js: viewOptions).
 * @returns {import('./settings.js').Comparison}
 */
export const comparison = () => ({ against: state.against, leaveOut: [...state.leftOut] });

// ---------------------------------------------------------------- read from the analysis

/**
 * The analysis shown; only called where there is one.
 * @returns {Analysis}
 */
export function analysis() {
  if (!state.analysis) throw new Error('no analysis yet');
  return state.analysis;
}

/** @returns {SpeakerStats[]} the speakers not hidden from the charts */
export const visibleSpeakers = () => analysis().speakers.filter((s) => !state.hidden.has(s.name));

/** @param {string} name */
export const colourOf = (name) => state.colours.get(name) ?? OTHER_COLOUR;

/**
 * A speaker's count in a result's `bySpeaker`: own keys only (a speaker may be called "constructor").
 * @param {Record<string, number>} bySpeaker
 * @param {string} name
 */
export const countOf = (bySpeaker, name) => (Object.hasOwn(bySpeaker, name) ? bySpeaker[name] : 0);

/**
 * Term counts over the visible speakers, most frequent first.
 * @returns {TermStats[]}
 */
export function visibleTerms() {
  const a = analysis();
  if (state.hidden.size === 0) return a.terms;
  const words = visibleSpeakers().reduce((n, s) => n + s.words, 0) || 1;
  return a.terms
    .map((t) => {
      const count = Object.entries(t.bySpeaker).reduce((n, [name, c]) => n + (state.hidden.has(name) ? 0 : c), 0);
      return { ...t, count, per10k: (count / words) * 10_000 };
    })
    .filter((t) => t.count > 0)
    .sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : 1));
}

/** The top terms' grouped forms, of one analysis. */
let forms = { of: /** @type {Analysis | null} */ (null), byTerm: /** @type {Map<string, string[]>} */ (new Map()) };

/**
 * With stemming: the forms grouped under `term` (empty when it stands alone or is not a top term).
 * @param {string} term
 */
export function formsOf(term) {
  const a = state.analysis;
  if (!a?.summary.stemmer) return [];
  if (forms.of !== a) forms = { of: a, byTerm: new Map(a.terms.filter((t) => t.forms.length > 1).map((t) => [t.term, t.forms])) };
  return forms.byTerm.get(term) ?? [];
}
