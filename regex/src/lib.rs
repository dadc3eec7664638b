//! The regular expressions of user label patterns: [regex-lite] (small: about a tenth of
//! the `regex` crate in the wasm) with `regex`'s Unicode meaning of `\d`, `\s` and `\w`.
//!
//! regex-lite reads `\d`, `\s` and `\w` (and `\D`, `\S`, `\W`) as ASCII classes; a pattern
//! such as `^(\w+):` must still match `Лавров:`. [`Regex::new`] rewrites each of them into
//! an explicit class with the very ranges the `regex` crate uses (`tables.rs`, derived at
//! build time from regex-syntax, the `regex` crate's parser), so a pattern matches what it
//! would match with `regex`. What cannot be rewritten exactly is refused with a message
//! that says what to write instead, never silently read as ASCII:
//!
//! - Unicode classes `\p{…}` and `\P{…}`: use a range (`[А-ЯЁ]`) or `\w`;
//! - word boundaries `\b`, `\B`, `\<`, `\>`, `\b{…}` (ASCII-only in regex-lite);
//! - case-insensitive matching `(?i)` of letters outside ASCII (regex-lite folds ASCII
//!   only): write both cases, as in `[Лл]авров`;
//! - `(?-u)`.
//!
//! Everything else is regex-lite's syntax, the `regex` crate's without Unicode classes
//! and class set operations (`&&`, `--`, `~~`); regex-lite reports those errors itself.
//!
//! [regex-lite]: https://docs.rs/regex-lite

mod tables;

use std::fmt;

pub use regex_lite::{Captures, Match};

/// A compiled label pattern. It dereferences to a [`regex_lite::Regex`] for matching.
#[derive(Debug, Clone)]
pub struct Regex {
    inner: regex_lite::Regex,
}

impl Regex {
    /// Compiles `pattern`, with `\d`, `\s`, `\w` as in the `regex` crate.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        let translated = translate(pattern)?;
        let inner = regex_lite::Regex::new(&translated).map_err(|e| Error(e.to_string()))?;
        Ok(Regex { inner })
    }
}

impl std::ops::Deref for Regex {
    type Target = regex_lite::Regex;

    fn deref(&self) -> &regex_lite::Regex {
        &self.inner
    }
}

/// Why a pattern does not compile: one line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

const UNICODE_CLASS: &str =
    "Unicode classes such as \\p{Lu} are not supported in label patterns; use a range such as [A-ZА-ЯЁ] or \\w";
const BOUNDARY: &str =
    "word boundaries (\\b, \\B, \\<, \\>) are not supported in label patterns; use \\s, a class or $ instead";
const CASE: &str = "(?i) ignores case for ASCII letters only in label patterns; write both cases of other \
                    letters, as in [Лл]авров";
const NO_UNICODE: &str = "(?-u) is not supported in label patterns";
const RANGE: &str = "invalid range in character class: \\d, \\s or \\w cannot be one end of a range";

/// Rewrites `\d`, `\s`, `\w` and their negations into explicit Unicode classes.
fn translate(pattern: &str) -> Result<String, Error> {
    let err = |m: &str| Err(Error(m.to_owned()));
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    // Depth of `[…]` classes; regex-lite itself refuses nested ones.
    let mut class = 0usize;
    // Just after `[` or `[^`, where `]` is a literal.
    let mut class_start = false;
    // The last item in a class was an unescaped `-` between items (a range to come).
    let mut range_dash = false;
    // The previous item in a class was an expanded `\d`, `\s` or `\w`.
    let mut after_perl = false;
    let mut verbose = false;
    let mut ignore_case = false;
    let mut cased_non_ascii = false;
    while let Some(c) = chars.next() {
        let at_class_start = std::mem::take(&mut class_start);
        let dash_before = std::mem::take(&mut range_dash);
        let perl_before = std::mem::take(&mut after_perl);
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push('\\');
                    break;
                };
                match e {
                    'd' | 's' | 'w' | 'D' | 'S' | 'W' => {
                        if dash_before {
                            return err(RANGE);
                        }
                        let table = match e.to_ascii_lowercase() {
                            'd' => tables::DECIMAL_NUMBER,
                            's' => tables::WHITE_SPACE,
                            _ => tables::PERL_WORD,
                        };
                        let negated = e.is_ascii_uppercase();
                        if class > 0 {
                            if negated {
                                push_ranges(&mut out, complement(table));
                            } else {
                                push_ranges(&mut out, table.iter().copied());
                            }
                            after_perl = true;
                        } else {
                            out.push_str(if negated { "[^" } else { "[" });
                            push_ranges(&mut out, table.iter().copied());
                            out.push(']');
                        }
                    }
                    'p' | 'P' => return err(UNICODE_CLASS),
                    'b' | 'B' | '<' | '>' => return err(BOUNDARY),
                    'x' | 'u' | 'U' => {
                        out.push('\\');
                        out.push(e);
                        let mut hex = String::new();
                        if chars.peek() == Some(&'{') {
                            out.push('{');
                            chars.next();
                            while let Some(&h) = chars.peek() {
                                chars.next();
                                out.push(h);
                                if h == '}' {
                                    break;
                                }
                                hex.push(h);
                            }
                        } else {
                            let n = match e {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            for _ in 0..n {
                                match chars.peek() {
                                    Some(&h) if h.is_ascii_hexdigit() => {
                                        chars.next();
                                        out.push(h);
                                        hex.push(h);
                                    }
                                    _ => break,
                                }
                            }
                        }
                        let value = u32::from_str_radix(hex.trim(), 16).ok().and_then(char::from_u32);
                        cased_non_ascii |= value.is_some_and(is_cased_non_ascii);
                    }
                    _ => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '[' if class > 0 && chars.peek() == Some(&':') => {
                // An ASCII class such as `[:alpha:]`: copied up to its `:]`.
                out.push('[');
                let mut prev = '[';
                for p in chars.by_ref() {
                    out.push(p);
                    if prev == ':' && p == ']' {
                        break;
                    }
                    prev = p;
                }
            }
            '[' => {
                class += 1;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    chars.next();
                    out.push('^');
                }
                class_start = true;
            }
            ']' if class > 0 && !at_class_start => {
                class -= 1;
                out.push(']');
            }
            '-' if class > 0 => {
                out.push('-');
                let ends_class = chars.peek() == Some(&']');
                if perl_before && !ends_class {
                    return err(RANGE);
                }
                range_dash = !at_class_start && !ends_class;
            }
            '(' if class == 0 && chars.peek() == Some(&'?') => {
                out.push('(');
                out.push('?');
                chars.next();
                // Flags, as in `(?i)`, `(?x-i:…)`; anything else (`(?P<name>`) is copied on.
                let mut negate = false;
                while let Some(&f) = chars.peek() {
                    if !matches!(f, 'i' | 'm' | 's' | 'R' | 'U' | 'u' | 'x' | '-') {
                        break;
                    }
                    chars.next();
                    out.push(f);
                    match f {
                        '-' => negate = true,
                        'i' => ignore_case |= !negate,
                        'x' => verbose = !negate,
                        'u' if negate => return err(NO_UNICODE),
                        _ => {}
                    }
                }
            }
            '#' if class == 0 && verbose => {
                // A comment, up to the end of the line.
                out.push('#');
                for p in chars.by_ref() {
                    out.push(p);
                    if p == '\n' {
                        break;
                    }
                }
            }
            _ => {
                cased_non_ascii |= is_cased_non_ascii(c);
                out.push(c);
            }
        }
    }
    if ignore_case && cased_non_ascii {
        return err(CASE);
    }
    Ok(out)
}

/// A char outside ASCII with the Unicode property `Cased` (Lowercase, Uppercase or a
/// titlecase letter): the chars that case folding can change. (Not `to_uppercase`, whose
/// table would add 6 KB to the gzipped wasm; `is_lowercase` and `is_uppercase` are there.)
fn is_cased_non_ascii(c: char) -> bool {
    let titlecase = matches!(
        c,
        '\u{1C5}' | '\u{1C8}' | '\u{1CB}' | '\u{1F2}' | '\u{1F88}'..='\u{1F8F}' | '\u{1F98}'..='\u{1F9F}'
            | '\u{1FA8}'..='\u{1FAF}' | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}'
    );
    !c.is_ascii() && (c.is_lowercase() || c.is_uppercase() || titlecase)
}

/// The ranges of every char not in `table` (sorted, disjoint ranges).
fn complement(table: &[(char, char)]) -> impl Iterator<Item = (char, char)> + '_ {
    let mut next = Some('\0');
    table
        .iter()
        .map(Some)
        .chain([None])
        .filter_map(move |range| {
            let from = next?;
            let (start, end) = match range {
                Some(&(start, end)) => (start, end),
                None => {
                    next = None;
                    return Some((from, char::MAX));
                }
            };
            next = after(end);
            (start > from).then(|| (from, before(start)))
        })
        .filter(|&(a, b)| a <= b)
}

fn after(c: char) -> Option<char> {
    match c {
        '\u{D7FF}' => Some('\u{E000}'),
        char::MAX => None,
        _ => char::from_u32(c as u32 + 1),
    }
}

fn before(c: char) -> char {
    match c {
        '\u{E000}' => '\u{D7FF}',
        _ => char::from_u32(c as u32 - 1).unwrap_or('\0'),
    }
}

fn push_ranges(out: &mut String, ranges: impl Iterator<Item = (char, char)>) {
    use fmt::Write;
    let one = |out: &mut String, c: char| {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            let _ = write!(out, "\\x{{{:X}}}", c as u32);
        }
    };
    for (a, b) in ranges {
        one(out, a);
        if b != a {
            out.push('-');
            one(out, b);
        }
    }
}

#[cfg(test)]
mod tests;
