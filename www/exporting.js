// Downloads built in the page: CSV, JSON, SVG and PNG. Nothing is uploaded anywhere.

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Exported charts are drawn in these colours, whatever the page's theme. */
const INK = '#1b1b1f';
const PAPER = '#ffffff';

/** Saves `blob` as `filename` through a temporary blob: link. */
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

export const csvBlob = (text) => new Blob([text], { type: 'text/csv;charset=utf-8' });
export const jsonBlob = (value) => new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });

/**
 * A standalone SVG document of a Plot chart: explicit colours instead of the page's
 * `currentColor`, a title, and the legend (`[name, colour]` pairs) under the chart.
 */
export function standaloneSvg(chart, { title, legend = [] }) {
  const svg = chart.cloneNode(true);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const titleHeight = title ? 24 : 0;
  const legendRows = layoutLegend(legend, width);
  const legendHeight = legendRows.length ? legendRows.length * 18 + 8 : 0;
  const outer = document.createElementNS(SVG_NS, 'svg');
  const total = height + titleHeight + legendHeight + 16;
  outer.setAttribute('xmlns', SVG_NS);
  outer.setAttribute('width', String(width + 16));
  outer.setAttribute('height', String(total));
  outer.setAttribute('viewBox', `0 0 ${width + 16} ${total}`);
  outer.setAttribute('style', `color: ${INK}; background: ${PAPER}; font: 10px system-ui, sans-serif`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', PAPER);
  outer.append(bg);
  if (title) {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', '8');
    t.setAttribute('y', '20');
    t.setAttribute('fill', INK);
    t.setAttribute('style', 'font: 600 14px system-ui, sans-serif');
    t.textContent = title;
    outer.append(t);
  }
  svg.setAttribute('x', '8');
  svg.setAttribute('y', String(8 + titleHeight));
  // Plot's stylesheet gives its SVG `height: auto; max-width: 100%`, which would make a
  // nested <svg> fill its parent: pin the size.
  Object.assign(svg.style, { width: `${width}px`, height: `${height}px`, maxWidth: 'none', color: INK });
  svg.style.setProperty('--plot-background', PAPER);
  outer.append(svg);
  legendRows.forEach((row, r) => {
    for (const { name, colour, x } of row) {
      const g = document.createElementNS(SVG_NS, 'g');
      g.setAttribute('transform', `translate(${8 + x},${8 + titleHeight + height + 8 + r * 18})`);
      const swatch = document.createElementNS(SVG_NS, 'rect');
      swatch.setAttribute('width', '12');
      swatch.setAttribute('height', '12');
      swatch.setAttribute('fill', colour);
      const label = document.createElementNS(SVG_NS, 'text');
      label.setAttribute('x', '16');
      label.setAttribute('y', '10');
      label.setAttribute('fill', INK);
      label.setAttribute('style', 'font: 11px system-ui, sans-serif');
      label.textContent = name;
      g.append(swatch, label);
      outer.append(g);
    }
  });
  return outer;
}

function layoutLegend(legend, width) {
  const rows = [];
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

export function svgBlob(svg) {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
  return new Blob([text], { type: 'image/svg+xml;charset=utf-8' });
}

/** Renders a standalone SVG into a PNG at `scale`× through an <img> and a <canvas>. */
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
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
