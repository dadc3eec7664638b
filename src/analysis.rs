//! The convenience entry point.

use crate::{Analysis, Counts, Document, Options};

/// Analyses `text`. Never fails: doubtful input yields diagnostics.
///
/// ```
/// let a = colloquy::analyse("Q: Why?\nA: Because we can.", &colloquy::Options::default());
/// assert_eq!(a.summary.turns, 2);
/// assert_eq!(a.speakers.iter().find(|s| s.name == "Q").map(|s| s.questions), Some(1));
/// ```
pub fn analyse(text: &str, options: &Options) -> Analysis {
    let doc = Document::new(text.to_owned(), options);
    Counts::new(&doc).report(&options.view)
}
