//! The floor, natively: `colloquy-floor FILE RUNS` prints `{"ms": median, "tokens": …}`.
//! Each timed run includes a copy of the text (the floor lower-cases in place), as the
//! wasm run includes the string crossing.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_default();
    let runs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(7);
    let Ok(text) = std::fs::read(&path) else {
        eprintln!("colloquy-floor: cannot read {path}");
        std::process::exit(1);
    };
    let mut times = Vec::new();
    let mut last = colloquy_floor::Floor::default();
    for _ in 0..runs.max(1) {
        let t = std::time::Instant::now();
        let mut copy = text.clone();
        last = colloquy_floor::floor(&mut copy);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let ms = times[times.len() / 2];
    println!(
        "{{\"ms\": {ms:.3}, \"tokens\": {}, \"types\": {}, \"speakers\": {}}}",
        last.tokens, last.types, last.speakers
    );
}
