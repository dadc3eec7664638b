//! Plain text: binary formats recognised by their first bytes, and UTF-8 checked with
//! the offset and line of the first bad byte.

use super::{ReadError, ReadErrorKind};

/// How many leading bytes are searched for NUL bytes.
const SNIFF_BYTES: usize = 8 * 1024;

/// Leading bytes of binary formats people mistake for transcripts, and what to call
/// them. ZIP archives and RTF are read (`.docx`, `.odt`, `.rtf`), so they are not here;
/// PDF is, for builds without the feature `pdf` (with it, PDF is read before this).
/// Signatures short or wordy enough to start a text (`ID3`, `RIFF`) count only where
/// the first bytes are not text (a NUL byte or invalid UTF-8): see [`WEAK`].
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"II*\0", "TIFF image"),
    (b"MM\0*", "TIFF image"),
    (b"\x1F\x8B", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    (b"\xD0\xCF\x11\xE0", "legacy Office document, e.g. .doc"),
    (b"\x1A\x45\xDF\xA3", "video file"),
];

/// Signatures that count only where the first 64 bytes are not text.
const WEAK: &[(&[u8], &str)] = &[
    (b"ID3", "audio file"),
    (b"OggS", "audio file"),
    (b"fLaC", "audio file"),
    (b"BZh", "bzip2 archive"),
    (b"RIFF", "audio or video file"),
];

/// What binary format `bytes` look like, if any: a known signature, an MP4/M4A/MOV
/// (`ftyp` at offset 4), or a NUL byte in the first 8 KiB (UTF-16 with a byte-order
/// mark excepted: the caller names it).
///
/// ```text
/// assert_eq!(binary_kind(b"%PDF-1.7"), Some("PDF"));
/// assert_eq!(binary_kind(b"A: hi"), None);
/// ```
pub(crate) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let head = bytes.get(..64).unwrap_or(bytes);
    // Invalid UTF-8 inside the head, not a sequence cut at its end.
    let not_text = head.contains(&0) || std::str::from_utf8(head).is_err_and(|e| e.error_len().is_some());
    if not_text {
        if bytes.get(8..12) == Some(b"WEBP") {
            return Some("WebP image");
        }
        if bytes.get(4..8) == Some(b"ftyp") {
            return Some("audio or video file");
        }
        if let Some((_, kind)) = WEAK.iter().find(|(magic, _)| bytes.starts_with(magic)) {
            return Some(kind);
        }
    }
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    (!utf16 && first_nul(bytes).is_some()).then_some(NUL_BYTES)
}

/// What [`binary_kind`] calls a file with NUL bytes.
const NUL_BYTES: &str = "it contains NUL bytes";

fn first_nul(bytes: &[u8]) -> Option<usize> {
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    memchr::memchr(0, head)
}

/// The error for a binary file [`binary_kind`] named.
pub(crate) fn unsupported_binary(bytes: &[u8], kind: &'static str) -> ReadError {
    let message = match kind {
        "PDF" => {
            "This file is a PDF, which needs colloquy's PDF reader (not built in here): copy its text, or save it as text, and open that.".to_owned()
        }
        "legacy Office document, e.g. .doc" => {
            "This file is a legacy Word document (.doc), which colloquy cannot read: save it as .docx or text."
                .to_owned()
        }
        NUL_BYTES => "This file is binary, not text (it contains NUL bytes).".to_owned(),
        _ if kind.starts_with("audio") || kind.starts_with("video") => {
            format!("This file looks like an {kind}: colloquy reads transcripts, not recordings.")
        }
        _ => format!("This file looks like a {kind}, not a transcript."),
    };
    let mut error = ReadError::new(ReadErrorKind::Unsupported, message);
    error.looks_like = Some(kind);
    if kind == NUL_BYTES {
        error.offset = first_nul(bytes);
    }
    error
}

/// The error for bytes that are not UTF-8 from `valid_up_to` on: its offset and line.
pub(crate) fn not_utf8(bytes: &[u8], valid_up_to: usize) -> ReadError {
    let before = bytes.get(..valid_up_to).unwrap_or_default();
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let mut error = ReadError::new(
        ReadErrorKind::NotUtf8,
        format!(
            "This file is not valid UTF-8 text (the first bad byte is at offset {valid_up_to}, line {line}): it may be in another encoding, such as Windows-1252; save it as UTF-8."
        ),
    );
    error.offset = Some(valid_up_to);
    error.line = Some(line);
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_binary_formats() {
        assert_eq!(binary_kind(b"%PDF-1.7\n"), Some("PDF"));
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n"), Some("PNG image"));
        assert_eq!(binary_kind(b"GIF89a"), Some("GIF image"));
        assert_eq!(binary_kind(b"\xFF\xD8\xFF\xE0"), Some("JPEG image"));
        assert_eq!(binary_kind(b"\0\0\0\x20ftypM4A "), Some("audio or video file"));
        assert_eq!(binary_kind(b"A: hi\0there"), Some(NUL_BYTES));
        assert_eq!(binary_kind(b"\xFF\xFEA\0"), None);
        assert_eq!(binary_kind(b"RIFF\x24\0\0\0WAVEfmt "), Some("audio or video file"));
        assert_eq!(binary_kind(b"RIFF\x24\0\0\0WEBPVP8 "), Some("WebP image"));
        assert_eq!(binary_kind(b"ID3: the tag is read as a label"), None);
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
    fn names_the_offset_and_line_of_bad_utf8() {
        let bytes = b"A: hi\nB: caf\xE9";
        let e = not_utf8(bytes, 12);
        assert_eq!((e.offset, e.line), (Some(12), Some(2)));
        assert!(e.message.contains("offset 12, line 2"));
    }

    #[test]
    fn the_first_nul_is_named() {
        let e = unsupported_binary(b"A: hi\0", NUL_BYTES);
        assert_eq!(e.offset, Some(5));
    }
}
