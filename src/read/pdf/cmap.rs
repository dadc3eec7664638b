//! ToUnicode CMaps: which text a character code stands for (`bfchar`, `bfrange`),
//! and how many bytes a code takes (`codespacerange`). Ranges are kept as ranges, so
//! `<0000> <FFFF>` costs no more than one entry.

use super::lexer::{Lexer, Token};

#[derive(Debug, Default)]
pub(super) struct CMap {
    /// `(low, high, bytes)`: codes of `bytes` bytes from `low` to `high`.
    codespace: Vec<(u32, u32, usize)>,
    /// Single codes, sorted by code.
    chars: Vec<(u32, String)>,
    /// `(low, high, first)`: `low` stands for `first`, each next code for the next
    /// character (its last UTF-16 unit incremented).
    ranges: Vec<(u32, u32, Vec<u16>)>,
    /// `(low, high, texts)`: a range given as an array.
    range_arrays: Vec<(u32, u32, Vec<String>)>,
}

fn code(bytes: &[u8]) -> Option<u32> {
    (!bytes.is_empty() && bytes.len() <= 4).then(|| bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0)]))
        .collect()
}

fn text(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied()).map(|c| c.unwrap_or('\u{FFFD}')).collect()
}

/// Entries read from one CMap at most (a CMap is small; a hostile one is cut here).
const MAX_ENTRIES: usize = 1 << 20;

impl CMap {
    pub fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lexer = Lexer::new(data, 0);
        let mut operands: Vec<Token<'_>> = Vec::new();
        let mut section: &[u8] = b"";
        let mut entries = 0usize;
        while let Some(token) = lexer.next_token() {
            if entries > MAX_ENTRIES {
                break;
            }
            match token {
                Token::Keyword(k @ (b"begincodespacerange" | b"beginbfchar" | b"beginbfrange")) => {
                    section = k;
                    operands.clear();
                }
                Token::Keyword(b"endcodespacerange" | b"endbfchar" | b"endbfrange") => {
                    section = b"";
                    operands.clear();
                }
                Token::ArrayOpen if section == b"beginbfrange" => {
                    let mut items = Vec::new();
                    while let Some(t) = lexer.next_token() {
                        match t {
                            Token::Str(s) => items.push(text(&utf16(&s))),
                            _ => break,
                        }
                    }
                    if let [Token::Str(lo), Token::Str(hi)] = operands.as_slice() {
                        if let (Some(lo), Some(hi)) = (code(lo), code(hi)) {
                            cmap.range_arrays.push((lo, hi, items));
                            entries += 1;
                        }
                    }
                    operands.clear();
                }
                Token::Str(_) | Token::Name(_) if !section.is_empty() => {
                    operands.push(token);
                    let full = match section {
                        b"beginbfrange" => 3,
                        _ => 2,
                    };
                    if operands.len() == full {
                        cmap.entry(section, &operands);
                        entries += 1;
                        operands.clear();
                    }
                }
                _ => operands.clear(),
            }
        }
        crate::sort::sort_by(&mut cmap.chars, |a, b| a.0.cmp(&b.0));
        // Ranges by their first code, so a look-up is a binary search (a hostile map of a
        // million ranges would otherwise cost a million steps a character).
        crate::sort::sort_by(&mut cmap.ranges, |a, b| a.0.cmp(&b.0));
        crate::sort::sort_by(&mut cmap.range_arrays, |a, b| a.0.cmp(&b.0));
        cmap
    }

    fn entry(&mut self, section: &[u8], operands: &[Token<'_>]) {
        match (section, operands) {
            (b"begincodespacerange", [Token::Str(lo), Token::Str(hi)]) => {
                if let (Some(l), Some(h)) = (code(lo), code(hi)) {
                    self.codespace.push((l, h, lo.len()));
                }
            }
            (b"beginbfchar", [Token::Str(src), Token::Str(dst)]) => {
                if let Some(c) = code(src) {
                    self.chars.push((c, text(&utf16(dst))));
                }
            }
            (b"beginbfchar", [Token::Str(src), Token::Name(name)]) => {
                if let (Some(c), Some(ch)) = (code(src), super::font::glyph_char(name)) {
                    self.chars.push((c, ch.to_string()));
                }
            }
            (b"beginbfrange", [Token::Str(lo), Token::Str(hi), Token::Str(dst)]) => {
                if let (Some(l), Some(h)) = (code(lo), code(hi)) {
                    if l <= h {
                        self.ranges.push((l, h, utf16(dst)));
                    }
                }
            }
            _ => {}
        }
    }

    /// How many bytes the code at the start of `bytes` takes, by the codespace ranges.
    pub fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        for n in 1..=4 {
            let Some(c) = bytes.get(..n).and_then(code) else { break };
            if self.codespace.iter().any(|&(lo, hi, len)| len == n && lo <= c && c <= hi) {
                return Some(n);
            }
        }
        None
    }

    pub fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty() && self.range_arrays.is_empty()
    }

    /// The text code `c` stands for.
    pub fn lookup(&self, c: u32) -> Option<String> {
        if let Ok(i) = self.chars.binary_search_by_key(&c, |(k, _)| *k) {
            return self.chars.get(i).map(|(_, s)| s.clone());
        }
        let at = self.ranges.partition_point(|r| r.0 <= c);
        if let Some((lo, hi, first)) = at.checked_sub(1).and_then(|i| self.ranges.get(i)) {
            if c <= *hi {
                let mut units = first.clone();
                let offset = c - lo;
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(offset as u16);
                }
                return Some(text(&units));
            }
        }
        let at = self.range_arrays.partition_point(|r| r.0 <= c);
        if let Some((lo, hi, texts)) = at.checked_sub(1).and_then(|i| self.range_arrays.get(i)) {
            if c <= *hi {
                return texts.get((c - lo) as usize).cloned();
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chars_ranges_and_codespace() {
        let cmap = CMap::parse(
            b"/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar <0003> <0020> <0044> <D83DDE00> endbfchar\n2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<0066006C> <00E9>] endbfrange end",
        );
        assert_eq!(cmap.code_len(b"\x00\x03"), Some(2));
        assert_eq!(cmap.lookup(3).as_deref(), Some(" "));
        assert_eq!(cmap.lookup(0x44).as_deref(), Some("😀"));
        assert_eq!(cmap.lookup(0x12).as_deref(), Some("C"));
        assert_eq!(cmap.lookup(0x20).as_deref(), Some("fl"));
        assert_eq!(cmap.lookup(0x21).as_deref(), Some("é"));
        assert_eq!(cmap.lookup(0x99), None);
    }
}
