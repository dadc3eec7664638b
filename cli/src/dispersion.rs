//! `colloquy dispersion`: where terms occur and how evenly (Gries' DP), with a text
//! "x-ray" strip per term; or, with `--spread`, the most and least evenly spread terms.

use colloquy::{Dispersion, DispersionParts, Document, Spread, TermSpread};

use crate::error::CliError;
use crate::output;
use crate::query_args::DispersionArgs;
use crate::shared_args::OutputFormat;
use crate::text_table::{count, titled, Align, Table};

/// The columns of the x-ray strip: each is this fraction of the transcript.
pub const STRIP: usize = 60;
/// What DP means.
pub const LEGEND: &str = "DP = ½·Σ|vᵢ−sᵢ| normalised by 1−min(sᵢ); 0 = even, 1 = concentrated";

pub fn run(args: &DispersionArgs) -> Result<Vec<u8>, CliError> {
    let spread_options = args.spread.then(|| args.spread_options()).transpose()?;
    let doc = args.document.load(&args.input)?;
    let parts = describe_parts(&doc, args.parts);
    if let Some(o) = spread_options {
        let spread = doc.spread(&o);
        return match args.format {
            OutputFormat::Json => output::json(serde_json::to_vec_pretty(&spread)),
            OutputFormat::Table => Ok(render_spread(&spread, o.min_count, &parts).into_bytes()),
            OutputFormat::Csv => output::csv(|w| {
                w.write_record(["list", "term", "count", "dp"])?;
                for (list, terms) in [("even", &spread.even), ("uneven", &spread.uneven)] {
                    for t in terms {
                        w.write_record([list, &t.term, &t.count.to_string(), &t.dp.to_string()])?;
                    }
                }
                Ok(())
            }),
        };
    }
    let terms: Vec<&str> = args.terms.iter().map(String::as_str).collect();
    let found = doc.dispersion(&terms, args.parts);
    match args.format {
        OutputFormat::Json => output::json(serde_json::to_vec_pretty(&found)),
        OutputFormat::Table => Ok(render(&found, &parts).into_bytes()),
        OutputFormat::Csv => output::csv(|w| {
            w.write_record(["term", "position", "speaker", "start"])?;
            for d in &found {
                for ((position, speaker), start) in d.positions.iter().zip(&d.speakers).zip(&d.starts) {
                    w.write_record([&d.term, &position.to_string(), speaker, &start.to_string()])?;
                }
            }
            Ok(())
        }),
    }
}

/// `10 equal parts`, `the speech of 3 speakers`.
fn describe_parts(doc: &Document, parts: DispersionParts) -> String {
    match parts {
        DispersionParts::Speakers => {
            let n = doc.transcript().speakers.len().max(1);
            format!("the speech of {}", count(n, "speaker", "speakers"))
        }
        DispersionParts::Equal(n) => count(n, "equal part", "equal parts"),
    }
}

/// Per term: the count, DP and the x-ray strip; then the legends.
pub fn render(found: &[Dispersion], parts: &str) -> String {
    let tokens = found.first().map_or(0, |d| d.tokens);
    let mut t = Table::new(&[
        ("Term", Align::Left),
        ("Count", Align::Right),
        ("DP", Align::Right),
        ("Occurrences, start to end", Align::Left),
    ]);
    t.max_cell = STRIP.max(48);
    for d in found {
        t.row(vec![d.term.clone(), d.count.to_string(), dp(d.dp), strip(&d.positions, d.tokens)]);
    }
    let per = tokens.div_ceil(STRIP);
    let strips =
        format!("Each strip column is 1/{STRIP} of the transcript (about {per} tokens); | marks an occurrence");
    titled(&format!("Dispersion over {parts} ({tokens} tokens)"), &t, &[LEGEND, &strips])
}

/// The most and least evenly spread terms side by side, then the legend.
pub fn render_spread(spread: &Spread, min_count: usize, parts: &str) -> String {
    let title = format!("Spread of the terms seen at least {}, over {parts}", count(min_count, "time", "times"));
    let mut t = Table::new(&[
        ("#", Align::Right),
        ("Most evenly spread", Align::Left),
        ("Count", Align::Right),
        ("DP", Align::Right),
        ("", Align::Left),
        ("Least evenly spread", Align::Left),
        ("Count", Align::Right),
        ("DP", Align::Right),
    ]);
    let cells = |s: Option<&TermSpread>| match s {
        Some(s) => [s.term.clone(), s.count.to_string(), dp(Some(s.dp))],
        None => Default::default(),
    };
    for i in 0..spread.even.len().max(spread.uneven.len()) {
        let mut row = vec![(i + 1).to_string()];
        row.extend(cells(spread.even.get(i)));
        row.push(String::new());
        row.extend(cells(spread.uneven.get(i)));
        t.row(row);
    }
    titled(&title, &t, &[LEGEND])
}

/// DP with three decimals, or a dash for a term that does not occur.
fn dp(dp: Option<f64>) -> String {
    dp.map_or_else(|| "—".to_owned(), |dp| format!("{dp:.3}"))
}

/// [`STRIP`] columns, each `|` if an occurrence falls in its slice of the
/// `tokens`, else `·`.
pub fn strip(positions: &[usize], tokens: usize) -> String {
    let mut hit = [false; STRIP];
    for &p in positions {
        let column = p.saturating_mul(STRIP).checked_div(tokens).unwrap_or(0).min(STRIP - 1);
        if let Some(h) = hit.get_mut(column) {
            *h = true;
        }
    }
    hit.iter().map(|&h| if h { '|' } else { '·' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_place_occurrences_proportionally() {
        let s = strip(&[0, 599, 300], 600);
        assert_eq!(s.chars().count(), STRIP);
        assert_eq!(s.chars().filter(|&c| c == '|').count(), 3);
        assert!(s.starts_with('|') && s.ends_with('|'));
        assert_eq!(s.chars().nth(30), Some('|'));
        assert_eq!(strip(&[], 600), "·".repeat(STRIP));
        assert_eq!(strip(&[0], 0), format!("|{}", "·".repeat(STRIP - 1)));
        // Neighbours in one slice share a column.
        assert_eq!(strip(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 600).matches('|').count(), 1);
    }

    #[test]
    fn a_table_row_per_term() {
        let d = |term: &str, positions: Vec<usize>, dp| Dispersion {
            term: term.to_owned(),
            count: positions.len(),
            speakers: vec!["A".to_owned(); positions.len()],
            starts: positions.clone(),
            positions,
            tokens: 120,
            dp,
        };
        let out = render(&[d("cis", vec![0, 60], Some(0.25)), d("absent", vec![], None)], "10 equal parts");
        assert!(out.starts_with("Dispersion over 10 equal parts (120 tokens)\n"), "{out}");
        let strip = format!("|{}|{}", "·".repeat(29), "·".repeat(29));
        assert!(out.contains(&format!("  cis         2  0.250  {strip}\n")), "{out}");
        assert!(out.contains(&format!("  absent      0      —  {}\n", "·".repeat(STRIP))), "{out}");
        assert!(out.contains(LEGEND));
        assert!(out.contains("about 2 tokens"));
    }

    #[test]
    fn spread_lists_both_ends() {
        let s = |term: &str, dp| TermSpread { term: term.to_owned(), count: 7, dp };
        let spread = Spread { even: vec![s("and", 0.1)], uneven: vec![s("minsk", 0.9)] };
        let out = render_spread(&spread, 5, "10 equal parts");
        assert!(out.contains("  #  Most evenly spread  Count     DP    Least evenly spread  Count     DP\n"), "{out}");
        assert!(out.contains("  1  and                     7  0.100    minsk                    7  0.900\n"), "{out}");
    }
}
