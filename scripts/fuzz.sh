#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 600) and appends a line per run to
# fuzz/RUNS.md. Needs nightly (installed with rustup when missing) and cargo-fuzz.
# Exits non-zero when any run failed (a crash: its input is in fuzz/artifacts/TARGET/),
# after running the remaining targets.
#
#   scripts/fuzz.sh                 # all targets, 10 minutes each
#   FUZZ_SECONDS=60 scripts/fuzz.sh parse
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-600}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse analyse_options captions stream read corpus)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz

failed=()
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  # Seed corpora: every fixture (each format, each language, the seed transcript).
  find tests/fixtures -type f \( -name '*.txt' -o -name '*.vtt' -o -name '*.srt' \) -exec cp {} "$corpus/" \;
  # `read` also starts from a file of every format it reads (tests/fixtures/read/).
  [ "$t" != read ] || cp tests/fixtures/read/* "$corpus/"
  # `pdf` starts from the PDFs there.
  [ "$t" != pdf ] || cp tests/fixtures/read/*.pdf "$corpus/"
  log="fuzz/artifacts/$t.log"
  mkdir -p fuzz/artifacts
  echo "fuzz: $t for ${seconds}s"
  status=0
  cargo +nightly fuzz run "$t" "$corpus" -- -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=65536 \
    -print_final_stats=1 > "$log" 2>&1 || status=$?
  # (`|| true`: a log without stats, as when the build fails, is reported, not fatal.)
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)"
  ft="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)"
  crashes="$(find "fuzz/artifacts/$t" -name 'crash-*' 2>/dev/null | wc -l)"
  line="| $(date -u +%Y-%m-%d) | \`$t\` | ${seconds}s | ${runs:-?} | ${cov:-?} | ${ft:-?} | ${crashes} | exit ${status} |"
  echo "$line" | tee -a fuzz/RUNS.md
  if [ "$status" != 0 ]; then
    failed+=("$t")
    tail -n 60 "$log" >&2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]} (inputs in fuzz/artifacts/, logs in fuzz/artifacts/*.log)" >&2
  exit 1
fi
