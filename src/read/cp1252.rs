//! Windows-1252, the code page of most RTF and of old web pages: bytes 0x80–0x9F are
//! typographic characters, the others are Latin-1 (the code point of the same number).

/// 0x80–0x9F; the five bytes Windows-1252 leaves undefined map to the C1 control of
/// the same number, as the WHATWG Encoding Standard does.
const HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2C6}', '\u{2030}',
    '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}',
    '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}',
    '\u{17E}', '\u{178}',
];

/// The character a Windows-1252 byte stands for.
///
/// ```text
/// assert_eq!(char_of(0x93), '“');
/// assert_eq!(char_of(0xE9), 'é');
/// ```
pub(crate) fn char_of(byte: u8) -> char {
    match byte {
        0x80..=0x9F => HIGH.get(usize::from(byte - 0x80)).copied().unwrap_or('\u{FFFD}'),
        _ => char::from(byte),
    }
}

/// Decodes Windows-1252 bytes.
pub(crate) fn decode(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char_of(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_and_latin1() {
        assert_eq!(decode(b"\x93caf\xe9\x94 \x80 \x97"), "\u{201C}caf\u{e9}\u{201D} \u{20AC} \u{2014}");
        assert_eq!(char_of(b'a'), 'a');
        assert_eq!(char_of(0x81), '\u{81}');
    }
}
