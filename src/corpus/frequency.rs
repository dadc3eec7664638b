//! Document frequency: in how many documents each term and each phrase occurs.

use rustc_hash::FxHashMap;
#[cfg(feature = "serde")]
use serde::Serialize;

use super::{Corpus, BREAK};

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrequencyOptions {
    /// Least number of documents a term or phrase occurs in (at least 1).
    pub min_documents: usize,
    /// Terms and phrases in each list (0 for all).
    pub limit: usize,
}

impl Default for FrequencyOptions {
    fn default() -> Self {
        FrequencyOptions { min_documents: 2, limit: 100 }
    }
}

/// Terms and phrases by the number of documents they occur in.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct DocumentFrequency {
    pub terms: Vec<TermFrequency>,
    pub phrases: Vec<PhraseFrequency>,
}

/// A term of the term view: the documents it occurs in and its count over all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TermFrequency {
    pub term: String,
    pub documents: usize,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub count: u64,
}

/// A phrase (within a sentence, as the Phrases view counts them): the documents it
/// occurs in and its count over all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct PhraseFrequency {
    pub text: String,
    pub n: usize,
    pub documents: usize,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub count: u64,
}

/// An n-gram found in enough documents: the (n−1)-grams it starts and ends with (their
/// indices in the order below; token ids for n = 2), its last token, and its counts.
#[derive(Debug, Clone, Copy)]
struct Gram {
    prefix: u32,
    suffix: u32,
    last: u32,
    documents: u32,
    count: u64,
}

/// No n-gram starts here.
const NONE: u32 = u32::MAX;

impl Corpus {
    /// The terms and phrases that occur in at least `min_documents` documents, by
    /// documents, then count (descending), then (for phrases) length and text. Phrases
    /// are of the options' lengths, with the Phrases view's rule for their first and last
    /// words; one inside a listed longer phrase with the same documents and count is left
    /// out, as the Phrases view leaves such phrases out.
    ///
    /// ```
    /// use colloquy::{Corpus, DocumentMeta, FrequencyOptions};
    /// let mut c = Corpus::new(&Default::default(), Default::default());
    /// c.add(DocumentMeta::named("a"), "Al: The peace process matters. Bo: Peace.".into());
    /// c.add(DocumentMeta::named("b"), "Al: Again the peace process.".into());
    /// let f = c.frequency(&FrequencyOptions { min_documents: 2, limit: 0 });
    /// assert_eq!((f.terms[0].term.as_str(), f.terms[0].documents, f.terms[0].count), ("peace", 2, 3));
    /// assert_eq!(f.phrases.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), ["peace process"]);
    /// ```
    pub fn frequency(&self, options: &FrequencyOptions) -> DocumentFrequency {
        let min = options.min_documents.max(1);
        DocumentFrequency {
            terms: self.term_frequency(min, options.limit),
            phrases: self.phrase_frequency(min, options.limit),
        }
    }

    fn term_frequency(&self, min: usize, limit: usize) -> Vec<TermFrequency> {
        let mut docs = vec![0usize; self.terms.strings.len()];
        let mut counts = vec![0u64; self.terms.strings.len()];
        for e in &self.entries {
            for &(id, n) in &e.terms {
                if let (Some(d), Some(c)) = (docs.get_mut(id as usize), counts.get_mut(id as usize)) {
                    *d += 1;
                    *c += u64::from(n);
                }
            }
        }
        let mut out: Vec<TermFrequency> = docs
            .iter()
            .zip(&counts)
            .enumerate()
            .filter(|(_, (&d, _))| d >= min)
            .map(|(id, (&documents, &count))| TermFrequency {
                term: self.terms.string(u32::try_from(id).unwrap_or(u32::MAX)).to_owned(),
                documents,
                count,
            })
            .collect();
        crate::sort::top_k(&mut out, limit, |a, b| {
            b.documents.cmp(&a.documents).then_with(|| b.count.cmp(&a.count)).then_with(|| a.term.cmp(&b.term))
        });
        out
    }

    /// Phrases by documents, order by order (Apriori): an n-gram is looked for only
    /// where the (n−1)-grams it starts and ends with are in enough documents, so each
    /// order is one pass over the token ids with a table of the candidates.
    fn phrase_frequency(&self, min: usize, limit: usize) -> Vec<PhraseFrequency> {
        let view = &self.view;
        let (min_n, max_n) = (view.ngram_min.max(2), view.ngram_max.min(crate::MAX_NGRAM));
        // Order 1: token ids in enough documents.
        let mut seen_in = vec![(0u32, NONE); self.vocab.len()];
        for (d, e) in self.entries.iter().enumerate() {
            let d = u32::try_from(d).unwrap_or(NONE);
            for &id in e.ids.iter().filter(|&&id| id != BREAK) {
                if let Some(s) = seen_in.get_mut(id as usize) {
                    if s.1 != d {
                        *s = (s.0 + 1, d);
                    }
                }
            }
        }
        let frequent = |id: u32| seen_in.get(id as usize).is_some_and(|s| s.0 as usize >= min);
        // Per document: the index of the (n−1)-gram starting at each position.
        let mut starts: Vec<Vec<u32>> = self
            .entries
            .iter()
            .map(|e| e.ids.iter().map(|&id| if id != BREAK && frequent(id) { id } else { NONE }).collect())
            .collect();
        let mut orders: Vec<Vec<Gram>> = Vec::new();
        for _n in 2..=max_n {
            let mut table: FxHashMap<u64, u32> = FxHashMap::default();
            let mut grams: Vec<Gram> = Vec::new();
            let mut last_doc: Vec<u32> = Vec::new();
            let previous = orders.last();
            let last_of = |i: u32| previous.map_or(Some(i), |p| p.get(i as usize).map(|g| g.last));
            for (d, s) in starts.iter().enumerate() {
                let d = u32::try_from(d).unwrap_or(NONE);
                for w in s.windows(2) {
                    let &[a, b] = w else { continue };
                    if a == NONE || b == NONE {
                        continue;
                    }
                    let key = u64::from(a) << 32 | u64::from(b);
                    let at = *table.entry(key).or_insert_with(|| {
                        grams.push(Gram {
                            prefix: a,
                            suffix: b,
                            last: last_of(b).unwrap_or(NONE),
                            documents: 0,
                            count: 0,
                        });
                        last_doc.push(NONE);
                        u32::try_from(grams.len() - 1).unwrap_or(NONE)
                    });
                    if let (Some(g), Some(l)) = (grams.get_mut(at as usize), last_doc.get_mut(at as usize)) {
                        g.count += 1;
                        if *l != d {
                            *l = d;
                            g.documents += 1;
                        }
                    }
                }
            }
            // Keep those in enough documents, renumbered in the order found.
            let mut renumber = vec![NONE; grams.len()];
            let mut kept = Vec::new();
            for (i, g) in grams.iter().enumerate() {
                if g.documents as usize >= min {
                    if let Some(r) = renumber.get_mut(i) {
                        *r = u32::try_from(kept.len()).unwrap_or(NONE);
                    }
                    kept.push(*g);
                }
            }
            for s in &mut starts {
                let next: Vec<u32> = s
                    .windows(2)
                    .map(|w| match w {
                        &[a, b] if a != NONE && b != NONE => table
                            .get(&(u64::from(a) << 32 | u64::from(b)))
                            .and_then(|&i| renumber.get(i as usize).copied())
                            .unwrap_or(NONE),
                        _ => NONE,
                    })
                    .collect();
                *s = next;
            }
            let done = kept.is_empty();
            orders.push(kept);
            if done {
                break;
            }
        }
        self.report_phrases(&orders, min_n, limit)
    }

    /// The phrases of `orders` (`orders[k]`: the (k+2)-grams) that may be listed, longest
    /// first so that a phrase inside a listed one with the same counts is left out.
    fn report_phrases(&self, orders: &[Vec<Gram>], min_n: usize, limit: usize) -> Vec<PhraseFrequency> {
        let mut covered: Vec<Vec<bool>> = orders.iter().map(|o| vec![false; o.len()]).collect();
        let mut out: Vec<PhraseFrequency> = Vec::new();
        for k in (0..orders.len()).rev() {
            let n = k + 2;
            let Some(order) = orders.get(k) else { continue };
            for (i, g) in order.iter().enumerate() {
                let words = self.gram_words(orders, k, g);
                let listed = n >= min_n
                    && words.first().is_some_and(|&id| self.is_edge(id))
                    && words.last().is_some_and(|&id| self.is_edge(id))
                    && words.iter().all(|&id| self.word.get(id as usize).copied().unwrap_or(false));
                let is_covered = covered.get(k).and_then(|c| c.get(i)).copied().unwrap_or(false);
                if listed && !is_covered {
                    let text = words.iter().map(|&id| self.vocab.string(id)).collect::<Vec<_>>().join(" ");
                    out.push(PhraseFrequency { text, n, documents: g.documents as usize, count: g.count });
                }
                // What it holds with the same counts is covered, whether listed or covered.
                if (listed || is_covered) && k > 0 {
                    for inner in [g.prefix, g.suffix] {
                        let same = orders
                            .get(k - 1)
                            .and_then(|o| o.get(inner as usize))
                            .is_some_and(|h| h.documents == g.documents && h.count == g.count);
                        if let Some(c) = covered.get_mut(k - 1).and_then(|c| c.get_mut(inner as usize)) {
                            *c |= same;
                        }
                    }
                }
            }
        }
        crate::sort::top_k(&mut out, limit, |a, b| {
            b.documents
                .cmp(&a.documents)
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| b.n.cmp(&a.n))
                .then_with(|| a.text.cmp(&b.text))
        });
        out
    }

    fn is_edge(&self, id: u32) -> bool {
        self.edge.get(id as usize).copied().unwrap_or(false)
    }

    /// The token ids of `orders[k]`'s gram `g`.
    fn gram_words(&self, orders: &[Vec<Gram>], k: usize, g: &Gram) -> Vec<u32> {
        let mut words = vec![g.last];
        let (mut k, mut prefix) = (k, g.prefix);
        while k > 0 {
            let Some(p) = orders.get(k - 1).and_then(|o| o.get(prefix as usize)) else { break };
            words.push(p.last);
            prefix = p.prefix;
            k -= 1;
        }
        words.push(prefix);
        words.reverse();
        words
    }
}
