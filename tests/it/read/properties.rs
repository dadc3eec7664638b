//! Random diarised segments (random speakers, words and hostile punctuation) through
//! engine JSON and CSV: the analysis finds exactly the segments' speakers, turns and
//! words, counted naively.

use colloquy::{OffsetUnit, Options, Stream, StreamConfig};
use proptest::prelude::*;
use serde_json::json;

use super::engines::expected;
use super::{profile, read_ok};

/// Speakers as the engine names them, and as the analysis must name them.
const SPEAKERS: &[(Option<&str>, Option<&str>)] = &[
    (Some("Alice"), Some("Alice")),
    (Some("SPEAKER_01"), Some("SPEAKER_01")),
    (Some("Dr. Who"), Some("Dr. Who")),
    (Some("  spaced \n out "), Some("spaced out")),
    (Some("A>B"), Some("A\u{203A}B")),
    (Some("<i>"), Some("\u{2039}i\u{203A}")),
    (Some("Q"), Some("Q")),
    (None, None),
    (Some(""), None),
];

/// Words (letters) and pieces with no letter or digit, which are no words.
const WORDS: &[&str] = &["hello", "we", "budget", "Alice", "yes", "no", "Ünïcode", "мир", "BOB:", "why?"];
const NOISE: &[&str] = &["-->", ">>", "<", ">", "&", "&amp;", "<>", "--", "\n", "\n\n", "...", "</v>", ">>>"];

fn segment() -> impl Strategy<Value = (usize, Vec<String>)> {
    let piece = prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(str::to_owned),
        1 => proptest::sample::select(NOISE).prop_map(str::to_owned),
    ];
    (0..SPEAKERS.len(), proptest::collection::vec(piece, 0..8))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn json_and_csv_segments_are_the_turns(segments in proptest::collection::vec(segment(), 1..30)) {
        let given: Vec<(Option<String>, String)> = segments
            .iter()
            .map(|(s, words)| (SPEAKERS[*s].1.map(str::to_owned), words.join(" ")))
            .collect();
        let want = expected(&given);

        let whisper = json!({"segments": segments.iter().enumerate().map(|(i, (s, words))| {
            let mut seg = json!({"start": i, "end": i + 1, "text": words.join(" ")});
            if let Some(name) = SPEAKERS[*s].0 { seg["speaker"] = json!(name); }
            seg
        }).collect::<Vec<_>>()});
        let read = read_ok(whisper.to_string().as_bytes(), "w.json");
        prop_assert_eq!(profile(&read.text), want.clone(), "{}", read.text);

        let mut csv = String::from("speaker,start,end,text\n");
        for (i, (s, words)) in segments.iter().enumerate() {
            let quote = |f: &str| format!("\"{}\"", f.replace('"', "\"\""));
            csv.push_str(&format!("{},{i},{},{}\n", quote(SPEAKERS[*s].0.unwrap_or("")), i + 1, quote(&words.join(" "))));
        }
        let read = read_ok(csv.as_bytes(), "w.csv");
        prop_assert_eq!(profile(&read.text), want, "{}", read.text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The WebVTT of segments streams in small parts (cut at cue boundaries, unattributed
    /// voices included) to the same speakers, words and turns as one-shot analysis.
    #[test]
    fn read_segments_stream_in_parts(segments in proptest::collection::vec(segment(), 1..60), part in 64usize..600) {
        let whisper = json!({"segments": segments.iter().map(|(s, words)| {
            let mut seg = json!({"text": words.join(" ")});
            if let Some(name) = SPEAKERS[*s].0 { seg["speaker"] = json!(name); }
            seg
        }).collect::<Vec<_>>()});
        let read = read_ok(whisper.to_string().as_bytes(), "w.json");
        let mut stream = Stream::with_config(Options::default(), OffsetUnit::Utf8, StreamConfig { part_bytes: part, tail_bytes: 0 });
        stream.push(&read.text);
        let streamed = stream.finish();
        let mut got: Vec<_> = streamed.speakers.iter().map(|s| (s.name.clone(), s.words, s.turns)).collect();
        got.sort();
        prop_assert_eq!(got, profile(&read.text), "{}", read.text);
    }
}
