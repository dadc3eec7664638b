#!/usr/bin/env bash
# `make bench` (full: 50 KB … 100 MB) and `make bench-quick` (up to 10 MB).
#
#   bench/run.sh full|quick
#
# Builds pkg/ and site/ (and installs Chromium if missing), installs the JavaScript peers (npm ci from bench/package-lock.json),
# generates the corpora, times the native core when the workspace has its benchmark
# example (examples/bench_native.rs; BENCH_NATIVE=0 skips it), pairs wasm and native batches
# in time (bench/paired.mjs), times the page in headless Chromium (bench/page.mjs), then runs bench.mjs with
# a deadline so that the whole command ends within BENCH_MINUTES (default 29 for full,
# 15 for quick). Writes bench/RESULTS.md (full) or bench/RESULTS-quick.md (quick).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-full}"
case "$mode" in
  full) max=100mb; minutes="${BENCH_MINUTES:-29}"; quick=() ;;
  quick) max=10mb; minutes="${BENCH_MINUTES:-15}"; quick=(--quick) ;;
  *) echo "usage: bench/run.sh full|quick" >&2; exit 2 ;;
esac
start="$(date +%s)"
say() { printf 'bench: %s (%d s)\n' "$*" "$(( $(date +%s) - start ))"; }

say "building pkg/ and site/; Chromium for the page's figures"
scripts/setup.sh test
"${MAKE:-make}" --no-print-directory site

if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  say "installing the JavaScript peers (npm ci in bench/)"
  (cd bench && npm ci --no-audit --no-fund)
fi

say "generating corpora up to $max"
node bench/gen-corpus.mjs --max "$max"
cp tests/fixtures/mfa-cis-press-conference-2024-04-12.txt bench/corpora/seed.txt
# Real text (issue 26): the realworld transcripts repeated to 10 MB, when ../shared (or
# COLLOQUY_REALWORLD) has them; otherwise it says so and the real rows are skipped.
node bench/real-corpus.mjs || say "real corpus: not built; the report says so"

mkdir -p bench/work
rm -f bench/work/native*.json
if [ "${BENCH_NATIVE:-1}" != 0 ] && [ -f examples/bench_native.rs ]; then
  say "native: building examples/bench_native.rs"
  if cargo build -q --release --example bench_native; then
    sizes=(seed 50kb 1mb 10mb); [ "$mode" = full ] && sizes+=(100mb)
    # The runs get at most a fifth of the time: the wasm and JavaScript peers need the rest.
    native_deadline=$(( $(date +%s) + minutes * 60 / 5 ))
    for s in "${sizes[@]}"; do
      left=$(( native_deadline - $(date +%s) ))
      if [ "$left" -le 5 ]; then say "native: no time left for $s and larger"; break; fi
      say "native: $s (at most ${left} s)"
      # One process per size, so that each size's peak RSS is its own.
      if ! timeout "$left" target/release/examples/bench_native bench/corpora "$s" > "bench/work/native-$s.json"; then
        say "native: $s did not finish within ${left} s"; rm -f "bench/work/native-$s.json"; break
      fi
    done
    node -e '
      const fs = require("fs"); const out = {};
      for (const f of fs.readdirSync("bench/work")) if (/^native-.*\.json$/.test(f)) Object.assign(out, JSON.parse(fs.readFileSync("bench/work/" + f, "utf8")));
      if (Object.keys(out).length) fs.writeFileSync("bench/work/native.json", JSON.stringify(out, null, 2) + "\n");'
  else
    say "native: the example did not build; the report reads bench/native.json if present"
  fi
fi

# The floor (bench/floor/): the least work terms + speakers need, in wasm (a peer in
# bench.mjs) and natively (here, one process per size).
say "floor: building bench/floor (wasm and native)"
cargo build -q --release --manifest-path bench/floor/Cargo.toml --target wasm32-unknown-unknown
cargo build -q --release --manifest-path bench/floor/Cargo.toml
floor_sizes=(seed 50kb 1mb 10mb); [ "$mode" = full ] && floor_sizes+=(100mb)
for s in "${floor_sizes[@]}"; do
  printf '%s\t%s\n' "$s" "$(bench/floor/target/release/colloquy-floor "bench/corpora/$s.txt" 7)"
done | node -e '
  const lines = require("fs").readFileSync(0, "utf8").trim().split("\n");
  const out = Object.fromEntries(lines.map((l) => { const [s, j] = l.split("\t"); return [s, JSON.parse(j)]; }));
  require("fs").writeFileSync("bench/work/floor-native.json", JSON.stringify(out, null, 2) + "\n");'

# wasm and native in alternating batches (bench/paired.mjs): the wasm ÷ native ratios
# with both sides at the same speed of the shared host; 60 s (quick: 40 s). With them,
# the core as a bare wasm module (bench/bare/; scripts/wasm-opt.sh, as for the package),
# which splits the ratio into V8's code and the JS boundary.
rm -f bench/work/paired.json bench/work/colloquy_bare.wasm
say "bare: building bench/bare (the core as a wasm module without wasm-bindgen)"
if cargo build -q --release --manifest-path bench/bare/Cargo.toml --target wasm32-unknown-unknown; then
  scripts/wasm-opt.sh bench/bare/target/wasm32-unknown-unknown/release/colloquy_bare.wasm bench/work/colloquy_bare.wasm ||
    say "bare: wasm-opt failed; the paired run goes without it"
else
  say "bare: did not build; the paired run goes without it"
fi
if [ "${BENCH_NATIVE:-1}" != 0 ] && cargo build -q --release --example bench_serve; then
  say "paired: wasm and native in alternating batches"
  node --expose-gc bench/paired.mjs "${quick[@]}" || say "paired: did not complete; the report says so"
fi

# The page in headless Chromium (bench/page.mjs): the figures a user of the page sees,
# through its file input and its worker. At most a tenth of the time.
say "page: each size through the page's worker in headless Chromium"
page_quick=(); [ "$mode" = quick ] && page_quick=(--quick)
rm -f bench/work/page.json
node bench/page.mjs "${page_quick[@]}" --deadline $(( $(date +%s) + minutes * 6 )) || say "page: did not complete; the report says so"

# Paste to chart (bench/page-speed.mjs, issue 26): click → speakers chart and → every
# tab, cold and warm, where the time goes. BENCH_BEFORE_SITE=DIR (an older build of
# site/) times it side by side with this one. At most a fifth of the time.
say "page: paste to chart, cold and warm${BENCH_BEFORE_SITE:+, beside $BENCH_BEFORE_SITE}"
rm -f bench/work/page-speed.json
before_site=(); [ -n "${BENCH_BEFORE_SITE:-}" ] && before_site=(--site "before=$BENCH_BEFORE_SITE")
node bench/page-speed.mjs "${page_quick[@]}" "${before_site[@]}" --site "this build=site" --deadline $(( $(date +%s) + minutes * 12 )) ||
  say "page-speed: did not complete; the report says so"

say "measuring"
node --expose-gc bench/bench.mjs "${quick[@]}" --started-at "$start" --deadline $(( start + minutes * 60 - 45 ))
say "done"
