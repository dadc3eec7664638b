// TEMPORARY: the Corpus API of /work/notes/core-api.md until pkg/ declares it. Removed at the merge.
import type { AnalyseOptions, Distinctive, KwicHit, KwicOptions } from '../../../pkg/colloquy.js';
export type DocumentRow = { name: string, date: string | null, group: string | null, format: string, language: string | null,
  bytes: number, words: number, types: number, sentences: number, turns: number, speakers: number, topTerms: string[] };
export type CorpusTotals = { documents: number, bytes: number, words: number, types: number, turns: number, speakers: number };
export type CorpusDocuments = { rows: DocumentRow[], totals: CorpusTotals };
export type SpeakerInDocument = { document: number, words: number, share: number, turns: number };
export type CorpusSpeaker = { name: string, key: string, words: number, turns: number, documents: number, perDocument: SpeakerInDocument[] };
export type TrendOptions = { terms?: string[], top?: number };
export type TermTrend = { term: string, count: number, documents: number, counts: number[], per10k: number[] };
export type Trends = { series: TermTrend[] };
export type DocumentSet = { documents: number[] } | { group: string } | { from?: string, to?: string } | { rest: true };
export type GroupKeynessOptions = { a: DocumentSet, b: DocumentSet, limit?: number };
export type GroupKeyness = { aDocuments: number[], bDocuments: number[], aWords: number, bWords: number, key: Distinctive[], avoided: Distinctive[] };
export type FrequencyOptions = { minDocuments?: number, limit?: number };
export type TermDf = { term: string, documents: number, count: number };
export type PhraseDf = { text: string, n: number, documents: number, count: number };
export type DocumentFrequency = { terms: TermDf[], phrases: PhraseDf[] };
export type CorpusKwicHit = KwicHit & { document: number };
export type CorpusKwic = { hits: CorpusKwicHit[], searched: number, notKept: number };
export type DocumentMetaInput = { date?: string, group?: string };
export declare class Corpus {
  constructor(options?: AnalyseOptions);
  add(name: string, text: string, meta?: DocumentMetaInput): DocumentRow;
  documents(): CorpusDocuments;
  speakers(): CorpusSpeaker[];
  trends(options: TrendOptions): Trends;
  keyness(options: GroupKeynessOptions): GroupKeyness;
  frequency(options: FrequencyOptions): DocumentFrequency;
  kwic(query: string, options?: KwicOptions): CorpusKwic;
  free(): void;
}
