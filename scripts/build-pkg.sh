#!/usr/bin/env bash
# Builds the npm package into pkg/: the release wasm (cleaned up by wasm-opt),
# wasm-bindgen's `--target web` bindings, the TypeScript declarations generated from
# the core's types, and the hand-written files from wasm/npm/.
#
#   WASM_OPT=0 scripts/build-pkg.sh     # skip wasm-opt (faster builds while debugging)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -p colloquy-wasm --release --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name colloquy \
  target/wasm32-unknown-unknown/release/colloquy_wasm.wasm
if [ "${WASM_OPT:-1}" != 0 ]; then
  # -O1: LLVM has optimised already, and binaryen's -O2/-O3/-Oz rewrites (inlining, local
  # coalescing) make the module compress worse: 396 KB gzipped with -O1 -s2 against 408 KB
  # with -O3 (bench/RESULTS.md), at the same speed in V8. WASM_OPT_FLAGS overrides.
  # Features rustc enables by default for wasm32; old binaryen needs them spelled out.
  # shellcheck disable=SC2086
  node_modules/.bin/wasm-opt ${WASM_OPT_FLAGS:--O1 --shrink-level=2} \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    pkg/colloquy_bg.wasm -o pkg/colloquy_bg.wasm
fi
# The declarations of Analysis, AnalyseOptions and the types they use.
cargo run -q --example typescript --features typescript >> pkg/colloquy.d.ts
# wasm-bindgen types the raw wasm exports' JS handles as `any`; `unknown` is as true
# and keeps `any` out of the public declarations.
sed -i 's/\bany\b/unknown/g' pkg/colloquy.d.ts pkg/colloquy_bg.wasm.d.ts
cp -R wasm/npm/. pkg/
version="$(awk -F'"' '/^\[workspace.package\]/{w=1} w && /^version/{print $2; exit}' Cargo.toml)"
sed -i "s/\"version\": \"[^\"]*\"/\"version\": \"$version\"/" pkg/package.json
echo "pkg: colloquy@$version, $(wc -c < pkg/colloquy_bg.wasm) bytes of wasm, $(gzip -9c pkg/colloquy_bg.wasm | wc -c) gzipped"
