"""The seed story: what saidwhen must return for it, pinned."""

import saidwhen


def test_the_seed_story_has_eleven_spans_in_seven_groups_all_by_john_legend(seed_text):
    article = saidwhen.extract(seed_text)
    assert article.date.isoformat() == "2020-10-16"
    assert len(article.quotes) == 11
    assert len({q.group for q in article.quotes}) == 7
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
        [("in awe", "said", "partial")],
        [("the most challenging", "said", "partial")],
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
