//! Property tests for the core's invariants.

use proptest::prelude::*;

use colloquy::{analyse, parse, tokenize, Options, ParseOptions, Stopwords, TokenizeOptions};

const WORDS: &[&str] = &[
    "the",
    "budget",
    "plan",
    "is",
    "late",
    "we",
    "talk",
    "about",
    "cis",
    "post-soviet",
    "don’t",
    "1,000",
    "council",
    "of",
    "foreign",
    "ministers",
    "Москва",
    "und",
    "question",
    "yes",
    "no",
    "2024",
    "мир",
];
const NAMES: &[&str] = &["Alice", "Bob", "MR. PRICE", "Sergey Lavrov", "Question"];
const PUNCT: &[&str] = &[" ", " ", " ", ", ", ". ", "? ", "! ", " (Laughter.) ", " [crosstalk] ", "\n", "\n\n"];

/// A transcript: turns of labelled speech, after some unlabelled text.
pub fn transcript() -> impl Strategy<Value = String> {
    transcript_with_lead(0..10)
}

/// A transcript that starts with a label (a turn boundary).
fn labelled() -> impl Strategy<Value = String> {
    transcript_with_lead(0..1).prop_map(|s| s.trim_start().to_owned())
}

fn transcript_with_lead(lead: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let turn = (0..NAMES.len(), prop::collection::vec((0..WORDS.len(), 0..PUNCT.len()), 0..30));
    (prop::collection::vec((0..WORDS.len(), 0..PUNCT.len()), lead), prop::collection::vec(turn, 0..8)).prop_map(
        |(lead, turns)| {
            let mut s = String::new();
            for (w, p) in lead {
                s.push_str(WORDS[w]);
                s.push_str(PUNCT[p]);
            }
            s.push('\n');
            for (name, words) in turns {
                s.push_str(NAMES[name]);
                s.push_str(": ");
                for (w, p) in words {
                    s.push_str(WORDS[w]);
                    s.push_str(PUNCT[p]);
                }
                s.push('\n');
            }
            s
        },
    )
}

/// Two speakers' speech from a few words, so phrases recur often enough to be
/// pruned by a raised minimum count.
fn repetitive() -> impl Strategy<Value = String> {
    const FEW: &[&str] = &["budget", "plan", "the", "of", "late", "council", "talk", "we"];
    prop::collection::vec((0..2usize, prop::collection::vec((0..FEW.len(), 0..4usize), 1..40)), 1..12).prop_map(
        |turns| {
            let mut s = String::new();
            for (speaker, words) in turns {
                s.push_str(["Alice: ", "Bob: "][speaker]);
                for (w, p) in words {
                    s.push_str(FEW[w]);
                    s.push_str([" ", " ", ". ", ", "][p]);
                }
                s.push('\n');
            }
            s
        },
    )
}

/// One sentence said again and again: its phrases all share one count, so the longest
/// covers the others and few are shown (the raised minimum then falls back).
fn repeated() -> impl Strategy<Value = String> {
    const FEW: &[&str] = &["budget", "plan", "the", "of", "late", "council", "talk", "we", "now", "must"];
    (prop::collection::vec(0..FEW.len(), 2..9), 2..8usize).prop_map(|(words, times)| {
        let sentence: Vec<&str> = words.iter().map(|&w| FEW[w]).collect();
        format!("Alice: {}\n", vec![sentence.join(" "); times].join(". "))
    })
}

fn everything() -> Options {
    let mut o = Options::default();
    o.view.stopwords = Stopwords::None;
    o.view.include_numbers = true;
    o.view.min_term_length = 0;
    o.view.top_terms = 0;
    o.view.top_phrases = 0;
    o.view.min_count = 1;
    o
}

proptest! {
    /// The top k phrases are the first k of all phrases: counting only the frequent
    /// ones (the minimum count raised for a top-k list) loses none of them.
    #[test]
    fn top_phrases_are_the_first_of_all_phrases(
        text in prop_oneof![repetitive(), repeated()],
        k in 1usize..5,
        min_count in 1usize..4,
        ngram_max in 2usize..6,
        stopwords in prop_oneof![Just(Stopwords::Auto), Just(Stopwords::None)],
    ) {
        let mut o = Options::default();
        o.view.min_count = min_count;
        o.view.ngram_max = ngram_max;
        o.view.stopwords = stopwords;
        o.view.top_phrases = 0;
        let all = analyse(&text, &o).phrases;
        o.view.top_phrases = k;
        let top = analyse(&text, &o).phrases;
        prop_assert_eq!(&top[..], &all[..all.len().min(k)]);
    }

    /// Each speaker's distinctive and avoided words are the 15 highest and lowest
    /// Fightin' Words z-scores over every word in the term view, as scored one by one
    /// (the report scores only the words that can be reported), against a reference
    /// chosen at random (everyone else, or some speakers; some speakers left out):
    /// the reference's words summed from the term table, the prior from the compared
    /// words (speaker and reference) scaled by the prior weight.
    #[test]
    fn distinctive_and_avoided_words_are_the_extreme_z_scores(
        text in prop_oneof![transcript(), repetitive()],
        against in proptest::collection::vec(0usize..8, 0..3),
        leave_out in proptest::collection::vec(0usize..8, 0..2),
        weight in prop_oneof![Just(0.1), Just(1.0), 0.01f64..3.0],
    ) {
        use colloquy::stats::keyness::{fightin_words, prior};
        let mut o = Options::default();
        o.view.top_terms = 0;
        let names: Vec<String> = analyse(&text, &o).speakers.iter().map(|s| s.name.clone()).collect();
        let pick = |picks: &[usize]| -> Vec<String> {
            picks.iter().filter_map(|&i| names.get(i % names.len().max(1)).cloned()).collect()
        };
        let (against, leave_out) = (pick(&against), pick(&leave_out));
        o.view.comparison = colloquy::Comparison {
            against: if against.is_empty() { colloquy::Reference::Others } else { colloquy::Reference::Speakers(against.clone()) },
            leave_out: leave_out.clone(),
            prior_weight: weight,
        };
        let a = analyse(&text, &o);
        let in_reference = |me: &str, other: &str| {
            other != me && !leave_out.iter().any(|l| l == other) && (against.is_empty() || against.iter().any(|x| x == other))
        };
        let scored_speakers = a.speakers.iter().filter(|s| s.words > 0 && !leave_out.contains(&s.name));
        let enough = a.speakers.iter().filter(|s| s.words > 0).count() >= 2;
        for s in a.speakers.iter().filter(|s| leave_out.contains(&s.name)) {
            prop_assert!(s.distinctive.is_empty() && s.avoided.is_empty(), "{} is left out", s.name);
        }
        for s in scored_speakers {
            let n_i = s.words as f64;
            let n_j: f64 = a.speakers.iter().filter(|r| in_reference(&s.name, &r.name)).map(|r| r.words as f64).sum();
            if n_j == 0.0 || !enough {
                prop_assert!(s.distinctive.is_empty() && s.avoided.is_empty(), "{} has no reference", s.name);
                continue;
            }
            let mut scored: Vec<(f64, &str)> = a
                .terms
                .iter()
                .filter_map(|t| {
                    let y_i = t.by_speaker.get(&s.name).copied().unwrap_or(0) as f64;
                    let y_j: f64 = t.by_speaker.iter().filter(|(r, _)| in_reference(&s.name, r)).map(|(_, &c)| c as f64).sum();
                    let (a_w, a_0) = prior(y_i + y_j, n_i + n_j, weight);
                    (y_i + y_j > 0.0).then(|| (fightin_words(y_i, n_i, y_j, n_j, a_w, a_0).1, t.term.as_str()))
                })
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
            let top: Vec<&str> = scored.iter().filter(|x| x.0 > 0.0).take(15).map(|x| x.1).collect();
            scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
            let low: Vec<&str> = scored.iter().filter(|x| x.0 < 0.0).take(15).map(|x| x.1).collect();
            let got_top: Vec<&str> = s.distinctive.iter().map(|d| d.term.as_str()).collect();
            let got_low: Vec<&str> = s.avoided.iter().map(|d| d.term.as_str()).collect();
            prop_assert_eq!(got_top, top, "distinctive of {}", s.name);
            prop_assert_eq!(got_low, low, "avoided of {}", s.name);
        }
    }

    #[test]
    fn speaker_words_sum_to_tokens_and_shares_to_one(text in transcript()) {
        let a = analyse(&text, &Options::default());
        let words: usize = a.speakers.iter().map(|s| s.words).sum();
        prop_assert_eq!(words, a.summary.tokens);
        if a.summary.tokens > 0 {
            let share: f64 = a.speakers.iter().map(|s| s.share).sum();
            prop_assert!((share - 1.0).abs() < 1e-9, "shares sum to {}", share);
        }
    }

    #[test]
    fn term_counts_sum_to_tokens_when_stopwords_are_kept(text in transcript()) {
        let a = analyse(&text, &everything());
        let sum: usize = a.terms.iter().map(|t| t.count).sum();
        prop_assert_eq!(sum, a.summary.tokens);
        let by_speaker: usize = a.terms.iter().flat_map(|t| t.by_speaker.values()).sum();
        prop_assert_eq!(by_speaker, a.summary.tokens);
    }

    #[test]
    fn a_phrase_is_never_more_frequent_than_its_words(text in transcript()) {
        let a = analyse(&text, &everything());
        for p in &a.phrases {
            for w in p.text.split(' ') {
                let c = a.terms.iter().find(|t| t.term == w).map_or(0, |t| t.count);
                prop_assert!(p.count <= c, "{} ×{} but {} ×{}", p.text, p.count, w, c);
            }
        }
    }

    #[test]
    fn merge_equals_whole_at_turn_boundaries(a in transcript(), b in labelled()) {
        crate::merge::check_merge(&a, &b);
    }

    #[test]
    fn output_is_deterministic(text in transcript()) {
        prop_assert_eq!(analyse(&text, &Options::default()), analyse(&text, &Options::default()));
    }

    #[test]
    fn spans_are_valid_on_arbitrary_input(text in any::<String>()) {
        let t = parse(&text, &ParseOptions::default());
        for turn in &t.turns {
            for seg in &turn.segments {
                prop_assert!(text.get(seg.span.start..seg.span.end).is_some());
            }
        }
        let toks = tokenize(&text, &t, &TokenizeOptions::default());
        for tok in &toks.tokens {
            let s = text.get(tok.span.start..tok.span.end);
            prop_assert!(s.is_some_and(|s| !s.is_empty()));
        }
        let _ = analyse(&text, &Options::default());
    }

    /// Hostile Unicode: lone combining marks, ZWJ sequences, bidi marks, NUL and other
    /// controls, every line ending, BOMs, labels and brackets. No panic; every span on
    /// char boundaries, in UTF-8 here and in UTF-16 through the stream.
    #[test]
    fn spans_are_valid_on_unicode_soup(
        text in "(\\PC|[\u{0}\u{1}\u{7}\u{1b}\u{7f}\u{300}\u{301}\u{200d}\u{200e}\u{200f}\u{202e}\u{2028}\u{2029}\u{85}\u{feff}\r\n\t:：\\[\\]()<>?.]|\r\n|👩‍👩‍👧|🇺🇦|Alice: |WEBVTT\n|-->|\\(APPLAUSE\\)){0,200}"
    ) {
        let a = analyse(&text, &Options::default());
        for d in &a.diagnostics {
            prop_assert!(text.get(d.start..d.end).is_some());
        }
        for t in &a.turns {
            prop_assert!(text.get(t.start..t.end).is_some());
        }
        for s in &a.speakers {
            prop_assert!(text.get(s.first_position..).is_some() && text.get(s.last_position..).is_some());
        }
        for p in &a.phrases {
            prop_assert!(text.get(p.first..).is_some());
        }
        let words: usize = a.speakers.iter().map(|s| s.words).sum();
        prop_assert_eq!(words, a.summary.tokens);
        // The same through the stream in UTF-16 units: every offset is a UTF-16 boundary.
        let units: Vec<u16> = text.encode_utf16().collect();
        let u = colloquy::Stream::once(Options::default(), colloquy::OffsetUnit::Utf16, &text);
        for t in &u.turns {
            prop_assert!(t.start <= t.end && t.end <= units.len());
            prop_assert!(String::from_utf16(&units[t.start..t.end]).is_ok(), "turn {:?} splits a surrogate pair", t);
        }
    }
}

proptest! {
    /// The ASCII fast path finds exactly the word pieces (and hyphens) of UAX #29.
    #[test]
    fn ascii_fast_path_equals_unicode_segmentation(s in "[a-zA-Z0-9_ .,;:'\"!?()\\-\\n\\t‘’“”–—…]{0,80}") {
        prop_assert!(colloquy::token::pieces::eligible(&s));
        prop_assert_eq!(fast_pieces(&s), uax_pieces(&s));
    }

    /// So does it on Latin, Greek and Cyrillic letters mixed with the joiners.
    #[test]
    fn fast_path_equals_unicode_segmentation_on_european_letters(
        s in "[a-zA-Z0-9_ .,;:'\\-‘’…À-ɏΆ-ϿЀ-ҁҊ-ԯ]{0,60}"
    ) {
        // The blocks hold a few signs (`×`, `÷`, `·`, `϶`) that the fast path leaves alone.
        prop_assume!(colloquy::token::pieces::eligible(&s));
        prop_assert_eq!(fast_pieces(&s), uax_pieces(&s));
    }

    /// Word pieces (fast runs, slow runs) equal UAX #29 on any text.
    #[test]
    fn word_pieces_equal_unicode_segmentation(
        s in prop_oneof![
            any::<String>(),
            "[a-zA-Z0-9 .,;:'\\-\\n\\t‘’“”…À-ʯͰ-ϿЀ-ԯ\\u{0300}-\\u{036F}\\u{200B}-\\u{200F}\\u{2010}\\u{2011}\\u{00B7}\\u{0387}\\u{05D0}-\\u{05EA}\\u{30A0}-\\u{30FF}\\u{4E00}-\\u{4E20}\\u{1F600}\\u{1F3FB}]{0,60}",
        ]
    ) {
        let mut got = Vec::new();
        colloquy::token::pieces::word_pieces(&s, |i, p| got.push((i, p.to_owned())));
        prop_assert_eq!(got, uax_pieces(&s));
    }
}

/// The pieces the fast path finds in `s`.
fn fast_pieces(s: &str) -> Vec<(usize, String)> {
    let mut fast = Vec::new();
    colloquy::token::pieces::fast_pieces(s, |i, p| fast.push((i, p.to_owned())));
    fast
}

/// The word pieces (with a letter or digit) and hyphen pieces of UAX #29, less any
/// leading ASCII whitespace (UAX #29 attaches a combining mark after a space to the
/// space; colloquy starts the piece at the mark, so no token starts with a space).
fn uax_pieces(s: &str) -> Vec<(usize, String)> {
    use unicode_segmentation::UnicodeSegmentation;
    s.split_word_bound_indices()
        .map(|(i, p)| {
            let trimmed = p.trim_start_matches(|c: char| c.is_ascii_whitespace());
            (i + p.len() - trimmed.len(), trimmed)
        })
        .filter(|(_, p)| colloquy::token::pieces::is_hyphen(p) || p.chars().any(char::is_alphanumeric))
        .map(|(i, p)| (i, p.to_owned()))
        .collect()
}

#[test]
fn every_fast_letter_segments_as_unicode_segmentation_does() {
    let letters =
        (0xC0u32..0x530).filter_map(char::from_u32).filter(|&c| colloquy::token::pieces::eligible(&c.to_string()));
    for c in letters {
        for template in
            ["{c}", "a{c}b", "1{c}", "{c}1", "{c}'{c}", "{c}.{c}", "{c}:{c}", "{c}’{c}", "{c}_{c}", "{c}-{c}"]
        {
            let s = template.replace("{c}", &c.to_string());
            assert_eq!(fast_pieces(&s), uax_pieces(&s), "{s:?} (U+{:04X})", c as u32);
        }
    }
}
