//! A compact, reviewable text rendering of a parse and an analysis, for snapshots.

use std::fmt::Write;

use colloquy::{Analysis, Counts, Document, Options};

/// A turn time as `m:ss.mmm`, or `?`.
fn ms(t: Option<u64>) -> String {
    t.map_or_else(|| "?".to_owned(), |t| format!("{}:{:02}.{:03}", t / 60_000, t / 1000 % 60, t % 1000))
}

/// Parses and analyses `text`, and renders what a reviewer needs to see: every
/// turn's speech as the segments the counts read, then the views.
pub fn render(text: &str, options: &Options) -> String {
    let doc = Document::new(text.to_owned(), options);
    let analysis: Analysis = Counts::new(&doc).report(&options.view);
    let t = doc.transcript();
    let mut out = String::new();
    let s = &analysis.summary;
    let _ = writeln!(
        out,
        "format={:?} tokens={} types={} sentences={} turns={} speakers={} script={:?} language={:?} stopwords={}",
        s.format, s.tokens, s.types, s.sentences, s.turns, s.speakers, s.script, s.language, s.stopwords
    );
    let _ = writeln!(out, "\nturns:");
    for turn in &t.turns {
        let speaker = &t.speakers[turn.speaker];
        let speech: Vec<String> = turn
            .segments
            .iter()
            .map(|seg| format!("{}{}", if seg.joins_previous { "+" } else { "" }, seg.span.slice(doc.text())))
            .collect();
        let time = match (turn.start_ms, turn.end_ms) {
            (None, None) => String::new(),
            (start, end) => format!(" @{}–{}", ms(start), ms(end)),
        };
        let _ = writeln!(out, "  [{}{time}] {}", speaker.name, speech.join(" | "));
    }
    let _ = writeln!(out, "\nspeakers:");
    for sp in &analysis.speakers {
        let _ = writeln!(
            out,
            "  {}{}: words={} share={:.3} turns={} mean={:.1} median={:.1} longest={} questions={} ttr={:.3}",
            sp.name,
            if sp.attributed { "" } else { " (not attributed)" },
            sp.words,
            sp.share,
            sp.turns,
            sp.mean_turn_words,
            sp.median_turn_words,
            sp.longest_turn_words,
            sp.questions,
            sp.ttr
        );
    }
    let terms: Vec<String> = analysis.terms.iter().take(12).map(|t| format!("{} {}", t.term, t.count)).collect();
    let _ = writeln!(out, "\nterms: {}", terms.join(", "));
    let _ = writeln!(out, "\nphrases:");
    for p in analysis.phrases.iter().take(10) {
        let by: Vec<String> = p.by_speaker.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = writeln!(out, "  {} ×{} ({})", p.text, p.count, by.join(", "));
    }
    if !analysis.stage_directions.is_empty() {
        let d: Vec<String> = analysis.stage_directions.iter().map(|d| format!("{} ×{}", d.kind, d.count)).collect();
        let _ = writeln!(out, "\nstage directions: {}", d.join(", "));
    }
    if !analysis.alias_suggestions.is_empty() {
        let a: Vec<String> = analysis.alias_suggestions.iter().map(|a| format!("{} → {}", a.from, a.to)).collect();
        let _ = writeln!(out, "\nalias suggestions: {}", a.join(", "));
    }
    if let Some(h) = &analysis.label_hint {
        let _ = writeln!(out, "\nlabel hint: {} lines like {:?}\n  pattern {}", h.lines, h.examples, h.pattern);
    }
    let _ = writeln!(out, "\ndiagnostics:");
    for d in &analysis.diagnostics {
        let _ = writeln!(out, "  {:?} {}..{}: {}", d.kind, d.start, d.end, d.message);
    }
    out
}
