//! `colloquy`: the command-line front end.

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "colloquy",
    version,
    about = "Discourse analysis for transcripts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a transcript and print JSON.
    Analyse {
        /// A file, or `-` for standard input.
        #[arg(default_value = "-")]
        input: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("colloquy: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Analyse { input } => {
            let text = read_input(&input)?;
            let analysis = colloquy::analyse(&text, &colloquy::Options::default());
            println!("{}", serde_json::to_string_pretty(&analysis)?);
            Ok(())
        }
    }
}

fn read_input(path: &str) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{path}: not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}
