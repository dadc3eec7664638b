//! Inputs that once broke something (fuzzing finds, bug reports), replayed on every
//! `cargo test`: each must parse, analyse and stream without a panic, with valid spans.

use colloquy::{analyse, Format, OffsetUnit, Options, Stream, StreamConfig};

fn check(text: &str) {
    let a = analyse(text, &Options::default());
    assert_eq!(a.speakers.iter().map(|s| s.words).sum::<usize>(), a.summary.tokens);
    for t in &a.turns {
        assert!(text.get(t.start..t.end).is_some());
    }
    for d in &a.diagnostics {
        assert!(text.get(d.start..d.end).is_some());
    }
    let mut o = Options::default();
    o.parse.format = Format::Text;
    o.parse.keep_furniture = true;
    let mut s = Stream::with_config(o.clone(), OffsetUnit::Utf8, StreamConfig { part_bytes: 7, tail_bytes: 3 });
    let mid = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    s.push(&text[..mid]);
    s.push(&text[mid..]);
    assert_eq!(s.finish(), analyse(text, &o));
}

#[test]
fn replay_the_regression_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("the regression corpus exists") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable");
        check(&String::from_utf8_lossy(&bytes));
        n += 1;
    }
    assert!(n > 0, "the corpus has inputs");
}

/// A procedural paragraph followed at once by a label: the speech after the label (its
/// wrapped line too) is the speaker's, not more procedure.
#[test]
fn a_label_ends_a_procedural_paragraph() {
    let text = "Ann Lee: We object.\n\nQuestion put and agreed to.\nBen Roe: I rise to speak\nabout the bill.\n\nAnn Lee: Thank you.\n";
    let a = analyse(text, &Options::default());
    let ben = a.speakers.iter().find(|s| s.name == "Ben Roe").map(|s| s.words);
    assert_eq!(ben, Some(7), "both lines of Ben Roe's speech are his");
    assert_eq!(a.summary.left_out_lines, 1, "only the procedural line is left out");
}
