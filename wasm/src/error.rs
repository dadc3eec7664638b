//! Errors thrown to JavaScript: a JS `Error` whose `name` says what went wrong and,
//! for a bad option, whose `key` names the option and `reason` says what is wrong with
//! it, so callers test and show fields, never parse message text.
//!
//! ```js
//! try { analyse(text, { ngramMax: 9 }); }
//! catch (e) { e.name === 'OptionsError' && e.key === 'ngramMax'; }
//! ```

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// Every fallible export returns this: `Err` is the thrown JS `Error`.
pub type JsResult<T> = Result<T, JsValue>;

/// What kind of error, as the JS `Error`'s `name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorName {
    /// An option (or a query's argument) is unknown, of the wrong type or out of range.
    Options,
    /// The text is over a size limit, or its analysis would outgrow memory.
    TooLarge,
    /// The object cannot be used any more (a finished `Analyzer`).
    InvalidState,
    /// The result could not be built (a bug, not the input's fault).
    Internal,
}

impl ErrorName {
    /// The `name` the JS `Error` carries.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorName::Options => "OptionsError",
            ErrorName::TooLarge => "TooLargeError",
            ErrorName::InvalidState => "InvalidStateError",
            ErrorName::Internal => "Error",
        }
    }
}

/// A JS `Error` named `name`, with `message`, and `key` set when given.
pub fn js_error(name: ErrorName, message: &str, key: Option<&str>) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name(name.as_str());
    if let Some(key) = key {
        // Setting a property on a fresh Error cannot fail.
        let _ = Reflect::set(&error, &JsValue::from_str("key"), &JsValue::from_str(key));
    }
    error.into()
}

/// An `OptionsError` about option `key` (`""` for the options as a whole):
/// `invalid options: {key}: {reason}`, with `key` and `reason` as properties.
pub fn options_error(key: &str, reason: &str) -> JsValue {
    let message =
        if key.is_empty() { format!("invalid options: {reason}") } else { format!("invalid options: {key}: {reason}") };
    let error = js_error(ErrorName::Options, &message, Some(key));
    // Setting a property on a fresh Error cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("reason"), &JsValue::from_str(reason));
    error
}

/// A `TooLargeError` with `message`.
pub fn too_large(message: &str) -> JsValue {
    js_error(ErrorName::TooLarge, message, None)
}
