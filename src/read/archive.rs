//! ZIP archives: `.docx` and `.odt` told apart by their parts, each entry read within
//! [`ReadLimits::max_entry_bytes`], declared and actual (a zip bomb stops there).

use std::io::{Cursor, ErrorKind, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::{docx, odt, ReadError, ReadErrorKind, ReadLimits, ReadText, Source, SourceFormat};

/// The media type an OpenDocument text names in its `mimetype` entry.
const ODT_MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// An archive being read, and the format messages name it by.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    kind: &'static str,
}

/// Reads a ZIP archive: a `.docx` (it has `word/document.xml`) or an `.odt` (its
/// `mimetype` is `application/vnd.oasis.opendocument.text`); any other is refused.
pub(crate) fn read(source: &Source<'_>, limits: &ReadLimits) -> Result<ReadText, ReadError> {
    let kind = if source.says(SourceFormat::Odt) {
        SourceFormat::Odt.file_kind()
    } else if source.says(SourceFormat::Docx) {
        SourceFormat::Docx.file_kind()
    } else {
        "ZIP archive"
    };
    let zip = ZipArchive::new(Cursor::new(source.bytes)).map_err(|e| zip_error(kind, &e))?;
    let mut archive = Archive { zip, kind };
    if archive.zip.index_for_name("word/document.xml").is_some() {
        archive.kind = SourceFormat::Docx.file_kind();
        return docx::read(&mut archive, limits);
    }
    let mimetype = match archive.zip.index_for_name("mimetype") {
        Some(_) => {
            let limits = ReadLimits { max_entry_bytes: 256, ..*limits };
            let bytes = archive.entry("mimetype", &limits)?.unwrap_or_default();
            String::from_utf8_lossy(&bytes).trim().to_owned()
        }
        None => String::new(),
    };
    if mimetype == ODT_MIMETYPE {
        archive.kind = SourceFormat::Odt.file_kind();
        return odt::read(&mut archive, limits);
    }
    let what = if let Some(sub) = mimetype.strip_prefix("application/vnd.oasis.opendocument.") {
        format!("an OpenDocument {} file, not a text document", sub.split('-').next().unwrap_or(sub))
    } else if archive.zip.index_for_name("xl/workbook.xml").is_some() {
        "an Excel workbook, not a Word document".to_owned()
    } else if archive.zip.index_for_name("ppt/presentation.xml").is_some() {
        "a PowerPoint presentation, not a Word document".to_owned()
    } else {
        "a ZIP archive, not a .docx or .odt document".to_owned()
    };
    let mut error = ReadError::unsupported(format!("This file is {what}."));
    error.looks_like = Some("ZIP archive");
    Err(error)
}

impl Archive<'_> {
    /// Whether the archive holds an entry of this name.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The bytes of entry `name` (`None` when there is none), refused with
    /// [`ReadErrorKind::TooLarge`] when it declares or expands past the entry limit.
    pub fn entry(&mut self, name: &str, limits: &ReadLimits) -> Result<Option<Vec<u8>>, ReadError> {
        let kind = self.kind;
        let file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_error(kind, &e)),
        };
        let limit = limits.max_entry_bytes;
        let too_large = || {
            ReadError::new(
                ReadErrorKind::TooLarge,
                format!(
                    "This {kind} is too large to read: its part {name} holds over {} uncompressed.",
                    super::bytes_in_words(limit)
                ),
            )
        };
        if file.size() > limit as u64 {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        // One byte past the limit tells an entry that expands past it (declared small).
        let cap = (limit as u64).saturating_add(1);
        file.take(cap).read_to_end(&mut bytes).map_err(|e| match e.kind() {
            ErrorKind::UnexpectedEof => damaged(kind, "its archive ends early"),
            ErrorKind::InvalidData => damaged(kind, &format!("its part {name} is corrupt ({e})")),
            _ => damaged(kind, &format!("its part {name} cannot be read ({e})")),
        })?;
        if bytes.len() > limit {
            return Err(too_large());
        }
        Ok(Some(bytes))
    }

    /// The error for a part that is not well-formed XML.
    pub fn malformed(&self, name: &str, why: &str) -> ReadError {
        damaged(self.kind, &format!("its part {name} is not well-formed XML ({why})"))
    }

    /// The message's name of the archive (`.docx file`).
    pub fn kind(&self) -> &'static str {
        self.kind
    }
}

fn damaged(kind: &str, why: &str) -> ReadError {
    ReadError::new(ReadErrorKind::Damaged, format!("This {kind} is damaged: {why}."))
}

/// A `zip` error as a message for a user.
fn zip_error(kind: &str, e: &ZipError) -> ReadError {
    match e {
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) | ZipError::InvalidPassword => {
            ReadError::unsupported(format!(
                "This {kind} is password-protected: save it without a password and open it again."
            ))
        }
        ZipError::UnsupportedArchive(what) => {
            ReadError::unsupported(format!("This {kind} uses a ZIP feature colloquy cannot read ({what})."))
        }
        ZipError::Io(io) if io.kind() == ErrorKind::UnexpectedEof => damaged(kind, "its archive ends early"),
        ZipError::InvalidArchive(why) if why.contains("EOCD") || why.contains("end of central directory") => {
            damaged(kind, "its archive ends early (the archive's directory is missing)")
        }
        _ => damaged(kind, &format!("its archive is corrupt ({e})")),
    }
}
