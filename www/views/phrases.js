// @ts-check
// Phrases: the recurring n-grams, with in-cell bars, a length filter, a minimum count
// (the setting of that name) and search.
import { h, fmt, debounce } from '../dom.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { state, analysis, watch } from '../state.js';
import { noWordsReason } from '../reasons.js';
import { applySettings } from '../settings-form.js';
import { swatch, cellBar, focusSortButton } from './common.js';
import { tabPanel, select, control, csvButton, tableWrap, moreButton } from './shell.js';
import { termButton } from './kwic.js';

/**
 * @import { Phrase } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { View } from '../tabs.js'
 */

/**
 * Rows drawn until "Show all" (CSV has every row). 200 rows with their speaker chips were
 * about 3,800 elements: showing the tab took one 100–160 ms frame (bench/page-speed.mjs).
 */
const PHRASE_ROWS = 100;
/** Speaker chips per phrase. */
const PHRASE_CHIPS = 5;

const lengthSelect = select('phrases-n', [['0', 'any']]);
const minInput = h('input', { type: 'number', id: 'phrases-min', min: 1, max: 9999, step: 1, inputmode: 'numeric' });
const search = h('input', { type: 'search', id: 'phrases-search', autocomplete: 'off', placeholder: 'word or phrase' });
const note = h('p', { id: 'phrases-note', class: 'hint' });
const table = tableWrap('phrases-table');
const more = moreButton('phrases-more', 'Show all');
/** @type {Sort} */
let sort = { key: 'count', dir: 'desc' };
let all = false;
/** @type {Shown | null} the table as last shown, for its CSV */
let lastTable = null;

/** @type {View} */
export const view = {
  name: 'phrases',
  title: 'Phrases',
  panel: tabPanel('phrases',
    h('div', { class: 'controls' }, control('Words', lengthSelect), control('Min count', minInput), control('Search', search), csvButton('phrases-csv', () => lastTable)),
    note, table, more),
  render,
  update: fillLengths,
};

// The minimum count is the setting: it shows the setting, and a change applies it.
watch('settings', () => {
  minInput.value = String(state.settings.minCount);
});
minInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') minInput.dispatchEvent(new Event('change'));
});
minInput.addEventListener('change', () => {
  const min = Math.round(Number(minInput.value));
  if (Number.isFinite(min) && min >= 1 && min <= 9999) applySettings({ ...state.settings, minCount: min });
  else minInput.value = String(state.settings.minCount);
});
lengthSelect.addEventListener('change', () => state.analysis && render());
search.addEventListener('input', debounce(() => state.analysis && render(), 120));
more.addEventListener('click', () => {
  all = true;
  render();
});

/** The lengths to choose from follow the setting's range; the length chosen stays if it still can be. */
function fillLengths() {
  const current = lengthSelect.value;
  const options = [h('option', { value: '0', text: 'any' })];
  for (let n = state.settings.ngramMin; n <= state.settings.ngramMax; n++) options.push(h('option', { value: String(n), text: `${n} words` }));
  lengthSelect.replaceChildren(...options);
  lengthSelect.value = [...lengthSelect.options].some((o) => o.value === current) ? current : '0';
}

function render() {
  const a = analysis();
  const n = Number(lengthSelect.value);
  const query = search.value.trim().toLowerCase();
  const filtered = a.phrases.filter((p) => (!n || p.n === n) && (!query || p.text.includes(query)));
  const max = filtered.reduce((m, p) => Math.max(m, p.count), 1);
  /** @param {Phrase} p */
  const bySpeaker = (p) => Object.entries(p.bySpeaker).sort((x, y) => y[1] - x[1]);
  /** @type {Column<Phrase>[]} */
  const columns = [
    { key: 'text', label: 'Phrase', value: (p) => p.text, cell: (p) => termButton(p.text) },
    { key: 'n', label: 'Words', numeric: true, value: (p) => p.n },
    { key: 'count', label: 'Count', numeric: true, value: (p) => p.count, cell: (p) => cellBar(p.count / max, fmt.int(p.count)) },
    { key: 'speakers', label: 'By speaker', value: (p) => bySpeaker(p).map(([s, c]) => `${s}: ${c}`).join('; '), sortable: false,
      cell: (p) => {
        const chips = bySpeaker(p);
        const drawn = chips.slice(0, PHRASE_CHIPS).map(([s, c]) => h('span', { class: 'chip' }, swatch(s), `${s} ${c}`));
        return chips.length > PHRASE_CHIPS ? [...drawn, h('span', { class: 'chip more', text: `+${fmt.int(chips.length - PHRASE_CHIPS)} more` })] : drawn;
      } },
  ];
  const rows = sortRows(columns, filtered, sort);
  lastTable = asShown(columns, rows);
  const shown = all ? rows.length : Math.min(rows.length, PHRASE_ROWS);
  const total = a.phrases.length;
  note.textContent = rows.length === 0
    ? (total ? 'No phrase matches these filters.' : noWordsReason() ?? `No phrase occurs ${state.settings.minCount} times or more.`)
    : `${fmt.int(rows.length)} phrases${rows.length < total ? ` of ${fmt.int(total)}` : ''} occurring at least ${state.settings.minCount} times${shown < rows.length ? `; showing the first ${fmt.int(shown)}` : ''}. Click a phrase to see it in context.`;
  more.hidden = shown >= rows.length;
  more.textContent = `Show all ${fmt.int(rows.length)}`;
  table.replaceChildren(rows.length ? dataTable({
    columns, rows, limit: shown, sort, caption: 'Recurring phrases', className: 'phrases',
    onSort: (next) => {
      sort = next;
      render();
      focusSortButton(table);
    },
  }) : '');
}
