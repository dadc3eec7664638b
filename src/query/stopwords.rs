//! The stopwords the queries leave out (collocates, bigrams, the spread lists): the
//! same choice as the views' ([`crate::ViewOptions`]), as a set of token ids.

use rustc_hash::FxHashSet;

use crate::{Document, Stopwords};

impl Document {
    /// The ids of the stopwords in force for `choice` (`Auto`: the detected language)
    /// and of the `extra` words (trimmed, then folded as tokens are: `Minsk` is `minsk`).
    pub(crate) fn stopword_ids(&self, choice: &Stopwords, extra: &[String]) -> FxHashSet<u32> {
        let vocab = &self.tokens().vocab;
        let words: Vec<String> = match choice {
            Stopwords::None => Vec::new(),
            Stopwords::Custom(list) => list.clone(),
            Stopwords::Language(code) => {
                crate::stopwords(code).map(|l| l.iter().map(|w| (*w).to_owned()).collect()).unwrap_or_default()
            }
            Stopwords::Auto => {
                let sample: String = self.text().chars().take(crate::language::SAMPLE_BYTES).collect();
                let scripts = crate::parse::script::ScriptCounts::of(&sample);
                crate::report::auto_language(crate::detect_language(&sample).as_ref(), &scripts)
                    .and_then(crate::stopwords)
                    .map(|l| l.iter().map(|w| (*w).to_owned()).collect())
                    .unwrap_or_default()
            }
        };
        let mut folded = String::new();
        words
            .iter()
            .map(String::as_str)
            .chain(extra.iter().map(|w| w.trim()))
            .filter_map(|w| {
                crate::token::fold_word(w, &mut folded);
                vocab.get(&folded)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Document, Options, Stopwords};

    #[test]
    fn extra_words_are_folded_and_added() {
        let doc = Document::new("A: The Minsk talks and the Minsk group".into(), &Options::default());
        let id = |w: &str| doc.tokens().vocab.get(w);
        let none = doc.stopword_ids(&Stopwords::None, &[" MINSK ".to_owned(), "absent".to_owned()]);
        assert_eq!(none.into_iter().collect::<Vec<_>>(), [id("minsk")].into_iter().flatten().collect::<Vec<_>>());
        let english = doc.stopword_ids(&Stopwords::Language("en".to_owned()), &["talks".to_owned()]);
        assert!(["the", "and", "talks"].iter().all(|w| id(w).is_some_and(|id| english.contains(&id))));
        assert!(id("minsk").is_some_and(|id| !english.contains(&id)));
    }
}
