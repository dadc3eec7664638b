# colloquy: `make serve` builds and serves the page; `make test` runs every suite.
# Both install whatever is missing first (scripts/setup.sh).

PORT ?= 8080
CHROME_BIN ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_BIN CHROMEDRIVER
WASM_RUNNER = CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

export PATH := $(HOME)/.cargo/bin:$(PATH)

FUZZ_SECONDS ?= 600

.PHONY: fuzz serve site pkg site-test pkg-test setup setup-test test test-fmt test-clippy test-rust test-duckdb test-wasm test-types test-e2e clean

serve: site
	@echo "colloquy: open http://127.0.0.1:$(PORT)/"
	node scripts/serve.mjs site --port $(PORT)

site: pkg
	scripts/build-site.sh

pkg: setup
	scripts/build-pkg.sh

# The page on a test build of the package with the `__testPanic` export (feature
# test-hooks), for e2e/hardening.test.mjs. site/ and pkg/ never contain it.
site-test: pkg-test
	PKG=pkg-test SITE=site-test scripts/build-site.sh

pkg-test: setup
	COLLOQUY_TEST_HOOKS=1 scripts/build-pkg.sh

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

test: setup-test test-workflows test-fmt test-clippy test-declarations test-rust test-duckdb test-wasm site test-types site-test test-e2e
	@echo "colloquy: all suites passed"

test-fmt:
	cargo fmt --all --check

test-clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p colloquy --all-targets --all-features -- -D warnings
	cargo clippy -p colloquy-wasm --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p colloquy-read-wasm --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p colloquy-read-wasm --all-targets --target wasm32-unknown-unknown --features pdf -- -D warnings
	cargo clippy -p colloquy-wasm --all-targets --target wasm32-unknown-unknown --features test-hooks -- -D warnings

test-rust:
	cargo test --workspace
	cargo test --manifest-path bench/floor/Cargo.toml
	cargo test --manifest-path bench/bare/Cargo.toml

# The corpus tables in DuckDB (@duckdb/node-api, an npm devDependency that setup installs):
# docs/scale.md's queries (docs/sql/) on `colloquy corpus` of tests/fixtures/corpus/ agree
# with `colloquy analyse` on each file (cli/duckdb/check.test.mjs).
test-duckdb: setup
	cargo build -p colloquy-cli
	node --test --test-reporter=spec cli/duckdb/

# In the browser, the runner's time limit covers all the tests of a file (default 20 s);
# the bad-input matrix (wasm/tests/bad_inputs.rs, a 50 MB line among them) takes 25–35 s here.
test-wasm:
	@echo "== wasm-bindgen-test under Node"
	$(WASM_RUNNER) cargo test -p colloquy-wasm -p colloquy-read-wasm --target wasm32-unknown-unknown
	@echo "== wasm-bindgen-test in headless Chromium"
	@mkdir -p target
	sed 's|"/usr/bin/chromium"|"$(CHROME_BIN)"|' webdriver.json > target/webdriver.json
	$(WASM_RUNNER) WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_TIMEOUT=180 CHROMEDRIVER=$(CHROMEDRIVER) \
	  WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/target/webdriver.json \
	  cargo test -p colloquy-wasm -p colloquy-read-wasm --target wasm32-unknown-unknown

# The page's JavaScript, type-checked (// @ts-check, JSDoc) against the package's generated
# declarations, pkg/colloquy.d.ts (built by `make pkg` when missing): the page, the workers,
# the service worker.
TSC = node_modules/.bin/tsc
test-types: pkg/colloquy.d.ts
	$(TSC) -p www/jsconfig.json
	$(TSC) -p www/worker.jsconfig.json
	$(TSC) -p www/reader.jsconfig.json
	$(TSC) -p www/sw.jsconfig.json

pkg/colloquy.d.ts:
	$(MAKE) pkg

test-e2e:
	node --test --test-reporter=spec --test-concurrency=1 e2e/

clean:
	rm -rf pkg site pkg-test site-test target/wasm32-unknown-unknown

# The GitHub workflows (.github/), linted by actionlint with shellcheck on their `run:`
# scripts; scripts/setup.sh test installs both, pinned, into .tools/.
.PHONY: test-workflows declarations test-declarations
ACTIONLINT = .tools/actionlint/bin
test-workflows:
	@test -x $(ACTIONLINT)/actionlint || { echo "test-workflows: no actionlint in $(ACTIONLINT); run scripts/setup.sh test" >&2; exit 1; }
	$(ACTIONLINT)/actionlint -shellcheck=$(CURDIR)/$(ACTIONLINT)/shellcheck -pyflakes= .github/workflows/*.yml

# The TypeScript declarations of the JSON contract, generated from the core's types by
# ts-rs (src/bin/typescript.rs) and kept in wasm/types.d.ts, so that building the package
# compiles nothing native. `make declarations` rewrites the file; `make test` checks it.
TYPESCRIPT = cargo run -q --bin colloquy-typescript --features typescript
declarations:
	@mkdir -p target
	$(TYPESCRIPT) > target/types.d.ts
	mv target/types.d.ts wasm/types.d.ts

test-declarations:
	@mkdir -p target
	$(TYPESCRIPT) > target/types.d.ts
	@diff -u wasm/types.d.ts target/types.d.ts || { echo "wasm/types.d.ts differs from the Rust types: run make declarations" >&2; exit 1; }
	@# Every type the declarations name is declared (a type missing from src/bin/typescript.rs).
	node_modules/.bin/tsc --noEmit --strict wasm/types.d.ts

# Fuzzing (not part of `make test`: it needs nightly): every target of fuzz/ (parse,
# analyse_options, captions, stream, read, pdf), FUZZ_SECONDS per target.
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

# Benchmarks (bench/README.md): colloquy's wasm beside JavaScript peers and the native
# core, on generated transcripts. They measure, they do not test; each writes a report.
.PHONY: bench bench-quick bench-corpus profile
bench:
	MAKE="$(MAKE)" bench/run.sh full
	bench/corpus.sh

bench-quick:
	MAKE="$(MAKE)" bench/run.sh quick

# `colloquy corpus` on 1,000 generated transcripts of 100 KB, --jobs 1 beside --jobs 2:
# seconds, speedup and peak RSS into bench/RESULTS-corpus.md (bench/corpus.sh); the last
# step of `make bench`, or alone.
bench-corpus:
	bench/corpus.sh

profile:
	bench/profile.sh

# Speaker attribution measured (eval/README.md): the release CLI on ../shared/corpus/realworld
# (when present) and on the fixtures with a truth; rewrites a section of eval/RESULTS.md.
# EVAL_LABEL=before|after|… names the section (default current), EVAL_OUT=path another file.
.PHONY: eval
eval:
	cargo build --release -p colloquy-cli
	node eval/run.mjs $(if $(EVAL_LABEL),--label $(EVAL_LABEL)) $(if $(EVAL_OUT),--out $(EVAL_OUT))
