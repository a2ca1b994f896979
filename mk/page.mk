# The page (www/): its single-file build, serving it, its browser tests and its figures.
# Included by the top Makefile; `wasm` (www/pkg, wasm-bindgen --target web) comes from there.

NODE ?= node
PAGE_SINGLE := www/dist/annotator.html
E2E := tests/e2e
CHROMIUM_BIN := /usr/bin/chromium

WASM_BG := $(WASM_OUT)/article_annotator_bg.wasm
WASM_MIN := $(WASM_OUT)/min
WASM_CARGO := $(TARGET_DIR)/$(WASM_TARGET)/wasm/article_annotator.wasm

.PHONY: page serve setup-browser setup-wasm-opt setup-page-build test-page bench-page screenshot twiggy

# www/gen/assets.js (for index.html over http) and the single file, from seeds/ and the core
# shrunk: wasm-opt -Oz on cargo's output, run again until it gains nothing (--converge: about
# 600 bytes less in the page, and no slower on bench/wasm-count), then wasm-bindgen without
# names or producers, in www/pkg/min (build_page.mjs compresses that wasm with xz's LZMA and
# inlines it in base64).
# wasm-opt runs before wasm-bindgen because Debian's binaryen (108) rewrites wasm-bindgen's
# externref table as a table browsers refuse; rustc's own output has no reference-typed values.
# --low-memory-unused lets wasm-opt fold constant offsets into loads and stores (about 1 KB
# less under LZMA): it may assume no pointer into the first 1 KB of memory, which holds for
# rustc's layout (the stack first, growing down from 1 MB towards 0, the data after it), short
# of a stack megabyte deep.
page: wasm setup-wasm-opt setup-page-build
	wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers $(WASM_CARGO) -o $(WASM_CARGO:.wasm=.opt.wasm)
	wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
	  --out-name article_annotator --out-dir $(WASM_MIN) $(WASM_CARGO:.wasm=.opt.wasm)
	$(NODE) scripts/build_page.mjs

# Node, npm and the build's own npm packages (scripts/package.json: esbuild), only when missing.
setup-page-build:
	@command -v $(NODE) >/dev/null && command -v npm >/dev/null || { apt-get update && apt-get install -y nodejs npm; }
	@if [ ! -d scripts/node_modules/esbuild ] || [ scripts/package-lock.json -nt scripts/node_modules/.package-lock.json ]; then \
	  cd scripts && npm ci --no-audit --no-fund; fi

# Debian's binaryen (wasm-opt) and xz-utils, only when missing.
setup-wasm-opt:
	@command -v wasm-opt >/dev/null || { apt-get update && apt-get install -y binaryen; }
	@command -v xz >/dev/null || { apt-get update && apt-get install -y xz-utils; }

# What is big in the core: wasm-bindgen's output still has its names (`cargo install twiggy`).
twiggy: wasm
	twiggy top -n 40 $(WASM_BG)

# Serves www/ on 127.0.0.1 on a free port (Ctrl-C stops it).
serve:
	@test -f www/gen/assets.js || { echo "www/gen/assets.js is missing: run make page first"; exit 1; }
	@port=$$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'); \
	  echo "Serving www/ at http://127.0.0.1:$$port/"; \
	  echo "Single file (open it straight from disk): file://$(CURDIR)/$(PAGE_SINGLE)"; \
	  cd www && exec python3 -m http.server --bind 127.0.0.1 $$port

# Debian's Chromium and its driver, and the tests' npm packages: each only when missing.
setup-browser:
	@if [ ! -x $(CHROMIUM_BIN) ] || ! command -v chromedriver >/dev/null; then \
	  apt-get update && apt-get install -y chromium chromium-driver; fi
	@command -v npm >/dev/null || { apt-get update && apt-get install -y nodejs npm; }
	@if [ ! -d $(E2E)/node_modules/playwright-core ] || [ $(E2E)/package-lock.json -nt $(E2E)/node_modules/.package-lock.json ]; then \
	  cd $(E2E) && npm ci --no-audit --no-fund; fi

# End-to-end tests in headless Chromium: the single file from file:// and www/ over http.
test-page: page core setup-browser
	cd $(E2E) && $(NODE) --test --test-concurrency=1 --test-reporter=spec

# One JSON line per figure (medians): start-up, each seed, throughput on 5 MB, gzip size.
bench-page: page setup-browser
	@cd $(E2E) && $(NODE) bench.mjs

# Refreshes docs/screenshot.png (the README's) from the end-to-end run.
screenshot:
	UPDATE_SCREENSHOT=1 $(MAKE) --no-print-directory test-page
