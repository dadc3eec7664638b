//! The flags of the query subcommands (`kwic`, `collocates`, `dispersion`, `dynamics`) and
//! their mapping onto the core's query options. As for `analyse`, every usage error
//! is caught here, before any input is read.

use clap::{ArgGroup, Args, ValueEnum};
use colloquy::{
    CollocationOptions, CollocationSort, DispersionParts, DynamicsOptions, KwicOptions, KwicSort, SpreadOptions,
    MAX_BINS,
};

use crate::error::CliError;
use crate::shared_args::{parse_min_count, DocumentArgs, OutputFormat, StopwordArgs};

#[derive(Debug, Args)]
pub struct KwicArgs {
    /// The transcript: a file, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    pub input: String,

    /// A word, a phrase, or words with `*` wildcards (`negotiat*`, `the * of`).
    /// Case-insensitive; a phrase matches within one sentence. Several queries give one
    /// concordance of all their hits (`talk talks talked`).
    #[arg(value_name = "QUERY", required = true, num_args = 1.., value_parser = parse_query)]
    pub query: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,

    /// Words of context on each side of the match (within the turn).
    #[arg(long, value_name = "N", default_value_t = KwicOptions::default().width)]
    pub width: usize,

    /// The order of the hits.
    #[arg(long, value_enum, default_value_t = KwicSortArg::Position)]
    pub sort: KwicSortArg,

    /// At most N hits (after sorting); 0 means all.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub limit: usize,

    /// Find a word only as a whole token: by default a one-word query also finds it
    /// inside hyphenated compounds (`CIS` in `CIS-UN`), marked `inCompound`.
    #[arg(long)]
    pub no_compounds: bool,

    #[command(flatten)]
    pub document: DocumentArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KwicSortArg {
    /// In text order.
    Position,
    /// By the words before the match, nearest first.
    Left,
    /// By the words after the match.
    Right,
}

impl KwicArgs {
    pub fn options(&self) -> KwicOptions {
        let sort = match self.sort {
            KwicSortArg::Position => KwicSort::Position,
            KwicSortArg::Left => KwicSort::Left,
            KwicSortArg::Right => KwicSort::Right,
        };
        KwicOptions { width: self.width, sort, limit: self.limit, compounds: !self.no_compounds }
    }
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["node", "bigrams"])))]
#[command(
    override_usage = "colloquy collocates [OPTIONS] <FILE|-> <NODE>\n       colloquy collocates [OPTIONS] --bigrams <FILE|->"
)]
pub struct CollocatesArgs {
    /// The transcript: a file, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    pub input: String,

    /// The node: one word, or a word with `*` wildcards (`negotiat*`). Its collocates
    /// are the words within ±`--window` words of it, never across a turn.
    #[arg(value_name = "NODE", value_parser = parse_node)]
    pub node: Option<String>,

    /// Score every pair of adjacent words within a sentence instead (no NODE then).
    #[arg(long)]
    pub bigrams: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,

    /// Words on each side of the node, at least 1 [default: 5].
    #[arg(long, value_name = "N", value_parser = parse_window, conflicts_with = "bigrams")]
    pub window: Option<usize>,

    /// Report only pairs seen at least N times (MI is only given from 5).
    #[arg(long, value_name = "N", value_parser = parse_min_count, default_value_t = CollocationOptions::default().min_count)]
    pub min_count: usize,

    /// The score that orders the collocates.
    #[arg(long, value_enum, default_value_t = CollocateSortArg::Logdice)]
    pub sort: CollocateSortArg,

    /// How many collocates to report; 0 means all.
    #[arg(long, value_name = "K", default_value_t = CollocationOptions::default().limit)]
    pub top: usize,

    #[command(flatten)]
    pub stopwords: StopwordArgs,

    #[command(flatten)]
    pub document: DocumentArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CollocateSortArg {
    /// 14 + log2(2·O/(f_node+f_coll)): typical company, stable across corpus sizes.
    #[value(alias = "logDice")]
    Logdice,
    /// Mutual information, log2(O/E): exclusive but rare pairs (from 5 co-occurrences).
    Mi,
    /// t-score, (O−E)/√O: frequent, certain pairs.
    T,
    /// Log-likelihood G².
    G2,
    /// Co-occurrences.
    Count,
}

impl CollocatesArgs {
    /// The core's options for these flags. Fails only when the stopword file cannot be
    /// read (exit code 1); everything else was checked by clap.
    pub fn options(&self) -> Result<CollocationOptions, CliError> {
        let d = CollocationOptions::default();
        let sort = match self.sort {
            CollocateSortArg::Logdice => CollocationSort::LogDice,
            CollocateSortArg::Mi => CollocationSort::Mi,
            CollocateSortArg::T => CollocationSort::T,
            CollocateSortArg::G2 => CollocationSort::G2,
            CollocateSortArg::Count => CollocationSort::Count,
        };
        Ok(CollocationOptions {
            window: self.window.unwrap_or(d.window),
            min_count: self.min_count,
            sort,
            limit: self.top,
            stopwords: self.stopwords.choice().unwrap_or(d.stopwords),
            extra_stopwords: self.stopwords.extra()?,
        })
    }
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["terms", "spread"])))]
#[command(mut_arg("stopwords", |a| a.conflicts_with("terms").help("With --spread: the stopwords left out: `auto` (the detected language), `none`, or a language code")))]
#[command(mut_arg("keep_stopwords", |a| a.conflicts_with("terms").help("With --spread: keep every word (the same as `--stopwords none`)")))]
#[command(mut_arg("stopword_file", |a| a.conflicts_with("terms").help("With --spread: add the words in PATH (one or more a line; `#` starts a comment) to the stopwords")))]
#[command(
    override_usage = "colloquy dispersion [OPTIONS] <FILE|-> <TERM>...\n       colloquy dispersion [OPTIONS] --spread <FILE|->"
)]
pub struct DispersionArgs {
    /// The transcript: a file, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    pub input: String,

    /// Terms to locate: words, phrases or `*` patterns, as for kwic.
    #[arg(value_name = "TERM", value_parser = parse_query)]
    pub terms: Vec<String>,

    /// List the terms spread most and least evenly instead (no TERMs then).
    #[arg(long)]
    pub spread: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,

    /// The parts DP compares: `speakers` (each speaker's speech is a part) or N equal
    /// slices of the transcript.
    #[arg(long, value_name = "speakers|N", value_parser = parse_parts, default_value = "10")]
    pub parts: DispersionParts,

    /// With --spread: leave out terms seen fewer than N times [default: 5].
    #[arg(long, value_name = "N", value_parser = parse_min_count, conflicts_with = "terms")]
    pub min_count: Option<usize>,

    /// With --spread: how many terms each list holds; 0 means all [default: 10].
    #[arg(long, value_name = "K", conflicts_with = "terms")]
    pub top: Option<usize>,

    // With --spread: the stopwords left out of the lists.
    #[command(flatten)]
    pub stopwords: StopwordArgs,

    #[command(flatten)]
    pub document: DocumentArgs,
}

impl DispersionArgs {
    /// What `--spread` asks the core for: its defaults, but `--top 0` for all. Fails
    /// only when the stopword file cannot be read (exit code 1).
    pub fn spread_options(&self) -> Result<SpreadOptions, CliError> {
        let d = SpreadOptions::default();
        Ok(SpreadOptions {
            min_count: self.min_count.unwrap_or(d.min_count),
            parts: self.parts,
            limit: self.top.unwrap_or(d.limit),
            stopwords: self.stopwords.choice().unwrap_or(d.stopwords),
            extra_stopwords: self.stopwords.extra()?,
        })
    }
}

/// Parses a query: at least one word.
pub fn parse_query(s: &str) -> Result<String, String> {
    if s.split_whitespace().next().is_none() {
        return Err("the query is empty".to_owned());
    }
    Ok(s.trim().to_owned())
}

/// Parses a node: one word (which may hold `*` wildcards, but is not `*` alone).
pub fn parse_node(s: &str) -> Result<String, String> {
    let query = parse_query(s)?;
    if query.split_whitespace().nth(1).is_some() {
        return Err("the node is one word (or a `*` pattern such as `negotiat*`), not a phrase".to_owned());
    }
    if query.chars().all(|c| c == '*') {
        return Err("`*` alone matches every word; use --bigrams for all word pairs".to_owned());
    }
    Ok(query)
}

/// Parses a window of at least one word.
pub fn parse_window(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("expected a whole number of words of at least 1".to_owned()),
    }
}

/// Parses `speakers` or a number of equal parts (at least 1).
pub fn parse_parts(s: &str) -> Result<DispersionParts, String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("speakers") {
        return Ok(DispersionParts::Speakers);
    }
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(DispersionParts::Equal(n)),
        _ => Err("expected `speakers` or a number of equal parts of at least 1".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shared_args::try_parse;
    use colloquy::Stopwords;

    #[test]
    fn queries_and_nodes() {
        assert_eq!(parse_query(" cis "), Ok("cis".to_owned()));
        assert_eq!(parse_query("the * of"), Ok("the * of".to_owned()));
        assert!(parse_query("  ").is_err_and(|e| e.contains("empty")));
        assert_eq!(parse_node("negotiat*"), Ok("negotiat*".to_owned()));
        assert!(parse_node("foreign ministers").is_err_and(|e| e.contains("one word")));
        assert!(parse_node("*").is_err_and(|e| e.contains("--bigrams")));
        assert!(parse_node("").is_err());
    }

    #[test]
    fn windows_and_parts() {
        assert_eq!(parse_window("3"), Ok(3));
        assert!(parse_window("0").is_err_and(|e| e.contains("at least 1")));
        assert!(parse_window("x").is_err());
        assert_eq!(parse_parts("speakers"), Ok(DispersionParts::Speakers));
        assert_eq!(parse_parts("Speakers"), Ok(DispersionParts::Speakers));
        assert_eq!(parse_parts("4"), Ok(DispersionParts::Equal(4)));
        assert!(parse_parts("0").is_err_and(|e| e.contains("at least 1")));
        assert!(parse_parts("turns").is_err());
    }

    #[test]
    fn kwic_defaults_match_the_core() {
        let Ok(args) = try_parse::<KwicArgs>(&["x.txt", "cis"]) else { panic!("did not parse") };
        assert_eq!(args.options(), KwicOptions::default());
        let Ok(args) = try_parse::<KwicArgs>(&["x.txt", "cis", "--width", "3", "--sort", "left", "--limit", "2"])
        else {
            panic!("did not parse")
        };
        assert_eq!(args.options(), KwicOptions { width: 3, sort: KwicSort::Left, limit: 2, compounds: true });
    }

    #[test]
    fn collocates_defaults_match_the_core() {
        let Ok(args) = try_parse::<CollocatesArgs>(&["x.txt", "foreign"]) else { panic!("did not parse") };
        assert_eq!(args.options().ok(), Some(CollocationOptions::default()));
        let Ok(args) = try_parse::<CollocatesArgs>(&[
            "x.txt",
            "--bigrams",
            "--sort",
            "logDice",
            "--top",
            "0",
            "--min-count",
            "2",
            "--keep-stopwords",
        ]) else {
            panic!("did not parse")
        };
        assert_eq!(args.node, None);
        let o = args.options().unwrap_or_default();
        assert_eq!((o.sort, o.limit, o.min_count, o.stopwords), (CollocationSort::LogDice, 0, 2, Stopwords::None));
    }

    #[test]
    fn collocates_needs_exactly_one_of_node_and_bigrams() {
        assert!(try_parse::<CollocatesArgs>(&["x.txt"]).is_err());
        assert!(try_parse::<CollocatesArgs>(&["x.txt", "foreign", "--bigrams"]).is_err());
        assert!(try_parse::<CollocatesArgs>(&["x.txt", "--bigrams", "--window", "2"]).is_err());
        assert!(try_parse::<CollocatesArgs>(&["x.txt", "foreign", "--window", "0"]).is_err());
    }

    #[test]
    fn dispersion_needs_terms_or_spread() {
        let Ok(args) = try_parse::<DispersionArgs>(&["x.txt", "cis", "lukashenko"]) else { panic!("did not parse") };
        assert_eq!(args.terms, ["cis", "lukashenko"]);
        assert_eq!(args.parts, DispersionParts::Equal(10));
        let Ok(args) = try_parse::<DispersionArgs>(&["x.txt", "--spread", "--top", "0", "--parts", "speakers"]) else {
            panic!("did not parse")
        };
        assert_eq!(args.parts, DispersionParts::Speakers);
        let o = args.spread_options().ok();
        assert_eq!(o, Some(SpreadOptions { limit: 0, parts: DispersionParts::Speakers, ..SpreadOptions::default() }));
        assert!(try_parse::<DispersionArgs>(&["x.txt"]).is_err());
        assert!(try_parse::<DispersionArgs>(&["x.txt", "cis", "--spread"]).is_err());
        assert!(try_parse::<DispersionArgs>(&["x.txt", "cis", "--top", "3"]).is_err());
        assert!(try_parse::<DispersionArgs>(&["x.txt", "cis", "--min-count", "3"]).is_err());
        assert!(try_parse::<DispersionArgs>(&["x.txt", "cis", "--keep-stopwords"]).is_err());
        assert!(try_parse::<DispersionArgs>(&["x.txt", "cis", "--stopwords", "en"]).is_err());
        assert!(try_parse::<DispersionArgs>(&["x.txt", "cis", "--stopword-file", "words.txt"]).is_err());
        assert!(try_parse::<DispersionArgs>(&["x.txt", "cis", "--parts", "0"]).is_err());
    }
}

#[derive(Debug, Args)]
pub struct DynamicsArgs {
    /// The transcript: a file, or `-` for standard input.
    #[arg(value_name = "FILE|-")]
    pub input: String,

    /// Output format (JSON holds every part; `--view` picks one for a table or CSV).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    /// The part to print as a table or CSV [default: every part as tables; speakers as CSV].
    #[arg(long, value_enum)]
    pub view: Option<DynamicsView>,

    /// Equal parts of the transcript for talk over time (1 to 1000; by time when timed).
    #[arg(long, value_name = "N", value_parser = parse_bins, default_value_t = DynamicsOptions::default().bins)]
    pub bins: usize,

    #[command(flatten)]
    pub document: DocumentArgs,
}

/// A part of the dynamics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DynamicsView {
    /// Per speaker: talk time, words, turns, longest monologue, questions, interruptions.
    Speakers,
    /// Each question with its answer (or none): who asked, who answered, the texts.
    Pairs,
    /// Who speaks after whom: each pair's count and share of its row.
    Transitions,
    /// Talk over time: each speaker's share of words (and of time) in each bin.
    Time,
    /// Cut-off turns, crosstalk and overlapping cues.
    Interruptions,
}

impl DynamicsArgs {
    pub fn options(&self) -> DynamicsOptions {
        DynamicsOptions { bins: self.bins }
    }
}

fn parse_bins(s: &str) -> Result<usize, String> {
    let n: usize = s.parse().map_err(|_| format!("`{s}` is not a whole number"))?;
    // The core takes 0 for no bins; here they are what `--view time` prints, so at least 1.
    if n == 0 || colloquy::check_bins(n).is_err() {
        return Err(format!("must be 1 to {MAX_BINS}"));
    }
    Ok(n)
}
