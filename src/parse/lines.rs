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
    let mut out = Vec::new();
    let mut start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let bytes = text.as_bytes();
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        let terminator = match b {
            b'\n' => 1,
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                }
            }
            // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => 0,
        };
        if terminator > 0 {
            out.push(Line { span: Span::new(start, i) });
            i += terminator;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < text.len() {
        out.push(Line { span: Span::new(start, text.len()) });
    }
    out
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

    #[test]
    fn byte_order_mark() {
        let text = "\u{feff}Alice: hi";
        assert_eq!(lines(text)[0].text(text), "Alice: hi");
    }
}
