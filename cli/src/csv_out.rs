//! `--format csv`: one view of the analysis as CSV, quoted by the `csv` crate.
//!
//! Column names follow the JSON contract. A `bySpeaker` map becomes one
//! `count:<speaker>` column per speaker, in the order of the speakers list.

use std::collections::BTreeMap;

use colloquy::Analysis;

use crate::args::CsvView;
use crate::error::CliError;
use crate::output;

/// Renders `view` of `a` as CSV.
pub fn render(a: &Analysis, view: CsvView) -> Result<Vec<u8>, CliError> {
    output::csv(|w| write(w, a, view))
}

fn write(w: &mut csv::Writer<Vec<u8>>, a: &Analysis, view: CsvView) -> csv::Result<()> {
    match view {
        CsvView::Speakers => speakers(w, a),
        CsvView::Terms => {
            let columns = speaker_columns(a, a.terms.iter().map(|t| &t.by_speaker));
            let mut header = vec!["term".to_owned(), "count".to_owned(), "per10k".to_owned()];
            header.extend(columns.iter().map(|s| format!("count:{s}")));
            w.write_record(&header)?;
            for t in &a.terms {
                let mut row = vec![t.term.clone(), t.count.to_string(), t.per10k.to_string()];
                row.extend(counts(&t.by_speaker, &columns));
                w.write_record(&row)?;
            }
            Ok(())
        }
        CsvView::Phrases => {
            let columns = speaker_columns(a, a.phrases.iter().map(|p| &p.by_speaker));
            let mut header = vec!["text".to_owned(), "n".to_owned(), "count".to_owned(), "first".to_owned()];
            header.extend(columns.iter().map(|s| format!("count:{s}")));
            w.write_record(&header)?;
            for p in &a.phrases {
                let mut row = vec![p.text.clone(), p.n.to_string(), p.count.to_string(), p.first.to_string()];
                row.extend(counts(&p.by_speaker, &columns));
                w.write_record(&row)?;
            }
            Ok(())
        }
    }
}

fn speakers(w: &mut csv::Writer<Vec<u8>>, a: &Analysis) -> csv::Result<()> {
    w.write_record([
        "name",
        "attributed",
        "words",
        "share",
        "turns",
        "meanTurnWords",
        "medianTurnWords",
        "longestTurnWords",
        "questions",
        "types",
        "ttr",
        "firstPosition",
        "lastPosition",
    ])?;
    for s in &a.speakers {
        w.write_record([
            s.name.clone(),
            s.attributed.to_string(),
            s.words.to_string(),
            s.share.to_string(),
            s.turns.to_string(),
            s.mean_turn_words.to_string(),
            s.median_turn_words.to_string(),
            s.longest_turn_words.to_string(),
            s.questions.to_string(),
            s.types.to_string(),
            s.ttr.to_string(),
            s.first_position.to_string(),
            s.last_position.to_string(),
        ])?;
    }
    Ok(())
}

/// The speakers list, then (should a map name anyone else) the other names, sorted.
fn speaker_columns<'a>(a: &'a Analysis, maps: impl Iterator<Item = &'a BTreeMap<String, usize>>) -> Vec<&'a str> {
    let mut columns: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    let mut extra: Vec<&str> =
        maps.flat_map(BTreeMap::keys).map(String::as_str).filter(|name| !columns.contains(name)).collect();
    extra.sort_unstable();
    extra.dedup();
    columns.extend(extra);
    columns
}

fn counts<'a>(by_speaker: &'a BTreeMap<String, usize>, columns: &'a [&str]) -> impl Iterator<Item = String> + 'a {
    columns.iter().map(|name| by_speaker.get(*name).copied().unwrap_or(0).to_string())
}
