//! What `analyse` and `Document.load` take: a string, or a file's bytes. Bytes are read
//! by the readers' module (`colloquy/read`, a wasm module of its own so this one does not
//! grow by them), which registers its `read` here with `useReader`; the package's Node
//! entry does that itself.
//!
//! ```js
//! analyse(text);
//! analyse(bytes, { minCount: 2 });                       // a Uint8Array or ArrayBuffer
//! analyse({ bytes, name: 'interview.docx' }, options);   // a name or type breaks ties
//! ```

use std::cell::RefCell;

use colloquy::read::SourceFormat;
use js_sys::{ArrayBuffer, Function, JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::convert::text_from_js;
use crate::error::{js_error, too_large, ErrorName, JsResult};
use crate::limits;

thread_local! {
    /// The readers' `read(bytes, { name, type })`, once registered.
    static READER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A file's bytes for `analyse` and `Document.load`, with its name or media type when known. */
export interface FileInput { bytes: Uint8Array | ArrayBuffer; name?: string; type?: string }
/** What `analyse` and `Document.load` take: a transcript's text, or a file's bytes. */
export type Input = string | Uint8Array | ArrayBuffer | FileInput;
"#;

/// Registers the function that reads a file's bytes (`read` of `colloquy/read`), or
/// unregisters it (`null`). `colloquy/read`'s loaders call this; so does the Node entry.
#[wasm_bindgen(js_name = "useReader")]
pub fn use_reader(
    #[wasm_bindgen(
        unchecked_param_type = "((bytes: Uint8Array, options?: { name?: string; type?: string }) => ReadText) | null"
    )]
    read: Option<Function>,
) {
    READER.with(|r| *r.borrow_mut() = read);
}

/// A transcript's text, and the format of the file it was read from (for `summary.source`).
pub struct Input {
    pub text: String,
    pub source: Option<SourceFormat>,
}

/// Reads `value` as an [`Input`]: a string as it is (refused over `analyse`'s limit
/// before it is copied), bytes through the registered reader.
pub fn input_from_js(value: &JsValue) -> JsResult<Input> {
    if let Some(text) = value.dyn_ref::<JsString>() {
        if let Some(message) = limits::analyse_too_long(u64::from(text.length())) {
            return Err(too_large(&message));
        }
        return Ok(Input { text: text_from_js(text), source: None });
    }
    let (bytes, options) = file_from_js(value)?;
    let reader = READER.with(|r| r.borrow().clone()).ok_or_else(|| {
        js_error(
            ErrorName::InvalidState,
            "reading a file's bytes needs the readers: call `await loadReaders()` from 'colloquy/read' first (the Node entry loads them itself)",
            None,
        )
    })?;
    let read = reader.call2(&JsValue::NULL, &bytes, &options)?;
    let text = Reflect::get(&read, &JsValue::from_str("text"))?;
    let Some(text) = text.dyn_ref::<JsString>() else {
        return Err(internal("the reader gave no text"));
    };
    if let Some(message) = limits::analyse_too_long(u64::from(text.length())) {
        return Err(too_large(&format!("the file reads as a text too long: {message}")));
    }
    let source = Reflect::get(&read, &JsValue::from_str("source"))?;
    let source: SourceFormat = serde_wasm_bindgen::from_value(source)
        .map_err(|e| internal(&format!("the reader gave no known format: {e}")))?;
    Ok(Input { text: text_from_js(text), source: (source != SourceFormat::Text).then_some(source) })
}

/// The bytes and `{ name, type }` of a `Uint8Array`, an `ArrayBuffer` or a `FileInput`.
fn file_from_js(value: &JsValue) -> JsResult<(Uint8Array, JsValue)> {
    if let Some(bytes) = as_bytes(value) {
        return Ok((bytes, JsValue::UNDEFINED));
    }
    let not_input = || {
        js_error(
            ErrorName::Options,
            "invalid input: expected a string, a Uint8Array, an ArrayBuffer or { bytes, name, type }",
            Some("input"),
        )
    };
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(not_input());
    }
    let options = Object::new();
    for key in Object::keys(value.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()) {
        let field = Reflect::get(value, &JsValue::from_str(&key))?;
        match key.as_str() {
            "bytes" => {}
            "name" | "type" if field.is_undefined() => {}
            "name" | "type" if field.is_string() => {
                Reflect::set(&options, &JsValue::from_str(&key), &field)?;
            }
            "name" | "type" => {
                let reason = format!("invalid input: `{key}` must be a string");
                return Err(js_error(ErrorName::Options, &reason, Some(&key)));
            }
            _ => {
                let reason = format!("invalid input: unknown field `{key}`, expected `bytes`, `name` or `type`");
                return Err(js_error(ErrorName::Options, &reason, Some(&key)));
            }
        }
    }
    let bytes = Reflect::get(value, &JsValue::from_str("bytes"))?;
    let bytes = as_bytes(&bytes).ok_or_else(not_input)?;
    Ok((bytes, options.into()))
}

/// A `Uint8Array` (other typed arrays are not bytes) or an `ArrayBuffer` as a `Uint8Array`.
fn as_bytes(value: &JsValue) -> Option<Uint8Array> {
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Some(bytes.clone());
    }
    value.dyn_ref::<ArrayBuffer>().map(|buffer| Uint8Array::new(buffer))
}

fn internal(message: &str) -> JsValue {
    js_error(ErrorName::Internal, &format!("could not read the file: {message}"), None)
}
