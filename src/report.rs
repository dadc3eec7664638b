//! The views: turning [`Counts`] into the [`Analysis`] contract.

mod comparison;
mod distinctive;

use std::collections::BTreeMap;

use std::cmp::Ordering;

use rustc_hash::FxHashMap;

use crate::counts::{Counts, NgramKey, PAD};
use crate::language::{self, detect};
use crate::parse::alias::suggest_aliases;
use crate::parse::joint::joint_members;
use crate::parse::Speaker;
use crate::sort::{sort_by, top_k, top_k_by_count};
use crate::stats::readability::coleman_liau;
use crate::token::TokenKind;
use crate::{AliasSuggestion, Diagnostic, DiagnosticKind, Format, LabelHint, Span, Stopwords, ViewOptions, MAX_NGRAM};

#[cfg(feature = "serde")]
use serde::Serialize;

/// Turns per-speaker counts keyed by speaker index into a map keyed by name.
/// A document's counts as a corpus keeps them ([`Counts::document_counts`]).
pub(crate) struct DocumentCounts {
    pub language: Option<String>,
    pub format: crate::Format,
    pub tokens: usize,
    pub types: usize,
    pub sentences: usize,
    pub turns: usize,
    pub speakers: Vec<SpeakerStats>,
    /// Every term of the term view, `by_speaker` empty.
    pub terms: Vec<TermStats>,
    /// Per token id: a stopword.
    pub stop: Vec<bool>,
}

type BySpeakerFn<'a> = dyn Fn(&mut dyn Iterator<Item = (u32, usize)>) -> BTreeMap<String, usize> + 'a;

/// Totals over the whole transcript.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Summary {
    /// Tokens of speech (words and numbers), excluding labels, stage directions and furniture.
    pub tokens: usize,
    /// Distinct tokens.
    pub types: usize,
    pub sentences: usize,
    pub turns: usize,
    pub speakers: usize,
    /// How the text was parsed (plain text, WebVTT, SRT).
    pub format: Format,
    /// The file the text was read from, when it was read from one that is not plain text
    /// (`docx`, `whisper-json`, …; [`crate::read`] and [`crate::analyse_read`]): an engine's
    /// JSON is parsed as WebVTT, and this names what it was.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub source: Option<crate::read::SourceFormat>,
    /// The dominant script of the speech (`Latin`, `Cyrillic`, …).
    pub script: Option<String>,
    /// The detected language's code (`en`), if any.
    pub language: Option<String>,
    pub language_name: Option<String>,
    /// The stopword list in force for the views (`en`, `custom`, `none`).
    pub stopwords: String,
    /// The language whose Snowball stemmer grouped the terms, if stemming is on.
    pub stemmer: Option<String>,
    /// Stage directions removed from speech.
    pub stage_directions: usize,
    /// Lines of page furniture left out of the counts.
    pub excluded_furniture_lines: usize,
    /// Lines left out as neither speech nor a label: headings, procedural lines,
    /// inserted documents, page markers.
    pub left_out_lines: usize,
    /// How the text marks its speakers, in words (`labels ending in a period, as in
    /// the Congressional Record`); `None` for captions.
    pub convention: Option<String>,
    /// Types / tokens.
    pub ttr: f64,
    /// Moving-average TTR over windows of 500 tokens (the TTR for shorter texts).
    pub mattr: Option<f64>,
    /// Types that occur once.
    pub hapax: usize,
    /// Tokens per sentence.
    pub mean_sentence_length: f64,
    /// Coleman–Liau index: 0.0588·L − 0.296·S − 15.8 (L letters and S sentences per 100 words).
    pub coleman_liau: Option<f64>,
}

/// One speaker's share of the talk.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SpeakerStats {
    pub name: String,
    /// `false` for the `(unattributed)` pseudo-speaker.
    pub attributed: bool,
    pub words: usize,
    /// Of all words, attributed or not; shares sum to 1.
    pub share: f64,
    pub turns: usize,
    pub mean_turn_words: f64,
    pub median_turn_words: f64,
    pub longest_turn_words: usize,
    /// Sentences ending in a question mark.
    pub questions: usize,
    pub types: usize,
    /// Types / words.
    pub ttr: f64,
    /// Byte offset where the speaker's first and last turns start.
    pub first_position: usize,
    pub last_position: usize,
    /// The speaker's own most frequent terms (same filters as the term view).
    pub top_terms: Vec<SpeakerTerm>,
    pub sentences: usize,
    /// Words per sentence.
    pub mean_sentence_length: f64,
    pub hapax: usize,
    pub mattr: Option<f64>,
    pub coleman_liau: Option<f64>,
    /// Words this speaker uses more than their reference (everyone else, unless the
    /// comparison names others), by Fightin' Words z (descending). Empty for a
    /// speaker left out of the comparison.
    pub distinctive: Vec<Distinctive>,
    /// Words this speaker uses less than their reference, most avoided first.
    pub avoided: Vec<Distinctive>,
}

/// A word's keyness for one speaker against their reference (see [`crate::Comparison`]).
///
/// `delta` and `z`: Fightin' Words (Monroe, Colaresi & Quinn 2008), the weighted
/// log-odds ratio with an informative Dirichlet prior from the compared words, scaled
/// to a tenth of their weight by default (`docs/analyses.md`).
/// `g2`: four-term log-likelihood, signed (negative when the speaker uses the word
/// less); `log_ratio`: log2 of the ratio of relative frequencies (Hardie 2014).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Distinctive {
    pub term: String,
    /// Occurrences in this speaker's speech.
    pub count: usize,
    /// Occurrences in the reference's speech (everyone else's, by default).
    pub other_count: usize,
    pub delta: f64,
    pub z: f64,
    pub g2: f64,
    pub log_ratio: f64,
    /// |z| > 1.96: the difference is significant at p < 0.05 by Fightin' Words.
    pub z_significant: bool,
    /// |G²| > 3.84: significant at p < 0.05 by log-likelihood (χ², 1 df).
    pub g2_significant: bool,
}

/// A term in one speaker's top terms.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SpeakerTerm {
    pub term: String,
    pub count: usize,
}

/// A term and its counts.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TermStats {
    pub term: String,
    pub count: usize,
    /// Occurrences per 10,000 tokens.
    pub per10k: f64,
    pub by_speaker: BTreeMap<String, usize>,
    /// With stemming: every form grouped under this term, most frequent first
    /// (empty when the term stands alone).
    pub forms: Vec<String>,
}

/// A recurring phrase.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Phrase {
    pub text: String,
    pub n: usize,
    pub count: usize,
    pub by_speaker: BTreeMap<String, usize>,
    /// Byte offset of the first occurrence.
    pub first: usize,
}

/// A turn, as counted.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TurnStats {
    pub speaker: String,
    pub start: usize,
    pub end: usize,
    pub words: usize,
    /// When the turn starts, in milliseconds, where the transcript says
    /// ([`crate::Turn::start_ms`]); absent otherwise.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "typescript", ts(optional, type = "number"))]
    pub start_ms: Option<u64>,
    /// When it ends (captions' cue ends); absent where only starts are written.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "typescript", ts(optional, type = "number"))]
    pub end_ms: Option<u64>,
}

/// How often one kind of stage direction occurred.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct DirectionCount {
    pub kind: String,
    pub count: usize,
}

/// Everything computed from one transcript: the JSON contract of the CLI and wasm.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Analysis {
    pub summary: Summary,
    /// By words, descending; ties by first appearance.
    pub speakers: Vec<SpeakerStats>,
    /// By count, descending; ties by term.
    pub terms: Vec<TermStats>,
    /// By count, descending; then longer first; then text.
    pub phrases: Vec<Phrase>,
    pub turns: Vec<TurnStats>,
    pub stage_directions: Vec<DirectionCount>,
    pub alias_suggestions: Vec<AliasSuggestion>,
    pub diagnostics: Vec<Diagnostic>,
    /// When under half of the words have a speaker: lines that look like labels the
    /// detection did not take, and a label pattern that reads them.
    pub label_hint: Option<LabelHint>,
}

impl Analysis {
    /// Rewrites every offset with `f` (for instance to UTF-16 units).
    pub fn map_offsets(&mut self, f: impl Fn(usize) -> usize) {
        for s in &mut self.speakers {
            s.first_position = f(s.first_position);
            s.last_position = f(s.last_position);
        }
        for p in &mut self.phrases {
            p.first = f(p.first);
        }
        for t in &mut self.turns {
            t.start = f(t.start);
            t.end = f(t.end);
        }
        for d in &mut self.diagnostics {
            d.start = f(d.start);
            d.end = f(d.end);
        }
    }
}

impl Counts {
    /// Renders the views.
    pub fn report(&self, view: &ViewOptions) -> Analysis {
        let mut diagnostics = self.diagnostics.clone();
        let detected = detect(&self.sample);
        let (stop, stop_name) = self.stopword_ids(view, detected.as_ref(), &mut diagnostics);
        let names: Vec<&str> = self.speakers.iter().map(|s| s.name.as_str()).collect();
        let by_speaker = |by: &mut dyn Iterator<Item = (u32, usize)>| -> BTreeMap<String, usize> {
            let mut map = BTreeMap::new();
            for (s, n) in by {
                if let Some(name) = names.get(s as usize) {
                    *map.entry((*name).to_owned()).or_default() += n;
                }
            }
            map
        };
        let in_view = self.term_view(view, &stop);
        let (mut speakers, entries) = self.speaker_stats();
        self.add_speaker_terms(&mut speakers, &entries, view, &in_view);
        self.add_speaker_statistics(&mut speakers, &entries);
        self.add_distinctive(&mut speakers, &entries, &in_view, &view.comparison, &mut diagnostics);
        let stem_language = if view.stem {
            match &view.stopwords {
                Stopwords::Language(code) => Some(code.clone()),
                _ => auto_language(detected.as_ref(), &self.scripts).map(str::to_owned),
            }
            .filter(|code| crate::stem::stemmer(code).is_some())
        } else {
            None
        };
        let stemmer = stem_language.as_deref().and_then(crate::stem::stemmer);
        let terms = self.terms(view, &in_view, stemmer.as_ref(), &by_speaker);
        let phrases = self.phrases(view, &stop, &by_speaker);
        let turns = self
            .turns
            .iter()
            .map(|t| TurnStats {
                speaker: names.get(t.speaker as usize).map_or_else(String::new, |s| (*s).to_owned()),
                start: t.span.start,
                end: t.span.end,
                words: t.words,
                start_ms: t.start_ms,
                end_ms: t.end_ms,
            })
            .collect();
        let mut stage_directions: Vec<DirectionCount> =
            self.directions.iter().map(|(kind, &count)| DirectionCount { kind: kind.clone(), count }).collect();
        sort_by(&mut stage_directions, |a, b| b.count.cmp(&a.count).then_with(|| a.kind.cmp(&b.kind)));
        let alias_suggestions = self.alias_suggestions();
        self.diagnose(&alias_suggestions, &mut diagnostics);
        self.not_speech.diagnose(&mut diagnostics);
        crate::diagnostic::sort(&mut diagnostics);
        let types = self.term_counts.iter().filter(|&&c| c > 0).count();
        let summary = Summary {
            tokens: self.tokens,
            types,
            sentences: self.sentences,
            turns: self.turns.len(),
            source: None,
            speakers: speakers.len(),
            format: self.format,
            script: self.scripts.dominant().map(|s| s.name().to_owned()),
            language: detected.as_ref().map(|d| d.code.to_owned()),
            language_name: detected.as_ref().map(|d| d.name.to_owned()),
            stopwords: stop_name,
            stemmer: stem_language,
            stage_directions: stage_directions.iter().map(|d| d.count).sum(),
            excluded_furniture_lines: self.furniture_lines,
            left_out_lines: self.not_speech.lines(),
            convention: self.convention.clone(),
            ttr: if self.tokens > 0 { types as f64 / self.tokens as f64 } else { 0.0 },
            mattr: self.mattr.value(types),
            hapax: self.term_counts.iter().filter(|&&c| c == 1).count(),
            mean_sentence_length: if self.sentences > 0 { self.tokens as f64 / self.sentences as f64 } else { 0.0 },
            coleman_liau: coleman_liau(
                self.counted().map(|(id, c)| c * self.vocab.letters(id)).sum(),
                self.word_tokens(self.counted()),
                self.sentences,
            ),
        };
        let label_hint = self.label_hint.clone().filter(|_| self.few_attributed());
        Analysis {
            summary,
            speakers,
            terms,
            phrases,
            turns,
            stage_directions,
            alias_suggestions,
            diagnostics,
            label_hint,
        }
    }

    /// Does no word, or under half of the words, have a speaker? (No word at all when
    /// the text was all left out, as a headline before the first label can be.)
    fn few_attributed(&self) -> bool {
        let attributed: usize = self
            .turns
            .iter()
            .filter(|t| self.speakers.get(t.speaker as usize).is_some_and(|s| s.attributed))
            .map(|t| t.words)
            .sum();
        attributed == 0 || attributed * 2 < self.tokens
    }

    /// `(id, count)` of every type.
    fn counted(&self) -> impl Iterator<Item = (u32, usize)> + '_ {
        self.term_counts.iter().enumerate().filter_map(|(id, &c)| Some((u32::try_from(id).ok()?, c)))
    }

    /// Diagnostics about the whole transcript, which no part of it can decide alone.
    fn diagnose(&self, aliases: &[AliasSuggestion], out: &mut Vec<Diagnostic>) {
        let attributed = self.speakers.iter().any(|s| s.attributed);
        let is_unattributed =
            |t: &&crate::counts::TurnEntry| self.speakers.get(t.speaker as usize).is_some_and(|s| !s.attributed);
        if !attributed {
            if self.tokens > 0 {
                out.push(Diagnostic::new(
                    DiagnosticKind::NoSpeakers,
                    Span::new(0, self.text_len),
                    "no speaker labels found: all speech is attributed to (unattributed)",
                ));
            }
        } else if let Some(first) = self.turns.iter().find(is_unattributed) {
            let words: usize = self.turns.iter().filter(is_unattributed).map(|t| t.words).sum();
            out.push(Diagnostic::new(
                DiagnosticKind::UnattributedText,
                first.span,
                format!("text before the first speaker label ({words} words) is attributed to (unattributed)"),
            ));
        }
        if self.speakers.iter().any(|s| s.labels >= 2) {
            for s in self.speakers.iter().filter(|s| s.attributed && s.labels == 1) {
                out.push(Diagnostic::new(
                    DiagnosticKind::SingleUseLabel,
                    s.first_label,
                    format!("the label \"{}\" is used only once; check that it names a speaker", s.name),
                ));
            }
        }
        self.diagnose_joint(out);
        for a in aliases {
            let span = self.speakers.iter().find(|s| s.attributed && s.name == a.from).map(|s| s.first_label);
            out.push(Diagnostic::new(
                DiagnosticKind::AliasSuggestion,
                span.unwrap_or_default(),
                format!("\"{}\" may be the same speaker as \"{}\"; merge them with an alias if so", a.from, a.to),
            ));
        }
    }

    /// A diagnostic per joint speaker who speaks: its words are credited to each
    /// member (split), or the option to do so (not split).
    fn diagnose_joint(&self, out: &mut Vec<Diagnostic>) {
        let mut words = vec![0usize; self.speakers.len()];
        for t in &self.turns {
            if let Some(w) = words.get_mut(t.speaker as usize) {
                *w += t.words;
            }
        }
        for (s, &w) in self.speakers.iter().zip(&words) {
            if w == 0 || !s.attributed {
                continue;
            }
            let message = if s.members.is_empty() {
                let Some(members) = joint_members(&s.name) else { continue };
                format!(
                    "\"{}\" speak together ({w} {}, counted as one speaker's); the split-joint-speakers option credits them to each of {}",
                    s.name,
                    if w == 1 { "word" } else { "words" },
                    list(&members)
                )
            } else {
                let members: Vec<String> =
                    s.members.iter().filter_map(|&m| self.speakers.get(m as usize)).map(|m| m.name.clone()).collect();
                format!(
                    "\"{}\" speak together: their {w} {} credited to each of {}, so the speakers' words add up to more than the transcript's",
                    s.name,
                    if w == 1 { "word is" } else { "words are" },
                    list(&members)
                )
            };
            out.push(Diagnostic::new(DiagnosticKind::JointSpeaker, s.first_label, message));
        }
    }

    /// What a corpus keeps of a document: its counts for the documents table, its
    /// speakers, every term of the term view (not split by speaker), and the stopword flag
    /// of every type. A report without what the corpus does not use (per-speaker term
    /// lists and statistics, distinctive words, phrases, diagnostics).
    pub(crate) fn document_counts(&self, view: &ViewOptions) -> DocumentCounts {
        let detected = detect(&self.sample);
        let (stop, _) = self.stopword_ids(view, detected.as_ref(), &mut Vec::new());
        let in_view = self.term_view(view, &stop);
        let (speakers, _) = self.speaker_stats();
        let stemmer = if view.stem {
            match &view.stopwords {
                Stopwords::Language(code) => Some(code.as_str()),
                _ => auto_language(detected.as_ref(), &self.scripts),
            }
            .and_then(crate::stem::stemmer)
        } else {
            None
        };
        let terms = self.terms(view, &in_view, stemmer.as_ref(), &|_| BTreeMap::new());
        DocumentCounts {
            language: detected.as_ref().map(|d| d.code.to_owned()),
            format: self.format,
            tokens: self.tokens,
            types: self.term_counts.iter().filter(|&&c| c > 0).count(),
            sentences: self.sentences,
            turns: self.turns.len(),
            speakers,
            terms,
            stop,
        }
    }

    fn stopword_ids(
        &self,
        view: &ViewOptions,
        detected: Option<&language::Detected>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (Vec<bool>, String) {
        let mut words: Vec<&str> = Vec::new();
        let name = match &view.stopwords {
            Stopwords::None => "none".to_owned(),
            Stopwords::Custom(list) => {
                words.extend(list.iter().map(String::as_str));
                "custom".to_owned()
            }
            Stopwords::Language(code) => match language::stopwords(code) {
                Some(list) => {
                    words.extend(list.iter().copied());
                    code.clone()
                }
                None => {
                    diagnostics.push(Diagnostic::new(
                        DiagnosticKind::UnknownStopwordLanguage,
                        Span::default(),
                        format!("no stopword list for language \"{code}\"; no stopwords were removed"),
                    ));
                    "none".to_owned()
                }
            },
            Stopwords::Auto => {
                match auto_language(detected, &self.scripts).and_then(|c| Some((c, language::stopwords(c)?))) {
                    Some((code, list)) => {
                        words.extend(list.iter().copied());
                        code.to_owned()
                    }
                    None => "none".to_owned(),
                }
            }
        };
        words.extend(view.extra_stopwords.iter().map(String::as_str));
        let mut folded = String::new();
        let mut ids = vec![false; self.vocab.len()];
        for w in words {
            crate::token::fold_word(w.trim(), &mut folded);
            if let Some(slot) = self.vocab.get(&folded).and_then(|id| ids.get_mut(id as usize)) {
                *slot = true;
            }
        }
        (ids, name)
    }

    /// Speaker statistics, by words (descending), and the index of each one's entry.
    fn speaker_stats(&self) -> (Vec<SpeakerStats>, Vec<usize>) {
        // Words per turn, saturated to u32 to be sorted by the one integer sort. A
        // joint speaker's turns are its members' (when split), and shares are of the
        // words so credited.
        let mut total = 0usize;
        let mut turn_words: Vec<Vec<u32>> = vec![Vec::new(); self.speakers.len()];
        let mut first: Vec<Option<usize>> = vec![None; self.speakers.len()];
        let mut last: Vec<usize> = vec![0; self.speakers.len()];
        for t in &self.turns {
            for s in self.credited(t.speaker) {
                let s = s as usize;
                total += t.words;
                if let Some(v) = turn_words.get_mut(s) {
                    v.push(u32::try_from(t.words).unwrap_or(u32::MAX));
                }
                if let Some(f) = first.get_mut(s) {
                    f.get_or_insert(t.span.start);
                }
                if let Some(l) = last.get_mut(s) {
                    *l = t.span.start;
                }
            }
        }
        let mut out: Vec<(usize, usize, SpeakerStats)> = Vec::new();
        for (i, entry) in self.speakers.iter().enumerate() {
            let Some(turns) = turn_words.get_mut(i) else {
                continue;
            };
            if turns.is_empty() {
                continue;
            }
            let words: usize = turns.iter().map(|&w| w as usize).sum();
            let n = turns.len();
            turns.sort_unstable();
            let median = match turns.len() {
                0 => 0.0,
                len if len % 2 == 1 => f64::from(turns.get(len / 2).copied().unwrap_or(0)),
                len => {
                    let a = turns.get(len / 2 - 1).copied().unwrap_or(0);
                    let b = turns.get(len / 2).copied().unwrap_or(0);
                    (f64::from(a) + f64::from(b)) / 2.0
                }
            };
            let t = self.speaker_terms.get(i).map_or(0, Vec::len);
            let position = first.get(i).copied().flatten().unwrap_or(0);
            out.push((
                position,
                i,
                SpeakerStats {
                    name: entry.name.clone(),
                    attributed: entry.attributed,
                    words,
                    share: if total > 0 { words as f64 / total as f64 } else { 0.0 },
                    turns: n,
                    mean_turn_words: words as f64 / n as f64,
                    median_turn_words: median,
                    longest_turn_words: turns.last().map_or(0, |&w| w as usize),
                    questions: entry.questions,
                    types: t,
                    ttr: if words > 0 { t as f64 / words as f64 } else { 0.0 },
                    first_position: position,
                    last_position: last.get(i).copied().unwrap_or(0),
                    top_terms: Vec::new(),
                    sentences: entry.sentences,
                    mean_sentence_length: if entry.sentences > 0 { words as f64 / entry.sentences as f64 } else { 0.0 },
                    hapax: 0,
                    mattr: entry.mattr.value(t),
                    coleman_liau: None,
                    distinctive: Vec::new(),
                    avoided: Vec::new(),
                },
            ));
        }
        sort_by(&mut out, |(fa, _, a), (fb, _, b)| {
            b.words.cmp(&a.words).then(fa.cmp(fb)).then_with(|| a.name.cmp(&b.name))
        });
        out.into_iter().map(|(_, i, s)| (s, i)).unzip()
    }

    /// The speakers credited with `speaker`'s words: its members if it is a joint
    /// speaker split among them, else itself.
    fn credited(&self, speaker: u32) -> impl Iterator<Item = u32> + '_ {
        let members = self.speakers.get(speaker as usize).map_or(&[][..], |s| s.members.as_slice());
        let own = members.is_empty().then_some(speaker);
        members.iter().copied().chain(own)
    }

    /// Count descending, then term: the order of every term list.
    fn by_count<'a>(&'a self, count: impl Fn(u32) -> usize + 'a) -> impl Fn(&u32, &u32) -> Ordering + 'a {
        move |&a, &b| count(b).cmp(&count(a)).then_with(|| self.vocab.string(a).cmp(self.vocab.string(b)))
    }

    /// Tokens of kind word among `(id, count)` pairs.
    fn word_tokens(&self, counts: impl Iterator<Item = (u32, usize)>) -> usize {
        counts.filter(|&(id, _)| self.vocab.kind(id) == TokenKind::Word).map(|(_, c)| c).sum()
    }

    fn add_speaker_statistics(&self, speakers: &mut [SpeakerStats], entries: &[usize]) {
        for (stats, &e) in speakers.iter_mut().zip(entries) {
            let Some(terms) = self.speaker_terms.get(e) else { continue };
            let letters = terms.iter().map(|&(id, n)| n as usize * self.vocab.letters(id)).sum();
            let words = self.word_tokens(terms.iter().map(|&(id, n)| (id, n as usize)));
            stats.hapax = terms.iter().filter(|&&(_, n)| n == 1).count();
            stats.coleman_liau = coleman_liau(letters, words, stats.sentences);
        }
    }

    fn add_speaker_terms(
        &self,
        speakers: &mut [SpeakerStats],
        entries: &[usize],
        view: &ViewOptions,
        in_view: &[bool],
    ) {
        for (stats, &e) in speakers.iter_mut().zip(entries) {
            let Some(own) = self.speaker_terms.get(e) else { continue };
            let mut terms: Vec<(u32, u32)> =
                own.iter().copied().filter(|&(id, _)| in_view.get(id as usize).copied().unwrap_or(false)).collect();
            let term = |id: u32| self.vocab.string(id);
            top_k_by_count(
                &mut terms,
                view.top_speaker_terms,
                |x| x.1,
                |a, b| b.1.cmp(&a.1).then_with(|| term(a.0).cmp(term(b.0))),
            );
            stats.top_terms = terms
                .into_iter()
                .map(|(id, count)| SpeakerTerm { term: term(id).to_owned(), count: count as usize })
                .collect();
        }
    }

    /// Which types the term views show: words (and numbers if asked), not stopwords,
    /// at least `min_term_length` characters.
    fn term_view(&self, view: &ViewOptions, stop: &[bool]) -> Vec<bool> {
        (0..self.vocab.len())
            .map(|i| {
                let id = u32::try_from(i).unwrap_or(u32::MAX);
                (view.include_numbers || self.vocab.kind(id) == TokenKind::Word)
                    && !stop.get(i).copied().unwrap_or(false)
                    && self.vocab.char_len(id) >= view.min_term_length
            })
            .collect()
    }

    /// `(speaker, count)` of `id` for every speaker who used it.
    fn speakers_of(&self, id: u32) -> impl Iterator<Item = (u32, usize)> + '_ {
        self.speaker_terms.iter().enumerate().filter_map(move |(s, terms)| {
            let k = terms.binary_search_by_key(&id, |x| x.0).ok()?;
            Some((u32::try_from(s).ok()?, terms.get(k)?.1 as usize))
        })
    }

    fn terms(
        &self,
        view: &ViewOptions,
        in_view: &[bool],
        stemmer: Option<&rust_stemmers::Stemmer>,
        by_speaker: &BySpeakerFn<'_>,
    ) -> Vec<TermStats> {
        let count = |id: u32| self.term_counts.get(id as usize).copied().unwrap_or(0);
        let by_count = self.by_count(count);
        let ids = (0..self.term_counts.len())
            .filter_map(|i| u32::try_from(i).ok())
            .filter(|&id| count(id) > 0 && in_view.get(id as usize).copied().unwrap_or(false));
        // Each group is one reported term: a type, or every type sharing a stem.
        let mut groups: Vec<Vec<u32>> = match stemmer {
            None => {
                let mut ids: Vec<u32> = ids.collect();
                top_k_by_count(&mut ids, view.top_terms, |&id| u32::try_from(count(id)).unwrap_or(u32::MAX), &by_count);
                ids.into_iter().map(|id| vec![id]).collect()
            }
            Some(stemmer) => {
                let mut by_stem: BTreeMap<String, Vec<u32>> = BTreeMap::new();
                for id in ids {
                    by_stem.entry(stemmer.stem(self.vocab.string(id)).into_owned()).or_default().push(id);
                }
                let mut groups: Vec<Vec<u32>> = by_stem.into_values().collect();
                for g in &mut groups {
                    sort_by(g, &by_count);
                }
                let total_of = |g: &Vec<u32>| g.iter().map(|&id| count(id)).sum::<usize>();
                top_k(&mut groups, view.top_terms, |a, b| {
                    total_of(b)
                        .cmp(&total_of(a))
                        .then_with(|| by_count(a.first().unwrap_or(&0), b.first().unwrap_or(&0)))
                });
                groups
            }
        };
        let total = self.tokens.max(1) as f64;
        groups
            .iter_mut()
            .map(|g| {
                let n = g.iter().map(|&id| count(id)).sum::<usize>();
                // In any order: by_speaker adds up the counts.
                let mut per = g.iter().flat_map(|&id| self.speakers_of(id));
                TermStats {
                    term: g.first().map_or_else(String::new, |&id| self.vocab.string(id).to_owned()),
                    count: n,
                    per10k: n as f64 * 10_000.0 / total,
                    by_speaker: by_speaker(&mut per),
                    forms: if g.len() > 1 {
                        g.iter().map(|&id| self.vocab.string(id).to_owned()).collect()
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect()
    }

    /// Recurring phrases, most frequent first, each reported once at its longest: a
    /// phrase inside a reported longer phrase with the same count is left out.
    ///
    /// Only the top `top_phrases` (k) are shown, so rare phrases need not be counted:
    /// the count T of the (k × (`ngram_max` − 1))-th most frequent bigram that could be
    /// shown becomes the minimum for every order. That loses none of the top k:
    /// - every phrase counted at least T times is still counted exactly, and ranks
    ///   above every rarer one; whether it is left out depends only on longer phrases
    ///   with the same count, which are counted too;
    /// - and at least k of them are shown: a shown phrase leaves out at most
    ///   `ngram_max` − 1 bigrams inside it, so fewer than k shown phrases could not
    ///   account for k × (`ngram_max` − 1) bigrams.
    ///
    /// (`tests/it/properties.rs` checks that the top k are the first k of all phrases.)
    fn phrases(&self, view: &ViewOptions, stop: &[bool], by_speaker: &BySpeakerFn<'_>) -> Vec<Phrase> {
        let min_n = view.ngram_min.max(2);
        let max_n = view.ngram_max.min(crate::MAX_NGRAM);
        let is_word = |id: u32| view.include_numbers || self.vocab.kind(id) == TokenKind::Word;
        let ok_edge =
            |id: u32| (view.phrase_edge_stopwords || !stop.get(id as usize).copied().unwrap_or(false)) && is_word(id);
        let limit = if view.top_phrases > 0 { view.top_phrases } else { usize::MAX };
        // Bigrams are shown only if `min_n` is 2; otherwise nothing is raised.
        let pool = if min_n == 2 { limit.saturating_mul(max_n.saturating_sub(1).max(1)) } else { usize::MAX };
        let raise = |first: &[u32], second: &[u32], counts: &[u32]| -> usize {
            let shown: Vec<u32> = first
                .iter()
                .zip(second)
                .zip(counts)
                .filter(|((&a, &b), _)| ok_edge(a) && ok_edge(b))
                .map(|(_, &c)| c)
                .collect();
            if shown.len() < pool || pool == 0 {
                return 0;
            }
            crate::sort::kth_largest(&shown, pool).map_or(0, |nth| nth as usize)
        };
        let ngrams = crate::phrases::count(&self.stream, &self.term_counts, view.min_count, max_n, raise);
        let reported = self.top_phrases(&ngrams, min_n, max_n, limit, &ok_edge, &is_word);
        debug_assert!(ngrams.min_count() <= view.min_count.max(1) || reported.len() == limit);
        let at: Vec<(usize, u32)> = reported.iter().map(|&(_, n, _, index)| (n, index)).collect();
        let found = crate::phrases::occurrences_at(&ngrams, &self.stream, &at).unwrap_or_else(|| {
            let shown: Vec<&[u32]> = reported.iter().map(|(key, n, _, _)| key.get(..*n).unwrap_or(&[])).collect();
            crate::phrases::occurrences(&self.stream, &shown)
        });
        #[cfg(debug_assertions)]
        {
            let shown: Vec<&[u32]> = reported.iter().map(|(key, n, _, _)| key.get(..*n).unwrap_or(&[])).collect();
            debug_assert_eq!(found, crate::phrases::occurrences(&self.stream, &shown));
        }
        reported
            .iter()
            .zip(found)
            .map(|((key, n, count, _), seen)| {
                debug_assert_eq!(seen.count, *count);
                Phrase {
                    text: self.key_text(key),
                    n: *n,
                    count: *count as usize,
                    by_speaker: by_speaker(&mut seen.by_speaker.iter().map(|&(s, c)| (s, c as usize))),
                    first: seen.first,
                }
            })
            .collect()
    }

    /// The first `limit` phrases of `ngrams` in the reported order, leaving out those
    /// inside a reported longer phrase with the same count: `(words, n, count, index
    /// in its order)`.
    fn top_phrases(
        &self,
        ngrams: &crate::phrases::Ngrams,
        min_n: usize,
        max_n: usize,
        limit: usize,
        ok_edge: &dyn Fn(u32) -> bool,
        is_word: &dyn Fn(u32) -> bool,
    ) -> Vec<(NgramKey, usize, u32, u32)> {
        // (n, index in its order) of every n-gram that may be shown, longest first, and
        // for each its count (descending) and position there as one integer to sort:
        // count descending, then length descending, by the one sort of plain `u64`s.
        let mut shown: Vec<(usize, u32)> = Vec::new();
        let mut order: Vec<u64> = Vec::new();
        let mut words = [PAD; MAX_NGRAM];
        for n in (min_n..=max_n).rev() {
            for index in 0..ngrams.len(n) {
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                let w = ngrams.words(n, index, &mut words);
                let edges = w.first().is_some_and(|&id| ok_edge(id)) && w.last().is_some_and(|&id| ok_edge(id));
                if edges && w.iter().all(|&id| is_word(id)) {
                    let at = u64::try_from(shown.len()).unwrap_or(u64::MAX) & u64::from(u32::MAX);
                    order.push(u64::from(u32::MAX - ngrams.count(n, index)) << 32 | at);
                    shown.push((n, index));
                }
            }
        }
        order.sort_unstable();
        let candidates: Vec<(u32, usize, u32)> = order
            .iter()
            .filter_map(|&o| {
                let &(n, index) = shown.get((o & u64::from(u32::MAX)) as usize)?;
                Some((ngrams.count(n, index), n, index))
            })
            .collect();
        drop((shown, order));
        // Walk them in the reported order (count, then length, descending; then text),
        // so every longer phrase with the same count is decided before a phrase inside it.
        let text_order = |a: &NgramKey, b: &NgramKey| {
            a.iter()
                .take_while(|&&id| id != PAD)
                .map(|&id| self.vocab.string(id))
                .cmp(b.iter().take_while(|&&id| id != PAD).map(|&id| self.vocab.string(id)))
        };
        let mut covered: FxHashMap<NgramKey, u32> = FxHashMap::default();
        let mut reported: Vec<(NgramKey, usize, u32, u32)> = Vec::new();
        'groups: for group in candidates.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
            let mut keys: Vec<(NgramKey, usize, u32, u32)> = group
                .iter()
                .map(|&(count, n, index)| {
                    let mut key = [PAD; MAX_NGRAM];
                    let w = ngrams.words(n, index, &mut key).len();
                    debug_assert_eq!(w, n);
                    (key, n, count, index)
                })
                .collect();
            sort_by(&mut keys, |a, b| text_order(&a.0, &b.0));
            for (key, n, count, index) in keys {
                if reported.len() >= limit {
                    break 'groups;
                }
                if covered.get(&key).is_some_and(|&c| c >= count) {
                    continue;
                }
                for len in min_n..n {
                    for start in 0..=(n - len) {
                        let mut sub = [PAD; MAX_NGRAM];
                        if let (Some(dst), Some(src)) = (sub.get_mut(..len), key.get(start..start + len)) {
                            dst.copy_from_slice(src);
                        }
                        let c = covered.entry(sub).or_default();
                        *c = (*c).max(count);
                    }
                }
                reported.push((key, n, count, index));
            }
        }
        reported
    }

    fn key_text(&self, key: &NgramKey) -> String {
        key.iter().take_while(|&&id| id != PAD).map(|&id| self.vocab.string(id)).collect::<Vec<_>>().join(" ")
    }

    fn alias_suggestions(&self) -> Vec<AliasSuggestion> {
        let speakers: Vec<Speaker> = self
            .speakers
            .iter()
            .map(|s| Speaker { name: s.name.clone(), attributed: s.attributed, members: Vec::new() })
            .collect();
        let mut turns = vec![0usize; speakers.len()];
        for t in &self.turns {
            if let Some(n) = turns.get_mut(t.speaker as usize) {
                *n += 1;
            }
        }
        let mut out: Vec<AliasSuggestion> = suggest_aliases(&speakers, &turns)
            .into_iter()
            .filter_map(|(a, b)| {
                Some(AliasSuggestion { from: speakers.get(a)?.name.clone(), to: speakers.get(b)?.name.clone() })
            })
            .collect();
        sort_by(&mut out, Ord::cmp);
        out
    }
}

/// The language whose stopwords `auto` uses: the detected one when detection is
/// confident, else a guess from the script (English for Latin, Russian for Cyrillic).
pub(crate) fn auto_language(
    detected: Option<&language::Detected>,
    scripts: &crate::parse::script::ScriptCounts,
) -> Option<&'static str> {
    use crate::parse::Script;
    match detected {
        Some(d) if d.reliable || d.confidence >= 0.5 => Some(d.code),
        _ => match scripts.dominant() {
            Some(Script::Latin) => Some("en"),
            Some(Script::Cyrillic) => Some("ru"),
            _ => None,
        },
    }
}

/// `A`, `A and B`, `A, B and C`.
fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
