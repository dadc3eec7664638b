// @ts-check
// Speaker edits remembered per NAME (remember.js keeps them in localStorage under
// NAMES_KEY, only while "Remember my text on this device" is ticked): the renames and
// merges (label → speaker) and the hidden speakers of every text edited on this device, so a
// new transcript with the same label gets the same edit. Pure functions over plain data.
//
// A text decides the entries of its own labels: syncing replaces the store's entries for
// the labels (and speakers) it has with its current edits, and keeps those of other labels.
// So an Undo in a later transcript also forgets that label's edit. The unattributed text is
// not a name: its edits (assigning the opening, hiding it) stay with the text.

/** The localStorage key of the per-name store. */
export const NAMES_KEY = 'colloquy.names';

/**
 * @typedef {object} Names
 * @property {Record<string, string>} aliases  label → speaker
 * @property {Set<string>} hidden  speakers left out of the charts
 */

/**
 * The store read from its stored JSON (null: none); anything damaged reads as empty.
 * @param {string | null} json
 * @returns {Names}
 */
export function readNames(json) {
  /** @type {Names} */
  const names = { aliases: Object.create(null), hidden: new Set() };
  /** @type {unknown} */
  let value = null;
  try {
    value = JSON.parse(json ?? 'null');
  } catch {
    return names;
  }
  if (!value || typeof value !== 'object') return names;
  const { aliases, hidden } = /** @type {{ aliases?: unknown, hidden?: unknown }} */ (value);
  if (aliases && typeof aliases === 'object' && !Array.isArray(aliases)) {
    for (const [k, v] of Object.entries(aliases)) if (typeof v === 'string' && v !== k) names.aliases[k] = v;
  }
  if (Array.isArray(hidden)) for (const n of hidden) if (typeof n === 'string') names.hidden.add(n);
  return names;
}

/**
 * The store as JSON.
 * @param {Names} names
 */
export const writeNames = (names) => JSON.stringify({ aliases: { ...names.aliases }, hidden: [...names.hidden] });

/**
 * `names` with the entries of one text's labels and speakers replaced by its edits.
 * @param {Names} names
 * @param {object} text
 * @param {Record<string, string>} text.aliases  its renames and merges
 * @param {Iterable<string>} text.hidden  its hidden speakers
 * @param {Iterable<string>} text.labels  its labels (the speakers' names before any alias)
 * @param {string} text.unattributed  the name of the unattributed text, never stored
 * @returns {Names}
 */
export function syncNames(names, { aliases, hidden, labels, unattributed }) {
  const labelled = new Set([...labels, ...Object.keys(aliases)]);
  const speakers = new Set([...labelled].filter((l) => !Object.hasOwn(aliases, l)));
  for (const to of Object.values(aliases)) speakers.add(to);
  /** @type {Record<string, string>} */
  const nextAliases = Object.create(null);
  for (const [k, v] of Object.entries(names.aliases)) if (!labelled.has(k)) nextAliases[k] = v;
  for (const [k, v] of Object.entries(aliases)) if (k !== unattributed && k !== v) nextAliases[k] = v;
  const nextHidden = new Set([...names.hidden].filter((n) => !speakers.has(n)));
  for (const n of hidden) if (n !== unattributed) nextHidden.add(n);
  return { aliases: nextAliases, hidden: nextHidden };
}

/**
 * The remembered edits that apply to a new text whose speakers (read with no alias) are
 * `speakers`: the aliases of its labels, and the hidden speakers among the names it will
 * have once they apply.
 * @param {Names} names
 * @param {string[]} speakers
 * @param {string} unattributed
 * @returns {{ aliases: Record<string, string>, hidden: string[] }}
 */
export function namesFor(names, speakers, unattributed) {
  /** @type {Record<string, string>} */
  const aliases = Object.create(null);
  for (const s of speakers) {
    if (s !== unattributed && Object.hasOwn(names.aliases, s) && names.aliases[s] !== s) aliases[s] = names.aliases[s];
  }
  const after = new Set(speakers.filter((s) => !Object.hasOwn(aliases, s)));
  for (const to of Object.values(aliases)) after.add(to);
  const hidden = [...after].filter((n) => n !== unattributed && names.hidden.has(n));
  return { aliases, hidden };
}
