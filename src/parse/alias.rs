//! Suggesting that two labels name the same speaker: `Lavrov`, `MR. LAVROV` and
//! `S. Lavrov` all look like `Sergey Lavrov`. Suggestions only; nothing is merged.

use crate::parse::Speaker;

/// A suggestion that speaker `from` is the same person as speaker `to`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AliasSuggestion {
    pub from: String,
    pub to: String,
}

const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "hon",
    "rt",
    "sir",
    "dame",
    "lord",
    "lady",
    "madam",
    "madame",
    "mme",
    "m",
    "herr",
    "frau",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "minister",
    "president",
    "ambassador",
    "judge",
    "justice",
    "the",
    "г-н",
    "г-жа",
    "господин",
    "госпожа",
];

/// The words of a name that identify a person: lowercased, split on spaces and dots,
/// honorifics dropped.
fn key_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty() && !HONORIFICS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// Whether `short` names the same person as `long`: same surname, and every other
/// word equal to or an initial of a word of `long`.
fn is_short_form(short: &[String], long: &[String]) -> bool {
    let (Some(s_last), Some(l_last)) = (short.last(), long.last()) else {
        return false;
    };
    if s_last != l_last || short.len() > long.len() {
        return false;
    }
    let (Some((_, rest)), Some((_, short_rest))) = (long.split_last(), short.split_last()) else { return false };
    short_rest.iter().all(|w| rest.iter().any(|l| l == w || (w.chars().count() == 1 && l.starts_with(w.as_str()))))
}

/// Suggestions over `speakers`, with `turns[i]` the number of turns of speaker `i`,
/// as pairs `(from, to)`. Each speaker gets at most one suggestion: the fullest name
/// it may be short for (most name words, then most turns, then first seen). Labels
/// that differ only in case or honorifics suggest the less used into the more used.
/// How good a merge target is: name words, turns, earliness.
type Rank = (usize, usize, std::cmp::Reverse<usize>);

pub(crate) fn suggest_aliases(speakers: &[Speaker], turns: &[usize]) -> Vec<(usize, usize)> {
    let keys: Vec<Vec<String>> = speakers.iter().map(|s| key_words(&s.name)).collect();
    let turns_of = |i: usize| turns.get(i).copied().unwrap_or(0);
    // Only names with the same last word can match: compare within those groups, so
    // thousands of distinct speakers stay cheap.
    let mut by_surname: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, (s, k)) in speakers.iter().zip(&keys).enumerate() {
        if let (true, Some(last)) = (s.attributed, k.last()) {
            by_surname.entry(last.as_str()).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (a, (sa, ka)) in speakers.iter().zip(&keys).enumerate() {
        let Some(group) = ka.last().and_then(|l| by_surname.get(l.as_str())) else { continue };
        if !sa.attributed {
            continue;
        }
        let mut best: Option<(usize, Rank)> = None;
        for &b in group {
            let (Some(kb), true) = (keys.get(b), a != b) else { continue };
            let candidate = if ka == kb {
                (turns_of(a), b) < (turns_of(b), a)
            } else {
                ka.len() <= kb.len() && is_short_form(ka, kb)
            };
            let rank = (kb.len(), turns_of(b), std::cmp::Reverse(b));
            if candidate && best.as_ref().is_none_or(|(_, r)| rank > *r) {
                best = Some((b, rank));
            }
        }
        if let Some((b, _)) = best {
            out.push((a, b));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &str, b: &str) -> bool {
        is_short_form(&key_words(a), &key_words(b))
    }

    #[test]
    fn short_forms() {
        assert!(check("Lavrov", "Sergey Lavrov"));
        assert!(check("MR. LAVROV", "Sergey Lavrov"));
        assert!(check("S. Lavrov", "Sergey Lavrov"));
        assert!(!check("Lebedev", "Sergey Lavrov"));
        assert!(!check("A. Lavrov", "Sergey Lavrov"));
        assert!(!check("Sergey Lavrov", "S. Lavrov"));
    }
}
