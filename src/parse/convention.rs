//! How a document marks its speakers, decided once from the whole document (its first
//! [`DETECT_BYTES`]) and then applied to every line: a label that breaks the document's
//! own convention is speech.
//!
//! - **Colon labels** (`Alice: text`, the default).
//! - **Period labels**, as in the Congressional Record and committee hearings:
//!   `  Mr. McGOVERN. Mr. Speaker, …`, `The SPEAKER pro tempore (Mr. Yarmuth).`,
//!   `Chairman COMER.`, `Mr. Jordan. Thank you.` Lines indented five spaces or more are
//!   inserted documents, and clerk's and procedural paragraphs (`The Clerk read …`,
//!   `There was no objection.`) and `[[Page H6184]]` / `{time} 2015` markers are left out.
//! - **Play layout**: the label stands alone on its line after a blank line
//!   (`KING RICHARD II:`), so a verse line ending in a colon inside a speech is speech.
//! - **Depositions and inquiries**: `Q.` / `A.` lines, with `BY MR. SMITH:` naming who asks.
//! - **Scripts**: speech holds `(stage directions)` and `[scene headings]`, which are
//!   not speech wherever they are.
//!
//! The decision reads a prefix, so a [`crate::Stream`] makes it as soon as it has that
//! much text, and every part of a stream is read with the same convention.

use rustc_hash::FxHashMap;

use crate::parse::captions::DETECT_BYTES;
use crate::parse::hint::{HintScan, LabelHint};
use crate::parse::label::{match_label, period_label, qa_label, Label};
use crate::parse::lines::{lines, Line};

/// What ends a speaker label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Terminator {
    #[default]
    Colon,
    Period,
}

/// The label convention of one document, decided by [`Convention::detect`]. Parts of
/// one text read with the same convention merge into the whole's counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Convention {
    pub terminator: Terminator,
    /// Labels stand alone on a line after a blank line (plays).
    pub alone_after_blank: bool,
    /// Period labels are indented (the Record indents paragraphs two spaces): an
    /// unindented line is a wrapped one, never a label.
    pub indented_labels: bool,
    /// `Q.` and `A.` start turns.
    pub qa: bool,
    /// Parentheses and brackets inside speech are stage directions.
    pub script: bool,
    /// Names seen as labels at least twice at the start of a line: a `NAME:` in the
    /// middle of a line after a sentence end is a label only for these.
    pub(crate) known: Vec<String>,
    /// Lines of the sample that look like labels of another kind (`SMITH -- text`),
    /// and a label pattern that reads them; see [`LabelHint`].
    pub hint: Option<LabelHint>,
}

/// Fewest labels of a kind for the document to be read by that kind.
const MIN_LABELS: usize = 3;

impl Convention {
    /// Decides the convention of `text` from its first 256 KiB.
    ///
    /// ```
    /// use colloquy::{Convention, Terminator};
    /// let c = Convention::detect("  Mr. SMITH. I yield.\n  Ms. JONES. Thank you.\n  Mr. SMITH. Yes.\n");
    /// assert_eq!(c.terminator, Terminator::Period);
    /// ```
    pub fn detect(text: &str) -> Convention {
        // One byte past the sample, so a line ending at its edge is known to be whole.
        let mut end = text.len().min(DETECT_BYTES + 1);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let prefix = text.get(..end).unwrap_or(text);
        let lines = lines(prefix);
        let raw: Vec<Option<Label>> = lines.iter().map(|l| match_label(l.text(prefix))).collect();
        Convention::from_lines(prefix, &lines, &raw)
    }

    /// Decides the convention from `text`'s lines already matched by `match_label`
    /// (`raw`, parallel to `lines`), reading the whole lines that end before
    /// [`DETECT_BYTES`]: the same lines whether `text` is a whole text or a stream's
    /// buffer of at least that much.
    pub(crate) fn from_lines(text: &str, lines: &[Line], raw: &[Option<Label>]) -> Convention {
        let mut colon = 0usize;
        let mut alone = 0usize;
        let mut alone_after_blank = 0usize;
        // Names alone on a line that does not follow a blank line: a label, or a verse
        // line ending in a colon (`Stay:`, `To Countess Aldgate:`).
        let mut alone_not_after_blank: Vec<String> = Vec::new();
        let mut period = 0usize;
        let mut period_indented = 0usize;
        let mut q = 0usize;
        let mut a = 0usize;
        let mut paren_openings = 0usize;
        let mut scene_lines = 0usize;
        let mut names: FxHashMap<String, usize> = FxHashMap::default();
        let mut previous_blank = true;
        let mut hint = HintScan::default();
        let whole = lines.iter().zip(raw).take_while(|(l, _)| l.span.end < DETECT_BYTES || l.span.end == text.len());
        for (line, colon_label) in whole {
            let s = line.text(text);
            if s.trim().is_empty() {
                previous_blank = true;
                continue;
            }
            if let Some(label) = qa_label(s) {
                if label.name == "Q" {
                    q += 1;
                } else {
                    a += 1;
                }
            } else if let Some(label) = colon_label.clone() {
                colon += 1;
                let content = s[label.content_start..].trim_start();
                if content.is_empty() {
                    alone += 1;
                    alone_after_blank += usize::from(previous_blank);
                    if !previous_blank {
                        alone_not_after_blank.push(label.name.clone());
                    }
                }
                if content.starts_with('(') {
                    paren_openings += 1;
                }
                *names.entry(label.name).or_insert(0) += 1;
            } else if period_label(s).is_some() {
                period += 1;
                period_indented += usize::from(s.starts_with([' ', '\t']));
            } else {
                hint.line(s);
            }
            let t = s.trim_start();
            if t.starts_with("[Scene") || t.starts_with("[SCENE") || t.starts_with("INT.") || t.starts_with("EXT.") {
                scene_lines += 1;
            }
            previous_blank = false;
        }
        let terminator = if period >= MIN_LABELS && period > colon { Terminator::Period } else { Terminator::Colon };
        let colon_doc = terminator == Terminator::Colon;
        // Plays: most labels stand alone, and nearly all of those after a blank line. A
        // name alone without a blank line before it counts against only if it recurs:
        // a verse line ending in a colon is seldom repeated, a speaker's label is.
        let recurring = alone_not_after_blank.iter().filter(|n| names.get(*n).is_some_and(|c| *c >= 2)).count();
        let alone_after_blank = colon_doc
            && alone >= MIN_LABELS
            && alone * 10 >= colon * 7
            && alone_after_blank * 10 >= (alone_after_blank + recurring) * 9;
        let indented_labels = !colon_doc && period_indented * 10 >= period * 9;
        let qa = q >= MIN_LABELS && a >= MIN_LABELS;
        let script = colon_doc && (scene_lines >= 1 || (paren_openings >= MIN_LABELS && paren_openings * 20 >= colon));
        let mut known: Vec<String> = names.into_iter().filter(|(_, n)| *n >= 2).map(|(n, _)| n).collect();
        known.sort();
        Convention { terminator, alone_after_blank, indented_labels, qa, script, known, hint: hint.finish() }
    }

    /// The convention in words a person understands, for `summary.convention`.
    pub fn describe(&self) -> String {
        let mut out = match self.terminator {
            Terminator::Period => "labels ending in a period, as in the Congressional Record".to_owned(),
            Terminator::Colon if self.alone_after_blank => {
                "labels alone on a line after a blank line (plays, Otter exports, parliamentary records)".to_owned()
            }
            Terminator::Colon => "labels ending in a colon".to_owned(),
        };
        if self.qa {
            out.push_str("; Q. and A. lines, as in a deposition");
        }
        if self.script {
            out.push_str("; a script: bracketed and parenthesised directions inside speech are not speech");
        }
        out
    }

    /// Is this a name labelled at least twice at the start of a line?
    pub fn is_known(&self, name: &str) -> bool {
        self.known.binary_search_by(|k| k.as_str().cmp(name)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        assert_eq!(Convention::detect(text).describe(), expect);
    }

    #[test]
    fn conventions() {
        check("Alice: Hi.\nBob: Hello.\n", "labels ending in a colon");
        check(
            "  Mr. SMITH. I yield.\n  Ms. JONES of Ohio. Thank you.\n  The SPEAKER pro tempore. The gentleman.\n",
            "labels ending in a period, as in the Congressional Record",
        );
        let play = "KING:\nStay:\nGo on.\n\n".to_owned() + &"QUEEN:\nNo.\n\nKING:\nYes.\n\n".repeat(5);
        check(&play, "labels alone on a line after a blank line (plays, Otter exports, parliamentary records)");
        // Verse lines ending in a colon, each once, do not hide a short play's layout.
        let verse = "KING:\nStay:\nWho comes?\n\nLORD:\nMy liege.\n\nKING:\nGo.\nTo Countess Aldgate:\nBid her come.\n\nLORD:\nI go.\n";
        check(verse, "labels alone on a line after a blank line (plays, Otter exports, parliamentary records)");
        // Labels alone without blank lines, recurring, are not a play's layout.
        check("Alice:\nHi.\nBob:\nHello.\nAlice:\nBye.\nBob:\nBye.\n", "labels ending in a colon");
        check(
            "Q. Where?\nA. Here.\nQ. When?\nA. Now.\nQ. Why?\nA. Because.\n",
            "labels ending in a colon; Q. and A. lines, as in a deposition",
        );
        check(
            "[Scene: A cafe.]\n\nAnn: (sitting) Hi.\n\nBen: Hello.\n",
            "labels ending in a colon; a script: bracketed and parenthesised directions inside speech are not speech",
        );
    }

    #[test]
    fn known_names_recur() {
        let c = Convention::detect("TRUMP: One.\nHOLT: Two.\nTRUMP: Three.\nGUEST: Four.\n");
        assert!(c.is_known("TRUMP"));
        assert!(!c.is_known("HOLT"));
    }
}
