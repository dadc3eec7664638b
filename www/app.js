// The page: input, settings, the analysis worker, and the views.
// Text, speaker names, terms, file names and hash values are untrusted: they are only
// ever inserted as text (textContent, form values), never as HTML.
import { h, $, fmt, slug, debounce } from './dom.js';
import { Engine, STREAM_OVER } from './engine.js';
import * as S from './settings.js';
import { readTextFile, FileError, ACCEPT, MAX_TEXT_UNITS, tooLargeMessage } from './files.js';
import { PALETTE, OTHER_COLOUR, colourMap, speakersChart, termsChart, dispersionChart, distinctiveChart, collocationsChart, onMarkClick, onTickClick } from './charts.js';
import { dataTable, sortRows, toCsv } from './table.js';
import { download, csvBlob, jsonBlob, standaloneSvg, svgBlob, pngBlob } from './exporting.js';

const UNATTRIBUTED = '(unattributed)';
/** Bars that belong to no one speaker: a grey-blue that no speaker has. */
const NEUTRAL = '#6b7f99';
const TYPING_MS = 400;
const KWIC_LIMIT = 1000;
const PHRASE_ROWS = 200;
const COLLOC_ROWS = 50;
const COLLOC_BARS = 20;
const SPREAD_ROWS = 10;
// A transcript may have thousands of speakers (every line a new label). Whatever grows
// with their number is capped so the page stays responsive; each cap is said on the page.
/** Beyond this many speakers, merging takes a typed name (with suggestions) instead of a <select>. */
const MERGE_SELECT_MAX = 100;
/** Speakers listed in the edit panel at once (the most words first, or those matching the filter). */
const EDIT_ROWS = 100;
/** Per-speaker columns in the terms and dispersion tables. */
const SPEAKER_COLUMNS_MAX = 20;
/** Speaker chips per phrase. */
const PHRASE_CHIPS = 5;
/** Rows of the speakers tables drawn until "Show all" (CSV has every row). */
const SPEAKER_ROWS = 200;
/** Diagnostics listed until "Show all" (one per single-use label can mean thousands). */
const DIAGNOSTIC_ROWS = 100;
const STORE = { text: 'colloquy.text', aliases: 'colloquy.aliases', hidden: 'colloquy.hidden' };
const body = document.body;
const ta = $('transcript');

const state = {
  settings: S.fromHash(location.hash),
  aliases: {}, // label → speaker, the core's `aliases` option
  labels: new Set(), // names seen as speakers while no alias pointed at them (real labels)
  hidden: new Set(), // speakers left out of the charts
  analysis: null,
  version: '',
  source: 'transcript', // the base of export file names
  colours: new Map(),
  loadedKey: null, // parse options of the document the worker holds
  textLength: 0, // of the analysed text
  job: null, // { started, big, key }
  dirty: new Set(),
  tables: {}, // name → { columns, rows } as last shown, for CSV
  speakersSort: { key: 'words', dir: 'desc' },
  termsSort: null,
  phrasesSort: { key: 'count', dir: 'desc' },
  dispersionSort: null,
  distinctiveSort: null,
  collocSort: null,
  lexicalSort: null,
  phrasesAll: false,
  speakersAll: false, // every row of the speakers tables, for this analysis
  speakerStatsAll: false,
  diagnosticsAll: false,
  dispersionTerms: null, // null: the top terms
  collocNode: null, // null: the top term
  collocSeq: 0,
  dispersionSeq: 0,
  spreadSeq: 0,
  kwic: null, // { term, queries, collocate?, window? }
  kwicSeq: 0,
  analyses: 0,
};

// ---------------------------------------------------------------- engine

const engine = new Engine({
  onReady(version) {
    state.version = version;
    $('version').textContent = `v${version}`;
    body.dataset.engine = 'ready';
    if (!state.chartsWarm) (window.requestIdleCallback ?? setTimeout)(warmUpCharts);
    state.chartsWarm = true;
  },
  onProgress({ done, total, phase }) {
    showProgress(done / total, phase === 'reading' ? `Reading ${fmt.pct(done / total)}` : '');
  },
  onResult(analysis, { ms: workerMs, memory, recycles }) {
    performance.mark('colloquy:result');
    const job = state.job;
    state.analysis = analysis;
    if (job?.key) state.loadedKey = job.key;
    state.analyses += 1;
    hideProgress();
    render();
    performance.mark('colloquy:rendered');
    const ms = performance.now() - (job?.started ?? performance.now());
    body.dataset.lastAnalysisMs = ms.toFixed(1);
    body.dataset.workerMs = workerMs.toFixed(1);
    body.dataset.wasmMemory = String(memory);
    body.dataset.recycles = String(recycles);
    body.dataset.analyses = String(state.analyses);
    body.dataset.state = 'done';
    const words = `${count(analysis.summary.tokens, 'word')}, ${count(analysis.summary.speakers, 'speaker')}`;
    const empty = noWordsReason();
    const note = empty ? ` ${empty}` : leftOutNote(analysis);
    setStatus(`${job?.prefix ?? ''}Analysed ${words} in ${fmt.ms(ms)}.${note}${job?.big ? ' Indexing the text for search…' : ''}`);
    if (job?.big) body.dataset.indexed = 'false';
    state.job = null;
  },
  onIndexed({ memory }) {
    body.dataset.wasmMemory = String(memory);
    body.dataset.indexed = 'true';
    if (body.dataset.state === 'done') setStatus($('status').textContent.replace(' Indexing the text for search…', ''));
  },
  onError(message, { kind }) {
    hideProgress();
    state.job = null;
    if (kind === 'no-document') {
      requestAnalysis('reload');
      return;
    }
    body.dataset.state = 'error';
    const label = /labelPattern/.test(message);
    $('set-label-error').textContent = label ? message.replace(/^invalid options: labelPattern: /, '') : '';
    if (label) $('settings-panel').open = true;
    showError(`The analysis could not run: ${message.replace(/^invalid options: /, '')}`);
    setStatus('');
  },
  onCrash(message, { gaveUp }) {
    body.dataset.engine = gaveUp ? 'failed' : 'restarting';
    hideProgress();
    state.job = null;
    state.loadedKey = null;
    body.dataset.state = 'error';
    showError(gaveUp
      ? `The analysis engine keeps stopping (${message}) and cannot run in this browser. Your text is still here.`
      : `The analysis engine stopped unexpectedly (${message}). It has been restarted and your text is still here: press Analyse to try again.`);
    setStatus('');
  },
});

/** `n thing(s)`, with `n` formatted. */
const count = (n, thing) => `${fmt.int(n)} ${thing}${n === 1 ? '' : 's'}`;
/** A speaker's count in a result's `bySpeaker`: own keys only (a speaker may be called "constructor"). */
const countOf = (bySpeaker, name) => (Object.hasOwn(bySpeaker, name) ? bySpeaker[name] : 0);

/** Why the analysed transcript has no words to count (for the status and empty views); null if it has some. */
function noWordsReason() {
  const a = state.analysis;
  const s = a?.summary;
  if (!s || s.tokens > 0) return null;
  const base = 'No words of speech were found';
  if (s.stageDirections > 0) return `${base}: the text holds only stage directions (${fmt.int(s.stageDirections)} left out; see Summary).`;
  if (s.leftOutLines > 0 && s.excludedFurnitureLines === 0) return `${base}: every line was left out as a heading, procedure or inserted text (${count(s.leftOutLines, 'line')}).`;
  if (s.excludedFurnitureLines > 0) return `${base}: every line was left out as page furniture (${count(s.excludedFurnitureLines, 'line')}); tick “Keep page furniture” in Settings to count them.`;
  if (a.speakers.some((sp) => sp.attributed)) return `${base}: the text holds only speaker labels (${count(s.turns, 'turn')} with nothing said).`;
  return `${base}: the text has no letters or digits.`;
}

/** The words of speech that have no speaker, and their share of all words (the core's shares, summed). */
function unattributed(a) {
  const none = a.speakers.filter((sp) => !sp.attributed);
  return { words: none.reduce((n, sp) => n + sp.words, 0), share: none.reduce((n, sp) => n + sp.share, 0) };
}

/** For the status: what the core left out of the counts, and how many words have no speaker ('' if nothing). */
function leftOutNote(a) {
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

/** Why there are no terms to show (no words, or only stopwords and numbers). */
function noTermsReason() {
  const empty = noWordsReason();
  if (empty) return empty;
  const s = state.analysis.summary;
  if (s.stopwords === 'none') return `No terms to show: every word is a number, and numbers are not counted as terms.`;
  const list = S.STOPWORD_LANGUAGES[s.stopwords] ? `the ${S.STOPWORD_LANGUAGES[s.stopwords]} list` : 'the list in use';
  return `No terms to show: every word is a stopword (${list}) or a number. Set Stopwords to “None (keep every word)” in Settings to count the stopwords.`;
}

/** Analyses the textarea's text from scratch (a new input, or parse settings changed). */
function requestAnalysis(reason, started = performance.now(), prefix = '') {
  const text = transcript();
  if (reason !== 'reload') $('set-label-error').textContent = '';
  if (!text.trim()) {
    if (engine.busy) engine.cancel();
    hideProgress();
    clearResults();
    setStatus(text ? 'The transcript is only white space.' : '');
    return;
  }
  if (engine.failed) {
    showError('The analysis engine cannot run in this browser. Your text is still here.');
    return;
  }
  if (text.length > MAX_TEXT_UNITS) {
    if (engine.busy) engine.cancel();
    hideProgress();
    showError(tooLargeMessage(null, text.length, 'analysed'));
    setStatus('');
    body.dataset.state = 'too-large';
    return;
  }
  const key = S.parseKey(state.settings, state.aliases);
  const options = { ...S.parseOptions(state.settings, state.aliases), ...S.viewOptions(state.settings) };
  const big = text.length > STREAM_OVER;
  performance.mark('colloquy:request');
  engine.analyse(text, options);
  state.job = { started, big, key, prefix };
  state.textLength = text.length;
  body.dataset.state = 'analysing';
  hideError();
  if (big) {
    showProgress(0, 'Starting…');
    setStatus(`Analysing ${fmt.bytes(text.length)} of text…`);
  } else {
    setStatus(`${prefix}Analysing…`);
  }
  remember();
}

/** Re-reports with other view options, without parsing again when the worker can. */
function refreshView() {
  if (!state.analysis && !engine.busy) return;
  if (state.loadedKey === S.parseKey(state.settings, state.aliases) && engine.view(S.viewOptions(state.settings))) {
    state.job = { started: performance.now(), big: false, key: state.loadedKey };
    body.dataset.state = 'analysing';
    return;
  }
  requestAnalysis('settings');
}

// ---------------------------------------------------------------- status, errors, progress

function setStatus(text) {
  $('status').textContent = text;
}

function showError(text) {
  $('error-text').textContent = text;
  $('error').hidden = false;
}

function hideError() {
  $('error').hidden = true;
  $('error-text').textContent = '';
}

function showProgress(fraction, text) {
  $('progress-row').hidden = false;
  $('progress').value = Math.max(0, Math.min(1, fraction));
  $('progress-text').textContent = text;
  body.dataset.progress = 'visible';
}

function hideProgress() {
  $('progress-row').hidden = true;
  body.dataset.progress = 'hidden';
}

// ---------------------------------------------------------------- the transcript

// A textarea cannot hold a big text: Chromium takes seconds to lay out 10 MB, freezing
// the page. Texts over LARGE characters are kept in `large.text`; the textarea then
// shows a read-only window of it, moved by the pager and by "Show in transcript".
// Work on a big paste is split into tasks (show it, then send it), so the page never stalls long.
const LARGE = 1_000_000;
const WINDOW = 50_000;
const large = { text: null, start: 0, end: 0 };

/** The whole transcript. */
const transcript = () => large.text ?? ta.value;

/** Replaces the whole transcript. */
function setTranscript(text) {
  if (text.length > LARGE) {
    large.text = text;
    showWindow(0);
    $('large-note').hidden = false;
    ta.setAttribute('aria-readonly', 'true');
  } else {
    large.text = null;
    ta.value = text;
    $('large-note').hidden = true;
    ta.removeAttribute('aria-readonly');
  }
  ta.scrollTop = 0;
}

/** Shows the part of a large transcript that starts near `at`, from a line start. */
function showWindow(at) {
  const text = large.text;
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
  ta.value = text.slice(start, end);
  $('large-text').textContent = `Large transcript (${fmt.bytes(text.length)}): showing characters ${fmt.int(start + 1)}–${fmt.int(end)} of ${fmt.int(text.length)}. It is read-only here; paste or open another text to replace it.`;
  $('large-prev').disabled = start === 0;
  $('large-next').disabled = end >= text.length;
}

$('large-prev').addEventListener('click', () => {
  showWindow(Math.max(0, large.start - WINDOW));
  ta.scrollTop = ta.scrollHeight;
});
$('large-next').addEventListener('click', () => {
  showWindow(large.end);
  ta.scrollTop = 0;
});
$('large-clear').addEventListener('click', () => {
  setTranscript('');
  resetSpeakerEdits();
  requestAnalysis('clear');
  ta.focus();
});

// ---------------------------------------------------------------- input

ta.addEventListener('paste', (event) => {
  const started = performance.now();
  const replacesAll = large.text !== null || (ta.selectionStart === 0 && ta.selectionEnd === ta.value.length);
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (text.length > MAX_TEXT_UNITS) {
    // Refused before it replaces anything: the current text stays.
    event.preventDefault();
    showError(tooLargeMessage(null, text.length));
    body.dataset.state = 'too-large';
    return;
  }
  if (large.text !== null || text.length > LARGE) {
    // Never let the browser insert a big text into the textarea; a paste replaces a large transcript.
    event.preventDefault();
    typed.cancel();
    setTranscript(text);
    resetSpeakerEdits();
    state.source = 'transcript';
    setTimeout(() => requestAnalysis('paste', started));
    return;
  }
  state.pasteStarted = started;
  state.pasteReplacesAll = replacesAll;
});

// A large transcript is read-only: refuse edits (pastes are handled above).
ta.addEventListener('beforeinput', (event) => {
  if (large.text === null) return;
  event.preventDefault();
  setStatus('This transcript is over 1 MB, so it is read-only here. Paste or open another text to replace it, or press Clear.');
});

const typed = debounce(() => requestAnalysis('typing'), TYPING_MS);
ta.addEventListener('input', (event) => {
  if (large.text === null && ta.value.length > LARGE) setTranscript(ta.value);
  if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') {
    typed.cancel();
    const started = state.pasteStarted ?? performance.now();
    if (state.pasteReplacesAll ?? true) resetSpeakerEdits();
    state.pasteStarted = undefined;
    state.pasteReplacesAll = undefined;
    state.source = 'transcript';
    requestAnalysis('paste', started);
  } else {
    typed();
  }
});

$('analyse').addEventListener('click', () => {
  typed.cancel();
  requestAnalysis('button');
});
$('cancel').addEventListener('click', () => {
  engine.cancel();
  state.job = null;
  hideProgress();
  body.dataset.state = 'cancelled';
  setStatus('Cancelled. Your text is unchanged: press Analyse to run it again.');
});

const fileInput = $('file-input');
fileInput.accept = ACCEPT;
$('open-file').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) openFile(file);
  fileInput.value = '';
});

async function openFile(file) {
  const started = performance.now();
  let text;
  try {
    text = await readTextFile(file);
  } catch (err) {
    showError(err instanceof FileError ? err.message : `“${file.name}” could not be read: ${err.message}`);
    setStatus('');
    body.dataset.state = 'file-error';
    return;
  }
  if (!text.trim()) {
    showError(text ? `“${file.name}” contains only white space (${count(text.length, 'character')}), so there is nothing to analyse. Your text is unchanged.`
      : `“${file.name}” is empty, so there is nothing to analyse. Your text is unchanged.`);
    setStatus('');
    body.dataset.state = 'file-error';
    return;
  }
  typed.cancel();
  setTranscript(text);
  state.source = file.name.replace(/\.[^.]+$/, '');
  resetSpeakerEdits();
  requestAnalysis('file', started, `Opened “${file.name}” (${fmt.bytes(file.size)}). `);
}

async function loadExample() {
  const started = performance.now();
  const example = await import('./examples/mfa-cis-press-conference.js');
  typed.cancel();
  setTranscript(example.text);
  state.source = example.name.replace(/\.[^.]+$/, '');
  resetSpeakerEdits();
  requestAnalysis('example', started);
}
$('example').addEventListener('click', loadExample);
$('example-2').addEventListener('click', loadExample);
$('error-close').addEventListener('click', hideError);

// Drag and drop anywhere on the page.
let dragDepth = 0;
const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
window.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth += 1;
  $('drop-overlay').hidden = false;
});
window.addEventListener('dragover', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
});
window.addEventListener('dragleave', (e) => {
  if (!hasFiles(e)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) $('drop-overlay').hidden = true;
});
window.addEventListener('drop', (e) => {
  dragDepth = 0;
  $('drop-overlay').hidden = true;
  if (!hasFiles(e)) return;
  e.preventDefault();
  const file = e.dataTransfer.files[0];
  if (file) openFile(file);
}, true);

// ---------------------------------------------------------------- remember my text

function remember() {
  if (!$('remember').checked) return;
  try {
    localStorage.setItem(STORE.text, transcript());
    localStorage.setItem(STORE.aliases, JSON.stringify(state.aliases));
    localStorage.setItem(STORE.hidden, JSON.stringify([...state.hidden]));
    $('forget').hidden = false;
  } catch (err) {
    forget({ quiet: true });
    showError(`Your text is too large to remember on this device (${err.name}). It is still on the page, just not stored.`);
  }
}

function forget({ quiet = false } = {}) {
  for (const key of Object.values(STORE)) localStorage.removeItem(key);
  $('remember').checked = false;
  $('forget').hidden = true;
  if (!quiet) setStatus('Forgotten: your text is no longer stored on this device.');
}

$('remember').addEventListener('change', () => {
  if ($('remember').checked) {
    remember();
    if ($('remember').checked) setStatus('Your text will be kept on this device until you press Forget.');
  } else {
    forget();
  }
});
$('forget').addEventListener('click', () => forget());

function restore() {
  let text;
  try {
    text = localStorage.getItem(STORE.text);
  } catch {
    return false;
  }
  if (text === null) return false;
  setTranscript(text);
  $('remember').checked = true;
  $('forget').hidden = false;
  try {
    const aliases = JSON.parse(localStorage.getItem(STORE.aliases) ?? '{}');
    if (aliases && typeof aliases === 'object' && !Array.isArray(aliases)) {
      for (const [k, v] of Object.entries(aliases)) if (typeof v === 'string') state.aliases[k] = v;
    }
    const hidden = JSON.parse(localStorage.getItem(STORE.hidden) ?? '[]');
    if (Array.isArray(hidden)) state.hidden = new Set(hidden.filter((x) => typeof x === 'string'));
  } catch {
    // A damaged entry: start without speaker edits.
  }
  return true;
}

// ---------------------------------------------------------------- settings and the URL hash

const form = $('settings');
{
  const sw = $('set-stopwords');
  const names = Object.entries(S.STOPWORD_LANGUAGES).sort((a, b) => a[1].localeCompare(b[1]));
  for (const [code, name] of names) sw.append(h('option', { value: code, text: `${name} (${code})` }));
  for (const id of ['set-ngram-min', 'set-ngram-max']) {
    for (let n = S.NGRAM_MIN; n <= S.NGRAM_MAX; n++) $(id).append(h('option', { value: n, text: n }));
  }
}

function writeForm() {
  const s = state.settings;
  $('set-stopwords').value = s.stopwords;
  $('set-extra').value = s.extra.join(', ');
  $('set-ngram-min').value = String(s.ngramMin);
  $('set-ngram-max').value = String(s.ngramMax);
  $('set-min').value = String(s.minCount);
  $('phrases-min').value = String(s.minCount);
  $('set-format').value = s.format;
  $('set-stem').checked = s.stem;
  $('set-hyphens').checked = s.splitHyphens;
  $('set-furniture').checked = s.keepFurniture;
  $('set-script').checked = s.keepScriptDirections;
  $('set-joint').checked = s.splitJointSpeakers;
  $('set-label').value = s.labelPattern;
}

function readForm(changed) {
  const s = { ...state.settings };
  s.stopwords = $('set-stopwords').value;
  s.extra = S.parseWords($('set-extra').value);
  let lo = Number($('set-ngram-min').value);
  let hi = Number($('set-ngram-max').value);
  if (lo > hi) {
    if (changed?.id === 'set-ngram-min') hi = lo;
    else lo = hi;
  }
  [s.ngramMin, s.ngramMax] = [lo, hi];
  const min = Math.round(Number($('set-min').value));
  if (Number.isFinite(min) && min >= 1 && min <= 9999) s.minCount = min;
  s.format = $('set-format').value;
  s.stem = $('set-stem').checked;
  s.splitHyphens = $('set-hyphens').checked;
  s.keepFurniture = $('set-furniture').checked;
  s.keepScriptDirections = $('set-script').checked;
  s.splitJointSpeakers = $('set-joint').checked;
  s.labelPattern = $('set-label').value.trim().slice(0, 500);
  return s;
}

function writeHash() {
  const hash = S.toHash(state.settings);
  if (hash !== location.hash && !(hash === '' && location.hash === '')) {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }
}

function applySettings(next, { fromHash = false } = {}) {
  const prev = state.settings;
  state.settings = next;
  writeForm();
  if (!fromHash) writeHash();
  if (next.view !== prev.view) selectTab(next.view);
  if (!state.analysis && !engine.busy) return;
  if (S.parseKey(prev, state.aliases) !== S.parseKey(next, state.aliases)) requestAnalysis('settings');
  else if (JSON.stringify(S.viewOptions(prev)) !== JSON.stringify(S.viewOptions(next))) refreshView();
}

form.addEventListener('change', (e) => applySettings(readForm(e.target)));
form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.target.matches('input[type="text"], input[type="number"]')) {
    e.preventDefault();
    applySettings(readForm(e.target));
  }
});
$('settings-reset').addEventListener('click', () => applySettings({ ...S.defaults(), view: state.settings.view }));
$('phrases-min').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') $('phrases-min').dispatchEvent(new Event('change'));
});
$('phrases-min').addEventListener('change', () => {
  const min = Math.round(Number($('phrases-min').value));
  if (Number.isFinite(min) && min >= 1 && min <= 9999) applySettings({ ...state.settings, minCount: min });
  else $('phrases-min').value = String(state.settings.minCount);
});
window.addEventListener('hashchange', () => applySettings(S.fromHash(location.hash), { fromHash: true }));

// ---------------------------------------------------------------- tabs

const tabs = S.TABS.map((name) => $(`tab-${name}`));

function selectTab(name, { focus = false } = {}) {
  for (const tab of tabs) {
    const on = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (state.analysis && state.dirty.has(name)) renderTab(name);
}

for (const tab of tabs) {
  tab.addEventListener('click', () => {
    const view = tab.id.slice(4);
    if (view === state.settings.view) return;
    state.settings = { ...state.settings, view };
    writeHash();
    selectTab(view);
  });
  tab.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(tab);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    next.focus();
    next.click();
  });
}

// ---------------------------------------------------------------- rendering

function clearResults() {
  state.analysis = null;
  state.loadedKey = null;
  $('results').hidden = true;
  $('empty').hidden = false;
  $('kwic').hidden = true;
  state.kwic = null;
  $('export-json').disabled = true;
  body.dataset.state = 'idle';
}

function render() {
  const a = state.analysis;
  $('empty').hidden = true;
  $('results').hidden = false;
  // Measure once, before changing anything, so drawing forces no further layout.
  lastWidth = $('results').clientWidth;
  $('export-json').disabled = false;
  state.colours = colourMap(a.speakers.map((s) => s.name));
  const targets = new Set(Object.values(state.aliases));
  for (const s of a.speakers) if (!targets.has(s.name)) state.labels.add(s.name);
  renderStats();
  fillSpeakerSelect();
  fillPhraseLengths();
  noteStemming();
  const diags = a.diagnostics.length;
  $('diag-count').hidden = diags === 0;
  $('diag-count').textContent = String(diags);
  $('diag-count').setAttribute('aria-label', `${diags} diagnostics`);
  state.dirty = new Set(S.TABS);
  selectTab(state.settings.view);
  if (state.kwic) {
    if (!state.kwic.collocate) state.kwic.queries = kwicQueries(state.kwic.term); // stemming may have changed
    $('kwic-heading').textContent = kwicHeading();
    runKwic();
  }
}

function renderTab(name) {
  state.dirty.delete(name);
  ({
    speakers: renderSpeakers, terms: renderTerms, phrases: renderPhrases, distinctive: renderDistinctive,
    collocations: renderCollocations, dispersion: renderDispersion, summary: renderSummary,
  })[name]();
}

/** Re-draws the views after a display-only change (hidden speakers, a resize). */
function redraw() {
  if (!state.analysis) return;
  state.dirty = new Set(S.TABS);
  renderTab(state.settings.view);
}

let lastWidth = 0;
const visibleSpeakers = () => state.analysis.speakers.filter((s) => !state.hidden.has(s.name));
const colourOf = (name) => state.colours.get(name) ?? OTHER_COLOUR;
const swatch = (name) => h('span', { class: 'swatch', 'aria-hidden': 'true', style: { background: colourOf(name) } });

/** The width for charts: the results column's (tab panels have no side padding). */
function chartWidth() {
  return Math.max(280, Math.floor(lastWidth || $('results').clientWidth || 600));
}

/**
 * Legend entries for `names`: each speaker that has a colour of its own, then the
 * speakers drawn in the shared grey as one entry (they cannot be told apart anyway).
 */
function legendEntries(names) {
  const own = names.filter((n) => colourOf(n) !== OTHER_COLOUR);
  const grey = names.length - own.length;
  if (grey <= 1) return names.map((n) => [n, colourOf(n)]);
  return [...own.map((n) => [n, colourOf(n)]), [`${fmt.int(grey)} other speakers`, OTHER_COLOUR]];
}

function legend(list, names) {
  colourLegend(list, legendEntries(names));
}

function putChart(figure, svg, label) {
  figure.setAttribute('aria-label', label);
  svg.removeAttribute('aria-label'); // the figure carries the name
  figure.replaceChildren(svg);
}

function renderStats() {
  const s = state.analysis.summary;
  const items = [
    ['Words', fmt.int(s.tokens)], ['Types', fmt.int(s.types)], ['Sentences', fmt.int(s.sentences)],
    ['Turns', fmt.int(s.turns)], ['Speakers', fmt.int(s.speakers)], ['Language', s.languageName ?? 'unknown'],
  ];
  $('stats').replaceChildren(...items.map(([k, v]) => h('div', {}, h('dt', { text: k }), h('dd', { text: v }))));
}

// Speakers ----------------------------------------------------------------

const SPEAKER_COLUMNS = [
  { key: 'name', label: 'Speaker', value: (s) => s.name, cell: (s) => [swatch(s.name), s.name, state.hidden.has(s.name) ? h('span', { class: 'tag', text: 'hidden' }) : null] },
  { key: 'words', label: 'Words', numeric: true, value: (s) => s.words, cell: (s) => fmt.int(s.words) },
  { key: 'share', label: 'Share', numeric: true, value: (s) => s.share, cell: (s) => fmt.pct(s.share), csv: (s) => s.share.toFixed(4) },
  { key: 'turns', label: 'Turns', numeric: true, value: (s) => s.turns, cell: (s) => fmt.int(s.turns) },
  { key: 'meanTurnWords', label: 'Mean turn (words)', numeric: true, value: (s) => s.meanTurnWords, cell: (s) => fmt.dec(s.meanTurnWords), csv: (s) => s.meanTurnWords.toFixed(2) },
  { key: 'longestTurnWords', label: 'Longest turn', numeric: true, value: (s) => s.longestTurnWords, cell: (s) => fmt.int(s.longestTurnWords) },
  { key: 'questions', label: 'Questions', numeric: true, value: (s) => s.questions, cell: (s) => fmt.int(s.questions) },
];

function renderSpeakers() {
  const a = state.analysis;
  const visible = visibleSpeakers();
  // No labels found: the guidance stands in place of a bar that is all "(unattributed)".
  const noLabels = renderSpeakersGuide();
  for (const id of ['speakers-legend', 'speakers-chart', 'speakers-chart-actions']) $(id).hidden = noLabels;
  legend($('speakers-legend'), visible.map((s) => s.name));
  const figure = $('speakers-chart');
  if (noLabels) {
    figure.removeAttribute('aria-label');
    figure.replaceChildren();
  } else if (visible.length && visible.some((s) => s.words > 0)) {
    const { segments, colours } = shareSegments(visible);
    const svg = speakersChart({ speakers: segments, colours, width: chartWidth(figure) });
    const total = segments.reduce((n, s) => n + s.words, 0) || 1;
    putChart(figure, svg, `Stacked bar of the share of words by speaker: ${segments.map((s) => `${s.name} ${fmt.pct(s.words / total)}`).join(', ')}`);
  } else {
    figure.removeAttribute('aria-label');
    // No speaker at all (a text of stage directions only): the reason, not "hidden".
    const why = visible.length === 0 && a.speakers.length > 0 ? 'No speaker to show: every speaker is hidden.'
      : noWordsReason() ?? 'No words to show: the visible speakers said nothing.';
    figure.replaceChildren(h('p', { class: 'hint', text: why }));
  }
  const rows = sortRows(SPEAKER_COLUMNS, a.speakers, state.speakersSort);
  state.tables.speakers = { columns: SPEAKER_COLUMNS, rows };
  const limit = showMore($('speakers-more'), rows.length, state.speakersAll);
  $('speakers-table').replaceChildren(dataTable({
    columns: SPEAKER_COLUMNS, rows, sort: state.speakersSort, limit,
    caption: `Speakers: words, share of all words, turns, mean and longest turn, questions asked${limit < rows.length ? ` (the first ${fmt.int(limit)} of ${fmt.int(rows.length)} rows)` : ''}`,
    onSort: (sort) => {
      state.speakersSort = sort;
      renderSpeakers();
      $('speakers-table').querySelector('[aria-sort] button')?.focus();
    },
  }));
  // Once per analysis: a redraw (a resize, hiding a speaker) must not wipe what is being typed.
  if (state.editFor !== a) {
    state.editFor = a;
    renderSpeakerEdit();
  }
}

/**
 * The guidance when attribution is doubtful: no speaker labels found, or few (the core's
 * label hint: lines that look like labels of another kind, and a label pattern reading them).
 * Returns true when no word has a speaker, so the word-share bar would be all "(unattributed)".
 */
function renderSpeakersGuide() {
  const a = state.analysis;
  const guide = $('speakers-guide');
  const hint = a.labelHint;
  const noLabels = !a.speakers.some((s) => s.attributed) && (a.summary.tokens > 0 || !!hint);
  if (!noLabels && !hint) {
    guide.hidden = true;
    $('speakers-guide-body').replaceChildren();
    return false;
  }
  const none = unattributed(a);
  $('speakers-guide-heading').textContent = noLabels ? 'No speaker labels found' : 'Few speaker labels found';
  const body = [];
  if (noLabels) {
    body.push(h('p', { text: a.summary.tokens > 0
      ? `colloquy found no lines it reads as speaker labels, so all ${count(a.summary.tokens, 'word')} are counted as “${UNATTRIBUTED}”.`
      : 'colloquy found no lines it reads as speaker labels.' }));
  } else {
    body.push(h('p', { text: `Only ${fmt.pct(Math.max(0, 1 - none.share))} of the words have a speaker: ${count(none.words, 'word')} are counted as “${UNATTRIBUTED}”.` }));
  }
  const openSetting = h('button', { type: 'button', class: 'link', onclick: openLabelSetting }, 'Set the label pattern');
  if (hint) {
    // The examples as text: "Lines like `SMITH --`, `JONES --` and `CALLER --` look like …".
    const examples = hint.examples.flatMap((e, i) => [
      i === 0 ? '' : i === hint.examples.length - 1 ? ' and ' : ', ',
      h('code', { class: 'example', text: e }),
    ]);
    body.push(
      h('p', { id: 'speakers-guide-hint' }, 'Lines like ', examples, ' look like speaker labels: use them?'),
      h('p', { class: 'hint' }, `${count(hint.lines, 'line')} start this way; the label pattern would be `, h('code', { class: 'pattern', text: hint.pattern }), '.'),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', id: 'use-label-hint', 'aria-describedby': 'speakers-guide-hint', onclick: () => useLabelHint(hint.pattern) }, 'Use these as labels'),
        openSetting),
    );
  } else {
    body.push(h('p', {}, 'If the transcript marks its speakers in another way, a label pattern (a regular expression matched at the start of each line) can read them. ', openSetting));
  }
  $('speakers-guide-body').replaceChildren(...body);
  guide.hidden = false;
  return noLabels;
}

/** Reads the labels with the core's suggested pattern: the label-pattern setting, kept in the address. */
function useLabelHint(pattern) {
  applySettings({ ...state.settings, labelPattern: pattern });
}

/** Opens Settings at the label pattern. */
function openLabelSetting() {
  $('settings-panel').open = true;
  $('set-label').focus();
  $('set-label').scrollIntoView({ block: 'center' });
}

/** The word-share segments: each speaker with a colour of its own, the speakers in the shared grey as one. */
function shareSegments(visible) {
  const own = visible.filter((s) => colourOf(s.name) !== OTHER_COLOUR);
  const grey = visible.length - own.length;
  if (grey <= 1) return { segments: visible, colours: state.colours };
  const name = `${fmt.int(grey)} other speakers`;
  const words = visible.reduce((n, s) => n + s.words, 0) - own.reduce((n, s) => n + s.words, 0);
  return {
    segments: [...own, { name, words }],
    colours: new Map([...own.map((s) => [s.name, colourOf(s.name)]), [name, OTHER_COLOUR]]),
  };
}

/** Shows `button` ("Show all N speakers") when `count` rows are over the cap; returns the rows to draw. */
function showMore(button, count, all) {
  const limit = all ? count : Math.min(count, SPEAKER_ROWS);
  button.hidden = limit >= count;
  button.textContent = `Show all ${fmt.int(count)} speakers`;
  return limit;
}

$('speakers-more').addEventListener('click', () => {
  state.speakersAll = true;
  if (state.analysis) renderSpeakers();
});
$('speaker-stats-more').addEventListener('click', () => {
  state.speakerStatsAll = true;
  if (state.analysis) renderLexical();
});

function renderSpeakerEdit() {
  const a = state.analysis;
  const names = a.speakers.map((s) => s.name);
  // Alias suggestions from the core, as one-click merges.
  const present = new Set(names);
  const suggestions = a.aliasSuggestions.filter((s) => present.has(s.from) && s.from !== s.to);
  const box = $('suggestions');
  box.hidden = suggestions.length === 0;
  box.replaceChildren(
    h('p', { text: 'These labels look like one speaker:' }),
    h('ul', {}, suggestions.map((s) => h('li', {}, h('button', {
      type: 'button', class: 'merge-suggestion', onclick: () => addAlias(s.from, s.to),
    }, `Merge “${s.from}” into “${s.to}”`)))),
  );
  const many = a.speakers.length > EDIT_ROWS;
  $('speaker-find').hidden = !many;
  if (!many) $('speaker-filter').value = '';
  renderSpeakerEditList();
  const entries = Object.entries(state.aliases);
  $('aliases').hidden = entries.length === 0;
  $('alias-list').replaceChildren(...entries.map(([from, to]) => h('li', {},
    h('span', { text: `${from} → ${to}` }),
    h('button', { type: 'button', class: 'link', 'aria-label': `Undo ${from} → ${to}`, onclick: () => removeAlias(from) }, 'Undo'))));
}

/**
 * The speakers' edit rows: all of them when there are few; else the first EDIT_ROWS (the
 * most words first) of those whose name contains the filter typed.
 */
function renderSpeakerEditList() {
  const a = state.analysis;
  const names = a.speakers.map((s) => s.name);
  const list = $('speaker-edit');
  // Merge targets: a <select> of the other speakers while there are few; beyond that a
  // text box suggesting names from one shared <datalist>, so the panel stays linear in
  // the number of speakers (10,000 selects of 9,999 options would hang the page).
  const targets = names.filter((n) => n !== UNATTRIBUTED);
  const known = new Set(targets);
  const manyNames = targets.length > MERGE_SELECT_MAX;
  const filter = $('speaker-filter').value.replace(/\s+/g, ' ').trim();
  const needle = filter.toLocaleLowerCase();
  const indexed = a.speakers.map((s, i) => [s, i]);
  const matching = filter ? indexed.filter(([s]) => s.name.toLocaleLowerCase().includes(needle)) : indexed;
  const shown = matching.slice(0, EDIT_ROWS);
  const note = $('speaker-edit-note');
  note.textContent = a.speakers.length <= EDIT_ROWS ? ''
    : filter ? (matching.length === 0 ? `No speaker's name contains “${filter}”.`
      : `${fmt.int(matching.length)} of ${fmt.int(a.speakers.length)} speakers match “${filter}”${shown.length < matching.length ? `; showing the first ${fmt.int(shown.length)}` : ''}.`)
      : `Showing the ${fmt.int(shown.length)} speakers with the most words, of ${fmt.int(a.speakers.length)}. Type a name to find the others.`;
  note.hidden = !note.textContent;
  list.replaceChildren(...shown.map(([s, i]) => {
    const unattributed = s.name === UNATTRIBUTED && !s.attributed;
    const renameInput = h('input', {
      type: 'text', name: 'name', autocomplete: 'off', required: true, maxlength: 200,
      'aria-label': unattributed ? 'Assign the unattributed text to' : `New name for ${s.name}`,
      placeholder: unattributed ? 'speaker name' : 'new name',
      list: unattributed ? 'speaker-names' : null,
    });
    const rename = h('form', { class: 'rename', onsubmit: (e) => {
      e.preventDefault();
      const to = renameInput.value.trim();
      if (to) addAlias(s.name, to);
    } }, renameInput, h('button', { type: 'submit', text: unattributed ? 'Assign' : 'Rename' }));
    const hasOthers = targets.length > (known.has(s.name) ? 1 : 0);
    let merge = null;
    if (hasOthers && !unattributed && manyNames) {
      const mergeInput = h('input', {
        type: 'text', autocomplete: 'off', list: 'speaker-names', maxlength: 200,
        'aria-label': `Merge ${s.name} into`, placeholder: 'Merge into (a speaker)',
      });
      mergeInput.addEventListener('input', () => mergeInput.setCustomValidity(''));
      merge = h('form', { class: 'merge', onsubmit: (e) => {
        e.preventDefault();
        const to = mergeInput.value.replace(/\s+/g, ' ').trim();
        if (!to || to === s.name) return;
        if (!known.has(to)) {
          mergeInput.setCustomValidity(`No speaker is called “${to}”: pick one of the suggested names, or use Rename.`);
          mergeInput.reportValidity();
          return;
        }
        addAlias(s.name, to);
      } }, mergeInput, h('button', { type: 'submit', text: 'Merge' }));
    } else if (hasOthers && !unattributed) {
      const mergeSelect = h('select', { 'aria-label': `Merge ${s.name} into` },
        h('option', { value: '', text: 'Merge into…' }),
        targets.filter((n) => n !== s.name).map((n) => h('option', { value: n, text: n })));
      merge = h('form', { class: 'merge', onsubmit: (e) => {
        e.preventDefault();
        if (mergeSelect.value) addAlias(s.name, mergeSelect.value);
      } }, mergeSelect, h('button', { type: 'submit', text: 'Merge' }));
    }
    const show = h('input', { type: 'checkbox', checked: !state.hidden.has(s.name), 'aria-label': `Show ${s.name} in charts` });
    show.addEventListener('change', () => {
      if (show.checked) state.hidden.delete(s.name);
      else state.hidden.add(s.name);
      remember();
      redraw();
    });
    return h('li', { dataset: { speaker: String(i) } },
      h('div', { class: 'who' }, swatch(s.name), h('strong', { text: s.name }), unattributed ? h('small', { text: ' text before the first label' }) : null),
      h('label', { class: 'check' }, show, 'Show in charts'),
      h('div', { class: 'edits' }, rename, merge));
  }));
  list.append(h('datalist', { id: 'speaker-names' }, targets.map((n) => h('option', { value: n }))));
}

$('speaker-filter').addEventListener('input', debounce(() => state.analysis && renderSpeakerEditList(), 150));

function resetSpeakerEdits() {
  state.aliases = {};
  state.hidden = new Set();
  state.labels = new Set();
  state.speakersAll = false;
  state.speakerStatsAll = false;
  state.diagnosticsAll = false;
  $('speaker-filter').value = '';
}

/** Speaker `from` is now called `to` (a rename, a merge, or assigning the unattributed text). */
function addAlias(from, to) {
  to = to.replace(/\s+/g, ' ').trim();
  if (!to || to === from) return;
  const aliases = { ...state.aliases };
  const target = aliases[to] ?? to; // `to` may itself be a label renamed away
  for (const [k, v] of Object.entries(aliases)) if (v === from) aliases[k] = target;
  // Alias the name itself only if it is a label of the text (or the unattributed text).
  if (state.labels.has(from) || from === UNATTRIBUTED || !Object.values(state.aliases).includes(from)) aliases[from] = target;
  for (const [k, v] of Object.entries(aliases)) if (k === v) delete aliases[k];
  const existed = state.analysis?.speakers.some((s) => s.name === target);
  if (state.hidden.delete(from) && !existed) state.hidden.add(target);
  state.aliases = aliases;
  requestAnalysis('speakers');
}

function removeAlias(from) {
  const aliases = { ...state.aliases };
  delete aliases[from];
  state.aliases = aliases;
  requestAnalysis('speakers');
}

// Terms -------------------------------------------------------------------

function fillSpeakerSelect() {
  const select = $('terms-speaker');
  const current = select.value;
  select.replaceChildren(h('option', { value: '', text: 'All speakers' }),
    ...state.analysis.speakers.map((s) => h('option', { value: s.name, text: s.name })));
  select.value = state.analysis.speakers.some((s) => s.name === current) ? current : '';
}

/** Term counts over the visible speakers, most frequent first. */
function visibleTerms() {
  const a = state.analysis;
  if (state.hidden.size === 0) return a.terms;
  const words = visibleSpeakers().reduce((n, s) => n + s.words, 0) || 1;
  return a.terms
    .map((t) => {
      const count = Object.entries(t.bySpeaker).reduce((n, [name, c]) => n + (state.hidden.has(name) ? 0 : c), 0);
      return { ...t, count, per10k: (count / words) * 10_000 };
    })
    .filter((t) => t.count > 0)
    .sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : 1));
}

function renderTerms() {
  const a = state.analysis;
  const speaker = $('terms-speaker').value;
  const limit = Number($('terms-limit').value);
  $('terms-split').disabled = Boolean(speaker);
  const split = $('terms-split').checked && !speaker;
  const figure = $('terms-chart');
  let columns;
  let tableRows;
  let chartRows;
  let terms;
  let label;
  let fill = NEUTRAL;
  let chartColours = null;
  if (speaker) {
    const sp = a.speakers.find((s) => s.name === speaker);
    const top = (sp?.topTerms ?? []).slice(0, limit);
    terms = top.map((t) => t.term);
    chartRows = top;
    tableRows = top;
    fill = colourOf(speaker);
    label = `Bar chart of ${speaker}'s ${top.length} most frequent terms: ${top.slice(0, 10).map((t) => `${t.term} ${t.count}`).join(', ')}`;
    columns = [
      { key: 'term', label: 'Term', value: (t) => t.term, cell: (t) => termButton(t.term) },
      { key: 'count', label: 'Count', numeric: true, value: (t) => t.count, cell: (t) => fmt.int(t.count) },
      ...formsColumn(),
    ];
  } else {
    const visible = visibleSpeakers();
    const top = visibleTerms().slice(0, limit);
    terms = top.map((t) => t.term);
    tableRows = top;
    if (split) ({ rows: chartRows, colours: chartColours } = splitRows(top, visible));
    else chartRows = top;
    label = `Bar chart of the ${top.length} most frequent terms${split ? ', split by speaker' : ''}: ${top.slice(0, 10).map((t) => `${t.term} ${t.count}`).join(', ')}`;
    columns = [
      { key: 'term', label: 'Term', value: (t) => t.term, cell: (t) => termButton(t.term) },
      { key: 'count', label: 'Count', numeric: true, value: (t) => t.count, cell: (t) => fmt.int(t.count) },
      { key: 'per10k', label: 'Per 10,000 words', numeric: true, value: (t) => t.per10k, cell: (t) => fmt.dec(t.per10k), csv: (t) => t.per10k.toFixed(2) },
      ...formsColumn(),
      ...visible.slice(0, SPEAKER_COLUMNS_MAX).map((s) => ({ key: `sp:${s.name}`, label: s.name, numeric: true, value: (t) => countOf(t.bySpeaker, s.name), cell: (t) => fmt.int(countOf(t.bySpeaker, s.name)) })),
    ];
  }
  const legendList = $('terms-legend');
  legendList.hidden = !split;
  if (split) legend(legendList, visibleSpeakers().map((s) => s.name));
  if (terms.length) {
    const svg = termsChart({ rows: chartRows, terms, colours: chartColours ?? new Map(), width: chartWidth(figure), fill, stacked: split });
    putChart(figure, svg, label);
    onMarkClick(svg, 'g[aria-label="bar"] rect', chartRows, (d) => showKwic(d.term));
    clickableTickLabels(svg, terms);
  } else {
    figure.removeAttribute('aria-label');
    const words = a.speakers.find((s) => s.name === speaker)?.words;
    const why = !speaker ? noTermsReason()
      : words ? `No terms of ${speaker} to show: each of their words is a stopword or a number.` : `${speaker} said no words.`;
    figure.replaceChildren(h('p', { class: 'hint', text: why }));
  }
  if (state.termsSort && !columns.some((c) => c.key === state.termsSort.key)) state.termsSort = null;
  const rows = sortRows(columns, tableRows, state.termsSort);
  state.tables.terms = { columns, rows };
  $('terms-table-note').textContent = `${rows.length} terms${speaker ? ` of ${speaker}` : ''}.${speaker ? '' : columnsNote()}${a.summary.stemmer ? ' Word forms are grouped by their stem: a term is labelled by its most frequent form, and Forms lists them all.' : ''}`;
  $('terms-table').replaceChildren(dataTable({
    columns, rows, sort: state.termsSort, caption: speaker ? `Top terms of ${speaker}` : 'Top terms',
    onSort: (sort) => {
      state.termsSort = sort;
      renderTerms();
      $('terms-table').querySelector('[aria-sort] button')?.focus();
    },
  }));
}

/** Says that the per-speaker columns are capped, when they are. */
function columnsNote() {
  const n = visibleSpeakers().length;
  return n > SPEAKER_COLUMNS_MAX ? ` Columns for the ${SPEAKER_COLUMNS_MAX} speakers with the most words (of ${fmt.int(n)}).` : '';
}

/**
 * The bars of the terms chart split by speaker: one segment per speaker with a colour of
 * its own, and the speakers drawn in the shared grey as one segment per term.
 */
function splitRows(top, visible) {
  const own = visible.filter((s) => colourOf(s.name) !== OTHER_COLOUR);
  const grey = visible.length - own.length;
  const speakers = grey <= 1 ? visible : own;
  const colours = new Map(speakers.map((s) => [s.name, colourOf(s.name)]));
  const others = `${fmt.int(grey)} other speakers`;
  if (grey > 1) colours.set(others, OTHER_COLOUR);
  const hidden = state.hidden;
  const rows = top.flatMap((t) => {
    const bars = speakers.filter((s) => countOf(t.bySpeaker, s.name)).map((s) => ({ term: t.term, speaker: s.name, count: countOf(t.bySpeaker, s.name) }));
    if (grey > 1) {
      let rest = 0;
      for (const [name, c] of Object.entries(t.bySpeaker)) if (!colours.has(name) && !hidden.has(name)) rest += c;
      if (rest) bars.push({ term: t.term, speaker: others, count: rest });
    }
    return bars;
  });
  return { rows, colours };
}

/** A number with a bar of `fraction` (0…1) of a fixed-width track before it. */
function cellBar(fraction, text) {
  const width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 10}%`;
  return h('span', { class: 'cell-bar' },
    h('span', { class: 'track', 'aria-hidden': 'true' }, h('span', { class: 'bar', style: { width } })), h('span', { class: 'v', text }));
}

function termButton(term) {
  return h('button', { type: 'button', class: 'term', title: `Show every occurrence of “${term}”`, onclick: () => showKwic(term) }, term);
}

/** With stemming: the forms grouped under `term` (empty when it stands alone or is not a top term). */
function formsOf(term) {
  const a = state.analysis;
  if (!a?.summary.stemmer) return [];
  if (state.formsFor !== a) {
    state.formsFor = a;
    state.forms = new Map(a.terms.filter((t) => t.forms.length > 1).map((t) => [t.term, t.forms]));
  }
  return state.forms.get(term) ?? [];
}

/** The terms table's Forms column, when word forms are grouped. */
function formsColumn() {
  if (!state.analysis.summary.stemmer) return [];
  return [{ key: 'forms', label: 'Forms', sortable: false, value: (t) => formsOf(t.term).join(', '), cell: (t) => h('span', { class: 'forms', text: formsOf(t.term).join(', ') }) }];
}

/** The stemming setting's hint says whether the detected language has a stemmer. */
function noteStemming() {
  const s = state.analysis.summary;
  const hint = $('set-stem-hint');
  const base = 'Terms that share a Snowball stem (18 languages) count as one, with their forms listed.';
  if (!state.settings.stem) hint.textContent = base;
  else if (s.stemmer) hint.textContent = `${base} Grouping ${S.STOPWORD_LANGUAGES[s.stemmer] ?? s.stemmer} forms.`;
  else hint.textContent = `${base} There is no stemmer for ${s.languageName ?? 'this language'}, so forms are not grouped.`;
}

for (const id of ['terms-split', 'terms-speaker', 'terms-limit']) $(id).addEventListener('change', () => state.analysis && renderTerms());

// Phrases -----------------------------------------------------------------

function fillPhraseLengths() {
  const select = $('phrases-n');
  const current = select.value;
  const options = [h('option', { value: '0', text: 'any' })];
  for (let n = state.settings.ngramMin; n <= state.settings.ngramMax; n++) options.push(h('option', { value: String(n), text: `${n} words` }));
  select.replaceChildren(...options);
  select.value = [...select.options].some((o) => o.value === current) ? current : '0';
}

function renderPhrases() {
  const a = state.analysis;
  const n = Number($('phrases-n').value);
  const query = $('phrases-search').value.trim().toLowerCase();
  const filtered = a.phrases.filter((p) => (!n || p.n === n) && (!query || p.text.includes(query)));
  const max = filtered.reduce((m, p) => Math.max(m, p.count), 1);
  const bySpeaker = (p) => Object.entries(p.bySpeaker).sort((x, y) => y[1] - x[1]);
  const columns = [
    { key: 'text', label: 'Phrase', value: (p) => p.text, cell: (p) => termButton(p.text, p.count) },
    { key: 'n', label: 'Words', numeric: true, value: (p) => p.n },
    { key: 'count', label: 'Count', numeric: true, value: (p) => p.count, cell: (p) => cellBar(p.count / max, fmt.int(p.count)) },
    { key: 'speakers', label: 'By speaker', value: (p) => bySpeaker(p).map(([s, c]) => `${s}: ${c}`).join('; '), sortable: false,
      cell: (p) => {
        const all = bySpeaker(p);
        const chips = all.slice(0, PHRASE_CHIPS).map(([s, c]) => h('span', { class: 'chip' }, swatch(s), `${s} ${c}`));
        return all.length > PHRASE_CHIPS ? [...chips, h('span', { class: 'chip more', text: `+${fmt.int(all.length - PHRASE_CHIPS)} more` })] : chips;
      } },
  ];
  const rows = sortRows(columns, filtered, state.phrasesSort);
  state.tables.phrases = { columns, rows };
  const shown = state.phrasesAll ? rows.length : Math.min(rows.length, PHRASE_ROWS);
  const total = a.phrases.length;
  $('phrases-note').textContent = rows.length === 0
    ? (total ? 'No phrase matches these filters.' : noWordsReason() ?? `No phrase occurs ${state.settings.minCount} times or more.`)
    : `${fmt.int(rows.length)} phrases${rows.length < total ? ` of ${fmt.int(total)}` : ''} occurring at least ${state.settings.minCount} times${shown < rows.length ? `; showing the first ${fmt.int(shown)}` : ''}. Click a phrase to see it in context.`;
  $('phrases-more').hidden = shown >= rows.length;
  $('phrases-more').textContent = `Show all ${fmt.int(rows.length)}`;
  $('phrases-table').replaceChildren(rows.length ? dataTable({
    columns, rows, limit: shown, sort: state.phrasesSort, caption: 'Recurring phrases', className: 'phrases',
    onSort: (sort) => {
      state.phrasesSort = sort;
      renderPhrases();
      $('phrases-table').querySelector('[aria-sort] button')?.focus();
    },
  }) : '');
}

$('phrases-n').addEventListener('change', () => state.analysis && renderPhrases());
$('phrases-search').addEventListener('input', debounce(() => state.analysis && renderPhrases(), 120));
$('phrases-more').addEventListener('click', () => {
  state.phrasesAll = true;
  renderPhrases();
});

// Distinctive words ----------------------------------------------------------

/** A legend of [label, colour] pairs. */
function colourLegend(list, pairs) {
  list.replaceChildren(...pairs.map(([label, colour]) => h('li', {}, h('span', { class: 'swatch', 'aria-hidden': 'true', style: { background: colour } }), label)));
}

function distinctiveLegend(speaker) {
  return [[`Used more by ${speaker}`, colourOf(speaker)], ['Used less', NEUTRAL]];
}

function renderDistinctive() {
  const a = state.analysis;
  const select = $('distinctive-speaker');
  const names = visibleSpeakers().map((s) => s.name);
  if ([...select.options].map((o) => o.value).join('\n') !== names.join('\n')) {
    const current = select.value;
    select.replaceChildren(...names.map((n) => h('option', { value: n, text: n })));
    select.value = names.includes(current) ? current : (names[0] ?? '');
  }
  const speaker = select.value;
  const sp = a.speakers.find((s) => s.name === speaker);
  const figure = $('distinctive-chart');
  const limit = Number($('distinctive-limit').value);
  const more = sp ? sp.distinctive.slice(0, limit) : [];
  const less = sp ? sp.avoided.slice(0, limit).reverse() : [];
  const rows = [...more, ...less];
  state.tables.distinctive = null;
  if (!sp || rows.length === 0) {
    figure.removeAttribute('aria-label');
    const why = !sp && a.speakers.length > 0 ? 'No speaker to show: every speaker is hidden.'
      : noWordsReason() ?? (!sp ? 'No speaker to show.' : a.speakers.length < 2 ? 'Distinctive words compare a speaker with everyone else: this transcript has one speaker.'
        : `No word sets ${speaker} apart from everyone else.`);
    figure.replaceChildren(h('p', { class: 'hint', text: why }));
    $('distinctive-legend').replaceChildren();
    $('distinctive-table').replaceChildren();
    return;
  }
  colourLegend($('distinctive-legend'), distinctiveLegend(speaker));
  const label = `Diverging bar chart of ${speaker}'s distinctive words by Fightin' Words z: used more ${more.map((d) => `${d.term} ${fmt.fixed(d.z, 2)}`).join(', ') || 'none'}; used less ${less.slice().reverse().map((d) => `${d.term} ${fmt.fixed(d.z, 2)}`).join(', ') || 'none'}`;
  const svg = distinctiveChart({ rows, colour: colourOf(speaker), other: NEUTRAL, width: chartWidth(figure) });
  putChart(figure, svg, label);
  onMarkClick(svg, 'g[aria-label="bar"] rect', rows, (d) => showKwic(d.term));
  clickableTickLabels(svg, rows.map((d) => d.term));
  const columns = [
    { key: 'term', label: 'Term', value: (d) => d.term, cell: (d) => termButton(d.term) },
    { key: 'count', label: 'Count', numeric: true, title: `Occurrences in ${speaker}'s words (yᵢ)`, value: (d) => d.count, cell: (d) => fmt.int(d.count) },
    { key: 'otherCount', label: 'Others', numeric: true, title: "Occurrences in everyone else's words (yⱼ)", value: (d) => d.otherCount, cell: (d) => fmt.int(d.otherCount) },
    { key: 'delta', label: 'δ', numeric: true, title: 'Log-odds ratio with the prior (δ)', value: (d) => d.delta, cell: (d) => fmt.fixed(d.delta, 3) },
    { key: 'z', label: 'z', numeric: true, title: 'δ / σ: above 1.96 or below −1.96 is significant at 5%', value: (d) => d.z, cell: (d) => fmt.fixed(d.z, 2), attrs: (d) => ({ 'data-value': d.z }) },
    { key: 'g2', label: 'G²', numeric: true, title: 'Log-likelihood, negative when used less', value: (d) => d.g2, cell: (d) => fmt.fixed(d.g2, 2) },
    { key: 'logRatio', label: 'Log Ratio', numeric: true, title: 'log₂ of the ratio of relative frequencies', value: (d) => d.logRatio, cell: (d) => fmt.fixed(d.logRatio, 2) },
  ];
  const sorted = sortRows(columns, rows, state.distinctiveSort);
  state.tables.distinctive = { columns, rows: sorted, suffix: `distinctive-${slug(speaker)}` };
  $('distinctive-table').replaceChildren(dataTable({
    columns, rows: sorted, sort: state.distinctiveSort,
    caption: `Distinctive words of ${speaker} against everyone else: used more (z > 0) first, then used less`,
    onSort: (sort) => {
      state.distinctiveSort = sort;
      renderDistinctive();
      $('distinctive-table').querySelector('[aria-sort] button')?.focus();
    },
  }));
}

for (const id of ['distinctive-speaker', 'distinctive-limit']) $(id).addEventListener('change', () => state.analysis && renderDistinctive());

/** Makes a chart's y-axis labels clickable: `onPick(term)` (default: its concordance). */
function clickableTickLabels(svg, terms, onPick = (term) => showKwic(term)) {
  for (const t of svg.querySelectorAll('g[aria-label="y-axis tick label"] text')) t.classList.add('clickable');
  svg.addEventListener('click', (e) => {
    const t = e.target.closest('g[aria-label="y-axis tick label"] text');
    if (t && terms.includes(t.textContent)) onPick(t.textContent);
  });
}

// Collocations ---------------------------------------------------------------

const MEASURES = {
  logDice: { label: 'logDice', digits: 2 },
  mi: { label: 'MI', digits: 2 },
  t: { label: 't-score', digits: 2 },
  g2: { label: 'G²', digits: 2 },
  count: { label: 'count', digits: 0 },
};

/** The custom stopwords, which the core's queries do not take: the page leaves them out of their rows. */
const customStopwords = () => new Set(state.settings.extra);

async function renderCollocations() {
  const a = state.analysis;
  const bigrams = $('colloc-bigrams').checked;
  const node = bigrams ? null : (state.collocNode ?? visibleTerms()[0]?.term ?? '');
  $('colloc-node').disabled = bigrams;
  if (!bigrams) $('colloc-node').value = node;
  const window = Number($('colloc-window').value);
  let min = Math.round(Number($('colloc-min').value));
  if (!Number.isFinite(min) || min < 1 || min > 999) {
    min = 3;
    $('colloc-min').value = '3';
  }
  const sort = $('colloc-sort').value;
  const measure = MEASURES[sort];
  const figure = $('colloc-chart');
  const note = $('colloc-note');
  const table = $('colloc-table');
  state.tables.colloc = null;
  if (!bigrams && !node) {
    note.textContent = visibleTerms().length ? 'Type a node word, or tick All bigrams.'
      : noWordsReason() ?? `${noTermsReason()} Type a node word, or tick All bigrams.`;
    figure.removeAttribute('aria-label');
    figure.replaceChildren();
    table.replaceChildren();
    return;
  }
  const extra = customStopwords();
  // Custom stopwords are left out here, so ask for enough rows to fill the table without them.
  const limit = extra.size ? Math.min(5000, COLLOC_ROWS + extra.size * (bigrams ? 50 : 1)) : COLLOC_ROWS;
  const seq = ++state.collocSeq;
  figure.setAttribute('aria-busy', 'true');
  note.textContent = 'Finding collocates…';
  let rows;
  try {
    rows = await engine.collocations(node, { window, minCount: min, sort, limit, stopwords: state.settings.stopwords });
  } catch (err) {
    if (seq !== state.collocSeq || err.message === 'cancelled') return;
    figure.removeAttribute('aria-busy');
    note.textContent = `The collocations could not be computed: ${err.message}`;
    return;
  }
  if (rows === null || seq !== state.collocSeq || state.analysis !== a) return;
  figure.removeAttribute('aria-busy');
  if (extra.size) rows = rows.filter((r) => !r.term.split(' ').some((w) => extra.has(w)));
  rows = rows.slice(0, COLLOC_ROWS);
  const what = bigrams ? 'word pairs' : `collocates of “${node}”`;
  if (rows.length === 0) {
    note.textContent = bigrams ? `No word pair occurs ${min} times or more.`
      : /\s/.test(node) ? 'The node is one word (or a * pattern). For word pairs, tick All bigrams.'
        : `No collocate of “${node}” occurs ${min} times or more within ±${window} words.`;
    figure.removeAttribute('aria-label');
    figure.replaceChildren();
    table.replaceChildren();
    return;
  }
  const lowMi = rows.some((r) => r.mi === null);
  note.textContent = `${fmt.int(rows.length)} ${what}${bigrams ? '' : ` (${fmt.int(rows[0].nodeCount)} occurrences) within ±${window} words`}, seen at least ${min} times, ranked by ${measure.label}.${lowMi ? ' MI needs 5 co-occurrences: “—” below that.' : ''} Click a ${bigrams ? 'pair' : 'collocate'} to see it in context.`;
  const open = (r) => (bigrams ? showKwic(r.term) : showKwic(node, { collocate: r.term, window }));
  const bars = rows.filter((r) => r[sort] !== null).slice(0, COLLOC_BARS);
  const svg = collocationsChart({ rows: bars, key: sort, label: measure.label, fill: NEUTRAL, width: chartWidth(figure) });
  putChart(figure, svg, `Bar chart of the ${bars.length} ${bigrams ? 'most associated word pairs' : `strongest collocates of “${node}”`} by ${measure.label}: ${bars.slice(0, 10).map((r) => `${r.term} ${fmt.fixed(r[sort], measure.digits)}`).join(', ')}`);
  onMarkClick(svg, 'g[aria-label="bar"] rect', bars, open);
  clickableTickLabels(svg, bars.map((b) => b.term), (term) => open(bars.find((b) => b.term === term)));
  const max = rows.reduce((m, r) => Math.max(m, r[sort] ?? 0), 0) || 1;
  const value = (key, digits) => (r) => {
    const v = r[key];
    const text = fmt.fixed(v, digits);
    if (key !== sort || v === null) return text;
    return cellBar(v / max, text);
  };
  const col = (key, label, title, digits) => ({
    key, label, title, numeric: true, value: (r) => r[key] ?? -Infinity, cell: value(key, digits),
    csv: (r) => (r[key] === null ? '' : r[key]), attrs: (r) => ({ 'data-value': r[key] === null ? '' : r[key] }),
  });
  const columns = [
    { key: 'term', label: bigrams ? 'Bigram' : 'Collocate', value: (r) => r.term,
      cell: (r) => h('button', { type: 'button', class: 'term', title: bigrams ? `Show every occurrence of “${r.term}”` : `Show “${node}” with “${r.term}” nearby`, onclick: () => open(r) }, r.term) },
    col('count', 'Count', bigrams ? 'Occurrences of the pair (O)' : `Co-occurrences within ±${window} words (O)`, 0),
    col('nodeCount', bigrams ? 'First f' : 'Node f', bigrams ? "The first word's frequency" : "The node's frequency (f_node)", 0),
    col('collocateCount', bigrams ? 'Second f' : 'Collocate f', bigrams ? "The second word's frequency" : "The collocate's frequency (f_coll)", 0),
    col('mi', 'MI', 'log₂(O/E); only when O ≥ 5', 2),
    col('t', 't', '(O − E) / √O', 2),
    col('logDice', 'logDice', '14 + log₂(2O / (f_node + f_coll))', 2),
    col('g2', 'G²', 'Four-term log-likelihood', 2),
  ];
  if (state.collocSort && !columns.some((c) => c.key === state.collocSort.key)) state.collocSort = null;
  const sorted = sortRows(columns, rows, state.collocSort);
  state.tables.colloc = { columns, rows: sorted, suffix: bigrams ? 'bigrams' : `collocations-${slug(node)}` };
  table.replaceChildren(dataTable({
    columns, rows: sorted, sort: state.collocSort,
    caption: bigrams ? `Word pairs, ranked by ${measure.label}` : `Collocates of “${node}” within ±${window} words, ranked by ${measure.label}`,
    onSort: (s) => {
      state.collocSort = s;
      renderCollocations().then(() => table.querySelector('[aria-sort] button')?.focus());
    },
  }));
}

/** Reads the node typed (empty: the top term) and shows its collocates. */
function updateCollocations() {
  if (!$('colloc-node').disabled) state.collocNode = $('colloc-node').value.trim().toLowerCase() || null;
  if (state.analysis) renderCollocations();
}
$('colloc-form').addEventListener('submit', (e) => {
  e.preventDefault();
  updateCollocations();
});
for (const id of ['colloc-bigrams', 'colloc-window', 'colloc-min', 'colloc-sort']) {
  $(id).addEventListener('change', () => {
    if (id === 'colloc-sort') state.collocSort = null;
    updateCollocations();
  });
}

// Dispersion --------------------------------------------------------------

/** The parts DP is computed over: a number of equal parts, or 'speakers'. */
function dispersionParts() {
  const v = $('dispersion-parts').value;
  return v === 'speakers' ? 'speakers' : Number(v);
}

/** A dispersion row's occurrences by speaker (counted once per row). */
const speakerCounts = new WeakMap();
function bySpeakerCount(d) {
  let counts = speakerCounts.get(d);
  if (!counts) {
    counts = new Map();
    for (const s of d.speakers) counts.set(s, (counts.get(s) ?? 0) + 1);
    speakerCounts.set(d, counts);
  }
  return counts;
}

async function renderDispersion() {
  const a = state.analysis;
  const figure = $('dispersion-chart');
  const terms = state.dispersionTerms ?? visibleTerms().slice(0, 5).map((t) => t.term);
  const parts = dispersionParts();
  const partsText = parts === 'speakers' ? "parts: the speakers (each speaker's words)" : `parts: ${parts} equal slices of the transcript`;
  $('dispersion-parts-note').textContent = partsText;
  $('dispersion-terms').value = terms.join(', ');
  renderSpread(parts);
  if (!terms.length) {
    figure.replaceChildren(h('p', { class: 'hint', text: visibleTerms().length ? 'Type the terms to plot.' : noWordsReason() ?? `${noTermsReason()} You can still type terms to plot.` }));
    return;
  }
  const seq = ++state.dispersionSeq;
  figure.setAttribute('aria-busy', 'true');
  let rows;
  try {
    rows = await engine.dispersion(terms, { parts });
  } catch (err) {
    if (seq !== state.dispersionSeq) return;
    figure.removeAttribute('aria-busy');
    if (err.message !== 'cancelled') figure.replaceChildren(h('p', { class: 'error-text', text: `Could not compute the dispersion: ${err.message}` }));
    return;
  }
  if (!rows || state.analysis !== a || seq !== state.dispersionSeq) return; // a newer request will draw its own
  figure.removeAttribute('aria-busy');
  const tokens = rows[0]?.tokens ?? a.summary.tokens;
  // One tick per occurrence; ticks that would fall on the same pixel draw as one
  // (the first of them), so a frequent term in a big text stays a light SVG.
  const width = chartWidth(figure);
  const pixels = Math.max(100, width);
  const points = [];
  for (const d of rows) {
    let last = -1;
    d.positions.forEach((position, i) => {
      const speaker = d.speakers[i];
      if (state.hidden.has(speaker)) return;
      const pixel = Math.floor((position / Math.max(1, tokens)) * pixels);
      if (pixel === last) return;
      last = pixel;
      points.push({ term: d.term, position, speaker, start: d.starts[i] });
    });
  }
  const visibleNames = visibleSpeakers().map((s) => s.name);
  legend($('dispersion-legend'), visibleNames);
  const colours = new Map(visibleNames.map((n) => [n, colourOf(n)]));
  const label = `Dispersion plot over ${fmt.int(tokens)} words: ${rows.map((d) => `${d.term} ${d.count} occurrences, DP ${fmt.fixed(d.dp, 2)}`).join('; ')}`;
  const svg = dispersionChart({ points, terms, tokens, colours, width, dps: rows.map((d) => ({ term: d.term, dp: d.dp })) });
  putChart(figure, svg, label);
  onTickClick(svg, points, (p) => showInTranscript(p.start, p.start + p.term.length));
  const columns = [
    { key: 'term', label: 'Term', value: (d) => d.term, cell: (d) => termButton(d.term) },
    { key: 'count', label: 'Occurrences', numeric: true, value: (d) => d.count, cell: (d) => fmt.int(d.count) },
    { key: 'dp', label: 'DP', numeric: true, title: `Gries' DP, normalised: 0 even, 1 all in one part (${partsText})`, value: (d) => d.dp ?? -1, cell: (d) => fmt.fixed(d.dp, 2), csv: (d) => (d.dp === null ? '' : d.dp.toFixed(4)), attrs: (d) => ({ 'data-value': d.dp ?? '' }) },
    { key: 'first', label: 'First at word', numeric: true, value: (d) => d.positions[0] ?? -1, cell: (d) => (d.count ? fmt.int(d.positions[0]) : '—'), csv: (d) => d.positions[0] ?? '' },
    { key: 'last', label: 'Last at word', numeric: true, value: (d) => d.positions.at(-1) ?? -1, cell: (d) => (d.count ? fmt.int(d.positions.at(-1)) : '—'), csv: (d) => d.positions.at(-1) ?? '' },
    ...visibleNames.slice(0, SPEAKER_COLUMNS_MAX).map((name) => ({ key: `sp:${name}`, label: name, numeric: true, value: (d) => bySpeakerCount(d).get(name) ?? 0 })),
  ];
  if (state.dispersionSort && !columns.some((c) => c.key === state.dispersionSort.key)) state.dispersionSort = null;
  const sorted = sortRows(columns, rows, state.dispersionSort);
  state.tables.dispersion = { columns, rows: sorted };
  $('dispersion-table').replaceChildren(dataTable({
    columns, rows: sorted, sort: state.dispersionSort, caption: `Occurrences and dispersion (DP over ${partsText.replace('parts: ', '')}) of the plotted terms.${columnsNote()}`,
    onSort: (sort) => {
      state.dispersionSort = sort;
      renderDispersion();
    },
  }));
}

/** The most evenly and most unevenly spread terms, from the core. */
async function renderSpread(parts) {
  const a = state.analysis;
  const seq = ++state.spreadSeq;
  const extra = customStopwords();
  let spread;
  try {
    spread = await engine.spread({ parts, limit: SPREAD_ROWS + extra.size, stopwords: state.settings.stopwords });
  } catch (err) {
    if (seq === state.spreadSeq && err.message !== 'cancelled') $('spread-note').textContent = `The spread could not be computed: ${err.message}`;
    return;
  }
  if (!spread || seq !== state.spreadSeq || state.analysis !== a) return;
  const columns = [
    { key: 'term', label: 'Term', value: (d) => d.term, cell: (d) => termButton(d.term) },
    { key: 'count', label: 'Count', numeric: true, value: (d) => d.count, cell: (d) => fmt.int(d.count) },
    { key: 'dp', label: 'DP', numeric: true, value: (d) => d.dp, cell: (d) => cellBar(d.dp, fmt.fixed(d.dp, 2)),
    csv: (d) => d.dp.toFixed(4), attrs: (d) => ({ 'data-value': d.dp }) },
  ];
  const over = parts === 'speakers' ? 'the speakers' : `${parts} equal parts`;
  for (const [key, caption] of [['even', `The most evenly spread terms (lowest DP over ${over})`], ['uneven', `The most unevenly spread terms (highest DP over ${over})`]]) {
    const rows = spread[key].filter((d) => !extra.has(d.term)).slice(0, SPREAD_ROWS);
    state.tables[`spread-${key}`] = { columns, rows, suffix: `${key === 'even' ? 'most-even' : 'most-uneven'}` };
    $(`spread-${key}`).replaceChildren(rows.length ? dataTable({ columns, rows, caption }) : h('p', { class: 'hint', text: 'No term occurs 5 times or more.' }));
  }
  const both = spread.even.filter((d) => spread.uneven.some((u) => u.term === d.term)).length;
  $('spread-note').textContent = `Terms seen at least 5 times, stopwords left out, DP over ${over}.${both ? ` With few such terms, ${both === 1 ? 'one term is' : `${both} terms are`} in both lists.` : ''} Click a term to see it in context.`;
}

$('dispersion-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const terms = [...new Set($('dispersion-terms').value.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, 20);
  state.dispersionTerms = terms.length ? terms : null;
  if (state.analysis) renderDispersion();
});
$('dispersion-reset').addEventListener('click', () => {
  state.dispersionTerms = null;
  if (state.analysis) renderDispersion();
});
$('dispersion-parts').addEventListener('change', () => state.analysis && renderDispersion());

// Summary -----------------------------------------------------------------

function renderSummary() {
  const a = state.analysis;
  const s = a.summary;
  const rows = [
    ['Words (tokens)', s.tokens], ['Types (distinct words)', s.types], ['Sentences', s.sentences], ['Turns', s.turns],
    ['Speakers', s.speakers], ['Format', s.format], ['Script', s.script ?? 'unknown'],
    ['Language', s.languageName ? `${s.languageName} (${s.language})` : 'unknown'], ['Stopwords', s.stopwords],
    ['Word forms grouped (stemming)', s.stemmer ? `yes: Snowball, ${S.STOPWORD_LANGUAGES[s.stemmer] ?? s.stemmer}` : state.settings.stem ? 'no: no stemmer for this language' : 'no'],
    ['Stage directions removed', s.stageDirections], ['Page furniture lines excluded', s.excludedFurnitureLines],
  ].map(([metric, value]) => ({ metric, value }));
  const columns = [
    { key: 'metric', label: 'Measure', value: (r) => r.metric },
    { key: 'value', label: 'Value', numeric: true, value: (r) => r.value, cell: (r) => (typeof r.value === 'number' ? fmt.int(r.value) : r.value) },
  ];
  state.tables.summary = { columns, rows };
  $('summary-table').replaceChildren(dataTable({ columns, rows, caption: 'Summary of the transcript' }));
  renderLexical();
  const dcols = [
    { key: 'kind', label: 'Kind', value: (d) => d.kind },
    { key: 'count', label: 'Count', numeric: true, value: (d) => d.count },
  ];
  state.tables.directions = { columns: dcols, rows: a.stageDirections };
  $('directions').hidden = a.stageDirections.length === 0;
  $('directions-table').replaceChildren(dataTable({ columns: dcols, rows: a.stageDirections, caption: 'Stage directions removed from speech, by kind' }));
  state.tables.diagnostics = {
    columns: [
      { key: 'kind', label: 'Kind', value: (d) => d.kind },
      { key: 'message', label: 'Message', value: (d) => d.message },
      { key: 'start', label: 'Start', value: (d) => d.start },
      { key: 'end', label: 'End', value: (d) => d.end },
    ],
    rows: a.diagnostics,
  };
  renderDiagnostics();
}

function renderDiagnostics() {
  const all = state.analysis.diagnostics;
  const shown = state.diagnosticsAll ? all : all.slice(0, DIAGNOSTIC_ROWS);
  $('diagnostics').replaceChildren(...(all.length ? shown.map((d) => h('li', {},
    h('span', { class: 'tag', text: d.kind }), ' ', d.message, ' ',
    d.end > d.start ? h('button', { type: 'button', class: 'link', onclick: () => showInTranscript(d.start, d.end) }, 'Show in transcript') : null))
    : [h('li', { class: 'hint', text: 'Nothing doubtful: no diagnostics.' })]));
  if (shown.length < all.length) {
    $('diagnostics').append(h('li', { class: 'hint', text: `The first ${fmt.int(shown.length)} of ${fmt.int(all.length)} diagnostics (the CSV has them all).` }));
  }
  $('diagnostics-more').hidden = shown.length >= all.length;
  $('diagnostics-more').textContent = `Show all ${fmt.int(all.length)} diagnostics`;
}

$('diagnostics-more').addEventListener('click', () => {
  state.diagnosticsAll = true;
  if (state.analysis) renderDiagnostics();
});

/** The vocabulary and readability measures, with the digits shown (`whole`: not per speaker, the speakers table has words). */
const LEXICAL = [
  { key: 'words', label: 'Words', digits: 0, whole: true },
  { key: 'types', label: 'Types', digits: 0, whole: true },
  { key: 'ttr', label: 'TTR', digits: 3, long: 'Type/token ratio (TTR)' },
  { key: 'mattr', label: 'MATTR', digits: 3, long: 'MATTR (500-word windows)' },
  { key: 'hapax', label: 'Hapax', digits: 0, long: 'Hapax legomena' },
  { key: 'sentences', label: 'Sentences', digits: 0 },
  { key: 'meanSentence', label: 'Mean sentence', digits: 1, long: 'Mean sentence length (words)' },
  { key: 'questions', label: 'Questions', digits: 0 },
  { key: 'colemanLiau', label: 'Coleman–Liau', digits: 1, long: 'Coleman–Liau index' },
];

/** The whole transcript's and each speaker's vocabulary and readability measures. */
function renderLexical() {
  const a = state.analysis;
  const s = a.summary;
  const whole = {
    words: s.tokens, types: s.types, ttr: s.ttr, mattr: s.mattr, hapax: s.hapax, sentences: s.sentences,
    meanSentence: s.meanSentenceLength, questions: a.speakers.reduce((n, sp) => n + sp.questions, 0), colemanLiau: s.colemanLiau,
  };
  const show = (m, v) => (m.digits === 0 && v !== null ? fmt.int(v) : fmt.fixed(v, m.digits));
  const csv = (m, v) => (v === null || v === undefined ? '' : m.digits === 0 ? v : Number(v.toFixed(6)));
  const rows = LEXICAL.map((m) => ({ key: m.key, measure: m.long ?? m.label, value: whole[m.key], m }));
  const columns = [
    { key: 'measure', label: 'Measure', value: (r) => r.measure },
    { key: 'value', label: 'Value', numeric: true, value: (r) => r.value ?? '', cell: (r) => show(r.m, r.value), csv: (r) => csv(r.m, r.value), attrs: (r) => ({ 'data-measure': r.key, 'data-value': r.value ?? '' }) },
  ];
  state.tables.lexical = { columns, rows, suffix: 'vocabulary' };
  $('lexical-table').replaceChildren(dataTable({ columns, rows, caption: 'Vocabulary and readability of the whole transcript (definitions below)' }));

  // Per speaker; the core's mean sentence length is 0 for a speaker with no sentence.
  const perSpeaker = a.speakers.map((sp) => ({
    name: sp.name, words: sp.words, types: sp.types, ttr: sp.ttr, mattr: sp.mattr, hapax: sp.hapax, sentences: sp.sentences,
    meanSentence: sp.sentences ? sp.meanSentenceLength : null, questions: sp.questions, colemanLiau: sp.colemanLiau,
  }));
  const scols = [
    { key: 'name', label: 'Speaker', value: (r) => r.name, cell: (r) => [swatch(r.name), r.name] },
    ...LEXICAL.filter((m) => !m.whole).map((m) => ({
      key: m.key, label: m.label, title: m.long, numeric: true, value: (r) => r[m.key] ?? -Infinity,
      cell: (r) => show(m, r[m.key]), csv: (r) => csv(m, r[m.key]), attrs: (r) => ({ 'data-value': r[m.key] ?? '' }),
    })),
  ];
  if (state.lexicalSort && !scols.some((c) => c.key === state.lexicalSort.key)) state.lexicalSort = null;
  const sorted = sortRows(scols, perSpeaker, state.lexicalSort);
  state.tables['speaker-stats'] = { columns: scols, rows: sorted, suffix: 'speaker-stats' };
  const limit = showMore($('speaker-stats-more'), sorted.length, state.speakerStatsAll);
  $('speaker-stats-table').replaceChildren(dataTable({
    columns: scols, rows: sorted, sort: state.lexicalSort, limit,
    caption: `Vocabulary and readability by speaker (definitions below)${limit < sorted.length ? `; the first ${fmt.int(limit)} of ${fmt.int(sorted.length)} rows` : ''}`,
    onSort: (sort) => {
      state.lexicalSort = sort;
      renderLexical();
      $('speaker-stats-table').querySelector('[aria-sort] button')?.focus();
    },
  }));
}

// ---------------------------------------------------------------- concordance (KWIC)

/**
 * Opens the concordance of `term` (a term, a phrase or a `*` pattern). With stemming, a
 * grouped term lists every one of its forms. `collocate` (with `window`): only the lines
 * where that word is within `window` words of the term, with it marked.
 */
async function showKwic(term, { collocate = null, window = null } = {}) {
  state.kwic = { term, queries: collocate ? [term] : kwicQueries(term), collocate, window, all: false };
  if (collocate) $('kwic-width').value = String(window);
  $('kwic-query').value = term;
  $('kwic').hidden = false;
  $('kwic-heading').textContent = kwicHeading();
  await runKwic();
  $('kwic').scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  $('kwic-heading').focus({ preventScroll: true });
}

/** What the core is asked for `term`: its forms when stemming grouped some, else the term. */
function kwicQueries(term) {
  const forms = formsOf(term);
  return forms.length > 1 ? forms : [term];
}

function kwicHeading() {
  const { term, queries, collocate, window } = state.kwic;
  if (collocate) return `Occurrences of “${term}” with “${collocate}” within ${window} words`;
  return queries.length > 1 ? `Occurrences of “${term}” (${queries.join(', ')})` : `Occurrences of “${term}”`;
}

/** A pattern matching `word` as a whole word (case-insensitive, either apostrophe). */
function wordPattern(word) {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_'’-])${escaped}(?![\\p{L}\\p{M}\\p{N}_'’-])`, 'giu');
}

/** `text` as nodes, with the matches of `pattern` in <mark class="co">. */
function marked(text, pattern) {
  if (!pattern) return [text];
  const out = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    out.push(text.slice(at, m.index), h('mark', { class: 'co', text: m[0] }));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

async function runKwic() {
  const { queries, collocate, all } = state.kwic;
  const seq = ++state.kwicSeq;
  const note = $('kwic-note');
  const width = Number($('kwic-width').value);
  note.textContent = engine.indexed ? 'Finding occurrences…' : 'Indexing the text for search…';
  let rows;
  try {
    rows = await engine.kwic(queries.length === 1 ? queries[0] : queries, { width, sort: $('kwic-sort').value, limit: collocate ? 20 * KWIC_LIMIT : KWIC_LIMIT });
  } catch (err) {
    if (seq === state.kwicSeq && err.message !== 'cancelled') note.textContent = `The occurrences could not be found: ${err.message}`;
    return;
  }
  if (rows === null || seq !== state.kwicSeq) return;
  // A collocate: the lines with it in their context (found here by its spelling; the core
  // counted its tokens, so if the spelling finds nothing, every line is shown).
  const pattern = collocate ? wordPattern(collocate) : null;
  const total = rows.length;
  let filtered = false;
  if (pattern && !all) {
    const near = rows.filter((r) => r.left.search(pattern) >= 0 || r.right.search(pattern) >= 0);
    if (near.length) {
      rows = near;
      filtered = true;
    }
  }
  $('kwic-all').hidden = !filtered || rows.length === total;
  rows = rows.slice(0, KWIC_LIMIT);
  state.tables.kwic = {
    columns: [
      { key: 'speaker', label: 'Speaker', value: (r) => r.speaker },
      { key: 'left', label: 'Left', value: (r) => r.left },
      { key: 'match', label: 'Match', value: (r) => r.match },
      { key: 'right', label: 'Right', value: (r) => r.right },
      { key: 'start', label: 'Start', value: (r) => r.start },
      { key: 'end', label: 'End', value: (r) => r.end },
    ],
    rows,
    suffix: `kwic-${slug(collocate ? `${state.kwic.term} ${collocate}` : state.kwic.term)}`,
  };
  const capped = !collocate && rows.length === KWIC_LIMIT;
  note.textContent = rows.length === 0 ? 'No occurrences.'
    : filtered ? `${fmt.int(rows.length)} of the ${fmt.int(total)} occurrences of “${state.kwic.term}” have “${collocate}” within ${width} words.`
      : `${fmt.int(rows.length)}${capped ? '+' : ''} occurrence${rows.length === 1 ? '' : 's'}${capped ? ` (the first ${KWIC_LIMIT})` : ''}.`;
  $('kwic-list').replaceChildren(...rows.map((r, i) => h('li', { class: 'kw' },
    h('span', { class: 'kw-speaker' }, swatch(r.speaker), h('span', { text: r.speaker })),
    h('span', { class: 'kw-left' }, h('span', {}, marked(r.left, pattern))),
    h('mark', { text: r.match }),
    h('span', { class: 'kw-right' }, marked(r.right, pattern)),
    h('button', {
      type: 'button', class: 'link goto', 'aria-label': `Show occurrence ${i + 1} in the transcript`,
      onclick: () => showInTranscript(r.start, r.end),
    }, 'Show'))));
}

$('kwic-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const query = $('kwic-query').value.replace(/\s+/g, ' ').trim();
  if (query && state.analysis) showKwic(query);
});
for (const id of ['kwic-sort', 'kwic-width']) $(id).addEventListener('change', () => state.kwic && runKwic());
$('kwic-all').addEventListener('click', () => {
  if (!state.kwic) return;
  state.kwic.all = true;
  runKwic();
});
$('kwic-close').addEventListener('click', () => {
  state.kwic = null;
  $('kwic').hidden = true;
});
$('kwic-plot').addEventListener('click', () => {
  if (!state.kwic) return;
  const { term } = state.kwic;
  const terms = state.dispersionTerms ?? visibleTerms().slice(0, 5).map((t) => t.term);
  state.dispersionTerms = [term, ...terms.filter((t) => t !== term)].slice(0, 20);
  state.dirty.add('dispersion');
  $('tab-dispersion').click();
  $('tab-dispersion').focus();
});

/** Selects `start..end` (UTF-16 offsets) in the transcript and scrolls it into view. */
function showInTranscript(start, end) {
  if (transcript().length !== state.textLength) {
    setStatus('The text has changed since it was analysed, so this position may be off.');
  }
  if (large.text !== null) {
    if (start < large.start || end > large.end) showWindow(start - WINDOW / 4);
    start -= large.start;
    end -= large.start;
  }
  ta.focus({ preventScroll: true });
  ta.setSelectionRange(start, end, 'forward');
  scrollTextareaTo(start);
  ta.scrollIntoView({ block: 'nearest' });
}

/** Scrolls the textarea so that offset `at` is in view, measured on a hidden copy. */
function scrollTextareaTo(at) {
  const style = getComputedStyle(ta);
  const mirror = h('div', { 'aria-hidden': 'true' });
  for (const p of ['boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth',
    'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'fontFamily', 'fontSize', 'fontWeight', 'lineHeight',
    'letterSpacing', 'tabSize', 'wordSpacing', 'textTransform']) mirror.style[p] = style[p];
  Object.assign(mirror.style, { position: 'absolute', visibility: 'hidden', top: '0', left: '-9999px', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', height: 'auto' });
  const marker = h('span', { text: '\u200b' });
  mirror.append(document.createTextNode(ta.value.slice(0, at)), marker);
  document.body.append(mirror);
  const top = marker.offsetTop;
  mirror.remove();
  ta.scrollTop = Math.max(0, top - ta.clientHeight / 3);
}

// ---------------------------------------------------------------- exports

const baseName = () => slug(state.source);

function chartLegend(id) {
  const names = visibleSpeakers().map((s) => s.name);
  if (id === 'distinctive-chart') return distinctiveLegend($('distinctive-speaker').value);
  if (id === 'colloc-chart') return [];
  if (id === 'terms-chart' && !$('terms-split').checked) {
    const speaker = $('terms-speaker').value;
    return speaker ? [[speaker, colourOf(speaker)]] : [];
  }
  return legendEntries(names);
}

const CHART_TITLES = {
  'speakers-chart': () => 'Share of words by speaker',
  'terms-chart': () => 'Most frequent terms',
  'distinctive-chart': () => `Distinctive words of ${$('distinctive-speaker').value} (Fightin' Words z)`,
  'colloc-chart': () => ($('colloc-bigrams').checked ? 'Word pairs' : `Collocates of “${$('colloc-node').value}”`) + ` by ${MEASURES[$('colloc-sort').value].label}`,
  'dispersion-chart': () => 'Where the terms occur',
};

document.addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-export]');
  if (!button) return;
  const id = button.dataset.export;
  const svg = $(id).querySelector('svg');
  if (!svg) return;
  const title = `${CHART_TITLES[id]()} — ${state.source}`;
  const doc = standaloneSvg(svg, { title, legend: chartLegend(id) });
  const name = `${baseName()}-${id.replace('-chart', '')}`;
  try {
    if (button.dataset.kind === 'svg') download(svgBlob(doc), `${name}.svg`);
    else download(await pngBlob(doc), `${name}.png`);
  } catch (err) {
    showError(`The chart could not be exported: ${err.message}`);
  }
});

for (const name of ['speakers', 'terms', 'phrases', 'distinctive', 'colloc', 'dispersion', 'spread-even', 'spread-uneven',
  'summary', 'lexical', 'speaker-stats', 'directions', 'diagnostics', 'kwic']) {
  $(`${name}-csv`).addEventListener('click', () => {
    const table = state.tables[name];
    if (!table) return;
    download(csvBlob(toCsv(table.columns, table.rows)), `${baseName()}-${table.suffix ?? name}.csv`);
  });
}

$('export-json').addEventListener('click', () => {
  if (!state.analysis) return;
  download(jsonBlob({
    colloquy: state.version,
    source: state.source,
    settings: { ...S.parseOptions(state.settings, state.aliases), ...S.viewOptions(state.settings) },
    hiddenSpeakers: [...state.hidden],
    analysis: state.analysis,
  }), `${baseName()}-analysis.json`);
});

// ---------------------------------------------------------------- start

/** Draws each chart once, off the page, so the first real one is not slowed by cold code. */
function warmUpCharts() {
  const colours = colourMap(['A', 'B']);
  const speakers = [{ name: 'A', words: 3 }, { name: 'B', words: 2 }];
  const terms = [{ term: 'x', count: 2, speaker: 'A' }, { term: 'y', count: 1, speaker: 'B' }];
  speakersChart({ speakers, colours, width: 400 });
  termsChart({ rows: terms, terms: ['x', 'y'], colours, width: 400, fill: '#000', stacked: false });
  termsChart({ rows: terms, terms: ['x', 'y'], colours, width: 400, stacked: true });
  dispersionChart({ points: [{ term: 'x', position: 1, speaker: 'A' }], terms: ['x'], tokens: 5, colours, width: 400, dps: [{ term: 'x', dp: 0.5 }] });
  const scored = [{ term: 'x', z: 2, count: 2, otherCount: 0, g2: 3, logRatio: 1 }, { term: 'y', z: -1, count: 0, otherCount: 2, g2: -2, logRatio: -1 }];
  distinctiveChart({ rows: scored, colour: PALETTE[0], other: NEUTRAL, width: 400 });
  collocationsChart({ rows: [{ term: 'x', logDice: 12, count: 3 }], key: 'logDice', label: 'logDice', fill: NEUTRAL, width: 400 });
  dataTable({ columns: SPEAKER_COLUMNS.slice(1, 2), rows: [{ words: 1 }], sort: { key: 'words', dir: 'desc' }, onSort() {} });
}

new ResizeObserver(debounce(() => {
  const width = $('results').clientWidth;
  if (width && Math.abs(width - lastWidth) > 8) {
    lastWidth = width;
    redraw();
  }
}, 150)).observe($('results'));

writeForm();
selectTab(state.settings.view);
if (restore()) requestAnalysis('restore');
body.dataset.ready = 'true';

// Offline after the first visit. Relative, so it works under any sub-path.
if ('serviceWorker' in navigator && window.isSecureContext) {
  // After load and when idle, so precaching never competes with a first analysis.
  window.addEventListener('load', () => (window.requestIdleCallback ?? setTimeout)(() => {
    navigator.serviceWorker.register('./sw.js').then(
      () => { body.dataset.sw = 'registered'; },
      (err) => { body.dataset.sw = `failed: ${err.message}`; },
    );
  }, { timeout: 3000 }));
}
