//! The concordance across documents: every document kept whole is searched, and each
//! hit says its document.

#[cfg(feature = "serde")]
use serde::Serialize;

use super::Corpus;
use crate::{KwicHit, KwicOptions, KwicSort};

/// Hits across the documents.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CorpusKwic {
    pub hits: Vec<CorpusKwicHit>,
    /// Hits before the limit.
    pub total: usize,
    /// Documents searched (those kept whole).
    pub searched: usize,
    /// Documents not searched: only their counts were kept (see [`crate::CorpusConfig`]).
    pub not_kept: usize,
}

/// A hit and its document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CorpusKwicHit {
    /// The document's index.
    pub document: u32,
    #[cfg_attr(feature = "serde", serde(flatten))]
    #[cfg_attr(feature = "typescript", ts(flatten))]
    pub hit: KwicHit,
}

impl Corpus {
    /// Finds `query` in every document kept whole, as [`crate::Document::kwic`] does in
    /// one: in document order, or sorted across the documents by the words to the left or
    /// right; the limit counts every document's hits.
    ///
    /// ```
    /// use colloquy::{Corpus, DocumentMeta};
    /// let mut c = Corpus::new(&Default::default(), Default::default());
    /// c.add(DocumentMeta::named("a"), "Al: The treaty holds.".into());
    /// c.add(DocumentMeta::named("b"), "Bo: No treaty. A treaty!".into());
    /// let k = c.kwic("treaty", &Default::default());
    /// assert_eq!(k.hits.iter().map(|h| h.document).collect::<Vec<_>>(), [0, 1, 1]);
    /// assert_eq!((k.hits[1].hit.left.as_str(), k.searched, k.not_kept), ("No ", 2, 0));
    /// ```
    pub fn kwic(&self, query: &str, options: &KwicOptions) -> CorpusKwic {
        self.kwic_any(&[query], options)
    }

    /// [`Corpus::kwic`] of several queries as one list (as [`crate::Document::kwic_any`]).
    pub fn kwic_any(&self, queries: &[&str], options: &KwicOptions) -> CorpusKwic {
        let each = KwicOptions { sort: KwicSort::Position, limit: 0, ..*options };
        let mut hits = Vec::new();
        let mut searched = 0;
        for (d, e) in self.entries.iter().enumerate() {
            let Some(doc) = &e.document else { continue };
            searched += 1;
            let document = u32::try_from(d).unwrap_or(u32::MAX);
            hits.extend(doc.kwic_any(queries, &each).into_iter().map(|hit| CorpusKwicHit { document, hit }));
        }
        let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
        match options.sort {
            KwicSort::Position => {}
            KwicSort::Left => crate::sort::sort_by_cached_key(&mut hits, |h| {
                let mut w = words(&h.hit.left);
                w.reverse();
                (w, h.document, h.hit.token)
            }),
            KwicSort::Right => {
                crate::sort::sort_by_cached_key(&mut hits, |h| (words(&h.hit.right), h.document, h.hit.token))
            }
        }
        let total = hits.len();
        if options.limit > 0 {
            hits.truncate(options.limit);
        }
        CorpusKwic { hits, total, searched, not_kept: self.entries.len() - searched }
    }
}
