"""When: the article's time expressions and the date each quote was said."""

import saidwhen


def test_the_seed_story_times_are_normalised_against_its_date(seed_text):
    article = saidwhen.extract(seed_text)
    found = {(t.text, t.type, t.value) for t in article.times}
    assert ("Wednesday", "DATE", "2020-10-14") in found  # "on Wednesday"
    wednesdays = [t for t in article.times if t.text == "Wednesday"]
    assert len(wednesdays) == 2  # "on Wednesday" and "Wednesday's Billboard Music Awards"
    assert {t.value for t in wednesdays} == {"2020-10-14"}
    assert ("seven years ago", "DATE", "2013") in found
    assert ("just over two weeks", "DURATION", "P2W") in found
    for t in article.times:
        assert article.text[t.start : t.end] == t.text


def test_without_a_time_in_the_attribution_a_quote_was_said_by_the_publication_date(seed_text):
    article = saidwhen.extract(seed_text)
    assert {(q.said_on.value, q.said_on.basis) for q in article.quotes} == {("2020-10-16", "published")}


def test_a_date_attached_to_the_speech_verb_is_when_the_quote_was_said():
    text = 'Mayor Ana Ruiz opened the bridge.\n\n"Traffic is flowing again," Ruiz told reporters on Tuesday.'
    (q,) = saidwhen.extract(text, date="2024-03-15").quotes
    assert (q.said_on.value, q.said_on.basis) == ("2024-03-12", "explicit")


def test_a_date_elsewhere_in_the_sentence_is_not_the_date_of_speaking():
    text = 'Ana Ruiz, who opened the bridge on Tuesday, said: "Traffic is flowing again."'
    (q,) = saidwhen.extract(text, date="2024-03-15").quotes
    assert q.said_on.basis == "published"


def test_times_inside_a_quote_are_relative_to_when_it_was_said():
    text = '"We opened the bridge yesterday," Mayor Ana Ruiz said on Tuesday.'
    article = saidwhen.extract(text, date="2024-03-15")
    yesterday = next(t for t in article.times if t.text == "yesterday")
    assert yesterday.value == "2024-03-11"


def test_an_article_without_a_date_keeps_relative_times_unresolved():
    article = saidwhen.extract('"We met on Wednesday," said Ana Ruiz.')
    assert "no_date" in article.flags
    assert [t.value for t in article.times] == ["XXXX-WXX-3"]
    assert article.quotes[0].said_on.basis == "unknown"
