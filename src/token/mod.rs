//! Tokenisation: one pass over the speech segments of a transcript, producing
//! interned token ids with byte spans, and sentence boundaries.
//!
//! Words follow Unicode word boundaries (UAX #29); `don’t` is one token `don't`,
//! `post-Soviet` is one token `post-soviet` unless hyphens are split. Labels,
//! timestamps and stage directions are not in any segment, so never tokens.

pub mod ascii;
mod fold;
mod sentence;
mod vocab;

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

pub use vocab::{TokenKind, Vocab};

use crate::{Span, TokenizeOptions, Transcript};
use sentence::{classify, Gap};

/// One token of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub id: u32,
    pub span: Span,
}

/// A sentence: a range of token indices, never crossing a turn, paragraph or stage
/// direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub question: bool,
}

/// The result of tokenising a transcript.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub vocab: Vocab,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// `turns[i]` is the token range of turn `i`.
    pub turns: Vec<Range<usize>>,
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

/// Tokenises the speech of `transcript` (whose spans point into `text`).
pub fn tokenize(text: &str, transcript: &Transcript, options: &TokenizeOptions) -> Tokens {
    let mut out = Tokens::default();
    let mut folded = String::new();
    for turn in &transcript.turns {
        let turn_start = out.tokens.len();
        let mut sentence_start = turn_start;
        // End of the previous token, and of the segment it was in.
        let mut last: Option<(usize, Span)> = None;
        for segment in &turn.segments {
            let seg_text = segment.span.slice(text);
            let base = segment.span.start;
            if !segment.joins_previous {
                close(&mut out, &mut sentence_start, last.map(|(end, seg)| trailing(text, end, seg)));
                last = None;
            }
            // The token being assembled: (start, end, end of a hyphen just after it).
            let mut pending: Option<(usize, usize, Option<usize>)> = None;
            let mut emit = |out: &mut Tokens, start: usize, end: usize, last: &mut Option<(usize, Span)>| {
                let word = &text[start..end];
                if let Some((prev_end, prev_seg)) = *last {
                    let gap = gap_text(text, prev_end, prev_seg, start, segment.span);
                    let previous = out.tokens.last().map_or("", |t| out.vocab.string(t.id));
                    if let Gap::End { question } = classify(&gap, previous, word.chars().next()) {
                        let end_index = out.tokens.len();
                        if end_index > sentence_start {
                            out.sentences.push(Sentence { tokens: sentence_start..end_index, question });
                        }
                        sentence_start = end_index;
                    }
                }
                fold::fold(word, &mut folded);
                let id = out.vocab.intern(&folded);
                out.tokens.push(Token { id, span: Span::new(start, end) });
                *last = Some((end, segment.span));
            };
            let mut step = |offset: usize, piece: &str| {
                let start = base + offset;
                let end = start + piece.len();
                let wordlike = piece.chars().any(char::is_alphanumeric);
                match pending {
                    Some((s, _, Some(hyphen_end))) if wordlike && hyphen_end == start => {
                        pending = Some((s, end, None));
                        return;
                    }
                    Some((s, e, None)) if !options.split_hyphens && is_hyphen(piece) && e == start => {
                        pending = Some((s, e, Some(end)));
                        return;
                    }
                    Some((s, e, _)) => {
                        // A dangling hyphen is not part of the word: `e` stops before it.
                        emit(&mut out, s, e, &mut last);
                        pending = None;
                    }
                    None => {}
                }
                if wordlike {
                    pending = Some((start, end, None));
                }
            };
            if ascii::eligible(seg_text) {
                ascii::pieces(seg_text, &mut step);
            } else {
                for (offset, piece) in seg_text.split_word_bound_indices() {
                    step(offset, piece);
                }
            }
            if let Some((s, e, _)) = pending {
                emit(&mut out, s, e, &mut last);
            }
        }
        close(&mut out, &mut sentence_start, last.map(|(end, seg)| trailing(text, end, seg)));
        out.turns.push(turn_start..out.tokens.len());
    }
    out
}

/// Closes the open sentence, if it has tokens. `tail` is the text after its last token.
fn close(out: &mut Tokens, sentence_start: &mut usize, tail: Option<&str>) {
    let end = out.tokens.len();
    if end > *sentence_start {
        let previous = out.tokens.last().map_or("", |t| out.vocab.string(t.id));
        let question = tail.is_some_and(|t| matches!(classify(t, previous, None), Gap::End { question: true }));
        out.sentences.push(Sentence { tokens: *sentence_start..end, question });
    }
    *sentence_start = end;
}

/// The rest of a segment after a token ending at `end`.
fn trailing(text: &str, end: usize, segment: Span) -> &str {
    text.get(end..segment.end).unwrap_or("")
}

/// The text between two tokens, possibly in consecutive segments.
fn gap_text(text: &str, prev_end: usize, prev_seg: Span, start: usize, seg: Span) -> Cow<'_, str> {
    if prev_seg == seg {
        Cow::Borrowed(text.get(prev_end..start).unwrap_or(""))
    } else {
        let mut g = trailing(text, prev_end, prev_seg).to_owned();
        g.push(' ');
        g.push_str(text.get(seg.start..start).unwrap_or(""));
        Cow::Owned(g)
    }
}

/// Folds a word the way the tokeniser does (for looking up stopwords and queries).
pub(crate) fn fold_word(word: &str, out: &mut String) {
    fold::fold(word, out);
}
