"""The response documents: the seed 190A/23 rendered as HTML, PDF and Word reads like the seed,
the three say the same things in the same order, and the generated wording follows the seed's
(grouped answers, NCND sentence, provisions named, explanatory notes, absolute exemptions, s12
estimate, EIR and FOISA naming)."""

import copy
import html
import io
import json
import re
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from foidesk.decisions.documents import (
    Heading,
    ItemList,
    NumberedList,
    Run,
    Table,
    Text,
    document_outline,
    provision_line,
    questions_phrase,
    render_docx,
    render_html,
    render_pdf,
    runs,
)
from foidesk.law.exemptions import POLICE_EXPLANATORY_NOTES_URL
from foidesk.law.response import load_response

DATA = Path(__file__).resolve().parents[1] / "law" / "data"
SEED = json.loads((DATA / "190A-23.json").read_text(encoding="utf-8"))
S12 = json.loads((DATA / "s12-cost-limit.json").read_text(encoding="utf-8"))

SEED_HEADINGS = [
    "Officer alleged sexual offences or domestic violence (190A/23)",
    "Request",
    "Response",
    "Prejudice Test / Public Interest Test",
    "Evidence of Harm",
    "Public Interest Considerations",
    "Section 30 – Factors favouring confirming or denying whether information is held",
    "Section 30 – Factors against confirming or denying whether information is held",
    "Section 31 – Factors favouring confirming or denying whether information is held",
    "Section 31 – Factors against confirming or denying whether information is held",
    "Section 38 – Factors favouring confirming or denying whether information is held",
    "Section 38 – Factors against confirming or denying whether information is held",
    "Balancing Test",
    "Attachments",
    "Complaint Rights",
]

# Sentences of the seed, in the order the seed has them.
SEED_SENTENCES = [
    "How many cases of alleged sexual offences or domestic violence involving your forces",
    "For context: On 16th January 2023",
    "https://news.met.police.uk/news/clarification-on-our-review-of-previously-completed",
    "Is your force currently carrying out a review of completed cases",
    "In relation to Question 1 and 2. West Midlands Police will neither confirm nor deny that "
    "we hold any of the requested information as the following exemptions apply.",
    "Section 30(3) Investigations;",
    "Section 31(3) Law Enforcement;",
    "Section 38(2) Health and Safety",
    "Section 40(5) Personal Information",
    "These exemptions and explanatory notes are shown here:",
    POLICE_EXPLANATORY_NOTES_URL,
    "Section 40(5) is classed as absolute and there is no requirement to consider the public "
    "interest.",
    "In relation to Question 3 and 4 please see the attached.",
    "Evidence of Harm",
    "Domestic abuse affects people from all walks of life",
    "Section 30 – Factors favouring confirming or denying whether information is held",
    "Confirming or denying whether information exists relevant to this request",
    "Section 30 – Factors against confirming or denying whether information is held",
    "Section 31 – Factors favouring",
    "Disclosure would provide transparency in the way police officers are dealt with",
    "Section 38 – Factors against",
    "is not in the public interest.",
    "Balancing Test",
    "The points above highlight the merits of confirming, or denying",
    "Therefore, at this moment in time, it is our opinion",
    "Attachments",
    "190A_23_ATTACHMENT_01",
    "Complaint Rights",
    "you may ask for an internal review",
    "https://ico.org.uk/make-a-complaint/",
]


def visible_text(page: str) -> str:
    """The document's text as a reader sees it: no tags, entities decoded, spaces folded."""
    page = re.sub(r"<style.*?</style>|<head>.*?</head>", " ", page, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u200b", "")
    return " ".join(text.split())


def assert_in_order(text: str, parts: list[str]) -> None:
    pos = 0
    for part in parts:
        found = text.find(part, pos)
        assert found >= 0, f"{part!r} missing or out of order (after position {pos})"
        pos = found + len(part)


def outline_text(outline) -> list[str]:
    """Every heading and paragraph of an outline, flattened, in order."""
    out: list[str] = []
    for section in outline.sections:
        out.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Heading | Text):
                out.append(block.text)
            elif isinstance(block, ItemList):
                out.extend(item.text for item in block.items)
            elif isinstance(block, NumberedList):
                for item in block.items:
                    out.extend(p.text for p in item.paragraphs)
    return out


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF with every compressed stream inflated, so its objects can be searched."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # fonts and images that are not Flate streams
    return b"\n".join(parts)


def pdf_string(raw: bytes) -> str:
    """Decode a PDF string token: ``(literal)`` or ``<FEFF...>`` (UTF-16BE)."""
    if raw.startswith(b"<"):
        return bytes.fromhex(raw[1:-1].decode()).decode("utf-16")
    body = raw[1:-1]
    return re.sub(rb"\\([()\\])", rb"\1", body).decode("latin-1")


def pdf_titles(pdf: bytes) -> list[str]:
    """The /Title strings: the bookmarks (one per heading), then the document's own title."""
    found = re.findall(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)", pdf_objects(pdf))
    return [pdf_string(t) for t in found]


def docx_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {
            name: z.read(name).decode("utf-8", "replace")
            for name in z.namelist()
            if name.endswith(".xml")
        }


def with_changes(base: dict, **changes) -> dict:
    data = copy.deepcopy(base)
    for path, value in changes.items():
        target = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        target[int(last) if last.isdigit() else last] = value
    return data


# --- the outline ----------------------------------------------------------------------------


def test_seed_outline_has_the_seeds_sections_in_order():
    outline = document_outline(SEED)
    assert outline.headings() == SEED_HEADINGS
    assert outline.title == "Officer alleged sexual offences or domestic violence (190A/23)"
    assert outline.authority == "West Midlands Police"
    assert outline.filename_stem == "190A-23-response"
    assert ("Reference", "190A/23") in outline.meta
    assert ("Date", "16 February 2023") in outline.meta


def test_outline_accepts_the_dict_or_the_loaded_response():
    assert document_outline(SEED) == document_outline(load_response(SEED))
    assert render_html(SEED) == render_html(load_response(SEED))


def test_request_numbers_questions_and_puts_item_4s_context_before_the_question():
    (numbered,) = document_outline(SEED).sections[0].blocks
    assert isinstance(numbered, NumberedList)
    assert [i.number for i in numbered.items] == [1, 2, 3, 4]
    fourth = [p.text for p in numbered.items[3].paragraphs]
    assert fourth[0].startswith("For context: On 16th January 2023")
    assert fourth[-1].startswith("Is your force currently carrying out a review")
    assert any(p.startswith("https://news.met.police.uk/") for p in fourth)


def test_seed_text_that_already_says_everything_is_not_repeated():
    texts = outline_text(document_outline(SEED))
    joined = "\n".join(texts)
    # The decision text already names the provisions, the notes link and s40(5)'s status.
    assert joined.count("Section 30(3) Investigations") == 1
    assert joined.count("neither confirm nor deny that we hold") == 1
    assert joined.count(POLICE_EXPLANATORY_NOTES_URL) == 1
    assert "is an absolute exemption" not in joined
    # The evidence of harm and the balancing test are shared by three tests: printed once.
    assert joined.count("Domestic abuse affects people from all walks of life") == 1
    assert joined.count("The points above highlight the merits") == 1
    assert joined.count("Therefore, at this moment in time") == 1


def test_ncnd_wording_is_generated_when_the_decision_has_no_text():
    data = with_changes(SEED, decisions__0__text=None, decisions__1__text=None)
    texts = outline_text(document_outline(data))
    assert_in_order(
        "\n".join(texts),
        [
            "Response",
            "In relation to Question 1 and 2",
            "West Midlands Police will neither confirm nor deny that we hold any of the "
            "requested information as the following exemptions apply.",
            "Section 30(3) Investigations and Proceedings;",
            "Section 31(3) Law Enforcement;",
            "Section 38(2) Health and Safety;",
            "Section 40(5) Personal Information\n",
            "These exemptions and explanatory notes are shown here:",
            POLICE_EXPLANATORY_NOTES_URL,
            "https://www.legislation.gov.uk/ukpga/2000/36/section/30",
            "https://www.legislation.gov.uk/ukpga/2000/36/section/40",
            "Section 40(5) is an absolute exemption and there is no requirement to consider the "
            "public interest.",
            "The Prejudice Test / Public Interest Test (PIT) on confirming or denying",
            "In relation to Question 3 and 4",
            "Please see the attached.",
            "Prejudice Test / Public Interest Test",
        ],
    )
    # The last provision has no semicolon, as in the seed.
    assert "Section 40(5) Personal Information" in texts


def test_ncnd_text_without_the_list_gets_the_list_but_not_a_second_ncnd_sentence():
    text = "In relation to Question 1 and 2, we neither confirm nor deny that we hold it."
    data = with_changes(SEED, decisions__0__text=text)
    texts = outline_text(document_outline(data))
    assert texts.count(text) == 1
    assert not any("will neither confirm nor deny" in t for t in texts)
    assert_in_order(
        "\n".join(texts),
        [text, "The following exemptions apply:", "Section 30(3) Investigations and Proceedings;"],
    )
    # The text opens "In relation to ...", so no heading is added for the group.
    response = document_outline(data).sections[1]
    assert Heading(3, "In relation to Question 1 and 2") not in response.blocks


def test_single_question_decisions_are_headed_by_their_question():
    data = with_changes(
        SEED,
        decisions=[
            {"questions": [1, 2], "outcome": "not_held", "reveals_held": True},
            {"questions": [3], "outcome": "withdrawn"},
            {"questions": [4], "outcome": "disclosed", "text": "Yes: 12 cases."},
        ],
        tests=[],
    )
    blocks = document_outline(data).sections[1].blocks
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == [
        "In relation to Question 1 and 2",
        "In relation to Question 3",
        "In relation to Question 4",
    ]
    texts = [b.text for b in blocks if isinstance(b, Text)]
    assert texts == [
        "West Midlands Police does not hold the requested information.",
        "This part of your request was withdrawn.",
        "Yes: 12 cases.",
    ]


@pytest.mark.parametrize(
    ("numbers", "phrase"),
    [([3], "Question 3"), ([2, 1], "Question 1 and 2"), ([1, 2, 4], "Question 1, 2 and 4")],
)
def test_questions_phrase(numbers, phrase):
    assert questions_phrase(numbers) == phrase


@pytest.mark.parametrize(
    "outcome",
    [
        "disclosed",
        "partially_disclosed",
        "exempt",
        "ncnd",
        "not_held",
        "cost_limit",
        "vexatious",
        "repeated",
        "reasonably_accessible",
        "future_publication",
        "clarification_needed",
        "transferred",
        "withdrawn",
    ],
)
def test_every_outcome_says_something_without_officer_text(outcome):
    data = with_changes(
        SEED, decisions=[{"questions": [1, 2, 3, 4], "outcome": outcome}], tests=[], attachments=[]
    )
    blocks = document_outline(data).sections[1].blocks
    texts = [b.text for b in blocks if isinstance(b, Text)]
    assert texts and all(t.strip() for t in texts)


def test_s21_where_and_s22_date():
    data = with_changes(
        SEED,
        decisions=[
            {
                "questions": [1, 2],
                "outcome": "reasonably_accessible",
                "provisions": ["foia:s21"],
                "where": "https://www.police.uk/pu/your-area/west-midlands-police/",
            },
            {
                "questions": [3, 4],
                "outcome": "future_publication",
                "provisions": ["foia:s22"],
                "publication_date": "2023-03-01",
            },
        ],
        tests=[],
    )
    joined = "\n".join(outline_text(document_outline(data)))
    assert_in_order(
        joined,
        [
            "The requested information is reasonably accessible to you by other means.",
            "https://www.police.uk/pu/your-area/west-midlands-police/",
            "Section 21 Information Accessible to Applicant by Other Means",
            "Section 21 is an absolute exemption and there is no requirement to consider",
            "intended for future publication",
            "We intend to publish it on 1 March 2023.",
            "Section 22 Information Intended for Future Publication",
        ],
    )


def test_s12_estimate_table_limit_and_advice_to_narrow():
    outline = document_outline(S12)
    blocks = outline.sections[1].blocks
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert table.head == ("Activity", "Hours")
    assert table.rows == (
        ("Locating the information", "4"),
        ("Retrieving the information", "6"),
        ("Extracting the information", "25"),
        ("Redacting (does not count towards the limit)", "0"),
    )
    assert table.foot == (
        ("Total counting towards the limit", "35"),
        ("Appropriate limit (£450 at £25 an hour)", "18"),
    )
    joined = "\n".join(outline_text(outline))
    assert_in_order(
        joined,
        [
            "section 12(1) applies to the whole request",
            "Estimate of the time needed",
            "How the estimate was made: A sample of 20",
            "Advice and assistance",
            "If you limit question 2 to one year",
            "Attachments",
            "474A_22_goodwill_totals (Question 1)",
        ],
    )
    page = render_html(S12)
    assert "<table" in page and "Total counting towards the limit" in page
    document = docx.Document(io.BytesIO(render_docx(S12)))
    (grid,) = document.tables
    cells = [[c.text for c in row.cells] for row in grid.rows]
    assert cells[0] == ["Activity", "Hours"]
    assert ["Extracting the information", "25"] in cells
    assert cells[-1] == ["Appropriate limit (£450 at £25 an hour)", "18"]


def test_s12_without_text_states_the_limit_in_pounds_and_hours():
    data = with_changes(S12, decisions__0__text=None)
    texts = outline_text(document_outline(data))
    assert any(
        "would exceed the appropriate limit of £450 (18 hours at £25 an hour)" in t
        and "section 12(1) applies" in t
        for t in texts
    )


def eir_response() -> dict:
    return {
        "request": {
            "reference": "EIR/7/24",
            "title": "Contaminated land inspections",
            "regime": "eir",
            "received": "2024-02-01",
            "questions": [{"number": 1, "text": "Please send the inspection file for the site."}],
        },
        "authority": {"name": "Sandford District Council", "kind": "local_authority"},
        "decisions": [
            {"questions": [1], "outcome": "exempt", "provisions": ["eir:reg12(5)(b)"]},
        ],
        "tests": [
            {
                "provision": "eir:reg12(5)(b)",
                "kind": "disclosure",
                "evidence_of_harm": ["A prosecution is being prepared."],
                "factors_for": ["Openness about environmental enforcement."],
                "factors_against": ["A fair trial."],
                "balance": "The balance favours withholding.",
                "conclusion": "The exception is maintained.",
            }
        ],
        "rights_paragraph": "You may make representations under regulation 11 within 40 "
        "working days, and then complain to the ICO.",
    }


def test_eir_names_regulations_and_exceptions_and_has_no_police_link():
    outline = document_outline(eir_response())
    joined = "\n".join(outline_text(outline))
    assert_in_order(
        joined,
        [
            "Sandford District Council holds the requested information, but it is withheld as "
            "the following exceptions apply.",
            "Regulation 12(5)(b) The course of justice, a fair trial, or a criminal or "
            "disciplinary inquiry",
            "These exceptions and explanatory notes are shown here:",
            "https://www.legislation.gov.uk/uksi/2004/3391/regulation/12",
            "The harm and public interest test is set out below.",
            "Harm and Public Interest Test",
            "Evidence of Harm",
            "Regulation 12(5)(b) – Factors favouring disclosure",
            "Regulation 12(5)(b) – Factors against disclosure",
            "Balancing Test",
            "The exception is maintained.",
            "Complaint Rights",
        ],
    )
    assert POLICE_EXPLANATORY_NOTES_URL not in joined
    assert outline.regime == "Environmental Information Regulations 2004"


def test_foisa_names_sections():
    assert provision_line("foisa:s35(1)(a)") == "Section 35(1)(a) Law Enforcement"
    assert provision_line("foia:s31(1)(a)") == "Section 31(1)(a) Law Enforcement"
    assert provision_line("eir:reg12(4)(a)").startswith("Regulation 12(4)(a) Information not held")
    data = eir_response()
    data["request"]["regime"] = "foisa"
    data["authority"] = {"name": "Police Scotland", "kind": "police"}
    data["decisions"][0]["provisions"] = ["foisa:s35(1)(a)"]
    data["tests"][0]["provision"] = "foisa:s35(1)(a)"
    joined = "\n".join(outline_text(document_outline(data)))
    assert "Section 35(1)(a) Law Enforcement" in joined
    assert "Section 35 – Factors favouring disclosure" in joined
    assert "https://www.legislation.gov.uk/asp/2002/13/section/35" in joined


def test_two_tests_on_one_section_are_told_apart():
    data = eir_response()
    data["request"]["regime"] = "foia"
    data["decisions"][0]["provisions"] = ["foia:s31(1)(a)", "foia:s31(1)(b)"]
    data["tests"] = [
        {**data["tests"][0], "provision": "foia:s31(1)(a)", "balance": "Balance for (a)."},
        {**data["tests"][0], "provision": "foia:s31(1)(b)", "balance": "Balance for (b)."},
    ]
    headings = document_outline(data).headings()
    assert "Section 31(1)(a) – Factors favouring disclosure" in headings
    assert "Section 31(1)(b) – Factors against disclosure" in headings
    # Different balancing texts are each labelled; the shared conclusion is printed once.
    assert "Section 31(1)(a)" in headings and "Section 31(1)(b)" in headings


def test_evidence_particular_to_one_provision_is_labelled():
    data = copy.deepcopy(SEED)
    data["tests"][1]["evidence_of_harm"].append("Only about law enforcement.")
    outline = document_outline(data)
    assert_in_order(
        "\n".join(outline_text(outline)),
        [
            "Evidence of Harm",
            "Domestic abuse affects people",
            "Section 31 – Evidence of harm",
            "Only about law enforcement.",
            "Public Interest Considerations",
        ],
    )


def test_runs_make_links_and_line_breaks():
    url = "https://ico.org.uk/make-a-complaint/"
    assert runs(f"See {url}.\nThanks") == (
        Run("See "),
        Run(url, url=url),
        Run("."),
        Run(br=True),
        Run("Thanks"),
    )
    (link,) = [r for r in runs("(https://en.wikipedia.org/wiki/Act_(law)), ok") if r.url]
    assert link.url == "https://en.wikipedia.org/wiki/Act_(law)"
    assert not [r for r in runs("javascript:alert(1) and www.example.org") if r.url]


# --- HTML -----------------------------------------------------------------------------------


def test_html_reads_like_the_seed():
    page = render_html(SEED)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in page
    assert "<title>Officer alleged sexual offences or domestic violence (190A/23)</title>" in page
    assert '<meta name="author" content="West Midlands Police">' in page
    headings = [
        html.unescape(re.sub(r"<[^>]+>", "", h))
        for h in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", page, re.S)
    ]
    assert headings == SEED_HEADINGS
    assert_in_order(visible_text(page), SEED_SENTENCES)
    assert f'href="{POLICE_EXPLANATORY_NOTES_URL}"' in page
    assert '<li value="4">' in page


def test_html_is_printable_a4_with_header_and_page_numbers():
    page = render_html(SEED)
    assert "size: A4" in page
    assert 'content: "Page " counter(page) " of " counter(pages)' in page
    assert "string-set: authority content()" in page
    assert '<p class="doc-authority">West Midlands Police</p>' in page


def test_html_fragment_is_the_body_only():
    fragment = render_html(SEED, fragment=True)
    assert "<html" not in fragment and "<style" not in fragment and "<h1" not in fragment
    assert '<h2 class="govuk-heading-m" id="doc-request">Request</h2>' in fragment


def test_html_escapes_what_the_officer_wrote():
    data = with_changes(
        SEED,
        request__title="Tasers <script>alert(1)</script>",
        decisions__1__text='In relation to Question 3 and 4 see <b>this</b> "quote".',
    )
    page = render_html(data)
    assert "<script>" not in page and "<b>this</b>" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;this&lt;/b&gt;" in page


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_is_an_a4_tagged_pdf_with_the_seeds_headings_as_bookmarks():
    pdf = render_pdf(SEED)
    assert pdf.startswith(b"%PDF-")
    objects = pdf_objects(pdf)
    pages = re.findall(rb"/Type\s*/Page\b", objects)
    assert 3 <= len(pages) <= 8
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]", objects)
    titles = pdf_titles(pdf)
    assert titles[:-1] == SEED_HEADINGS  # a bookmark per heading, in order
    assert titles[-1] == SEED_HEADINGS[0]  # the document title
    assert b"/Author (West Midlands Police)" in objects
    assert b"/StructTreeRoot" in objects and b"/Lang (en-GB)" in objects
    assert POLICE_EXPLANATORY_NOTES_URL.encode() in objects  # a live link annotation


# --- Word -----------------------------------------------------------------------------------


def test_docx_has_the_seeds_structure():
    data = render_docx(SEED)
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == SEED_HEADINGS
    levels = {p.text: p.style.name for p in document.paragraphs}
    assert levels["Request"] == "Heading 2" and levels["Evidence of Harm"] == "Heading 3"
    assert levels[SEED_HEADINGS[6]] == "Heading 4"
    body = "\n".join(p.text for p in document.paragraphs)
    assert_in_order(body, SEED_SENTENCES)
    assert "4.\tFor context: On 16th January 2023" in body
    links = [h.address for p in document.paragraphs for h in p.hyperlinks]
    assert POLICE_EXPLANATORY_NOTES_URL in links
    assert "https://ico.org.uk/make-a-complaint/" in links
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert section.header.paragraphs[0].text == "West Midlands Police\t190A/23"
    footer = docx_parts(data)["word/footer1.xml"]
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_docx_properties_name_the_authority_and_nobody_else():
    data = render_docx(SEED)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "Officer alleged sexual offences or domestic violence (190A/23)"
    assert props.author == "West Midlands Police"
    assert props.last_modified_by == "West Midlands Police"
    assert props.comments == ""
    assert props.created.date().isoformat() == "2023-02-16"
    parts = docx_parts(data)
    assert "python-docx" not in parts["docProps/core.xml"]
    assert not any("comments" in name for name in parts)
    document_xml = parts["word/document.xml"]
    assert "<w:ins " not in document_xml and "<w:del " not in document_xml
    assert "trackRevisions" not in parts["word/settings.xml"]


def test_docx_properties_longer_than_word_holds_are_cut():
    data = with_changes(SEED, request__title="A" * 300, authority__name="B" * 300)
    props = docx.Document(io.BytesIO(render_docx(data))).core_properties
    assert len(props.title) == 255 and props.title.endswith("…")
    assert len(props.author) == 255


def test_the_three_renderers_say_the_same_things_in_the_same_order():
    data = with_changes(SEED, decisions__0__text=None)
    outline = document_outline(data)
    texts = [t for t in outline_text(outline) if t]
    page = visible_text(render_html(data))
    assert_in_order(page, [" ".join(t.split()) for t in texts])
    document = docx.Document(io.BytesIO(render_docx(data)))
    body = "\n".join(p.text for p in document.paragraphs)
    assert_in_order(body, [t.split("\n")[0] for t in texts])
    assert pdf_titles(render_pdf(data))[:-1] == outline.headings()


def test_docx_keeps_text_with_control_characters_that_xml_cannot_hold():
    # Text pasted from Word or a PDF can carry vertical tabs (Word's line break), form feeds
    # and other control characters; XML has no place for them, and the Word file must still
    # be made: breaks become line breaks and the rest are left out.
    data = with_changes(
        SEED,
        decisions__0__text="Line one\x0bline two\x0cpage two \x01\x1b[0mend\ufffe.",
        request__title="Officer \x07alleged offences",
    )
    document = docx.Document(io.BytesIO(render_docx(data)))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Line one\nline two\npage two [0mend." in body
    assert document.core_properties.title == "Officer alleged offences (190A/23)"
