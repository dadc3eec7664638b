// @ts-check
// Charts, all drawn by Observable Plot (vendored UMD build, global `Plot`).
// Speaker colours come from one map (colours.js), so a speaker has the same colour everywhere.
import { fmt } from './dom.js';
import { colourMap, inkFor, PALETTE, NEUTRAL, OTHER_COLOUR } from './colours.js';

/** @import { PlotOptions, ScaleOptions, Markish } from '@observablehq/plot' */

const Plot = globalThis.Plot;

/** @typedef {ReturnType<typeof Plot.plot>} Chart  a chart's <svg> (Plot adds `scale()`) */

/** @param {Map<string, string>} colours */
const colourScale = (colours) => ({ domain: [...colours.keys()], range: [...colours.values()] });

/**
 * The left margin that fits the longest of `labels` (10 px system-ui, roughly).
 * @param {string[]} labels
 */
function marginFor(labels, min = 40, max = 200) {
  const longest = labels.reduce((m, l) => Math.max(m, String(l).length), 0);
  return Math.max(min, Math.min(max, Math.round(longest * 6.2) + 14));
}

/** @type {(s: string, chars: number) => string} */
const clip = (s, chars) => (s.length <= chars ? s : chars < 2 ? '' : `${s.slice(0, chars - 1)}…`);

/**
 * `s` in at most `chars` characters, cut in the middle: labels that differ at the end
 * (`Delegate of the Republic 258`, `… 137`) stay apart.
 * @type {(s: string, chars: number) => string}
 */
const clipMiddle = (s, chars) => {
  if (s.length <= chars || chars < 5) return clip(s, chars);
  const head = Math.ceil((chars - 1) / 2);
  return `${s.slice(0, head).trimEnd()}…${s.slice(s.length - (chars - 1 - head)).trimStart()}`;
};

/**
 * Horizontal bars, one row per term (top to bottom in `terms` order), with a rule at 0:
 * the frame the terms, distinctive words, collocations and ranked speakers charts share.
 * `label`: what the y axis shows of a term (default: the term).
 * @param {object} o
 * @param {string[]} o.terms
 * @param {number} o.width
 * @param {number} o.axis  the height of the x axis and its label
 * @param {ScaleOptions} o.x
 * @param {Markish | Markish[]} o.bars
 * @param {ScaleOptions} [o.color]
 * @param {string} [o.ariaLabel]
 * @param {number} [o.marginLeft]
 * @param {number} [o.marginRight]
 * @param {(term: string) => string} [o.label]
 */
function termBars({ terms, width, axis, x, bars, color, ariaLabel, marginLeft = marginFor(terms), marginRight = 16, label }) {
  /** @type {PlotOptions} */
  const options = {
    width,
    height: 20 * terms.length + axis,
    marginLeft,
    marginRight,
    ariaLabel,
    x,
    y: { label: null, domain: terms, ...(label ? { tickFormat: label } : {}) },
    marks: [bars, Plot.ruleX([0])],
  };
  if (color) options.color = color;
  return Plot.plot(options);
}

/**
 * About `per` px between x ticks, so tick labels do not run into each other on a phone.
 * @param {number} inner  the plot's width inside its margins
 */
const xTicks = (inner, per = 80) => Math.max(2, Math.floor(inner / per));

/**
 * At most `count` ticks at whole document numbers, from 1 to the last (a scale's own
 * ticks fall between documents, and `tickFormat: 'd'` rounds them into repeats).
 * @param {{ x: number | Date }[]} points
 * @param {number} count
 */
const wholeTicks = (points, count) => {
  const last = Math.max(1, ...points.map((p) => Number(p.x)));
  const step = Math.max(1, Math.ceil(last / count));
  return Array.from({ length: Math.floor((last - 1) / step) + 1 }, (_, i) => 1 + i * step);
};

/**
 * The left margin for labels `labels` in a chart `width` wide (at most 40% of it), and
 * the labels clipped (in the middle) to fit it.
 * @param {string[]} labels
 * @param {number} width
 */
function fittedLabels(labels, width) {
  const margin = marginFor(labels, 40, Math.min(200, Math.round(width * 0.4)));
  const chars = Math.floor((margin - 14) / 6.2 + 0.1); // marginFor rounds
  return { margin, label: (/** @type {string} */ l) => clipMiddle(String(l), chars) };
}

/**
 * @typedef {{ name: string, words: number }} Segment  a speaker's (or the grey speakers') words
 */

/**
 * Word share as one stacked 100% bar. `speakers`: the visible speakers (name, words).
 * @param {{ speakers: Segment[], colours: Map<string, string>, width: number }} o
 */
export function speakersChart({ speakers, colours, width }) {
  const total = speakers.reduce((s, d) => s + d.words, 0) || 1;
  const rows = speakers.map((d) => ({ name: d.name, words: d.words, share: d.words / total, row: 'Words' }));
  /** @typedef {typeof rows[number]} Row */
  /** @param {Row} d */
  const label = (d) => {
    const px = d.share * (width - 20);
    const chars = Math.floor((px - 6) / 6.6);
    return chars >= 3 ? clip(d.name, chars) : '';
  };
  /** @param {Row} d */
  const pctLabel = (d) => (d.share * (width - 20) >= 40 ? fmt.pct(d.share) : '');
  /** @param {Row} d */
  const ink = (d) => inkFor(colours.get(d.name) ?? '#000000');
  return Plot.plot({
    width,
    height: 96,
    marginLeft: 10,
    marginRight: 10,
    marginTop: 6,
    marginBottom: 34,
    ariaLabel: `Share of words by speaker: ${rows.map((d) => `${d.name} ${fmt.pct(d.share)}`).join(', ')}`,
    x: { percent: true, label: 'Share of words (%)', domain: [0, 100], ticks: 5 },
    y: { axis: null },
    color: colourScale(colours),
    marks: [
      Plot.barX(rows, Plot.stackX({
        x: 'words', y: 'row', fill: 'name', offset: 'normalize', order: null, inset: 0.5,
        title: (/** @type {Row} */ d) => `${d.name}\n${fmt.int(d.words)} words (${fmt.pct(d.share)})`,
      })),
      Plot.text(rows, Plot.stackX({
        x: 'words', y: 'row', offset: 'normalize', order: null, text: label, dy: -7,
        fill: { value: ink, scale: null }, fontWeight: 600, fontSize: 11,
      })),
      Plot.text(rows, Plot.stackX({
        x: 'words', y: 'row', offset: 'normalize', order: null, text: pctLabel, dy: 8,
        fill: { value: ink, scale: null }, fontSize: 10,
      })),
    ],
  });
}

/** From this many visible speakers up, the word share is a ranked bar chart, not one stacked bar. */
export const MANY_SPEAKERS = 12;
/** The ranked chart's bars: the speakers with the most words, then the others summed in one bar. */
export const TOP_SPEAKERS = 15;

/**
 * Word share as ranked horizontal bars (for many speakers): one bar per segment, top to
 * bottom in `speakers` order (the speakers with the most words, then the others summed),
 * each labelled with its share of the words of all `speakers`.
 * @param {{ speakers: Segment[], colours: Map<string, string>, width: number }} o
 */
export function rankedSpeakersChart({ speakers, colours, width }) {
  const total = speakers.reduce((s, d) => s + d.words, 0) || 1;
  const rows = speakers.map((d) => ({ name: d.name, words: d.words, share: d.words / total }));
  /** @typedef {typeof rows[number]} Row */
  const names = rows.map((d) => d.name);
  const { margin, label } = fittedLabels(names, width);
  const marginRight = 50; // "100.0%" after the longest bar
  // `percent` scales the values, and the domain is in the scaled units.
  return termBars({
    terms: names, width, axis: 44, marginLeft: margin, marginRight, label,
    x: { label: 'Share of words (%) →', percent: true, grid: true, domain: [0, 100 * Math.max(...rows.map((d) => d.share), 0.01)], ticks: xTicks(width - margin - marginRight) },
    color: colourScale(colours),
    bars: [
      Plot.barX(rows, {
        x: 'share', y: 'name', fill: 'name',
        title: (/** @type {Row} */ d) => `${d.name}\n${fmt.int(d.words)} words (${fmt.pct(d.share)})`,
      }),
      Plot.text(rows, {
        x: 'share', y: 'name', text: (/** @type {Row} */ d) => fmt.pct(d.share), textAnchor: 'start', dx: 4,
        fill: 'currentColor', fontVariant: 'tabular-nums', fontSize: 11,
      }),
    ],
  });
}

/** @typedef {{ term: string, count: number, speaker?: string }} TermBar */

/**
 * Horizontal bars of term counts. `rows`: { term, count, speaker? } — with `stacked`,
 * bars stack by speaker (`colours`). `terms`: the y order. `fill`: one colour when not stacked.
 * @param {{ rows: TermBar[], terms: string[], colours: Map<string, string>, width: number, fill?: string, stacked: boolean, ariaLabel?: string }} o
 */
export function termsChart({ rows, terms, colours, width, fill, ariaLabel, stacked }) {
  return termBars({
    terms, width, ariaLabel, axis: 44,
    x: { label: 'Occurrences', grid: true },
    color: stacked ? colourScale(colours) : undefined,
    bars: stacked
      ? Plot.barX(rows, Plot.stackX({
        x: 'count', y: 'term', fill: 'speaker', order: [...colours.keys()],
        title: (/** @type {TermBar} */ d) => `${d.term}\n${d.speaker}: ${fmt.int(d.count)}`,
      }))
      : Plot.barX(rows, { x: 'count', y: 'term', fill, title: (/** @type {TermBar} */ d) => `${d.term}: ${fmt.int(d.count)}` }),
  });
}

/**
 * One occurrence of a term in a dispersion chart.
 * @typedef {{ term: string, position: number, speaker: string, start: number }} Tick
 */

/**
 * Which of a dispersion chart's layers a speaker's ticks are drawn in: 0 the shared grey,
 * 1 a colour of their own, 2 the highlighted speaker (on top).
 * @param {string} speaker
 * @param {Map<string, string>} colours
 * @param {string} [highlight]
 */
export const tickLayer = (speaker, colours, highlight) => (speaker === highlight ? 2 : (colours.get(speaker) ?? OTHER_COLOUR) === OTHER_COLOUR ? 0 : 1);

/**
 * Where terms occur: one tick per occurrence along the text, coloured by speaker
 * (like quanteda's x-ray plot). `dps`: each term's DP, written at the end of its row.
 * Ticks in the shared grey are drawn first, then the coloured ones, then those of
 * `highlight` (a speaker), thicker, so neither is hidden under the grey.
 * The ticks of one speaker in one row are one `<path>` (a 10 MB text's five terms are
 * thousands of ticks: as a `<line>` each, Plot took 50–90 ms to draw them, as paths
 * about 5 ms); its `<title>` names the term, the count and the speaker, and
 * `data-ticks` says how many ticks it draws.
 * @param {{ points: Tick[], terms: string[], tokens: number, colours: Map<string, string>, width: number,
 *   dps?: { term: string, dp: number | null }[], ariaLabel?: string, highlight?: string }} o
 */
export function dispersionChart({ points, terms, tokens, colours, width, ariaLabel, dps = [], highlight }) {
  const { margin, label } = fittedLabels(terms, width);
  const marginRight = dps.length ? 64 : 16;
  const inner = width - margin - marginRight;
  return Plot.plot({
    width,
    height: 34 * terms.length + 50,
    marginLeft: margin,
    marginRight,
    ariaLabel,
    x: {
      domain: [0, Math.max(1, tokens)], ticks: xTicks(inner),
      label: inner < 300 ? 'Word number →' : 'Position in the transcript (word number) →',
    },
    y: { type: 'band', domain: terms, label: null, padding: 0.15, tickFormat: label },
    marks: [
      Plot.frame({ strokeOpacity: 0.25 }),
      tickPaths(points, colours, highlight),
      Plot.text(dps, {
        x: Math.max(1, tokens), y: 'term', text: (/** @type {{ dp: number | null }} */ d) => `DP ${fmt.fixed(d.dp, 2)}`, textAnchor: 'start', dx: 8,
        fill: 'currentColor', fontVariant: 'tabular-nums', fontSize: 11,
      }),
    ],
  });
}

/**
 * A Plot render function drawing `points` as vertical ticks across their term's band:
 * one path per layer, term and speaker, layers in order (grey, coloured, highlighted).
 * @param {Tick[]} points
 * @param {Map<string, string>} colours
 * @param {string} [highlight]
 */
function tickPaths(points, colours, highlight) {
  /** @type {Map<string, { term: string, speaker: string, layer: number, xs: number[] }>} */
  const groups = new Map();
  for (const p of points) {
    const key = `${p.term}\u0000${p.speaker}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { term: p.term, speaker: p.speaker, layer: tickLayer(p.speaker, colours, highlight), xs: [] }));
    g.xs.push(p.position);
  }
  const ordered = [...groups.values()].sort((a, b) => a.layer - b.layer);
  /** @type {(index: number[], scales: { x?: (v: number) => number, y?: ((v: string) => number | undefined) & { bandwidth?: () => number } }, values: unknown, dimensions: unknown, context: { document: Document }) => SVGGElement} */
  const render = (_index, { x, y }, _values, _dimensions, { document }) => {
    const svg = 'http://www.w3.org/2000/svg';
    const g = document.createElementNS(svg, 'g');
    g.setAttribute('aria-label', 'tick');
    g.setAttribute('fill', 'none');
    const band = y?.bandwidth?.() ?? 0;
    for (const t of ordered) {
      const top = y?.(t.term);
      if (!x || top === undefined) continue;
      const path = document.createElementNS(svg, 'path');
      path.setAttribute('d', t.xs.map((v) => `M${x(v).toFixed(1)},${top.toFixed(1)}v${band.toFixed(1)}`).join(''));
      path.setAttribute('stroke', colours.get(t.speaker) ?? OTHER_COLOUR);
      path.setAttribute('stroke-width', t.speaker === highlight ? '2.5' : '1.5');
      path.dataset.ticks = String(t.xs.length);
      const title = document.createElementNS(svg, 'title');
      title.textContent = `${t.term}: ${fmt.int(t.xs.length)} ${t.xs.length === 1 ? 'tick' : 'ticks'} (click one to see it in the transcript)\n${t.speaker}`;
      path.append(title);
      g.append(path);
    }
    return g;
  };
  return render;
}

/** @typedef {{ term: string, z: number, count: number, otherCount: number, g2: number, logRatio: number, zSignificant: boolean, g2Significant: boolean }} Scored */

/** The opacity of a bar whose z is not significant (|z| ≤ 1.96). */
export const NOT_SIGNIFICANT_OPACITY = 0.4;

/**
 * Distinctive words as diverging bars: x = z, to the right (in the speaker's colour) the
 * words a speaker uses more than the `reference` (its name), to the left (`other`) those used less;
 * bars whose z is not significant are paler.
 * `rows`: top to bottom.
 * @param {{ rows: Scored[], colour: string, other: string, reference: string, width: number, ariaLabel?: string }} o
 */
export function distinctiveChart({ rows, colour, other, reference, width, ariaLabel }) {
  const max = Math.max(1, ...rows.map((d) => Math.abs(d.z)));
  return termBars({
    terms: rows.map((d) => d.term), width, ariaLabel, axis: 52,
    x: { domain: [-max, max], nice: true, grid: true, label: '← used less · z · used more →', labelAnchor: 'center', tickFormat: (/** @type {number} */ v) => fmt.fixed(v, Number.isInteger(v) ? 0 : 1) },
    bars: Plot.barX(rows, {
      x: 'z', y: 'term', fill: { value: (/** @type {Scored} */ d) => (d.z > 0 ? colour : other), scale: null },
      fillOpacity: { value: (/** @type {Scored} */ d) => (d.zSignificant ? 1 : NOT_SIGNIFICANT_OPACITY), scale: null },
      title: (/** @type {Scored} */ d) => `${d.term}: z ${fmt.fixed(d.z, 2)}${d.zSignificant ? ' (p < 0.05)' : ' (not significant)'}\n${fmt.int(d.count)} here, ${fmt.int(d.otherCount)} by ${reference}\nG² ${fmt.fixed(d.g2, 2)}${d.g2Significant ? ' (p < 0.05)' : ''}, Log Ratio ${fmt.fixed(d.logRatio, 2)}`,
    }),
  });
}

/**
 * Collocates as bars of one measure (`key`, named `label`).
 * @template {{ term: string, count: number }} R
 * @param {{ rows: R[], key: keyof R & string, label: string, fill: string, width: number, ariaLabel?: string }} o
 */
export function collocationsChart({ rows, key, label, fill, width, ariaLabel }) {
  return termBars({
    terms: rows.map((d) => d.term), width, ariaLabel, axis: 44,
    x: { label: `${label} →`, grid: true },
    bars: Plot.barX(rows, { x: key, y: 'term', fill, title: (/** @type {R} */ d) => `${d.term}: ${label} ${fmt.fixed(/** @type {number | null} */ (d[key]), key === 'count' ? 0 : 2)} (O = ${fmt.int(d.count)})` }),
  });
}

/**
 * A speaker's share of the talk time and of the words, for the paired bars.
 * @typedef {{ name: string, measure: 'time' | 'words', share: number, label: string }} ShareBar
 */

/**
 * Talk time beside word share: per speaker (top to bottom in `names` order) a solid bar of
 * their share of the talk time and a lighter one of their share of the words (words only,
 * solid, when `rows` has no time bars), in their colour.
 * @param {{ rows: ShareBar[], names: string[], colours: Map<string, string>, width: number, ariaLabel?: string }} o
 */
export function talkShareChart({ rows, names, colours, width, ariaLabel }) {
  const { margin, label } = fittedLabels(names, width);
  const measures = [...new Set(rows.map((d) => d.measure))];
  const marginRight = 120;
  return Plot.plot({
    width,
    height: names.length * (measures.length * 16 + 10) + 50,
    marginLeft: margin,
    marginRight,
    ariaLabel,
    x: { percent: true, label: 'Share (%) →', grid: true, domain: [0, 100 * Math.max(0.01, ...rows.map((d) => d.share))], ticks: xTicks(width - margin - marginRight) },
    fy: { domain: names, label: null, tickFormat: label, padding: 0.15 },
    y: { domain: measures, axis: null, padding: 0.1 },
    color: colourScale(colours),
    marks: [
      Plot.barX(rows, {
        x: 'share', y: 'measure', fy: 'name', fill: 'name',
        fillOpacity: { value: (/** @type {ShareBar} */ d) => (d.measure === 'words' && measures.length > 1 ? 0.45 : 1), scale: null },
        title: (/** @type {ShareBar} */ d) => `${d.name}\n${d.label}`,
      }),
      Plot.text(rows, {
        x: 'share', y: 'measure', fy: 'name', textAnchor: 'start', dx: 4, fontSize: 11, fill: 'currentColor', fontVariant: 'tabular-nums',
        text: (/** @type {ShareBar} */ d) => `${fmt.pct(d.share)} of ${d.measure === 'time' ? 'talk time' : 'words'}`,
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** A cell of the transition matrix, by speaker name. */
/** @typedef {{ from: string, to: string, count: number, share: number }} TransitionCell */

/**
 * Who speaks after whom, as a heatmap: the speaker of a turn on y, the next turn's on x,
 * each cell filled by its share of the row and labelled with its count; a swatch of each
 * speaker's colour beside their labels.
 * @param {{ cells: TransitionCell[], names: string[], colours: Map<string, string>, width: number, ariaLabel?: string }} o
 */
export function transitionsChart({ cells, names, colours, width, ariaLabel }) {
  const { margin, label } = fittedLabels(names, width);
  const side = Math.max(22, Math.min(48, Math.floor((width - margin - 20) / Math.max(1, names.length))));
  const longest = names.reduce((m, n) => Math.max(m, label(n).length), 0);
  const marginBottom = Math.min(150, Math.round(longest * 6.2 * 0.65) + 34);
  const marginLeft = margin + 12;
  const swatches = names.map((name) => ({ name, colour: colours.get(name) ?? OTHER_COLOUR }));
  return Plot.plot({
    width: Math.min(width, marginLeft + side * names.length + 20),
    height: side * names.length + marginBottom + 10,
    marginLeft,
    marginRight: 20,
    marginTop: 10,
    marginBottom,
    ariaLabel,
    x: { domain: names, label: 'Next turn →', tickFormat: label, tickRotate: -40, tickSize: 0, tickPadding: 14 },
    y: { domain: names, label: 'Turn ↓', labelAnchor: 'top', tickFormat: label, tickSize: 0, tickPadding: 14 },
    color: { type: 'linear', domain: [0, 1], range: ['#eef3f9', '#08306b'] },
    marks: [
      Plot.cell(cells, {
        x: 'to', y: 'from', fill: 'share', inset: 0.5,
        title: (/** @type {TransitionCell} */ d) => `${d.from} → ${d.to}\n${fmt.int(d.count)} ${d.count === 1 ? 'time' : 'times'}, ${fmt.pct(d.share)} of ${d.from}'s turns followed by another`,
      }),
      Plot.text(cells, {
        x: 'to', y: 'from', text: (/** @type {TransitionCell} */ d) => fmt.int(d.count), fontSize: 10, fontVariant: 'tabular-nums',
        fill: { value: (/** @type {TransitionCell} */ d) => (d.share > 0.5 ? '#ffffff' : '#111111'), scale: null },
      }),
      Plot.dot(swatches, { y: 'name', frameAnchor: 'left', dx: -7, symbol: 'square', r: 4, fill: { value: 'colour', scale: null } }),
      Plot.dot(swatches, { x: 'name', frameAnchor: 'bottom', dy: 7, symbol: 'square', r: 4, fill: { value: 'colour', scale: null } }),
    ],
  });
}

/** A speaker's share of a bin of talk over time; `x`: the bin's start (words, or minutes; a last point at the last bin's end). */
/** @typedef {{ name: string, x: number, share: number }} TimeShare */

/**
 * Talk over time: each speaker's share of each bin, stacked (areas in `names` order, bottom
 * up), as steps: a bin's shares are flat across it. `unit`: what x counts ("word" positions or "minute"s).
 * @param {{ rows: TimeShare[], names: string[], colours: Map<string, string>, width: number, unit: 'words' | 'minutes', domain: [number, number], ariaLabel?: string }} o
 */
export function talkOverTimeChart({ rows, names, colours, width, unit, domain, ariaLabel }) {
  const marginLeft = 44;
  return Plot.plot({
    width,
    height: 220,
    marginLeft,
    marginRight: 16,
    ariaLabel,
    x: { domain, label: unit === 'minutes' ? 'Time (minutes) →' : 'Position in the transcript (word number) →', ticks: xTicks(width - marginLeft - 16) },
    y: { percent: true, domain: [0, 100], label: '↑ Share (%)', ticks: 5 },
    color: colourScale(colours),
    marks: [
      Plot.areaY(rows, Plot.stackY({
        x: 'x', y: 'share', fill: 'name', z: 'name', order: names, curve: 'step-after',
        title: (/** @type {TimeShare} */ d) => d.name,
      })),
      Plot.ruleY([0]),
    ],
  });
}

/**
 * A point of a series across a corpus's documents: `x` the document's place (its number in
 * order, or its date), `y` the value, `series` what the line is of, `document` its name.
 * @typedef {{ x: number | Date, y: number, series: string, document: string }} SeriesPoint
 */

/**
 * Lines with a dot per document, one line per series (a speaker's share, a term's
 * frequency), over document order or date.
 * @param {{ points: SeriesPoint[], colours: Map<string, string>, width: number, xLabel: string, yLabel: string,
 *   percent?: boolean, ariaLabel: string }} o
 */
export function seriesChart({ points, colours, width, xLabel, yLabel, percent = false, ariaLabel }) {
  const marginLeft = 48;
  const byDate = points.some((p) => p.x instanceof Date);
  const count = xTicks(width - marginLeft - 16);
  return Plot.plot({
    width,
    height: 260,
    marginLeft,
    marginRight: 16,
    ariaLabel,
    x: { label: `${xLabel} →`, ...(byDate ? { type: 'utc', ticks: count } : { ticks: wholeTicks(points, count), tickFormat: 'd' }) },
    y: { label: `↑ ${yLabel}`, grid: true, ...(percent ? { percent: true } : {}) },
    color: colourScale(colours),
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(points, { x: 'x', y: 'y', stroke: 'series', z: 'series' }),
      Plot.dot(points, {
        x: 'x', y: 'y', fill: 'series', r: 3,
        title: (/** @type {SeriesPoint} */ d) => `${d.series}\n${d.document}\n${percent ? fmt.pct(d.y) : fmt.dec(d.y)}`,
      }),
    ],
  });
}

/** Draws each chart once, off the page, so the first real one is not slowed by cold code. */
export function warmUp() {
  const colours = colourMap(['A', 'B']);
  const speakers = [{ name: 'A', words: 3 }, { name: 'B', words: 2 }];
  const terms = [{ term: 'x', count: 2, speaker: 'A' }, { term: 'y', count: 1, speaker: 'B' }];
  speakersChart({ speakers, colours, width: 400 });
  rankedSpeakersChart({ speakers, colours, width: 400 });
  termsChart({ rows: terms, terms: ['x', 'y'], colours, width: 400, fill: '#000', stacked: false });
  termsChart({ rows: terms, terms: ['x', 'y'], colours, width: 400, stacked: true });
  dispersionChart({ points: [{ term: 'x', position: 1, speaker: 'A', start: 0 }], terms: ['x'], tokens: 5, colours, width: 400, dps: [{ term: 'x', dp: 0.5 }] });
  const scored = [{ term: 'x', z: 2, count: 2, otherCount: 0, g2: 3, logRatio: 1, zSignificant: true, g2Significant: false },
    { term: 'y', z: -1, count: 0, otherCount: 2, g2: -2, logRatio: -1, zSignificant: false, g2Significant: false }];
  distinctiveChart({ rows: scored, colour: PALETTE[0], other: NEUTRAL, reference: 'B', width: 400 });
  collocationsChart({ rows: [{ term: 'x', logDice: 12, count: 3 }], key: 'logDice', label: 'logDice', fill: NEUTRAL, width: 400 });
  talkShareChart({ rows: [{ name: 'A', measure: 'time', share: 0.6, label: '' }, { name: 'A', measure: 'words', share: 0.5, label: '' }], names: ['A'], colours, width: 400 });
  transitionsChart({ cells: [{ from: 'A', to: 'B', count: 1, share: 1 }], names: ['A', 'B'], colours, width: 400 });
  talkOverTimeChart({ rows: [{ name: 'A', x: 0, share: 1 }, { name: 'A', x: 1, share: 1 }], names: ['A'], colours, width: 400, unit: 'words', domain: [0, 1] });
}
