// @ts-check
// Whom Distinctive words compare a speaker with: everyone else, one other speaker, or a
// group the user ticks. The choice is state.against (the core's `against` option), so a
// change re-reports the text; speakers left out of the analysis (state.leftOut) are in no
// reference and cannot be chosen.
import { h, fmt } from '../dom.js';
import { state, analysis, watch } from '../state.js';
import { refreshView } from '../analyse.js';
import { control } from './shell.js';

const EVERYONE = '';
const GROUP = 'group';
const ONE = 'speaker:';
/** Speakers offered as a reference: those with most words (the first in the analysis). */
const CHOICES_MAX = 100;

const select = h('select', { id: 'distinctive-against' });
const boxes = h('div', { class: 'checks' });
const group = h('fieldset', { id: 'distinctive-group', class: 'group', hidden: true },
  h('legend', {}, 'The reference group'), boxes);
/** True while the user builds a group (it may hold one speaker, or none yet). */
let grouping = false;
watch('reset', () => {
  grouping = false;
});

/**
 * The speakers a speaker can be compared with: not themselves, not left out.
 * @param {string} speaker
 */
const candidates = (speaker) => analysis().speakers.map((s) => s.name).filter((n) => n !== speaker && !state.leftOut.has(n));

/**
 * The reference of `speaker`, in words: "everyone else", "CLINTON", "the group of A and B".
 * @param {string} speaker
 */
export function referenceName(speaker) {
  const against = state.against.filter((n) => n !== speaker);
  const out = state.leftOut.size ? ` (${fmt.count(state.leftOut.size, 'speaker')} left out)` : '';
  if (against.length === 0) return `everyone else${out}`;
  if (against.length === 1 && !grouping) return against[0];
  return `the group of ${listOf(against)}`;
}

/**
 * "A", "A and B", "A, B and C".
 * @param {string[]} names
 */
const listOf = (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * Sets the reference and re-reports the text when it changed.
 * @param {string[]} against
 */
function setAgainst(against) {
  if (against.join('\n') === state.against.join('\n')) return false;
  state.against = against;
  refreshView();
  return true;
}

/**
 * The speaker shown changed: they cannot be their own reference, so they leave it. True
 * when that changed the reference (the text is re-reported).
 * @param {string} speaker
 */
export function syncComparison(speaker) {
  return setAgainst(state.against.filter((n) => n !== speaker));
}

/**
 * The "Compared with" control and the group's checkboxes, for the speaker `speaker()` shows.
 * @param {() => string} speaker
 */
export function comparisonControls(speaker) {
  select.addEventListener('change', () => {
    const value = select.value;
    grouping = value === GROUP;
    if (value === EVERYONE) setAgainst([]);
    else if (value.startsWith(ONE)) setAgainst([value.slice(ONE.length)]);
    else setAgainst(state.against.filter((n) => n !== speaker()));
    if (state.analysis) render(speaker());
  });
  boxes.addEventListener('change', () => {
    const ticked = [...boxes.querySelectorAll('input:checked')].map((b) => (b instanceof HTMLInputElement ? b.value : ''));
    setAgainst(ticked);
  });
  return { control: control('Compared with', select), group, render };
}

/**
 * Shows the choice in force for `speaker`.
 * @param {string} speaker
 */
function render(speaker) {
  const all = candidates(speaker);
  const against = state.against.filter((n) => all.includes(n));
  // The speakers with most words, and any already chosen: a list, not thousands of options.
  const names = all.filter((n, i) => i < CHOICES_MAX || against.includes(n));
  if (against.length > 1) grouping = true;
  const value = grouping ? GROUP : against.length === 1 ? `${ONE}${against[0]}` : EVERYONE;
  select.replaceChildren(
    h('option', { value: EVERYONE, text: state.leftOut.size ? 'everyone else not left out' : 'everyone else' }),
    ...(names.length > 1 ? [h('option', { value: GROUP, text: 'a group…' })] : []),
    ...names.map((n) => h('option', { value: `${ONE}${n}`, text: n })),
  );
  select.value = value;
  group.hidden = value !== GROUP;
  if (value === GROUP) {
    boxes.replaceChildren(...names.map((n) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: n, checked: against.includes(n) }), ` ${n}`)));
  } else {
    boxes.replaceChildren();
  }
}
