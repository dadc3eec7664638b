//! ZIP archives, as much as `.docx` and `.odt` need, through the `zip` crate: the
//! central directory (ZIP64 too) and stored or Deflate-compressed entries (CRC-32
//! checked). An entry is read within [`ReadLimits::max_entry_bytes`], declared and
//! actual (it is read through `Read::take(limit + 1)`, so a zip bomb never allocates past
//! the limit). Encryption and other compression methods are refused with a message, a
//! truncated or corrupt archive is [`ReadErrorKind::Damaged`].

use std::cell::RefCell;
use std::io::{Cursor, ErrorKind, Read};

use zip::result::ZipError;
use zip::{CompressionMethod, ZipArchive};

use super::{docx, odt, ReadError, ReadErrorKind, ReadLimits, ReadText, Source, SourceFormat};

/// The media type an OpenDocument text names in its `mimetype` entry.
const ODT_MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// The end of central directory record's size without its comment.
const END_RECORD: usize = 22;

/// An archive being read, and how messages name it (`.docx file`).
pub(crate) struct Archive<'a> {
    bytes: &'a [u8],
    /// The zip crate's reader (its entries are read through `&mut`).
    zip: RefCell<ZipArchive<Cursor<&'a [u8]>>>,
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
    let mut archive = Archive::open(source.bytes, kind)?;
    if archive.has("word/document.xml") {
        archive.kind = SourceFormat::Docx.file_kind();
        return docx::read(&archive, limits);
    }
    let mimetype = match archive.has("mimetype") {
        true => {
            let bytes = archive.entry("mimetype", &ReadLimits { max_entry_bytes: 256, ..*limits })?;
            String::from_utf8_lossy(&bytes.unwrap_or_default()).trim().to_owned()
        }
        false => String::new(),
    };
    if mimetype == ODT_MIMETYPE {
        archive.kind = SourceFormat::Odt.file_kind();
        return odt::read(&archive, limits);
    }
    let what = if let Some(sub) = mimetype.strip_prefix("application/vnd.oasis.opendocument.") {
        format!("an OpenDocument {} file, not a text document", sub.split('-').next().unwrap_or(sub))
    } else if archive.has("xl/workbook.xml") {
        "an Excel workbook, not a Word document".to_owned()
    } else if archive.has("ppt/presentation.xml") {
        "a PowerPoint presentation, not a Word document".to_owned()
    } else {
        "a ZIP archive, not a .docx or .odt document".to_owned()
    };
    let mut error = ReadError::unsupported(format!("This file is {what}."));
    error.looks_like = Some("ZIP archive");
    Err(error)
}

impl<'a> Archive<'a> {
    /// Reads the archive's directory.
    fn open(bytes: &'a [u8], kind: &'static str) -> Result<Self, ReadError> {
        let damaged = |why: &str| ReadError::new(ReadErrorKind::Damaged, format!("This {kind} is damaged: {why}."));
        match ZipArchive::new(Cursor::new(bytes)) {
            Ok(zip) => Ok(Archive { bytes, zip: RefCell::new(zip), kind }),
            Err(_) if !has_end_record(bytes) => {
                Err(damaged("its archive ends early (the archive's directory is missing)"))
            }
            Err(ZipError::UnsupportedArchive(what)) => {
                Err(ReadError::unsupported(format!("This {kind} is an archive colloquy cannot read ({what}).")))
            }
            Err(ZipError::Io(e)) if e.kind() == ErrorKind::UnexpectedEof => {
                Err(damaged("its archive ends early (the archive's directory is cut short)"))
            }
            Err(_) => Err(damaged("its archive's directory is corrupt")),
        }
    }

    /// Whether the archive holds an entry of this name.
    pub fn has(&self, name: &str) -> bool {
        self.zip.borrow().index_for_name(name).is_some()
    }

    /// The bytes of entry `name` (`None` when there is none), refused with
    /// [`ReadErrorKind::TooLarge`] when it declares or expands past the entry limit.
    pub fn entry(&self, name: &str, limits: &ReadLimits) -> Result<Option<Vec<u8>>, ReadError> {
        let mut zip = self.zip.borrow_mut();
        let Some(index) = zip.index_for_name(name) else { return Ok(None) };
        let limit = limits.max_entry_bytes;
        let too_large = || {
            ReadError::new(
                ReadErrorKind::TooLarge,
                format!(
                    "This {} is too large to read: its part {name} holds over {} uncompressed.",
                    self.kind,
                    super::bytes_in_words(limit)
                ),
            )
        };
        let ends_early = || self.damaged("its archive ends early");
        let corrupt = || self.damaged(&format!("its part {name} is corrupt (its size or checksum does not match)"));
        // The entry as stored: its local header read, nothing inflated yet.
        let (encrypted, method, size, end) = {
            let raw = zip.by_index_raw(index).map_err(|e| self.entry_error(name, &e))?;
            (raw.encrypted(), raw.compression(), raw.size(), raw.data_start().checked_add(raw.compressed_size()))
        };
        if encrypted {
            return Err(ReadError::unsupported(format!(
                "This {} is password-protected: save it without a password and open it again.",
                self.kind
            )));
        }
        if method != CompressionMethod::Stored && method != CompressionMethod::Deflated {
            #[allow(deprecated)] // the variant that keeps the number of a method not built in
            let number = match method {
                CompressionMethod::Unsupported(n) => n.to_string(),
                other => other.to_string(),
            };
            return Err(ReadError::unsupported(format!(
                "This {} uses a compression method colloquy cannot read (method {number}).",
                self.kind
            )));
        }
        if usize::try_from(size).map_or(true, |size| size > limit) {
            return Err(too_large());
        }
        if end.is_none_or(|end| end > self.bytes.len() as u64) {
            return Err(ends_early());
        }
        let file = zip.by_index(index).map_err(|e| self.entry_error(name, &e))?;
        // One byte past the limit tells an entry that expands past it.
        let take = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        let mut out = Vec::new();
        if let Err(e) = file.take(take).read_to_end(&mut out) {
            return Err(match e.kind() {
                // The zip crate's CRC-32 check, at the entry's end.
                ErrorKind::InvalidData => corrupt(),
                ErrorKind::UnexpectedEof => ends_early(),
                _ => self.damaged(&format!("its part {name} is corrupt")),
            });
        }
        if out.len() > limit {
            return Err(too_large());
        }
        if out.len() as u64 != size {
            return Err(corrupt());
        }
        Ok(Some(out))
    }

    /// The error for an entry the zip crate cannot open.
    fn entry_error(&self, name: &str, e: &ZipError) -> ReadError {
        match e {
            ZipError::UnsupportedArchive(what) => {
                ReadError::unsupported(format!("This {} has a part colloquy cannot read ({what}).", self.kind))
            }
            ZipError::Io(io) if io.kind() == ErrorKind::UnexpectedEof => self.damaged("its archive ends early"),
            _ => self.damaged(&format!("its part {name} is missing")),
        }
    }

    /// The error for a part that is not well-formed XML.
    pub fn malformed(&self, name: &str, why: &str) -> ReadError {
        self.damaged(&format!("its part {name} is not well-formed XML ({why})"))
    }

    /// `This {kind} is damaged: {why}.`
    fn damaged(&self, why: &str) -> ReadError {
        ReadError::new(ReadErrorKind::Damaged, format!("This {} is damaged: {why}.", self.kind))
    }

    /// The message's name of the archive (`.docx file`).
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The names of the entries.
    pub fn names(&self) -> Vec<String> {
        self.zip.borrow().file_names().map(str::to_owned).collect()
    }
}

/// Whether the archive holds a whole end of central directory record (22 bytes and a
/// comment of up to 65,535, at the end): without one, the archive was cut short.
fn has_end_record(bytes: &[u8]) -> bool {
    let from = bytes.len().saturating_sub(END_RECORD + 0xFFFF);
    let tail = bytes.get(from..).unwrap_or_default();
    tail.windows(4).rposition(|w| w == b"PK\x05\x06").is_some_and(|at| tail.len() - at >= END_RECORD)
}
