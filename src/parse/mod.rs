//! Transcript parsing: text → speakers, turns and speech segments.
//!
//! Parsing never fails: doubtful input yields a transcript plus diagnostics.

pub(crate) mod alias;
mod builder;
pub(crate) mod captions;
pub mod convention;
mod furniture;
pub(crate) mod heading;
pub(crate) mod hint;
pub(crate) mod joint;
pub(crate) mod label;
pub(crate) mod lines;
mod mark;
pub(crate) mod script;
mod stage;
pub(crate) mod time;

pub use alias::AliasSuggestion;
pub use script::Script;

use crate::{Diagnostic, DiagnosticKind, Format, ParseOptions, Span};
use builder::Builder;
use convention::{Convention, Terminator};
pub use heading::LeftOutKind;
pub use hint::LabelHint;

/// The name of the pseudo-speaker for text before the first label.
pub const UNATTRIBUTED: &str = "(unattributed)";

/// A speaker: a label as written (after aliases), or the unattributed pseudo-speaker.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Speaker {
    pub name: String,
    pub attributed: bool,
    /// The speakers a joint label names (`Ross and Rachel` → `Ross`, `Rachel`), when
    /// [`crate::ParseOptions::split_joint_speakers`] credits its words to each of them;
    /// empty otherwise.
    pub members: Vec<String>,
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
    /// When the turn starts, in milliseconds: its first cue's start (captions), the time
    /// its label carries (Rev `Name (00:04):`, Otter `Name  0:05`, `[00:01:23] Name:`,
    /// Markdown `0:00:12.6 **Name**`), or an inline timestamp before its first word.
    pub start_ms: Option<u64>,
    /// When it ends: the latest end of its cues (captions). `None` where the transcript
    /// writes only starts ([`crate::Dynamics`] then ends a turn where the next begins).
    pub end_ms: Option<u64>,
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
    /// Lines that are neither speech nor a label, left out: headings, procedural
    /// paragraphs, inserted documents, page markers.
    pub left_out: Vec<(LeftOutKind, Span)>,
    /// The same as counts, with the labels found mid-line (for the diagnostics).
    pub(crate) not_speech: heading::LeftOutCounts,
    /// How the document marks its speakers, in words (`None` for captions).
    pub convention: Option<String>,
    /// The convention itself, for a stream's later parts.
    pub(crate) decided: Option<Convention>,
    /// Lines that look like labels the detection did not take, from the convention's
    /// sample (`None` for captions, and when the label pattern is the hint's own).
    /// [`crate::Analysis::label_hint`] reports it when few words have a speaker.
    pub label_hint: Option<LabelHint>,
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
    parse_with(text, options, None)
}

/// Parses `text` with a label convention decided beforehand (a stream's later parts
/// use the one its first part decided), or decided from `text` itself.
pub(crate) fn parse_with(text: &str, options: &ParseOptions, convention: Option<&Convention>) -> Transcript {
    let format = match options.format {
        Format::Auto => captions::detect(text),
        f => f,
    };
    let mut builder = Builder::new(text, &options.aliases);
    builder.split_joint = options.split_joint_speakers;
    let mut furniture = Vec::new();
    let mut described = None;
    let mut label_hint = None;
    match format {
        Format::Vtt | Format::Srt => captions::parse(text, format, &mut builder),
        Format::Auto | Format::Text => {
            let (spans, convention) = parse_text(text, options, convention, &mut builder);
            furniture = spans;
            label_hint =
                convention.hint.clone().filter(|h| options.label_pattern.as_deref() != Some(h.pattern.as_str()));
            described = Some(convention);
        }
    }
    let mut transcript = finish(format, builder, furniture);
    transcript.convention = described.as_ref().map(Convention::describe);
    transcript.decided = described;
    transcript.label_hint = label_hint;
    transcript
}

/// The label at the start of line `s` under `convention`, if any. `previous_blank`
/// says the line follows a blank line (or starts the text).
pub(crate) fn convention_label(convention: &Convention, s: &str, previous_blank: bool) -> Option<label::Label> {
    let raw = match convention.terminator {
        Terminator::Colon => label::match_label(s),
        Terminator::Period => None,
    };
    convention_label_from(convention, s, previous_blank, raw)
}

/// [`convention_label`] given the line's colon label (`raw`), found beforehand.
fn convention_label_from(
    convention: &Convention,
    s: &str,
    previous_blank: bool,
    raw: Option<label::Label>,
) -> Option<label::Label> {
    if convention.qa {
        if let Some(l) = label::qa_label(s) {
            return Some(l);
        }
    }
    match convention.terminator {
        Terminator::Period if convention.indented_labels && !s.starts_with([' ', '\t']) => None,
        Terminator::Period => label::period_label(s),
        Terminator::Colon => {
            let l = raw?;
            let alone = s[l.content_start..].trim().is_empty();
            (!convention.alone_after_blank || (alone && previous_blank)).then_some(l)
        }
    }
}

/// Reads plain text with `convention`, or the one decided from `text` itself; returns
/// the furniture's spans and the convention used.
fn parse_text(
    text: &str,
    options: &ParseOptions,
    convention: Option<&Convention>,
    b: &mut Builder<'_>,
) -> (Vec<Span>, Convention) {
    let lines = lines::lines(text);
    // Every line's colon label, found once: for deciding the convention and for reading.
    let raw: Vec<Option<label::Label>> = lines
        .iter()
        .map(|l| l.text(text))
        .map(|s| if s.trim().is_empty() { None } else { label::match_label(s) })
        .collect();
    let decided = match convention {
        Some(c) => c.clone(),
        None => Convention::from_lines(text, &lines, &raw),
    };
    let convention = &decided;
    b.script = convention.script && !options.keep_script_directions;
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
    let blank: Vec<bool> = lines.iter().zip(&excluded).map(|(l, &x)| x || l.text(text).trim().is_empty()).collect();
    let labels: Vec<Option<label::Label>> = lines
        .iter()
        .zip(raw)
        .enumerate()
        .map(|(i, (line, raw))| {
            let s = line.text(text);
            match &custom {
                Some(re) => custom_label(re, s),
                None => convention_label_from(convention, s, i == 0 || blank.get(i - 1).copied().unwrap_or(true), raw),
            }
        })
        .collect();
    let is_label = |i: usize| labels.get(i).is_some_and(Option::is_some);
    let period = convention.terminator == Terminator::Period && custom.is_none();
    let mut examiner: Option<String> = None;
    let mut after_motion = false;
    // A left-out paragraph of the Record runs on over lines without indentation.
    let mut skipping: Option<LeftOutKind> = None;
    let mut i = 0;
    while i < lines.len() {
        let (line, s) = match lines.get(i) {
            Some(line) => (line, line.text(text)),
            None => break,
        };
        if blank.get(i).copied().unwrap_or(true) {
            b.paragraph_break();
            skipping = None;
            i += 1;
            continue;
        }
        if period {
            let indent = s.len() - s.trim_start().len();
            if let Some(kind) = heading::period_aside(s) {
                b.left_out(kind, line.span);
                skipping = Some(kind);
                i += 1;
                continue;
            }
            match skipping {
                Some(kind) if indent == 0 => {
                    b.left_out(kind, line.span);
                    i += 1;
                    continue;
                }
                _ => skipping = None,
            }
        }
        if convention.qa {
            if let Some(name) = label::examiner(s) {
                examiner = Some(name);
                b.left_out(LeftOutKind::Procedure, line.span);
                i += 1;
                continue;
            }
        }
        match labels.get(i).cloned().flatten() {
            Some(mut label) => {
                // A label ends any left-out paragraph and any motion's text.
                skipping = None;
                after_motion = false;
                if convention.qa && label.name == "Q" {
                    if let Some(e) = &examiner {
                        label.name.clone_from(e);
                    }
                }
                let label_span = Span::new(line.span.start, line.span.start + label.content_start);
                b.label_timed(&label.name, label_span, time::label_time(label_span.slice(text)));
                let content = Span::new(line.span.start + label.content_start, line.span.end);
                speech_with_mid_labels(text, content, false, convention, custom.is_some(), b);
            }
            None => {
                let previous_blank = i == 0 || blank.get(i - 1).copied().unwrap_or(true);
                if custom.is_none() && previous_blank && heading::parliament_procedure(s, after_motion) {
                    after_motion = s.trim_start().starts_with("Motion made");
                    skipping = Some(LeftOutKind::Procedure);
                    b.left_out(LeftOutKind::Procedure, line.span);
                    i += 1;
                    continue;
                }
                if custom.is_none() && convention.qa && previous_blank && heading::swearing_in(s) {
                    skipping = Some(LeftOutKind::Procedure);
                    b.left_out(LeftOutKind::Procedure, line.span);
                    i += 1;
                    continue;
                }
                if skipping.is_some() && !previous_blank {
                    b.left_out(LeftOutKind::Procedure, line.span);
                    i += 1;
                    continue;
                }
                after_motion = false;
                if custom.is_none() && previous_blank {
                    if let Some(end) = heading::heading_paragraph(text, &lines, &blank, i, !b.seen_label, &is_label) {
                        for l in lines.get(i..=end).unwrap_or_default() {
                            b.left_out(LeftOutKind::Heading, l.span);
                        }
                        i = end + 1;
                        continue;
                    }
                }
                speech_with_mid_labels(text, line.span, true, convention, custom.is_some(), b);
            }
        }
        i += 1;
    }
    (furniture_spans, decided)
}

/// Speech at `span`, split where a known speaker's label stands in the middle of the
/// line after a sentence end: `… as bad as NAFTA. WALLACE: Which is Obamacare.`
fn speech_with_mid_labels(
    text: &str,
    span: Span,
    whole_line: bool,
    convention: &Convention,
    custom: bool,
    b: &mut Builder<'_>,
) {
    let mut start = span.start;
    if !custom && convention.terminator == Terminator::Colon && !convention.known.is_empty() {
        let piece = span.slice(text);
        let mut from = 0;
        while let Some(rel) = memchr::memchr(b':', piece.as_bytes().get(from..).unwrap_or_default()) {
            let colon = from + rel;
            from = colon + 1;
            if !piece[colon + 1..].starts_with(' ') {
                continue;
            }
            let before = piece.get(start - span.start..colon).unwrap_or("");
            let Some((name_start, name)) = mid_label_name(before, |n| convention.is_known(n)) else {
                continue;
            };
            let name_at = start + name_start;
            let name = name.to_owned();
            b.speech(Span::new(start, name_at), whole_line && start == span.start);
            let content = span.start + colon + 1;
            b.label(&name, Span::new(name_at, content));
            b.mid_line_labels.push(Span::new(name_at, content));
            start = content;
        }
    }
    b.speech(Span::new(start, span.end), whole_line && start == span.start);
}

/// Where a known name starts before a colon, after a sentence end or a dash and a
/// space: `… NAFTA. WALLACE` → `WALLACE`.
fn mid_label_name(before: &str, known: impl Fn(&str) -> bool) -> Option<(usize, &str)> {
    let floor = before.len().saturating_sub(label::MAX_NAME_CHARS + 3);
    let bytes = before.as_bytes();
    let mut i = before.len();
    while i > floor.max(1) {
        i -= 1;
        let boundary = bytes.get(i) == Some(&b' ') && matches!(bytes.get(i - 1), Some(b'.' | b'?' | b'!' | b'-'));
        if !boundary {
            continue;
        }
        // `i` holds an ASCII space, so `i + 1` is a character boundary.
        let rest = before.get(i + 1..).unwrap_or("");
        let name = rest.trim();
        if !name.is_empty() && known(name) {
            return Some((before.len() - rest.trim_start().len(), name));
        }
    }
    None
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
    let Builder { speakers, labels, turns, directions, mut diagnostics, left_out, mid_line_labels, script, .. } = b;
    let not_speech = heading::LeftOutCounts::new(&left_out, &mid_line_labels, script);
    let mut turn_counts = vec![0usize; speakers.len()];
    for t in &turns {
        if let Some(n) = turn_counts.get_mut(t.speaker) {
            *n += 1;
        }
    }
    let alias_suggestions = alias::suggest_aliases(&speakers, &turn_counts);
    crate::diagnostic::sort(&mut diagnostics);
    let labels = labels.into_iter().map(|(count, first)| LabelUse { count, first }).collect();
    Transcript {
        format,
        speakers,
        labels,
        turns,
        directions,
        furniture,
        left_out,
        not_speech,
        convention: None,
        decided: None,
        label_hint: None,
        alias_suggestions,
        diagnostics,
    }
}
