//! Diarised JSON from speech-to-text engines, told apart by shape, read into
//! segments ([`Segment`]) and written as WebVTT (`super::vtt`):
//!
//! - Whisper / WhisperX: `{"segments": [{"start", "end", "text", "speaker"?}]}`, or a bare
//!   array of such segments (pyannote's turn-level transcription);
//! - AssemblyAI: `{"utterances": [{"speaker": "A", "start": ms, "end": ms, "text"}]}`;
//! - Deepgram: `{"results": {"utterances": [{"speaker": 0, "start", "end", "transcript"}]}}`,
//!   or its paragraphs (`results.channels[0].alternatives[0].paragraphs.paragraphs`);
//! - Amazon Transcribe: `{"results": {"audio_segments": […]}}`, or `speaker_labels` with
//!   `items`.
//!
//! Nesting deeper than [`ReadLimits::max_depth`] (and serde_json's own limit of 128) is
//! refused as too large; serde_json never recurses past it.

mod assemblyai;
mod aws;
mod deepgram;
mod whisper;

use serde_json::Value;

use super::vtt::{self, Segment};
use super::{ReadError, ReadErrorKind, ReadLimits, ReadText, Source, SourceFormat};

/// Reads `text` (which starts with `{` or `[`) as engine JSON. `Ok(None)`: not JSON,
/// and the name does not say JSON either, so it is plain text.
pub(crate) fn read(text: &str, source: &Source<'_>, limits: &ReadLimits) -> Result<Option<ReadText>, ReadError> {
    let claimed = source.says(SourceFormat::WhisperJson);
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) if e.to_string().contains("recursion limit") => {
            return Err(too_deep(limits.max_depth.min(128)));
        }
        Err(e) if claimed => {
            let why = if e.is_eof() { "it ends early".to_owned() } else { format!("it is not valid JSON ({e})") };
            return Err(ReadError::damaged(SourceFormat::WhisperJson, &why));
        }
        Err(_) => return Ok(None),
    };
    if depth(&value) > limits.max_depth {
        return Err(too_deep(limits.max_depth));
    }
    let (format, segments, notes) = if let Some(read) = deepgram::read(&value) {
        (SourceFormat::DeepgramJson, read.0, read.1)
    } else if let Some(read) = aws::read(&value) {
        (SourceFormat::AwsTranscribeJson, read.0, read.1)
    } else if let Some(read) = assemblyai::read(&value) {
        (SourceFormat::AssemblyaiJson, read.0, read.1)
    } else if let Some(segments) = whisper::read(&value) {
        (SourceFormat::WhisperJson, segments, Vec::new())
    } else {
        let mut error = ReadError::unsupported(
            "This JSON file is no transcript colloquy knows: it reads Whisper, WhisperX, AssemblyAI, Deepgram and Amazon Transcribe JSON.".to_owned(),
        );
        error.looks_like = Some("JSON");
        return Err(error);
    };
    vtt::write(&segments, format, notes, limits).map(Some)
}

fn too_deep(max: usize) -> ReadError {
    ReadError::new(
        ReadErrorKind::TooLarge,
        format!("This JSON file is too large to read: it is nested more than {max} levels deep."),
    )
}

/// How deep a value nests (a scalar is 0), without recursion.
fn depth(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 0usize)];
    while let Some((v, d)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(a) => Box::new(a.iter()),
            Value::Object(o) => Box::new(o.values()),
            _ => continue,
        };
        deepest = deepest.max(d + 1);
        stack.extend(children.map(|c| (c, d + 1)));
    }
    deepest
}

/// A string, or a number as text (`0` for Deepgram's speakers).
fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Seconds from a number or a numeric string (`"2.1"`, Amazon's times).
fn seconds(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The array at `key`, if it is one.
fn array<'v>(v: &'v Value, key: &str) -> Option<&'v Vec<Value>> {
    v.get(key)?.as_array()
}

/// A segment from its parts.
fn segment(speaker: Option<String>, start: Option<f64>, end: Option<f64>, text: String) -> Segment {
    Segment { speaker: speaker.filter(|s| !s.trim().is_empty()), start, end, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_nesting() {
        assert_eq!(depth(&serde_json::json!(1)), 0);
        assert_eq!(depth(&serde_json::json!([[1], {"a": [[]]}])), 3);
    }
}
