//! Sorts that cost little code in the wasm.
//!
//! `slice::sort_by`, `select_nth_unstable_by` and friends are instantiated afresh for
//! every element type and every comparator closure, and each copy of std's driftsort,
//! ipnsort or selection is 5–15 KB of wasm. Here one stable sort of positions (std's,
//! instantiated once for `usize` and a `&mut dyn FnMut` comparator) and one top-k
//! selection of positions, behind the same kind of comparator, serve every caller; the
//! generic part left per element type only applies the resulting order. They are
//! stable, like `sort_by`, so they give exactly `sort_by`'s order. They cost an
//! indirect call per comparison, so hot loops sort plain integers instead
//! (`[u32]::sort_unstable`, `[u64]::sort_unstable`: one copy each).

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

/// Keeps the first `k` items of `v` in the order `cmp` gives (all of them if `k` is 0),
/// sorted: the first `k` items of `v.sort_by(cmp)`. Only `cmp` orders the items, so
/// for a total order this is also what selecting the `k` smallest and sorting them gives.
pub(crate) fn top_k<T>(v: &mut Vec<T>, k: usize, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        let cmp = &mut |a: usize, b: usize| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        };
        if k == 0 || items.len() <= k {
            sorted_positions(items.len(), cmp)
        } else {
            top_positions(items.len(), k, cmp)
        }
    };
    permute(v, &order);
}

/// The `k`-th largest of `v` (`k` ≥ 1, at most `v.len()`). A radix selection, byte by
/// byte from the top: at most five passes over `v`, little code (std's `select_nth_unstable`
/// would be one more copy of its quickselect and median of medians).
pub(crate) fn kth_largest(v: &[u32], k: usize) -> Option<u32> {
    if k == 0 || k > v.len() {
        return None;
    }
    let mut k = k;
    let (mut prefix, mut mask) = (0u32, 0u32);
    // Counts are small: the top bytes that are zero everywhere need no pass.
    let max = v.iter().copied().max().unwrap_or(0);
    for shift in [24u32, 16, 8, 0].into_iter().filter(|&shift| shift == 0 || max >> shift != 0) {
        // How many of those sharing the bytes found so far have each value of this byte.
        let mut histogram = [0usize; 256];
        for &x in v {
            if x & mask == prefix {
                if let Some(h) = histogram.get_mut(((x >> shift) & 0xff) as usize) {
                    *h += 1;
                }
            }
        }
        let mut byte = 0;
        for (b, &n) in histogram.iter().enumerate().rev() {
            if n >= k {
                byte = b as u32;
                break;
            }
            k -= n;
        }
        prefix |= byte << shift;
        mask |= 0xff << shift;
    }
    Some(prefix)
}

/// Puts `v` in `order` (distinct positions of `v`; the others are dropped).
fn permute<T>(v: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)));
}

/// The positions `0..n` in the order `cmp` gives, ties in position order.
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    stable_sort(&mut a, cmp);
    a
}

/// Sorts `a` stably by `cmp`. Not generic: one copy of std's stable sort in the binary
/// (std's rather than a hand-written merge sort: as fast as the per-type copies were).
#[inline(never)]
fn stable_sort(a: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    a.sort_by(|&x, &y| cmp(x, y));
}

/// The positions of the `k` first items of `0..n` in the order `cmp` gives (ties in
/// position order), in that order; `0 < k < n`. A max-heap of the `k` best so far: an
/// item that does not make the cut costs one comparison. Not generic: one copy.
#[inline(never)]
fn top_positions(n: usize, k: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    // `after(a, b)`: a comes after b (positions break ties, so the order is total).
    let mut after = |a: usize, b: usize| cmp(a, b).then(a.cmp(&b)) == Ordering::Greater;
    let mut heap: Vec<usize> = Vec::with_capacity(k);
    for i in 0..n {
        if heap.len() < k {
            // Sift up.
            heap.push(i);
            let mut j = heap.len() - 1;
            while j > 0 {
                let parent = (j - 1) / 2;
                let (Some(&p), Some(&c)) = (heap.get(parent), heap.get(j)) else { break };
                if !after(c, p) {
                    break;
                }
                heap.swap(parent, j);
                j = parent;
            }
        } else if heap.first().is_some_and(|&top| after(top, i)) {
            // Replace the last of the k best, then sift down.
            if let Some(top) = heap.first_mut() {
                *top = i;
            }
            let mut j = 0;
            loop {
                let (l, r) = (2 * j + 1, 2 * j + 2);
                let Some(&x) = heap.get(j) else { break };
                let mut largest = (j, x);
                if let Some(&y) = heap.get(l) {
                    if after(y, largest.1) {
                        largest = (l, y);
                    }
                }
                if let Some(&y) = heap.get(r) {
                    if after(y, largest.1) {
                        largest = (r, y);
                    }
                }
                if largest.0 == j {
                    break;
                }
                heap.swap(j, largest.0);
                j = largest.0;
            }
        }
    }
    stable_sort(&mut heap, &mut |a, b| cmp(a, b).then(a.cmp(&b)));
    heap
}

/// Keeps the `k` items with the highest `count` (all of them if `k` is 0), ordered by
/// `order`, which must sort higher counts first: the first `k` of `v.sort_by(order)`.
/// The `k`-th highest count is found on plain integers first, and items are sorted by
/// count as integers, so `order` only breaks ties of count.
pub(crate) fn top_k_by_count<T>(
    v: &mut Vec<T>,
    k: usize,
    count: impl Fn(&T) -> u32,
    mut order: impl FnMut(&T, &T) -> Ordering,
) {
    let mut counts: Vec<u32> = v.iter().map(&count).collect();
    if k > 0 && v.len() > k {
        if let Some(threshold) = kth_largest(&counts, k) {
            v.retain(|x| count(x) >= threshold);
            counts.clear();
            counts.extend(v.iter().map(&count));
        }
    }
    let positions = {
        let items: &[T] = v;
        by_count_positions(&counts, k, &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => order(x, y),
            _ => Ordering::Equal,
        })
    };
    permute(v, &positions);
}

/// The positions of `counts` by count descending, ties by `cmp` then position; the
/// first `k` (all if `k` is 0). Not generic: one copy.
#[inline(never)]
fn by_count_positions(counts: &[u32], k: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    const LOW: u64 = u32::MAX as u64;
    // Count descending, then position, as one integer each (positions fit in u32: the
    // lists are of token types or per-speaker types).
    let mut keys: Vec<u64> =
        counts.iter().enumerate().map(|(i, &c)| u64::from(u32::MAX - c) << 32 | (i as u64 & LOW)).collect();
    keys.sort_unstable();
    let limit = if k == 0 { keys.len() } else { k.min(keys.len()) };
    let mut out: Vec<usize> = Vec::with_capacity(limit);
    let mut rest: &[u64] = &keys;
    while out.len() < limit {
        let Some(&first) = rest.first() else { break };
        let len = rest.iter().take_while(|&&x| x >> 32 == first >> 32).count();
        let (run, tail) = rest.split_at(len);
        let mut run: Vec<usize> = run.iter().map(|&x| (x & LOW) as usize).collect();
        let need = limit - out.len();
        if need < run.len() {
            // Only the first `need` of the run are kept: a heap finds them (the run is
            // in position order, so index order breaks ties as position does).
            let run = &run;
            let best = top_positions(run.len(), need, &mut |a, b| {
                cmp(run.get(a).copied().unwrap_or(0), run.get(b).copied().unwrap_or(0))
            });
            out.extend(best.into_iter().filter_map(|i| run.get(i).copied()));
            break;
        }
        stable_sort(&mut run, cmp);
        out.extend(run);
        rest = tail;
    }
    out
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
            let mut theirs = v.clone();
            theirs.sort_by_cached_key(|x| x.0 / 2);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn top_k_is_the_head_of_the_stable_sort(
            v in proptest::collection::vec((0u8..8, 0u16..1000), 0..300),
            k in 0usize..40,
        ) {
            let mut ours = v.clone();
            top_k(&mut ours, k, |a, b| b.0.cmp(&a.0));
            let mut theirs = v;
            theirs.sort_by_key(|a| std::cmp::Reverse(a.0));
            if k > 0 {
                theirs.truncate(k);
            }
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn top_k_by_count_is_the_head_of_the_stable_sort(
            v in proptest::collection::vec((0u32..8, 0u16..20), 0..300),
            k in 0usize..40,
        ) {
            let order = |a: &(u32, u16), b: &(u32, u16)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
            let mut ours = v.clone();
            top_k_by_count(&mut ours, k, |x| x.0, order);
            let mut theirs = v;
            theirs.sort_by(order);
            if k > 0 {
                theirs.truncate(k);
            }
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn kth_largest_as_std(
            v in proptest::collection::vec(prop_oneof![0u32..50, any::<u32>()], 1..300),
            k in 1usize..300,
        ) {
            let k = k.min(v.len());
            let mut sorted = v.clone();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            prop_assert_eq!(kth_largest(&v, k), sorted.get(k - 1).copied());
        }
    }
}
