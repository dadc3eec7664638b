//! Conversation dynamics (`Document::dynamics`): hand-computed fixtures in
//! `tests/fixtures/dynamics/`, the seed, and the invariants as properties.

use colloquy::{
    analyse, BinUnit, Counts, Document, Dynamics, DynamicsOptions, InterruptionKind, OffsetUnit, Options,
    SpeakerDynamics, Stream, StreamConfig, Timing,
};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/dynamics/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dynamics_of(text: &str, bins: usize) -> (Document, Dynamics) {
    let doc = Document::new(text.to_owned(), &Options::default());
    let d = doc.dynamics(&DynamicsOptions { bins });
    (doc, d)
}

fn speaker<'a>(d: &'a Dynamics, name: &str) -> &'a SpeakerDynamics {
    d.speakers.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no speaker {name}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Five cues, the second and third overlapping by a second; every figure by hand.
#[test]
fn timed_vtt_by_hand() {
    let (_, d) = dynamics_of(&fixture("meeting.vtt"), 3);
    assert_eq!(d.timing, Timing::Cues);
    assert_eq!((d.turns, d.words), (5, 32));
    // Ana [0, 4), Ben [4.5, 9), Cy [8, 12), Ana [13, 15), Cy [15, 21) seconds.
    assert_eq!(d.duration_ms, Some(21_000));
    assert_eq!(d.talk_ms, Some(19_500)); // 4 + 7.5 + 8
    assert_eq!(d.gap_ms, Some(1_500)); // 0.5 + 1
    assert_eq!(d.gaps, Some(2));
    assert_eq!(d.overlap_ms, Some(1_000)); // 20.5 summed − 19.5
    let names: Vec<&str> = d.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Cy", "Ana", "Ben"], "by words, then first appearance");
    let (ana, ben, cy) = (speaker(&d, "Ana"), speaker(&d, "Ben"), speaker(&d, "Cy"));
    assert_eq!((ana.speaking_ms, ben.speaking_ms, cy.speaking_ms), (Some(6_000), Some(4_500), Some(10_000)));
    assert_eq!((ana.words, ben.words, cy.words), (8, 8, 16));
    assert!(close(ana.time_share.unwrap(), 6.0 / 20.5) && close(cy.time_share.unwrap(), 10.0 / 20.5));
    assert!(close(ana.word_share, 0.25) && close(cy.word_share, 0.5));
    assert!(close(ana.words_per_minute.unwrap(), 80.0));
    assert!(close(ben.words_per_minute.unwrap(), 8.0 * 60_000.0 / 4_500.0));
    assert!(close(cy.words_per_minute.unwrap(), 96.0));
    assert_eq!((cy.longest_monologue_words, cy.longest_monologue_ms), (10, Some(6_000)));
    assert_eq!((ana.longest_monologue_words, ana.longest_monologue_ms), (6, Some(4_000)));
    assert!(close(cy.turns_per_minute.unwrap(), 2.0 / 0.35));
    // Pauses before a turn: Ben 0.5 s, Ana 1 s, Cy 0 s (his overlapping turn has none).
    assert_eq!(
        (ben.mean_pause_before_ms, ana.mean_pause_before_ms, cy.mean_pause_before_ms),
        (Some(500.0), Some(1_000.0), Some(0.0))
    );
    assert_eq!(d.switches, 4);
    assert!(close(d.switches_per_minute.unwrap(), 4.0 / 0.35));
    // The overlap is Cy coming in on Ben.
    assert_eq!(d.interruptions.len(), 1);
    let i = &d.interruptions[0];
    assert_eq!(
        (i.kind, i.interrupter.as_deref(), i.interrupted.as_deref(), i.turn),
        (InterruptionKind::Overlap, Some("Cy"), Some("Ben"), 2)
    );
    assert_eq!((ben.interruptions_received, cy.interruptions_made), (1, 1));
    // Three bins of 7 s: talk by speaker (Cy, Ana, Ben).
    assert_eq!(d.bins_by, BinUnit::Time);
    let ms: Vec<Option<u64>> = d.bins.iter().map(|b| b.ms).collect();
    assert_eq!(ms, [Some(6_500), Some(7_000), Some(7_000)]);
    assert_eq!(d.bins[0].time_shares.as_deref(), Some(&[0.0, 4.0 / 6.5, 2.5 / 6.5][..]));
    assert_eq!(d.bins[1].time_shares.as_deref(), Some(&[4.0 / 7.0, 1.0 / 7.0, 2.0 / 7.0][..]));
    assert_eq!(d.bins[2].time_shares.as_deref(), Some(&[6.0 / 7.0, 1.0 / 7.0, 0.0][..]));
    let words: f64 = d.bins.iter().map(|b| b.words).sum();
    assert!(close(words, 32.0));
    let times: Vec<(Option<u64>, Option<u64>)> = d.turn_times.iter().map(|t| (t.start_ms, t.end_ms)).collect();
    assert_eq!(times[1], (Some(4_500), Some(9_000)));
    assert!(d.turn_times.iter().all(|t| !t.end_inferred));
}

/// Two speakers in one cue (dialogue dashes) share its times: overlapping talk, but
/// no overlap event, since the cue does not say who came in on whom.
#[test]
fn one_cue_two_speakers() {
    let text =
        std::fs::read_to_string(format!("{}/tests/fixtures/formats/dialogue-dashes.srt", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_default();
    let (_, d) = dynamics_of(&text, 0);
    assert_eq!(d.timing, Timing::Cues);
    assert!(d.overlap_ms.is_some_and(|o| o > 0));
    assert!(d.interruptions.iter().all(|i| i.kind != InterruptionKind::Overlap), "{:?}", d.interruptions);
}

/// Words per turn and turn times equal what `Analysis.turns` reports.
#[test]
fn turns_agree_with_the_report() {
    for name in ["meeting.vtt", "questions.txt", "cutoffs.txt", "rev.txt", "otter.txt", "bracketed.txt"] {
        let (doc, d) = dynamics_of(&fixture(name), 10);
        let a = Counts::new(&doc).report(&Options::default().view);
        assert_eq!(a.turns.len(), d.turns, "{name}");
        assert_eq!(a.turns.iter().map(|t| t.words).sum::<usize>(), d.words, "{name}");
        for (t, time) in a.turns.iter().zip(&d.turn_times) {
            assert_eq!(t.start_ms, time.start_ms, "{name}");
        }
        let by_speaker: usize = d.speakers.iter().map(|s| s.words).sum();
        assert_eq!(by_speaker, d.words, "{name}");
    }
}

#[test]
fn questions_and_answers() {
    let (doc, d) = dynamics_of(&fixture("questions.txt"), 0);
    let pairs: Vec<(&str, Option<&str>, usize, usize)> = d
        .questions
        .iter()
        .map(|q| (q.asker.as_str(), q.answerer.as_deref(), q.question_words, q.answer_words))
        .collect();
    // Bob's two lines are one turn (7 words); Ann's second turn ends in a statement, so it
    // asks nothing; Bob's last question has no answer.
    assert_eq!(pairs, [("Ann", Some("Bob"), 5, 7), ("Cat", Some("Ann"), 4, 2), ("Bob", None, 3, 0)]);
    let q = &d.questions[0];
    let text = doc.text();
    assert_eq!(&text[q.question_start..q.question_end], "Ann: Where were you on Monday?");
    assert_eq!(&text[q.answer_start.unwrap()..q.answer_end.unwrap()], "Bob: At the depot.\nBob: I stayed until six.");
    assert_eq!((q.question_turn, q.answer_first_turn, q.answer_last_turn), (0, Some(1), Some(1)));
    // The texts are the speech alone: no labels, lines joined by a space.
    assert_eq!(q.question_text, "Where were you on Monday?");
    assert_eq!(q.answer_text.as_deref(), Some("At the depot. I stayed until six."));
    assert_eq!((d.questions[2].question_text.as_str(), d.questions[2].answer_text.as_deref()), ("Is that all?", None));
    assert_eq!(d.questions[2].answer_first_turn, None);
    let (ann, bob, cat) = (speaker(&d, "Ann"), speaker(&d, "Bob"), speaker(&d, "Cat"));
    assert_eq!((ann.questions_asked, ann.questions_answered, ann.mean_answer_words), (1, 1, Some(2.0)));
    assert_eq!((bob.questions_asked, bob.questions_answered, bob.mean_answer_words), (1, 1, Some(7.0)));
    assert_eq!((cat.questions_asked, cat.questions_answered, cat.mean_answer_words), (1, 0, None));
    assert_eq!(d.timing, Timing::None);
    assert!(d.bins.is_empty() && d.duration_ms.is_none() && bob.speaking_ms.is_none());
}

#[test]
fn cut_offs_and_crosstalk() {
    let (doc, d) = dynamics_of(&fixture("cutoffs.txt"), 0);
    let events: Vec<(InterruptionKind, &str, &str, usize, &str)> = d
        .interruptions
        .iter()
        .map(|i| {
            (
                i.kind,
                i.interrupter.as_deref().unwrap_or("-"),
                i.interrupted.as_deref().unwrap_or("-"),
                i.turn,
                &doc.text()[i.start..i.end],
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            (InterruptionKind::CutOff, "Bob", "Ann", 1, "--"),
            (InterruptionKind::Crosstalk, "Bob", "Ann", 1, "[crosstalk]"),
            (InterruptionKind::CutOff, "Bob", "Ann", 3, "--"),
            (InterruptionKind::CutOff, "Ann", "Bob", 4, "—"),
        ]
    );
    // The cut-off and the crosstalk at turn 1 are one interruption.
    let (ann, bob) = (speaker(&d, "Ann"), speaker(&d, "Bob"));
    assert_eq!((bob.interruptions_made, bob.interruptions_received), (2, 1));
    assert_eq!((ann.interruptions_made, ann.interruptions_received), (1, 2));
}

#[test]
fn transition_matrix() {
    let (_, d) = dynamics_of(&fixture("transitions.txt"), 0);
    // Ann Bob Ann Cat Ann Bob Cat; speakers by words (one each), then first appearance.
    let names: Vec<&str> = d.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Bob", "Cat"]);
    let cells: Vec<(usize, usize, usize, f64)> =
        d.transitions.iter().map(|c| (c.from, c.to, c.count, c.share)).collect();
    assert_eq!(cells, [(0, 1, 2, 2.0 / 3.0), (0, 2, 1, 1.0 / 3.0), (1, 0, 1, 0.5), (1, 2, 1, 0.5), (2, 0, 1, 1.0)]);
    for (k, s) in d.speakers.iter().enumerate() {
        let row: usize = d.transitions.iter().filter(|c| c.from == k).map(|c| c.count).sum();
        let last = usize::from(s.name == "Cat");
        assert_eq!(row, s.turns - last, "{}", s.name);
    }
    assert_eq!(d.switches, 6);
    assert!(close(d.switches_per_thousand_words.unwrap(), 6.0 * 1000.0 / 7.0));
    assert!(close(speaker(&d, "Ann").turns_per_thousand_words.unwrap(), 3.0 * 1000.0 / 7.0));
}

/// Rev, Otter and `[hh:mm:ss]` labels give starts; a turn ends where the next begins.
#[test]
fn label_starts() {
    for (name, last) in [("rev.txt", 62_500), ("otter.txt", 62_000), ("bracketed.txt", 62_000)] {
        let (_, d) = dynamics_of(&fixture(name), 4);
        assert_eq!(d.timing, Timing::Starts, "{name}");
        let times: Vec<(Option<u64>, Option<u64>, bool)> =
            d.turn_times.iter().map(|t| (t.start_ms, t.end_ms, t.end_inferred)).collect();
        assert_eq!(
            times,
            [(Some(3_000), Some(9_000), true), (Some(9_000), Some(last), true), (Some(last), None, false)],
            "{name}"
        );
        assert_eq!(d.duration_ms, Some(last - 3_000), "{name}");
        assert_eq!((d.gap_ms, d.overlap_ms), (Some(0), Some(0)), "{name}");
        let theo = speaker(&d, "Theo Vance");
        assert_eq!(theo.speaking_ms, Some(last - 9_000), "{name}");
        // Mara's last turn has no end: only her first counts for time.
        assert_eq!(speaker(&d, "Mara Quinn").speaking_ms, Some(6_000), "{name}");
        assert_eq!(d.bins_by, BinUnit::Time);
        assert!(speaker(&d, "Mara Quinn").mean_pause_before_ms.is_none());
    }
}

/// An inline timestamp before a turn's first word is its start; one after a word is not.
#[test]
fn inline_timestamps_at_a_turn_start() {
    let text = "Ann: (00:12) Hello there.\nBob:\n[00:00:20] Hi, and (00:25) welcome.\nAnn: Thanks (00:40).\n";
    let (doc, d) = dynamics_of(text, 0);
    let starts: Vec<Option<u64>> = doc.transcript().turns.iter().map(|t| t.start_ms).collect();
    assert_eq!(starts, [Some(12_000), Some(20_000), None]);
    assert_eq!(d.timing, Timing::Starts);
    assert_eq!(d.turn_times[0].end_ms, Some(20_000));
}

/// `Q.` labels ask, whatever their punctuation; `A.` answers.
#[test]
fn q_and_a_labels() {
    let text = "Q. You were there that night.\nA. I was.\nQ. And you saw him.\nA. No.\nQ. Not once.\nA. Never once.\nQ. Nothing further.\n";
    let (_, d) = dynamics_of(text, 0);
    let pairs: Vec<(&str, Option<&str>, usize)> =
        d.questions.iter().map(|q| (q.asker.as_str(), q.answerer.as_deref(), q.answer_words)).collect();
    assert_eq!(pairs, [("Q", Some("A"), 2), ("Q", Some("A"), 1), ("Q", Some("A"), 2), ("Q", None, 0)]);
}

/// The seed: five questions by `Question`, each answered by Sergey Lavrov with one turn.
#[test]
fn seed_questions() {
    let seed = include_str!("../fixtures/mfa-cis-press-conference-2024-04-12.txt");
    let (_, d) = dynamics_of(seed, 20);
    let a = analyse(seed, &Options::default());
    let asked: Vec<_> = d.questions.iter().filter(|q| q.asker == "Question").collect();
    assert_eq!(asked.len(), 5);
    for q in &asked {
        assert_eq!(q.answerer.as_deref(), Some("Sergey Lavrov"));
        let (first, last) = (q.answer_first_turn.unwrap(), q.answer_last_turn.unwrap());
        assert_eq!(first, last);
        assert_eq!(a.turns[first].speaker, "Sergey Lavrov");
        assert_eq!(q.answer_words, a.turns[first].words);
        assert_eq!(q.question_words, a.turns[q.question_turn].words);
    }
    let lavrov = speaker(&d, "Sergey Lavrov");
    assert_eq!(lavrov.questions_answered, 5);
    let answered: usize = asked.iter().map(|q| q.answer_words).sum();
    let lavrov_words: usize = a.turns.iter().filter(|t| t.speaker == "Sergey Lavrov").map(|t| t.words).sum();
    assert_eq!(answered, lavrov_words, "his five turns are the five answers");
    assert_eq!(d.timing, Timing::None);
    assert_eq!(d.bins.len(), 20);
    assert!(d.bins.iter().all(|b| close(b.word_shares.iter().sum(), 1.0)));
}

/// Hostile shapes: many speakers, many empty turns, broken and backwards times, a
/// regression corpus. Never a panic; spans valid; invariants hold.
#[test]
fn bad_inputs() {
    let mut texts = vec![
        String::new(),
        "   \n\n".to_owned(),
        (0..10_000).map(|i| format!("Speaker {i}: one two three four.\n")).collect::<String>(),
        "Ann:\n".repeat(50_000),
        "Ann:\nBob:\n".repeat(20_000),
        "WEBVTT\n\n00:00:09.000 --> 00:00:01.000\n<v Ann>Backwards.\n\n00:99:00.000 --> 01:00:00.000\n<v Bob>Out of range.\n\n00:00:05.000 --> 00:00:06.000\nNo voice...\n".to_owned(),
        "Ann (09:00): Late.\nBob (00:01): Early?\nAnn (00:00): Earlier--\nBob: Untimed.\n".to_owned(),
        "[crosstalk]\n(CROSSTALK)\nAnn: [overlapping] --\n".to_owned(),
    ];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz-regressions");
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        texts.push(String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap_or_default()).into_owned());
    }
    for text in &texts {
        for bins in [0, 1, 20, 5_000] {
            let (_, d) = dynamics_of(text, bins);
            check_invariants(&d);
            assert!(d.bins.len() <= colloquy::MAX_BINS);
            assert!(d.bins.len() * d.speakers.len() <= colloquy::MAX_BIN_SHARES.max(d.speakers.len()));
            for q in &d.questions {
                assert!(text.get(q.question_start..q.question_end).is_some());
                assert!(q.answer_start.zip(q.answer_end).is_none_or(|(s, e)| text.get(s..e).is_some()));
            }
            for i in &d.interruptions {
                assert!(text.get(i.start..i.end).is_some() && i.turn < d.turns.max(1));
            }
        }
    }
}

/// A random transcript: labelled turns, some timed (Rev labels), some cut off or asking.
fn transcript() -> impl Strategy<Value = String> {
    let turn = (0usize..4, 0usize..6, prop::option::of(0u64..50), 0usize..4);
    prop::collection::vec(turn, 0..20).prop_map(|turns| {
        let mut out = String::new();
        let mut at = 0u64;
        for (speaker, words, step, end) in turns {
            let name = ["Ann", "Bob", "Cat", "Dev"][speaker];
            let label = match step {
                Some(step) => {
                    at += step;
                    format!("{name} ({:02}:{:02}):", at / 60, at % 60)
                }
                None => format!("{name}:"),
            };
            let body: Vec<&str> = ["so", "we", "went", "home", "late", "again"].into_iter().take(words).collect();
            out.push_str(&format!("{label} {}{}\n", body.join(" "), [".", "?", "--", "..."][end]));
        }
        out
    })
}

/// Random timed cues: (speaker, start offset, length) in ms.
fn cues() -> impl Strategy<Value = String> {
    prop::collection::vec((0usize..3, 0u64..4_000, 0u64..6_000, 1usize..5), 1..15).prop_map(|cues| {
        let mut out = String::from("WEBVTT\n\n");
        let mut at = 0u64;
        let time =
            |ms: u64| format!("{:02}:{:02}:{:02}.{:03}", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
        for (speaker, step, len, words) in cues {
            at += step;
            let body: Vec<&str> = ["one", "two", "three", "four"].into_iter().take(words).collect();
            out.push_str(&format!(
                "{} --> {}\n<v {}>{}.\n\n",
                time(at),
                time(at + len),
                ["Ann", "Bob", "Cat"][speaker],
                body.join(" ")
            ));
        }
        out
    })
}

fn check_invariants(d: &Dynamics) {
    // Speaking time: Σ speakers = duration − gaps + overlap (overlap counted per extra turn).
    if let (Some(duration), Some(gap), Some(overlap)) = (d.duration_ms, d.gap_ms, d.overlap_ms) {
        let spoken: u64 = d.speakers.iter().filter_map(|s| s.speaking_ms).sum();
        assert_eq!(spoken, duration - gap + overlap);
        assert_eq!(d.talk_ms, Some(duration - gap));
    }
    // Transitions: turns − 1 in all; each row the speaker's turns that have a successor.
    let total: usize = d.transitions.iter().map(|c| c.count).sum();
    assert_eq!(total, d.turns.saturating_sub(1));
    let same: usize = d.transitions.iter().filter(|c| c.from == c.to).map(|c| c.count).sum();
    assert_eq!(d.switches, total - same);
    for (k, s) in d.speakers.iter().enumerate() {
        let row: Vec<_> = d.transitions.iter().filter(|c| c.from == k).collect();
        let followed: usize = row.iter().map(|c| c.count).sum();
        assert!(followed == s.turns || followed + 1 == s.turns, "a row is the speaker's turns, but the last");
        let shares: f64 = row.iter().map(|c| c.share).sum();
        assert!(row.is_empty() || (shares - 1.0).abs() < 1e-9);
    }
    // Bins: shares sum to 1, or are all zero with no words (no talk).
    for b in &d.bins {
        let sum: f64 = b.word_shares.iter().sum();
        if b.words > 0.0 {
            assert!((sum - 1.0).abs() < 1e-9, "{sum}");
        } else {
            assert!(b.word_shares.iter().all(|&s| s == 0.0));
        }
        if let (Some(ms), Some(shares)) = (b.ms, &b.time_shares) {
            let sum: f64 = shares.iter().sum();
            assert!(if ms > 0 { (sum - 1.0).abs() < 1e-9 } else { sum == 0.0 }, "{sum}");
        }
    }
    let shares: f64 = d.speakers.iter().map(|s| s.word_share).sum();
    assert!(d.words == 0 || (shares - 1.0).abs() < 1e-9);
    for q in &d.questions {
        assert!(q.answer_first_turn.is_none() || q.answer_words > 0 || q.answerer.is_some());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn invariants_of_labelled_text(text in transcript(), bins in 0usize..30) {
        let (_, d) = dynamics_of(&text, bins);
        check_invariants(&d);
        prop_assert_eq!(d.bins.len(), bins);
        prop_assert_eq!(&d, &dynamics_of(&text, bins).1, "deterministic");
    }

    /// Timed labels stream in parts to the one-shot turns and times (`Analysis.turns`);
    /// the dynamics themselves come from a `Document`, never from a stream.
    #[test]
    fn timed_turns_stream_as_one_shot(
        text in transcript(),
        cuts in prop::collection::vec(0.0f64..1.0, 0..8),
        part in 1usize..120,
    ) {
        let options = Options::default();
        let config = StreamConfig { part_bytes: part, tail_bytes: 0 };
        let mut s = Stream::with_config(options.clone(), OffsetUnit::Utf8, config);
        for c in crate::stream::chunks(&text, &cuts) {
            s.push(c);
        }
        let streamed = s.finish();
        let whole = analyse(&text, &options);
        prop_assert_eq!(&streamed.turns, &whole.turns);
        let (_, d) = dynamics_of(&text, 0);
        let starts: Vec<Option<u64>> = d.turn_times.iter().map(|t| t.start_ms).collect();
        let reported: Vec<Option<u64>> = whole.turns.iter().map(|t| t.start_ms).collect();
        prop_assert_eq!(starts, reported);
    }

    #[test]
    fn invariants_of_cues(text in cues(), bins in 0usize..30) {
        let (_, d) = dynamics_of(&text, bins);
        prop_assert_eq!(d.timing, Timing::Cues);
        check_invariants(&d);
        prop_assert_eq!(&d, &dynamics_of(&text, bins).1, "deterministic");
    }
}
