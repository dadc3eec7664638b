//! The most and least evenly spread terms: every term's DP (see [`super::dispersion`]),
//! sorted both ways.

use crate::query::dispersion::gries_dp;
use crate::{DispersionParts, Document, Stopwords, TokenKind};

/// Options of [`Document::spread`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpreadOptions {
    /// Terms seen fewer times are left out (DP says little about rare words).
    pub min_count: usize,
    /// The parts DP compares.
    pub parts: DispersionParts,
    /// How many terms each list holds; 0 means all.
    pub limit: usize,
    /// The stopwords left out (numbers are always left out, as in the term view).
    pub stopwords: Stopwords,
    /// Added to the stopwords in force, as [`crate::ViewOptions::extra_stopwords`].
    pub extra_stopwords: Vec<String>,
}

impl Default for SpreadOptions {
    fn default() -> Self {
        SpreadOptions {
            min_count: 5,
            parts: DispersionParts::default(),
            limit: 10,
            stopwords: Stopwords::Auto,
            extra_stopwords: Vec::new(),
        }
    }
}

/// A term's DP, for the most and least evenly spread lists.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TermSpread {
    pub term: String,
    pub count: usize,
    pub dp: f64,
}

/// The terms spread most and least evenly across the transcript.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Spread {
    /// Lowest DP first.
    pub even: Vec<TermSpread>,
    /// Highest DP first.
    pub uneven: Vec<TermSpread>,
}

impl Document {
    /// DP of every term seen at least `min_count` times (stopwords and numbers left
    /// out, as in the term view), over `parts`; the `limit` most and least even.
    ///
    /// ```
    /// use colloquy::{DispersionParts, Document, SpreadOptions};
    /// let doc = Document::new("A: tea tea milk\nB: tea milk milk".into(), &Default::default());
    /// let options = SpreadOptions { min_count: 1, parts: DispersionParts::Speakers, ..Default::default() };
    /// let s = doc.spread(&options);
    /// assert_eq!(s.even[0].term, "milk"); // ties with tea at DP ⅓, and sorts first
    /// assert!((s.even[0].dp - 1.0 / 3.0).abs() < 1e-9);
    /// let without = SpreadOptions { extra_stopwords: vec!["Milk".into()], ..options };
    /// assert!(doc.spread(&without).even.iter().all(|t| t.term != "milk"));
    /// ```
    pub fn spread(&self, options: &SpreadOptions) -> Spread {
        let toks = self.tokens();
        let stop = self.stopword_ids(&options.stopwords, &options.extra_stopwords);
        let (n_parts, part_of) = self.part_layout(options.parts);
        let vocab = toks.vocab.len();
        let mut counts = vec![0usize; vocab * n_parts];
        let mut sizes = vec![0usize; n_parts];
        for (t, &p) in toks.tokens.iter().zip(&part_of) {
            if let Some(c) = counts.get_mut(t.id as usize * n_parts + p) {
                *c += 1;
            }
            if let Some(s) = sizes.get_mut(p) {
                *s += 1;
            }
        }
        let mut scored: Vec<TermSpread> = (0..vocab)
            .filter_map(|id| {
                let id32 = u32::try_from(id).ok()?;
                if stop.contains(&id32) || toks.vocab.kind(id32) != TokenKind::Word {
                    return None;
                }
                let v = counts.get(id * n_parts..(id + 1) * n_parts)?;
                let count: usize = v.iter().sum();
                if count < options.min_count.max(1) {
                    return None;
                }
                Some(TermSpread { term: toks.vocab.string(id32).to_owned(), count, dp: gries_dp(v, &sizes)? })
            })
            .collect();
        let by_dp = |uneven: bool| {
            move |a: &TermSpread, b: &TermSpread| {
                let dp = if uneven { b.dp.total_cmp(&a.dp) } else { a.dp.total_cmp(&b.dp) };
                dp.then(b.count.cmp(&a.count)).then_with(|| a.term.cmp(&b.term))
            }
        };
        let k = if options.limit > 0 { options.limit } else { usize::MAX };
        crate::sort::sort_by(&mut scored, by_dp(false));
        let even = scored.iter().take(k).cloned().collect();
        crate::sort::sort_by(&mut scored, by_dp(true));
        let uneven = scored.into_iter().take(k).collect();
        Spread { even, uneven }
    }
}
