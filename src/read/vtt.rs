//! Diarised segments (from JSON or CSV) written as WebVTT with a voice tag per cue,
//! which the caption parser reads as turns taken as given, never guessed:
//!
//! ```text
//! WEBVTT
//!
//! 00:00:00.000 --> 00:00:02.500
//! <v SPEAKER_00>Hello there.
//! ```
//!
//! Each segment is one cue, even where the same speaker goes on (the parser joins
//! such cues into one turn, as it joins a speaker's consecutive labels). What is
//! sanitised, and why:
//!
//! - the text is one line (line breaks become spaces, so a blank line cannot end the
//!   cue) with `&`, `<` and `>` escaped as `&amp;`, `&lt;` and `&gt;`: WebVTT's own
//!   escapes, so a `<` cannot open a tag that swallows text, `-->` cannot read as a
//!   timing and `>>` cannot read as a speaker change (the parser drops the escapes,
//!   which are no words);
//! - a speaker's name is one line without `<` or `>` (each becomes `‹` or `›`), its
//!   white space collapsed, cut to [`MAX_NAME_BYTES`] bytes (the parser reads a tag of
//!   under 200 bytes);
//! - a segment without a speaker gets the voice `(unattributed)`, which the parser
//!   gives to the unattributed pseudo-speaker, so its words are nobody's rather than
//!   the speaker's before;
//! - a segment without text is left out (it has no words), and said;
//! - missing times are written `00:00:00.000` and said; times are clamped to
//!   `00:00:00.000`–`99:59:59.999`.

use super::sink::Sink;
use super::{ReadError, ReadLimits, ReadText, SourceFormat};
use crate::UNATTRIBUTED;

/// The longest speaker name written, in bytes.
pub(crate) const MAX_NAME_BYTES: usize = 180;

/// One diarised segment as an engine gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Segment {
    pub speaker: Option<String>,
    /// Seconds.
    pub start: Option<f64>,
    pub end: Option<f64>,
    pub text: String,
}

/// Writes `segments` as WebVTT; `notes` are the reader's own (an engine's "no speaker
/// labels", which then stands for the notes on segments without a speaker or times).
pub(crate) fn write(
    segments: &[Segment],
    source: SourceFormat,
    mut notes: Vec<String>,
    limits: &ReadLimits,
) -> Result<ReadText, ReadError> {
    // An engine's own note (no speaker labels at all) says it for every segment.
    let engine_said = !notes.is_empty();
    let mut out = Sink::new(source, limits);
    out.push_str("WEBVTT\n")?;
    let mut empty = 0usize;
    let mut untimed = 0usize;
    let mut unnamed = 0usize;
    for segment in segments {
        let text = one_line(&segment.text);
        if text.is_empty() {
            empty += 1;
            continue;
        }
        if segment.start.is_none() || segment.end.is_none() {
            untimed += 1;
        }
        let name = segment.speaker.as_deref().map(voice_name).filter(|n| !n.is_empty());
        if name.is_none() {
            unnamed += 1;
        }
        let start = time(segment.start);
        let end = time(segment.end.or(segment.start));
        out.push_str(&format!("\n{start} --> {end}\n<v {}>", name.as_deref().unwrap_or(UNATTRIBUTED)))?;
        out.push_str(&escape(&text))?;
        out.push_str("\n")?;
    }
    let plural = |n: usize| if n == 1 { "segment" } else { "segments" };
    if empty > 0 {
        notes.push(format!("left out {empty} {} without text", plural(empty)));
    }
    if unnamed > 0 && !engine_said {
        notes.push(format!("{unnamed} {} had no speaker: their words are (unattributed)", plural(unnamed)));
    }
    if untimed > 0 && !engine_said {
        notes.push(format!("{untimed} {} had no times: their cues are at 00:00:00.000", plural(untimed)));
    }
    Ok(ReadText { text: out.text, source, notes })
}

/// The text on one line, its white space collapsed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// WebVTT's escapes for cue text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// A name fit for a voice tag: one line, no angle brackets, not too long.
pub(crate) fn voice_name(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| match c {
            '<' => '\u{2039}',
            '>' => '\u{203A}',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let name = one_line(&name);
    let mut end = name.len().min(MAX_NAME_BYTES);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    name.get(..end).unwrap_or("").trim_end().to_owned()
}

/// Seconds as `hh:mm:ss.mmm`, clamped to what a cue timing holds.
fn time(seconds: Option<f64>) -> String {
    let s = seconds.filter(|s| s.is_finite()).unwrap_or(0.0).clamp(0.0, 359_999.999);
    // Whole milliseconds; the clamp keeps this within u64.
    let ms = (s * 1000.0).round() as u64;
    let ms = ms.min(359_999_999);
    format!("{:02}:{:02}:{:02}.{:03}", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
}

/// Parses a time given as seconds (`12.5`) or as `hh:mm:ss(.mmm)` / `mm:ss(.mmm)`
/// (a comma may stand for the point).
pub(crate) fn parse_time(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    if s.is_empty() {
        return None;
    }
    let mut total = 0.0;
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() > 3 {
        return None;
    }
    for part in &parts {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return None;
        }
        let value = super::json::decimal(part)?;
        total = total * 60.0 + value;
    }
    total.is_finite().then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(time(Some(2.5)), "00:00:02.500");
        assert_eq!(time(Some(3725.0125)), "01:02:05.013");
        assert_eq!(time(Some(-1.0)), "00:00:00.000");
        assert_eq!(time(Some(f64::NAN)), "00:00:00.000");
        assert_eq!(time(Some(1e300)), "99:59:59.999");
        assert_eq!(parse_time("01:02:05.5"), Some(3725.5));
        assert_eq!(parse_time("2:05,25"), Some(125.25));
        assert_eq!(parse_time("12.5"), Some(12.5));
        assert_eq!(parse_time("x"), None);
    }

    #[test]
    fn escapes_and_names() {
        assert_eq!(escape("a <b> & c --> d"), "a &lt;b&gt; &amp; c --&gt; d");
        assert_eq!(voice_name(" A <x>\nB "), "A \u{2039}x\u{203A} B");
        assert_eq!(voice_name(&"x".repeat(500)).len(), MAX_NAME_BYTES);
        assert!(voice_name(&"é".repeat(500)).len() <= MAX_NAME_BYTES);
    }
}
