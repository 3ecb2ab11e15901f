"""The data model every stage shares: plain frozen dataclasses with offsets into ``Article.text``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date as Date


@dataclass(frozen=True)
class Mention:
    """A surface form in the article text ("he", "Legend", "the senator") and where it is."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Person:
    """A canonical speaker: a person or an organisation, with every mention of it in the article."""

    name: str
    kind: str = "PERSON"  # PERSON or ORG
    role: str | None = None  # "a spokeswoman for Acme", "chief executive"
    mentions: tuple[Mention, ...] = ()


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
    """One quoted span of speech. Pieces of one split quote share ``group``."""

    text: str
    start: int
    end: int
    group: int
    kind: str  # "direct" or "partial"
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
    reason: str  # "title", "name", "scare"


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
