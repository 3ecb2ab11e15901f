"""Descriptions resolved to the entity the article names: an organisation's kind word, a chamber,
a nationality, a role the article gives somebody."""

import saidwhen


def speaker_of(text, start, date="2016-03-14"):
    """The speaker of the one quotation of ``text`` whose words begin with ``start``."""
    (q,) = [q for q in saidwhen.extract(text, date).quotes if q.text.startswith(start)]
    return q.speaker


def test_the_house_is_the_chamber_not_the_white_house():
    text = ("Republicans in Congress sparred with the Democratic White House over the farm package on Tuesday.\n\n"
            "The House said it would pass the package by Friday and forward it to the White House.")
    assert speaker_of(text, "it would pass") == "House"



def test_a_bare_kind_word_is_the_one_organisation_its_sentence_names():
    text = ("Allies argue over defence spending\n\n"
            "BRUSSELS - NATO said on Monday that its defence ministers would meet in Brussels this week.\n\n"
            "Only four countries in NATO meet the target of 2 percent, and the alliance said that would have to change.")
    assert speaker_of(text, "would have to change") == "NATO"


def test_a_nationality_as_subject_is_the_country_the_article_names():
    text = ("Talks on grain corridor stall\n\n"
            "GENEVA - Envoys from Moldova and Ukraine met in Geneva on Monday to reopen the grain corridor.\n\n"
            "The Moldovans have refused to reopen the crossing, saying the road is unsafe.")
    assert speaker_of(text, "the road is unsafe") == "Moldova"


def test_a_nationality_government_or_authorities_is_the_country_the_article_names():
    for body in ("government", "authorities"):
        text = ("Suspect flees abroad\n\nAdrian Vosk is the subject of a manhunt in Moldova.\n\n"
                f"The Moldovan {body} said Vosk had fled the country with forged papers.")
        assert speaker_of(text, "Vosk had fled") == "Moldova"


def test_the_editorial_is_the_papers_whose_editors_wrote_it():
    text = ("Paper urges governor to visit flooded towns\n\n"
            "The Riverton Courier had criticised Governor Dale Pruitt last week for staying away from the flooded valley.\n\n"
            "That did not sit well with the editors of The Ledger, who aimed their Sunday editorial at the governor.\n\n"
            "The editorial said the governor had made a bad decision in avoiding the valley.")
    assert speaker_of(text, "the governor had made") == "Ledger"


def test_the_campaign_is_the_one_of_the_candidate_the_sentence_before_is_about():
    text = ("The latest on the race for governor\n\n"
            "Senator Maria Duarte's campaign opened a new office in Tarrow on Sunday.\n\n"
            "The Holt campaign released a new television ad on Monday attacking her record.\n\n"
            "___.\n\n9:15 a.m.\n\n"
            "Maria Duarte intends to ask young people to volunteer in their towns.\n\n"
            "The campaign says the senator will announce a new service program on Friday.")
    assert speaker_of(text, "the senator will announce") == "Duarte campaign"


def test_a_description_after_a_clause_fronted_by_a_name_is_that_person():
    text = ("Governor's race tightens\n\n"
            "Senator Tom Keller attacked Dana Whitcombe's record on taxes at a rally on Sunday.\n\n"
            "Though Whitcombe would not name a running mate, the front-runner said on Monday that it would not be Harlan Fargo.")
    assert speaker_of(text, "it would not be") == "Dana Whitcombe"


def test_a_role_right_after_a_new_name_describes_that_person():
    text = ("Primary count disputed\n\n"
            "Tom Keller lost the primary on Tuesday by fewer than 900 votes.\n\n"
            "Some of his backers found someone to blame in Nora Vandermeer. The secretary of state, a longtime ally of the winner,"
            " said on Wednesday that the count had been fair.")
    assert speaker_of(text, "the count had been fair") == "Nora Vandermeer"


def test_a_states_legislature_is_named_for_the_state():
    text = ("Abortion limits spread\n\n"
            "Kentucky lengthened its waiting period this year, and Governor Dana Whitcombe signed a budget bill on Monday.\n\n"
            "The Oklahoma legislature said the measure would protect patients.")
    assert speaker_of(text, "the measure would protect") == "Oklahoma Legislature"


def test_the_state_legislature_is_the_legislature_of_the_state_just_named():
    text = ("Courts restore early voting\n\n"
            "In Wisconsin, federal courts restored early-voting days. Judge Tom Keller said the cuts had been passed"
            " by the state legislature.\n\n"
            "The state legislature said the cuts were meant to prevent fraud.")
    assert speaker_of(text, "the cuts were meant") == "Wisconsin Legislature"


def test_the_bureau_is_an_organisation_not_the_person_named_last():
    text = ("Inquiry widens\n\n"
            "The FBI opened a new line of investigation last week, officials said.\n\n"
            "The FBI is looking into whether Mayor Dana Whitcombe misused city funds.\n\n"
            "The bureau said it was also examining her campaign accounts.")
    assert speaker_of(text, "it was also examining") == "FBI"


def test_a_lede_that_opens_on_the_role_is_the_person_the_next_sentence_names():
    text = ("Union chief warns of strike\n\n"
            "The head of the Riverport Dock Workers Union said on Monday that the port's new owners would cut jobs this winter.\n\n"
            "In an interview on Thursday, Dana Whitcombe said her members were ready to strike if the cuts went ahead.")
    assert speaker_of(text, "the port's new owners") == "Dana Whitcombe"


def test_who_received_a_letter_did_not_write_it():
    text = ("Threat sent to mayor's son\n\n"
            "The son of Mayor Tom Keller received a threatening letter on Thursday.\n\n"
            "Police said Ryan Keller had handed it to detectives at once.\n\n"
            "The letter said harm would come to the family if the mayor did not resign.")
    assert speaker_of(text, "harm would come") is None


def test_a_plural_that_is_no_nationality_is_no_country():
    text = ("Rates held steady\n\n"
            "The Federal Reserve kept interest rates unchanged on Wednesday.\n\n"
            "The Federalists said the decision would hurt savers.")
    assert speaker_of(text, "the decision would hurt") != "Federal Reserve"


def test_a_persons_ad_speaks_for_the_organisation_the_article_calls_theirs():
    text = ("Group answers attack ad\n\n"
            "A new television ad attacking Mayor Dana Whitcombe began airing in Tarrow on Monday. It is funded by"
            " Republican strategist Tom Keller's PAC, Tarrow Forward.\n\n"
            "The Keller ad says the mayor raised taxes four times.")
    assert speaker_of(text, "the mayor raised taxes") == "Tarrow Forward"


def test_a_role_whose_clause_names_the_last_subject_is_the_other_person_named_before():
    text = ("Senator weighs life after politics\n\n"
            "Senator Dale Pruitt said on Monday that he had not thought about what he would do next.\n\n"
            "If voters listen to Ramona Keller, Pruitt's career in elected office is finished. "
            "The Democratic front-runner predicted last spring that if Pruitt lost, he would never hold office again.")
    assert speaker_of(text, "if Pruitt lost") == "Ramona Keller"


def test_a_spokeswoman_for_somebody_is_the_aide_of_theirs_the_next_sentence_names():
    text = ("The latest on the race for governor\n\n"
            "Senator Maria Duarte spoke at a rally in Tarrow on Sunday.\n\n"
            "A spokeswoman for Maria Duarte says neither the senator nor her campaign took money from the mill owners.\n\n"
            "Duarte communications director Leah Pruitt spoke to reporters on Monday after the rally.")
    assert speaker_of(text, "neither the senator") == "Leah Pruitt"


def test_an_adviser_to_somebody_is_the_one_the_next_sentence_names_as_theirs():
    text = ("Tax plan faces doubts\n\n"
            "Governor Dale Holt has long been lukewarm about changing the tax code.\n\n"
            "Lawmakers in Tarrow met on Monday to debate the bill, which has stalled for a year.\n\n"
            "In a speech, a top adviser to Governor Holt said the benefits were not worth the political trouble. "
            "Alan Brisk, who leads Mr. Holt's budget office, has argued for a smaller plan.")
    assert speaker_of(text, "the benefits were not worth") == "Alan Brisk"


def test_an_aide_of_somebody_is_nobody_where_the_next_sentence_names_no_aide_of_theirs():
    text = ("Tax plan faces doubts\n\n"
            "Governor Dale Holt has long been lukewarm about changing the tax code.\n\n"
            "A spokesman for Governor Holt said the benefits were not worth the political trouble. "
            "Alan Brisk, who runs a bakery in Tarrow, has argued for a smaller plan.")
    assert speaker_of(text, "the benefits were not worth") is None


INTRODUCED = ("Recount row in Tarrow\n\n"
              "Mayor Tom Rusk lost the county count on Tuesday by 212 votes.\n\n"
              "As the count slid away from Rusk, some of his backers found someone to blame in "
              "Karen Whitfield. The secretary of state, a longtime supporter of Governor Dale Holt, even went on the radio "
              "to say that Holt had won.\n\n"
              "Rusk's aides said on Wednesday they would ask for a recount.\n\n"
              "The evidence was a clip from a rally with Holt and Whitfield, at which the secretary of state told the crowd "
              "she had come to support her candidate.")


def test_the_role_a_person_is_introduced_with_is_theirs_from_then_on():
    assert speaker_of(INTRODUCED, "she had come to support") == "Karen Whitfield"


def test_a_description_asked_again_names_the_same_person():
    from saidwhen.extract import _prepare, load_nlp
    from saidwhen.speakers import Attributor

    st = _prepare(INTRODUCED, None, None, None, None)
    doc = load_nlp()(st.skeleton.text)
    att = Attributor(doc, [], lambda offset: 0)
    (subject,) = [t for t in doc if t.text == "secretary" and t.dep_ == "nsubj" and t.i < len(doc) // 2]
    first, again = att.resolve(subject)[0], att.resolve(subject)[0]
    assert first is not None and first.name == "Karen Whitfield"
    assert again is first


def test_a_statement_that_opens_the_clause_is_its_subjects():
    text = ("Nurses' union endorses Holt\n\n"
            "A union representing nurses endorsed Governor Dale Holt for re-election on Thursday.\n\n"
            "Mayor Tom Rusk had courted the nurses for months.\n\n"
            "In a statement on its endorsement, the Tarrow Nurses Association called Holt a friend of working families.\n\n"
            "The statement said the governor had kept every promise he made to the union.")
    assert speaker_of(text, "the governor had kept") == "Tarrow Nurses Association"


def test_a_poll_that_opens_the_clause_is_not_its_subjects():
    text = ("Race tightens\n\n"
            "Mayor Tom Rusk has gained on Governor Dale Holt over the summer.\n\n"
            "In a poll released Monday, Holt leads Rusk by four points.\n\n"
            "The poll said most voters had not heard of the mayor's plan.")
    assert speaker_of(text, "most voters had not heard") != "Dale Holt"


def test_the_ruling_is_the_court_the_sentence_before_has_rule():
    text = ("Court rules against county's voter purge\n\n"
            "The Tarrow County Court of Appeals heard the case in June.\n\n"
            "Voting groups had sued the county clerk, Dale Holt, over the removal of thousands of voters.\n\n"
            "The appeals court ruled that the county's practices broke state law.\n\n"
            "\u201cA county cannot remove a voter for failing to vote,\u201d said the ruling.")
    assert speaker_of(text, "A county cannot") == "Tarrow County Court of Appeals"


def test_the_statement_is_the_organisation_the_sentence_before_has_speak_under_a_description():
    text = ("Crash victims named\n\n"
            "Pieter Haas, 56, worked as the regional finance director at Northgate Freight and lived in Ghent.\n\n"
            "The company confirmed on Friday that he had been aboard the flight.\n\n"
            "He had been with Northgate for nearly a decade and was popular with his colleagues, the statement added.")
    assert speaker_of(text, "He had been with Northgate") == "Northgate Freight"


def test_the_complaint_is_whoever_the_sentence_before_has_sue():
    text = ("Campaign sues party over data\n\n"
            "Senator Maria Duarte said on Friday that the party had cut off her staff from its voter files.\n\n"
            "The Duarte campaign sued the state party in federal court on Friday, seeking to restore its access.\n\n"
            "The complaint said the party had failed to protect the files.")
    assert speaker_of(text, "the party had failed") == "Duarte campaign"


def test_the_city_is_the_one_the_article_wrote_as_the_city_of_a_name():
    text = ("Billboard dispute\n\n"
            "Lawyers for the city of Marlowe wrote to the Rusk campaign on Tuesday about a billboard by the river.\n\n"
            "\"The image was used without our consent,\" the city said in the letter.")
    assert speaker_of(text, "The image was used") == "Marlowe"


def test_a_kind_word_written_with_a_name_earlier_names_that_organisation():
    text = ("Parcel firm cuts routes\n\n"
            "Drivers in Tarrow learned on Monday that the Quillon company would close its depot in the spring.\n\n"
            "Harlow Bank offered the drivers low-cost loans on Tuesday.\n\n"
            "\"We had no choice once the contract ended,\" the company said in a letter to drivers.")
    assert speaker_of(text, "We had no choice") == "Quillon"


def test_the_data_is_the_organisation_that_spoke_in_the_sentence_before():
    text = ("Shelters fill up as winter comes\n\n"
            "Mayor Ellen Brack said on Monday that the city would open two more shelters.\n\n"
            "The Tarrow Housing Office said on Friday that 412 families had asked for a bed since October.\n\n"
            "According to the data, \"most of the families had never been homeless before.\"")
    assert speaker_of(text, "most of the families") == "Tarrow Housing Office"


def test_a_study_first_called_a_survey_is_the_survey_makers():
    text = ("Rural clinics losing nurses\n\n"
            "Mayor Ellen Brack said on Monday that the county would hire more nurses.\n\n"
            "A Harlow Institute survey of hospitals found that clinics in the valley had lost a third of their staff.\n\n"
            "\"Most of the nurses who left moved to the cities,\" the study said.")
    assert speaker_of(text, "Most of the nurses") == "Harlow Institute"


def test_a_woman_the_article_names_later_is_that_person():
    text = ("Town hall meeting turns tense\n\n"
            "A woman in the back row kept shouting while Mayor Tom Rusk spoke about the new bridge on Monday.\n\n"
            "\"The bridge will cost us our homes,\" the woman said.\n\n"
            "Council member Dan Beck said later that the mayor had handled it well.\n\n"
            "The woman, identified by police as Ruth Ann Calloway, was not arrested.")
    assert speaker_of(text, "The bridge will cost") == "Ruth Ann Calloway"


def test_a_woman_is_not_the_man_the_article_names_later():
    text = ("Town hall meeting turns tense\n\n"
            "A woman in the back row kept shouting while Mayor Tom Rusk spoke about the new bridge on Monday.\n\n"
            "\"The bridge will cost us our homes,\" the woman said.\n\n"
            "The man next to her, identified by police as Joe Pike, was not arrested.")
    assert speaker_of(text, "The bridge will cost") != "Joe Pike"


def test_a_column_speaks_for_the_paper_it_is_printed_in():
    text = ("Governor's joke draws fire abroad\n\n"
            "Governor Dale Pruitt joked on Monday that the harbour of Vellport was too small for real ships.\n\n"
            "On Tuesday an unsigned column in the Vellport Courier newspaper mocked the governor.\n\n"
            "\"The governor has never seen our harbour,\" the column said.")
    assert speaker_of(text, "The governor has never seen") == "Vellport Courier"


def test_the_government_after_a_states_officials_is_that_states():
    text = ("River cleanup plan approved\n\n"
            "The Quarry Creek company agreed on Monday to clean the river below its old paper mill.\n\n"
            "Kentucky officials said they were pleased with the plan, and inspectors would test the water each year.\n\n"
            "\"If the water is not clean by 2020, we will close the mill,\" the government said.")
    assert speaker_of(text, "If the water is not clean") == "Kentucky"


def test_the_government_after_a_state_named_without_its_officials_is_not_that_state():
    text = ("River cleanup plan approved\n\n"
            "The Quarry Creek company agreed on Monday to clean the river below its old paper mill in Kentucky.\n\n"
            "Anglers along the river said they were pleased with the plan.\n\n"
            "\"If the water is not clean by 2020, we will close the mill,\" the government said.")
    assert speaker_of(text, "If the water is not clean") != "Kentucky"


def test_a_name_bearing_kind_in_the_lede_is_the_organisation_named_next_with_that_word():
    text = ("Judges strike down harbour fee\n\n"
            "A federal appeals court has struck down the harbour fee of Vellport, saying \"the city cannot tax ships it does not serve.\"\n\n"
            "Shipowners had asked the Eastern Maritime Court to hear their case in May.")
    assert speaker_of(text, "the city cannot tax") == "Eastern Maritime Court"



def test_the_head_of_an_organisation_is_the_person_the_next_sentence_quotes_by_full_name():
    text = ("Freight firm weighs cuts\n\n"
            "Councillor Maria Duarte said on Monday that the depot must stay open.\n\n"
            "\"We cannot keep every route,\" the chief of Harlow Freight said in a memo to staff on Tuesday.\n\n"
            "Dan Beck said the memo would be followed by meetings with drivers.")
    assert speaker_of(text, "We cannot keep every route") == "Dan Beck"


def test_the_head_of_an_organisation_is_not_a_new_person_the_next_sentence_does_not_quote():
    text = ("Freight firm weighs cuts\n\n"
            "Councillor Maria Duarte said on Monday that the depot must stay open.\n\n"
            "\"We cannot keep every route,\" the chief of Harlow Freight said in a memo to staff on Tuesday.\n\n"
            "Dan Beck drove the last truck out of the depot that night.")
    assert speaker_of(text, "We cannot keep every route") != "Dan Beck"
