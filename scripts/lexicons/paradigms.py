"""Shortens a speech-verb lexicon by writing regular verbs as a paradigm name.

A lexicon line is `lemma<TAB>form form …[<TAB>flags]`, the lemma its first form. Most verbs
inflect alike (French -er verbs, English -e verbs), so their forms are the lemma's stem plus
the same suffixes: such a verb is written `lemma<TAB>*ending[<TAB>flags]`, and the paradigm
once, as a line `*ending<TAB>suffix suffix …` before its first use. The annotator expands it
(src/lang.rs); the forms it reads are exactly the listed ones, in the same order.

Paradigms are found, not chosen: every (ending, suffixes) pattern that at least MIN_USES
lemmas share exactly, the most used first. This halves the French file under compression.

gen_speech_verbs.py calls `compact` when it writes the files; run on its own, this script
compacts the existing files in place (`python3 scripts/lexicons/paradigms.py FILE…`).
"""

import collections
import sys

MIN_USES = 10
# The longest ending a paradigm strips from the lemma (French -er, -ir, -re, -yer…).
MAX_ENDING = 3

HEADER = """# Paradigms: a line `*ending<TAB>suffix suffix …` names the forms of a regular verb; a verb
#   written `lemma<TAB>*ending` has the lemma and, for each suffix, the lemma without `ending`
#   plus the suffix (scripts/lexicons/paradigms.py finds them; src/lang.rs expands them).
"""


def pattern(lemma, forms, ending):
    """The suffixes of `forms` after the lemma's stem without `ending`, or None."""
    if not lemma.endswith(ending) or not forms or forms[0] != lemma:
        return None
    stem = lemma[: len(lemma) - len(ending)] if ending else lemma
    if not stem or not all(f.startswith(stem) for f in forms[1:]):
        return None
    return tuple(f[len(stem):] for f in forms[1:])


def compact(lines):
    """`lines` (lemma<TAB>forms[<TAB>flags]) → the paradigm lines and the lines using them."""
    rows = [l.split("\t") for l in lines]
    uses = collections.Counter()
    for cols in rows:
        forms = cols[1].split(" ")
        for n in range(MAX_ENDING + 1):
            p = pattern(cols[0], forms, cols[0][len(cols[0]) - n:] if n else "")
            if p is not None:
                uses[(cols[0][len(cols[0]) - n:] if n else "", p)] += 1
    candidates = [k for k, c in uses.most_common() if c >= MIN_USES and all(k[1])]
    # Each lemma takes the most used paradigm that fits it; a paradigm that then keeps fewer
    # than MIN_USES lemmas (the same forms as a shorter ending's) is dropped, and again.
    while True:
        chosen = {}
        for ending, suffixes in candidates:
            chosen.setdefault(ending, suffixes)
        assigned = collections.Counter()
        out = []
        for cols in rows:
            forms = cols[1].split(" ")
            for ending, suffixes in chosen.items():
                if pattern(cols[0], forms, ending) == suffixes:
                    assigned[ending] += 1
                    cols = [cols[0], "*" + ending] + cols[2:]
                    break
            out.append("\t".join(cols))
        weak = [k for k in candidates if k[0] in chosen and chosen[k[0]] == k[1] and assigned[k[0]] < MIN_USES]
        if not weak:
            break
        candidates = [k for k in candidates if k not in weak]
    heads = [f"*{ending}\t{' '.join(suffixes)}" for ending, suffixes in sorted(chosen.items())]
    return heads, out


def expand(lines):
    """The inverse of `compact`, as the annotator reads it (used to check a compacted file)."""
    paradigms, out = {}, []
    for l in lines:
        cols = l.split("\t")
        if cols[0].startswith("*"):
            paradigms[cols[0][1:]] = cols[1].split(" ")
            continue
        if cols[1].startswith("*"):
            ending = cols[1][1:]
            stem = cols[0][: len(cols[0]) - len(ending)] if ending else cols[0]
            cols = [cols[0], " ".join([cols[0]] + [stem + s for s in paradigms[ending]])] + cols[2:]
        out.append("\t".join(cols))
    return out


def compact_file(path):
    text = open(path, encoding="utf-8").read()
    header = [l for l in text.split("\n") if l.startswith("#")]
    lines = [l for l in text.split("\n") if l and not l.startswith("#")]
    if any(l.startswith("*") for l in lines):
        lines = expand(lines)
    heads, body = compact(lines)
    assert expand(heads + body) == lines, path
    header = [l for l in header if not l.startswith("# Paradigms:") and not l.startswith("#   written `lemma") and not l.startswith("#   plus the suffix")]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n" + HEADER + "\n".join(heads + body) + "\n")
    print(f"{path}: {len(heads)} paradigms, {sum(1 for l in body if l.split(chr(9))[1].startswith('*'))} of {len(body)} lemmas use one")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        compact_file(p)
