//! Offset conversion from UTF-8 bytes (the core's unit) to UTF-16 code units
//! (JavaScript's), for fronts whose strings index in UTF-16.

use crate::swar::{ascii_word_at, high_bits, word_at, HIGH};

/// UTF-16 code units in `s`.
///
/// ```
/// assert_eq!(colloquy::utf16_len("a😀é"), 4);
/// ```
pub fn utf16_len(s: &str) -> usize {
    units(s.as_bytes())
}

/// UTF-16 units of whole UTF-8 characters: one per character (non-continuation
/// byte), two for a 4-byte one.
fn units(bytes: &[u8]) -> usize {
    units_between(bytes, 0, bytes.len())
}

/// [`units`] of `bytes[from..to]`, eight bytes at a time. The last partial word is
/// read in place and masked where the text goes on past it.
fn units_between(bytes: &[u8], mut from: usize, to: usize) -> usize {
    let mut n = 0;
    while from + 8 <= to {
        n += word_units(word_at(bytes, from).unwrap_or(0));
        from += 8;
    }
    let k = to.saturating_sub(from);
    if k > 0 {
        let word = word_at(bytes, from).unwrap_or_else(|| {
            let mut word = [0u8; 8];
            let rest = bytes.get(from..to).unwrap_or(&[]);
            if let Some(head) = word.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            u64::from_le_bytes(word)
        });
        // Bytes past `to` become zeros, which count one unit each.
        let mask = (1u64 << (8 * k)) - 1;
        n += word_units(word & mask) - (8 - k);
    }
    n
}

/// [`units`] of the eight bytes of `x`: bit 7 of each byte marks, in `continuation`,
/// a `10xxxxxx` byte and, in `four`, a `11110xxx` one (shifting left moves bits 6, 5
/// and 4 of a byte to its bit 7).
fn word_units(x: u64) -> usize {
    let continuation = x & !(x << 1) & HIGH;
    let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
    8 - high_bits(continuation) + high_bits(four)
}

const STEP: usize = 32;

/// Maps byte offsets of one text to UTF-16 offsets in O(1) amortised time, with a
/// checkpoint every 32 bytes (an eighth of the text's size in memory). It does not
/// borrow the text, so it can live beside it; pass the same text to [`Utf16Index::utf16`].
///
/// ```
/// let text = "Зд😀x";
/// let index = colloquy::Utf16Index::new(text);
/// assert_eq!(index.utf16(text, text.find('x').unwrap()), 4);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Utf16Index {
    ascii: bool,
    checkpoints: Vec<usize>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Utf16Index {
        let bytes = text.as_bytes();
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(bytes.len() / STEP + 1);
            let mut at = 0;
            for chunk in bytes.chunks(STEP) {
                checkpoints.push(at);
                at += units(chunk);
            }
            // The end of the text, for a byte offset equal to its length when that is a
            // multiple of the step.
            checkpoints.push(at);
        }
        Utf16Index { ascii, checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` of `text` (clamped to its end).
    pub fn utf16(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        if self.ascii {
            return byte;
        }
        let block = byte / STEP;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        base + units_between(text.as_bytes(), block * STEP, byte)
    }
}

/// Byte offsets of one text to UTF-16 offsets, for converting many offsets while the
/// text is at hand: it lists the text's non-ASCII characters, so an offset's units are
/// the offset less what the characters before it save (a 2-byte character is one
/// unit, a 3- or 4-byte one two). Mostly-ASCII text makes a short list. Offsets are
/// expected at character boundaries.
#[derive(Debug, Clone)]
pub struct Utf16Map<'a> {
    text: &'a str,
    /// `(end, saved)`: each non-ASCII character's end, and the bytes-minus-units of
    /// the text up to that end.
    marks: Vec<(usize, usize)>,
}

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Utf16Map<'a> {
        let bytes = text.as_bytes();
        let mut marks = Vec::new();
        let mut saved = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if ascii_word_at(bytes, i).is_some() {
                i += 8;
                continue;
            }
            let (len, units) = match b {
                0..=0x7F => (1, 1),
                0xC0..=0xDF => (2, 1),
                0xE0..=0xEF => (3, 1),
                0xF0..=0xFF => (4, 2),
                // A continuation byte never starts a character of a `str`.
                0x80..=0xBF => (1, 1),
            };
            i += len;
            if len > 1 {
                saved += len - units;
                marks.push((i, saved));
            }
        }
        Utf16Map { text, marks }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's end).
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let before = self.marks.partition_point(|&(end, _)| end <= byte);
        byte - self.saved_before(before)
    }

    /// What the first `n` marks save.
    fn saved_before(&self, n: usize) -> usize {
        n.checked_sub(1).and_then(|i| self.marks.get(i)).map_or(0, |&(_, saved)| saved)
    }

    /// A converter like [`Utf16Map::utf16`] that remembers where it is, so that
    /// ascending offsets (token starts) cost a step or two each.
    ///
    /// ```
    /// let text = "Зд😀x y";
    /// let map = colloquy::Utf16Map::new(text);
    /// let mut f = map.cursor();
    /// assert_eq!([f(0), f(2), f(8), f(9), f(2), f(99)], [0, 1, 4, 5, 1, 7]);
    /// ```
    pub fn cursor(&self) -> impl FnMut(usize) -> usize + '_ {
        // `next`: the first mark past the last offset.
        let mut next = 0usize;
        let mut last = 0usize;
        move |byte| {
            let byte = byte.min(self.text.len());
            if byte == 0 {
                // Nothing before it; keeps the place (0 also marks gaps in a stream).
                return 0;
            }
            if byte < last || byte - last > 256 {
                next = self.marks.partition_point(|&(end, _)| end <= byte);
            }
            while self.marks.get(next).is_some_and(|&(end, _)| end <= byte) {
                next += 1;
            }
            last = byte;
            byte - self.saved_before(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Counted eight bytes at a time, the units of any string are those of
        /// `encode_utf16`, at every character boundary.
        #[test]
        fn units_agree_with_encode_utf16(s in "(\\PC|[a-z😀é日]){0,40}") {
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            for &i in &bounds {
                proptest::prop_assert_eq!(units(&s.as_bytes()[..i]), s[..i].encode_utf16().count());
                for &j in bounds.iter().filter(|&&j| j >= i) {
                    proptest::prop_assert_eq!(units_between(s.as_bytes(), i, j), s[i..j].encode_utf16().count());
                }
            }
        }
    }

    proptest::proptest! {
        /// The map, its cursor (offsets in any order) and the index all give the
        /// units `encode_utf16` counts, at every character boundary.
        #[test]
        fn map_cursor_and_index_agree_with_encode_utf16(
            s in "(\\PC|[a-z😀é日 ]){0,80}",
            picks in proptest::collection::vec(0usize..1000, 0..60),
        ) {
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let map = Utf16Map::new(&s);
            let index = Utf16Index::new(&s);
            let mut cursor = map.cursor();
            // Ascending through every boundary, then in the picked order.
            let order = bounds.iter().copied().chain(picks.iter().map(|p| bounds[p % bounds.len()]));
            for i in order {
                let expect = s[..i].encode_utf16().count();
                proptest::prop_assert_eq!(cursor(i), expect);
                proptest::prop_assert_eq!(map.utf16(i), expect);
                proptest::prop_assert_eq!(index.utf16(&s, i), expect);
            }
        }
    }

    #[test]
    fn matches_a_naive_count_at_every_char_boundary() {
        // 32 bytes × 7: the end of the text falls on a checkpoint boundary.
        let exact = "Ωmega 😀 日本語 x abcdefgh".repeat(7);
        assert_eq!(exact.len() % STEP, 0);
        let map = Utf16Map::new(&exact);
        assert_eq!(map.utf16(exact.len()), exact.encode_utf16().count());
        let text = "ab Ωmega 😀 日本語 x".repeat(9);
        let map = Utf16Map::new(&text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.utf16(i), text[..i].encode_utf16().count(), "at {i}");
        }
    }
}
