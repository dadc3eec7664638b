//! Byte spans into the original text.

/// A half-open range of UTF-8 byte offsets into the original text.
///
/// ```
/// let span = colloquy::Span::new(7, 12);
/// assert_eq!(span.slice("Alice: Hello"), "Hello");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The text under this span, or `""` if the span does not fit `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// This span moved right by `by` bytes.
    pub const fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}
