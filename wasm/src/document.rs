//! `Document`: a transcript parsed and tokenised once, queried many times.

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::convert::{core_options_error, from_js, options_from_js, to_js, JsResult};
use crate::error::options_error;
use crate::input::{input_from_js, Input};

/// A transcript loaded once. `analysis()`, `kwic()` and `dispersion()` read the same
/// parse and tokens; nothing is re-tokenised per query. Offsets are UTF-16.
///
/// ```js
/// using doc = Document.load(text, { aliases: { Lavrov: 'Sergey Lavrov' } });
/// const a = doc.analysis({ minCount: 3 });
/// const hits = doc.kwic('cis', { width: 6, sort: 'right' });
/// ```
#[wasm_bindgen]
pub struct Document {
    doc: colloquy::Document,
    counts: colloquy::Counts,
    options: colloquy::Options,
    index: colloquy::Utf16Index,
    /// The format of the file the text was read from (not plain text), for `summary.source`.
    source: Option<colloquy::read::SourceFormat>,
}

#[wasm_bindgen]
impl Document {
    /// Parses and tokenises a transcript: its text, or a file's bytes (as `analyse`).
    /// `onProgress(done, total)`, if given, is called as it reads, in UTF-8 bytes of the
    /// text: once parsed, then about every 256 KiB (for a progress bar on a big text).
    ///
    /// ```js
    /// const doc = Document.load(bigText, {}, (done, total) => bar.value = done / total);
    /// ```
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AnalyseOptions")] options: Option<JsValue>,
        #[wasm_bindgen(
            js_name = "onProgress",
            unchecked_optional_param_type = "(done: number, total: number) => void"
        )]
        on_progress: Option<js_sys::Function>,
    ) -> JsResult<Document> {
        let options = options_from_js(options)?;
        let Input { text, source } = input_from_js(input)?;
        let index = colloquy::Utf16Index::new(&text);
        let doc = match on_progress {
            None => colloquy::Document::new(text, &options),
            Some(f) => colloquy::Document::with_progress(text, &options, &mut |done, total| {
                // A callback that throws does not stop the reading.
                let _ = f.call2(&JsValue::NULL, &JsValue::from(done as f64), &JsValue::from(total as f64));
            }),
        };
        let counts = colloquy::Counts::new(&doc);
        Ok(Document { doc, counts, options, index, source })
    }

    /// The text analysed: the string given to `load`, or the text a file's bytes read as
    /// (which the offsets of every result index).
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.doc.text().to_owned()
    }

    /// The analysis, optionally with other view options (stopwords, counts, top-K).
    /// Options that change parsing (aliases, label pattern, format, furniture,
    /// hyphens) need a new `Document.load`.
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn analysis(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "AnalyseOptions")] view: Option<JsValue>,
    ) -> JsResult<JsValue> {
        let options = match view.filter(|v| !v.is_undefined() && !v.is_null()) {
            None => self.options.clone(),
            Some(v) => {
                let json: colloquy::json::JsonOptions = from_js(v, "options")?;
                let o = json.apply_to(self.options.clone()).map_err(|e| core_options_error(&e))?;
                if o.parse != self.options.parse || o.tokenize != self.options.tokenize {
                    return Err(options_error(
                        "",
                        "these options change how the text is parsed; use Document.load with them",
                    ));
                }
                o
            }
        };
        let mut analysis = self.counts.report(&options.view);
        analysis.summary.source = self.source;
        let text = self.doc.text();
        analysis.map_offsets(|b| self.index.utf16(text, b));
        to_js(&analysis)
    }

    /// Every occurrence of a term, a phrase or a `*` pattern, in context; of an array
    /// of them, one list of every occurrence of any (the forms of a stemmed term),
    /// sorted and limited as one query's.
    #[wasm_bindgen(unchecked_return_type = "KwicHit[]")]
    pub fn kwic(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | string[]")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "KwicOptions")] options: Option<JsValue>,
    ) -> JsResult<JsValue> {
        let queries: Vec<String> = match query.as_string() {
            Some(one) => vec![one],
            None => from_js(query, "query").map_err(|_| {
                crate::error::js_error(
                    crate::error::ErrorName::Options,
                    "invalid query: expected a string or an array of strings",
                    Some("query"),
                )
            })?,
        };
        let options: colloquy::json::JsonKwicOptions = optional(options)?;
        let refs: Vec<&str> = queries.iter().map(String::as_str).collect();
        let mut hits = self.doc.kwic_any(&refs, &options.into_options());
        let text = self.doc.text();
        for h in &mut hits {
            h.start = self.index.utf16(text, h.start);
            h.end = self.index.utf16(text, h.end);
        }
        to_js(&hits)
    }

    /// Where each term occurs, and how evenly (Gries' DP).
    #[wasm_bindgen(unchecked_return_type = "Dispersion[]")]
    pub fn dispersion(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] terms: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DispersionOptions")] options: Option<JsValue>,
    ) -> JsResult<JsValue> {
        let terms: Vec<String> = from_js(terms, "terms")?;
        let options: colloquy::json::JsonDispersionOptions = optional(options)?;
        let parts = options.into_parts().map_err(|e| core_options_error(&e))?;
        let refs: Vec<&str> = terms.iter().map(String::as_str).collect();
        let mut out = self.doc.dispersion(&refs, parts);
        let text = self.doc.text();
        for d in &mut out {
            for s in &mut d.starts {
                *s = self.index.utf16(text, *s);
            }
        }
        to_js(&out)
    }
}

#[wasm_bindgen]
impl Document {
    /// Collocates of `node` within ±`window` words, or all bigrams when `node` is
    /// `null`, scored by MI, t-score, logDice and G².
    #[wasm_bindgen(unchecked_return_type = "Collocate[]")]
    pub fn collocations(
        &self,
        node: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "CollocationOptions")] options: Option<JsValue>,
    ) -> JsResult<JsValue> {
        let options: colloquy::json::JsonCollocationOptions = optional(options)?;
        let options = options.into_options().map_err(|e| core_options_error(&e))?;
        to_js(&self.doc.collocations(node.as_deref(), &options))
    }

    /// The conversation dynamics: talk time, turn-taking, questions and answers,
    /// interruptions, and talk over time (`bins` equal parts). Offsets are UTF-16.
    ///
    /// ```js
    /// const d = doc.dynamics({ bins: 20 });
    /// d.questions.map((q) => text.slice(q.answerStart, q.answerEnd));
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Dynamics")]
    pub fn dynamics(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "DynamicsOptions")] options: Option<JsValue>,
    ) -> JsResult<JsValue> {
        let options: colloquy::json::JsonDynamicsOptions = optional(options)?;
        let options = options.into_options().map_err(|e| core_options_error(&e))?;
        let mut out = self.doc.dynamics(&options);
        let text = self.doc.text();
        out.map_offsets(|b| self.index.utf16(text, b));
        to_js(&out)
    }

    /// The terms spread most and least evenly (Gries' DP).
    #[wasm_bindgen(unchecked_return_type = "Spread")]
    pub fn spread(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "SpreadOptions")] options: Option<JsValue>,
    ) -> JsResult<JsValue> {
        let options: colloquy::json::JsonSpreadOptions = optional(options)?;
        let options = options.into_options().map_err(|e| core_options_error(&e))?;
        to_js(&self.doc.spread(&options))
    }
}

fn optional<T: DeserializeOwned + Default>(value: Option<JsValue>) -> JsResult<T> {
    match value.filter(|v| !v.is_undefined() && !v.is_null()) {
        None => Ok(T::default()),
        Some(v) => from_js(v, "options"),
    }
}
