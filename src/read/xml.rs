//! The XML of `.docx` and `.odt` parts as a flat stream of opens, closes and text, for
//! the format readers to walk with their own small state (no tree, no recursion).
//!
//! A small pull tokenizer, as much XML as office documents use: elements (names read
//! by their local part, `p` of `w:p`), attributes, text, CDATA; comments, processing
//! instructions and the `<!DOCTYPE …>` are skipped. A DTD's entities are never
//! expanded: the five XML entities and numeric character references are decoded and
//! any other entity reference (`&lol9;`) is dropped, so "billion laughs" expands to
//! nothing. End tags must match their start tags, or the part is not well-formed.

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
    let mut open: Vec<&str> = Vec::new();
    let mut rest = xml;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text(rest, step)?;
            break;
        };
        if lt > 0 {
            text(rest.get(..lt).unwrap_or(""), step)?;
        }
        rest = rest.get(lt..).unwrap_or("");
        let skip_past = |rest: &str, end: &str, what: &str| -> Result<usize, ReadError> {
            rest.find(end).map(|i| i + end.len()).ok_or_else(|| malformed(&format!("{what} is not closed")))
        };
        let used = if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
            let end = cdata.find("]]>").ok_or_else(|| malformed("a CDATA section is not closed"))?;
            step(Xml::Text(cdata.get(..end).unwrap_or("")))?;
            9 + end + 3
        } else if rest.starts_with("<!--") {
            skip_past(rest, "-->", "a comment")?
        } else if rest.starts_with("<?") {
            skip_past(rest, "?>", "a processing instruction")?
        } else if rest.starts_with("<!") {
            doctype_end(rest).ok_or_else(|| malformed("a declaration is not closed"))?
        } else if let Some(end_tag) = rest.strip_prefix("</") {
            let close = end_tag.find('>').ok_or_else(|| malformed("an end tag is not closed"))?;
            let name = end_tag.get(..close).unwrap_or("").trim_end();
            if open.pop() != Some(name) {
                return Err(malformed(&format!("the end tag </{name}> does not match")));
            }
            step(Xml::Close(local(name)))?;
            2 + close + 1
        } else {
            let close = tag_end(rest).ok_or_else(|| malformed("a tag is not closed"))?;
            let inner = rest.get(1..close).unwrap_or("");
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(inner) => (inner, true),
                None => (inner, false),
            };
            let name_len = inner.find(|c: char| c.is_ascii_whitespace()).unwrap_or(inner.len());
            let name = inner.get(..name_len).unwrap_or("");
            if name.is_empty() {
                return Err(malformed("a tag has no name"));
            }
            let attributes = inner.get(name_len..).unwrap_or("");
            step(Xml::Open(local(name), attributes))?;
            if empty {
                step(Xml::Close(local(name)))?;
            } else {
                if open.len() >= limits.max_depth {
                    return Err(ReadError::new(
                        ReadErrorKind::TooLarge,
                        format!(
                            "This {} is too large to read: its part {part} is nested more than {} levels deep.",
                            archive.kind(),
                            limits.max_depth
                        ),
                    ));
                }
                open.push(name);
            }
            close + 1
        };
        rest = rest.get(used..).unwrap_or("");
    }
    Ok(())
}

/// Where a start tag's `>` is (quotes in attribute values respected).
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// Where a `<!DOCTYPE …>` (with an internal subset in `[…]`) ends, past its `>`.
fn doctype_end(s: &str) -> Option<usize> {
    let mut quote = None;
    let mut depth = 0usize;
    for (i, b) in s.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'[') => depth += 1,
            (None, b']') => depth = depth.saturating_sub(1),
            (None, b'>') if depth == 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Character data with its references decoded: the five XML entities and numeric
/// references; any other entity is dropped.
fn text(s: &str, step: &mut dyn FnMut(Xml<'_>) -> Result<(), ReadError>) -> Result<(), ReadError> {
    if !s.contains('&') {
        return step(Xml::Text(s));
    }
    step(Xml::Text(&decode(s)))
}

/// Decodes XML references in `s` (attribute values too).
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        match after.find(';').filter(|&n| n <= 32) {
            Some(n) => {
                let name = after.get(..n).unwrap_or("");
                let numeric = |digits: &str, radix| u32::from_str_radix(digits, radix).ok().and_then(char::from_u32);
                let c = match name {
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => match name.strip_prefix('#') {
                        Some(hex) if hex.starts_with(['x', 'X']) => numeric(hex.get(1..).unwrap_or(""), 16),
                        Some(dec) => numeric(dec, 10),
                        None => None, // an entity of a DTD: never expanded
                    },
                };
                if let Some(c) = c {
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

/// The value of the attribute whose local name is `local` (`c` of `text:c`), if any.
pub(crate) fn attribute(attributes: &str, local_name: &[u8]) -> Option<String> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let name = rest.get(..eq).unwrap_or("").trim();
        let value = rest.get(eq + 1..).unwrap_or("").trim_start();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let body = value.get(1..).unwrap_or("");
        let end = body.find(quote)?;
        if local(name) == local_name {
            return Some(decode(body.get(..end).unwrap_or("")));
        }
        rest = body.get(end + 1..).unwrap_or("");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_attributes() {
        assert_eq!(decode("a &lt;&amp;&gt; &#233;&#x1F600; &lol; &"), "a <&> \u{e9}\u{1F600}  &");
        assert_eq!(attribute(" text:style-name='P1' text:c=\"3\"", b"c").as_deref(), Some("3"));
        assert_eq!(attribute(" a=\"x>y\"", b"b"), None);
        assert_eq!(tag_end("<a b=\"x>y\">"), Some(10));
        assert_eq!(doctype_end("<!DOCTYPE x [<!ENTITY a \"<b>\">]>rest"), Some(32));
    }
}
