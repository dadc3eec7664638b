//! The XML of `.docx` and `.odt` parts as a flat stream of opens, closes and text, for
//! the format readers to walk with their own small state (no tree, no recursion).
//!
//! quick-xml's pull reader underneath: elements (names read by their local part, `p`
//! of `w:p`), attributes, text, CDATA; comments, processing instructions and the
//! `<!DOCTYPE …>` are skipped. A DTD's entities are never expanded: the five XML
//! entities and numeric character references are decoded and any other entity
//! reference (`&lol9;`) is dropped, so "billion laughs" expands to nothing. End tags
//! must match their start tags (quick-xml's `check_end_names`), or the part is not
//! well-formed.

use std::borrow::Cow;

use quick_xml::events::attributes::Attributes;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use super::archive::Archive;
use super::{ReadError, ReadErrorKind, ReadLimits};

/// One step through a part's XML. An empty element (`<w:br/>`) is an `Open` then a `Close`.
pub(crate) enum Xml<'e> {
    /// An element opens: its local name and its raw attributes (for [`attribute`]).
    Open(&'e [u8], &'e str),
    /// An element closes: its local name.
    Close(&'e [u8]),
    /// Character data, references decoded.
    Text(&'e str),
}

/// The local part of a qualified name (`p` of `w:p`).
fn local(name: &str) -> &[u8] {
    name.rsplit(':').next().unwrap_or(name).as_bytes()
}

/// What an entity or character reference stands for: the five XML entities and numeric
/// references; `None` for any other (an entity of a DTD: never expanded) or a bad number.
fn reference(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => BytesRef::new(name).resolve_char_ref().ok().flatten(),
    }
}

/// Walks the XML in `bytes` (the archive's part `part`), calling `step` on each event
/// (a `dyn`, so the wasm holds one copy of the walk for every reader).
/// Fails on malformed XML and on nesting deeper than [`ReadLimits::max_depth`].
pub(crate) fn walk(
    bytes: &[u8],
    part: &str,
    archive: &Archive<'_>,
    limits: &ReadLimits,
    step: &mut dyn FnMut(Xml<'_>) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let malformed = |why: &str| archive.malformed(part, why);
    let xml = std::str::from_utf8(bytes).map_err(|_| malformed("it is not UTF-8"))?;
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.expand_empty_elements = false;
    // A lone `&` is text, as it was before quick-xml (office documents never write one,
    // but a hand-edited part may).
    config.allow_dangling_amp = true;
    config.trim_text(false);
    let mut depth = 0usize;
    // Character data between two tags, its references decoded: one `Text` for the run,
    // however quick-xml splits it (text, references, CDATA).
    let mut text = String::new();
    let flush = |text: &mut String, step: &mut dyn FnMut(Xml<'_>) -> Result<(), ReadError>| {
        if text.is_empty() {
            return Ok(());
        }
        let result = step(Xml::Text(text));
        text.clear();
        result
    };
    loop {
        let event = reader.read_event().map_err(|e| malformed(&e.to_string()))?;
        match event {
            Event::Text(t) => text.push_str(&t.xml10_content().map_err(|e| malformed(&e.to_string()))?),
            Event::CData(t) => text.push_str(&t.decode().map_err(|e| malformed(&e.to_string()))?),
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| malformed(&e.to_string()))?;
                if let Some(c) = reference(&name) {
                    text.push(c);
                }
            }
            Event::Start(tag) => {
                flush(&mut text, step)?;
                if depth >= limits.max_depth {
                    return Err(ReadError::new(
                        ReadErrorKind::TooLarge,
                        format!(
                            "This {} is too large to read: its part {part} is nested more than {} levels deep.",
                            archive.kind(),
                            limits.max_depth
                        ),
                    ));
                }
                depth += 1;
                let (name, attributes) = parts(&tag);
                step(Xml::Open(local(&name), &attributes))?;
            }
            Event::Empty(tag) => {
                flush(&mut text, step)?;
                let (name, attributes) = parts(&tag);
                step(Xml::Open(local(&name), &attributes))?;
                step(Xml::Close(local(&name)))?;
            }
            Event::End(tag) => {
                flush(&mut text, step)?;
                depth = depth.saturating_sub(1);
                let name = String::from_utf8_lossy(tag.name().into_inner());
                step(Xml::Close(local(&name)))?;
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => flush(&mut text, step)?,
        }
    }
    flush(&mut text, step)
}

/// A start tag's qualified name and raw attributes (the input is UTF-8: borrowed).
fn parts<'t>(tag: &'t BytesStart<'_>) -> (Cow<'t, str>, Cow<'t, str>) {
    (String::from_utf8_lossy(tag.name().into_inner()), String::from_utf8_lossy(tag.attributes_raw()))
}

/// Decodes XML references in `s` (attribute values): the five XML entities and numeric
/// references; any other entity is dropped, and a `&` without its `;` is kept.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        match after.find(';').filter(|&n| n <= 32) {
            Some(n) => {
                if let Some(c) = reference(after.get(..n).unwrap_or("")) {
                    out.push(c);
                }
                rest = after.get(n + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value of the attribute whose local name is `local_name` (`c` of `text:c`) in a
/// tag's raw attributes, references decoded; `None` when there is none or the
/// attributes are malformed before it.
pub(crate) fn attribute(attributes: &str, local_name: &[u8]) -> Option<String> {
    let mut attributes = Attributes::new(attributes, 0);
    attributes.with_checks(false);
    attributes.map_while(Result::ok).find(|a| a.key.local_name().as_ref() == local_name).map(|a| {
        let value = String::from_utf8_lossy(&a.value);
        decode(&value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_attributes() {
        assert_eq!(decode("a &lt;&amp;&gt; &#233;&#x1F600; &lol; &"), "a <&> \u{e9}\u{1F600}  &");
        assert_eq!(attribute(" text:style-name='P1' text:c=\"3\"", b"c").as_deref(), Some("3"));
        assert_eq!(attribute(" a=\"x>y\"", b"b"), None);
    }
}
