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
//! The JSON is parsed by [`value`] (no recursion; nesting deeper than
//! [`ReadLimits::max_depth`] is refused as too large).

mod assemblyai;
mod aws;
mod deepgram;
mod value;
mod whisper;

pub(crate) use value::decimal;
use value::Value;

use super::vtt::{self, Segment};
use super::{ReadError, ReadErrorKind, ReadLimits, ReadText, Source, SourceFormat};

/// Reads `text` (which starts with `{` or `[`) as engine JSON. `Ok(None)`: not JSON,
/// and the name does not say JSON either, so it is plain text.
pub(crate) fn read(text: &str, source: &Source<'_>, limits: &ReadLimits) -> Result<Option<ReadText>, ReadError> {
    let claimed = source.says(SourceFormat::WhisperJson);
    let value = match value::parse(text, limits.max_depth) {
        Ok(value) => value,
        Err(value::Error::TooDeep) => return Err(too_deep(limits.max_depth)),
        Err(e) if claimed => {
            let why = match e {
                value::Error::At(at) => format!("it is not valid JSON (at byte {at})"),
                _ => "it ends early".to_owned(),
            };
            return Err(ReadError::damaged(SourceFormat::WhisperJson, &why));
        }
        Err(_) => return Ok(None),
    };
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

/// A string, or a number as text (`0` for Deepgram's speakers).
fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) | Value::Number(s) => Some(s.clone()),
        _ => None,
    }
}

/// Seconds from a number or a numeric string (`"2.1"`, Amazon's times).
fn seconds(v: Option<&Value>) -> Option<f64> {
    v?.as_f64()
}

/// The array at `key`, if it is one.
fn array<'v>(v: &'v Value, key: &str) -> Option<&'v Vec<Value>> {
    v.get(key)?.as_array()
}

/// A segment from its parts.
fn segment(speaker: Option<String>, start: Option<f64>, end: Option<f64>, text: String) -> Segment {
    Segment { speaker: speaker.filter(|s| !s.trim().is_empty()), start, end, text }
}
