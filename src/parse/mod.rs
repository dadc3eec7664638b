//! Transcript parsing: text → speakers, turns and speech segments.
//!
//! Parsing never fails: doubtful input yields a transcript plus diagnostics.

pub(crate) mod alias;
mod builder;
pub(crate) mod captions;
mod furniture;
pub(crate) mod label;
pub(crate) mod lines;
pub(crate) mod script;
mod stage;

pub use alias::AliasSuggestion;
pub use script::Script;

use crate::{Diagnostic, DiagnosticKind, Format, ParseOptions, Span};
use builder::Builder;

/// The name of the pseudo-speaker for text before the first label.
pub const UNATTRIBUTED: &str = "(unattributed)";

/// A speaker: a label as written (after aliases), or the unattributed pseudo-speaker.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Speaker {
    pub name: String,
    pub attributed: bool,
}

/// A piece of speech. Sentences may run on from the previous segment only if
/// `joins_previous` (a wrapped line, the next caption cue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    pub joins_previous: bool,
}

/// One turn: a speaker's uninterrupted speech, from its label to its last word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Index into [`Transcript::speakers`].
    pub speaker: usize,
    pub span: Span,
    pub segments: Vec<Segment>,
}

/// A stage direction, removed from speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageDirection {
    /// Normalised: `(Laughter.)` → `laughter`.
    pub kind: String,
    pub span: Span,
    /// Whose turn it interrupted.
    pub speaker: Option<usize>,
}

/// How often a speaker's label was used, and where first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LabelUse {
    pub count: usize,
    pub first: Span,
}

/// The parsed transcript.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transcript {
    /// The format that was read (never `Auto`).
    pub format: Format,
    pub speakers: Vec<Speaker>,
    /// Parallel to `speakers`.
    pub labels: Vec<LabelUse>,
    pub turns: Vec<Turn>,
    pub directions: Vec<StageDirection>,
    /// Spans left out of the counts as page furniture.
    pub furniture: Vec<Span>,
    /// Pairs `(from, to)` of speaker indices that look like the same person.
    pub alias_suggestions: Vec<(usize, usize)>,
    /// Diagnostics about this text's lines. Diagnostics about the whole transcript
    /// (missing labels, single-use labels, aliases) come with the [`crate::Analysis`].
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `text` into speakers and turns.
///
/// ```
/// use colloquy::{parse, ParseOptions};
/// let t = parse("Intro.\n\nAlice: Hi Bob.\nBob: Hi.\nAlice: Bye.", &ParseOptions::default());
/// let names: Vec<&str> = t.turns.iter().map(|turn| t.speakers[turn.speaker].name.as_str()).collect();
/// assert_eq!(names, ["(unattributed)", "Alice", "Bob", "Alice"]);
/// ```
pub fn parse(text: &str, options: &ParseOptions) -> Transcript {
    let format = match options.format {
        Format::Auto => captions::detect(text),
        f => f,
    };
    let mut builder = Builder::new(text, &options.aliases);
    let mut furniture = Vec::new();
    match format {
        Format::Vtt | Format::Srt => captions::parse(text, format, &mut builder),
        Format::Auto | Format::Text => furniture = parse_text(text, options, &mut builder),
    }
    finish(format, builder, furniture)
}

fn parse_text(text: &str, options: &ParseOptions, b: &mut Builder<'_>) -> Vec<Span> {
    let lines = lines::lines(text);
    let mut excluded = vec![false; lines.len()];
    let mut furniture_spans = Vec::new();
    if !options.keep_furniture {
        for block in furniture::find_furniture(text, &lines, options.ends) {
            let (Some(first), Some(last)) = (lines.get(block.first_line), lines.get(block.last_line)) else {
                continue;
            };
            let span = Span::new(first.span.start, last.span.end);
            for flag in excluded.iter_mut().take(block.last_line + 1).skip(block.first_line) {
                *flag = true;
            }
            let n = lines
                .get(block.first_line..=block.last_line)
                .map_or(0, |ls| ls.iter().filter(|l| !l.text(text).trim().is_empty()).count());
            b.diagnostics.push(Diagnostic::new(
                DiagnosticKind::FurnitureExcluded,
                span,
                format!(
                    "left out {n} lines of page furniture in {} script (short lines unlike the transcript); keep them with the keep-furniture option",
                    block.script.name()
                ),
            ));
            furniture_spans.push(span);
        }
    }
    let custom = options.label_pattern.as_deref().and_then(|p| custom_pattern(p, b));
    for (line, skip) in lines.iter().zip(excluded) {
        let s = line.text(text);
        if skip || s.trim().is_empty() {
            b.paragraph_break();
            continue;
        }
        let label = match &custom {
            Some(re) => custom_label(re, s),
            None => label::match_label(s),
        };
        match label {
            Some(label) => {
                let label_span = Span::new(line.span.start, line.span.start + label.content_start);
                b.label(&label.name, label_span);
                b.speech(Span::new(line.span.start + label.content_start, line.span.end), false);
            }
            None => b.speech(line.span, true),
        }
    }
    furniture_spans
}

fn custom_pattern(pattern: &str, b: &mut Builder<'_>) -> Option<regex::Regex> {
    match regex::Regex::new(&format!("^(?:{pattern})")) {
        Ok(re) => Some(re),
        Err(e) => {
            b.diagnostics.push(Diagnostic::new(
                DiagnosticKind::InvalidLabelPattern,
                Span::default(),
                format!("the label pattern does not compile, so labels were detected automatically: {e}"),
            ));
            None
        }
    }
}

fn custom_label(re: &regex::Regex, line: &str) -> Option<label::Label> {
    let caps = re.captures(line)?;
    let whole = caps.get(0)?;
    if whole.is_empty() {
        return None;
    }
    let name = caps.name("speaker").or_else(|| caps.get(1)).unwrap_or(whole).as_str();
    let name = builder::collapse(name.trim().trim_end_matches([':', '：']));
    if name.is_empty() {
        return None;
    }
    let rest = &line[whole.end()..];
    Some(label::Label { name, content_start: line.len() - rest.trim_start().len() })
}

fn finish(format: Format, b: Builder<'_>, furniture: Vec<Span>) -> Transcript {
    let Builder { speakers, labels, turns, directions, mut diagnostics, .. } = b;
    let mut turn_counts = vec![0usize; speakers.len()];
    for t in &turns {
        if let Some(n) = turn_counts.get_mut(t.speaker) {
            *n += 1;
        }
    }
    let alias_suggestions = alias::suggest_aliases(&speakers, &turn_counts);
    crate::diagnostic::sort(&mut diagnostics);
    let labels = labels.into_iter().map(|(count, first)| LabelUse { count, first }).collect();
    Transcript { format, speakers, labels, turns, directions, furniture, alias_suggestions, diagnostics }
}
