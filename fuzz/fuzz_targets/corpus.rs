//! A corpus of arbitrary documents (the input split at NUL bytes), with every view:
//! no panic, and the totals, speakers and frequencies agree with the rows.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, u8, u8, &str)| {
    let (text, min_documents, keep, query) = input;
    let config = colloquy::CorpusConfig { keep_bytes: usize::from(keep) * 64 };
    let mut corpus = colloquy::Corpus::new(&colloquy::Options::default(), config);
    for (i, doc) in text.split('\0').take(16).enumerate() {
        let row = corpus.add(colloquy::DocumentMeta::named(&format!("{i} 2024-0{}-01.txt", i % 9 + 1)), doc.to_owned());
        assert_eq!(row.bytes, doc.len() as u64);
    }
    let docs = corpus.documents();
    assert_eq!(docs.totals.words, docs.rows.iter().map(|r| r.words).sum::<u64>());
    let speakers = corpus.speakers();
    assert_eq!(speakers.len(), docs.totals.speakers);
    for s in &speakers {
        assert_eq!(s.words, s.per_document.iter().map(|d| d.words).sum::<u64>());
        assert!(s.per_document.windows(2).all(|w| w[0].document < w[1].document));
    }
    let f = corpus.frequency(&colloquy::FrequencyOptions { min_documents: usize::from(min_documents % 4), limit: 0 });
    assert!(f.phrases.iter().chain(f.phrases.iter()).all(|p| p.documents <= corpus.len() && p.count >= p.documents as u64));
    assert!(f.terms.iter().all(|t| t.documents <= corpus.len() && t.count >= t.documents as u64));
    let trends = corpus.trends(&colloquy::TrendOptions { terms: vec![query.to_owned()], top: 5 });
    assert!(trends.series.iter().all(|s| s.counts.len() == corpus.len() && s.dp >= 0.0));
    let _ = corpus.trends(&colloquy::TrendOptions::default());
    let k = corpus.kwic(query, &colloquy::KwicOptions::default());
    assert_eq!(k.searched + k.not_kept, corpus.len());
    for h in &k.hits {
        let doc = corpus.document(h.document as usize).expect("a hit's document is kept");
        assert!(doc.text().get(h.hit.start..h.hit.end).is_some());
    }
    let sets = [
        colloquy::DocumentSet::Documents { documents: vec![0] },
        colloquy::DocumentSet::Rest,
        colloquy::DocumentSet::Dates { from: Some("2024-03".into()), to: None },
    ];
    let a = sets[usize::from(keep) % 3].clone();
    let b = sets[usize::from(min_documents) % 3].clone();
    let _ = corpus.keyness(&colloquy::GroupKeynessOptions { a, b, limit: 10 });
});
