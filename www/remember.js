// @ts-check
// "Remember my text on this device": the text and the speaker edits in localStorage,
// only while the box is ticked, until Forget.
import { $ } from './dom.js';
import { state } from './state.js';
import { transcript, setTranscript } from './transcript.js';
import { setStatus, showError } from './status.js';

const STORE = { text: 'colloquy.text', aliases: 'colloquy.aliases', hidden: 'colloquy.hidden' };
const box = $('remember', HTMLInputElement);
const forgetButton = $('forget');

/** Stores the text and the speaker edits, if the user asked for it. */
export function remember() {
  if (!box.checked) return;
  try {
    localStorage.setItem(STORE.text, transcript());
    localStorage.setItem(STORE.aliases, JSON.stringify(state.aliases));
    localStorage.setItem(STORE.hidden, JSON.stringify([...state.hidden]));
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
  if (!quiet) setStatus('Forgotten: your text is no longer stored on this device.');
}

box.addEventListener('change', () => {
  if (box.checked) {
    remember();
    if (box.checked) setStatus('Your text will be kept on this device until you press Forget.');
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
  } catch {
    return false;
  }
  if (text === null) return false;
  setTranscript(text);
  box.checked = true;
  forgetButton.hidden = false;
  try {
    /** @type {unknown} */
    const aliases = JSON.parse(localStorage.getItem(STORE.aliases) ?? '{}');
    if (aliases && typeof aliases === 'object' && !Array.isArray(aliases)) {
      for (const [k, v] of Object.entries(aliases)) if (typeof v === 'string') state.aliases[k] = v;
    }
    /** @type {unknown} */
    const hidden = JSON.parse(localStorage.getItem(STORE.hidden) ?? '[]');
    if (Array.isArray(hidden)) state.hidden = new Set(hidden.filter((x) => typeof x === 'string'));
  } catch {
    // A damaged entry: start without speaker edits.
  }
  return true;
}
