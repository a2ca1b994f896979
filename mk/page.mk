# The page (www/): its single-file build, serving it, its browser tests and its figures.
# Included by the top Makefile; `wasm` (www/pkg, wasm-bindgen --target web) comes from there.

NODE ?= node
PAGE_SINGLE := www/dist/annotator.html
E2E := tests/e2e
CHROMIUM_BIN := /usr/bin/chromium

.PHONY: page serve setup-browser test-page bench-page screenshot

# www/gen/assets.js (for index.html over http) and the single file, from www/pkg and seeds/.
page: wasm
	@command -v $(NODE) >/dev/null || { echo "node is required for the page's build (apt-get install nodejs)"; exit 1; }
	$(NODE) scripts/build_page.mjs

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
test-page: page setup-browser
	cd $(E2E) && $(NODE) --test --test-concurrency=1 --test-reporter=spec

# One JSON line per figure (medians): start-up, each seed, throughput on 5 MB, gzip size.
bench-page: page setup-browser
	@cd $(E2E) && $(NODE) bench.mjs

# Refreshes docs/screenshot.png (the README's) from the end-to-end run.
screenshot:
	UPDATE_SCREENSHOT=1 $(MAKE) --no-print-directory test-page
