"""Behaviour of the "when" stage: time expressions found in news text and normalised TIMEX3-style."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhen.times import find_times

FRI = dt.date(2020, 10, 16)  # a Friday


def found(text: str, anchor: dt.date | None = FRI, **kw) -> dict[str, tuple[str, str]]:
    """Expression text -> (type, value) for everything found in ``text``."""
    return {t.text: (t.type, t.value) for t in find_times(text, anchor, **kw)}


def value_of(text: str, phrase: str, anchor: dt.date | None = FRI) -> str:
    """The value given to the expression whose text is ``phrase``."""
    res = found(text, anchor)
    assert phrase in res, res
    return res[phrase][1]


# -- the seed story ---------------------------------------------------------------------------

SEED = ('Legend dedicated his performance of "Never Break" at the Billboard Music Awards on Wednesday '
        "to his wife.")


def test_seed_wednesday_in_a_past_tense_sentence_is_the_one_just_gone():
    times = find_times(SEED, FRI)
    assert [(t.text, t.type, t.value) for t in times] == [("Wednesday", "DATE", "2020-10-14")]


def test_the_preposition_is_left_out_of_the_span():
    (t,) = find_times(SEED, FRI)
    assert SEED[t.start:t.end] == "Wednesday"


def test_a_possessive_weekday_is_past_by_default():
    assert value_of("Wednesday's Billboard Music Awards drew a large audience.", "Wednesday") == "2020-10-14"


def test_years_ago_counts_back_from_the_publication_year():
    assert found("The couple married seven years ago.")["seven years ago"] == ("DATE", "2013")


def test_just_over_two_weeks_is_a_duration_with_its_modifier():
    assert found("The tour lasted just over two weeks.")["just over two weeks"] == ("DURATION", "P2W")


# -- weekdays take the tense of their clause ------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The team won on Wednesday.",
    "The senator said Wednesday that the bill was dead.",
    "Police arrested two men on Wednesday.",
])
def test_a_weekday_in_a_past_tense_sentence_is_the_previous_one(sentence):
    assert value_of(sentence, "Wednesday") == "2020-10-14"


@pytest.mark.parametrize("sentence, phrase", [
    ("The leaders will meet on Wednesday.", "Wednesday"),
    ("The vote is scheduled for Wednesday.", "Wednesday"),
    ("They plan to announce the result next Wednesday.", "next Wednesday"),
    ("The committee is expected to rule on Wednesday.", "Wednesday"),
])
def test_a_weekday_in_a_future_sentence_is_the_coming_one(sentence, phrase):
    assert value_of(sentence, phrase) == "2020-10-21"


def test_the_publication_weekday_is_the_publication_day():
    assert value_of("The company said Friday it would cut 200 jobs.", "Friday") == "2020-10-16"


def test_last_weekday_is_the_previous_one_even_in_a_future_sentence():
    assert value_of("The results will be compared with last Monday's.", "last Monday") == "2020-10-12"


def test_a_weekday_with_a_part_of_day_is_a_time():
    assert found("The fire broke out Wednesday night.")["Wednesday night"] == ("TIME", "2020-10-14TNI")


# -- deictic expressions -----------------------------------------------------------------------

@pytest.mark.parametrize("phrase, typ, value", [
    ("today", "DATE", "2020-10-16"),
    ("yesterday", "DATE", "2020-10-15"),
    ("tomorrow", "DATE", "2020-10-17"),
    ("tonight", "TIME", "2020-10-16TNI"),
    ("this morning", "TIME", "2020-10-16TMO"),
    ("this week", "DATE", "2020-W42"),
    ("last week", "DATE", "2020-W41"),
    ("next month", "DATE", "2020-11"),
    ("last year", "DATE", "2019"),
    ("this year", "DATE", "2020"),
    ("earlier this year", "DATE", "2020"),
    ("two months ago", "DATE", "2020-08"),
    ("three days ago", "DATE", "2020-10-13"),
])
def test_deictic_expressions_resolve_against_the_publication_date(phrase, typ, value):
    assert found(f"He spoke about it {phrase}, officials said.")[phrase] == (typ, value)


def test_the_day_before_and_a_week_earlier_count_back_from_the_date_in_focus():
    res = found("The deal closed on Oct. 7, 2020. The day before, shares fell. A week earlier they rose.")
    assert res["Oct. 7, 2020"] == ("DATE", "2020-10-07")
    assert res["The day before"] == ("DATE", "2020-10-06")
    assert res["A week earlier"] == ("DATE", "2020-W40")


def test_the_previous_day_without_any_date_in_focus_is_the_day_before_publication():
    assert value_of("Shares had fallen the previous day.", "the previous day") == "2020-10-15"


# -- durations -----------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("two weeks", "P2W"),
    ("about two weeks", "P2W"),
    ("nearly three years", "P3Y"),
    ("three years", "P3Y"),
    ("90 minutes", "PT90M"),
    ("several months", "PXM"),
    ("2 1/2 years", "P2Y6M"),
])
def test_lengths_of_time_are_durations(phrase, value):
    assert found(f"The talks went on for {phrase} before a deal.")[phrase] == ("DURATION", value)


def test_bare_decades_is_a_vague_duration():
    assert found("The feud has simmered for decades.")["decades"] == ("DURATION", "PXDE")


def test_a_quarter_of_something_is_not_time():
    assert found("About a quarter of the staff left.") == {}


# -- calendar dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("October 3, 2019", "2019-10-03"),
    ("3 October 2019", "2019-10-03"),
    ("2019-10-03", "2019-10-03"),
    ("10/3/2019", "2019-10-03"),
    ("October 2019", "2019-10"),
    ("the 1990s", "199"),
    ("the '80s", "198"),
    ("the 21st century", "20"),
])
def test_explicit_dates_keep_their_own_year(phrase, value):
    assert found(f"It began in {phrase}, records show.")[phrase] == ("DATE", value)


def test_a_bare_year_excludes_the_preposition():
    assert found("The plant opened in 1998.") == {"1998": ("DATE", "1998")}


def test_a_date_without_a_year_takes_the_nearest_year_in_the_direction_of_the_tense():
    assert value_of("The company was founded on Oct. 3.", "Oct. 3") == "2020-10-03"
    assert value_of("The offer will expire Jan. 5.", "Jan. 5") == "2021-01-05"
    assert value_of("Sales peaked on Dec. 20.", "Dec. 20", dt.date(2021, 1, 10)) == "2020-12-20"


def test_may_the_verb_is_not_a_month():
    assert found("Officials may decide later.") == {}
    assert value_of("The law took effect in May.", "May") == "2020-05"


def test_impossible_dates_are_skipped_not_crashed_on():
    assert "February 30" not in found("The payment is due February 30.")
    assert found("The code 13/45/2020 was printed.") == {}


# -- times of day --------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("3 p.m.", "2020-10-16T15:00"),
    ("3:30 p.m. EST", "2020-10-16T15:30-05"),
    ("10:15 GMT", "2020-10-16T10:15Z"),
    ("noon", "2020-10-16T12:00"),
    ("midnight", "2020-10-16T24:00"),
])
def test_clock_times_are_times_on_the_publication_day(phrase, value):
    assert found(f"The polls closed at {phrase}, officials said.")[phrase] == ("TIME", value)


# -- quarters, fiscal years, seasons ------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("the third quarter", "2020-Q3"),
    ("last quarter", "2020-Q3"),
    ("the first quarter of 2019", "2019-Q1"),
    ("fiscal 2021", "2021"),
    ("last summer", "2019-SU"),
    ("this fall", "2020-FA"),
    ("winter", "2020-WI"),
])
def test_quarters_and_seasons_are_placed_in_the_anchor_year(phrase, value):
    assert value_of(f"Profits rose in {phrase}, the company said.", phrase) == value


def test_a_year_ago_next_to_a_quarter_is_that_quarter_a_year_back():
    res = found("Third-quarter profit rose to $5 million from $4 million a year ago.")
    assert res["Third-quarter"] == ("DATE", "2020-Q3")
    assert res["a year ago"] == ("DATE", "2019-Q3")


# -- sets and reference words ------------------------------------------------------------------

@pytest.mark.parametrize("phrase, value", [
    ("every Wednesday", "XXXX-WXX-3"),
    ("daily", "P1D"),
    ("each year", "P1Y"),
    ("annually", "P1Y"),
    ("weekly", "P1W"),
])
def test_recurring_times_are_sets(phrase, value):
    assert found(f"The market is open {phrase} for shoppers.")[phrase] == ("SET", value)


@pytest.mark.parametrize("phrase, value", [
    ("now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("at present", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("the past", "PAST_REF"),
    ("the future", "FUTURE_REF"),
])
def test_vague_reference_words(phrase, value):
    assert value_of(f"They spoke of {phrase} with some care.", phrase) == value


# -- anchors -----------------------------------------------------------------------------------

def test_without_an_anchor_relative_expressions_stay_unresolved():
    res = found("They will meet on Wednesday. It happened Oct. 14 and last year. On Oct. 3, 2019 it rained.",
                None)
    assert res["Wednesday"] == ("DATE", "XXXX-WXX-3")
    assert res["Oct. 14"] == ("DATE", "XXXX-10-14")
    assert res["last year"] == ("DATE", "XXXX")
    assert res["Oct. 3, 2019"] == ("DATE", "2019-10-03")


def test_a_quote_said_on_an_earlier_date_resolves_against_that_date():
    text = 'Back then he said, "We lost yesterday." Today he is calm.'
    q_start, q_end = text.index('"'), text.rindex('"') + 1
    res = found(text, FRI, anchors=[(q_start, q_end, dt.date(2020, 9, 1))])
    assert res["yesterday"] == ("DATE", "2020-08-31")
    assert res["Today"] == ("DATE", "2020-10-16")


def test_a_datetime_anchor_is_accepted():
    assert value_of("It rained yesterday.", "yesterday", dt.datetime(2020, 10, 16, 9, 30)) == "2020-10-15"


# -- robustness ----------------------------------------------------------------------------------

def test_results_are_sorted_non_overlapping_and_match_the_text():
    text = ("On Tuesday, 3 p.m. EST, the firm said third-quarter profit fell 5% from a year earlier and "
            "that it would report again in two weeks, on Nov. 3, 2020, or early next year.")
    times = find_times(text, FRI)
    assert len(times) >= 5
    for a, b in zip(times, times[1:]):
        assert a.end <= b.start
    for t in times:
        assert text[t.start:t.end] == t.text


def test_absurd_years_do_not_crash():
    assert find_times("In 99999 and 0000-00-00 and 9999-12-31 and 1/1/0001.", FRI) is not None
    assert find_times("It dates from the 99th century, 9999 years ago.", dt.date(1, 1, 2)) is not None
    assert find_times("next year, 9999 years from now", dt.date(9999, 12, 31)) is not None


_ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;/-'’\n")
                            + ["Wednesday", "May", "Oct.", "ago", "years", " p.m.", "1998", "İ", "ß",
                               "last", "the", "quarter", "third", "next", "two", "weeks", "EST", "noon"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join) | st.text(max_size=200),
       st.one_of(st.none(), st.dates()))
def test_any_text_never_raises_and_offsets_are_valid(text, anchor):
    times = find_times(text, anchor)
    last_end = 0
    for t in times:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last_end
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        last_end = t.end
