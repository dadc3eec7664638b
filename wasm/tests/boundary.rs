//! The JS boundary, run by wasm-bindgen-test under Node and in headless Chromium
//! (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use colloquy_wasm::{analyse, facts, version, Analyzer, MAX_ANALYSE_UNITS, MAX_STREAM_UNITS};
use js_sys::{Array, JsString, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const SEED: &str = include_str!("../../tests/fixtures/mfa-cis-press-conference-2024-04-12.txt");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn js(text: &str) -> JsString {
    JsString::from(text)
}

fn options(json: &str) -> Option<JsValue> {
    Some(JSON::parse(json).expect("test options are JSON"))
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).map(String::from).unwrap_or_default()
}

fn error_message(result: Result<JsValue, JsValue>) -> String {
    let err: JsValue = result.expect_err("an error");
    assert!(err.is_instance_of::<js_sys::Error>(), "a JS Error");
    get(&err, "message").as_string().unwrap_or_default()
}

/// The thrown `Error`'s `name` and `key`, the fields callers test.
fn name_and_key(result: Result<JsValue, JsValue>) -> (String, Option<String>) {
    let err: JsValue = result.expect_err("an error");
    assert!(err.is_instance_of::<js_sys::Error>(), "a JS Error");
    (get(&err, "name").as_string().unwrap_or_default(), get(&err, "key").as_string())
}

fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && Object::get_prototype_of(value) == Object::get_prototype_of(&Object::new())
}

#[wasm_bindgen_test]
fn the_result_is_plain_objects_arrays_and_numbers() {
    let a = analyse(&js(SEED), None).expect("analysis");
    assert!(is_plain_object(&a));
    for key in ["speakers", "terms", "phrases", "turns", "diagnostics", "stageDirections", "aliasSuggestions"] {
        assert!(Array::is_array(&get(&a, key)), "{key} is an array");
    }
    let summary = get(&a, "summary");
    assert!(is_plain_object(&summary));
    assert_eq!(get(&summary, "turns").as_f64(), Some(11.0));
    let speakers = Array::from(&get(&a, "speakers"));
    let lavrov = speakers.iter().find(|s| get(s, "name").as_string().as_deref() == Some("Sergey Lavrov"));
    assert_eq!(lavrov.map(|s| get(&s, "turns").as_f64()), Some(Some(5.0)));
    let term = Array::from(&get(&a, "terms")).get(0);
    assert_eq!(get(&term, "term").as_string().as_deref(), Some("cis"));
    let by_speaker = get(&term, "bySpeaker");
    assert!(is_plain_object(&by_speaker), "bySpeaker is a plain object, not a Map");
    assert!(get(&by_speaker, "Sergey Lavrov").as_f64().is_some());
    assert!(!version().is_empty());
}

#[wasm_bindgen_test]
fn options_are_validated_by_name() {
    let text = js("Alice: hi");
    let named = |json: &str| name_and_key(analyse(&text, options(json)));
    let options_error = |key: &str| ("OptionsError".to_owned(), Some(key.to_owned()));
    assert_eq!(named(r#"{"bogus": 1}"#), options_error("bogus"));
    assert_eq!(named(r#"{"ngramMax": "x"}"#), options_error("ngramMax"));
    assert_eq!(named(r#"{"ngramMax": 9}"#), options_error("ngramMax"));
    assert_eq!(named(r#"{"ngramMin": 9, "ngramMax": 8}"#), options_error("ngramMin"));
    assert_eq!(named(r#"{"minCount": 0}"#), options_error("minCount"));
    assert_eq!(named(r#"{"stopwords": "xx"}"#), options_error("stopwords"));
    assert_eq!(named(r#"{"labelPattern": "("}"#), options_error("labelPattern"));
    assert_eq!(named(r#"{"aliases": {"a": 1}}"#), options_error("aliases"));
    assert_eq!(named(r#"{"splitJointSpeakers": 1}"#), options_error("splitJointSpeakers"));
    assert_eq!(named(r#"{"priorWeight": 0}"#), options_error("priorWeight"));
    assert_eq!(named(r#"{"priorWeight": "x"}"#), options_error("priorWeight"));
    assert_eq!(named(r#"{"against": "Bob"}"#), options_error("against"));
    assert_eq!(named(r#"{"leaveOut": [1]}"#), options_error("leaveOut"));
    assert!(error_message(analyse(&text, options(r#"{"bogus": 1}"#))).contains("unknown field `bogus`"));
    assert!(error_message(analyse(&text, options(r#"{"aliases": {"a": 1}}"#))).contains("`aliases.a`"));
    let message = error_message(analyse(&text, options(r#"{"extraStopwords": "the"}"#)));
    assert_eq!(
        message,
        "invalid options: extraStopwords: invalid type: string \"the\", expected an array or an object"
    );
    let err = analyse(&text, options(r#"{"labelPattern": "("}"#)).expect_err("refused");
    let reason = get(&err, "reason").as_string().unwrap_or_default();
    assert!(reason.starts_with("not a valid regular expression"), "the reason alone: {reason}");
    assert!(analyse(&text, options(r#"{"ngramMax": null, "stopwords": ["the"]}"#)).is_ok());
    assert!(analyse(&text, options(r#"{"splitJointSpeakers": true}"#)).is_ok());
    assert!(error_message(analyse(&text, options("[1]"))).contains("object"));
    assert!(error_message(analyse(&text, Some(JsValue::from(3)))).contains("object"));
    let ok = analyse(&text, options(r#"{"ngramMax": 3, "stopwords": ["hi"], "aliases": {"Alice": "A"}}"#));
    assert!(ok.is_ok());
}

#[wasm_bindgen_test]
fn spans_slice_the_js_string_after_emoji_cyrillic_and_cjk() {
    let text = "😀👩‍👩‍👧 Привет, 日本語のテキスト.\nAlice: the budget plan 🎉 is late.\nBob: The budget plan again.\n";
    let s = js(text);
    let a = analyse(&s, options(r#"{"minCount": 2}"#)).expect("analysis");
    let turns = Array::from(&get(&a, "turns"));
    let slice = |start: JsValue, end: JsValue| -> String {
        String::from(s.slice(start.as_f64().unwrap_or(0.0) as u32, end.as_f64().unwrap_or(0.0) as u32))
    };
    let alice = turns.iter().find(|t| get(t, "speaker").as_string().as_deref() == Some("Alice")).expect("Alice");
    assert_eq!(slice(get(&alice, "start"), get(&alice, "end")), "Alice: the budget plan 🎉 is late.");
    let phrases = Array::from(&get(&a, "phrases"));
    let plan = phrases.iter().find(|p| get(p, "text").as_string().as_deref() == Some("budget plan")).expect("phrase");
    let first = get(&plan, "first").as_f64().unwrap_or(0.0) as u32;
    assert_eq!(String::from(s.slice(first, first + 11)), "budget plan");
    let diagnostic = Array::from(&get(&a, "diagnostics")).get(0);
    assert_eq!(slice(get(&diagnostic, "start"), get(&diagnostic, "end")), "😀👩‍👩‍👧 Привет, 日本語のテキスト.");
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u32) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % u64::from(n.max(1))) as u32
    }
}

#[wasm_bindgen_test]
fn streaming_equals_one_shot_for_random_chunkings() {
    let text = format!("😀 Пролог.\n{SEED}\nAlice: 🎉🎉 end.\n");
    let s = js(&text);
    let whole = stringify(&analyse(&s, None).expect("analysis"));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..12 {
        let mut analyzer = Analyzer::new(None).expect("analyzer");
        let mut at = 0;
        let len = s.length();
        while at < len {
            // Tiny chunks (splitting surrogate pairs and labels) and big ones.
            let size = if round % 3 == 0 { 1 + rng.below(3) } else { 1 + rng.below(len / 4) };
            let end = (at + size).min(len);
            analyzer.push(&s.slice(at, end)).expect("push");
            at = end;
        }
        assert_eq!(analyzer.pushed_units(), f64::from(len));
        let streamed = stringify(&analyzer.finish().expect("finish"));
        assert_eq!(streamed, whole, "round {round}");
    }
}

#[wasm_bindgen_test]
fn a_finished_analyzer_refuses_more_text() {
    let mut analyzer = Analyzer::new(None).expect("analyzer");
    analyzer.push(&js("Alice: hi")).expect("push");
    assert!(analyzer.finish().is_ok());
    let err: JsValue = analyzer.push(&js("more")).map(|()| JsValue::NULL).expect_err("refused");
    assert!(get(&err, "message").as_string().unwrap_or_default().contains("finished"));
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("InvalidStateError"));
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_errors() {
    for _ in 0..3 {
        assert!(analyse(&js("x"), options(r#"{"nope": true}"#)).is_err());
        assert!(Analyzer::new(options(r#"{"minCount": -1}"#)).is_err());
        let a = analyse(&js("Alice: still fine"), None).expect("analysis");
        assert_eq!(get(&get(&a, "summary"), "tokens").as_f64(), Some(2.0));
    }
}

#[wasm_bindgen_test]
fn a_document_is_loaded_once_and_queried() {
    let text = format!("😀 日本語.\n{SEED}");
    let s = js(&text);
    let doc = colloquy_wasm::Document::load(&s, None, None).expect("load");
    let a = doc.analysis(None).expect("analysis");
    let whole = analyse(&s, None).expect("analyse");
    assert_eq!(stringify(&a), stringify(&whole), "same result as analyse()");

    let hits = Array::from(&doc.kwic("cis".into(), options(r#"{"width": 3, "sort": "right"}"#)).expect("kwic"));
    assert_eq!(hits.length(), 22, "the headline's two are a heading's, not speech; CIS-UN's CIS is in");
    let inside = hits.iter().filter(|h| get(h, "inCompound").as_bool() == Some(true)).count();
    assert_eq!(inside, 1, "the CIS of CIS-UN");
    let whole = doc.kwic("cis".into(), options(r#"{"compounds": false}"#)).expect("kwic without compounds");
    assert_eq!(Array::from(&whole).length(), 21, "the term's count");
    assert!(Array::from(&whole).iter().all(|h| get(&h, "inCompound").as_bool() == Some(false)));
    for hit in hits.iter() {
        let (start, end) = (get(&hit, "start").as_f64().unwrap_or(0.0), get(&hit, "end").as_f64().unwrap_or(0.0));
        assert_eq!(String::from(s.slice(start as u32, end as u32)), "CIS");
        assert_eq!(get(&hit, "match").as_string().as_deref(), Some("CIS"));
        assert!(get(&hit, "speaker").as_string().is_some_and(|n| !n.is_empty()));
    }

    let terms = Array::of2(&"cis".into(), &"council of foreign ministers".into());
    let d = Array::from(&doc.dispersion(terms.into(), options(r#"{"parts": "speakers"}"#)).expect("dispersion"));
    assert_eq!(get(&d.get(0), "count").as_f64(), Some(22.0), "as kwic finds it");
    assert_eq!(get(&d.get(1), "count").as_f64(), Some(2.0));
    assert!(get(&d.get(0), "dp").as_f64().is_some_and(|dp| (0.0..=1.0).contains(&dp)));

    let fewer = doc.analysis(options(r#"{"minCount": 3, "ngramMax": 8}"#)).expect("view options");
    assert!(Array::from(&get(&fewer, "phrases")).iter().all(|p| get(&p, "count").as_f64() >= Some(3.0)));
    let err = doc.analysis(options(r#"{"keepFurniture": true}"#)).map(|_| ());
    assert!(error_message(err.map(|()| JsValue::NULL)).contains("Document.load"));
    assert_eq!(
        name_and_key(doc.kwic("x".into(), options(r#"{"sort": "up"}"#))),
        ("OptionsError".to_owned(), Some("sort".to_owned()))
    );
    // An array of queries is one concordance: every hit of any, each once, sorted as one.
    let both = Array::of3(&"cis".into(), &"council of foreign ministers".into(), &"CIS".into());
    let merged =
        Array::from(&doc.kwic(both.into(), options(r#"{"sort": "right", "limit": 0}"#)).expect("kwic of an array"));
    assert_eq!(merged.length(), 22 + 2);
    let keys: Vec<String> =
        merged.iter().map(|h| get(&h, "right").as_string().unwrap_or_default().to_lowercase()).collect();
    let words = |s: &String| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    assert!(keys.windows(2).all(|w| words(&w[0]) <= words(&w[1])), "sorted by the right context: {keys:?}");
    for bad in [JsValue::from(3), Array::of2(&"cis".into(), &JsValue::from(3)).into()] {
        assert!(error_message(doc.kwic(bad, None)).contains("invalid query"));
    }
    let message = error_message(doc.dispersion(JsValue::from("cis"), None));
    assert!(message.contains("terms") && message.contains("string \"cis\", expected an array"), "{message}");
}

#[wasm_bindgen_test]
fn a_document_loaded_with_progress_reports_it_and_is_the_same() {
    let text = SEED.repeat(60); // about 700 KiB: the reports at parsing and every 256 KiB
    let s = js(&text);
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::<(f64, f64)>::new()));
    let into = seen.clone();
    let report = wasm_bindgen::closure::Closure::<dyn FnMut(f64, f64)>::new(move |done: f64, total: f64| {
        into.borrow_mut().push((done, total));
    });
    let with =
        colloquy_wasm::Document::load(&s, None, Some(report.as_ref().clone().into())).expect("load with progress");
    let without = colloquy_wasm::Document::load(&s, None, None).expect("load");
    assert_eq!(stringify(&with.analysis(None).expect("a")), stringify(&without.analysis(None).expect("b")));
    let seen = seen.borrow();
    let total = text.len() as f64;
    assert!(seen.len() >= 3, "{seen:?}");
    assert_eq!(seen.first(), Some(&(0.0, total)), "first, once parsed");
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "only forwards: {seen:?}");
    assert!(seen.iter().all(|&(done, t)| done <= total && t == total));
    // A callback that throws does not stop the reading.
    let throws = js_sys::Function::new_no_args("throw new Error('not now')");
    let doc = colloquy_wasm::Document::load(&s, None, Some(throws)).expect("load despite the callback");
    assert_eq!(stringify(&doc.analysis(None).expect("c")), stringify(&without.analysis(None).expect("d")));
}

/// The row of `term` among `speaker`'s distinctive and avoided words.
fn distinctive_row(analysis: &JsValue, speaker: &str, term: &str) -> JsValue {
    let speakers = Array::from(&get(analysis, "speakers"));
    let Some(s) = speakers.iter().find(|s| get(s, "name").as_string().as_deref() == Some(speaker)) else {
        return JsValue::UNDEFINED;
    };
    let rows = Array::from(&get(&s, "distinctive")).concat(&Array::from(&get(&s, "avoided")));
    rows.iter().find(|r| get(r, "term").as_string().as_deref() == Some(term)).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn distinctive_words_against_a_chosen_reference_with_significance() {
    let turn = |name: &str, words: &[(&str, usize)]| {
        let said: Vec<&str> = words.iter().flat_map(|&(w, n)| std::iter::repeat_n(w, n)).collect();
        format!("{name}: {}\n", said.join(" "))
    };
    // 1,000 words each; A says `politicians` 10 times, B never: both measures say so.
    let two = js(&(turn("A", &[("talk", 990), ("politicians", 10)]) + &turn("B", &[("talk", 1000)])));
    let a = analyse(&two, None).expect("analysis");
    let row = distinctive_row(&a, "A", "politicians");
    assert!(get(&row, "z").as_f64().is_some_and(|z| (z - 2.303829).abs() < 1e-6), "{}", stringify(&row));
    assert_eq!(get(&row, "zSignificant").as_bool(), Some(true));
    assert_eq!(get(&row, "g2Significant").as_bool(), Some(true));
    let heavy = analyse(&two, options(r#"{"priorWeight": 1}"#)).expect("a heavier prior");
    assert_eq!(get(&distinctive_row(&heavy, "A", "politicians"), "zSignificant").as_bool(), Some(false));

    // A and C say `apple`, B never: against B alone, or with C left out, A's reference has none.
    let three = js(&(turn("A", &[("talk", 95), ("apple", 5)])
        + &turn("B", &[("talk", 100)])
        + &turn("C", &[("talk", 95), ("apple", 5)])));
    let other_count = |json: &str| {
        let doc = colloquy_wasm::Document::load(&three, None, None).expect("load");
        let a = doc.analysis(options(json)).expect("analysis");
        get(&distinctive_row(&a, "A", "apple"), "otherCount").as_f64()
    };
    assert_eq!(other_count("{}"), Some(5.0), "everyone else: C's");
    assert_eq!(other_count(r#"{"against": ["B"]}"#), Some(0.0), "one speaker");
    assert_eq!(other_count(r#"{"against": ["B", "C"]}"#), Some(5.0), "a group");
    assert_eq!(other_count(r#"{"leaveOut": ["C"]}"#), Some(0.0), "C left out of the reference");
    let unknown = analyse(&three, options(r#"{"against": ["Nobody"]}"#)).expect("not a failure");
    let kinds: Vec<String> =
        Array::from(&get(&unknown, "diagnostics")).iter().filter_map(|d| get(&d, "kind").as_string()).collect();
    assert!(kinds.iter().any(|k| k == "unknown-speaker"), "{kinds:?}");
}

#[wasm_bindgen_test]
fn collocations_and_spread() {
    let doc = colloquy_wasm::Document::load(&js(SEED), None, None).expect("load");
    let c = Array::from(
        &doc.collocations(Some("foreign".into()), options(r#"{"minCount": 2, "sort": "t"}"#)).expect("collocations"),
    );
    assert!(c.iter().any(|x| get(&x, "term").as_string().as_deref() == Some("ministers")));
    let first = c.get(0);
    for key in ["count", "nodeCount", "collocateCount", "t", "logDice", "g2"] {
        assert!(get(&first, key).as_f64().is_some(), "{key}");
    }
    let bigrams = Array::from(&doc.collocations(None, None).expect("bigrams"));
    assert!(bigrams.iter().all(|b| get(&b, "term").as_string().is_some_and(|t| t.contains(' '))));
    assert!(error_message(doc.collocations(Some("x".into()), options(r#"{"window": 0}"#))).contains("window"));
    let s = doc.spread(options(r#"{"minCount": 4, "limit": 3}"#)).expect("spread");
    assert_eq!(Array::from(&get(&s, "even")).length(), 3);
    assert_eq!(Array::from(&get(&s, "uneven")).length(), 3);
    // extraStopwords reach the core, which leaves the words out of the rows.
    let terms =
        |rows: JsValue| Array::from(&rows).iter().filter_map(|x| get(&x, "term").as_string()).collect::<Vec<_>>();
    let without = doc
        .collocations(
            Some("foreign".into()),
            options(r#"{"minCount": 2, "sort": "t", "extraStopwords": ["Ministers"]}"#),
        )
        .expect("collocations");
    let without = terms(without);
    assert!(!without.is_empty() && !without.iter().any(|t| t == "ministers"), "{without:?}");
    let first = terms(get(&s, "even")).into_iter().next().expect("an even term");
    let s = doc
        .spread(options(&format!(r#"{{"minCount": 4, "limit": 3, "extraStopwords": ["{first}"]}}"#)))
        .expect("spread");
    let even = terms(get(&s, "even"));
    assert!(even.len() == 3 && !even.contains(&first), "{even:?}");
}

#[wasm_bindgen_test]
fn dynamics_of_the_seed_and_of_timed_captions() {
    // The seed: five questions, each answered by Sergey Lavrov; offsets are UTF-16, so the
    // page slices the question and the answer out of its own string.
    let doc = colloquy_wasm::Document::load(&js(SEED), None, None).expect("load");
    let d = doc.dynamics(None).expect("dynamics");
    assert_eq!(get(&d, "timing").as_string().as_deref(), Some("none"));
    assert!(get(&d, "durationMs").is_null(), "untimed: no duration");
    let text = js(SEED);
    let pairs = Array::from(&get(&d, "questions"));
    assert_eq!(pairs.length(), 5);
    let turns = Array::from(&get(&doc.analysis(None).expect("analysis"), "turns"));
    for q in pairs.iter() {
        assert_eq!(get(&q, "asker").as_string().as_deref(), Some("Question"));
        assert_eq!(get(&q, "answerer").as_string().as_deref(), Some("Sergey Lavrov"));
        let at = |key: &str| get(&q, key).as_f64().map_or(0, |x| x as u32);
        let answer = turns.get(at("answerFirstTurn"));
        assert_eq!(at("answerStart"), get(&answer, "start").as_f64().map_or(0, |x| x as u32));
        assert_eq!(get(&q, "answerWords").as_f64(), get(&answer, "words").as_f64());
        let question = String::from(text.substring(at("questionStart"), at("questionEnd")));
        assert!(question.starts_with("Question:") && question.trim_end().ends_with('?'), "{question}");
    }
    // Timed cues, a name outside the BMP: times in ms, offsets still UTF-16.
    let vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v 🦊 Fox>Where were you?\n\n00:00:02.500 --> 00:00:04.000\n<v Ann>At home.\n";
    let doc = colloquy_wasm::Document::load(&js(vtt), None, None).expect("load vtt");
    let d = doc.dynamics(options(r#"{"bins": 2}"#)).expect("dynamics");
    assert_eq!(get(&d, "timing").as_string().as_deref(), Some("cues"));
    assert_eq!(get(&d, "durationMs").as_f64(), Some(4000.0));
    assert_eq!(get(&d, "gapMs").as_f64(), Some(500.0));
    assert_eq!(Array::from(&get(&d, "bins")).length(), 2);
    let q = Array::from(&get(&d, "questions")).get(0);
    let answer = String::from(js(vtt).substring(
        get(&q, "answerStart").as_f64().map_or(0, |x| x as u32),
        get(&q, "answerEnd").as_f64().map_or(0, |x| x as u32),
    ));
    assert!(answer.contains("At home."), "{answer}");
    // Options are checked like every query's.
    assert_eq!(
        name_and_key(doc.dynamics(options(r#"{"bins": 5000}"#))),
        ("OptionsError".to_owned(), Some("bins".to_owned()))
    );
    assert!(error_message(doc.dynamics(options(r#"{"bin": 3}"#))).contains("bin"));
}

#[wasm_bindgen_test]
fn a_corpus_of_documents_added_in_turn() {
    let mut corpus = colloquy_wasm::Corpus::new(None, None).expect("corpus");
    let row = corpus
        .add("2024-01-05 briefing.txt".to_owned(), &js("Ann: The treaty holds.\nBob: Which treaty?"), None)
        .expect("add");
    assert_eq!(get(&row, "date").as_string().as_deref(), Some("2024-01-05"));
    assert_eq!(get(&row, "words").as_f64(), Some(5.0));
    // A name outside the BMP before the hit: the offsets index the document's JS string.
    let second = "🦊 Fox: A treaty, a treaty.\nANN: Yes.";
    corpus.add("b.txt".to_owned(), &js(second), options(r#"{"group": "later"}"#)).expect("add");
    assert_eq!(corpus.length(), 2);
    let docs = corpus.documents().expect("documents");
    assert!(is_plain_object(&docs));
    assert_eq!(get(&get(&docs, "totals"), "speakers").as_f64(), Some(3.0), "Ann and ANN are one speaker");
    let speakers = Array::from(&corpus.speakers().expect("speakers"));
    let ann = speakers.iter().find(|s| get(s, "key").as_string().as_deref() == Some("ann")).expect("ann");
    assert_eq!(get(&ann, "documents").as_f64(), Some(2.0));
    let hits = corpus.kwic(JsValue::from_str("treaty"), None).expect("kwic");
    let hits = Array::from(&get(&hits, "hits"));
    assert_eq!(hits.length(), 4);
    let third = hits.get(2);
    assert_eq!(get(&third, "document").as_f64(), Some(1.0));
    let at = |key: &str| get(&third, key).as_f64().map_or(0, |x| x as u32);
    assert_eq!(String::from(js(second).substring(at("start"), at("end"))), "treaty");
    assert_eq!(corpus.document_text(1).as_deref(), Some(second));
    // Views take their options as the documents' queries do.
    let trends = corpus.trends(options(r#"{"terms": ["Treaty"]}"#)).expect("trends");
    let series = Array::from(&get(&trends, "series")).get(0);
    let counts: Vec<f64> = Array::from(&get(&series, "counts")).iter().filter_map(|c| c.as_f64()).collect();
    assert_eq!(counts, [2.0, 2.0]);
    let keyness =
        corpus.keyness(options(r#"{"a": {"group": "later"}, "b": {"rest": true}}"#).expect("some")).expect("keyness");
    assert_eq!(Array::from(&get(&keyness, "aDocuments")).length(), 1);
    assert_eq!(
        name_and_key(corpus.keyness(options(r#"{"a": {"group": "none"}, "b": {"rest": true}}"#).expect("some"))).0,
        "OptionsError"
    );
    assert_eq!(
        name_and_key(
            corpus.keyness(options(r#"{"a": {"group": "x", "rest": true}, "b": {"rest": true}}"#).expect("some"))
        ),
        ("OptionsError".to_owned(), Some("a".to_owned()))
    );
    let f = corpus.frequency(options(r#"{"minDocuments": 2}"#)).expect("frequency");
    let terms: Vec<String> =
        Array::from(&get(&f, "terms")).iter().filter_map(|t| get(&t, "term").as_string()).collect();
    assert_eq!(terms, ["treaty"]);
    assert_eq!(name_and_key(corpus.frequency(options(r#"{"minDocs": 2}"#))).0, "OptionsError");
    assert!(corpus.add("c".to_owned(), &js("x"), options(r#"{"grup": "a"}"#)).is_err());
}

#[wasm_bindgen_test]
fn facts_are_the_cores_and_the_limits() {
    let f = facts().expect("facts");
    assert!(is_plain_object(&f));
    let codes: Vec<String> = Array::from(&get(&f, "stopwordLanguages")).iter().filter_map(|c| c.as_string()).collect();
    assert_eq!(codes, colloquy::stopword_languages());
    let stemmers: Vec<String> =
        Array::from(&get(&f, "stemmerLanguages")).iter().filter_map(|c| c.as_string()).collect();
    assert_eq!(stemmers, colloquy::STEMMER_LANGUAGES);
    assert_eq!(get(&f, "minNgram").as_f64(), Some(colloquy::MIN_NGRAM as f64));
    assert_eq!(get(&f, "maxNgram").as_f64(), Some(colloquy::MAX_NGRAM as f64));
    assert_eq!(get(&f, "unattributed").as_string().as_deref(), Some(colloquy::UNATTRIBUTED));
    assert_eq!(get(&f, "defaultPriorWeight").as_f64(), Some(colloquy::DEFAULT_PRIOR_WEIGHT));
    assert_eq!(get(&f, "maxAnalyseUnits").as_f64(), Some(MAX_ANALYSE_UNITS as f64));
    assert_eq!(get(&f, "maxStreamUnits").as_f64(), Some(MAX_STREAM_UNITS as f64));
}

/// A reader as `colloquy/read` registers one: here a JS function that reads any bytes
/// as the same two-speaker text from a `.docx` (the readers themselves are tested in
/// wasm-read/tests/).
fn docx_reader() -> js_sys::Function {
    js_sys::Function::new_with_args(
        "bytes, options",
        "if (!(bytes instanceof Uint8Array)) throw new Error('not bytes');
         return { text: `Ann: Hello there, ${options?.name ?? 'nameless'}.\\nBob: Hi.`, source: 'docx', notes: [] };",
    )
}

#[wasm_bindgen_test]
fn bytes_are_read_by_the_registered_reader() {
    use colloquy_wasm::{use_reader, Document};
    use_reader(None);
    let bytes = js_sys::Uint8Array::from(&b"PK\x03\x04"[..]);
    let (name, _) = name_and_key(analyse(&bytes, None));
    assert_eq!(name, "InvalidStateError", "no reader registered yet");

    use_reader(Some(docx_reader()));
    let analysis = analyse(&bytes, None).expect("read and analysed");
    assert_eq!(get(&get(&analysis, "summary"), "source").as_string().as_deref(), Some("docx"));
    let speakers = Array::from(&get(&analysis, "speakers"));
    assert_eq!(speakers.length(), 2);

    // { bytes, name, type }: the name reaches the reader; an ArrayBuffer is bytes too.
    let file = JSON::parse(r#"{"name":"talk.docx","type":"application/octet-stream"}"#).expect("JSON");
    Reflect::set(&file, &JsValue::from_str("bytes"), &bytes.buffer()).expect("set");
    let doc = Document::load(&file, None, None).expect("loaded");
    assert_eq!(doc.text(), "Ann: Hello there, talk.docx.\nBob: Hi.");
    let analysis = doc.analysis(None).expect("analysis");
    assert_eq!(get(&get(&analysis, "summary"), "source").as_string().as_deref(), Some("docx"));

    // A string is analysed as it is, with no source.
    let analysis = analyse(&js("Ann: Hello."), None).expect("analysed");
    assert!(get(&get(&analysis, "summary"), "source").is_undefined());
    use_reader(None);
}

#[wasm_bindgen_test]
fn inputs_that_are_neither_text_nor_bytes_are_refused_by_name() {
    use colloquy_wasm::use_reader;
    use_reader(Some(docx_reader()));
    for (input, key) in [
        (JsValue::from_f64(3.0), "input"),
        (JSON::parse("[1,2]").expect("JSON"), "input"),
        (JSON::parse(r#"{"bytes":"abc"}"#).expect("JSON"), "input"),
        (JSON::parse(r#"{"bytes":null,"nam":"x"}"#).expect("JSON"), "nam"),
        (JSON::parse(r#"{"bytes":null,"name":3}"#).expect("JSON"), "name"),
    ] {
        assert_eq!(name_and_key(analyse(&input, None)), ("OptionsError".to_owned(), Some(key.to_owned())));
    }
    // Other typed arrays are not bytes.
    let words = js_sys::Uint16Array::new_with_length(4);
    assert_eq!(name_and_key(analyse(&words, None)).0, "OptionsError");
    // The reader's own errors pass through unchanged.
    use_reader(Some(js_sys::Function::new_with_args(
        "bytes",
        "const e = new Error('This .docx file is damaged: its archive ends early.'); e.name = 'ReadError'; e.kind = 'damaged'; throw e;",
    )));
    let err = analyse(&js_sys::Uint8Array::new_with_length(2), None).expect_err("refused");
    assert_eq!(get(&err, "name").as_string().as_deref(), Some("ReadError"));
    assert_eq!(get(&err, "kind").as_string().as_deref(), Some("damaged"));
    use_reader(None);
}
