//! Interruptions and overlaps: turns cut off, crosstalk directions, overlapping cues.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::TurnView;
use crate::{Span, StageDirection};

/// How an interruption shows in the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum InterruptionKind {
    /// A turn ends in `--`, `—`, `...` or `…` and another speaker goes on.
    CutOff,
    /// A stage direction of crosstalk (`(CROSSTALK)`, `[overlapping]`, `(interposing)`,
    /// `[simultaneous speech]`, …).
    Crosstalk,
    /// A timed turn starts after the turn before it (another speaker's) starts and
    /// before it ends.
    Overlap,
}

/// One interruption.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Interruption {
    pub kind: InterruptionKind,
    /// Who came in (`None` for crosstalk with no other speaker after it).
    pub interrupter: Option<String>,
    /// Who was talking.
    pub interrupted: Option<String>,
    /// The interrupting turn (or, for crosstalk with no one after it, the turn holding it).
    pub turn: usize,
    /// What marks it: the cut-off mark, the direction, or the overlapping turn.
    pub start: usize,
    pub end: usize,
}

/// A crosstalk direction's kind: `crosstalk`, `cross talk`, `overlapping`,
/// `interposing`, `simultaneous speech`, `all talking at once`, `interrupting`.
pub(crate) fn is_crosstalk(kind: &str) -> bool {
    const WORDS: &[&str] = &[
        "crosstalk",
        "cross-talk",
        "overlapping",
        "overlap",
        "overlaps",
        "interposing",
        "interposes",
        "simultaneous",
        "simultaneously",
        "interrupting",
        "interruption",
        "interrupts",
        "interrupted",
    ];
    let words: Vec<&str> = kind.split_whitespace().collect();
    words.iter().any(|w| WORDS.contains(w))
        || words.windows(2).any(|w| matches!(w, ["cross", "talk"] | ["at", "once"] | ["talking", "over"]))
}

/// Where a turn's speech ends in a cut-off mark (`--`, `—`, `...`, `…`, closing quotes
/// after it allowed), the mark's span.
pub(crate) fn cut_off(text: &str, last_segment: Span) -> Option<Span> {
    let s = last_segment.slice(text).trim_end().trim_end_matches(['"', '\'', '”', '’', ')']);
    let mark = ["--", "—", "...", "…"].into_iter().find(|m| s.ends_with(m))?;
    let at = last_segment.start + s.len() - mark.len();
    Some(Span::new(at, at + mark.len()))
}

/// The events, by turn and then kind. `text` is the transcript's text; `first_word[t]`
/// the start of turn `t`'s first word, if any; `intervals` the turns' times when cues
/// give starts and ends (empty otherwise).
pub(crate) fn events(
    turns: &[TurnView],
    directions: &[StageDirection],
    first_word: &[Option<usize>],
    intervals: &[Option<(u64, u64)>],
    names: &[&str],
) -> Vec<Interruption> {
    let name = |s: usize| names.get(s).map(|n| (*n).to_owned());
    let speaker = |t: usize| turns.get(t).map(|t| t.speaker);
    let mut out = Vec::new();
    for (i, pair) in turns.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        if a.speaker == b.speaker {
            continue;
        }
        if let Some(mark) = a.cut_off {
            out.push(Interruption {
                kind: InterruptionKind::CutOff,
                interrupter: name(b.speaker),
                interrupted: name(a.speaker),
                turn: i + 1,
                start: mark.start,
                end: mark.end,
            });
        }
        if let (Some(Some((a_start, a_end))), Some(Some((b_start, _)))) = (intervals.get(i), intervals.get(i + 1)) {
            // Starting with the turn before, it shares its cue (dialogue dashes, `>>`): the
            // cue does not say who came in on whom.
            if a_start < b_start && b_start < a_end {
                out.push(Interruption {
                    kind: InterruptionKind::Overlap,
                    interrupter: name(b.speaker),
                    interrupted: name(a.speaker),
                    turn: i + 1,
                    start: b.span.start,
                    end: b.span.end,
                });
            }
        }
    }
    for d in directions.iter().filter(|d| is_crosstalk(&d.kind)) {
        // The turn holding the direction: the last to start at or before it.
        let Some(t) = turns.partition_point(|t| t.span.start <= d.span.start).checked_sub(1) else {
            continue;
        };
        let before_words = first_word.get(t).copied().flatten().is_none_or(|w| d.span.start < w);
        let (turn, interrupter, interrupted) = match speaker(t.wrapping_sub(1)) {
            Some(previous) if before_words && t > 0 && speaker(t) != Some(previous) => (t, speaker(t), Some(previous)),
            _ => match speaker(t + 1).filter(|&n| Some(n) != speaker(t)) {
                Some(next) => (t + 1, Some(next), speaker(t)),
                None => (t, None, speaker(t)),
            },
        };
        out.push(Interruption {
            kind: InterruptionKind::Crosstalk,
            interrupter: interrupter.and_then(name),
            interrupted: interrupted.and_then(name),
            turn,
            start: d.span.start,
            end: d.span.end,
        });
    }
    out.sort_by_key(|a| (a.turn, a.kind, a.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crosstalk_kinds() {
        for k in ["crosstalk", "cross talk", "overlapping", "interposing", "simultaneous speech", "all talking at once"]
        {
            assert!(is_crosstalk(k), "{k}");
        }
        for k in ["laughter", "applause", "inaudible", "cross examination"] {
            assert!(!is_crosstalk(k), "{k}");
        }
    }

    #[test]
    fn cut_off_marks() {
        let text = "I was going to-- | Well... | Stop— | So…\" | Fine. | a - b";
        let found: Vec<Option<&str>> = text
            .split(" | ")
            .scan(0, |at, piece| {
                let span = Span::new(*at, *at + piece.len());
                *at += piece.len() + 3;
                Some(cut_off(text, span).map(|m| m.slice(text)))
            })
            .collect();
        assert_eq!(found, [Some("--"), Some("..."), Some("—"), Some("…"), None, None]);
    }
}
