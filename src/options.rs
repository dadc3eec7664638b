//! Options: one Config struct per concern, all with sensible defaults.

/// Which transcript format to read. `Auto` detects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Format {
    #[default]
    Auto,
    /// Plain text with speaker labels (`Name: text`, `NAME:` lines, Rev, Otter, …).
    Text,
    /// WebVTT captions.
    Vtt,
    /// SubRip captions.
    Srt,
}

/// An explicit speaker alias: label `from` is speaker `to`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Alias {
    pub from: String,
    pub to: String,
}

/// Which ends of the text may hold page furniture. A part of a longer text
/// (see [`crate::Stream`]) only has the ends the whole text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ends {
    pub start: bool,
    pub end: bool,
}

impl Default for Ends {
    fn default() -> Self {
        Ends { start: true, end: true }
    }
}

/// How to read the transcript.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParseOptions {
    pub format: Format,
    /// Keep a trailing or leading block of page furniture in the counts.
    pub keep_furniture: bool,
    /// A regex matched at the start of each line; it replaces label detection.
    /// The speaker is the group named `speaker`, else group 1, else the match.
    pub label_pattern: Option<String>,
    /// Label `from` is speaker `to`. `from` may be `(unattributed)` to give the text
    /// before the first label to a speaker.
    pub aliases: Vec<Alias>,
    /// Where to look for page furniture (both ends by default).
    pub ends: Ends,
    /// In a script, keep parentheses and brackets inside speech as speech (by default
    /// they are stage directions there).
    pub keep_script_directions: bool,
    /// Credit a joint speaker's words (`Ross and Rachel:`) to each named speaker, who
    /// all said them; by default the joint speaker is one speaker, as printed.
    pub split_joint_speakers: bool,
}

/// How to cut speech into tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TokenizeOptions {
    /// Split hyphenated compounds (`post-Soviet` → `post`, `soviet`).
    pub split_hyphens: bool,
}

/// Which stopwords the term and phrase views leave out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Stopwords {
    /// The list for the detected language, if there is one.
    #[default]
    Auto,
    /// Keep every word.
    None,
    /// An ISO 639-1 code such as `en` or `ru`.
    Language(String),
    /// Exactly these words.
    Custom(Vec<String>),
}

/// Whom each speaker's distinctive words are measured against.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Reference {
    /// Everyone else: every speaker not left out, the speaker excepted.
    #[default]
    Others,
    /// These speakers (one, or a group), by name; a speaker of the group is measured
    /// against the rest of it.
    Speakers(Vec<String>),
}

/// How distinctive words are compared: against whom, without whom, and how much the
/// Fightin' Words prior weighs (see `docs/analyses.md`).
///
/// ```
/// use colloquy::{Comparison, Reference};
/// let c = Comparison { against: Reference::Speakers(vec!["TRUMP".into()]), leave_out: vec!["HOLT".into()], ..Comparison::default() };
/// assert_eq!(c.prior_weight, colloquy::DEFAULT_PRIOR_WEIGHT);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub against: Reference,
    /// Speakers left out of the comparison: they get no distinctive words and their
    /// words are neither in anyone's reference nor in the prior. A name that is no
    /// speaker's is said in a diagnostic.
    pub leave_out: Vec<String>,
    /// The prior's total weight a₀ as a share of the compared words (`nᵢ + nⱼ`):
    /// 0.1 by default, so the prior weighs a tenth of the evidence. Must be finite and
    /// above 0 ([`check_prior_weight`]).
    pub prior_weight: f64,
}

/// The default [`Comparison::prior_weight`]: a₀ = 0.1 × the compared words.
pub const DEFAULT_PRIOR_WEIGHT: f64 = 0.1;

impl Default for Comparison {
    fn default() -> Self {
        Comparison { against: Reference::Others, leave_out: Vec::new(), prior_weight: DEFAULT_PRIOR_WEIGHT }
    }
}

// A prior weight is checked finite when set (`check_prior_weight`), so equality is total.
impl Eq for Comparison {}

/// What the views show. None of these changes the underlying counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewOptions {
    pub stopwords: Stopwords,
    /// Added to the stopword list in force.
    pub extra_stopwords: Vec<String>,
    /// Terms shorter than this many characters are left out of the term view.
    pub min_term_length: usize,
    /// Show number tokens in the term and phrase views.
    pub include_numbers: bool,
    /// Shortest and longest phrase, in words (2..=8).
    pub ngram_min: usize,
    pub ngram_max: usize,
    /// Phrases seen fewer times are not reported.
    pub min_count: usize,
    /// Allow phrases that start or end with a stopword.
    pub phrase_edge_stopwords: bool,
    /// How many terms and phrases to report; 0 means all.
    pub top_terms: usize,
    pub top_phrases: usize,
    /// How many of each speaker's own top terms to report; 0 means all.
    pub top_speaker_terms: usize,
    /// Group terms by Snowball stem (in the stopword language, else the detected
    /// one), labelled by the most frequent form.
    pub stem: bool,
    /// Whom distinctive words are measured against, and the prior's weight.
    pub comparison: Comparison,
}

/// Longest phrase that can be counted.
pub const MAX_NGRAM: usize = 8;

/// The shortest phrase counted, in words.
pub const MIN_NGRAM: usize = 2;

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            stopwords: Stopwords::Auto,
            extra_stopwords: Vec::new(),
            min_term_length: 1,
            include_numbers: false,
            ngram_min: 2,
            ngram_max: 5,
            min_count: 2,
            phrase_edge_stopwords: false,
            top_terms: 50,
            top_phrases: 50,
            top_speaker_terms: 20,
            stem: false,
            comparison: Comparison::default(),
        }
    }
}

/// Everything [`crate::analyse`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub parse: ParseOptions,
    pub tokenize: TokenizeOptions,
    pub view: ViewOptions,
}

/// Checks a phrase-length range: both within `2..=MAX_NGRAM`, min not above max.
/// Shared by every front, so they all refuse the same values with the same words.
///
/// ```
/// assert!(colloquy::check_ngram_range(2, 5).is_ok());
/// assert!(colloquy::check_ngram_range(5, 2).is_err());
/// ```
pub fn check_ngram_range(min: usize, max: usize) -> Result<(), String> {
    if !(MIN_NGRAM..=MAX_NGRAM).contains(&min) || !(MIN_NGRAM..=MAX_NGRAM).contains(&max) {
        return Err(format!("phrase lengths must be between {MIN_NGRAM} and {MAX_NGRAM} words"));
    }
    if min > max {
        return Err(format!("the minimum ({min}) is greater than the maximum ({max})"));
    }
    Ok(())
}

/// Checks a minimum phrase count (at least 1).
pub fn check_min_count(n: usize) -> Result<(), String> {
    if n == 0 {
        return Err("must be at least 1".to_owned());
    }
    Ok(())
}

/// Checks a prior weight: a finite number above 0.
///
/// ```
/// assert!(colloquy::check_prior_weight(0.1).is_ok());
/// assert!(colloquy::check_prior_weight(0.0).is_err());
/// ```
pub fn check_prior_weight(w: f64) -> Result<(), String> {
    if !(w.is_finite() && w > 0.0) {
        return Err("must be a number above 0".to_owned());
    }
    Ok(())
}

/// Checks a label pattern compiles; the message is the regex error's last line.
pub fn check_label_pattern(pattern: &str) -> Result<(), String> {
    match regex::Regex::new(pattern) {
        Ok(_) => Ok(()),
        Err(e) => {
            let full = e.to_string();
            let reason = full.lines().rev().map(str::trim).find(|l| !l.is_empty()).unwrap_or("invalid");
            let reason = reason.strip_prefix("error: ").unwrap_or(reason);
            Err(format!("not a valid regular expression: {reason}"))
        }
    }
}
