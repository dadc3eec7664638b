//! Keyword in context: every occurrence of a query, with its speaker, the words
//! around it and its span.

use crate::query::pattern::{compile, Hit, WordMatch};
use crate::token::pieces::is_hyphen;
use crate::{Document, Span};

/// How to order hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum KwicSort {
    /// In text order.
    #[default]
    Position,
    /// By the words before the match, nearest first.
    Left,
    /// By the words after the match.
    Right,
}

/// Options of [`Document::kwic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KwicOptions {
    /// Context on each side, in words.
    pub width: usize,
    pub sort: KwicSort,
    /// At most this many hits; 0 means all.
    pub limit: usize,
    /// A one-word query also finds the word inside hyphenated compounds (`cis` in
    /// `CIS-UN`), each such hit marked [`KwicHit::in_compound`]. On by default.
    pub compounds: bool,
}

impl Default for KwicOptions {
    fn default() -> Self {
        KwicOptions { width: 8, sort: KwicSort::Position, limit: 0, compounds: true }
    }
}

/// One occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct KwicHit {
    pub speaker: String,
    /// The text before the match (up to `width` words, within the turn).
    pub left: String,
    /// The match as written.
    #[cfg_attr(feature = "serde", serde(rename = "match"))]
    pub matched: String,
    pub right: String,
    /// The match's offsets in the text.
    pub start: usize,
    pub end: usize,
    /// The index of the match's first token.
    pub token: usize,
    /// The match is a part of a hyphenated compound token (`CIS` of `CIS-UN`): `matched`,
    /// `start` and `end` are the part's, `token` the compound's.
    pub in_compound: bool,
}

impl Document {
    /// Finds `query` (a term, a phrase, or words with `*`) in the speech. A phrase
    /// matches within one sentence, as phrases are counted.
    ///
    /// ```
    /// let doc = colloquy::Document::new("Alice: The CIS met. The cis again.".into(), &Default::default());
    /// let hits = doc.kwic("cis", &Default::default());
    /// assert_eq!(hits.len(), 2);
    /// assert_eq!(hits[0].matched, "CIS");
    /// assert_eq!(hits[0].left, "The ");
    /// ```
    pub fn kwic(&self, query: &str, options: &KwicOptions) -> Vec<KwicHit> {
        self.kwic_any(&[query], options)
    }

    /// Finds every one of `queries` as one concordance: the hits of all of them (a hit
    /// two queries share, once), sorted and limited as one query's are. For the forms
    /// of a stemmed term, or any set of alternatives.
    ///
    /// ```
    /// let doc = colloquy::Document::new("Al: We talk. They talked. We talk again.".into(), &Default::default());
    /// let hits = doc.kwic_any(&["talked", "talk", "tal*"], &Default::default());
    /// let found: Vec<&str> = hits.iter().map(|h| h.matched.as_str()).collect();
    /// assert_eq!(found, ["talk", "talked", "talk"]);
    /// ```
    pub fn kwic_any(&self, queries: &[&str], options: &KwicOptions) -> Vec<KwicHit> {
        let mut hits = Vec::new();
        for query in queries {
            if let Some(pattern) = compile(query, &self.tokens().vocab, options.compounds) {
                self.find(&pattern, options.width, &mut hits);
            }
        }
        if queries.len() > 1 {
            // In text order, as one query's hits are; then the same match found by two
            // queries is next to itself.
            crate::sort::sort_by(&mut hits, |a, b| (a.token, a.end).cmp(&(b.token, b.end)));
            hits.dedup_by(|a, b| (a.start, a.end) == (b.start, b.end));
        }
        let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
        match options.sort {
            KwicSort::Position => {}
            KwicSort::Left => crate::sort::sort_by_cached_key(&mut hits, |h| {
                let mut w = words(&h.left);
                w.reverse();
                (w, h.token)
            }),
            KwicSort::Right => crate::sort::sort_by_cached_key(&mut hits, |h| (words(&h.right), h.token)),
        }
        if options.limit > 0 {
            hits.truncate(options.limit);
        }
        hits
    }

    /// Appends the hits of `pattern`, in text order, with `width` words of context.
    fn find(&self, pattern: &[WordMatch], width: usize, hits: &mut Vec<KwicHit>) {
        let toks = self.tokens();
        let n = pattern.len();
        let text = self.text();
        let transcript = self.transcript();
        let mut turn_index = 0;
        for sentence in &toks.sentences {
            let Some(st) = toks.tokens.get(sentence.tokens.clone()) else { continue };
            if st.len() < n {
                continue;
            }
            for (offset, window) in st.windows(n).enumerate() {
                // The token whose part matched, and the part's index.
                let mut part = None;
                let found = window.iter().zip(pattern).all(|(t, w)| match w.matches(t.id) {
                    None => false,
                    Some(Hit::Whole) => true,
                    Some(Hit::Part(n)) => {
                        part = Some((t.span, n));
                        true
                    }
                });
                if !found {
                    continue;
                }
                let first = sentence.tokens.start + offset;
                let last = first + n - 1;
                while toks.turns.get(turn_index).is_some_and(|r| r.end <= first) {
                    turn_index += 1;
                }
                let range = toks.turns.get(turn_index).cloned().unwrap_or(first..last + 1);
                let span = |i: usize| toks.tokens.get(i).map_or(Span::default(), |t| t.span);
                // A part of a compound (only a one-word query finds one) is located in
                // the token's own text, at the hyphen the vocabulary's string split at.
                let (start, end) = match part.and_then(|(s, n)| part_span(text, s, n)) {
                    Some(p) => (p.start, p.end),
                    None => (span(first).start, span(last).end),
                };
                let left_from = first.saturating_sub(width).max(range.start);
                let right_to = (last + width).min(range.end.saturating_sub(1));
                let left_start = if left_from < first { span(left_from).start } else { span(first).start.min(start) };
                let right_end = if right_to > last { span(right_to).end } else { span(last).end.max(end) };
                let speaker = transcript
                    .turns
                    .get(turn_index)
                    .and_then(|t| transcript.speakers.get(t.speaker))
                    .map_or_else(String::new, |s| s.name.clone());
                hits.push(KwicHit {
                    speaker,
                    left: text.get(left_start..start).unwrap_or("").to_owned(),
                    matched: text.get(start..end).unwrap_or("").to_owned(),
                    right: text.get(end..right_end).unwrap_or("").to_owned(),
                    start,
                    end,
                    token: first,
                    in_compound: part.is_some(),
                });
            }
        }
    }
}

/// The byte span of part `n` (from 0) of the compound token at `span` in `text`: its
/// text split at the hyphens that join compounds (`-`, U+2010, U+2011; the vocabulary
/// folds each to `-`, so the parts are the same). `None` if it has no such part.
///
/// ```text
/// part_span("We met the CIS-UN", 11..17, 0) = 11..14 ("CIS"); part 1 = 15..17 ("UN")
/// ```
fn part_span(text: &str, span: Span, n: usize) -> Option<Span> {
    let token = text.get(span.start..span.end)?;
    let mut from = 0;
    let mut part = 0;
    for (i, c) in token.char_indices().chain(std::iter::once((token.len(), '-'))) {
        if i < token.len() && !is_hyphen(c.encode_utf8(&mut [0; 4])) {
            continue;
        }
        if part == n {
            return Some(Span::new(span.start + from, span.start + i));
        }
        part += 1;
        from = i + c.len_utf8();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{part_span, Span};

    #[test]
    fn parts_of_a_compound() {
        let text = "We met the CIS-UN and post\u{2010}Soviet";
        assert_eq!(part_span(text, Span::new(11, 17), 0), Some(Span::new(11, 14)));
        assert_eq!(part_span(text, Span::new(11, 17), 1), Some(Span::new(15, 17)));
        assert_eq!(part_span(text, Span::new(11, 17), 2), None);
        let post = text.find("post").unwrap_or(0);
        let soviet = part_span(text, Span::new(post, text.len()), 1);
        assert_eq!(soviet.and_then(|s| text.get(s.start..s.end)), Some("Soviet"));
    }
}
