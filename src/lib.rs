//! colloquy: discourse analysis for transcripts.
//!
//! The crate is the pure core: it knows nothing of JavaScript, files or the
//! browser. Fronts (`colloquy-wasm`, `colloquy-cli`) call [`analyse`].
//!
//! ```
//! let analysis = colloquy::analyse("Alice: Hello, hello world.", &colloquy::Options::default());
//! assert_eq!(analysis.terms[0].term, "hello");
//! assert_eq!(analysis.terms[0].count, 2);
//! ```

mod analysis;
mod tokenize;

pub use analysis::{analyse, Analysis, Options, Summary, Term};
