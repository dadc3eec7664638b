//! `colloquy collocates`: a node word's collocates, or all bigrams, as JSON, a
//! table with the association measures, or CSV.

use colloquy::{Collocate, CollocationOptions, CollocationSort, MI_MIN_COUNT};

use crate::error::CliError;
use crate::output;
use crate::query_args::CollocatesArgs;
use crate::shared_args::OutputFormat;
use crate::text_table::{count, titled, Align, Table};

/// The formulas behind the table's columns.
pub const LEGEND: &str = "MI = log2(O/E); t = (O−E)/√O; logDice = 14 + log2(2·O/(f_node+f_coll)); \
                          G² = log-likelihood; E = f_node·f_coll·span/N";

pub fn run(args: &CollocatesArgs) -> Result<Vec<u8>, CliError> {
    let options = args.options()?;
    let doc = args.document.load(&args.input)?;
    let collocates = doc.collocations(args.node.as_deref(), &options);
    match args.format {
        OutputFormat::Json => output::json(serde_json::to_vec_pretty(&collocates)),
        OutputFormat::Table => {
            let tokens = doc.tokens().tokens.len();
            Ok(render(args.node.as_deref(), &options, tokens, &collocates).into_bytes())
        }
        OutputFormat::Csv => output::csv(|w| {
            w.write_record(["term", "count", "nodeCount", "collocateCount", "mi", "t", "logDice", "g2"])?;
            for c in &collocates {
                w.write_record([
                    c.term.clone(),
                    c.count.to_string(),
                    c.node_count.to_string(),
                    c.collocate_count.to_string(),
                    c.mi.map(|mi| mi.to_string()).unwrap_or_default(),
                    c.t.to_string(),
                    c.log_dice.to_string(),
                    c.g2.to_string(),
                ])?;
            }
            Ok(())
        }),
    }
}

/// A title naming the query, the table, and the legend. `tokens` is N.
pub fn render(node: Option<&str>, options: &CollocationOptions, tokens: usize, collocates: &[Collocate]) -> String {
    let sort = match options.sort {
        CollocationSort::LogDice => "logDice",
        CollocationSort::Mi => "MI",
        CollocationSort::T => "t",
        CollocationSort::G2 => "G²",
        CollocationSort::Count => "count",
    };
    let (title, headers, span) = match node {
        Some(node) => (
            format!("Collocates of \"{node}\" within ±{}", count(options.window, "word", "words")),
            ["Term", "Node", "Collocate"],
            2 * options.window,
        ),
        None => ("Bigrams (adjacent words within a sentence)".to_owned(), ["Bigram", "First", "Second"], 1),
    };
    let title = format!("{title}, seen at least {}, by {sort}", count(options.min_count, "time", "times"));
    let mut t = Table::new(&[
        ("#", Align::Right),
        (headers[0], Align::Left),
        ("Count", Align::Right),
        (headers[1], Align::Right),
        (headers[2], Align::Right),
        ("MI", Align::Right),
        ("t", Align::Right),
        ("logDice", Align::Right),
        ("G²", Align::Right),
    ]);
    for (i, c) in collocates.iter().enumerate() {
        t.row(vec![
            (i + 1).to_string(),
            c.term.clone(),
            c.count.to_string(),
            c.node_count.to_string(),
            c.collocate_count.to_string(),
            c.mi.map(|mi| format!("{mi:.2}")).unwrap_or_default(),
            format!("{:.2}", c.t),
            format!("{:.2}", c.log_dice),
            format!("{:.2}", c.g2),
        ]);
    }
    let symbols = format!(
        "O = Count; f_node, f_coll = {}, {}; N = {tokens} tokens; span = {span}; MI is blank below {MI_MIN_COUNT} \
         co-occurrences",
        headers[1], headers[2]
    );
    titled(&title, &t, &[LEGEND, &symbols])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collocate(term: &str, count: usize, mi: Option<f64>) -> Collocate {
        Collocate {
            term: term.to_owned(),
            count,
            node_count: 10,
            collocate_count: 4,
            mi,
            t: 1.5,
            log_dice: 12.345,
            g2: 7.0,
        }
    }

    #[test]
    fn mi_is_blank_below_five() {
        let options = CollocationOptions { min_count: 2, ..CollocationOptions::default() };
        let out =
            render(Some("tea"), &options, 1000, &[collocate("strong", 6, Some(2.5049)), collocate("hot", 2, None)]);
        assert!(out.starts_with("Collocates of \"tea\" within ±5 words, seen at least 2 times, by logDice\n"), "{out}");
        assert!(out.contains("  1  strong      6    10          4  2.50  1.50    12.35  7.00\n"), "{out}");
        assert!(out.contains("  2  hot         2    10          4        1.50    12.35  7.00\n"), "{out}");
        assert!(out.contains(LEGEND));
        assert!(out.contains("N = 1000 tokens; span = 10;"));
    }

    #[test]
    fn bigrams_name_their_columns() {
        let out = render(None, &CollocationOptions::default(), 10, &[]);
        assert!(out.starts_with("Bigrams (adjacent words within a sentence), seen at least 3 times"), "{out}");
        assert!(out.contains("(none)"));
        assert!(out.contains("f_node, f_coll = First, Second"), "{out}");
        assert!(out.contains("span = 1;"));
    }
}
