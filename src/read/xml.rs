//! The XML of `.docx` and `.odt` parts as a flat stream of opens, closes and text,
//! for the format readers to walk with their own small state (no tree, no recursion).
//!
//! quick-xml never expands a DTD's entities: a `<!DOCTYPE>` is skipped, the five XML
//! entities and numeric character references are decoded, and any other entity
//! reference (`&lol9;`) is dropped, so "billion laughs" expands to nothing.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::archive::Archive;
use super::{ReadError, ReadLimits};

/// One step through a part's XML. An empty element (`<w:br/>`) is an `Open` then a `Close`.
pub(crate) enum Xml<'e, 'x> {
    /// An element opens: its local name (`p` of `w:p`) and its tag, for attributes.
    Open(&'e [u8], &'e BytesStart<'x>),
    /// An element closes: its local name.
    Close(&'e [u8]),
    /// Character data, references decoded.
    Text(&'e str),
}

/// Walks the XML in `bytes` (the archive's part `part`), calling `step` on each event.
/// Fails on malformed XML and on nesting deeper than [`ReadLimits::max_depth`].
pub(crate) fn walk(
    bytes: &[u8],
    part: &str,
    archive: &Archive<'_>,
    limits: &ReadLimits,
    mut step: impl FnMut(Xml<'_, '_>) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let mut reader = Reader::from_reader(bytes);
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| archive.malformed(part, &e.to_string()))?;
        match event {
            Event::Start(tag) => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(ReadError::new(
                        super::ReadErrorKind::TooLarge,
                        format!(
                            "This {} is too large to read: its part {part} is nested more than {} levels deep.",
                            archive.kind(),
                            limits.max_depth
                        ),
                    ));
                }
                step(Xml::Open(tag.local_name().into_inner(), &tag))?;
            }
            Event::Empty(tag) => {
                let name = tag.local_name();
                step(Xml::Open(name.into_inner(), &tag))?;
                step(Xml::Close(name.into_inner()))?;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                step(Xml::Close(tag.local_name().into_inner()))?;
            }
            Event::Text(text) => {
                let text = text.xml10_content().map_err(|e| archive.malformed(part, &e.to_string()))?;
                step(Xml::Text(&text))?;
            }
            Event::CData(text) => {
                let text = text.xml10_content().map_err(|e| archive.malformed(part, &e.to_string()))?;
                step(Xml::Text(&text))?;
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.encode_utf8(&mut [0; 4]).to_owned()),
                    Ok(None) => reference
                        .decode()
                        .ok()
                        .and_then(|name| quick_xml::escape::resolve_xml_entity(&name))
                        .map(str::to_owned),
                    Err(_) => None,
                };
                if let Some(text) = resolved {
                    step(Xml::Text(&text))?;
                }
            }
            Event::Eof => return Ok(()),
            // The DTD (never expanded), comments, processing instructions, the declaration.
            _ => {}
        }
    }
}

/// The value of the attribute whose local name is `local` (`c` of `text:c`), if any.
pub(crate) fn attribute(tag: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    tag.attributes().flatten().find(|a| a.key.local_name().into_inner() == local).and_then(|a| {
        let value = a.normalized_value(XmlVersion::Implicit1_0).ok()?;
        Some(value.into_owned())
    })
}
