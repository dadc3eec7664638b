//! Caption formats: WebVTT (Teams `<v Name>` voices, Zoom `Name: text` cues,
//! YouTube rolling captions with word timings) and SubRip (SRT).
//!
//! A cue line may start with its speaker: `Name: text`, `>> NAME: text` (broadcast),
//! `- Name: text` (dialogue dashes, two speakers in a cue), or `[Name] text` when
//! such bracket tags recur in the document (else a bracket is a stage direction).
//! The name carries over to the cues after it. A `>>` or a dialogue dash without a
//! name marks a new speaker but names no one: it breaks the sentence, the speech
//! stays with the last named speaker, and a diagnostic says so. A voice
//! `<v (unattributed)>` gives the speech to the unattributed pseudo-speaker (what
//! `crate::read` writes for a diarised segment without a speaker).
//!
//! Timing lines, cue identifiers, `NOTE`/`STYLE`/`REGION` blocks and markup tags are
//! not speech. Rolling captions repeat each line in the next cues; those repeats are
//! dropped so nothing is counted twice.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::parse::builder::Builder;
use crate::parse::label::{is_time, match_label, valid_name};
use crate::parse::lines::{lines, Line, Lines};
use crate::parse::stage::DIRECTION_WORDS;
use crate::parse::time::parse_ms;
use crate::{Diagnostic, DiagnosticKind, Format, Span, UNATTRIBUTED};

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
    /// The cue's start and end in milliseconds, when its timing line reads.
    time: Option<(u64, u64)>,
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
    let mut kept: Vec<&CueLine> = Vec::new();
    for cue in &cues {
        let mut current = Vec::new();
        for line in &cue.lines {
            if rolling && line.voice.is_none() && !line.plain.is_empty() && previous.contains(&line.plain) {
                dropped += 1;
                current.push(line.plain.clone());
                continue;
            }
            current.push(line.plain.clone());
            kept.push(line);
        }
        previous = current;
    }
    let tags = Tags::find(text, &kept);
    let mut unnamed = Unnamed::default();
    for line in kept {
        b.cue = line.time;
        emit(text, line, &tags, &mut unnamed, b);
    }
    b.cue = None;
    if dropped > 0 {
        b.diagnostics.push(Diagnostic::new(
            DiagnosticKind::RollingCaptionsDeduplicated,
            Span::new(0, text.len()),
            format!("rolling captions: {dropped} repeated caption lines were counted once"),
        ));
    }
    unnamed.report(b);
}

struct Cue {
    lines: Vec<CueLine>,
    time: Option<(u64, u64)>,
}

/// A valid timing line's start and end: `00:00:01.000 --> 00:00:02.500 align:start`.
/// `None` if a time is out of range or the end comes before the start.
fn cue_times(line: &str) -> Option<(u64, u64)> {
    let (a, b) = line.split_once("-->")?;
    let start = parse_ms(a)?;
    let end = parse_ms(b.split_whitespace().next()?)?;
    (end >= start).then_some((start, end))
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
        out.push(Cue { lines: vec![cue_line(text, line, None)], time: None });
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
            let time = if valid { cue_times(trimmed) } else { None };
            if !valid {
                b.diagnostics.push(Diagnostic::new(
                    DiagnosticKind::MalformedCue,
                    line.span,
                    "malformed cue timing; the cue text is still counted",
                ));
            } else if time.is_none() {
                b.diagnostics.push(Diagnostic::new(
                    DiagnosticKind::MalformedCue,
                    line.span,
                    "cue times out of range (minutes or seconds of 60 or more, or an end before the start); the cue text is still counted, untimed",
                ));
            }
            out.push(Cue { lines: Vec::new(), time });
            state = State::Cue;
            continue;
        }
        match state {
            State::Skip => {}
            State::Cue => {
                if let Some(cue) = out.last_mut() {
                    cue.lines.push(cue_line(text, line, cue.time));
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

/// Rolling captions: many cues repeat a line of the cue before. Lines with a voice
/// (`<v Name>`) are never repeats: two speakers may well say the same words in turn,
/// and rolling captions carry no voices.
fn is_rolling(cues: &[Cue]) -> bool {
    let mut repeats = 0;
    for pair in cues.windows(2) {
        let [a, b] = pair else { continue };
        let repeat =
            |l: &CueLine| l.voice.is_none() && !l.plain.is_empty() && a.lines.iter().any(|m| m.plain == l.plain);
        if b.lines.iter().any(repeat) {
            repeats += 1;
        }
    }
    repeats >= 2 && repeats * 5 >= cues.len()
}

/// Splits a payload line into speech pieces, dropping tags (`<v Name>`, `<c>`,
/// `<00:00:01.050>`, `<i>`) and character references (`&amp;`).
fn cue_line(text: &str, line: Line, time: Option<(u64, u64)>) -> CueLine {
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
    CueLine { time, voice, pieces, plain }
}

/// Feeds one cue line to the builder: its speaker change, then its speech.
fn emit(text: &str, line: &CueLine, tags: &Tags, unnamed: &mut Unnamed, b: &mut Builder<'_>) {
    if let Some((name, span)) = &line.voice {
        let name = crate::parse::builder::collapse(name);
        // `<v (unattributed)>`: speech explicitly nobody's (diarised segments without a speaker).
        if name == UNATTRIBUTED {
            b.unattributed(*span);
        } else {
            b.label(&name, *span);
        }
    }
    let whole_line = line.pieces.len() == 1;
    for (k, piece) in line.pieces.iter().enumerate() {
        let mut span = *piece;
        if k == 0 && line.voice.is_none() {
            // Zoom `Name: text`, SRT `NAME: text`, `[Name] text`, `>> NAME:`, `- Name:`.
            let s = span.slice(text);
            let lead = lead(s);
            let start = span.start + lead.content;
            match (name_at(&s[lead.content..], tags), lead.marker) {
                (Some(named), _) => {
                    b.label(&named.name, Span::new(start, start + named.content));
                    span = Span::new(start + named.content, span.end);
                }
                (None, Some(marker)) => {
                    unnamed.note(marker, Span::new(span.start + lead.marker_start, span.start + lead.marker_end));
                    b.paragraph_break();
                    span = Span::new(start, span.end);
                }
                (None, None) => {}
            }
        }
        speech(text, span, whole_line, tags, unnamed, b);
    }
}

/// Speech, split where a `>>` inside it marks a new speaker (broadcast captions
/// run several speakers into one line: `RIGHT. >> THANK YOU.`).
fn speech(text: &str, span: Span, whole_line: bool, tags: &Tags, unnamed: &mut Unnamed, b: &mut Builder<'_>) {
    let s = span.slice(text);
    let mut from = 0;
    let mut search = 0;
    while let Some(rel) = s.get(search..).and_then(|rest| rest.find(">>")) {
        let at = search + rel;
        let run_end = s.len() - s[at..].trim_start_matches('>').len();
        search = run_end;
        let spaced = (at == 0 || s[..at].ends_with(char::is_whitespace))
            && (run_end == s.len() || s[run_end..].starts_with(char::is_whitespace));
        if !spaced {
            continue;
        }
        b.speech(Span::new(span.start + from, span.start + at), false);
        let content = s.len() - s[run_end..].trim_start().len();
        match name_at(&s[content..], tags) {
            Some(named) => {
                b.label(&named.name, Span::new(span.start + content, span.start + content + named.content));
                from = content + named.content;
            }
            None => {
                unnamed.note(Marker::Change, Span::new(span.start + at, span.start + run_end));
                b.paragraph_break();
                from = content;
            }
        }
        search = search.max(from);
    }
    b.speech(Span::new(span.start + from, span.end), whole_line && from == 0);
}

/// What marks a new speaker at the start of a cue line, before any name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `>>` (broadcast captions; `>>>` too).
    Change,
    /// A dialogue dash: `- Hi.` / `-Hello.`, one of two speakers in a cue.
    Dash,
}

/// The start of a cue line's first piece: indentation, a marker, spaces. Offsets
/// are relative to the piece.
struct Lead {
    marker: Option<Marker>,
    marker_start: usize,
    marker_end: usize,
    /// Where a name or the speech starts.
    content: usize,
}

fn lead(s: &str) -> Lead {
    let marker_start = s.len() - s.trim_start().len();
    let rest = &s[marker_start..];
    let mut chars = rest.chars();
    let marker = match (chars.next(), chars.next()) {
        (Some('>'), Some('>')) => Some((Marker::Change, rest.len() - rest.trim_start_matches('>').len())),
        // One dash, not `--` (an interrupted sentence going on), `->` or `-5`.
        (Some(dash @ ('-' | '–')), next)
            if !next.is_some_and(|c| matches!(c, '-' | '–' | '—' | '>') || c.is_ascii_digit()) =>
        {
            Some((Marker::Dash, dash.len_utf8()))
        }
        _ => None,
    };
    match marker {
        Some((marker, len)) => {
            let marker_end = marker_start + len;
            Lead {
                marker: Some(marker),
                marker_start,
                marker_end,
                content: s.len() - s[marker_end..].trim_start().len(),
            }
        }
        // Other leads (`--`, `> `) are skipped to find a name, but stay in the speech.
        None => Lead {
            marker: None,
            marker_start,
            marker_end: marker_start,
            content: s.len() - s.trim_start_matches(['-', '–', '>', ' ']).len(),
        },
    }
}

/// A speaker named at the start of some text: the label runs to `content`, where
/// the speech starts (relative to the text).
struct Named {
    name: String,
    content: usize,
}

/// A speaker's name at the start of `s`: a bracket tag this document uses as a
/// speaker (`[Interviewer]`), or a label (`MARIA:`).
fn name_at(s: &str, tags: &Tags) -> Option<Named> {
    if let Some((name, end)) = bracket_tag(s).filter(|(name, _)| tags.names.contains(name)) {
        let content = s.len() - s[end..].trim_start().len();
        return Some(Named { name, content });
    }
    let label = match_label(s)?;
    Some(Named { name: label.name, content: label.content_start })
}

/// The bracket tags that name speakers in this document.
struct Tags {
    names: FxHashSet<String>,
}

impl Tags {
    /// A bracketed name at the start of a cue line, followed by speech, names a
    /// speaker if such tags recur: then every one of them does (a tag used once
    /// gets the single-use diagnostic). Otherwise brackets stay directions.
    fn find(text: &str, lines: &[&CueLine]) -> Tags {
        let mut counts: FxHashMap<String, usize> = FxHashMap::default();
        for line in lines.iter().filter(|l| l.voice.is_none()) {
            let Some(first) = line.pieces.first() else { continue };
            let s = first.slice(text);
            let s = &s[lead(s).content..];
            let Some((name, end)) = bracket_tag(s) else { continue };
            let speech_after =
                !s[end..].trim().is_empty() || line.pieces.iter().skip(1).any(|p| !p.slice(text).trim().is_empty());
            if speech_after {
                *counts.entry(name).or_default() += 1;
            }
        }
        let names = if counts.values().any(|&n| n >= 2) { counts.into_keys().collect() } else { FxHashSet::default() };
        Tags { names }
    }
}

/// Words that make a bracket a sound or a manner, not a name (beside the
/// stage-direction words): `[Whispers]`, `[Door Slams]`, `[Man Screaming]`.
const SOUND_WORDS: &[&str] = &[
    "whisper",
    "whispers",
    "whispered",
    "scream",
    "screams",
    "shouts",
    "yells",
    "cries",
    "crying",
    "sobs",
    "sniffles",
    "sniffs",
    "grunts",
    "exhales",
    "inhales",
    "breathes",
    "breathing",
    "hums",
    "mutters",
    "mumbles",
    "stammers",
    "scoffs",
    "groan",
    "gasp",
    "knock",
    "knocks",
    "footsteps",
    "door",
    "slams",
    "thunder",
    "gunshot",
    "gunshots",
    "explosion",
    "siren",
    "sirens",
    "beep",
    "beeps",
    "static",
    "chatter",
    "indistinct",
    "muffled",
    "distant",
    "continues",
    "plays",
    "playing",
    "rings",
    "buzzes",
    "buzzing",
    "quietly",
    "softly",
    "sarcastically",
    "voice",
    "voices",
    "crowd",
    "sobbing",
    "screaming",
    "whispering",
];

/// Words that start a manner or a place, not a name: `[In French]`, `[On Phone]`.
const NOT_NAME_STARTS: &[&str] = &["in", "on", "at", "over", "into", "from", "with", "without", "to", "a", "an", "via"];

/// `[Interviewer]`, `[MARIA]:`, `[Speaker 1]` at the start of `s`: the name and
/// where the tag ends (after an optional colon). Sounds and directions
/// (`[Music]`, `[Laughter]`, `[Whispering]`) are not names.
fn bracket_tag(s: &str) -> Option<(String, usize)> {
    let inner = s.strip_prefix('[')?;
    let close = inner.find(']').filter(|&n| n <= 64)?;
    let name = valid_name(&inner[..close])?;
    let words: Vec<String> = name.split_whitespace().map(|w| w.trim_matches(['.', '\'']).to_lowercase()).collect();
    let sound = |w: &String| DIRECTION_WORDS.contains(&w.as_str()) || SOUND_WORDS.contains(&w.as_str());
    if words.len() > 4
        || words.iter().any(sound)
        || words.first().is_some_and(|w| NOT_NAME_STARTS.contains(&w.as_str()))
        || matches!(words.as_slice(), [w] if w.len() > 5 && w.ends_with("ing"))
    {
        return None;
    }
    let mut end = 1 + close + 1;
    if let Some(c) = s[end..].chars().next().filter(|&c| c == ':' || c == '：') {
        end += c.len_utf8();
    }
    Some((name, end))
}

/// Speaker changes marked without a name.
#[derive(Default)]
struct Unnamed {
    changes: usize,
    dashes: usize,
    first_change: Option<Span>,
    first_dash: Option<Span>,
}

impl Unnamed {
    fn note(&mut self, marker: Marker, span: Span) {
        let (count, first) = match marker {
            Marker::Change => (&mut self.changes, &mut self.first_change),
            Marker::Dash => (&mut self.dashes, &mut self.first_dash),
        };
        *count += 1;
        first.get_or_insert(span);
    }

    /// One diagnostic: `>>` without a name always (it explains speakers that are
    /// marked but missing); dialogue dashes only where other lines name speakers
    /// (subtitles without names use dashes on every other cue).
    fn report(self, b: &mut Builder<'_>) {
        let named = b.speakers.iter().any(|s| s.attributed);
        let dashes = if named { self.dashes } else { 0 };
        let total = self.changes + dashes;
        let first = [self.first_change, self.first_dash.filter(|_| dashes > 0)].into_iter().flatten().min();
        let Some(first) = first.filter(|_| total > 0) else { return };
        let mut parts = Vec::new();
        if self.changes > 0 {
            parts.push(format!("{} by `>>`", self.changes));
        }
        if dashes > 0 {
            parts.push(format!("{dashes} by a dialogue dash"));
        }
        let changes = if total == 1 { "speaker change is" } else { "speaker changes are" };
        let whose = if named {
            "the speech after each stays with the speaker before it"
        } else {
            "no line names a speaker, so all speech is (unattributed)"
        };
        b.diagnostics.push(Diagnostic::new(
            DiagnosticKind::UnnamedSpeakerChanges,
            first,
            format!("{total} {changes} marked without a name ({}); no name is guessed: {whose}", parts.join(", ")),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse, DiagnosticKind, ParseOptions};

    /// An SRT file with one cue per entry (`\n` inside an entry: a second line).
    fn srt(cues: &[&str]) -> String {
        let mut s = String::new();
        for (i, cue) in cues.iter().enumerate() {
            s.push_str(&format!("{}\n00:00:{:02},000 --> 00:00:{:02},500\n{cue}\n\n", i + 1, i, i));
        }
        s
    }

    /// The turns as `[Name] segment | +joined segment`, one per line, then the
    /// stage directions' kinds.
    fn render(input: &str) -> String {
        let t = parse(input, &ParseOptions::default());
        let mut out: Vec<String> = t
            .turns
            .iter()
            .map(|turn| {
                let speech: Vec<String> = turn
                    .segments
                    .iter()
                    .map(|s| format!("{}{}", if s.joins_previous { "+" } else { "" }, s.span.slice(input).trim()))
                    .collect();
                format!("[{}] {}", t.speakers[turn.speaker].name, speech.join(" | "))
            })
            .collect();
        if !t.directions.is_empty() {
            let kinds: Vec<&str> = t.directions.iter().map(|d| d.kind.as_str()).collect();
            out.push(format!("directions: {}", kinds.join(", ")));
        }
        out.join("\n")
    }

    fn check(input: &str, expect: &str) {
        let expect: Vec<&str> = expect.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(render(input), expect.join("\n"), "input:\n{input}");
    }

    fn unnamed(input: &str) -> Vec<String> {
        let t = parse(input, &ParseOptions::default());
        t.diagnostics
            .into_iter()
            .filter(|d| d.kind == DiagnosticKind::UnnamedSpeakerChanges)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn name_colon_carries_over_unnamed_cues() {
        check(
            &srt(&["Travis: When you first get", "started, it is hard.", "Sarah: It is.\nVery hard.", "So true."]),
            "[Travis] When you first get | +started, it is hard.
             [Sarah] It is. | +Very hard. | +So true.",
        );
    }

    #[test]
    fn recurring_bracket_tags_are_speakers() {
        check(
            &srt(&[
                "[Interviewer] So tell me how it started.",
                "[MARIA] It started with a letter",
                "from my grandmother.",
                "[Interviewer]: A letter?",
                "[Caller] Can I add something?",
            ]),
            "[Interviewer] So tell me how it started.
             [MARIA] It started with a letter | +from my grandmother.
             [Interviewer] A letter?
             [Caller] Can I add something?",
        );
    }

    #[test]
    fn a_bracket_tag_alone_on_a_line_names_a_known_speaker() {
        check(
            &srt(&[
                "[Host] Welcome back.",
                "[Guest]\nThanks for having me.",
                "[Host] Glad you came.",
                "[Guest] Me too.",
            ]),
            "[Host] Welcome back.
             [Guest] Thanks for having me.
             [Host] Glad you came.
             [Guest] Me too.",
        );
    }

    #[test]
    fn a_bracket_tag_used_once_stays_a_direction() {
        check(
            &srt(&["[Maria] Hello there.", "How are you?"]),
            "[(unattributed)] Hello there. | +How are you?\ndirections: maria",
        );
    }

    #[test]
    fn sounds_in_brackets_are_directions() {
        check(
            &srt(&[
                "[Music]",
                "[Music] La la la.",
                "[Whispering] Come here.",
                "[Whispering] Quietly.",
                "[Door Slams] Who is there?",
                "[Door Slams] Again?",
                "[IN SPANISH] Hola.",
                "[IN SPANISH] Adios.",
                "[inaudible] and then",
                "[inaudible] we left.",
            ]),
            "[(unattributed)] La la la. | Come here. | Quietly. | Who is there? | Again? | Hola. | Adios. | and then | we left.
             directions: music, music, whispering, whispering, door slams, door slams, in spanish, in spanish, inaudible, inaudible",
        );
    }

    #[test]
    fn an_opening_sound_is_no_unattributed_turn() {
        check(&srt(&["[Music]", "Travis: Welcome to the show."]), "[Travis] Welcome to the show.\ndirections: music");
    }

    #[test]
    fn sounds_inside_a_tagged_document_stay_directions() {
        check(
            &srt(&["[Host] Welcome.", "[Laughter]", "[Guest] Thanks. [laughs]", "[Host] Good."]),
            "[Host] Welcome.
             [Guest] Thanks.
             [Host] Good.
             directions: laughter, laughs",
        );
    }

    #[test]
    fn broadcast_chevrons() {
        let input = srt(&[
            ">> MARIA: Good evening.",
            "Tonight, the storm.",
            ">> Maria: Tom is there.",
            ">> TOM: Thanks, Maria.",
            ">> IT WAS LOUD. >> IT WAS.",
            ">> TOM: Back to you. >> MARIA: Thank you.",
        ]);
        check(
            &input,
            "[MARIA] Good evening. | +Tonight, the storm.
             [Maria] Tom is there.
             [TOM] Thanks, Maria. | IT WAS LOUD. | IT WAS. | Back to you.
             [MARIA] Thank you.",
        );
        assert_eq!(
            unnamed(&input),
            ["2 speaker changes are marked without a name (2 by `>>`); no name is guessed: the speech after each stays with the speaker before it"]
        );
    }

    #[test]
    fn chevrons_without_any_name() {
        let input = srt(&[">> WELCOME BACK.", ">>> IN OTHER NEWS, RAIN.", "a >>b stays"]);
        check(&input, "[(unattributed)] WELCOME BACK. | IN OTHER NEWS, RAIN. | +a >>b stays");
        assert_eq!(
            unnamed(&input),
            ["2 speaker changes are marked without a name (2 by `>>`); no name is guessed: no line names a speaker, so all speech is (unattributed)"]
        );
    }

    #[test]
    fn dialogue_dashes() {
        let input = srt(&[
            "- Maria: Hi.\n- Tom: Hello.",
            "- Where were you?\n- Out.",
            "-Maria: Nowhere.",
            "-- and then nothing.",
            "-5 degrees tonight.",
        ]);
        check(
            &input,
            "[Maria] Hi.
             [Tom] Hello. | Where were you? | Out.
             [Maria] Nowhere. | +-- and then nothing. | +-5 degrees tonight.",
        );
        assert_eq!(
            unnamed(&input),
            ["2 speaker changes are marked without a name (2 by a dialogue dash); no name is guessed: the speech after each stays with the speaker before it"]
        );
    }

    #[test]
    fn dialogue_dashes_without_names_are_speech() {
        let input = srt(&["-Hi.\n-Hello.", "- How are you?\n– Fine."]);
        check(&input, "[(unattributed)] Hi. | Hello. | How are you? | Fine.");
        assert!(unnamed(&input).is_empty(), "dashes in subtitles without names are not worth a diagnostic");
    }

    #[test]
    fn markers_inside_markup() {
        check(
            &srt(&["<i>- Maria: Hi.</i>\n<i>- Tom: Hello.</i>", "<i>[Maria]</i> Again.", "[Maria] <i>Bye.</i>"]),
            "[Maria] Hi.
             [Tom] Hello.
             [Maria] Again. | Bye.",
        );
    }

    #[test]
    fn vtt_tags_and_voices() {
        check(
            "WEBVTT\n\n00:01.000 --> 00:02.000\n[Host] Hi.\n\n00:02.000 --> 00:03.000\n<v Guest>- Hello.\n\n00:03.000 --> 00:04.000\n[Host] >> Bye.\n",
            "[Host] Hi.
             [Guest] - Hello.
             [Host] Bye.",
        );
    }
}
