# Two commands do everything on a fresh Debian machine: `make run` and `make test`.
# Each installs what is missing (see `setup`) and is quick when all is there.

CARGO ?= cargo
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
WASM_TARGET := wasm32-unknown-unknown
WASM_OUT := www/pkg
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
SEEDS := $(wildcard seeds/*.txt)

.PHONY: all run test build core wasm setup setup-rust setup-wasm test-core fuzz fuzz-short clean

all: build

# Everything: the command line, the wasm core, the page and its single-file build.
build: core wasm $(if $(wildcard mk/page.mk),page)

# Build, then serve www/ on 127.0.0.1 (the single file is printed too).
run: build
	$(if $(wildcard mk/page.mk),$(MAKE) --no-print-directory serve,for f in $(SEEDS); do $(TARGET_DIR)/release/annotate --text "$$f"; done)

# Every test: the core's (unit, fixtures, doc-tests, properties) and the page's, in Chromium.
test: test-core fuzz-short $(if $(wildcard mk/page.mk),test-page)

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

# The fuzzer (cargo-fuzz, libFuzzer) over the library's invariants: 60 s in `make test`,
# longer with `make fuzz SECONDS=3600` (see docs/robustness.md).
SECONDS ?= 600
fuzz-short:
	scripts/fuzz.sh 60

fuzz:
	scripts/fuzz.sh $(SECONDS)

clean:
	$(CARGO) clean
	rm -rf $(WASM_OUT) www/dist

-include mk/*.mk
