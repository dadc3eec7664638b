//! The label hint: applying its pattern as the label pattern reads the labels the
//! automatic detection did not take.

use proptest::prelude::*;

use colloquy::{analyse, Analysis, Options};

fn with_pattern(text: &str, pattern: &str) -> Analysis {
    with(text, pattern, Options::default())
}

fn with(text: &str, pattern: &str, mut o: Options) -> Analysis {
    o.parse.label_pattern = Some(pattern.to_owned());
    analyse(text, &o)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/formats/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture is UTF-8")
}

#[test]
fn the_hint_reads_a_dash_transcript() {
    let text = fixture("dashes.txt");
    let auto = analyse(&text, &Options::default());
    assert!(auto.speakers.iter().all(|s| !s.attributed));
    let hint = auto.label_hint.expect("a hint");
    assert_eq!(hint.examples, ["HOLLIS --", "DR. KOWALSKI --", "CALLER --"]);
    assert_eq!(hint.lines, 10);
    let applied = with_pattern(&text, &hint.pattern);
    let names: Vec<(&str, bool, usize)> =
        applied.speakers.iter().map(|s| (s.name.as_str(), s.attributed, s.turns)).collect();
    // A label pattern turns off heading detection, so the title has no speaker.
    assert_eq!(
        names,
        [("DR. KOWALSKI", true, 5), ("HOLLIS", true, 4), ("(unattributed)", false, 1), ("CALLER", true, 1)]
    );
    assert!(applied.label_hint.is_none());
}

#[test]
fn no_hint_where_labels_are_found() {
    for name in ["debate.txt", "hansard.txt", "chat.txt", "play.txt", "rev.txt", "un-briefing.txt", "briefing.txt"] {
        assert_eq!(analyse(&fixture(name), &Options::default()).label_hint, None, "{name}");
    }
}

const NAMES: &[&str] = &["SMITH", "Mr. Jones", "Dr. Anna Kowalski", "ПУТИН", "Ms. JONES of Ohio", "Q"];
const LABELS: &[(&str, &str)] = &[
    ("", " -- "),
    ("", " - "),
    ("", " — "),
    ("", " > "),
    ("", " | "),
    ("", ") "),
    ("", "\t"),
    ("(", ") "),
    ("<", "> "),
    ("[", "] "),
];
const SPEECH: &[&str] =
    &["we talk about the budget", "yes", "it is late, isn't it?", "no. The plan - the old one", "Москва"];

proptest! {
    /// A transcript in any of the separators, with two or more names that recur: the
    /// hint's pattern, applied, gives each turn to its speaker with its words.
    #[test]
    fn applying_the_hint_gives_the_speakers(
        label in 0..LABELS.len(),
        turns in prop::collection::vec((0..NAMES.len(), prop::collection::vec(0..SPEECH.len(), 1..4)), 4..16),
    ) {
        let distinct: std::collections::BTreeSet<usize> = turns.iter().map(|t| t.0).collect();
        prop_assume!(distinct.len() >= 2 && distinct.len() * 3 <= turns.len() * 2);
        let (open, close) = LABELS[label];
        let mut text = String::new();
        let mut expected: Vec<String> = Vec::new();
        for (name, speech) in &turns {
            text.push_str(&format!("{open}{}{close}", NAMES[*name]));
            let said: Vec<&str> = speech.iter().map(|&s| SPEECH[s]).collect();
            text.push_str(&said.join(" "));
            text.push('\n');
            expected.push(NAMES[*name].to_owned());
        }
        // Short Cyrillic lines at an end would be page furniture.
        let mut o = Options::default();
        o.parse.keep_furniture = true;
        let auto = analyse(&text, &o);
        let hint = auto.label_hint.clone();
        prop_assert!(hint.is_some(), "no hint for {:?}", text);
        let hint = hint.unwrap_or_else(|| unreachable!());
        prop_assert_eq!(hint.lines, turns.len());
        let applied = with(&text, &hint.pattern, o);
        let mut got: Vec<String> = applied.turns.iter().map(|t| t.speaker.clone()).collect();
        // Consecutive turns of one speaker are one turn.
        expected.dedup();
        got.dedup();
        prop_assert_eq!(got, expected);
        prop_assert_eq!(applied.speakers.iter().filter(|s| s.attributed).map(|s| s.words).sum::<usize>(), applied.summary.tokens);
    }
}
