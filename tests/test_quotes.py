"""Quote marks: every style opens and closes where a reader would say it does."""

import pytest

import saidwhen
from saidwhen.quotes import scan


def quotes(text):
    """The direct and partial quotes of ``text`` (reported speech has its own tests)."""
    return [q.text for q in saidwhen.extract(text, kinds=("direct", "partial")).quotes]


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the bridge by spring," Mayor Ana Ruiz said.',
        "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said.",
        "``We will rebuild the bridge by spring,'' Mayor Ana Ruiz said.",
        "«We will rebuild the bridge by spring», Mayor Ana Ruiz said.",
        "‘We will rebuild the bridge by spring,’ Mayor Ana Ruiz said.",
    ],
)
def test_every_quote_mark_style_gives_the_same_quote(text):
    assert quotes(text) == ["We will rebuild the bridge by spring"]


def test_an_apostrophe_inside_curly_quotes_never_ends_the_quote():
    text = "“We’ve waited long enough, and we’re not waiting any more,” said Tomas Berg, the union’s leader."
    assert quotes(text) == ["We’ve waited long enough, and we’re not waiting any more"]


def test_british_single_quotes_skip_apostrophes_and_plural_possessives():
    text = "‘The players’ union won’t accept this deal,’ said Mark Oduya, the club’s captain."
    assert quotes(text) == ["The players’ union won’t accept this deal"]


def test_a_quote_left_open_at_a_paragraph_end_continues_in_the_next_paragraph():
    text = (
        'Coach Priya Nair addressed the team after the loss.\n\n'
        '"We lost our shape in the second half, and that is on me," Nair said. "We will fix it this week.\n\n'
        '"Nobody in this room should hang their head."'
    )
    article = saidwhen.extract(text)
    assert [q.text for q in article.quotes] == [
        "We lost our shape in the second half, and that is on me",
        "We will fix it this week.",
        "Nobody in this room should hang their head.",
    ]
    assert len({q.group for q in article.quotes}) == 1
    assert {q.speaker for q in article.quotes} == {"Priya Nair"}


def test_a_reopened_paragraph_that_names_another_speaker_starts_a_new_quotation():
    # the writer forgot to close Nair's quote: the next paragraph's own cue names someone else
    text = (
        'The coaches spoke after the derby.\n\n'
        '"We lost our shape in the second half," Priya Nair said. "That is on me, and I will fix it.\n\n'
        '"Our young players were brave all night," added Tomas Lind, the visiting coach. "I am proud of them."'
    )
    article = saidwhen.extract(text)
    assert [(q.text, q.speaker) for q in article.quotes] == [
        ("We lost our shape in the second half", "Priya Nair"),
        ("That is on me, and I will fix it.", "Priya Nair"),
        ("Our young players were brave all night", "Tomas Lind"),
        ("I am proud of them.", "Tomas Lind"),
    ]
    assert article.quotes[1].group != article.quotes[2].group


def test_a_reopened_paragraph_with_a_cue_of_its_own_is_a_new_attribution_of_the_same_voice():
    text = (
        'Coach Priya Nair addressed the team after the loss.\n\n'
        '"We lost our shape in the second half," she said. "That is on me.\n\n'
        '"And nobody in this room should hang their head," she said with a smile. "We go again on Friday."'
    )
    article = saidwhen.extract(text)
    groups = [q.group for q in article.quotes]
    assert groups[0] == groups[1] and groups[2] == groups[3] and groups[1] != groups[2]
    assert {q.speaker for q in article.quotes} == {"Priya Nair"}
    assert article.quotes[2].cue == "said"


def test_an_unclosed_quote_mid_paragraph_is_a_low_confidence_span_that_stops_at_the_paragraph():
    text = 'Inspector Colm Daly said: "The road will stay closed until Friday\n\nTraffic was diverted through Ashford.'
    article = saidwhen.extract(text)
    assert [q.text for q in article.quotes] == ["The road will stay closed until Friday"]
    assert article.quotes[0].confidence < 0.5
    assert "unclosed_quote" in article.flags


def test_a_trailing_comma_is_left_outside_the_quote():
    assert quotes('"Prices will fall," said analyst Rhea Stone.') == ["Prices will fall"]


def test_quote_offsets_index_the_article_text():
    text = "Hello.\n\n“Rates stay where they are,” the governor, Ilse Brandt, said on Tuesday."
    article = saidwhen.extract(text)
    (q,) = article.quotes
    assert article.text[q.start : q.end] == q.text == "Rates stay where they are"


def test_a_british_partial_quote_closes_before_and_even_after_an_s():
    text = "Judge Helen Voss said the entries had been ‘the strongest in years’ and that the panel met ‘long into the nights’."
    assert quotes(text) == ["the strongest in years", "long into the nights"]


def test_a_british_single_quoted_title_before_a_comma_closes_there():
    text = ("He sold ‘Harbour Growth Bonds’, which paid nothing, Judge Ann Cole said, calling it ‘a cruel trick’.")
    article = saidwhen.extract(text, kinds=("direct", "partial"))
    assert [n.text for n in article.non_quotes] == ["Harbour Growth Bonds"]
    assert [q.text for q in article.quotes] == ["a cruel trick"]


def test_doubled_apostrophes_quote_like_double_marks():
    text = "''We will hold the line,'' the mayor said. ''It is 'done.'''"
    spans = scan(text)
    assert [text[s.start : s.end] for s in spans] == ["We will hold the line", "It is 'done.'"]
    assert all(s.closed for s in spans)


def test_a_lone_doubled_apostrophe_opens_nothing():
    assert scan("The players'' union met on Tuesday.") == []


def test_markup_attribute_values_are_never_quotes():
    text = '<tweet author="MayorRuiz" id="1449075600">We start on Monday.</tweet> "We will," she said.'
    assert [text[s.start : s.end] for s in scan(text)] == ["We will"]


def test_the_end_of_an_attribute_value_that_ran_over_a_line_break_opens_no_quote():
    text = ('<tweet author="@harbourdesk" date="March 9, 2016\n">Ferry terminal half empty at noon.<tweet/>.\n\n'
            'Ana Brandt said the ferry would run on time.')
    assert [text[s.start : s.end] for s in scan(text)] == []


def test_a_name_inside_an_according_to_phrase_is_no_quotation():
    text = ('According to her "harbour first" plan, firms that leave the island must repay their grants. '
            'The plan would cost $2 million a year, according to the "Ferries for all" report she released.')
    result = saidwhen.extract(text, "2024-03-14")
    assert [q.kind for q in result.quotes if q.kind in ("direct", "partial")] == []
    assert [(n.text, n.reason) for n in result.non_quotes] == [("harbour first", "title"), ("Ferries for all", "title")]


def test_a_nickname_inside_a_name_is_a_name_not_a_quote():
    article = saidwhen.extract('Rep. Roberta J. "Bobbie" Okafor said the bridge would reopen in June.')
    assert [(n.text, n.reason) for n in article.non_quotes] == [("Bobbie", "name")]
    assert [(q.kind, q.speaker) for q in article.quotes] == [("indirect", "Roberta J. Okafor")]


def test_a_title_in_a_reading_list_followed_by_its_author_is_no_quotation():
    text = ('Reading list: "Why the ferries still matter," by the Courier\'s Ana Brandt. '
            '"A harbour artist gets a show," by Tom Reyes.')
    result = saidwhen.extract(text, "2024-03-14")
    assert list(result.quotes) == []
    assert {n.reason for n in result.non_quotes} == {"title"}


def test_a_quoted_word_before_a_passive_agent_is_still_a_quotation():
    text = 'Ana Brandt said the plan had been "rocked" by the vote on Monday.'
    assert [q.text for q in saidwhen.extract(text, "2024-03-14").quotes if q.kind == "partial"] == ["rocked"]


def test_a_title_after_titled_or_a_book_is_no_quotation_however_long():
    text = ('The harbour board answered with an essay titled "Ferries are not too slow. They are too few." '
            'It quoted Tom Reyes\'s book "Backfire: The Long Fight for the Soul of the Harbour Board."')
    result = saidwhen.extract(text, "2024-03-14")
    assert list(result.quotes) == []
    assert [n.reason for n in result.non_quotes] == ["title", "title"]


def test_a_quote_a_title_case_headline_capitalised_is_still_speech_in_the_body():
    text = ("Mayor Speaks 'Directly To Ferry Users' After Storm\n\n"
            'Ana Brandt said she hoped to talk "directly to ferry users" about the delays.')
    quotes = saidwhen.extract(text, "2024-03-14").quotes
    assert "directly to ferry users" in [q.text for q in quotes if q.kind == "partial"]


def test_a_headline_with_a_lone_quote_mark_is_read_without_error():
    text = "Mayor Says ' Ferries Stay ' On Harbour Route\n\nAna Brandt said the ferries would stay."
    assert [q.speaker for q in saidwhen.extract(text, "2024-03-14").quotes] == ["Ana Brandt"]


@pytest.mark.parametrize("text, first", [
    # an opening mark printed where the closing one belongs
    ("“Not this year,“ Ana Brandt said. “The ferry needs a new engine.”", "Not this year"),
    # no space between the closing mark and the speaker
    ("“The ferry needs a new engine,”Ana Brandt said. “It will take a year.”", "The ferry needs a new engine"),
    # the closing mark left out before the attribution
    ('"The ferry needs a new engine and a new crew, said Ana Brandt, who runs the harbour.', "The ferry needs a new engine and a new crew"),
])
def test_misprinted_quotation_marks_still_give_the_quote_and_its_speaker(text, first):
    quotes = saidwhen.extract(text, "2024-03-14").quotes
    assert quotes[0].text == first
    assert {q.speaker for q in quotes} == {"Ana Brandt"}


def test_an_opening_mark_printed_after_a_word_and_before_a_space_closes_the_quote():
    # not a new quotation running to the paragraph's end ("in a post on Sunday.")
    assert quotes("Ana Brandt called the new timetable “unworkable“ in a post on Sunday.") == ["unworkable"]


def test_a_heading_framed_by_dashes_is_no_quote():
    text = ("The speech was a success.\n\n– ‘Who cares?’ –.\n\n"
            "With millions watching, Ana Brandt said the ferry would run.")
    article = saidwhen.extract(text, "2024-03-14")
    assert [(n.text, n.reason) for n in article.non_quotes] == [("Who cares?", "heading")]
    assert [q.kind for q in article.quotes] == ["indirect"]


def test_a_paragraph_after_one_ending_writes_colon_is_a_block_quotation():
    text = ("The report leaves out the harbour board. Ana Brandt writes:\n\n"
            "The report names neither the board nor its chair, and no case is made for the new fees.\n\n"
            "Tom Reyes said he agreed.")
    (q,) = [q for q in saidwhen.extract(text, "2024-03-14").quotes if q.kind == "direct"]
    assert (q.text, q.speaker) == ("The report names neither the board nor its chair, and no case is made for the new fees.",
                                   "Ana Brandt")


@pytest.mark.parametrize("text", [
    # an object before the colon: what follows is not what was said
    "CNN also noted the sparse attendance:\n\nEven the local paper found room to mention the empty seats.",
    # a fragment, and a paragraph of markup
    "Ana Brandt wrote:\n\nThe end.\n\nTom Reyes posted:\n\n<tweet id=\"1\">Ferries late again today</tweet>",
])
def test_no_block_quotation_without_a_lead_in_or_a_sentence_of_its_own(text):
    assert [q for q in saidwhen.extract(text, "2024-03-14").quotes if q.kind == "direct"] == []


def test_a_so_called_term_is_the_writer_s_label_not_speech():
    text = 'The mayor met the so-called "river rebels" on Monday. She said they were "a gang of thieves."'
    quotes = [q.text for q in saidwhen.extract(text, "2024-03-14", kinds=("direct", "partial")).quotes]
    assert quotes == ["a gang of thieves."]


def test_a_short_paragraph_in_single_quotes_heads_a_section_and_is_no_quote():
    text = ("The campaign began in June.\n\n'A change warrior.'\n\n"
            'She called herself "a change warrior" at the first rally, Lena Hartmann said.\n\n'
            "'Ready to go,' Hartmann said.")
    article = saidwhen.extract(text, "2024-03-14")
    assert [(n.text, n.reason) for n in article.non_quotes] == [("A change warrior.", "heading")]
    assert "Ready to go" in [q.text for q in article.quotes]
    assert "a change warrior" in [q.text for q in article.quotes]  # the words themselves, said in the body


def test_a_name_someone_is_known_by_is_no_quote_even_with_a_speech_verb_after():
    text = 'Marek Doyle, the hacker known as "Lucifer," stated that he had reached the files.'
    article = saidwhen.extract(text, "2024-03-14")
    assert [(n.text, n.reason) for n in article.non_quotes] == [("Lucifer", "name")]
    assert [q.kind for q in article.quotes] == ["indirect"]


# ---------------------------------------------------------------- quotes within quotes (issue 16)

def test_words_a_speaker_quotes_of_a_person_they_name_are_a_quotation_of_that_person_too():
    text = ('"We should have acted that night," Senator Ruth Adler said. "Instead it was, as Paul Brenner put it'
            " at the hearing, 'a matter for another day and another committee.'\"")
    article = saidwhen.extract(text, "2024-03-14")
    said = {(q.text, q.speaker) for q in article.quotes}
    assert ("a matter for another day and another committee.", "Paul Brenner") in said
    outer = next(q for q in article.quotes if q.text.startswith("Instead"))
    assert outer.speaker == "Ruth Adler" and "another committee" in outer.text  # the outer quotation keeps its words
    inner = next(q for q in article.quotes if q.speaker == "Paul Brenner")
    assert inner.group != outer.group and inner.speaker_mention.text == "Paul Brenner"
    assert "Paul Brenner" in [p.name for p in article.people]


def test_words_quoted_inside_a_quotation_whose_attribution_says_whom_it_quotes_are_that_persons():
    text = ("Paul Brenner chaired the hearing.\n\n"
            "\"The council 'has no plan for the harbour and no money to pay for one.' Shameful!\" Ruth Adler wrote,"
            " quoting Brenner's report.")
    said = {(q.text, q.speaker) for q in saidwhen.extract(text, "2024-03-14").quotes}
    assert ("has no plan for the harbour and no money to pay for one.", "Paul Brenner") in said
    assert any(s == "Ruth Adler" and "Shameful" in t for t, s in said)


@pytest.mark.parametrize("text", [
    # the frame names nobody: the words stay the outer speaker's quotation only
    '"They told us, \'the plant will stay open for another ten years,\'" union leader Dana Kim said.',
    # the outer speaker's own words
    '"I said, \'we are not leaving this town without a fight,\'" union leader Dana Kim said.',
    # a title is no quotation, whoever is named
    '"It felt like Carla Mendes wrote \'The Long Road Home\' for us," union leader Dana Kim said.',
])
def test_quoted_words_whose_frame_names_nobody_else_stay_in_the_outer_quotation(text):
    article = saidwhen.extract(text, "2024-03-14")
    assert [q.speaker for q in article.quotes] == ["Dana Kim"]


def test_a_quotation_in_curly_double_marks_inside_another_is_nested_not_a_new_quote():
    text = ("Paul Brenner spoke first.\n\n“Paul Brenner’s careless claim that the new levy “will pay for every repair on the"
            " harbour” shows he has never read the budget,” wrote Ruth Adler, who chairs the board.")
    quotes = {(q.text, q.speaker) for q in saidwhen.extract(text, "2024-03-14").quotes}
    assert ("will pay for every repair on the harbour", "Paul Brenner") in quotes
    assert any(s == "Ruth Adler" and t.endswith("never read the budget") for t, s in quotes)  # the outer goes on past it


def test_capitalised_words_in_a_frame_that_name_no_person_leave_the_words_in_the_outer_quotation():
    text = '"We asked for help, and as the Harbour Board told us, \'the money is on its way to every town,\'" Dana Kim said.'
    assert [q.speaker for q in saidwhen.extract(text, "2024-03-14").quotes] == ["Dana Kim"]


def test_a_one_word_programme_after_a_broadcasters_possessive_is_a_title():
    text = "I could hardly hear him, Mayor Ruiz told WKTV\u2019s \u201cDaybreak\u201d on Monday."
    a = saidwhen.extract(text, "2021-03-02")
    assert [q.text for q in a.quotes if q.kind == "partial"] == []
    assert [(n.text, n.reason) for n in a.non_quotes] == [("Daybreak", "title")]
    assert [q.cue for q in a.quotes] == ["told WKTV\u2019s \u201cDaybreak\u201d"]


def test_a_straight_mark_placed_as_a_closing_one_opens_nothing():
    # the outlet lost the opening mark of "a full check of [its] pumps" and prints a height in feet and
    # inches: read as openings, they would pair with the marks after them, and the quotation be lost
    text = ('The inspector gave the ferry a full check of [its] pumps" before noon. The only "safety papers" '
            "the owners showed were signed by the harbour master, who wrote that the boat would be “the safest "
            "vessel ever to sail from this port.” The captain, who is 6'2\" tall, said nothing.")
    assert [text[s.start : s.end] for s in scan(text)] == [
        "safety papers", "the safest vessel ever to sail from this port."]


def test_a_straight_mark_closing_a_quotation_within_a_quotation_leaves_the_rest_quoted():
    text = ('"If a man walks in and says, "I want a thousand flares," you might wonder about him," the clerk said.')
    assert [text[s.start : s.end] for s in scan(text)][-1] == "you might wonder about him"


class _CountingText(str):
    """A text that counts how many single characters are read from it."""

    reads = 0

    def __getitem__(self, key):
        if isinstance(key, int):
            type(self).reads += 1
        return str.__getitem__(self, key)


def test_the_scan_reads_the_characters_around_the_marks_not_every_character():
    narration = "The council met on Tuesday to weigh the harbour budget and the ferry timetable. " * 60
    plain = (narration + "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said. " + narration
             + "Her deputy called the plan ‘ambitious’ and 'costly' in a \"short\" note.\n\n" + narration)
    text = _CountingText(plain)
    _CountingText.reads = 0
    found = scan(text)
    assert [(s.start, s.end, s.kind) for s in found] == [(s.start, s.end, s.kind) for s in scan(plain)]
    assert [plain[s.start : s.end] for s in found] == ["We will rebuild the bridge by spring", "ambitious", "costly", "short"]
    assert len(plain) > 14_000 and _CountingText.reads < 200  # a few around each of the 10 marks


@pytest.mark.parametrize(
    "text, title",
    [
        ('"Harbour Nights," on Channel 9, is a drama about a fishing town.', "Harbour Nights,"),
        ('The new advertisement, "Tidecare," shows the mayor on a sinking boat.', "Tidecare,"),
    ],
)
def test_a_title_case_name_set_off_by_commas_in_a_sentence_where_nobody_speaks_is_a_title(text, title):
    a = saidwhen.extract(text, "2021-03-02")
    assert a.quotes == ()
    assert [(n.text, n.reason) for n in a.non_quotes] == [(title.rstrip(","), "title")]


def test_a_title_case_word_before_a_comma_and_a_speech_verb_is_still_a_quote():
    a = saidwhen.extract('"Absolutely," Mayor Ruiz said.', "2021-03-02")
    assert [(q.text, q.kind) for q in a.quotes] == [("Absolutely", "direct")]


def test_a_closing_mark_that_opens_a_pasted_comment_after_a_direction_mark_opens_a_quote():
    text = ("The post drew hundreds of replies.\n\n\u202a”Sorry Sarah, you should have said no, because I know "
            "you can handle it!!” posted Ann Roe.\n")
    a = saidwhen.extract(text, "2021-03-02")
    assert [(q.kind, q.text, q.speaker) for q in a.quotes] == [
        ("direct", "Sorry Sarah, you should have said no, because I know you can handle it!!", "Ann Roe")]
