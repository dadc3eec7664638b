//! Turn-taking: who speaks after whom (the transition matrix) and speaker switches.

/// `counts[a][b]`: how often a turn of speaker `a` is followed by one of `b` (positions in
/// the speakers' list, `slot[t]` for turn `t`). Rows sum to each speaker's turns that have
/// a turn after them, the whole to `turns − 1`.
///
/// ```text
/// A B A C A → A→B 1, B→A 1, A→C 1, C→A 1
/// ```
pub(crate) fn transitions(slot: &[usize], speakers: usize) -> Vec<Vec<usize>> {
    let mut counts = vec![vec![0usize; speakers]; speakers];
    for pair in slot.windows(2) {
        if let [a, b] = *pair {
            if let Some(c) = counts.get_mut(a).and_then(|row| row.get_mut(b)) {
                *c += 1;
            }
        }
    }
    counts
}

/// Each row's shares of its count (all zeros for a row with none).
pub(crate) fn row_shares(counts: &[Vec<usize>]) -> Vec<Vec<f64>> {
    counts
        .iter()
        .map(|row| {
            let total: usize = row.iter().sum();
            row.iter().map(|&c| if total > 0 { c as f64 / total as f64 } else { 0.0 }).collect()
        })
        .collect()
}

/// Speaker switches: consecutive turns by different speakers.
pub(crate) fn switches(slot: &[usize]) -> usize {
    slot.windows(2).filter(|w| w.first() != w.get(1)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix() {
        let slot = [0, 1, 0, 2, 0];
        let m = transitions(&slot, 3);
        assert_eq!(m, [vec![0, 1, 1], vec![1, 0, 0], vec![1, 0, 0]]);
        assert_eq!(row_shares(&m)[0], [0.0, 0.5, 0.5]);
        assert_eq!(switches(&slot), 4);
        assert_eq!(switches(&[0, 0, 1]), 1);
    }
}
