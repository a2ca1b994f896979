#!/usr/bin/env bash
# Fuzzes `annotate` (fuzz/fuzz_targets/annotate.rs) with libFuzzer for SECONDS (default 60).
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags…]
#
# cargo-fuzz needs a nightly compiler (-Z sanitizer); RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept it. Installs cargo-fuzz from crates.io when missing. Crashes are saved
# under fuzz/artifacts/annotate/; reproduce one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run annotate fuzz/artifacts/annotate/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
[ -n "$(ls fuzz/corpus/annotate/seed-* 2>/dev/null)" ] || python3 scripts/fuzz-corpus.py
# The grown corpus lives beside the checked-in seeds (ignored by git); new inputs go there.
cargo fuzz run -O annotate fuzz/corpus/annotate -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 "$@"
