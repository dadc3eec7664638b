//! A corpus: many documents, each analysed once, with views across them.
//!
//! The per-document step is a map (a document's [`DocumentTables`] or its entry here,
//! from one parse, tokenisation and count) and the corpus step a sum: a [`Corpus`] keeps
//! each document's counts (its terms' counts, its speakers, its token ids) and releases
//! its text unless it is kept for the concordance ([`CorpusConfig::keep_bytes`]).
//! Speakers are matched across documents by [`speaker_key`].
//!
//! ```
//! use colloquy::{Corpus, CorpusConfig, DocumentMeta, Options};
//! let mut corpus = Corpus::new(&Options::default(), CorpusConfig::default());
//! corpus.add(DocumentMeta::named("2024-01-05.txt"), "Ann: Taxes rise.\nBob: Taxes fall.".into());
//! corpus.add(DocumentMeta::named("2024-02-09.txt"), "ANN: Budgets rise.\nCat: Taxes.".into());
//! let speakers = corpus.speakers();
//! assert_eq!((speakers[0].name.as_str(), speakers[0].documents), ("Ann", 2));
//! assert_eq!(corpus.documents().totals.words, 7);
//! ```

mod frequency;
mod keyness;
mod kwic;
mod meta;
mod overview;
mod tables;
mod trends;

use rustc_hash::FxHashMap;

use crate::report::DocumentCounts;
use crate::token::Vocab;
use crate::{Counts, Document, Options, ViewOptions};

pub use frequency::{DocumentFrequency, FrequencyOptions, PhraseFrequency, TermFrequency};
pub use keyness::{DocumentSet, GroupKeyness, GroupKeynessOptions, KeynessError, KEYNESS_TERMS};
pub use kwic::{CorpusKwic, CorpusKwicHit};
pub use meta::{speaker_key, DocumentMeta};
pub use overview::{CorpusDocuments, CorpusSpeaker, CorpusTotals, SpeakerInDocument};
pub use tables::{
    document_tables, DocumentRow, DocumentTables, PhraseRow, SpeakerRow, TermRow, TurnRow, ROW_TOP_TERMS,
};
pub use trends::{TermTrend, TrendOptions, Trends, TREND_MIN_COUNT};

/// How a [`Corpus`] holds its documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusConfig {
    /// Documents are kept whole (text and tokens, for the concordance) while the kept
    /// texts come to at most this many bytes; later ones keep only their counts.
    pub keep_bytes: usize,
}

/// Texts kept whole by default: 64 MiB (a kept document costs about five times its text).
pub const DEFAULT_KEEP_BYTES: usize = 64 << 20;

impl Default for CorpusConfig {
    fn default() -> Self {
        CorpusConfig { keep_bytes: DEFAULT_KEEP_BYTES }
    }
}

/// Documents analysed one by one, and views across them.
#[derive(Debug, Clone)]
pub struct Corpus {
    options: Options,
    /// The term view, every term reported.
    view: ViewOptions,
    config: CorpusConfig,
    entries: Vec<Entry>,
    /// Terms of the term view, as the documents report them.
    terms: Interner,
    /// Every token type, for phrases across documents.
    vocab: Vocab,
    /// Per token type: may it start or end a phrase (a word, and no stopword where it was
    /// first seen, unless the options allow stopwords at a phrase's edges)?
    edge: Vec<bool>,
    /// Per token type: a word (not a number), or numbers are included.
    word: Vec<bool>,
    speakers: Vec<Known>,
    speaker_index: FxHashMap<String, u32>,
    kept_bytes: usize,
}

/// One document's part of the corpus.
#[derive(Debug, Clone)]
struct Entry {
    row: crate::DocumentRow,
    /// `(term, count)` by term id.
    terms: Vec<(u32, u32)>,
    speakers: Vec<SpeakerCell>,
    /// The token ids of its sentences, each sentence ended by [`BREAK`].
    ids: Vec<u32>,
    document: Option<Document>,
}

/// Ends a sentence in [`Entry::ids`].
const BREAK: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct SpeakerCell {
    speaker: u32,
    words: u64,
    share: f64,
    turns: u64,
}

/// A speaker known across documents: their key and every name written for them, with
/// the words under each.
#[derive(Debug, Clone)]
struct Known {
    key: String,
    names: Vec<(String, u64)>,
}

impl Known {
    /// The name with most words; ties by first seen.
    fn name(&self) -> &str {
        let mut best: Option<&(String, u64)> = None;
        for n in &self.names {
            if best.is_none_or(|b| n.1 > b.1) {
                best = Some(n);
            }
        }
        best.map_or("", |b| b.0.as_str())
    }
}

/// Strings to ids.
#[derive(Debug, Clone, Default)]
struct Interner {
    index: FxHashMap<String, u32>,
    strings: Vec<String>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        let id = u32::try_from(self.strings.len()).unwrap_or(u32::MAX);
        self.strings.push(s.to_owned());
        self.index.insert(s.to_owned(), id);
        id
    }

    fn get(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }

    fn string(&self, id: u32) -> &str {
        self.strings.get(id as usize).map_or("", String::as_str)
    }
}

/// A document analysed, before it joins a corpus (the step that may run in parallel).
struct Analysed {
    meta: DocumentMeta,
    doc: Document,
    counts: DocumentCounts,
}

fn analyse_one(meta: DocumentMeta, text: String, options: &Options, view: &ViewOptions) -> Analysed {
    let doc = Document::new(text, options);
    let counts = Counts::new(&doc).document_counts(view);
    Analysed { meta, doc, counts }
}

impl Corpus {
    /// An empty corpus whose documents are analysed with `options`.
    pub fn new(options: &Options, config: CorpusConfig) -> Corpus {
        Corpus {
            options: options.clone(),
            view: tables::table_view(&options.view),
            config,
            entries: Vec::new(),
            terms: Interner::default(),
            vocab: Vocab::default(),
            edge: Vec::new(),
            word: Vec::new(),
            speakers: Vec::new(),
            speaker_index: FxHashMap::default(),
            kept_bytes: 0,
        }
    }

    /// The options its documents are analysed with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Documents so far.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Analyses `text` and adds it as the next document; its row in the documents table.
    pub fn add(&mut self, meta: DocumentMeta, text: String) -> crate::DocumentRow {
        let analysed = analyse_one(meta, text, &self.options, &self.view);
        self.join(analysed)
    }

    /// Analyses every text, on every core the host gives (rayon), and adds them in
    /// order: the corpus is the one [`Corpus::add`] would build one by one.
    #[cfg(feature = "parallel")]
    pub fn add_all(&mut self, documents: Vec<(DocumentMeta, String)>) {
        use rayon::prelude::*;
        let (options, view) = (&self.options, &self.view);
        let analysed: Vec<Analysed> =
            documents.into_par_iter().map(|(meta, text)| analyse_one(meta, text, options, view)).collect();
        for a in analysed {
            self.join(a);
        }
    }

    /// A document's whole text and tokens, if the corpus kept it.
    pub fn document(&self, index: usize) -> Option<&Document> {
        self.entries.get(index).and_then(|e| e.document.as_ref())
    }

    fn join(&mut self, a: Analysed) -> crate::DocumentRow {
        let Analysed { meta, doc, counts } = a;
        let row = tables::row_of(meta, &counts, doc.text().len());
        let mut terms: Vec<(u32, u32)> = counts
            .terms
            .iter()
            .map(|t| (self.terms.intern(&t.term), u32::try_from(t.count).unwrap_or(u32::MAX)))
            .collect();
        terms.sort_unstable();
        let speakers = tables::speaker_rows(&counts.speakers)
            .iter()
            .map(|s| SpeakerCell { speaker: self.speaker(s), words: s.words, share: s.share, turns: s.turns })
            .collect();
        let ids = self.token_ids(&doc, &counts.stop);
        let bytes = doc.text().len();
        let document = (self.kept_bytes + bytes <= self.config.keep_bytes).then(|| {
            self.kept_bytes += bytes;
            doc
        });
        self.entries.push(Entry { row: row.clone(), terms, speakers, ids, document });
        row
    }

    /// The corpus index of a document's speaker, after counting their words under the
    /// name this document gives.
    fn speaker(&mut self, row: &crate::SpeakerRow) -> u32 {
        let index = match self.speaker_index.get(&row.speaker_key) {
            Some(&i) => i,
            None => {
                let i = u32::try_from(self.speakers.len()).unwrap_or(u32::MAX);
                self.speakers.push(Known { key: row.speaker_key.clone(), names: Vec::new() });
                self.speaker_index.insert(row.speaker_key.clone(), i);
                i
            }
        };
        if let Some(known) = self.speakers.get_mut(index as usize) {
            match known.names.iter_mut().find(|(n, _)| *n == row.speaker) {
                Some(n) => n.1 += row.words,
                None => known.names.push((row.speaker.clone(), row.words)),
            }
        }
        index
    }

    /// The document's sentences as corpus token ids, each ended by [`BREAK`]; new types
    /// get their phrase-edge and word flags.
    fn token_ids(&mut self, doc: &Document, stop: &[bool]) -> Vec<u32> {
        let toks = doc.tokens();
        let include_numbers = self.view.include_numbers;
        let edge_stopwords = self.view.phrase_edge_stopwords;
        let map: Vec<u32> = (0..toks.vocab.len())
            .map(|i| {
                let local = u32::try_from(i).unwrap_or(u32::MAX);
                let id = self.vocab.intern(toks.vocab.string(local));
                if id as usize == self.word.len() {
                    let word = include_numbers || toks.vocab.kind(local) == crate::TokenKind::Word;
                    let stopword = stop.get(i).copied().unwrap_or(false);
                    self.word.push(word);
                    self.edge.push(word && (edge_stopwords || !stopword));
                }
                id
            })
            .collect();
        let mut ids = Vec::with_capacity(toks.tokens.len() + toks.sentences.len());
        for sentence in &toks.sentences {
            let Some(st) = toks.tokens.get(sentence.tokens.clone()) else { continue };
            ids.extend(st.iter().map(|t| map.get(t.id as usize).copied().unwrap_or(BREAK)));
            ids.push(BREAK);
        }
        ids.shrink_to_fit();
        ids
    }
}
