"""The read side of the store: full-text search of quotes, a speaker's profile, corpus counts, exports.

Every query is parameterised; a full-text query is handed to SQLite FTS5 as written (phrases in
double quotes, ``OR``, ``NOT``, ``NEAR``, ``prefix*``) and one it cannot parse becomes a
``SearchQueryError`` that quotes it, never a raw ``sqlite3`` error.
"""

from __future__ import annotations

import calendar
import csv
import os
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from .model import KINDS, check_kinds
from .people import variant_reason
from .store import TABLES, NotFoundError, SearchQueryError, StoreError

if TYPE_CHECKING:
    from .store import Store

__all__ = ["Hit", "Profile", "StoreStats", "search", "who", "stats", "export"]


@dataclass(frozen=True)
class Hit:
    """One quote that matched a search, with where it was (first) printed within the filters."""

    quote_id: int
    text: str
    speaker: str | None
    first_seen: str | None
    said_date: str | None  # of the occurrence shown (the earliest within the filters)
    cue: str | None
    url: str | None
    title: str | None
    source_id: str | None  # the article's own id (a text file's stem)
    article_id: int
    occurrences: int  # within the filters
    articles: int  # distinct articles, syndicated copies counted once
    score: float  # bm25, lower is better

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Profile:
    """What the store knows of one speaker."""

    id: int
    name: str
    kind: str | None
    role: str | None
    aliases: tuple[str, ...]
    quotes: int  # distinct quotes
    occurrences: int  # places printed, syndicated copies counted once
    articles: int  # distinct articles, syndicated copies counted once
    first_said: str | None
    last_said: str | None
    top_cues: tuple[tuple[str, int], ...]
    per_month: tuple[tuple[str, int], ...]  # ("2020-10", distinct quotes said that month), every month between first and last
    recent: tuple[tuple[str | None, str], ...] = field(default=())  # (said_date, text), latest first
    kinds: tuple[tuple[str, int], ...] = field(default=())  # (kind, distinct quotes): quoted or reported
    joined: tuple[tuple[str, str], ...] = field(default=())  # (name, why): the names joined into this person and why
    others: tuple[str, ...] = field(default=())  # other people the name asked for also fits ("Roe": Jane Roe, John Roe)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class StoreStats:
    """Counts over the whole store."""

    path: str
    bytes: int
    articles: int  # distinct: syndicated copies counted once
    article_rows: int
    syndicated: int  # rows that are copies of another stored article
    people: int
    quotes: int
    occurrences: int
    times: int
    non_quotes: int
    first_date: str | None
    last_date: str | None
    top_speakers: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict:
        return asdict(self)


# An occurrence counted once per cluster of syndicated copies.
_DISTINCT_OCC = "count(DISTINCT o.quote_id || ':' || coalesce(a.minhash_cluster, a.id))"


def search(store: "Store", text: str, speaker: str | None = None, since=None, until=None, limit: int = 20,
           kinds=None) -> list[Hit]:
    """Quotes whose text or speaker matches the FTS5 query ``text``, best (bm25) first.

    ``speaker`` keeps quotes said by that person (name or alias, any case) in at least one place;
    ``since``/``until`` (``date``, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive) keep quotes
    said in that period, by the explicit date or else the publication date; ``kinds`` ("direct",
    "partial", "indirect", "mixed", "summary", "question", as a list or "direct,partial") keeps quotes printed that way.
    """
    if not text or not text.strip():
        raise SearchQueryError("empty search: give words to look for, e.g. saidwhen search 'climate'")
    if limit < 1:
        raise SearchQueryError(f"limit must be at least 1, not {limit}")
    ids = None
    if speaker is not None:
        ids = _people_ids(store, speaker)
        if not ids:
            return []
    where, params = occurrence_filters(ids, since, until, kinds)
    filters = "".join(f" AND {w}" for w in where)
    own = speakers_quotes(ids)
    sql = (
        "SELECT q.id, q.text, q.speaker, q.first_seen, bm25(quotes_fts) AS score FROM quotes_fts"
        " JOIN quotes q ON q.id = quotes_fts.rowid"
        f" WHERE quotes_fts MATCH ?{own} AND EXISTS (SELECT 1 FROM occurrences o WHERE o.quote_id = q.id{filters})"
        " ORDER BY score, q.id LIMIT ?"
    )
    conn = store.connection
    try:
        rows = conn.execute(sql, (text, *(ids or ()), *params, limit)).fetchall()
    except sqlite3.OperationalError as e:
        msg = str(e)
        if "fts5" in msg or "syntax" in msg or "no such column" in msg or "unterminated" in msg or "unknown special query" in msg:
            raise SearchQueryError(
                f"{store.path}: bad search query {text!r} ({msg}); put words with punctuation in double quotes,"
                ' e.g. \'"half-time score"\''
            ) from e
        raise store._error(e, f"searching for {text!r}") from e
    hits = []
    for quote_id, qtext, qspeaker, first_seen, score in rows:
        detail = _first_occurrence(conn, quote_id, filters, params)
        hits.append(Hit(quote_id, qtext, qspeaker, first_seen, *detail, score))
    return hits


def _first_occurrence(conn, quote_id: int, filters: str, params: list) -> tuple:
    """The earliest occurrence of a quote within the filters, with counts of all of them."""
    rows = conn.execute(
        "SELECT o.said_date, o.cue, a.url, a.title, a.source_id, a.id, coalesce(a.minhash_cluster, a.id)"
        f" FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE o.quote_id = ?{filters}"
        " ORDER BY o.said_date IS NULL, o.said_date, o.id",
        (quote_id, *params),
    ).fetchall()
    return (*rows[0][:6], len(rows), len({r[6] for r in rows}))


def _people_ids(store: "Store", name: str) -> list[int]:
    """Ids of the people called ``name`` (any case), or else of those with it as an alias."""
    conn = store.connection
    ids = [r[0] for r in conn.execute("SELECT id FROM people WHERE name = ? COLLATE NOCASE", (name.strip(),))]
    if not ids:
        ids = [r[0] for r in conn.execute("SELECT DISTINCT person_id FROM aliases WHERE alias = ? COLLATE NOCASE", (name.strip(),))]
    if not ids and " " in name.strip():  # "Jane Q. Roe" for the stored "Jane Roe"
        last = name.strip().rsplit(" ", 1)[-1]
        ids = [pid for pid, other in conn.execute(
            "SELECT id, name FROM people WHERE kind = 'PERSON' AND name LIKE '% ' || ?", (last,)) if variant_reason(name.strip(), other)]
    elif not ids:  # "Roe": everyone stored with that surname
        ids = [pid for pid, other in conn.execute(
            "SELECT id, name FROM people WHERE kind = 'PERSON' AND name LIKE '% ' || ?", (name.strip(),))
            if other.lower().endswith(" " + name.strip().lower())]
    return ids


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def speakers_quotes(speaker_ids: list[int] | None) -> str:
    """A condition on ``quotes_fts.rowid`` keeping the quotes of ``speaker_ids`` (its parameters are
    the ids), or "" without them. A speaker's quotes are few: the full-text index then looks only
    at them, instead of ranking every match before the speaker filter drops most (search p95 on
    30,000 quotes 197 ms -> 17 ms)."""
    if not speaker_ids:
        return ""
    return f" AND quotes_fts.rowid IN (SELECT quote_id FROM occurrences WHERE speaker_id IN ({','.join('?' * len(speaker_ids))}))"


def occurrence_filters(speaker_ids: list[int] | None, since, until, kinds=None) -> tuple[list[str], list]:
    """SQL conditions on an occurrence ``o`` (said by one of ``speaker_ids``, said within
    ``since``..``until``, of one of ``kinds``) and their parameters, for the CLI's search and the
    web app's alike."""
    where: list[str] = []
    params: list = []
    if kinds is not None:
        wanted = sorted(_kinds(kinds))
        if set(wanted) != set(KINDS):
            where.append(f"o.kind IN ({','.join('?' * len(wanted))})")
            params += wanted
    if speaker_ids is not None:
        where.append(f"o.speaker_id IN ({','.join('?' * len(speaker_ids))})" if speaker_ids else "0")
        params += speaker_ids
    if since is not None:
        where.append("o.said_date >= ?")
        params.append(_bound(since, first=True))
    if until is not None:
        where.append("o.said_date <= ?")
        params.append(_bound(until, first=False))
    return where, params


def _kinds(kinds) -> frozenset[str]:
    try:
        return check_kinds(kinds)
    except ValueError as e:
        raise SearchQueryError(str(e)) from None


def _bound(value, first: bool) -> str:
    """A date bound as ``YYYY-MM-DD``: ``2020`` is 2020-01-01 as ``since`` and 2020-12-31 as ``until``."""
    if isinstance(value, Date):
        return value.isoformat()
    m = _PARTIAL_DATE.fullmatch(str(value).strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or (1 if first else 12)), m[3]
        if day is None:
            day = 1 if first else calendar.monthrange(year, month)[1]
        return Date(year, month, int(day)).isoformat()
    except ValueError:
        raise SearchQueryError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD") from None


def who(store: "Store", name: str) -> Profile:
    """The profile of the person called ``name`` or, failing that, known by it as an alias (the one
    quoted most, if several share it). Raises ``NotFoundError`` if nobody is."""
    conn = store.connection
    ids = _people_ids(store, name)
    if not ids:
        raise NotFoundError(f"{store.path}: nobody called {name!r} (by name or alias) has been quoted")
    others: tuple[str, ...] = ()
    if len(ids) > 1:
        marks = ",".join("?" * len(ids))
        ranked = [r[0] for r in conn.execute(
            f"SELECT p.name FROM people p LEFT JOIN occurrences o ON o.speaker_id = p.id WHERE p.id IN ({marks})"
            " GROUP BY p.id ORDER BY count(o.id) DESC, p.id", ids)]
        others = tuple(ranked[1:])
        ids = [conn.execute(
            f"SELECT p.id FROM people p LEFT JOIN occurrences o ON o.speaker_id = p.id WHERE p.id IN ({marks})"
            " GROUP BY p.id ORDER BY count(o.id) DESC, p.id LIMIT 1", ids).fetchone()[0]]
    pid = ids[0]
    _, pname, kind, role = conn.execute("SELECT id, name, kind, role FROM people WHERE id = ?", (pid,)).fetchone()
    alias_rows = conn.execute("SELECT alias, reason FROM aliases WHERE person_id = ? ORDER BY alias", (pid,)).fetchall()
    aliases = tuple(a for a, _ in alias_rows)
    joined = tuple((a, why) for a, why in alias_rows if why)
    base = "FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE o.speaker_id = ?"
    quotes, occurrences, articles, first, last = conn.execute(
        f"SELECT count(DISTINCT o.quote_id), {_DISTINCT_OCC}, count(DISTINCT coalesce(a.minhash_cluster, a.id)),"
        f" min(o.said_date), max(o.said_date) {base}", (pid,)).fetchone()
    cues = tuple(conn.execute(
        f"SELECT o.cue, {_DISTINCT_OCC} AS n {base} AND o.cue IS NOT NULL GROUP BY o.cue ORDER BY n DESC, o.cue LIMIT 5",
        (pid,)).fetchall())
    counts = dict(conn.execute(
        f"SELECT substr(o.said_date, 1, 7) AS month, count(DISTINCT o.quote_id) {base} AND o.said_date IS NOT NULL"
        " GROUP BY month ORDER BY month", (pid,)).fetchall())
    recent = tuple(conn.execute(
        "SELECT max(o.said_date) AS d, q.text FROM occurrences o JOIN quotes q ON q.id = o.quote_id"
        " WHERE o.speaker_id = ? GROUP BY q.id ORDER BY d DESC, q.id DESC LIMIT 5", (pid,)).fetchall())
    by_kind = dict(conn.execute(
        f"SELECT o.kind, count(DISTINCT o.quote_id) {base} AND o.kind IS NOT NULL GROUP BY o.kind", (pid,)).fetchall())
    kinds = tuple((k, by_kind[k]) for k in KINDS if k in by_kind)
    return Profile(pid, pname, kind, role, aliases, quotes, occurrences, articles, first, last, cues,
                   _every_month(counts), recent, kinds, joined, others)


def _every_month(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """``counts`` with the empty months between the first and the last filled in with 0."""
    if not counts:
        return ()
    months = sorted(counts)
    y, m = int(months[0][:4]), int(months[0][5:7])
    out = []
    while True:
        key = f"{y:04d}-{m:02d}"
        out.append((key, counts.get(key, 0)))
        if key >= months[-1] or len(out) > 1200:
            return tuple(out)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def stats(store: "Store") -> StoreStats:
    """Counts over the whole store."""
    conn = store.connection
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    page_size, page_count = one("PRAGMA page_size"), one("PRAGMA page_count")
    rows = one("SELECT count(*) FROM articles")
    distinct = one("SELECT count(DISTINCT coalesce(minhash_cluster, id)) FROM articles")
    first, last = conn.execute("SELECT min(date), max(date) FROM articles").fetchone()
    top = tuple(conn.execute(
        "SELECT p.name, count(DISTINCT o.quote_id) AS n FROM occurrences o JOIN people p ON p.id = o.speaker_id"
        " GROUP BY p.id ORDER BY n DESC, p.name LIMIT 5").fetchall())
    return StoreStats(
        str(store.path), page_size * page_count, distinct, rows, rows - distinct,
        one("SELECT count(*) FROM people"), one("SELECT count(*) FROM quotes"), one("SELECT count(*) FROM occurrences"),
        one("SELECT count(*) FROM times"), one("SELECT count(*) FROM non_quotes"), first, last, top,
    )


_ARROW_TYPES = {"INTEGER": "int64", "REAL": "float64", "TEXT": "string", "BLOB": "binary"}


def export(store: "Store", out_dir: str | os.PathLike, format: str) -> list[Path]:
    """Write every table of the store to ``out_dir`` as ``<table>.parquet``, ``.jsonl`` or ``.csv``,
    streamed in chunks; returns the paths written."""
    if format not in ("parquet", "jsonl", "csv"):
        raise StoreError(f"unknown export format {format!r}: parquet, jsonl or csv")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"{out}: cannot create the export folder ({e.strerror})") from e
    paths = []
    for table in TABLES:
        path = out / f"{table}.{format}"
        columns = store.columns(table)
        try:
            if format == "parquet":
                _write_parquet(store, table, columns, path)
            elif format == "jsonl":
                with open(path, "wb") as fh:
                    for chunk in store.rows(table):
                        fh.write(b"".join(orjson.dumps(r) + b"\n" for r in chunk))
            else:
                with open(path, "w", encoding="utf-8", newline="") as fh:
                    writer = csv.DictWriter(fh, fieldnames=[c for c, _ in columns])
                    writer.writeheader()
                    for chunk in store.rows(table):
                        writer.writerows(chunk)
        except OSError as e:
            raise StoreError(f"{path}: cannot write the export ({e.strerror})") from e
        paths.append(path)
    return paths


def _write_parquet(store: "Store", table: str, columns: list[tuple[str, str]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _ARROW_TYPES.get(decl, "string")) for name, decl in columns])
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in store.rows(table):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))


# ---------------------------------------------------------------- renderings of one quotation


@dataclass(frozen=True)
class Printing:
    """One article that printed a rendering."""

    article_id: int
    url: str | None
    date: str | None


@dataclass(frozen=True)
class RenderingOf:
    """One text a quotation was printed as: how it differs from the first, and who printed it."""

    text: str
    change: str | None
    diff: str | None
    first_seen: str | None
    occurrences: tuple[Printing, ...]

    def to_dict(self) -> dict:
        return {"text": self.text, "change": self.change, "diff": self.diff,
                "occurrences": [asdict(o) for o in self.occurrences]}


@dataclass(frozen=True)
class Variants:
    """A quotation and every rendering of it, the first printed first."""

    quote_id: int
    speaker: str | None
    first_seen: str | None
    renderings: tuple[RenderingOf, ...]

    def to_dict(self) -> dict:
        return {"quote_id": self.quote_id, "speaker": self.speaker, "first_seen": self.first_seen,
                "renderings": [r.to_dict() for r in self.renderings]}


def variants(store: "Store", text: str | None = None, speaker: str | None = None, altered: bool = False,
             limit: int | None = None) -> list[Variants]:
    """The quotations printed in more than one rendering (only those with an ``altered`` one when
    ``altered``), earliest first: ``text`` keeps those one of whose renderings contains it (case
    aside), ``speaker`` those said by that person (name or alias)."""
    conn = store.connection
    where = ["(SELECT count(*) FROM renderings r WHERE r.quote_id = q.id) > 1"]
    params: list = []
    if altered:
        where.append("EXISTS (SELECT 1 FROM renderings r WHERE r.quote_id = q.id AND r.change = 'altered')")
    if text:
        where.append("EXISTS (SELECT 1 FROM renderings r WHERE r.quote_id = q.id AND instr(lower(r.text), lower(?)) > 0)")
        params.append(text.strip())
    if speaker:
        ids = _people_ids(store, speaker)
        if not ids:
            raise NotFoundError(f"{store.path}: nobody called {speaker!r} (by name or alias) is stored")
        marks = ",".join("?" * len(ids))
        where.append(f"(q.speaker_id IN ({marks}) OR EXISTS (SELECT 1 FROM occurrences o WHERE o.quote_id = q.id AND o.speaker_id IN ({marks})))")
        params += ids + ids
    sql = f"SELECT q.id, q.speaker, q.first_seen FROM quotes q WHERE {' AND '.join(where)} ORDER BY q.first_seen IS NULL, q.first_seen, q.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [Variants(qid, who, first, renderings_of(store, qid)) for qid, who, first in conn.execute(sql, params).fetchall()]


def renderings_of(store: "Store", quote_id: int) -> tuple[RenderingOf, ...]:
    """The renderings of one quote, the original first, then by the day each was first printed;
    each with the articles that printed it, earliest first."""
    conn = store.connection
    out = []
    for rid, text, change, diff, first in conn.execute(
            "SELECT id, text, change, diff, first_seen FROM renderings WHERE quote_id = ?"
            " ORDER BY change = 'original' DESC, first_seen IS NULL, first_seen, id", (quote_id,)).fetchall():
        printed = tuple(Printing(*r) for r in conn.execute(
            "SELECT DISTINCT a.id, a.url, a.date FROM occurrences o JOIN articles a ON a.id = o.article_id"
            " WHERE o.rendering_id = ? ORDER BY a.date IS NULL, a.date, a.id", (rid,)))
        out.append(RenderingOf(text, change, diff, first, printed))
    return tuple(out)
