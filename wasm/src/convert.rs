//! Conversions at the boundary: JS options in, JS values out, errors as `Error`s.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use crate::de::JsDe;
use crate::tape;

/// Every fallible export returns this: `Err` becomes a thrown JS `Error`.
pub type JsResult<T> = Result<T, JsError>;

/// Reads options from a JS object, rejecting unknown keys and wrong types by name.
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
    T::deserialize(JsDe(value)).map_err(|e| JsError::new(&format!("invalid {what}: {e}")))
}

/// A JS string as Rust text; lone surrogates become U+FFFD.
pub fn text_from_js(text: &JsString) -> String {
    String::from(text)
}

/// A plain JS value (objects, arrays, numbers; never `Map`), built through a tape
/// (`tape.rs`, `js/tape.js`).
pub fn to_js<T: serde::Serialize>(value: &T) -> JsResult<JsValue> {
    tape::to_js(value).map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}
