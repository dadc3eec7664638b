//! The bad-input matrix, at the core: each input gets a correct result or a clear
//! diagnostic — never a panic, a hang or lost text. The inputs are built in
//! `tests/shared/bad_inputs.rs`, shared with the wasm layer's matrix.

use colloquy::{analyse, DiagnosticKind, Options};

#[path = "../shared/bad_inputs.rs"]
mod inputs;

fn speakers(a: &colloquy::Analysis) -> usize {
    a.speakers.len()
}

#[test]
fn empty_and_whitespace_only() {
    for text in inputs::BLANK {
        let a = analyse(text, &Options::default());
        assert_eq!((a.summary.tokens, speakers(&a)), (0, 0), "{text:?}");
    }
}

#[test]
fn a_single_50_mb_line_without_a_newline() {
    let (text, words) = inputs::single_line(50 << 20);
    assert!(!text.contains('\n'));
    let a = analyse(&text, &Options::default());
    assert_eq!(a.summary.tokens, words);
    assert_eq!(a.speakers[0].name, colloquy::UNATTRIBUTED);
    assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::NoSpeakers));
    assert!(!a.phrases.is_empty());
}

#[test]
fn ten_thousand_distinct_speakers() {
    let text = inputs::distinct_speakers(10_000);
    let a = analyse(&text, &Options::default());
    assert_eq!(speakers(&a), 10_000);
    assert_eq!(a.summary.turns, 10_000);
    assert!(a.speakers.iter().all(|s| s.words == 4));
}

#[test]
fn a_label_line_repeated_100_000_times_with_no_text() {
    let text = inputs::repeated_label(100_000);
    let a = analyse(&text, &Options::default());
    assert_eq!(a.summary.tokens, 0);
    assert_eq!(a.summary.turns, 1, "the same speaker's labels continue one turn");
    assert_eq!(a.speakers[0].name, "MR. PRICE");
}

#[test]
fn all_stage_directions() {
    let a = analyse(inputs::STAGE_DIRECTIONS, &Options::default());
    assert_eq!(a.summary.tokens, 0);
    assert_eq!(a.summary.stage_directions, 5);
    assert_eq!(a.stage_directions.iter().find(|d| d.kind == "applause").map(|d| d.count), Some(2));
}

#[test]
fn all_stopwords() {
    let a = analyse(inputs::STOPWORDS, &Options::default());
    assert_eq!(a.summary.tokens, 13);
    assert!(a.terms.is_empty(), "every word is a stopword: {:?}", a.terms);
    assert!(a.phrases.is_empty());
    assert_eq!(speakers(&a), 2);
}

#[test]
fn vtt_with_broken_timings_keeps_its_text() {
    let a = analyse(inputs::BROKEN_VTT, &Options::default());
    assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::MalformedCue));
    let words: usize = a.speakers.iter().map(|s| s.words).sum();
    assert_eq!(words, 5, "hello there … lost line … bye, and no timestamp: {:?}", a.terms);
    assert_eq!(a.diagnostics.iter().filter(|d| d.kind == DiagnosticKind::MalformedCue).count(), 2);
    assert!(a.speakers.iter().any(|s| s.name == "Ann") && a.speakers.iter().any(|s| s.name == "Bob"));
}

#[test]
fn control_characters_nul_and_lone_marks() {
    let text = inputs::CONTROL_CHARACTERS;
    let a = analyse(text, &Options::default());
    assert!(a.summary.tokens > 0);
    for t in &a.turns {
        assert!(text.get(t.start..t.end).is_some());
    }
}
