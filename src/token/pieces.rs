//! Word pieces: the words (and hyphens) that UAX #29 word segmentation finds, fast.
//!
//! Most text is ASCII, typographic punctuation (`‘ ’ “ ” – — …`) and letters of the
//! Latin, Greek and Cyrillic alphabets. [`fast_pieces`] segments such text with one
//! table look-up per byte (a word's ASCII letters and digits eight bytes at a time),
//! exactly as UAX #29 would (property-tested against
//! `unicode-segmentation` in `tests/it/properties.rs`). [`word_pieces`] uses it for
//! every run between ASCII spaces that qualifies and `unicode-segmentation` for the
//! rest, so one rare character does not send a whole paragraph down the slow path.
//!
//! The UAX #29 rules that matter on such text: letters and digits join (WB5, WB8–10);
//! `:`, `.`, `'`, `‘` and `’` join two letters (WB6–7); `,`, `;`, `.`, `'`, `‘` and
//! `’` join two digits (WB11–12); `_` joins anything word-like (WB13a–b). Everything
//! else is a piece of its own. Word boundaries always fall around ASCII whitespace
//! (WB3a–3d, WB999), so runs between them can be segmented apart. One deliberate
//! difference: UAX #29 attaches a combining mark that follows a space to the space
//! (WB4); here the piece starts at the mark, so no token starts with a space.

use unicode_segmentation::UnicodeSegmentation;

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
    Hyphen,
    Other,
}

const fn ascii_class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        b':' => Class::MidLetter,
        b'.' | b'\'' => Class::MidNumLet,
        b',' | b';' => Class::MidNum,
        b'-' => Class::Hyphen,
        _ => Class::Other,
    }
}

const ASCII: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        // Const evaluation: `b < 128` is checked above, and `get_mut` is not const.
        #[allow(clippy::indexing_slicing)]
        {
            table[b] = ascii_class(b as u8);
        }
        b += 1;
    }
    table
};

/// Letters of the Latin-1 Supplement, Latin Extended-A/B, Greek and Cyrillic blocks,
/// leaving out their combining marks and signs: all ALetter in UAX #29. The ranges
/// minus the few non-letters among them (`×`, `÷`, `·`, `϶`, three unassigned Greek
/// code points) are exactly the alphabetic characters there (tested), without the
/// Unicode table look-up.
fn is_simple_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0x24F | 0x386..=0x3FF | 0x400..=0x481 | 0x48A..=0x52F)
        && !matches!(c as u32, 0xD7 | 0xF7 | 0x387 | 0x38B | 0x38D | 0x3A2 | 0x3F6)
}

/// The class of a non-ASCII character, if the fast path knows it.
fn wide_class(c: char) -> Option<Class> {
    match c {
        '\u{2018}' | '\u{2019}' => Some(Class::MidNumLet),
        '\u{201C}' | '\u{201D}' | '\u{2013}' | '\u{2014}' | '\u{2026}' => Some(Class::Other),
        c if is_simple_letter(c) => Some(Class::Letter),
        _ => None,
    }
}

/// The class and byte length of the character at `i` (`Other` past the end).
#[inline]
fn class_at(s: &str, i: usize) -> (Class, usize) {
    match s.as_bytes().get(i) {
        None => (Class::Other, 0),
        Some(&b) if b < 0x80 => (ASCII.get(usize::from(b)).copied().unwrap_or(Class::Other), 1),
        Some(_) => match s.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => (wide_class(c).unwrap_or(Class::Other), c.len_utf8()),
            None => (Class::Other, 1),
        },
    }
}

/// Whether [`fast_pieces`] segments `s` exactly as UAX #29 does. ASCII is skipped
/// eight bytes at a time; only the other characters are decoded.
pub fn eligible(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if crate::swar::ascii_word_at(bytes, i).is_some() {
            i += 8;
        } else if b < 0x80 {
            i += 1;
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if wide_class(c).is_some() => i += c.len_utf8(),
                _ => return false,
            }
        }
    }
    true
}

/// How many of the eight ASCII bytes of `w` (little-endian) are letters or digits
/// before the first that is not: 0 to 8.
///
/// Byte-wise range checks without carries, as every byte is below 0x80: adding
/// `0x80 - lo` sets a byte's bit 7 exactly when it is at least `lo`.
#[inline]
fn ascii_alnum_run(w: u64) -> usize {
    const fn splat(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    let at_least = |x: u64, lo: u8| x.wrapping_add(splat(0x80 - lo));
    let lower = w | splat(0x20);
    let letters = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let digits = at_least(w, b'0') & !at_least(w, b'9' + 1);
    let others = !(letters | digits) & crate::swar::HIGH;
    (others.trailing_zeros() / 8) as usize
}

fn word_like(c: Class) -> bool {
    matches!(c, Class::Letter | Class::Digit | Class::Underscore)
}

/// Calls `f(offset, piece)` for every word piece with a letter or digit, and every
/// `-`, of an [`eligible`] string.
///
/// ```
/// let mut pieces = Vec::new();
/// colloquy::token::pieces::fast_pieces("Don’t re-use 3.5, Ōsaka!", |i, p| pieces.push((i, p)));
/// assert_eq!(pieces, [(0, "Don’t"), (8, "re"), (10, "-"), (11, "use"), (15, "3.5"), (20, "Ōsaka")]);
/// ```
pub fn fast_pieces<'s>(s: &'s str, mut f: impl FnMut(usize, &'s str)) {
    let len = s.len();
    let mut i = 0;
    while i < len {
        let (c, w) = class_at(s, i);
        let w = w.max(1);
        if !word_like(c) {
            if c == Class::Hyphen {
                f(i, "-");
            }
            i += w;
            continue;
        }
        let start = i;
        let mut prev = c;
        let mut alnum = c != Class::Underscore;
        i += w;
        let mut end = i;
        while i < len {
            // The letters and digits of the next eight ASCII bytes, in one step: what
            // the character loop below would add one at a time.
            if let Some(w) = crate::swar::ascii_word_at(s.as_bytes(), i) {
                let run = ascii_alnum_run(w);
                if run > 0 {
                    i += run;
                    end = i;
                    alnum = true;
                    prev = s.as_bytes().get(i - 1).map_or(Class::Letter, |&b| ascii_class(b));
                    if run == 8 {
                        continue;
                    }
                }
            }
            let (k, kw) = class_at(s, i);
            if word_like(k) {
                alnum |= k != Class::Underscore;
                prev = k;
                i += kw.max(1);
                end = i;
                continue;
            }
            let (next, _) = class_at(s, i + kw);
            let joins = matches!(
                (prev, k, next),
                (Class::Letter, Class::MidLetter | Class::MidNumLet, Class::Letter)
                    | (Class::Digit, Class::MidNum | Class::MidNumLet, Class::Digit)
            );
            if !joins {
                break;
            }
            i += kw.max(1); // the joiner; the word-like character after it follows
        }
        if alnum {
            if let Some(piece) = s.get(start..end) {
                f(start, piece);
            }
        }
        i = i.max(end);
    }
}

/// Whether `piece` is a hyphen that may join a compound (`-`, U+2010, U+2011).
pub fn is_hyphen(piece: &str) -> bool {
    matches!(piece, "-" | "\u{2010}" | "\u{2011}")
}

/// Calls `f(offset, piece)` for every UAX #29 word piece of `s` that has a letter or
/// digit, and every hyphen piece ([`is_hyphen`]), in order.
///
/// ```
/// let mut pieces = Vec::new();
/// colloquy::token::pieces::word_pieces("Привет, 世界! co‐op", |i, p| pieces.push((i, p)));
/// assert_eq!(pieces, [(0, "Привет"), (14, "世"), (17, "界"), (22, "co"), (24, "\u{2010}"), (27, "op")]);
/// ```
pub fn word_pieces<'s>(s: &'s str, mut f: impl FnMut(usize, &'s str)) {
    // Words never span ASCII whitespace, so when every run qualifies, the whole string
    // can go through the fast path at once.
    if eligible(s) {
        fast_pieces(s, f);
        return;
    }
    let mut run_start = 0;
    let bytes = s.as_bytes();
    while run_start < bytes.len() {
        let run_end = bytes
            .get(run_start..)
            .and_then(|rest| rest.iter().position(|b| b.is_ascii_whitespace()))
            .map_or(bytes.len(), |p| run_start + p);
        if let Some(run) = s.get(run_start..run_end) {
            if eligible(run) {
                fast_pieces(run, |i, p| f(run_start + i, p));
            } else {
                for (i, p) in run.split_word_bound_indices() {
                    if is_hyphen(p) || p.chars().any(char::is_alphanumeric) {
                        f(run_start + i, p);
                    }
                }
            }
        }
        run_start = run_end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-listed exceptions leave exactly the alphabetic characters.
    #[test]
    fn simple_letters_are_the_alphabetic_characters_of_their_blocks() {
        for c in ('\u{80}'..='\u{52F}').filter(|&c| is_simple_letter(c)) {
            assert!(c.is_alphabetic(), "{c:?}");
        }
        for c in ['\u{C0}'..='\u{24F}', '\u{386}'..='\u{3FF}', '\u{400}'..='\u{481}', '\u{48A}'..='\u{52F}'] {
            for c in c.filter(|c| c.is_alphabetic()) {
                assert!(is_simple_letter(c), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        /// The eight-byte step counts the leading letters and digits as the table does.
        #[test]
        fn alnum_run_agrees_with_the_table(
            bytes in proptest::array::uniform8(proptest::prop_oneof![b'a'..=b'z', 0u8..128]),
        ) {
            let alnum = |b: &&u8| matches!(ascii_class(**b), Class::Letter | Class::Digit);
            let naive = bytes.iter().take_while(alnum).count();
            proptest::prop_assert_eq!(ascii_alnum_run(u64::from_le_bytes(bytes)), naive);
        }

        /// Skipping ASCII a word at a time decides as checking every character does.
        #[test]
        fn eligible_checks_every_character(s in "([a-z ’–“]|\\PC){0,40}") {
            let naive = s.chars().all(|c| c.is_ascii() || wide_class(c).is_some());
            proptest::prop_assert_eq!(eligible(&s), naive);
        }
    }
}
