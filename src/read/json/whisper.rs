//! Whisper and WhisperX: `{"segments": [{"start": 0.0, "end": 2.5, "text": " Hi.",
//! "speaker": "SPEAKER_00"}]}` (WhisperX adds `speaker` after diarisation), or a bare
//! array of segments with `text`.

use super::value::Value;
use super::{seconds, segment, text_of, Segment};

/// The segments, if `value` has Whisper's shape.
pub(super) fn read(value: &Value) -> Option<Vec<Segment>> {
    let segments = match value {
        Value::Array(items) if !items.is_empty() => items,
        Value::Object(_) => value.get("segments")?.as_array()?,
        _ => return None,
    };
    if !segments.iter().all(|s| s.get("text").is_some_and(Value::is_string)) {
        return None;
    }
    let segments = segments
        .iter()
        .map(|s| {
            segment(
                text_of(s.get("speaker")),
                seconds(s.get("start")),
                seconds(s.get("end")),
                text_of(s.get("text")).unwrap_or_default(),
            )
        })
        .collect();
    Some(segments)
}
