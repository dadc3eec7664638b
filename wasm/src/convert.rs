//! Conversions at the boundary: JS options in through serde-wasm-bindgen (unknown keys
//! refused by name, errors naming their key), results out through the tape (plain
//! objects and arrays, as `JSON.parse` would make them), errors as named JS `Error`s
//! (`error.rs`).

use js_sys::{JsString, Object};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_path_to_error::Segment;
use wasm_bindgen::{JsCast, JsValue};

pub use crate::error::JsResult;
use crate::error::{js_error, options_error, ErrorName};
use crate::fields::fields_of;

/// Reads options from a JS object, rejecting unknown keys and wrong types by name.
pub fn options_from_js(value: Option<JsValue>) -> JsResult<colloquy::Options> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(colloquy::Options::default());
    };
    let parsed: colloquy::json::JsonOptions = from_js(value, "options")?;
    parsed.into_options().map_err(|e| core_options_error(&e))
}

/// An error of the core's option checks as an `OptionsError` with its key and reason.
pub fn core_options_error(e: &colloquy::json::OptionError) -> JsValue {
    options_error(e.key, &e.reason)
}

/// Reads a JS value into `T`, naming the offending key on error. Options must be
/// plain objects, with no key `T` does not read.
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> JsResult<T> {
    let fields = fields_of::<T>();
    if what == "options" && (!value.is_object() || js_sys::Array::is_array(&value)) {
        return Err(options_error("", "expected an object such as { ngramMax: 3 }"));
    }
    if let Some(fields) = fields.filter(|_| value.is_object()) {
        for key in Object::keys(value.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()) {
            if !fields.contains(&key.as_str()) {
                let expected = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
                return Err(named_error(what, &key, &format!("unknown field `{key}`, expected one of {expected}")));
            }
        }
    }
    let original = value.clone();
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(|e| {
        let path = e.path().clone();
        let key = match path.iter().next() {
            Some(Segment::Map { key }) => key.clone(),
            _ => String::new(),
        };
        let inner = JsValue::from(e.into_inner());
        // serde-wasm-bindgen asks any value where a list or a map is expected for its
        // iterator, which throws a TypeError on a string, number or boolean: say what
        // the value was instead of passing that on.
        let reason = if inner.is_instance_of::<js_sys::TypeError>() {
            format!("invalid type: {}, expected an array or an object", shown(&value_at(&original, &path)))
        } else {
            inner.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{inner:?}"), |e| String::from(e.message()))
        };
        let reason = if path.iter().count() > 1 { format!("`{path}`: {reason}") } else { reason };
        named_error(what, &key, &reason)
    })
}

/// An `OptionsError` about `key` of `what` (`options`, or a query's `terms`).
fn named_error(what: &str, key: &str, reason: &str) -> JsValue {
    if what == "options" {
        return options_error(key, reason);
    }
    let message =
        if key.is_empty() { format!("invalid {what}: {reason}") } else { format!("invalid {what}: {key}: {reason}") };
    js_error(ErrorName::Options, &message, Some(if key.is_empty() { what } else { key }))
}

/// The value at `path` inside `value` (`undefined` where there is none).
fn value_at(value: &JsValue, path: &serde_path_to_error::Path) -> JsValue {
    path.iter().fold(value.clone(), |v, segment| {
        let key = match segment {
            Segment::Map { key } => JsValue::from_str(key),
            Segment::Seq { index } => JsValue::from_f64(*index as f64),
            _ => return v,
        };
        js_sys::Reflect::get(&v, &key).unwrap_or(JsValue::UNDEFINED)
    })
}

/// A JS value in an error message: `string "the"`, `number 3`, `boolean true`.
fn shown(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        format!("string {s:?}")
    } else if let Some(n) = value.as_f64() {
        format!("number {n}")
    } else if let Some(b) = value.as_bool() {
        format!("boolean {b}")
    } else {
        "a value of another type".to_owned()
    }
}

/// A JS string as Rust text; lone surrogates become U+FFFD.
pub fn text_from_js(text: &JsString) -> String {
    String::from(text)
}

/// A plain JS value (objects, arrays, numbers; never `Map`), built through a tape
/// (`tape.rs`, `js/tape.js`). Not serde-wasm-bindgen's serializer: it sets an object's
/// keys with `obj[key] = value`, so a key `__proto__` (a speaker of that name in
/// `bySpeaker`) sets the prototype and the counts are lost (`wasm/tests/tape.rs`).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    crate::tape::to_js(value)
        .map_err(|e| js_error(ErrorName::Internal, &format!("could not build the result: {e}"), None))
}
