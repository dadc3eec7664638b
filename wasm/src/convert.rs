//! Conversions at the boundary: JS options in, JS values out, errors as `Error`s.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

/// Every fallible export returns this: `Err` becomes a thrown JS `Error`.
pub type JsResult<T> = Result<T, JsError>;

/// Reads options from a JS object, rejecting unknown keys and wrong types by name.
///
/// The object goes through `serde_json::Value` because serde-wasm-bindgen only
/// reads the keys a struct names, so it cannot see unknown ones.
pub fn options_from_js(value: Option<JsValue>) -> JsResult<colloquy::Options> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(colloquy::Options::default());
    };
    let parsed: colloquy::json::JsonOptions = from_js(value, "options")?;
    parsed.into_options().map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

/// Reads a JS value into `T`, naming the offending key on error. Options must be
/// plain objects.
pub fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> JsResult<T> {
    if what == "options" && (!value.is_object() || js_sys::Array::is_array(&value)) {
        return Err(JsError::new("invalid options: expected an object such as { ngramMax: 3 }"));
    }
    let json: serde_json::Value =
        serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("invalid {what}: {e}")))?;
    serde_path_to_error::deserialize(json).map_err(|e| {
        let path = e.path().to_string();
        JsError::new(&format!("invalid {what}: `{path}`: {}", e.into_inner()))
    })
}

/// A JS string as Rust text; lone surrogates become U+FFFD.
pub fn text_from_js(text: &JsString) -> String {
    String::from(text)
}

/// A plain JS value (objects, arrays, numbers; never `Map`).
pub fn to_js<T: serde::Serialize>(value: &T) -> JsResult<JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}
