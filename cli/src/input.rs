//! Reading the transcript: a file or standard input, read by the core's
//! `colloquy::read` (plain text, `.docx`, `.odt`, `.rtf`, web pages, engines' JSON, CSV,
//! PDF).

use std::io::{self, IsTerminal, Read};
use std::path::Path;

use colloquy::read::{read_owned, ReadError, ReadErrorKind, ReadLimits, ReadText, SourceFormat};

use crate::error::CliError;

/// Reads `path` (or standard input for `-`) and returns its text. What the reader left
/// out is said on standard error.
pub fn read(path: &str) -> Result<String, CliError> {
    read_source(path).map(|read| read.text)
}

/// As [`read`], keeping what the reader found (the file's format, for `summary.source`).
pub fn read_source(path: &str) -> Result<ReadText, CliError> {
    let read = if path == "-" {
        let mut stdin = io::stdin().lock();
        if stdin.is_terminal() {
            eprintln!("colloquy: reading a transcript from standard input (end it with Ctrl-D)");
        }
        let mut bytes = Vec::new();
        stdin.read_to_end(&mut bytes).map_err(|e| CliError::failure(format!("<stdin>: {}", describe(&e))))?;
        decode("<stdin>", None, bytes)?
    } else {
        decode(path, Some(path), read_file(path)?)?
    };
    for note in &read.notes {
        eprintln!("colloquy: {}: {note}", if path == "-" { "<stdin>" } else { path });
    }
    Ok(read)
}

/// Reads a whole file, with one-line messages for the usual failures.
pub fn read_file(path: &str) -> Result<Vec<u8>, CliError> {
    let fail = |e: io::Error| CliError::failure(format!("{path}: {}", describe(&e)));
    let metadata = std::fs::metadata(Path::new(path)).map_err(fail)?;
    if metadata.is_dir() {
        return Err(CliError::failure(format!("{path}: is a directory")));
    }
    std::fs::read(path).map_err(fail)
}

/// Reads `bytes` with the core's reader. `name` is how messages refer to the input,
/// `file` the file name the reader may use to break ties.
pub fn decode(name: &str, file: Option<&str>, bytes: Vec<u8>) -> Result<ReadText, CliError> {
    read_owned(bytes, file, None, &ReadLimits::default()).map_err(|e| CliError::failure(message(name, &e)))
}

/// A plain-text file (a stopword list): refused when it is a document of another format.
pub fn decode_text(name: &str, bytes: Vec<u8>) -> Result<String, CliError> {
    let read = decode(name, None, bytes)?;
    match read.source {
        SourceFormat::Text => Ok(read.text),
        other => Err(CliError::failure(format!("{name}: is a {}, not plain text", other.file_kind()))),
    }
}

/// The one-line message for a reading error, in the CLI's words where it had its own.
fn message(name: &str, e: &ReadError) -> String {
    match (e.kind, e.looks_like, e.offset, e.line) {
        (ReadErrorKind::NotUtf8, _, Some(offset), Some(line)) => {
            format!("{name}: not valid UTF-8 (invalid byte at offset {offset}, line {line})")
        }
        (ReadErrorKind::Utf16, ..) => format!("{name}: looks like UTF-16 text; convert it to UTF-8"),
        (ReadErrorKind::Unsupported, Some(kind), ..) if !matches!(kind, "JSON" | "CSV" | "ZIP archive") => {
            format!("{name}: looks like a binary file ({kind}), not a transcript")
        }
        _ => format!("{name}: {}", e.message),
    }
}

/// A short, lowercase description of an I/O error.
fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> Result<String, String> {
        decode("x", None, bytes.to_vec()).map(|r| r.text).map_err(|e| e.to_string())
    }

    #[test]
    fn keeps_a_bom_for_the_core_to_skip() {
        assert_eq!(text(b"\xEF\xBB\xBFA: hi"), Ok("\u{feff}A: hi".to_owned()));
    }

    #[test]
    fn names_the_offset_and_line_of_bad_utf8() {
        assert_eq!(
            text(b"A: hi\nB: caf\xE9"),
            Err("x: not valid UTF-8 (invalid byte at offset 12, line 2)".to_owned())
        );
    }

    #[test]
    fn a_truncated_sequence_at_the_end_is_reported() {
        assert!(text(b"A: \xE2\x82").is_err_and(|e| e.contains("offset 3")));
    }

    #[test]
    fn binaries_are_named() {
        // PDF is read (the feature `pdf`): this one is cut short.
        assert!(text(b"%PDF-1.7\n").is_err_and(|e| e.starts_with("x: This PDF is damaged")));
        assert!(text(b"\x89PNG\r\n\x1a\n").is_err_and(|e| e.contains("(PNG image)")));
        assert!(text(b"A: hi\0there").is_err_and(|e| e.contains("NUL bytes")));
        assert!(text(b"\xFF\xFEA\0:\0").is_err_and(|e| e.contains("UTF-16")));
    }

    #[test]
    fn a_stopword_file_must_be_text() {
        assert_eq!(decode_text("s", b"the a an".to_vec()).ok().as_deref(), Some("the a an"));
        assert!(decode_text("s", b"{\\rtf1 the}".to_vec()).is_err());
    }
}
