//! The command line: the subcommands, and `analyse`'s flags with their mapping onto
//! the core's [`Options`]. The flags every subcommand shares are in `shared_args.rs`,
//! the query subcommands' in `query_args.rs`. Validation lives in the value parsers,
//! so that every usage error is reported by clap (exit code 2) before any input is read.

use clap::{Args, Parser, Subcommand, ValueEnum};
use colloquy::Options;

use crate::comparison_args::ComparisonArgs;
use crate::corpus::CorpusArgs;
use crate::error::CliError;
use crate::query_args::{CollocatesArgs, DispersionArgs, DynamicsArgs, KwicArgs};
use crate::shared_args::{parse_min_count, DocumentArgs, OutputFormat, StopwordArgs};

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
    /// How the conversation went: talk time, turn-taking, questions and answers,
    /// interruptions, and talk over time.
    ///
    /// Speaking time, words per minute and gaps where the transcript has times (WebVTT,
    /// SRT, Rev, Otter, `[hh:mm:ss]`); who speaks after whom; each question and its
    /// answer; cut-off turns and crosstalk; each speaker's share in `--bins` equal parts.
    Dynamics(DynamicsArgs),
    /// Many transcripts into long tables (Parquet, CSV or JSON Lines) for SQL engines.
    ///
    /// Reads every file, folder (recursively) and glob pattern given, analyses each
    /// document on its own, on every core, and writes five tables into `--out`:
    /// documents, speakers, terms, phrases and turns (docs/corpus-tables.md). Files that
    /// cannot be read are named on standard error and skipped (exit code 3).
    Corpus(CorpusArgs),
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

    #[command(flatten)]
    pub counting: CountArgs,

    #[command(flatten)]
    pub comparison: ComparisonArgs,

    #[command(flatten)]
    pub document: DocumentArgs,
}

/// The flags that say what is counted and how much is reported (stopwords, phrase
/// lengths, minimum counts), shared by `analyse` and `corpus` (`analyse`'s `--top` is its
/// own: the corpus tables and views report every term).
#[derive(Debug, Clone, Args)]
pub struct CountArgs {
    /// Shortest and longest phrase, in words (2 to 8), e.g. `2..5`; `N` means `N..N`.
    #[arg(long, value_name = "MIN..MAX", value_parser = parse_ngram)]
    pub ngram: Option<NgramRange>,

    /// Report only phrases seen at least N times.
    #[arg(long, value_name = "N", value_parser = parse_min_count)]
    pub min_count: Option<usize>,

    #[command(flatten)]
    pub stopwords: StopwordArgs,

    /// Leave terms shorter than N characters out of the term view.
    #[arg(long, value_name = "N")]
    pub min_term_length: Option<usize>,

    /// Show numbers in terms and phrases.
    #[arg(long)]
    pub include_numbers: bool,

    /// Allow phrases that start or end with a stopword.
    #[arg(long)]
    pub phrase_edge_stopwords: bool,
}

impl CountArgs {
    /// Sets these flags' options on `o`. Fails only when the stopword file cannot be read.
    pub fn apply(&self, o: &mut Options) -> Result<(), CliError> {
        if let Some(s) = self.stopwords.choice() {
            o.view.stopwords = s;
        }
        o.view.extra_stopwords = self.stopwords.extra()?;
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
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvView {
    Terms,
    Speakers,
    Phrases,
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

impl AnalyseArgs {
    /// The core options these flags ask for. Fails only when the stopword file
    /// cannot be read (exit code 1); everything else was checked by clap.
    pub fn options(&self) -> Result<Options, CliError> {
        let mut o = self.document.options();
        self.counting.apply(&mut o)?;
        o.view.top_terms = self.top;
        o.view.top_phrases = self.top;
        o.view.comparison = self.comparison.comparison();
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use colloquy::{Format, Stopwords};

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
            "--against",
            "A",
            "--leave-out",
            "B",
            "--prior-weight",
            "0.5",
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
        assert_eq!(o.view.comparison.against, colloquy::Reference::Speakers(vec!["A".to_owned()]));
        assert_eq!(
            (o.view.comparison.leave_out.as_slice(), o.view.comparison.prior_weight),
            (&["B".to_owned()][..], 0.5)
        );
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
