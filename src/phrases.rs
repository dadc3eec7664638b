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

use crate::counts::{NgramKey, PAD};
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

    pub fn approx_bytes(&self) -> usize {
        self.ids.capacity() * 4 + self.starts.capacity() * std::mem::size_of::<usize>() + self.speakers.capacity() * 4
    }
}

/// One counted phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhraseCount {
    pub count: u32,
    /// Offset of the first occurrence.
    pub first: usize,
    /// `(speaker, count)`, by speaker.
    pub by_speaker: SmallVec<[(u32, u32); 2]>,
}

/// Every n-gram of 2..=`max_n` words seen at least `min_count` times, never across a
/// sentence. `term_counts[id]` is the count of each token id.
pub(crate) fn count(
    stream: &IdStream,
    term_counts: &[usize],
    min_count: usize,
    max_n: usize,
) -> FxHashMap<NgramKey, PhraseCount> {
    let min = min_count.max(1);
    let ids = &stream.ids;
    let len = ids.len();
    let mut out: FxHashMap<NgramKey, PhraseCount> = FxHashMap::default();
    // `level[i]`: the surviving (n−1)-gram starting at i; its key words in `keys`.
    let mut level: Vec<u32> = ids
        .iter()
        .map(|&id| if id != END && term_counts.get(id as usize).is_some_and(|&c| c >= min) { 0 } else { NONE })
        .collect();
    // For unigrams every surviving position has "id" = its token id.
    for (slot, &id) in level.iter_mut().zip(ids) {
        if *slot != NONE {
            *slot = id;
        }
    }
    let mut keys: Vec<NgramKey> = Vec::new(); // words of each surviving (n−1)-gram id (unused for n = 1)
    for n in 2..=max_n.min(MAX_NGRAM) {
        let mut index: FxHashMap<u64, u32> = FxHashMap::default();
        let mut counts: Vec<u32> = Vec::new();
        let mut next = vec![NONE; len];
        for i in 0..len.saturating_sub(1) {
            let (Some(&p), Some(&s)) = (level.get(i), level.get(i + 1)) else { continue };
            if p == NONE || s == NONE {
                continue;
            }
            let Some(&last) = ids.get(i + n - 1) else { continue };
            let key = (u64::from(p) << 32) | u64::from(last);
            let fresh = u32::try_from(counts.len()).unwrap_or(NONE);
            let id = *index.entry(key).or_insert(fresh);
            if id == fresh {
                counts.push(0);
            }
            if let Some(c) = counts.get_mut(id as usize) {
                *c += 1;
            }
            if let Some(slot) = next.get_mut(i) {
                *slot = id;
            }
        }
        // Keep the n-grams that reached the minimum; renumber them densely.
        let mut renumber = vec![NONE; counts.len()];
        let mut new_keys: Vec<NgramKey> = Vec::new();
        let mut entries: Vec<(NgramKey, PhraseCount)> = Vec::new();
        let mut by_key: Vec<(u64, u32)> = index.into_iter().collect();
        by_key.sort_unstable_by_key(|&(_, id)| id);
        for (key, id) in by_key {
            if counts.get(id as usize).is_none_or(|&c| (c as usize) < min) {
                continue;
            }
            let prefix = (key >> 32) as u32;
            let last = key as u32;
            let mut words: NgramKey = if n == 2 {
                let mut w = [PAD; MAX_NGRAM];
                w[0] = prefix;
                w
            } else {
                keys.get(prefix as usize).copied().unwrap_or([PAD; MAX_NGRAM])
            };
            if let Some(slot) = words.get_mut(n - 1) {
                *slot = last;
            }
            if let Some(r) = renumber.get_mut(id as usize) {
                *r = u32::try_from(new_keys.len()).unwrap_or(NONE);
            }
            new_keys.push(words);
            entries.push((words, PhraseCount { count: 0, first: usize::MAX, by_speaker: SmallVec::new() }));
        }
        if entries.is_empty() {
            break;
        }
        // Second pass: first offsets and speakers of the survivors.
        let mut sentence = 0usize;
        for i in 0..len {
            if ids.get(i) == Some(&END) {
                sentence += 1;
                continue;
            }
            let Some(slot) = next.get_mut(i) else { continue };
            let survivor = if *slot == NONE { NONE } else { renumber.get(*slot as usize).copied().unwrap_or(NONE) };
            *slot = survivor;
            if survivor == NONE {
                continue;
            }
            if let Some((_, e)) = entries.get_mut(survivor as usize) {
                e.count += 1;
                e.first = e.first.min(stream.starts.get(i).copied().unwrap_or(0));
                let speaker = stream.speakers.get(sentence).copied().unwrap_or(u32::MAX);
                match e.by_speaker.binary_search_by_key(&speaker, |x| x.0) {
                    Ok(k) => {
                        if let Some(x) = e.by_speaker.get_mut(k) {
                            x.1 += 1;
                        }
                    }
                    Err(k) => e.by_speaker.insert(k, (speaker, 1)),
                }
            }
        }
        out.extend(entries);
        keys = new_keys;
        level = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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
        #[test]
        fn pruned_counting_equals_naive_counting(
            sentences in prop::collection::vec(prop::collection::vec(0u32..6, 0..12), 0..20),
            max_n in 2usize..=8,
            min in 1usize..4,
        ) {
            let mut stream = IdStream::default();
            let mut term_counts = vec![0usize; 6];
            for (k, s) in sentences.iter().enumerate() {
                for &id in s {
                    term_counts[id as usize] += 1;
                }
                stream.push_sentence(s.iter().enumerate().map(|(i, &id)| (id, k * 100 + i)), (k % 3) as u32);
            }
            let got = count(&stream, &term_counts, min, max_n);
            let expect = naive(&sentences, max_n, min);
            let got_counts: FxHashMap<NgramKey, u32> = got.iter().map(|(k, v)| (*k, v.count)).collect();
            prop_assert_eq!(&got_counts, &expect);
            for v in got.values() {
                prop_assert_eq!(v.by_speaker.iter().map(|x| x.1).sum::<u32>(), v.count);
            }
        }
    }
}
