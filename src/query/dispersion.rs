//! Dispersion: where a term occurs across the transcript, and how evenly (Gries' DP).

use crate::query::kwic::KwicOptions;
use crate::Document;

/// What the corpus parts are, for DP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DispersionParts {
    /// Each speaker's speech is a part.
    Speakers,
    /// The token sequence cut into this many equal parts.
    Equal(usize),
}

impl Default for DispersionParts {
    fn default() -> Self {
        DispersionParts::Equal(10)
    }
}

/// A term's occurrences across the transcript.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Dispersion {
    /// The query, as given.
    pub term: String,
    pub count: usize,
    /// Token index of each occurrence (out of `tokens`).
    pub positions: Vec<usize>,
    /// The speaker of each occurrence.
    pub speakers: Vec<String>,
    /// Text offset of each occurrence.
    pub starts: Vec<usize>,
    /// Tokens in the transcript.
    pub tokens: usize,
    /// Gries' deviation of proportions, normalised to 0 (perfectly even) … 1 (all in
    /// the smallest part): DP = ½·Σ|vᵢ − sᵢ|, DPnorm = DP / (1 − min sᵢ). `None` if
    /// the term does not occur.
    pub dp: Option<f64>,
}

impl Document {
    /// The dispersion of each of `terms` (terms, phrases or `*` patterns).
    ///
    /// ```
    /// use colloquy::{DispersionParts, Document};
    /// let doc = Document::new("A: x y x y\nB: y y y y".into(), &Default::default());
    /// let d = doc.dispersion(&["x"], DispersionParts::Speakers);
    /// assert_eq!(d[0].positions, [0, 2]);
    /// assert!((d[0].dp.unwrap() - 1.0).abs() < 1e-9); // all in one of two equal parts
    /// ```
    pub fn dispersion(&self, terms: &[&str], parts: DispersionParts) -> Vec<Dispersion> {
        let toks = self.tokens();
        let total = toks.tokens.len();
        let (n_parts, part) = self.part_layout(parts);
        let mut sizes = vec![0usize; n_parts];
        for &p in &part {
            if let Some(s) = sizes.get_mut(p) {
                *s += 1;
            }
        }
        let part_of = |i: usize| part.get(i).copied().unwrap_or(0);
        let options = KwicOptions { width: 0, ..KwicOptions::default() };
        terms
            .iter()
            .map(|term| {
                let hits = self.kwic(term, &options);
                let mut in_part = vec![0usize; sizes.len()];
                for h in &hits {
                    if let Some(c) = in_part.get_mut(part_of(h.token)) {
                        *c += 1;
                    }
                }
                Dispersion {
                    term: (*term).to_owned(),
                    count: hits.len(),
                    positions: hits.iter().map(|h| h.token).collect(),
                    speakers: hits.iter().map(|h| h.speaker.clone()).collect(),
                    starts: hits.iter().map(|h| h.start).collect(),
                    tokens: total,
                    dp: gries_dp(&in_part, &sizes),
                }
            })
            .collect()
    }
}

impl Document {
    /// The number of parts and the part of every token.
    pub(super) fn part_layout(&self, parts: DispersionParts) -> (usize, Vec<usize>) {
        let toks = self.tokens();
        let total = toks.tokens.len();
        match parts {
            DispersionParts::Speakers => {
                let transcript = self.transcript();
                let mut part_of = vec![0usize; total];
                for (turn, range) in transcript.turns.iter().zip(&toks.turns) {
                    for slot in part_of.get_mut(range.clone()).into_iter().flatten() {
                        *slot = turn.speaker;
                    }
                }
                (transcript.speakers.len().max(1), part_of)
            }
            DispersionParts::Equal(n) => {
                let n = n.clamp(1, total.max(1));
                (n, (0..total).map(|i| (i * n).checked_div(total).unwrap_or(0)).collect())
            }
        }
    }
}

/// Normalised DP for occurrence counts `v` in parts of sizes `s` (Gries 2008;
/// normalisation of Lijffijt & Gries 2012). Empty parts are ignored.
pub(super) fn gries_dp(v: &[usize], s: &[usize]) -> Option<f64> {
    let count: usize = v.iter().sum();
    let size: usize = s.iter().sum();
    if count == 0 || size == 0 {
        return None;
    }
    let mut dp = 0.0;
    let mut min_s = f64::INFINITY;
    for (&vi, &si) in v.iter().zip(s) {
        if si == 0 {
            continue;
        }
        let s_share = si as f64 / size as f64;
        min_s = min_s.min(s_share);
        dp += (vi as f64 / count as f64 - s_share).abs();
    }
    dp *= 0.5;
    let norm = 1.0 - min_s;
    Some(if norm > 0.0 { dp / norm } else { 0.0 })
}

#[cfg(test)]
mod tests {
    use super::gries_dp;

    /// Gries (2008, section 3): a corpus of five parts of sizes 9, 10, 10, 10, 11 (of
    /// 50 words) with a word occurring 1, 2, 3, 4, 5 times (15 in all).
    /// s = .18 .2 .2 .2 .22; v = 1/15 2/15 3/15 4/15 5/15
    /// |v−s| = .11333 .06667 0 .06667 .11333 → sum .36, DP = .18.
    /// DPnorm = .18 / (1 − .18) = .219512…
    #[test]
    fn gries_2008_worked_example() {
        let dp = gries_dp(&[1, 2, 3, 4, 5], &[9, 10, 10, 10, 11]).unwrap_or(f64::NAN);
        assert!((dp - 0.18 / 0.82).abs() < 1e-9, "{dp}");
    }

    #[test]
    fn even_and_uneven() {
        assert_eq!(gries_dp(&[2, 2], &[10, 10]), Some(0.0));
        assert_eq!(gries_dp(&[4, 0], &[10, 10]), Some(1.0));
        assert_eq!(gries_dp(&[0, 0], &[10, 10]), None);
    }
}
