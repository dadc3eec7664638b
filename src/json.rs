//! The options as JSON: the flat, camelCase form shared by the CLI and the wasm
//! API. Unknown keys are errors (`deny_unknown_fields`).
//!
//! ```
//! let o: colloquy::json::JsonOptions = serde_json::from_str(r#"{"ngramMax": 3, "stopwords": "none"}"#).unwrap();
//! let options = o.into_options().unwrap();
//! assert_eq!(options.view.ngram_max, 3);
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{
    Alias, CollocationOptions, CollocationSort, DispersionParts, Format, KwicOptions, KwicSort, Options, Stopwords,
    MAX_NGRAM,
};

/// `"auto"`, `"none"`, a language code, or a list of words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "StopwordsOption"))]
#[serde(untagged)]
pub enum JsonStopwords {
    Named(String),
    List(Vec<String>),
}

/// Every option of [`Options`], flat and camelCase.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "AnalyseOptions", optional_fields))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonOptions {
    pub format: Option<Format>,
    pub keep_furniture: Option<bool>,
    pub keep_script_directions: Option<bool>,
    pub split_joint_speakers: Option<bool>,
    pub label_pattern: Option<String>,
    /// `{ "Lavrov": "Sergey Lavrov" }`.
    pub aliases: Option<BTreeMap<String, String>>,
    pub split_hyphens: Option<bool>,
    pub stopwords: Option<JsonStopwords>,
    pub extra_stopwords: Option<Vec<String>>,
    pub min_term_length: Option<usize>,
    pub include_numbers: Option<bool>,
    pub ngram_min: Option<usize>,
    pub ngram_max: Option<usize>,
    pub min_count: Option<usize>,
    pub phrase_edge_stopwords: Option<bool>,
    pub top_terms: Option<usize>,
    pub top_phrases: Option<usize>,
    pub top_speaker_terms: Option<usize>,
    /// Group terms by Snowball stem.
    pub stem: Option<bool>,
}

impl JsonOptions {
    /// Converts to [`Options`], checking ranges. Errors name the offending key.
    pub fn into_options(self) -> Result<Options, String> {
        self.apply_to(Options::default())
    }

    /// Sets the keys present in `self` on `o`, checking ranges.
    pub fn apply_to(self, mut o: Options) -> Result<Options, String> {
        if let Some(f) = self.format {
            o.parse.format = f;
        }
        if let Some(k) = self.keep_furniture {
            o.parse.keep_furniture = k;
        }
        if let Some(k) = self.keep_script_directions {
            o.parse.keep_script_directions = k;
        }
        if let Some(k) = self.split_joint_speakers {
            o.parse.split_joint_speakers = k;
        }
        if let Some(p) = self.label_pattern {
            crate::check_label_pattern(&p).map_err(|e| format!("labelPattern: {e}"))?;
            o.parse.label_pattern = Some(p);
        }
        if let Some(a) = self.aliases {
            o.parse.aliases = a.into_iter().map(|(from, to)| Alias { from, to }).collect();
        }
        if let Some(s) = self.split_hyphens {
            o.tokenize.split_hyphens = s;
        }
        if let Some(s) = self.stopwords {
            o.view.stopwords = match s {
                JsonStopwords::List(words) => Stopwords::Custom(words),
                JsonStopwords::Named(name) => parse_stopwords(&name).map_err(|e| format!("stopwords: {e}"))?,
            };
        }
        if let Some(w) = self.extra_stopwords {
            o.view.extra_stopwords = w;
        }
        if let Some(n) = self.min_term_length {
            o.view.min_term_length = n;
        }
        if let Some(b) = self.include_numbers {
            o.view.include_numbers = b;
        }
        if let Some(n) = self.ngram_min {
            o.view.ngram_min = n;
        }
        if let Some(n) = self.ngram_max {
            o.view.ngram_max = n;
        }
        crate::check_ngram_range(o.view.ngram_min, o.view.ngram_max).map_err(|e| {
            let key = if (2..=MAX_NGRAM).contains(&o.view.ngram_min) { "ngramMax" } else { "ngramMin" };
            format!("{key}: {e}")
        })?;
        if let Some(n) = self.min_count {
            crate::check_min_count(n).map_err(|e| format!("minCount: {e}"))?;
            o.view.min_count = n;
        }
        if let Some(b) = self.phrase_edge_stopwords {
            o.view.phrase_edge_stopwords = b;
        }
        if let Some(n) = self.top_terms {
            o.view.top_terms = n;
        }
        if let Some(n) = self.top_phrases {
            o.view.top_phrases = n;
        }
        if let Some(n) = self.top_speaker_terms {
            o.view.top_speaker_terms = n;
        }
        if let Some(b) = self.stem {
            o.view.stem = b;
        }
        Ok(o)
    }
}

/// `auto`, `none`, or a language code with a stopword list.
pub fn parse_stopwords(name: &str) -> Result<Stopwords, String> {
    match name {
        "auto" => Ok(Stopwords::Auto),
        "none" => Ok(Stopwords::None),
        code if crate::stopwords(code).is_some() => Ok(Stopwords::Language(code.to_owned())),
        other => Err(format!(
            "\"{other}\" is not auto, none, or a language with a stopword list ({})",
            crate::stopword_languages().join(", ")
        )),
    }
}

/// Options of a KWIC query, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "KwicOptions", optional_fields))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonKwicOptions {
    /// Context on each side, in words (default 8).
    pub width: Option<usize>,
    pub sort: Option<KwicSort>,
    /// At most this many hits; 0 (the default) means all.
    pub limit: Option<usize>,
}

impl JsonKwicOptions {
    pub fn into_options(self) -> KwicOptions {
        let d = KwicOptions::default();
        KwicOptions {
            width: self.width.unwrap_or(d.width),
            sort: self.sort.unwrap_or(d.sort),
            limit: self.limit.unwrap_or(d.limit),
        }
    }
}

/// `"speakers"`, or a number of equal parts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "DispersionPartsOption"))]
#[serde(untagged)]
pub enum JsonParts {
    Equal(usize),
    Named(String),
}

/// Options of a dispersion query, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "DispersionOptions", optional_fields))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonDispersionOptions {
    /// The corpus parts for DP: `"speakers"` or a number of equal parts (default 10).
    pub parts: Option<JsonParts>,
}

impl JsonDispersionOptions {
    pub fn into_parts(self) -> Result<DispersionParts, String> {
        match self.parts {
            None => Ok(DispersionParts::default()),
            Some(JsonParts::Equal(0)) => Err("parts: must be at least 1".to_owned()),
            Some(JsonParts::Equal(n)) => Ok(DispersionParts::Equal(n)),
            Some(JsonParts::Named(s)) if s == "speakers" => Ok(DispersionParts::Speakers),
            Some(JsonParts::Named(s)) => Err(format!("parts: \"{s}\" is not \"speakers\" or a number")),
        }
    }
}

fn stopwords_option(s: Option<JsonStopwords>) -> Result<Stopwords, String> {
    match s {
        None => Ok(Stopwords::Auto),
        Some(JsonStopwords::List(words)) => Ok(Stopwords::Custom(words)),
        Some(JsonStopwords::Named(name)) => parse_stopwords(&name).map_err(|e| format!("stopwords: {e}")),
    }
}

/// Options of a collocation query, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "CollocationOptions", optional_fields))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonCollocationOptions {
    /// Words on each side of the node (default 5).
    pub window: Option<usize>,
    /// Pairs seen fewer times are left out (default 3; MI needs 5).
    pub min_count: Option<usize>,
    pub sort: Option<CollocationSort>,
    /// At most this many (default 50; 0 for all).
    pub limit: Option<usize>,
    /// Stopwords left out as collocates (default: the detected language's).
    pub stopwords: Option<JsonStopwords>,
}

impl JsonCollocationOptions {
    pub fn into_options(self) -> Result<CollocationOptions, String> {
        let d = CollocationOptions::default();
        let window = self.window.unwrap_or(d.window);
        if window == 0 {
            return Err("window: must be at least 1".to_owned());
        }
        Ok(CollocationOptions {
            window,
            min_count: self.min_count.unwrap_or(d.min_count),
            sort: self.sort.unwrap_or(d.sort),
            limit: self.limit.unwrap_or(d.limit),
            stopwords: stopwords_option(self.stopwords)?,
        })
    }
}

/// Options of the most/least evenly spread lists, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "SpreadOptions", optional_fields))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonSpreadOptions {
    /// Terms seen fewer times are left out (default 5).
    pub min_count: Option<usize>,
    /// `"speakers"` or a number of equal parts (default 10).
    pub parts: Option<JsonParts>,
    /// How many terms in each list (default 10).
    pub limit: Option<usize>,
    pub stopwords: Option<JsonStopwords>,
}

impl JsonSpreadOptions {
    /// `(min_count, parts, limit, stopwords)`.
    pub fn into_options(self) -> Result<(usize, DispersionParts, usize, Stopwords), String> {
        let parts = JsonDispersionOptions { parts: self.parts }.into_parts()?;
        Ok((self.min_count.unwrap_or(5), parts, self.limit.unwrap_or(10), stopwords_option(self.stopwords)?))
    }
}
