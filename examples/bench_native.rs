//! Times the native analysis of each benchmark corpus and writes `bench/native.json`
//! for `bench/RESULTS.md`: median and p90 of repeated runs, and peak RSS.
//!
//! ```sh
//! cargo run --release --example bench_native -- bench/corpora 50kb 1mb 10mb 100mb
//! ```

use std::time::Instant;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "bench/corpora".to_owned());
    let options = colloquy::Options::default();
    let mut entries = Vec::new();
    for size in args {
        let path = format!("{dir}/{size}.txt");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("bench_native: {path} not found, skipped");
            continue;
        };
        let runs = if text.len() > 50 << 20 {
            3
        } else if text.len() > 5 << 20 {
            7
        } else {
            21
        };
        let mut times = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let a = colloquy::analyse(&text, &options);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(a);
        }
        times.sort_by(f64::total_cmp);
        let median = times.get(times.len() / 2).copied().unwrap_or(f64::NAN);
        let p90 = times.get((times.len() * 9 / 10).min(times.len().saturating_sub(1))).copied().unwrap_or(f64::NAN);
        let rss = peak_rss_mb().map_or("null".to_owned(), |r| format!("{r:.1}"));
        eprintln!("bench_native: {size}: median {median:.1} ms, p90 {p90:.1} ms, peak RSS {rss} MB");
        entries.push(format!(
            "  \"{size}\": {{ \"bytes\": {}, \"median_ms\": {median:.3}, \"p90_ms\": {p90:.3}, \"runs\": {runs}, \"peak_rss_mb\": {rss} }}",
            text.len()
        ));
    }
    println!("{{\n{}\n}}", entries.join(",\n"));
}
