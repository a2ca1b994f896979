#!/usr/bin/env python3
"""Writes the fuzzer's seed corpus, fuzz/corpus/annotate/seed-*: the seed articles, their
paragraphs, and edge cases (empty, emoji, NBSP inside « », unbalanced «, CRLF, all caps,
RTL, CJK, combining marks, controls, invalid UTF-8, the minimal cases of known bugs).

A first byte 0x01 / 0x02 makes the fuzz target force French / English."""
import glob
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus", "annotate")


def write(name, data, prefix=b""):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, "seed-" + name), "wb") as f:
        f.write(prefix + data)


CASES = {
    "empty": "",
    "space": " ",
    "nbsp": "\u00a0\u00a0\n\u202f",
    "emoji": "🙂 Emmanuel Macron 👍🏽 a déclaré 👨‍👩‍👧 que « tout va bien » 🇫🇷.",
    "nbsp-guillemets": "Le ministre a déclaré\u00a0: «\u00a0Nous ne céderons pas\u00a0», a-t-il ajouté.",
    "unbalanced-open": "Il a dit « nous ne céderons pas. Puis il est parti. « Encore",
    "unbalanced-close": "Il a dit nous ne céderons pas » puis » il est parti.",
    "nested": "« Il m’a dit « non » puis “oui” et ‘peut-être’ », raconte Marie Dupont.",
    "crlf": "Le président Emmanuel Macron a déclaré lundi que la situation était grave.\r\n\r\n« C’est critique », a-t-il ajouté.\r\n",
    "caps": "ÉMEUTES AU KAZAKHSTAN : LE PRÉSIDENT TOKAYEV ACCUSE DES « TERRORISTES »",
    "rtl": "Le porte-parole a déclaré : « مرحبا بكم في القاهرة » selon l’AFP. שלום עליכם.",
    "cjk": "Xi Jinping (习近平) a déclaré à Pékin (北京) que « 中国 » était prêt. 東京都",
    "combining": "Tokaye\u0301v a de\u0301clare\u0301 que \u0301\u0301\u0301 la situation e\u0301tait critique.",
    "lone-combining": "\u0301\u0302\u0303\u20dd\u0308",
    "english": 'President Joe Biden said on Monday that the economy was "strong", according to the White House. "We will not back down," he told reporters.',
    "digits": "1 000 000 3,5 % 12.5% $4 billion 10 janvier 2022 le 1er mai 10 h 30",
    "cue-at-end-fr": "Il a dit que",
    "cue-at-end-en": "He said:",
    "selon": "Il a déclaré « la crise est grave » selon l’ONU.",
    "title-number": "10 M. Martin",
    "controls": "a\u0000b\u0007c\u001bd\u007f\u0085e\u2028f\u2029g\ufeff",
    "bidi-controls": "\u202eLe président\u202c a déclaré \u2066« oui »\u2069.",
    "zwj": "Macron\u200d a\u200b déclaré\u200c que « oui ».",
}

os.makedirs(OUT, exist_ok=True)
for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
    text = open(path, encoding="utf-8").read()
    base = os.path.basename(path)[:-4]
    write(base, text)
    paragraphs = [p for p in text.split("\n") if p.strip()]
    for i, p in enumerate(paragraphs[:12]):
        write(f"{base}-p{i:02d}", p)
for name, text in CASES.items():
    write(name, text)
write("en-forced", "He said that the deal was done.", b"\x02")
write("fr-forced", "Il a dit que the deal was done.", b"\x01")
write("invalid-utf8", b"Il a dit \xff\xfe que \xc3 \xe2\x82 " + "« oui »".encode())
