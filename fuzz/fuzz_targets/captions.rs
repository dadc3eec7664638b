//! VTT and SRT parsing, forced, on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (bool, &str)| {
    let (vtt, body) = input;
    let text = if vtt { format!("WEBVTT\n\n{body}") } else { body.to_owned() };
    let mut options = colloquy::ParseOptions::default();
    options.format = if vtt { colloquy::Format::Vtt } else { colloquy::Format::Srt };
    let t = colloquy::parse(&text, &options);
    for turn in &t.turns {
        for seg in &turn.segments {
            assert!(text.get(seg.span.start..seg.span.end).is_some());
        }
    }
    let mut o = colloquy::Options::default();
    o.parse = options;
    let _ = colloquy::analyse(&text, &o);
});
