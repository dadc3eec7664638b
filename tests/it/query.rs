//! The queries over a document: KWIC, dispersion, collocations and the spread lists.

use colloquy::{analyse, DispersionParts, Document, KwicOptions, KwicSort, Options, SpreadOptions};

const SEED: &str = include_str!("../fixtures/mfa-cis-press-conference-2024-04-12.txt");

fn seed() -> Document {
    Document::new(SEED.to_owned(), &Options::default())
}

#[test]
fn kwic_finds_every_occurrence_with_spans_that_slice_back() {
    let doc = seed();
    let whole = doc.kwic("cis", &KwicOptions { compounds: false, ..KwicOptions::default() });
    let mut o = Options::default();
    o.view.top_terms = 0;
    let count = colloquy::analyse(SEED, &o).terms.iter().find(|t| t.term == "cis").map(|t| t.count);
    assert_eq!(Some(whole.len()), count, "without compounds, the term's count");
    // 23 `CIS` in the file, 2 of them in lines left out as not speech (a headline and
    // a heading); and one `CIS-UN`.
    assert_eq!(whole.len(), 21);
    assert!(whole.iter().all(|h| !h.in_compound));
    // By default `CIS-UN` is found too, its `CIS` part marked as inside a compound.
    let hits = doc.kwic("cis", &KwicOptions::default());
    assert_eq!(hits.len(), 22);
    let inside: Vec<_> = hits.iter().filter(|h| h.in_compound).collect();
    assert_eq!(inside.len(), 1);
    assert!(inside.iter().all(|h| h.right.starts_with("-UN")), "{inside:?}");
    for h in &hits {
        assert_eq!(&SEED[h.start..h.end], "CIS");
        assert_eq!(h.matched, "CIS");
        let words = |s: &str| s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        // A compound's part has the rest of the compound (`-UN`) before its 8 words.
        let rest = usize::from(h.in_compound);
        assert!(words(&h.left) <= 8 && words(&h.right) <= 8 + rest, "{h:?}");
    }
    assert!(hits.windows(2).all(|w| w[0].start < w[1].start), "in text order");
}

#[test]
fn kwic_phrases_wildcards_and_sorting() {
    let doc = seed();
    // Three in the text; the one in the headline is a heading, left out.
    assert_eq!(doc.kwic("council of foreign ministers", &KwicOptions::default()).len(), 2);
    let wild = doc.kwic("agreement*", &KwicOptions::default());
    assert!(wild.iter().any(|h| h.matched == "agreements") && wild.iter().any(|h| h.matched == "agreement"));
    let gap = doc.kwic("president of *", &KwicOptions::default());
    assert!(gap.iter().all(|h| h.matched.to_lowercase().starts_with("president of ")));
    let by_right = doc.kwic("the", &KwicOptions { width: 2, sort: KwicSort::Right, limit: 0, compounds: true });
    let keys: Vec<String> = by_right.iter().map(|h| h.right.trim().to_lowercase()).collect();
    let first_words: Vec<String> = keys.iter().map(|k| k.split_whitespace().next().unwrap_or("").to_owned()).collect();
    assert!(first_words.windows(2).all(|w| w[0] <= w[1]), "sorted by the right context");
    assert!(doc.kwic("", &KwicOptions::default()).is_empty());
    assert!(doc.kwic("zzzz", &KwicOptions::default()).is_empty());
}

#[test]
fn kwic_carries_speakers_and_stays_in_its_turn() {
    let doc = Document::new("Alice: one two three\nBob: four five six".into(), &Options::default());
    let hits = doc.kwic("four", &KwicOptions { width: 5, ..KwicOptions::default() });
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].speaker, "Bob");
    assert_eq!(hits[0].left, "", "context does not reach into Alice's turn");
    assert_eq!(hits[0].right, " five six");
}

#[test]
fn dispersion_positions_speakers_and_dp() {
    let doc = seed();
    let d = doc.dispersion(&["cis", "lukashenko", "zzzz"], DispersionParts::Equal(10));
    assert_eq!(d[0].count, d[0].positions.len());
    assert_eq!(d[0].speakers.len(), d[0].count);
    assert!(d[0].positions.windows(2).all(|w| w[0] < w[1]));
    assert!(d[0].positions.iter().all(|&p| p < d[0].tokens));
    assert_eq!(d[1].count, 2);
    let (even, lumpy) = (d[0].dp.unwrap_or(1.0), d[1].dp.unwrap_or(0.0));
    assert!(even < lumpy, "cis ({even}) is spread more evenly than lukashenko ({lumpy})");
    assert_eq!(d[2].dp, None);
    let by_speaker = doc.dispersion(&["cis"], DispersionParts::Speakers);
    assert!(by_speaker[0].dp.is_some_and(|dp| (0.0..=1.0).contains(&dp)));
}

#[test]
fn collocations_of_a_node_and_all_bigrams() {
    use colloquy::{CollocationOptions, CollocationSort};
    let doc = seed();
    let options = CollocationOptions { min_count: 2, ..CollocationOptions::default() };
    let c = doc.collocations(Some("foreign"), &options);
    let ministers = c.iter().find(|c| c.term == "ministers").expect("ministers near foreign");
    let foreign = analyse(SEED, &Options::default()).terms.iter().find(|t| t.term == "foreign").map(|t| t.count);
    assert!(
        ministers.count >= 3 && Some(ministers.node_count) == foreign,
        "the node counted as the terms view counts it"
    );
    assert!(c.windows(2).all(|w| w[0].log_dice >= w[1].log_dice), "sorted by logDice");
    assert!(c.iter().all(|c| c.count >= 2));
    assert!(c.iter().all(|c| c.mi.is_some() == (c.count >= colloquy::MI_MIN_COUNT)));
    let by_t = doc.collocations(Some("foreign"), &CollocationOptions { sort: CollocationSort::T, ..options.clone() });
    assert!(by_t.windows(2).all(|w| w[0].t >= w[1].t));
    let bigrams = doc.collocations(None, &options);
    assert!(bigrams.iter().any(|b| b.term == "united states" && b.count == 3), "{:?}", &bigrams[..5]);
    assert!(doc.collocations(Some("zzzz"), &options).is_empty());
    assert!(doc.collocations(Some("two words"), &options).is_empty());
}

#[test]
fn the_node_is_not_its_own_collocate() {
    use colloquy::CollocationOptions;
    let text = "A: we are going to win, going to build, going to fix it.\nB: going going gone.\n";
    let doc = Document::new(text.into(), &Options::default());
    let options = CollocationOptions { min_count: 1, stopwords: colloquy::Stopwords::None, ..Default::default() };
    let going = doc.collocations(Some("going"), &options);
    assert!(going.iter().all(|c| c.term != "going"), "{going:?}");
    // Every other word near an occurrence is still counted, once per node: A's words are
    // we₀ are₁ going₂ to₃ win₄ going₅ to₆ build₇ going₈ to₉ fix₁₀ it₁₁; ±5 of going₂ holds
    // to₃ and to₆, of going₅ and going₈ all three.
    let to = going.iter().find(|c| c.term == "to").map(|c| c.count);
    assert_eq!(to, Some(2 + 3 + 3));
    assert!(going.iter().any(|c| c.term == "gone"), "B's turn keeps its other words");
    // A pattern node: none of the forms it matches is its collocate.
    let go = doc.collocations(Some("go*"), &options);
    assert!(go.iter().all(|c| !c.term.starts_with("go")), "{go:?}");
}

#[test]
fn most_and_least_evenly_spread_terms() {
    let doc = seed();
    let options =
        SpreadOptions { min_count: 4, parts: DispersionParts::Equal(10), limit: 5, ..SpreadOptions::default() };
    let s = doc.spread(&options);
    assert_eq!(s.even.len(), 5);
    assert!(s.even.windows(2).all(|w| w[0].dp <= w[1].dp));
    assert!(s.uneven.windows(2).all(|w| w[0].dp >= w[1].dp));
    assert!(s.even[0].dp < s.uneven[0].dp);
    assert!(s.even.iter().chain(&s.uneven).all(|t| t.count >= 4 && t.term != "the"));
    // A limit of 0 is all of them, as for the other queries.
    let all = doc.spread(&SpreadOptions { limit: 0, ..options.clone() });
    assert!(all.even.len() > 5 && all.even.len() == all.uneven.len());
}

#[test]
fn extra_stopwords_leave_the_queries_rows() {
    use colloquy::CollocationOptions;
    let doc = seed();
    let spread = SpreadOptions { min_count: 4, limit: 5, ..SpreadOptions::default() };
    let s = doc.spread(&spread);
    // The first two of each list, given in another case, are left out; the rest move up.
    let extra: Vec<String> = [&s.even[0], &s.even[1], &s.uneven[0]].iter().map(|t| t.term.to_uppercase()).collect();
    let without = doc.spread(&SpreadOptions { extra_stopwords: extra.clone(), ..spread });
    assert_eq!(without.even.len(), 5);
    assert_eq!(without.even[..3], s.even[2..5]);
    assert_eq!(without.uneven[..4], s.uneven[1..5]);
    let options = CollocationOptions { min_count: 2, ..CollocationOptions::default() };
    let c = doc.collocations(Some("foreign"), &options);
    let gone = vec![" Ministers ".to_owned()];
    let without =
        doc.collocations(Some("foreign"), &CollocationOptions { extra_stopwords: gone.clone(), ..options.clone() });
    let kept: Vec<_> = c.iter().filter(|c| c.term != "ministers").cloned().collect();
    assert!(kept.len() < c.len());
    assert_eq!(without, kept, "only ministers is left out, nothing else changes");
    let bigrams = doc.collocations(None, &CollocationOptions { extra_stopwords: gone, ..options.clone() });
    let all = doc.collocations(None, &CollocationOptions { limit: 0, ..options });
    let kept: Vec<_> = all.into_iter().filter(|b| !b.term.split(' ').any(|w| w == "ministers")).take(50).collect();
    assert_eq!(bigrams, kept);
}

/// The queries `kwic_any` is tried on: words, a phrase, wildcards, a query two others
/// overlap (`CIS`, `cis`, `c*`), and one that finds nothing.
const QUERIES: [&str; 9] =
    ["cis", "CIS", "c*", "the", "council of foreign ministers", "agreement*", "president of *", "of the", "zzzz"];

#[test]
fn kwic_any_of_one_query_is_kwic() {
    let doc = seed();
    for q in QUERIES {
        for sort in [KwicSort::Position, KwicSort::Left, KwicSort::Right] {
            let options = KwicOptions { width: 3, sort, limit: 0, compounds: true };
            assert_eq!(doc.kwic_any(&[q], &options), doc.kwic(q, &options), "{q} {sort:?}");
        }
    }
    assert!(doc.kwic_any(&[], &KwicOptions::default()).is_empty());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Several queries give one concordance: every hit of any of them, each once; in
    /// text order, or sorted so that each query's own hits keep the order that query
    /// alone gives them; limited after sorting.
    #[test]
    fn kwic_any_is_the_sorted_union_of_each_querys_hits(
        picks in proptest::collection::vec(0..QUERIES.len(), 1..5),
        sort in proptest::sample::select(vec![KwicSort::Position, KwicSort::Left, KwicSort::Right]),
        limit in 0usize..40,
    ) {
        let doc = seed();
        let queries: Vec<&str> = picks.iter().map(|&i| QUERIES[i]).collect();
        let options = KwicOptions { width: 4, sort, limit: 0, compounds: true };
        let all = doc.kwic_any(&queries, &options);
        let spans = |hits: &[colloquy::KwicHit]| hits.iter().map(|h| (h.start, h.end)).collect::<Vec<_>>();
        let mut union: Vec<(usize, usize)> = queries.iter().flat_map(|q| spans(&doc.kwic(q, &options))).collect();
        union.sort_unstable();
        union.dedup();
        let mut got = spans(&all);
        got.sort_unstable();
        proptest::prop_assert_eq!(&got, &union, "every hit of any query, once");
        if sort == KwicSort::Position {
            proptest::prop_assert!(all.windows(2).all(|w| (w[0].token, w[0].end) < (w[1].token, w[1].end)), "in text order");
        }
        for q in &queries {
            let own = spans(&doc.kwic(q, &options));
            let kept: Vec<(usize, usize)> = spans(&all).into_iter().filter(|s| own.contains(s)).collect();
            proptest::prop_assert_eq!(&kept, &own, "{}'s hits keep their order", q);
        }
        let limited = doc.kwic_any(&queries, &KwicOptions { limit, ..options });
        let expected = if limit == 0 { &all[..] } else { &all[..limit.min(all.len())] };
        proptest::prop_assert_eq!(&limited[..], expected, "the limit applies after sorting");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// A one-word query finds, with compounds, exactly what a naive scan of the tokens'
    /// own texts finds: a token equal to the word (ignoring case), else the first part
    /// between hyphens equal to it (marked in a compound, its offsets the part's); and
    /// without compounds, only the equal tokens.
    #[test]
    fn compound_search_is_a_naive_scan_of_the_token_texts(
        words in proptest::collection::vec((0usize..6, proptest::bool::ANY, 0usize..3), 1..40),
        query in 0usize..6,
    ) {
        const WORDS: [&str; 6] = ["cis", "CIS", "un", "post", "Soviet", "x"];
        const JOINS: [&str; 3] = [" ", "-", "\u{2010}"];
        let mut text = String::from("A: ");
        for &(w, hyphen, join) in &words {
            text.push_str(WORDS[w]);
            text.push_str(if hyphen { JOINS[join] } else { " " });
        }
        text.push('.');
        let doc = Document::new(text.clone(), &Options::default());
        let q = WORDS[query];
        let folded = q.to_lowercase();
        let mut naive = Vec::new();
        for (i, t) in doc.tokens().tokens.iter().enumerate() {
            let own = &text[t.span.start..t.span.end];
            if own.to_lowercase() == folded {
                naive.push((i, false, t.span.start, t.span.end));
                continue;
            }
            let mut from = 0;
            for part in own.split(['-', '\u{2010}', '\u{2011}']) {
                if part.to_lowercase() == folded {
                    naive.push((i, true, t.span.start + from, t.span.start + from + part.len()));
                    break;
                }
                from += part.len() + own[from + part.len()..].chars().next().map_or(0, char::len_utf8);
            }
        }
        let found = |compounds: bool| -> Vec<(usize, bool, usize, usize)> {
            doc.kwic(q, &KwicOptions { compounds, ..KwicOptions::default() })
                .iter()
                .map(|h| (h.token, h.in_compound, h.start, h.end))
                .collect()
        };
        proptest::prop_assert_eq!(found(true), naive.clone());
        let whole: Vec<_> = naive.into_iter().filter(|h| !h.1).collect();
        proptest::prop_assert_eq!(found(false), whole);
    }
}
