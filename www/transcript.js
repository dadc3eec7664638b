// @ts-check
// The transcript textarea, and the window onto a large transcript.
//
// A textarea cannot hold a big text: Chromium takes seconds to lay out 10 MB, freezing
// the page. Texts over LARGE characters are kept here; the textarea then shows a
// read-only window of it, moved by the pager and by "Show in transcript".
import { $, h, fmt } from './dom.js';
import { state } from './state.js';
import { setStatus } from './status.js';

export const LARGE = 1_000_000;
const WINDOW = 50_000;
const large = { text: /** @type {string | null} */ (null), start: 0, end: 0 };
export const textarea = $('transcript', HTMLTextAreaElement);

/** The whole transcript. */
export const transcript = () => large.text ?? textarea.value;

/** Whether the transcript is a large one, shown a window at a time. */
export const isLarge = () => large.text !== null;

/**
 * Replaces the whole transcript.
 * @param {string} text
 */
export function setTranscript(text) {
  if (text.length > LARGE) {
    large.text = text;
    showWindow(0);
    $('large-note').hidden = false;
    textarea.setAttribute('aria-readonly', 'true');
  } else {
    large.text = null;
    textarea.value = text;
    $('large-note').hidden = true;
    textarea.removeAttribute('aria-readonly');
  }
  textarea.scrollTop = 0;
}

/**
 * Shows the part of a large transcript that starts near `at`, from a line start.
 * @param {number} at
 */
function showWindow(at) {
  const text = large.text;
  if (text === null) return;
  let start = Math.max(0, Math.min(at, text.length - WINDOW));
  const line = text.lastIndexOf('\n', start);
  if (start > 0 && line >= 0 && start - line < 5000) start = line + 1;
  let end = Math.min(text.length, start + WINDOW);
  const next = text.indexOf('\n', end);
  if (end < text.length && next >= 0 && next - end < 5000) end = next;
  // Never split a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start -= 1;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end += 1;
  Object.assign(large, { start, end });
  textarea.value = text.slice(start, end);
  $('large-text').textContent = `Large transcript (${fmt.bytes(text.length)}): showing characters ${fmt.int(start + 1)}–${fmt.int(end)} of ${fmt.int(text.length)}. It is read-only here; paste or open another text to replace it.`;
  $('large-prev', HTMLButtonElement).disabled = start === 0;
  $('large-next', HTMLButtonElement).disabled = end >= text.length;
}

$('large-prev').addEventListener('click', () => {
  showWindow(Math.max(0, large.start - WINDOW));
  textarea.scrollTop = textarea.scrollHeight;
});
$('large-next').addEventListener('click', () => {
  showWindow(large.end);
  textarea.scrollTop = 0;
});

// A large transcript is read-only: refuse edits (input.js handles pastes).
textarea.addEventListener('beforeinput', (event) => {
  if (large.text === null) return;
  event.preventDefault();
  setStatus('This transcript is over 1 MB, so it is read-only here. Paste or open another text to replace it, or press Clear.');
});

/**
 * Selects `start..end` (UTF-16 offsets) in the transcript and scrolls it into view.
 * @param {number} start
 * @param {number} end
 */
export function showInTranscript(start, end) {
  if (transcript().length !== state.textLength) {
    setStatus('The text has changed since it was analysed, so this position may be off.');
  }
  if (large.text !== null) {
    if (start < large.start || end > large.end) showWindow(start - WINDOW / 4);
    start -= large.start;
    end -= large.start;
  }
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(start, end, 'forward');
  scrollTextareaTo(start);
  textarea.scrollIntoView({ block: 'nearest' });
}

/** The textarea's styles that decide where its text wraps. */
const TEXT_LAYOUT = /** @type {const} */ (['boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth',
  'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'fontFamily', 'fontSize', 'fontWeight', 'lineHeight',
  'letterSpacing', 'tabSize', 'wordSpacing', 'textTransform']);

/**
 * Scrolls the textarea so that offset `at` is in view, measured on a hidden copy.
 * @param {number} at
 */
function scrollTextareaTo(at) {
  const style = getComputedStyle(textarea);
  const mirror = h('div', { 'aria-hidden': 'true' });
  for (const p of TEXT_LAYOUT) mirror.style[p] = style[p];
  Object.assign(mirror.style, { position: 'absolute', visibility: 'hidden', top: '0', left: '-9999px', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', height: 'auto' });
  const marker = h('span', { text: '\u200b' });
  mirror.append(document.createTextNode(textarea.value.slice(0, at)), marker);
  document.body.append(mirror);
  const top = marker.offsetTop;
  mirror.remove();
  textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3);
}
