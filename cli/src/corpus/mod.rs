//! `colloquy corpus PATH… --out DIR`: many transcripts into five long tables
//! (docs/corpus-tables.md), one row per document, speaker, term, phrase and turn, for
//! DuckDB, DataFusion or Spark (docs/scale.md); or, with `--view`, one of the core's
//! views across the documents ([`colloquy::Corpus`]) printed.
//!
//! Each document is read as `analyse` reads a file and analysed on its own by the core
//! (`colloquy::document_tables`); documents go through in batches of
//! [`DOCUMENTS_PER_BATCH`], analysed in parallel (`--jobs`) and written in input order, so
//! the output does not depend on the number of threads, and memory holds one batch's texts
//! and rows, never the corpus.

mod inputs;
mod tables;
mod views;
mod writers;

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use colloquy::{
    Corpus, CorpusConfig, DocumentMeta, DocumentSet, DocumentTables, FrequencyOptions, GroupKeynessOptions,
    KwicOptions, Options, TrendOptions, KEYNESS_TERMS,
};
use rayon::prelude::*;
use rayon::ThreadPool;

use crate::args::CountArgs;
use crate::error::CliError;
use crate::input;
use crate::output;
use crate::shared_args::DocumentArgs;
use inputs::Input;
use tables::{Batch, TABLES};
use views::{parse_document_set, CorpusView, ViewFormat};
use writers::{TableFormat, TableWriter, ROWS_PER_FILE};

/// Documents analysed at a time: the texts and rows of one batch are all that is held.
pub const DOCUMENTS_PER_BATCH: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CorpusFormat {
    /// Tables (`--out`): Apache Parquet, typed columns (the default).
    Parquet,
    /// Tables (`--out`) or a view (`--view`): CSV with a header row.
    Csv,
    /// Tables (`--out`): JSON Lines, one object a row.
    Jsonl,
    /// A view (`--view`): a readable table (the default).
    Table,
    /// A view (`--view`): pretty JSON, the core's field names.
    Json,
}

#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// Transcripts: files, folders (read recursively, sorted by name, hidden files
    /// skipped) and glob patterns such as `'talks/**/*.txt'` (quote them).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,

    /// Write the tables into this folder (created if missing; files of the same names
    /// are replaced).
    #[arg(long, value_name = "DIR", required_unless_present = "view", conflicts_with = "view")]
    pub out: Option<PathBuf>,

    /// Print a view across the documents instead of writing tables.
    #[arg(long, value_enum)]
    pub view: Option<CorpusView>,

    /// The tables' format (`parquet`, `csv`, `jsonl`; default parquet) or the view's
    /// (`table`, `json`, `csv`; default table).
    #[arg(long, value_enum)]
    pub format: Option<CorpusFormat>,

    /// Documents analysed at once; 1 analyses one after another. Default: every core.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Keyness: group A, the documents whose terms are scored: a group (the folder
    /// name), a date range `2024-01-01..2024-06-30`, `doc:0,2,5` or `rest`.
    #[arg(long = "a", value_name = "SET", value_parser = parse_document_set, help_heading = "Views")]
    pub a: Option<DocumentSet>,

    /// Keyness: group B, the documents A is compared with (the same forms as --a;
    /// default `rest`, every document not in A).
    #[arg(long = "b", value_name = "SET", value_parser = parse_document_set, help_heading = "Views")]
    pub b: Option<DocumentSet>,

    /// Trends: the terms to follow (repeatable, or comma-separated); default the most
    /// variable.
    #[arg(long = "terms", value_name = "TERM", value_delimiter = ',', help_heading = "Views")]
    pub terms: Vec<String>,

    /// Trends, keyness and frequency: rows in each list (0 = all; defaults 10, 25, 100).
    #[arg(long, value_name = "N", help_heading = "Views")]
    pub limit: Option<usize>,

    /// Kwic: a word, a phrase, or words with `*` (repeatable: one concordance of all).
    #[arg(long = "query", value_name = "QUERY", help_heading = "Views")]
    pub query: Vec<String>,

    /// Kwic: words of context on each side of the match.
    #[arg(long, value_name = "N", help_heading = "Views")]
    pub width: Option<usize>,

    /// Frequency: the least number of documents a term or phrase occurs in.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..), help_heading = "Views")]
    pub min_documents: Option<u64>,

    /// A Parquet file's rows before the table is split into parts (testing).
    #[arg(long, value_name = "N", hide = true, default_value_t = ROWS_PER_FILE)]
    pub rows_per_file: usize,

    #[command(flatten)]
    pub counting: CountArgs,

    #[command(flatten)]
    pub document: DocumentArgs,
}

impl CorpusArgs {
    pub fn options(&self) -> Result<Options, CliError> {
        let mut o = self.document.options();
        self.counting.apply(&mut o)?;
        Ok(o)
    }

    fn jobs(&self) -> usize {
        self.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, usize::from), usize::from)
    }
}

/// How a corpus run went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub documents: u32,
    pub skipped: usize,
}

/// Writes the tables of, or prints a view of, every readable document among `args.paths`.
pub fn run(args: &CorpusArgs) -> Result<Outcome, CliError> {
    match (&args.out, args.view) {
        (Some(out), None) => {
            let format = match args.format {
                None | Some(CorpusFormat::Parquet) => TableFormat::Parquet,
                Some(CorpusFormat::Csv) => TableFormat::Csv,
                Some(CorpusFormat::Jsonl) => TableFormat::Jsonl,
                Some(CorpusFormat::Table | CorpusFormat::Json) => {
                    return Err(CliError::usage("--out writes --format parquet, csv or jsonl"))
                }
            };
            write_tables(args, out, format)
        }
        (None, Some(view)) => {
            let format = match args.format {
                None | Some(CorpusFormat::Table) => ViewFormat::Table,
                Some(CorpusFormat::Json) => ViewFormat::Json,
                Some(CorpusFormat::Csv) => ViewFormat::Csv,
                Some(CorpusFormat::Parquet | CorpusFormat::Jsonl) => {
                    return Err(CliError::usage("--view prints --format table, json or csv"))
                }
            };
            print_view(args, view, format)
        }
        _ => Err(CliError::usage("give --out DIR to write the tables, or --view to print a view")),
    }
}

/// One input read: its text and what the reader said about it, or why it was skipped
/// (one line: the path and the reason).
fn read(input: &Input) -> Result<(String, String, Vec<String>), String> {
    let path = match input {
        Input::File(path) => path,
        Input::Bad { path, reason } => return Err(format!("{path}: {reason}")),
    };
    let bytes = input::read_file(path).map_err(|e| e.to_string())?;
    let read = input::decode(path, Some(path), bytes).map_err(|e| e.to_string())?;
    if read.text.trim().is_empty() {
        return Err(format!("{path}: empty (no text)"));
    }
    let notes = read.notes.iter().map(|note| format!("{path}: {note}")).collect();
    Ok((path.clone(), read.text, notes))
}

/// Runs `work` on every input, batch by batch (in parallel on `pool` unless `jobs` is
/// 1), and hands each batch's results, in input order, to `sink`. Skipped inputs and the
/// readers' notes are said on standard error, in input order. No readable input is a
/// failure, its message ending with `nothing`.
fn each_batch<T: Send>(
    nothing: &str,
    inputs: &[Input],
    pool: &ThreadPool,
    jobs: usize,
    work: impl Fn(&Input) -> Result<(T, Vec<String>), String> + Sync,
    mut sink: impl FnMut(Vec<T>) -> Result<(), CliError>,
) -> Result<Outcome, CliError> {
    let mut outcome = Outcome { documents: 0, skipped: 0 };
    for chunk in inputs.chunks(DOCUMENTS_PER_BATCH) {
        let done: Vec<Result<(T, Vec<String>), String>> = if jobs == 1 {
            chunk.iter().map(&work).collect()
        } else {
            pool.install(|| chunk.par_iter().map(&work).collect())
        };
        let mut batch = Vec::with_capacity(done.len());
        for result in done {
            match result {
                Ok((value, notes)) => {
                    for note in notes {
                        eprintln!("colloquy: {note}");
                    }
                    batch.push(value);
                }
                Err(reason) => {
                    eprintln!("colloquy: skipped {reason}");
                    outcome.skipped += 1;
                }
            }
        }
        if batch.is_empty() {
            continue;
        }
        outcome.documents = u32::try_from(batch.len())
            .ok()
            .and_then(|n| outcome.documents.checked_add(n))
            .ok_or_else(|| CliError::failure("more than 4,294,967,295 documents"))?;
        sink(batch)?;
    }
    if outcome.documents == 0 {
        let what = match inputs.len() {
            0 => "no files to read".to_owned(),
            1 => "the one file given could not be read".to_owned(),
            n => format!("none of the {n} files could be read"),
        };
        return Err(CliError::failure(format!("{what}{nothing}")));
    }
    Ok(outcome)
}

fn pool(jobs: usize) -> Result<ThreadPool, CliError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| CliError::failure(format!("starting {jobs} threads: {e}")))
}

/// The tables' writers, created with the first batch (no readable document, no files).
struct Tables<'a> {
    out: &'a Path,
    format: TableFormat,
    rows_per_file: usize,
    writers: Option<Vec<TableWriter>>,
    next: u32,
}

impl Tables<'_> {
    /// Writes one batch of documents' rows, numbering the documents on from the last.
    fn write(&mut self, documents: Vec<DocumentTables>) -> Result<(), CliError> {
        let mut batch = Batch::new();
        for tables in documents {
            batch.add(self.next, tables);
            self.next = self.next.saturating_add(1);
        }
        let writers = match &mut self.writers {
            Some(w) => w,
            None => self.writers.insert(create_writers(self.out, self.format, self.rows_per_file)?),
        };
        for (writer, rows) in writers.iter_mut().zip(&batch.tables) {
            writer.write(rows)?;
        }
        Ok(())
    }

    fn finish(self) -> Result<(), CliError> {
        self.writers.into_iter().flatten().try_for_each(TableWriter::finish)
    }
}

fn write_tables(args: &CorpusArgs, out: &Path, format: TableFormat) -> Result<Outcome, CliError> {
    let options = args.options()?;
    let inputs = inputs::expand(&args.paths);
    let jobs = args.jobs();
    let pool = pool(jobs)?;
    let mut tables = Tables { out, format, rows_per_file: args.rows_per_file, writers: None, next: 0 };
    let analyse = |input: &Input| -> Result<(DocumentTables, Vec<String>), String> {
        let (path, text, notes) = read(input)?;
        Ok((colloquy::document_tables(DocumentMeta::from_path(&path), text, &options), notes))
    };
    const NOTHING: &str = "; no tables written";
    if jobs == 1 {
        let outcome = each_batch(NOTHING, &inputs, &pool, jobs, analyse, |documents| tables.write(documents))?;
        tables.finish()?;
        return Ok(outcome);
    }
    // With threads to spare, a batch is written on a thread of its own while the next one
    // is analysed (a channel of one batch: at most three batches are held).
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<DocumentTables>>(1);
        let writer = scope.spawn(move || -> Result<(), CliError> {
            for documents in receive {
                tables.write(documents)?;
            }
            tables.finish()
        });
        let outcome = each_batch(NOTHING, &inputs, &pool, jobs, analyse, |documents| {
            // A send fails only when the writer stopped on an error, which `join` reports.
            send.send(documents).map_err(|_| CliError::failure("writing the tables stopped"))
        });
        drop(send);
        let written = writer.join().unwrap_or_else(|_| Err(CliError::failure("writing the tables failed")));
        match (outcome, written) {
            (Ok(outcome), Ok(())) => Ok(outcome),
            (Err(e), Ok(())) | (_, Err(e)) => Err(e),
        }
    })
}

fn create_writers(out: &Path, format: TableFormat, rows_per_file: usize) -> Result<Vec<TableWriter>, CliError> {
    std::fs::create_dir_all(out).map_err(|e| CliError::failure(format!("{}: {e}", out.display())))?;
    TABLES.iter().map(|&t| TableWriter::create(out, t, format, rows_per_file)).collect()
}

fn print_view(args: &CorpusArgs, view: CorpusView, format: ViewFormat) -> Result<Outcome, CliError> {
    // Checked before any file is read.
    let keyness = match (view, &args.a) {
        (CorpusView::Keyness, None) => return Err(CliError::usage("--view keyness needs --a SET (and --b SET)")),
        (CorpusView::Keyness, Some(a)) => Some(GroupKeynessOptions {
            a: a.clone(),
            b: args.b.clone().unwrap_or(DocumentSet::Rest),
            limit: args.limit.unwrap_or(KEYNESS_TERMS),
        }),
        _ => None,
    };
    if view == CorpusView::Kwic && args.query.iter().all(|q| q.trim().is_empty()) {
        return Err(CliError::usage("--view kwic needs --query QUERY"));
    }
    let options = args.options()?;
    let inputs = inputs::expand(&args.paths);
    let jobs = args.jobs();
    let pool = pool(jobs)?;
    // Only the concordance needs the documents' texts: it keeps every one (memory grows
    // with the corpus); the other views keep none.
    let keep_bytes = if view == CorpusView::Kwic { usize::MAX } else { 0 };
    let mut corpus = Corpus::new(&options, CorpusConfig { keep_bytes });
    let load = |input: &Input| {
        let (path, text, notes) = read(input)?;
        Ok(((DocumentMeta::from_path(&path), text), notes))
    };
    let outcome = each_batch("", &inputs, &pool, jobs, load, |documents| {
        if jobs == 1 {
            for (meta, text) in documents {
                corpus.add(meta, text);
            }
        } else {
            pool.install(|| corpus.add_all(documents));
        }
        Ok(())
    })?;
    let bytes = match view {
        CorpusView::Documents => views::documents(&corpus, format)?,
        CorpusView::Speakers => views::speakers(&corpus, format)?,
        CorpusView::Trends => {
            let o = TrendOptions { terms: args.terms.clone(), top: args.limit.unwrap_or(TrendOptions::default().top) };
            views::trends(&corpus, &corpus.trends(&o), format)?
        }
        CorpusView::Keyness => {
            let o = keyness.as_ref().ok_or_else(|| CliError::usage("--view keyness needs --a SET"))?;
            let k = corpus.keyness(o).map_err(|e| CliError::failure(e.to_string()))?;
            views::keyness(&k, format)?
        }
        CorpusView::Frequency => {
            let d = FrequencyOptions::default();
            let o = FrequencyOptions {
                min_documents: args.min_documents.map_or(d.min_documents, |n| usize::try_from(n).unwrap_or(usize::MAX)),
                limit: args.limit.unwrap_or(d.limit),
            };
            views::frequency(&corpus.frequency(&o), format)?
        }
        CorpusView::Kwic => {
            let d = KwicOptions::default();
            let o = KwicOptions { width: args.width.unwrap_or(d.width), limit: args.limit.unwrap_or(0), ..d };
            let queries: Vec<&str> = args.query.iter().map(String::as_str).collect();
            views::kwic(&corpus, &corpus.kwic_any(&queries, &o), &args.query.join("\" or \""), format)?
        }
    };
    output::print(&bytes)?;
    Ok(outcome)
}
