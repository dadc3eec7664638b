//! Counts: everything the views need, computed in one pass over token ids, and
//! mergeable: counts of two texts split at a turn boundary merge into the counts of
//! the whole.

use std::collections::BTreeMap;

use crate::language::{truncate, SAMPLE_BYTES};
use crate::parse::heading::LeftOutCounts;
use crate::parse::script::ScriptCounts;
use crate::phrases::IdStream;
use crate::stats::mattr::{Mattr, WINDOW};
use crate::token::Vocab;
use crate::{Diagnostic, Document, Format, Span, MAX_NGRAM};

/// An n-gram as token ids, padded with `u32::MAX`.
pub(crate) type NgramKey = [u32; MAX_NGRAM];
pub(crate) const PAD: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SpeakerEntry {
    pub name: String,
    pub attributed: bool,
    pub questions: usize,
    pub sentences: usize,
    /// MATTR state of this speaker's tokens, in order.
    pub mattr: Mattr,
    /// Labels naming this speaker, and the span of the first.
    pub labels: usize,
    pub first_label: Span,
    /// A joint speaker's members, credited with its words (indices into the speakers;
    /// empty unless [`crate::ParseOptions::split_joint_speakers`] found some).
    pub members: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TurnEntry {
    pub speaker: u32,
    pub words: usize,
    pub span: Span,
    /// The turn's times ([`crate::Turn::start_ms`], [`crate::Turn::end_ms`]).
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
}

/// Mergeable counts of one text.
#[derive(Debug, Clone)]
pub struct Counts {
    pub(crate) vocab: Vocab,
    pub(crate) term_counts: Vec<usize>,
    /// `speaker_terms[s]`: `(token id, count)` of speaker `s`'s tokens, by id.
    pub(crate) speaker_terms: Vec<Vec<(u32, u32)>>,
    pub(crate) speakers: Vec<SpeakerEntry>,
    pub(crate) turns: Vec<TurnEntry>,
    /// Every sentence's token ids, for phrase counting at report time.
    pub(crate) stream: IdStream,
    pub(crate) tokens: usize,
    pub(crate) sentences: usize,
    pub(crate) directions: BTreeMap<String, usize>,
    pub(crate) furniture: Vec<Span>,
    pub(crate) furniture_lines: usize,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) text_len: usize,
    pub(crate) sample: String,
    pub(crate) scripts: ScriptCounts,
    pub(crate) format: Format,
    /// How the text marks its speakers, in words (the first part's, for a stream).
    pub(crate) convention: Option<String>,
    /// Lines that look like labels the detection did not take (the first part's, for
    /// a stream: every part is read with the first part's convention, which holds it).
    pub(crate) label_hint: Option<crate::LabelHint>,
    /// Lines left out as not speech, and labels found mid-line.
    pub(crate) not_speech: LeftOutCounts,
    pub(crate) mattr: Mattr,
}

impl Counts {
    /// Counts `doc`.
    pub fn new(doc: &Document) -> Counts {
        Counts::with_vocab(doc, doc.tokens().vocab.clone())
    }

    /// Counts `doc`, keeping its vocabulary without a copy.
    pub(crate) fn from_document(mut doc: Document) -> Counts {
        let vocab = doc.take_vocab();
        Counts::with_vocab(&doc, vocab)
    }

    /// Counts `doc`, whose tokens' ids are `vocab`'s.
    fn with_vocab(doc: &Document, vocab: Vocab) -> Counts {
        let text = doc.text();
        let transcript = doc.transcript();
        let toks = doc.tokens();
        let mut term_counts = vec![0usize; vocab.len()];
        let mut stream = IdStream::default();
        let mut speakers: Vec<SpeakerEntry> = transcript
            .speakers
            .iter()
            .zip(&transcript.labels)
            .map(|(s, l)| SpeakerEntry {
                name: s.name.clone(),
                attributed: s.attributed,
                questions: 0,
                sentences: 0,
                mattr: Mattr::default(),
                labels: l.count,
                first_label: l.first,
                members: Vec::new(),
            })
            .collect();
        let credit = credit_members(&mut speakers, &transcript.speakers);
        let credited = |speaker: usize| credit.get(speaker).map_or(&[][..], Vec::as_slice);
        let mut words_of = vec![0usize; speakers.len()];
        for (turn, range) in transcript.turns.iter().zip(&toks.turns) {
            for &s in credited(turn.speaker) {
                if let Some(w) = words_of.get_mut(s) {
                    *w += range.len();
                }
            }
        }
        let mut sequences: Vec<Vec<u32>> = words_of.iter().map(|&n| Vec::with_capacity(n)).collect();
        stream.reserve(toks.tokens.len() + toks.sentences.len(), toks.sentences.len());
        let mut turns = Vec::with_capacity(transcript.turns.len());
        let mut sentence_iter = toks.sentences.iter().peekable();
        let mut sentences = 0usize;
        let mut sample = String::new();
        let mut scripts = ScriptCounts::default();
        for (turn, range) in transcript.turns.iter().zip(&toks.turns) {
            let speaker = u32::try_from(turn.speaker).unwrap_or(u32::MAX);
            let words = range.end - range.start;
            turns.push(TurnEntry { speaker, words, span: turn.span, start_ms: turn.start_ms, end_ms: turn.end_ms });
            for segment in &turn.segments {
                let s = segment.span.slice(text);
                if sample.len() < SAMPLE_BYTES {
                    sample.push_str(s);
                    sample.push('\n');
                }
            }
            let Some(turn_tokens) = toks.tokens.get(range.clone()) else {
                continue;
            };
            for t in turn_tokens {
                if let Some(c) = term_counts.get_mut(t.id as usize) {
                    *c += 1;
                }
            }
            for &s in credited(turn.speaker) {
                if let Some(seq) = sequences.get_mut(s) {
                    seq.extend(turn_tokens.iter().map(|t| t.id));
                }
            }
            while let Some(sentence) = sentence_iter.next_if(|s| s.tokens.start < range.end) {
                sentences += 1;
                for &s in credited(turn.speaker) {
                    if let Some(s) = speakers.get_mut(s) {
                        s.sentences += 1;
                        s.questions += usize::from(sentence.question);
                    }
                }
                let Some(st) = toks.tokens.get(sentence.tokens.clone()) else {
                    continue;
                };
                stream.push_sentence(st.iter().map(|t| (t.id, t.span.start)), speaker);
            }
        }
        truncate(&mut sample, SAMPLE_BYTES);
        // The letters of the speech by script, counted over types, not the text: every
        // letter of speech is in a token.
        for (id, &n) in term_counts.iter().enumerate() {
            if n > 0 {
                scripts.add_times(vocab.string(u32::try_from(id).unwrap_or(u32::MAX)), n as u64);
            }
        }
        let mut directions = BTreeMap::new();
        for d in &transcript.directions {
            *directions.entry(d.kind.clone()).or_default() += 1;
        }
        let furniture_lines =
            transcript.furniture.iter().map(|s| s.slice(text).lines().filter(|l| !l.trim().is_empty()).count()).sum();
        let mut scratch = Scratch::new(vocab.len());
        let mut speaker_terms = Vec::with_capacity(speakers.len());
        for (entry, seq) in speakers.iter_mut().zip(&sequences) {
            entry.mattr = Mattr::of_with(seq, WINDOW, &mut scratch.counts);
            speaker_terms.push(scratch.sparse(seq.iter().copied()));
        }
        drop(sequences);
        let mattr = Mattr::of_tokens(&toks.tokens, WINDOW, &mut scratch.counts);
        speakers.shrink_to_fit();
        Counts {
            mattr,
            vocab,
            term_counts,
            speaker_terms,
            speakers,
            turns,
            stream,
            tokens: toks.tokens.len(),
            sentences,
            directions,
            furniture: transcript.furniture.clone(),
            furniture_lines,
            diagnostics: transcript.diagnostics.clone(),
            text_len: text.len(),
            sample,
            scripts,
            format: transcript.format,
            convention: transcript.convention.clone(),
            label_hint: transcript.label_hint.clone(),
            not_speech: transcript.not_speech.clone(),
        }
    }

    /// A rough size in bytes of these counts in memory.
    pub fn approx_bytes(&self) -> usize {
        self.stream.approx_bytes()
            + self.speaker_terms.iter().map(|v| v.capacity() * 8 + 24).sum::<usize>()
            + self.vocab.approx_bytes()
            + self.term_counts.capacity() * std::mem::size_of::<usize>()
            + self.turns.capacity() * std::mem::size_of::<TurnEntry>()
    }

    /// Rewrites every offset with `f` (for instance to UTF-16 units), including the
    /// text length that [`Counts::merge`] shifts by.
    pub fn map_offsets(&mut self, mut f: impl FnMut(usize) -> usize) {
        // Token starts first: they ascend, which a remembering `f` can use.
        for start in &mut self.stream.starts {
            *start = f(*start);
        }
        let mut span = |s: Span| Span::new(f(s.start), f(s.end));
        for t in &mut self.turns {
            t.span = span(t.span);
        }
        for d in &mut self.diagnostics {
            let s = span(Span::new(d.start, d.end));
            (d.start, d.end) = (s.start, s.end);
        }
        for s in &mut self.furniture {
            *s = span(*s);
        }
        self.not_speech.map_offsets(&mut span);
        for s in &mut self.speakers {
            s.first_label = span(s.first_label);
        }
        self.text_len = span(Span::new(self.text_len, self.text_len)).end;
    }

    /// Merges `other`, the counts of the text that follows this one, into `self`.
    ///
    /// If `other`'s text starts with a turn by the speaker who ends this one, the two
    /// turns become one, as they would in the whole text. Diagnostics are kept from
    /// both parts (shifted), not recomputed. The convention and the label hint stay
    /// this part's (parts read with one convention carry the same).
    pub fn merge(&mut self, other: Counts) {
        let ids: Vec<u32> = (0..other.vocab.len())
            .map(|i| {
                let id = u32::try_from(i).unwrap_or(u32::MAX);
                self.vocab.intern(other.vocab.string(id))
            })
            .collect();
        self.merge_with_ids(other, |i| ids.get(i as usize).copied().unwrap_or(u32::MAX));
    }

    /// Merges `other`, whose vocabulary continues this one's (it was tokenised into
    /// it: every id means the same in both), taking that vocabulary over.
    pub(crate) fn merge_continuation(&mut self, mut other: Counts) {
        self.vocab = std::mem::take(&mut other.vocab);
        self.merge_with_ids(other, |i| i);
    }

    /// Merges `other`, whose token id `i` is `map_id(i)` in this vocabulary (which
    /// holds every one of them already).
    fn merge_with_ids(&mut self, other: Counts, map_id: impl Fn(u32) -> u32 + Copy) {
        let shift = self.text_len;
        self.term_counts.resize(self.vocab.len(), 0);
        for (i, c) in other.term_counts.iter().enumerate() {
            let id = map_id(u32::try_from(i).unwrap_or(u32::MAX));
            if let Some(slot) = self.term_counts.get_mut(id as usize) {
                *slot += c;
            }
        }
        let speakers: Vec<u32> = other
            .speakers
            .iter()
            .map(|s| {
                let found = self.speakers.iter().position(|m| m.name == s.name && m.attributed == s.attributed);
                let index = found.unwrap_or_else(|| {
                    self.speakers.push(SpeakerEntry {
                        questions: 0,
                        sentences: 0,
                        labels: 0,
                        mattr: Mattr::default(),
                        members: Vec::new(),
                        ..s.clone()
                    });
                    self.speakers.len() - 1
                });
                if let Some(m) = self.speakers.get_mut(index) {
                    m.questions += s.questions;
                    m.sentences += s.sentences;
                    m.mattr.merge(&s.mattr.mapped(map_id), WINDOW);
                    if m.labels == 0 {
                        m.first_label = s.first_label.shift(shift);
                    }
                    m.labels += s.labels;
                }
                u32::try_from(index).unwrap_or(u32::MAX)
            })
            .collect();
        let map_speaker = |s: u32| speakers.get(s as usize).copied().unwrap_or(u32::MAX);
        for (s, &index) in other.speakers.iter().zip(&speakers) {
            if let Some(m) = self.speakers.get_mut(index as usize).filter(|m| m.members.is_empty()) {
                m.members = s.members.iter().map(|&i| map_speaker(i)).collect();
            }
        }
        self.speaker_terms.resize(self.speakers.len(), Vec::new());
        for (s, terms) in other.speaker_terms.into_iter().enumerate() {
            let target = map_speaker(u32::try_from(s).unwrap_or(u32::MAX));
            if let Some(own) = self.speaker_terms.get_mut(target as usize) {
                *own = merge_sorted(std::mem::take(own), sorted_by_id(terms, map_id));
            }
        }
        for (i, turn) in other.turns.into_iter().enumerate() {
            let speaker = map_speaker(turn.speaker);
            let span = turn.span.shift(shift);
            match self.turns.last_mut() {
                Some(last) if i == 0 && last.speaker == speaker => {
                    last.words += turn.words;
                    last.span.end = span.end;
                    last.start_ms = last.start_ms.or(turn.start_ms);
                    last.end_ms = match (last.end_ms, turn.end_ms) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        (a, b) => a.or(b),
                    };
                }
                _ => self.turns.push(TurnEntry {
                    start_ms: turn.start_ms,
                    end_ms: turn.end_ms,
                    speaker,
                    words: turn.words,
                    span,
                }),
            }
        }
        self.stream.append(&other.stream, map_id, map_speaker, shift);
        self.mattr.merge(&other.mattr.mapped(map_id), WINDOW);
        self.tokens += other.tokens;
        self.sentences += other.sentences;
        for (k, n) in other.directions {
            *self.directions.entry(k).or_default() += n;
        }
        self.furniture.extend(other.furniture.iter().map(|s| s.shift(shift)));
        self.furniture_lines += other.furniture_lines;
        self.not_speech.merge(&other.not_speech, shift);
        self.diagnostics.extend(other.diagnostics.into_iter().map(|mut d| {
            d.start += shift;
            d.end += shift;
            d
        }));
        self.text_len += other.text_len;
        self.sample.push_str(&other.sample);
        truncate(&mut self.sample, SAMPLE_BYTES);
        self.scripts.merge(&other.scripts);
    }
}

/// Reusable dense counters over token ids, zero between uses.
pub(crate) struct Scratch {
    pub counts: Vec<u32>,
    /// One bit per id: set while its counter is not zero.
    seen: Vec<u64>,
}

impl Scratch {
    pub fn new(types: usize) -> Scratch {
        Scratch { counts: vec![0; types], seen: vec![0; types.div_ceil(64)] }
    }

    /// `(id, count)` of `ids`, sorted by id: no sort, a walk over the bits of the ids
    /// seen (one step per 64 types, and one per id).
    pub fn sparse(&mut self, ids: impl Iterator<Item = u32>) -> Vec<(u32, u32)> {
        let mut distinct = 0;
        for id in ids {
            let i = id as usize;
            if i >= self.counts.len() {
                self.counts.resize(i + 1, 0);
                self.seen.resize((i + 1).div_ceil(64), 0);
            }
            if let Some(c) = self.counts.get_mut(i) {
                if *c == 0 {
                    if let Some(bits) = self.seen.get_mut(i / 64) {
                        *bits |= 1 << (i % 64);
                    }
                    distinct += 1;
                }
                *c += 1;
            }
        }
        let mut out = Vec::with_capacity(distinct);
        for (base, bits) in (0u32..).step_by(64).zip(self.seen.iter_mut()) {
            let mut b = std::mem::take(bits);
            while b != 0 {
                let id = base + b.trailing_zeros();
                out.push((id, self.counts.get_mut(id as usize).map_or(0, std::mem::take)));
                b &= b - 1;
            }
        }
        out
    }
}

/// `(id, count)` pairs with each id mapped by `map_id` (distinct ids to distinct ids),
/// sorted by the new id. Pairs whose order the map keeps (the same vocabulary) are not sorted.
fn sorted_by_id(mut terms: Vec<(u32, u32)>, map_id: impl Fn(u32) -> u32) -> Vec<(u32, u32)> {
    for (id, _) in &mut terms {
        *id = map_id(*id);
    }
    if terms.is_sorted_by_key(|&(id, _)| id) {
        return terms;
    }
    // Sorted as `u64`s (id, count): ids are distinct, and one integer sort serves the crate.
    let mut packed: Vec<u64> = terms.into_iter().map(|(id, n)| u64::from(id) << 32 | u64::from(n)).collect();
    packed.sort_unstable();
    packed.into_iter().map(|x| ((x >> 32) as u32, x as u32)).collect()
}

/// Who is credited with each transcript speaker's words: itself, or a joint speaker's
/// members (found by name among the speakers, or added). Marks each joint speaker's
/// entry with its members, so a merge and the report know them.
fn credit_members(entries: &mut Vec<SpeakerEntry>, speakers: &[crate::parse::Speaker]) -> Vec<Vec<usize>> {
    let mut credit: Vec<Vec<usize>> = (0..speakers.len()).map(|i| vec![i]).collect();
    for (i, speaker) in speakers.iter().enumerate() {
        if speaker.members.is_empty() {
            continue;
        }
        let members: Vec<usize> = speaker
            .members
            .iter()
            .map(|name| {
                let found = entries.iter().position(|e| e.attributed && e.name == *name);
                found.unwrap_or_else(|| {
                    entries.push(SpeakerEntry {
                        name: name.clone(),
                        attributed: true,
                        questions: 0,
                        sentences: 0,
                        mattr: Mattr::default(),
                        labels: 0,
                        first_label: Span::default(),
                        members: Vec::new(),
                    });
                    entries.len() - 1
                })
            })
            .collect();
        if let Some(entry) = entries.get_mut(i) {
            entry.members = members.iter().map(|&m| u32::try_from(m).unwrap_or(u32::MAX)).collect();
        }
        if let Some(c) = credit.get_mut(i) {
            *c = members;
        }
    }
    credit
}

/// Merges two lists of `(id, count)` sorted by id, adding the counts of equal ids.
fn merge_sorted(a: Vec<(u32, u32)>, b: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    if a.is_empty() {
        return b;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => {
                out.push(x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or(&[]));
    out.extend_from_slice(b.get(j..).unwrap_or(&[]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mapped_ids_are_sorted_again_when_the_map_reorders_them() {
        let terms = vec![(0, 5), (1, 1), (2, 3)];
        assert_eq!(sorted_by_id(terms.clone(), |i| i), terms);
        assert_eq!(sorted_by_id(terms.clone(), |i| i + 10), [(10, 5), (11, 1), (12, 3)]);
        assert_eq!(sorted_by_id(terms, |i| [7, 2, 4][i as usize]), [(2, 1), (4, 3), (7, 5)]);
    }

    proptest! {
        /// Against a naive count, with ids beyond the types it was made for, and with
        /// the counters reused.
        #[test]
        fn sparse_counts_agree_with_a_naive_count(
            types in 1usize..300,
            runs in prop::collection::vec(prop::collection::vec(0u32..400, 0..200), 1..4),
        ) {
            let mut scratch = Scratch::new(types);
            for ids in runs {
                let mut naive = std::collections::BTreeMap::<u32, u32>::new();
                for &id in &ids {
                    *naive.entry(id).or_default() += 1;
                }
                let expect: Vec<(u32, u32)> = naive.into_iter().collect();
                prop_assert_eq!(scratch.sparse(ids.into_iter()), expect);
            }
        }
    }
}
