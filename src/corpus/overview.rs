//! The documents table with its totals, and each speaker across the documents.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::Corpus;
use crate::DocumentRow;

/// Every document's row, and the corpus's totals.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CorpusDocuments {
    pub rows: Vec<DocumentRow>,
    pub totals: CorpusTotals,
}

/// Totals over every document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CorpusTotals {
    pub documents: usize,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub bytes: u64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub words: u64,
    /// Distinct token types across the documents.
    pub types: usize,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub sentences: u64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub turns: u64,
    /// Distinct speakers across the documents (matched by [`crate::speaker_key`]).
    pub speakers: usize,
    /// Documents kept whole for the concordance.
    pub kept: usize,
}

/// A speaker across the documents.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CorpusSpeaker {
    /// The name written for them with most words.
    pub name: String,
    /// Every name written for them, by words.
    pub names: Vec<String>,
    pub key: String,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub words: u64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub turns: u64,
    /// Documents they speak in.
    pub documents: usize,
    /// Their words, share and turns in each document they speak in, in document order.
    pub per_document: Vec<SpeakerInDocument>,
}

/// A speaker in one document.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SpeakerInDocument {
    /// The document's index.
    pub document: u32,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub words: u64,
    /// Of the document's words credited to speakers.
    pub share: f64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub turns: u64,
}

impl Corpus {
    /// The documents table: a row per document, in order, and the totals.
    pub fn documents(&self) -> CorpusDocuments {
        let rows: Vec<DocumentRow> = self.entries.iter().map(|e| e.row.clone()).collect();
        let sum = |f: fn(&DocumentRow) -> u64| rows.iter().map(f).sum::<u64>();
        let totals = CorpusTotals {
            documents: rows.len(),
            bytes: sum(|r| r.bytes),
            words: sum(|r| r.words),
            types: self.vocab.len(),
            sentences: sum(|r| r.sentences),
            turns: sum(|r| r.turns),
            speakers: self.speakers.len(),
            kept: self.entries.iter().filter(|e| e.document.is_some()).count(),
        };
        CorpusDocuments { rows, totals }
    }

    /// Every speaker across the documents, by words (descending), ties by first
    /// appearance.
    pub fn speakers(&self) -> Vec<CorpusSpeaker> {
        let mut out: Vec<CorpusSpeaker> = self
            .speakers
            .iter()
            .map(|k| {
                let mut names = k.names.clone();
                // Stable: ties stay in the order first seen.
                crate::sort::sort_by(&mut names, |a, b| b.1.cmp(&a.1));
                CorpusSpeaker {
                    name: k.name().to_owned(),
                    names: names.into_iter().map(|(n, _)| n).collect(),
                    key: k.key.clone(),
                    words: 0,
                    turns: 0,
                    documents: 0,
                    per_document: Vec::new(),
                }
            })
            .collect();
        for (d, entry) in self.entries.iter().enumerate() {
            for cell in &entry.speakers {
                let Some(s) = out.get_mut(cell.speaker as usize) else { continue };
                s.words += cell.words;
                s.turns += cell.turns;
                match s.per_document.last_mut() {
                    // Two names of one document matched to one speaker: one cell.
                    Some(last) if last.document as usize == d => {
                        last.words += cell.words;
                        last.turns += cell.turns;
                        last.share += cell.share;
                    }
                    _ => {
                        s.documents += 1;
                        s.per_document.push(SpeakerInDocument {
                            document: u32::try_from(d).unwrap_or(u32::MAX),
                            words: cell.words,
                            share: cell.share,
                            turns: cell.turns,
                        });
                    }
                }
            }
        }
        crate::sort::sort_by(&mut out, |a, b| b.words.cmp(&a.words));
        out
    }
}
