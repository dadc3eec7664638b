//! Counts of two texts split at a turn boundary merge into the counts of the whole.

use colloquy::{Analysis, Convention, Counts, Document, Options, Stopwords};

pub fn options() -> Options {
    let mut o = Options::default();
    o.view.stopwords = Stopwords::Language("en".to_owned());
    o.view.top_terms = 0;
    o.view.top_phrases = 0;
    // Furniture is found at the ends of a text, so a part's end is not the whole's.
    o.parse.keep_furniture = true;
    o
}

pub fn counts(text: &str, o: &Options) -> Counts {
    Counts::new(&Document::new(text.to_owned(), o))
}

/// The analysis as compared: everything, diagnostics included.
pub fn comparable(a: Analysis) -> Analysis {
    a
}

/// The parts are read with the whole text's label convention, as a stream reads them.
pub fn check_merge(a: &str, b: &str) {
    let o = options();
    let text = format!("{a}{b}");
    let whole = comparable(counts(&text, &o).report(&o.view));
    let convention = Convention::detect(&text);
    let part = |t: &str| Counts::new(&Document::with_convention(t.to_owned(), &o, &convention));
    let mut merged = part(a);
    merged.merge(part(b));
    let merged = comparable(merged.report(&o.view));
    assert_eq!(merged, whole);
}

#[test]
fn merge_at_a_turn_boundary() {
    check_merge(
        "Opening words here.\nAlice: We shall talk about the budget plan.\nBob: The budget plan is late.\n",
        "Alice: The budget plan is late again? Really.\nBob: Yes.\n",
    );
}

#[test]
fn merge_when_the_same_speaker_continues() {
    check_merge("Alice: The budget plan.\n", "Alice: The budget plan again.\nBob: Fine.\n");
}
