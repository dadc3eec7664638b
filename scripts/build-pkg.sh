#!/usr/bin/env bash
# Builds the npm package into pkg/: the release wasm (cleaned up by wasm-opt),
# wasm-bindgen's `--target web` bindings, the TypeScript declarations generated from
# the core's types (wasm/types.d.ts), and the hand-written files from wasm/npm/.
#
#   WASM_OPT=0 scripts/build-pkg.sh          # skip wasm-opt (faster builds while debugging)
#   COLLOQUY_TEST_HOOKS=1 scripts/build-pkg.sh
#       the test variant, into pkg-test/: feature `test-hooks` (the `__testPanic` export),
#       built with the dev profile (its dependencies are the ones `make test-wasm` builds,
#       so it costs one small crate and a link, not a second LTO build) and no wasm-opt.
#       Only site-test/ and the page's tests use it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${COLLOQUY_TEST_HOOKS:-0}" = 1 ]; then
  out=pkg-test
  cargo build -p colloquy-wasm --features test-hooks --target wasm32-unknown-unknown
  wasm=target/wasm32-unknown-unknown/debug/colloquy_wasm.wasm
  WASM_OPT=0
else
  out=pkg
  cargo build -p colloquy-wasm --release --target wasm32-unknown-unknown
  wasm=target/wasm32-unknown-unknown/release/colloquy_wasm.wasm
fi
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" --out-name colloquy "$wasm"
if [ "${WASM_OPT:-1}" != 0 ]; then
  scripts/wasm-opt.sh "$out/colloquy_bg.wasm" "$out/colloquy_bg.wasm"
fi
# The file readers, modules of their own (colloquy/read; wasm-read/): read/ without the
# PDF reader, pdf/ with it. Always release builds: they are small, and the test variant
# has no hook in them.
for module in read pdf; do
  features=""
  [ "$module" = pdf ] && features="--features pdf"
  # shellcheck disable=SC2086
  cargo build -p colloquy-read-wasm --release --target wasm32-unknown-unknown $features
  wasm-bindgen --target web --out-dir "$out/$module" --out-name "colloquy_$module" \
    target/wasm32-unknown-unknown/release/colloquy_read_wasm.wasm
  if [ "${WASM_OPT:-1}" != 0 ]; then
    scripts/wasm-opt.sh "$out/$module/colloquy_${module}_bg.wasm" "$out/$module/colloquy_${module}_bg.wasm"
  fi
  sed -i 's/\bany\b/unknown/g' "$out/$module/colloquy_$module.d.ts" "$out/$module/colloquy_${module}_bg.wasm.d.ts"
done
# The test hook is in the test variant and nowhere else: its name in the bindings, the
# declarations or the wasm's export section fails a normal build.
hook=__testPanic
if [ "$out" = pkg-test ]; then
  grep -q "$hook" "$out/colloquy.js" || { echo "pkg-test: $hook is missing from colloquy.js" >&2; exit 1; }
elif grep -l "$hook" "$out/colloquy.js" "$out/colloquy.d.ts" "$out/colloquy_bg.wasm" "$out/colloquy_bg.wasm.d.ts"; then
  echo "pkg: the test-only export $hook is in the files above; build the package without feature test-hooks" >&2
  exit 1
fi
# The declarations of Analysis, AnalyseOptions and the types they use, generated from the
# core's types (`make declarations`; `make test` checks the file is current).
cat wasm/types.d.ts >> "$out/colloquy.d.ts"
# wasm-bindgen types the raw wasm exports' JS handles as `any`; `unknown` is as true
# and keeps `any` out of the public declarations.
sed -i 's/\bany\b/unknown/g' "$out/colloquy.d.ts" "$out/colloquy_bg.wasm.d.ts"
cp -R wasm/npm/. "$out/"
# read.js's declarations, from its JSDoc (so they cannot drift from the code).
node_modules/.bin/tsc --allowJs --declaration --emitDeclarationOnly --skipLibCheck --target es2022 \
  --module nodenext --outDir "$out/.decl" "$out/read.js"
mv "$out/.decl/read.d.ts" "$out/read.d.ts"
rm -rf "$out/.decl"
version="$(awk -F'"' '/^\[workspace.package\]/{w=1} w && /^version/{print $2; exit}' Cargo.toml)"
sed -i "s/\"version\": \"[^\"]*\"/\"version\": \"$version\"/" "$out/package.json"
for wasm in colloquy_bg.wasm read/colloquy_read_bg.wasm pdf/colloquy_pdf_bg.wasm; do
  echo "$out: colloquy@$version, $wasm: $(wc -c < "$out/$wasm") bytes, $(gzip -9c "$out/$wasm" | wc -c) gzipped"
done
