//! Distinctive and avoided words: for each speaker, the words they use more (and less)
//! than their reference (everyone else, by default; see [`crate::Comparison`]), by Fightin' Words z, with G² and Log Ratio beside it (see
//! [`crate::stats::keyness`] and [`super::Distinctive`]).
//!
//! A speaker's distinctive words are among the words they used; their avoided words are
//! among the words they used and the most frequent words they never used (see
//! [`Counts::unused`]), so no speaker is scored against the whole vocabulary.

use std::cmp::Ordering;

use super::{Distinctive, SpeakerStats};
use crate::counts::Counts;
use crate::sort::top_k;
use crate::stats::keyness::{fightin_words, g2, log_ratio, prior, G2_CRITICAL, Z_CRITICAL};
use crate::{Comparison, Diagnostic};

/// Only the speakers with most words are scored.
const SPEAKERS: usize = 50;
/// Words in each list (distinctive, avoided).
const TERMS: usize = 15;
/// The most frequent words, among which a speaker's avoided unused words are looked for.
const AVOIDED_POOL: usize = 1000;
/// Scores of words with a total under this are computed once per `(own, total)` pair.
const MEMO: usize = 32;

/// A word scored for one speaker: `(z, δ, id, own count, the reference's count)`.
type Scored = (f64, f64, u32, usize, usize);

/// One speaker's comparison: their tokens (`n_i`), the reference's (`n_j`), and the
/// prior's weight (a share of `n_i + n_j`).
#[derive(Clone, Copy)]
struct Sizes {
    n_i: f64,
    n_j: f64,
    weight: f64,
}

impl Counts {
    /// Fightin' Words for each speaker against their reference (for the [`SPEAKERS`]
    /// speakers not left out with most words; see [`super::comparison::Pool`] for the references): the
    /// [`TERMS`] most distinctive and most avoided words in the term view (`in_view`).
    /// Nothing when fewer than two speakers have words.
    pub(super) fn add_distinctive(
        &self,
        speakers: &mut [SpeakerStats],
        entries: &[usize],
        in_view: &[bool],
        comparison: &Comparison,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let pool = self.pool(comparison, diagnostics);
        if speakers.iter().filter(|s| s.words > 0).count() < 2 {
            return;
        }
        // The pool's count of every id, and its words.
        let mut pool_count = vec![0usize; self.term_counts.len()];
        let mut pool_words = 0usize;
        for (stats, &e) in speakers.iter().zip(entries) {
            if !pool.in_pool.get(e).copied().unwrap_or(false) {
                continue;
            }
            pool_words += stats.words;
            for &(id, n) in self.speaker_terms.get(e).map_or(&[][..], Vec::as_slice) {
                if let Some(c) = pool_count.get_mut(id as usize) {
                    *c += n as usize;
                }
            }
        }
        let frequent = self.most_frequent(in_view, &pool_count);
        // The speaker's count of every id, zero between speakers.
        let mut own_count = vec![0u32; self.term_counts.len()];
        let mut memo = vec![(f64::NAN, f64::NAN); MEMO * MEMO];
        let scored_speakers = speakers
            .iter_mut()
            .zip(entries)
            .filter(|(_, &e)| !pool.left_out.get(e).copied().unwrap_or(true))
            .take(SPEAKERS);
        for (stats, &e) in scored_speakers {
            let Some(own) = self.speaker_terms.get(e) else { continue };
            let in_pool = pool.in_pool.get(e).copied().unwrap_or(false);
            let n_j = if in_pool { pool_words.saturating_sub(stats.words) } else { pool_words };
            let sizes = Sizes { n_i: stats.words as f64, n_j: n_j as f64, weight: comparison.prior_weight };
            if sizes.n_i == 0.0 || sizes.n_j == 0.0 {
                continue;
            }
            for &(id, n) in own {
                if let Some(c) = own_count.get_mut(id as usize) {
                    *c = n;
                }
            }
            let unused = self.unused(&frequent, &own_count, &pool_count);
            let viewed = |id: u32| in_view.get(id as usize).copied().unwrap_or(false);
            let ids = own.iter().map(|&(id, _)| id).filter(|&id| viewed(id)).chain(unused);
            memo.fill((f64::NAN, f64::NAN));
            // The word's count in the compared words: the pool's, and the speaker's
            // when they are not in it.
            let compared = |id: u32, y_i: usize| {
                let pooled = pool_count.get(id as usize).copied().unwrap_or(0);
                if in_pool {
                    pooled
                } else {
                    pooled + y_i
                }
            };
            let scored: Vec<Scored> = ids.map(|id| self.score(id, &own_count, &compared, sizes, &mut memo)).collect();
            for &(id, _) in own {
                if let Some(c) = own_count.get_mut(id as usize) {
                    *c = 0;
                }
            }
            let (distinctive, avoided) = self.extremes(scored);
            stats.distinctive = distinctive.iter().map(|s| self.describe(s, sizes)).collect();
            stats.avoided = avoided.iter().map(|s| self.describe(s, sizes)).collect();
        }
    }

    /// The [`AVOIDED_POOL`] most frequent words of the term view in the pool (`pool`:
    /// the pool's count of every id; ties at the last count by id), by count
    /// descending, then by id.
    fn most_frequent(&self, in_view: &[bool], pool: &[usize]) -> Vec<u32> {
        let viewed = |id: u32| in_view.get(id as usize).copied().unwrap_or(false);
        let total = |id: u32| pool.get(id as usize).copied().unwrap_or(0);
        let mut frequent: Vec<u32> =
            (0..pool.len()).filter_map(|i| u32::try_from(i).ok()).filter(|&id| total(id) > 0 && viewed(id)).collect();
        // Their order does not matter here: the scores are ordered by a total order.
        let total32 = |id: u32| u32::try_from(total(id)).unwrap_or(u32::MAX);
        if frequent.len() > AVOIDED_POOL {
            let totals: Vec<u32> = frequent.iter().map(|&id| total32(id)).collect();
            if let Some(threshold) = crate::sort::kth_largest(&totals, AVOIDED_POOL) {
                let mut at_threshold = AVOIDED_POOL - frequent.iter().filter(|&&id| total32(id) > threshold).count();
                frequent.retain(|&id| match total32(id).cmp(&threshold) {
                    Ordering::Greater => true,
                    Ordering::Equal if at_threshold > 0 => {
                        at_threshold -= 1;
                        true
                    }
                    _ => false,
                });
            }
        }
        // By total, descending, then by id (one integer sort of `u64` keys).
        let mut keyed: Vec<u64> =
            frequent.iter().map(|&id| u64::from(u32::MAX - total32(id)) << 32 | u64::from(id)).collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|k| k as u32).collect()
    }

    /// The words of `frequent` (by pool count, descending) that the speaker never used
    /// and that can be among their most avoided: the first [`TERMS`], and any tied with
    /// the last of them.
    ///
    /// An unused word's count in the compared words is its reference count t = y_j (the
    /// pool's), so with c = the prior weight, a_w = c·t and a_0 = c·N (N = n_i + n_j):
    /// δ = ln(c / (1 + c)) + ln((n_j + a_0 − (1 + c)t) / (n_i + a_0 − c·t)) falls as t
    /// grows (the numerator falls, the denominator grows); as t → 0 it tends to
    /// ln(a_0 (n_j + a_0) / ((N + a_0)(n_i + a_0))), negative since a_0 n_j < N n_i +
    /// a_0 N + a_0 n_i; and σ⁻¹ = √t / √(1/c + 1/(1 + c)) grows. So z, negative, falls
    /// strictly with t: the most avoided unused words are the pool's most frequent.
    fn unused(&self, frequent: &[u32], own_count: &[u32], pool: &[usize]) -> Vec<u32> {
        let total = |id: u32| pool.get(id as usize).copied().unwrap_or(0);
        let mut unused: Vec<u32> = Vec::with_capacity(TERMS + 1);
        for &id in frequent.iter().filter(|&&id| own_count.get(id as usize).is_none_or(|&n| n == 0)) {
            if unused.len() >= TERMS && unused.last().is_some_and(|&last| total(last) != total(id)) {
                break;
            }
            unused.push(id);
        }
        unused
    }

    /// The word's z and δ for the speaker (`compared(id, y_i)`: its count in the
    /// compared words). Most words are rare, so most share a few `(own, total)` pairs:
    /// those of totals under [`MEMO`] are computed once per speaker (`memo` holds
    /// them, NaN where not yet computed).
    fn score(
        &self,
        id: u32,
        own_count: &[u32],
        compared: &dyn Fn(u32, usize) -> usize,
        sizes: Sizes,
        memo: &mut [(f64, f64)],
    ) -> Scored {
        let y_i = own_count.get(id as usize).copied().unwrap_or(0) as usize;
        let total = compared(id, y_i);
        let y_j = total.saturating_sub(y_i);
        let score = || {
            let (a_w, a_0) = prior(total as f64, sizes.n_i + sizes.n_j, sizes.weight);
            fightin_words(y_i as f64, sizes.n_i, y_j as f64, sizes.n_j, a_w, a_0)
        };
        let (delta, z) = match memo.get_mut(y_i * MEMO + total) {
            Some(slot) if total < MEMO => {
                if slot.0.is_nan() {
                    *slot = score();
                }
                *slot
            }
            _ => score(),
        };
        (z, delta, id, y_i, y_j)
    }

    /// The [`TERMS`] words of highest positive z (descending) and of lowest negative z
    /// (ascending: most avoided first); ties by term, as in every list.
    fn extremes(&self, mut scored: Vec<Scored>) -> (Vec<Scored>, Vec<Scored>) {
        let term = |id: u32| self.vocab.string(id);
        let mut top: Vec<Scored> = scored.iter().filter(|x| x.0 > 0.0).copied().collect();
        top_k(&mut top, TERMS, |a, b| b.0.total_cmp(&a.0).then_with(|| term(a.2).cmp(term(b.2))));
        scored.retain(|x| x.0 < 0.0);
        top_k(&mut scored, TERMS, |a, b| a.0.total_cmp(&b.0).then_with(|| term(a.2).cmp(term(b.2))));
        (top, scored)
    }

    /// A reported word: its string and every measure.
    fn describe(&self, &(z, delta, id, y_i, y_j): &Scored, Sizes { n_i, n_j, .. }: Sizes) -> Distinctive {
        let g = g2(y_i as f64, y_j as f64, n_i - y_i as f64, n_j - y_j as f64);
        Distinctive {
            term: self.vocab.string(id).to_owned(),
            count: y_i,
            other_count: y_j,
            delta,
            z,
            // Signed by the direction of the relative frequencies (LR's 0.5 for a zero
            // count can flip its sign when the other side is small).
            g2: if (y_i as f64) * n_j < (y_j as f64) * n_i { -g } else { g },
            log_ratio: log_ratio(y_i as f64, n_i, y_j as f64, n_j),
            z_significant: z.abs() > Z_CRITICAL,
            g2_significant: g > G2_CRITICAL,
        }
    }
}
