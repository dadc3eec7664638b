// @ts-check
// Speakers across documents: a table (documents spoken in, words, turns) whose boxes choose
// the speakers charted, and a line with a dot per document of each chosen speaker's share
// of the document's words, over document order or date.
import { h, fmt } from '../dom.js';
import { colourMap, PALETTE } from '../colours.js';
import { seriesChart } from '../charts.js';
import { dataTable, sortRows, asShown, toCsv } from '../table.js';
import { corpus } from '../corpus-state.js';
import { putChart, noChart, focusSortButton, colourLegend } from './common.js';
import { tableWrap, legendList, chartFigure, select, control } from './shell.js';
import { corpusPanel, corpusCsvButton, corpusWidth, documentX, allDated, documentColumns } from './corpus-common.js';

/**
 * @import { CorpusSpeaker } from '../pkg/colloquy.js'
 * @import { Column, Shown, Sort } from '../table.js'
 * @import { SeriesPoint } from '../charts.js'
 * @import { CorpusView } from './corpus-common.js'
 */

/** Speakers charted at first: the most words among those in more than one document. */
const FIRST_CHOSEN = 3;
/** The most speakers charted at once (the palette's colours). */
const MAX_CHOSEN = PALETTE.length;
/** Rows drawn in the table. */
const ROWS_SHOWN = 200;

/** @type {Set<string>} speakers charted, by key */
const chosen = new Set();
const axisSelect = select('corpus-speakers-axis', [['order', 'Document order'], ['date', 'Date']], 'order');
const legendBox = legendList('corpus-speakers-legend', 'Speaker colours');
const figure = chartFigure('corpus-speakers-chart');
const table = tableWrap('corpus-speakers-table');
const note = h('p', { class: 'hint', id: 'corpus-speakers-note' });
/** @type {Sort} */
let sort = { key: 'words', dir: 'desc' };
/** @type {Shown | null} */
let lastTable = null;
/** Every speaker's words, share and turns in every document they speak in: a long table for the CSV. */
/** @typedef {{ speaker: string, document: number, words: number, share: number, turns: number }} SpeakerDocument */
/** @type {import('../table.js').Column<SpeakerDocument>[]} */
const PER_DOCUMENT = [
  { key: 'speaker', label: 'Speaker', value: (r) => r.speaker },
  ...documentColumns(),
  { key: 'words', label: 'Words', value: (r) => r.words },
  { key: 'share', label: 'Share of the document\'s words', value: (r) => r.share.toFixed(4) },
  { key: 'turns', label: 'Turns', value: (r) => r.turns },
];
/** @type {Shown} */
const perDocument = {
  csv: () => toCsv(PER_DOCUMENT, corpus.speakers.flatMap((s) => s.perDocument.map((d) => ({ speaker: s.name, ...d })))),
  suffix: 'speakers-per-document',
};

/** @type {Column<CorpusSpeaker>[]} */
const COLUMNS = [
  { key: 'name', label: 'Speaker', value: (s) => s.name, cell: (s) => h('label', { class: 'check' }, chooseBox(s), ` ${s.name}`) },
  { key: 'documents', label: 'Documents', numeric: true, value: (s) => s.documents, cell: (s) => fmt.int(s.documents) },
  { key: 'words', label: 'Words', numeric: true, value: (s) => s.words, cell: (s) => fmt.int(s.words) },
  { key: 'turns', label: 'Turns', numeric: true, value: (s) => s.turns, cell: (s) => fmt.int(s.turns) },
];

/** @type {CorpusView} */
export const view = {
  name: 'speakers',
  title: 'Speakers',
  panel: corpusPanel('speakers',
    h('div', { class: 'controls' }, control('Across', axisSelect)),
    h('p', { class: 'hint', text: 'Each chosen speaker’s share of the words credited to speakers in each document (0 where they do not speak). Tick speakers in the table to chart them (at most seven). Speakers are matched across documents by name, case and spacing aside.' }),
    legendBox, figure,
    h('div', { class: 'table-head' }, note, h('span', { class: 'actions' },
      corpusCsvButton('speakers', () => lastTable, 'CSV of the speakers across documents'),
      corpusCsvButton('speakers-per-document', () => perDocument, 'CSV of every speaker in every document', 'CSV per document'))),
    table),
  render,
};

axisSelect.addEventListener('change', render);

/** @param {CorpusSpeaker} s */
function chooseBox(s) {
  const box = h('input', { type: 'checkbox', checked: chosen.has(s.key), 'aria-label': `Chart ${s.name}` });
  box.disabled = !chosen.has(s.key) && chosen.size >= MAX_CHOSEN;
  box.addEventListener('change', () => {
    if (box.checked) chosen.add(s.key);
    else chosen.delete(s.key);
    render();
  });
  return box;
}

/** After a new corpus: the first speakers chosen again. */
export function resetSpeakers() {
  chosen.clear();
  const recurring = corpus.speakers.filter((s) => s.documents > 1);
  for (const s of (recurring.length ? recurring : corpus.speakers).slice(0, FIRST_CHOSEN)) chosen.add(s.key);
}

function render() {
  const speakers = corpus.speakers;
  const dated = allDated();
  axisSelect.querySelector('option[value="date"]')?.toggleAttribute('disabled', !dated);
  const byDate = dated && axisSelect.value === 'date';
  const picked = speakers.filter((s) => chosen.has(s.key));
  const colours = colourMap(picked.map((s) => s.name));
  // A point per document: a document a speaker does not speak in is a share of 0.
  const documents = corpus.table?.rows ?? [];
  /** @type {SeriesPoint[]} */
  const points = picked.flatMap((s) => {
    const shares = new Map(s.perDocument.map((d) => [d.document, d.share]));
    return documents.map((row, i) => ({ x: documentX(i, byDate), y: shares.get(i) ?? 0, series: s.name, document: row.name }));
  });
  if (points.length) {
    const svg = seriesChart({
      points, colours, width: corpusWidth(), percent: true, xLabel: byDate ? 'Date' : 'Document', yLabel: 'Share of the document’s words (%)',
      ariaLabel: `Share of each document's words by ${picked.map((s) => s.name).join(', ')}`,
    });
    putChart(figure, svg, `Line chart of each chosen speaker's share of each document's words: ${picked.map((s) => `${s.name} in ${fmt.count(s.documents, 'document')}`).join('; ')}`);
    colourLegend(legendBox, picked.map((s) => [s.name, colours.get(s.name) ?? PALETTE[0]]));
  } else {
    noChart(figure, speakers.length ? 'Tick a speaker in the table to chart them.' : 'No speaker found in these documents.');
    legendBox.replaceChildren();
  }
  const rows = sortRows(COLUMNS, speakers, sort);
  note.textContent = `${fmt.count(speakers.length, 'speaker')} across the documents${rows.length > ROWS_SHOWN ? `; the table shows the first ${ROWS_SHOWN} (the CSV has all)` : ''}.`;
  lastTable = asShown(COLUMNS, rows, 'speakers');
  table.replaceChildren(dataTable({
    columns: COLUMNS, rows, sort, limit: ROWS_SHOWN, caption: 'Speakers across the documents',
    onSort: (next) => {
      sort = next;
      render();
      focusSortButton(table);
    },
  }));
}
