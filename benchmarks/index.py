"""The store's cost and quality: indexing overhead, size, search latency, memory, and quote merging.

What is measured (figures printed; docs/store.md quotes a run):

1. **Overhead of the store.** The articles of ``benchmarks/data/quotes_dev.jsonl`` and
   ``quotes_holdout.jsonl`` (and the seed story if ``../shared/seeds`` is there), cycled to
   ``--articles`` (default 300) with a distinct URL and a line of their own each, are extracted with
   ``saidwhen.extract_many`` (model loaded before timing) and then written with ``Store.index`` to a
   fresh database. Reported: extraction alone in articles/s, store writes alone, end to end, and the
   store's overhead as a share of extraction time (the target is under 15%).
2. **Size**: database bytes per 1,000 of those articles (text included).
3. **Search latency**: a store of ``--quotes`` (default 100,000) synthetic quotes in synthetic
   ``Article``s (built directly, no spaCy), then ``--searches`` (default 300) ``Store.search`` calls
   of one or two words drawn from the vocabulary, some with a speaker or a date filter: p50 and p95.
4. **Memory**: peak RSS (``VmHWM``) of a fresh process indexing 1,000 and 10,000 synthetic
   articles; flat means the store streams.
5. **Quote merging**: ``MERGE_PAIRS``, renderings written for this purpose that should or should not
   be one quote; the false-merge and missed-merge rates of the store's normalised key (also pinned
   by tests/test_store.py).
6. **Growth**: a fresh process indexes ``--growth`` (default 3,200) synthetic articles into one
   store in batches that double it (200, 200, 400, 800, ...): the CPU time per article of each batch
   (CPU, not wall time, since the machine may be shared) and the peak RSS after it. Flat means the
   work per article depends on the article, not on the size of the store.

Usage: .venv/bin/python benchmarks/index.py [--articles N] [--quotes N] [--searches N] [--growth N]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = [ROOT / "benchmarks" / "data" / "quotes_dev.jsonl", ROOT / "benchmarks" / "data" / "quotes_holdout.jsonl"]
SEED = ROOT.parent / "shared" / "seeds" / "000_456124d035135736.txt"

# (first rendering, second rendering, same speaker?, should they be one quote?)
MERGE_PAIRS = [
    # the same words, printed differently: merge
    ("We’re not going anywhere", "We're not going anywhere", True, True),
    ("We're not going anywhere.", "we’re NOT going anywhere", True, True),
    ("“This is the right call,” for everyone", '"This is the right call," for everyone', True, True),
    ("I never said that... not once", "I never said that… not once", True, True),
    ("It's a well-known problem", "It's a well known problem", True, True),
    ("The plan  is\nworking", "The plan is working", True, True),
    ("Nobody got everything — and that is fair", "Nobody got everything - and that is fair", True, True),
    ("No comment", "No comment.", True, True),
    # a truncation of 8 words or more by the same speaker: merge
    ("This is not the bill I wanted, but it is a bill that will keep the taps running",
     "This is not the bill I wanted, but it is a bill…", True, True),
    ("We are going to build the new reservoir before the end of next year",
     "We are going to build the new reservoir before…", True, True),
    ("Thank you to everyone who has been sending us love and support",
     "Thank you to everyone who has been sending us love", True, True),
    ("I wrote this song because I have faith that we will get through this",
     "I wrote this song because I have faith that we will get thr…", True, True),
    # truncations that must not merge: too short, or another speaker
    ("We will not back down on this issue ever", "We will not back down", True, False),
    ("I think that we should wait for the report", "I think that we should", True, False),
    ("This is not the bill I wanted, but it is a bill that will keep the taps running",
     "This is not the bill I wanted, but it is a bill…", False, False),
    # a "not" added by the same speaker: one quotation, its second rendering altered (issue 16)
    ("We will win this election", "We will not win this election", True, True),
    # different quotes that share most words: no merge
    ("The taps will keep running this summer", "The taps will stop running this summer", True, False),
    ("This is not the bill I wanted, but it is a bill that will keep the taps running",
     "This is not the bill I wanted, but it is a bill that will close the dams", True, False),
    ("Prices rose 3% in May", "Prices rose 4% in May", True, False),
    ("I love you", "I loved you", True, False),
    ("We are going to build the new reservoir before the end of next year",
     "We are going to build the new reservoir before the end of this decade", True, False),
    ("Thank you to everyone who has been sending us love and support",
     "Thank you to everyone who has been sending us flowers", True, False),
    ("He is the best coach we have ever had in this club",
     "He is the best coach we have ever had", False, False),
    ("Never again", "Never again, never", True, False),
    # a formula said word for word by two people: two quotations, one quote each (issue 16)
    ("No comment", "No comment.", False, False),
    ("We will win this election", "We will win this election", False, False),
]


def merge_rates() -> tuple[float, float, int]:
    """(false-merge rate, missed-merge rate, pairs) of the store on ``MERGE_PAIRS``."""
    from saidwhen.model import Article, Mention, Person, Quote
    from saidwhen.store import Store

    false = missed = should_not = should = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, (a, b, same, merge) in enumerate(MERGE_PAIRS):
            with Store(Path(tmp) / f"{i}.db") as store:
                arts = []
                for n, (text, who) in enumerate(((a, "Maria Okafor"), (b, "Maria Okafor" if same else "Tom Reyes"))):
                    q = Quote(text, 0, len(text), 1, "direct", who, Mention(who, 0, 1), "said", 0, 0.9)
                    arts.append(Article(text=f"{n} {text}", url=f"u{n}", quotes=(q,), people=(Person(who),)))
                store.index(arts)
                merged = store.connection.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1
            should += merge
            should_not += not merge
            false += merged and not merge
            missed += merge and not merged
    return false / should_not, missed / should, len(MERGE_PAIRS)


def real_articles(n: int) -> list[tuple]:
    base = []
    for path in DATA:
        with open(path, encoding="utf-8") as fh:
            base += [json.loads(line) for line in fh if line.strip()]
    records = [(d["text"], d.get("date"), None, d.get("id"), None) for d in base]
    if SEED.is_file():
        records.append((SEED.read_text(encoding="utf-8"), None, None, "seed", None))
    # Each copy gets its own URL and a line of its own, as distinct articles do.
    return [(f"{text}\n\nCopy {i}.", date, f"https://bench.example/{i}", f"{id_}-{i}", title)
            for i, (text, date, _, id_, title) in ((i, records[i % len(records)]) for i in range(n))]


def overhead(n: int) -> dict:
    from saidwhen.extract import extract_many, load_nlp
    from saidwhen.store import Store

    records = real_articles(n)
    load_nlp()
    list(extract_many(records[:8]))  # warm up
    t0 = time.perf_counter()
    articles = list(extract_many(records, batch_size=64))
    t_extract = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            store.index(articles[:1])  # imports and the LSH, outside the timing
            t0 = time.perf_counter()
            store.index(articles[1:])
            t_store = time.perf_counter() - t0
            quotes, occurrences = store.connection.execute(
                "SELECT (SELECT count(*) FROM quotes), (SELECT count(*) FROM occurrences)").fetchone()
            store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db.stat().st_size
    return {
        "articles": n, "quotes": quotes, "occurrences": occurrences,
        "extract_per_s": n / t_extract, "store_per_s": (n - 1) / t_store,
        "end_to_end_per_s": n / (t_extract + t_store), "overhead_pct": 100 * t_store / t_extract,
        "bytes_per_1000": size / n * 1000,
    }


WORDS = ("water bill taps reservoir drought budget council vote plan election school teachers strike wages "
         "hospital nurses patients police crime court judge appeal river flood storm power grid prices rent "
         "housing market bank rates jobs factory workers union trade tariffs farmers harvest climate heat "
         "summer winter season team coach match goal league fans stadium music album song tour film festival").split()
FILLER = "we will the a is not be that this our for and to of in it".split()


def synthetic(n_articles: int, quotes_per_article: int = 10, seed: int = 7):
    """Articles built directly (no spaCy): random words, ten quotes each by one of 500 speakers."""
    from saidwhen.model import Article, Mention, Person, Quote, SaidOn

    rnd = random.Random(seed)
    for n in range(n_articles):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=rnd.randrange(1500))
        quotes, people = [], {}
        for k in range(quotes_per_article):
            who = f"Speaker {rnd.randrange(500)}"
            words = [rnd.choice(WORDS if rnd.random() < 0.5 else FILLER) for _ in range(rnd.randint(5, 20))]
            text = " ".join(words).capitalize() + f" ({n}.{k})"
            quotes.append(Quote(text, 0, len(text), k + 1, "direct", who, Mention(who.split()[-1], 0, 1), "said", k, 0.9,
                                SaidOn(day.isoformat(), "published")))
            people[who] = Person(who, mentions=(Mention(who.split()[-1], 0, 1),))
        body = " ".join(rnd.choice(WORDS + FILLER) for _ in range(300))
        yield Article(text=body, date=day, url=f"https://synthetic.example/{n}", id=str(n), quotes=tuple(quotes),
                      people=tuple(people.values()))


def search_latency(n_quotes: int, searches: int) -> dict:
    from saidwhen.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "big.db") as store:
            t0 = time.perf_counter()
            stats = store.index(synthetic(n_quotes // 10), batch_size=500)
            t_fill = time.perf_counter() - t0
            rnd = random.Random(3)
            times = []
            for i in range(searches):
                q = " ".join(rnd.sample(WORDS, rnd.choice((1, 2))))
                kw = {}
                if i % 3 == 1:
                    kw["speaker"] = f"Speaker {rnd.randrange(500)}"
                if i % 3 == 2:
                    kw["since"], kw["until"] = "2021-01", "2021-06"
                t0 = time.perf_counter()
                store.search(q, **kw)
                times.append(time.perf_counter() - t0)
    times.sort()
    return {"quotes": stats.quotes, "fill_s": t_fill, "fill_articles_per_s": stats.articles / t_fill,
            "p50_ms": 1000 * statistics.median(times), "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))]}


def rss_worker(n: int) -> None:
    from saidwhen.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "rss.db") as store:
        store.index(synthetic(n), batch_size=500)
    # VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork + exec.
    with open("/proc/self/status") as fh:
        print(next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmHWM:")))  # MiB


def peak_rss(n: int) -> int:
    out = subprocess.run([sys.executable, __file__, "--rss-worker", str(n)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1])


def growth_worker(total: int) -> None:
    """Print, for each batch that doubles the store, (articles stored, CPU ms per article, peak RSS MiB) as JSON."""
    from saidwhen.store import Store

    articles = list(synthetic(total))
    bounds = [0, 200]
    while bounds[-1] < total:
        bounds.append(min(2 * bounds[-1], total))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "growth.db") as store:
        for lo, hi in zip(bounds, bounds[1:]):
            t0 = time.process_time()
            store.index(articles[lo:hi], batch_size=500)
            cpu = time.process_time() - t0
            with open("/proc/self/status") as fh:
                rss = next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmHWM:"))
            print(json.dumps({"stored": hi, "batch": hi - lo, "ms_per_article": 1000 * cpu / (hi - lo), "peak_rss_mib": rss}), flush=True)


def growth(total: int) -> list[dict]:
    out = subprocess.run([sys.executable, __file__, "--growth-worker", str(total)], capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--searches", type=int, default=300)
    ap.add_argument("--growth", type=int, default=3_200, help="articles of the growth curve (0: skip it)")
    ap.add_argument("--rss-worker", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--growth-worker", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rss_worker:
        rss_worker(args.rss_worker)
        return
    if args.growth_worker:
        growth_worker(args.growth_worker)
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")

    false, missed, pairs = merge_rates()
    print(f"\nquote merging on {pairs} written pairs: false merges {false:.0%}, missed merges {missed:.0%}")

    o = overhead(args.articles)
    print(f"\nindexing {o['articles']} real articles ({o['quotes']} distinct quotes, {o['occurrences']} occurrences):")
    print(f"  extraction alone    {o['extract_per_s']:8.1f} articles/s")
    print(f"  store writes alone  {o['store_per_s']:8.1f} articles/s")
    print(f"  end to end          {o['end_to_end_per_s']:8.1f} articles/s")
    print(f"  store overhead      {o['overhead_pct']:8.1f} % of extraction time (target < 15%)")
    print(f"  database size       {o['bytes_per_1000'] / 1e6:8.2f} MB per 1,000 articles")

    s = search_latency(args.quotes, args.searches)
    print(f"\nsearch on {s['quotes']:,} synthetic quotes (filled in {s['fill_s']:.0f}s, {s['fill_articles_per_s']:.0f} articles/s):")
    print(f"  {args.searches} searches: p50 {s['p50_ms']:.2f} ms, p95 {s['p95_ms']:.2f} ms")

    small, large = peak_rss(1_000), peak_rss(10_000)
    print(f"\npeak RSS indexing synthetic articles: 1,000 → {small} MiB, 10,000 → {large} MiB")

    if args.growth:
        curve = growth(args.growth)
        print(f"\nindexing {args.growth:,} synthetic articles into one store, batch by batch (CPU time):")
        for row in curve:
            print(f"  up to {row['stored']:6,} stored: {row['ms_per_article']:6.1f} ms/article, peak RSS {row['peak_rss_mib']} MiB")
        print(f"  last batch / first batch: {curve[-1]['ms_per_article'] / curve[0]['ms_per_article']:.2f}x per article")


if __name__ == "__main__":
    main()
