//! A stable sort that costs little code in the wasm.
//!
//! `slice::sort_by` and friends are instantiated afresh for every element type and every
//! comparator closure, and each copy of std's driftsort or ipnsort is 5–15 KB of wasm. Here
//! one merge sort of positions, behind a `&mut dyn FnMut` comparator, serves every
//! caller; the generic part left per call site only applies the resulting order. It is
//! stable, like `sort_by`, so it gives exactly `sort_by`'s order. It is slower than std's
//! sorts (an indirect call per comparison), so it is for lists sorted once per query or
//! view, not for hot loops.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`: the same order as `v.sort_by(cmp)`.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        sorted_positions(items.len(), &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    permute(v, &order);
}

/// Sorts `v` stably by a key computed once per element, as `sort_by_cached_key` does.
pub(crate) fn sort_by_cached_key<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_positions(keys.len(), &mut |a, b| keys.get(a).cmp(&keys.get(b)));
    permute(v, &order);
}

/// Puts `v` in `order` (a permutation of its positions).
fn permute<T>(v: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)));
}

/// The positions `0..n` in the order `cmp` gives, ties in position order. Not generic:
/// one copy in the binary.
#[inline(never)]
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    // Runs of up to RUN positions by insertion sort, then merges of doubling width.
    const RUN: usize = 16;
    let mut a: Vec<usize> = (0..n).collect();
    for run in a.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 {
                let (Some(&x), Some(&y)) = (run.get(j - 1), run.get(j)) else { break };
                if cmp(x, y) != Ordering::Greater {
                    break;
                }
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        for (src, dst) in a.chunks(2 * width).zip(b.chunks_mut(2 * width)) {
            let (left, right) = src.split_at(width.min(src.len()));
            let (mut i, mut j) = (0, 0);
            for slot in dst.iter_mut() {
                // Take from the left on ties: stable.
                let next = match (left.get(i), right.get(j)) {
                    (Some(&l), Some(&r)) if cmp(l, r) == Ordering::Greater => Err(r),
                    (Some(&l), _) => Ok(l),
                    (None, Some(&r)) => Err(r),
                    (None, None) => break,
                };
                match next {
                    Ok(l) => {
                        *slot = l;
                        i += 1;
                    }
                    Err(r) => {
                        *slot = r;
                        j += 1;
                    }
                }
            }
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn same_order_as_std(v in proptest::collection::vec((0u8..8, 0u16..1000), 0..300)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = v.clone();
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &theirs);

            let mut ours = v.clone();
            sort_by_cached_key(&mut ours, |x| x.0 / 2);
            let mut theirs = v;
            theirs.sort_by_cached_key(|x| x.0 / 2);
            prop_assert_eq!(ours, theirs);
        }
    }
}
