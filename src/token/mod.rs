//! Tokenisation: one pass over the speech segments of a transcript, producing
//! interned token ids with byte spans, and sentence boundaries.
//!
//! Words follow Unicode word boundaries (UAX #29); `don’t` is one token `don't`,
//! `post-Soviet` is one token `post-soviet` unless hyphens are split. Labels,
//! timestamps and stage directions are not in any segment, so never tokens.

mod fold;
pub mod pieces;
mod sentence;
mod vocab;

use std::borrow::Cow;
use std::ops::Range;

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

/// Builds [`Tokens`] from word pieces: folds and interns them, and closes sentences.
struct Builder<'t> {
    text: &'t str,
    out: Tokens,
    folded: String,
    sentence_start: usize,
    /// End of the previous token, and of the segment it was in.
    last: Option<(usize, Span)>,
}

impl Builder<'_> {
    /// Adds the token `start..end` of `segment`, ending the sentence before it if the
    /// punctuation in between says so.
    fn emit(&mut self, start: usize, end: usize, segment: Span) {
        let word = self.text.get(start..end).unwrap_or("");
        if let Some((prev_end, prev_seg)) = self.last {
            let gap = gap_text(self.text, prev_end, prev_seg, start, segment);
            if may_end_sentence(&gap) {
                let previous = self.out.tokens.last().map_or("", |t| self.out.vocab.string(t.id));
                if let Gap::End { question } = classify(&gap, previous, word.chars().next()) {
                    let end_index = self.out.tokens.len();
                    if end_index > self.sentence_start {
                        self.out.sentences.push(Sentence { tokens: self.sentence_start..end_index, question });
                    }
                    self.sentence_start = end_index;
                }
            }
        }
        let id = self.out.vocab.intern_word_at(self.text, start, end, &mut self.folded);
        self.out.tokens.push(Token { id, span: Span::new(start, end) });
        self.last = Some((end, segment));
    }

    /// Closes the open sentence at the end of a turn or paragraph.
    fn close(&mut self) {
        let tail = self.last.map(|(end, seg)| trailing(self.text, end, seg));
        close(&mut self.out, &mut self.sentence_start, tail);
        self.last = None;
    }
}

/// Whether `gap` holds anything [`classify`] could take for a sentence end: a cheap
/// test that spares the common gaps (a space, a comma) the full look.
fn may_end_sentence(gap: &str) -> bool {
    gap.bytes().any(|b| matches!(b, b'.' | b'?' | b'!' | b';') || b >= 0x80)
}

/// Tokenises the speech of `transcript` (whose spans point into `text`).
pub fn tokenize(text: &str, transcript: &Transcript, options: &TokenizeOptions) -> Tokens {
    tokenize_with(text, transcript, options, Vocab::default(), &mut |_, _| {})
}

/// How often [`tokenize_with`] says how far it has come: after a turn that ends this many
/// bytes past the last report.
pub(crate) const PROGRESS_BYTES: usize = 256 * 1024;

/// [`tokenize`], interning into `vocab`: the ids it has keep their meaning, so the
/// parts of a streamed text share one numbering (no re-interning on merge). After a turn
/// ending `PROGRESS_BYTES` or more past the last report, `progress(end, text.len())`.
pub(crate) fn tokenize_with(
    text: &str,
    transcript: &Transcript,
    options: &TokenizeOptions,
    vocab: Vocab,
    progress: &mut dyn FnMut(usize, usize),
) -> Tokens {
    let mut reported = 0;
    // Words average five to six bytes with the space after them: room for a token
    // every four bytes of speech spares the copies of a growing vector.
    let speech: usize = transcript.turns.iter().flat_map(|t| &t.segments).map(|s| s.span.end - s.span.start).sum();
    let out = Tokens {
        vocab,
        tokens: Vec::with_capacity(speech / 4 + 1),
        sentences: Vec::with_capacity(speech / 64 + 1),
        turns: Vec::with_capacity(transcript.turns.len()),
    };
    let mut b = Builder { text, out, folded: String::new(), sentence_start: 0, last: None };
    if b.out.vocab.is_empty() {
        // Types grow about as the square root of the text (Heaps' law), by how much
        // depends on the text: 10 MiB has 110,000 in the generated bench corpus but
        // 13,700 in the real one (13 transcripts repeated). Room for 5·√bytes (16,000
        // types at 10 MiB, 5,000 at 1 MiB) and growth past it: tables sized for the
        // generated text's 20·√bytes left the real text's types sparse in them, a cache
        // miss per look-up, and made its tokenising about 10% slower natively, for no
        // measurable gain on the generated text (a few rehashes as the tables grow).
        b.out.vocab.reserve(5 * speech.isqrt());
    }
    for turn in &transcript.turns {
        let turn_start = b.out.tokens.len();
        b.sentence_start = turn_start;
        b.last = None;
        for segment in &turn.segments {
            let span = segment.span;
            if !segment.joins_previous {
                b.close();
            }
            // The token being assembled: (start, end, end of a hyphen just after it).
            let mut pending: Option<(usize, usize, Option<usize>)> = None;
            pieces::word_pieces(span.slice(text), |offset, piece| {
                let start = span.start + offset;
                let end = start + piece.len();
                let hyphen = pieces::is_hyphen(piece);
                match pending {
                    Some((s, _, Some(hyphen_end))) if !hyphen && hyphen_end == start => {
                        pending = Some((s, end, None));
                        return;
                    }
                    Some((s, e, None)) if !options.split_hyphens && hyphen && e == start => {
                        pending = Some((s, e, Some(end)));
                        return;
                    }
                    Some((s, e, _)) => {
                        // A dangling hyphen is not part of the word: `e` stops before it.
                        b.emit(s, e, span);
                        pending = None;
                    }
                    None => {}
                }
                if !hyphen {
                    pending = Some((start, end, None));
                }
            });
            if let Some((s, e, _)) = pending {
                b.emit(s, e, span);
            }
        }
        b.close();
        b.out.turns.push(turn_start..b.out.tokens.len());
        let end = turn.segments.last().map_or(0, |s| s.span.end);
        if end >= reported + PROGRESS_BYTES {
            reported = end;
            progress(end, text.len());
        }
    }
    b.out
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
