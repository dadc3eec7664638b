//! `colloquy dynamics`: how the conversation went (the core's [`Dynamics`]): talk time,
//! turn-taking, questions and answers, interruptions and talk over time, as JSON, a
//! report of tables, or one part (`--view`) as CSV.

use colloquy::{BinUnit, Dynamics, InterruptionKind, Timing};

use crate::error::CliError;
use crate::output;
use crate::query_args::{DynamicsArgs, DynamicsView};
use crate::shared_args::OutputFormat;
use crate::text_table::{count, flat, titled, Align, Table};

/// Speakers the transition table has rows and columns for (the most words first).
const MATRIX_SPEAKERS: usize = 12;
/// Question and answer texts in a table are cut to this many characters.
const TEXT_CELL: usize = 60;

pub fn run(args: &DynamicsArgs) -> Result<Vec<u8>, CliError> {
    let doc = args.document.load(&args.input)?;
    let d = doc.dynamics(&args.options());
    let text = doc.text();
    match (args.format, args.view) {
        (OutputFormat::Json, Some(_)) => {
            Err(CliError::usage("--view applies to --format table and csv; the JSON holds every part"))
        }
        (OutputFormat::Json, None) => output::json(serde_json::to_vec_pretty(&d)),
        (OutputFormat::Table, None) => Ok(report(&d, text).into_bytes()),
        (OutputFormat::Table, Some(view)) => Ok(section(&d, text, view).into_bytes()),
        (OutputFormat::Csv, view) => csv(&d, text, view.unwrap_or(DynamicsView::Speakers)),
    }
}

/// Every part, one after another.
fn report(d: &Dynamics, text: &str) -> String {
    let mut out = overview(d);
    for view in [
        DynamicsView::Speakers,
        DynamicsView::Transitions,
        DynamicsView::Pairs,
        DynamicsView::Interruptions,
        DynamicsView::Time,
    ] {
        out.push('\n');
        out.push_str(&section(d, text, view));
    }
    out
}

/// What time the transcript gives and the whole conversation's figures.
fn overview(d: &Dynamics) -> String {
    let timing = match d.timing {
        Timing::Cues => "from the cues: each turn's start and end",
        Timing::Starts => "turn starts only: a turn ends where the next begins; the last turn's end is unknown",
        Timing::None => "none: time measures are absent, and rates are per 1,000 words",
    };
    let rows = [
        ("Turns", d.turns.to_string()),
        ("Words", d.words.to_string()),
        ("Duration", clock(d.duration_ms)),
        ("Talk", clock(d.talk_ms)),
        (
            "Silence between turns",
            match (d.gap_ms, d.gaps) {
                (Some(ms), Some(n)) => format!("{} in {}", clock(Some(ms)), count(n, "gap", "gaps")),
                _ => "–".into(),
            },
        ),
        ("Overlap", clock(d.overlap_ms)),
        ("Speaker switches", d.switches.to_string()),
        (
            "Switch rate",
            match (d.switches_per_minute, d.switches_per_thousand_words) {
                (Some(m), _) => format!("{m:.2} per minute"),
                (None, Some(k)) => format!("{k:.1} per 1,000 words"),
                _ => "–".into(),
            },
        ),
    ];
    let mut out = String::from("Conversation dynamics\n\n");
    for (label, value) in rows {
        out.push_str(&format!("  {label:<23}{value}\n"));
    }
    out.push_str(&format!("\n  Times: {timing}.\n"));
    out
}

/// One part as a table.
fn section(d: &Dynamics, text: &str, view: DynamicsView) -> String {
    match view {
        DynamicsView::Speakers => speakers_table(d),
        DynamicsView::Transitions => transitions_table(d),
        DynamicsView::Pairs => pairs_table(d),
        DynamicsView::Interruptions => interruptions_table(d, text),
        DynamicsView::Time => time_table(d),
    }
}

fn speakers_table(d: &Dynamics) -> String {
    let timed = d.timing != Timing::None;
    let mut headers =
        vec![("Speaker", Align::Left), ("Turns", Align::Right), ("Words", Align::Right), ("Word share", Align::Right)];
    if timed {
        headers.extend([("Talk time", Align::Right), ("Time share", Align::Right), ("Words/min", Align::Right)]);
    }
    headers.push(("Longest (words)", Align::Right));
    if timed {
        headers.push(("Longest (time)", Align::Right));
    }
    headers.extend([
        (if timed { "Turns/min" } else { "Turns/1k words" }, Align::Right),
        ("Asked", Align::Right),
        ("Answered", Align::Right),
        ("Mean answer", Align::Right),
        ("Interrupted", Align::Right),
        ("Was interrupted", Align::Right),
    ]);
    let mut t = Table::new(&headers);
    for s in &d.speakers {
        let mut row = vec![s.name.clone(), s.turns.to_string(), s.words.to_string(), percent(Some(s.word_share))];
        if timed {
            row.extend([clock(s.speaking_ms), percent(s.time_share), fixed(s.words_per_minute, 0)]);
        }
        row.push(s.longest_monologue_words.to_string());
        if timed {
            row.push(clock(s.longest_monologue_ms));
        }
        row.extend([
            if timed { fixed(s.turns_per_minute, 2) } else { fixed(s.turns_per_thousand_words, 1) },
            s.questions_asked.to_string(),
            s.questions_answered.to_string(),
            fixed(s.mean_answer_words, 1),
            s.interruptions_made.to_string(),
            s.interruptions_received.to_string(),
        ]);
        t.row(row);
    }
    let mut legend = vec!["Longest: the speaker's longest turn (a monologue), in words; mean answer: in words."];
    if timed {
        legend.insert(0, "Talk time: the speaker's turns' lengths summed; time share: of all speakers' talk time.");
    } else {
        legend.push("No times in this transcript: talk time, time share and words per minute are absent.");
    }
    titled("Speakers", &t, &legend)
}

fn transitions_table(d: &Dynamics) -> String {
    let shown = d.speakers.len().min(MATRIX_SPEAKERS);
    let mut headers: Vec<(String, Align)> = vec![("After ↓ / next →".into(), Align::Left)];
    headers.extend(d.speakers[..shown].iter().map(|s| (s.name.clone(), Align::Right)));
    let refs: Vec<(&str, Align)> = headers.iter().map(|(h, a)| (h.as_str(), *a)).collect();
    let mut t = Table::new(&refs);
    t.max_cell = 16;
    for (from, s) in d.speakers[..shown].iter().enumerate() {
        let mut row = vec![s.name.clone()];
        for to in 0..shown {
            let cell = d.transitions.iter().find(|c| c.from == from && c.to == to);
            row.push(cell.map_or_else(|| "·".into(), |c| format!("{} ({})", c.count, percent(Some(c.share)))));
        }
        t.row(row);
    }
    let mut legend =
        vec!["Each cell: how often the column's speaker spoke next after the row's, and its share of the row."
            .to_owned()];
    if shown < d.speakers.len() {
        legend.push(format!(
            "The {shown} speakers with the most words of {}; --format csv --view transitions lists every pair.",
            d.speakers.len()
        ));
    }
    let legend: Vec<&str> = legend.iter().map(String::as_str).collect();
    titled("Who speaks after whom", &t, &legend)
}

fn pairs_table(d: &Dynamics) -> String {
    let mut t = Table::new(&[
        ("Asker", Align::Left),
        ("Question", Align::Left),
        ("Words", Align::Right),
        ("Answerer", Align::Left),
        ("Answer", Align::Left),
        ("Words", Align::Right),
    ]);
    t.max_cell = TEXT_CELL;
    for q in &d.questions {
        t.row(vec![
            q.asker.clone(),
            q.question_text.clone(),
            q.question_words.to_string(),
            q.answerer.clone().unwrap_or_else(|| "(unanswered)".into()),
            q.answer_text.clone().unwrap_or_default(),
            q.answer_words.to_string(),
        ]);
    }
    let title = format!("Questions and answers: {}", count(d.questions.len(), "question", "questions"));
    titled(
        &title,
        &t,
        &["A question: a turn ending in a question, or labelled Q. or Question; its answer: the next speaker's turns."],
    )
}

fn interruptions_table(d: &Dynamics, text: &str) -> String {
    let mut t = Table::new(&[
        ("Kind", Align::Left),
        ("Interrupter", Align::Left),
        ("Interrupted", Align::Left),
        ("Turn", Align::Right),
        ("Where", Align::Left),
    ]);
    for i in &d.interruptions {
        t.row(vec![
            kind(i.kind).into(),
            i.interrupter.clone().unwrap_or_else(|| "–".into()),
            i.interrupted.clone().unwrap_or_else(|| "–".into()),
            (i.turn + 1).to_string(),
            flat(slice(text, i.start, i.end)),
        ]);
    }
    let title = format!("Interruptions: {}", count(d.interruptions.len(), "event", "events"));
    titled(&title, &t, &["cut off: a turn ending in --, — or … as the next speaker starts; crosstalk: a direction such as (CROSSTALK); overlap: timed turns that overlap."])
}

fn time_table(d: &Dynamics) -> String {
    let by_time = d.bins_by == BinUnit::Time;
    let mut headers: Vec<(String, Align)> = vec![
        ((if by_time { "From" } else { "From word" }).into(), Align::Right),
        ((if by_time { "To" } else { "To word" }).into(), Align::Right),
    ];
    headers.extend(d.speakers.iter().take(MATRIX_SPEAKERS).map(|s| (s.name.clone(), Align::Right)));
    let refs: Vec<(&str, Align)> = headers.iter().map(|(h, a)| (h.as_str(), *a)).collect();
    let mut t = Table::new(&refs);
    t.max_cell = 16;
    for b in &d.bins {
        let shares = b.time_shares.as_ref().unwrap_or(&b.word_shares);
        let mut row = if by_time {
            vec![clock(Some(b.start)), clock(Some(b.end))]
        } else {
            vec![b.start.to_string(), b.end.to_string()]
        };
        row.extend(shares.iter().take(MATRIX_SPEAKERS).map(|&s| percent(Some(s))));
        t.row(row);
    }
    let what = if by_time { "time" } else { "words" };
    let legend = format!("Each speaker's share of the {what} in each of {} equal parts.", d.bins.len());
    titled("Talk over time", &t, &[&legend])
}

fn csv(d: &Dynamics, text: &str, view: DynamicsView) -> Result<Vec<u8>, CliError> {
    let opt = |v: Option<u64>| v.map_or_else(String::new, |x| x.to_string());
    let optf = |v: Option<f64>| v.map_or_else(String::new, |x| x.to_string());
    let name = |i: usize| d.speakers.get(i).map_or("", |s| s.name.as_str());
    output::csv(|w| {
        match view {
            DynamicsView::Speakers => {
                w.write_record([
                    "speaker",
                    "turns",
                    "words",
                    "word_share",
                    "speaking_ms",
                    "time_share",
                    "words_per_minute",
                    "longest_monologue_words",
                    "longest_monologue_ms",
                    "turns_per_minute",
                    "turns_per_thousand_words",
                    "mean_pause_before_ms",
                    "questions_asked",
                    "questions_answered",
                    "mean_answer_words",
                    "interruptions_made",
                    "interruptions_received",
                ])?;
                for s in &d.speakers {
                    w.write_record([
                        s.name.clone(),
                        s.turns.to_string(),
                        s.words.to_string(),
                        s.word_share.to_string(),
                        opt(s.speaking_ms),
                        optf(s.time_share),
                        optf(s.words_per_minute),
                        s.longest_monologue_words.to_string(),
                        opt(s.longest_monologue_ms),
                        optf(s.turns_per_minute),
                        optf(s.turns_per_thousand_words),
                        optf(s.mean_pause_before_ms),
                        s.questions_asked.to_string(),
                        s.questions_answered.to_string(),
                        optf(s.mean_answer_words),
                        s.interruptions_made.to_string(),
                        s.interruptions_received.to_string(),
                    ])?;
                }
            }
            DynamicsView::Pairs => {
                w.write_record([
                    "asker",
                    "question_turn",
                    "question_start",
                    "question_end",
                    "question_words",
                    "question",
                    "answerer",
                    "answer_first_turn",
                    "answer_last_turn",
                    "answer_start",
                    "answer_end",
                    "answer_words",
                    "answer",
                ])?;
                for q in &d.questions {
                    let optu = |v: Option<usize>| v.map_or_else(String::new, |x| x.to_string());
                    w.write_record([
                        q.asker.clone(),
                        q.question_turn.to_string(),
                        q.question_start.to_string(),
                        q.question_end.to_string(),
                        q.question_words.to_string(),
                        q.question_text.clone(),
                        q.answerer.clone().unwrap_or_default(),
                        optu(q.answer_first_turn),
                        optu(q.answer_last_turn),
                        optu(q.answer_start),
                        optu(q.answer_end),
                        q.answer_words.to_string(),
                        q.answer_text.clone().unwrap_or_default(),
                    ])?;
                }
            }
            DynamicsView::Transitions => {
                w.write_record(["from", "to", "count", "share"])?;
                for c in &d.transitions {
                    w.write_record([name(c.from), name(c.to), &c.count.to_string(), &c.share.to_string()])?;
                }
            }
            DynamicsView::Interruptions => {
                w.write_record(["kind", "interrupter", "interrupted", "turn", "start", "end", "text"])?;
                for i in &d.interruptions {
                    w.write_record([
                        kind(i.kind),
                        i.interrupter.as_deref().unwrap_or_default(),
                        i.interrupted.as_deref().unwrap_or_default(),
                        &i.turn.to_string(),
                        &i.start.to_string(),
                        &i.end.to_string(),
                        slice(text, i.start, i.end).trim(),
                    ])?;
                }
            }
            DynamicsView::Time => {
                w.write_record(["bin", "start", "end", "unit", "speaker", "word_share", "time_share"])?;
                let unit = if d.bins_by == BinUnit::Time { "ms" } else { "words" };
                for (i, b) in d.bins.iter().enumerate() {
                    // Shares are parallel to the speakers.
                    for (k, s) in d.speakers.iter().enumerate() {
                        let time = b.time_shares.as_ref().and_then(|t| t.get(k)).copied();
                        w.write_record([
                            &(i + 1).to_string(),
                            &b.start.to_string(),
                            &b.end.to_string(),
                            unit,
                            &s.name,
                            &optf(b.word_shares.get(k).copied()),
                            &optf(time),
                        ])?;
                    }
                }
            }
        }
        Ok(())
    })
}

/// `text[start..end]`, or "" when the offsets are not a slice of it.
fn slice(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or_default()
}

fn kind(k: InterruptionKind) -> &'static str {
    match k {
        InterruptionKind::CutOff => "cut off",
        InterruptionKind::Crosstalk => "crosstalk",
        InterruptionKind::Overlap => "overlap",
    }
}

/// `1:02:03`, `4:05.3`: hours only when there are some; tenths of a second under an hour.
fn clock(ms: Option<u64>) -> String {
    let Some(ms) = ms else { return "–".into() };
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}.{}", s / 60, s % 60, ms % 1000 / 100)
    }
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "–".into(), |x| format!("{:.1}%", x * 100.0))
}

fn fixed(x: Option<f64>, digits: usize) -> String {
    x.map_or_else(|| "–".into(), |x| format!("{x:.digits$}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_reads_like_a_player() {
        assert_eq!(clock(Some(0)), "0:00.0");
        assert_eq!(clock(Some(65_340)), "1:05.3");
        assert_eq!(clock(Some(3_723_000)), "1:02:03");
        assert_eq!(clock(None), "–");
    }
}
