"""The extract API on awkward input: offsets stay valid and nothing raises."""

from datetime import date

from hypothesis import given, settings, strategies as st

import saidwhen

QUOTE_CHARS = st.sampled_from(list("\"“”‘’'`«» \n.,:;!?aAhe") + ["said", " he said", "Jo Bell", "``", "''", "\n\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(QUOTE_CHARS, st.text(max_size=12)), max_size=40).map("".join))
def test_for_any_text_every_returned_offset_points_at_its_text(text):
    article = saidwhen.extract(text)
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text
        if q.speaker_mention:
            m = q.speaker_mention
            assert article.text[m.start : m.end] == m.text
    for n in article.non_quotes:
        assert article.text[n.start : n.end] == n.text
    for p in article.people:
        for m in p.mentions:
            assert article.text[m.start : m.end] == m.text


def test_the_date_header_is_read_and_removed():
    article = saidwhen.extract(' date 2021-03-04 "Hello there," said Ada Brook.')
    assert article.date == date(2021, 3, 4)
    assert article.text.startswith('"Hello')
    assert article.quotes[0].speaker == "Ada Brook"


def test_an_explicit_date_wins_and_may_be_a_string():
    assert saidwhen.extract("No quotes here.", date="2019-05-06").date == date(2019, 5, 6)


def test_an_article_without_a_date_is_flagged():
    assert "no_date" in saidwhen.extract("No quotes here.").flags


def test_an_empty_text_gives_an_empty_article():
    article = saidwhen.extract("")
    assert article.quotes == () and article.people == ()


def test_a_very_long_article_is_parsed_in_pieces_with_valid_offsets():
    para = 'The council met again on Tuesday. "We will keep meeting," said Councillor Ivo Brand.\n\n'
    text = para * 3000  # about 260,000 characters, more than one parse piece
    article = saidwhen.extract(text)
    assert len(article.quotes) == 3000
    assert all(article.text[q.start : q.end] == q.text for q in article.quotes)
    assert {q.speaker for q in article.quotes} == {"Ivo Brand"}


def test_extract_many_streams_articles_in_order():
    texts = [f'"Number {i} is ready," said Pia Holm.' for i in range(5)]
    out = list(saidwhen.extract_many((t, None) for t in texts))
    assert [a.quotes[0].text for a in out] == [f"Number {i} is ready" for i in range(5)]


def test_an_article_that_fails_before_parsing_is_flagged_and_the_batch_goes_on(monkeypatch):
    import importlib

    stage = importlib.import_module("saidwhen.extract")  # the module; ``saidwhen.extract`` is also the function

    real_scan = stage.scan

    def scan(text):  # a fault in the quote scanner on one article only
        if "gremlin" in text:
            raise ValueError("cannot scan")
        return real_scan(text)

    monkeypatch.setattr(stage, "scan", scan)
    records = [('"The bridge is open," Ana Ruiz said.', "2024-03-14", None, "a"),
               ("A gremlin in the text.", "2024-03-14", None, "b"),
               ('"The ferry is late," Tom Reyes said.', "2024-03-14", None, "c")]
    out = list(stage.extract_many(records))
    assert [a.id for a in out] == ["a", "b", "c"]
    assert out[1].flags == ("failed", "ValueError: cannot scan") and out[1].quotes == ()
    assert [q.speaker for q in out[0].quotes + out[2].quotes] == ["Ana Ruiz", "Tom Reyes"]


def test_the_model_multiplies_with_numpy_on_one_thread_and_leaves_numpys_threads_as_they_were():
    import numpy as np
    from threadpoolctl import threadpool_info

    from saidwhen.extract import OneCoreOps, load_nlp

    nlp = load_nlp()
    ner = nlp.get_pipe("saidwhen_names").ner
    models = [proc.model for _, proc in nlp.pipeline if hasattr(proc, "model")] + [ner.model]
    assert models and all(isinstance(node.ops, OneCoreOps) for m in models for node in m.walk())
    threads = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    x = np.arange(12, dtype="f").reshape(3, 4)
    y = np.arange(8, dtype="f").reshape(4, 2)
    assert np.array_equal(OneCoreOps().gemm(x, y), x @ y)
    assert np.array_equal(OneCoreOps().gemm(x, x, trans2=True), x @ x.T)
    assert [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"] == threads


def test_the_parsed_doc_keeps_nothing_of_ours_and_its_sentences_break_at_paragraphs():
    from saidwhen.extract import load_nlp

    # the paragraph step leaves the text for the names step, which takes it back
    doc = load_nlp()("Mayor Ana Ruiz spoke first\nThen the council voted on the budget.")
    assert dict(doc.user_data) == {}
    assert [s.text.strip() for s in doc.sents] == ["Mayor Ana Ruiz spoke first", "Then the council voted on the budget."]
    assert doc.has_annotation("ENT_IOB")  # the names step ran


def test_words_are_found_by_their_lower_case_form_and_capitals_by_their_first_letter():
    from saidwhen.extract import load_nlp
    from saidwhen.lexicon import capitalised_tokens, tokens_among

    doc = load_nlp()("Ms. Holt SAID the plan was said to be fine, iPhone owners said.")
    assert [t.text for t in tokens_among(doc, frozenset({"said", "ms."}))] == ["Ms.", "SAID", "said", "said"]
    assert [t.text for t in capitalised_tokens(doc, doc.text)] == ["Ms.", "Holt", "SAID"]


def test_a_no_break_space_is_a_plain_space_to_the_parser_and_offsets_keep_the_text_as_given():
    # the parser takes a no-break space for a word of its own: "Ana\u00a0Ruiz" would be two names
    text = "Ana\u00a0Ruiz said the pier will close in May."
    (q,) = saidwhen.extract(text).quotes
    assert (q.text, q.speaker) == ("the pier will close in May", "Ana Ruiz")
    assert text[q.speaker_mention.start : q.speaker_mention.end] == q.speaker_mention.text == "Ana\u00a0Ruiz"


def test_an_editors_note_is_the_publishers_furniture_not_anybodys_quote():
    import saidwhen

    text = ("Mayor Ann Holt said on Tuesday that the bridge would reopen in May.\n\n"
            "Editor\u2019s note: Ann Holt is a candidate who has repeatedly pledged \u201cto close every toll road.\u201d")
    quotes = saidwhen.extract(text).quotes
    assert [q.text for q in quotes] == ["the bridge would reopen in May"]


def test_an_editors_note_hard_wrapped_over_lines_or_after_a_no_break_space_is_furniture_throughout():
    import saidwhen

    wrapped = ("Mayor Ann Holt said on Tuesday that the bridge would reopen in May.\n\n"
               "Editor\u2019s note: Ann Holt is a candidate who\nhas repeatedly pledged to close every toll road\n"
               "in the county.")
    no_break = ("Mayor Ann Holt said on Tuesday that the bridge would reopen in May.\n\n"
                "Editor\u2019s\u00a0note: Ann Holt is a candidate who has repeatedly pledged to close every toll road.")
    for text in (wrapped, no_break):
        assert [q.text for q in saidwhen.extract(text).quotes] == ["the bridge would reopen in May"]
