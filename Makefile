# Two commands do everything on a fresh Debian machine: `make run` and `make test`.
# Each installs what is missing (see `setup`) and is quick when all is there.

CARGO ?= cargo
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
WASM_TARGET := wasm32-unknown-unknown
WASM_OUT := www/pkg
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
SEEDS := $(wildcard seeds/*.txt)

.PHONY: all run test build core wasm setup setup-rust setup-wasm setup-parallel lint test-core test-parallel fuzz fuzz-short bench benchmarks-doc clean

all: build

# Everything: the command line, the wasm core, the page and its single-file build.
build: core wasm $(if $(wildcard mk/page.mk),page)

# Build, then serve www/ on 127.0.0.1 (the single file is printed too).
run: build
	$(if $(wildcard mk/page.mk),$(MAKE) --no-print-directory serve,for f in $(SEEDS); do $(TARGET_DIR)/release/annotate --text "$$f"; done)

# Every test: the core's (unit, fixtures, doc-tests, properties), the batch sharded over GNU
# parallel, and the page's, in Chromium.
test: lint test-core fuzz-short test-parallel $(if $(wildcard mk/page.mk),test-page)

## Set-up -------------------------------------------------------------------

setup: setup-rust setup-wasm

setup-rust:
	@command -v $(CARGO) >/dev/null || { echo "cargo is required (rustup.rs)"; exit 1; }

# The wasm target and wasm-bindgen-cli pinned to the crate's exact version.
setup-wasm:
	@rustup target list --installed 2>/dev/null | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@if [ "$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}')" != "$(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  $(CARGO) install -q wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi

# Debian's GNU parallel, only when missing.
setup-parallel:
	@command -v parallel >/dev/null || { apt-get update && apt-get install -y parallel; }

## Build --------------------------------------------------------------------

core:
	$(CARGO) build --release --bin annotate

wasm: setup-wasm
	$(CARGO) build --lib --profile wasm --target $(WASM_TARGET)
	wasm-bindgen --target web --no-typescript --out-dir $(WASM_OUT) \
	  $(TARGET_DIR)/$(WASM_TARGET)/wasm/article_annotator.wasm

## Test ---------------------------------------------------------------------

test-core:
	$(CARGO) test --release

# Clippy over every target natively, and over the wasm façade (src/wasm.rs builds only there);
# any warning fails. The clippy component is installed when missing.
lint: setup-wasm
	@$(CARGO) clippy --version >/dev/null 2>&1 || rustup component add clippy
	$(CARGO) clippy --release --all-targets -- -D warnings
	$(CARGO) clippy --profile wasm --target $(WASM_TARGET) --lib -- -D warnings

# The README's recipe: a JSONL batch sharded over GNU parallel gives the single run's output.
test-parallel: core setup-parallel
	tests/parallel.sh $(TARGET_DIR)/release/annotate

# The fuzzer (cargo-fuzz, libFuzzer) over the library's invariants: 60 s in `make test`,
# longer with `make fuzz SECONDS=3600` (see docs/robustness.md).
SECONDS ?= 600
fuzz-short:
	scripts/fuzz.sh 60

fuzz:
	scripts/fuzz.sh $(SECONDS)

## Figures ------------------------------------------------------------------

# cargo bench (criterion), then the page's figures in headless Chromium (one JSON line each).
bench:
	$(CARGO) bench --bench annotate
	$(if $(wildcard mk/page.mk),$(MAKE) --no-print-directory bench-page)

# Measures again and rewrites BENCHMARKS.md's tables (the peers too: bench/peers).
benchmarks-doc: $(if $(wildcard mk/page.mk),page setup-browser)
	$(NODE) scripts/benchmarks_doc.mjs

clean:
	$(CARGO) clean
	rm -rf $(WASM_OUT) www/dist

-include mk/*.mk
