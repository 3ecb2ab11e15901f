"""From mention to entity: the people and organisations of one article, and what each mention means.

Entities are collected from the names NER and the capitalised runs give (full names first, so a
lone surname finds the person it abbreviates), with roles, kinds and genders learnt from the text;
a mention the attribution picks (a name, a pronoun, a description, a possessive, a relative
pronoun) is then resolved to one of them and its canonical name: the fullest proper name of the
chain. ``Entities`` is a mixin of ``speakers.Attributor``, which owns the parsed document."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span as SpacySpan, Token

from .people import first_names, known_full_name
from .lexicon import (
    SPEECH_LEMMAS, WEAK_SPEECH,
    DOCUMENTS, FOLLOWINGS, FRAGMENT_WORDS, NON_PERSON_WORDS, PLACE_NAMES, GENDERED_ROLES, HONORIFICS, LOOKBACK, MEDIA_OF, NAME_BEARING, ORG_DESCRIPTORS,
    GENERATIONAL, ORG_NOUNS, ORG_SUFFIXES, PARTICLES, PLACE_WORDS, POSSESSIVES, POSTNOMINALS, PRONOUNS, PRONOUN_GENDER,
    CALENDAR, COMPANIES, COUPLES, CROWDS, FINDINGS, MAKING, GOVERNMENT_WORDS, HEADLINE_VERBS, INCORPORATED, NATIONS, PRESS, PRESS_NAMES, STATE_BODIES, US_STATES,
    PLATFORMS, RELATIVES, ROLE_WORDS, SENTENCE_NOUNS, SPOKESPEOPLE, STAFF, STRIP_TITLES, TEAMS, TITLE_WORDS, VOICES,
    before_colon, coarse_pos, dateline_end, enclosing_brackets, english_word, opens_sentence,
)
from .lexicon import _QUOTES, _STRAY, _SUFFIX, _TITLE_START, _TITLED, tokens_among


def _offset(mention: tuple) -> int:
    return mention[0]


def first_name_gender(word: str) -> str | None:
    """"m", "f", "?" (a first name borne by both), or None when ``word`` is no known first name."""
    g = first_names().get_gender(word)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": "?"}.get(g)


def first_name_sure(word: str) -> bool:
    """Whether the list gives ``word`` one gender outright ("male"), not only mostly ("mostly_male")."""
    return first_names().get_gender(word) in ("male", "female")


#: How much each kind of gender evidence weighs: what the text says of the person (a title or a
#: gendered role, then the pronouns it uses for them) outweighs what a list says of the first name,
#: and a name the list gives only "mostly" to one gender weighs least.
EVIDENCE_RANK = {"honorific": 4, "pronoun": 3, "first_name": 2, "first_name_mostly": 1}
#: How many sentences after the last one naming somebody a "he"/"she" subject still goes on about
#: them: on PolNeAR train, such a pronoun three sentences on agrees with a sure first name 14 times
#: in 15, four or more sentences on only 11 in 19 (somebody else, whose mentions were missed).
CARRY_ON = 3
#: The words that give a person's gender in a title or an apposition ("Gold Star mom Karen Vale",
#: "Vale, a 60-year-old woman"): the gendered roles, and the words of sex and kinship that are no
#: role (so not in ``GENDERED_ROLES``, which also tells the speaker stage who can speak).
GENDER_WORDS = {**GENDERED_ROLES, **{w: "m" for w in (
    "man", "boy", "gentleman", "dad", "grandfather", "grandson", "uncle", "nephew", "stepfather",
    "stepson", "fiancé", "widower", "assemblyman", "anchorman", "alderman", "policeman", "sportsman")},
    **{w: "f" for w in (
        "woman", "girl", "mom", "grandmother", "granddaughter", "aunt", "niece", "stepmother",
        "stepdaughter", "fiancée", "assemblywoman", "anchorwoman", "alderwoman", "policewoman",
        "sportswoman")}}


def _name_parts(text: str, kind: str = "PERSON") -> list[str]:
    """The words of a name without a possessive, a leading "the" or, for people, titles and roles.

    "Ashby Fire Chief Raymond Okoro" → ["Raymond", "Okoro"]; "Sen. Jane Doe's" → ["Jane", "Doe"].
    """
    words = _SUFFIX.sub("", text.strip()).split()
    if len(words) > 2:  # Robert C. "Bobby" Scott: the quoted nickname is not part of the name
        words = [w for w in words if not (w[:1] in _QUOTES and w.rstrip(",")[-1:] in _QUOTES)] or words
    parts = [q for p in words if (q := p.strip(_STRAY).lstrip("'’")) and q.strip(".")]
    if len(parts) > 1 and (parts[0].lower() == "the" or parts[0] in ("a", "an")):
        parts = parts[1:]  # (NER may take in "a": "according to a Harbour Radio tally")
    if kind != "PERSON":
        for dash in ("-", "—", "–"):  # "March 2025 - Helvion Energy ASA": a dateline run into the name
            if dash in parts[:-1] and any(ch.isdigit() for p in parts[: parts.index(dash)] for ch in p):
                parts = parts[parts.index(dash) + 1 :]
        while len(parts) > 1 and (parts[0].lower() in ORG_DESCRIPTORS or parts[0].isalpha() and parts[0].islower()
                                  and parts[0] not in PARTICLES) and parts[1][:1].isupper():
            parts = parts[1:]  # "Developer Tarnside Homes", "federal Tarnside Commission" → "Tarnside …"
        while len(parts) > 1 and (parts[-1].lower() == "poll" or parts[-1] == "survey"):
            # "a Harbor State University Poll found": the pollster speaks through its poll (but a
            # body may be a "Survey": "the U.S. Geological Survey")
            parts = parts[:-1]
        return parts
    while len(parts) > 1 and parts[0][:1].islower() and parts[0] not in PARTICLES:
        parts = parts[1:]  # "frustrating Scott": a word the parser ran into the name
    while len(parts) > 1 and (parts[0].lower() in STRIP_TITLES or parts[0].lower().rstrip(".") in ROLE_WORDS
                              or parts[0].lower() in ORG_DESCRIPTORS) and not _new_place(parts[0], parts[1]):
        parts = parts[1:]
    # "Texas Sen. Cruz", "Former Gov. Jeb Bush": a place or a word before the title is not the name
    titles = [k for k, p in enumerate(parts[:-1]) if p.lower() in STRIP_TITLES]
    if titles and all(first_name_gender(p) is None for p in parts[: titles[-1]]):
        parts = parts[titles[-1] + 1 :]
    while len(parts) > 1 and any(ch.isdigit() for ch in parts[-1]):  # "Elise Marchetti 6-4 3"
        parts = parts[:-1]
    while len(parts) > 2 and parts[-1].lower().strip(".") in POSTNOMINALS:  # "Imogen Strathairn KC"
        parts = parts[:-1]
    if len(parts) >= 3 and _word_before_name(parts[0]):  # "Creator Oliver Strand": the name starts at its first name
        for i, w in enumerate(parts[1:-1], 1):
            if first_name_gender(w) is not None:
                parts = parts[i:]
                break
    return parts


def _word_before_name(word: str) -> bool:
    """Whether a name's first word, one no first-name list holds, is a word put before a name
    ("Follow Ada Quill", "Creator Oliver Strand", "Republican Jane Roe", "Slain Ada Quill") rather
    than a given name of its own ("Mahamat Saleh Oumar", "Tracee Ellis Ross"): an English word, or
    anything not written as a given name is ("Adm.", "Cllr", "N.J.", "McCain", "Rubio's", "The Fixers:")."""
    given_shape = word.isalpha() and word[:1].isupper() and word[1:].islower() and any(v in word for v in "aeiouy")
    return first_name_gender(word) is None and (not given_shape or english_word(word))


def _new_place(word: str, following: str) -> bool:
    """Whether ``word`` is the "New" of a place ("New Hampshire Union Leader"), not the role word
    "new" ("new coach Ann Kell") that a name is stripped of."""
    return word == "New" and following.lower() in PLACE_NAMES


@lru_cache(maxsize=8192)
def _name_key(text: str, kind: str = "PERSON") -> tuple[str, ...]:
    """A name's parts, lowercased, with one apostrophe: what two mentions of one name share
    ("O’Neill" and "O'Neill", which one article may write both ways). Kept for the names met
    last: an article asks for the same few names hundreds of times."""
    return tuple(p.lower().strip(".").replace("’", "'") for p in _name_parts(text, kind))


def _core(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name key without its generational suffix: "Roe" still abbreviates "John Roe Jr."."""
    return key[:-1] if len(key) > 2 and key[-1] in GENERATIONAL else key


def _clean_name(text: str, kind: str = "PERSON") -> str:
    """The display form of a name ("Jane Doe" for "Sen. Jane Doe's", and for a transcript's "JANE DOE";
    "François" for a page's UTF-8 read as Latin-1 once or twice, "FranÃ§ois")."""
    parts = _name_parts(text, kind)
    if kind == "PERSON" and len(parts) >= 2 and all(p.isupper() and len(p) > 1 for p in parts):
        parts = [p.title() for p in parts]
    return _unmangled(" ".join(parts))


def _unmangled(name: str) -> str:
    """``name`` with UTF-8 that was decoded as Latin-1 (or Windows-1252) decoded right, as often as
    it was done (its accents composed first: some archives decompose "Ã" too); unchanged where that
    does not give valid UTF-8."""
    fixed = unicodedata.normalize("NFC", name)
    for _ in range(3):
        if not any(c in fixed for c in "ÃÂÅâ"):
            break
        for codec in ("latin-1", "cp1252"):
            try:
                fixed = fixed.encode(codec).decode("utf-8")
                break
            except UnicodeError:
                continue
        else:
            break
    return fixed if fixed != unicodedata.normalize("NFC", name) else name


# Words in a labour union's name that are not "union": its members' trade, or the kind of body.
_LABOUR = frozenset("""workers employees teamsters teachers nurses attendants pilots machinists laborers
    electricians carpenters firefighters steelworkers autoworkers federation brotherhood afl-cio""".split())

# Titles that give a person the role another word describes: a justice of a court is "the judge".
_SAME_ROLE = {"judge": {"justice"}}

# Words a description of an office may carry besides those that say which office it is ("the GOP
# presidential nominee", "the sitting president"). Any other word names another office ("the vice
# president", "the deputy director", "the Mexican president") or another time ("the former
# secretary of state", "the next president", "the presumptive nominee"): no holder then.
_OFFICE_NEUTRAL = frozenset("presidential current sitting incumbent u.s. us american national party".split())


@lru_cache(maxsize=1)
def _offices() -> list[dict]:
    """``offices.json``: who held the offices news names without a name, from when to when."""
    return json.loads(resources.files("saidwhen").joinpath("offices.json").read_text(encoding="utf-8"))["offices"]


def office_holder(role: str, words: set[str], on) -> str | None:
    """The holder, on date ``on``, of the office a description names by ``role`` and the words that
    qualify it ("nominee" and {"R", "presidential"}, a party given as "R" or "D"); None if the
    words name no office listed, or name it at another time (``_OFFICE_NEUTRAL``)."""
    day = on.isoformat()
    for office in _offices():
        need = set(office["with"])
        if office["role"] != role or not need <= words or words - need - _OFFICE_NEUTRAL:
            continue
        for start, end, name in office["holders"]:
            if start <= day < (end or "9999"):
                return name
    return None


#: A legislative chamber's word alone, and the words of the longer names it never abbreviates:
#: "the House" votes, "the (Democratic) White House" is the president's.
_CHAMBER_NOT = {("house",): {"white"}}


# The offices "general" follows ("attorney general", "surgeon general"): not "Retired General".
_GENERAL_OFFICES = frozenset("""attorney surgeon solicitor inspector secretary postmaster adjutant governor consul director
    auditor paymaster comptroller""".split())


def _described_group(span: SpacySpan) -> bool:
    """Whether a capitalised name of three words or more holds an adjective and the plural noun it
    qualifies before its last word ("Black Lives Matter", "Young Voters for Change"): a
    movement's or a group's name, never a person's."""
    return len(span) >= 3 and any(a.tag_ == "JJ" and b.tag_ == "NNS" and a.text[:1].isupper() and b.text[:1].isupper()
                                  for a, b in zip(span, span[1:-1]))


def title_case_headline_end(text: str) -> int:
    """End of a first line written in title case ("Bramwell Foods Agrees To Buy …"), where NER
    cannot tell names from capitalised words; 0 when the article has no such headline."""
    end = text.find("\n")
    if end < 0:
        return 0
    words = [w for w in text[:end].split() if w[:1].isalpha()]
    caps = sum(w[0].isupper() for w in words)
    if len(words) >= 4 and caps >= 0.7 * len(words) and not text[:end].rstrip().endswith("."):
        return end
    # Archives end a headline with a full stop ("Clinton Plan for Taxes Is Expansive."): every
    # major word capitalised still tells a title from a sentence.
    major = [w for w in words if w.lower() not in _HEADLINE_SMALL]
    return end if len(major) >= 4 and sum(w[0].isupper() for w in major) >= 0.9 * len(major) else 0


_HEADLINE_SMALL = frozenset("a an the of and or but nor in on at to for with by from as is are was vs. vs per via".split())


@dataclass
class Entity:
    """A person or organisation of one article, gathering its mentions as they are resolved."""

    name: str
    kind: str
    key: tuple[str, ...]
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # doc char offsets
    seen: set[tuple[int, int]] = field(default_factory=set)  # the offsets of those mentions
    roles: set[str] = field(default_factory=set)
    role: str | None = None
    gender: str | None = None  # "m" or "f"
    evidence: str | None = None  # a key of EVIDENCE_RANK: why ``gender`` is what it is
    first: int = 0

    def learn_gender(self, gender: str, evidence: str) -> None:
        """Take ``gender`` when ``evidence`` outweighs what the entity's gender rests on so far
        (the first word wins between equals: the writer's title at the first mention)."""
        if gender in ("m", "f") and EVIDENCE_RANK[evidence] > EVIDENCE_RANK.get(self.evidence, 0):
            self.gender, self.evidence = gender, evidence

    def learn_role_gender(self, word: str) -> None:
        """The gender a role word gives ("spokeswoman", "Clinton spokesman Brian Fallon"), unless
        the list is sure the first name is the other gender's: some writers use "spokesman" or
        "chairman" of anyone, and a kinship word ("whose husband, Ty Woods") goes to the wrong
        person as soon as a shared surname is resolved to the wrong one."""
        g = GENDER_WORDS[word]
        if len(self.key) >= 2 and first_name_sure(self.key[0]) and first_name_gender(self.key[0]) != g:
            return
        self.learn_gender(g, "honorific")



_PARTY_SEAT = re.compile(r"\(?[DRI]-[A-Z]")


class Entities:
    """The entities of one article and the resolution of mentions to them (a mixin: the
    ``Attributor`` provides the document, its sentences and its quoted ranges)."""

    def sent(self, i: int) -> SpacySpan:
        """The sentence of token ``i`` (``Token.sent`` rescans the doc on every call)."""
        return self.sents[self._sent_of[i]]

    # --- entities ---------------------------------------------------------------------------
    def sentence_before(self, i: int) -> SpacySpan | None:
        """The sentence before token ``i``'s, passing over the blank lines the parser makes sentences."""
        k = self._sent_of[i] - 1
        while k >= 0 and not self.sents[k].text.strip():
            k -= 1
        return self.sents[k] if k >= 0 else None

    def sentence_after(self, i: int) -> SpacySpan | None:
        """The sentence after token ``i``'s, passing over the blank lines the parser makes sentences."""
        k = self._sent_of[i] + 1
        while k < len(self.sents) and not self.sents[k].text.strip():
            k += 1
        return self.sents[k] if k < len(self.sents) else None

    def in_quote(self, offset: int) -> bool:
        """Whether a doc offset falls inside a quoted range (whose words are not the writer's)."""
        i = bisect_right(self._range_starts, offset) - 1
        return i >= 0 and offset < self.ranges[i][1]

    def _collect_entities(self) -> None:
        headline = title_case_headline_end(self.text)
        ents = [
            e for e in self.ents
            if e.start_char >= headline
            and e.label_ in ("PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", "LOC") and "," not in e.text
            and not self.in_quote(e.start_char) and not self.in_quote(e.end_char - 1)
            and not self._dateline(e) and not self._fragment(e)
        ]
        ents = [r for r in (self._relabel(e) for e in ents) if r.label_ in ("PERSON", "ORG", "GPE", "NORP")]
        ents = [self._with_circuit(e) for e in ents]
        runs = [r for r in self._name_runs() if r.start_char >= headline]
        ents += [r for r in runs if r.label_ == "ORG"]
        named = [t for t in (self._trimmed(e) for e in ents if e.label_ == "PERSON") if t is not None]
        ents = [e for e in ents if e.label_ != "PERSON"] + named
        persons = named + [t for t in (self._trimmed(r) for r in runs if r.label_ == "PERSON") if t is not None]
        # Full names first, so that a lone surname can find the person it abbreviates.
        for e in sorted(persons, key=lambda e: (-len(_name_key(e.text)), e.start_char)):
            self._entity_for(e, "PERSON")
        for e in persons:
            self._first_name_joined(e)
        # An organisation's full name first, so "the county health department" finds it; a run of
        # lowercase words is a description, never a name.
        for e in sorted(ents, key=lambda e: (-len(e), e.start_char)):
            if e.label_ == "ORG" and any(w[:1].isupper() for w in e.text.split()[1:] or e.text.split()):
                self._entity_for(e, "ORG")
        covered = set()
        for e in sorted(ents + persons, key=lambda e: e.start_char):
            if e.label_ in ("PERSON", "ORG"):
                ent = self.lookup(e.text, e.label_, at=e.start_char, gender=self._honorific(e[0]))
                if ent is not None:
                    self._add_mention(ent, e.start_char, e.end_char, e.text, e.root)
                    self._learn_roles(ent, e)
                    covered.update(range(e.start, e.end))
        # A lone surname NER did not label still mentions the person it abbreviates, also where the
        # tagger took it for a noun ("Sanders is …" as a plural) and the article never writes it in
        # lower case.
        for tok in self._capitals:
            pos = coarse_pos(tok)
            if pos != "PROPN" and not (pos == "NOUN" and tok.text[:1].isupper() and not tok.text.isupper()) \
                    or tok.i in covered or self.in_quote(tok.idx):
                continue
            ent = self.lookup(tok.text, "PERSON", at=tok.idx, gender=self._honorific(tok))
            if ent is not None and (pos == "PROPN" or not _common_noun(tok.text, self.text)):
                self._add_mention(ent, tok.idx, tok.idx + len(tok), tok.text, tok)
                # "for Roe - the first-term senator": a sentence NER never read (it names nobody
                # new) still gives the person a role
                self._learn_apposed_role(ent, tok)
        self._mention_role_subjects()

    def _first_name_joined(self, span: SpacySpan) -> None:
        """The first of two first names that share one surname ("the parents, Omar and Leila
        Haddad"): a person of their own, "Omar Haddad", mentioned by that first name (one the
        lists of first names know, or NER takes for a person on its own). Else the
        surname alone ("Mr. Haddad") could only go to the other Haddads the article names in full.
        Not after another capitalised word ("Tom Ray and Lena Haddad": two full names), nor for a
        word that is somebody's surname ("Clinton and Bernie Sanders") or that the article writes
        on its own elsewhere ("Keyworth and Dick Hackborn" after "Keyworth rushed …")."""
        doc = self.doc
        k = span.start
        if len(span) != 2 or k < 2 or doc[k - 1].lower_ not in ("and", "&") or first_name_gender(span[0].text) is None:
            return
        first = doc[k - 2]
        ner = self._ent_of.get(first.i)  # NER's span over the first name, if any: only that word may be in it
        if ner is not None and (ner.start, ner.end) != (first.i, first.i + 1):
            return
        if not (first.is_alpha and first.text[:1].isupper() and first.text[1:].islower()) \
                or first_name_gender(first.text) is None and (ner is None or ner.label_ != "PERSON"):
            return
        if k >= 3 and doc[k - 3].text[:1].isupper() and not doc[k - 3].is_sent_start and doc[k - 3].is_alpha:
            return  # "Tom Ray and Lena Haddad"
        text = f"{first.text} {span[-1].text}"
        key = _name_key(text, "PERSON")
        if len(key) != 2 or key in self._by_key or known_full_name(first.text) is not None \
                or any(len(e.key) > 1 and e.key[-1] == key[0] for e in self._by_part.get(key[0], ())):
            return  # "Clinton and Bernie Sanders": a surname the article or the news gives someone
        if any(not self.text.startswith((" and ", " & ", " " + span[-1].text), m.end())
               for m in re.finditer(rf"\b{re.escape(first.text)}\b", self.text)):
            return  # "Keyworth and Dick Hackborn": a word the article also uses on its own is a surname
        alone = self._by_key.get(key[:1])  # NER's "Omar" on its own: the same person, now in full
        if alone is not None and alone.kind == "PERSON" and len(alone.key) == 1:
            alone.name, alone.key = text, key
            self._by_key[key] = alone
            self._by_part.setdefault(key[1], []).append(alone)
            return
        ent = self._new_entity(text, "PERSON", first.idx)
        if ent is not None and ent.key == key:
            self._by_key[key[:1]] = ent
            self._add_mention(ent, first.idx, first.idx + len(first), first.text, first)

    def _with_circuit(self, e: SpacySpan) -> SpacySpan:
        """A court of appeals with the circuit NER cut off its name (NER's "U.S. Court of Appeals",
        then " for the 2nd Circuit" outside it): one court, not every federal appeals court at once."""
        if e.label_ != "ORG" or not e.text.lower().endswith("court of appeals"):
            return e
        m = _CIRCUIT.match(self.text, e.end_char)
        longer = self.doc.char_span(e.start_char, m.end(), label="ORG", alignment_mode="expand") if m else None
        return longer if longer is not None else e

    def _trimmed(self, e: SpacySpan) -> SpacySpan | None:
        """A person's name without what NER or a run of capitals took in with it: a headline's
        verb and what follows ("Roe Says", "Roe Slams Doe"), a sentence-opening word that is no
        name ("Still Roe", "Top Roe aides"), a place before a dash ("Palm Beach - Roe"); None for
        a group of people ("Senate Democrats", "Some Republicans"), who are not one person; what
        precedes a plural proper noun ("Immigrant Affairs Roe": an office's name run into hers)."""
        doc = self.doc
        toks = list(e)
        if toks and toks[-1].text.endswith("s") and toks[-1].tag_ in ("NNPS", "NNS") and (
                toks[-1].ent_type_ == "NORP" or toks[-1].text in self._norp_words):
            return None
        for k, t in enumerate(toks[1:], 1):
            if t.tag_ in ("VBZ", "VBD") and t.text[:1].isupper() or k >= 2 and t.text[:1].isupper() and t.lower_ in HEADLINE_VERBS:
                toks = toks[:k]  # (and "Bernie Sanders Pins The Rise …", whatever the tag)
                break
        for k in range(len(toks) - 2, -1, -1):
            if toks[k].tag_ == "NNPS" and toks[k].text.endswith("s") and k > 0 and first_name_gender(toks[k].text) is None \
                    and toks[k - 1].lower_.rstrip(".") not in STRIP_TITLES | ROLE_WORDS:
                toks = toks[k + 1 :]  # "(Office of) Immigrant Affairs Clinton": an organisation's plural ends before the name
                break
        for k, t in enumerate(toks[:-1]):
            if t.text in ("-", "—", "–") and t.whitespace_ and k > 0 and toks[k - 1].whitespace_:  # not "Adeyemi-Strand"
                toks = toks[k + 1 :]
                break
        if len(toks) > 1 and self._fronted_verb(toks):
            toks = toks[1:]  # "Said Roe, "…"", "Stated Roe:": the verb of the writer's sentence, put first
        while len(toks) > 1 and (toks[0].tag_ in ("RB", "JJ", "JJS", "DT", "IN", "CD") or toks[0].ent_type_ in ("ORDINAL", "CARDINAL")
                                 or toks[0].lower_ in STOP_WORDS) \
                and first_name_gender(toks[0].text) is None \
                and toks[0].lower_ not in PARTICLES:
            toks = toks[1:]
        if len(toks) == len(e):
            return e
        return SpacySpan(doc, toks[0].i, toks[-1].i + 1, label=e.label_)

    def _fronted_verb(self, toks) -> bool:
        """Whether the first of a name's words is a speech verb put before its speaker ("Said Roe,
        "…"", "Stated Roe:"): it opens the sentence, and the name is followed by a colon, or by a
        comma and a quote in the same sentence."""
        doc = self.doc
        if len(toks) < 2 or not opens_sentence(toks[0]) or toks[0].lower_ not in SPEECH_LEMMAS:
            return False
        j = toks[-1].i + 1
        if j >= len(doc):
            return False
        if doc[j].text == ":":
            return True
        return doc[j].text == "," and any(t.text in _QUOTES for t in doc[j + 1 : self.sent(j).end])

    def _fragment(self, e: SpacySpan) -> bool:
        """Whether NER labelled alone an institution noun that belongs to a longer name: "State"
        of "the Islamic State group", of "Secretary of State" or of "State of the Union", "News" of
        "Yahoo! News", "House" of "House Speaker Tom Ardery" or of "House of Cards"; a name of its
        own only in none of those ("the Times said")."""
        if len(e) != 1 or e[0].lower_ not in FRAGMENT_WORDS:
            return False
        doc, i = self.doc, e.start
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and prev.text == "!" and i > 1 and not doc[i - 2].whitespace_:
            prev = doc[i - 2]  # "Yahoo! News", which the parser may cut into two sentences
        elif self.sent(i).start == i:
            prev = None
        if prev is not None and prev.text[:1].isupper() and prev.is_alpha and prev.lower_ not in STOP_WORDS \
                and "\n" not in prev.whitespace_:
            return True
        if prev is not None and prev.lower_ == "of" and i > 1 and doc[i - 2].text[:1].isupper() and doc[i - 2].is_alpha:
            return True  # "Secretary of State", "Department of State"
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        after = i + 3 if i + 2 < len(doc) and doc[i + 2].lower_ == "the" else i + 2  # "State of the Union"
        if nxt is not None and nxt.lower_ == "of" and after < len(doc) and doc[after].text[:1].isupper():
            return True
        return nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and coarse_pos(nxt) == "PROPN" \
            and (nxt.lower_ in STRIP_TITLES or nxt.lower_ in TITLE_WORDS or nxt.lower_.rstrip(".") in ROLE_WORDS)

    @property
    def _norp_words(self) -> set[str]:
        """Words NER reads as a nationality, religion or party somewhere in the article."""
        if self._norp_cache is None:
            self._norp_cache = {t.text for t in self.doc if t.ent_type_ == "NORP"}
        return self._norp_cache

    def _dateline(self, e: SpacySpan) -> bool:
        """Whether an entity is a dateline's place ("SEATTLE (Reuters) -"), not an actor."""
        first = e.start == 0 or "\n" in self.doc[e.start - 1].text_with_ws
        if first and e.text.isupper() and len(e.text) > 3:
            return True
        end = dateline_end(self.text, e.start_char)
        return end is not None and e.end_char <= end

    def _relabel(self, e: SpacySpan) -> SpacySpan:
        """An "ORG" of two or three capitalised words starting with a first name is a person; a
        first name NER left outside the entity is taken in ("Ana" + "Popescu"); an acronym and
        another organisation ("the FBI and Justice Department") are two, not one name."""
        doc = self.doc
        if (past := self._past_dateline(e.start_char, e.end_char)) != e.start_char:
            rest = doc.char_span(past, e.end_char, label=e.label_, alignment_mode="contract")
            if rest is not None and len(rest):  # "3 March 2025 - Helvion Energy ASA": the dateline run in
                e = rest
        if e.label_ in ("FAC", "PRODUCT", "WORK_OF_ART", "ORG") and len(e) >= 3 and any(ch.isdigit() for ch in doc[e.end - 1].text):
            k = e.end  # "beat Sofia Ruane 6-4": a score run into a name
            while k > e.start + 1 and (any(ch.isdigit() for ch in doc[k - 1].text) or doc[k - 1].is_punct):
                k -= 1
            if k - e.start in (2, 3) and first_name_gender(doc[e.start].text) is not None:
                e = SpacySpan(doc, e.start, k, label="PERSON")
        start = e.start
        while start > 0 and coarse_pos(doc[start - 1]) == "PROPN" and doc[start - 1].ent_iob_ == "O" \
                and first_name_gender(doc[start - 1].text) is not None:
            start -= 1
        if start != e.start:
            e = SpacySpan(doc, start, e.end, label="PERSON" if e.label_ in ("ORG", "GPE", "PERSON") else e.label_)
        end = e.end
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
                and doc[end + 1].text[:1].isupper():
            end += 2  # "Martin Okafor" + "-Bell"
        if e.label_ == "ORG" and end < len(doc) and doc[end - 1].lower_ == "of" and coarse_pos(doc[end]) == "PROPN":
            end -= 1  # "the University of" + "Calderbrook": NER stopped at the "of"
        if e.label_ == "ORG" and end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper() \
                and doc[end - 1].lower_ in ORG_SUFFIXES | NAME_BEARING and coarse_pos(doc[end + 1]) == "PROPN":
            k = end + 1  # "The Reserve Bank" + "of Caldria", "Ministry" + "of Health"
            while k < len(doc) and doc[k].text[:1].isupper() and coarse_pos(doc[k]) == "PROPN":
                k += 1
            end = k
        if e.label_ == "ORG" and end + 2 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].text[:1].isupper() \
                and not (end - e.start == 1 and doc[e.start].text.isupper()):  # "the FBI and Justice Department": two
            k = end + 1
            while k < len(doc) and doc[k].text[:1].isupper() and coarse_pos(doc[k]) == "PROPN":
                k += 1
            if doc[k - 1].lower_ in ORG_SUFFIXES:
                end = k  # "West Pennine Fire" + "and Rescue Service"
        if end != e.end:
            e = SpacySpan(doc, e.start, end, label=e.label_)
        words = e.text.split()
        prep = e.root.head
        if e.label_ in ("PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART") and e.root.dep_ == "pobj" and prep.lower_ in ("at", "from") \
                and prep.head.lower_ in STAFF:
            return SpacySpan(doc, e.start, e.end, label="ORG")  # "analysts at Harland Stubbs": a firm
        if e.label_ == "PERSON" and len(words) >= 2 and words[-1].lower().strip(".") in ORG_SUFFIXES \
                and (first_name_gender(words[0]) is None or words[-1].lower().strip(".") in INCORPORATED):
            return SpacySpan(doc, e.start, e.end, label="ORG")  # "Harrow Mills", not a Mr. Mills; "Lena Marsh Inc."
        if e.label_ == "PERSON" and _described_group(e):
            return SpacySpan(doc, e.start, e.end, label="ORG")
        if e.label_ == "WORK_OF_ART" and doc.text[max(0, e.start_char - 1) : e.start_char] in _OPENING_QUOTES:
            return e  # ("''Mayor Snubs Roe,'' declared Il Corriere"): a title in quotation marks
        if e.label_ in ("ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LOC") and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            parts = _name_parts(e.text)
            if len(parts) >= 2 and parts[-1].lower().strip(".") not in ORG_SUFFIXES and parts[-1].lower() not in PLACE_WORDS and (
                first_name_gender(parts[0]) is not None or self._used_alone(parts[-1], e)
            ):
                return SpacySpan(self.doc, e.start, e.end, label="PERSON")
        if e.label_ == "NORP" and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
                and first_name_gender(words[0]) is not None and self._used_alone(words[-1], e):
            return SpacySpan(self.doc, e.start, e.end, label="PERSON")  # "Roman Smbatyan": a first name NER read as a people
        return e

    def _surname_here(self, tok: Token) -> bool:
        """Whether a word that is also a noun of organisations ("Band", "Council") is here the
        surname of a person of the article, after an honorific ("Mr. Band") or as the last word
        of a full name written before."""
        if tok.i > 0 and self.doc[tok.i - 1].lower_ in HONORIFICS:
            return True
        ent = self._person_named(tok.text, tok.idx)
        return ent is not None and ent.key[-1] == tok.lower_ and first_name_gender(ent.name.split()[0]) is not None

    def _person_named(self, text: str, at: int) -> Entity | None:
        """The person of the article, known by a name of two words or more, whom ``text`` names
        (whole or in part: "Roman Smbatyan", "Haskins"); None for anyone else."""
        ent = self.lookup(text, "PERSON", at=at)
        return ent if ent is not None and ent.kind == "PERSON" and len(ent.key) >= 2 else None

    def _used_alone(self, word: str, e: SpacySpan) -> bool:
        """Whether the last word of a name stands alone elsewhere, as surnames do ("Hale said")."""
        if self._alone is None:
            proper = {t.i for t in self._capitals if coarse_pos(t) == "PROPN"}
            self._alone = {}
            for t in self._capitals:
                if t.i - 1 not in proper:
                    self._alone.setdefault(t.text, []).append(t.i)
        # a word NER reads alone as a place or an organisation ("Virginia", "America") is no surname
        return any(not (e.start <= i < e.end) and not self.in_quote(self.doc[i].idx)
                   and self.doc[i].ent_type_ not in ("GPE", "LOC", "ORG", "NORP", "FAC") for i in self._alone.get(word, ()))

    def _name_runs(self) -> list[SpacySpan]:
        """Runs of two or more capitalised proper nouns that NER left unlabelled: names it missed."""
        doc = self.doc
        labelled = set(self._ent_of)
        starts = [t.i for t in self._capitals
                  if coarse_pos(t) == "PROPN" and t.i not in labelled and not self.in_quote(t.idx)]
        # "Prieto-Marsh": a hyphen joining two capitalised words belongs to the name.
        starts += [i + 1 for i in starts if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_
                   and not doc[i + 1].whitespace_ and doc[i + 2].text[:1].isupper()]
        # "Caldwell & Pryce": an ampersand joining capitalised words makes a firm's name.
        amps = [t.i for t in doc if t.text == "&" and 0 < t.i < len(doc) - 1 and t.i not in labelled
                and doc[t.i - 1].text[:1].isupper() and doc[t.i + 1].text[:1].isupper()] if "&" in self.text else []
        if amps:
            starts = sorted(set(starts) | set(amps) | {i - 1 for i in amps if i - 1 not in labelled}
                            | {i + 1 for i in amps if i + 1 not in labelled})
        starts.sort()
        runs = []
        n = 0
        while n < len(starts):
            i = j = starts[n]
            while n < len(starts) and starts[n] == j:  # consecutive proper nouns
                j += 1
                n += 1
            k = i
            while k < j and (doc[k].lower_ in STRIP_TITLES or doc[k].lower_ in TITLE_WORDS or doc[k].lower_.rstrip(".") in ROLE_WORDS or doc[k].ent_type_ == "NORP"):
                k += 1
            if j - k >= 2 and len(_name_key(doc[k:j].text)) >= 2:
                last = doc[j - 1]
                if last.lower_.strip(".") in ORG_SUFFIXES or any(t.text == "&" for t in doc[k:j]):
                    runs.append(SpacySpan(doc, k, j, label="ORG"))
                elif first_name_gender(doc[k].text) is not None or self._used_alone(last.text, doc[k:j]):
                    runs.append(SpacySpan(doc, k, j, label="PERSON"))
                elif not self.has_ner:
                    runs.append(SpacySpan(doc, k, j, label="ORG"))
        # "a 52-year-old resident named Caroline": a person the article names by one name only
        for t in tokens_among(doc, ("named", "called")):
            if t.dep_ != "acl" or not person_noun(t.head.lower_) and t.head.lower_ not in _PEOPLE:
                continue
            name = _named(t)
            if name is not None and name.text[:1].isupper() and name.i not in labelled and not self.in_quote(name.idx) and all(
                    k.text[:1].isupper() and k.i not in labelled for k in doc[t.i + 1 : name.i + 1]):
                runs.append(SpacySpan(doc, t.i + 1, name.i + 1, label="PERSON"))
        return runs

    def _entity_for(self, span: SpacySpan, kind: str) -> Entity | None:
        key = _name_key(span.text, kind)
        if not key:
            return None
        found = self.lookup(span.text, kind)
        if found is not None:
            found.first = min(found.first, span.start_char)
            return found
        if len(key) == 1 and any(len(e.key) > 1 for e in self._by_part.get(key[0], ())):
            return None  # a name part several entities share ("Suzaki"): resolved where it is used
        if kind == "ORG" and (full := self._spelled_out(span.text)) is not None:
            self._by_key[key] = full  # "DNC" after "the Democratic National Committee": one organisation
            return full
        return self._new_entity(span.text, kind, span.start_char)

    def _spelled_out(self, text: str) -> Entity | None:
        """The one organisation of the article whose name's capitalised words begin with the letters
        of the acronym ``text`` ("DNC": the Democratic National Committee), found only when the
        article spells it out; None for anything else."""
        letters = text.strip(".").replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            return None
        fits = [e for e in self.entities if e.kind == "ORG" and len(e.key) >= 2
                and "".join(w[0] for w in e.name.split() if w[:1].isupper()) == letters]
        return fits[0] if len(fits) == 1 else None

    def lookup(self, text: str, kind: str | None = None, at: int | None = None, gender: str | None = None) -> Entity | None:
        """The entity a name refers to: the same name, or a longer name it is part of.

        A surname two people share ("Haddad") goes to the one whose gender an honorific gives
        ("Ms. Haddad"), else to the one mentioned last before offset ``at``.
        """
        key = _name_key(text, kind or "PERSON")
        if not key:
            return None
        title = _TITLE_START.match(text)  # "Mr. Haddad": the title is in the mention itself
        if key in self._by_key:
            return self._by_key[key]
        n = len(key)
        cands = [e for e in self._by_part.get(key[0], ()) if len(e.key) > n and (_core(e.key)[-n:] == key or e.key[:n] == key)
                 and not (key in _CHAMBER_NOT and _CHAMBER_NOT[key] & set(e.key))]
        if n == 1 and known_full_name(_clean_name(text)) is not None:
            # "Trump" alone is the person the news knows by it, not "the Trump Train" the article names once
            cands = [e for e in cands if not (e.kind == "ORG" and e.key[0] == key[0])]
        # NER often labels a lone surname ORG: one word may name a person whatever its label.
        prefer = [lambda e: e.kind == kind] if kind == "ORG" and n > 1 else []
        prefer += [lambda e: e.kind == "PERSON", lambda e: e.key[-n:] == key]
        for keep in prefer:
            narrower = [e for e in cands if keep(e)]
            if narrower:
                cands = narrower
        if len({e.name for e in cands}) == 1:
            return cands[0]
        if gender and len(cands) > 1:
            cands = [e for e in cands if e.gender in (None, gender)] or cands
            if len(cands) == 1:
                return cands[0]
        if at is not None and len(cands) > 1:
            # The story's protagonist keeps the bare surname ("She married Dennis Ellery … Ellery
            # organised a petition" is still Margaret Ellery): one mentioned at least three times
            # and twice as often as the others; else the one mentioned last. Only the mentions that
            # call them by this name count: a relative the story calls by first name ("spotlight
            # daughter Ivy") does not take over the family name the story uses for someone else.
            called = {id(e): [m[0] for m in e.mentions if m[0] < at and set(key) <= set(_name_key(m[2]))] for e in cands}
            if not any(called.values()):
                called = {id(e): [m[0] for m in e.mentions if m[0] < at] for e in cands}
            count = {id(e): len(called[id(e)]) for e in cands}
            top = max(cands, key=lambda e: count[id(e)])
            titled = title or _TITLED.search(self.text, max(0, at - 6), at)  # "Mr. Haddad" picks by gender or recency
            if not titled and count[id(top)] >= 3 and all(count[id(top)] >= 2 * count[id(e)] for e in cands if e is not top):
                return top
            last = {id(e): max(called[id(e)], default=-1) for e in cands}
            best = max(cands, key=lambda e: last[id(e)])
            if last[id(best)] >= 0:
                return self._dominant(best, cands, at)
        return None

    def _dominant(self, best: Entity, cands: list[Entity], at: int) -> Entity:
        """``best``, the one of several people sharing a surname mentioned last, unless its last
        mention hangs inside the phrase of another one's in the same sentence ("Patricia Roe,
        mother of the late Sean Roe, said"): then the one that phrase is about."""
        heads: dict[int, Token] = {}
        for start, ent, head in self._mentions[: bisect_left(self._mentions, at, key=_offset)]:
            if head is not None and any(ent is c for c in cands):
                heads[id(ent)] = head
        mine = heads.get(id(best))
        if mine is None:
            return best
        above = [c for c in cands if c is not best and (h := heads.get(id(c))) is not None
                 and self._sent_of[h.i] == self._sent_of[mine.i] and any(a.i == h.i for a in mine.ancestors)]
        if above:
            return above[0]
        if _named_as_kin(mine):  # "her husband, former President Bill Roe": the relative of the one the story is about
            others = [(heads[id(c)].i, c) for c in cands if c is not best and id(c) in heads]
            if others:
                return max(others, key=lambda o: o[0])[1]
        return best

    def _honorific(self, tok: Token) -> str | None:
        """The gender an honorific gives, right before a name or opening its mention ("Ms. Haddad" → "f")."""
        return HONORIFICS.get(tok.lower_) or (HONORIFICS.get(self.doc[tok.i - 1].lower_) if tok.i > 0 else None)

    def _add_mention(self, ent: Entity, start: int, end: int, text: str, head: Token | None) -> None:
        if (start, end) not in ent.seen:
            ent.seen.add((start, end))
            ent.mentions.append((start, end, text))
            insort(self._mentions, (start, ent, head), key=_offset)

    def _learn_roles(self, ent: Entity, span: SpacySpan) -> None:
        """Roles and gender from the words around a name: "Sen. Jane Doe", "Doe, a spokeswoman"."""
        doc = self.doc
        # the words of the name's own phrase ("Indiana Gov. Mike Pence"), not whatever precedes it
        first = max(self.sent(span.start).start, span.start - 3, min(span.root.left_edge.i, span.start))
        for t in doc[first : span.start]:
            w = t.lower_
            if t.is_alpha or w in TITLE_WORDS or w.endswith("."):
                ent.roles.add(TITLE_WORDS.get(w, w))
                if w in HONORIFICS:
                    ent.learn_gender(HONORIFICS[w], "honorific")
                elif w in GENDER_WORDS and t.i == span.start - 1:  # "Clinton spokesman Brian Fallon"
                    ent.learn_role_gender(w)
        if (g := self._role_set_off_before(span) or self._role_joined_before(span)) is not None:
            ent.learn_role_gender(g)
        for t in span:
            w = t.lower_
            if w in HONORIFICS:
                ent.learn_gender(HONORIFICS[w], "honorific")
            if w in TITLE_WORDS or w in STRIP_TITLES:
                ent.roles.add(TITLE_WORDS.get(w, w))
        root = span.root
        appos = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":  # the whole title where the name is set beside the thing it is of
            appos.append(root.head.head.head if _title_of(root.head.head.head, root.head) else root.head)
        for a in appos:
            if a.ent_type_ in ("PERSON",) or subject_taken_for_apposition(a):
                continue
            # a description the name is in apposition to is what comes before the name, not the
            # rest of its phrase ("hosts Joe Roe and Mika Doe, the senator": Roe is a host)
            words = [t for t in a.subtree if not self.in_quote(t.idx) and (a.i > root.i or t.i < root.left_edge.i)]
            if not words:
                continue
            text = self.text[words[0].idx : words[-1].idx + len(words[-1])].strip(" ,")
            if ent.role is None and a.dep_ != "nsubj":
                ent.role = text
            for t in words:
                w = t.lower_
                ent.roles.add(TITLE_WORDS.get(w, w))
                if w in GENDER_WORDS and t.i == a.i:
                    ent.learn_role_gender(w)
            if a.i > root.i:
                _described_as(ent, text)
            else:  # "an outside firm, Sentinel Forge": the description before the name
                _described_as(ent, self.text[a.left_edge.idx : a.idx + len(a)])

    def _learn_apposed_role(self, ent: Entity, tok: Token) -> None:
        """The office a lone surname is set beside ("Roe - the first-term senator from Maine"),
        kept as a role of the person: the words that qualify it, and the office."""
        for a in tok.children:
            if a.dep_ == "appos" and a.tag_ == "NN" and a.lower_ in ROLE_WORDS and any(c.dep_ == "det" for c in a.children):
                ent.roles.update(TITLE_WORDS.get(c.lower_, c.lower_) for c in a.children if c.dep_ in ("amod", "compound"))
                ent.roles.add(TITLE_WORDS.get(a.lower_, a.lower_))

    def _role_set_off_before(self, span: SpacySpan) -> str | None:
        """The gendered word that a comma sets off right before a name, its titles aside ("Ray's
        niece, state Del. Nora "Nell" Baker"), which the parser did not make the name's apposition; not
        one in a phrase that leads in to the sentence ("In a takedown of the businessman, Doe …")."""
        doc, j = self.doc, span.start - 1
        while j > span.start - 4 and j > 0 and (doc[j].lower_ in TITLE_WORDS or doc[j].lower_ in STRIP_TITLES
                                              or doc[j].lower_ in _PLACE_LEVELS or doc[j].text[:1].isupper() and doc[j].text.endswith(".")):
            j -= 1
        if j < 1 or doc[j].text != "," or (noun := doc[j - 1]).lower_ not in GENDER_WORDS or noun.tag_ != "NN":
            return None
        if noun.dep_ == "pobj" or any(a.dep_ == "prep" for a in noun.ancestors):
            return None  # "In a takedown of the businessman, Sen. Doe": no apposition
        return noun.lower_

    def _role_joined_before(self, span: SpacySpan) -> str | None:
        """The gendered word that "and" joins to a role written right before a name, the two sharing
        one determiner, so one person ("his wife and longtime business partner Jane Doe",
        "businessman and publisher John Doe"); not a word joined to another person's title ("his
        father and Prime Minister Doe's …"), nor a phrase that owns something after the name."""
        doc, j = self.doc, span.start - 1
        if j < 2 or doc[j].tag_ != "NN" or not doc[j].is_lower or span.end < len(doc) and doc[span.end].tag_ == "POS":
            return None
        while j > max(1, span.start - 6) and doc[j].lower_ != "and" \
                and (doc[j].is_lower and doc[j].is_alpha or doc[j].ent_type_ == "NORP"):  # "current Democratic nominee"
            j -= 1
        if doc[j].lower_ != "and" or (noun := doc[j - 1]).lower_ not in GENDER_WORDS or noun.tag_ != "NN":
            return None
        return noun.lower_

    def _learn_genders(self) -> None:
        """The gender the writer's pronouns give the people they go on about (``_pronoun_votes``).
        The votes give a person with no better evidence their gender, and outweigh a first name the
        list gives only mostly to one sex; one it gives outright only when unanimous and carried by
        sentences that go on about the person ("She added …"), since "Trump attacked her record"
        names one person and speaks of another. Before the votes, the titles of later mentions
        ("… Mr. Burman said") are read."""
        hyphenated = self._hyphenated_after_honorifics()
        self._learn_later_honorifics(hyphenated)
        votes: dict[int, list[str]] = {}
        strong: dict[int, list[str]] = {}  # the subject of the sentences that go on about them
        people: dict[int, Entity] = {}
        for person, g, subject in self._pronoun_votes([m[:3] for m in hyphenated]):
            votes.setdefault(id(person), []).append(g)
            if subject:
                strong.setdefault(id(person), []).append(g)
            people[id(person)] = person
        for pid, vs in votes.items():
            person = people[pid]
            if (g := _majority(vs)) is None or self._not_a_person(person) and _thing_named(person):
                continue  # a tie, or a "person" whose name is a company's or a place's ("Patriot Coal")
            against = person.gender not in (None, g)
            # a "mostly" first name gives way to a majority; a sure one only to two sentences or more
            # that go on about the person as "she" (or "he") with no vote the other way: in a story
            # about a woman, "Trump praised her" votes against him sentence after sentence
            sure = strong.get(pid, [])
            if not against or person.evidence == "first_name_mostly" or (
                    person.evidence == "first_name" and sure.count(g) >= 2 and vs.count(g) == len(vs)):
                person.learn_gender(g, "pronoun")

    def _pronoun_votes(self, more: list[tuple[int, Entity, Token]] = ()) -> list[tuple[Entity, str, bool]]:
        """(person, "m" or "f", whether the pronoun is the subject of a sentence that goes on
        about them) for each of the writer's he/she/his/her that can only mean one person, with
        the article's mentions, the surnames the tagger took for nouns and the mentions ``more``
        (hyphenated surnames after an honorific) telling who each sentence names:

        - in a sentence naming one person, the first such pronoun after the name that their
          gender, as far as the text or a sure first name tells it, does not rule out ("Jordan
          Reyes said her plan …"; "Ana Roe, his heir apparent, … where she has …" votes once, for
          "she"); in a sentence naming several, each one for the only person named before it whose
          known gender does not rule it out ("Bernie Sanders apologized to Hillary Clinton and to
          his supporters"), or, where all those named before it are already known to be of its
          gender, a possessive or subject pronoun goes to the subject of its clause or of the
          nearest one above it that names one of them ("Doe lauded Roe in his speech"): a vote
          that only ever confirms a gender the text or a sure first name gave;
        - none of a gender the sentence also uses for someone it does not name: a pronoun before
          any name ("He can't … if Holt asks …"; not one in a phrase that leads to the subject the
          name is, "In her speech, Rhimes said"), or one that cannot be the person it follows, as
          the object of a verb whose subject that person is ("Holt asks him");
        - in the (up to ``CARRY_ON``) sentences that follow, naming nobody, the subject "he" or
          "she" goes on about the one person the sentence before names as its subject ("Jordan
          Reyes spoke first. She added …"), or the only one of its subjects whose known gender
          fits ("Roe met Clinton. He said …")."""
        by_sent: dict[int, list[tuple[int, Entity, Token | None]]] = {}
        for m in self._mentions + self._surnames_as_nouns() + list(more):
            if m[2] is not None and m[1].kind == "PERSON":
                by_sent.setdefault(self._sent_of[m[2].i], []).append(m)
        out: list[tuple[Entity, str, bool]] = []

        def known(person: Entity) -> str | None:  # what the text or a sure first name says so far
            return person.gender if person.evidence in ("honorific", "pronoun", "first_name") else None

        alone: dict[int, Entity] = {}  # sentence -> the one person it names, as its subject
        subjects: dict[int, list[Entity]] = {}  # sentence -> the people it names as subjects
        for k, ms in by_sent.items():
            first: dict[int, tuple[int, Entity]] = {}  # person -> their first mention in the sentence
            heads: dict[int, set[int]] = {}  # person -> the tokens that head their mentions
            for s, e, tok in ms:
                if id(e) not in first or s < first[id(e)][0]:
                    first[id(e)] = (s, e)
                heads.setdefault(id(e), set()).add(tok.i)
            subjects[k] = list({id(e): e for _, e, tok in ms if tok.dep_ in ("nsubj", "nsubjpass")}.values())
            one = len(first) == 1
            if one and subjects[k]:
                alone[k] = subjects[k][0]  # not "She loved Trump. She …"
            found: list[tuple[Entity, str]] = []
            others: set[str] = set()  # genders the sentence also uses for someone it does not name
            for t in self.sents[k]:
                if t.lower_ not in PRONOUN_GENDER or not self._writers(t.idx):
                    continue
                g = PRONOUN_GENDER[t.lower_]
                if all(s > t.idx for s, _ in first.values()) and any(
                        tok.i > t.i and tok.dep_ in ("nsubj", "nsubjpass") and tok.head in t.ancestors for _, _, tok in ms):
                    continue  # "In her speech, Rhimes declared": the subject the pronoun's phrase leads to
                fits = [e for s, e in first.values() if s < t.idx and known(e) in (None, g)
                        and not self._bound_apart(t, heads[id(e)])]
                if len(fits) > 1 and t.dep_ in ("poss", "nsubj", "nsubjpass"):
                    people = [e for e in fits if not self._not_a_person(e)]  # not "West Virginia"
                    if people and all(known(e) == g for e in people):
                        chosen = self._subject_above(t, {id(e): heads[id(e)] for e in people})
                        fits = [e for e in people if id(e) == chosen]
                if not fits:
                    others.add(g)
                elif len(fits) == 1 and (fits[0], g) not in found and not (one and found):
                    found.append((fits[0], g))
            out.extend((e, g, False) for e, g in found if g not in others)
        current, among, named_at = None, [], 0
        for k, sent in enumerate(self.sents):
            if k in by_sent:
                current, among, named_at = alone.get(k), subjects.get(k, []), k
                continue
            subj = next((t for t in sent if t.dep_ == "nsubj" and t.lower_ in ("he", "she") and self._writers(t.idx)), None)
            if subj is None or k - named_at > CARRY_ON:
                continue
            g = PRONOUN_GENDER[subj.lower_]
            if current is not None:
                out.append((current, g, True))
            elif len(among) > 1:
                fits = [e for e in among if known(e) in (None, g)]
                if len(fits) == 1:
                    out.append((fits[0], g, False))
        return out

    def _surnames_as_nouns(self) -> list[tuple[int, Entity, Token]]:
        """The later mentions of a person the tagger took for a noun ("Sanders calls himself …",
        "O’Malley reminded viewers …"), which the collection of names, going by proper nouns, left
        out: a capitalised word the article never writes in lower case that abbreviates the full
        name of a person introduced before it."""
        heads = {tok.i for _, _, tok in self._mentions if tok is not None}
        found, common = [], {}
        for tok in self._capitals:
            if coarse_pos(tok) != "NOUN" or tok.i in heads or not self._writers(tok.idx) \
                    or not (tok.is_alpha or "’" in tok.text or "'" in tok.text):  # "O’Malley"
                continue
            if tok.text not in common:
                common[tok.text] = _common_noun(tok.text, self.text)
            if not common[tok.text] and self._known_person(tok.text, tok.idx):
                found.append((tok.idx, self.lookup(tok.text, "PERSON", at=tok.idx), tok))
        return found

    def _writers(self, offset: int) -> bool:
        """Whether a doc offset is in the writer's words: neither a quote nor a quoted fragment."""
        if self.in_quote(offset):
            return False
        i = bisect_right(self.fragments, (offset, float("inf"))) - 1
        return i < 0 or offset >= self.fragments[i][1]

    @staticmethod
    def _subject_above(pronoun: Token, heads: dict[int, set[int]]) -> int | None:
        """Of the people whose mentions head the tokens ``heads`` (person id -> tokens), the one
        that is the subject of the nearest clause above the pronoun with one of them as its subject:
        "Doe lauded Roe in his address" (Doe), "Doe said Roe was right when he spoke" (Roe), "a
        teacher named Roe, who shook hands as he vowed …" (Roe, through "who"). None
        where the pronoun's clause completes a verb whose object is one of them too: "Doe asked
        Roe how he would …" may mean either."""
        named = set().union(*heads.values())
        child = pronoun
        for verb in pronoun.ancestors:
            if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "with":
                child = verb  # "…, with Weaver standing by as he spoke": a circumstance, not who goes on
                continue
            subject = next((c for c in verb.children if (c.dep_ in ("nsubj", "nsubjpass") or _name_as_aux(c))
                            and c.i != pronoun.i), None)
            if subject is not None and subject.lower_ == "who":  # "Roe, who shook hands as he vowed …"
                subject = _relative_name(subject) or subject
            pid = next((pid for pid, hs in heads.items() if subject is not None and subject.i in hs), None)
            if pid is not None:
                if child.dep_ in ("ccomp", "xcomp") and any(c.dep_ in ("dobj", "dative") and c.i in named for c in verb.children):
                    return None
                return pid
            child = verb
        return None

    @staticmethod
    def _bound_apart(pronoun: Token, heads: set[int]) -> bool:
        """Whether "him"/"her" is the object of a verb (or of its preposition) whose subject is
        one of the tokens ``heads``: "Holt asks him", where "him" is somebody else."""
        if pronoun.lower_ not in ("him", "her") or pronoun.dep_ not in ("dobj", "dative", "pobj"):
            return False  # "Roe calls himself", "Roe and her staff": the same person
        verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i in heads for c in verb.children)

    def _learn_later_honorifics(self, hyphenated: list[tuple[int, Entity, Token, str]] = ()) -> None:
        """The gender the honorifics of a person's later mentions give ("Leonard Burman … Mr.
        Burman said"), where the name's introduction gave none: the majority of them, unless the
        list is sure the first name is the other gender's, since "Mrs. Clinton" in a story that
        names only Bill Clinton is most likely somebody else."""
        doc = self.doc
        said: dict[int, list[str]] = {}
        people: dict[int, Entity] = {}
        for start, ent, head in self._mentions:
            if head is None or ent.kind != "PERSON" or ent.evidence == "honorific":
                continue
            tok = head
            while tok.i > 0 and doc[tok.i - 1].idx >= start:  # the mention's first word
                tok = doc[tok.i - 1]
            if (g := self._honorific(tok)) is not None:
                said.setdefault(id(ent), []).append(g)
                people[id(ent)] = ent
        for _, ent, _, g in hyphenated:
            if ent.evidence != "honorific":
                said.setdefault(id(ent), []).append(g)
                people[id(ent)] = ent
        for pid, gs in said.items():
            ent = people[pid]
            if (g := _majority(gs)) is None:
                continue
            first = ent.key[0] if len(ent.key) >= 2 else None
            if first is not None and first_name_sure(first) and first_name_gender(first) != g:
                continue
            ent.learn_gender(g, "honorific")

    def _hyphenated_after_honorifics(self) -> list[tuple[int, Entity, Token, str]]:
        """The mentions of people by a hyphenated surname after a capitalised honorific ("Mr.
        Holtz-Eakin", "Ms. Ocasio-Cortez"), which the tokenizer cuts in three, so that no
        lone-surname mention holds them: (offset, person, the name's last word, the honorific's gender)."""
        doc, found = self.doc, []
        for t in tokens_among(doc, HONORIFICS):
            if t.i >= len(doc) - 3 or not t.text[:1].isupper() or not self._writers(t.idx):
                continue
            j = t.i + 1
            while j + 2 < len(doc) and doc[j].text[:1].isupper() and not doc[j].whitespace_ \
                    and doc[j + 1].text == "-" and not doc[j + 1].whitespace_ and doc[j + 2].text[:1].isupper():
                j += 2
            if j > t.i + 1:
                ent = self.lookup(doc[t.i + 1 : j + 1].text, "PERSON", at=doc[t.i + 1].idx, gender=HONORIFICS[t.lower_])
                if ent is not None and ent.kind == "PERSON":
                    found.append((doc[t.i + 1].idx, ent, doc[j], HONORIFICS[t.lower_]))
        return found

    def _name_after(self, tok: Token) -> list[Token]:
        """A person's name set off by commas right after the phrase ``tok`` heads, which the parser
        did not make its apposition."""
        doc = self.doc
        j = tok.right_edge.i + 1
        if j + 1 >= len(doc) or doc[j].text != ",":
            return []
        for k in (j + 1, j + 2):
            e = self._ent_of.get(k)
            if e is not None and e.label_ == "PERSON" and k == e.start:
                if e.end >= len(doc) or doc[e.end].text in (",", ".", ";") or doc[e.end].is_space:
                    return [e.root]
                return []
        return []

    def _named_after_clause(self, tok: Token) -> list[Token]:
        """The name that closes a subject after the relative clause describing it, set off by
        commas before the verb ("The lawyer who drafted the bill, Ann Roe, said"), which the parser
        hangs inside the clause; not where it names a person the clause speaks of ("The aide who
        briefed the senator, Ann Roe, said" is ambiguous, and left alone)."""
        doc = self.doc
        clause = next((c for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i), None)
        end = tok.right_edge.i if doc[tok.right_edge.i].text == "," else tok.right_edge.i + 1  # the closing comma
        if clause is None or end + 1 >= len(doc) or doc[end].text != "," \
                or doc[end + 1].head.i != tok.head.i and doc[end + 1].i != tok.head.i:
            return []
        name = doc[end - 1]
        e = self._ent_of.get(name.i)
        if e is None or e.label_ != "PERSON" and (e.label_ != "ORG" or person_noun(tok.lower_)) \
                or e.end != end or e.start <= clause.i or doc[e.start - 1].text != "," or self.in_quote(name.idx):
            return []
        if name.dep_ == "appos" and coarse_pos(name.head) == "NOUN" and person_noun(name.head.lower_):
            return []
        return [e.root]

    def _mention_span(self, tok: Token) -> tuple[int, int]:
        """Doc offsets of the mention a subject token heads: a full name or a short noun phrase."""
        doc = self.doc
        if tok.ent_type_ and tok.ent_iob_ != "O":
            e = self._ent_of.get(tok.i)
            if e is not None and "," not in e.text:
                start = e.start  # the name without the title before it ("Farmer Elias Brook")
                while start < tok.i and (doc[start].lower_ in STRIP_TITLES or doc[start].lower_.rstrip(".") in ROLE_WORDS
                                         and not _new_place(doc[start].text, doc[start + 1].text)
                                         or doc[start].is_punct  # nor a closing mark NER ran into it
                                         or self._fronted_verb(doc[start : e.end])):  # nor "Said" of "Said Roe:"
                    start += 1
                end = e.end
                while end - 1 > tok.i and doc[end - 1].is_punct:
                    end -= 1
                end_char = doc[end - 1].idx + len(doc[end - 1])
                return self._past_dateline(doc[start].idx, end_char), end_char
        if coarse_pos(tok) == "PRON":
            return tok.idx, tok.idx + len(tok)
        if tok.tag_ == "CD" and not tok.ent_type_ in ("PERSON", "ORG"):  # "nearly two-thirds of primary voters", "One in three"
            words = [t for t in tok.subtree if not t.is_punct or t.text == "-"]
            return words[0].idx, words[-1].idx + len(words[-1])
        left = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "case")]
        start_tok = end_tok = tok
        if left:
            first = min(min(t.i for t in c.subtree) for c in left)
            start_tok = doc[first]
        i = start_tok.i
        while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
                and doc[i - 2].text[:1].isupper():
            i -= 2  # "Okafor-Bell"
        start_tok = doc[i]
        if start_tok.i < tok.i and self._fronted_verb(doc[start_tok.i : tok.i + 1]):
            start_tok = doc[start_tok.i + 1]
        if coarse_pos(tok) == "PROPN":  # "West Pennine Fire and Rescue Service": one name, not two speakers
            conj = [c for c in tok.rights if c.dep_ == "conj" and coarse_pos(c) == "PROPN"]
            if conj and conj[0].lower_ in ORG_SUFFIXES and all(
                    t.text[:1].isupper() or t.lower_ == "and" for t in doc[tok.i + 1 : conj[0].i + 1]):
                end_tok = conj[0]
        end = end_tok.idx + len(end_tok)
        if (maker := _made_by(tok)) is not None:
            end = max(end, self._mention_span(maker)[1])  # "a tally by the Associated Press"
        return self._past_dateline(start_tok.idx, end), end

    def _named_in_role(self, tok: Token, name: Token) -> tuple[Entity | None, tuple[int, int, str], float]:
        """What ``resolve`` gives for the name a role phrase headed by ``tok`` is set beside, the
        phrase's words before the name kept as the entity's role when it has none."""
        ent, mention, conf = self.resolve(name)
        if ent is not None and ent.role is None:
            # up to the title, or on to the end of its own "of" phrase where the name follows that
            # ("HTWU Director of Public Policy" of "… Public Policy Maren Olsted")
            named = self._ent_of.get(name.i)
            start = named.start if named is not None and named.label_ == "PERSON" and named.start > tok.i else name.i
            words = [t for t in tok.subtree if t.i < start and t.dep_ != "punct" or t.i == tok.i]
            last = max((t for t in words if _title_of(tok, t)), key=lambda t: t.i, default=tok)
            ent.role = self.text[words[0].idx : last.idx + len(last)] if words else tok.text
        return ent, mention, conf

    def _past_dateline(self, start: int, end: int) -> int:
        """``start``, or the end of a dateline the parser ran into the name ("3 March 2025 -
        Helvion Energy ASA")."""
        past = dateline_end(self.text, start)
        return past if past is not None and start < past < end else start

    def resolve(self, tok: Token, alone: bool = False) -> tuple[Entity | None, tuple[int, int, str], float]:
        """The entity a subject token refers to, the mention itself, and a confidence. ``alone``: a
        name taken by itself even where it is one of several joined by "and", as the antecedent of
        a relative clause hung on it alone ("Roe and Doe, who sent a letter": Doe)."""
        if not alone and self._coordinated(tok) or tok.tag_ == "CD" and not any(  # not "One of them, Acme Group, said"
                c.dep_ == "appos" and coarse_pos(c) == "PROPN" for c in tok.children):  # "Obama and Clinton said", "Dr. Roe and other scientists say",
            s, e = self._mention_span(tok)  # "One in three said": no one person
            return None, (s, e, self.text[s:e]), 0.5
        if coarse_pos(tok) == "NOUN" and tok.text[:1].isupper() and (named := self._noun_named(tok)) is not None:
            return named  # "Trump talks to …" tagged a noun: the name the article's people were read with
        if coarse_pos(tok) != "PROPN" or tok.text[:1].islower():  # "Quanta's head of design, Dana Whitfield, said": the name in apposition
            # ("Voight's training partner and close friend, hurdler Maya Oduya": on the last of two nouns)
            heads = [tok] + [c for c in tok.children if c.dep_ == "conj" and coarse_pos(c) == "NOUN"]
            names = [c for h in heads for c in h.children
                     if (c.dep_ == "appos" or c.dep_ in ("npadvmod", "dep") and c.ent_type_ == "PERSON"
                         and c.i > h.i and self.doc[c.left_edge.i - 1].text == ",")  # the parser's other labels for it
                     and coarse_pos(c) == "PROPN" and not self.in_quote(c.idx)]
            if not names:  # "A spokeswoman for Gov. Ashe, Leah Pruitt, said": the name closes the phrase
                names = [c for c in tok.subtree if c.dep_ == "appos" and c.head.dep_ == "pobj" and coarse_pos(c) == "PROPN"
                         and all(t.is_punct for t in self.doc[c.right_edge.i + 1 : tok.right_edge.i + 1])
                         and (c.ent_type_ == "PERSON" or first_name_gender(c.left_edge.text) in ("m", "f")
                              and c.left_edge.i > c.head.i + 1 and self.doc[c.left_edge.i - 1].text == ",")
                         and not self.in_quote(c.idx)]  # (also "his best friend at Colgate, Marty Kessel," NER ran together)
            if not names:  # "GOP contender and former surgeon Ben Calder responded": two titles of one person
                names = [c for c in tok.children if c.dep_ == "conj" and _titles_of_one(tok, c)]
            if not names:  # "according to the department's epidemiologist, Dr. Farida Nwosu."
                names = self._name_after(tok)
            if not names:  # "The nurse we spoke with, Olek Marsh, said"
                names = self._named_after_clause(tok)
            if not names:  # "A man named Joe Parrish said"
                names = [g for c in tok.children if c.dep_ == "acl" and c.lower_ in ("named", "called")
                         and (g := _named(c)) is not None and coarse_pos(g) == "PROPN"]
                names = [max((t for t in names[0].subtree if coarse_pos(t) == "PROPN"), key=lambda t: t.i)] if names else []
            if not names:  # "Deborah Roe - Santilli's girlfriend - told": the name the dash sets the role off from
                names = [self.doc[t.i - 1] for t in self.doc[tok.left_edge.i + 1 : tok.i] if t.text in ("-", "–", "—", "--")
                         and t.whitespace_ and self.doc[t.i - 1].whitespace_ and self.doc[t.i - 1].ent_type_ == "PERSON"][:1]
            more = [c for c in names[0].children if c.dep_ == "conj" and coarse_pos(c) == "PROPN"] if names else []
            if more and tok.tag_ == "NNS" and names[0].left_edge.i <= tok.i + 2:
                # "Presidential candidates Clinton and Trump said", "Two analysts, Roe and Doe, found": two people
                s, e = tok.left_edge.idx, more[-1].idx + len(more[-1])
                return None, (s, e, self.text[s:e]), 0.5
            if names:
                return self._named_in_role(tok, names[0])
        if coarse_pos(tok) == "PROPN" and (tok.lower_ in STRIP_TITLES or tok.lower_.rstrip(".") in ROLE_WORDS):
            # "the district GOP Chairman Chuck Willis declined": the parser made the title the head and
            # the name its apposition; the name, with the title as role
            name = next((c for c in tok.children if c.dep_ == "appos" and self._right_after_title(tok, c)
                         and c.ent_type_ == "PERSON" and coarse_pos(c) == "PROPN"), None)
            if name is None and (e := self._ent_of.get(tok.i + 1)) is not None and e.label_ == "PERSON" and e.start == tok.i + 1:
                name = e[-1]  # "Navy Capt. Jeff Davis", which the parser split after the title's period
            if name is None:  # "former Pennsylvania Gov. and party Chairman Ed Rendell": two titles of one person, the name after the second
                name = next((c for c in tok.children if c.dep_ == "conj" and _titles_of_one(tok, c, titled=True)), None)
            if name is None:  # "Speaker of the House Rep. Tom Ardery", parsed as the speaker of Ardery: a second title, then the name
                name = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                             if g.dep_ == "pobj" and g.ent_type_ == "PERSON" and coarse_pos(g) == "PROPN"
                             and any(t.lower_ in STRIP_TITLES for t in self.doc[c.i + 1 : g.i])), None)
            if name is None:  # "HTWU Director of Public Policy Maren Olsted", "The union's Chief of Staff, Dan Cole,"
                name = self._named_after_title_of(tok)
            if name is not None:
                return self._named_in_role(tok, name)
        if coarse_pos(tok) == "PROPN" and tok.dep_ == "pobj" and _title_of(tok.head.head, tok) \
                and (e := self._ent_of.get(tok.right_edge.i + 1)) is not None and e.label_ == "PERSON" and e.start == tok.right_edge.i + 1:
            return self._named_in_role(tok.head.head, e[-1])  # "Defense" of "Secretary of Defense Leon Panetta": Panetta
        if (dateline := dateline_end(self.text, tok.idx)) is not None and tok.idx < dateline:
            # "KINLOCH BAY, 3 March - Tarvik Power ASA announced": the parser made the place the
            # subject and hung the name on it.
            named = [t for t in tok.subtree if t.idx >= dateline and coarse_pos(t) == "PROPN"]
            people = [t for t in named if t.ent_type_ == "PERSON" and t.i in self._ent_of]
            if people:  # "BRANTLEY, Vt. - U.S. District Judge Odile K. Farrow …": the name after the title
                return self.resolve(self.doc[self._ent_of[people[0].i].end - 1])
            if named:
                return self.resolve(named[0].head if named[0].dep_ == "compound" and named[0].head.idx >= dateline else named[0])
            return None, (tok.idx, tok.idx + len(tok), tok.text), 0.3
        if (about := _relative_antecedent(tok)) is not None:
            # "Jane Roe, who said …": the one the clause is about, mentioned by the pronoun; "Jane Roe,
            # a county clerk and party donor who said …": the person the description is set beside
            named = _apposed_to(about)
            ent, _, conf = self.resolve(named, alone=True) if named is not None else (None, None, 0.0)
            if ent is None or ent.kind != "PERSON":
                ent, _, conf = self.resolve(about, alone=True)
            return ent, (tok.idx, tok.idx + len(tok), tok.text), conf
        s, e = self._mention_span(tok)
        text = self.text[s:e]
        if _PARTY_SEAT.match(text) and (named := self._named_before_seat(tok, e)) is not None:
            return named
        mention = (s, e, text)
        w = tok.lower_
        if (w in POSSESSIVES or w in MEDIA_OF) and (owned := self._owned(tok)) is not None:
            if owned.kind == "ORG":  # "Roe's campaign …. The campaign said": the organisation, mentioned here
                self._add_mention(owned, s, e, text, tok)
            return owned, mention, 0.8
        if _WEB_ADDRESS.fullmatch(tok.text) and not self.in_quote(tok.idx):
            # "according to ouest-france.fr", "the website GunBroker.com said": the site, by its address
            ent = self.lookup(tok.text, "ORG", at=s) or self._new_entity(tok.text, "ORG", s)
            return ent, mention, 0.9
        if w in PRONOUNS or w in POSSESSIVES and tok.dep_ == "poss":
            # "Ellery had been ill since a fall, she said": never someone inside what she said; but
            # in "Roe scolded him: “…,” she said" the clause before the colon is the writer's lead-in
            said = [c for c in tok.head.children if c.dep_ == "ccomp" and c.i < tok.i
                    and not before_colon(c, tok) and not self._leads_in(c, tok)
                    and not self._introduces_speaker(c, w)] if tok.dep_ == "nsubj" \
                and tok.head.lower_ not in WEAK_SPEECH else []  # "…'s ire - he called her weak": no clause of his
            skip = (said[0].left_edge.idx, said[0].right_edge.idx + len(said[0].right_edge)) if said else None
            ent = self._resolve_pronoun(w, s, skip)
            conf = 0.85
        elif tok.text.isupper() and len(tok.text) > 4 and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text in ("—", "–", "-", "(", ","):
            return None, mention, 0.3  # a dateline ("SEATTLE —"), not a speaker
        elif _party_member(tok):
            ent = self._resolve_description(tok, s)  # "the New Hampshire Democrat": somebody, not a name
            conf = 0.8
        elif (country := self._nationals(tok)) is not None:
            ent = country  # "The Russians have used …": Russia, which the article names
            conf = 0.8
        elif tok.text[:1].isupper() and (tok.ent_type_ != "NORP" or self._named_by_apposition(tok) or self._named_body(tok)
                                       or self._person_named(text, s) is not None) and not (  # ("Roman Smbatyan", relabelled by ``_relabel``)
                (tok.lower_ in ORG_NOUNS or tok.lower_ in DOCUMENTS and text == tok.text) and not tok.ent_type_ and not self._surname_here(tok)
                and not self._named_body(tok)) and (
            coarse_pos(tok) == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE")
            or tok.i > self.sent(tok.i).start and self.lookup(text, None, at=s) is not None  # a name tagged as a noun
            or self._known_person(text, s)  # "Haskins conceded": a surname tagged as a plural noun
            or tok.dep_ in ("nsubj", "nsubjpass") and self._surname_of_named(text)  # "Roe says …" opening the story
            or self._named_by_apposition(tok)  # "Tallowby, the meal-planning start-up, said"
        ):
            kind = "ORG" if tok.ent_type_ in ("ORG", "GPE") or self._named_body(tok) else "PERSON"
            first = self.doc.char_span(s, e, alignment_mode="expand")
            if first is not None and self._fragment(first):
                return None, mention, 0.3  # "House" of "House of Cards": a piece of a longer name
            if tok.ent_type_ in ("GPE", "LOC") and _placed(tok):
                return None, mention, 0.3  # "families who vote in Maine or Washington, D.C.": a place
            gender = self._honorific(first[0]) if first is not None else None
            ent = self.lookup(text, None, at=s, gender=gender)
            if ent is None and s < self._headline:  # a title-case headline runs words into the name
                ent = self._named_within(text)
                parts = _name_parts(text)
                if ent is None and len(parts) in (2, 3) and first_name_gender(parts[0]) is not None:
                    ent = self._new_entity(text, kind, s)
            elif ent is None and first is not None and len(first) == 1 and first[0].tag_ == "NNPS" \
                    and first[0].text.endswith("s") and first_name_gender(first[0].text) is None:
                return None, mention, 0.3  # "45% of Republicans", "the Clintons": a group, not one person
            elif ent is None:
                ent = self._new_entity(text, kind, s)
            if ent is None and kind == "PERSON" and w.rstrip(".") in ROLE_WORDS | STRIP_TITLES:
                # "Senator from Texas says …", "Retired General Reveals …": a headline's capitalised
                # role, the person the next sentences introduce with it
                ent = self._described_next(tok, TITLE_WORDS.get(w, w.rstrip(".")), "PERSON")
            conf = 0.95
        else:
            ent = self._resolve_description(tok, s)
            conf = 0.8
        if ent is not None:
            self._add_mention(ent, s, e, text, tok)
            # a pronoun resolved to them tells their gender, unless it goes against what a sure first
            # name says: then the resolution is the likelier mistake
            if w in PRONOUN_GENDER and ent.kind == "PERSON" and (
                    ent.gender in (None, PRONOUN_GENDER[w]) or ent.evidence == "first_name_mostly"):
                ent.learn_gender(PRONOUN_GENDER[w], "pronoun")
            if ent.role is None:
                for c in tok.children:
                    if c.dep_ == "appos" and c.ent_type_ != "PERSON" and not subject_taken_for_apposition(c):
                        words = list(c.subtree)
                        ent.role = self.text[words[0].idx : words[-1].idx + len(words[-1])].strip(" ,")
                        ent.roles.update(t.lower_ for t in words)
                        _described_as(ent, ent.role)
        return ent, mention, conf

    def _named_body(self, tok: Token) -> bool:
        """Whether a capitalised word for a body ("State", "Party", "Army") is the last word of its
        name, a capitalised nationality or creed right before it ("The Islamic State", "the Free
        Syrian Army"), not a description ("the state", "the party"), nor a title-case headline's words."""
        return tok.lower_ in ORG_NOUNS and tok.text[:1].isupper() and not tok.is_sent_start and tok.idx >= self._headline \
            and (before := self.doc[tok.i - 1]).ent_type_ in ("NORP", "") and before.text[:1].isupper() \
            and not before.is_sent_start and before.head.i == tok.i and before.dep_ in ("compound", "amod")

    def _right_after_title(self, title: Token, name: Token) -> bool:
        """Whether ``name`` follows the title word with nothing between but the title's own "of"
        phrase ("Director of Government Affairs Phil Smith"), no comma setting it apart."""
        between = self.doc[title.i + 1 : name.left_edge.i]
        of = {t.i for c in title.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
        return all(t.i in of and not t.is_punct for t in between)

    def _named_after_title_of(self, tok: Token) -> Token | None:
        """The person a capitalised title with its own "of" phrase stands before: the name right
        after the thing the title is of ("HTWU Director of Public Policy Maren Olsted", which the
        parser reads as a director of Olsted), or the name commas set off after the title or its
        phrase ("The union's Chief of Staff, Dan Cole, said"); None where "of" governs the thing alone
        ("Director of Acme") or someone's thing ("Director of Ann Roe's campaign")."""
        doc = self.doc
        ofs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        for of in ofs:
            g = of.right_edge  # the name closes the phrase ("Director of the Office of Budget Kim Raye")
            e = self._ent_of.get(g.i)
            if g.dep_ == "pobj" and coarse_pos(g) == "PROPN" and e is not None and e.label_ == "PERSON" \
                    and e.end == g.i + 1 and e.start > of.i + 1 and not self.in_quote(g.idx) \
                    and all(t.text[:1].isupper() or t.lower_ in _OF_THING for t in doc[of.i + 1 : e.start]):
                return g
        heads = [tok] + [g for of in ofs for g in of.children if g.dep_ == "pobj"]
        return next((c for h in heads for c in h.children if c.dep_ == "appos" and coarse_pos(c) == "PROPN"
                     and (c.ent_type_ == "PERSON" or first_name_gender(c.left_edge.text) in ("m", "f"))  # (NER's "Ana" + ORG "Lindqvist")
                     and doc[c.left_edge.i - 1].text == "," and not self.in_quote(c.idx)
                     and all(t.is_punct for t in doc[c.right_edge.i + 1 : tok.right_edge.i + 1])), None)

    def _noun_named(self, tok: Token) -> tuple[Entity, tuple[int, int, str], float] | None:
        """A capitalised word the tagger took for a noun that the article's names already count as
        a mention of someone (a surname opening a headline, "Trump talks to …")."""
        k = bisect_left(self._mentions, tok.idx, key=_offset)
        while k < len(self._mentions) and self._mentions[k][0] == tok.idx:
            start, ent, head = self._mentions[k]
            if head is not None and head.i == tok.i and (start, start + len(tok)) in ent.seen:
                return ent, (start, start + len(tok), tok.text), 0.9
            k += 1
        return None

    def _named_before_seat(self, tok: Token, end: int) -> tuple[Entity | None, tuple[int, int, str], float] | None:
        """The person named before a party and seat that the parser made the head of the phrase
        (state Sen. Loretta "Lolo" Danvers (R-Cedar Falls), where a quoted nickname kept NER from the
        name), with the mention from the name to the seat's end (``end``); None when no name of two
        words or more comes right before the parenthesis."""
        doc = self.doc
        paren = next((t for t in reversed(doc[tok.left_edge.i : tok.i]) if t.text == "("), None)
        if paren is None:
            return None

        def name_word(t: Token) -> bool:  # the tagger takes some surnames for nouns ("Price")
            return coarse_pos(t) == "PROPN" or t.is_alpha and t.text[:1].isupper()

        k = paren.i  # the capitalised words (and a quoted nickname) right before the parenthesis
        while k > tok.left_edge.i and (name_word(doc[k - 1]) or doc[k - 1].text in _QUOTES and k < paren.i):
            k -= 1
        while k < paren.i and (doc[k].text in _QUOTES or doc[k].lower_ in STRIP_TITLES):
            k += 1  # the name without a title before it ("Del.")
        words = doc[k : paren.i]
        if not len(words) or not name_word(words[-1]) or len(_name_parts(words.text)) < 2:
            return None
        s = words.start_char
        ent = self.lookup(words.text, "PERSON", at=s) or self._new_entity(words.text, "PERSON", s)
        if ent is None:
            return None
        if (role := self._role_set_off_before(words)) is not None:  # "Ray's niece, state Del. …"
            ent.learn_role_gender(role)
        end += self.text[end : end + 1] == ")"
        self._add_mention(ent, s, end, self.text[s:end], tok)
        return ent, (s, end, self.text[s:end]), 0.9

    def _leads_in(self, clause: Token, tok: Token) -> bool:
        """Whether a clause the parser hung on a later speech verb ends in a colon and a quote
        that the verb's subject ``tok`` says ("Roe scolded him: “…,” she said"): the clause is the
        writer's, and the person it names is who "she" means."""
        doc = self.doc
        return any(t.text == ":" and t.i + 1 < tok.i and doc[t.i + 1].text in _QUOTES and self._writers(t.idx)
                   for t in doc[clause.i : tok.i])

    def _coordinated(self, tok: Token) -> bool:
        """Whether a source name or pronoun is one of several joined by "and" ("Roe and Doe",
        "Roe (D-Ore.), Doe (D-Ohio) and Poe (D-N.J.)", which the parser chains), or a later one of
        them, as the subject of the cue, the object of "according to" or the author of a document
        ("a study by Roe and Doe"); or a name joined to a group through its description ("Roe, head
        of the institute, and other scientists"); not the "and" inside one name ("Fire and Rescue
        Service"). A capital letter counts for a name where the tagger took one for an adjective."""
        def nominal(t: Token) -> bool:
            return coarse_pos(t) in ("PROPN", "PRON", "NOUN") or t.text[:1].isupper() and not t.is_sent_start

        if coarse_pos(tok) not in ("PROPN", "PRON") and not (tok.text[:1].isupper() and nominal(tok)):
            return False
        first = tok
        while first.dep_ == "conj" and nominal(first.head):
            first = first.head
        if (first.lower_ in STRIP_TITLES or first.lower_.rstrip(".") in ROLE_WORDS) \
                and any(c.dep_ == "conj" and _titles_of_one(first, c, titled=True) for c in first.children):
            return False  # "former Gov. and party Chairman Ed Rendell": one person under two titles
        if not (first.dep_ in ("nsubj", "nsubjpass") or first.dep_ == "pobj" and (
                first.head.lower_ == "to" and first.head.head.lower_ == "according" or first.head.lower_ == "by")):
            return False
        if first.dep_ == "nsubj" and self._along_with(first):
            return True
        if self._person_and_before(first):
            return True
        chain, others = [first], []
        while chain:  # the conjuncts, each the parser's "conj" of the one before
            more = [c for c in chain.pop().children if c.dep_ == "conj" and nominal(c) and not self._out_of_brackets(first, c)]
            others += more
            chain += more
        # (not the names of a list "along with" the person: "Roe, one of the negotiators, along with Doe,
        # Poe and Loe", which the parser may hang on the name as appositions)
        listed_from = min((c.i for c in first.children if c.dep_ == "prep"
                           and c.lower_ in ("along", "with", "alongside", "including", "like")), default=len(self.doc))
        described = [c for a in first.children if a.dep_ == "appos" and a.i < listed_from for c in a.children
                     if c.dep_ == "conj" and (c.tag_ in ("NNS", "NNPS") or coarse_pos(c) == "PROPN")
                     and any(k.dep_ == "cc" and k.lower_ in ("and", "&") for k in a.children)]
        if described:
            return True
        if not others or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in [first] + others for c in t.children) \
                and not any(t.dep_ == "cc" and t.lower_ in ("and", "&") and t.head.dep_ == "pobj"
                            for t in self.doc[first.i + 1 : others[0].i]):  # ("Isakson of Georgia and Boozman of Arkansas")
            return False
        other = others[0]
        if _titles_of_one(first, other):
            return False
        one_name = other.lower_ in ORG_SUFFIXES or self._ent_of.get(first.i) is not None and self._ent_of.get(first.i) is self._ent_of.get(other.i)
        return not one_name

    def _person_and_before(self, subject: Token) -> bool:
        """Whether a subject name's own phrase opens with another person and "and", which the parser
        hung inside it ("Dana Whitlock and House Speaker Tom Ardery said", read as the Speaker of
        Whitlock): two speakers."""
        words = self.doc[subject.left_edge.i : subject.i]
        joins = [t for t in words if t.dep_ == "cc" and t.lower_ in ("and", "&") and t.ent_type_ != "ORG"]
        if not joins or subject.ent_type_ != "PERSON":
            return False
        own = self._ent_of.get(subject.i)
        return any(t.ent_type_ == "PERSON" and self._ent_of.get(t.i) is not own and t.i < joins[0].i for t in words)

    @staticmethod
    def _along_with(subject: Token) -> bool:
        """Whether a subject shares its verb with people set off after it ("Fields, along with
        reporter Ben Terris, said"): several speakers, none of them alone."""
        verb = subject.head
        return any(c.dep_ == "prep" and c.lower_ in ("along", "together") and subject.i < c.i < verb.i
                   and any(g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or person_noun(g.lower_))
                           for w in c.children if w.lower_ == "with" for g in w.children)
                   for c in verb.children)

    @staticmethod
    def _out_of_brackets(name: Token, other: Token) -> bool:
        """Whether ``other`` lies past the bracket that closes an aside holding ``name`` ("(…," wrote
        Roe, a technician), and the union's endorsement will …"): the parser's "and" across it joins
        no two speakers."""
        brackets = enclosing_brackets(name)
        return brackets is not None and brackets[1] < other.i

    def _named_by_apposition(self, tok: Token) -> bool:
        """Whether a capitalised word opening its sentence is a name because a description follows
        it between commas, though the tagger took it for a noun or NER for a nationality."""
        return tok.i == self.sent(tok.i).start and tok.lower_ not in SENTENCE_NOUNS and any(
            c.dep_ == "appos" and c.i > tok.i + 1 and self.doc[c.left_edge.i - 1].text == "," for c in tok.children)

    def _owned(self, tok: Token) -> Entity | None:
        """Whoever a medium belongs to, for a possessive heading a source ("his website", "Ivana
        Roe's brief"): that person; "her campaign" is an organisation named for her."""
        if tok.lower_ in POSSESSIVES:
            owner, medium = (tok, tok.head) if tok.dep_ == "poss" else (None, tok)
        else:
            owner, medium = next((c for c in tok.children if c.dep_ == "poss"), None), tok
        if owner is None or owner.i == medium.i:
            return None
        if medium.lower_ not in MEDIA_OF and medium.lower_ not in DOCUMENTS:
            return None
        if coarse_pos(owner) == "PRON":
            ent = self._resolve_pronoun(owner.lower_, owner.idx)
        else:
            ent, _, _ = self.resolve(owner)
            if ent is not None and coarse_pos(owner) == "NOUN" and owner.text[:1].islower() and ent.kind == "PERSON" \
                    and TITLE_WORDS.get(owner.lower_, owner.lower_) not in ent.roles:
                return None  # "the Democratic nominee's campaign": a guess at who the nominee is names no campaign
        if ent is None or medium.lower_ != "campaign" or ent.kind != "PERSON":
            return ent
        return self._campaign_of(ent, medium.idx)

    def _following_of(self, head: Token) -> Entity | None:
        """"The Roe campaign", "the Roe administration": the organisation named for the person."""
        for c in head.children:
            if c.dep_ in ("compound", "poss") and coarse_pos(c) == "PROPN":
                ent, _, _ = self.resolve(c)
                if ent is not None and ent.kind == "PERSON":
                    return self._campaign_of(ent, head.idx, head.lower_)
        return None

    def _campaign_earlier(self, head: Token) -> Entity | None:
        """The campaign "the campaign" takes up from the last three sentences, where they name it by
        its candidate ("Holt's campaign is making its biggest ad buy. … The campaign said")."""
        first = self.sents[max(0, self._sent_of[head.i] - 3)].start
        for t in reversed(self.doc[first : head.i]):
            if t.lower_ == "campaign" and not self.in_quote(t.idx) and any(c.dep_ == "poss" for c in t.children):
                ent, _, _ = self.resolve(t)
                return ent if ent is not None and ent.kind == "ORG" else None
        return None

    def _campaign_of_subject_before(self, head: Token, dets: set[str]) -> Entity | None:
        """The campaign "the campaign" (no word saying whose) is, where the sentence just before has a
        candidate for its main subject and the article writes of that person's campaign: "Dana
        Whitcomb plans to court rural voters …. The campaign says …" is the Whitcomb campaign, whatever
        campaign the article named earlier."""
        if dets != {"the"} or any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in head.children):
            return None
        prev = self.sentence_before(head.i)
        if prev is None:
            return None
        subjects = [m[1] for m in self._mentions_between(prev.start_char, prev.end_char)
                    if m[2] is not None and m[2].dep_ in ("nsubj", "nsubjpass") and _main_clause(m[2]) and not self.in_quote(m[0])]
        if len(subjects) != 1 or subjects[0].kind != "PERSON" or not self._writes_of_campaign(subjects[0]):
            return None
        return self._campaign_of(subjects[0], head.idx)

    def _campaign_of(self, person: Entity, at: int, noun: str = "campaign") -> Entity:
        """The organisation "<surname> campaign" (or "administration") of a person, made once per article."""
        name = f"{person.name.split()[-1]} {noun}"
        ent = self._by_key.get(_name_key(name, "ORG")) or self._new_entity(name, "ORG", at)
        return ent

    def _named_within(self, text: str) -> Entity | None:
        """The entity of two words or more whose full name the text holds, the longest first
        ("Jane Roe Slams Board" holds Jane Roe)."""
        words = [w.lower().strip(".,:;'’\"").replace("’", "'") for w in _SUFFIX.sub("", text).split()]
        words = [_SUFFIX.sub("", w) for w in words]
        found = [e for e in self.entities if e.kind == "PERSON" or len(e.key) >= 2
                 if any(tuple(words[k : k + len(e.key)]) == e.key for k in range(len(words) - len(e.key) + 1))]
        if not found:  # "Roe Slams Board": the surname of someone the story names in full
            found = [e for e in self.entities if e.kind == "PERSON" and len(e.key) >= 2 and e.key[-1] in words]
        return max(found, key=lambda e: (len(e.key), len(e.mentions))) if found else None

    def _known_person(self, text: str, at: int) -> bool:
        """Whether ``text`` is part of the full name of a person already introduced."""
        ent = self._person_named(text, at)
        return ent is not None and ent.first < at

    def _surname_of_named(self, text: str) -> bool:
        """Whether ``text``, one word, is the surname of the one person the article names in full,
        before or after it: a headline or lede that opens "Roe says …" before the story names Jane
        Roe, where the parser may not take the first word for a name."""
        key = _name_key(text, "PERSON")
        if len(key) != 1 or not text[:1].isupper():
            return False
        ent = self.lookup(text, "PERSON")
        return ent is not None and ent.kind == "PERSON" and len(ent.key) >= 2 and ent.key[-1] == key[0]

    def _new_entity(self, text: str, kind: str, start: int) -> Entity | None:
        if kind == "PERSON" and self.text[start : start + len(text)] == text and (
                span := self.doc.char_span(start, start + len(text), alignment_mode="expand")) is not None:
            if _described_group(span):
                return self._new_entity(text, "ORG", start)
            trimmed = self._trimmed(span)  # "Still Roe", "Roe Says", "Some Democrats"
            if trimmed is None:
                return None
            if trimmed.start_char != start or trimmed.end_char != start + len(text):
                text, start = trimmed.text, trimmed.start_char
                if (found := self.lookup(text, kind, at=start)) is not None:
                    return found
        if kind == "PERSON" and (_organisation_form(text, self.text) and not self._known_person(text, start)
                                 or _named_poll(text, self.text[max(0, start - 12) : start])):
            kind = "ORG"  # "PPIC", "BuzzFeed", "CNN/ORC", "Factcheck.org", "a … University Poll": no person is written so
        key = _name_key(text, kind)
        if not key or kind == "PERSON" and (all(k in STRIP_TITLES or k in ROLE_WORDS for k in key)
                                            or len(key) > 1 and key[-1] in STRIP_TITLES | ROLE_WORDS
                                            and first_name_gender(key[0]) is None):
            return None  # "Senator", "Retired General", "New Jersey Governor": a role, nobody's name
        if _PARTY_SEAT.match(text):
            return None  # "(D-Newport News)", "R-Ga.": a party and a seat after a name, not one
        ent = Entity(_clean_name(text, kind), kind, key, first=start)
        first = key[0] if len(key) >= 2 else None
        if kind in ("PERSON", "ORG") and len(key) == 1 and (full := known_full_name(ent.name)) is not None \
                and not self._first_name_here(ent.name) and not self._honorific_against(start, full.split()[0]):
            # "President Obama" in a story that never gives his first name (NER may call it an ORG);
            # not where the story uses the word as someone's first name ("Ryan Hale")
            ent.name, ent.kind, first = full, "PERSON", full.split()[0]
        if ent.kind == "PERSON" and first is not None:
            g = first_name_gender(first)
            if g in ("m", "f"):
                ent.learn_gender(g, "first_name" if first_name_sure(first) else "first_name_mostly")
        self.entities.append(ent)
        self._by_key[key] = ent
        for part in set(key):
            self._by_part.setdefault(part, []).append(ent)
        return ent

    def _honorific_against(self, start: int, first: str) -> bool:
        """Whether the honorific before a name says another gender than the first name ``first``
        ("Ms. Kerry" is not the John Kerry the surname usually means)."""
        before = self.text[max(0, start - 6) : start].split()
        said = HONORIFICS.get(before[-1].lower()) if before else None
        g = first_name_gender(first)
        return said is not None and g in ("m", "f") and said != g

    def _first_name_here(self, word: str) -> bool:
        """Whether the article writes ``word`` before another capitalised name word ("Ryan Hale"), not
        as the first word of a name NER reads as a thing's ("the Trump Train")."""
        doc = self.doc
        return any(t.text == word and t.i + 1 < len(doc) and coarse_pos(doc[t.i + 1]) == "PROPN" and doc[t.i + 1].text[:1].isupper()
                   and ((e := self._ent_of.get(t.i)) is None or e.label_ == "PERSON")
                   for t in self._capitals)

    def _introduces_speaker(self, clause: Token, w: str) -> bool:
        """Whether what a pronoun says opens by introducing its subject, a person named in full for
        the first time in the article, of the pronoun's gender where the name tells it: "Former Rep.
        Ada Quill was for Holt while he ran, she said" is Quill on herself (where "Quill had been
        ill, her daughter said" speaks of someone the article named before)."""
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.ent_type_ != "PERSON" or coarse_pos(subj) != "PROPN" or (span := self._ent_of.get(subj.i)) is None:
            return False
        if len(span) < 2 or span.end - 1 != subj.i or subj.text in self.text[: span.start_char]:
            return False
        given = first_name_gender(span[0].text)
        return given is None or PRONOUN_GENDER.get(w) in (None, given)

    def _resolve_pronoun(self, w: str, pos: int, skip: tuple[int, int] | None = None, depth: int = 0) -> Entity | None:
        """The entity a pronoun the writer uses means: nobody for I/you/we, a person of its gender for
        he/she, an organisation for it/they unless a nearer subject noun names no entity."""
        if w in ("i", "me", "my") and (answering := self._interviewee(pos)) is not None:
            return answering  # "Q: Why? A: Because I think …": an interview's answers are the interviewee's
        if w in ("you", "your") and (asked := self._interviewee(pos, "Q")) is not None:
            return asked  # "Q: Will you vote for him?": the interviewee the question is put to
        if w in ("i", "me", "my") and not self.in_quote(pos) and (columnist := self._columnist) is not None:
            return columnist  # "Ada Quill: Why I Left": a column its headline signs, where the writer says "I"
        if w in ("i", "me", "my") and not self.in_quote(pos) and (signer := self._signer(pos)) is not None:
            return signer  # a letter to the editor: "I cannot fathom … ¶ Jane Roe. ¶ Henderson, Nev."
        if w in ("i", "you", "we", "us"):  # the writer (and readers) or the reader, never a named entity of
            return None  # the article: outside quotes "we" is the writer's ("as we learned in Iowa")
        if w in ("it", "they", "them", "its", "their"):
            if (ahead := self._subject_ahead(w, pos)) is not None:
                words = {ahead.lower_, _singular(ahead.lower_)}
                if words & (DOCUMENTS | STAFF | TEAMS) or ahead.tag_ == "NN" and ahead.lower_ in ORG_NOUNS:
                    return self._resolve_description(ahead, ahead.idx)
                return None
            org = self._nearest_for_pronoun(w, pos, skip, want_org=True)
            if org is not None and w in ("they", "them", "their") and not self._org_as_they(org, pos):
                org = None
            thing = self._thing_between(w, pos, org) if org is not None else None
            if thing is None:
                return org
            # a document speaks for its author ("The ad shows … It says"), a firm's staff for the firm
            # ("Analysts at Acme said …, but they cautioned"), "the network" for the network it means,
            # as "the ad says", "analysts said", "the network said" would
            words = {thing.lower_, _singular(thing.lower_)}
            if words & (DOCUMENTS | STAFF | TEAMS) or thing.tag_ == "NN" and thing.lower_ in ORG_NOUNS:
                return self._resolve_description(thing, thing.idx)
            if thing.tag_ == "NNP" and thing.lower_ in ORG_NOUNS and w in ("it", "its"):
                # "the Baltic and Adriatic Heritage Coalition, which …, wants …. Later, though, it
                # issued …": an organisation's name NER missed, the subject the text goes on about
                return self._org_named_by(thing)
            return None
        return self._nearest_for_pronoun(w, pos, skip, depth)

    def _org_named_by(self, last: Token) -> Entity | None:
        """The organisation whose name ends in the capitalised body word ``last`` ("Coalition"),
        with the capitalised words before it and any "and", "of" or "for" between them ("Central
        and East European Coalition"), where NER saw no name there."""
        first = last.i
        while first > 0 and (self.doc[first - 1].text[:1].isupper() and not self.doc[first - 1].is_sent_start
                             or self.doc[first - 1].lower_ in ("and", "of", "for") and first > 1
                             and self.doc[first - 2].text[:1].isupper()):
            first -= 1
        if first == last.i:
            return None
        s, e = self.doc[first].idx, last.idx + len(last)
        return self.lookup(self.text[s:e], "ORG", at=s) or self._new_entity(self.text[s:e], "ORG", s)

    def _org_as_they(self, org: Entity, pos: int) -> bool:
        """Whether "they" can mean the organisation last named: only where it is the subject of
        the pronoun's sentence or the one before. News writes "they" for the people of a story
        (aides, officials, voters) far more than for a firm or a body: on the name golds, "they"
        was an organisation twice in 52 sources, and the organisation named last 1 time in 28."""
        here = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if here is None or not len(here):
            return False
        k = self._sent_of[here[0].i]
        if any(t.dep_ in ("nsubj", "nsubjpass") and coarse_pos(t) == "NOUN" and t.tag_ == "NN" and t.idx < pos
               and (t.lower_ in ORG_NOUNS or t.lower_ in PRESS or t.lower_ == "board") and self._writers(t.idx)
               for j in range(max(0, k - 1), k + 1) for t in self.sents[j]):
            return True  # "The newspaper writes … . '…,' they write": the paper the description means
        return any(m[1] is org and m[2] is not None and m[0] < pos and k - 1 <= self._sent_of[m[2].i] <= k
                   and (m[2].dep_ in ("nsubj", "nsubjpass") or _of_people(m[2])) for m in self._mentions)

    @cached_property
    def _columnist(self) -> Entity | None:
        """The writer of a column whose headline opens with their name and a colon ("Ada Quill: And
        Then There Was One"): a person's full name, the first words of the article, that the body does
        not go on to name (a headline quoting someone, "Ada Quill: 'We Will Win'", is about a person
        the story then names). Worked out once an article, where its first "I" asks."""
        line = self.text.split("\n", 1)[0]
        m = _SIGNED_HEADLINE.match(line)
        if m is None or first_name_gender(m.group(1).split()[0]) is None or m.group(1).split()[-1] in self.text[len(line):]:
            return None
        return self.lookup(m.group(1), "PERSON", at=0) or self._new_entity(m.group(1), "PERSON", 0)

    def _interviewee(self, pos: int, turn: str = "A") -> Entity | None:
        """Who answers in a question-and-answer interview, for a paragraph opening "A:" after one
        opening "Q:" (or "Q" run into the question), or one that goes on with that answer: the
        first person the article names, whom its introduction presents; None outside such a
        paragraph. With ``turn`` "Q", for a question's paragraph, to whom it is put."""
        turns = [(m.start(), m.group(1) and "A" or "Q") for m in _TURN_LINE.finditer(self.text, 0, pos)]
        if not turns or turns[-1][1] != turn or not _QUESTION_LINE.search(self.text, 0, pos) \
                or turn == "Q" and self.text.rfind("\n", 0, pos) > turns[-1][0]:
            return None  # (a question is its one paragraph; an answer may run on over several)
        line = turns[-1][0]
        people = [e for e in self.entities if e.kind == "PERSON" and e.mentions and e.first < line]
        return min(people, key=lambda e: e.first) if people else None

    def _signer(self, pos: int) -> Entity | None:
        """Who signs a letter to the editor that says "I": the first paragraph after the pronoun's
        that is nothing but a person's name, a first name the list knows and one or two more
        words ("Jane Roe." before "Henderson, Nev."), as letters pages and signed columns close."""
        m = _SIGNATURE.search(self.text, self.text.find("\n", pos) + 1 if "\n" in self.text[pos:] else len(self.text))
        if m is None or first_name_gender(m.group(1).split()[0]) is None:
            return None
        return self.lookup(m.group(1), "PERSON", at=m.start(1)) or self._new_entity(m.group(1), "PERSON", m.start(1))

    def _subject_ahead(self, w: str, pos: int) -> Token | None:
        """The noun a subject "it"/"they" of a clause that opens its sentence looks ahead to: the
        main clause's subject right after it, of the pronoun's number and naming no entity
        ("Though they insist they are not trying to lure him, officials hope …": the officials)."""
        here = self.doc.char_span(pos, pos + len(w))
        if here is None or len(here) != 1:
            return None
        clause = here[0].head
        main = clause.head
        if not _fronted(here[0]) or not any(c.dep_ == "mark" for c in clause.children):
            return None
        subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i), None)
        if subject is None or coarse_pos(subject) != "NOUN" or self.in_quote(subject.idx) \
                or any(m[2] is not None and m[2].i == subject.i for m in self._mentions):
            return None
        plural = subject.tag_ == "NNS" or any(c.dep_ == "conj" for c in subject.children)
        return subject if plural == (w in ("they", "them", "their")) else None

    def _thing_between(self, w: str, pos: int, org: Entity) -> Token | None:
        """The noun subject "it"/"they" goes on about, when the writer made one after the last mention
        of ``org`` that names no entity: "Acme closed its plant. Hundreds of workers gathered … they
        chanted" (the workers), "Acme launched an ad. The ad shows … It says" (the ad, which speaks for
        whoever made it). That subject, not the organisation, is what the pronoun means. Only a
        main-clause subject of the previous sentence or the pronoun's own (or of an adverbial clause
        in it: "While these gifts help him, they …"), of the pronoun's number ("it": a singular noun,
        no person; "they": a plural or a coordination), outside quotation marks, and not one that names
        ``org`` within it ("Forbes magazine", "Acme's board"). The caller resolves an organisation's
        word ("the network"), a document or a firm's staff as their descriptions."""
        here = self.doc.char_span(pos, pos + len(w))
        if here is None or len(here) != 1:
            return None
        here = here[0]
        last = max((m[2].i for m in self._mentions if m[1] is org and m[2] is not None and m[0] < pos), default=None)
        if last is None:
            return None
        k = self._sent_of[here.i]
        first = self.sents[k - 1].start if k > 0 else self.sents[k].start
        heads = {m[2].i for m in self._mentions if m[2] is not None}
        own = {m[2].i for m in self._mentions if m[1] is org and m[2] is not None}
        # an organisation named only inside what the subject says ("Traders said the swings on the
        # Exchange worried them. …, they said") leaves that subject the one the text is about
        since = last + 1 if self._named_as_subject(self.doc[last]) else self.sent(last).start
        for t in self.doc[max(first, since) : here.i]:
            if t.dep_ not in ("nsubj", "nsubjpass") or coarse_pos(t) not in ("NOUN", "PROPN") or t.i in heads \
                    or self.in_quote(t.idx) or t.ent_type_ in ("ORG", "GPE"):
                continue
            if any(c.dep_ in ("poss", "compound") and c.i in own for c in t.children) or t.left_edge.i <= last <= t.right_edge.i:
                continue  # "Forbes magazine", "Acme's board", "analysts at Acme": the organisation, or a thing of its own
            if not (_main_clause(t) or self._sent_of[t.i] == k and t.head.dep_ == "advcl") or self._between_marks(t):
                continue  # "… the system that Republicans want. … they conclude", "Roe said the results were
                # strong, but they …": a clause's subject the text is not about
            coordinated = any(c.dep_ == "conj" for c in t.children)
            if w in ("it", "its"):
                if t.tag_ in ("NN", "NNP") and not coordinated and t.ent_type_ != "PERSON" and not person_noun(t.lower_):
                    return t
            elif t.tag_ in ("NNS", "NNPS") or coordinated:
                return t
        return None

    @staticmethod
    def _named_as_subject(tok: Token) -> bool:
        """Whether a mention heads a subject, or sits in one ("Acme's chief", "Acme and Holt"),
        rather than in a clause or phrase that a subject before it governs."""
        for t in (tok, *tok.ancestors):
            if t.dep_ in ("nsubj", "nsubjpass", "ROOT"):
                return t.dep_ != "ROOT" or t.i == tok.i
            if t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "prep") and t.i != tok.i:
                return False
        return True

    def _between_marks(self, tok: Token) -> bool:
        """Whether a token stands between quotation marks its sentence opens before it: words quoted
        from someone that no speech cue introduced, so never among the quoted ranges."""
        before = self.text[self.sent(tok.i).start_char : tok.idx]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1

    def _nearest_for_pronoun(self, w: str, pos: int, skip: tuple[int, int] | None = None, depth: int = 0,
                             want_org: bool = False) -> Entity | None:
        """The nearest earlier entity a pronoun can mean: a person of the right gender for he/she,
        an organisation for it/they; going back sentence by sentence, a subject first. Where
        that sentence names nobody as its subject but is itself about "she" ("She has faced …
        his wife, Hillary Clinton, …"), "she" goes on meaning whom that "she" means. Within the
        pronoun's own sentence, the subject of the nearest clause above it ("Doe said Roe was
        right when he …": Roe), and where that sentence names them only as no subject nor owner
        ("When pressed by Holt, his answer …"), whom the previous sentence's he/she means."""
        gender = PRONOUN_GENDER.get(w)

        def ok(ent: Entity) -> bool:
            if want_org:  # (or a body NER took for a person: "The Nile Basin Quartet is made up of …. It was set up")
                return ent.kind == "ORG" or self._not_a_person(ent)
            return ent.kind == "PERSON" and (gender is None or ent.gender in (None, gender)) and not self._not_a_person(ent)

        def by_name_only(ent: Entity) -> bool:  # a gender the first-name list was unsure of: the pronoun outweighs it
            return ent.kind == "PERSON" and ent.evidence == "first_name_mostly"

        end = bisect_left(self._mentions, pos, key=_offset)
        here = self.doc.char_span(pos, pos + len(w))
        here = here[0] if here is not None and len(here) == 1 and gender is not None else None
        if here is not None and (ahead := self._named_ahead(here, ok)) is not None:
            return ahead
        found = self._latest_sentence_mentions(end, ok, skip, unlisted=gender is not None)
        if not found and gender is not None:
            # "Spokesman Bernie Hale … , he told reporters": the list calls "Bernie" mostly a woman's
            # name, but the one person of the latest sentence that names anybody is who the text means.
            people = self._latest_sentence_mentions(end, lambda ent: ent.kind == "PERSON" and not self._not_a_person(ent), skip)
            if people and len({id(m[1]) for m in people}) == 1 and by_name_only(people[0][1]):
                found = people
        if here is not None and found and self._sent_of[found[0][2].i] == self._sent_of[here.i]:
            # within its own sentence, a subject or possessive pronoun goes on about the subject of
            # the nearest clause above it that names one of them: "Doe said Roe was right when he …"
            if here.dep_ in ("nsubj", "nsubjpass", "poss"):
                heads: dict[int, set[int]] = {}
                for m in found:
                    heads.setdefault(id(m[1]), set()).add(m[2].i)
                chosen = self._subject_above(here, heads)
                if chosen is not None:
                    return next(m[1] for m in found if id(m[1]) == chosen)
            # "Though he did not name Roe or Doe, he made it clear …": the "he" that opens its sentence,
            # before the names, subject like it, is whom it goes on about
            if here.dep_ in ("nsubj", "nsubjpass") and depth < 3 and all(_as_subject(m[2]) is None for m in found):
                first = min(m[2].i for m in found)
                opener = next((t for t in self.doc[self.sent(here.i).start : first] if t.dep_ in ("nsubj", "nsubjpass")
                               and t.lower_ == here.lower_ and self._writers(t.idx)), None)
                if opener is not None and (ent := self._resolve_pronoun(opener.lower_, opener.idx, None, depth + 1)) is not None:
                    return ent
            # named before it only as no subject nor owner ("When pressed by Holt, his answer …"; not
            # "Roe's plan, he said"), it goes on about whom the previous sentence's "he" (or "she") is
            k = self._sent_of[here.i]
            topic = next((t for t in self.sents[k - 1] if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"
                          and PRONOUN_GENDER.get(t.lower_) == gender and self._writers(t.idx)), None) if k > 0 else None
            if depth < 3 and all(_as_subject(m[2]) is None and m[2].dep_ != "poss" for m in found):
                if topic is not None and (ent := self._resolve_pronoun(topic.lower_, topic.idx, None, depth + 1)) is not None:
                    return ent
                if topic is None and k > 0 and (ent := self._main_subject_named(k - 1, ok)) is not None:
                    return ent  # "Symms said he liked her answer. But when it comes to Trump, he is …": Symms
        if found and gender is not None and here is not None and not _fronted(here) \
                and self._unnamed_speaker_since(self._sent_of[found[0][2].i], here, gender):
            return None
        if found and here is not None and (asked := self._asked(found, here)) is not None:
            return asked
        if found and here is not None and (source := self._speaker_goes_on(found, here)) is not None:
            return source
        subj = [(m, t) for m in found if (t := _as_subject(m[2])) is not None]
        # The main clause's subject before a reported clause's: "Osei said Ellery had been … He recalled"
        main = [m for m, t in subj if t.head.dep_ == "ROOT" or t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT"]
        if main and gender is not None and here is not None and depth < 3 \
                and (kept := self._center_kept(found, main[0][1], here, ok, depth)) is not None:
            return kept
        if main and gender is not None and here is not None and (topic := self._past_quoted_speaker(found, here, ok)) is not None:
            return topic
        if found and not main and gender is not None and depth < 3:  # three sentences back at most
            # the sentence is about "he", its main clause's subject, before or after the names in it
            # ("When the interview steered Allen toward …, he offered his thoughts on Trump's …")
            topic = next((t for t in self.sent(found[0][2].i) if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"
                          and PRONOUN_GENDER.get(t.lower_) == gender and t.idx < pos
                          and self._writers(t.idx)), None)
            if topic is None and not subj:
                # nobody the sentence names is a subject, but a clause before the names is about "he":
                # "Aides said he had turned down a speech modelled on one by Jane Doe. He was …"
                first = min(m[2].i for m in found)
                topic = next((t for t in self.doc[self.sent(found[0][2].i).start : first] if t.dep_ in ("nsubj", "nsubjpass")
                              and PRONOUN_GENDER.get(t.lower_) == gender and self._writers(t.idx)), None)
            if topic is not None and (ent := self._resolve_pronoun(topic.lower_, topic.idx, None, depth + 1)) is not None:
                return ent
        if found and not subj and gender is not None and here is not None and (topic := self._story_subject(found, here, ok)) is not None:
            return topic
        return (main or [m for m, _ in subj] or _main_objects(found) or found)[0][1] if found else None

    def _named_ahead(self, here: Token, ok) -> Entity | None:
        """The person a he/she subject of a phrase opening its sentence looks ahead to: the main
        clause's subject right after that phrase, named there with a title or in full ("In what he
        called a rant, President Hal Osgood took aim at …"), as news introduces its subject."""
        if here.dep_ not in ("nsubj", "nsubjpass"):
            return None
        top = next((t for t in here.ancestors if t.head.dep_ == "ROOT" and t.head.i != t.i), None)
        main = top.head if top is not None else None
        if main is None or top.dep_ not in ("advcl", "prep") or top.left_edge.i != here.sent.start or top.i > main.i:
            return None
        subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > top.right_edge.i), None)
        if subject is None or coarse_pos(subject) != "PROPN" \
                or not all(t.is_punct for t in self.doc[top.right_edge.i + 1 : subject.left_edge.i]):
            return None  # (right after the phrase and its comma)
        mention = next((m for m in self._mentions_between(subject.left_edge.idx, subject.idx + 1)
                        if m[2] is not None and m[2].i == subject.i), None)
        if mention is None or not ok(mention[1]) or len(self.doc[subject.left_edge.i : subject.i + 1]) < 2:
            return None
        return mention[1]

    def _center_kept(self, found: list, new: Entity, here: Token, ok, depth: int) -> Entity | None:
        """The person a main-clause "he" (or "she") of a deed goes on about where the latest sentence
        makes someone else its subject but still speaks of that person in a clause below it, after a
        sentence whose subject that person was and in which the new subject was no subject: "Roe
        called in his aide, Al Doe. Doe expected that the mayor would sign it. Instead, he tore it
        up" is Roe's deed; the text keeps its centre (centering's continue over a shift)."""
        if here.dep_ != "nsubj" or not _main_clause(here) or here.head.lower_ in SPEECH_LEMMAS:
            return None
        k = self._sent_of[found[0][2].i]
        below = {id(m[1]): m[1] for m in found if m[1] is not new and (t := _as_subject(m[2])) is not None and not _main_clause(t)}
        before = self.sentence_before(self.sents[k].start)
        if len(below) != 1 or before is None:
            return None
        (kept,) = below.values()
        top = next((t for t in before if t.dep_ == "nsubj" and _main_clause(t) and self._writers(t.idx)), None)
        if top is None or not any(m[1] is new and m[2] is not None and m[2].i != top.i
                                  for m in self._mentions_between(before.start_char, before.end_char)):
            return None
        if coarse_pos(top) == "PRON":
            ent = self._resolve_pronoun(top.lower_, top.idx, None, depth + 1) if PRONOUN_GENDER.get(top.lower_) else None
        else:
            ent = next((m[1] for m in self._mentions_between(top.left_edge.idx, top.idx + 1) if m[2] is not None and m[2].i == top.i), None)
        return kept if ent is kept and ok(kept) else None

    def _past_quoted_speaker(self, found: list, here: Token, ok) -> Entity | None:
        """Whom a main-clause "she" (or "he") of a deed means where the latest sentence naming anyone
        of that gender only gives the name of whoever a quotation there is from ("'…,' Quill says."):
        the subject of the sentence before that quotation, if another person the article has named
        more than twice as often as the speaker: the story's subject, whom the quoted expert was
        speaking about ("Beloved by her staff, Hart was … . '…,' Quill says. … She didn't care")."""
        if here.dep_ != "nsubj" or not (_main_clause(here) or here.i == self.sent(here.i).start) \
                or here.head.lower_ in SPEECH_LEMMAS or self.in_quote(here.idx):
            return None  # (the parser may hang a sentence on an aside "(…, Quill says)" within it)
        speaker = found[0][1]
        if any(m[1] is not speaker or m[2].dep_ != "nsubj" or m[2].head.lower_ not in SPEECH_LEMMAS for m in found):
            return None
        sent = self.sent(found[0][2].i)
        before = self.sentence_before(sent.start)
        if before is None or not any(self.in_quote(t.idx) for t in sent):
            return None
        topic = next((m[1] for m in self._mentions_between(before.start_char, before.end_char) if m[2] is not None
                      and m[2].dep_ in ("nsubj", "nsubjpass") and _main_clause(m[2]) and self._writers(m[2].idx)), None)
        if topic is None or topic is speaker or not ok(topic):
            return None
        named = [m[1] for m in self._mentions_between(0, here.idx)]
        return topic if named.count(topic) > 2 * named.count(speaker) else None  # the article's subject, not a second voice

    def _main_subject_named(self, k: int, ok) -> Entity | None:
        """The person ``ok`` accepts whom sentence ``k`` names as its main clause's subject, outside
        quotation marks: whom the text goes on about in the next."""
        return next((m[1] for m in self._mentions_between(self.sents[k].start_char, self.sents[k].end_char)
                     if m[2] is not None and m[2].dep_ == "nsubj" and m[2].head.dep_ == "ROOT" and ok(m[1])
                     and self._writers(m[2].idx)), None)

    def _story_subject(self, found: list, here: Token, ok) -> Entity | None:
        """Whom "he" means where the latest sentence names people of its gender only as no subject
        (an object, an owner, a name in a phrase): the person of that gender the article has named
        most so far, as a subject in one of the three sentences before, if that is none of them and
        none of them is introduced there with a description of their own ("The court heard from Ada
        Quill, 76, a retired midwife, … She said" is Quill)."""
        if any(m[1].first >= self.sent(m[2].i).start_char and any(c.dep_ in ("appos", "npadvmod", "amod") and c.i > m[2].i
                                                                for c in m[2].children) for m in found):
            return None
        k = self._sent_of[here.i]
        counts: dict[int, list] = {}
        for start, ent, tok in self._mentions[: bisect_left(self._mentions, here.idx, key=_offset)]:
            if ok(ent):
                counts.setdefault(id(ent), [0, ent, False])
                counts[id(ent)][0] += 1
                if tok is not None and tok.dep_ in ("nsubj", "nsubjpass") and k - 3 <= self._sent_of[tok.i] < k:
                    counts[id(ent)][2] = True
        if not counts:
            return None
        n, ent, recent = max(counts.values(), key=lambda c: c[0])
        if not recent or any(m[1] is ent for m in found) or n < 3:
            return None
        return ent

    def _asked(self, found: list, here: Token) -> Entity | None:
        """Whom a question was put to, for the "he" or "she" that gives the answer in a later
        sentence: "Last month a reporter, Al Doe, asked Roe whether age was fair game. 'Sure,' he
        said" is Roe's answer, not Doe's, though Doe is the subject before it."""
        if here.dep_ != "nsubj" or here.head.lower_ not in SPEECH_LEMMAS or here.head.lower_ in ASKING \
                or self._sent_of[found[0][2].i] == self._sent_of[here.i]:
            return None
        asked = [m for m in found if m[2].dep_ == "dobj" and m[2].head.lower_ in ASKING and _main_clause(m[2])]
        return asked[0][1] if len(asked) == 1 else None

    def _speaker_goes_on(self, found: list, here: Token) -> Entity | None:
        """For "he said" (or "she"), the one the previous sentence quotes, rather than someone his
        words are about: "Trump, Sexton said, has created a new kind of zone. 'So his supporters
        feel justified,' he said" goes on with Sexton, though Trump is the sentence's subject. Only
        where one of the people that sentence names is the subject of its speech verb, the others
        inside what is said, and the pronoun's verb is no answer to them ("he replied")."""
        if here.dep_ != "nsubj" or here.head.lower_ not in SPEECH_LEMMAS or here.head.lower_ in ANSWERING \
                or self._sent_of[found[0][2].i] == self._sent_of[here.i]:
            return None
        speakers = {id(m[1]): m for m in found if m[2].dep_ == "nsubj" and m[2].head.lower_ in SPEECH_LEMMAS
                    and m[2].head.lower_ not in ASKING and self._writers(m[2].head.idx)}
        if len(speakers) != 1 or len({id(m[1]) for m in found}) < 2:
            return None
        (m,) = speakers.values()
        verb = m[2].head
        said = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
        parenthetical = verb.dep_ in ("parataxis", "ccomp") and not said  # "Trump, Sexton said, has …"
        if parenthetical:  # what is said is the clause the verb is set in
            said = {t.i for t in verb.head.subtree}
        return m[1] if all(o[2].i in said for o in found if o[1] is not m[1]) else None

    def _unnamed_speaker_since(self, k: int, here: Token, gender: str) -> bool:
        """Whether a sentence after sentence ``k`` and before the pronoun ``here``'s own gives the
        words of one unnamed person whom the pronoun can mean ("said a company spokesman", "An
        aide said …"): "he said" next goes on quoting that person, not the one named before."""
        for j in range(k + 1, self._sent_of[here.i]):
            for t in self.sents[j]:
                if t.dep_ != "nsubj" or t.tag_ != "NN" or t.head.lower_ not in SPEECH_LEMMAS or self.in_quote(t.idx):
                    continue
                w = TITLE_WORDS.get(t.lower_, t.lower_)
                if not person_noun(w) or GENDERED_ROLES.get(w) not in (None, gender):
                    continue
                if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children) \
                        and not any(m[2] is not None and m[2].i == t.i for m in self._mentions):
                    return True
        return False

    def _not_a_person(self, ent: Entity) -> bool:
        """Whether the article shows a "person" to be a place, an organisation or a thing, which
        "he" or "she" never means ("West Virginia", "Patriot Coal", "Midway Atoll" that NER took
        for people). Nothing can outweigh a first name, an honorific or a person's role; short of
        those, a name is no person's when it holds a word of organisations or things ("Coal",
        "Tower", "GOP"), a US state or a region ("Southern California"), or when none of its
        mentions is NER's PERSON and the article places it ("in Midway Atoll") or NER labels the
        same name a place, an organisation, a nationality or an event elsewhere. A name set beside an
        organisation's word ("a new company, Kissani Healthcare") is the organisation's, whatever NER says."""
        if ent.kind != "PERSON":
            return True
        seen = (id(ent), len(ent.mentions), ent.evidence)  # until a mention or a title says more
        if seen not in self._not_person:
            self._not_person[seen] = self._shown_not_person(ent)
        return self._not_person[seen]

    def _shown_not_person(self, ent: Entity) -> bool:
        if ent.evidence in ("honorific", "first_name", "first_name_mostly") or not ent.key \
                or first_name_gender(ent.key[0]) is not None or ent.roles & (_PERSON_ROLES | _PEOPLE):
            return False
        if known_full_name(ent.name.split()[-1]) == ent.name:
            return False  # a person the news names by this surname ("Trump"), whatever NER calls "a Trump loss"
        if _thing_named(ent):
            return True
        doc = self.doc
        spans = [doc.char_span(s, e, alignment_mode="expand") for s, e, _ in ent.mentions]
        spans = [sp for sp in spans if sp is not None and len(sp) and coarse_pos(sp.root) != "PRON"]
        if any(sp.start > 1 and doc[sp.start - 1].text == "," and doc[sp.start - 2].tag_ == "NN"
               and doc[sp.start - 2].lower_ in ORG_NOUNS and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                                 for c in doc[sp.start - 2].children) for sp in spans):
            return True  # "a new company, Kissani (pronounced kiss-AH-nee) Healthcare": the company's name
        if not spans or any(t.ent_type_ == "PERSON" for sp in spans for t in sp):
            return False
        if any(_placed(sp.root) for sp in spans):
            return True  # "in Midway Atoll", "in Ohio or Midway"
        names = {_clean_name(sp.text) for sp in spans}
        return any(e.label_ in ("GPE", "LOC", "ORG", "NORP", "FAC", "EVENT") and _clean_name(e.text) in names for e in self.ents)

    def _mentions_between(self, start: int, end: int) -> list[tuple[int, Entity, Token | None]]:
        """The mentions from doc offset ``start`` up to ``end``, in text order."""
        return self._mentions[bisect_left(self._mentions, start, key=_offset) : bisect_left(self._mentions, end, key=_offset)]

    def _latest_sentence_mentions(self, end: int, ok, skip, unlisted: bool = False) -> list:
        """The mentions ``ok`` accepts in the latest sentence before mention index ``end`` that has
        any (within the look-back), latest first. With ``unlisted``, for "he" or "she", leaving out
        a name listed with others as no subject ("he mentioned Tapper, Bash and Blitzer. He …",
        "songs by Lynn, Cash and LaMontagne"): one of a list is not whom the text goes on about."""
        found: list[tuple[int, Entity, Token | None]] = []
        people = {m[2].i for m in self._mentions if m[2] is not None and m[1].kind == "PERSON"} if unlisted else set()
        for m in reversed(self._mentions[max(0, end - LOOKBACK) : end]):
            if m[2] is None or not ok(m[1]) or skip and skip[0] <= m[0] < skip[1]:
                continue
            if unlisted and _listed(m[2], people):
                continue
            if self._aside(m[2]):
                continue  # "(Subscribe to the Off Message podcast.)": a sentence set apart, never whom the text goes on about
            if found and self._sent_of[m[2].i] != self._sent_of[found[0][2].i]:
                break
            found.append(m)
        return found

    def _aside(self, tok: Token) -> bool:
        """Whether ``tok``'s sentence is wholly in parentheses: a note to the reader set apart."""
        text = self.sent(tok.i).text.strip()
        return text.startswith("(") and text.rstrip(".").endswith(")") and text.count("(") == 1

    def _resolve_description(self, tok: Token, pos: int) -> Entity | None:
        """``_describe``, once for each description: resolving it teaches its person the role set
        beside it ("The secretary of state …, a longtime supporter of Clinton, …"), which must not
        turn the same words to somebody else when a second quotation asks again."""
        if self._described.get(tok.i) is None:
            self._described[tok.i] = self._describe(tok, pos)
        return self._described[tok.i]

    def _describe(self, tok: Token, pos: int) -> Entity | None:
        """The entity a description names: the person given that role ("the senator"), the last
        organisation ("the company"), or the person the previous sentences are about ("the Polish
        forward"); nobody for an indefinite one ("an official") or one that repeats an unnamed
        subject ("A trooper … the trooper said")."""
        head = tok.head if tok.dep_ in ("amod", "compound") and coarse_pos(tok.head) == "NOUN" else tok
        w = TITLE_WORDS.get(head.lower_, head.lower_)
        # ("one former executive" is counted, not determined: somebody new, as "an executive" is)
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss") or c.dep_ == "nummod" and c.lower_ == "one"}
        if head.tag_ in ("DT", "PDT"):
            return None  # "those surveyed say", "both said": a group the words only point at
        if (named := _apposed_to(head)) is not None and (person := self.resolve(named)[0]) is not None and person.kind == "PERSON":
            return person  # "Carla Denholm, a county supervisor": a description set beside a name is that person
        if head.lower_ == "legislature" and (body := self._legislature(head)) is not None:
            return body  # "The Oklahoma legislature passed …", "In Wisconsin, … the state legislature"
        if head.lower_ in _RULERS and (country := self._country_of_ruler(head)) is not None:
            return country  # "the Turkish government", "The Azerbaijani authorities": Turkey, Azerbaijan
        if w in VOICES:
            return self._voice_of(head)  # "the ad's narrator", "a narrator in the Roe ad": whoever made the ad
        if w in _PEOPLE and dets & {"a", "an", "the"} and (named := self._identified_later(head)) is not None:
            return named  # "a woman in the back row … The woman, identified by police as Ann Pike, …"
        if dets & {"a", "an"} and person_noun(w) and (aide := self._aide_named_next(head)) is not None:
            return aide  # "A spokeswoman for Jane Doe says … \n\n Doe communications director Ann Roe …"
        if w in SPOKESPEOPLE or w in ("source", "sources") and head.text.islower():
            return None  # an unnamed spokesperson, or a source ("the source said"), is nobody we can name
        if w in COUPLES or w in CROWDS:
            return None  # "the couple", "the pair", "the crowd": two people or more, not the one named last
        if w in DOCUMENTS or w in FINDINGS:  # a word naming the document's author is not resolved through it again
            if head.i != tok.i:
                return None
            return self._campaign_for_ad(head, self._author(head) or (
                self._earlier_document(head) or self._issued_just_before(head) or self._ruled_just_before(head)
                if dets & {"the", "this", "that"}
                else self._document_named_next(head) if dets & {"a", "an"} else None))
        if (head.lower_ in STAFF or head.lower_ in TEAMS) and (org := self._staff_of(head)) is not None:
            return org
        if head.lower_ in _CAMPS and (camp := self._camp_of(head)) is not None:
            return camp  # "the Roe camp", "her team", "Roe's forces": the campaign of a candidate
        if head.lower_ in TEAMS and any(c.dep_ == "poss" and (c.lower_ in ("his", "her") or c.ent_type_ == "PERSON")
                                        for c in head.children):
            return None  # "his team", "Rubio's team": the people around a person, no organisation the article names
        if (w in NATIONS or w in ORG_NOUNS) and head.text[:1].islower():
            if (named := self._named_after_of(head)) is not None:
                return named  # "the nation of Bangladesh", "the government of Iraq": the name it gives
            if w in NATIONS:
                return None  # "the country" is its government, never the last person named
        if dets & {"a", "an"} and head.tag_ == "NN" and w in ORG_NOUNS and w not in NAME_BEARING:
            return self._described_next(head, w, "ORG")  # "…, an environmental group said. \n\n Clearwater Watch said …"
        if dets & {"a", "an"} and head.tag_ == "NN" and w in NAME_BEARING and w not in FOLLOWINGS:
            # "A federal appeals court has struck down … \n\n The judges of the Court of Appeals for the Ninth Circuit …": only
            # an organisation the next sentences introduce with the word in its name
            return self._described_next(head, w, "ORG")
        if dets & {"a", "an"} and head.tag_ == "NN" and (lede := self._named_next(head)) is not None:
            return lede  # "A former safety manager testified … \n\n Leonard Haskins, 61, told jurors …"
        if head.tag_ == "NN" and w in ROLE_WORDS and any(c.dep_ == "poss" and coarse_pos(c) == "PROPN" for c in head.children) \
                and (lede := self._named_next(head)) is not None:
            return lede  # "Connecticut's tax commissioner says … \n\n Kevin Sullivan says …": the one holder of that office
        if dets & {"a", "an", "one", "another", "some", "any", "several", "two", "three"} or (
            head.tag_ in ("NNS", "NNPS") and w not in NAME_BEARING
        ):
            return None
        end = bisect_left(self._mentions, pos, key=_offset)
        before = self._mentions[max(0, end - LOOKBACK) : end]
        if w in FOLLOWINGS and (named := self._following_of(head)) is not None:
            return named
        if w not in ORG_NOUNS:  # "the city" is not "City Council member Danielle Osei"
            if (given := self._given_role(head, w, before)) is not None:
                return given
            if (holder := self._office_holder(head, w)) is not None:
                return holder  # "the GOP nominee", "the FBI director": who held it that day, if the article names them
        if w in ORG_NOUNS or head.ent_type_ == "ORG":
            if w == "office" and (his := next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)):
                ent = self._owner(his)  # "Her office released a statement": hers
                if ent is not None and ent.kind == "PERSON":
                    return ent
            owner = [c for c in head.children if c.dep_ == "poss" and coarse_pos(c) == "PROPN"]
            if owner:  # "the FBI's field office": the FBI
                ent, _, _ = self.resolve(owner[0])
                if ent is not None and (_org_like(ent) or w == "office" and ent.kind == "PERSON"):
                    return ent  # (and "Congressman Roe's office" speaks for Roe)
            elif head.text[:1].islower() and (title := self._title_before(head, w)) is not None:
                return title  # "Time magazine", "the Acme company": the name it is written with
            elif w in PRESS and (title := self._title_earlier(head, w)) is not None:
                return title  # "… to Family Circle magazine's poll. The magazine said …"
            if w == "campaign" and (camp := self._campaign_of_subject_before(head, dets)) is not None:
                return camp  # "Dana Whitcomb plans to court rural voters …. The campaign says …": hers
            named = next((ent for _, ent, _ in reversed(before) if ent.kind == "ORG" and (w in ent.key or w in ent.roles)), None)
            # "the appeals court": the court of appeals named, not the Supreme Court named last
            kinds = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.text.islower()}
            if kinds and named is not None and not kinds & set(named.key):
                named = next((ent for _, ent, _ in reversed(before) if ent.kind == "ORG" and w in ent.key
                              and kinds & set(ent.key)), named)
            if named is None and (kind := self._kind_written_earlier(head, w)) is not None:
                return kind  # "The city of Lorne is suing … The city says …": the organisation written with that word
            if w in STATE_BODIES:  # "the (British) government", "the army": none other than the organisation so named
                ahead = self._described_next(head, w, "ORG") if named is None else None
                named = named or (ahead if ahead is not None and w in ahead.key else None)
                if named is None and head.lower_ == "state" and head.text[:1].islower() and not dets & {"a", "an"} \
                        and not any(c.text[:1].isupper() for c in head.children if c.dep_ in ("compound", "amod")):
                    named = self._state_before(head)  # "Hassan led New Hampshire …. The state reported …"
                if named is None and head.lower_ == "government" and dets == {"the"} \
                        and not any(c.dep_ in ("compound", "amod", "nmod", "prep") for c in head.children):
                    named = self._state_before(head, officials=True)  # "Ohio officials … the government will …"
                if named is None and w == "administration" and dets == {"the"} \
                        and not any(c.dep_ in ("compound", "amod", "nmod", "prep") for c in head.children) \
                        and (president := self._office_holder(head, "president")) is not None:
                    named = self._campaign_of(president, head.idx, w)  # the president's, where the article names him
                return named
            if w == "board" and any(c.lower_ == "editorial" for c in head.children):
                # "the editorial board writes": the paper's, the title of the press last named
                return next((ent for _, ent, _ in reversed(before) if ent.kind == "ORG" and set(ent.key) & PRESS_NAMES), None)
            if named is None and w == "campaign" and dets == {"the"}:
                named = self._campaign_earlier(head)
            named = named or self._described_next(head, w, "ORG")
            if named is None and w == "union":  # "the union": the United Mine Workers, the Association of Flight Attendants
                named = next((ent for _, ent, _ in reversed(before) if ent.kind == "ORG" and set(ent.key) & _LABOUR), None)
            business = w in COMPANIES or w in PRESS
            if named is None and w in NAME_BEARING and (same := self._org_in_sentence(head)) is not None:
                return same  # "Only four members of the Harbour Pact meet the alliance's spending goal"
            if named is not None or w in NAME_BEARING:
                return named  # "the ministry" is the Ministry of Health, not the last company named
            recent = self._recent_subject(head, before, "ORG")
            if recent is not None and business and _governmental(recent):
                recent = None
            # "the company" or "the magazine" is no White House, committee, party or university named last
            return recent or next((ent for _, ent, _ in reversed(before) if _org_like(ent)
                                   and not (business and _governmental(ent))), None)
        if (ahead := self._described_next(head, w, "PERSON")) is not None:
            return ahead  # "Finance minister says levy delayed \n\n Finance Minister Ada Kole said …"
        if (age := age_of(head)) is not None:
            if not dets & {"the"}:
                return None  # "a 43-year-old said": somebody new
            # "Ned Harlow, 43, … the 43-year-old said": the person given that age, or else the one
            # the previous sentences are about
            return self._aged(age, before) or self._recent_subject(head, before, "PERSON")
        if coarse_pos(head) != "NOUN" and head.ent_type_ != "NORP" and not _party_member(head):  # a noun, or "the Romanian"
            return None
        if not dets & {"the", "his", "her", "their", "its"} and not any(c.dep_ == "poss" for c in head.children):
            return None
        if (lede := self._lede_subject_named_next(head, w, dets)) is not None:
            return lede  # "The head of the Brotherhood of Ferry Pilots is worried … \n\n … Ruth Ann Calloway said"
        if (opener := self._subject_of_fronted_clause(head, w)) is not None:
            return opener  # "Though Hale would not name a date …, the front-runner did give his view"
        if (introduced := self._introduced_just_before(head, w)) is not None:
            return introduced  # "… blamed Karen Roe. The secretary of state … went on the radio"
        if (holder := self._head_named_next(head, w, before)) is not None:
            return holder  # "The chief of Harlow Freight hinted at it in a memo. … Dan Beck wrote in the memo"
        recent = self._recent_subject(head, before, "PERSON", unnamed=True, gender=GENDERED_ROLES.get(w))
        if recent is not None and w in OFFICES and w not in recent.roles and recent.roles & OFFICES:
            return None  # "Gov. Jane Holt spoke first. … the mayor said": a mayor, not the governor
        owner = next((c for c in head.children if c.dep_ == "poss"), None) or next(
            (c for c in head.children if c.dep_ == "compound" and coarse_pos(c) == "PROPN" and c.i == head.i - 1
             and c.ent_type_ not in ("GPE", "LOC", "NORP") and not US_STATES.fullmatch(c.text) and c.lower_ not in PLACE_NAMES
             and (o := self._owner(c)) is not None and o.kind == "PERSON" and o.key[-1] == c.lower_), None)  # ("the senior Cruz adviser")
        if recent is not None and owner is not None and person_noun(w) and (
                self._owner(owner) is recent or w not in recent.roles):
            # "his longtime physician" is somebody of his, never himself (but "his biography" is
            # his); "Johnson's doctor" is nobody the story last spoke of, unless it made them that
            return None
        if owner is None and person_noun(w) and (recent is None or w not in recent.roles) \
                and (other := self._other_named_in_sentence(head, recent, before)) is not None:
            return other
        if recent is not None and w not in recent.roles and self._named_under(head, recent):
            # "The front-runner predicted that if Rubio ran …": somebody other than Rubio, the other
            # person the sentence before names ("If voters listen to Jane Doe, Roe's career …")
            return self._other_named_before(head, w, recent)
        return recent

    def _org_in_sentence(self, head: Token) -> Entity | None:
        """The one organisation the writer names before the bare description ``head`` ("the
        alliance", no word saying which) in its own sentence, where no organisation of its kind was
        named before: "Only four members of the Harbour Pact meet the alliance's spending goal" is
        about the Harbour Pact. None where the sentence names none or several, or names a place."""
        if any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in head.children):
            return None  # "the county health department": the words say which, and no name here need be it
        sent = self.sent(head.i)
        start = max(sent.start_char, dateline_end(self.text, sent.start_char) or 0)  # not "MARLOW, June 2 (Wire News) —"
        own = {t.i for t in head.subtree}
        here = self._mentions_between(start, head.idx)
        found = {id(ent): ent for at, ent, tok in here if tok is not None and tok.i not in own and not self.in_quote(at)
                 and _org_like(ent) and tok.ent_type_ not in ("GPE", "LOC", "FAC")}
        return next(iter(found.values())) if len(found) == 1 else None

    def _legislature(self, head: Token) -> Entity | None:
        """The legislature of the US state "the Oklahoma legislature" names, or of the state the
        sentences before name for "the state legislature": "<State> Legislature", an organisation."""
        if {c.lower_ for c in head.children if c.dep_ == "det"} != {"the"}:
            return None
        mods = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
        place = " ".join(c.text for c in mods if c.text[:1].isupper())
        if place and US_STATES.fullmatch(place):
            state = place
        elif [c.lower_ for c in mods] == ["state"] and (named := self._state_before(head)) is not None:
            state = named.name
        else:
            return None
        name = f"{state} Legislature"
        return self.lookup(name, "ORG", at=head.idx) or self._new_entity(name, "ORG", head.idx)

    def _nationals(self, tok: Token) -> Entity | None:
        """The country "the Russians" or "The Chinese" stand for, as a subject with "the" and no
        other word: the one the article names whose name the nationality is made from."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or not tok.text[:1].isupper() or self.in_quote(tok.idx) \
                or [c.lower_ for c in tok.children] != ["the"] or tok.ent_type_ not in ("NORP", "") \
                or tok.lower_.rstrip("s") in ("democrat", "republican") \
                or not tok.lower_.endswith(_NATIONALS_END):  # ("The Republican": a party's man; "The Guardian": a paper)
            return None
        return self._country_named(tok.text)

    def _country_of_ruler(self, head: Token) -> Entity | None:
        """The country a nationality's government or authorities speak for ("the Turkish
        government" for Turkey), where the article names it."""
        norp = [c for c in head.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper() and c.i > head.left_edge.i
                and c.lower_.endswith(_NATIONALITY_END)]  # (not "the Federal government")
        return self._country_named(norp[0].text) if len(norp) == 1 else None

    def _country_named(self, nationality: str) -> Entity | None:
        """The country (not a US state) the article names whose name the nationality ``nationality``
        is made from, sharing four letters or more and all but three of the country's ("Russians":
        Russia, "Chinese": China, "Turkish": Turkey, "Azerbaijani": Azerbaijan), as an organisation:
        the country speaks through its government. A place NER labels, or a one-word proper noun
        shorter than the nationality (NER may leave "Turkey" unlabelled; "Russian" is no country)."""
        word = nationality.lower()
        places = [(e.text, e.start_char) for e in self.ents if e.label_ == "GPE" and " " not in e.text]
        places += [(t.text, t.idx) for t in self.doc if t.tag_ == "NNP" and len(t.text) < len(word.rstrip("s"))
                   and t.text[:1].isupper() and t.text[1:].islower()]
        best, size = None, 0
        for name, at in places:
            common = len(os.path.commonprefix([word, name.lower()]))
            if common >= 4 and common >= len(name) - 3 and common > size and not US_STATES.fullmatch(name) and not self.in_quote(at):
                best, size = (name, at), common
        if best is None:
            return None
        name, at = best
        return self.lookup(name, None, at=at) or self._new_entity(name, "ORG", at)

    def _lede_subject_named_next(self, head: Token, w: str, dets: set[str]) -> Entity | None:
        """The person a lede opens on with "the <role>" and names only in the next sentences, as it
        does with "a <role>" (``_named_next``): "The head of the Brotherhood of Ferry Pilots
        is worried … \n\n In an interview …, Ruth Ann Calloway said …". Only for the subject of the
        body's first sentence, before which the body names nobody."""
        if dets != {"the"} or head.tag_ != "NN" or not (person_noun(w) or w == "head") \
                or head.dep_ not in ("nsubj", "nsubjpass") or not _main_clause(head) \
                or self._sent_of[head.i] != self._lede() + self._short_first_line():
            return None
        start = self.sents[self._sent_of[head.i]].start_char
        if any(m[1].kind == "PERSON" for m in self._mentions_between(start, head.idx)):
            return None
        return self._named_next(head)

    def _subject_of_fronted_clause(self, head: Token, w: str) -> Entity | None:
        """The person a clause fronted before the description ``head`` has for its subject, where
        ``head`` ("the front-runner") is the subject of the main clause: "Though Hale would not
        name a date …, the front-runner did give his view" varies the name, as a writer does
        for one person; none where the person holds another office the article gave ("After Gov.
        Holt spoke, the mayor said" is somebody else) or the description's gender is not theirs."""
        if head.dep_ not in ("nsubj", "nsubjpass") or not _main_clause(head) \
                or {c.lower_ for c in head.children if c.dep_ == "det"} != {"the"}:
            return None
        clauses = [c for c in head.head.children if c.dep_ == "advcl" and c.i < head.i and not self.in_quote(c.idx)]
        people = {id(m[1]): m[1] for c in clauses for m in self._mentions
                  if m[2] is not None and m[2].head.i == c.i and m[2].dep_ in ("nsubj", "nsubjpass") and m[1].kind == "PERSON"}
        if len(people) != 1:
            return None
        (ent,) = people.values()
        return ent if _may_be_described(ent, w) else None

    def _introduced_just_before(self, head: Token, w: str) -> Entity | None:
        """The person the sentence before introduces by full name, not as its subject and with no
        role, whom the description ``head`` (the subject of a main clause, with "the", a role no one
        was given) goes on to describe: "… some of his backers blamed Karen Roe. The secretary of
        state … even went on the radio" is Roe, the way news introduces a name and then says who
        they are."""
        if w not in ROLE_WORDS or not _the_main_subject(head):
            return None
        prev = self.sentence_before(head.i)
        if prev is None:
            return None
        here = self._mentions_between(prev.start_char, prev.end_char)
        new = {id(m[1]): m[1] for m in here if m[1].kind == "PERSON" and prev.start_char <= m[1].first and len(m[1].key) >= 2
               and m[2] is not None and m[2].dep_ not in ("nsubj", "nsubjpass", "poss") and not self.in_quote(m[0])}
        if len(new) != 1 or any(m[1].kind == "PERSON" and m[2] is not None and m[2].dep_ in ("nsubj", "nsubjpass")
                                and _main_clause(m[2]) for m in here):
            return None  # (a sentence about somebody else, named as its subject, is about them)
        (ent,) = new.values()
        gender = GENDERED_ROLES.get(w)
        if ent.roles or gender is not None and ent.gender not in (None, gender):
            return None
        ent.roles.add(w)  # their role from here on: "… a rally with Doe and Roe, at which the secretary of state told"
        return ent

    def _other_named_before(self, head: Token, w: str, recent: Entity) -> Entity | None:
        """The one person besides ``recent`` whom the sentence before the description ``head`` (the
        subject of a main clause, with "the") names outside quotations, where ``head``'s own clause
        names ``recent`` and so cannot be them: "If voters listen to Jane Doe, Roe's career is
        finished. The front-runner predicted that if Roe ran …" is Doe. None where the sentence
        names nobody else, or two others, or one the role's gender or another office rules out."""
        if not _the_main_subject(head):
            return None
        prev = self.sentence_before(head.i)
        if prev is None:
            return None
        others = {id(m[1]): m[1] for m in self._mentions_between(prev.start_char, prev.end_char)
                  if m[1].kind == "PERSON" and m[1] is not recent and m[2] is not None and not self.in_quote(m[0])}
        if len(others) != 1:
            return None
        (ent,) = others.values()
        return ent if _may_be_described(ent, w) and not self._named_under(head, ent) else None

    def _named_under(self, head: Token, ent: Entity) -> bool:
        """Whether ``ent`` is named by name in what the clause of the subject ``head`` goes on to
        say (outside ``head``'s own phrase): a description that governs a name is not that person."""
        if head.dep_ not in ("nsubj", "nsubjpass") or any(c.lower_.endswith("self") for c in head.children):
            return False  # ("The senator herself went on the radio, … in which Alden said": the one just named)
        verb, own = head.head, {t.i for t in head.subtree}

        def governed(tok: Token) -> bool:  # by the verb, through no relative clause that only describes something
            for a in tok.ancestors:
                if a.i == verb.i:
                    return True
                if a.dep_ in ("relcl", "acl"):
                    return False
            return False

        return any(m[1] is ent and m[2] is not None and m[2].i not in own and coarse_pos(m[2]) == "PROPN"
                   and governed(m[2]) for m in self._mentions if verb.sent.start_char <= m[0] < verb.sent.end_char)

    def _office_holder(self, head: Token, w: str) -> Entity | None:
        """The person the article names who held, on its date, the office the description headed
        by ``head`` names ("the Democratic nominee", "the FBI director", "the secretary of state"),
        where the article gives nobody that role itself; never somebody's ("his director")."""
        if self.date is None or any(c.dep_ == "poss" for c in head.children):
            return None
        words = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod", "nmod")}
        words |= {g.lower_ for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"}
        name = office_holder(w, {PARTIES.get(x, x) for x in words}, self.date)
        if name is None:
            return None
        ent = self.lookup(name, "PERSON")
        if ent is None:  # "Trump" alone, where nobody else has the name
            first, *_, last = name.split()
            ent = self.lookup(last, "PERSON")
            if ent is not None and len(ent.key) > 1 and ent.key[0] != first.lower():
                ent = None
        return ent if ent is not None and ent.kind == "PERSON" else None

    def _aged(self, age: str, before: list) -> Entity | None:
        """The latest person of the mentions ``before`` whom the article gave ``age`` years:
        "Ned Harlow, 43," "Harlow (43)", "43-year-old Ned Harlow"."""
        text = self.doc.text
        after = re.compile(rf",? *\(?{age}\b(?! *(?:%|percent|years|million|billion))")
        ahead = re.compile(rf"\b{age}-year-old (?:[a-z]+ ){{0,2}}$")
        for start, ent, _ in reversed(before):
            if ent.kind != "PERSON":
                continue
            end = next((e for s, e, _ in ent.mentions if s == start), None)
            if end is not None and (after.match(text, end) or ahead.search(text, max(0, start - 40), start)):
                return ent
        return None

    def _title_before(self, head: Token, w: str) -> Entity | None:
        """The organisation an organisation's word names by the proper noun right before it: one the
        article knows ("the Acme company"), or, for a title of the press, that title ("Time
        magazine"); never a person ("the Obama administration" is not Obama)."""
        named = next((c for c in head.children if c.dep_ == "compound" and c.i == head.i - 1 and c.text[:1].isupper()
                      and (coarse_pos(c) == "PROPN" or c.ent_type_ == "ORG" or w in PRESS)), None)
        if named is None:
            return None
        start = named.left_edge.idx
        name = self.text[start : named.idx + len(named)]
        ent = self.lookup(name, None, at=start)
        if ent is None and w in PRESS and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children) \
                and named.ent_type_ not in ("GPE", "LOC"):
            ent = self._new_entity(name, "ORG", start)  # not "a Baton Rouge newspaper": a place
        return ent if ent is not None and _org_like(ent) else None

    def _state_before(self, head: Token, officials: bool = False) -> Entity | None:
        """The US state the sentences before ``head``'s (and its own, before it) last name, which
        "the state" of a US story means. With ``officials``, only a state named with its officials
        or agencies ("Ohio officials", "Ohio's health department"): "the government" of a story
        about what a state's officials do is that state's, not the federal one."""
        start = self.sents[max(0, self._sent_of[head.i] - 2)].start_char
        found = [m for m in US_STATES.finditer(self.text, start, head.idx) if not self.in_quote(m.start())
                 and (not officials or _STATE_OFFICIALS.match(self.text, m.end()))]
        if not found:
            return None
        m = found[-1]
        return self.lookup(m.group(), None, at=m.start()) or self._new_entity(m.group(), "ORG", m.start())

    def _title_earlier(self, head: Token, w: str) -> Entity | None:
        """The title of the press the article last wrote with the word ``w`` before ``head`` ("Family
        Circle magazine"), within the few sentences a description looks back over."""
        first = self.sents[max(0, self._sent_of[head.i] - 3)].start
        for tok in reversed([t for t in tokens_among(self.doc, frozenset({w})) if first <= t.i < head.i]):
            if (title := self._title_before(tok, w)) is not None:
                return title
        return None

    def _kind_written_earlier(self, head: Token, w: str) -> Entity | None:
        """The organisation the writer last gave, before the bare description ``head``, the kind
        word ``w`` it is headed by, in any of the three ways news writes a kind beside a name: "the
        city of Lorne", "the Acme company", "Acme, a Dayton company" (or "a Dayton company, Acme").
        Learnt from the article itself, so "the city", "the network" or "the airline" find the one
        it is about wherever it was introduced; none where the description's own words say which
        ("the county health department") or for the words other rules own ("the state", "the
        campaign", "the country")."""
        if w in FOLLOWINGS or w in NATIONS or w == "state" or not head.text[:1].islower() \
                or any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in head.children):
            return None
        for tok in reversed([t for t in tokens_among(self.doc, frozenset({head.lower_})) if t.i < head.i]):
            if self.in_quote(tok.idx):
                continue
            ent = self._named_after_of(tok) or self._title_before(tok, w) or self._named_beside(tok)
            if ent is not None and _org_like(ent):
                return ent
        return None

    def _named_beside(self, kind: Token) -> Entity | None:
        """The organisation a kind word names by a proper noun that NER left unlabelled: right
        before it ("the Quillon company") or set beside it ("Quillon, a Dayton company"; "a Dayton
        company, Quillon"); never a place or a person."""
        names = [c for c in kind.children if c.dep_ == "compound" and c.i == kind.i - 1 and c.text[:1].isupper()]
        names += [kind.head] if kind.dep_ == "appos" else []
        names += [c for c in kind.children if c.dep_ == "appos"]
        for name in names:
            if coarse_pos(name) == "PROPN" and name.ent_type_ not in ("GPE", "LOC", "NORP", "PERSON", "FAC") \
                    and not self.in_quote(name.idx):
                ent, _, _ = self.resolve(name)
                if ent is not None and _org_like(ent):
                    return ent
        return None

    def _unresolved_name(self, subjects: list[Token], kind: str) -> Entity | None:
        """The organisation a main clause's subject names as the speaker of its speech verb, where
        no quotation has resolved that name yet (direct quotations are attributed before reported
        speech, so "the company" of a direct one can come before the name of the sentence before it)."""
        if kind != "ORG" or not subjects or coarse_pos(subjects[0]) != "PROPN" or self.in_quote(subjects[0].idx) \
                or subjects[0].head.lower_ not in SPEECH_LEMMAS \
                or any(m[2] is not None and m[2].i == subjects[0].i for m in self._mentions):
            return None  # an organisation's word, after the name of an organisation that spoke
        ent, _, _ = self.resolve(subjects[0])
        return ent if ent is not None and _org_like(ent) else None

    def _named_after_of(self, head: Token) -> Entity | None:
        """The place or organisation a description names after "of" ("the nation of Bangladesh"), or
        the capital a state body sits in ("the government in Riyadh")."""
        for prep in head.children:
            if prep.dep_ == "prep" and (prep.lower_ == "of" or prep.lower_ == "in" and head.lower_ in STATE_BODIES):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and coarse_pos(obj) == "PROPN":
                        ent, _, _ = self.resolve(obj)
                        if ent is not None and ent.kind == "PERSON" and ent.gender is None and len(ent.key) == 1:
                            ent.kind = "ORG"  # a one-word name no first name or pronoun made a person's
                        return ent if ent is not None and ent.kind != "PERSON" else None
        return None

    def _other_named_in_sentence(self, head: Token, recent: Entity | None, before: list) -> Entity | None:
        """The person named last before the description ``head`` in its own sentence, when that
        sentence's main subject is someone else, named, and the description would otherwise go to
        them or to nobody: "Mr. Roe took on Jane Doe after the Democratic nominee had claimed …"
        describes Doe, for the writer would have called Roe "he"."""
        sent = self.sent(head.i)
        here = [m for m in before if sent.start_char <= m[0] < head.idx and m[2] is not None and not self.in_quote(m[0])]
        subject = next((m[1] for m in here if m[1].kind == "PERSON" and m[2].dep_ in ("nsubj", "nsubjpass") and _main_clause(m[2])), None)
        if subject is None or recent not in (None, subject):
            return None
        gender = GENDERED_ROLES.get(TITLE_WORDS.get(head.lower_, head.lower_))
        others = [m[1] for m in here if m[1] is not subject and m[1].kind == "PERSON" and m[2].dep_ not in ("poss", "compound")
                  and (gender is None or m[1].gender in (None, gender))]
        return others[-1] if others else None

    def _owner(self, poss: Token) -> Entity | None:
        """Whom a possessive means: "his", "Roe's"."""
        if coarse_pos(poss) == "PRON":
            return self._resolve_pronoun(poss.lower_, poss.idx) if poss.lower_ in PRONOUN_GENDER else None
        return self.lookup(poss.text, None, at=poss.idx)

    @staticmethod
    def _given_role(head: Token, w: str, before: list) -> Entity | None:
        """The person of the mentions ``before`` whom the article gave the role ``w`` that the
        description ``head`` names: "the Democratic nominee" is the one given that role with those
        words, not the last nominee."""
        mods = {TITLE_WORDS.get(c.lower_, c.lower_) for c in head.children if c.dep_ in ("compound", "amod")}
        fits = [ent for _, ent, _ in reversed(before) if ent.kind == "PERSON" and (w in ent.roles or ent.roles & _SAME_ROLE.get(w, set()))
                and not _other_party(mods, ent.roles)]  # "the Democratic nominee" is not the Republican one
        best = max(fits, key=lambda ent: len(mods & ent.roles)) if fits else None  # the latest of those sharing most
        places = {m for m in mods if m in PLACE_NAMES}
        if best is not None and places and not places & best.roles:
            return None  # "the Wisconsin Republican" is no Republican the article placed nowhere, or elsewhere
        return best

    def _mention_role_subjects(self) -> None:
        """A sentence led by a role the article has given somebody ("The president's roots also
        came into play", "The senator left early") is about them: it mentions them for the "he" or
        "she" that follows, who otherwise goes to the last person named."""
        for tok in tokens_among(self.doc, ROLE_WORDS):
            if tok.tag_ != "NN" or not tok.is_lower or not self._writers(tok.idx):
                continue
            subject = tok.head if tok.dep_ == "poss" else tok
            if subject.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            end = bisect_left(self._mentions, tok.idx, key=_offset)
            ent = self._given_role(tok, tok.lower_, self._mentions[max(0, end - LOOKBACK) : end])
            # "the Vermont senator" is no senator the article has not called that, and "the former
            # president" no "senior vice president"
            words = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
            named_by = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.text[:1].isupper()}
            if ent is not None and named_by <= ent.roles and not (ent.roles & _UNDER) - words:
                start = tok.left_edge.idx
                self._add_mention(ent, start, tok.idx + len(tok), self.text[start : tok.idx + len(tok)], tok)

    def _lede(self) -> int:
        """The index of the body's first sentence: after a headline and a dateline ("HALDEN —"),
        which the parser leaves as sentences of their own."""
        if self._lede_at is None:
            k = 0
            line = self.text.find("\n")
            if title_case_headline_end(self.text) or 0 < line < 250 and not self.text[:line].rstrip().endswith((".", "!", "?")):
                while k + 1 < len(self.sents) and self.sents[k].start_char < line:
                    k += 1  # past the headline, however many pieces the parser cut it into
            while k + 1 < len(self.sents) and not any(t.is_alpha and t.is_lower for t in self.sents[k]):
                k += 1
            self._lede_at = k
        return self._lede_at

    def _short_first_line(self) -> int:
        """1 where the body's first sentence is a short line of its own (a headline that ends in a
        full stop, which ``_lede`` cannot tell from a lede), else 0: the sentence after it still
        opens the story."""
        k = self._lede()
        line = self.text.find("\n")
        return int(k == 0 and len(self.sents) > 1 and 0 < line < 150 and self.sents[1].start_char > line)

    def _named_next(self, head: Token) -> Entity | None:
        """The person a news lede describes before naming them: in the first two sentences of the
        body, "a former treasurer" is the first person the next two sentences introduce by full
        name as a subject, of a main clause where the sentence's own subject is a pronoun ("She also
        met Jane Roe, who said …" goes on about the treasurer, and Roe is somebody else)."""
        k = self._sent_of[head.i]
        if k > self._lede() + 1 and not self._opens_update(k) or k + 1 >= len(self.sents) or head.lower_ in SPOKESPEOPLE:
            return None
        start, end = self.sents[k + 1].start_char, self.sents[min(k + 2, len(self.sents) - 1)].end_char
        for _, ent, tok in self._mentions[bisect_left(self._mentions, start, key=_offset):]:
            if tok is None or tok.idx >= end:
                break
            if ent.kind == "PERSON" and ent.first >= start and len(ent.key) >= 2 and tok.dep_ in ("nsubj", "nsubjpass") \
                    and (_main_clause(tok) or not self._pronoun_subject(tok)):
                return ent
        return None

    def _aide_named_next(self, head: Token) -> Entity | None:
        """The person the sentence after an indefinite description of somebody's aide ("a spokeswoman
        for Jane Doe", "a top adviser to Governor Doe", the subject of a main clause) introduces by
        full name as its subject, tied to the same person in that subject's own phrase: "… \n\n Doe
        communications director Ann Roe spoke …", "Tom Roe, who runs Ms. Doe's budget office, …". The news names the aide it has just described."""
        if head.dep_ not in ("nsubj", "nsubjpass") or not _main_clause(head) or self.in_quote(head.idx):
            return None
        end = head.right_edge.idx + len(head.right_edge)
        owners = {id(m[1]) for m in self._mentions_between(head.idx + len(head), end)
                  if m[1].kind == "PERSON" and m[2] is not None and m[2].dep_ in ("pobj", "compound", "poss")
                  and (m[2].head.lower_ in ("for", "to", "of") or m[2].dep_ != "pobj")}
        k = self._sent_of[head.i]
        if not owners or k + 1 >= len(self.sents):
            return None
        nxt = self.sents[k + 1]
        for _, ent, tok in self._mentions_between(nxt.start_char, nxt.end_char):
            if tok is None or ent.kind != "PERSON" or id(ent) in owners or ent.first < nxt.start_char or len(ent.key) < 2 \
                    or tok.dep_ not in ("nsubj", "nsubjpass") or not _main_clause(tok):
                continue
            phrase = self._mentions_between(tok.left_edge.idx, tok.right_edge.idx + 1)
            return ent if any(id(m[1]) in owners for m in phrase) else None
        return None

    def _identified_later(self, head: Token) -> Entity | None:
        """The person the article names later as the one ``head`` ("a woman", "the man", "the
        voter") describes: where this sentence or a later one has the same noun as its subject
        and gives the name right there, "The woman … identified herself as a nurse named Ann
        Pike", "The man, identified as Tom Rusk, …". News describes a bystander before it learns
        their name; none where the article never names them ("A trooper … the trooper said")."""
        for tok in tokens_among(self.doc, frozenset({head.lower_})):
            if tok.i < head.i or tok.dep_ not in ("nsubj", "nsubjpass") or self.in_quote(tok.idx) \
                    or tok.i != head.i and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            if (name := self._name_given(tok)) is not None:
                return name
        return None

    def _name_given(self, subject: Token) -> Entity | None:
        """The person named where ``subject``'s clause identifies it: "… identified herself as a
        resident named Ann Pike", "The man, identified as Tom Rusk, …"; of the subject's gender."""
        verb = subject.head
        marks = [t for t in (*verb.children, *subject.children) if t.lower_ in _IDENTIFIED and t.i != verb.i]
        if verb.lower_ in _IDENTIFIED:
            marks.append(verb)
        gender = GENDERED_ROLES.get(subject.lower_)
        for mark in marks:
            for t in mark.subtree:
                after_named = t.head.lower_ in ("named", "called")
                if t.i <= mark.i or self.in_quote(t.idx) or not (t.dep_ == "pobj" and t.head.lower_ == "as" or after_named):
                    continue
                name = t if coarse_pos(t) == "PROPN" else _named(t.head) if after_named else None
                ent = self.resolve(name)[0] if name is not None and coarse_pos(name) == "PROPN" else None
                if ent is not None and ent.kind == "PERSON" and (gender is None or ent.gender in (None, gender)):
                    return ent
        return None

    def _head_named_next(self, head: Token, w: str, before: list) -> Entity | None:
        """The person the next sentence introduces by full name as the subject of a speech verb, for
        "the head of <organisation>" (a main-clause subject) whose holder the article has not named:
        "The chief of Harlow Freight hinted at it in a memo. "…," Dan Beck wrote." The writer
        describes the office first and names its holder as they quote them."""
        of_name = any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and coarse_pos(g) == "PROPN" for g in c.children)
                      for c in head.children)  # "the head of Harlow Freight"
        if w not in LEADS and w not in ("chief", "boss") or not of_name or not _the_main_subject(head) \
                or self.in_quote(head.idx) or self._given_role(head, w, before) is not None:
            return None
        nxt = self.sentence_after(head.i)
        if nxt is None:
            return None
        for _, ent, tok in self._mentions_between(nxt.start_char, nxt.end_char):
            if tok is not None and ent.kind == "PERSON" and ent.first >= nxt.start_char and len(ent.key) >= 2 \
                    and tok.dep_ == "nsubj" and tok.head.lower_ in SPEECH_LEMMAS:
                return ent
        return None

    def _pronoun_subject(self, tok: Token) -> bool:
        """Whether the main clause of ``tok``'s sentence has a personal pronoun for its subject."""
        root = self.sent(tok.i).root
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PRONOUN_GENDER for c in root.children)

    def _described_next(self, head: Token, w: str, kind: str) -> Entity | None:
        """Who a headline or a lede describes before the story names them: "Finance minister says
        …" is the person the next sentences introduce as finance minister (a role is strong
        evidence: up to six sentences on), "…, police said" the police force the next three name,
        "an environmental group said" the organisation the next two introduce as a subject."""
        k = self._sent_of[head.i]
        if k > self._lede() + self._short_first_line() and not self._opens_update(k) or k + 1 >= len(self.sents):
            return None
        reach = 6 if kind == "PERSON" else 3
        start, end = self.sents[k + 1].start_char, self.sents[min(k + reach, len(self.sents) - 1)].end_char
        near = self.sents[min(k + 2, len(self.sents) - 1)].end_char
        subject = None
        # "transport secretary" is not the union's general secretary: the role's modifiers must match too
        # (where the role is, "the New York state attorney general", says nothing of which role it is)
        mods = {TITLE_WORDS.get(c.lower_, c.lower_) for c in head.children if c.dep_ in ("compound", "amod")
                and c.ent_type_ not in ("GPE", "LOC", "NORP") and coarse_pos(c) != "PROPN" and c.lower_ not in _PLACE_LEVELS}
        if w == "general" and (office := [c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i == head.i - 1
                                          and c.lower_ in _GENERAL_OFFICES]):
            w = TITLE_WORDS.get(office[-1], office[-1])  # "attorney general": the office is the attorney's
            mods.discard(w)
        for at, ent, tok in self._mentions[bisect_left(self._mentions, start, key=_offset):]:
            if at >= end:
                break
            if ent.first < start:
                continue
            if ent.kind == kind and ((w in ent.roles or w in LEADS and ent.roles & LEADS)
                                     and (mods <= ent.roles or mods <= self._words_leading_to(at))
                                     if kind == "PERSON" else w in ent.key):
                return ent  # (the role's modifiers among the words its sentence gives the name: "Retired U.S. Air Force Gen. …")
            if kind == "ORG" and subject is None and at < near and _org_like(ent) and tok is not None \
                    and tok.dep_ in ("nsubj", "nsubjpass"):
                subject = ent
        return subject if w not in NAME_BEARING else None

    def _words_leading_to(self, at: int) -> set[str]:
        """The lower-cased capitalised words run into the name at offset ``at`` from before it
        ("Retired U.S. Air Force Gen." of "… Gen. Norman Ham"): the titles its sentence gives it."""
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None:
            return set()
        words, i, first = set(), span.start - 1, self.sent(span.start).start
        while i >= first and self.doc[i].text[:1].isupper():
            words.add(self.doc[i].lower_)
            i -= 1
        return words

    def _opens_update(self, k: int) -> bool:
        """Whether sentence ``k`` opens an update of a live story, the paragraph after a time stamp
        ("11:50 a.m."), which introduces its people as a lede does."""
        start = self.sents[k].start_char
        before = self.text[max(0, start - 40) : start].rstrip()
        return bool(_TIME_STAMP.search(before)) and self.text[max(0, start - 2) : start] == "\n\n"

    def _staff_of(self, head: Token) -> Entity | None:
        """The organisation a plural of professionals works at ("economists at Halvard Bank",
        "researchers from the university"), if the phrase names one."""
        collective = head.lower_ in TEAMS  # "a team at the Calder Institute"
        if not collective and (head.tag_ not in ("NNS", "NNPS") or any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in head.children)):
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "from", "with", "of"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        ent, _, _ = self.resolve(obj)
                        if ent is not None and _org_like(ent):  # ("the editors of The Advocate": a one-word title)
                            return ent
        return None

    def _author(self, doc_noun: Token) -> Entity | None:
        """Who a document speaks for: "the ministry's report", "a report by the Parks Department",
        "a letter from Ms. Carrow", "a Parcelwise filing"; nobody for "the lawsuit" alone."""
        def named_owner(c: Token) -> bool:
            return c.dep_ == "poss" or c.dep_ == "compound" and coarse_pos(c) == "PROPN" \
                or c.dep_ in ("compound", "amod") and _camel_case(c.text)  # ("RealClearPolitics", tagged a plural noun)

        owners = [c for c in doc_noun.children if named_owner(c)] + _makers(doc_noun) + _speaking_in(doc_noun)
        # then "the RealClearPolitics polling average", "a Reuters rolling poll": the maker hangs on the
        # common noun that says what kind of document it is (after a maker "by" or "from" whom the
        # document says: "White House-era documents from Jane Roe")
        owners += [g for c in doc_noun.children if c.dep_ in ("compound", "amod") and c.text.islower()
                   and c.lower_ not in CALENDAR and self.text[c.idx - 1 : c.idx] != "-"
                   for g in c.children if g.i < c.i and named_owner(g)]
        for c in doc_noun.children:
            if c.dep_ == "relcl" and not any(a.dep_ in ("nsubj", "nsubjpass") and a.lower_ in ("that", "which") for a in c.children):
                owners += [g for g in c.children if g.dep_ == "nsubj"]  # "a speech Mrs. Clinton delivered"
        for owner in owners:
            if coarse_pos(owner) == "PRON" and owner.lower_ in ("its", "their", "his", "her") or owner.lower_ in CALENDAR \
                    and owner.left_edge.i == owner.i or owner.dep_ == "compound" and owner.lower_ in PLATFORMS:
                continue  # (and "a February survey" is no February's, where "USA TODAY's reporting" is the paper's;
                # "the school's Facebook post" is the school's, not Facebook's)
            ent, _, _ = self.resolve(owner)
            if ent is None and owner.dep_ in ("compound", "poss") and owner.lower_ in PRESS_NAMES:
                ent = self._press_title(owner)  # "a New York Times article", "a Times report", "USA TODAY's reporting": the paper's
            if ent is None and owner.dep_ in ("poss", "compound", "amod", "pobj") and not owner.ent_type_ \
                    and any(ch.isupper() for ch in owner.text) and not self.in_quote(owner.idx) \
                    and not (owner.dep_ in ("compound", "amod") and doc_noun.text[:1].isupper()):  # (a title: "Morning Email")
                ent = self._maker_named(owner)  # "data from dataQuest": a maker NER did not read as a name
            if ent is not None:
                return ent
        return None

    def _voice_of(self, voice: Token) -> Entity | None:
        """Who an advertisement's or a film's voice speaks for: the maker of the document it is the
        voice of ("the ad's narrator", "a narrator in the Roe ad"), as that document would speak for
        them; nobody when the words name no document or it has no maker the article gives."""
        for c in voice.children:
            if c.dep_ == "poss" and c.lower_ in DOCUMENTS:
                work = c
            elif c.dep_ == "prep" and c.lower_ in ("in", "of", "for"):
                work = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ in DOCUMENTS), None)
            else:
                continue
            if work is None:
                continue
            dets = {d.lower_ for d in work.children if d.dep_ == "det"}
            return self._campaign_for_ad(work, self._author(work) or (
                self._earlier_document(work) if dets & {"the", "this", "that"} else None))
        return None

    def _camp_of(self, head: Token) -> Entity | None:
        """The campaign a candidate's camp, team or forces are ("the Roe camp", "Roe's camp", "her
        team"): "camp" whoever the person, "team" and "forces" only where the article writes of that
        person's campaign (a senator's team is their staff, a general's forces an army)."""
        owner = next((c for c in head.children if c.dep_ == "poss" or c.dep_ == "compound" and coarse_pos(c) == "PROPN"), None)
        if owner is None or owner.dep_ == "poss" and coarse_pos(owner) == "PRON" and owner.lower_ not in ("his", "her"):
            return None
        if owner.dep_ == "poss":
            person = self._owner(owner)
        else:
            person, _, _ = self.resolve(owner)
        if person is None or person.kind != "PERSON":
            return None
        if head.lower_ != "camp" and not self._writes_of_campaign(person):
            return None
        return self._campaign_of(person, head.idx)

    def _writes_of_campaign(self, person: Entity) -> bool:
        """Whether the article writes of ``person``'s campaign: "the Roe campaign", "Roe's
        presidential campaign"."""
        surname = re.escape(person.name.split()[-1])
        return re.search(rf"\b{surname}(?:['’]s)?(?: [a-z-]+)? campaign\b", self.text) is not None

    def _campaign_for_ad(self, work: Token, maker: Entity | None) -> Entity | None:
        """Who speaks through a document ``maker`` made: a candidate's advertisement is their
        campaign's ("a Roe ad" speaks for the Roe campaign, where the article writes of that
        campaign), any other document its maker's."""
        if maker is not None and maker.kind == "PERSON" and work.lower_ in _ADS and self._writes_of_campaign(maker):
            return self._campaign_of(maker, work.idx)
        if maker is not None and maker.kind == "PERSON" and work.lower_ in _ADS and (org := self._org_of(maker, work.i)) is not None:
            return org  # "… funded by Jane Roe's PAC, Harbour Forward. The Roe ad hits Doe": the PAC's
        return maker

    def _org_of(self, person: Entity, before: int) -> Entity | None:
        """The one organisation the writer calls ``person``'s before token ``before``, by name in
        apposition: "Republican strategist Jane Roe's PAC, Harbour Forward"."""
        found = {}
        for t in self.doc[:before]:
            if t.dep_ != "poss" or coarse_pos(t) != "PROPN" or self.in_quote(t.idx) or self.lookup(t.text, None, at=t.idx) is not person:
                continue
            for a in t.head.children:
                if a.dep_ == "appos" and coarse_pos(a) == "PROPN":
                    ent, _, _ = self.resolve(a)
                    if ent is not None and ent.kind == "ORG":
                        found[id(ent)] = ent
        return next(iter(found.values())) if len(found) == 1 else None

    def _maker_named(self, owner: Token) -> Entity | None:
        """The organisation a capitalised maker of a document or finding names, the words run into
        it included ("Kantar Media's tracker", "data from dataQuest"), as the article knows it or as
        a new one; None for a person's name, a place or a role."""
        words = [t for t in self.doc[owner.left_edge.i : owner.i + 1] if t.dep_ in ("compound", "poss") or t.i == owner.i]
        if not words or any(coarse_pos(t) != "PROPN" and not any(ch.isupper() for ch in t.text[1:]) for t in words) \
                or any(t.ent_type_ in ("PERSON", "GPE", "NORP", "LOC") or first_name_gender(t.text) is not None for t in words):
            return None
        start = words[0].idx
        name = self.text[start : owner.idx + len(owner)]
        if owner.lower_ in STRIP_TITLES or owner.lower_ in ROLE_WORDS or name.lower() in PLACE_NAMES:
            return None
        return self.lookup(name, "ORG", at=start) or self._new_entity(name, "ORG", start)

    def _press_title(self, word: Token) -> Entity | None:
        """The paper a title ending in ``word`` names ("New York Times", "Times"), as the article
        knows it or as a new organisation."""
        start = word.left_edge.idx
        name = self.text[start : word.idx + len(word)]
        if not all(w[:1].isupper() for w in name.split()):
            return None
        return self.lookup(name, None, at=start) or self._new_entity(name, "ORG", start)

    def _issued_just_before(self, doc_noun: Token) -> Entity | None:
        """Who "the statement" is, when no earlier sentence names it but the one just before has
        someone speak ("Fox News confirmed that … According to the statement, …"): the statement
        is how they said it."""
        if doc_noun.lower_ not in _ISSUED:
            return None
        prev = self.sentence_before(doc_noun.i)
        if prev is None:
            return None
        root = prev.root
        if root.lower_ not in SPEECH_LEMMAS or not root.tag_.startswith("VB") or self.in_quote(root.idx):
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj" and not self.in_quote(c.idx)), None)
        if subj is None or coarse_pos(subj) not in ("PROPN", "NOUN"):
            return None
        ent, _, _ = self.resolve(subj)
        # ("The company confirmed he was on the plane. … the statement added": the company, as named)
        return ent if coarse_pos(subj) == "PROPN" or ent is not None and _org_like(ent) else None

    def _ruled_just_before(self, doc_noun: Token) -> Entity | None:
        """Who "the ruling", "the decision" or "the complaint" is, where the sentence before has
        somebody rule, decide or sue in the writer's words ("The appeals court ruled that the
        county's rules … "…," said the ruling"; "Her campaign sued the party … The complaint … alleged"):
        the ruling is what they ruled, the complaint what they filed."""
        verbs = _RULED.get(doc_noun.lower_)
        prev = self.sentence_before(doc_noun.i)
        if verbs is None or prev is None:
            return None
        done = [t for t in prev if t.lower_ in verbs and t.tag_.startswith("VB") and not self.in_quote(t.idx)]
        subj = next((c for t in done[-1:] for c in t.children if c.dep_ == "nsubj" and coarse_pos(c) in ("NOUN", "PROPN")), None)
        return self.resolve(subj)[0] if subj is not None else None

    def _earlier_document(self, doc_noun: Token) -> Entity | None:
        """Who sent or issued the document "the email" takes up again, from where the sentences
        before introduce it: "an email was sent from the director, Jane Roe, … The email said",
        "Roe issued a statement … the statement said", "A new video by the party … The ad …
        The clip says". A document only taken up again there ("the ad" with no maker) sends the
        search further back; one introduced there without a maker ends it."""
        doc = self.doc
        alike = _ALIKE.get(doc_noun.lower_, (doc_noun.lower_,))
        for t in reversed(doc[: doc_noun.i]):
            if t.lower_ not in alike or self.in_quote(t.idx):
                continue
            if (author := self._author(t)) is not None:
                return author
            verb = t.head
            if t.dep_ == "dobj" and verb.tag_.startswith("VB") and verb.lower_ not in _RECEIVING:
                sources = [c for c in verb.children if c.dep_ == "nsubj"]  # (who "received a letter" did not write it)
            elif t.dep_ == "nsubjpass":
                sources = [g for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in ("by", "from")
                           for g in c.children if g.dep_ == "pobj"]
            else:
                sources = []
            for source in sources:  # ("the stewards of the Marlow Trust, who aimed their letter at …": the stewards)
                if coarse_pos(source) != "PRON" or source.lower_ in PRONOUNS or source.lower_ in RELATIVES:
                    ent, _, _ = self.resolve(source)
                    if ent is not None:
                        return ent
            if (issued := self._issued_just_before(t)) is not None:
                return issued  # "X confirmed … According to the statement, … the statement read"
            if any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in t.children) or t.dep_ == "dobj":
                return None  # introduced here, by nobody named
            # ("the ad" taken up again: its maker is named where it was introduced, farther back)
        return None

    def _document_named_next(self, doc_noun: Token) -> Entity | None:
        """Who made "a new poll" that a lede cites without its maker, from the same document named
        with its maker in the next two sentences: "…, according to a new poll. \n\n The survey,
        conducted by the Bay Institute, finds …", "… according to a Roe poll released Monday"."""
        sent = self._sent_of[doc_noun.i]
        last = self.sents[min(len(self.sents) - 1, sent + 2)].end
        alike = _ALIKE.get(doc_noun.lower_, (doc_noun.lower_,))
        for t in self.doc[doc_noun.i + 1 : last]:
            if t.lower_ in alike and not self.in_quote(t.idx) and (author := self._author(t)) is not None:
                return author
        return None

    def _recent_subject(self, head: Token, before: list, kind: str, unnamed: bool = False,
                        gender: str | None = None) -> Entity | None:
        """The entity of ``kind`` that is the subject of one of the three sentences before
        ``head``'s, nearest first; of ``gender`` where the description gives one ("the
        businessman" is no woman). With ``unnamed``, nobody when such a sentence has ``head``'s own
        noun as its subject: the description repeats someone never named ("A trooper … the trooper")."""
        sent = self.sent(head.i)
        for _ in range(3):
            if sent.start == 0:
                break
            sent = self.sent(sent.start - 1)
            if unnamed and any(
                t.dep_ in ("nsubj", "nsubjpass") and not self.in_quote(t.idx)
                and coarse_pos(t) == "NOUN" and t.lower_ == head.lower_ for t in sent
            ):
                return None
            subj = [m for m in before if sent.start_char <= m[0] < sent.end_char
                    and (m[1].kind == kind if kind != "ORG" else _org_like(m[1]))
                    and m[2] is not None and m[2].dep_ in ("nsubj", "nsubjpass")
                    and (gender is None or m[1].gender in (None, gender))]
            main = [m for m in subj if _main_clause(m[2])]
            if main:
                return main[0][1]
            root_subj = [t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")]
            if not subj and (late := self._unresolved_name(root_subj, kind)) is not None:
                return late  # "Twitter acknowledged … "…," the company said": a name not resolved yet
            if subj and not (root_subj and coarse_pos(root_subj[0]) == "NOUN"):
                # a subordinate clause's subject ("… hours after Trump tweeted") only where the
                # sentence is not about someone it describes ("The nominee was speaking …")
                return subj[0][1]
        return None


def subject_taken_for_apposition(a: Token) -> bool:
    """Whether a noun phrase the parser hung on the name before it as an apposition is in fact the
    subject of the verb right after it, which has none: "In an interview with hosts Joe Roe and
    Mika Doe, the candidate stated that …" says nothing about Doe."""
    doc = a.doc
    nxt = a.right_edge.i + 1
    if a.dep_ != "appos" or a.head.i >= a.i or nxt >= len(doc) or a.left_edge.i == 0 or doc[a.left_edge.i - 1].text != ",":
        return False
    v = doc[nxt]
    return coarse_pos(v) == "VERB" and v.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)


#: Words for whoever leads a body: "the head of the rules committee" is its chairman.
LEADS = frozenset("head chief leader chairman chairwoman chair president".split())
#: Offices a person holds one of at a time, as a story names them: a description by one of them
#: ("the mayor") is not somebody the article gave another ("Gov. Holt").
OFFICES = frozenset("""mayor governor senator representative congressman congresswoman president judge
    sheriff prosecutor ambassador councilman councilwoman councillor councilor alderman assemblyman
    assemblywoman coach pope bishop rabbi imam pastor minister chancellor premier commissioner""".split())


#: Party words of a description or a role, by party: "GOP" and "Republican" are one.
PARTIES = {"democratic": "D", "democrat": "D", "democrats": "D", "republican": "R", "republicans": "R", "gop": "R"}


#: A time stamp alone on its line, as live stories head each update ("11:50 a.m.", "2:45 p.m.:").
_TIME_STAMP = re.compile(r"(?:^|\n)\d{1,2}:\d{2} ?[ap]\.?m\.?:?\.?$", re.I)
#: Levels of government that say where a role is, not which: "the state attorney general".
#: Words that make a role a lesser one ("vice president", "deputy director"), never the role alone.
_UNDER = frozenset("vice deputy assistant associate".split())
_PLACE_LEVELS = frozenset("state federal national local county city regional provincial".split())


#: Words for a person as such, which "named" may follow: "a resident named Caroline".
_PEOPLE = frozenset("man woman boy girl person resident voter student mother father citizen neighbor neighbour".split())
#: What follows a state's name where the writer speaks of its government: "Ohio officials", "Ohio's health department".
_STATE_OFFICIALS = re.compile(r"(?:['’]s)?(?: [a-z]+){0,3} (?:officials|regulators|authorities|agency|agencies|department|lawmakers|legislature)\b")
#: The words by which news gives the name of somebody it has described: "identified as Tom Rusk", "named Ann".
_IDENTIFIED = frozenset("identified identifies named".split())
#: People someone has, beyond the roles and kin the lexicon lists: "his aide", "her friend".
_COMPANIONS = frozenset("aide aides adviser advisor friend colleague partner ally associate confidant deputy".split())


#: The forms of "be", whose complement describes its subject ("Roe is a lawyer who …").
_BE = frozenset("is was are were 's be been being".split())


def _relative_antecedent(tok: Token) -> Token | None:
    """The word a relative pronoun stands for: the noun its clause hangs on ("Roe" in "Jane Roe, who
    said …" and in "Adm. Roe, whose task is …"), or, where that noun only completes "be", the
    subject it describes ("Roe is a former lawyer who is …", "Roe was the first one that called":
    Roe, as the annotators read it), and the last of names joined by "and" that it follows ("Kerr and
    Olsen, who sent": Olsen). None for no relative pronoun of a relative clause."""
    if tok.lower_ == "whose" and tok.dep_ == "poss":
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
    else:
        clause = tok.head if tok.lower_ in RELATIVES else None
        while clause is not None and clause.dep_ == "conj" and tok.dep_ in ("nsubj", "nsubjpass"):
            clause = clause.head  # "Roe, who is running … and who shook hands"
    if clause is None or clause.dep_ != "relcl" or clause.head.i == tok.i:
        return None
    about = clause.head
    if (one := _one_of(about, clause)) is not None:
        if one.dep_ != "attr":  # "… makes her one of the few senators who has …": her
            return next((c for c in (*one.children, *one.head.children) if c.lower_ in ("her", "him", "his")
                         and c.dep_ in ("poss", "dobj")), about)
        about = one  # "Roe is one of the few who has …": Roe, as for "a lawyer who"
    if about.dep_ == "attr" and about.tag_ in ("NN", "CD") and about.head.lower_ in _BE:
        subject = next((c for c in about.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (coarse_pos(subject) == "PROPN" or subject.lower_ in ("he", "she")) \
                and not any(c.dep_ == "conj" for c in subject.children):
            return subject
    near = tok.doc[tok.i - 2] if tok.i > 1 and tok.doc[tok.i - 1].text == "," else None
    if tok.lower_ == "which" and near is not None and near.dep_ == "pobj" and near.head.head.i == about.i \
            and (about.tag_ == "NNS" and person_noun(_singular(about.lower_)) or about.lower_ in ("many", "some", "most")):
        return near  # "members of the International Grain Organization, which sets …": no people's "which"
    # "backed by Kerr and Olsen, who sent …", hung on the first of them: the name right before it
    # (the last of a list the parser chains: "Winfrey, Smith, DeNiro and Wonder, who joked …")
    last = about
    while joined := [c for c in last.children if c.dep_ == "conj" and c.i < tok.i and coarse_pos(c) == coarse_pos(about)]:
        last = joined[-1]
    return last if last is not about and last.right_edge.i + 2 >= tok.i else about


def _one_of(about: Token, clause: Token) -> Token | None:
    """The "one" of "one of the only senators who has refused", where the relative clause the
    parser hangs on the plural noun agrees with "one" (a singular verb): the clause is about that
    one, not the group."""
    if about.tag_ not in ("NNS", "NNPS") or about.dep_ != "pobj" or about.head.lower_ != "of" \
            or about.head.head.lower_ != "one":
        return None
    verb = next((c for c in clause.children if c.dep_ in ("aux", "auxpass")), clause)
    return about.head.head if verb.tag_ == "VBZ" or verb.lower_ == "was" else None


def _the_main_subject(head: Token) -> bool:
    """Whether a description is the subject of its sentence's main clause with "the" alone before
    it ("The front-runner predicted …"), as a writer varies a name just used."""
    return head.dep_ in ("nsubj", "nsubjpass") and _main_clause(head) \
        and {c.lower_ for c in head.children if c.dep_ in ("det", "poss")} == {"the"}


def _may_be_described(ent: Entity, w: str) -> bool:
    """Whether the role word ``w`` can describe ``ent``: not a gendered role of the other gender
    ("the congresswoman" for a man), nor an office when the article gave them another ("the mayor"
    for Gov. Holt)."""
    gender = GENDERED_ROLES.get(w)
    return not (gender is not None and ent.gender not in (None, gender) or w in OFFICES and w not in ent.roles and ent.roles & OFFICES)


def _apposed_to(noun: Token) -> Token | None:
    """The name a common noun (or the last of nouns joined by "and") is set beside as a description:
    "supervisor" and "donor" in "Jane Roe, a county supervisor and party donor"; None for a noun
    in no apposition, or set beside no name."""
    first = noun
    while first.dep_ == "conj" and first.head.i < first.i and coarse_pos(first.head) == "NOUN":
        first = first.head
    if coarse_pos(noun) != "NOUN" or first.dep_ != "appos" or first.head.i > first.i:
        return None
    name = first.head
    # not set beside the first of names joined by "and", which it describes all of ("China and the United
    # States, the two biggest polluters, which …") or is no description of at all ("In an interview with
    # hosts Joe Calder and Mika Brandt, the candidate stated …": the sentence's own subject)
    if coarse_pos(name) != "PROPN" or any(c.dep_ == "conj" for c in name.children):
        return None
    return name


def _of_people(tok: Token) -> bool:
    """Whether a name belongs to a body of people who may be "they": "the Wall Street Journal
    editorial board", "economists at Duke", "Acme's analysts"."""
    for head in (tok.head, tok.head.head if tok.head.dep_ == "prep" else tok.head):
        if head.lower_ in STAFF or head.lower_ in TEAMS or head.lower_ in ("board", "editors"):
            return True
    return False


def slash_joined(doc, ents) -> list:
    """The entities, with two organisations written as one partner name ("Washington Post/ABC
    News", a poll's makers), which NER reads as two, made one."""
    out = list(ents)
    k = 0
    while k + 1 < len(out):
        a, b = out[k], out[k + 1]
        slash = a.end - 1 if doc[a.end - 1].text == "/" else a.end if a.end < len(doc) and doc[a.end].text == "/" else None
        if a.label_ == b.label_ == "ORG" and slash is not None and b.start == slash + 1 and not doc[slash - 1].whitespace_ \
                and not doc[slash].whitespace_:
            out[k : k + 2] = [SpacySpan(doc, a.start, b.end, label="ORG")]
        else:
            k += 1
    return out


def _organisation_form(name: str, text: str) -> bool:
    """Whether a one-word name is written as only an organisation's is: an acronym of two to
    five capitals ("PPIC", "WKOW") that the article never writes as a name in lower case (as a
    transcript's "TRUMP:" is "Trump" elsewhere), a run-together brand ("BuzzFeed", "HuffPost"), or
    a word with a slash, a dot inside or a digit ("CNN/ORC", "Factcheck.org", "E3G"); not a
    surname with a prefix ("McLean", "DeSantis", "O'Neill")."""
    word = name.strip(".,")
    if " " in word or word[:1].islower():
        return False
    if word.isalpha() and word.isupper():
        return 2 <= len(word) <= 5 and not re.search(rf"\b{word.title()}\b", text)
    if first_name_gender(word) is not None:
        return False
    if "/" in word or "." in word or any(ch.isdigit() for ch in word):
        return any(ch.isalpha() for ch in word)
    return _camel_case(word) and not re.match(r"(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O')[A-Z]", word)


def _named_poll(name: str, before: str) -> bool:
    """Whether a name of two words or more ending in "Poll" is written as a poll's ("a national
    Gallup Poll", "the latest … Poll"), after the words ``before`` it, never a person's."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() == "poll" and before.split()[-1:] in (["a"], ["the"], ["new"], ["national"], ["latest"])


def _camel_case(word: str) -> bool:
    """Whether a word is a brand's run-together name ("RealClearPolitics", "comScore"), never a
    common noun, whatever its tag."""
    return any(ch.isupper() for ch in word[1:]) and any(ch.islower() for ch in word) and word.isalpha()


def _made_by(tok: Token) -> Token | None:
    """The maker a document or a finding names after it ("a tally by the Associated Press", "a post
    from Jane Roe", "a survey conducted by Halden University"): the head of the maker's phrase,
    which the mention of the document runs on to, since the document speaks for its maker. Not who
    only obtained, reported or provided it ("a memo obtained by the Courier"); None otherwise."""
    if tok.lower_ not in DOCUMENTS and tok.lower_ not in FINDINGS:
        return None
    for m in _makers(tok):
        if m.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or coarse_pos(m) in ("PROPN", "NOUN") and not m.ent_type_ and m.lower_ not in CALENDAR:
            return m
    return None


#: A headline that opens with a person's name and a colon: "Ada Quill: And Then There Was One".
_SIGNED_HEADLINE = re.compile(r"([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2}): (?![\"“‘'])")
#: A website's address, which names the site: "GunBroker.com", "ouest-france.fr", "news.example.co.uk".
_WEB_ADDRESS = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:com|org|net|gov|edu|info|news|io|tv|co\.uk|[a-z]{2})")
#: The people around a candidate who speak as the campaign: "the Roe camp", "her team", "Roe's forces".
_CAMPS = frozenset("camp team forces".split())
#: Verbs by which somebody comes to have a document somebody else made: "Eric Trump received a letter".
_RECEIVING = frozenset("""receive receives received receiving get gets got gotten getting obtain obtains obtained
    obtaining""".split())
#: How a nationality's plural ("Russians", "Chinese", "Iraqis") and its adjective ("Russian", "Turkish",
#: "Azerbaijani") end, which no paper's or team's name need ("The Guardian", "the Federal government").
_NATIONALS_END = ("ans", "ese", "is")
_NATIONALITY_END = ("an", "ese", "i", "ish")
#: Who rules a country, and speaks for it: "the Turkish government" is Turkey's.
_RULERS = frozenset("government authorities regime".split())
#: Advertisements, which speak for the campaign of the candidate who made them.
_ADS = frozenset("ad ads spot spots commercial commercials".split())
#: Words that take up a document named before under another word of the same kind: "A new video
#: by the party … The clip says …", "… released a statement … The release said …".
_ALIKE = {w: group for group in (frozenset("ad ads video videos clip spot commercial".split()),
                                 frozenset("statement release".split()), frozenset("poll survey".split()))
          for w in group}
# a study the writer first called a survey or an analysis ("a Harlow Institute survey of clinics … the study said")
_ALIKE.update({w: frozenset("study studies survey analysis research".split()) for w in ("study", "analysis", "research")})


def _makers(doc_noun: Token) -> list[Token]:
    """The heads of the phrases that say who made a document: "by/from X", "prepared/issued/... by X",
    and, for a piece a paper prints, "in X"."""
    out = []
    for c in doc_noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "acl" and c.lower_ in MAKING:  # "a report prepared by …"
            out += [g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    # last, the paper a piece is printed in ("a column in the Dunmore Herald"), where no writer is named
    papers = [g for c in doc_noun.children if c.dep_ == "prep" and c.lower_ == "in" and doc_noun.lower_ in _PUBLISHED
              for g in c.children if g.dep_ == "pobj" and (g.lower_ in PRESS or coarse_pos(g) == "PROPN")]
    return out + papers


#: Pieces a publication prints, which speak for the paper they are "in" unless a writer is named.
_PUBLISHED = frozenset("column editorial op-ed article story piece essay commentary".split())


#: What an organisation's words come as, taken up right after it speaks: "The Housing Office said …
#: According to the data, …", "… the statement read".
_ISSUED = frozenset("statement release announcement data figures numbers statistics findings".split())
#: A decision's or a suit's noun and the verb by which its maker made it: "The court ruled … said the
#: ruling", "His campaign sued the DNC …. The complaint … alleged".
_SUED = frozenset("sue sues sued".split())
_RULED = {"ruling": frozenset("rule rules ruled".split()), "decision": frozenset("decide decides decided".split()),
          "complaint": _SUED, "lawsuit": _SUED, "suit": _SUED}
#: Documents that measure people rather than speak for their makers.
_POLLS = frozenset("poll polls survey surveys".split())


def _speaking_in(doc_noun: Token) -> list[Token]:
    """The subject of the clause a document opens as its setting: "In a statement on its
    endorsement, the Tarrow Nurses Association called Holt a friend" is the union's statement.
    Not a poll's ("In a poll released Monday, Clinton leads": who it measures, not who made it)."""
    prep = doc_noun.head
    if doc_noun.dep_ != "pobj" or doc_noun.lower_ in _POLLS or prep.lower_ != "in" or prep.dep_ != "prep" \
            or coarse_pos(prep.head) != "VERB":
        return []
    return [c for c in prep.head.children if c.dep_ == "nsubj" and c.i > prep.i]


#: A question of a question-and-answer interview opening its paragraph ("Q: …", "QWhy …").
_QUESTION_LINE = re.compile(r"(?m)^Q(?::\s|\.\s|[A-Z][a-z])")
#: A paragraph opening an interview's answer ("A: …"; group 1) or question.
_TURN_LINE = re.compile(r"(?m)^(?:(A[:.]\s)|Q(?::\s|\.\s|[A-Z][a-z]))")
#: A paragraph that is only a person's name, signing a letter: "Jane Roe." or "Jane Q. Roe".
_SIGNATURE = re.compile(r"(?m)^([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2})\.?[ \t]*$")


def person_noun(w: str) -> bool:
    """Whether a description's head word names a person (a role, a relative, a companion, an
    agent noun: "physician", "lawyer", "biographer"), not a thing of theirs ("his biography")."""
    return w in ROLE_WORDS or w in GENDERED_ROLES or w in SPOKESPEOPLE or w in STAFF or w in _KIN_WORDS \
        or w in _COMPANIONS or w not in DOCUMENTS and w.endswith(("er", "or", "ist", "ian"))


def _named(verb: Token) -> Token | None:
    """The head of the name right after "named" or "called" ("a resident named Caroline")."""
    return next((c for c in verb.children if c.dep_ in ("oprd", "attr", "dobj") and c.left_edge.i == verb.i + 1), None)


def _named_as_kin(tok: Token) -> bool:
    """Whether a name is given as somebody's relative: in apposition to "her husband", "Roe's son"."""
    for _ in range(3):
        if tok.dep_ not in ("appos", "compound", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lower_ in _KIN_WORDS and any(c.dep_ == "poss" for c in tok.children):
            return True
    return False


def _listed(tok: Token, people: set[int]) -> bool:
    """Whether a name is one of a list of two or more people ("Tapper, Bash and Blitzer") that is no
    subject (``people``: the tokens that head a person's mention)."""
    first = tok
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ in ("nsubj", "nsubjpass") or _as_subject(first) is not None:
        return False
    members = [first] + [t for t in first.subtree if t.dep_ == "conj"]
    return sum(t.i in people for t in members) >= 2 and tok in members


ASKING = frozenset("ask asks asked asking".split())
ANSWERING = frozenset("""reply replies replied respond responds responded answer answers answered retort retorts
    retorted counter counters countered""".split())


def _main_clause(tok: Token) -> bool:
    """Whether a subject is the main clause's (or that of a clause "and" joins to it)."""
    verb = tok.head
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def _main_objects(found: list) -> list:
    """The mentions among ``found`` that are an object of the main clause's verb ("The rise of Hale
    gave Roe new reason to oppose Kerr": Roe), which outrank a later name inside a phrase or a
    clause that only completes something, as the subject outranks them."""
    return [m for m in found if m[2].dep_ in ("dobj", "dative", "iobj") and _main_clause(m[2])]


def _governmental(ent: Entity) -> bool:
    """Whether an organisation's name makes it a body of the state, a party, a campaign or a
    public institution (a university, a hospital), which no word for a company means."""
    return bool(set(ent.key) & GOVERNMENT_WORDS)


def age_of(head: Token) -> str | None:
    """The age a description gives as its head, "the 43-year-old" (tokens 43, -, year, -, old),
    or None."""
    if head.lower_ != "old" or head.i < 4:
        return None
    doc = head.doc
    num, hy1, year, hy2 = doc[head.i - 4 : head.i]
    if year.lower_ in ("year", "years") and hy1.text == "-" and hy2.text == "-" and num.text.isdigit():
        return num.text
    return None


def _party_member(tok: Token) -> bool:
    """Whether a token heads "the <state> Democrat" or "the Republican": a party member the
    article describes by place and party, never a name ("the Wisconsin Republican")."""
    if tok.lower_ not in ("democrat", "republican") or tok.tag_ not in ("NNP", "NN", "JJ"):
        return False
    kids = [c for c in tok.children if c.i < tok.i]
    # ("another New Hampshire Republican", "one Iowa Democrat": one of several, named by none)
    det = [c for c in kids if c.dep_ in ("det", "nummod") and c.lower_ in ("the", "a", "an", "another", "one")]
    return bool(det) and all(
        c in det or c.dep_ in ("compound", "amod") and (c.lower_ in PLACE_NAMES or c.lower_ in ("new", "north", "south", "west", "rhode"))
        for c in kids)


def _fronted(tok: Token) -> bool:
    """Whether a subject is that of a clause that opens its sentence before the main clause
    ("Although he called the market weak, Mr. Roe …"), whose subject it may look ahead to."""
    clause = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "advcl" and clause.i < clause.head.i \
        and clause.left_edge.i == tok.sent.start


def _thing_named(ent: Entity) -> bool:
    """Whether a name holds a word of organisations or things ("Patriot Coal", "White House"), or
    is or ends in a US state or a region ("West Virginia")."""
    words = set(ent.key) | {w.rstrip("s") for w in ent.key}
    return bool(words & (NON_PERSON_WORDS | ORG_NOUNS | ORG_SUFFIXES)) or ent.key[-1] in PLACE_NAMES or ent.key[-1] in PLACE_WORDS


def _as_subject(tok: Token) -> Token | None:
    """The subject a mention stands as, for what a later "he" or "she" goes on about: the mention
    itself, the noun subject it is in apposition to ("The minister, Mr. Guajardo, argues …"), "according"
    for its source ("According to Ham, the department …", which says what Ham says), or the "who" of a
    relative clause on it ("For Mr. Roe, who has been called …"); None for any other."""
    if tok.dep_ in ("nsubj", "nsubjpass") or _name_as_aux(tok):
        return tok
    if tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass") and coarse_pos(tok.head) == "NOUN":
        return tok.head  # not a name the parser hung on another ("Roe, who founded Acme, …")
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return tok.head.head
    if tok.dep_ == "attr":
        return None  # a name that only completes "be" ("Her aide is Al Doe, who was …") is introduced, no subject
    # "For Mr. Roe, who has been called …": the subject of the relative clause the name carries
    return next((c for r in tok.children if r.dep_ == "relcl" for c in r.children
                 if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who"), None)


def _name_as_aux(tok: Token) -> bool:
    """Whether a surname that is also a modal ("Will", "May") was tagged an auxiliary of a verb
    that has no subject: "While Will acknowledges …" is Will's clause."""
    return tok.dep_ == "aux" and tok.tag_ == "MD" and tok.ent_type_ == "PERSON" and tok.text[:1].isupper() \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children)


def _relative_name(who: Token) -> Token | None:
    """The name a relative "who" stands for: the name itself ("Roe, who …"), or the one its noun
    is set beside or called ("an academic named Eric Roe, who …", "Roe, a lawyer who …")."""
    about = _relative_antecedent(who)
    if about is None or coarse_pos(about) == "PROPN":
        return about
    named = next((g for c in about.children if c.dep_ == "acl" and c.lower_ in ("named", "called")
                  and (g := _named(c)) is not None and coarse_pos(g) == "PROPN"), None)
    return named or _apposed_to(about)


def _majority(votes: list[str]) -> str | None:
    """"m" or "f", whichever the votes give more often; None on a tie."""
    m, f = votes.count("m"), votes.count("f")
    return None if m == f else "m" if m > f else "f"


def _placed(tok: Token) -> bool:
    """Whether a name is where something is: the object of "in", "at", "across" ("in Ohio or
    Washington"), which the parser may still make the subject of a verb after it."""
    while tok.dep_ == "compound" or tok.dep_ == "conj" and tok.head.dep_ in ("pobj", "conj"):
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "across", "throughout", "near")


def _other_party(words: set[str], roles: set[str]) -> bool:
    """Whether a description names a party (``words``) and the person's roles another."""
    said = {PARTIES[w] for w in words if w in PARTIES}
    theirs = {PARTIES[w] for w in roles if w in PARTIES}
    return bool(said and theirs and not said & theirs)


def _described_as(ent: Entity, description: str) -> None:
    """Learn from an apposition's last word: "Nimbleroot, the workplace software start-up" is an
    organisation (whatever NER took it for) and a "start-up", which the tokenizer splits."""
    parts = re.split(r",|\s(?:for|of|at|in|on|with|from|by|who|which|that|based|whose)\s", description + " ")
    words = parts[0].split()  # "a spokesman for the Nepal Army": a spokesman, not an army
    if [w.lower() for w in words] == ["one"] and len(parts) > 1 and parts[1].split():
        words = [_singular(parts[1].split()[-1])]  # "one of the region's biggest bakery chains": a chain
    if not words:
        return
    last = words[-1].lower().strip(",.")
    ent.roles.add(last)
    if ent.kind == "PERSON" and last in _ORGISH and (len(ent.key) == 1 or first_name_gender(ent.key[0]) is None):
        ent.kind = "ORG"


def _singular(noun: str) -> str:
    """A plural noun's singular, by its ending ("companies" → "company", "firms" → "firm")."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _org_like(ent: Entity) -> bool:
    """An organisation, or a one-word name that is nobody's first name and has no gender: a brand
    ("Loomly said") that NER did not label."""
    return ent.kind == "ORG" or (
        len(ent.key) == 1 and ent.gender is None and first_name_gender(ent.key[0]) is None
        and (not ent.roles or bool(ent.roles & _ORGISH))  # "Parcelwise, the delivery start-up"
    )


_PERSON_ROLES = ROLE_WORDS | STRIP_TITLES | set(TITLE_WORDS.values()) | SPOKESPEOPLE | set(GENDERED_ROLES)
_ORGISH = ORG_NOUNS | ORG_DESCRIPTORS | {"start-up", "brand", "maker", "chain", "app"}


def name_in_full(entities: list[Entity], text: str) -> None:
    """Name in full a person the article's speakers know only by a bare surname ("Clinton"), when
    the text writes that surname after one first name and no other, with or without a middle name
    ("Hillary Clinton", "Hillary Rodham Clinton": the shortest form is taken). Never when it writes
    two first names with it ("Bill Clinton" and "Hillary Clinton": relatives), nor when another
    person of the article bears the surname. A first name alone introduced as a relative's
    ("Clinton's husband, Bill,") takes the relative's surname: "Bill Clinton"."""
    persons = [e for e in entities if e.kind == "PERSON"]
    for e in persons:
        first = e.name
        if " " in first or first_names().get_gender(first) not in ("male", "female", "mostly_male", "mostly_female") \
                or any(o is not e and o.name.split()[0] == first for o in persons):
            continue
        kin = {m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+)['’]s (?:{_KIN}), {re.escape(first)}\b", text)}
        if len(kin) == 1:
            e.name = f"{first} {kin.pop()}"
    for e in persons:
        surname = e.name
        if " " in surname or not surname[:1].isupper() or any(o is not e and o.name.endswith(" " + surname) for o in persons) \
                or _common_noun(surname, text):
            continue
        forms: dict[str, list[str]] = {}
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
            before = text[max(0, m.start() - 60) : m.start()]
            if not before.endswith(" ") or "\n" in before[-2:]:
                continue
            words = before.split()[-2:]
            for k in (1, 2):  # "Hillary Clinton", "Hillary Rodham Clinton"
                if len(words) < k:
                    break
                first, middle = words[-k], words[-k + 1 :] if k == 2 else []
                if not all(re.fullmatch(r"[A-Z](?:\.|[a-z]+)", w) for w in [first, *middle]) or len(first) < 3 \
                        or any(_common_noun(w, text) for w in middle):
                    continue
                low = first.lower()
                if low in SPEECH_LEMMAS and text[m.end() : m.end() + 1] in (",", ":"):
                    continue  # "Said Roe, "…"": the writer's verb put first, not a first name
                if low not in STOP_WORDS and low not in STRIP_TITLES and low.rstrip(".") not in ROLE_WORDS \
                        and first_names().get_gender(first) in ("male", "female", "mostly_male", "mostly_female"):
                    forms.setdefault(first, []).append(" ".join([first, *middle, surname]))
                    break
        if len(forms) == 1:
            (written,) = forms.values()
            e.name = min(written, key=lambda f: (len(f.split()), written.index(f)))


def clipped(e: SpacySpan) -> SpacySpan | None:
    """An entity NER ran past its name, cut back to the name: before a verb or a spaced dash
    ("Trump told Business Insider", "the Tax Policy Center - half") and without the lowercase
    words it trails ("The Boston Globe of the odds for"); None when nothing is left."""
    toks = list(e)
    for k, t in enumerate(toks[1:], 1):
        if t.tag_.startswith("VB") and t.text[:1].islower() or t.text in ("-", "–", "—") and t.whitespace_ and toks[k - 1].whitespace_:
            toks = toks[:k]
            break
    while toks and (toks[-1].is_punct and toks[-1].text != "." or toks[-1].text[:1].islower() and toks[-1].lower_ not in PARTICLES
                    and not toks[-1].like_num) and not _hyphenated(toks):
        toks.pop()
    label = e.label_
    if (k := _name_after_title_of(toks)) is not None:
        toks, label = toks[k:], "PERSON"  # "Minister of" + "Finance Odile Brandt": the thing the title is of run in
    if len(toks) == len(e):
        return e
    if not toks:
        return None
    return SpacySpan(e.doc, toks[0].i, toks[-1].i + 1, label=label)


def _title_of(title: Token, thing: Token) -> bool:
    """Whether ``thing`` is within the "of" phrase of a capitalised title ("Director of Public
    Policy", "Chief of Staff"): a description of one office, which ends where the name begins."""
    return thing.i > title.i and title.text[:1].isupper() and person_noun(title.lower_.rstrip(".")) and any(
        c.dep_ == "prep" and c.lower_ == "of" and c.left_edge.i <= thing.i <= c.right_edge.i for c in title.children)


def _name_after_title_of(toks: list[Token]) -> int | None:
    """Where a person's name starts in an entity NER ran over the thing a capitalised title is of
    and the name after it ("Minister of" + "Finance Odile Brandt", "Head of" + "Research Ines
    Marlow" read as an organisation): a first name the lists know, two or three capitalised words
    from the end, after capitalised words that follow "of" and a title; None elsewhere."""
    if len(toks) < 3:
        return None
    doc, n = toks[0].doc, len(toks)
    for k in range(max(1, n - 3), n - 1):
        if first_name_gender(toks[k].text) is None or not all(t.text[:1].isupper() and t.is_alpha for t in toks[k:]):
            continue
        j = toks[k].i - 1  # back over the thing ("Finance", "the Office of Budget") to the "of" after the title
        while j > 0 and (doc[j].text[:1].isupper() and doc[j].is_alpha or doc[j].lower_ in _OF_THING) \
                and not (doc[j].lower_ == "of" and _capital_title(doc[j - 1])):
            j -= 1
        if doc[j].lower_ == "of" and j < toks[k].i - 1 and j >= toks[0].i - 1 and j > 0 and _capital_title(doc[j - 1]):
            return k
    return None


#: Small words inside the name of the thing a title is of ("Head of the Bureau of Roads and Bridges").
_OF_THING = frozenset("of the and &".split())


def _capital_title(tok: Token) -> bool:
    """Whether ``tok`` is a capitalised word for a person's office ("Director", "Minister")."""
    return tok.text[:1].isupper() and person_noun(tok.lower_.rstrip("."))


def _hyphenated(toks: list[Token]) -> bool:
    """Whether the last of a name's tokens ends a hyphenated word ("Ki-moon", "Al-Hakim")."""
    return len(toks) >= 3 and toks[-2].text == "-" and not toks[-2].whitespace_ and not toks[-3].whitespace_


def _titles_of_one(first: Token, other: Token, titled: bool = False) -> bool:
    """Whether "<role> and <role> <Name>" is one person under two titles ("GOP contender and
    former surgeon Ben Calder", "Former prosecutor and City Mayor Rudy Giuliani"): a bare role, with
    no article or owner, joined to a name that a role of its own precedes, a title the tagger
    capitalised as a name included (``titled``: ``first`` is a title already, "Gov.")."""
    return (titled or first.tag_ == "NN") and not any(c.dep_ in ("det", "poss") for c in first.children) \
        and other.ent_type_ == "PERSON" and any(t.dep_ == "compound" and (
            coarse_pos(t) == "NOUN" or t.lower_.rstrip(".") in ROLE_WORDS | STRIP_TITLES) for t in other.lefts)


#: The circuit after "Court of Appeals": "for the 6th Circuit", "for the District of Columbia Circuit".
_CIRCUIT = re.compile(r" for the (?:[A-Z0-9][\w.]*(?: of)? ){1,3}Circuit\b")
_KIN = "husband|wife|son|daughter|brother|sister|father|mother|widow|widower|stepson|stepdaughter"
_KIN_WORDS = frozenset(_KIN.split("|"))
_OPENING_QUOTES = frozenset("\"'“‘«")


def _common_noun(word: str, text: str) -> bool:
    """Whether the text also writes ``word`` in lower case: a noun ("Library", "Presidential"), not a name."""
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None
