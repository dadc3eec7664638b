//! The convenience entry point.

use crate::read::{ReadText, SourceFormat};
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

/// Analyses what [`crate::read::read`] made of a file: as [`analyse`], with
/// `summary.source` naming the file's format unless it was plain text.
///
/// ```
/// use colloquy::read::{read, ReadLimits, Source, SourceFormat};
/// let json = br#"{"segments": [{"start": 0, "end": 1, "text": "Hello there.", "speaker": "SPEAKER_00"}]}"#;
/// let text = read(&Source::named(json, "talk.json"), &ReadLimits::default()).map_err(|e| e.message)?;
/// let a = colloquy::analyse_read(&text, &colloquy::Options::default());
/// assert_eq!(a.summary.source, Some(SourceFormat::WhisperJson));
/// assert_eq!(a.speakers[0].name, "SPEAKER_00");
/// # Ok::<(), String>(())
/// ```
pub fn analyse_read(read: &ReadText, options: &Options) -> Analysis {
    let mut analysis = analyse(&read.text, options);
    analysis.summary.source = (read.source != SourceFormat::Text).then_some(read.source);
    analysis
}
