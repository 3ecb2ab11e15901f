"""Whose voices: the people quoted and their quotations counted by gender, outlet and month.

The figure newsrooms track is the share of women among the people quoted. Here a person's gender
is the store's (``people.gender``): gender as the articles present it (a title, the pronouns the
writer uses, else a list of first names), inferred by rules; see ``benchmarks/gender.py`` for its
measured error. People the articles give no gender to, or who are neither, stay "unknown", and
people whose articles disagree are "conflict": both are counted and shown, never dropped, and so
are organisations and quotations with no speaker.

- outlet: the host of the article's URL without "www." ("nytimes.com"); with no URL, the part of
  the article's source id before its first "_" (PolNeAR's "nyt_2016-09-…" is "nyt"); else "(none)".
- month: the article's publication month, YYYY-MM, or "(undated)".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .store import StoreError

__all__ = ["DIMENSIONS", "GROUPS", "SPEAKER_GROUP", "Balance", "balance", "outlet", "check_by"]

DIMENSIONS = ("outlet", "month", "gender")
#: The speakers' groups, in the order they are shown: people of known gender, people of unknown
#: gender, people whose articles disagree, organisations, and quotations with no speaker.
GROUPS = ("female", "male", "unknown", "conflict", "organisation", "no speaker")


def outlet(url: str | None, source_id: str | None) -> str:
    """The outlet an article comes from: its URL's host, else its source id's prefix (see the module docstring)."""
    if url:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        if host:
            return host[4:] if host.startswith("www.") else host
    if source_id and "_" in source_id:
        return source_id.split("_", 1)[0]
    return "(none)"


def check_by(by) -> tuple[str, ...]:
    """The dimensions asked for ("outlet,gender", or several such), in ``DIMENSIONS`` order; an
    unknown one is a ``ValueError`` naming the known ones."""
    if isinstance(by, str):
        by = [by]
    asked = {w.strip().lower() for b in by or () for w in b.split(",") if w.strip()}
    unknown = sorted(asked - set(DIMENSIONS))
    if unknown:
        raise ValueError(f"unknown --by {', '.join(unknown)}: choose from {', '.join(DIMENSIONS)}")
    return tuple(d for d in DIMENSIONS if d in asked) or ("gender",)


@dataclass
class Balance:
    """One row of the table: a group (its outlet and/or month, when asked for) and, per speakers'
    group (``GROUPS``, or "all" when gender is not asked for), the people quoted and the quotations."""

    key: tuple[str, ...]
    people: dict[str, int] = field(default_factory=dict)
    quotations: dict[str, int] = field(default_factory=dict)

    @property
    def female_share(self) -> float | None:
        """Women among the quoted people of known gender (None when there are none)."""
        known = self.people.get("female", 0) + self.people.get("male", 0)
        return self.people.get("female", 0) / known if known else None

    @property
    def unknown_share(self) -> float | None:
        """Quoted people (not organisations) whose gender is unknown or in conflict."""
        persons = sum(self.people.get(g, 0) for g in ("female", "male", "unknown", "conflict"))
        return (self.people.get("unknown", 0) + self.people.get("conflict", 0)) / persons if persons else None

    def to_dict(self, by: tuple[str, ...]) -> dict:
        d = dict(zip([b for b in by if b != "gender"], self.key))
        d.update(people=self.people, quotations=self.quotations)
        if "gender" in by:
            d.update(female_share=self.female_share, unknown_share=self.unknown_share)
        return d


#: The speaker's group (``GROUPS``) of an occurrence joined to its speaker ``p`` (LEFT JOIN people p).
SPEAKER_GROUP = """CASE WHEN p.id IS NULL THEN 'no speaker' WHEN p.kind = 'ORG' THEN 'organisation'
    WHEN p.gender_conflict = 1 THEN 'conflict' ELSE coalesce(p.gender, 'unknown') END"""


def balance(conn: sqlite3.Connection, by=("gender",)) -> list[Balance]:
    """The people quoted and their quotations per group of ``by`` (see ``DIMENSIONS``) in the store
    open on ``conn``, sorted by group. A person counts once per group; a quotation once per article
    it is printed in, a syndicated copy counted once."""
    by = check_by(by)
    conn.create_function("saidwhen_outlet", 2, outlet, deterministic=True)
    exprs = {"outlet": "saidwhen_outlet(a.url, a.source_id)", "month": "coalesce(substr(a.date, 1, 7), '(undated)')"}
    keys = [exprs[d] for d in by if d != "gender"]
    group = SPEAKER_GROUP if "gender" in by else "'all'"
    cols = ", ".join(keys + [group])
    sql = (f"SELECT {cols}, count(DISTINCT o.speaker_id),"
           " count(DISTINCT o.quote_id || ':' || coalesce(a.minhash_cluster, a.id))"
           " FROM occurrences o JOIN articles a ON a.id = o.article_id LEFT JOIN people p ON p.id = o.speaker_id"
           f" GROUP BY {', '.join(str(i + 1) for i in range(len(keys) + 1))}")
    try:
        rows = conn.execute(sql).fetchall()
    except sqlite3.OperationalError as e:  # an older store opened read-only: no gender columns
        raise StoreError(f"cannot count sources ({e}): open the store writable once (saidwhen stats) to add the gender columns") from e
    out: dict[tuple, Balance] = {}
    for *key, g, people, quotations in rows:
        b = out.setdefault(tuple(key), Balance(tuple(key)))
        b.people[g] = people
        b.quotations[g] = quotations
    groups = GROUPS if "gender" in by else ("all",)
    for b in out.values():
        for g in groups:
            b.people.setdefault(g, 0)
            b.quotations.setdefault(g, 0)
        b.people = {g: b.people[g] for g in groups}
        b.quotations = {g: b.quotations[g] for g in groups}
    return [out[k] for k in sorted(out)]
