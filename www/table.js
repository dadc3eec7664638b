// @ts-check
// Sortable data tables, and CSV of exactly what a table shows (its rows, in its order).
import { h } from './dom.js';

/** @import { Child } from './dom.js' */

/**
 * A column of a table of `R` rows. `value(row)` sorts and fills the CSV; `cell(row)` is
 * what the table shows (default: the value); `csv(row)` overrides the CSV field.
 * @template R
 * @typedef {object} Column
 * @property {string} key
 * @property {string} label
 * @property {boolean} [numeric]
 * @property {(row: R) => string | number} value
 * @property {(row: R) => Child} [cell]
 * @property {(row: R) => string | number | null | undefined} [csv]
 * @property {boolean} [sortable]  default true
 * @property {string} [title]  the header's tooltip
 * @property {(row: R) => Record<string, string | number>} [attrs]  the cell's attributes
 */
/** @typedef {{ key: string, dir: 'asc' | 'desc' }} Sort */
/**
 * A table as last shown, for its CSV (its rows, in their order), and the end of the CSV's
 * file name (default: the table's name).
 * @typedef {{ csv: () => string, suffix?: string }} Shown
 */

/**
 * `rows` under `columns` as shown, for their CSV.
 * @template R
 * @param {Column<R>[]} columns
 * @param {R[]} rows
 * @param {string} [suffix]
 * @returns {Shown}
 */
export const asShown = (columns, rows, suffix) => ({ csv: () => toCsv(columns, rows), suffix });

/**
 * `rows` sorted by `sort` (a stable sort; numbers as numbers, text by a collator).
 * @template R
 * @param {Column<R>[]} columns
 * @param {R[]} rows
 * @param {Sort | null | undefined} sort
 */
export function sortRows(columns, rows, sort) {
  const col = columns.find((c) => c.key === sort?.key);
  if (!col || !sort) return rows.slice();
  const dir = sort.dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return rows
    .map((row, i) => ({ row, i, v: col.value(row) }))
    .sort((a, b) => {
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c * dir || a.i - b.i;
    })
    .map((x) => x.row);
}

/**
 * A table element. `sort` and `onSort(sort)` make its headers sort buttons; `limit` caps
 * the rows drawn (the caller says how many there are).
 * @template R
 * @param {{ caption?: string, columns: Column<R>[], rows: R[], sort?: Sort | null, onSort?: (sort: Sort) => void,
 *   limit?: number, className?: string }} o
 */
export function dataTable({ caption, columns, rows, sort, onSort, limit = Infinity, className = '' }) {
  const head = h('tr', {}, columns.map((col) => {
    const active = sort?.key === col.key;
    const ariaSort = sort && active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : null;
    const th = h('th', { scope: 'col', class: col.numeric ? 'num' : '', 'aria-sort': ariaSort });
    if (onSort && col.sortable !== false) {
      /** @type {Sort} */
      const next = { key: col.key, dir: sort && active ? (sort.dir === 'asc' ? 'desc' : 'asc') : col.numeric ? 'desc' : 'asc' };
      th.append(h('button', {
        type: 'button', class: 'sort', onclick: () => onSort(next),
        title: col.title ? `Sort by ${col.label}: ${col.title}` : `Sort by ${col.label}`,
      }, col.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true', text: sort && active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '' })));
    } else {
      th.textContent = col.label;
      if (col.title) th.title = col.title;
    }
    return th;
  }));
  const body = h('tbody');
  for (const row of rows.slice(0, limit)) {
    body.append(h('tr', {}, columns.map((col, i) => {
      const content = col.cell ? col.cell(row) : col.value(row);
      const attrs = { class: col.numeric ? 'num' : '', ...col.attrs?.(row) };
      return i === 0 ? h('th', { scope: 'row', ...attrs }, content) : h('td', attrs, content);
    })));
  }
  return h('table', { class: `data ${className}` }, caption ? h('caption', { text: caption }) : null, h('thead', {}, head), body);
}

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled.
 * @param {unknown} v
 */
export function csvField(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV (RFC 4180, CRLF line ends) of `rows` under `columns`, using `csv(row)` or `value(row)`.
 * @template R
 * @param {Column<R>[]} columns
 * @param {R[]} rows
 */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => csvField(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField((c.csv ?? c.value)(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Draws a sortable table once, off the page, so the first real one is not slowed by cold code. */
export function warmUp() {
  /** @type {Column<{ words: number }>} */
  const words = { key: 'words', label: 'Words', numeric: true, value: (s) => s.words, cell: (s) => String(s.words) };
  dataTable({ columns: [words], rows: [{ words: 1 }], sort: { key: 'words', dir: 'desc' }, onSort() {} });
}
