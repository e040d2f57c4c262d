"""Reading published response pages: the extractor (``intake.extraction``), the page reader
(``intake.pages``) and the checker's view of a page (``imports.checking``).

The pages here are written for the tests in the styles real disclosure logs use (West
Midlands "Request / Response", Northumbria "You asked: / In response:", Met "I note you seek
access", WhatDoTheyKnow threads, Scottish and EIR responses); the seed 190A/23 is the real
one. The labelled corpus is measured at the end (and by ``bench/score_import.py``).
"""

import gc
import json
import tracemalloc
from pathlib import Path

import pytest

from foidesk.imports.checking import check_extraction, response_data
from foidesk.intake.extraction import CORPUS_FIELDS, NoResponse, content_hash, extract
from foidesk.intake.pages import Page, Unreadable, decode_bytes, read_pages
from foidesk.law.regimes import Regime

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_2ad7f8b4d19a12d5.txt"
CORPUS = SHARED / "corpus"


def seed_text() -> str:
    if not SEED.is_file():
        pytest.fail(f"The seed response is missing: expected {SEED}.")
    return SEED.read_text(encoding="utf-8")


def outcomes(e) -> list[str | None]:
    return [q.outcome for q in e.questions]


# --- The seed ---------------------------------------------------------------------------------


def test_seed_response_190a_23():
    e = extract(seed_text())

    assert e.reference == "190A/23"
    assert e.title == "Officer alleged sexual offences or domestic violence"
    assert e.authority == "West Midlands Police"
    assert e.regime is Regime.FOIA
    assert len(e.questions) == 4
    assert e.questions[3].text.startswith("Is your force currently carrying out a review")
    assert e.questions[3].context.startswith("For context: On 16thJanuary 2023")
    assert outcomes(e) == ["ncnd", "ncnd", "disclosed", "disclosed"]
    ncnd = ("s30(3)", "s31(3)", "s38(2)", "s40(5)")
    assert [q.exemptions for q in e.questions] == [ncnd, ncnd, (), ()]
    assert e.exemptions_cited == ncnd
    assert e.ncnd and e.public_interest_test_present and e.harm_test_present
    assert e.has_attachment
    assert e.overall_outcome == "partially_disclosed"


def test_corpus_record_has_exactly_the_readme_fields():
    e = extract(seed_text())

    assert list(e.corpus_record()) == list(CORPUS_FIELDS)
    record = e.corpus_record(page_id="seed")
    assert list(record) == ["id", *CORPUS_FIELDS]
    assert record["per_question"][0] == {
        "q": 1,
        "outcome": "ncnd",
        "exemptions": ["s30(3)", "s31(3)", "s38(2)", "s40(5)"],
    }
    json.dumps(record)  # plain JSON


def test_the_same_text_hashes_the_same_whatever_its_spacing():
    assert content_hash("Request\r\n\r\n1. How many?") == content_hash(
        "Request\n\n1.\u00a0How many?"
    )
    assert extract(seed_text()).text_hash == content_hash(seed_text())


# --- Questions: numbering, restarts, repeats, context ----------------------------------------

WMP_Q = """Professional Standards (828A/23)
Request
Q1. How many officers work in the professional standards department?
Q2. Of those, how many have been subject to disciplinary proceedings?
Q3. For each case please share the year and the outcome.
Response
Q1 – 52
Q2 & Q3 – West Midlands Police will neither confirm nor deny the existence of any relevant
information by virtue of Section 40(5B) – Personal information.
"""


def test_q_numbering_and_a_joint_answer():
    e = extract(WMP_Q)

    assert e.reference == "828A/23"
    assert outcomes(e) == ["disclosed", "ncnd", "ncnd"]
    assert e.questions[1].exemptions == ("s40(5)",)
    assert e.exemptions_cited == ("s40(5)",)
    assert e.ncnd
    assert e.overall_outcome == "partially_disclosed"


NORTHUMBRIA = """Disclosure Details
Speed cameras - 101/16
Dated: 31 Jul 2016
Date of request: 04/05/16
Date of response: 01/06/16
You asked:
1) How many fixed speed cameras are there in your area?
2) Where are they located?
3) How many offences did each camera record in 2015?
In response:
I am able to disclose the located information to you as follows.
1. There are currently 37.
2. Information at this part will not be disclosed and by withholding we rely on the
following exemption:
Section 31 (1) (a) (b) Law Enforcement
3. No information is held.
Public Interest Test
Factors favouring disclosure
The public are entitled to know how public funds are spent.
"""


def test_numbered_answers_restart_at_one():
    e = extract(NORTHUMBRIA)

    assert e.reference == "101/16"
    assert e.title == "Speed cameras"
    assert len(e.questions) == 3
    assert outcomes(e) == ["disclosed", "exempt", "not_held"]
    assert e.questions[1].exemptions == ("s31(1)(a)", "s31(1)(b)")
    assert e.received == "2016-05-04" and e.received_or_published_date == "2016-05-04"
    assert e.responded == "2016-06-01"
    assert e.public_interest_test_present
    assert not e.harm_test_present


REPEATED = """Police equipment (192A/24)
Request
1. What body cameras do you use?
2. What radio model do you use in vehicles?
3. What kind of incapacitant spray do you use?
2. What is the current kit list issued to officers?
Response
We can confirm that some relevant information is held. However, we are withholding some of
that information since it is exempt by virtue of Section 31 (1) (a) (Law enforcement).
What body cameras do you use?
Axon Body 3
What radio model do you use in vehicles?
Section 31 (3) this data law enforcement
What kind of incapacitant spray do you use?
Pava
What is the current kit list issued to officers?
Hat, jacket, boots
"""


def test_numbering_that_restarts_and_questions_repeated_in_the_response():
    e = extract(REPEATED)

    assert len(e.questions) == 4
    assert outcomes(e) == ["disclosed", "exempt", "disclosed", "disclosed"]
    assert e.questions[1].exemptions == ("s31(3)",)
    assert e.exemptions_cited == ("s31(1)(a)", "s31(3)")
    assert not e.ncnd


INTERLEAVED = """FOI reference
FOI 1234/23
1. Which three speed cameras issued the most notices in 2022?
We are unable to provide the location of the cameras as this is exempt by virtue of
Section 31(1)(a) Law Enforcement.
2. Please provide the number of notices each camera issued.
3. If possible please provide the number of driver education courses at each camera site.
Please see the below table of notices and courses at the three camera sites.
Location A 3,000
Location B 2,500
"""


def test_interleaved_questions_and_a_shared_answer():
    e = extract(INTERLEAVED)

    assert e.reference == "FOI 1234/23"
    assert len(e.questions) == 3
    assert outcomes(e) == ["exempt", "disclosed", "disclosed"]
    assert e.questions[0].exemptions == ("s31(1)(a)",)


def test_questions_named_only_in_the_response_are_added():
    page = """REQUEST
I am writing to request information about your facial recognition trial.
RESPONSE
Question 1
The funding request was prepared by the NPCC. You may wish to submit this part of your
request to the NPCC.
Question 2
Your request for this information has been considered. Section 14(1) - Vexatious applies.
Under S.14 (1) there is no requirement to conduct a public interest test.
"""
    e = extract(page)

    assert len(e.questions) == 2
    assert outcomes(e) == ["other", "vexatious_s14"]
    assert e.exemptions_cited == ("s14(1)",)
    assert e.overall_outcome == "vexatious_s14"
    assert not e.public_interest_test_present


def test_a_lead_in_ending_with_a_question_mark_is_not_a_question():
    page = """Claire's Law (428A/23)
Request
Would it be possible to disclose the following information for 2014 to 2022?
1.How many requests were made under the Right to Ask?
2.How many requests were made under the Right to Know?
Response
The cost of providing you with the information is above the amount to which we are legally
required to respond.
"""
    e = extract(page)

    assert len(e.questions) == 2
    assert outcomes(e) == ["cost_limit_s12", "cost_limit_s12"]
    assert e.exemptions_cited == ("s12",)


def test_an_answer_that_points_to_another_takes_its_outcome():
    e = extract(
        "Request\n1. How many Tasers are there?\n2. How many were used in 2022?\nResponse\n"
        "1. The information is exempt by virtue of Section 31(1)(a).\n"
        "2. Please see the response to question 1.\n"
    )

    assert outcomes(e) == ["exempt", "exempt"]
    assert e.questions[1].exemptions == ("s31(1)(a)",)


def test_an_answer_pointing_to_a_later_answer_and_its_table_takes_its_outcome():
    e = extract(
        "Request and Response\n"
        "1. The total number of requests received.\n"
        "See answer and table in Q2 below\n"
        "2. The number of requests appealed.\n"
        "7 requests were appealed. The names of those who appealed are exempt under section "
        "40(2).\n"
    )

    assert e.questions[0].found == "as question 2"
    assert outcomes(e) == ["partially_disclosed", "partially_disclosed"]
    assert e.questions[0].exemptions == ("s40(2)",)


def test_goodwill_figures_under_a_cost_refusal_are_disclosed():
    e = extract(
        "Fleet (1380A/23)\nRequest\n- How many patrol cars broke down?\n"
        "- How many broke down on the way to an incident?\n- What did it cost to fix them?\n"
        "Response\nOur data do not allow us to provide this within the appropriate (cost) limit. "
        "As a gesture of goodwill I have supplied information (see attached).\n"
        "REASON FOR DECISION\nTo locate information in respect of questions 2 and 3 would "
        "exceed the time limit of 18 hours.\n"
    )

    assert outcomes(e) == ["disclosed", "cost_limit_s12", "cost_limit_s12"]
    assert e.exemptions_cited == ("s12",)


def test_two_questions_joined_by_and_whether_are_split():
    page = """Deaths In Custody (8956/17)
Request
In respect of the article on deaths in custody I would like details of why the 16 people
referred to were in custody and whether there was any body worn video footage of them.
Response
Please see attached.
"""
    e = extract(page)

    assert [q.text[:20] for q in e.questions] == ["In respect of the ar", "Whether there was an"]
    assert outcomes(e) == ["disclosed", "disclosed"]


def test_a_remark_on_presentation_is_not_a_question():
    page = """You asked:
I would like to know:

- The total number of community resolutions in each year.

- The crimes the resolutions were used for (e.g. theft, assault).

Please specify whether you are using calendar or financial years.

In response:
Please find attached the information.
"""
    e = extract(page)

    assert len(e.questions) == 2
    assert "calendar or financial years" in e.questions[1].context


# --- Outcomes from the wording ---------------------------------------------------------------


def whole(response: str, **kwargs) -> object:
    return extract(
        f"Request\n1. How many Tasers?\n2. How many drones?\nResponse\n{response}", **kwargs
    )


@pytest.mark.parametrize(
    ("response", "expected", "cited"),
    [
        ("Please find attached our response.", "disclosed", ()),
        (
            "Please find attached our response.\nIn addition to the attached response we can "
            "neither confirm nor deny that we hold any other information by virtue of Section "
            "24(2) and Section 31(3).",
            "partially_disclosed",
            ("s24(2)", "s31(3)"),
        ),
        (
            "We will neither confirm nor deny that we hold the information: Section 23(5).",
            "ncnd",
            ("s23(5)",),
        ),
        (
            "It is estimated that the cost of providing the information would exceed the "
            "appropriate limit.",
            "cost_limit_s12",
            ("s12",),
        ),
        (
            "Locating it would take 300 hours, far beyond the permitted 18 hour threshold.",
            "cost_limit_s12",
            ("s12",),
        ),
        ("The information you requested is not held by the force.", "not_held", ()),
        (
            "The information is not held in a readily retrievable format. However, to assist, "
            "the figures are as follows:\n2019 - 150\n2020 - 136",
            "disclosed",
            (),
        ),
        (
            "I have today decided to disclose some of the requested information. Some data has "
            "been withheld: Section 40(2) Personal Information.",
            "partially_disclosed",
            ("s40(2)",),
        ),
        ("The information is exempt by virtue of Section 43(2).", "exempt", ("s43(2)",)),
        (
            "I am contacting you to seek clarification: which time period do you want?",
            "clarification_needed",
            (),
        ),
        (
            "This information is reasonably accessible to you on our website: Section 21.",
            "reasonably_accessible_s21",
            ("s21",),
        ),
        (
            "The report is intended for future publication (Section 22).",
            "future_publication_s22",
            ("s22",),
        ),
    ],
)
def test_outcome_of_a_response_to_the_whole_request(response, expected, cited):
    e = whole(response)

    assert outcomes(e) == [expected, expected]
    assert e.exemptions_cited == cited


def test_a_statute_quotation_is_not_a_citation():
    e = whole(
        "Researching each case would exceed the appropriate limit (FOIA, s.12 (1)). A public "
        "authority which is relying on a claim that section 12 or section 14 applies must give "
        "the applicant a notice stating that fact."
    )

    assert e.exemptions_cited == ("s12",)


def test_an_acknowledgement_decides_nothing():
    page = """Use of CS gas
The request was partially successful.
Dear West Midlands Police,
1. How many times was CS gas used?
2. How many times were Tasers used?
Yours faithfully,
A Requester
Please accept this as an acknowledgement of receipt of your e-mail.
"""
    e = extract(page)

    assert outcomes(e) == [None, None]
    assert e.overall_outcome == "partially_disclosed"  # WhatDoTheyKnow's status line
    assert "A Requester" not in " ".join(q.text for q in e.questions)


# --- Flags, references, dates, regimes ---------------------------------------------------------


def test_passing_mentions_are_not_tests():
    e = whole(
        "Q1 and Q2 - we will neither confirm nor deny by virtue of Section 40(5B). Section 40(5B) "
        "is class-based, so I am not required to identify the harm in disclosure, and the right "
        "to privacy outweighs any public interest in release."
    )

    assert not e.public_interest_test_present
    assert not e.harm_test_present


def test_boilerplate_enclosed_data_is_not_an_attachment():
    assert not whole("2019 - 150\nIf you decide to use the enclosed data, cite us.").has_attachment
    assert not whole("2019 - 150\nAttachments\nNo attachments").has_attachment
    assert whole("Please find this PIT attached (289A_21_PIT.pdf).").attachments == (
        "289A_21_PIT.pdf",
    )


@pytest.mark.parametrize(
    ("head", "reference"),
    [
        ("Freedom of information request reference no: 01.FOI.23.028716", "01.FOI.23.028716"),
        ("Christmas Period Crimes (12488_17)", "12488_17"),
        ("ANPR cameras - 322/15", "322/15"),
        ("FREEDOM OF INFORMATION REQUEST REFERENCE NO: FOI-120-2024", "FOI-120-2024"),
        ("Payments Since 2012/13", None),
    ],
)
def test_references(head, reference):
    assert whole("Please find attached.", title=None).reference is None
    assert extract(f"{head}\nRequest\n1. How many?\nResponse\nPlease find attached.").reference == (
        reference
    )


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Received: 2023-01-16", "2023-01-16"),
        ("Date: 2023-01-16", "2023-01-16"),
        ("Disclosure date: January 16, 2023", "2023-01-16"),
        ("Date disclosed: 16/01/2023", "2023-01-16"),
        ("Date of disclosure 16 Jan 2023", "2023-01-16"),
        ("Date: 2023-13-45", None),
    ],
)
def test_dates_written_in_iso_form_or_labelled_as_the_disclosure(line, shown):
    e = extract(f"FOI 456/24\n{line}\nRequest\n1. How many?\nResponse\nThere are 12.\n")

    assert e.received_or_published_date == shown


def test_month_only_date():
    e = extract("FOI date\n08/2023\n1. How many cameras are there?\nThere are 12.\n")

    assert e.received_or_published_date == "2023-08"


def test_foisa_and_eir_are_recognised():
    scottish = whole(
        "Under the Freedom of Information (Scotland) Act 2002 the cost of complying would exceed "
        "the upper cost limit of £600, so section 12(1) applies."
    )
    environmental = whole(
        "This request is handled under the Environmental Information Regulations 2004. The "
        "information is withheld under regulation 12(5)(b)."
    )

    assert scottish.regime is Regime.FOISA and scottish.exemptions_cited == ("s12",)
    assert outcomes(scottish) == ["cost_limit_s12", "cost_limit_s12"]
    assert environmental.regime is Regime.EIR
    assert environmental.exemptions_cited == ("reg12(5)(b)",)


def test_publisher_from_the_title_or_the_text():
    assert whole("Please find attached.", title="Drones (Avon and Somerset Police)").authority == (
        "Avon and Somerset Police"
    )
    assert whole("Northumbria Police holds it. Please find attached.").authority == (
        "Northumbria Police"
    )
    assert whole("Please find attached.", authority="Given Police").authority == "Given Police"


# --- Pages that hold no response --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "Minutes of the parish council meeting. Apologies were received from two members.",
        "I note you seek access to the following information:\n1. How many Tasers?\n2. How many?",
    ],
)
def test_no_response(text):
    with pytest.raises(NoResponse):
        extract(text)


# --- The checker's view of a page --------------------------------------------------------------


def test_checking_the_seed_finds_nothing_and_says_what_it_could_not_check():
    result = check_extraction(extract(seed_text()))

    assert result.findings == []
    assert any("received date not on the page" in n for n in result.notes)
    assert any("complaint-rights" in n for n in result.notes)


def test_checking_finds_a_late_response_and_a_missing_public_interest_test():
    page = """Drones - 55/19
Date of request: 01/04/19
Date of response: 30/05/19
You asked:
1. How many drones do you have?
In response:
The information is exempt by virtue of Section 31(1)(a) Law Enforcement.
"""
    e = extract(page, complete=True)
    codes = {f["code"] for f in check_extraction(e).findings}

    assert "response_late" in codes
    assert "public_interest_test_missing" in codes


@pytest.mark.parametrize(
    ("received", "why"),
    [
        ("20/12/2100", "no deadline can be worked out (counting 20 working days from 20 December"),
        ("20/12/2105", "20 December 2105 is outside the years whose bank holidays are known"),
    ],
)
def test_a_page_dated_beyond_the_known_bank_holidays_is_not_checked(received, why):
    page = f"""Drones - 55/19
Date of request: {received}
You asked:
1. How many drones do you have?
In response:
The information is exempt by virtue of Section 31(1)(a) Law Enforcement.
"""
    result = check_extraction(extract(page, complete=True))

    assert result.findings == []
    assert any(n.startswith("not checked: ") and why in n for n in result.notes), result.notes


def test_checking_leaves_out_a_test_the_page_says_is_attached():
    e = extract(
        "Request\n1. How many drones?\nResponse\nThe information is exempt by virtue of Section "
        "31(1)(a). Please find this PIT attached.",
        complete=True,
    )
    result = check_extraction(e)

    assert "public_interest_test_missing" not in {f["code"] for f in result.findings}
    assert any("not visible" in n for n in result.notes)


def test_questions_without_a_visible_outcome_are_left_out_of_the_check():
    data, notes = response_data(extract(NORTHUMBRIA + "\n4. Where are the vans?"))

    assert data is not None
    assert [q["number"] for q in data["request"]["questions"]] == [1, 2, 3]
    assert data["request"]["received"] == "2016-05-04"


# --- Reading pages from disk -------------------------------------------------------------------


def test_decoding_falls_back_with_a_note():
    assert decode_bytes("café".encode()) == ("café", ())
    text, notes = decode_bytes("café – ok".encode("cp1252"))
    assert text == "café – ok" and "cp1252" in notes[0]
    assert decode_bytes("Request".encode("utf-8-sig"))[0] == "Request"
    assert decode_bytes("Request".encode("utf-16"))[0] == "Request"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4 ...", "binary file (PDF)"),
        (b"Request\x00\x00\x01", "binary file"),
        (b"\x81\x8d\x8f\x90\x9d" * 40, "unknown encoding"),
    ],
)
def test_undecodable_bytes(data, reason):
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode_bytes(data)


def test_reading_files_folders_and_json_lines(tmp_path):
    (tmp_path / "a.txt").write_text(WMP_Q, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Drones | Police</title>"
        '<link rel="canonical" href="https://example.police.uk/drones/"></head>'
        "<body><h1>Drones (77A/22)</h1><h2>Request</h2><ol><li>How many drones?</li>"
        "<li>How many pilots?</li></ol><h2>Response</h2><p>Please find attached.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / ".hidden.txt").write_text("not read", encoding="utf-8")
    (tmp_path / "log.jsonl").write_text(
        json.dumps({"id": "p1", "url": "https://x/1", "title": "T", "text": WMP_Q})
        + "\n\nnot json\n"
        + json.dumps({"id": "p3"})
        + "\n"
        + json.dumps({"id": "p4", "text": "  "})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "big.txt").write_text("x" * 3000, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")

    items = list(read_pages([tmp_path, tmp_path / "missing.txt"], max_bytes=2000))
    pages = {i.source.rsplit("/", 1)[-1]: i for i in items if isinstance(i, Page)}
    failures = {i.source.rsplit("/", 1)[-1]: i.reason for i in items if isinstance(i, Unreadable)}

    assert sorted(pages) == ["a.txt", "b.html", "log.jsonl:1 (p1)"]
    html = pages["b.html"]
    assert html.title == "Drones (77A/22)" and html.url == "https://example.police.uk/drones/"
    assert "1. How many drones?\n2. How many pilots?" in html.text
    assert pages["log.jsonl:1 (p1)"].id == "p1"
    assert failures == {
        "big.txt": "too large (0 MB; limit 0 MB)",
        "empty.txt": "empty page",
        "log.jsonl:3": "not JSON (Expecting value at column 1)",
        "log.jsonl:4 (p3)": 'no "text" field (a string) in the object',
        "log.jsonl:5 (p4)": "empty page",
        "missing.txt": "no such file or folder",
    }
    assert len(extract(html.text, title=html.title).questions) == 2


def test_size_limit_is_reported_in_megabytes(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>")

    [failure] = read_pages([big])

    assert failure == Unreadable(str(big), "too large (6 MB; limit 5 MB)")


# --- The labelled corpus -------------------------------------------------------------------------


def test_corpus_accuracy_floors():
    """The labelled corpus (31 pages): see ``bench/score_import.py`` for seen and held-out."""
    if not (CORPUS / "labels.jsonl").is_file():
        pytest.fail(f"The labelled corpus is missing: expected {CORPUS}.")
    labels = {
        x["id"]: x
        for x in map(json.loads, (CORPUS / "labels.jsonl").read_text("utf-8").splitlines())
    }
    right = {"reference": 0, "count": 0, "outcome": 0, "ncnd": 0}
    total = dict.fromkeys(right, 0)
    tp = fp = fn = 0
    for page in read_pages([CORPUS / "pages.jsonl"]):
        label = labels[page.id]
        e = extract(page.text, title=page.title, url=page.url, complete=page.complete)
        total["reference"] += 1
        right["reference"] += e.reference == label["reference"]
        total["count"] += 1
        right["count"] += len(e.questions) == len(label["questions"])
        for q in label["per_question"]:
            if q["outcome"] is not None:
                total["outcome"] += 1
                got = e.questions[q["q"] - 1].outcome if q["q"] <= len(e.questions) else None
                right["outcome"] += got == q["outcome"]
        total["ncnd"] += 1
        right["ncnd"] += e.ncnd == label["ncnd"]
        want, got_set = set(label["exemptions_cited"]), set(e.exemptions_cited)
        tp, fp, fn = tp + len(want & got_set), fp + len(got_set - want), fn + len(want - got_set)
    rates = {k: right[k] / total[k] for k in right}
    assert rates["reference"] >= 0.95
    assert rates["count"] >= 0.95
    assert rates["ncnd"] >= 0.95
    assert rates["outcome"] >= 0.95, rates
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95


def test_a_tie_between_refusals_goes_to_the_first_question() -> None:
    """The overall outcome does not depend on the order Python happens to keep a set in."""
    from foidesk.intake.extraction import overall_outcome

    assert overall_outcome(["not_held", "ncnd"]) == "not_held"
    assert overall_outcome(["ncnd", "not_held"]) == "ncnd"
    assert overall_outcome(["ncnd", "not_held", "not_held"]) == "not_held"


def test_a_nested_list_in_the_request_is_read_by_its_indent():
    page = (
        "Response 3886616\n\nRequest\n\n"
        "  1. A list of all properties currently recorded as:\n"
        "    1. Long-term empty\n"
        "    2. Subject to an Empty Homes Premium\n"
        "  2. For each property, please provide the date it was first recorded as empty\n\n"
        "Response\n\nIn relation to questions 1 and 2 we hold the information but it is exempt "
        "by virtue of section 31(1)(a)."
    )
    e = extract(page)
    assert [q.outcome for q in e.questions] == ["exempt", "exempt"]
    assert e.questions[0].text.endswith("• Subject to an Empty Homes Premium")


def test_a_nested_list_on_an_html_page_is_its_items_parts(tmp_path):
    (tmp_path / "3886616.html").write_text(
        "<html><head><title>Empty properties</title></head><body>"
        "<h2>Response 3886616</h2><h3>Request</h3><ol>"
        "<li>A list of all properties currently recorded as:"
        "<ol><li>Long-term empty</li><li>Subject to an Empty Homes Premium</li></ol></li>"
        "<li>For each property, please provide the date it was first recorded as empty</li>"
        "</ol><h3>Response</h3><p>In relation to questions 1 and 2 we hold the information but "
        "it is exempt by virtue of section 31(1)(a).</p></body></html>",
        encoding="utf-8",
    )
    (page,) = read_pages([tmp_path])
    e = extract(page.text, title=page.title)
    assert [q.outcome for q in e.questions] == ["exempt", "exempt"]
    assert e.questions[0].text.endswith("• Subject to an Empty Homes Premium")


@pytest.mark.parametrize(
    "request_html",
    [
        # Copied as text: the inner list indented under the one item that leads in to it.
        None,
        # As an HTML page prints it.
        "<ol><li>Please provide the following:<ol><li>How many fire engines does the service "
        "have?</li><li>How many staff work at each station?</li></ol></li></ol>",
    ],
)
def test_a_single_item_leading_in_to_a_nested_list_is_not_a_question(tmp_path, request_html):
    if request_html is None:
        text = (
            "FOI 123/25\nRequest\n1. Please provide the following:\n"
            "    1. How many fire engines does the service have?\n"
            "    2. How many staff work at each station?\n"
            "Response\nThe service has 40 fire engines. 600 staff work across the stations.\n"
        )
    else:
        (tmp_path / "123.html").write_text(
            f"<h1>FOI 123/25</h1><h2>Request</h2>{request_html}<h2>Response</h2>"
            "<p>The service has 40 fire engines. 600 staff work across the stations.</p>",
            encoding="utf-8",
        )
        (page,) = read_pages([tmp_path])
        text = page.text
    e = extract(text)
    assert [q.text for q in e.questions] == [
        "How many fire engines does the service have?",
        "How many staff work at each station?",
    ]


def test_items_that_name_what_is_wanted_each_above_its_answer():
    """A disclosure log's page with no headings: each numbered item names what was asked for
    (no question words) and its answer is set beneath it."""
    page = (
        "Freedom of Information Request ID\nDate of response\nMarch 2025\n"
        "1. Spending on interim staff in 2023-24, b) the cap set for 2023-24\n"
        "a) Total interim spend 2023/24: £1,204,551.20\n"
        "b) As per the national cap\n"
        "2. The proportion of interim spend in 2023-24 that went through approved frameworks\n"
        "100% through approved frameworks\n"
        "3. Off-framework spending in each year from 2020-21 to 2023-24 by staff group\n"
        "No off-framework spending in any of the years requested\n"
    )
    e = extract(page)
    assert [q.text[:30] for q in e.questions] == [
        "Spending on interim staff in 2",
        "The proportion of interim spen",
        "Off-framework spending in each",
    ]
    assert [q.outcome for q in e.questions] == ["disclosed", "disclosed", "disclosed"]
    assert e.questions[0].answer.startswith("a) Total interim spend")


def test_numbered_paragraphs_of_a_response_are_not_taken_for_items():
    page = (
        "Our reference 4411/25\n"
        "1. We have searched the records held by the force for the period you describe.\n"
        "The search covered every station.\n"
        "2. We hold no information about the cameras you describe in your request.\n"
        "This concludes our response.\n"
    )
    e = extract(page)
    assert e.questions == ()


def test_answers_that_name_their_point_in_words():
    page = (
        "FOI reference - FOI 2016-10-31\n\n"
        "I request under the Freedom of Information Act that you advise:\n"
        "1. Whether you received the 1 March 1989 document.\n"
        "2. The date of the Regulated Apportionment Arrangement (RAA).\n\n"
        "In response to your first point I can confirm that we hold a copy of the document.\n\n"
        "To answer your second point, we do not hold this information.\n"
    )
    e = extract(page)
    assert [(q.outcome, q.found) for q in e.questions] == [
        ("disclosed", "own answer"),
        ("not_held", "own answer"),
    ]


def test_reading_page_after_page_keeps_nothing_of_the_earlier_ones() -> None:
    """What the reader remembers of a page (its texts lower-cased, for the cues) goes when the
    next page is read: an importing process kept the last 256 pages whole, twice over, which
    for pages of a few megabytes is gigabytes in every worker process."""
    filler = ("The force holds no information on this. " * 25 + "\n") * 300  # 300 kB
    extract("Request\n1. How many drones?\nResponse\nThe force has 4 drones.")
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(12):
            extract(f"Drones ({n}/23)\nRequest\n1. How many drones?\nResponse\n{filler}")
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()

    assert kept < 4 * 1024 * 1024  # about the last page's texts; all twelve are 9 MB
