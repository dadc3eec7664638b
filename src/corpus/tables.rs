//! One document's long-table rows: the per-document step of a corpus, a map that
//! needs no other document (the CLI writes these rows as Parquet, CSV or JSON Lines).

#[cfg(feature = "serde")]
use serde::Serialize;

use super::meta::{speaker_key, DocumentMeta};
use crate::report::DocumentCounts;
use crate::{Analysis, Counts, Document, Format, Options, SpeakerStats, ViewOptions};

/// Terms shown in a document's row of the documents table.
pub const ROW_TOP_TERMS: usize = 10;

/// A document's rows in each of the corpus tables.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct DocumentTables {
    pub document: DocumentRow,
    pub speakers: Vec<SpeakerRow>,
    pub terms: Vec<TermRow>,
    pub phrases: Vec<PhraseRow>,
    pub turns: Vec<TurnRow>,
}

/// A document in the documents table: its name, date and group, and its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct DocumentRow {
    pub name: String,
    pub date: Option<String>,
    pub group: Option<String>,
    /// How its speakers were read: `text`, `vtt` or `srt`.
    pub format: String,
    /// The detected language's code, if any.
    pub language: Option<String>,
    /// The text's length in bytes (UTF-8).
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub bytes: u64,
    /// Tokens of speech.
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub words: u64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub types: u64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub sentences: u64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub turns: u64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub speakers: u64,
    /// Its most frequent terms of the term view (at most [`ROW_TOP_TERMS`]).
    pub top_terms: Vec<String>,
}

/// A speaker in one document.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SpeakerRow {
    /// The name as the document gives it (after aliases).
    pub speaker: String,
    /// [`speaker_key`] of the name: one speaker across documents.
    pub speaker_key: String,
    pub attributed: bool,
    pub words: u64,
    /// Of the document's words credited to speakers.
    pub share: f64,
    pub turns: u64,
}

/// A term of the term view (stopwords, numbers and the minimum length as the Terms view
/// applies them) and how often one speaker of the document used it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TermRow {
    pub speaker: String,
    pub speaker_key: String,
    pub term: String,
    pub count: u64,
}

/// A phrase of the document's Phrases view at the options' minimum count (no top cut).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct PhraseRow {
    pub phrase: String,
    pub n: u32,
    pub count: u64,
}

/// A turn: its speaker, words and times where the transcript gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TurnRow {
    /// The turn's index in the document, from 0.
    pub turn: u64,
    pub speaker: String,
    pub speaker_key: String,
    pub words: u64,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
}

/// Analyses one document (parsed, tokenised and counted once) into its rows.
///
/// ```
/// use colloquy::{document_tables, DocumentMeta, Options};
/// let t = document_tables(DocumentMeta::named("a.txt"), "Ann: Taxes, taxes.\nBob: No taxes.\nAnn: Taxes!".into(), &Options::default());
/// assert_eq!((t.document.words, t.document.turns, t.document.speakers), (5, 3, 2));
/// assert_eq!(t.speakers[0].speaker, "Ann");
/// assert_eq!(t.terms.iter().filter(|r| r.term == "taxes").map(|r| r.count).sum::<u64>(), 4);
/// assert_eq!(t.turns[1].speaker_key, "bob");
/// ```
pub fn document_tables(meta: DocumentMeta, text: String, options: &Options) -> DocumentTables {
    let bytes = text.len();
    let counts = Counts::new(&Document::new(text, options));
    tables_of(meta, &counts.report(&table_view(&options.view)), bytes)
}

/// The view options that report every term of the term view and every phrase at the
/// minimum count.
pub(crate) fn table_view(view: &ViewOptions) -> ViewOptions {
    ViewOptions { top_terms: 0, top_phrases: 0, top_speaker_terms: 1, ..view.clone() }
}

/// The rows of a document's analysis (made with [`table_view`]) of a text of `bytes`.
pub(crate) fn tables_of(meta: DocumentMeta, analysis: &Analysis, bytes: usize) -> DocumentTables {
    let s = &analysis.summary;
    let key = |name: &str| speaker_key(name);
    let document = DocumentRow {
        name: meta.name,
        date: meta.date,
        group: meta.group,
        format: format_name(s.format).to_owned(),
        language: s.language.clone(),
        bytes: bytes as u64,
        words: s.tokens as u64,
        types: s.types as u64,
        sentences: s.sentences as u64,
        turns: s.turns as u64,
        speakers: s.speakers as u64,
        top_terms: analysis.terms.iter().take(ROW_TOP_TERMS).map(|t| t.term.clone()).collect(),
    };
    let speakers = speaker_rows(&analysis.speakers);
    let terms = analysis
        .terms
        .iter()
        .flat_map(|t| {
            t.by_speaker.iter().map(|(speaker, &n)| TermRow {
                speaker: speaker.clone(),
                speaker_key: key(speaker),
                term: t.term.clone(),
                count: n as u64,
            })
        })
        .collect();
    let phrases = analysis
        .phrases
        .iter()
        .map(|p| PhraseRow { phrase: p.text.clone(), n: p.n as u32, count: p.count as u64 })
        .collect();
    let turns = analysis
        .turns
        .iter()
        .enumerate()
        .map(|(i, t)| TurnRow {
            turn: i as u64,
            speaker: t.speaker.clone(),
            speaker_key: key(&t.speaker),
            words: t.words as u64,
            start_ms: t.start_ms,
            end_ms: t.end_ms,
        })
        .collect();
    DocumentTables { document, speakers, terms, phrases, turns }
}

/// A document's row, from what a corpus keeps of it: the row [`tables_of`] gives.
pub(crate) fn row_of(meta: DocumentMeta, counts: &DocumentCounts, bytes: usize) -> DocumentRow {
    DocumentRow {
        name: meta.name,
        date: meta.date,
        group: meta.group,
        format: format_name(counts.format).to_owned(),
        language: counts.language.clone(),
        bytes: bytes as u64,
        words: counts.tokens as u64,
        types: counts.types as u64,
        sentences: counts.sentences as u64,
        turns: counts.turns as u64,
        speakers: counts.speakers.len() as u64,
        top_terms: counts.terms.iter().take(ROW_TOP_TERMS).map(|t| t.term.clone()).collect(),
    }
}

/// The speakers' rows.
pub(crate) fn speaker_rows(speakers: &[SpeakerStats]) -> Vec<SpeakerRow> {
    speakers
        .iter()
        .map(|sp| SpeakerRow {
            speaker: sp.name.clone(),
            speaker_key: speaker_key(&sp.name),
            attributed: sp.attributed,
            words: sp.words as u64,
            share: sp.share,
            turns: sp.turns as u64,
        })
        .collect()
}

/// The name of how a document's speakers were read.
pub(crate) fn format_name(format: Format) -> &'static str {
    match format {
        Format::Auto | Format::Text => "text",
        Format::Vtt => "vtt",
        Format::Srt => "srt",
    }
}
