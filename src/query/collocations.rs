//! Collocations: words that keep company with a node word within ±k words (never
//! across a turn; the node's own forms are not its collocates), or all adjacent word pairs (bigrams, within sentences), scored by
//! MI, t-score, logDice and G² (see [`crate::stats::assoc`]).

use rustc_hash::FxHashMap;

use crate::query::pattern::compile;
use crate::stats::assoc::associate;
use crate::token::TokenKind;
use crate::{Document, Stopwords};

/// MI is only reported for pairs seen at least this often: it overrates rare pairs.
pub const MI_MIN_COUNT: usize = 5;

/// Which score orders the collocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum CollocationSort {
    #[cfg_attr(feature = "serde", serde(rename = "logDice"))]
    #[default]
    LogDice,
    #[cfg_attr(feature = "serde", serde(rename = "mi"))]
    Mi,
    #[cfg_attr(feature = "serde", serde(rename = "t"))]
    T,
    #[cfg_attr(feature = "serde", serde(rename = "g2"))]
    G2,
    #[cfg_attr(feature = "serde", serde(rename = "count"))]
    Count,
}

/// Options of [`Document::collocations`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollocationOptions {
    /// Words on each side of the node (±k).
    pub window: usize,
    /// Pairs seen fewer times are left out.
    pub min_count: usize,
    pub sort: CollocationSort,
    /// At most this many collocates; 0 means all.
    pub limit: usize,
    /// Leave out stopwords and numbers as collocates (the list of the detected language).
    pub stopwords: Stopwords,
    /// Added to the stopwords in force, as [`crate::ViewOptions::extra_stopwords`]: a
    /// bigram with one of them, or a collocate that is one, is left out.
    pub extra_stopwords: Vec<String>,
}

impl Default for CollocationOptions {
    fn default() -> Self {
        CollocationOptions {
            window: 5,
            min_count: 3,
            sort: CollocationSort::LogDice,
            limit: 50,
            stopwords: Stopwords::Auto,
            extra_stopwords: Vec::new(),
        }
    }
}

/// A collocate of the node (or, for bigrams, a word pair `"w1 w2"`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Collocate {
    pub term: String,
    /// Co-occurrences within the window (or occurrences of the bigram).
    pub count: usize,
    pub node_count: usize,
    pub collocate_count: usize,
    /// `None` below [`MI_MIN_COUNT`] co-occurrences.
    pub mi: Option<f64>,
    pub t: f64,
    pub log_dice: f64,
    pub g2: f64,
}

impl Document {
    /// Collocates of `node` (a word or `*` pattern), or all bigrams for `None`.
    ///
    /// ```
    /// use colloquy::{CollocationOptions, Document};
    /// let doc = Document::new("A: strong tea and strong tea and strong tea".into(), &Default::default());
    /// let c = doc.collocations(Some("strong"), &CollocationOptions { window: 1, min_count: 1, ..Default::default() });
    /// assert_eq!(c[0].term, "tea");
    /// assert_eq!(c[0].count, 3);
    /// ```
    pub fn collocations(&self, node: Option<&str>, options: &CollocationOptions) -> Vec<Collocate> {
        let toks = self.tokens();
        let total = toks.tokens.len();
        let mut freq = vec![0usize; toks.vocab.len()];
        for t in &toks.tokens {
            if let Some(f) = freq.get_mut(t.id as usize) {
                *f += 1;
            }
        }
        let stop = self.stopword_ids(&options.stopwords, &options.extra_stopwords);
        let keep = |id: u32| !stop.contains(&id) && toks.vocab.kind(id) == TokenKind::Word;
        let f = |id: u32| freq.get(id as usize).copied().unwrap_or(0);
        // (key, node id or first word, collocate id or second word) → co-occurrences.
        let mut pairs: FxHashMap<(u32, u32), usize> = FxHashMap::default();
        let span;
        match node {
            Some(query) => {
                let Some(pattern) = compile(query, &toks.vocab, false) else { return Vec::new() };
                let [first] = pattern.as_slice() else { return Vec::new() };
                span = 2 * options.window;
                for range in &toks.turns {
                    for i in range.clone() {
                        let Some(t) = toks.tokens.get(i) else { continue };
                        if first.matches(t.id).is_none() {
                            continue;
                        }
                        let from = i.saturating_sub(options.window).max(range.start);
                        let to = (i + options.window).min(range.end.saturating_sub(1));
                        for j in (from..=to).filter(|&j| j != i) {
                            // The node is not its own collocate: "going to … going to"
                            // would put `going` first in its own list.
                            if let Some(c) = toks.tokens.get(j).filter(|c| keep(c.id) && first.matches(c.id).is_none())
                            {
                                *pairs.entry((u32::MAX, c.id)).or_default() += 1;
                            }
                        }
                    }
                }
                let node_count: usize = (0..toks.vocab.len())
                    .filter_map(|i| u32::try_from(i).ok())
                    .filter(|&id| first.matches(id).is_some())
                    .map(f)
                    .sum();
                let mut out: Vec<Collocate> = pairs
                    .into_iter()
                    .filter(|&(_, o)| o >= options.min_count.max(1))
                    .map(|((_, c), o)| score(toks.vocab.string(c).to_owned(), o, node_count, f(c), total, span))
                    .collect();
                finish(&mut out, options);
                out
            }
            None => {
                span = 1;
                for sentence in &toks.sentences {
                    let Some(st) = toks.tokens.get(sentence.tokens.clone()) else { continue };
                    for w in st.windows(2) {
                        if let [a, b] = w {
                            if keep(a.id) && keep(b.id) {
                                *pairs.entry((a.id, b.id)).or_default() += 1;
                            }
                        }
                    }
                }
                let mut out: Vec<Collocate> = pairs
                    .into_iter()
                    .filter(|&(_, o)| o >= options.min_count.max(1))
                    .map(|((a, b), o)| {
                        let term = format!("{} {}", toks.vocab.string(a), toks.vocab.string(b));
                        score(term, o, f(a), f(b), total, span)
                    })
                    .collect();
                finish(&mut out, options);
                out
            }
        }
    }
}

fn score(term: String, o: usize, node_count: usize, collocate_count: usize, total: usize, span: usize) -> Collocate {
    let a = associate(o as f64, node_count as f64, collocate_count as f64, total as f64, span as f64);
    Collocate {
        term,
        count: o,
        node_count,
        collocate_count,
        mi: (o >= MI_MIN_COUNT).then_some(a.mi),
        t: a.t,
        log_dice: a.log_dice,
        g2: a.g2,
    }
}

fn finish(out: &mut Vec<Collocate>, options: &CollocationOptions) {
    let key = |c: &Collocate| match options.sort {
        CollocationSort::LogDice => c.log_dice,
        CollocationSort::Mi => c.mi.unwrap_or(f64::NEG_INFINITY),
        CollocationSort::T => c.t,
        CollocationSort::G2 => c.g2,
        CollocationSort::Count => c.count as f64,
    };
    crate::sort::sort_by(out, |a, b| {
        key(b).total_cmp(&key(a)).then(b.count.cmp(&a.count)).then_with(|| a.term.cmp(&b.term))
    });
    if options.limit > 0 {
        out.truncate(options.limit);
    }
}
