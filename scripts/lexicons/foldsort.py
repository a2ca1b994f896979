"""The order the core sorts place and organisation names in: by their fold (src/lang.rs,
`fold_into`, from data/common/folds.tsv), then as written.

gen_gazetteers.py writes the gazetteers in this order, so that the core's sort of their folded
names at start-up meets long sorted runs and merges them instead of sorting from scratch (the
core's test `gazetteers_are_sorted_by_fold` checks the files). Run alone, it re-sorts the
given files in place, keeping their `#` header:

    python3 scripts/lexicons/foldsort.py data/common/cities.txt …
"""
import os
import sys

FOLDS_TSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "common", "folds.tsv")


def _load():
    table, marks = {}, []
    with open(FOLDS_TSV, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            code, _, fold = line.partition("\t")
            if "-" in code:
                a, b = code.split("-")
                marks.append((int(a, 16), int(b, 16)))
            elif fold == "":
                marks.append((int(code, 16), int(code, 16)))
            else:
                table[chr(int(code, 16))] = fold
    return table, marks


_TABLE, _MARKS = _load()


def _push(c):
    return {"y": "i", "\u2019": "'"}.get(c, c)


def fold(s):
    """What the core's `fold` gives for `s`."""
    out = []
    for c in s:
        if ord(c) < 0x80:
            out.append(_push(c.lower()))
        elif any(a <= ord(c) <= b for a, b in _MARKS):
            continue
        elif c in _TABLE:
            out.extend(_push(d) for d in _TABLE[c])
        else:
            out.extend(_push(d) for d in c.lower())
    return "".join(out)


def sort_key(entry):
    return (fold(entry).encode("utf-8"), entry.encode("utf-8"))


def resort(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = [l for l in lines if l.startswith("#")]
    entries = [l for l in lines if not l.startswith("#")]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + sorted(entries, key=sort_key)) + "\n")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        resort(p)
