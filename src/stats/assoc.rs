//! Association measures between a node word and a collocate.
//!
//! With `o` = co-occurrences, `f_n` and `f_c` the node's and collocate's frequencies,
//! `n` the corpus size in tokens and `span` the number of window positions around each
//! node occurrence (2k for a ±k window; 1 for adjacent bigrams), the expected
//! co-occurrence by chance is `e = f_n · f_c · span / n`, and:
//!
//! ```text
//! MI      = log2(o / e)
//! t-score = (o − e) / √o
//! logDice = 14 + log2(2·o / (f_n + f_c))
//! G²      = four-term log-likelihood of [[o, f_n·span − o], [f_c − o, n − f_n·span − f_c + o]]
//! ```

use crate::stats::keyness::g2;

/// The four measures for one node–collocate pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Association {
    pub mi: f64,
    pub t: f64,
    pub log_dice: f64,
    pub g2: f64,
}

pub fn associate(o: f64, f_n: f64, f_c: f64, n: f64, span: f64) -> Association {
    let e = f_n * f_c * span / n;
    let mi = if o > 0.0 && e > 0.0 { (o / e).log2() } else { f64::NEG_INFINITY };
    let t = if o > 0.0 { (o - e) / o.sqrt() } else { 0.0 };
    let log_dice = if o > 0.0 { 14.0 + (2.0 * o / (f_n + f_c)).log2() } else { f64::NEG_INFINITY };
    let r1 = f_n * span;
    let g = g2(o, (r1 - o).max(0.0), (f_c - o).max(0.0), (n - r1 - f_c + o).max(0.0));
    Association { mi, t, log_dice, g2: g }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Node 20×, collocate 50×, 8 co-occurrences in a ±5 window (span 10), N = 10,000.
    /// e = 20·50·10/10000 = 1; MI = log2(8) = 3; t = (8 − 1)/√8 = 2.474874;
    /// logDice = 14 + log2(16/70) = 14 − 2.129283 = 11.870717.
    /// G² table: [[8, 192], [42, 9758]]: rows 200, 9800; columns 50, 9950; E = 1, 199, 49, 9751.
    /// G² = 2(8 ln 8 + 192 ln(192/199) + 42 ln(42/49) + 9758 ln(9758/9751))
    ///    = 2(16.635532 − 6.875415 − 6.474329 + 7.002512) = 2 × 10.288301 = 20.576602
    #[test]
    fn measures_by_hand() {
        let a = associate(8.0, 20.0, 50.0, 10_000.0, 10.0);
        assert!((a.mi - 3.0).abs() < 1e-9);
        assert!((a.t - 7.0 / 8f64.sqrt()).abs() < 1e-9);
        assert!((a.log_dice - (14.0 + (16.0f64 / 70.0).log2())).abs() < 1e-9);
        assert!((a.log_dice - 11.870717).abs() < 1e-5);
        assert!((a.g2 - 20.576602).abs() < 1e-5, "{}", a.g2);
    }
}
