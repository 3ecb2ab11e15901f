"""Quote drift: are a quotation's renderings kept in one record, and are altered ones found?

The corpus, ``benchmarks/data/variants.jsonl``, is written for this benchmark (invented people and
outlets): quotations printed first in one article and re-printed in later ones unchanged,
re-punctuated, in other capitals, truncated, with an ellipsis, or with words altered (a word
substituted, a "not" added or dropped, words left out without an ellipsis); and hard negatives,
different quotations of the same speaker sharing a phrase, and the same formula ("No comment", "We
will win this election") from different people. Each article's ``gold`` names its quotation
(``family``), the rendering it prints and its change against the first printed.

Printed:

* **kept whole**: the share of quotations whose renderings are all in one ``quotes`` record that
  holds no other quotation (strict: a formula said word for word by two people counts as a failure
  if their quotations share a row; quotes are keyed by text and speaker, so they should not, and
  the figure without such formulas is printed beside it to show that none is hidden there);
* **altered**: precision and recall of ``renderings.change = 'altered'`` against the gold, and the
  agreement of every change label;
* **overhead**: ``Store.index`` time (renderings included) as a share of extraction time, and the
  part of it spent linking and classifying renderings (the same corpus indexed with and without).
  Each clock starts after a full garbage collection (``gc.collect``), so that neither part pays for
  collecting the other's objects: without it, the ~120,000 objects the extraction leaves are due a
  full collection (about 80 ms) just as indexing begins on some corpora and not on others, a third
  of the indexing time of ``variants_fresh.jsonl`` when it falls there. Extraction and indexing are
  each timed ``REPEATS`` times, interleaved, every repetition as the first (``repeated``), and the
  share printed is that of the medians, with the lowest and highest share of one repetition beside
  it: one reading of the ~45 ms the 91 articles take to index moves by ±15 % with the other jobs on
  a shared machine. The quality figures are read from one store, the last repetition's.

Usage: .venv/bin/python benchmarks/variants.py [CORPUS.jsonl]

``benchmarks/data/variants_fresh.jsonl`` is a second corpus in the same format, written after the
rules by someone who never saw them: the figure on it is the one that says how the rules carry over.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data" / "variants.jsonl"
#: A short article of our own, extracted and indexed before the clocks start.
WARM_UP = ("The ferry will run again in May, the harbour master said on Monday. \"We are ready,\" Ada Quill said. "
           "\"The boats are fine,\" Ms. Quill added.")
#: How many times extraction and indexing are each timed (``repeated``); the medians are compared.
REPEATS = 5


def main() -> None:
    from saidwhen import extract_many
    from saidwhen.store import Store, normalise_quote

    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    from saidwhen.people import same_first_name
    from saidwhen.store import _signature
    from saidwhen.variants import rendering_buckets

    # load the model, datasketch and the store's one-time tables (names, genders, the table of short
    # first names, which the warm-up article never asks for) before timing
    warm = list(extract_many([(WARM_UP, "2020-01-01", "https://example.org/warm", "warm", None)]))
    _signature("warm up"), rendering_buckets("warm up"), same_first_name("bob", "robert")
    with tempfile.TemporaryDirectory() as tmp:
        Store(Path(tmp) / "warm.db").index(warm)

    def extract():
        return list(extract_many([(r["text"], r["date"], r["url"], r["id"], r["title"]) for r in records]))

    def index(articles):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "v.db")
            indexing, _ = clocked(store.index, articles)
            printed = _printed(store.connection, records)
            store.close()
            plain = _index_without_renderings(articles, Path(tmp) / "plain.db")
        return {"indexing": indexing, "renderings": max(0.0, indexing - plain)}, printed

    runs, printed = repeated(extract, index)

    families = defaultdict(set)
    holders = defaultdict(set)
    for r in records:
        quote_id = printed[r["id"]][0]
        families[r["gold"]["family"]].add(quote_id)
        holders[quote_id].add(r["gold"]["family"])
    text_of = {}
    for r in records:
        text_of.setdefault(r["gold"]["family"], normalise_quote(r["gold"]["rendering"]))
    formula = {f for f, ids in families.items() for q in ids
               if any(text_of[o] == text_of[f] for o in holders[q] - {f})}
    whole = [f for f, ids in families.items() if len(ids) == 1 and None not in ids and holders[next(iter(ids))] == {f}]
    missed = sum(1 for r in records if printed[r["id"]][0] is None)

    gold = [r["gold"]["change"] for r in records]
    got = [printed[r["id"]][1] for r in records]
    tp = sum(g == "altered" and p == "altered" for g, p in zip(gold, got))
    fp = sum(g != "altered" and p == "altered" for g, p in zip(gold, got))
    fn = sum(g == "altered" and p != "altered" for g, p in zip(gold, got))
    # A re-print word for word is the original rendering printed again: "same" in the gold.
    got = ["same" if g == "same" and p == "original" else p for g, p in zip(gold, got)]
    agree = sum(g == p for g, p in zip(gold, got))
    confusion = Counter((g, p) for g, p in zip(gold, got) if g != p)

    n = len(families)
    negatives = sum(f.startswith("n") for f in families)  # family ids "n…" in variants.jsonl; other corpora may not mark them
    print(f"{len(records)} articles, {n} quotations ({f'{negatives} hard negatives' if negatives else 'hard negatives not marked'}),"
          f" {sum(g == 'altered' for g in gold)} altered renderings; {missed} gold rendering(s) not extracted")
    print(f"kept whole               {len(whole) / n:.3f}  ({len(whole)}/{n}; target >= 0.97)")
    print(f"  without shared formulas {len(whole) / max(1, n - len(formula)):.3f}  ({len(whole)}/{n - len(formula)};"
          f" {len(formula)} quotation(s) share a quotes row with the same words of another person)")
    print(f"altered precision        {tp / max(1, tp + fp):.3f}  ({tp}/{tp + fp}; target >= 0.97)")
    print(f"altered recall           {tp / max(1, tp + fn):.3f}  ({tp}/{tp + fn}; target >= 0.93)")
    print(f"change labels agreeing   {agree / len(gold):.3f}  ({agree}/{len(gold)})")
    for (g, p), k in confusion.most_common():
        print(f"  gold {g:<12} got {p}: {k}")
    extraction, indexing, low, high = medians(runs)
    renderings = statistics.median(i["renderings"] for run in runs for i in run["indexings"])
    print(f"extraction               {extraction:.2f} s ({len(records) / extraction:.1f} articles/s; median of {len(runs)})")
    print(f"store indexing           {indexing:.3f} s = {100 * indexing / extraction:.1f} % of extraction (target < 15%;"
          f" medians of {len(runs)}, one repetition's share {100 * low:.1f}-{100 * high:.1f} %)")
    print(f"  of which renderings    {renderings:.3f} s = {100 * renderings / extraction:.1f} % of extraction")


def _index_without_renderings(articles, path: Path) -> float:
    """Index time of the same articles with the renderings step skipped: a Store whose
    ``_rendering``, ``_rendered_quote`` and ``_taken_over`` do nothing (the cost they add is the
    difference)."""
    from saidwhen.store import Store

    class Plain(Store):
        def _rendering(self, *args, **kwargs):
            return None

        def _rendered_quote(self, *args, **kwargs):
            return None

        def _taken_over(self, *args, **kwargs):
            return None

    with Plain(path) as store:
        return clocked(store.index, articles)[0]


def _printed(conn, records) -> dict:
    """Article id -> (quote id, rendering change) of the stored rendering that matches the gold's text, or
    (None, None)."""
    from saidwhen.store import normalise_quote

    printed = {}
    for r in records:
        gold = r["gold"]
        row = conn.execute(
            "SELECT o.quote_id, rd.change, rd.text FROM occurrences o JOIN articles a ON a.id = o.article_id"
            " JOIN renderings rd ON rd.id = o.rendering_id WHERE a.url = ?", (r["url"],)).fetchall()
        want = normalise_quote(gold["rendering"])
        found = [x for x in row if normalise_quote(x[2]) == want]
        printed[r["id"]] = found[0][:2] if found else (None, None)
    return printed


def clocked(work, *args):
    """Seconds ``work(*args)`` takes and what it returns, the clock started after a full garbage
    collection (see the module's docstring)."""
    gc.collect()
    started = time.perf_counter()
    value = work(*args)
    return time.perf_counter() - started, value


def repeated(extract, index, extractions: int = REPEATS, indexings: int = REPEATS) -> tuple[list[dict], object]:
    """Time ``extract()`` (which returns the articles) ``extractions`` times and ``index(articles)`` (which
    returns its seconds by name, ``indexing`` among them, and a result) ``indexings`` times, interleaved.

    Every repetition runs as the first would: all but the last in a child process forked from this one
    after the warm-up, so that none starts with the caches another filled (tokens, alignments, parsed
    names, MinHash values, spaCy's vocabulary; in one process, a second pass over the same articles
    extracts them 10-20 % and indexes them 20-35 % faster, which is not the cost of new articles). The
    last runs here, and the result of its ``index`` is returned (the one store the quality figures are
    read from). With fewer extractions than indexings, a repetition indexes the articles it extracted
    more than once, each time but the last in a child forked after the extraction: the indexing of
    articles read back from a file in a process that did not extract them measured 10 % dearer.
    Returns one dict a repetition, ``extraction`` seconds and the list of its ``indexings``.
    Without ``os.fork`` (Windows), one repetition.
    """
    if not hasattr(os, "fork"):
        extractions = indexings = 1
    extractions = min(extractions, indexings)
    runs, result = [], None
    for k in range(extractions):
        def work(times=indexings // extractions + (k < indexings % extractions)):
            extraction, articles = clocked(extract)
            more = [_forked(lambda: index(articles)[0]) for _ in range(times - 1)]
            seconds, value = index(articles)
            return {"extraction": extraction, "indexings": more + [seconds]}, value

        if k == extractions - 1:
            run, result = work()
        else:
            run = _forked(lambda: work()[0])
        runs.append(run)
    return runs, result


def _forked(work):
    """What ``work()`` returns (JSON), run in a child process forked from this one, which then exits."""
    sys.stdout.flush(), sys.stderr.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read)
        try:
            reply, code = {"value": work()}, 0
        except BaseException:
            reply, code = {"error": traceback.format_exc()}, 1
        with os.fdopen(write, "w") as out:
            json.dump(reply, out)
        os._exit(code)
    os.close(write)
    with os.fdopen(read) as got:
        reply = json.loads(got.read() or '{"error": "no reply"}')
    os.waitpid(pid, 0)
    if "error" in reply:
        raise RuntimeError(f"a forked repetition failed:\n{reply['error']}")
    return reply["value"]


def medians(runs: list[dict]) -> tuple[float, float, float, float]:
    """The median extraction and indexing seconds of ``repeated``'s repetitions, and the lowest and highest
    share of one indexing in the extraction it followed."""
    shares = [i["indexing"] / run["extraction"] for run in runs for i in run["indexings"]]
    return (statistics.median(run["extraction"] for run in runs),
            statistics.median(i["indexing"] for run in runs for i in run["indexings"]), min(shares), max(shares))


if __name__ == "__main__":
    main()
