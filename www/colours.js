// @ts-check
// Speaker colours: one map, so a speaker has the same colour in every chart and list.

/** Okabe–Ito, the colour-blind-safe palette (black left out: it vanishes in dark mode). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];
/** Speakers beyond the palette share this grey. */
export const OTHER_COLOUR = '#8c8c8c';
/** Bars that belong to no one speaker: a grey-blue that no speaker has. */
export const NEUTRAL = '#6b7f99';
/** A speaker picked out among the grey ones (Dispersion's Highlight): the text's colour, which no speaker has. */
export const HIGHLIGHT = 'currentColor';

/**
 * Speaker name → colour, by speaker order (most words first).
 * @param {string[]} names
 * @returns {Map<string, string>}
 */
export function colourMap(names) {
  return new Map(names.map((name, i) => [name, PALETTE[i] ?? OTHER_COLOUR]));
}

/**
 * Dark or light text for a label drawn on `hex`.
 * @param {string} hex  #rrggbb
 */
export function inkFor(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.3 ? '#111111' : '#ffffff';
}
