//! `colloquy corpus PATH… --view documents|speakers|trends|keyness|frequency|kwic`: the core's
//! views across documents ([`colloquy::Corpus`]) printed as a table, JSON (the core's
//! serde output) or CSV.

use colloquy::{
    Corpus, CorpusDocuments, CorpusKwic, CorpusSpeaker, Distinctive, DocumentFrequency, DocumentSet, GroupKeyness,
    Trends,
};

use crate::error::CliError;
use crate::output;
use crate::text_table::{count, titled, Align, Table};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CorpusView {
    /// Each document's counts, and the totals.
    Documents,
    /// Each speaker across the documents (matched by name, case and spacing folded).
    Speakers,
    /// Terms' relative frequency in each document: `--terms`, or the most variable.
    Trends,
    /// The terms group `--a` uses more and less than group `--b`.
    Keyness,
    /// Terms and phrases by the number of documents they occur in.
    Frequency,
    /// The concordance of `--query` across the documents, each line with its document.
    Kwic,
}

/// How a view is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewFormat {
    Table,
    Json,
    Csv,
}

/// Parses a set of documents: `rest` (every document not in the other set), a date
/// range `FROM..TO` (either end may be left out), `doc:0,2,5` (document numbers) or a
/// group name (`group:NAME` when the name itself looks like one of the others).
pub fn parse_document_set(s: &str) -> Result<DocumentSet, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("expected a group name, FROM..TO, doc:N,N… or rest".to_owned());
    }
    if let Some(group) = s.strip_prefix("group:") {
        return Ok(DocumentSet::Group { group: group.to_owned() });
    }
    if let Some(list) = s.strip_prefix("doc:") {
        let documents = list
            .split(',')
            .map(|n| n.trim().parse::<u32>().map_err(|_| format!("`{n}` is not a document number")))
            .collect::<Result<Vec<u32>, String>>()?;
        return Ok(DocumentSet::Documents { documents });
    }
    if s == "rest" {
        return Ok(DocumentSet::Rest);
    }
    if let Some((from, to)) = s.split_once("..") {
        let end = |d: &str| (!d.trim().is_empty()).then(|| d.trim().to_owned());
        let (from, to) = (end(from), end(to.strip_prefix('=').unwrap_or(to)));
        if from.is_none() && to.is_none() {
            return Err("a date range needs FROM, TO or both, e.g. 2024-01-01..2024-06-30".to_owned());
        }
        return Ok(DocumentSet::Dates { from, to });
    }
    Ok(DocumentSet::Group { group: s.to_owned() })
}

fn f(x: f64) -> String {
    format!("{x:.3}")
}

pub fn documents(corpus: &Corpus, format: ViewFormat) -> Result<Vec<u8>, CliError> {
    let d: CorpusDocuments = corpus.documents();
    match format {
        ViewFormat::Json => output::json(serde_json::to_vec_pretty(&d)),
        ViewFormat::Csv => output::csv(|w| {
            w.write_record([
                "document",
                "name",
                "date",
                "group",
                "format",
                "language",
                "bytes",
                "words",
                "types",
                "sentences",
                "turns",
                "speakers",
                "top_terms",
            ])?;
            for (i, r) in d.rows.iter().enumerate() {
                w.write_record([
                    i.to_string(),
                    r.name.clone(),
                    r.date.clone().unwrap_or_default(),
                    r.group.clone().unwrap_or_default(),
                    r.format.clone(),
                    r.language.clone().unwrap_or_default(),
                    r.bytes.to_string(),
                    r.words.to_string(),
                    r.types.to_string(),
                    r.sentences.to_string(),
                    r.turns.to_string(),
                    r.speakers.to_string(),
                    r.top_terms.join("|"),
                ])?;
            }
            Ok(())
        }),
        ViewFormat::Table => {
            let mut t = Table::new(&[
                ("#", Align::Right),
                ("Name", Align::Left),
                ("Date", Align::Left),
                ("Group", Align::Left),
                ("Words", Align::Right),
                ("Turns", Align::Right),
                ("Speakers", Align::Right),
                ("Top terms", Align::Left),
            ]);
            for (i, r) in d.rows.iter().enumerate() {
                t.row(vec![
                    i.to_string(),
                    r.name.clone(),
                    r.date.clone().unwrap_or_default(),
                    r.group.clone().unwrap_or_default(),
                    r.words.to_string(),
                    r.turns.to_string(),
                    r.speakers.to_string(),
                    r.top_terms.iter().take(5).cloned().collect::<Vec<_>>().join(", "),
                ]);
            }
            let x = &d.totals;
            let legend = format!(
                "{}, {} words, {} turns, {} (matched by name)",
                count(x.documents, "document", "documents"),
                x.words,
                x.turns,
                count(x.speakers, "speaker", "speakers")
            );
            Ok(titled("Documents", &t, &[&legend]).into_bytes())
        }
    }
}

pub fn speakers(corpus: &Corpus, format: ViewFormat) -> Result<Vec<u8>, CliError> {
    let s: Vec<CorpusSpeaker> = corpus.speakers();
    match format {
        ViewFormat::Json => output::json(serde_json::to_vec_pretty(&s)),
        ViewFormat::Csv => output::csv(|w| {
            w.write_record(["key", "name", "names", "words", "turns", "documents"])?;
            for p in &s {
                w.write_record([
                    p.key.clone(),
                    p.name.clone(),
                    p.names.join("|"),
                    p.words.to_string(),
                    p.turns.to_string(),
                    p.documents.to_string(),
                ])?;
            }
            Ok(())
        }),
        ViewFormat::Table => {
            let mut t = Table::new(&[
                ("Speaker", Align::Left),
                ("Words", Align::Right),
                ("Turns", Align::Right),
                ("Documents", Align::Right),
                ("Also written", Align::Left),
            ]);
            for p in &s {
                let others: Vec<&str> = p.names.iter().map(String::as_str).filter(|n| *n != p.name).collect();
                t.row(vec![
                    p.name.clone(),
                    p.words.to_string(),
                    p.turns.to_string(),
                    p.documents.to_string(),
                    others.join(", "),
                ]);
            }
            Ok(titled("Speakers across the documents", &t, &["one speaker = one name, case and spacing folded"])
                .into_bytes())
        }
    }
}

pub fn trends(corpus: &Corpus, trends: &Trends, format: ViewFormat) -> Result<Vec<u8>, CliError> {
    let rows = corpus.documents().rows;
    match format {
        ViewFormat::Json => output::json(serde_json::to_vec_pretty(trends)),
        ViewFormat::Csv => output::csv(|w| {
            w.write_record(["term", "document", "name", "date", "count", "per10k"])?;
            for s in &trends.series {
                for (d, (c, p)) in s.counts.iter().zip(&s.per10k).enumerate() {
                    let row = rows.get(d);
                    w.write_record([
                        s.term.clone(),
                        d.to_string(),
                        row.map(|r| r.name.clone()).unwrap_or_default(),
                        row.and_then(|r| r.date.clone()).unwrap_or_default(),
                        c.to_string(),
                        p.to_string(),
                    ])?;
                }
            }
            Ok(())
        }),
        ViewFormat::Table => {
            let mut headers = vec![("Term", Align::Left), ("Count", Align::Right), ("DP", Align::Right)];
            let labels: Vec<String> = (0..rows.len()).map(|d| format!("#{d}")).collect();
            headers.extend(labels.iter().map(|l| (l.as_str(), Align::Right)));
            let mut t = Table::new(&headers);
            for s in &trends.series {
                let mut row = vec![s.term.clone(), s.count.to_string(), f(s.dp)];
                row.extend(s.per10k.iter().map(|p| format!("{p:.1}")));
                t.row(row);
            }
            let title = if trends.terms == "picked" { "Term trends" } else { "Term trends: the most variable terms" };
            Ok(titled(title, &t, &["#N = per 10,000 words of document N (--view documents lists them)"]).into_bytes())
        }
    }
}

pub fn keyness(k: &GroupKeyness, format: ViewFormat) -> Result<Vec<u8>, CliError> {
    let lists = [("key", &k.key), ("avoided", &k.avoided)];
    match format {
        ViewFormat::Json => output::json(serde_json::to_vec_pretty(k)),
        ViewFormat::Csv => output::csv(|w| {
            w.write_record([
                "list",
                "term",
                "count",
                "otherCount",
                "delta",
                "z",
                "g2",
                "logRatio",
                "zSignificant",
                "g2Significant",
            ])?;
            for (list, terms) in lists {
                for d in terms.iter() {
                    w.write_record([
                        list.to_owned(),
                        d.term.clone(),
                        d.count.to_string(),
                        d.other_count.to_string(),
                        d.delta.to_string(),
                        d.z.to_string(),
                        d.g2.to_string(),
                        d.log_ratio.to_string(),
                        d.z_significant.to_string(),
                        d.g2_significant.to_string(),
                    ])?;
                }
            }
            Ok(())
        }),
        ViewFormat::Table => {
            let mut out = String::new();
            let table = |terms: &[Distinctive]| {
                let mut t = Table::new(&[
                    ("Term", Align::Left),
                    ("A", Align::Right),
                    ("B", Align::Right),
                    ("z", Align::Right),
                    ("G²", Align::Right),
                    ("Log ratio", Align::Right),
                ]);
                for d in terms {
                    let mark = if d.z_significant { "*" } else { "" };
                    t.row(vec![
                        d.term.clone(),
                        d.count.to_string(),
                        d.other_count.to_string(),
                        format!("{}{mark}", f(d.z)),
                        f(d.g2),
                        f(d.log_ratio),
                    ]);
                }
                t
            };
            let sizes = format!(
                "A: {} ({} words); B: {} ({} words)",
                count(k.a_documents.len(), "document", "documents"),
                k.a_words,
                count(k.b_documents.len(), "document", "documents"),
                k.b_words
            );
            out.push_str(&titled("Used more in A than in B", &table(&k.key), &[&sizes]));
            out.push('\n');
            out.push_str(&titled(
                "Used less in A than in B",
                &table(&k.avoided),
                &["z: Fightin' Words (* p < 0.05); G²: log-likelihood, negative when less in A"],
            ));
            Ok(out.into_bytes())
        }
    }
}

pub fn frequency(d: &DocumentFrequency, format: ViewFormat) -> Result<Vec<u8>, CliError> {
    match format {
        ViewFormat::Json => output::json(serde_json::to_vec_pretty(d)),
        ViewFormat::Csv => output::csv(|w| {
            w.write_record(["kind", "text", "n", "documents", "count"])?;
            for t in &d.terms {
                w.write_record(["term", &t.term, "1", &t.documents.to_string(), &t.count.to_string()])?;
            }
            for p in &d.phrases {
                w.write_record(["phrase", &p.text, &p.n.to_string(), &p.documents.to_string(), &p.count.to_string()])?;
            }
            Ok(())
        }),
        ViewFormat::Table => {
            let mut out = String::new();
            let mut t = Table::new(&[("Term", Align::Left), ("Documents", Align::Right), ("Count", Align::Right)]);
            for x in &d.terms {
                t.row(vec![x.term.clone(), x.documents.to_string(), x.count.to_string()]);
            }
            out.push_str(&titled("Terms by documents", &t, &[]));
            out.push('\n');
            let mut t = Table::new(&[("Phrase", Align::Left), ("Documents", Align::Right), ("Count", Align::Right)]);
            for x in &d.phrases {
                t.row(vec![x.text.clone(), x.documents.to_string(), x.count.to_string()]);
            }
            out.push_str(&titled("Phrases by documents", &t, &[]));
            Ok(out.into_bytes())
        }
    }
}

/// The concordance across documents: each hit's document (number and name), speaker,
/// contexts and byte offsets in its file's text.
pub fn kwic(corpus: &Corpus, k: &CorpusKwic, query: &str, format: ViewFormat) -> Result<Vec<u8>, CliError> {
    let rows = corpus.documents().rows;
    let name = |d: u32| rows.get(d as usize).map(|r| r.name.clone()).unwrap_or_default();
    match format {
        ViewFormat::Json => output::json(serde_json::to_vec_pretty(k)),
        ViewFormat::Csv => output::csv(|w| {
            w.write_record(["document", "name", "speaker", "left", "match", "right", "start", "end", "in_compound"])?;
            for x in &k.hits {
                let h = &x.hit;
                w.write_record([
                    x.document.to_string(),
                    name(x.document),
                    h.speaker.clone(),
                    h.left.clone(),
                    h.matched.clone(),
                    h.right.clone(),
                    h.start.to_string(),
                    h.end.to_string(),
                    h.in_compound.to_string(),
                ])?;
            }
            Ok(())
        }),
        ViewFormat::Table => {
            let mut t = Table::new(&[
                ("Document", Align::Left),
                ("Speaker", Align::Left),
                ("Left context", Align::Right),
                ("Match", Align::Left),
                ("Right context", Align::Left),
            ]);
            for x in &k.hits {
                let h = &x.hit;
                t.row(vec![name(x.document), h.speaker.clone(), h.left.clone(), h.matched.clone(), h.right.clone()]);
            }
            let legend = format!(
                "{} of {} for \"{query}\" in {}",
                k.hits.len(),
                count(k.total, "hit", "hits"),
                count(k.searched, "document", "documents")
            );
            Ok(titled("Concordance across the documents", &t, &[&legend]).into_bytes())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_sets() {
        let group = |g: &str| DocumentSet::Group { group: g.to_owned() };
        assert_eq!(parse_document_set("briefings"), Ok(group("briefings")));
        assert_eq!(parse_document_set("2024"), Ok(group("2024")));
        assert_eq!(parse_document_set("group:rest"), Ok(group("rest")));
        assert_eq!(parse_document_set("rest"), Ok(DocumentSet::Rest));
        assert_eq!(parse_document_set("doc:0, 2"), Ok(DocumentSet::Documents { documents: vec![0, 2] }));
        assert!(parse_document_set("doc:x").is_err());
        assert_eq!(
            parse_document_set("2024-01-01..2024-06-30"),
            Ok(DocumentSet::Dates { from: Some("2024-01-01".to_owned()), to: Some("2024-06-30".to_owned()) })
        );
        assert_eq!(
            parse_document_set("2024-07.."),
            Ok(DocumentSet::Dates { from: Some("2024-07".to_owned()), to: None })
        );
        assert!(parse_document_set("..").is_err());
        assert!(parse_document_set(" ").is_err());
    }
}
