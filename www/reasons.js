// @ts-check
// Sentences about an analysis for the status line and the empty views: why there is
// nothing to show, what the core left out, how many words have no speaker.
import { fmt } from './dom.js';
import * as S from './settings.js';
import { state, analysis } from './state.js';

/** @import { Analysis } from './pkg/colloquy.js' */

const count = fmt.count;

/** Why the analysed transcript has no words to count; null if it has some. */
export function noWordsReason() {
  const a = state.analysis;
  const s = a?.summary;
  if (!a || !s || s.tokens > 0) return null;
  const base = 'No words of speech were found';
  if (s.stageDirections > 0) return `${base}: the text holds only stage directions (${fmt.int(s.stageDirections)} left out; see Summary).`;
  if (s.leftOutLines > 0 && s.excludedFurnitureLines === 0) return `${base}: every line was left out as a heading, procedure or inserted text (${count(s.leftOutLines, 'line')}).`;
  if (s.excludedFurnitureLines > 0) return `${base}: every line was left out as page furniture (${count(s.excludedFurnitureLines, 'line')}); tick “Keep page furniture” in Settings to count them.`;
  if (a.speakers.some((sp) => sp.attributed)) return `${base}: the text holds only speaker labels (${count(s.turns, 'turn')} with nothing said).`;
  return `${base}: the text has no letters or digits.`;
}

/** Why there are no terms to show (no words, or only stopwords and numbers). */
export function noTermsReason() {
  const empty = noWordsReason();
  if (empty) return empty;
  const s = analysis().summary;
  if (s.stopwords === 'none') return `No terms to show: every word is a number, and numbers are not counted as terms.`;
  const list = S.STOPWORD_LANGUAGES[s.stopwords] ? `the ${S.STOPWORD_LANGUAGES[s.stopwords]} list` : 'the list in use';
  return `No terms to show: every word is a stopword (${list}) or a number. Set Stopwords to “None (keep every word)” in Settings to count the stopwords.`;
}

/**
 * The words of speech that have no speaker, and their share of all words (the core's shares, summed).
 * @param {Analysis} a
 */
export function unattributed(a) {
  const none = a.speakers.filter((sp) => !sp.attributed);
  return { words: none.reduce((n, sp) => n + sp.words, 0), share: none.reduce((n, sp) => n + sp.share, 0) };
}

/**
 * For the status: what the core left out of the counts, and how many words have no speaker ('' if nothing).
 * @param {Analysis} a
 */
export function leftOutNote(a) {
  const s = a.summary;
  const parts = [];
  if (s.excludedFurnitureLines > 0) parts.push(`${count(s.excludedFurnitureLines, 'line')} of page furniture`);
  if (s.leftOutLines > 0) parts.push(`${count(s.leftOutLines, 'line')} of headings, procedure or inserted text`);
  if (s.stageDirections > 0) parts.push(count(s.stageDirections, 'stage direction'));
  let note = '';
  if (parts.length) note += ` Left out: ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}.`;
  const none = unattributed(a);
  if (none.words > 0) note += ` ${count(none.words, 'word')} (${fmt.pct(none.share)}) ${none.words === 1 ? 'has' : 'have'} no speaker.`;
  return note;
}
