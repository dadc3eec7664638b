//! `Analyzer`: streaming analysis for big inputs, pushed in chunks from JS.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use crate::convert::{options_from_js, text_from_js, to_js, JsResult};
use crate::error::{js_error, too_large, ErrorName};
use crate::limits;

/// Streaming analysis. Push chunks split anywhere (even inside a word, a label or a
/// surrogate pair); `finish()` returns exactly what `analyse` gives for the whole
/// text. Report progress from JS between pushes.
///
/// ```js
/// using analyzer = new Analyzer({ ngramMax: 4 });
/// for (const chunk of chunks) { analyzer.push(chunk); progress(analyzer.pushedUnits); }
/// const analysis = analyzer.finish();
/// ```
#[wasm_bindgen]
pub struct Analyzer {
    stream: Option<colloquy::Stream>,
    /// A high surrogate that ended the last chunk, waiting for its low half.
    pending: Option<u16>,
    pushed: u64,
}

#[wasm_bindgen]
impl Analyzer {
    /// Starts an analysis with the same options as `analyse`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "AnalyseOptions")] options: Option<JsValue>,
    ) -> JsResult<Analyzer> {
        let options = options_from_js(options)?;
        Ok(Analyzer {
            stream: Some(colloquy::Stream::new(options, colloquy::OffsetUnit::Utf16)),
            pending: None,
            pushed: 0,
        })
    }

    /// Adds a chunk of the text.
    pub fn push(&mut self, chunk: &JsString) -> JsResult<()> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        let total = self.pushed + u64::from(chunk.length());
        if let Some(message) = limits::stream_too_long(total) {
            return Err(too_large(&message));
        }
        let mut chunk = chunk.clone();
        if let Some(high) = self.pending.take() {
            chunk = JsString::from_char_code1(u32::from(high)).concat(&chunk);
        }
        let len = chunk.length();
        let last = if len > 0 { chunk.char_code_at(len - 1) } else { f64::NAN };
        if (f64::from(0xD800u16)..=f64::from(0xDBFFu16)).contains(&last) {
            self.pending = Some(last as u16);
            chunk = chunk.slice(0, len - 1);
        }
        stream.push(&text_from_js(&chunk));
        self.pushed = total;
        if let Some(message) = limits::state_too_big(stream.approx_bytes()) {
            self.stream = None;
            return Err(too_large(&message));
        }
        Ok(())
    }

    /// UTF-16 code units pushed so far.
    #[wasm_bindgen(getter, js_name = pushedUnits)]
    pub fn pushed_units(&self) -> f64 {
        self.pushed as f64
    }

    /// Finishes the analysis. The analyzer cannot be used afterwards.
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn finish(&mut self) -> JsResult<JsValue> {
        let mut stream = self.stream.take().ok_or_else(finished)?;
        if self.pending.take().is_some() {
            stream.push("\u{FFFD}"); // a lone high surrogate, as the whole string would read
        }
        to_js(&stream.finish())
    }
}

fn finished() -> JsValue {
    js_error(ErrorName::InvalidState, "this Analyzer has finished (or failed); create a new one", None)
}
