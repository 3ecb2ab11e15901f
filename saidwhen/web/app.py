"""The saidwhen web app: search, speaker, quote and article pages over a store, and the same data as JSON.

``create_app(db_path)`` returns a FastAPI application that only reads the store: every connection is
opened with ``mode=ro`` (and ``PRAGMA query_only``), every query is parameterised, and a full-text
query SQLite cannot parse is answered with 400 and a plain message. Pages are rendered on the server
by Jinja2 with autoescaping; the article view builds its highlighted HTML from the stored offsets,
escaping every piece of text. The only asset is a stylesheet served by the app itself, and a
Content-Security-Policy of ``default-src 'self'`` with no inline scripts keeps it that way.

Results of searches and profiles are cached per process (LRU), keyed by the database file's
modification stamp, so a store that is re-indexed while the app runs is read afresh.
"""

from __future__ import annotations

import os
import sqlite3
import threading

import orjson
from collections import OrderedDict
from math import ceil
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Callable, Iterator
from urllib.parse import quote as urlquote, urlencode, urlsplit

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..balance import GROUPS, SPEAKER_GROUP, balance
from ..model import KINDS, check_kinds
from ..variants import diff_parts
from ..search import _every_month, occurrence_filters, speakers_quotes
from ..store import NotFoundError, SearchQueryError, StoreError

__all__ = ["create_app", "MAX_QUERY", "MAX_PAGE_SIZE", "CSP"]

HERE = Path(__file__).resolve().parent

MAX_QUERY = 200  # characters of a full-text query
MAX_PAGE_SIZE = 50
MAX_PAGE = 200  # deepest page of results
COUNT_CAP = 1_000  # matches counted exactly up to this many, "1,000+" beyond
FACET_SCAN = 500  # facets are computed over (at most) the newest this many matching quotes
RANK_SCAN = 1_000  # sort=relevance: the best (bm25) of (at most) the newest this many matching quotes
SORTS = ("newest", "relevance")
CACHE_SIZE = 1024
PALETTE = 8  # speaker colours in style.css: .sp-0 … .sp-7

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

# What SQLite says about a full-text query it cannot parse (fts5 syntax errors, unknown columns …).
_FTS_ERRORS = ("fts5", "syntax", "no such column", "unterminated", "unknown special query", "malformed match")


# ---------------------------------------------------------------- the database


def outlet_of(url: str | None) -> str | None:
    """The outlet of an article: the host of its URL, lower case, without ``www.``."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else None: a stored ``javascript:`` URL never becomes a link."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https") and url == url.strip():
        return url
    return None


class Database:
    """Read-only connections (one per thread) to the store at ``path``, and a small result cache."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"{self.path}: no such database (run `saidwhen index` first)")
        self._uri = f"file:{urlquote(str(self.path.resolve()))}?mode=ro"
        self._local = threading.local()
        self._cache: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        try:
            self.connection().execute("SELECT 1 FROM quotes_fts LIMIT 1").fetchall()
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: not a saidwhen store ({e})") from e

    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
            conn.create_function("sw_outlet", 1, outlet_of, deterministic=True)
            self._local.conn = conn
        return conn

    def stamp(self) -> tuple:
        """Changes whenever the store is written (the database file or its WAL)."""
        out = []
        for p in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                st = p.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def cached(self, key: tuple, compute: Callable[[], Any]) -> Any:
        key = (self.stamp(), *key)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = compute()
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    # -- the queries behind the pages (plain dicts, which the JSON API returns as they are)

    def overview(self) -> dict:
        def compute():
            c = self.connection()
            one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
            top = [{"id": i, "name": n, "quotes": k} for i, n, k in c.execute(
                "SELECT p.id, p.name, count(DISTINCT o.quote_id) AS n FROM occurrences o JOIN people p ON p.id = o.speaker_id"
                " GROUP BY p.id ORDER BY n DESC, p.name LIMIT 12")]
            first, last = c.execute("SELECT min(said_date), max(said_date) FROM occurrences").fetchone()
            return {"quotes": one("SELECT count(*) FROM quotes"), "articles": one("SELECT count(*) FROM articles"),
                    "people": one("SELECT count(*) FROM people"), "first": first, "last": last, "top_speakers": top}
        return self.cached(("overview",), compute)

    def outlets(self) -> list[str]:
        return self.cached(("outlets",), lambda: sorted(
            {o for (u,) in self.connection().execute("SELECT DISTINCT url FROM articles WHERE url IS NOT NULL")
             if (o := outlet_of(u))}))

    def speaker_ids(self, name: str) -> list[int]:
        c = self.connection()
        ids = [r[0] for r in c.execute("SELECT id FROM people WHERE name = ? COLLATE NOCASE", (name.strip(),))]
        if not ids:
            ids = [r[0] for r in c.execute("SELECT DISTINCT person_id FROM aliases WHERE alias = ? COLLATE NOCASE", (name.strip(),))]
        return ids

    def search(self, q: str, speaker: str | None = None, since: str | None = None, until: str | None = None,
               outlet: str | None = None, page: int = 1, per_page: int = 20, sort: str = "newest",
               kind: str | None = None, gender: str | None = None, altered: bool = False) -> dict:
        """One page of quotes matching the FTS5 query ``q`` within the filters (``altered``: only
        quotes printed at least once with words changed), newest first (or,
        with ``sort="relevance"``, best bm25 first among the newest ``RANK_SCAN``), with the total
        (counted up to ``COUNT_CAP``) and facets over the first ``FACET_SCAN`` matches."""
        q = (q or "").strip()
        if not q:
            raise SearchQueryError("empty search: give words to look for")
        if len(q) > MAX_QUERY:
            raise SearchQueryError(f"search too long: at most {MAX_QUERY} characters")
        if any(ord(ch) < 32 for ch in q):
            raise SearchQueryError("bad search query: control characters are not allowed")
        speaker = (speaker or "").strip() or None
        outlet = (outlet or "").strip().lower() or None
        since = (since or "").strip() or None
        until = (until or "").strip() or None
        if sort not in SORTS:
            raise SearchQueryError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
        kind = (kind or "").strip().lower() or None
        if kind is not None:
            try:
                kind = ",".join(k for k in KINDS if k in check_kinds(kind))
            except ValueError as e:
                raise SearchQueryError(str(e)) from None
        gender = (gender or "").strip().lower() or None
        if gender is not None and gender not in GROUPS:
            raise SearchQueryError(f"unknown gender {gender!r}: use one of {', '.join(GROUPS)}")
        key = ("search", q, speaker, since, until, outlet, page, per_page, sort, kind, gender, bool(altered))
        return self.cached(key, lambda: self._search(q, speaker, since, until, outlet, page, per_page, sort, kind, gender, bool(altered)))

    def _search(self, q, speaker, since, until, outlet, page, per_page, sort="newest", kind=None, gender=None, altered=False) -> dict:
        c = self.connection()
        speaker_ids = self.speaker_ids(speaker) if speaker is not None else None
        where, params = occurrence_filters(speaker_ids, since, until, kind)
        if gender is not None:  # the speaker's group as the sources view counts it (saidwhen.balance)
            where.append("(SELECT " + SPEAKER_GROUP.replace("p.", "sp.") + " FROM (SELECT 1) LEFT JOIN people sp ON sp.id = o.speaker_id) = ?")
            params.append(gender)
        if outlet is not None:
            where.append("sw_outlet(a.url) = ?")
            params.append(outlet)
        filters = "".join(f" AND {w}" for w in where)
        join_a = " JOIN articles a ON a.id = o.article_id" if outlet is not None else ""
        exists = f" AND EXISTS (SELECT 1 FROM occurrences o{join_a} WHERE o.quote_id = quotes_fts.rowid{filters})" if where else ""
        if altered:
            exists += " AND EXISTS (SELECT 1 FROM renderings r WHERE r.quote_id = quotes_fts.rowid AND r.change = 'altered')"
        exists = speakers_quotes(speaker_ids) + exists
        match = f"FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid WHERE quotes_fts MATCH ?{exists}"
        mparams = (q, *(speaker_ids or ()), *params)
        try:
            # One pass over the matches, newest first, yields the count (up to COUNT_CAP); bm25 ranks
            # only the newest RANK_SCAN of them and the facets cover the newest FACET_SCAN, so a
            # query matching half the corpus costs about what a narrow one does.
            ids = [r for (r,) in c.execute(
                f"SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?{exists} ORDER BY rowid DESC LIMIT {COUNT_CAP + 1}", mparams)]
            total = len(ids)
            if ids and sort == "newest":  # the page is a slice of the matches already in hand
                page_ids = ids[(page - 1) * per_page : page * per_page]
                by_id = {r[0]: r for r in c.execute(
                    "SELECT q.id, q.text, q.speaker_id, coalesce((SELECT name FROM people WHERE id = q.speaker_id), q.speaker),"
                    " q.first_seen FROM quotes q WHERE q.id IN (SELECT value FROM json_each(?))", (orjson.dumps(page_ids).decode(),))}
                rows = [by_id[i] for i in page_ids if i in by_id]
            elif ids:
                floor = ids[min(len(ids), RANK_SCAN) - 1]
                rows = c.execute(
                    f"SELECT q.id, q.text, q.speaker_id, coalesce((SELECT name FROM people WHERE id = q.speaker_id), q.speaker),"
                    f" q.first_seen {match} AND quotes_fts.rowid >= ? ORDER BY bm25(quotes_fts), q.id LIMIT ? OFFSET ?",
                    (*mparams, floor, per_page, (page - 1) * per_page)).fetchall()
            else:
                rows = []
            scan = orjson.dumps(ids[:FACET_SCAN]).decode()
            speakers = [{"id": i, "name": n, "quotes": k} for i, n, k in c.execute(
                f"SELECT o.speaker_id, p.name, count(DISTINCT o.quote_id) AS n FROM occurrences o{join_a}"
                f" JOIN people p ON p.id = o.speaker_id WHERE o.quote_id IN (SELECT value FROM json_each(?)){filters}"
                " GROUP BY o.speaker_id ORDER BY n DESC, p.name LIMIT 10", (scan, *params))]
            kinds = [{"kind": k, "quotes": n} for k, n in c.execute(
                f"SELECT o.kind, count(DISTINCT o.quote_id) AS n FROM occurrences o{join_a}"
                f" WHERE o.quote_id IN (SELECT value FROM json_each(?)){filters} AND o.kind IS NOT NULL"
                " GROUP BY o.kind", (scan, *params))]
            kinds.sort(key=lambda f: KINDS.index(f["kind"]) if f["kind"] in KINDS else len(KINDS))
            genders = [{"gender": g, "quotes": n} for g, n in c.execute(
                f"SELECT {SPEAKER_GROUP} AS g, count(DISTINCT o.quote_id) FROM occurrences o{join_a} LEFT JOIN people p ON p.id = o.speaker_id"
                f" WHERE o.quote_id IN (SELECT value FROM json_each(?)){filters} GROUP BY g", (scan, *params))] if self.has_gender() else []
            genders.sort(key=lambda f: GROUPS.index(f["gender"]))
            months = [{"month": m, "quotes": k} for m, k in c.execute(
                f"SELECT substr(o.said_date, 1, 7) AS m, count(DISTINCT o.quote_id) AS n FROM occurrences o{join_a}"
                f" WHERE o.quote_id IN (SELECT value FROM json_each(?)){filters} AND o.said_date IS NOT NULL"
                " GROUP BY m ORDER BY n DESC, m DESC LIMIT 12", (scan, *params))]
        except sqlite3.OperationalError as e:
            msg = str(e)
            # SQLITE_ERROR (1) from a statement that ran before is the query's fault (FTS5 reports
            # its parse errors with many wordings); a locked or unreadable database is not.
            if getattr(e, "sqlite_errorcode", 1) & 0xFF == 1 or any(s in msg.lower() for s in _FTS_ERRORS):
                raise SearchQueryError(
                    f"bad search query ({msg}): put words with punctuation in double quotes, e.g. \"half-time score\"") from e
            raise
        hits = []
        for quote_id, text, speaker_id, speaker_name, first_seen in rows:
            occ = c.execute(
                "SELECT o.said_date, o.said_on, o.cue, a.id, a.title, a.url, o.kind FROM occurrences o JOIN articles a ON a.id = o.article_id"
                f" WHERE o.quote_id = ?{filters} ORDER BY o.said_date IS NULL, o.said_date, o.id LIMIT 1",
                (quote_id, *params)).fetchone() or (None,) * 7
            n_articles = c.execute(
                "SELECT count(DISTINCT coalesce(a.minhash_cluster, a.id)) FROM occurrences o JOIN articles a ON a.id = o.article_id"
                " WHERE o.quote_id = ?", (quote_id,)).fetchone()[0]
            hits.append({
                "id": quote_id, "text": text, "speaker_id": speaker_id, "speaker": speaker_name, "first_seen": first_seen,
                "said_on": occ[0], "said_on_value": occ[1], "cue": occ[2], "article_id": occ[3], "article_title": occ[4],
                "outlet": outlet_of(occ[5]), "articles": n_articles, "kind": occ[6],
            })
        capped = total > COUNT_CAP
        total = min(total, COUNT_CAP)
        return {
            "query": q, "sort": sort,
            "filters": {"speaker": speaker, "since": since, "until": until, "outlet": outlet, "kind": kind, "gender": gender,
                        "altered": altered},
            "page": page, "per_page": per_page, "total": total, "total_capped": capped,
            "pages": max(1, min(MAX_PAGE, ceil(total / per_page))), "hits": hits,
            "facets": {"speakers": speakers, "kinds": kinds, "genders": genders, "months": sorted(months, key=lambda m: m["month"])},
        }

    def has_gender(self) -> bool:
        """Whether the store has the gender columns (a store written before them, served read-only, has not)."""
        return self.cached(("has_gender",), lambda: "gender" in {r[1] for r in self.connection().execute("PRAGMA table_info(people)")})

    def sources(self) -> dict:
        """The source balance (``saidwhen.balance``): over the whole store, per month and per outlet."""
        def compute():
            if not self.has_gender():
                raise StoreError("this store was written before saidwhen knew genders: run `saidwhen stats --db STORE` once to add them")
            conn = self.connection()
            row = lambda b, **key: {**key, "people": b.people, "quotations": b.quotations,  # noqa: E731
                                    "female_share": b.female_share, "unknown_share": b.unknown_share}
            total = balance(conn, ("gender",))
            return {
                "total": row(total[0]) if total else None,
                "by_month": [row(b, month=b.key[0]) for b in balance(conn, ("month", "gender"))],
                "by_outlet": [row(b, outlet=b.key[0]) for b in balance(conn, ("outlet", "gender"))],
                "groups": list(GROUPS),
            }
        return self.cached(("sources",), compute)

    def speaker(self, pid: int) -> dict:
        return self.cached(("speaker", pid), lambda: self._speaker(pid))

    def _speaker(self, pid: int) -> dict:
        c = self.connection()
        row = c.execute("SELECT id, name, kind, role FROM people WHERE id = ?", (pid,)).fetchone()
        if row is None:
            raise NotFoundError(f"no speaker {pid}")
        distinct = "count(DISTINCT o.quote_id || ':' || coalesce(a.minhash_cluster, a.id))"
        base = "FROM occurrences o JOIN articles a ON a.id = o.article_id WHERE o.speaker_id = ?"
        quotes, occurrences, articles, first, last = c.execute(
            f"SELECT count(DISTINCT o.quote_id), {distinct}, count(DISTINCT coalesce(a.minhash_cluster, a.id)),"
            f" min(o.said_date), max(o.said_date) {base}", (pid,)).fetchone()
        cues = [{"cue": cue, "count": n} for cue, n in c.execute(
            f"SELECT o.cue, {distinct} AS n {base} AND o.cue IS NOT NULL GROUP BY o.cue ORDER BY n DESC, o.cue LIMIT 10", (pid,))]
        counts = dict(c.execute(
            "SELECT substr(said_date, 1, 7) AS m, count(DISTINCT quote_id) FROM occurrences"
            " WHERE speaker_id = ? AND said_date IS NOT NULL GROUP BY m", (pid,)).fetchall())
        by_kind = dict(c.execute(
            "SELECT kind, count(DISTINCT quote_id) FROM occurrences WHERE speaker_id = ? AND kind IS NOT NULL GROUP BY kind",
            (pid,)).fetchall())
        in_articles = [{"id": i, "title": t, "url": u, "outlet": outlet_of(u), "date": d, "quotes": n} for i, t, u, d, n in c.execute(
            "SELECT a.id, a.title, a.url, a.date, count(*) AS n FROM occurrences o JOIN articles a ON a.id = o.article_id"
            " WHERE o.speaker_id = ? GROUP BY a.id ORDER BY a.date DESC, a.id DESC LIMIT 100", (pid,))]
        recent = [{"id": i, "text": t, "said_on": d} for i, t, d in c.execute(
            "SELECT q.id, q.text, max(o.said_date) AS d FROM occurrences o JOIN quotes q ON q.id = o.quote_id"
            " WHERE o.speaker_id = ? GROUP BY q.id ORDER BY d DESC, q.id DESC LIMIT 20", (pid,))]
        return {
            "id": row[0], "name": row[1], "kind": row[2], "role": row[3],
            "aliases": [a for (a,) in c.execute("SELECT alias FROM aliases WHERE person_id = ? ORDER BY alias", (pid,))],
            "joined": [{"name": a, "reason": r} for a, r in c.execute(
                "SELECT alias, reason FROM aliases WHERE person_id = ? AND reason IS NOT NULL ORDER BY alias", (pid,))]
            if "reason" in {col[1] for col in c.execute("PRAGMA table_info(aliases)")} else [],
            "quotes": quotes, "occurrences": occurrences, "articles": articles, "first_said": first, "last_said": last,
            "top_cues": cues, "kinds": [{"kind": k, "quotes": by_kind[k]} for k in KINDS if k in by_kind], "per_month": [{"month": m, "quotes": n} for m, n in _every_month(counts)],
            "in_articles": in_articles, "recent_quotes": recent,
        }

    def quote(self, qid: int) -> dict:
        c = self.connection()
        row = c.execute("SELECT q.id, q.text, q.speaker_id, coalesce(p.name, q.speaker), q.first_seen FROM quotes q"
                        " LEFT JOIN people p ON p.id = q.speaker_id WHERE q.id = ?", (qid,)).fetchone()
        if row is None:
            raise NotFoundError(f"no quote {qid}")
        occ = []
        for oid, aid, start, end, sid, sname, mention, cue, kind, said_on, basis, said_date, title, url, date, atext in c.execute(
            'SELECT o.id, o.article_id, o.start, o."end", o.speaker_id, p.name, o.mention, o.cue, o.kind, o.said_on,'
            " o.said_on_basis, o.said_date, a.title, a.url, a.date, a.text FROM occurrences o JOIN articles a ON a.id = o.article_id"
            " LEFT JOIN people p ON p.id = o.speaker_id WHERE o.quote_id = ? ORDER BY o.said_date IS NULL, o.said_date, o.id LIMIT 500",
            (qid,)):
            before, inside, after = paragraph_around(atext, start, end)
            occ.append({
                "id": oid, "article_id": aid, "start": start, "end": end, "speaker_id": sid, "speaker": sname, "mention": mention,
                "cue": cue, "kind": kind, "said_on": said_on, "said_on_basis": basis, "said_date": said_date,
                "article_title": title, "url": url, "outlet": outlet_of(url), "article_date": date,
                "paragraph": {"before": before, "quote": inside, "after": after},
            })
        return {"id": row[0], "text": row[1], "speaker_id": row[2], "speaker": row[3], "first_seen": row[4], "occurrences": occ,
                "renderings": self.renderings(qid)}

    def renderings(self, qid: int) -> list[dict]:
        """Each text the quote was printed as, the original first: its change against the
        original, the word diff as parts to highlight, and the article that printed it first."""
        c = self.connection()
        out = []
        for rid, text, change, diff, first in c.execute(
                "SELECT id, text, change, diff, first_seen FROM renderings WHERE quote_id = ?"
                " ORDER BY change = 'original' DESC, first_seen IS NULL, first_seen, id", (qid,)).fetchall():
            printed = [{"article_id": aid, "title": title, "url": url, "outlet": outlet_of(url), "date": date}
                       for aid, title, url, date in c.execute(
                           "SELECT DISTINCT a.id, a.title, a.url, a.date FROM occurrences o JOIN articles a ON a.id = o.article_id"
                           " WHERE o.rendering_id = ? ORDER BY a.date IS NULL, a.date, a.id", (rid,))]
            out.append({"text": text, "change": change, "diff": diff, "first_seen": first,
                        "parts": [{"op": op, "words": w} for op, w in diff_parts(diff)] if change != "original" and diff else [],
                        "first_printed": printed[0] if printed else None, "occurrences": printed})
        return out

    def article(self, aid: int) -> dict:
        c = self.connection()
        row = c.execute("SELECT id, source_id, url, date, title, text, minhash_cluster FROM articles WHERE id = ?", (aid,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article {aid}")
        quotes = [{"quote_id": q, "start": s, "end": e, "speaker_id": sid, "speaker": n, "mention": m, "cue": cue, "kind": k,
                   "said_on": so, "said_date": sd} for q, s, e, sid, n, m, cue, k, so, sd in c.execute(
            'SELECT o.quote_id, o.start, o."end", o.speaker_id, p.name, o.mention, o.cue, o.kind, o.said_on, o.said_date'
            ' FROM occurrences o LEFT JOIN people p ON p.id = o.speaker_id WHERE o.article_id = ? ORDER BY o.start, o."end" DESC',
            (aid,))]
        times = [{"start": s, "end": e, "text": t, "type": ty, "value": v} for s, e, t, ty, v in c.execute(
            'SELECT start, "end", text, type, value FROM times WHERE article_id = ? ORDER BY start, "end" DESC', (aid,))]
        return {"id": row[0], "source_id": row[1], "url": row[2], "outlet": outlet_of(row[2]), "date": row[3], "title": row[4],
                "text": row[5], "syndicated_from": row[6] if row[6] not in (None, row[0]) else None,
                "quotes": quotes, "times": times}


# ---------------------------------------------------------------- rendering helpers


def paragraph_around(text: str, start: int, end: int, context: int = 600) -> tuple[str, str, str]:
    """(text before the quote, the quote, text after it) within the paragraph that holds it, at most
    ``context`` characters either side."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    p0, p1 = max(p0, start - context), min(p1, end + context)
    return text[p0:start], text[start:end], text[end:p1]


def speaker_classes(quotes: list[dict]) -> dict:
    """A colour class per speaker of the article, in order of first quote."""
    out: dict = {}
    for q in quotes:
        if q["speaker_id"] is not None and q["speaker_id"] not in out:
            out[q["speaker_id"]] = f"sp-{len(out) % PALETTE}"
    return out


def highlight(text: str, quotes: list[dict], times: list[dict], classes: dict) -> Markup:
    """The article text as HTML: each quote a link coloured by speaker, each time expression marked
    with its normalised value. Every piece of text is escaped; overlapping quotes keep the first,
    and a time expression that crosses a quote's edge is split there so the tags nest."""
    n = len(text)

    def layer(spans):
        kept, last = [], 0
        for s in sorted(spans, key=lambda s: (s["start"], -s["end"])):
            a, b = max(0, s["start"]), min(n, s["end"])
            if a >= last and b > a:
                kept.append((a, b, s))
                last = b
        return kept

    qs, ts = layer(quotes), layer(times)
    points = sorted({0, n, *(p for a, b, _ in qs for p in (a, b)), *(p for a, b, _ in ts for p in (a, b))})
    out: list[str] = []
    qi = ti = 0
    cur_q = cur_t = None

    def open_q(s):
        cls = classes.get(s["speaker_id"], "sp-none")
        title = f"{s['speaker'] or 'unknown speaker'}" + (f" ({s['cue']})" if s["cue"] else "")
        kind = s.get("kind") if s.get("kind") in KINDS else "direct"
        out.append(f'<a class="quote {cls} kind-{kind}" href="/quotes/{int(s["quote_id"])}" title="{escape(title)} · {kind}">')

    def open_t(s):
        out.append(f'<mark class="time" title="{escape(s["type"] or "")} {escape(s["value"] or "")}">')

    for a, b in zip(points, points[1:]):
        while qi < len(qs) and qs[qi][1] <= a:
            qi += 1
        while ti < len(ts) and ts[ti][1] <= a:
            ti += 1
        want_q = qs[qi] if qi < len(qs) and qs[qi][0] <= a else None
        want_t = ts[ti] if ti < len(ts) and ts[ti][0] <= a else None
        if want_q is not cur_q or want_t is not cur_t:
            if cur_t is not None:
                out.append("</mark>")
                if cur_t[1] <= a and cur_t[2]["value"]:  # the expression ended: show its value
                    out.append(f'<sub class="norm">{escape(cur_t[2]["value"])}</sub>')
            if want_q is not cur_q:
                if cur_q is not None:
                    out.append("</a>")
                if want_q is not None:
                    open_q(want_q[2])
            if want_t is not None:
                open_t(want_t[2])
            cur_q, cur_t = want_q, want_t
        out.append(str(escape(text[a:b])))
    if cur_t is not None:
        out.append("</mark>")
        if cur_t[2]["value"]:
            out.append(f'<sub class="norm">{escape(cur_t[2]["value"])}</sub>')
    if cur_q is not None:
        out.append("</a>")
    return Markup("".join(out))


def _bar_width(months: int) -> int:
    """The width of one month's bar: wide for a few months, narrow for many."""
    return max(12, min(48, 720 // months))


def _month_label(i: int, month: str, x: int, bar: int, height: int) -> str:
    """The axis label under bar ``i``: every month when the bars are wide, else the first month
    and each January, as a year."""
    if bar < 40 and i and not month.endswith("-01"):
        return ""
    label = escape(month)
    return f'<text class="axis" x="{x}" y="{height - 5}">{label if bar >= 40 or not i else label[:4]}</text>'


def bar_chart(per_month: list[dict], height: int = 120) -> Markup:
    """Quotes per month as an inline SVG bar chart: one bar per month, a label at each January."""
    if not per_month:
        return Markup("")
    bar, gap, left, bottom, top_pad = _bar_width(len(per_month)), 3, 28, 20, 8
    top = max(m["quotes"] for m in per_month) or 1
    width = left + len(per_month) * (bar + gap) + 10
    inner = height - bottom - top_pad
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
             f' viewBox="0 0 {width} {height}" role="img" aria-label="quotes per month">',
             f'<text class="axis" x="{left - 4}" y="{top_pad + 8}" text-anchor="end">{top}</text>',
             f'<text class="axis" x="{left - 4}" y="{height - bottom}" text-anchor="end">0</text>',
             f'<line class="base" x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}"/>']
    for i, m in enumerate(per_month):
        x = left + i * (bar + gap)
        h = round(m["quotes"] / top * inner)
        y = height - bottom - h
        label = escape(m["month"])
        parts.append(f'<rect class="bar" x="{x}" y="{y}" width="{bar}" height="{h}"><title>{label}: {int(m["quotes"])} quote(s)</title></rect>')
        parts.append(_month_label(i, m["month"], x, bar, height))
    parts.append("</svg>")
    return Markup("".join(parts))


def share_chart(per_month: list[dict], height: int = 140) -> Markup:
    """Women's share of the quoted people of known gender per month, as an inline SVG: a bar per
    month on a 0–100% scale, a dashed line at parity, each bar titled with its counts."""
    months = [m for m in per_month if m["month"] != "(undated)"]
    if not months:
        return Markup("")
    bar, gap, left, bottom, top_pad = _bar_width(len(months)), 3, 34, 20, 8
    width = left + len(months) * (bar + gap) + 10
    inner = height - bottom - top_pad
    base = height - bottom
    parts = [f'<svg class="chart share" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
             f' viewBox="0 0 {width} {height}" role="img" aria-label="women among the quoted people of known gender, per month">',
             f'<text class="axis" x="{left - 4}" y="{top_pad + 8}" text-anchor="end">100%</text>',
             f'<text class="axis" x="{left - 4}" y="{base}" text-anchor="end">0</text>',
             f'<line class="parity" x1="{left}" y1="{base - inner / 2}" x2="{width - 10}" y2="{base - inner / 2}"/>',
             f'<line class="base" x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}"/>']
    for i, m in enumerate(months):
        x = left + i * (bar + gap)
        share = m["female_share"]
        h = round((share or 0) * inner)
        label = escape(m["month"])
        p = m["people"]
        unknown = "—" if m["unknown_share"] is None else f"{100 * m['unknown_share']:.0f}%"
        tip = (f"{label}: {'no one of known gender' if share is None else f'{100 * share:.0f}% women'}"
               f" ({p['female']} women, {p['male']} men, {p['unknown'] + p['conflict']} unknown = {unknown})")
        parts.append(f'<rect class="bar" x="{x}" y="{base - h}" width="{bar}" height="{h}"><title>{tip}</title></rect>')
        parts.append(_month_label(i, m["month"], x, bar, height))
    parts.append("</svg>")
    return Markup("".join(parts))


# ---------------------------------------------------------------- the application


class _SecurityHeaders:
    """Pure ASGI middleware adding the CSP and friends to every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + _SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | os.PathLike = "saidwhen.db") -> FastAPI:
    """The web app over the store at ``db_path`` (opened read-only; ``StoreError`` if it is not one)."""
    db = Database(db_path)
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True, auto_reload=False)

    app = FastAPI(
        title="saidwhen", version="0.1.0", docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="Who said what, when: quotations, speakers and dates from news articles. Read-only JSON API; "
                    "the HTML pages take the same parameters.",
    )
    app.state.db = db
    app.add_middleware(_SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(template: str, status_code: int = 200, **ctx) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**ctx), status_code=status_code)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        if is_api(request):
            return JSONResponse({"detail": message}, status_code=exc.status_code)
        return page("error.html", exc.status_code, status=exc.status_code, message=message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
                             for e in exc.errors())
        message = f"bad request: {problems}"
        if is_api(request):
            return JSONResponse({"detail": message}, status_code=400)
        return page("error.html", 400, status=400, message=message)

    @app.exception_handler(SearchQueryError)
    async def bad_query(request: Request, exc: SearchQueryError):
        if is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return page("error.html", 400, status=400, message=str(exc))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError):
        if is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return page("error.html", 404, status=404, message=str(exc))

    # -- parameters shared by the search page and /api/search
    Q = Query(None, max_length=MAX_QUERY, description="FTS5 query: words, \"a phrase\", OR, NOT, NEAR(a b), prefix*")
    SPEAKER = Query(None, max_length=200, description="Keep quotes said by this person (name or alias, any case)")
    SINCE = Query(None, max_length=10, description="Said on or after: YYYY, YYYY-MM or YYYY-MM-DD")
    UNTIL = Query(None, max_length=10, description="Said on or before: YYYY, YYYY-MM or YYYY-MM-DD")
    OUTLET = Query(None, max_length=200, description="Keep quotes printed by this outlet (the host of the article URL)")
    KIND = Query(None, max_length=60, description="Keep quotations of these kinds, comma-separated: direct, partial, indirect, mixed")
    GENDER = Query(None, max_length=20, description="Keep quotes whose speaker is in this group: female, male, unknown, conflict,"
                   " organisation or no speaker (gender as the articles present it, inferred by rules)")
    ALTERED = Query(False, description="Keep only quotes printed at least once with words changed (an altered rendering)")
    PAGE = Query(1, ge=1, le=MAX_PAGE, description="Page of results, from 1")
    PER_PAGE = Query(20, ge=1, le=MAX_PAGE_SIZE, description=f"Results per page, at most {MAX_PAGE_SIZE}")
    SORT = Query("newest", max_length=20, description="newest (most recently indexed first) or relevance (bm25)")

    def qs(base: dict, **changes) -> str:
        params = {k: v for k, v in {**base, **changes}.items() if v not in (None, "")}
        return "?" + urlencode(params) if params else ""

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str | None = Q, speaker: str | None = SPEAKER, since: str | None = SINCE,
                    until: str | None = UNTIL, outlet: str | None = OUTLET, page_: int = Query(1, alias="page", ge=1, le=MAX_PAGE),
                    per_page: int = PER_PAGE, sort: str = SORT, kind: str | None = KIND, gender: str | None = GENDER,
                    altered: bool = ALTERED):
        form = {"q": q or "", "speaker": speaker or "", "since": since or "", "until": until or "", "outlet": outlet or "",
                "kind": kind or "", "gender": gender or "", "altered": "1" if altered else ""}
        base = {**form, "per_page": per_page if per_page != 20 else None, "sort": sort if sort != "newest" else None}
        if not (q or "").strip():
            return page("search.html", form=form, result=None, overview=db.overview(), outlets=db.outlets(), qs=qs, base=base)
        try:
            result = db.search(q, speaker, since, until, outlet, page_, per_page, sort, kind, gender, altered)
        except SearchQueryError as e:
            return page("search.html", 400, form=form, result=None, error=str(e), overview=None, outlets=db.outlets(),
                        qs=qs, base=base)
        return page("search.html", form=form, result=result, outlets=db.outlets(), qs=qs, base=base)

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page():
        src = db.sources()
        return page("sources.html", src=src, chart=share_chart(src["by_month"]))

    @app.get("/speakers/{speaker_id}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(speaker_id: int):
        s = db.speaker(speaker_id)
        return page("speaker.html", s=s, chart=bar_chart(s["per_month"]), href=safe_href)

    @app.get("/quotes/{quote_id}", response_class=HTMLResponse, include_in_schema=False)
    def quote_page(quote_id: int):
        return page("quote.html", q=db.quote(quote_id), href=safe_href)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: int):
        a = db.article(article_id)
        classes = speaker_classes(a["quotes"])
        speakers = {}
        for q in a["quotes"]:
            if q["speaker_id"] is not None:
                entry = speakers.setdefault(q["speaker_id"], {"id": q["speaker_id"], "name": q["speaker"],
                                                              "cls": classes[q["speaker_id"]], "quotes": 0})
                entry["quotes"] += 1
        return page("article.html", a=a, body=highlight(a["text"], a["quotes"], a["times"], classes),
                    speakers=list(speakers.values()), href=safe_href)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs():
        return page("api.html", spec=app.openapi())

    # -- JSON

    @app.get("/api/search", tags=["api"], summary="Search quotes")
    def api_search(q: str = Query(..., min_length=1, max_length=MAX_QUERY, description=Q.description),
                   speaker: str | None = SPEAKER, since: str | None = SINCE, until: str | None = UNTIL,
                   outlet: str | None = OUTLET, page: int = PAGE, per_page: int = PER_PAGE, sort: str = SORT,
                   kind: str | None = KIND, gender: str | None = GENDER, altered: bool = ALTERED) -> dict:
        """Quotes matching the full-text query, newest first (or best first with sort=relevance), with facets (top speakers, kinds and
        months over the first matches) and the total (counted up to 1,000). A query FTS5 cannot parse, or an unknown kind, is a 400."""
        return db.search(q, speaker, since, until, outlet, page, per_page, sort, kind, gender, altered)

    @app.get("/api/sources", tags=["api"], summary="The source balance: who is quoted, by gender")
    def api_sources() -> dict:
        """People quoted and quotations per speakers' group (female, male, unknown, conflict, organisation, no speaker) over the
        store, per month and per outlet, with women's share of the people of known gender and the unknown share. Gender is as the
        articles present it, inferred by rules (titles, pronouns, else first names); see the README for its measured error."""
        return db.sources()

    @app.get("/api/speakers/{speaker_id}", tags=["api"], summary="A speaker's profile")
    def api_speaker(speaker_id: int) -> dict:
        """Aliases, counts, top cues, quotes per month, the articles they appear in and their latest quotes."""
        return db.speaker(speaker_id)

    @app.get("/api/quotes/{quote_id}", tags=["api"], summary="A quote and every place it was printed")
    def api_quote(quote_id: int) -> dict:
        """The quote, its first-seen date, each occurrence with its article, outlet, date and paragraph, and each rendering
        (text as printed) with its change against the first printed, its word diff and the articles that printed it."""
        return db.quote(quote_id)

    @app.get("/api/articles/{article_id}", tags=["api"], summary="An article with its quotes and time expressions")
    def api_article(article_id: int) -> dict:
        """The clean text, and the character offsets of each quote and time expression in it."""
        return db.article(article_id)

    @app.get("/healthz", include_in_schema=False)
    def health() -> Response:
        return Response("ok", media_type="text/plain")

    return app


@contextmanager
def serving(db_path: str | os.PathLike, timeout: float = 20.0) -> Iterator[str]:
    """Serve the app over ``db_path`` on a free loopback port in a background thread, for tests and
    scripts that drive it with a browser; yields the base URL and stops the server on exit."""
    import socket
    import time

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise StoreError(f"{db_path}: the web app did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
