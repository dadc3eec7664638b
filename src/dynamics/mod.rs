//! Conversation dynamics of a [`Document`]: talk time, turn-taking, questions and
//! answers, interruptions, and talk over time. `docs/analyses.md` ("Conversation
//! dynamics") states every definition.
//!
//! Read from the document's turns and their token ranges (the words `Analysis.turns`
//! counts), never re-tokenised; deterministic.
//!
//! ```
//! use colloquy::{Document, DynamicsOptions, Options, Timing};
//! let doc = Document::new("Ann (00:00): Go. Ready?\nBo (00:04): Yes, ready.\nAnn (00:10): Good.".to_owned(), &Options::default());
//! let d = doc.dynamics(&DynamicsOptions::default());
//! assert_eq!(d.timing, Timing::Starts);
//! assert_eq!(d.duration_ms, Some(10_000)); // the last turn's end is unknown
//! assert_eq!(d.questions[0].answerer.as_deref(), Some("Bo"));
//! let cells: Vec<(usize, usize, usize)> = d.transitions.iter().map(|c| (c.from, c.to, c.count)).collect();
//! assert_eq!(cells, [(0, 1, 1), (1, 0, 1)]); // Ann → Bo, Bo → Ann
//! ```

mod bins;
mod interruptions;
mod questions;
mod speakers;
mod timing;
mod turn_taking;

#[cfg(feature = "serde")]
use serde::Serialize;

pub use bins::{Bin, BinUnit};
pub use interruptions::{Interruption, InterruptionKind};
pub use questions::QuestionPair;
pub use speakers::SpeakerDynamics;
pub use timing::Timing;
pub use turn_taking::Transition;

use rustc_hash::FxHashMap;

use crate::token::Tokens;
use crate::{Document, Span, Transcript};
use speakers::ratio;

/// How the dynamics are computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DynamicsOptions {
    /// Bins of talk over time (0 for none; at most [`MAX_BINS`], and at most
    /// [`MAX_BIN_SHARES`] divided by the speakers).
    pub bins: usize,
}

impl Default for DynamicsOptions {
    fn default() -> DynamicsOptions {
        DynamicsOptions { bins: 20 }
    }
}

/// The most bins [`DynamicsOptions::bins`] gives.
pub const MAX_BINS: usize = 1000;

/// Checks a number of bins of talk over time (0 for none, at most [`MAX_BINS`]).
///
/// ```
/// assert!(colloquy::check_bins(20).is_ok());
/// assert_eq!(colloquy::check_bins(5000).unwrap_err(), "must be at most 1000");
/// ```
pub fn check_bins(n: usize) -> Result<(), String> {
    if n > MAX_BINS {
        return Err(format!("must be at most {MAX_BINS}"));
    }
    Ok(())
}

/// The most shares the bins hold (bins × speakers): with many speakers, fewer bins.
pub const MAX_BIN_SHARES: usize = 1 << 20;

/// A turn as the dynamics read it.
#[derive(Debug, Clone, Default)]
pub(crate) struct TurnView {
    /// Index into the transcript's speakers.
    pub speaker: usize,
    pub words: usize,
    pub span: Span,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
    pub question: bool,
    pub cut_off: Option<Span>,
}

/// A turn's effective times (ms), parallel to the transcript's turns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TurnTime {
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub start_ms: Option<u64>,
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub end_ms: Option<u64>,
    /// The end is the next timed turn's start ([`Timing::Starts`]).
    pub end_inferred: bool,
}

/// Conversation dynamics. Lists "parallel to speakers" follow [`Dynamics::speakers`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Dynamics {
    pub timing: Timing,
    pub turns: usize,
    pub words: usize,
    /// First timed start to last known end (ms).
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub duration_ms: Option<u64>,
    /// Time when at least one turn runs: the union of the turns' intervals (ms).
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub talk_ms: Option<u64>,
    /// Silence between turns: `durationMs − talkMs`.
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub gap_ms: Option<u64>,
    /// How many silences (holes in the union).
    pub gaps: Option<usize>,
    /// Overlapping talk: the sum of the turns' lengths minus `talkMs`.
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub overlap_ms: Option<u64>,
    /// Consecutive turns by different speakers.
    pub switches: usize,
    pub switches_per_minute: Option<f64>,
    pub switches_per_thousand_words: Option<f64>,
    /// By words, descending; ties by first appearance. Speakers with a turn only.
    pub speakers: Vec<SpeakerDynamics>,
    /// Who speaks after whom: the transition matrix's nonzero cells, by `from` then `to`
    /// (positions in `speakers`), with each cell's share of its row.
    pub transitions: Vec<Transition>,
    /// Parallel to the transcript's turns (`Analysis.turns`).
    pub turn_times: Vec<TurnTime>,
    pub questions: Vec<QuestionPair>,
    /// By turn, then kind.
    pub interruptions: Vec<Interruption>,
    pub bins_by: BinUnit,
    pub bins: Vec<Bin>,
}

impl Document {
    /// The conversation dynamics of this document.
    pub fn dynamics(&self, options: &DynamicsOptions) -> Dynamics {
        dynamics(self.text(), self.transcript(), self.tokens(), options)
    }
}

impl Dynamics {
    /// Rewrites every byte offset with `f` (for instance to UTF-16 units).
    pub fn map_offsets(&mut self, f: impl Fn(usize) -> usize) {
        for q in &mut self.questions {
            q.question_start = f(q.question_start);
            q.question_end = f(q.question_end);
            q.answer_start = q.answer_start.map(&f);
            q.answer_end = q.answer_end.map(&f);
        }
        for i in &mut self.interruptions {
            i.start = f(i.start);
            i.end = f(i.end);
        }
    }
}

/// Is this label a questioner's (`Q.`, `Question:`)?
fn question_label(name: &str) -> bool {
    name.eq_ignore_ascii_case("q") || name.eq_ignore_ascii_case("question")
}

fn views(text: &str, transcript: &Transcript, tokens: &Tokens) -> (Vec<TurnView>, Vec<Option<usize>>) {
    let mut views = Vec::with_capacity(transcript.turns.len());
    let mut first_word = Vec::with_capacity(transcript.turns.len());
    for (i, turn) in transcript.turns.iter().enumerate() {
        let range = tokens.turns.get(i).cloned().unwrap_or_default();
        let s = tokens.sentences.partition_point(|s| s.tokens.end < range.end);
        let last_question =
            !range.is_empty() && tokens.sentences.get(s).is_some_and(|s| s.tokens.end == range.end && s.question);
        let label = transcript.speakers.get(turn.speaker).is_some_and(|s| s.attributed && question_label(&s.name));
        views.push(TurnView {
            speaker: turn.speaker,
            words: range.len(),
            span: turn.span,
            start_ms: turn.start_ms,
            end_ms: turn.end_ms,
            question: last_question || label,
            cut_off: turn.segments.last().and_then(|seg| interruptions::cut_off(text, seg.span)),
        });
        first_word.push(if range.is_empty() { None } else { tokens.tokens.get(range.start).map(|t| t.span.start) });
    }
    (views, first_word)
}

/// Per minute of `ms`.
fn per_minute(n: f64, ms: Option<u64>) -> Option<f64> {
    ms.and_then(|ms| ratio(n * 60_000.0, ms as f64))
}

pub(crate) fn dynamics(text: &str, transcript: &Transcript, tokens: &Tokens, options: &DynamicsOptions) -> Dynamics {
    let (turns, first_word) = views(text, transcript, tokens);
    let names: Vec<&str> = transcript.speakers.iter().map(|s| s.name.as_str()).collect();
    // The speakers with a turn: by words, descending, then first appearance.
    let mut words_of = vec![0usize; names.len()];
    let mut turns_of = vec![0usize; names.len()];
    for t in &turns {
        if let (Some(w), Some(n)) = (words_of.get_mut(t.speaker), turns_of.get_mut(t.speaker)) {
            *w += t.words;
            *n += 1;
        }
    }
    let mut order: Vec<usize> = (0..names.len()).filter(|&s| turns_of.get(s).is_some_and(|&n| n > 0)).collect();
    order.sort_by_key(|&s| (std::cmp::Reverse(words_of.get(s).copied().unwrap_or(0)), s));
    let mut slot_of = vec![0usize; names.len()];
    for (k, &s) in order.iter().enumerate() {
        if let Some(slot) = slot_of.get_mut(s) {
            *slot = k;
        }
    }
    let slot: Vec<usize> = turns.iter().map(|t| slot_of.get(t.speaker).copied().unwrap_or(0)).collect();
    let mut speakers: Vec<SpeakerDynamics> =
        order.iter().map(|&s| SpeakerDynamics::new(names.get(s).copied().unwrap_or(""))).collect();

    let timing = timing::timing_of(&turns);
    let intervals = timing::intervals(&turns, timing);
    let totals = timing::totals(&intervals);
    let duration = totals.map(|t| t.duration);
    let words: usize = turns.iter().map(|t| t.words).sum();
    let timed = timing != Timing::None;

    let mut timed_words = vec![0usize; speakers.len()];
    let mut pauses = vec![(0u64, 0usize); speakers.len()];
    for (i, (t, &k)) in turns.iter().zip(&slot).enumerate() {
        let Some(sp) = speakers.get_mut(k) else { continue };
        sp.turns += 1;
        sp.words += t.words;
        sp.longest_monologue_words = sp.longest_monologue_words.max(t.words);
        if timed {
            sp.speaking_ms.get_or_insert(0);
        }
        if let Some(Some((s, e))) = intervals.get(i) {
            sp.speaking_ms = Some(sp.speaking_ms.unwrap_or(0) + (e - s));
            sp.longest_monologue_ms = Some(sp.longest_monologue_ms.unwrap_or(0).max(e - s));
            if let Some(w) = timed_words.get_mut(k) {
                *w += t.words;
            }
            let previous = i.checked_sub(1).and_then(|p| Some((turns.get(p)?, intervals.get(p).copied().flatten()?)));
            if let Some((p, (_, p_end))) = previous.filter(|_| timing == Timing::Cues) {
                if p.speaker != t.speaker && *s >= p_end {
                    if let Some(pause) = pauses.get_mut(k) {
                        pause.0 += s - p_end;
                        pause.1 += 1;
                    }
                }
            }
        }
    }
    let spoken: u64 = speakers.iter().filter_map(|s| s.speaking_ms).sum();
    for ((sp, &tw), &(pause, paused)) in speakers.iter_mut().zip(&timed_words).zip(&pauses) {
        sp.word_share = ratio(sp.words as f64, words as f64).unwrap_or(0.0);
        sp.time_share = sp.speaking_ms.and_then(|ms| ratio(ms as f64, spoken as f64));
        sp.words_per_minute = per_minute(tw as f64, sp.speaking_ms);
        sp.turns_per_minute = per_minute(sp.turns as f64, duration);
        sp.turns_per_thousand_words = ratio(sp.turns as f64 * 1000.0, words as f64);
        sp.mean_pause_before_ms = ratio(pause as f64, paused as f64);
    }

    let mut questions = questions::pairs(&turns, &names);
    for q in &mut questions {
        q.question_text = questions::speech(text, &transcript.turns, q.question_turn..=q.question_turn);
        if let (Some(a), Some(b)) = (q.answer_first_turn, q.answer_last_turn) {
            q.answer_text = Some(questions::speech(text, &transcript.turns, a..=b));
        }
    }
    let mut answer_words = vec![(0usize, 0usize); speakers.len()];
    for q in &questions {
        let k = turns.get(q.question_turn).and_then(|t| slot_of.get(t.speaker)).copied();
        if let Some(sp) = k.and_then(|k| speakers.get_mut(k)) {
            sp.questions_asked += 1;
        }
        let a = q.answer_first_turn.and_then(|a| slot.get(a)).copied();
        if let (Some(sp), Some(k)) = (a.and_then(|k| speakers.get_mut(k)), a) {
            sp.questions_answered += 1;
            if let Some(aw) = answer_words.get_mut(k) {
                aw.0 += q.answer_words;
                aw.1 += 1;
            }
        }
    }
    for (sp, &(w, n)) in speakers.iter_mut().zip(&answer_words) {
        sp.mean_answer_words = ratio(w as f64, n as f64);
    }

    let overlaps: &[Option<(u64, u64)>] = if timing == Timing::Cues { &intervals } else { &[] };
    let interruptions = interruptions::events(&turns, &transcript.directions, &first_word, overlaps, &names);
    let mut counted: Vec<(usize, Option<&str>, Option<&str>)> =
        interruptions.iter().map(|e| (e.turn, e.interrupter.as_deref(), e.interrupted.as_deref())).collect();
    counted.sort_unstable();
    counted.dedup();
    let slot_by_name: FxHashMap<&str, usize> =
        order.iter().enumerate().filter_map(|(k, &s)| Some((*names.get(s)?, k))).collect();
    for (_, made, received) in counted {
        if let Some(sp) = made.and_then(|n| slot_by_name.get(n)).and_then(|&k| speakers.get_mut(k)) {
            sp.interruptions_made += 1;
        }
        if let Some(sp) = received.and_then(|n| slot_by_name.get(n)).and_then(|&k| speakers.get_mut(k)) {
            sp.interruptions_received += 1;
        }
    }

    let transitions = turn_taking::transitions(&slot);
    let switches = turn_taking::switches(&slot);
    let turn_times = turns
        .iter()
        .zip(&intervals)
        .map(|(t, interval)| TurnTime {
            start_ms: t.start_ms,
            end_ms: interval.map(|(_, e)| e),
            end_inferred: timing == Timing::Starts && interval.is_some(),
        })
        .collect();
    let n = options.bins.min(MAX_BINS).min(MAX_BIN_SHARES / speakers.len().max(1));
    let (bins_by, bins) = match totals.filter(|t| timed && t.duration > 0) {
        Some(t) => {
            let from = intervals.iter().flatten().map(|i| i.0).min().unwrap_or(0);
            (BinUnit::Time, bins::by_time(&turns, &intervals, &slot, speakers.len(), n, (from, from + t.duration)))
        }
        None => (BinUnit::Words, bins::by_words(&turns, &slot, speakers.len(), n)),
    };
    Dynamics {
        timing,
        turns: turns.len(),
        words,
        duration_ms: duration,
        talk_ms: totals.map(|t| t.talk),
        gap_ms: totals.map(|t| t.gap),
        gaps: totals.map(|t| t.gaps),
        overlap_ms: totals.map(|t| t.overlap),
        switches,
        switches_per_minute: per_minute(switches as f64, duration),
        switches_per_thousand_words: ratio(switches as f64 * 1000.0, words as f64),
        speakers,
        transitions,
        turn_times,
        questions,
        interruptions,
        bins_by,
        bins,
    }
}
