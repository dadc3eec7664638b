//! Amazon Transcribe: `results.audio_segments` (`speaker_label`, `start_time`, `end_time`,
//! `transcript`) where present; else `results.speaker_labels.segments`, each taking as
//! many of `results.items`' words as it lists (punctuation joins the word before it,
//! the other words are joined by spaces); else runs of items with the same
//! `speaker_label` (or `channel_label`); else `results.transcripts[0].transcript`,
//! unattributed. Times are strings of seconds (`"0.5"`).

use super::value::Value;
use super::{array, seconds, segment, text_of, Segment};

/// The segments and notes, if `value` has Amazon Transcribe's shape.
pub(super) fn read(value: &Value) -> Option<(Vec<Segment>, Vec<String>)> {
    let results = value.get("results")?;
    let known = ["audio_segments", "speaker_labels", "items", "transcripts"];
    if !known.iter().any(|k| results.get(k).is_some()) {
        return None;
    }
    let items = array(results, "items").map(Vec::as_slice).unwrap_or_default();
    if let Some(segments) = array(results, "audio_segments").filter(|s| !s.is_empty()) {
        let segments = segments
            .iter()
            .map(|s| {
                let text = text_of(s.get("transcript")).unwrap_or_default();
                segment(label(s), seconds(s.get("start_time")), seconds(s.get("end_time")), text)
            })
            .collect();
        return Some((segments, Vec::new()));
    }
    let labelled = results.get("speaker_labels").and_then(|l| array(l, "segments")).filter(|s| !s.is_empty());
    if let Some(labelled) = labelled {
        return Some((by_labels(labelled, items), Vec::new()));
    }
    if items.iter().any(|i| label(i).is_some()) {
        return Some((by_runs(items), Vec::new()));
    }
    let text = array(results, "transcripts")
        .and_then(|t| t.first())
        .and_then(|t| text_of(t.get("transcript")))
        .unwrap_or_else(|| words(items));
    let note = "the transcript has no speaker labels (Amazon Transcribe's speaker partitioning was off)".to_owned();
    Some((vec![segment(None, None, None, text)], vec![note]))
}

/// An item's or segment's speaker (`spk_0`), or its channel (`ch_0`).
fn label(v: &Value) -> Option<String> {
    text_of(v.get("speaker_label")).or_else(|| text_of(v.get("channel_label")))
}

fn is_punctuation(item: &Value) -> bool {
    item.get("type").and_then(Value::as_str) == Some("punctuation")
}

/// An item's best alternative.
fn content(item: &Value) -> Option<String> {
    text_of(array(item, "alternatives")?.first()?.get("content"))
}

/// Items' words joined: spaces between words, punctuation attached.
fn words(items: &[Value]) -> String {
    let mut text = String::new();
    for item in items {
        let Some(word) = content(item) else { continue };
        if !text.is_empty() && !is_punctuation(item) {
            text.push(' ');
        }
        text.push_str(&word);
    }
    text
}

/// Each labelled segment takes as many words from `items` as it lists, in order, and
/// the punctuation after them.
fn by_labels(labelled: &[Value], items: &[Value]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for s in labelled {
        let wanted = array(s, "items").map_or(0, Vec::len);
        let start = at;
        let mut taken = 0;
        while let Some(item) = items.get(at) {
            if !is_punctuation(item) {
                if taken == wanted {
                    break;
                }
                taken += 1;
            }
            at += 1;
        }
        let text = words(items.get(start..at).unwrap_or_default());
        out.push(segment(label(s), seconds(s.get("start_time")), seconds(s.get("end_time")), text));
    }
    out
}

/// Runs of items with the same label, each a segment.
fn by_runs(items: &[Value]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut run_start = 0;
    let mut current: Option<String> = None;
    let flush = |from: usize, to: usize, speaker: Option<String>, out: &mut Vec<Segment>| {
        let run = items.get(from..to).unwrap_or_default();
        if run.is_empty() {
            return;
        }
        let start = run.iter().find_map(|i| seconds(i.get("start_time")));
        let end = run.iter().rev().find_map(|i| seconds(i.get("end_time")));
        out.push(segment(speaker, start, end, words(run)));
    };
    for (i, item) in items.iter().enumerate() {
        // Punctuation carries no label: it stays with the run.
        let Some(speaker) = label(item).filter(|_| !is_punctuation(item)) else { continue };
        if current.as_ref() != Some(&speaker) {
            flush(run_start, i, current.take(), &mut out);
            run_start = i;
            current = Some(speaker);
        }
    }
    flush(run_start, items.len(), current, &mut out);
    out
}
