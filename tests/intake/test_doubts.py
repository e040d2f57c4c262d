"""What the importer says it is unsure of (``intake.doubts``): each doubt on a page written to
show it, and none on a page read plainly. The pages follow the "Request: / Response:" shape of
the police logs in the corpus."""

from dataclasses import replace

from foidesk.intake.doubts import reading_doubts
from foidesk.intake.extraction import NOTE_RUN_TOGETHER, extract

HEAD = "Freedom of Information Request 130/24\n\n"

PLAIN = (
    HEAD + "Request:\n"
    "1. How many police dogs does the force have?\n"
    "2. How much did the force spend on dog food in 2023?\n"
    "3. How many dog handlers are there?\n\n"
    "Response:\n"
    "1. The force has 24 police dogs.\n"
    "2. The force spent £30,000 on dog food in 2023.\n"
    "3. There are 20 dog handlers.\n\n"
    "Yours sincerely,\nFreedom of Information Unit\n"
)


def test_a_page_read_plainly_has_no_doubts():
    e = extract(PLAIN)
    assert [q.outcome for q in e.questions] == ["disclosed"] * 3
    # The page ends with a sign-off and no full stop: that is not a page cut short.
    assert reading_doubts(e) == ()


def test_a_question_with_no_answer_found():
    page = PLAIN.replace("2. The force spent £30,000 on dog food in 2023.\n", "")
    assert reading_doubts(extract(page)) == ("No answer was found to question 2.",)


def test_no_answer_to_any_question():
    e = extract(PLAIN)
    undecided = replace(e, questions=tuple(replace(q, outcome=None) for q in e.questions))
    assert reading_doubts(undecided) == ("No answer was found to any question.",)


def test_no_answer_to_the_one_question():
    e = extract(PLAIN)
    one = replace(e, questions=(replace(e.questions[0], outcome=None),))
    assert "No answer was found to the question." in reading_doubts(one)


def test_numbering_with_no_questions_read():
    e = extract(PLAIN)
    assert reading_doubts(replace(e, questions=())) == (
        "No questions were found on the page.",
        "The request numbers its questions 1 to 3, but no questions were read.",
        "The response numbers its answers 1 to 3, but no questions were read.",
    )


def test_numbering_that_does_not_match_the_questions_read():
    e = extract(PLAIN)
    two = replace(e, questions=e.questions[:2])
    assert reading_doubts(two) == (
        "The request numbers its questions 1 to 3, but 2 questions were read.",
        "The response numbers its answers 1 to 3, but 2 questions were read.",
    )


def test_answers_numbered_under_an_unnumbered_request():
    page = (
        HEAD + "Request:\nPlease tell me the number of stop and search encounters in 2023, "
        "broken down by the reason for the search and its outcome.\n\n"
        "Response:\n1. 4,120 searches were for drugs.\n2. 1,002 searches were for weapons.\n"
        "3. 640 searches led to an arrest.\n"
    )
    assert "The response numbers its answers 1 to 3, but 1 question was read." in (
        reading_doubts(extract(page))
    )


def test_a_request_with_no_numbered_or_worded_questions():
    page = (
        HEAD + "Request:\nInformation regarding the policing of the county show in 2023.\n\n"
        "Response:\nThe force deployed 40 officers to the county show at a cost of £12,000.\n"
    )
    assert reading_doubts(extract(page)) == (
        "The request has no numbered or worded questions, so it was read as one question.",
    )


def test_a_list_read_as_one_question():
    page = (
        HEAD + "Request:\nPlease provide the number of arrests in 2023 broken down by:\n"
        "- age\n- gender\n- ethnicity\n\nResponse:\nPlease see the attached table.\n"
    )
    assert reading_doubts(extract(page)) == (
        "The request lists several items but was read as one question.",
    )


def test_a_page_that_does_not_quote_the_request():
    page = (
        "Freedom of Information Request 131/24\n\n"
        "Thank you for your request. The force holds this information and it is attached.\n"
    )
    assert reading_doubts(extract(page)) == (
        "The page does not quote the request on its own.",
        "No questions were found on the page.",
    )


def test_a_question_long_enough_to_be_several():
    ask = " ".join(["the make, the year bought, the cost and the mileage of each vehicle"] * 8)
    page = PLAIN.replace("How many police dogs does the force have?", f"Please give {ask}.")
    e = extract(page)
    words = len(e.questions[0].text.split())
    assert words > 80
    assert reading_doubts(e) == (f"Question 1 runs to {words} words: it may be several.",)


def test_part_withheld_for_the_request_as_a_whole():
    page = (
        HEAD + "Request:\n1. How many complaints were made about officers in 2023?\n"
        "2. Please provide the names of the officers complained about.\n\n"
        "Response:\nI can partially disclose the information you requested. The names of "
        "officers are withheld under section 40(2). 214 complaints were made in 2023.\n"
    )
    e = extract(page)
    assert [q.outcome for q in e.questions] == ["partially_disclosed"] * 2
    assert reading_doubts(e) == (
        "The response gives part and withholds part for the request as a whole: which "
        "questions were withheld is not said, so each is read as partly disclosed.",
    )


def test_text_the_source_says_is_incomplete():
    assert reading_doubts(extract(PLAIN, complete=False)) == (
        "The text stops before the page ends: later answers may be missing.",
    )


def test_text_that_stops_mid_sentence():
    page = PLAIN.split("\n\nYours sincerely")[0].replace(
        "3. There are 20 dog handlers.",
        "3. There are 20 dog handlers, of whom 6 work in the north of the county and the",
    )
    assert reading_doubts(extract(page)) == (
        "The text stops before the page ends: later answers may be missing.",
    )


def test_figures_given_anyway_under_a_refusal_on_cost():
    """Which questions goodwill figures answer is the labellers' most disputed call: the page is
    one to check."""
    page = (
        HEAD + "Request:\n1. How many tasers were discharged in 2023?\n"
        "2. How many of those discharges were reviewed by professional standards?\n\n"
        "Response:\nThe cost of complying with the whole of your request would exceed the "
        "appropriate limit under section 12. However, as a gesture of goodwill I have "
        "supplied the information retrieved before the limit was reached (see attached).\n"
    )
    e = extract(page)
    assert "cost_limit_s12" in [q.outcome for q in e.questions]
    assert (
        "The response refuses on cost but gives some information anyway: which questions that "
        "information answers is a judgement to check."
    ) in reading_doubts(e)


def test_a_refusal_on_cost_giving_nothing_is_not_in_doubt():
    page = (
        HEAD + "Request:\n1. How many tasers were discharged in 2023?\n\n"
        "Response:\nTo locate this information would exceed the appropriate limit under "
        "section 12.\n"
    )
    e = extract(page)
    assert [q.outcome for q in e.questions] == ["cost_limit_s12"]
    assert reading_doubts(e) == ()


def test_a_page_whose_paragraphs_were_run_together():
    """A two-column letter copied line by line: the request's items and the response's words
    alternate in one long line."""
    flattened = (
        "Dear Sir FREEDOM OF INFORMATION REQUEST 1. In the period from 1 January 2009 to the "
        "The force does not hold this present, has your force used unmanned aerial vehicles? "
        "information in a retrievable format. The cost of 2. If your force has not considered "
        "using determining if the information is held exceeds the appropriate UAVs, could you "
        "state why not? level as stated in the Regulations. "
    ) * 3
    e = extract(f"Our ref: HC/001391/13\n\n{flattened}\n")
    assert NOTE_RUN_TOGETHER in reading_doubts(e)
    # A long paragraph of reasoning that asks nothing and numbers nothing is no such page.
    reasoning = PLAIN.replace(
        "Yours sincerely,",
        "The force has considered the harm in releasing this information. " * 20
        + "\n\nYours sincerely,",
    )
    assert NOTE_RUN_TOGETHER not in reading_doubts(extract(reasoning))
    # Nor is one whose only question mark is a link's.
    linked = PLAIN.replace(
        "Yours sincerely,",
        "The force has considered the harm in releasing this information. " * 20
        + "Our publication scheme is at https://www.example.police.uk/foi?page=scheme&id=4."
        + "\n\nYours sincerely,",
    )
    assert NOTE_RUN_TOGETHER not in reading_doubts(extract(linked))
