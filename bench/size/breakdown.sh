#!/usr/bin/env bash
# Where the gzipped bytes of pkg/colloquy_bg.wasm go, by component (bench/size/README.md).
# Run after `make pkg`; needs python3 and rustfilt (`cargo install rustfilt`); prints
# twiggy's top items too when twiggy is installed (`cargo install twiggy`).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/size
mkdir -p "$out"
# The release build linked with a map of every data item and with its relocations kept
# (which function uses which data); its own target dir, as RUSTFLAGS differ.
RUSTFLAGS="-C link-arg=--Map=$PWD/$out/map.txt -C link-arg=--emit-relocs" CARGO_TARGET_DIR="$out/cargo" \
  cargo build -q -p colloquy-wasm --release --target wasm32-unknown-unknown
cp "$out/cargo/wasm32-unknown-unknown/release/colloquy_wasm.wasm" "$out/relocs.wasm"
# The shipped module made again with its function names: wasm-bindgen --keep-debug, then
# wasm-opt as for the package (scripts/wasm-opt.sh) with -g.
cargo build -q -p colloquy-wasm --release --target wasm32-unknown-unknown
rm -rf "$out/named"
wasm-bindgen --target web --keep-debug --out-dir "$out/named" --out-name colloquy \
  target/wasm32-unknown-unknown/release/colloquy_wasm.wasm
scripts/wasm-opt.sh "$out/named/colloquy_bg.wasm" "$out/named.wasm" -g
node_modules/.bin/wasm-dis "$out/named.wasm" -o "$out/named.wat"
python3 bench/size/breakdown.py pkg/colloquy_bg.wasm "$out/named.wasm" "$out/named.wat" "$out/relocs.wasm" "$out/map.txt"
if command -v twiggy > /dev/null; then
  echo
  twiggy top -n 30 "$out/named.wasm"
fi
