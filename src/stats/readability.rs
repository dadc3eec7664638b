//! Coleman–Liau readability: based on letters, not syllables, so it applies to any
//! alphabetic language.
//!
//! ```text
//! L = letters per 100 words, S = sentences per 100 words
//! CLI = 0.0588·L − 0.296·S − 15.8
//! ```

/// The Coleman–Liau index, or `None` without words.
pub fn coleman_liau(letters: usize, words: usize, sentences: usize) -> Option<f64> {
    if words == 0 {
        return None;
    }
    let per100 = 100.0 / words as f64;
    Some(0.0588 * letters as f64 * per100 - 0.296 * sentences as f64 * per100 - 15.8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 100 words, 500 letters, 5 sentences: 0.0588·500 − 0.296·5 − 15.8 = 29.4 − 1.48 − 15.8 = 12.12.
    #[test]
    fn by_hand() {
        let v = coleman_liau(500, 100, 5).unwrap_or(f64::NAN);
        assert!((v - 12.12).abs() < 1e-9, "{v}");
        assert_eq!(coleman_liau(0, 0, 0), None);
    }
}
