// @ts-check
// Keyness between two sets of documents: each set chosen by group, by date range or
// document by document (the second also as every other document), and the terms key to
// the first set and those it avoids, with the Distinctive words view's columns and scores.
import { h, fmt, markup } from '../dom.js';
import { dataTable, sortRows, asShown } from '../table.js';
import { corpusEngine } from '../corpus-engine.js';
import { corpus } from '../corpus-state.js';
import { focusSortButton } from './common.js';
import { tableWrap, select, control } from './shell.js';
import { columnsFor } from './distinctive.js';
import { corpusPanel, corpusCsvButton } from './corpus-common.js';

/**
 * @import { DocumentSet, Distinctive } from '../pkg/colloquy.js'
 * @import { Shown, Sort } from '../table.js'
 * @import { CorpusView } from './corpus-common.js'
 */

/** Terms listed each way. */
const LIMIT = 30;

/** @typedef {'group' | 'dates' | 'documents' | 'rest'} SetKind */

/**
 * The controls that choose one set of documents.
 * @param {'a' | 'b'} side
 * @param {[SetKind, string][]} kinds
 */
function setPicker(side, kinds) {
  const id = (/** @type {string} */ what) => `corpus-keyness-${side}-${what}`;
  const kind = select(id('kind'), kinds, kinds[0][0]);
  const group = select(id('group'), []);
  const from = h('input', { id: id('from'), type: 'text', placeholder: 'YYYY-MM-DD', size: 10 });
  const to = h('input', { id: id('to'), type: 'text', placeholder: 'YYYY-MM-DD', size: 10 });
  const documents = h('select', { id: id('documents'), multiple: true, size: 6 });
  const parts = {
    group: control('Group', group),
    dates: h('span', {}, control('From', from), ' ', control('to', to)),
    documents: control('Documents', documents),
    rest: h('span', { class: 'hint', text: 'every document not in the first set' }),
  };
  const element = h('fieldset', { class: 'controls set-picker' }, h('legend', { text: side === 'a' ? 'Documents' : 'Against' }), kind, ...Object.values(parts));
  const show = () => Object.entries(parts).forEach(([k, el]) => { el.hidden = k !== kind.value; });
  kind.addEventListener('change', show);
  show();
  return {
    element,
    /** Fills the choices from the corpus. */
    refresh() {
      const rows = corpus.table?.rows ?? [];
      const groups = [...new Set(rows.map((r) => r.group).filter((g) => g !== null))];
      group.replaceChildren(...groups.map((g, i) => h('option', { value: g, selected: i === (side === 'a' ? 0 : 1) }, g)));
      documents.replaceChildren(...rows.map((r, i) => h('option', { value: String(i) }, r.name)));
      const noGroups = groups.length === 0;
      kind.querySelector('option[value="group"]')?.toggleAttribute('disabled', noGroups);
      if (noGroups && kind.value === 'group') {
        kind.value = side === 'a' ? 'documents' : 'rest';
        show();
      }
    },
    /** @returns {DocumentSet | null} the set chosen (null: none yet) */
    value() {
      switch (/** @type {SetKind} */ (kind.value)) {
        case 'group': return group.value ? { group: group.value } : null;
        case 'dates': return from.value || to.value ? { ...(from.value ? { from: from.value.trim() } : {}), ...(to.value ? { to: to.value.trim() } : {}) } : null;
        case 'documents': {
          const chosen = [...documents.selectedOptions].map((o) => Number(o.value));
          return chosen.length ? { documents: chosen } : null;
        }
        case 'rest': return { rest: true };
      }
    },
  };
}

const a = setPicker('a', [['group', 'by group'], ['dates', 'by date range'], ['documents', 'chosen one by one']]);
const b = setPicker('b', [['rest', 'every other document'], ['group', 'by group'], ['dates', 'by date range'], ['documents', 'chosen one by one']]);
const compare = h('button', { type: 'submit', id: 'corpus-keyness-compare' }, 'Compare');
const form = h('form', { class: 'keyness-form', autocomplete: 'off' }, a.element, b.element, compare);
const hint = h('p', { class: 'hint', id: 'corpus-keyness-hint' });
const keyTable = tableWrap('corpus-keyness-key');
const avoidedTable = tableWrap('corpus-keyness-avoided');
/** @type {Record<'key' | 'avoided', Sort | null>} */
const sorts = { key: null, avoided: null };
/** @type {Distinctive[]} */
let keyRows = [];
/** @type {Distinctive[]} */
let avoidedRows = [];
/** @type {Shown | null} */
let lastTable = null;
let asked = 0;

/** @type {CorpusView} */
export const view = {
  name: 'keyness',
  title: 'Keyness',
  panel: corpusPanel('keyness', form, hint,
    h('div', { class: 'table-head' }, h('h4', { text: 'Key terms: used more in the documents' }), corpusCsvButton('keyness', () => lastTable, 'CSV of the key and avoided terms')),
    keyTable, h('h4', { text: 'Avoided terms: used less in the documents' }), avoidedTable,
    h('div', { class: 'formula' }, markup`
      <p>The scores of the Distinctive words view, with the first set of documents in place of a speaker and the second as the reference (they may not share a document): a set's counts are the sum of its documents' term counts, its size the sum of their words. <strong>Fightin' Words</strong> z and δ with the informative Dirichlet prior <code>a<sub>w</sub> = w·(y<sub>A</sub>+y<sub>B</sub>)</code>, <code>a<sub>0</sub> = w·(n<sub>A</sub>+n<sub>B</sub>)</code> (w the prior weight of the settings); <strong>G²</strong> of <code>[[y<sub>A</sub>, y<sub>B</sub>], [n<sub>A</sub>−y<sub>A</sub>, n<sub>B</sub>−y<sub>B</sub>]]</code>, negative when used less; <strong>Log Ratio</strong> <code>log₂((y<sub>A</sub>/n<sub>A</sub>)/(y<sub>B</sub>/n<sub>B</sub>))</code>, 0.5 for a zero count. Key terms: highest positive z; avoided: lowest negative z. Every formula: <a href="https://github.com/colloquy/colloquy/blob/main/docs/analyses.md" rel="noopener noreferrer">docs/analyses.md</a>.</p>`)),
  render,
};

form.addEventListener('submit', (e) => {
  e.preventDefault();
  compareSets();
});

function render() {
  a.refresh();
  b.refresh();
  if (!a.value()) {
    hint.textContent = 'Choose the documents to compare, then Compare.';
    return;
  }
  compareSets();
}

async function compareSets() {
  const setA = a.value();
  const setB = b.value();
  if (!setA || !setB) {
    hint.textContent = 'Choose both sets of documents.';
    return;
  }
  const id = ++asked;
  let result;
  try {
    result = await corpusEngine.query('keyness', { options: { a: setA, b: setB, limit: LIMIT } });
  } catch (err) {
    if (id === asked) hint.textContent = `These sets could not be compared: ${err instanceof Error ? err.message : err}`;
    return;
  }
  if (id !== asked) return;
  hint.textContent = `${fmt.count(result.aDocuments.length, 'document')} (${fmt.count(result.aWords, 'word')}) against ${fmt.count(result.bDocuments.length, 'document')} (${fmt.count(result.bWords, 'word')}).`;
  keyRows = result.key;
  avoidedRows = result.avoided;
  drawTables();
}

function drawTables() {
  const columns = columnsFor('these documents', 'the others', (term) => term);
  /**
   * @param {HTMLElement} wrap
   * @param {'key' | 'avoided'} which
   * @param {Distinctive[]} rows
   */
  const draw = (wrap, which, rows) => {
    const sorted = sortRows(columns, rows, sorts[which]);
    wrap.replaceChildren(rows.length ? dataTable({
      columns, rows: sorted, sort: sorts[which], caption: which === 'key' ? 'Key terms' : 'Avoided terms',
      onSort: (next) => {
        sorts[which] = next;
        drawTables();
        focusSortButton(wrap);
      },
    }) : h('p', { class: 'hint', text: 'None.' }));
    return sorted;
  };
  const key = draw(keyTable, 'key', keyRows);
  const avoided = draw(avoidedTable, 'avoided', avoidedRows);
  lastTable = asShown(columns, [...key, ...avoided], 'keyness');
}
