//! HTML character references in text: `&amp;`, `&notin;`, the legacy `&copy` without a
//! semicolon, `&#233;`, `&#x1F600;`, decoded as HTML5 says (a reference that matches
//! nothing stays as written). The names come from htmlize's table, packed by `build.rs`
//! into one sorted string.

use std::borrow::Cow;

use crate::read::cp1252;

include!(concat!(env!("OUT_DIR"), "/entities.rs"));

/// The longest reference name (`CounterClockwiseContourIntegral;` has 32 bytes).
const MAX_NAME: usize = 32;

/// `text` with its character references decoded.
///
/// ```text
/// assert_eq!(decode("Tom &amp; Jerry &notit; &#x263A;"), "Tom & Jerry ¬it; ☺");
/// ```
pub(crate) fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        let (decoded, used) = reference(after);
        match decoded {
            Some(s) => out.push_str(&s),
            None => out.push('&'),
        }
        rest = after.get(used..).unwrap_or("");
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference at the start of `s` (just after `&`): its characters and how many
/// bytes it took, or `None` (and 0) when there is none.
fn reference(s: &str) -> (Option<String>, usize) {
    if let Some(num) = s.strip_prefix('#') {
        return numeric(num).map_or((None, 0), |(c, used)| (Some(c.to_string()), used + 1));
    }
    let run = s.bytes().take(MAX_NAME).take_while(u8::is_ascii_alphanumeric).count();
    let name = s.get(..run).unwrap_or("");
    if s.get(run..).is_some_and(|r| r.starts_with(';')) {
        if let Some(chars) = lookup(s.get(..run + 1).unwrap_or("")) {
            return (Some(chars.to_owned()), run + 1);
        }
    }
    // The legacy names without `;` match the longest prefix (`&notit;` is `¬it;`).
    for len in (2..=run).rev() {
        if let Some(chars) = name.get(..len).and_then(lookup) {
            return (Some(chars.to_owned()), len);
        }
    }
    (None, 0)
}

/// `#233;`'s `233;` or `x1F600;` (after the `#`): the character and the bytes used.
/// Zero, surrogates and values past U+10FFFF are U+FFFD; 0x80–0x9F are Windows-1252's.
fn numeric(s: &str) -> Option<(char, usize)> {
    let (digits, radix, skip) = match s.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16, 1),
        None => (s, 10, 0),
    };
    let len = digits.bytes().take_while(|b| (*b as char).is_digit(radix)).count();
    if len == 0 {
        return None;
    }
    let value = digits
        .get(..len)
        .unwrap_or("")
        .chars()
        .filter_map(|c| c.to_digit(radix))
        .fold(0u32, |v, d| v.saturating_mul(radix).saturating_add(d));
    let semicolon = usize::from(digits.get(len..).is_some_and(|r| r.starts_with(';')));
    let c = match value {
        0x80..=0x9F => cp1252::char_of(u8::try_from(value).unwrap_or(0)),
        _ => char::from_u32(value).filter(|&c| c != '\0').unwrap_or('\u{FFFD}'),
    };
    Some((c, skip + len + semicolon))
}

/// The record separator of [`ENTITIES`] (`name`, U+0001, characters, U+0002).
const END: u8 = 2;

/// The characters of the reference named `name` (`amp;`), by binary search of the
/// sorted records of [`ENTITIES`].
fn lookup(name: &str) -> Option<&'static str> {
    let table = ENTITIES.as_bytes();
    let (mut lo, mut hi) = (0, table.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = table.get(lo..mid)?.iter().rposition(|&b| b == END).map_or(lo, |p| lo + p + 1);
        let end = start + table.get(start..)?.iter().position(|&b| b == END)?;
        let (entry, chars) = ENTITIES.get(start..end)?.split_once('\u{1}')?;
        match entry.cmp(name) {
            std::cmp::Ordering::Equal => return Some(chars),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_numeric_and_legacy() {
        assert_eq!(
            decode("a &amp; b &lt;&gt; &nbsp;&copy &notit; &notin; &CounterClockwiseContourIntegral;"),
            "a & b <> \u{a0}\u{a9} \u{ac}it; \u{2209} \u{2233}"
        );
        assert_eq!(
            decode("&#233;&#xE9;&#X1f600;&#150;&#0;&#xD800;&#99999999999;"),
            "\u{e9}\u{e9}\u{1F600}\u{2013}\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(decode("AT&T &unknown; & &# &#x;"), "AT&T &unknown; & &# &#x;");
        assert_eq!(decode("no refs"), "no refs");
    }

    #[test]
    fn every_entity_is_found() {
        let records: Vec<&str> = ENTITIES.split('\u{2}').filter(|r| !r.is_empty()).collect();
        for record in &records {
            let (name, chars) = record.split_once('\u{1}').unwrap();
            assert_eq!(lookup(name), Some(chars), "{name}");
        }
        assert!(records.len() > 2000);
    }
}
