"""Renderings of one quotation: whether two printed texts render the same quotation, and how a
rendering differs from the first one printed.

A quotation travels: outlets re-print it, trim it, cut words out behind an ellipsis, and sometimes
change its words. These functions hold no state and touch no database, so the store
(``saidwhen.store``) and the Spark job (``saidwhen.spark``) link and classify renderings alike.

* ``same_quotation(a, b)`` decides from the words alone (the caller checks that one speaker said
  both): near-identical words, aligned word by word with ``difflib.SequenceMatcher``.
* ``sentence_of(short, long, long_text)`` says whether a short rendering (5 to 7 words) is the
  first sentence of a longer one, which ``same_quotation_read`` accepts: the statement cut short
  after its first sentence.
* ``bridges`` and ``piece_of_two`` keep two different statements of one speaker apart when they
  print one sentence whole (``whole_sentences``): the sentence, printed alone as they print it or
  with words changed, joins the statement printed first and never makes the two one quotation, in
  whatever order they come.
* ``rendering_buckets(norm)`` are the LSH buckets (MinHash over the words) that find the candidates
  to compare, so neither side compares every pair of a prolific speaker's quotes;
  ``rendering_keys`` adds a rendering's head key, by which a longer text finds the pieces of it
  printed before (``contained_keys``).
* ``readings(text)`` reads an editor's bracket ("carpet-bomb [the militants] into oblivion") as the
  words it may stand for, so that a bracketed rendering is filed (``reading_keys``), looked up and
  compared (``same_quotation_read``) as each of them too.
* ``classify(original, rendering)`` says what changed: ``same``, ``case``, ``punctuation``,
  ``truncation``, ``ellipsis`` or ``altered``, with a word-level diff; ``classify_all`` calls
  ``reported`` the words changed where one side is the reporter's (reported speech, not quoted).
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

__all__ = ["CHANGES", "QUOTED_KINDS", "same_quotation", "is_fragment", "rendering_buckets", "keep_buckets", "rendering_keys",
           "contained_keys", "min_hashes", "min_hashes_of", "readings", "reading_keys", "same_quotation_read", "sentence_of", "looked_for_inside", "inside",
           "whole_sentences", "piece_of_two", "bridges", "head_key", "run_key", "run_keys", "found_by_head", "classify",
           "classify_all", "word_diff", "diff_spans", "diff_parts"]

# What a rendering is, against the first one printed (``original`` is that one itself).
CHANGES = ("original", "same", "case", "punctuation", "truncation", "ellipsis", "altered", "reported")
#: The kinds of quote that print the speaker's words (``Quote.kind``); the others are reported.
QUOTED_KINDS = ("direct", "partial")

# Renderings shorter than this are never joined on changed words: "We will win this war" and "We
# will win this election" are two quotations, not one with a word changed.
MIN_WORDS = 5
# A rendering cut short (at either end, or behind ellipses) joins only if it keeps this many words,
# as the store's truncations do: shorter pieces are too common to mean one quote.
CUT_WORDS = 8
# Changed words allowed (respellings aside): at most a quarter of the longer rendering (two in a
# short one), in at most three places.
CHANGED_SHARE, MIN_CHANGED, MAX_EDITS = 0.25, 2, 3
# Words of substance that may change: one in a rendering of CUT_WORDS words, one more for each
# further SUBSTANCE_SPAN words ("in a decade" → "in ten years" in a sentence of sixteen), and at most
# PHRASE_WORDS in one place. A short sentence with two words of substance changed ("before the end of
# next year" → "… of this decade") says something else; in a long one, the rest vouches for it.
SUBSTANCE_SPAN, PHRASE_WORDS = 8, 2
# Words whose change keeps a quotation one (see ``_word_change``): negation, articles, auxiliaries,
# pronouns, intensifiers.
SMALL_WORDS = frozenset(
    "a an the not never no nor dont doesnt didnt wont cant cannot isnt arent wasnt werent will would shall should can could"
    " may might must do does did is are was were be been has have had we i you they he she it our my your their his her its"
    " this that these those very really all just so too also still every each some most many more few less"
    " nearly almost only even single quite always".split())

# Two renderings that overlap, one the other's statement cut at one end and the other with words of
# the statement at the other end (a sentence said before, printed in front of it), are one quotation
# when the words they share, one run, are many and most of the shorter one's: OVERLAP_WORDS words at
# least, and OVERLAP_SHARE of the shorter rendering. Two different statements of one speaker that
# share a phrase share far fewer words than that.
OVERLAP_WORDS, OVERLAP_SHARE = 12, 0.75

# The first sentence of a speaker's longer rendering, printed alone with MIN_WORDS to CUT_WORDS - 1
# words ("Our ferry service is finally back," from "Our ferry service is finally back. The new boats
# …"), renders it when it holds SENTENCE_SUBSTANCE words of substance: a piece that short and
# unmarked is too common to mean one quote anywhere ("I think that we should"), but not where the
# longer rendering's own punctuation says that the speaker's first sentence ends there; formulas
# ("We will win this election", "No comment") hold fewer words of substance. Only the first: a
# speaker's repeated line ends different statements ("The money is already in the bank." after two
# different answers, as one candidate ended two answers of one debate), and printed alone it would
# join them.
SENTENCE_SUBSTANCE = 3

# LSH over each rendering's words: 32 MinHash permutations in 16 bands of 2 rows. Two renderings
# with word-set Jaccard 0.6 (one word changed in six) share a band with probability 0.999; at 0.3,
# 0.77 — the alignment, not the LSH, decides.
NUM_PERM, BANDS, ROWS = 32, 16, 2
_SEED = 7
# The words a rendering's head key holds (``rendering_keys``): a piece of MIN_WORDS words or more
# that a longer text contains is found by the key of its first HEAD_WORDS words, which the LSH of
# a short piece and a long text rarely share.
HEAD_WORDS = 3

#: How quote marks, dashes and slashes fold in a quotation's words (``store.normalise_quote`` too).
QUOTE_MARKS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": " ", "\u2014": " ", "\u2015": " ", "-": " ", "/": " ",
})
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\.\s*\.\s*\.|\u2026")
# An ellipsis at the start or the end of a rendering: the piece of a longer sentence it shows.
_STARTS_CUT = re.compile(r"[\W_]*(?:\.\s*\.\s*\.|\u2026)")
_ENDS_CUT = re.compile(r"(?:\.\s*\.\s*\.|\u2026|\[\s*\.\.\.\s*\])[\W_]*$")
# Contractions spelled out, so that "we've got to" and "we have got to" align word for word (only
# those that read one way: "we'll" is not "well", "it's" may be "its").
CONTRACTIONS = {
    "im": "i am", "ive": "i have", "weve": "we have", "youve": "you have", "theyve": "they have", "youre": "you are",
    "theyre": "they are", "hes": "he is", "shes": "she is", "thats": "that is", "theres": "there is", "whats": "what is",
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not", "arent": "are not", "wasnt": "was not",
    "werent": "were not", "wont": "will not", "cant": "can not", "cannot": "can not", "couldnt": "could not",
    "wouldnt": "would not", "shouldnt": "should not", "havent": "have not", "hasnt": "has not", "hadnt": "had not",
    "youll": "you will", "theyll": "they will", "itll": "it will", "gonna": "going to", "wanna": "want to", "gotta": "got to",
}
# An editor's bracket: words in square brackets standing alone (not "[T]he", not an ellipsis "[...]"),
# which an outlet prints in place of the speaker's words ("carpet-bomb [the militants]" for "carpet
# bomb them") or adds ("he [Trump] said"). READ_AS: what it may stand for: nothing, or a pronoun or
# pointing word. A text with more than MAX_BRACKETS of them is read as printed only.
_BRACKET = re.compile(r"(?<![\w\[])\[([^\[\]]*[^\W\d_][^\[\]]*)\](?![\w\]])")
READ_AS = ("", "he", "she", "it", "they", "them", "him", "her", "we", "us", "this", "that", "these", "those", "there")
MAX_BRACKETS = 2
#: Punctuation left out of a quotation's words (``store.normalise_quote`` too).
PUNCT = re.compile(r"[^\w\s]+")
_MARK = "\u2026"


# ---------------------------------------------------------------- words


@lru_cache(maxsize=8192)  # a rendering is tokenised for each one it is classified against, and again for the diff
def _tokens(text: str) -> tuple[tuple[str, str], ...]:
    """(as printed, key) for each word: the key is the word as ``normalise_quote`` folds it, so
    the keys joined by spaces are the store's ``norm_text``; an ellipsis is a token with key ""."""
    t = _ELLIPSIS.sub(f" {_MARK} ", unicodedata.normalize("NFKC", text).translate(QUOTE_MARKS))
    out = []
    for tok in t.split():
        key = tok.lower()
        if not key.isalnum():  # a word of letters and digits alone has no punctuation to take out (most words)
            key = PUNCT.sub("", key)
        if key or tok == _MARK:
            out.append((tok, key))
    return tuple(out)


# The possessive of a word ending in s, printed with or without another s ("Sanders's", "Sanders'"):
# a house style, not a changed word.
_POSSESSIVE_S = re.compile(r"s's[\W_]*$")


def _spelled(tokens: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """``tokens`` with the possessive "s's" keyed as "s'" (``_POSSESSIVE_S``), so that two house
    styles of one word compare equal when a rendering is classified."""
    return [(tok, key[:-1] if _POSSESSIVE_S.search(tok.lower()) else key) for tok, key in tokens]


@lru_cache(maxsize=8192)  # asked of both texts of a pair twice when it is classified (the change, the diff)
def _spelled_tokens(text: str) -> tuple[tuple[str, str], ...]:
    """``_spelled`` of the ``_tokens`` of ``text``."""
    return tuple(_spelled(_tokens(text)))


@lru_cache(maxsize=16384)  # asked of every rendering of a quote each time one is added
def _keys(text: str) -> tuple[str, ...]:
    return tuple(k for _, k in _tokens(text) if k)


# ---------------------------------------------------------------- linking


@lru_cache(maxsize=65536)  # asked of every candidate rendering
def is_fragment(text: str) -> bool:
    """Whether the rendering ``text`` (as printed) shows that it is a piece of a longer sentence: an
    ellipsis at its start or end, or a first word in lower case, as a partial quote has (she called
    it "a betrayal of every family in this town")."""
    if _STARTS_CUT.match(text[:16]) or _ENDS_CUT.search(text[-16:]):
        return True
    first = next((c for c in text if c.isalnum()), "")
    return first.islower()


def _spelled_out(words: list[str]) -> list[str]:
    """``words`` with their contractions spelled out (``CONTRACTIONS``)."""
    if CONTRACTIONS.keys().isdisjoint(words):
        return words
    return [part for w in words for part in CONTRACTIONS.get(w, w).split()]


class _Words(NamedTuple):
    """What ``same_quotation`` reads of a normalised text (``_words_of``)."""

    words: tuple[str, ...]
    present: frozenset[str]  # its words
    stems: frozenset[str]  # their first three letters


@lru_cache(maxsize=16384)  # a stored rendering is compared with each new text of its speaker that the LSH meets it by
def _words_of(norm: str) -> _Words:
    """The words of the normalised text ``norm`` and the sets ``same_quotation`` counts them in, made once
    a text: most of its comparisons end at these counts (about 9,000 of 9,600 indexing the real corpus),
    and splitting both texts and building the sets each time was most of what they cost."""
    words = norm.split()
    return _Words(tuple(words), frozenset(words), frozenset(w[:3] for w in words))


@lru_cache(maxsize=16384)
def _spelled_words(norm: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The words of ``norm`` with contractions spelled out (``_spelled_out``), and their set: what
    ``same_quotation`` reads of the fewer texts that pass its counts (``_may_align``)."""
    spelled = _spelled_out(norm.split())
    return tuple(spelled), frozenset(spelled)


@lru_cache(maxsize=4096)
def _aligned(a: tuple, b: tuple) -> SequenceMatcher:
    """``difflib.SequenceMatcher`` of the words ``a`` and ``b`` (no junk), kept with the blocks and opcodes it
    has computed (callers read them, never change them): a pair of renderings is aligned again and again
    with the same words, when it is linked (``same_quotation``, ``_overlap``: one alignment) and when it is
    classified (``classify``, ``diff_spans``, ``_shares``: the same keys, mostly), each time a quote is
    classified again; more than half of the alignments made indexing the written and real corpora repeat one made before."""
    return SequenceMatcher(None, a, b, autojunk=False)


def same_quotation(a: str, b: str, a_cut: bool = False, b_cut: bool = False) -> bool:
    """Whether normalised texts ``a`` and ``b`` (``norm_text``) render one quotation, judged on
    their words (contractions spelled out): one is the other cut short or with words left out (8+
    words kept, or 5+ when it shows it is a piece: ``a_cut``, ``b_cut``, see ``is_fragment``), or
    the words it keeps were changed in three places at most, besides small words and respellings (a
    word substituted, inserted or dropped, a "not" added), one word of substance in a sentence of 8
    to 15 words and one more for each 8 words beyond (``SUBSTANCE_SPAN``), words moved counting as
    one (``_moved``); or the two overlap, one cut where the other goes on, on a long run of words
    (``_overlap``). Different quotations that share a phrase ("We will win …") change more than that."""
    wa, wb = _words_of(a), _words_of(b)
    if wa.words == wb.words:
        return True
    # the shorter first, ``a`` if as long
    (sw, short_cut, sn), (lw, ln) = ((wb, b_cut, b), (wa, a)) if len(wb.words) < len(wa.words) else ((wa, a_cut, a), (wb, b))
    short, long = sw.words, lw.words
    if len(short) < MIN_WORDS:
        return False
    # Every rendering accepted below keeps the short one's words in the long one but for the
    # changed words and one respelling per edit: a quick count turns most LSH candidates away.
    present = lw.present
    missing = [w for w in short if w not in present]
    limit = max(MIN_CHANGED, int(CHANGED_SHARE * len(long)))
    if len(missing) > limit + MAX_EDITS:
        return False
    if missing and sum(w[:3] not in lw.stems and w not in CONTRACTIONS for w in missing) > limit:  # not respellings either
        return False
    if short_cut and _contains(long, short):
        return True
    (long, in_long), (short, in_short) = _spelled_words(ln), _spelled_words(sn)
    if not _may_align(long, short, in_long, in_short):
        return False
    sm = _aligned(long, short)
    blocks = [m for m in sm.get_matching_blocks() if m.size]
    kept = sum(m.size for m in blocks)
    if kept == len(short) and len(short) >= CUT_WORDS and len(blocks) <= 3:
        return True  # cut short, trimmed, or words left out in one or two places
    if _overlap(long, short):
        return True
    edits = _cuts_apart([op for op in sm.get_opcodes() if op[0] != "equal"], long, short)
    if _changed_little(edits, long, short, len(long)):
        return True
    # Words of the long one beyond the short one's first and last words may have been cut, not
    # changed: a piece of the long one with words changed besides, in one place, keeping the words
    # a cut keeps.
    cut = [op for op in (edits[:1] + edits[-1:]) if op[0] == "delete" and (op[1] == 0 or op[2] == len(long))]
    # So may words left out inside it, between two runs of MIN_WORDS words it keeps, as the rule above
    # leaves them out when nothing else changed ("Much will have to do with the council and whether it
    # wants to pay — whether it is willing to raise the fees" → "has to do with the council and
    # whether it is willing to raise the fees").
    inside = [op for op in edits if op[0] == "delete" and op not in cut and _between_runs(op, blocks)]
    rest = [op for op in edits if op not in cut and op not in inside]
    if not cut or len(rest) > 1 or kept < (MIN_WORDS if short_cut else CUT_WORDS):
        return False
    return _changed_little(rest, long, short, len(long) - sum(i2 - i1 for _, i1, i2, _, _ in set(cut + inside)))


@lru_cache(maxsize=4096)  # asked of a candidate each time a text of its speaker is looked up
def readings(text: str) -> tuple[str, ...]:
    """The normalised texts (as ``norm_text``) that a rendering printed with an editor's bracket
    (``_BRACKET``) may stand for, besides its own words: each bracket read as nothing or as each of
    ``READ_AS`` (the other kept as printed), and, with two, both read as nothing; () for a text
    without one, or with more than ``MAX_BRACKETS``. "drive [the rival bidders] out
    of town" reads "drive them out of town" among others: the words the speaker said, which
    another outlet prints. At most 31 readings, for the rare texts that have a bracket."""
    if "[" not in text:
        return ()
    brackets = list(_BRACKET.finditer(text))
    if not brackets or len(brackets) > MAX_BRACKETS:
        return ()
    norm = " ".join(_keys(text))
    variants = [[(m, word)] for m in brackets for word in READ_AS]
    if len(brackets) > 1:
        variants.append([(m, "") for m in brackets])
    out = []
    for subs in variants:
        t, at = [], 0
        for m, word in subs:
            t += [text[at:m.start()], f" {word} "]
            at = m.end()
        read = " ".join(_keys("".join(t) + text[at:]))
        if read and read != norm and read not in out:
            out.append(read)
    return tuple(out)


def reading_keys(text: str) -> list[int]:
    """The keys a speaker's rendering printed with an editor's bracket is filed under besides its own
    (``rendering_keys``): those of each of its ``readings``, so that a rendering of the words the
    bracket stands for, cut short or not, finds it as it finds any rendering of the speaker."""
    return sorted({k for read in readings(text) for k in rendering_keys(read)})


def same_quotation_read(a: str, b: str, a_cut: bool = False, b_cut: bool = False, a_text: str = "", b_text: str = "") -> bool:
    """``same_quotation`` of the normalised texts ``a`` and ``b``, or of one of them and a reading of
    the other as printed (``a_text``, ``b_text``; see ``readings``): a rendering with an editor's bracket
    renders the quotation whose words the bracket replaces. Printed, a short one renders a longer one
    that it is the first sentence of too (``sentence_of``)."""
    if same_quotation(a, b, a_cut, b_cut) or sentence_of(a, b, b_text) or sentence_of(b, a, a_text):
        return True
    return (any(same_quotation(read, b, a_cut, b_cut) for read in readings(a_text))
            or any(same_quotation(a, read, a_cut, b_cut) for read in readings(b_text)))


# What ends a sentence or a clause where it is printed: a full stop, a question or exclamation mark,
# a semicolon or a colon, quote marks or a bracket closing after it aside.
_CLAUSE_END = re.compile(r"[.!?;:][\"')\]]*$")
_COMMA_END = re.compile(r",[\"')\]]*$")


def sentence_of(short: str, long: str, long_text: str) -> bool:
    """Whether the normalised text ``short``, of ``MIN_WORDS`` to ``CUT_WORDS`` - 1 words and
    ``SENTENCE_SUBSTANCE`` words of substance, is the first sentence of the longer normalised
    ``long`` (printed as ``long_text``), word for word: ``long`` begins with its words and a sentence
    of it ends after them (``_sentence_ends``). A speaker's first sentence printed alone is the
    statement cut short (longer cuts, at any word, are joined by ``same_quotation``)."""
    words = short.split()
    if not MIN_WORDS <= len(words) < CUT_WORDS or sum(w not in SMALL_WORDS for w in words) < SENTENCE_SUBSTANCE:
        return False
    if not long.startswith(short + " "):
        return False
    tokens = [t for t in _tokens(long_text) if t[1]]
    return len(tokens) > len(words) and [k for _, k in tokens[:len(words)]] == words and _sentence_ends(tokens, len(words))


def inside(short: str, long: str) -> bool:
    """Whether the normalised text ``short`` is a run of the words of the longer normalised ``long``,
    word for word: a piece of it."""
    return len(short) < len(long) and f" {short} " in f" {long} "


def piece_of_two(pieces: int) -> bool:
    """Whether a speaker's text that renders whole sentences of renderings of ``pieces`` of their
    quotations (``whole_sentences``: a line that two different statements share, printed alone, as
    they print it or with words changed) is ambiguous: two or more. Nothing tells which statement it
    renders, so it makes none of them one quotation with another; it joins the earliest quotation it
    renders (the first time its words were on record), as it does when it is printed before the
    second statement (``bridges``)."""
    return pieces >= 2


def whole_sentences(piece: str, text: str) -> bool:
    """Whether the normalised ``piece`` renders (``same_quotation``, word for word or with words
    changed) one sentence or more of the longer ``text`` as printed, whole: the run of its words that
    the piece's words align with begins at its start or after a sentence ends, and ends at its end or
    where a sentence ends (``_sentence_ends``). A speaker's repeated line is; a phrase cut from the
    middle of a sentence ("a good deal more besides" in "… a good deal more besides the quarry") is not."""
    return _sentences_at(piece, text) is not None


def _sentences_at(piece: str, text: str) -> tuple[bool, bool] | None:
    """(whether it begins the text, whether it ends it) of the whole sentences of ``text`` that
    ``piece`` renders (``whole_sentences``); None when it renders none."""
    words = piece.split()
    tokens = [t for t in _tokens(text) if t[1]]
    keys = [k for _, k in tokens]
    if len(words) >= len(keys):
        return None
    blocks = [m for m in _aligned(tuple(keys), tuple(words)).get_matching_blocks() if m.size]
    if not blocks:
        return None
    # the run of the text the piece spans: its words before the first word kept and after the last
    # one are the text's words changed, one for one
    start = max(0, blocks[0].a - blocks[0].b)
    end = min(len(keys), blocks[-1].a + len(words) - blocks[-1].b)
    if end - start >= len(keys) or not ((start == 0 or _sentence_ends(tokens, start)) and (end == len(keys) or _sentence_ends(tokens, end))):
        return None
    run = " ".join(keys[start:end])
    return (start == 0, end == len(keys)) if run == piece or same_quotation(piece, run) else None


def bridges(norm: str, cut: bool, text: str, piece: str, holders) -> bool:
    """Whether the speaker's text ``norm`` (printed as ``text``; ``cut``: it shows it is a piece,
    ``is_fragment``), which renders the shorter rendering ``piece`` as whole sentences of its own
    (``whole_sentences``: a line it prints, as ``piece`` prints it or with words changed), meets it
    only as a bridge: ``holders``, (norm, cut, text) of the speaker's renderings printed before
    ``norm``, include a longer one of which ``piece`` renders whole sentences too and that is a
    different statement from ``norm``: not a piece of it, sharing fewer than half of the words of
    the shorter of the two besides ``piece``'s (``_alike_around``), not rendered by it
    (``same_quotation_read``), and not ending where ``norm`` begins with the line or beginning
    where ``norm`` ends with it (two cuts of one statement meet there: "… nothing we can fix, friends,
    unless the council, perhaps it will, who can say" and "Unless the council, perhaps it will. Who
    can say. Still …"). A line that two different statements share is no sign that they are
    one quotation: the later statement does not join the earlier one's quotation through it (the
    line stays with the statement printed first, see ``piece_of_two``). A piece that only one
    statement prints, a phrase cut from inside a sentence (two cuts of one statement often share
    one), or a line the later text prints inside a rendering of the same statement (cut, extended, a
    word changed: "… over budget, but it will carry its first trains in July" against "… in June,
    whatever the critics say") still joins it."""
    at = _sentences_at(piece, text) if len(piece) < len(norm) else None
    if at is None:
        return False
    for other, other_cut, other_text in holders:
        there = _sentences_at(piece, other_text) if len(piece) < len(other) and other != norm and not inside(other, norm) else None
        # ending one and beginning the other, the line is where two cuts of one statement meet
        if there is None or (at[1] and there[0]) or (at[0] and there[1]):
            continue
        if not _alike_around(norm, other, piece) and not same_quotation_read(norm, other, cut, other_cut, text, other_text):
            return True
    return False


def _alike_around(a: str, b: str, piece: str) -> bool:
    """Whether normalised texts ``a`` and ``b``, which both print ``piece``, share, aligned word by
    word, at least half of the shorter one's words besides the piece's: two renderings of one
    statement around it, not two statements that share a sentence."""
    wa, wb = a.split(), b.split()
    kept = sum(m.size for m in _aligned(tuple(wa), tuple(wb)).get_matching_blocks())
    words = len(piece.split())
    return 2 * (kept - words) >= min(len(wa), len(wb)) - words


def _sentence_ends(tokens: list[tuple[str, str]], at: int) -> bool:
    """Whether a sentence of the printed words ``tokens`` (as ``_tokens`` gives them, ellipses left
    out) ends before ``tokens[at]``: after a word closing a sentence or clause (``_CLAUSE_END``), or
    after a comma followed by a capital, the comma that stands for a full stop where a split quote
    is joined ("Our ferry service is finally back, The new boats …", see ``store.quotations``)."""
    before, after = tokens[at - 1][0], tokens[at][0]
    return bool(_CLAUSE_END.search(before)) or (bool(_COMMA_END.search(before)) and after.lstrip("\"'([")[:1].isupper())


def _overlap(long: list[str], short: list[str]) -> bool:
    """Whether one rendering ends with the words the other begins with, and they are one run of
    ``OVERLAP_WORDS`` words or more and ``OVERLAP_SHARE`` of ``short``'s: two cuts of one statement,
    one printed with words said before the other's ("… make a deal. A lot will depend on them"
    against "A lot will depend on them and on what they give up"). The words beyond the run on
    either side are the statement's, cut from the other rendering, not words changed."""
    m = _aligned(tuple(long), tuple(short)).find_longest_match(0, len(long), 0, len(short))
    if m.size < max(OVERLAP_WORDS, OVERLAP_SHARE * len(short)):
        return False
    return (m.a == 0 and m.b + m.size == len(short)) or (m.b == 0 and m.a + m.size == len(long))


def _between_runs(op: tuple, blocks) -> bool:
    """Whether the words an opcode leaves out of the long rendering lie between two runs of at
    least ``MIN_WORDS`` words that the short one keeps (``blocks``: the matching blocks)."""
    _, i1, i2, _, _ = op
    return any(m.a + m.size == i1 and m.size >= MIN_WORDS for m in blocks) and any(m.a == i2 and m.size >= MIN_WORDS for m in blocks)


def _may_align(long: tuple[str, ...], short: tuple[str, ...], in_long: frozenset[str], in_short: frozenset[str]) -> bool:
    """Whether ``long`` and ``short`` (words, contractions spelled out) keep few enough words apart for
    one of ``same_quotation``'s alignments to accept them, read from their word sets alone, so that
    the LSH candidates of a prolific speaker are not all aligned. A word of one that the other lacks
    is a changed word, or one respelled (one per edit). A piece cut from the long one changes at most
    ``max(MIN_CHANGED, CHANGED_SHARE * window)`` words in one edit, its window (the long one's words
    it spans) being at most 4/3 of its own length, or 7; words changed in place leave at most
    ``MAX_EDITS`` and ``max(MIN_CHANGED, CHANGED_SHARE * len(long))`` words apart on either side.
    ``in_long``, ``in_short``: the sets of their words (``_spelled_words``)."""
    apart = sum(w not in in_long for w in short)
    if apart <= 1 + max(MIN_CHANGED, int(CHANGED_SHARE * max(7, len(short) * 4 // 3 + 1))):
        return True
    allowed = MAX_EDITS + max(MIN_CHANGED, int(CHANGED_SHARE * len(long)))
    return apart <= allowed and sum(w not in in_short for w in long) <= allowed


def _cuts_apart(edits, long: list[str], short: list[str]) -> list[tuple]:
    """The opcodes ``edits`` (``long`` to ``short``) with a cut told apart from a respelling next
    to it: a ``replace`` at an end of the long rendering that takes more of its words than it
    gives, and gives only other forms of its first (or last) ones or small words ("… of the rules.
    And I'm on your side today." → "… of the rule."), is those words respelled plus a ``delete``
    of the words cut off. A word of substance at the cut stays one change ("sending us love and
    support" → "sending us flowers" is something else)."""
    out = []
    for op, i1, i2, j1, j2 in edits:
        kept = j2 - j1
        if op == "replace" and i2 - i1 > kept and i2 == len(long) and j2 == len(short) \
                and _word_change(long[i1:i1 + kept], short[j1:j2]) == 0:
            out += [("replace", i1, i1 + kept, j1, j2), ("delete", i1 + kept, i2, j2, j2)]
        elif op == "replace" and i2 - i1 > kept and i1 == 0 and j1 == 0 and _word_change(long[i2 - kept:i2], short[j1:j2]) == 0:
            out += [("delete", 0, i2 - kept, 0, 0), ("replace", i2 - kept, i2, j1, j2)]
        else:
            out.append((op, i1, i2, j1, j2))
    return out


def _changed_little(edits, long: list[str], short: list[str], window: int) -> bool:
    """Whether the ``edits`` (opcodes from ``long`` to ``short``) change little enough of a run of
    ``window`` words for the two to be one quotation (see ``same_quotation``)."""
    if len(edits) > MAX_EDITS:
        return False
    moved = _moved(edits, long, short)
    sides = [([w for w in long[i1:i2] if w not in moved], [w for w in short[j1:j2] if w not in moved]) for _, i1, i2, j1, j2 in edits]
    changed = sum(max(len(old), len(new)) for old, new in sides if not _respelled(old, new)) + bool(moved)
    if changed > max(MIN_CHANGED, int(CHANGED_SHARE * window)):
        return False
    changes = [_word_change(old, new) for old, new in sides]
    return None not in changes and sum(changes) + bool(moved - SMALL_WORDS) <= _substance_allowed(window)


def _moved(edits, long: list[str], short: list[str]) -> set[str]:
    """The words that one of the ``edits`` takes out and another puts back: moved, the order
    changed ("coal miners and coal companies" → "coal companies and coal miners"). Moving them is
    one change, however many words moved."""
    if len(edits) < 2:
        return set()
    out = [set(long[i1:i2]) for _, i1, i2, _, _ in edits]
    back = [set(short[j1:j2]) for _, _, _, j1, j2 in edits]
    return {w for n, words in enumerate(out) for w in words if any(w in b for m, b in enumerate(back) if m != n)}


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Whether ``short`` is a run of ``long``'s words."""
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1) if long[i] == short[0])


def _substance_allowed(words: int) -> int:
    """How many words of substance may change in a rendering of ``words`` words (``SUBSTANCE_SPAN``)."""
    return 0 if words < CUT_WORDS else 1 + (words - CUT_WORDS) // SUBSTANCE_SPAN


def _respelled(old: list[str], new: list[str]) -> bool:
    """One word for one that is a spelling or form of it ("harbour" → "harbor", "works" → "work")."""
    return len(old) == len(new) == 1 and _alike_words(old[0], new[0])


@lru_cache(maxsize=8192)  # the same pairs of words are compared for each pair of renderings that differ by them
def _alike_words(old: str, new: str) -> bool:
    """Whether two words are spellings or forms of one (``difflib`` ratio of their letters 0.8 or more)."""
    return SequenceMatcher(None, old, new).ratio() >= 0.8


def _word_change(old: list[str], new: list[str]) -> int | None:
    """How many words of substance one edit changes: 0 for small words only ("never" → "not", a
    "not" added) or one word respelled ("harbour" → "harbor"), else the most on either side
    ("spring" → "summer": 1, "add" → "bolt on": 2), None for more than ``PHRASE_WORDS`` ("love and
    support" → "flowers": something else was said)."""
    if all(w in SMALL_WORDS for w in old + new):
        return 0
    if _respelled(old, new):
        return 0
    most = max(sum(w not in SMALL_WORDS for w in words) for words in (old, new))
    return most if most <= PHRASE_WORDS else None


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32").permutations


# The MinHash values of the set of one word (``_permuted``), one row of ``_WORD_TABLE`` a word, and each
# word's row (``_WORD_ROW``): a set's values are the least of its words', and the words of substance of a
# speaker's quotations recur in each rendering. Up to _WORD_VALUES_KEPT words, then all forgotten at once.
_WORD_ROW: dict[str, int] = {}
_WORD_TABLE = None  # numpy.uint32, NUM_PERM columns; the rows past len(_WORD_ROW) are room to grow
_WORD_VALUES_KEPT = 65536
# The LSH buckets of normalised texts (``_rendering_buckets``), up to _BUCKETS_KEPT texts, then all forgotten.
_BUCKETS: dict[str, tuple[int, ...]] = {}
_BUCKETS_KEPT = 65536


def _permuted(hashes, permutations):
    """Each member's hash values under the affine32 ``permutations`` (a, b), one row per member of a
    set whose members' ``sha1_hash32`` are ``hashes`` (``numpy.uint32``); their least by column is
    what datasketch's ``MinHash.update_batch`` leaves in ``hashvalues`` (``min_hashes``)."""
    a, b = permutations
    return _mixed(hashes).reshape(-1, 1) * a + b


def _permuted_across(hashes, permutations):
    """``_permuted`` the other way round: one row per permutation, one column per member. A set's least
    values are then taken along the rows, through memory in order (``min_hashes``, ``min_hashes_of``):
    eight times faster than down the columns on the shingles of long articles (25 ms against 3 for
    the 107 re-printing articles), the same values."""
    a, b = permutations
    values = a.reshape(-1, 1) * _mixed(hashes)
    values += b.reshape(-1, 1)
    return values


def _mixed(hashes):
    """``hashes`` (``numpy.uint32``) through datasketch's ``_fmix``, in a new array."""
    import numpy as np

    hv = np.array(hashes, dtype=np.uint32)
    # datasketch's _fmix and affine permutation step for step: stored buckets and signatures must not change
    hv ^= hv >> np.uint32(16)
    hv *= np.uint32(0x85EBCA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2AE35)
    hv ^= hv >> np.uint32(16)
    return hv


def min_hashes(hashes, permutations):
    """The MinHash values (``numpy.uint32``) of a set whose members' ``sha1_hash32`` are ``hashes``,
    as datasketch's ``MinHash.update_batch`` computes them, in one pass over the set and without a
    ``MinHash`` object to build per set. ``hashes`` must not be empty."""
    return _permuted_across(hashes, permutations).min(axis=1)


def min_hashes_of(hashes, starts, permutations):
    """``min_hashes`` of each run of ``hashes`` that begins at one of ``starts`` (ascending, the first 0)
    and ends where the next begins, one row a run: the sets of many texts in one pass."""
    import numpy as np

    return np.minimum.reduceat(_permuted_across(hashes, permutations), starts, axis=1).T


def sha1_hashes32(members):
    """datasketch's ``sha1_hash32`` of each string's UTF-8 bytes (``numpy.uint32``), the hashes
    ``min_hashes`` takes."""
    import numpy as np

    sha1 = _SHA1
    return np.frombuffer(b"".join([sha1(m).digest()[:4] for m in map(str.encode, members)]), "<u4")


try:  # CPython's own SHA-1: the same digests as OpenSSL's, made twice as fast for a few bytes (no context to set up)
    from _sha1 import sha1 as _SHA1
except ImportError:  # a Python built without it
    _SHA1 = hashlib.sha1


assert ROWS == 2  # a band's two 32-bit values are read as one 64-bit key (``_rendering_buckets``)


def _band_masks():
    """A random 64-bit mask for each band (BLAKE2 of its number), so that equal values in two bands
    make two keys, and the even mask that keeps a bucket's lowest bit clear."""
    import numpy as np

    masks = [int.from_bytes(hashlib.blake2b(f"band {band}".encode(), digest_size=8).digest(), "little") for band in range(BANDS)]
    return np.array(masks, dtype="<u8"), np.uint64((1 << 64) - 2)


_BAND_MASKS, _EVEN = _band_masks()


def rendering_buckets(norm: str) -> list[int]:
    """The LSH buckets of ``norm`` (see ``_rendering_buckets``)."""
    return list(_rendering_buckets(norm))


def _rendering_buckets(norm: str) -> tuple[int, ...]:
    """The LSH bucket of each band of the MinHash of ``norm``'s words of substance, as signed 64-bit
    integers (SQLite's); renderings of one quotation almost always share one. Changing what is
    hashed changes the buckets: ``BUCKETS_VERSION`` in the store says which stores must rebuild them.
    Every bucket is even, every other key (``_head_key``, ``_run_key``) odd: the store indexes its LSH
    entries alone by bucket (an index over the even ones), and looks the others up by speaker only.
    Computed by ``keep_buckets`` and kept: a new rendering's buckets are asked for again when it is stored."""
    found = _BUCKETS.get(norm)
    if found is None:
        keep_buckets((norm,))
        found = _BUCKETS[norm]
    return found


def keep_buckets(norms: Iterable[str]) -> None:
    """Compute the LSH buckets (``_rendering_buckets``) of those of ``norms`` not kept yet, all in one
    pass of numpy, and keep them. numpy's cost is mostly per call, on a few words a text: the store
    computes the buckets of every quotation of a batch at once before it writes them (``Store._write_batch``),
    and the values are those of one text at a time."""
    import numpy as np

    global _WORD_TABLE
    todo = [norm for norm in dict.fromkeys(norms) if norm not in _BUCKETS]
    if not todo:
        return
    # The words of substance: small words ("we", "will", "the") would make every short quotation
    # a candidate of every other, and the alignment decides on them anyway.
    members = []
    for norm in todo:
        words = set(norm.split())
        members.append((words - SMALL_WORDS) or words or {norm})
    new = [w for w in dict.fromkeys(w for m in members for w in m) if w not in _WORD_ROW]
    if len(_WORD_ROW) + len(new) > _WORD_VALUES_KEPT:
        _WORD_ROW.clear()
        new = list(dict.fromkeys(w for m in members for w in m))
    if new:
        used = len(_WORD_ROW)
        if _WORD_TABLE is None or used + len(new) > len(_WORD_TABLE):
            table = np.empty((max(2 * used, used + len(new), 1024), NUM_PERM), dtype=np.uint32)
            if _WORD_TABLE is not None:
                table[:used] = _WORD_TABLE[:used]
            _WORD_TABLE = table
        _WORD_TABLE[used:used + len(new)] = _permuted(sha1_hashes32(new), _permutations())
        _WORD_ROW.update(zip(new, range(used, used + len(new))))
    starts = np.cumsum([0] + [len(m) for m in members[:-1]])
    values = np.minimum.reduceat(_WORD_TABLE[[_WORD_ROW[w] for m in members for w in m]], starts, axis=0)
    # A band's ROWS values, 32 bits each, are its key as they stand (MinHash values are hashes
    # already): read as one 64-bit integer, told from the other bands' by a random mask of its own,
    # even (an LSH bucket, see ``_head_key``).
    keys = ((values.astype("<u4").view("<u8") ^ _BAND_MASKS) & _EVEN).view("<i8").tolist()
    if len(_BUCKETS) + len(todo) > _BUCKETS_KEPT:
        _BUCKETS.clear()
    _BUCKETS.update(zip(todo, map(tuple, keys)))


def rendering_keys(norm: str, nobody: bool = False) -> list[int]:
    """What the store files a rendering under: its LSH buckets (``rendering_buckets``) and, when it
    has ``MIN_WORDS`` words or more, the key of its first ``HEAD_WORDS`` words, by which a longer
    text finds the pieces of it printed before (``contained_keys``). A rendering printed with no
    speaker (``nobody``) is filed under the key of every run of ``HEAD_WORDS`` words too, so that a
    speaker's piece of it cut at any word, whose words the LSH rarely meets, finds it by its own
    head key (``head_key``) and takes it over. A speaker's rendering is filed under the key of each
    of its runs of words in another hash (``run_keys``), so that a piece of it the same speaker is
    quoted saying finds it (``run_key``) without reading all the speaker's renderings."""
    words = norm.split()
    keys = rendering_buckets(norm) + ([_runs(norm)[0]] if len(words) >= MIN_WORDS else [])
    return list(dict.fromkeys(keys + contained_keys(norm))) if nobody else keys + run_keys(norm)


def run_key(norm: str) -> int:
    """The key of the first ``HEAD_WORDS`` words of ``norm`` among ``run_keys``: a speaker's rendering
    that contains ``norm`` is filed under it."""
    return _run_of(head_key(norm))


def run_keys(norm: str) -> list[int]:
    """The keys of the runs of ``HEAD_WORDS`` words in ``norm`` that begin a piece of ``MIN_WORDS``
    words or more (the shortest piece the store looks for), apart from the head keys and the LSH
    buckets (``_run_of``), so that looking a speaker's text up by them meets no other entry."""
    runs = _runs(norm)
    last = len(runs) - (MIN_WORDS - HEAD_WORDS)  # the runs that begin a piece of MIN_WORDS words
    return sorted({_run_of(head) for head in runs[:last]}) if last > 0 else []


def _run_key(words: list[str]) -> int:
    """The run key of ``words`` (see ``_run_of``)."""
    return _run_of(_head_key(words))


def _run_of(head: int) -> int:
    """The run key (``run_key``, ``run_keys``) of the run of words whose head key is ``head``
    (``_head_key``): its second bit flipped, odd as well, so that one hash of a run's words serves
    both and the two kinds of key never meet."""
    return head ^ 2


assert HEAD_WORDS == 3  # ``_runs`` spells a run's three words out


# BLAKE2 with "head " hashed already: a run's key (``_runs``) copies it and hashes the run's own words, the
# same digest as hashing them after "head " anew, for two thirds of the time (no keyword arguments to
# parse, no context to set up); the digest read as a signed little-endian integer by ``struct``.
_HEAD_HASH = hashlib.blake2b(b"head ", digest_size=8)
_SIGNED64 = struct.Struct("<q").unpack


@lru_cache(maxsize=16384)  # a text's runs are asked for when it is looked up and again when it is filed
def _runs(norm: str) -> tuple[int, ...]:
    """``_head_key`` of each run of ``HEAD_WORDS`` words in ``norm``, in order (``contained_keys``,
    ``run_keys``): ``_key`` written out, since a text has a run a word (every new text's runs are
    hashed: about 5 % of indexing the written corpora)."""
    words = norm.split()
    keys = []
    for a, b, c in zip(words, words[1:], words[2:]):
        h = _HEAD_HASH.copy()
        h.update(f"{a} {b} {c}".encode("utf-8"))
        keys.append(_SIGNED64(h.digest())[0] | 1)
    return tuple(keys)


def _key(kind: str, words) -> int:
    """A signed 64-bit key of a few words, apart from the LSH buckets (another hash input, and odd where
    every bucket is even: the store's index of buckets holds the even keys only); ``kind`` ("head ")
    sets the keys of words apart from other hashes."""
    return int.from_bytes(hashlib.blake2b((kind + " ".join(words)).encode("utf-8"), digest_size=8).digest(), "little", signed=True) | 1


def head_key(norm: str) -> int:
    """The key of the first ``HEAD_WORDS`` words of ``norm`` (``rendering_keys``)."""
    runs = _runs(norm)
    return runs[0] if runs else _head_key(norm.split())


def looked_for_inside(norm: str) -> bool:
    """Whether a speaker's text, when the LSH meets none of their renderings, is looked for inside
    them (by its ``run_key``): one of ``MIN_WORDS`` words or more, which may be a piece of one of
    them that the LSH of a much longer text does not meet, as a piece of a text printed with no
    speaker may be (``found_by_head``): one that shows it is a piece (``is_fragment``), one of
    ``CUT_WORDS`` words or more that does not (a part cut from the middle of a sentence, printed
    with a capital and no ellipsis), or one of ``MIN_WORDS`` to ``CUT_WORDS`` - 1 words that is the
    first sentence of one of them printed alone (``sentence_of``); ``same_quotation_read`` decides."""
    return norm.count(" ") + 1 >= MIN_WORDS


def found_by_head(norm: str, cut: bool = False) -> bool:
    """Whether a speaker's text is long enough to be looked for, by its ``head_key``, inside a longer
    text printed with no speaker: ``CUT_WORDS`` words, or ``MIN_WORDS`` when it shows it is a piece
    (``cut``, see ``is_fragment``)."""
    return norm.count(" ") + 1 >= (MIN_WORDS if cut else CUT_WORDS)


def contained_keys(norm: str) -> list[int]:
    """The keys of every run of ``HEAD_WORDS`` words in ``norm``: a rendering that ``norm``
    contains begins with one of them, so its head key (``rendering_keys``) is among these."""
    return sorted(set(_runs(norm)))


def _head_key(words: list[str]) -> int:
    return _key("head ", words)


# ---------------------------------------------------------------- classifying


@lru_cache(maxsize=8192)  # every rendering of a quote is classified again each time one is added
def classify(original: str, rendering: str) -> tuple[str, str]:
    """(change, diff) of ``rendering`` against the ``original`` printed first.

    ``same``: the same text (spacing, Unicode forms and quote marks around the whole aside);
    ``case``: capitals only; ``punctuation``: punctuation or quote marks only (the possessive of a
    word ending in s printed with or without another s is one); ``truncation``: one
    is the other cut short at an end, or the two are cuts of one statement at its two ends
    (``_two_cuts``); ``ellipsis``: words left out inside and marked with an
    ellipsis, or a cut followed by an ellipsis and words from elsewhere in the statement
    (``_stitched``); ``altered``: words substituted, inserted, or dropped without an ellipsis (a "not"
    added is one). The diff is the rendering's words with ``[-removed-]`` and ``{+added+}`` where
    they differ from the original's.
    """
    a, b = _as_printed(original), _as_printed(rendering)
    if a == b:
        return "same", b
    ta, tb = _spelled_tokens(original), _spelled_tokens(rendering)
    ka, kb = [k for _, k in ta if k], [k for _, k in tb if k]
    if ka == kb:
        change = "case" if a.lower() == b.lower() else "punctuation"
        return change, word_diff(a, b, by_key=False)
    diff = word_diff(original, rendering)
    if _cut_in_a_word(ka, kb, tb) or _cut_in_a_word(kb, ka, ta):
        return "truncation", diff
    ops = [op for op in _aligned(tuple(ka), tuple(kb)).get_opcodes() if op[0] != "equal"]
    kinds = {op[0] for op in ops}
    if kinds == {"delete"}:
        return _cut(ops, ka, tb), diff
    if kinds == {"insert"}:  # the original is the one cut: what the rendering restores
        return _cut([("delete", j1, j2, i1, i2) for _, i1, i2, j1, j2 in ops], kb, ta), diff
    if _two_cuts(ops, len(ka), len(kb)):
        return "truncation", diff
    if _stitched(ka, tb):
        return "ellipsis", diff
    return "altered", diff


def _two_cuts(ops, original: int, rendering: int) -> bool:
    """Whether the opcodes ``ops`` (``original`` words to ``rendering`` words, equal runs left out)
    only add words at one end and leave words out at the other: two cuts of one statement (the
    rendering printed with a sentence said before, the original's last words cut). Each alone is a
    ``truncation`` (the rendering cut short, or the original); so are both."""
    if len(ops) != 2 or {op[0] for op in ops} != {"insert", "delete"}:
        return False
    (_, i1, _, j1, _), (_, _, i2, _, j2) = ops
    return i1 == 0 and j1 == 0 and i2 == original and j2 == rendering


def _stitched(original: list[str], tokens: list[tuple[str, str]]) -> bool:
    """Whether a rendering (``tokens``) is a cut of the ``original`` words, then an ellipsis, then
    words from elsewhere in the statement ("… He was the founder."): before its last ellipsis only
    words left out, after it at most half of its words among those the original has past the cut."""
    marks = [n for n, (_, k) in enumerate(tokens) if not k]
    if not marks:
        return False
    head = [k for _, k in tokens[:marks[-1]] if k]
    tail = [k for _, k in tokens[marks[-1] + 1:] if k]
    if not head or not tail:
        return False
    sm = _aligned(tuple(original), tuple(head))
    if any(op[0] != "delete" for op in sm.get_opcodes() if op[0] != "equal"):
        return False
    end = max((m.a + m.size for m in sm.get_matching_blocks() if m.size), default=0)
    kept = sum(m.size for m in _aligned(tuple(original[end:]), tuple(tail)).get_matching_blocks())
    return 2 * kept < len(tail)


def _as_printed(text: str) -> str:
    """``text`` with its spacing and Unicode forms folded, and without the double quote marks
    around it that one outlet's text (or its extraction) keeps and another's does not."""
    t = " ".join(unicodedata.normalize("NFKC", text).split())
    return t.strip('"\u201c\u201d\u201e\u00ab\u00bb ') or t


def _cut_in_a_word(long: list[str], short: list[str], short_tokens: list[tuple[str, str]]) -> bool:
    """Whether ``short`` is ``long`` cut inside a word and marked ("…and we will rebu…")."""
    n = len(short)
    return (bool(short_tokens) and short_tokens[-1][0] == _MARK and 0 < n <= len(long) and short[:-1] == long[:n - 1]
            and long[n - 1].startswith(short[-1]))


def _cut(ops, long: list[str], short_tokens: list[tuple[str, str]]) -> str:
    """The change of a rendering that only leaves words of ``long`` out (``ops``: its deletions)."""
    inner = [op for op in ops if op[1] > 0 and op[2] < len(long)]
    if not inner:
        return "truncation"
    marks = sum(1 for _, k in short_tokens if not k)
    return "ellipsis" if marks >= len(inner) else "altered"


def diff_spans(original: str, rendering: str, by_key: bool = True) -> list[tuple[str, str]]:
    """The word diff as (op, words): op is "=" (kept), "-" (the original's, left out) or "+" (the
    rendering's, added); words are as printed. ``by_key`` compares words as folded (case and
    punctuation aside), else as printed."""
    ta, tb = _spelled_tokens(original), _spelled_tokens(rendering)
    if by_key:
        ta, tb = [t for t in ta if t[1]], [t for t in tb if t[1] or t[0] == _MARK]
        key = lambda t: t[1] or t[0]  # noqa: E731 - an ellipsis keeps its mark as key
        ka, kb = [key(t) for t in ta], [key(t) for t in tb]
    else:
        ka, kb = [t[0] for t in ta], [t[0] for t in tb]
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in _aligned(tuple(ka), tuple(kb)).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(t[0] for t in tb[j1:j2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(t[0] for t in ta[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(t[0] for t in tb[j1:j2])))
    return out


def word_diff(original: str, rendering: str, by_key: bool = True) -> str:
    """``diff_spans`` as one line: "We will [-never-] {+not+} give up"."""
    shown = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(shown[op].format(words) for op, words in diff_spans(original, rendering, by_key))


_DIFF_PART = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")


def diff_parts(diff: str) -> list[tuple[str, str]]:
    """A stored ``word_diff`` line back as (op, words), for a page to highlight."""
    out, at = [], 0
    for m in _DIFF_PART.finditer(diff):
        if m.start() > at and diff[at:m.start()].strip():
            out.append(("=", diff[at:m.start()].strip()))
        out.append(("-", m.group(1)) if m.group(1) is not None else ("+", m.group(2)))
        at = m.end()
    if diff[at:].strip():
        out.append(("=", diff[at:].strip()))
    return out


def classify_all(renderings: list[tuple]) -> dict[int, tuple[str, str]]:
    """(change, diff) of each rendering of one quotation, given as (id, text, first printed,
    quoted): the ``original`` is the one printed first (an undated one last); among those printed
    the same day, one that quotes the words (``quoted``: a direct or partial quote, not the
    reported clause around a fragment: "she was going to …" is the reporter's) before one that
    does not, then the fullest (most words: the same-day trim is the copy), then the first stored
    (lowest id). The others are classified against it, or, when they share less than half of
    their words with it (two fragments of one reported sentence, each a piece of the clause around
    them), against the first in that order they share that much with, so that ``altered`` means
    words changed from a rendering of the same words, not two pieces of one sentence.

    Only quoted words can be misquoted: where one of the two is not quoted (reported speech, or
    the reporter's clause around quoted words), only the words it prints within quote marks are
    the speaker's (``_quoted_words``), and words changed outside them ("he said he might vote for
    her" against "I will vote for her") are ``reported``, never ``altered``."""
    rank = lambda r: (r[2] is None, r[2] or "", not r[3])  # noqa: E731
    best = min(map(rank, renderings))
    first = min((r for r in renderings if rank(r) == best), key=lambda r: (-len(_keys(r[1])), r[0]))
    out = {}
    ordered = None
    for rid, text, _, quoted in renderings:
        if rid == first[0]:
            out[rid] = ("original", text)
            continue
        against = first
        if not _shares(first[1], text):
            if ordered is None:
                ordered = [first] + sorted((r for r in renderings if r[0] != first[0]),
                                           key=lambda r: (*rank(r), -len(_keys(r[1])), r[0]))
            against = next((o for o in ordered if o[0] != rid and _shares(o[1], text)), first)
        change, diff = classify(against[1], text)
        if change == "altered" and not (quoted and against[3]):
            old, new = _quoted_words(against[1], against[3]), _quoted_words(text, quoted)
            if old is None or new is None or classify(old, new)[0] != "altered":
                change = "reported"
        out[rid] = (change, diff)
    return out


# Words within quote marks in a reported rendering: curly or straight double quotes, or the two
# apostrophes some papers print for them (''like this''); an unclosed one runs to the end.
_WITHIN_MARKS = re.compile("(?:\u201c|\"|'')(.+?)(?:\u201d|\"|''|$)", re.DOTALL)


def _quoted_words(text: str, quoted: bool) -> str | None:
    """The words of a rendering that are the speaker's: all of them when it is ``quoted``, else
    those it prints within quote marks (pieces apart joined by an ellipsis, since words between
    them were left out), or None when it prints none."""
    if quoted:
        return text
    pieces = [m.group(1).strip() for m in _WITHIN_MARKS.finditer(text) if m.group(1).strip()]
    return f" {_MARK} ".join(pieces) or None


@lru_cache(maxsize=8192)  # asked of the same pairs each time a quote is classified again
def _shares(a: str, b: str) -> bool:
    """Whether printed texts ``a`` and ``b`` share, aligned word by word, at least half of the
    shorter one's words."""
    ka, kb = _keys(a), _keys(b)
    kept = sum(m.size for m in _aligned(ka, kb).get_matching_blocks())
    return 2 * kept >= min(len(ka), len(kb))
