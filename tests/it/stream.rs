//! Streaming equals one-shot analysis, whatever the chunking.

use proptest::prelude::*;

use colloquy::{analyse, Format, OffsetUnit, Options, Stream, StreamConfig};

const SEED: &str = include_str!("../fixtures/mfa-cis-press-conference-2024-04-12.txt");

/// Splits `text` at the given fractions, on char boundaries.
pub fn chunks<'a>(text: &'a str, cuts: &[f64]) -> Vec<&'a str> {
    let mut points: Vec<usize> = cuts
        .iter()
        .map(|f| {
            let mut i = ((text.len() as f64) * f) as usize;
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        })
        .collect();
    points.push(0);
    points.push(text.len());
    points.sort_unstable();
    points.windows(2).map(|w| &text[w[0]..w[1]]).collect()
}

fn stream(text: &str, cuts: &[f64], options: &Options, config: StreamConfig, unit: OffsetUnit) -> colloquy::Analysis {
    let mut s = Stream::with_config(options.clone(), unit, config);
    for c in chunks(text, cuts) {
        s.push(c);
    }
    s.finish()
}

/// A long transcript: the seed's turns, re-labelled and repeated, seed furniture at the end.
fn long_transcript(target: usize) -> String {
    let (body, furniture) = SEED.split_at(SEED.find("Дополнительные материалы").unwrap_or(SEED.len()));
    let names = ["Sergey Lavrov", "Question", "MR. PRICE", "Jane Doe (Riding, Party)", "С.В.Лавров"];
    let mut out = String::new();
    let mut i = 0;
    while out.len() < target {
        for para in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
            let para = para.split_once(": ").map_or(para, |(_, rest)| rest);
            out.push_str(names[i % names.len()]);
            out.push_str(": ");
            out.push_str(para);
            out.push_str(if i % 7 == 0 { "\n" } else { "\n\n" });
            i += 1;
        }
    }
    out.push_str(furniture);
    out
}

#[test]
fn a_long_text_streams_in_parts_to_the_same_result() {
    let text = long_transcript(3 << 20);
    let whole = analyse(&text, &Options::default());
    for cuts in [vec![], vec![0.1, 0.35, 0.36, 0.8], (1..200).map(|i| i as f64 / 200.0).collect()] {
        let mut s = Stream::new(Options::default(), OffsetUnit::Utf8);
        for c in chunks(&text, &cuts) {
            s.push(c);
        }
        assert!(s.processed_bytes() > 0, "parts were analysed before the end");
        assert_eq!(s.finish(), whole);
    }
    assert!(whole.diagnostics.iter().any(|d| d.kind == colloquy::DiagnosticKind::FurnitureExcluded));
}

#[test]
fn utf16_offsets_slice_the_same_text() {
    let text = format!("Intro 😀 日本 текст.\n{}", long_transcript(1 << 20));
    let a = stream(&text, &[0.5], &Options::default(), StreamConfig::default(), OffsetUnit::Utf16);
    let b = analyse(&text, &Options::default());
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(a.turns.len(), b.turns.len());
    for (t16, t8) in a.turns.iter().zip(&b.turns) {
        assert_eq!(String::from_utf16_lossy(&utf16[t16.start..t16.end]), text[t8.start..t8.end]);
    }
    for (p16, p8) in a.phrases.iter().zip(&b.phrases) {
        assert_eq!(String::from_utf16_lossy(&utf16[..p16.first]), text[..p8.first]);
    }
}

fn small_options() -> Options {
    let mut o = crate::merge::options();
    o.parse.format = Format::Text;
    o
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_chunking_equals_one_shot(
        text in crate::properties::transcript(),
        cuts in prop::collection::vec(0.0f64..1.0, 0..12),
        part in 1usize..200,
        tail in 0usize..100,
    ) {
        let o = small_options();
        let config = StreamConfig { part_bytes: part, tail_bytes: tail };
        prop_assert_eq!(stream(&text, &cuts, &o, config, OffsetUnit::Utf8), analyse(&text, &o));
    }

    /// A document read with progress reports is the document read without, and the
    /// reports only go forward, within the text.
    #[test]
    fn a_document_read_with_progress_is_the_same(text in crate::properties::transcript(), times in 1usize..40) {
        let text = text.repeat(times);
        let o = small_options();
        let mut seen = Vec::new();
        let with = colloquy::Document::with_progress(text.clone(), &o, &mut |done, total| seen.push((done, total)));
        let without = colloquy::Document::new(text.clone(), &o);
        prop_assert_eq!(colloquy::Counts::new(&with).report(&o.view), colloquy::Counts::new(&without).report(&o.view));
        prop_assert_eq!(seen.first().copied(), Some((0, text.len())));
        prop_assert!(seen.windows(2).all(|w| w[0].0 < w[1].0 || w[0].0 == 0));
        prop_assert!(seen.iter().all(|&(done, total)| done <= total && total == text.len()));
    }

    /// Files joined end to end: a byte-order mark starts some lines. Each part of the
    /// stream starts at a line, so its mark must be read as the whole text reads it.
    #[test]
    fn joined_files_stream_as_one_shot(
        text in crate::properties::transcript(),
        marks in prop::collection::vec(any::<bool>(), 0..40),
        part in 1usize..200,
    ) {
        let mut marks = marks.into_iter().cycle();
        let mut joined = String::from("\u{feff}");
        for line in text.split_inclusive('\n') {
            joined.push_str(line);
            if marks.next().unwrap_or(false) {
                joined.push('\u{feff}');
            }
        }
        let o = small_options();
        let config = StreamConfig { part_bytes: part, tail_bytes: 0 };
        prop_assert_eq!(stream(&joined, &[], &o, config, OffsetUnit::Utf8), analyse(&joined, &o));
    }
}
