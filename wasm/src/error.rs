//! The error of a conversion at the boundary, either way (`de.rs` reading options,
//! `tape.rs` writing results): one line of text, shown in the JS `Error`.

use std::fmt;

/// A conversion error: one line of text.
#[derive(Debug)]
pub struct Error(pub(crate) String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}
