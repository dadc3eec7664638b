//! The command line: clap definitions, value parsers, and the mapping of flags
//! onto the core's option structs. Validation lives here so that every usage
//! error is reported by clap (exit code 2) before any input is read.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use colloquy::{Alias, Document, Format, Options, Stopwords};

use crate::error::CliError;
use crate::input;
use crate::query_args::{CollocatesArgs, DispersionArgs, KwicArgs};

#[derive(Debug, Parser)]
#[command(
    name = "colloquy",
    version,
    about = "Discourse analysis for transcripts: speakers, turns, terms and recurring phrases"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse a transcript and print the result (JSON by default).
    Analyse(AnalyseArgs),
    /// Keyword in context: each occurrence of a word, phrase or pattern, in context.
    ///
    /// Every occurrence of QUERY with its speaker, byte offsets and up to `--width`
    /// words on each side (never across a turn).
    Kwic(KwicArgs),
    /// The words that keep company with a word, or frequent word pairs (--bigrams).
    ///
    /// Collocates of NODE within ±`--window` words (never across a turn), or, with
    /// --bigrams, every pair of adjacent words within a sentence; scored by MI, t-score,
    /// logDice and log-likelihood G². Stopwords and numbers are left out.
    Collocates(CollocatesArgs),
    /// Where terms occur and how evenly (Gries' DP), or the most and least even terms.
    ///
    /// Each TERM's occurrences, with Gries' deviation of proportions over `--parts`
    /// (0 = spread evenly, 1 = all in one place); or, with --spread, the terms spread
    /// most and least evenly.
    Dispersion(DispersionArgs),
}

#[derive(Debug, Args)]
pub struct AnalyseArgs {
    /// The transcript: a file, or `-` for standard input.
    #[arg(value_name = "FILE|-", default_value = "-")]
    pub input: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,

    /// Which table `--format csv` writes.
    #[arg(long, value_enum, required_if_eq("format", "csv"))]
    pub view: Option<CsvView>,

    /// How many terms and phrases to report; 0 means all.
    #[arg(long, value_name = "K", default_value_t = 50)]
    pub top: usize,

    /// Shortest and longest phrase, in words (2 to 8), e.g. `2..5`; `N` means `N..N`.
    #[arg(long, value_name = "MIN..MAX", value_parser = parse_ngram)]
    pub ngram: Option<NgramRange>,

    /// Report only phrases seen at least N times.
    #[arg(long, value_name = "N", value_parser = parse_min_count)]
    pub min_count: Option<usize>,

    #[command(flatten)]
    pub stopwords: StopwordArgs,

    /// Add the words in PATH (one or more a line; `#` starts a comment) to the stopwords.
    #[arg(long, value_name = "PATH")]
    pub stopword_file: Option<PathBuf>,

    /// Leave terms shorter than N characters out of the term view.
    #[arg(long, value_name = "N")]
    pub min_term_length: Option<usize>,

    /// Show numbers in terms and phrases.
    #[arg(long)]
    pub include_numbers: bool,

    /// Allow phrases that start or end with a stopword.
    #[arg(long)]
    pub phrase_edge_stopwords: bool,

    #[command(flatten)]
    pub document: DocumentArgs,
}

/// The options that change the document itself (how it is parsed and cut into
/// words), shared by every subcommand.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Reading the transcript")]
pub struct DocumentArgs {
    /// The transcript's format.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// A regex matched at the start of each line that replaces speaker-label
    /// detection; the speaker is the group named `speaker`, else group 1, else the match.
    #[arg(long, value_name = "REGEX", value_parser = parse_label_pattern)]
    pub label_pattern: Option<String>,

    /// Treat speaker label FROM as speaker TO; repeatable.
    #[arg(long = "alias", value_name = "FROM=TO", value_parser = parse_alias)]
    pub aliases: Vec<Alias>,

    /// Keep page furniture (a leading or trailing block of short lines unlike the
    /// transcript) in the counts.
    #[arg(long)]
    pub keep_furniture: bool,

    /// In a script, keep parentheses and brackets inside speech as speech (by default
    /// they are stage directions there).
    #[arg(long)]
    pub keep_script_directions: bool,

    /// Credit a joint speaker's words (`Ross and Rachel:`) to each named speaker (by
    /// default the joint speaker is one speaker, as printed).
    #[arg(long)]
    pub split_joint_speakers: bool,

    /// Split hyphenated compounds (`post-Soviet` → `post`, `soviet`).
    #[arg(long)]
    pub split_hyphens: bool,
}

/// `--stopwords` and `--keep-stopwords`, shared by the subcommands that leave stopwords out.
#[derive(Debug, Clone, Default, Args)]
pub struct StopwordArgs {
    /// Stopwords left out: `auto` (the detected language), `none`, or a language
    /// code such as `en` or `ru`.
    #[arg(long, value_name = "auto|none|LANG", value_parser = parse_stopwords)]
    pub stopwords: Option<Stopwords>,

    /// Keep every word (the same as `--stopwords none`).
    #[arg(long, conflicts_with = "stopwords")]
    pub keep_stopwords: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Pretty-printed JSON with the npm package's field names (offsets in bytes).
    Json,
    /// A readable report for the terminal.
    Table,
    /// CSV with a header row (for `analyse`, the table chosen with `--view`).
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvView {
    Terms,
    Speakers,
    Phrases,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum InputFormat {
    /// Detect the format.
    #[default]
    Auto,
    /// Plain text with speaker labels.
    Text,
    /// WebVTT captions.
    Vtt,
    /// SubRip captions.
    Srt,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Auto => Format::Auto,
            InputFormat::Text => Format::Text,
            InputFormat::Vtt => Format::Vtt,
            InputFormat::Srt => Format::Srt,
        }
    }
}

/// A phrase-length range, checked to lie within `2..=MAX_NGRAM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NgramRange {
    pub min: usize,
    pub max: usize,
}

/// Parses `MIN..MAX` (or `MIN..=MAX`, or `N` for `N..N`).
pub fn parse_ngram(s: &str) -> Result<NgramRange, String> {
    let (min, max) = match s.split_once("..") {
        Some((a, b)) => (a, b.strip_prefix('=').unwrap_or(b)),
        None => (s, s),
    };
    let number = |t: &str| t.trim().parse::<usize>().map_err(|_| "expected MIN..MAX, e.g. 2..5".to_owned());
    let (min, max) = (number(min)?, number(max)?);
    colloquy::check_ngram_range(min, max)?;
    Ok(NgramRange { min, max })
}

/// Parses a count of at least 1.
pub fn parse_min_count(s: &str) -> Result<usize, String> {
    let n = s.trim().parse::<usize>().map_err(|_| "expected a whole number of at least 1".to_owned())?;
    colloquy::check_min_count(n)?;
    Ok(n)
}

/// Parses `FROM=TO`; both sides are trimmed and must be non-empty.
pub fn parse_alias(s: &str) -> Result<Alias, String> {
    let (from, to) = s.split_once('=').ok_or_else(|| "expected FROM=TO, e.g. Lavrov='Sergey Lavrov'".to_owned())?;
    let (from, to) = (from.trim(), to.trim());
    if from.is_empty() || to.is_empty() {
        return Err("both FROM and TO in FROM=TO must be non-empty".to_owned());
    }
    Ok(Alias { from: from.to_owned(), to: to.to_owned() })
}

/// Parses `auto`, `none` or a language code with a stopword list (case-insensitive).
pub fn parse_stopwords(s: &str) -> Result<Stopwords, String> {
    colloquy::json::parse_stopwords(&s.trim().to_lowercase())
}

/// Checks that `s` compiles as a regex. The message is the regex error's last line.
pub fn parse_label_pattern(s: &str) -> Result<String, String> {
    colloquy::check_label_pattern(s)?;
    Ok(s.to_owned())
}

impl AnalyseArgs {
    /// The core options these flags ask for. Fails only when the stopword file
    /// cannot be read (exit code 1); everything else was checked by clap.
    pub fn options(&self) -> Result<Options, CliError> {
        let mut o = self.document.options();
        if let Some(s) = self.stopwords.choice() {
            o.view.stopwords = s;
        }
        if let Some(path) = &self.stopword_file {
            o.view.extra_stopwords = read_stopword_file(path)?;
        }
        if let Some(n) = self.min_term_length {
            o.view.min_term_length = n;
        }
        o.view.include_numbers = self.include_numbers;
        if let Some(r) = self.ngram {
            o.view.ngram_min = r.min;
            o.view.ngram_max = r.max;
        }
        if let Some(n) = self.min_count {
            o.view.min_count = n;
        }
        o.view.phrase_edge_stopwords = self.phrase_edge_stopwords;
        o.view.top_terms = self.top;
        o.view.top_phrases = self.top;
        Ok(o)
    }
}

impl DocumentArgs {
    /// The core options with these flags set and everything else at its default.
    pub fn options(&self) -> Options {
        let mut o = Options::default();
        o.parse.format = self.input_format.into();
        o.parse.keep_furniture = self.keep_furniture;
        o.parse.keep_script_directions = self.keep_script_directions;
        o.parse.split_joint_speakers = self.split_joint_speakers;
        o.parse.label_pattern.clone_from(&self.label_pattern);
        o.parse.aliases.clone_from(&self.aliases);
        o.tokenize.split_hyphens = self.split_hyphens;
        o
    }

    /// Reads the transcript at `path` (or standard input for `-`), then parses and
    /// tokenises it with these flags.
    pub fn load(&self, path: &str) -> Result<Document, CliError> {
        Ok(Document::new(input::read(path)?, &self.options()))
    }
}

impl StopwordArgs {
    /// The stopwords asked for, or `None` if neither flag was given.
    pub fn choice(&self) -> Option<Stopwords> {
        if self.keep_stopwords {
            Some(Stopwords::None)
        } else {
            self.stopwords.clone()
        }
    }
}

/// The words of a stopword file: whitespace-separated, `#` to the end of a line is a comment.
fn read_stopword_file(path: &std::path::Path) -> Result<Vec<String>, CliError> {
    let name = path.display().to_string();
    let text = input::decode(&name, input::read_file(&name)?)?;
    Ok(text
        .lines()
        .map(|line| line.split_once('#').map_or(line, |(words, _)| words))
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ngram_ranges() {
        assert_eq!(parse_ngram("2..5"), Ok(NgramRange { min: 2, max: 5 }));
        assert_eq!(parse_ngram("3..=4"), Ok(NgramRange { min: 3, max: 4 }));
        assert_eq!(parse_ngram("3"), Ok(NgramRange { min: 3, max: 3 }));
        assert_eq!(parse_ngram(" 2 .. 8 "), Ok(NgramRange { min: 2, max: 8 }));
        assert!(parse_ngram("5..2").is_err_and(|e| e.contains("greater")));
        assert!(parse_ngram("1..9").is_err_and(|e| e.contains("between 2 and 8")));
        assert!(parse_ngram("2..9").is_err());
        assert!(parse_ngram("a..b").is_err_and(|e| e.contains("MIN..MAX")));
        assert!(parse_ngram("").is_err());
        assert!(parse_ngram("..").is_err());
    }

    #[test]
    fn min_counts() {
        assert_eq!(parse_min_count("3"), Ok(3));
        assert!(parse_min_count("0").is_err_and(|e| e.contains("at least 1")));
        assert!(parse_min_count("-1").is_err());
        assert!(parse_min_count("x").is_err());
    }

    #[test]
    fn aliases() {
        assert_eq!(
            parse_alias("Lavrov = Sergey Lavrov"),
            Ok(Alias { from: "Lavrov".to_owned(), to: "Sergey Lavrov".to_owned() })
        );
        assert!(parse_alias("Lavrov").is_err_and(|e| e.contains("FROM=TO")));
        assert!(parse_alias("=Lavrov").is_err());
        assert!(parse_alias("Lavrov=").is_err());
    }

    #[test]
    fn stopwords() {
        assert_eq!(parse_stopwords("auto"), Ok(Stopwords::Auto));
        assert_eq!(parse_stopwords("none"), Ok(Stopwords::None));
        assert_eq!(parse_stopwords("EN"), Ok(Stopwords::Language("en".to_owned())));
        assert!(parse_stopwords("xx").is_err());
    }

    #[test]
    fn label_patterns_report_one_line() {
        assert_eq!(parse_label_pattern(r"^(\w+):"), Ok(r"^(\w+):".to_owned()));
        let err = parse_label_pattern("(unclosed").err().unwrap_or_default();
        assert_eq!(err, "not a valid regular expression: found open group without closing ')'");
        let err = parse_label_pattern(r"^(\p{Lu}\w+):").err().unwrap_or_default();
        assert!(err.starts_with("not a valid regular expression: Unicode classes such as \\p{Lu} are not supported"));
    }

    #[test]
    fn flags_map_onto_options() {
        let cli = Cli::try_parse_from([
            "colloquy",
            "analyse",
            "x.txt",
            "--top",
            "0",
            "--ngram",
            "3..4",
            "--min-count",
            "3",
            "--keep-stopwords",
            "--alias",
            "A=B",
            "--alias",
            "C=D",
            "--split-hyphens",
            "--input-format",
            "vtt",
            "--keep-furniture",
            "--min-term-length",
            "3",
            "--include-numbers",
        ]);
        let Ok(Cli { command: Command::Analyse(args) }) = cli else {
            panic!("did not parse: {cli:?}");
        };
        let o = args.options().ok().unwrap_or_default();
        assert_eq!(o.view.top_terms, 0);
        assert_eq!(o.view.top_phrases, 0);
        assert_eq!((o.view.ngram_min, o.view.ngram_max), (3, 4));
        assert_eq!(o.view.min_count, 3);
        assert_eq!(o.view.stopwords, Stopwords::None);
        assert_eq!(o.view.min_term_length, 3);
        assert!(o.view.include_numbers);
        assert_eq!(o.parse.aliases.len(), 2);
        assert_eq!(o.parse.format, Format::Vtt);
        assert!(o.parse.keep_furniture);
        assert!(o.tokenize.split_hyphens);
    }

    #[test]
    fn defaults_match_the_core() {
        let cli = Cli::try_parse_from(["colloquy", "analyse"]);
        let Ok(Cli { command: Command::Analyse(args) }) = cli else {
            panic!("did not parse: {cli:?}");
        };
        assert_eq!(args.input, "-");
        assert_eq!(args.options().ok(), Some(Options::default()));
    }

    #[test]
    fn csv_requires_a_view_and_min_count_a_positive_number() {
        assert!(Cli::try_parse_from(["colloquy", "analyse", "--format", "csv"]).is_err());
        assert!(Cli::try_parse_from(["colloquy", "analyse", "--min-count", "0"]).is_err());
        assert!(Cli::try_parse_from(["colloquy", "analyse", "--keep-stopwords", "--stopwords", "en"]).is_err());
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
