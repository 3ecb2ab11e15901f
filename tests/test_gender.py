"""The gender of quoted people: as the article presents it, with its evidence, and unknown when it says nothing."""

import pytest

from saidwhen import extract


def person(text, name):
    (p,) = [p for p in extract(text).people if p.name == name]
    return p.gender, p.gender_evidence


def test_an_honorific_gives_the_gender_and_says_so():
    text = 'Ms. Jordan Reyes, a teacher, spoke to parents. "We will win," Ms. Reyes said.'
    assert person(text, "Jordan Reyes") == ("female", "honorific")


def test_pronouns_that_follow_a_person_outweigh_the_first_name_list():
    # the list gives "Jordan" to men; the article calls this Jordan "she" twice
    text = ('Jordan Reyes said: "No." She added that the plan was late. She also said it was costly.')
    assert person(text, "Jordan Reyes") == ("female", "pronoun")


def test_a_she_said_resolved_to_the_speaker_is_pronoun_evidence():
    text = 'Alma Ruiz visited the mill on Monday.\n\n"It will close," she said.'
    assert person(text, "Alma Ruiz") == ("female", "pronoun")


def test_the_first_name_list_is_used_only_when_the_text_says_nothing():
    assert person('"The bridge stays shut," Robert Hale said.', "Robert Hale") == ("male", "first_name")


@pytest.mark.parametrize("name", ["Kerensa Valdoro", "Dominique Brennock"])
def test_an_unknown_or_shared_first_name_stays_unknown(name):
    assert person(f'"The bridge stays shut," {name} said.', name) == (None, None)


def test_a_name_the_list_gives_mostly_to_one_gender_gives_way_to_one_pronoun():
    # "Taylor" is mostly male in the list, "Jordan" male outright: one "she" settles only the first
    text = '"We will appeal," {} said on Monday. She added that the board had not met.'
    assert person(text.format("Taylor Brennock"), "Taylor Brennock") == ("female", "pronoun")
    assert person(text.format("Jordan Brennock"), "Jordan Brennock") == ("male", "first_name")


def test_an_organisation_has_no_gender():
    a = extract('"We disagree with the ruling," Harlow Mills Ltd said in a statement. It will appeal.')
    orgs = [p for p in a.people if p.kind == "ORG"]
    assert orgs and all(p.gender is None and p.gender_evidence is None for p in orgs)


def test_one_person_naming_another_does_not_take_her_pronoun():
    text = 'Dana Hill said "Fine," and then Donald Pratt attacked her record. "Bad," Pratt said.'
    assert person(text, "Donald Pratt") == ("male", "first_name")
    assert person(text, "Dana Hill")[0] == "female"
