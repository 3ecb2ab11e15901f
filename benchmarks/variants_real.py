"""Quote drift on real news: PolNeAR quotations re-printed by several outlets, and what saidwhen makes of them.

The gold (``data/variants_polnear.jsonl``, written by an annotator who never saw the code) labels
quotations that real 2016 articles of PolNeAR train and dev print more than once: for each
rendering, the article, the character offsets of its quoted words, the speaker, the family (one
utterance) and its change against the family's earliest printing (``original``, ``same``,
``case``, ``punctuation``, ``truncation``, ``ellipsis``, ``altered``); and hard negatives, other
utterances that share a phrase or a formula with a family (``hard_negative_of``). It holds
offsets and labels only: the text is read from ``../shared``.

The articles the gold names are extracted and indexed into one store. Each gold rendering is
the stored occurrence whose characters match its own best (Dice of 0.5 at least; none when
saidwhen did not find it as a quotation). Printed, as ``variants.py`` prints them for the written corpora:

- kept whole: the share of families of two renderings or more whose renderings are all in one
  ``quotes`` record that holds no rendering of another family (a rendering not found counts
  against its family);
- hard negatives kept apart: the share of hard-negative pairs whose renderings share no record;
- altered: precision and recall of ``renderings.change = 'altered'`` over the gold renderings;
- the agreement of every change label.

Extraction and indexing are timed as ``variants.py`` times them (``repeated``: each after a full garbage
collection, every repetition as the first, the share of the medians printed with one repetition's lowest
and highest), indexing ``INDEXINGS`` times and extraction, ten times dearer, ``EXTRACTIONS`` times, so
that the benchmark stays under a minute.

    .venv/bin/python benchmarks/variants_real.py [--errors]
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
GOLD = ROOT / "benchmarks" / "data" / "variants_polnear.jsonl"
#: A short article of our own, extracted and indexed before the clocks start.
WARM_UP = ("The ferry will run again in May, the harbour master said on Monday. \"We are ready,\" Ada Quill said. "
           "\"The boats are fine,\" Ms. Quill added.")
#: How many times indexing and extraction (~9 s a pass) are timed.
INDEXINGS, EXTRACTIONS = 5, 3


def load_articles(ids: set[str]) -> dict[str, dict]:
    found = {}
    for split in ("train", "dev"):
        for line in (POLNEAR / f"{split}.jsonl").open(encoding="utf-8"):
            if any(i in line[:200] for i in ids):
                a = json.loads(line)
                if a["id"] in ids:
                    found[a["id"]] = a
    return found


def main(argv: list[str]) -> None:
    from saidwhen import extract_many
    from saidwhen.store import Store
    from variants import clocked, medians, repeated

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = load_articles({g["article_id"] for g in gold})
    missing = {g["article_id"] for g in gold} - set(articles)
    if missing:
        sys.exit(f"{GOLD}: {len(missing)} article(s) not in {POLNEAR}: {sorted(missing)[:3]}")
    records = [(a["text"], a["date"], f"polnear:{a['id']}", a["id"], a.get("title")) for a in articles.values()]
    # load the model and the store's one-time tables (names, genders, the table of short first names,
    # which the warm-up article never asks for) before timing
    from saidwhen.people import same_first_name

    warm = list(extract_many([(WARM_UP, "2020-01-01", "https://example.org/warm", "warm", None)]))
    same_first_name("bob", "robert")
    with tempfile.TemporaryDirectory() as tmp:
        Store(Path(tmp) / "warm.db").index(warm)

    def extract():
        return list(extract_many(records))

    def index(extracted):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "real.db")
            indexing, _ = clocked(store.index, extracted)
            rows = store.connection.execute(
                'SELECT a.source_id, o.start, o."end", o.quote_id, rd.change, o.speaker_name FROM occurrences o'
                " JOIN articles a ON a.id = o.article_id LEFT JOIN renderings rd ON rd.id = o.rendering_id").fetchall()
            store.close()
        return {"indexing": indexing}, rows

    runs, rows = repeated(extract, index, extractions=EXTRACTIONS, indexings=INDEXINGS)
    by_article = defaultdict(list)
    for source_id, start, end, quote_id, change, speaker in rows:
        by_article[source_id].append((start, end, quote_id, change, speaker))

    def found(g: dict):
        """The stored occurrence that best matches the rendering's characters (Dice), or None below 0.5:
        the quoted fragment itself, not the reported clause around it."""
        want = {k for s, e in g["spans"] for k in range(s, e)}
        best, best_score = None, 0.0
        for start, end, quote_id, change, speaker in by_article[g["article_id"]]:
            score = 2 * len(want & set(range(start, end))) / (len(want) + end - start)
            if score > best_score:
                best, best_score = (quote_id, change, speaker), score
        return best if best_score >= 0.5 else None

    got = [found(g) for g in gold]
    families = defaultdict(list)
    for g, x in zip(gold, got):
        families[g["family"]].append(x)
    holders = defaultdict(set)
    for g, x in zip(gold, got):
        if x is not None:
            holders[x[0]].add(g["family"])
    multi = [f for f, xs in families.items() if len(xs) >= 2]
    whole = [f for f in multi if None not in families[f] and len({x[0] for x in families[f]}) == 1
             and holders[families[f][0][0]] == {f}]
    pairs = {(g["family"], g["hard_negative_of"]) for g in gold if g.get("hard_negative_of")}
    apart = [p for p in pairs if not ({x[0] for x in families[p[0]] if x} & {x[0] for x in families[p[1]] if x})]

    labels = [g["change"] for g in gold]
    pred = [x[1] if x else None for x in got]
    tp = sum(g == "altered" and p == "altered" for g, p in zip(labels, pred))
    fp = sum(g != "altered" and p == "altered" for g, p in zip(labels, pred))
    fn = sum(g == "altered" and p != "altered" for g, p in zip(labels, pred))
    pred = ["same" if g == "same" and p == "original" else p for g, p in zip(labels, pred)]
    agree = sum(g == p for g, p in zip(labels, pred))
    confusion = Counter((g, p) for g, p in zip(labels, pred) if g != p)

    print(f"{len(gold)} gold renderings in {len(articles)} real articles (PolNeAR), {len(families)} families,"
          f" {len(multi)} printed twice or more, {len(pairs)} hard-negative pairs, {labels.count('altered')} altered;"
          f" {sum(x is None for x in got)} rendering(s) not found as a quotation")
    print(f"kept whole               {len(whole) / max(1, len(multi)):.3f}  ({len(whole)}/{len(multi)}; held-out target >= 0.95)")
    print(f"hard negatives apart     {len(apart) / max(1, len(pairs)):.3f}  ({len(apart)}/{len(pairs)})")
    print(f"altered precision        {tp / max(1, tp + fp):.3f}  ({tp}/{tp + fp}; held-out target >= 0.95)")
    print(f"altered recall           {tp / max(1, tp + fn):.3f}  ({tp}/{tp + fn}; held-out target >= 0.90)")
    print(f"change labels agreeing   {agree / len(labels):.3f}  ({agree}/{len(labels)})")
    for (g, p), k in confusion.most_common():
        print(f"  gold {g:<12} got {p}: {k}")
    extraction, indexing, low, high = medians(runs)
    print(f"extraction {extraction:.1f} s, store indexing {indexing:.2f} s = {100 * indexing / extraction:.1f} % of extraction"
          f" (medians of {len(runs)} and {sum(len(run['indexings']) for run in runs)},"
          f" one repetition's share {100 * low:.1f}-{100 * high:.1f} %)")
    if "--errors" in argv:
        for f in multi:
            if f not in whole:
                print(f"  split {f}: " + "; ".join(
                    f"{g['article_id'][:28]} {g['change']} -> {x and (x[0], x[1], x[2])}" for g, x in zip(gold, got) if g["family"] == f))


if __name__ == "__main__":
    main(sys.argv[1:])
