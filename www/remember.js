// @ts-check
// "Remember my text on this device": the text and the speaker edits in localStorage,
// only while the box is ticked, until Forget. The speaker edits are also kept per name
// (names.js), so a new text with the same labels gets them again, said in the editor.
import { $ } from './dom.js';
import { state } from './state.js';
import { transcript, setTranscript } from './transcript.js';
import { setStatus, showError } from './status.js';
import { NAMES_KEY, readNames, writeNames, syncNames, namesFor } from './names.js';
import { facts } from './pkg/facts.js';

/** @import { Analysis } from './pkg/colloquy.js' */

const STORE = { text: 'colloquy.text', aliases: 'colloquy.aliases', hidden: 'colloquy.hidden', leftOut: 'colloquy.leftOut', names: NAMES_KEY };
const box = $('remember', HTMLInputElement);
const forgetButton = $('forget');

/** Stores the text and the speaker edits, if the user asked for it. */
export function remember() {
  if (!box.checked) return;
  try {
    localStorage.setItem(STORE.text, transcript());
    localStorage.setItem(STORE.aliases, JSON.stringify(state.aliases));
    localStorage.setItem(STORE.hidden, JSON.stringify([...state.hidden]));
    localStorage.setItem(STORE.leftOut, JSON.stringify([...state.leftOut]));
    const names = syncNames(readNames(localStorage.getItem(STORE.names)),
      { aliases: state.aliases, hidden: state.hidden, labels: state.labels, unattributed: facts.unattributed });
    localStorage.setItem(STORE.names, writeNames(names));
    forgetButton.hidden = false;
  } catch (err) {
    forget({ quiet: true });
    showError(`Your text is too large to remember on this device (${err instanceof Error ? err.name : err}). It is still on the page, just not stored.`);
  }
}

/** Removes what was stored; `quiet`: without saying so. */
function forget({ quiet = false } = {}) {
  for (const key of Object.values(STORE)) localStorage.removeItem(key);
  box.checked = false;
  forgetButton.hidden = true;
  if (!quiet) setStatus('Forgotten: your text and speaker edits are no longer stored on this device.');
}

box.addEventListener('change', () => {
  if (box.checked) {
    remember();
    if (box.checked) setStatus('Your text and speaker edits will be kept on this device until you press Forget; renames and hidden speakers also apply to new texts with the same labels.');
  } else {
    forget();
  }
});
forgetButton.addEventListener('click', () => forget());

/** Puts back a remembered text and its speaker edits; false if there is none. */
export function restore() {
  let text;
  try {
    text = localStorage.getItem(STORE.text);
    // Edits kept per name without a text still mean the box was ticked.
    if (text === null && localStorage.getItem(STORE.names) !== null) box.checked = true;
  } catch {
    return false;
  }
  forgetButton.hidden = !box.checked;
  if (text === null) return false;
  setTranscript(text);
  box.checked = true;
  forgetButton.hidden = false;
  try {
    /** @type {unknown} */
    const aliases = JSON.parse(localStorage.getItem(STORE.aliases) ?? '{}');
    if (aliases && typeof aliases === 'object' && !Array.isArray(aliases)) {
      for (const [k, v] of Object.entries(aliases)) {
        if (typeof v !== 'string') continue;
        state.aliases[k] = v;
        state.labels.add(k); // an alias's key is a label of the text (speaker-edit.js: addAlias)
      }
    }
    /** @type {unknown} */
    const hidden = JSON.parse(localStorage.getItem(STORE.hidden) ?? '[]');
    if (Array.isArray(hidden)) state.hidden = new Set(hidden.filter((x) => typeof x === 'string'));
    /** @type {unknown} */
    const leftOut = JSON.parse(localStorage.getItem(STORE.leftOut) ?? '[]');
    // Left out is a kind of hidden (speaker-edit.js: setPlace).
    if (Array.isArray(leftOut)) state.leftOut = new Set(leftOut.filter((x) => typeof x === 'string' && state.hidden.has(x)));
  } catch {
    // A damaged entry: start without speaker edits.
  }
  return true;
}

/**
 * On a new text's first analysis (read with no alias), while the box is ticked: applies
 * the edits remembered for its labels, each marked as coming from an earlier transcript.
 * Hidden speakers apply at once; true when renames or merges apply, so the caller analyses
 * again instead of showing this analysis.
 * @param {Analysis} analysis
 */
export function applyRemembered(analysis) {
  if (!state.newText) return false;
  state.newText = false;
  if (!box.checked) return false;
  const speakers = analysis.speakers.map((s) => s.name);
  let found;
  try {
    found = namesFor(readNames(localStorage.getItem(STORE.names)), speakers, facts.unattributed);
  } catch {
    return false;
  }
  const fresh = Object.entries(found.aliases).filter(([k]) => !Object.hasOwn(state.aliases, k));
  for (const name of found.hidden) {
    if (state.hidden.has(name)) continue;
    state.hidden.add(name);
    state.earlier.hidden.add(name);
  }
  if (fresh.length === 0) return false;
  // This analysis is not shown: its names are the labels of the text (state.js: setAnalysis).
  for (const name of speakers) state.labels.add(name);
  for (const [k, v] of fresh) state.earlier.aliases.set(k, v);
  state.aliases = { ...state.aliases, ...Object.fromEntries(fresh) };
  return true;
}
