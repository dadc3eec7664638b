//! Exact phrase (n-gram) counting with min-count pruning by order.
//!
//! The counts keep every sentence's token ids in one stream (`IdStream`), not a map of
//! every n-gram: n-gram cardinality is what exhausts memory on big inputs. At report
//! time, phrases are counted order by order (the Apriori property): an n-gram is counted
//! only if its (n−1)-word prefix and suffix both reached the minimum count, since its
//! count can be no higher than theirs. The result is exact for every phrase at or above
//! the minimum count. Each n-gram is keyed by `(id of its prefix, id of its last token)`
//! as one `u64`, so a key is never longer than eight bytes.

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use crate::MAX_NGRAM;

/// Marks a sentence end in the stream.
const END: u32 = u32::MAX;
/// No n-gram (or a pruned one) starts here.
const NONE: u32 = u32::MAX;

/// The token ids of every sentence, in order, separated by `END`, with each token's
/// start offset and each sentence's speaker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct IdStream {
    pub ids: Vec<u32>,
    pub starts: Vec<usize>,
    pub speakers: Vec<u32>,
}

impl IdStream {
    pub fn push_sentence(&mut self, tokens: impl Iterator<Item = (u32, usize)>, speaker: u32) {
        for (id, start) in tokens {
            self.ids.push(id);
            self.starts.push(start);
        }
        self.ids.push(END);
        self.starts.push(0);
        self.speakers.push(speaker);
    }

    /// Appends `other` with ids, speakers and offsets mapped.
    pub fn append(&mut self, other: &IdStream, id: impl Fn(u32) -> u32, speaker: impl Fn(u32) -> u32, shift: usize) {
        self.ids.extend(other.ids.iter().map(|&i| if i == END { END } else { id(i) }));
        self.starts.extend(other.starts.iter().map(|&s| s + shift));
        self.speakers.extend(other.speakers.iter().map(|&s| speaker(s)));
    }

    /// Room for `ids` more ids (sentence ends included) in `sentences` more sentences.
    pub fn reserve(&mut self, ids: usize, sentences: usize) {
        self.ids.reserve(ids);
        self.starts.reserve(ids);
        self.speakers.reserve(sentences);
    }

    pub fn approx_bytes(&self) -> usize {
        self.ids.capacity() * 4 + self.starts.capacity() * std::mem::size_of::<usize>() + self.speakers.capacity() * 4
    }
}

/// The n-grams that reached the minimum count, order by order. An n-gram is stored as
/// its (n−1)-word prefix (an index into the order below; for bigrams the first
/// token id) and its last token id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ngrams {
    /// `orders[n - 2]`: the n-grams of `n` words.
    orders: Vec<Order>,
    /// Every n-gram counted at least this often is here (and no other).
    min_count: usize,
}

#[derive(Debug, Clone, Default)]
struct Order {
    prefix: Vec<u32>,
    last: Vec<u32>,
    count: Vec<u32>,
    /// Where each n-gram here occurs: the stream positions (ascending) and the n-gram's
    /// index there, kept when few enough ([`POSITIONS_PER_ID`]) for
    /// [`occurrences_at`] to find phrases without scanning the stream.
    positions: Option<(Vec<u32>, Vec<u32>)>,
}

/// The positions of every order's n-grams are kept while there are at most one per
/// this many ids of the stream in all (8 bytes each: at most 4 bytes per id, beside
/// the stream's 12); past that, phrases are found by scanning the stream.
const POSITIONS_PER_ID: usize = 2;

impl Ngrams {
    /// The minimum count the n-grams here reached (above the one asked for if raised).
    pub fn min_count(&self) -> usize {
        self.min_count
    }

    /// How many `n`-grams reached the minimum count.
    pub fn len(&self, n: usize) -> usize {
        self.order(n).map_or(0, |o| o.count.len())
    }

    fn order(&self, n: usize) -> Option<&Order> {
        self.orders.get(n.checked_sub(2)?)
    }

    pub fn count(&self, n: usize, index: u32) -> u32 {
        self.order(n).and_then(|o| o.count.get(index as usize)).copied().unwrap_or(0)
    }

    /// Writes the words of the `index`-th `n`-gram into `out`; returns them.
    pub fn words<'a>(&self, n: usize, index: u32, out: &'a mut [u32; MAX_NGRAM]) -> &'a [u32] {
        let mut index = index;
        let mut k = n.min(MAX_NGRAM);
        while k >= 2 {
            let Some(order) = self.order(k) else { break };
            let (Some(&prefix), Some(&last)) = (order.prefix.get(index as usize), order.last.get(index as usize))
            else {
                break;
            };
            if let Some(slot) = out.get_mut(k - 1) {
                *slot = last;
            }
            if k == 2 {
                if let Some(slot) = out.get_mut(0) {
                    *slot = prefix;
                }
            }
            index = prefix;
            k -= 1;
        }
        out.get(..n.min(MAX_NGRAM)).unwrap_or(&[])
    }
}

/// Every n-gram of 2..=`max_n` words seen at least `min_count` times, never across a
/// sentence. `term_counts[id]` is the count of each token id.
///
/// `raise` sees the bigrams that reached `min_count` (first words, second words,
/// counts) and may return a higher minimum for every order (bigrams included): a
/// caller that shows only the most frequent phrases can skip counting rare ones.
/// [`Ngrams::min_count`] tells which minimum was used.
pub(crate) fn count(
    stream: &IdStream,
    term_counts: &[usize],
    min_count: usize,
    max_n: usize,
    raise: impl FnOnce(&[u32], &[u32], &[u32]) -> usize,
) -> Ngrams {
    count_with(stream, term_counts, min_count, max_n, Counting::default(), raise)
}

/// How [`count_keys`] counts: by sorting up to `sort_keys` keys, by hashing more, in
/// partitions of about `partition_keys` distinct keys.
#[derive(Debug, Clone, Copy)]
struct Counting {
    sort_keys: usize,
    partition_keys: usize,
}

impl Default for Counting {
    fn default() -> Self {
        Counting { sort_keys: SORT_KEYS, partition_keys: PARTITION_KEYS }
    }
}

/// [`count`], counting keys as `counting` says.
fn count_with(
    stream: &IdStream,
    term_counts: &[usize],
    min_count: usize,
    max_n: usize,
    counting: Counting,
    raise: impl FnOnce(&[u32], &[u32], &[u32]) -> usize,
) -> Ngrams {
    let mut raise = Some(raise);
    let mut min = min_count.max(1);
    let ids = &stream.ids;
    let mut out = Ngrams { min_count: min, ..Ngrams::default() };
    let survives = |id: u32| id != END && term_counts.get(id as usize).is_some_and(|&c| c >= min);
    // Every n-gram whose prefix (at i) and suffix (at i + 1) both survived, as a key
    // (the prefix's id and the last token) and its start. For bigrams, the prefix is
    // the first token.
    let mut keys: Vec<u64> = Vec::with_capacity(ids.len());
    let mut starts: Vec<u32> = Vec::with_capacity(ids.len());
    for (i, pair) in ids.windows(2).enumerate() {
        if let [a, b] = *pair {
            if survives(a) && survives(b) {
                keys.push((u64::from(a) << 32) | u64::from(b));
                starts.push(u32::try_from(i).unwrap_or(NONE));
            }
        }
    }
    // The positions where an n-gram survived, ascending, and its number there.
    let mut kept = 0usize;
    let mut at: Vec<u32> = Vec::with_capacity(keys.len());
    let mut level: Vec<u32> = Vec::with_capacity(keys.len());
    for n in 2..=max_n.min(MAX_NGRAM) {
        let Counted { keys: counted, entry_of } = count_keys(&keys, min, counting);
        if let Some(raise) = raise.take() {
            let (first, (second, counts)): (Vec<u32>, (Vec<u32>, Vec<u32>)) =
                counted.iter().map(|&(key, c)| ((key >> 32) as u32, (key as u32, c))).unzip();
            let raised = raise(&first, &second, &counts);
            if raised > min {
                min = raised;
                out.min_count = min;
            }
        }
        // Number the survivors (by key: a stable order), then find each position's.
        let mut order = Order::default();
        let mut number_of_entry: Vec<u32> = Vec::with_capacity(counted.len());
        for &(key, c) in &counted {
            if (c as usize) < min {
                number_of_entry.push(NONE);
                continue;
            }
            number_of_entry.push(u32::try_from(order.count.len()).unwrap_or(NONE));
            order.prefix.push((key >> 32) as u32);
            order.last.push(key as u32);
            order.count.push(c);
        }
        if order.count.is_empty() {
            break;
        }
        out.orders.push(order);
        at.clear();
        level.clear();
        let mut found = |i: u32, number: Option<&u32>| {
            if let Some(&id) = number.filter(|&&id| id != NONE) {
                at.push(i);
                level.push(id);
            }
        };
        match entry_of {
            Some(entry_of) => {
                for (&entry, &i) in entry_of.iter().zip(&starts) {
                    found(i, number_of_entry.get(entry as usize));
                }
            }
            None => {
                // The survivors only: a raised minimum can leave few of many.
                let number: FxHashMap<u64, u32> = counted
                    .iter()
                    .zip(&number_of_entry)
                    .filter(|&(_, &id)| id != NONE)
                    .map(|(&(key, _), &id)| (key, id))
                    .collect();
                // A key can be a survivor's only if its last token is one's: a look-up
                // in a table of bools (one per type, cached) spares most keys the hash
                // probe when few survive.
                let mut last_ok = vec![false; term_counts.len()];
                for &key in number.keys() {
                    if let Some(ok) = last_ok.get_mut(key as u32 as usize) {
                        *ok = true;
                    }
                }
                for (&key, &i) in keys.iter().zip(&starts) {
                    if last_ok.get(key as u32 as usize).copied().unwrap_or(true) {
                        found(i, number.get(&key));
                    }
                }
            }
        }
        kept += at.len();
        if let Some(order) = out.orders.last_mut().filter(|_| kept <= ids.len() / POSITIONS_PER_ID) {
            order.positions = Some((at.clone(), level.clone()));
        }
        // The next order's keys: wherever the n-grams at i and i + 1 both survived.
        keys.clear();
        starts.clear();
        for (k, pair) in at.windows(2).enumerate() {
            let [i, j] = *pair else { continue };
            if j != i.wrapping_add(1) {
                continue;
            }
            let (Some(&prefix), Some(&last)) = (level.get(k), ids.get(i as usize + n)) else { continue };
            keys.push((u64::from(prefix) << 32) | u64::from(last));
            starts.push(i);
        }
    }
    out
}

/// Distinct keys per partition that keep a partition's table in the CPU caches.
const PARTITION_KEYS: usize = 1 << 15;

/// Up to this many keys, sorting counts them faster than a hash table: a few passes
/// of sequential reads and writes instead of a probe per key, and no second table for
/// the positions to find their n-gram in. On the 1 MB bench text, the whole analysis
/// is about 6% faster with it, in wasm and natively. Past it, the sort's buffers
/// outgrow the caches: sorting every order of the 10 MB text was slower than hashing.
const SORT_KEYS: usize = 1 << 18;

/// What [`count_keys`] found.
struct Counted {
    /// The distinct keys seen at least the minimum count, with their counts, by key.
    keys: Vec<(u64, u32)>,
    /// For each key given, the index of its entry in `keys` (`NONE` if it has none),
    /// when counting found it on the way (by sorting).
    entry_of: Option<Vec<u32>>,
}

/// The distinct keys of `keys` seen at least `min` times, with their counts.
fn count_keys(keys: &[u64], min: usize, counting: Counting) -> Counted {
    if keys.len() <= counting.sort_keys {
        if let Some(counted) = count_sorted(keys, min) {
            return counted;
        }
    }
    Counted { keys: count_hashed(keys, min, counting.partition_keys), entry_of: None }
}

/// [`count_keys`] by sorting: each key, packed into as few bits as the largest prefix
/// and last id need, with its index below it, goes through a least-significant-digit
/// radix sort of the key bits; equal keys are then neighbours, and each index learns
/// its entry. `None` if key and index need more than 64 bits.
fn count_sorted(keys: &[u64], min: usize) -> Option<Counted> {
    const DIGIT: u32 = 11;
    const DIGITS: usize = 1 << DIGIT;
    let bits = |x: u64| u64::BITS - x.leading_zeros();
    let last_bits = bits(keys.iter().map(|&k| k & 0xFFFF_FFFF).max().unwrap_or(0));
    let prefix_bits = bits(keys.iter().map(|&k| k >> 32).max().unwrap_or(0));
    let index_bits = bits(keys.len() as u64);
    if prefix_bits + last_bits + index_bits > u64::BITS {
        return None;
    }
    let last_mask = (1u64 << last_bits) - 1;
    let index_mask = (1u64 << index_bits) - 1;
    let mut sorted: Vec<u64> =
        keys.iter().zip(0u64..).map(|(&k, i)| ((k >> 32) << last_bits | (k & last_mask)) << index_bits | i).collect();
    let mut spare: Vec<u64> = vec![0; sorted.len()];
    // The index bits need no pass: the sort is stable, and the indices start in order.
    let mut shift = index_bits;
    while shift < prefix_bits + last_bits + index_bits {
        scatter(&sorted, &mut spare, DIGITS, |key| (key >> shift) as usize & (DIGITS - 1));
        std::mem::swap(&mut sorted, &mut spare);
        shift += DIGIT;
    }
    drop(spare);
    let mut counted = Vec::new();
    let mut entry_of = vec![NONE; keys.len()];
    for run in sorted.chunk_by(|a, b| a >> index_bits == b >> index_bits) {
        let Some(&first) = run.first() else { continue };
        if run.len() < min {
            continue;
        }
        let entry = u32::try_from(counted.len()).unwrap_or(NONE);
        for &k in run {
            if let Some(e) = entry_of.get_mut((k & index_mask) as usize) {
                *e = entry;
            }
        }
        let key = first >> index_bits;
        counted.push((key >> last_bits << 32 | (key & last_mask), u32::try_from(run.len()).unwrap_or(u32::MAX)));
    }
    Some(Counted { keys: counted, entry_of: Some(entry_of) })
}

/// One stable counting-sort pass: the keys of `from` into `to` (as long), grouped by
/// `bucket(key)` (below `buckets`). Returns where each bucket starts in `to`, and
/// where the last ends. A radix sort's pass, and a radix partitioning.
fn scatter(from: &[u64], to: &mut [u64], buckets: usize, bucket: impl Fn(u64) -> usize) -> Vec<usize> {
    let mut starts = vec![0usize; buckets + 1];
    for &key in from {
        if let Some(n) = starts.get_mut(bucket(key) + 1) {
            *n += 1;
        }
    }
    for b in 0..buckets {
        let before = starts.get(b).copied().unwrap_or(0);
        if let Some(n) = starts.get_mut(b + 1) {
            *n += before;
        }
    }
    let mut fill = starts.clone();
    for &key in from {
        if let Some(at) = fill.get_mut(bucket(key)) {
            if let Some(slot) = to.get_mut(*at) {
                *slot = key;
            }
            *at += 1;
        }
    }
    starts
}

/// [`count_keys`] by hashing.
///
/// A hash table of millions of keys misses the caches on nearly every probe, so big
/// inputs are first partitioned by hash (radix partitioning): each partition's keys
/// are then counted in a table small enough to stay cached.
fn count_hashed(keys: &[u64], min: usize, partition_keys: usize) -> Vec<(u64, u32)> {
    let hash = |key: u64| key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut out: Vec<(u64, u32)> = Vec::new();
    // Distinct keys are far fewer than keys; a quarter is a fair guess.
    let bits = (keys.len() / 4 / partition_keys.max(1)).max(1).next_power_of_two().trailing_zeros().min(10);
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut count = |part: &[u64], counts: &mut FxHashMap<u64, u32>| {
        counts.clear();
        // The table is kept from one partition to the next (`clear` keeps its room), so
        // it grows to what the largest needs. Reserving for half the keys distinct, as
        // in the generated text's bigrams, left a text with few distinct n-grams (a
        // real text repeated: 6% of its bigrams) a table 8 times too big, its keys
        // sparse in it and a cache miss per key; an eighth is a start.
        counts.reserve(part.len() / 8);
        for &key in part {
            *counts.entry(key).or_default() += 1;
        }
        out.extend(counts.iter().filter(|&(_, &c)| c as usize >= min).map(|(&k, &c)| (k, c)));
    };
    if bits == 0 {
        count(keys, &mut counts);
    } else {
        let parts = 1usize << bits;
        let mut scattered: Vec<u64> = vec![0; keys.len()];
        let starts = scatter(keys, &mut scattered, parts, |key| (hash(key) >> (64 - bits)) as usize);
        for p in 0..parts {
            let (Some(&from), Some(&to)) = (starts.get(p), starts.get(p + 1)) else { continue };
            count(scattered.get(from..to).unwrap_or(&[]), &mut counts);
        }
    }
    out.sort_unstable_by_key(|&(key, _)| key);
    out
}

/// Where phrases occur: their count, first offset and count per speaker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Occurrences {
    pub count: u32,
    /// Offset of the first occurrence.
    pub first: usize,
    /// `(speaker, count)`, by speaker.
    pub by_speaker: Vec<(u32, u32)>,
}

/// [`occurrences`] of the `index`-th `n`-gram of `ngrams` for each `(n, index)` of
/// `phrases`, from the positions counting kept (`None` if it did not keep them all):
/// no scan of the stream but a count of its sentence ends.
pub(crate) fn occurrences_at(ngrams: &Ngrams, stream: &IdStream, phrases: &[(usize, u32)]) -> Option<Vec<Occurrences>> {
    let mut out = vec![Occurrences::default(); phrases.len()];
    // Every occurrence as its position and phrase in one `u64` (the sort of `u64`s the
    // report already has: a sort of pairs would add its own code to the wasm).
    let mut hits: Vec<u64> = Vec::new();
    for n in 2..=MAX_NGRAM {
        if !phrases.iter().any(|&(m, _)| m == n) {
            continue;
        }
        let order = ngrams.order(n)?;
        let (at, level) = order.positions.as_ref()?;
        let mut phrase_of = vec![NONE; order.count.len()];
        for (k, &(m, index)) in (0u32..).zip(phrases) {
            if m == n {
                *phrase_of.get_mut(index as usize)? = k;
            }
        }
        for (&i, &index) in at.iter().zip(level) {
            if let Some(&k) = phrase_of.get(index as usize).filter(|&&k| k != NONE) {
                hits.push(u64::from(i) << 32 | u64::from(k));
            }
        }
    }
    hits.sort_unstable();
    let (mut sentence, mut from) = (0usize, 0usize);
    for hit in hits {
        let (i, k) = ((hit >> 32) as usize, hit as u32);
        sentence += stream.ids.get(from..i)?.iter().filter(|&&id| id == END).count();
        from = i;
        let o = out.get_mut(k as usize)?;
        if o.count == 0 {
            o.first = stream.starts.get(i).copied().unwrap_or(0);
        }
        o.count += 1;
        let speaker = stream.speakers.get(sentence).copied().unwrap_or(u32::MAX);
        add_speaker(&mut o.by_speaker, speaker);
    }
    Some(out)
}

/// Counts one more occurrence for `speaker` in `by_speaker` (kept by speaker).
fn add_speaker(by_speaker: &mut Vec<(u32, u32)>, speaker: u32) {
    match by_speaker.binary_search_by_key(&speaker, |x| x.0) {
        Ok(j) => {
            if let Some(x) = by_speaker.get_mut(j) {
                x.1 += 1;
            }
        }
        Err(j) => by_speaker.insert(j, (speaker, 1)),
    }
}

/// Finds every occurrence of each of `phrases` (token ids) in one pass over `stream`.
pub(crate) fn occurrences(stream: &IdStream, phrases: &[&[u32]]) -> Vec<Occurrences> {
    let mut out = vec![Occurrences::default(); phrases.len()];
    // The phrases starting with each first word: `first_of[id]` indexes `by_first`
    // (`NONE` for a word that starts none), a look-up per token without hashing.
    let mut by_first: Vec<SmallVec<[usize; 2]>> = Vec::new();
    let mut first_of: Vec<u32> = Vec::new();
    for (k, p) in phrases.iter().enumerate() {
        let Some(&w) = p.first() else { continue };
        if first_of.len() <= w as usize {
            first_of.resize(w as usize + 1, NONE);
        }
        let Some(slot) = first_of.get_mut(w as usize) else { continue };
        if *slot == NONE {
            *slot = u32::try_from(by_first.len()).unwrap_or(NONE);
            by_first.push(SmallVec::new());
        }
        if let Some(list) = by_first.get_mut(*slot as usize) {
            list.push(k);
        }
    }
    let mut sentence = 0usize;
    for (i, &id) in stream.ids.iter().enumerate() {
        if id == END {
            sentence += 1;
            continue;
        }
        let Some(&slot) = first_of.get(id as usize).filter(|&&slot| slot != NONE) else {
            continue;
        };
        let here = stream.ids.get(i..).unwrap_or(&[]);
        for &k in by_first.get(slot as usize).map_or(&[][..], |v| v.as_slice()) {
            let (Some(p), Some(o)) = (phrases.get(k), out.get_mut(k)) else { continue };
            // Word by word (phrases are short): no call to `memcmp` per candidate.
            if here.len() < p.len() || !p.iter().zip(here).all(|(a, b)| a == b) {
                continue;
            }
            if o.count == 0 {
                o.first = stream.starts.get(i).copied().unwrap_or(0);
            }
            o.count += 1;
            let speaker = stream.speakers.get(sentence).copied().unwrap_or(u32::MAX);
            add_speaker(&mut o.by_speaker, speaker);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counts::{NgramKey, PAD};
    use proptest::prelude::*;

    /// Every n-gram of every sentence, counted the obvious way.
    fn naive(sentences: &[Vec<u32>], max_n: usize, min: usize) -> FxHashMap<NgramKey, u32> {
        let mut all: FxHashMap<NgramKey, u32> = FxHashMap::default();
        for s in sentences {
            for n in 2..=max_n {
                for w in s.windows(n) {
                    let mut key = [PAD; MAX_NGRAM];
                    key[..n].copy_from_slice(w);
                    *all.entry(key).or_default() += 1;
                }
            }
        }
        all.retain(|_, c| *c as usize >= min);
        all
    }

    proptest! {
        /// Sorting and hashing count the same keys, whatever bits the keys use.
        #[test]
        fn sorted_counting_equals_hashed_counting(
            keys in prop::collection::vec(
                (prop_oneof![0u32..4, any::<u32>()], prop_oneof![0u32..4, 0u32..3000, any::<u32>()]),
                0..400,
            ),
            min in 1usize..4,
        ) {
            let keys: Vec<u64> = keys.iter().map(|&(p, l)| u64::from(p) << 32 | u64::from(l)).collect();
            let hashed = count_hashed(&keys, min, PARTITION_KEYS);
            prop_assert_eq!(&hashed, &count_hashed(&keys, min, 2));
            // Keys and indices that do not fit in 64 bits are left to hashing.
            let fits = keys.iter().all(|&k| k >> 32 < 1 << 20 && k & 0xFFFF_FFFF < 1 << 20);
            match count_sorted(&keys, min) {
                Some(Counted { keys: sorted, entry_of: Some(entry_of) }) => {
                    prop_assert_eq!(&sorted, &hashed);
                    for (&key, &entry) in keys.iter().zip(&entry_of) {
                        let expect = hashed.iter().position(|&(k, _)| k == key).map_or(NONE, |e| e as u32);
                        prop_assert_eq!(entry, expect);
                    }
                }
                Some(Counted { entry_of: None, .. }) => prop_assert!(false, "sorting always finds the entries"),
                None => prop_assert!(!fits),
            }
        }

        #[test]
        fn pruned_counting_equals_naive_counting(
            sentences in prop::collection::vec(prop::collection::vec(0u32..6, 0..12), 0..20),
            max_n in 2usize..=8,
            min in 1usize..4,
            partition_keys in prop_oneof![Just(PARTITION_KEYS), Just(1usize), Just(2usize)],
            sort_keys in prop_oneof![Just(SORT_KEYS), Just(0usize), Just(5usize)],
            raise_to in 0usize..5,
        ) {
            let mut stream = IdStream::default();
            let mut term_counts = vec![0usize; 6];
            for (k, s) in sentences.iter().enumerate() {
                for &id in s {
                    term_counts[id as usize] += 1;
                }
                stream.push_sentence(s.iter().enumerate().map(|(i, &id)| (id, k * 100 + i)), (k % 3) as u32);
            }
            let counting = Counting { sort_keys, partition_keys };
            let got = count_with(&stream, &term_counts, min, max_n, counting, |_, _, _| raise_to);
            let min = min.max(raise_to);
            prop_assert_eq!(got.min_count(), min);
            let expect = naive(&sentences, max_n, min);
            let mut got_counts: FxHashMap<NgramKey, u32> = FxHashMap::default();
            let mut phrases: Vec<Vec<u32>> = Vec::new();
            for n in 2..=max_n {
                for index in 0..got.len(n) as u32 {
                    let mut key = [PAD; MAX_NGRAM];
                    let words = got.words(n, index, &mut key).to_vec();
                    got_counts.insert(key, got.count(n, index));
                    phrases.push(words);
                }
            }
            prop_assert_eq!(&got_counts, &expect);
            let shown: Vec<&[u32]> = phrases.iter().map(Vec::as_slice).collect();
            for (p, o) in phrases.iter().zip(occurrences(&stream, &shown)) {
                let mut key = [PAD; MAX_NGRAM];
                key[..p.len()].copy_from_slice(p);
                prop_assert_eq!(o.count, expect[&key]);
                prop_assert_eq!(o.by_speaker.iter().map(|x| x.1).sum::<u32>(), o.count);
            }
        }
    }
}
