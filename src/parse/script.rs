//! Coarse writing-system classification of letters, for furniture detection.

use crate::swar::{ascii_word_at, high_bits, HIGH};

/// A writing system, coarse enough to tell page furniture from the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Georgian,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Thai,
    Hangul,
    Kana,
    Han,
    Other,
}

impl Script {
    /// The script of a letter, or `None` for anything that is not a letter.
    pub fn of(c: char) -> Option<Script> {
        if !is_letter(c) {
            return None;
        }
        Some(match c as u32 {
            0x0041..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF5A => Script::Latin,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
            0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
            0x0530..=0x058F => Script::Armenian,
            0x10A0..=0x10FF | 0x1C90..=0x1CBF => Script::Georgian,
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
            0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
            0x0900..=0x097F | 0xA8E0..=0xA8FF => Script::Devanagari,
            0x0980..=0x09FF => Script::Bengali,
            0x0E00..=0x0E7F => Script::Thai,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => Script::Han,
            _ => Script::Other,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Armenian => "Armenian",
            Script::Georgian => "Georgian",
            Script::Hebrew => "Hebrew",
            Script::Arabic => "Arabic",
            Script::Devanagari => "Devanagari",
            Script::Bengali => "Bengali",
            Script::Thai => "Thai",
            Script::Hangul => "Hangul",
            Script::Kana => "Kana",
            Script::Han => "Han",
            Script::Other => "Other",
        }
    }
}

/// Letter counts per script.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScriptCounts([u64; 14]);

impl ScriptCounts {
    pub fn of(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        counts.add(text);
        counts
    }

    pub fn add(&mut self, text: &str) {
        self.add_times(text, 1);
    }

    /// Adds the letters of `text`, `times` over (for a type seen `times` times).
    pub fn add_times(&mut self, text: &str, times: u64) {
        if text.is_ascii() {
            let letters = text.bytes().filter(u8::is_ascii_alphabetic).count() as u64;
            if let Some(slot) = self.0.get_mut(Script::Latin as usize) {
                *slot += letters * times;
            }
            return;
        }
        let mut latin = 0u64;
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if let Some(word) = ascii_word_at(bytes, i) {
                latin += ascii_letters(word);
                i += 8;
                continue;
            }
            if b < 0x80 {
                // ASCII letters, branch-free: `b | 0x20` maps `A–Z` onto `a–z`.
                latin += u64::from((b | 0x20).wrapping_sub(b'a') < 26);
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else { break };
            i += c.len_utf8();
            if let Some(script) = Script::of(c) {
                if let Some(slot) = self.0.get_mut(script as usize) {
                    *slot += times;
                }
            }
        }
        if let Some(slot) = self.0.get_mut(Script::Latin as usize) {
            *slot += latin * times;
        }
    }

    pub fn merge(&mut self, other: &ScriptCounts) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a += b;
        }
    }

    /// The script with the most letters (the first in declaration order on a tie).
    pub fn dominant(&self) -> Option<Script> {
        const ALL: [Script; 14] = [
            Script::Latin,
            Script::Cyrillic,
            Script::Greek,
            Script::Armenian,
            Script::Georgian,
            Script::Hebrew,
            Script::Arabic,
            Script::Devanagari,
            Script::Bengali,
            Script::Thai,
            Script::Hangul,
            Script::Kana,
            Script::Han,
            Script::Other,
        ];
        let mut best: Option<(Script, u64)> = None;
        for (script, &n) in ALL.iter().zip(self.0.iter()) {
            if n > 0 && best.is_none_or(|(_, m)| n > m) {
                best = Some((*script, n));
            }
        }
        best.map(|(s, _)| s)
    }
}

/// `c.is_alphabetic()`, from a table for the Latin, Greek and Cyrillic blocks (the
/// Unicode look-up is slow, and these letters are most of the text it is asked about).
fn is_letter(c: char) -> bool {
    use std::sync::OnceLock;
    const TABLE: usize = 0x530;
    static LETTERS: OnceLock<Vec<bool>> = OnceLock::new();
    let i = c as usize;
    if i >= TABLE {
        return c.is_alphabetic();
    }
    let table =
        LETTERS.get_or_init(|| (0..TABLE as u32).map(|u| char::from_u32(u).is_some_and(char::is_alphabetic)).collect());
    table.get(i).copied().unwrap_or(false)
}

/// ASCII letters among the eight ASCII bytes of `word`: per byte `y = b | 0x20` (no
/// carries: every byte is below 0x80) is a letter if `y + 0x1F` reaches 0x80 (from
/// `a`) and `y + 0x05` does not (from the byte after `z`).
#[inline]
fn ascii_letters(word: u64) -> u64 {
    let y = word | 0x2020_2020_2020_2020;
    let letters = y.wrapping_add(0x1F1F_1F1F_1F1F_1F1F) & !y.wrapping_add(0x0505_0505_0505_0505) & HIGH;
    high_bits(letters) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Counted a word at a time, the letters by script are those a character at a
        /// time finds.
        #[test]
        fn counts_agree_with_a_char_by_char_count(s in "([ -~]|[éЖω日’])*") {
            let mut naive = ScriptCounts::default();
            for c in s.chars() {
                if let Some(script) = Script::of(c) {
                    naive.0[script as usize] += 1;
                }
            }
            proptest::prop_assert_eq!(ScriptCounts::of(&s).0, naive.0);
        }
    }
}
