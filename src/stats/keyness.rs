//! Keyness of a word for one speaker against all the others.

/// Fightin' Words (Monroe, Colaresi & Quinn 2008): the weighted log-odds ratio with an
/// informative Dirichlet prior.
///
/// With `y_i` = the word's count in the speaker's speech (of `n_i` tokens), `y_j` = its
/// count in everyone else's (of `n_j`), and prior pseudo-counts `a_w` for the word out
/// of `a_0` in all:
///
/// ```text
/// δ = ln((y_i + a_w) / (n_i + a_0 − y_i − a_w)) − ln((y_j + a_w) / (n_j + a_0 − y_j − a_w))
/// σ² ≈ 1/(y_i + a_w) + 1/(y_j + a_w)
/// z = δ / √σ²
/// ```
///
/// colloquy's prior (Monroe et al.'s informative prior, their section 3.5) is the
/// compared words themselves scaled to a total `a_0`: `a_w = a_0 · (y_i + y_j) / (n_i +
/// n_j)`, with `a_0` a share of the compared words ([`crate::Comparison::prior_weight`],
/// 0.1 by default). See [`prior`].
///
/// Returns `(δ, z)`.
pub fn fightin_words(y_i: f64, n_i: f64, y_j: f64, n_j: f64, a_w: f64, a_0: f64) -> (f64, f64) {
    let odds = |y: f64, n: f64| (y + a_w) / (n + a_0 - y - a_w);
    // One logarithm of the ratio, not a difference of two: the same δ, at half the cost.
    let delta = (odds(y_i, n_i) / odds(y_j, n_j)).ln();
    let variance = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w);
    (delta, delta / variance.sqrt())
}

/// The informative prior's pseudo-count for a word: its share of the compared words
/// (`total` of `words`) scaled to the prior's total `a_0` = `weight · words`; so
/// `a_w = weight · total`. Returns `(a_w, a_0)`.
///
/// ```
/// let (a_w, a_0) = colloquy::stats::keyness::prior(10.0, 2000.0, 0.1);
/// assert!((a_w - 1.0).abs() < 1e-12 && (a_0 - 200.0).abs() < 1e-12);
/// ```
pub fn prior(total: f64, words: f64, weight: f64) -> (f64, f64) {
    (weight * total, weight * words)
}

/// |z| above this: the difference is significant at p < 0.05 (two-sided, the normal
/// distribution's 97.5th percentile).
pub const Z_CRITICAL: f64 = 1.959964;

/// G² above this: significant at p < 0.05 (χ² with one degree of freedom).
pub const G2_CRITICAL: f64 = 3.841459;

/// Log-likelihood G², the four-term form over the 2×2 table
/// `[[a, b], [c, d]]` = `[[word in X, word in Y], [other words in X, other words in Y]]`:
///
/// ```text
/// G² = 2 Σ O·ln(O/E) over the four cells, E = row total × column total / N
/// ```
///
/// Cells with O = 0 add nothing.
pub fn g2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let n = a + b + c + d;
    if n <= 0.0 {
        return 0.0;
    }
    let cell = |o: f64, row: f64, col: f64| {
        let e = row * col / n;
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    2.0 * (cell(a, a + b, a + c) + cell(b, a + b, b + d) + cell(c, c + d, a + c) + cell(d, c + d, b + d))
}

/// Log Ratio (Hardie 2014): the binary log of the ratio of relative frequencies,
/// `log2((a / n_x) / (b / n_y))`, with 0.5 for a zero count so it stays finite.
pub fn log_ratio(a: f64, n_x: f64, b: f64, n_y: f64) -> f64 {
    let a = if a == 0.0 { 0.5 } else { a };
    let b = if b == 0.0 { 0.5 } else { b };
    ((a / n_x) / (b / n_y)).log2()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    /// Two speakers: A says "tax" 10 times in 100 tokens, B 2 times in 100.
    /// The prior is the whole transcript: a_w = 12, a_0 = 200.
    /// A: (10+12)/(100+200−10−12) = 22/278; B: (2+12)/(100+200−2−12) = 14/286
    /// δ = ln(22/278) − ln(14/286) = ln(0.0791367) − ln(0.0489510) = −2.536621 + 3.016977 = 0.480356
    /// σ² = 1/22 + 1/14 = 0.0454545 + 0.0714286 = 0.1168831; z = 0.480356 / 0.341882 = 1.405035
    #[test]
    fn fightin_words_by_hand() {
        let (delta, z) = fightin_words(10.0, 100.0, 2.0, 100.0, 12.0, 200.0);
        let expect_delta = (22.0f64 / 278.0).ln() - (14.0f64 / 286.0).ln();
        assert!(close(delta, expect_delta), "{delta}");
        assert!((delta - 0.480356).abs() < 1e-6, "{delta}");
        assert!(close(z, expect_delta / (1.0f64 / 22.0 + 1.0 / 14.0).sqrt()), "{z}");
        assert!((z - 1.405035).abs() < 1e-6, "{z}");
        // Symmetric: B against A is the mirror image.
        let (d2, z2) = fightin_words(2.0, 100.0, 10.0, 100.0, 12.0, 200.0);
        assert!(close(d2, -delta) && close(z2, -z));
    }

    /// The 2×2 table [[10, 2], [90, 98]], N = 200. Row totals 12, 188; column totals
    /// 100, 100. E = 6, 6, 94, 94.
    /// G² = 2(10 ln(10/6) + 2 ln(2/6) + 90 ln(90/94) + 98 ln(98/94))
    ///    = 2(5.108256 − 2.197225 − 3.913660 + 4.083924) = 2 × 3.081296 = 6.162592
    #[test]
    fn g2_by_hand() {
        let g = g2(10.0, 2.0, 90.0, 98.0);
        assert!((g - 6.162592).abs() < 1e-6, "{g}");
        assert_eq!(g2(0.0, 0.0, 0.0, 0.0), 0.0);
    }

    /// 10 of 1,000 words against 0 of 1,000, with the default prior (weight 0.1):
    /// a_0 = 0.1 × 2000 = 200, a_w = 0.1 × 10 = 1.
    /// A: (10+1)/(1000+200−10−1) = 11/1189; B: (0+1)/(1000+200−0−1) = 1/1199
    /// δ = ln(11/1189) − ln(1/1199) = −4.682973 + 7.089243 = 2.406271
    /// σ² = 1/11 + 1/1 = 1.090909; z = 2.406271 / 1.044466 = 2.303829 > 1.96
    /// G² over [[10, 0], [990, 1000]]: E = 5, 5, 995, 995;
    /// 2(10 ln 2 + 990 ln(990/995) + 1000 ln(1000/995)) = 2(6.931472 − 4.987416 + 5.012542) = 13.913195 > 3.84
    #[test]
    fn ten_against_none_is_significant_by_both() {
        let (a_w, a_0) = prior(10.0, 2000.0, 0.1);
        let (delta, z) = fightin_words(10.0, 1000.0, 0.0, 1000.0, a_w, a_0);
        assert!((delta - 2.406271).abs() < 1e-6, "{delta}");
        assert!((z - 2.303829).abs() < 1e-6, "{z}");
        assert!(z > Z_CRITICAL);
        let g = g2(10.0, 0.0, 990.0, 1000.0);
        assert!((g - 13.913195).abs() < 1e-6, "{g}");
        assert!(g > G2_CRITICAL);
        // The old prior (the compared words unscaled, a_0 = N) was not: z = 1.80.
        let (_, old) = fightin_words(10.0, 1000.0, 0.0, 1000.0, 10.0, 2000.0);
        assert!(old < Z_CRITICAL, "{old}");
    }

    /// 10 per 100 against 2 per 100: log2(5) = 2.321928; a zero count becomes 0.5.
    #[test]
    fn log_ratio_by_hand() {
        assert!(close(log_ratio(10.0, 100.0, 2.0, 100.0), 5f64.log2()));
        assert!(close(log_ratio(4.0, 100.0, 0.0, 100.0), 3.0));
    }
}
