#!/usr/bin/env bash
# binaryen's wasm-opt as the npm package's module gets it, for every module that must
# match it (scripts/build-pkg.sh, the bare core of bench/bare/, bench/size/):
#
#   scripts/wasm-opt.sh IN OUT [more wasm-opt flags, e.g. -g]
#
# -O1: LLVM has optimised already, and binaryen's -O2/-O3/-Oz rewrites (inlining, local
# coalescing) make the module compress worse: 396 KB gzipped with -O1 -s2 against 408 KB
# with -O3 (bench/RESULTS.md), at the same speed in V8. WASM_OPT_FLAGS overrides.
# The features are those rustc enables by default for wasm32, and SIMD, which
# .cargo/config.toml adds; old binaryen needs them spelled out.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
in="$1"
out="$2"
shift 2
# shellcheck disable=SC2086
"$root/node_modules/.bin/wasm-opt" ${WASM_OPT_FLAGS:--O1 --shrink-level=2} "$@" \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-simd \
  "$in" -o "$out"
