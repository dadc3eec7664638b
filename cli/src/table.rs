//! `analyse --format table`: the whole analysis as a plain-text report for the terminal.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use colloquy::Analysis;

use crate::text_table::{Align, Table};

/// How many speakers the "by speaker" column names before summarising the rest.
const BY_SPEAKER_SHOWN: usize = 3;

/// Renders the whole report.
pub fn render(a: &Analysis) -> String {
    let mut out = String::new();
    summary(&mut out, a);
    speakers(&mut out, a);
    terms(&mut out, a);
    phrases(&mut out, a);
    directions(&mut out, a);
    aliases(&mut out, a);
    diagnostics(&mut out, a);
    out
}

fn summary(out: &mut String, a: &Analysis) {
    let s = &a.summary;
    let language = match (&s.language_name, &s.language) {
        (Some(name), Some(code)) => format!("{name} ({code})"),
        (Some(name), None) => name.clone(),
        (None, Some(code)) => code.clone(),
        (None, None) => "unknown".to_owned(),
    };
    let rows: Vec<(&str, String)> = vec![
        ("Format", serde_name(serde_json::to_value(s.format))),
        ("Language", language),
        ("Script", s.script.clone().unwrap_or_else(|| "unknown".to_owned())),
        ("Stopwords", s.stopwords.clone()),
        ("Tokens", s.tokens.to_string()),
        ("Types", s.types.to_string()),
        ("Sentences", s.sentences.to_string()),
        ("Turns", s.turns.to_string()),
        ("Speakers", s.speakers.to_string()),
        ("Stage directions", s.stage_directions.to_string()),
        ("Furniture lines excluded", s.excluded_furniture_lines.to_string()),
        ("Lines left out", s.left_out_lines.to_string()),
    ];
    let mut rows = rows;
    if let Some(hint) = &a.label_hint {
        let found = if a.speakers.iter().any(|sp| sp.attributed) { "few found" } else { "none found" };
        let like: Vec<String> = hint.examples.iter().map(|e| format!("`{e}`")).collect();
        rows.push((
            "Labels",
            format!("{found}; lines like {} look like labels: --label-pattern '{}'", like.join(", "), hint.pattern),
        ));
    }
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0) + 1;
    out.push_str("Summary\n");
    for (key, value) in rows {
        let key = format!("{key}:");
        let _ = writeln!(out, "  {key:<width$}  {value}");
    }
}

fn speakers(out: &mut String, a: &Analysis) {
    section(out, "Speakers");
    let mut t = Table::new(&[
        ("Speaker", Align::Left),
        ("Words", Align::Right),
        ("Share", Align::Right),
        ("Turns", Align::Right),
        ("Mean turn", Align::Right),
        ("Median turn", Align::Right),
        ("Longest turn", Align::Right),
        ("Questions", Align::Right),
        ("Types", Align::Right),
        ("TTR", Align::Right),
    ]);
    for s in &a.speakers {
        t.row(vec![
            s.name.clone(),
            s.words.to_string(),
            format!("{:.1}%", s.share * 100.0),
            s.turns.to_string(),
            format!("{:.1}", s.mean_turn_words),
            format!("{:.1}", s.median_turn_words),
            s.longest_turn_words.to_string(),
            s.questions.to_string(),
            s.types.to_string(),
            format!("{:.3}", s.ttr),
        ]);
    }
    t.render(out);
}

fn terms(out: &mut String, a: &Analysis) {
    section(out, "Top terms");
    let order = speaker_order(a);
    let mut t = Table::new(&[
        ("#", Align::Right),
        ("Term", Align::Left),
        ("Count", Align::Right),
        ("Per 10k", Align::Right),
        ("By speaker", Align::Left),
    ]);
    for (i, term) in a.terms.iter().enumerate() {
        t.row(vec![
            (i + 1).to_string(),
            term.term.clone(),
            term.count.to_string(),
            format!("{:.1}", term.per10k),
            by_speaker(&term.by_speaker, &order),
        ]);
    }
    t.render(out);
}

fn phrases(out: &mut String, a: &Analysis) {
    section(out, "Top phrases");
    let order = speaker_order(a);
    let mut t = Table::new(&[
        ("#", Align::Right),
        ("Phrase", Align::Left),
        ("Words", Align::Right),
        ("Count", Align::Right),
        ("By speaker", Align::Left),
    ]);
    for (i, p) in a.phrases.iter().enumerate() {
        t.row(vec![
            (i + 1).to_string(),
            p.text.clone(),
            p.n.to_string(),
            p.count.to_string(),
            by_speaker(&p.by_speaker, &order),
        ]);
    }
    t.render(out);
}

fn directions(out: &mut String, a: &Analysis) {
    section(out, "Stage directions");
    let mut t = Table::new(&[("Kind", Align::Left), ("Count", Align::Right)]);
    for d in &a.stage_directions {
        t.row(vec![d.kind.clone(), d.count.to_string()]);
    }
    t.render(out);
}

fn aliases(out: &mut String, a: &Analysis) {
    if a.alias_suggestions.is_empty() {
        return;
    }
    section(out, "Possible aliases");
    for s in &a.alias_suggestions {
        let _ = writeln!(
            out,
            "  \"{}\" may be \"{}\" (merge with --alias {})",
            s.from,
            s.to,
            shell_quote(&format!("{}={}", s.from, s.to))
        );
    }
}

fn diagnostics(out: &mut String, a: &Analysis) {
    section(out, "Diagnostics");
    let mut t = Table::new(&[("Kind", Align::Left), ("Bytes", Align::Right), ("Message", Align::Left)]);
    t.max_cell = usize::MAX;
    for d in &a.diagnostics {
        t.row(vec![serde_name(serde_json::to_value(d.kind)), format!("{}..{}", d.start, d.end), d.message.clone()]);
    }
    t.render(out);
}

/// A blank line, then `title`.
fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}

/// Speaker names in the order of the speakers list, for tie-breaking.
fn speaker_order(a: &Analysis) -> BTreeMap<&str, usize> {
    a.speakers.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect()
}

/// `A 18, B 3, C 2, +2 more`: the biggest counts first, ties in speaker order.
fn by_speaker(counts: &BTreeMap<String, usize>, order: &BTreeMap<&str, usize>) -> String {
    let mut v: Vec<(&String, usize)> = counts.iter().filter(|(_, &n)| n > 0).map(|(k, &n)| (k, n)).collect();
    v.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| {
            let rank = |name: &String| order.get(name.as_str()).copied().unwrap_or(usize::MAX);
            rank(a.0).cmp(&rank(b.0))
        })
    });
    let mut parts: Vec<String> = v.iter().take(BY_SPEAKER_SHOWN).map(|(name, n)| format!("{name} {n}")).collect();
    if v.len() > BY_SPEAKER_SHOWN {
        parts.push(format!("+{} more", v.len() - BY_SPEAKER_SHOWN));
    }
    parts.join(", ")
}

/// The name serde gives a unit enum variant (`text`, `unattributed-text`).
fn serde_name(value: serde_json::Result<serde_json::Value>) -> String {
    match value {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::from("?"),
    }
}

/// `s` single-quoted for a POSIX shell.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_for_the_shell() {
        assert_eq!(shell_quote("Lavrov=Sergey Lavrov"), "'Lavrov=Sergey Lavrov'");
        assert_eq!(shell_quote("O'Brien=Pat O'Brien"), r"'O'\''Brien=Pat O'\''Brien'");
    }

    #[test]
    fn by_speaker_lists_the_biggest_first() {
        let counts: BTreeMap<String, usize> =
            [("A", 1), ("B", 5), ("C", 1), ("D", 1), ("E", 0)].into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let order: BTreeMap<&str, usize> = [("D", 0), ("C", 1), ("B", 2), ("A", 3)].into_iter().collect();
        assert_eq!(by_speaker(&counts, &order), "B 5, D 1, C 1, +1 more");
    }
}
