//! MATTR, the moving-average type/token ratio (Covington & McFall 2010): the mean
//! type/token ratio of every window of `WINDOW` consecutive tokens. Texts shorter than
//! one window get their plain type/token ratio.
//!
//! The state is mergeable: it keeps the first and last `WINDOW − 1` tokens, so the
//! windows that span the seam of two texts can be counted when they are joined.

use rustc_hash::FxHashMap;

pub const WINDOW: usize = 500;

/// Running MATTR sums over a token sequence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mattr {
    len: usize,
    windows: u64,
    distinct_sum: u64,
    head: Vec<u32>,
    tail: Vec<u32>,
}

impl Mattr {
    /// The state of `tokens` with window `w`.
    pub fn of(tokens: &[u32], w: usize) -> Mattr {
        Mattr::of_with(tokens, w, &mut Vec::new())
    }

    /// [`Mattr::of`] with reusable counters indexed by token id (all zero, and left so).
    pub(crate) fn of_with(tokens: &[u32], w: usize, counts: &mut Vec<u32>) -> Mattr {
        Mattr::of_keyed(tokens, |&t| t, w, counts)
    }

    /// [`Mattr::of_with`] over the ids of `tokens`.
    pub(crate) fn of_tokens(tokens: &[crate::Token], w: usize, counts: &mut Vec<u32>) -> Mattr {
        Mattr::of_keyed(tokens, |t| t.id, w, counts)
    }

    fn of_keyed<T>(tokens: &[T], id: impl Fn(&T) -> u32 + Copy, w: usize, counts: &mut Vec<u32>) -> Mattr {
        let (windows, distinct_sum) = sliding(tokens, id, w, counts);
        let keep = w.saturating_sub(1);
        Mattr {
            len: tokens.len(),
            windows,
            distinct_sum,
            head: tokens.iter().take(keep).map(id).collect(),
            tail: tokens.get(tokens.len().saturating_sub(keep)..).unwrap_or(&[]).iter().map(id).collect(),
        }
    }

    /// Appends the state of the tokens that follow.
    pub fn merge(&mut self, other: &Mattr, w: usize) {
        let keep = w.saturating_sub(1);
        let mut seam = self.tail.clone();
        seam.extend_from_slice(&other.head);
        // The seam holds under 2·WINDOW tokens but their ids span the whole
        // vocabulary: renumber them densely so the counters are as small as the seam,
        // not a zeroed array of every type per merge.
        let mut dense: FxHashMap<u32, u32> = FxHashMap::default();
        let renumbered: Vec<u32> = seam
            .iter()
            .map(|&t| {
                let next = u32::try_from(dense.len()).unwrap_or(u32::MAX);
                *dense.entry(t).or_insert(next)
            })
            .collect();
        let (windows, distinct) = sliding(&renumbered, |&t| t, w, &mut Vec::new());
        self.windows += windows + other.windows;
        self.distinct_sum += distinct + other.distinct_sum;
        if self.head.len() < keep {
            let more = keep - self.head.len();
            self.head.extend(other.head.iter().take(more));
        }
        let mut tail = seam;
        if other.len > other.tail.len() {
            tail = other.tail.clone();
        } else {
            let cut = tail.len().saturating_sub(keep);
            tail.drain(..cut);
        }
        self.tail = tail;
        self.len += other.len;
    }

    /// The same state with every token id passed through `f` (for merging counts
    /// whose ids differ).
    pub fn mapped(&self, f: impl Fn(u32) -> u32) -> Mattr {
        Mattr {
            head: self.head.iter().map(|&t| f(t)).collect(),
            tail: self.tail.iter().map(|&t| f(t)).collect(),
            ..self.clone()
        }
    }

    /// MATTR, or `types / len` for a text shorter than a window (`None` if empty).
    pub fn value(&self, types: usize) -> Option<f64> {
        if self.len == 0 {
            None
        } else if self.windows == 0 {
            Some(types as f64 / self.len as f64)
        } else {
            Some(self.distinct_sum as f64 / (self.windows as f64 * WINDOW.min(self.len) as f64))
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The number of full windows of `w` tokens and the sum of their distinct-token counts.
/// `counts` (indexed by token id, grown as needed) is all zero before and after.
fn sliding<T>(tokens: &[T], id: impl Fn(&T) -> u32, w: usize, counts: &mut Vec<u32>) -> (u64, u64) {
    if w == 0 || tokens.len() < w {
        return (0, 0);
    }
    if let Some(max) = tokens.iter().map(&id).max() {
        if counts.len() <= max as usize {
            counts.resize(max as usize + 1, 0);
        }
    }
    let mut distinct = 0u64;
    let mut sum = 0u64;
    let add = |t: &T, counts: &mut Vec<u32>, distinct: &mut u64| {
        if let Some(c) = counts.get_mut(id(t) as usize) {
            *distinct += u64::from(*c == 0);
            *c += 1;
        }
    };
    // The first window but its last token; then each step takes in a token, counts
    // the window it ends, and lets the window's first token go.
    for t in tokens.get(..w - 1).unwrap_or(&[]) {
        add(t, counts, &mut distinct);
    }
    for (new, old) in tokens.get(w - 1..).unwrap_or(&[]).iter().zip(tokens) {
        add(new, counts, &mut distinct);
        sum += distinct;
        if let Some(c) = counts.get_mut(id(old) as usize) {
            *c -= 1;
            distinct -= u64::from(*c == 0);
        }
    }
    // Leave the counters at zero for the next caller.
    for t in tokens.get(tokens.len() - w..).unwrap_or(&[]) {
        if let Some(c) = counts.get_mut(id(t) as usize) {
            *c = 0;
        }
    }
    ((tokens.len() - w + 1) as u64, sum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Against counting the types of every window afresh, and the counters are
        /// left at zero.
        #[test]
        fn sliding_agrees_with_counting_each_window(tokens in prop::collection::vec(0u32..30, 0..120), w in 0usize..40) {
            let mut counts = Vec::new();
            let got = sliding(&tokens, |&t| t, w, &mut counts);
            let expect = if w == 0 || tokens.len() < w {
                (0, 0)
            } else {
                let windows = tokens.windows(w);
                (windows.len() as u64, windows.map(|x| x.iter().collect::<std::collections::BTreeSet<_>>().len() as u64).sum())
            };
            prop_assert_eq!(got, expect);
            prop_assert!(counts.iter().all(|&c| c == 0));
        }
    }

    /// With a window of 3 over `a b a c c`: windows `a b a` (2 types), `b a c` (3),
    /// `a c c` (2): MATTR = (2+3+2) / (3·3) = 7/9.
    #[test]
    fn constructed_text() {
        let m = Mattr::of(&[0, 1, 0, 2, 2], 3);
        assert_eq!((m.windows, m.distinct_sum), (3, 7));
        let value = m.distinct_sum as f64 / (m.windows as f64 * 3.0);
        assert!((value - 7.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn short_texts_fall_back_to_ttr() {
        let m = Mattr::of(&[0, 1, 0], WINDOW);
        assert_eq!(m.value(2), Some(2.0 / 3.0));
        assert_eq!(Mattr::default().value(0), None);
    }

    #[test]
    fn merging_equals_the_whole() {
        let seq: Vec<u32> = (0..2000u32).map(|i| (i * 7919) % 613).collect();
        for w in [1, 3, 50, 500] {
            for cut in [0, 1, 2, 40, 499, 500, 777, 1999, 2000] {
                let mut a = Mattr::of(&seq[..cut], w);
                a.merge(&Mattr::of(&seq[cut..], w), w);
                assert_eq!(a, Mattr::of(&seq, w), "w={w} cut={cut}");
            }
        }
    }
}
