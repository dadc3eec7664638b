//! Normalising a token: case folding and apostrophe folding.

/// Writes the folded form of `word` into `out` (cleared first).
///
/// ```text
/// let mut s = String::new();
/// fold("Don’t", &mut s);
/// assert_eq!(s, "don't");
/// fold("שלום\u{200E}", &mut s);
/// assert_eq!(s, "שלום");
/// ```
pub(crate) fn fold(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            // Invisible marks that UAX #29 keeps inside a word (WB4): bidirectional
            // marks and embeddings, the byte-order mark, the soft hyphen. `שלום‎` is `שלום`.
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
}
