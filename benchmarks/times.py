"""Benchmark the "when" stage on TimeBank (TempEval-3 TBAQ-cleaned), next to dateparser's search_dates.

Reads ``../shared/data/timebank/timebank.jsonl`` relative to the repository root (override with the
first argument or ``SAIDWHEN_TIMEBANK``); the data never goes into the repository.  Prints, for each
system from one run: strict and relaxed span P/R/F1, type and value accuracy on relaxed matches,
value F1 (relaxed match with the right value, TempEval-3 style) and throughput (documents/s, median
of 3 runs).  ``--errors`` prints saidwhen's misses and spurious/mis-valued expressions.

Usage: .venv/bin/python benchmarks/times.py [path/to/timebank.jsonl] [--errors] [--no-dateparser]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhen.times import find_times  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "timebank" / "timebank.jsonl"


def load(path: Path) -> list[dict]:
    """Documents from the JSONL file, each with its DCT parsed into a date."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                d["dct_date"] = dt.date.fromisoformat(d["dct"])
                docs.append(d)
    return docs


def run_saidwhen(doc: dict) -> list[dict]:
    """saidwhen's expressions for one document as span dicts."""
    return [
        {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
        for t in find_times(doc["text"], doc["dct_date"])
    ]


_DP_SETTINGS: dict | None = None


def run_dateparser(doc: dict) -> list[dict]:
    """dateparser.search.search_dates results, located in the text in order, as DATE spans."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(doc["dct_date"], dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period"}
    text = doc["text"]
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # dateparser sometimes fails on odd input: count it as nothing found
        found = []
    out = []
    cursor = 0
    for sub, when in found:
        i = text.find(sub, cursor)
        if i < 0:
            i = text.find(sub)
            if i < 0:
                continue
        else:
            cursor = i + len(sub)
        out.append({"start": i, "end": i + len(sub), "text": sub, "type": "DATE",
                    "value": when.date().isoformat()})
    return out


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from matched counts."""
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(docs: list[dict], outputs: list[list[dict]]) -> dict:
    """TempEval-3-style scores: strict/relaxed spans, type/value accuracy, value F1."""
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    for doc, sys_ in zip(docs, outputs):
        gold = doc["timexes"]
        n_gold += len(gold)
        n_sys += len(sys_)
        gold_spans = {(g["start"], g["end"]) for g in gold}
        strict += sum((s["start"], s["end"]) in gold_spans for s in sys_)
        used: set[int] = set()
        for g in gold:
            best = None
            best_ov = 0
            for j, s in enumerate(sys_):
                if j in used:
                    continue
                ov = min(g["end"], s["end"]) - max(g["start"], s["start"])
                if ov > best_ov:
                    best, best_ov = j, ov
            if best is None:
                continue
            used.add(best)
            relaxed += 1
            s = sys_[best]
            type_ok += s["type"] == g["type"]
            value_ok += s["value"] == g["value"]
    sp, sr, sf = prf(strict, n_sys, strict, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, relaxed, n_gold)
    vp, vr, vf = prf(value_ok, n_sys, value_ok, n_gold)
    return {
        "gold": n_gold, "system": n_sys,
        "strict P": sp, "strict R": sr, "strict F1": sf,
        "relaxed P": rp, "relaxed R": rr, "relaxed F1": rf,
        "type acc": type_ok / relaxed if relaxed else 0.0,
        "value acc": value_ok / relaxed if relaxed else 0.0,
        "value P": vp, "value R": vr, "value F1": vf,
    }


def timed(fn, docs: list[dict], runs: int = 3) -> tuple[list[list[dict]], float]:
    """Outputs of the first run and the median documents/s over ``runs`` runs."""
    rates = []
    outputs: list[list[dict]] = []
    for k in range(runs):
        t0 = time.perf_counter()
        res = [fn(d) for d in docs]
        rates.append(len(docs) / (time.perf_counter() - t0))
        if k == 0:
            outputs = res
    return outputs, statistics.median(rates)


def show_errors(docs: list[dict], outputs: list[list[dict]]) -> None:
    """Print misses (gold not overlapped), spurious expressions and wrong values, one per line."""
    for doc, sys_ in zip(docs, outputs):
        text = doc["text"]
        for g in doc["timexes"]:
            hit = [s for s in sys_ if min(g["end"], s["end"]) > max(g["start"], s["start"])]
            ctx = text[max(0, g["start"] - 50):g["end"] + 30].replace("\n", " ")
            if not hit:
                print(f"MISS {doc['dct']} {g['type']:8} {g['text']!r:30} {g['value']:14} | {ctx}")
            elif hit[0]["value"] != g["value"] or hit[0]["type"] != g["type"]:
                h = hit[0]
                print(f"VAL  {doc['dct']} {g['text']!r:25} {g['type']}/{g['value']:12} got {h['text']!r} "
                      f"{h['type']}/{h['value']} | {ctx}")
        for s in sys_:
            if not any(min(g["end"], s["end"]) > max(g["start"], s["start"]) for g in doc["timexes"]):
                ctx = text[max(0, s["start"] - 50):s["end"] + 30].replace("\n", " ")
                print(f"SPUR {doc['dct']} {s['type']:8} {s['text']!r:30} {s['value']:14} | {ctx}")


def main(argv: list[str]) -> int:
    """Run both systems and print the comparison table."""
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else Path(os.environ.get("SAIDWHEN_TIMEBANK", DEFAULT))
    if not path.exists():
        print(f"TimeBank not found at {path}; pass its path or set SAIDWHEN_TIMEBANK", file=sys.stderr)
        return 2
    docs = load(path)
    systems = {"saidwhen": run_saidwhen}
    if "--no-dateparser" not in argv:
        try:
            import dateparser  # noqa: F401

            systems["dateparser"] = run_dateparser
        except ImportError:
            print("dateparser not installed: skipping it", file=sys.stderr)
    results = {}
    outs = {}
    for name, fn in systems.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            outs[name], rate = timed(fn, docs)
        results[name] = score(docs, outs[name])
        results[name]["docs/s"] = rate
    names = list(results)
    print(f"TimeBank: {len(docs)} documents, {results[names[0]]['gold']} gold expressions ({path.name})")
    print(f"{'measure':14}" + "".join(f"{n:>14}" for n in names))
    for key in ["system", "strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1",
                "type acc", "value acc", "value P", "value R", "value F1", "docs/s"]:
        row = f"{key:14}"
        for n in names:
            v = results[n][key]
            row += f"{v:>14.0f}" if key in ("system", "docs/s") else f"{v:>14.3f}"
        print(row)
    if "dateparser" in results:
        ratio = results["saidwhen"]["docs/s"] / results["dateparser"]["docs/s"]
        print(f"throughput ratio saidwhen/dateparser: {ratio:.0f}x")
    if "--errors" in argv:
        show_errors(docs, outs["saidwhen"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
