//! Where a document walker is in its XML (`docx.rs`, `odt.rs`): the depth, the body
//! element while inside it, and a left-out element being skipped with everything in it.

/// What an opening tag means to the walker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opened {
    /// Inside a skipped element; the flag is the one given to [`Scope::skip`] for it.
    Skipped(bool),
    /// Before the body (or the body's own tag): nothing to read.
    OutsideBody,
    /// An element of the body, to be read.
    InBody,
}

/// The walker's place; `body` is the local name of the element holding the text
/// (`w:body`, `office:body`).
#[derive(Debug, Default)]
pub(super) struct Scope {
    depth: usize,
    /// The depth of the body element while inside it.
    body: Option<usize>,
    /// The depth of the element being skipped, and the walker's flag for it.
    skip: Option<(usize, bool)>,
}

impl Scope {
    /// An element named `name` opens.
    pub(super) fn open(&mut self, name: &[u8]) -> Opened {
        self.depth += 1;
        if let Some((_, flag)) = self.skip {
            return Opened::Skipped(flag);
        }
        if self.body.is_none() {
            if name == b"body" {
                self.body = Some(self.depth);
            }
            return Opened::OutsideBody;
        }
        Opened::InBody
    }

    /// Leaves out the element just opened, and everything in it; `flag` comes back with
    /// each element opened inside it.
    pub(super) fn skip(&mut self, flag: bool) {
        self.skip = Some((self.depth, flag));
    }

    /// An element closes: true when it is a body element to act on (not the body itself,
    /// nor inside a skipped element).
    pub(super) fn close(&mut self) -> bool {
        let depth = self.depth;
        self.depth = depth.saturating_sub(1);
        if let Some((at, _)) = self.skip {
            if at == depth {
                self.skip = None;
            }
            return false;
        }
        match self.body {
            Some(at) if at == depth => {
                self.body = None;
                false
            }
            Some(_) => true,
            None => false,
        }
    }

    /// Inside the body and not in a skipped element: character data here is text.
    pub(super) fn reading(&self) -> bool {
        self.skip.is_none() && self.body.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_the_body_outside_skipped_elements() {
        let mut s = Scope::default();
        assert_eq!(s.open(b"document"), Opened::OutsideBody);
        assert_eq!(s.open(b"body"), Opened::OutsideBody);
        assert!(s.reading());
        assert_eq!(s.open(b"del"), Opened::InBody);
        s.skip(true);
        assert!(!s.reading());
        assert_eq!(s.open(b"r"), Opened::Skipped(true));
        assert!(!s.close(), "inside the skipped element");
        assert!(!s.close(), "the skipped element's own end");
        assert_eq!(s.open(b"p"), Opened::InBody);
        assert!(s.close(), "a body element");
        assert!(!s.close(), "the body's end");
        assert!(!s.reading());
        assert_eq!(s.open(b"p"), Opened::OutsideBody, "after the body");
    }
}
