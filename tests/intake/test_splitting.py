"""Focused tests for ``propose_questions``: one behaviour each, in the requester's own shapes."""

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.intake.splitting import (
    EmptyRequestText,
    ProposedQuestion,
    introduces_request,
    normalise_whitespace,
    propose_questions,
    request_section,
    separate_requests,
    set_out_page,
    split_inline_items,
)


def texts(request: str) -> list[str]:
    return [question.text for question in propose_questions(request).questions]


# --- Numbering styles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("1.", "2."),
        ("1)", "2)"),
        ("(1)", "(2)"),
        ("a.", "b."),
        ("a)", "b)"),
        ("(a)", "(b)"),
        ("A.", "B."),
        ("Q1", "Q2"),
        ("Q1.", "Q2."),
        ("Q1:", "Q2:"),
        ("Question 1:", "Question 2:"),
        ("Question 1 -", "Question 2 -"),
        ("i.", "ii."),
        ("(i)", "(ii)"),
        ("I.", "II."),
        ("(I)", "(II)"),
        ("-", "-"),
        ("*", "*"),
        ("•", "•"),
        ("·", "·"),
        ("–", "–"),
    ],
)
def test_each_numbering_style_gives_one_question_per_item(first: str, second: str) -> None:
    request = (
        "Under the Freedom of Information Act please provide the following:\n"
        f"{first} How many police dogs does the force have?\n"
        f"{second} What was spent on dog food in 2023?\n"
    )
    split = propose_questions(request)
    assert split.questions == (
        ProposedQuestion(1, "How many police dogs does the force have?"),
        ProposedQuestion(2, "What was spent on dog food in 2023?"),
    )
    assert split.preamble == "Under the Freedom of Information Act please provide the following:"


def test_question_heading_on_its_own_line_takes_the_lines_below() -> None:
    request = (
        "Question 1\n\nHow many drones does the force own?\n\n"
        "Question 2\n\nHow many officers are trained to fly them?"
    )
    assert texts(request) == [
        "How many drones does the force own?",
        "How many officers are trained to fly them?",
    ]


def test_numbered_items_need_no_question_mark() -> None:
    request = (
        "Please provide:\n1. The number of body worn cameras issued\n"
        "2. The date the force started using them\n3. Risk level from low, medium and high"
    )
    assert len(propose_questions(request)) == 3


def test_restarted_numbering_is_numbered_again_from_one() -> None:
    request = "1. How many vans?\n1. How many cars?\n1. How many bicycles?"
    split = propose_questions(request)
    assert [q.number for q in split.questions] == [1, 2, 3]
    assert split.questions[2].text == "How many bicycles?"


def test_nested_html_list_numbering_counts_every_item() -> None:
    request = "  1. What cameras?\n    2. What radios?\n    3. What spray?\n  2. What kit?"
    assert len(propose_questions(request)) == 4


def test_year_at_line_start_is_not_a_number_marker() -> None:
    request = "How many arrests were made in each year?\n2019. 2020 and 2021 please."
    assert len(propose_questions(request)) == 1


# --- Sub-items and follow-ups ----------------------------------------------------------------


def test_sub_items_stay_with_their_question() -> None:
    request = (
        "1. How many drones does the force own?\n"
        "a) How many are in use?\n"
        "b) How many are in storage?\n"
        "2. What did they cost?"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[0].text == (
        "How many drones does the force own?\na) How many are in use?\nb) How many are in storage?"
    )


def test_bulleted_sub_items_under_a_numbered_question_stay_with_it() -> None:
    request = (
        "Q1. How many officers work in Professional Standards?\n"
        "Q2. For each case please share the following information:\n"
        "– The year of the proceedings\n– A summary of the allegation\n"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[1].text.endswith("– A summary of the allegation")


def test_number_and_letter_parts_are_each_a_question() -> None:
    request = (
        "1a) How many applicants were rejected?\nb) What were their nationalities?\n"
        "2a) How many PCSO applicants were rejected?\nb) What were their nationalities?"
    )
    assert len(propose_questions(request)) == 4


@pytest.mark.parametrize("follow_up", ["If yes, how many?", "If so, how many?", "If not, why not?"])
def test_follow_up_stays_with_numbered_question(follow_up: str) -> None:
    request = f"1. Does the force use facial recognition?\n{follow_up}\n2. What does it cost?"
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[0].text == f"Does the force use facial recognition?\n{follow_up}"


@pytest.mark.parametrize("follow_up", ["If yes, how many?", "If so, how many?", "If not, why not?"])
def test_follow_up_stays_with_unnumbered_question(follow_up: str) -> None:
    request = f"Does the force use drones?\n\n{follow_up}\n\nWho oversees drone operations?"
    assert texts(request) == [
        f"Does the force use drones?\n{follow_up}",
        "Who oversees drone operations?",
    ]


@pytest.mark.parametrize(
    "fallback",
    [
        "If this exceeds the cost limit, please give the figures for the last two years only.",
        "If the cost limit would be breached, please give the figures for 2023 alone.",
        "If that is not possible, please give the total alone.",
    ],
)
def test_a_fallback_for_the_cost_limit_stays_with_the_request_before_it(fallback: str) -> None:
    request = (
        "I would like the number of dog bites on members of the public in the last ten years. "
        "I would also like to know whether compensation was paid.\n\n"
        f"{fallback}\n\n"
        "I am also requesting the number of police dogs retired early."
    )
    assert texts(request) == [
        "I would like the number of dog bites on members of the public in the last ten years.",
        f"I would also like to know whether compensation was paid.\n{fallback}",
        "I am also requesting the number of police dogs retired early.",
    ]


def test_a_sentence_asking_for_the_information_again_leans_on_the_one_before() -> None:
    request = (
        "I am also requesting information about the number of police dogs retired early. I "
        "would like the information for the past ten years, and the reason for their retirement."
    )
    assert len(propose_questions(request)) == 1


def test_two_requests_of_their_own_before_a_list_and_its_lead_in_are_questions() -> None:
    request = (
        "I wish to make an FOI request for a copy of the inspection report on custody suites "
        "presented to the Police and Crime Panel in March. I would also like confirmation that "
        "the Commissioner receives every inspection report on the force.\n\n"
        "For the year 2023 I would then like to know\n"
        "- How many detainees were held for more than 24 hours?\n"
        "- How many custody officers were suspended?"
    )
    assert texts(request) == [
        "I wish to make an FOI request for a copy of the inspection report on custody suites "
        "presented to the Police and Crime Panel in March.",
        "I would also like confirmation that the Commissioner receives every inspection report "
        "on the force.",
        "How many detainees were held for more than 24 hours?",
        "How many custody officers were suspended?",
    ]
    assert propose_questions(request).questions[2].context == (
        "For the year 2023 I would then like to know"
    )


def test_one_request_before_a_list_still_leads_in_to_it() -> None:
    request = (
        "I am writing to request information about the force's use of drones in the last five "
        "years.\n\nPlease answer the questions below.\n"
        "- How many drones does the force own?\n- How many pilots are trained?"
    )
    assert texts(request) == [
        "How many drones does the force own?",
        "How many pilots are trained?",
    ]


def test_lettered_parts_under_an_item_ending_in_a_semicolon_are_questions() -> None:
    request = (
        "1. How many burglaries were reported in 2023?\n"
        "2. What were the two most common entry methods recorded;\n"
        "(a) for burglaries of homes?\n(b) for burglaries of businesses?"
    )
    assert texts(request) == [
        "How many burglaries were reported in 2023?",
        "for burglaries of homes?",
        "for burglaries of businesses?",
    ]


def test_a_request_quoted_whole_keeps_its_first_number() -> None:
    request = (
        "“1) Can you please advise why the charity has not filed its accounts\n"
        "a) for 2019\nb) for 2020\n"
        "2) Can you please advise when the inquiry will report?”"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[0].text.startswith("Can you please advise why")
    assert split.questions[1].text.startswith("Can you please advise when")


def test_lettered_counts_under_an_item_naming_only_its_topic_are_questions() -> None:
    request = (
        "Request 1\nRelating to your firearms licensing team.\n"
        "a. number firearms certificates on issue\n"
        "b. total number of certificates revoked in 2023\n"
        "Request 2\nHow many shotgun certificates were refused in 2023?"
    )
    split = propose_questions(request)
    assert [q.text for q in split.questions] == [
        "number firearms certificates on issue",
        "total number of certificates revoked in 2023",
        "How many shotgun certificates were refused in 2023?",
    ]
    assert split.questions[0].context == "Relating to your firearms licensing team."


def test_bullets_heading_groups_of_numbered_questions_are_headings() -> None:
    request = (
        "• Parking fines\n"
        "1. How many parking fines were issued in 2023?\n"
        "2. How many were cancelled on appeal?\n\n"
        "• Bus lanes\n\n"
        "3. How many bus lane fines were issued in 2023?"
    )
    split = propose_questions(request)
    assert [q.text for q in split.questions] == [
        "How many parking fines were issued in 2023?",
        "How many were cancelled on appeal?",
        "How many bus lane fines were issued in 2023?",
    ]
    # Each heading introduces the questions below it.
    assert [q.context for q in split.questions] == ["Parking fines", "", "Bus lanes"]


def test_bulleted_requests_before_numbered_questions_are_questions_too() -> None:
    request = (
        "Please provide:\n- The council's current fleet replacement policy\n"
        "- Total fuel spend for 2023\n"
        "1. How many electric vehicles does the council own?\n"
        "2. How many charging points has the council installed?"
    )
    texts_found = [q.text for q in propose_questions(request).questions]
    # (The bullets are not taken for headings: one of them is not over a numbered item.)
    assert texts_found[0] == "The council's current fleet replacement policy"
    assert texts_found[1].startswith("Total fuel spend for 2023")


def test_the_requesters_ideas_for_the_search_are_no_questions() -> None:
    request = (
        "I would like any correspondence about the closure of the Riverside day centre since "
        "January 2023.\n\n"
        "I presume you keep records by service and then by site?\n\n"
        "For the emails, could you use key word searches of the content to find them?"
    )
    assert texts(request) == [
        "I would like any correspondence about the closure of the Riverside day centre since "
        "January 2023."
    ]


@pytest.mark.parametrize(
    "request_text",
    [
        "Please tell me how many subject access requests the council received in 2023. Please "
        "provide the data protection impact assessment for your new CCTV system.",
        "Please tell me how many agency staff the council employed in 2023. How many "
        "firefighters have had their contracts terminated since January 2022?",
    ],
)
def test_a_second_request_naming_data_or_their_is_its_own_question(request_text: str) -> None:
    assert len(propose_questions(request_text)) == 2


def test_a_request_of_its_own_before_a_numbered_list_stays_a_question() -> None:
    request = (
        "How much did the council spend on road repairs in 2023?\n"
        "Please provide a copy of the council's highways asset management plan.\n"
        "1. How many potholes were reported in 2023?\n"
        "2. How many were repaired within 28 days?"
    )
    assert len(propose_questions(request)) == 4


@pytest.mark.parametrize(
    "fallback",
    [
        "If this exceeds the cost limit, please provide the figures for the last six months only.",
        "If this exceeds the cost limit, please answer question 1 only.",
    ],
)
def test_a_cost_fallback_at_the_end_is_no_handling_remark(fallback: str) -> None:
    split = propose_questions(
        "Please tell me how many fixed penalty notices were issued for littering in 2022.\n"
        f"{fallback}\nYours faithfully\nSam"
    )
    assert split.questions[-1].text.endswith(fallback)
    assert fallback not in split.signoff


def test_a_reason_given_on_behalf_of_others_is_no_question() -> None:
    request = (
        "How many school crossing patrols does the council fund?\n\n"
        "I am also asking on behalf of the parents' forum, who intend to publish the figures."
    )
    assert len(propose_questions(request)) == 1


def test_items_each_quoted_on_their_own_stay_apart() -> None:
    request = (
        "“1) How many gritters does the council own?”\n"
        "“2) How many were out of service in January?”\n"
        "“3) How much salt was used in January?”"
    )
    assert len(propose_questions(request)) == 3


def test_empty_lettered_parts_under_a_topic_do_not_break_the_split() -> None:
    request = "1.\nRelating to your custody suites.\na. number of custody suites\n(b)\nc)"
    assert propose_questions(request).questions[0].text.startswith("number of custody suites")


def test_a_field_added_for_some_items_stays_with_the_question() -> None:
    request = (
        "Please could you provide the number of libraries opened since 2015, with the date each "
        "opened.\n\n"
        "If a library is one that has been re-opened, could you please include the date it was "
        "closed.\n\n"
        "If the library is a new building, could you please include the cost of building it.\n\n"
        "How many libraries closed in the same period?"
    )
    assert len(propose_questions(request)) == 2


@pytest.mark.parametrize("end", [":", ";"])
def test_a_count_for_each_category_listed_is_one_question(end: str) -> None:
    request = (
        f"How many former police officers does the council employ in the following roles{end}\n"
        "- Community safety\n- Licensing enforcement\n- Trading standards\n\n"
        "How many of them were recruited in 2023?"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[0].text.startswith("How many former police officers")
    assert "Licensing enforcement" in split.questions[0].text


def test_i_am_seeking_information_asks() -> None:
    request = (
        "I am writing to ask for your help with an enquiry about the council's dog wardens.\n\n"
        "I am specifically seeking information about the number of stray dogs seized in each "
        "year since 2015.\n\n"
        "I would also like to know how many of them were rehomed."
    )
    assert texts(request) == [
        "I am specifically seeking information about the number of stray dogs seized in each "
        "year since 2015.",
        "I would also like to know how many of them were rehomed.",
    ]


def test_the_closing_paragraphs_of_a_requesters_template_are_no_questions() -> None:
    request = (
        "Dear Council,\n\n"
        "1. What is your policy on speed awareness courses? If you run them, when did they "
        "start?\n\n"
        "2. How many courses were run?\n- Please divide the data by age and gender.\n\n"
        "3. If this is possible, please include the full list of complaints about the courses."
        "\n\n"
        "If you are unable to proceed with all of the above, due either to the information not "
        "being held, or the data exceeding your time limits, please provide the rest of the "
        "information.\n\n"
        "I wish to be informed in writing whether you have such information and, if so, I seek "
        "the disclosure of that information. If the information is covered by any exemptions, "
        "please disclose such information as is not covered by the exemptions.\n\n"
        "If you are considering charging for the disclosure of this information, please tell "
        "me before any work that would be liable to a charge is carried out."
    )
    assert len(propose_questions(request)) == 3


@pytest.mark.parametrize(
    "last",
    [
        "Please provide copies of any reports presented to the cabinet when it was considering "
        "charging for garden waste collection in 2012.",
        "Please also tell me the number of those homes not covered by any exemptions from the "
        "empty homes premium.",
        "Please also tell me the number of those people the service was unable to provide any "
        "temporary accommodation for.",
    ],
)
def test_a_last_request_using_template_words_is_still_a_question(last: str) -> None:
    split = propose_questions(
        "Please tell me how many long-term empty homes there were on 1 April 2013.\n\n"
        f"{last}\n\nYours faithfully,\nA. Resident"
    )
    assert len(split) == 2


def test_a_condition_on_something_new_is_its_own_question() -> None:
    request = (
        "Please tell me the total amount spent by the council on agency staff in 2013.\n"
        "If the council has closed any public toilets since 2010, could you please provide the "
        "location of each and the date it closed."
    )
    assert len(propose_questions(request)) == 2


def test_a_count_led_by_the_number_of_keeps_its_categories() -> None:
    request = (
        "The number of reported incidents at the following locations:\n"
        "- Central Library\n- Riverside Leisure Centre\n\n"
        "What is the annual cost of security staff at each location?"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert "Central Library" in split.questions[0].text


def test_seeking_information_for_a_project_is_a_reason_not_a_question() -> None:
    request = (
        "How many trees were felled in Elm Park in 2013?\n\n"
        "I am seeking information for a local history project."
    )
    assert len(propose_questions(request)) == 1


def test_a_question_wrapped_after_a_comma_is_one_question() -> None:
    request = (
        "Dear Sir or Madam,\n"
        "What improvement schemes and their costs were carried out in Drumtara,\n"
        "Ballymena in each year from 2000 onwards?"
    )
    assert texts(request) == [
        "What improvement schemes and their costs were carried out in Drumtara, Ballymena in "
        "each year from 2000 onwards?"
    ]


def test_condition_inside_a_numbered_item_stays_with_it() -> None:
    request = (
        "3. I would also ask for data after the cameras were changed.\n"
        "If the date in 1 above was within the last 12 months, I would like the data since.\n"
        "OR\n"
        "If the date in 1 was more than 12 months ago, I would like the last 12 months.\n"
        "4. How often are the cameras calibrated?"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[0].text.count("\n") == 3


def test_conditional_question_inside_a_bulleted_item_stays_with_it() -> None:
    request = (
        "- which version of that system is the default;\n"
        "- regardless which system is the default, whether there is an intention to move to "
        "Windows 10 and if so when and at what estimated cost.\n\n"
        "If the force has commenced this move, what proportion of devices use Windows 10.\n\n"
        "I am not seeking any personal information of any kind."
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[1].text.endswith("what proportion of devices use Windows 10.")
    assert split.questions[1].context == "I am not seeking any personal information of any kind."


def test_polite_request_after_the_list_is_a_question_of_its_own() -> None:
    request = (
        "1) How many arrests were made?\n2) How many people were charged?\n"
        "If possible, please could all the above be broken down by gender?\n"
        "Answers to question 2 need not be broken down by month, please."
    )
    split = propose_questions(request)
    assert len(split) == 3
    assert split.questions[2].context == (
        "Answers to question 2 need not be broken down by month, please."
    )


def test_second_question_inside_one_heading_is_split() -> None:
    request = (
        "Question 2\n"
        "How many officers do you have in each of the following roles\n"
        "How many of those officers in each role are BME\n"
        "Dog Handlers\nMounted Officers"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[1].text == (
        "How many of those officers in each role are BME\nDog Handlers\nMounted Officers"
    )


# --- Unnumbered paragraphs -------------------------------------------------------------------


def test_unnumbered_question_paragraphs_are_questions() -> None:
    request = (
        "Please could you provide me with the following information.\n\n"
        "How is drone technology being used within this police force?\n\n"
        "How many drones does this police force have?\n\n"
        "Which drones are you using?"
    )
    split = propose_questions(request)
    assert len(split) == 3
    assert split.preamble == "Please could you provide me with the following information."


def test_request_verbs_without_question_marks_are_questions() -> None:
    request = (
        "I would like to know how many officers were assaulted in 2023.\n\n"
        "Please provide a breakdown by month.\n\n"
        "The number of those assaults that led to a charge."
    )
    assert len(propose_questions(request)) == 3


def test_question_sentence_broken_across_paragraphs_is_joined() -> None:
    request = (
        "How many allegations have been made against officers where it is alleged that they\n\n"
        "Failed to challenge the conduct of colleagues\n\n"
        "For the first 5 complaints please provide details of the complaint"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[0].text.endswith(
        "that they\nFailed to challenge the conduct of colleagues"
    )


def test_definition_list_after_a_question_is_context() -> None:
    request = (
        "How many incidents involving imitation firearms were there?\n\n"
        "Please use the Home Office categories, which define imitation firearms as:\n\n"
        "– Imitation handgun\n\n– BB gun/soft air weapon\n\n– Blank firer"
    )
    split = propose_questions(request)
    assert len(split) == 1
    assert split.questions[0].context.endswith("– Blank firer")


def test_options_listed_under_a_question_stay_with_it() -> None:
    request = "Which spray do your officers carry?\n- CS\n- PAVA\n- Other\n\nWho supplies it?"
    split = propose_questions(request)
    assert texts(request) == [
        "Which spray do your officers carry?\n- CS\n- PAVA\n- Other",
        "Who supplies it?",
    ]
    assert split.questions[0].context == ""


# --- Context ---------------------------------------------------------------------------------


def test_context_inside_a_numbered_item_is_kept_apart_from_the_question() -> None:
    request = (
        "1. How many vehicles?\n"
        "2. For context: the Chief Constable said in March that the fleet would halve.\n\n"
        "The announcement is here:\n\nhttps://example.police.uk/news/fleet?id=3\n\n"
        "Is the fleet being reduced?\n\nIf yes, by how many vehicles?"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.questions[1] == ProposedQuestion(
        2,
        "Is the fleet being reduced?\nIf yes, by how many vehicles?",
        "For context: the Chief Constable said in March that the fleet would halve.\n"
        "The announcement is here:\nhttps://example.police.uk/news/fleet?id=3",
    )


def test_context_between_unnumbered_questions_goes_with_the_next_question() -> None:
    request = (
        "How many drones does the force own?\n\n"
        "The Chief Constable said in 2023 that drones had replaced the helicopter.\n\n"
        "How many hours did the drones fly in 2023?"
    )
    split = propose_questions(request)
    assert split.questions[0].context == ""
    assert split.questions[1].context == (
        "The Chief Constable said in 2023 that drones had replaced the helicopter."
    )


def test_context_before_the_first_question_goes_with_it_when_it_says_so() -> None:
    request = (
        "Dear Sir/Madam,\n\nFor context: the force bought drones in 2022.\n\n"
        "How many drones does the force own?"
    )
    split = propose_questions(request)
    assert split.preamble == "Dear Sir/Madam,"
    assert split.questions[0].context == "For context: the force bought drones in 2022."


def test_lead_in_with_a_request_verb_before_a_list_is_preamble() -> None:
    request = (
        "Under the FOI Act I would like to request information about your use of drones.\n\n"
        "1. How many drones?\n2. How many pilots?"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.preamble.startswith("Under the FOI Act")


# --- Preamble and sign-off -------------------------------------------------------------------


def test_preamble_and_signoff_are_separated_from_the_questions() -> None:
    request = (
        "Dear Sir/Madam,\n\n"
        "Under the Freedom of Information Act I would like to request the following:\n\n"
        "1. How many speed cameras are there in the force area?\n"
        "2. How many are working?\n\n"
        "Yours faithfully,\n\nJane Smith"
    )
    split = propose_questions(request)
    assert split.preamble == (
        "Dear Sir/Madam,\n"
        "Under the Freedom of Information Act I would like to request the following:"
    )
    assert split.signoff == "Yours faithfully,\nJane Smith"
    assert all("Jane" not in q.text + q.context for q in split.questions)


@pytest.mark.parametrize(
    "closing",
    [
        "Kind regards,\nJohn",
        "Many thanks\nJohn Smith",
        "Thanks,\nJ",
        "Yours sincerely\nA. Person",
        "Best wishes, Sam",
        "Regards\nDr Ann Other\n07700 900123",
    ],
)
def test_common_signoffs_are_recognised(closing: str) -> None:
    split = propose_questions(f"How many drones does the force own?\n\n{closing}")
    assert len(split) == 1
    assert split.questions[0].text == "How many drones does the force own?"
    assert split.signoff == closing


def test_handling_remarks_before_the_signoff_go_with_it() -> None:
    request = (
        "- How many times was CS spray used in 2023?\n"
        "- The guidelines the force follows on CS spray.\n\n"
        "I would like to receive the information electronically.\n\n"
        "If you need any clarification, please don't hesitate to contact me.\n\n"
        "Please acknowledge receipt of this request.\n\n"
        "Yours faithfully,\n\nConnor"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.signoff.startswith("I would like to receive the information electronically.")
    assert split.signoff.endswith("Connor")


def test_format_request_before_the_signoff_is_not_a_question() -> None:
    request = (
        "Please provide the following:\n\n1. The number of stop and searches in 2022.\n"
        "2. The number of those that led to arrest.\n\n"
        "Please provide the information in an Excel spreadsheet.\n\nKind regards,\nJane"
    )
    split = propose_questions(request)
    assert len(split) == 2
    assert split.signoff == (
        "Please provide the information in an Excel spreadsheet.\nKind regards,\nJane"
    )


@pytest.mark.parametrize("closing", ["Diolch,\nSi\u00e2n", "Yn gywir,\nRhys Jones"])
def test_welsh_signoffs_are_recognised(closing: str) -> None:
    split = propose_questions(f"Faint o gamer\u00e2u cyflymder sydd gennych?\n\n{closing}")
    assert split.signoff == closing


def test_a_question_just_before_the_signoff_stays_a_question() -> None:
    request = (
        "I would like to know how many officers died under investigation.\n"
        "If this is not recorded I would like to know why?\n\nYours faithfully,\n\nVictoria"
    )
    assert len(propose_questions(request)) == 2


def test_thanks_before_any_question_is_not_a_signoff() -> None:
    request = "Thank you.\n\nHow many drones does the force own?\n\nThanks\nSam"
    split = propose_questions(request)
    assert split.questions[0].text == "How many drones does the force own?"
    assert split.signoff == "Thanks\nSam"


# --- Whitespace and odd input ----------------------------------------------------------------


def test_non_breaking_spaces_and_windows_line_ends_are_normalised() -> None:
    request = "1.\u00a0 How\u00a0many   vans?\u00a0\u00a0\r\n\r\n\r\n\r\n2.\tHow many cars?\r\n"
    assert texts(request) == ["How many vans?", "How many cars?"]


def test_normalise_whitespace_keeps_the_requesters_words() -> None:
    text = (
        "On 16thJanuary\u00a02023 the Met said \u2018assessed\u2019 \u00e2\u20ac\u2122  "
        "\r\n\r\n\r\nx"
    )
    assert normalise_whitespace(text) == (
        "On 16thJanuary 2023 the Met said \u2018assessed\u2019 \u00e2\u20ac\u2122\n\nx"
    )


def test_hard_wrapped_email_lines_are_joined() -> None:
    request = (
        "1. How many officers were dismissed for gross misconduct in the years\n"
        "2019, 2020 and 2021, broken down by year and by the type of misconduct\n"
        "found proven at the hearing?\n"
        "2. How many of those officers appealed to the Police Appeals Tribunal?\n"
    )
    assert texts(request) == [
        "How many officers were dismissed for gross misconduct in the years 2019, 2020 and 2021, "
        "broken down by year and by the type of misconduct found proven at the hearing?",
        "How many of those officers appealed to the Police Appeals Tribunal?",
    ]


def test_lines_finishing_a_numbered_item_after_its_colon_stay_with_it() -> None:
    request = (
        "Q1. Details of any discussions about the Hunt within three months of:\n"
        "When the notice was first issued in 2022?\n"
        "When the protocol was agreed in 2023?\n"
        "Q2. Who rescinded the notice?\n"
    )
    assert texts(request) == [
        "Details of any discussions about the Hunt within three months of:\n"
        "When the notice was first issued in 2022?\nWhen the protocol was agreed in 2023?",
        "Who rescinded the notice?",
    ]


def test_a_bullet_leading_its_own_lettered_list_is_a_question() -> None:
    request = (
        "- How many times was a Taser fired in the periods:\n"
        "a) 2017 to 2018\nb) 2018 to 2019?\n"
        "- In what number of discharges did the person:\n"
        "a) have mental health problems\nb) have acute behavioural disturbance?\n"
    )
    assert texts(request) == [
        "How many times was a Taser fired in the periods:\na) 2017 to 2018\nb) 2018 to 2019?",
        "In what number of discharges did the person:\na) have mental health problems\n"
        "b) have acute behavioural disturbance?",
    ]


def test_the_lettered_parts_of_an_item_that_only_introduces_them_are_questions() -> None:
    request = (
        "1. A copy of the review.\n"
        "2. Details of:\n"
        "a. The number of staff that worked on the review;\n"
        "b. The total cost of the review.\n"
        "3. How many officers took part in the review, broken down by:\n"
        "a. rank\nb. force\n"
    )
    split = propose_questions(request)
    assert [q.text for q in split.questions] == [
        "A copy of the review.",
        "The number of staff that worked on the review;",
        "The total cost of the review.",
        "How many officers took part in the review, broken down by:\na. rank\nb. force",
    ]
    assert split.questions[1].context == "Details of:"


def test_text_without_any_question_is_proposed_whole() -> None:
    request = "I am writing about the incident on the High Street last week.\n\nRegards\nSam"
    split = propose_questions(request)
    assert split.whole_text_fallback
    assert split.questions == (
        ProposedQuestion(1, "I am writing about the incident on the High Street last week."),
    )
    assert split.signoff == "Regards\nSam"


@pytest.mark.parametrize("blank", ["", "   ", "\n\r\n\t", "\u00a0\u00a0\u200b"])
def test_empty_text_is_refused_with_a_clear_message(blank: str) -> None:
    with pytest.raises(EmptyRequestText, match="no text"):
        propose_questions(blank)


def test_empty_request_text_is_a_value_error() -> None:
    assert issubclass(EmptyRequestText, ValueError)


def test_the_proposal_is_immutable() -> None:
    split = propose_questions("How many drones?")
    with pytest.raises(AttributeError):
        split.preamble = "changed"  # type: ignore[misc]


# --- Properties ------------------------------------------------------------------------------

_FRAGMENTS = [
    "1. ",
    "2) ",
    "(3) ",
    "Q4. ",
    "Question 5: ",
    "Part 6: ",
    "7 - ",
    "Question Two: ",
    "a) ",
    "(b) ",
    "ii. ",
    "- ",
    "* ",
    "\u2022 ",
    "How many officers? ",
    "If yes, how many? ",
    "Please give details of why the unit closed in 2021, and whether its staff moved elsewhere. ",
    "I would also like to know of all meetings held with the supplier since 2022. ",
    "How many cars were stolen and how many were found? ",
    "For each of the listed items, was it sent? ",
    "2.1 ",
    "For context: the force said so. ",
    "Please provide the following:",
    "Dear Sir/Madam,",
    "Yours faithfully,",
    "Kind regards",
    "Jane Smith",
    "https://example.org/a?b=c ",
    "\n",
    "\n\n",
    "\r\n",
    "\u00a0",
    "  ",
]
_ROMAN_WORD = re.compile(r"^[ivxIVX]+$")


# Words a split may drop: the words of an item's marker ("Question Two:", "Part 6:") and the
# "and" between two questions asked in one sentence ("..., and whether ...").
_DROPPED = {"question", "part", "point", "request", "one", "two", "three", "and"}


def _words(text: str) -> Counter[str]:
    return Counter(
        word.lower()
        for word in re.findall(r"[^\W\d_]{3,}", text)
        if word.lower() not in _DROPPED and not _ROMAN_WORD.match(word)
    )


@settings(deadline=None)  # what it checks is that no word is lost, not how fast
@given(
    st.lists(
        st.one_of(st.sampled_from(_FRAGMENTS), st.text(st.characters(codec="utf-8"), max_size=20)),
        max_size=25,
    ).map("".join)
)
def test_any_text_is_split_without_losing_words(request: str) -> None:
    if not normalise_whitespace(request):
        with pytest.raises(EmptyRequestText):
            propose_questions(request)
        return
    split = propose_questions(request)
    assert [q.number for q in split.questions] == list(range(1, len(split) + 1))
    assert all(q.text for q in split.questions)
    output = "\n".join(
        [split.preamble, split.signoff, *(q.text + "\n" + q.context for q in split.questions)]
    )
    assert not (_words(request) - _words(output))


def test_a_numbered_line_that_only_introduces_its_numbered_parts_is_context() -> None:
    request = (
        "1. How many claims has your council:\n"
        "1a. Received for compensation due to damage caused by potholes?\n"
        "1b. Accepted and paid to the claimant?\n"
        "2. What was the total compensation paid?\n"
    )
    split = propose_questions(request)
    assert [q.text for q in split.questions] == [
        "Received for compensation due to damage caused by potholes?",
        "Accepted and paid to the claimant?",
        "What was the total compensation paid?",
    ]
    assert split.questions[0].context == "How many claims has your council:"


def test_what_to_break_the_answer_down_by_stays_with_the_question() -> None:
    request = (
        "How many strip searches were carried out outside custody in 2022 and 2023?\n"
        "Please list each occasion and the information by:\n"
        "- sex of person searched\n"
        "- ethnicity of person searched\n"
        "- whether the individual was then arrested\n"
    )
    assert texts(request) == [
        "How many strip searches were carried out outside custody in 2022 and 2023?\n"
        "Please list each occasion and the information by:\n- sex of person searched\n"
        "- ethnicity of person searched\n- whether the individual was then arrested",
    ]


def test_bullets_run_into_one_paragraph_are_separate_requests() -> None:
    assert separate_requests(
        "How many officers are serving? * For the last three years, please provide examples of "
        "the rationale for rejecting vetting."
    ) == [
        "How many officers are serving?",
        "For the last three years, please provide examples of the rationale for rejecting vetting.",
    ]


def test_a_lettered_part_asking_only_for_a_breakdown_stays_with_its_question() -> None:
    request = (
        "What are the longest waiting times for an ambulance in each of 2023, 2024 and 2025?\n"
        "1a) If possible, please break down by age of patient.\n"
        "1b) If possible, please break down by severity of harm.\n"
        "2. What is the average waiting time for an ambulance in each of those years?\n"
        "2a) If possible, please break down by age of patient.\n"
    )
    assert len(texts(request)) == 2


def test_the_fields_a_list_should_include_are_one_question() -> None:
    request = (
        "Could you please provide your complete list of business rates data, including the "
        "following fields: -\n"
        "Property Reference Code\n"
        "- Trading Name\n"
        "- Date of Occupation\n"
        "- Annual rates charged\n"
    )
    assert len(texts(request)) == 1


def test_the_parts_of_an_item_that_asks_please_provide_are_questions() -> None:
    request = (
        "1. The total number of claims received in each year.\n"
        "2. For the same time period, please provide:\n"
        "a) The total amount paid out in compensation each year\n"
        "b) The highest single payout made each year\n"
        "c) The total legal costs incurred each year\n"
    )
    split = propose_questions(request)
    assert [q.text for q in split.questions] == [
        "The total number of claims received in each year.",
        "The total amount paid out in compensation each year",
        "The highest single payout made each year",
        "The total legal costs incurred each year",
    ]
    assert split.questions[1].context == "For the same time period, please provide:"


def test_items_numbered_with_a_slash() -> None:
    assert texts(
        "Please can you provide me with the following:\n"
        "1/ Monthly knife crime offences recorded from 2019 to 2022.\n"
        "2/ Monthly firearm offences recorded from 2019 to 2022.\n"
    ) == [
        "Monthly knife crime offences recorded from 2019 to 2022.",
        "Monthly firearm offences recorded from 2019 to 2022.",
    ]


def test_the_following_inside_a_paragraph_that_asks_does_not_make_it_a_lead_in() -> None:
    assert texts(
        "I would like to request data on stop and search grounds since 2020. I would also "
        "appreciate it if the rate could be expressed in the following ways: overall, by area "
        "command, by ethnicity, and by the power of search used (section 23 or section 1).\n"
        "Can I also request information on how each stop and search is reviewed?\n"
    ) == [
        "I would like to request data on stop and search grounds since 2020. I would also "
        "appreciate it if the rate could be expressed in the following ways: overall, by area "
        "command, by ethnicity, and by the power of search used (section 23 or section 1).",
        "Can I also request information on how each stop and search is reviewed?",
    ]


def test_the_parts_of_an_item_asking_for_the_following_information_are_questions() -> None:
    assert texts(
        "1. Please state the number of gang injunctions issued since 2011.\n"
        "2. For each injunction, could you please provide the following information:\n"
        "a) Date of injunction\n"
        "b) Number of people subject to the injunction\n"
    ) == [
        "Please state the number of gang injunctions issued since 2011.",
        "Date of injunction",
        "Number of people subject to the injunction",
    ]


def test_a_question_says_whether_the_requester_numbered_it() -> None:
    numbered = propose_questions("1. How many dogs?\n2. How many horses?\n")
    bulleted = propose_questions("- How many dogs?\n- How many horses?\n")

    assert [q.numbered for q in numbered.questions] == [True, True]
    assert [q.numbered for q in bulleted.questions] == [False, False]


def test_what_follows_the_requesters_colon_is_theirs_unless_the_authority_speaks() -> None:
    page = (
        "Enquiry Reference: 233 - 24\n"
        "Please could you tell me, from 1 Jan 2022 to present:\n"
        "If the force has naloxone in its custody suites\n"
        "We have looked at your request and must advise you that section 21 is engaged.\n"
    )

    section = request_section(page)

    assert section is not None
    assert section.endswith(
        "Please could you tell me, from 1 Jan 2022 to present:\n"
        "If the force has naloxone in its custody suites"
    )


def test_the_authoritys_reasoning_about_what_you_requested_does_not_introduce_the_request() -> None:
    page = (
        "Spit Hoods (3036/19)\n"
        "1. What is your force's policy on using spit hoods?\n"
        "2. How many times have you recorded spit hoods being used?\n"
        "Please find attached our response for questions 1 and part of question 2.\n"
        "Under section 21 of the Act, we are not required to provide information in response to "
        "a request if it is already reasonably accessible to you. The information you requested "
        "for January – March 2018 is available on the following website:\n"
        "The information is exempt by virtue of Section 22(1).\n"
    )

    section = request_section(page)

    assert section is not None
    assert "What is your force's policy on using spit hoods?" in section
    assert "Under section 21" not in section


def test_items_numbered_with_a_comma() -> None:
    assert texts("1, When an arrest was made\n2, How old were the arrested persons\n") == [
        "When an arrest was made",
        "How old were the arrested persons",
    ]


def test_items_numbered_with_a_dash_or_a_colon_carry_their_following_lines() -> None:
    split = propose_questions(
        "Please provide the following information:\n"
        "1 - How many officers were assaulted on duty in 2023?\n"
        "Please break this down by month.\n"
        "2 – How many of those assaults resulted in a charge?\n"
        "3: The number of body-worn cameras the force owns.\n"
    )

    assert [(q.text, q.context, q.numbered) for q in split.questions] == [
        (
            "How many officers were assaulted on duty in 2023?",
            "Please break this down by month.",
            True,
        ),
        ("How many of those assaults resulted in a charge?", "", True),
        ("The number of body-worn cameras the force owns.", "", True),
    ]


def test_questions_after_the_examples_a_request_includes_are_questions() -> None:
    assert texts(
        "Please provide all records held about the Mill Lane junction, including, but not "
        "limited to:\n"
        "- accident reports\n"
        "- traffic surveys\n\n"
        "How many accidents were recorded at the junction in 2023?\n\n"
        "Please also tell me how much the council has spent on the junction since 2020.\n"
    ) == [
        "Please provide all records held about the Mill Lane junction, including, but not "
        "limited to:\naccident reports\ntraffic surveys",
        "How many accidents were recorded at the junction in 2023?",
        "Please also tell me how much the council has spent on the junction since 2020.",
    ]


def test_the_following_information_opening_a_request_leads_into_its_questions() -> None:
    # (Not the fields of one record: nothing above the lead-in asks.)
    assert texts(
        "Under the FOI Act, please provide the following information:\n"
        "- Staff turnover rate for 2023\n"
        "- Sickness absence rate for 2023\n"
        "- Nursing vacancy rate for 2023\n"
    ) == [
        "Staff turnover rate for 2023",
        "Sickness absence rate for 2023",
        "Nursing vacancy rate for 2023",
    ]


def test_two_paragraphs_each_naming_a_cost_are_two_questions() -> None:
    assert texts(
        "The cost of flying and maintaining the force's aircraft for 1 year before the "
        "contract with [Name supplied]\n\n"
        "The cost for 1 year following the contract agreement for flying and maintaining the "
        "aircraft.\n"
    ) == [
        "The cost of flying and maintaining the force's aircraft for 1 year before the "
        "contract with [Name supplied]",
        "The cost for 1 year following the contract agreement for flying and maintaining the "
        "aircraft.",
    ]


@pytest.mark.parametrize(
    "lead", ["including but not limited to:", "including, but not limited to:"]
)
def test_items_a_request_includes_are_one_question(lead: str) -> None:
    split = propose_questions(
        "I would like a breakdown of the trust's spending for the last financial year.\n"
        f"Specifically, I am requesting all spending information, {lead}\n"
        "- Staffing costs (salaries, agency staff, consultancy fees)\n"
        "- Procurement and contracts for medical supplies and IT\n"
        "- Payments to private providers, charities and other organisations\n"
    )

    assert [q.text for q in split.questions] == [
        f"Specifically, I am requesting all spending information, {lead}\n"
        "Staffing costs (salaries, agency staff, consultancy fees)\n"
        "Procurement and contracts for medical supplies and IT\n"
        "Payments to private providers, charities and other organisations"
    ]
    assert split.preamble == (
        "I would like a breakdown of the trust's spending for the last financial year."
    )


@pytest.mark.parametrize(
    "markers",
    [
        ("Part 1:", "Part 2:", "Part 3:"),
        ("Point 1 -", "Point 2 -", "Point 3 -"),
        ("Request 1:", "Request 2:", "Request 3:"),
        ("Question One:", "Question Two:", "Question Three:"),
        ("1.)", "2.)", "3.)"),
    ],
)
def test_items_numbered_as_parts_points_requests_or_in_words(markers: tuple[str, ...]) -> None:
    first, second, third = markers
    split = propose_questions(
        "Please provide the following information:\n"
        f"{first} How many officers were assaulted on duty in 2023?\n"
        "Please break this down by month.\n"
        f"{second} How many of those assaults resulted in a charge?\n"
        f"{third} What is the force's policy on body-worn cameras?\n"
    )

    assert [(q.text, q.context) for q in split.questions] == [
        ("How many officers were assaulted on duty in 2023?", "Please break this down by month."),
        ("How many of those assaults resulted in a charge?", ""),
        ("What is the force's policy on body-worn cameras?", ""),
    ]


def test_a_part_or_request_named_in_words_is_not_a_marker() -> None:
    request = (
        "Request made: the number of officers assaulted on duty in 2023.\n"
        "Part of this request concerns body-worn cameras.\n"
    )

    assert "Request made:" in texts(request)[0]


def test_a_number_followed_by_a_dash_and_a_figure_or_a_time_is_not_a_marker() -> None:
    request = "Please tell me how many officers worked shifts of\n2 - 3 hours\n10:30 onwards\n"

    assert texts(request) == [request.strip()]


def test_a_list_announced_by_the_request_whose_items_lost_their_bullets() -> None:
    request = (
        "This is a request for information under the Freedom of Information Act 2000.\n"
        "Please provide the following information relating to temporary accommodation:\n"
        "The current number of households in temporary accommodation.\n"
        "The types of temporary accommodation currently used (e.g. hotels, B&Bs).\n"
        "The names of providers currently supplying temporary accommodation to the council.\n"
        "If any part of this request exceeds the cost limit, please advise how to refine it.\n"
    )

    assert texts(request) == [
        "The current number of households in temporary accommodation.",
        "The types of temporary accommodation currently used (e.g. hotels, B&Bs).",
        "The names of providers currently supplying temporary accommodation to the council.",
    ]


def test_short_lines_after_a_lead_in_are_its_options_not_questions() -> None:
    request = (
        "Please can you confirm if any of the following are included in your objectives:\n"
        "Student recruitment numbers\n"
        "Fundraising income targets\n"
        "League table position\n"
    )

    assert len(texts(request)) == 1


def test_bullets_after_a_request_for_the_following_information_are_its_items() -> None:
    request = (
        "I am writing to you under the Freedom of Information Act 2000 to request the following "
        "information:\n"
        "- Total allocation to the force;\n"
        "- Total costs associated with the Office of the PCC.\n"
    )

    assert texts(request) == [
        "Total allocation to the force;",
        "Total costs associated with the Office of the PCC.",
    ]


def test_lettered_parts_that_each_finish_the_number_asked_for() -> None:
    request = (
        "1) Please tell me, for the 2019/20 financial year, the number of\n"
        "a) Substance misuse tests undertaken at random;\n"
        "b) Substance misuse tests given on a pre-employment basis;\n"
        "2) Please break down the positive tests by\n"
        "a) The drug detected\n"
        "b) The disciplinary measures resulting\n"
    )

    questions = texts(request)

    assert questions[:2] == [
        "Substance misuse tests undertaken at random;",
        "Substance misuse tests given on a pre-employment basis;",
    ]
    assert len(questions) == 3
    assert "The drug detected" in questions[2]


def test_a_request_to_find_out_how_many_is_asked_by_the_requester() -> None:
    page = (
        "Thank you for your email including the following request: -\n"
        '1) "I would like to make a request to find out how many times the Office has disclosed '
        "evidence to former staff,\n"
        "2) how many requests have been made,\n"
        '3) and what rules are applied to authorising such disclosures."\n'
        "Following a search of our records, I have established that there is one such "
        "instance.\n"
    )

    section = request_section(page)

    assert section is not None
    assert section.count("\n") == 2
    assert section.endswith('such disclosures."')


def test_the_last_words_of_a_question_wrapped_onto_their_own_line() -> None:
    request = (
        "1. How many electric vehicle charging points did your council install?\n"
        "2. What was the total number of charging points under your council's control at the "
        "end of 31st\n"
        "May 2015?\n"
        "3. How many times have the charging points been used?\n"
    )

    assert len(texts(request)) == 3
    assert texts(request)[1].endswith("at the end of 31st May 2015?")


def test_short_bullets_under_a_bullet_ending_in_a_colon_are_what_it_asks_about() -> None:
    request = (
        "Please provide the following information for the 2023/24 financial year:\n"
        "- The total spend by the Trust on:\n"
        "- Locum staffing\n"
        "- Agency staffing\n"
        "- A breakdown of the above spend by clinical specialty.\n"
        "- The names of agencies the Trust used, with the total paid to each.\n"
    )

    questions = texts(request)

    assert len(questions) == 3
    assert "Agency staffing" in questions[0]


def test_lettered_questions_under_a_long_lead_in_are_each_a_question() -> None:
    request = (
        "- How many children did the hospital refer to the service each year?\n"
        "- Of these, in each year how many of those referred were:\n"
        "a. presenting with an eating disorder at the time of referral?\n"
        "b. diagnosed as autistic?\n"
        "c. diagnosed with ADHD?\n"
    )

    assert texts(request)[1:] == [
        "presenting with an eating disorder at the time of referral?",
        "diagnosed as autistic?",
        "diagnosed with ADHD?",
    ]


def test_a_breakdown_under_a_lead_in_stays_with_its_question() -> None:
    request = (
        "1. The number of arrests broken down by:\n"
        "a) How old the person arrested was\n"
        "b) Their gender\n"
        "2. The number of charges.\n"
    )

    assert len(texts(request)) == 2


@pytest.mark.parametrize(
    "heading", ["Trust response:", "Responded 24 November 2025:", "In question 1 you ask:"]
)
def test_the_authoritys_own_response_headings_end_the_request(heading: str) -> None:
    page = (
        "I am writing to request the following information. Please can you tell me:\n"
        "1. The number of patients referred to the service, by year.\n"
        "2. The average waiting time for a first appointment, by year.\n"
        f"{heading}\n"
        "1. Refer to attached document: referrals by year.\n"
    )

    section = request_section(page)

    assert section is not None
    assert section.endswith("for a first appointment, by year.")


def test_a_lead_in_and_the_first_question_in_one_paragraph_are_one_question() -> None:
    paragraph = (
        "I would like to request the following information regarding complaints about the "
        "show: How many complaints were made during the broadcast? How many complaints were "
        "made after the newspaper's story?"
    )

    assert separate_requests(paragraph) == [
        "I would like to request the following information regarding complaints about the "
        "show: How many complaints were made during the broadcast?",
        "How many complaints were made after the newspaper's story?",
    ]


def test_a_paragraph_between_numbered_items_that_asks_no_question_stays_with_its_item() -> None:
    request = (
        "1. How many people are wanted on outstanding arrest warrants?\n"
        "I would like the most recent figure for 2018. Please break it down by offence.\n"
        "2. What is the longest time a suspect has been wanted?\n"
    )

    questions = texts(request)

    assert len(questions) == 2
    assert questions[0].endswith("Please break it down by offence.")


def test_a_numbered_question_wrapped_before_a_capitalised_word() -> None:
    request = (
        "1. How many of the complaints received by the Professional Standards\n"
        "Department were referred to your office for review?\n"
        "2. How many of the reviewed cases were settled in favour of the complainant?\n"
        "\n"
        "May I respectfully suggest that as the above information is a part of the "
        "Commissioner's Key Performance Indicators,\n"
        "it should be easily accessible.\n"
    )

    assert texts(request)[:2] == [
        "How many of the complaints received by the Professional Standards Department were "
        "referred to your office for review?",
        "How many of the reviewed cases were settled in favour of the complainant?",
    ]


def test_a_lettered_part_that_follows_up_the_part_before_stays_with_it() -> None:
    request = (
        "Q8a. Does your organisation print Penalty Charge Notices in-house, or is this "
        "outsourced to a third party supplier?\n"
        "Q8b. If the answer to 8a is that your organisation outsources, was the supplier "
        "sourced via the Crown Commercial Service framework?\n"
    )

    assert len(texts(request)) == 1


def test_a_period_wanted_for_every_item_is_not_an_item_of_its_own() -> None:
    request = (
        "1) Number of warnings issued under section 59 of the Police Reform Act 2002.\n"
        "2) Number of vehicles seized under section 59 of the Police Reform Act 2002.\n"
        "I would like all of this data for 2018/19, 2019/20 and 2020/21 financial years please.\n"
    )

    split = propose_questions(request)

    assert len(split.questions) == 2
    assert "2018/19" in split.questions[1].context


def test_the_authoritys_restatement_of_a_second_request() -> None:
    request = (
        "You asked for the following information in relation to the roll out of the 20 mph "
        "speed restriction throughout all of Wales –\n"
        "The total expected budget costs to the Welsh Government of the implementation.\n"
        "You have also asked for the costs for the pilot schemes beforehand and any further "
        "costs expected.\n"
    )

    assert len(texts(request)) == 2


def test_a_follow_up_part_of_another_item_is_not_merged() -> None:
    request = (
        "1. a) How many officers were suspended?\n"
        "b) How many were dismissed?\n"
        "2. a) If any were dismissed, what were the offences?\n"
    )

    assert texts(request)[-1] == "If any were dismissed, what were the offences?"


def test_another_request_between_numbered_items_is_its_own_question() -> None:
    request = (
        "1. How many misconduct hearings were held?\n"
        "Please also provide the cost of the misconduct hearings.\n"
        "2. How many officers were dismissed?\n"
    )

    assert len(texts(request)) == 3


def test_a_short_question_under_an_unpunctuated_title_is_not_joined_to_it() -> None:
    request = (
        "Penalty charge notices issued and paid in the last financial year by the council\n"
        "How many PCNs were issued?\n"
    )

    assert texts(request)[-1] == "How many PCNs were issued?"


def test_a_first_bullet_run_into_its_lead_in_is_an_item_of_the_list() -> None:
    """ "... the following types of incidents:- Miscommunication ..." / "- Downgrading of
    calls": the glued bullet gets a line of its own, and the bullets are what is asked."""
    text = (
        "I am asking how certain incidents in rural areas are recorded by the Service.\n"
        "Specifically, we are seeking information on the following types of incidents:- "
        "Confusion about the location of an emergency\n"
        "- Downgrading of calls\n"
        "- Responses affected by pressures in other areas"
    )

    split = propose_questions(split_inline_items(text))

    assert [q.text for q in split.questions] == [
        "Confusion about the location of an emergency",
        "Downgrading of calls",
        "Responses affected by pressures in other areas",
    ]


def test_a_definition_after_the_following_stays_an_illustration() -> None:
    text = (
        "Please tell me how many imitation firearms were seized in 2023.\n"
        "Imitation firearms are as in the following definitions:\n"
        "- Imitation handgun\n"
        "- BB gun"
    )

    assert texts(text) == ["Please tell me how many imitation firearms were seized in 2023."]


@pytest.mark.parametrize(
    ("paragraph", "parts"),
    [
        (
            "Please provide a list of the firearms held for use by firearms officers, with make "
            "and model. Additionally, where possible, any proposed dates that a review is to be "
            "made of each weapon.",
            2,
        ),
        (
            "Please provide the number of arrests in 2023. Also, please break this down by "
            "the age of the person arrested.",
            1,
        ),
        (
            "Please provide the number of arrests in 2023. In addition, the same figures for "
            "each year since 2019.",
            1,
        ),
    ],
)
def test_a_request_added_with_additionally_is_a_question_of_its_own(paragraph, parts) -> None:
    assert len(separate_requests(paragraph)) == parts


def test_a_list_quoted_in_the_request_is_context_when_the_request_numbers_its_own() -> None:
    text = (
        "An email sent to all councils suggested the following steps:\n"
        "“(1) identify any buildings constructed using RAAC\n"
        "(2) monitor the impact of reduced maintenance.”\n"
        "1. Please disclose any action taken as a result of this email.\n"
        "2. Please disclose any reports on RAAC in your buildings since the email."
    )

    split = propose_questions(text)

    assert [q.text for q in split.questions] == [
        "Please disclose any action taken as a result of this email.",
        "Please disclose any reports on RAAC in your buildings since the email.",
    ]


def test_a_request_quoted_item_by_item_is_still_its_items() -> None:
    text = (
        "1) “How many custody suites have been closed since 2007?\n"
        "2) How many cells were lost as a consequence?”"
    )

    assert len(propose_questions(text).questions) == 2


def test_a_footnote_qualifies_the_item_that_points_to_it() -> None:
    text = (
        "Please send me details about:\n"
        "• The number of drones currently used by the Force.\n"
        "• The hours flown by each drone type in the last 12 months[1].\n"
        "[1] If the drone is not 12 months old please provide its total flying hours."
    )

    assert texts(text) == [
        "The number of drones currently used by the Force.",
        "The hours flown by each drone type in the last 12 months[1].",
    ]


def test_a_lists_first_entry_that_lost_its_bullet_is_an_entry() -> None:
    text = (
        "Please send me details about:\n"
        "The number of qualified drone operators working for the Force.\n"
        "• The number of drones currently used by the Force.\n"
        "• The number of drone crashes in the last 12 months."
    )

    assert texts(text) == [
        "The number of qualified drone operators working for the Force.",
        "The number of drones currently used by the Force.",
        "The number of drone crashes in the last 12 months.",
    ]


def test_an_inch_sign_or_a_quotation_never_closed_quotes_nothing() -> None:
    for aside in ('I mean knives with a 3" blade', "As the report said, “the figures"):
        text = (
            "1. How many knives were seized?\n"
            f"{aside}\n"
            "2. How many were returned?\n"
            "3. How many were destroyed?"
        )
        assert len(texts(text)) == 3


def test_an_added_sentence_that_asks_nothing_or_leans_back_is_not_a_request() -> None:
    asked = "Please provide the number of arrests in 2023 by the force. "

    assert (
        len(
            separate_requests(
                asked + "Furthermore, the annual report states that the "
                "figures are published each year."
            )
        )
        == 1
    )
    assert (
        len(separate_requests(asked + "Also, please provide the same figures for 2022 as well."))
        == 1
    )


def test_a_line_that_leads_in_to_the_bullets_is_not_their_lost_first_entry() -> None:
    text = (
        "Please send me:\n"
        "The number of officers, broken down by the following:\n"
        "• The number of officers in each rank\n"
        "• The number of officers at each station"
    )

    assert texts(text) == [
        "The number of officers in each rank",
        "The number of officers at each station",
    ]


def test_questions_written_without_their_question_marks_are_questions() -> None:
    request = (
        "Where can a fraud upon the court be reported to in Kent .\n"
        "How many council staff have been reported to Kent Police for fraud upon the court.\n"
        "Do you have a fraud hotline.\n"
        "On 20 June 2016, you specified a date period from 2008-2016."
    )
    assert texts(request) == [
        "Where can a fraud upon the court be reported to in Kent .",
        "How many council staff have been reported to Kent Police for fraud upon the court.",
        "Do you have a fraud hotline.",
    ]


def test_a_numbered_list_nested_in_an_item_is_that_items_parts() -> None:
    """A web page's nested list, copied: the inner numbering is indented and starts again."""
    request = (
        "  1. A list of all properties currently recorded as:\n"
        "    1. Long-term empty\n"
        "    2. Subject to an Empty Homes Premium\n"
        "  2. For each property, the date it was first recorded as empty\n"
        "  3. The number of Empty Dwelling Management Orders"
    )
    assert texts(request) == [
        "A list of all properties currently recorded as:\n• Long-term empty\n"
        "• Subject to an Empty Homes Premium",
        "For each property, the date it was first recorded as empty",
        "The number of Empty Dwelling Management Orders",
    ]
    # Items at one indent are the questions, even when the numbering restarts (a page whose
    # list items each printed "1.").
    assert len(texts("1. How many drones?\n1. How many pilots?\n1. Who flies them?")) == 3


def test_the_authority_announcing_its_answers_does_not_introduce_the_request() -> None:
    """A thread: the request letter, then the reply whose "my response to your two questions
    is as follows:-" leads in to the answers, not to the request."""
    page = (
        "Dear North Lanarkshire Council,\n"
        "I have two questions about the process:\n"
        "1. Could you please confirm the level of engagement in the consultation?\n"
        "2. Could you please confirm the costs incurred in carrying out the consultation.\n"
        "Yours faithfully,\nMark Harper\n"
        "Dear Mr Harper\n"
        "Having investigated, my response to your two questions is as follows:-\n"
        "(1) The information is already in the public domain (section 25).\n"
        "(2) The costs were £1,200.\n"
        "Yours sincerely"
    )
    section = request_section(page)
    assert section is not None and "Could you please confirm the level" in section
    assert "public domain" not in section

    # "our responses" inside an introduction of the request leaves it an introduction.
    quoted = (
        "You requested the following information (our responses are shown below each "
        "question):\n1. How many drones does the force have?\n2. How many pilots?\n"
        "Response\nThe force has 4 drones and 6 pilots."
    )
    assert request_section(quoted) == "1. How many drones does the force have?\n2. How many pilots?"


def test_the_decimal_parts_of_an_item_that_only_introduces_them_are_questions() -> None:
    request = (
        "1. Whether you record data on exclusions of pupils awaiting assessment?\n"
        "2. If so, for the 2024/25 academic year, please provide:\n"
        "2.1 The number of pupils who were excluded while awaiting an assessment.\n"
        "2.2 A breakdown of the number of such exclusions by type of exclusion.\n"
        "3. The number of appeals against those exclusions.\n"
    )
    split = propose_questions(request)
    assert [q.text for q in split.questions] == [
        "Whether you record data on exclusions of pupils awaiting assessment?",
        "The number of pupils who were excluded while awaiting an assessment.",
        "A breakdown of the number of such exclusions by type of exclusion.",
        "The number of appeals against those exclusions.",
    ]
    assert split.questions[1].context == "If so, for the 2024/25 academic year, please provide:"


@pytest.mark.parametrize("part", ["3.1", "13.2"])
def test_decimal_parts_of_another_item_are_not_split_out(part: str) -> None:
    # "3.1" or "13.2" under item 1 is not a part of item 1 (the labels are compared whole, so
    # that "13.2" is not read as a part of "1").
    request = (
        f"1. Details of:\n{part} The policy on exclusions.\n2. How many pupils were excluded?\n"
    )
    assert texts(request) == [
        f"Details of:\n{part} The policy on exclusions.",
        "How many pupils were excluded?",
    ]


def test_a_question_asked_of_each_listed_item_introduces_the_items() -> None:
    request = (
        "For each of the listed items was the absence of fingerprints communicated to the "
        "Inquiry, and on what date?\n"
        "1. The knife found at the scene\n"
        "2. The water bottle found at the scene\n"
        "3. The watch found at the scene\n"
    )
    split = propose_questions(request)
    assert [q.text for q in split.questions] == [
        "The knife found at the scene",
        "The water bottle found at the scene",
        "The watch found at the scene",
    ]
    assert "For each of the listed items" in split.preamble


def test_a_request_to_use_the_requesters_table_is_not_a_question() -> None:
    request = (
        "I would like to request the outcomes of governing board hearings on exclusions, "
        "broken down by type of school.\n\n"
        "I attach a table which sets out the information requested. If possible, please could "
        "you provide the information in the form of the attached table.\n"
    )
    split = propose_questions(request)
    assert len(split) == 1
    assert split.signoff.startswith("I attach a table")


def test_how_many_and_how_many_in_one_sentence_are_two_questions() -> None:
    request = (
        "How many burglaries have resulted in a prosecution over the last year? How many "
        "burglaries have been reported and how many people have been charged and dealt with "
        "through the courts?"
    )
    assert texts(request) == [
        "How many burglaries have resulted in a prosecution over the last year?",
        "How many burglaries have been reported?",
        "How many people have been charged and dealt with through the courts?",
    ]
    # A count and what was done with it, in one sentence, stay one question.
    assert (
        len(texts("The annual amount spent on forensics, and how many units were analysed.")) == 1
    )


def test_capital_letters_alone_on_their_lines_head_lettered_questions() -> None:
    request = (
        "A\n\nHow many complaints have there been against the police in the past three years?\n\n"
        "Please include complaints later withdrawn.\n\n"
        "B\n\nWhat was the nature of the complaints?\n\nC\n\nWhat action was taken?"
    )
    split = propose_questions(request)
    assert [q.text for q in split.questions] == [
        "How many complaints have there been against the police in the past three years?",
        "What was the nature of the complaints?",
        "What action was taken?",
    ]
    assert split.questions[0].context == "Please include complaints later withdrawn."


def test_a_stray_capital_letter_on_its_own_line_is_not_a_marker() -> None:
    # "B" alone, with no "A" before it: a grade, not a question's letter.
    request = "Please provide the number of schools rated\nB\nin each year since 2020."
    split = propose_questions(request)
    assert len(split) == 1
    assert "B" in split.questions[0].text.split()


def test_lettered_parts_that_only_name_a_period_stay_with_their_question() -> None:
    request = (
        "1. How many people used each trip\n1a. In 2019\n1b. In 2020\n"
        "2. The cost of running each route\n2a. for 2019\n2b. for 2020\n"
    )
    assert texts(request) == [
        "How many people used each trip\n1a. In 2019\n1b. In 2020",
        "The cost of running each route\n2a. for 2019\n2b. for 2020",
    ]


@pytest.mark.parametrize("marker", ["Q{n} / ", "{n}/"])
def test_items_numbered_with_a_slash_and_no_space_or_after_q(marker: str) -> None:
    request = "\n".join(
        marker.format(n=n) + text
        for n, text in enumerate(
            ["Please supply a copy of the strategy", "Please supply the operating plan"], start=1
        )
    )
    assert texts(request) == [
        "Please supply a copy of the strategy",
        "Please supply the operating plan",
    ]


def test_regression_guards_for_markers_and_remarks() -> None:
    # "Q1/Q2 figures ..." is not item Q1: a slash marks an item only with a space after it.
    assert (
        len(texts("Please provide the burglaries in each quarter.\nQ1/Q2 figures are online.")) == 1
    )
    # "in the form of" inside a question does not make it a handling remark.
    request = (
        "How many claims were made in 2023?\n\nPlease also provide any guidance given to "
        "officers in the form of training notes or circulars.\n\nYours faithfully,\nJane"
    )
    assert len(texts(request)) == 2
    # Grades listed one under another are not lettered questions.
    grades = (
        "How many pupils achieved each of the grades below in 2023?\nA\nB\nC\n"
        "Please also give the total number entered."
    )
    assert texts(grades)[0].startswith("How many pupils achieved each of the grades")


def test_a_question_after_an_opening_phrase_with_commas_of_its_own_is_a_question() -> None:
    request = (
        "I am writing to request the following information under the freedom of information act.\n"
        "In the months of October, November and December 2021, how many hours were ambulances "
        "unavailable as a direct result of a breakdown on shift."
    )
    split = propose_questions(request)
    assert [q.text for q in split.questions] == [
        "In the months of October, November and December 2021, how many hours were ambulances "
        "unavailable as a direct result of a breakdown on shift."
    ]


def test_items_numbered_inside_a_quotation_on_one_line() -> None:
    request = (
        "We are treating your email as a request for information in accordance with the Act. In "
        "your email of the 16 April 2017 you requested the following information: \u201c1) How "
        "many vehicles are owned in total by the force? Please break down by vehicle type. 2) "
        "How many police vehicles have been reported stolen since 2013? 3) How many police "
        "vehicles have been written off since 2013?\u201d"
    )
    assert texts(request) == [
        "How many vehicles are owned in total by the force? Please break down by vehicle type.",
        "How many police vehicles have been reported stolen since 2013?",
        "How many police vehicles have been written off since 2013?",
    ]


def test_a_clarification_exchange_under_an_item_is_its_context() -> None:
    split = propose_questions(
        "Request 1\n"
        "1. The number of officers suspended in 2024\n"
        "Clarification requested:\n"
        "1. Should this include officers on restricted duties?\n"
        "2. Do you mean suspended at any point in the year?\n"
        "Clarification received:\n"
        "1. No, suspended only.\n"
        "2. Yes, at any point.\n"
        "Request 2\n"
        "The number of those officers later dismissed.\n"
    )

    assert [q.text for q in split.questions] == [
        "The number of officers suspended in 2024",
        "The number of those officers later dismissed.",
    ]
    assert "restricted duties" in split.questions[0].context
    # With no heading of the request's own after it, where the exchange ends is not known, and
    # the lines stay as they are.
    assert (
        len(
            texts(
                "1. The number of officers suspended\nClarification requested:\n"
                "1. Should this include restricted duties?\n"
            )
        )
        == 2
    )


@pytest.mark.parametrize(
    "announcement",
    [
        "I would like to ask some questions regarding the allowances paid to chief officers. "
        "The allowances I refer to are the four listed in the review's report.",
        "I have a few questions about the allowances paid to chief officers.",
    ],
)
def test_a_sentence_announcing_the_questions_asks_none(announcement: str) -> None:
    split = propose_questions(
        f"{announcement}\n"
        "Who proposed the chief officers' car allowance?\n"
        "Who proposed the chief officers' medical allowance?\n"
    )

    assert [q.text for q in split.questions] == [
        "Who proposed the chief officers' car allowance?",
        "Who proposed the chief officers' medical allowance?",
    ]


def test_a_request_naming_what_is_wanted_ends_where_the_authority_speaks() -> None:
    """After "You asked for:", the first paragraph is what was asked, though it only names what
    is wanted; the request ends at the authority's first words."""
    page = (
        "16 August 2018\n"
        "Thank you for your request which I received on 1 August 2018. You asked for:\n"
        "The findings of the report on the pollution of the river in December 2016, and the "
        "plan for its recovery.\n"
        "I am writing to inform you that the information you have requested is not held by "
        "the department. The river authority holds it.\n"
        "Or I can transfer your request to them. Please inform me in writing if you would "
        "like me to transfer your request.\n"
    )
    assert request_section(page) == (
        "The findings of the report on the pollution of the river in December 2016, and the "
        "plan for its recovery."
    )


def test_a_question_over_a_list_of_options_is_one_question() -> None:
    split = propose_questions(
        "Please can you confirm if any of the following are included in your chief "
        "executive's personal objectives:\n"
        "Student recruitment numbers\n"
        "Fundraising income targets\n"
        "Number of formal complaints\n"
        "League table position\n"
        "I would also be grateful if you could direct me to where I might find the "
        "objectives on your website.\n"
    )

    assert len(split.questions) == 2
    assert split.questions[0].text.startswith("Please can you confirm if any of the following")
    assert "Number of formal complaints" in split.questions[0].text


@pytest.mark.parametrize(
    "period",
    [
        "Please provide this information for the last five years.",
        "Please provide the data from 1st January 2017 - 31st December 2017.",
    ],
)
def test_a_paragraph_giving_the_period_of_the_request_above_is_not_a_question(period: str) -> None:
    split = propose_questions(
        f"Could you please provide the number of drones the force owns.\n{period}\n"
    )

    assert [q.text for q in split.questions] == [
        "Could you please provide the number of drones the force owns."
    ]
    assert split.questions[0].context == period
    # One that asks for more is a question of its own.
    assert (
        len(
            texts(
                "Could you please provide the number of drones the force owns.\n"
                "Please also provide this information for the helicopters.\n"
            )
        )
        == 2
    )


def test_a_second_request_opening_could_i_is_a_question_of_its_own() -> None:
    assert separate_requests(
        "Could you let me know the total amount councillors have claimed in expenses in each "
        "of the last 7 years. Could I also know the smallest item claimed for and the most "
        "expensive."
    ) == [
        "Could you let me know the total amount councillors have claimed in expenses in each "
        "of the last 7 years.",
        "Could I also know the smallest item claimed for and the most expensive.",
    ]
    # One that leans on the request before it stays with it.
    assert (
        len(
            separate_requests(
                "Could you tell me how many drones the force owns. Could I have this broken "
                "down by year."
            )
        )
        == 1
    )


def test_a_list_under_i_request_is_a_question_for_each_line() -> None:
    assert texts(
        "Under the terms of the Act I am making a formal request for details of board meetings.\n"
        "I request:\n"
        "Dates of all board meetings since July 2022\n"
        "Attendee names for each board meeting since July 2022\n"
        "Items discussed at each board meeting since July 2022\n"
    ) == [
        "Dates of all board meetings since July 2022",
        "Attendee names for each board meeting since July 2022",
        "Items discussed at each board meeting since July 2022",
    ]


def test_lettered_items_run_into_one_line_are_split() -> None:
    assert texts(
        "a) the number of trees felled for onshore wind farms in Scotland to date. b) the area "
        "of felled trees, in hectares, for onshore wind farms in Scotland to date."
    ) == [
        "the number of trees felled for onshore wind farms in Scotland to date.",
        "the area of felled trees, in hectares, for onshore wind farms in Scotland to date.",
    ]
    # A single lettered aside is not a list.
    assert len(texts("Please provide the number of trees felled (a) in 2019.")) == 1


def test_a_request_run_into_its_introduction_is_found() -> None:
    page = (
        "Our ref: FoI/19/02646\n"
        "Your request\n"
        "You asked for: a) the number of trees felled for onshore wind farms to date. b) the "
        "area of felled trees, in hectares, for onshore wind farms to date.\n"
        "I enclose some of the information you requested.\n"
    )
    section = request_section(set_out_page(page))
    assert section is not None
    assert [q.text for q in propose_questions(section).questions] == [
        "the number of trees felled for onshore wind farms to date.",
        "the area of felled trees, in hectares, for onshore wind farms to date.",
    ]


def test_a_request_quoted_from_its_lead_in_loses_the_closing_mark() -> None:
    assert texts(
        "“Please can I ask the following:\n1. How many drones does the force own?\n"
        "2. How many pilots are trained?”"
    ) == ["How many drones does the force own?", "How many pilots are trained?"]


def test_items_numbered_in_square_brackets() -> None:
    assert texts(
        "Please can I ask the following:\n[1] Terms of reference for the oversight group\n"
        "[2] A list of the group's members\n"
    ) == ["Terms of reference for the oversight group", "A list of the group's members"]


@pytest.mark.parametrize(
    ("request_text", "count"),
    [
        # A definition of the requester's word asks nothing.
        (
            "The number of cannabis factories found in your area in each year since 2020.\n"
            "I would like to define a cannabis factory as: any property used to grow cannabis "
            "plants, whether there is 1 plant or 1,000.\n"
            "I would like to know the largest number of plants found in a single property.\n",
            2,
        ),
        # Nor does an argument for disclosure.
        (
            "How many special constables were on duty in each month of 2009?\n"
            "I understand that you may not wish to publish precise figures, but I would ask "
            "that you consider that specials are a small part of the force.\n",
            1,
        ),
        # What to give if an exact figure is not held is part of the question.
        (
            "I would like to request the total number of objects in your permanent "
            "collections.\n"
            "If an exact figure is not available, please provide instead your estimated "
            "total, with an explanation of how it was calculated.\n",
            1,
        ),
        # How the figures asked for are to be set out is part of the question.
        (
            "- The number of cases in which officers were defended since 2012. Please provide "
            "separate figures for misconduct and gross misconduct cases, broken down by "
            "calendar year.\n"
            "- The number of representatives in each year since 2012.\n",
            2,
        ),
    ],
)
def test_what_only_explains_or_qualifies_a_question_is_no_question(
    request_text: str, count: int
) -> None:
    assert len(texts(request_text)) == count


def test_a_thing_and_how_many_times_are_two_questions() -> None:
    assert texts(
        "The location (road name, town) of each speed camera in your area and how many times "
        "each has caught someone speeding since 1 January 2019."
    ) == [
        "The location (road name, town) of each speed camera in your area",
        "How many times each has caught someone speeding since 1 January 2019.",
    ]
    # A count too short to be a question of its own stays with the first part.
    assert len(texts("The number of speed cameras and how many are broken.")) == 1
    # A noun-phrase request and whether something is so are two questions as well.
    assert texts(
        "The number of speed cameras in the county and whether each camera is working."
    ) == ["The number of speed cameras in the county", "Whether each camera is working."]


def test_a_question_of_its_own_before_the_lead_in_to_items() -> None:
    assert texts(
        "Which departments in your service use body worn cameras. Please include:\n"
        "1. Is this a pilot or has it been adopted permanently?\n"
        "2. How many cameras has the service bought in the last 3 years?\n"
    ) == [
        "Which departments in your service use body worn cameras.",
        "Is this a pilot or has it been adopted permanently?",
        "How many cameras has the service bought in the last 3 years?",
    ]


def test_a_lettered_if_yes_stays_with_its_question() -> None:
    assert texts(
        "1. Has your trust paid any ransom demands in the last five years?\n"
        "a.If yes, how much did you pay in total?\n"
        "2. How many employees work in your trust?\n"
    ) == [
        "Has your trust paid any ransom demands in the last five years?\n"
        "If yes, how much did you pay in total?",
        "How many employees work in your trust?",
    ]


def test_writing_to_request_something_asks_for_it() -> None:
    assert texts(
        "I’m writing to request a breakdown of the number of plagiarism cases at your "
        "university in each of the last three years.\n"
        "I would also like a breakdown of the students affected by these cases.\n"
    ) == [
        "I’m writing to request a breakdown of the number of plagiarism cases at your "
        "university in each of the last three years.",
        "I would also like a breakdown of the students affected by these cases.",
    ]
    # Writing to request "information under the Act" only introduces the request.
    assert texts(
        "I am writing to request information under the Freedom of Information Act 2000.\n"
        "How many bicycles were stolen from stations in 2011?\n"
    ) == ["How many bicycles were stolen from stations in 2011?"]


def test_please_could_you_also_opens_a_second_request() -> None:
    assert separate_requests(
        "I would like to know the stations where inspectors checked tickets in 2016. Please "
        "could you also supply me with a list of the stations where checks are planned for the "
        "rest of the year."
    ) == [
        "I would like to know the stations where inspectors checked tickets in 2016.",
        "Please could you also supply me with a list of the stations where checks are planned "
        "for the rest of the year.",
    ]


@pytest.mark.parametrize("heading", ["Request / Response", "Request Response"])
def test_a_letters_two_columns_under_one_heading_quote_no_request(heading: str) -> None:
    """A letter set out in two columns, request beside response, reads line by line as the two
    interleaved once copied: the request cannot be read back from it."""
    page = (
        "Dear Ms Andrews,\n"
        f"{heading}\n"
        "Dear Thames Valley Police, This request is being refused under Section 12(1) of the "
        "FOIA. I am writing to obtain documents and emails about the network. Section 12 of the "
        "FOIA allows that public authorities do not have to comply with\n"
    )
    assert request_section(page) is None


@pytest.mark.parametrize(
    "introduction",
    [
        "Your request for information about staffing and overtime was as follows:",
        "Your request, which we received on 3 May and have logged as FOI 123, was as follows:",
    ],
)
def test_as_follows_after_the_request_named_introduces_it(introduction: str) -> None:
    assert introduces_request(introduction)
    # (What the request is about may be "available" without the answer being so.)
    assert introduces_request(
        "Your request for the documents which are available to councillors on the planning "
        "portal was as follows:"
    )
    assert not introduces_request(
        "The information you have requested is published on the Office's website as follows:"
    )
    assert not introduces_request(
        "Your request for information has been considered and our response is as follows:"
    )


@pytest.mark.parametrize(
    "request_text",
    [
        "For the purposes of this request, please provide the number of police officers "
        "employed on 1 April 2024.\nPlease also tell me how many of them were special "
        "constables.",
        "How many burglaries were reported in Leeds in 2023?\nPlease provide figures for knife "
        "crime offences in Bradford in 2023, broken down by ward.",
        "How many speeding tickets were issued in 2023?\nPlease provide the data from 2019 to "
        "2023 on the number of drivers caught using a mobile phone.",
    ],
)
def test_a_second_request_is_not_taken_for_the_firsts_period_or_breakdown(
    request_text: str,
) -> None:
    assert len(texts(request_text)) == 2


def test_a_clarification_exchange_ends_where_the_requests_numbering_carries_on() -> None:
    assert texts(
        "Request 1\n"
        "1. The total number of officers accused of misconduct\n"
        "Clarification requested:\n"
        "1. Should this include police staff?\n"
        "Clarification received:\n"
        "1. Yes, include staff.\n"
        "2. How many of those officers were dismissed?\n"
        "Request 2\n"
        "The number of officers suspended.\n"
    ) == [
        "The total number of officers accused of misconduct",
        "How many of those officers were dismissed?",
        "The number of officers suspended.",
    ]


def test_the_form_wanted_for_a_list_of_requests_is_not_a_question() -> None:
    assert texts(
        "I would like to request the following data for 2024/25:\n"
        "The total number of Category 1 calls attended within the allocated time.\n"
        "The total number of Category 2 calls attended within the allocated time.\n"
        "Please provide this information in a clear, accessible format, ideally broken down by "
        "category. If possible, could this be provided for the year 2024/2025?\n"
    ) == [
        "The total number of Category 1 calls attended within the allocated time.",
        "The total number of Category 2 calls attended within the allocated time.",
    ]


def test_a_question_of_its_own_after_another_in_one_paragraph() -> None:
    """A full question with its own question mark is a question, though it leans on the one
    before ("these", "them")."""
    assert separate_requests(
        "Could you confirm the amount of money you received to show the adverts for the "
        "charity? And why did you choose to show them above any other charity?"
    ) == [
        "Could you confirm the amount of money you received to show the adverts for the charity?",
        "And why did you choose to show them above any other charity?",
    ]
    # A request for a breakdown of the one before still stays with it.
    assert (
        len(
            separate_requests(
                "Could you tell me how many drones the force owns. Could I have this broken "
                "down by year."
            )
        )
        == 1
    )


def test_a_lone_and_between_two_requests_joins_nothing() -> None:
    assert texts(
        "I would therefore like to request data on the number of assaults reported by bus "
        "drivers from 2014 to 2024.\n"
        "And\n"
        "How many of these incidents involved racist abuse?\n"
    ) == [
        "I would therefore like to request data on the number of assaults reported by bus "
        "drivers from 2014 to 2024.",
        "How many of these incidents involved racist abuse?",
    ]


def test_the_columns_of_one_table_are_one_question() -> None:
    assert texts(
        "I would like to be provided with the following information:\n"
        "A table of the misconduct hearings held by the force. The table should contain the "
        "following columns:\n"
        "1. Date of hearing\n"
        "2. Rank of officer\n"
        "3. Outcome, e.g. written warning\n"
    ) == [
        "A table of the misconduct hearings held by the force. The table should contain the "
        "following columns:\nDate of hearing\nRank of officer\nOutcome, e.g. written warning"
    ]


@pytest.mark.parametrize(
    ("request_text", "count"),
    [
        # A question after the form wanted is a question of its own.
        (
            "Please tell me how many ambulances the trust owns.\n"
            "Please provide this information in CSV format. What is the average age of the "
            "fleet?\n",
            3,
        ),
        # Numbered questions under "a table showing the following:" are questions.
        (
            "Please could you provide me with a table showing the following:\n"
            "1. How many officers were dismissed in 2023?\n"
            "2. How many officers resigned in 2023?\n",
            2,
        ),
        # "Or" between two requests offers an alternative: one question.
        (
            "I would like to request the number of officers disciplined in 2023.\nOr\n"
            "How many officers were disciplined between 2020 and 2023?\n",
            1,
        ),
    ],
)
def test_guards_on_the_form_table_and_conjunction_rules(request_text: str, count: int) -> None:
    assert len(texts(request_text)) == count


@pytest.mark.parametrize(
    "second",
    [
        "Can you please break this down by month?",
        "Will you also provide the same figures for 2022?",
    ],
)
def test_a_question_asking_to_break_down_the_one_before_stays_with_it(second: str) -> None:
    assert (
        len(
            separate_requests(
                f"Please provide the number of knife crimes recorded in Bradford in 2023. {second}"
            )
        )
        == 1
    )


def test_lettered_periods_above_the_questions_are_context() -> None:
    split = propose_questions(
        "Please provide the following about bicycle thefts, for each of these periods:\n"
        "(a) 1 April 2021 to 31 March 2022\n"
        "(b) April 1st 2022-March 31st 2023\n"
        "(c) 2023/24\n"
        "Q1 How many bicycle thefts were recorded?\n"
        "Q2 How many of those thefts led to a charge?\n"
    )

    assert [q.text for q in split.questions] == [
        "How many bicycle thefts were recorded?",
        "How many of those thefts led to a charge?",
    ]
    assert "(c) 2023/24" in split.preamble


def test_lettered_periods_under_a_question_are_its_periods() -> None:
    split = propose_questions(
        "Could you tell me how many bicycles were reported stolen in each of these years?\n"
        "a. between 1 April 2021 and 31 March 2022;\n"
        "b. between 1 April 2022 and 31 March 2023;\n"
        "c. between 1 April 2023 and 31 March 2024.\n"
        "Could you also tell me how many of those bicycles were recovered?\n"
    )

    assert len(split.questions) == 2
    assert split.questions[0].text.startswith("Could you tell me how many bicycles")
    assert "31 March 2024" in split.questions[0].text


def test_a_bullet_saying_what_the_item_above_should_hold_stays_with_it() -> None:
    assert texts(
        "I am writing to request the following information about stop and search:\n"
        "- A copy of the search records made in March 2024.\n"
        "- This should include the grounds for each search and its outcome.\n"
        "- How many searches in March 2024 led to an arrest?\n"
    ) == [
        "A copy of the search records made in March 2024.\n"
        "This should include the grounds for each search and its outcome.",
        "How many searches in March 2024 led to an arrest?",
    ]


def test_a_long_list_of_years_in_a_lettered_item_is_read_at_once() -> None:
    """A list of ten years once sent the period pattern backtracking for minutes; the period
    test now reads word by word."""
    years = ", ".join(str(y) for y in range(2014, 2023)) + " and 2023"
    assert texts(
        f"a) In {years}, how many officers were assaulted on duty?\n"
        "b) In the same years, how many of those assaults led to a charge?\n"
    ) == [
        f"In {years}, how many officers were assaulted on duty?",
        "In the same years, how many of those assaults led to a charge?",
    ]


def test_a_bullet_saying_what_every_item_above_should_cover_is_context() -> None:
    """Review: "- These should cover ..." is about every item, not a question, nor a part of
    the last item's own words."""
    split = propose_questions(
        "I would like to request the following information:\n"
        "- The number of police officers dismissed for gross misconduct\n"
        "- The number of police officers suspended on full pay\n"
        "- These should cover each of the years 2021, 2022 and 2023.\n"
    )

    assert [q.text for q in split.questions] == [
        "The number of police officers dismissed for gross misconduct",
        "The number of police officers suspended on full pay",
    ]


def test_a_request_that_asks_only_once_sentences_are_joined_still_starts_no_other() -> None:
    """Whether the request so far asks is kept up as sentences join it: a sentence that asks
    nothing, then one that completes the request, then a request of its own."""
    assert separate_requests(
        "Our campaign has followed the closures for years. I would like to request the "
        "number of stations closed since 2015. I would also like to know how many front "
        "counters were opened again in that time."
    ) == [
        "Our campaign has followed the closures for years. I would like to request the number "
        "of stations closed since 2015.",
        "I would also like to know how many front counters were opened again in that time.",
    ]
    # Nothing asked before: the second sentence is not "another" request.
    assert len(separate_requests("The closures were announced in 2015. The counters too.")) == 1


def test_a_question_above_the_lead_in_to_a_list_is_kept() -> None:
    # The first paragraph asks in its own right; the next leads in to the list.
    split = propose_questions(
        "Please tell me how many firearms licences were revoked in each year from 2019 to 2023.\n"
        "For each licence revoked, please provide the following details:\n"
        "- Date of revocation\n"
        "- Type of certificate\n"
        "- Reason given\n"
    )
    assert [q.text.split("\n")[0] for q in split.questions] == [
        "Please tell me how many firearms licences were revoked in each year from 2019 to 2023.",
        "For each licence revoked, please provide the following details:",
    ]
    # The bulleted fields are what to give of each licence: one question.
    assert split.questions[1].text.split("\n")[1:] == [
        "Date of revocation",
        "Type of certificate",
        "Reason given",
    ]


def test_counts_listed_under_the_following_information_stay_questions() -> None:
    split = propose_questions(
        "Please provide the following information:\n"
        "- The number of licences revoked in 2023\n"
        "- The number of appeals against revocation\n"
        "- How many appeals succeeded\n"
    )
    assert len(split.questions) == 3


def test_a_count_for_each_of_the_years_listed_below_it_is_a_question() -> None:
    # The years are the periods of the question above them, not items of a list to come.
    split = propose_questions(
        "The number of vehicles seized under section 165 for each of the following years:\n"
        "2021\n"
        "2022\n"
        "Please provide a breakdown for each year including:\n"
        "i) the make of the vehicle\n"
        "ii) whether it was crushed\n"
    )
    first = split.questions[0]
    assert first.text.startswith("The number of vehicles seized")
    assert "2021" in first.text + first.context and "2022" in first.text + first.context
    assert [q.text for q in split.questions[1:]] == [
        "the make of the vehicle",
        "whether it was crushed",
    ]


def test_lettered_groups_above_numbered_questions_are_not_the_questions() -> None:
    # The letters name the groups; the numbered items under them are what is asked.
    split = propose_questions(
        "We would like the figures for 2022/23 and 2023/24 for each of the following:\n"
        "a) Dwelling fires\n"
        "b) Vehicle fires\n"
        "a)\n"
        "1. How many dwelling fires were started deliberately?\n"
        "2. How many dwelling fires caused a death?\n"
        "b)\n"
        "3. How many vehicle fires were started deliberately?\n"
    )
    assert [q.text.split("\n")[0] for q in split.questions] == [
        "How many dwelling fires were started deliberately?",
        "How many dwelling fires caused a death?",
        "How many vehicle fires were started deliberately?",
    ]


def test_lettered_items_that_ask_stay_the_questions() -> None:
    split = propose_questions(
        "a) How many drones does the force own?\n"
        "b) What did they cost?\n"
        "1. How many flights were made in 2023?\n"
        "2. How many pilots are trained?\n"
    )
    assert split.questions[0].text.startswith("How many drones")


def test_a_request_quoted_whole_still_asks_its_second_question() -> None:
    split = propose_questions(
        "“How many bicycles were reported stolen in 2023? How many of them were recovered?”"
    )
    assert [q.text for q in split.questions] == [
        "“How many bicycles were reported stolen in 2023?",
        "How many of them were recovered?",
    ]


def test_a_lowercase_o_opening_a_line_is_a_hollow_bullet() -> None:
    split = propose_questions("I would like to request:\no Figures for 2019\no Figures for 2020\n")
    assert [q.text for q in split.questions] == ["Figures for 2019", "Figures for 2020"]


def test_a_request_over_the_years_listed_beneath_it_among_unnumbered_requests() -> None:
    split = propose_questions(
        "Please disclose how many speed cameras the council operates.\n"
        "Additionally, please disclose the total fines collected for the following calendar "
        "years (Jan 1 to Dec 31)\n"
        "2022\n"
        "2023\n"
    )
    assert [q.text.split("\n")[0][:40] for q in split.questions] == [
        "Please disclose how many speed cameras t",
        "Additionally, please disclose the total ",
    ]
    assert split.questions[1].text.split("\n")[1:] == ["2022", "2023"]


def test_a_topic_above_a_lead_in_to_listed_questions_is_not_a_question() -> None:
    # The list asks; the paragraph above only says what it is about.
    split = propose_questions(
        "I would like to know about your use of agency staff.\n"
        "For each of the last three years, please provide:\n"
        "1. The number of agency staff engaged\n"
        "2. The total cost of agency staff\n"
    )
    assert [q.text for q in split.questions] == [
        "The number of agency staff engaged",
        "The total cost of agency staff",
    ]


def test_a_lead_in_for_the_years_listed_below_it_is_not_a_question() -> None:
    # The lead-in asks for "the following information" for the years: the numbered questions
    # under the years are what it asks.
    split = propose_questions(
        "Please provide the following information for each of the following years:\n"
        "2019\n"
        "2020\n"
        "1. How many officers were dismissed?\n"
        "2. How many officers resigned while under investigation?\n"
    )
    assert [q.text for q in split.questions] == [
        "How many officers were dismissed?",
        "How many officers resigned while under investigation?",
    ]


def test_roman_parts_run_into_one_line_are_the_items_parts() -> None:
    split = propose_questions(
        "1) How many burglaries were reported in each of the last three years?\n"
        "2) Out of those: i. How many have been solved? Please break this down by year. "
        "ii. How many remain open? Please give the month each was reported.\n"
        "3) Which ward had the most burglaries?\n"
    )
    assert [q.text.split("\n")[0][:30] for q in split.questions] == [
        "How many burglaries were repor",
        "How many have been solved? Ple",
        "How many remain open? Please g",
        "Which ward had the most burgla",
    ]


def test_i_e_is_not_a_roman_part() -> None:
    split = propose_questions(
        "Please state how many officers, i.e. constables and sergeants, were assaulted. "
        "ii. This is not a list.\n"
    )
    assert len(split.questions) == 1


def test_a_noun_phrase_saying_what_became_of_it_is_background() -> None:
    """ "The cost of ... has risen" tells; "The number of officers who have increased their
    hours" still asks, its verb in a relative clause."""
    split = propose_questions(
        "The cost of policing home matches has risen by a third since 2019.\n\n"
        "Please tell me how much the force spent on policing home matches in 2023.\n\n"
        "The number of officers who have increased their hours for match days."
    )

    assert [q.text for q in split.questions] == [
        "Please tell me how much the force spent on policing home matches in 2023.",
        "The number of officers who have increased their hours for match days.",
    ]
    assert split.preamble == "The cost of policing home matches has risen by a third since 2019."


def test_a_comparison_asked_for_in_an_unnumbered_list_is_an_item() -> None:
    split = propose_questions(
        "Please could you provide the following information.\n"
        "Total number of police officers\n"
        "Total number of support staff\n"
        "How these numbers differ from 1 year ago.\n"
        "Number of officers on long-term sick leave."
    )

    assert [q.text for q in split.questions][2] == "How these numbers differ from 1 year ago."
    assert len(split.questions) == 4


@pytest.mark.parametrize(
    "asked",
    [
        "The amount by which the highways budget has fallen since 2019.",
        "The amount spent on agency staff in 2023.",
    ],
)
def test_the_amount_of_something_in_an_unnumbered_list_is_asked(asked) -> None:
    split = propose_questions(
        f"Please tell me:\nThe total highways budget for each year since 2019.\n{asked}"
    )

    assert [q.text for q in split.questions] == [
        "The total highways budget for each year since 2019.",
        asked,
    ]


def test_a_comparison_or_an_amount_said_of_is_no_item() -> None:
    split = propose_questions(
        "How the force compares with its neighbours has been widely reported.\n"
        "Please tell me:\n"
        "The number of claims received in 2023.\n"
        "The amount paid was reported in the Echo as £2m.\n"
        "The number of claims rejected in 2023.\n"
        "How these numbers have changed since 2019 is of particular interest to residents."
    )

    assert [q.text for q in split.questions] == [
        "The number of claims received in 2023.",
        "The number of claims rejected in 2023.",
    ]


def test_a_clarification_under_its_own_heading_stays_with_the_question_above() -> None:
    split = propose_questions(
        "1. How many officers were dismissed in 2023?\n"
        "2. Please provide copies of the latest strategic threat assessment.\n\n"
        "Clarification\n\n"
        "It is the assessment on professional standards I am after - if you have a wider one "
        "then it would be that document please?"
    )

    assert len(split.questions) == 2
    assert split.questions[1].text.startswith("Please provide copies")
    assert "Clarification: It is the assessment on professional standards" in (
        split.questions[1].text
    )


def test_a_requests_opening_words_alone_on_a_line_lead_in_to_the_questions() -> None:
    split = propose_questions(
        "Please could you let me know\n"
        "What time was the ambulance service alerted?\n"
        "When did the ambulances arrive on the scene?"
    )

    assert [q.text for q in split.questions] == [
        "What time was the ambulance service alerted?",
        "When did the ambulances arrive on the scene?",
    ]


@pytest.mark.parametrize(
    "added",
    [
        "3. How many of those deployments were outside the force area?",
        "In addition, how many of those deployments were outside the force area?",
        "Please could you also tell me how many of those deployments were outside the force area?",
    ],
)
def test_a_question_added_under_a_clarification_heading_is_a_question_of_its_own(added):
    split = propose_questions(
        "1. How many officers are trained in public order?\n"
        "2. How many public order deployments were made in 2023?\n"
        f"Clarification\n{added}"
    )

    assert [q.text for q in split.questions] == [
        "How many officers are trained in public order?",
        "How many public order deployments were made in 2023?",
        "How many of those deployments were outside the force area?"
        if added.startswith("3.")
        else added,
    ]


def test_bullets_under_the_response_setting_out_what_was_asked_for_are_items() -> None:
    """However long the line saying what the requester asked for, the bullets under it are
    the documents asked for, not an illustration of it."""
    split = propose_questions(
        "You have asked for the following information listed in Appendix 1 of the Road Review "
        "Panel's review of the bypass:\n\n"
        "• 2021: (June) Roads Review Pro Forma\n"
        "• 2021: (August) Short paper on the airfield\n"
    )

    assert [q.text for q in split.questions] == [
        "2021: (June) Roads Review Pro Forma",
        "2021: (August) Short paper on the airfield",
    ]


def test_please_include_a_copy_asks_for_a_document() -> None:
    """ "Please include a copy of ..." asks for a document; "Please include" alone says what an
    answer should hold."""
    split = propose_questions(
        "Please provide the number of officers trained to the response level of driving.\n\n"
        "If possible, please include a copy of the driving policy.\n\n"
        "Please also provide the number of officers trained in Taser across the force."
    )

    assert [q.text[:40] for q in split.questions] == [
        "Please provide the number of officers tr",
        "If possible, please include a copy of th",
        "Please also provide the number of office",
    ]
    assert all(not q.context for q in split.questions)


def test_short_items_numbered_without_stops_in_one_line_are_items() -> None:
    split = propose_questions(
        "I would like to request the statistics for detentions recorded by your officers in "
        "the following categories:\n\n"
        "1 Gender 2 Religion 3 Nationality 4 Reason for detention\n"
    )

    assert [q.text for q in split.questions] == [
        "Gender",
        "Religion",
        "Nationality",
        "Reason for detention",
    ]
    # Not a sentence with numbers in it.
    assert (
        len(propose_questions("1 January to 2 March and 3 April, how many arrests?").questions) == 1
    )


def test_please_also_include_information_is_a_request_of_its_own() -> None:
    split = propose_questions(
        "Please supply me with all information held regarding the vehicle fire that took place "
        "on the 23rd June 2012 in Totnes Avenue. Please also include information relating to "
        "other related incidents in the area."
    )

    assert [q.text[:30] for q in split.questions] == [
        "Please supply me with all info",
        "Please also include informatio",
    ]


def test_where_such_a_thing_took_place_follows_its_question() -> None:
    split = propose_questions(
        "Please confirm whether your force has trialled body worn cameras with facial "
        "recognition.\n\n"
        "Where such a trial has taken place, please provide a copy of the evaluation report.\n"
    )

    assert len(split.questions) == 1
    assert "Where such a trial" in split.questions[0].text


def test_items_carrying_on_a_lead_in_item_are_its_parts() -> None:
    """A nested list flattened in copying: the items that carry on a lead-in's sentence in lower
    case are its parts, each a question with the lead-in as context."""
    split = propose_questions(
        "- In total, how many Looked After children for whom you are the corporate parent:\n"
        "- moved from one placement to a different placement in the period\n"
        "- became a Looked After Child in the period\n"
        "- How many Looked After children moved in the period to:\n"
        "- a placement that was more than 20 miles from their home\n"
        "- a placement that was 20 miles or less from their home\n"
    )

    assert [q.text[:20] for q in split.questions] == [
        "moved from one place",
        "became a Looked Afte",
        "a placement that was",
        "a placement that was",
    ]
    assert split.questions[1].context.endswith("corporate parent:")
    assert split.questions[3].context.endswith("in the period to:")


def test_a_letter_that_only_tells_the_request_back_quotes_none_of_it() -> None:
    """ "Following receipt of your request" opens the response, but the letter above it tells
    the request back rather than quoting it."""
    page = (
        "Freedom of Information Request 1234/24\n"
        "Thank you for your request for information regarding the use of drones by the force, "
        "which was received on 3 May 2024.\n"
        "Following receipt of your request, searches were conducted within the force to locate "
        "the information.\n"
        "The force owns 6 drones.\n"
    )

    assert request_section(page) is None
    asked = (
        "Please tell me how many drones the force owns.\n"
        "Following receipt of your request, searches were conducted within the force.\n"
        "The force owns 6 drones.\n"
    )
    assert request_section(asked) == "Please tell me how many drones the force owns."


def test_please_include_details_of_each_says_what_the_answer_should_hold() -> None:
    split = propose_questions(
        "Please provide the number of police pursuits that ended in a collision in 2023.\n\n"
        "Please include details of the date and location of each pursuit."
    )

    assert [q.text[:40] for q in split.questions] == [
        "Please provide the number of police purs",
    ]
