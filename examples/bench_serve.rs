//! The native half of `bench/paired.mjs`: times the core on request, so that native and
//! wasm batches can alternate within a second of each other (the benchmark machines
//! change speed for seconds at a time; batches far apart compare different machines).
//!
//! Each line on stdin is `RUNS PATH`; the answer is one line on stdout, a JSON array of
//! the `RUNS` times in milliseconds of `Stream::once` with default options and UTF-16
//! offsets (what the wasm `analyse` computes before it builds the JS result). A file is
//! read once and kept. `RUNS PATH stages` answers an array of `RUNS` arrays instead,
//! each the milliseconds of the four stages (parse, tokenize, count, report) of one run,
//! timed by the code the bare wasm module times them with (`bench/bare/src/stages.rs`).
//! An unreadable file answers `{"error": "..."}`; end of input ends.
//!
//! ```sh
//! echo "5 bench/corpora/50kb.txt" | cargo run --release --example bench_serve
//! ```

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::time::Instant;

use colloquy::{OffsetUnit, Options, Stream};

#[path = "../bench/bare/src/stages.rs"]
mod stages;

fn main() {
    let mut texts: HashMap<String, String> = HashMap::new();
    let stdout = std::io::stdout();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let Some((runs, rest)) = line.trim().split_once(' ') else { continue };
        let runs: usize = runs.parse().unwrap_or(1);
        let (path, by_stage) = match rest.strip_suffix(" stages") {
            Some(path) => (path, true),
            None => (rest, false),
        };
        let answer = match text_of(&mut texts, path) {
            Ok(text) if by_stage => {
                let start = Instant::now();
                let mut now = || start.elapsed().as_secs_f64() * 1000.0;
                let runs: Vec<String> = (0..runs)
                    .map(|_| {
                        let ms = stages::stages(text, &mut now);
                        format!("[{}]", ms.map(|t| format!("{t:.4}")).join(","))
                    })
                    .collect();
                format!("[{}]", runs.join(","))
            }
            Ok(text) => {
                let times: Vec<String> = (0..runs)
                    .map(|_| {
                        let t = Instant::now();
                        std::hint::black_box(Stream::once(Options::default(), OffsetUnit::Utf16, text));
                        format!("{:.4}", t.elapsed().as_secs_f64() * 1000.0)
                    })
                    .collect();
                format!("[{}]", times.join(","))
            }
            Err(e) => format!("{{\"error\": {:?}}}", format!("{path}: {e}")),
        };
        let mut out = stdout.lock();
        if writeln!(out, "{answer}").and_then(|()| out.flush()).is_err() {
            break;
        }
    }
}

fn text_of<'a>(texts: &'a mut HashMap<String, String>, path: &str) -> std::io::Result<&'a str> {
    if !texts.contains_key(path) {
        texts.insert(path.to_owned(), std::fs::read_to_string(path)?);
    }
    Ok(texts.get(path).map_or("", String::as_str))
}
