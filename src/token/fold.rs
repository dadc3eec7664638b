//! Normalising a token: case folding and apostrophe folding.

/// Writes the folded form of `word` into `out` (cleared first).
///
/// ```text
/// let mut s = String::new();
/// fold("Don’t", &mut s);
/// assert_eq!(s, "don't");
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
            c => out.extend(c.to_lowercase()),
        }
    }
}
