//! JavaScript bindings of the colloquy core. Thin: conversion only.

use wasm_bindgen::prelude::*;

/// Analyses `text` and returns a plain JS object.
#[wasm_bindgen]
pub fn analyse(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from_js(options)?;
    let analysis = colloquy::analyse(text, &options);
    to_js(&analysis)
}

/// Reads options from a JS object, rejecting unknown keys and wrong types by name.
///
/// The object goes through `serde_json::Value` because serde-wasm-bindgen only
/// reads the keys a struct names, so it cannot see unknown ones.
fn options_from_js(value: JsValue) -> Result<colloquy::Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(colloquy::Options::default());
    }
    let json: serde_json::Value =
        serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    let parsed: colloquy::json::JsonOptions = serde_path_to_error::deserialize(json).map_err(|e| {
        let path = e.path().to_string();
        JsError::new(&format!("invalid options: `{path}`: {}", e.into_inner()))
    })?;
    parsed.into_options().map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}
