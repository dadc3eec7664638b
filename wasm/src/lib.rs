//! JavaScript bindings of the colloquy core: the only Rust that knows JavaScript.
//!
//! Thin by design: options in (validated, unknown keys refused), results out as plain
//! objects with UTF-16 offsets, errors as JS `Error`s. No analysis logic lives here.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

mod analyzer;
mod convert;
mod corpus;
mod document;
mod error;
mod fields;
mod input;
mod limits;
pub mod tape;

use wasm_bindgen::prelude::*;

pub use analyzer::Analyzer;
use convert::{options_from_js, to_js, JsResult};
pub use corpus::Corpus;
pub use document::Document;
use input::input_from_js;
pub use input::use_reader;

pub use limits::{MAX_ANALYSE_UNITS, MAX_STATE_BYTES, MAX_STREAM_UNITS};

/// Analyses a transcript: its text, or a file's bytes (`.docx`, `.odt`, `.rtf`, a web
/// page, an engine's JSON, CSV; read by `colloquy/read`, which the Node entry loads
/// itself; `summary.source` names the format). Offsets in the result index the JS
/// string (UTF-16); for bytes, the text they read as (`Document.load(…).text`).
///
/// Throws an `Error` naming the key for unknown or ill-typed options, a `ReadError`
/// for bytes that cannot be read, and a `TooLargeError` for texts over 256 Mi UTF-16
/// code units (use `Analyzer` for those).
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyse(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyseOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let options = options_from_js(options)?;
    let input = input_from_js(input)?;
    let mut analysis = colloquy::Stream::once(options, colloquy::OffsetUnit::Utf16, &input.text);
    analysis.summary.source = input.source;
    to_js(&analysis)
}

/// Test builds only (feature `test-hooks`): panics, so the wasm traps (`RuntimeError:
/// unreachable`: a panic on wasm32 aborts) as a bug would, leaving the instance in an
/// unknown state. The page's tests use it to check that the worker is recreated and
/// the text kept (e2e/hardening.test.mjs).
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = "__testPanic")]
#[allow(clippy::panic)]
pub fn test_panic() {
    panic!("colloquy: deliberate panic from the test hook");
}

/// Facts about the engine the page shows or checks against, so no front keeps a copy:
/// the stopword and stemmer languages, the phrase lengths, the unattributed speaker's
/// name, and the size limits of `analyse`/`Document.load` and of an `Analyzer`
/// (in UTF-16 code units).
#[wasm_bindgen(unchecked_return_type = "Facts & { maxAnalyseUnits: number; maxStreamUnits: number }")]
pub fn facts() -> JsResult<JsValue> {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct WithLimits {
        #[serde(flatten)]
        core: colloquy::Facts,
        max_analyse_units: u64,
        max_stream_units: u64,
    }
    to_js(&WithLimits {
        core: colloquy::Facts::get(),
        max_analyse_units: MAX_ANALYSE_UNITS,
        max_stream_units: MAX_STREAM_UNITS,
    })
}

/// The version of colloquy.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
