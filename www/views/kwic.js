// @ts-check
// The concordance (keyword in context): the "Find in context" form above the views, and
// the list of occurrences under them, which any term, bar, collocate or phrase opens.
import { h, fmt, slug, markup } from '../dom.js';
import { state, formsOf, visibleTerms } from '../state.js';
import { messageOf } from '../status.js';
import { engine } from '../analyse.js';
import { isCancelled } from '../engine.js';
import { latest, STALE } from '../latest.js';
import { asShown } from '../table.js';
import { showInTranscript } from '../transcript.js';
import { openTab, markDirty } from '../tabs.js';
import { swatch } from './common.js';
import { select, control, csvButton } from './shell.js';

/**
 * @import { KwicHit, KwicSort } from '../pkg/colloquy.js'
 * @import { Column, Shown } from '../table.js'
 */

const KWIC_LIMIT = 1000;
/** @type {KwicSort[]} */
const SORTS = ['position', 'left', 'right'];

const query = h('input', {
  id: 'kwic-query', type: 'search', spellcheck: 'false', placeholder: 'a word, a phrase, agreement* or president of *', 'aria-describedby': 'kwic-query-hint',
});
/** The "Find in context" form, above the views. */
export const findForm = h('form', { id: 'kwic-form', class: 'find', autocomplete: 'off' },
  h('label', { for: 'kwic-query' }, 'Find in context'), query, h('button', { type: 'submit' }, 'Find'),
  h('small', { id: 'kwic-query-hint' }, markup`<code>*</code> stands for any letters within a word, or for one whole word.`));

const heading = h('h3', { id: 'kwic-heading', tabindex: '-1' });
const widthSelect = select('kwic-width', [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20].map((n) => [String(n), fmt.count(n, 'word')]), '8');
const sortSelect = select('kwic-sort', [['position', 'by position'], ['left', 'by left context'], ['right', 'by right context']]);
const note = h('span', { id: 'kwic-note', 'aria-live': 'polite' });
const allButton = h('button', { type: 'button', id: 'kwic-all', class: 'link', hidden: true }, 'Show every occurrence');
const list = h('ol', { id: 'kwic-list', class: 'kwic-list' });
/** @type {Shown | null} the lines as last shown, for their CSV */
let lastTable = null;

/** The occurrences, under the views. */
export const section = h('section', { id: 'kwic', class: 'kwic', 'aria-labelledby': 'kwic-heading', hidden: true },
  h('div', { class: 'kwic-head' }, heading, h('div', { class: 'controls' },
    control('Context', widthSelect), control('Sort', sortSelect),
    h('button', { type: 'button', id: 'kwic-plot', onclick: plotDispersion }, 'Plot dispersion'),
    csvButton('kwic-csv', () => lastTable),
    h('button', { type: 'button', id: 'kwic-close', 'aria-label': 'Close the occurrences', onclick: close }, 'Close'))),
  h('p', { class: 'hint' }, note, ' ', allButton),
  list);

/**
 * A term that opens its concordance.
 * @param {string} term
 */
export function termButton(term) {
  return h('button', { type: 'button', class: 'term', title: `Show every occurrence of “${term}”`, onclick: () => showKwic(term) }, term);
}

/**
 * Opens the concordance of `term` (a term, a phrase or a `*` pattern). With stemming, a
 * grouped term lists every one of its forms. `collocate` (with `window`): only the lines
 * where that word is within `window` words of the term, with it marked.
 * @param {string} term
 * @param {{ collocate?: string | null, window?: number | null }} [near]
 */
export async function showKwic(term, { collocate = null, window = null } = {}) {
  state.kwic = { term, queries: collocate ? [term] : kwicQueries(term), collocate, window, all: false };
  if (collocate) widthSelect.value = String(window);
  query.value = term;
  section.hidden = false;
  heading.textContent = kwicHeading();
  await runKwic();
  section.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  heading.focus({ preventScroll: true });
}

/**
 * What the core is asked for `term`: its forms when stemming grouped some, else the term.
 * @param {string} term
 */
function kwicQueries(term) {
  const forms = formsOf(term);
  return forms.length > 1 ? forms : [term];
}

function kwicHeading() {
  if (!state.kwic) return '';
  const { term, queries, collocate, window } = state.kwic;
  if (collocate) return `Occurrences of “${term}” with “${collocate}” within ${window} words`;
  return queries.length > 1 ? `Occurrences of “${term}” (${queries.join(', ')})` : `Occurrences of “${term}”`;
}

/** After a new analysis: the open concordance is found again (hidden when there is none). */
export function update() {
  section.hidden = !state.analysis || !state.kwic;
  if (!state.analysis || !state.kwic) return;
  if (!state.kwic.collocate) state.kwic.queries = kwicQueries(state.kwic.term); // stemming may have changed
  heading.textContent = kwicHeading();
  runKwic();
}

/**
 * A pattern matching `word` as a whole word (case-insensitive, either apostrophe).
 * @param {string} word
 */
function wordPattern(word) {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_'’-])${escaped}(?![\\p{L}\\p{M}\\p{N}_'’-])`, 'giu');
}

/**
 * `text` as nodes, with the matches of `pattern` in <mark class="co">.
 * @param {string} text
 * @param {RegExp | null} pattern
 */
function marked(text, pattern) {
  if (!pattern) return [text];
  const out = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    out.push(text.slice(at, m.index), h('mark', { class: 'co', text: m[0] }));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

/** @type {Column<KwicHit>[]} */
const COLUMNS = [
  { key: 'speaker', label: 'Speaker', value: (r) => r.speaker },
  { key: 'left', label: 'Left', value: (r) => r.left },
  { key: 'match', label: 'Match', value: (r) => r.match },
  { key: 'right', label: 'Right', value: (r) => r.right },
  { key: 'start', label: 'Start', value: (r) => r.start },
  { key: 'end', label: 'End', value: (r) => r.end },
  { key: 'inCompound', label: 'In a compound', value: (r) => (r.inCompound ? 'yes' : '') },
];

const askKwic = latest(engine.kwic.bind(engine));

async function runKwic() {
  const kwic = state.kwic;
  if (!kwic) return;
  const { term, queries, collocate, all } = kwic;
  const width = Number(widthSelect.value);
  note.textContent = engine.indexed ? 'Finding occurrences…' : 'Indexing the text for search…';
  /** @type {KwicHit[] | null | typeof STALE} */
  let rows;
  try {
    const sort = SORTS.find((s) => s === sortSelect.value) ?? 'position';
    rows = await askKwic(queries.length === 1 ? queries[0] : queries, { width, sort, limit: collocate ? 20 * KWIC_LIMIT : KWIC_LIMIT });
  } catch (err) {
    if (!isCancelled(err)) note.textContent = `The occurrences could not be found: ${messageOf(err)}`;
    return;
  }
  if (rows === null || rows === STALE) return;
  // A collocate: the lines with it in their context (found here by its spelling; the core
  // counted its tokens, so if the spelling finds nothing, every line is shown).
  const pattern = collocate ? wordPattern(collocate) : null;
  const total = rows.length;
  let filtered = false;
  if (pattern && !all) {
    const near = rows.filter((r) => r.left.search(pattern) >= 0 || r.right.search(pattern) >= 0);
    if (near.length) {
      rows = near;
      filtered = true;
    }
  }
  allButton.hidden = !filtered || rows.length === total;
  rows = rows.slice(0, KWIC_LIMIT);
  lastTable = asShown(COLUMNS, rows, `kwic-${slug(collocate ? `${term} ${collocate}` : term)}`);
  const capped = !collocate && rows.length === KWIC_LIMIT;
  const compounds = rows.filter((r) => r.inCompound).length;
  const inCompounds = compounds ? ` ${fmt.int(compounds)} ${compounds === 1 ? 'is' : 'are'} inside a hyphenated compound, marked with a dotted outline.` : '';
  note.textContent = (rows.length === 0 ? 'No occurrences.'
    : filtered ? `${fmt.int(rows.length)} of the ${fmt.int(total)} occurrences of “${term}” have “${collocate}” within ${width} words.`
      : `${fmt.int(rows.length)}${capped ? '+' : ''} occurrence${rows.length === 1 ? '' : 's'}${capped ? ` (the first ${KWIC_LIMIT})` : ''}.`) + inCompounds;
  list.replaceChildren(...rows.map((r, i) => h('li', { class: 'kw' },
    h('span', { class: 'kw-speaker' }, swatch(r.speaker), h('span', { text: r.speaker })),
    h('span', { class: 'kw-left' }, h('span', {}, marked(r.left, pattern))),
    h('mark', r.inCompound ? { class: 'in-compound', title: 'inside a hyphenated compound', text: r.match } : { text: r.match }),
    h('span', { class: 'kw-right' }, marked(r.right, pattern)),
    h('button', {
      type: 'button', class: 'link goto', 'aria-label': `Show occurrence ${i + 1} in the transcript`,
      onclick: () => showInTranscript(r.start, r.end),
    }, 'Show'))));
}

findForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = query.value.replace(/\s+/g, ' ').trim();
  if (q && state.analysis) showKwic(q);
});
for (const control of [sortSelect, widthSelect]) control.addEventListener('change', () => state.kwic && runKwic());
allButton.addEventListener('click', () => {
  if (!state.kwic) return;
  state.kwic.all = true;
  runKwic();
});

function close() {
  state.kwic = null;
  section.hidden = true;
}

/** Plots the term in Dispersion, first of the terms there. */
function plotDispersion() {
  if (!state.kwic) return;
  const { term } = state.kwic;
  const terms = state.dispersionTerms ?? visibleTerms().slice(0, 5).map((t) => t.term);
  state.dispersionTerms = [term, ...terms.filter((t) => t !== term)].slice(0, 20);
  markDirty(['dispersion']);
  openTab('dispersion');
}
