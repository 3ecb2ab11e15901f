"""Renderings of one quotation: when two texts render it, and how a rendering differs from the first."""

import pytest

from saidwhen.store import normalise_quote
from saidwhen.variants import classify, classify_all, diff_spans, is_fragment, rendering_buckets, same_quotation, word_diff

ORIGINAL = "We will never give up on the harbour, and we will rebuild it by the spring."


@pytest.mark.parametrize("rendering, change", [
    ("We will never give up on the harbour, and we will rebuild it by the spring.", "same"),
    ("We  will never give up on the harbour, and we will rebuild it by the spring.", "same"),
    ("we will never give up on the harbour, and we will rebuild it by the spring.", "case"),
    ("We will never give up on the harbour - and we will rebuild it by the spring!", "punctuation"),
    ("We will never give up on the harbour, and we will…", "truncation"),
    ("We will never give up on the harbour", "truncation"),
    ("never give up on the harbour, and we will rebuild it by the spring.", "truncation"),
    ("We will never give up on the harbour … by the spring.", "ellipsis"),
    ("We will not give up on the harbour, and we will rebuild it by the spring.", "altered"),
    ("We will never give up on the harbour, and we will not rebuild it by the spring.", "altered"),
    ("We will never give up on the harbour and we will rebuild it by spring.", "altered"),
    ("We will never give up on the harbour, and we will rebuild it by the summer.", "altered"),
])
def test_a_rendering_is_classified_against_the_original(rendering, change):
    assert classify(ORIGINAL, rendering)[0] == change


def test_words_left_out_inside_without_an_ellipsis_are_an_alteration_not_an_ellipsis():
    assert classify(ORIGINAL, "We will never give up on the harbour by the spring.")[0] == "altered"


def test_the_diff_marks_the_words_removed_and_added():
    assert word_diff(ORIGINAL, ORIGINAL.replace("never", "not")) == (
        "We will [-never-] {+not+} give up on the harbour, and we will rebuild it by the spring.")
    assert ("+", "not") in diff_spans("We will win this election", "We will not win this election")


def test_the_earliest_rendering_is_the_original_and_an_undated_one_comes_last():
    changes = classify_all([(1, "We will not give up on the harbour now", "2024-03-02", True),
                            (2, "We will never give up on the harbour now", "2024-03-01", True),
                            (3, "we will never give up on the harbour now", None, True)])
    assert [changes[i][0] for i in (1, 2, 3)] == ["altered", "original", "case"]


def test_among_renderings_printed_the_same_day_the_quoted_words_then_the_fullest_are_the_original():
    whole = "The ferry will run twice a day from June, and the fares will not go up this year."
    changes = classify_all([(1, "The ferry will run twice a day from June", "2024-03-01", True),          # a trim, stored first
                            (2, whole, "2024-03-01", True),
                            (3, "she said " + whole.lower(), "2024-03-01", False),                      # reported around it
                            (4, "The ferry will run twice a day from June.", "2024-02-28", True)])     # printed the day before
    assert [changes[i][0] for i in (1, 2, 3, 4)] == ["punctuation", "truncation", "truncation", "original"]
    changes = classify_all([(1, "The ferry will run twice a day from June", "2024-03-01", True),
                            (2, whole, "2024-03-01", True),
                            (3, "she said " + whole.lower(), "2024-03-01", False)])
    assert [changes[i][0] for i in (1, 2, 3)] == ["truncation", "original", "truncation"]


def test_words_the_reporter_changed_outside_the_quote_marks_are_reported_and_only_quoted_words_can_be_altered():
    said = "I will vote for the harbour plan, and the fares will not go up this year."

    def change(text, quoted=False, first=said, first_quoted=True):
        return classify_all([(1, first, "2024-03-01", first_quoted), (2, text, "2024-03-02", quoted)])[2][0]

    assert change('she will vote for the harbour plan and "the fares will not go up this year."') == "reported"
    assert change("she might vote for the harbour plan, and the fares will not go up this year") == "reported"   # no quote marks
    assert change("He said ''the fares will not go up this year.''") == "reported"  # its quoted words only cut: the rest is the reporter's
    assert change('she will vote for the harbour plan and "the fares will go up this year."') == "altered"      # "not" dropped within
    assert change("He said ''the fares will go up next year.''") == "altered"
    assert change("I will vote for the harbour plan, and the fares will go up this year.", quoted=True) == "altered"
    # Against the reporter's words, a quotation that differs is not a misquote either.
    assert change(said, quoted=True, first="he might vote for the harbour plan, and the fares will not go up this year",
                  first_quoted=False) == "reported"


def test_the_possessive_of_a_word_ending_in_s_with_or_without_another_s_is_no_changed_word():
    assert classify("Dana Reyes's plan is a good one", "Dana Reyes' plan is a good one")[0] == "punctuation"
    assert classify("Dana Reyes's plan is a good one", "Dana Rey's plan is a good one")[0] == "altered"


@pytest.mark.parametrize("a, b", [
    ("We will never give up on the harbour", "We will not give up on the harbour"),
    ("We will win this election", "We will not win this election"),
    ("The harbour will reopen in the spring", "The harbor will reopen in the spring"),
    (ORIGINAL, "We will never give up on the harbour, and we will rebuild it by the summer."),
    (ORIGINAL, "We will never give up on the harbour and we will rebuild it by spring."),
    (ORIGINAL, "We will never give up on the harbour … by the spring."),
    (ORIGINAL, "never give up on the harbour, and we will rebuild it"),
])
def test_near_identical_words_render_one_quotation(a, b):
    assert same_quotation(normalise_quote(a), normalise_quote(b))
    assert set(rendering_buckets(normalise_quote(a))) & set(rendering_buckets(normalise_quote(b)))


@pytest.mark.parametrize("a, b", [
    ("We will win this election", "We will win this war"),
    ("The taps will keep running this summer", "The taps will stop running this summer"),
    ("We are going to build the new reservoir before the end of next year",
     "We are going to build the new reservoir before the end of this decade"),
    ("We will win this fight for the families of this city", "We will win this election because the families of this city trust us"),
    ("No comment", "No comment at all"),
    ("I will not resign", "I will not resign over a report that nobody has read"),
])
def test_different_quotations_sharing_a_phrase_are_two(a, b):
    assert not same_quotation(normalise_quote(a), normalise_quote(b))


def test_an_editors_bracket_is_read_as_nothing_or_as_the_pronoun_it_may_replace_and_other_brackets_as_printed():
    from saidwhen.variants import readings
    said = "We will drive [the herring gulls] off the pier"
    assert "we will drive them off the pier" in readings(said) and "we will drive off the pier" in readings(said)
    assert len(readings(said)) == 15 and normalise_quote(said) not in readings(said)
    assert readings("[The gulls] drive [them] off [the pier] today") == ()  # three brackets: as printed only
    assert readings("[T]he pier [...] will reopen") == () and readings("The pier will reopen") == ()
    assert len(readings("[Finch] said [the gulls] must go")) == 2 * 15 + 1  # each alone, and both read as nothing


def test_a_rendering_with_a_bracket_in_place_of_a_pronoun_renders_the_words_with_the_pronoun():
    from saidwhen.variants import same_quotation_read
    piece, said = "drive them off the pier for good", "We will drive [the herring gulls] off the pier for good. The traders asked."
    assert not same_quotation(normalise_quote(piece), normalise_quote(said), True, False)
    assert same_quotation_read(normalise_quote(piece), normalise_quote(said), True, False, piece, said)
    assert same_quotation_read(normalise_quote(said), normalise_quote(piece), False, True, said, piece)
    other = "They will chase [the herring gulls] off the beach at dawn"
    assert not same_quotation_read(normalise_quote(other), normalise_quote("they will drive them off the pier for good"),
                                   False, True, other, "they will drive them off the pier for good")
    classified = classify(piece, said)
    assert classified == ("altered", "{+We will+} drive [-them-] {+[the herring gulls]+} off the pier for good. {+The traders asked.+}")


# ---------------------------------------------------------------- carried over to new text (issue 16)

FERRY = "We cannot keep the ferry running on a grant that has not changed in a decade, and the islanders know it"


@pytest.mark.parametrize("a, b", [
    # a piece of the sentence with a small word changed, or one word of substance
    ("Our plan is to rebuild this valley and to prove that the farmers here were right all along, whatever the ministry says",
     "our plan is to rebuild the valley and to prove that the farmers here were right all along"),
    ("Our plan is to rebuild this valley and to prove that the farmers here were right all along, whatever the ministry says",
     "Our plan is to rebuild this valley and to prove that the growers here were right all along"),
    # two words of substance reworded in one place, in a sentence long enough to vouch for the rest
    (FERRY, FERRY.replace("in a decade", "in ten years")),
    (FERRY, FERRY.replace("keep the ferry running", "keep the ferry afloat")),
    # contractions spelled out
    ("We've got to finish the sea wall before the winter storms", "We have got to finish the sea wall before the winter storms"),
    ("I'm not going to close a single library in this county", "I am not gonna close a single library in this county"),
    # two words of substance swapped: the order changed, one change
    ("about to leave hundreds of dockers and fishing crews without a wage", "We're about to leave hundreds of fishing crews and dockers without a wage."),
    # a piece with words left out inside, between runs it keeps, and a small word changed at its cut
    ("Much will have to do with the council and whether it wants to pay for the dredging — whether it is willing to raise"
     " the harbour fees, It may not be.", "has to do with the council and whether it is willing to raise the harbour fees"),
])
def test_a_rendering_cut_reworded_or_spelled_out_renders_the_quotation(a, b):
    assert same_quotation(normalise_quote(a), normalise_quote(b), is_fragment(a), is_fragment(b))
    assert set(rendering_buckets(normalise_quote(a))) & set(rendering_buckets(normalise_quote(b)))


@pytest.mark.parametrize("a, b", [
    # a short sentence with two words of substance changed says something else
    ("The library will reopen before the end of next year", "The library will reopen before the end of this decade"),
    # two places changed in a sentence of fourteen words
    ("The north pier will be closed for repairs from March until the end of May",
     "The south pier will be closed for repairs from March until the end of July"),
    # words swapped and another changed besides, in a short sentence
    ("The pier and the market will close before the end of next year", "The market and the pier will close before the end of this year"),
    # a piece changed in two places, or keeping too few of the words
    ("If she is elected, she wants to keep every branch library open on Sundays",
     "If she is not elected, she'll have to keep every branch library open on Sundays until the money runs out"),
    ("he will not vote for the mayor because of the tram fares", "they will vote for the mayor"),
    # words left out inside a piece next to too short a run it keeps, and a word of substance changed besides
    ("Much will have to do with the council and whether it wants to pay for the dredging — whether it is willing to raise"
     " the harbour fees, It may not be.", "has to do with the mayor and whether it wants to raise the harbour fees"),
])
def test_a_rendering_changed_beyond_that_is_another_quotation(a, b):
    assert not same_quotation(normalise_quote(a), normalise_quote(b), is_fragment(a), is_fragment(b))


@pytest.mark.parametrize("text, piece", [
    ("but it will carry its first trains in June", True),
    ("…and we will rebuild it by the spring", True),
    ("We will rebuild it by the spring …", True),
    ("We will rebuild it by the spring [...]", True),
    ("We will rebuild it by the spring.", False),
    ("2024 was the hardest year this farm has had", False),
])
def test_a_rendering_shows_it_is_a_piece_by_an_ellipsis_at_an_end_or_a_first_word_in_lower_case(text, piece):
    assert is_fragment(text) is piece


def test_a_partial_quote_of_five_to_seven_words_joins_only_when_it_shows_it_is_a_piece():
    full = normalise_quote("The new bridge is late and over budget, but it will carry its first trains in June")
    assert same_quotation(full, normalise_quote("but it will carry its first trains"), False, is_fragment("but it will carry its first trains"))
    assert not same_quotation(full, normalise_quote("But it will carry its first trains"), False, is_fragment("But it will carry its first trains"))


def test_quote_marks_around_the_whole_rendering_are_not_a_change():
    assert classify("The tide is turning.", '"The tide is turning."')[0] == "same"
    assert classify("The tide is turning.", "\u201cthe tide is turning.\u201d")[0] == "case"
    assert classify("The tide is turning.", '"The tide is turning!"')[0] == "punctuation"


def test_a_rendering_cut_short_next_to_a_respelled_word_is_the_same_quotation_but_a_new_word_there_is_not():
    long = normalise_quote("We have fought for ten years for the new harbour walls. We will keep fighting until the work is done.")
    assert same_quotation(long, normalise_quote("We have fought for ten years for the new harbour wall."))
    assert same_quotation(normalise_quote("I told them on Monday night and I will tell them again: our neighbours on Mill Lane"
                                          " will get new harbour walls this summer."),
                          normalise_quote("Neighbors on Mill Lane will get new harbour walls this summer."))  # cut at the start
    assert not same_quotation(long, normalise_quote("We have fought for ten years for the new harbour school."))
    assert not same_quotation(long, normalise_quote("We have fought for ten years for the new school."))


def test_two_fragments_of_one_reported_sentence_are_not_alterations_of_each_other():
    reported = "the pier will reopen to boats in early May and that the fees will not go up again this year"
    first, second = "will reopen to boats in early May", "will not go up again this year"
    assert classify(first, second)[0] == "altered"  # what comparing them with each other would say
    changes = classify_all([(1, reported, "2024-03-01", False), (2, first, "2024-03-01", True), (3, second, "2024-03-01", True)])
    assert [changes[i][0] for i in (1, 2, 3)] == ["truncation", "original", "truncation"]  # each a piece of the clause


def test_words_after_an_ellipsis_from_elsewhere_in_the_statement_are_an_ellipsis_but_changed_words_there_are_not():
    said = "We will never give up on the harbour. I promise you that, and we will rebuild it by the spring."
    assert classify(said, "We will never give up on the harbour … The boats will be back.")[0] == "ellipsis"
    assert classify(said, "We will never give up on the harbour … and rebuild it by the summer.")[0] == "altered"
    assert classify(said, "We will not give up on the harbour … The boats will be back.")[0] == "altered"


# A statement, and the sentence said before it: printed later together, the statement cut short.
BEFORE = "I have asked the harbour board three times for the accounts and I am still waiting."
PIER = ("The pier will reopen in April once the new pilings are driven and the deck is checked by the county engineers,"
        " and not a day later.")
PIER_CUT = PIER[:PIER.index(", and not")] + "."


def test_a_statement_printed_with_the_sentence_said_before_it_and_cut_short_renders_it_as_a_truncation():
    assert same_quotation(normalise_quote(PIER), normalise_quote(f"{BEFORE} {PIER_CUT}"))
    assert classify(PIER, f"{BEFORE} {PIER_CUT}")[0] == "truncation"


def test_two_statements_that_only_share_a_phrase_at_their_ends_are_two():
    # Each ends where the other begins, but the run they share is short: not one statement cut twice.
    assert not same_quotation(normalise_quote("We asked the board for the accounts and the pier will reopen in April."),
                              normalise_quote("The pier will reopen in April if the county pays for the new pilings."))
    # A long shared run that is not most of the shorter one: a phrase the speaker repeats, not one statement.
    assert not same_quotation(
        normalise_quote(f"{BEFORE} {PIER_CUT}"),
        normalise_quote("Once the new pilings are driven and the deck is checked by the county engineers we will set"
                        " the fares for the summer, and the ferries will run every hour from the first of June."))


def test_words_added_at_one_end_and_changed_inside_are_still_an_alteration():
    changed = PIER_CUT.replace("April", "March")
    assert classify(PIER, f"{BEFORE} {changed}")[0] == "altered"


FERRY_BACK = "Our ferry service is finally back. It will run twice a day from June, and nobody will pay more for it."


@pytest.mark.parametrize("short, long, first", [
    ("Our ferry service is finally back.", FERRY_BACK, True),
    ("Our ferry service is finally back,", FERRY_BACK.replace("back. It", "back, It"), True),    # a split quote's pieces joined
    ("Our ferry service is finally back!", FERRY_BACK.replace("back.", "back?"), True),
    ("Our ferry service is finally back.", "Our ferry service is finally back to what it was before the storm.", False),
    ("Our ferry service is finally back.", "Our ferry service is finally back, and it runs twice a day from June.", False),
    ("Our ferry service is finally back.", "The storm is over. Our ferry service is finally back. It runs from June.", False),
    ("It runs from June, without fail.", "Our ferry service is back. It runs from June, without fail.", False),  # a last sentence
    ("We will win this election.", "We will win this election. The polls have been wrong about us all year.", False),
])
def test_a_short_first_sentence_printed_alone_renders_the_statement_it_begins_and_no_other_piece_that_short_does(short, long, first):
    from saidwhen.variants import same_quotation_read, sentence_of

    a, b = normalise_quote(short), normalise_quote(long)
    assert sentence_of(a, b, long) is first
    assert same_quotation_read(a, b, False, False, short, long) is first
    assert same_quotation_read(b, a, False, False, long, short) is first  # either order


def test_a_line_that_two_statements_share_bridges_them_but_not_where_two_cuts_of_one_statement_meet():
    from saidwhen.variants import bridges, whole_sentences

    n = normalise_quote
    line = "The sea wall will be finished before the spring tides."
    one = f"We have waited far too long for this work. {line} The contractor has promised it in writing."
    two = f"Our families have lived with the flooding for years. {line} After that we start on the harbour road."
    # a later statement that prints the line does not join an earlier one's quotation through it
    assert bridges(n(two), False, two, n(line), [(n(one), False, one)])
    # nor through the line printed with a word changed
    assert bridges(n(two), False, two, n(line.replace("finished", "built")), [(n(one), False, one)])
    # two cuts of one statement: one ends with the line, the other begins with it
    ends, begins = f"Our families have lived with the flooding for years. {line}", f"{line} After that we start on the harbour road."
    assert not bridges(n(begins), False, begins, n(line), [(n(ends), False, ends)])
    # a phrase from inside a sentence, not a whole one; and a statement that only one text prints
    assert not whole_sentences(n("finished before the spring tides"), one)
    assert not bridges(n(two), False, two, n("finished before the spring tides"), [(n(one), False, one)])
    assert not bridges(n(two), False, two, n(line), [])


@pytest.mark.parametrize("norm", ["", "the ferry", "the ferry will run", "the ferry will run again",
                                  "the ferry will run again in may the harbour master said on monday"])
def test_a_renderings_run_and_head_keys_are_the_keys_of_each_of_its_runs_of_three_words(norm):
    from saidwhen.variants import _head_key, _run_key, contained_keys, run_keys

    words = norm.split()
    assert contained_keys(norm) == sorted({_head_key(words[i:i + 3]) for i in range(len(words) - 2)})
    # run keys: the runs that begin a piece of five words or more
    assert run_keys(norm) == sorted({_run_key(words[i:i + 3]) for i in range(len(words) - 4)})


def test_the_hashes_of_words_are_datasketchs_sha1_hash32_of_their_utf8_bytes():
    from datasketch.hashfunc import sha1_hash32

    from saidwhen.variants import sha1_hashes32

    words = ["reservoir", "ferry", "Calderón", "harbour master", "€5", ""]
    assert list(sha1_hashes32(words)) == [sha1_hash32(w.encode("utf-8")) for w in words]


def test_lsh_buckets_are_even_and_the_other_keys_odd():
    # The store indexes the LSH buckets alone by bucket (``bucket % 2 = 0``): no head or run key may be even.
    from saidwhen.variants import contained_keys, head_key, reading_keys, readings, rendering_keys, run_key, run_keys
    for text in ("The new ferry will sail twice a day from the harbour in June",
                 "We will carpet-bomb [the pirates] off the coast of the island",
                 "No comment", "tides"):
        norm = normalise_quote(text)
        lsh = rendering_buckets(norm)
        assert len(lsh) == 16 and all(b % 2 == 0 for b in lsh)
        others = [*contained_keys(norm), *run_keys(norm), head_key(norm), run_key(norm)]
        assert others and all(k % 2 == 1 for k in others)
        for keys in (rendering_keys(norm), rendering_keys(norm, True)):
            assert [k for k in keys if k % 2 == 0] == lsh
        assert {k for k in reading_keys(text) if k % 2 == 0} == {b for read in readings(text) for b in rendering_buckets(read)}


def test_buckets_computed_many_at_once_are_each_texts_own(monkeypatch):
    # ``keep_buckets`` computes a batch's texts in one numpy pass (their words' rows gathered, the least
    # of each text's taken at once): each text gets what it gets alone, whatever the others in the pass,
    # the words already known, or the bounds that make the memory forget.
    from saidwhen import variants

    texts = ["The new ferry will sail twice a day from the harbour in June", "We will win this election",
             "the the the", "ferry", "", "Twice a day the ferry will sail, the harbour master said in June",
             "We will win this war", "No comment", "ferry"]
    norms = [normalise_quote(t) for t in texts]
    alone = []
    for norm in norms:
        variants._BUCKETS.clear()
        variants._WORD_ROW.clear()
        alone.append(rendering_buckets(norm))
    assert len({tuple(b) for b in alone}) == len(set(norms))  # texts with other words, other buckets
    for kept_words, kept_texts in ((65536, 65536), (4, 3)):
        monkeypatch.setattr(variants, "_WORD_VALUES_KEPT", kept_words)
        monkeypatch.setattr(variants, "_BUCKETS_KEPT", kept_texts)
        variants._BUCKETS.clear()
        variants._WORD_ROW.clear()
        variants.keep_buckets(norms[:2])
        variants.keep_buckets(norms)
        assert [rendering_buckets(norm) for norm in norms] == alone
    variants._BUCKETS.clear()
    variants._WORD_ROW.clear()


def test_keys_cost_one_hash_a_run_and_none_a_band():
    # A run key is the run's head key with its second bit flipped (one hash of a run's words serves
    # both), and a band's LSH bucket is its two MinHash values read as one 64-bit integer under a
    # mask of the band's own (MinHash values are hashes already): BUCKETS_VERSION 8.
    import numpy as np

    from saidwhen.variants import (BANDS, _BAND_MASKS, _permutations, contained_keys, head_key, min_hashes, run_key,
                                   run_keys, sha1_hashes32, SMALL_WORDS)

    norm = normalise_quote("The ferry will run again in May, the harbour master said on Monday")
    words = norm.split()
    assert run_key(norm) == head_key(norm) ^ 2 and run_key(norm) % 2 == 1
    assert run_keys(norm) == sorted({head_key(" ".join(words[i:])) ^ 2 for i in range(len(words) - 4)})
    assert set(run_keys(norm)) & set(contained_keys(norm)) == set()
    values = min_hashes(sha1_hashes32(sorted(set(words) - SMALL_WORDS)), _permutations()).astype("<u4")
    pairs = [int(values[2 * band]) | int(values[2 * band + 1]) << 32 for band in range(BANDS)]
    masks = [int(m) for m in _BAND_MASKS]
    want = [((p ^ m) & ~1) - (1 << 64) * (((p ^ m) & ~1) >> 63) for p, m in zip(pairs, masks)]
    assert rendering_buckets(norm) == want
    assert len(set(masks)) == BANDS and all(isinstance(b, int) for b in want)
    assert np.int64(want[0]) == want[0]
