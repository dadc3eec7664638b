//! `colloquy kwic`: keyword in context as JSON, a concordance table or CSV.

use colloquy::KwicHit;

use crate::error::CliError;
use crate::output;
use crate::query_args::KwicArgs;
use crate::shared_args::OutputFormat;
use crate::text_table::{clip, count, flat, titled, Align, Table};

/// Each context is cut to at most this many columns, so that a concordance line
/// (left context, match, right context) is about 100 columns wide.
const SIDE: usize = 50;
/// Speaker names are cut to this many columns.
const SPEAKER: usize = 24;
/// ANSI bold on and off, for the match on a terminal.
const BOLD: (&str, &str) = ("\x1b[1m", "\x1b[0m");

pub fn run(args: &KwicArgs) -> Result<Vec<u8>, CliError> {
    let doc = args.document.load(&args.input)?;
    let queries: Vec<&str> = args.query.iter().map(String::as_str).collect();
    let hits = doc.kwic_any(&queries, &args.options());
    match args.format {
        OutputFormat::Json => output::json(serde_json::to_vec_pretty(&hits)),
        OutputFormat::Table => Ok(render(&args.query.join("\" or \""), &hits, output::styled()).into_bytes()),
        OutputFormat::Csv => output::csv(|w| {
            w.write_record(["speaker", "left", "match", "right", "start", "end", "in_compound"])?;
            for h in &hits {
                let (start, end, inside) = (h.start.to_string(), h.end.to_string(), h.in_compound.to_string());
                w.write_record([&h.speaker, &h.left, &h.matched, &h.right, &start, &end, &inside])?;
            }
            Ok(())
        }),
    }
}

/// A concordance: speaker, byte offset, the left context right-aligned, the match
/// (in bold if `bold`) and the right context, one hit a line.
pub fn render(query: &str, hits: &[KwicHit], bold: bool) -> String {
    let title = format!("{} for \"{query}\"", count(hits.len(), "hit", "hits"));
    if hits.is_empty() {
        return format!("{title}\n");
    }
    let mut t = Table::new(&[
        ("Speaker", Align::Left),
        ("Offset", Align::Right),
        ("Left context", Align::Right),
        ("Match", Align::Left),
        ("Right context", Align::Left),
    ]);
    // Each cell is cut to its own width here, the contexts at word boundaries.
    t.max_cell = usize::MAX;
    if bold {
        t.emphasise(3, BOLD);
    }
    for h in hits {
        t.row(vec![
            clip(&flat(&h.speaker), SPEAKER),
            h.start.to_string(),
            clip_left(&flat(&h.left), SIDE),
            flat(&h.matched),
            clip_right(&flat(&h.right), SIDE),
        ]);
    }
    titled(&title, &t, &[])
}

/// The end of `s` in at most `max` columns: cut at a word boundary where one is
/// near, after an ellipsis.
fn clip_left(s: &str, max: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= max {
        return s.to_owned();
    }
    let keep = chars.get(chars.len() + 1 - max.max(1)..).unwrap_or_default();
    let mut kept: String = keep.iter().collect();
    if let Some(i) = kept.find(' ').filter(|&i| i < kept.len() / 2) {
        kept = kept.split_off(i);
    }
    format!("…{}", kept.trim_start())
}

/// The start of `s` in at most `max` columns: cut at a word boundary where one is
/// near, before an ellipsis.
fn clip_right(s: &str, max: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= max {
        return s.to_owned();
    }
    let keep = chars.get(..max.saturating_sub(1)).unwrap_or_default();
    let mut kept: String = keep.iter().collect();
    if let Some(i) = kept.rfind(' ').filter(|&i| i > kept.len() / 2) {
        kept.truncate(i);
    }
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_table::width;

    fn hit(speaker: &str, left: &str, matched: &str, right: &str, start: usize) -> KwicHit {
        KwicHit {
            speaker: speaker.to_owned(),
            left: left.to_owned(),
            matched: matched.to_owned(),
            right: right.to_owned(),
            start,
            end: start + matched.len(),
            token: 0,
            in_compound: false,
        }
    }

    #[test]
    fn contexts_are_cut_at_word_boundaries() {
        assert_eq!(clip_left("short", 10), "short");
        assert_eq!(clip_left("one two three four", 12), "…three four");
        assert_eq!(clip_right("one two three four", 12), "one two…");
        assert_eq!(clip_right("abcdefghijklmnop", 6), "abcde…");
        assert_eq!(clip_left("абвгдеёжз", 5), "…еёжз");
        assert!(width(&clip_left(&"word ".repeat(40), SIDE)) <= SIDE);
        assert!(width(&clip_right(&"word ".repeat(40), SIDE)) <= SIDE);
    }

    #[test]
    fn a_concordance_aligns_the_match() {
        let hits = [hit("Ann", "the\nold ", "CIS", " met", 4), hit("Bartholomew", "", "cis", " again and again", 120)];
        let out = render("cis", &hits, false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.first(), Some(&"2 hits for \"cis\""));
        assert_eq!(lines.get(3), Some(&"  Ann               4       the old  CIS    met"));
        assert_eq!(lines.get(4), Some(&"  Bartholomew     120                cis    again and again"));
        let column = |l: &str| l.find("CIS").or_else(|| l.find("cis"));
        assert_eq!(lines.get(3).and_then(|l| column(l)), lines.get(4).and_then(|l| column(l)));
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn bold_only_when_asked() {
        let out = render("cis", &[hit("Ann", "the ", "CIS", " met", 4)], true);
        assert!(out.contains("\x1b[1mCIS\x1b[0m"), "{out}");
    }

    #[test]
    fn no_hits_says_so() {
        assert_eq!(render("xyz", &[], false), "0 hits for \"xyz\"\n");
    }
}
