//! `colloquy::read`: files as transcripts come in (`.docx`, `.odt`, `.rtf`, web pages,
//! engines' JSON, CSV), each built here from a transcript and read back to the same
//! speakers, turns and words; hostile inputs; random segments through JSON.

/// A snapshot kept with the others, in `tests/it/snapshots/`.
macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots" }, { insta::assert_snapshot!($name, $value) })
    };
}

mod build;
mod documents;
mod engines;
mod fixtures;
mod hostile;
#[cfg(feature = "pdf")]
mod pdf;
mod properties;

use colloquy::read::{read, ReadLimits, ReadText, Source};
use colloquy::{analyse, Options};

/// The transcript the document fixtures are made from (invented).
pub const TRANSCRIPT: &[(&str, &str)] = &[
    ("Alice", "Good morning, everyone. Thanks for coming in today."),
    ("Bob", "Happy to be here. Where do we start?"),
    ("Alice", "With the budget, I think. It is the hard part."),
    ("Carol", "I agree with Alice on that."),
    ("Bob", "Fine by me. Let us begin."),
];

/// The transcript as plain text, one `Name: text` line per turn.
pub fn plain() -> String {
    TRANSCRIPT.iter().map(|(who, said)| format!("{who}: {said}\n")).collect()
}

/// Each speaker's name, words and turns, sorted by name.
pub fn profile(text: &str) -> Vec<(String, usize, usize)> {
    let analysis = analyse(text, &Options::default());
    let mut speakers: Vec<_> = analysis.speakers.iter().map(|s| (s.name.clone(), s.words, s.turns)).collect();
    speakers.sort();
    speakers
}

/// Reads `bytes` named `name` with the default limits, or panics with the message.
pub fn read_ok(bytes: &[u8], name: &str) -> ReadText {
    match read(&Source::named(bytes, name), &ReadLimits::default()) {
        Ok(read) => read,
        Err(e) => panic!("{name}: {e}"),
    }
}
