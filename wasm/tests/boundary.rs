//! The JS boundary, run by wasm-bindgen-test under Node and in headless Chromium
//! (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn analyse_returns_a_plain_object() {
    let result = colloquy_wasm::analyse("Alice: hello hello world", JsValue::UNDEFINED).unwrap();
    let summary = get(&result, "summary");
    assert_eq!(get(&summary, "tokens").as_f64(), Some(4.0));
    let terms = js_sys::Array::from(&get(&result, "terms"));
    let first = terms.get(0);
    assert_eq!(get(&first, "term").as_string().as_deref(), Some("hello"));
    assert_eq!(get(&first, "count").as_f64(), Some(2.0));
    assert!(js_sys::Array::is_array(&get(&result, "terms")));
}

#[wasm_bindgen_test]
fn unknown_option_is_an_error_naming_it() {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"bogus".into(), &1.into()).unwrap();
    let err = colloquy_wasm::analyse("x", options.into()).expect_err("an error");
    let message = get(&JsValue::from(err), "message").as_string().unwrap_or_default();
    assert!(message.contains("bogus"), "{message}");
}
