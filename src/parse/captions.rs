//! Caption formats: WebVTT (Teams `<v Name>` voices, Zoom `Name: text` cues,
//! YouTube rolling captions with word timings) and SubRip (SRT).
//!
//! Timing lines, cue identifiers, `NOTE`/`STYLE`/`REGION` blocks and markup tags are
//! not speech. Rolling captions repeat each line in the next cues; those repeats are
//! dropped so nothing is counted twice.

use crate::parse::builder::Builder;
use crate::parse::label::{is_time, match_label};
use crate::parse::lines::{lines, Line, Lines};
use crate::{Diagnostic, DiagnosticKind, Format, Span};

/// How much of the text format detection reads: the first 400 lines of the first
/// 256 KiB. A prefix, so a stream can decide as soon as it has that much.
pub(crate) const DETECT_BYTES: usize = 256 * 1024;
const DETECT_LINES: usize = 400;

/// Detects the format of `text`: WebVTT by its header, SRT by its timing lines.
pub(crate) fn detect(text: &str) -> Format {
    let mut end = text.len().min(DETECT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = text.get(..end).unwrap_or("");
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with("WEBVTT") {
        return Format::Vtt;
    }
    let mut nonblank = 0;
    let mut timings = 0;
    for line in Lines::new(text).take(DETECT_LINES) {
        let s = line.text(text).trim();
        if s.is_empty() {
            continue;
        }
        nonblank += 1;
        if timing(s).is_some() {
            timings += 1;
        }
    }
    if timings >= 1 && timings * 5 >= nonblank {
        Format::Srt
    } else {
        Format::Text
    }
}

/// Recognises a timing line; `Some(valid)` says whether both times parse. Two times
/// joined by a mangled arrow (`->`, `—>`, `→`, …) make a malformed timing line, never
/// speech: timestamps are not words.
fn timing(line: &str) -> Option<bool> {
    // Cheap first: a timing line starts with its first time.
    if !line.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some((a, b)) = line.split_once("-->") {
        let b = b.split_whitespace().next().unwrap_or("");
        return Some(is_cue_time(a.trim()) && is_cue_time(b));
    }
    ["->", "\u{2014}>", "\u{2013}>", "=>", "\u{2192}", "- >", "-- >"].iter().find_map(|arrow| {
        let (a, b) = line.split_once(arrow)?;
        let b = b.split_whitespace().next().unwrap_or("");
        (is_cue_time(a.trim()) && is_cue_time(b)).then_some(false)
    })
}

fn is_cue_time(s: &str) -> bool {
    s.contains(['.', ',']) && is_time(s)
}

/// A cue's payload line, split into speech pieces around markup.
struct CueLine {
    voice: Option<(String, Span)>,
    pieces: Vec<Span>,
    /// The speech with markup removed and whitespace collapsed, for de-duplication.
    plain: String,
}

pub(crate) fn parse(text: &str, format: Format, b: &mut Builder<'_>) {
    let cues = cues(text, format, b);
    let rolling = is_rolling(&cues);
    let mut dropped = 0usize;
    let mut previous: Vec<String> = Vec::new();
    for cue in &cues {
        let mut current = Vec::new();
        for line in &cue.lines {
            if rolling && !line.plain.is_empty() && previous.contains(&line.plain) {
                dropped += 1;
                current.push(line.plain.clone());
                continue;
            }
            current.push(line.plain.clone());
            emit(text, line, b);
        }
        previous = current;
    }
    if dropped > 0 {
        b.diagnostics.push(Diagnostic::new(
            DiagnosticKind::RollingCaptionsDeduplicated,
            Span::new(0, text.len()),
            format!("rolling captions: {dropped} repeated caption lines were counted once"),
        ));
    }
}

struct Cue {
    lines: Vec<CueLine>,
}

fn cues(text: &str, format: Format, b: &mut Builder<'_>) -> Vec<Cue> {
    #[derive(PartialEq)]
    enum State {
        Outside,
        Skip,
        Cue,
    }
    let all = lines(text);
    let mut out: Vec<Cue> = Vec::new();
    let mut state = State::Outside;
    let mut pending: Option<Line> = None;
    let stray = |line: Line, out: &mut Vec<Cue>, b: &mut Builder<'_>| {
        b.diagnostics.push(Diagnostic::new(
            DiagnosticKind::MalformedCue,
            line.span,
            "caption text outside a cue (no timing line before it); counted as speech",
        ));
        out.push(Cue { lines: vec![cue_line(text, line)] });
    };
    for &line in &all {
        let s = line.text(text);
        let empty = match format {
            Format::Vtt => s.is_empty() || (state != State::Cue && s.trim().is_empty()),
            _ => s.trim().is_empty(),
        };
        if empty {
            if let Some(p) = pending.take() {
                stray(p, &mut out, b);
            }
            state = State::Outside;
            continue;
        }
        let trimmed = s.trim();
        if let Some(valid) = timing(trimmed) {
            pending = None; // a cue identifier
            if !valid {
                b.diagnostics.push(Diagnostic::new(
                    DiagnosticKind::MalformedCue,
                    line.span,
                    "malformed cue timing; the cue text is still counted",
                ));
            }
            out.push(Cue { lines: Vec::new() });
            state = State::Cue;
            continue;
        }
        match state {
            State::Skip => {}
            State::Cue => {
                if let Some(cue) = out.last_mut() {
                    cue.lines.push(cue_line(text, line));
                }
            }
            State::Outside => {
                let header = trimmed.starts_with("WEBVTT")
                    || ["NOTE", "STYLE", "REGION"].iter().any(|k| {
                        trimmed == *k || trimmed.strip_prefix(k).is_some_and(|r| r.starts_with(char::is_whitespace))
                    });
                if format == Format::Vtt && header {
                    state = State::Skip;
                } else if let Some(p) = pending.replace(line) {
                    stray(p, &mut out, b);
                }
            }
        }
    }
    if let Some(p) = pending.take() {
        stray(p, &mut out, b);
    }
    out
}

/// Rolling captions: many cues repeat a line of the cue before.
fn is_rolling(cues: &[Cue]) -> bool {
    let mut repeats = 0;
    for pair in cues.windows(2) {
        let [a, b] = pair else { continue };
        if b.lines.iter().any(|l| !l.plain.is_empty() && a.lines.iter().any(|m| m.plain == l.plain)) {
            repeats += 1;
        }
    }
    repeats >= 2 && repeats * 5 >= cues.len()
}

/// Splits a payload line into speech pieces, dropping tags (`<v Name>`, `<c>`,
/// `<00:00:01.050>`, `<i>`) and character references (`&amp;`).
fn cue_line(text: &str, line: Line) -> CueLine {
    let s = line.text(text);
    let base = line.span.start;
    let mut voice = None;
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let skip = if rest.starts_with('<') {
            rest.find('>').filter(|&n| n < 200).inspect(|&n| {
                let tag = &rest[1..n];
                if let Some(name) = tag.strip_prefix('v').filter(|t| t.starts_with([' ', '.'])) {
                    let name = name.split_once(' ').map_or("", |(_, n)| n).trim();
                    if !name.is_empty() && voice.is_none() {
                        voice = Some((name.to_owned(), Span::new(base + i, base + i + n + 1)));
                    }
                }
            })
        } else if rest.starts_with('&') {
            rest.find(';').filter(|&n| n <= 10 && rest[1..n].chars().all(|c| c.is_ascii_alphanumeric() || c == '#'))
        } else {
            None
        };
        match skip {
            Some(n) => {
                if i > start {
                    pieces.push(Span::new(base + start, base + i));
                }
                i += n + 1;
                start = i;
            }
            None => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    if s.len() > start {
        pieces.push(Span::new(base + start, base + s.len()));
    }
    let plain = pieces.iter().map(|p| p.slice(text)).collect::<Vec<_>>().join("");
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    CueLine { voice, pieces, plain }
}

/// Feeds one cue line to the builder: its speaker change, then its speech.
fn emit(text: &str, line: &CueLine, b: &mut Builder<'_>) {
    if let Some((name, span)) = &line.voice {
        b.label(&crate::parse::builder::collapse(name), *span);
    }
    for (k, piece) in line.pieces.iter().enumerate() {
        let mut span = *piece;
        if k == 0 && line.voice.is_none() {
            // Zoom `Name: text`, SRT `NAME: text`, dialogue dashes `- NAME:`.
            let s = span.slice(text);
            let lead = s.len() - s.trim_start_matches(['-', '–', '>', ' ']).len();
            let after = &s[lead..];
            if let Some(label) = match_label(after) {
                let label_end = span.start + lead + label.content_start;
                b.label(&label.name, Span::new(span.start + lead, label_end));
                span = Span::new(label_end, span.end);
            }
        }
        b.speech(span, line.pieces.len() == 1);
    }
}
