// @ts-check
// Getting a text in: paste, typing, Open file…, Open folder…, drag and drop, the example;
// Analyse and Cancel. One file opens as today; several files, a folder or a .zip are a
// corpus (corpus-run.js).
import { $, fmt, debounce } from './dom.js';
import { FileError, ACCEPT, MAX_TEXT_UNITS, SOURCE_NAMES, tooLargeMessage } from './files.js';
import { readFile } from './read-file.js';
import { state, resetSpeakerEdits } from './state.js';
import { showError, setStatus, showProgress, hideProgress } from './status.js';
import { textarea, setTranscript, isLarge, LARGE } from './transcript.js';
import { requestAnalysis, cancelAnalysis } from './analyse.js';
import { fromFileList, fromDrop, isCorpus } from './corpus-sources.js';
import { runCorpus } from './corpus-run.js';
import { showMode } from './corpus-state.js';

/** @import { ReadText } from './pkg/colloquy.js' */

const TYPING_MS = 400;
const body = document.body;

/** A paste the browser inserts itself: when it started, and whether it replaces the whole text. */
let paste = { started: /** @type {number | undefined} */ (undefined), replacesAll: /** @type {boolean | undefined} */ (undefined) };

textarea.addEventListener('paste', (event) => {
  const started = performance.now();
  const replacesAll = isLarge() || (textarea.selectionStart === 0 && textarea.selectionEnd === textarea.value.length);
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (text.length > MAX_TEXT_UNITS) {
    // Refused before it replaces anything: the current text stays.
    event.preventDefault();
    showError(tooLargeMessage(null, text.length));
    body.dataset.state = 'too-large';
    return;
  }
  if (isLarge() || text.length > LARGE) {
    // Never let the browser insert a big text into the textarea; a paste replaces a large transcript.
    event.preventDefault();
    typed.cancel();
    setTranscript(text);
    resetSpeakerEdits();
    state.file = null;
    state.opened = null;
    showMode('document');
    setTimeout(() => requestAnalysis('paste', started));
    return;
  }
  paste = { started, replacesAll };
});

const typed = debounce(() => requestAnalysis('typing'), TYPING_MS);
textarea.addEventListener('input', (event) => {
  if (!isLarge() && textarea.value.length > LARGE) setTranscript(textarea.value);
  showMode('document');
  const inputType = event instanceof InputEvent ? event.inputType : '';
  if (inputType === 'insertFromPaste' || inputType === 'insertFromDrop') {
    typed.cancel();
    const started = paste.started ?? performance.now();
    if (paste.replacesAll ?? true) resetSpeakerEdits();
    paste = { started: undefined, replacesAll: undefined };
    state.file = null;
    state.opened = null;
    requestAnalysis('paste', started);
    // Lay the pasted text out now, while the worker counts it (100 KB is 25–45 ms of layout),
    // rather than in the frame that shows the chart.
    void textarea.scrollHeight;
  } else {
    typed();
  }
});

$('analyse').addEventListener('click', () => {
  typed.cancel();
  showMode('document');
  requestAnalysis('button');
});
$('cancel').addEventListener('click', cancel);
$('large-clear').addEventListener('click', () => {
  showMode('document');
  setTranscript('');
  resetSpeakerEdits();
  requestAnalysis('clear');
  textarea.focus();
});

const fileInput = $('file-input', HTMLInputElement);
fileInput.accept = ACCEPT;
$('open-file').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  openSources(fromFileList(fileInput.files ?? []));
  fileInput.value = '';
});
const folderInput = $('folder-input', HTMLInputElement);
$('open-folder').addEventListener('click', () => folderInput.click());
folderInput.addEventListener('change', () => {
  openSources(fromFileList(folderInput.files ?? []));
  folderInput.value = '';
});

/**
 * Opens what the user gave: one file as today, several (or an archive) as a corpus.
 * @param {import('./corpus-sources.js').Source[]} sources
 */
function openSources(sources) {
  if (isCorpus(sources)) runCorpus(sources);
  else if (sources.length === 1) openFile(sources[0].file);
}

/** @type {AbortController | null} the read of an opened file under way */
let reading = null;

/**
 * Reads a file with the core's readers (text, documents, web pages, engines' JSON, CSV,
 * PDF) and analyses its text; a file that cannot be read is refused with a message
 * naming the problem, and the text on the page stays.
 * @param {File} file
 */
export async function openFile(file) {
  const started = performance.now();
  reading?.abort();
  const controller = new AbortController();
  reading = controller;
  showProgress(null, '', `Reading “${file.name}”…`);
  /** @type {{ read: ReadText, pdf: boolean }} */
  let opened;
  try {
    opened = await readFile(file, controller.signal);
  } catch (err) {
    if (controller.signal.aborted) return;
    hideProgress();
    showError(err instanceof FileError ? err.message : `“${file.name}” could not be read: ${err instanceof Error ? err.message : err}. Your text is unchanged.`);
    setStatus('');
    body.dataset.state = 'file-error';
    return;
  } finally {
    if (reading === controller) reading = null;
  }
  hideProgress();
  const { text, source, notes } = opened.read;
  if (!text.trim()) {
    const what = source === 'text' ? '' : ` (read as ${SOURCE_NAMES[source]})`;
    showError(text ? `“${file.name}”${what} contains only white space (${fmt.count(text.length, 'character')}), so there is nothing to analyse. Your text is unchanged.`
      : `“${file.name}”${what} is empty, so there is nothing to analyse. Your text is unchanged.`);
    setStatus('');
    body.dataset.state = 'file-error';
    return;
  }
  typed.cancel();
  showMode('document');
  setTranscript(text);
  state.file = file.name.replace(/\.[^.]+$/, '');
  state.opened = { name: file.name, source, notes };
  resetSpeakerEdits();
  const read = source === 'text' ? '' : `, read as ${SOURCE_NAMES[source]}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  requestAnalysis('file', started, `Opened “${file.name}” (${fmt.bytes(file.size)})${read}. `);
}

/** Cancel: ends the read of a file under way, else the analysis. */
function cancel() {
  if (!reading) {
    cancelAnalysis();
    return;
  }
  reading.abort();
  reading = null;
  hideProgress();
  body.dataset.state = 'cancelled';
  setStatus('Cancelled opening the file. Your text is unchanged.');
}

/** The bundled example (a generated module: the page's policy allows no fetch). */
async function loadExample() {
  const started = performance.now();
  const example = await import('./examples/mfa-cis-press-conference.js');
  typed.cancel();
  showMode('document');
  setTranscript(example.text);
  state.file = example.name.replace(/\.[^.]+$/, '');
  state.opened = null;
  resetSpeakerEdits();
  requestAnalysis('example', started);
}
$('example').addEventListener('click', loadExample);
$('example-2').addEventListener('click', loadExample);

// Drag and drop anywhere on the page.
let dragDepth = 0;
/** @param {DragEvent} e */
const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
const overlay = $('drop-overlay');
window.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth += 1;
  overlay.hidden = false;
});
window.addEventListener('dragover', (e) => {
  if (!hasFiles(e) || !e.dataTransfer) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
});
window.addEventListener('dragleave', (e) => {
  if (!hasFiles(e)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) overlay.hidden = true;
});
window.addEventListener('drop', (e) => {
  dragDepth = 0;
  overlay.hidden = true;
  if (!hasFiles(e)) return;
  e.preventDefault();
  if (e.dataTransfer) fromDrop(e.dataTransfer).then(openSources, (err) => showError(`The dropped files could not be read: ${err instanceof Error ? err.message : err}`));
}, true);
