//! Offset conversion from UTF-8 bytes (the core's unit) to UTF-16 code units
//! (JavaScript's), for fronts whose strings index in UTF-16.

/// UTF-16 code units in `s`.
///
/// ```
/// assert_eq!(colloquy::utf16_len("a😀é"), 4);
/// ```
pub fn utf16_len(s: &str) -> usize {
    units(s.as_bytes())
}

fn units(bytes: &[u8]) -> usize {
    // One unit per char (non-continuation byte), two for 4-byte chars.
    bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
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
        base + text.as_bytes().get(block * STEP..byte).map_or(0, units)
    }
}

/// A [`Utf16Index`] together with the text it indexes.
#[derive(Debug, Clone)]
pub struct Utf16Map<'a> {
    text: &'a str,
    index: Utf16Index,
}

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Utf16Map<'a> {
        Utf16Map { text, index: Utf16Index::new(text) }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's end).
    pub fn utf16(&self, byte: usize) -> usize {
        self.index.utf16(self.text, byte)
    }

    /// A converter like [`Utf16Map::utf16`] that remembers its last answer, so that
    /// mostly ascending offsets (token starts) cost a few bytes' scan each.
    ///
    /// ```
    /// let text = "Зд😀x y";
    /// let map = colloquy::Utf16Map::new(text);
    /// let mut f = map.cursor();
    /// assert_eq!([f(0), f(2), f(8), f(9), f(2)], [0, 1, 4, 5, 1]);
    /// ```
    pub fn cursor(&self) -> impl FnMut(usize) -> usize + '_ {
        let mut last = (0usize, 0usize);
        move |byte| {
            let byte = byte.min(self.text.len());
            let units = if byte >= last.0 && byte - last.0 <= 4 * STEP {
                last.1 + self.text.as_bytes().get(last.0..byte).map_or(0, self::units)
            } else {
                self.utf16(byte)
            };
            last = (byte, units);
            units
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
