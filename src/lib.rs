//! colloquy: discourse analysis for transcripts.
//!
//! The crate is the pure core: it knows nothing of JavaScript, files or the
//! browser. Fronts (`colloquy-wasm`, `colloquy-cli`) call [`analyse`], or build a
//! [`Document`] once and query it.
//!
//! The pipeline: [`parse`] finds speakers and turns ([`Transcript`]); [`tokenize`]
//! cuts the speech into interned token ids once ([`Document`] holds both);
//! [`Counts`] counts everything in one pass and merges across chunks;
//! [`Counts::report`] renders the views into an [`Analysis`].
//!
//! ```
//! let analysis = colloquy::analyse("Alice: Hello, hello world.\nBob: Hello.", &colloquy::Options::default());
//! assert_eq!(analysis.speakers[0].name, "Alice");
//! assert_eq!(analysis.terms[0].term, "hello");
//! assert_eq!(analysis.terms[0].count, 3);
//! ```

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

mod analysis;
mod corpus;
mod counts;
mod diagnostic;
mod document;
mod dynamics;
mod facts;
#[cfg(feature = "serde")]
pub mod json;
mod language;
mod offsets;
mod options;
mod parse;
mod phrases;
mod query;
pub mod read;
mod report;
mod sort;
mod span;
pub mod stats;
pub(crate) mod stem;
mod stream;
mod swar;
pub mod token;

pub use analysis::{analyse, analyse_read};
pub use corpus::{
    document_tables, speaker_key, Corpus, CorpusConfig, CorpusDocuments, CorpusKwic, CorpusKwicHit, CorpusSpeaker,
    CorpusTotals, DocumentFrequency, DocumentMeta, DocumentRow, DocumentSet, DocumentTables, FrequencyOptions,
    GroupKeyness, GroupKeynessOptions, KeynessError, PhraseFrequency, PhraseRow, SpeakerInDocument, SpeakerRow,
    TermFrequency, TermRow, TermTrend, TrendOptions, Trends, TurnRow, DEFAULT_KEEP_BYTES, KEYNESS_TERMS, ROW_TOP_TERMS,
    TREND_MIN_COUNT,
};
pub use counts::Counts;
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use document::Document;
pub use dynamics::{
    check_bins, Bin, BinUnit, Dynamics, DynamicsOptions, Interruption, InterruptionKind, QuestionPair, SpeakerDynamics,
    Timing, Transition, TurnTime, MAX_BINS, MAX_BIN_SHARES,
};
pub use facts::Facts;
pub use language::{detect as detect_language, stopword_languages, stopwords, Detected};
pub use offsets::{utf16_len, Utf16Index, Utf16Map};
pub use options::{
    check_label_pattern, check_min_count, check_ngram_range, check_prior_weight, Alias, Comparison, Ends, Format,
    Options, ParseOptions, Reference, Stopwords, TokenizeOptions, ViewOptions, DEFAULT_PRIOR_WEIGHT, MAX_NGRAM,
    MIN_NGRAM,
};
pub use parse::convention::{Convention, Terminator};
pub use parse::{
    parse, AliasSuggestion, LabelHint, LabelUse, LeftOutKind, Script, Segment, Speaker, StageDirection, Transcript,
    Turn, UNATTRIBUTED,
};
pub use query::{
    Collocate, CollocationOptions, CollocationSort, Dispersion, DispersionParts, KwicHit, KwicOptions, KwicSort,
    Spread, SpreadOptions, TermSpread, MI_MIN_COUNT,
};
pub use report::{
    Analysis, DirectionCount, Distinctive, Phrase, SpeakerStats, SpeakerTerm, Summary, TermStats, TurnStats,
};
pub use span::Span;
pub use stem::STEMMER_LANGUAGES;
pub use stream::{OffsetUnit, Stream, StreamConfig};
pub use token::{tokenize, Sentence, Token, TokenKind, Tokens, Vocab};
