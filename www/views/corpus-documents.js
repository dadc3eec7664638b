// @ts-check
// The corpus's documents: a sortable table (name, date, group, format, language, words,
// speakers, turns, top terms) with a totals row; a document's name opens it. It draws the
// first ROWS_SHOWN rows (Show all; the CSV has every row).
import { h, fmt } from '../dom.js';
import { dataTable, sortRows, toCsv } from '../table.js';
import { corpus } from '../corpus-state.js';
import { focusSortButton } from './common.js';
import { tableWrap, moreButton } from './shell.js';
import { corpusPanel, corpusCsvButton, openButton } from './corpus-common.js';

/**
 * @import { DocumentRow } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { CorpusView } from './corpus-common.js'
 */

/** A row with its place in the corpus (the table sorts; opening needs the place). */
/** @typedef {DocumentRow & { index: number }} Placed */

/** @type {Column<Placed>[]} */
const COLUMNS = [
  { key: 'name', label: 'Document', value: (d) => d.name, cell: (d) => openButton(d.index) },
  { key: 'date', label: 'Date', value: (d) => d.date ?? '' },
  { key: 'group', label: 'Group', value: (d) => d.group ?? '' },
  { key: 'format', label: 'Format', value: (d) => d.format },
  { key: 'language', label: 'Language', value: (d) => d.language ?? '' },
  { key: 'words', label: 'Words', numeric: true, value: (d) => d.words, cell: (d) => fmt.int(d.words) },
  { key: 'speakers', label: 'Speakers', numeric: true, value: (d) => d.speakers, cell: (d) => fmt.int(d.speakers) },
  { key: 'turns', label: 'Turns', numeric: true, value: (d) => d.turns, cell: (d) => fmt.int(d.turns) },
  { key: 'topTerms', label: 'Top terms', sortable: false, value: (d) => d.topTerms.join(', ') },
];

/** Rows drawn until Show all (a thousand rows take the main thread over 200 ms). */
const ROWS_SHOWN = 200;
const table = tableWrap('corpus-documents-table');
const more = moreButton('corpus-documents-more');
/** Every row was asked for (Show all), until the next corpus. */
let all = false;
more.addEventListener('click', () => {
  all = true;
  render();
});
/** @type {Sort | null} */
let sort = null;
/** @type {Shown | null} */
let lastTable = null;

/** @type {CorpusView} */
export const view = {
  name: 'documents',
  title: 'Documents',
  panel: corpusPanel('documents',
    h('div', { class: 'table-head' }, h('p', { class: 'hint', text: 'Click a document to open it in the single-document views.' }),
      corpusCsvButton('documents', () => lastTable, 'CSV of the documents table')),
    table, more),
  render,
};

/** A new corpus shows its first rows again. */
export function resetDocuments() {
  all = false;
}

function render() {
  const data = corpus.table;
  if (!data) return;
  const limit = all ? data.rows.length : ROWS_SHOWN;
  more.hidden = limit >= data.rows.length;
  more.textContent = `Show all ${fmt.count(data.rows.length, 'document')}`;
  const rows = sortRows(COLUMNS, data.rows.map((row, index) => ({ ...row, index })), sort);
  const t = data.totals;
  const totals = h('tr', { class: 'totals' },
    h('th', { scope: 'row', text: `Total: ${fmt.count(t.documents, 'document')}` }), h('td'), h('td'), h('td'), h('td'),
    h('td', { class: 'num', text: fmt.int(t.words) }), h('td', { class: 'num', text: fmt.int(t.speakers), title: 'Distinct speakers across the documents' }),
    h('td', { class: 'num', text: fmt.int(t.turns) }), h('td'));
  const el = dataTable({
    columns: COLUMNS, rows, sort, limit,
    caption: `The corpus's ${fmt.count(t.documents, 'document')}${limit < rows.length ? `: the first ${fmt.int(limit)} shown (the CSV has all)` : ''}`,
    onSort: (next) => {
      sort = next;
      render();
      focusSortButton(table);
    },
  });
  el.append(h('tfoot', {}, totals));
  table.replaceChildren(el);
  lastTable = { csv: () => `${toCsv(COLUMNS, rows)}Total,,,,,${t.words},${t.speakers},${t.turns},\r\n` };
}
