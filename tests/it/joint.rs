//! Joint speakers (`Alice and Bob:`): shown as printed by default; with
//! `split_joint_speakers`, each named speaker is credited with the joint words,
//! checked against a naive reference built from the unsplit analysis.

use std::collections::BTreeMap;

use proptest::prelude::*;

use colloquy::{analyse, Analysis, DiagnosticKind, OffsetUnit, Options, Stream, StreamConfig};

const SINGLE: &[&str] = &["Alice", "Bob", "Sergey Lavrov"];
/// Joint labels and the names they list (`Carol` never speaks alone).
const JOINT: &[(&str, &[&str])] = &[
    ("Alice and Bob", &["Alice", "Bob"]),
    ("Alice, Bob, and Sergey Lavrov", &["Alice", "Bob", "Sergey Lavrov"]),
    ("Bob & Carol", &["Bob", "Carol"]),
];
const WORDS: &[&str] = &["the", "budget", "is", "late", "we", "talk", "yes", "мир", "no?", "plan."];

fn transcript() -> impl Strategy<Value = String> {
    let turn = (0..SINGLE.len() + JOINT.len(), prop::collection::vec(0..WORDS.len(), 0..12));
    prop::collection::vec(turn, 1..14).prop_map(|turns| {
        let mut s = String::new();
        for (label, words) in turns {
            s.push_str(SINGLE.get(label).copied().unwrap_or_else(|| JOINT[label - SINGLE.len()].0));
            s.push_str(": ");
            let words: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
            s.push_str(&words.join(" "));
            s.push('\n');
        }
        s
    })
}

fn split() -> Options {
    let mut o = Options::default();
    o.parse.split_joint_speakers = true;
    o
}

/// `(words, turns)` per speaker name.
fn rows(a: &Analysis) -> BTreeMap<String, (usize, usize)> {
    a.speakers.iter().map(|s| (s.name.clone(), (s.words, s.turns))).collect()
}

/// The unsplit analysis's rows with each joint row added to its members' rows.
fn credited_by_hand(unsplit: &Analysis) -> BTreeMap<String, (usize, usize)> {
    credit(unsplit.speakers.iter().map(|s| (s.name.as_str(), (s.words, s.turns))))
}

/// Per-speaker pairs with each joint speaker's added to its members'.
fn credit<'a>(rows: impl Iterator<Item = (&'a str, (usize, usize))>) -> BTreeMap<String, (usize, usize)> {
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (name, (a, b)) in rows {
        let members = JOINT.iter().find(|(label, _)| *label == name).map_or(vec![name], |(_, m)| m.to_vec());
        for m in members {
            let row = out.entry(m.to_owned()).or_default();
            row.0 += a;
            row.1 += b;
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn each_member_is_credited_with_the_joint_words(text in transcript()) {
        let unsplit = analyse(&text, &Options::default());
        let split = analyse(&text, &split());
        prop_assert_eq!(rows(&split), credited_by_hand(&unsplit));
        // The text is the same: tokens, turns as printed, term counts.
        prop_assert_eq!(split.summary.tokens, unsplit.summary.tokens);
        prop_assert_eq!(&split.turns, &unsplit.turns);
        for (a, b) in split.terms.iter().zip(&unsplit.terms) {
            prop_assert_eq!((&a.term, a.count), (&b.term, b.count));
            let by_hand = credit(b.by_speaker.iter().map(|(name, &n)| (name.as_str(), (n, 0))));
            prop_assert_eq!(a.by_speaker.iter().map(|(name, &n)| (name.clone(), (n, 0))).collect::<BTreeMap<_, _>>(), by_hand);
        }
        let shares: f64 = split.speakers.iter().map(|s| s.share).sum();
        prop_assert!(split.summary.tokens == 0 || (shares - 1.0).abs() < 1e-9, "shares of the credited words sum to 1: {shares}");
    }

    #[test]
    fn split_joint_speakers_stream_as_one_shot(
        text in transcript(),
        part in 1usize..120,
    ) {
        let o = split();
        let mut s = Stream::with_config(o.clone(), OffsetUnit::Utf8, StreamConfig { part_bytes: part, tail_bytes: 0 });
        s.push(&text);
        prop_assert_eq!(s.finish(), analyse(&text, &o));
    }
}

#[test]
fn joint_speakers_say_what_was_done_and_what_can_be() {
    let text = "Alice: Hello there.\nBob: Hi.\nAlice and Bob: Happy birthday!\n";
    let unsplit = analyse(text, &Options::default());
    let hint: Vec<&str> = unsplit
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::JointSpeaker)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        hint,
        ["\"Alice and Bob\" speak together (2 words, counted as one speaker's); the split-joint-speakers option credits them to each of Alice and Bob"]
    );
    assert_eq!(&text[unsplit.diagnostics[0].start..unsplit.diagnostics[0].end], "Alice and Bob: ");
    let split = analyse(text, &split());
    let names: Vec<(&str, usize)> = split.speakers.iter().map(|s| (s.name.as_str(), s.words)).collect();
    assert_eq!(names, [("Alice", 4), ("Bob", 3)]);
    assert!(split
        .diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::JointSpeaker && d.message.contains("credited to each of Alice and Bob")));
}
