//! Questions and answers (adjacency pairs): a question turn, and the next speaker's
//! turns as its answer.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::TurnView;
use crate::Turn;

/// A question and its answer, if it had one.
///
/// A question turn (its last sentence is a question, or its label is `Q`/`Question`)
/// followed by another speaker's turn is answered: the answer is that speaker's run of
/// consecutive turns (their words summed). A question followed by its asker again, or
/// at the end, is unanswered (`answerer` is `None`, `answerWords` 0).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct QuestionPair {
    pub asker: String,
    /// Index of the question turn (into the transcript's turns, as `Analysis.turns`).
    pub question_turn: usize,
    /// The question turn's byte span.
    pub question_start: usize,
    pub question_end: usize,
    pub question_words: usize,
    pub answerer: Option<String>,
    /// The answer's first and last turns (equal unless the answerer took several turns in a row).
    pub answer_first_turn: Option<usize>,
    pub answer_last_turn: Option<usize>,
    /// The answer's byte span, from its first turn's start to its last turn's end.
    pub answer_start: Option<usize>,
    pub answer_end: Option<usize>,
    pub answer_words: usize,
    /// The question's speech: its turn's words as spoken, without the label, markup, cue
    /// timings or stage directions, whitespace collapsed.
    pub question_text: String,
    /// The answer's speech, its turns joined by a space (none when unanswered).
    pub answer_text: Option<String>,
}

/// The speech of `turns[range]`: their segments, whitespace collapsed.
///
/// ```text
/// "Ann: Ready?\n(laughs) Go." → "Ready? Go."
/// ```
pub(crate) fn speech(text: &str, turns: &[Turn], range: std::ops::RangeInclusive<usize>) -> String {
    let mut out = String::new();
    for turn in turns.get(range).unwrap_or_default() {
        for segment in &turn.segments {
            for word in segment.span.slice(text).split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
    }
    out
}

/// The pairs, in the order of the questions; `names[s]` is speaker `s`'s name.
///
/// ```text
/// A? B. B. A? A. B? → (A, B, answer = both B turns), (A, none: the asker again), (B, none: the end)
/// ```
pub(crate) fn pairs(turns: &[TurnView], names: &[&str]) -> Vec<QuestionPair> {
    let name = |s: usize| names.get(s).map_or_else(String::new, |n| (*n).to_owned());
    let mut out = Vec::new();
    for (i, q) in turns.iter().enumerate().filter(|(_, t)| t.question) {
        let mut pair = QuestionPair {
            asker: name(q.speaker),
            question_turn: i,
            question_start: q.span.start,
            question_end: q.span.end,
            question_words: q.words,
            answerer: None,
            answer_first_turn: None,
            answer_last_turn: None,
            answer_start: None,
            answer_end: None,
            answer_words: 0,
            question_text: String::new(),
            answer_text: None,
        };
        if let Some(first) = turns.get(i + 1).filter(|a| a.speaker != q.speaker) {
            let run = turns.get(i + 1..).unwrap_or_default().iter().take_while(|t| t.speaker == first.speaker);
            let (mut last, mut end, mut words) = (i + 1, first.span.end, 0);
            for (k, t) in run.enumerate() {
                last = i + 1 + k;
                end = t.span.end;
                words += t.words;
            }
            pair.answerer = Some(name(first.speaker));
            pair.answer_first_turn = Some(i + 1);
            pair.answer_last_turn = Some(last);
            pair.answer_start = Some(first.span.start);
            pair.answer_end = Some(end);
            pair.answer_words = words;
        }
        out.push(pair);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn turn(speaker: usize, words: usize, question: bool, at: usize) -> TurnView {
        TurnView { speaker, words, question, span: Span::new(at, at + 10), ..TurnView::default() }
    }

    #[test]
    fn runs_asker_again_and_the_end() {
        let turns = [
            turn(0, 5, true, 0),
            turn(1, 3, false, 10),
            turn(1, 4, false, 20),
            turn(0, 6, true, 30),
            turn(0, 2, false, 40),
            turn(1, 7, true, 50),
        ];
        let p = pairs(&turns, &["A", "B"]);
        assert_eq!(p.len(), 3);
        assert_eq!((p[0].answerer.as_deref(), p[0].answer_words, p[0].answer_last_turn), (Some("B"), 7, Some(2)));
        assert_eq!((p[0].answer_start, p[0].answer_end), (Some(10), Some(30)));
        assert_eq!((p[1].answerer.as_deref(), p[1].answer_words), (None, 0));
        assert_eq!((p[2].asker.as_str(), p[2].answerer.as_deref()), ("B", None));
    }
}
