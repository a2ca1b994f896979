#!/usr/bin/env bash
# The README's recipe for scaling past one machine, run for real: a JSONL batch made from the
# seed articles (and variants of them, generated here) is annotated once in a single run, then
# cut into shards run by GNU parallel, then streamed through `parallel --pipe`; the
# concatenated outputs must be byte for byte the single run's. Never reads the evaluation's
# dev articles. Usage: tests/parallel.sh [path/to/annotate]
set -euo pipefail
cd "$(dirname "$0")/.."
ANNOTATE=$(realpath "${1:-${CARGO_TARGET_DIR:-target}/release/annotate}")
[ -x "$ANNOTATE" ] || { echo "no $ANNOTATE: run make core" >&2; exit 1; }
command -v parallel >/dev/null || { echo "GNU parallel is missing (apt-get install parallel)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 120 articles: each seed, then its paragraphs rotated and its numbers changed, with ids.
python3 - "$work/batch.jsonl" seeds/*.txt <<'PY'
import json, re, sys
out, paths = sys.argv[1], sys.argv[2:]
seeds = [open(p, encoding="utf-8").read() for p in sorted(paths)]
with open(out, "w", encoding="utf-8") as f:
    for i in range(120):
        text = seeds[i % len(seeds)]
        paras = [p for p in text.split("\n\n") if p.strip()]
        k = (i // len(seeds)) % len(paras)
        text = "\n\n".join(paras[k:] + paras[:k])
        text = re.sub(r"\d", lambda m: str((int(m.group()) + i) % 10), text)
        f.write(json.dumps({"id": f"a{i:03d}", "text": text, "lang": "fr" if i % 3 else None}, ensure_ascii=False) + "\n")
PY

"$ANNOTATE" --jsonl < "$work/batch.jsonl" > "$work/single.jsonl"
[ "$(wc -l < "$work/single.jsonl")" -eq 120 ] || { echo "the single run gave $(wc -l < "$work/single.jsonl") lines, not 120" >&2; exit 1; }

# Shards on disk (whole lines, in order), one job each, outputs kept in shard order.
mkdir "$work/shards"
split -n l/7 -d "$work/batch.jsonl" "$work/shards/part."
parallel --will-cite -k -j 4 "$ANNOTATE" --jsonl '<' {} ::: "$work"/shards/part.* > "$work/sharded.jsonl"
cmp "$work/single.jsonl" "$work/sharded.jsonl"

# No files: parallel cuts standard input into blocks of whole lines.
parallel --will-cite --pipe -k -j 4 --block 64k "$ANNOTATE" --jsonl < "$work/batch.jsonl" > "$work/piped.jsonl"
cmp "$work/single.jsonl" "$work/piped.jsonl"

echo "parallel: 2 passed, 0 failed (120 articles in 7 shards and in 64 KB blocks, identical to one run)"
