//! The inputs of the bad-input matrix (issue 8), built one way for every layer: the
//! core's tests (`tests/it/bad_inputs.rs`) and the wasm boundary's
//! (`wasm/tests/bad_inputs.rs`) include this file with `#[path]`. Plain `std` only. Each
//! layer asserts what its own results must say.
#![allow(dead_code)]

/// Empty and white-space-only texts (a U+2028 line separator among them).
pub const BLANK: [&str; 4] = ["", " ", "\n\n\n", "\t \r\n \u{2028}"];

/// One line of at least `bytes` bytes (ASCII, so as many UTF-16 units), no newline: eight
/// words in turn, a sentence end after every 17th. Returns the text and its word count.
pub fn single_line(bytes: usize) -> (String, usize) {
    const WORDS: [&str; 8] = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
    let mut text = String::with_capacity(bytes + 16);
    let mut words = 0usize;
    let mut to_end = 0; // words until the next sentence end
    for word in WORDS.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(word);
        text.push_str(if to_end == 0 { ". " } else { " " });
        to_end = if to_end == 0 { 16 } else { to_end - 1 };
        words += 1;
    }
    (text, words)
}

/// `n` speakers, `Speaker 0` … `Speaker n-1`, one turn of four words each.
pub fn distinct_speakers(n: usize) -> String {
    (0..n).map(|i| format!("Speaker {i}: hello number {i} here.\n")).collect()
}

/// The label line `MR. PRICE:` `n` times, with no text.
pub fn repeated_label(n: usize) -> String {
    "MR. PRICE:\n".repeat(n)
}

/// Only stage directions: five of them, two of them applause, one after a label.
pub const STAGE_DIRECTIONS: &str = "(APPLAUSE)\n[crosstalk]\n(Laughter.)\nHOLT: (APPLAUSE) [inaudible 00:12]\n";

/// Two speakers, thirteen words, every one an English stopword.
pub const STOPWORDS: &str = "Alice: the and of to a in that it is was\nBob: and the of\n";

/// WebVTT whose first two cues have broken timings; Ann's and Bob's words are still there.
pub const BROKEN_VTT: &str = "WEBVTT\n\n00:00:01.000 --> nonsense\n<v Ann>Hello there.\n\n00:01.000 -> 00:02.000\nLost line?\n\n00:00:03.000 --> 00:00:04.000\n<v Bob>Bye.\n";

/// NUL and other controls, lone combining marks, bidi marks, a BOM after a label, CRLF and a lone CR.
pub const CONTROL_CHARACTERS: &str = "Alice: a\u{0}b\u{7}c \u{301}\u{301} \u{200f}שלום\u{200e} 👩‍👩‍👧\r\nBob:\u{feff} ok\r";
