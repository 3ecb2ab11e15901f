"""The Spark job: the record ``saidwhen index`` + ``saidwhen export --format parquet`` builds on one
machine, built on a cluster instead.

``saidwhen spark INPUT... --out DIR`` (or ``spark-submit saidwhen/spark.py INPUT... --out DIR``, or
``python -m saidwhen.spark``) reads JSONL(.gz) files line by line and text, HTML and WARC files whole,
from any path Spark reads (local, ``hdfs://``, ``s3a://``), and in ``mapPartitions`` cleans, extracts
and normalises each article with the same functions as the single-machine path (one spaCy model per
Python worker, loaded once). Everything the store computes per article without its database (text
hash, MinHash signature and LSH buckets, normalised quote text, the day a quote was said) is computed
there too. The steps that span articles (duplicates, syndicated copies, people, one quote with many
renderings) are Spark joins, window functions and aggregations; what comes back to the driver is
counts and the links between quotations it follows, never article text or table rows. The tables are written as Parquet folders ``DIR/<table>/`` with the columns and types of
``saidwhen export --format parquet``; records that could not be read or extracted go, with the
reason, to ``DIR/rejected/`` as JSON lines.

"First" means lowest *ordinal*: (position of the file in the expanded input list, record within the
file), the order in which ``saidwhen index`` reads the same inputs. Where the store, which decides
article by article, and this job, which sees the whole corpus, can differ is listed in docs/spark.md.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import sys
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import PurePosixPath

# Absolute imports: ``spark-submit saidwhen/spark.py`` runs this file as a script.
from saidwhen.errors import SaidwhenError
from saidwhen.ingest import DIRECTORY_SUFFIXES
from saidwhen.people import ASCII_LOWER
from saidwhen.store import NUM_PERM, SYNDICATION_THRESHOLD, TABLES

__all__ = ["SparkJobError", "SparkSummary", "run", "main", "expand_inputs", "spark_session"]

#: Read line by line, split across tasks; a ``.jsonl.gz`` (not splittable) is read whole, by the
#: same reader as ``saidwhen index``, so a corrupt gzip stream is a rejected record, not a failed task.
LINE_SUFFIXES = (".jsonl",)

#: An ordinal packs (file index, record index) in one 64-bit integer: records per file < 2**32.
_RECORD_BITS = 32

#: ``spark.python.worker.memory``: a Python worker's aggregations (``groupByKey``, ``reduceByKey``)
#: spill to disk, with a full garbage collection each time, once the worker's resident memory passes
#: it. A worker that extracted holds the spaCy model (about 0.55 GB), so under Spark's default of
#: 512m every aggregation it ran spilled on every check; this leaves the default's headroom above
#: the model.
WORKER_MEMORY = "1g"

#: ``spark.python.daemon.module``: PySpark's daemon, which forks an executor's Python workers, loads
#: the model first, so every worker starts with it: one load per executor, not one per core inside
#: the extraction stage (a second core's worker imported saidwhen and loaded the model there, on the
#: stage's critical path), and the model's pages shared with the daemon until written.
DAEMON_MODULE = "saidwhen.spark_daemon"

#: JVM options of a local run's driver, which is its executor too: the quick (C1) JIT compiler only.
#: The steps after extraction run a hundred small Spark jobs whose JVM work is planning, code
#: generation and shuffles of small data; on a fresh JVM the optimising (C2) compiler spent more CPU
#: compiling Spark's own code (some 28,000 methods, 3 minutes of compiler-thread time on 1,000
#: articles) than that work took, on the cores the tasks needed. The JVM's data work is light (the
#: extraction is Python), so compiled code that runs slower costs less than compiling it: on 1,000
#: benchmark articles the JVM's CPU time after extraction fell from about 84 s to 43 s.
LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1"

#: What extracting an article costs whatever its length (cleaning, the model's call, the row), in
#: characters of text: about 7 ms, against 24 µs a character, timed one by one on the dev articles
#: and a few short texts.
_ARTICLE_CHARS = 300

#: Columns of each table, in the order and with the Arrow types ``export --format parquet`` writes.
_SPARK_TYPES = {"INTEGER": "bigint", "REAL": "double", "TEXT": "string", "BLOB": "binary"}


class SparkJobError(SaidwhenError):
    """The Spark job cannot start or run: no inputs, an unreadable output folder, no pyspark."""


@dataclass
class SparkSummary:
    """What one run read and wrote; ``rejected`` counts records by reason."""

    out: str
    files: int = 0
    records: int = 0
    articles: int = 0
    duplicates: int = 0
    syndicated: int = 0
    people: int = 0
    quotes: int = 0
    occurrences: int = 0
    warnings: int = 0
    rejected: dict = field(default_factory=dict)
    seconds: float = 0.0
    phases: dict = field(default_factory=dict)  # seconds per step, for benchmarks

    def lap(self, phase: str, since: list) -> None:
        now = time.perf_counter()
        self.phases[phase] = self.phases.get(phase, 0.0) + now - since[0]
        since[0] = now

    def __str__(self) -> str:
        bad = sum(self.rejected.values())
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.rejected.items())) or "none"
        return (
            f"{self.out}: {self.records} record(s) from {self.files} file(s): {self.articles} article(s) stored,"
            f" {self.duplicates} duplicate(s), {self.syndicated} syndicated cop{'y' if self.syndicated == 1 else 'ies'};"
            f" {self.people} people, {self.quotes} quote(s), {self.occurrences} occurrence(s);"
            f" {bad} rejected ({reasons}), {self.warnings} warning(s); {self.seconds:.1f}s"
        )


# ---------------------------------------------------------------- the session


def spark_session(master: str | None = None, shuffle_partitions: int | None = None, app_name: str = "saidwhen"):
    """A SparkSession for the job (the one ``spark-submit`` made, if any). In local mode the Python
    workers run this interpreter, so they find saidwhen and its model, and the JVM it starts gets
    ``LOCAL_JAVA_OPTIONS``."""
    try:
        from pyspark.sql import SparkSession
    except ModuleNotFoundError as e:  # pragma: no cover - depends on the install
        raise SparkJobError('pyspark is not installed: pip install "saidwhen[spark]"') from e
    if master is None or master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if shuffle_partitions or (master or "").startswith("local"):
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions or 8))
    if not _under_submit():  # under spark-submit, its --conf decides
        builder = builder.config("spark.python.worker.memory", WORKER_MEMORY)
        builder = builder.config("spark.python.daemon.module", DAEMON_MODULE)
        if master is None or master.startswith("local"):  # read when this call starts the JVM, not after
            builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JAVA_OPTIONS)
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    session = builder.getOrCreate()
    if (master or "").startswith("local"):
        session.sparkContext.setLogLevel("ERROR")  # the job prints its own summary
    return session


# ---------------------------------------------------------------- inputs


def expand_inputs(spark, inputs: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The files under ``inputs`` in the order ``saidwhen index`` reads them, through Hadoop's
    file systems (so ``hdfs://`` and ``s3a://`` work), and (input, reason) for inputs that give none.

    A directory gives every file below it with a saidwhen suffix, sorted by path, hidden entries
    skipped; a glob its matches in sorted order; a file itself.
    """
    jvm = spark._jvm
    conf = spark._jsc.hadoopConfiguration()
    files: list[str] = []
    missing: list[tuple[str, str]] = []
    for arg in inputs:
        path = jvm.org.apache.hadoop.fs.Path(arg)
        try:
            fs = path.getFileSystem(conf)
            statuses = fs.globStatus(path)
        except Exception as e:  # py4j wraps the Java IOException
            missing.append((arg, f"cannot list ({_java_reason(e)})"))
            continue
        if statuses is None or len(statuses) == 0:
            glob = any(c in arg for c in "*?[{")
            missing.append((arg, "no files match this pattern" if glob else "no such file or directory"))
            continue
        for status in sorted(statuses, key=lambda s: s.getPath().toString()):
            if status.isDirectory():
                found = _walk(fs, status.getPath())
                if not found:
                    missing.append((status.getPath().toString(), "no .txt, .jsonl, .jsonl.gz, .html, .htm, .warc or .warc.gz files in this directory"))
                files.extend(found)
            else:
                files.append(status.getPath().toString())
    return files, missing


def _walk(fs, root) -> list[str]:
    """Article files below ``root``, sorted by their path relative to it, hidden entries skipped."""
    base = root.toString().rstrip("/") + "/"
    found = []
    it = fs.listFiles(root, True)
    while it.hasNext():
        name = it.next().getPath().toString()
        rel = name[len(base):] if name.startswith(base) else PurePosixPath(name).name
        parts = rel.split("/")
        if any(p.startswith(".") for p in parts) or not parts[-1].lower().endswith(DIRECTORY_SUFFIXES):
            continue
        found.append((parts, name))
    return [name for _, name in sorted(found)]


def _java_reason(e: Exception) -> str:
    text = str(e).strip().splitlines()
    return (text[0] if text else type(e).__name__)[:200]


def _shown(path: str) -> str:
    """A path as problems name it: local files without the ``file:`` scheme."""
    return path[5:] if path.startswith("file:") else path


# ---------------------------------------------------------------- per record (executors)


def _rejected(source: str, line, record, reason: str, kind: str) -> tuple:
    return ("r", (source, line, record, kind, reason))


def _problem_kind(reason: str) -> str:
    """A short class of a reading problem, the key of the rejection counts."""
    for needle, kind in (("not valid JSON", "bad JSON"), ("not a JSON object", "bad JSON"), ('"text"', "no text"),
                         ("no main text", "no text"), ("empty", "empty"), ("WARC", "corrupt WARC record"),
                         ("HTML", "bad HTML"), ("gzip", "corrupt gzip"), ("binary", "binary file")):
        if needle in reason:
            return kind
    return "unreadable"


def _read_items(items, parse, counts):
    """(ordinal, RawArticle) for each readable record; rejected rows for fatal problems; warnings
    counted. ``parse(item)`` yields (file index, record index, source, RawArticle | Problem), one
    record at a time, so a large file is never held parsed in memory."""
    from .ingest import Problem

    for item in items:
        parsed = parse(item)
        while True:
            try:
                file_index, record, source, x = next(parsed)
            except StopIteration:
                break
            except Exception as err:  # a reader bug must cost the rest of the file, not the job
                counts.add(Counter({"unreadable": 1}))
                yield _rejected(getattr(parse, "source", lambda i: "?")(item), None, None,
                                f"cannot read ({type(err).__name__}: {err})", "unreadable")
                break
            if isinstance(x, Problem):
                if x.fatal:
                    kind = _problem_kind(x.reason)
                    counts.add(Counter({kind: 1}))
                    yield _rejected(x.source, x.line, record, x.reason, kind)
                else:
                    counts.add(Counter({"warning": 1}))
            else:
                yield ("a", ((file_index << _RECORD_BITS) | record, x))


def _dealt(index: int, items, n: int):
    """(partition, item) for each record of input partition ``index``: each article goes to the one of
    the ``n`` partitions that has the least text so far, since an extraction task's time grows with the
    text it parses (a rejected record costs nothing). Every input partition is balanced, so their sum
    is too; ties go round from partition ``index``, so the input partitions do not all favour the first.
    Dealt by count (``repartition``, ten records at a time), a partition that drew more long articles
    ran on while the other cores idled."""
    import heapq

    heap = [(0, (p - index) % n, p) for p in range(n)]  # (text so far, place in the tie order, partition)
    heapq.heapify(heap)
    for item in items:
        load, rank, p = heap[0]
        if item[0] == "a":
            heapq.heapreplace(heap, (load + _cost(item[1][1]), rank, p))
        yield p, item


def _cost(raw) -> int:
    """What extracting an article costs, in characters of text: its length and ``_ARTICLE_CHARS``."""
    return len(raw.text) + _ARTICLE_CHARS


def _identity(p: int) -> int:
    """The partition of a record ``_dealt`` keyed: its key."""
    return p


def _parse_whole_file(indices):
    """A parser of (path, bytes) pairs, as ``saidwhen index`` reads the same file."""
    from .ingest import read_file_bytes

    def parse(item):
        path, data = item
        source = _shown(path)
        for file_index in indices.value.get(path, ()):
            for record, x in enumerate(read_file_bytes(source, bytes(data))):
                yield file_index, record, source, x

    parse.source = lambda item: _shown(item[0])
    return parse


def _parse_jsonl_line(files):
    """A parser of (file index, line number, line) triples."""
    from .ingest import read_jsonl_line

    def parse(item):
        file_index, lineno, line = item
        source = _shown(files.value[file_index])
        for x in read_jsonl_line(source, lineno, line):
            yield file_index, lineno, source, x

    parse.source = lambda item: f"{_shown(files.value[item[0]])}:{item[1]}"
    return parse


@functools.cache
def _freeze_model() -> None:
    """Load the spaCy model in this Python worker and move it (with all else loaded so far) out of
    the garbage collector's sight (``gc.freeze``), once per worker. PySpark's daemon collects
    garbage after every task a reused worker runs, and with the model loaded a pass cost about a
    tenth of a second (a few hundredths without it): in every small task of the cross-article
    steps this worker ran later."""
    from .extract import load_nlp

    load_nlp()
    gc.freeze()


def _extract_partition(items, counts, kinds=None):
    """Clean and extract the partition's articles with one model per Python worker, and turn each
    into an article row; an article that fails becomes a rejected row."""
    from .clean import clean
    from .extract import extract_many

    source = iter(items)
    pending: deque = deque()
    rejects: list = []

    def records():
        _freeze_model()
        for item in source:
            if item[0] == "r":
                rejects.append(item)
                continue
            ordinal, raw = item[1]
            try:
                text = clean(raw.text)
            except Exception as err:
                counts.add(Counter({"extraction failed": 1}))
                rejects.append(_rejected(raw.source, raw.line, ordinal & 0xFFFFFFFF, f"cleaning failed ({type(err).__name__}: {err})", "extraction failed"))
                continue
            pending.append((ordinal, raw))
            yield text, raw.date, raw.url, raw.id, raw.title

    def finished(ordinal, raw, article):
        if article is None or "failed" in article.flags:
            why = article.flags[-1] if article is not None else "no article"
            counts.add(Counter({"extraction failed": 1}))
            return _rejected(raw.source, raw.line, ordinal & 0xFFFFFFFF, f"extraction failed ({why})", "extraction failed")
        return ("a", _article_row(ordinal, article))

    while True:
        try:
            for article in extract_many(records(), batch_size=64, kinds=kinds):
                while rejects:
                    yield rejects.pop(0)
                ordinal, raw = pending.popleft()
                yield finished(ordinal, raw, article)
            break
        except Exception as err:  # the batch in flight is redone one article at a time, then on
            batch = list(pending)
            pending.clear()
            for ordinal, raw in batch:
                try:
                    article = next(extract_many([(clean(raw.text), raw.date, raw.url, raw.id, raw.title)], kinds=kinds))
                except Exception as one:
                    article = None
                    why = f"{type(one).__name__}: {one}"
                    counts.add(Counter({"extraction failed": 1}))
                    yield _rejected(raw.source, raw.line, ordinal & 0xFFFFFFFF, f"extraction failed ({why})", "extraction failed")
                    continue
                yield finished(ordinal, raw, article)
            del err
    while rejects:
        yield rejects.pop(0)


def _article_row(ordinal: int, a) -> tuple:
    """Everything the store computes for one article without its database, as one row."""
    import orjson

    from .store import _TRUNCATED, _bands, _minhash_values, alias_of, _prefix_key, _said_date, normalise_quote, quotations, text_hash

    published = a.date.isoformat() if a.date else None
    values = _minhash_values(a.text)
    people = [
        (pos, p.name, p.kind, p.role, sorted({m.text.strip() for m in p.mentions if alias_of(m.text.strip(), p.name, p.kind)}),
         p.gender, p.gender_evidence)
        for pos, p in enumerate(a.people)
    ]
    quotes = []
    for pos, (q, spans) in enumerate(quotations(a)):  # a split quote's pieces are one quotation
        norm = normalise_quote(q.text)
        quotes.append((
            pos, q.text, norm, _prefix_key(norm), bool(_TRUNCATED.search(q.text)), q.speaker,
            q.speaker_mention.text if q.speaker_mention else None, q.cue, q.kind,
            q.said_on.value if q.said_on else None, q.said_on.basis if q.said_on else None,
            _said_date(q, published), float(q.confidence), q.paragraph, q.group, [(s, e) for s, e in spans],
        ))
    return (
        ordinal, a.id, a.url, published, a.title, a.text, text_hash(a.text),
        orjson.dumps(list(a.flags)).decode() if a.flags else None,
        [int(v) for v in values], _bands(values.astype("<u4").tobytes()), people, quotes,
        [(pos, t.start, t.end, t.text, t.type, t.value) for pos, t in enumerate(a.times)],
        [(pos, n.start, n.end, n.text, n.reason) for pos, n in enumerate(a.non_quotes)],
    )


def _article_schema():
    from pyspark.sql.types import (ArrayType, BooleanType, DoubleType, LongType, StringType, StructField,
                                   StructType)

    def struct(*cols):
        return StructType([StructField(name, typ) for name, typ in cols])

    S, L = StringType(), LongType()
    return struct(
        ("ordinal", L), ("source_id", S), ("url", S), ("date", S), ("title", S), ("text", S), ("text_hash", S),
        ("flags", S), ("signature", ArrayType(L)), ("buckets", ArrayType(L)),
        ("people", ArrayType(struct(("pos", L), ("name", S), ("kind", S), ("role", S), ("aliases", ArrayType(S)),
                                    ("gender", S), ("gender_evidence", S)))),
        ("quotes", ArrayType(struct(
            ("pos", L), ("text", S), ("norm", S), ("prefix", S), ("partial", BooleanType()), ("speaker", S),
            ("mention", S), ("cue", S), ("kind", S), ("said_on", S), ("said_on_basis", S), ("said_date", S),
            ("confidence", DoubleType()), ("paragraph", L), ("grp", L),
            ("spans", ArrayType(struct(("start", L), ("end", L))))))),
        ("times", ArrayType(struct(("pos", L), ("start", L), ("end", L), ("text", S), ("type", S), ("value", S)))),
        ("non_quotes", ArrayType(struct(("pos", L), ("start", L), ("end", L), ("text", S), ("reason", S)))),
    )


@functools.lru_cache(maxsize=1)
def _no_article() -> tuple:
    """A null for each column of ``_article_schema``: the article part of a rejected record's row."""
    return (None,) * len(_article_schema().fields)


def _extracted_schema():
    """The article columns and a ``rejected`` record, exactly one of them set in a row."""
    from pyspark.sql.types import StructField, StructType

    return StructType([*_article_schema().fields, StructField("rejected", _rejected_schema())])


def _rejected_schema():
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType([StructField("source", StringType()), StructField("line", LongType()),
                       StructField("record", LongType()), StructField("kind", StringType()),
                       StructField("reason", StringType())])


# ---------------------------------------------------------------- the job


def run(inputs: list[str], out: str, *, spark=None, master: str | None = None, partitions: int | None = None,
        kinds=None, log=None) -> SparkSummary:
    """Build the record of ``inputs`` and write it under ``out``; see the module docstring.

    ``kinds`` keeps only those kinds of quotation, as ``saidwhen index --kinds`` does (default all).
    """
    from pyspark.storagelevel import StorageLevel

    from .model import check_kinds

    try:
        wanted = check_kinds(kinds)
    except ValueError as e:
        raise SparkJobError(f"--kinds: {e}") from e

    say = log or (lambda msg: print(msg, file=sys.stderr))
    started = time.perf_counter()
    spark = spark or spark_session(master)
    sc = spark.sparkContext
    summary = SparkSummary(out=out)

    files, missing = expand_inputs(spark, inputs)
    if not files:
        detail = "; ".join(f"{p}: {why}" for p, why in missing) or "no inputs given"
        raise SparkJobError(f"nothing to read ({detail})")
    summary.files = len(files)
    counts = sc.accumulator(Counter(), _CounterParam())

    # Read: JSONL line by line (a large uncompressed file is split across tasks), the rest whole.
    jsonl = [i for i, f in enumerate(files) if f.lower().endswith(LINE_SUFFIXES)]
    whole = [i for i, f in enumerate(files) if not f.lower().endswith(LINE_SUFFIXES)]
    files_b = sc.broadcast(files)
    parts = []
    for i in jsonl:
        # Split by the file system's blocks only (minPartitions=1): a file of one block is one partition,
        # and numbering its lines needs no job of its own to count them first (``zipWithIndex`` runs one
        # for a file in several). Reading is cheap; the records are dealt over every core just below.
        lines = sc.textFile(files[i], minPartitions=1).zipWithIndex().map(lambda x, i=i: (i, x[1] + 1, x[0]))
        parts.append(lines.mapPartitions(lambda it: _read_items(it, _parse_jsonl_line(files_b), counts)))
    if whole:
        indices: dict[str, list[int]] = {}
        for i in whole:
            indices.setdefault(files[i], []).append(i)
        indices_b = sc.broadcast(indices)
        blobs = sc.binaryFiles(",".join(sorted(indices)))
        parts.append(blobs.mapPartitions(lambda it: _read_items(it, _parse_whole_file(indices_b), counts)))
    raw = parts[0] if len(parts) == 1 else sc.union(parts)
    # Extraction is the cost: spread the records over every core whatever the file sizes were, dealt by
    # the text they carry so that the tasks finish together.
    target = partitions or max(2 * sc.defaultParallelism, raw.getNumPartitions())
    if raw.getNumPartitions() != target:  # else as many inputs as tasks (many files read whole): no shuffle of text
        raw = raw.mapPartitionsWithIndex(lambda index, it: _dealt(index, it, target)).partitionBy(target, _identity).values()
    # One Python pass: article rows and rejected records in one cached frame, split apart by the JVM.
    extracted = spark.createDataFrame(raw.mapPartitions(lambda it: _extract_partition(it, counts, wanted)).map(_flat_row),
                                      _extracted_schema(), verifySchema=False).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        return _build(spark, extracted, missing, counts, summary, out, started, say)
    finally:
        extracted.unpersist()


def _flat_row(item: tuple) -> tuple:
    """An article row with no rejection, or a row of nulls with the rejected record."""
    kind, row = item
    return (*row, None) if kind == "a" else (*_no_article(), row)


def _build(spark, extracted, missing, counts, summary, out, started, say) -> SparkSummary:
    from pyspark.sql import Observation
    from pyspark.sql import functions as F

    rejected = extracted.where(F.col("rejected").isNotNull()).select("rejected.*")
    if missing:
        rejected = rejected.unionByName(spark.createDataFrame(
            [(_shown(p), None, None, "unreadable", why) for p, why in missing], _rejected_schema()))
        counts.add(Counter({"unreadable": len(missing)}))
    arts = extracted.where(F.col("rejected").isNull()).drop("rejected")
    clock = [started]
    # runs the extraction, once (the frame is cached)
    total, bad = extracted.select(F.count(F.lit(1)), F.count("rejected")).first()
    summary.records = total - bad
    summary.lap("read and extract", clock)
    rejected.coalesce(1).orderBy("source", "record", "line").write.mode("overwrite").option(
        "ignoreNullFields", "false").json(_join(out, "rejected"))

    summary.lap("rejected", clock)
    kept = _deduplicate(arts.select("ordinal", "url", "text_hash"))
    ka = _numbered(arts.join(kept, "ordinal"), "ordinal", "id")  # in id order: times and non_quotes need no sort
    summary.lap("duplicates", clock)

    clusters = _syndication(ka)
    articles = ka.join(clusters, "id", "left")
    summary.lap("syndication", clock)

    entries = _person_entries(ka)
    sightings, people, aliases = _people(entries)
    summary.lap("people", clock)
    renderings = _renderings(ka, sightings)
    quotes, quote_of_norm = _quotes(renderings, people)
    summary.lap("quotes", clock)
    rendering_table, rendering_ids = _rendering_table(renderings, quote_of_norm)
    occurrences = _occurrences(renderings, quote_of_norm, people, rendering_ids)
    summary.lap("occurrences", clock)

    tables = {
        "articles": articles,
        "people": people,
        "aliases": aliases,
        "quotes": quotes,
        "renderings": rendering_table,
        "occurrences": occurrences,
        "times": ka.select("id", F.posexplode("times").alias("_p", "t")).select(
            F.col("id").alias("article_id"), "t.*"),
        "non_quotes": ka.select("id", F.posexplode("non_quotes").alias("_p", "n")).select(
            F.col("id").alias("article_id"), "n.*"),
    }
    # The summary's counts are taken while the tables are written, not by jobs of their own.
    copy = F.col("minhash_cluster").isNotNull() & (F.col("minhash_cluster") != F.col("id"))
    counted = {name: Observation() for name in ("articles", "people", "quotes", "occurrences")}
    for name in TABLES:
        df = tables[name]
        if name in ("articles", "renderings"):  # the others come out of _numbered in id order
            df = df.orderBy("id")
        if name in counted:
            extra = [F.sum(F.when(copy, 1).otherwise(0)).alias("copies")] if name == "articles" else []
            df = df.observe(counted[name], F.count(F.lit(1)).alias("rows"), *extra)
        _conform(df, name).write.mode("overwrite").parquet(_join(out, name))
        summary.lap(f"write {name}", clock)
    summary.articles = counted["articles"].get["rows"]
    summary.duplicates = summary.records - summary.articles
    summary.syndicated = counted["articles"].get["copies"] or 0
    summary.people, summary.quotes, summary.occurrences = (counted[n].get["rows"] for n in ("people", "quotes", "occurrences"))
    for df in (arts, renderings):
        df.unpersist()
    c = counts.value
    summary.warnings = c.pop("warning", 0)
    summary.rejected = dict(c)
    summary.seconds = time.perf_counter() - started
    say(str(summary))
    return summary


def _join(out: str, name: str) -> str:
    return out.rstrip("/") + "/" + name


class _CounterParam:
    """Accumulator of counts by reason (a ``Counter``)."""

    def zero(self, value):
        return Counter()

    def addInPlace(self, a, b):
        a.update(b)
        return a


def _cores(df) -> int:
    """Partitions for the Python shuffles of the steps across articles: one per core of the job. Their
    rows are few (names, quotations, renderings: not article text), and a Python task costs about a
    tenth of a second to start whatever it holds, so the 8 to 22 partitions they inherited from their
    inputs spent more time starting tasks than working."""
    return df.sparkSession.sparkContext.defaultParallelism


def _numbered(df, key: str, name: str):
    """``df`` with ``name`` = 1, 2, … in ``key`` order, its rows in that order: a distributed sort,
    then each partition's offset from the row counts of the partitions before it (one small row per
    partition reaches the driver, never the data), added by a projection. The sorted rows are kept
    (a lazy local checkpoint) by the job that counts them, and ``df``'s plan runs once, not again to
    join the numbers back; the partitions come out in id order, so a table written from them needs
    no sort of its own."""
    from pyspark.sql import functions as F

    cols = df.columns
    ranked = (df.orderBy(key)
              .select("*", F.spark_partition_id().alias("_part"), F.monotonically_increasing_id().alias("_row"))
              .localCheckpoint(eager=False))
    sizes = sorted(tuple(r) for r in ranked.groupBy("_part").agg(F.min("_row"), F.count("*")).collect())
    if not sizes:
        return ranked.select(*cols, F.lit(None).cast("bigint").alias(name))
    # id = _row + shift[_part]: a projection, so the sorted rows keep their partitions and order. (The
    # array ends with a null, never read, so the column stays nullable, as the store's export has it.)
    shift, total = [0] * (sizes[-1][0] + 1), 0
    for part, first_row, n in sizes:
        shift[part] = total - first_row + 1
        total += n
    shifts = F.array(*(F.lit(v).cast("bigint") for v in shift), F.lit(None).cast("bigint"))
    return ranked.select(*cols, (F.col("_row") + F.element_at(shifts, F.col("_part") + 1)).alias(name))


def _deduplicate(light):
    """The ordinals of the articles ``Store.index`` keeps: one is skipped when an earlier *kept*
    article has its URL, or its exact text where one of the two has no URL (the same text under
    two URLs is kept twice: a syndicated copy, clustered by ``_syndication``). Decided in rounds
    with window functions; each round settles at least the earliest open article (usually all of
    them in one or two)."""
    from pyspark.sql import Observation, Window
    from pyspark.sql import functions as F

    d = light.select(
        "ordinal",
        F.coalesce(F.col("url"), F.concat(F.lit("\0none:"), F.col("ordinal").cast("string"))).alias("url_key"),
        "text_hash", F.col("url").isNull().alias("no_url"), F.lit(None).cast("string").alias("status"))
    kept, live = F.col("status") == "kept", F.col("status").isNull() | (F.col("status") == "kept")
    while True:
        by_url = Window.partitionBy("url_key").orderBy("ordinal").rowsBetween(Window.unboundedPreceding, -1)
        by_text = Window.partitionBy("text_hash").orderBy("ordinal").rowsBetween(Window.unboundedPreceding, -1)
        earlier = lambda on, w: F.coalesce(F.max(F.when(on, 1).otherwise(0)).over(w), F.lit(0)) > 0  # noqa: E731
        cols = {
            "url_kept": earlier(kept, by_url), "url_open": earlier(live, by_url),
            # An earlier article of the same text counts when this one has no URL, or that one has none.
            "text_kept": earlier(kept, by_text), "text_open": earlier(live, by_text),
            "bare_kept": earlier(kept & F.col("no_url"), by_text), "bare_open": earlier(live & F.col("no_url"), by_text),
        }
        d = d.select("*", *(c.alias(n) for n, c in cols.items()))
        hit = lambda kind: F.col(f"url_{kind}") | F.when(F.col("no_url"), F.col(f"text_{kind}")).otherwise(F.col(f"bare_{kind}"))  # noqa: E731
        status = (F.when(F.col("status").isNotNull(), F.col("status"))
                  .when(hit("kept"), F.lit("dropped")).when(~hit("open"), F.lit("kept")))
        left = Observation()  # the articles still open, counted by the job that checkpoints the round
        d = (d.select("ordinal", "url_key", "text_hash", "no_url", status.alias("status"))
             .observe(left, F.sum(F.col("status").isNull().cast("int")).alias("open")).localCheckpoint())
        if not left.get["open"]:
            return d.where(F.col("status") == "kept").select("ordinal")


def _syndication(ka):
    """(id, minhash_cluster): articles sharing an LSH bucket whose estimated Jaccard is at least
    ``SYNDICATION_THRESHOLD`` are linked; each connected component is labelled with its earliest
    article (min-label propagation); articles with no near-copy get no row (NULL)."""
    from pyspark.sql import Observation
    from pyspark.sql import functions as F

    b = ka.select("id", F.explode(F.array_distinct("buckets")).alias("bucket"))
    pairs = (b.alias("x").join(b.alias("y"), "bucket").where(F.col("x.id") < F.col("y.id"))
             .select(F.col("x.id").alias("a"), F.col("y.id").alias("b")).distinct())
    # Two signatures agree where their values, each tagged with its position (the values are 32-bit),
    # meet: counted by the JVM's compiled array intersection. Comparing position by position (zip_with,
    # or 64 element tests) ran through the interpreter: on 5,000 articles, 252,603 pairs, most of the
    # step's time. The pairs with one signature are dealt by their other end to one partition per core,
    # where adaptive execution put that small shuffle, and so the comparison, in one task.
    sig = ka.select("id", F.transform("signature", lambda v, i: i.cast("long") * F.lit(1 << 32) + v).alias("tagged"))
    equal = F.size(F.array_intersect("sa", "sb"))
    edges = (pairs.join(sig.select(F.col("id").alias("a"), F.col("tagged").alias("sa")), "a").repartition(_cores(ka), "b")
             .join(sig.select(F.col("id").alias("b"), F.col("tagged").alias("sb")), "b")
             .where(equal / F.lit(float(NUM_PERM)) >= F.lit(SYNDICATION_THRESHOLD))
             .select("a", "b").localCheckpoint())
    # Each round a node takes the least label among its own and its neighbours'; labels only fall, and
    # none would fall in another round once both ends of every link share one: the job that joins the
    # round's labels to the links (and keeps them, for the next round's offers) checks that, so no round
    # runs only to find that nothing changed. The first round starts from every node labelled with itself.
    offers = (edges.select(F.col("b").alias("node"), F.col("a").alias("label"))
              .union(edges.select(F.col("a").alias("node"), F.col("a").alias("label")))
              .union(edges.select(F.col("b").alias("node"), F.col("b").alias("label"))))
    while True:
        labels = offers.groupBy("node").agg(F.min("label").alias("label")).localCheckpoint(eager=False)
        apart = Observation()
        linked = (edges.join(labels.select(F.col("node").alias("a"), F.col("label").alias("la")), "a")
                  .join(labels.select(F.col("node").alias("b"), F.col("label").alias("lb")), "b")
                  .observe(apart, F.sum((F.col("la") != F.col("lb")).cast("int")).alias("apart"))
                  .localCheckpoint())
        if not apart.get["apart"]:
            return labels.select(F.col("node").alias("id"), F.col("label").alias("minhash_cluster"))
        offers = (linked.select(F.col("b").alias("node"), F.col("la").alias("label"))
                  .union(linked.select(F.col("a").alias("node"), F.col("lb").alias("label")))
                  .union(labels))


def _person_entries(ka):
    """Every call the store makes to find or create a person, in its order: each article's people,
    then the speakers of its quotes (``key`` = (ordinal, phase, position))."""
    from pyspark.sql import functions as F

    people = ka.select("ordinal", "url", "source_id", F.explode("people").alias("p")).select(
        F.struct("ordinal", F.lit(0).alias("phase"), F.col("p.pos").alias("pos")).alias("key"),
        F.col("p.name").alias("name"), F.col("p.kind").alias("kind"), F.col("p.role").alias("role"),
        F.col("p.aliases").alias("aliases"), F.col("p.gender").alias("gender"), F.col("p.gender_evidence").alias("gender_evidence"),
        "url", "source_id")
    speakers = ka.select("ordinal", "url", "source_id", F.explode("quotes").alias("q")).where(F.col("q.speaker").isNotNull()).select(
        F.struct("ordinal", F.lit(1).alias("phase"), F.col("q.pos").alias("pos")).alias("key"),
        F.col("q.speaker").alias("name"), F.lit("PERSON").alias("kind"), F.lit(None).cast("string").alias("role"),
        F.array().cast("array<string>").alias("aliases"), F.lit(None).cast("string").alias("gender"),
        F.lit(None).cast("string").alias("gender_evidence"), "url", "source_id")
    return people.unionByName(speakers)


def _people(entries):
    """(sightings, people, aliases): every call the store makes to find or create a person, folded
    per surname group (``_fold_people``) with a ``groupByKey``; ``sightings`` gives each call's
    canonical person and the speaker text a quote stored by it ends with."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

    spark = entries.sparkSession
    calls = entries.select("key.ordinal", "key.phase", "key.pos", "name", "kind", "role", "aliases", "gender",
                           "gender_evidence", "url", "source_id")
    folded = (calls.coalesce(_cores(entries)).rdd.mapPartitions(_person_calls)
              .groupByKey(_cores(entries))
              .flatMap(lambda kv: _fold_people(kv[1]))
              .persist())
    key = StructType([StructField("ordinal", LongType()), StructField("phase", IntegerType()), StructField("pos", LongType())])
    rows = spark.createDataFrame(
        folded.filter(lambda x: x[0] == "p").map(lambda x: x[1:]),
        StructType([StructField("name", StringType()), StructField("kind", StringType()), StructField("role", StringType()),
                    StructField("gender", StringType()), StructField("gender_evidence", StringType()),
                    StructField("gender_conflict", LongType()), StructField("created", key)]), verifySchema=False)
    people = _numbered(rows, "created", "id").select("id", "name", "kind", "role", "gender", "gender_evidence", "gender_conflict")
    alias_rows = spark.createDataFrame(folded.filter(lambda x: x[0] == "a").map(lambda x: x[1:]),
                                       StructType([StructField("canonical", StringType()), StructField("alias", StringType()),
                                                  StructField("reason", StringType())]), verifySchema=False)
    aliases = (alias_rows.join(people.select(F.col("id").alias("person_id"), F.col("name").alias("canonical")), "canonical")
               .select("person_id", "alias", "reason").orderBy("person_id", "alias"))
    sightings = spark.createDataFrame(
        folded.filter(lambda x: x[0] == "s").map(lambda x: x[1:]),
        StructType([StructField("key", key), StructField("canonical", StringType()), StructField("speaker_text", StringType())]),
        verifySchema=False)
    return sightings, people, aliases


def _person_calls(rows):
    """(surname key, call) for ``_fold_people`` from rows of flat columns, read by position: reading a
    Row's fields by name, and a nested struct made a Row of its own, cost more than the fold (some 70,000
    calls on 5,000 articles). An article's calls come together (its people, then its speakers), so its outlet is
    worked out once or twice, not once a call."""
    from .balance import outlet

    where = functools.lru_cache(maxsize=64)(outlet)
    for ordinal, phase, pos, name, kind, role, aliases, gender, evidence, url, source_id in rows:
        yield _surname_key(name), ((ordinal, phase, pos), name, kind, role, list(aliases or ()), gender, evidence, where(url, source_id))


@functools.lru_cache(maxsize=65536)
def _surname_key(name: str) -> str:
    """The group of names that can meet in the store's rules: the last word in any capitals or
    accents (``people.same_name_key``), which holds the last words SQLite's ``LIKE`` folds alike."""
    from .people import same_name_key

    return same_name_key(name.rsplit(" ", 1)[-1])


def _fold_people(sightings) -> list[tuple]:
    """The store's ``_person`` (with ``_full_name_of`` and ``_absorb_surname``) replayed over one
    surname group's sightings in ordinal order, as one ``saidwhen index`` run makes them: a name
    already stored is that person; a bare PERSON surname joins the one stored full PERSON name
    ending with it; a new full name folds in a stored bare surname when it is the only full name
    with it. Returns ("p", name, kind, role, created key) per person, ("a", name, alias) per alias
    and ("s", key, canonical name, speaker text) per sighting."""
    from .people import (COUNTRY, NO_GENDER, SHORT_NAME, fits_all, fold_gender, known_full_name, one_candidate, org_variant_forms,
                         own_outlet, same_name_key, short_name_of, variant_reason)

    rows: dict = {}  # id (the key that created the row) -> [name, kind, role, {alias: reason}, alive, gender state]
    by_name: dict = {}  # name -> id of the live row
    cache: dict = {}  # the store's ``_people``: name -> id, kept for the run
    moved: dict = {}  # id of a folded-in row -> id of the row it went into
    seen = []
    sightings = sorted(sightings, key=lambda s: s[0])
    # the full names of each article's people, as the store's ``here``
    here: dict = {}
    orgs: dict = {}  # and of its organisations, as the store's ``orgs``
    for key, name, kind, *_ in sightings:
        if key[1] == 0 and kind in ("PERSON", "ORG") and " " in name:
            (here if kind == "PERSON" else orgs).setdefault(key[0], []).append(name)

    def fold(name: str) -> str:
        return name.translate(ASCII_LOWER)

    def named(name: str, person: bool = False):
        """The store's ``_named``: the live row of ``name`` in any case or accents, the exact spelling first."""
        key = same_name_key(name)
        live = [rid for rid, r in rows.items() if r[4] and same_name_key(r[0]) == key and (not person or r[1] == "PERSON")]
        return min(live, key=lambda rid: (rows[rid][0] != name, rid)) if live else None

    def stored(name: str, person: bool = False):
        """The store's ``_stored``: by name in any case (the exact spelling first), else joined as a variant."""
        if (found := named(name, person)) is not None:
            return found
        joined = [rid for rid, r in rows.items() if r[4] and r[3].get(name) is not None and (not person or r[1] == "PERSON")]
        return min(joined) if joined else None

    def full_name_of(surname: str):
        tail = " " + fold(surname)
        found = [rid for rid, r in rows.items()
                 if r[4] and r[1] == "PERSON" and fold(r[0]).endswith(tail)]
        return found[0] if len(found) == 1 else None

    def surname_of(surname: str, ordinal):
        in_article = {n for n in here.get(ordinal, ()) if n.endswith(" " + surname)}
        if len(in_article) == 1 and (found := stored(next(iter(in_article)))) is not None:
            return found
        if (known := known_full_name(surname)) is not None and (found := stored(known, person=True)) is not None:
            return found
        return full_name_of(surname)

    def variant_of(name: str, ordinal):
        """The store's ``_variant_of``: the one fitting candidate, or the one the article names."""
        last = " " + name.rsplit(" ", 1)[-1]
        tail = fold(last)
        found = {}
        for rid, r in rows.items():
            if (r[4] and r[1] == "PERSON" and fold(r[0]).endswith(tail) and r[0].endswith(last)
                    and (reason := variant_reason(name, r[0])) is not None):
                forms = [a for a, why in r[3].items() if why is not None and why not in ("surname", "by hand")]
                if fits_all(name, [r[0], *forms]):
                    found[rid] = (reason, {r[0], *forms})
        return one_candidate(found, here.get(ordinal, ()))

    def national_of(name: str):
        """The store's ``_national_of``: the one live organisation that is ``name`` with or without its country."""
        found = {rid for form in org_variant_forms(name) if (rid := named(form)) is not None and rows[rid][1] == "ORG"}
        return found.pop() if len(found) == 1 else None

    def add_alias(rid, alias, reason):
        aliases = rows[rid][3]
        if aliases.get(alias) is None:
            aliases[alias] = reason

    for key, name, kind, role, aliases, gender, evidence, where in sightings:
        org = short_name_of(name, orgs.get(key[0], ()), here.get(key[0], ()))
        if org is None and where and " " not in name:  # the store's ``own_outlet``: "Times" in a story of nytimes.com
            org = own_outlet(name, where, [r[0] for r in rows.values() if r[4] and r[1] == "ORG"],
                             orgs.get(key[0], ()), here.get(key[0], ()))
        if org is not None and (rid := stored(org)) is not None:
            add_alias(rid, name, SHORT_NAME)  # the store's: for this article only, never cached
        else:
            rid = cache.get(name)
        cached = True
        if rid is None:
            if (same := named(name)) is not None:  # the same name, or the same in other capitals
                rid = same
            elif kind == "PERSON" and " " not in name and (full := surname_of(name, key[0])) is not None:
                rid = full
                add_alias(rid, name, "surname")
                cached = False  # the store's: judged again in each article
            elif kind == "PERSON" and " " in name and (variant := variant_of(name, key[0])) is not None:
                rid, reason = variant
                add_alias(rid, name, reason)
            elif kind == "ORG" and (national := national_of(name)) is not None:
                rid = national
                add_alias(rid, name, COUNTRY)
            else:
                rid = key
                rows[rid] = [name, kind, role, {}, True, NO_GENDER]
                by_name[name] = rid
                if kind == "PERSON" and " " in name:
                    surname = name.rsplit(" ", 1)[-1]
                    old = by_name.get(surname)
                    if full_name_of(surname) == rid and old is not None and rows[old][1] == "PERSON":
                        for alias, reason in rows[old][3].items():
                            add_alias(rid, alias, reason)
                        add_alias(rid, surname, "surname")
                        rows[rid][5] = fold_gender(rows[rid][5], rows[old][5])
                        rows[old][4] = False
                        del by_name[surname]
                        moved[old] = rid
                        cache.pop(surname, None)
            if cached:
                cache[name] = rid
        row = rows[rid]
        if role and row[2] is None:
            row[2] = role
        for alias in aliases:
            add_alias(rid, alias, None)
        if gender is not None:
            row[5] = fold_gender(row[5], (gender, evidence, 0))
        seen.append((key, name, rid))

    def final(rid):
        while rid in moved:
            rid = moved[rid]
        return rid

    out: list[tuple] = []
    for rid, (name, kind, role, aliases, alive, gender) in rows.items():
        if alive:
            out.append(("p", name, kind, role, *gender, rid))
            out.extend(("a", name, alias, reason) for alias, reason in sorted(aliases.items()))
    for key, name, rid in seen:
        canonical = rows[final(rid)][0]
        # A quote stored under a row that was later folded in was rewritten to the full name.
        out.append(("s", key, canonical, canonical if rid in moved else name))
    return out


def _renderings(ka, sightings):
    """One row per quote as printed in one article, with its canonical speaker, the speaker text
    the store would write, and ``nk``, the key of the quotation it renders before truncations and
    changed words are linked: its normalised text and whose it is.

    Whose it is, as ``Store._quote`` decides it: its speaker's; for a rendering attributed to
    nobody, the first speaker of that text, unless a second speaker had said it before this
    rendering was printed (then nobody's, as when no one ever says it).
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    r = ka.select("id", "ordinal", "date", F.explode("quotes").alias("q")).select(
        F.col("id").alias("article_id"), F.struct("ordinal", F.lit(1).alias("phase"), F.col("q.pos").alias("pos")).alias("key"),
        F.coalesce("date", "q.said_date").alias("printed"), "q.*")
    r = r.join(sightings, "key", "left")
    spoken = r.where(F.col("canonical").isNotNull()).groupBy("norm", "canonical").agg(F.min("key").alias("since"))
    ranked = spoken.withColumn("n", F.row_number().over(Window.partitionBy("norm").orderBy("since"))).where("n <= 2")
    first = ranked.where("n = 1").select("norm", F.col("canonical").alias("first_speaker"))
    second = ranked.where("n = 2").select("norm", F.col("since").alias("second_since"))
    who = (F.when(F.col("canonical").isNotNull(), F.col("canonical"))
           .when(F.col("first_speaker").isNotNull() & (F.col("second_since").isNull() | (F.col("key") < F.col("second_since"))),
                 F.col("first_speaker"))
           .otherwise(F.lit("")))
    return (r.join(first, "norm", "left").join(second, "norm", "left")
            .withColumn("nk", F.concat_ws("\u0001", who, F.col("norm"))).drop("first_speaker", "second_since")
            .coalesce(_cores(ka)).persist())


def _quotes(renderings, people):
    """The quotes table, and (nk, quote id) for every quotation key met (see ``_renderings``).

    Renderings with one normalised text and one speaker are one quote (its first rendering's
    text, the speaker, earliest day said); a rendering of at least ``PREFIX_WORDS`` words that
    begins another of the same speaker is merged into it, and the quote keeps the longer text.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    spoken = F.when(F.col("canonical").isNotNull(), F.col("key"))
    groups = renderings.groupBy("nk").agg(
        F.first("norm").alias("norm"),
        F.min("key").alias("first_key"),
        F.min_by("text", "key").alias("text"),
        F.first("prefix").alias("prefix"),
        F.min_by("partial", "key").alias("partial"),
        F.min_by("canonical", spoken).alias("canonical"),
        F.min_by("speaker_text", spoken).alias("speaker_text"),
        F.min("said_date").alias("first_seen"),
    ).coalesce(_cores(renderings)).persist()

    a, b = groups.alias("a"), groups.alias("b")
    longer = F.col("b.norm")
    truncates = (F.length("a.norm") < F.length(longer)) & (
        longer.startswith(F.concat(F.col("a.norm"), F.lit(" ")))
        | (F.col("a.partial") & (F.col("a.first_key") > F.col("b.first_key")) & longer.startswith(F.col("a.norm"))))
    pairs = (a.join(b, (F.col("a.canonical") == F.col("b.canonical")) & (F.col("a.prefix") == F.col("b.prefix"))
                    & (F.col("a.norm") != F.col("b.norm")))
             .where(F.col("a.prefix").isNotNull() & truncates)
             .select(F.col("a.nk").alias("nk"), F.col("b.nk").alias("target"),
                     F.length("b.norm").alias("length"), F.col("b.first_key").alias("target_key")))
    # One target per truncated rendering: the earliest printed of the texts it begins, as the store joins
    # a truncation to the first quote it begins and a quote to the first text extending it (two different
    # statements that begin with one sentence stay two; the sentence goes with the one printed first).
    best = Window.partitionBy("nk").orderBy("target_key", F.col("length").desc())
    # The pairs (one per rendering printed short, like the links _link_altered collects) reach the
    # driver, which follows chains (a ⊂ b ⊂ c) to the longest rendering by pointer jumping, eight
    # rounds at most, as a loop of Spark joins would.
    chosen = dict(tuple(r) for r in pairs.withColumn("r", F.row_number().over(best)).where("r = 1").select("nk", "target").collect())
    for _ in range(8):
        moved = {nk: chosen[t] for nk, t in chosen.items() if t in chosen}
        if not moved:
            break
        chosen.update(moved)
    target = groups.sparkSession.createDataFrame(list(chosen.items()), "nk string, target string")
    merged = groups.join(F.broadcast(target), "nk", "left").withColumn("final", F.coalesce("target", "nk"))
    merged, adopted = _link_altered(renderings, merged.select("nk", "final"))
    merged = merged.join(groups.select("nk", "first_key", "first_seen"), "nk").coalesce(_cores(groups)).persist()
    spans = merged.groupBy("final").agg(F.min("first_key").alias("first_key"), F.min("first_seen").alias("first_seen"))
    head = groups.select(F.col("nk").alias("final"), F.col("norm").alias("norm_text"), "text", "prefix", "canonical",
                         "speaker_text")
    if adopted:  # an unattributed quote taken over by the first speaker to render it: theirs
        by = groups.sparkSession.createDataFrame(list(adopted.items()), "final string, adopter string").join(
            groups.select(F.col("nk").alias("adopter"), F.col("canonical").alias("a_canonical"),
                          F.col("speaker_text").alias("a_speaker_text")), "adopter")
        head = head.join(F.broadcast(by), "final", "left").select(
            "final", "norm_text", "text", "prefix", F.coalesce("a_canonical", "canonical").alias("canonical"),
            F.coalesce("a_speaker_text", "speaker_text").alias("speaker_text"))
    speaker_ids = people.select(F.col("id").alias("speaker_id"), F.col("name").alias("canonical"))
    quotes = _numbered(spans.join(head, "final").join(speaker_ids, "canonical", "left"), "first_key", "id")
    quote_of_norm = merged.join(quotes.select("final", F.col("id").alias("quote_id")), "final").select("nk", "quote_id")
    table = quotes.select(
        "id", "text", "norm_text", F.col("prefix").alias("norm_prefix"), "speaker_id",
        F.col("speaker_text").alias("speaker"), "first_seen")
    return table, quote_of_norm


def _link_altered(renderings, merged):
    """(nk, final) with each quote whose first rendering has words changed from an earlier
    rendering by the same speaker folded into that rendering's quote, as ``Store._rendered_quote``
    links it: candidates share an LSH bucket (``variants.rendering_buckets``), ``same_quotation``
    decides, the earliest quote wins, and the speaker's other quotes it renders are folded into that
    one (``Store._rendered_quote`` merges them). Pairs are found per speaker on the executors; only
    the pairs that pass reach the driver, which follows them in index order. With it, {unattributed final:
    the final of the speaker's quote that took it over} (``_unattributed_links``).

    The lookups read one row per text as printed and run in one Python pass: each row is keyed by
    its speaker (``_altered_pairs``), by its LSH buckets (``_unattributed_pairs``) and by runs of its
    words (``_contained_pairs``), and one ``groupByKey`` serves them all, so the texts are computed
    once, not once per lookup."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from .store import NOBODY_BANDS
    from .variants import (QUOTED_KINDS, contained_keys, found_by_head, head_key, is_fragment, piece_of_two, readings, rendering_buckets,
                           same_quotation)

    r = renderings.join(merged, "nk")
    texts = r.groupBy("text", "nk").agg(F.min("key").alias("tkey"), F.first("norm").alias("norm"), F.first("final").alias("final"),
                                        F.min_by("canonical", "key").alias("speaker"),
                                        F.max(F.col("kind").isin(*QUOTED_KINDS)).alias("quoted"))
    first = Window.partitionBy("final").orderBy("tkey")
    # head: the quote's first text; said: some speaker says this text word for word; extends: a
    # speaker's text longer than every earlier text of its quote, which the store joins to the quote
    # as its fuller text and then looks up as it looks up a new quote's (``Store._extended_quote``);
    # quotes_words: a direct or partial quote prints a text of the quote (``Store._quotes_words``).
    before = first.rowsBetween(Window.unboundedPreceding, -1)
    rows = texts.select("*", (F.row_number().over(first) == 1).alias("head"),
                        F.max(F.col("speaker").isNotNull()).over(Window.partitionBy("norm")).alias("said"),
                        (F.col("speaker").isNotNull() & (F.length("norm") > F.max(F.length("norm")).over(before)))
                        .alias("extends"),
                        F.max("quoted").over(Window.partitionBy("final")).alias("quotes_words"),
                        ).localCheckpoint(eager=False)  # kept by the Python pass below, read again for the heads

    def keyed(row):
        key, cut = tuple(row.tkey), is_fragment(row.text)
        out = []
        if row.speaker is not None:  # the speaker's own texts, for _altered_pairs
            out.append((("p", row.speaker), ("t", key, row.norm, cut, row.final, row.text)))
            if row.head:
                out.append((("p", row.speaker), ("h", key, row.norm, cut, row.final, row.text)))
            elif row.extends:
                out.append((("p", row.speaker), ("x", key, row.norm, cut, row.final, row.text)))
            kinds = ("t", "s") if row.head else ("t",)
        elif row.final.startswith("\u0001") and not row.said:  # nobody's, and nobody says it word for word
            kinds = ("u", "h") if row.head else ("u",)
        else:
            kinds = ()
        if kinds:  # by LSH bucket, for _unattributed_pairs
            entry = (key, row.norm, cut, row.final, row.speaker)
            # a speaker's text is filed under the buckets of its readings too (``variants.reading_keys``)
            filed = {b for form in (row.norm, *readings(row.text)) for b in rendering_buckets(form)}
            out.extend((("b", b), (kind, *entry)) for kind in kinds for b in (filed if kind == "t" else rendering_buckets(row.norm)))
            # and by runs of words, for _contained_pairs: an unattributed text under each of its runs, a
            # speaker's first text long enough to be found inside one under its head key, as in the store
            if "u" in kinds:
                out.extend((("c", k), ("u", *entry)) for k in contained_keys(row.norm))
            elif "s" in kinds and found_by_head(row.norm, cut):
                out.append((("c", head_key(row.norm)), ("s", *entry)))
        return out

    # The rows come out of the window's shuffle in one partition or few: dealt round to one per core, so
    # that every core shares the Python pass (what it finds is collected and ordered on the driver).
    n = _cores(renderings)
    found = (rows.repartition(n).rdd.flatMap(keyed).groupByKey(n)
             .flatMap(lambda kv: {"p": _altered_pairs, "b": _unattributed_pairs, "c": _contained_pairs}[kv[0][0]](kv[1]))
             .persist())  # read twice below
    # A speaker's text meets an unattributed one when they share NOBODY_BANDS bands, as in the store.
    taken = (found.filter(lambda x: x[0][0] == "s").map(lambda x: (x, 1)).reduceByKey(lambda a, b: a + b, n)
             .filter(lambda x: x[1] >= NOBODY_BANDS).keys().filter(lambda x: same_quotation(*x[1])))
    got = found.filter(lambda x: x[0][0] in ("L", "X", "h", "S")).union(taken).keys().collect()
    found.unpersist()
    altered = [(final, key, target) for _, final, key, target, _ in (g for g in got if g[0] == "L")]
    extended = [(final, key, target) for _, final, key, target, _ in (g for g in got if g[0] == "X")]
    # the targets of which a text renders whole sentences: a text that renders two merges none (``variants.piece_of_two``)
    pieces = {(g[0], g[1], g[3]) for g in got if g[0] in ("L", "X") and g[4]}
    own = {final for final, _, _ in altered}
    head_key: dict[str, tuple] = {}
    quotes_words: set[str] = set()  # the quotes a direct or partial quote prints (``Store._quotes_words``)

    def first_keys(finals: set) -> None:
        """The key of each quote's first text into ``head_key``, and whether it quotes words."""
        if finals:
            for row in rows.where("head").select("final", "tkey", "quotes_words").join(F.broadcast(
                    merged.sparkSession.createDataFrame([(t,) for t in finals], "final string")), "final").collect():
                head_key[row.final] = tuple(row.tkey)
                if row.quotes_words:
                    quotes_words.add(row.final)

    # a speaker's quote that takes over one of several unattributed ones chooses among them (``_unattributed_links``)
    takers: dict[str, set] = {}
    for g in got:
        if g[0] in ("s", "S"):
            takers.setdefault(g[1], set()).add(g[3])
    ranked = {t for final, targets in takers.items() if final not in own and len(targets) > 1 for t in targets}
    first_keys(ranked)
    extra, adopted = _unattributed_links({("s", *g[1:]) if g[0] == "S" else g for g in got if g[0] not in ("L", "X")},
                                         own, lambda t: (t not in quotes_words, head_key[t]))
    found = altered + extra
    if not found and not extended:
        return merged, adopted
    first_keys(({t for _, _, t in found + extended} | {f for f, _, _ in extended}) - ranked)
    for final, key, _ in found:
        head_key.setdefault(final, key)
    # The links in index order, as the store makes them: a quote's first text when it is stored
    # (by its head key), a text extending a quote when it is (by its own key).
    events: dict[tuple, tuple] = {}
    for final, _, target in found:
        events.setdefault((head_key[final], final, "h"), (final, "h", set()))[2].add(target)
    for final, key, target in extended:
        events.setdefault((key, final, "x"), (final, "x", set()))[2].add(target)
    root: dict[str, str] = {}

    def resolve(final):
        while final in root:
            final = root[final]
        return final

    for _, (final, kind, targets) in sorted(events.items()):
        roots = {resolve(t) for t in targets}
        # a sentence of two statements, printed alone: it joins the earliest and merges none (Store._rendered_quote)
        two = piece_of_two(len({resolve(t) for t in targets if ({"h": "L", "x": "X"}[kind], final, t) in pieces}))
        if kind == "x":  # the quote extended and those its fuller text renders: one, the earliest (Store._extended_quote)
            if two:
                continue
            roots.add(resolve(final))
            earliest = min(roots, key=head_key.__getitem__)
        else:
            root[final] = earliest = min(roots, key=head_key.__getitem__)
        if (kind == "x" or final in own) and not two:  # a text rendering several quotes of its speaker joins them, as the store merges them
            for other in roots - {earliest}:
                root[other] = earliest
    links = merged.sparkSession.createDataFrame([(f, resolve(f)) for f in root], "final string, root string")
    return (merged.join(F.broadcast(links), "final", "left")
            .select("nk", F.coalesce("root", "final").alias("final"))), adopted


def _altered_pairs(items):
    """One speaker's texts ("t"), quotes' first texts ("h") and texts extending a quote ("x"):
    (("L", final, key, target, piece), None) for each quote whose first text renders an earlier text of
    the speaker's quote ``target``, (("X", final, key, target, piece), None) for each text extending
    quote ``final`` that does; ``piece``: the text renders whole sentences of the earlier, longer one
    (``variants.whole_sentences``).
    A text printed with an editor's bracket is filed and looked up as each of its readings too, and
    compared as ``variants.same_quotation_read`` compares (``Store._own_rendered``). A shorter earlier
    text of which it renders whole sentences is no link when an earlier text of another statement has
    those sentences too (``variants.bridges``, as ``Store._matching`` reads it)."""
    from .variants import (MIN_WORDS, bridges, looked_for_inside, reading_keys, readings, rendering_buckets, rendering_keys, run_key,
                           run_keys, same_quotation_read, whole_sentences)

    items = list(items)
    bucketed: dict[int, list] = {}
    for kind, key, norm, cut, final, text in items:
        if kind == "t":
            for b in dict.fromkeys(b for form in (norm, *readings(text)) for b in rendering_buckets(form)):
                bucketed.setdefault(b, []).append((key, norm, cut, final, text))
    filed: dict[tuple, set] = {}  # the keys a text of the speaker is filed under, as the store files them

    def filed_under(norm, text):
        if (norm, text) not in filed:
            filed[norm, text] = set(rendering_keys(norm)) | set(reading_keys(text))
        return filed[norm, text]
    def renders(norm, cut, text, key, other, other_cut, other_text):
        """Whether the text renders the earlier ``other``, and whether it renders whole sentences of a
        longer ``other`` (None when it does not render it): a shorter ``other`` bridges to another
        statement when an earlier, longer text of the speaker's that shares a run of words with it (filed
        under one of its ``run_keys``, as ``Store._holding`` finds them) has those sentences too
        (``variants.bridges``)."""
        if not same_quotation_read(norm, other, cut, other_cut, text, other_text):
            return None
        if len(other) < len(norm):
            runs = set(run_keys(other))
            if bridges(norm, cut, text, other, (
                    (o, o_cut, o_text) for o_kind, o_key, o, o_cut, _, o_text in items
                    if o_kind == "t" and o_key < key and len(o) > len(other) and runs & filed_under(o, o_text))):
                return None
        return len(norm) < len(other) and whole_sentences(norm, other_text)

    for kind, key, norm, cut, final, text in items:
        if kind not in ("h", "x"):
            continue
        link = "L" if kind == "h" else "X"
        forms = (norm, *readings(text))
        seen, met = set(), False
        for b in dict.fromkeys(b for form in forms for b in rendering_buckets(form)):
            for tkey, other, other_cut, target, other_text in bucketed.get(b, ()):
                if tkey < key and target != final and (other, other_cut, target, other_text) not in seen:
                    seen.add((other, other_cut, target, other_text))
                    if (piece := renders(norm, cut, text, key, other, other_cut, other_text)) is not None:
                        met = True
                        yield (link, final, key, target, piece), None
        if not met and looked_for_inside(norm):  # a piece the LSH misses, as in the store
            own_runs = {run_key(form) for form in forms}
            for other_kind, tkey, other, other_cut, target, other_text in items:
                if (other_kind == "t" and tkey < key and target != final
                        and (any(f" {form} " in f" {other} " for form in forms) or "[" in other_text)
                        and own_runs & filed_under(other, other_text)
                        and (piece := renders(norm, cut, text, key, other, other_cut, other_text)) is not None):
                    met = True
                    yield (link, final, key, target, piece), None
        if norm.count(" ") >= MIN_WORDS:  # pieces printed before the fuller text, whatever else met, as in the store
            for other_kind, tkey, other, other_cut, target, other_text in items:
                if (other_kind == "t" and tkey < key and target != final
                        and any(len(other) < len(form) and f" {other} " in f" {form} " for form in forms)
                        and (piece := renders(norm, cut, text, key, other, other_cut, other_text)) is not None):
                    yield (link, final, key, target, piece), None


def _unattributed_pairs(items):
    """One LSH bucket's texts: a speaker's ("t") and quotes' first texts ("s"), and the texts ("u")
    and first texts ("h") of quotes attributed to nobody that no speaker says word for word. Yields
    ((kind, final, key, target, speaker), None) for an unattributed first text that renders an earlier
    speaker's text, and ((kind, final, key, target, speaker), texts) for each speaker's first text
    with an earlier unattributed text in the bucket: decided once the bands they share are counted
    (``_link_altered``)."""
    from .variants import same_quotation

    items = list(items)
    for kind, key, norm, cut, final, speaker in items:
        want = {"h": "t", "s": "u"}.get(kind)
        for other_kind, tkey, other, other_cut, target, other_speaker in items:
            if other_kind == want and tkey < key:
                if kind == "s":
                    yield (kind, final, key, target, speaker), (norm, other, cut, other_cut)
                elif same_quotation(norm, other, cut, other_cut):
                    yield (kind, final, key, target, other_speaker), None


def _contained_pairs(items):
    """The texts under one key of a run of words: unattributed texts ("u", as in ``_unattributed_pairs``)
    that have the run, and speakers' first texts ("s") that begin with it. Yields (("S", final, key,
    target, speaker), None) for each speaker's first text that a longer unattributed text first
    printed in an earlier article contains word for word and renders (``Store._takeable`` finds
    these by the head key)."""
    from .variants import same_quotation

    items = list(items)
    for kind, key, norm, cut, final, speaker in items:
        if kind != "s":
            continue
        for other_kind, tkey, other, other_cut, target, _ in items:
            if (other_kind == "u" and tkey < key and tkey[0] != key[0] and len(other) > len(norm) and f" {norm} " in f" {other} "
                    and same_quotation(norm, other, cut, other_cut)):
                yield ("S", final, key, target, speaker), None


def _unattributed_links(matched: set, own: set = frozenset(), rank=None) -> tuple[list[tuple], dict]:
    """The links of quotes attributed to nobody, as ``Store._quote`` makes them, as (final, key,
    target) for ``_link_altered``, and {unattributed final: adopting speaker's final}, from the
    pairs ``_unattributed_pairs`` found (``matched``).

    Only an unattributed quote whose text no speaker ever says word for word takes part (else the
    rule of ``_renderings`` applies). Its first text joins the quotations of exactly one speaker
    printed before it that it renders (``Store._rendered_by_one``); and a speaker's quote that
    renders an earlier unattributed one joins that quote when it is theirs already, or takes it
    over when it is nobody's yet (the first such speaker does); one that renders their own earlier
    texts as well joins them all (``Store._rendered_quote``, ``_link_altered`` merges them). Candidates share an LSH bucket (the speaker's and the unattributed text,
    ``store.NOBODY_BANDS`` of them), ``same_quotation`` decides. A speaker's quote not in ``own`` (it
    renders none of their earlier texts) takes over one of the unattributed quotes it renders, the
    least by ``rank`` (the earliest that a direct or partial quote prints, ``Store._takeable``), and
    the others stay nobody's, for a later speaker to take over."""
    joined: dict[tuple, dict] = {}
    for kind, final, key, target, speaker in matched:
        if kind == "h":
            joined.setdefault((final, key), {}).setdefault(speaker, set()).add(target)
    links, owner = [], {}
    for (final, key), by_speaker in joined.items():
        if len(by_speaker) == 1:
            (speaker, targets), = by_speaker.items()
            owner[final] = speaker
            links += [(final, key, target) for target in targets]
    takers: dict[tuple, list] = {}
    for kind, final, key, target, speaker in matched:
        if kind == "s":
            takers.setdefault((key, final, speaker), []).append(target)
    adopted: dict[str, str] = {}
    chosen: dict[str, tuple] = {}
    for (key, final, speaker), targets in sorted(takers.items()):  # in index order: the first speaker takes it over
        free = sorted(t for t in targets if owner.get(t, speaker) == speaker)
        if len(free) > 1 and final not in own and rank is not None:
            free = [min(free, key=rank)]
        for target in free:
            if target not in owner:
                owner[target] = speaker
                adopted[target] = final
        if free:
            chosen[final] = (key, free)
    links += [(final, key, target) for final, (key, targets) in chosen.items() for target in targets]
    return links, adopted


def _rendering_table(renderings, quote_of_norm):
    """The renderings table: one row per quote and text as printed, first seen on the earliest day
    it was printed, classified against the quote's first (``variants.classify_all``; quoted when a
    direct or partial quote prints it, as ``Store._classify`` reads its occurrences)."""
    from pyspark.sql import functions as F

    from .variants import QUOTED_KINDS, classify_all

    rows = (renderings.join(quote_of_norm, "nk").groupBy("quote_id", "text")
            .agg(F.min("key").alias("tkey"), F.first("norm").alias("norm_text"), F.min("printed").alias("first_seen"),
                 F.max(F.col("kind").isin(*QUOTED_KINDS)).alias("quoted")))
    rows = _numbered(rows, "tkey", "id")

    def classified(group):
        quote_id, items = group
        items = list(items)
        changes = classify_all([(rid, text, first, quoted) for rid, text, _, first, quoted in items])
        for rid, text, norm, first, _ in items:
            yield (rid, quote_id, text, norm, *changes[rid], first)

    n = _cores(rows)
    table = (rows.coalesce(n).rdd.map(lambda x: (x.quote_id, (x.id, x.text, x.norm_text, x.first_seen, x.quoted)))
             .groupByKey(n).flatMap(classified))
    schema = "id bigint, quote_id bigint, text string, norm_text string, change string, diff string, first_seen string"
    return rows.sparkSession.createDataFrame(table, schema, verifySchema=False), rows.select("quote_id", "text", F.col("id").alias("rendering_id"))


def _occurrences(renderings, quote_of_norm, people, rendering_ids):
    """One row per place a quote is printed: (article, start, end), the first rendering there wins."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    o = renderings.select("*", F.explode("spans").alias("span")).select(
        "*", F.col("span.start").alias("start"), F.col("span.end").alias("end"))
    first = Window.partitionBy("article_id", "start", "end").orderBy("key")
    o = o.withColumn("r", F.row_number().over(first)).where("r = 1")
    o = (o.join(quote_of_norm, "nk").join(rendering_ids, ["quote_id", "text"], "left")
         .join(people.select(F.col("id").alias("speaker_id"), F.col("name").alias("canonical")), "canonical", "left"))
    keyed = o.withColumn("okey", F.struct(F.col("key.ordinal"), F.col("key.pos"), "start", "end"))
    return _numbered(keyed, "okey", "id").select(
        "id", "quote_id", "article_id", "start", "end", "speaker_id", "mention", F.col("speaker").alias("speaker_name"), "cue", "kind", "said_on",
        "said_on_basis", "said_date", "confidence", "paragraph", "grp", "rendering_id")


def _conform(df, table: str):
    """``df`` with exactly the columns of ``table``, in the store's order and with its types."""
    from pyspark.sql import functions as F

    cols = _columns(table)
    return df.select(*(F.col(name).cast(_SPARK_TYPES.get(decl, "string")).alias(name) for name, decl in cols))


def _columns(table: str) -> list[tuple[str, str]]:
    """(name, declared type) of each column of ``table`` in the store's schema."""
    import sqlite3

    from .store import SCHEMA

    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(SCHEMA)
        return [(r[1], r[2].upper()) for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """``spark-submit saidwhen/spark.py INPUT... --out DIR`` / ``python -m saidwhen.spark``."""
    parser = argparse.ArgumentParser(prog="saidwhen-spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="files, directories, globs: local, hdfs://, s3a://")
    parser.add_argument("--out", required=True, help="folder for the Parquet tables (and rejected/)")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, default=None, help="partitions for extraction (default 2 per core)")
    parser.add_argument("--kinds", default=None, help="kinds of quotation, comma-separated (default: all)")
    args = parser.parse_args(argv)
    master = args.master
    if master is None and not _under_submit():
        master = "local[*]"
    try:
        run(args.inputs, args.out, master=master, partitions=args.partitions, kinds=args.kinds)
    except SaidwhenError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


def _under_submit() -> bool:
    """Whether spark-submit started this process (its JVM is running and holds the master)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


if __name__ == "__main__":
    # Run as a script (spark-submit saidwhen/spark.py): use the installed module, so the functions
    # shipped to the executors are saidwhen.spark's, not copies from __main__.
    from saidwhen.spark import main as _main

    sys.exit(_main())
