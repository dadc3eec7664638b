//! The bad-input matrix (issue 8) at the JS boundary, under Node and in headless Chromium
//! (`make test-wasm`): each input gets a correct result or a clear error, never a trap.
//! The inputs are the core's (`tests/shared/bad_inputs.rs`); the core's own assertions are
//! in `tests/it/bad_inputs.rs`. Here every input goes through each export the page and the
//! package use — `analyse`, an `Analyzer` fed in chunks as the page's worker does, and
//! `Document.load` — which must agree, and results are checked as JS values with UTF-16 offsets.
#![cfg(target_arch = "wasm32")]

#[path = "../../tests/shared/bad_inputs.rs"]
mod inputs;

use colloquy_wasm::{analyse, Analyzer, Document};
use js_sys::{Array, JsString, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// The chunk size of the page's worker (www/worker.js).
const CHUNK: u32 = 256 * 1024;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn num(value: &JsValue, key: &str) -> f64 {
    get(value, key).as_f64().unwrap_or(f64::NAN)
}

fn summary(a: &JsValue, key: &str) -> f64 {
    num(&get(a, "summary"), key)
}

fn list(a: &JsValue, key: &str) -> Vec<JsValue> {
    Array::from(&get(a, key)).iter().collect()
}

fn name(v: &JsValue) -> String {
    get(v, "name").as_string().unwrap_or_default()
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).map(String::from).unwrap_or_default()
}

fn diagnostic_kinds(a: &JsValue) -> Vec<String> {
    list(a, "diagnostics").iter().filter_map(|d| get(d, "kind").as_string()).collect()
}

/// The text through `analyse`, a chunked `Analyzer` and `Document.load`: three equal
/// results (as JSON), and every turn's UTF-16 span inside the JS string. Returns one.
fn every_path(text: &str) -> JsValue {
    let s = JsString::from(text);
    let one = analyse(&s, None).expect("analyse");
    let mut analyzer = Analyzer::new(None).expect("an Analyzer");
    let len = s.length();
    let mut at = 0;
    while at < len {
        let end = (at + CHUNK).min(len);
        analyzer.push(&s.slice(at, end)).expect("push");
        at = end;
    }
    let streamed = analyzer.finish().expect("finish");
    let doc = Document::load(&s, None, None).expect("Document.load");
    let loaded = doc.analysis(None).expect("Document.analysis");
    let json = stringify(&one);
    assert!(json == stringify(&streamed), "analyse and an Analyzer differ on a text of {len} units");
    assert!(json == stringify(&loaded), "analyse and a Document differ on a text of {len} units");
    for turn in list(&one, "turns") {
        let (start, end) = (num(&turn, "start"), num(&turn, "end"));
        assert!(0.0 <= start && start <= end && end <= f64::from(len), "turn {start}..{end} in {len} units");
    }
    one
}

#[wasm_bindgen_test]
fn empty_and_whitespace_only() {
    for text in inputs::BLANK {
        let a = every_path(text);
        assert_eq!(summary(&a, "tokens"), 0.0, "{text:?}");
        assert_eq!(summary(&a, "speakers"), 0.0, "{text:?}");
        assert!(list(&a, "speakers").is_empty() && list(&a, "terms").is_empty(), "{text:?}");
    }
}

#[wasm_bindgen_test]
fn a_single_50_mb_line_without_a_newline() {
    // In the browser, most of the file's 25–35 s (three paths over 50 MB, on a busy
    // 2-core machine): over wasm-bindgen-test-runner's default 20 s for a whole file, so
    // the Makefile raises WASM_BINDGEN_TEST_TIMEOUT.
    let (text, words) = inputs::single_line(50 << 20);
    assert!(!text.contains('\n'));
    let a = every_path(&text);
    assert_eq!(summary(&a, "tokens"), words as f64);
    let speakers = list(&a, "speakers");
    assert_eq!(speakers.len(), 1);
    assert_eq!(name(&speakers[0]), "(unattributed)");
    assert!(diagnostic_kinds(&a).iter().any(|k| k == "no-speakers"), "{:?}", diagnostic_kinds(&a));
    assert!(!list(&a, "phrases").is_empty());
}

#[wasm_bindgen_test]
fn ten_thousand_distinct_speakers() {
    let a = every_path(&inputs::distinct_speakers(10_000));
    let speakers = list(&a, "speakers");
    assert_eq!(speakers.len(), 10_000);
    assert_eq!(summary(&a, "speakers"), 10_000.0);
    assert_eq!(summary(&a, "turns"), 10_000.0);
    assert_eq!(summary(&a, "tokens"), 40_000.0);
    assert!(speakers.iter().all(|s| num(s, "words") == 4.0 && num(s, "turns") == 1.0));
    let mut names: Vec<String> = speakers.iter().map(name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 10_000, "10,000 distinct names");
}

#[wasm_bindgen_test]
fn a_label_line_repeated_100_000_times_with_no_text() {
    let a = every_path(&inputs::repeated_label(100_000));
    assert_eq!(summary(&a, "tokens"), 0.0);
    assert_eq!(summary(&a, "turns"), 1.0, "the same speaker's labels continue one turn");
    let speakers = list(&a, "speakers");
    assert_eq!(speakers.len(), 1);
    assert_eq!(name(&speakers[0]), "MR. PRICE");
    assert_eq!(num(&speakers[0], "words"), 0.0);
}

#[wasm_bindgen_test]
fn all_stage_directions() {
    let a = every_path(inputs::STAGE_DIRECTIONS);
    assert_eq!(summary(&a, "tokens"), 0.0);
    assert_eq!(summary(&a, "stageDirections"), 5.0);
    let applause =
        list(&a, "stageDirections").into_iter().find(|d| get(d, "kind").as_string().as_deref() == Some("applause"));
    assert_eq!(applause.map(|d| num(&d, "count")), Some(2.0));
}

#[wasm_bindgen_test]
fn all_stopwords() {
    let a = every_path(inputs::STOPWORDS);
    assert_eq!(summary(&a, "tokens"), 13.0);
    assert_eq!(list(&a, "speakers").iter().map(name).collect::<Vec<_>>(), ["Alice", "Bob"]);
    assert!(list(&a, "terms").is_empty(), "every word is a stopword: {}", stringify(&get(&a, "terms")));
    assert!(list(&a, "phrases").is_empty());
}

#[wasm_bindgen_test]
fn vtt_with_broken_timings_keeps_its_text() {
    let a = every_path(inputs::BROKEN_VTT);
    assert_eq!(get(&get(&a, "summary"), "format").as_string().as_deref(), Some("vtt"));
    let kinds = diagnostic_kinds(&a);
    assert!(!kinds.is_empty() && kinds.iter().all(|k| k == "malformed-cue"), "{kinds:?}");
    assert_eq!(list(&a, "speakers").iter().map(name).collect::<Vec<_>>(), ["Ann", "Bob"]);
    // Every caption word is counted, the cues with broken timings' too.
    let all =
        analyse(&JsString::from(inputs::BROKEN_VTT), Some(JSON::parse(r#"{"stopwords": "none"}"#).expect("JSON")))
            .expect("analyse");
    let terms: Vec<String> = list(&all, "terms").iter().filter_map(|t| get(t, "term").as_string()).collect();
    for word in ["hello", "there", "lost", "line", "bye"] {
        assert!(terms.iter().any(|t| t == word), "{word} in {terms:?}");
    }
}

#[wasm_bindgen_test]
fn control_characters_and_lone_surrogates() {
    let a = every_path(inputs::CONTROL_CHARACTERS);
    let terms: Vec<String> = list(&a, "terms").iter().filter_map(|t| get(t, "term").as_string()).collect();
    for word in ["b", "c", "ok"] {
        assert!(terms.iter().any(|t| t == word), "NUL and BEL separate words: {word} in {terms:?}");
    }
    // A JS string need not be valid UTF-16: lone surrogates read as U+FFFD.
    let s = JsString::from_char_code(&[
        u16::from(b'A'),
        u16::from(b':'),
        u16::from(b' '),
        0xD800,
        u16::from(b'x'),
        u16::from(b' '),
        0xDC00,
        u16::from(b'\n'),
        u16::from(b'B'),
        u16::from(b':'),
        u16::from(b' '),
        u16::from(b'o'),
        u16::from(b'k'),
        0xDBFF,
    ]);
    let a = analyse(&s, None).expect("analyse");
    let mut analyzer = Analyzer::new(None).expect("an Analyzer");
    for i in 0..s.length() {
        analyzer.push(&s.slice(i, i + 1)).expect("push"); // one unit at a time
    }
    assert_eq!(stringify(&analyzer.finish().expect("finish")), stringify(&a));
    assert_eq!(list(&a, "speakers").iter().map(name).collect::<Vec<_>>(), ["A", "B"]);
    assert_eq!(summary(&a, "tokens"), 2.0, "x and ok");
    let turns = list(&a, "turns");
    assert_eq!(turns.iter().map(|t| (num(t, "start"), num(t, "end"))).collect::<Vec<_>>(), [(0.0, 7.0), (8.0, 14.0)]);
}
