// @ts-check
// Corpus mode: the overview of many documents in the results column (the files' progress,
// then a tab per view across documents), and the way between it and one document (opened
// by corpus-open.js; "Back to the corpus" shows the overview again). The page shows one or
// the other: `body[data-mode]` is `corpus` or `document` (style.css hides the other).
import { $, h, fmt } from './dom.js';
import { watch } from './state.js';
import { corpusOptions } from './corpus-run.js';
import { showError } from './status.js';
import { corpus, watchCorpus, showMode } from './corpus-state.js';
import { progressSection } from './views/corpus-progress.js';
import { view as documents, resetDocuments } from './views/corpus-documents.js';
import { view as speakers, resetSpeakers } from './views/corpus-speakers.js';
import { view as trends } from './views/corpus-trends.js';
import { view as keyness } from './views/corpus-keyness.js';
import { view as frequency } from './views/corpus-frequency.js';
import { view as kwic } from './views/corpus-kwic.js';

/** @import { CorpusView } from './views/corpus-common.js' */

const views = [documents, speakers, trends, keyness, frequency, kwic];
/** @type {string} the view shown */
let shown = documents.name;
/** Views drawn since the last overview. */
const drawn = new Set();

const tabs = views.map((v) => h('button', {
  role: 'tab', type: 'button', id: `tab-corpus-${v.name}`, 'aria-controls': v.panel.id, onclick: () => select(v.name),
}, v.title));
const heading = h('h3', { id: 'corpus-heading', tabindex: '-1', text: 'Corpus' });
const stale = h('p', { id: 'corpus-stale', class: 'hint', hidden: true,
  text: 'The settings have changed since these documents were analysed: open the files again to analyse them with the new settings.' });
const overview = h('div', { id: 'corpus-overview', hidden: true },
  h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views across documents' }, ...tabs),
  ...views.map((v) => v.panel));
const section = h('section', { id: 'corpus', class: 'corpus', 'aria-labelledby': 'corpus-heading' }, heading, stale, progressSection, overview);

const back = $('corpus-back', HTMLButtonElement);
back.addEventListener('click', () => {
  showMode('corpus');
  heading.focus();
});

/**
 * Shows the corpus or a document. The corpus's markup joins the page with the first corpus,
 * so the single-document page is as it was until then.
 */
function drawMode() {
  if (corpus.mode === 'corpus' && !section.isConnected) $('results').after(section);
  document.body.dataset.mode = corpus.mode;
  back.hidden = corpus.mode === 'corpus' || corpus.run === 'idle';
}

/** @param {string} name */
function select(name) {
  shown = name;
  views.forEach((v, i) => {
    const on = v.name === name;
    tabs[i].setAttribute('aria-selected', String(on));
    tabs[i].tabIndex = on ? 0 : -1;
    v.panel.hidden = !on;
  });
  const view = /** @type {CorpusView} */ (views.find((v) => v.name === name));
  if (corpus.table && !drawn.has(name)) {
    drawn.add(name);
    view.render();
  }
}

watchCorpus('mode', drawMode);
watchCorpus('items', () => {
  overview.hidden = corpus.run !== 'done';
  heading.textContent = corpus.run === 'done' && corpus.table ? `Corpus: ${fmt.count(corpus.table.rows.length, 'document')}` : 'Corpus';
  back.textContent = `◀ Back to the corpus${corpus.table ? ` (${fmt.count(corpus.table.rows.length, 'document')})` : ''}`;
});
watchCorpus('overview', () => {
  drawn.clear();
  stale.hidden = true;
  if (corpus.run === 'failed') {
    // Nothing to show: the page goes back to the text it had, and says why.
    showError(`The corpus could not be analysed: ${corpus.failure} Your text is unchanged.`);
    showMode('document');
  }
  if (corpus.run !== 'done') return;
  resetDocuments();
  resetSpeakers();
  select(shown);
});
// The corpus is not analysed again when the settings change: it says so.
watch('settings', () => {
  stale.hidden = corpus.run !== 'done' || JSON.stringify(corpusOptions()) === corpus.options;
});

tabs.forEach((tab, i) => tab.addEventListener('keydown', (e) => {
  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
  if (!step) return;
  const next = views[(i + step + views.length) % views.length];
  select(next.name);
  document.getElementById(`tab-corpus-${next.name}`)?.focus();
}));
select(shown);
