// @ts-check
// Settings: defaults, the URL hash (settings only, never the text) and the core's options.
//
//   #view=terms&stopwords=en&extra=foo,bar&ngram=2-5&min=2&stem=1&prior=0.1&hyphens=1&furniture=1&scriptdirections=1&jointeach=1&format=vtt&label=…
//
// The hash is untrusted input: every value is checked and malformed ones are ignored.
// Values only ever reach the page as form values or text, never as HTML.

import { facts } from './pkg/facts.js';

/** @import { AnalyseOptions, Format } from './pkg/colloquy.js' */

/** @typedef {'speakers' | 'terms' | 'phrases' | 'distinctive' | 'collocations' | 'dispersion' | 'dynamics' | 'summary'} ViewName */

/**
 * The views, in the order of their tabs.
 * @type {ViewName[]}
 */
export const TABS = ['speakers', 'terms', 'phrases', 'distinctive', 'collocations', 'dispersion', 'dynamics', 'summary'];
/** @type {Format[]} */
export const FORMATS = ['auto', 'text', 'vtt', 'srt'];

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/**
 * Languages with a stopword list in the core (the engine's facts), by their English name;
 * a code the browser cannot name (`hinglish`) is capitalised.
 * @type {Record<string, string>}
 */
export const STOPWORD_LANGUAGES = Object.fromEntries(facts.stopwordLanguages.map((code) => {
  let name = code;
  try { name = languageNames.of(code) ?? code; } catch { /* not a language code the browser knows */ }
  return [code, name === code ? code[0].toUpperCase() + code.slice(1) : name];
}));

/** The shortest and longest phrase the engine counts, in words. */
export const NGRAM_MIN = facts.minNgram;
export const NGRAM_MAX = facts.maxNgram;
/** The Fightin' Words prior's weight (a share of the compared words) by default, and the largest the page takes. */
export const PRIOR_DEFAULT = facts.defaultPriorWeight;
export const PRIOR_MAX = 100;
const MAX_LABEL = 500;
const MAX_EXTRA = 200;

/**
 * @typedef {object} Settings
 * @property {ViewName} view  the tab shown
 * @property {Format} format
 * @property {string} stopwords  'auto', 'none' or a language code
 * @property {string[]} extra  custom stopwords
 * @property {number} ngramMin
 * @property {number} ngramMax
 * @property {number} minCount  of a phrase
 * @property {boolean} stem
 * @property {number} priorWeight  of Fightin' Words, a share of the compared words
 * @property {boolean} splitHyphens
 * @property {boolean} keepFurniture
 * @property {boolean} keepScriptDirections
 * @property {boolean} splitJointSpeakers  credit a joint speaker's words to each named speaker
 * @property {string} labelPattern  '' to detect labels
 */

/** @returns {Settings} */
export function defaults() {
  return {
    view: 'speakers',
    format: 'auto',
    stopwords: 'auto',
    extra: [],
    ngramMin: 2,
    ngramMax: 5,
    minCount: 2,
    stem: false,
    priorWeight: PRIOR_DEFAULT,
    splitHyphens: false,
    keepFurniture: false,
    keepScriptDirections: false,
    splitJointSpeakers: false,
    labelPattern: '',
  };
}

/**
 * Splits a custom stopword list typed by the user (commas, spaces or new lines).
 * @param {string} s
 */
export function parseWords(s) {
  const words = String(s).split(/[\s,;]+/u).map((w) => w.trim().toLowerCase()).filter(Boolean);
  return [...new Set(words)].filter((w) => w.length <= 60).slice(0, MAX_EXTRA);
}

/**
 * A prior weight typed or read from the hash: a decimal above 0, at most PRIOR_MAX; else null.
 * @param {string} s
 */
export function priorWeight(s) {
  const t = String(s).trim();
  if (!/^(\d{1,3}(\.\d{0,6})?|\.\d{1,6})$/.test(t)) return null;
  const w = Number(t);
  return w > 0 && w <= PRIOR_MAX ? w : null;
}

/** @type {(s: string, lo: number, hi: number) => number | null} */
const int = (s, lo, hi) => (/^\d{1,4}$/.test(s) && +s >= lo && +s <= hi ? +s : null);
/** @type {(s: string | null) => boolean | null} */
const flag = (s) => (s === '1' ? true : s === '0' ? false : null);

/**
 * Settings from a location hash; anything missing or malformed keeps its default.
 * @param {string} hash
 * @returns {Settings}
 */
export function fromHash(hash) {
  const s = defaults();
  let params;
  try {
    params = new URLSearchParams(String(hash).replace(/^#/, ''));
  } catch {
    return s;
  }
  /** @param {string} k */
  const get = (k) => params.get(k);
  const view = TABS.find((name) => name === get('view'));
  if (view) s.view = view;
  const format = FORMATS.find((name) => name === get('format'));
  if (format) s.format = format;
  const sw = get('stopwords');
  if (sw !== null && (sw === 'auto' || sw === 'none' || Object.hasOwn(STOPWORD_LANGUAGES, sw))) s.stopwords = sw;
  const extra = get('extra');
  if (extra) s.extra = parseWords(extra);
  const ngram = /^(\d)-(\d)$/.exec(get('ngram') ?? '');
  if (ngram) {
    const [lo, hi] = [+ngram[1], +ngram[2]];
    if (lo >= NGRAM_MIN && hi <= NGRAM_MAX && lo <= hi) [s.ngramMin, s.ngramMax] = [lo, hi];
  }
  const min = int(get('min') ?? '', 1, 9999);
  if (min !== null) s.minCount = min;
  const prior = priorWeight(get('prior') ?? '');
  if (prior !== null) s.priorWeight = prior;
  const st = flag(get('stem'));
  if (st !== null) s.stem = st;
  const hy = flag(get('hyphens'));
  if (hy !== null) s.splitHyphens = hy;
  const fu = flag(get('furniture'));
  if (fu !== null) s.keepFurniture = fu;
  const sd = flag(get('scriptdirections'));
  if (sd !== null) s.keepScriptDirections = sd;
  const jo = flag(get('jointeach'));
  if (jo !== null) s.splitJointSpeakers = jo;
  const label = get('label');
  if (label && label.length <= MAX_LABEL) s.labelPattern = label;
  return s;
}

/**
 * The hash for settings: only what differs from the defaults.
 * @param {Settings} s
 */
export function toHash(s) {
  const d = defaults();
  const p = new URLSearchParams();
  if (s.view !== d.view) p.set('view', s.view);
  if (s.format !== d.format) p.set('format', s.format);
  if (s.stopwords !== d.stopwords) p.set('stopwords', s.stopwords);
  if (s.extra.length) p.set('extra', s.extra.join(','));
  if (s.ngramMin !== d.ngramMin || s.ngramMax !== d.ngramMax) p.set('ngram', `${s.ngramMin}-${s.ngramMax}`);
  if (s.minCount !== d.minCount) p.set('min', String(s.minCount));
  if (s.stem) p.set('stem', '1');
  if (s.priorWeight !== d.priorWeight) p.set('prior', String(s.priorWeight));
  if (s.splitHyphens) p.set('hyphens', '1');
  if (s.keepFurniture) p.set('furniture', '1');
  if (s.keepScriptDirections) p.set('scriptdirections', '1');
  if (s.splitJointSpeakers) p.set('jointeach', '1');
  if (s.labelPattern) p.set('label', s.labelPattern);
  const str = p.toString();
  return str ? `#${str}` : '';
}

/**
 * Whom distinctive words compare a speaker with: `against` (one speaker or a group; empty:
 * everyone else) and the speakers left out of the comparison. Speaker names, so never in the hash.
 * @typedef {{ against: string[], leaveOut: string[] }} Comparison
 */

/**
 * Options that change only the views: a loaded document re-reports without re-parsing.
 * @param {Settings} s
 * @param {Comparison} [comparison]
 * @returns {AnalyseOptions}
 */
export function viewOptions(s, comparison = { against: [], leaveOut: [] }) {
  return {
    against: [...comparison.against],
    leaveOut: [...comparison.leaveOut],
    priorWeight: s.priorWeight,
    stopwords: s.stopwords,
    extraStopwords: s.extra,
    ngramMin: s.ngramMin,
    ngramMax: s.ngramMax,
    minCount: s.minCount,
    topTerms: 100,
    topPhrases: 1000,
    topSpeakerTerms: 50,
    stem: s.stem,
  };
}

/**
 * Options that change how the text is parsed (a new load).
 * @param {Settings} s
 * @param {Record<string, string>} aliases
 * @returns {AnalyseOptions}
 */
export function parseOptions(s, aliases) {
  /** @type {AnalyseOptions} */
  const o = {
    format: s.format, keepFurniture: s.keepFurniture, keepScriptDirections: s.keepScriptDirections,
    splitJointSpeakers: s.splitJointSpeakers,
    splitHyphens: s.splitHyphens, aliases: { ...aliases },
  };
  if (s.labelPattern) o.labelPattern = s.labelPattern;
  return o;
}

/**
 * A key that changes exactly when the text must be parsed again.
 * @param {Settings} s
 * @param {Record<string, string>} aliases
 */
export function parseKey(s, aliases) {
  return JSON.stringify(parseOptions(s, aliases));
}
