"""Whose voices: the gender saidwhen gives quoted people, scored against a gold of PolNeAR dev.

The gold (``data/polnear_gender_dev.jsonl``, written by a helper who never saw the code) lists,
for dev articles, every quoted person with the gender the article itself gives them (its pronouns,
honorifics, gendered role words), or "unknown" where it gives none. The articles are extracted;
each article's quoted people (the speaker of at least one quotation, of any kind) are its predicted
sources. Printed, for quoted women and for quoted men:

- precision, recall and F1 over sets of (article, full name): names are compared loosely (case,
  accents, punctuation and middle initials aside), and a predicted name the project's own rules
  call the same person as one gold name of the article (``people.variant_reason``: "Bobby Scott"
  and "Robert C. Scott", "Hillary Rodham Clinton" and "Hillary Clinton") is that gold name; any
  other name our speaker stage gives differently from the gold's counts against both ("end to end");
- the same over the people whose names match the gold's (the gender step alone);
- each with every kind of evidence, and with the text's evidence only (no first-name list), since
  the gold labels what the article says, and a name the article gives no gender to is "unknown";
- the female share of the sources whose gender is known, predicted against gold, and the unknown share;
  and, for reference, the share were the gold's unknowns given their first name's gender (the gold
  counts only the people an article genders, and those it leaves unknown are mostly men);
- the cost: the time spent in the gender step (the pronoun votes and every ``learn_gender``),
  measured inside the extraction, against the extraction time. The first-name look-ups are not
  counted: the speaker stage made them before this step (to tell names from words) and caches them.

    .venv/bin/python benchmarks/gender.py [--errors]
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from datetime import date as Date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "data" / "polnear" / "dev.jsonl"
GOLD = HERE / "data" / "polnear_gender_dev.jsonl"


def loose(name: str) -> str:
    """A name compared loosely: no case, accents, punctuation or middle initials ("Mary J. Blige" = "mary blige")."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.sub(r"[^\w\s-]", " ", s).split() if len(w) > 1]
    return " ".join(words)


def gold_name_of(name: str, article: str, gold_names: dict[str, list[str]], taken: set) -> tuple[str, str]:
    """The (article, loose name) key a predicted person is scored under: their own name's, or,
    where that is no gold name of the article, the one gold name the project's identity rules
    make theirs (``people.variant_reason``) and no other predicted person holds already."""
    key = (article, loose(name))
    names = gold_names.get(article, [])
    if any(loose(g) == key[1] for g in names):
        return key
    from saidwhen.people import variant_reason

    same = {loose(g) for g in names if variant_reason(name, g) is not None}
    if len(same) == 1 and (article, next(iter(same))) not in taken:
        return article, same.pop()
    return key


def prf(pred: set, gold: set) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def timed_gender_step():
    """Wrap the gender step so that its time adds up in the returned one-item list."""
    from saidwhen import entities

    spent = [0.0]

    def wrap(fn):
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - t0
        return timed

    entities.Entities._learn_genders = wrap(entities.Entities._learn_genders)
    entities.Entity.learn_gender = wrap(entities.Entity.learn_gender)
    return spent


def main(argv: list[str]) -> int:
    gold_rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = {r["id"] for r in gold_rows}
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r["id"] in ids]
    spent = timed_gender_step()
    import saidwhen

    saidwhen.extract("Warm-up: \"Yes,\" she said.")  # the model loads outside the timing
    spent[0] = 0.0
    t0 = time.perf_counter()
    arts = list(saidwhen.extract_many((r["text"], Date.fromisoformat(r["date"]) if r.get("date") else None, None, r["id"])
                                      for r in records))
    extract_s = time.perf_counter() - t0

    gold = {(r["id"], loose(r["name"])): r["gender"] for r in gold_rows}
    gold_names: dict[str, list[str]] = defaultdict(list)
    for r in gold_rows:
        gold_names[r["id"]].append(r["name"])
    pred_all: dict[tuple[str, str], str] = {}
    pred_text: dict[tuple[str, str], str] = {}
    evidence: dict[tuple[str, str], str | None] = {}
    for a in arts:
        speakers = {q.speaker for q in a.quotes if q.speaker}
        quoted = [p for p in a.people if p.name in speakers]
        # the names that are gold names as written first, so that a variant never takes their place
        quoted.sort(key=lambda p: (a.id, loose(p.name)) not in gold)
        for p in quoted:
            key = gold_name_of(p.name, a.id, gold_names, set(pred_all))
            pred_all[key] = p.gender or "unknown"
            pred_text[key] = p.gender if p.gender_evidence in ("honorific", "pronoun") else "unknown"
            evidence[key] = p.gender_evidence
    matched = set(gold) & set(pred_all)
    print(f"{len(arts)} articles, {len(gold)} gold quoted people ({sum(g == 'female' for g in gold.values())} female, "
          f"{sum(g == 'male' for g in gold.values())} male, {sum(g == 'unknown' for g in gold.values())} unknown); "
          f"{len(pred_all)} predicted quoted people (organisations included), {len(matched)} matching a gold name")
    print(f"{'':34}{'P':>7}{'R':>7}{'F1':>7}   {'P':>7}{'R':>7}{'F1':>7}")
    print(f"{'':34}{'end to end':^21}   {'names that match':^21}")
    for label, pred in (("all evidence", pred_all), ("text evidence only", pred_text)):
        for g, word in (("female", "women"), ("male", "men")):
            p_set = {k for k, v in pred.items() if v == g}
            g_set = {k for k, v in gold.items() if v == g}
            e2e = prf(p_set, g_set)
            alone = prf(p_set & matched, g_set & matched)
            print(f"quoted {word:<6} {label:<20}" + "".join(f"{x:>7.3f}" for x in e2e) + "   " + "".join(f"{x:>7.3f}" for x in alone))
    for label, pred in (("all evidence", pred_all), ("text evidence only", pred_text)):
        known = [v for v in pred.values() if v != "unknown"]
        gk = [v for v in gold.values() if v != "unknown"]
        print(f"female share of known sources, {label:<20}: predicted {known.count('female') / len(known):.3f} "
              f"(unknown {1 - len(known) / len(pred):.3f}); gold {gk.count('female') / len(gk):.3f} (unknown {1 - len(gk) / len(gold):.3f})")
    # The gold's share counts only the people an article gives a gender to; those it leaves unknown
    # are mostly men (by their first names), so a count of everyone quoted comes out lower. For
    # reference, that count with the gold's unknowns given their first name's gender where the list
    # is sure of it (the same list saidwhen falls back on, so not a score).
    from saidwhen.entities import _name_key
    from saidwhen.people import first_names

    def by_name(name: str) -> str:
        key = _name_key(name)
        g = first_names().get_gender(key[0]) if len(key) >= 2 else "unknown"
        return g if g in ("female", "male") else "unknown"

    everyone = [r["gender"] if r["gender"] != "unknown" else by_name(r["name"]) for r in gold_rows]
    ek = [v for v in everyone if v != "unknown"]
    print(f"for reference, the gold's unknowns given their sure first name's gender: female share {ek.count('female') / len(ek):.3f} "
          f"(unknown {1 - len(ek) / len(everyone):.3f})")
    by_ev = defaultdict(lambda: [0, 0])
    for k in matched:
        if evidence[k] and gold[k] != "unknown":
            by_ev[evidence[k]][0] += pred_all[k] == gold[k]
            by_ev[evidence[k]][1] += 1
    print("right / given, by evidence, on matched people the gold gives a gender: "
          + ", ".join(f"{e} {r}/{n}" for e, (r, n) in sorted(by_ev.items())))
    print(f"cost: gender step {spent[0]:.3f} s of extraction {extract_s:.1f} s = {100 * spent[0] / extract_s:.2f}%")
    if "--errors" in argv:
        for k in sorted(set(gold) | set(pred_all)):
            g, p = gold.get(k, "(no gold name)"), pred_all.get(k, "(not predicted)")
            if g != p:
                print(f"  {k[0][:40]:<40} {k[1]:<28} gold {g:<10} predicted {p:<15} {evidence.get(k)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
