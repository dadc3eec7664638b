// Charts, all drawn by Observable Plot (vendored UMD build, global `Plot`).
// Speaker colours come from one map, so a speaker has the same colour everywhere.
import { fmt } from './dom.js';

const Plot = globalThis.Plot;

/** Okabe–Ito, the colour-blind-safe palette (black left out: it vanishes in dark mode). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];
/** Speakers beyond the palette share this grey. */
export const OTHER_COLOUR = '#8c8c8c';

/** Speaker name → colour, by speaker order (most words first). */
export function colourMap(names) {
  return new Map(names.map((name, i) => [name, PALETTE[i] ?? OTHER_COLOUR]));
}

/** Dark or light text for a label drawn on `hex`. */
export function inkFor(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.3 ? '#111111' : '#ffffff';
}

const colourScale = (colours) => ({ domain: [...colours.keys()], range: [...colours.values()] });

/** The left margin that fits the longest of `labels` (10 px system-ui, roughly). */
function marginFor(labels, min = 40, max = 200) {
  const longest = labels.reduce((m, l) => Math.max(m, String(l).length), 0);
  return Math.max(min, Math.min(max, Math.round(longest * 6.2) + 14));
}

const clip = (s, chars) => (s.length <= chars ? s : chars < 2 ? '' : `${s.slice(0, chars - 1)}…`);

/**
 * Word share as one stacked 100% bar. `speakers`: the visible speakers (name, words).
 */
export function speakersChart({ speakers, colours, width }) {
  const total = speakers.reduce((s, d) => s + d.words, 0) || 1;
  const rows = speakers.map((d) => ({ name: d.name, words: d.words, share: d.words / total, row: 'Words' }));
  const label = (d) => {
    const px = d.share * (width - 20);
    const chars = Math.floor((px - 6) / 6.6);
    return chars >= 3 ? clip(d.name, chars) : '';
  };
  const pctLabel = (d) => (d.share * (width - 20) >= 40 ? fmt.pct(d.share) : '');
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
        title: (d) => `${d.name}\n${fmt.int(d.words)} words (${fmt.pct(d.share)})`,
      })),
      Plot.text(rows, Plot.stackX({
        x: 'words', y: 'row', offset: 'normalize', order: null, text: label, dy: -7,
        fill: { value: (d) => inkFor(colours.get(d.name)), scale: null }, fontWeight: 600, fontSize: 11,
      })),
      Plot.text(rows, Plot.stackX({
        x: 'words', y: 'row', offset: 'normalize', order: null, text: pctLabel, dy: 8,
        fill: { value: (d) => inkFor(colours.get(d.name)), scale: null }, fontSize: 10,
      })),
    ],
  });
}

/**
 * Horizontal bars of term counts. `rows`: { term, count, speaker? } — with `speaker`,
 * bars stack by speaker. `terms`: the y order. `fill`: one colour when not stacked.
 */
export function termsChart({ rows, terms, colours, width, fill, ariaLabel, stacked }) {
  return Plot.plot({
    width,
    height: 20 * terms.length + 44,
    marginLeft: marginFor(terms),
    marginRight: 16,
    ariaLabel,
    x: { label: 'Occurrences', grid: true },
    y: { label: null, domain: terms },
    color: stacked ? colourScale(colours) : undefined,
    marks: [
      stacked
        ? Plot.barX(rows, Plot.stackX({
          x: 'count', y: 'term', fill: 'speaker', order: [...colours.keys()],
          title: (d) => `${d.term}\n${d.speaker}: ${fmt.int(d.count)}`,
        }))
        : Plot.barX(rows, { x: 'count', y: 'term', fill, title: (d) => `${d.term}: ${fmt.int(d.count)}` }),
      Plot.ruleX([0]),
    ],
  });
}

/**
 * Where terms occur: one tick per occurrence along the text, coloured by speaker
 * (like quanteda's x-ray plot). `points`: { term, position, speaker, start }.
 * `dps`: { term, dp } — each term's DP, written at the end of its row.
 */
export function dispersionChart({ points, terms, tokens, colours, width, ariaLabel, dps = [] }) {
  return Plot.plot({
    width,
    height: 34 * terms.length + 50,
    marginLeft: marginFor(terms),
    marginRight: dps.length ? 64 : 16,
    ariaLabel,
    x: { domain: [0, Math.max(1, tokens)], label: 'Position in the transcript (word number) →', ticks: 6 },
    y: { domain: terms, label: null, padding: 0.15 },
    color: colourScale(colours),
    marks: [
      Plot.frame({ strokeOpacity: 0.25 }),
      Plot.tickX(points, {
        x: 'position', y: 'term', stroke: 'speaker', strokeWidth: 1.5,
        title: (d) => `${d.term}: word ${fmt.int(d.position)}\n${d.speaker}`,
      }),
      Plot.text(dps, {
        x: Math.max(1, tokens), y: 'term', text: (d) => `DP ${fmt.fixed(d.dp, 2)}`, textAnchor: 'start', dx: 8,
        fill: 'currentColor', fontVariant: 'tabular-nums', fontSize: 11,
      }),
    ],
  });
}

/**
 * Distinctive words as diverging bars: x = z, to the right (in the speaker's colour) the
 * words a speaker uses more than everyone else, to the left (`other`) those used less.
 * `rows`: { term, z, count, otherCount, g2, logRatio }, top to bottom.
 */
export function distinctiveChart({ rows, colour, other, width, ariaLabel }) {
  const terms = rows.map((d) => d.term);
  const max = Math.max(1, ...rows.map((d) => Math.abs(d.z)));
  return Plot.plot({
    width,
    height: 20 * terms.length + 52,
    marginLeft: marginFor(terms),
    marginRight: 16,
    ariaLabel,
    x: { domain: [-max, max], nice: true, grid: true, label: '← used less · z · used more →', labelAnchor: 'center', tickFormat: (v) => fmt.fixed(v, Number.isInteger(v) ? 0 : 1) },
    y: { domain: terms, label: null },
    marks: [
      Plot.barX(rows, {
        x: 'z', y: 'term', fill: { value: (d) => (d.z > 0 ? colour : other), scale: null },
        title: (d) => `${d.term}: z ${fmt.fixed(d.z, 2)}\n${fmt.int(d.count)} here, ${fmt.int(d.otherCount)} by everyone else\nG² ${fmt.fixed(d.g2, 2)}, Log Ratio ${fmt.fixed(d.logRatio, 2)}`,
      }),
      Plot.ruleX([0]),
    ],
  });
}

/**
 * Collocates as bars of one measure (`key`, named `label`). `rows`: { term, [key] }.
 */
export function collocationsChart({ rows, key, label, fill, width, ariaLabel }) {
  const terms = rows.map((d) => d.term);
  return Plot.plot({
    width,
    height: 20 * terms.length + 44,
    marginLeft: marginFor(terms),
    marginRight: 16,
    ariaLabel,
    x: { label: `${label} →`, grid: true },
    y: { domain: terms, label: null },
    marks: [
      Plot.barX(rows, { x: key, y: 'term', fill, title: (d) => `${d.term}: ${label} ${fmt.fixed(d[key], key === 'count' ? 0 : 2)} (O = ${fmt.int(d.count)})` }),
      Plot.ruleX([0]),
    ],
  });
}

/**
 * Calls `onPick(point)` for the tick nearest a click on a dispersion chart (within 6 px,
 * in the clicked term's row): ticks are too thin to hit exactly.
 */
export function onTickClick(svg, points, onPick) {
  const x = svg.scale('x');
  const y = svg.scale('y');
  const byTerm = Map.groupBy(points, (p) => p.term);
  svg.classList.add('clickable');
  svg.addEventListener('click', (event) => {
    const box = svg.getBoundingClientRect();
    const ratio = Number(svg.getAttribute('width')) / box.width;
    const px = (event.clientX - box.left) * ratio;
    const py = (event.clientY - box.top) * ratio;
    const term = y.domain.find((t) => py >= y.apply(t) && py <= y.apply(t) + y.bandwidth);
    let best = null;
    let distance = 6;
    for (const p of byTerm.get(term) ?? []) {
      const d = Math.abs(x.apply(p.position) - px);
      if (d <= distance) [best, distance] = [p, d];
    }
    if (best) onPick(best);
  });
}

/** Calls `onPick(datum)` when a bar or tick of `svg` (drawn from `rows`) is clicked. */
export function onMarkClick(svg, selector, rows, onPick) {
  for (const el of svg.querySelectorAll(selector)) {
    el.classList.add('clickable');
  }
  svg.addEventListener('click', (event) => {
    const el = event.target.closest(selector);
    if (!el || !svg.contains(el)) return;
    const i = el.__data__;
    if (typeof i === 'number' && rows[i]) onPick(rows[i]);
  });
}
