//! Talk over time: each speaker's share of words (and of time) in equal bins of the
//! transcript, for a stacked-area chart.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::TurnView;

/// What the bins divide: word positions, or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum BinUnit {
    #[default]
    Words,
    /// Milliseconds, from the first timed turn's start to the last one's end.
    Time,
}

/// One bin: `[start, end)` in word positions or milliseconds ([`BinUnit`]).
///
/// `wordShares` and `timeShares` are parallel to `Dynamics.speakers`; each sums to 1,
/// or is all zeros when the bin holds no words (`words` 0) or no talk (`ms` 0).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Bin {
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub start: u64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub end: u64,
    /// Words in the bin: whole words by position; by time, each timed turn's words
    /// spread evenly over its interval (so fractions).
    pub words: f64,
    pub word_shares: Vec<f64>,
    /// Talk in the bin (ms), summed over speakers (overlapping turns count each): by time only.
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub ms: Option<u64>,
    pub time_shares: Option<Vec<f64>>,
}

/// Shares of `amounts` (all zeros when they sum to zero).
fn shares(amounts: &[f64]) -> Vec<f64> {
    let total: f64 = amounts.iter().sum();
    amounts.iter().map(|&a| if total > 0.0 { a / total } else { 0.0 }).collect()
}

/// The `i`-th of `n` equal cuts of `[from, from + len)`.
fn edge(from: u64, len: u64, i: usize, n: usize) -> u64 {
    let cut = u128::from(len) * i as u128 / n.max(1) as u128;
    from + u64::try_from(cut).unwrap_or(len)
}

/// `n` bins of word positions. `slot[t]` is turn `t`'s speaker's position in the
/// speakers' list, of `speakers` speakers.
///
/// ```text
/// turns A×6, B×2 in 2 bins → [0, 4): A 1.0; [4, 8): A 0.5, B 0.5
/// ```
pub(crate) fn by_words(turns: &[TurnView], slot: &[usize], speakers: usize, n: usize) -> Vec<Bin> {
    let total: usize = turns.iter().map(|t| t.words).sum();
    let total = total as u64;
    let mut amounts = vec![vec![0.0f64; speakers]; n];
    let mut bin = 0;
    let mut at = 0u64;
    for (t, &s) in turns.iter().zip(slot) {
        let end = at + t.words as u64;
        while at < end && bin < n {
            let bin_end = edge(0, total, bin + 1, n);
            let take = end.min(bin_end) - at;
            if let Some(a) = amounts.get_mut(bin).and_then(|row| row.get_mut(s)) {
                *a += take as f64;
            }
            at += take;
            if at >= bin_end {
                bin += 1;
            }
        }
        at = end;
    }
    amounts
        .iter()
        .enumerate()
        .map(|(b, row)| Bin {
            start: edge(0, total, b, n),
            end: edge(0, total, b + 1, n),
            words: row.iter().sum(),
            word_shares: shares(row),
            ms: None,
            time_shares: None,
        })
        .collect()
}

/// `n` bins of time over `[from, to)`: each speaker's talk in a bin is the part of
/// their intervals inside it; their words are each turn's spread evenly over its
/// interval (a turn of no length puts its words in the bin where it starts).
pub(crate) fn by_time(
    turns: &[TurnView],
    intervals: &[Option<(u64, u64)>],
    slot: &[usize],
    speakers: usize,
    n: usize,
    (from, to): (u64, u64),
) -> Vec<Bin> {
    let len = to.saturating_sub(from);
    let mut words = vec![vec![0.0f64; speakers]; n];
    let mut talk = vec![vec![0u64; speakers]; n];
    // The bin holding time `x` (the last for `to`).
    let bin_of = |x: u64| {
        let rel = u128::from(x.saturating_sub(from));
        let b = if len == 0 { 0 } else { rel * n as u128 / u128::from(len) };
        usize::try_from(b).unwrap_or(n).min(n.saturating_sub(1))
    };
    for ((t, interval), &s) in turns.iter().zip(intervals).zip(slot) {
        let Some((start, end)) = *interval else { continue };
        if end == start {
            if let Some(w) = words.get_mut(bin_of(start)).and_then(|row| row.get_mut(s)) {
                *w += t.words as f64;
            }
            continue;
        }
        for b in bin_of(start)..=bin_of(end) {
            let (lo, hi) = (edge(from, len, b, n).max(start), edge(from, len, b + 1, n).min(end));
            if hi <= lo {
                continue;
            }
            if let Some(ms) = talk.get_mut(b).and_then(|row| row.get_mut(s)) {
                *ms += hi - lo;
            }
            if let Some(w) = words.get_mut(b).and_then(|row| row.get_mut(s)) {
                *w += t.words as f64 * (hi - lo) as f64 / (end - start) as f64;
            }
        }
    }
    words
        .iter()
        .zip(&talk)
        .enumerate()
        .map(|(b, (w, ms))| {
            let ms_f: Vec<f64> = ms.iter().map(|&m| m as f64).collect();
            Bin {
                start: edge(from, len, b, n),
                end: edge(from, len, b + 1, n),
                words: w.iter().sum(),
                word_shares: shares(w),
                ms: Some(ms.iter().sum()),
                time_shares: Some(shares(&ms_f)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(words: usize) -> TurnView {
        TurnView { words, ..TurnView::default() }
    }

    #[test]
    fn word_bins() {
        let b = by_words(&[turn(6), turn(2)], &[0, 1], 2, 2);
        assert_eq!((b[0].start, b[0].end, b[0].words), (0, 4, 4.0));
        assert_eq!(b[0].word_shares, [1.0, 0.0]);
        assert_eq!(b[1].word_shares, [0.5, 0.5]);
        // More bins than words: empty bins say so.
        let b = by_words(&[turn(1)], &[0], 1, 3);
        assert_eq!(b.iter().map(|b| b.words).collect::<Vec<_>>(), [0.0, 0.0, 1.0]);
        assert_eq!(b[0].word_shares, [0.0]);
    }

    #[test]
    fn time_bins() {
        let turns = [turn(10), turn(5)];
        let b = by_time(&turns, &[Some((0, 1000)), Some((500, 2000))], &[0, 1], 2, 2, (0, 2000));
        assert_eq!(b[0].ms, Some(1500));
        assert_eq!(b[0].time_shares.as_deref(), Some(&[1000.0 / 1500.0, 500.0 / 1500.0][..]));
        assert_eq!(b[1].time_shares.as_deref(), Some(&[0.0, 1.0][..]));
        assert!((b[0].words - (10.0 + 5.0 / 3.0)).abs() < 1e-9);
    }
}
