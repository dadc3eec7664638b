// @ts-check
// A corpus's files as they are read: an overall bar, Cancel, and a line per file (name,
// size, state, words or why it was skipped), each updated in place as its file moves on.
// A list of fixed columns, not a table: a table is laid out whole, so updating a row of a
// thousand took the main thread 40 ms a frame; a line out of view is not laid out at all.
import { h, fmt } from '../dom.js';
import { corpus, watchCorpus, watchItem } from '../corpus-state.js';
import { stopCorpus } from '../corpus-run.js';
import { KEEP_BYTES } from '../corpus-protocol.js';

/** @import { Item } from '../corpus-state.js' */

const STATE_TEXT = { queued: 'queued', reading: 'reading', analysing: 'analysing', analysed: 'analysed', skipped: 'skipped' };

const bar = h('progress', { id: 'corpus-progress', max: '1', value: '0' });
const count = h('span', { id: 'corpus-progress-text', class: 'num' });
const cancel = h('button', { type: 'button', id: 'corpus-cancel', onclick: stopCorpus }, 'Cancel');
const summary = h('p', { id: 'corpus-run-status', class: 'status', role: 'status', 'aria-live': 'polite' });
const body = h('ol', { class: 'file-list', 'aria-label': 'Files, each with its size, state, words and note' });
const list = h('details', { id: 'corpus-files', class: 'corpus-files', open: true },
  h('summary', {}, 'Files'),
  h('div', { class: 'file-list-head', 'aria-hidden': 'true' },
    h('span', { text: 'File' }), h('span', { class: 'num', text: 'Size' }), h('span', { text: 'State' }),
    h('span', { class: 'num', text: 'Words' }), h('span', { text: 'Note' })),
  body);

/** The progress section: bar, Cancel, the run's status and the list of files. */
export const progressSection = h('div', { id: 'corpus-run', class: 'corpus-run' },
  h('div', { class: 'progress-row', id: 'corpus-progress-row' },
    h('label', { for: 'corpus-progress', text: 'Reading the files…' }), bar, count, cancel),
  summary,
  h('p', { class: 'hint', text: `The page keeps no text: each file is read, analysed and dropped (the analysis keeps at most ${fmt.bytes(KEEP_BYTES)} of the texts, for the concordance across documents), and a document is read again from its file when you open it.` }),
  list);

/** @type {Map<Item, HTMLLIElement>} */
const rows = new Map();

/** @param {Item} item */
function drawRow(item) {
  const li = rows.get(item) ?? h('li');
  li.dataset.state = item.state;
  li.replaceChildren(
    h('span', { class: 'name', text: item.path }),
    h('span', { class: 'num', text: item.size === null ? '' : fmt.bytes(item.size) }),
    h('span', { class: 'state', text: STATE_TEXT[item.state] }),
    h('span', { class: 'num', text: item.words === undefined ? '' : fmt.count(item.words, 'word') }),
    h('span', { class: 'note', text: item.reason ?? '' }));
  return li;
}

/** The bar, the counts and the status line. */
function drawTotals() {
  const done = corpus.items.filter((i) => i.state === 'analysed' || i.state === 'skipped').length;
  const total = corpus.items.length;
  const analysed = corpus.documents.length;
  const skipped = corpus.items.filter((i) => i.state === 'skipped').length;
  bar.value = total ? done / total : 0;
  count.textContent = `${fmt.int(done)} of ${fmt.int(total)}`;
  const row = /** @type {HTMLElement} */ (progressSection.firstElementChild);
  row.hidden = corpus.run !== 'running';
  const skips = skipped ? `, ${fmt.count(skipped, 'file')} skipped (reasons below)` : '';
  summary.textContent = corpus.run === 'running' ? `Analysed ${fmt.count(analysed, 'document')}${skips}…`
    : corpus.run === 'done' ? `Analysed ${fmt.count(analysed, 'document')}${skips}.`
      : corpus.run === 'cancelled' ? `Cancelled after ${fmt.count(analysed, 'document')}: nothing of this corpus is kept. Open the files again to analyse them.`
        : corpus.run === 'failed' ? `The corpus could not be analysed: ${corpus.failure}` : '';
  document.body.dataset.corpus = corpus.run;
}

/** Whether the totals are to be drawn at the next frame. */
let totalsDue = false;
/** Draws the totals once per frame however many files moved on (each drawing counts them all). */
function scheduleTotals() {
  if (totalsDue) return;
  totalsDue = true;
  requestAnimationFrame(() => {
    totalsDue = false;
    drawTotals();
  });
}

watchItem((item) => {
  drawRow(item);
  scheduleTotals();
});

/** @type {Item[] | null} the run whose files the list shows */
let listed = null;

watchCorpus('items', () => {
  if (listed !== corpus.items) {
    // A new run: a new list.
    listed = corpus.items;
    rows.clear();
    body.replaceChildren();
  }
  // Files are only ever added at the end (an archive's entries as they are found).
  const added = corpus.items.slice(rows.size).map((item) => {
    const li = drawRow(item);
    rows.set(item, li);
    return li;
  });
  body.append(...added);
  list.querySelector('summary')?.replaceChildren(`Files (${fmt.int(corpus.items.length)})`);
  // Open while the files are read, and after when some were skipped (their reasons).
  list.open = corpus.run !== 'done' || corpus.items.some((i) => i.state === 'skipped');
  drawTotals();
});
