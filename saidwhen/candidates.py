"""Candidate source mentions of one quotation, and the features that tell the right one.

Every noun phrase, name or pronoun (or other word the parser made a subject: "Another said") of the
writer's own words around a quotation (the sentence of its cue, the sentences that hold it, the
sentence before in the same paragraph, a paragraph before it that ends in a colon, a signature line
under it) is a candidate for who said it. Each is
described by plain string features read off the parse: its dependency label and path to the cue,
its side and distance, its entity type, the word when it is a pronoun or a common noun, whether the
rules chose it, how the cue hangs in the sentence (a clause of another
verb, whose subject PolNeAR takes for the source: "Roe said he responded: '…'"), how often the
article writes the name and whether its first line does, whether the quotation opens its paragraph,
whether the words sit in quotation marks of their own (a title). ``choice`` scores them with a
model learnt from PolNeAR.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from .lexicon import CALENDAR, coarse_pos, tokens_among

#: Parts of speech (coarse, from the fine tag) of a token that can head a source mention.
HEADS = frozenset({"PROPN", "NOUN", "PRON"})
#: Dependency labels of words inside a noun phrase, never its head.
INSIDE = frozenset({"compound", "amod", "nummod", "det", "case", "punct", "prt", "quantmod", "nmod"})


def _bucket(n: int) -> str:
    """A signed distance in tokens, coarsened: small distances matter one by one, large ones not."""
    a = abs(n)
    b = str(a) if a <= 3 else "4-6" if a <= 6 else "7-12" if a <= 12 else "13+"
    return ("-" if n < 0 else "+") + b


def _path(tok: Token, verb: Token) -> str:
    """The dependency labels from ``tok`` up to ``verb`` (up to three steps), or how they meet."""
    up = []
    node = tok
    for _ in range(3):
        if node.i == verb.i:
            return "/".join(up) or "self"
        up.append(node.dep_)
        if node.head is node:
            break
        node = node.head
    if node.i == verb.i:
        return "/".join(up)
    if tok.head.i == verb.head.i:
        return f"sib:{tok.dep_}:{verb.dep_}"
    if verb.head.i == tok.i:
        return f"gov:{verb.dep_}"
    return "far"


def candidates(attributor, qtoks: list[Token], verb: Token | None, exclude: set[int]) -> list[Token]:
    """Tokens heading a possible source mention of the quotation ``qtoks`` (a stand-in or the
    content's tokens): in the cue's sentence, the quotation's sentences, the sentence before it
    in the same paragraph, the colon ending the paragraph before (``_colon_before``) and the name of
    a signature under it (``_signature_after``), outside any quotation and outside ``exclude`` (the
    content itself)."""
    sent_ids = {attributor._sent_of[qtoks[0].i], attributor._sent_of[qtoks[-1].i]}
    first = min(sent_ids)
    para = attributor.para_of(qtoks[0].idx)
    if first > 0 and attributor.para_of(attributor.sents[first - 1].start_char) == para:
        sent_ids.add(first - 1)
    if verb is not None:
        sent_ids.add(attributor._sent_of[verb.i])
    if (colon := _colon_before(attributor, qtoks)) is not None:
        sent_ids.add(colon)
    if (signed := _signature_after(attributor, qtoks)) is not None:
        sent_ids.add(signed)
    out = []
    for k in sorted(sent_ids):
        for t in attributor.sents[k]:
            if t.i in exclude or t.dep_ in INSIDE or k == signed and t.i != attributor.sents[k].root.i:
                continue  # (a signature's name, not the institution after it)
            pos = coarse_pos(t)
            if pos not in HEADS and not (t.dep_ in ("nsubj", "nsubjpass") and t.is_alpha and not _partitive(t)):
                continue  # (any word the parser made a subject: "who", "Another said", "Some argue", "Six in 10 say")
            if attributor.in_quote(t.idx) or _in_parentheses(attributor, t) or t.ent_type_ in ("DATE", "TIME") or t.lower_ in CALENDAR:
                continue  # "Saturday at the convention Sen. Roe said": a day never speaks
            out.append(t)
    return out


def _partitive(tok: Token) -> bool:
    """Whether ``tok`` counts a group it names after "of" ("All of the councillors"), which the
    rules take whole: the group's noun, not the count, heads that mention."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def describe(attributor, cands: list[Token], qtoks: list[Token], verb: Token | None, rule: Token | None) -> list[tuple[str, ...]]:
    """The features of every candidate, with how each ranks among them: the nearest to the
    quotation, the nearest subject, the nearest to the cue."""
    q0, q1 = qtoks[0].i, qtoks[-1].i
    qdist = [min(abs(t.i - q0), abs(t.i - q1)) for t in cands]
    subj = [t.dep_ in ("nsubj", "nsubjpass") for t in cands]
    ranks = [_ranks(qdist), _ranks([d if s else 10**6 for d, s in zip(qdist, subj)])]
    if verb is not None:
        ranks.append(_ranks([abs(t.i - verb.i) for t in cands]))
    anc = {a.i for a in qtoks[0].ancestors}
    opens = _opens_paragraph(attributor, qtoks[0])
    colon = _colon_before(attributor, qtoks)
    signed = _signature_after(attributor, qtoks)
    out = []
    for k, t in enumerate(cands):
        f = features(attributor, t, qtoks, verb, rule, anc)
        extra = [f"qrank={ranks[0][k]}", f"vrank={ranks[2][k]}" if verb is not None else "vrank=-"]
        if colon is not None and attributor._sent_of[t.i] == colon:  # 'Roe quotes a former adviser:' ¶ '"…"'
            extra += ["colon_intro", f"colon_intro|{t.dep_}"]
        if signed is not None and attributor._sent_of[t.i] == signed:  # '"… ¶ Nora Feld, Road Policy Institute."'
            extra += ["signature", f"signature|{t.dep_}"]
        if opens:  # '"…," she said' after a paragraph break: who speaks is after it, not before
            extra.append(f"q_opens_para|{'L' if t.i < q0 else 'R'}")
        if subj[k]:
            extra.append(f"subj_qrank={ranks[1][k]}")
        out.append(f + tuple(extra))
    return out


def _colon_before(attributor, qtoks: list[Token]) -> int | None:
    """The index of the sentence that ends the paragraph before the quotation ``qtoks`` with a
    colon, where the quotation opens its own paragraph ("Roe quotes a former adviser to the mayor:",
    "The full text follows:", "As the Courier reported:" ¶ '"…"'): it says who the quotation is
    from, however far it is from any cue. None otherwise."""
    first = attributor._sent_of[qtoks[0].i]
    if first == 0 or not _opens_paragraph(attributor, qtoks[0]):
        return None
    prev = attributor.sents[first - 1]
    last = [t for t in prev if not t.is_space]
    if not last or last[-1].text != ":" or attributor.para_of(last[-1].idx) != attributor.para_of(qtoks[0].idx) - 1:
        return None
    return first - 1


def _signature_after(attributor, qtoks: list[Token]) -> int | None:
    """The index of a signature line right after the quotation ``qtoks``: the next sentence, on the
    same line or the next, a few capitalised words with no verb that the quotation's closing mark
    ends ('"… this year. ¶ Nora Feld, Institute for Road and Transport Policy."', as a pulled
    quotation is signed). None otherwise."""
    k = attributor._sent_of[qtoks[-1].i] + 1
    if k >= len(attributor.sents):
        return None
    sent = attributor.sents[k]
    words = [t for t in sent if t.is_alpha]
    last = [t for t in sent if not t.is_space]
    if not words or len(words) > 8 or not words[0].text[:1].isupper() or last[-1].text not in _CLOSING \
            or attributor.para_of(sent.start_char) - attributor.para_of(qtoks[-1].idx) not in (0, 1) \
            or any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in sent):
        return None
    return k


def _opens_paragraph(attributor, tok: Token) -> bool:
    """Whether the quotation whose first token is ``tok`` opens its paragraph (nothing but
    punctuation before it there)."""
    para = attributor.para_of(tok.idx)
    j = tok.i - 1
    while j >= 0 and attributor.doc[j].is_punct or j >= 0 and attributor.doc[j].is_space:
        j -= 1
    return j < 0 or attributor.para_of(attributor.doc[j].idx) != para


def _ranks(values: list[int]) -> list[str]:
    """Each value's rank from the smallest (0, 1, 2, then "3+")."""
    order = sorted(range(len(values)), key=lambda k: values[k])
    out = [""] * len(values)
    for r, k in enumerate(order):
        out[k] = str(r) if r < 3 else "3+"
    return out


def _in_parentheses(attributor, tok: Token) -> bool:
    """Whether a token sits in a short parenthesis ("Sen. Jane Roe (R-Ga.)"), which names no speaker."""
    opens, closes = _parentheses(attributor)
    for j in range(tok.i - 1, max(-1, tok.i - 5), -1):
        if j in closes:
            return False
        if j in opens:
            return any(k in closes for k in range(tok.i + 1, tok.i + 5))
    return False


def _parentheses(attributor) -> tuple[set[int], set[int]]:
    """The indexes of the article's "(" and ")" tokens, found once per article."""
    found = attributor.memo.get("parentheses")
    if found is None:
        marks = tokens_among(attributor.doc, _PARENTHESES)
        found = attributor.memo["parentheses"] = ({t.i for t in marks if t.text == "("}, {t.i for t in marks if t.text == ")"})
    return found


_PARENTHESES = frozenset("()")


def _names_written(attributor) -> tuple[Counter, set[str]]:
    """How often each capitalised word is written in the article (lowercased), and those of its
    first sentence (a headline or the lede), found once per article."""
    found = attributor.memo.get("names_written")
    if found is None:
        doc = attributor.doc
        words = [t.lower_ for t in doc if t.text[:1].isupper() and t.is_alpha]
        first = attributor.sents[0]
        found = attributor.memo["names_written"] = (
            Counter(words), {t.lower_ for t in first if t.text[:1].isupper() and t.is_alpha})
    return found


def features(attributor, tok: Token, qtoks: list[Token], verb: Token | None, rule: Token | None,
             quote_ancestors: set[int]) -> tuple[str, ...]:
    """What the model sees of candidate ``tok`` for the quotation ``qtoks`` with cue ``verb``
    (``quote_ancestors``: the tokens the quotation hangs from in the parse)."""
    f = list(_own_features(attributor, tok))
    if rule is not None and tok.i == rule.i:
        f.append("rule")
    # Where it is against the quotation.
    q0, q1 = qtoks[0].i, qtoks[-1].i
    qd = tok.i - q0 if tok.i < q0 else tok.i - q1
    f.append(f"qdist={_bucket(qd)}")
    qsent = attributor._sent_of[q0]
    tsent = attributor._sent_of[tok.i]
    f.append("q_same_sent" if tsent in (qsent, attributor._sent_of[q1]) else "q_prev_sent" if tsent < qsent else "q_other_sent")
    if tok.head.i in quote_ancestors or tok.head.i in (q0, q1):
        f.append(f"governs_quote={tok.dep_}")
    # Where it is against the cue.
    if verb is None:
        f.append("no_cue")
    else:
        vd = tok.i - verb.i
        path = _path(tok, verb)
        f += [f"vdist={_bucket(vd)}", f"path={path}", f"path_side={path}|{'L' if vd < 0 else 'R'}",
              f"cue={verb.lower_}|{path}" if path != "far" else "cue_far"]
        if attributor._sent_of[verb.i] != tsent:
            f.append("cue_other_sent")
        if path != "far":  # a cue that is a clause of another verb: PolNeAR often takes that verb's subject
            f.append(f"cue_dep={verb.dep_}|{path}")
        elif (above := _above_cue(tok, verb)) is not None:
            f.append(f"above_cue={tok.dep_}|{above}")  # "Roe said he responded: '…'": Roe, who says so
    return tuple(f)


def _above_cue(tok: Token, verb: Token) -> str | None:
    """How many steps up from the cue ``verb`` the word ``tok`` hangs on ("1", "2", "3"), or None
    where it hangs on none of the cue's three nearest governors."""
    node = verb
    for k in range(1, 4):
        if node.head is node:
            return None
        node = node.head
        if tok.head.i == node.i:
            return str(k)
    return None


def _between_marks(doc, tok: Token) -> bool:
    """Whether the words around ``tok`` (up to three on each side) are enclosed in quotation marks
    that hold nothing else: a quoted title or a scare quote, which the quotations leave out."""
    left = next((j for j in range(tok.i - 1, max(-1, tok.i - 5), -1) if not doc[j].is_alpha), None)
    right = next((j for j in range(tok.i + 1, min(len(doc), tok.i + 5)) if not doc[j].is_alpha), None)
    if right is not None and doc[right].text in (",", ".") and right + 1 < len(doc):
        right += 1  # '"Harbour Nights,"': the comma inside the marks
    return left is not None and right is not None and doc[left].text in _OPENING and doc[right].text in _CLOSING


_OPENING = frozenset({'"', "“", "''", "``", "‘"})
_CLOSING = frozenset({'"', "”", "''", "’"})


def _own_features(attributor, tok: Token) -> tuple[str, ...]:
    """The features of a candidate that do not depend on the quotation, worked out once per token."""
    cache = attributor.memo.setdefault("candidate_features", {})
    if tok.i in cache:
        return cache[tok.i]
    pos = coarse_pos(tok)
    f = [f"dep={tok.dep_}", f"pos={pos}", f"ent={tok.ent_type_ or '-'}", f"dep_pos={tok.dep_}|{pos}"]
    if pos != "PROPN":
        f.append(f"w={tok.lower_}")
    elif tok.text[:1].isupper():
        f.append("cap")
    if tok.i == attributor.sent(tok.i).start:
        f.append("opens_sentence")
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass"):
        f.append(f"subj_of={head.lower_}")
        f.append(f"subj_of_dep={head.dep_}")
        if head.dep_ == "ROOT":
            f.append("main_subject")  # the subject of the sentence's main verb, not of a clause inside it
    elif tok.dep_ == "pobj":
        f.append(f"prep={head.lower_}|{head.head.lower_}")
    elif tok.dep_ == "appos":
        f.append(f"appos_of={coarse_pos(head)}")
    if any(c.dep_ == "appos" for c in tok.children):
        f.append("has_appos")
    node = tok
    for _ in range(3):
        if node.head is node:
            break
        node = node.head
        if node.dep_ in ("relcl", "advcl", "acl", "pcomp"):
            f.append("subordinate")
            break
    if _between_marks(attributor.doc, tok):
        f.append("in_marks")  # a title in quotation marks ('promote "Harbour Nights"'), not a speaker
    words = sum(1 for t in tok.subtree if t.is_alpha)
    f.append(f"len={min(words, 4)}")
    if pos == "PROPN" and any(t.dep_ == "compound" and t.text[:1].isupper() for t in tok.lefts):
        f.append("full_name")
    # What the article knows of it.
    if pos == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
        ent = attributor.lookup(tok.text, None, at=tok.idx)
        f.append(f"known={ent.kind}" if ent is not None else "unknown_name")
    if pos == "PROPN":  # how much the article is about it: the times its word is written, in the lede too
        count, lede = _names_written(attributor)
        n = count[tok.lower_]
        f.append(f"written={n if n <= 2 else '3-5' if n <= 5 else '6+'}")
        if tok.lower_ in lede and tok.i >= attributor.sents[0].end:
            f.append("in_lede")
    cache[tok.i] = out = tuple(f)
    return out
