// The page: input, settings, the analysis worker, and the views.
// Text, speaker names, terms, file names and hash values are untrusted: they are only
// ever inserted as text (textContent, form values), never as HTML.
import { h, $, fmt, slug, debounce } from './dom.js';
import { Engine, STREAM_OVER } from './engine.js';
import * as S from './settings.js';
import { readTextFile, FileError, ACCEPT } from './files.js';
import { colourMap, speakersChart, termsChart, dispersionChart, onMarkClick, onTickClick } from './charts.js';
import { dataTable, sortRows, toCsv } from './table.js';
import { download, csvBlob, jsonBlob, standaloneSvg, svgBlob, pngBlob } from './exporting.js';

const UNATTRIBUTED = '(unattributed)';
/** Bars that belong to no one speaker: a grey-blue that no speaker has. */
const NEUTRAL = '#6b7f99';
const TYPING_MS = 400;
const KWIC_LIMIT = 1000;
const PHRASE_ROWS = 200;
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
  phrasesAll: false,
  dispersionTerms: null, // null: the top terms
  kwic: null, // { query }
  kwicSeq: 0,
  analyses: 0,
};

// ---------------------------------------------------------------- engine

const engine = new Engine({
  onReady(version) {
    state.version = version;
    $('version').textContent = `v${version}`;
    body.dataset.engine = 'ready';
    (window.requestIdleCallback ?? setTimeout)(warmUpCharts);
  },
  onProgress({ done, total, phase }) {
    showProgress(done / total, phase === 'reading' ? `Reading ${fmt.pct(done / total)}` : '');
  },
  onResult(analysis, { ms: workerMs }) {
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
    body.dataset.analyses = String(state.analyses);
    body.dataset.state = 'done';
    const words = `${fmt.int(analysis.summary.tokens)} words, ${fmt.int(analysis.summary.speakers)} speakers`;
    setStatus(`${job?.prefix ?? ''}Analysed ${words} in ${fmt.ms(ms)}.${job?.big ? ' Indexing the text for search…' : ''}`);
    if (job?.big) body.dataset.indexed = 'false';
    state.job = null;
  },
  onIndexed() {
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
    showError(`“${file.name}” is empty.`);
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
  $('set-hyphens').checked = s.splitHyphens;
  $('set-furniture').checked = s.keepFurniture;
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
  s.splitHyphens = $('set-hyphens').checked;
  s.keepFurniture = $('set-furniture').checked;
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
  const diags = a.diagnostics.length;
  $('diag-count').hidden = diags === 0;
  $('diag-count').textContent = String(diags);
  $('diag-count').setAttribute('aria-label', `${diags} diagnostics`);
  state.dirty = new Set(S.TABS);
  selectTab(state.settings.view);
  if (state.kwic) runKwic();
}

function renderTab(name) {
  state.dirty.delete(name);
  ({ speakers: renderSpeakers, terms: renderTerms, phrases: renderPhrases, dispersion: renderDispersion, summary: renderSummary })[name]();
}

/** Re-draws the views after a display-only change (hidden speakers, a resize). */
function redraw() {
  if (!state.analysis) return;
  state.dirty = new Set(S.TABS);
  renderTab(state.settings.view);
}

let lastWidth = 0;
const visibleSpeakers = () => state.analysis.speakers.filter((s) => !state.hidden.has(s.name));
const colourOf = (name) => state.colours.get(name) ?? '#8c8c8c';
const swatch = (name) => h('span', { class: 'swatch', 'aria-hidden': 'true', style: { background: colourOf(name) } });

/** The width for charts: the results column's (tab panels have no side padding). */
function chartWidth() {
  return Math.max(280, Math.floor(lastWidth || $('results').clientWidth || 600));
}

function legend(list, names) {
  list.replaceChildren(...names.map((name) => h('li', {}, swatch(name), name)));
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
  legend($('speakers-legend'), visible.map((s) => s.name));
  const figure = $('speakers-chart');
  if (visible.length && visible.some((s) => s.words > 0)) {
    const svg = speakersChart({ speakers: visible, colours: state.colours, width: chartWidth(figure) });
    const total = visible.reduce((n, s) => n + s.words, 0) || 1;
    putChart(figure, svg, `Stacked bar of the share of words by speaker: ${visible.map((s) => `${s.name} ${fmt.pct(s.words / total)}`).join(', ')}`);
  } else {
    figure.removeAttribute('aria-label');
    figure.replaceChildren(h('p', { class: 'hint', text: 'No speaker to show: every speaker is hidden.' }));
  }
  const rows = sortRows(SPEAKER_COLUMNS, a.speakers, state.speakersSort);
  state.tables.speakers = { columns: SPEAKER_COLUMNS, rows };
  $('speakers-table').replaceChildren(dataTable({
    columns: SPEAKER_COLUMNS, rows, sort: state.speakersSort,
    caption: 'Speakers: words, share of all words, turns, mean and longest turn, questions asked',
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

function renderSpeakerEdit() {
  const a = state.analysis;
  const names = a.speakers.map((s) => s.name);
  // Alias suggestions from the core, as one-click merges.
  const suggestions = a.aliasSuggestions.filter((s) => names.includes(s.from) && s.from !== s.to);
  const box = $('suggestions');
  box.hidden = suggestions.length === 0;
  box.replaceChildren(
    h('p', { text: 'These labels look like one speaker:' }),
    h('ul', {}, suggestions.map((s) => h('li', {}, h('button', {
      type: 'button', class: 'merge-suggestion', onclick: () => addAlias(s.from, s.to),
    }, `Merge “${s.from}” into “${s.to}”`)))),
  );
  const list = $('speaker-edit');
  list.replaceChildren(...a.speakers.map((s, i) => {
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
    const others = names.filter((n) => n !== s.name && n !== UNATTRIBUTED);
    const mergeSelect = h('select', { 'aria-label': `Merge ${s.name} into` },
      h('option', { value: '', text: 'Merge into…' }), others.map((n) => h('option', { value: n, text: n })));
    const merge = others.length && !unattributed ? h('form', { class: 'merge', onsubmit: (e) => {
      e.preventDefault();
      if (mergeSelect.value) addAlias(s.name, mergeSelect.value);
    } }, mergeSelect, h('button', { type: 'submit', text: 'Merge' })) : null;
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
  list.append(h('datalist', { id: 'speaker-names' }, names.filter((n) => n !== UNATTRIBUTED).map((n) => h('option', { value: n }))));
  const entries = Object.entries(state.aliases);
  $('aliases').hidden = entries.length === 0;
  $('alias-list').replaceChildren(...entries.map(([from, to]) => h('li', {},
    h('span', { text: `${from} → ${to}` }),
    h('button', { type: 'button', class: 'link', 'aria-label': `Undo ${from} → ${to}`, onclick: () => removeAlias(from) }, 'Undo'))));
}

function resetSpeakerEdits() {
  state.aliases = {};
  state.hidden = new Set();
  state.labels = new Set();
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
    ];
  } else {
    const visible = visibleSpeakers();
    const top = visibleTerms().slice(0, limit);
    terms = top.map((t) => t.term);
    tableRows = top;
    chartRows = split
      ? top.flatMap((t) => visible.filter((s) => t.bySpeaker[s.name]).map((s) => ({ term: t.term, speaker: s.name, count: t.bySpeaker[s.name] })))
      : top;
    label = `Bar chart of the ${top.length} most frequent terms${split ? ', split by speaker' : ''}: ${top.slice(0, 10).map((t) => `${t.term} ${t.count}`).join(', ')}`;
    columns = [
      { key: 'term', label: 'Term', value: (t) => t.term, cell: (t) => termButton(t.term) },
      { key: 'count', label: 'Count', numeric: true, value: (t) => t.count, cell: (t) => fmt.int(t.count) },
      { key: 'per10k', label: 'Per 10,000 words', numeric: true, value: (t) => t.per10k, cell: (t) => fmt.dec(t.per10k), csv: (t) => t.per10k.toFixed(2) },
      ...visible.map((s) => ({ key: `sp:${s.name}`, label: s.name, numeric: true, value: (t) => t.bySpeaker[s.name] ?? 0, cell: (t) => fmt.int(t.bySpeaker[s.name] ?? 0) })),
    ];
  }
  const legendList = $('terms-legend');
  legendList.hidden = !split;
  if (split) legend(legendList, visibleSpeakers().map((s) => s.name));
  if (terms.length) {
    const visibleColours = new Map(visibleSpeakers().map((s) => [s.name, colourOf(s.name)]));
    const svg = termsChart({ rows: chartRows, terms, colours: visibleColours, width: chartWidth(figure), fill, stacked: split });
    putChart(figure, svg, label);
    onMarkClick(svg, 'g[aria-label="bar"] rect', chartRows, (d) => showKwic(d.term));
    const ticks = svg.querySelectorAll('g[aria-label="y-axis tick label"] text');
    for (const t of ticks) t.classList.add('clickable');
    svg.addEventListener('click', (e) => {
      const t = e.target.closest('g[aria-label="y-axis tick label"] text');
      if (t && terms.includes(t.textContent)) showKwic(t.textContent);
    });
  } else {
    figure.removeAttribute('aria-label');
    figure.replaceChildren(h('p', { class: 'hint', text: 'No terms to show.' }));
  }
  if (state.termsSort && !columns.some((c) => c.key === state.termsSort.key)) state.termsSort = null;
  const rows = sortRows(columns, tableRows, state.termsSort);
  state.tables.terms = { columns, rows };
  $('terms-table-note').textContent = `${rows.length} terms${speaker ? ` of ${speaker}` : ''}.`;
  $('terms-table').replaceChildren(dataTable({
    columns, rows, sort: state.termsSort, caption: speaker ? `Top terms of ${speaker}` : 'Top terms',
    onSort: (sort) => {
      state.termsSort = sort;
      renderTerms();
      $('terms-table').querySelector('[aria-sort] button')?.focus();
    },
  }));
}

function termButton(term, count) {
  return h('button', { type: 'button', class: 'term', title: `Show every occurrence of “${term}”`, onclick: () => showKwic(term, count) }, term);
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
    { key: 'count', label: 'Count', numeric: true, value: (p) => p.count, cell: (p) => h('span', { class: 'cell-bar' },
      h('span', { class: 'bar', 'aria-hidden': 'true', style: { width: `${(p.count / max) * 100}%` } }), h('span', { class: 'v', text: fmt.int(p.count) })) },
    { key: 'speakers', label: 'By speaker', value: (p) => bySpeaker(p).map(([s, c]) => `${s}: ${c}`).join('; '), sortable: false,
      cell: (p) => bySpeaker(p).map(([s, c]) => h('span', { class: 'chip' }, swatch(s), `${s} ${c}`)) },
  ];
  const rows = sortRows(columns, filtered, state.phrasesSort);
  state.tables.phrases = { columns, rows };
  const shown = state.phrasesAll ? rows.length : Math.min(rows.length, PHRASE_ROWS);
  const total = a.phrases.length;
  $('phrases-note').textContent = rows.length === 0
    ? (total ? 'No phrase matches these filters.' : `No phrase occurs ${state.settings.minCount} times or more.`)
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

// Dispersion --------------------------------------------------------------

async function renderDispersion() {
  const a = state.analysis;
  const figure = $('dispersion-chart');
  const terms = state.dispersionTerms ?? visibleTerms().slice(0, 5).map((t) => t.term);
  $('dispersion-terms').value = terms.join(', ');
  if (!terms.length) {
    figure.replaceChildren(h('p', { class: 'hint', text: 'Type the terms to plot.' }));
    return;
  }
  figure.setAttribute('aria-busy', 'true');
  let rows;
  try {
    rows = await engine.dispersion(terms, {});
  } catch (err) {
    figure.removeAttribute('aria-busy');
    if (err.message !== 'cancelled') figure.replaceChildren(h('p', { class: 'error-text', text: `Could not compute the dispersion: ${err.message}` }));
    return;
  }
  if (!rows || state.analysis !== a) return; // a newer analysis will draw its own
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
  const label = `Dispersion plot over ${fmt.int(tokens)} words: ${rows.map((d) => `${d.term} ${d.count} occurrences`).join(', ')}`;
  const svg = dispersionChart({ points, terms, tokens, colours, width });
  putChart(figure, svg, label);
  onTickClick(svg, points, (p) => showInTranscript(p.start, p.start + p.term.length));
  const columns = [
    { key: 'term', label: 'Term', value: (d) => d.term, cell: (d) => termButton(d.term, d.count) },
    { key: 'count', label: 'Occurrences', numeric: true, value: (d) => d.count, cell: (d) => fmt.int(d.count) },
    { key: 'dp', label: 'DP', numeric: true, value: (d) => d.dp ?? -1, cell: (d) => (d.dp === null ? '—' : d.dp.toFixed(2)), csv: (d) => (d.dp === null ? '' : d.dp.toFixed(4)) },
    { key: 'first', label: 'First at word', numeric: true, value: (d) => d.positions[0] ?? -1, cell: (d) => (d.count ? fmt.int(d.positions[0]) : '—'), csv: (d) => d.positions[0] ?? '' },
    { key: 'last', label: 'Last at word', numeric: true, value: (d) => d.positions.at(-1) ?? -1, cell: (d) => (d.count ? fmt.int(d.positions.at(-1)) : '—'), csv: (d) => d.positions.at(-1) ?? '' },
    ...visibleNames.map((name) => ({ key: `sp:${name}`, label: name, numeric: true, value: (d) => d.speakers.filter((s) => s === name).length })),
  ];
  if (state.dispersionSort && !columns.some((c) => c.key === state.dispersionSort.key)) state.dispersionSort = null;
  const sorted = sortRows(columns, rows, state.dispersionSort);
  state.tables.dispersion = { columns, rows: sorted };
  $('dispersion-table').replaceChildren(dataTable({
    columns, rows: sorted, sort: state.dispersionSort, caption: 'Occurrences and dispersion of the plotted terms',
    onSort: (sort) => {
      state.dispersionSort = sort;
      renderDispersion();
    },
  }));
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

// Summary -----------------------------------------------------------------

function renderSummary() {
  const a = state.analysis;
  const s = a.summary;
  const rows = [
    ['Words (tokens)', s.tokens], ['Types (distinct words)', s.types], ['Sentences', s.sentences], ['Turns', s.turns],
    ['Speakers', s.speakers], ['Format', s.format], ['Script', s.script ?? 'unknown'],
    ['Language', s.languageName ? `${s.languageName} (${s.language})` : 'unknown'], ['Stopwords', s.stopwords],
    ['Stage directions removed', s.stageDirections], ['Page furniture lines excluded', s.excludedFurnitureLines],
  ].map(([metric, value]) => ({ metric, value }));
  const columns = [
    { key: 'metric', label: 'Measure', value: (r) => r.metric },
    { key: 'value', label: 'Value', numeric: true, value: (r) => r.value, cell: (r) => (typeof r.value === 'number' ? fmt.int(r.value) : r.value) },
  ];
  state.tables.summary = { columns, rows };
  $('summary-table').replaceChildren(dataTable({ columns, rows, caption: 'Summary of the transcript' }));
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
  $('diagnostics').replaceChildren(...(a.diagnostics.length ? a.diagnostics.map((d) => h('li', {},
    h('span', { class: 'tag', text: d.kind }), ' ', d.message, ' ',
    d.end > d.start ? h('button', { type: 'button', class: 'link', onclick: () => showInTranscript(d.start, d.end) }, 'Show in transcript') : null))
    : [h('li', { class: 'hint', text: 'Nothing doubtful: no diagnostics.' })]));
}

// ---------------------------------------------------------------- concordance (KWIC)

async function showKwic(query) {
  state.kwic = { query };
  $('kwic').hidden = false;
  $('kwic-heading').textContent = `Occurrences of “${query}”`;
  await runKwic();
  $('kwic').scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  $('kwic-heading').focus({ preventScroll: true });
}

async function runKwic() {
  const { query } = state.kwic;
  const seq = ++state.kwicSeq;
  const note = $('kwic-note');
  note.textContent = engine.indexed ? 'Finding occurrences…' : 'Indexing the text for search…';
  let rows;
  try {
    rows = await engine.kwic(query, { width: 8, sort: $('kwic-sort').value, limit: KWIC_LIMIT });
  } catch (err) {
    if (seq === state.kwicSeq && err.message !== 'cancelled') note.textContent = `The occurrences could not be found: ${err.message}`;
    return;
  }
  if (rows === null || seq !== state.kwicSeq) return;
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
  };
  note.textContent = rows.length === 0 ? 'No occurrences.'
    : `${fmt.int(rows.length)}${rows.length === KWIC_LIMIT ? '+' : ''} occurrence${rows.length === 1 ? '' : 's'}${rows.length === KWIC_LIMIT ? ` (the first ${KWIC_LIMIT})` : ''}.`;
  $('kwic-list').replaceChildren(...rows.map((r, i) => h('li', { class: 'kw' },
    h('span', { class: 'kw-speaker' }, swatch(r.speaker), h('span', { text: r.speaker })),
    h('span', { class: 'kw-left' }, h('span', { text: r.left })),
    h('mark', { text: r.match }),
    h('span', { class: 'kw-right', text: r.right }),
    h('button', {
      type: 'button', class: 'link goto', 'aria-label': `Show occurrence ${i + 1} in the transcript`,
      onclick: () => showInTranscript(r.start, r.end),
    }, 'Show'))));
}

$('kwic-sort').addEventListener('change', () => state.kwic && runKwic());
$('kwic-close').addEventListener('click', () => {
  state.kwic = null;
  $('kwic').hidden = true;
});
$('kwic-plot').addEventListener('click', () => {
  if (!state.kwic) return;
  const terms = state.dispersionTerms ?? visibleTerms().slice(0, 5).map((t) => t.term);
  state.dispersionTerms = [state.kwic.query, ...terms.filter((t) => t !== state.kwic.query)].slice(0, 20);
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
  if (id === 'terms-chart' && !$('terms-split').checked) {
    const speaker = $('terms-speaker').value;
    return speaker ? [[speaker, colourOf(speaker)]] : [];
  }
  return names.map((n) => [n, colourOf(n)]);
}

const CHART_TITLES = {
  'speakers-chart': 'Share of words by speaker',
  'terms-chart': 'Most frequent terms',
  'dispersion-chart': 'Where the terms occur',
};

document.addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-export]');
  if (!button) return;
  const id = button.dataset.export;
  const svg = $(id).querySelector('svg');
  if (!svg) return;
  const title = `${CHART_TITLES[id]} — ${state.source}`;
  const doc = standaloneSvg(svg, { title, legend: chartLegend(id) });
  const name = `${baseName()}-${id.replace('-chart', '')}`;
  try {
    if (button.dataset.kind === 'svg') download(svgBlob(doc), `${name}.svg`);
    else download(await pngBlob(doc), `${name}.png`);
  } catch (err) {
    showError(`The chart could not be exported: ${err.message}`);
  }
});

for (const name of ['speakers', 'terms', 'phrases', 'dispersion', 'summary', 'directions', 'diagnostics', 'kwic']) {
  $(`${name}-csv`).addEventListener('click', () => {
    const table = state.tables[name];
    if (!table) return;
    const suffix = name === 'kwic' && state.kwic ? `kwic-${slug(state.kwic.query)}` : name;
    download(csvBlob(toCsv(table.columns, table.rows)), `${baseName()}-${suffix}.csv`);
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
  dispersionChart({ points: [{ term: 'x', position: 1, speaker: 'A' }], terms: ['x'], tokens: 5, colours, width: 400 });
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
