//! The bad-input matrix, at the core: each input gets a correct result or a clear
//! diagnostic — never a panic, a hang or lost text.

use colloquy::{analyse, DiagnosticKind, Options};

fn speakers(a: &colloquy::Analysis) -> usize {
    a.speakers.len()
}

#[test]
fn empty_and_whitespace_only() {
    for text in ["", " ", "\n\n\n", "\t \r\n \u{2028}"] {
        let a = analyse(text, &Options::default());
        assert_eq!((a.summary.tokens, speakers(&a)), (0, 0), "{text:?}");
    }
}

#[test]
fn a_single_50_mb_line_without_a_newline() {
    let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
    let mut text = String::with_capacity(50 << 20);
    let mut i = 0usize;
    while text.len() < 50 << 20 {
        text.push_str(words[i % words.len()]);
        text.push_str(if i % 17 == 0 { ". " } else { " " });
        i += 1;
    }
    let a = analyse(&text, &Options::default());
    assert_eq!(a.summary.tokens, i);
    assert_eq!(a.speakers[0].name, colloquy::UNATTRIBUTED);
    assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::NoSpeakers));
    assert!(!a.phrases.is_empty());
}

#[test]
fn ten_thousand_distinct_speakers() {
    let mut text = String::new();
    for i in 0..10_000 {
        text.push_str(&format!("Speaker {i}: hello number {i} here.\n"));
    }
    let a = analyse(&text, &Options::default());
    assert_eq!(speakers(&a), 10_000);
    assert_eq!(a.summary.turns, 10_000);
    assert!(a.speakers.iter().all(|s| s.words == 4));
}

#[test]
fn a_label_line_repeated_100_000_times_with_no_text() {
    let text = "MR. PRICE:\n".repeat(100_000);
    let a = analyse(&text, &Options::default());
    assert_eq!(a.summary.tokens, 0);
    assert_eq!(a.summary.turns, 1, "the same speaker's labels continue one turn");
    assert_eq!(a.speakers[0].name, "MR. PRICE");
}

#[test]
fn all_stage_directions() {
    let text = "(APPLAUSE)\n[crosstalk]\n(Laughter.)\nHOLT: (APPLAUSE) [inaudible 00:12]\n";
    let a = analyse(text, &Options::default());
    assert_eq!(a.summary.tokens, 0);
    assert_eq!(a.summary.stage_directions, 5);
    assert_eq!(a.stage_directions.iter().find(|d| d.kind == "applause").map(|d| d.count), Some(2));
}

#[test]
fn all_stopwords() {
    let text = "Alice: the and of to a in that it is was\nBob: and the of\n";
    let a = analyse(text, &Options::default());
    assert_eq!(a.summary.tokens, 13);
    assert!(a.terms.is_empty(), "every word is a stopword: {:?}", a.terms);
    assert!(a.phrases.is_empty());
    assert_eq!(speakers(&a), 2);
}

#[test]
fn vtt_with_broken_timings_keeps_its_text() {
    let text = "WEBVTT\n\n00:00:01.000 --> nonsense\n<v Ann>Hello there.\n\n00:01.000 -> 00:02.000\nLost line?\n\n00:00:03.000 --> 00:00:04.000\n<v Bob>Bye.\n";
    let a = analyse(text, &Options::default());
    assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::MalformedCue));
    let terms: usize = a.speakers.iter().map(|s| s.words).sum();
    assert!(terms >= 5, "hello there … lost line … bye all counted: {terms}");
    assert!(a.speakers.iter().any(|s| s.name == "Ann") && a.speakers.iter().any(|s| s.name == "Bob"));
}

#[test]
fn control_characters_nul_and_lone_marks() {
    let text = "Alice: a\u{0}b\u{7}c \u{301}\u{301} \u{200f}שלום\u{200e} 👩‍👩‍👧\r\nBob:\u{feff} ok\r";
    let a = analyse(text, &Options::default());
    assert!(a.summary.tokens > 0);
    for t in &a.turns {
        assert!(text.get(t.start..t.end).is_some());
    }
}
