//! Turn-taking: who speaks after whom (the transition matrix) and speaker switches.

#[cfg(feature = "serde")]
use serde::Serialize;

/// A cell of the transition matrix: turns of `from` followed by a turn of `to`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Transition {
    /// Positions in `Dynamics.speakers`.
    pub from: usize,
    pub to: usize,
    pub count: usize,
    /// Of the row's count: `count` over the sum of the counts from `from`.
    pub share: f64,
}

/// The matrix's nonzero cells, by `from` then `to` (a dense matrix would grow with the
/// square of the speakers; the cells are at most the turns). `slot[t]` is turn `t`'s
/// speaker's position in the speakers' list. A row sums to its speaker's turns that have
/// a turn after them, the whole to `turns − 1`.
///
/// ```text
/// A B A C A → A→B 1, A→C 1, B→A 1, C→A 1
/// ```
pub(crate) fn transitions(slot: &[usize]) -> Vec<Transition> {
    let mut pairs: Vec<(usize, usize)> = slot.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).collect();
    pairs.sort_unstable();
    let mut cells: Vec<Transition> = Vec::new();
    for (from, to) in pairs {
        match cells.last_mut() {
            Some(c) if c.from == from && c.to == to => c.count += 1,
            _ => cells.push(Transition { from, to, count: 1, share: 0.0 }),
        }
    }
    let mut start = 0;
    while let Some(first) = cells.get(start) {
        let from = first.from;
        let end = start + cells.get(start..).unwrap_or_default().iter().take_while(|c| c.from == from).count();
        let total: usize = cells.get(start..end).unwrap_or_default().iter().map(|c| c.count).sum();
        for c in cells.get_mut(start..end).unwrap_or_default() {
            c.share = c.count as f64 / total as f64;
        }
        start = end;
    }
    cells
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
        let cells: Vec<(usize, usize, usize, f64)> =
            transitions(&slot).iter().map(|c| (c.from, c.to, c.count, c.share)).collect();
        assert_eq!(cells, [(0, 1, 1, 0.5), (0, 2, 1, 0.5), (1, 0, 1, 1.0), (2, 0, 1, 1.0)]);
        assert_eq!(switches(&slot), 4);
        assert_eq!(switches(&[0, 0, 1]), 1);
    }
}
