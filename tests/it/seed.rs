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
    let lavrov = a.terms.iter().find(|t| t.term == "lavrov").expect("lavrov in the title");
    assert_eq!(lavrov.count, 1);
    assert_eq!(lavrov.by_speaker.get(UNATTRIBUTED), Some(&1));
    let question = a.terms.iter().find(|t| t.term == "question");
    assert_eq!(question.map(|t| t.count), None, "the label Question: is not a word");
}

#[test]
fn recurring_phrases_with_subsumption() {
    let a = analyse(SEED, &all());
    assert_eq!(phrase(&a, "president of belarus alexander lukashenko"), Some(2));
    assert_eq!(phrase(&a, "alexander lukashenko"), None, "subsumed by the longer phrase");
    assert_eq!(phrase(&a, "cis council of foreign ministers"), Some(2));
    assert_eq!(phrase(&a, "council of foreign ministers"), Some(3));
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
