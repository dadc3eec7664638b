//! A fast path for mostly-ASCII text: the word pieces UAX #29 would find, without
//! table look-ups. It handles ASCII plus the typographic punctuation of copied web
//! text (`‘ ’ “ ” – — …`); any other character sends the segment to
//! `unicode-segmentation`. Exactly equal to it on such text (property-tested in
//! `tests/it/properties.rs`).
//!
//! The UAX #29 rules that matter here: letters and digits join (WB5, WB8–10); `:`,
//! `.`, `'`, `‘` and `’` join two letters (WB6–7); `,`, `;`, `.`, `'`, `‘` and `’` join
//! two digits (WB11–12); `_` joins anything word-like (WB13a–b). Everything else is a
//! piece of its own.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    /// Joins letters: `:`.
    MidLetter,
    /// Joins letters and digits: `.`, `'`, `‘`, `’`.
    MidNumLet,
    /// Joins digits: `,`, `;`.
    MidNum,
    Other,
}

fn class(c: char) -> Class {
    match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '_' => Class::Underscore,
        ':' => Class::MidLetter,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        ',' | ';' => Class::MidNum,
        _ => Class::Other,
    }
}

/// Whether `s` can take the fast path: ASCII and the punctuation listed above.
pub fn eligible(s: &str) -> bool {
    s.is_ascii()
        || s.chars().all(|c| {
            c.is_ascii()
                || matches!(c, '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{2013}' | '\u{2014}' | '\u{2026}')
        })
}

fn word_like(c: Class) -> bool {
    matches!(c, Class::Letter | Class::Digit | Class::Underscore)
}

/// Calls `f(offset, piece)` for every word-like piece and every `-` of an
/// [`eligible`] string.
pub fn pieces(s: &str, mut f: impl FnMut(usize, &str)) {
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut prev = class(c);
        if !word_like(prev) {
            if c == '-' {
                f(start, "-");
            }
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            let k = class(c);
            if word_like(k) {
                prev = k;
                end = i + c.len_utf8();
                chars.next();
                continue;
            }
            let next = s.get(i + c.len_utf8()..).and_then(|r| r.chars().next()).map_or(Class::Other, class);
            let joins = matches!(
                (prev, k, next),
                (Class::Letter, Class::MidLetter | Class::MidNumLet, Class::Letter)
                    | (Class::Digit, Class::MidNum | Class::MidNumLet, Class::Digit)
            );
            if !joins {
                break;
            }
            chars.next(); // the joiner; the next word-like char follows
        }
        if let Some(piece) = s.get(start..end) {
            if piece.bytes().any(|b| b.is_ascii_alphanumeric()) {
                f(start, piece);
            }
        }
    }
}
