// @ts-check
// TEMPORARY: the wasm Corpus's interface over Document until pkg/ exports Corpus (removed at the merge).
import { Document } from './pkg/colloquy.js';

/**
 * @import { AnalyseOptions, KwicOptions, Analysis } from './pkg/colloquy.js'
 * @import { DocumentRow, DocumentMetaInput, TrendOptions, GroupKeynessOptions, FrequencyOptions } from './pkg/colloquy.js'
 */

export class Corpus {
  /** @param {AnalyseOptions} [options] */
  constructor(options = {}) {
    this.options = options;
    /** @type {{ row: DocumentRow, analysis: Analysis, text: string }[]} */
    this.docs = [];
  }

  /**
   * @param {string} name
   * @param {string} text
   * @param {DocumentMetaInput} [meta]
   */
  add(name, text, meta = {}) {
    const doc = Document.load(text, this.options);
    const analysis = doc.analysis();
    doc.free();
    const s = analysis.summary;
    /** @type {DocumentRow} */
    const row = {
      name, date: meta.date ?? null, group: meta.group ?? null, format: s.format, language: s.language,
      bytes: new TextEncoder().encode(text).length, words: s.tokens, types: s.types, sentences: s.sentences, turns: s.turns,
      speakers: s.speakers, topTerms: analysis.terms.slice(0, 5).map((t) => t.term),
    };
    this.docs.push({ row, analysis, text });
    return row;
  }

  documents() {
    const rows = this.docs.map((d) => d.row);
    const sum = (/** @type {(r: DocumentRow) => number} */ f) => rows.reduce((n, r) => n + f(r), 0);
    return { rows, totals: { documents: rows.length, bytes: sum((r) => r.bytes), words: sum((r) => r.words), types: 0, turns: sum((r) => r.turns), speakers: this.speakers().length } };
  }

  speakers() {
    /** @type {Map<string, import('./pkg/colloquy.js').CorpusSpeaker>} */
    const by = new Map();
    this.docs.forEach((d, i) => {
      for (const s of d.analysis.speakers) {
        const key = s.name.toLowerCase();
        const sp = by.get(key) ?? { name: s.name, key, words: 0, turns: 0, documents: 0, perDocument: [] };
        sp.words += s.words;
        sp.turns += s.turns;
        sp.documents += 1;
        sp.perDocument.push({ document: i, words: s.words, share: s.share, turns: s.turns });
        by.set(key, sp);
      }
    });
    return [...by.values()].sort((a, b) => b.words - a.words);
  }

  /** @param {TrendOptions} o */
  trends({ terms = [], top = 5 }) {
    const chosen = terms.length ? terms : this.docs[0]?.analysis.terms.slice(0, top).map((t) => t.term) ?? [];
    return {
      series: chosen.map((term) => {
        const counts = this.docs.map((d) => d.analysis.terms.find((t) => t.term === term)?.count ?? 0);
        return {
          term, count: counts.reduce((a, b) => a + b, 0), documents: counts.filter((c) => c).length, counts,
          per10k: counts.map((c, i) => (this.docs[i].row.words ? (c / this.docs[i].row.words) * 1e4 : 0)),
        };
      }),
    };
  }

  /** @param {GroupKeynessOptions} _o */
  keyness(_o) {
    return { aDocuments: [], bDocuments: [], aWords: 0, bWords: 0, key: [], avoided: [] };
  }

  /** @param {FrequencyOptions} o */
  frequency({ minDocuments = 2, limit = 100 }) {
    /** @type {Map<string, { term: string, documents: number, count: number }>} */
    const terms = new Map();
    for (const d of this.docs) {
      for (const t of d.analysis.terms) {
        const e = terms.get(t.term) ?? { term: t.term, documents: 0, count: 0 };
        e.documents += 1;
        e.count += t.count;
        terms.set(t.term, e);
      }
    }
    const rows = [...terms.values()].filter((t) => t.documents >= minDocuments).sort((a, b) => b.documents - a.documents || b.count - a.count);
    return { terms: rows.slice(0, limit), phrases: [] };
  }

  /**
   * @param {string} query
   * @param {KwicOptions} [options]
   */
  kwic(query, options = {}) {
    const hits = this.docs.flatMap((d, document) => {
      const doc = Document.load(d.text, this.options);
      try {
        return doc.kwic(query, options).map((hit) => ({ ...hit, document }));
      } finally {
        doc.free();
      }
    });
    return { hits, searched: this.docs.length, notKept: 0 };
  }

  free() {
    this.docs = [];
  }
}
