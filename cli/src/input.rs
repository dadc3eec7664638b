//! Reading the transcript: a file or standard input, checked to be UTF-8 text.

use std::io::{self, IsTerminal, Read};
use std::path::Path;

use crate::error::CliError;

/// How many leading bytes are searched for NUL bytes.
const SNIFF_BYTES: usize = 8 * 1024;

/// Leading bytes of common binary formats people mistake for transcripts.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"\x1F\x8B", "gzip"),
    (b"\xD0\xCF\x11\xE0", "legacy Office document, e.g. .doc"),
];

/// Reads `path` (or standard input for `-`) and returns its text.
pub fn read(path: &str) -> Result<String, CliError> {
    if path == "-" {
        let mut stdin = io::stdin().lock();
        if stdin.is_terminal() {
            eprintln!("colloquy: reading a transcript from standard input (end it with Ctrl-D)");
        }
        let mut bytes = Vec::new();
        stdin.read_to_end(&mut bytes).map_err(|e| CliError::failure(format!("<stdin>: {}", describe(&e))))?;
        decode("<stdin>", bytes)
    } else {
        decode(path, read_file(path)?)
    }
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

/// Checks that `bytes` are UTF-8 text and strips a leading byte-order mark.
/// `name` is how messages refer to the input.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, CliError> {
    if let Some(kind) = binary_kind(&bytes) {
        return Err(CliError::failure(format!("{name}: looks like a binary file ({kind}), not a transcript")));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(CliError::failure(format!("{name}: looks like UTF-16 text; convert it to UTF-8")));
    }
    match String::from_utf8(bytes) {
        // A UTF-8 BOM stays: the core skips it, and offsets stay true to the file.
        Ok(text) => Ok(text),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let before = e.as_bytes().get(..offset).unwrap_or_default();
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            Err(CliError::failure(format!("{name}: not valid UTF-8 (invalid byte at offset {offset}, line {line})")))
        }
    }
}

/// What binary format `bytes` look like, if any. UTF-16 with a byte-order mark
/// is left to [`decode`], which names it.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    (!utf16 && head.contains(&0)).then_some("it contains NUL bytes")
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

    #[test]
    fn keeps_a_bom_for_the_core_to_skip() {
        let text = decode("x", b"\xEF\xBB\xBFA: hi".to_vec());
        assert_eq!(text, Ok("\u{feff}A: hi".to_owned()));
    }

    #[test]
    fn names_the_offset_and_line_of_bad_utf8() {
        let err = decode("x", b"A: hi\nB: caf\xE9".to_vec()).err();
        let msg = err.map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(msg, "x: not valid UTF-8 (invalid byte at offset 12, line 2)");
    }

    #[test]
    fn a_truncated_sequence_at_the_end_is_reported() {
        let err = decode("x", b"A: \xE2\x82".to_vec()).err();
        assert!(err.is_some_and(|e| e.to_string().contains("offset 3")));
    }

    #[test]
    fn recognises_binary_formats() {
        assert_eq!(binary_kind(b"%PDF-1.7\n"), Some("PDF"));
        assert_eq!(binary_kind(b"PK\x03\x04rest"), Some("ZIP archive, e.g. .docx"));
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n"), Some("PNG image"));
        assert_eq!(binary_kind(b"GIF89a"), Some("GIF image"));
        assert_eq!(binary_kind(b"\xFF\xD8\xFF\xE0"), Some("JPEG image"));
        assert_eq!(binary_kind(b"A: hi\0there"), Some("it contains NUL bytes"));
        assert_eq!(binary_kind(b"A: hi"), None);
        assert_eq!(binary_kind(b""), None);
    }

    #[test]
    fn nul_bytes_past_the_sniffed_head_are_not_binary() {
        let mut bytes = vec![b'a'; SNIFF_BYTES];
        bytes.push(0);
        assert_eq!(binary_kind(&bytes), None);
    }

    #[test]
    fn utf16_is_named() {
        let err = decode("x", b"\xFF\xFEA\0:\0".to_vec()).err();
        assert!(err.is_some_and(|e| e.to_string().contains("UTF-16")));
    }
}
