"""Quotes within quotes: the words a quoted speaker quotes of someone else.

Ruth Adler's "We waited, and as Paul Brenner put it at the hearing, 'a matter for another day and
another committee.'" prints a quotation of Brenner's inside one of hers. Re-printed elsewhere under his name, it
is one of her quotations, so it must be found as one for the store to link the re-prints (issue
16). The scanner (``quotes.scan``) reads one level of quote marks; this module finds the
speech quoted inside a double-quoted quotation (in single marks, or in curly double marks as
some papers print it), and the speaker its frame names: the words
before it in the same sentence of the outer quotation ("as Paul Brenner put it", "Paul Brenner's
claim that", "Brenner: "), or the outer quotation's attribution when it says whom it quotes ("…,"
Adler wrote, quoting Brenner's report). One whose frame names nobody ("They said, 'Wait …'", a tweet quoting
words it does not credit) stays part of the outer quotation only: with no speaker, the store would
file it as a re-print of the words around it, the outer speaker's, which are precisely not its
speaker's; and one framed by the outer speaker ("I said, 'What are they doing?'") is theirs already.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes import Span, _is_opening_context, _single_close, judge

#: A mark that may open a quotation inside another.
_OPENING = re.compile("[‘'“]")
#: Words of a frame that report speech ("as Paul Brenner said at the hearing, ").
_SAYS = (r"said|says|say|told|tells|wrote|writes|tweeted|asked|asks|declared|stated|claimed|promised|insisted|"
         r"argued|replied|responded|put|puts|warned|added")
#: A name as printed: capitalised words, a title's abbreviation among them ("Sen. Ron Johnson").
_NAME = r"((?:[A-Z][a-z][\w’'.-]*\s+){0,3}[A-Z][a-z][\w’'.-]*)"
#: A name, then a speech verb, then at most a few words before the inner quotation.
_NAMED_SAYS = re.compile(
    _NAME + r"\s+(?:has\s+|had\s+|once\s+|famously\s+|then\s+|also\s+)?(?:" + _SAYS + r")\b(?:\s+[\w’'-]+){0,5}?[,:]?\s*$")
#: A name's claim, statement or words, then at most a few words before the inner quotation
#: ("Paul Brenner's careless claim that the new levy …").
_NAMED_CLAIM = re.compile(
    _NAME + r"(?:’s|'s|’|')\s+(?:[\w-]+\s+){0,5}(?:claim|statement|words|remark|comment|assertion|promise|pledge|vow|"
    r"insistence|declaration|tweet|line|answer|reply|response)\s+(?:that\s+)?(?:[\w’'-]+\s+){0,10}$")
#: A name and a colon, as a transcript prints who speaks ("Brenner: ").
_NAMED_COLON = re.compile(_NAME + r":\s*$")
#: The attribution of the outer quotation saying whom it quotes ("…," Adler wrote, quoting Brenner's report).
_QUOTING = re.compile(r"[^.!?\n]*?\bquoting\s+" + _NAME)
#: Capitalised words that begin a frame but are no part of a name ("When Paul Brenner says").
_NOT_NAMES = frozenset("""The He She They It You And But So Then When While If As This That There What Or Like After
    Before Even Now Today Yesterday Just Not Because Since Although Once Every Some Many His Her Their Its Our My
    Your Ultimately Also People Everyone Nobody""".split())


@dataclass(frozen=True)
class Inner:
    """A quotation inside another: its span, the span it sits in, and the speaker its frame names
    (the name as printed, where it is printed, and the speech verb if the frame has one)."""

    span: Span
    outer: Span
    name: str
    name_start: int
    cue: str | None


def inner_quotes(text: str, spans: list[Span], paras: list[tuple[int, int]]) -> list[Inner]:
    """The speech quoted in single marks (or curly double ones) inside each double-quoted quotation of ``spans`` (judged as
    ``quotes.judge`` judges any quote: a title, a name or a scare quote is none), with the speaker
    its frame names; those whose frame names nobody are left out."""
    found: list[tuple[Span, Span]] = []
    for outer in spans:
        if not outer.speech or text[outer.open_at] not in '"“' or text.startswith("''", outer.open_at):
            continue
        done = outer.start  # marks before this belong to an inner quotation already found
        for m in _OPENING.finditer(text, outer.start, outer.end):
            j, c = m.start(), m.group()
            k = None
            if j < done:
                continue
            if c in "‘'" and j + 1 < outer.end and text[j + 1].isalpha() and _is_opening_context(text, j, outer.start):
                k = _single_close(text, j, min(outer.end + 1, len(text)), "’" if c == "‘" else "'")
            elif c == "“" and text[outer.open_at] == "“":  # “… “a quotation within” …” (``quotes._nested_double``)
                k = text.find("”", j + 1, outer.end)
                k = k if k > 0 else None
            if k is not None:
                if (inner := _span(text, j, k, outer.paragraph)) is not None:
                    found.append((inner, outer))
                done = k + 1
    if not found:
        return []
    judge(text, [s for s, _ in found], paras)
    out = []
    for span, outer in found:
        if not span.speech:
            continue
        frame = _frame(text, outer, span)
        named = _named(frame)
        if named is not None:
            name, at, cue = named
            out.append(Inner(span, outer, name, span.open_at - len(frame) + at, cue))
        elif outer.close_at is not None and (m := _QUOTING.match(text, outer.close_at)):
            name = re.sub(r"(?:’s|'s|’|')$", "", m.group(1))
            out.append(Inner(span, outer, name, m.start(1), "quoting"))
    return out


def _named(frame: str) -> tuple[str, int, str | None] | None:
    """The name a frame gives the speaker of the quotation after it (the name, its offset in
    ``frame``, the speech verb), or None."""
    m = _NAMED_SAYS.search(frame) or _NAMED_CLAIM.search(frame) or _NAMED_COLON.search(frame)
    if m is None:
        return None
    words = m.group(1).split()
    at = m.start(1)
    while words and words[0] in _NOT_NAMES:
        at = frame.index(words[1], at + len(words[0])) if len(words) > 1 else at
        words = words[1:]
    if not words:
        return None
    cue = next((w for w in frame[m.end(1):].split() if re.fullmatch(_SAYS, w)), None)
    return " ".join(words), at, cue


def _span(text: str, open_at: int, close_at: int, paragraph: int) -> Span | None:
    """The inner quotation between single marks at ``open_at`` and ``close_at``, its trailing comma
    left out as ``quotes`` leaves it out."""
    s, e = open_at + 1, close_at
    while e > s and text[e - 1] in " ,":
        e -= 1
    if e <= s:
        return None
    return Span(s, e, open_at, close_at + 1, paragraph, True)


def _frame(text: str, outer: Span, inner: Span) -> str:
    """The words of the outer quotation before ``inner`` in its sentence: what says whose it is."""
    before = text[outer.start:inner.open_at]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    return before[cut + 2:] if cut >= 0 else before
