// @ts-check
// Clicks on charts: the tick nearest a click (ticks are too thin to hit), a bar's datum.

/**
 * @import { Chart, Tick } from './charts.js'
 */

/**
 * Calls `onPick(point)` for the tick nearest a click on a dispersion chart (within 6 px,
 * in the clicked term's row): ticks are too thin to hit exactly.
 * @param {Chart} svg
 * @param {Tick[]} points
 * @param {(point: Tick) => void} onPick
 */
export function onTickClick(svg, points, onPick) {
  const x = svg.scale('x');
  const y = svg.scale('y');
  if (!x?.apply || !y?.apply || !y.domain) return;
  const [xAt, yAt, domain, band] = [x.apply, y.apply, /** @type {string[]} */ ([...y.domain]), y.bandwidth ?? 0];
  const byTerm = Map.groupBy(points, (p) => p.term);
  svg.classList.add('clickable');
  svg.addEventListener('click', (event) => {
    if (!(event instanceof MouseEvent)) return;
    const box = svg.getBoundingClientRect();
    const ratio = Number(svg.getAttribute('width')) / box.width;
    const px = (event.clientX - box.left) * ratio;
    const py = (event.clientY - box.top) * ratio;
    const term = domain.find((t) => py >= yAt(t) && py <= yAt(t) + band);
    /** @type {Tick | null} */
    let best = null;
    let distance = 6;
    for (const p of (term === undefined ? undefined : byTerm.get(term)) ?? []) {
      const d = Math.abs(xAt(p.position) - px);
      if (d <= distance) [best, distance] = [p, d];
    }
    if (best) onPick(best);
  });
}

/**
 * Calls `onPick(datum)` when a bar of `svg` (drawn from `rows`) is clicked.
 * @template R
 * @param {Chart} svg
 * @param {string} selector  the marks' elements
 * @param {R[]} rows
 * @param {(row: R) => void} onPick
 */
export function onMarkClick(svg, selector, rows, onPick) {
  for (const el of svg.querySelectorAll(selector)) {
    el.classList.add('clickable');
  }
  svg.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest(selector) : null;
    if (!el || !svg.contains(el)) return;
    // Plot binds each mark's element to its index in the data.
    const i = /** @type {{ __data__?: unknown }} */ (el).__data__;
    if (typeof i === 'number' && rows[i]) onPick(rows[i]);
  });
}
