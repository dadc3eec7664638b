//! Distinctive words against a chosen reference (`Comparison`): everyone else, one
//! speaker, a group; speakers left out; the prior's weight; significance flags.

use colloquy::{analyse, Analysis, Comparison, DiagnosticKind, Distinctive, Options, Reference};

/// `name: ` and the words, `n` times each, as one turn.
fn turn(name: &str, words: &[(&str, usize)]) -> String {
    let said: Vec<&str> = words.iter().flat_map(|&(w, n)| std::iter::repeat_n(w, n)).collect();
    format!("{name}: {}\n", said.join(" "))
}

fn with(comparison: Comparison) -> Options {
    let mut o = Options::default();
    o.view.comparison = comparison;
    o
}

fn speakers(names: &[&str]) -> Reference {
    Reference::Speakers(names.iter().map(|&n| n.to_owned()).collect())
}

/// The row of `term` in `speaker`'s distinctive or avoided words.
fn row<'a>(a: &'a Analysis, speaker: &str, term: &str) -> Option<&'a Distinctive> {
    let s = a.speakers.iter().find(|s| s.name == speaker)?;
    s.distinctive.iter().chain(&s.avoided).find(|d| d.term == term)
}

/// 1,000 words each; A says `politicians` 10 times, B never.
fn ten_against_none() -> String {
    turn("A", &[("talk", 990), ("politicians", 10)]) + &turn("B", &[("talk", 1000)])
}

/// Hand-computed in `src/stats/keyness.rs` (`ten_against_none_is_significant_by_both`):
/// a_0 = 0.1 × 2000 = 200, a_w = 0.1 × 10 = 1; δ = ln(11/1189) − ln(1/1199) = 2.406271,
/// σ² = 1/11 + 1 = 1.090909, z = 2.303829; G² = 13.913195.
#[test]
fn ten_against_none_is_significant_by_z_and_by_g2() {
    let a = analyse(&ten_against_none(), &Options::default());
    let d = row(&a, "A", "politicians").cloned();
    let d = d.unwrap_or_else(|| panic!("politicians is distinctive of A: {:?}", a.speakers));
    assert_eq!((d.count, d.other_count), (10, 0));
    assert!((d.z - 2.303829).abs() < 1e-6, "{}", d.z);
    assert!((d.g2 - 13.913195).abs() < 1e-6, "{}", d.g2);
    assert!(d.z_significant && d.g2_significant, "{d:?}");
    // A prior as heavy as the data (the old default) made z say the opposite: 1.80.
    let heavy = analyse(&ten_against_none(), &with(Comparison { prior_weight: 1.0, ..Comparison::default() }));
    let h = row(&heavy, "A", "politicians").cloned().unwrap_or_else(|| panic!("{:?}", heavy.speakers));
    assert!((h.z - 1.798348).abs() < 1e-6 && !h.z_significant && h.g2_significant, "{h:?}");
    // B's mirror: avoided, and significantly so.
    let b = row(&a, "B", "politicians").cloned().unwrap_or_else(|| panic!("{:?}", a.speakers));
    assert!(b.z < -1.96 && b.z_significant && b.g2 < -3.84 && b.g2_significant, "{b:?}");
}

/// A and C both say `apple`; B never does.
fn three() -> String {
    turn("A", &[("talk", 95), ("apple", 5)]) + &turn("B", &[("talk", 100)]) + &turn("C", &[("talk", 95), ("apple", 5)])
}

#[test]
fn against_one_speaker_counts_only_theirs() {
    let others = analyse(&three(), &Options::default());
    assert_eq!(row(&others, "A", "apple").map(|d| d.other_count), Some(5), "C's apples are everyone else's");
    let against_b = analyse(&three(), &with(Comparison { against: speakers(&["B"]), ..Comparison::default() }));
    assert_eq!(row(&against_b, "A", "apple").map(|d| d.other_count), Some(0), "B never says it");
    // B against B has no reference: no lists.
    let b = against_b.speakers.iter().find(|s| s.name == "B");
    assert!(b.is_some_and(|b| b.distinctive.is_empty() && b.avoided.is_empty()));
}

#[test]
fn against_a_group_a_member_is_measured_against_the_rest_of_it() {
    let a = analyse(&three(), &with(Comparison { against: speakers(&["B", "C"]), ..Comparison::default() }));
    // A (outside the group) against B + C: C's apples.
    assert_eq!(row(&a, "A", "apple").map(|d| d.other_count), Some(5));
    // B (inside) against C alone: apple avoided, with C's 5; A's words are not in it.
    let b = row(&a, "B", "apple").cloned().unwrap_or_else(|| panic!("{:?}", a.speakers));
    assert_eq!((b.count, b.other_count), (0, 5));
    assert!(b.z < 0.0);
}

#[test]
fn a_speaker_left_out_is_in_no_reference_and_not_in_the_prior() {
    let left_out = Comparison { leave_out: vec!["C".to_owned()], ..Comparison::default() };
    let a = analyse(&three(), &with(left_out));
    let c = a.speakers.iter().find(|s| s.name == "C");
    assert!(c.is_some_and(|c| c.distinctive.is_empty() && c.avoided.is_empty()), "C is not scored");
    assert!(c.is_some_and(|c| c.words == 100), "but still counted as a speaker");
    // A's rows are exactly those of a transcript without C.
    let without_c = turn("A", &[("talk", 95), ("apple", 5)]) + &turn("B", &[("talk", 100)]);
    let alone = analyse(&without_c, &Options::default());
    let rows =
        |a: &Analysis| a.speakers.iter().find(|s| s.name == "A").map(|s| (s.distinctive.clone(), s.avoided.clone()));
    assert_eq!(rows(&a), rows(&alone));
    assert_eq!(row(&a, "A", "apple").map(|d| d.other_count), Some(0));
    // Left out wins over named as the reference.
    let both = Comparison { against: speakers(&["C"]), leave_out: vec!["C".to_owned()], ..Comparison::default() };
    let none = analyse(&three(), &with(both));
    assert!(none.speakers.iter().all(|s| s.distinctive.is_empty() && s.avoided.is_empty()));
}

#[test]
fn unknown_names_are_diagnostics_and_case_is_forgiven() {
    let c = Comparison {
        against: speakers(&["b", "Nobody"]),
        leave_out: vec!["Ghost".to_owned()],
        ..Comparison::default()
    };
    let a = analyse(&three(), &with(c));
    let unknown: Vec<&str> =
        a.diagnostics.iter().filter(|d| d.kind == DiagnosticKind::UnknownSpeaker).map(|d| d.message.as_str()).collect();
    assert_eq!(unknown.len(), 2, "{unknown:?}");
    assert!(unknown.iter().any(|m| m.contains("against") && m.contains("\"Nobody\"")), "{unknown:?}");
    assert!(unknown.iter().any(|m| m.contains("leaveOut") && m.contains("\"Ghost\"")), "{unknown:?}");
    // `b` is B's: A is measured against B alone.
    assert_eq!(row(&a, "A", "apple").map(|d| d.other_count), Some(0));
}

#[test]
fn the_default_comparison_is_everyone_else() {
    let text = three();
    let explicit = with(Comparison { against: Reference::Others, leave_out: Vec::new(), prior_weight: 0.1 });
    assert_eq!(analyse(&text, &explicit), analyse(&text, &Options::default()));
}
