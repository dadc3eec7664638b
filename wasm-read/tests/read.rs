//! The readers' module at the JS boundary, under Node and in headless Chromium
//! (`make test-wasm`): every fixture format read, errors as named JS `Error`s with
//! their fields, options checked.
#![cfg(target_arch = "wasm32")]

use colloquy_read_wasm::{read, reads_pdf};
use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn named(name: &str) -> Option<JsValue> {
    let options = js_sys::Object::new();
    Reflect::set(&options, &JsValue::from_str("name"), &JsValue::from_str(name)).expect("set");
    Some(options.into())
}

#[wasm_bindgen_test]
fn every_fixture_reads_as_its_format_with_its_speakers() {
    for (bytes, name, source) in [
        (&include_bytes!("../../tests/fixtures/read/talk.docx")[..], "talk.docx", "docx"),
        (&include_bytes!("../../tests/fixtures/read/talk.odt")[..], "talk.odt", "odt"),
        (&include_bytes!("../../tests/fixtures/read/talk.rtf")[..], "talk.rtf", "rtf"),
        (&include_bytes!("../../tests/fixtures/read/talk.html")[..], "talk.html", "html"),
        (&include_bytes!("../../tests/fixtures/read/talk.csv")[..], "talk.csv", "csv"),
        (&include_bytes!("../../tests/fixtures/read/whisperx.json")[..], "whisperx.json", "whisper-json"),
    ] {
        // By content: the name is not needed.
        for options in [None, named(name)] {
            let result = read(bytes, options).expect("read");
            assert_eq!(get(&result, "source").as_string().as_deref(), Some(source), "{name}");
            let text = get(&result, "text").as_string().unwrap_or_default();
            assert!(!text.is_empty(), "{name}");
            assert!(js_sys::Array::is_array(&get(&result, "notes")), "{name}");
        }
    }
}

#[wasm_bindgen_test]
fn plain_text_is_returned_as_it_is() {
    let text = "Ann: Hello.\nBob: Hi — привет.\n";
    let result = read(text.as_bytes(), named("t.txt")).expect("read");
    assert_eq!(get(&result, "text").as_string().as_deref(), Some(text));
    assert_eq!(get(&result, "source").as_string().as_deref(), Some("text"));
}

/// The thrown error's `name`, `kind` and message.
fn refused(bytes: &[u8]) -> (String, String, String, JsValue) {
    let err = read(bytes, None).expect_err("refused");
    assert!(err.is_instance_of::<js_sys::Error>(), "a JS Error");
    let field = |k: &str| get(&err, k).as_string().unwrap_or_default();
    (field("name"), field("kind"), field("message"), err)
}

#[wasm_bindgen_test]
fn bad_files_are_named_errors_with_their_fields() {
    let (name, kind, message, err) = refused(b"Ann: caf\xe9 au lait\n");
    assert_eq!((name.as_str(), kind.as_str()), ("ReadError", "not-utf8"));
    assert!(message.contains("UTF-8"), "{message}");
    assert_eq!(get(&err, "offset").as_f64(), Some(8.0));
    assert_eq!(get(&err, "line").as_f64(), Some(1.0));

    let (_, kind, _, err) = refused(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(kind, "unsupported");
    assert_eq!(get(&err, "looksLike").as_string().as_deref(), Some("PNG image"));

    assert_eq!(refused(b"\xff\xfeA\0:\0").1, "utf16");
    // A truncated .docx: the archive's local header and nothing more.
    let docx = include_bytes!("../../tests/fixtures/read/talk.docx");
    let (_, kind, message, _) = refused(docx.get(..200).unwrap_or_default());
    assert_eq!(kind, "damaged", "{message}");

    if !reads_pdf() {
        let (_, kind, _, err) = refused(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
        assert_eq!(kind, "unsupported");
        assert_eq!(get(&err, "looksLike").as_string().as_deref(), Some("PDF"));
    }
}

#[wasm_bindgen_test]
fn options_are_checked() {
    for options in [r#"{"nam":"x.docx"}"#, r#"{"name":3}"#, "3"] {
        let err = read(b"Ann: Hi.", Some(JSON::parse(options).expect("JSON"))).expect_err(options);
        assert_eq!(get(&err, "name").as_string().as_deref(), Some("OptionsError"), "{options}");
    }
    let typed = JSON::parse(r#"{"type":"text/html"}"#).expect("JSON");
    let result = read(b"<p>Ann: Hi.</p>", Some(typed)).expect("read");
    assert_eq!(get(&result, "source").as_string().as_deref(), Some("html"));
}
