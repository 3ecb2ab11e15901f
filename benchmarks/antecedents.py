"""Whom "he" and "she" mean: saidwhen's rules against a learnt antecedent ranker, on real news.

Issue 12 asked whether a model would resolve pronouns better than the hand rules in
``saidwhen/entities.py``. This benchmark answers it on the canonical-name golds of PolNeAR articles
(``data/polnear_names_*.jsonl``, written by annotators who never saw the code). For every gold
source mention that is "he", "she", "him", "his" or "her", the candidates are the people the article
has mentioned before it, in the four sentences before it or its own (plus whomever the rules chose).
Each candidate is described by what the parse and the article give at that point: how many
sentences back it was last mentioned and as what (main-clause subject, subject, possessive, object),
how often and how often as a subject it was mentioned so far, whether its known gender agrees,
whether it was last mentioned inside a quotation, as the subject of a speech verb, first of all or
most of all. A logistic regression scores each candidate; the highest wins.

Printed, from one run:

- the rules and the ranker on the golds whose errors have been read, the ranker trained on the
  other read golds (leave one gold out), with the rules' choice as a feature and without it;
- the same on the golds kept unread (sixth, eighth, ninth), the ranker trained on every read gold;
- beside each, the share of pronouns whose gold person is among the candidates (the ceiling).

A pronoun the rules leave unnamed stays unnamed under the ranker (the rules' "nobody" answers,
such as a quotation's unnamed speaker, are kept), so the two differ only in whom they choose.

    .venv/bin/python benchmarks/antecedents.py
"""

from __future__ import annotations

import math
import sys
from bisect import bisect_left, bisect_right
from datetime import date as Date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import real  # noqa: E402  (the golds, their articles and the name comparison)

READ = {"dev": real.NAMES, "second": real.TRAIN_NAMES, "third": real.THIRD_NAMES, "fourth": real.FOURTH_NAMES,
        "fifth": real.FIFTH_NAMES, "seventh": real.SEVENTH_NAMES}
UNREAD = {"sixth": real.SIXTH_NAMES, "eighth": real.EIGHTH_NAMES, "ninth": real.NINTH_NAMES}
LOOKBACK = 4  # sentences before the pronoun's own


def articles_of(path: Path) -> list[dict]:
    ids = {row["id"] for row in real.load(path)}
    return [a for split in ("dev", "train") for a in real.load(real.POLNEAR / f"{split}.jsonl") if a["id"] in ids]


def role(tok) -> str:
    """What a mention stands as in its sentence."""
    from saidwhen.entities import _as_subject

    if tok.dep_ in ("nsubj", "nsubjpass"):
        return "main subject" if tok.head.dep_ == "ROOT" else "subject"
    if _as_subject(tok) is not None:
        return "subject-like"
    if tok.dep_ == "poss":
        return "possessive"
    return "object" if tok.dep_ in ("dobj", "pobj", "iobj", "dative") else "other"


def candidates(att, tok, gender: str, chosen: str | None) -> list[tuple[str, dict]]:
    """Each person mentioned before ``tok`` (recently, or the rules' choice) and its features."""
    from saidwhen.entities import _offset
    from saidwhen.lexicon import SPEECH_LEMMAS

    here = att._sent_of[tok.i]
    seen: dict[int, dict] = {}
    for _, ent, t in att._mentions[: bisect_left(att._mentions, tok.idx, key=_offset)]:
        if ent.kind != "PERSON" or t is None:
            continue
        c = seen.setdefault(id(ent), {"ent": ent, "n": 0, "subject": 0, "first": att._sent_of[t.i]})
        c["n"] += 1
        c["subject"] += t.dep_ in ("nsubj", "nsubjpass")
        c["last"] = t
    if not seen:
        return []
    first = min(c["first"] for c in seen.values())
    most = max(seen.values(), key=lambda c: c["n"])
    out = []
    for c in seen.values():
        ent, last = c["ent"], c["last"]
        back = here - att._sent_of[last.i]
        if back > LOOKBACK and ent.name != chosen:
            continue
        r = role(last)
        agrees = "same" if ent.gender == gender else "unknown" if ent.gender is None else "other"
        out.append((ent.name, {
            f"back={min(back, LOOKBACK + 1)}": 1, f"role={r}": 1, f"{'same sentence' if back == 0 else 'before'}, {r}": 1,
            f"pronoun {tok.dep_}, {r}": 1, f"gender {agrees}": 1,
            "mentions": math.log1p(c["n"]), "as subject": math.log1p(c["subject"]),
            "tokens back": min(tok.i - last.i, 200) / 100, "quoted": int(att.in_quote(last.idx)),
            "speech subject": int(last.dep_ == "nsubj" and last.head.lemma_ in SPEECH_LEMMAS),
            "first named": int(c["first"] == first), "most named": int(c is most),
            "no person": int(att._not_a_person(ent)), "rules' choice": int(ent.name == chosen),
        }))
    return out


def pronouns(path: Path, nlp) -> list[dict]:
    """The gold's he/she mentions: the rules' answer, whether it is right, and the candidates."""
    from saidwhen.extract import Attributor, _prepare
    from saidwhen.lexicon import PRONOUN_GENDER

    by_id: dict[str, list] = {}
    for row in real.load(path):
        by_id.setdefault(row["id"], []).append(row)
    found = []
    for art in articles_of(path):
        st = _prepare(art["text"], Date.fromisoformat(art["date"]) if art.get("date") else None, None, art["id"], art.get("title"))
        doc, sk = nlp(st.skeleton.text), st.skeleton
        quotes = [sk.quote_at[i] for i, sp in enumerate(st.spans) if sp.speech and sp.kind == "direct"]
        starts = [a for a, _ in st.paras]
        for row in by_id[art["id"]]:
            s, e = row["source"][0][0], row["source"][-1][1]
            word = art["text"][s:e].strip().lower()
            if row["name"] is None or word not in PRONOUN_GENDER:
                continue
            s0, e0 = sk.to_skeleton(s), sk.to_skeleton(e - 1)
            span = doc.char_span(s0, e0 + 1, alignment_mode="expand") if s0 is not None and e0 is not None else None
            if span is None or not len(span):
                continue
            att = Attributor(doc, quotes, lambda o: bisect_right(starts, sk.to_article(o)) - 1, date=st.date)
            ent, _, _ = att.resolve(span.root)
            chosen = ent.name if ent is not None else None
            found.append({"rules": chosen, "rules right": real.same_entity(chosen, row),
                          "candidates": [(name, f, real.same_entity(name, row))
                                         for name, f in candidates(att, span.root, PRONOUN_GENDER[word], chosen)]})
    return found


def ranker(train: list[dict], with_rules: bool):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    def feats(f):
        return f if with_rules else {k: v for k, v in f.items() if k != "rules' choice"}

    rows = [(feats(f), right) for p in train for _, f, right in p["candidates"]]
    vec = DictVectorizer()
    model = LogisticRegression(C=1.0, max_iter=3000).fit(vec.fit_transform([f for f, _ in rows]), [r for _, r in rows])

    def right(p: dict) -> bool:
        if p["rules"] is None or not p["candidates"]:
            return p["rules right"]
        scores = model.predict_proba(vec.transform([feats(f) for _, f, _ in p["candidates"]]))[:, 1]
        return p["candidates"][max(range(len(scores)), key=scores.__getitem__)][2]
    return right


def main() -> int:
    if not real.POLNEAR.is_dir():
        print(f"antecedents.py: {real.POLNEAR} not found: the PolNeAR data must be at ../shared/data/polnear", file=sys.stderr)
        return 2
    from saidwhen.extract import load_nlp

    nlp = load_nlp()
    read = {name: pronouns(path, nlp) for name, path in READ.items()}
    unread = {name: pronouns(path, nlp) for name, path in UNREAD.items()}
    print(f"{'he/she as a source':<28}{'pronouns':>10}{'ceiling':>10}{'rules':>10}{'ranker':>10}{'ranker+rules':>14}")

    def line(name, found, right, right_with):
        n = len(found)
        print(f"{name:<28}{n:>10}{sum(any(c[2] for c in p['candidates']) for p in found) / n:>10.3f}"
              f"{sum(p['rules right'] for p in found) / n:>10.3f}{sum(map(right, found)) / n:>10.3f}"
              f"{sum(map(right_with, found)) / n:>14.3f}")

    for name, found in read.items():
        others = [p for other, ps in read.items() if other != name for p in ps]
        line(f"{name} (read, held out)", found, ranker(others, False), ranker(others, True))
    everything = [p for ps in read.values() for p in ps]
    alone, both = ranker(everything, False), ranker(everything, True)
    for name, found in unread.items():
        line(f"{name} (unread)", found, alone, both)
    print(f"(ranker trained on the {len(everything)} pronouns of the read golds; on a read gold, on the other five)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
