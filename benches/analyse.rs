//! Native benchmarks of the full analysis on the benchmark corpora
//! (`bench/corpora/`, written by `make bench`) and on the seed transcript.
//!
//! ```sh
//! cargo bench -p colloquy --bench analyse
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpora() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = vec![(
        "seed".to_owned(),
        std::fs::read_to_string(format!("{root}/tests/fixtures/mfa-cis-press-conference-2024-04-12.txt"))
            .unwrap_or_default(),
    )];
    for size in ["50kb", "1mb", "10mb"] {
        if let Ok(text) = std::fs::read_to_string(format!("{root}/bench/corpora/{size}.txt")) {
            out.push((size.to_owned(), text));
        }
    }
    out
}

fn analyse(c: &mut Criterion) {
    let options = colloquy::Options::default();
    let mut group = c.benchmark_group("analyse");
    group.sample_size(10);
    for (name, text) in corpora() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(&name, |b| b.iter(|| colloquy::analyse(&text, &options)));
    }
    group.finish();
}

criterion_group!(benches, analyse);
criterion_main!(benches);
