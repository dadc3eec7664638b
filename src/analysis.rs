//! The analysis entry point and its result.

use std::collections::HashMap;

use crate::tokenize::for_each_word;

/// What to compute. Every field has a sensible default.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(default, rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Options {
    /// How many terms to report; 0 means all.
    pub top: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { top: 50 }
    }
}

/// Totals over the whole text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Summary {
    /// Word tokens.
    pub tokens: usize,
    /// Distinct word types.
    pub types: usize,
}

/// One term and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Term {
    pub term: String,
    pub count: usize,
}

/// Everything computed from one text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Analysis {
    pub summary: Summary,
    /// Sorted by count descending, then term ascending.
    pub terms: Vec<Term>,
}

/// Analyses `text`. Never fails.
pub fn analyse(text: &str, options: &Options) -> Analysis {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut tokens = 0;
    for_each_word(text, |w| {
        tokens += 1;
        *counts.entry(w.to_owned()).or_default() += 1;
    });
    let types = counts.len();
    let mut terms: Vec<Term> = counts
        .into_iter()
        .map(|(term, count)| Term { term, count })
        .collect();
    terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    if options.top > 0 {
        terms.truncate(options.top);
    }
    Analysis {
        summary: Summary { tokens, types },
        terms,
    }
}
