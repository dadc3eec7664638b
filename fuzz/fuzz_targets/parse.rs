//! Transcript parsing with format auto-detection, then tokenising: never a panic,
//! every span on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let t = colloquy::parse(text, &colloquy::ParseOptions::default());
    for turn in &t.turns {
        assert!(text.get(turn.span.start..turn.span.end).is_some());
        for seg in &turn.segments {
            assert!(text.get(seg.span.start..seg.span.end).is_some());
        }
    }
    for d in &t.diagnostics {
        assert!(text.get(d.start..d.end).is_some());
    }
    let toks = colloquy::tokenize(text, &t, &colloquy::TokenizeOptions::default());
    for tok in &toks.tokens {
        assert!(text.get(tok.span.start..tok.span.end).is_some_and(|s| !s.is_empty()));
    }
});
