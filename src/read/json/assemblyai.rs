//! AssemblyAI: `{"utterances": [{"speaker": "A", "start": 250, "end": 2500, "text":
//! "Hi."}], "text": "…"}`, times in milliseconds. A speaker `A` is written `Speaker A`,
//! as AssemblyAI prints it. Without speaker labels (`"utterances": null`) the whole
//! `text` is one unattributed segment.

use super::value::Value;
use super::{seconds, segment, text_of, Segment};

/// The segments and notes, if `value` has AssemblyAI's shape.
pub(super) fn read(value: &Value) -> Option<(Vec<Segment>, Vec<String>)> {
    let utterances = value.get("utterances")?;
    if let Some(utterances) = utterances.as_array() {
        if !utterances.iter().all(|u| u.get("text").is_some_and(Value::is_string)) {
            return None;
        }
        let ms = |v: Option<&Value>| seconds(v).map(|ms| ms / 1000.0);
        let segments = utterances
            .iter()
            .map(|u| {
                let speaker = text_of(u.get("speaker")).map(|s| format!("Speaker {s}"));
                segment(speaker, ms(u.get("start")), ms(u.get("end")), text_of(u.get("text")).unwrap_or_default())
            })
            .collect();
        return Some((segments, Vec::new()));
    }
    // `utterances` is null: transcribed without speaker labels.
    let text = value.get("text")?.as_str()?;
    let note = "the transcript has no speaker labels (AssemblyAI's speaker_labels was off)".to_owned();
    Some((vec![segment(None, None, None, text.to_owned())], vec![note]))
}
