//! Reading the files transcripts come in: bytes in, text out, no I/O.
//!
//! A front hands over a file's bytes (and its name or media type when it knows them);
//! [`read`] finds what they are by their content, the name and media type only breaking
//! ties, and returns text the parser reads:
//!
//! - plain text (UTF-8, a byte-order mark kept: the parser skips it), byte for byte, so
//!   offsets stay true to the file; WebVTT and SRT are plain text too;
//! - `.docx` and `.odt`: a line per paragraph, table rows a line each (cells joined by
//!   tabs), comments, tracked deletions, footnotes, headers and footers left out;
//! - `.rtf`: a line per paragraph;
//! - a web page: its text with the block structure, navigation and scripts left out;
//! - diarised JSON (Whisper/WhisperX, AssemblyAI, Deepgram, AWS Transcribe) and CSV
//!   with speaker and text columns: WebVTT with a `<v Speaker>` voice per segment, so
//!   the turns are the engine's, never guessed from the words.
//!
//! - PDF, with the feature `pdf`: the text layer of each page in reading order, page
//!   headers, footers, page numbers and printed line numbers left out (no OCR).
//!
//! Binary files that are no transcript (images, `.doc`, archives, audio, and PDF
//! without the feature `pdf`) are refused with a [`ReadError`] naming them. Reading is bounded: [`ReadLimits`] caps
//! the text a file expands to, each archive entry and the nesting depth; nothing
//! recurses on the input, so no input overflows the stack.
//!
//! ```
//! use colloquy::read::{read, ReadLimits, Source, SourceFormat};
//!
//! let json = br#"{"segments":[{"start":0.0,"end":2.5,"text":"Hello there.","speaker":"SPEAKER_00"}]}"#;
//! let read = read(&Source::named(json, "call.json"), &ReadLimits::default()).unwrap();
//! assert_eq!(read.source, SourceFormat::WhisperJson);
//! assert_eq!(read.text, "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n<v SPEAKER_00>Hello there.\n");
//! ```

mod archive;
mod cp1252;
mod csv;
mod docx;
mod html;
mod json;
mod odt;
#[cfg(feature = "pdf")]
mod pdf;
mod rtf;
mod scope;
mod sink;
mod table;
mod text;
mod vtt;
mod xml;

use std::fmt;

use text::binary_kind;

/// What a front hands over: the file's bytes, and its name and/or media type when known.
#[derive(Debug, Clone, Copy, Default)]
pub struct Source<'a> {
    pub bytes: &'a [u8],
    /// The file's name (`interview.docx`); only its extension is used, to break ties.
    pub name: Option<&'a str>,
    /// The media type (`text/html; charset=utf-8`), to break ties.
    pub media_type: Option<&'a str>,
}

impl<'a> Source<'a> {
    /// Bytes without a name or media type.
    pub fn new(bytes: &'a [u8]) -> Source<'a> {
        Source { bytes, name: None, media_type: None }
    }

    /// Bytes with the name of the file they came from.
    pub fn named(bytes: &'a [u8], name: &'a str) -> Source<'a> {
        Source { bytes, name: Some(name), media_type: None }
    }

    /// The name's extension, lowercased (`docx`).
    fn extension(&self) -> Option<String> {
        let name = self.name?;
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let (_, ext) = base.rsplit_once('.')?;
        (!ext.is_empty() && ext.len() <= 8).then(|| ext.to_ascii_lowercase())
    }

    /// The media type without parameters, lowercased (`text/html`).
    fn media(&self) -> Option<String> {
        let media = self.media_type?;
        let essence = media.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        (!essence.is_empty()).then_some(essence)
    }

    /// Whether the name or media type says `format`.
    fn says(&self, format: SourceFormat) -> bool {
        let ext = self.extension();
        let media = self.media();
        let ext_is = |list: &[&str]| ext.as_deref().is_some_and(|e| list.contains(&e));
        let media_is = |list: &[&str]| media.as_deref().is_some_and(|m| list.contains(&m));
        match format {
            SourceFormat::Docx => {
                ext_is(&["docx", "docm", "dotx"])
                    || media_is(&["application/vnd.openxmlformats-officedocument.wordprocessingml.document"])
            }
            SourceFormat::Odt => ext_is(&["odt", "ott"]) || media_is(&["application/vnd.oasis.opendocument.text"]),
            SourceFormat::Rtf => ext_is(&["rtf"]) || media_is(&["application/rtf", "text/rtf"]),
            SourceFormat::Html => {
                ext_is(&["html", "htm", "xhtml"]) || media_is(&["text/html", "application/xhtml+xml"])
            }
            SourceFormat::Csv => ext_is(&["csv", "tsv"]) || media_is(&["text/csv", "text/tab-separated-values"]),
            SourceFormat::Pdf => ext_is(&["pdf"]) || media_is(&["application/pdf"]),
            SourceFormat::WhisperJson
            | SourceFormat::AssemblyaiJson
            | SourceFormat::DeepgramJson
            | SourceFormat::AwsTranscribeJson => ext_is(&["json"]) || media_is(&["application/json", "text/json"]),
            SourceFormat::Text => {
                ext_is(&["txt", "text", "vtt", "srt", "md"])
                    || media.as_deref().is_some_and(|m| m.starts_with("text/plain"))
            }
        }
    }
}

/// What the bytes were read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum SourceFormat {
    /// UTF-8 text, WebVTT and SRT included, returned unchanged.
    Text,
    /// A Word document (Office Open XML).
    Docx,
    /// An OpenDocument text document.
    Odt,
    /// Rich Text Format.
    Rtf,
    /// A web page.
    Html,
    /// Whisper or WhisperX JSON (`segments`).
    WhisperJson,
    /// AssemblyAI JSON (`utterances`).
    AssemblyaiJson,
    /// Deepgram JSON (`results.utterances` or paragraphs).
    DeepgramJson,
    /// Amazon Transcribe JSON (`results.audio_segments` or speaker labels and items).
    AwsTranscribeJson,
    /// CSV with speaker and text columns.
    Csv,
    /// A PDF's text layer (read with the feature `pdf` only).
    Pdf,
}

impl SourceFormat {
    /// How a message names a file of this format: `.docx file`, `web page`.
    pub fn file_kind(self) -> &'static str {
        match self {
            SourceFormat::Text => "text file",
            SourceFormat::Docx => ".docx file",
            SourceFormat::Odt => ".odt file",
            SourceFormat::Rtf => "RTF file",
            SourceFormat::Html => "web page",
            SourceFormat::WhisperJson
            | SourceFormat::AssemblyaiJson
            | SourceFormat::DeepgramJson
            | SourceFormat::AwsTranscribeJson => "JSON file",
            SourceFormat::Csv => "CSV file",
            SourceFormat::Pdf => "PDF",
        }
    }
}

/// The text read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ReadText {
    pub text: String,
    pub source: SourceFormat,
    /// What was left out or assumed, each a short phrase for a user:
    /// `left out 2 comments and 1 tracked deletion`.
    pub notes: Vec<String>,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ReadError {
    pub kind: ReadErrorKind,
    /// One sentence for a user, naming the kind of file:
    /// `This .docx file is damaged: its archive ends early.`
    pub message: String,
    /// For [`ReadErrorKind::NotUtf8`], the offset of the first bad byte (for a binary
    /// file refused for its NUL bytes, the first NUL).
    pub offset: Option<usize>,
    /// For [`ReadErrorKind::NotUtf8`], the 1-based line of `offset`.
    pub line: Option<usize>,
    /// For [`ReadErrorKind::Unsupported`], what the bytes look like (`PDF`, `PNG image`).
    pub looks_like: Option<&'static str>,
}

/// The kinds of [`ReadError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum ReadErrorKind {
    /// Bytes we cannot read: PDF without the feature `pdf` (and, with it, a PDF with no
    /// text layer or an encrypted one), images, `.doc`, other archives, audio, JSON
    /// or CSV of a shape that is no transcript.
    Unsupported,
    /// A file of a known format that is broken: a truncated archive, malformed XML.
    Damaged,
    /// The file would expand past [`ReadLimits`] (text, an archive entry, nesting).
    TooLarge,
    /// Text that is not valid UTF-8.
    NotUtf8,
    /// UTF-16 text (with a byte-order mark).
    Utf16,
}

impl ReadError {
    #[cold]
    #[inline(never)]
    fn new(kind: ReadErrorKind, message: String) -> ReadError {
        ReadError { kind, message, offset: None, line: None, looks_like: None }
    }

    /// `This {file kind} is damaged: {why}.`
    #[cold]
    #[inline(never)]
    fn damaged(format: SourceFormat, why: &str) -> ReadError {
        ReadError::new(ReadErrorKind::Damaged, format!("This {} is damaged: {why}.", format.file_kind()))
    }

    /// `This {file kind} is too large to read: {why}.`
    #[cold]
    #[inline(never)]
    fn too_large(format: SourceFormat, why: &str) -> ReadError {
        ReadError::new(ReadErrorKind::TooLarge, format!("This {} is too large to read: {why}.", format.file_kind()))
    }

    /// The nesting limit was reached.
    #[cold]
    #[inline(never)]
    fn depth_limit(format: SourceFormat, limits: &ReadLimits) -> ReadError {
        ReadError::too_large(format, &format!("it is nested more than {} levels deep", limits.max_depth))
    }

    #[cold]
    #[inline(never)]
    fn unsupported(message: String) -> ReadError {
        ReadError::new(ReadErrorKind::Unsupported, message)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

/// How far reading may go; every reader stops with [`ReadErrorKind::TooLarge`] past them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// The most text a file may expand to (not checked for plain text, which is the
    /// file itself). Default 256 MiB.
    pub max_text_bytes: usize,
    /// The most one archive entry may hold uncompressed, declared or actual. Default 256 MiB.
    pub max_entry_bytes: usize,
    /// The deepest nesting of XML elements, HTML blocks, RTF groups or JSON values.
    /// Default 256.
    pub max_depth: usize,
}

impl Default for ReadLimits {
    fn default() -> ReadLimits {
        ReadLimits { max_text_bytes: 256 << 20, max_entry_bytes: 256 << 20, max_depth: 256 }
    }
}

/// Reads a file's bytes as transcript text. See the [module documentation](self).
///
/// ```
/// use colloquy::read::{read, ReadErrorKind, ReadLimits, Source};
///
/// let text = read(&Source::new(b"Alice: Hi.\nBob: Hello."), &ReadLimits::default()).unwrap();
/// assert_eq!(text.text, "Alice: Hi.\nBob: Hello.");
/// // Without the feature `pdf` a PDF is refused; with it, this one is cut short.
/// let pdf = read(&Source::new(b"%PDF-1.7\n..."), &ReadLimits::default()).unwrap_err();
/// let kind = if cfg!(feature = "pdf") { ReadErrorKind::Damaged } else { ReadErrorKind::Unsupported };
/// assert_eq!(pdf.kind, kind);
/// ```
pub fn read(source: &Source<'_>, limits: &ReadLimits) -> Result<ReadText, ReadError> {
    match classify(source, limits)? {
        Read::Done(read) => Ok(read),
        Read::Plain(text, notes) => Ok(ReadText { text: text.to_owned(), source: SourceFormat::Text, notes }),
    }
}

/// [`read`] of bytes the caller owns: plain text (the usual case) becomes the
/// returned `String` without a copy.
pub fn read_owned(
    bytes: Vec<u8>,
    name: Option<&str>,
    media_type: Option<&str>,
    limits: &ReadLimits,
) -> Result<ReadText, ReadError> {
    let source = Source { bytes: &bytes, name, media_type };
    let notes = match classify(&source, limits)? {
        Read::Done(read) => return Ok(read),
        Read::Plain(_, notes) => notes,
    };
    // `classify` checked that the bytes are UTF-8.
    match String::from_utf8(bytes) {
        Ok(text) => Ok(ReadText { text, source: SourceFormat::Text, notes }),
        Err(e) => Err(text::not_utf8(e.as_bytes(), e.utf8_error().valid_up_to())),
    }
}

/// The outcome of classifying: read already, or the file itself as text.
enum Read<'a> {
    Done(ReadText),
    Plain(&'a str, Vec<String>),
}

/// Finds the format by content (the name and media type break ties) and reads it.
fn classify<'a>(source: &Source<'a>, limits: &ReadLimits) -> Result<Read<'a>, ReadError> {
    let bytes = source.bytes;
    if bytes.starts_with(b"PK\x03\x04") {
        return archive::read(source, limits).map(Read::Done);
    }
    if rtf::sniff(bytes) {
        return rtf::read(bytes, limits).map(Read::Done);
    }
    #[cfg(feature = "pdf")]
    if bytes.starts_with(b"%PDF") {
        return pdf::read(bytes, limits).map(Read::Done);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(text::unsupported_binary(bytes, kind));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ReadError::new(
            ReadErrorKind::Utf16,
            "This file is UTF-16 text, not UTF-8: save it as UTF-8 and open it again.".to_owned(),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // A web page may declare a Windows-1252 (or Latin-1) charset.
            if html::sniff_bytes(bytes) || (source.says(SourceFormat::Html) && html::declares_cp1252(bytes)) {
                if let Some(decoded) = html::decode_declared(bytes) {
                    return html::read(&decoded, limits).map(Read::Done);
                }
            }
            return Err(text::not_utf8(bytes, e.valid_up_to()));
        }
    };
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if html::sniff(head) || (head.starts_with('<') && source.says(SourceFormat::Html)) {
        return html::read(text, limits).map(Read::Done);
    }
    if head.starts_with(['{', '[']) {
        match json::read(head, source, limits)? {
            Some(read) => return Ok(Read::Done(read)),
            None => return Ok(Read::Plain(text, mismatch(source, SourceFormat::Text))),
        }
    }
    if let Some(read) = csv::read(head, source, limits)? {
        return Ok(Read::Done(read));
    }
    Ok(Read::Plain(text, mismatch(source, SourceFormat::Text)))
}

/// A note when the name says another format than the content: `read as plain text: its
/// content is not that of a .docx file`.
fn mismatch(source: &Source<'_>, read_as: SourceFormat) -> Vec<String> {
    let claimed = [
        SourceFormat::Docx,
        SourceFormat::Odt,
        SourceFormat::Rtf,
        SourceFormat::Html,
        SourceFormat::Csv,
        SourceFormat::Pdf,
    ]
    .into_iter()
    .find(|&f| f != read_as && source.says(f));
    match claimed {
        Some(f) => vec![format!("read as plain text: the content is not that of a {}", f.file_kind())],
        None => Vec::new(),
    }
}

/// `256 MiB`, `1.5 KiB`, `12 bytes`.
fn bytes_in_words(n: usize) -> String {
    const MIB: usize = 1 << 20;
    const KIB: usize = 1 << 10;
    if n >= MIB && n % MIB == 0 {
        format!("{} MiB", n / MIB)
    } else if n >= KIB && n % KIB == 0 {
        format!("{} KiB", n / KIB)
    } else {
        format!("{n} bytes")
    }
}

/// `left out 2 comments and 1 tracked deletion`: the counted things that are not zero,
/// each with its singular and plural, or `None` when all are zero.
fn left_out(counts: &[(usize, &str, &str)]) -> Option<String> {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|&(n, one, many)| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") })
        .collect();
    Some(format!("left out {}", join_and(&parts)?))
}

/// `a`, `a and b`, `a, b and c`; `None` for no parts.
fn join_and(parts: &[String]) -> Option<String> {
    match parts {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn left_out_lists_what_is_not_zero() {
        assert_eq!(
            left_out(&[(2, "comment", "comments"), (0, "x", "xs"), (1, "tracked deletion", "tracked deletions")])
                .as_deref(),
            Some("left out 2 comments and 1 tracked deletion")
        );
        assert_eq!(left_out(&[(0, "comment", "comments")]), None);
    }

    #[test]
    fn sizes_in_words() {
        assert_eq!(bytes_in_words(256 << 20), "256 MiB");
        assert_eq!(bytes_in_words(2048), "2 KiB");
        assert_eq!(bytes_in_words(1000), "1000 bytes");
    }

    #[test]
    fn extensions_and_media_types() {
        let s =
            Source { bytes: b"", name: Some("C:\\a.b\\Interview.DOCX"), media_type: Some("Text/HTML; charset=utf-8") };
        assert_eq!(s.extension().as_deref(), Some("docx"));
        assert_eq!(s.media().as_deref(), Some("text/html"));
        assert!(s.says(SourceFormat::Docx) && s.says(SourceFormat::Html) && !s.says(SourceFormat::Csv));
    }
}
