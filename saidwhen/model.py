"""The data model every stage shares: plain frozen dataclasses with offsets into ``Article.text``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date as Date

#: A person's gender as the article presents it, and the kinds of evidence it can rest on, strongest
#: first: a title or gendered role word ("Ms.", "Sir", "spokeswoman"), the pronouns the writer uses
#: for them, or, when the text says nothing, a list of first names. None stays None: no guess.
GENDERS = ("female", "male")
GENDER_EVIDENCE = ("honorific", "pronoun", "first_name")

#: The kinds of quotation: quoted in full, a quoted fragment, reported without quotation marks,
#: reported with quoted fragments inside, or summed up by the writer with no clause ("called for an
#: inquiry").
KINDS = ("direct", "partial", "indirect", "mixed", "summary", "question")


def check_kinds(kinds: Iterable[str] | str | None) -> frozenset[str]:
    """The kinds of quotation asked for ("direct,partial" or an iterable; all of ``KINDS`` when
    None); an unknown one is a ``ValueError`` that lists the known ones."""
    if kinds is None:
        return frozenset(KINDS)
    if isinstance(kinds, str):
        kinds = kinds.split(",")
    asked = frozenset(k.strip().lower() for k in kinds if k.strip())
    unknown = sorted(asked - set(KINDS))
    if unknown or not asked:
        raise ValueError(f"unknown kind(s) of quotation {', '.join(unknown) or '(none given)'}: choose from {', '.join(KINDS)}")
    return asked


@dataclass(frozen=True)
class Mention:
    """A surface form in the article text ("he", "Legend", "the senator") and where it is."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Person:
    """A canonical speaker: a person or an organisation, with every mention of it in the article.

    ``gender`` is "female", "male" or None (an organisation, or a person the article and the
    first-name list say nothing clear of), and ``gender_evidence`` one of ``GENDER_EVIDENCE``."""

    name: str
    kind: str = "PERSON"  # PERSON or ORG
    role: str | None = None  # "a spokeswoman for Acme", "chief executive"
    mentions: tuple[Mention, ...] = ()
    gender: str | None = None
    gender_evidence: str | None = None


@dataclass(frozen=True)
class SaidOn:
    """When a quote was said: a TIMEX3-style value and where that knowledge comes from.

    ``basis`` is ``explicit`` when a time expression belongs to the attribution ("she said on
    Tuesday"), ``published`` when only the publication date is known (the quote was said on or
    before it), and ``unknown`` when the article has no date.
    """

    value: str | None
    basis: str


@dataclass(frozen=True)
class Quote:
    """One span of speech, quoted or reported. Pieces of one split quote share ``group``, and so
    do a mixed quotation and the quoted fragments inside it."""

    text: str
    start: int
    end: int
    group: int
    kind: str  # one of KINDS: "direct", "partial", "indirect", "mixed", "summary" or "question"
    speaker: str | None
    speaker_mention: Mention | None
    cue: str | None
    paragraph: int
    confidence: float
    said_on: SaidOn | None = None
    occurrences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class NonQuote:
    """A quoted string that is not speech (a title, a name, a scare quote) and why it was left out."""

    text: str
    start: int
    end: int
    reason: str  # "title", "name", "scare", "heading"


@dataclass(frozen=True)
class TimeExpression:
    """A time expression normalised TIMEX3-style against the article's anchor date."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str


@dataclass(frozen=True)
class Article:
    """One dated article and everything saidwhen found in it; all offsets index ``text``."""

    text: str
    date: Date | None = None
    url: str | None = None
    id: str | None = None
    title: str | None = None
    quotes: tuple[Quote, ...] = ()
    people: tuple[Person, ...] = ()
    non_quotes: tuple[NonQuote, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    flags: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        """A JSON-ready dict (dates as ISO strings), the shape ``saidwhen extract`` prints."""
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return d
