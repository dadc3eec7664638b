//! The seed transcript: a real MFA press conference, copied as a user would.

use colloquy::{analyse, Analysis, DiagnosticKind, Options, Stopwords, UNATTRIBUTED};

const SEED: &str = include_str!("../fixtures/mfa-cis-press-conference-2024-04-12.txt");

fn all() -> Options {
    let mut o = Options::default();
    o.view.top_terms = 0;
    o.view.top_phrases = 0;
    o
}

fn speaker<'a>(a: &'a Analysis, name: &str) -> &'a colloquy::SpeakerStats {
    a.speakers.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no speaker {name}"))
}

fn phrase(a: &Analysis, text: &str) -> Option<usize> {
    a.phrases.iter().find(|p| p.text == text).map(|p| p.count)
}

#[test]
fn speakers_and_turns() {
    let a = analyse(SEED, &all());
    assert_eq!(speaker(&a, "Sergey Lavrov").turns, 5);
    assert_eq!(speaker(&a, "Question").turns, 5);
    let names: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn opening_statement_is_unattributed() {
    let a = analyse(SEED, &all());
    let first = &a.turns[0];
    assert_eq!(first.speaker, UNATTRIBUTED);
    assert!(SEED[first.start..first.end].contains("Colleagues,"));
    assert!(!speaker(&a, UNATTRIBUTED).attributed);
    assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::UnattributedText));
}

#[test]
fn russian_furniture_is_excluded_with_a_diagnostic() {
    let a = analyse(SEED, &all());
    let d = a.diagnostics.iter().find(|d| d.kind == DiagnosticKind::FurnitureExcluded).expect("a diagnostic");
    assert!(SEED[d.start..d.end].contains("Дополнительные материалы"));
    assert!(SEED[d.start..d.end].contains("Международная безопасность"));
    assert!(!a.terms.iter().any(|t| t.term == "фото"));
    assert_eq!(a.summary.excluded_furniture_lines, 7);

    let mut keep = all();
    keep.parse.keep_furniture = true;
    let kept = analyse(SEED, &keep);
    assert!(kept.terms.iter().any(|t| t.term == "фото"));
    assert!(!kept.diagnostics.iter().any(|d| d.kind == DiagnosticKind::FurnitureExcluded));
}

#[test]
fn labels_are_not_words() {
    let mut o = all();
    o.view.stopwords = Stopwords::None;
    let a = analyse(SEED, &o);
    // `Lavrov` is printed in the headline (a heading, left out) and in the labels.
    assert_eq!(a.terms.iter().find(|t| t.term == "lavrov").map(|t| t.count), None, "neither is speech");
    assert!(a
        .diagnostics
        .iter()
        .any(|d| d.kind == colloquy::DiagnosticKind::LeftOut && SEED[d.start..d.end].contains("15:38")));
    let question = a.terms.iter().find(|t| t.term == "question");
    assert_eq!(question.map(|t| t.count), None, "the label Question: is not a word");
}

#[test]
fn recurring_phrases_with_subsumption() {
    let a = analyse(SEED, &all());
    assert_eq!(phrase(&a, "president of belarus alexander lukashenko"), Some(2));
    assert_eq!(phrase(&a, "alexander lukashenko"), None, "subsumed by the longer phrase");
    // The headline's `CIS Council of Foreign Ministers` is a heading, not speech.
    assert_eq!(phrase(&a, "cis council of foreign ministers"), None);
    assert_eq!(phrase(&a, "council of foreign ministers"), Some(2));
}

#[test]
fn hyphenated_compounds_and_curly_apostrophes() {
    let mut o = all();
    o.view.stopwords = Stopwords::None;
    let a = analyse(SEED, &o);
    let term = |t: &str| a.terms.iter().find(|x| x.term == t).map(|x| x.count);
    assert_eq!(term("post-soviet"), Some(3));
    assert!(term("russia's").is_some(), "Russia’s folds to russia's");
    o.tokenize.split_hyphens = true;
    let split = analyse(SEED, &o);
    assert!(!split.terms.iter().any(|x| x.term == "post-soviet"));
    assert!(split.terms.iter().any(|x| x.term == "soviet"));
}

#[test]
fn snapshot() {
    insta::assert_snapshot!(crate::render::render(SEED, &Options::default()));
}

/// With the opening statement given to Lavrov (it is his), the transcript has two
/// speakers, and every one of his most distinctive words is one he uses more often,
/// per thousand words, than the questioners.
#[test]
fn lavrovs_distinctive_words_are_ones_he_uses_more() {
    let mut o = all();
    o.parse.aliases = vec![colloquy::Alias { from: UNATTRIBUTED.into(), to: "Sergey Lavrov".into() }];
    let a = analyse(SEED, &o);
    let lavrov = speaker(&a, "Sergey Lavrov");
    let question = speaker(&a, "Question");
    assert_eq!(a.speakers.len(), 2);
    assert!(lavrov.distinctive.len() >= 10, "{:?}", lavrov.distinctive);
    for d in &lavrov.distinctive {
        let his = d.count as f64 * 1000.0 / lavrov.words as f64;
        let theirs = d.other_count as f64 * 1000.0 / question.words as f64;
        assert!(his > theirs, "{}: {his:.2}‰ vs {theirs:.2}‰", d.term);
        assert!(d.z > 0.0 && d.g2 >= 0.0, "{d:?}");
        if d.other_count > 0 {
            assert!(d.log_ratio > 0.0, "{d:?}");
        }
    }
    assert!(lavrov.distinctive.windows(2).all(|w| w[0].z >= w[1].z), "sorted by z");
    for d in &question.distinctive {
        assert!(d.count as f64 / question.words as f64 > d.other_count as f64 / lavrov.words as f64, "{}", d.term);
    }
    assert!(lavrov.avoided.iter().all(|d| d.z < 0.0));
}

#[test]
fn summary_statistics() {
    let a = analyse(SEED, &all());
    let s = &a.summary;
    assert!((s.ttr - s.types as f64 / s.tokens as f64).abs() < 1e-12);
    let mattr = s.mattr.unwrap_or(0.0);
    assert!(mattr > s.ttr && mattr < 1.0, "MATTR over 500-token windows exceeds the whole text's TTR");
    assert!(s.hapax > 0 && s.hapax < s.types);
    assert!((s.mean_sentence_length - s.tokens as f64 / s.sentences as f64).abs() < 1e-12);
    let cl = s.coleman_liau.unwrap_or(0.0);
    assert!((8.0..20.0).contains(&cl), "a diplomatic press conference reads at about grade 13: {cl}");
    let question = speaker(&a, "Question");
    assert_eq!(question.mattr, Some(question.types as f64 / question.words as f64), "under 500 words: TTR");
    assert!(question.sentences >= question.questions);
}
