"""The embedded store: a corpus of extracted articles as one SQLite file that Datasette serves as is.

``Store(path).index(articles)`` writes ``Article``s in batched transactions (WAL mode), so a run that
is killed midway loses at most the batch in progress and a rerun picks up where it stopped: an
article already stored (same URL, or same text where either lacks a URL) is skipped; the same text
under another URL is a syndicated copy, stored with its occurrences. Quotes are stored once per distinct
normalised text and speaker (``quotes``), each text as printed once (``renderings``), with one row
per place they are printed (``occurrences``); people are
merged across articles by canonical name; syndicated copies of one article are found with MinHash
LSH and share ``articles.minhash_cluster``. See docs/store.md for the schema.

The read side (``search``, ``who``, ``stats``, exports) lives in ``saidwhen.search`` and is reached
through the same ``Store`` object.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from datetime import date as Date
from pathlib import Path

import orjson

from .errors import SaidwhenError
from .model import Article, Quote
from .people import (COUNTRY, NO_GENDER, SHORT_NAME, fits_all, fold_gender, is_name_of, is_org_name_of, known_full_name, one_candidate,
                     org_variant_forms, own_outlet, same_name_key, short_name_of, variant_reason)
from .variants import (MIN_WORDS, PUNCT, QUOTE_MARKS, QUOTED_KINDS, bridges, classify_all, contained_keys, found_by_head, head_key,
                       is_fragment, keep_buckets, looked_for_inside, min_hashes, min_hashes_of, piece_of_two, sha1_hashes32, reading_keys, readings, rendering_buckets, rendering_keys,
                       run_key, run_keys, same_quotation, same_quotation_read, whole_sentences)

__all__ = [
    "Store", "IndexStats", "StoreError", "StoreLockedError", "StoreFullError", "SearchQueryError",
    "NotFoundError", "normalise_quote", "TABLES",
]

# The tables a user sees (exports, Datasette); the FTS shadow tables and signatures are plumbing.
TABLES = ("articles", "people", "aliases", "quotes", "renderings", "occurrences", "times", "non_quotes")

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    source_id TEXT,
    url TEXT,
    date TEXT,
    title TEXT,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    minhash_cluster INTEGER REFERENCES articles(id),
    flags TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_text_hash ON articles(text_hash);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);

CREATE TABLE IF NOT EXISTS article_minhashes (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    signature BLOB NOT NULL
);
-- The LSH index of the signatures: one row per (band bucket, article), so it lives on disk, is
-- written in the same transaction as the article, and costs no memory however large the corpus.
CREATE TABLE IF NOT EXISTS minhash_buckets (
    bucket INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (bucket, article_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT,
    role TEXT,
    gender TEXT,
    gender_evidence TEXT,
    gender_conflict INTEGER NOT NULL DEFAULT 0
);
-- People are looked up by name in any capitals, and by the last word of their name ("Biden" for
-- "Joe Biden"), once per name an article gives: indexed, so the lookup does not read every person.
CREATE INDEX IF NOT EXISTS people_name_nocase ON people(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS people_last_word ON people(substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1) COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS aliases (
    person_id INTEGER NOT NULL REFERENCES people(id),
    alias TEXT NOT NULL,
    reason TEXT,
    UNIQUE (person_id, alias)
);

-- Joins and separations of people made by hand (``saidwhen people merge|split``): kept apart
-- from what indexing derives, so that re-indexing keeps them.
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    name TEXT NOT NULL,
    person TEXT,
    made TEXT
);
CREATE INDEX IF NOT EXISTS aliases_alias ON aliases(alias COLLATE NOCASE);

-- One row per quotation: a normalised text said by one speaker (0 in the key: said by nobody
-- named), so that a formula two people say word for word ("No comment") is two quotes.
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    norm_text TEXT NOT NULL,
    norm_prefix TEXT,
    speaker_id INTEGER REFERENCES people(id),
    speaker TEXT,
    first_seen TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS quotes_said ON quotes(norm_text, ifnull(speaker_id, 0));
CREATE INDEX IF NOT EXISTS quotes_prefix ON quotes(speaker_id, norm_prefix) WHERE norm_prefix IS NOT NULL;

-- Each distinct text a quote was printed as, and how it differs from the first one printed
-- (``saidwhen.variants.classify``).
CREATE TABLE IF NOT EXISTS renderings (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL REFERENCES quotes(id),
    text TEXT NOT NULL,
    norm_text TEXT NOT NULL,
    change TEXT,
    diff TEXT,
    first_seen TEXT,
    UNIQUE (quote_id, text)
);
CREATE INDEX IF NOT EXISTS renderings_norm ON renderings(norm_text);

-- The LSH index of renderings' words by speaker, to find the quote a rendering with changed
-- words renders (``saidwhen.variants.rendering_buckets``), with the head and run keys by which a
-- piece finds the renderings that contain it. Only the LSH buckets (even; the other keys are odd) are
-- looked up across speakers, so only they are indexed by bucket: half the entries to keep in step.
CREATE TABLE IF NOT EXISTS rendering_buckets (
    speaker_id INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    rendering_id INTEGER NOT NULL REFERENCES renderings(id),
    PRIMARY KEY (speaker_id, bucket, rendering_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rendering_buckets_lsh ON rendering_buckets(bucket) WHERE bucket % 2 = 0;

CREATE TABLE IF NOT EXISTS occurrences (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL REFERENCES quotes(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker_id INTEGER REFERENCES people(id),
    mention TEXT,
    speaker_name TEXT,
    cue TEXT,
    kind TEXT,
    said_on TEXT,
    said_on_basis TEXT,
    said_date TEXT,
    confidence REAL,
    paragraph INTEGER,
    grp INTEGER,
    rendering_id INTEGER REFERENCES renderings(id),
    UNIQUE (article_id, start, "end")
);
CREATE INDEX IF NOT EXISTS occurrences_quote ON occurrences(quote_id);
CREATE INDEX IF NOT EXISTS occurrences_speaker ON occurrences(speaker_id, said_date);

CREATE TABLE IF NOT EXISTS times (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,
    type TEXT,
    value TEXT
);
CREATE INDEX IF NOT EXISTS times_article ON times(article_id);

CREATE TABLE IF NOT EXISTS non_quotes (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,
    reason TEXT
);
CREATE INDEX IF NOT EXISTS non_quotes_article ON non_quotes(article_id);

-- External-content FTS5 over quotes, named and declared the way Datasette detects it
-- (``<table>_fts`` with content="<table>"), kept in step by triggers as sqlite-utils does, but for
-- the quotes a batch of ``Store.index`` adds: while the batch is written, ``quotes_fts_pending``
-- holds the last quote id stored before it, the triggers leave the quotes after it alone, and the
-- batch writes their full-text rows at its end, at once (``Store._write_batch``). The table is
-- empty outside a batch's transaction, so every other writer (``saidwhen load``, corrections by
-- hand, an older saidwhen, Datasette) keeps the index in step row by row.
CREATE TABLE IF NOT EXISTS quotes_fts_pending (after INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING FTS5 (text, speaker, content="quotes", content_rowid="id");
CREATE TRIGGER IF NOT EXISTS quotes_ai AFTER INSERT ON quotes
WHEN NOT EXISTS (SELECT 1 FROM quotes_fts_pending WHERE new.id > after) BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER IF NOT EXISTS quotes_ad AFTER DELETE ON quotes
WHEN NOT EXISTS (SELECT 1 FROM quotes_fts_pending WHERE old.id > after) BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
END;
CREATE TRIGGER IF NOT EXISTS quotes_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) SELECT 'delete', old.id, old.text, old.speaker
        WHERE NOT EXISTS (SELECT 1 FROM quotes_fts_pending WHERE old.id > after);
    INSERT INTO quotes_fts (rowid, text, speaker) SELECT new.id, new.text, new.speaker
        WHERE NOT EXISTS (SELECT 1 FROM quotes_fts_pending WHERE new.id > after);
END;
"""

# The full-text triggers (``SCHEMA``); a store whose triggers are older (one full-text row per row
# written, whatever writes it) has them replaced when opened (``Store._migrate``).
FTS_TRIGGERS = ("quotes_ai", "quotes_ad", "quotes_au")

#: Which ``variants.rendering_keys`` a store's LSH entries were made with (``PRAGMA user_version``):
#: 1 hashes the words of substance only; 2 also holds the renderings printed with no speaker (under
#: ``NOBODY``); 3 also each rendering's head key; 4 also the key of every run of words of a rendering
#: printed with no speaker; 5 also the ``run_keys`` of a speaker's rendering; 6 also the keys of the
#: readings of a speaker's rendering printed with an editor's bracket (``variants.reading_keys``); 7
#: makes every LSH bucket even and every other key odd, so that an index of the even ones alone
#: (``rendering_buckets_lsh``) serves the lookups across speakers; 8 takes a band's two MinHash values
#: as its bucket (with a mask of the band's own, not a BLAKE2 hash of them) and a run key as the run's
#: head key with its second bit flipped (one hash of the run's words for both). A store below it
#: rebuilds its entries when opened. 9 changes the articles' MinHash signatures (``_shingle_hashes``):
#: a store below ``SIGNATURES_VERSION`` computes its articles' signatures and their buckets again too.
BUCKETS_VERSION = 9
SIGNATURES_VERSION = 9

# The ``rendering_buckets.speaker_id`` of a rendering printed with no speaker (people ids start at
# 1). A speaker's new text meets these renderings only when it shares NOBODY_BANDS of its LSH bands
# with one: every speaker's text looks there, and one band in common is too common among them.
NOBODY, NOBODY_BANDS = 0, 2

# What a batch keeps in memory of the entries of each speaker's renderings (``Store._filed_under``): a
# speaker with more entries than FILED_KEPT, or any speaker once the batch holds FILED_TOTAL, is looked
# up in SQL alone, so that memory stays bounded however large the corpus.
FILED_KEPT, FILED_TOTAL = 200_000, 500_000

# A truncated rendering merges into a longer quote of the same speaker only if it keeps this many
# words: shorter prefixes ("I think that we should") are too common to mean the same quote.
PREFIX_WORDS = 8

# The most values one lookup of ``Store._articles_under`` binds (SQLite allows 32,766; older builds 999).
_LOOKUP_CHUNK = 900

# Syndicated copies: MinHash of word 5-shingles, 64 permutations; LSH with 12 bands of 5 rows makes
# a pair at Jaccard 0.8 a candidate with probability 0.99 (0.5: 0.33), and candidates are then kept
# only if their estimated Jaccard is at least 0.8.
NUM_PERM = 64
SHINGLE = 5
SYNDICATION_THRESHOLD = 0.8
BANDS, ROWS = 12, 5
_MINHASH_SEED = 1

# The last word of ``people.name`` in SQL (what follows its last space; the whole name if it has
# none), as the index ``people_last_word`` holds it.
_LAST_WORD = "substr(name, length(rtrim(name, replace(name, ' ', ''))) + 1)"

_PRONOUNS = frozenset(
    "i me my we us our you he him his she her they them their it its this that who one".split()
)


# ---------------------------------------------------------------- errors


class StoreError(SaidwhenError):
    """The store could not be read or written; the message names the database file."""


class StoreLockedError(StoreError):
    """Another connection holds the write lock for longer than the store waits."""


class StoreFullError(StoreError):
    """The disk (or the database's page limit) is full."""


class SearchQueryError(StoreError):
    """A search that cannot run: a malformed full-text query or a bad date."""


class NotFoundError(StoreError):
    """No such person (or other record) in the store."""


# ---------------------------------------------------------------- normalisation

# Quote marks, dashes and punctuation fold as ``saidwhen.variants`` folds a rendering's words.
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|\u2026")
_TRUNCATED = re.compile(r"(?:\.\s*\.\s*\.|\u2026|\[\s*\.\.\.\s*\])\s*$")


def normalise_quote(text: str) -> str:
    """The key two renderings of one quote share: case, quote marks, dashes, ellipses and
    punctuation folded, whitespace collapsed ("We’re back…" and "we're back" → "were back")."""
    t = unicodedata.normalize("NFKC", text).translate(QUOTE_MARKS).lower()
    t = _ELLIPSIS.sub(" ", t)
    t = PUNCT.sub("", t)
    key = " ".join(t.split())
    return key or " ".join(text.lower().split())


def _prefix_key(norm: str) -> str | None:
    words = norm.split(" ")
    return " ".join(words[:PREFIX_WORDS]) if len(words) >= PREFIX_WORDS else None


def _is_truncation(short: str, long: str, partial_last_word: bool) -> bool:
    """Whether normalised ``short`` is the beginning of ``long`` (at a word boundary, or inside the
    last word when the short rendering ends with an ellipsis)."""
    if len(short) >= len(long) or len(short.split(" ")) < PREFIX_WORDS:
        return False
    if partial_last_word:
        return long.startswith(short)
    return long.startswith(short + " ")


# ---------------------------------------------------------------- results


@dataclass
class IndexStats:
    """What one ``Store.index`` call added.

    ``articles``: new articles stored (syndicated copies not counted again, see ``syndicated``);
    ``duplicates``: articles skipped because their URL was already stored, or their exact text with
    no URL on one side (the same text under two URLs is two articles, a copy of each other); ``quotes``: new
    distinct quotes; ``occurrences``: new places a quote appears; ``bad``: articles whose extraction
    failed (not stored, so a rerun tries them again); ``syndicated``: stored near-copies of an
    article already in the store (word-for-word copies under another URL included).
    """

    articles: int = 0
    duplicates: int = 0
    quotes: int = 0
    occurrences: int = 0
    bad: int = 0
    syndicated: int = 0

    def add(self, other: "IndexStats") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class _Prepared:
    article: Article
    text_hash: str
    # The article's ``quotations``, each with its text normalised (``normalise_quote``).
    quotations: list[tuple[Quote, list[tuple[int, int]], str]] = field(default_factory=list)
    # The MinHash values, as stored (``_signature``), and their LSH buckets (``_bands``): computed for a
    # whole batch at once (``Store._sign``).
    signature: bytes = b""
    bands: list[int] = field(default_factory=list)


class _StoredArticles:
    """The URLs and text hashes of stored articles that a batch needs (``Store._stored_articles``), to tell
    an article already stored without a statement each: one is when its URL is, or its exact text is and
    one of the two has no URL (see ``Store.index``)."""

    def __init__(self) -> None:
        self.urls: set[str] = set()
        self.texts: set[str] = set()  # the hashes of the stored texts
        self.texts_without_url: set[str] = set()

    def holds(self, url: str | None, text_hash: str) -> bool:
        if url is None:
            return text_hash in self.texts
        return url in self.urls or text_hash in self.texts_without_url

    def add(self, url: str | None, text_hash: str) -> None:
        self.texts.add(text_hash)
        if url is None:
            self.texts_without_url.add(text_hash)
        else:
            self.urls.add(url)


# ---------------------------------------------------------------- the store


class Store:
    """One SQLite database of articles, people, quotes and where each quote appears.

    ``timeout`` is how long a write waits for another connection's lock before giving up with
    ``StoreLockedError``. ``create=False`` refuses to make a new, empty database (for commands
    that only read).
    """

    def __init__(self, path: str | os.PathLike = "saidwhen.db", *, timeout: float = 5.0, create: bool = True,
                 identities: str = "editor") -> None:
        """``identities`` is how people are told apart: "editor" (the rules of ``saidwhen.people``)
        or "exact" (one record per exact name, a bare surname joined to its one full name, and any
        capitalised mention an alias: the rules before them, kept for ``benchmarks/people.py``)."""
        if identities not in ("editor", "exact"):
            raise ValueError(f"identities must be 'editor' or 'exact', not {identities!r}")
        self.identities = identities
        self.path = Path(path)
        self.timeout = timeout
        # The entries of each speaker's renderings (key -> rendering ids), while a batch is written (``_filed_under``),
        # and the renderings the batch has stored or read: id -> (quote_id, norm_text, text) (``_rendering_rows``).
        self._filed: dict[int, dict[int, int | list[int]] | None] | None = None
        self._filed_total = 0
        self._rendered: dict[int, tuple[int, str, str]] | None = None
        # The quotes whose renderings a batch classifies at its end (``_classify``), each with the rendering
        # its last change quoted; None outside a batch.
        self._unclassified: dict[int, int | None] | None = None
        # What a batch has read or written of its people's rows (``_new_person_row`` forgets an id): the ids whose role is
        # set and each id's gender, so a person seen again in the batch costs no statement; None outside a batch.
        self._roled: set[int] | None = None
        self._genders: dict[int, tuple] | None = None
        # The aliases each person was given in the batch (an INSERT OR IGNORE sent: the row is there after it).
        self._aliased: dict[int, set[str]] | None = None
        # ``_ending_in``'s answers, kept until the batch stores or folds away a person.
        self._endings: dict[tuple[str, str], list[tuple[int, str]]] | None = None
        # Whether the corrections table holds a row, read when a batch begins (nothing writes it during one);
        # None outside a batch, where each lookup asks SQLite.
        self._corrected: bool | None = None
        # What a batch knows of the texts and articles stored (``_seen``, ``_stored_article``): read for all of its
        # articles when it begins, each added as it is stored; None outside a batch.
        self._norms: set[str] | None = None
        self._articles: _StoredArticles | None = None
        # The stored articles filed under each LSH bucket of the batch's articles (``_syndicate``): read
        # for all of them when the batch begins, each article added as it is stored; None outside a batch.
        self._filed_articles: dict[int, list[int]] | None = None
        if not create and not self.path.is_file():
            raise StoreError(f"{self.path}: no such database (run `saidwhen index` first)")
        try:
            self.connection = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
            self.connection.execute("PRAGMA journal_mode = WAL")
            self.connection.execute("PRAGMA synchronous = NORMAL")
            self.connection.execute("PRAGMA foreign_keys = ON")
            # Indexing writes and reads the LSH entries at random places: a page cache of up to 64 MiB
            # (SQLite's default is 2 MiB) keeps their indexes in memory instead of reading pages back at each insert.
            self.connection.execute("PRAGMA cache_size = -65536")
            self.connection.create_function("saidwhen_name_key", 1, same_name_key, deterministic=True)
            if create:
                self.connection.executescript(SCHEMA)
                self._migrate()
            else:
                self.connection.execute("SELECT 1 FROM quotes LIMIT 1")
                try:
                    self._migrate()
                except sqlite3.OperationalError:
                    pass  # a read-only copy of an older store: read as it is
        except sqlite3.Error as e:
            raise self._error(e, "opening the database") from e
        self._people: dict[str, int] = {}
        # The people whose name has a letter beyond ASCII, by ``same_name_key``: SQLite's NOCASE index
        # finds the others (``_named``). Built on first use; None when it must be read again.
        self._accented: dict[str, dict[int, tuple[str, str | None]]] | None = None
        self._data_version: int | None = None

    def _migrate(self) -> None:
        """Add the columns a store written by an older saidwhen lacks (its rows keep NULL there)."""
        conn = self.connection
        for table, column, typ in (("aliases", "reason", "TEXT"), ("occurrences", "speaker_name", "TEXT"),
                                   ("people", "gender", "TEXT"), ("people", "gender_evidence", "TEXT"),
                                   ("people", "gender_conflict", "INTEGER NOT NULL DEFAULT 0"),
                                   ("occurrences", "rendering_id", "INTEGER REFERENCES renderings(id)")):
            if column not in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {typ}")
                if column == "rendering_id":
                    self._backfill_renderings()
        conn.execute("CREATE INDEX IF NOT EXISTS occurrences_rendering ON occurrences(rendering_id)")
        # Before BUCKETS_VERSION 7 every key was indexed by bucket; now the LSH buckets alone (even) are.
        conn.execute("DROP INDEX IF EXISTS rendering_buckets_bucket")
        conn.execute("CREATE INDEX IF NOT EXISTS rendering_buckets_lsh ON rendering_buckets(bucket) WHERE bucket % 2 = 0")
        if any(r[1] == "articles_text_hash" and r[2] for r in conn.execute("PRAGMA index_list(articles)")):
            # Written when an exact copy under another URL was a duplicate: the text is no longer unique.
            with self._transaction():
                conn.execute("DROP INDEX articles_text_hash")
                conn.execute("CREATE INDEX articles_text_hash ON articles(text_hash)")
        self._rekey_quotes()
        self._retrigger_fts()
        self._rebucket_renderings()

    def _retrigger_fts(self) -> None:
        """Replace the full-text triggers of a store written before a batch wrote its quotes' full-text
        rows at its end (triggers that do not know ``quotes_fts_pending``) with ``SCHEMA``'s."""
        conn = self.connection
        stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'quotes'"
                                   " OR type = 'table' AND name = 'quotes_fts_pending'"))
        if "quotes_fts_pending" in stored and all("quotes_fts_pending" in (stored.get(name) or "") for name in FTS_TRIGGERS):
            return
        with self._transaction():
            conn.execute(next(st for st in _statements(SCHEMA) if "CREATE TABLE IF NOT EXISTS quotes_fts_pending" in st))
            for name in FTS_TRIGGERS:
                conn.execute(f"DROP TRIGGER IF EXISTS {name}")
            for st in _statements(SCHEMA):
                if "CREATE TRIGGER IF NOT EXISTS" in st:
                    conn.execute(st)

    def _rebucket_renderings(self) -> None:
        """Rebuild the renderings' LSH entries of a store written with another ``rendering_buckets``
        (``PRAGMA user_version`` below ``BUCKETS_VERSION``), so that new renderings meet old ones, and
        the articles' signatures of one written before ``SIGNATURES_VERSION``, so that a new copy of
        a stored article meets it."""
        conn = self.connection
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version >= BUCKETS_VERSION:
            return
        from .load import _rendering_buckets, _signatures

        with self._transaction():
            conn.execute("DELETE FROM rendering_buckets")
            _rendering_buckets(conn)
            if version < SIGNATURES_VERSION:  # the articles' signatures were hashed another way
                conn.execute("DELETE FROM minhash_buckets")
                conn.execute("DELETE FROM article_minhashes")
                for page in _article_pages(conn):
                    _signatures(conn, page)
        conn.execute(f"PRAGMA user_version = {BUCKETS_VERSION}")

    def _rekey_quotes(self) -> None:
        """Rebuild the ``quotes`` table of a store written when ``norm_text`` was unique on its own,
        so that it is keyed by (normalised text, speaker) as ``SCHEMA`` declares it now.

        SQLite cannot drop a UNIQUE constraint, so the table is copied (ids kept, so occurrences,
        renderings and the full-text index still point at the same rows), dropped and renamed, and
        its indexes and triggers made again, in one transaction with foreign keys off while the
        table is missing. The quotes an older store joined across speakers stay joined: their rows
        are kept as they are (re-index to split them).
        """
        conn = self.connection
        if not any(r[3] == "u" for r in conn.execute("PRAGMA index_list(quotes)")):
            return  # no UNIQUE constraint on the table: already keyed by speaker
        table = next(st for st in _statements(SCHEMA) if "CREATE TABLE IF NOT EXISTS quotes (" in st)
        columns = ", ".join(r[1] for r in conn.execute("PRAGMA table_info(quotes)"))
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self._transaction():
                conn.execute(table.replace("quotes (", "quotes_rekeyed (", 1))
                conn.execute(f"INSERT INTO quotes_rekeyed ({columns}) SELECT {columns} FROM quotes")
                conn.execute("DROP TABLE quotes")
                conn.execute("ALTER TABLE quotes_rekeyed RENAME TO quotes")
                for st in _statements(SCHEMA):
                    if re.search(r"\bON quotes\b", st):  # its indexes and full-text triggers
                        conn.execute(st)
        finally:
            conn.execute("PRAGMA foreign_keys = ON")

    def _backfill_renderings(self) -> None:
        """Give the occurrences of a store written before renderings existed their rendering: the
        text each printed (from its article), one rendering per quote and text, classified. The
        quotes stay as they were joined (re-index to link renderings with changed words)."""
        with self._transaction():
            self._fill_renderings()

    def _fill_renderings(self) -> int:
        """The work of ``_backfill_renderings`` inside the caller's transaction (``saidwhen load``
        of an export made before renderings existed does it too); returns the renderings made."""
        conn = self.connection
        rows = conn.execute(
            'SELECT o.id, o.quote_id, substr(a.text, o.start + 1, o."end" - o.start), ifnull(a.date, o.said_date), o.speaker_id'
            " FROM occurrences o JOIN articles a ON a.id = o.article_id ORDER BY o.id").fetchall()
        touched = set()
        for oid, quote_id, text, printed, speaker_id in rows:
            rid = self._rendering(quote_id, text, normalise_quote(text), speaker_id, printed, classify=False)
            conn.execute("UPDATE occurrences SET rendering_id = ? WHERE id = ?", (rid, oid))
            touched.add(quote_id)
        for quote_id in touched:
            self._classify(quote_id)
        return conn.execute("SELECT count(*) FROM renderings").fetchone()[0]

    # -- lifecycle

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # -- writing

    def index(self, articles: Iterable[Article], batch_size: int = 500) -> IndexStats:
        """Store ``articles`` (streamed) in transactions of ``batch_size`` articles.

        Idempotent: an article whose URL is already stored, or whose exact text is and one of the
        two has no URL, is counted in ``duplicates`` and nothing is added. The exact text under a new
        URL is a syndicated copy: stored, with its occurrences, in the cluster of the first
        (``minhash_cluster``), so every article that printed a quote keeps its occurrence and the
        counts (``stats``, ``who``, search) still count the copies once. If a batch fails (locked database, full disk) it is
        rolled back, everything committed before it stays, and a ``StoreError`` says which.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        total = IndexStats()
        batch: list[_Prepared] = []
        for article in articles:
            if "failed" in article.flags:
                total.bad += 1
                continue
            batch.append(self._prepare(article))
            if len(batch) >= batch_size:
                total.add(self._write_batch(batch))
                batch = []
        if batch:
            total.add(self._write_batch(batch))
        return total

    def _prepare(self, article: Article) -> _Prepared:
        """The work that needs no database: the text's hash, the quotations and their normalised texts
        (the MinHash signature is computed for the batch: ``_sign``)."""
        return _Prepared(article, text_hash(article.text), [(q, spans, normalise_quote(q.text)) for q, spans in quotations(article)])

    @staticmethod
    def _sign(batch: list[_Prepared]) -> None:
        """The MinHash signature and LSH buckets of each article of the batch, in a few numpy passes for
        all of them (``_signatures``): numpy's cost is mostly per call, and most articles are short."""
        for prepared, signature, bands in zip(batch, *_signatures([prepared.article.text for prepared in batch])):
            prepared.signature, prepared.bands = signature, bands

    def _write_batch(self, batch: list[_Prepared]) -> IndexStats:
        stats = IndexStats()
        conn = self.connection
        self._sign(batch)
        try:
            conn.execute("BEGIN IMMEDIATE")
            if (version := conn.execute("PRAGMA data_version").fetchone()[0]) != self._data_version:
                self._forget_people()  # another connection wrote since the last batch
                self._data_version = version
            self._filed, self._filed_total, self._rendered, self._unclassified = {}, 0, {}, {}
            self._roled, self._genders, self._aliased, self._endings = set(), {}, {}, {}
            self._corrected = bool(conn.execute("SELECT EXISTS (SELECT 1 FROM corrections)").fetchone()[0])
            self._filed_articles = self._articles_under({b for prepared in batch for b in prepared.bands})
            self._articles = self._stored_articles(batch)
            self._norms = self._stored_norms({norm for prepared in batch for _, _, norm in prepared.quotations})
            # The quotes this batch adds get their full-text rows at its end, in one statement
            # (``quotes_fts_pending``): the triggers index only the quotes stored before it.
            (after,) = conn.execute("SELECT ifnull(max(id), 0) FROM quotes").fetchone()
            conn.execute("INSERT INTO quotes_fts_pending (after) VALUES (?)", (after,))
            # all in one pass, asked for one by one: each text's and each of its readings' (a text printed with
            # an editor's bracket is looked up and filed as its readings too, ``_own_rendered``, ``reading_keys``)
            keep_buckets(form for prepared in batch for q, _, norm in prepared.quotations for form in (norm, *readings(q.text)))
            for prepared in batch:
                self._write_article(prepared, stats)
            unclassified, self._unclassified = self._unclassified, None
            for quote_id, quoted in unclassified.items():
                self._classify(quote_id, quoted)
            conn.execute("INSERT INTO quotes_fts (rowid, text, speaker) SELECT id, text, speaker FROM quotes WHERE id > ?", (after,))
            conn.execute("DELETE FROM quotes_fts_pending")
            conn.execute("COMMIT")
        except BaseException as e:
            try:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            # The caches of people may name rows that were just rolled back.
            self._forget_people()
            if isinstance(e, sqlite3.Error):
                first = batch[0].article
                what = f"indexing a batch of {len(batch)} article(s) from {first.url or first.id or 'an article without URL'}"
                raise self._error(e, what, rolled_back=True) from e
            raise
        finally:
            self._filed = self._rendered = self._unclassified = self._filed_articles = self._articles = self._norms = None
            self._roled = self._genders = self._aliased = self._endings = self._corrected = None
        return stats

    def _write_article(self, p: _Prepared, stats: IndexStats) -> None:
        conn = self.connection
        a = p.article
        if self._articles.holds(a.url, p.text_hash):
            stats.duplicates += 1
            return
        self._articles.add(a.url, p.text_hash)
        published = a.date.isoformat() if isinstance(a.date, Date) else None
        article_id = conn.execute(
            "INSERT INTO articles (source_id, url, date, title, text, text_hash, flags) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.url, published, a.title, a.text, p.text_hash, orjson.dumps(list(a.flags)).decode() if a.flags else None),
        ).lastrowid
        if self._syndicate(article_id, p.signature, p.bands):
            stats.syndicated += 1
        else:
            stats.articles += 1

        here = [p.name for p in a.people if p.kind == "PERSON" and " " in p.name]
        orgs = [p.name for p in a.people if p.kind == "ORG" and " " in p.name]
        from .balance import outlet  # balance reads the store: imported here, not at the top

        # asked for only by a bare word that may be a stored organisation's (``_short_name_of``): parsing each
        # article's URL for it (about 13 µs a new one) was 2-3 % of indexing the written corpora
        where = lru_cache(maxsize=1)(partial(outlet, a.url, a.id))
        for person in a.people:
            person_id = self._person(person.name, person.kind, person.role, [m.text for m in person.mentions], here, orgs, where)
            if person.gender is not None:
                self._fold_gender(person_id, (person.gender, person.gender_evidence, 0))

        for q, spans, norm in p.quotations:
            speaker_id = self._person(q.speaker, "PERSON", None, (), here, orgs, where) if q.speaker else None
            said_date = _said_date(q, published)
            quote_id, new, rendering_id = self._quote(q, norm, speaker_id, said_date, published or said_date, article_id)
            stats.quotes += new
            for start, end in spans:
                cur = conn.execute(
                    'INSERT OR IGNORE INTO occurrences (quote_id, article_id, start, "end", speaker_id, mention, speaker_name, cue, kind,'
                    " said_on, said_on_basis, said_date, confidence, paragraph, grp, rendering_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (quote_id, article_id, start, end, speaker_id, q.speaker_mention.text if q.speaker_mention else None,
                     q.speaker, q.cue, q.kind, q.said_on.value if q.said_on else None, q.said_on.basis if q.said_on else None,
                     said_date, q.confidence, q.paragraph, q.group, rendering_id),
                )
                stats.occurrences += cur.rowcount
        if a.times:  # most articles have a few; a statement with no rows costs as much as one row
            conn.executemany(
                'INSERT INTO times (article_id, start, "end", text, type, value) VALUES (?, ?, ?, ?, ?, ?)',
                [(article_id, t.start, t.end, t.text, t.type, t.value) for t in a.times],
            )
        if a.non_quotes:
            conn.executemany(
                'INSERT INTO non_quotes (article_id, start, "end", text, reason) VALUES (?, ?, ?, ?, ?)',
                [(article_id, n.start, n.end, n.text, n.reason) for n in a.non_quotes],
            )

    def _person(self, name: str, kind: str | None, role: str | None, mentions: Iterable[str], here: Iterable[str] = (),
                orgs: Iterable[str] = (), where: Callable[[], str] | None = None) -> int:
        """The id of the person called ``name``, created on first sight; its names among the
        mentions ("Legend", "Mr. Legend", not "he" or "the singer") become aliases.

        A bare word the article uses for one organisation it names in full (``orgs``: "Post",
        "Washington Post") is that organisation, in this article only; so is a bare word the article's
        outlet (``where()``: ``balance.outlet``) spells a stored organisation by ("Times" in a story from
        nytimes.com). A new name joins a stored person as a careful editor would (``saidwhen.people``): by
        hand when a correction says so; a bare surname when the article (``here``: its people's full names) names one person of
        that surname, or else when the news knows one person by it and that person is stored, or
        else when one stored person bears it; a full name when it is one stored person's with a
        middle name, a short or misspelt first name; an organisation when it is one stored
        national institution with or without its country ("U.S. State Department").
        """
        conn = self.connection
        if self.identities == "editor" and (short := self._short_name_of(name, here, orgs, where)) is not None:
            # what the article says first; not kept for the run: another article's "Post" may be another paper
            self._alias(short, name, SHORT_NAME)
            return self._person_seen(short, role, mentions, name, kind)
        person_id = self._people.get(name)
        if person_id is None:
            if (same := self._named(name)) is not None:  # the same name, or the same in other capitals ("POLITICO")
                person_id = same
            elif (merged := self._merged_by_hand(name)) is not None:
                person_id = merged
                self._alias(person_id, name, "by hand")
            elif kind == "PERSON" and " " not in name and not self._split(name) and (
                    full := self._surname_of(name, here) if self.identities == "editor" else self._full_name_of(name)) is not None:
                person_id = full  # "Okafor" in an article that never gives her first name
                self._alias(person_id, name, "surname")
                if self.identities == "editor":  # judged again in each article: the next "Roe" may be her husband
                    return self._person_seen(person_id, role, mentions, name, kind)
            elif kind == "PERSON" and " " in name and self.identities == "editor" and (variant := self._variant_of(name, here)) is not None:
                person_id, reason = variant  # "Donald J. Trump" for "Donald Trump"
                self._alias(person_id, name, reason)
            elif kind == "ORG" and self.identities == "editor" and (national := self._national_of(name)) is not None:
                person_id = national  # "U.S. State Department" for "State Department"
                self._alias(person_id, name, COUNTRY)
            else:
                person_id = conn.execute("INSERT INTO people (name, kind, role) VALUES (?, ?, ?)", (name, kind, role)).lastrowid
                self._new_person_row(person_id)
                self._note_person(person_id, name, kind)
                if kind == "PERSON" and " " in name:
                    self._absorb_surname(person_id, name)
            self._people[name] = person_id
        return self._person_seen(person_id, role, mentions, name, kind)

    def _person_seen(self, person_id: int, role: str | None, mentions: Iterable[str], name: str, kind: str | None) -> int:
        """Record what one sighting of ``name`` adds to its person: the role, if none is known
        yet, and the mentions that are its names as aliases."""
        conn = self.connection
        if role and (self._roled is None or person_id not in self._roled):
            conn.execute("UPDATE people SET role = ? WHERE id = ? AND role IS NULL", (role, person_id))
            if self._roled is not None:
                self._roled.add(person_id)  # set now, by this statement or before it
        named = alias_of if self.identities == "editor" else _capitalised
        aliases = {m.strip() for m in mentions if named(m.strip(), name, kind)}
        if self._aliased is not None:  # those the batch gave already would be ignored
            given = self._aliased.setdefault(person_id, set())
            aliases, sighted = aliases - given, aliases
            given |= sighted
        if aliases:
            conn.executemany("INSERT OR IGNORE INTO aliases (person_id, alias) VALUES (?, ?)", [(person_id, x) for x in sorted(aliases)])
        return person_id

    def _gender(self, person_id: int) -> tuple:
        """The person's gender, evidence and conflict; read once a batch, then from the batch's memory."""
        if self._genders is not None and person_id in self._genders:
            return self._genders[person_id]
        row = self.connection.execute("SELECT gender, gender_evidence, gender_conflict FROM people WHERE id = ?", (person_id,)).fetchone()
        known = (row[0], row[1], row[2] or 0) if row else NO_GENDER
        if self._genders is not None and row:
            self._genders[person_id] = known
        return known

    def _new_person_row(self, person_id: int) -> None:
        """Forget what the batch knew of a row under ``person_id``: a new person (SQLite may give a
        deleted person's id to the next one stored) or one deleted (folded into another)."""
        if self._roled is not None:
            self._roled.discard(person_id)
            self._genders.pop(person_id, None)
            self._aliased.pop(person_id, None)
            self._endings.clear()  # a name more or less ends in some word

    def _fold_gender(self, person_id: int, seen: tuple) -> None:
        """Fold one article's (or a joined record's) gender evidence into the person's (``people.fold_gender``);
        written only when it changes what the person holds (most sightings repeat what is known)."""
        known = self._gender(person_id)
        g = fold_gender(known, seen)
        if g != known:
            self.connection.execute("UPDATE people SET gender = ?, gender_evidence = ?, gender_conflict = ? WHERE id = ?", (*g, person_id))
            if self._genders is not None:
                self._genders[person_id] = g

    def _alias(self, person_id: int, alias: str, reason: str | None) -> None:
        self.connection.execute(
            "INSERT INTO aliases (person_id, alias, reason) VALUES (?, ?, ?)"
            " ON CONFLICT (person_id, alias) DO UPDATE SET reason = COALESCE(aliases.reason, excluded.reason)",
            (person_id, alias, reason))

    def _merged_by_hand(self, name: str) -> int | None:
        """The person a correction joined ``name`` to, if it is stored."""
        if self._corrected is False:
            return None
        row = self.connection.execute(
            "SELECT p.id FROM corrections c JOIN people p ON p.name = c.person WHERE c.action = 'merge' AND c.name = ?"
            " ORDER BY c.id DESC LIMIT 1", (name,)).fetchone()
        return row[0] if row else None

    def _split(self, name: str) -> bool:
        """Whether a correction keeps ``name`` a person of its own."""
        if self._corrected is False:
            return False
        return self.connection.execute("SELECT 1 FROM corrections WHERE action = 'split' AND name = ?", (name,)).fetchone() is not None

    def _variant_of(self, name: str, here: Iterable[str] = ()) -> tuple[int, str] | None:
        """The one stored person ``name`` is a variant of, and why; None when none is, when
        several could be ("John Roe" beside "John A. Roe" and "John B. Roe") and the article
        (``here``) names none or several of them, or when a correction keeps the name apart.
        A person is a candidate only when the name fits every full name the record is known by
        ("Rafael Cruz" is not the record of "Ted Cruz" and "Rafael Edward Cruz")."""
        if self._split(name):
            return None
        rows = self._ending_in(_last_word(name), "PERSON")
        found = {}
        for pid, other in rows:
            if other.endswith(" " + _last_word(name)) and (reason := variant_reason(name, other)) is not None:
                forms = [a for (a,) in self.connection.execute(
                    "SELECT alias FROM aliases WHERE person_id = ? AND reason IS NOT NULL AND reason NOT IN ('surname', 'by hand')",
                    (pid,))]
                if fits_all(name, [other, *forms]):
                    found[pid] = (reason, {other, *forms})
        return one_candidate(found, here)

    def _short_name_of(self, word: str, here: Iterable[str], orgs: Iterable[str], where: Callable[[], str] | None = None) -> int | None:
        """The stored organisation a bare word stands for in this article (``people.short_name_of``,
        or ``people.own_outlet`` for the article's own outlet, ``where()``, asked for only when a stored
        organisation's name ends in the word), unless a correction keeps the word apart or joins it to
        someone by hand."""
        org = short_name_of(word, orgs, here)
        if org is None and where is not None and " " not in word:
            stored = [n for _, n in self._ending_in(word, "ORG")]  # own_outlet checks the ending
            if stored and (home := where()):  # with none stored, own_outlet finds none
                org = own_outlet(word, home, stored, orgs, here)
        if org is None or self._split(word) or self._merged_by_hand(word) is not None:
            return None
        return self._stored(org)

    def _national_of(self, name: str) -> int | None:
        """The one stored organisation that is ``name`` with or without the home country
        (``people.org_variant_forms``), unless a correction keeps the name apart."""
        forms = org_variant_forms(name)
        if not forms or self._split(name):
            return None
        found = {pid for form in forms if (pid := self._named(form)) is not None and self._kind(pid) == "ORG"}
        return found.pop() if len(found) == 1 else None

    def _kind(self, person_id: int) -> str | None:
        row = self.connection.execute("SELECT kind FROM people WHERE id = ?", (person_id,)).fetchone()
        return row[0] if row else None

    def _surname_of(self, surname: str, here: Iterable[str]) -> int | None:
        """The stored person a bare surname stands for (see ``_person``), if one is."""
        in_article = {n for n in here if n.endswith(" " + surname)}
        if len(in_article) == 1 and (found := self._stored(next(iter(in_article)))) is not None:
            return found
        if (known := known_full_name(surname)) is not None and (found := self._stored(known, person=True)) is not None:
            return found
        return self._full_name_of(surname)

    def _stored(self, name: str, person: bool = False) -> int | None:
        """The person stored under ``name`` (any case, the exact spelling first) or joined to it
        as a variant; only a person (not an organisation) when ``person``."""
        if (found := self._named(name, person)) is not None:
            return found
        kind = " AND p.kind = 'PERSON'" if person else ""
        row = self.connection.execute(
            "SELECT a.person_id FROM aliases a JOIN people p ON p.id = a.person_id WHERE a.alias = ? COLLATE NOCASE AND a.alias = ?"
            f" AND a.reason IS NOT NULL{kind} ORDER BY a.person_id LIMIT 1", (name, name)).fetchone()
        return row[0] if row else None

    def _named(self, name: str, person: bool = False) -> int | None:
        """The person stored under ``name`` in any capitals or accents (``people.same_name_key``:
        "Felipe Calderón" is "Felipe Calderon"), the exact spelling first, then the first stored
        (only a person, not an organisation, when ``person``). A name of ASCII letters only is
        compared by NOCASE (indexed); the few with other letters by their key (``_accented_names``)."""
        key = same_name_key(name)
        found = {pid: (other, kind) for pid, other, kind in
                 self.connection.execute("SELECT id, name, kind FROM people WHERE name = ? COLLATE NOCASE", (key,))}
        found.update(self._accented_names().get(key, {}))
        ids = [pid for pid, (_, kind) in found.items() if not person or kind == "PERSON"]
        return min(ids, key=lambda pid: (found[pid][0] != name, pid)) if ids else None

    def _accented_names(self) -> dict[str, dict[int, tuple[str, str | None]]]:
        """The people whose name has a letter beyond ASCII, by ``same_name_key``: {key: {id: (name, kind)}}."""
        if self._accented is None:
            self._accented = {}
            for pid, other, kind in self.connection.execute("SELECT id, name, kind FROM people WHERE name GLOB '*[^ -~]*'"):
                self._accented.setdefault(same_name_key(other), {})[pid] = (other, kind)
        return self._accented

    def _note_person(self, person_id: int, name: str, kind: str | None) -> None:
        """Keep ``_accented_names`` in step with a person just stored."""
        if self._accented is not None and any(not " " <= c <= "~" for c in name):  # GLOB '*[^ -~]*'
            self._accented.setdefault(same_name_key(name), {})[person_id] = (name, kind)

    def _forget_people(self) -> None:
        """Drop what the store holds in memory about people (rolled back, or changed by another connection)."""
        self._people.clear()
        self._accented = None

    def _ending_in(self, word: str, kind: str) -> list[tuple[int, str]]:
        """(id, name) of the people of ``kind`` whose name ends with a space and ``word`` in any
        capitals (SQLite's ``LIKE '% word'``), in id order (``_people_ending_in``); within a batch
        asked once until a person is stored or folded away (a surname is looked up again and again)."""
        if self._endings is None:
            return self._people_ending_in(word, kind)
        if (word, kind) not in self._endings:
            self._endings[word, kind] = self._people_ending_in(word, kind)
        return list(self._endings[word, kind])

    def _people_ending_in(self, word: str, kind: str) -> list[tuple[int, str]]:
        """``_ending_in`` asked of SQLite: through the index of last words, unless ``word`` holds a
        character ``LIKE`` reads as a wildcard."""
        if "%" in word or "_" in word:
            return self.connection.execute("SELECT id, name FROM people WHERE kind = ? AND name LIKE '% ' || ? ORDER BY id",
                                           (kind, word)).fetchall()
        return self.connection.execute(f"SELECT id, name FROM people WHERE {_LAST_WORD} = ? COLLATE NOCASE AND kind = ?"
                                       " AND name LIKE '% ' || ? ORDER BY id", (word, kind, word)).fetchall()

    def _full_name_of(self, surname: str) -> int | None:
        """The one person stored with a full name ending in ``surname``, if exactly one is."""
        rows = self._ending_in(surname, "PERSON")
        return rows[0][0] if len(rows) == 1 else None

    def _absorb_surname(self, person_id: int, name: str) -> None:
        """Fold a person stored under the bare surname of ``name`` into it, when only this full
        name ends with that surname: "Biden" quoted before "Joe Biden" is one person."""
        conn = self.connection
        surname = _last_word(name)
        if self._split(surname) or self._full_name_of(surname) != person_id:
            return
        row = conn.execute("SELECT id FROM people WHERE name = ? AND kind = 'PERSON'", (surname,)).fetchone()
        if row is None:
            return
        self._fold_into(row[0], person_id, name)
        self._alias(person_id, surname, "surname")
        self._people.pop(surname, None)

    def _fold_into(self, old: int, person_id: int, name: str) -> None:
        """Move everything the person ``old`` holds (occurrences, quotes, the LSH of their
        renderings, aliases, gender evidence) to the person ``person_id`` called ``name``, and
        delete ``old``."""
        conn = self.connection
        self._fold_gender(person_id, self._gender(old))
        conn.execute("UPDATE occurrences SET speaker_id = ? WHERE speaker_id = ?", (person_id, old))
        self._give_quotes([r[0] for r in conn.execute("SELECT id FROM quotes WHERE speaker_id = ? ORDER BY id", (old,))],
                          person_id, name)
        _move_buckets(conn, old, person_id)
        self._refile(old, person_id)
        conn.execute("UPDATE OR IGNORE aliases SET person_id = ? WHERE person_id = ?", (person_id, old))
        conn.execute("DELETE FROM aliases WHERE person_id = ?", (old,))
        conn.execute("DELETE FROM people WHERE id = ?", (old,))
        self._new_person_row(old)
        for same in (self._accented or {}).values():
            same.pop(old, None)

    def _quote(self, q: Quote, norm: str, speaker_id: int | None, said_date: str | None, printed: str | None = None,
               article: int | None = None) -> tuple[int, int, int]:
        """The id of the stored quote ``q`` (its text normalised: ``norm``) is a rendering of, 1 if it had
        to be created, and the id of its rendering (first printed on ``printed``, the article's date;
        ``article``: its id).

        A quote is one quotation of one speaker: renderings with the same normalised text are one
        quote when the same person said them, and two when two people did ("No comment"), so that
        different quotations are never joined because they share a formula. A truncation of at
        least ``PREFIX_WORDS`` words merges with the longer rendering by the same speaker, and the
        quote keeps its longest text; a rendering with words changed joins the earliest quote of
        the same speaker one of whose renderings has near-identical words
        (``saidwhen.variants.same_quotation``, candidates from the LSH of ``rendering_buckets``).

        A rendering attributed to nobody (``speaker_id`` None) joins the quote of the one speaker
        who has said that text so far, if exactly one has; when none has, it goes to the text's
        unattributed quote, which the first speaker to say the text later adopts; when two or
        more have, it stays in the unattributed quote, since nothing tells whose words it
        printed. So the text alone never joins two people's quotations, and an unattributed
        re-print of one person's words is not split from them. The same holds for its variants:
        a new text attributed to nobody that renders quotations already stored (cut short, words
        left out or changed, as above, found through the LSH of every speaker) joins the earliest
        of them when they are all one speaker's, and stays apart when they are two people's; and a
        speaker's text that renders an unattributed one (found through the LSH of unattributed
        renderings, under ``NOBODY``) joins its quote when that is theirs already, or takes it over
        when it is still unattributed and its text said by nobody, as the first speaker to say its
        text word for word would; when the text renders one of their own quotes too, the two are
        one quotation and are merged.
        """
        conn = self.connection
        seen = self._seen(norm)  # most texts are new: their lookups by text would find nothing
        if speaker_id is None:
            row = self._unattributed_quote(norm) if seen else None
            if row is None and not (seen and self._speakers_of(norm)):
                row = self._rendered_by_one(norm, is_fragment(q.text))
        else:
            row = self._said_by(norm, speaker_id) if seen else None
            if row is None and seen:
                row = self._adopted_quote(norm)
        if row is None and speaker_id is not None and (prefix := _prefix_key(norm)):
            partial = bool(_TRUNCATED.search(q.text))
            for cid, cnorm, cspeaker, cfirst in conn.execute(
                "SELECT id, norm_text, speaker_id, first_seen FROM quotes WHERE speaker_id = ? AND norm_prefix = ? ORDER BY id",
                (speaker_id, prefix),
            ).fetchall():
                if _is_truncation(norm, cnorm, partial):
                    row = (cid, cspeaker, cfirst)
                    break
                if _is_truncation(cnorm, norm, False):
                    # The stored rendering was the truncated one: the quote takes the fuller text, and
                    # the fuller text may render other quotes of the speaker (``_extended_quote``).
                    conn.execute("UPDATE quotes SET text = ?, norm_text = ? WHERE id = ?", (q.text, norm, cid))
                    self._saw(norm)
                    row = self._extended_quote(cid, norm, speaker_id, is_fragment(q.text), q.text)
                    break
        if row is None and speaker_id is not None:
            cut = is_fragment(q.text)
            row = self._rendered_quote(norm, speaker_id, cut, article, q.text) or self._taken_over(norm, speaker_id, cut, article)
        if row is None:
            quote_id = conn.execute(
                "INSERT INTO quotes (text, norm_text, norm_prefix, speaker_id, speaker, first_seen) VALUES (?, ?, ?, ?, ?, ?)",
                (q.text, norm, _prefix_key(norm), speaker_id, q.speaker, said_date),
            ).lastrowid
            self._saw(norm)
            return quote_id, 1, self._rendering(quote_id, q.text, norm, speaker_id, printed, new=True)
        quote_id, old_speaker, first_seen = row
        if old_speaker is None and speaker_id is not None:
            conn.execute("UPDATE quotes SET speaker_id = ?, speaker = ? WHERE id = ?", (speaker_id, q.speaker, quote_id))
        if said_date and (first_seen is None or said_date < first_seen):
            conn.execute("UPDATE quotes SET first_seen = ? WHERE id = ?", (said_date, quote_id))
        return quote_id, 0, self._rendering(quote_id, q.text, norm, speaker_id, printed, quoted=q.kind in QUOTED_KINDS)

    def _seen(self, norm: str) -> bool:
        """Whether a stored quote or rendering has the normalised text ``norm``: if none has, the
        lookups by text (``_said_by``, ``_speakers_of``, ``_unattributed_quote``, ``_adopted_quote``)
        find nothing. In a batch, from what it read when it began and what it has stored since
        (``_norms``; a text whose rows a merge deleted stays in it, and its lookups then find nothing,
        as they would have without it)."""
        if self._norms is not None:
            return norm in self._norms
        return bool(self.connection.execute(
            "SELECT EXISTS (SELECT 1 FROM renderings WHERE norm_text = ?) OR EXISTS (SELECT 1 FROM quotes WHERE norm_text = ?)",
            (norm, norm)).fetchone()[0])

    def _saw(self, norm: str) -> None:
        """Keep ``_seen`` in step with a quote or rendering just stored with the normalised text ``norm``."""
        if self._norms is not None:
            self._norms.add(norm)

    def _stored_norms(self, norms: set[str]) -> set[str]:
        """Those of ``norms`` that a stored quote or rendering has (``_seen``), read in a few statements."""
        found: set[str] = set()
        wanted = sorted(norms)
        for at in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[at:at + _LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(n for (n,) in self.connection.execute(
                f"SELECT norm_text FROM renderings WHERE norm_text IN ({marks}) UNION SELECT norm_text FROM quotes"
                f" WHERE norm_text IN ({marks})", chunk + chunk))
        return found

    def _stored_articles(self, batch: list[_Prepared]) -> "_StoredArticles":
        """What the store holds of the URLs and text hashes of the batch's articles (``_StoredArticles``),
        read in a few statements."""
        stored = _StoredArticles()
        for column, values in (("url", {p.article.url for p in batch if p.article.url is not None}),
                               ("text_hash", {p.text_hash for p in batch})):
            wanted = sorted(values)
            for at in range(0, len(wanted), _LOOKUP_CHUNK):
                chunk = wanted[at:at + _LOOKUP_CHUNK]
                for url, text_hash in self.connection.execute(
                        f"SELECT url, text_hash FROM articles WHERE {column} IN ({','.join('?' * len(chunk))})", chunk):
                    stored.add(url, text_hash)
        return stored

    def _said_by(self, norm: str, speaker_id: int) -> tuple | None:
        """(id, speaker_id, first_seen) of the quote of ``speaker_id`` whose text, or one of whose
        renderings, normalises to ``norm``; None if there is none."""
        conn = self.connection
        row = conn.execute("SELECT id, speaker_id, first_seen FROM quotes WHERE norm_text = ? AND speaker_id = ?",
                           (norm, speaker_id)).fetchone()
        if row is None:
            row = conn.execute(
                "SELECT q.id, q.speaker_id, q.first_seen FROM renderings r JOIN quotes q ON q.id = r.quote_id"
                " WHERE r.norm_text = ? AND q.speaker_id = ? ORDER BY q.id LIMIT 1", (norm, speaker_id)).fetchone()
        return row

    def _speakers_of(self, norm: str) -> list[int]:
        """The people who have a quote with a rendering (or text) that normalises to ``norm``."""
        return [r[0] for r in self.connection.execute(
            "SELECT q.speaker_id FROM renderings r JOIN quotes q ON q.id = r.quote_id WHERE r.norm_text = ?"
            " AND q.speaker_id IS NOT NULL UNION SELECT speaker_id FROM quotes WHERE norm_text = ? AND speaker_id IS NOT NULL",
            (norm, norm))]

    def _unattributed_quote(self, norm: str) -> tuple | None:
        """The quote a rendering said by nobody named joins (see ``_quote``): the one speaker's
        with this text, else the text's unattributed quote; None if neither is stored."""
        speakers = self._speakers_of(norm)
        if len(speakers) == 1:
            return self._said_by(norm, speakers[0])
        return self.connection.execute(
            "SELECT id, speaker_id, first_seen FROM quotes WHERE norm_text = ? AND speaker_id IS NULL", (norm,)).fetchone()

    def _adopted_quote(self, norm: str) -> tuple | None:
        """The unattributed quote of ``norm`` that a speaker saying it takes over, when nobody has
        said it yet (see ``_quote``); None otherwise."""
        if self._speakers_of(norm):
            return None
        return self.connection.execute(
            "SELECT id, speaker_id, first_seen FROM quotes WHERE norm_text = ? AND speaker_id IS NULL", (norm,)).fetchone()

    def _rendered_quote(self, norm: str, speaker_id: int, cut: bool = False, article: int | None = None,
                        text: str = "") -> tuple | None:
        """(id, speaker_id, first_seen) of the earliest quote of ``speaker_id`` with a rendering
        whose words are near-identical to ``norm``'s, found through the LSH; None if none is. When
        ``norm`` renders several of the speaker's quotes (a statement printed whole, whose pieces
        were printed apart), they are one quotation: the others are merged into the earliest.

        A piece of a long quotation, whether it shows it is one (``cut``, ``variants.is_fragment``) or
        not (a part from the middle of a sentence printed with a capital and no ellipsis), or a short
        sentence that may be the first of a statement's (``variants.sentence_of``), shares too few words
        with it for the LSH to meet it: when the LSH finds nothing, the speaker's renderings that contain
        its words are the candidates (``variants.looked_for_inside``), as a longer text printed with no
        speaker is looked inside (``_takeable``). The speaker's renderings that
        ``norm`` contains (pieces printed before the fuller text), found by their head keys
        (``variants.contained_keys``), are candidates too, whatever the others found. ``text``: ``norm``
        as printed, looked up as each of its readings too when it has an editor's bracket
        (``variants.readings``).

        A sentence that two different statements of the speaker print renders both and says nothing of
        which: printed alone (as they print it or with words changed), it joins the earliest quotation
        it renders and merges none (``variants.piece_of_two``); and a statement meets a shorter
        rendering of whole sentences of its own only when no other statement printed before has those
        sentences too (``variants.bridges``)."""
        matched, pieces = self._own_rendered(norm, speaker_id, cut, text)
        if not matched:
            return None
        matched += self._takeable(norm, speaker_id, cut, article)
        kept = min(matched)
        if not piece_of_two(len(pieces)):  # a sentence two statements print joins the earliest, merging none
            for gone in sorted(set(matched) - {kept}, reverse=True):
                self._merge_quotes(gone, kept)  # a rendering of two quotations of one speaker: they are one
        return self.connection.execute("SELECT id, speaker_id, first_seen FROM quotes WHERE id = ?", (kept,)).fetchone()

    def _extended_quote(self, quote_id: int, norm: str, speaker_id: int, cut: bool = False, text: str = "") -> tuple:
        """(id, speaker_id, first_seen) of the quote that a text extending quote ``quote_id`` (its
        fuller text, ``norm``, see ``_quote``) belongs to: the earliest of it and the speaker's other
        quotes that the fuller text renders (``_own_rendered``), which are one quotation with it and
        are merged into the earliest. A piece of a statement, printed later with a sentence said
        before it, renders the statement; so does the quote it extends."""
        own, pieces = self._own_rendered(norm, speaker_id, cut, text)
        matched = sorted(set(own) | {quote_id})
        if piece_of_two(len(pieces)):  # a sentence of two statements: it tells nothing of which (``_rendered_quote``)
            matched = [quote_id]
        for gone in reversed(matched[1:]):
            self._merge_quotes(gone, matched[0])
        return self.connection.execute("SELECT id, speaker_id, first_seen FROM quotes WHERE id = ?", (matched[0],)).fetchone()

    def _own_rendered(self, norm: str, speaker_id: int, cut: bool = False, text: str = "") -> tuple[list[int], set[int]]:
        """The quotes (ids) of ``speaker_id`` with a rendering stored before that ``norm`` renders, and
        those of them with such a rendering, longer, of which ``norm`` renders whole sentences
        (``variants.whole_sentences``),
        found as ``_rendered_quote`` says, ``norm`` looked up as each of the ``readings`` of ``text``
        too (its editor's brackets read as the words they may replace), and a candidate compared as
        each of its own (``variants.same_quotation_read``). A rendering printed with a bracket is
        filed under its readings' keys as well (``variants.reading_keys``), so a piece of the
        speaker's words it replaced finds it by its run key though its own words hold the bracket's."""
        filed = self._filed_under(speaker_id)
        if filed is not None and not filed:
            return [], set()  # the speaker has no rendering yet: every lookup below would find nothing
        forms = (norm, *readings(text))
        buckets = list(dict.fromkeys(b for form in forms for b in rendering_buckets(form)))
        lookups = [(buckets, None)]
        if looked_for_inside(norm):  # the speaker's renderings that contain it hold its run key
            padded = [f" {form} " for form in forms]
            lookups.append((sorted({run_key(form) for form in forms}),
                            lambda other, printed: "[" in printed or any(p in f" {other} " for p in padded)))
        matched: list[int] = []
        pieces: set[int] = set()
        for keys, keep in lookups:
            matched = self._matching(self._candidates(speaker_id, keys, keep), norm, cut, text, speaker_id, pieces) \
                if self._may_be_filed(speaker_id, keys) else []
            if matched:
                break
        heads = sorted({k for form in forms for k in contained_keys(form)}) if norm.count(" ") >= MIN_WORDS else []
        if heads and self._may_be_filed(speaker_id, heads):
            longer = [(len(form), f" {form} ") for form in forms]
            inside = lambda other, printed: any(len(other) < n and f" {other} " in p for n, p in longer)  # noqa: E731
            matched += self._matching(self._candidates(speaker_id, heads, inside), norm, cut, text, speaker_id, pieces)
        return matched, pieces

    def _candidates(self, speaker_id: int, keys: list[int], keep=None) -> list[tuple[int, str, str]]:
        """(quote_id, norm_text, text) of each rendering of ``speaker_id`` filed under one of ``keys``
        (``keep``: only those for which ``keep(norm_text, text)`` holds), by quote, then as stored.
        Read from the batch's memory of the speaker's entries and renderings when it holds them
        (``_filed_under``, ``_rendering_rows``): a lookup in SQLite of a few dozen keys costs about
        30 µs however few entries it finds."""
        filed = self._filed_under(speaker_id)
        if filed is not None:
            ids = set()
            for key in keys:
                _add_filed(ids, filed.get(key))
        else:
            ids = {rid for (rid,) in self.connection.execute(
                f"SELECT rendering_id FROM rendering_buckets WHERE speaker_id = ? AND bucket IN ({','.join('?' * len(keys))})",
                (speaker_id, *keys))}
        rows = self._rendering_rows(ids)
        return [rows[rid] for rid in sorted(ids, key=lambda rid: (rows[rid][0], rid)) if keep is None or keep(*rows[rid][1:])]

    def _rendering_rows(self, ids: set[int]) -> dict[int, tuple[int, str, str]]:
        """(quote_id, norm_text, text) of the renderings ``ids``, from what the batch has stored or read
        of them (``_rendered``, kept in step by ``_rendering`` and ``_merge_quotes``), the others read."""
        known = self._rendered if self._rendered is not None else {}
        missing = sorted(rid for rid in ids if rid not in known)
        for at in range(0, len(missing), _LOOKUP_CHUNK):
            chunk = missing[at:at + _LOOKUP_CHUNK]
            for rid, *row in self.connection.execute(
                    f"SELECT id, quote_id, norm_text, text FROM renderings WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                known[rid] = tuple(row)
        return known

    def _matching(self, candidates: list[tuple[int, str, str]], norm: str, cut: bool, printed: str, speaker_id: int,
                  pieces: set) -> list[int]:
        """The quotes (ids) of the ``candidates`` (``_candidates``) which ``norm`` (printed as
        ``printed``) renders, read as ``variants.same_quotation_read`` reads them; a shorter rendering
        counts unless it bridges to another statement of the speaker's (``variants.bridges``). Adds to
        ``pieces`` the quotes with a longer rendering of which ``norm`` renders whole sentences
        (``variants.whole_sentences``)."""
        matched: list[int] = []
        for quote_id, other, text in candidates:
            if quote_id in matched and (len(norm) >= len(other) or quote_id in pieces):
                continue  # nothing more to learn of it
            if not same_quotation_read(norm, other, cut, is_fragment(text), printed, text):
                continue
            if len(other) < len(norm) and bridges(norm, cut, printed, other, self._holding(other, speaker_id)):
                continue
            if quote_id not in matched:
                matched.append(quote_id)
            if len(norm) < len(other) and whole_sentences(norm, text):
                pieces.add(quote_id)
        return matched

    def _holding(self, piece: str, speaker_id: int) -> Iterator[tuple[str, bool, str]]:
        """(norm, cut, text) of the longer renderings of ``speaker_id`` stored so far that share a run of
        words with ``piece`` (filed under one of its ``variants.run_keys``), the candidates to print it;
        looked up when first asked for (``variants.bridges`` asks only when the piece is a whole sentence)."""
        keys = run_keys(piece)
        if not self._may_be_filed(speaker_id, keys):
            return
        yield from [(other, is_fragment(text), text) for other, text in self.connection.execute(
            "SELECT DISTINCT r.norm_text, r.text FROM rendering_buckets b JOIN renderings r ON r.id = b.rendering_id"
            f" WHERE b.speaker_id = ? AND b.bucket IN ({','.join('?' * len(keys))}) AND length(r.norm_text) > ? ORDER BY r.id",
            (speaker_id, *keys, len(piece)))]

    def _filed_under(self, speaker_id: int) -> dict[int, int | list[int]] | None:
        """The entries of the renderings of ``speaker_id`` (``NOBODY``: those printed with no speaker) in
        ``rendering_buckets``: the renderings filed under each key (an id, or a list of several: ``_file``); None when not known (outside
        a batch, or too many to keep: see ``FILED_KEPT``).

        Most lookups of a speaker's text among their renderings find nothing: held in memory for the
        batch, read once per speaker and kept in step as renderings are filed (``_rendering``), moved
        (``_refile``) or deleted (``_unfile``), these entries tell which lookups would find nothing
        without asking SQLite (``_may_be_filed``), and answer the others (``_candidates``)."""
        if self._filed is None:
            return None
        if speaker_id not in self._filed:
            limit = min(FILED_KEPT, FILED_TOTAL - self._filed_total)
            rows = self.connection.execute("SELECT bucket, rendering_id FROM rendering_buckets WHERE speaker_id = ? LIMIT ?",
                                           (speaker_id, limit + 1)).fetchall() if limit > 0 else None
            filed = None
            if rows is not None and len(rows) <= limit:
                filed = {}
                for key, rid in rows:
                    _file(filed, key, rid)
            self._filed[speaker_id] = filed
            self._filed_total += len(rows or ())
        return self._filed[speaker_id]

    def _may_be_filed(self, speaker_id: int, keys: Iterable[int], least: int = 1) -> bool:
        """Whether some rendering of ``speaker_id`` may be filed under ``least`` of ``keys``: False only
        when the speaker's entries are known (``_filed_under``) and hold fewer of them, so that a lookup
        of those keys would find nothing."""
        filed = self._filed_under(speaker_id)
        return filed is None or len(filed.keys() & keys) >= least

    def _refile(self, *speaker_ids: int) -> None:
        """Forget what the batch knows of the entries of people whose entries moved (``_move_buckets``)."""
        if self._filed is not None:
            for speaker_id in speaker_ids:
                self._filed.pop(speaker_id, None)

    def _unfile(self, rendering_id: int) -> None:
        """Forget what the batch knows of a rendering deleted with its entries (``_merge_quotes``): its row,
        and every speaker's entries (read again when next asked for; a deletion is rare, and SQLite may
        give the id to the next rendering stored)."""
        if self._filed is not None:
            self._filed.clear()
            self._filed_total = 0
            self._rendered.pop(rendering_id, None)

    def _taken_over(self, norm: str, speaker_id: int, cut: bool = False, article: int | None = None) -> tuple | None:
        """(id, speaker_id, first_seen) of the earliest quote with a rendering printed with no
        speaker whose words are near-identical to ``norm``'s, when the quote is ``speaker_id``'s
        already or may be taken over by them (``_takeable``), one that a direct or partial quote
        prints before one only reported (``_quotes_words``); None otherwise."""
        found = self._takeable(norm, speaker_id, cut, article, first=True)
        return self.connection.execute("SELECT id, speaker_id, first_seen FROM quotes WHERE id = ?", found).fetchone() if found else None

    def _takeable(self, norm: str, speaker_id: int, cut: bool = False, article: int | None = None, first: bool = False) -> list[int]:
        """The quotes (ids, earliest first; only the earliest if ``first``) with a rendering printed
        with no speaker whose words are near-identical to ``norm``'s, that are ``speaker_id``'s
        already or may be taken over by them (still unattributed, their text said by nobody).
        Candidates share ``NOBODY_BANDS`` LSH bands with ``norm``, or contain its words when it has
        enough of them (``variants.found_by_head``), found by its head key
        (``variants.head_key``) among their runs of words, when first printed in another article than
        ``article`` (in one article, a clause around a speaker's words is no re-print of them). A text of the speaker's that renders one
        of their quotes and such an unattributed one joins the two (``_rendered_quote``): the
        unattributed one printed their words too. With ``first``, the earliest that a direct or partial
        quote prints (``_quotes_words``) comes before the earlier ones only reported."""
        conn = self.connection
        buckets = rendering_buckets(norm)
        marks = ",".join("?" * len(buckets))
        query = ("SELECT r.quote_id, r.id, r.norm_text, r.text FROM renderings r WHERE r.id IN (SELECT rendering_id FROM rendering_buckets"
                 f" WHERE speaker_id = {NOBODY} AND bucket IN ({marks}) GROUP BY rendering_id HAVING count(*) >= {NOBODY_BANDS})")
        args = [*buckets]
        head = head_key(norm) if found_by_head(norm, cut) else None
        if not (self._may_be_filed(NOBODY, buckets, NOBODY_BANDS) or head is not None and self._may_be_filed(NOBODY, (head,))):
            return []  # no rendering printed with no speaker is filed under enough of its keys
        if head is not None:
            query += (" UNION SELECT r.quote_id, r.id, r.norm_text, r.text FROM rendering_buckets b"
                      f" JOIN renderings r ON r.id = b.rendering_id WHERE b.speaker_id = {NOBODY} AND b.bucket = ?"
                      " AND length(r.norm_text) > ? AND instr(' ' || r.norm_text || ' ', ?)"
                      " AND (SELECT min(o.article_id) FROM occurrences o WHERE o.rendering_id = r.id) IS NOT ?")
            args += [head, len(norm), f" {norm} ", article]
        found: list[int] = []
        for quote_id, _, other, text in conn.execute(query + " ORDER BY 1, 2", args).fetchall():
            if quote_id not in found and same_quotation(norm, other, cut, is_fragment(text)):
                row = conn.execute("SELECT speaker_id, norm_text FROM quotes WHERE id = ?", (quote_id,)).fetchone()
                if row[0] == speaker_id or (row[0] is None and not self._speakers_of(row[1])):
                    found.append(quote_id)
                    if first and self._quotes_words(quote_id):
                        return [quote_id]
        return found[:1] if first else found

    def _quotes_words(self, quote_id: int) -> bool:
        """Whether a direct or partial quote prints a rendering of the quote: it holds the speaker's
        words, not only a reporter's clause around them. A speaker's text that renders both a clause
        printed with no speaker ('the doctor said he "will be the healthiest …"', a mixed quotation)
        and the quoted fragment inside it (two unattributed quotes of one article) takes over the
        fragment, the words it re-prints (``_takeable``)."""
        marks = ",".join("?" * len(QUOTED_KINDS))
        return self.connection.execute(f"SELECT 1 FROM occurrences WHERE quote_id = ? AND kind IN ({marks}) LIMIT 1",
                                       (quote_id, *QUOTED_KINDS)).fetchone() is not None

    def _rendered_by_one(self, norm: str, cut: bool = False) -> tuple | None:
        """(id, speaker_id, first_seen) of the earliest quote with a rendering whose words are
        near-identical to ``norm``'s (``_rendered_quote``, over every speaker's renderings), when
        all the quotes that have one are one speaker's; None otherwise (see ``_quote``)."""
        conn = self.connection
        buckets = rendering_buckets(norm)
        marks = ",".join("?" * len(buckets))
        found: dict[int, int] = {}  # speaker -> the earliest of their quotes it renders
        for quote_id, speaker_id, other, text in conn.execute(
            "SELECT DISTINCT r.quote_id, q.speaker_id, r.norm_text, r.text FROM rendering_buckets b"
            " JOIN renderings r ON r.id = b.rendering_id JOIN quotes q ON q.id = r.quote_id"
            f" WHERE b.bucket IN ({marks}) AND bucket % 2 = 0 AND b.speaker_id != {NOBODY} AND q.speaker_id IS NOT NULL"  # the LSH index's term
            " ORDER BY r.quote_id, r.id", buckets,
        ).fetchall():
            if speaker_id not in found and same_quotation(norm, other, cut, is_fragment(text)):
                found[speaker_id] = quote_id
                if len(found) > 1:
                    return None  # two people's: nothing tells whose words it printed
        if len(found) != 1:
            return None
        return conn.execute("SELECT id, speaker_id, first_seen FROM quotes WHERE id = ?", (next(iter(found.values())),)).fetchone()

    def _rendering(self, quote_id: int, text: str, norm: str, speaker_id: int | None, printed: str | None,
                   classify: bool = True, quoted: bool = False, new: bool = False) -> int:
        """The id of the rendering ``text`` of the quote, created on first sight (with its LSH
        buckets under the speaker who said it, ``NOBODY`` if none); the quote's renderings are
        classified again when it is new, printed earlier than known, or quoted (``quoted``: a
        direct or partial quote prints it) where it was only reported before. ``new``: the quote
        was just created, and this rendering, its only one, is stored as its original, as
        classifying it would find."""
        conn = self.connection
        row = None if new else conn.execute("SELECT id, first_seen FROM renderings WHERE quote_id = ? AND text = ?",
                                            (quote_id, text)).fetchone()
        if row is None:
            rid = conn.execute("INSERT INTO renderings (quote_id, text, norm_text, change, diff, first_seen) VALUES (?, ?, ?, ?, ?, ?)",
                               (quote_id, text, norm, *(("original", text) if new else (None, None)), printed)).lastrowid
            self._saw(norm)
            filer = NOBODY if speaker_id is None else speaker_id
            keys = rendering_keys(norm, speaker_id is None) + ([] if speaker_id is None else reading_keys(text))
            conn.executemany("INSERT OR IGNORE INTO rendering_buckets (speaker_id, bucket, rendering_id) VALUES (?, ?, ?)",
                             [(filer, b, rid) for b in keys])
            if self._filed is not None:
                self._rendered[rid] = (quote_id, norm, text)
                if (filed := self._filed.get(filer)) is not None:
                    for key in dict.fromkeys(keys):  # a key given twice is one entry (INSERT OR IGNORE)
                        _file(filed, key, rid)
                    self._filed_total += len(keys)
            if new:
                return rid
        else:
            rid, first_seen = row
            if printed and (first_seen is None or printed < first_seen):
                conn.execute("UPDATE renderings SET first_seen = ? WHERE id = ?", (printed, rid))
            elif not quoted or self._quoted(rid):
                return rid
        if classify:
            self._classify(quote_id, rid if quoted else None)
        return rid

    def _quoted(self, rendering_id: int) -> bool:
        """Whether a direct or partial quote prints the rendering (else it is only reported)."""
        marks = ",".join("?" * len(QUOTED_KINDS))
        return self.connection.execute(f"SELECT 1 FROM occurrences WHERE rendering_id = ? AND kind IN ({marks}) LIMIT 1",
                                       (rendering_id, *QUOTED_KINDS)).fetchone() is not None

    def _classify(self, quote_id: int, quoted: int | None = None) -> None:
        """Classify each rendering of the quote against the one printed first
        (``variants.classify_all``); ``quoted``: a rendering quoted by an occurrence not stored yet.

        In a batch, a quote is classified once, at its end (``_unclassified``), however many of its
        renderings the batch adds: nothing reads a rendering's change while the batch is written, and
        what the batch leaves is what the last of those classifications would have (each change to a
        quote's renderings asks for one; ``quoted``, the last one's, is stored by then)."""
        if self._unclassified is not None:
            self._unclassified[quote_id] = quoted
            return
        conn = self.connection
        marks = ",".join("?" * len(QUOTED_KINDS))
        rows = conn.execute(
            "SELECT r.id, r.text, r.first_seen, r.id = ? OR EXISTS (SELECT 1 FROM occurrences o WHERE o.rendering_id = r.id"
            f" AND o.kind IN ({marks})), r.change, r.diff FROM renderings r WHERE r.quote_id = ?", (quoted, *QUOTED_KINDS, quote_id)).fetchall()
        stored = {r[0]: (r[4], r[5]) for r in rows}
        conn.executemany("UPDATE renderings SET change = ?, diff = ? WHERE id = ?",
                         [(change, diff, rid) for rid, (change, diff) in classify_all([r[:4] for r in rows]).items()
                          if stored[rid] != (change, diff)])  # a quote printed many ways is classified again often

    def _syndicate(self, article_id: int, signature: bytes, buckets: list[int]) -> bool:
        """Put the article in the cluster of a near-identical stored article, if any; True if so.
        ``signature``: its MinHash values as stored (``_signature``), compared with the stored ones
        as datasketch's ``MinHash.jaccard`` compares them (the share of values equal); ``buckets``: its
        LSH buckets (``_bands``). The candidates, the articles filed under one of its buckets, are read
        from the batch's memory (``_filed_articles``), and only their signatures from SQLite: most
        articles have none."""
        import numpy as np

        conn = self.connection
        filed = self._filed_articles
        ids = sorted({a for b in buckets for a in filed.get(b, ())})
        values = np.frombuffer(signature, "<u4")
        candidates = []
        if ids:
            for cid, blob in conn.execute(f"SELECT article_id, signature FROM article_minhashes WHERE article_id IN"
                                          f" ({','.join('?' * len(ids))}) ORDER BY article_id", ids):
                if np.count_nonzero(values == np.frombuffer(blob, "<u4")) / NUM_PERM >= SYNDICATION_THRESHOLD:
                    candidates.append(cid)
        conn.execute("INSERT INTO article_minhashes (article_id, signature) VALUES (?, ?)", (article_id, signature))
        conn.executemany("INSERT OR IGNORE INTO minhash_buckets (bucket, article_id) VALUES (?, ?)", [(b, article_id) for b in buckets])
        for b in buckets:
            filed.setdefault(b, []).append(article_id)
        if not candidates:
            return False
        marks = ",".join("?" * len(candidates))
        cluster = conn.execute(f"SELECT min(coalesce(minhash_cluster, id)) FROM articles WHERE id IN ({marks})", candidates).fetchone()[0]
        conn.execute(
            f"UPDATE articles SET minhash_cluster = ? WHERE id = ? OR (id IN ({marks}) AND minhash_cluster IS NULL)",
            (cluster, article_id, *candidates),
        )
        return True

    def _articles_under(self, buckets: set[int]) -> dict[int, list[int]]:
        """The stored articles filed under each of ``buckets`` in ``minhash_buckets`` (those under none left
        out), read in a few statements for a whole batch (``_syndicate``) where each article asked one."""
        found: dict[int, list[int]] = {}
        wanted = sorted(buckets)
        for at in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[at:at + _LOOKUP_CHUNK]
            for bucket, article_id in self.connection.execute(
                    f"SELECT bucket, article_id FROM minhash_buckets WHERE bucket IN ({','.join('?' * len(chunk))})", chunk):
                found.setdefault(bucket, []).append(article_id)
        return found

    # -- errors

    def _error(self, e: sqlite3.Error, doing: str, rolled_back: bool = False) -> StoreError:
        code = getattr(e, "sqlite_errorcode", 0) & 0xFF
        tail = "; that batch was rolled back and everything stored before it is kept" if rolled_back else ""
        if code in (5, 6) or "locked" in str(e):
            return StoreLockedError(
                f"{self.path}: database is locked by another connection (waited {self.timeout:g}s) while {doing}{tail}"
            )
        if code == 13 or "full" in str(e):
            return StoreFullError(f"{self.path}: database or disk is full while {doing}{tail}")
        return StoreError(f"{self.path}: {e} while {doing}{tail}")

    # -- reading (saidwhen.search does the work)

    def search(self, text: str, speaker: str | None = None, since=None, until=None, limit: int = 20, kinds=None):
        """Quotes matching the FTS5 query ``text``, best first (see ``saidwhen.search.search``)."""
        from .search import search

        return search(self, text, speaker=speaker, since=since, until=until, limit=limit, kinds=kinds)

    # -- corrections by hand

    def merge_people(self, name: str, into: str) -> tuple[str, str]:
        """Join the person (or joined name) ``name`` to the person ``into``, and record it so that
        re-indexing keeps the join. Returns (name, the person's canonical name)."""
        conn = self.connection
        self._ensure_schema()
        target = self._one_person(into)
        tname = conn.execute("SELECT name FROM people WHERE id = ?", (target,)).fetchone()[0]
        row = conn.execute("SELECT id FROM people WHERE name = ? COLLATE NOCASE", (name.strip(),)).fetchone()
        with self._transaction():
            if row is not None:  # a record of its own: everything it holds moves
                old = row[0]
                if old == target:
                    raise StoreError(f"{self.path}: {name!r} is already {tname!r}")
                name = conn.execute("SELECT name FROM people WHERE id = ?", (old,)).fetchone()[0]
                self._fold_into(old, target, tname)
            else:  # a name joined to someone else: the quotes the articles gave it move
                holders = [r[0] for r in conn.execute("SELECT person_id FROM aliases WHERE alias = ? COLLATE NOCASE", (name.strip(),))]
                if not holders:
                    raise NotFoundError(f"{self.path}: nobody called {name!r} (by name or alias) is stored")
                self._move_name(name.strip(), holders, target, tname)
                conn.execute(f"DELETE FROM aliases WHERE alias = ? COLLATE NOCASE AND person_id IN ({','.join('?' * len(holders))})",
                             (name.strip(), *holders))
            self._alias(target, name, "by hand")
            conn.execute("INSERT INTO corrections (action, name, person, made) VALUES ('merge', ?, ?, datetime('now'))", (name, tname))
        self._forget_people()
        return name, tname

    def split_person(self, name: str) -> tuple[str, str]:
        """Make a name that indexing joined to someone (a variant, a surname) a person of its own,
        with the quotes the articles gave it, and record it so that re-indexing keeps them
        apart. Returns (name, the person it was joined to)."""
        conn = self.connection
        self._ensure_schema()
        if conn.execute("SELECT 1 FROM people WHERE name = ? COLLATE NOCASE", (name.strip(),)).fetchone():
            raise StoreError(f"{self.path}: {name!r} is already a person of its own")
        holders = conn.execute(
            "SELECT a.person_id, a.alias, p.name, p.kind FROM aliases a JOIN people p ON p.id = a.person_id WHERE a.alias = ? COLLATE NOCASE",
            (name.strip(),)).fetchall()
        if not holders:
            raise NotFoundError(f"{self.path}: no person has {name!r} as a joined name")
        if len(holders) > 1:
            raise StoreError(f"{self.path}: {name!r} is a name of several people ({', '.join(h[2] for h in holders)}): merge by hand instead")
        pid, alias, pname, kind = holders[0]
        with self._transaction():
            new = conn.execute("INSERT INTO people (name, kind) VALUES (?, ?)", (alias, kind)).lastrowid
            self._note_person(new, alias, kind)
            self._move_name(alias, [pid], new, alias)
            conn.execute("DELETE FROM aliases WHERE person_id = ? AND alias = ?", (pid, alias))
            conn.execute("INSERT INTO corrections (action, name, person, made) VALUES ('split', ?, ?, datetime('now'))", (alias, pname))
        self._forget_people()
        return alias, pname

    @contextmanager
    def _transaction(self):
        """One write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), rolled back whole on any error."""
        conn = self.connection
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _move_name(self, name: str, holders: list[int], target: int, target_name: str) -> None:
        """Move the occurrences the articles attributed to ``name`` from ``holders`` to
        ``target``, and the quotes that then belong to it alone."""
        conn = self.connection
        marks = ",".join("?" * len(holders))
        conn.execute(f"UPDATE occurrences SET speaker_id = ? WHERE speaker_name = ? COLLATE NOCASE AND speaker_id IN ({marks})",
                     (target, name, *holders))
        moved = conn.execute(
            f"SELECT id FROM quotes WHERE speaker_id IN ({marks}) AND EXISTS"
            " (SELECT 1 FROM occurrences o WHERE o.quote_id = quotes.id AND o.speaker_id = ?) AND NOT EXISTS"
            f" (SELECT 1 FROM occurrences o WHERE o.quote_id = quotes.id AND o.speaker_id IN ({marks})) ORDER BY id",
            (*holders, target, *holders)).fetchall()
        self._give_quotes([r[0] for r in moved], target, target_name)

    def _give_quotes(self, quote_ids: list[int], person_id: int, name: str) -> None:
        """Make the person ``person_id`` called ``name`` the speaker of the quotes ``quote_ids``.
        A quote whose text that person already has a quote of is merged with it (one person
        saying one text is one quotation): the quote stored first stays."""
        conn = self.connection
        for quote_id in quote_ids:
            (norm,) = conn.execute("SELECT norm_text FROM quotes WHERE id = ?", (quote_id,)).fetchone()
            same = conn.execute("SELECT id FROM quotes WHERE norm_text = ? AND speaker_id = ? AND id != ?",
                                (norm, person_id, quote_id)).fetchone()
            if same is None:
                conn.execute("UPDATE quotes SET speaker_id = ?, speaker = ? WHERE id = ?", (person_id, name, quote_id))
            elif same[0] < quote_id:
                self._merge_quotes(quote_id, same[0])
            else:
                self._merge_quotes(same[0], quote_id)
                conn.execute("UPDATE quotes SET speaker_id = ?, speaker = ? WHERE id = ?", (person_id, name, quote_id))

    def _merge_quotes(self, gone: int, kept: int) -> None:
        """Move the occurrences and renderings of quote ``gone`` to quote ``kept`` (a rendering
        both have becomes one), delete ``gone``, and classify the renderings again."""
        conn = self.connection
        conn.execute("UPDATE occurrences SET quote_id = ? WHERE quote_id = ?", (kept, gone))
        for rid, text, first_seen in conn.execute("SELECT id, text, first_seen FROM renderings WHERE quote_id = ?", (gone,)).fetchall():
            same = conn.execute("SELECT id FROM renderings WHERE quote_id = ? AND text = ?", (kept, text)).fetchone()
            if same is None:
                conn.execute("UPDATE renderings SET quote_id = ? WHERE id = ?", (kept, rid))
                if self._rendered is not None and rid in self._rendered:
                    self._rendered[rid] = (kept, *self._rendered[rid][1:])
                continue
            conn.execute("UPDATE occurrences SET rendering_id = ? WHERE rendering_id = ?", (same[0], rid))
            conn.execute("UPDATE renderings SET first_seen = ? WHERE id = ? AND ? IS NOT NULL AND (first_seen IS NULL OR first_seen > ?)",
                         (first_seen, same[0], first_seen, first_seen))
            conn.execute("DELETE FROM rendering_buckets WHERE rendering_id = ?", (rid,))
            conn.execute("DELETE FROM renderings WHERE id = ?", (rid,))
            self._unfile(rid)
        (first_seen,) = conn.execute("SELECT first_seen FROM quotes WHERE id = ?", (gone,)).fetchone()
        conn.execute("DELETE FROM quotes WHERE id = ?", (gone,))
        if self._unclassified is not None:
            self._unclassified.pop(gone, None)
        if first_seen is not None:
            conn.execute("UPDATE quotes SET first_seen = ? WHERE id = ? AND (first_seen IS NULL OR first_seen > ?)",
                         (first_seen, kept, first_seen))
        self._classify(kept)

    def _one_person(self, name: str) -> int:
        from .search import _people_ids

        ids = _people_ids(self, name)
        if not ids:
            raise NotFoundError(f"{self.path}: nobody called {name!r} (by name or alias) is stored")
        if len(ids) > 1:
            names = [r[0] for r in self.connection.execute(f"SELECT name FROM people WHERE id IN ({','.join('?' * len(ids))})", ids)]
            raise StoreError(f"{self.path}: {name!r} names several people ({', '.join(sorted(names))}): give the full name")
        return ids[0]

    def _ensure_schema(self) -> None:
        try:
            self.connection.executescript(SCHEMA)
            self._migrate()
        except sqlite3.Error as e:
            raise self._error(e, "updating the schema") from e

    def corrections(self) -> list[tuple[str, str, str | None, str | None]]:
        """The corrections made by hand, oldest first: (action, name, person, when)."""
        self._ensure_schema()
        return [tuple(r) for r in self.connection.execute("SELECT action, name, person, made FROM corrections ORDER BY id")]

    def who(self, name: str):
        """The profile of one speaker, found by name or alias (see ``saidwhen.search.who``)."""
        from .search import who

        return who(self, name)

    def stats(self):
        """Counts over the whole store (see ``saidwhen.search.stats``)."""
        from .search import stats

        return stats(self)

    def rows(self, table: str, chunk: int = 10_000) -> Iterator[list[dict]]:
        """The rows of one user table as chunks of dicts, in id order."""
        if table not in TABLES:
            raise StoreError(f"{self.path}: no table {table!r} (tables: {', '.join(TABLES)})")
        cur = self.connection.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(chunk):
            yield [dict(zip(names, r)) for r in rows]

    def columns(self, table: str) -> list[tuple[str, str]]:
        """(name, declared type) of each column of ``table``."""
        return [(r[1], r[2].upper()) for r in self.connection.execute(f"PRAGMA table_info({table})")]

    def to_parquet(self, out_dir: str | os.PathLike) -> list[Path]:
        """One Parquet file per table in ``out_dir`` (created); returns the paths."""
        from .search import export

        return export(self, out_dir, "parquet")

    def to_jsonl(self, out_dir: str | os.PathLike) -> list[Path]:
        """One JSON-lines file per table in ``out_dir``."""
        from .search import export

        return export(self, out_dir, "jsonl")

    def to_csv(self, out_dir: str | os.PathLike) -> list[Path]:
        """One CSV file per table in ``out_dir``."""
        from .search import export

        return export(self, out_dir, "csv")


# ---------------------------------------------------------------- helpers


def _article_pages(conn: sqlite3.Connection, size: int = 1000) -> Iterator[list[dict]]:
    """The stored articles' ids and texts, ``size`` at a time in id order (a large store's texts are
    never all in memory at once)."""
    last = 0
    while rows := conn.execute("SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, size)).fetchall():
        last = rows[-1][0]
        yield [{"id": i, "text": t} for i, t in rows]


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of ``script`` one by one (a trigger's body kept whole)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement.strip()
            statement = ""


def _file(filed: dict[int, int | list[int]], key: int, rendering_id: int) -> None:
    """Note in a speaker's entries (``Store._filed_under``) that the rendering is filed under ``key``: its id
    alone, a list only when a key holds several. A list per entry made every garbage collection of a
    batch walk a container per entry (10-15 % of indexing the real corpus); an int is not tracked."""
    found = filed.get(key)
    if found is None:
        filed[key] = rendering_id
    elif type(found) is int:
        filed[key] = [found, rendering_id]
    else:
        found.append(rendering_id)


def _add_filed(ids: set[int], found: int | list[int] | None) -> None:
    """Add to ``ids`` the rendering ids of one key of a speaker's entries (``_file``)."""
    if found is None:
        return
    if type(found) is int:
        ids.add(found)
    else:
        ids.update(found)


def _move_buckets(conn: sqlite3.Connection, old: int, new: int) -> None:
    """The renderings LSH entries of a person folded into another follow it."""
    conn.execute("UPDATE OR IGNORE rendering_buckets SET speaker_id = ? WHERE speaker_id = ?", (new, old))
    conn.execute("DELETE FROM rendering_buckets WHERE speaker_id = ?", (old,))


def text_hash(text: str) -> str:
    """The key of an article's exact text (``articles.text_hash``): two articles with the same
    text are one article, unless both have URLs and they differ (then the second is a syndicated
    copy of the first)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _capitalised(mention: str, name: str, kind: str | None = None) -> bool:
    """The aliases of the "exact" rules: any capitalised mention but a pronoun."""
    return bool(mention) and mention != name and mention[0].isupper() and mention.lower() not in _PRONOUNS


@lru_cache(maxsize=65536)  # the same people are mentioned the same ways in article after article
def alias_of(mention: str, name: str, kind: str | None = "PERSON") -> bool:
    """Whether a mention of ``name`` is one of its names, kept as an alias: for a person, the
    surname, a variant or a title with the name ("Mr. Legend"; see ``saidwhen.people.is_name_of``);
    for an organisation, a capitalised name that is no description ("the agency", "Its board").
    A pure function of its arguments (the rules of ``saidwhen.people``), so kept."""
    if not mention or mention == name or not mention[0].isupper() or mention.lower() in _PRONOUNS:
        return False
    if kind == "PERSON":
        return is_name_of(mention, name)
    return is_org_name_of(mention, name)


# A piece of a split quote that the attribution interrupts: the piece before does not end with a full
# stop (a comma, or the question or exclamation mark that print puts where the comma would go:
# "How long must we wait?" she said. "The money is there."), the piece after goes on.
_SENTENCE_END = re.compile(r"[.\u2026][\"'\u2019\u201d)\]]*\s*$")
_JOINING_MARK = re.compile(r"\s*([,;:\u2013\u2014-])")
# Cues that say a quote goes on from the speaker's quote just before it ("he added", "she continued").
_GOES_ON = re.compile(r"(?:add(?:ed|s|ing)|continu(?:ed|es|ing)|went on|goes on)\b", re.IGNORECASE)


def _goes_on(prev: Quote, q: Quote) -> bool:
    """Whether the direct quote ``q`` continues ``prev``, the quote printed just before it, as one
    statement: the same speaker, ``prev`` not closing its sentence with a full stop, and either the
    same split quote (group and paragraph) or a cue that says so ("he added", "she continued") in
    the paragraph after."""
    if not (q.kind == prev.kind == "direct" and q.speaker == prev.speaker and q.start >= prev.end) or _SENTENCE_END.search(prev.text):
        return False
    if q.group == prev.group and q.paragraph == prev.paragraph:
        return True
    return q.paragraph == prev.paragraph + 1 and bool(q.cue and _GOES_ON.match(q.cue.strip()))


def _within(q: Quote, outer: Quote) -> bool:
    """Whether ``q`` is printed inside the quote ``outer`` (a quotation quoted in it)."""
    return outer.start <= q.start and q.end <= outer.end and (q.start, q.end) != (outer.start, outer.end)


def quotations(article: Article) -> list[tuple[Quote, list[tuple[int, int]]]]:
    """The article's quotes as the store keys them, each with the spans it is printed at.

    A quote is its own quotation, except the pieces of one statement (``_goes_on``): the pieces a
    split quote prints around its attribution when the attribution cuts into the statement ("We
    have no evidence," he said, "but we are keeping an open mind." or "We will rebuild," she said.
    "The money is there."), with a question or exclamation mark standing where the comma would
    ("Who pays?" he asked. "You do."); and a quote whose cue says it goes on from the speaker's
    quote just before ("It will open in May," she said.¶"The money is there," she added.). They
    are one quotation, its text the pieces joined (with the comma or dash the first was printed
    with), so that a re-print of the whole statement, or of another split of it, renders the same
    quotation and each piece keeps its span as an occurrence of it. A piece that closes its
    sentence with a full stop ("The fire is out." he said. "Nobody was hurt.") leaves the next
    apart unless the cue says it goes on: nothing says they were said together. A quotation quoted
    inside a piece ("… as Paul Brenner put it, 'a matter for another day'") is a quotation of its
    own, between pieces that still make one statement.
    """
    units: list[list[Quote]] = []
    last: list[Quote] | None = None  # the statement the next piece may continue
    for q in article.quotes:
        if last is not None and _goes_on(last[-1], q):
            last.append(q)
            continue
        units.append([q])
        if last is None or not _within(q, last[-1]):
            last = units[-1]  # a quotation quoted inside a piece (``saidwhen.nested``) leaves its statement going on
    out = []
    for pieces in units:
        spans = sorted({(p.start, p.end) for p in pieces} | {(s, e) for p in pieces for s, e in p.occurrences})
        if len(pieces) == 1:
            out.append((pieces[0], spans))
            continue
        text, text_end = "", 0
        for p in pieces:
            if text:
                mark = _JOINING_MARK.match(article.text, text_end) if text_end < len(article.text) else None
                text += (mark.group(1) if mark and not text.rstrip().endswith(tuple(",;:\u2013\u2014-")) else "") + " "
            text += p.text.strip()
            text_end = p.end
        out.append((replace(pieces[0], text=text, end=pieces[-1].end), spans))
    return out


_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _said_date(q: Quote, published: str | None) -> str | None:
    """The day a quote was said as far as known: an explicit full date, else the publication date."""
    if q.said_on and q.said_on.value and _FULL_DATE.fullmatch(q.said_on.value[:10]) and len(q.said_on.value) >= 10:
        return q.said_on.value[:10]
    return published


_WORD = re.compile(r"\w+")
_SCHEME = "affine32"  # datasketch >= 2: 32-bit hash values, stored as 4 bytes each


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_MINHASH_SEED, scheme=_SCHEME).permutations


def _signature(text: str) -> bytes:
    """The MinHash values of the article's words (``_minhash_values``) as ``article_minhashes.signature``
    stores them: 4 little-endian bytes each."""
    return _minhash_values(text).astype("<u4").tobytes()


def _signatures(texts: list[str]) -> tuple[list[bytes], list[list[int]]]:
    """``_signature`` of each of ``texts``, and its LSH buckets (``_bands``), computed for all of them at once."""
    values = _minhash_values_of(texts).astype("<u4")
    return [row.tobytes() for row in values], _bands_of(values)


def _minhash_values(text: str):
    """The MinHash values (``numpy.uint32``) of the article's word 5-shingles (its words, if it has
    fewer), as datasketch's ``MinHash`` would hold them after ``update_batch`` of the shingles' hashes
    (``variants.min_hashes``): a shingle's hash folds its words' (``_shingle_hashes``)."""
    return _minhash_values_of([text])[0]


# The most words whose shingles ``_minhash_values_of`` takes at once (NUM_PERM 32-bit values a shingle: 2 MiB).
# Their least values are taken along each permutation's row (``variants.min_hashes_of``), through memory in
# order, so that more at once cost less: the signatures of 300 PolNeAR articles 129 ms at 2,048, 114 at 8,192.
_SHINGLES_AT_ONCE = 8192


def _minhash_values_of(texts: list[str]):
    """``_minhash_values`` of each of ``texts``, one row a text: the shingles of short articles hashed,
    permuted and reduced in one pass of numpy (``_least_of_shingles``), up to ``_SHINGLES_AT_ONCE`` words at a
    time; a longer article alone."""
    import numpy as np

    out = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    group, size = [], 0
    for i, text in enumerate(texts):
        words = _WORD.findall(text.lower())
        if len(words) < SHINGLE:
            out[i] = min_hashes(sha1_hashes32(set(words) or {text}), _permutations())
            continue
        if group and size + len(words) > _SHINGLES_AT_ONCE:
            out[[at for at, _ in group]] = _least_of_shingles([w for _, w in group])
            group, size = [], 0
        group.append((i, words))
        size += len(words)
    if group:
        out[[at for at, _ in group]] = _least_of_shingles([w for _, w in group])
    return out


def _least_of_shingles(texts: list[list[str]]):
    """The MinHash values of the ``SHINGLE``-word shingles of each list of words (``SHINGLE`` words at
    least each), one row a list: the shingles of the lists run end to end hashed at once
    (``_shingle_hashes``), those that straddle two lists left out, and each list's least values taken
    by one ``minimum.reduceat``."""
    import numpy as np

    if len(texts) == 1:
        return min_hashes(_shingle_hashes(texts[0]), _permutations()).reshape(1, -1)
    lengths = np.array([len(words) for words in texts])
    hashes = _shingle_hashes([w for words in texts for w in words])
    ends = np.cumsum(lengths)
    keep = np.ones(len(hashes), dtype=bool)
    for k in range(1, SHINGLE):  # the shingles that begin in the last SHINGLE - 1 words of a list but the last
        keep[ends[:-1] - k] = False
    counts = lengths - (SHINGLE - 1)
    return min_hashes_of(hashes[keep], np.cumsum(counts) - counts, _permutations())


def _shingle_hashes(words: list[str]):
    """A 32-bit hash (``numpy.uint32``) of each run of ``SHINGLE`` words, every run of the article at
    once: its words' 64-bit hashes (``_article_word_hashes``) times a random odd multiplier of each
    place, summed, through the finaliser of MurmurHash3 (``_fold64``), its high half kept. Words recur
    from article to article; shingles do not: hashing each shingle's bytes (SHA-1, before
    ``SIGNATURES_VERSION``) cost about 1 µs a word of every article indexed."""
    import numpy as np

    hashes = _article_word_hashes(words)
    runs = len(words) - SHINGLE + 1
    shingle = hashes[:runs] * _SHINGLE_MULTIPLIERS[0]
    for k in range(1, SHINGLE):
        shingle += hashes[k:k + runs] * _SHINGLE_MULTIPLIERS[k]
    return (_fold64(shingle) >> np.uint64(32)).astype(np.uint32)


def _fold64(x):
    """The 64-bit finaliser of MurmurHash3 of each of ``x`` (``numpy.uint64``, changed in place): a
    bijection that mixes every bit into every other."""
    import numpy as np

    x ^= x >> np.uint64(33)
    x *= np.uint64(0xFF51AFD7ED558CCD)
    x ^= x >> np.uint64(33)
    x *= np.uint64(0xC4CEB9FE1A85EC53)
    x ^= x >> np.uint64(33)
    return x


def _odd_multipliers(label: str, count: int):
    """``count`` random odd 64-bit multipliers (``numpy.uint64``), BLAKE2 of ``label`` and each place."""
    import numpy as np

    return np.array([int.from_bytes(hashlib.blake2b(f"{label} {k}".encode(), digest_size=8).digest(), "little") | 1
                     for k in range(count)], dtype=np.uint64)


# The 64-bit hash of each word of the articles shingled so far (``_article_word_hashes``), up to a bound.
_ARTICLE_WORDS: dict[str, int] = {}
_ARTICLE_WORDS_KEPT = 200_000
_SHINGLE_MULTIPLIERS = _odd_multipliers("shingle", SHINGLE)
# A band's ROWS values times these, summed, and the band's own offset: its key (``_bands``).
_BAND_MULTIPLIERS = _odd_multipliers("band row", ROWS)
_BAND_OFFSETS = _odd_multipliers("band", BANDS)


def _article_word_hashes(words: list[str]):
    """The 64-bit BLAKE2 hash of each of ``words`` (``numpy.uint64``), a word hashed once and kept."""
    import numpy as np

    known = _ARTICLE_WORDS
    new = [w for w in dict.fromkeys(words) if w not in known]
    if new:
        if len(known) + len(new) > _ARTICLE_WORDS_KEPT:
            known.clear()
            new = list(dict.fromkeys(words))
        for w in new:
            known[w] = int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little")
    return np.array([known[w] for w in words], dtype=np.uint64)


def _bands(signature: bytes) -> list[int]:
    """The LSH bucket of each band of a signature (``_signature``), as signed 64-bit integers (SQLite's):
    the band's ROWS values folded as ``_shingle_hashes`` folds a shingle's words, with an offset of
    the band's own, every band at once."""
    import numpy as np

    return _bands_of(np.frombuffer(signature, "<u4").reshape(1, -1))[0]


def _bands_of(values) -> list[list[int]]:
    """``_bands`` of each row of MinHash values (``numpy.uint32``, NUM_PERM columns), all rows at once."""
    import numpy as np

    values = values[:, :BANDS * ROWS].reshape(-1, BANDS, ROWS).astype(np.uint64)
    return _fold64((values * _BAND_MULTIPLIERS).sum(axis=2, dtype=np.uint64) + _BAND_OFFSETS).view(np.int64).tolist()


