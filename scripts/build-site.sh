#!/usr/bin/env bash
# Assembles site/: the page from www/, the npm package from pkg/, vendored libraries.
# Every URL in site/ is relative, so the folder works under any sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf site
mkdir -p site/pkg site/vendor
cp -R www/. site/
cp pkg/colloquy.js pkg/colloquy_bg.wasm site/pkg/
cp node_modules/d3/dist/d3.min.js site/vendor/
cp node_modules/@observablehq/plot/dist/plot.umd.min.js site/vendor/
cp node_modules/d3/LICENSE site/vendor/d3.LICENSE
cp node_modules/@observablehq/plot/LICENSE site/vendor/plot.LICENSE
echo "site: $(find site -type f | wc -l) files in site/"
