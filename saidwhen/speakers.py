"""Attribution: who said each quote and through which cue.

Works on a parsed spaCy ``Doc`` in which every direct quote is one short stand-in (so the parse is
spent on the writer's sentences, where speakers and cues are, not on the speech itself). For each
quote it finds the speech verb that governs it ("said", "captioned", "told Reuters", "according
to") and takes that verb's subject; ``choice`` re-ranks that pick among the quotation's candidate
mentions, and ``entities`` resolves the mention to one canonical person or organisation. Quotes
with no attribution of their own continue the split quote or paragraph before them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Token

from .choice import choose
from .entities import Entities, Entity, slash_joined, age_of, clipped, first_name_gender, subject_taken_for_apposition, title_case_headline_end
from .lexicon import (
    _QUOTES, ASIDES, CALENDAR, DOCUMENTS, FORCING, LEADING_TO, POLLED, POLLS, GENDERED_ROLES, MEDIA_PREP_OBJECTS, ORG_NOUNS, PRONOUNS, ROLE_WORDS, SIGNATURE_DASHES, SPEECH_LEMMAS, WEAK_SPEECH,
    aside_before_head, capitalised_tokens, coarse_pos, first_verb_subject, inverted_aside, opens_sentence, participle_subject, subject_aside, subject_before_split, subject_of_clause_before, writers_hedge,
)


#: Words that count a group ("all of the candidates", "most of them"): the group is who speaks.
QUANTIFIERS = frozenset("""all most many some both each several few none half majority minority share proportion
    percent number""".split())


#: What someone issues that the next paragraph quotes: "… released the following statement:".
ISSUED = frozenset("statement statements remarks message letter note tweet post following".split())


_DASHES = ("-", "--", "—", "–")


def _fronted(verb: Token) -> bool:
    """Whether a capitalised speech verb opens its sentence before the name of its speaker ("Stated
    Roe:", "Continued Roe, …"), a word the tagger reads as part of the name."""
    doc = verb.doc
    return opens_sentence(verb) and verb.text[:1].isupper() and verb.i + 1 < len(doc) \
        and coarse_pos(doc[verb.i + 1]) == "PROPN"


def _issuing(sent) -> Token | None:
    """The verb of a sentence that hands over a statement with a colon ("The senator released the
    following statement:"), when it has a subject: it cues the quote that follows."""
    for t in sent:
        if t.dep_ == "dobj" and t.lower_ in ISSUED and t.head.tag_.startswith("VB") and any(
                c.dep_ == "nsubj" for c in t.head.children):
            return t.head
    return None


#: Words that stand for people the writer does not name ("another", "many argue").
FEW = frozenset("another others one some many most few several both".split())


def _unnamed_few(verb: Token) -> Token | None:
    """The word standing for unnamed people that the parser did not make the verb's subject: right
    after a verb that follows a quote ('"…," tweeted another') or right before it, set off by commas
    ("That attitude, many argue, could …")."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is not None and after.lower_ in FEW and after.tag_ in ("DT", "CD", "NNS", "JJ", "PRP") \
            and verb.i >= 2 and doc[verb.i - 1].is_quote and (verb.i + 2 >= len(doc) or doc[verb.i + 2].is_punct):
        return after
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.lower_ in FEW and before.dep_ not in ("nsubj", "nsubjpass") and verb.i >= 2 \
            and doc[verb.i - 2].text == "," and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ",":
        return before
    return None


def _before_clitic(subject: Token) -> Token:
    """The word a clitic the parser took for the subject leans on: "he" of "he’s said", "who" of
    "who’ve said"."""
    if subject.i > 0 and subject.text[:1] in "'’" and subject.lower_[1:] in ("s", "ve", "re", "d", "ll", "m"):
        return subject.doc[subject.i - 1]
    return subject


def _says_after(verb: Token) -> bool:
    """Whether the cue has what was said after it ("…, said Mr. Roe was wrong"), so that a clause the
    parser hung before it is no fronted content ("He had a say in it, said a former aide")."""
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _subject_lost_to_conj(verb: Token) -> Token | None:
    """The name right before a joined verb with no subject, which the parser joined to the noun
    before it instead ("prosecutors charged him with murder and Emanuel fired his chief": Emanuel
    fired him, not the prosecutors)."""
    doc = verb.doc
    if verb.dep_ != "conj" or not verb.tag_.startswith("VB") or verb.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    name, joint = doc[verb.i - 1], doc[verb.i - 2]
    if coarse_pos(name) != "PROPN" or name.dep_ not in ("conj", "dobj", "pobj") or joint.lower_ != "and" or name.head.i == verb.i:
        return None
    return name


def _of_whom(subject: Token) -> Token:
    """The group a quantifier subject counts ("All of the GOP candidates … have pledged"), else
    the subject itself."""
    if subject.lower_ in QUANTIFIERS:
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return subject


@dataclass
class Attribution:
    """Who said one quote and how sure we are."""

    speaker: Entity | None = None
    mention: tuple[int, int, str] | None = None  # doc char offsets and surface form
    cue: str | None = None
    confidence: float = 0.3
    explicit: bool = False
    cue_span: tuple[int, int] | None = None  # doc char offsets of the attribution
    cue_token: int | None = None  # doc index of the speech verb, where there is one


class Attributor(Entities):
    """Attributes the quotes of one parsed article (see the module docstring)."""

    def __init__(self, doc: Doc, quote_ranges: list[tuple[int, int]], para_of: Callable[[int], int],
                 fragments: list[tuple[int, int]] = (), text: str | None = None, printed: str | None = None,
                 date=None):
        """``text`` is ``doc.text`` where the caller has it: spaCy joins every token on each access;
        ``printed`` the same text as the article prints it, where the parser was given typewriter
        apostrophes for typographic ones (cues are given as printed); ``date`` the publication
        date, which says who held an office the article names without a name."""
        self.doc = doc
        self.date = date
        # quoted fragments: their words are part of the writer's sentence, but never its speaker
        self.fragments = sorted(fragments)
        self.text = doc.text if text is None else text
        self.printed = printed or self.text
        self.ranges = sorted(quote_ranges)
        self._range_starts = [a for a, _ in self.ranges]
        self.para_of = para_of
        self.sents = list(doc.sents)
        self._sent_of = [0] * len(doc)
        for k, sent in enumerate(self.sents):
            self._sent_of[sent.start : sent.end] = [k] * (sent.end - sent.start)
        self.entities: list[Entity] = []
        self._by_key: dict[tuple[str, ...], Entity] = {}
        self._by_part: dict[str, list[Entity]] = {}  # name word -> entities whose name has it
        self._mentions: list[tuple[int, Entity, Token | None]] = []  # (doc offset, entity, head token)
        self._alone: dict[str, list[int]] | None = None
        self._norp_cache: set[str] | None = None
        self._not_person: dict[tuple, bool] = {}
        self._described: dict[int, Entity | None] = {}  # a description's token -> its entity, once found
        self.memo: dict[str, object] = {}  # what the source-choice step works out once per article (candidates.py)
        self._lede_at: int | None = None
        self._capitals = capitalised_tokens(doc, self.text)  # where names can be
        self.has_ner = doc.has_annotation("ENT_IOB")
        self._headline = title_case_headline_end(self.text)
        # Doc.ents rebuilds its list on every access; each cut back to its name
        self.ents = slash_joined(doc, [c for c in (clipped(e) for e in doc.ents) if c is not None])
        self._ent_of = {t: e for e in self.ents for t in range(e.start, e.end)}
        self._collect_entities()
        self._learn_genders()

    # --- attribution ------------------------------------------------------------------------
    def _tokens_of(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def attribute(self, start: int, end: int, partial: bool) -> Attribution:
        """Speaker, cue and confidence for the quote at doc offsets ``start:end``."""
        toks = self._tokens_of(start, end)
        if not toks:
            return Attribution()
        if (cited := self._bracket_citation(toks)) is not None:
            return cited  # '"The fund has lost a third of its value." [Courier.]': a digest's quotation of its source
        sents = [self.sent(toks[0].i)]
        if self._sent_of[toks[-1].i] != self._sent_of[toks[0].i]:  # a quote of several sentences, unmasked
            sents.append(self.sent(toks[-1].i))
        para = self.para_of(start)
        verb = self._cue_verb([t for s in sents for t in s if self.para_of(t.idx) == para], toks, partial)
        if verb is None:
            att = self._dash_signature(toks) or self._name_label(toks) or self._colon_intro(toks, para)
            if att is None and (att := self._cue_after(toks, para) or self._colon_lead(toks, para)) is not None:
                return att  # '"… fly?" Ted Marsh asked.', 'Vance resisted: "…"': a clause that only says who said it
            att = att or self._governing_subject(toks, para) or self._previous_subject(toks, para) or Attribution()
        else:
            att = self.attribute_cue(verb)
        return choose(self, att, toks, verb, {t.i for t in toks}, [(start, end)])

    def attribute_cue(self, verb: Token) -> Attribution:
        """Speaker, cue and confidence of what the speech verb ``verb`` (or "according") reports."""
        cue, cue_end = self._cue_text(verb)
        subj = self._speaking(verb)
        att = Attribution(cue=cue, confidence=0.6, explicit=True, cue_span=(verb.idx, cue_end), cue_token=verb.i)
        if subj is None:
            return att
        rel = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("who", "which")), None)
        if rel is not None and verb.dep_ == "relcl" and subj.i == verb.head.i:
            # "Doe, who said …": the words naming the speaker are "who"; who it is, the noun it follows
            # (or the name that noun describes: "Doe, a county clerk who said …")
            subj = rel
        ent, mention, conf = self.resolve(subj)
        att.speaker, att.mention, att.confidence = ent, mention, conf if ent else 0.5
        return att

    def _inverted_description(self, verb: Token) -> Token | None:
        """The noun phrase right after a speech verb that follows a quote ("…," said the woman,
        who …), where the parser made it the subject of the relative clause's verb instead."""
        doc = self.doc
        before = doc[verb.i - 2 : verb.i].text.replace(" ", "") if verb.i >= 2 else ""
        if not before or before[-1] not in _QUOTES and not (before[-1] == "," and before[0] in _QUOTES):
            return None  # only right after the quote's closing mark ('…," said', '…", said')
        for t in doc[verb.i + 1 : min(len(doc), verb.i + 5)]:
            if coarse_pos(t) == "NOUN" and t.dep_ in ("nsubj", "nsubjpass") and t.head.i != verb.i:
                return t
            if t.dep_ not in ("det", "amod", "compound", "nummod", "poss") or t.head.i <= t.i:
                return None
        return None

    def _bracket_citation(self, qtoks: list[Token]) -> Attribution | None:
        """The source a news digest cites in brackets right after a quotation ("…" [Reuters.],
        "…" [Mother Jones.]): what the quotation quotes is that source's text."""
        doc = self.doc
        k = qtoks[0].i - 1
        while k >= 0 and (doc[k].text in _QUOTES or doc[k].is_space and "\n" not in doc[k].text):
            k -= 1
        if k >= 0 and doc[k].text == ":":
            return None  # 'More from Jones: "…" [Gallup.]': the quotation is the one the colon names, in that outlet
        i = qtoks[-1].i + 1
        while i < len(doc) and (doc[i].text in _QUOTES or doc[i].is_space and "\n" not in doc[i].text):
            i += 1
        if i >= len(doc) or doc[i].text != "[":
            return None
        close = next((t.i for t in doc[i + 1 : min(len(doc), i + 7)] if t.text == "]"), None)
        if close is None or close == i + 1:
            return None
        start, end = doc[i + 1].idx, doc[close].idx
        name = self.text[start:end].strip().rstrip(".").strip()
        if not name[:1].isupper() or len(name.split()) > 4 or any(ch.isdigit() for ch in name):
            return None
        words = name.split()
        kind = "PERSON" if len(words) >= 2 and first_name_gender(words[0]) in ("m", "f") else "ORG"
        ent = self.lookup(name, kind, at=start) or self._new_entity(name, kind, start)
        if ent is None:
            return None
        self._add_mention(ent, start, start + len(name), name, doc[i + 1])
        return Attribution(ent, (start, start + len(name), name), None, 0.85, explicit=True, cue_span=(doc[i].idx, doc[close].idx + 1))

    def _dash_signature(self, qtoks: list[Token]) -> Attribution | None:
        """A quote signed with a dash and a name ("…" — Ana Ruiz), as in pull quotes and letters."""
        doc = self.doc
        i = qtoks[-1].i + 1
        broke = False  # the signature on a line of its own under the quote ("…"\n\n- Ana Ruiz)
        while i < len(doc) and (doc[i].is_punct and doc[i].text not in SIGNATURE_DASHES or doc[i].is_space):
            broke = broke or "\n" in doc[i].text
            i += 1
        if i + 1 >= len(doc) or doc[i].text not in SIGNATURE_DASHES or coarse_pos(doc[i + 1]) != "PROPN":
            return None
        j = i + 1
        while j < len(doc) and coarse_pos(doc[j]) == "PROPN" and (self._sent_of[j] == self._sent_of[i + 1] or broke):
            j += 1
        if broke and j < len(doc) and not (doc[j].is_space and "\n" in doc[j].text or doc[j].is_punct and doc[j].text in ".,"):
            return None  # a line under the quote that goes on: not a signature
        ent, mention, conf = self.resolve(doc[j - 1])
        if ent is None:
            return None
        return Attribution(ent, mention, None, 0.85, explicit=True, cue_span=(doc[i].idx, doc[j - 1].idx + len(doc[j - 1])))

    def _colon_intro(self, qtoks: list[Token], para: int) -> Attribution | None:
        """A quote that opens its paragraph after a paragraph ending "…, Smith said in a statement:"
        belongs to that attribution."""
        k = self._sent_of[qtoks[0].i]
        if k == 0:
            return None
        prev = self.sents[k - 1]
        last = [t for t in prev if not t.is_space]
        if not last or last[-1].text != ":" or self.para_of(prev.start_char) != para - 1:
            return None
        verb = self._cue_verb(list(prev), last[-1:], False) or _issuing(prev)
        if verb is None:
            return None
        cue, cue_end = self._cue_text(verb)
        subj = self._speaking(verb)
        if subj is None:
            return None
        ent, mention, conf = self.resolve(subj)
        return Attribution(ent, mention, cue, conf if ent else 0.5, explicit=True, cue_span=(verb.idx, cue_end), cue_token=verb.i)

    def _cue_after(self, qtoks: list[Token], para: int) -> Attribution | None:
        """A quote closed with a full stop and followed in its paragraph by a sentence that only says
        who said it ('"… missing." Trump said.'): that sentence's cue, a comma the writer typed as a stop."""
        k = self._sent_of[qtoks[-1].i] + 1
        if k >= len(self.sents) or self.sents[k].start != qtoks[-1].i + 1 and not (
                # a fragment quoted after its subject keeps its closing mark ('Roe "… fly?" Doe asked on
                # Twitter.'): a short sentence after it
                self.sents[k].start > qtoks[-1].i and all(t.is_punct for t in self.doc[qtoks[-1].i + 1 : self.sents[k].start])
                and len(self.sents[k]) <= 10):
            return None
        nxt = self.sents[k]
        root = nxt.root
        if self.para_of(nxt.start_char) != para or root.lower_ not in SPEECH_LEMMAS or root.tag_ not in ("VBD", "VBZ") \
                or any(self.in_quote(t.idx) for t in nxt) or any(c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") for c in root.children) \
                or not any(c.dep_ == "nsubj" and c.i < root.i for c in root.children):
            return None
        return self.attribute_cue(root)

    def _name_label(self, qtoks: list[Token]) -> Attribution | None:
        """A quote labelled with a name and a colon, as headlines and transcripts do
        ("Ruiz: 'We will not back down'")."""
        doc = self.doc
        first = self.sent(qtoks[0].i).start
        before = doc[first : qtoks[0].i]
        if len(before) < 2 or before[-1].text != ":" or len(before) > 5:
            return None
        names = before[:-1]
        if not all(t.text[:1].isupper() and coarse_pos(t) in ("PROPN", "NOUN") for t in names):
            return None
        start, end = names[0].idx, names[-1].idx + len(names[-1])
        text = self.text[start:end]
        ent = self.lookup(text, None, at=start) or self._new_entity(text, "PERSON", start)
        if ent is None:
            return None
        self._add_mention(ent, start, end, text, names[-1])
        return Attribution(ent, (start, end, text), None, 0.75, explicit=True, cue_span=(start, before[-1].idx + 1))

    def _previous_subject(self, qtoks: list[Token], para: int) -> Attribution | None:
        """A quote that follows a sentence about someone, in the same paragraph, is theirs
        ("Asked whether she would resign, Quint laughed. "Not today.""); weakly held."""
        k = self._sent_of[qtoks[0].i]
        if k == 0 or qtoks[0].i != self.sents[k].start and not all(t.is_punct for t in self.doc[self.sents[k].start : qtoks[0].i]):
            return None
        prev = self.sents[k - 1]
        if self.para_of(prev.start_char) != para or any(self.in_quote(t.idx) for t in prev):
            return None
        root = prev.root
        subs = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subs or subs[0].lower_ in ("it", "they", "this", "that", "there"):
            return None
        ent, mention, _ = self.resolve(subs[0])
        if ent is None:
            return None
        return Attribution(ent, mention, None, 0.55, explicit=False)

    def lead_in(self, start: int, end: int) -> Attribution | None:
        """The attribution of the last sentence of the paragraph before a paragraph that opens with
        the bare quote at doc offsets ``start:end``, when someone speaks in it without being quoted
        ("Carter said that for decades critics had been wrong." / "Howard continued his remarks."):
        the quote is what they said next. ``None`` when that sentence quotes anyone itself."""
        toks = self._tokens_of(start, end)
        if not toks:
            return None
        prev = self.sentence_before(toks[0].i)
        if prev is None or self.para_of(prev.start_char) != self.para_of(start) - 1 or any(self.in_quote(t.idx) for t in prev) \
                or any(a < prev.end_char and prev.start_char < b for a, b in self.fragments):
            return None
        root = prev.root
        verbs = [root] + [c for c in root.children if c.dep_ == "conj" and c.tag_.startswith("VB")
                          or c.dep_ == "parataxis" or aside_before_head(c)]  # "The plan, she argued, …"
        for verb in verbs:
            if verb.lower_ not in SPEECH_LEMMAS or not verb.tag_.startswith("VB") or writers_hedge(verb):
                continue
            subj = self._subject(verb)
            if subj is None or subj.lower_ in ("it", "they", "this", "that", "there", "who", "which") \
                    or any(c.dep_ == "conj" for c in subj.children):
                return None  # "Roe, Doe and Poe argued that …": which of them the quote is, the text does not say
            att = self.attribute_cue(verb)
            return att if att.speaker is not None else None
        return None

    def _colon_lead(self, qtoks: list[Token], para: int) -> Attribution | None:
        """A quote that a clause of its own sentence leads in with a colon ("Kasich resisted: "…"",
        "One supporter, Lee Zeldin, gave it a whirl on CNN: "…"") is said by that clause's subject,
        whatever its verb: the colon says the quote is what the subject did."""
        doc = self.doc
        i = qtoks[0].i - 1
        while i >= 0 and (doc[i].is_space or doc[i].is_punct and doc[i].text in _QUOTES):
            i -= 1
        if i < 1 or doc[i].text != ":" or self.para_of(doc[i].idx) != para or self._sent_of[i] != self._sent_of[qtoks[0].i]:
            return None
        verb = doc[i - 1]
        while verb.dep_ != "ROOT" and verb.head.i < i:
            verb = verb.head
        if not verb.tag_.startswith("VB") or self.in_quote(verb.idx):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and not self.in_quote(c.idx)), None)
        if subj is None or coarse_pos(subj) not in ("PROPN", "PRON", "NOUN"):
            return None
        ent, mention, conf = self.resolve(subj)
        if ent is None and coarse_pos(subj) != "NOUN":
            return None
        return Attribution(ent, mention, None, min(conf, 0.7) if ent else 0.5, explicit=True)

    def _governing_subject(self, qtoks: list[Token], para: int) -> Attribution | None:
        """With no speech verb, the person whose clause holds the quote ("X dismissed it as "…"")."""
        qset = {t.i for t in qtoks}
        for v in qtoks[0].ancestors:
            if v.i in qset or self.in_quote(v.idx) or self.para_of(v.idx) != para:
                continue
            subs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in qset and not self.in_quote(c.idx)]
            if not subs:
                continue
            if coarse_pos(subs[0]) not in ("PROPN", "PRON") and subs[0].ent_type_ not in ("PERSON", "ORG"):
                return None
            ent, mention, conf = self.resolve(subs[0])
            if ent is None:
                return None
            return Attribution(ent, mention, None, 0.6, explicit=False)
        return None

    def _cue_verb(self, sent: list[Token], qtoks: list[Token], partial: bool) -> Token | None:
        """The speech verb (or "according") of a sentence that governs the quote, if any."""
        qset = {t.i for t in qtoks}
        cands = []
        for t in sent:
            if t.i in qset or self.in_quote(t.idx):
                continue
            w = t.lower_
            if w == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                cands.append(t)
            elif w in ("put", "puts") and coarse_pos(t) == "VERB" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children):
                cands.append(t)  # "As Ms. Roe put it, the network is "…"": a way of saying, not of putting
            elif (w in SPEECH_LEMMAS or w in WEAK_SPEECH) and coarse_pos(t) in ("VERB", "AUX", "NOUN", "PROPN") \
                    and not writers_hedge(t):
                if coarse_pos(t) in ("NOUN", "PROPN") and w not in ("said", "told", "added", "wrote", "says") \
                        and not _fronted(t):
                    continue
                cands.append(t)
        if not cands:
            return None
        anc_of_quote = set()
        for q in qtoks[:1] + qtoks[-1:]:
            anc_of_quote.update(a.i for a in q.ancestors)

        def score(t: Token) -> tuple:
            governs = t.i in anc_of_quote
            weak = t.lower_ in WEAK_SPEECH
            dist = min(abs(t.i - qtoks[0].i), abs(t.i - qtoks[-1].i))
            return (weak and not governs, not governs, dist)

        best = min(cands, key=score)
        if best.lower_ in WEAK_SPEECH and best.i not in anc_of_quote:
            return None
        if best.i not in anc_of_quote and (own := self._own_clause(qtoks)) is not None and own.i != best.i and (
                best.dep_ == "conj" and best.head.i == own.i or own.dep_ == "conj" and own.head.i == best.i):
            return None  # "Roe accuses the council of "drifting" and Doe says …": Roe's clause, not Doe's verb
        # "Doe said the messages revealed "a culture of contempt"": the outer verb with a speaker wins,
        # unless the verb has a speaker of its own and opens the quote ("…, to which Roe replied: "…"").
        own = self._subject(best)
        if (own is not None and own.lower_ not in ("who", "that", "which") and (self._animate(own) or own == subject_of_clause_before(best))
                and best.i < qtoks[0].i and all(t.is_punct or t.is_space for t in self.doc[best.i + 1 : qtoks[0].i])):
            return best
        for t in best.ancestors:
            if t.lower_ in ASIDES and not any(c.dep_ == "nsubj" for c in t.children):
                continue  # '"…," Kemp said, asked about the delay': a question put to the speaker
            if t in cands and t.i in anc_of_quote and self._animate(self._subject(t)):
                return t
        return best

    def _own_clause(self, qtoks: list[Token]) -> Token | None:
        """The nearest verb outside the quote that holds it, where that verb has a subject of its own."""
        qset = {t.i for t in qtoks}
        for v in qtoks[0].ancestors:
            if v.i in qset or self.in_quote(v.idx):
                continue
            if coarse_pos(v) in ("VERB", "AUX"):
                return v if any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in qset for c in v.children) else None
        return None

    @staticmethod
    def _animate(tok: Token | None) -> bool:
        """Whether a subject can be a speaker: a name, a personal pronoun or a role noun."""
        if tok is None:
            return False
        w = tok.lower_
        return (
            coarse_pos(tok) == "PROPN" or tok.ent_type_ in ("PERSON", "ORG") or w in PRONOUNS
            or w in ROLE_WORDS or w in ORG_NOUNS or w in GENDERED_ROLES
        )

    def _cue_text(self, verb: Token) -> tuple[str, int]:
        """The cue as printed: the verb with what names the audience or medium ("told Reuters")."""
        if verb.lower_ == "according":
            return "according to", verb.idx + len("according to")
        end_tok = verb
        printed = self.printed
        parts = [printed[verb.idx : verb.idx + len(verb)]]
        told = False  # one audience: a second object is what was told about ("told the Post the marquee …")
        for c in verb.rights:
            if self.in_quote(c.idx):
                break
            if c.dep_ == "prt" or c.dep_ == "dobj" and c.lower_ == "it" and verb.lower_ in ("put", "puts"):
                parts.append(printed[c.idx : c.idx + len(c)])  # "spoke up", "put it"
                end_tok = c
            elif not told and (
                c.dep_ in ("dobj", "dative", "iobj") and coarse_pos(c) in ("PROPN", "NOUN", "PRON")
                and (verb.lower_ in ("told", "tell", "tells", "telling")
                     or verb.lower_ in ("asked", "ask") and any(x.dep_ == "nsubj" for x in verb.children))
            ):  # the audience: "told the BBC" (but in "asked Patel" Patel is the one asking)
                first = c.left_edge if c.left_edge.i >= verb.i else c
                if c.i + 1 < len(self.doc) and (nxt := self.doc[c.i + 1]).dep_ == "npadvmod" and nxt.head.i == verb.i \
                        and nxt.text[:1].isupper() and coarse_pos(c) == "PROPN" and nxt.lower_ not in CALENDAR:
                    c = nxt  # "told Entertainment Tonight": the programme's second word, which the parser made a time
                end = c.idx + len(c)
                if end < len(self.text) and self.text[end] in "\"”’'" and any(m in self.text[first.idx : c.idx] for m in "\"“‘"):
                    end += 1  # "told NBC's “Today”": the programme's name with both its marks
                parts.append(printed[first.idx : end])
                end_tok, told = c, True
            elif c.dep_ == "prep" and c.lower_ in ("on", "in", "to", "during", "at", "via"):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs and objs[0].lower_ in MEDIA_PREP_OBJECTS:
                    obj = objs[0]  # "in a statement", not the clause the parser may hang under it
                    parts.append(printed[c.idx : obj.idx + len(obj)])
                    end_tok = obj
                    break
            if c.i > verb.i + 6:
                break
        return " ".join(parts), end_tok.idx + len(end_tok)

    def _before_dashed_aside(self, verb: Token) -> Token | None:
        """The name or noun right before an aside set off by dashes that ends just before ``verb``,
        whose subject the parser lost in the aside ("Donald Trump - who said … - said at a rally")."""
        doc = self.doc
        k = verb.i - 1
        while k > 0 and doc[k].dep_ in ("advmod", "aux", "neg") and doc[k].i > self.sent(verb.i).start:
            k -= 1  # "- also said", "- has said"
        if k <= 0 or doc[k].text not in _DASHES or not doc[k - 1].whitespace_:
            return None
        opening = next((t for t in reversed(doc[self.sent(verb.i).start : k]) if t.text in _DASHES and t.i > 0
                        and doc[t.i - 1].whitespace_ and t.whitespace_), None)
        if opening is None or opening.i == self.sent(verb.i).start:
            return None
        head = doc[opening.i - 1]
        if coarse_pos(head) not in ("PROPN", "NOUN") or self.in_quote(head.idx):
            return None
        return head

    def _speaking(self, verb: Token) -> Token | None:
        """The token naming who performs ``verb``: its subject (``_subject``), or the poll a share
        of those it asked speaks through (``_poll_behind``)."""
        subj = self._subject(verb)
        return self._poll_behind(verb, subj) or subj

    def _poll_behind(self, verb: Token, subj: Token | None) -> Token | None:
        """The poll a share of the people it asked speaks through: "Sixty percent of voters said
        … in a Courier-Gazette poll" and "In a poll by the Herald, 28 percent said …" report the
        poll's finding (PolNeAR and the name gold alike credit the poll, then its maker). Only
        where the subject counts or names the people polled, and one poll of the verb's sentence
        is named in a phrase of its own ("in", "according to", "from")."""
        if subj is None or not (subj.tag_ == "CD" or subj.lower_ in QUANTIFIERS or subj.lower_ in POLLED
                                or subj.ent_type_ == "NORP" or subj.ent_type_ == "PERCENT"):
            return None
        sent = self.sent(verb.i)
        polls = [t for t in sent if t.lower_ in POLLS and t.dep_ == "pobj" and t.head.lower_ in ("in", "to", "from", "by")
                 and t.i != subj.i and self._writers(t.idx)]
        return polls[0] if len(polls) == 1 else None

    def _subject(self, verb: Token) -> Token | None:
        """Who performs the speech verb: its subject, an "according to" object, or a nearby name."""
        doc = self.doc
        if verb.lower_ == "according":
            to = doc[verb.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in verb.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
            for t in doc[verb.i + 2 : min(len(doc), verb.i + 6)]:
                if coarse_pos(t) in ("PROPN", "NOUN", "PRON"):
                    return t
            return None
        if verb.dep_ == "acl" and (verb.tag_ == "VBD" or age_of(verb.head)) and not any(c.dep_ == "nsubj" for c in verb.children):
            return verb.head  # "…, a team at the institute reported", "… the 43-year-old asked": the noun the parser hung it on
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lower_ in QUANTIFIERS:
            return _of_whom(verb.head)  # "the share of voters saying …": the voters
        if (inverted := inverted_aside(verb)) is not None:
            return inverted[0]  # "Any fair reading, said Paul Roe, an expert, would …"
        v = verb
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and verb.head.head.tag_.startswith("VB") \
                and verb.head.lower_ in ISSUED | DOCUMENTS:
            v = verb.head.head  # "Roe issued a statement Tuesday saying …": the one who issued it
        elif verb.tag_ == "VBG" and verb.i > 0 and doc[verb.i - 1].text == "," and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            root = self.sent(verb.i).root  # "Ashby vetoed a bill that …, saying …": the one who vetoed
            head = verb.head  # "…," Vale added, saying …": unless the verb it hangs on has a subject
            if (lost := _subject_lost_to_conj(head)) is not None and head.i < verb.i:
                return lost
            if head.i < verb.i and head.tag_.startswith("VB") and head.dep_ != "relcl" and any(
                    c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in head.children):
                v = head
            elif root.i < verb.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
                v = root
        if (subj := subject_of_clause_before(verb)) is not None:
            return subj  # "Ruiz, when protesters interrupted her, shouting …, said": the protesters
        if (subj := participle_subject(verb)) is not None:
            return subj  # "Sen. Roe, noting the size of the crowd, said": the senator
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # "Calder, asked about the strike, said": parsed as the subject of "asked"; or "Ortiz,
            # who sits on no committee, said": the relative clause parsed as the verb's own
            aside = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and (c.lower_ in ASIDES or subject_aside(c, verb))] \
                or [c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i < verb.i and any(
                    s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children) and any(
                    s.dep_ == "nsubj" and s.lower_ != "who" and s.i < c.i for s in c.children)]
            if aside:
                v = aside[0]
        for _ in range(3):
            subs = [_of_whom(_before_clitic(c)) for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                    and self._writers(c.idx)
                    and c.lower_ not in CALENDAR]  # "Saturday at the convention Sen. Roe said": when, not who
            if subs:
                # Of two subjects the parser gave ("Co-author … Arakawa explained", "Under
                # cross-examination, the attorney, Ellery, suggested"), a name, else the nearest.
                s = min(subs, key=lambda c: (
                    c.ent_type_ not in ("PERSON", "ORG") and coarse_pos(c) != "PROPN"
                    and not any(a.dep_ == "appos" and coarse_pos(a) == "PROPN" for a in c.children),
                    abs(v.i - c.i))) if len(subs) > 1 else subs[0]
                if s.lower_ in ("who", "that", "which") and v.dep_ == "relcl":  # "Doe, who said …"
                    return v.head
                return s  # also the subject of a passive: "Ruiz was quoted by the BBC as saying"
            if (lost := _subject_lost_to_conj(v)) is not None:
                return lost  # "prosecutors charged him with murder and Emanuel said …"
            if v.dep_ == "xcomp" and v.i > v.head.i and (v.head.lower_ in FORCING or v.head.lower_ in LEADING_TO and not any(
                    c.dep_ == "nsubj" and (c.ent_type_ in ("PERSON", "ORG") or coarse_pos(c) == "PRON") for c in v.head.children)) \
                    and (obj := next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i
                                      and not self.in_quote(c.idx)), None)) is not None:
                return obj  # "The win led RNC Chairman Reince Priebus to declare …": who was led to, not the win
            if v.dep_ in ("conj", "xcomp", "advcl", "ccomp") and v.head is not v:
                v = v.head
            else:
                break
        if (v.i != verb.i or _says_after(verb)) and (first := first_verb_subject(v)) is not None:
            return first  # "Roe summed up Doe as "reckless," denounced her record and said …"
        if (after := self._inverted_description(verb)) is not None:
            return after
        before = doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and coarse_pos(before) in ("NOUN", "PROPN") and subject_taken_for_apposition(before) \
                and not self.in_quote(before.idx):
            return before  # "In an interview with Joe Roe, the candidate stated …": not Roe's apposition
        if (some := _unnamed_few(verb)) is not None:
            return some  # '"…," tweeted another', "That attitude, many argue, …": nobody named, but someone
        if (opening := subject_before_split(verb)) is not None:
            return opening  # 'Okoro, after residents stormed in, yelling "Shame!", said': cut at the "!"
        if (aside_of := self._before_dashed_aside(verb)) is not None:
            return aside_of  # "Roe - who once said he would "…" the Islamic State - said": Roe, not the State
        # Parser missed it: the nearest name or pronoun next to the verb, outside any quote, and
        # outside a parenthesis closed right before it ("Tom Ardery (R-WI) said": not the seat)
        shut = set()
        if verb.i > 0 and doc[verb.i - 1].text == ")":
            opening = next((t.i for t in reversed(doc[max(0, verb.i - 8) : verb.i - 1]) if t.text == "("), None)
            shut = set(range(opening, verb.i)) if opening is not None else shut
        near = sorted(
            (t for t in doc[max(self.sent(verb.i).start, verb.i - 4 - len(shut)) : min(self.sent(verb.i).end, verb.i + 5)]
             if t.i != verb.i and t.i not in shut and not self.in_quote(t.idx)
             and (coarse_pos(t) == "PROPN" or t.lower_ in PRONOUNS or t.ent_type_ in ("PERSON", "ORG")
                  # '"…," Will wrote': a name the tagger took for another word, mid-sentence
                  or t.text[:1].isupper() and self.sent(t.i).start < t.i < verb.i
                  and (known := self.lookup(t.text, "PERSON", at=t.idx)) is not None and known.kind == "PERSON")),
            key=lambda t: abs(t.i - verb.i),
        )
        if not near:
            return None
        tok = near[0]
        while tok.dep_ in ("compound", "poss") and coarse_pos(tok.head) == "PROPN" and tok.head.i > tok.i:
            tok = tok.head  # "asked Mr. Manafort": the name the title and first names lead to; "opined
            # Cleveland's Plain Dealer": the paper, not the city it belongs to
        return tok
