// @ts-check
// The page: it puts the views into the frame of index.html, draws them from each new
// analysis, and starts. Input (input.js), the engine (analyse.js), settings
// (settings-form.js) and each view (views/) wire themselves up when imported.
// Text, speaker names, terms, file names and hash values are untrusted: they are only
// ever inserted as text (textContent, form values), never as HTML.
import { $, h, fmt, debounce } from './dom.js';
import * as S from './settings.js';
import { download, jsonBlob } from './exporting.js';
import { state, analysis, watch, setSettings, comparison } from './state.js';
import { restore } from './remember.js';
import { requestAnalysis } from './analyse.js';
import { initTabs, selectTab, updateViews, redraw } from './tabs.js';
import './input.js';
import './settings-form.js';
import './corpus.js';
import * as kwic from './views/kwic.js';
import { baseName, sourceTitle } from './views/shell.js';
import { view as speakers } from './views/speakers.js';
import { view as terms } from './views/terms.js';
import { view as phrases } from './views/phrases.js';
import { view as distinctive } from './views/distinctive.js';
import { view as collocations } from './views/collocations.js';
import { view as dispersion } from './views/dispersion.js';
import { view as dynamics } from './views/dynamics.js';
import { view as summary } from './views/summary.js';

const views = [speakers, terms, phrases, distinctive, collocations, dispersion, dynamics, summary];
if (views.map((v) => v.name).join() !== S.TABS.join()) throw new Error('the views and settings.TABS differ');

const results = $('results');
const tablist = $('tabs');
tablist.before(kwic.findForm);
initTabs(tablist, views);
results.after(kwic.section);
const exportJson = $('export-json', HTMLButtonElement);

/** Shows the analysis in state (or, with none, the invitation to paste one). */
function render() {
  const a = state.analysis;
  $('empty').hidden = a !== null;
  results.hidden = a === null;
  exportJson.disabled = a === null;
  if (a) {
    // Measure once, before changing anything, so drawing forces no further layout.
    state.width = results.clientWidth;
    renderStats();
    updateViews();
    selectTab(state.settings.view);
  }
  kwic.update();
}
watch('analysis', render);

/** The transcript's counts above the tabs. */
function renderStats() {
  const s = analysis().summary;
  const items = [
    ['Words', fmt.int(s.tokens)], ['Types', fmt.int(s.types)], ['Sentences', fmt.int(s.sentences)],
    ['Turns', fmt.int(s.turns)], ['Speakers', fmt.int(s.speakers)], ['Language', s.languageName ?? 'unknown'],
  ];
  $('stats').replaceChildren(...items.map(([k, v]) => h('div', {}, h('dt', { text: k }), h('dd', { text: v }))));
}

exportJson.addEventListener('click', () => {
  if (!state.analysis) return;
  download(jsonBlob({
    colloquy: state.version,
    source: sourceTitle(), // the file's name, or a pasted text's first speakers
    settings: { ...S.parseOptions(state.settings, state.aliases), ...S.viewOptions(state.settings, comparison()) },
    hiddenSpeakers: [...state.hidden],
    analysis: state.analysis,
  }), `${baseName()}-analysis.json`);
});

new ResizeObserver(debounce(() => {
  const width = results.clientWidth;
  if (width && Math.abs(width - state.width) > 8) {
    state.width = width;
    redraw();
  }
}, 150)).observe(results);

setSettings(state.settings);
selectTab(state.settings.view);
if (restore()) requestAnalysis('restore');
document.body.dataset.ready = 'true';

// Offline after the first visit. Relative, so it works under any sub-path.
if ('serviceWorker' in navigator && window.isSecureContext) {
  // After load and when idle, so precaching never competes with a first analysis.
  const register = () => navigator.serviceWorker.register('./sw.js').then(
    () => { document.body.dataset.sw = 'registered'; },
    (err) => { document.body.dataset.sw = `failed: ${err.message}`; },
  );
  window.addEventListener('load', () => {
    if (window.requestIdleCallback) window.requestIdleCallback(register, { timeout: 3000 });
    else setTimeout(register);
  });
}
