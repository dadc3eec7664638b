//! Any language in any script: tokenising, counting, speakers, stopwords, stemming.

use colloquy::{analyse, Analysis, Options, Stopwords};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/languages/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn speakers(a: &Analysis) -> Vec<(&str, usize)> {
    a.speakers.iter().map(|s| (s.name.as_str(), s.turns)).collect()
}

fn term(a: &Analysis, t: &str) -> Option<usize> {
    a.terms.iter().find(|x| x.term == t).map(|x| x.count)
}

#[test]
fn russian_native_transcript() {
    let text = fixture("ru.txt");
    let a = analyse(&text, &Options::default());
    assert_eq!(a.summary.language.as_deref(), Some("ru"));
    assert_eq!(a.summary.script.as_deref(), Some("Cyrillic"));
    assert_eq!(speakers(&a), [("С.В.Лавров", 2), ("Вопрос", 2)]);
    assert_eq!(a.summary.stopwords, "ru");
    for stopword in ["и", "о", "в", "все", "мы", "для"] {
        assert_eq!(term(&a, stopword), None, "{stopword} is a Russian stopword");
    }
    assert_eq!(a.speakers.iter().find(|s| s.name == "Вопрос").map(|s| s.questions), Some(2));

    let mut stem = Options::default();
    stem.view.stem = true;
    let s = analyse(&text, &stem);
    assert_eq!(s.summary.stemmer.as_deref(), Some("ru"));
    let group = s.terms.iter().find(|t| t.forms.contains(&"соглашения".to_owned())).expect("a stem group");
    for form in ["соглашение", "соглашения", "соглашений"] {
        assert!(group.forms.contains(&form.to_owned()), "{form} in {:?}", group.forms);
    }
    let separate: usize = ["соглашение", "соглашения", "соглашений"].iter().filter_map(|f| term(&a, f)).sum();
    assert!(group.count >= separate, "the group counts every form");
    assert!(group.forms.contains(&group.term), "labelled by one of its forms");
}

#[test]
fn scripts_with_and_without_case_and_right_to_left() {
    // The word's count: Arabic and Hebrew attach prefixes (للاقتصاد, בכלכלה), which are other tokens.
    for (file, script, names, word, count) in [
        ("el.txt", "Greek", ["Πρόεδρος", "Υπουργός"], "οικονομία", 3),
        ("ar.txt", "Arabic", ["المذيع", "الوزير"], "الاقتصاد", 2),
        ("he.txt", "Hebrew", ["המראיין", "השרה"], "הכלכלה", 2),
        ("hi.txt", "Devanagari", ["प्रधानमंत्री", "पत्रकार"], "अर्थव्यवस्था", 3),
    ] {
        let a = analyse(
            &fixture(file),
            &Options {
                view: colloquy::ViewOptions { stopwords: Stopwords::None, ..Default::default() },
                ..Default::default()
            },
        );
        assert_eq!(a.summary.script.as_deref(), Some(script), "{file}");
        let found: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
        for n in names {
            assert!(found.contains(&n), "{file}: {n} in {found:?}");
        }
        assert!(a.speakers.iter().all(|s| s.attributed), "{file}: no unattributed text");
        assert_eq!(term(&a, word), Some(count), "{file}: {word}");
        assert_eq!(a.speakers.iter().map(|s| s.questions).sum::<usize>(), 1, "{file}: one question");
    }
}

/// CJK without spaces is segmented per character (UAX #29 has no dictionary): each
/// Han ideograph and each hiragana is a token, a katakana run is one token.
#[test]
fn cjk_is_segmented_per_character() {
    let mut o = Options::default();
    o.view.stopwords = Stopwords::None;
    let zh = analyse(&fixture("zh.txt"), &o);
    assert_eq!(zh.summary.script.as_deref(), Some("Han"));
    assert_eq!(speakers(&zh), [("主持人", 2), ("部长", 1)]);
    assert_eq!(term(&zh, "经"), Some(3));
    assert_eq!(term(&zh, "济"), Some(3));
    assert_eq!(term(&zh, "经济"), None);
    let ja = analyse(&fixture("ja.txt"), &o);
    assert_eq!(speakers(&ja), [("司会", 2), ("大臣", 1)]);
    assert_eq!(term(&ja, "ステップ"), Some(1), "a katakana run is one token");
    assert_eq!(term(&ja, "経"), Some(2));
}

#[test]
fn invisible_marks_inside_words_do_not_make_new_terms() {
    // A right-to-left transcript copied with bidi marks, a soft hyphen and a BOM.
    let text = "A: שלום\u{200E} עולם. שלום עולם\u{200F}.\nB: co\u{00AD}operate and cooperate\u{FEFF} again.\n";
    let mut o = Options::default();
    o.view.stopwords = Stopwords::None;
    let a = analyse(text, &o);
    assert_eq!(term(&a, "שלום"), Some(2));
    assert_eq!(term(&a, "עולם"), Some(2));
    assert_eq!(term(&a, "cooperate"), Some(2));
    assert!(a.terms.iter().all(|t| !t.term.contains(['\u{200E}', '\u{200F}', '\u{00AD}', '\u{FEFF}'])));
}

/// A name with a virama (Bengali ্ U+09CD, Tamil ் U+0BCD) or a nukta (় U+09BC) is a
/// label: the marks allowed inside a name are Unicode's General_Category Mark.
#[test]
fn names_with_viramas_are_labels() {
    let bengali = "সঞ্জয় দত্ত: আমরা আজ অর্থনীতি নিয়ে কথা বলব।\nসাংবাদিক: কখন শুরু হবে?\nসঞ্জয় দত্ত: এখনই।\n";
    let tamil = "கிருஷ்ணன்: வணக்கம். இன்று பொருளாதாரம் பற்றி பேசுவோம்.\nசெய்தியாளர்: எப்போது?\nகிருஷ்ணன்: இப்போது.\n";
    for (text, names) in [(bengali, ["সঞ্জয় দত্ত", "সাংবাদিক"]), (tamil, ["கிருஷ்ணன்", "செய்தியாளர்"])]
    {
        let a = analyse(text, &Options::default());
        assert_eq!(speakers(&a), [(names[0], 2), (names[1], 1)], "{text}");
        assert!(a.speakers.iter().all(|s| s.attributed));
    }
}
