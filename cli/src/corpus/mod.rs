//! `colloquy corpus PATH… --out DIR`: many transcripts into five long tables
//! (docs/corpus-tables.md), one row per document, speaker, term, phrase and turn, for
//! DuckDB, DataFusion or Spark (docs/scale.md).
//!
//! Each document is read as `analyse` reads a file and analysed on its own by the core
//! (`colloquy::document_tables`); documents go through in batches of
//! [`DOCUMENTS_PER_BATCH`], analysed in parallel (`--jobs`) and written in input order, so
//! the output does not depend on the number of threads, and memory holds one batch's texts
//! and rows, never the corpus.

mod inputs;
mod tables;
mod writers;

use std::path::PathBuf;

use clap::Args;
use colloquy::{DocumentMeta, DocumentTables, Options};
use rayon::prelude::*;

use crate::args::CountArgs;
use crate::error::CliError;
use crate::input;
use crate::shared_args::DocumentArgs;
use inputs::Input;
use tables::{Batch, TABLES};
pub use writers::TableFormat;
use writers::{TableWriter, ROWS_PER_FILE};

/// Documents analysed at a time: the texts and rows of one batch are all that is held.
pub const DOCUMENTS_PER_BATCH: usize = 64;

#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// Transcripts: files, folders (read recursively, sorted by name, hidden files
    /// skipped) and glob patterns such as `'talks/**/*.txt'` (quote them).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,

    /// The folder to write the tables into (created if missing; files of the same names
    /// are replaced).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// The tables' file format.
    #[arg(long, value_enum, default_value_t = TableFormat::Parquet)]
    pub format: TableFormat,

    /// Documents analysed at once; 1 analyses one after another. Default: every core.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

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

/// How a corpus run went, when it wrote its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub documents: u32,
    pub skipped: usize,
}

/// One input read and analysed: its rows and what the reader said about it, or why it
/// was skipped (one line: the path and the reason).
type Analysed = Result<(DocumentTables, Vec<String>), String>;

fn analyse(input: &Input, options: &Options) -> Analysed {
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
    Ok((colloquy::document_tables(DocumentMeta::from_path(path), &read.text, options), notes))
}

/// Writes the tables of every readable document among `args.paths` into `args.out`.
pub fn run(args: &CorpusArgs) -> Result<Outcome, CliError> {
    let options = args.options()?;
    let inputs = inputs::expand(&args.paths);
    let jobs = args.jobs();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| CliError::failure(format!("starting {jobs} threads: {e}")))?;
    let mut writers: Option<Vec<TableWriter>> = None;
    let mut outcome = Outcome { documents: 0, skipped: 0 };
    for chunk in inputs.chunks(DOCUMENTS_PER_BATCH) {
        let analysed: Vec<Analysed> = if jobs == 1 {
            chunk.iter().map(|i| analyse(i, &options)).collect()
        } else {
            pool.install(|| chunk.par_iter().map(|i| analyse(i, &options)).collect())
        };
        let mut batch = Batch::new();
        for result in analysed {
            match result {
                Ok((tables, notes)) => {
                    for note in notes {
                        eprintln!("colloquy: {note}");
                    }
                    batch.add(outcome.documents, tables);
                    outcome.documents = outcome
                        .documents
                        .checked_add(1)
                        .ok_or_else(|| CliError::failure("more than 4,294,967,295 documents"))?;
                }
                Err(reason) => {
                    eprintln!("colloquy: skipped {reason}");
                    outcome.skipped += 1;
                }
            }
        }
        if batch.tables[0].rows == 0 {
            continue;
        }
        let writers = match &mut writers {
            Some(w) => w,
            None => writers.insert(create_writers(args)?),
        };
        for (writer, rows) in writers.iter_mut().zip(&batch.tables) {
            writer.write(rows)?;
        }
    }
    let Some(writers) = writers else {
        let what = match inputs.len() {
            0 => "no files to read".to_owned(),
            1 => "the one file given could not be read".to_owned(),
            n => format!("none of the {n} files could be read"),
        };
        return Err(CliError::failure(format!("{what}; no tables written")));
    };
    for writer in writers {
        writer.finish()?;
    }
    Ok(outcome)
}

fn create_writers(args: &CorpusArgs) -> Result<Vec<TableWriter>, CliError> {
    std::fs::create_dir_all(&args.out).map_err(|e| CliError::failure(format!("{}: {e}", args.out.display())))?;
    TABLES.iter().map(|&t| TableWriter::create(&args.out, t, args.format, args.rows_per_file)).collect()
}
