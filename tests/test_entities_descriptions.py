"""Descriptions resolved to the entity the article names: an organisation's kind word, a chamber,
a nationality, a role the article gives somebody."""

import saidwhen


def speaker_of(text, start, date="2016-03-14"):
    """The speaker of the one quotation of ``text`` whose words begin with ``start``."""
    (q,) = [q for q in saidwhen.extract(text, date).quotes if q.text.startswith(start)]
    return q.speaker


def test_the_house_is_the_chamber_not_the_white_house():
    text = ("Lawmakers on Capitol Hill clashed with the Democratic White House over the transit bill on Monday.\n\n"
            "The House said it would vote on the measure this week and send it to the White House.")
    assert speaker_of(text, "it would vote") == "House"
