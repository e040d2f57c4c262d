"""How responses word their outcomes, and how they number their answers (issue 6).

The disclosure-log importer must read pages it has never seen, so these pages are written for the
tests in the many ways UK police and other authorities phrase a response: "neither confirm or
deny", "not in a position to provide", "no such policy exists", "exceed the cost threshold",
answers numbered "Q1)", "(a)", "Part 1:", "Question 1: ... Response: ...", the Act's duties
quoted above every answer, answers that follow the public interest test. None is a corpus page.
"""

import pytest

from foidesk.intake.doubts import reading_doubts
from foidesk.intake.extraction import NOTE_TOLD_BACK, NoResponse, content_hash, extract
from foidesk.intake.splitting import propose_questions

CASES = [
    pytest.param(
        """\
FREEDOM OF INFORMATION REQUEST REFERENCE NO: 77-2024
I write in connection with your request for information which was received on \
3rd March 2024 as follows:
Q1. How many drones does the force own?
Q2. How many drone pilots are trained?
Q3. Please provide the flight logs for 2023.
Please find the Exampleshire Police response set out below.
Q1 response: 6
Q2 response: No information held.
Q3 response: Exampleshire Police can neither confirm nor deny that it holds any \
information relevant to this part of your request by virtue of Section 24(2) and \
Section 31(3).
""",
        ["disclosed", "not_held", "ncnd"],
        {},
        id="warks_qresponse",
    ),
    pytest.param(
        """\
Request
1. How many officers were dismissed in 2022?
2. How many officers resigned while under investigation?
Response
Question 1: How many officers were dismissed in 2022?
Answer: 12
Question 2: How many officers resigned while under investigation?
Answer: This information is not held.
""",
        ["disclosed", "not_held"],
        {},
        id="answer_label",
    ),
    pytest.param(
        """\
Request
1. How many firearms were stolen from police stations in 2021?
2. How many were recovered?
Response
1. Nil
2. Not applicable
""",
        ["disclosed", "disclosed"],
        {},
        id="nil",
    ),
    pytest.param(
        """\
Request
Please tell me whether the force has used facial recognition at football \
matches.
Response
The force can neither confirm or deny that it holds the information you have \
requested by virtue of Section 31(3) Law Enforcement.
""",
        ["ncnd"],
        {},
        id="ncnd_or",
    ),
    pytest.param(
        """\
Request
Please provide a copy of the force policy on drones in schools.
Response
No such policy exists.
""",
        ["not_held"],
        {},
        id="does_not_exist",
    ),
    pytest.param(
        """\
Request
1. How many stop and searches were carried out on children?
2. How many led to arrest?
Response
To answer your request would require a manual review of every search record, \
which would exceed the cost threshold set out in the Fees Regulations.
""",
        ["cost_limit_s12", "cost_limit_s12"],
        {},
        id="cost_threshold",
    ),
    pytest.param(
        """\
Request
How many officers does the force employ?
Response
This information is publicly available on the Home Office website and is \
therefore exempt under Section 21 (information accessible by other means).
""",
        ["reasonably_accessible_s21"],
        {},
        id="publicly_available",
    ),
    pytest.param(
        """\
Request
a) How many Tasers does the force have?
b) How many times were they fired in 2022?
Response
a) 450
b) The information is exempt under Section 31(1)(a).
""",
        ["disclosed", "exempt"],
        {},
        id="answers_a_colon",
    ),
    pytest.param(
        """\
Request
1. How many PCSOs do you employ?
2. What is their average salary?
3. How many PCSOs were assaulted in 2023?
Response
Response to question 1: 230
Response to question 2: £24,000
Response to question 3: This data is not recorded.
""",
        ["disclosed", "disclosed", "not_held"],
        {},
        id="response_to_q",
    ),
    pytest.param(
        """\
Request
1. How many speed cameras are there?
2. How much revenue did they raise?
Response
I have attached a spreadsheet containing the information you requested.
""",
        ["disclosed", "disclosed"],
        {"has_attachment": True},
        id="whole_attached",
    ),
    pytest.param(
        """\
Request
1. How many speed cameras are there?
Response
We attach the information requested.
""",
        ["disclosed"],
        {"has_attachment": True},
        id="we_attach",
    ),
    pytest.param(
        """\
Request
1. How many grass fires did the service attend in each year?
Response
The figures are counted per appliance. Please see the spreadsheet to see the information.
""",
        ["disclosed"],
        {"has_attachment": True},
        id="see_the_spreadsheet",
    ),
    pytest.param(
        """\
Request
1. Copies of the emails about the protest.
Response
Attached to the email accompanying this letter is a bundle of 186 documents, with redactions.
""",
        ["partially_disclosed"],
        {"has_attachment": True},
        id="attached_to_the_email",
    ),
    pytest.param(
        """\
Request
1. What are the names of officers dismissed?
Response
The information is exempt under Section 40(2). Section 40(2) is an absolute \
exemption and is not subject to the public interest test.
""",
        ["exempt"],
        {"public_interest_test_present": False},
        id="pit_not_subject",
    ),
    pytest.param(
        """\
Request
1. Where are the ANPR cameras?
Response
The information is exempt under Section 31(1)(a). Having considered the \
arguments, the public interest in maintaining the exemption outweighs the public \
interest in disclosure.
""",
        ["exempt"],
        {"public_interest_test_present": True},
        id="pit_outweighs",
    ),
    pytest.param(
        """\
Request
1 - How many cars?
2 - How many vans?
Response
1 - 300
2 - We do not hold this information.
""",
        ["disclosed", "not_held"],
        {},
        id="numbered_dash",
    ),
    pytest.param(
        """\
Request
(1) How many cars?
(2) How many vans?
Response
(1) 300
(2) We do not hold this information.
""",
        ["disclosed", "not_held"],
        {},
        id="paren_numbers",
    ),
    pytest.param(
        """\
Request
Q1) How many cars?
Q2) How many vans?
Response
Q1) 300
Q2) Not held.
""",
        ["disclosed", "not_held"],
        {},
        id="q_no_space",
    ),
    pytest.param(
        """\
Request
1. How many cars?
2. How many vans?
Response
1. 300
2. Information not held.
""",
        ["disclosed", "not_held"],
        {},
        id="information_not_held_standalone",
    ),
    pytest.param(
        """\
Request
1. How many officers were convicted?
2. How many officers were dismissed?
Response
1. 0
2. None
""",
        ["disclosed", "disclosed"],
        {},
        id="zero",
    ),
    pytest.param(
        """\
Request
1. Please provide crime figures for 2010 to 2020.
Response
We only hold information from 2015 onwards. Please find the figures below:
2015 - 10
2016 - 12
""",
        ["partially_disclosed"],
        {},
        id="partly_held",
    ),
    pytest.param(
        "Request\n1. Please provide crime figures for 2000 to 2020.\nResponse\n"
        "I can confirm that the information you have requested is held, in part, by the Force.\n"
        "I am able to disclose the located information to you as follows.\n2017 - 76\n2018 - 67\n",
        ["partially_disclosed"],
        {},
        id="held_in_part",
    ),
    pytest.param(
        "Request\n1. Please provide crime figures for 2000 to 2020.\nResponse\n"
        "Below is the headcount; we cannot provide data previous to 2012.\n2012 - 80\n2013 - 78\n",
        ["partially_disclosed"],
        {},
        id="not_before_a_year",
    ),
    pytest.param(
        "Request\n1. Please provide crime figures for 2000 to 2020.\nResponse\n"
        "The information we have dates back to 2004 only.\n2004 = 1\n2005 = 6\n",
        ["partially_disclosed"],
        {},
        id="dates_back_only",
    ),
    pytest.param(
        "Request\n1. Please provide crime figures for 2000 to 2020.\nResponse\n"
        "Please see attached spreadsheet. "
        "Any pre 2012/13 data has not been included as it is not accurate.\n",
        ["partially_disclosed"],
        {},
        id="not_included",
    ),
    pytest.param(
        "Request\n1. Please provide crime figures for 2000 to 2020.\nResponse\n"
        "The only answer that we can provide is that in 21/22 the cost per bed was £620.\n",
        ["partially_disclosed"],
        {},
        id="the_only_answer",
    ),
    pytest.param(
        "Request\n1. Please provide crime figures for 2000 to 2020.\nResponse\n"
        "We cannot provide data prior to 2012, as the force does not hold it.\n",
        ["not_held"],
        {},
        id="not_before_a_year_and_nothing_given",
    ),
    pytest.param(
        """\
Request
1. How many calls mentioned dogs?
2. How many calls mentioned cats?
Response
Section 12 of the Act applies to your request.
""",
        ["cost_limit_s12", "cost_limit_s12"],
        {},
        id="section12_named",
    ),
    pytest.param(
        """\
Request
1. How many firearms officers are on duty at night?
2. How many armed response vehicles are there?
Response
I can confirm the information is held, however it is exempt from disclosure \
under Section 24(1) National Security and Section 31(1)(a) Law Enforcement.
""",
        ["exempt", "exempt"],
        {},
        id="exempt_whole",
    ),
    pytest.param(
        """\
Request
1. How many cars?
2. How many vans?
Response
In answer to question 1, the force has 300 cars.
In answer to question 2, this information is not held.
""",
        ["disclosed", "not_held"],
        {},
        id="in_answer_to",
    ),
    pytest.param(
        """\
Request
Part 1: How many cars?
Part 2: How many vans?
Response
Part 1: 300
Part 2: Not held
""",
        ["disclosed", "not_held"],
        {},
        id="part_answers",
    ),
    pytest.param(
        """\
Body cameras
The request was successful.
Dear Exampleshire Police,
1. How many body worn cameras does the force have?
2. How much did they cost?
Yours faithfully,
A Person
Freedom of Information, Exampleshire Police
Dear A Person
Please find attached the response to your Freedom of Information request.
Kind regards
FOI Unit
FOI 1234 Response.pdf
""",
        ["disclosed", "disclosed"],
        {"has_attachment": True},
        id="wdtk_final",
    ),
    pytest.param(
        """\
Drone use
The request was partially successful.
Dear Exampleshire Police,
1. How many drones do you have?
2. Where are they based?
Yours faithfully,
A Person
Dear A Person
Your request has now been considered.
1. The force has 6 drones.
2. The location of the drones is exempt under Section 31(1)(a) Law Enforcement.
Kind regards
""",
        ["disclosed", "exempt"],
        {},
        id="wdtk_inline",
    ),
    pytest.param(
        """\
Request
1. Where are the covert cameras?
Response
1. We are not in a position to provide this information as it would prejudice \
law enforcement.
""",
        ["exempt"],
        {},
        id="not_position",
    ),
    pytest.param(
        """\
Request
1. How many officers own dogs?
Response
1. This is not something the force records.
""",
        ["not_held"],
        {},
        id="not_something",
    ),
    pytest.param(
        """\
Request
1. How many officers own dogs?
Response
1. We do not collect this information.
""",
        ["not_held"],
        {},
        id="no_collect",
    ),
    pytest.param(
        """\
Request
1. Has officer X been investigated?
Response
1. Section 40(5) applies. This should not be taken as an indication that the \
information you requested does or does not exist.
""",
        ["ncnd"],
        {},
        id="ncnd_exist",
    ),
    pytest.param(
        """\
Request
1. How many cars?
2. How many vans?
Response
Q1 - Please see attached spreadsheet.
Q2 - Please see attached spreadsheet.
""",
        ["disclosed", "disclosed"],
        {"has_attachment": True},
        id="attached_each_please_see",
    ),
    pytest.param(
        """\
Request
1. How many cars?
2. How many vans?
3. How many bikes?
Response
1. 12
2. 0
3. Nil return
""",
        ["disclosed", "disclosed", "disclosed"],
        {},
        id="numbers_bare",
    ),
    pytest.param(
        """\
Request
1. How many cars?
2. How many calls mentioned cars?
Response
1. 300
2. To answer this would require a manual search of 40,000 call logs, which would \
take well over the 18 hours allowed.
""",
        ["disclosed", "cost_limit_s12"],
        {},
        id="section12_per_q",
    ),
    pytest.param(
        """\
Request
1. How many cars were stolen from car parks?
2. How many were recovered?
Response
The information you have requested is not held by Exampleshire Police. Our \
systems do not allow us to search by location type.
""",
        ["not_held", "not_held"],
        {},
        id="whole_not_held_however",
    ),
    pytest.param(
        """\
I note you seek access to the following information:
1. The number of officers trained in X.
2. The names of the trainers.
DECISION
I have today decided to disclose some of the requested information.
REASONS FOR DECISION
Question 2 is exempt under Section 40(2).
""",
        ["partially_disclosed", "partially_disclosed"],
        {},
        id="met_style_partial",
    ),
    pytest.param(
        """\
Request
• How many cars?
• How many vans?
Response
Please find attached our response.
""",
        ["disclosed", "disclosed"],
        {"has_attachment": True},
        id="avon_bullets",
    ),
    pytest.param(
        """\
Request
Does the force use Taser?
Response
We can confirm that the force uses Taser.
""",
        ["disclosed"],
        {},
        id="we_can_confirm",
    ),
    pytest.param(
        """\
Request
1. Where are the ANPR cameras?
2. How many are there?
Response
The information requested is exempt by virtue of Section 31(1)(a)(b) Law \
Enforcement and Section 24(1) National Security.
Harm
Disclosure would allow criminals to avoid cameras.
Public Interest Considerations
Disclosure would inform debate.
""",
        ["exempt", "exempt"],
        {"public_interest_test_present": True},
        id="whole_exempt_pit",
    ),
    pytest.param(
        """\
Request
1. How many cars?
Response
This request is substantially similar to a previous request and Section 14(2) \
applies.
""",
        ["vexatious_s14"],
        {},
        id="s14_2",
    ),
    pytest.param(
        """\
Request
1. How many officers are there?
Response
This information is published on our website and can be found at the link below. \
Section 21 applies.
https://example.police.uk/stats
""",
        ["reasonably_accessible_s21"],
        {},
        id="s21_link",
    ),
    pytest.param(
        """\
Request
1. How many officers are there?
Response
1. There are 2,000 officers.
Please note this response will be published on our website as part of our \
disclosure log.
""",
        ["disclosed"],
        {},
        id="disclosure_log_boiler",
    ),
    pytest.param(
        """\
Request
1. How many cars?
2. How many vans?
Response
With regard to point 1, there are 300 cars.
With regard to point 2, this information is not held.
""",
        ["disclosed", "not_held"],
        {},
        id="paragraph_refs",
    ),
    pytest.param(
        """\
You asked:
1) How many cameras?
2) Where are they?
3) How many days a week are they monitored?
In response:
I am able to disclose the located information to you as follows.
1. There are currently 37.
2. Information at this part will not be disclosed and by withholding we rely on \
the following exemption:
Section 31 (1) (a) Law Enforcement
Public Interest Test
Factors favouring disclosure
The public are entitled to know.
Factors against disclosure
Crime would rise.
3. No information is held.
""",
        ["disclosed", "exempt", "not_held"],
        {"public_interest_test_present": True},
        id="late_answers",
    ),
    pytest.param(
        """\
Request
Q1. How many cameras?
Q2. Where are they?
Q3. Who monitors them?
Response
Q1 - 37
Q2 - Exempt under Section 31(1)(a).
Harm
Criminals would avoid them.
Q3 - The control room staff.
""",
        ["disclosed", "exempt", "disclosed"],
        {},
        id="late_q",
    ),
    pytest.param(
        """\
I write in connection with your request for information which was received on \
3rd March 2024 as follows:
How many intelligence reports were submitted in 2023?
Please find the Exampleshire Police response set out below.
Response: Section 1 of the Freedom of Information Act 2000 places two duties on \
public authorities. Unless exemptions apply, the first duty at Section 1(1)(a) \
is to confirm or deny whether the information specified in a request is held. \
The second duty at Section 1(1)(b) is to disclose information that has been \
confirmed as being held. Where exemptions are relied upon Section 17 of FOIA \
requires that we provide the applicant with a notice which: a) states that fact, \
b) specifies the exemption(s) in question and c) states (if that would not \
otherwise be apparent) why the exemption applies.
In 2023 there were 10,233 intelligence reports submitted.
""",
        ["disclosed"],
        {},
        id="duties_then_figures",
    ),
    pytest.param(
        """\
I write in connection with your request for information which was received on \
3rd March 2024 as follows:
How many horses does the force own?
Please find the Exampleshire Police response set out below.
Response: Section 1 of the Freedom of Information Act 2000 places two duties on \
public authorities. Unless exemptions apply, the first duty at Section 1(1)(a) \
is to confirm or deny whether the information specified in a request is held. \
The second duty at Section 1(1)(b) is to disclose information that has been \
confirmed as being held. Where exemptions are relied upon Section 17 of FOIA \
requires that we provide the applicant with a notice which: a) states that fact, \
b) specifies the exemption(s) in question and c) states (if that would not \
otherwise be apparent) why the exemption applies.
Exampleshire Police does not own any horses, therefore no information is held.
""",
        ["not_held"],
        {},
        id="duties_then_not_held",
    ),
    pytest.param(
        """\
FOI reference
FOI 5555/23
Question 1: How many cars does the force have?
Response: 300
Question 2: How many of them are electric?
Response: The force does not hold this information.
""",
        ["disclosed", "not_held"],
        {},
        id="interleaved_question_response",
    ),
    pytest.param(
        """\
Request
Please provide the report into the incident.
Response
Following searches of our systems, no information relevant to your request was \
located.
""",
        ["not_held"],
        {},
        id="not_located",
    ),
    pytest.param(
        """\
Request
(a) How many cars?
(b) How many vans?
Response
(a) 300
(b) Not held
""",
        ["disclosed", "not_held"],
        {},
        id="lettered_answers",
    ),
    pytest.param(
        """\
Request
How many bikes were stolen?
Response
This information is not collated by the force.
""",
        ["not_held"],
        {},
        id="not_collated",
    ),
    pytest.param(
        """\
Request
Does the force use covert cameras at protests?
Response
The force will not confirm or deny whether it holds this information, by virtue \
of Section 31(3).
""",
        ["ncnd"],
        {},
        id="will_not_confirm_or_deny",
    ),
    pytest.param(
        """\
Request
Please give me all information on dogs.
Response
Your request is unclear. Could you tell us which records you are seeking?
""",
        ["clarification_needed"],
        {},
        id="request_unclear",
    ),
    pytest.param(
        """\
Request
1. Where are the cameras?
Response
The information is exempt under Section 31(1)(a).
Considerations favouring disclosure
Transparency.
Considerations favouring non-disclosure
Crime prevention.
""",
        ["exempt"],
        {"public_interest_test_present": True},
        id="considerations_headings",
    ),
    pytest.param(
        """\
Request
1. How many cars?
Response
The figures are provided in the attachment.
""",
        ["disclosed"],
        {"has_attachment": True},
        id="in_the_attachment",
    ),
]


@pytest.mark.parametrize(("page", "expected", "flags"), CASES)
def test_outcomes_and_flags(page: str, expected: list[str], flags: dict[str, bool]) -> None:
    e = extract(page)

    assert [q.outcome for q in e.questions] == expected
    for name, value in flags.items():
        assert getattr(e, name) is value, name


def test_ncnd_on_cost_is_a_cost_refusal() -> None:
    """s12(2): even finding out whether it is held would exceed the limit."""
    e = extract(
        "Request\nHow many times were police called to council meetings?\nResponse\n"
        "We are unable to confirm or deny whether any information is held, as Section 12(2) "
        "applies: determining whether it is held would exceed the appropriate limit."
    )

    assert [q.outcome for q in e.questions] == ["cost_limit_s12"]
    assert e.exemptions_cited == ("s12(2)",)


def test_another_acts_sections_in_a_repeated_question_are_not_cited() -> None:
    e = extract(
        "Request\n1. How many searches were made under section 23 Misuse of Drugs Act 1971?\n"
        "2. How many Section 35 dispersal orders were issued?\nResponse\n"
        "1. How many searches were made under section 23 Misuse of Drugs Act 1971?\n1,204\n"
        "2. How many Section 35 dispersal orders were issued?\n17\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]
    assert e.exemptions_cited == ()


def test_information_on_a_website_is_reasonably_accessible() -> None:
    """Pointing to published information is the s21 outcome even when s21 is not named."""
    e = extract(
        "Request\n1. The force policy on body-worn video.\n2. How many complaints mention it?\n"
        "Response\n1. This information is provided on the following website\n"
        "https://www.example.police.uk/docs/bwv-policy.pdf\n"
        "2. = 1 complaint has been received.\n"
        "Any further information about this complaint is exempt by virtue of Section 30 (1) (a) "
        "Investigations.\nThe exemption and explanatory notes are shown here:\n"
        "https://www.example.police.uk/docs/exemptions.pdf\n"
    )

    assert [q.outcome for q in e.questions] == ["reasonably_accessible_s21", "partially_disclosed"]
    assert not e.has_attachment  # files named in links are published, not attached
    assert e.attachments == ()


def test_a_section_restated_in_the_reasoning_is_not_a_new_citation() -> None:
    e = extract(
        "Request\nHow many complaints mention body-worn video?\nResponse\n"
        "One complaint. Further detail is exempt by virtue of Section 30 (1) (a) (b).\n"
        "Harm\nSection 30 (1) (2) of the Act prevents it from being released, and disclosure "
        "would also engage Section 38(1)(a) Health and Safety.\n"
    )

    # s30(2) restates the s30 already cited in full; s38 is new in the reasoning.
    assert e.exemptions_cited == ("s30(1)(a)", "s30(1)(b)", "s38(1)(a)")


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        (
            "Section 24 is qualified and there is a requirement to consider the public interest.",
            True,
        ),
        (
            "Section 23 is absolute and there is no requirement to consider the public interest.",
            False,
        ),
    ],
)
def test_a_stated_duty_to_weigh_the_public_interest_is_the_test(sentence, present) -> None:
    e = extract(
        "Request\nHow much was paid to informants?\nResponse\nThe force can neither confirm nor "
        "deny that it holds any information by virtue of Section 23(5) and Section 24(2).\n"
        + sentence
    )

    assert e.public_interest_test_present is present


def test_a_question_singled_out_in_a_whole_request_refusal() -> None:
    e = extract(
        "Request\n1. How many domestic abuse reports were made?\n2. How many arrests?\n"
        "3. How many convictions?\nResponse\nTo locate and retrieve this information would "
        "exceed the appropriate limit (FOIA, s.12).\nReason for decision\n"
        "Also in relation to question 3 we do not hold conviction data.\n"
    )

    assert [q.outcome for q in e.questions] == ["cost_limit_s12", "cost_limit_s12", "not_held"]
    assert [q.exemptions for q in e.questions] == [("s12",), ("s12",), ()]


def test_request_and_answer_headings_numbered_in_pairs() -> None:
    """A log that prints "Request 1" / the words / "Answer 1" / ... with a summary above."""
    e = extract(
        "Request: FOI/20001\nSubject: Complaints\n"
        "Your request for information has now been considered. Some information is exempt "
        "by virtue of Sections 31 and 40 of FOIA.\n"
        "Request 1\nDoes the force have a policy on pausing investigations?\n"
        "Answer 1\nWe can confirm that the force does not hold a policy of that kind.\n"
        "Request 2\nHow many complaints were made about the unit?\n"
        "Answer\nThe force can neither confirm nor deny that it holds the information, by "
        "virtue of Section 31(1)(a).\n"
    )

    assert e.reference == "FOI/20001"
    assert [q.text for q in e.questions] == [
        "Does the force have a policy on pausing investigations?",
        "How many complaints were made about the unit?",
    ]
    assert [q.outcome for q in e.questions] == ["not_held", "ncnd"]
    # The summary's bare "Section 31" is covered by the answer's s31(1)(a); s40 is only there.
    assert e.exemptions_cited == ("s31(1)(a)", "s40")


def test_a_summary_above_the_request_heading_does_not_hide_the_request() -> None:
    e = extract(
        "Your request for information has now been considered.\nRequest\n"
        "Please provide a copy of the email sent to all staff about the charity.\nAnswer\n"
        "We are providing the email, with the sender's details redacted. The factors "
        "considered when deciding where the public interest lies are listed below.\n"
    )

    assert [q.text for q in e.questions] == [
        "Please provide a copy of the email sent to all staff about the charity."
    ]
    assert e.public_interest_test_present


def test_a_request_without_a_heading_after_the_site_furniture() -> None:
    e = extract(
        "Quickly exit this site by pressing the Escape key Leave this site\n"
        "We use some essential cookies to make our website work.\n"
        "Please provide a copy of the reports below\n"
        "1) The violence against women and girls profile, November 2021\n"
        "2) The rape profile, March 2022\n"
        "Please see below for the following exemptions:\nSection 12 - Excess Cost\n"
        "We cannot answer this request as it will exceed the 18-hour time limit.\n"
    )

    assert len(e.questions) == 2
    assert "cookies" not in " ".join(q.text + q.context for q in e.questions)
    assert [q.outcome for q in e.questions] == ["cost_limit_s12", "cost_limit_s12"]


def test_numbered_items_each_answered_beneath_it() -> None:
    e = extract(
        "Reference: 25023\nYou requested the following information:\n"
        "1. Crime Recording Policy: a copy of the current policy on recording crimes.\n"
        "No information held\n"
        "2. Offences Against the State: any specific policy documents relating to recording "
        "them.\nNo information held\n"
        "3. Exhibit Loss Protocol: the policy on the procedure when an exhibit is lost.\n"
        "No Information held\n"
    )

    assert len(e.questions) == 3
    assert [q.outcome for q in e.questions] == ["not_held"] * 3


def test_the_force_confirming_what_it_holds_ends_the_request() -> None:
    e = extract(
        "I note you seek access to the following information:\n"
        "I would like to request the names of the emergency plans held by the force.\n"
        "– Exampleshire Constabulary can confirm that it holds information in relation to your "
        "request however, I am not obliged to supply it. It is exempt under Section 31(1)(a) - "
        "Law Enforcement.\n"
    )

    assert [q.text for q in e.questions] == [
        "I would like to request the names of the emergency plans held by the force."
    ]
    assert [q.outcome for q in e.questions] == ["exempt"]


def test_cost_of_finding_out_whether_it_is_held_is_a_refusal_to_confirm_or_deny() -> None:
    e = extract(
        "Request:\nHow many times were officers called to council meetings?\nResponse:\n"
        "Exampleshire Police are unable to confirm whether or not any information is held in "
        "relation to your request. Section 12(2) applies: the cost of determining whether it is "
        "held would exceed the appropriate limit.\n"
    )

    assert e.ncnd
    assert [q.outcome for q in e.questions] == ["cost_limit_s12"]


def test_an_attachment_answers_the_questions_not_taken_one_by_one() -> None:
    e = extract(
        "Request\n1. How many police stations have closed since 2010?\n"
        "2. How many stations are planned for closure?\n3. How many stations are open?\n"
        "Response\nPlease find attached our estate information correct as of your request.\n"
        "With regards to question 2, I am not obliged to provide the planned dates by virtue "
        "of Section 31(1)(a) - Law Enforcement.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "exempt", "disclosed"]


def test_several_requests_sharing_one_answer() -> None:
    e = extract(
        "Request 1\nHow many requests are open?\nAnswer 1\nAs of 22/5/2025 there were 325 open.\n"
        "Request 2\nWhat is the position of my request in the queue?\n"
        "Request 3\nWhen will my request be completed?\n"
        "Answers 2 & 3\nThis is a Refusal Notice for Request 2. The force can neither confirm "
        "nor deny that it holds any other information you have requested.\n"
    )

    assert len(e.questions) == 3
    # "Request 2" is not a figure, and "any other information" with nothing given is a plain
    # refusal to confirm or deny.
    assert [q.outcome for q in e.questions] == ["disclosed", "ncnd", "ncnd"]


def test_request_headings_over_numbered_lists_are_not_questions() -> None:
    e = extract(
        "Request 1\n1. Which is the most powerful vehicle in the fleet?\n"
        "2. How many of that vehicle does the force have?\n"
        "Request 2\n1. Annual cost to maintain the fleet.\n2. Number of vehicles written off.\n"
        "Response 1\nThe most powerful vehicle is a BMW X5; we have 12.\n"
    )

    assert len(e.questions) == 4


def test_questions_that_are_not_requests_for_recorded_information() -> None:
    e = extract(
        "Request\n1. Where did this information come from?\n"
        "2. Will the commissioner review her decision?\n3. Will she meet the councillor?\n"
        "Response\nThe information was provided in conversation, not in writing.\n"
        "Questions 2 and 3 are not requests for recorded information under the Freedom of "
        "Information Act, but we are happy to answer as follows.\n"
    )

    assert [q.outcome for q in e.questions][1:] == ["other", "other"]


def test_a_bracket_typed_the_wrong_way_round_in_a_citation() -> None:
    e = extract(
        "Request\nPlease list the force's emergency plans.\nResponse\n"
        "The information is exempt under the following exemption:\n"
        "Section 31 (1()(a) – Law Enforcement\n"
    )

    assert e.exemptions_cited == ("s31(1)(a)",)
    assert [q.outcome for q in e.questions] == ["exempt"]


def test_a_bracket_left_open_in_a_citation() -> None:
    e = extract(
        "Request\nPlease provide the planning enforcement report.\nResponse\n"
        "The report is exempt from disclosure under Regulation 12(5(b) of the Environmental "
        "Information Regulations.\n"
    )

    assert e.exemptions_cited == ("reg12(5)(b)",)


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("Our Ref: eCase: FOI2017/07922 RFI: 226/17", "FOI2017/07922"),
        ("FOI Request 2240\nSubject: false alarms", "2240"),
        ("FOI request (FOI-70688433)\nCCTV", "FOI-70688433"),
        ("Freedom of Information request NUH 23975", "NUH 23975"),
        ("Request 101002833837\nUnder the Act", "101002833837"),
        ("FOI 2023 150 - Maternity services", "FOI 2023 150"),
        ("FI16190\nRequest", "FI16190"),
        ("FOI4719 / October 2023", "FOI4719"),
        # Spaced slashes, as printed.
        ("FOI / 6120 / 2021 - Appliance call-outs", "FOI / 6120 / 2021"),
        ("FOI request 241108113: body armour for prison officers", "241108113"),
        ("Freedom of Information Act (FOIA) Request – 241108113", "241108113"),
        ("14 December 2017 – 893.2017-18 – Fire service governance", "893.2017-18"),
        # The letter's file reference, then the one labelled as the request's.
        ("Our ref: GSA4850/11\nDear Mr Smith,\nFOI REQUEST REFERENCE NO: 4850/11", "4850/11"),
        # The register's year, then its number, spaced.
        ("Our Ref: FOI 19 1413\nDate: 28th October 2019", "FOI 19 1413"),
    ],
)
def test_references_of_other_authorities(head: str, reference: str) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        # An earlier request named in passing is not the page's reference.
        (
            "Our ref: FOI 2023/0456\nDear Sir\nWe refer you to FOI request number 2022/1187 in "
            "our disclosure log.",
            "FOI 2023/0456",
        ),
        ("Reference: FOI-23-0456\nSee also FOI reference 22-1290 on our website.", "FOI-23-0456"),
        # Set out as a field of the head, it is.
        ("Our ref: CORR/88123\nRequest Number 5123\nDear Ms Smith", "5123"),
        ("Our ref: CORR/88123\n- FOI Reference: 2023/456", "2023/456"),
    ],
)
def test_a_request_labelled_reference_outranks_our_ref_only_as_a_field(
    head: str, reference: str
) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        # A financial year written short after a heading's dash is the year asked about.
        ("Passenger Transport - 17/18", None),
        # A reference in the same place is still one.
        ("ANPR cameras - 322/15", "322/15"),
    ],
)
def test_a_heading_dash_and_a_short_financial_year(head: str, reference: str | None) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


def test_request_and_response_detail_headings() -> None:
    e = extract(
        "Reference:\n982\nRequest detail:\nDear Service,\n1) The number of fires on "
        "refurbishment works in the last three years.\n2) The money spent dealing with them.\n"
        "Response detail:\nThank you for your request. During the period there was a nil "
        "return.\n"
    )

    assert e.reference == "982"
    assert len(e.questions) == 2


def test_a_response_that_repeats_the_questions_ends_the_request() -> None:
    question = "1. Could you supply all correspondence about the Scottish Drugs Forum?"
    e = extract(
        f"Information requested\n{question}\n2. How much did the campaign cost?\n{question}\n"
        "While our aim is to provide information, the cost of complying would exceed the upper "
        "limit of £600 (section 12).\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["cost_limit_s12", "cost_limit_s12"]


def test_an_exemption_heading_ends_a_request_without_headings() -> None:
    e = extract(
        "REF: 2019-580\nSubject: Drop-off parking\n"
        "Do the hospitals have any free drop-off zones?\n"
        "Section 21 – information already reasonably accessible\n"
        "Please follow the link to our public website.\n"
    )

    assert [q.text for q in e.questions] == ["Do the hospitals have any free drop-off zones?"]
    assert [q.outcome for q in e.questions] == ["reasonably_accessible_s21"]


def test_a_refusal_notice_heading_ends_the_request() -> None:
    e = extract(
        "Reference: 21021\nYou have requested the following information:\n"
        "I would like to see the business diary of the commissioner for 2020 to 2021.\n"
        "Refusal Notice - 21021\n"
        "Although I can confirm we hold this information it will not be possible to answer your "
        "request without exceeding the appropriate cost threshold.\n"
    )

    assert e.reference == "21021"
    assert [q.outcome for q in e.questions] == ["cost_limit_s12"]


@pytest.mark.parametrize(
    "answer",
    [
        "The Trust does not hold the information you have requested.",
        "Thank you for your request. The Council does not hold this information.",
        "We do not record when staff became bank-only, so this information is not held.",
    ],
)
def test_the_authority_speaking_ends_a_request_without_headings(answer: str) -> None:
    e = extract(
        "Bank staff\n"
        "Please tell me the number of bank staff previously in post for longer than 1 year.\n"
        "Please tell me the number in post for longer than 3 years.\n"
        f"{answer}\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["not_held", "not_held"]


def test_a_page_opening_in_the_authoritys_voice_quotes_no_request() -> None:
    e = extract(
        "We have considered your request and can confirm the information is not held.\n"
        "How many drones does the force own? No information is held.\n"
    )

    assert e.request_text == ""


@pytest.mark.parametrize(
    "subject",
    [
        "Freedom of Information Request",
        "Freedom of Information (Scotland) Act 2002 (FOISA) Request",
        "Environmental Information Regulations 2004 (EIR) Request",
    ],
)
def test_a_letter_that_answers_without_quoting_the_request_is_read(subject) -> None:
    """The letter's opening under its subject line is not the request, and "... has provided
    the following response -" begins the answer; the page was refused as having no response."""
    e = extract(
        f"Our Ref: FOI-0042-2024\nDear Ms Example\n{subject}\n"
        "Thank you for your request for information.\n"
        "Your request has been dealt with under the Freedom of Information (Scotland) Act 2002.\n"
        "Our Performance Team has provided the following response -\n"
        "Call-outs are recorded by station, and a search of the incident system found 212.\n"
        "Please find attached a spreadsheet of the call-outs by month.\n"
    )

    record = e.corpus_record(page_id="letter")
    assert e.request_text == "" and record["questions"] == []
    assert "The page does not quote the request on its own." in e.notes
    assert record["overall_outcome"] == "disclosed" and record["has_attachment"] is True


def test_bulleted_items_of_one_request_are_not_questions_and_answers() -> None:
    """Every other bullet asks ("for which", "in which"): the bullet under it is the list's
    next item, not its answer."""
    e = extract(
        "Request\n"
        "We request a list of the credit balances on business rates accounts, including:\n\n"
        "• The name of each ratepayer to which the credit relates.\n"
        "• The value of the credit.\n"
        "• The year in which the overpayment was made.\n"
        "• The address of the property.\n\n"
        "Our response\n"
        "The information is exempt under section 31(1)(a) of the Act, as disclosure would be "
        "likely to prejudice the prevention of fraud.\n"
    )

    assert len(e.questions) == 4
    assert [q.outcome for q in e.questions] == ["exempt"] * 4
    assert not any("interleaved" in note for note in e.notes)


def test_requests_a_summary_names_beyond_where_the_page_stops() -> None:
    """A summary over "Request 1" / "Answer 1" ... names requests the page stops before: they
    are the request's too, and what the summary says of one is its outcome."""
    e = extract(
        "Request and Answer:\n"
        "Your request for information has now been considered.\n"
        "We consider that the information in relation to Request number 3 is exempt by virtue "
        "of Section 31.\n"
        "We do not however hold information in relation to Request number 4.\n"
        "Request 1\nHow many drones does the force own?\n"
        "Answer 1\nThe force owns 14 drones.\n"
        "Request 2\nHow many drone pilots does the force train each year?\n"
        "Answer 2\nAbout 20 officers are trained each year, and the",
        complete=False,
    )

    assert len(e.questions) == 4
    assert e.questions[3].text == "[Question 4: its text is not on the page]"
    assert [q.outcome for q in e.questions][0] == "disclosed"
    assert e.questions[2].outcome == "exempt" and e.questions[3].outcome == "not_held"


def test_numbered_questions_each_answered_beneath_where_an_answer_says_provide() -> None:
    """ "Unfortunately, we would not be able to provide further details ..." under a question
    is its answer (in the authority's voice, though it says "provide"), and a refusal."""
    e = extract(
        "Reference FOI/24/101\n"
        "Description Agency staffing\n"
        "  1. In the past 3 months, how many shifts has the agency filled at your trust?\n"
        "    41 shifts were filled by the agency in the last 3 months\n"
        "  2. In the past 3 months, how many shift requests were sent to the agency?\n"
        "    Unfortunately, we would not be able to provide further details as this would be "
        "commercially sensitive information\n"
        "  3. Which other agencies supply nurses to your trust?\n"
        "    Unfortunately, we would not be able to provide further details as this would be "
        "commercially sensitive information\n",
        complete=False,
    )

    assert len(e.questions) == 3
    assert [q.outcome for q in e.questions] == ["disclosed", "exempt", "exempt"]


def test_answers_led_by_with_reference_to_the_second_part() -> None:
    e = extract(
        "You asked for the following information:\n"
        "1. Has the department reviewed the contract?\n"
        "2. How many complaints did it receive about the contractor?\n"
        "3. Can you send me the department's complaints policy?\n"
        "Your request has been handled under the Freedom of Information Act 2000.\n"
        "I can confirm that the department reviewed the contract in March 2021.\n"
        "With reference to the second part of your request I can confirm that no complaints "
        "were received.\n"
        "With reference to the third part of your request I can confirm that the department "
        "does not hold the information that you have requested.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "not_held"]


def test_an_ncnd_of_any_further_information_after_the_answers_is_said_of_them_all() -> None:
    """The corpus convention: overt answers beside "neither confirm nor deny any further
    information" are partly disclosed, each with the NCND's provision."""
    e = extract(
        "Could you provide the following information for 2023-24:\n"
        "- Number of dog handlers in the force\n"
        "12 dog handlers.\n"
        "- Number of dogs trained to detect firearms\n"
        "4 dogs.\n"
        "Exampleshire Police can neither confirm nor deny that any further information is held "
        "by virtue of Section 23(5) of the Act.\n"
    )

    assert [q.outcome for q in e.questions] == ["partially_disclosed", "partially_disclosed"]
    assert [q.exemptions for q in e.questions] == [("s23(5)",), ("s23(5)",)]


def test_an_ncnd_in_the_last_answer_alone_stays_with_it() -> None:
    e = extract(
        "Request\n"
        "1. How many officers were dismissed in 2023?\n"
        "2. Does the force use covert cameras on the A1?\n"
        "Response\n"
        "1. Nine officers were dismissed.\n"
        "2. Exampleshire Police can neither confirm nor deny that it holds any information "
        "about covert cameras, by virtue of Section 31(3).\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "ncnd"]


def test_a_thread_redirecting_the_request_to_the_police_with_its_links_listed() -> None:
    """WhatDoTheyKnow lists a message's links as "Visible links" / "1. mailto:..." / "2.
    http://...": no answers to questions 1 and 2. The reply sends the request to another body."""
    e = extract(
        "Dear Exampleshire Ambulance Service,\n"
        "Please could you let me know\n"
        "What time was the ambulance service alerted?\n"
        "When did the ambulances arrive on the scene?\n"
        "Yours faithfully,\nA Requester\n"
        "Dear A Requester,\n"
        "Our senior managers have advised that any Freedom of Information requests about the "
        "incident should be directed to the Police in the first instance, at [1][email address].\n"
        "Kind regards,\nInformation Governance\n"
        "References\n\nVisible links\n1. mailto:[email address]\n2. http://www.example.nhs.uk/\n"
    )

    assert [q.text for q in e.questions] == [
        "What time was the ambulance service alerted?",
        "When did the ambulances arrive on the scene?",
    ]
    assert [q.outcome for q in e.questions] == ["other", "other"]


def test_the_section_17_notice_quoted_under_an_unheaded_request_is_not_its_questions() -> None:
    e = extract(
        "Of the subject access requests sent to the data protection team in the past 5 years, "
        "what percentage were answered within the time limit, and what was it each year?\n"
        "Section 17 of the Freedom of Information Act 2000 requires Exampleshire Police, when "
        "refusing to provide information (because the information is exempt), to provide the "
        "applicant with a notice which:\n"
        "(a) states that fact,\n"
        "(b) specifies the exemption in question and\n"
        "(c) states (if that would not otherwise be apparent) why the exemption applies.\n"
        "The exemption applicable to the information requested is:\n"
        "Section 12(1) – Exemption where cost of compliance exceeds appropriate limit\n"
        "The information you are requesting is not held in any reasonably retrievable form.\n"
    )

    assert len(e.questions) == 1
    assert e.questions[0].outcome == "cost_limit_s12"


def test_request_and_response_headings_with_a_reference_and_a_date() -> None:
    e = extract(
        "FOI Request - Fly Tipping\nRequest 101002532774\nPlease supply the following-\n"
        "1. How many fly tipping incidents were reported in 2015 to 2020?\n"
        "2. What did clearing asbestos cost the council?\n"
        "Response 20-07-2020\n"
        "1. 2015 108, 2016 127\n"
        "2. Costs involving fly tipped asbestos are not recorded. The information is not held.\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["disclosed", "not_held"]


def test_answers_under_each_question_with_no_heading_are_read_in_turn() -> None:
    e = extract(
        "FOI reference\nFOI 1742481/23\n"
        "1. Which three speed cameras issued the most notices in 2020 to 2022?\n"
        "Exampleshire Police are unable to provide the location of the cameras as this is exempt "
        "by virtue of Section 31(1)(a) Law Enforcement.\n"
        "2. Please provide the number of notices each camera issued over the period.\n"
        "Please see the table below: A 1,204; B 998; C 870.\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions][0] == "exempt"
    assert e.questions[1].outcome == "disclosed"


def test_a_letter_from_the_authority_quotes_the_request_after_its_intro() -> None:
    e = extract(
        "Our ref: GSA4850/11\n18th October 2011\nDear Mr Jones,\n"
        "FREEDOM OF INFORMATION REQUEST REFERENCE NO: 4850/11\n"
        "I write in connection with your request for information dated 17th October 2011 "
        "I note you seek access to the following information:-\n"
        "How many employees of the RSPCA are authorised to make PNC enquiries?\n"
        "Please specify which information systems they have access to.\n"
        "Result Of Searches\n"
        "Following receipt of your request searches were conducted and the results identified "
        "that the information you have requested is not held by Exampleshire Police.\n"
        "Yours sincerely\nJane Smith\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["not_held", "not_held"]


def test_the_opening_refusal_covers_the_questions_not_taken_one_by_one() -> None:
    e = extract(
        "Request\n"
        "How many members of your force have been issued Tasers?\n"
        "How many times has an officer deemed the use of a Taser justified?\n"
        "How many times did the person tasered need medical attention?\n"
        "Response\n"
        "Our data are not organised in such a way as to allow us to provide this information "
        "within the appropriate (cost) limit (section 12).\n"
        "In relation to Q2, please be advised that this is not a valid Freedom of Information Act "
        "request as it does not fulfil Section 8 of the Act.\n"
    )

    assert [q.outcome for q in e.questions] == ["cost_limit_s12", "other", "cost_limit_s12"]
    assert e.questions[2].found == "the opening decision"


@pytest.mark.parametrize(
    "wording",
    [
        "this is not a valid Freedom of Information Act request as it does not fulfil Section 8.",
        "it is not a request for specific recorded information.",
        "your question does not meet the requirements of section 8 of the Act.",
    ],
)
def test_section_8_wordings_are_other(wording: str) -> None:
    e = extract(
        "Request\n1. How many Tasers does the force hold?\n2. Why does the force use Tasers?\n"
        f"Response\n1. 412\n2. Please be advised that {wording}\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "other"]


def test_the_requesters_template_is_the_request_not_an_attachment_answer() -> None:
    e = extract(
        "In the attached spreadsheet, in the row for your Trust, please enter the information "
        "you hold on bank staff:\n"
        "The number in post for longer than 1 year\n"
        "The Trust does not hold the information you have requested.\n"
    )

    assert e.request_text.startswith("In the attached spreadsheet")
    assert [q.outcome for q in e.questions] == ["not_held"]


def test_question_number_and_answer_to_question_headings() -> None:
    e = extract(
        "Internal Reference Number: FOI_4765\n"
        "Question Number 1:\nHow many FOI requests did the Trust receive each month?\n"
        "Answer To Question 1:\nApr: 63\nMay: 52\n"
        "Question Number 2:\nWhat software does the Trust use to log requests?\n"
        "Answer To Question 2:\nIn-house developed system\n"
    )

    assert [q.text for q in e.questions] == [
        "How many FOI requests did the Trust receive each month?",
        "What software does the Trust use to log requests?",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


FLATTENED = (
    "Our Ref: 004436/13 Date 19 August 2013 Dear Sir, Freedom of Information Act 2000 I write "
    "further to your request for information received 16/08/2013. I note you seek access to the "
    "following information: 1. A copy of the review of Operation Aeroscope. 2. The terms of "
    "reference for the review. 3. Details of: a. The number of staff that worked on the review; "
    "b. The total cost of undertaking the review Following receipt of your request, searches "
    "were conducted within Exampleshire Police to locate information relevant to your request. "
    "I can confirm the following: 1. The review is exempt by virtue of Section 30(1) "
    "Investigations. 2. The terms of reference are exempt by virtue of Section 30(1). "
    "3. a) The review was conducted by the head of the department plus 1 review officer. "
    "b) The review has not been costed, so this information is not held. " + "Yours sincerely " * 20
)


def test_a_letter_run_into_one_line_is_set_out_again() -> None:
    e = extract(FLATTENED)

    assert [q.text for q in e.questions] == [
        "A copy of the review of Operation Aeroscope.",
        "The terms of reference for the review.",
        "The number of staff that worked on the review;",
        "The total cost of undertaking the review",
    ]
    assert e.questions[2].context == "Details of:"
    assert e.exemptions_cited == ("s30(1)",)
    # The page's identity is its own text, not the text as set out again.
    assert e.text_hash == content_hash(FLATTENED)


def test_a_page_opening_with_the_authoritys_words_then_quoting_the_request() -> None:
    e = extract(
        "3 March 2016 Our Ref: IM-FOI-2016-2711\n"
        "I refer to your recent request for information which has been handled in accordance "
        "with the Act. For ease of reference, your request is replicated below.\n"
        "I wish to know:\n"
        "a) What date did the association first send members to the committee?\n"
        "b) A list of the officers who attended its meetings.\n"
        "Unfortunately, the only way to establish the data requested would be a manual "
        "examination of 3069 files, which would exceed the cost limit under section 12.\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["cost_limit_s12", "cost_limit_s12"]


def test_a_numbered_item_with_lettered_parts_and_answers_lettered_the_same_way() -> None:
    e = extract(
        "Request Number: 001006/22\nDecision: Disclosed\n"
        "The body worn video policy on your website does not include its appendix.\n"
        "1. a) Why is the appendix not published, and\n"
        "b) If it is not published how can the public check officers follow it?\n"
        "1. a) The Appendix has not been made public as it contains policing tactics.\n"
        "Disclosure would, or would be likely to, prejudice -\n"
        "(a) the prevention or detection of crime,\n"
        "(b) the apprehension or prosecution of offenders.\n"
        "b) Members of the public may query the use of body worn video through the complaints "
        "system, and scrutiny panels review its use.\n"
    )

    assert [q.text for q in e.questions] == [
        "Why is the appendix not published, and",
        "If it is not published how can the public check officers follow it?",
    ]
    assert e.questions[1].answer.startswith("Members of the public")
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_we_do_not_have_the_document_is_not_held() -> None:
    e = extract(
        "Enquiry Reference: FOI 177- 25\n"
        "I write in connection with your Freedom of Information request, firstly please accept "
        "my apology for the delay. Below is your request and our response.\n"
        "Please email me a copy of the match commander's report for the League Cup fixture.\n"
        "Having made enquiries within the Force we do not have a match commander report.\n"
    )

    assert e.reference == "FOI 177- 25"
    assert [q.text for q in e.questions] == [
        "Please email me a copy of the match commander's report for the League Cup fixture."
    ]
    assert [q.outcome for q in e.questions] == ["not_held"]


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("Enquiry Reference: 728 - 24", "728 - 24"),
        ("Freedom of Information Request Reference N o: FOI 004163-18", "FOI 004163-18"),
    ],
)
def test_references_as_printed_with_broken_spacing(head: str, reference: str) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


def test_two_requests_in_one_paragraph_are_two_questions() -> None:
    e = extract(
        "Request\n"
        "Please disclose all correspondence with the companies NSO Group and Quadream. I would "
        "also like to know of all meetings between the force and representatives of the "
        "companies, including the agenda.\n"
        "Please provide the number of stop searches in 2023. Please break this down by month.\n"
        "Response\nExampleshire Police can neither confirm nor deny that it holds any "
        "information relevant to your request by virtue of Section 24(2) and Section 31(3).\n"
    )

    assert [q.text for q in e.questions] == [
        "Please disclose all correspondence with the companies NSO Group and Quadream.",
        "I would also like to know of all meetings between the force and representatives of the "
        "companies, including the agenda.",
        "Please provide the number of stop searches in 2023. Please break this down by month.",
    ]
    assert {q.outcome for q in e.questions} == {"ncnd"}


def test_the_authoritys_metadata_headings_end_the_request() -> None:
    e = extract(
        "Crimes over Christmas\nReference Number:\n20171967\n"
        "Request Details:\n"
        "Please can you tell me how many crimes were reported to your force over Christmas 2016?\n"
        "Exemptions Applied:\nSection 24\nSection 31\n"
        "SYP Response:\n"
        "Our administrator provided me with the enclosed spreadsheet in response to your "
        "request.\n"
        "South Yorkshire Police can neither confirm nor deny that it holds any other information "
        "by virtue of Section 24(2) and Section 31(3).\n"
    )

    assert e.request_text == (
        "Please can you tell me how many crimes were reported to your force over Christmas 2016?"
    )
    assert e.has_attachment
    assert [q.outcome for q in e.questions] == ["partially_disclosed"]


def test_the_acts_two_duties_start_the_response() -> None:
    e = extract(
        "Enquiry Reference: 667 - 24\n"
        "Below is your request and our response.\n"
        "Has the force ever used information provided by Facewatch?\n"
        "Section 1 of the Freedom of Information Act 2000 places two duties on public "
        "authorities. Unless exemptions apply, the first duty at Section 1(1)(a) is to confirm "
        "or deny whether the information is held. Exampleshire Police can neither confirm nor "
        "deny that it holds any information by virtue of Section 24(2).\n"
    )

    assert e.reference == "667 - 24"
    assert [q.text for q in e.questions] == [
        "Has the force ever used information provided by Facewatch?"
    ]
    assert [q.outcome for q in e.questions] == ["ncnd"]


@pytest.mark.parametrize(
    ("tag", "outcome"),
    [
        ("Response (not held)", "not_held"),
        ("Response (all information to be supplied)", "disclosed"),
        ("Response (some information to be supplied)", "partially_disclosed"),
    ],
)
def test_a_request_run_together_and_a_response_given_as_a_document(tag: str, outcome: str) -> None:
    e = extract(
        "Freedom of Information Request - Temporary Accommodation Data\n"
        "Received: 12 February 2026\n"
        "Dear Sir/Madam,This is a request for information under the Act.Please provide the "
        "following information:The current number of households in temporary accommodation."
        "The names of providers currently supplying temporary accommodation to the council."
        "I look forward to your response.\n"
        "Outcome / Documents\n"
        f"- {tag} - application/pdf - Download\n"
    )

    assert [q.text for q in e.questions] == [
        "The current number of households in temporary accommodation.",
        "The names of providers currently supplying temporary accommodation to the council.",
    ]
    assert [q.outcome for q in e.questions] == [outcome, outcome]
    assert {q.found for q in e.questions} == {"the log's record of the decision"}
    assert e.has_attachment


def test_a_pages_own_fields_are_not_the_request() -> None:
    e = extract(
        "FOI_25-087 Reports of sexual assault\n"
        "Date of response: 16 April 2025\n"
        "We have now considered your request of 24 March 2025 for the following information:\n"
        "The total number of sexual assault allegations made to the university.\n"
        "How many of the alleged victims were students?\n"
        "Our response:\n"
        "Please see accompanying document, our ref: FOI_25-087 Appendix A.\n"
    )

    assert len(e.questions) == 2
    assert e.request_text.startswith("The total number")


def test_questions_named_in_words_and_figures_are_singled_out() -> None:
    e = extract(
        "I note you seek access to the following information:\n"
        "1. I request the number of staff in the mounted unit,\n"
        "2. Including mean hours of part time staff.\n"
        "3. I request the number of horses in the mounted unit\n"
        "4. I also request the risk assessment for the welfare of the horses\n"
        "I have today decided to disclose the located information to you in full.\n"
        "Information has been located for Questions One (1), Three (3) and Four (4).\n"
        "Information for Question Two (2) is not recorded in a format to which we can respond.\n"
        "Please find the information attached.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "disclosed", "disclosed"]


def test_a_refusal_that_names_no_question_goes_to_the_question_it_repeats() -> None:
    e = extract(
        "Request detail:\n"
        "1) The number of times your service was sent to false fire alarms in schools in each "
        "of the last five years.\n"
        "2) The estimated cost of attending these false fire alarms in schools.\n"
        "3) The number of times your service attended genuine emergencies in schools.\n"
        "Response detail:\n"
        "Please refer to the attached spreadsheet. Exampleshire Fire and Rescue Service does not "
        "record the cost of attending false fire alarm incidents.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "disclosed"]


def test_answers_printed_after_each_question_on_its_line() -> None:
    e = extract(
        "Malicious software\n"
        "1. Has any of the Trust's IT equipment been infected by ransomware? No.\n"
        "2. If so, how many infections have been detected? N/A\n"
        "3. If so, what information was affected? N/A\n"
    )

    assert [q.text for q in e.questions] == [
        "Has any of the Trust's IT equipment been infected by ransomware?",
        "If so, how many infections have been detected?",
        "If so, what information was affected?",
    ]
    assert [q.answer for q in e.questions] == ["No.", "N/A", "N/A"]


def test_no_information_relevant_to_your_request_is_held() -> None:
    e = extract(
        "Police Use of Spit Hoods\n"
        "- Does your force use spit hoods on people?\n"
        "- If so, how many times have spit hoods been used in the last five years?\n"
        "The Constabulary does not use spit hoods.\n"
        "No information relevant to your request is held.\n"
    )

    assert [q.outcome for q in e.questions] == ["not_held", "not_held"]


def test_then_also_is_still_a_request() -> None:
    e = extract(
        "Below is your request and our response.\n"
        "Please disclose how many times the force helicopter has been deployed since 2023.\n"
        "For each incident, please disclose the time the request to deploy was received.\n"
        "For each incident, please then also disclose the time the helicopter took off.\n"
        "Having made enquiries, no information is held.\n"
    )

    assert len(e.questions) == 3


def test_a_refusal_notice_for_one_question_takes_the_ncnd_that_follows() -> None:
    e = extract(
        "Request\n"
        "1. How many drones does your force own?\n"
        "2. For what purposes does your force use drones?\n"
        "3. What are your force's plans for the use of drones in surveillance work?\n"
        "Response\n"
        "Please see our response attached.\n"
        "REASONS FOR DECISION\n"
        "In this case, this letter represents a Refusal Notice for question 3 and for any other "
        "information relating to the covert use of drones. We neither confirm nor deny that any "
        "relevant data are held by virtue of Section 23(5) and Section 24(2).\n"
    )

    assert [q.outcome for q in e.questions] == [
        "partially_disclosed",
        "partially_disclosed",
        "ncnd",
    ]


def test_small_numbers_suppressed_in_a_table_are_a_partial_disclosure() -> None:
    e = extract(
        "Request 101003849345\n"
        "1. The total number of pothole compensation claims received for each year.\n"
        "2. The highest single payout made each year.\n"
        "Response 30-09-2025\n"
        "Question 1 | 30 | 20 | <5* |\n"
        "Question 2 | £1,067.79 | £85.50 | £424.15 |\n"
        "* Numbers between 1 and 5 have been redacted and marked with <5 instead.\n"
    )

    assert [q.outcome for q in e.questions] == ["partially_disclosed", "disclosed"]


def test_we_can_advise_that_it_is_not_held_gives_nothing() -> None:
    e = extract(
        "Request\n1. What did clearing fly-tipped asbestos cost the council?\n"
        "2. How many fly-tipping incidents were reported?\n"
        "Response\n1. Costs involving fly-tipped asbestos are not recorded by the Council. As "
        "such, in accordance with Section 17 we can advise that the information is not held.\n"
        "2. 1,314\n"
    )

    assert [q.outcome for q in e.questions] == ["not_held", "disclosed"]


def test_questions_each_answered_beneath_without_a_heading() -> None:
    e = extract(
        "Request ID\n14259\n"
        "Could you please answer the following questions about littering in your area.\n"
        "1. What is the fine for a littering Fixed Penalty Notice?\n£80\n"
        "2. How many Fixed Penalty Notices did you issue for littering?\n2019/20: 20\n"
        "3. How many council complaints have you had for littering?\n"
        "We do not hold this information.\n"
        "4. How many journalist inquiries about litter picking have you received?\n"
        "2020: 6, 2019: 4\n"
    )

    assert e.reference == "14259"
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "not_held", "disclosed"]


def test_a_list_whose_every_item_is_numbered_one() -> None:
    e = extract(
        "Reference: 180/24\n"
        "The questions can be seen below, with answers following each question.\n"
        "1. What policies exist to support staff who are transitioning?\n"
        "We have identified the Trans Guidance for an Individual.\n"
        "1. Could you please provide a copy of the policies?\n"
        "Please see attached copies of the documents. Names have been redacted under "
        "Section 40(2).\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["disclosed", "partially_disclosed"]


def test_headings_printed_as_list_items() -> None:
    e = extract(
        "- Request\n-\n"
        "Please provide the following information about complaints:\n"
        "1. The total number of complaints received by the council.\n"
        "2. The number of complaints escalated to a formal review.\n"
        "- Decision\n-\n"
        "The information is exempt under Section 22 as it is intended for future publication.\n"
    )

    assert len(e.questions) == 2
    assert {q.outcome for q in e.questions} == {"future_publication_s22"}


def test_a_line_citing_provisions_is_the_authoritys() -> None:
    e = extract(
        "FOI 15674\n"
        "a. How many officers serving in your force have a Gender Recognition Certificate?\n"
        "b. How many officers identify as transgender without one?\n"
        "Section 40(2) Personal Information. Section 44(1)(a) Prohibitions on disclosure\n"
        "Thank you for your enquiry.\n"
    )

    assert len(e.questions) == 2
    assert e.exemptions_cited == ("s40(2)", "s44(1)(a)")


def test_the_authority_speaking_before_the_acts_duties_ends_the_request() -> None:
    e = extract(
        "Enquiry Reference: 233 - 24\n"
        "Below is your request and our response.\n"
        "Please could you provide a list of all female victims of homicide in 2023.\n"
        "We have looked at your request and consider Section 21 (information accessible by "
        "other means) is engaged, as the information is on our website.\n"
        "Section 1 of the Freedom of Information Act 2000 places two duties on public "
        "authorities.\n"
    )

    assert e.request_text.endswith("victims of homicide in 2023.")
    assert "We have looked" not in e.request_text
    assert [q.outcome for q in e.questions] == ["reasonably_accessible_s21"]


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("Request for Information: ATISN 15980 – Location of coal tips", "ATISN 15980"),
        ("How much did the force receive from course fees? (652.2016-17)", "652.2016-17"),
    ],
)
def test_references_of_registers_and_headings(head: str, reference: str) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


def test_answers_headed_by_the_requests_own_part_labels() -> None:
    e = extract(
        "Request\n"
        "Please give figures for each of the last ten years for:\n"
        "1. 1a How many cannabis growing operations have been detected?\n"
        "1b What was the estimated street value of cannabis seized?\n"
        "2. 2a How many individuals have been arrested for cultivation?\n"
        "2b How many were in the UK illegally?\n"
        "Response\n"
        "Question 1a\n2004 = 1 cannabis factory\n2005 = 6 cannabis factories\n"
        "Questions 1b & 2b\nThere is no information held.\n"
        "Question 2 a\nPlease see the attached Excel sheet.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "disclosed", "not_held"]
    assert {q.found for q in e.questions} == {"own answer, by its label"}


def test_a_table_of_answers_keyed_to_numbered_and_lettered_questions() -> None:
    e = extract(
        "Request 101003849345\n"
        "1. The total number of pothole claims received in each year.\n"
        "2. For the same period, please provide:\n"
        "a) The total amount paid out in compensation each year\n"
        "b) The total legal costs incurred each year\n"
        "Response 30-09-2025\n"
        "Question 1 | 30 | 20 | 51 |\n"
        "Question 2a) | £2,484.31 | £85.50 | 0 |\n"
        "Question 2b) | Not held. We do not hold information on legal costs. |\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "not_held"]


def test_a_request_lost_from_the_page_is_one_question_standing_for_it() -> None:
    e = extract(
        "FOI Reference: 156/2024\nRequest:\nResponse:\n"
        "Section 12(1) applies as the information is not readily available and would exceed the "
        "appropriate limit.\n"
    )

    assert [q.text for q in e.questions] == ["[The request's text is not on the page]"]
    assert [q.outcome for q in e.questions] == ["cost_limit_s12"]


def test_numbered_responses_to_a_request_lost_from_the_page() -> None:
    e = extract(
        "FOI Reference: 996/2025\nRequest:\n"
        "Response 1:\nExampleshire Police can neither confirm nor deny that it holds any "
        "information by virtue of Section 24(2).\n"
        "Response 2:\nThe force deployed 14 officers.\n"
    )

    assert [q.outcome for q in e.questions] == ["ncnd", "disclosed"]


def test_a_page_without_any_request_heading_has_no_questions_made_up() -> None:
    e = extract(
        "Payments information\nPlease find attached the information you requested about "
        "payments, which is disclosed in full under the Freedom of Information Act.\n"
    )

    assert e.questions == ()


def test_you_asked_we_answered_with_items_numbered_inside_one_line() -> None:
    e = extract(
        "Request ID: FOI-2170-1819\n"
        "You asked\n"
        "Dear Transport for London, I am writing to ask whether you could give me the following "
        "information for personal use. 1) The documents relating to the newest tender agreement "
        "announced this year for route 292. 2) Any internal correspondence since 28 August 2018 "
        "relating to the stand arrangements. 3) Updates, including timescales for completion and "
        "up-to-date drawings, of the works planned at the bus stand.\n"
        "We answered\n"
        "Our ref: FOI-2170-1819/GH\n"
        "The cost of locating and retrieving this information would exceed the appropriate limit "
        "(section 12).\n"
    )

    assert len(e.questions) == 3
    assert e.questions[1].text.startswith("Any internal correspondence")
    assert {q.outcome for q in e.questions} == {"cost_limit_s12"}


def test_a_section_14_refusal_that_discusses_the_burden_is_vexatious() -> None:
    e = extract(
        "Applicant Question:\n"
        "Please could you send me a copy of the agenda and papers for the council's meetings.\n"
        "NPCC Response:\n"
        "S14 Vexatious Requests – Section 14(1) – Over burdensome. An authority cannot claim "
        "section 12 for the cost and effort of considering exemptions, but it may apply section "
        "14(1) where the time required to prepare the information would impose a grossly "
        "oppressive burden.\n"
    )

    assert [q.outcome for q in e.questions] == ["vexatious_s14"]


def test_the_sites_breadcrumb_is_not_the_request() -> None:
    e = extract(
        "- Your service\n- Freedom of Information\n- Disclosure Log\n- FOI Request 2245\n"
        "I am seeking information on the whereabouts of fire appliance 12 and whether it is due "
        "to come back into service.\n"
        "Please see our response below to your Freedom of Information Request.\n"
        "The Service withholds this information under Section 24(1) of the Act.\n"
    )

    assert [q.text for q in e.questions] == [
        "I am seeking information on the whereabouts of fire appliance 12",
        "Whether it is due to come back into service.",
    ]
    assert [q.outcome for q in e.questions] == ["exempt", "exempt"]


def test_the_logs_decision_field_stands_for_answers_not_on_the_page() -> None:
    e = extract(
        "Request Number: 002407/22\nDate of Decision: 22 June 2022\nDecision: Disclosed\n"
        "1. Please supply the outcome data for disability hate crime in 2020/21 and 2021/22.\n"
        "2. Has your police force employed any specialist disability liaison officers?\n"
        "1. The outcome data is as follo"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]
    assert {q.found for q in e.questions} == {"the log's record of the decision"}


def test_numbered_responses_sharing_an_answer_under_a_lost_request() -> None:
    e = extract(
        "FOI Reference: 333/2024\nRequest:\n"
        "Response 1 & 3:\nExampleshire Police can neither confirm nor deny that it holds any "
        "information by virtue of Section 24(2).\n"
    )

    assert [q.outcome for q in e.questions] == ["ncnd", None, "ncnd"]


def test_bulleted_questions_with_a_figure_after_a_dash() -> None:
    e = extract(
        "Enquiry Reference: 547 - 24\n"
        "Below is your request and our response.\n"
        "- how many police officers from your force are suspended - 9\n"
        "- how many police staff are suspended - 3\n"
        "- how many police officers are on restricted duties - 14\n"
        "Section 1 of the Freedom of Information Act 2000 places two duties on public "
        "authorities.\n"
    )

    assert [q.text for q in e.questions] == [
        "how many police officers from your force are suspended",
        "how many police staff are suspended",
        "how many police officers are on restricted duties",
    ]
    assert [q.answer for q in e.questions] == ["9", "3", "14"]
    assert {q.outcome for q in e.questions} == {"disclosed"}


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("NFRS 2022 72 - fires on Grafton Street", "NFRS 2022 72"),
        ("360 01 25 – Callouts to Student Residences 2019-24", "360 01 25"),
        ("FOI 10042022-1 – Police Complaint Statistics", "FOI 10042022-1"),
    ],
)
def test_a_heading_that_opens_with_its_reference(head: str, reference: str) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


def test_a_request_with_nothing_heading_the_response_is_its_first_paragraph() -> None:
    e = extract(
        "Enquiry Reference FOI2008/383\n"
        "Request for information\n"
        "The information you used to convince the show ground to cancel the bike show.\n"
        "\n"
        "Some exemptions are absolute. In the case of your request three qualified exemptions "
        "apply and therefore a public interest test has been completed.\n"
        "\n"
        "Harm Test\n"
        "The release of this information may prejudice working relationships with event "
        "organisers.\n"
    )

    assert [q.text for q in e.questions] == [
        "The information you used to convince the show ground to cancel the bike show."
    ]
    assert [q.outcome for q in e.questions] == ["exempt"]
    assert e.reference == "FOI2008/383"
    assert e.harm_test_present and e.public_interest_test_present
    assert "Nothing heads the response: the request is taken as its first paragraph." in e.notes


def test_a_letter_with_nothing_heading_the_response_never_makes_its_salutation_a_question() -> None:
    e = extract(
        "Our ref: HQ/PA/004666/19\n"
        "Dear Sam Andrews,\n"
        "\n"
        "I write in response to your Freedom of Information Act request, which has been "
        "repeated below:\n"
        "\n"
        "Request Response\n"
        "\n"
        "This request is being refused under Section 12(1) of the FOIA. I am writing to obtain "
        "documents pertaining to the network. This will exceed the appropriate 18 hour limit.\n"
    )

    assert e.reference == "HQ/PA/004666/19"
    assert e.questions == ()
    assert e.overall_outcome == "cost_limit_s12"
    assert "Andrews" not in " ".join(e.corpus_record()["questions"])


def test_the_sites_own_text_after_the_answers_is_not_a_request_without_a_response() -> None:
    e = extract(
        "FOI 9137 Agency spend\nDate of response\nSeptember 2024\n"
        "1. Spending on agency staff in 2023-24\nTotal agency 2023/24: £8,161,319.97\n"
        "2. The proportion of total agency spend in 2023-24 that was on framework\n"
        "100% on framework\n"
        "FOI Requests\n"
        "The Freedom of Information Act 2000 provides people with a right of access to a wide "
        "range of information held by public authorities, including the NHS.\n"
        "FOI Disclosure Log\n"
        "A collection of the most common FOI requests we have received and responded to.\n"
    )

    assert e.overall_outcome == "disclosed"
    # Each item is above its answer; the site's own text after them is no question of its own.
    assert [q.text for q in e.questions] == [
        "Spending on agency staff in 2023-24",
        "The proportion of total agency spend in 2023-24 that was on framework",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_an_opening_decision_to_disclose_in_full_covers_answers_cut_from_the_page() -> None:
    e = extract(
        "FREEDOM OF INFORMATION REQUEST REFERENCE NO: 72/10\n"
        "I note you seek access to the following information:\n"
        "1. Please provide the total numbers of officers by rank for 2008 and 2009.\n"
        "2. How many of those officers were assigned to response duties?\n"
        "3. How many police officers are based at each station at present?\n"
        "I have today decided to disclose the located information to you in full as follows.\n"
        "In relation to question 1): the numbers are 1,200 and 1,180.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "disclosed"]
    assert [q.found for q in e.questions][1:] == ["the opening decision", "the opening decision"]


def test_a_request_quoted_after_the_response_has_begun_under_you_wrote() -> None:
    e = extract(
        "Our ref RFI 2015-096\n"
        "Dear Matthew,\n"
        "I write in connection with your request for information concerning magazine enquiries.\n"
        "Your request for information has now been considered and it is not possible to meet "
        "your requirements in full.\n"
        "You wrote:\n"
        "All correspondence between the press office and other members of the force about the "
        "magazine.\n"
        "Response:\n"
        "I am not obliged to supply the information that you have requested in full. Parts of "
        "this request are exempt by virtue of Section 31(1)(a)(b) and Section 40(2).\n"
    )

    assert [q.text for q in e.questions] == [
        "All correspondence between the press office and other members of the force about the "
        "magazine."
    ]
    assert [q.outcome for q in e.questions] == ["partially_disclosed"]
    assert e.exemptions_cited == ("s31(1)(a)", "s31(1)(b)", "s40(2)")


def test_a_decision_given_before_the_request_decides_it() -> None:
    e = extract(
        "Request: FOI/00013725\n"
        "Your request for information below has now been considered. It is estimated that the "
        "cost of complying with your request would exceed the appropriate costs limit under "
        "Section 12(1) of the Freedom of Information Act 2000.\n"
        "I would like to request the following information:\n"
        "Request 1\n"
        "Is the memorial open to members of the public?\n"
        "Request 2\n"
        "How many officers were removed from frontline roles due to poor mental health?\n"
    )

    assert len(e.questions) == 2
    assert {q.outcome for q in e.questions} == {"cost_limit_s12"}


@pytest.mark.parametrize(
    "salutation", ["Dear Mr Jones", "Dear Ms A. Smith,", "Dear Sam Andrews,", "dear Dr Patel"]
)
def test_a_salutation_run_into_the_request_is_no_part_of_a_question(salutation: str) -> None:
    e = extract(
        "Our ref: 001391/13\n"
        "Request\n"
        f"{salutation} Please tell me how many drones your force has bought since 2009.\n"
        "Response\n"
        "The force has bought 4 drones.\n"
    )

    assert [q.text for q in e.questions] == [
        "Please tell me how many drones your force has bought since 2009."
    ]
    assert [q.outcome for q in e.questions] == ["disclosed"]


def test_information_confirmed_as_held_but_withheld_is_exempt_and_its_harm_argued() -> None:
    e = extract(
        "Request\n"
        "All information the Service holds on its response to incidents involving firearms.\n"
        "Response\n"
        "I can confirm that North Yorkshire Fire and Rescue hold such information but have "
        "decided to withhold it under Section 24(1) National Security and Section 38.\n"
        "Disclosure of this information could be used maliciously to impede our emergency "
        "response and cause real harm.\n"
    )

    assert [q.outcome for q in e.questions] == ["exempt"]
    assert e.harm_test_present


def test_answers_pointing_to_the_councils_website_are_reasonably_accessible() -> None:
    e = extract(
        "FI16402\nRequest\n"
        "1) Total expenditure by the council on pest control in each financial year.\n"
        "2) If any services are contracted out, please provide the supplier names.\n"
        "3) The number of call-outs by species category.\n"
        "Response\n"
        "1. This information is available on the Council’s website as part of the payment to "
        "suppliers data at: https://www.example.gov.uk/payments\n"
        "2. The Council does not provide pest control services but does have a supplier. "
        "Details are on the Council's website at https://www.example.gov.uk/pests\n"
        "3. The Council does not hold this information.\n"
    )

    assert [q.outcome for q in e.questions] == [
        "reasonably_accessible_s21",
        "reasonably_accessible_s21",
        "not_held",
    ]


def test_request_and_response_headings_run_into_a_flattened_letter() -> None:
    letter = (
        "Information Management 13 February 2014 FOIA reference: F0001789 Dear XXXX I am "
        "writing in respect of your recent request of 16 January 2014, for the release of "
        "information held by the Authority. Your request: “I am looking to compile data on "
        "aviation environmental issues, going back to 2000. The requested data would cover noise "
        "complaints”. Our response: We are pleased to be able to provide the information below. "
        "We have provided an excel spreadsheet relating to these complaints (see attachment "
        "one). We have however, removed information that relates to the identity of the "
        "complainants, in accordance with section 40(2) of the FOIA. "
    )
    e = extract(letter * 2)

    assert e.questions
    assert e.questions[0].text.startswith("“I am looking to compile data")
    assert e.questions[0].outcome == "partially_disclosed"
    assert e.exemptions_cited == ("s40(2)",)


def test_an_item_the_requester_numbered_is_not_split_into_more_questions() -> None:
    e = extract(
        "Request\n"
        "1. I would like to know if senior officers are paid an annual performance related "
        "payment.\n"
        "2. I would like to know if any senior officer has a vehicle paid for by the force. I "
        "would also like to know the type of vehicle that has been provided.\n"
        "Response\n"
        "Question 1\nNo such payments are made.\n"
        "Question 2\nThere is no information held.\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["disclosed", "not_held"]


def test_the_complaint_rights_after_the_answer_are_no_part_of_it() -> None:
    e = extract(
        "Request:\n"
        "1) Number of potholes repaired by the Council in the last five financial years.\n"
        "2) Outstanding number of potholes currently requiring repair.\n"
        "Response:\n"
        "Unfortunately the Council is unable to provide the information you have requested. "
        "This is because we do not hold this information.\n"
        "If you are dissatisfied with the way in which the council have managed your request "
        "you can pursue an independent review.\n"
        "You may also wish to refer your case to the Information Commissioner’s Office. They "
        "can be contacted on 0303 123 1113.\n"
        "Request reference:\nFOI 8527\n"
    )

    assert [q.outcome for q in e.questions] == ["not_held", "not_held"]


def test_a_cost_decision_above_a_request_that_runs_to_the_end_of_the_page() -> None:
    e = extract(
        "Request Number: FOI/15261\n"
        "Request and Answer:\n"
        "Your request for information below has now been considered. It is estimated that the "
        "cost of complying with your request would exceed the appropriate costs limit under "
        "Section 12(2) of the Freedom of Information Act 2000.\n"
        "You requested the following information from PSNI:\n"
        "Question 1\n"
        "Please could you tell me, from 1 Jan 2022 to present:\n"
        "If the force has naloxone in its custody suites\n"
        "\n"
        "Question 2\n"
        "The number of times naloxone was used in custody by the force\n"
        "\n"
        "Question 3\n"
        "The number of drug overdoses in custody\n"
    )

    assert len(e.questions) == 3
    assert "If the force has naloxone in its custody suites" in e.questions[0].text
    assert {q.outcome for q in e.questions} == {"cost_limit_s12"}


def test_a_request_quoted_after_the_response_has_begun_under_the_requesters_lead_in() -> None:
    e = extract(
        "Our Ref: 002183/13\n"
        "Tel: 101 Ext 800 2507\n"
        "4 April 2013\n"
        "I write in connection with your request for information, received on 14 March 2013.\n"
        "Following receipt of your request searches were conducted. Please find below answers "
        "to your questions:-\n"
        "Under S 1 (1) (a) of the Act, I can confirm that the force does hold the information.\n"
        "I would like to get the following data, regarding all arrests made in 2012:\n"
        "1, When an arrest was made\n"
        "2, How old were the arrested persons\n"
        "\n"
        "Information presented in the format in which it has been requested could lead to the "
        "identification of those arrested and is therefore exempt under Section 40 of the Act.\n"
        "\n"
        "Therefore, this letter constitutes a refusal notice under Section 17(1) of the Act with "
        "Section 40(2) of the act being applied.\n"
        "\n"
        "40. – (1) Any information to which a request for information relates is exempt\n"
    )

    assert [q.text for q in e.questions] == [
        "When an arrest was made",
        "How old were the arrested persons",
    ]
    assert [q.outcome for q in e.questions] == ["exempt", "exempt"]


def test_a_reference_printed_in_square_brackets() -> None:
    e = extract(
        "Request: [FOI/75]\nSubject: Electric Vehicle Data\n"
        "Request 1\nHow many motor vehicles are owned by the force?\n"
        "Answer 1\nWe had 1,175 liveried vehicles.\n"
    )

    assert e.reference == "FOI/75"


@pytest.mark.parametrize(
    "argued",
    [
        "Disclosure of the requested information could prejudice pending or future negotiations "
        "the trust may be subject to.",
        "Release of this information would be detrimental to our commercial interests.",
        "Disclosure of the information requested would be likely to prejudice the commercial "
        "activities of a third party, in this case the contractor.",
        "Releasing the requested information would adversely affect our ability to compete.",
        "This is because disclosure would make it less likely for suppliers to share their "
        "prices with us in future and thus prejudice our ability to negotiate.",
    ],
)
def test_a_commercial_harm_argued_is_a_harm_test(argued: str) -> None:
    e = extract(
        "Request\n1. Spend per agency for 2024.\n"
        "Response\n"
        "This is commercially sensitive and exempt under Section 43(2).\n"
        f"{argued}\n"
    )

    assert e.harm_test_present
    assert [q.outcome for q in e.questions] == ["exempt"]


@pytest.mark.parametrize(
    "argued",
    [
        "This knowledge would make those tactical options less effective and lead to the "
        "endangerment of everyone involved.",
        "Releasing the deployment times would put officers and the public at greater risk.",
        "Disclosure could endanger the safety of witnesses.",
        "Confirming the number of protected persons would put them at significant risk.",
        "The possible chain of events resulting from releasing this information could put "
        "individuals, and authorities, at risk of criminal activity.",
        "Disclosure of information relating to ICT security would leave the force's computer "
        "assets more vulnerable to a malicious hacking attack.",
        "If disclosed, this information could be used to identify ways of breaching our Trust’s "
        "ICT security measures, which would thereby put us at increased risk of cyber-attack.",
    ],
)
def test_a_danger_to_people_argued_is_a_harm_test(argued: str) -> None:
    e = extract(
        "Request\n1. How many armed response vehicles are on duty each night?\n"
        "Response\n"
        "The information is exempt under section 31(1)(a).\n"
        f"{argued}\n"
    )

    assert e.harm_test_present


@pytest.mark.parametrize(
    ("reasoning", "argued"),
    [
        (
            "By confirming or denying what information is held would likely undermine Law "
            "Enforcement, as it would show where the force does and does not use the tactic.",
            True,
        ),
        (
            "Confirming or denying whether any information is held would compromise ongoing "
            "operations.",
            True,
        ),
        (
            "Confirming or denying whether information is held on cyber-attacks could aid "
            "malicious parties by encouraging further attacks.",
            True,
        ),
        # The Act's test described, not argued.
        (
            "Section 31(3) allows the force to neither confirm nor deny where confirming or "
            "denying would prejudice law enforcement.",
            False,
        ),
        (
            "Confirming or denying whether information is held is not required where doing so "
            "would prejudice law enforcement.",
            False,
        ),
        # A factor favouring confirmation, in the public interest test.
        (
            "Factors favouring confirmation or denial: Confirming or denying whether information "
            "is held would assist the public in understanding the risks of the tactic.",
            False,
        ),
        # Section 40(5): personal data, no harm weighed.
        (
            "Section 40(5) is an absolute exemption and there is no requirement to consider the "
            "harm. To confirm or deny whether information is held would reveal personal data "
            "about the named officer.",
            False,
        ),
    ],
)
def test_the_harm_of_confirming_or_denying_argued_is_a_harm_test(reasoning, argued) -> None:
    e = extract(
        "Request\n1. Does the force use covert tracking devices?\n"
        "Response\n"
        "The force neither confirms nor denies that it holds the information, by virtue of "
        "section 31(3).\n"
        f"{reasoning}\n"
    )

    assert e.harm_test_present is argued


@pytest.mark.parametrize(
    "described",
    [
        "Section 43(2) exempts information whose disclosure would, or would be likely to, "
        "prejudice the commercial interests of any person, including the authority.",
        "Section 36 applies where disclosure would prejudice the effective conduct of public "
        "affairs or prejudice the free and frank provision of advice.",
        "Section 43(2) applies where disclosure would be likely, in the reasonable view of the "
        "authority, to prejudice the commercial interests of any person.",
        # A prejudice denied, and "without prejudice", argue no harm.
        "Disclosure would not, having consulted the officer in charge of the case, prejudice "
        "any investigation.",
        "Any disclosure under FOI would be a release to the world at large and is made without "
        "prejudice to how we handle future requests.",
        # A danger denied.
        "Releasing the total would not put anyone at risk, but the breakdown is withheld.",
        "We do not consider that disclosure would endanger anyone, but the breakdown is withheld.",
        "Release of the total would be unlikely to endanger any individual.",
        # The Act's test for a danger, described.
        "Section 38 applies where disclosure would or would be likely to endanger the safety of "
        "any individual.",
        # A danger that is no disclosure's: a policy's words, another sense of the word.
        "The lone working policy says staff must not take any action which could put themselves "
        "or colleagues at risk.",
        "The site survey may include endangered species such as great crested newts.",
    ],
)
def test_the_acts_test_described_is_no_harm_test(described: str) -> None:
    e = extract(
        "Request\n1. Spend per agency for 2024.\n"
        "Response\n"
        "This is exempt and is withheld.\n"
        f"{described}\n"
    )

    assert not e.harm_test_present


def test_a_letters_request_ends_where_the_authority_answers_not_at_its_sign_off() -> None:
    e = extract(
        "Our ref: 1444/20\n"
        "Dear Sir/Madam\n"
        "Thank you for your request for information, received on 03/03/20.\n"
        "You requested the following information:\n"
        "Since January 2018 please provide how many times NPAS was requested.\n"
        "For the same period, please provide how many times NPAS could not attend.\n"
        "Please see the table below showing calls for air support.\n"
        "Calls 223, attended 68, not attended 155.\n"
        "If you are not satisfied with how this request has been handled, please read the "
        "advice notice attached to this letter.\n"
        "Yours sincerely,\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_no_information_held_beside_an_ncnd_of_any_other_information_is_not_held() -> None:
    e = extract(
        "Request\n1. Does your force use UAV technology?\n2. How many UAVs has it bought?\n"
        "Response\n"
        "No information held.\n"
        "In addition, in regard to any information relating to the covert use of UAS the force "
        "neither confirms nor denies that it holds any other information relevant to the "
        "request by virtue of Section 23(5), Section 24(2) and Section 31(3).\n"
        "Sections 24, and 31 are prejudice based qualified exemptions.\n"
    )

    assert [q.outcome for q in e.questions] == ["not_held", "not_held"]
    assert e.ncnd


@pytest.mark.parametrize(
    "announcement",
    [
        "In accordance with section 1 (1) (a) of the Act our response is provided below;",
        "The exemptions, as well as the factors the Department considered, are listed below:",
    ],
)
def test_announcing_what_follows_gives_nothing(announcement: str) -> None:
    e = extract(
        "Request\n1) What did the force spend on policing the airport?\n"
        "Response\n"
        f"{announcement}\n"
        "The force can confirm that it holds information, however I am not obliged to supply "
        "it. Such information is exempt under Section 24(1) and Section 31(1)(a).\n"
    )

    assert [q.outcome for q in e.questions] == ["exempt"]


def test_a_logs_summary_of_its_answer_above_the_request_decides_it() -> None:
    e = extract(
        "Report Summary\n"
        "Issued 12 May 2026, this FOI response relates to body armour contracts. Information not "
        "held - link to public contract register provided to assist.\n"
        "Request\n"
        "Your request for information dated 8 May 2026 is copied below.\n"
        "I would like to request the following information:\n"
        "- The name(s) of the supplier(s) currently contracted to provide body armour.\n"
        "- The contract start date, duration, and any extension options.\n"
    )

    assert len(e.questions) == 2
    assert {q.outcome for q in e.questions} == {"not_held"}


def test_a_logs_outcome_field_printed_alone_stands_for_answers_not_on_the_page() -> None:
    e = extract(
        "PUB 1241\n15526\nBody Armour Procurement\n"
        "Request\n"
        "1. Who is your current supplier?\n"
        "2. When does the contract end?\n"
        "3. How long was the contract term?\n"
        "Full Disclosure\n"
        "24 August 2021\n"
        "Response\n"
        "1. The current supplier is Cooneen Protection.\n"
        "2. We are not currently in contract with"
    )

    assert [q.outcome for q in e.questions][2] == "disclosed"
    assert e.questions[2].found == "the log's record of the decision"


def test_a_section_named_then_its_subsection_relied_on_cites_the_subsection() -> None:
    e = extract(
        "REF: 2020-593\n"
        "How many people have died in your hospitals from Covid 19 alone?\n"
        "\n"
        "Under Section 14 of the Act this request is not going to proceed any further. Section "
        "14(1) which provides:\n"
        "Section 1(1) does not oblige a public authority to comply with a request for "
        "information if the request is vexatious.\n"
    )

    assert [q.text for q in e.questions] == [
        "How many people have died in your hospitals from Covid 19 alone?"
    ]
    assert [q.outcome for q in e.questions] == ["vexatious_s14"]
    assert e.exemptions_cited == ("s14(1)",)


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("Information Request NPH00-1673/20", "NPH00-1673/20"),
        ("22 June 2022\nDear\nATISN 16387", "ATISN 16387"),
    ],
)
def test_more_references_heading_a_page(head: str, reference: str) -> None:
    e = extract(f"{head}\nRequest\nHow many properties are empty?\nResponse\nThere are 12.\n")

    assert e.reference == reference


def test_an_internal_review_heading_ends_the_request() -> None:
    e = extract(
        "Freedom of Information Request\n"
        "Received: 26 April 2022\n"
        "Can I please have a copy of the food safety inspection report for the premises?\n"
        "Internal Review\n"
        "Complaint partially upheld. I have reconsidered the public interest test, and find that "
        "the correct EIR exceptions were applied, and the public interest lies in withholding "
        "the information.\n"
    )

    assert [q.text for q in e.questions] == [
        "Can I please have a copy of the food safety inspection report for the premises?"
    ]


def test_a_foisa_response_pointing_elsewhere_or_saying_not_held() -> None:
    e = extract(
        "Request 101002428998\n"
        "1. The number of potholes reported to the council.\n"
        "2. The biggest pothole you have dealt with.\n"
        "Response 09-04-2020\n"
        "1. The information requested is available elsewhere (see following links). Therefore, "
        "we can advise that this information is exempt under Section 25 of the Freedom of "
        "Information (Scotland) Act 2002.\n"
        "2. This information is not held and is therefore exempt under Section 17 of the "
        "Freedom of Information (Scotland) Act 2002.\n"
    )

    assert [q.outcome for q in e.questions] == ["reasonably_accessible_s21", "not_held"]


def test_a_response_on_the_accompanying_documents() -> None:
    e = extract(
        "Request\n1. How many false alarms did you attend?\n2. What did attending them cost?\n"
        "Response\n"
        "Please find our response to your request on the accompanying documents and document "
        "attached.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]
    assert e.has_attachment


@pytest.mark.parametrize(
    "sentence",
    [
        "The figures are in the accompanying Excel spreadsheet.",
        "See the accompanying workbook.",
        "The figures are also attached.",
        "The figures are available through our charging structure as attached.",
    ],
)
def test_an_accompanying_spreadsheet_named_by_its_program_is_an_attachment(sentence) -> None:
    e = extract(
        f"Request\n1. How many false alarms did you attend in 2023?\nResponse\n{sentence}\n"
    )

    assert e.has_attachment
    assert [q.outcome for q in e.questions] == ["disclosed"]


def test_a_section_relied_on_by_itself_beside_its_subsection_stays_cited() -> None:
    e = extract(
        "Request\n1. How much was paid to informants each year?\n"
        "Response\n"
        "Totals for 2012/13 to 2016/17 are given below. The incomplete 2017/18 year is withheld "
        "under section 30 concerning investigations and proceedings.\n"
        "2012/13 - £12,000\n"
        "The highest amount paid is withheld under section 30(2)(a)(i)(b) concerning "
        "investigations and proceedings.\n"
    )

    assert e.exemptions_cited == ("s30", "s30(2)(a)(i)", "s30(2)(b)")


def test_numbering_that_restarts_under_each_heading_of_an_interleaved_page() -> None:
    e = extract(
        "Could you please answer the following questions about litter and fly-tipping.\n"
        "Littering:\n"
        "1. What is the fine for a littering fixed penalty notice?\n£80\n"
        "2. How many littering complaints have you had?\nWe do not hold this information.\n"
        "Fly-tipping:\n"
        "1. What is the fine for a fly-tipping fixed penalty notice?\n£400\n"
        "2. How many reports of fly-tipping did you receive?\n2019/20: 1,298\n"
    )

    assert len(e.questions) == 4
    assert e.questions[2].text.startswith("What is the fine for a fly-tipping")
    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "disclosed", "disclosed"]


def test_an_answer_numbered_by_item_answers_each_of_its_parts() -> None:
    e = extract(
        "Request\n"
        "1. How many officers were dismissed in 2023?\n"
        "2. Please tell me the number of\n"
        "a) officers suspended on full pay;\n"
        "b) officers suspended without pay;\n"
        "3. What is your policy on suspensions?\n"
        "Response\n"
        "1. 12\n"
        "2. This information is not held by the force.\n"
        "3. The policy is exempt under section 31(1)(a) of the Act.\n"
    )

    assert [q.text for q in e.questions][1:3] == [
        "officers suspended on full pay;",
        "officers suspended without pay;",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "not_held", "exempt"]


def test_numbered_answers_beside_one_named_question() -> None:
    e = extract(
        "You asked:\n"
        "1. Does the force use facial recognition?\n"
        "2. How many searches has the force carried out?\n"
        "3. Does the force record how many matches were correct?\n"
        "In Response:\n"
        "I can confirm that the information you have requested is held in part by the force.\n"
        "I am able to disclose the located information to you as follows.\n"
        "1. Yes\n"
        "2. A total of 1791 searches were conducted for the years 2015-2017\n"
        "For question 3 we respond as below.\n"
        "No information held. We do not keep records regarding this.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "not_held"]


def test_questions_and_answers_numbered_in_roman_numerals() -> None:
    e = extract(
        "Request:\n"
        "I. How many looked after children was the authority responsible for?\n"
        "II. How many of these were placed within the authority?\n"
        "III. What was the average weekly cost of these placements?\n"
        "Response:\n"
        "I. 293\n"
        "II. 0\n"
        "III. The Council has applied section 43 of the Freedom of Information Act: the "
        "information is exempt as its disclosure would prejudice commercial interests.\n"
    )

    assert [q.text for q in e.questions][1] == (
        "How many of these were placed within the authority?"
    )
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "exempt"]


def test_a_bulleted_answer_for_each_bulleted_question() -> None:
    e = extract(
        "Request:\n"
        "- How many subject access requests has the trust received in the last 12 months?\n"
        "- How many staff deal with them?\n"
        "- Who has budget responsibility for them?\n"
        "Information disclosed:\n"
        "Please note that the trust was formed by a merger in 2021.\n"
        "- Between November 2021 and October 2022 the trust received 4,845 requests.\n"
        "- Current establishment is 7 staff.\n"
        "- The name you are seeking is exempt under section 40(2) of the Act.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "exempt"]


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        (
            "I am exempting any information to your request pursuant to Section 31 – Law "
            "Enforcement. Please see the exemption explanation below.",
            "exempt",
        ),
        (
            "I have decided to exempt the requested information pursuant to Section 31(1)(a) "
            "Law Enforcement. Please see exemption explanation below.",
            "exempt",
        ),
        (
            "The information that you have requested is exempt from release under Section 27 "
            "(International Relations). Reasons for withholding the information are detailed at "
            "Annex 1.",
            "exempt",
        ),
        (
            "Specific information is not available - litter picking is conducted as part of the "
            "Council's street cleansing contract.",
            "not_held",
        ),
    ],
)
def test_what_an_answer_gives(answer: str, outcome: str) -> None:
    e = extract(
        f"Request\n1. How many officers work in the unit?\n2. What is its budget?\nResponse\n"
        f"1. {answer}\n2. £12,000\n"
    )

    assert e.questions[0].outcome == outcome


def test_a_finding_stated_in_words_is_something_given() -> None:
    e = extract(
        "Request\nHow many times has the office disclosed evidence to former staff?\nResponse\n"
        "Following a search of our records, I have established that there is one such "
        "instance.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed"]


def test_a_request_above_the_authoritys_reply_letter() -> None:
    e = extract(
        "Date of Request\n"
        "April 23\n"
        "Can you provide the following information:\n"
        "Reported allegations of bullying and harassment within the Service.\n"
        "Please provide each allegation made and the outcome of each disciplinary procedure.\n"
        "Thank you for your help.\n"
        "Dear X\n"
        "Thank you for your request, which has been considered under the Freedom of "
        "Information Act 2000.\n"
        "Over the last 2 years we have had 3 reported allegations.\n"
    )

    assert [q.text for q in e.questions] == [
        "Reported allegations of bullying and harassment within the Service.",
        "Please provide each allegation made and the outcome of each disciplinary procedure.",
    ]


def test_answers_numbered_afresh_for_the_questions_they_answer() -> None:
    e = extract(
        "Request\n"
        "1. Name of the deceased\n"
        "2. Date of death\n"
        "3. Has the above information been passed to any third party?\n"
        "4. Does your council work with any genealogist?\n"
        "Response\n"
        "Please find attached a partial refusal notice. We are able to answer questions 3 and "
        "4, and the answers are below.\n"
        "1. We only share this information with the Treasury Solicitor.\n"
        "2. No.\n"
        "The Exemption which Applies\n"
        "We consider that the information requested in questions 1-2 is exempt from disclosure "
        "under Section 31(1)(a) of the Act.\n"
    )

    assert [q.outcome for q in e.questions] == ["exempt", "exempt", "disclosed", "disclosed"]
    assert e.questions[3].answer.startswith("No.")


def test_a_bare_section_in_the_decision_takes_the_subsection_its_reasoning_names() -> None:
    e = extract(
        "Request\nHow many cases of female genital mutilation were reported in 2024?\n"
        "Response\n"
        "I am exempting any information to this request pursuant to Section 31 (Law "
        "Enforcement) and Section 40 (Personal Information).\n"
        "Exemption Explanation\n"
        "Section 31(1) is a prejudice-based qualified exemption and the harm must be evidenced.\n"
    )

    assert e.exemptions_cited == ("s31(1)", "s40")


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("FOI ID:\n8186", "8186"),
        ("- FoI Number\n- 2023-038", "2023-038"),
        ("Case Number 3588", "3588"),
        ("Freedom of Information Act request number: 2022-135", "2022-135"),
        ("Received on 23/08/2017 Our Ref: DC/FOI 782/17", "DC/FOI 782/17"),
        (
            "Please contact our team if you have any queries quoting\nFOI/6931 in any future "
            "communications",
            "FOI/6931",
        ),
        ("Dear Mr Smith\n\nRSN21564\n\nThank you for your email.", "RSN21564"),
        ("Ref. No.: FOI 798", "FOI 798"),
    ],
)
def test_references_in_a_logs_own_fields(head: str, reference: str) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


def test_items_numbered_without_a_full_stop() -> None:
    e = extract(
        "Request\n"
        "1 How many people are wanted by your force on outstanding arrest warrants?\n"
        "I would like the most recent figure for 2018.\n"
        "2 What is the longest time a suspect has been wanted on a warrant?\n"
        "Response\n"
        "1 There were 412 people wanted at the end of 2018.\n"
        "2 The longest was 19 years.\n"
    )

    assert len(e.questions) == 2
    assert "most recent figure for 2018" in e.questions[0].text
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_a_first_question_left_unnumbered_before_an_inline_second() -> None:
    e = extract(
        "Request or Question\n"
        "How many unfixed potholes are there currently recorded under the council authority? "
        "2. How much has the council spent on pothole repairs in the last 3 years - can this be "
        "broken down by year? (From January 2021-December 2023) - Up to and including any data "
        "held for January 2024.\n"
        "3. How much has the council paid out in compensation claims for pothole damage?\n"
        "Response\n"
        "1. 212\n2. £1.2m\n3. £40,000\n"
    )

    assert len(e.questions) == 3
    assert e.questions[1].text.startswith("How much has the council spent")


def test_a_request_without_headings_ends_where_it_is_refused() -> None:
    e = extract(
        "Under the terms of the Freedom of Information Act, I wish to make a formal request to "
        "see the transcript of the anonymous call made to the child protection agency.\n"
        "This request is refused under Section 40 of the Freedom of Information Act – Personal "
        "Details. This exemption is an absolute exemption.\n"
    )

    assert [q.outcome for q in e.questions] == ["exempt"]


def test_the_authoritys_reasons_as_follows_do_not_introduce_the_request() -> None:
    e = extract(
        "Please supply copies of all the recorded information you hold concerning One Public "
        "Estate projects located in Exeter from the past twelve months.\n"
        "Please see this Devon County Council webpage for the relevant information. Some "
        "information has been redacted because it is personal information.\n"
        "Additionally, information has been redacted because the Council considers that it is "
        "exempt information under Regulation 12(5)(e). The reasons for this are as follows:\n"
        "1. The information is commercial in nature.\n"
        "2. The information has the necessary quality of confidence.\n"
    )

    assert len(e.questions) == 1
    assert e.questions[0].text.startswith("Please supply copies")


@pytest.mark.parametrize(
    "lead",
    [
        # The authority's figures, "which are as follows:" on a line of their own.
        "We can however provide the spend on licences,\nwhich are as follows:",
        "I can now respond as follows:",
        "Your request has been considered and our response is as follows:",
    ],
)
def test_the_authority_setting_out_its_answer_as_follows_does_not_introduce_the_request(
    lead: str,
) -> None:
    e = extract(
        "Dear Sir / Madam\n"
        "Please tell me how much the council spent on software licences in each of the last "
        "three years, and how many licences it holds.\n"
        "Yours faithfully\n"
        "Response\n"
        f"{lead}\n"
        "2021/22 - £41,200\n2022/23 - £43,950\n2023/24 - £47,310\n"
        "The number of licences is not held.\n"
    )

    assert e.questions[0].text.startswith("Please tell me how much the council spent")
    assert "£" not in e.request_text


def test_an_introduction_without_a_colon_still_introduces_the_request() -> None:
    e = extract(
        "Our ref: F24/117\n"
        "Dear Ms Okafor\n"
        "Your request for information has been considered under the Act.\n"
        "You requested the following information\n"
        "How much does the university pay its catering contractor each year.\n"
        "We hold this information but it is withheld under section 43(2) of the Act, as "
        "release would harm the university's commercial interests.\n"
    )

    assert [q.text for q in e.questions] == [
        "How much does the university pay its catering contractor each year."
    ]
    assert [q.outcome for q in e.questions] == ["exempt"]


def test_a_request_marked_q_is_not_an_item_lettered_q() -> None:
    split = propose_questions(
        "Q. Please can you release the annual amount you spend on each of the following over "
        "the last 3 years:\n"
        "a) Computer forensics - also how many devices you examine\n"
        "b) Mobile phone forensics - also how many devices you examine\n"
    )

    assert [q.text for q in split.questions] == [
        "Computer forensics - also how many devices you examine",
        "Mobile phone forensics - also how many devices you examine",
    ]
    # Letters that run as far as Q are items.
    lettered = "\n".join(f"{c}. How many {c} cases?" for c in "ABCDEFGHIJKLMNOPQ")
    assert len(propose_questions(lettered).questions) == 17


def test_a_part_disclosure_naming_the_questions_it_answers_in_full() -> None:
    e = extract(
        "Freedom of information request reference no: 01.FOI.24.041177\n"
        "I note you seek access to the following information:\n"
        "1. Which companies supply the force with body worn cameras?\n"
        "2. Which companies supply the software that stores the footage?\n"
        "3. How much has been paid to each supplier since 2020?\n"
        "I have today decided to disclose some of the requested information. Some data has "
        "been withheld as it is exempt from disclosure by virtue of Section 43(2) - Commercial "
        "Interests.\n"
        "Reason for decision\n"
        "I have today decided to disclose information for Question One (1) and Two (2). The "
        "amounts paid to each supplier are withheld.\n"
    )

    assert [q.outcome for q in e.questions] == [
        "disclosed",
        "disclosed",
        "partially_disclosed",
    ]


def test_a_response_naming_only_the_eisrs_cites_their_regulations() -> None:
    e = extract(
        "Information requested\n"
        "All correspondence with the bird survey contractor about the 2023 nesting report.\n"
        "Response\n"
        "Please see Annex A to this response for a copy of some of the information you "
        "requested. An exception under regulation 11(2) of the EISRs (personal information) "
        "applies to the names of junior staff.\n"
    )

    assert e.exemptions_cited == ("reg11(2)",)


def test_a_scottish_environmental_response_cites_the_eisr_regulations() -> None:
    e = extract(
        "Information request and response under the Environmental Information (Scotland) "
        "Regulations 2004.\n"
        "Information requested\n"
        "All correspondence with the bird survey contractor about the 2023 nesting report.\n"
        "Response\n"
        "Please see Annex A to this response for a copy of some of the information you "
        "requested. An exception under regulation 11(2) of the EIRs (personal information) "
        "applies to the names of junior staff, and regulation 10(5)(g) to the nest sites.\n"
    )

    assert e.exemptions_cited == ("reg10(5)(g)", "reg11(2)")
    assert [q.outcome for q in e.questions] == ["partially_disclosed"]


def test_a_letter_pasted_with_every_line_a_bullet() -> None:
    e = extract(
        "Not a member of the paste site yet?\n"
        "- Dear Mr Moss,\n"
        "- Re: Freedom of Information request (Our Ref: FOI-031122)\n"
        "- Thank you for your Freedom of Information (FOI) request dated 26 October 2016.\n"
        "- Your exact request was:\n"
        "- “Please can I ask the following:\n"
        "- [1] Terms of reference for the regional pharmacy oversight group\n"
        "- [2] A list of the group's members and their declarations of interest.\n"
        "- [3] The dates of the group's meetings in 2016.”\n"
        "- We hold some information relevant to your request.\n"
        "- With regard to point 1, we are withholding the terms of reference under Section 22 "
        "of the FOI Act, as they are intended for future publication.\n"
    )

    assert [q.text for q in e.questions] == [
        "Terms of reference for the regional pharmacy oversight group",
        "A list of the group's members and their declarations of interest.",
        "The dates of the group's meetings in 2016.",
    ]
    assert e.questions[0].outcome == "future_publication_s22"


# A part disclosure in the Met's words, its reasons taking up one question.
PART_DISCLOSURE = (
    "Freedom of information request reference no: 01.FOI.24.040001\n"
    "I note you seek access to the following information:\n"
    "1. The number of officers dismissed after a misconduct hearing in each of 2021 to 2023.\n"
    "2. How many of those officers were reinstated on appeal?\n"
    "3. For each officer reinstated, please provide their rank and the nature of the "
    "misconduct.\n"
    "I have today decided to disclose some of the requested information. Some data has "
    "been withheld as it is exempt from disclosure by virtue of the following exemptions:\n"
    "Section 40(2) - Personal Information\n"
    "Reason for decision\n"
)


@pytest.mark.parametrize(
    ("reason", "outcomes"),
    [
        (
            "Question 3 I have exempted this owing to S.40 of the Act, as the officers could be "
            "identified.",
            ["disclosed", "disclosed", "exempt"],
        ),
        # Withheld only in part: which questions were answered in full is not said.
        (
            "Question 3: we have withheld these details only where fewer than five officers "
            "are involved; the remaining figures are provided.",
            ["partially_disclosed"] * 3,
        ),
    ],
)
def test_a_part_disclosure_whose_reasons_take_up_one_question(
    reason: str, outcomes: list[str]
) -> None:
    e = extract(f"{PART_DISCLOSURE}{reason}\n")

    assert [q.outcome for q in e.questions] == outcomes


def test_a_request_printed_whole_then_in_its_parts_before_another_question() -> None:
    e = extract(
        "Case reference FOI2024/01990\n"
        "I would like to make a request under the Freedom of Information Act. Please can you "
        "provide me with the spend on agency staff in the last 12 months. Please break down "
        "the spend by the agency used.\n"
        "Please can you provide me with the spend on agency staff in the last 12 months.\n"
        "Please break down the spend by the agency used.\n"
        "How many agency staff were employed on 1 April 2024?\n"
        "Answer: This information is not held in a form that would enable it to be located, "
        "retrieved and extracted within the Appropriate Time Limit which equates to 18 hours.\n"
    )

    assert len(e.questions) == 3
    assert e.questions[0].text.startswith("Please can you provide me with the spend")


def test_a_request_printed_whole_then_in_its_parts() -> None:
    e = extract(
        "Case reference FOI2024/01990\n"
        "I would like to make a request under the Freedom of Information Act. Please can you "
        "provide me with the spend on agency staff in the last 12 months. Please break down "
        "the spend by the agency used.\n"
        "Please can you provide me with the spend on agency staff in the last 12 months.\n"
        "Please break down the spend by the agency used.\n"
        "Answer: This information is not held in a form that would enable it to be located, "
        "retrieved and extracted within the Appropriate Time Limit which equates to 18 hours.\n"
    )

    assert [q.text for q in e.questions] == [
        "Please can you provide me with the spend on agency staff in the last 12 months.",
        "Please break down the spend by the agency used.",
    ]
    assert [q.outcome for q in e.questions] == ["cost_limit_s12", "cost_limit_s12"]


def test_a_request_whose_numbers_skip_is_answered_by_its_own_numbers() -> None:
    e = extract(
        "Damaged police cars\n"
        "1. How many police cars were damaged in 2014-15?\n"
        "2. How many police cars went missing in 2014-15?\n"
        "3. How much has the force spent replacing missing cars in 2014-15?\n"
        "5. What were the common reasons for damaged police cars in 2014-15?\n"
        "6. What were the common reasons for missing police cars in 2014-15?\n"
        "Response\n"
        "1. 901 police cars were damaged in 2014/15.\n"
        "With regards to question 2, 3 and 6 we don't have any information concerning "
        "missing cars.\n"
    )

    assert len(e.questions) == 5
    assert [e.questions[k].outcome for k in (1, 2, 4)] == ["not_held"] * 3


def test_a_tables_footnote_on_marked_figures_is_not_the_last_answers() -> None:
    e = extract(
        "Request\n"
        "1. The number of pothole claims received in each year since 2021/22.\n"
        "2. The total legal costs of those claims in each year.\n"
        "Response\n"
        "Question 1 | 30 | 20 | <5* |\n"
        "Question 2 | Not held. We do not hold information on legal costs. |\n"
        "* Numbers between 1 and 5 have been redacted and marked with <5 instead. This response "
        "is exempt under Section 38(1)(b) of the Freedom of Information (Scotland) Act 2002.\n"
    )

    assert [q.outcome for q in e.questions] == ["partially_disclosed", "not_held"]


def test_a_request_whose_numbers_skip_keeps_each_answers_own_refusal() -> None:
    e = extract(
        "Request\n1. How many officers?\n2. How many staff?\n3. How many cars?\n"
        "5. How many vans?\n6. How many bikes?\n"
        "Response\nQuestion 1: 40.\nQuestion 2: 12.\nQuestion 3: 9.\n"
        "Question 5: We do not hold the information you asked for in question 5.\n"
        "Question 6: We do not hold the information you asked for in question 6.\n"
    )

    assert [q.outcome for q in e.questions] == [
        "disclosed",
        "disclosed",
        "disclosed",
        "not_held",
        "not_held",
    ]


@pytest.mark.parametrize(
    ("response", "last"),
    [
        # A list bulleted with "*" is the answer itself.
        (
            "1. 40 claims.\n2. The following were paid:\n* claims shown to have caused damage\n"
            "* claims under £500\nThe amounts paid are exempt under section 43(2).\n",
            ("exempt", ("s43(2)",)),
        ),
        # The footnote explains this answer's own "<5".
        (
            "Question 1 | 30 | 20 |\nQuestion 2 | 4 | <5 | 9 |\n* Numbers between 1 and 5 have "
            "been redacted and marked with <5 instead. This is exempt under Section 38(1)(b).\n",
            ("partially_disclosed", ("s38(1)(b)",)),
        ),
    ],
)
def test_a_starred_line_the_answer_owns_stays_with_it(
    response: str, last: tuple[str, tuple[str, ...]]
) -> None:
    e = extract(
        "Request\n1. The number of claims received each year.\n"
        "2. The number of claims paid each year.\n"
        f"Response\n{response}"
    )

    assert (e.questions[-1].outcome, e.questions[-1].exemptions) == last


def test_an_opening_answer_for_all_but_the_question_it_excepts() -> None:
    e = extract(
        "Request:\n"
        "I would like to request the following information in regards to your estate.\n"
        "1. The location of all buildings occupied by your organisation.\n"
        "2. Whether any of these buildings are subject to PFI agreements.\n"
        "3. The identity of any locations earmarked for future disposal.\n"
        "Response:\n"
        "Please find information relevant to your request, except Q2, in the table at the end "
        "of this response.\n"
        "Q2 – No buildings occupied by Police are subject to PFI arrangements.\n"
        "The withheld information (locations of covert police buildings) is exempt by virtue of "
        "Section 31(1) - Law Enforcement.\n"
    )

    assert e.questions[0].outcome == "partially_disclosed"
    assert e.questions[2].outcome == "partially_disclosed"
    assert e.questions[2].found.startswith("the response, for all but")


def test_a_request_that_only_announces_its_lost_list_has_no_questions() -> None:
    e = extract(
        "Enquiry Reference: 630-25\n"
        "I write in connection with your Freedom of Information request.\n"
        "I am seeking the following information for each of the calendar years listed below:\n"
        "Section 1 of the Freedom of Information Act 2000 (FOIA) places two duties on public "
        "authorities.\n"
        "Having made enquiries, the information requested, if held, is not in an easily "
        "retrievable format and to retrieve it would exceed the appropriate cost limit.\n"
    )

    assert e.questions == ()
    assert "The request's list of questions is not on the page." in e.notes


def test_responses_headed_by_lettered_parts_of_a_request_lost_from_the_page() -> None:
    e = extract(
        "FOI Reference: 761/2025\n"
        "Request:\n"
        "Response 1a and 1b:\n"
        "I can confirm that there is no information held in respect of question 1a and 1b of "
        "your request.\n"
        "Response 2:\n"
        "I can confirm that the force does hold the information requested, however some of that "
        "information has been exempted by virtue of Section 24(1) National Security.\n"
    )

    assert [q.text for q in e.questions] == [
        "[Question 1a: its text is not on the page]",
        "[Question 1b: its text is not on the page]",
        "[Question 2: its text is not on the page]",
    ]
    assert [q.outcome for q in e.questions] == ["not_held", "not_held", "partially_disclosed"]


def test_responses_headed_by_numbers_with_a_gap_keep_the_gap() -> None:
    e = extract(
        "Request:\n"
        "Response 1 & 3:\n"
        "The force can neither confirm nor deny that it holds any other information.\n"
    )

    assert len(e.questions) == 3
    assert e.questions[1].outcome is None


def test_a_request_headed_you_asked_for_with_a_semicolon() -> None:
    e = extract(
        "Our Ref: MGLA050819-9382\n"
        "Thank you for your request for information which the GLA received on 5 August 2019.\n"
        "You asked for;\n"
        "I would like emails between the former Mayor and named individuals at the Foreign "
        "Office.\n"
        "Our response to your request is as follows:\n"
        "Some correspondence is attached. Further correspondence has been withheld under s.27 "
        "(International Relations) of the Freedom of Information Act.\n"
    )

    assert [q.text for q in e.questions] == [
        "I would like emails between the former Mayor and named individuals at the Foreign Office."
    ]
    assert e.questions[0].outcome == "partially_disclosed"


def test_a_roman_numeral_beyond_the_numbering_read_is_passed_over() -> None:
    e = extract(
        "Request:\n"
        "I. How many officers were dismissed?\n"
        "II. How many officers resigned?\n"
        "Response:\n"
        "I. 12\n"
        "II. 4\n"
        "XIV. The force's vetting code of practice is published online.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_a_numbered_list_after_an_interleaved_page_under_a_plain_line_is_not_questions() -> None:
    e = extract(
        "1. How many fixed penalty notices did you issue for littering?\n"
        "20\n"
        "2. How many complaints about littering have you had?\n"
        "We do not hold this information.\n"
        "Right of appeal\n"
        "1. Please write to us if you would like us to review how we handled your request.\n"
        "2. What you can do next is ask the Information Commissioner to decide.\n"
    )

    assert len(e.questions) == 2


def test_questions_the_authority_cannot_answer_are_not_the_numbered_list_below() -> None:
    e = extract(
        "Request\n"
        "1. How many officers were suspended?\n"
        "2. How many were dismissed?\n"
        "3. What did the hearings cost?\n"
        "4. Who chaired them?\n"
        "Response\n"
        "We are unable to answer questions 3 and 4 as that information is not held.\n"
        "1. 12\n"
        "2. 4\n"
    )

    assert [q.outcome for q in e.questions][:2] == ["disclosed", "disclosed"]


def test_a_pointer_to_another_answer_is_kept_beside_refusals_that_name_questions() -> None:
    e = extract(
        "Request\n"
        "1. How many drones does the force own?\n"
        "2. Where are they based?\n"
        "3. How many drones are on order?\n"
        "Response\n"
        "1. This information is not held.\n"
        "2. The locations in question 2 are exempt under section 31(1)(a).\n"
        "3. Please see the response to question 1.\n"
    )

    assert [q.outcome for q in e.questions] == ["not_held", "exempt", "not_held"]


def test_the_question_an_opening_answer_excepts_is_not_answered_by_it() -> None:
    e = extract(
        "Request:\n"
        "1. The location of all buildings occupied by the force.\n"
        "2. Whether any buildings are subject to PFI agreements.\n"
        "3. Any locations earmarked for disposal.\n"
        "Response:\n"
        "Please find information relevant to your request, except Q2, in the table below; Q2 "
        "will be answered separately.\n"
        "Q3 – The locations earmarked for disposal are listed in the table.\n"
    )

    assert e.questions[1].outcome is None
    assert e.questions[0].found.startswith("the response, for all but")


def test_numbered_options_are_not_items() -> None:
    e = extract(
        "Request\n"
        "Please tell me how many council properties are empty, broken down by size:\n"
        "1 Bedroom properties\n"
        "2 Bedroom properties\n"
        "3 Bedroom properties\n"
        "Response\n"
        "There are 112 empty properties.\n"
    )

    assert len(e.questions) == 1


def test_the_authoritys_cost_reasoning_is_not_the_request() -> None:
    e = extract(
        "Please tell me how many potholes were repaired in 2023.\n"
        "In order to find out how many potholes were repaired, the council would have to search "
        "3,000 job sheets, which would exceed the appropriate limit of £450.\n"
    )

    assert [q.text for q in e.questions] == [
        "Please tell me how many potholes were repaired in 2023."
    ]
    assert e.questions[0].outcome == "cost_limit_s12"


def test_a_date_under_a_field_is_not_the_reference() -> None:
    e = extract(
        "Our ref: FOI 4455/23\nRequest\n12/05/2023\nHow many fires were there?\n"
        "Response\nThere were 12 fires.\n"
    )

    assert e.reference == "FOI 4455/23"


def test_response_headings_that_repeat_a_number_are_not_read_as_numbered() -> None:
    e = extract(
        "Request:\n"
        "Response 1:\nThe information is not held.\n"
        "Response 2:\nThere were 4.\n"
        "Response 1:\nThere were 7.\n"
    )

    assert "[Question 1: its text is not on the page]" not in [q.text for q in e.questions]


def test_a_letter_that_sets_each_question_above_its_answer_is_read_item_by_item() -> None:
    """The page has no request heading: the letter restates the questions, each with its
    answer beneath, and one question has none."""
    e = extract(
        "I write in connection with your request dated 24th August. Below are the questions "
        "raised in your request and all the information we have been able to retrieve.\n\n"
        "1. How many missing persons cases have been investigated in each year\n\n"
        "a) Below are the figures for Missing persons.\n\n"
        "2014 – 2679, 2015 – 3549\n\n"
        "2. How many of those missing persons are under the age of 16 (per year)?\n\n"
        "2014 – 1357, 2015 – 1770\n\n"
        "3. How many of these cases are still active?\n\n"
        "a) 2013 – 2019 - 6\n\n"
        "4. How many of these resulted in the missing person being a victim of homicide?\n\n"
        "If possible within the cost limits of the FOIA (if not exclude):\n\n"
        "Please note any statistical data supplied is a snapshot of data held at the time.\n"
    )

    assert [q.outcome for q in e.questions[:3]] == ["disclosed"] * 3
    assert "2014 – 1357" in e.questions[1].answer


def test_a_refusal_that_quotes_one_question_is_that_questions_outcome() -> None:
    """ "... therefore the following will not be included:" / the question, quoted: the rest of
    the request is answered by the attachment."""
    e = extract(
        "Your request\n"
        "(a) List all commercial properties with their rateable values and addresses.\n"
        "(b) The current liability payable for the year.\n"
        "(c) If the property is empty the date it became empty.\n"
        "Our response\n"
        "Please see the attached spreadsheet.\n"
        "Please also note we will not provide information relating to empty properties "
        "therefore the following will not be included:\n"
        "(c) If the property is empty the date it became empty\n"
        "The information requested is exempt from disclosure under Section 31(1) of the Freedom "
        "of Information Act.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "exempt"]


def test_a_refusal_that_quotes_part_of_a_question_leaves_it_partly_answered() -> None:
    e = extract(
        "Request\n"
        "1. How many officers have been subject to misconduct hearings since 2011?\n"
        "2. For all those found guilty, please provide: rank of officer, name of officer, date "
        "of hearing, dates of the misconduct, the punishment given and a summary of the "
        "misconduct.\n"
        "Response\n"
        "60 officers. The attached table contains some of the details requested.\n"
        "Information that constitutes personal information is exempt from disclosure.\n"
        "The information that has been deemed exempt is:\n"
        "Name of the officer, date the misconduct took place, and a summary of the misconduct.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "partially_disclosed"]


def test_questions_numbered_with_commas_are_read_item_by_item() -> None:
    """ "1, Currently how many ..." / its answer / "2, How many ...": a log that numbers with
    commas; a list of figures ("1, 2 and 3") is not numbering."""
    e = extract(
        "Freedom of Information (FOI) Act request ref: 01/FIN/24/002521/W\n"
        "The Neighbourhood Policing Department have provided the following information.\n"
        "1, Currently how many wildlife trained police officers do you have in your force?\n"
        "16 PCs and 4 PCSOs.\n"
        "2, How many of these officers have undertaken recognised training?\n"
        "All were trained via the National Wildlife Crime Unit.\n"
        "3, Who was the service provider?\n"
        "National Wildlife Crime Unit, in years 1, 2 and 3 of the course.\n"
    )

    assert len(e.questions) == 3
    assert [q.outcome for q in e.questions] == ["disclosed"] * 3
    assert e.questions[2].answer.startswith("National Wildlife Crime Unit")


def test_the_statute_quoted_under_numbered_answers_does_not_undo_them() -> None:
    """Answers "1." to "3.", then a refusal notice quoting section 31 with its own "(1)": the
    quotation is not a list of answers starting again."""
    e = extract(
        "Empty homes\n"
        "Request\n"
        "1. The number of homes recorded as empty for six months or more in 2024.\n"
        "2. Copies of any guidance on publishing the empty homes register.\n"
        "3. The addresses of homes empty for more than two years.\n"
        "Response\n"
        "1. Please see the attached table of empty homes by month.\n"
        "2. Information not held.\n"
        "3. We are unable to release addresses; they are exempt under Section 31(1)(a).\n"
        "Please take this as notice that we claim this exemption:\n"
        "Section 31(1)(a) of the Freedom of Information Act 2000\n"
        "(1) Information which is not exempt information by virtue of section 30 is exempt\n"
    )

    assert [q.found for q in e.questions] == ["own answer"] * 3
    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "exempt"]


def test_you_asked_and_our_response_over_every_question_are_read_pair_by_pair() -> None:
    """The same two headings, unnumbered, over each question and its answer."""
    e = extract(
        "Freedom of Information Request – Ref: FOI 101-2025\n"
        "Please find our response below.\n"
        "You asked:\n"
        "1.The Trust's spending on interpreting services in 2024/25\n"
        "Our response:\n"
        "2024/25 = £12,400\n"
        "You asked:\n"
        "2. The number of interpreters the Trust employs\n"
        "Our response:\n"
        "None\n"
        "You asked:\n"
        "3. Copies of the Trust's interpreting policy\n"
        "Our response:\n"
        "This information is not held.\n"
    )

    assert [q.text for q in e.questions] == [
        "The Trust's spending on interpreting services in 2024/25",
        "The number of interpreters the Trust employs",
        "Copies of the Trust's interpreting policy",
    ]
    assert [q.found for q in e.questions] == ["own answer"] * 3
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "not_held"]


def test_request_headings_after_the_numbered_request_head_its_answers() -> None:
    """The request numbered 1 to 3, "Please see the below response to your requests.", then
    "Request 1" / its answer: the headings are the answers', and a list refused in part is a
    partial disclosure."""
    e = extract(
        "Reference: 2022 – 281 / WE1234\n"
        "I am making a request for information for:\n"
        "1. All reports on the complaint review system in the last three years.\n"
        "2. The number of reviews upheld in each of the last three years.\n"
        "3. Any reports on lessons learned from the reviews.\n"
        "Please see the below response to your requests.\n"
        "Request 1\n"
        "A list of the reports disclosed is set out below and attached:\n"
        "• Complaint reviews feedback\n"
        "• Regional review model options paper\n"
        "Disclosure of the below documents has been refused:\n"
        "• Draft business case\n"
        "Request 2\n"
        "In 2021, 14 reviews were upheld.\n"
        "Request 3\n"
        "The OPCC does not hold any such reports.\n"
    )

    assert len(e.questions) == 3
    assert e.questions[0].text.startswith("All reports on the complaint review system")
    assert [q.outcome for q in e.questions] == ["partially_disclosed", "disclosed", "not_held"]


def test_request_headings_inside_the_request_still_head_its_questions() -> None:
    """ "Request 1" / a question / "Request 2" / a question, before the authority answers."""
    e = extract(
        "Request: FOI/00012345\n"
        "Your request for information below has now been considered.\n"
        "I would like to request the following information:\n"
        "Request 1\n"
        "Is the memorial garden open to members of the public?\n"
        "Request 2\n"
        "How many officers left frontline roles in 2024?\n"
        "Answer 1\n"
        "Yes.\n"
        "Answer 2\n"
        "12 officers.\n"
    )

    assert [q.text for q in e.questions] == [
        "Is the memorial garden open to members of the public?",
        "How many officers left frontline roles in 2024?",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_a_logs_banner_is_not_the_response_and_a_request_repeated_item_by_item_ends() -> None:
    """A log's banner says how requests of its kind ended (with an NCND hedge); the request has
    no heading, and the response repeats each item above its answer."""
    e = extract(
        "FOI release\n"
        "Excluded pupils\n"
        "This request was refused in part, so we didn't provide some of the information the "
        "requester asked for. This may include information where we can neither confirm nor "
        "deny that we hold it.\n"
        "Case reference FOI2024/00123\n"
        "If you have the data, please include academies.\n"
        "* How many pupils were excluded from schools in the county in each year since 2019?\n"
        "* For each exclusion, can you state what the reason was?\n"
        "If you have the data, please include academies.\n"
        "* How many pupils were excluded from schools in the county in each year since 2019?\n"
        "This information is publicly available on the Government website.\n"
        "* For each exclusion, can you state what the reason was?\n"
        "The council does not hold the reasons for exclusions.\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["reasonably_accessible_s21", "not_held"]
    assert not e.ncnd


def test_details_of_the_response_heads_the_response() -> None:
    e = extract(
        "Case Number 6768\n"
        "Details of the Request\n"
        "1. What suppliers has the Trust used for interpreting?\n"
        "2. What was the annual spend on interpreting?\n"
        "Details of the Response\n"
        "This information is already publicly available on our website.\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["reasonably_accessible_s21"] * 2


def test_a_reference_with_a_case_number_after_the_registers() -> None:
    e = extract(
        "Reference: 2022 – 281 / WE5543\n"
        "Request\n"
        "How many complaint reviews were upheld in 2021?\n"
        "Response\n"
        "12 reviews were upheld.\n"
    )

    assert e.reference == "2022 – 281 / WE5543"


def test_the_act_quoted_as_a_numbered_list_is_not_the_answers() -> None:
    """Principles quoted in the reasoning ("1. ‘Personal data shall be:" / "2. processed
    lawfully ...") are not answers to questions 1 and 2."""
    e = extract(
        "Request\n"
        "1. How many agreements were made in each of the last three years?\n"
        "2. How much was spent on them in each year?\n"
        "Response\n"
        "We confirm that the council holds the information you have requested. The figures "
        "are in the attached table.\n"
        "The first data protection principle states:\n"
        "1. ‘Personal data shall be:\n"
        "2. processed lawfully, fairly and in a transparent manner.’\n"
    )

    assert [q.found for q in e.questions] == ["whole request"] * 2
    assert [q.outcome for q in e.questions] == ["disclosed"] * 2


def test_numbered_answers_that_open_by_quoting_the_question_are_answers() -> None:
    e = extract(
        "Request\n"
        "1. How many officers were dismissed in 2023?\n"
        "2. How many officers resigned in 2023?\n"
        "Response\n"
        "1. “How many officers were dismissed?” 12 officers.\n"
        "2. This information is not held.\n"
    )

    assert [q.found for q in e.questions] == ["own answer"] * 2
    assert [q.outcome for q in e.questions] == ["disclosed", "not_held"]


@pytest.mark.parametrize(
    ("printed", "reference"),
    [
        ("Our ref: FOI 1234\n– 2019 figures were not kept", "FOI 1234"),
        ("Reference: 4567 – 2023 Annual Report", "4567"),
        ("Our ref: 2024-373/ WE09531", "2024-373/ WE09531"),
    ],
)
def test_a_reference_stops_at_its_line_and_before_a_year(printed: str, reference: str) -> None:
    e = extract(f"{printed}\nRequest\nHow many reviews were upheld?\nResponse\n12 reviews.\n")

    assert e.reference == reference


def test_the_authority_saying_a_request_was_refused_in_part_is_the_response() -> None:
    e = extract(
        "FOI 2023/101\n"
        "How many reviews were upheld in 2023?\n"
        "This request was refused in part, so we have provided the figures we hold: 12.\n"
    )

    assert [q.text for q in e.questions] == ["How many reviews were upheld in 2023?"]


def test_a_figure_opening_a_question_under_you_asked_keeps_its_decimal() -> None:
    e = extract(
        "You asked:\n"
        "2.5 million pounds was quoted for the project. What was the final cost?\n"
        "Our response:\n"
        "£2.7 million.\n"
        "You asked:\n"
        "Who approved it?\n"
        "Our response:\n"
        "The cabinet.\n"
    )

    assert e.questions[0].text.startswith("2.5 million pounds")


@pytest.mark.parametrize("marker", ["Part {n}:", "{n} -", "Question {word}:"])
def test_items_numbered_as_parts_with_a_dash_or_in_words_are_answered_in_turn(marker) -> None:
    def item(n: int) -> str:
        return marker.format(n=n, word=("One", "Two", "Three")[n - 1])

    e = extract(
        "Freedom of Information Request 456/24\n\n"
        "Request:\n"
        "Please provide the following information:\n"
        f"{item(1)} How many officers were assaulted on duty in 2023?\n"
        "Please break this down by month.\n"
        f"{item(2)} How many of those assaults resulted in a charge?\n"
        f"{item(3)} What is the force's policy on body-worn cameras?\n\n"
        "Response:\n"
        f"{item(1)} 412 officers were assaulted on duty in 2023. The monthly figures are "
        "attached.\n"
        f"{item(2)} This information is not held by the force.\n"
        f"{item(3)} The policy is published on our website and is exempt under section 21.\n"
    )

    assert [q.text for q in e.questions] == [
        "How many officers were assaulted on duty in 2023?",
        "How many of those assaults resulted in a charge?",
        "What is the force's policy on body-worn cameras?",
    ]
    assert [q.outcome for q in e.questions] == [
        "disclosed",
        "not_held",
        "reasonably_accessible_s21",
    ]


@pytest.mark.parametrize(
    "label", ["Answer {n}: ", "Response {n} - ", "Reply {n}\n", "A{n}. ", "response {n}:\n"]
)
def test_answers_labelled_answer_response_or_reply_answer_that_question(label: str) -> None:
    e = extract(
        "FOI 456/24\n\n"
        "Request:\n"
        "Please provide the following information:\n"
        "1. How many officers were assaulted on duty in 2023?\n"
        "2. How many of those assaults resulted in a charge?\n\n"
        "Response:\n"
        f"{label.format(n=1)}412 officers were assaulted on duty in 2023.\n"
        f"{label.format(n=2)}This information is not held by the force.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "not_held"]
    assert e.questions[1].answer.endswith("This information is not held by the force.")


@pytest.mark.parametrize(
    ("ask", "answer"), [("Q. ", "A. "), ("Q: ", "A: "), ("Question: ", "Answer: ")]
)
def test_questions_and_answers_marked_but_not_numbered_are_read_in_pairs(ask, answer) -> None:
    e = extract(
        "FOI 456/24\n\n"
        f"{ask}How many officers were assaulted on duty in 2023?\n"
        f"{answer}412\n\n"
        f"{ask}How many of those assaults resulted in a charge?\n"
        f"{answer}This information is not held.\n"
    )

    assert [q.text for q in e.questions] == [
        "How many officers were assaulted on duty in 2023?",
        "How many of those assaults resulted in a charge?",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed", "not_held"]


def test_marked_questions_without_an_answer_each_are_not_read_as_pairs() -> None:
    e = extract(
        "FOI 456/24\n\n"
        "Q. How many officers were assaulted on duty in 2023?\n"
        "Q. How many of those assaults resulted in a charge?\n"
        "A. 412 officers were assaulted, and 150 assaults led to a charge.\n"
    )

    assert "Questions and answers are interleaved; each answer follows its question." not in (
        e.notes
    )


def test_answers_headed_by_capital_letters_alone_answer_the_lettered_questions() -> None:
    """The Government of Jersey's log: "Request" / "A" / question / ... / "Response" / "A" /
    answer; an answer listing "Complaints are categorised into the following types:" is an
    answer, not the heading of the complaints procedure."""
    e = extract(
        "Number of complaints against the police (FOI)\n\n"
        "Request\n\nA\n\nHow many complaints have there been in the past three years?\n\n"
        "B\n\nWhat were the nature of the complaints?\n\nC\n\nWhat action was taken?\n\n"
        "Response\n\nA\n\nYearNumber of complaints\n202264\n2023*18\n\n"
        "B\n\nComplaints are categorised into the following types:\n\n"
        "\u2022 Performance of duties\n\n\u2022 General conduct\n\n"
        "C\n\nTo provide a breakdown of the results of each case has been estimated to take "
        "longer than 14 hours.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "cost_limit_s12"]
    assert [q.found for q in e.questions] == ["own answer"] * 3


def test_items_listed_under_a_line_asking_for_them_each_answered_beneath() -> None:
    e = extract(
        "Freedom of Information (FOI) Act request ref: 01/FOI/24/007183/S\n"
        "I am seeking some information on the Underwater Search Team.\n"
        "Could you provide the following information for the financial years 2023-2024:\n"
        "- Number of deployments within the force area\n"
        "01/04/23 to 31/03/24 10 dive deployments\n"
        "- Number and locations of mutual aid deployments\n"
        "One mutual aid deployment to South Wales and one to East Sussex.\n"
        "- Funding received to aid training and development of team\n"
        "Total training and development cost £41,127.97.\n"
        "The force can neither confirm nor deny that any further information is held by virtue "
        "of Section 23(5) of the FOI Act.\n"
    )

    assert [q.text for q in e.questions] == [
        "Number of deployments within the force area",
        "Number and locations of mutual aid deployments",
        "Funding received to aid training and development of team",
    ]
    assert [q.found for q in e.questions] == ["own answer"] * 3


def test_numbered_answers_after_a_slash_answer_their_questions() -> None:
    e = extract(
        "Information requested:\n"
        "Q1 / Please supply a copy of the latest workforce strategy\n"
        "Q2 / Please supply a copy of the 2015/16 annual operating plan\n"
        "Response:\n"
        "A1 / Following a search of our records the information you requested is not held.\n"
        "A2 / This document is intended for publication at a future date, so section 22 "
        "applies.\n"
    )

    assert [q.outcome for q in e.questions] == ["not_held", "future_publication_s22"]


def test_a_response_letter_cut_short_before_it_answers_keeps_its_questions() -> None:
    page = (
        "Dear Mr. Gadd,\n"
        "Freedom of Information Request 19/11/1609\n"
        "I write in response to your two requests for information under the Freedom of "
        "Information Act 2000 received on 4 November 2019.\n"
        "Request 1\n"
        "1/Could you please provide any correspondence between Kent Police and the county "
        "council regarding road closures.\n"
        "2/Could you please provide any correspondence between Kent Police and the borough "
        "council regarding road closures.\n"
        "Request 2\n"
        "Could you please provide any emails between Kent Police and the borough council "
        "regarding the meeting on Boxing Day in"
    )

    e = extract(page)

    assert len(e.questions) == 3
    assert all(q.outcome is None for q in e.questions)
    # Complete, it would be a request with nothing answering it.
    with pytest.raises(NoResponse):
        extract(page, complete=True)


def test_regression_guards_for_answer_labels_and_lists() -> None:
    # "A2/M2 slip road 9" inside answer 1 is a road, not the label of answer 2.
    e = extract(
        "Request\n1. How many collisions were recorded at the junction in 2023?\n"
        "2. How many of those involved a lorry?\n3. How many speed cameras are on the road?\n"
        "Response\n1. The junction recorded 14 collisions in 2023:\nA2/M2 slip road 9\n"
        "2. None of them involved a lorry.\n3. There are 3 speed cameras on the road.\n"
    )
    assert "A2/M2 slip road 9" in e.questions[0].answer
    assert e.questions[2].found == "own answer"

    # Lines going on from the requester's bullets are not answers to them.
    e = extract(
        "Could you provide the following information:\n"
        "- Number of officers dismissed since 2019\n"
        "broken down by year, by rank and by the reason recorded\n"
        "- Number of officers suspended since 2019\nbroken down by year and by rank\n"
        "The information is not held by the force.\n"
    )
    assert [q.outcome for q in e.questions] == ["not_held", "not_held"]


@pytest.mark.parametrize("complete", [None, False])
def test_an_answer_on_a_page_cut_short_is_still_read(complete: bool | None) -> None:
    e = extract(
        "Dear Mr Smith,\nI write in response to your request for information.\nYou asked:\n"
        "How many speed cameras does the force operate?\n\n"
        "Kent Police operates 42 speed cameras across the county. The figures for",
        complete=complete,
    )
    assert [q.outcome for q in e.questions] == ["disclosed"]


def test_harm_said_not_to_follow_is_no_harm_test() -> None:
    e = extract(
        "Request\n1. The contract value.\nResponse\nThe contract value is £12,000. Release of "
        "this information would not adversely affect our commercial interests, so it is "
        "provided in full.\n"
    )
    assert not e.harm_test_present


def test_questions_set_out_again_then_answered_together_share_the_answer() -> None:
    e = extract(
        "Request\n(1) Supply copies of all documents relating to the disposal of the sites.\n"
        "(2) Please provide copies of any feasibility studies conducted.\n"
        "Response\n"
        "1. Supply copies of all documents relating to the disposal of the sites.\n"
        "2. Please provide copies of any feasibility studies conducted.\n"
        "I can confirm that the Trust holds information in relation to both questions above, "
        "however Section 22 of the Act (Information Intended for Future Publication) applies.\n"
    )

    assert [q.outcome for q in e.questions] == ["future_publication_s22"] * 2
    assert e.questions[0].found == "answered with question 2"


def test_a_decision_given_above_the_questions_answers_each_of_them() -> None:
    """The PSNI's log: the decision, then "Question 1" / its words ... "Answer" / the refusal
    notice's first words."""
    e = extract(
        "Request Number: FOI/16158\nSubject: Overtime\nRequest and Answer:\n"
        "Your request for information below has now been considered. We can confirm that the "
        "force does hold the information you have requested however it is estimated that the "
        "cost of complying with your request would exceed the appropriate costs limit under "
        "Section 12(1) of the Act.\n\n"
        "Question 1\nTotal number of rostered overtime hours for the rank of Sgt\n\n"
        "Question 2\nTotal number of claimed (paid) hours at Sgt rank\n\n"
        "Answer\nSection 17(5) of the Act requires the force, when refusing to provide such "
        "information, to"
    )

    assert [q.outcome for q in e.questions] == ["cost_limit_s12", "cost_limit_s12"]


def test_answers_in_an_annex_are_an_attachment() -> None:
    e = extract(
        "Request\n1. How many vehicles does the force own?\n2. How many were stolen?\n"
        "Response\nA search for information has now been completed and I can confirm that some "
        "information in scope of your request is held. Please see Annex A.\n"
    )

    assert e.has_attachment
    assert [q.outcome for q in e.questions] == ["partially_disclosed"] * 2


def test_a_request_for_clarification_before_the_questions_holds_every_answer() -> None:
    e = extract(
        "Dear Council,\nFor the year 2017 please supply me with -\n"
        "a) The number of investigations carried out into possible out of control dogs.\n"
        "b) The number of warnings issued for out of control dogs.\n"
        "Yours faithfully,\nMr Tennant\n"
        "Dear Mr Tennant,\nThank you for your request for information.\n"
        "We would like to ask you to clarify your request so that we can identify and locate the "
        "information which you have requested.\n"
        "a) The number of investigations carried out into possible out of control dogs.\n"
        "b) The number of warnings issued for out of control dogs.\n"
        "We would be grateful if you could confirm whether the attached response to a separate "
        "request provides the information you are looking for.\n"
    )

    assert [q.outcome for q in e.questions] == ["clarification_needed"] * 2


def test_questions_answered_on_their_own_lines_after_a_full_stop() -> None:
    e = extract(
        "I am writing to you in reply to your Freedom of Information Act request. I have the "
        "following information.\n\n"
        "1. To date how many schools have gone over their admission number this year. There are "
        "36 schools.\n\n"
        "2. How many have accepted additional children through appeals. This information is not "
        "held by the council.\n\n"
        "3. What are the names of the schools who have done the above? N/A\n\n"
        "4. How many schools were over their admission number last year? This information is not "
        "held by the council.\n"
    )

    assert len(e.questions) == 4
    assert [q.outcome for q in e.questions][:2] == ["disclosed", "not_held"]
    assert e.questions[0].text == (
        "To date how many schools have gone over their admission number this year."
    )


def test_a_question_the_response_can_answer_is_not_singled_out_as_refused() -> None:
    e = extract(
        "Request Details:\n"
        "1. How much money has your force paid in overtime for police officers?\n"
        "2. On how many occasions have officers reported working more than 80 hours a week?\n"
        "Exemptions Applied:\nSection 12 – Exemption where cost of compliance exceeds "
        "appropriate limit\n"
        "SYP Response:\n"
        "The following exemption applies: Section 12 – Exemption where cost of compliance "
        "exceeds appropriate limit.\n"
        "Although they can supply the information for Q1, they do not hold the information for "
        "the remainder of the request.\n"
    )

    assert [q.outcome for q in e.questions] == ["cost_limit_s12", "cost_limit_s12"]


def test_regression_guards_for_the_second_batch_of_rules() -> None:
    # A clarification offered for any answer holds none of them.
    e = extract(
        "Request\n1. How many fixed penalty notices were issued in 2022?\n"
        "2. How much income was raised?\n"
        "Response\nPlease find our answers below. If you require further clarification of any "
        "answer, please contact the FOI team.\n"
        "1. 1,245 fixed penalty notices were issued in 2022.\n2. The income raised was £98,400.\n"
    )
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]

    # An answer in the question's words, not beginning as the question does, is an answer.
    e = extract(
        "Request\n1. Please confirm whether the council holds a contract with Capita for revenue "
        "collection.\n2. What is the value of the contract?\n"
        "Response\n1. The council holds a contract with Capita for revenue collection.\n"
        "2. The value is exempt under section 43(2) of the Act.\n"
    )
    assert [q.outcome for q in e.questions] == ["disclosed", "exempt"]

    # A reference in the heading outranks a code on a line of its own.
    e = extract(
        "FOI request - Vehicle registrations (123/23)\nRequest\nHow many vehicles?\n"
        "Response\nHQ1234\nThere are 12 vehicles.\n"
    )
    assert e.reference == "123/23"


def test_a_requesters_own_sentence_after_an_inline_question_stays_with_it() -> None:
    e = extract(
        "I have the following information.\n\n"
        "1. How many pupils were excluded in 2022. I do not want any personal information to be "
        "disclosed. 145 pupils.\n\n"
        "2. How many were permanent? 12.\n\n3. How many were fixed term? 133.\n"
    )
    assert "I do not want any personal information" not in e.questions[0].answer


def test_background_with_commas_before_what_is_not_a_question() -> None:
    request = (
        "How many complaints did the council receive in 2023?\n\n"
        "I understand that, in previous years, what the council recorded was only the total "
        "number of complaints."
    )
    assert len(propose_questions(request)) == 1


def test_lettered_items_under_bullets_and_refusals_naming_their_letters() -> None:
    e = extract(
        "FOI Request\nI would like to know the following information\n"
        "- (a) How much will it cost your force to deliver the 1% pay rise?\n"
        "- (b) How does the force intend on funding this pay increase?\n"
        "- (c) Do you foresee having to make savings elsewhere?\n"
        "Please provide the information in an email back to this address.\n"
        "FOI Response\n"
        "In respect of questions (a) and (b) I am refusing your request under s21 of the FOI Act, "
        "as the information is reasonably accessible to you by other means.\n"
        "For question (c) there is no recorded information held.\n"
    )

    assert [q.text for q in e.questions] == [
        "How much will it cost your force to deliver the 1% pay rise?",
        "How does the force intend on funding this pay increase?",
        "Do you foresee having to make savings elsewhere?",
    ]
    assert [q.outcome for q in e.questions] == [
        "reasonably_accessible_s21",
        "reasonably_accessible_s21",
        "not_held",
    ]


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("FREEDOM OF INFORMATION REQUEST 21/04/2217", "21/04/2217"),
        ("2019/118 – Road traffic collisions – Fatal collisions", "2019/118"),
        ("Reference number allocated to this request:\n202021-117", "202021-117"),
        (
            "Please send the file for my crime reference 99812345.\n"
            "Freedom of Information Request Reference No: 202104411",
            "202104411",
        ),
    ],
)
def test_references_of_requests_not_of_other_records(head: str, reference: str) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


def test_a_financial_year_heading_a_page_is_not_its_reference() -> None:
    e = extract(
        "2019/20 – Annual figures\nRequest\nHow many fires were there?\n"
        "Response\nThere were 12 fires.\n"
    )

    assert e.reference is None


CUT_AFTER_THE_DUTIES = (
    "REQUEST\n1) For the year 2023, how many drones did the force own for use in searches? "
    "2) For the year 2023, how much did the force spend on buying and repairing its drones? "
    "3) How many officers are trained to fly them?\n"
    "RESPONSE\nSection 1 of the Freedom of Information Act 2000 (FOIA) places two duties on "
    "public authorities. Unless exemptions apply, the first duty at Sec1(1)(a) is to confirm or "
    "deny whether the information spe"
)


def test_a_response_cut_short_in_the_acts_duties_keeps_its_questions() -> None:
    e = extract(CUT_AFTER_THE_DUTIES, complete=False)

    assert [q.text for q in e.questions] == [
        "For the year 2023, how many drones did the force own for use in searches?",
        "For the year 2023, how much did the force spend on buying and repairing its drones?",
        "How many officers are trained to fly them?",
    ]
    assert [q.outcome for q in e.questions] == [None, None, None]


def test_a_whole_page_whose_response_is_only_the_acts_duties_has_no_response() -> None:
    with pytest.raises(NoResponse):
        extract(CUT_AFTER_THE_DUTIES.rsplit(" Unless", 1)[0], complete=True)


def test_an_acknowledgement_saying_how_it_will_be_dealt_with_heads_no_request() -> None:
    e = extract(
        "Dear Fire Service,\n\nHow many appliances were off the run in 2023?\n\n"
        "Yours faithfully\n\nSam\n\n"
        "Dear Sir/Madam,\n\nYour enquiry has been received and will be dealt with as follows:\n\n"
        "Freedom of Information requests:\n\nWe will respond to your request within 20 working "
        "days.\n\nOther enquiries:\n\nPlease send them to one of the following addresses:\n\n"
        "· Headquarters – [1][email address]\n\n· Training centre – [2][email address]\n",
        complete=False,
    )

    assert [q.text for q in e.questions] == ["How many appliances were off the run in 2023?"]
    assert [q.outcome for q in e.questions] == [None]


def test_a_request_told_back_by_the_response_is_its_question() -> None:
    e = extract(
        "Date 3 March 2011\nFreedom of Information Act 2000\n"
        "Thank you for your recent Freedom of Information request regarding the number of\n"
        "gritters in service each day in January 2011, which we received on 4 February.\n"
        "I am unable to disclose this information under section 36(2)(c) of the Act.\n"
    )

    assert [q.text for q in e.questions] == [
        "the number of gritters in service each day in January 2011"
    ]
    assert [q.outcome for q in e.questions] == ["exempt"]
    # The requester's own words are not on the page: staff check the reading first.
    assert NOTE_TOLD_BACK in reading_doubts(e)


def test_an_offence_named_in_a_table_is_no_harm_test() -> None:
    e = extract(
        "Request\nHow many offences were resolved by restorative resolution in 2023?\n"
        "Response\nThe figures are below.\n\nOffence\n"
        "(8F) Inflicting grievous bodily harm\n12\nSelf-harm referrals\n4\n"
    )

    assert not e.harm_test_present
    assert e.reasoning.harm == ()


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("Freedom of Information: 004417/21 – Knife crime in schools", "004417/21"),
        ("Freedom of Information: Right to know request 2203-14", "2203-14"),
    ],
)
def test_a_letters_freedom_of_information_heading_carries_its_reference(
    head: str, reference: str
) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


def test_a_public_interest_test_document_under_the_request() -> None:
    e = extract(
        "Enquiry Reference FOI2011/212\nRequest for information\n"
        "The correspondence you sent to the festival organisers about the road closures.\n"
        "The Freedom of Information Act is designed to give a general access to information to "
        "the public. However, the Act makes provision for withholding some information.\n"
        "In the case of your request two qualified exemptions apply and therefore a public "
        "interest test has been completed.\n"
        "Harm Test\nThe release of this information may prejudice working relationships.\n"
    )

    assert [q.text for q in e.questions] == [
        "The correspondence you sent to the festival organisers about the road closures."
    ]
    assert e.reference == "FOI2011/212"
    assert e.harm_test_present and e.public_interest_test_present


def test_a_previous_requests_reference_is_not_this_ones() -> None:
    e = extract(
        "Dear Ms Patel\nFOI19-0412\nThank you for your request of 2 May.\n"
        "Further to our response to your previous FOI request, reference FOI19-0388, you have "
        "requested the following information:\n"
        "Request\nHow many fires were there?\nResponse\nThere were 12 fires.\n"
    )

    assert e.reference == "FOI19-0412"


def test_a_letter_setting_each_question_above_its_answer_cut_short() -> None:
    e = extract(
        "Dear Sir/Madam\n\nFreedom of Information Request Reference No. 20230455001\n"
        "I refer to your request of 4 May 2023.\n"
        "The information which I can provide is as follows:\n\n"
        "1. Which department issues fines for fly-tipping?\n\nEnvironmental Services.\n"
        "2. Do you use a private company to issue them? No\n"
        "3. How many fines did you issue in 2022? 41\n"
        "4. How many of those fines were paid? 29\n"
        "5. Do you use a private company to iss",
        complete=False,
    )

    assert [q.text for q in e.questions][:4] == [
        "Which department issues fines for fly-tipping?",
        "Do you use a private company to issue them?",
        "How many fines did you issue in 2022?",
        "How many of those fines were paid?",
    ]
    assert [q.outcome for q in e.questions] == [
        "disclosed",
        "disclosed",
        "disclosed",
        "disclosed",
        None,
    ]


def test_a_letter_cut_short_in_the_request_it_quotes_keeps_every_question() -> None:
    e = extract(
        "Our Reference: 204411 Date: 3 March 2021\n\nDear Mr Lee\n\n"
        "Thank you for your email of 12 February 2021, in which you asked for the following "
        "information:\n\n"
        "1. Please provide a copy of any guidance on the anonymisation of judgments.\n\n"
        "2. Please confirm whether any statistics are kept of anonymisation errors.\n\n"
        "3. Please confirm what processes are in place for notifying the peo",
        complete=False,
    )

    assert len(e.questions) == 3
    assert [q.outcome for q in e.questions] == [None, None, None]


def test_a_letter_telling_the_request_back_from_its_salutation() -> None:
    e = extract(
        "Dear Ms Owen,\nRe: Freedom of Information request – 80114\n"
        "Thank you for your emails of 3 March, in which you ask for information regarding\n"
        "removal flights chartered in 2022. Your request has been handled under the FOIA.\n"
        "Under section 12(2) of the FOIA, the department is not obliged to comply where the cost "
        "of identifying whether any information is held would exceed the appropriate limit.\n",
        complete=False,
    )

    assert [q.text for q in e.questions] == ["removal flights chartered in 2022"]
    assert [q.outcome for q in e.questions] == ["cost_limit_s12"]
    assert e.reference == "80114"


def test_a_request_address_is_not_a_reference() -> None:
    e = extract(
        "request-914235-6509e65f\nRequest\nHow many fires were there?\n"
        "Response\nThere were 12 fires.\n"
    )

    assert e.reference is None


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        # The word before "Reference" on the line above names no record.
        ("Flexible Working Policy\nReference: FOI-2023-0412", "FOI-2023-0412"),
        ("Tree Preservation Order\nOur ref: 4512/FOI", "4512/FOI"),
        # A date or a month heading a request is not its reference.
        ("FREEDOM OF INFORMATION REQUEST 14/03/2023", None),
        ("Freedom of Information: 12/03/2021 - potholes", None),
        ("12/2021 – Parking income", None),
    ],
)
def test_references_beside_record_names_and_dates(head: str, reference: str | None) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


@pytest.mark.parametrize("heading", ["Harms", "Harms identified", "Harmful effects of disclosure"])
def test_harm_headings_in_their_other_forms(heading: str) -> None:
    e = extract(
        "Request\nPlease provide the report.\nResponse\nThe report is exempt under section "
        f"31(1)(a).\n{heading}\nDisclosure would help offenders evade detection.\n"
    )

    assert e.harm_test_present
    assert e.reasoning.harm == ("Disclosure would help offenders evade detection.",)


def test_an_empty_response_heading_is_still_no_response() -> None:
    with pytest.raises(NoResponse):
        extract(
            "FOI 2023/114 Gritting routes\nRequest\nPlease provide a map of the gritting routes.\n"
            "Response\n"
        )


@pytest.mark.parametrize(
    ("opening", "question"),
    [
        (
            "Thank you for your recent Freedom of Information request regarding the council's "
            "spend of £2.5 million on management consultants in 2022/23.",
            "the council's spend of £2.5 million on management consultants in 2022/23",
        ),
        (
            "Thank you for your request regarding parking enforcement outside St. Mary's school "
            "in 2022, that we received on 3 April 2023.",
            "parking enforcement outside St. Mary's school in 2022",
        ),
    ],
)
def test_a_request_told_back_runs_to_the_end_of_its_sentence(opening: str, question: str) -> None:
    e = extract(f"Date 3 May 2023\n{opening}\nI am unable to disclose this under section 43(2).\n")

    assert [q.text for q in e.questions] == [question]


def test_an_internal_review_letter_does_not_tell_back_the_request() -> None:
    e = extract(
        "Date 3 May 2023\nThank you for your email regarding the way your earlier request "
        "FOI-2023-550 was handled.\nI have reviewed the decision and uphold it under section "
        "43(2).\n"
    )

    assert not any("the way your earlier request" in q.text for q in e.questions)


def test_a_request_quoted_whole_ends_where_the_authority_speaks() -> None:
    e = extract(
        "Our ref: FOI22/23-104\n\nThank you for your email of 3 May in which you requested the "
        "following:\n\n“Could you confirm the date on which Acme Energy Ltd submitted an HR1 "
        "form.”\n\nYour request has been dealt with under the Freedom of Information Act 2000.\n\n"
        "I can neither confirm nor deny whether the agency holds the information that you have "
        "requested, under sections 31(3) and 43(3) of FOIA.\n\nSection 31 - Law enforcement\n\n"
        "Confirming or denying would be likely to prejudice the prevention of crime.\n"
    )

    assert len(e.questions) == 1
    assert e.questions[0].outcome == "ncnd"
    assert e.ncnd


def test_a_date_after_your_ref_is_not_the_reference() -> None:
    e = extract(
        "Your Ref: 14 March 2013 Our ref: RQST4411820\nRequest\nHow many fires were there?\n"
        "Response\nThere were 12 fires.\n"
    )

    assert e.reference == "RQST4411820"


def test_a_broadcasters_journalism_derogation() -> None:
    e = extract(
        "Dear Dr Shah,\nFreedom of Information request – RFI20190456 Thank you for your request "
        "of 3 May 2019 seeking the following information:\n"
        "“How many programmes about bee-keeping were broadcast last year?”\n"
        "The information you have requested is excluded from the Act because it is held for the "
        "purposes of ‘journalism, art or literature.’ For more information please see the "
        "enclosure which follows this letter.\n"
    )

    assert e.reference == "RFI20190456"
    assert [q.outcome for q in e.questions] == ["other"]
    assert e.has_attachment


def test_an_answer_label_run_into_the_questions_last_word() -> None:
    e = extract(
        "Information requested:\n"
        "Q1 / Please supply a copy of the latest fleet strategyA1 / The council does not have a "
        "fleet strategy, so the information you requested is not held.\n"
        "Q2 / Please supply a copy of the 2023/24 business plan\n"
        "A2 / The business plan is attached.\n"
    )

    assert e.questions[0].text == "Please supply a copy of the latest fleet strategy"
    assert [q.outcome for q in e.questions] == ["not_held", "disclosed"]


def test_an_introduction_wrapped_over_lines_still_introduces_the_request() -> None:
    e = extract(
        "Dear Mr Jones\n"
        "Thank you for your email of 31 August 2016 in which you asked for the following\n"
        "information from the Ministry of Justice (MoJ):\n"
        "Could you please disclose a full list of items confiscated from visitors at the\n"
        "following prisons since September 2015.\n"
        "Your request has been handled under the Freedom of Information Act 2000.\n"
        "I can confirm that the department holds the information. A list is attached.\n"
    )

    assert e.request_text.startswith("Could you please disclose")


@pytest.mark.parametrize(
    "page",
    [
        # The requester's own letter opens "Thank you for your letter ... regarding ...", then
        # asks for numbered items.
        "Request:\nDear Council,\nThank you for your letter of 12 May regarding the closure of "
        "the Mill Road pool. Under the Act please provide the following.\n"
        "1. Copies of all consultation responses.\n2. The total cost of the consultation.\n"
        "Yours faithfully,\nJ. Brown\nResponse:\n1. They are attached.\n2. It cost £3,450.\n",
        # "We can provide the information you requested, which was as follows:" introduces it.
        "Our ref: FOI 7120\nDear Mr Hale,\nThank you for your request regarding fixed penalty "
        "notices. I am pleased to say that we can provide the information you requested, which "
        "was as follows:\n- The number of notices for littering issued in 2013.\n"
        "- The number of notices for dog fouling issued in 2013.\nResponse\n"
        "In 2013 the council issued 412 notices for littering and 57 for dog fouling.\n",
    ],
)
def test_a_request_quoted_after_thanks_is_not_told_back(page: str) -> None:
    e = extract(page)

    assert len(e.questions) == 2
    assert e.questions[1].text.startswith("The ")
    assert "regarding" not in e.questions[0].text


def test_a_request_quoted_in_several_paragraphs_keeps_each() -> None:
    e = extract(
        "Request\n“How many pupils were permanently excluded from the borough's schools in "
        "2012/13?”\n“Our parents' group has seen a rise in exclusions.”\n"
        "“Please also tell me how many were excluded for a fixed period in the same year.”\n"
        "Response\nIn 2012/13, 14 pupils were permanently excluded and 310 for a fixed period.\n"
    )

    assert len(e.questions) == 2


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("Our Ref: CS/2231\nMarch 2014", "CS/2231"),
        ("Reference: FOI 1123\nMay I first apologise for the delay.", "FOI 1123"),
        ("Reference: 3/2013", "3/2013"),
        ("Re: Freedom of Information request – June 2014", None),
        ("Re: Freedom of Information request - 2014", None),
        ("Re: FOI request - EU2016 referendum count costs", None),
    ],
)
def test_references_beside_months_years_and_subjects(head: str, reference: str | None) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


def test_an_animals_enclosure_is_no_attachment() -> None:
    e = extract(
        "Request\nHow many animals escaped from the zoo in 2013?\nResponse\nTwo wallabies "
        "escaped from the enclosure in 2013. The fencing of the enclosure was replaced.\n"
    )

    assert not e.has_attachment


def test_a_logs_fields_set_out_as_a_table() -> None:
    e = extract(
        "| Reference | FOI 2024/0917 |\n|---|---|\n| Description | Agency nurse spend |\n"
        "| Date Requested | 02/04/2024 |\n"
        "Request\nHow much did the board spend on agency nurses in 2023?\n"
        "Response\nThe board spent £1.2 million.\n"
    )

    assert e.reference == "FOI 2024/0917"
    assert [q.outcome for q in e.questions] == ["disclosed"]


def test_a_table_of_figures_in_an_answer_keeps_its_rows() -> None:
    e = extract(
        "FOI 2024/0877\nRequest\n1. How many complaints about missed bins did the council receive "
        "in each quarter of 2023?\n2. How many of these complaints were upheld?\n"
        "3. Please provide copies of the complaint letters.\nResponse\n"
        "1. The complaints by quarter:\n| Quarter | Complaints |\n|---|---|\n| Q1 | 45 |\n"
        "| Q2 | 51 |\n| Q3 | 38 |\n| Q4 | 60 |\n"
        "2. This information is not held.\n"
        "3. The letters are exempt under section 40(2).\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "exempt"]


def test_a_wrapped_sentence_in_the_answer_introduces_no_request() -> None:
    e = extract(
        "Road traffic collisions on the A38\n"
        "How many road traffic collisions were recorded on the A38 between Junctions 4 and 5 in "
        "each year since 2021?\nResponse\n"
        "After a search of our records, the following figures cover the stretch of road you\n"
        "asked about, for each year:\n2021 - 14\n2022 - 11\n2023 - 17\n"
    )

    assert e.questions[0].text.startswith("How many road traffic collisions")
    assert [q.outcome for q in e.questions] == ["disclosed"]


def test_quarter_labels_on_a_q_and_a_page_are_figures() -> None:
    e = extract(
        "FOI 2024/0640\nQ. How many missed bin collections were reported in 2023-24?\n"
        "A. 4,210 missed collections were reported. By quarter:\n"
        "Q1 / 2023-24: 1,020\nQ2 / 2023-24: 998\n"
        "Q. How many of the missed collections were the contractor's fault?\n"
        "A. This information is not held.\n"
        "Q. Please provide the contractor's performance reports.\n"
        "A. The reports are withheld under section 43(2).\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "exempt"]


def test_an_old_logs_four_figure_reference_is_not_a_year() -> None:
    e = extract(
        "• Reference Number: 2052\n• Date released: 01 September 2009\nRequest\n"
        "How many cannabis factories were found?\nResponse\nThere were 41.\n"
    )

    assert e.reference == "2052"


def test_questions_marked_q1_q1a_each_above_its_answer() -> None:
    """The Met's Single Online Home layout: the request's own box is empty, the questions are
    marked "Q1 -", "Q1a -", ... above their answers, and a marked line with no answer of its own
    heads the parts under it."""
    e = extract(
        "Freedom of information request reference no: 01.FOI.24.051234\n"
        "I note you seek access to the following information:\n"
        "I have today decided to disclose the located information to you in full.\n"
        "Q1 - Does the force publish its custody inspection reports?\n"
        "Yes, on the force website under Custody.\n"
        "Q1a - How often are they reviewed?\n"
        "Every twelve months.\n"
        "Q2 - Regarding custody detention officers.\n"
        "Q2a - How many are employed at 1 April 2024?\n"
        "There were 214 detention officers.\n"
        "Q2b - How many of them work part time?\n",
        complete=False,
    )

    assert [q.text for q in e.questions] == [
        "Does the force publish its custody inspection reports?",
        "How often are they reviewed?",
        "Regarding custody detention officers: How many are employed at 1 April 2024?",
        "Regarding custody detention officers: How many of them work part time?",
    ]
    assert e.questions[1].answer == "Every twelve months."
    # The last answer is past where the page stops; the opening decision covers it.
    assert [q.outcome for q in e.questions] == ["disclosed"] * 4
    assert e.questions[3].found == "the opening decision"


def test_marked_questions_listed_without_answers_are_the_request() -> None:
    e = extract(
        "Request\nQ1 - How many drones does the force own?\nQ2 - What did they cost?\n"
        "Response\nThe force owns 12 drones. They cost £84,000 in total.\n"
    )

    assert [q.text for q in e.questions] == [
        "How many drones does the force own?",
        "What did they cost?",
    ]
    assert [q.found for q in e.questions] == ["whole request", "whole request"]


def test_quarters_labelled_q1_q2_in_an_answer_are_figures_not_answers() -> None:
    e = extract(
        "Request\nHow many burglaries were recorded in 2023, by quarter?\nResponse\n"
        "The figures are:\nQ1 - April to June: 120\nThe quarter included Operation Bolt.\n"
        "Q2 - July to September: 98\nQ3 - October to December: 101\n"
    )

    assert [q.text for q in e.questions] == [
        "How many burglaries were recorded in 2023, by quarter?"
    ]
    assert [q.outcome for q in e.questions] == ["disclosed"]


def test_numbered_items_each_above_the_figures_that_answer_them() -> None:
    """A council's page with no headings: the request's items, each with its figures beneath
    it (one item's space after "1." lost), the last item a lead-in to lettered parts that are
    each answered in turn."""
    e = extract(
        "I would like information about fixed penalty notices for fly-tipping:\n"
        "1.The number of fixed penalty notices issued in each financial year\n"
        "2022/23 412\n2023/24 388\n"
        "2. The number of those notices that were paid\n"
        "2022/23 301\n2023/24 276\n"
        "3. For the same years, please provide:\n"
        "a) The total income from paid notices\n"
        "2022/23 £120,400\n2023/24 £110,400\n"
        "b) The number of notices withdrawn\n"
        "2022/23 14\n2023/24 Nil\n"
    )

    assert [q.text for q in e.questions] == [
        "The number of fixed penalty notices issued in each financial year",
        "The number of those notices that were paid",
        "For the same years, please provide: The total income from paid notices",
        "For the same years, please provide: The number of notices withdrawn",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed"] * 4
    assert e.questions[3].answer == "2022/23 14\n2023/24 Nil"


def test_numbered_items_with_only_the_years_wanted_beneath_are_a_request() -> None:
    with pytest.raises(NoResponse):
        extract(
            "I would like information about fixed penalty notices for fly-tipping:\n"
            "1. The number of fixed penalty notices issued in each financial year\n"
            "2022/23\n2023/24\n"
            "2. The number of those notices that were paid\n"
            "2022/23\n2023/24\n"
        )


def test_an_opening_decision_in_full_covers_questions_only_given_back_where_the_page_ends() -> None:
    e = extract(
        "Freedom of information request reference no: 01.FOI.24.040001\n"
        "I note you seek access to the following information:\n"
        "1) How many stolen bicycles were recovered in 2023\n"
        "2) How many of them were returned to their owners\n"
        "3) What happens to bicycles that are not claimed\n"
        "I have today decided to disclose the located information to you in full.\n"
        "Please find below information pursuant to your request above.\n"
        "Q1 - How many stolen bicycles were recovered in 2023\n"
        "Q2 - How many of them were returned to their owners\n",
        complete=False,
    )

    assert len(e.questions) == 3
    assert [q.outcome for q in e.questions] == ["disclosed"] * 3
    assert {q.found for q in e.questions} == {"the opening decision"}


def test_questions_given_back_each_numbered_one_in_the_response() -> None:
    """A trust's log whose markup numbers every question it gives back "1.": each is found by
    its words, and the answer beneath it is its own."""
    e = extract(
        "Reference: 24-30112\nDetails of enquiry\n"
        "1. How many car parking permits did the Trust issue to staff in 2023?\n"
        "2. How much did the Trust charge for an annual staff permit in 2023?\n"
        "3. Does the Trust hold a list of staff who were refused a permit?\n"
        "Response sent\n"
        "1. How many car parking permits did the Trust issue to staff in 2023?\n"
        "1,214 permits.\n"
        "1. How much did the Trust charge for an annual staff permit in 2023?\n"
        "£96 a year.\n"
        "1. Does the Trust hold a list of staff who were refused a permit?\n"
        "We do not hold this information.\n"
    )

    assert [q.answer for q in e.questions] == [
        "1,214 permits.",
        "£96 a year.",
        "We do not hold this information.",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "not_held"]


def test_the_requesters_reply_to_a_clarification_does_not_end_the_request() -> None:
    """ "Clarification received" / "Yes, for the whole force." is the requester answering,
    though it opens as an answer does: the requests after it are still the request."""
    e = extract(
        "Request: FOI/00020001\n"
        "Your request for information below has now been considered. The cost of complying "
        "with it would exceed the appropriate costs limit under Section 12(1) of the Act.\n"
        "I would like to request the following information:\n"
        "Request 1\nHow many speed cameras does the force operate?\n"
        "Request 2\nHow many of them were out of action in 2024?\n"
        "Clarification sought\nFor Request 2, do you mean fixed cameras only?\n"
        "Clarification received\nYes, fixed cameras only.\n"
        "Request 3\nWhat did their repairs cost in 2024?\n"
    )

    assert len(e.questions) == 3
    assert e.questions[2].text == "What did their repairs cost in 2024?"
    assert [q.outcome for q in e.questions] == ["cost_limit_s12"] * 3


def test_a_remark_on_how_to_set_out_the_answers_is_not_a_question() -> None:
    e = extract(
        "You asked:\n"
        "- How many patrol cars did the force operate on 31 March 2024?\n"
        "- How many of them were electric?\n"
        "Please provide your response as simple figures to answer each question, if possible.\n"
        "In Response:\n- 412\n- 37\n"
    )

    assert [q.text for q in e.questions] == [
        "How many patrol cars did the force operate on 31 March 2024?",
        "How many of them were electric?",
    ]
    assert [q.answer for q in e.questions] == ["412", "37"]


def test_the_answer_to_your_request_is_nil_answers_unheaded_questions() -> None:
    """A council's published page with no headings: the questions, then "The answer to your
    request is nil.", the authority answering the whole request with a nil return."""
    e = extract(
        "School Crossing Patrols\nRequest Date\nTuesday, March 5, 2024\n"
        "How many school crossing patrol posts did the council fund in 2023?\n"
        "How many of those posts were vacant at the end of 2023?\n"
        "The answer to your request is nil. The council has no crossing patrols.\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_a_fragment_where_the_page_stops_is_not_an_answer() -> None:
    e = extract(
        "You asked:\n"
        "1. How many drink-driving arrests were made in 2022?\n"
        "2. How many were made in 2023?\n"
        "In Response:\n"
        "The figures you have requested are published on our website and I will rely on "
        "Section 21 of the Act.\n"
        "In relation to questions 1 and 2 for th",
        complete=False,
    )

    assert [q.outcome for q in e.questions] == ["reasonably_accessible_s21"] * 2
    assert all(q.answer != "for th" for q in e.questions)


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        # A field's label on one line, its value on the next.
        ("FOI ID number\n07731\nRegarding\nFire hydrants", "07731"),
        # A breadcrumb's entry, the page's title after the number.
        ("- Disclosure Log\n- FOI Request 3184 - Fire hydrant inspections", "3184"),
    ],
)
def test_references_in_a_logs_fields_and_breadcrumbs(head: str, reference: str) -> None:
    e = extract(f"{head}\nRequest\nHow many fires were there?\nResponse\nThere were 12 fires.\n")

    assert e.reference == reference


def test_a_registers_reference_alone_on_its_line_under_a_later_letter() -> None:
    """A Welsh Government page prints its reply to a complaint first; the original reply,
    headed by the request's reference alone on its line, comes further down."""
    later = "".join(
        f"Paragraph {n} of the reply to the complaint about the data.\n" for n in range(30)
    )
    e = extract(
        f"Details\n28 July 2022\nDear requester,\n{later}Yours sincerely\n29 June 2022\nDear\n"
        "ATISN 17002\nThank you for your request, which asked: How many grants were paid in "
        "2021?\nOur response: 212 grants were paid in 2021.\n"
    )

    assert e.reference == "ATISN 17002"


def test_a_reference_of_numbers_and_capitals_is_not_an_item_that_lost_its_space() -> None:
    """Review: "01.FOI.24.041122" read as item 1 broke the items' run 1, 2, 3."""
    e = extract(
        "Freedom of Information Request Reference No:\n01.FOI.24.041122\n"
        "1. Spending on agency nursing staff in the financial year 2023-24\n£8,161,319.97\n"
        "2. The number of agency nursing shifts filled in the financial year 2023-24\n"
        "14,212 shifts\n"
        "3. The highest hourly rate paid to an agency nurse in 2023-24\n£112.50\n"
    )

    assert len(e.questions) == 3
    assert [q.outcome for q in e.questions] == ["disclosed"] * 3


def test_numbered_items_carried_on_in_lower_case_are_a_request_without_a_response() -> None:
    """Review: "for vehicles over 7.5 tonnes" carries on its item; it is no answer."""
    with pytest.raises(NoResponse):
        extract(
            "Please provide the following information:\n"
            "1. The number of weight restriction enforcement notices issued in 2023\n"
            "for vehicles over 7.5 tonnes\n"
            "2. The number of weight limit signs maintained by the council\n"
            "on roads with a 20mph limit\n"
        )


def test_lettered_years_under_a_question_answered_beneath_are_its_periods() -> None:
    """Review: a question's years, each with its figure, are one question's answer."""
    e = extract(
        "1. How many complaints about noise nuisance did the council receive in 2023?\n1,214\n"
        "2. How many noise abatement notices did the council serve in each of the following "
        "years:\na) 2021/22\n38\nb) 2022/23\n45\nc) 2023/24\n52\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_the_lead_in_to_lettered_parts_is_no_part_of_the_answer_above_it() -> None:
    """Review: "3. For the 50 largest incidents ..., please provide:" was left in question 2's
    answer, and its "50" read as figures given."""
    e = extract(
        "1. How many fly-tipping incidents did the council record in 2023?\n3,412\n"
        "2. How many fly-tipping incidents led to a prosecution in 2023?\n"
        "The council does not hold this information as prosecutions are not recorded against "
        "incidents.\n"
        "3. For the 50 largest incidents in 2023, please provide:\n"
        "a) The clearance cost of each incident\n£182,400 in total\n"
        "b) The ward in which each incident took place\nAttached as a spreadsheet.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "disclosed", "disclosed"]
    assert "50 largest" not in e.questions[1].answer


def test_a_request_listing_its_questions_q1_q2_is_not_read_as_answered_by_itself() -> None:
    """Review: the requester's "Please break this down by borough." under "Q1 -" is no answer,
    nor is the "Response:" heading under the last."""
    e = extract(
        "Request:\n"
        "Q1 - How many stop and searches were carried out under section 60 in 2023?\n"
        "Please break this down by borough and by month.\n"
        "Q2 - How many of those searches led to an arrest?\n"
        "Response:\n"
        "To locate and extract this information would exceed the appropriate costs limit of 18 "
        "hours. The MPS is therefore relying on section 12(1) of the Act.\n"
    )

    assert [q.outcome for q in e.questions] == ["cost_limit_s12", "cost_limit_s12"]


def test_a_marked_question_that_asks_goes_with_its_first_part() -> None:
    """Review: "Q1 - Does ...?" over "Q1a - If so, how many ...?" is one question, not a
    heading glued on with a colon."""
    e = extract(
        "Freedom of information request reference no: 01.FOI.24.036677\n"
        "I note you seek access to the following information:\n"
        "I have today decided to disclose the located information to you in full.\n"
        "Q1 - Does the force use facial recognition vans?\n"
        "Q1a - If so, how many vans does it own?\n"
        "The force owns 4 live facial recognition vans.\n"
        "Q2 - How many arrests followed a facial recognition alert in 2023?\n"
        "There were 167 arrests.\n"
    )

    assert [q.text for q in e.questions] == [
        "Does the force use facial recognition vans? If so, how many vans does it own?",
        "How many arrests followed a facial recognition alert in 2023?",
    ]


def test_marks_that_repeat_or_start_past_one_are_not_a_run_of_questions() -> None:
    from foidesk.intake.extraction import _marked_parts

    repeated = ["Q1 - How many vans are there?", "4", "Q1 - How many drones are there?", "62"]
    late = ["Q2 - How many vans are there?", "4", "Q3 - How many drones are there?", "62"]
    in_order = ["Q1 - How many vans are there?", "4", "Q2 - How many drones are there?", "62"]

    assert _marked_parts(repeated) == []
    assert _marked_parts(late) == []
    assert [words for _, words, _ in _marked_parts(in_order)] == [
        "How many vans are there?",
        "How many drones are there?",
    ]


def test_periods_under_a_question_of_their_own_are_not_made_context() -> None:
    """Review: "how many bicycles were reported stolen in each of these periods:" asks a
    question of its own; making its periods context for the bullets below dropped it."""
    e = extract(
        "Request\n"
        "Could you please tell me how many bicycles were reported stolen in Cambridge in each "
        "of these periods:\n"
        "(a) 1 April 2021 to 31 March 2022\n(b) 1 April 2022 to 31 March 2023\n"
        "(c) 1 April 2023 to 31 March 2024\n"
        "Could you also tell me:\n- how many of those bicycles were recovered\n"
        "- how many people were charged with bicycle theft\n"
        "Response\n1. (a) 2,104 (b) 1,987 (c) 2,250\n2. 312 bicycles were recovered.\n"
        "3. The Constabulary does not hold this information in a readily retrievable format and "
        "to extract it would exceed the cost limit under section 12.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "cost_limit_s12"]


@pytest.mark.parametrize(
    ("answers", "outcomes"),
    [
        # Review: a year after "Q1 -" begins an answer given by year ...
        (
            "Q1 - 2021: 412, 2022: 455, 2023: 498\n"
            "Q2 - 2021 to 2023: the force does not record whether an assault resulted in a "
            "charge, so this information is not held.\n",
            ["disclosed", "not_held"],
        ),
        # ... and "May I refer you" is no month.
        (
            "Q1 - 14 officers were dismissed in 2023.\n"
            "Q2 - May I refer you to the force's published misconduct outcomes, which are "
            "available at www.example.police.uk/misconduct. This information is exempt under "
            "section 21.\n",
            ["disclosed", "reasonably_accessible_s21"],
        ),
    ],
)
def test_answers_marked_q1_q2_that_open_with_a_year_or_may(answers: str, outcomes: list) -> None:
    e = extract(
        "Request\n1. How many assaults on officers were recorded in each of the last three years?\n"
        f"2. How many of those assaults resulted in a charge?\nResponse\n{answers}"
    )

    assert [q.outcome for q in e.questions] == outcomes


def test_three_answers_marked_q1_to_q3_the_first_two_by_year() -> None:
    e = extract(
        "Request\n1. How many assaults on police officers were recorded in each of the last "
        "three years?\n2. How many of those assaults resulted in a charge?\n"
        "3. How many officers took sick leave following an assault in 2023?\nResponse\n"
        "Q1 - 2021: 412, 2022: 455, 2023: 498\n"
        "Q2 - 2021 to 2023: the force does not record whether an assault on an officer "
        "resulted in a charge, so this information is not held.\nQ3 - 37 officers.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "not_held", "disclosed"]


def test_quarters_labelled_q1_with_a_year_are_figures_not_answers() -> None:
    e = extract(
        "Request\nHow many burglaries were recorded in 2023, by quarter?\nResponse\n"
        "The figures are:\nQ1 2023: 120\nThe quarter included Operation Bolt.\nQ2 2023: 98\n"
    )

    assert len(e.questions) == 1


def test_an_account_of_a_clarification_above_paired_answers_decides_nothing() -> None:
    """Review: the text above "Request 1" / "Answer 1" pairs was taken as an opening decision,
    and its account of a clarification made every answer a wait for clarification."""
    e = extract(
        "Thank you for your request, in which you asked for the following information:\n"
        "On 2 May 2024 we asked for clarification, asking you to clarify the request as to the "
        "period covered. You replied on 4 May 2024 that you wanted 2023.\n"
        "Request 1\nDoes the force use drones to police protests?\n"
        "Answer 1\nYes. Drones were used at some protests in 2023.\n"
        "Request 2\nDoes the force publish its drone deployment policy?\n"
        "Answer 2\nYes. The policy is attached to this response.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_an_opening_that_is_not_a_decision_in_full_answers_no_marked_question() -> None:
    """Review: on a complete page, the last "Q3 -" has no answer; "The MPS does not hold
    information about drone purchases before 2019." above the questions does not answer it."""
    e = extract(
        "Freedom of information request reference no: 01.FOI.24.036690\n"
        "I note you seek access to the following information:\n"
        "The MPS does not hold information about drone purchases before 2019.\n"
        "Q1 - How many drones does the MPS own?\nThe MPS owns 62 drones.\n"
        "Q2 - How much did the MPS spend on drones in 2023?\n£412,000.\n"
        "Q3 - Please provide a copy of the MPS drone training manual.\n",
        complete=True,
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", None]


@pytest.mark.parametrize(
    ("last", "outcome"), [("none held", "disclosed"), ("nil", "disclosed"), ("The Fo", None)]
)
def test_a_short_last_answer_where_a_page_is_cut_short(last: str, outcome: str | None) -> None:
    """Review: a whole answer in lower case is kept; a capitalised fragment is not an answer."""
    e = extract(
        "You asked:\n1. How many tasers does the force own?\n"
        "2. How many times was a taser fired at a child in 2023?\n"
        f"In Response:\n1. The force owns 1,140 tasers.\n2. {last}",
        complete=False,
    )

    assert [q.outcome for q in e.questions] == ["disclosed", outcome]


def test_a_request_with_no_headings_ends_where_a_nil_return_is_stated() -> None:
    # Nothing heads the request or the answer, and the answer speaks in no voice of its own
    # ("we", "the force holds"): it states a nil return.
    page = (
        "Freedom of Information request 2023-418\n"
        "Date: 3 May 2023\n"
        "Could you please tell me how many speed cameras have been installed on the A38 since "
        "2019?\n"
        "Could you please provide the cost of each camera installed?\n"
        "There have been no speed cameras installed on the A38 since 2019.\n"
    )
    e = extract(page)
    assert [q.text[:40] for q in e.questions] == [
        "Could you please tell me how many speed ",
        "Could you please provide the cost of eac",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_a_heading_naming_the_act_is_not_taken_for_the_request() -> None:
    # A letter that does not quote the request: its heading names the law, then the answer runs
    # on with nothing heading it.
    page = (
        "Our Ref: F88/2013 Date: 4th March 2013\n\n"
        "Dear Mr Example\n\n"
        "FREEDOM OF INFORMATION (SCOTLAND) ACT 2002\n\n"
        "Further to your email dated 1st February 2013, I can advise you as follows.\n\n"
        "The attached spreadsheet lists the marked vehicles used by the force.\n"
    )
    e = extract(page)
    assert e.questions == ()


def test_a_page_of_only_the_request_and_its_answer() -> None:
    # No heading, no reference, no turn to the authority's voice: the request, then the figures.
    page = (
        "Please could you tell me how many times in (a) 2019 and (b) 2020 the service attended "
        "chimney fires at thatched properties.\n\n"
        "(a) 2019 - 4\n\n"
        "(b) 2020 - 7\n"
    )
    e = extract(page)
    assert [q.text[:30] for q in e.questions] == ["Please could you tell me how m"]
    assert [q.outcome for q in e.questions] == ["disclosed"]
    assert e.response_text.startswith("(a) 2019 - 4")


def test_a_page_of_only_the_request_has_no_response() -> None:
    # The request's second paragraph asks nothing, but answers nothing either.
    page = (
        "Please provide copies of all contracts with Clearview AI since 2019.\n\n"
        "This should include any contract variations and purchase orders.\n\n"
        "Thank you.\n"
    )
    with pytest.raises(NoResponse):
        extract(page)


def test_initial_request_heads_the_request() -> None:
    page = (
        "Exampleshire Fire & Rescue Service\n\n"
        "Transparency Overview\n\n"
        "FOI / 5120 / 2021 - Hydrant inspections\n\n"
        "Thank you for your request under the Freedom of Information Act 2000. We can confirm "
        "that the Service does hold the information you have requested.\n\n"
        "Please see below the answer to your request.\n\n"
        "Initial request:\n\n"
        "I am writing to request the following information under the Freedom of Information "
        "Act:\n\n"
        "How many hydrants did the service inspect in 2020?\n\n"
        "How many were found defective?\n\n"
        "Final Response:\n\n"
        "The information is available on our website.\n"
    )
    e = extract(page)
    assert [q.text for q in e.questions] == [
        "How many hydrants did the service inspect in 2020?",
        "How many were found defective?",
    ]
    # "Final Response:" heads the response.
    assert "Final Response" not in e.request_text
    assert e.response_text.startswith("The information is available")


def test_a_letter_converted_to_text_with_hollow_bullets() -> None:
    # The introduction wraps onto a second line; the items keep the "o" a hollow bullet
    # becomes when a document is converted to text.
    page = (
        "Freedom of Information Request Reference No: FOI 000222/21\n"
        "I write in connection with your request for information received by the Constabulary "
        "on the 4th\n"
        "March 2021 in which you sought access to the following information:\n"
        "I am looking at vehicle crime and would like to request:\n"
        "o  2020 figures for catalytic converter thefts\n"
        "o  2020 figures for catalytic converter thefts solved\n"
        "Response to your Request\n"
        "The Constabulary holds the information. There were 212 thefts, 9 of them solved.\n"
    )
    e = extract(page)
    assert [q.text for q in e.questions] == [
        "2020 figures for catalytic converter thefts",
        "2020 figures for catalytic converter thefts solved",
    ]


def test_an_explanatory_annexe_is_reasoning_not_the_last_answer() -> None:
    page = (
        "Request\n"
        "1. How many laptops were lost in 2023?\n"
        "2. How many were found?\n"
        "Response\n"
        "1. How many laptops were lost in 2023?\n"
        "Four.\n"
        "2. How many were found?\n"
        "None.\n"
        "Explanatory annexe\n"
        "Exemptions applied\n"
        "Information about the makes of laptop is exempt under section 31(1)(a) of the Act.\n"
    )
    e = extract(page)
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed"]


def test_a_log_banner_under_the_title_is_not_where_the_request_ends() -> None:
    # The title names what was asked ("Number of ..."); the banner under it says how the
    # request ended; the request itself comes after the log's fields.
    page = (
        "FOI release\n\n"
        "Number of parking permits issued from 2019-2023\n\n"
        "Some or all of the information requested was not provided because we determined that "
        "the cost to do so would exceed the appropriate limit.\n\n"
        "Case reference FOI2024/00999\n\n"
        "Published 20 March 2024\n\n"
        "I am writing to you under the Freedom of Information Act 2000 to request the following "
        "information. Please may you provide me with:\n\n"
        "1. How many resident parking permits did you issue in each year from 2019 to 2023?\n\n"
        "2. How many were refused?\n\n"
        "3. How many were issued to busi"
    )
    # (The page stops before the response, as a log's excerpt may.)
    e = extract(page, complete=False)
    assert [q.text[:30] for q in e.questions] == [
        "How many resident parking perm",
        "How many were refused?",
        "How many were issued to busi",
    ]


def test_asking_to_refine_the_request_is_not_a_question() -> None:
    page = (
        "You asked for the following information:\n"
        "- Would it be possible to refine the request as you suggested please?\n"
        "- Could you please supply the number of drone sightings at each prison in 2023?\n"
        "Response\n"
        "There were 1,063 sightings. The list of prisons is exempt under section 31(1)(a).\n"
    )
    e = extract(page)
    assert [q.text[:30] for q in e.questions] == ["Could you please supply the nu"]
    assert "refine the request" in e.questions[0].context


def test_asking_for_the_answers_soon_is_not_a_question() -> None:
    e = extract(
        "I request the following information:\n"
        "1. Has your local authority been targeted by ransomware?\n"
        "2. Has your local authority taken preventative measures against ransomware?\n"
        "Please could you provide the responses to the questions as soon as possible?\n"
        "Response\n"
        "1. Yes.\n2. Yes.\n"
    )

    assert [q.text[:30] for q in e.questions] == [
        "Has your local authority been ",
        "Has your local authority taken",
    ]
    assert "as soon as possible" in e.questions[1].context


def test_unnumbered_questions_each_followed_by_its_answer() -> None:
    page = (
        "FOI reference 4321/24\n\n"
        "I saw a van belonging to the council parked on the verge outside the school.\n\n"
        "Please state how many parking tickets your officers issued to council vans in 2023.\n\n"
        "Northshire Police can confirm that 14 tickets were issued.\n\n"
        "Please state which streets the tickets were issued on.\n\n"
        "Northshire Police are unable to provide you with the information requested as this is "
        "exempt by virtue of Section 40(2) - Personal Information.\n\n"
        "Please see Appendix A for the full explanation.\n\n"
        "Please provide the guidance your officers follow when ticketing council vehicles.\n\n"
        "The guidance is readily available in the public domain. Northshire Police have "
        "published it on the force's website.\n\n"
        "Please can you state the cost of"
    )
    e = extract(page, complete=False)
    assert [q.text[:28] for q in e.questions] == [
        "Please state how many parkin",
        "Please state which streets t",
        "Please provide the guidance ",
        "Please can you state the cos",
    ]
    assert [q.outcome for q in e.questions] == [
        "disclosed",
        "exempt",
        "reasonably_accessible_s21",
        None,
    ]
    assert "van belonging" not in " ".join(q.text for q in e.questions)


def test_a_request_of_several_paragraphs_answered_below_is_not_interleaved() -> None:
    page = (
        "Please state how many parking tickets were issued to council vans in 2023.\n\n"
        "Please state which streets the tickets were issued on.\n\n"
        "Please provide the guidance officers follow when ticketing council vehicles.\n\n"
        "Northshire Police can confirm that 14 tickets were issued. The streets are exempt "
        "under section 40(2) and the guidance is attached.\n"
    )
    e = extract(page)
    assert "Questions and answers are interleaved; each answer follows its question." not in (
        e.notes
    )


def test_where_the_information_asked_for_is_published_as_follows_is_the_answer() -> None:
    page = (
        "Spend on branded merchandise\n\n"
        "Information provided:\n\n"
        "Can you please tell me the total spent on branded merchandise since 2012?\n\n"
        "Could you also tell me how many branded items have been bought each year?\n\n"
        "Extent and Result of Searches to Locate Information\n\n"
        "Searches were conducted within the Office.\n\n"
        "The information you have requested is published on the Office's website as follows:\n\n"
        "£310 was spent on a banner in November 2012. I have therefore decided to exempt "
        "providing you with a response under Section 21 Freedom of Information Act 2000.\n"
    )
    e = extract(page)
    assert [q.text[:30] for q in e.questions] == [
        "Can you please tell me the tot",
        "Could you also tell me how man",
    ]
    assert e.exemptions_cited == ("s21",)


def test_the_period_asked_of_the_questions_above_by_number_is_not_a_question() -> None:
    page = (
        "Request\n"
        "Under the Freedom of Information Act 2000 can you provide me with the following:\n"
        "1) The number of potholes reported to the council\n"
        "2) The number of potholes repaired\n"
        "3) Amount of money spent on pothole repairs (£)\n"
        "Can I have data from the last five financial years (or three if five exceeds the cost "
        "threshold) and from questions 1-3 can I have the data broken down year on year.\n"
        "Response\n"
        "The information requested in questions 1 to 3 is available on our website.\n"
    )
    e = extract(page)
    assert len(e.questions) == 3
    assert "broken down year on year" in e.questions[2].context


def test_yes_no_left_after_each_question_is_no_answer() -> None:
    page = (
        "FOI request (FOIR-573842)\n"
        "Climate Emergency Declaration\n"
        "Requested Wed 03 January 2024\n"
        # (The log's field runs into the request, as the page was copied.)
        "Responded Wed 07 February 2024I would like to request the following information:\n"
        "1. Do you have a full-time officer dedicated to the climate emergency? Yes/No\n"
        "2. Do you have a tree officer who advises on planning applications? Yes / No\n"
        "The Freedom of Information Act is based on recorded information held by a local "
        "authority, it is not a tool to ask questions. Your request is simply asking questions "
        "and therefore falls outside the remit of the Act.\n"
    )
    e = extract(page)
    assert [q.outcome for q in e.questions] == ["other", "other"]


def test_a_letters_closing_instructions_are_not_questions_between_answers() -> None:
    closing = (
        "Please remember to quote the reference number above in any future communications.\n\n"
        "If you are not satisfied with this response you may ask for an internal review. We "
        "must receive your request within 40 working days.\n\n"
        "Please write to the Information Governance Team, Town Hall, Northtown.\n\n"
        "If you remain dissatisfied, you can complain to the Information Commissioner, but we "
        "would ask you to contact us first.\n"
    )
    unheaded = (
        "Please provide the number of fixed penalty notices issued for littering in 2023.\n\n"
        "Please provide the number of prosecutions for littering in 2023.\n\n"
        "Please provide the total value of fines paid for littering in 2023.\n\n"
        "The council holds this information. 214 notices were issued, 12 people were "
        "prosecuted and £48,200 was paid.\n\n" + closing
    )
    headed = (
        "Request\n1. How many drones does the force have?\n2. What did they cost?\n"
        "3. How many flights did they make in 2023?\n"
        "Response\n1. 12\n2. £140,000\n3. 31\n\n"
        "Please quote the reference number above in any future communications.\n\n"
        "Are you unhappy with how your request has been handled?\n\n"
        "You have the right to ask us to review our response.\n\n" + closing
    )
    e = extract(unheaded)
    assert [q.text[:40] for q in e.questions] == [
        "Please provide the number of fixed penal",
        "Please provide the number of prosecution",
        "Please provide the total value of fines ",
    ]
    e = extract(headed)
    assert [q.text for q in e.questions] == [
        "How many drones does the force have?",
        "What did they cost?",
        "How many flights did they make in 2023?",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed"] * 3


def test_a_numbered_last_question_naming_the_questions_above_is_a_question() -> None:
    page = (
        "Request\n"
        "1. The number of complaints about officers' conduct in 2021, 2022 and 2023\n"
        "2. The number of complaints about use of force in those years\n"
        "3. The number of complaints about discrimination in those years\n"
        "4. The number of complaints in questions 1-3 that were upheld, broken down by year.\n"
        "Response\n1. 120, 131, 140\n2. 40, 38, 51\n3. 9, 12, 10\n"
        "4. This information is not held.\n"
    )
    e = extract(page)
    assert len(e.questions) == 4
    assert [q.outcome for q in e.questions] == ["disclosed"] * 3 + ["not_held"]


def test_eir_regulation_12_1_given_alone_as_the_ground_withholds() -> None:
    e = extract(
        "Request\nPlease provide the ecological survey for the Oakfield site.\nResponse\n"
        "Regulation 12(1) of the Environmental Information Regulations applies to this "
        "information.\n"
    )

    assert e.exemptions_cited == ("reg12(1)",)
    assert [q.outcome for q in e.questions] == ["exempt"]


@pytest.mark.parametrize(
    "answers",
    [
        ("• Response: 9", "• Response: 14", "• Response: 37"),
        ("- 9 officers", "- 14 officers", "- 37 officers"),
    ],
)
def test_bulleted_questions_each_answered_by_a_bullet_beneath(answers: tuple[str, ...]) -> None:
    """A bullet under a bulleted question is its answer when it reads as one: marked, or
    figures under a question asked with a question mark."""
    bullet = answers[0][0]
    asked = (
        "How many officers are currently suspended?",
        "How many officers are on restricted duties?",
        "How many officers are on long-term sick leave?",
    )
    lines = [x for q, a in zip(asked, answers, strict=True) for x in (f"{bullet} {q}", a)]
    e = extract("Your request:\n" + "\n".join(lines) + "\n")

    assert [q.text for q in e.questions] == list(asked)
    assert [q.outcome for q in e.questions] == ["disclosed"] * 3


@pytest.mark.parametrize(
    "answer_3",
    [
        # A quarter, not a question.
        "3. There were 1,204 incidents, 412 of them in Q4.",
        # Another request's question.
        "3. 9 arrests followed, as in our answer to question 4 of FOI 2022-0456.",
        # A refusal naming another request's question.
        "3. 9 arrests followed. As we said of question 4 of FOI 2022-0456, names are not held.",
    ],
)
@pytest.mark.parametrize(
    "sign_off", ["Kind regards\nFreedom of Information Team", "Yours sincerely,"]
)
def test_a_complete_page_under_a_sign_off_is_not_read_as_cut_short(
    answer_3: str, sign_off: str
) -> None:
    """A page ending in its sign-off, with no full stop, is complete: a number the response
    names past its questions adds none."""
    e = extract(
        "Request\n1. How many incidents were reported?\n2. How many dispersal orders were "
        "issued?\n3. How many arrests followed?\nResponse\n1. 1,204 incidents were reported.\n"
        f"2. 17 dispersal orders were issued.\n{answer_3}\n{sign_off}"
    )

    assert len(e.questions) == 3


def test_a_response_named_inside_the_request_does_not_end_it() -> None:
    """ "... has provided the following response -" begins the answer; a response the requester
    names ("has provided the following response to a parliamentary question") does not."""
    e = extract(
        "Request\nLast month the Department for Transport has provided the following response "
        "to a parliamentary question about pothole funding. Please tell me how much of that "
        "funding your council received in 2022/23.\n"
        "Response\nThe council received £3.2 million of pothole funding in 2022/23.\n"
    )

    assert "Please tell me how much" in e.request_text
    assert [q.outcome for q in e.questions] == ["disclosed"]


def test_a_request_written_as_we_under_a_subject_line_is_the_request() -> None:
    """A group's request ("Our residents group would be grateful for ...") speaks as "we"
    without being the authority's letter opening."""
    e = extract(
        "Request\nDear Northshire County Council\nFreedom of Information Request\n"
        "Our residents group would be grateful for the number of HMO licences issued in "
        "Northgate ward in 2022.\n"
        "Response\nThe council issued 46 HMO licences in Northgate ward in 2022.\n"
    )

    assert "HMO licences" in e.request_text
    assert [q.outcome for q in e.questions] == ["disclosed"]


def test_a_last_answers_ncnd_of_more_on_its_own_question_leaves_the_others_disclosed() -> None:
    """ "... any further information relevant to this question" is said of the last question
    only: the answers above it, given in full, stay disclosed."""
    e = extract(
        "Reference: FOI 2024/119\n"
        "Request:\n"
        "1. How many covert vehicles does the force own?\n"
        "2. How many ANPR cameras does the force operate?\n"
        "3. How many undercover deployments were made in 2023?\n"
        "Response:\n"
        "1. The force does not hold this information centrally.\n"
        "2. The force operates 88 fixed ANPR cameras.\n"
        "3. The force can confirm there were 12 deployments. The force can neither confirm nor "
        "deny that it holds any further information relevant to this question by virtue of "
        "Section 23(5) and Section 31(3).\n"
    )

    assert [q.outcome for q in e.questions] == [
        "not_held",
        "disclosed",
        "partially_disclosed",
    ]
    assert e.questions[1].exemptions == ()


@pytest.mark.parametrize(
    "answer",
    [
        "Please see the spreadsheet you sent; we are unable to complete it as the Council does "
        "not hold this information.",
        "We have considered the spreadsheet you provided. Please see the spreadsheet referred "
        "to in your request: the Council does not hold the figures it asks for.",
    ],
)
def test_the_requesters_own_spreadsheet_is_no_attachment(answer) -> None:
    e = extract(
        "FOI Reference: 2024-0901\nRequest\n"
        "Please complete the attached spreadsheet showing your planning enforcement officers.\n"
        f"Response\n{answer}\n"
    )

    assert not e.has_attachment
    assert [q.outcome for q in e.questions] == ["not_held"]


def test_one_answer_numbered_for_a_run_of_questions() -> None:
    """ "1-3." over a table and "4-6." over a sentence: each answers the run of questions it
    names, where the response was read as one answer to the whole request."""
    e = extract(
        "Request\n"
        "1. How many requests were made under Clare's Law in 2017/18?\n"
        "2. The same for 2016/17.\n"
        "3. Please break the numbers down into right to ask and right to know.\n"
        "4. How many went past stage one?\n"
        "5. How many reached stage two?\n"
        "6. How many reached stage three?\n"
        "Response\n"
        "I am able to disclose the located information to you as follows.\n"
        "1-3.\n"
        "Right to know applications: 76 and 80\n"
        "Right to ask applications: 187 and 213\n"
        "4-6. All of the disclosures above were made face to face, so every application "
        "reached stage three.\n"
    )

    assert len(e.questions) == 6
    assert [q.found for q in e.questions] == ["own answer"] * 6
    assert "76 and 80" in e.questions[1].answer
    assert "face to face" in e.questions[5].answer


def test_a_table_of_bands_in_an_answer_numbers_no_run_of_questions() -> None:
    """ "1-3: 22" is a row of the table answering question 2 (years of service, officers), not
    one answer to questions 1 to 3."""
    e = extract(
        "Request\n"
        "1. How many officers left the force in 2023?\n"
        "2. Please break this down by length of service.\n"
        "3. How many of them were dismissed?\n"
        "4. How many resigned while under investigation?\n"
        "Response\n"
        "1. 112 officers left the force in 2023.\n"
        "2. Length of service (years):\n"
        "0-1: 14\n"
        "1-3: 22\n"
        "3-5: 19\n"
        "5+: 57\n"
        "3. 6 officers were dismissed.\n"
        "4. 3 officers resigned while under investigation.\n"
    )

    assert [q.found for q in e.questions] == ["own answer"] * 4
    assert "112 officers" in e.questions[0].answer
    assert "1-3: 22" in e.questions[1].answer
    assert "6 officers were dismissed" in e.questions[2].answer


def test_a_numbered_list_inside_an_answer_does_not_take_over_the_answers() -> None:
    """Question 3's answer lists its reasons "1." and "2."; "4." carries on the answers."""
    e = extract(
        "Request\n"
        "1. How many officers were dismissed in 2023?\n"
        "2. How many officers resigned in 2023?\n"
        "3. Why were officers dismissed?\n"
        "4. How many officers retired in 2023?\n"
        "Response\n"
        "1. 12 officers were dismissed.\n"
        "2. 40 officers resigned.\n"
        "3. The reasons recorded were:\n"
        "1. gross misconduct\n"
        "2. failing vetting\n"
        "4. 25 officers retired.\n"
    )

    assert [q.found for q in e.questions] == ["own answer"] * 4
    assert e.questions[0].answer == "12 officers were dismissed."
    assert "failing vetting" in e.questions[2].answer
    assert e.questions[3].answer == "25 officers retired."


def test_runs_of_word_labels_inside_an_answer_do_not_take_over_the_answers() -> None:
    e = extract(
        "Request\n"
        "1. How many officers work early shifts?\n"
        "2. How many officers work late shifts?\n"
        "3. How many officers work night shifts?\n"
        "4. What is the shift pattern?\n"
        "5. How many officers are on rest days today?\n"
        "6. How many officers are on annual leave today?\n"
        "Response\n"
        "1. 120\n"
        "2. 110\n"
        "3. 90\n"
        "4. The shift pattern is:\n"
        "1-2. Early shifts\n"
        "3-4. Late shifts\n"
        "5-6. Rest days\n"
        "5. 60\n"
        "6. 20\n"
    )

    assert [q.answer for q in e.questions][4:] == ["60", "20"]
    assert "5-6. Rest days" in e.questions[3].answer


def test_a_request_whose_first_item_was_lost_is_answered_by_its_own_numbers() -> None:
    """The page's top was lost: the request's items shown are "2." and "3.", and so are the
    answers to them."""
    e = extract(
        "2. How many officers were disciplined in 2022?\n"
        "3. How many officers were dismissed in 2022?\n"
        "Response\n"
        "Thank you for your request.\n"
        "2. 14 officers were disciplined.\n"
        "3. 3 officers were dismissed.\n"
    )

    assert [q.answer for q in e.questions] == [
        "14 officers were disciplined.",
        "3 officers were dismissed.",
    ]


def test_a_request_numbered_on_from_an_earlier_one_is_answered_from_1() -> None:
    e = extract(
        "Request\n"
        "Further to my earlier request, please answer the following:\n"
        "5. How many officers were dismissed in 2023?\n"
        "6. How many officers resigned in 2023?\n"
        "Response\n"
        "1. 12 officers were dismissed in 2023.\n"
        "2. 40 officers resigned in 2023.\n"
    )

    assert [q.answer for q in e.questions] == [
        "12 officers were dismissed in 2023.",
        "40 officers resigned in 2023.",
    ]


def test_one_answer_to_two_questions_numbered_with_an_ampersand() -> None:
    e = extract(
        "I note you seek access to the following information:\n"
        "1) Does your force use the ACPO speed enforcement thresholds?\n"
        "2) Are they treated as guidelines?\n"
        "3) How many fixed penalty notices were issued below the threshold since 2011?\n"
        "4) How many speed awareness courses were completed below the threshold since 2011?\n"
        "I can confirm that the information you seek is held.\n"
        "1) The force applies the ACPO guidelines.\n"
        "2) The guidelines are adhered to by the central ticket office.\n"
        "3) & 4) Information not held:\n"
        "The force does not hold data for drivers under the threshold.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "not_held", "not_held"]
    assert reading_doubts(e) == ()


def test_a_thread_whose_request_lost_its_salutation_ends_where_the_reply_begins() -> None:
    """A request copied without its "Dear ..." and the authority's reply, "Dear Anna Smith," /
    "I am writing in response to your request ...": the request is what comes above it."""
    e = extract(
        "Please could you provide me with as much of the following data as you have:\n\n"
        "1. The total number of stops made under stop and account powers, by month.\n"
        "2. A breakdown of those stops by the subject's self-defined ethnicity, by month.\n\n"
        "Dear Anna Smith,\n\n"
        "I am writing in response to your request for information, received 10th\n\n"
        "These searches failed to locate any records relevant to your request. Accordingly I "
        "have determined that the force does not hold the information you have requested.\n"
    )

    assert [q.text[:30] for q in e.questions] == [
        "The total number of stops made",
        "A breakdown of those stops by ",
    ]
    assert [q.outcome for q in e.questions] == ["not_held", "not_held"]


def test_one_public_interest_weighed_against_another_is_a_public_interest_test() -> None:
    e = extract(
        "Request\n1. How many cyber-attacks has the council experienced?\n"
        "Response\n"
        "We neither confirm nor deny that this information is held, under Section 31(3).\n"
        "Although the council appreciates that there is a general public interest in openness, "
        "this public interest should be weighed against a very strong public interest in "
        "safeguarding the security of council systems.\n"
    )

    assert e.public_interest_test_present


def test_a_risk_or_a_public_interest_weighed_in_the_answer_itself_is_no_test() -> None:
    """The answer reports a road safety audit and a planning decision: neither argues the harm
    of a disclosure nor weighs the public interest in one."""
    e = extract(
        "Request\nWhy was the pedestrian crossing on Station Road removed?\n"
        "Response\n"
        "The crossing was removed following a road safety audit, which found that keeping it in "
        "its current position would put pedestrians at greater risk from turning traffic.\n"
        "In determining the application for the new school, the loss of the crossing was "
        "weighed against the wider public interest in delivering the school.\n"
    )

    assert not e.harm_test_present
    assert not e.public_interest_test_present


def test_bullets_answered_one_by_one_are_questions_of_their_own() -> None:
    """The response answers item 2's bullets bullet for bullet: each is a question, as the
    authority answered it, led in by the item's words."""
    e = extract(
        "Request\n"
        "1. Please provide a copy of the most recent planning enforcement report.\n"
        "2. If the report is exempt, please provide at minimum:\n"
        "• The total number of live enforcement cases at quarter end\n"
        "• The number of new cases opened during the quarter\n"
        "• Any policy updates included within the report\n"
        "Response\n"
        "1. The report is exempt under Regulation 12(5)(b).\n"
        "2. As follows:\n"
        "• 117.\n"
        "• 58.\n"
        "• The Council does not hold this information.\n"
    )

    assert [q.text for q in e.questions][1:] == [
        "The total number of live enforcement cases at quarter end",
        "The number of new cases opened during the quarter",
        "Any policy updates included within the report",
    ]
    assert [q.outcome for q in e.questions] == ["exempt", "disclosed", "disclosed", "not_held"]
    assert e.questions[3].context == "If the report is exempt, please provide at minimum:"
    assert [q.number for q in e.questions] == [1, 2, 3, 4]
    assert reading_doubts(e) == ()


def test_bullets_answered_together_stay_one_question() -> None:
    e = extract(
        "Request\n"
        "1. Please provide, for each vehicle in the fleet:\n"
        "• its make and model\n"
        "• its year of registration\n"
        "2. How many vehicles are electric?\n"
        "Response\n"
        "1. Please see the attached spreadsheet.\n"
        "2. 14\n"
    )

    assert len(e.questions) == 2
    assert e.questions[0].outcome == "disclosed"


@pytest.mark.parametrize(
    ("answer", "outcome", "exemptions"),
    [
        # The bullets are the reasons for the exemption.
        (
            "This information is exempt under Section 40(2) of the Act for the following "
            "reasons:\n"
            "• The numbers are small and could lead to the identification of individuals.\n"
            "• The officers have a reasonable expectation that this would not be released.\n",
            "exempt",
            ("s40(2)",),
        ),
        # The bullets are the question restated, its answer below them.
        (
            "You asked for:\n"
            "• The number of officers placed under investigation for misconduct\n"
            "• The number of those officers who were suspended\n"
            "Locating this information would exceed the cost limit under Section 12.\n",
            "cost_limit_s12",
            ("s12",),
        ),
        # The bullets are the exemptions applied.
        (
            "The force has applied the following exemptions to this part of your request:\n"
            "• Section 40(2) – Personal Information\n"
            "• Section 31(1)(a) – Law Enforcement\n",
            "exempt",
            ("s31(1)(a)", "s40(2)"),
        ),
    ],
)
def test_bullets_in_an_answer_that_are_not_answers_leave_the_question_whole(
    answer: str, outcome: str, exemptions: tuple[str, ...]
) -> None:
    e = extract(
        "Request\n"
        "1. Please provide, for 2023:\n"
        "• The number of officers placed under investigation for misconduct\n"
        "• The number of those officers who were suspended\n"
        "2. How many officers were dismissed in 2023?\n"
        "Response\n"
        f"1. {answer}"
        "2. 14 officers were dismissed in 2023.\n"
    )

    assert len(e.questions) == 2
    assert e.questions[0].outcome == outcome
    assert e.questions[0].exemptions == exemptions


def test_a_lost_list_has_as_many_questions_as_the_response_names() -> None:
    """The request's list did not survive; the apology that opens the response ends the request,
    and the response's "Q2" says there were at least two questions."""
    e = extract(
        "I write in connection with your request for information which was received on 31st "
        "October 2024 as follows:\n"
        "I submit this request for stop and search data. We are requesting the following data "
        "for the year 2023:\n"
        "Please accept my sincere apologies for the delay in providing the response to your "
        "request. Please find the force's response set out below.\n"
        "Response: Please be advised that the information requested at Q2 is not held in a "
        "readily retrievable format, and finding it would exceed the cost limit.\n"
    )

    assert [q.text for q in e.questions] == [
        "[Question 1: its text is not on the page]",
        "[Question 2: its text is not on the page]",
    ]
    assert "apologies" not in e.request_text


def test_the_account_of_the_searches_made_opens_the_response() -> None:
    e = extract(
        "Request\n"
        "I would like to request your stop and search outcomes since 2020.\n"
        "Can I also request information on how each stop and search is reviewed.\n"
        "Extent of Searches to Locate Information\n"
        "Following receipt of your request searches were conducted within the force to locate "
        "relevant information.\n"
        "Decision\n"
        "I am not obliged to provide you with a response pursuant to Section 12(1).\n"
    )

    assert len(e.questions) == 2
    assert "Extent of Searches" not in e.request_text
    assert all(not q.context for q in e.questions)


def test_a_log_record_printed_as_its_fields_values() -> None:
    """The log's labels were lost: the request is the lines above the decision field, each an
    item, and the decision field gives the outcome."""
    e = extract(
        "Hikvision, Products, CCTV, Facial, Recognition\n"
        "PUB 1310\n"
        "16076\n"
        "Advanced CCTV - Products & Contracts\n"
        "N/A\n"
        "A list of all Hikvision products your force owns or operates\n"
        "Data Protection Impact Assessments for all of these products your force uses\n"
        "Contracts for these product's supply - prices can be redacted\n"
        "Part Disclosure with Section 24, Section 31 and Section 23 Exemptions\n"
        "06 September 2021\n"
        "19 October 2021\n"
    )

    assert [q.text[:30] for q in e.questions] == [
        "A list of all Hikvision produc",
        "Data Protection Impact Assessm",
        "Contracts for these product's ",
    ]
    assert {q.outcome for q in e.questions} == {"partially_disclosed"}
    assert set(e.exemptions_cited) == {"s23", "s24", "s31"}
    full_refusal = extract(
        "PUB 1234\n15901\nBody worn video\nN/A\n"
        "Please confirm whether your force has trialled body worn video with facial recognition.\n"
        "Where such a trial has taken place, please provide a copy of the evaluation report.\n"
        "Full Refusal Section 17 with Partial NCND\n19 July 2021\n"
    )
    assert [q.outcome for q in full_refusal.questions] == ["exempt"]
    assert "Where such a trial" in full_refusal.questions[0].text


def test_a_public_interest_in_not_prejudicing_is_a_public_interest_test() -> None:
    e = extract(
        "Request\n1. How many cyber-attacks has the trust experienced?\n"
        "Response\n"
        "The Trust can neither confirm nor deny whether we hold the information, under section "
        "31(3).\n"
        "There is significant public interest in understanding more about cyber-crime, however "
        "there is also substantial public interest in not prejudicing any public organisation's "
        "ability to protect itself from cyber-crime.\n"
    )

    assert e.public_interest_test_present


def test_a_table_the_request_asks_to_be_filled_in_is_not_its_answers() -> None:
    e = extract(
        "You asked for\n"
        "We are collecting information about the number of staff employed by fire services.\n\n"
        "We would appreciate a table for the respective years detailing the data in the "
        "following format:\n\n"
        "1. How many people were employed (headcount) in the following roles on 31 March 2023:\n"
        "Staff Type Headcount\nWholetime\nRetained\nControl\n"
        "2. How many people were employed (headcount) in the following roles on 31 March 2024:\n"
        "Staff Type Headcount\nWholetime\nRetained\nControl\n\n"
        "Our Response\n"
        "Answer: - The information requested is exempt by virtue of section 22 (Information "
        "intended for future publication).\n"
    )

    assert len(e.questions) == 2
    assert [q.outcome for q in e.questions] == ["future_publication_s22"] * 2


def test_answers_numbered_by_lead_in_and_lettered_by_part() -> None:
    """A nested list flattened in copying, answered "1." / "a)" / "b)" and "2." / "a)" / "b)":
    each part takes its letter's answer under its lead-in's number."""
    e = extract(
        "Your request\n"
        "- In total, how many Looked After children for whom you are the corporate parent:\n"
        "- moved from one placement to a different placement in the period\n"
        "- became a Looked After Child in the period\n"
        "- How many Looked After children moved in the period to:\n"
        "- a placement that was more than 20 miles from their home\n"
        "- a placement that was 20 miles or less from their home\n"
        "Our response\n"
        "1.\n"
        "a) 9 children had a placement move\n"
        "b) 8 children\n"
        "2.\n"
        "a) We are unable to provide figures of five or fewer; section 40(2) of the Freedom of "
        "Information Act applies.\n"
        "b) 6\n"
    )

    assert [q.answer for q in e.questions] == [
        "9 children had a placement move",
        "8 children",
        "We are unable to provide figures of five or fewer; section 40(2) of the Freedom of "
        "Information Act applies.",
        "6",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "exempt", "disclosed"]


def test_a_page_without_its_request_has_as_many_questions_as_its_response_names() -> None:
    e = extract(
        "Information Request – which has been numbered to assist with the disclosure\n"
        "FOI Duty\n"
        "Exemption - Section 12(1)\n"
        "Reasoning – The force is unable to provide a comprehensive data report to meet this "
        "request as the data is not available in a readily extractable format.\n"
        "With regard to Question 4, the force is unable to report the total expenditure on "
        "deployments as this is not readily extractable information from our financial "
        "records.\n"
    )

    assert len(e.questions) == 4
    assert {q.outcome for q in e.questions} == {"cost_limit_s12"}
    # Another request's question named is not this one's.
    other = extract(
        "Thank you for your request.\n"
        "This information was provided in answer to question 3 of FOI 2022-0456, and is "
        "reasonably accessible to you under section 21.\n"
    )
    assert len(other.questions) <= 1


def test_a_letter_over_a_partial_disclosure_heading_is_no_log_record() -> None:
    """The letter tells the request back above its "Partial Disclosure" heading; its lines are
    not the request's items."""
    e = extract(
        "Freedom of Information Request 1234/24\n"
        "Thank you for your request for information regarding the use of drones by the force, "
        "which was received on 3 May 2024.\n"
        "Following receipt of your request, searches were conducted within the force to locate "
        "the information.\n"
        "Partial Disclosure\n"
        "The force owns 6 drones. The models are exempt under Section 31(1)(a).\n"
    )

    assert [q.text for q in e.questions] == ["the use of drones by the force"]
    assert [q.outcome for q in e.questions] == ["partially_disclosed"]


@pytest.mark.parametrize(
    ("decision", "outcome"),
    [
        ("Full Refusal Section 12 - Cost of Compliance", "cost_limit_s12"),
        ("Full Refusal Section 14 Vexatious", "vexatious_s14"),
    ],
)
def test_a_log_records_refusal_field_names_its_ground(decision: str, outcome: str) -> None:
    e = extract(
        "PUB 1402\n16210\nCustody deaths\nN/A\n"
        "The number of deaths in police custody in your force area for each year since 2015\n"
        "The names of the officers involved in each of those incidents\n"
        f"{decision}\n02 March 2022\n29 March 2022\n"
    )

    assert [q.outcome for q in e.questions] == [outcome, outcome]


def test_a_log_record_whose_request_sets_out_its_own_list() -> None:
    e = extract(
        "Drones 2023\nFOI 2024/118\n"
        "Please provide the following information about the drones owned by your force for "
        "2023:\n"
        "- The number of drones owned by the force\n"
        "- The total cost of purchasing the drones\n"
        "Full Disclosure\n"
        "1. The force owns 6 drones.\n"
        "2. The total cost was £48,000.\n"
    )

    assert [q.text for q in e.questions] == [
        "The number of drones owned by the force",
        "The total cost of purchasing the drones",
    ]
    assert [q.answer for q in e.questions] == [
        "The force owns 6 drones.",
        "The total cost was £48,000.",
    ]


def test_figures_a_cost_refusal_gives_for_one_question_named_disclose_it() -> None:
    e = extract(
        "Request\n"
        "1. How many registered sex offenders are subject to notification requirements?\n"
        "2. How many of them have breached their notification requirements since 2020?\n"
        "Response\n"
        "Your request for information has now been considered and I am not obliged to supply "
        "the information you have requested. Section 12 applies.\n"
        "We consulted with our Public Protection Unit who advised that for question 1 there are "
        "currently 2,109 subjects in the community subject to notification requirements.\n"
        "To retrieve the information requested for question 2 would involve manual "
        "interrogation of each of these records, which would exceed the 18 hours limit.\n"
    )

    assert [q.outcome for q in e.questions] == ["disclosed", "cost_limit_s12"]


def test_a_heading_over_requests_1_to_5_with_their_list_lost() -> None:
    e = extract(
        "FOI Reference: 263/2024\n"
        "Request 1 - 5:\n"
        "I am interested in the procurement of drones from 2022 to 2024.\n"
        "Please provide the following information:\n"
        "Response 1:\n"
        "Section 31(1)(a)(b) exemption applies.\n"
        "Response 2:\n"
        "Drones and ancillaries - £66,048.00\n"
    )

    assert [q.text for q in e.questions] == [
        "[Question 1: its text is not on the page]",
        "[Question 2: its text is not on the page]",
    ]
    assert [q.outcome for q in e.questions] == ["exempt", "disclosed"]


def test_answers_naming_the_questions_they_answer_end_the_request() -> None:
    """ "With regards to questions 1 and 3, the information you have requested is provided
    within the following table:" ends the request; the table's column headings ("Partial
    Release", "Information Not Held") say nothing of the answer."""
    e = extract(
        "Information requested\n\n"
        "1. How many FOI requests has the government been unable to answer in full since 2017?\n\n"
        "2. Can a full list of those requests and the reasons given be provided?\n\n"
        "3. How many of those requests were answered late?\n\n"
        "With regards to questions 1 and 3, the information you have requested is provided "
        "within the following table:\n\n"
        "Requests received Release Partial Release Refuse Information Not Held Invalid\n"
        "On Time 995 695 358 565 25\n"
        "Late 162 204 68 44 0\n\n"
        "With regards to your second question, the cost of locating and retrieving the "
        "information requested would exceed the upper cost limit of £600.\n"
    )

    assert len(e.questions) == 3
    assert [q.outcome for q in e.questions] == ["disclosed", "cost_limit_s12", "disclosed"]


def test_an_answer_naming_its_question_ends_the_request_after_the_letter_has_spoken() -> None:
    """The letter speaks before it answers "In response to question 3, ...": its words between
    are the response (a refusal under section 21 of questions 1 and 2), not the request's."""
    e = extract(
        "Thank you for your email, in which you asked for the following information:\n\n"
        "1. Do you allow inter-prison visits between two prisoners?\n\n"
        "2. If so, what arrangements do you make for them?\n\n"
        "3. What kinds of equipment are used to prevent prisoners from escaping?\n\n"
        "Your request has been handled under the Freedom of Information Act 2000 (FOIA).\n\n"
        "I have answered your request in two parts and have applied appropriate exemptions. I can "
        "confirm that the department holds the information that you have asked in relation to "
        "questions 1 and 2. The information is exempt under section 21 of the FOI Act because it "
        "is reasonably accessible to you, and can be accessed via the link below:\n\n"
        "http://www.justice.gov.uk/offenders/psis/prison-service-instructions-2011\n\n"
        "Section 21 of the Freedom of Information Act exempts disclosure of information that is "
        "reasonably accessible by other means.\n\n"
        "In response to question 3, I can neither confirm nor deny whether the department holds "
        "the information you have requested. Section 31(3) - law enforcement - of the FOIA states "
        "that the MoJ is not obliged to confirm"
    )

    assert [q.outcome for q in e.questions] == [
        "reasonably_accessible_s21",
        "reasonably_accessible_s21",
        "ncnd",
    ]
