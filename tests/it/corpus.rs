//! A corpus: documents analysed one by one, views across them.

use std::collections::{BTreeMap, BTreeSet};

use colloquy::{
    analyse, Alias, Corpus, CorpusConfig, Document, DocumentMeta, DocumentSet, FrequencyOptions, GroupKeynessOptions,
    KwicOptions, Options, Stopwords, TokenKind, TrendOptions,
};
use proptest::prelude::*;

fn options() -> Options {
    let mut o = Options::default();
    // Auto stopwords follow each text's detected language; the comparisons need one list.
    o.view.stopwords = Stopwords::Language("en".to_owned());
    o
}

fn corpus_of(texts: &[&str], o: &Options) -> Corpus {
    let mut c = Corpus::new(o, CorpusConfig::default());
    for (i, t) in texts.iter().enumerate() {
        c.add(DocumentMeta::named(&format!("doc{i}.txt")), (*t).to_owned());
    }
    c
}

/// Documents of labelled turns: a few speakers, a few words, sentences and questions.
fn documents() -> impl Strategy<Value = Vec<String>> {
    let word = prop::sample::select(vec!["the", "tax", "budget", "plan", "of", "peace", "talks", "we", "2024", "now"]);
    let sentence = (prop::collection::vec(word, 1..7), prop::sample::select(vec![".", "?", "!"]))
        .prop_map(|(w, end)| format!("{}{end}", w.join(" ")));
    let turn = (prop::sample::select(vec!["Ann", "Bob", "Cat"]), prop::collection::vec(sentence, 1..4))
        .prop_map(|(who, s)| format!("{who}: {}\n", s.join(" ")));
    let document = prop::collection::vec(turn, 1..6).prop_map(|t| t.concat());
    prop::collection::vec(document, 1..6)
}

/// Turns a concatenation joins: a document starting with the speaker who ends the one
/// before it.
fn joined_turns(docs: &[String], o: &Options) -> u64 {
    let speakers = |d: &String| analyse(d, o).turns.iter().map(|t| t.speaker.clone()).collect::<Vec<_>>();
    docs.windows(2).filter(|w| speakers(&w[0]).last() == speakers(&w[1]).first()).count() as u64
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The corpus's counts are one analysis of the documents end to end: every term's
    /// count, every speaker's words, and the turns (less those the concatenation joins
    /// across a document boundary).
    #[test]
    fn merged_counts_equal_one_analysis_of_the_concatenation(docs in documents()) {
        let o = options();
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        let corpus = corpus_of(&refs, &o);
        let mut all = o.clone();
        all.view.top_terms = 0;
        let whole = analyse(&docs.concat(), &all);
        let f = corpus.frequency(&FrequencyOptions { min_documents: 1, limit: 0 });
        let got: BTreeMap<&str, u64> = f.terms.iter().map(|t| (t.term.as_str(), t.count)).collect();
        let want: BTreeMap<&str, u64> = whole.terms.iter().map(|t| (t.term.as_str(), t.count as u64)).collect();
        prop_assert_eq!(got, want);
        let got: BTreeMap<String, u64> = corpus.speakers().into_iter().map(|s| (s.name, s.words)).collect();
        let want: BTreeMap<String, u64> = whole.speakers.iter().map(|s| (s.name.clone(), s.words as u64)).collect();
        prop_assert_eq!(got, want);
        let totals = corpus.documents().totals;
        prop_assert_eq!(totals.words, whole.summary.tokens as u64);
        prop_assert_eq!(totals.sentences, whole.summary.sentences as u64);
        prop_assert_eq!(totals.turns - joined_turns(&docs, &o), whole.summary.turns as u64);
        prop_assert_eq!(totals.types, whole.summary.types);
        // A document's row is the row of its own tables.
        for (i, (row, text)) in corpus.documents().rows.iter().zip(&docs).enumerate() {
            let tables = colloquy::document_tables(DocumentMeta::named(&format!("doc{i}.txt")), text.clone(), &o);
            prop_assert_eq!(row, &tables.document);
        }
    }

    /// Document frequency against a naive count of every n-gram of every sentence.
    #[test]
    fn phrase_frequency_equals_a_naive_count(docs in documents(), min in 1usize..4) {
        let mut o = options();
        o.view.stopwords = Stopwords::None;
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        let got: BTreeSet<(String, usize, u64)> = corpus_of(&refs, &o)
            .frequency(&FrequencyOptions { min_documents: min, limit: 0 })
            .phrases
            .into_iter()
            .map(|p| (p.text, p.documents, p.count))
            .collect();
        prop_assert_eq!(got, naive_phrases(&docs, &o, min));
    }

    /// Documents analysed on every core make the corpus they make one by one.
    #[test]
    fn parallel_equals_sequential(docs in documents()) {
        let o = options();
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        let one_by_one = corpus_of(&refs, &o);
        let mut parallel = Corpus::new(&o, CorpusConfig::default());
        add_all(&mut parallel, &docs);
        prop_assert_eq!(parallel.documents(), one_by_one.documents());
        prop_assert_eq!(parallel.speakers(), one_by_one.speakers());
        let f = FrequencyOptions { min_documents: 1, limit: 0 };
        prop_assert_eq!(parallel.frequency(&f), one_by_one.frequency(&f));
        let t = TrendOptions { terms: Vec::new(), top: 0 };
        prop_assert_eq!(parallel.trends(&t), one_by_one.trends(&t));
    }
}

#[cfg(feature = "parallel")]
fn add_all(corpus: &mut Corpus, docs: &[String]) {
    let named = docs.iter().enumerate().map(|(i, t)| (DocumentMeta::named(&format!("doc{i}.txt")), t.clone()));
    corpus.add_all(named.collect());
}

/// Without the feature (a build of the core alone), documents are added in turn.
#[cfg(not(feature = "parallel"))]
fn add_all(corpus: &mut Corpus, docs: &[String]) {
    for (i, t) in docs.iter().enumerate() {
        corpus.add(DocumentMeta::named(&format!("doc{i}.txt")), t.clone());
    }
}

/// Every n-gram of the options' lengths within a sentence, by document; those in at
/// least `min` documents whose edges are words, less those inside a listed longer
/// phrase with the same documents and count.
fn naive_phrases(docs: &[String], o: &Options, min: usize) -> BTreeSet<(String, usize, u64)> {
    let mut stats: BTreeMap<Vec<String>, (BTreeSet<usize>, u64)> = BTreeMap::new();
    let mut word: BTreeMap<String, bool> = BTreeMap::new();
    for (d, text) in docs.iter().enumerate() {
        let doc = Document::new(text.clone(), o);
        let toks = doc.tokens();
        for s in &toks.sentences {
            let words: Vec<String> = toks.tokens[s.tokens.clone()]
                .iter()
                .map(|t| {
                    let w = toks.vocab.string(t.id).to_owned();
                    word.insert(w.clone(), toks.vocab.kind(t.id) == TokenKind::Word);
                    w
                })
                .collect();
            for n in 2..=o.view.ngram_max {
                for g in words.windows(n) {
                    let e = stats.entry(g.to_vec()).or_default();
                    e.0.insert(d);
                    e.1 += 1;
                }
            }
        }
    }
    let is_word = |w: &String| word.get(w).copied().unwrap_or(false);
    let listed: Vec<(&Vec<String>, usize, u64)> = stats
        .iter()
        .filter(|(g, (ds, _))| ds.len() >= min && g.len() >= o.view.ngram_min && g.iter().all(is_word))
        .map(|(g, (ds, c))| (g, ds.len(), *c))
        .collect();
    let inside =
        |small: &[String], big: &[String]| big.len() > small.len() && big.windows(small.len()).any(|w| w == small);
    listed
        .iter()
        .filter(|(g, ds, c)| !listed.iter().any(|(h, hd, hc)| hd == ds && hc == c && inside(g, h)))
        .map(|(g, ds, c)| (g.join(" "), *ds, *c))
        .collect()
}

#[test]
fn speakers_are_matched_across_documents_after_aliases() {
    let mut o = options();
    o.parse.aliases = vec![Alias { from: "Lavrov".into(), to: "Sergey Lavrov".into() }];
    let corpus = corpus_of(
        &[
            "Sergey Lavrov: Good afternoon. We met today.\nQuestion: Why?\n",
            "Question: And now?\nLavrov: Now we talk.\n",
            "SERGEY  LAVROV: Thank you all.\n",
            "Maria Zakharova: A briefing.\n",
        ],
        &o,
    );
    let speakers = corpus.speakers();
    let lavrov = speakers.iter().find(|s| s.key == "sergey lavrov").expect("one row for him");
    assert_eq!(lavrov.name, "Sergey Lavrov");
    // Parsing collapses the spaces of a label; the key folds the case.
    assert_eq!(lavrov.names, ["Sergey Lavrov", "SERGEY LAVROV"]);
    assert_eq!(lavrov.documents, 3);
    assert_eq!(lavrov.per_document.iter().map(|d| d.document).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!((lavrov.words, lavrov.turns), (5 + 3 + 3, 3));
    assert_eq!(lavrov.per_document[2].share, 1.0);
    assert_eq!(speakers.len(), 3, "{speakers:?}");
    assert_eq!(corpus.documents().totals.speakers, 3);
}

/// Group keyness against the formulas worked by hand: group A says "tax" 4 times in 8
/// words, group B once in 8.
#[test]
fn group_keyness_on_a_hand_computed_example() {
    let mut o = options();
    o.view.stopwords = Stopwords::None;
    let meta = |name: &str, group: &str| DocumentMeta { group: Some(group.into()), ..DocumentMeta::named(name) };
    let mut c = Corpus::new(&o, CorpusConfig::default());
    c.add(meta("a1", "a"), "Al: tax tax budget plan.".into());
    c.add(meta("a2", "a"), "Al: tax tax peace talks.".into());
    c.add(meta("b1", "b"), "Bo: tax budget plan peace talks now and then.".into());
    let k = c
        .keyness(&GroupKeynessOptions {
            a: DocumentSet::Group { group: "a".into() },
            b: DocumentSet::Group { group: "b".into() },
            limit: 0,
        })
        .expect("two groups");
    assert_eq!(
        (k.a_documents.as_slice(), k.b_documents.as_slice(), k.a_words, k.b_words),
        (&[0, 1][..], &[2][..], 8, 8)
    );
    let tax = &k.key[0];
    assert_eq!((tax.term.as_str(), tax.count, tax.other_count), ("tax", 4, 1));
    // G² of [[4, 1], [4, 7]]: expected 2.5 in each "tax" cell, 5.5 in the others.
    let g2 = 2.0
        * (4.0 * (4.0f64 / 2.5).ln()
            + 1.0 * (1.0f64 / 2.5).ln()
            + 4.0 * (4.0f64 / 5.5).ln()
            + 7.0 * (7.0f64 / 5.5).ln());
    assert!((tax.g2 - g2).abs() < 1e-9, "{} vs {g2}", tax.g2);
    // Log Ratio: log2((4/8) / (1/8)) = 2.
    assert!((tax.log_ratio - 2.0).abs() < 1e-12);
    // Fightin' Words with the prior 0.01 × counts: a_w = 0.05, a_0 = 0.16.
    let w = o.view.comparison.prior_weight;
    let (a_w, a_0) = (w * 5.0, w * 16.0);
    let odds = |y: f64, n: f64| (y + a_w) / (n + a_0 - y - a_w);
    let delta = (odds(4.0, 8.0) / odds(1.0, 8.0)).ln();
    let z = delta / (1.0 / (4.0 + a_w) + 1.0 / (1.0 + a_w)).sqrt();
    assert!((tax.delta - delta).abs() < 1e-12 && (tax.z - z).abs() < 1e-12);
    // "now" and "then" are B's alone: avoided by A.
    let avoided: BTreeSet<&str> = k.avoided.iter().map(|d| d.term.as_str()).collect();
    assert!(avoided.contains("now") && avoided.contains("then") && !avoided.contains("tax"));
    // Sets by date and the rest.
    let err = c.keyness(&GroupKeynessOptions { a: DocumentSet::Rest, b: DocumentSet::Rest, limit: 5 }).unwrap_err();
    assert!(err.to_string().contains("both"));
    let err = c
        .keyness(&GroupKeynessOptions {
            a: DocumentSet::Documents { documents: vec![0] },
            b: DocumentSet::Group { group: "a".into() },
            limit: 5,
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "document 0 is in both groups");
    let err = c
        .keyness(&GroupKeynessOptions {
            a: DocumentSet::Dates { from: Some("2020-01-01".into()), to: None },
            b: DocumentSet::Rest,
            limit: 5,
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "group a has no documents");
}

#[test]
fn dates_pick_documents_for_keyness() {
    let o = options();
    let mut c = Corpus::new(&o, CorpusConfig::default());
    for (name, text) in [
        ("briefing-2022-03-01.txt", "Ann: Sanctions and energy."),
        ("briefing-2023-06-01.txt", "Ann: Energy and grain."),
        ("briefing-2024-02-01.txt", "Ann: Elections and grain."),
        ("undated.txt", "Ann: Grain."),
    ] {
        c.add(DocumentMeta::named(name), text.into());
    }
    let k = c
        .keyness(&GroupKeynessOptions {
            a: DocumentSet::Dates { from: Some("2023-01-01".into()), to: Some("2024-12-31".into()) },
            b: DocumentSet::Dates { from: None, to: Some("2022-12-31".into()) },
            limit: 5,
        })
        .expect("keyness");
    assert_eq!((k.a_documents, k.b_documents), (vec![1, 2], vec![0]));
}

#[test]
fn trends_follow_terms_and_find_the_most_variable() {
    let o = options();
    let c = corpus_of(
        &[
            "Ann: Peace talks on peace. Budget budget budget.",
            "Ann: Budget talks. Peace.",
            "Ann: Peace peace peace peace peace budget.",
        ],
        &o,
    );
    let t = c.trends(&TrendOptions { terms: vec!["PEACE".into(), "nothing".into()], top: 0 });
    assert_eq!(t.terms, "picked");
    assert_eq!(t.series[0].counts, [2, 1, 5]);
    assert_eq!(t.series[0].documents, 3);
    assert_eq!(t.series[1].counts, [0, 0, 0]);
    assert_eq!(t.series[1].term, "nothing");
    let words = [7.0, 3.0, 6.0];
    let expect: Vec<f64> = [2.0, 1.0, 5.0].iter().zip(words).map(|(c, w)| c * 10_000.0 / w).collect();
    assert_eq!(t.series[0].per10k, expect);
    // χ² of the counts against expectations in proportion to the documents' words.
    let chi2: f64 =
        [2.0, 1.0, 5.0].iter().zip(words).map(|(c, w)| (c - 8.0 * w / 16.0).powi(2) / (8.0 * w / 16.0)).sum();
    assert!((t.series[0].chi2 - chi2).abs() < 1e-9);
    let v = c.trends(&TrendOptions { terms: Vec::new(), top: 1 });
    assert_eq!(v.terms, "variable");
    assert_eq!(v.series.len(), 1);
    assert!(["peace", "budget"].contains(&v.series[0].term.as_str()));
}

#[test]
fn a_corpus_concordance_keeps_documents_within_its_budget() {
    let o = options();
    let mut c = Corpus::new(&o, CorpusConfig { keep_bytes: 40 });
    c.add(DocumentMeta::named("a"), "Ann: The grain deal holds.".into());
    c.add(DocumentMeta::named("b"), "Bob: The grain deal is over, the grain rots.".into());
    c.add(DocumentMeta::named("c"), "Ann: Grain.".into());
    let k = c.kwic("grain", &KwicOptions::default());
    assert_eq!((k.searched, k.not_kept, k.total), (2, 1, 2));
    assert!(c.document(1).is_none() && c.document(2).is_some());
    assert_eq!(c.documents().totals.kept, 2);
    let sorted = c.kwic("grain", &KwicOptions { sort: colloquy::KwicSort::Right, limit: 1, ..KwicOptions::default() });
    assert_eq!((sorted.hits.len(), sorted.total), (1, 2));
    assert_eq!(sorted.hits[0].hit.right.trim_start(), "");
}

#[test]
fn document_tables_are_the_analysis() {
    let o = options();
    let text = "[00:00:05] Ann: The budget plan. The budget plan again.\n[00:00:09] Bob: Plan?\n";
    let t = colloquy::document_tables(DocumentMeta::from_path("x/2024-05-06.txt"), text.to_owned(), &o);
    let mut all = o.clone();
    all.view.top_terms = 0;
    let a = analyse(text, &all);
    assert_eq!((t.document.group.as_deref(), t.document.date.as_deref()), (Some("x"), Some("2024-05-06")));
    assert_eq!(t.document.bytes, text.len() as u64);
    let counts: BTreeMap<&str, u64> = t.terms.iter().fold(BTreeMap::new(), |mut m, r| {
        *m.entry(r.term.as_str()).or_default() += r.count;
        m
    });
    assert_eq!(counts, a.terms.iter().map(|t| (t.term.as_str(), t.count as u64)).collect());
    assert_eq!(t.turns.iter().map(|r| r.start_ms).collect::<Vec<_>>(), [Some(5000), Some(9000)]);
    assert_eq!(t.phrases.iter().map(|p| (p.phrase.as_str(), p.count)).collect::<Vec<_>>(), [("budget plan", 2)]);
}
