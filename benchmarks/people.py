"""One person, one record: the store built from PolNeAR train, scored against an identity gold.

The gold (``data/polnear_people_train_*.jsonl``, written by an annotator who never saw the code)
labels every speaker name that saidwhen gave the 160 most quoted names of the 840 train articles,
and every name sharing a surname or first name with them: which person or organisation it is
(per article for a bare surname or first name), or NOT_A_NAME (a headline, a fragment, a
description); and the 100 most quoted identities with every proper-name form the corpus uses for
them.

The train articles are extracted once and indexed into two stores: one with the editor's rules of
``saidwhen.people`` (as shipped) and one with the rules before them ("exact": one record per exact
name, any capitalised mention an alias). Printed for each, side by side:
- pairwise merge precision and recall over the labelled names of the 100 identities: a unit is one
  name string with one gold identity; two units are joined when the store files most of their
  quotes under one person;
- the share of clean aliases (names of the person, never descriptions) of the 30 most quoted;
- records for the 100 identities (ideally 100), and stored people whose name is NOT_A_NAME;
- indexing time against extraction time (the store's overhead).

    .venv/bin/python benchmarks/people.py [--errors]
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from datetime import date as Date
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRAIN = HERE.parent.parent / "shared" / "data" / "polnear" / "train.jsonl"
STRINGS = HERE / "data" / "polnear_people_train_strings.jsonl"
IDENTITIES = HERE / "data" / "polnear_people_train_identities.jsonl"
NOT_A_NAME = "NOT_A_NAME"


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return " ".join(s.replace("’", "'").lower().split())


def load_gold():
    strings = {r["name"]: r for r in map(json.loads, STRINGS.read_text(encoding="utf-8").splitlines()) if r}
    idents = [json.loads(line) for line in IDENTITIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return strings, idents


def identity(strings: dict, name: str, article: str) -> str | None:
    """The gold identity of a speaker name in one article, or None when the name is not labelled."""
    row = strings.get(name)
    if row is None:
        return None
    return (row.get("by_article") or {}).get(article) or row.get("person")


def units(db: Path, strings: dict) -> dict[tuple[str, str], int]:
    """(name, gold identity) -> the person the store files most of its quotes under."""
    with sqlite3.connect(db) as c:
        rows = c.execute("SELECT a.source_id, o.speaker_name, o.speaker_id FROM occurrences o JOIN articles a ON a.id = o.article_id"
                         " WHERE o.speaker_name IS NOT NULL AND o.speaker_id IS NOT NULL").fetchall()
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for article, name, pid in rows:
        ident = identity(strings, name, article)
        if ident:
            votes[(name, ident)][pid] += 1
    return {u: v.most_common(1)[0][0] for u, v in votes.items()}


def scores(db: Path, strings: dict, idents: list[dict], errors: bool = False) -> dict:
    top = {i["id"] for i in idents}
    rec = units(db, strings)
    keep = [u for u in rec if u[1] in top or any(rec[u] == rec[v] for v in rec if v[1] in top)]
    tp = same_store = same_gold = 0
    wrong, missed = [], []
    for u, v in combinations(sorted(keep), 2):
        if u[1] not in top and v[1] not in top:
            continue
        g = u[1] == v[1] and u[1] != NOT_A_NAME
        s = rec[u] == rec[v]
        same_gold += g
        same_store += s
        tp += g and s
        if s and not g:
            wrong.append((u, v))
        if g and not s:
            missed.append((u, v))
    with sqlite3.connect(db) as c:
        names = {pid: name for pid, name in c.execute("SELECT id, name FROM people")}
        aliases = defaultdict(list)
        for pid, alias in c.execute("SELECT person_id, alias FROM aliases"):
            aliases[pid].append(alias)
    forms: dict[str, set[str]] = defaultdict(set)
    for i in idents:
        forms[i["id"]] |= {fold(n) for n in i["names"]} | {fold(i["id"])}
    for name, row in strings.items():
        if row.get("person") and row["person"] != NOT_A_NAME:
            forms[row["person"]].add(fold(name))
    clean = total = 0
    dirty = []
    for i in idents[:30]:
        pids = {rec[u] for u in rec if u[1] == i["id"]}
        for pid in pids:
            for alias in aliases[pid]:
                total += 1
                ok = fold(alias) in forms[i["id"]]
                clean += ok
                if not ok:
                    dirty.append((i["id"], alias))
    records = len({rec[u] for u in rec if u[1] in top})
    bad_names = sorted(n for n in names.values() if strings.get(n, {}).get("person") == NOT_A_NAME)
    if errors:
        for u, v in wrong:
            print(f"  WRONG JOIN {u} + {v}")
        for u, v in missed:
            print(f"  MISSED {u} / {v} -> {names.get(rec[u])!r} / {names.get(rec[v])!r}")
        for who, alias in dirty:
            print(f"  ALIAS {who}: {alias!r}")
        for n in bad_names:
            print(f"  NOT A NAME {n!r}")
    return {"precision": tp / same_store if same_store else 1.0, "recall": tp / same_gold if same_gold else 1.0,
            "clean": clean / total if total else 1.0, "aliases": total, "records": records, "not_a_name": len(bad_names),
            "units": len([u for u in rec if u[1] in top])}


def main(argv: list[str]) -> int:
    if not TRAIN.is_file():
        print(f"people.py: {TRAIN} not found (PolNeAR, ../shared/data/polnear)", file=sys.stderr)
        return 2
    import saidwhen
    from saidwhen.store import Store

    strings, idents = load_gold()
    rows = [json.loads(line) for line in TRAIN.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    arts = list(saidwhen.extract_many((r["text"], Date.fromisoformat(r["date"]) if r.get("date") else None, None, r["id"])
                                      for r in rows))
    extract_s = time.perf_counter() - t0
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for rules in ("editor", "exact"):
            db = Path(tmp) / f"{rules}.db"
            t0 = time.perf_counter()
            with Store(db, identities=rules) as store:
                store.index(arts)
            out[rules] = scores(db, strings, idents, errors="--errors" in argv and rules == "editor")
            out[rules]["index_s"] = time.perf_counter() - t0
    print(f"PolNeAR train: {len(rows)} articles; identity gold: {len(strings)} labelled names, top {len(idents)} identities")
    print(f"{'':<40}{'editor rules':>16}{'exact (before)':>16}")
    for key, label, fmt in (("precision", "merge precision (pairs)", "{:.3f}"), ("recall", "merge recall (pairs)", "{:.3f}"),
                            ("clean", "clean aliases, top 30", "{:.3f}"), ("aliases", "aliases of the top 30", "{}"),
                            ("records", "records for the top 100 identities", "{}"), ("units", "labelled (name, identity) units", "{}"),
                            ("not_a_name", "people named by a non-name", "{}")):
        print(f"{label:<40}{fmt.format(out['editor'][key]):>16}{fmt.format(out['exact'][key]):>16}")
    print(f"{'indexing / extraction time':<40}{out['editor']['index_s'] / extract_s:>16.3f}{out['exact']['index_s'] / extract_s:>16.3f}")
    print(f"extraction {extract_s:.1f} s; indexing {out['editor']['index_s']:.1f} s (editor), {out['exact']['index_s']:.1f} s (exact)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
