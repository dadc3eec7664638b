//! Per-speaker dynamics: talk time and share, pace, monologues, questions, interruptions.

#[cfg(feature = "serde")]
use serde::Serialize;

/// One speaker's dynamics. Time figures are `None` when the transcript has no time.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SpeakerDynamics {
    pub name: String,
    pub turns: usize,
    /// The words of their turns, as `Analysis.turns` counts them.
    pub words: usize,
    /// Of all turns' words; shares sum to 1.
    pub word_share: f64,
    /// The sum of their timed turns' lengths (ms).
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub speaking_ms: Option<u64>,
    /// Of all speakers' speaking time; shares sum to 1.
    pub time_share: Option<f64>,
    /// Words of their timed turns per minute of those turns.
    pub words_per_minute: Option<f64>,
    /// Their longest turn in words (a turn runs until another speaker's label).
    pub longest_monologue_words: usize,
    /// Their longest timed turn (ms).
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub longest_monologue_ms: Option<u64>,
    /// Their turns per minute of the whole's duration.
    pub turns_per_minute: Option<f64>,
    /// Their turns per 1,000 words of the whole.
    pub turns_per_thousand_words: Option<f64>,
    /// Mean silence (ms) between the end of another speaker's turn and the start of
    /// theirs, over their turns that follow one with a gap of zero or more (Gong's
    /// "patience"); with cues only (starts leave no silence to measure).
    pub mean_pause_before_ms: Option<f64>,
    pub questions_asked: usize,
    /// Questions of others they answered.
    pub questions_answered: usize,
    /// Mean words of their answers.
    pub mean_answer_words: Option<f64>,
    /// Interruptions they made and received (each interrupting turn once per pair of
    /// speakers, whatever marks it).
    pub interruptions_made: usize,
    pub interruptions_received: usize,
}

impl SpeakerDynamics {
    pub(crate) fn new(name: &str) -> SpeakerDynamics {
        SpeakerDynamics {
            name: name.to_owned(),
            turns: 0,
            words: 0,
            word_share: 0.0,
            speaking_ms: None,
            time_share: None,
            words_per_minute: None,
            longest_monologue_words: 0,
            longest_monologue_ms: None,
            turns_per_minute: None,
            turns_per_thousand_words: None,
            mean_pause_before_ms: None,
            questions_asked: 0,
            questions_answered: 0,
            mean_answer_words: None,
            interruptions_made: 0,
            interruptions_received: 0,
        }
    }
}

/// `part / whole`, `None` when the whole is zero.
pub(crate) fn ratio(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}
