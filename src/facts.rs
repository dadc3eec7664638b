//! Facts about the core that its fronts show or check against: which languages have a
//! stopword list and a stemmer, how long a phrase may be, what the text before the
//! first label is called. The page and the npm package read them from here instead of
//! keeping copies.

use crate::{stopword_languages, DEFAULT_PRIOR_WEIGHT, MAX_NGRAM, MIN_NGRAM, STEMMER_LANGUAGES, UNATTRIBUTED};

/// The core's facts, as `facts()` in the npm package gives them.
///
/// ```
/// let f = colloquy::Facts::get();
/// assert!(f.stopword_languages.contains(&"en"));
/// assert_eq!(f.max_ngram, colloquy::MAX_NGRAM);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Facts {
    /// ISO 639-1 codes (and `hinglish`) with a stopword list, sorted.
    pub stopword_languages: Vec<&'static str>,
    /// Codes with a Snowball stemmer.
    pub stemmer_languages: Vec<&'static str>,
    /// The shortest and longest phrase, in words.
    pub min_ngram: usize,
    pub max_ngram: usize,
    /// The name of the pseudo-speaker of text before the first label.
    pub unattributed: &'static str,
    /// The Fightin' Words prior's weight when none is given (`priorWeight`).
    pub default_prior_weight: f64,
}

impl Facts {
    pub fn get() -> Facts {
        Facts {
            stopword_languages: stopword_languages().to_vec(),
            stemmer_languages: STEMMER_LANGUAGES.to_vec(),
            min_ngram: MIN_NGRAM,
            max_ngram: MAX_NGRAM,
            unattributed: UNATTRIBUTED,
            default_prior_weight: DEFAULT_PRIOR_WEIGHT,
        }
    }
}
