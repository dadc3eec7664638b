// @ts-check
// Speaker colours: one map, so a speaker has the same colour in every chart and list, and
// a colour that comes from the speaker's NAME, so a name has the same colour in every
// transcript (TRUMP in debate 1 and in debate 2, whatever his rank).
//
// The rule (colourMap):
// 1. Which speakers get a colour is decided by words: the first PALETTE.length speakers by
//    words (the analysis's order), leaving out the unattributed text; the others share the
//    grey OTHER_COLOUR. The unattributed text ("(unattributed)", not a name) always has its
//    own light grey, UNATTRIBUTED_COLOUR, and takes no palette colour.
// 2. Which colour a coloured speaker gets is decided by the name alone: h = FNV-1a (32-bit)
//    of the normalised name (NFKC, lower case, white space collapsed and trimmed, as UTF-8),
//    so "TRUMP" and "Trump " are one name. The name's preferred colour is PALETTE[h mod 7];
//    its next choices step through the palette by 1 + (⌊h / 7⌋ mod 6) (7 is prime, so every
//    step visits every colour once).
// 3. Collisions are settled by the names too: the coloured names choose one after another
//    in order of h (then the normalised name, then the name), each taking its first choice
//    still free. Word ranks play no part, so a name keeps its colour unless a name before it
//    in that order wants the same one; adding or removing a speaker moves only the names
//    after it that wanted its colour. Within one transcript the colours are distinct.
//
// The palette stays Okabe–Ito's seven (black left out: it vanishes in dark mode): larger
// colour-blind-safe sets (Paul Tol's muted or light, nine each) add colours that are very
// dark or very pale, so one of the page's two themes loses them, and beyond about seven
// hues some pairs are no longer told apart by every kind of colour vision.

/** Okabe–Ito, the colour-blind-safe palette (black left out: it vanishes in dark mode). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];
/** Speakers beyond the palette share this grey. */
export const OTHER_COLOUR = '#8c8c8c';
/** The unattributed text: a light grey of its own, no speaker's colour (Paul Tol's grey). */
export const UNATTRIBUTED_COLOUR = '#bbbbbb';
/** Bars that belong to no one speaker: a grey-blue that no speaker has. */
export const NEUTRAL = '#6b7f99';
/** A speaker picked out among the grey ones (Dispersion's Highlight): the text's colour, which no speaker has. */
export const HIGHLIGHT = 'currentColor';

const utf8 = new TextEncoder();

/**
 * A name as its colour sees it: NFKC, lower case, white space collapsed and trimmed.
 * @param {string} name
 */
export const nameKey = (name) => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

/**
 * FNV-1a, 32-bit, of `s` as UTF-8.
 * @param {string} s
 * @returns {number}  an unsigned 32-bit integer
 */
export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (const byte of utf8.encode(s)) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

/**
 * The palette indices a name prefers, best first (every index once): rule 2 above.
 * @param {number} h  the name's hash
 * @returns {number[]}
 */
export function preferences(h) {
  const n = PALETTE.length;
  const step = 1 + (Math.floor(h / n) % (n - 1));
  return Array.from({ length: n }, (_, k) => (h + k * step) % n);
}

/** @type {(a: string, b: string) => number} */
const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Speaker name → colour (the rule above).
 * @param {string[]} names  the speakers, most words first
 * @param {string} [unattributed]  the name of the unattributed text (the core's `facts().unattributed`)
 * @returns {Map<string, string>}
 */
export function colourMap(names, unattributed) {
  const coloured = names.filter((n) => n !== unattributed).slice(0, PALETTE.length)
    .map((name) => {
      const key = nameKey(name);
      return { name, key, h: fnv1a(key) };
    })
    .sort((a, b) => a.h - b.h || byCodeUnits(a.key, b.key) || byCodeUnits(a.name, b.name));
  const taken = new Set();
  /** @type {Map<string, string>} */
  const chosen = new Map();
  for (const { name, h } of coloured) {
    const slot = preferences(h).find((i) => !taken.has(i)) ?? 0;
    taken.add(slot);
    chosen.set(name, PALETTE[slot]);
  }
  return new Map(names.map((name) => [name,
    name === unattributed ? UNATTRIBUTED_COLOUR : chosen.get(name) ?? OTHER_COLOUR]));
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
