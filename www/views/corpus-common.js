// @ts-check
// What the corpus views share: a view's panel, its CSV buttons (files named `corpus-…`),
// the chart width, the document a row stands for, and the button that opens it.
import { h } from '../dom.js';
import { download, csvBlob } from '../exporting.js';
import { corpus } from '../corpus-state.js';
import { openDocument } from '../corpus-open.js';

/**
 * @import { Child } from '../dom.js'
 * @import { Shown } from '../table.js'
 * @import { DocumentRow } from '../pkg/colloquy.js'
 */

/**
 * A view across the documents, with a tab of its own in the corpus overview.
 * @typedef {{ name: string, title: string, panel: HTMLElement, render: () => void }} CorpusView
 */

/**
 * The tab panel of corpus view `name`.
 * @param {string} name
 * @param {...Child} children
 */
export const corpusPanel = (name, ...children) =>
  h('div', { role: 'tabpanel', id: `panel-corpus-${name}`, 'aria-labelledby': `tab-corpus-${name}`, tabindex: '0', hidden: true }, ...children);

/**
 * A CSV button downloading `table()` as `corpus-<name>.csv`.
 * @param {string} name
 * @param {() => Shown | null} table
 * @param {string} label  its accessible name
 * @param {string} [text]  what it shows
 */
export const corpusCsvButton = (name, table, label, text = 'CSV') => h('button', {
  type: 'button', id: `corpus-${name}-csv`, 'aria-label': label, onclick: () => {
    const shown = table();
    if (shown) download(csvBlob(shown.csv()), `corpus-${shown.suffix ?? name}.csv`);
  },
}, text);

/** The width for the corpus's charts. */
export const corpusWidth = () => Math.max(280, Math.floor(document.getElementById('corpus')?.clientWidth || 600));

/**
 * The row of document `index` (its place in the corpus).
 * @param {number} index
 * @returns {DocumentRow | undefined}
 */
export const documentRow = (index) => corpus.table?.rows[index];

/**
 * A button naming document `index` that opens it in the single-document views.
 * @param {number} index
 */
export const openButton = (index) => h('button', {
  type: 'button', class: 'link open-document', title: 'Open this document in the single-document views',
  onclick: () => openDocument(index),
}, documentRow(index)?.name ?? `#${index + 1}`);

/**
 * A document's place on a chart's x axis: its date when every document has one, else its number.
 * @param {number} index
 * @param {boolean} byDate
 */
export const documentX = (index, byDate) => (byDate ? new Date(documentRow(index)?.date ?? '') : index + 1);

/**
 * The columns that name a document in a long CSV (a row per document and series).
 * @template {{ document: number }} R
 * @returns {import('../table.js').Column<R>[]}
 */
export const documentColumns = () => [
  { key: 'document', label: 'Document', value: (r) => documentRow(r.document)?.name ?? '' },
  { key: 'date', label: 'Date', value: (r) => documentRow(r.document)?.date ?? '' },
  { key: 'group', label: 'Group', value: (r) => documentRow(r.document)?.group ?? '' },
];

/** Whether every document has a date (so charts can run over time). */
export const allDated = () => Boolean(corpus.table?.rows.length) && (corpus.table?.rows ?? []).every((r) => r.date);
