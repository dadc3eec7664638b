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
/// A byte-order mark that starts a line is not part of it: the text's own, and those
/// of files joined end to end (`cat a.txt b.txt`), so `\u{feff}Alice:` is a label.
/// Pieces of a text parsed apart (the streaming path) therefore split like the whole.
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
        Lines { bytes: text.as_bytes(), start: 0 }
    }
}

/// U+FEFF in UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let bytes = self.bytes;
        let mut start = self.start;
        if bytes.get(start..).is_some_and(|rest| rest.starts_with(BOM)) {
            start += BOM.len();
        }
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
        let mut out = Vec::new();
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        let bom = |at: usize| if text[at..].starts_with('\u{feff}') { at + 3 } else { at };
        while let Some((i, c)) = chars.next() {
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                let from = bom(start);
                out.push(&text[from..i]);
                let mut end = i + c.len_utf8();
                if c == '\r' && chars.next_if(|&(_, n)| n == '\n').is_some() {
                    end += 1;
                }
                start = end;
            }
        }
        let from = bom(start);
        if from < text.len() {
            out.push(&text[from..]);
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

    #[test]
    fn byte_order_marks_of_joined_files() {
        let text = "\u{feff}Alice: hi\n\u{feff}Bob: yo\r\n\u{feff}\nx\u{feff}";
        let got: Vec<&str> = lines(text).iter().map(|l| l.text(text)).collect();
        assert_eq!(got, ["Alice: hi", "Bob: yo", "", "x\u{feff}"]);
    }
}
