"""Renderings of one quotation: when two texts render it, and how a rendering differs from the first."""

import pytest

from saidwhen.store import normalise_quote
from saidwhen.variants import classify, classify_all, diff_spans, rendering_buckets, same_quotation, word_diff

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
    changes = classify_all([(1, "We will not give up on the harbour now", "2024-03-02"),
                            (2, "We will never give up on the harbour now", "2024-03-01"),
                            (3, "we will never give up on the harbour now", None)])
    assert [changes[i][0] for i in (1, 2, 3)] == ["altered", "original", "case"]


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
