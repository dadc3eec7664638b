//! A label hint: when the automatic detection finds no labels, or few, lines that start
//! the same way with a name look like labels it did not take (`SMITH -- text`,
//! `Smith > text`, `(SMITH) text`), and the hint offers a label pattern that reads them.
//!
//! The separators looked for, after a name-like head at the start of a line (after
//! indentation) and before some speech:
//!
//! | kind      | example             |
//! |-----------|---------------------|
//! | dash      | `SMITH -- text`, `Smith - text`, `Smith — text` (a dash between spaces) |
//! | arrow     | `Smith > text`, `Smith> text` |
//! | bar       | `SMITH | text`      |
//! | paren     | `SMITH) text`       |
//! | tab       | `SMITH⇥text`        |
//! | parens    | `(SMITH) text`      |
//! | angles    | `<Smith> text`      |
//! | brackets  | `[SMITH] text`      |
//!
//! A name-like head is one to four words, each starting with a capital (Latin, Latin-1,
//! Greek or Cyrillic) and going on with letters, digits, `'`, `’`, `.` or `-` (so
//! `Mr.` and `J.` are words), with `of`, `de`, `van`, … allowed between words. A head
//! whose first word is a stage direction (`(Laughter) Thank you.`) is not a name.
//!
//! The hint needs recurrence: at least [`MIN_LINES`] lines of one kind, at least two
//! distinct names, names used again (no more than two names per three lines), and the
//! lines at least 1 in [`MIN_SHARE`] of the sample's lines that are not labels already.
//! The kind with most lines wins.
//!
//! The hint is decided with the label convention ([`super::convention::Convention::detect`]),
//! from the same sample (the text's first 256 KiB), so every part of a stream carries
//! the same hint; it is reported only when under half of the words have a speaker
//! (at report time, from the merged counts).
//!
//! The pattern is the regular-expression form of the same rules, with a `speaker` group,
//! for the `labelPattern` option. It cannot say "not a stage direction", so applied to a
//! text it also reads `(Laughter) Thank you.` as a label where the hint did not count it.

use rustc_hash::FxHashMap;

use crate::parse::stage::DIRECTION_WORDS;

#[cfg(feature = "serde")]
use serde::Serialize;

/// Lines that look like labels the automatic detection did not take, and a label
/// pattern that reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct LabelHint {
    /// A regular expression for the `labelPattern` option, anchored at the line start,
    /// whose group `speaker` is the name.
    pub pattern: String,
    /// The label part of up to three lines (each with another name), as printed:
    /// `SMITH --`, `(Jones)`.
    pub examples: Vec<String>,
    /// How many lines of the sample (the text's first 256 KiB) look like such labels.
    pub lines: usize,
}

/// Fewest label-like lines of one kind for a hint.
const MIN_LINES: usize = 3;
/// The label-like lines are at least one in this many of the lines that are not labels.
const MIN_SHARE: usize = 25;
/// Most words in a name (particles not counted).
const MAX_NAME_WORDS: usize = 4;
const MAX_EXAMPLES: usize = 3;

/// Lowercase words allowed between the words of a name (`Ms. JONES of Ohio`).
const PARTICLES: &[&str] =
    &["of", "de", "da", "di", "du", "del", "der", "den", "van", "von", "la", "le", "al", "bin", "ibn"];

/// Capitals a name may start with, as a regex class body, and the same test in Rust:
/// ASCII, Latin-1, Greek and Cyrillic capitals.
const INITIAL_CLASS: &str = "A-ZÀ-ÖØ-ÞΑ-ΩЀ-Я";

fn is_initial(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'Α'..='Ω' | 'Ѐ'..='Я')
}

/// The rest of a name word: `[\w'’.\-]` (Rust's alphanumeric and the Unicode marks stand
/// for `\w`, which holds both: a decomposed `é` or a virama is part of a name).
fn is_rest(c: char) -> bool {
    c.is_alphanumeric() || crate::parse::mark::is_mark(c) || matches!(c, '_' | '\'' | '’' | '.' | '-')
}

/// The kinds of label-like line, in order of preference on a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dash,
    Arrow,
    Bar,
    Paren,
    Tab,
    Parens,
    Angles,
    Brackets,
}

const KINDS: [Kind; 8] =
    [Kind::Dash, Kind::Arrow, Kind::Bar, Kind::Paren, Kind::Tab, Kind::Parens, Kind::Angles, Kind::Brackets];

impl Kind {
    /// Enclosing marks, for kinds whose name is enclosed.
    fn enclosing(self) -> Option<(char, char)> {
        match self {
            Kind::Parens => Some(('(', ')')),
            Kind::Angles => Some(('<', '>')),
            Kind::Brackets => Some(('[', ']')),
            _ => None,
        }
    }

    /// The label pattern of this kind.
    fn pattern(self) -> String {
        let word = format!("[{INITIAL_CLASS}][\\w\\x27’.\\-]*");
        let particles = PARTICLES.join("|");
        let name = format!("(?<speaker>{word}(?: (?:(?:{particles}) )?{word}){{0,{}}})", MAX_NAME_WORDS - 1);
        let body = match self {
            Kind::Dash => format!("{name}[ \\t]+(?:-{{1,3}}|—|–)[ \\t]+"),
            Kind::Arrow => format!("{name}[ \\t]*>[ \\t]*"),
            Kind::Bar => format!("{name}[ \\t]*\\|[ \\t]*"),
            Kind::Paren => format!("{name}\\)[ \\t]*"),
            Kind::Tab => format!("{name}[ \\t]*\\t[ \\t]*"),
            Kind::Parens => format!("\\({name}\\)[ \\t]*"),
            Kind::Angles => format!("<{name}>[ \\t]*"),
            Kind::Brackets => format!("\\[{name}\\][ \\t]*"),
        };
        format!("^[ \\t]*{body}")
    }
}

/// A name-like head at the start of `s`: its length in bytes, or `None`.
fn name_len(s: &str) -> Option<usize> {
    let mut end = word_len(s)?;
    let mut words = 1;
    while words < MAX_NAME_WORDS {
        let Some(rest) = s[end..].strip_prefix(' ') else { break };
        let mut next = 1;
        let mut after = rest;
        if let Some((particle, tail)) =
            PARTICLES.iter().find_map(|p| Some((p, rest.strip_prefix(p)?.strip_prefix(' ')?)))
        {
            next += particle.len() + 1;
            after = tail;
        }
        let Some(w) = word_len(after) else { break };
        end += next + w;
        words += 1;
    }
    Some(end)
}

/// A name word at the start of `s`: a capital, then letters, digits, `'’.-`.
fn word_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if !is_initial(first) {
        return None;
    }
    Some(chars.find(|&(_, c)| !is_rest(c)).map_or(s.len(), |(i, _)| i))
}

/// Bytes of `s`'s leading spaces and tabs.
fn blank_len(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

/// A label-like line: its kind, its name and the end of its label part (after the
/// separator and the spaces that follow), or `None`.
fn label_like(line: &str) -> Option<(Kind, &str, usize)> {
    let indent = blank_len(line);
    let s = &line[indent..];
    let (kind, name, label_end) = match s.chars().next()? {
        open @ ('(' | '<' | '[') => {
            let kind = KINDS.into_iter().find(|k| k.enclosing().is_some_and(|(o, _)| o == open))?;
            let (_, close) = kind.enclosing()?;
            let inner = &s[1..];
            let n = name_len(inner)?;
            let after = inner[n..].strip_prefix(close)?;
            (kind, &inner[..n], s.len() - after.len())
        }
        _ => {
            let n = name_len(s)?;
            let after = &s[n..];
            let gap = blank_len(after);
            let rest = &after[gap..];
            let (kind, sep) = if gap > 0 && rest.starts_with(['—', '–']) {
                (Kind::Dash, rest.chars().next().map_or(1, char::len_utf8))
            } else if gap > 0 && rest.starts_with('-') {
                let dashes = rest.len() - rest.trim_start_matches('-').len();
                if dashes > 3 {
                    return None;
                }
                (Kind::Dash, dashes)
            } else if rest.starts_with('>') {
                (Kind::Arrow, 1)
            } else if rest.starts_with('|') {
                (Kind::Bar, 1)
            } else if gap == 0 && rest.starts_with(')') {
                (Kind::Paren, 1)
            } else if after[..gap].contains('\t') {
                (Kind::Tab, 0)
            } else {
                return None;
            };
            let after_sep = &rest[sep..];
            // A dash needs a space or tab after it.
            if kind == Kind::Dash && blank_len(after_sep) == 0 {
                return None;
            }
            (kind, &s[..n], s.len() - after_sep.len())
        }
    };
    let label_end = indent + label_end;
    let content = line[label_end..].trim_start_matches([' ', '\t']);
    if content.is_empty() {
        return None;
    }
    let first_word = name.split(' ').next().unwrap_or("").trim_end_matches('.');
    if DIRECTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(first_word)) {
        return None;
    }
    Some((kind, name, label_end + blank_len(&line[label_end..])))
}

/// Collects label-like lines of a sample, line by line, and decides the hint.
#[derive(Debug, Default)]
pub(crate) struct HintScan {
    /// Per kind (indexed as [`KINDS`]): lines, names with their counts, and the
    /// label parts of the first lines with a new name.
    kinds: [KindTally; 8],
    /// Non-blank lines that are not labels by the automatic detection.
    lines: usize,
}

#[derive(Debug, Default)]
struct KindTally {
    lines: usize,
    names: FxHashMap<String, usize>,
    examples: Vec<String>,
}

impl HintScan {
    /// Reads one non-blank line that the automatic detection did not take as a label.
    pub fn line(&mut self, line: &str) {
        self.lines += 1;
        let Some((kind, name, label_end)) = label_like(line) else { return };
        let Some(i) = KINDS.iter().position(|&k| k == kind) else { return };
        let Some(tally) = self.kinds.get_mut(i) else { return };
        tally.lines += 1;
        let seen = tally.names.entry(name.to_owned()).or_insert(0);
        *seen += 1;
        if *seen == 1 && tally.examples.len() < MAX_EXAMPLES {
            tally.examples.push(line[..label_end].trim().to_owned());
        }
    }

    /// The hint, if one kind of line recurs enough.
    pub fn finish(self) -> Option<LabelHint> {
        let total = self.lines;
        let mut best: Option<(Kind, KindTally)> = None;
        for (kind, tally) in KINDS.into_iter().zip(self.kinds) {
            let distinct = tally.names.len();
            let repeats = tally.names.values().any(|&n| n >= 2);
            let ok = tally.lines >= MIN_LINES
                && distinct >= 2
                && repeats
                && distinct * 3 <= tally.lines * 2
                && tally.lines * MIN_SHARE >= total;
            if ok && best.as_ref().is_none_or(|(_, b)| tally.lines > b.lines) {
                best = Some((kind, tally));
            }
        }
        let (kind, tally) = best?;
        Some(LabelHint { pattern: kind.pattern(), examples: tally.examples, lines: tally.lines })
    }
}

/// The hint for `text`'s lines, as [`HintScan`] decides it (all of them, for tests).
#[cfg(test)]
fn hint(text: &str) -> Option<LabelHint> {
    let mut scan = HintScan::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        scan.line(line);
    }
    scan.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyse, Options};

    const SPEECH: &[&str] = &[
        "I think we should begin.",
        "Thank you, that is kind.",
        "Well, I am not so sure about that.",
        "Let us move on to the budget.",
        "The budget is late again.",
        "We will see next week.",
    ];

    /// A transcript whose labels are `label(name)` followed by speech, alternating
    /// between `names`.
    fn transcript(names: &[&str], label: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        for (i, speech) in SPEECH.iter().enumerate() {
            let name = names[i % names.len()];
            out.push_str(&label(name));
            out.push_str(speech);
            out.push('\n');
        }
        out
    }

    /// The hint is found, its examples are the label parts, and applying its pattern
    /// gives the speakers with the right words.
    fn check(label: impl Fn(&str) -> String, examples: &[&str]) {
        let names = ["SMITH", "Mr. Jones of Ohio"];
        let text = transcript(&names, &label);
        let found = hint(&text).unwrap_or_else(|| panic!("no hint for {text:?}"));
        assert_eq!(found.examples, examples, "{text:?}");
        assert_eq!(found.lines, SPEECH.len());
        check_applied(&text, &found.pattern, &[("SMITH", 18), ("Mr. Jones of Ohio", 17)]);
    }

    /// Applying `pattern` as the label pattern gives exactly these speakers and words.
    fn check_applied(text: &str, pattern: &str, expect: &[(&str, usize)]) {
        let mut o = Options::default();
        assert_eq!(crate::check_label_pattern(pattern), Ok(()), "{pattern}");
        o.parse.label_pattern = Some(pattern.to_owned());
        let a = analyse(text, &o);
        let got: Vec<(&str, usize)> = a.speakers.iter().map(|s| (s.name.as_str(), s.words)).collect();
        assert_eq!(got, expect, "{pattern}\n{text}");
        assert!(a.label_hint.is_none(), "the hint is gone once applied");
    }

    #[test]
    fn dash() {
        check(|n| format!("{n} -- "), &["SMITH --", "Mr. Jones of Ohio --"]);
        check(|n| format!("{n} - "), &["SMITH -", "Mr. Jones of Ohio -"]);
        check(|n| format!("{n} — "), &["SMITH —", "Mr. Jones of Ohio —"]);
        check(|n| format!("  {n} –\t"), &["SMITH –", "Mr. Jones of Ohio –"]);
    }

    #[test]
    fn a_name_with_a_combining_mark_is_one_name() {
        // `JOSE` + U+0301 COMBINING ACUTE ACCENT: the mark is part of the name, as in `\w`.
        let names = ["JOSE\u{301}", "Mr. Jones of Ohio"];
        let text = transcript(&names, |n| format!("{n} -- "));
        let found = hint(&text).unwrap_or_else(|| panic!("no hint for {text:?}"));
        assert_eq!(found.examples, ["JOSE\u{301} --", "Mr. Jones of Ohio --"]);
        check_applied(&text, &found.pattern, &[("JOSE\u{301}", 18), ("Mr. Jones of Ohio", 17)]);
    }

    #[test]
    fn arrow() {
        check(|n| format!("{n} > "), &["SMITH >", "Mr. Jones of Ohio >"]);
        check(|n| format!("{n}> "), &["SMITH>", "Mr. Jones of Ohio>"]);
    }

    #[test]
    fn bar() {
        check(|n| format!("{n} | "), &["SMITH |", "Mr. Jones of Ohio |"]);
    }

    #[test]
    fn paren() {
        check(|n| format!("{n}) "), &["SMITH)", "Mr. Jones of Ohio)"]);
    }

    #[test]
    fn tab() {
        check(|n| format!("{n}\t"), &["SMITH", "Mr. Jones of Ohio"]);
    }

    #[test]
    fn parens() {
        check(|n| format!("({n}) "), &["(SMITH)", "(Mr. Jones of Ohio)"]);
    }

    #[test]
    fn angles() {
        check(|n| format!("<{n}> "), &["<SMITH>", "<Mr. Jones of Ohio>"]);
    }

    #[test]
    fn brackets() {
        check(|n| format!("[{n}] "), &["[SMITH]", "[Mr. Jones of Ohio]"]);
    }

    #[test]
    fn other_scripts() {
        let text = transcript(&["ПУТИН", "Émile Zola"], |n| format!("{n} -- "));
        let found = hint(&text).unwrap();
        check_applied(&text, &found.pattern, &[("ПУТИН", 18), ("Émile Zola", 17)]);
    }

    #[test]
    fn not_a_hint() {
        // Too few lines, one name, names that never repeat, no speech after the label.
        assert_eq!(hint("SMITH -- Hi.\nJONES -- Hello.\n"), None);
        assert_eq!(hint(&transcript(&["SMITH"], |n| format!("{n} -- "))), None);
        assert_eq!(hint(&transcript(&["A", "B", "C", "D", "E", "F"], |n| format!("{n} -- "))), None);
        assert_eq!(hint("SMITH --\nJONES --\nSMITH --\nJONES --\n"), None);
        // Stage directions, lowercase heads, dashes inside a sentence, hyphenated words.
        assert_eq!(hint(&transcript(&["Laughter", "Applause"], |n| format!("({n}) "))), None);
        assert_eq!(hint(&transcript(&["smith", "jones"], |n| format!("{n} -- "))), None);
        assert_eq!(hint(&transcript(&["We went home and then", "I said"], |n| format!("{n} -- "))), None);
        assert_eq!(hint(&transcript(&["SMITH", "JONES"], |n| format!("{n}--"))), None);
        assert_eq!(hint(&transcript(&["SMITH", "JONES"], |n| format!("{n}-"))), None);
        // Label-like lines that are too rare among the others.
        let mut text = transcript(&["SMITH", "JONES"], |n| format!("{n} -- "));
        text.push_str(&"Some prose goes on and on.\n".repeat(200));
        assert_eq!(hint(&text), None);
    }

    #[test]
    fn the_most_lines_win() {
        let mut text = transcript(&["SMITH", "JONES"], |n| format!("{n} | "));
        text.push_str(&transcript(&["SMITH", "JONES"], |n| format!("{n} -- ")));
        text.push_str("SMITH -- One more.\n");
        assert_eq!(hint(&text).map(|h| h.examples), Some(vec!["SMITH --".to_owned(), "JONES --".to_owned()]));
    }

    #[test]
    fn reported_when_few_words_have_a_speaker() {
        let text = transcript(&["SMITH", "JONES"], |n| format!("{n} -- "));
        let a = analyse(&text, &Options::default());
        assert_eq!(a.label_hint.as_ref().map(|h| h.lines), Some(SPEECH.len()));
        // Colon labels cover the text: no hint even though some lines look like labels.
        let mut labelled = transcript(&["Alice", "Bob"], |n| format!("{n}: "));
        labelled.push_str(&labelled.clone());
        labelled.push_str("Alice: SMITH -- one.\nBob: JONES -- two.\nAlice: SMITH -- three.\n");
        labelled.push_str("SMITH -- four.\nJONES -- five.\nSMITH -- six.\n");
        assert!(analyse(&labelled, &Options::default()).label_hint.is_none());
    }
}
