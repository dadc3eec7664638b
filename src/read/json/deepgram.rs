//! Deepgram: `{"results": {"utterances": [{"speaker": 0, "start": 0.1, "end": 2.5,
//! "transcript": "Hi."}]}}` (`utterances=true`); else the paragraphs of the first
//! channel's first alternative (`paragraphs.paragraphs[]` with `speaker` and
//! `sentences[].text`); else each channel's transcript. A speaker `0` is written
//! `Speaker 0`.

use super::value::Value;
use super::{array, seconds, segment, text_of, Segment};

/// The segments and notes, if `value` has Deepgram's shape.
pub(super) fn read(value: &Value) -> Option<(Vec<Segment>, Vec<String>)> {
    let results = value.get("results")?;
    let channels = array(results, "channels");
    let utterances = array(results, "utterances");
    if channels.is_none() && utterances.is_none() {
        return None;
    }
    let speaker = |v: &Value| text_of(v.get("speaker")).map(|s| format!("Speaker {s}"));
    if let Some(utterances) = utterances {
        let segments = utterances
            .iter()
            .map(|u| {
                let text = text_of(u.get("transcript")).unwrap_or_default();
                segment(speaker(u), seconds(u.get("start")), seconds(u.get("end")), text)
            })
            .collect();
        return Some((segments, Vec::new()));
    }
    let channels = channels?;
    let best = |c: &Value| array(c, "alternatives").and_then(|a| a.first()).cloned();
    let paragraphs = channels
        .first()
        .and_then(best)
        .and_then(|alt| alt.get("paragraphs").and_then(|p| p.get("paragraphs")).and_then(Value::as_array).cloned());
    if let Some(paragraphs) = paragraphs {
        let segments = paragraphs
            .iter()
            .map(|p| {
                let sentences = array(p, "sentences").map(Vec::as_slice).unwrap_or_default();
                let text: Vec<String> = sentences.iter().filter_map(|s| text_of(s.get("text"))).collect();
                segment(speaker(p), seconds(p.get("start")), seconds(p.get("end")), text.join(" "))
            })
            .collect();
        return Some((segments, Vec::new()));
    }
    // No utterances, no paragraphs: each channel's transcript (a channel per speaker
    // when there are several).
    let several = channels.len() > 1;
    let segments = channels
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let text = text_of(best(c)?.get("transcript"))?;
            Some(segment(several.then(|| format!("Channel {i}")), None, None, text))
        })
        .collect();
    let note = "the transcript has no utterances or paragraphs, so no speaker turns (Deepgram's diarize and utterances were off)";
    Some((segments, vec![note.to_owned()]))
}
