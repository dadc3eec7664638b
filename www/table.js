// Sortable data tables, and CSV of exactly what a table shows (its rows, in its order).
import { h } from './dom.js';

/**
 * Columns: { key, label, numeric?, value(row) (sorting and CSV), cell?(row) (a Node or text),
 * sortable? (default true), title? (the header's tooltip), attrs?(row) (the cell's attributes) }.
 */
export function sortRows(columns, rows, sort) {
  const col = columns.find((c) => c.key === sort?.key);
  if (!col) return rows.slice();
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
 * A table element. `sort` ({ key, dir }) and `onSort(sort)` make its headers sort
 * buttons; `limit` caps the rows drawn (the caller says how many there are).
 */
export function dataTable({ caption, columns, rows, sort, onSort, limit = Infinity, className = '' }) {
  const head = h('tr', {}, columns.map((col) => {
    const active = sort?.key === col.key;
    const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : null;
    const th = h('th', { scope: 'col', class: col.numeric ? 'num' : '', 'aria-sort': ariaSort });
    if (onSort && col.sortable !== false) {
      const next = { key: col.key, dir: active ? (sort.dir === 'asc' ? 'desc' : 'asc') : col.numeric ? 'desc' : 'asc' };
      th.append(h('button', {
        type: 'button', class: 'sort', onclick: () => onSort(next),
        title: col.title ? `Sort by ${col.label}: ${col.title}` : `Sort by ${col.label}`,
      }, col.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true', text: active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '' })));
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

/** One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV (RFC 4180, CRLF line ends) of `rows` under `columns`, using `csv(row)` or `value(row)`. */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => csvField(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField((c.csv ?? c.value)(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
