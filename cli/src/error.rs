//! The CLI's error type: a one-line message and the exit code it maps to.

use std::fmt;

/// Exit code for bad input, I/O failures and anything else that is not a usage error.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code for usage errors (the same code clap uses for bad arguments).
pub const EXIT_USAGE: u8 = 2;
/// Exit code of `corpus` when it wrote its tables but skipped some files (binary, not
/// UTF-8, empty or unreadable; each named on standard error).
pub const EXIT_SKIPPED: u8 = 3;

/// What went wrong, as one line for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliError {
    /// The command line asks for something impossible.
    Usage(String),
    /// The input could not be read or is not a transcript; or output failed.
    Failure(String),
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError::Usage(message.into())
    }

    pub fn failure(message: impl Into<String>) -> CliError {
        CliError::Failure(message.into())
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => EXIT_USAGE,
            CliError::Failure(_) => EXIT_FAILURE,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(m) | CliError::Failure(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for CliError {}
