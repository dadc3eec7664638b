//! Fonts: how a shown string's bytes split into character codes, the text each code
//! stands for (its ToUnicode CMap, else the simple font's encoding and glyph names),
//! and each code's width (for where the text ends on the page).

use super::cmap::CMap;
use super::file::{Budget, File};
use super::object::{Dict, Object};
use crate::read::cp1252;

/// One decoded character code.
pub(super) struct Glyph {
    /// The text it stands for; `None` when the font does not say.
    pub text: Option<String>,
    /// Its width in text space units per unit of font size.
    pub width: f64,
    /// A single-byte code 32, which word spacing applies to.
    pub is_space: bool,
}

pub(super) struct Font {
    /// A composite (Type0) font: codes of two bytes unless its CMap says otherwise.
    composite: bool,
    to_unicode: Option<CMap>,
    /// A simple font's code → character.
    encoding: Option<Box<[Option<char>; 256]>>,
    /// `(first, last, width)` per code (simple fonts: one entry per code).
    widths: Vec<(u32, u32, f64)>,
    default_width: f64,
    /// Glyph space units per text space unit (1/1000, or a Type3 font's matrix).
    scale: f64,
}

/// The character of a glyph name: `a`, `quoteright`, `uni00E9`, `u1F600`.
pub(super) fn glyph_char(name: &[u8]) -> Option<char> {
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("exclam", '!'),
        ("quotedbl", '"'),
        ("numbersign", '#'),
        ("dollar", '$'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("quotesingle", '\''),
        ("quoteright", '\u{2019}'),
        ("quoteleft", '\u{2018}'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("comma", ','),
        ("hyphen", '-'),
        ("period", '.'),
        ("slash", '/'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("less", '<'),
        ("equal", '='),
        ("greater", '>'),
        ("question", '?'),
        ("at", '@'),
        ("bracketleft", '['),
        ("backslash", '\\'),
        ("bracketright", ']'),
        ("asciicircum", '^'),
        ("underscore", '_'),
        ("grave", '`'),
        ("braceleft", '{'),
        ("bar", '|'),
        ("braceright", '}'),
        ("asciitilde", '~'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("endash", '\u{2013}'),
        ("emdash", '\u{2014}'),
        ("quotedblleft", '\u{201C}'),
        ("quotedblright", '\u{201D}'),
        ("bullet", '\u{2022}'),
        ("ellipsis", '\u{2026}'),
        ("section", '§'),
        ("paragraph", '¶'),
        ("copyright", '©'),
        ("registered", '®'),
        ("degree", '°'),
        ("nbspace", '\u{A0}'),
        ("eacute", 'é'),
        ("egrave", 'è'),
        ("agrave", 'à'),
        ("ccedilla", 'ç'),
        ("udieresis", 'ü'),
        ("odieresis", 'ö'),
        ("adieresis", 'ä'),
        ("germandbls", 'ß'),
        ("ntilde", 'ñ'),
    ];
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next().unwrap_or(name);
    if name.len() == 1 && name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return name.chars().next();
    }
    if let Some(&(_, c)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    let hex = name.strip_prefix("uni").or_else(|| name.strip_prefix('u'))?;
    if !(4..=6).contains(&hex.len()) {
        return None;
    }
    u32::from_str_radix(hex.get(..hex.len().min(if name.starts_with("uni") { 4 } else { 6 }))?, 16)
        .ok()
        .and_then(char::from_u32)
}

/// A base encoding: WinAnsi (Windows-1252), else Standard/MacRoman taken as ASCII
/// (their upper halves differ; the common text is ASCII).
fn base_encoding(name: Option<&[u8]>) -> Box<[Option<char>; 256]> {
    let mut table = Box::new([None; 256]);
    for (b, slot) in table.iter_mut().enumerate() {
        let byte = b as u8;
        *slot = match name {
            Some(b"WinAnsiEncoding") => (byte >= 32).then(|| cp1252::char_of(byte)),
            _ if byte == b'\'' && name.is_none() => Some('\u{2019}'),
            _ if byte == b'`' && name.is_none() => Some('\u{2018}'),
            _ => (32..127).contains(&byte).then_some(char::from(byte)),
        };
    }
    table
}

/// A CMap stream's text (a ToUnicode map), decoded within the budget.
fn cmap_of(file: &File<'_>, object: Option<&Object>, budget: &mut Budget) -> Option<CMap> {
    match object? {
        Object::Stream(s) => file.decode(s, budget).ok().map(|data| CMap::parse(&data)),
        _ => None,
    }
}

/// Most width entries kept for one font.
const MAX_WIDTHS: usize = 1 << 16;

impl Font {
    pub fn new(file: &File<'_>, dict: &Dict, budget: &mut Budget) -> Font {
        let subtype = file.get(dict, b"Subtype").and_then(Object::as_name).unwrap_or_default();
        let composite = subtype == b"Type0";
        let to_unicode = cmap_of(file, file.get(dict, b"ToUnicode"), budget).filter(|c| !c.is_empty());
        let mut font =
            Font { composite, to_unicode, encoding: None, widths: Vec::new(), default_width: 0.5, scale: 0.001 };
        if composite {
            font.read_cid_widths(file, dict);
        } else {
            font.read_simple(file, dict, subtype);
        }
        crate::sort::sort_by(&mut font.widths, |a, b| a.0.cmp(&b.0));
        font
    }

    fn read_cid_widths(&mut self, file: &File<'_>, dict: &Dict) {
        let descendant = file
            .get(dict, b"DescendantFonts")
            .and_then(Object::as_array)
            .and_then(|a| a.first())
            .map(|o| file.resolve(o))
            .and_then(Object::as_dict);
        let Some(cid) = descendant else { return };
        self.default_width = file.get(cid, b"DW").and_then(Object::as_f64).unwrap_or(1000.0) * self.scale;
        let Some(w) = file.get(cid, b"W").and_then(Object::as_array) else { return };
        let mut i = 0;
        while i < w.len() && self.widths.len() < MAX_WIDTHS {
            let first = w.get(i).and_then(Object::as_int).and_then(|n| u32::try_from(n).ok());
            let next = w.get(i + 1).map(|o| file.resolve(o));
            match (first, next) {
                (Some(first), Some(Object::Array(list))) => {
                    for (k, width) in list.iter().take(MAX_WIDTHS).enumerate() {
                        let code = first.saturating_add(k as u32);
                        let width = file.resolve(width).as_f64().unwrap_or(0.0) * self.scale;
                        self.widths.push((code, code, width));
                    }
                    i += 2;
                }
                (Some(first), Some(last)) => {
                    let last = last.as_int().and_then(|n| u32::try_from(n).ok()).unwrap_or(first);
                    let width = w.get(i + 2).map(|o| file.resolve(o)).and_then(Object::as_f64).unwrap_or(0.0);
                    self.widths.push((first, last, width * self.scale));
                    i += 3;
                }
                _ => break,
            }
        }
    }

    fn read_simple(&mut self, file: &File<'_>, dict: &Dict, subtype: &[u8]) {
        if subtype == b"Type3" {
            let matrix = file.get(dict, b"FontMatrix").and_then(Object::as_array);
            let a = matrix.and_then(|m| m.first()).and_then(Object::as_f64).unwrap_or(0.001);
            self.scale = if a.is_finite() && a != 0.0 { a.abs() } else { 0.001 };
        }
        let encoding = file.get(dict, b"Encoding");
        let (base, differences) = match encoding {
            Some(Object::Name(n)) => (Some(n.as_slice()), None),
            Some(o @ (Object::Dict(_) | Object::Stream(_))) => {
                let d = o.as_dict();
                (
                    d.and_then(|d| file.get(d, b"BaseEncoding")).and_then(Object::as_name),
                    d.and_then(|d| file.get(d, b"Differences")).and_then(Object::as_array),
                )
            }
            _ => (None, None),
        };
        let base = base.or_else(|| (subtype == b"TrueType").then_some(&b"WinAnsiEncoding"[..]));
        let mut table = base_encoding(base);
        if let Some(differences) = differences {
            let mut code = 0usize;
            for item in differences {
                match file.resolve(item) {
                    Object::Int(n) => code = usize::try_from(*n).unwrap_or(usize::MAX),
                    Object::Name(name) => {
                        if let Some(slot) = table.get_mut(code) {
                            *slot = glyph_char(name);
                        }
                        code = code.saturating_add(1);
                    }
                    _ => {}
                }
            }
        }
        self.encoding = Some(table);
        let first = file.get(dict, b"FirstChar").and_then(Object::as_int).and_then(|n| u32::try_from(n).ok());
        let widths = file.get(dict, b"Widths").and_then(Object::as_array);
        if let (Some(first), Some(widths)) = (first, widths) {
            for (k, width) in widths.iter().take(256).enumerate() {
                let code = first.saturating_add(k as u32);
                let width = file.resolve(width).as_f64().unwrap_or(0.0) * self.scale;
                self.widths.push((code, code, width));
            }
        }
        let base_font = file.get(dict, b"BaseFont").and_then(Object::as_name).unwrap_or_default();
        if self.widths.is_empty() && base_font.windows(7).any(|w| w == b"Courier") {
            self.default_width = 0.6;
        }
    }

    fn width(&self, code: u32) -> f64 {
        // Sorted by first code: the last entry starting at or before `code`.
        let at = self.widths.partition_point(|&(lo, _, _)| lo <= code);
        match at.checked_sub(1).and_then(|i| self.widths.get(i)) {
            Some(&(_, hi, w)) if code <= hi => w,
            _ => self.default_width,
        }
    }

    /// The glyphs of a shown string.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let rest = bytes.get(at..).unwrap_or_default();
            let len = match &self.to_unicode {
                Some(cmap) if cmap.has_codespace() => cmap.code_len(rest).unwrap_or(if self.composite { 2 } else { 1 }),
                _ if self.composite => 2,
                _ => 1,
            };
            let code_bytes = rest.get(..len).unwrap_or(rest);
            let code = code_bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
            at += len;
            let mut text = self.to_unicode.as_ref().and_then(|c| c.lookup(code));
            if text.is_none() {
                if let Some(table) = &self.encoding {
                    text = table.get(code as usize).copied().flatten().map(String::from);
                }
            }
            out.push(Glyph { text, width: self.width(code), is_space: len == 1 && code == 32 });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_char(b"a"), Some('a'));
        assert_eq!(glyph_char(b"quoteright"), Some('\u{2019}'));
        assert_eq!(glyph_char(b"uni00E9"), Some('é'));
        assert_eq!(glyph_char(b"u1F600"), Some('😀'));
        assert_eq!(glyph_char(b"g123"), None);
    }
}
