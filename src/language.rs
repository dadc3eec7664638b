//! Language detection (whatlang) and stopword lists (NLTK where it has one,
//! stopwords-iso otherwise, from the `stop-words` crate, packed by `build.rs`).

use std::sync::OnceLock;

use whatlang::Lang;

include!(concat!(env!("OUT_DIR"), "/stopwords.rs"));

/// How many bytes of speech language detection reads.
pub(crate) const SAMPLE_BYTES: usize = 4 * 1024;

/// A detected language.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    /// ISO 639-1 code where one exists (`en`), else ISO 639-3 (`cmn` → `zh`).
    pub code: &'static str,
    pub name: &'static str,
    pub confidence: f64,
    pub reliable: bool,
}

/// Detects the language of `sample`.
pub fn detect(sample: &str) -> Option<Detected> {
    let info = whatlang::detect(sample)?;
    Some(Detected {
        code: iso639_1(info.lang()),
        name: info.lang().eng_name(),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// The stopword list for an ISO 639-1 code, if there is one (sorted, no duplicates).
pub fn stopwords(code: &str) -> Option<&'static [&'static str]> {
    static LISTS: [OnceLock<&'static [&'static str]>; STOPWORD_CODES.len()] =
        [const { OnceLock::new() }; STOPWORD_CODES.len()];
    let i = STOPWORD_CODES.binary_search(&code).ok()?;
    Some(*LISTS.get(i)?.get_or_init(|| unpack(STOPWORD_LISTS.get(i).copied().unwrap_or_default())))
}

/// Codes with a stopword list.
pub fn stopword_languages() -> &'static [&'static str] {
    &STOPWORD_CODES
}

/// Decodes a front-coded list (see `build.rs`). Each list is decoded once and kept for
/// the life of the program, as the crate's static lists were.
fn unpack(packed: &str) -> &'static [&'static str] {
    let mut text = String::with_capacity(packed.len() * 2);
    let mut ends = Vec::new();
    let mut prev = 0..0;
    for entry in packed.lines() {
        let mut chars = entry.chars();
        let shared = chars.next().map_or(0, |c| (c as usize).saturating_sub('0' as usize));
        let start = text.len();
        let prefix = prev.start..(prev.start + shared).min(prev.end);
        let prefix = text.get(prefix).unwrap_or_default().to_owned();
        text.push_str(&prefix);
        text.push_str(chars.as_str());
        prev = start..text.len();
        ends.push(prev.clone());
    }
    let text: &'static str = Box::leak(text.into_boxed_str());
    let words: Vec<&'static str> = ends.into_iter().filter_map(|r| text.get(r)).collect();
    Box::leak(words.into_boxed_slice())
}

fn iso639_1(lang: Lang) -> &'static str {
    match lang.code() {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "no",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        other => other,
    }
}

/// Cuts `s` to at most `max` bytes, at a char boundary.
pub(crate) fn truncate(s: &mut String, max: usize) {
    if s.len() > max {
        let mut cut = max;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_lists_are_the_crates_lists() {
        assert_eq!(stopword_languages(), stop_words::available_languages());
        for code in stopword_languages() {
            let mut theirs = stop_words::lookup(code).unwrap_or_default().to_vec();
            theirs.sort_unstable();
            theirs.dedup();
            assert_eq!(stopwords(code), Some(&theirs[..]), "{code}");
        }
        assert_eq!(stopwords("xx"), None);
        assert_eq!(stopwords(""), None);
    }
}
