//! Turn intervals: what time a transcript gives, each turn's effective start and end,
//! and the whole's duration, talk (the union of turns), gaps and overlap.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::TurnView;

/// What time the transcript gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Timing {
    /// Starts and ends (caption cues): a turn runs from its first cue's start to its
    /// cues' latest end.
    Cues,
    /// Starts only (Rev, Otter, `[hh:mm:ss] Name:`, Markdown, inline timestamps): a turn
    /// ends where the next timed turn begins; the last timed turn's end is unknown.
    Starts,
    /// No time: every figure is by words.
    #[default]
    None,
}

/// Each turn's effective interval `[start, end)` in milliseconds, `None` where unknown.
///
/// ```text
/// starts [0, 5000, 9000] under Timing::Starts → [(0, 5000), (5000, 9000), None]
/// ```
pub(crate) fn intervals(turns: &[TurnView], timing: Timing) -> Vec<Option<(u64, u64)>> {
    match timing {
        Timing::None => vec![None; turns.len()],
        Timing::Cues => turns
            .iter()
            .map(|t| match (t.start_ms, t.end_ms) {
                (Some(s), Some(e)) => Some((s, e.max(s))),
                _ => None,
            })
            .collect(),
        Timing::Starts => {
            let mut out = vec![None; turns.len()];
            let mut next: Option<u64> = None;
            for (slot, t) in out.iter_mut().zip(turns).rev() {
                if let Some(s) = t.start_ms {
                    *slot = next.map(|n| (s, n.max(s)));
                    next = Some(s);
                }
            }
            out
        }
    }
}

/// The timing a transcript's turns give: [`Timing::Cues`] if any turn has an end,
/// [`Timing::Starts`] if any has a start, [`Timing::None`] otherwise.
pub(crate) fn timing_of(turns: &[TurnView]) -> Timing {
    if turns.iter().any(|t| t.end_ms.is_some()) {
        Timing::Cues
    } else if turns.iter().any(|t| t.start_ms.is_some()) {
        Timing::Starts
    } else {
        Timing::None
    }
}

/// The whole's time: `duration` from the first start to the last end; `talk`, the
/// time when at least one turn runs (the union of the intervals); `gap = duration −
/// talk`, the silence between turns; `overlap = Σ lengths − talk`, the time two or
/// more turns run at once (counted once per turn beyond the first), so that
/// `Σ lengths = duration − gap + overlap`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Totals {
    pub duration: u64,
    pub talk: u64,
    pub gap: u64,
    pub overlap: u64,
    /// Silences between turns (holes in the union).
    pub gaps: usize,
}

/// [`Totals`] of the known intervals, `None` if there are none.
///
/// ```text
/// [(0, 4000), (3000, 6000), (8000, 9000)] → duration 9000, talk 7000, gap 2000, overlap 1000, gaps 1
/// ```
pub(crate) fn totals(intervals: &[Option<(u64, u64)>]) -> Option<Totals> {
    let mut known: Vec<(u64, u64)> = intervals.iter().flatten().copied().collect();
    known.sort_unstable();
    let first = known.first()?.0;
    let mut sum = 0u64;
    let mut talk = 0u64;
    let mut gaps = 0usize;
    let mut open: Option<(u64, u64)> = None;
    let mut last_end = first;
    for &(s, e) in &known {
        sum += e - s;
        last_end = last_end.max(e);
        open = match open {
            Some((os, oe)) if s <= oe => Some((os, oe.max(e))),
            Some((os, oe)) => {
                talk += oe - os;
                gaps += 1;
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    if let Some((os, oe)) = open {
        talk += oe - os;
    }
    let duration = last_end - first;
    Some(Totals { duration, talk, gap: duration - talk, overlap: sum - talk, gaps })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_gap_overlap() {
        let t = totals(&[Some((0, 4000)), Some((3000, 6000)), None, Some((8000, 9000))]).unwrap();
        assert_eq!(t, Totals { duration: 9000, talk: 7000, gap: 2000, overlap: 1000, gaps: 1 });
        assert_eq!(totals(&[None, None]), None);
        let t = totals(&[Some((0, 10)), Some((2, 3)), Some((4, 5))]).unwrap();
        assert_eq!(t, Totals { duration: 10, talk: 10, gap: 0, overlap: 2, gaps: 0 });
    }
}
