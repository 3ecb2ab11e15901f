"""The choice of the source mention: candidates around a quotation, scored by the shipped model."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import saidwhen
from saidwhen import choice
from saidwhen.candidates import candidates, describe
from saidwhen.extract import Attributor, _prepare, load_nlp

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
needs_polnear = pytest.mark.skipif(not POLNEAR_TRAIN.is_file(), reason="needs ../shared/data/polnear")


def few_train_articles(tmp_path):
    """A PolNeAR folder holding the first six articles of its train part, for a quick training run."""
    data = tmp_path / "polnear"
    data.mkdir()
    lines = POLNEAR_TRAIN.read_text(encoding="utf-8").splitlines()[:6]
    (data / "train.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data


def attributor_for(text):
    """The parsed skeleton of ``text``, its state and an ``Attributor`` over it."""
    from bisect import bisect_right

    st = _prepare(text, None, None, None, None)
    doc = load_nlp()(st.skeleton.text)
    sk = st.skeleton
    speech = [i for i, sp in enumerate(st.spans) if sp.speech and sp.kind == "direct"]
    starts = [a for a, _ in st.paras]
    att = Attributor(doc, [sk.quote_at[i] for i in speech], lambda o: bisect_right(starts, sk.to_article(o)) - 1)
    return doc, st, att


def test_the_model_ships_in_the_package_as_plain_weights():
    data = json.loads(choice.MODEL_FILE.read_text(encoding="utf-8"))
    assert set(data) >= {"both", "model", "examples"}
    weights, bias = choice.weights("both")
    assert len(weights) > 100 and isinstance(bias, float)
    # the rules' own pick is evidence the model learnt to trust, a quoted word inside no mention is not
    assert weights["rule"] > 0


def test_a_subject_of_the_cue_outscores_an_object_of_the_same_sentence():
    text = 'Mayor Lena Hartmann met the council on Monday.\n\n"We will fix it," Hartmann told the council.'
    doc, st, att = attributor_for(text)
    stand_in = [t for t in doc if t.text == "Yes"]
    verb = next(t for t in doc if t.text == "told")
    cands = candidates(att, stand_in, verb, {t.i for t in stand_in})
    texts = [t.text for t in cands]
    assert "Hartmann" in texts and "council" in texts
    scores = {t.text: choice.probability(f) for t, f in zip(cands, describe(att, cands, stand_in, verb, None))}
    assert scores["Hartmann"] > scores["council"]


def test_candidates_leave_out_the_quotation_and_a_parenthesis():
    text = 'Sen. Lena Hartmann (D-Westbrook) spoke on Monday. "Nobody in Westbrook agrees," she said.'
    doc, st, att = attributor_for(text)
    stand_in = [t for t in doc if t.text == "Yes"]
    verb = next(t for t in doc if t.text == "said")
    texts = [t.text for t in candidates(att, stand_in, verb, {t.i for t in stand_in})]
    assert "she" in texts
    assert "Westbrook" not in texts


def test_rules_alone_mode_leaves_the_rules_pick(monkeypatch):
    text = ('Shares of Parcelwise fell 8%.\n\nAn analyst at Corvel Capital said the cuts were likely to be'
            ' the first of several.')
    for mode in ("rules", "both"):
        monkeypatch.setenv("SAIDWHEN_SOURCES", mode)
        (q,) = [q for q in saidwhen.extract(text).quotes if q.kind == "indirect"]
        assert q.speaker is None  # one unnamed analyst is nobody we can name, whatever the mode
        assert q.speaker_mention.text.startswith("An analyst")


def test_a_relative_pronoun_speaks_for_the_person_it_follows():
    text = ("Tomas Brandt, who chairs the harbour board, said the new pier would open in June.\n\n"
            "Officials expect heavy traffic.")
    (q,) = [q for q in saidwhen.extract(text).quotes if q.kind == "indirect"]
    assert q.speaker == "Tomas Brandt"


def test_training_without_the_data_says_where_it_looked_and_fails(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_sources.py"), "--data", str(tmp_path / "nowhere"),
                          "--out", str(tmp_path / "m.json")], capture_output=True, text=True)
    assert run.returncode == 2
    assert "nowhere" in run.stderr and "not found" in run.stderr
    assert not (tmp_path / "m.json").exists()


@needs_polnear
def test_training_on_a_few_articles_writes_a_model_the_package_can_read(tmp_path):
    data = few_train_articles(tmp_path)
    out = tmp_path / "m.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_sources.py"), "--data", str(data), "--out", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["examples"] > 0 and model["both"]["weights"] and model["model"]["weights"]


def test_building_the_known_names_without_the_data_says_where_it_looked_and_fails(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_names.py"), str(tmp_path / "nowhere.jsonl"),
                          "--out", str(tmp_path / "names.json")], capture_output=True, text=True)
    assert run.returncode == 2
    assert "nowhere.jsonl" in run.stderr and "not found" in run.stderr
    assert not (tmp_path / "names.json").exists()


def test_known_names_keep_only_a_surname_one_person_dominates():
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_names import known

    counts = {"Ada Quill": 30, "Ada B. Quill": 4, "Ben Quill": 2, "Cy Marsh": 12, "Dee Marsh": 12, "Eli Fenn": 3}
    assert known(counts) == {"Quill": "Ada Quill"}  # Marsh: two people; Fenn: too rarely named


def test_a_spokesman_named_in_apposition_to_the_outlet_he_spoke_to_is_the_speaker_not_the_outlet():
    text = ("Ana Ruiz spoke on Monday.\n\nIn a statement to the Courier, her senior policy adviser, Tom Biel,"
            " said: “Ana Ruiz believes the bridge must stay open.”")
    (q,) = saidwhen.extract(text, kinds=("direct",)).quotes
    assert q.speaker == "Tom Biel"


def _features_of(text, cue, stand_in_words=("Yes",)):
    """The model's features of every candidate of a stand-in quotation cued by the word ``cue``."""
    doc, st, att = attributor_for(text)
    verb = next(t for t in doc if t.text == cue)
    stand_in = [t for t in doc if t.text in stand_in_words]
    cands = candidates(att, stand_in, verb, {t.i for t in stand_in})
    return {t.text: set(f) for t, f in zip(cands, describe(att, cands, stand_in, verb, None))}


def test_who_says_a_pronoun_spoke_is_seen_above_the_cue():
    # PolNeAR's source is who says so ("Roe said he responded: '…'"), the model sees where each hangs
    feats = _features_of('Governor Ada Roe said he responded: "Yes, we will."', "responded")
    assert "cue_dep=ccomp|sib:nsubj:ccomp" in feats["Roe"]
    assert "cue_dep=ccomp|nsubj" in feats["he"]
    feats = _features_of('Governor Ada Roe said she believed he would answer: "Yes, we will."', "answer")
    assert "above_cue=nsubj|2" in feats["Roe"] and "cue_dep=ccomp|sib:nsubj:ccomp" in feats["she"]


def test_a_title_in_quotation_marks_is_marked_and_weighed_down():
    text = ('Walter Quill went on to promote "Harbour Nights," his new show, and to boast of his club.'
            ' "Yes, a phenomenal place," he said.')
    feats = _features_of(text, "promote")
    assert "in_marks" in feats["Nights"] and "in_marks" not in feats["Quill"]
    assert choice.weights("both")[0]["in_marks"] < 0


def test_the_model_sees_how_much_the_article_writes_a_name_and_where_the_quotation_opens():
    text = ('Quill wins the harbour vote.\n\nWalter Quill won the vote on Monday. Quill thanked the'
            ' council and Ada Brandt.\n\n"Yes, we did it," said Quill.')
    feats = _features_of(text, "said")
    assert {"written=3-5", "in_lede", "q_opens_para|R"} <= feats["Quill"]
    other = _features_of(text.replace('\n\n"Yes', ' "Yes'), "said")  # the quotation inside the paragraph
    assert "written=1" in other["Brandt"] and "in_lede" not in other["Brandt"]
    assert not any(f.startswith("q_opens_para") for f in other["Quill"])
    assert "main_subject" in other["Quill"] and "main_subject" not in other["Brandt"]


@needs_polnear
def test_training_cross_validates_over_blocks_of_articles(tmp_path):
    data = few_train_articles(tmp_path)
    folds = tmp_path / "folds"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_sources.py"), "--data", str(data), "--out",
                          str(tmp_path / "m.json"), "--folds", "2", "--fold-models", str(folds)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "2 folds: top-1 both" in run.stderr and not (tmp_path / "m.json").exists()
    assert (folds / "fold0.articles").read_text().split() == ["0", "1", "2"]  # the sixth (index 5) is kept blind
    assert json.loads((folds / "fold1.json").read_text(encoding="utf-8"))["both"]["weights"]


def test_a_likely_enough_candidate_speaks_where_the_rules_found_nobody():
    # the pronoun scores 0.2-0.3 here, and no rule names a speaker: it is PolNeAR's source all the same
    for text, mention in (('What he dreads most about the new rota is "the chance that we end up with tired crews on'
                           ' every night shift in the valley."', "he"),
                          ('But even so, they debated how the levy "would turn from a small cost into a heavy load" as'
                           ' charges for farms climbed.', "they")):
        (q,) = saidwhen.extract(text).quotes
        assert q.speaker_mention is not None and q.speaker_mention.text == mention


def test_a_name_set_beside_the_subject_of_a_report_inside_another_speaks_for_it():
    # the outer speaker is the sentence's main subject, which the model would otherwise prefer
    text = ("The hearing into the ferry fire went into its second week on Monday.\n\n"
            "Marta Lindqvist, the ship's former engineer, testified that the fleet director, Paul Okafor, had told"
            " her the engine repairs would have to wait until the winter.")
    speakers = {q.text[:20]: q.speaker for q in saidwhen.extract(text).quotes}
    assert speakers["the engine repairs w"] == "Paul Okafor"


def test_a_paragraph_ending_in_a_colon_names_who_the_next_paragraphs_quotation_is_from():
    # the quotation opens its paragraph, no cue near it: the sentence before the paragraph break ends
    # with a colon and is the only one that says whose words follow
    text = ("Council weighs bridge repairs\n\n"
            "The city council met on Monday to discuss the Elm Street bridge, which has been closed since March."
            " Treasurer Lena Hartmann wrote to every member before the meeting.\n\n"
            "Hartmann then listed the qualities she wants in the next contractor:\n\n"
            '"Has the contractor ever finished a job on time? Will the new deck last ten years? Who pays if it does'
            ' not?"\n\nThe council will vote again in June.\n')
    (q,) = saidwhen.extract(text).quotes
    assert q.speaker == "Lena Hartmann" and q.speaker_mention.text == "Hartmann"
    doc, st, att = attributor_for(text)
    stand_in = [t for t in doc if t.text == "Yes"]
    feats = dict(zip((t.text for t in candidates(att, stand_in, None, {t.i for t in stand_in})),
                     describe(att, candidates(att, stand_in, None, {t.i for t in stand_in}), stand_in, None, None)))
    assert "colon_intro" in feats["Hartmann"]


@pytest.mark.parametrize("lead", ["Transcript as follows:", "Statement:", "Transcript of the remarks, as released:"])
def test_a_document_word_that_leads_in_a_quotation_is_its_mention_but_nobody(lead):
    # the paragraph before the colon says what the words are, not who said them: no speaker "Transcript"
    text = ("Harbor board backs the ferry plan\n\nThe harbor board voted on Tuesday to keep the ferry running"
            " through the winter.\n\n" + lead + "\n\n"
            '"We heard the islanders. The boats will run, and the fares will not rise this year."\n')
    (q,) = saidwhen.extract(text).quotes
    assert q.speaker is None


def test_a_pulled_quotation_is_said_by_the_name_that_signs_it():
    # a quotation repeated as a pull quote, signed on its own line before the closing mark: the
    # signature's name, not the earlier mention the paragraph would otherwise continue
    text = ("Why the budget fight matters\n\n"
            "The county has cut its road budget three years in a row, and economists are worried about what comes"
            ' next. "We will pay twice for every pothole we leave alone this year," said Nora Feld, an economist at'
            " the Tallis Institute.\n\n"
            '"We will pay twice for every pothole we leave alone this year.\n'
            'Nora Feld, Institute for Road and Transport Policy."\n\n'
            "The county board votes on the plan in March.\n")
    first, pulled = saidwhen.extract(text).quotes
    signed = text.index("Nora Feld, Institute")
    assert pulled.speaker == "Nora Feld" and pulled.speaker_mention.start == signed
    assert first.speaker_mention.start < signed


def test_a_subject_tagged_neither_noun_nor_pronoun_is_a_candidate():
    # "Another" (a determiner to the tagger) is who hoped and who speaks after the colon, not "his"
    text = ("Ferry riders split over new timetable\n\n"
            "Riders on the valley ferry were asked about the new timetable last week. Opinions were divided.\n\n"
            "Another said he hoped with all his heart that the council would listen: \"Without the late boat I cannot"
            " get home before midnight.\"\n\nThe council meets again in May.\n")
    quote = next(q for q in saidwhen.extract(text).quotes if q.text.startswith("Without"))
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Another"
