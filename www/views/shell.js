// @ts-check
// The markup the views repeat, built in one place: a view's tab panel, a labelled control,
// a chart with its export buttons, a table's heading with its CSV button. The export
// buttons download what their view last showed (exporting.js).
import { h } from '../dom.js';
import { state } from '../state.js';
import { showError } from '../status.js';
import { download, csvBlob, downloadChart } from '../exporting.js';
import { namingSpeakers, exportBase, exportTitle } from '../source.js';
import { facts } from '../pkg/facts.js';

/**
 * @import { Attrs, Child } from '../dom.js'
 * @import { Shown } from '../table.js'
 * @import { LegendEntry } from '../exporting.js'
 * @import { ViewName } from '../settings.js'
 */

/** What the exports are named after: the opened file, or the first speakers of a pasted text (source.js). */
const named = () => ({
  file: state.file,
  speakers: state.analysis ? namingSpeakers(state.analysis.speakers.map((s) => s.name), facts.unattributed) : [],
});
/** The start of every export's file name: the transcript's (a slug). */
export const baseName = () => exportBase(named());
/** The transcript's name in exported charts' titles. */
export const sourceTitle = () => exportTitle(named());

/**
 * The tab panel of view `name` (tabs.js adds its tab).
 * @param {ViewName} name
 * @param {...Child} children
 */
export function tabPanel(name, ...children) {
  return h('div', { role: 'tabpanel', id: `panel-${name}`, 'aria-labelledby': `tab-${name}`, tabindex: '0', hidden: true }, ...children);
}

/**
 * A `<select>` of `[value, text]` options, `selected` chosen.
 * @param {string} id
 * @param {[string, string][]} options
 * @param {string} [selected]
 * @param {Attrs} [attrs]
 */
export function select(id, options, selected, attrs = {}) {
  return h('select', { id, ...attrs }, options.map(([value, text]) => h('option', { value, selected: value === selected }, text)));
}

/**
 * A field with its label before it: `<span class="control"><label>…</label> field</span>`.
 * @param {string} label
 * @param {HTMLElement} field  with an id
 * @param {...Child} after  (a unit, say)
 */
export function control(label, field, ...after) {
  return h('span', { class: 'control' }, h('label', { for: field.id }, label), ' ', field, ...after);
}

/**
 * A checkbox with its label after it.
 * @param {HTMLInputElement} box
 * @param {string} label
 */
export function checkbox(box, label) {
  return h('label', { class: 'check' }, box, ` ${label}`);
}

/**
 * A "Show all" link button, hidden until a list is capped.
 * @param {string} id
 * @param {string} [text]
 */
export const moreButton = (id, text) => h('button', { type: 'button', id, class: 'link', hidden: true }, text);

/**
 * A table's container. When the table is wider than it, it scrolls sideways and says so:
 * `data-scrolls` (style.css shows a line saying so), and it is a focusable region, so the
 * arrow keys scroll it.
 * @param {string} id
 */
export function tableWrap(id) {
  const wrap = h('div', { id, class: 'table-wrap' });
  const check = () => {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls === wrap.hasAttribute('data-scrolls')) return;
    wrap.toggleAttribute('data-scrolls', scrolls);
    if (scrolls) {
      // Named apart from its table (whose caption says what it holds).
      Object.entries({ tabindex: '0', role: 'region', 'aria-label': 'Wide table, scrolls sideways' }).forEach(([k, v]) => wrap.setAttribute(k, v));
    } else {
      for (const k of ['tabindex', 'role', 'aria-label']) wrap.removeAttribute(k);
    }
  };
  // Its width changes with the window, the table's with what it holds. Checked when
  // the browser has laid them out (a ResizeObserver's time), never by forcing a layout
  // while a view is drawn: a new table is observed when it is put in.
  const sizes = new ResizeObserver(check);
  sizes.observe(wrap);
  new MutationObserver(() => {
    sizes.disconnect();
    sizes.observe(wrap);
    for (const child of wrap.children) sizes.observe(child);
  }).observe(wrap, { childList: true });
  return wrap;
}

/**
 * @param {string} id
 * @param {string} label  what the colours stand for
 */
export const legendList = (id, label) => h('ul', { id, class: 'legend', 'aria-label': label });

/** @param {string} id  `<name>-chart`: the exports are named `<transcript>-<name>` */
export const chartFigure = (id) => h('figure', { id, class: 'chart', role: 'img' });

/**
 * A CSV button: downloads `table()` (null: nothing shown yet) as `<transcript>-<suffix>.csv`.
 * @param {string} id  `<name>-csv`; `<name>` is the default suffix
 * @param {() => Shown | null} table
 * @param {string} [label]  its accessible name, when "CSV" alone would not say of what
 */
export function csvButton(id, table, label) {
  const name = id.replace(/-csv$/, '');
  return h('button', {
    type: 'button', id, 'aria-label': label, onclick: () => {
      const shown = table();
      if (shown) download(csvBlob(shown.csv()), `${baseName()}-${shown.suffix ?? name}.csv`);
    },
  }, 'CSV');
}

/**
 * A chart's export buttons (SVG and PNG, then `more`, such as its table's CSV button),
 * as a group named `label`. The export is titled `title()` and carries the legend `legend()`.
 * @param {{ figure: HTMLElement, label: string, title: () => string, legend: () => LegendEntry[], id?: string }} o
 * @param {...Child} more
 */
export function chartActions({ figure, label, title, legend, id }, ...more) {
  /** @param {'svg' | 'png'} kind */
  const exportAs = async (kind) => {
    const svg = figure.querySelector('svg');
    if (!svg) return;
    try {
      await downloadChart(svg, { kind, name: `${baseName()}-${figure.id.replace('-chart', '')}`, title: `${title()} — ${sourceTitle()}`, legend: legend() });
    } catch (err) {
      showError(`The chart could not be exported: ${err instanceof Error ? err.message : err}`);
    }
  };
  return h('div', { id, class: 'actions', role: 'group', 'aria-label': label },
    h('button', { type: 'button', onclick: () => exportAs('svg') }, 'SVG'),
    h('button', { type: 'button', onclick: () => exportAs('png') }, 'PNG'),
    ...more);
}

/**
 * A table's heading with its CSV button.
 * @param {HTMLElement} heading
 * @param {HTMLButtonElement} csv
 */
export const tableHead = (heading, csv) => h('div', { class: 'table-head' }, heading, csv);
