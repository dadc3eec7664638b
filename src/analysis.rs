//! The convenience entry point.

use crate::{Analysis, OffsetUnit, Options, Stream};

/// Analyses `text`. Never fails: doubtful input yields diagnostics.
///
/// The text is analysed in parts cut at turn boundaries ([`Stream`]), which gives
/// the same result as one pass (a tested invariant) while holding only one part's
/// tokens at a time, so memory grows with the counts, not with the text.
///
/// ```
/// let a = colloquy::analyse("Q: Why?\nA: Because we can.", &colloquy::Options::default());
/// assert_eq!(a.summary.turns, 2);
/// assert_eq!(a.speakers.iter().find(|s| s.name == "Q").map(|s| s.questions), Some(1));
/// ```
pub fn analyse(text: &str, options: &Options) -> Analysis {
    Stream::once(options.clone(), OffsetUnit::Utf8, text)
}
