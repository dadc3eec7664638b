//! Sentence ends, decided from the punctuation between two tokens, with care for
//! abbreviations (`Mr.`, `U.S.`) and initials (`S. Lavrov`).

/// What lies between two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// No sentence end.
    Continue,
    /// A sentence ends; `question` if it ended with a question mark.
    End { question: bool },
}

/// Abbreviations that end with a full stop (folded; each at most six bytes).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "hon", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "rev", "vs", "etc", "inc", "ltd", "co", "corp", "vol", "pp", "fig", "approx", "dept", "est", "mt", "ft", "no",
    "nos", "art", "para", "cf", "al", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "г", "гг",
    "т", "д", "им", "ул", "тов", "см",
];

/// Classifies the punctuation in `gap` after the token `previous` (folded), when the
/// next token starts with `next_first`.
pub(crate) fn classify(gap: &str, previous: &str, next_first: Option<char>) -> Gap {
    let mut full_stop = false;
    // Greek writes its question mark as `;` (U+037E normalises to it).
    let greek = previous.chars().next().is_some_and(|c| matches!(c as u32, 0x0370..=0x03FF | 0x1F00..=0x1FFF));
    for c in gap.chars() {
        match c {
            '?' | '？' | '؟' | '\u{037E}' | '⸮' => return Gap::End { question: true },
            ';' if greek => return Gap::End { question: true },
            '!' | '！' | '。' | '｡' | '।' | '॥' | '۔' | '‼' => return Gap::End { question: false },
            '.' | '…' | '．' => full_stop = true,
            _ => {}
        }
    }
    if !full_stop {
        return Gap::Continue;
    }
    let Some(next) = next_first else {
        return Gap::End { question: false };
    };
    // Every abbreviation is at most six bytes: longer words skip the list.
    let abbreviation = (previous.len() <= 6 && ABBREVIATIONS.contains(&previous))
        || previous.contains('.')
        || (previous.chars().count() == 1 && previous.chars().all(char::is_alphabetic));
    if next.is_lowercase() || (abbreviation && gap.trim_start().starts_with('.')) {
        Gap::Continue
    } else {
        Gap::End { question: false }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_short() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 6));
    }

    #[test]
    fn ends() {
        assert_eq!(classify(". ", "done", Some('T')), Gap::End { question: false });
        assert_eq!(classify("? ", "this", Some('S')), Gap::End { question: true });
        assert_eq!(classify(". ", "mr", Some('P')), Gap::Continue);
        assert_eq!(classify(". ", "u.s", Some('P')), Gap::Continue);
        assert_eq!(classify(". ", "s", Some('L')), Gap::Continue);
        assert_eq!(classify(", ", "well", Some('W')), Gap::Continue);
        assert_eq!(classify(". ", "etc", Some('a')), Gap::Continue);
        assert_eq!(classify(".", "end", None), Gap::End { question: false });
        assert_eq!(classify("; ", "οικονομία", None), Gap::End { question: true });
        assert_eq!(classify("; ", "economy", Some('t')), Gap::Continue);
    }
}
