//! Splitting text into lines, keeping byte offsets.

use crate::Span;

/// One line: its content span (without the terminator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub span: Span,
}

impl Line {
    pub fn text(self, text: &str) -> &str {
        self.span.slice(text)
    }
}

/// Splits on `\n`, `\r\n`, `\r`, U+2028 and U+2029.
/// A leading byte-order mark is not part of the first line.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    Lines::new(text).collect()
}

/// The lines of a text, one by one (see [`lines`]): for a look at the first few
/// lines without splitting the whole text.
pub(crate) struct Lines<'t> {
    bytes: &'t [u8],
    /// Where the next line starts; past the end when done.
    start: usize,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Lines<'t> {
        let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        Lines { bytes: text.as_bytes(), start }
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let bytes = self.bytes;
        let start = self.start;
        if start >= bytes.len() {
            return None;
        }
        let mut i = start;
        // Terminators start with `\n`, `\r` or, for U+2028 and U+2029 (E2 80 A8 / E2 80
        // A9), 0xE2: skip everything else a word at a time.
        while let Some(at) = bytes.get(i..).and_then(|rest| memchr::memchr3(b'\n', b'\r', 0xE2, rest)) {
            i += at;
            let terminator = match bytes.get(i) {
                Some(b'\n') => 1,
                Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => 2,
                Some(b'\r') => 1,
                _ if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
                _ => 0,
            };
            if terminator > 0 {
                self.start = i + terminator;
                return Some(Line { span: Span::new(start, i) });
            }
            i += 1;
        }
        self.start = bytes.len();
        Some(Line { span: Span::new(start, bytes.len()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_terminators() {
        let text = "a\r\nb\rc\u{2028}d\n\ne";
        let got: Vec<&str> = lines(text).iter().map(|l| l.text(text)).collect();
        assert_eq!(got, ["a", "b", "c", "d", "", "e"]);
    }

    /// A naive splitter, one `char` at a time.
    fn naive(text: &str) -> Vec<&str> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut out = Vec::new();
        let mut start = 0;
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                out.push(&body[start..i]);
                let mut end = i + c.len_utf8();
                if c == '\r' && chars.next_if(|&(_, n)| n == '\n').is_some() {
                    end += 1;
                }
                start = end;
            }
        }
        if start < body.len() {
            out.push(&body[start..]);
        }
        out
    }

    proptest::proptest! {
        /// Line splitting agrees with the naive splitter, terminators and near misses
        /// (other E2 sequences such as `’` and `…`) included.
        #[test]
        fn agrees_with_a_naive_splitter(parts in proptest::collection::vec(
            proptest::prop_oneof!["[a-z ]{0,5}", "\r|\n|\r\n|\u{2028}|\u{2029}|\u{2019}|\u{2026}|\u{feff}|\u{2027}"], 0..40)) {
            let text: String = parts.concat();
            let got: Vec<&str> = lines(&text).iter().map(|l| l.text(&text)).collect();
            proptest::prop_assert_eq!(got, naive(&text));
        }
    }

    #[test]
    fn byte_order_mark() {
        let text = "\u{feff}Alice: hi";
        assert_eq!(lines(text)[0].text(text), "Alice: hi");
    }
}
