//! `--format table`: a plain-text report for the terminal.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use colloquy::Analysis;

/// Cells longer than this many characters are cut, with an ellipsis.
const MAX_CELL: usize = 48;
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
pub fn section(out: &mut String, title: &str) {
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

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column-aligned text table, indented by two spaces.
pub struct Table {
    headers: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
    /// Cells are clipped to this many characters.
    pub max_cell: usize,
}

impl Table {
    pub fn new(headers: &[(&str, Align)]) -> Table {
        Table {
            headers: headers.iter().map(|&(h, a)| (h.to_owned(), a)).collect(),
            rows: Vec::new(),
            max_cell: MAX_CELL,
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        let cells = cells.into_iter().map(|c| clip(&c.replace(['\n', '\r', '\t'], " "), self.max_cell)).collect();
        self.rows.push(cells);
    }

    pub fn render(&self, out: &mut String) {
        if self.rows.is_empty() {
            out.push_str("  (none)\n");
            return;
        }
        let mut widths: Vec<usize> = self.headers.iter().map(|(h, _)| width(h)).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell));
            }
        }
        let header: Vec<String> = self.headers.iter().map(|(h, _)| h.clone()).collect();
        self.line(out, &header, &widths);
        for row in &self.rows {
            self.line(out, row, &widths);
        }
    }

    fn line(&self, out: &mut String, cells: &[String], widths: &[usize]) {
        let mut line = String::from(" ");
        for ((cell, &w), (_, align)) in cells.iter().zip(widths).zip(&self.headers) {
            let pad = " ".repeat(w.saturating_sub(width(cell)));
            line.push(' ');
            match align {
                Align::Left => {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
                Align::Right => {
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// `1 hit`, `23 hits`: `n` and the noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `s` on one line: every run of whitespace (newlines too) becomes one space, and
/// the ends are trimmed.
pub fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` single-quoted for a POSIX shell.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Display width, approximated by the number of chars.
pub fn width(s: &str) -> usize {
    s.chars().count()
}

/// `s` cut to `max` characters, the last of them an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut cut: String = s.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
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
    fn clips_long_cells_at_char_boundaries() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("абвгдеёжз", 5), "абвг…");
    }

    #[test]
    fn by_speaker_lists_the_biggest_first() {
        let counts: BTreeMap<String, usize> =
            [("A", 1), ("B", 5), ("C", 1), ("D", 1), ("E", 0)].into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let order: BTreeMap<&str, usize> = [("D", 0), ("C", 1), ("B", 2), ("A", 3)].into_iter().collect();
        assert_eq!(by_speaker(&counts, &order), "B 5, D 1, C 1, +1 more");
    }

    #[test]
    fn tables_align_columns() {
        let mut t = Table::new(&[("Name", Align::Left), ("N", Align::Right)]);
        t.row(vec!["Ann".to_owned(), "7".to_owned()]);
        t.row(vec!["Bartholomew".to_owned(), "12".to_owned()]);
        let mut out = String::new();
        t.render(&mut out);
        assert_eq!(out, "  Name          N\n  Ann           7\n  Bartholomew  12\n");
    }

    #[test]
    fn empty_tables_say_none() {
        let t = Table::new(&[("Kind", Align::Left)]);
        let mut out = String::new();
        t.render(&mut out);
        assert_eq!(out, "  (none)\n");
    }
}
