//! The analysis in its four stages, each timed: parse, tokenize, count, report. Shared
//! by the bare wasm module (`lib.rs`, with JavaScript's clock) and the native
//! `examples/bench_serve.rs` and `examples/phases.rs` (with `Instant`), so that all
//! time the same code.

use colloquy::{Counts, Document, Options};

/// Milliseconds of each stage (parse, tokenize, count, report) of analysing `text`
/// with default options; `now` reads a clock in milliseconds. The document the count
/// stage reads is built untimed.
pub fn stages(text: &str, now: &mut dyn FnMut() -> f64) -> [f64; 4] {
    let options = Options::default();
    let t0 = now();
    let transcript = colloquy::parse(text, &options.parse);
    let t1 = now();
    let tokens = colloquy::tokenize(text, &transcript, &options.tokenize);
    let t2 = now();
    std::hint::black_box((transcript, tokens));
    let doc = Document::new(text.to_owned(), &options);
    let t3 = now();
    let counts = Counts::new(&doc);
    let t4 = now();
    std::hint::black_box(counts.report(&options.view));
    let t5 = now();
    [t1 - t0, t2 - t1, t4 - t3, t5 - t4]
}
