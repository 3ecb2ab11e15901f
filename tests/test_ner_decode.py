"""The names step's NER, decoded with numpy, finds spaCy's own entities token for token."""

import pytest

from saidwhen.extract import load_nlp
from saidwhen.ner_decode import GreedyNER

TEXTS = [
    "Mayor Ana Ruiz of Port Calder said on Tuesday that the Harbour Trust owes $4 million.",
    "Tom Reyes",
    "Reyes",
    "the budget vote",
    "",
    "  Dr. Lena  Okafor ,  head of the Calder Institute for Marine Studies  , told the Calder Herald",
    "Senators Mark Bell and Joan Whitby of Ohio met 300 farmers in Dayton last week",
    "\n\nInès Duval-Martin\n",
    "WASHINGTON -- The European Union and the United Nations Security Council",
    "said Priya Raman, 43, a spokeswoman for Northwind Airlines",
]


def spacys(ner, docs, batch_size):
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in ner.pipe(docs, batch_size=batch_size)]


@pytest.mark.parametrize("batch_size", [256, 8, 2])
def test_the_numpy_decoding_finds_spacys_own_entities_token_for_token(batch_size):
    nlp = load_nlp()
    ner = nlp.get_pipe("saidwhen_names").ner
    texts = [t + " " + u for t in TEXTS for u in TEXTS[:4]] + TEXTS  # docs of many lengths, in sub-batches of a quarter
    expected = spacys(ner, [nlp.make_doc(t) for t in texts], batch_size)
    assert sum(map(len, expected)) > 100
    assert list(GreedyNER(ner).pipe([nlp.make_doc(t) for t in texts], batch_size=batch_size)) == expected


def test_a_sentence_start_inside_a_doc_ends_an_entity_before_it_as_spacy_does():
    nlp = load_nlp()
    ner = nlp.get_pipe("saidwhen_names").ner

    def doc():
        d = nlp.make_doc("Officials at the Calder Harbour Trust Company Board said")
        d[5].is_sent_start = True  # "Company" opens a sentence: no entity runs across it
        return d

    expected = spacys(ner, [doc()], 256)
    assert list(GreedyNER(ner).pipe([doc()])) == expected
    assert all(end <= 5 or start >= 5 for start, end, _ in expected[0])


def test_docs_with_entities_already_set_are_refused():
    nlp = load_nlp()
    doc = nlp.make_doc("Ana Ruiz spoke")
    doc.set_ents([doc.char_span(0, 8, label="PERSON")])
    with pytest.raises(ValueError):
        list(GreedyNER(nlp.get_pipe("saidwhen_names").ner).pipe([doc]))


def test_the_names_step_decodes_with_numpy_and_a_model_of_another_shape_is_left_to_spacy():
    nlp = load_nlp()
    names = nlp.get_pipe("saidwhen_names")
    assert names._greedy is not None and names._greedy.ner is names.ner
    assert not GreedyNER.fits(nlp.get_pipe("parser"))  # not a BILUO system
    assert not GreedyNER.fits(nlp.get_pipe("tagger"))
