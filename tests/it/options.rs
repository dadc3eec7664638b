//! Options that change parsing and the views.

use colloquy::{analyse, Alias, DiagnosticKind, Format, Options, Stopwords};

fn names(a: &colloquy::Analysis) -> Vec<&str> {
    let mut n: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    n.sort_unstable();
    n
}

#[test]
fn explicit_aliases_merge_speakers() {
    let text = "Sergey Lavrov: One.\nQuestion: Two?\nLavrov: Three.\n";
    let mut o = Options::default();
    o.parse.aliases = vec![Alias { from: "Lavrov".into(), to: "Sergey Lavrov".into() }];
    let a = analyse(text, &o);
    assert_eq!(names(&a), ["Question", "Sergey Lavrov"]);
    let lavrov = a.speakers.iter().find(|s| s.name == "Sergey Lavrov").map(|s| s.turns);
    assert_eq!(lavrov, Some(2));
}

#[test]
fn a_label_pattern_overrides_detection() {
    let text = "> ann said: hello there\n> bob said: hi ann\nAlice: not a label now\n";
    let mut o = Options::default();
    o.parse.label_pattern = Some(r"> (?P<speaker>\w+) said:".into());
    let a = analyse(text, &o);
    assert_eq!(names(&a), ["ann", "bob"]);
    assert_eq!(a.terms.iter().find(|t| t.term == "alice").map(|t| t.count), Some(1));
}

#[test]
fn a_label_pattern_reads_any_script() {
    // `\w` and `\s` are Unicode classes, as in the `regex` crate (colloquy-regex).
    let text = "> Сергей said: добрый день\n> Ἀθηνᾶ\u{a0}said: χαῖρε\n";
    let mut o = Options::default();
    o.parse.label_pattern = Some(r"> (?P<speaker>\w+)\ssaid:".into());
    assert_eq!(names(&analyse(text, &o)), ["Сергей", "Ἀθηνᾶ"]);
}

#[test]
fn a_label_pattern_with_a_unicode_class_is_refused_by_name() {
    let err = colloquy::check_label_pattern(r"^(\p{Lu}\w+):").unwrap_err();
    assert!(err.contains("\\p{Lu} are not supported"), "{err}");
    let mut o = Options::default();
    o.parse.label_pattern = Some(r"^(\p{Lu}\w+):".into());
    let a = analyse("Alice: hi\n", &o);
    let d = a.diagnostics.iter().find(|d| d.kind == DiagnosticKind::InvalidLabelPattern);
    assert!(d.is_some_and(|d| d.message.contains("Unicode classes")), "{:?}", a.diagnostics);
}

#[test]
fn an_invalid_label_pattern_is_a_diagnostic_not_a_failure() {
    let mut o = Options::default();
    o.parse.label_pattern = Some("(unclosed".into());
    let a = analyse("Alice: hi\n", &o);
    assert!(a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::InvalidLabelPattern));
    assert_eq!(names(&a), ["Alice"], "falls back to detection");
}

#[test]
fn forcing_a_format() {
    // Forced to text, cue numbers and timings before the first label would be a title
    // block (left out); after it, they are read as speech.
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nJOHN: Hello there.\n\n2\n00:00:03,000 --> 00:00:04,000\nJOHN: Bye.\n";
    assert_eq!(analyse(srt, &Options::default()).summary.format, Format::Srt);
    let mut o = Options::default();
    o.parse.format = Format::Text;
    let a = analyse(srt, &o);
    assert_eq!(a.summary.format, Format::Text);
    assert!(a.summary.tokens > 2, "timing digits are read as text when forced");
}

#[test]
fn stopword_choices() {
    let text = "Alice: the plan and the budget\n";
    let term_list = |s: Stopwords| {
        let mut o = Options::default();
        o.view.stopwords = s;
        analyse(text, &o).terms.into_iter().map(|t| t.term).collect::<Vec<_>>()
    };
    assert_eq!(term_list(Stopwords::Language("en".into())), ["budget", "plan"]);
    assert_eq!(term_list(Stopwords::None), ["the", "and", "budget", "plan"]);
    assert_eq!(term_list(Stopwords::Custom(vec!["PLAN".into()])), ["the", "and", "budget"]);
}

#[test]
fn russian_stopwords_and_labels() {
    let text = "С.В.Лавров: Мы обсудили соглашение и его выполнение.\nВопрос: А что с соглашением?\n";
    let a = analyse(text, &Options::default());
    assert_eq!(names(&a), ["Вопрос", "С.В.Лавров"]);
    assert_eq!(a.summary.stopwords, "ru");
    assert!(!a.terms.iter().any(|t| t.term == "и" || t.term == "что"));
    assert_eq!(a.speakers.iter().find(|s| s.name == "Вопрос").map(|s| s.questions), Some(1));
}

#[test]
fn numbers_are_kept_out_of_views_by_default() {
    let text = "Alice: In 2024 we had 1,000 visitors and 2024 was good\n";
    let a = analyse(text, &Options::default());
    assert!(!a.terms.iter().any(|t| t.term == "2024"));
    let mut o = Options::default();
    o.view.include_numbers = true;
    let b = analyse(text, &o);
    assert_eq!(b.terms.iter().find(|t| t.term == "2024").map(|t| t.count), Some(2));
    assert_eq!(a.summary.tokens, b.summary.tokens, "numbers still count as tokens");
}

#[test]
fn phrases_never_cross_sentences_or_stage_directions() {
    let text = "Alice: budget plan. Budget plan (Laughter.) budget plan [crosstalk] late budget\n";
    let mut o = Options::default();
    o.view.min_count = 1;
    let a = analyse(text, &o);
    assert!(a.phrases.iter().all(|p| p.text != "plan budget"), "{:?}", a.phrases);
    assert_eq!(a.phrases.iter().find(|p| p.text == "budget plan").map(|p| p.count), Some(3));
    assert_eq!(a.summary.stage_directions, 2);
}

#[test]
fn empty_and_blank_input() {
    for text in ["", "   \n\n\t"] {
        let a = analyse(text, &Options::default());
        assert_eq!(a.summary.tokens, 0);
        assert!(a.speakers.is_empty());
        assert!(a.diagnostics.is_empty());
    }
}

#[test]
fn unattributed_text_can_be_assigned_to_a_speaker() {
    let text = "Opening words here.\nQuestion: Why?\nSergey Lavrov: Because.\n";
    let mut o = Options::default();
    o.parse.aliases = vec![Alias { from: colloquy::UNATTRIBUTED.into(), to: "Sergey Lavrov".into() }];
    let a = analyse(text, &o);
    assert_eq!(names(&a), ["Question", "Sergey Lavrov"]);
    let lavrov = a.speakers.iter().find(|s| s.name == "Sergey Lavrov").expect("Lavrov");
    assert_eq!((lavrov.words, lavrov.turns), (4, 2));
    assert!(!a.diagnostics.iter().any(|d| d.kind == DiagnosticKind::UnattributedText));
}

#[test]
fn each_speaker_has_their_own_top_terms() {
    let text = "Alice: budget budget plan\nBob: roadmap roadmap roadmap budget\n";
    let a = analyse(text, &Options::default());
    let top = |name: &str| {
        a.speakers
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.top_terms.iter().map(|t| (t.term.clone(), t.count)).collect::<Vec<_>>())
    };
    assert_eq!(top("Alice"), Some(vec![("budget".into(), 2), ("plan".into(), 1)]));
    assert_eq!(top("Bob"), Some(vec![("roadmap".into(), 3), ("budget".into(), 1)]));
}
