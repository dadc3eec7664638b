//! `colloquy`: the command-line front end. Thin: it reads the input, maps flags
//! onto the core's options, calls [`colloquy::analyse`] or queries a
//! [`colloquy::Document`], and prints the result.
//!
//! Exit codes: 0 on success, 1 for unreadable or invalid input (and failed
//! output), 2 for usage errors, 3 when `corpus` wrote its tables but skipped some
//! files (each skipped file is named on standard error with the reason).

mod args;
mod collocates;
mod comparison_args;
mod corpus;
mod csv_out;
mod dispersion;
mod dynamics;
mod error;
mod input;
mod kwic;
mod output;
mod query_args;
mod shared_args;
mod table;
mod text_table;

use std::process::ExitCode;

use clap::Parser;

use args::{AnalyseArgs, Cli, Command};
use error::CliError;
use shared_args::OutputFormat;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("colloquy: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let output = match cli.command {
        Command::Corpus(args) => {
            let outcome = corpus::run(&args)?;
            return Ok(if outcome.skipped > 0 { ExitCode::from(error::EXIT_SKIPPED) } else { ExitCode::SUCCESS });
        }
        Command::Analyse(args) => analyse(&args)?,
        Command::Kwic(args) => kwic::run(&args)?,
        Command::Collocates(args) => collocates::run(&args)?,
        Command::Dispersion(args) => dispersion::run(&args)?,
        Command::Dynamics(args) => dynamics::run(&args)?,
    };
    output::print(&output)?;
    Ok(ExitCode::SUCCESS)
}

fn analyse(args: &AnalyseArgs) -> Result<Vec<u8>, CliError> {
    if args.view.is_some() && args.format != OutputFormat::Csv {
        return Err(CliError::usage("--view only applies to --format csv"));
    }
    let options = args.options()?;
    let read = input::read_source(&args.input)?;
    let analysis = colloquy::analyse_read(&read, &options);
    match (args.format, args.view) {
        (OutputFormat::Json, _) => output::json(serde_json::to_vec_pretty(&analysis)),
        (OutputFormat::Table, _) => Ok(table::render(&analysis).into_bytes()),
        (OutputFormat::Csv, Some(view)) => csv_out::render(&analysis, view),
        (OutputFormat::Csv, None) => Err(CliError::usage("--format csv needs --view terms|speakers|phrases")),
    }
}
