// @ts-check
// What several views draw: speaker swatches and legends, charts put into their figures,
// in-cell bars, capped lists with a "Show all" button.
import { $, h, fmt } from '../dom.js';
import { OTHER_COLOUR } from '../colours.js';
import { state, colourOf, visibleSpeakers } from '../state.js';

/**
 * @import { LegendEntry } from '../exporting.js'
 * @import { Chart } from '../charts.js'
 */

/** Per-speaker columns in the terms and dispersion tables. */
export const SPEAKER_COLUMNS_MAX = 20;
/** Rows of the speakers tables drawn until "Show all" (CSV has every row). */
const SPEAKER_ROWS = 200;

/** @param {string} name */
export const swatch = (name) => h('span', { class: 'swatch', 'aria-hidden': 'true', style: { background: colourOf(name) } });

/**
 * Legend entries for `names`: each speaker that has a colour of its own, then the
 * speakers drawn in the shared grey as one entry (they cannot be told apart anyway).
 * `colourFor`: a speaker's colour in the chart (default: its colour everywhere).
 * @param {string[]} names
 * @param {(name: string) => string} [colourFor]
 * @returns {LegendEntry[]}
 */
export function legendEntries(names, colourFor = colourOf) {
  const own = names.filter((n) => colourFor(n) !== OTHER_COLOUR);
  const grey = names.length - own.length;
  if (grey <= 1) return names.map((n) => [n, colourFor(n)]);
  return [...own.map((n) => /** @type {LegendEntry} */ ([n, colourFor(n)])), [`${fmt.int(grey)} other speakers`, OTHER_COLOUR]];
}

/**
 * Fills a legend list with [label, colour] pairs.
 * @param {HTMLElement} list
 * @param {LegendEntry[]} pairs
 */
export function colourLegend(list, pairs) {
  list.replaceChildren(...pairs.map(([label, colour]) => h('li', {}, h('span', { class: 'swatch', 'aria-hidden': 'true', style: { background: colour } }), label)));
}

/**
 * Fills a legend list with the colours of the speakers `names`.
 * @param {HTMLElement} list
 * @param {string[]} names
 */
export function legend(list, names) {
  colourLegend(list, legendEntries(names));
}

/** The legend of the visible speakers, for a chart's export. */
export const speakersLegend = () => legendEntries(visibleSpeakers().map((s) => s.name));

/** The width for charts: the results column's (tab panels have no side padding). */
export function chartWidth() {
  return Math.max(280, Math.floor(state.width || $('results').clientWidth || 600));
}

/**
 * Puts a chart into its figure, which carries its accessible name.
 * @param {HTMLElement} figure
 * @param {Chart} svg
 * @param {string} label
 */
export function putChart(figure, svg, label) {
  figure.setAttribute('aria-label', label);
  svg.removeAttribute('aria-label'); // the figure carries the name
  figure.replaceChildren(svg);
}

/**
 * Empties a figure, or shows why it has no chart.
 * @param {HTMLElement} figure
 * @param {string} [why]
 */
export function noChart(figure, why) {
  figure.removeAttribute('aria-label');
  figure.replaceChildren(...(why === undefined ? [] : [h('p', { class: 'hint', text: why })]));
}

/**
 * A number with a bar of `fraction` (0…1) of a fixed-width track before it.
 * @param {number} fraction
 * @param {string} text
 */
export function cellBar(fraction, text) {
  const width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 10}%`;
  return h('span', { class: 'cell-bar' },
    h('span', { class: 'track', 'aria-hidden': 'true' }, h('span', { class: 'bar', style: { width } })), h('span', { class: 'v', text }));
}

/**
 * Shows `button` ("Show all N speakers") when `count` rows are over the cap; returns the rows to draw.
 * @param {HTMLElement} button
 * @param {number} count
 * @param {boolean} all  every row was asked for
 */
export function showMore(button, count, all) {
  const limit = all ? count : Math.min(count, SPEAKER_ROWS);
  button.hidden = limit >= count;
  button.textContent = `Show all ${fmt.int(count)} speakers`;
  return limit;
}

/** Says that the per-speaker columns are capped, when they are. */
export function columnsNote() {
  const n = visibleSpeakers().length;
  return n > SPEAKER_COLUMNS_MAX ? ` Columns for the ${SPEAKER_COLUMNS_MAX} speakers with the most words (of ${fmt.int(n)}).` : '';
}

/**
 * Makes a chart's y-axis labels clickable: `onPick(term)` for those among `terms`.
 * @param {Chart} svg
 * @param {string[]} terms
 * @param {(term: string) => void} onPick
 */
export function clickableTickLabels(svg, terms, onPick) {
  for (const t of svg.querySelectorAll('g[aria-label="y-axis tick label"] text')) t.classList.add('clickable');
  svg.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target.closest('g[aria-label="y-axis tick label"] text') : null;
    if (t?.textContent && terms.includes(t.textContent)) onPick(t.textContent);
  });
}

/**
 * Focuses the sort button of the column a table is sorted by (after it was drawn again).
 * @param {HTMLElement} wrap  the table's container
 */
export function focusSortButton(wrap) {
  const button = wrap.querySelector('[aria-sort] button');
  if (button instanceof HTMLElement) button.focus();
}
