// @ts-check
// What exports are named after: an opened file's name, or, for a pasted or typed text, its
// first speakers by words ("TRUMP, CLINTON, WALLACE" → trump-clinton-wallace-speakers.csv).
import { slug } from './dom.js';

/** At most this many speakers name a pasted text. */
export const NAMED_SPEAKERS = 3;
/** The longest base of a file name built from speakers' names (a slug of one name is at most 40 too). */
export const NAME_CHARS = 40;

/**
 * The speakers a pasted text is named after: the first (most words) of `names`, not the
 * unattributed text nor a name without a letter or digit, up to NAMED_SPEAKERS, and only as many as keep the joined slugs within
 * NAME_CHARS (always the first). Empty when no speaker is named.
 * @param {string[]} names  the speakers, most words first
 * @param {string} unattributed  the name of the unattributed text
 * @returns {string[]}
 */
export function namingSpeakers(names, unattributed) {
  /** @type {string[]} */
  const chosen = [];
  let chars = -1;
  for (const name of names) {
    if (chosen.length === NAMED_SPEAKERS) break;
    if (name === unattributed || !/[\p{L}\p{N}]/u.test(name)) continue;
    const length = slug(name).length + 1;
    if (chosen.length > 0 && chars + length > NAME_CHARS) break;
    chosen.push(name);
    chars += length;
  }
  return chosen;
}

/**
 * The base of the export file names, as a slug: the file's, or the speakers'.
 * @param {{ file: string | null, speakers: string[] }} named  the file's name (null: pasted
 *   or typed) and the speakers it would be named after (namingSpeakers)
 */
export function exportBase({ file, speakers }) {
  if (file !== null || speakers.length === 0) return slug(file ?? 'transcript');
  return speakers.map(slug).join('-');
}

/**
 * The name in exported charts' titles: the file's, or the speakers' names.
 * @param {{ file: string | null, speakers: string[] }} named
 */
export function exportTitle({ file, speakers }) {
  if (file !== null || speakers.length === 0) return file ?? 'transcript';
  return speakers.join(', ');
}
