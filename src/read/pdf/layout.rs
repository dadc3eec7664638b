//! Items into lines: grouped by baseline, ordered by x, a space where the gap between
//! two items is wide; where paragraphs break (a gap larger than the usual line
//! spacing); and which lines are one line of text wrapped at the right margin, joined
//! again so a wrapped title or a word broken after its hyphen reads as it was written.

use std::cmp::Ordering;

use super::content::Item;
use crate::sort::sort_by;

/// A line of a page: its items left to right.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub y: f64,
    pub size: f64,
    pub items: Vec<Item>,
}

/// A gap wider than this share of the font size is a space.
const SPACE_GAP: f64 = 0.15;

impl Line {
    /// Where the line starts.
    pub fn x0(&self) -> f64 {
        self.items.first().map_or(0.0, |i| i.x0)
    }

    /// Where the line ends.
    pub fn x1(&self) -> f64 {
        self.items.iter().map(|i| i.x1).fold(f64::MIN, f64::max)
    }

    /// The line's text, trimmed.
    pub fn text(&self) -> String {
        let mut text = String::new();
        let mut last_end: Option<f64> = None;
        for item in &self.items {
            if let Some(end) = last_end {
                let gap = item.x0 - end;
                let spaced = text.ends_with(' ') || item.text.starts_with(' ');
                if !spaced && gap > SPACE_GAP * item.size.max(self.size * 0.5) {
                    text.push(' ');
                }
            }
            text.push_str(&item.text);
            last_end = Some(item.x1.max(last_end.unwrap_or(f64::MIN)));
        }
        text.trim().to_owned()
    }
}

fn by(a: f64, b: f64) -> Ordering {
    a.total_cmp(&b)
}

/// The lines of a page, top to bottom.
pub(super) fn lines(mut items: Vec<Item>) -> Vec<Line> {
    // Top to bottom (PDF's y grows upwards), then left to right.
    sort_by(&mut items, |a, b| by(b.y, a.y).then(by(a.x0, b.x0)));
    let mut lines: Vec<Line> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line) if (line.y - item.y).abs() <= 0.4 * line.size.max(item.size).max(0.01) => {
                line.size = line.size.max(item.size);
                line.items.push(item);
            }
            _ => lines.push(Line { y: item.y, size: item.size, items: vec![item] }),
        }
    }
    for line in &mut lines {
        sort_by(&mut line.items, |a, b| by(a.x0, b.x0));
        // Text drawn twice at almost the same place (fake bold) is read once.
        line.items.dedup_by(|b, a| a.text == b.text && (a.x0 - b.x0).abs() < 0.2 * a.size.max(0.01));
    }
    lines
}

/// The usual distance between consecutive lines of a paragraph: the smallest gap
/// that recurs (at least two gaps, and a tenth of them, within 10% of it), else the
/// median. Paragraph gaps are larger, so they do not set it unless every paragraph is
/// one line (then no gap breaks a paragraph, and every line is one anyway).
pub(super) fn usual_spacing(pages: &[Vec<Line>]) -> Option<f64> {
    let mut gaps: Vec<f64> = pages
        .iter()
        .flat_map(|lines| lines.windows(2).map(|w| w.first().map_or(0.0, |a| a.y) - w.get(1).map_or(0.0, |b| b.y)))
        .filter(|g| *g > 0.0 && g.is_finite())
        .collect();
    sort_by(&mut gaps, |a, b| by(*a, *b));
    let needed = (gaps.len() / 10).max(2);
    let recurring = gaps.iter().enumerate().find(|&(i, &g)| {
        let within = gaps.get(i..).unwrap_or_default().iter().take_while(|&&h| h <= g * 1.1).count();
        within >= needed
    });
    recurring.map(|(_, &g)| g).or_else(|| gaps.get(gaps.len() / 2).copied())
}

/// Whether the gap between two lines breaks a paragraph.
pub(super) fn breaks_paragraph(above: &Line, below: &Line, usual: Option<f64>) -> bool {
    let gap = above.y - below.y;
    match usual {
        Some(usual) => gap > 1.3 * usual,
        None => false,
    }
}

/// The left and right edges of a page's text (its lines' leftmost start and rightmost end).
pub(super) fn margins(lines: &[Line]) -> Option<(f64, f64)> {
    let left = lines.iter().map(Line::x0).fold(f64::MAX, f64::min);
    let right = lines.iter().map(Line::x1).fold(f64::MIN, f64::max);
    (left < right && left.is_finite() && right.is_finite()).then_some((left, right))
}

/// Whether `below` carries on the line of text `above` was wrapped from: `above` reaches
/// the right margin (within the longest word that could not fit: six ems, or an eighth of
/// the width), `below` starts at the left margin (an indented line starts a paragraph),
/// and `below` does not start like a speaker's turn (`Q.`, `A.`, a short capitalised
/// head and a colon), so a transcript's turns keep their own lines.
pub(super) fn wraps_into(above: &Line, below: &Line, (left, right): (f64, f64)) -> bool {
    let size = above.size.max(below.size).max(0.01);
    let reach = (6.0 * size).max((right - left) / 8.0);
    above.x1() >= right - reach && below.x0() <= left + size && !starts_like_a_turn(&below.text())
}

/// `Q. `, `A. `, or up to six words before a colon, the first capitalised (`MR. SMITH:`,
/// `Sergey Lavrov:`, `BY MS. JONES:`).
fn starts_like_a_turn(text: &str) -> bool {
    if ["Q.", "A.", "Q:", "A:"].iter().any(|l| text.strip_prefix(l).is_some_and(|r| r.is_empty() || r.starts_with(' ')))
    {
        return true;
    }
    let Some((head, _)) = text.split_once(':') else { return false };
    let words = head.split_whitespace().count();
    (1..=6).contains(&words) && head.chars().next().is_some_and(char::is_uppercase) && !head.contains(['?', '!', ','])
}

/// Joins a wrapped line's text to the text so far: after a hyphen that ends a word, with
/// nothing between (`anti-` + `Russia`); else with a space.
pub(super) fn join_wrapped(text: &mut String, next: &str) {
    let mut tail = text.chars().rev();
    let hyphenated = tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic);
    if !hyphenated {
        text.push(' ');
    }
    text.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(x0: f64, x1: f64, y: f64, text: &str) -> Item {
        Item { x0, x1, y, size: 10.0, text: text.to_owned() }
    }

    #[test]
    fn groups_by_baseline_and_spaces_wide_gaps() {
        let lines = lines(vec![
            item(50.0, 70.0, 100.0, "world"),
            item(10.0, 45.0, 100.2, "Hello"),
            item(10.0, 30.0, 88.0, "Next"),
            item(30.5, 40.0, 88.0, "ly"),
        ]);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(texts, ["Hello world", "Nextly"]);
    }

    fn line(x0: f64, x1: f64, y: f64, text: &str) -> Line {
        Line { y, size: 10.0, items: vec![item(x0, x1, y, text)] }
    }

    #[test]
    fn a_line_wrapped_at_the_margin_carries_on() {
        let margins = (50.0, 500.0);
        let full = line(50.0, 480.0, 700.0, "a long sentence that was cut at the right");
        assert!(wraps_into(&full, &line(50.0, 200.0, 688.0, "margin and goes on"), margins));
        // A short line ends where it meant to; an indented line starts a paragraph.
        assert!(!wraps_into(&line(50.0, 300.0, 700.0, "Short."), &line(50.0, 200.0, 688.0, "Next"), margins));
        assert!(!wraps_into(&full, &line(80.0, 200.0, 688.0, "Indented"), margins));
        // A turn keeps its own line.
        for turn in ["Q. And then?", "A. Yes.", "MR. SMITH: Objection.", "Sergey Lavrov: Thank you."] {
            assert!(!wraps_into(&full, &line(50.0, 200.0, 688.0, turn), margins), "{turn}");
        }
        assert!(wraps_into(&full, &line(50.0, 200.0, 688.0, "the reason, he said: none"), margins));
    }

    #[test]
    fn a_word_broken_after_its_hyphen_is_joined_whole() {
        let mut text = "an openly anti-".to_owned();
        join_wrapped(&mut text, "Russia approach");
        assert_eq!(text, "an openly anti-Russia approach");
        let mut text = "ends with a dash -".to_owned();
        join_wrapped(&mut text, "and goes on");
        assert_eq!(text, "ends with a dash - and goes on");
    }
}
