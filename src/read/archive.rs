//! ZIP archives, as much as `.docx` and `.odt` need: the end record, the central
//! directory and each entry's local header, stored or Deflate-compressed entries
//! (miniz_oxide inflates, CRC-32 checked). Every offset and size is checked against the
//! bytes before use; an entry is read within [`ReadLimits::max_entry_bytes`], declared
//! and actual (the inflater stops at the limit, so a zip bomb never allocates past it).
//! ZIP64, encryption and other compression methods are refused with a message.

use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

use super::{docx, odt, ReadError, ReadErrorKind, ReadLimits, ReadText, Source, SourceFormat};

/// The media type an OpenDocument text names in its `mimetype` entry.
const ODT_MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// The end of central directory record's size without its comment.
const END_RECORD: usize = 22;

/// One entry of the central directory.
struct Entry<'a> {
    name: &'a [u8],
    flags: u16,
    method: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    local: usize,
}

/// An archive being read, and how messages name it (`.docx file`).
pub(crate) struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry<'a>>,
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
    let mut archive = Archive { bytes: source.bytes, entries: Vec::new(), kind };
    archive.entries = archive.directory()?;
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

/// CRC-32 (IEEE), a byte at a time: entries are read once, and a table of 256 words
/// costs the wasm less than crc32fast's 16 KiB.
fn crc32(bytes: &[u8]) -> u32 {
    // `i` < 256 indexes the table (a const block cannot call `get_mut`).
    #[allow(clippy::indexing_slicing)]
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |c, &b| TABLE.get(usize::from((c as u8) ^ b)).copied().unwrap_or(0) ^ (c >> 8))
}

/// `len` bytes from `at`, if they are all there.
fn slice(bytes: &[u8], at: usize, len: usize) -> Option<&[u8]> {
    bytes.get(at..at.checked_add(len)?)
}

/// A little-endian `u16` at `at`.
fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

/// A little-endian `u32` at `at`, as a `usize`.
fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    let v = u32::from_le_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?);
    usize::try_from(v).ok()
}

impl<'a> Archive<'a> {
    /// The central directory's entries.
    fn directory(&self) -> Result<Vec<Entry<'a>>, ReadError> {
        let bytes = self.bytes;
        let ends_early = || self.damaged("its archive ends early (the archive's directory is missing)");
        // The end record is in the last 22 bytes plus a comment of up to 65,535.
        let from = bytes.len().saturating_sub(END_RECORD + 0xFFFF);
        let tail = bytes.get(from..).unwrap_or_default();
        let end = tail.windows(4).rposition(|w| w == b"PK\x05\x06").map(|i| from + i).ok_or_else(ends_early)?;
        if bytes.len() - end < END_RECORD {
            return Err(ends_early());
        }
        let count = usize::from(u16_at(bytes, end.saturating_add(10)).ok_or_else(ends_early)?);
        let size = u32_at(bytes, end.saturating_add(12)).ok_or_else(ends_early)?;
        let start = u32_at(bytes, end.saturating_add(16)).ok_or_else(ends_early)?;
        if count == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
            return Err(ReadError::unsupported(format!(
                "This {} is a ZIP64 archive, which colloquy does not read: save it again as a smaller document.",
                self.kind
            )));
        }
        if start.checked_add(size).is_none_or(|e| e > end) {
            return Err(ends_early());
        }
        let corrupt = || self.damaged("its archive's directory is corrupt");
        // Each entry takes at least 46 bytes: no more can be announced.
        let mut entries = Vec::with_capacity(count.min(size / 46));
        let mut at = start;
        for _ in 0..count {
            if slice(bytes, at, 4) != Some(b"PK\x01\x02") {
                return Err(corrupt());
            }
            let field = |offset: usize| u32_at(bytes, at.saturating_add(offset)).ok_or_else(corrupt);
            let short = |offset: usize| u16_at(bytes, at.saturating_add(offset)).map(usize::from).ok_or_else(corrupt);
            let (name_len, extra_len, comment_len) = (short(28)?, short(30)?, short(32)?);
            let name = slice(bytes, at.saturating_add(46), name_len).ok_or_else(corrupt)?;
            entries.push(Entry {
                name,
                flags: short(8)? as u16,
                method: short(10)? as u16,
                crc: u32::try_from(field(16)?).unwrap_or(0),
                compressed: field(20)?,
                size: field(24)?,
                local: field(42)?,
            });
            at = at.saturating_add(46 + name_len + extra_len + comment_len);
        }
        Ok(entries)
    }

    fn find(&self, name: &str) -> Option<&Entry<'a>> {
        self.entries.iter().find(|e| e.name == name.as_bytes())
    }

    /// Whether the archive holds an entry of this name.
    pub fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// The bytes of entry `name` (`None` when there is none), refused with
    /// [`ReadErrorKind::TooLarge`] when it declares or expands past the entry limit.
    pub fn entry(&self, name: &str, limits: &ReadLimits) -> Result<Option<Vec<u8>>, ReadError> {
        let Some(entry) = self.find(name) else { return Ok(None) };
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
        if entry.flags & 1 != 0 {
            return Err(ReadError::unsupported(format!(
                "This {} is password-protected: save it without a password and open it again.",
                self.kind
            )));
        }
        if entry.size > limit {
            return Err(too_large());
        }
        let bytes = self.bytes;
        let at = entry.local;
        if slice(bytes, at, 4) != Some(b"PK\x03\x04") {
            return Err(self.damaged(&format!("its part {name} is missing")));
        }
        let ends_early = || self.damaged("its archive ends early");
        let name_len = usize::from(u16_at(bytes, at.saturating_add(26)).ok_or_else(ends_early)?);
        let extra_len = usize::from(u16_at(bytes, at.saturating_add(28)).ok_or_else(ends_early)?);
        let data = at.saturating_add(30 + name_len + extra_len);
        let compressed = slice(bytes, data, entry.compressed).ok_or_else(ends_early)?;
        let out = match entry.method {
            0 => compressed.to_vec(),
            8 => match decompress_to_vec_with_limit(compressed, limit) {
                Ok(out) => out,
                Err(e) if e.status == TINFLStatus::HasMoreOutput => return Err(too_large()),
                Err(_) => return Err(self.damaged(&format!("its part {name} is corrupt"))),
            },
            method => {
                return Err(ReadError::unsupported(format!(
                    "This {} uses a compression method colloquy cannot read (method {method}).",
                    self.kind
                )))
            }
        };
        if out.len() != entry.size || crc32(&out) != entry.crc {
            return Err(self.damaged(&format!("its part {name} is corrupt (its size or checksum does not match)")));
        }
        Ok(Some(out))
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
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter_map(|e| std::str::from_utf8(e.name).ok())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc32_of_known_strings() {
        assert_eq!(super::crc32(b""), 0);
        assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
    }
}
