//! Snowball stemming (rust-stemmers), to group the inflected forms of a term:
//! `соглашение`, `соглашения`, `соглашений` → one term, labelled by its most
//! frequent form.

use rust_stemmers::{Algorithm, Stemmer};

/// The Snowball stemmer for an ISO 639-1 code, if there is one.
pub fn stemmer(code: &str) -> Option<Stemmer> {
    let algorithm = match code {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Languages with a stemmer.
pub const STEMMER_LANGUAGES: &[&str] =
    &["ar", "da", "nl", "en", "fi", "fr", "de", "el", "hu", "it", "no", "pt", "ro", "ru", "es", "sv", "ta", "tr"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_inflections_share_a_stem() {
        let s = stemmer("ru").map(|s| ["соглашение", "соглашения", "соглашений"].map(|w| s.stem(w).into_owned()));
        let stems = s.unwrap_or_default();
        assert!(stems.iter().all(|x| x == &stems[0]), "{stems:?}");
        assert!(stemmer("xx").is_none());
    }
}
