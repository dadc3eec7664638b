//! `Corpus`: many transcripts, each analysed as it is added, with views across them.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::convert::{core_options_error, from_js, options_from_js, text_from_js, to_js, JsResult};
use crate::error::{js_error, too_large, ErrorName};
use crate::limits;

/// Documents added one at a time (each parsed, tokenised and counted once; its text
/// kept for the concordance while the kept texts stay under `keepBytes`), and views
/// across them. Offsets in concordance hits are UTF-16, of each document's text.
///
/// ```js
/// const corpus = new Corpus({ stopwords: 'en' });
/// for (const f of files) corpus.add(f.name, await f.text());
/// corpus.documents().rows;                    // one row per document
/// corpus.trends({ terms: ['treaty'] });       // per 10k words, per document
/// corpus.keyness({ a: { group: '2024' }, b: { rest: true } });
/// ```
#[wasm_bindgen]
pub struct Corpus {
    corpus: colloquy::Corpus,
}

/// What a document is, beside its name (read from the name when not given).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
struct JsonMeta {
    date: Option<String>,
    group: Option<String>,
}

/// How the corpus holds its documents.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
struct JsonConfig {
    keep_bytes: Option<usize>,
}

#[wasm_bindgen]
impl Corpus {
    /// An empty corpus whose documents are analysed with `options` (those of
    /// `analyse`). `config.keepBytes`: documents are kept whole for the concordance
    /// while their texts come to at most this many UTF-8 bytes (default 64 MiB).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "AnalyseOptions")] options: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "{ keepBytes?: number }")] config: Option<JsValue>,
    ) -> JsResult<Corpus> {
        let options = options_from_js(options)?;
        let json: JsonConfig = optional(config, "config")?;
        let mut config = colloquy::CorpusConfig::default();
        if let Some(n) = json.keep_bytes {
            config.keep_bytes = n;
        }
        Ok(Corpus { corpus: colloquy::Corpus::new(&options, config) })
    }

    /// Analyses `text` and adds it as the next document, named `name`; `meta` gives its
    /// date (`YYYY-MM-DD`) and group, else the date is read from the name. Its row of
    /// the documents table.
    #[wasm_bindgen(unchecked_return_type = "DocumentRow")]
    pub fn add(
        &mut self,
        name: String,
        text: &js_sys::JsString,
        #[wasm_bindgen(unchecked_optional_param_type = "{ date?: string; group?: string }")] meta: Option<JsValue>,
    ) -> JsResult<JsValue> {
        if let Some(message) = limits::analyse_too_long(u64::from(text.length())) {
            return Err(too_large(&message));
        }
        let json: JsonMeta = optional(meta, "meta")?;
        let mut meta = colloquy::DocumentMeta::named(&name);
        if json.date.is_some() {
            meta.date = json.date;
        }
        meta.group = json.group;
        to_js(&self.corpus.add(meta, text_from_js(text)))
    }

    /// Documents added.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.corpus.len()
    }

    /// The documents table: every document's row, and the totals.
    #[wasm_bindgen(unchecked_return_type = "CorpusDocuments")]
    pub fn documents(&self) -> JsResult<JsValue> {
        to_js(&self.corpus.documents())
    }

    /// Every speaker across the documents (matched by name, case and spacing folded),
    /// with their words, share and turns in each document.
    #[wasm_bindgen(unchecked_return_type = "CorpusSpeaker[]")]
    pub fn speakers(&self) -> JsResult<JsValue> {
        to_js(&self.corpus.speakers())
    }

    /// Terms' relative frequency (per 10k words) in each document: the terms given, or
    /// the most variable.
    #[wasm_bindgen(unchecked_return_type = "Trends")]
    pub fn trends(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "TrendOptions")] options: Option<JsValue>,
    ) -> JsResult<JsValue> {
        let json: colloquy::json::JsonTrendOptions = optional(options, "options")?;
        let options = json.into_options().map_err(|e| core_options_error(&e))?;
        to_js(&self.corpus.trends(&options))
    }

    /// Group A's key and avoided terms against group B (Fightin' Words, G², Log Ratio).
    /// Throws an `OptionsError` when a group is empty or the two overlap.
    #[wasm_bindgen(unchecked_return_type = "GroupKeyness")]
    pub fn keyness(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GroupKeynessOptions")] options: JsValue,
    ) -> JsResult<JsValue> {
        let json: colloquy::json::JsonGroupKeynessOptions = from_js(options, "options")?;
        let options = json.into_options().map_err(|e| core_options_error(&e))?;
        let keyness = self
            .corpus
            .keyness(&options)
            .map_err(|e| js_error(ErrorName::Options, &format!("invalid options: {e}"), Some("a")))?;
        to_js(&keyness)
    }

    /// Terms and phrases by the number of documents they occur in.
    #[wasm_bindgen(unchecked_return_type = "DocumentFrequency")]
    pub fn frequency(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "FrequencyOptions")] options: Option<JsValue>,
    ) -> JsResult<JsValue> {
        let json: colloquy::json::JsonFrequencyOptions = optional(options, "options")?;
        let options = json.into_options().map_err(|e| core_options_error(&e))?;
        to_js(&self.corpus.frequency(&options))
    }

    /// The concordance across the documents kept whole, each hit with its document;
    /// `start`/`end` are UTF-16 offsets in that document's text.
    #[wasm_bindgen(unchecked_return_type = "CorpusKwic")]
    pub fn kwic(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | string[]")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "KwicOptions")] options: Option<JsValue>,
    ) -> JsResult<JsValue> {
        let queries: Vec<String> = match query.as_string() {
            Some(one) => vec![one],
            None => from_js(query, "query").map_err(|_| {
                js_error(ErrorName::Options, "invalid query: expected a string or an array of strings", Some("query"))
            })?,
        };
        let json: colloquy::json::JsonKwicOptions = optional(options, "options")?;
        let refs: Vec<&str> = queries.iter().map(String::as_str).collect();
        let mut out = self.corpus.kwic_any(&refs, &json.into_options());
        // Each document's offsets, converted with a map of its text.
        let mut current: Option<(u32, colloquy::Utf16Index)> = None;
        for h in &mut out.hits {
            let Some(doc) = self.corpus.document(h.document as usize) else { continue };
            let text = doc.text();
            let index = match &current {
                Some((d, index)) if *d == h.document => index,
                _ => &current.insert((h.document, colloquy::Utf16Index::new(text))).1,
            };
            h.hit.start = index.utf16(text, h.hit.start);
            h.hit.end = index.utf16(text, h.hit.end);
        }
        to_js(&out)
    }

    /// A kept document's text (`undefined` when only its counts were kept).
    #[wasm_bindgen(js_name = "documentText")]
    pub fn document_text(&self, index: usize) -> Option<String> {
        self.corpus.document(index).map(|d| d.text().to_owned())
    }
}

fn optional<T: DeserializeOwned + Default>(value: Option<JsValue>, what: &str) -> JsResult<T> {
    match value.filter(|v| !v.is_undefined() && !v.is_null()) {
        None => Ok(T::default()),
        Some(v) => from_js(v, what),
    }
}
