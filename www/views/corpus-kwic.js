// @ts-check
// The concordance across documents: every occurrence of a term, phrase or `*` pattern in
// every document, each line with its document (which opens it) and speaker.
import { h, fmt } from '../dom.js';
import { dataTable, asShown } from '../table.js';
import { corpusEngine } from '../corpus-engine.js';
import { corpus } from '../corpus-state.js';
import { tableWrap, select, control } from './shell.js';
import { corpusPanel, corpusCsvButton, openButton, documentRow } from './corpus-common.js';

/**
 * @import { CorpusKwicHit } from '../pkg/colloquy.js'
 * @import { Column, Shown } from '../table.js'
 * @import { CorpusView } from './corpus-common.js'
 */

/** Lines asked for. */
const LIMIT = 500;

const query = h('input', { id: 'corpus-kwic-query', type: 'search', spellcheck: 'false', placeholder: 'a word, a phrase, agreement* or president of *' });
const widthSelect = select('corpus-kwic-width', [3, 5, 8, 12].map((n) => [String(n), fmt.count(n, 'word')]), '8');
const form = h('form', { class: 'controls', autocomplete: 'off' },
  control('Find in every document', query), h('button', { type: 'submit' }, 'Find'), control('Context', widthSelect));
const note = h('p', { class: 'hint', id: 'corpus-kwic-note', 'aria-live': 'polite' });
const table = tableWrap('corpus-kwic-table');
/** @type {Shown | null} */
let lastTable = null;
let asked = 0;

/** @type {Column<CorpusKwicHit>[]} */
const COLUMNS = [
  { key: 'document', label: 'Document', value: (k) => documentRow(k.document)?.name ?? '', cell: (k) => openButton(k.document) },
  { key: 'speaker', label: 'Speaker', value: (k) => k.speaker },
  { key: 'left', label: 'Left', value: (k) => k.left, attrs: () => ({ class: 'kwic-left' }) },
  { key: 'match', label: 'Match', value: (k) => k.match, attrs: () => ({ class: 'kwic-match' }) },
  { key: 'right', label: 'Right', value: (k) => k.right },
];

/** @type {CorpusView} */
export const view = {
  name: 'kwic',
  title: 'Concordance',
  panel: corpusPanel('kwic', form,
    h('div', { class: 'table-head' }, note, corpusCsvButton('kwic', () => lastTable, 'CSV of the concordance across documents')),
    table),
  render,
};

form.addEventListener('submit', (e) => {
  e.preventDefault();
  render();
});
widthSelect.addEventListener('change', render);

async function render() {
  const q = query.value.trim();
  if (!corpus.table || !q) {
    note.textContent = 'Type a word, a phrase or a pattern to see it in context in every document.';
    table.replaceChildren();
    lastTable = null;
    return;
  }
  const id = ++asked;
  let result;
  try {
    result = await corpusEngine.query('kwic', { query: q, options: { width: Number(widthSelect.value), limit: LIMIT } });
  } catch (err) {
    if (id === asked) note.textContent = `Could not search: ${err instanceof Error ? err.message : err}`;
    return;
  }
  if (id !== asked) return;
  const docs = new Set(result.hits.map((k) => k.document)).size;
  const shown = result.total > result.hits.length ? `the first ${fmt.int(result.hits.length)} of ${fmt.count(result.total, 'occurrence')}` : fmt.count(result.total, 'occurrence');
  const unsearched = result.notKept ? `; ${fmt.count(result.notKept, 'document')} not searched (only their counts were kept: the texts kept for the concordance are capped)` : '';
  note.textContent = `${shown} of “${q}” in ${fmt.count(docs, 'document')} of ${fmt.int(result.searched)} searched${unsearched}.`;
  lastTable = asShown(COLUMNS, result.hits, 'kwic');
  table.replaceChildren(dataTable({ columns: COLUMNS, rows: result.hits, caption: `Occurrences of “${q}” across the documents`, className: 'kwic-table' }));
}
