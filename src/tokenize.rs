//! Word tokenisation: UAX #29 word boundaries, case folding.

use unicode_segmentation::UnicodeSegmentation;

/// Calls `f` with the folded form of every word token in `text`.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    for word in text.unicode_words() {
        f(&word.to_lowercase());
    }
}
