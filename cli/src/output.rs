//! Writing results: pretty JSON, CSV through the `csv` crate, and standard output.

use std::io::{self, IsTerminal, Write};

use crate::error::CliError;

/// Finishes a `serde_json::to_vec_pretty` result: a trailing newline, or a one-line error.
pub fn json(result: serde_json::Result<Vec<u8>>) -> Result<Vec<u8>, CliError> {
    let mut out = result.map_err(|e| CliError::failure(format!("writing JSON: {e}")))?;
    out.push(b'\n');
    Ok(out)
}

/// Runs `write` on a CSV writer into memory and returns the bytes.
pub fn csv(write: impl FnOnce(&mut csv::Writer<Vec<u8>>) -> csv::Result<()>) -> Result<Vec<u8>, CliError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    write(&mut w).map_err(|e| CliError::failure(format!("writing CSV: {e}")))?;
    w.into_inner().map_err(|e| CliError::failure(format!("writing CSV: {}", e.error())))
}

/// Whether standard output is a terminal that may be styled (bold): not when
/// `NO_COLOR` is set (<https://no-color.org>).
pub fn styled() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Writes `bytes` to standard output. A closed pipe (`colloquy … | head`) is not an error.
pub fn print(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CliError::failure(format!("writing output: {e}"))),
        _ => Ok(()),
    }
}
