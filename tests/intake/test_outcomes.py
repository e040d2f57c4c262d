"""The outcome an answer's wording gives (``foidesk.intake.outcomes``), one answer at a time.

Pages read whole are tested in ``test_extraction.py`` and ``test_extraction_wording.py``; these
pin the classifier's order of precedence, which those tests reach only through a page.
"""

import pytest

from foidesk.intake.outcomes import (
    ATTACHED,
    classify,
    gives,
    has_figures,
    refuses,
    without_duties,
)


@pytest.mark.parametrize(
    ("answer", "cites", "outcome"),
    [
        ("There were 42 incidents in 2023.", (), "disclosed"),
        ("Please find attached the figures.", (), "disclosed"),
        ("This information is not held by the force.", (), "not_held"),
        ("The Service does not categorise its calls by those categories.", (), "not_held"),
        (
            "The force does not classify this information as sensitive and it is provided in "
            "full below.",
            (),
            "disclosed",
        ),
        # Guards from a review: the reply deadline is no cost limit; another department of the
        # same council holds it for the council; a link beside figures given; a withholding
        # denied; an invalid request the authority asks to have clarified.
        (
            "I apologise that we were unable to respond within the appropriate time limit. "
            "There were 1,204 burglaries in 2023.",
            (),
            "disclosed",
        ),
        (
            "This information is held by another department of the council, who have provided "
            "it: 412 complaints were received.",
            (),
            "disclosed",
        ),
        (
            "There were 1,204 burglaries reported in 2023. The following link will take you to "
            "our publication scheme, where other crime statistics are published.",
            (),
            "disclosed",
        ),
        ("The information has not been exempted and is provided in full below.", (), "disclosed"),
        ("All of it is provided below; none of it has been exempted.", (), "disclosed"),
        ("The officers' names: it has been exempted under section 40(2).", (), "exempt"),
        (
            "Your request does not comply with section 8(1)(c). Please could you clarify which "
            "incidents you mean?",
            (),
            "clarification_needed",
        ),
        (
            "Please see Annexes A and B to this response for a copy of some of the information "
            "you requested. Personal data of third parties has been withheld.",
            ("reg11(2)",),
            "partially_disclosed",
        ),
        (
            "The following link will take you to the report of the review, which sets out how "
            "each allowance was introduced:",
            (),
            "reasonably_accessible_s21",
        ),
        (
            "The board does not carry out these operations. Waiting times for them are held by "
            "the other health boards that do.",
            (),
            "not_held",
        ),
        ("The force neither confirms nor denies that it holds this information.", (), "ncnd"),
        (
            "The figures are attached; we neither confirm nor deny that any other information "
            "is held.",
            (),
            "partially_disclosed",
        ),
        ("To find this would exceed the appropriate limit of 18 hours.", (), "cost_limit_s12"),
        ("Finding whether it is held would itself cost too much.", ("s12(2)",), "cost_limit_s12"),
        (
            "Unfortunately, this cannot be answered within FOI time allocation, please see "
            "explanation below.",
            (),
            "cost_limit_s12",
        ),
        # Guards: the deadline is no cost limit; a cost under the limit refuses nothing; "some
        # information is held" alone gives nothing; an annex of searches is no attachment.
        (
            "I apologise that we were unable to respond within the statutory time limit. 214 "
            "officers were assaulted on duty in 2022.",
            (),
            "disclosed",
        ),
        (
            "As the cost of complying with this part of your request would not exceed the limit, "
            "the figures are provided below: 14.",
            (),
            "disclosed",
        ),
        (
            "I can confirm that this information is not held by the force. For an explanation of "
            "the searches carried out, please see Annex A.",
            (),
            "not_held",
        ),
        (
            "We would be extremely grateful if you could confirm whether the attached response "
            "provides the information you are looking for?",
            (),
            "clarification_needed",
        ),
        (
            "Because the cost of complying with your request would exceed the limit set by the "
            "FOIA, I will not be taking your request further.",
            (),
            "cost_limit_s12",
        ),
        (
            "I can confirm that some information in scope of your request is held. Please see "
            "Annex A.",
            (),
            "partially_disclosed",
        ),
        (
            "To provide a breakdown of each case has been estimated to take longer than 14 hours.",
            (),
            "cost_limit_s12",
        ),
        (
            "The repairs to the custody suite were estimated to take longer than 72 hours.",
            (),
            "disclosed",
        ),
        (
            "Some of the information you have requested is not held; the rest is published on "
            "our website, so section 21 applies.",
            ("s21",),
            "reasonably_accessible_s21",
        ),
        ("This request is vexatious.", ("s14(1)",), "vexatious_s14"),
        ("Could you please clarify which years you mean?", (), "clarification_needed"),
        (
            "Before we can provide a response we would like you to clarify the following.",
            (),
            "clarification_needed",
        ),
        ("This has been withheld under [1]Regulation 12(4)(b).", ("reg12(4)(b)",), "exempt"),
        ("This information is already publicly available.", (), "reasonably_accessible_s21"),
        ("The report is intended for future publication.", (), "future_publication_s22"),
        ("The names are withheld under section 40(2).", ("s40(2)",), "exempt"),
        ("12 officers. Their names are exempt.", (), "partially_disclosed"),
        ("You may wish to direct your request to the Home Office.", (), "other"),
        ("This is not a request for recorded information.", (), "other"),
        (
            "Section 8(1)(b) of the act requires the requester to state their real name and not "
            "a pseudonym for the request to be valid. Please provide your full name.",
            (),
            "other",
        ),
        # Refused as no valid request under section 8, though the reason given is the cost limit.
        (
            "We will not be processing your request. It does not comply with section 8(1)(c) of "
            "the Act: requests framed by the section 12 cost limit, such as the first 20 files "
            "found, are invalid.",
            ("s12",),
            "other",
        ),
        ("The figures are published on data.police.uk.", (), "reasonably_accessible_s21"),
        (
            "The report is available at www.gov.uk/government/statistics.",
            (),
            "reasonably_accessible_s21",
        ),
        ("Each report is published on the intranet.", (), "disclosed"),
        ("Your request should be directed to the Home Office.", (), "other"),
        ("Your question would be better addressed to the Home Office.", (), "other"),
        ("The figures were sent to the Home Office in April.", (), "disclosed"),
        (
            "Questions 1 and 2 have been passed to Nottinghamshire Police to answer.",
            (),
            "other",
        ),
        ("Your request has been referred to the council for a response.", (), "other"),
        ("The report has been passed to the Chief Constable, who agreed it.", (), "disclosed"),
        ("We don't hold this.", (), "not_held"),
        ("We do not have this information.", (), "not_held"),
        ("The council doesn’t have any such policy.", (), "not_held"),
        ("We have no recorded information relevant to this question.", (), "not_held"),
        (
            "To confirm or deny whether any information is held would itself disclose exempt "
            "information.",
            (),
            "ncnd",
        ),
        (
            "The duty to confirm or deny does not arise by virtue of section 40(5B).",
            ("s40(5)",),
            "ncnd",
        ),
        ("Confirming or denying that any reports exist would reveal tactics.", (), "ncnd"),
        (
            "Some of the information that you have requested is already accessible by other "
            "means and is therefore exempt in accordance with Section 21.",
            ("s21",),
            "partially_disclosed",
        ),
        (
            "Confirming or denying whether it is held would not cause harm: we hold 12 reports.",
            (),
            "disclosed",
        ),
    ],
)
def test_an_answers_wording_gives_its_outcome(answer, cites, outcome):
    assert classify(answer, cites, whole=False) == outcome


def test_a_response_read_whole_is_undecided_by_an_acknowledgement_alone():
    text = "Thank you for your request, which we will respond to in due course."

    assert classify(text, (), whole=True) is None
    assert classify("", (), whole=False) is None


@pytest.mark.parametrize(
    "acknowledgement",
    [
        "Your request will be considered under the Freedom of Information Act. We will be\n"
        "writing to you within the statutory 20 working day timeframe with a\nresponse.",
        "You will receive a response within 20 working days of the date we received it.",
    ],
)
def test_an_acknowledgement_under_a_question_decides_nothing(acknowledgement):
    assert classify(acknowledgement, (), whole=False) is None


def test_figures_are_data_not_citations_dates_or_item_numbers():
    assert not has_figures("a reply within the statutory 20 working day period")
    assert has_figures("Total: 1,204")
    assert not has_figures("Section 31(1)(a) applies.")
    assert not has_figures("Received on 16 January 2023.")
    assert not has_figures("Your request was received on 2023-01-16.")
    # A longer line: a count stated, or a table run into one line; not a cost estimate's
    # times, nor a telephone number.
    assert has_figures(
        "There were 45 incidents recorded in 2022, compared with 38 in 2021, and the figures "
        "for 2023 are not yet available."
    )
    assert has_figures(
        "Gender Number of Arrests Female 4046 Male 21175 Not Recorded 210 Unspecified 1 Grand "
        "Total 25432"
    )
    assert not has_figures(
        "We estimate it would take approximately 5 minutes to review each record, so this "
        "manual search would take around 559 hours of work, over 18 hours."
    )
    assert not has_figures(
        "Having searched our systems we do not hold this; please contact Highways England on "
        "0300 123 5000 who may hold it."
    )
    # A table's category is not a statement that nothing is held.
    table = "Gender Number of Arrests Female 4046 Male 21175 Not Recorded 210 Grand Total 25432"
    assert classify(table, (), whole=False) == "disclosed"
    # A date whose month was cut off.
    assert not has_figures("I am writing in response to your request, received 10th")
    assert has_figures("There were 10 stops recorded in the 10th week.")
    assert not has_figures("1. See the answer above.")
    # An identifier of letters and digits is not data.
    assert not has_figures("We have been unable to find documents related to CTCR.1546.")
    assert not has_figures("This follows request FOI2024/04564.")
    assert has_figures("Permit CTCR.1546: 3 documents")
    # A call sign, a camera, a vehicle or a collar number asked for is what is given.
    assert has_figures("The call signs in use are NPAS15 and NPAS23.")
    assert has_figures("Cameras out of service: CAM12, CAM14")
    assert has_figures("Vehicle registration: BX19 KLM")
    assert has_figures("Collar numbers: PC1234, PS5678")
    collars = "The names are withheld under section 40(2). Collar numbers: PC1234, PS5678"
    assert classify(collars, ("s40(2)",), whole=False) == "partially_disclosed"
    assert gives("The table below shows the totals.")


def test_the_questions_a_longer_line_names_are_not_figures():
    listed = (
        "The information you have requested at questions 1, 2, 3 and 4 is exempt from "
        "disclosure under Section 31(1)(a) of the Freedom of Information Act."
    )
    assert not has_figures(listed)
    assert classify(listed, ("s31(1)(a)",), whole=True) == "exempt"
    items = (
        "Information for items 1, 2 and 3 is not held by the Trust as we do not record the "
        "reason for referral in a searchable field."
    )
    assert classify(items, (), whole=True) == "not_held"
    assert not has_figures(
        "The information is exempt under Articles 5, 6 and 9 of the UK General Data Protection "
        "Regulation as it is special category personal data."
    )


def test_the_threshold_below_which_figures_are_withheld_is_not_a_figure():
    threshold = (
        "This information is exempt under Section 40(2) of the Freedom of Information Act as "
        "the number of officers concerned is less than 5 and they could be identified."
    )
    assert not has_figures(threshold)
    assert classify(threshold, ("s40(2)",), whole=False) == "exempt"
    assert not has_figures(
        "The information is exempt under section 31(1)(a). Releasing the figure for a unit of "
        "this size, which is 12 officers or fewer, would compromise policing."
    )
    assert has_figures(
        "The number of officers dismissed from the unit in 2023 was 12, and a further 4 "
        "resigned before their hearings."
    )


def test_a_cost_estimates_working_in_a_longer_line_is_not_figures():
    assert not has_figures(
        "Age is not a mandatory field. A search of the system identified 1,856 records, and to "
        "review each record would take approximately 5 minutes: 1,856 x 5 = 9,280 minutes."
    )
    assert not has_figures(
        "There are 3,500 crime reports recorded for the period, and reading them at 3 minutes "
        "each would take 175 hours."
    )


def test_not_recorded_at_a_lines_end_is_not_held_whatever_the_next_line_holds():
    answer = (
        "The reason for the stop is not recorded\n"
        "2019 and earlier records were held on a legacy system which has been decommissioned."
    )
    assert classify(answer, (), whole=False) == "not_held"


def test_a_count_in_words_followed_by_a_long_run_of_dots():
    """The spaces and full stops after a count in words ("2014 - None.") are read once;
    bench/bench_hostile_input.py times 50,000 of them, which had taken seconds."""
    dots = " ." * 15_000
    assert has_figures(f"2014 - None{dots}")
    assert not has_figures(f"2014 - None{dots} and more")


def test_the_acts_duties_quoted_above_an_answer_are_read_past():
    text = "Section 1 places two duties on public authorities. The information is not held."

    assert without_duties(text).strip() == "The information is not held."
    assert refuses("The information is not held.")
    assert not refuses("There were 12 arrests.")


def test_information_not_held_in_a_readily_retrievable_format_is_a_cost_refusal():
    """Held, but only a manual search would find it (FOIA s12); unless what could be found is
    given after all."""
    refused = (
        "The requested information is not centrally recorded and is therefore not held in a "
        "readily retrievable format. It would be necessary to review every accident report."
    )
    given = (
        "The information is not held in a readily retrievable format. However, in order to "
        "assist, the force has searched its systems. These are as follows: 2013 – 150"
    )

    searched = (
        "Although the information is not readily retrievable, we searched the files we hold. "
        "No records were found."
    )
    withheld = (
        "The names are withheld under section 40(2). Other details are not held in a readily "
        "retrievable format."
    )

    unavailable = (
        "The requested information is not held centrally and is not available in a readily "
        "retrievable format, as thefts are not sub-classified by the type of bicycle."
    )

    assert classify(refused, (), whole=True) == "cost_limit_s12"
    assert classify(unavailable, (), whole=True) == "cost_limit_s12"
    assert classify(given, (), whole=True) == "disclosed"
    assert classify(searched, (), whole=True) == "not_held"
    assert classify(withheld, ("s40(2)",), whole=True) == "exempt"


@pytest.mark.parametrize(
    "courtesy",
    [
        "Please feel free to contact me if you require further clarification of the "
        "information provided.",
        "Please contact us should you require any further clarification.",
        "If you have any queries or need clarification, please contact the FOI team.",
        "If any part of this response requires clarification, please contact us.",
        "Should you wish to seek clarification, please contact the FOI team.",
        "If anything requires further clarification please let me know.",
    ],
)
def test_the_closing_offer_of_clarification_asks_for_none(courtesy):
    answer = f"There were 1,204 calls in 2023.\n{courtesy}"
    assert classify(answer, (), whole=False) == "disclosed"
    assert classify("We require clarification of which years you mean.", (), whole=False) == (
        "clarification_needed"
    )
    unclear = "Question 2 is unclear or requires clarification as to the period meant."
    assert classify(f"There were 12 calls.\n{unclear}", (), whole=False) == "clarification_needed"
    # The authority asking, in words close to the courtesy's.
    for asked in (
        "Your letter requires clarification before we can process it.",
        "We would wish to seek clarification of what you mean by 'incidents'.",
    ):
        assert classify(asked, (), whole=True) == "clarification_needed"


def test_an_acknowledgement_that_may_ask_for_clarification_asks_for_none():
    acknowledged = (
        "I acknowledge your request, and you can expect a response by 9 March. Should we "
        "require clarification, however, I shall be in touch. I have attached the minutes of "
        "the last two years, with some redactions."
    )
    assert classify(acknowledged, (), whole=True) == "partially_disclosed"
    asked = "We require clarification of which years you mean before we can answer."
    assert classify(asked, (), whole=True) == "clarification_needed"


def test_an_authority_that_does_not_have_the_information_requested_does_not_hold_it():
    notice = (
        "While our aim is to provide information wherever possible, in this instance the "
        "Scottish Government does not have the information you have requested."
    )
    assert classify(notice, (), whole=False) == "not_held"
    beside = "There were 12 in 2023. We do not have the information requested for 2019."
    assert classify(beside, (), whole=False) == "partially_disclosed"
    # The figure given in a clause of the same sentence, after a semicolon.
    clause = "We do not have the information you have requested for 2019; figures for 2020 are 44."
    assert classify(clause, (), whole=False) == "partially_disclosed"
    # A date after the semicolon is no figure.
    dated = "We do not have the information you have requested; we searched on 4 March 2024."
    assert classify(dated, (), whole=False) == "not_held"
    # Nor is a period, a page or a telephone number after it, in a sentence too long to be a
    # line of figures.
    searched = "Having searched the force's crime recording system and spoken to the department, "
    for after in (
        "CCTV footage is only retained for 31 days.",
        "our retention schedule is 7 years.",
        "see page 4 of our publication scheme.",
        "please contact Highways England on 0300 123 5000.",
    ):
        told = f"{searched}we do not hold this information; {after}"
        assert classify(told, (), whole=False) == "not_held", after


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        ("We have been unable to find permit documents related to CTCR.1546.", "not_held"),
        ("No records could be located.", "not_held"),
        ("We were unable to locate any correspondence with the company.", "not_held"),
        (
            "We were unable to find the figure for 2019, but in 2020 there were 44 incidents.",
            "partially_disclosed",
        ),
        # Not found within the cost limit is a cost refusal, read first.
        (
            "We are unable to identify the information within the cost limit of 18 hours.",
            "cost_limit_s12",
        ),
    ],
)
def test_searched_for_and_not_found_is_not_held(answer, outcome):
    assert classify(answer, (), whole=False) == outcome


def test_no_information_we_can_provide_gives_nothing():
    answer = (
        "In this case, the information you have requested is not held by the Agency, and we "
        "are therefore refusing your request on the grounds that there is no information we "
        "can provide."
    )
    assert classify(answer, ("reg12(4)(a)",), whole=True) == "not_held"
    for said in (
        "There is no information I can provide.",
        "There is nothing more we can provide.",
        "There is nothing further I can provide.",
        "There is no more information we can provide.",
    ):
        assert classify(f"The information is not held. {said}", (), whole=False) == "not_held"
    assert classify("We can provide the figures: 12.", (), whole=False) == "disclosed"
    # "once more", "Further information we can provide is ...": something given beside it.
    for given in (
        "Having searched once more we can provide the figures for 2023 below.",
        "Further information we can provide is that both officers were based at Lloyd House.",
    ):
        assert classify(f"Some of the information is not held. {given}", (), whole=False) == (
            "partially_disclosed"
        )


def test_not_currently_able_to_provide_withholds():
    assert classify("We are not currently able to provide this information.", (), whole=False) == (
        "exempt"
    )
    assert classify("We are not yet able to release the report.", (), whole=False) == "exempt"
    assert classify("We are able to provide the figures: 12.", (), whole=False) == "disclosed"


def test_not_obliged_to_provide_part_beside_the_document_attached_is_a_partial_answer():
    answer = (
        "I can confirm that the force holds the information however I am not obliged to "
        "provide the registration number of unmarked vehicles. However, the remainder of the "
        "information is provided within the document attached."
    )
    assert classify(answer, (), whole=True) == "partially_disclosed"
    assert classify("I am not obliged to provide this information.", (), whole=False) == "exempt"
    # What the Act does not ask for, and a concession before the answer, withhold nothing.
    conceded = (
        "Although we are not obliged to provide information outside the scope of the Act, we "
        "can tell you that there were 12 incidents."
    )
    assert classify(conceded, (), whole=False) == "disclosed"
    explained = (
        "The Act does not require us to create information, and we are not obliged to provide "
        "opinions or explanations. The policy was last reviewed in 2021."
    )
    assert classify(explained, (), whole=False) == "disclosed"
    assert ATTACHED.search("the remainder is provided within the document attached")
    assert not ATTACHED.search("we have read the document attached to your request")
    assert ATTACHED.search("the figures are in the spreadsheet attached to this email")
    # Attached to something else, not to the response.
    for elsewhere in (
        "We do not hold the documents attached to the original complaint.",
        "The files attached to the crime report are exempt under section 30.",
        "We do not hold a copy of the spreadsheet attached to the email you refer to.",
    ):
        assert not ATTACHED.search(elsewhere), elsewhere
    unheld = "We do not hold the documents attached to the original complaint."
    assert classify(unheld, (), whole=False) == "not_held"


def test_figures_not_provided_due_to_exemptions_are_withheld():
    answer = (
        "The force can confirm that information is held but the figures have not been provided "
        "due to exemptions within the Act."
    )
    assert classify(answer, (), whole=True) == "exempt"
    assert classify(answer, (), whole=False) == "exempt"


def test_advising_the_requester_that_nothing_is_held_gives_nothing():
    """ "I can advise you that ..." frames what follows; it gives nothing by itself."""
    answer = (
        "Your request has now been considered and I can advise you that the Service does not "
        "hold any of the information requested by you."
    )
    assert classify(answer, (), whole=True) == "not_held"
    assert classify("I can advise you that there were 12 complaints.", (), whole=True) == (
        "disclosed"
    )


def test_a_cost_refusal_of_one_part_beside_what_is_attached_is_a_partial_answer():
    """The response attaches the figures and refuses one part on cost: the request as a whole
    is partly answered, not refused."""
    answer = (
        "Please find attached the spreadsheets of accounts and reliefs. The arrears for each "
        "account would need a manual check of every record, which would exceed the appropriate "
        "limit under section 12. We are therefore unable to comply with this part of your request."
    )
    assert classify(answer, ("s12",), whole=True) == "partially_disclosed"
    # Nothing given: the refusal stands, whatever part it names.
    refused = answer.replace("Please find attached the spreadsheets of accounts and reliefs. ", "")
    assert classify(refused, ("s12",), whole=True) == "cost_limit_s12"
    # A summary that part of the request cost too much ("advises that part of the request
    # exceeds the cost") names no part refused beside what is given.
    summary = "This response advises that part of the request exceeds the cost of compliance."
    assert classify(summary, ("s12",), whole=True) == "cost_limit_s12"


def test_a_cost_refusal_naming_this_part_but_giving_nothing_refuses_the_whole_request():
    """The figures of a cost refusal's working give nothing, and a letter that goes on to
    refuse the whole request refuses it, whichever part it explains."""
    working = (
        "Alcohol is not a searchable field. To answer this part of your request we would need "
        "to read each of the 4,312 domestic abuse reports for 2022. Even at 3 minutes per "
        "report this would take over 215 hours, beyond the appropriate limit of 18 hours. We "
        "are therefore unable to comply with your request."
    )
    assert classify(working, ("s12",), whole=True) == "cost_limit_s12"
    aggregated = (
        "There were 1,234 taxi licence applications. To identify the reasons would exceed the "
        "appropriate limit, so we are refusing this part of your request, and under section 12 "
        "the council is not obliged to comply with any part of your request."
    )
    assert classify(aggregated, ("s12",), whole=True) == "cost_limit_s12"
    # Figures given in a sentence of their own beside the part refused: partly answered.
    given = (
        "In 2022 there were 1,234 stop and search encounters. To extract each record for the "
        "ward would exceed the appropriate limit, and we are unable to comply with this part of "
        "your request."
    )
    assert classify(given, ("s12",), whole=True) == "partially_disclosed"


def test_figures_given_anyway_under_a_cost_refusal_answer_the_question():
    """README convention: disclosed for the question they answer; under a refusal of the whole
    request they answer none in particular."""
    answer = (
        "To determine if we hold this information would exceed 18 hours. This information is "
        "therefore exempt on the grounds of cost (Section 12(1)); however we have been able to "
        "provide a snap shot of March figures over the last 4 years. (See attached)"
    )
    assert classify(answer, ("s12",), whole=False) == "disclosed"
    assert classify(answer, ("s12",), whole=True) == "cost_limit_s12"
    refused = (
        "Finding this would exceed the appropriate limit; however we have noted your interest."
    )
    assert classify(refused, (), whole=False) == "cost_limit_s12"
    # Advice on narrowing the request (s16), or an offer to search part of it, gives nothing.
    advice = (
        "The request would exceed the cost limit of £450 under section 12. However, we can "
        "provide advice on refining your request: asking for 2023 alone, about 300 records, may "
        "bring it within the limit."
    )
    assert classify(advice, ("s12",), whole=False) == "cost_limit_s12"
    offer = (
        "This would exceed the appropriate limit. However, we can offer to search the 2023 files."
    )
    assert classify(offer, (), whole=False) == "cost_limit_s12"


def test_a_question_passed_to_a_team_of_the_authoritys_own_is_still_answered():
    answer = (
        "This question has been forwarded to the Finance department for a response. The total "
        "spent in 2023 was £12,000."
    )
    assert classify(answer, (), whole=False) == "disclosed"
    elsewhere = "Your request has been referred to the Department for Education for a response."
    assert classify(elsewhere, (), whole=False) == "other"


def test_some_information_held_alone_is_no_outcome() -> None:
    assert (
        classify(
            "I can confirm that some information in scope of your request is held.", (), whole=True
        )
        is None
    )


def test_information_not_retrievable_within_the_time_and_cost_limits_is_a_cost_refusal():
    text = (
        "The force holds information relating to your request, however it is not held in a "
        "format that allows it to be retrieved within the time and cost limits of FOI."
    )

    assert classify(text, (), whole=True) == "cost_limit_s12"


def test_a_date_without_its_year_is_not_data():
    assert not has_figures("the staff in work each day from 22 December to 31 December 2010")
    assert not has_figures("Thank you for your email of 7 November, received on 8 November.")
    assert has_figures("From 1 January to 31 March: 45 offences")


def test_wording_about_a_link_does_not_make_an_exemption_an_s21_refusal():
    text = (
        "I am unable to disclose the information under section 36(2)(c). The terms of reference "
        "of the regulator's investigation are available at the link below."
    )

    assert classify(text, ("s36(2)(c)",), whole=True) == "exempt"
    assert classify(text.split(". ", 1)[1], (), whole=True) == "reasonably_accessible_s21"


def test_the_year_of_the_regulations_cited_is_not_data():
    assert not has_figures("the Environmental Information Regulations 2004 (`the EIRs').")


def test_a_refusal_under_an_exception_is_not_a_disclosure_for_saying_provided_with():
    text = (
        "The buildings that have been provided with statutory protection are publicly listed, "
        "but your request is manifestly unreasonable under regulation 12(4)(b)."
    )

    assert classify(text, ("reg12(4)(b)",), whole=True) == "exempt"


def test_a_question_outside_the_acts_scope_is_answered_as_other():
    text = (
        "Your question falls outside the direct scope of the FOIA framework as it is not a "
        "direct request for information held by the Commission. Our guidance team replies below."
    )

    assert classify(text, (), whole=True) == "other"


@pytest.mark.parametrize(
    ("answer", "cites", "whole", "outcome"),
    [
        # Not a cost refusal: "limits" in an answer.
        (
            "Agency spend is reviewed monthly to keep it within appropriate limits. The council "
            "does not set a cap for individual placements.",
            (),
            False,
            "disclosed",
        ),
        # Outside the Act's scope only decides an answer that gives nothing and holds nothing.
        (
            "Please find attached the policy. Your question 3 is outside the scope of the FOIA as "
            "it asks for an opinion.",
            (),
            False,
            "disclosed",
        ),
        (
            "The emails are held solely on behalf of the councillor and so fall outside the scope "
            "of the Act. The council therefore does not hold this information for the purposes of "
            "FOIA.",
            (),
            True,
            "not_held",
        ),
        # A number of working days, or a date, may be the answer itself.
        (
            "The average time taken to process a complaint in 2023 was 14 working days.\n"
            "The names of the officers involved are exempt under section 40(2).",
            ("s40(2)",),
            False,
            "partially_disclosed",
        ),
        (
            "The last inspection took place on 3 June. We do not hold a copy of the report.",
            (),
            False,
            "partially_disclosed",
        ),
        ("You have been provided with copies of the minutes.", (), True, "disclosed"),
    ],
)
def test_wording_that_only_looks_like_a_refusal_or_a_formality(answer, cites, whole, outcome):
    assert classify(answer, cites, whole=whole) == outcome


def test_answering_would_be_labour_intensive_is_a_cost_refusal():
    text = (
        "To calculate the ages of patients at the time of treatment would take a manually labour "
        "intensive and time lengthy process."
    )

    assert classify(text, (), whole=False) == "cost_limit_s12"
    # Not the burden of a request refused as vexatious.
    assert (
        classify(
            "Complying would be labour intensive and the request is vexatious.",
            ("s14(1)",),
            whole=True,
        )
        == "vexatious_s14"
    )


@pytest.mark.parametrize(
    "answer",
    [
        "Some of the information you have requested is excluded from the Act because it is held "
        "for the purposes of 'journalism, art or literature'. The rest, the total spent on taxis, "
        "was £2.1 million.",
        "Information held by the Trust's charity is not excluded from the Act. The charity "
        "received donations totalling £184,300 in 2013.",
    ],
)
def test_the_broadcasters_derogation_beside_what_is_given_is_no_other(answer):
    assert classify(answer, (), whole=True) != "other"


@pytest.mark.parametrize(
    ("answer", "cites", "outcome"),
    [
        (
            "The council is refusing this request under section 14(1). Locating and reviewing the "
            "emails would involve an extremely labour intensive exercise, and the burden is "
            "grossly oppressive.",
            ("s14(1)",),
            "vexatious_s14",
        ),
        (
            "Hand repairs would be a labour intensive method, so the council now uses a jet "
            "patcher. 412 repairs were carried out by hand.",
            (),
            "disclosed",
        ),
        (
            "Redacting them would involve a labour-intensive process, so the reports are withheld "
            "in full under section 40(2).",
            ("s40(2)",),
            "exempt",
        ),
    ],
)
def test_labour_intensive_work_mentioned_in_passing_is_no_cost_refusal(answer, cites, outcome):
    assert classify(answer, cites, whole=False) == outcome


@pytest.mark.parametrize("exception", ["reg12(4)(a)", "reg10(4)(a)"])
def test_the_exception_for_information_not_held_says_it_is_not_held(exception):
    """EIR reg 12(4)(a) (and the Scottish regulations' reg 10(4)(a)) is relied on because
    nothing is held: the answer is that it is not held, not that something is withheld."""
    text = (
        "The Council does not hold the information you have requested, and is therefore "
        "refusing your request under the exception for information not held."
    )

    assert classify(text, (exception,), whole=True) == "not_held"
    # Review: however the refusal is worded.
    assert classify(
        f"The Council relies on regulation {exception[3:]}.", (exception,), whole=False
    ) == ("not_held")
    assert (
        classify(
            "The Council is refusing your request under the regulations, as monitoring on "
            "Station Road began in 2018.",
            (exception,),
            whole=True,
        )
        == "not_held"
    )
    # Another exception still withholds.
    assert classify(text, (exception, "reg12(5)(e)"), whole=True) == "exempt"


def test_see_below_after_a_refusal_points_to_the_reasons_not_to_information():
    refused = "The information is exempt under section 31(1)(a) - Law Enforcement. See below."

    assert classify(refused, ("s31(1)(a)",), whole=False) == "exempt"
    # After figures, or on its own, it still points to what is given.
    assert gives("There were 12 stop and searches in May. See below.")
    assert gives("Please see below.\nMay 2024: 12")


@pytest.mark.parametrize(
    ("answer", "cites", "outcome"),
    [
        (
            "The answer to your request is nil. The council has no crossing patrols.",
            (),
            "disclosed",
        ),
        # Review: "the answer to your request is" opens refusals as well.
        (
            "The answer to your request is that the Council does not hold this information.",
            (),
            "not_held",
        ),
        (
            "The answer to your request is that the information is exempt under section 31(1)(a).",
            ("s31(1)(a)",),
            "exempt",
        ),
    ],
)
def test_the_answer_to_your_request_is(answer, cites, outcome):
    assert classify(answer, cites, whole=True) == outcome


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        # A nil return, stated: nothing of the kind asked about happened.
        ("There have been no speed cameras installed on the ring road since 2019.", "disclosed"),
        ("There were no arrests at the match.", "disclosed"),
        # No records of it is not a nil return.
        ("There is no information held about the match.", "not_held"),
        ("There were no records found of arrests at the match.", "not_held"),
        # Nothing of the kind, given as the reason nothing is held.
        (
            "There was no contract in place with this supplier, so the information is not held.",
            "not_held",
        ),
        (
            "There was no requirement to take minutes at this meeting. As such, minutes are "
            "not held.",
            "not_held",
        ),
    ],
)
def test_there_were_none_is_a_nil_return_unless_of_records(answer, outcome):
    assert classify(answer, (), whole=True) == outcome


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        ("2019 - None.\n2020 - Two (both in Derby).", "disclosed"),
        ("Fixed cameras: nil\nMobile cameras: one", "disclosed"),
        # What is counted is the information itself: nothing is given.
        ("Information held - None", None),
        # Nor is the response's own particulars beside an answer that nothing is held.
        ("The Council does not hold this information.\nFees: None", "not_held"),
        ("The Council does not hold this information.\nAttachments: none", "not_held"),
        ("Answer: None. The force does not hold this information.", "not_held"),
    ],
)
def test_counts_given_in_words_against_what_they_count(answer, outcome):
    assert classify(answer, (), whole=True) == outcome


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        # What is said of overt use is an answer, even a nil one; the rest is NCND.
        (
            "The force has not used body-worn facial matching in an overt capacity. The force "
            "can neither confirm nor deny that it holds any further information.",
            "partially_disclosed",
        ),
        # The harm reasoning's "overt and covert tactics" answers nothing.
        (
            "The force can neither confirm nor deny that it holds any information. A wide range "
            "of overt and covert tactics will continue to be used.",
            "ncnd",
        ),
        # Nor does what overt use in general would be, or is known to be.
        (
            "The force can neither confirm nor deny that it holds any information. Any overt "
            "use of facial recognition technology would be publicised in advance on our website.",
            "ncnd",
        ),
        (
            "The force can neither confirm nor deny that it holds any information. The overt "
            "deployment of drones is a matter of public record, but confirming whether covert "
            "tactics are used would harm law enforcement.",
            "ncnd",
        ),
        (
            "Drones have been deployed overtly at three events. Otherwise we can neither confirm "
            "nor deny that any further information is held.",
            "partially_disclosed",
        ),
    ],
)
def test_overt_use_answered_beside_ncnd(answer, outcome):
    assert classify(answer, ("s23(5)",), whole=False) == outcome


@pytest.mark.parametrize(
    "framing",
    ["Please see the below response to your request.", "Please see the response to your request."],
)
def test_pointing_to_the_response_gives_nothing(framing):
    refusal = f"{framing}\nYour request is refused under section 43(2) - Commercial Interests."
    assert classify(refusal, ("s43(2)",), whole=True) == "exempt"


def test_the_pages_own_request_field_is_not_a_figure():
    answer = (
        "Request: FOI-2024-04156 FOI/18\n"
        "The decision has been taken not to supply the information: it is exempt under "
        "section 31(1)(a)."
    )
    assert classify(answer, ("s31(1)(a)",), whole=True) == "exempt"


@pytest.mark.parametrize(
    "answer",
    [
        "In 2023 the council issued 1,312 fixed penalty notices. Please note that any future "
        "requests should be addressed to the Information Rights Team at foi@example.gov.uk.",
        "There were 14 incidents. Requests for an internal review should be sent to the Head of "
        "Legal Services within 40 working days.",
        "The total was £4,500. Any questions about this response should be directed to the "
        "Information Governance Office.",
    ],
)
def test_where_to_send_future_requests_or_a_review_redirects_nothing(answer):
    """Where the authority's own team takes reviews or later requests is no redirection of this
    request to another body."""
    assert classify(answer, (), whole=False) == "disclosed"


def test_requests_about_a_matter_sent_to_another_body_are_redirected():
    answer = (
        "Any Freedom of Information requests related to the incident should be directed to "
        "Wiltshire Police in the first instance."
    )
    assert classify(answer, (), whole=False) == "other"
