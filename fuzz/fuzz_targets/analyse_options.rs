//! `analyse` with arbitrary options.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    text: &'a str,
    format: u8,
    keep_furniture: bool,
    label_pattern: Option<&'a str>,
    aliases: Vec<(&'a str, &'a str)>,
    split_hyphens: bool,
    stopwords: u8,
    custom: Vec<&'a str>,
    min_term_length: u8,
    include_numbers: bool,
    ngram_min: u8,
    ngram_max: u8,
    min_count: u8,
    edges: bool,
    top_terms: u8,
    top_phrases: u8,
    stem: bool,
}

fuzz_target!(|input: Input<'_>| {
    let mut o = colloquy::Options::default();
    o.parse.format = match input.format % 4 {
        0 => colloquy::Format::Auto,
        1 => colloquy::Format::Text,
        2 => colloquy::Format::Vtt,
        _ => colloquy::Format::Srt,
    };
    o.parse.keep_furniture = input.keep_furniture;
    o.parse.label_pattern = input.label_pattern.map(str::to_owned);
    o.parse.aliases =
        input.aliases.iter().map(|(f, t)| colloquy::Alias { from: (*f).to_owned(), to: (*t).to_owned() }).collect();
    o.tokenize.split_hyphens = input.split_hyphens;
    o.view.stopwords = match input.stopwords % 5 {
        0 => colloquy::Stopwords::Auto,
        1 => colloquy::Stopwords::None,
        2 => colloquy::Stopwords::Language("en".into()),
        3 => colloquy::Stopwords::Language("xx".into()),
        _ => colloquy::Stopwords::Custom(input.custom.iter().map(|s| (*s).to_owned()).collect()),
    };
    o.view.min_term_length = usize::from(input.min_term_length % 8);
    o.view.include_numbers = input.include_numbers;
    // Out-of-range values too: the core must clamp, never panic.
    o.view.ngram_min = usize::from(input.ngram_min % 12);
    o.view.ngram_max = usize::from(input.ngram_max % 12);
    o.view.min_count = usize::from(input.min_count % 5);
    o.view.phrase_edge_stopwords = input.edges;
    o.view.top_terms = usize::from(input.top_terms);
    o.view.top_phrases = usize::from(input.top_phrases);
    o.view.stem = input.stem;
    let a = colloquy::analyse(input.text, &o);
    let words: usize = a.speakers.iter().map(|s| s.words).sum();
    assert_eq!(words, a.summary.tokens);
});
