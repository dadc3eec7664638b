//! JavaScript bindings of colloquy's file readers (`colloquy::read`): a wasm module of
//! its own, so the analysis module does not grow by them and the page loads them only
//! when a file is opened. Built twice by scripts/build-pkg.sh: `pkg/read/` without
//! the PDF reader and `pkg/pdf/` with it (feature `pdf`), loaded only for a PDF.
//!
//! ```js
//! import init, { read } from 'colloquy/read';
//! await init();
//! const { text, source, notes } = read(bytes, { name: 'interview.docx' });
//! ```

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use colloquy::read::{ReadError, ReadLimits};
use js_sys::Reflect;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What `read` may be told about the bytes besides themselves.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadOptions {
    /// The file's name (`interview.docx`); its extension breaks ties.
    name: Option<String>,
    /// The media type (`text/html`), as a `File`'s `type` gives it; breaks ties.
    #[serde(rename = "type")]
    media_type: Option<String>,
}

// ReadText, SourceFormat and ReadErrorKind are generated from the core's types into the
// package's colloquy.d.ts (wasm/types.d.ts), one folder up.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
import type { ReadText, SourceFormat, ReadErrorKind } from "../colloquy.js";
export type { ReadText, SourceFormat, ReadErrorKind };
/** What `read` may be told about the bytes: the file's name and media type break ties. */
export interface ReadOptions { name?: string; type?: string }
"#;

/// Reads a file's bytes as transcript text: plain text as it is, `.docx`, `.odt`,
/// `.rtf`, web pages, speech-to-text engines' JSON and CSV as text the analysis reads
/// (and, in the PDF module, a PDF's text layer). The format is found by content.
///
/// Throws an `Error` named `ReadError` with `kind` (`unsupported`, `damaged`,
/// `too-large`, `not-utf8`, `utf16`), `looksLike` (`PDF`, `PNG image`) for an
/// unsupported file, and `offset` and `line` of the first bad byte for text that is
/// not UTF-8; an `OptionsError` for options it does not know.
#[wasm_bindgen(unchecked_return_type = "ReadText")]
pub fn read(
    bytes: &[u8],
    #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_options(options)?;
    let source =
        colloquy::read::Source { bytes, name: options.name.as_deref(), media_type: options.media_type.as_deref() };
    let read = colloquy::read::read(&source, &ReadLimits::default()).map_err(|e| read_error(&e))?;
    serde_wasm_bindgen::to_value(&read).map_err(|e| {
        let error = js_sys::Error::new(&format!("could not build the result: {e}"));
        error.into()
    })
}

/// Whether this module reads PDFs (the PDF module) or refuses them (the readers' module).
#[wasm_bindgen(js_name = "readsPdf")]
pub fn reads_pdf() -> bool {
    cfg!(feature = "pdf")
}

/// The version of colloquy.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

fn read_options(options: Option<JsValue>) -> Result<ReadOptions, JsValue> {
    let Some(value) = options.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(ReadOptions::default());
    };
    if !value.is_object() {
        return Err(named_error(
            "OptionsError",
            "invalid options: expected an object such as { name: 'interview.docx' }",
        ));
    }
    // serde-wasm-bindgen reads a struct's fields by name and never sees other keys.
    let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
    if let Some(key) = keys.iter().filter_map(|k| k.as_string()).find(|k| k != "name" && k != "type") {
        return Err(named_error(
            "OptionsError",
            &format!("invalid options: unknown field `{key}`, expected `name` or `type`"),
        ));
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| named_error("OptionsError", &format!("invalid options: {e}")))
}

/// A JS `Error` named `name` with `message`.
fn named_error(name: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name(name);
    error.into()
}

/// The core's `ReadError` as a JS `Error` named `ReadError`, its fields as properties.
fn read_error(e: &ReadError) -> JsValue {
    let error = named_error("ReadError", &e.message);
    let kind = serde_wasm_bindgen::to_value(&e.kind).unwrap_or(JsValue::UNDEFINED);
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh Error cannot fail.
        let _ = Reflect::set(&error, &JsValue::from_str(key), &value);
    };
    set("kind", kind);
    if let Some(like) = e.looks_like {
        set("looksLike", JsValue::from_str(like));
    }
    if let Some(offset) = e.offset {
        set("offset", JsValue::from_f64(offset as f64));
    }
    if let Some(line) = e.line {
        set("line", JsValue::from_f64(line as f64));
    }
    error
}
