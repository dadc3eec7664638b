//! `colloquy`: the command-line front end. Thin: it reads the input, maps flags
//! onto the core's options, calls [`colloquy::analyse`] and prints the result.
//!
//! Exit codes: 0 on success, 1 for unreadable or invalid input (and failed
//! output), 2 for usage errors.

mod args;
mod csv_out;
mod error;
mod input;
mod table;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use args::{AnalyseArgs, Cli, Command, OutputFormat};
use error::CliError;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("colloquy: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Analyse(args) => analyse(&args),
    }
}

fn analyse(args: &AnalyseArgs) -> Result<(), CliError> {
    if args.view.is_some() && args.format != OutputFormat::Csv {
        return Err(CliError::usage("--view only applies to --format csv"));
    }
    let options = args.options()?;
    let text = input::read(&args.input)?;
    let analysis = colloquy::analyse(&text, &options);
    let output = match (args.format, args.view) {
        (OutputFormat::Json, _) => {
            let mut out =
                serde_json::to_vec_pretty(&analysis).map_err(|e| CliError::failure(format!("writing JSON: {e}")))?;
            out.push(b'\n');
            out
        }
        (OutputFormat::Table, _) => table::render(&analysis).into_bytes(),
        (OutputFormat::Csv, Some(view)) => csv_out::render(&analysis, view)?,
        (OutputFormat::Csv, None) => return Err(CliError::usage("--format csv needs --view terms|speakers|phrases")),
    };
    print(&output)
}

/// Writes `bytes` to standard output. A closed pipe (`colloquy … | head`) is not an error.
fn print(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CliError::failure(format!("writing output: {e}"))),
        _ => Ok(()),
    }
}
