#!/usr/bin/env bash
# Prints the version of the wasm-bindgen crate locked in Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
