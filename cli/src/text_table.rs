//! Column-aligned text tables for the terminal, and the small text helpers of every
//! `--format table` rendering (`analyse`'s report in `table.rs`, and the query
//! subcommands' in `kwic.rs`, `collocates.rs` and `dispersion.rs`).
//!
//! ```text
//! let mut t = Table::new(&[("Name", Align::Left), ("N", Align::Right)]);
//! t.row(vec!["Ann".to_owned(), "7".to_owned()]);
//! titled("People", &t, &["N = turns"])
//! // "People\n\n  Name  N\n  Ann   7\n\n  N = turns\n"
//! ```

use std::fmt::Write as _;

/// Cells longer than this many characters are cut, with an ellipsis.
const MAX_CELL: usize = 48;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column-aligned text table, indented by two spaces, two spaces between columns.
pub struct Table {
    headers: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
    /// Cells are clipped to this many characters.
    pub max_cell: usize,
    /// A column whose cells (not its header) are wrapped in these two strings, such
    /// as ANSI bold on and off; the padding is measured on the plain text.
    emphasis: Option<(usize, (&'static str, &'static str))>,
}

impl Table {
    pub fn new(headers: &[(&str, Align)]) -> Table {
        Table {
            headers: headers.iter().map(|&(h, a)| (h.to_owned(), a)).collect(),
            rows: Vec::new(),
            max_cell: MAX_CELL,
            emphasis: None,
        }
    }

    /// Wraps the cells of `column` in `on` and `off` (terminal styling).
    pub fn emphasise(&mut self, column: usize, (on, off): (&'static str, &'static str)) {
        self.emphasis = Some((column, (on, off)));
    }

    /// Adds a row; line breaks and tabs in a cell become spaces, and a long cell is clipped.
    pub fn row(&mut self, cells: Vec<String>) {
        let cells = cells.into_iter().map(|c| clip(&c.replace(['\n', '\r', '\t'], " "), self.max_cell)).collect();
        self.rows.push(cells);
    }

    /// Writes the header and the rows, or `(none)` for a table without rows.
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
        self.line(out, &header, &widths, None);
        for row in &self.rows {
            self.line(out, row, &widths, self.emphasis);
        }
    }

    fn line(&self, out: &mut String, cells: &[String], widths: &[usize], emphasis: Option<(usize, (&str, &str))>) {
        let mut line = String::from(" ");
        for (i, ((cell, &w), (_, align))) in cells.iter().zip(widths).zip(&self.headers).enumerate() {
            let pad = " ".repeat(w.saturating_sub(width(cell)));
            let (on, off) = match emphasis {
                Some((column, on_off)) if column == i => on_off,
                _ => ("", ""),
            };
            line.push(' ');
            match align {
                Align::Left => {
                    let _ = write!(line, "{on}{cell}{off}{pad}");
                }
                Align::Right => {
                    let _ = write!(line, "{pad}{on}{cell}{off}");
                }
            }
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// A query's report: `title`, a blank line, the table, then (if there is one) a blank
/// line and the legend, each of its lines indented like the table.
pub fn titled(title: &str, table: &Table, legend: &[&str]) -> String {
    let mut out = format!("{title}\n\n");
    table.render(&mut out);
    if !legend.is_empty() {
        out.push('\n');
    }
    for line in legend {
        let _ = writeln!(out, "  {line}");
    }
    out
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

    fn people() -> Table {
        let mut t = Table::new(&[("Name", Align::Left), ("N", Align::Right)]);
        t.row(vec!["Ann".to_owned(), "7".to_owned()]);
        t.row(vec!["Bartholomew".to_owned(), "12".to_owned()]);
        t
    }

    #[test]
    fn clips_long_cells_at_char_boundaries() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("абвгдеёжз", 5), "абвг…");
    }

    #[test]
    fn tables_align_columns() {
        let mut out = String::new();
        people().render(&mut out);
        assert_eq!(out, "  Name          N\n  Ann           7\n  Bartholomew  12\n");
    }

    #[test]
    fn empty_tables_say_none() {
        let t = Table::new(&[("Kind", Align::Left)]);
        let mut out = String::new();
        t.render(&mut out);
        assert_eq!(out, "  (none)\n");
    }

    #[test]
    fn an_emphasised_column_is_padded_by_its_text() {
        let mut t = Table::new(&[("Name", Align::Left), ("N", Align::Right), ("Note", Align::Left)]);
        t.row(vec!["Ann".to_owned(), "7".to_owned(), "x".to_owned()]);
        t.emphasise(0, ("<", ">"));
        let mut out = String::new();
        t.render(&mut out);
        assert_eq!(out, "  Name  N  Note\n  <Ann>   7  x\n");
    }

    #[test]
    fn a_titled_table_has_its_legend_below() {
        assert_eq!(
            titled("People", &people(), &["N = turns"]),
            "People\n\n  Name          N\n  Ann           7\n  Bartholomew  12\n\n  N = turns\n"
        );
        assert_eq!(titled("People", &Table::new(&[("Name", Align::Left)]), &[]), "People\n\n  (none)\n");
    }
}
