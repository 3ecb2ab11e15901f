"""Reported speech: what people are said to have said, without quotation marks around it.

Much of what a news story attributes is reported, not quoted: "The minister said the plan would be
delayed", "According to police, the driver was not injured", "The bridge will close, the council
said". This stage finds the *content* of such attributions in the parse the attribution already
has: the clause a reporting verb governs, the to-infinitive of a promise ("vowed to appeal"), the
clause an "according to" phrase modifies, or the clause a parenthetical attribution interrupts.
The speaker comes from the same ``Attributor`` as direct quotes, so "he", "Legend" and "John
Legend" are one person whichever way he is reported.

Left out, because they report no proposition: most noun-phrase objects ("said goodbye"), negated
verbs ("did not say that …"), and the writer's own framing with no speaker ("it is said that …",
"it was reported that …").

Some noun-phrase objects are kept, as kind ``summary``: the writer's summary of a demand or a
verdict someone voiced, with "call" ("called for an inquiry", "called on the board to resign",
"called the plan a disgrace"), "urge" and "ask … to"; and what someone made public with
"announce" or "report" ("announced his candidacy", "reported earnings of $8 a share"). Real news
attributes these as often as it quotes, and annotated corpora (PolNeAR) count them as
attributions. Questions ("asked whether …", "Asked about the budget, she said …") are kind
``question``; a passive one's asker is the "by" agent or nobody, never the one who answers. So is
what someone would not say ("would not say whether he would run", "did not say when"), which news
reports as an attribution, though a negated statement ("did not say that …") is none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .choice import choose
from .lexicon import ASIDES, SPEECH_LEMMAS, aside_before_head, before_colon, coarse_pos, dateline_end, enclosing_brackets, first_verb_subject, inverted_aside, participle_subject, subject_aside, tokens_among, writers_hedge
from .speakers import Attribution, Attributor

#: Reporting verbs whose clause is what someone said, by word form (the lemmatizer does not run).
REPORTING = frozenset(
    """say says said saying tell tells told telling add adds added adding write writes wrote writing
    written post posts posted tweet tweets tweeted explain explains explained explaining insist
    insists insisted insisting argue argues argued arguing warn warns warned warning note notes
    noted noting reply replies replied respond responds responded state states stated stating
    declare declares declared claim claims claimed claiming announce announces announced
    announcing admit admits admitted acknowledge acknowledges acknowledged acknowledging recall
    recalls recalled remark remarks remarked comment comments commented emphasize emphasizes
    emphasized emphasise emphasises emphasised stress stresses stressed stressing observe observes
    observed suggest suggests suggested suggesting testify testifies testified confirm confirms
    confirmed confirming deny denies denied denying predict predicts predicted predicting concede
    concedes conceded contend contends contended maintain maintains maintained assert asserts
    asserted allege alleges alleged alleging reveal reveals revealed disclose discloses disclosed
    agree agreed counter countered retort retorted repeat repeated reiterate reiterates reiterated
    caution cautions cautioned complain complains complained boast boasts boasted conclude
    concludes concluded estimate estimates estimated report reports reported indicate indicates
    indicated hint hints hinted inform informs informed assure assures assured remind reminds
    reminded point pointed points signal signalled signaled proclaim proclaimed answer answered
    shout shouted texted emailed messaged recount recounted acknowledge joke jokes joked joking quip
    quips quipped charge charges charged clarify clarifies clarified speculate speculates speculated
    speculating lament laments lamented lamenting bemoan bemoans bemoaned protest protests protested
    swear swears swore imply implies implied echo echoes echoed""".split()
)
#: What a speaker does beside speaking, joined to the speech verb but often hung inside its clause
#: by the parser ("said he was grateful and promised to return"): the content ends before it.
ACTS = frozenset(
    """praised accused thanked apologised apologized urged called criticised criticized blamed
    welcomed condemned defended declined refused described dismissed rejected congratulated
    appealed hailed questioned asked challenged vowed pledged promised threatened""".split()
)
#: Reporting verbs whose passive subject is the one told, not what was said: "she was told by …".
ADDRESSED = frozenset("""tell tells told telling inform informs informed assure assures assured remind reminds
    reminded warn warns warned warning caution cautions cautioned answer answered""".split())
#: Reporting verbs whose passive with "by" is mostly another sense: "data maintained by a vendor", "stressed
#: by the guards", "charged by prosecutors", "observed by millions", "protested by unions", "countered by",
#: "listings are written by users" (who wrote it, not what anyone said).
OTHER_SENSE = frozenset("""maintain maintains maintained stress stresses stressed charge charges charged observe
    observes observed protest protests protested counter countered point pointed points signal signalled
    signaled write writes wrote written""".split())
#: Verbs of refusing, whose reporting complement was not said.
REFUSALS = frozenset("declined declines decline refused refuses refuse".split())
#: Verbs whose content may be a to-infinitive: "vowed to appeal the ruling".
PROMISING = frozenset(
    "promise promises promised promising pledge pledges pledged pledging vow vows vowed vowing".split()
)
#: Verbs whose prepositional object is what someone spoke of, by form, with those prepositions:
#: "warned of a long winter", "wrote about the visit", "argued against intervention", "complained
#: about the tone", "boasted of his skills", "joked about moving abroad". PolNeAR train less its blind
#: tenth marks nearly all of these an attribution ("wrote on Facebook", a venue, is no such object).
SPOKEN_OF = {
    **dict.fromkeys("warn warns warned warning".split(), ("of", "about", "against")),
    **dict.fromkeys("write writes wrote writing written".split(), ("about", "of")),
    **dict.fromkeys("argue argues argued arguing".split(), ("for", "against")),
    **dict.fromkeys("complain complains complained complaining".split(), ("about", "of")),
    **dict.fromkeys("boast boasts boasted boasting brag brags bragged bragging".split(), ("about", "of")),
    **dict.fromkeys("joke jokes joked joking".split(), ("about",)),
}
#: Forms of "tell", whose object and infinitive are an instruction: "told Bush to quiet down".
TELLING = frozenset("tell tells told telling".split())
#: Verbs whose "how …" or "why …" clause is what someone told, not a question.
EXPLAINING = frozenset("explain explains explained explaining recount recounts recounted detail details detailed".split())
#: Verbs whose "how", "what" or "why" clause is what was told, not a question put: the explaining
#: verbs, and "noted how happy she was", "recalled what it was like" (PolNeAR train less its blind
#: tenth marks 6 of 7 such clauses after "noted" and "recalled").
TELLING_HOW = EXPLAINING | frozenset("note notes noted noting recall recalls recalled recalling".split())
#: Verbs whose noun-phrase object is what someone made public ("announced his candidacy", "noted
#: the change", "cited a study", "expressed concern that …", "voiced support for …", "touted his record",
#: "mentioned the flooding"; the last three, ``OBJECT_ONLY``, are read for their object alone: "the names
#: mentioned are …" reports nothing), unlike "said goodbye", "told reporters", "wrote a book" or
#: "posted a photo" (verbs whose object was another's speech, or lay inside it, less than three times in
#: four on PolNeAR train are left out; voiced/touted/mentioned: 32 and 9 inside of 44).
ANNOUNCING = frozenset(
    """announce announces announced announcing report reports reported reporting note notes noted
    acknowledge acknowledges acknowledged reveal reveals revealed disclose discloses disclosed
    cite cites cited outline outlines outlined detail details detailed unveil unveils unveiled
    propose proposes proposed demand demands demanded pledge pledges pledged dispute disputes
    disputed recall recalls recalled recalling tweet tweets tweeted explain explains explained express expresses
    expressed expressing reiterate reiterates reiterated reiterating""".split()
) | (DENYING := frozenset("deny denies denied denying".split())) | (OBJECT_ONLY := frozenset(
    "voice voices voiced voicing tout touts touted touting mention mentions mentioned mentioning".split()))
#: Prepositions that go on with a noun's phrase ("her opposition to …", "an image of …").
OBJECT_PREPS = frozenset("of to for against about with alongside toward towards between over".split())
#: What a denial refuses rather than disputes: "denied the request" is no statement.
REFUSED = frozenset("""request requests motion motions application applications permit permits access entry
    bail appeal appeals petition petitions permission visa visas service coverage""".split())
#: Forms of "call", whose noun-phrase object can be what was said (see ``_summary``).
CALLING = frozenset("call calls called calling".split())
#: Verbs that name what something is in someone's words with "as": "what the builders describe as a
#: pause", "a plan which she described as reckless" (read only with a relative object, see ``_relative_verdict``).
DESCRIBING = frozenset("describe describes described describing dub dubs dubbed term terms termed".split())
#: Verbs whose gerund object is a course someone put forward: "suggested closing the market".
SUGGESTING = frozenset("""suggest suggests suggested suggesting advocate advocates advocated advocating recommend
    recommends recommended recommending""".split())
#: Forms of "ask": the question asked ("asked whether the vote would go ahead") is a quotation
#: of its own kind, ``question``; the request ("asked the council to act") a summary.
ASKING = frozenset("ask asks asked asking".split())
#: Who asks nobody in particular a question: the writer and the reader ("we might ask whether …"),
#: unless the writer reports having asked ("We asked our followers which …", "when I asked him if …").
NO_ASKER = frozenset("i we you one".split())
#: The writer, who may report a question put in the past.
WRITER = frozenset("i we".split())
#: What opens a passive "asked" that puts a question to the subject of the sentence: "when asked …".
WHEN_ASKED = frozenset("when if after once until before while".split())
#: Forms of "urge", whose object and infinitive are a demand: "urged the council to act".
URGING = frozenset("urge urges urged urging".split())
#: The plainest reporting verbs: what follows them is what was said, with little doubt.
PLAIN = frozenset("say says said saying tell tells told telling according".split())
#: Forms of "say", whose object is never the one told.
SAYING = frozenset("say says said saying".split())
#: Verbs that often report the writer's inference rather than a statement.
LOOSE = frozenset(
    """suggest suggests suggested suggesting note notes noted noting indicate indicates indicated
    hint hints hinted signal signalled signaled agree agreed estimate estimates estimated report
    reports reported point pointed points recall recalls recalled reveal reveals revealed""".split()
)
#: Evidence that "suggests" or "indicates" without anyone saying so.
EVIDENCE = frozenset("""test tests data figure figures result results finding findings find finds evidence
    record records number numbers statistic statistics sample samples scan scans reading readings
    measurement measurements trend trends sign signs""".split())
#: Subjects that say nobody said it.
NOBODY = frozenset("nobody no-one none neither".split())
#: Conjunctions opening an adverbial clause, which the parser sometimes hangs on a verb as its content.
ADVERBIAL_MARKS = frozenset("as while whereas after before until though although unless".split())
#: Words opening a clause that is a question, not a statement ("asked whether …").
QUESTION_WORDS = frozenset("whether if how why what when where who whom which".split())
REPORTING_FORMS = REPORTING | PROMISING | {"according"}
#: Every word form ``find_reported`` looks at.
CUE_FORMS = REPORTING_FORMS | CALLING | URGING | ASKING | ANNOUNCING | frozenset(SPOKEN_OF) | DESCRIBING | SUGGESTING
#: Phrases about the speech act rather than its content ("… in a statement", "… on Instagram",
#: "… during a briefing"): the parser often hangs them inside the clause; the content ends there.
SETTING = {
    "in": frozenset("""statement statements interview interviews post posts tweet tweets tribute letter video
        speech remarks filing filings release email e-mail message column op-ed essay caption memo note
        broadcast podcast documents affidavit testimony submission response reply address""".split()),
    "on": frozenset("""instagram twitter x facebook tiktok youtube threads bluesky linkedin reddit radio
        television tv podcast programme program show air""".split()),
    "during": frozenset("""interview briefing hearing conference speech debate session call visit appearance
        broadcast podcast address rally""".split()),
    "at": frozenset("briefing conference hearing rally event summit launch ceremony".split()),
    "through": frozenset("spokesman spokeswoman spokesperson lawyer lawyers attorney attorneys representative representatives agent".split()),
    "via": None,
}
#: Punctuation trimmed from either end of a content span (quotation marks are kept).
EDGE_PUNCT = frozenset(".,;:!?—–-()[]")


@dataclass
class Reported:
    """One reported statement in a parsed document: its content pieces (doc character offsets,
    several when an attribution interrupts the clause) and who said it."""

    pieces: list[tuple[int, int]]
    attribution: Attribution
    confidence: float
    kind: str = "indirect"
    #: Direct quotes that finish this statement's clause ("said the turmoil was not the banks'
    #: fault, "not by a long shot.""): fragments of a mixed quotation, not quotes of their own.
    absorbed: list[tuple[int, int]] = field(default_factory=list)


class Ranges:
    """Sorted, disjoint character ranges, asked whether they hold an offset."""

    def __init__(self, ranges):
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]

    def holds(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ranges[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ranges[i][1] > start


def find_reported(doc: Doc, attributor: Attributor, direct: list[tuple[int, int]], partial: list[tuple[int, int]]) -> list[Reported]:
    """Every reported statement of ``doc`` whose content lies outside the direct quotes.

    ``direct`` are the doc ranges of direct quotes (a clause holding one is a direct quote's
    attribution, not reported speech) and ``partial`` those of quoted fragments, whose own words
    are never taken for the writer's reporting verbs.
    """
    direct_r = Ranges(direct)
    quoted = Ranges(list(direct) + list(partial))
    found: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    shares: dict[int, int] = {}  # a speech act cut out of a clause -> the verb whose speaker does it
    for tok in tokens_among(doc, CUE_FORMS):
        w = tok.lower_
        summary = w in CALLING or w in URGING
        asking = w in ASKING
        if not summary and not asking and w not in REPORTING and w not in PROMISING and w not in ANNOUNCING \
                and w not in SPOKEN_OF and w not in DESCRIBING and w not in SUGGESTING and w != "according":
            continue
        if quoted.holds(tok.idx) or tok.i > 0 and doc[tok.i - 1].text == "<":
            continue  # quoted words, or a tag's name: "<tweet author=…>" is markup, not a verb
        kind = "summary" if summary else "indirect"
        passive = None
        if w in DESCRIBING:
            content, kind = _relative_verdict(tok, quoted), "summary"
        elif w in SUGGESTING and w not in REPORTING:
            content, kind = _suggested_doing(tok), "summary"  # "advocated letting …": read for nothing else
        elif asking:
            content, kind = _asked(tok)
            if not content and (passive := _asked_passive(tok)):
                content, kind = passive[0], passive[2]
        else:
            content = _summary(tok) if summary else None if w in OBJECT_ONLY else _content(doc, tok)
            if content and not summary and _withheld(tok):
                kind = "question"  # "would not say whether …", "declined to say whether …": a question left open
            if not content and w in CALLING:
                content = _called_quoted(doc, tok, partial) or _relative_verdict(tok, quoted)
            if not content and w in DECLARING and (content := _declared_to_be(tok)):
                kind, passive = "summary", (content, _agent(tok))  # "was declared the victor (by …)"
            if not content and w in ANNOUNCING and (content := _announced(tok) or _announced_by(tok)):
                kind = "summary"
            if not content and w in REPORTING and w not in ANNOUNCING and (content := _announced_by(tok)):
                kind = "summary"
            if not content and w in ANNOUNCING and (content := _announced_unnamed(tok)):
                kind, passive = "summary", (content, None)  # announced by nobody named
            if not content and w in SPOKEN_OF and not direct_r.overlaps(tok.sent.start_char, tok.sent.end_char) \
                    and (content := _spoken_of(tok)):
                kind = "summary"  # not '"…," she wrote of the gift': the quote is what she wrote
            if not content and w in TELLING and (content := _instruction(tok) or _story_told(tok)):
                kind = "summary"
            if not content and w in SUGGESTING and (content := _suggested_doing(tok)):
                kind = "summary"
            if not content and w == "say" and (content := _things_to_say_about(tok)):
                kind = "summary"
            if not content and w in REPORTING and (content := _relative_object(tok)):
                kind = "summary"
        if not content:
            continue
        content |= _listed_on(doc, tok, content)
        for trim in (_before_semicolon, _before_comment_dash, _before_trailing_participle, _before_comparison,
                     _before_closing_apposition):
            content = trim(doc, content, tok)
        content = _before_quote_after_colon(doc, content, tok, direct_r)
        if kind in ("summary", "question"):
            content = _noun_before_aside(doc, content, tok)
        if kind == "indirect" and min(content) > tok.i and _after_direct_quote(tok, direct_r):
            continue  # '"…," said Jane Roe, who … yet endorsed …': the quote is what was said
        content, acts = _without_acts(doc, content)
        shares.update((a, tok.i) for a in acts)
        pieces = _pieces(doc, _without_setting(doc, content))
        if not pieces:
            continue
        pieces[0] = (_after_dateline(doc, attributor.text, *pieces[0]), pieces[0][1])
        longest = max(pieces, key=lambda p: p[1] - p[0])
        after = [p for p in pieces if p[0] > tok.i and _has_verb(doc[p[0] : p[1]])]
        if pieces[0][1] <= tok.i and after and not any(_has_verb(doc[a:b]) for a, b in pieces if b <= tok.i):
            longest = after[0]  # "Most patients, according to the department, were children": the predicate
        if len([t for t in doc[longest[0] : longest[1]] if t.is_alpha]) < (1 if kind != "indirect" or doc[longest[0]].lower_ in ("yes", "no", "so") or w == "according" else 2):
            continue
        spans = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in pieces
                 if (a, b) == longest or sum(t.is_alpha for t in doc[a:b]) >= 4]
        absorbed = [(a, b) for a, b in direct if any(a < e and s < b for s, e in spans)]
        if absorbed and (kind != "indirect" or not all(_finishes(doc, content, a, b) for a, b in absorbed)):
            continue
        key = spans[0]
        if key in seen:
            continue
        seen.add(key)
        att = attributor.attribute_cue(tok)
        if tok.i in shares:  # "… said the vote was fair and pledged to …": the one who said it
            outer = attributor.attribute_cue(doc[shares[tok.i]])
            att.speaker, att.mention, att.confidence = outer.speaker, outer.mention, round(outer.confidence * 0.95, 3)
        if passive is None and (agent := _agent(tok)) is not None:
            passive = (content, agent)  # "As reported by the Post, …", "The plan was announced by the mayor"
        if passive:  # "Asked whether …, she said": the asker is the agent, if named, never the one who answers
            att.speaker = att.mention = None
            if passive[1] is not None:
                att.speaker, att.mention, att.confidence = attributor.resolve(passive[1])
        else:
            att = choose(attributor, att, [doc[i] for i in sorted(content)], tok, content, spans)
        found.append(Reported(spans, att, _confidence(tok, att), kind, absorbed))
    return found


def _listed_on(doc: Doc, verb: Token, content: set[int]) -> set[int]:
    """The rest of a list of bare infinitives that the content opens and the parser hung on the
    tensed cue verb, or on a tensed verb above it, instead ("said funds were needed to repair the
    bridge, hire inspectors and reopen the lanes", "as he urged the party to end its caucus, replace
    its leaders and open its contests"): a base form cannot be joined to "said" or "urged", so it
    goes on the content's own infinitive. A clause of its own joined to the list ("… and he
    pledged …") is not part of it."""
    if verb.tag_ in ("VB", "MD") or not content:
        return set()
    last = max((i for i in content if not doc[i].is_punct), default=max(content))
    if not any(doc[i].tag_ == "VB" and i > verb.i and doc[i].dep_ in ("xcomp", "conj", "ccomp", "advcl") for i in content):
        return set()
    owners, node = [verb], verb
    while node.head.i != node.i and node.head.tag_ not in ("VB", "MD") and len(owners) < 4:
        node = node.head
        owners.append(node)
    out: set[int] = set()
    for c in sorted((c for o in owners for c in o.rights), key=lambda t: t.i):
        if c.i <= last or c.dep_ not in ("conj", "advcl") or c.tag_ != "VB":
            continue
        if any(k.dep_ in ("nsubj", "nsubjpass", "aux", "mark", "neg", "auxpass") for k in c.children):
            continue
        gap = doc[last + 1 : c.left_edge.i]
        if c.left_edge.i != c.i or len(gap) > 2 or not all(t.text == "," or t.dep_ == "cc" for t in gap) \
                or not any(t.text == "," for t in gap):
            break
        own = {t.i for k in c.subtree if k.dep_ == "conj" and any(x.dep_ in ("nsubj", "nsubjpass") for x in k.children)
               for t in k.subtree}
        if own:  # "…, fix the system and he pledged …": up to its "and"
            cut = min(own)
            own |= {i for i in range(cut - 2, cut) if doc[i].dep_ == "cc" or doc[i].text == ","}
        out |= {t.i for t in c.subtree} - own
        last = max(i for i in out if not doc[i].is_punct)
    return out


def _before_semicolon(doc: Doc, content: set[int], verb: Token) -> set[int]:
    """What ``verb`` reports up to a semicolon that follows it: "said the vote was fair; the count
    took a week" reports the first clause, and the writer goes on in the second, as PolNeAR's
    annotators read it four times in five."""
    stop = next((i for i in sorted(content) if i > verb.i and doc[i].text == ";"), None)
    if stop is None or not any(i < stop and i > verb.i and doc[i].is_alpha for i in content):
        return content
    return {i for i in content if i < stop}


def _before_comment_dash(doc: Doc, content: set[int], verb: Token) -> set[int]:
    """What ``verb`` reports up to a lone dash after it that sets off the writer's comment on it, a
    noun phrase with no verb of its own running to the sentence's end: "said she was "heartened" by
    the vote — a rare win for Marlowe since 2011, when …". A dash that opens an aside closed by
    another, or leads to a clause, leaves the content whole."""
    after = sorted(i for i in content if i > verb.i)
    dash = next((i for i in after if doc[i].text in ("—", "–", "--") and doc[i].whitespace_ and i > after[0] + 2), None)
    if dash is None or dash + 1 >= len(doc):
        return content
    rest = {i for i in after if i > dash}
    if not rest or any(doc[i].text in ("—", "–", "--") for i in rest):
        return content
    first = doc[dash + 1]
    root = next((doc[i] for i in sorted(rest) if doc[i].head.i not in rest or doc[i].head.i == i), None)
    if first.lower_ not in ("a", "an", "the") or root is None or coarse_pos(root) != "NOUN" \
            or root.dep_ not in ("appos", "npadvmod", "dep", "attr", "dobj"):
        return content
    return {i for i in content if i < dash}


def _before_trailing_participle(doc: Doc, content: set[int], verb: Token) -> set[int]:
    """What ``verb`` reports up to a participle clause after a comma that closes the sentence and
    says what the statement did, not what was said: "declared that he cannot support Trump,
    throwing a wrench in the nominee's efforts". Not one that holds a quoted fragment: those are the
    speaker's own words, so the clause is part of what was said ("said Sanders had been tested,
    coming from far behind to a "dead heat" in Iowa"), unless the participle is a speech act of its
    own ("…, calling it "meritless"")."""
    after = sorted(i for i in content if i > verb.i)
    if len(after) < 4:
        return content
    for i in after[2:]:
        t = doc[i]
        if t.tag_ == "VBG" and t.dep_ == "advcl" and doc[i - 1].text == "," and t.left_edge.i == i \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) \
                and t.right_edge.i >= after[-1] and t.head.i in content and t.head.i != verb.i:
            if _quotes_in(doc, i, after[-1] + 1) and not _speech_participle(t):
                return content  # not "…, calling it "meritless"": a speech act of its own
            return {k for k in content if k < i - 1}
    return content


def _speech_participle(t: Token) -> bool:
    """Whether a participle is a form of a verb of speaking ("calling", "vowing", "pointing", "alleging")."""
    w = t.lower_
    forms = (w, w[:-3], w[:-3] + "e", w[:-3] + "s", w[:-3] + "ed") if w.endswith("ing") else (w,)
    return any(f in SPEECH_LEMMAS or f in CUE_FORMS for f in forms)


def _quotes_in(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` hold a quotation mark: a quoted fragment, the speaker's own words."""
    return any(t.is_quote and t.text not in ("'s", "’s", "'", "’") for t in doc[start:end])


#: Auxiliaries that stand for a verb repeated from the clause before: "…, as has the mayor".
STAND_IN_AUX = frozenset("has have had did does do was were is are would will could".split())


def _before_quote_after_colon(doc: Doc, content: set[int], verb: Token, direct: Ranges) -> set[int]:
    """The content up to a colon that opens a direct quote ("said she had no time to check the
    ledger: "My desk is full"", "… were effective, to which Roe interjected: "Not true.""):
    the quote is said apart, by the speaker or by someone else, and kept whole it would drop the
    statement before it."""
    for i in range(max(min(content), verb.i + 1), max(content)):  # the colon itself may hang on the verb
        if doc[i].text != ":":
            continue
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        if j < len(doc) and direct.holds(doc[j].idx):
            frame = doc[i].head  # the verb the colon hangs on: a speech verb of the content's own leads the quote in
            if frame.i not in content or frame.i == verb.i or frame.lower_ not in SPEECH_LEMMAS:
                cut = i
            elif doc[frame.left_edge.i - 1].text == ",":
                cut = frame.left_edge.i  # "…, to which Roe interjected:": that clause goes too
            else:
                return content  # "said he responded:", "asked why, Roe wrote:": nothing but the quote's lead-in
            kept = {k for k in content if k < cut}
            return kept if _has_verb(doc[k] for k in kept) else content
    return content


def _before_comparison(doc: Doc, content: set[int], verb: Token) -> set[int]:
    """What ``verb`` reports up to a closing "…, as has X" in which the writer sets someone else beside
    the speaker: "said they will not back Trump, as has the mayor of Miami", "said she wants an
    inquiry, as have other Democrats", "said she seldom signs them in person, as was the case on Monday"."""
    after = sorted(i for i in content if i > verb.i)
    for i in after:
        if doc[i].lower_ == "as" and i + 1 < len(doc) and doc[i + 1].lower_ in STAND_IN_AUX and doc[i - 1].text == "," \
                and sum(doc[k].is_alpha for k in after if k < i) >= 3:
            return {k for k in content if k < i - 1}
    return content


def _before_closing_apposition(doc: Doc, content: set[int], verb: Token) -> set[int]:
    """What ``verb`` reports up to an indefinite noun phrase after a comma that closes it and sums up
    its object for the reader, as the lone dash of ``_before_comment_dash`` does: "announced it would
    close up to 40 stores, a retreat matching the closures of 1998", "vowed to repeal the amendment,
    a longstanding provision that …"."""
    after = sorted(i for i in content if i > verb.i)
    words = [i for i in after if not doc[i].is_punct]
    if len(words) < 4:
        return content
    for i in after:
        t = doc[i]
        if t.dep_ != "appos" or coarse_pos(t) != "NOUN" or t.head.i not in content or t.head.i < verb.i or t.head.dep_ in ("nsubj", "nsubjpass"):
            continue
        lead = t.left_edge
        if lead.lower_ not in ("a", "an") or lead.i < 1 or doc[lead.i - 1].text != "," or t.right_edge.i < words[-1] \
                or lead.i - 1 <= after[0] + 2:
            continue
        if any(c.dep_ == "conj" and c.left_edge.lower_ in ("a", "an", "the") for c in t.children):
            continue  # "pledged cooperation, a deep bond, and a close relationship": a list, not an aside
        return {k for k in content if k < lead.i - 1}
    return content


#: Words that open an aside on a noun after a comma: a relative clause or an apposition.
_ASIDE_OPENERS = frozenset("which who whose where the a an".split())
_DASHES = frozenset("— – -- -".split())


def _noun_before_aside(doc: Doc, content: set[int], verb: Token) -> set[int]:
    """What a summary or a question names, up to the writer's aside on it that closes the sentence:
    a relative clause or an apposition after a comma, or a lone dash ("admitted the scale of
    the flooding, which sets her apart", "praised the Bright Steps scheme, the state-funded
    reading club …", "seeks $40 million - a third of what …", "asked about the Ridgeway Guidelines,
    which were drafted under …"). Only a noun phrase after the verb: not a clause ("whether …",
    "to …", "for …"), not one with a quotation, nor one whose aside a second dash closes or an
    infinitive goes on from ("asked Kasich, who is fourth, to lay out his path")."""
    idx = sorted(content)
    if not idx or idx[0] <= verb.i or doc[idx[0]].lower_ in QUESTION_WORDS | {"to", "for"} \
            or _quotes_in(doc, idx[0], idx[-1] + 1):
        return content
    for n, i in enumerate(idx[1:], 1):
        t = doc[i]
        comma = t.lower_ in _ASIDE_OPENERS and doc[i - 1].text == ","
        dash = t.text in _DASHES and t.i - 1 in content and doc[t.i - 1].whitespace_
        if not comma and not dash:
            continue
        tail = [doc[k] for k in idx[n + (0 if comma else 1):]]
        if any(k.text in _DASHES for k in tail) or any(k.lower_ == "to" and k.i + 1 < len(doc) and doc[k.i + 1].tag_ == "VB" for k in tail):
            return content
        kept = {k for k in idx[:n] if not (comma and k == i - 1)}
        return kept if any(doc[k].is_alpha for k in kept) else content
    return content


def _finishes(doc: Doc, content: set[int], start: int, end: int) -> bool:
    """Whether the direct quote at ``start:end`` is the end of a reported clause that opens in the
    writer's words: the parse puts the quote inside the clause, at least three of the writer's words
    come before it and none after, and a comma or a word, not a colon, leads into it ("said the
    plan would fail, "and fail badly."", "disagrees, because "I do not see it.""). """
    inside = [t.i for t in doc if start <= t.idx < end and not t.is_space and not t.is_punct]
    if not inside or not all(i in content for i in inside):
        return False
    before = [i for i in content if i < inside[0] and doc[i].is_alpha]
    after = [i for i in content if i > inside[-1] and doc[i].is_alpha]
    lead = doc.text[: start].rstrip("\"“‘'« ").rstrip()
    return len(before) >= 3 and not after and bool(lead) and (lead[-1] == "," or lead[-1].isalnum())


def _content(doc: Doc, verb: Token) -> set[int] | None:
    """Token indexes of what ``verb`` reports, or None when it reports no statement."""
    w = verb.lower_
    if w == "according":
        if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "to":
            return None
        sent, phrase = verb.sent, [t.i for t in verb.subtree]
        if (that := _that_is_according(verb, verb)) is not None:
            return {that.i}  # the parser made "according" the verb: "That('s AUX) according to …"
        clause = _clause_of(verb)
        # "…, according to three sources who spoke to Fox but were not authorized …": the rest of
        # the sentence goes on describing the sources, whatever verb the parser hung it on
        # Not a clause the phrase interrupts, whose own words open the sentence ("At the root of the
        # dispute, according to Ivers, was a ruling …": an inverted clause, the aside inside it).
        describing = clause is not None and clause.i > max(phrase) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children) and not (
            verb.head.i == clause.i and any(c.i < verb.i and c.dep_ in ("prep", "advmod", "npadvmod") and c.i == sent.start
                                            for c in clause.lefts))
        if verb.i - 2 > sent.start and doc[verb.i - 1].text == "," and (describing or all(
                doc[k].is_punct or doc[k].is_space for k in range(max(phrase) + 1, sent.end))):
            # "…, according to Jason Roe, who advised her.": the sentence before it, however parsed
            return set(range(sent.start, verb.i - 1))
        if clause is None:
            return None
        if (that := _that_is_according(verb, clause)) is not None:
            return {that.i}
        inside = {t.i for t in verb.subtree}
        return {t.i for t in clause.subtree} - inside - _attributions(clause, verb)
    if not verb.tag_.startswith("VB"):
        return None
    if (inverted := inverted_aside(verb)) is not None:
        # "Any fair reading, said Paul Roe, an expert, would see a retreat": both halves around the aside
        speaker, subject, clause = inverted
        comma = speaker.right_edge.i + (speaker.right_edge.text != ",")
        return ({t.i for t in subject.subtree} | {t.i for t in clause.subtree if t.i > comma}) - {verb.i - 1}
    if any(c.dep_ == "neg" for c in verb.children):
        return _not_said(verb)  # "did not say that …": nothing; "would not say whether …": what was kept back
    if verb.tag_ == "VB" and verb.i == verb.sent.start and not any(c.dep_ in ("nsubj", "aux") for c in verb.children):
        return None  # "Add that sum to …", "Tell me it is safe": the writer's imperative, nobody's statement
    if writers_hedge(verb):
        return None  # "it's safe to say …", "it is fair to say …"
    if verb.dep_ == "xcomp" and verb.head.lower_ in REFUSALS:
        # "declined to comment on reports that …": what is reported is not theirs; "declined to say
        # whether …": the question left open, as with "would not say whether …"
        return _not_said(verb)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and _set_phrase(verb, subjects[0]):
        return None  # "That said, …", "All told, …": the writer's turn of phrase, nobody speaking
    if subjects and (subjects[0].tag_ == "CD" and not list(subjects[0].children) and not subjects[0].is_alpha
                     or subjects[0].lower_ == "one" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)):
        return None  # "60 pledged delegates …" misread as "60 pledged" (not "One says …": one source of
        # those named before); "one could say …": nobody in particular
    if subjects and subjects[0].lower_ in NOBODY:
        return None  # "nobody had told her it was on"
    if w in LOOSE and subjects and subjects[0].lower_ in EVIDENCE:
        return None  # "tests suggested it was felled in 1150 BC": evidence, not a speaker
    if _impersonal(verb):
        return None
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i != verb.i
               and not (c.i < verb.i and c.lower_ in ASIDES and c.tag_ in ("VBD", "VBN"))
               and not subject_aside(c, verb)
               # "… had a different complaint: he said …": what precedes a colon is the writer's
               and not (c.i < verb.i and before_colon(c, verb))
               # "… he said as the crowd booed": when it was said, not what
               and not (c.i > verb.i and c.left_edge.dep_ == "mark" and c.left_edge.head.i == c.i
                        and c.left_edge.lower_ in ADVERBIAL_MARKS)
               # "she told the Courier in an interview taped on Monday": a participle of the noun before it
               and not _participle_of_noun(c, verb)
               # "… skipped most of the strike's history — Okoro cites the miners' walkout": a clause before a verb
               # with an object of its own is the writer's, not what was said
               and not (c.i < verb.i and _framing_before(c, verb))
               # 'The deal angered members ("Shame," wrote Roe, a welder), and …': not the sentence
               # a bracketed cue interrupts
               and not _bracketed_apart(verb, c)]
    if len(clauses) > 1 and clauses[0].i < verb.i < clauses[-1].i and (first := first_verb_subject(verb)) is not None:
        # "Mr. Roe, whose firm uses data, said Vance was …": the clause before the cue holds its speaker
        clauses = [c for c in clauses if c.i != first.head.i]
    if not clauses:
        clauses = _hung_on_setting(verb) or _misread_gerund(verb) or _fronted_clause(verb) or _relative_statement(verb)
    if not clauses and w in PLAIN:
        # "a third said the same of Sanders": a statement by reference
        same = [c for c in verb.rights if c.dep_ == "dobj" and c.lower_ == "same"]
        if same:
            return {t.i for t in same[0].subtree}
        # "after a third said so in the spring survey", "would not want to say so publicly": the statement
        # the sentence before made, taken up by "so"
        if (so := _said_so(verb)) is not None:
            return {so.i}
        # "46 percent said yes", "he said no to the war": an answer
        answer = [c for c in verb.rights if c.i == verb.i + 1 and c.lower_ in ("yes", "no") and c.dep_ in ("intj", "dobj", "npadvmod")]
        if answer:
            to = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "to" and c.i == answer[0].i + 1]
            return {answer[0].i} | ({t.i for t in to[0].subtree} if to else set())
        if w in SAYING and (subject := _subject_taken_for_object(verb)) is not None:
            return {t.i for t in subject.subtree}
    if not clauses and w in PROMISING:
        clauses = [c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)]
    if clauses:
        c = clauses[0]
        # "a bill, which critics said was unfair": the relative pronoun before the verb asks nothing
        relative = c.left_edge.i < verb.i < c.i and c.left_edge.tag_ in ("WDT", "WP")
        # "explained how he built the business": what he explained, not a question he put
        told_how = w in TELLING_HOW and c.left_edge.lower_ in ("how", "why", "what", "where", "when") or _told_them_what(verb, c)
        if _question(c) and not relative and not told_how:
            return None
        if _infinitive(c) and not any(m.dep_ == "mark" for m in c.children) and w not in PROMISING:
            return None  # "announced a motion … to be debated": an infinitive, not a statement
        out = {t.i for t in c.subtree} - _narrative_after(c, verb)
        if (lost := _subject_hung_on_verb(verb, c)) is not None:
            out |= {t.i for t in lost.subtree}
        for extra in clauses[1:] + _continuations(verb, c):
            if extra in clauses[1:] and _another_report(extra):
                out -= _joining_words(extra)
                continue
            out |= {t.i for t in extra.subtree}
        return out - _attributions(c, verb)
    if verb.dep_ == "advcl" and w in REPORTING and any(m.dep_ == "mark" and m.lower_ == "as" and m.i < verb.i for m in verb.children):
        head = verb.head  # "As the Post reported, the delegates would …": the clause the aside stands in
        # not "As the governor's office hints at what … might cover, …": an aside with an object of its own
        own = any(c.dep_ in ("dobj", "xcomp") or c.dep_ == "prep" and c.lower_ in ("at", "about", "of", "to", "that")
                  for c in verb.children)
        if head.i != verb.i and (head.tag_.startswith("VB") or head.tag_ == "MD") and not own:
            return {t.i for t in head.subtree} - {t.i for t in verb.subtree} - _attributions(head, verb)
    if aside_before_head(verb):
        head = verb.head  # "If nothing else, Pell argued in her memo, the delay is …": the clause it interrupts
        return {t.i for t in head.subtree} - {t.i for t in verb.subtree} - _attributions(head, verb)
    if verb.dep_ in ("acl", "conj") and verb.tag_ == "VBD" or verb.dep_ == "ROOT" or _misread_subject(verb) is not None:
        return _trailing_attribution(doc, verb) or _set_off(doc, verb)
    if verb.dep_ == "parataxis" and verb.head.i != verb.i and participle_subject(verb) is None:
        head = verb.head  # "The plan, she said, would cost $4 million."
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.i != head.i and verb.i < head.head.i:
            head = head.head  # "The difference now, he told me, is that …": hung on the subject noun
        if not head.tag_.startswith("VB") and head.tag_ != "MD" and not _misread_predicate(head, verb):
            return _set_off(doc, verb)  # "The hashtag, Mr. Abboud said, accompanied …" read as nouns
        if head.lower_ in ASIDES and not any(c.dep_ == "nsubj" for c in head.children):
            return None  # '"…," Kemp said, asked about the delay': the question put to her, not what she said
        if _bracketed_apart(verb, head):
            return None  # 'The deal angered members ("Shame," wrote Roe, a welder), and …': the aside's own words only
        return {t.i for t in head.subtree} - {t.i for t in verb.subtree} - _attributions(head, verb)
    return _set_off(doc, verb)


def _bracketed_apart(verb: Token, head: Token) -> bool:
    """Whether ``verb`` stands in brackets that ``head`` lies outside of: a cue in a parenthesis
    attributes what the parenthesis quotes, never the sentence the parenthesis interrupts."""
    brackets = enclosing_brackets(verb)
    return brackets is not None and not brackets[0] < head.i < brackets[1]


#: Forms of "be" that can carry an "according to" phrase as their whole predicate: "That's according to …".
BE_FORMS = frozenset("'s ’s is was are were".split())


def _that_is_according(verb: Token, clause: Token) -> Token | None:
    """The "That" of "That's according to exit polls", "This was according to a spokesman": the
    statement made in the sentence before, which the phrase attributes by reference."""
    if clause.i == verb.i:  # "according" itself the verb, "'s" its auxiliary
        if not any(c.dep_ == "aux" and c.lower_ in BE_FORMS for c in verb.children):
            return None
    elif clause.lower_ not in BE_FORMS or verb.head.i != clause.i:
        return None
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].lower_ not in ("that", "this") or list(subjects[0].children) \
            or subjects[0].i != clause.sent.start:
        return None
    if clause.i != verb.i and any(c.dep_ not in ("nsubj", "punct", "advmod", "neg") and c.i != verb.i for c in clause.children):
        return None  # "That is a lie, according to …": the clause says something of its own
    return subjects[0]


#: Verbs whose negation with a question names what someone kept back: "would not say whether …".
WITHHOLDING = frozenset("""say says said saying tell tells told telling explain explains explained explaining disclose
    discloses disclosed specify specifies specified""".split())


#: Words after "said so" that make "so" a degree or a purpose, not the statement: "said so much", "so that".
_NOT_SO = frozenset("far much many few little long often that as well".split())


def _said_so(verb: Token) -> Token | None:
    """The "so" of "say so" that stands for a statement made before ("Half said so in May",
    "a novel for libertarians says so."), right after a form of "say" with a subject of its own; not
    "said so much", "so far", "said so that …", nor "if you say so" (nobody in particular)."""
    doc = verb.doc
    if verb.lower_ not in SAYING or verb.i + 1 >= len(doc):
        return None
    so = doc[verb.i + 1]
    # the parser may hang it on an adverb after it ("say so publicly"), as if it were a degree
    head = so.head if so.head.i == so.i + 1 and so.head.tag_ == "RB" and so.head.head.i == verb.i else so.head
    if so.lower_ != "so" or head.i != verb.i or so.dep_ not in ("advmod", "dobj", "npadvmod", "ccomp"):
        return None
    if so.i + 1 < len(doc) and (doc[so.i + 1].lower_ in _NOT_SO or doc[so.i + 1].tag_ in ("JJ", "JJR", "JJS")):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ in ("you", "one"):
        return None
    if not subjects and verb.i == verb.sent.start:
        return None  # "Say so.": the writer's imperative
    return so


#: The plainest verbs of saying and writing, whose object may be the one addressed or a title.
CORE_SAYING = SAYING | TELLING | frozenset("write writes wrote writing written".split())


def _framing_before(clause: Token, verb: Token) -> bool:
    """Whether a clause the parser hung before ``verb`` as its complement frames the sentence instead:
    the verb has an object of its own after it ("… skipped most of the strike's history — Okoro cites the
    miners' walkout": what he cites is the object). Not "say", "tell" and "write", whose object may be
    the one addressed or a title ("…, Kennedy wrote Linick", "…, he said in his book, "A Son."")."""
    return verb.lower_ not in CORE_SAYING and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)


def _subject_taken_for_object(verb: Token) -> Token | None:
    """The subject of a "say" clause that the parser made the verb's object, hanging the clause's
    own verb on it as a relative clause ("Pratt says the rise in turnout that Halloran
    predicts also makes her defeat less likely", "Aides say the more counties she wins, the more
    sway she has"): a noun object right after the verb with a tensed verb hung on it that no
    relative pronoun opens as its subject or object ("said the things that voters wanted to hear",
    "said a prayer for those who lost their homes" are things said, not statements). The object
    may follow a comma ("In both cases, Roe said, those gifts paid for …"), and its verb may be
    a past tense the parser took for a participle (see ``_past_read_as_participle``), the noun
    then hung on the verb as an object or an adverbial noun."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"
                or c.dep_ == "npadvmod" and any(_past_read_as_participle(k, c) for k in c.children)), None)
    opening = verb.i + 1 + (verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ",")
    if obj is None or not obj.tag_.startswith("NN") or obj.left_edge.i != opening or verb.doc[opening].is_quote:
        return None
    if any(c.dep_ in ("neg", "auxpass", "nsubjpass", "dative") for c in verb.children) or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    for clause in obj.children:
        if clause.dep_ in ("relcl", "acl") and (clause.tag_ in FINITE or _past_read_as_participle(clause, obj)) \
                and clause.i > obj.i and not any(
                c.tag_ in ("WDT", "WP") and c.dep_ in ("nsubj", "nsubjpass", "dobj") or c.dep_ == "prep" and any(
                    p.tag_ in ("WDT", "WP") for p in c.children) for c in clause.children):
            return obj
    return None


#: Endings of participles that are no past tense ("taken", "drawn", "begun", "done"): such a verb
#: after a noun describes it.
_PARTICIPLE_ONLY = re.compile(r".*(?:en|wn|un|ne)$")


def _past_read_as_participle(clause: Token, obj: Token) -> bool:
    """Whether a participle the parser hung on the noun right before it can be that noun's verb in
    the past tense ("said those gifts paid for the dinners"): a form that is also a past tense, with
    no agent ("the families killed by police" is a noun phrase) nor passive auxiliary."""
    return clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.i == obj.i + 1 \
        and not _PARTICIPLE_ONLY.fullmatch(clause.lower_) \
        and not any(c.dep_ in ("agent", "auxpass") for c in clause.children)


def _misread_predicate(head: Token, verb: Token) -> bool:
    """Whether an aside's head is a noun the parser made the sentence's root because it read the
    clause's verb, after it, as a participle describing it ("In both years, Roe said, the gifts
    paid for the dinners"): the noun is the subject of the clause the aside interrupts, and that
    clause is what was said."""
    return head.dep_ == "ROOT" and head.tag_.startswith("NN") and head.i > verb.i and any(
        _past_read_as_participle(c, head) for c in head.children)


def _not_said(verb: Token) -> set[int] | None:
    """What someone would not say ("would not say whether he would run", "is not saying what
    techniques he would support", "did not say when"), the question left open, which news reports
    as an attribution of its own (PolNeAR train: 10 of 11); nothing for a negated statement ("did
    not say that …")."""
    if verb.lower_ not in WITHHOLDING or not verb.tag_.startswith("VB"):
        return None
    for c in verb.rights:
        if c.dep_ in ("ccomp", "xcomp") and _question(c) and c.left_edge.i > verb.i:
            return {t.i for t in c.subtree}
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.head.i == verb.i and nxt.tag_ == "WRB" and nxt.lower_ in QUESTION_WORDS \
            and (nxt.i + 1 >= len(verb.doc) or verb.doc[nxt.i + 1].is_punct):
        return {nxt.i}  # "did not say when."
    return None


def _withheld(verb: Token) -> bool:
    """Whether a form of "say" or "tell" is negated or refused ("would not say", "declined to say"): what
    it governs is a question left open, not a statement."""
    return verb.lower_ in WITHHOLDING and (any(c.dep_ == "neg" for c in verb.children)
                                           or verb.dep_ == "xcomp" and verb.head.lower_ in REFUSALS)


#: Who-words that open what someone tells an audience ("told them what they would see"), not a question put.
_TOLD_WH = frozenset("how why what when who".split())


def _told_them_what(verb: Token, clause: Token) -> bool:
    """Whether "tell" governs what it tells an audience named before the clause: "told the staff what
    they would soon see", "tells investors why the stock is a good buy", "to tell everyone how hard it
    is" (PolNeAR marks the clause as what was told). Not "tell me which one" (the writer told), nor
    "time will tell if …" (an if- or whether-question is one left open)."""
    if verb.lower_ not in TELLING or clause.left_edge.lower_ not in _TOLD_WH or clause.left_edge.i < verb.i:
        return False
    audience = [c for c in verb.children if c.dep_ in ("dative", "dobj") and verb.i < c.i < clause.left_edge.i]
    return bool(audience) and audience[0].lower_ not in ("me", "us")


def _summary(verb: Token) -> set[int] | None:
    """Token indexes of the demand or verdict a form of "call" reports, or None when it is a
    naming ("a group called Echo"), a phone call ("called her mother") or a summons ("called a
    meeting"): "called for NP", "called on NP to …", "called NP NP".

    The speaker must be there to say it (an active verb with a subject, or one shared with the
    verb it is joined to); what is named by someone unsaid ("has been called a charlatan") is not
    kept.
    """
    if not verb.tag_.startswith("VB") or verb.dep_ in ("acl", "amod") and not _document_participle(verb) \
            or verb.dep_ == "relcl" and not _relative_subject(verb):
        return None  # "a group called Echo", "what he called …"; not "Vance, who called for …" nor "a letter calling …"
    if any(c.dep_ in ("neg", "auxpass", "nsubjpass") or c.dep_ == "prt" and (c.lower_ not in ("on", "upon") or verb.lower_ in URGING)
           for c in verb.children):
        return None  # not "called him in", "called off the strike", "urged the team on"
    if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children):
        return None  # "you can call it what you like": nobody in particular
    if not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ != "conj" and not _document_participle(verb) \
            and not _for_its_clause(verb):
        return None  # a joined verb shares its subject: "said … and called for …"; so does ", calling it …"
    kids = list(verb.children)
    if verb.lower_ in URGING:
        return _demand(verb, kids)
    for prep in kids:
        # the parser may take the "on" of "called on NP to …" for a particle
        if prep.dep_ not in ("prep", "prt") or prep.lower_ not in ("for", "on", "upon") or prep.i < verb.i or not all(
                t.ent_type_ in ("DATE", "TIME") or t.dep_ in ("prep", "advmod", "npadvmod") for t in verb.doc[verb.i + 1 : prep.i]):
            continue  # "called for", "called on Tuesday for"
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")]
        if not objs and prep.lower_ in ("on", "upon"):  # "called on Gov. Rick Snyder to resign": the object hung on the verb
            objs = [c for c in kids if c.dep_ in ("dobj", "oprd", "dep") and c.left_edge.i == prep.i + 1]
        if not objs:
            continue  # "called on Tuesday for …"
        out = {t.i for t in objs[0].subtree}
        if prep.lower_ in ("on", "upon"):  # "called on Congress to act": the infinitive, wherever the parser hung it
            to = [c for c in kids + list(objs[0].children) if c.dep_ in ("xcomp", "acl", "advcl")
                  and any(a.lower_ == "to" for a in c.children)]
            if not to:
                continue
            out |= {t.i for t in to[0].subtree}
        if prep.lower_ == "for":  # "called for a prosecutor to oversee the inquiry": the task too
            to = [c for c in kids if c.dep_ in ("xcomp", "advcl") and c.i > objs[0].i
                  and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == objs[0].right_edge.i + 1 for a in c.children)]
            if to:
                out |= {t.i for t in to[0].subtree}
        return out
    for clause in kids:  # "called for the mayor to resign": the parser's "for" opens a clause
        if clause.dep_ == "advcl" and clause.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1
                                                              for m in clause.children) \
                and _infinitive(clause):
            return {t.i for t in clause.subtree if t.i > verb.i + 1}
    objs = [c for c in kids if c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT")]  # not "what he called …"
    verdicts = [c for c in kids if c.dep_ in ("oprd", "xcomp") and c.i > verb.i and not any(a.lower_ == "to" for a in c.children)
                and (c.tag_[:2] in ("NN", "JJ") or c.lower_ == "one")]  # a noun or an adjective: not the particle of "called him in"
    if objs and not verdicts and _verdict_in_apposition(objs[0]):
        return {t.i for t in objs[0].subtree}  # "called her son her hero", "called Vance an ''Aunt Tom''"
    if objs and verdicts:  # "called the plan a disgrace", "called it unacceptable"
        obj, verdict = objs[0], verdicts[0]
        between = verb.doc[obj.right_edge.i + 1 : verdict.left_edge.i]
        if verdict.i > obj.i and not any(t.tag_.startswith("VB") or t.ent_type_ in ("DATE", "TIME") for t in between):
            # "called his standing in the field "unheard of"": a phrase the parser hung on the verb
            return set(range(obj.left_edge.i, verdict.right_edge.i + 1))
        return {t.i for t in obj.subtree} | {t.i for t in verdict.subtree}
    if verdicts and any(c.dep_ == "nsubj" and c.i < verdicts[0].i for c in verdicts[0].children):
        return {t.i for t in verdicts[0].subtree}  # the parser made the object the verdict's subject
    return None


def _relative_subject(verb: Token) -> bool:
    """Whether a relative clause's verb has the relative pronoun for its subject ("a reply from
    Vance, who called the plan a disgrace"), so that its speaker is the noun it describes; not in
    the subject of a clause, which the clause only describes ("Reyes, who called the plan a
    disgrace, said …", "the editors, who once called it "spinach," want …": PolNeAR train matched
    1 of 6 such), nor a name something gives itself ("a group that calls itself …")."""
    if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") and c.i < verb.i for c in verb.children):
        return False
    if any(c.dep_ == "dobj" and c.lower_ == "itself" for c in verb.children):
        return False
    node = verb
    while node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass"):
            return False
        node = node.head
    return True


def _verdict_in_apposition(obj: Token) -> bool:
    """Whether the parser hung the verdict of "called NP NP" on the object as its apposition:
    right after it, no comma between, opening on a determiner, a possessive or a quotation mark
    ("called her son her hero", "called Vance an ''Aunt Tom''"); not a name set beside a noun
    ("called his brother Tom": a phone call)."""
    for ap in obj.children:
        if ap.dep_ != "appos" or ap.i < obj.i:
            continue
        first, before = ap.left_edge, obj.doc[ap.left_edge.i - 1]
        return not before.is_punct and (first.tag_ in ("DT", "PRP$") or first.is_quote)
    return False


#: What lies between two quoted verdicts of one "called": their marks and "and" or "or", perhaps an article.
_JOINED_VERDICT = re.compile(r"[\"”’'.,!?]*\s+(?:and|or)\s+(?:an?\s+)?[\"“‘']+")


#: Words after "called" that make it a demand, a visit or a phone call, not a verdict.
_CALLED_OFF = frozenset("for on upon in off out up back over at to from into".split())


def _called_quoted(doc: Doc, verb: Token, partial: list[tuple[int, int]]) -> set[int] | None:
    """Token indexes of "called NP "verdict"" whose parse ``_summary`` cannot read (the parser
    often hangs the verb on the noun before it): the words named and the quoted verdict, as the
    text lays them out. Not a naming ("a group called "Echo"", "what he called "a disgrace"") nor
    a passive ("was called "reckless""): those have no object between the verb and the quote. A
    relative clause's verb counts when its pronoun is the subject ("Roe, who has called the pact
    "insanity,""), as for ``_summary``; the object may hold a hyphenated word ("anti-toll protesters")
    and a relative clause of its own ("the attack that killed five officers")."""
    if not verb.tag_.startswith("VB") or any(c.dep_ in ("neg", "auxpass", "prt") or c.tag_ in ("WP", "WDT") and c.dep_ != "nsubj"
                                             for c in verb.children):
        return None
    if verb.dep_ == "relcl" and any(c.tag_ in ("WP", "WDT") for c in verb.children) and not _relative_subject(verb):
        return None  # "Reyes, who called the plan "a disgrace," said …": the clause only describes her
    if verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
        return None  # "asked Pratt how he would pay, calling the plan …": whose act the parse cannot tell
    if verb.i > 0 and doc[verb.i - 1].lower_ in ("what", "-", "so", "be", "been", "being", "is", "was", "were", "are"):
        return None
    start = next((a for a, _ in sorted(partial) if a > verb.idx), None)
    if start is None:
        return None
    between = [t for t in doc[verb.i + 1 :] if t.idx < start]
    while between and (t := between[-1]).is_quote:
        between.pop()
    # "called the agency's report a "rush to judgment"": the article before the opening mark opens
    # the verdict, not the object; the object is what comes before it
    while len(between) >= 2 and between[-1].lower_ in ("a", "an") and between[-2].tag_.startswith("NN"):
        between.pop()
    if not 1 <= len(between) <= 12 or between[0].lower_ in _CALLED_OFF or between[0].ent_type_ in ("DATE", "TIME"):
        return None
    if not (between[-1].tag_.startswith("NN") or between[-1].tag_ in ("PRP", "CD")):
        return None  # "called her assertion of a "claim of right" …": the quote is inside the object
    inside = {t.i for t in between}
    if any(t.is_punct and t.tag_ not in ("POS", "HYPH") and t.text != "-" or t.is_quote
           or t.tag_.startswith("VB") and t.dep_ not in ("amod", "compound") and not _object_relative(t, inside)
           or t.is_sent_start for t in between):
        return None
    end = next(b for a, b in partial if a == start)
    # "called the plan a "sad joke" and a "cynical ploy …"": verdicts joined by "and" or "or" are one
    for a, b in sorted(partial):
        if a > end and _JOINED_VERDICT.fullmatch(doc.text, end, a):
            end = b
    verdict = [t.i for t in doc[between[-1].i + 1 :] if t.idx < end]
    if not verdict or any(doc[i].is_sent_start for i in verdict):
        return None
    return {t.i for t in between} | set(verdict)


def _object_relative(verb: Token, inside: set[int]) -> bool:
    """Whether ``verb`` heads a relative clause on a noun among ``inside`` whose pronoun ("that",
    "which", "who") is its subject: "called the attack that killed five officers "…""."""
    return verb.dep_ == "relcl" and verb.head.i in inside and any(
        c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") and c.i in inside for c in verb.children)


#: Things written or broadcast that ask, urge or call for something in their author's name: "a letter asking …".
#: (Narrower than ``lexicon.DOCUMENTS``: no report, study or poll, which find rather than ask.)
WRITTEN_APPEALS = frozenset("""letter letters op-ed statement statements tweet tweets post posts message messages email
    emails memo petition resolution editorial column ad ads video release""".split())


def _document_participle(verb: Token) -> bool:
    """Whether ``verb`` is a participle on a written thing that asks or calls for something in its author's
    name: "sent a letter asking the board to reopen the pier", "a statement calling the dock a waste of
    money", "a petition calling on the council to act" (PolNeAR marks these as its author's request or
    verdict)."""
    return verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.lower_ in WRITTEN_APPEALS and verb.head.i < verb.i


#: Subjects whose naming is the writer's or nobody's own: "what we call infrastructure", "what do you call …".
_OWN_NAMING = frozenset("i we you one".split())


def _relative_verdict(verb: Token, quoted: Ranges) -> set[int] | None:
    """The verdict of "call", "describe … as", "dub" or "term" whose object is a relative pronoun: "the
    delay, in what inspectors called a staffing failure", "a toll plan that drivers called a tax on
    commuters", "the dam, which she describes as her life's work", "what the coach dubs his rainy-day
    lineup". PolNeAR marks these nearly every time (19 of 23 on train less its blind tenth): the
    relative clause, with its noun when the clause
    restricts it. Not the writer's or the reader's own naming ("what we call …", "what do you call …"),
    a negation or a passive, nor a verdict in quotation marks (its quoted fragment reports it, or it is a
    name in quotation marks: "what one grocer has dubbed "the turnip contest"")."""
    kids = list(verb.children)
    if not verb.tag_.startswith("VB") or any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in kids):
        return None
    relative = next((c for c in kids if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and c.i < verb.i), None)
    subjects = [c for c in kids if c.dep_ == "nsubj" and relative is not None and relative.i < c.i < verb.i]
    if relative is None or not subjects or subjects[0].lower_ in _OWN_NAMING:
        return None
    if verb.lower_.startswith("descr"):
        verdicts = [c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
    else:
        verdicts = [c for c in kids if c.dep_ in ("oprd", "xcomp", "ccomp", "dobj") and c.i > verb.i]
    if not verdicts or any(quoted.holds(t.idx) or t.is_quote for t in verdicts[0].subtree):
        return None
    head = verb.head
    restrictive = verb.dep_ == "relcl" and head.i < relative.i and not verb.doc[relative.i - 1].is_punct
    return {t.i for t in (head if restrictive else verb).subtree}


def _asked(verb: Token) -> tuple[set[int] | None, str]:
    """What a form of "ask" reports, and as which kind: the question ("asked whether the vote would
    go ahead", "asked the mayor how long the bridge would stay shut", "asked about the budget") as
    a ``question``, a request ("asked the council to reopen the bridge") as a ``summary``. Nothing
    for a passive ("was asked whether", "when asked": the asker is not the subject), a negation,
    or the writer's and the reader's own questions ("you might ask whether")."""
    kids = list(verb.children)
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    # "a caller who asked whether …", "since May, when she asked volunteers to …": a relative clause with
    # its own asker (not "a group called Echo", "the asked price": no subject of their own)
    if not verb.tag_.startswith("VB") or verb.dep_ in ("acl", "amod") and not _document_participle(verb) \
            or verb.dep_ == "relcl" and not subjects:
        return None, "question"
    if any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in kids):
        return None, "question"
    # "…, asking them to host events": a participle after a comma shares the clause's subject
    shared = verb.dep_ == "conj" or verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.doc[verb.i - 1].text == "," \
        or _document_participle(verb) or _for_its_clause(verb)  # "sent a letter asking the board to …": the letter's writer asks
    # "We asked our followers which …": the writer reports a question put before
    writer = bool(subjects) and subjects[0].lower_ in WRITER and (
        verb.tag_ == "VBD" or any(a.dep_ == "aux" and a.lower_ in ("have", "has", "had", "'ve") for a in kids))
    if not subjects and not shared or subjects and subjects[0].lower_ in NO_ASKER and not writer:
        return None, "question"
    after = [c for c in kids if c.i > verb.i]
    if (question := _question_clause(after)) is not None:
        return question, "question"
    if (question := _question_hung_before(verb)) is not None:
        return question, "question"
    if writer:
        return None, "question"  # "we've asked the caterers to …": the writer's own request, which news does not report
    for prep in after:
        if prep.dep_ == "prep" and prep.lower_ in ("about", "for"):
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.tag_ not in ("PRP", "DT")]
            if objs and (prep.lower_ == "about" or objs[0].tag_.startswith("NN")):  # "asked for a recount": a request
                return {t.i for t in objs[0].subtree}, "question" if prep.lower_ == "about" else "summary"
    objs = [c for c in after if c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT")]
    to = [c for c in after if c.dep_ in ("xcomp", "ccomp", "advcl") and _infinitive(c)]
    if objs and to:
        return {t.i for t in objs[0].subtree} | {t.i for t in to[0].subtree}, "summary"
    if to and not objs and to[0].dep_ == "xcomp" and to[0].i > verb.i:  # "asked to depose the witness"
        return {t.i for t in to[0].subtree}, "summary"
    return None, "question"


def _for_its_clause(verb: Token) -> bool:
    """Whether a subjectless infinitive or gerund ("ask", "calling", "urging") speaks in the name of the
    clause it hangs on: "began by asking the mayor why …", "kept asking her whether …", "went to the pier
    to ask anglers if …", "…, calling the plan a disgrace", "won by calling for a recount", "began
    urging the board to act" (its speaker is that clause's subject; PolNeAR marks what it says as theirs)."""
    if verb.tag_ not in ("VB", "VBG") or verb.dep_ not in ("xcomp", "pcomp", "advcl"):
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ not in ("by", "in"):
        return False  # "by asking", "in asking": the means; not "about asking", "for asking"
    if verb.head.tag_.startswith("JJ"):
        return False  # "too close to call for much of the night": an adjective's infinitive, nobody speaking
    return not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children)


def _question_hung_before(verb: Token) -> set[int] | None:
    """The "if" or "whether" question right after an asking clause that the parser hung on the
    verb that clause depends on ("when I asked Ruiz if she would run, she smiled": "if she would
    run" made a clause of "smiled"), as token indexes."""
    doc, nxt = verb.doc, verb.right_edge.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ not in ("if", "whether") or doc[nxt].dep_ != "mark":
        return None
    clause = doc[nxt].head
    if clause.i <= nxt or clause.dep_ not in ("advcl", "ccomp") or clause.head.i != verb.head.i or verb.head.i == verb.i:
        return None
    return {t.i for t in clause.subtree}


def _agent(verb: Token) -> Token | None:
    """The one named by "by" after a passive verb ("reported by the Post"), if any."""
    if verb.tag_ != "VBN" or any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return _by(verb)


def _by(verb: Token) -> Token | None:
    """The object of the verb's "by" agent phrase, if it has one."""
    return next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)


def _question_clause(after: list[Token]) -> set[int] | None:
    """The question among a form of "ask"'s dependents after it ("asked whether …", "asked the
    mayor how long …"), as token indexes."""
    for c in after:
        if c.dep_ in ("ccomp", "xcomp", "advcl", "dobj") and c.tag_.startswith("VB") and _question(c):
            return {t.i for t in c.subtree}
    return None


def _asked_passive(verb: Token) -> tuple[set[int], Token | None, str] | None:
    """The question of a passive "ask" ("Asked whether she had practised, she said …", "when asked
    about the budget", "was asked by a reporter if …"), the asker named by "by", if any, and the
    kind: a ``question``, or a ``summary`` for a request ("was asked to name one")."""
    kids = list(verb.children)
    # "when asked whether …" the parser may hang anywhere: the "when" tells the passive
    when = any(c.dep_ in ("advmod", "mark") and c.lower_ in WHEN_ASKED and c.i < verb.i for c in kids)
    # the parser may tag a subjectless "Asked what …," or "when asked how …" as a past tense
    misread = verb.tag_ == "VBD" and verb.dep_ != "conj" and not any(c.dep_ == "nsubj" for c in kids) and (
        when or verb.i == verb.sent.start or verb.i > 0 and verb.doc[verb.i - 1].text == ",")
    if verb.tag_ != "VBN" and not misread or verb.dep_ in ("amod", "acl"):
        return None
    if verb.dep_ == "relcl" and not (when or any(c.dep_ == "auxpass" for c in kids)):
        return None  # "a spokesman who was asked about …", "Roe, when asked about …"; not "the asked price"
    if any(c.dep_ == "neg" for c in kids):
        return None
    if not (any(c.dep_ == "auxpass" for c in kids) or verb.dep_ == "advcl" or when or misread):
        return None
    agent = _by(verb)
    after = [c for c in kids if c.i > verb.i]
    if (question := _question_clause(after)) is not None:
        return question, agent, "question"
    doc, nxt = verb.doc, verb.right_edge.i + 1
    if nxt < len(doc) and doc[nxt].lower_ in ("if", "whether") and doc[nxt].dep_ == "mark" and doc[nxt].head.i > nxt \
            and doc[nxt].head.dep_ in ("advcl", "ccomp") and doc[nxt].head.head.i == verb.head.i and verb.head.i < verb.i:
        return {t.i for t in doc[nxt].head.subtree}, agent, "question"  # "when asked in March if she might …", hung on the verb before
    to = [c for c in after if c.dep_ == "xcomp" and _infinitive(c)]
    if to and any(c.dep_ == "auxpass" for c in kids):
        return {t.i for t in to[0].subtree}, agent, "summary"  # "was asked to name one": a request
    for prep in _about(verb):
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.tag_ not in ("PRP", "DT")]
        if objs:  # not "asked about it": what "it" was is elsewhere
            return {t.i for t in objs[0].subtree}, agent, "question"
    return None


def _about(verb: Token) -> list[Token]:
    """The "about" phrases after ``verb``, also where the parser hung them on a phrase of time or
    place between ("asked at a briefing Monday about the budget")."""
    out = []
    for t in verb.subtree:
        if t.i > verb.i and t.dep_ == "prep" and t.lower_ == "about":
            node = t.head
            while node.i != verb.i and node.dep_ in ("pobj", "prep", "npadvmod") and node.i > verb.i:
                node = node.head
            if node.i == verb.i:
                out.append(t)
    return out


def _announced(verb: Token) -> set[int] | None:
    """What "announced" or "reported" makes public when it is a thing, not a clause: "announced
    his candidacy", "the company reported earnings of $8 a share". Its subject must be the one who
    made it public (no passive, negation or relative object)."""
    kids = list(verb.children)
    if not verb.tag_.startswith("VB") or verb.dep_ in ("amod", "acl", "relcl", "xcomp"):
        return None
    if any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in kids) or not any(c.dep_ == "nsubj" for c in kids):
        return None
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in kids):
        return None  # "Trump's reported net worth", "the pledged delegates": a participle as an adjective
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:  # "reported raising $9 million", "recalled sitting in on focus groups": a gerund, a deed
        gerund = next((c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1), None)
        return {t.i for t in gerund.subtree} if gerund is not None and any(
            c.dep_ == "dobj" or c.dep_ == "prep" and c.i > gerund.i for c in gerund.children) else None
    if not obj.tag_.startswith("NN") or any(c.dep_ in ("xcomp", "ccomp") for c in kids):
        return None
    if verb.lower_ in DENYING and (obj.lower_ in REFUSED or any(c.dep_ == "dative" or c.dep_ == "dobj" and c.i != obj.i for c in kids)):
        return None  # "denied the request", "denied him entry": a refusal, not a denial of what was said
    out = {t.i for t in obj.subtree}
    nxt = obj.doc[max(out) + 1] if max(out) + 1 < len(obj.doc) else None
    if nxt is not None and nxt.tag_ == "VBG" and nxt.head.i in (verb.i, obj.i):
        return None  # "recalled the president telling him …": what he heard, not what he made public
    # "recalled her opposition to the plan", "tweeted an image of Roe alongside …": a phrase that goes on
    # the object, which the parser hung on the verb (not a time: "announced it on Tuesday")
    for prep in kids:
        if prep.dep_ == "prep" and prep.i == max(out) + 1 and prep.lower_ in OBJECT_PREPS and not any(
                t.ent_type_ in ("DATE", "TIME") for t in prep.subtree):
            out |= {t.i for t in prep.subtree}
        elif prep.dep_ == "prep" and prep.i == max(out) + 1 and _goes_on_object(prep):
            out |= {t.i for t in prep.subtree}
    return out


#: Prepositions that may go on with the object of "announced", "recalled" or "cited" ("a concert in
#: support of Sanders", "an incident at a movie theater that …", "her days as secretary of state",
#: "cited the fee as the main cause …") as often as they say when, where or how it was said.
GOING_ON_PREPS = frozenset("in at as".split())
#: Entities that make such a phrase the when or where of the telling: "announced it in Ohio on Friday".
_SETTING_ENTITIES = frozenset("DATE TIME GPE LOC FAC EVENT".split())


def _goes_on_object(prep: Token) -> bool:
    """Whether a phrase with "in", "at" or "as" right after the object goes on with it, not with the
    verb: no time or place in it ("announced the ban in December", "in Ohio", "in 1998") and no noun of a
    setting ("in an appearance on Face the Nation", "at a news conference")."""
    if prep.lower_ not in GOING_ON_PREPS or any(t.ent_type_ in _SETTING_ENTITIES for t in prep.subtree):
        return False
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs or objs[0].tag_ == "CD":
        return False  # "in 1998", a year the tagger did not mark as a date
    words = {objs[0].lower_} | {c.lower_ for c in objs[0].children if c.dep_ == "compound"}
    return not any(words & nouns for nouns in SETTING.values() if nouns)


def _spoken_of(verb: Token) -> set[int] | None:
    """What someone warned of, wrote about, argued for or complained of ("warned of a ferocious
    battle ahead", "argued against intervention in Syria"; see ``SPOKEN_OF``), its speaker the
    verb's subject; not a time ("argued for years")."""
    kids = list(verb.children)
    if not verb.tag_.startswith("VB") or verb.dep_ in ("amod", "acl") or verb.dep_ == "relcl" and not _relative_subject(verb) or any(c.dep_ in ("neg", "auxpass") for c in kids):
        return None
    if not any(c.dep_ == "nsubj" for c in kids) and verb.dep_ != "conj":
        return None
    for prep in kids:
        if prep.dep_ == "prep" and prep.lower_ in SPOKEN_OF[verb.lower_] and prep.i > verb.i:
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.tag_ not in ("PRP", "DT")
                    and c.ent_type_ not in ("DATE", "TIME")]
            if objs:
                return {t.i for t in objs[0].subtree}
    return None


def _announced_by(verb: Token) -> set[int] | None:
    """What a passive reporting verb made public, when "by" names who did: "The vote count was first
    reported by the Ledger", "the bombings, which were claimed by the Free Coast Brigade", "Her death
    was confirmed by the family", "Her call was echoed by the mayor" (a thing, "this" or a relative
    pronoun; never a person, who is the one told: "she was told by …", nor "it", as often a deed as a
    statement: "It was first declared by Nixon"); not "explained by", a cause
    ("The win is explained by the rules"), nor a verb in another sense ("data maintained by a vendor")."""
    if _agent(verb) is None or any(c.dep_ == "neg" for c in verb.children) or verb.lower_ in EXPLAINING:
        return None
    if verb.lower_ in ADDRESSED or verb.lower_ in OTHER_SENSE:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and (
        c.tag_.startswith("NN") or c.tag_ in ("WDT", "DT"))), None)
    return {t.i for t in subj.subtree} if subj is not None else None


def _announced_unnamed(verb: Token) -> set[int] | None:
    """What was announced by nobody the sentence names: "The closure of the mill was
    announced", "the tentative deal, announced Friday, would …" (the thing, never "it", nor "no
    deal", and never a participle before its noun: "the announced deal")."""
    if verb.lower_ != "announced" or verb.tag_ != "VBN" or _agent(verb) is not None or any(c.dep_ in ("neg", "dobj") for c in verb.children):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        thing = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_.startswith("NN")), None)
        if thing is None or any(d.dep_ == "det" and d.lower_ == "no" for d in thing.children):
            return None  # "No deal was announced": nothing was
        return {t.i for t in thing.subtree}
    if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.tag_.startswith("NN"):
        return {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    return None


#: Verbs whose passive with a predicate noun makes a finding public: "was declared the victor".
DECLARING = frozenset("declare declares declared announce announces announced".split())


def _declared_to_be(verb: Token) -> set[int] | None:
    """What a passive "declared" or "announced" with a predicate noun made public: "the Grell pie was
    declared the best in show", "he was announced the new chairman": the clause from its subject to what
    the subject was declared (PolNeAR marks these, election night's news). Not a relative pronoun's clause ("who was
    declared …"), nor a negation."""
    kids = list(verb.children)
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "neg" for c in kids):
        return None
    subject = next((c for c in kids if c.dep_ == "nsubjpass" and c.i < verb.i and c.tag_ not in ("WP", "WDT", "EX")), None)
    named = next((c for c in kids if c.dep_ in ("oprd", "attr", "dobj") and c.i > verb.i and c.tag_.startswith("NN")), None)
    if subject is None or named is None:
        return None
    after = [c for c in kids if c.dep_ == "prep" and c.i == named.right_edge.i + 1 and c.lower_ in ("in", "of", "for")]
    return set(range(subject.left_edge.i, max(t.i for n in [named, *after] for t in n.subtree) + 1))


def _suggested_doing(verb: Token) -> set[int] | None:
    """The course someone suggested, advocated or recommended as a gerund right after the verb ("suggested
    closing the market on Sundays", "would advocate keeping the library open"): a
    proposal voiced, as "proposed taxing carbon" is (``_announced``); PolNeAR marks 5 of 8 such on train less
    its blind tenth and the other 3 lie inside a larger content. The one suggesting is the verb's subject."""
    kids = list(verb.children)
    if not verb.tag_.startswith("VB") or any(c.dep_ in ("neg", "auxpass", "nsubjpass", "dobj", "ccomp") for c in kids):
        return None
    if not any(c.dep_ == "nsubj" for c in kids) and verb.dep_ != "conj":
        return None
    doing = next((c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1), None)
    return {t.i for t in doing.subtree} if doing is not None else None


def _things_to_say_about(verb: Token) -> set[int] | None:
    """What someone had words for: "had nothing bad to say about the referees", "had little to say about
    the budget", "had kind words to say about his rival" (an infinitive "to say" on a noun, with
    "about"): PolNeAR marks the "about" object as what was said (4 of 8 on train less its blind tenth; the rest lie inside a
    larger content)."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lower_ == "to" and c.i == verb.i - 1 for c in verb.children):
        return None
    about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "about" and c.i == verb.i + 1), None)
    objs = [c for c in about.children if c.dep_ in ("pobj", "pcomp")] if about is not None else []
    return {t.i for t in objs[0].subtree} if objs else None


#: Nouns for what is told as a whole: "told the story of a supporter who …", "tells one joke about Trump".
STORIES = frozenset("story stories tale tales joke jokes anecdote anecdotes".split())


def _story_told(verb: Token) -> set[int] | None:
    """The story, tale or joke someone told ("told the story of a retired nurse who …", "the league told
    a slightly different tale", "told stories of how the two brothers …"), with the phrase that goes on from it
    when the parser hung that on the verb: a telling PolNeAR's annotators mark nearly every time (18 of
    19 on train less its blind tenth), unlike "told reporters" or "told a meeting", whom it was told.
    The story must be a particular one: with a determiner, a number or an "of"/"about" phrase."""
    kids = list(verb.children)
    if not verb.tag_.startswith("VB") or any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in kids):
        return None
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i and c.lower_ in STORIES), None)
    if obj is None:
        return None
    out = {t.i for t in obj.subtree}
    for prep in kids:
        if prep.dep_ == "prep" and prep.i == max(out) + 1 and prep.lower_ in ("of", "about"):
            out |= {t.i for t in prep.subtree}
    doc, end = verb.doc, max(out) + 1
    named = any(c.dep_ in ("det", "poss", "nummod") for c in obj.children) or any(
        doc[i].lower_ in ("of", "about") and doc[i].head.i in (obj.i, verb.i) for i in out)
    if not named or end < len(doc) and doc[end].text == ":" or doc[obj.left_edge.i - 1].is_quote:
        return None  # "could tell stories", "tell more jokes": telling in general; "telling the story of
        # Copenhagen: …", the story after the colon; 'telling "the story of …"', a caption's quoted words
    return out


#: Nouns that stand for words said, which a relative clause with no object of its own can name as
#: what was said: "takes back everything he said", "something he denied", "a point Roe acknowledged",
#: "five things Roe has said about farmers", "a word Roe then repeated".
SAID_NOUNS = frozenset("""something everything anything thing things point points word words remark remarks comment
    comments claim claims""".split())


def _relative_object(verb: Token) -> set[int] | None:
    """What someone said, named by the noun for words that a relative clause with no object of its
    own hangs on (see ``SAID_NOUNS``); not a relative pronoun ("…, which he denied"), which PolNeAR
    marks as often as not on train less its blind tenth."""
    kids = list(verb.children)
    if verb.dep_ != "relcl" or not verb.tag_.startswith("VB") or any(
            c.dep_ in ("neg", "auxpass", "ccomp", "xcomp", "dative", "dobj") for c in kids):
        return None
    if not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in kids):
        return None
    noun = verb.head
    if noun.i > verb.i or noun.lower_ not in SAID_NOUNS or any(
            t.tag_ in ("WDT", "WP", "WRB") or t.lower_ == "that" for t in noun.doc[noun.i + 1 : verb.i]):
        return None
    out = {t.i for t in noun.subtree} - {t.i for t in verb.subtree}
    return out if out and max(out) < verb.i else None


def _instruction(verb: Token) -> set[int] | None:
    """What someone told someone to do ("told Bush to quiet down"): the person told and the task,
    an instruction given, with its giver as the verb's subject."""
    kids = list(verb.children)
    if not any(c.dep_ == "nsubj" for c in kids) or any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in kids):
        return None
    if any(c.tag_ in ("WP", "WDT") for c in kids):
        return None  # "what she told him to do": the task is named elsewhere
    objs = [c for c in kids if c.dep_ == "dobj" and c.i > verb.i]
    to = [c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i and _infinitive(c)]
    # the infinitive's subtree starts after the verb: "what" the parser hung on "do" is the same case
    if objs and to and to[0].i > objs[0].i and to[0].left_edge.i > verb.i:
        return {t.i for t in objs[0].subtree} | {t.i for t in to[0].subtree}
    return None


def _demand(verb: Token, kids: list[Token]) -> set[int] | None:
    """Token indexes of what a form of "urge" asks for: "urged the council to reopen the bridge",
    "urged caution", "urged that the bridge reopen"; None without an object ("urged on by fans")."""
    objs = [c for c in kids if c.dep_ == "dobj" and c.i > verb.i and c.tag_ not in ("WP", "WDT")]
    to = [c for c in kids if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > verb.i
          and (_infinitive(c) or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))]
    if objs and to:
        return {t.i for t in objs[0].subtree} | {t.i for t in to[0].subtree}
    if to and not objs:
        return {t.i for t in to[0].subtree}  # "urged that …", "urged to wait" with the object in the clause
    if objs and objs[0].tag_ != "PRP":  # not "he urged them" alone: who, not what
        return {t.i for t in objs[0].subtree}
    return None


def _after_dateline(doc: Doc, text: str, a: int, b: int) -> int:
    """Where a content that opens a paragraph starts: after its dateline, which is the wire's,
    not the speaker's (``text`` is ``doc.text``, which spaCy rebuilds on every access)."""
    at = doc[a].idx
    end = dateline_end(text, at) if at == 0 or text[at - 1] == "\n" else None
    if end is None:
        return a
    k = a
    while k < b and doc[k].idx < end:
        k += 1
    return k if k < b else a


def _trailing_attribution(doc: Doc, verb: Token) -> set[int] | None:
    """The sentence before a closing attribution the parser hung on the content: "Prices fell, a
    team at the institute reported on Monday." (the verb an ``acl`` of "team", or a ``conj`` of
    "fell" with its own subject). Nothing unless the attribution ends the sentence, follows a
    comma with no "and", and the verb takes no object of its own."""
    sent = verb.sent
    misread = False
    if verb.dep_ == "acl":
        noun = verb.head
        if verb.i < noun.i:
            return None
        lead = noun.left_edge.i
    elif verb.dep_ == "ROOT":  # "Talks on border dispute collapse, mediators say": no clause parsed
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.left_edge.i > 0
                    and doc[c.left_edge.i - 1].text == ","]
        if not subjects:
            return None
        lead = subjects[-1].left_edge.i
    elif (subject := _misread_subject(verb)) is not None:  # the content's own words hung on it: from its subject on
        misread, lead = True, subject.left_edge.i
    else:
        if not any(c.dep_ == "nsubj" for c in verb.children) or verb.i < verb.head.i:
            return None
        lead = verb.left_edge.i
        while lead < verb.i and doc[lead].text == ",":
            lead += 1  # "…, the church posted on Facebook.": the comma the parser hung on the verb
    if lead < 3 or doc[lead - 1].text != ",":
        return None
    told = verb.lower_ in TELLING  # "…, an aide told The Courier": the one told, not what
    if any(c.dep_ in ("ccomp", "xcomp", "attr", "cc") or c.dep_ == "dobj" and not told for c in verb.children):
        return None
    after = {t.i for t in verb.subtree}
    if any(t.i not in after and not t.is_punct and not t.is_space for t in doc[verb.i + 1 : sent.end]):
        return None
    start = lead - 1  # back to the sentence's real start: the parser may split off its first word
    while start > 0 and doc[start - 1].text not in (".", "!", "?") and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    content = set(range(start, lead - 1))
    if sum(doc[i].is_alpha for i in content) < 3 or any(t.text == ":" for t in doc[verb.i + 1 : sent.end]):
        return None  # "Asked …, Brandvold said: …" introduces a quote
    # A headline (first, without a full stop) may have no verb the parser sees, nor a parse to trust.
    headline = not any(t.is_alpha for t in doc[:start]) and not any(t.text in (".", "!", "?") for t in doc[lead : sent.end])
    first = doc[start]
    # "Despite the defeats, Vale remains …, an aide said": a phrase opening the content is part of it
    # ("As Kemp spoke, a girl was hurt, police said"), if the clause it opens leads into one of the content's
    opening = first.dep_ == "mark" and (first.head.i not in content or first.head.head.i not in content
                                        or first.head.head.i == first.head.i) \
        or first.dep_ == "prep" and (first.head.i not in content or headline)
    if first.lower_ in ASIDES or opening or not headline and any(
        doc[i].head.i not in content and doc[i].dep_ in ("advcl", "prep", "advmod", "npadvmod", "mark")
        and not (misread and doc[i].head.i == verb.i) for i in content
    ):
        return None  # "Asked whether …, she said", "In Berlin, Merkel said": a setting, not content
    if not headline and not _has_verb(doc[i] for i in content):
        return None
    return content


#: Tags of the words a speaker set off by commas may be named with: "a spokeswoman for the city",
#: "Mr. Abboud", "other experts", "she" (no verb, no conjunction, no relative pronoun).
_NAMING_TAGS = frozenset("DT PDT PRP PRP$ NN NNS NNP NNPS JJ JJR JJS CD POS HYPH IN".split())
#: Tags of what may follow the verb inside such an aside: when, where and to whom it was said
#: ("said on Saturday", "told The Washington Post", "wrote in a letter to the board").
_SETTING_TAGS = frozenset("IN DT PRP PRP$ NN NNS NNP NNPS CD JJ RB POS HYPH".split())
#: Dashes that open the writer's comment after a closing attribution ("…, the office reported -- a
#: development that …").
_COMMENT_DASHES = frozenset("— – -- ―".split())


def _set_off(doc: Doc, verb: Token) -> set[int] | None:
    """What an attribution set off by commas says, read from the words around it when the parser
    has made something else of it: "This kind of remark, the network claimed, breaks its rules" (the cue
    made the root, the predicate a conjunct), "The hashtag, Mr. Abboud said, accompanied …" (the
    predicate read as a participle), "Jane Roe thinks …, Tom Roe said this week at a
    dinner — an apparent break …" (the cue hung on the content's verb). The speaker's words are a
    short noun phrase opening after a comma, the verb finite, what follows it only a setting up to
    the next comma (an aside: the content is the sentence around it) or to the end of the sentence
    or a dash (a closing attribution: the content is the sentence before it)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.lower_ not in REPORTING or enclosing_brackets(verb) is not None:
        return None
    sent = verb.sent
    first = _named_after_comma(doc, verb)
    if first is None:
        return None
    end = _setting_end(doc, verb)
    rest = [t for t in doc[end : sent.end] if not t.is_space]
    before = [t for t in doc[sent.start : first - 1] if not t.is_space]
    if not before or _writers_opening(before):
        return None
    content = {t.i for t in before if not (t is before[0] and t.is_punct)}
    closing = not rest or all(t.is_punct and t.text != ":" for t in rest) or rest[0].text in _COMMENT_DASHES
    if closing:
        return content if sum(t.is_alpha for t in before) >= 3 and _has_verb(before) and before[-1].tag_ != "CC" else None
    if doc[end].text != "," or end + 1 >= sent.end:
        return None  # "…, she said a lot.", "…, Roe wrote:": the verb goes on with words of its own
    after = [t for t in doc[end + 1 : sent.end] if not t.is_space]
    if after[0].tag_ in ("VBG", "WDT", "WP", "WRB") or after[0].is_quote or not _has_verb(after) \
            or after[0].tag_ == "VBN" and _has_verb(before):
        return None  # "…, she said, adding that …", "…, in an email, released as part of …": not the
        # sentence the aside interrupts (a past form after a subject alone is its predicate, though)
    if before[-1].tag_ == "CC":
        content = set()  # "… to serve his clients and, he argued, to calm the markets": the second part
    return content | {t.i for t in after if not (t is after[-1] and t.is_punct)} or None


def _named_after_comma(doc: Doc, verb: Token) -> int | None:
    """Where the speaker's words before ``verb`` start, when they are a short noun phrase right
    after a comma ("…, Mr. Abboud said"); None otherwise."""
    sent = verb.sent
    first = verb.i - 1
    while first > sent.start and doc[first - 1].text != "," and verb.i - first < 8:
        first -= 1
    naming = doc[first : verb.i]
    if first <= sent.start + 1 or doc[first - 1].text != "," or not all(t.tag_ in _NAMING_TAGS for t in naming) \
            or naming[0].tag_ == "IN" or not (naming[-1].tag_.startswith("NN") or naming[-1].tag_ == "PRP") \
            or naming[0].tag_ == "JJ" and doc[first - 2].tag_ == "JJ":
        return None  # not "…, as Mr. Roe suggested" (an "as" aside is read elsewhere), nor "his big, big
        # boss indicated …", a comma between adjectives
    return first


def _setting_end(doc: Doc, verb: Token) -> int:
    """The token after the setting that follows ``verb``: a setting opens with a preposition, an
    adverb or a time ("said Tuesday", "said this week at an event"); "told" names whom."""
    end, sent = verb.i + 1, verb.sent
    if end < sent.end and (doc[end].tag_ in ("IN", "RB") or doc[end].ent_type_ in ("DATE", "TIME") or verb.lower_ in TELLING):
        while end < sent.end and doc[end].tag_ in _SETTING_TAGS and end - verb.i < 8:
            end += 1
    return end


def _writers_opening(before: list[Token]) -> bool:
    """Whether the words before a set-off attribution are the writer's framing, not what was said:
    the question put ("Asked about the delay, Kemp said"), words before a colon, a setting alone
    ("On the evening news the night before, she stated, …", "Back home, …"; a lone connective is the
    clause's own: "Instead, Roe told CNN, the plan would …") or a subordinate clause alone ("But when
    Congress cut funding, Mexico said enough.")."""
    if sum(t.is_alpha for t in before) < 1 or before[0].lower_ in ASIDES or any(t.text == ":" for t in before):
        return True
    if not _has_verb(before) and not before[0].tag_.startswith(("NN", "DT", "JJ", "PRP", "CD")) \
            and not (len(before) == 1 and before[0].tag_ in ("RB", "CC")):
        return True
    lead = next((t for t in before if t.tag_ not in ("CC", "RB") and not t.is_punct), before[0])
    return lead.tag_ in ("IN", "WRB") and not any(t.text == "," for t in before)


def _misread_subject(verb: Token) -> Token | None:
    """The subject of ``verb`` when it is a closing attribution the parser made an adverbial clause
    of the sentence before it ("People with like-minded, if odd, ideas find each other, she said."):
    a finite verb after its head, with a subject and no conjunction of its own ("as", "when",
    "because"); None for any other verb."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.head.i > verb.i:
        return None
    subject = next((c for c in reversed(list(verb.children)) if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or any(c.dep_ == "mark" and c.i > subject.left_edge.i - 2 for c in verb.children):
        return None
    return subject


def _subject_hung_on_verb(verb: Token, clause: Token) -> Token | None:
    """The subject of a reported clause that has none, which the parser made a second object of
    the telling verb right before it: "told the Post the marquee "blew away"" (the Post was told;
    the marquee blew); or a second subject of the verb, after it, when the speaker is the first ("Hollis,
    the author of "Slow News," said the days when … are gone": the days are gone)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    late = [c for c in subjects if verb.i < c.i < clause.i]
    if late and subjects[0].i < verb.i and late[-1].tag_.startswith("NN") and all(
            t.is_quote or t.is_space for t in verb.doc[late[-1].right_edge.i + 1 : clause.left_edge.i]):
        return late[-1]
    if verb.lower_ not in TELLING:
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < clause.i]
    # the second object, or a common noun the parser hung on the first as its apposition
    last = objs[-1] if len(objs) >= 2 else next((a for o in objs for a in o.children if a.dep_ == "appos" and a.tag_ in ("NN", "NNS")), None)
    if last is None:
        return None
    between = verb.doc[last.right_edge.i + 1 : clause.left_edge.i]
    return last if last.tag_.startswith("NN") and all(t.is_quote or t.is_space for t in between) else None


def _has_verb(tokens) -> bool:
    """Whether a stretch of tokens has a verb or a modal: a clause rather than a noun phrase."""
    return any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in tokens)


def _without_setting(doc: Doc, content: set[int]) -> set[int]:
    """The content up to a phrase that tells where or how it was said (see ``SETTING``)."""
    for i in sorted(content):
        t = doc[i]
        nouns = SETTING.get(t.lower_, False)
        if nouns is False or t.dep_ != "prep" or i == min(content) or t.head.tag_.startswith("VB"):
            continue  # "raised the issue in an email" is what was said, not where
        if any(a.dep_ in ("nsubj", "nsubjpass", "csubj") and a.i in content for a in t.ancestors):
            continue  # "gossip passed from friend to friend on the forum often has …": the subject's own words
        objs = [c for c in t.children if c.dep_ == "pobj"]
        if not objs:
            continue
        words = {objs[0].lower_} | {c.lower_ for c in objs[0].children if c.dep_ == "compound"}
        if nouns is None or words & nouns:
            return {j for j in content if j < i}
    return content


def _without_acts(doc: Doc, content: set[int]) -> tuple[set[int], list[int]]:
    """The content up to a speech act of the speaker's own that the parser hung inside it ("he was
    grateful and promised to return"), and the verbs of those acts."""
    for i in sorted(content):
        t = doc[i]
        if t.dep_ != "conj" or t.head.i not in content or not (t.lower_ in ACTS or t.lower_ in REPORTING_FORMS):
            continue
        if t.lower_ == "called" and not any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in ("for", "on")
                                            for c in t.children):
            continue  # "called 911", "called her mother": a phone call, not a statement
        passive_head = any(c.dep_ == "auxpass" for c in t.head.children)
        active = any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in t.children)
        if (
            (t.tag_ in ("VBD", "VBZ", "VBP") or t.tag_ == "VBN" and passive_head and active)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            # "had been discussed and rejected" shares the passive; "was stunned and vowed to …",
            # "had not been consulted and accused the company …" do not: they take an object.
            and (not passive_head or active)
        ):
            cut = t.i - 1 if t.i > 0 and doc[t.i - 1].dep_ == "cc" else t.i
            return {j for j in content if j < cut}, [t.i]
    return content, []


#: Auxiliaries of a reported clause that carries on after "and" without its subject: "said it
#: was delighted and would continue …" (the speaker's own next act would be in the simple past).
BACKSHIFT = frozenset("would could might should had was were must".split())


def _another_report(clause: Token) -> bool:
    """Whether a second clause the parser hung on the cue is a report of its own, with its own
    finite speech verb: "Most said they were worried, and nearly a third said the mayor …"
    (what the second group said is found from its own verb, and is not the first group's)."""
    return clause.lower_ in REPORTING and clause.tag_ in ("VBD", "VBZ", "VBP")


def _narrative_after(clause: Token, verb: Token) -> set[int]:
    """The writer's narrative joined to the content clause after a comma and "and" or "but", a clause
    with its own subject that the parser hung on the content's verb instead of the cue's: "Roe said
    the real culprit is the governor, and he railed against the council …", "…, but for her rivals,
    it looks like proof" (as ``_second_clause`` reads a clause hung on the cue). Not "…, and that …",
    a second "that" clause of what was said."""
    out: set[int] = set()
    doc = clause.doc
    for c in clause.children:
        if c.dep_ != "conj" or c.i < clause.i or c.i < verb.i or not c.tag_.startswith(("VB", "MD")):
            continue
        if not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children) or any(m.dep_ == "mark" for m in c.children):
            continue
        k = c.left_edge.i - 1
        if k < 1 or doc[k].lower_ not in ("and", "but") or doc[k - 1].text != ",":
            continue
        out |= {t.i for t in c.subtree} | {k - 1, k}
    return out


def _joining_words(clause: Token) -> set[int]:
    """The commas and the conjunction just before a clause (", and"), which join it to the one before."""
    doc, out, k = clause.doc, set(), clause.left_edge.i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].dep_ == "cc"):
        out.add(k)
        k -= 1
    return out


def _continuations(verb: Token, clause: Token) -> list[Token]:
    """More of the content the parser hung on the verb or the clause: "… and would continue to
    …" (a subjectless clause in the reported tense), "…, but that the delay …" and "… because …"
    (see ``_reason_after``)."""
    out = []
    for owner in (verb, clause):
        for c in owner.children:
            if owner is verb and _reason_after(c, clause):
                out.append(c)
                continue
            if c.dep_ != "conj" or c.i < clause.i:
                continue
            marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            backshifted = owner is verb and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) and any(
                a.dep_ == "aux" and a.lower_ in BACKSHIFT for a in c.children)
            if (marked and owner is verb) or backshifted or owner is verb and _second_clause(c, clause):
                out.append(c)
    return out


def _reason_after(c: Token, clause: Token) -> bool:
    """Whether a clause the parser hung on the cue is the reason the content goes on to give: a
    "because" clause after it ("said it left those meetings out of its tally because they were part
    of the job", "charged that she hid the files because they contradicted her pledge"), which
    PolNeAR's annotators keep with what was said nine times in ten on train less its blind tenth.
    Not one that quotes (the quote is said apart) nor one with a report of its own ("…, because he
    said …")."""
    if c.dep_ != "advcl" or c.i < clause.right_edge.i:
        return False
    if not any(m.dep_ == "mark" and m.lower_ == "because" and m.i == c.left_edge.i for m in c.children):
        return False
    return not _quotes_in(c.doc, c.left_edge.i, c.right_edge.i + 1) and not any(
        t.lower_ in REPORTING and t.tag_ in ("VBD", "VBZ", "VBP") for t in c.subtree)


def _second_clause(c: Token, clause: Token) -> bool:
    """Whether a clause the parser joined to the cue is a second statement of the content: it has
    a subject of its own and follows the content right after a bare "and", with no comma ("says
    Lee is a trusted colleague and it's her call which …", "told the crowd that she expects to win
    and she is doing better than Lee"); after a comma the writer's narrative goes on, and a speech
    act of its own ("… and she accused Vance of …") is a statement apart."""
    if not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children) or not c.tag_.startswith(("VB", "MD")):
        return False
    if c.lower_ in ACTS or c.lower_ in CUE_FORMS:
        return False
    doc = c.doc
    gap = doc[clause.right_edge.i + 1 : c.left_edge.i]
    return len(gap) == 1 and gap[0].lower_ == "and"


def _participle_of_noun(c: Token, verb: Token) -> bool:
    """Whether a clause the parser hung on the cue is a bare participle describing the noun of
    the setting just before it ("said in an interview taped and aired on Monday", "said in a
    statement issued before the rally"): a clause with no subject of its own, after a phrase that
    says where or how it was said, says nothing anyone said. One that holds a "that" clause the
    parser hung inside it ("in an interview taped before the vote that …") is kept."""
    if c.i <= verb.i + 1 or c.tag_ not in ("VBD", "VBN") or c.left_edge.i != c.i:
        return False
    if any(x.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "aux", "auxpass", "mark") for x in c.children):
        return False
    before = c.doc[c.i - 1]
    if before.tag_ not in ("NN", "NNS", "NNP", "NNPS") or any(t.lower_ == "that" for t in c.subtree):
        return False
    return any(p.dep_ == "prep" and p.lower_ in SETTING_PREPS and p.i < before.i and before.i in {t.i for t in p.subtree}
               for p in verb.children)


#: Prepositions of the setting of a cue: "said in an interview", "told reporters at a rally".
SETTING_PREPS = frozenset("in with on during at to for".split())


def _hung_on_setting(verb: Token) -> list[Token]:
    """A "that" clause the parser hung on the phrase before it instead of the verb: "said in a
    statement that no one was hurt", "told analysts on a call that prices would rise", "told a
    meeting of island leaders that few understood the stakes" (a clause whose "that" cannot be a
    relative pronoun: it has a subject, and an object, of its own)."""
    objects = [(o, False) for p in verb.rights if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    if verb.lower_ in TELLING:
        for o in verb.rights:  # not "tells so many lies that …": a result, not what was told
            if o.dep_ == "dobj" and not any(t.lower_ in ("so", "such") for t in o.subtree):
                objects += [(o, True)] + [(x, True) for p in o.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj"]
    for obj, told in objects:
        for c in obj.children:
            if c.dep_ in ("acl", "relcl") and c.left_edge.lower_ == "that" and any(
                x.dep_ in ("nsubj", "nsubjpass") and x.lower_ not in ("that", "which", "who") for x in c.children
            ) and (not told or any(x.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp") for x in c.children)):
                return [c]
    return []


FINITE = frozenset("VBD VBZ VBP MD".split())


def _finite(verb: Token) -> bool:
    """Whether a verb heads a finite clause: a tensed verb or a modal, or one with a tensed auxiliary."""
    return verb.tag_ in FINITE or any(a.dep_ == "aux" and a.tag_ in FINITE for a in verb.children)


def _infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to reopen the bridge")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _relative_statement(verb: Token) -> list[Token]:
    """What a relative clause says of its noun, where the parser took the finite verb for a
    complement of the speech verb: "the cuts, which they say left a gap"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ != "relcl" or len(subjects) < 2 or subjects[0].tag_ not in ("WDT", "WP"):
        return []
    return [c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ in FINITE][:1]


def _fronted_clause(verb: Token) -> list[Token]:
    """A statement before "…, a spokesman told AP." that the parser took for an adverbial clause:
    a finite clause with its own subject and no word that subordinates it ("when", "if", "as"),
    followed by a comma and the verb's subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return []
    doc = verb.doc
    for c in verb.lefts:
        if c.dep_ != "advcl" or c.right_edge.i + 1 != subjects[0].left_edge.i - 1 or doc[c.right_edge.i + 1].text != ",":
            continue
        if any(k.dep_ in ("mark", "advmod") and k.tag_ in ("IN", "WRB") for k in c.children):
            return []
        if any(k.dep_ == "nsubj" for k in c.children) and _finite(c):
            return [c]
    return []


def _misread_gerund(verb: Token) -> list[Token]:
    """A clause the parser hung on a gerund it took for the verb's complement. Right after the
    verb, the gerund is the clause's subject and the whole is what was said ("said legalizing it
    could create jobs"); after the verb's object, only its "that" clause is ("told reporters waiting
    outside that she would run")."""
    for g in verb.rights:
        if g.dep_ != "xcomp" or g.tag_ != "VBG":
            continue
        finite = [c for c in g.children if c.dep_ == "ccomp" and c.i > g.i and _finite(c)]
        if not finite:
            return []
        between = verb.doc[verb.i + 1 : g.i]
        if all(t.dep_ == "advmod" for t in between):
            return [g]
        if any(t.dep_ == "dobj" and t.head.i == verb.i for t in between) and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in finite[0].children):
            return [finite[0]]
        return []
    return []


def _clause_of(tok: Token) -> Token | None:
    """The verb of the clause an "according to" phrase belongs to."""
    node = tok.head
    for _ in range(4):
        if node.tag_.startswith("VB") or node.tag_ == "MD":
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _attributions(clause: Token, verb: Token) -> set[int]:
    """Tokens inside a content clause that belong to other attributions: a participle that
    reports more ("…, adding that …") and "according to" phrases are statements of their own."""
    out: set[int] = set()
    for t in clause.subtree:
        if t.i == verb.i:
            continue
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            out |= {x.i for x in t.subtree}
        elif t.tag_ == "VBG" and t.lower_ in REPORTING and t.dep_ in ("advcl", "conj"):
            out |= {x.i for x in t.subtree}
        elif t.tag_ == "VBG" and t.lower_ in REPORTING and t.dep_ == "pcomp" and t.head.lower_ in ("before", "after", "while"):
            out |= {x.i for x in t.head.subtree}  # "… on Twitter before claiming that …": a statement of its own
        elif t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("while", "whereas") for m in t.children) \
                and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == "," \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):  # not "…, while badly timed, …"
            out |= {x.i for x in t.subtree}  # "…, while Holloway countered that …": another voice
        elif t.lower_ in REPORTING and t.tag_.startswith("VB") and any(c.dep_ == "nsubj" for c in t.children) and any(
                c.dep_ == "prep" and c.i < t.i and any(p.tag_ in ("WDT", "WP") and p.i < t.i for p in c.children) for c in t.children):
            out |= {x.i for x in t.subtree}  # "…, to which Holloway replied: …": the answer is hers
    return out


def _after_direct_quote(verb: Token, direct: Ranges) -> bool:
    """Whether the verb follows the closing mark of a direct quote (and a comma): '"…," said Roe'."""
    doc, k = verb.doc, verb.i - 1
    while k >= 0 and doc[k].text in (",", "—", "–"):
        k -= 1
    return k >= max(0, verb.i - 3) and direct.holds(doc[k].idx)


def _set_phrase(verb: Token, subject: Token) -> bool:
    """Whether "subject verb," opens its sentence as a fixed phrase ("That said,", "All told,")."""
    return (subject.lower_ in ("that", "this", "all") and subject.i == verb.i - 1 and subject.i == verb.sent.start
            and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == "," and not list(subject.children))


def _impersonal(verb: Token) -> bool:
    """The writer's framing with nobody speaking: "it is said that …", "it was reported that …"."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    subj = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj", "expl")]
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        return not _has_said(verb)
    return bool(subj) and subj[0].dep_ == "expl"


def _has_said(verb: Token) -> bool:
    """Whether a passive the parser read in "she's said that …" is "she has said": the clitic "'s"
    as its auxiliary, a that-clause after it, a subject that is someone ("it's said that …" is the
    writer's framing), and someone told when the verb tells."""
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return (verb.tag_ in ("VBN", "VBD") and len(aux) == 1 and aux[0].lower_ in ("'s", "’s") and len(subj) == 1
            and subj[0].i == aux[0].i - 1 and subj[0].lower_ not in ("it", "this", "that", "there")
            and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
            # "he's told that …" is told; "she's told reporters that …" has told them
            and (verb.lower_ not in TELLING or any(c.dep_ in ("dobj", "dative") for c in verb.children)))


def _question(clause: Token) -> bool:
    """Whether a clause asks rather than states ("whether the vote would go ahead"); a clause that
    opens on a condition or a time of its own ("if taxes rose, families would leave") states."""
    first = clause.left_edge
    # "said if elected he would …": an "if" that marks a word inside the clause opens a condition
    condition = first.lower_ == "if" and first.dep_ == "mark" and first.head.i != clause.i
    if first.lower_ in QUESTION_WORDS and (first.dep_ == "mark" or first.tag_ in ("WDT", "WP", "WP$", "WRB")) \
            and not _in_subordinate(first, clause) and not condition:
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _in_subordinate(tok: Token, clause: Token) -> bool:
    """Whether ``tok`` belongs to an adverbial or a subject clause inside ``clause`` rather than to
    the clause ("whether X or Y works better will be part of the postmortem" states)."""
    node = tok
    while node.i != clause.i and node.head.i != node.i:
        if node.dep_ in ("advcl", "csubj", "csubjpass") and node.head.i == clause.i:
            return True
        node = node.head
    return False


def _pieces(doc: Doc, content: set[int]) -> list[tuple[int, int]]:
    """Contiguous token runs of the content, without edge punctuation or a leading "that"; runs
    apart only by punctuation and a conjunction (", but that") are one."""
    out = []
    idx = sorted(content)
    for a, b in zip(idx, idx[1:]):
        if b - a > 1 and b - a <= 4 and all(doc[k].is_punct or doc[k].dep_ == "cc" for k in range(a + 1, b)):
            content = content | set(range(a + 1, b))
    idx = sorted(content)
    run_start = prev = None
    for i in idx + [None]:
        if i is not None and prev is not None and i == prev + 1:
            prev = i
            continue
        if run_start is not None:
            a, b = run_start, prev + 1
            # a leading "that" goes, the clause's mark ("said that the vote …"), not a "that" the clause is about
            # ("That's according to exit polls")
            while a < b and (doc[a].text in EDGE_PUNCT or doc[a].is_space or doc[a].lower_ in ("that", "and", "but") and a == run_start
                             and not (doc[a].dep_ == "nsubj" and b - a == 1)):
                a += 1
            while b > a and (doc[b - 1].text in EDGE_PUNCT or doc[b - 1].is_space or doc[b - 1].dep_ == "cc"):
                b -= 1
            if b > a:
                out.append((a, b))
        run_start = prev = i
    return out


def _confidence(verb: Token, att: Attribution) -> float:
    """How sure the reported statement is speech by the speaker named: the plainest verbs and a
    resolved speaker score highest; inference verbs, an unnamed speaker and a future speech act
    ("will announce") lower."""
    w = verb.lower_
    conf = 0.9 if w in PLAIN else 0.75 if w in LOOSE else 0.85
    conf *= att.confidence if att.speaker is not None else 0.5
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may", "to") for c in verb.children):
        conf *= 0.75
    return round(min(conf, 0.95), 2)


_WORD = re.compile(r"[A-Za-z]+")


def reporting_word_near(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a form of a verb that can report speech: any that
    ``find_reported`` reads (``CUE_FORMS``), so that a sentence left out of the parse never holds
    one ("At the hearing, the mayor expressed frustration with …" is a summary, parsed or not)."""
    return any(w.lower() in CUE_FORMS for w in _WORD.findall(text, start, end))


__all__ = ["Reported", "find_reported", "reporting_word_near", "REPORTING", "PROMISING"]

