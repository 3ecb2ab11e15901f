"""One person across a corpus: when two names are the same person, and which mentions are names.

Inside one article the speaker stage joins "he", "Legend" and "John Legend". Across articles the
store meets the same person under several names ("Donald J. Trump", "Donald Trump"; "Joseph R.
Biden", "Joe Biden"; "Hillary Rodham Clinton") and must join them the way a careful editor would,
without ever joining a father and son or two relatives:

- the same first and last name, with a middle name or initial added or dropped ("middle name");
- a first name and its usual short form, from a curated table (``nicknames``; "short first name"),
  unless the first-name list knows the short form as the commoner name of the two in
  English-speaking countries ("Gary" is a name of its own, not Garrett's short form) or gives
  the two opposite sexes ("Alex", "Alexandra");
- a full name with the first name the person goes by among its middle names ("Rafael Edward
  Cruz" is "Ted Cruz", "Willard Mitt Romney" is "Mitt Romney"; "middle name used"), or spelt by
  the initials of the full name ("Jeb Bush" is "John Ellis Bush"; "initials");
- a first name with a slip of the pen, a letter dropped, doubled or two swapped, where one of the
  two is no first name at all ("Rence Priebus" is "Reince Priebus"; "misspelt first name"): never
  two first names the first-name list knows ("Dana", "Diana"; "Hilary", "Hillary");
- the same name in other capitals or without its accents ("Felipe Calderón", "Felipe Calderon":
  ``same_name_key``), since outlets print a name with or without them;
- never across a generational suffix ("John Roe Jr." is not "John Roe"), never two different
  middle names, never two different first names.

An organisation joins another name of its own: a national institution with or without its
country ("U.S. State Department", "State Department"; "country named", ``org_variant_forms``), and
a bare word the article uses for one organisation it names in full ("Post" for "Washington
Post"; "short name", ``short_name_of``).

A record takes a new name only when the name fits every full name it holds (``fits_all``: the
father "Rafael Cruz" is not the record of "Ted Cruz" and "Rafael Edward Cruz"), and of several
fitting records the one the article names (``one_candidate``), or none.

Names are parsed with ``nameparser``. The rules are pure functions of names, so the store and the
Spark job apply them alike.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["NameParts", "parse", "variant_reason", "org_variant_forms", "short_name_of", "own_outlet", "spells_outlet", "fits_all", "one_candidate", "is_name_of", "is_org_name_of", "known_full_name", "fold_gender", "NO_GENDER", "same_name_key"]

#: Why two names were joined, as the store records it.
MIDDLE, SHORT_FORM, GOES_BY, INITIALS = "middle name", "short first name", "middle name used", "initials"
MISSPELT = "misspelt first name"
COUNTRY, SHORT_NAME = "country named", "short name"


@dataclass(frozen=True)
class NameParts:
    """A person's name in parts, lowercased, without dots (titles set apart)."""

    title: str
    first: str
    middle: tuple[str, ...]
    last: str
    suffix: str


#: Lower case of ASCII letters only, as SQLite's NOCASE and LIKE fold them (the Spark fold too).
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=65536)
def same_name_key(name: str) -> str:
    """What two spellings of one name share when they differ only in capitals (ASCII letters, as
    SQLite's NOCASE folds them) or accents ("Calderón", "CALDERON" → "calderon"): the store's
    ``_named`` and the Spark job's fold of people both compare names by it."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).translate(ASCII_LOWER)


def _fold(word: str) -> str:
    return word.lower().replace(".", "").strip()


@lru_cache(maxsize=65536)
def parse(name: str) -> NameParts:
    """The parts of ``name`` ("Sen. Joseph R. Biden Jr." -> sen, joseph, (r,), biden, jr).

    A plain name (``_plain_parts``: "Ada Quill", "Ada Bee Quill", "Ada Stroud-Maynard") is split by its spaces, as
    ``nameparser`` splits it; every other goes through ``nameparser``, which takes about 0.3 ms a
    name, most of what the store spends on the names of new people."""
    if (plain := _plain_parts(name)) is not None:
        return plain
    from nameparser import HumanName

    h = HumanName(name)
    return NameParts(_fold(h.title), _fold(h.first), tuple(_fold(w) for w in h.middle.split()),
                     _fold(h.last), _fold(h.suffix))


# A word of a plain name: a capital and two or more small letters, ASCII only, or such words joined by
# hyphens ("Stroud-Maynard"; no initial, no dotted abbreviation, nothing written in one case, no apostrophe).
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*")
# Roman numerals (a generational suffix, "Iii"): not plain, whatever the lexicon says.
_ROMAN = re.compile(r"[ivxlcdm]+")


def _plain_parts(name: str) -> NameParts | None:
    """The parts of a plain name of one to three words (first, middle, last, as ``nameparser``
    gives them), or None when ``name`` is not plain: a word is not ``_PLAIN_WORD``, or it or a part
    of it between hyphens reads as a roman numeral or is one that ``nameparser``'s lexicon gives a
    role (``_lexicon_words``: a title, suffix, particle, conjunction, bound given name, surname read
    first, ...). The tests compare it with ``nameparser`` over tens of thousands of names (46,074
    without a hyphen, and 37,041 hyphenated ones built from PolNeAR's capitalised words and a list of
    first names, when hyphenated words were let in)."""
    words = name.split(" ")
    if len(words) > 3 or not all(_PLAIN_WORD.fullmatch(w) for w in words):
        return None
    folded = [w.lower() for w in words]
    if any(_has_a_role(w) or "-" in w and any(_has_a_role(part) for part in w.split("-")) for w in folded):
        return None
    if len(folded) == 1:
        return NameParts("", folded[0], (), "", "")
    return NameParts("", folded[0], tuple(folded[1:-1]), folded[-1], "")


def _has_a_role(word: str) -> bool:
    """Whether ``nameparser`` may read a lower-case word as more than a name: a word of its lexicon, or a
    roman numeral."""
    return word in _lexicon_words() or _ROMAN.fullmatch(word) is not None


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Every word, lowercased, that ``nameparser``'s default lexicon lists in any of its vocabularies:
    a name holding one is parsed by ``nameparser`` itself (``_plain_parts``)."""
    from nameparser import HumanName

    lexicon = HumanName("Ada Quill")._lexicon
    words: set[str] = set()
    for field in dir(lexicon):
        value = getattr(lexicon, field, None)
        if field.startswith("__") or callable(value) or not hasattr(value, "__iter__") or isinstance(value, str):
            continue
        for entry in value:  # words, or (word, spelling) pairs
            for item in (entry if isinstance(entry, tuple) else (entry,)):
                if isinstance(item, str):
                    words.update(w.strip(".").lower() for w in item.replace(".", " ").split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _nicknames():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=65536)
def same_first_name(a: str, b: str) -> str | None:
    """"" when two first names are one, ``SHORT_FORM`` when one is the other's usual short form
    ("joe", "joseph"), else None. Two short forms of one name are not joined ("joey", "jody")."""
    if a == b:
        return ""
    if len(a) < 2 or len(b) < 2:
        return None
    nn = _nicknames()
    if b in nn.nicknames_of(a) or a in nn.nicknames_of(b):
        short, full = sorted((a, b), key=len)  # the table has it both ways for some ("bill", "william")
        return None if _usage(short) > _usage(full) or _opposite_sex(a, b) else SHORT_FORM  # not "Gary"/"Garrett"
    short, full = sorted((a, b), key=len)
    if len(short) >= 3 and full.startswith(short) and _same_sex(short, full) and _usage(short) <= _usage(full):
        return SHORT_FORM  # "Stan"/"Stanley", not "Don"/"Donna"
    return None


@lru_cache(maxsize=65536)
def _usage(name: str) -> int:
    """How common a first name is in English-language countries, from gender-guesser's list: its
    frequency codes (0-13) for Great Britain, Ireland and the USA summed, the highest of its
    genders'; 0 when the list lacks it. A "short form" commoner than its "full name" ("Gary",
    "Garrett") is a name of its own."""
    codes = first_names().names.get(name) or {}
    return max((sum(int(c, 16) for c in values[:3] if c.strip()) for values in codes.values()), default=0)


def _opposite_sex(a: str, b: str) -> bool:
    """Whether the first-name list gives the two names opposite sexes outright ("Alex", "Alexandra")."""
    ga, gb = first_names().get_gender(a), first_names().get_gender(b)
    return {ga, gb} == {"male", "female"}


@lru_cache(maxsize=1)
def first_names():
    """gender-guesser's dictionary of first names (about 40,000, with the gender usually borne),
    loaded once for the speaker stage and the store alike, read for English-language news: a name
    the list gives one sex in general and the other in the United States ("Jan", "Jean", "Rand",
    "Bernie", "Eli") is borne by both, so only the text can say which (``"andy"``)."""
    import gender_guesser.detector

    class NewsFirstNames(gender_guesser.detector.Detector):
        def get_gender(self, name: str, country: str | None = None) -> str:
            g = super().get_gender(name, country)
            if country is None and g in _SEX and _SEX.get(super().get_gender(name, "usa"), _SEX[g]) != _SEX[g]:
                return "andy"
            return g

    return NewsFirstNames(case_sensitive=False)


_SEX = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}


def _same_sex(a: str, b: str) -> bool:
    """Whether the first-name list gives both names the same sex outright."""
    ga, gb = first_names().get_gender(a), first_names().get_gender(b)
    return ga == gb and ga in ("male", "female")


def _middles_agree(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """One middle name missing, or the same one, or one the initial of the other."""
    if not x or not y:
        return True
    if len(x) != len(y):
        return False
    return all(a == b or len(a) == 1 and b.startswith(a) or len(b) == 1 and a.startswith(b) for a, b in zip(x, y))


def variant_reason(a: str, b: str) -> str | None:
    """Why names ``a`` and ``b`` are one person ("middle name", "short first name"), or None.

    Both must give a first and a last name; the last names and suffixes must be equal.
    """
    if a == b:
        return None
    pa, pb = parse(a), parse(b)
    if not (pa.first and pa.last and pb.first and pb.last) or pa.last != pb.last or pa.suffix != pb.suffix:
        return None
    if len(pa.first) == 1 or len(pb.first) == 1:
        return None  # "J. Roe": an initial could be anyone's
    first = same_first_name(pa.first, pb.first)
    if first is None and _misspelt(pa.first, pb.first):
        first = MISSPELT
    if first is None:
        return _goes_by(pa, pb) or _goes_by(pb, pa)
    if not _middles_agree(pa.middle, pb.middle):
        return None
    if first:
        return first
    return MIDDLE if pa.middle != pb.middle else None


def _misspelt(a: str, b: str) -> bool:
    """Whether two first names are one with a slip of the pen ("rence", "reince"): the same first
    letter, a letter dropped (or doubled) or two neighbours swapped, at least four letters each, and
    one of them no first name in the first-name list. Two names the list knows are two names
    ("dana", "diana"), whatever their spelling."""
    if a[:1] != b[:1] or min(len(a), len(b)) < 4 or a in first_names().names and b in first_names().names:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _goes_by(short: NameParts, full: NameParts) -> str | None:
    """Whether ``short`` (first and last name only) is ``full`` called by one of its middle names
    or a short form of it ("Ted Cruz", "Rafael Edward Cruz"), or by its initials ("Jeb Bush",
    "John Ellis Bush")."""
    if short.middle or not full.middle:
        return None
    if any(len(m) > 1 and same_first_name(short.first, m) is not None for m in full.middle):
        return GOES_BY
    initials = full.first[:1] + "".join(m[:1] for m in full.middle) + full.last[:1]
    return INITIALS if len(initials) >= 3 and short.first == initials else None


def fits_all(name: str, forms) -> bool:
    """Whether ``name`` is a variant of (or equal to) every full name in ``forms``, the names a
    record is known by: a record that holds "Ted Cruz" and "Rafael Edward Cruz" is not "Rafael
    Cruz", though "Rafael Cruz" is "Rafael Edward Cruz" with the middle name dropped."""
    return all(f == name or " " not in f or variant_reason(name, f) is not None for f in forms)


def one_candidate(found: dict, here) -> tuple | None:
    """The one candidate of ``found`` (id -> (reason, its full names)), or, of several, the one
    whose names the article (``here``) gives; None otherwise. The store and the Spark job alike."""
    if len(found) > 1:
        here = set(here)
        found = {k: v for k, v in found.items() if v[1] & here}
    if len(found) != 1:
        return None
    (pid, (reason, _)), = found.items()
    return pid, reason


_WORD = re.compile(r"[\w'’-]+")


def is_name_of(alias: str, name: str) -> bool:
    """Whether a mention is a name of the person called ``name``: the name itself, a variant of
    it, the surname, or a title or honorific with the surname or full name ("Mr. Roe", "Sen. Jane
    Roe"). Descriptions ("the Florida senator", "His wife", "A teary-eyed Roe") and pronouns are
    not names, whatever their capitals; nor a bare surname the news knows as another person's
    (``known_full_name``: "Trump" is not a name of Eric Trump)."""
    alias = alias.strip()
    if not alias or alias == name or not alias[:1].isupper():
        return False
    pn = parse(name)
    if not pn.last or alias.isascii() and not _holds_words(alias, pn.last):
        return False  # a description that does not name the surname ("The owner"): no need to parse it
    pa = parse(alias)
    words = [_fold(w) for w in _WORD.findall(alias)]
    if pa.title:  # "Mr. Roe", "Sen. Jane Roe": what follows the title must be a name of the person
        rest = alias.split(None, len(pa.title.split()))[-1] if len(alias.split()) > len(pa.title.split()) else ""
        return bool(rest) and (rest == name or is_name_of(rest, name))
    if words == [pn.last] or words == pn.last.split():
        # not where the news knows the bare surname as someone else ("Trump" is not Eric Trump's name)
        return (known := known_full_name(alias)) is None or known == name
    if not pa.first or pa.last != pn.last or pa.suffix != pn.suffix:
        return False
    return same_first_name(pa.first, pn.first) is not None and _middles_agree(pa.middle, pn.middle)


def _holds_words(alias: str, last: str) -> bool:
    """Whether the ASCII ``alias``, in small letters and without its dots, holds each word of the folded
    surname ``last`` (``parse``): every way ``is_name_of`` accepts an alias needs it to (its words, the
    surname ``nameparser`` reads in it, or what follows its title, are pieces of it), so an alias that
    does not is no name of the person, and ``nameparser`` (about 0.3 ms a new alias) need not read it."""
    folded = alias.lower().replace(".", "")
    return all(w in folded for w in last.split())


_SMALL = frozenset("of the and for on in at to &".split())
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def is_org_name_of(alias: str, name: str) -> bool:
    """Whether a mention is another name of the organisation called ``name``: its acronym
    ("FBI"), a longer form ("U.S. State Department"), or a part of it that is no generic noun
    ("the Post" for the Washington Post; not "Department"), and a lone word only if it ends the
    name (not "Washington"). Descriptions ("One such document"),
    people ("Mr. Band") and the name with a possessive are not."""
    from .lexicon import NAME_BEARING, ORG_NOUNS, STRIP_TITLES

    alias = _POSSESSIVE.sub("", alias.strip())
    words, own = alias.split(), name.split()
    if not words or alias == name or not alias[:1].isupper() or words[0].lower() in STRIP_TITLES:
        return False
    if words[0].lower() in ("the", "a", "an", "this", "that", "its", "their", "one", "such"):
        return False
    initials = "".join(w[0] for w in own if w.lower() not in _SMALL and w[:1].isupper())
    if alias.replace(".", "").isupper() and alias.replace(".", "") == initials.upper() and len(initials) >= 2:
        return True
    n = len(own)
    if any(words[i : i + n] == own for i in range(len(words) - n + 1)):
        return True  # "U.S. State Department"
    if len(words) == 1 and re.fullmatch(r"(?:[A-Z]\.){2,}", words[0]):
        return False  # "U.S." in "U.S. State Department": a place, not the department
    if len(words) == 1 and n >= 2 and words[0] != own[-1]:
        return False  # "Post" is the Washington Post; "Washington" a place, "Clinton" of the Clinton Foundation a person
    generic = ORG_NOUNS | NAME_BEARING
    inside = any(own[i : i + len(words)] == words for i in range(n - len(words) + 1))
    return inside and any(w.lower() not in generic and w.lower() not in _SMALL for w in words)


#: The names of the home country of the news read (U.S. news): "the State Department" is the U.S. one.
HOME_COUNTRY = ("U.S.", "US", "U.S.A.", "United States")
#: Words of an institution the country has many of: "U.S. District Court" is a federal court, "District
#: Court" any district's, and neither says which.
_ONE_OF_MANY = frozenset("district districts circuit regional field county city local attorney's branch".split())
#: Words that name a body of their own, not the last word of a longer name ("the House" is not
#: the White House, "the Senate" not a state senate).
_OWN_BODIES = frozenset("house senate assembly congress parliament cabinet".split())


def org_variant_forms(name: str) -> tuple[str, ...]:
    """The other names of a national institution, with or without the home country before it
    ("U.S. State Department" -> ("State Department",); "Supreme Court" -> ("U.S. Supreme Court", …)).

    Only an institution of two words or more that ends in an institution noun ("department",
    "court", "agency"): "U.S. Steel" is no "Steel", "USA Today" no "Today", another country's
    "Foreign Ministry" is never the U.S. one, and one of many ("U.S. District Court") is never
    the bare form, which any of them may be."""
    from .lexicon import NAME_BEARING, ORG_NOUNS

    for country in HOME_COUNTRY:
        if name.startswith(country + " "):
            core, forms = name[len(country) + 1 :], None
            break
    else:
        core, forms = name, [f"{country} {name}" for country in HOME_COUNTRY]
    words = core.split()
    if len(words) < 2 or words[-1].lower() not in NAME_BEARING | ORG_NOUNS or not all(w[:1].isupper() for w in words) \
            or any(w.lower().replace("’", "'") in _ONE_OF_MANY for w in words):
        return ()
    return tuple(forms) if forms is not None else (core,)


def short_name_of(word: str, orgs, people=()) -> str | None:
    """The one organisation of an article (``orgs``, the names it gives in full) that a bare word
    is the short name of ("Post" for "Washington Post", "Times" for "New York Times"), or None:
    when the article names a person of that surname (``people``), when the word is a generic noun
    ("Department", see ``is_org_name_of``), a body of its own ("House") or a place ("America" of
    "Bank of America"), or when two organisations end in it ("Washington Post", "New York Post")."""
    from .lexicon import PLACE_NAMES

    if " " in word or word.lower() in _OWN_BODIES | PLACE_NAMES or any(p.endswith(" " + word) for p in people):
        return None
    found = {o for o in orgs if o.endswith(" " + word) and is_org_name_of(word, o)}
    return found.pop() if len(found) == 1 else None


#: The last labels of a web host that name no outlet ("nytimes.com", "bbc.co.uk").
_HOST_ENDINGS = frozenset("com org net co uk us news info biz gov edu int".split())


def spells_outlet(outlet: str | None, name: str) -> bool:
    """Whether an outlet's key (its web host, "nytimes.com", or its source-id prefix, "wash-post";
    see ``balance.outlet``) spells an organisation's full name: word for word ("washingtonpost"),
    by initials ("nyt"), by initials and the last word ("nytimes"), or by the words' beginnings
    ("wash-post"). What lets a paper's "the Times" in its own story be the paper."""
    if not outlet:
        return False
    labels = [x for x in outlet.lower().split(".") if x and x not in _HOST_ENDINGS and x != "www"]
    if not labels:
        return False
    parts = [x for x in re.split(r"[-_]", labels[-1]) if x]
    words = [w.lower().strip(".") for w in name.split() if w.lower() != "the"]
    if len(words) < 2 or not parts or not all(w.isalpha() for w in words):
        return False
    joined, initials = "".join(parts), "".join(w[0] for w in words)
    if joined in ("".join(words), initials, initials[:-1] + words[-1]):
        return True
    return len(parts) == len(words) and all(w.startswith(x) for x, w in zip(parts, words))


def own_outlet(word: str, outlet: str | None, stored_orgs, orgs=(), people=()) -> str | None:
    """The stored organisation (``stored_orgs``, full names) a bare word is when the article is
    that organisation's own ("Times" in a story from nytimes.com is the New York Times), unless
    the article names another organisation ending in the word (``orgs``) or ``short_name_of``
    keeps the word apart (a person of that surname, a generic noun, a place)."""
    if any(o.endswith(" " + word) for o in orgs):
        return None
    own = {o for o in stored_orgs if o.endswith(" " + word) and spells_outlet(outlet, o)}
    return short_name_of(word, own, people) if len(own) == 1 else None


@lru_cache(maxsize=1)
def _known_names() -> dict[str, str]:
    return json.loads(resources.files("saidwhen").joinpath("known_names.json").read_text(encoding="utf-8"))


def known_full_name(surname: str) -> str | None:
    """The full name a lone surname stands for in the news, when one person dominates it in a
    reference corpus ("Obama": "Barack Obama"; built by ``scripts/build_names.py``)."""
    return _known_names().get(surname)


#: A person's gender across articles: (gender, gender_evidence, gender_conflict), before any evidence.
NO_GENDER: tuple[str | None, str | None, int] = (None, None, 0)
_TEXT = {"honorific": 2, "pronoun": 1}  # the article's own word, the stronger first


def fold_gender(known: tuple[str | None, str | None, int], seen: tuple[str | None, str | None, int]) -> tuple[str | None, str | None, int]:
    """One person's gender across articles, ``known`` so far and then ``seen`` (one article's
    ``Person.gender``/``gender_evidence``, or another record's state when two are joined).

    What an article says (honorific, pronoun) wins over the first-name list; between equals the
    stronger text evidence is kept. Two articles' text saying different genders is a conflict:
    the gender is then None and ``gender_conflict`` 1 for good, so that it is counted, never
    settled by whichever came last. The store and the Spark job fold alike."""
    gender, evidence, conflict = known
    g2, e2, c2 = seen
    if conflict or c2:
        return (None, None, 1)
    if g2 is None:
        return known
    if gender is None:
        return (g2, e2, 0)
    if e2 in _TEXT and evidence in _TEXT:
        if g2 != gender:
            return (None, None, 1)
        return (gender, max(evidence, e2, key=_TEXT.get), 0)
    if e2 in _TEXT:  # the article's word over the name list
        return (g2, e2, 0)
    return known  # a name list never overrules what is known
