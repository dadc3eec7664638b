// @ts-check
// Runs the analyses: the one Engine, asked to analyse the transcript or to re-report it,
// and what its answers do: the analysis goes into state (the views render from there),
// the status line and the progress bar say what happened.
import { $, fmt, afterPaint } from './dom.js';
import { Engine } from './engine.js';
import { BIG_OVER, STREAM_OVER } from './protocol.js';
import * as S from './settings.js';
import { MAX_TEXT_UNITS, tooLargeMessage } from './files.js';
import { state, setAnalysis, comparison } from './state.js';
import { noWordsReason, leftOutNote } from './reasons.js';
import { setStatus, status, showError, hideError, showProgress, hideProgress } from './status.js';
import { transcript } from './transcript.js';
import { remember, applyRemembered } from './remember.js';
import { warmUp as warmUpCharts } from './charts.js';
import { warmUp as warmUpTables } from './table.js';
import { rehearse } from './tabs.js';

const body = document.body;
const INDEXING = ' Indexing the text for search…';
/** How many times the page draws the worker's rehearsal (tabs.js: rehearse). */
const REHEARSALS = 3;
let warm = false;

export const engine = new Engine({
  onReady(version) {
    state.version = version;
    $('version').textContent = `v${version}`;
    body.dataset.engine = 'ready';
    if (!warm) {
      // Draw each chart and a table once while idle, so the first real ones are not slowed by cold code.
      (window.requestIdleCallback ?? setTimeout)(() => {
        warmUpCharts();
        warmUpTables();
      });
    }
    warm = true;
  },
  onRehearsed(sample) {
    // The worker's rehearsal: draw every view with it, unseen, while nothing is shown;
    // three times, one per idle period, so the browser optimises the views' code.
    const idle = window.requestIdleCallback ?? setTimeout;
    const again = (/** @type {number} */ n) => idle(() => {
      rehearse(sample);
      if (n > 1) again(n - 1);
    });
    again(REHEARSALS);
  },
  onProgress({ done, total, phase }) {
    showProgress(done / total, phase === 'reading' ? `Reading ${fmt.pct(done / total)}` : '');
  },
  onResult(analysis, { ms: workerMs, memory, recycles, timing, transfer }) {
    performance.mark('colloquy:result');
    const job = state.job;
    if (job?.key) state.loadedKey = job.key;
    // A new text with labels renamed or merged in an earlier transcript: analyse it again
    // with them (remember.js) instead of showing it without.
    if (applyRemembered(analysis)) {
      requestAnalysis('remembered', job?.started, job?.prefix);
      return;
    }
    state.analyses += 1;
    hideProgress();
    const rendering = performance.now();
    setAnalysis(analysis);
    performance.mark('colloquy:rendered');
    const started = job?.started ?? rendering;
    const ms = performance.now() - started;
    body.dataset.lastAnalysisMs = ms.toFixed(1);
    body.dataset.workerMs = workerMs.toFixed(1);
    // Where the time went, for the bench (bench/page-speed.mjs): the worker's parse and
    // count, its report, the message's transfer, the first view's drawing, and (below)
    // the layout and paint of the frame that shows it.
    body.dataset.timing = JSON.stringify({
      load: timing.load, report: timing.report, transfer, render: performance.now() - rendering,
    });
    const analyses = state.analyses;
    afterPaint(() => {
      performance.mark('colloquy:painted');
      body.dataset.paintedMs = (performance.now() - started).toFixed(1);
      body.dataset.painted = String(analyses);
    });
    body.dataset.wasmMemory = String(memory);
    body.dataset.recycles = String(recycles);
    body.dataset.analyses = String(state.analyses);
    body.dataset.state = 'done';
    const words = `${fmt.count(analysis.summary.tokens, 'word')}, ${fmt.count(analysis.summary.speakers, 'speaker')}`;
    const empty = noWordsReason();
    const note = empty ? ` ${empty}` : leftOutNote(analysis);
    setStatus(`${job?.prefix ?? ''}Analysed ${words} in ${fmt.ms(ms)}.${note}${job?.streamed ? INDEXING : ''}`);
    body.dataset.indexed = job?.streamed ? 'false' : 'true';
    state.job = null;
  },
  onIndexed({ memory }) {
    body.dataset.wasmMemory = String(memory);
    body.dataset.indexed = 'true';
    if (body.dataset.state === 'done') setStatus(status().replace(INDEXING, ''));
  },
  onError(message, { kind, key, reason }) {
    hideProgress();
    state.job = null;
    if (kind === 'no-document') {
      requestAnalysis('reload');
      return;
    }
    body.dataset.state = 'error';
    const label = key === 'labelPattern';
    $('set-label-error').textContent = label ? reason ?? message : '';
    if (label) $('settings-panel', HTMLDetailsElement).open = true;
    showError(`The analysis could not run: ${key && reason ? `${key}: ${reason}` : message}`);
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

/** Forgets the analysis shown (no text, or only white space). */
function clearResults() {
  state.loadedKey = null;
  state.kwic = null;
  setAnalysis(null);
  body.dataset.state = 'idle';
}

/**
 * Analyses the transcript from scratch (a new input, or parse settings changed). `reason`
 * says why ('reload': the worker lost the document; it keeps the label-pattern error shown);
 * `prefix` starts the status line.
 * @param {string} reason
 * @param {number} [started]  when the user acted (performance.now())
 * @param {string} [prefix]
 */
export function requestAnalysis(reason, started = performance.now(), prefix = '') {
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
  const options = { ...S.parseOptions(state.settings, state.aliases), ...S.viewOptions(state.settings, comparison()) };
  const big = text.length > BIG_OVER;
  performance.mark('colloquy:request');
  engine.analyse(text, options);
  state.job = { started, big, streamed: text.length > STREAM_OVER, key, prefix };
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
export function refreshView() {
  if (!state.analysis && !engine.busy) return;
  if (state.loadedKey === S.parseKey(state.settings, state.aliases) && engine.view(S.viewOptions(state.settings, comparison()))) {
    state.job = { started: performance.now(), big: false, key: state.loadedKey };
    body.dataset.state = 'analysing';
    return;
  }
  requestAnalysis('settings');
}

/** Stops the analysis running (the worker is replaced); the text stays. */
export function cancelAnalysis() {
  engine.cancel();
  state.job = null;
  hideProgress();
  body.dataset.state = 'cancelled';
  setStatus('Cancelled. Your text is unchanged: press Analyse to run it again.');
}
