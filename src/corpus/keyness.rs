//! Keyness between two groups of documents: the words one group uses more, and less,
//! than the other, with the measures of the speakers' distinctive words.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::Corpus;
use crate::stats::keyness::{fightin_words, g2, log_ratio, prior, G2_CRITICAL, Z_CRITICAL};
use crate::Distinctive;

/// A set of the corpus's documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentSet {
    /// These documents, by index.
    Documents { documents: Vec<u32> },
    /// The documents of a group.
    Group { group: String },
    /// The documents dated from `from` to `to`, both included (either may be left
    /// out); dates compare as written (`2024-04` is in `2024-01-01`..`2024-12-31`).
    Dates { from: Option<String>, to: Option<String> },
    /// Every document not in the other set.
    Rest,
}

/// Which two groups to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupKeynessOptions {
    pub a: DocumentSet,
    pub b: DocumentSet,
    /// Terms in each list (key, avoided).
    pub limit: usize,
}

/// Terms in each keyness list by default.
pub const KEYNESS_TERMS: usize = 25;

/// Two groups compared: their documents and words, and the terms the first group uses
/// more (`key`, by z descending) and less (`avoided`, by z ascending) than the second.
/// Each term's `count` is group A's, `otherCount` group B's.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct GroupKeyness {
    pub a_documents: Vec<u32>,
    pub b_documents: Vec<u32>,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub a_words: u64,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub b_words: u64,
    pub key: Vec<Distinctive>,
    pub avoided: Vec<Distinctive>,
}

/// Why two groups cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeynessError(pub String);

impl std::fmt::Display for KeynessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KeynessError {}

impl Corpus {
    /// Group A's key and avoided terms against group B: Fightin' Words (log-odds with
    /// an informative Dirichlet prior, the options' prior weight), with G² and Log Ratio,
    /// over the term view, as the speakers' distinctive words are scored. A group's size
    /// is its documents' words.
    ///
    /// ```
    /// use colloquy::{Corpus, DocumentMeta, DocumentSet, GroupKeynessOptions};
    /// let mut c = Corpus::new(&Default::default(), Default::default());
    /// c.add(DocumentMeta { group: Some("old".into()), ..DocumentMeta::named("a") }, "Al: tax tax tax budget.".into());
    /// c.add(DocumentMeta { group: Some("new".into()), ..DocumentMeta::named("b") }, "Al: climate climate climate budget.".into());
    /// let k = c.keyness(&GroupKeynessOptions { a: DocumentSet::Group { group: "new".into() }, b: DocumentSet::Rest, limit: 5 }).unwrap();
    /// assert_eq!((k.a_documents.as_slice(), k.key[0].term.as_str()), (&[1][..], "climate"));
    /// assert_eq!(k.avoided[0].term, "tax");
    /// ```
    pub fn keyness(&self, options: &GroupKeynessOptions) -> Result<GroupKeyness, KeynessError> {
        let a = self.resolve(&options.a, &options.b, "a")?;
        let b = self.resolve(&options.b, &options.a, "b")?;
        if let Some(d) = a.iter().find(|d| b.contains(d)) {
            return Err(KeynessError(format!("document {d} is in both groups")));
        }
        let (count_a, words_a) = self.group_counts(&a);
        let (count_b, words_b) = self.group_counts(&b);
        let mut key = Vec::new();
        let mut avoided = Vec::new();
        let (n_i, n_j) = (words_a as f64, words_b as f64);
        if n_i > 0.0 && n_j > 0.0 {
            let weight = self.options.view.comparison.prior_weight;
            for (id, (&y_i, &y_j)) in count_a.iter().zip(&count_b).enumerate() {
                if y_i + y_j == 0 {
                    continue;
                }
                let (y_i, y_j) = (y_i as f64, y_j as f64);
                let (a_w, a_0) = prior(y_i + y_j, n_i + n_j, weight);
                let (delta, z) = fightin_words(y_i, n_i, y_j, n_j, a_w, a_0);
                let g = g2(y_i, y_j, n_i - y_i, n_j - y_j);
                let d = Distinctive {
                    term: self.terms.string(u32::try_from(id).unwrap_or(u32::MAX)).to_owned(),
                    count: y_i as usize,
                    other_count: y_j as usize,
                    delta,
                    z,
                    g2: if y_i * n_j < y_j * n_i { -g } else { g },
                    log_ratio: log_ratio(y_i, n_i, y_j, n_j),
                    z_significant: z.abs() > Z_CRITICAL,
                    g2_significant: g > G2_CRITICAL,
                };
                if z > 0.0 {
                    key.push(d);
                } else if z < 0.0 {
                    avoided.push(d);
                }
            }
        }
        crate::sort::top_k(&mut key, options.limit, |x, y| y.z.total_cmp(&x.z).then_with(|| x.term.cmp(&y.term)));
        crate::sort::top_k(&mut avoided, options.limit, |x, y| x.z.total_cmp(&y.z).then_with(|| x.term.cmp(&y.term)));
        Ok(GroupKeyness { a_documents: a, b_documents: b, a_words: words_a, b_words: words_b, key, avoided })
    }

    /// The documents of `set` (`other`: the set it is compared with, for `rest`).
    fn resolve(&self, set: &DocumentSet, other: &DocumentSet, name: &str) -> Result<Vec<u32>, KeynessError> {
        let all = || (0..self.entries.len()).filter_map(|d| u32::try_from(d).ok());
        let docs: Vec<u32> = match set {
            DocumentSet::Documents { documents } => {
                if let Some(d) = documents.iter().find(|&&d| d as usize >= self.entries.len()) {
                    return Err(KeynessError(format!("group {name}: there is no document {d}")));
                }
                let mut d = documents.clone();
                d.sort_unstable();
                d.dedup();
                d
            }
            DocumentSet::Group { group } => {
                all().filter(|&d| self.row(d).is_some_and(|r| r.group.as_deref() == Some(group))).collect()
            }
            DocumentSet::Dates { from, to } => all()
                .filter(|&d| {
                    self.row(d).and_then(|r| r.date.as_deref()).is_some_and(|date| {
                        from.as_deref().is_none_or(|f| date >= f) && to.as_deref().is_none_or(|t| date <= t)
                    })
                })
                .collect(),
            DocumentSet::Rest => {
                if matches!(other, DocumentSet::Rest) {
                    return Err(KeynessError("groups a and b cannot both be the rest".to_owned()));
                }
                let taken = self.resolve(other, set, if name == "a" { "b" } else { "a" })?;
                all().filter(|d| !taken.contains(d)).collect()
            }
        };
        if docs.is_empty() {
            return Err(KeynessError(format!("group {name} has no documents")));
        }
        Ok(docs)
    }

    fn row(&self, d: u32) -> Option<&crate::DocumentRow> {
        self.entries.get(d as usize).map(|e| &e.row)
    }

    /// The documents' count of every term, and their words.
    fn group_counts(&self, docs: &[u32]) -> (Vec<u64>, u64) {
        let mut counts = vec![0u64; self.terms.strings.len()];
        let mut words = 0;
        for e in docs.iter().filter_map(|&d| self.entries.get(d as usize)) {
            words += e.row.words;
            for &(id, n) in &e.terms {
                if let Some(c) = counts.get_mut(id as usize) {
                    *c += u64::from(n);
                }
            }
        }
        (counts, words)
    }
}
