// @ts-check
// The status line, the error box and the progress bar under the transcript.
import { $ } from './dom.js';

/** @param {string} text */
export function setStatus(text) {
  $('status').textContent = text;
}

/** The status line as it stands. */
export const status = () => $('status').textContent ?? '';

/** @param {string} text */
export function showError(text) {
  $('error-text').textContent = text;
  $('error').hidden = false;
}

export function hideError() {
  $('error').hidden = true;
  $('error-text').textContent = '';
}

/**
 * @param {number | null} fraction  0…1; null: not known (an indeterminate bar)
 * @param {string} text
 * @param {string} [label]  what is under way
 */
export function showProgress(fraction, text, label = 'Analysing…') {
  $('progress-row').hidden = false;
  const bar = $('progress', HTMLProgressElement);
  if (fraction === null) bar.removeAttribute('value');
  else bar.value = Math.max(0, Math.min(1, fraction));
  $('progress-label').textContent = label;
  $('progress-text').textContent = text;
  document.body.dataset.progress = 'visible';
}

export function hideProgress() {
  $('progress-row').hidden = true;
  document.body.dataset.progress = 'hidden';
}

$('error-close').addEventListener('click', hideError);

/**
 * The message of something thrown, for a sentence that says what failed.
 * @param {unknown} err
 */
export const messageOf = (err) => (err instanceof Error ? err.message : String(err));
