"""Load test of the web app on loopback: requests/s and latency of search and speaker pages.

A store of ``--quotes`` (default 100,000) synthetic quotes is filled with ``benchmarks/index.py``'s
``synthetic`` articles (built directly, no spaCy; ``--db`` keeps and reuses it), served by uvicorn in
a separate process (``create_app``, one worker), and hit by ``--clients`` (default 8) threads, each
with its own keep-alive ``httpx.Client``, for a fixed number of requests: ``--searches`` HTML search
pages (one or two words from the vocabulary; every third with a speaker filter, every third with a
date range; a page number from 1 to 3) and then ``--speakers`` speaker pages. Queries are drawn from a
seeded generator, so the mix (and how often the app's result cache hits) is the same on every run.
Reported per kind: requests, errors (any status other than 200, or a transport error: must be 0),
requests/s, p50/p95/p99 latency in ms. Target: >= 200 search req/s with p95 < 100 ms on 2 cores.

Usage: .venv/bin/python benchmarks/web.py [--quotes N] [--searches N] [--speakers N] [--clients N] [--db FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from index import WORDS, synthetic  # noqa: E402


def fill(db: Path, n_quotes: int) -> None:
    from saidwhen.store import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        stats = store.index(synthetic(n_quotes // 10), batch_size=1000)
    print(f"filled {db}: {stats.quotes:,} quotes in {time.perf_counter() - t0:.0f}s", file=sys.stderr)


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = ("import sys, uvicorn; from saidwhen.web import create_app; "
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning', access_log=False)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/healthz", timeout=1)
            return proc, base
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.1)


def run_load(base: str, urls: list[str], clients: int) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    it = iter(urls)

    def worker():
        nonlocal errors
        mine, bad = [], 0
        with httpx.Client(base_url=base, timeout=30) as client:
            while True:
                with lock:
                    url = next(it, None)
                if url is None:
                    break
                t0 = time.perf_counter()
                try:
                    ok = client.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                mine.append(time.perf_counter() - t0)
                bad += not ok
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    latencies.sort()
    pct = lambda p: 1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))]  # noqa: E731
    return {"requests": len(latencies), "errors": errors, "req_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(1000 * statistics.median(latencies), 1), "p95_ms": round(pct(0.95), 1), "p99_ms": round(pct(0.99), 1)}


def search_urls(n: int, seed: int = 3) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        params = {"q": " ".join(rnd.sample(WORDS, rnd.choice((1, 2))))}
        if i % 3 == 1:
            params["speaker"] = f"Speaker {rnd.randrange(500)}"
        if i % 3 == 2:
            params["since"], params["until"] = "2021-01", "2021-06"
        page = rnd.choice((1, 1, 2, 3))
        if page > 1:
            params["page"] = str(page)
        out.append("/?" + str(httpx.QueryParams(params)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--searches", type=int, default=3000)
    ap.add_argument("--speakers", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--db", type=Path, help="Reuse (or create) the store here instead of a temporary one.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "web-bench.db"
        if not db.exists():
            fill(db, args.quotes)
        import sqlite3

        with sqlite3.connect(db) as conn:
            quotes = conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
            people = [r[0] for r in conn.execute("SELECT id FROM people ORDER BY id")]
        proc, base = start_server(db)
        try:
            rnd = random.Random(5)
            searches = search_urls(args.searches)
            speakers = [f"/speakers/{rnd.choice(people)}" for _ in range(args.speakers)]
            results = {
                "store_quotes": quotes, "clients": args.clients, "cpus": os.cpu_count(),
                # the app caches answers: this many of the requests are distinct, the rest may be hits
                "distinct_search_urls": len(set(searches)), "distinct_speaker_urls": len(set(speakers)),
                "search": run_load(base, searches, args.clients),
                "speaker": run_load(base, speakers, args.clients),
                "targets": "search >= 200 req/s with p95 < 100 ms; errors 0",
            }
        finally:
            proc.terminate()
            proc.wait(10)
    print(json.dumps(results, indent=2))
    if results["search"]["errors"] or results["speaker"]["errors"]:
        raise SystemExit("errors during the load test")


if __name__ == "__main__":
    main()
