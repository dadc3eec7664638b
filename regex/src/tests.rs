//! Every match is compared with the `regex` crate's.

use proptest::prelude::*;

use super::*;

/// Spans of every capture group of the first match, as `regex` reports them.
fn reference(pattern: &str, haystack: &str) -> Option<Vec<Option<(usize, usize)>>> {
    let re = regex::Regex::new(pattern).unwrap();
    re.captures(haystack).map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
}

fn ours(pattern: &str, haystack: &str) -> Option<Vec<Option<(usize, usize)>>> {
    let re = Regex::new(pattern).unwrap();
    re.captures(haystack).map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
}

const PATTERNS: &[&str] = &[
    r"^(\w+):",
    r"^(?:(\w+(?: \w+)*):)",
    r"> (?P<speaker>\w+) said:",
    r"^(?<speaker>[A-Z][a-z]+)>",
    r"^\[(\d+):(\d\d)\]\s+(\w+)",
    r"^(\S+)\s*:",
    r"^(\D+)(\d+)",
    r"^(\W*)(\w+)(\W+)",
    r"^([\w.'-]+):",
    r"^([^\W\d_]+)",
    r"^([\d\s]+)(.*)",
    r"^([^\s:]+) *:",
    r"^([\S&&[^:]]+)",
    r"(?x) ^ ( \w+ ) \s* : # a name and a colon",
    r"(?i)^(speaker \d+|moderator):",
    r"^([[:alpha:]]+)\w*:",
    r"^([\w-]+)",
    r"^(.+?):\s",
    r"^Д(\w)",
];

const HAYSTACKS: &[&str] = &[
    "Alice: hello",
    "Сергей Лавров: Добрый день.",
    "> ann said: hi",
    "> Анна said: привет",
    "Ned>",
    "[12:05] John: well",
    "[١٢:٠٥] Ahmad: ٣",
    "Καλημέρα σας: ναι",
    "主持人：大家好",
    "José María: sí",
    "e\u{301}te\u{301}: combining",
    "Speaker 12: yes",
    "MODERATOR: order",
    "\u{a0}\u{3000}\u{2003}x: spaces",
    "١٢٣ digits",
    "𝟘𝟙 math digits: 𝒜",
    "snake_case_name: ok",
    "‿joined⁀: connector punctuation",
    "Дмитрий: да",
    "🙂 emoji: x",
    "a-b-c: dashes",
    "",
];

#[test]
fn matches_like_regex() {
    for p in PATTERNS {
        if p.contains("&&") {
            // Class set operations: refused by regex-lite (checked below).
            continue;
        }
        for h in HAYSTACKS {
            assert_eq!(ours(p, h), reference(p, h), "pattern {p:?} on {h:?}");
        }
    }
}

#[test]
fn perl_classes_are_the_unicode_ones() {
    // Every char of the BMP and the edges of every range elsewhere.
    let mut chars: Vec<char> = (0..0x10000).filter_map(char::from_u32).collect();
    for table in [tables::DECIMAL_NUMBER, tables::WHITE_SPACE, tables::PERL_WORD] {
        for &(a, b) in table {
            for c in [a as u32 - 1, a as u32, b as u32, b as u32 + 1] {
                chars.extend(char::from_u32(c));
            }
        }
    }
    chars.push(char::MAX);
    for class in [r"\d", r"\s", r"\w", r"\D", r"\S", r"\W", r"[\w]", r"[^\w]", r"[\W]", r"[\D\s]", r"[^\S]"] {
        let pattern = format!("^{class}$");
        let (ours, theirs) = (Regex::new(&pattern).unwrap(), regex::Regex::new(&pattern).unwrap());
        for &c in &chars {
            let s = c.to_string();
            assert_eq!(ours.is_match(&s), theirs.is_match(&s), "{class} on U+{:04X}", c as u32);
        }
    }
}

#[test]
fn what_cannot_be_exact_is_refused_with_a_reason() {
    for (pattern, reason) in [
        (r"^(\p{Lu}\w+):", "Unicode classes"),
        (r"^(\pL+):", "Unicode classes"),
        (r"^([\P{Ll}]+):", "Unicode classes"),
        (r"^(\w+)\b", "word boundaries"),
        (r"\Bx", "word boundaries"),
        (r"\<x\>", "word boundaries"),
        (r"\b{start}x", "word boundaries"),
        (r"(?i)^лавров:", "(?i)"),
        (r"(?i:^[а-я]+):", "(?i)"),
        (r"(?i)\x{41B}", "(?i)"),
        (r"(?-u:\w)", "(?-u)"),
        (r"[a-\w]", "range"),
        (r"[\w-z]", "range"),
    ] {
        let e = Regex::new(pattern).map(|_| ()).unwrap_err().to_string();
        assert!(e.contains(reason), "{pattern:?}: {e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }
    // Errors of regex-lite itself are passed on.
    assert!(Regex::new("(unclosed").is_err());
    assert!(Regex::new(r"[\w&&\d]").is_err());
}

#[test]
fn allowed_neighbours_of_the_refused() {
    for pattern in [r"(?i)^moderator:", r"(?i)^(speaker \d+) –", r"^Лавров:", r"[\w-]", r"[-\w]", r"\\b", r"[\b-]"]
    {
        let ours = Regex::new(pattern);
        if pattern == r"[\b-]" {
            assert!(ours.is_err() && regex::Regex::new(pattern).is_err(), "as in regex");
            continue;
        }
        assert!(ours.is_ok(), "{pattern:?}: {:?}", ours.err());
    }
    assert!(Regex::new(r"(?i)^moderator:").unwrap().is_match("MODERATOR: x"));
}

#[test]
fn cased_is_every_char_with_another_case() {
    for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
        let has_other_case = c.to_lowercase().ne([c]) || c.to_uppercase().ne([c]);
        assert!(!has_other_case || is_cased_non_ascii(c), "U+{:04X}", c as u32);
    }
    assert!(is_cased_non_ascii('ǅ') && is_cased_non_ascii('ᾈ') && !is_cased_non_ascii('中'));
}

proptest! {
    #[test]
    fn random_text_matches_like_regex(
        p in 0..PATTERNS.len(),
        h in proptest::collection::vec(prop_oneof![
            Just('a'), Just('Z'), Just('_'), Just('7'), Just(' '), Just(':'), Just('-'), Just('>'),
            Just('Ж'), Just('ж'), Just('é'), Just('\u{301}'), Just('٣'), Just('\u{a0}'), Just('\u{3000}'),
            Just('中'), Just('‿'), Just('🙂'), Just('\n'), Just('['), Just(']'),
        ], 0..24),
    ) {
        let pattern = PATTERNS[p];
        prop_assume!(Regex::new(pattern).is_ok());
        let haystack: String = h.into_iter().collect();
        prop_assert_eq!(ours(pattern, &haystack), reference(pattern, &haystack));
    }
}
