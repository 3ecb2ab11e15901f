"""Extraction on several cores: ``extract_many`` in worker processes, with the output of one.

The parent reads the input and cuts it into batches of ``batch_size`` records, the very batches
``extract_many`` parses in one process, so every article is parsed beside the same neighbours and
comes out identical (a batched matrix product need not give bit-identical rows whatever the other
rows are). Each worker loads the spaCy model once and extracts whole batches; the parent takes the
results back in input order, so it alone writes stdout or the store. At most two batches per
worker are in flight: the input is streamed, never read whole, and a worker holds one batch, as
the single process does.

Workers ignore SIGINT: Ctrl-C reaches the parent, which stops every worker (SIGTERM, no
traceback) and lets the caller close its store; a batch of the store being written is rolled back.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import traceback
from itertools import islice
from typing import Iterable, Iterator

from .errors import WorkerError
from .extract import extract_many, load_nlp
from .model import Article

#: Batches in flight per worker: one being extracted, one waiting, so no worker idles.
IN_FLIGHT = 2
#: Seconds between checks that no worker has died (killed by the OOM killer, say) while waiting.
POLL = 1.0


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers:
    """A pool of ``jobs`` extraction processes, started on entering and stopped on leaving.

    ``jobs=1`` starts none: ``extract`` is then ``extract_many`` in this process, as always.
    Enter the pool before any other thread starts (a progress bar's, say): its processes are
    forked where the system can fork, and a fork copies locks that another thread may hold.
    """

    def __init__(self, jobs: int, *, batch_size: int = 64, kinds: Iterable[str] | None = None) -> None:
        if jobs < 1 or batch_size < 1:
            raise ValueError("jobs and batch_size must be at least 1")
        self.jobs = jobs
        self.batch_size = batch_size
        self.kinds = None if kinds is None else frozenset(kinds)
        self._processes: list = []
        self._tasks = self._results = None
        self._finished = False

    def __enter__(self) -> "Workers":
        if self.jobs > 1:
            self._start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def extract(self, records: Iterable[tuple]) -> Iterator[Article]:
        """The ``Article`` of each ``(text, date, url, id, title)`` record, in input order."""
        if not self._processes:
            yield from extract_many(records, batch_size=self.batch_size, kinds=self.kinds)
            return
        batches = _batches(records, self.batch_size)
        window = IN_FLIGHT * self.jobs
        sent = done = 0
        ready: dict[int, list[Article]] = {}
        more = True
        while True:
            while more and sent - done < window:
                batch = next(batches, None)
                if batch is None:
                    more = False
                else:
                    self._tasks.put((sent, batch, self.batch_size, self.kinds))
                    sent += 1
            if done == sent:
                self._finished = True
                return
            while done not in ready:
                seq, articles = self._receive()
                ready[seq] = articles
            articles = ready.pop(done)
            done += 1
            yield from articles

    def close(self) -> None:
        """Let the workers exit after a complete run; terminate them otherwise (an interrupt, an
        error, a consumer that stopped early). Safe to call twice."""
        if not self._processes:
            return
        procs, self._processes = self._processes, []
        if self._finished:
            for _ in procs:
                self._tasks.put(None)
            for p in procs:
                p.join()
        else:
            for p in procs:
                p.terminate()
            for p in procs:
                p.join()
            self._tasks.cancel_join_thread()  # its feeder thread may hold tasks nobody will read
        self._tasks.close()
        self._results.close()

    def _start(self) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork where it is safe (not macOS, whose system libraries may not survive it): no re-import.
        ctx = multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else None)
        self._tasks, self._results = ctx.Queue(), ctx.Queue()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # else a forked child flushes the parent's buffered output a second time
        # Workers start with SIGINT blocked, so a Ctrl-C before they ignore it cannot reach them.
        masked = hasattr(signal, "pthread_sigmask")
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if masked else None
        try:
            for _ in range(self.jobs):
                p = ctx.Process(target=_work, args=(self._tasks, self._results), daemon=True)
                p.start()
                self._processes.append(p)
        finally:
            if masked:
                signal.pthread_sigmask(signal.SIG_SETMASK, old)

    def _receive(self) -> tuple[int, list[Article]]:
        """The next finished batch from any worker; a worker's failure or death is a ``WorkerError``."""
        while True:
            try:
                seq, articles, failure = self._results.get(timeout=POLL)
            except queue.Empty:
                dead = [p for p in self._processes if p.exitcode is not None]
                if dead and self._results.empty():
                    raise WorkerError(f"a worker process died (exit code {dead[0].exitcode}); its batch is lost")
                continue
            if failure is not None:
                where = "loading the model" if seq < 0 else f"batch {seq + 1}"
                raise WorkerError(f"a worker failed on {where}:\n{failure}")
            return seq, articles


def _batches(records: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    """``records`` in lists of ``size`` (the last may be shorter), read as they are needed."""
    it = iter(records)
    while batch := list(islice(it, size)):
        yield batch


def _work(tasks, results) -> None:
    """A worker's life: ignore Ctrl-C, load the model once, extract batches until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        load_nlp()
    except Exception:
        results.put((-1, None, traceback.format_exc()))
        return
    for seq, batch, batch_size, kinds in iter(tasks.get, None):
        try:
            articles = list(extract_many(batch, batch_size=batch_size, kinds=kinds))
        except Exception:
            results.put((seq, None, traceback.format_exc()))
            return
        results.put((seq, articles, None))
