//! Times each stage of the native analysis of one text, for `bench/profile.sh`:
//! parse, tokenize, count, report (`bench/bare/src/stages.rs`, as `bench/paired.mjs`
//! times them), and the report without phrases (n-grams up to 2, one phrase), as
//! medians of repeated runs in milliseconds.
//!
//! ```sh
//! cargo run --release --example phases -- bench/corpora/10mb.txt 7
//! ```

use std::time::Instant;

#[path = "../bench/bare/src/stages.rs"]
mod stages;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "bench/corpora/10mb.txt".to_owned());
    let runs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("phases: cannot read {path}");
        std::process::exit(1);
    };
    let options = colloquy::Options::default();
    let mut terms_only = options.view.clone();
    terms_only.ngram_max = 2;
    terms_only.top_phrases = 1;
    let names = ["parse", "tokenize", "count", "report", "report without phrases", "analyse (all stages)"];
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    let mut now = || ms(start);
    for _ in 0..runs {
        for (stage, t) in times.iter_mut().zip(stages::stages(&text, &mut now)) {
            stage.push(t);
        }
        let doc = colloquy::Document::new(text.clone(), &options);
        let counts = colloquy::Counts::new(&doc);
        let t = Instant::now();
        std::hint::black_box(counts.report(&terms_only));
        times[4].push(ms(t));
        let t = Instant::now();
        std::hint::black_box(colloquy::analyse(&text, &options));
        times[5].push(ms(t));
    }
    println!("| stage | median ms ({runs} runs) |\n| --- | ---: |");
    for (name, t) in names.iter().zip(times) {
        println!("| {name} | {:.1} |", median(t));
    }
}
