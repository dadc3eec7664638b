//! Query patterns: a term, a phrase, or words with `*` wildcards (`negotiat*`,
//! `the * of`), matched against interned token ids.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::token::{fold_word, Vocab};

/// One word of a query: the ids of every token it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WordMatch {
    /// `*` alone: any one token.
    Any,
    /// The tokens the word matches whole, and the hyphenated compounds it matches a
    /// part of (`cis` in `cis-un`), with that part's index (0 for the first part).
    Ids { whole: FxHashSet<u32>, parts: FxHashMap<u32, usize> },
}

/// How a token matches a word of a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hit {
    /// The whole token.
    Whole,
    /// Part `n` of a hyphenated compound (its parts counted from 0).
    Part(usize),
}

impl WordMatch {
    pub fn matches(&self, id: u32) -> Option<Hit> {
        match self {
            WordMatch::Any => Some(Hit::Whole),
            WordMatch::Ids { whole, parts } => {
                if whole.contains(&id) {
                    Some(Hit::Whole)
                } else {
                    parts.get(&id).map(|&n| Hit::Part(n))
                }
            }
        }
    }
}

/// Compiles `query` against `vocab`. Words are folded like tokens; `*` matches any run
/// of characters within a word. Returns `None` for an empty query.
///
/// With `compounds`, a one-word query also matches a part of a hyphenated compound
/// token: the vocabulary's strings (folded, every hyphen a `-`) are split at `-`, never
/// the text, so the counts' one tokenisation stays the only one. A compound's first
/// matching part is the one reported.
pub(crate) fn compile(query: &str, vocab: &Vocab, compounds: bool) -> Option<Vec<WordMatch>> {
    let mut out = compile_whole(query, vocab)?;
    if let (true, [WordMatch::Ids { whole, parts }]) = (compounds, out.as_mut_slice()) {
        let mut folded = String::new();
        fold_word(query.trim(), &mut folded);
        let pattern: Vec<&str> = folded.split('*').collect();
        for id in (0..vocab.len()).filter_map(|i| u32::try_from(i).ok()) {
            let s = vocab.string(id);
            if !s.contains('-') || whole.contains(&id) {
                continue;
            }
            if let Some(n) = s.split('-').position(|part| glob(&pattern, part)) {
                parts.insert(id, n);
            }
        }
    }
    Some(out)
}

/// The query's words, each matching whole tokens only.
fn compile_whole(query: &str, vocab: &Vocab) -> Option<Vec<WordMatch>> {
    let mut folded = String::new();
    let mut out = Vec::new();
    for word in query.split_whitespace() {
        if word == "*" {
            out.push(WordMatch::Any);
            continue;
        }
        fold_word(word, &mut folded);
        let ids: FxHashSet<u32> = if folded.contains('*') {
            let parts: Vec<&str> = folded.split('*').collect();
            (0..vocab.len())
                .filter_map(|i| u32::try_from(i).ok())
                .filter(|&id| glob(&parts, vocab.string(id)))
                .collect()
        } else {
            vocab.get(&folded).into_iter().collect()
        };
        out.push(WordMatch::Ids { whole: ids, parts: FxHashMap::default() });
    }
    (!out.is_empty()).then_some(out)
}

/// Whether `s` matches the pattern `parts` joined by `*`.
fn glob(parts: &[&str], s: &str) -> bool {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else { return false };
    if parts.len() == 1 {
        return s == *first;
    }
    if !s.starts_with(first) || s.len() < first.len() + last.len() || !s.ends_with(last) {
        return false;
    }
    let mut rest = &s[first.len()..s.len() - last.len()];
    for part in parts.get(1..parts.len() - 1).unwrap_or(&[]) {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn globs() {
        let p = |s: &str| s.split('*').map(str::to_owned).collect::<Vec<_>>();
        let m = |pat: &str, s: &str| glob(&p(pat).iter().map(String::as_str).collect::<Vec<_>>(), s);
        assert!(m("negotiat*", "negotiations"));
        assert!(m("*tion", "negotiation"));
        assert!(m("n*g*n", "negotiation"));
        assert!(!m("n*x*n", "negotiation"));
        assert!(m("a*a", "aa"));
        assert!(!m("ab*ba", "aba"));
    }
}
