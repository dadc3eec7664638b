//! Page furniture left out: printed line numbers (a column of 1, 2, 3… at the left
//! margin, as in court and congressional transcripts), bare page numbers (`12`,
//! `Page 3 of 9`, `- 4 -`) at the top or bottom of a page, and running headers and
//! footers (the same line, a changing number allowed, at the same height at the top or
//! bottom of at least half the pages).

use rustc_hash::FxHashMap as HashMap;

use super::layout::Line;

/// How many pages had each kind of furniture left out.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Removed {
    pub line_numbers: usize,
    pub page_numbers: usize,
    pub running: usize,
}

pub(super) fn remove(pages: &mut [Vec<Line>]) -> Removed {
    let mut removed = Removed::default();
    for page in pages.iter_mut() {
        if line_numbers(page) {
            removed.line_numbers += 1;
        }
        if page_numbers(page) {
            removed.page_numbers += 1;
        }
    }
    removed.running = running(pages);
    removed
}

/// The number a line starts with (1–99), followed by white space or nothing.
fn leading_number(line: &Line) -> Option<u32> {
    let text = line.text();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text.get(digits..)?;
    if !(1..=2).contains(&digits) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    text.get(..digits)?.parse().ok().filter(|&n| n >= 1)
}

/// Removes a line's first `n` characters that are not white space (its number, which
/// may span items), and the white space after them.
fn strip_leading(line: &mut Line, mut n: usize) {
    for item in &mut line.items {
        let trimmed = item.text.trim_start();
        let keep: String = trimmed.chars().skip(n).collect();
        n = n.saturating_sub(trimmed.chars().count());
        item.text = keep;
        if n == 0 {
            item.text = item.text.trim_start().to_owned();
            if !item.text.is_empty() {
                break;
            }
        }
    }
    line.items.retain(|item| !item.text.is_empty());
}

/// Strips a page's printed line numbers, if it has them; lines left empty go.
fn line_numbers(page: &mut Vec<Line>) -> bool {
    let candidates: Vec<(usize, u32, f64, f64)> = page
        .iter()
        .enumerate()
        .filter_map(|(i, line)| leading_number(line).map(|n| (i, n, line.x0(), line.size)))
        .collect();
    let Some(left) = candidates.iter().map(|c| c.2).min_by(f64::total_cmp) else { return false };
    let page_left = page.iter().map(Line::x0).min_by(f64::total_cmp).unwrap_or(left);
    if left > page_left + 1.0 {
        return false;
    }
    let column: Vec<&(usize, u32, f64, f64)> = candidates.iter().filter(|c| c.2 <= left + 1.5 * c.3.max(1.0)).collect();
    let steps = column.windows(2).filter(|w| matches!(w, [a, b] if b.1 == a.1 + 1)).count();
    if column.len() < 5 || (steps as f64) < 0.8 * (column.len() - 1) as f64 {
        return false;
    }
    for &&(i, n, ..) in &column {
        if let Some(line) = page.get_mut(i) {
            strip_leading(line, n.to_string().len());
        }
    }
    page.retain(|line| !line.items.is_empty() && !line.text().is_empty());
    true
}

/// Whether a line is a page number: `12`, `Page 3`, `page 3 of 9`, `3 of 9`, `3/9`,
/// `- 4 -`.
pub(super) fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    let mut t = lower.as_str();
    t = t.trim_matches(|c: char| c == '-' || c == '\u{2013}' || c == '\u{2014}' || c == ' ');
    t = t.strip_prefix("page").map_or(t, str::trim_start);
    let t = t.strip_prefix('[').and_then(|t| t.strip_suffix(']')).unwrap_or(t);
    let number = |s: &str| (1..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    // `3 of 9`, and `3/9` as Chromium prints it.
    match t.split_once(" of ").or_else(|| t.split_once('/')) {
        Some((a, b)) => number(a.trim()) && number(b.trim()),
        None => number(t),
    }
}

/// Removes page numbers among a page's first and last two lines.
fn page_numbers(page: &mut Vec<Line>) -> bool {
    let n = page.len();
    let before = page.len();
    let mut i = 0;
    page.retain(|line| {
        let edge = i < 2 || i + 2 >= n;
        i += 1;
        !(edge && is_page_number(&line.text()))
    });
    page.len() < before
}

/// A line's text with digits as `#`, lowercased and its white space collapsed.
fn shape(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut last_digit = false;
        for c in word.chars() {
            if c.is_ascii_digit() {
                if !last_digit {
                    out.push('#');
                }
                last_digit = true;
            } else {
                last_digit = false;
                // ASCII only: Unicode's case tables cost the wasm more than they help here.
                out.push(c.to_ascii_lowercase());
            }
        }
    }
    out
}

/// Removes running headers and footers, peeling each page's first and last lines up to
/// three times; returns how many pages had some.
fn running(pages: &mut [Vec<Line>]) -> usize {
    let with_text = pages.iter().filter(|p| !p.is_empty()).count();
    if with_text < 2 {
        return 0;
    }
    let needed = with_text.div_ceil(2).max(2);
    let mut touched = vec![false; pages.len()];
    for _ in 0..3 {
        // (shape, height) → the pages it is the first or last line of.
        let mut seen: HashMap<(String, i64), usize> = HashMap::default();
        let key = |line: &Line| (shape(&line.text()), line.y.round() as i64);
        for page in pages.iter() {
            let mut keys: Vec<(String, i64)> = page.first().into_iter().chain(page.last()).map(key).collect();
            keys.dedup();
            for k in keys {
                *seen.entry(k).or_default() += 1;
            }
        }
        seen.retain(|(shape, _), count| *count >= needed && !shape.is_empty());
        if seen.is_empty() {
            break;
        }
        for (page, touched) in pages.iter_mut().zip(touched.iter_mut()) {
            let furniture = |line: &Line| seen.contains_key(&key(line));
            if page.last().is_some_and(furniture) {
                page.pop();
                *touched = true;
            }
            if page.first().is_some_and(furniture) {
                page.remove(0);
                *touched = true;
            }
        }
    }
    touched.iter().filter(|t| **t).count()
}

#[cfg(test)]
mod tests {
    use super::super::content::Item;
    use super::*;

    fn line(y: f64, parts: &[(f64, &str)]) -> Line {
        let items = parts
            .iter()
            .map(|&(x0, text)| Item { x0, x1: x0 + 5.0 * text.len() as f64, y, size: 10.0, text: text.to_owned() })
            .collect();
        Line { y, size: 10.0, items }
    }

    #[test]
    fn page_numbers_are_recognised() {
        for yes in ["12", "Page 3", "page 3 of 9", "3 of 9", "3/9", "- 4 -", "\u{2014} 4 \u{2014}", "[7]"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["Q. 12", "12 Angry Men", "Page", "", "1234567"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn line_numbers_in_a_column_are_stripped() {
        let mut page: Vec<Line> = (1..=8)
            .map(|n| {
                let text = if n == 8 { "" } else { "Q. Where were you?" };
                let x = if n < 10 { 20.0 } else { 15.0 };
                let n = n.to_string();
                let parts: Vec<(f64, &str)> =
                    [(x, n.as_str()), (40.0, text)].into_iter().filter(|p| !p.1.is_empty()).collect();
                line(700.0 - 24.0 * n.parse::<f64>().unwrap_or(0.0), &parts)
            })
            .collect();
        assert!(line_numbers(&mut page));
        assert_eq!(page.len(), 7);
        assert!(page.iter().all(|l| l.text() == "Q. Where were you?"));
        // Numbers that do not count up are speech.
        let mut speech: Vec<Line> = [5, 12, 3, 40, 7, 9]
            .iter()
            .enumerate()
            .map(|(i, n)| line(700.0 - 20.0 * i as f64, &[(20.0, &format!("{n} people came"))]))
            .collect();
        assert!(!line_numbers(&mut speech));
    }

    #[test]
    fn running_headers_with_page_numbers_go() {
        let mut pages: Vec<Vec<Line>> = (1..=3)
            .map(|p| {
                vec![
                    line(750.0, &[(20.0, &format!("Hearing, day 2 - page {p}"))]),
                    line(700.0, &[(20.0, ["ALICE: Hello there.", "BOB: Hi.", "ALICE: Fine."][p - 1])]),
                    line(680.0, &[(20.0, ["BOB: How are you?", "ALICE: Good.", "BOB: Bye."][p - 1])]),
                    line(40.0, &[(20.0, "Acme Reporting")]),
                ]
            })
            .collect();
        assert_eq!(running(&mut pages), 3);
        assert!(pages.iter().all(|p| p.len() == 2), "{pages:?}");
    }
}
