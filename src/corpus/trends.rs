//! Term trends (Voyant's Trends): a term's relative frequency in each document.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::Corpus;

/// Which terms to follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendOptions {
    /// The terms to follow, as typed (case and apostrophes folded as the term view
    /// folds them); empty for the most variable ones.
    pub terms: Vec<String>,
    /// How many of the most variable terms, when `terms` is empty.
    pub top: usize,
}

impl Default for TrendOptions {
    fn default() -> Self {
        TrendOptions { terms: Vec::new(), top: 10 }
    }
}

/// Least count of a term that can be among the most variable.
pub const TREND_MIN_COUNT: u64 = 5;

/// Followed terms, one series each.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Trends {
    /// `picked` (the terms asked for) or `variable` (the most variable).
    pub terms: String,
    pub series: Vec<TermTrend>,
}

/// One term across the documents, in document order.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TermTrend {
    pub term: String,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub count: u64,
    /// Documents it occurs in.
    pub documents: usize,
    /// Its count in each document.
    #[cfg_attr(feature = "typescript", ts(type = "Array<number>"))]
    pub counts: Vec<u64>,
    /// Per 10,000 words of each document (0 in a document without words).
    pub per10k: Vec<f64>,
    /// Pearson's χ² of its counts against counts in proportion to the documents' words
    /// (k − 1 degrees of freedom): how far it is from spread evenly.
    pub chi2: f64,
    /// Gries' DP over the documents (0 even, towards 1 in one document).
    pub dp: f64,
}

impl Corpus {
    /// The terms asked for, or the `top` most variable terms: those used at least
    /// [`TREND_MIN_COUNT`] times whose χ² against an even spread (by the documents'
    /// words) is highest; ties by count, then term.
    ///
    /// ```
    /// use colloquy::{Corpus, DocumentMeta, TrendOptions};
    /// let mut c = Corpus::new(&Default::default(), Default::default());
    /// c.add(DocumentMeta::named("a"), "Al: tax tax tax tax tax budget.".into());
    /// c.add(DocumentMeta::named("b"), "Al: budget budget budget budget budget tax.".into());
    /// let t = c.trends(&TrendOptions { terms: vec!["Tax".into()], top: 0 });
    /// assert_eq!(t.series[0].counts, [5, 1]);
    /// assert_eq!(t.series[0].per10k[0], 5.0 * 10_000.0 / 6.0);
    /// ```
    pub fn trends(&self, options: &TrendOptions) -> Trends {
        if !options.terms.is_empty() {
            let series = options.terms.iter().map(|t| self.trend_of_typed(t)).collect();
            return Trends { terms: "picked".to_owned(), series };
        }
        // χ² of every term in one pass: with E_d = n·w_d/W, Σ (c_d − E_d)²/E_d =
        // (W/n)·Σ c_d²/w_d − n, over the documents that use it.
        let all: f64 = self.entries.iter().map(|e| e.row.words as f64).sum();
        let mut sums = vec![(0u64, 0.0f64); self.terms.strings.len()];
        for e in self.entries.iter().filter(|e| e.row.words > 0) {
            let w = e.row.words as f64;
            for &(id, c) in &e.terms {
                if let Some(s) = sums.get_mut(id as usize) {
                    s.0 += u64::from(c);
                    s.1 += f64::from(c) * f64::from(c) / w;
                }
            }
        }
        let mut ranked: Vec<(f64, u64, u32)> = sums
            .iter()
            .enumerate()
            .filter(|(_, s)| s.0 >= TREND_MIN_COUNT)
            .filter_map(|(id, &(n, sq))| Some((all / n as f64 * sq - n as f64, n, u32::try_from(id).ok()?)))
            .collect();
        crate::sort::top_k(&mut ranked, options.top, |a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| b.1.cmp(&a.1))
                .then_with(|| self.terms.string(a.2).cmp(self.terms.string(b.2)))
        });
        let mut scored: Vec<TermTrend> =
            ranked.iter().map(|&(_, _, id)| self.trend(id, self.terms.string(id))).collect();
        // The same order by the series' own χ² (computed as a sum of cells).
        crate::sort::top_k(&mut scored, 0, |a, b| {
            b.chi2.total_cmp(&a.chi2).then_with(|| b.count.cmp(&a.count)).then_with(|| a.term.cmp(&b.term))
        });
        Trends { terms: "variable".to_owned(), series: scored }
    }

    /// A typed term: as written, or folded to lower case, or none (zero everywhere).
    fn trend_of_typed(&self, typed: &str) -> TermTrend {
        let typed = typed.trim();
        let mut folded = String::new();
        crate::token::fold_word(typed, &mut folded);
        let id = self.terms.get(typed).or_else(|| self.terms.get(&folded));
        match id {
            Some(id) => self.trend(id, self.terms.string(id)),
            None => self.trend(u32::MAX, &folded),
        }
    }

    fn trend(&self, id: u32, term: &str) -> TermTrend {
        let counts: Vec<u64> = self
            .entries
            .iter()
            .map(|e| {
                e.terms
                    .binary_search_by_key(&id, |&(t, _)| t)
                    .ok()
                    .and_then(|i| e.terms.get(i))
                    .map_or(0, |&(_, n)| u64::from(n))
            })
            .collect();
        let words: Vec<f64> = self.entries.iter().map(|e| e.row.words as f64).collect();
        let per10k =
            counts.iter().zip(&words).map(|(&c, &w)| if w > 0.0 { c as f64 * 10_000.0 / w } else { 0.0 }).collect();
        let count: u64 = counts.iter().sum();
        let all: f64 = words.iter().sum();
        let (mut chi2, mut dp) = (0.0, 0.0);
        if count > 0 && all > 0.0 {
            for (&c, &w) in counts.iter().zip(&words) {
                let expected = count as f64 * w / all;
                if expected > 0.0 {
                    chi2 += (c as f64 - expected).powi(2) / expected;
                }
                dp += (c as f64 / count as f64 - w / all).abs();
            }
            dp /= 2.0;
        }
        TermTrend {
            term: term.to_owned(),
            count,
            documents: counts.iter().filter(|&&c| c > 0).count(),
            counts,
            per10k,
            chi2,
            dp,
        }
    }
}
