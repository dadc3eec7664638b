// @ts-check
// Editing the speakers (in the Speakers view): rename, merge (the core's alias suggestions
// are one-click merges), assign the unattributed text, hide from the charts or leave out
// of the analysis; every change
// is listed with an Undo. Renames and merges are the core's `aliases` option, so they
// analyse the text again; hiding only redraws.
import { h, fmt, debounce } from '../dom.js';
import { state, analysis, watch } from '../state.js';
import { requestAnalysis, refreshView } from '../analyse.js';
import { remember } from '../remember.js';
import { facts } from '../pkg/facts.js';
import { redraw } from '../tabs.js';
import { swatch } from './common.js';
import { control } from './shell.js';

/** @import { SpeakerStats } from '../pkg/colloquy.js' */

/**
 * Where a speaker is: shown; hidden from the charts (every count still has their words);
 * or left out of the analysis (hidden, and neither compared nor in anyone's reference in
 * Distinctive words: the core's `leaveOut`).
 * @typedef {'shown' | 'hidden' | 'left-out'} Place
 */
/** @type {[Place, string][]} */
const PLACES = [['shown', 'Shown'], ['hidden', 'Hidden from charts'], ['left-out', 'Left out of the analysis']];
const PLACE_TITLE = 'Hidden: not drawn in the charts, still counted in every table and comparison. '
  + 'Left out: also not compared in Distinctive words, and not in anyone\'s reference there.';

/** The pseudo-speaker of the words before the first label, or with no label at all. */
export const UNATTRIBUTED = facts.unattributed;
/** Beyond this many speakers, merging takes a typed name (with suggestions) instead of a <select>. */
const MERGE_SELECT_MAX = 100;
/** Speakers listed at once (the most words first, or those matching the filter). */
const EDIT_ROWS = 100;

const suggestionsBox = h('div', { id: 'suggestions', class: 'suggestions', hidden: true });
const filter = h('input', { id: 'speaker-filter', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'speaker-edit-note' });
const find = h('div', { id: 'speaker-find', class: 'controls', hidden: true }, control('Find a speaker', filter));
const note = h('p', { id: 'speaker-edit-note', class: 'hint', 'aria-live': 'polite', hidden: true });
const list = h('ul', { id: 'speaker-edit', class: 'speaker-edit' });
const aliasList = h('ul', { id: 'alias-list' });
const applied = h('div', { id: 'aliases', class: 'aliases', hidden: true }, h('h4', {}, 'Applied changes'), aliasList);

/** The editor's markup, in the Speakers panel. */
export const editor = [
  h('h3', {}, 'Edit speakers'),
  h('p', { class: 'hint' }, 'Rename, merge or hide speakers. Changes apply to every view and can be undone.'),
  suggestionsBox, find, note, list, applied,
];

filter.addEventListener('input', debounce(() => state.analysis && renderList(), 150));
watch('reset', () => {
  filter.value = '';
});

/** Draws the editor for the analysis shown. */
export function renderSpeakerEdit() {
  const a = analysis();
  const names = a.speakers.map((s) => s.name);
  // Alias suggestions from the core, as one-click merges.
  const present = new Set(names);
  const suggestions = a.aliasSuggestions.filter((s) => present.has(s.from) && s.from !== s.to);
  suggestionsBox.hidden = suggestions.length === 0;
  suggestionsBox.replaceChildren(
    h('p', { text: 'These labels look like one speaker:' }),
    h('ul', {}, suggestions.map((s) => h('li', {}, h('button', {
      type: 'button', class: 'merge-suggestion', onclick: () => addAlias(s.from, s.to),
    }, `Merge “${s.from}” into “${s.to}”`)))),
  );
  const many = a.speakers.length > EDIT_ROWS;
  find.hidden = !many;
  if (!many) filter.value = '';
  renderList();
  const entries = Object.entries(state.aliases);
  // Hidden speakers are listed here only when an earlier transcript hid them (remember.js).
  const hiddenEarlier = [...state.earlier.hidden].filter((n) => state.hidden.has(n));
  applied.hidden = entries.length === 0 && hiddenEarlier.length === 0;
  aliasList.replaceChildren(
    ...entries.map(([from, to]) => h('li', {},
      h('span', { text: `${from} → ${to}` }),
      state.earlier.aliases.get(from) === to ? earlierNote() : null,
      h('button', { type: 'button', class: 'link', 'aria-label': `Undo ${from} → ${to}`, onclick: () => removeAlias(from) }, 'Undo'))),
    ...hiddenEarlier.map((name) => h('li', {},
      h('span', { text: `${name} hidden from the charts` }), earlierNote(),
      h('button', { type: 'button', class: 'link', 'aria-label': `Undo ${name} hidden`, onclick: () => showAgain(name) }, 'Undo'))));
}

/** Said of an edit remembered from an earlier transcript on this device. */
const earlierNote = () => h('small', { class: 'earlier', text: ' (from an earlier transcript)' });

/**
 * Shows a speaker an earlier transcript hid.
 * @param {string} name
 */
function showAgain(name) {
  state.hidden.delete(name);
  state.earlier.hidden.delete(name);
  remember();
  redraw();
}

/**
 * The speakers' edit rows: all of them when there are few; else the first EDIT_ROWS (the
 * most words first) of those whose name contains the filter typed.
 */
function renderList() {
  const a = analysis();
  const names = a.speakers.map((s) => s.name);
  // Merge targets: a <select> of the other speakers while there are few; beyond that a
  // text box suggesting names from one shared <datalist>, so the panel stays linear in
  // the number of speakers (10,000 selects of 9,999 options would hang the page).
  const targets = names.filter((n) => n !== UNATTRIBUTED);
  const known = new Set(targets);
  const typed = filter.value.replace(/\s+/g, ' ').trim();
  const needle = typed.toLocaleLowerCase();
  /** @type {[SpeakerStats, number][]} */
  const indexed = a.speakers.map((s, i) => [s, i]);
  const matching = typed ? indexed.filter(([s]) => s.name.toLocaleLowerCase().includes(needle)) : indexed;
  const shown = matching.slice(0, EDIT_ROWS);
  note.textContent = a.speakers.length <= EDIT_ROWS ? ''
    : typed ? (matching.length === 0 ? `No speaker's name contains “${typed}”.`
      : `${fmt.int(matching.length)} of ${fmt.int(a.speakers.length)} speakers match “${typed}”${shown.length < matching.length ? `; showing the first ${fmt.int(shown.length)}` : ''}.`)
      : `Showing the ${fmt.int(shown.length)} speakers with the most words, of ${fmt.int(a.speakers.length)}. Type a name to find the others.`;
  note.hidden = !note.textContent;
  list.replaceChildren(...shown.map(([s, i]) => editRow(s, i, targets, known)));
  list.append(h('datalist', { id: 'speaker-names' }, targets.map((n) => h('option', { value: n }))));
}

/**
 * One speaker's row: its name, "Show in charts", Rename (or Assign) and Merge.
 * @param {SpeakerStats} s
 * @param {number} i  its place in the analysis
 * @param {string[]} targets  the speakers one can merge into
 * @param {Set<string>} known  the same, as a set
 */
function editRow(s, i, targets, known) {
  const unattributed = s.name === UNATTRIBUTED && !s.attributed;
  const renameInput = h('input', {
    type: 'text', name: 'name', autocomplete: 'off', required: true, maxlength: 200,
    'aria-label': unattributed ? 'Assign the unattributed text to' : `New name for ${s.name}`,
    placeholder: unattributed ? 'speaker name' : 'new name',
    list: unattributed ? 'speaker-names' : null,
  });
  const rename = h('form', { class: 'rename', onsubmit: (e) => {
    e.preventDefault();
    const to = renameInput.value.trim();
    if (to) addAlias(s.name, to);
  } }, renameInput, h('button', { type: 'submit', text: unattributed ? 'Assign' : 'Rename' }));
  const hasOthers = targets.length > (known.has(s.name) ? 1 : 0);
  const merge = hasOthers && !unattributed ? mergeForm(s.name, targets, known) : null;
  const place = h('select', { 'aria-label': `${s.name} in the charts and the analysis`, title: PLACE_TITLE },
    PLACES.map(([value, text]) => h('option', { value, text })));
  place.value = placeOf(s.name);
  place.addEventListener('change', () => setPlace(s.name, /** @type {Place} */ (place.value)));
  return h('li', { dataset: { speaker: String(i) } },
    h('div', { class: 'who' }, swatch(s.name), h('strong', { text: s.name }), unattributed ? h('small', { text: ' text before the first label' }) : null),
    place,
    h('div', { class: 'edits' }, rename, merge));
}

/**
 * @param {string} name
 * @returns {Place}
 */
export const placeOf = (name) => (state.leftOut.has(name) ? 'left-out' : state.hidden.has(name) ? 'hidden' : 'shown');

/**
 * Shows, hides or leaves out a speaker. Hiding only redraws; leaving out (or back in)
 * changes the comparison, so the text is re-reported.
 * @param {string} name
 * @param {Place} place
 */
export function setPlace(name, place) {
  const wasLeftOut = state.leftOut.has(name);
  if (place === 'shown') state.hidden.delete(name);
  else state.hidden.add(name);
  if (place === 'left-out') state.leftOut.add(name);
  else state.leftOut.delete(name);
  remember();
  if (wasLeftOut !== (place === 'left-out')) refreshView();
  else redraw();
}

/**
 * Merging `name` into another speaker: a <select> of the others while there are few, else
 * a name typed (suggested from the shared <datalist>) and checked.
 * @param {string} name
 * @param {string[]} targets
 * @param {Set<string>} known
 */
function mergeForm(name, targets, known) {
  if (targets.length > MERGE_SELECT_MAX) {
    const mergeInput = h('input', {
      type: 'text', autocomplete: 'off', list: 'speaker-names', maxlength: 200,
      'aria-label': `Merge ${name} into`, placeholder: 'Merge into (a speaker)',
    });
    mergeInput.addEventListener('input', () => mergeInput.setCustomValidity(''));
    return h('form', { class: 'merge', onsubmit: (e) => {
      e.preventDefault();
      const to = mergeInput.value.replace(/\s+/g, ' ').trim();
      if (!to || to === name) return;
      if (!known.has(to)) {
        mergeInput.setCustomValidity(`No speaker is called “${to}”: pick one of the suggested names, or use Rename.`);
        mergeInput.reportValidity();
        return;
      }
      addAlias(name, to);
    } }, mergeInput, h('button', { type: 'submit', text: 'Merge' }));
  }
  const mergeSelect = h('select', { 'aria-label': `Merge ${name} into` },
    h('option', { value: '', text: 'Merge into…' }),
    targets.filter((n) => n !== name).map((n) => h('option', { value: n, text: n })));
  return h('form', { class: 'merge', onsubmit: (e) => {
    e.preventDefault();
    if (mergeSelect.value) addAlias(name, mergeSelect.value);
  } }, mergeSelect, h('button', { type: 'submit', text: 'Merge' }));
}

/**
 * Speaker `from` is now called `to` (a rename, a merge, or assigning the unattributed text).
 * @param {string} from
 * @param {string} to
 */
function addAlias(from, to) {
  to = to.replace(/\s+/g, ' ').trim();
  if (!to || to === from) return;
  const aliases = { ...state.aliases };
  const target = aliases[to] ?? to; // `to` may itself be a label renamed away
  for (const [k, v] of Object.entries(aliases)) if (v === from) aliases[k] = target;
  // Alias the name itself only if it is a label of the text (or the unattributed text).
  if (state.labels.has(from) || from === UNATTRIBUTED || !Object.values(state.aliases).includes(from)) aliases[from] = target;
  for (const [k, v] of Object.entries(aliases)) if (k === v) delete aliases[k];
  const existed = state.analysis?.speakers.some((s) => s.name === target);
  if (state.hidden.delete(from) && !existed) state.hidden.add(target);
  if (state.leftOut.delete(from) && !existed) state.leftOut.add(target);
  state.against = state.against.map((n) => (n === from ? target : n)).filter((n, i, all) => all.indexOf(n) === i);
  state.aliases = aliases;
  requestAnalysis('speakers');
}

/**
 * Undoes the change of `from`.
 * @param {string} from
 */
function removeAlias(from) {
  const aliases = { ...state.aliases };
  delete aliases[from];
  state.aliases = aliases;
  requestAnalysis('speakers');
}
