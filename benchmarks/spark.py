"""Throughput of the Spark job (``saidwhen.spark``) with ``local[1]`` and ``local[2]`` next to the
single-process path, on the same articles, and the job's fixed start-up cost.

The corpus: the texts of ``benchmarks/data/quotes_dev.jsonl`` and the seed story
(``../shared/seeds/000_456124d035135736.txt``, skipped if missing), cycled to ``--articles``
articles (default 5,000). Copy *k* of an article gets its own URL and a one-line dateline
("Edition k."), so no copy is an exact duplicate; the copies are near-duplicates, as syndicated
wire stories are, and the job's syndication step has real work. They are written to one JSONL file
in a temporary folder.

What is timed (each in its own fresh subprocess, so the peak memory is that run's alone):

* single process: what ``saidwhen index`` does, as a library: ``read_articles`` → ``clean`` →
  ``extract_many`` → ``Store.index`` into a new SQLite file, then ``export --format parquet``;
  the model is loaded before the clock starts.
* Spark ``local[1]`` and ``local[2]``: ``saidwhen.spark.run`` on the same file, Parquet out.
  Timed from after the SparkSession is up (``job``) and including it (``total``); each Python
  worker loads the model inside the job, as on a cluster.
* start-up: the Spark job on the first 10 articles (session start + job): the fixed cost a run
  pays whatever its size.

For each Spark run, from the Spark UI's REST API: the extraction stage's wall time, executor time
and task times (their spread is the skew at the stage's end), the number of Spark jobs and stages
and the seconds between jobs (driver-side work), and how many times the Python workers loaded the
model.

Per run: articles/s, articles/s per core, and peak RSS (single process: the process; Spark: the
largest Python worker, which holds the spaCy model, and the JVM's heap in use). One run each by
default (``--repeats`` for medians). Usage: .venv/bin/python benchmarks/spark.py [--articles N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "data" / "quotes_dev.jsonl"
SEED = ROOT.parent / "shared" / "seeds" / "000_456124d035135736.txt"


def write_corpus(path: Path, n: int) -> None:
    """``n`` JSONL records: the dev articles and the seed story, cycled, each copy its own."""
    from saidwhen.ingest import split_date_header

    base = []
    with open(DEV, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                base.append((d["text"], d.get("date")))
    if SEED.is_file():
        date, text = split_date_header(SEED.read_text(encoding="utf-8"))
        base.append((text.strip(), date.isoformat() if date else None))
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            text, date = base[i % len(base)]
            copy = i // len(base)
            record = {"id": f"a{i}", "url": f"https://bench.example/{copy}/{i}", "date": date,
                      "text": f"Edition {copy}.\n\n{text}" if copy else text}
            out.write(json.dumps(record) + "\n")


# ---------------------------------------------------------------- workers (run in subprocesses)


def single_worker(corpus: str, scratch: str) -> dict:
    from saidwhen.clean import clean
    from saidwhen.extract import extract_many, load_nlp
    from saidwhen.ingest import Problem, read_articles
    from saidwhen.search import export
    from saidwhen.store import Store

    load_nlp()
    start = time.perf_counter()

    def records():
        for item in read_articles([corpus]):
            if not isinstance(item, Problem):
                yield clean(item.text), item.date, item.url, item.id, item.title

    with Store(Path(scratch) / "single.db") as store:
        stats = store.index(extract_many(records(), batch_size=64))
        export(store, Path(scratch) / "single-export", "parquet")
        quotes = store.connection.execute("SELECT count(*) FROM quotes").fetchone()[0]
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": stats.articles + stats.syndicated, "quotes": quotes,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def spark_worker(corpus: str, scratch: str, master: str, limit: int | None) -> dict:
    from saidwhen import spark as job

    if limit:  # the start-up run: a small file of the first ``limit`` articles
        small = Path(scratch) / "small.jsonl"
        with open(corpus, encoding="utf-8") as fh, open(small, "w", encoding="utf-8") as out:
            for _, line in zip(range(limit), fh):
                out.write(line)
        corpus = str(small)
    t0 = time.perf_counter()
    session = job.spark_session(master, shuffle_partitions=8, app_name="saidwhen-bench")
    session.sparkContext.setLogLevel("ERROR")
    t1 = time.perf_counter()
    summary = job.run([corpus], str(Path(scratch) / f"spark-{master.strip('local[]')}"), spark=session, log=lambda m: None)
    t2 = time.perf_counter()
    sc = session.sparkContext
    cores = sc.defaultParallelism
    stages = stage_times(sc)
    # The Python workers are reused between tasks: ask each for its own peak RSS (it held the model)
    # and whether it loaded the model.
    probe = sc.parallelize(range(cores * 4), cores * 4).mapPartitions(lambda _: [worker_state()]).collect()
    runtime = session._jvm.java.lang.Runtime.getRuntime()
    heap_mb = (runtime.totalMemory() - runtime.freeMemory()) / 2**20
    session.stop()
    return {"session_seconds": t1 - t0, "job_seconds": t2 - t1, "seconds": t2 - t0, "articles": summary.records,
            "stored": summary.articles, "syndicated": summary.syndicated, "quotes": summary.quotes, "cores": cores,
            "worker_peak_rss_mb": max(rss for _, rss, _, _ in probe), "workers": len({pid for pid, _, _, _ in probe}),
            "model_loads": sum({loader: loads for _, _, loads, loader in probe}.values()),
            "jvm_heap_used_mb": heap_mb, "phases": summary.phases, **stages}


def worker_state() -> tuple:
    """(pid, peak RSS in MB, times the model was loaded, the process that loaded it) of the Python
    worker running this: the worker itself, or the daemon it was forked from with the model loaded
    (``saidwhen.spark_daemon``), whose load every worker it forks inherits."""
    from saidwhen.spark import DAEMON_MODULE

    extract = sys.modules.get("saidwhen.extract")
    loads = extract.load_nlp.cache_info().misses if extract else 0
    with open(f"/proc/{os.getppid()}/cmdline", "rb") as fh:
        forked = DAEMON_MODULE.encode() in fh.read()
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, loads, os.getppid() if forked else os.getpid()


def stage_times(sc) -> dict:
    """From the Spark UI's REST API: the extraction stage (the one with the most executor time):
    its wall seconds, executor seconds and task seconds (their spread is the skew); the number of
    Spark jobs and stages; and the seconds no job was running (driver-side work between jobs)."""
    from datetime import datetime
    from urllib.request import urlopen

    def get(path):
        with urlopen(f"{sc.uiWebUrl}/api/v1/applications/{sc.applicationId}/{path}", timeout=30) as r:
            return json.load(r)

    def at(stamp):
        return datetime.strptime(stamp.replace("GMT", ""), "%Y-%m-%dT%H:%M:%S.%f").timestamp()

    try:
        stages = [st for st in get("stages?status=complete") if st.get("completionTime")]
        jobs = sorted((at(j["submissionTime"]), at(j["completionTime"])) for j in get("jobs") if j.get("completionTime"))
        top = max(stages, key=lambda st: st["executorRunTime"])
        tasks = get(f"stages/{top['stageId']}/{top['attemptId']}/taskList?length=100000")
    except Exception as e:  # no UI (spark.ui.enabled=false) or an API change: report without it
        return {"stages_error": str(e)}
    busy, end = 0.0, float("-inf")  # the union of the jobs' intervals
    for a, b in jobs:
        busy += max(0.0, b - max(a, end))
        end = max(end, b)
    span = jobs[-1][1] - jobs[0][0] if jobs else 0.0
    return {"extract_stage_seconds": at(top["completionTime"]) - at(top["submissionTime"]),
            "extract_executor_seconds": top["executorRunTime"] / 1000,
            "extract_task_seconds": sorted(t["duration"] / 1000 for t in tasks),
            "spark_jobs": len(jobs), "spark_stages": len(stages), "between_jobs_seconds": span - busy}


def run_worker(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--worker", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"worker {args} failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--worker", nargs="+")
    args = parser.parse_args()
    if args.worker:
        kind, corpus, scratch, *rest = args.worker
        if kind == "single":
            result = single_worker(corpus, scratch)
        else:
            result = spark_worker(corpus, scratch, rest[0], int(rest[1]) if len(rest) > 1 else None)
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        print(f"corpus: {args.articles:,} articles ({corpus.stat().st_size / 1e6:.1f} MB JSONL); "
              f"{os.cpu_count()} cores, {platform.python_version()}, {platform.machine()}")
        runs: dict[str, list[dict]] = {"single process": [], "spark local[1]": [], "spark local[2]": []}
        for _ in range(args.repeats):
            runs["single process"].append(run_worker(["single", str(corpus), scratch]))
            runs["spark local[1]"].append(run_worker(["spark", str(corpus), scratch, "local[1]"]))
            runs["spark local[2]"].append(run_worker(["spark", str(corpus), scratch, "local[2]"]))
        startup = run_worker(["spark", str(corpus), scratch, "local[2]", "10"])

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name])

    base = args.articles / median("single process", "seconds")
    print(f"\n{'':18} {'articles/s':>10} {'per core':>9} {'vs single':>9} {'wall s':>8} {'job s':>7} {'peak RSS':>22}")
    for name, rs in runs.items():
        cores = 1 if name == "single process" else rs[0]["cores"]
        job_s = median(name, "seconds") if name == "single process" else median(name, "job_seconds")
        rate = args.articles / job_s
        memory = (f"{median(name, 'peak_rss_mb'):.0f} MB process" if name == "single process"
                  else f"{median(name, 'worker_peak_rss_mb'):.0f} MB/worker, JVM {median(name, 'jvm_heap_used_mb'):.0f} MB")
        print(f"{name:18} {rate:10.1f} {rate / cores:9.1f} {rate / base:8.2f}x {median(name, 'seconds'):8.1f}"
              f" {job_s:7.1f} {memory:>22}")
    print(f"\nquotes found: single {runs['single process'][0]['quotes']:,}, local[1] {runs['spark local[1]'][0]['quotes']:,},"
          f" local[2] {runs['spark local[2]'][0]['quotes']:,}; syndicated copies found by Spark:"
          f" {runs['spark local[2]'][0]['syndicated']:,}")
    print(f"start-up (local[2], 10 articles): session {startup['session_seconds']:.1f}s + job {startup['job_seconds']:.1f}s"
          f" = {startup['seconds']:.1f}s")
    for name in ("spark local[1]", "spark local[2]"):
        phases = runs[name][0]["phases"]
        extract = phases.get("read and extract", 0.0)
        rest = sum(phases.values()) - extract
        cores = runs[name][0]["cores"]
        print(f"{name}: read+clean+extract {extract:.1f}s ({args.articles / extract:.1f} articles/s,"
              f" {args.articles / extract / cores:.1f} per core, model load included); cross-article steps and"
              f" writes {rest:.1f}s")
        print("    " + ", ".join(f"{k} {v:.1f}s" for k, v in phases.items()))
        r = runs[name][0]
        if "extract_stage_seconds" in r:
            t = r["extract_task_seconds"]
            print(f"    extraction stage {r['extract_stage_seconds']:.1f}s wall, {r['extract_executor_seconds']:.1f}s in"
                  f" {len(t)} tasks ({min(t):.1f}-{max(t):.1f}s each; ideal wall {r['extract_executor_seconds'] / cores:.1f}s);"
                  f" {r['spark_jobs']} Spark jobs, {r['spark_stages']} stages, {r['between_jobs_seconds']:.1f}s with no job"
                  f" running; {r['workers']} Python workers, model loaded {r['model_loads']} time(s)")
    if args.repeats > 1:
        for name, rs in runs.items():
            print(f"  {name}: " + ", ".join(f"{r['seconds']:.1f}s" for r in rs))


if __name__ == "__main__":
    main()
