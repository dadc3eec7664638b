#!/usr/bin/env bash
# Builds the npm package into pkg/: the release wasm, wasm-bindgen's web bindings,
# and the hand-written package files from wasm/npm/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -p colloquy-wasm --release --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name colloquy \
  target/wasm32-unknown-unknown/release/colloquy_wasm.wasm
cp -R wasm/npm/. pkg/
