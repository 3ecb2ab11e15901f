"""Fill a store from Parquet tables: the output of ``saidwhen spark`` (one folder of part files per
table) or of ``saidwhen export --format parquet`` (one ``<table>.parquet`` file per table).

``load_parquet(DIR, db)`` streams each table in batches with pyarrow into a new or empty store, in
one transaction (a broken file leaves the store as it was), so the command line, the web page and a
later ``saidwhen index`` work on a record built elsewhere. The full-text index follows the quotes
through the store's triggers, and each article's MinHash signature and LSH buckets are recomputed
from its text, so articles indexed later still find their duplicates and syndicated copies.

An export made before the ``renderings`` table existed (no ``renderings`` table, no
``occurrences.rendering_id``) loads too: its renderings are rebuilt from the occurrences, as opening
a store of that age does (``Store._backfill_renderings``): one per quote and text printed, classified.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .store import NOBODY, TABLES, Store, StoreError, _bands, _signature

__all__ = ["LoadError", "LoadStats", "load_parquet", "table_files"]

BATCH = 5_000

#: What an export made before renderings existed lacks: rebuilt on loading when absent.
REBUILT = "renderings"


class LoadError(StoreError):
    """A Parquet table is missing or unreadable, or the store cannot take it; names the file."""


@dataclass
class LoadStats:
    """Rows loaded per table."""

    rows: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return ", ".join(f"{n:,} {table}" for table, n in self.rows.items())


def table_files(directory: str | os.PathLike, table: str) -> list[Path]:
    """The Parquet files of ``table`` under ``directory``: ``<table>/*.parquet`` (Spark's folder of
    parts, in part order) or ``<table>.parquet`` (an export)."""
    root = Path(directory)
    folder, single = root / table, root / f"{table}.parquet"
    if folder.is_dir():
        parts = sorted(p for p in folder.glob("*.parquet") if not p.name.startswith((".", "_")))
        if not parts and not (folder / "_SUCCESS").exists():
            raise LoadError(f"{folder}: no Parquet files in this folder (and no _SUCCESS: was the job finished?)")
        return parts
    if single.is_file():
        return [single]
    raise LoadError(f"{root}: no Parquet table {table!r} (expected {folder}/ or {single})")


def load_parquet(directory: str | os.PathLike, db: str | os.PathLike, batch_size: int = BATCH) -> LoadStats:
    """Load every table of ``directory`` into the store ``db`` (created if missing).

    Refuses, changing nothing, when the store already holds rows; raises ``LoadError`` naming the
    file when a table is missing, unreadable or lacks a column. A missing ``renderings`` table (an
    export older than it) is no error: the renderings are rebuilt from the occurrences.
    """
    import pyarrow.parquet as pq

    rebuild = _lacks(directory, REBUILT)
    files = {table: table_files(directory, table) for table in TABLES if not (rebuild and table == REBUILT)}
    store = Store(db, create=True)
    try:
        conn = store.connection
        held = [(t, conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES]
        held = [(t, n) for t, n in held if n]
        if held:
            raise LoadError(
                f"{store.path}: the store already holds {', '.join(f'{n:,} {t}' for t, n in held)};"
                " `saidwhen load` fills a new or empty store only (nothing was changed)")
        opened = {}
        for table, paths in files.items():
            columns = _loaded_columns(store, table, rebuild)
            opened[table] = []
            for path in paths:
                try:
                    pf = pq.ParquetFile(path)
                except Exception as e:  # pyarrow raises ArrowInvalid, OSError, …
                    raise LoadError(f"{path}: not a readable Parquet file ({e})") from e
                missing = [c for c in columns if c not in pf.schema_arrow.names]
                if missing:
                    raise LoadError(f"{path}: table {table!r} lacks column(s) {', '.join(missing)}")
                opened[table].append((path, pf))
        stats = LoadStats()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            for table in files:
                columns = _loaded_columns(store, table, rebuild)
                stats.rows[table] = 0
                for path, pf in opened[table]:
                    try:
                        for batch in pf.iter_batches(batch_size=batch_size, columns=columns):
                            rows = batch.to_pylist()
                            _insert(conn, table, columns, rows)
                            if table == "articles":
                                _signatures(conn, rows)
                            stats.rows[table] += len(rows)
                    except (OSError, ValueError) as e:  # a corrupt page, a wrong type
                        raise LoadError(f"{path}: cannot read table {table!r} ({e})") from e
                    except sqlite3.IntegrityError as e:
                        raise LoadError(f"{path}: rows of table {table!r} do not fit the store ({e})") from e
            if rebuild:  # their LSH entries come with them
                stats.rows[REBUILT] = store._fill_renderings()
            else:
                _rendering_buckets(conn)
            conn.execute("COMMIT")
        except BaseException as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.IntegrityError):
                raise LoadError(f"{directory}: the tables do not fit together ({e}); nothing was loaded") from e
            if isinstance(e, sqlite3.Error):
                raise store._error(e, f"loading {directory}", rolled_back=True) from e
            raise
        return stats
    finally:
        store.close()


def _lacks(directory: str | os.PathLike, table: str) -> bool:
    """Whether ``directory`` has no Parquet table ``table`` at all (neither form)."""
    root = Path(directory)
    return not (root / table).is_dir() and not (root / f"{table}.parquet").is_file()


def _loaded_columns(store: Store, table: str, rebuild: bool) -> list[str]:
    """The columns of ``table`` read from Parquet: all the store's, but the renderings' ids of the
    occurrences when the renderings are rebuilt (an export without them has no such column)."""
    columns = [name for name, _ in store.columns(table)]
    return [c for c in columns if c != "rendering_id"] if rebuild and table == "occurrences" else columns


def _insert(conn: sqlite3.Connection, table: str, columns: list[str], rows: list[dict]) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", [tuple(r[c] for c in columns) for r in rows])


def _signatures(conn: sqlite3.Connection, rows: list[dict]) -> None:
    """The MinHash signature and LSH buckets of each article, as ``Store.index`` writes them."""
    for r in rows:
        signature = _signature(r["text"])
        conn.execute("INSERT INTO article_minhashes (article_id, signature) VALUES (?, ?)", (r["id"], signature))
        conn.executemany("INSERT OR IGNORE INTO minhash_buckets (bucket, article_id) VALUES (?, ?)",
                         [(b, r["id"]) for b in _bands(signature)])


def _rendering_buckets(conn: sqlite3.Connection) -> None:
    """The LSH entries and head keys of each rendering under the speaker of its first occurrence
    (``NOBODY`` if it has none), as
    ``Store.index`` writes them, so that later indexing links altered renderings to loaded ones."""
    from .variants import reading_keys, rendering_keys

    for rid, norm, text, speaker in conn.execute(
            "SELECT r.id, r.norm_text, r.text, (SELECT o.speaker_id FROM occurrences o WHERE o.rendering_id = r.id ORDER BY o.id LIMIT 1)"
            " FROM renderings r").fetchall():
        conn.executemany("INSERT OR IGNORE INTO rendering_buckets (speaker_id, bucket, rendering_id) VALUES (?, ?, ?)",
                         [(NOBODY if speaker is None else speaker, b, rid)
                          for b in rendering_keys(norm, speaker is None) + ([] if speaker is None else reading_keys(text))])
