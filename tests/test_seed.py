"""The seed story: what saidwhen must return for it, pinned."""

import saidwhen


def test_the_seed_story_has_twelve_spans_in_six_groups_all_by_john_legend(seed_text):
    article = saidwhen.extract(seed_text)
    assert article.date.isoformat() == "2020-10-16"
    assert len(article.quotes) == 12
    assert len({q.group for q in article.quotes}) == 6
    assert {q.speaker for q in article.quotes} == {"John Legend"}


def test_the_seed_story_groups_cues_and_kinds(seed_text):
    article = saidwhen.extract(seed_text)
    by_group = {}
    for q in article.quotes:
        by_group.setdefault(q.group, []).append(q)
    groups = [
        [(q.text[:20], q.cue, q.kind) for q in qs] for _, qs in sorted(by_group.items())
    ]
    assert groups == [
        [("I wrote this song be", "said", "direct")],
        [("he was \"in awe\" of C", "said", "mixed"), ("in awe", "said", "partial"), ("the most challenging", "said", "partial")],
        [("This is for Chrissy.", "captioned", "direct"), ("We’ve experienced th", "captioned", "direct")],
        [("I wrote this song be", "continued", "direct"), ("We promised each oth", "continued", "direct")],
        [("Thank you to everyon", "wrote", "direct"), ("More than anything, ", "wrote", "direct")],
        [("I’m sure Chrissy wil", "concluded", "direct"), ("But just know we’re ", "concluded", "direct")],
    ]


def test_the_seed_story_resolves_he_to_john_legend(seed_text):
    article = saidwhen.extract(seed_text)
    wrote = [q for q in article.quotes if q.cue == "wrote"]
    assert {q.speaker_mention.text for q in wrote} == {"he"}
    assert {q.speaker for q in wrote} == {"John Legend"}


def test_never_break_is_a_song_title_not_a_quote(seed_text):
    article = saidwhen.extract(seed_text)
    assert [(n.text, n.reason) for n in article.non_quotes] == [("Never Break", "title")]
    assert all("Never Break" != q.text for q in article.quotes)


def test_every_seed_offset_points_at_its_text(seed_text):
    article = saidwhen.extract(seed_text)
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text
        m = q.speaker_mention
        assert article.text[m.start : m.end] == m.text
    for p in article.people:
        for m in p.mentions:
            assert article.text[m.start : m.end] == m.text


def test_john_legend_is_the_one_person_quoted_with_all_his_mentions(seed_text):
    article = saidwhen.extract(seed_text)
    assert [p.name for p in article.people] == ["John Legend"]
    mentions = [m.text for m in article.people[0].mentions]
    assert "John Legend" in mentions and "Legend" in mentions and "he" in mentions


def test_legend_said_he_was_in_awe_is_one_mixed_quotation_holding_two_partial_quotes(seed_text):
    article = saidwhen.extract(seed_text)
    (mixed,) = [q for q in article.quotes if q.kind == "mixed"]
    assert mixed.text == 'he was "in awe" of Chrissy Teigen\'s strength through "the most challenging moments"'
    assert (mixed.speaker, mixed.cue, mixed.speaker_mention.text) == ("John Legend", "said", "John Legend")
    partials = [q for q in article.quotes if q.kind == "partial"]
    assert [q.text for q in partials] == ["in awe", "the most challenging moments"]
    assert all(mixed.start <= q.start and q.end <= mixed.end and q.group == mixed.group for q in partials)


def test_legend_dedicating_his_performance_is_not_speech(seed_text):
    article = saidwhen.extract(seed_text)
    assert not [q for q in article.quotes if "dedicated" in q.text or "performance" in q.text]
    assert {q.kind for q in article.quotes if q.kind in ("indirect", "mixed")} == {"mixed"}


def test_asking_for_direct_and_partial_quotes_gives_the_seed_as_before(seed_text):
    article = saidwhen.extract(seed_text, kinds=("direct", "partial"))
    assert len(article.quotes) == 11 and {q.kind for q in article.quotes} == {"direct", "partial"}
