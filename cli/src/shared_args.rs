//! The flags and value parsers every subcommand shares: the output format, how the
//! transcript is read ([`DocumentArgs`]), the stopwords ([`StopwordArgs`]) and the
//! checks of their values. `args.rs` (the command line and `analyse`) and
//! `query_args.rs` (`kwic`, `collocates`, `dispersion`) both build on this module,
//! which uses neither.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use colloquy::{Alias, Document, Format, Options, Stopwords};

use crate::error::CliError;
use crate::input;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Pretty-printed JSON with the npm package's field names (offsets in bytes).
    Json,
    /// A readable report for the terminal.
    Table,
    /// CSV with a header row (for `analyse`, the table chosen with `--view`).
    Csv,
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

/// `--stopwords`, `--keep-stopwords` and `--stopword-file`, shared by the subcommands
/// that leave stopwords out.
#[derive(Debug, Clone, Default, Args)]
pub struct StopwordArgs {
    /// Stopwords left out: `auto` (the detected language), `none`, or a language
    /// code such as `en` or `ru`.
    #[arg(long, value_name = "auto|none|LANG", value_parser = parse_stopwords)]
    pub stopwords: Option<Stopwords>,

    /// Keep every word (the same as `--stopwords none`).
    #[arg(long, conflicts_with = "stopwords")]
    pub keep_stopwords: bool,

    /// Add the words in PATH (one or more a line; `#` starts a comment) to the stopwords.
    #[arg(long, value_name = "PATH")]
    pub stopword_file: Option<PathBuf>,
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

    /// The words of `--stopword-file` (none without it). Fails, with exit code 1, when
    /// the file cannot be read or is not UTF-8 text.
    pub fn extra(&self) -> Result<Vec<String>, CliError> {
        self.stopword_file.as_deref().map_or_else(|| Ok(Vec::new()), read_stopword_file)
    }
}

/// The words of a stopword file: whitespace-separated, `#` to the end of a line is a comment.
fn read_stopword_file(path: &Path) -> Result<Vec<String>, CliError> {
    let name = path.display().to_string();
    let text = input::decode_text(&name, input::read_file(&name)?)?;
    Ok(text
        .lines()
        .map(|line| line.split_once('#').map_or(line, |(words, _)| words))
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect())
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

/// Parses `args` (without the program name) as the flags of one subcommand, `T`, alone:
/// what the subcommand's own tests need, without the whole command line.
#[cfg(test)]
pub fn try_parse<T: clap::Args + clap::FromArgMatches>(args: &[&str]) -> Result<T, clap::Error> {
    let command = T::augment_args(clap::Command::new("colloquy"));
    let matches = command.try_get_matches_from(std::iter::once("colloquy").chain(args.iter().copied()))?;
    T::from_arg_matches(&matches)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn document_flags_map_onto_options() {
        let args: Result<DocumentArgs, _> = try_parse(&["--alias", "A=B", "--input-format", "srt", "--split-hyphens"]);
        let o = args.map(|a| a.options()).unwrap_or_default();
        assert_eq!(o.parse.aliases, [Alias { from: "A".to_owned(), to: "B".to_owned() }]);
        assert_eq!(o.parse.format, Format::Srt);
        assert!(o.tokenize.split_hyphens);
        let none: Result<StopwordArgs, _> = try_parse(&["--keep-stopwords"]);
        assert_eq!(none.ok().and_then(|s| s.choice()), Some(Stopwords::None));
        assert!(try_parse::<StopwordArgs>(&["--keep-stopwords", "--stopwords", "en"]).is_err());
    }
}
