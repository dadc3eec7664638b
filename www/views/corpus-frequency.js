// @ts-check
// Document frequency: in how many documents each term and each recurring phrase occurs,
// with its count over all of them.
import { h, fmt } from '../dom.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { corpusEngine } from '../corpus-engine.js';
import { corpus } from '../corpus-state.js';
import { focusSortButton } from './common.js';
import { tableWrap, control } from './shell.js';
import { corpusPanel, corpusCsvButton } from './corpus-common.js';

/**
 * @import { TermFrequency, PhraseFrequency } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { CorpusView } from './corpus-common.js'
 */

/** Rows asked for, each table. */
const LIMIT = 200;

const minInput = h('input', { id: 'corpus-frequency-min', type: 'number', min: '1', step: '1', value: '2', inputmode: 'numeric' });
const hint = h('p', { class: 'hint', id: 'corpus-frequency-hint' });
const termsTable = tableWrap('corpus-frequency-terms');
const phrasesTable = tableWrap('corpus-frequency-phrases');
/** @type {Record<'terms' | 'phrases', Sort>} */
const sorts = { terms: { key: 'documents', dir: 'desc' }, phrases: { key: 'documents', dir: 'desc' } };
/** @type {{ terms: TermFrequency[], phrases: PhraseFrequency[] }} */
let data = { terms: [], phrases: [] };
/** @type {Record<'terms' | 'phrases', Shown | null>} */
const shown = { terms: null, phrases: null };
let asked = 0;

/** @type {Column<TermFrequency>[]} */
const TERM_COLUMNS = [
  { key: 'term', label: 'Term', value: (t) => t.term },
  { key: 'documents', label: 'Documents', numeric: true, value: (t) => t.documents, cell: (t) => fmt.int(t.documents) },
  { key: 'count', label: 'Count', numeric: true, value: (t) => t.count, cell: (t) => fmt.int(t.count) },
];
/** @type {Column<PhraseFrequency>[]} */
const PHRASE_COLUMNS = [
  { key: 'text', label: 'Phrase', value: (p) => p.text },
  { key: 'n', label: 'Words', numeric: true, value: (p) => p.n },
  { key: 'documents', label: 'Documents', numeric: true, value: (p) => p.documents, cell: (p) => fmt.int(p.documents) },
  { key: 'count', label: 'Count', numeric: true, value: (p) => p.count, cell: (p) => fmt.int(p.count) },
];

/** @type {CorpusView} */
export const view = {
  name: 'frequency',
  title: 'Document frequency',
  panel: corpusPanel('frequency',
    h('div', { class: 'controls' }, control('In at least', minInput, ' documents')),
    hint,
    h('div', { class: 'table-head' }, h('h4', { text: 'Terms' }), corpusCsvButton('frequency-terms', () => shown.terms, 'CSV of the terms by documents')),
    termsTable,
    h('div', { class: 'table-head' }, h('h4', { text: 'Recurring phrases' }), corpusCsvButton('frequency-phrases', () => shown.phrases, 'CSV of the phrases by documents')),
    phrasesTable,
    h('p', { class: 'formula', text: 'A term’s number of documents and its count over all of them (the Terms view’s stopwords, numbers and minimum length). A phrase’s likewise, over n-grams within a sentence as the Phrases view counts them; a phrase inside a listed longer phrase with the same documents and count is left out.' })),
  render,
};

minInput.addEventListener('change', render);

async function render() {
  if (!corpus.table) return;
  const minDocuments = Math.max(1, Math.floor(Number(minInput.value) || 1));
  const id = ++asked;
  try {
    data = await corpusEngine.query('frequency', { options: { minDocuments, limit: LIMIT } });
  } catch (err) {
    if (id === asked) hint.textContent = `Could not count: ${err instanceof Error ? err.message : err}`;
    return;
  }
  if (id !== asked) return;
  hint.textContent = `Terms and phrases in at least ${fmt.count(minDocuments, 'document')} of ${fmt.int(corpus.table.rows.length)}, most widespread first (the first ${LIMIT} of each).`;
  drawTables();
}

function drawTables() {
  /**
   * @template R
   * @param {HTMLElement} wrap
   * @param {'terms' | 'phrases'} which
   * @param {Column<R>[]} columns
   * @param {R[]} rows
   */
  const draw = (wrap, which, columns, rows) => {
    const sorted = sortRows(columns, rows, sorts[which]);
    shown[which] = asShown(columns, sorted, `frequency-${which}`);
    wrap.replaceChildren(dataTable({
      columns, rows: sorted, sort: sorts[which], caption: which === 'terms' ? 'Terms by documents' : 'Phrases by documents',
      onSort: (next) => {
        sorts[which] = next;
        drawTables();
        focusSortButton(wrap);
      },
    }));
  };
  draw(termsTable, 'terms', TERM_COLUMNS, data.terms);
  draw(phrasesTable, 'phrases', PHRASE_COLUMNS, data.phrases);
}
