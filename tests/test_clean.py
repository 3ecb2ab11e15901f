"""clean(): the text cleaning before extraction. Quote marks survive; speech is never dropped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saidwhen.clean import clean, is_boilerplate


def test_text_is_nfc_normalised():
    assert clean("Cafe\u0301 owner Zoe\u0308 spoke.") == "Caf\u00e9 owner Zo\u00eb spoke."


def test_invisible_characters_are_removed_from_inside_words():
    assert clean("\ufeffOka\u00adfor said it was a zero\u200bwidth\u200d day\u2060.") == "Okafor said it was a zerowidth day."


def test_non_breaking_and_typographic_spaces_become_plain_and_runs_collapse():
    assert clean("Mayor\u00a0Okafor \u2009 voted\t\tno,\u202fagain.") == "Mayor Okafor voted no, again."


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_line_endings_are_normalised(newline):
    assert clean(f"One.{newline}{newline}Two.{newline}still two.") == "One.\n\nTwo.\nstill two."


def test_paragraphs_are_separated_by_exactly_one_blank_line_and_the_ends_are_trimmed():
    assert clean("\n\n  First.  \n\n\n\n \n Second.\n\n") == "First.\n\nSecond."


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Share this article",
        "Read more: Council delays bridge vote",
        "Sign up for our newsletter",
        "Sign up for our morning newsletter »",
        "Follow us on Instagram and TikTok",
        "© 2024 Harlow Gazette Media",
        "Copyright 2024 The Courier. All rights reserved.",
        "All rights reserved.",
        "Click here to subscribe",
        "Story continues below advertisement",
        "Related: Flood barriers fail inspection",
    ],
)
def test_a_standalone_boilerplate_line_is_removed(line):
    assert is_boilerplate(line)
    assert clean(f"The council met.\n\n{line}\n\nIt voted no.") == "The council met.\n\nIt voted no."


@pytest.mark.parametrize(
    "line",
    [
        '"Click here," she said, "and you will see the budget."',
        "\u201cRead more,\u201d the librarian told the children.",
        "Read more: \u201cWe will win,\u201d Okafor says",
        "\u00abAll rights reserved\u00bb, the label read.",
        "'Advertisement' was the only word on the billboard",
    ],
)
def test_a_line_with_a_quotation_mark_is_never_treated_as_boilerplate(line):
    assert not is_boilerplate(line)
    assert clean(line) == line


@pytest.mark.parametrize(
    "line",
    [
        "Read more books, the mayor urged.",
        "Copyright law was the focus of the hearing.",
        "Share prices fell 4 percent.",
        "Related companies were not named.",
        "Follow the money, the auditor said.",
        "Continue to monitor the river, officials said.",
    ],
)
def test_a_real_sentence_that_starts_like_boilerplate_is_kept(line):
    assert clean(line) == line


def test_a_long_line_is_never_boilerplate():
    line = "Click here " + "and there " * 20
    assert not is_boilerplate(line)


def test_boilerplate_inside_a_hard_wrapped_sentence_is_kept():
    text = "The mayor urged every resident to\nsign up today\nfor the flood warning service."
    assert clean(text) == text


def test_boilerplate_lines_stacked_inside_one_paragraph_are_all_removed():
    text = "Share this article\nAdvertisement\nThe footbridge reopened on Friday.\nRead more: Bridge timeline"
    assert clean(text) == "The footbridge reopened on Friday."


def test_a_paragraph_repeated_verbatim_is_kept_once_at_its_first_place():
    text = "Intro.\n\nThe vote was 5-4.\n\nMiddle.\n\nThe vote was 5-4.\n\nEnd."
    assert clean(text) == "Intro.\n\nThe vote was 5-4.\n\nMiddle.\n\nEnd."


def test_a_repeat_that_differs_only_in_spacing_or_wrapping_counts_as_a_repeat():
    assert clean("The vote was\n5-4.\n\nThe vote  was 5-4.") == "The vote was\n5-4."


def test_paragraphs_that_differ_are_all_kept():
    text = '"We will win," Okafor said.\n\n"We will win," Vasquez said.'
    assert clean(text) == text


@pytest.mark.parametrize(
    "marks",
    ['"', "'", "\u201c\u201d", "\u2018\u2019", "``''", "\u00ab\u00bb", "\u201e\u201c", "\u2039\u203a"],
)
def test_quotation_marks_and_apostrophes_are_never_changed(marks):
    open_, close = (marks[0], marks[-1]) if len(marks) <= 2 else (marks[:2], marks[2:])
    text = f"{open_}It\u2019s the council's call,{close} said O'Neill."
    assert clean(text) == text


def test_already_clean_text_comes_back_unchanged():
    text = "HARLOW FALLS \u2014 The council voted.\n\n\u201cWe cannot wait,\u201d Okafor said."
    assert clean(text) == text


def test_an_empty_or_all_boilerplate_text_cleans_to_empty():
    assert clean("") == ""
    assert clean("Advertisement\n\nShare this article\n\n\u00a0\u200b") == ""


_speech = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40)


@given(before=st.lists(_speech, max_size=3), said=_speech, after=st.lists(_speech, max_size=3))
def test_a_quoted_paragraph_always_survives_with_its_quote_marks(before, said, after):
    speech = "\u201c" + " ".join(said.split()) + ",\u201d she said."
    text = "\n\n".join([*before, speech, *after])
    out = clean(text)
    assert clean(speech) in out.split("\n\n")
    assert out.count("\u201c") >= 1 and out.count("\u201d") >= 1


@given(st.text(max_size=300))
def test_clean_is_idempotent(text):
    once = clean(text)
    assert clean(once) == once
