"""The parser, decoded with numpy, gives spaCy's own heads, labels and sentence starts."""

import pytest
from spacy.attrs import DEP, HEAD, SENT_START

from saidwhen.extract import load_nlp
from saidwhen.parse_decode import STEP_IN_MOVES, GreedyParser, _together

TEXTS = [
    '"We will rebuild the bridge by spring," Mayor Ana Ruiz of Port Calder said on Tuesday.',
    "Yes",
    "",
    "  The Harbour Trust, which owes $4 million, did not say whether it would pay.\n\nIt declined to comment.",
    "Senators Mark Bell and Joan Whitby of Ohio met 300 farmers in Dayton last week; neither spoke to reporters.",
    "PORT CALDER —\nThe council voted 7-2 to close the ferry, a decision critics called \"reckless\" and the mayor "
    "defended as the only way to balance a budget that, she said, had been short for years.",
    "Asked whether she would run again, Ms. Okafor smiled. \"Ask me in June,\" she said. Then she left.",
    "Dr. Lena Okafor , head of the Calder Institute for Marine Studies , told the Calder Herald that the "
    "reef -- which divers mapped in 2019 -- had lost a third of its coral , and that \"nobody is watching.\"",
    '"We are ready," said Navy Capt. Jeff Dale, a spokesman, and Army Sgt. Ann Roe nodded.',
    "The plan, according to two clerks who asked that their names be withheld as they had no leave to "
    "talk about it, would cut 40 jobs, merge three offices and sell the old depot by 2027.",
]


def _docs(nlp, texts):
    """Docs as the parser receives them in saidwhen's pipeline (token vectors, tags, paragraph breaks)."""
    return list(nlp.pipe(texts, disable=["parser", "saidwhen_names"]))


def _copies(docs):
    out = []
    for doc in docs:
        copy = doc.copy()
        copy.tensor = doc.tensor.copy()
        out.append(copy)
    return out


def _parses(docs):
    return [doc.to_array([HEAD, DEP, SENT_START]).tolist() for doc in docs]


def _texts():
    # docs of many lengths (and one long one), so that sub-batches hold different lengths
    long = " ".join(t for t in TEXTS if t) * 6
    return [a + " " + b for a in TEXTS for b in TEXTS[:4]] + TEXTS + [long]


@pytest.mark.parametrize("batch_size", [256, 64, 8, 2])
def test_the_numpy_decoding_gives_spacys_own_parse(batch_size):
    nlp = load_nlp()
    parser = nlp.get_pipe("parser").parser
    docs = _docs(nlp, _texts())
    expected = list(parser.pipe(_copies(docs), batch_size=batch_size))
    greedy = GreedyParser(parser)
    mine = _copies(docs)
    for start in range(0, len(mine), batch_size):  # every sub-batch decoded here, none left to spaCy
        batch = sorted(mine[start : start + batch_size], key=len)
        size = max(batch_size // 4, 2)
        greedy._parse([batch[k : k + size] for k in range(0, len(batch), size)])
    assert _parses(mine) == _parses(expected)
    assert sum(len(list(d.sents)) for d in expected) > len(docs)  # sentences the parser found
    assert not any("||" in t.dep_ for d in mine for t in d)  # deprojectivized, as spaCy leaves it
    assert _parses(greedy.pipe(_copies(docs), batch_size=batch_size)) == _parses(expected)  # and as the pipeline runs it


def test_sentence_starts_set_before_the_parser_are_kept_as_spacy_keeps_them():
    nlp = load_nlp()
    parser = nlp.get_pipe("parser").parser

    def docs():
        out = _docs(nlp, ["The council met on Tuesday and the mayor said the ferry would close in June."] * 3)
        out[0][5].is_sent_start = True  # "the mayor …" opens a sentence: no arc crosses it
        out[1][1].is_sent_start = False  # none may start at "council"
        return out

    expected = list(parser.pipe(docs()))
    mine = docs()
    GreedyParser(parser)._parse([mine])
    assert _parses(mine) == _parses(expected)
    assert mine[0][5].is_sent_start and all(t.head.i >= 5 for t in mine[0][5:])


def test_like_lengths_are_decoded_together_and_a_long_articles_sub_batch_is_left_to_spacy():
    class Doc(list):
        pass

    like = [[Doc(range(200)) for _ in range(16)] for _ in range(4)]
    assert _together(like) == 4
    skewed = like[:3] + [[Doc(range(200))] * 15 + [Doc(range(200 * STEP_IN_MOVES * 4))]]
    assert _together(skewed) == 3
    assert _together([[Doc(range(500))]]) == 0  # one doc alone: spaCy's loop is cheaper


def test_docs_with_a_parse_already_are_refused():
    nlp = load_nlp()
    doc = nlp("Ana Ruiz spoke.")
    with pytest.raises(ValueError):
        GreedyParser(nlp.get_pipe("parser").parser)._parse([[doc]])


def test_the_pipeline_decodes_with_numpy_and_a_model_of_another_shape_is_left_to_spacy():
    nlp = load_nlp()
    step = nlp.get_pipe("parser")
    assert step._greedy is not None and step._greedy.parser is step.parser
    assert GreedyParser.fits(step.parser)
    assert not GreedyParser.fits(nlp.get_pipe("saidwhen_names").ner)  # not an arc-eager system
    assert not GreedyParser.fits(nlp.get_pipe("tagger"))
