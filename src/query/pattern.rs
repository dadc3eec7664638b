//! Query patterns: a term, a phrase, or words with `*` wildcards (`negotiat*`,
//! `the * of`), matched against interned token ids.

use rustc_hash::FxHashSet;

use crate::token::{fold_word, Vocab};

/// One word of a query: the ids of every token it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WordMatch {
    /// `*` alone: any one token.
    Any,
    Ids(FxHashSet<u32>),
}

impl WordMatch {
    pub fn matches(&self, id: u32) -> bool {
        match self {
            WordMatch::Any => true,
            WordMatch::Ids(ids) => ids.contains(&id),
        }
    }
}

/// Compiles `query` against `vocab`. Words are folded like tokens; `*` matches any run
/// of characters within a word. Returns `None` for an empty query.
pub(crate) fn compile(query: &str, vocab: &Vocab) -> Option<Vec<WordMatch>> {
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
        out.push(WordMatch::Ids(ids));
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
