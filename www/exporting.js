// @ts-check
// Downloads built in the page: CSV, JSON, SVG and PNG. Nothing is uploaded anywhere.

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Exported charts are drawn in these colours, whatever the page's theme. */
const INK = '#1b1b1f';
const PAPER = '#ffffff';

/** @typedef {[name: string, colour: string]} LegendEntry */

/**
 * Saves `blob` as `filename` through a temporary blob: link.
 * @param {Blob} blob
 * @param {string} filename
 */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** @param {string} text */
export const csvBlob = (text) => new Blob([text], { type: 'text/csv;charset=utf-8' });
/** @param {unknown} value */
export const jsonBlob = (value) => new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });

/**
 * Downloads a chart as a standalone SVG or PNG document (see `standaloneSvg`) named `name`.svg or .png.
 * @param {SVGSVGElement} chart
 * @param {{ kind: 'svg' | 'png', name: string, title: string, legend: LegendEntry[] }} o
 */
export async function downloadChart(chart, { kind, name, title, legend }) {
  const doc = standaloneSvg(chart, { title, legend });
  download(kind === 'svg' ? svgBlob(doc) : await pngBlob(doc), `${name}.${kind}`);
}

/**
 * An SVG element with `attrs` and `children` (strings become text nodes).
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number>} attrs
 * @param {...(Node | string)} children
 * @returns {SVGElementTagNameMap[K]}
 */
function svgElement(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  el.append(...children);
  return el;
}

/**
 * A standalone SVG document of a Plot chart: explicit colours instead of the page's
 * `currentColor`, a title, and the legend (`[name, colour]` pairs) under the chart.
 * @param {SVGSVGElement} chart
 * @param {{ title: string, legend?: LegendEntry[] }} o
 */
export function standaloneSvg(chart, { title, legend = [] }) {
  const svg = /** @type {SVGSVGElement} */ (chart.cloneNode(true));
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const titleHeight = title ? 24 : 0;
  const legendRows = layoutLegend(legend, width);
  const legendHeight = legendRows.length ? legendRows.length * 18 + 8 : 0;
  const total = height + titleHeight + legendHeight + 16;
  const outer = svgElement('svg', {
    xmlns: SVG_NS, width: width + 16, height: total, viewBox: `0 0 ${width + 16} ${total}`,
    style: `color: ${INK}; background: ${PAPER}; font: 10px system-ui, sans-serif`,
  });
  outer.append(svgElement('rect', { width: '100%', height: '100%', fill: PAPER }));
  if (title) outer.append(svgElement('text', { x: 8, y: 20, fill: INK, style: 'font: 600 14px system-ui, sans-serif' }, title));
  svg.setAttribute('x', '8');
  svg.setAttribute('y', String(8 + titleHeight));
  // Plot's stylesheet gives its SVG `height: auto; max-width: 100%`, which would make a
  // nested <svg> fill its parent: pin the size.
  Object.assign(svg.style, { width: `${width}px`, height: `${height}px`, maxWidth: 'none', color: INK });
  svg.style.setProperty('--plot-background', PAPER);
  outer.append(svg);
  legendRows.forEach((row, r) => {
    for (const { name, colour, x } of row) {
      outer.append(svgElement('g', { transform: `translate(${8 + x},${8 + titleHeight + height + 8 + r * 18})` },
        svgElement('rect', { width: 12, height: 12, fill: colour }),
        svgElement('text', { x: 16, y: 10, fill: INK, style: 'font: 11px system-ui, sans-serif' }, name)));
    }
  });
  return outer;
}

/**
 * The legend's entries in rows that fit `width`, each with its x.
 * @param {LegendEntry[]} legend
 * @param {number} width
 */
function layoutLegend(legend, width) {
  /** @type {{ name: string, colour: string, x: number }[][]} */
  const rows = [];
  /** @type {{ name: string, colour: string, x: number }[]} */
  let row = [];
  let x = 0;
  for (const [name, colour] of legend) {
    const w = 16 + Math.min(name.length, 40) * 6.4 + 18;
    if (row.length && x + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ name: name.length > 40 ? `${name.slice(0, 39)}…` : name, colour, x });
    x += w;
  }
  if (row.length) rows.push(row);
  return rows;
}

/** @param {SVGSVGElement} svg */
export function svgBlob(svg) {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
  return new Blob([text], { type: 'image/svg+xml;charset=utf-8' });
}

/**
 * Renders a standalone SVG into a PNG at `scale`× through an <img> and a <canvas>.
 * @param {SVGSVGElement} svg
 * @returns {Promise<Blob>}
 */
export async function pngBlob(svg, scale = 2) {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const img = new Image(width, height);
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('the browser could not draw the PNG');
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
