"""The choice of a quotation's source mention among its candidates, learnt from real news.

The rules of ``speakers`` find the cue and its subject; on real news the subject they pick is the
annotated source about nine times in ten. A logistic regression over the candidates' features
(``candidates``), trained on PolNeAR's 18,000 attributions with a source by
``scripts/train_sources.py``, re-ranks the candidates, the rules' pick among them as one feature.
The weights ship in ``sources_model.json`` beside this module: a few thousand numbers, read once.
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path

from .candidates import candidates, describe
from .entities import person_noun
from .lexicon import FORCING, LEADING_TO, PLACE_NAMES, POLLS, first_verb_subject, subject_of_clause_before

MODEL_FILE = Path(__file__).with_name("sources_model.json")
#: How the source mention is chosen: "both" (the model, with the rules' pick as a feature),
#: "rules" (the rules alone) or "model" (the model without the rules' pick); the last two are for
#: the ablation in ``benchmarks/real.py``.
MODES = ("both", "rules", "model")
#: Below this probability a candidate is not taken where the rules found no speaker at all (chosen on
#: PolNeAR train, where 0.3 matched more sources than 0.5 and named no fewer right on dev; 0.2 and
#: 0.15 then matched three more in a five-fold cross-validation of train, dev unchanged, the fourth
#: name gold's named 0.938 -> 0.942).
TAKE_ALONE = 0.2
#: While training, every choice is appended here (see ``scripts/train_sources.py``).
RECORD: list | None = None


def mode() -> str:
    """The mode in force: ``SAIDWHEN_SOURCES`` when it names one of ``MODES``, else "both"."""
    m = os.environ.get("SAIDWHEN_SOURCES", "both")
    return m if m in MODES else "both"


@lru_cache(maxsize=2)
def weights(which: str = "both") -> tuple[dict[str, float], float]:
    """The learnt weights of one model ("both" or "model") and its bias."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))[which]
    return data["weights"], data["bias"]


def probability(feats: tuple[str, ...], which: str = "both") -> float:
    """How likely a candidate with these features is the annotated source."""
    w, b = weights(which)
    z = b + sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def choose(attributor, att, qtoks, verb, exclude: set[int], spans: list[tuple[int, int]]):
    """``att`` with its speaker and mention replaced by the best-scored candidate's, where the
    model prefers another candidate to the rules' pick (see the module docstring)."""
    which = mode()
    if which == "rules" and RECORD is None or not qtoks:
        return att
    rule = _rule_token(attributor, att)
    if _rules_hold(attributor, rule, verb, qtoks):
        return att
    cands = candidates(attributor, qtoks, verb, exclude)
    if not cands:
        return att
    feats = describe(attributor, cands, qtoks, verb, rule if which != "model" else None)
    if RECORD is not None:  # training: the features with the rules' pick and without it
        RECORD.append({"spans": spans, "cands": list(zip(
            [attributor._mention_span(t) for t in cands], feats if which != "model" else describe(attributor, cands, qtoks, verb, rule),
            describe(attributor, cands, qtoks, verb, None)))})
        if which == "rules":
            return att
    # "suppliers in Norway, and insisted …": the place where something happens is no speaker
    scored = [(probability(f, which), k) for k, f in enumerate(feats) if not _where(cands[k])]
    if not scored:
        return att
    p, k = max(scored)
    best = cands[k]
    if best.dep_ == "appos" and best.head.i != best.i:
        best = best.head  # "Jane Roe, a professor at X,": the name, not its description
    # "an analyst at X", "Roe's lawyer, Jane Doe,": the phrase the rules chose, not a word inside it
    phrase = rule.head if rule is not None and rule.dep_ == "appos" else rule
    if rule is not None and (best.i in (rule.i, phrase.i) or any(a.i == phrase.i for a in best.ancestors)
                             and best.i not in _conjuncts(phrase) and best.dep_ not in ("nsubj", "nsubjpass")):
        return att
    if rule is not None and _apposed_to(rule, best):
        return att  # "a statement to the Courier, her adviser, Tom Biel, said": the name the parser hung on the outlet
    if rule is not None and _reports_around(best, verb):
        return att  # "Roe welcomed the news, saying …, CNN reported": Roe is saying it; CNN reports that she did
    if att.speaker is not None and att.mention is not None and att.mention[0] <= best.idx < att.mention[1]:
        return att  # a word inside the name the rules resolved ("West Pennine Fire and Rescue Service"): that name
    if att.speaker is None and att.mention is None and p < TAKE_ALONE:
        return att
    if best.dep_ == "poss" and att.speaker is not None and rule is not None and any(a.i == best.i for a in rule.ancestors):
        return att  # "Jane Doe - Roe's girlfriend -" parsed as one phrase: the name the rules found in it, not Roe
    if best.dep_ == "poss" and att.speaker is not None and best.head.tag_ == "NN" and person_noun(best.head.lower_):
        return att  # "according to the department's epidemiologist, Dr. Nwosu": the epidemiologist speaks, not the department
    ent, mention, conf = attributor.resolve(best)
    if ent is None and att.speaker is not None and (rule is None or best.tag_ in ("WP", "WDT")):
        return att  # the rules named someone the model's pick cannot (a "who" whose antecedent is lost)
    from .speakers import Attribution

    return Attribution(ent, mention, att.cue, round(min(conf, 0.5 + p / 2), 3) if ent else 0.5, att.explicit,
                       att.cue_span, att.cue_token)


def _rules_hold(attributor, rule, verb, qtoks) -> bool:
    """Whether the rules' pick is the cue's own speaker, which no other candidate outranks: its
    subject beside a cue beside the quote ('"…," she said, "…"'), or a name right after such a cue
    that the parser read as its object ('"…," added Roe'), a subject phrase however long that fills
    the gap between the quote and its cue, or a description right after the cue that the
    parser gave to a relative clause ('"…," said the woman, who …'); a poll's share subject of the
    cue however far from it ("nearly two-thirds of voters said", "One in three said")."""
    if rule is None or verb is None:
        return False
    if rule.dep_ == "appos" and rule.head.dep_ == "nsubj" and rule.head.head.i == verb.i \
            and 0 < verb.i - rule.head.right_edge.i <= 2 and min(abs(verb.i - qtoks[0].i), abs(verb.i - qtoks[-1].i)) <= 3:
        return True  # "the chief operating officer, Denise Cartwright, had told him …": the name set beside the cue's subject
    if rule.dep_ == "nsubj" and rule.head.dep_ == "ccomp" and (first := first_verb_subject(rule.head.head)) is not None \
            and first.i == rule.i and _chained(verb, rule.head.head):
        return True  # "Roe summed up Doe as "reckless," denounced … and said …": the first verb's subject
    if rule.dep_ == "dobj" and verb.dep_ == "xcomp" and verb.head.i == rule.head.i \
            and (rule.head.lower_ in FORCING or rule.head.lower_ in LEADING_TO):
        return True  # "The senator forced Stumpf to admit …", "The win led Priebus to declare …": who was made to speak
    if rule.lower_ in POLLS and rule.dep_ == "pobj":
        return True  # "28 percent of voters said … in a Courier poll": the poll the rules found behind the share
    if _named_by_title(attributor, rule, verb):
        return True  # "Director of the Office of Budget Kim Raye said": the name the title leads to, not the office
    if rule.dep_ in ("nsubj", "nsubjpass") and rule == subject_of_clause_before(verb):
        return True  # "Ruiz, when protesters interrupted her, shouting "…", said": the clause the participle goes with
    if rule.head.i != verb.i:
        after = attributor._inverted_description(verb)
        return after is not None and after.i == rule.i
    if rule.dep_ == "nsubj" and (rule.tag_ == "CD" or rule.lower_ in ("most", "many", "some", "several", "few", "half", "both", "all")):
        return True  # (and "several included on it told Politico": some of them, however far from the cue)
    if rule.dep_ == "nsubj" and qtoks[-1].i < rule.left_edge.i <= qtoks[-1].i + 3 and rule.right_edge.i + 1 == verb.i:
        return True  # '"…," this unnamed official at the port said': the whole phrase between the quote and its cue
    beside = abs(rule.i - verb.i) <= 2 and min(abs(verb.i - qtoks[0].i), abs(verb.i - qtoks[-1].i)) <= 3
    return beside and (rule.dep_ == "nsubj" or rule.dep_ == "dobj" and rule.tag_ == "NNP" and qtoks[-1].i < verb.i < rule.i
                       # '"…," Trump barked and …' with the name parsed as the verb's compound
                       or rule.dep_ == "compound" and rule.tag_ == "NNP" and qtoks[-1].i < rule.i == verb.i - 1)


def _named_by_title(attributor, rule, verb) -> bool:
    """Whether the rules' pick is the person's name inside a subject that is a capitalised title
    with its own "of" phrase ("Director of the Office of Budget Kim Raye said"), which the rules
    followed to the name (``Entities._named_after_title_of``): no candidate inside the title outranks it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    named = attributor._ent_of.get(rule.i)
    return subj is not None and subj.i != rule.i and subj.text[:1].isupper() and person_noun(subj.lower_) \
        and subj.left_edge.i < rule.i <= subj.right_edge.i and named is not None and named.label_ == "PERSON"


def _chained(verb, head) -> bool:
    """Whether ``verb`` is ``head`` or one of the verbs coordinated after it ("denounced … and said")."""
    while verb.i != head.i and verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.i == head.i


def _where(tok) -> bool:
    """Whether ``tok`` names where something is or happens ("a convention in Cleveland", "voters in
    Tennessee and Georgia", "his rivals in the U.S."), which never speaks: the object of "in" (NER
    runs on few sentences, so the preposition says it), or a place named after "at" or "from"."""
    place = tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lower_ in PLACE_NAMES
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i and tok.head.i < tok.i:
        tok = tok.head  # "in Tennessee and Georgia", "in Laredo, Texas"
    if tok.dep_ != "pobj":
        return False
    prep = tok.head.lower_
    return prep in ("in", "across", "throughout", "near", "outside", "inside") or place and prep in ("at", "from")


def _reports_around(tok, verb) -> bool:
    """Whether ``tok`` is who reports a clause that holds the cue ``verb`` ("…, saying …, CNN
    reported", "…, saying …, according to Reuters"): the speaker of the whole, not of the speech
    act reported inside it."""
    if verb is None:
        return False
    if tok.dep_ == "nsubj" and tok.head.tag_.startswith("VB"):
        outer = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        outer = tok.head.head.head
    else:
        return False
    if outer.i == verb.i or tok.i < verb.i:
        return False  # (the reporter named after it: a clause before the cue may be the parser's misreading)
    step = verb  # the clause of ``outer`` that holds the cue must be its content: a ccomp on the way up
    while step.head.i != step.i and step.head.i != outer.i:
        step = step.head
    return step.head.i == outer.i and step.i != outer.i and (step.dep_ == "ccomp" or tok.dep_ == "pobj")


def _apposed_to(tok, head) -> bool:
    """Whether ``tok`` hangs on ``head`` through appositions alone (``head``, her adviser, ``tok``)."""
    while tok.dep_ == "appos" and tok.head.i != tok.i:
        tok = tok.head
        if tok.i == head.i:
            return True
    return False


def _conjuncts(tok) -> set[int]:
    return {c.i for c in tok.children if c.dep_ == "conj"}


def _rule_token(attributor, att):
    """The token heading the mention the rules chose, or None."""
    if att.mention is None:
        return None
    span = attributor.doc.char_span(att.mention[0], att.mention[1], alignment_mode="expand")
    return span.root if span is not None else None
