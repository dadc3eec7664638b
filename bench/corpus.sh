#!/usr/bin/env bash
# `make bench-corpus`: `colloquy corpus` throughput. 1,000 generated transcripts of
# 100 KB (bench/corpus-files.mjs) into Parquet tables, with --jobs 1 and --jobs 2 side by
# side (alternating, RUNS times each), the release CLI; wall seconds and peak RSS from
# GNU time (`/usr/bin/time -v`: "Maximum resident set size"), into bench/RESULTS-corpus.md.
# Not a test: nothing fails on a slow number. Targets: ≥ 1.7× with 2 jobs, < 30 s, < 1 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES="${FILES:-1000}"
SIZE="${SIZE:-100kb}"
RUNS="${RUNS:-2}"
TIME=/usr/bin/time
scripts/setup.sh bench

cargo build --release -p colloquy-cli
bin="${CARGO_TARGET_DIR:-target}/release/colloquy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node bench/corpus-files.mjs --out "$work/in" --files "$FILES" --size "$SIZE"
input_bytes="$(du -sb "$work/in" | cut -f1)"

# The share of the last 2 s the CPUs were idle, in percent (/proc/stat).
idle() {
  local a b
  a=($(head -n1 /proc/stat)); sleep 2; b=($(head -n1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $(( total > 0 ? 100 * (b[4] - a[4]) / total : 100 ))
}

# Waits (up to IDLE_WAIT seconds, default 300) until the machine is idle (≥ 90%), so that
# another process's build does not take a core from a run; says so when it gives up.
wait_idle() {
  local waited=0
  while [ "$(idle)" -lt 90 ]; do
    waited=$((waited + 2))
    if [ "$waited" -ge "${IDLE_WAIT:-300}" ]; then
      echo "bench-corpus: the machine is busy; running anyway" >&2
      busy=1
      return
    fi
  done
}
busy=0

# run JOBS: prints "seconds max_rss_kb cpu_seconds"
run() {
  rm -rf "$work/out"
  wait_idle
  "$TIME" -v -o "$work/time.txt" "$bin" corpus "$work/in" --out "$work/out" --format parquet --jobs "$1" 2>"$work/stderr.txt" >/dev/null
  local wall rss cpu
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")"
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")"
  cpu="$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time.txt")"
  # h:mm:ss or m:ss.ss → seconds
  echo "$(awk -v t="$wall" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }') $rss $cpu"
}

declare -a one two
for _ in $(seq "$RUNS"); do
  one+=("$(run 1)")
  two+=("$(run 2)")
done
out_bytes="$(du -sb "$work/out" | cut -f1)"
best() { printf '%s\n' "$@" | sort -n | head -n1; }
t1="$(best "${one[@]}")"
t2="$(best "${two[@]}")"
peak="$(printf '%s\n' "${one[@]}" "${two[@]}" | awk '$2 > m { m = $2 } END { print m }')"
read -r s1 r1 c1 <<<"$t1"
read -r s2 r2 c2 <<<"$t2"
speedup="$(awk -v a="$s1" -v b="$s2" 'BEGIN { printf "%.2f", a / b }')"
nfiles="$(find "$work/out" -name "*.parquet" | wc -l)"

{
  echo "# colloquy corpus: throughput"
  echo
  echo "\`make bench-corpus\` (bench/corpus.sh), $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD),"
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))."
  echo
  echo "Input: $FILES generated transcripts of at most $SIZE (bench/corpus-files.mjs), $input_bytes bytes in all."
  echo "\`colloquy corpus IN --out OUT --format parquet --jobs N\`, release build; the best of $RUNS runs each,"
  echo "alternating. Wall time and peak RSS by GNU time (\`/usr/bin/time -v\`). Output: $out_bytes bytes in $nfiles Parquet files."
  echo
  echo "| jobs | seconds | CPU seconds | peak RSS | every run (wall s, peak RSS KB, CPU s) |"
  echo "| --- | --- | --- | --- | --- |"
  echo "| 1 | $s1 | $c1 | $((r1 / 1024)) MB | $(printf '%s; ' "${one[@]}") |"
  echo "| 2 | $s2 | $c2 | $((r2 / 1024)) MB | $(printf '%s; ' "${two[@]}") |"
  echo
  echo "Speedup with 2 jobs: **${speedup}×** (target ≥ 1.7×); time with 2 jobs ${s2} s (target < 30 s);"
  echo "peak RSS over every run $(( peak / 1024 )) MB (target < 1 GB)."
  echo
  echo "Each run waits until the CPUs were ≥ 90% idle for 2 s (another process's build shares the"
  echo "machine); $([ "$busy" = 1 ] && echo "**some runs gave up waiting and ran on a busy machine**" || echo "every run started on an idle machine")."
} > bench/RESULTS-corpus.md
cat bench/RESULTS-corpus.md
