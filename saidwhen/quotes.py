"""Quoted spans: where quotation marks open and close, and whether what they hold is speech.

Scanning quote marks is cheap and needs no parse, so it runs on the whole text; only the text
around speech is parsed later (see ``speakers``). The scanner works one paragraph (line) at a time
and understands straight and curly double quotes, wire-style ````…''`` pairs, guillemets and
British single quotes, never mistaking an apostrophe (“We’ve”) for a closing mark. A quote left
open at the end of its paragraph continues into the next paragraph when that one reopens;
any other unclosed mark gives a low-confidence span that ends with its paragraph instead of
swallowing the rest of the article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import NonQuote

#: Words that introduce a title or a name: a short capitalised quoted string after one is not speech.
TITLE_CUES = frozenset(
    """song single track album record ep anthem hit ballad tune film movie documentary
    book novel memoir biography essay poem column article series show sitcom drama episode season
    podcast play musical opera production painting exhibition exhibit sculpture bill act law
    amendment measure report study paper program programme initiative campaign operation project
    slogan motto hashtag tour festival game app brand titled entitled dubbed nicknamed called named
    renamed branded labelled labeled christened alias headline chant catchphrase mantra performance
    rendition cover version premiere screening sang sing sings performed perform performs recorded
    released releases release starred stars star featured""".split()
)
#: Of those, the ones that name rather than title (a nickname, a label).
NAME_CUES = frozenset("dubbed nicknamed called named renamed branded labelled labeled christened alias".split())

_WORD = re.compile(r"[\w’'][\w’'\-.]*")
#: A broadcaster's or paper's possessive ("NBC's", "Fox News'"), before the name of one of its programmes.
_AFTER_OUTLET = re.compile(r"\b(?:[A-Z]{2,}|[A-Z][a-z]+ (?:News|Radio|Network|Television|TV))(?:'s|’s|'|’)\s*$")
_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as is are be my your our its his her their vs. vs".split())
_BEFORE_NICKNAME = re.compile(r"(?:\b[A-Z][a-z]+|\b[A-Z]\.)$")
_AFTER_NICKNAME = re.compile(r"\s+[A-Z][a-z]")
_SENT_END = re.compile(r"[.!?…][\"”’')\]]*$")


@dataclass
class Span:
    """A stretch of quoted text in one paragraph, before it is judged speech or not."""

    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, trailing comma dropped)
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset just past the closing mark, or None when unclosed
    paragraph: int
    closed: bool
    continued: bool = False  # reopens a quote left unclosed at the end of the previous paragraph
    continues: bool = False  # left unclosed at its paragraph end, reopened in the next
    kind: str = "direct"
    speech: bool = True
    reason: str | None = None

    @property
    def outer_end(self) -> int:
        """Offset just past the span including its closing mark (or its paragraph end)."""
        return self.close_at if self.close_at is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` as ``(start, end)`` offsets: the paragraphs of a news article."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos = end + 1
    return out


def _is_opening_context(text: str, i: int, pstart: int) -> bool:
    """Whether a symmetric mark at ``i`` is placed like an opening mark (space or start before it).
    Invisible format characters before it do not count: a reader's comment pasted from a
    right-to-left page opens "\u202a”Sorry Sarah, …”", the embedding mark unseen."""
    j = i - 1
    while j >= pstart and unicodedata.category(text[j]) == "Cf":
        j -= 1
    prev = text[j] if j >= pstart else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/:;,") and not nxt.isspace()


def _stray_close(text: str, i: int, ps: int, pe: int, out: list[Span]) -> bool:
    """Whether a straight double mark at ``i``, where no quotation is open, is placed like a closing
    mark: right after a word or a punctuation mark, and before a space, a punctuation mark or the
    paragraph's end (a quick look at [her] files" showing …, 6'3" tall). An outlet that
    lost a quotation's opening mark (or a height in feet and inches) leaves one; read as an opening,
    it would pair with the next quotation's opening mark and every mark after it would be read the
    wrong way round, the quotations between them lost. Not when the paragraph's last quotation
    (``out``) closed at a mark placed like an opening one: that mark opened a quotation within it
    ("… if somebody says, "I'd like a thousand rounds," you might wonder."), and this one closes the
    inner quotation, the outer one going on after it."""
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + 1] if i + 1 < pe else " "
    if prev.isspace() or prev in "([{—–-/“‘" or not (nxt.isspace() or nxt in ".,;:!?)]"):
        return False
    last = out[-1] if out else None
    return not (last is not None and last.close_at is not None and _is_opening_context(text, last.close_at - 1, ps))


def _single_close(text: str, i: int, pend: int, mark: str = "’") -> int | None:
    """The closing mark for a single quote opened at ``i``: the first one not followed by a letter
    that ends a word or a sentence, skipping apostrophes ("we’ve", "’90s", "the players’ union");
    None when the paragraph holds no such mark."""
    j = i + 1
    while True:
        j = text.find(mark, j, pend)
        if j < 0:
            return None
        nxt = text[j + 1] if j + 1 < pend else " "
        prev = text[j - 1]
        if not nxt.isalnum() and (prev in ".,!?…;:—-" or prev.isalnum() and not _plural_possessive(text, j, pend)):
            return j
        j += 1


#: Words that follow a closing quote mark far more often than they follow a plural possessive.
_AFTER_CLOSE = frozenset(
    "and or but that as in on at to for with from by of is was were are he she it they which who when "
    "after before because if so then than while said says told added".split()
)


def _plural_possessive(text: str, j: int, pend: int) -> bool:
    """Whether the mark at ``j`` is the apostrophe of "the players’ union" rather than a closing
    quote: after an s, followed by a word that is not one that usually follows a quotation."""
    if text[j - 1] not in "sS" or text[j + 1 : j + 2] != " ":
        return False
    m = re.match(r"[A-Za-z]+", text[j + 2 : pend])
    return bool(m) and m.group().lower() not in _AFTER_CLOSE


def _opens_speech(text: str, i: int, ps: int) -> bool:
    """Whether an unclosed single mark at ``i`` opens a quotation that runs to the paragraph end:
    it starts the paragraph or follows a colon, and a capital letter follows it."""
    before = text[ps:i].rstrip()
    return (not before or before.endswith(":")) and text[i + 1 : i + 2].isupper()


def _opens_doubled(text: str, i: int, ps: int, pe: int) -> bool:
    """Whether two apostrophes at ``i`` open a quotation, as archives that flatten curly quotes
    print them (''We will,'' she said): placed like an opening mark, with a pair to close it
    later in the paragraph."""
    if not text.startswith("''", i) or i + 2 >= pe or text[i + 2].isspace():
        return False
    prev = text[i - 1] if i > ps else " "
    return (prev.isspace() or prev in "([{—–-/:;,") and text.find("''", i + 3, pe) > 0


_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_OPEN_DOUBLE = {"“": "”", "«": "»", "„": "“"}


def scan(text: str) -> list[Span]:
    """Every quoted span in ``text``, in order, with multi-paragraph quotes linked."""
    spans: list[Span] = []
    paras = paragraphs(text)
    for pi, (ps, pe) in enumerate(paras):
        spans.extend(_scan_paragraph(text, ps, pe, pi))
    # A quote left open at its paragraph's end continues when the next paragraph reopens: the
    # convention for a quotation that runs over several paragraphs.
    for a, b in zip(spans, spans[1:]):
        if not a.closed and b.paragraph == a.paragraph + 1 and b.open_at == paras[b.paragraph][0]:
            a.continues = True
            b.continued = True
    return _with_block_quotes(text, paras, spans)


#: A paragraph that ends by introducing what someone wrote or said: "Hewitt writes:", "In a speech
#: last fall, she said:", "Soerens argued that:".
_BLOCK_LEAD = re.compile(
    r"\b(?:said|says|wrote|writes|tweeted|tweets|posted|posts|added|adds|stated|states|explained|explains|"
    r"declared|declares|argued|argues|continued|continues|concluded|concludes|warned|warns)(?:\s+that)?\s*:$")


def _with_block_quotes(text: str, paras: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """``spans`` with the block quotations a plain-text article prints without marks: the whole
    paragraph after one that ends "Hewitt writes:", where a quote mark would open a quotation (the
    page set it off as a block quote, which plain text loses). Not a paragraph that holds quote marks
    of its own or markup, nor one after a paragraph whose quotation is still open."""
    used = {sp.paragraph for sp in spans}
    open_at_end = {sp.paragraph for sp in spans if not sp.closed}
    out = []
    for pi in range(len(paras) - 1):
        (ps, pe), (qs, qe) = paras[pi], paras[pi + 1]
        if not _BLOCK_LEAD.search(text, ps, pe) or pi + 1 in used or pi in open_at_end:
            continue
        if not (text[qs].isupper() or text[qs].isdigit()) or "<" in text[qs:qe] or len(text[qs:qe].split()) < 4:
            continue  # a sentence of its own, opening in capitals, no markup (an embedded post), not a fragment
        out.append(Span(qs, qe, qs, qe, pi + 1, True, kind="direct"))
    return sorted(spans + out, key=lambda sp: sp.open_at) if out else spans


#: The characters ``_scan_paragraph`` acts on, open quotation or not; it skips the others.
_MARK = re.compile("[\"'`“”«»„‘]")


def _scan_paragraph(text: str, ps: int, pe: int, pi: int) -> list[Span]:
    """Quoted spans of one paragraph ``text[ps:pe]``."""
    out: list[Span] = []
    i = ps
    open_at = None  # offset of the pending opening mark
    open_len = 0
    closer = ""  # what closes it
    while i < pe:
        mark = _MARK.search(text, i, pe)  # no other character changes anything: go to the next mark
        if mark is None:
            break
        i = mark.start()
        c = text[i]
        if open_at is None:
            if c in "\"'" and i > ps and text[i - 1] == "=":  # markup: <tweet author="…">, never speech
                close = text.find(c, i + 1, pe)
                i = close + 1 if close > 0 else i + 1
                continue
            if c in "“\"" and text.startswith("<", i + 1) and _TAG.match(text, i + 1):
                i += 1  # a mark before a tag ("…“<tweet/>"): it opens no quotation
                continue
            if c in "\"'" and text.startswith(">", i + 1):
                i += 1  # the end of a tag's attribute whose value ran over a line break (date="May 9\n">): markup
                continue
            if c in _OPEN_DOUBLE:
                open_at, open_len, closer = i, 1, _OPEN_DOUBLE[c]
            elif c == '"' and _stray_close(text, i, ps, pe, out):
                pass  # a closing mark whose opening is lost, or an inch mark (6'3"): it opens nothing
            elif c == '"' or (c == "”" and _is_opening_context(text, i, ps)):
                open_at, open_len, closer = i, 1, c
            elif c == "`" and text.startswith("``", i) or c == "'" and _opens_doubled(text, i, ps, pe):
                open_at, open_len, closer = i, 2, "''"
                i += 1
            elif c in "‘'" and i + 1 < pe and text[i + 1].isalpha() and _is_opening_context(text, i, ps):
                j = _single_close(text, i, pe, "’" if c == "‘" else "'")
                if j is not None:
                    _add(out, text, i, 1, j, 1, pi)
                    i = j + 1
                    continue
                if _opens_speech(text, i, ps):
                    _add(out, text, i, 1, pe, 0, pi)
                    break
        else:
            if closer == "''":
                if text.startswith("''", i):
                    if text.startswith("'''", i):  # a single quote closes inside: ''It said 'no.'''
                        i += 1
                    _add(out, text, open_at, open_len, i, 2, pi)
                    open_at = None
                    i += 2
                    continue
                if text.startswith("``", i):  # a new opening: the previous one never closed
                    _add(out, text, open_at, open_len, i, 0, pi)
                    open_at, open_len = i, 2
                    i += 2
                    continue
            elif c == closer or (closer in '"”' and c in '"”'):
                _add(out, text, open_at, open_len, i, 1, pi)
                open_at = None
            elif c == "“" and closer == "”" and (text[i - 1] in ",.!?…" or text[i - 1].isalnum()) \
                    and (i + 1 >= pe or text[i + 1].isspace()):
                # a misprinted closing mark, placed like one: "Not yet,“ he said; called it “abhorrent“ in a tweet
                _add(out, text, open_at, open_len, i, 1, pi)
                open_at = None
            elif c == "“" and closer == "”" and _nested_double(text, i, pe):
                i = text.find("”", i + 1, pe)  # “… “a quotation within” …”: the outer goes on past it
            elif c in "“«" and closer in "”»":  # reopened before closing: end the first there
                _add(out, text, open_at, open_len, i, 0, pi)
                open_at, open_len, closer = i, 1, _OPEN_DOUBLE[c]
        i += 1
    if open_at is not None:
        cue = _UNCLOSED_CUE.search(text, open_at, pe) if open_at == ps and closer in '"”' else None
        if cue is not None:  # "There was no time, said Kessel, who …": the closing mark left out
            _add(out, text, open_at, open_len, cue.start() + 1, 0, pi)
            if out and out[-1].open_at == open_at:
                out[-1].closed, out[-1].close_at = True, cue.start() + 1
        else:
            _add(out, text, open_at, open_len, pe, 0, pi)
    return out


def _nested_double(text: str, i: int, pe: int) -> bool:
    """Whether a curly opening mark at ``i``, inside a quotation still open, opens a quotation
    within it (“Brenner’s claim that “the levy will pay for every repair” shows …,” Adler wrote): it
    closes, and another closing mark follows in the paragraph before any new opening, closing the
    outer one. Otherwise the outer quotation was left unclosed and this one starts afresh."""
    close = text.find("”", i + 1, pe)
    if close < 0:
        return False
    after = text.find("”", close + 1, pe)
    reopen = text.find("“", close + 1, pe)
    return after >= 0 and (reopen < 0 or after < reopen)


#: A speech verb and a name after a comma inside a quotation that never closes: where it ends.
_UNCLOSED_CUE = re.compile(r",\s+(?:said|says|added|adds|told|wrote|writes)\s+(?=[A-Z])")


def _add(out: list[Span], text: str, open_at: int, open_len: int, close_at: int, close_len: int, pi: int) -> None:
    """Record the span between an opening mark and its closing mark (``close_len`` 0: unclosed)."""
    s, e = open_at + open_len, close_at
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and text[e - 1] == ",":
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    if e <= s:
        return
    closed = close_len > 0
    out.append(Span(s, e, open_at, close_at + close_len if closed else None, pi, closed))


# --- judging spans -----------------------------------------------------------------------------

SPEECH_WORDS = frozenset(
    """say says said saying tell tells told telling add adds added adding write writes wrote written
    writing post posts posted posting tweet tweets tweeted caption captions captioned explain
    explains explained continue continues continued conclude concludes concluded insist insists
    insisted argue argues argued warn warns warned note notes noted ask asks asked reply replies
    replied respond responds responded state states stated declare declares declared claim claims
    claimed announce announces announced admit admits admitted acknowledge acknowledges acknowledged
    recall recalls recalled remark remarks remarked comment comments commented emphasize emphasized
    emphasised stress stresses stressed observe observes observed suggest suggests suggested describe
    describes described call calls called quip quips quipped joke jokes joked shout shouted yell
    yelled scream screamed whisper whispered sigh sighed exclaim exclaimed urge urges urged plead
    pleaded testify testified testifies confirm confirms confirmed deny denies denied predict predicts
    predicted promise promises promised vow vows vowed boast boasted complain complains complained
    concede concedes conceded contend contends contended maintain maintains maintained assert asserts
    asserted allege alleges alleged reveal reveals revealed recount recounted reflect reflected muse
    mused wonder wondered agree agreed counter countered retort retorted repeat repeated pledge pledged
    texted emailed messaged shared posted blasted slammed praised hailed lamented mourned added
    according quoted telling speaking spoke speak speaks answer answered answers recalling adding
    cautioned caution cautions proclaimed proclaim proclaims pointed point points reiterated
    reiterate reiterates stating explaining arguing warning noting insisting writes interject interjects
    interjected liken likens likened likening bark barks barked snap snaps snapped mutter mutters
    muttered gush gushes gushed rave raves raved growl growls growled scoff scoffs scoffed chide
    chides chided gripe gripes griped grumble grumbles grumbled grouse grouses groused marvel
    marvels marveled marvelled opine opines opined confess confesses
    confessed boomed bellow bellows bellowed holler hollered shouting shouts yelling yells screaming
    screams chant chants chanted chanting asking replying responding declaring joking quipping
    vowing pledging promising complaining predicting""".split()
)


def speech_word_near(text: str, start: int, end: int) -> bool:
    """Whether a speech verb ("said", "told", "according to"...) occurs in ``text[start:end]``."""
    return any(w.lower().rstrip(".") in SPEECH_WORDS for w in _WORD.findall(text[start:end]))


#: What follows the title of a piece in a reading list: its author ("…," by the Courier's Ana Brandt).
_BYLINE = re.compile(r"[\"”’']?,?[\"”’']?\s+by\s+(?:the\s+)?(?!the\s+way\b)[A-Z]")


def _ends_reported_clause(prefix: str, content: str) -> bool:
    """Whether a quotation after a comma finishes a "said that …" clause of the writer's ("said
    that when the banks failed, "she spoke for us.""): it opens in lower case, and the sentence
    before it has a speech verb followed by "that". Such a quotation is part of a mixed one."""
    if not content[:1].islower():
        return False
    words = [w.lower().rstrip(".") for w in _words(prefix)]
    return any(w == "that" and any(v in SPEECH_WORDS for v in words[max(0, i - 3) : i]) for i, w in enumerate(words))


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _is_title_case(words: list[str]) -> bool:
    """Whether every major word is capitalised, as in a title ("Never Break", "Gone With the Wind")."""
    major = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(major) and all(w[0].isupper() or w[0].isdigit() for w in major)


def sentence_bounds(text: str, spans: list[Span], pstart: int, pend: int) -> list[tuple[int, int]]:
    """Writer's sentences of a paragraph, ignoring sentence-final punctuation inside quotes."""
    inside = [(s.open_at, s.outer_end) for s in spans]
    bounds = []
    start = pstart
    for m in re.finditer(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘«`(\[]?[A-Z0-9])", text[pstart:pend]):
        cut = pstart + m.start()
        if any(a <= cut < b for a, b in inside):
            continue
        prev_word = text[max(pstart, cut - 4) : cut + 1]
        if re.search(r"\b(Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Jr|Sr|Inc|Co|No|U\.S|[A-Z])\.$", prev_word):
            continue
        end = pstart + m.end()
        bounds.append((start, end))
        start = end
    bounds.append((start, pend))
    return bounds


#: What may stand around a heading on its own line: spaces and the dashes some wires frame it with.
_HEADING_FRAME = " \t–—-"


def _subhead(text: str, sp: Span, ps: int, pe: int) -> bool:
    """Whether a quote is a section heading: a short paragraph of its own, past the headline, in
    single quotation marks ('A change warrior.', ‘Relationships that last.’, "– ‘Who cares?’ –."), as
    papers head the sections of a long story with a phrase from it."""
    if sp.paragraph == 0 or not sp.closed or sp.close_at is None or text[sp.open_at] not in "'‘" \
            or text[sp.open_at : sp.open_at + 2] == "''":
        return False
    # the wires frame a heading with dashes: "– 'Who cares?' –."
    return not text[ps : sp.open_at].strip(_HEADING_FRAME) and not text[sp.close_at : pe].strip(_HEADING_FRAME + ".") \
        and len(_words(text[sp.start : sp.end])) <= 12


#: An "according to" phrase still open before a quote, which a determiner or a possessive ends: the
#: quote is inside the name of the source ("according to her "clawback" plan", "the "Ferries for all" document").
_IN_SOURCE = re.compile(r"\baccording to(?: [^\s,;:.!?\"“”]+){0,3}? (?:the|a|an|her|his|its|their|our|[\w.]+['’]s)\s*$", re.I)
#: What follows a name inside a noun phrase: the phrase goes on ("… plan", "… document he released").
_NAME_GOES_ON = re.compile(r"[\"”’']*\s+(?:and\s+)?[a-z]")
#: What a writer puts before a term to keep their distance from it: the so-called "rebels".
_SO_CALLED = re.compile(r"\bso\s*[-‐]?\s*called\s*$", re.I)  # "so-called", "so called", "so- called"


def judge(text: str, spans: list[Span], paras: list[tuple[int, int]]) -> list[NonQuote]:
    """Mark each span as direct or partial speech, or as a title, name or scare quote (returned)."""
    by_para: dict[int, list[Span]] = {}
    for s in spans:
        by_para.setdefault(s.paragraph, []).append(s)
    for pi, pspans in by_para.items():
        ps, pe = paras[pi]
        sents = sentence_bounds(text, pspans, ps, pe)
        for sp in pspans:
            ss, se = next(((a, b) for a, b in sents if a <= sp.open_at < b), (ps, pe))
            if sp.continued:
                sp.kind = "direct"
                continue
            if _subhead(text, sp, ps, pe):
                sp.speech, sp.reason = False, "heading"  # 'A change warrior.': a section's heading
                continue
            before = text[ss : sp.open_at]
            prefix = before.rstrip()
            content = text[sp.start : sp.end]
            words = _words(content)
            starts_sentence = not prefix or prefix[-1] in ":,;—–-" or _SENT_END.search(prefix)
            after_close = sp.outer_end
            looks_full = bool(_SENT_END.search(content)) or (
                sp.close_at is not None and text[sp.end : sp.close_at].startswith(",")
            )
            has_speech = speech_word_near(text, ss, sp.open_at) or speech_word_near(text, after_close, se)
            prev_words = [w.lower() for w in _words(prefix)[-4:]]
            next_words = [w.lower() for w in _words(text[after_close:se])[:2]]
            title_case = _is_title_case(words)
            short = len(words) <= 8
            cue_before = next((w for w in reversed(prev_words) if w in TITLE_CUES), None)
            cue_after = next((w for w in next_words if w in TITLE_CUES), None)
            full_stop = bool(_SENT_END.search(content)) and len(words) > 1 and not title_case
            if len(words) == 1 and words[0][:1].isupper() and _BEFORE_NICKNAME.search(prefix) \
                    and _AFTER_NICKNAME.match(text, after_close):
                sp.speech, sp.reason = False, "name"  # Robert C. "Bobby" Scott: a nickname inside a name
            elif _BYLINE.match(text, sp.close_at if sp.close_at is not None else after_close) and content[:1].isupper() \
                    and (title_case or not prefix or prefix[-1] in ":—–-(" or _SENT_END.search(prefix)):
                # not a passive's agent: the plan was "rocked" by the vote
                sp.speech, sp.reason = False, "title"  # "Why ferries matter," by Tom Reyes: a piece and its author
            elif prev_words and (prev_words[-1] in ("titled", "entitled") or prev_words[-1] in TITLE_CUES and title_case):
                sp.speech, sp.reason = False, "title"  # the book "Backfire: A Long Title of Many Words"
            elif short and title_case and not full_stop and _AFTER_OUTLET.search(prefix):
                sp.speech, sp.reason = False, "title"  # NBC's "Today": the outlet's programme, not its words
            elif short and title_case and (
                cue_before or cue_after or len(words) >= 2 and not full_stop or not looks_full and not has_speech
            ) and not (starts_sentence and looks_full and not (cue_before or cue_after)) \
                    and not (sp.paragraph == 0 and prefix.endswith(":") and len(words) >= 3 and not cue_before):
                # (a headline's "Gillibrand on the Speeches: 'I Think She Will'" is speech in title case)
                sp.speech = False
                named = cue_before in NAME_CUES or (prev_words[-2:] == ["known", "as"])
                sp.reason = "name" if named else "title"
            elif len(words) <= 4 and content[:1].isupper() and not full_stop and (
                    prev_words[-2:] == ["known", "as"] or prev_words[-1:] in (["dubbed"], ["nicknamed"], ["christened"])):
                sp.speech, sp.reason = False, "name"  # the hacker known as "Guccifer": a name, whatever verb follows
            elif _SO_CALLED.search(prefix) and len(words) <= 4 and not full_stop:
                sp.speech, sp.reason = False, "scare"  # the so-called "rebels": the writer's label, nobody's words
            elif _IN_SOURCE.search(prefix) and len(words) <= 12 and not full_stop and _NAME_GOES_ON.match(text, after_close):
                # according to her "clawback" plan, …: a name in the phrase that gives the source, not its words
                sp.speech, sp.reason = False, "title"
            elif short and title_case and not _SENT_END.search(content) and not has_speech and sp.close_at is not None \
                    and text[sp.end : sp.close_at].startswith(","):
                # ''Billions,'' on Showtime, is a drama; his memoir, "A Time for Truth," came out in 2015: a
                # title set off by commas in a sentence in which nobody speaks
                sp.speech, sp.reason = False, "title"
            elif starts_sentence and (looks_full or not prefix or prefix[-1] in ":,") and not _ends_reported_clause(prefix, content):
                sp.kind = "direct"
            elif content[:1].isupper() and looks_full and not _is_title_case(words[:3]) and len(words) > 3:
                sp.kind = "direct"
            else:
                sp.kind = "partial"
                if len(words) <= 3 and not has_speech:
                    sp.speech = False
                    sp.reason = "scare"
    # A string once known to be a title or a name is one wherever it appears; not one a title-case
    # headline capitalised ("Speaks 'Directly To Voters'"), whose case says nothing.
    first = text.find("\n")
    headline = first if first > 0 and _is_title_case([w.strip("'‘’") for w in _words(text[:first]) if w.strip("'‘’")]) else 0
    titles = {_key(text[s.start : s.end]): s.reason for s in spans
              if not s.speech and s.reason not in ("scare", "heading") and s.start >= headline}
    for sp in spans:
        if sp.speech and titles.get(_key(text[sp.start : sp.end])):
            sp.speech, sp.reason = False, titles[_key(text[sp.start : sp.end])]
    return [NonQuote(text[s.start : s.end], s.start, s.end, s.reason or "scare") for s in spans if not s.speech]


def _key(s: str) -> str:
    return " ".join(_words(s)).lower()
