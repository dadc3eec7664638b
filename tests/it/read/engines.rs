//! Engines' JSON and CSV built from [`TRANSCRIPT`] in each documented shape: the
//! speakers, turns and words are the segments', taken as given.

use colloquy::read::SourceFormat;
use serde_json::json;

use super::{profile, read_ok, TRANSCRIPT};

/// What the analysis must find for segments `(speaker, text)`: each speaker's words
/// (whitespace-separated pieces with a letter or digit) and turns (runs of
/// segments with text, a turn of no words included).
pub fn expected(segments: &[(Option<String>, String)]) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    let mut last: Option<String> = None;
    for (speaker, text) in segments {
        let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        if text.trim().is_empty() {
            continue;
        }
        let name = speaker.clone().unwrap_or_else(|| "(unattributed)".to_owned());
        let new_turn = last.as_ref() != Some(&name);
        last = Some(name.clone());
        match out.iter_mut().find(|(n, _, _)| *n == name) {
            Some(entry) => {
                entry.1 += words;
                entry.2 += usize::from(new_turn);
            }
            None => out.push((name, words, 1)),
        }
    }
    out.sort();
    out
}

/// The transcript's segments with speakers named by `name`.
fn segments(name: impl Fn(usize) -> String) -> Vec<(Option<String>, String)> {
    let speakers = ["Alice", "Bob", "Carol"];
    TRANSCRIPT
        .iter()
        .map(|(who, said)| {
            let i = speakers.iter().position(|s| s == who).unwrap_or(0);
            (Some(name(i)), (*said).to_owned())
        })
        .collect()
}

fn check(bytes: &[u8], name: &str, format: SourceFormat, segments: &[(Option<String>, String)]) -> String {
    let read = read_ok(bytes, name);
    assert_eq!(read.source, format, "{name}");
    assert_eq!(profile(&read.text), expected(segments), "{name}: {}", read.text);
    read.text
}

#[test]
fn whisperx() {
    let segs = segments(|i| format!("SPEAKER_{i:02}"));
    let json = json!({
        "segments": segs.iter().enumerate().map(|(i, (s, t))| json!({
            "start": i as f64 * 2.5, "end": i as f64 * 2.5 + 2.0, "text": format!(" {t}"), "speaker": s,
            "words": [{"word": "x", "start": 0.0, "end": 0.1, "score": 0.9}]
        })).collect::<Vec<_>>(),
        "word_segments": []
    });
    let text = check(json.to_string().as_bytes(), "talk.json", SourceFormat::WhisperJson, &segs);
    snapshot!("whisperx", text);
}

#[test]
fn assemblyai() {
    let letters = ["A", "B", "C"];
    let segs = segments(|i| format!("Speaker {}", letters[i]));
    let json = json!({
        "id": "x", "status": "completed", "text": "…",
        "utterances": TRANSCRIPT.iter().enumerate().map(|(i, (who, t))| {
            let s = ["Alice", "Bob", "Carol"].iter().position(|n| n == who).unwrap_or(0);
            json!({"speaker": letters[s], "start": i * 2500, "end": i * 2500 + 2000, "text": t, "confidence": 0.9, "words": []})
        }).collect::<Vec<_>>()
    });
    check(json.to_string().as_bytes(), "talk.json", SourceFormat::AssemblyaiJson, &segs);
}

#[test]
fn deepgram_utterances_and_paragraphs() {
    let segs = segments(|i| format!("Speaker {i}"));
    let speaker = |who: &str| ["Alice", "Bob", "Carol"].iter().position(|n| *n == who).unwrap_or(0);
    let utterances = json!({"metadata": {}, "results": {
        "channels": [{"alternatives": [{"transcript": "…", "words": []}]}],
        "utterances": TRANSCRIPT.iter().enumerate().map(|(i, (who, t))| json!({
            "start": i as f64, "end": i as f64 + 0.9, "confidence": 0.9, "channel": 0,
            "transcript": t, "words": [], "speaker": speaker(who), "id": "u"
        })).collect::<Vec<_>>()
    }});
    check(utterances.to_string().as_bytes(), "dg.json", SourceFormat::DeepgramJson, &segs);
    let paragraphs = json!({"results": {"channels": [{"alternatives": [{"transcript": "…", "paragraphs": {
        "transcript": "…",
        "paragraphs": TRANSCRIPT.iter().map(|(who, t)| json!({
            "speaker": speaker(who), "start": 0.0, "end": 1.0, "num_words": 3,
            "sentences": t.split_inclusive(". ").map(|s| json!({"text": s.trim(), "start": 0.0, "end": 1.0})).collect::<Vec<_>>()
        })).collect::<Vec<_>>()
    }}]}]}});
    check(paragraphs.to_string().as_bytes(), "dg.json", SourceFormat::DeepgramJson, &segs);
}

/// Amazon Transcribe's items for a text: a pronunciation per word, punctuation apart.
fn aws_items(text: &str, speaker: &str, t0: f64, labelled: bool) -> Vec<serde_json::Value> {
    let mut items = Vec::new();
    for (k, word) in text.split_whitespace().enumerate() {
        let bare = word.trim_end_matches(['.', ',', '?']);
        let start = format!("{:.2}", t0 + k as f64 * 0.1);
        let mut item = json!({"start_time": start, "end_time": start, "type": "pronunciation",
            "alternatives": [{"confidence": "0.99", "content": bare}]});
        if labelled {
            item["speaker_label"] = json!(speaker);
        }
        items.push(item);
        if let Some(p) = word.get(bare.len()..).filter(|p| !p.is_empty()) {
            items.push(json!({"type": "punctuation", "alternatives": [{"confidence": "0.0", "content": p}]}));
        }
    }
    items
}

#[test]
fn aws_transcribe_speaker_labels_items_and_audio_segments() {
    let segs = segments(|i| format!("spk_{i}"));
    let mut items = Vec::new();
    let mut labelled = Vec::new();
    for (i, (speaker, text)) in segs.iter().enumerate() {
        let speaker = speaker.as_deref().unwrap_or("");
        let mine = aws_items(text, speaker, i as f64 * 10.0, false);
        let words: Vec<_> = mine
            .iter()
            .filter(|i| i["type"] == "pronunciation")
            .map(|i| json!({"start_time": i["start_time"], "end_time": i["end_time"], "speaker_label": speaker}))
            .collect();
        labelled.push(json!({"start_time": format!("{}.0", i * 10), "end_time": format!("{}.9", i * 10), "speaker_label": speaker, "items": words}));
        items.extend(mine);
    }
    let old = json!({"jobName": "j", "results": {"transcripts": [{"transcript": "…"}],
        "speaker_labels": {"speakers": 3, "segments": labelled}, "items": items}});
    let text = check(old.to_string().as_bytes(), "aws.json", SourceFormat::AwsTranscribeJson, &segs);
    assert!(text.contains("<v spk_0>Good morning, everyone. Thanks for coming in today.\n"), "{text}");

    let audio = json!({"results": {"transcripts": [{"transcript": "…"}], "items": [],
        "audio_segments": segs.iter().enumerate().map(|(i, (s, t))| json!({"id": i, "transcript": t, "start_time": "1.0", "end_time": "2.0", "speaker_label": s, "items": [i]})).collect::<Vec<_>>()}});
    check(audio.to_string().as_bytes(), "aws.json", SourceFormat::AwsTranscribeJson, &segs);

    let mut items = Vec::new();
    for (i, (speaker, text)) in segs.iter().enumerate() {
        items.extend(aws_items(text, speaker.as_deref().unwrap_or(""), i as f64, true));
    }
    let runs = json!({"results": {"transcripts": [{"transcript": "…"}], "items": items}});
    check(runs.to_string().as_bytes(), "aws.json", SourceFormat::AwsTranscribeJson, &segs);
}

#[test]
fn csv_with_speaker_and_text_columns() {
    let segs = segments(|i| ["Alice", "Bob", "Carol"][i].to_owned());
    let mut csv = String::from("Start Time,Speaker,Text,End\n");
    for (i, (s, t)) in segs.iter().enumerate() {
        csv.push_str(&format!(
            "00:00:{:02}.500,{},\"{}\",{}\n",
            i * 3,
            s.as_deref().unwrap_or(""),
            t.replace('"', "\"\""),
            i * 3 + 2
        ));
    }
    let text = check(csv.as_bytes(), "talk.csv", SourceFormat::Csv, &segs);
    snapshot!("csv", text);
    assert_eq!(profile(&text), profile(&super::plain()));
    let tsv = "participant\tutterance\nAlice\tHi there.\nBob\tHello.\n";
    assert_eq!(read_ok(tsv.as_bytes(), "x.tsv").source, SourceFormat::Csv);
}

#[test]
fn segments_without_speaker_time_or_text() {
    let json = br#"{"segments":[{"text":"Hello there."},{"text":"  ","speaker":"A"},{"start":1,"end":2,"text":"Yes.","speaker":"B"},{"start":3,"end":4,"text":"Yes.","speaker":"B"},{"start":5,"end":6,"text":"Yes.","speaker":"A"}]}"#;
    let read = read_ok(json, "w.json");
    assert_eq!(
        read.text,
        "WEBVTT\n\n00:00:00.000 --> 00:00:00.000\n<v (unattributed)>Hello there.\n\n00:00:01.000 --> 00:00:02.000\n<v B>Yes.\n\n00:00:03.000 --> 00:00:04.000\n<v B>Yes.\n\n00:00:05.000 --> 00:00:06.000\n<v A>Yes.\n"
    );
    assert_eq!(
        read.notes,
        [
            "left out 1 segment without text",
            "1 segment had no speaker: their words are (unattributed)",
            "1 segment had no times: their cues are at 00:00:00.000"
        ]
    );
    let analysis = colloquy::analyse(&read.text, &colloquy::Options::default());
    let unattributed = analysis.speakers.iter().find(|s| !s.attributed).map(|s| s.words);
    assert_eq!(unattributed, Some(2));
    assert_eq!(
        profile(&read.text),
        [("(unattributed)".to_owned(), 2, 1), ("A".to_owned(), 1, 1), ("B".to_owned(), 2, 1)]
    );
}

#[test]
fn hostile_text_and_names_stay_in_their_cue() {
    let json = json!({"segments": [
        {"speaker": "A>B\nC", "text": "x --> y <i>tagged</i> >> BOB: not a label & <v Eve>no voice"},
        {"speaker": "Bob", "text": "line one\n\nline two\nWEBVTT\n00:00:01.000 --> 00:00:02.000 NOTE"},
        {"speaker": "<script>", "text": "a &amp; b"}
    ]});
    let read = read_ok(json.to_string().as_bytes(), "x.json");
    let analysis = colloquy::analyse(&read.text, &colloquy::Options::default());
    let speakers: Vec<(&str, usize)> = analysis.speakers.iter().map(|s| (s.name.as_str(), s.turns)).collect();
    let mut names: Vec<&str> = speakers.iter().map(|(n, _)| *n).collect();
    names.sort_unstable();
    assert_eq!(names, ["A\u{203A}B C", "Bob", "\u{2039}script\u{203A}"], "{}", read.text);
    assert!(speakers.iter().all(|(_, turns)| *turns == 1), "{speakers:?}");
    assert_eq!(analysis.summary.turns, 3);
    let words = |name: &str| analysis.speakers.iter().find(|s| s.name == name).map_or(0, |s| s.words);
    assert!(words("Bob") >= 5 && words("\u{2039}script\u{203A}") >= 2, "{}", read.text);
    assert!(read.text.lines().filter(|l| l.contains("-->")).count() == 3, "{}", read.text);
}

#[test]
fn unknown_json_and_csv_shapes_are_refused() {
    use colloquy::read::{read, ReadErrorKind, ReadLimits, Source};
    let limits = ReadLimits::default();
    let e = read(&Source::named(br#"{"name": "not a transcript"}"#, "x.json"), &limits).unwrap_err();
    assert_eq!(e.kind, ReadErrorKind::Unsupported);
    let e = read(&Source::named(b"a,b\n1,2\n", "x.csv"), &limits).unwrap_err();
    assert_eq!(e.kind, ReadErrorKind::Unsupported);
    // A broken .json file is damaged; the same bytes without the name are text.
    let e = read(&Source::named(br#"{"segments": [{"text": "#, "x.json"), &limits).unwrap_err();
    assert_eq!((e.kind, e.message.as_str()), (ReadErrorKind::Damaged, "This JSON file is damaged: it ends early."));
    let text = read(&Source::new(b"[00:01] Alice: Hi."), &limits).map(|r| r.source);
    assert_eq!(text.ok(), Some(SourceFormat::Text));
}

#[test]
fn engines_without_diarisation_say_so_once() {
    let json =
        br#"{"metadata":{},"results":{"channels":[{"alternatives":[{"transcript":"hello there how are you"}]}]}}"#;
    let read = read_ok(json, "dg.json");
    assert_eq!(read.source, SourceFormat::DeepgramJson);
    assert_eq!(read.notes.len(), 1, "{:?}", read.notes);
    assert_eq!(profile(&read.text), [("(unattributed)".to_owned(), 5, 1)]);
    let json = br#"{"id":"x","text":"Hello there.","utterances":null}"#;
    let read = read_ok(json, "aai.json");
    assert_eq!((read.source, read.notes.len()), (SourceFormat::AssemblyaiJson, 1));
    let json = br#"{"jobName":"j","results":{"transcripts":[{"transcript":"Hello there."}],"items":[]}}"#;
    let read = read_ok(json, "aws.json");
    assert_eq!((read.source, read.notes.len()), (SourceFormat::AwsTranscribeJson, 1));
}
