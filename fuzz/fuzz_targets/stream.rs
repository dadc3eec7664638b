//! Streaming with arbitrary chunk splits equals one-shot analysis.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Vec<u16>, u16, u16, &str)| {
    let (cuts, part, tail, text) = input;
    let mut o = colloquy::Options::default();
    o.parse.format = colloquy::Format::Text;
    o.parse.keep_furniture = true;
    let config = colloquy::StreamConfig { part_bytes: usize::from(part % 512), tail_bytes: usize::from(tail % 256) };
    let mut points: Vec<usize> = cuts.iter().map(|&c| usize::from(c) % (text.len() + 1)).collect();
    points.retain(|&p| text.is_char_boundary(p));
    points.push(0);
    points.push(text.len());
    points.sort_unstable();
    let mut stream = colloquy::Stream::with_config(o.clone(), colloquy::OffsetUnit::Utf8, config);
    for w in points.windows(2) {
        stream.push(&text[w[0]..w[1]]);
    }
    assert_eq!(stream.finish(), colloquy::analyse(text, &o));
});
