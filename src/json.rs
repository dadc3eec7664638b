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
    Alias, CollocationOptions, CollocationSort, DispersionParts, DynamicsOptions, Format, KwicOptions, KwicSort,
    Options, Reference, SpreadOptions, Stopwords, MAX_NGRAM, MIN_NGRAM,
};

/// An option that cannot be used: its JSON key and why, as every front reports it.
///
/// ```
/// let json: colloquy::json::JsonOptions = serde_json::from_str(r#"{"minCount": 0}"#).unwrap();
/// let err = json.into_options().unwrap_err();
/// assert_eq!((err.key, err.reason.as_str()), ("minCount", "must be at least 1"));
/// assert_eq!(err.to_string(), "minCount: must be at least 1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    /// The option's key, as in the JSON (`ngramMax`).
    pub key: &'static str,
    /// What is wrong with its value.
    pub reason: String,
}

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.key, self.reason)
    }
}

impl std::error::Error for OptionError {}

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
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
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
    /// Distinctive words are measured against these speakers (one, or a group); absent
    /// or empty: against everyone else.
    pub against: Option<Vec<String>>,
    /// Speakers left out of the distinctive words' comparison: not scored, and in no
    /// reference and not in the prior.
    pub leave_out: Option<Vec<String>>,
    /// The Fightin' Words prior's weight a₀ as a share of the compared words
    /// (default 0.1; above 0).
    pub prior_weight: Option<f64>,
}

// `priorWeight` is checked finite before it is used, and a JSON number is never NaN.
impl Eq for JsonOptions {}

impl JsonOptions {
    /// Converts to [`Options`], checking ranges. Errors name the offending key.
    pub fn into_options(self) -> Result<Options, OptionError> {
        self.apply_to(Options::default())
    }

    /// Sets the keys present in `self` on `o`, checking ranges.
    pub fn apply_to(self, mut o: Options) -> Result<Options, OptionError> {
        let (parse, view) = (&mut o.parse, &mut o.view);
        set(&mut parse.format, self.format);
        set(&mut parse.keep_furniture, self.keep_furniture);
        set(&mut parse.keep_script_directions, self.keep_script_directions);
        set(&mut parse.split_joint_speakers, self.split_joint_speakers);
        set_checked(&mut parse.label_pattern, "labelPattern", self.label_pattern, |p| {
            crate::check_label_pattern(&p).map(|()| Some(p))
        })?;
        set(&mut parse.aliases, self.aliases.map(|a| a.into_iter().map(|(from, to)| Alias { from, to }).collect()));
        set(&mut o.tokenize.split_hyphens, self.split_hyphens);
        set_checked(&mut view.stopwords, "stopwords", self.stopwords, JsonStopwords::into_stopwords)?;
        set(&mut view.extra_stopwords, self.extra_stopwords);
        set(&mut view.min_term_length, self.min_term_length);
        set(&mut view.include_numbers, self.include_numbers);
        set(&mut view.ngram_min, self.ngram_min);
        set(&mut view.ngram_max, self.ngram_max);
        crate::check_ngram_range(view.ngram_min, view.ngram_max).map_err(|reason| {
            let key = if (MIN_NGRAM..=MAX_NGRAM).contains(&view.ngram_min) { "ngramMax" } else { "ngramMin" };
            OptionError { key, reason }
        })?;
        set_checked(&mut view.min_count, "minCount", self.min_count, |n| crate::check_min_count(n).map(|()| n))?;
        set(&mut view.phrase_edge_stopwords, self.phrase_edge_stopwords);
        set(&mut view.top_terms, self.top_terms);
        set(&mut view.top_phrases, self.top_phrases);
        set(&mut view.top_speaker_terms, self.top_speaker_terms);
        set(&mut view.stem, self.stem);
        let comparison = &mut view.comparison;
        set(
            &mut comparison.against,
            self.against.map(|names| if names.is_empty() { Reference::Others } else { Reference::Speakers(names) }),
        );
        set(&mut comparison.leave_out, self.leave_out);
        set_checked(&mut comparison.prior_weight, "priorWeight", self.prior_weight, |w| {
            crate::check_prior_weight(w).map(|()| w)
        })?;
        Ok(o)
    }
}

/// Sets `slot` to the value of a key, if the key is present.
///
/// ```text
/// set(&mut o.view.stem, json.stem); // `stem` absent: o.view.stem is left as it was
/// ```
fn set<T>(slot: &mut T, key: Option<T>) {
    if let Some(value) = key {
        *slot = value;
    }
}

/// Sets `slot` to `convert`ed value of the key `name`, if the key is present; an error
/// of `convert` (its reason) becomes an [`OptionError`] about `name`
/// (`minCount: must be at least 1`).
fn set_checked<K, T>(
    slot: &mut T,
    name: &'static str,
    key: Option<K>,
    convert: impl FnOnce(K) -> Result<T, String>,
) -> Result<(), OptionError> {
    if let Some(value) = key {
        *slot = convert(value).map_err(|reason| OptionError { key: name, reason })?;
    }
    Ok(())
}

impl JsonStopwords {
    /// The stopwords these name: a list is [`Stopwords::Custom`].
    pub fn into_stopwords(self) -> Result<Stopwords, String> {
        match self {
            JsonStopwords::List(words) => Ok(Stopwords::Custom(words)),
            JsonStopwords::Named(name) => parse_stopwords(&name),
        }
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
    /// A one-word query also finds the word inside hyphenated compounds, each such hit
    /// marked `inCompound` (default true).
    pub compounds: Option<bool>,
}

impl JsonKwicOptions {
    pub fn into_options(self) -> KwicOptions {
        let mut o = KwicOptions::default();
        set(&mut o.width, self.width);
        set(&mut o.sort, self.sort);
        set(&mut o.limit, self.limit);
        set(&mut o.compounds, self.compounds);
        o
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
    pub fn into_parts(self) -> Result<DispersionParts, OptionError> {
        let reason = match self.parts {
            None => return Ok(DispersionParts::default()),
            Some(JsonParts::Equal(0)) => "must be at least 1".to_owned(),
            Some(JsonParts::Equal(n)) => return Ok(DispersionParts::Equal(n)),
            Some(JsonParts::Named(s)) if s == "speakers" => return Ok(DispersionParts::Speakers),
            Some(JsonParts::Named(s)) => format!("\"{s}\" is not \"speakers\" or a number"),
        };
        Err(OptionError { key: "parts", reason })
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
    /// Added to the stopwords: a collocate that is one, or a bigram with one, is left out.
    pub extra_stopwords: Option<Vec<String>>,
}

impl JsonCollocationOptions {
    pub fn into_options(self) -> Result<CollocationOptions, OptionError> {
        let mut o = CollocationOptions::default();
        set_checked(&mut o.window, "window", self.window, |n| match n {
            0 => Err("must be at least 1".to_owned()),
            n => Ok(n),
        })?;
        set(&mut o.min_count, self.min_count);
        set(&mut o.sort, self.sort);
        set(&mut o.limit, self.limit);
        set_checked(&mut o.stopwords, "stopwords", self.stopwords, JsonStopwords::into_stopwords)?;
        set(&mut o.extra_stopwords, self.extra_stopwords);
        Ok(o)
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
    /// How many terms in each list (default 10; 0 for all).
    pub limit: Option<usize>,
    pub stopwords: Option<JsonStopwords>,
    /// Added to the stopwords: none of them is in either list.
    pub extra_stopwords: Option<Vec<String>>,
}

impl JsonSpreadOptions {
    pub fn into_options(self) -> Result<SpreadOptions, OptionError> {
        let mut o = SpreadOptions::default();
        set(&mut o.min_count, self.min_count);
        o.parts = JsonDispersionOptions { parts: self.parts }.into_parts()?;
        set(&mut o.limit, self.limit);
        set_checked(&mut o.stopwords, "stopwords", self.stopwords, JsonStopwords::into_stopwords)?;
        set(&mut o.extra_stopwords, self.extra_stopwords);
        Ok(o)
    }
}

/// Options of the conversation dynamics, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "DynamicsOptions", optional_fields))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonDynamicsOptions {
    /// Bins of talk over time (default 20; 0 for none; at most 1000).
    pub bins: Option<usize>,
}

impl JsonDynamicsOptions {
    /// ```
    /// use colloquy::json::JsonDynamicsOptions;
    /// let o = JsonDynamicsOptions { bins: Some(50) }.into_options().unwrap();
    /// assert_eq!(o.bins, 50);
    /// let e = JsonDynamicsOptions { bins: Some(5000) }.into_options().unwrap_err();
    /// assert_eq!(e.to_string(), "bins: must be at most 1000");
    /// ```
    pub fn into_options(self) -> Result<DynamicsOptions, OptionError> {
        let mut o = DynamicsOptions::default();
        set_checked(&mut o.bins, "bins", self.bins, |n| crate::check_bins(n).map(|()| n))?;
        Ok(o)
    }
}

/// Options of the corpus's term trends, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "TrendOptions", optional_fields))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonTrendOptions {
    /// Terms to follow; none (the default) for the most variable ones.
    pub terms: Option<Vec<String>>,
    /// How many of the most variable terms (default 10; 0 for all; at most 1000).
    pub top: Option<usize>,
}

/// Terms a corpus view lists at most.
pub const MAX_CORPUS_TERMS: usize = 1000;

fn check_terms(n: usize) -> Result<usize, String> {
    if n > MAX_CORPUS_TERMS {
        Err(format!("must be at most {MAX_CORPUS_TERMS}"))
    } else {
        Ok(n)
    }
}

impl JsonTrendOptions {
    /// ```
    /// use colloquy::json::JsonTrendOptions;
    /// let o: JsonTrendOptions = serde_json::from_str(r#"{"terms": ["tax"]}"#).unwrap();
    /// assert_eq!(o.into_options().unwrap().terms, ["tax"]);
    /// let e: JsonTrendOptions = serde_json::from_str(r#"{"top": 5000}"#).unwrap();
    /// assert_eq!(e.into_options().unwrap_err().to_string(), "top: must be at most 1000");
    /// ```
    pub fn into_options(self) -> Result<crate::TrendOptions, OptionError> {
        let mut o = crate::TrendOptions::default();
        set(&mut o.terms, self.terms);
        if o.terms.len() > MAX_CORPUS_TERMS {
            return Err(OptionError { key: "terms", reason: format!("at most {MAX_CORPUS_TERMS} terms") });
        }
        set_checked(&mut o.top, "top", self.top, check_terms)?;
        Ok(o)
    }
}

/// Options of the keyness between two groups of a corpus's documents, as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "GroupKeynessOptions"))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonGroupKeynessOptions {
    pub a: JsonDocumentSet,
    pub b: JsonDocumentSet,
    /// Terms in each list (default 25; 0 for all; at most 1000).
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub limit: Option<usize>,
}

impl JsonGroupKeynessOptions {
    /// ```
    /// use colloquy::json::JsonGroupKeynessOptions;
    /// let o: JsonGroupKeynessOptions = serde_json::from_str(r#"{"a": {"group": "2024"}, "b": {"rest": true}}"#).unwrap();
    /// assert_eq!(o.into_options().unwrap().limit, 25);
    /// assert!(serde_json::from_str::<JsonGroupKeynessOptions>(r#"{"a": {"grup": "x"}, "b": {"rest": true}}"#).is_err());
    /// ```
    pub fn into_options(self) -> Result<crate::GroupKeynessOptions, OptionError> {
        let mut limit = crate::KEYNESS_TERMS;
        set_checked(&mut limit, "limit", self.limit, check_terms)?;
        Ok(crate::GroupKeynessOptions { a: self.a.into_set("a")?, b: self.b.into_set("b")?, limit })
    }
}

/// A set of a corpus's documents, as JSON: exactly one of `documents` (indices), `group`,
/// a date range (`from`, `to`, or both, as `YYYY-MM-DD`), or `rest: true` (every
/// document not in the other set).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "DocumentSet", optional_fields))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonDocumentSet {
    pub documents: Option<Vec<u32>>,
    pub group: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub rest: Option<bool>,
}

impl JsonDocumentSet {
    /// The set, or why it is not one (`key`: the option holding it).
    ///
    /// ```
    /// use colloquy::{json::JsonDocumentSet, DocumentSet};
    /// let set: JsonDocumentSet = serde_json::from_str(r#"{"from": "2024-01-01"}"#).unwrap();
    /// assert_eq!(set.into_set("a").unwrap(), DocumentSet::Dates { from: Some("2024-01-01".into()), to: None });
    /// let both: JsonDocumentSet = serde_json::from_str(r#"{"group": "x", "rest": true}"#).unwrap();
    /// assert_eq!(both.into_set("b").unwrap_err().to_string(), "b: give one of documents, group, from/to or rest");
    /// ```
    pub fn into_set(self, key: &'static str) -> Result<crate::DocumentSet, OptionError> {
        use crate::DocumentSet;
        let dates = self.from.is_some() || self.to.is_some();
        let rest = self.rest == Some(true);
        let kinds = usize::from(self.documents.is_some())
            + usize::from(self.group.is_some())
            + usize::from(dates)
            + usize::from(rest);
        if kinds != 1 || self.rest == Some(false) {
            return Err(OptionError { key, reason: "give one of documents, group, from/to or rest".to_owned() });
        }
        Ok(match (self.documents, self.group) {
            (Some(documents), _) => DocumentSet::Documents { documents },
            (_, Some(group)) => DocumentSet::Group { group },
            _ if rest => DocumentSet::Rest,
            _ => DocumentSet::Dates { from: self.from, to: self.to },
        })
    }
}

/// Options of the corpus's document frequency, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(rename = "FrequencyOptions", optional_fields))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct JsonFrequencyOptions {
    /// Least number of documents (default 2; at least 1).
    pub min_documents: Option<usize>,
    /// Terms and phrases in each list (default 100; 0 for all).
    pub limit: Option<usize>,
}

impl JsonFrequencyOptions {
    /// ```
    /// use colloquy::json::JsonFrequencyOptions;
    /// let o = JsonFrequencyOptions { min_documents: Some(3), limit: None }.into_options().unwrap();
    /// assert_eq!((o.min_documents, o.limit), (3, 100));
    /// let e = JsonFrequencyOptions { min_documents: Some(0), limit: None }.into_options().unwrap_err();
    /// assert_eq!(e.to_string(), "minDocuments: must be at least 1");
    /// ```
    pub fn into_options(self) -> Result<crate::FrequencyOptions, OptionError> {
        let mut o = crate::FrequencyOptions::default();
        set_checked(&mut o.min_documents, "minDocuments", self.min_documents, |n| {
            if n == 0 {
                Err("must be at least 1".to_owned())
            } else {
                Ok(n)
            }
        })?;
        set(&mut o.limit, self.limit);
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(json: &str) -> Result<Options, String> {
        serde_json::from_str::<JsonOptions>(json).map_err(|e| e.to_string())?.into_options().map_err(|e| e.to_string())
    }

    #[test]
    fn absent_keys_keep_their_value() {
        assert_eq!(options("{}"), Ok(Options::default()));
        let mut base = Options::default();
        base.view.stem = true;
        base.parse.keep_furniture = true;
        let o = JsonOptions { top_terms: Some(3), ..JsonOptions::default() }.apply_to(base.clone());
        assert_eq!(o.as_ref().map(|o| (o.view.stem, o.parse.keep_furniture, o.view.top_terms)), Ok((true, true, 3)));
    }

    #[test]
    fn present_keys_are_set() {
        let o = options(
            r#"{"format": "vtt", "aliases": {"A": "B"}, "splitHyphens": true, "stopwords": ["x"],
                "extraStopwords": ["y"], "ngramMin": 3, "ngramMax": 4, "minCount": 5, "stem": true,
                "labelPattern": "^(\\w+):", "splitJointSpeakers": true}"#,
        )
        .unwrap_or_default();
        assert_eq!(o.parse.format, Format::Vtt);
        assert_eq!(o.parse.aliases, [Alias { from: "A".to_owned(), to: "B".to_owned() }]);
        assert_eq!(o.parse.label_pattern.as_deref(), Some(r"^(\w+):"));
        assert!(o.tokenize.split_hyphens && o.view.stem && o.parse.split_joint_speakers);
        assert_eq!(o.view.stopwords, Stopwords::Custom(vec!["x".to_owned()]));
        assert_eq!(o.view.extra_stopwords, ["y"]);
        assert_eq!((o.view.ngram_min, o.view.ngram_max, o.view.min_count), (3, 4, 5));
    }

    #[test]
    fn errors_name_the_key() {
        let err = |json: &str| options(json).err().unwrap_or_default();
        assert!(err(r#"{"labelPattern": "("}"#).starts_with("labelPattern: not a valid regular expression"));
        assert!(err(r#"{"stopwords": "xx"}"#).starts_with("stopwords: \"xx\" is not auto, none"));
        assert_eq!(err(r#"{"minCount": 0}"#), "minCount: must be at least 1");
        assert!(err(r#"{"ngramMax": 9}"#).starts_with("ngramMax: "));
        assert!(err(r#"{"ngramMin": 1}"#).starts_with("ngramMin: "));
        assert!(err(r#"{"ngramMin": 5, "ngramMax": 3}"#).starts_with("ngramMax: the minimum (5)"));
        assert!(err(r#"{"unknown": 1}"#).contains("unknown field"));
        assert_eq!(err(r#"{"priorWeight": 0}"#), "priorWeight: must be a number above 0");
        assert_eq!(err(r#"{"priorWeight": -1.5}"#), "priorWeight: must be a number above 0");
    }

    #[test]
    fn comparison_keys_are_set() {
        let o = options(r#"{"against": ["TRUMP"], "leaveOut": ["HOLT"], "priorWeight": 0.5}"#).unwrap_or_default();
        let c = &o.view.comparison;
        assert_eq!(c.against, Reference::Speakers(vec!["TRUMP".to_owned()]));
        assert_eq!((c.leave_out.as_slice(), c.prior_weight), (&["HOLT".to_owned()][..], 0.5));
        let others = options(r#"{"against": []}"#).unwrap_or_default();
        assert_eq!(others.view.comparison.against, Reference::Others);
    }

    #[test]
    fn query_options_default_to_the_core_s() {
        assert_eq!(JsonKwicOptions::default().into_options(), KwicOptions::default());
        assert_eq!(JsonCollocationOptions::default().into_options(), Ok(CollocationOptions::default()));
        let zero = JsonCollocationOptions { window: Some(0), ..JsonCollocationOptions::default() };
        assert_eq!(zero.into_options(), Err(OptionError { key: "window", reason: "must be at least 1".to_owned() }));
        let bad =
            JsonCollocationOptions { stopwords: Some(JsonStopwords::Named("xx".to_owned())), ..Default::default() };
        assert!(bad.into_options().is_err_and(|e| e.key == "stopwords"));
    }

    #[test]
    fn query_options_take_extra_stopwords() {
        let json = r#"{"extraStopwords": ["minsk"], "minCount": 2}"#;
        let colloc: Result<JsonCollocationOptions, _> = serde_json::from_str(json);
        let colloc = colloc.map_err(|e| e.to_string()).and_then(|o| o.into_options().map_err(|e| e.to_string()));
        assert_eq!(colloc.map(|o| (o.extra_stopwords, o.min_count)), Ok((vec!["minsk".to_owned()], 2)));
        let spread: Result<JsonSpreadOptions, _> = serde_json::from_str(json);
        let spread = spread.map_err(|e| e.to_string()).and_then(|o| o.into_options().map_err(|e| e.to_string()));
        assert_eq!(spread.map(|o| (o.extra_stopwords, o.min_count)), Ok((vec!["minsk".to_owned()], 2)));
        let parts: Result<JsonSpreadOptions, _> = serde_json::from_str(r#"{"parts": 0}"#);
        assert_eq!(
            parts.ok().map(JsonSpreadOptions::into_options).and_then(Result::err),
            Some(OptionError { key: "parts", reason: "must be at least 1".to_owned() })
        );
    }
}
