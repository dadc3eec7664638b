//! The text a reader writes, bounded by [`ReadLimits::max_text_bytes`].

use super::{ReadError, ReadLimits, SourceFormat};

/// A `String` that refuses to grow past the text limit.
pub(crate) struct Sink {
    pub text: String,
    limit: usize,
    format: SourceFormat,
}

impl Sink {
    pub fn new(format: SourceFormat, limits: &ReadLimits) -> Sink {
        Sink { text: String::new(), limit: limits.max_text_bytes, format }
    }

    /// Appends `s`, or fails with [`super::ReadErrorKind::TooLarge`] past the limit.
    pub fn push_str(&mut self, s: &str) -> Result<(), ReadError> {
        if self.text.len().saturating_add(s.len()) > self.limit {
            return Err(ReadError::too_large(
                self.format,
                &format!("its text is over {}", super::bytes_in_words(self.limit)),
            ));
        }
        self.text.push_str(s);
        Ok(())
    }

    pub fn push(&mut self, c: char) -> Result<(), ReadError> {
        self.push_str(c.encode_utf8(&mut [0; 4]))
    }

    /// Whether the text ends a line (or is empty).
    pub fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }
}
