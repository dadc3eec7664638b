#!/usr/bin/env bash
# Where colloquy's time goes: stage medians of the native core (examples/phases.rs) on
# the 50 KB and 10 MB corpora, and, where `perf` is installed, the hottest functions.
# Writes bench/PROFILE.md, which bench/report.mjs appends to RESULTS.md.
#
#   make profile        # after `make bench` or `make bench-quick` made the corpora
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/PROFILE.md
[ -f bench/corpora/10mb.txt ] || node bench/gen-corpus.mjs bench/corpora
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build -q --release --example phases
bin=target/release/examples/phases
{
  echo "## Where colloquy's time goes (native core, \`make profile\`)"
  echo
  echo "Written by \`bench/profile.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$(git rev-parse --short HEAD)\`;"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg). The wasm build runs the same code"
  echo "(wasm/native is in the ratios above), so this is where wasm time goes too."
  # real-10mb: the realworld transcripts repeated (bench/real-corpus.mjs), when they are there.
  node bench/real-corpus.mjs > /dev/null || true
  for size in 50kb 10mb real-10mb; do
    [ -f "bench/corpora/$size.txt" ] || { echo; echo "### $size: not profiled (the realworld corpus is not there)"; continue; }
    echo
    echo "### $size, by stage"
    echo
    "$bin" "bench/corpora/$size.txt" "$([ "$size" = 50kb ] && echo 41 || echo 5)"
  done
  if command -v perf > /dev/null; then
    echo
    echo "### 10mb, hottest functions (perf, self time; inlined callees count in their caller)"
    echo
    echo '| share | function |'
    echo '| ---: | --- |'
    perf record -q -o /tmp/colloquy-profile.data "$bin" bench/corpora/10mb.txt 3 > /dev/null 2>&1
    perf report -i /tmp/colloquy-profile.data --no-children --sort sym --percent-limit 1.5 --stdio 2> /dev/null |
      awk '/^ +[0-9.]+%/ { pct=$1; $1=""; $2=""; sub(/^ +/, ""); printf "| %s | `%s` |\n", pct, $0 }'
    rm -f /tmp/colloquy-profile.data
    echo
    echo "### 50kb, wasm beside native, function by function"
    echo
    echo "Self time per run: the npm package's wasm, rebuilt with its function names kept, sampled by V8's profiler in Node (\`bench/wasm-profile.mjs\`), beside the native core (\`examples/bench_serve.rs\`) sampled by perf, in alternating batches."
    echo
    pkg=bench/work/pkg-names
    cargo build -q -p colloquy-wasm --release --target wasm32-unknown-unknown
    rm -rf "$pkg"
    wasm-bindgen --keep-debug --target web --out-dir "$pkg" --out-name colloquy \
      target/wasm32-unknown-unknown/release/colloquy_wasm.wasm
    scripts/wasm-opt.sh "$pkg/colloquy_bg.wasm" "$pkg/colloquy_bg.wasm" -g
    CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build -q --release --example bench_serve
    node bench/wasm-profile.mjs "$pkg" bench/corpora/50kb.txt target/release/examples/bench_serve
  fi
} > "$out"
echo "profile: wrote $out"
