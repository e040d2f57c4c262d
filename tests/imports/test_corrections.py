"""Staff checking an imported record: corrections kept beside the importer's reading.

The plain functions of ``foidesk.imports.corrections`` first, then the service and a re-import
over a corrected record, then the check page.
"""

import io
import json
import logging
import re
from datetime import date
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.imports.corrections import (
    CorrectionError,
    check_state,
    cited,
    columns,
    corrected_questions,
    differences,
    parse_date_shown,
    parse_provisions,
    tally,
    unapplied,
)
from foidesk.imports.forms import QUESTION_CHARS
from foidesk.imports.models import ImportedRecord, ImportRun
from foidesk.imports.services import imported_record_check
from foidesk.imports.views import _read_form, record_check
from foidesk.law.exemptions import provisions_for
from foidesk.law.provisions import CitationError

PAGE = """Drones ({ref})
Request
1. How many drones does the force have?
2. Which drones are you using?
{third}Response
Please find attached our response.
In addition to the attached response West Midlands Police can neither confirm nor deny that it
holds any other information by virtue of Section 24(2) National Security.
"""

#: What the importer reads from PAGE: both questions partly disclosed, NCND under s24(2).
READ = {
    "record": {
        "reference": "1053A/22",
        "title": "Drones",
        "received_or_published_date": None,
        "overall_outcome": "partially_disclosed",
        "exemptions_cited": ["s24(2)"],
        "ncnd": True,
        "public_interest_test_present": False,
        "harm_test_present": False,
        "has_attachment": True,
    },
    "questions": [
        {"number": n, "text": "?", "outcome": "partially_disclosed", "exemptions": ["s24(2)"]}
        for n in (1, 2)
    ],
}


# --- The plain functions ------------------------------------------------------------------


def test_provisions_typed_by_staff_are_normalised_sorted_and_unrepeated():
    assert parse_provisions("s40(5B), s31(1)(a); s24(2) s31(1)(a)") == [
        "s24(2)",
        "s31(1)(a)",
        "s40(5)",
    ]
    assert parse_provisions("reg12(5)(b) s39", "eir") == ["reg12(5)(b)", "s39"]
    assert parse_provisions("  ") == []
    spelt_out = "Section 40(2), S31(1)(a); regulation 12(5)(b)"
    assert parse_provisions(spelt_out) == ["reg12(5)(b)", "s31(1)(a)", "s40(2)"]


def test_dates_typed_by_staff_are_written_as_the_corpus_writes_them():
    assert parse_date_shown("16/01/2023") == "2023-01-16"
    assert parse_date_shown(" 2023-01-16 ") == "2023-01-16"
    assert parse_date_shown("1/2023") == parse_date_shown("2023-01") == "2023-01"
    assert parse_date_shown("") == ""
    for bad, message in [
        ("31/02/2023", "is not a real date"),
        ("2023-13", "is not a real date"),
        ("January 2023", "Enter the date like 2023-01-16 or 16/01/2023"),
        ("１６/01/2023", "Enter the date like"),  # full-width digits
        ("16/01/0203", "is before 1900: check the year"),
    ]:
        with pytest.raises(CorrectionError, match=message):
            parse_date_shown(bad)
    # A month is this month's or earlier; a day today's or earlier.
    today = date(2024, 3, 10)
    assert parse_date_shown("2024-03", today=today) == "2024-03"
    assert parse_date_shown("10/03/2024", today=today) == "2024-03-10"
    for later in ("11/03/2024", "2024-04", "16/01/2042"):
        with pytest.raises(CorrectionError, match="is after today"):
            parse_date_shown(later, today=today)


def test_title_and_date_corrections_are_laid_over_the_reading():
    read = READ
    fixed = differences(read, {"title": "  Police  drones ", "date_shown": "2022-05"})

    assert fixed == {"title": "Police drones", "date_shown": "2022-05"}
    assert differences(read, {"title": "Drones", "date_shown": ""}) == {}
    values = columns(read, fixed)
    assert (values["title"], values["date_shown"]) == ("Police drones", "2022-05")
    assert (columns(read, {})["title"], columns(read, {})["date_shown"]) == ("Drones", "")
    with pytest.raises(CorrectionError, match="needs a title"):
        differences(read, {"title": " "})
    with pytest.raises(CorrectionError, match="not a real date"):
        differences(read, {"date_shown": "2023-02-30"})
    # The column holds 500 characters of a longer title: left as it was, it is no correction.
    long_title = {**READ, "record": {**READ["record"], "title": "Drones " * 100}}
    assert differences(long_title, {"title": columns(long_title, {})["title"]}) == {}
    # A record stored without a reading keeps its title and date columns as they are.
    assert "title" not in columns({}, {}) and differences({}, {"title": "Drones"}) == {}


def test_a_provision_already_on_the_record_may_stay_though_the_catalogue_lacks_it():
    """The importer read "s30(b)(i)" from the page; staff leaving it there is not an error."""
    assert parse_provisions("s30(b)(i), s31", known=["s30(b)(i)"]) == ["s30(b)(i)", "s31"]
    with pytest.raises(CitationError, match="not in the exemption catalogue"):
        parse_provisions("s30(b)(i)")


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("s31(1)(a), paragraph 38", "“paragraph” is not a provision to cite: write it like"),
        ("s999", "“s999” is not in the exemption catalogue (FOIA)"),
        ("s40(3A)", "“s40(3A)” is not a provision to cite: it is a condition"),
    ],
)
def test_a_provision_not_in_the_corpus_form_is_refused_by_name(typed, says):
    with pytest.raises(CitationError, match=re.escape(says)):
        parse_provisions(typed)


def test_a_record_read_right_has_no_corrections():
    wanted = {
        "reference": "1053A/22",
        "provisions": ["s24(2)"],
        "ncnd": True,
        "public_interest_test_present": False,
        "harm_test_present": False,
        "has_attachment": True,
        "questions": {
            1: {"outcome": "partially_disclosed", "exemptions": ["s24(2)"]},
            2: {"outcome": "partially_disclosed", "exemptions": ["s24(2)"]},
        },
    }

    assert differences(READ, wanted) == {}
    assert columns(READ, {}) == {
        "reference": "1053A/22",
        "title": "Drones",
        "date_shown": "",
        "overall_outcome": "partially_disclosed",
        "provisions_text": " s24(2) ",
        "ncnd": True,
        "public_interest_test_present": False,
        "harm_test_present": False,
        "has_attachment": True,
        "question_count": 2,
    }


def test_only_what_differs_is_kept_and_the_overall_outcome_follows_the_questions():
    wanted = {
        "reference": "1053A/22",
        "ncnd": False,
        "provisions": [],
        "questions": {
            1: {"outcome": "disclosed", "exemptions": []},
            2: {"outcome": "disclosed", "exemptions": []},
        },
    }

    fixed = differences(READ, wanted)

    assert fixed == {
        "ncnd": False,
        "provisions": [],
        "questions": {
            "1": {"outcome": "disclosed", "exemptions": [], "read": "?"},
            "2": {"outcome": "disclosed", "exemptions": [], "read": "?"},
        },
    }
    values = columns(READ, fixed)
    assert values["overall_outcome"] == "disclosed"
    assert values["provisions_text"] == "" and values["ncnd"] is False
    shown = corrected_questions(READ, fixed)
    assert [q.outcome for q in shown] == ["disclosed", "disclosed"]
    assert [q.read_outcome for q in shown] == ["partially_disclosed"] * 2
    assert all(q.corrected for q in shown)


def test_a_question_marked_not_visible_is_a_correction_too():
    fixed = differences(READ, {"questions": {2: {"outcome": None}}})

    assert fixed == {"questions": {"2": {"outcome": None, "read": "?"}}}
    assert [q.outcome for q in corrected_questions(READ, fixed)] == ["partially_disclosed", None]
    assert columns(READ, fixed)["overall_outcome"] == "partially_disclosed"


@pytest.mark.parametrize(
    ("wanted", "says"),
    [
        ({"questions": {1: {"outcome": "refused"}}}, "“refused” is not an outcome"),
        ({"questions": {3: {"outcome": "disclosed"}}}, "The record has no question 3"),
    ],
)
def test_an_unknown_outcome_or_question_is_refused(wanted, says):
    with pytest.raises(CorrectionError, match=says):
        differences(READ, wanted)


def test_a_record_without_questions_has_its_overall_outcome_corrected():
    bare = {"record": {**READ["record"], "overall_outcome": None}, "questions": []}

    fixed = differences(bare, {"overall_outcome": "not_held"})

    assert fixed == {"overall_outcome": "not_held"}
    assert columns(bare, fixed)["overall_outcome"] == "not_held"


def test_corrections_of_questions_the_reading_no_longer_has_are_reported():
    fixed = {"questions": {"2": {"outcome": "exempt"}, "5": {"outcome": "not_held"}}}

    assert unapplied(READ, fixed) == [5]
    assert [q.outcome for q in corrected_questions(READ, fixed)] == [
        "partially_disclosed",
        "exempt",
    ]


def test_the_tally_counts_what_staff_left_as_read_as_read_right():
    doubt = ["No answer was found to question 2."]
    checked = [
        ({}, 4, []),  # read right throughout
        (
            {"questions": {"1": {"outcome": "exempt"}, "2": {"exemptions": []}}, "ncnd": True},
            3,
            doubt,
        ),
        ({"reference": "12/24", "provisions": ["s40(2)"]}, 0, []),
        ({"split": [{"text": "How many?", "outcome": "disclosed", "exemptions": []}]}, 1, None),
        ({}, 2, doubt),
        ({"overall_outcome": "not_held"}, 0, []),  # no questions found; its outcome corrected
    ]

    result = tally(checked)

    assert result.records == 6
    shares = {f.name: (f.right, f.total) for f in result.fields}
    assert shares["Question outcomes"] == (8, 9)
    assert shares["Question provisions"] == (8, 9)
    assert shares["Outcome where no questions were found"] == (1, 2)
    assert shares["Reference"] == (5, 6)
    assert shares["Provisions cited"] == (5, 6)
    assert shares["Neither confirm nor deny"] == (5, 6)
    assert shares["Harm test"] == (6, 6)
    assert shares["Questions as split"] == (5, 6)
    assert shares["Records read right throughout"] == (2, 6)
    outcomes = next(f for f in result.fields if f.name == "Question outcomes")
    assert round(outcomes.percent, 1) == 88.9
    # Records needing no correction, by whether the importer raised doubts; the record read
    # before it said (None) is in neither.
    assert (result.no_doubts.right, result.no_doubts.total) == (1, 3)
    assert (result.doubts.right, result.doubts.total) == (1, 2)
    assert all(f.percent is None for f in tally([]).fields)


def test_as_many_questions_as_the_importer_read_are_corrected_one_by_one():
    """Spacing is not a correction; new words for a question are, and keep its answer."""
    split = [
        {"text": " ?\n", "outcome": "disclosed", "exemptions": []},
        {"text": "How many drones?", "outcome": "partially_disclosed", "exemptions": ["s24(2)"]},
    ]

    fixed = differences(READ, {"split": split})

    assert fixed == {
        "questions": {
            "1": {"outcome": "disclosed", "exemptions": [], "read": "?"},
            "2": {"text": "How many drones?", "read": "?"},
        }
    }
    second = corrected_questions(READ, fixed)[1]
    assert second.text == "How many drones?" and second.corrected and not second.split_by_staff


def test_staffs_own_split_replaces_the_importers_questions():
    split = [
        {"text": "How many drones?", "outcome": "disclosed", "exemptions": []},
        {"text": "Which models?", "outcome": "exempt", "exemptions": ["s24(1)"]},
        {"text": "Where are they kept?", "outcome": None, "exemptions": []},
    ]

    fixed = differences(READ, {"split": split, "ncnd": False})

    assert fixed["split"][2] == {"text": "Where are they kept?", "outcome": None, "exemptions": []}
    assert fixed["ncnd"] is False and "questions" not in fixed
    shown = corrected_questions(READ, fixed)
    assert [q.text for q in shown] == ["How many drones?", "Which models?", "Where are they kept?"]
    assert all(q.split_by_staff and q.corrected for q in shown)
    first = {**READ["questions"][0], "text": "How many drones?", "answer": "4"}
    kept = corrected_questions({**READ, "questions": [first]}, fixed)
    assert [q.answer for q in kept] == ["4", "", ""]
    values = columns(READ, fixed)
    assert values["question_count"] == 3
    assert values["overall_outcome"] == "partially_disclosed"  # disclosed beside exempt
    assert unapplied(READ, fixed) == []
    with pytest.raises(CorrectionError, match="Keep at least one question"):
        differences(READ, {"split": []})
    with pytest.raises(CorrectionError, match="“refused” is not an outcome"):
        differences(READ, {"split": [{"text": "How many?", "outcome": "refused"}]})


# --- The service and re-importing ---------------------------------------------------------


def _import(tmp_path, *, ref: str = "1053A/22", third: str = "") -> ImportedRecord:
    return _import_text(tmp_path, PAGE.format(ref=ref, third=third))


def _import_text(tmp_path, text: str) -> ImportedRecord:
    log = tmp_path / "log.jsonl"
    log.write_text(json.dumps({"id": "drones", "text": text}) + "\n", encoding="utf-8")
    call_command("import_log", str(log), stdout=io.StringIO(), stderr=io.StringIO())
    return ImportedRecord.objects.get(source_id="drones")


OFFICERS_READING = {
    "reference": "1053A/22",
    "provisions": ["s24(2)"],
    "ncnd": True,
    "public_interest_test_present": False,
    "harm_test_present": False,
    "has_attachment": True,
    "questions": {
        1: {"outcome": "disclosed", "exemptions": []},
        2: {"outcome": "ncnd", "exemptions": ["s24(2)"]},
    },
}


@pytest.mark.django_db
def test_checking_a_record_keeps_the_corrections_and_audits_them(tmp_path, officer):
    record = _import(tmp_path)

    imported_record_check(
        actor=officer, record=record, wanted=OFFICERS_READING, note="Q1 is answered in full"
    )

    record.refresh_from_db()
    read = [q["text"] for q in record.extracted["questions"]]
    assert record.corrections == {
        "questions": {
            "1": {"outcome": "disclosed", "exemptions": [], "read": read[0]},
            "2": {"outcome": "ncnd", "read": read[1]},
        }
    }
    assert record.overall_outcome == "partially_disclosed"  # disclosed beside an NCND
    assert record.extracted["questions"][0]["outcome"] == "partially_disclosed"  # as read
    assert record.checked_by == officer and record.checked_hash == record.reading
    assert not record.changed_since_checked
    event = AuditEvent.objects.get(event_type="imported_record_checked")
    assert event.actor == officer and event.subject_id == str(record.pk)
    assert event.detail["note"] == "Q1 is answered in full"
    assert event.detail["corrections"] == record.corrections


@pytest.mark.django_db
def test_a_check_that_finds_nothing_wrong_records_who_checked(tmp_path, officer):
    record = _import(tmp_path)
    as_read = {
        **OFFICERS_READING,
        "questions": {
            1: {"outcome": "partially_disclosed", "exemptions": ["s24(2)"]},
            2: {"outcome": "partially_disclosed", "exemptions": ["s24(2)"]},
        },
    }

    imported_record_check(actor=officer, record=record, wanted=as_read)

    record.refresh_from_db()
    assert record.corrections == {} and record.checked_at is not None
    assert AuditEvent.objects.get(event_type="imported_record_checked").changes == {}


@pytest.mark.django_db
def test_a_refused_correction_changes_nothing(tmp_path, officer):
    record = _import(tmp_path)
    bad = {**OFFICERS_READING, "questions": {7: {"outcome": "disclosed"}}}

    with pytest.raises(CorrectionError):
        imported_record_check(actor=officer, record=record, wanted=bad)

    record.refresh_from_db()
    assert record.corrections == {} and record.checked_at is None
    assert not AuditEvent.objects.filter(event_type="imported_record_checked").exists()


@pytest.mark.django_db
def test_importing_the_page_again_keeps_what_staff_corrected(tmp_path, officer):
    record = _import(tmp_path)
    wanted = {**OFFICERS_READING, "harm_test_present": True, "provisions": ["s24(2)", "s31"]}
    imported_record_check(actor=officer, record=record, wanted=wanted)

    record = _import(tmp_path, ref="1053B/22", third="3. Where are they kept?\n")

    assert record.reference == "1053B/22" and record.question_count == 3
    assert record.harm_test_present and record.provisions == ["s24(2)", "s31"]
    assert record.corrections["questions"]["2"]["outcome"] == "ncnd"
    assert [q.outcome for q in corrected_questions(record.extracted, record.corrections)] == [
        "disclosed",
        "ncnd",
        "partially_disclosed",
    ]
    assert record.overall_outcome == "partially_disclosed"
    assert record.changed_since_checked


@pytest.mark.django_db
def test_a_correction_whose_question_has_gone_is_kept_and_reported(tmp_path, officer):
    record = _import(tmp_path, third="3. Where are they kept?\n")
    wanted = {"questions": {3: {"outcome": "not_held"}}}
    imported_record_check(actor=officer, record=record, wanted=wanted)

    record = _import(tmp_path)

    assert record.corrections["questions"]["3"]["outcome"] == "not_held"
    assert unapplied(record.extracted, record.corrections) == [3]
    assert record.overall_outcome == "partially_disclosed"


# --- The check page -----------------------------------------------------------------------


def _form(record: ImportedRecord, **changes: str) -> dict[str, str]:
    """The check form as it comes filled in, with ``changes``."""
    data = {
        "title": record.title,
        "date_shown": record.date_shown,
        "reference": record.reference,
        "provisions": ", ".join(cited(record.extracted, record.corrections)),
        "ncnd": "yes" if record.ncnd else "no",
        "harm_test_present": "yes" if record.harm_test_present else "no",
        "public_interest_test_present": "yes" if record.public_interest_test_present else "no",
        "has_attachment": "yes" if record.has_attachment else "no",
        "note": "",
        "reading": record.reading,
        "checked": check_state(record.corrections, record.checked_at),
    }
    questions = corrected_questions(record.extracted, record.corrections)
    for q in questions:
        data[f"q{q.number}_text"] = q.text
        data[f"q{q.number}_outcome"] = q.outcome or ""
        data[f"q{q.number}_provisions"] = ", ".join(q.exemptions)
    for n in range(len(questions) + 1, len(questions) + 3):  # the two empty rows
        data.update({f"q{n}_text": "", f"q{n}_outcome": "", f"q{n}_provisions": ""})
    data.update(changes)
    return data


def _sent(client, url: str, data: dict[str, str]):
    """Post the check form as a browser sends it: URL-encoded, with each line break in a box
    sent as CR LF."""
    sent = {k: v.replace("\n", "\r\n") if k.endswith("_text") else v for k, v in data.items()}
    return client.post(url, urlencode(sent), content_type="application/x-www-form-urlencoded")


#: A question of 60 lines, 5,560 characters as read (5,620 as a browser sends it).
LONG_QUESTION = "For each police station please give the following:\n" + "\n".join(
    f"– The number of drones bought for station {i} in each year since 2015, with the cost of each"
    for i in range(60)
)


def _import_long(tmp_path, question: str) -> ImportedRecord:
    page = PAGE.format(ref="1053A/22", third="")
    return _import_text(tmp_path, page.replace("How many drones does the force have?", question))


@pytest.mark.django_db
def test_a_long_question_is_checked_as_read_and_joined_to_the_next(officer_client, tmp_path):
    record = _import_long(tmp_path, LONG_QUESTION)
    assert record.extracted["questions"][0]["text"] == LONG_QUESTION
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    assert "with the cost of each</textarea>" in officer_client.get(url).content.decode()

    response = _sent(officer_client, url, _form(record, q2_outcome="disclosed", q2_provisions=""))

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.corrections["questions"] == {
        "2": {"outcome": "disclosed", "exemptions": [], "read": "Which drones are you using?"}
    }
    joined = f"{LONG_QUESTION}\nWhich drones are you using?"
    response = _sent(officer_client, url, _form(record, q1_text=joined, q2_text="", q2_outcome=""))
    assert response.status_code == 302
    record.refresh_from_db()
    assert [q["text"] for q in record.corrections["split"]] == [joined]  # line ends as read


@pytest.mark.django_db
def test_a_question_read_longer_than_a_box_takes_may_stay_as_long(officer_client, tmp_path):
    question = "Please tell me " + ", ".join(
        f"how many drones were bought for station {i}" for i in range(500)
    )
    record = _import_long(tmp_path, f"{question}?")
    read = record.extracted["questions"][0]["text"]
    assert len(read) == 22_404 > QUESTION_CHARS
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    longer = _sent(officer_client, url, _form(record, q1_text=f"{read} And when?"))
    assert longer.status_code == 400
    html = longer.content.decode()
    assert "A question must be 22,404 characters or fewer" in html
    assert "Write the words of question 1" not in html  # its words were given
    record.refresh_from_db()
    assert record.checked_at is None

    assert _sent(officer_client, url, _form(record, q1_outcome="disclosed")).status_code == 302
    record.refresh_from_db()
    assert record.corrections["questions"]["1"]["outcome"] == "disclosed"
    assert "text" not in record.corrections["questions"]["1"]


@pytest.mark.django_db
def test_a_question_longer_than_a_box_takes_is_a_400_saying_so(officer_client, tmp_path):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    response = _sent(officer_client, url, _form(record, q3_text="Why? " * 4_001))

    assert response.status_code == 400
    html = response.content.decode()
    assert "A question must be 20,000 characters or fewer" in html
    record.refresh_from_db()
    assert record.checked_at is None and record.corrections == {}


@pytest.mark.django_db
def test_a_record_citing_most_of_the_catalogue_is_checked_without_losing_any(
    officer_client, tmp_path
):
    """An index page: its provisions, written out, are longer than a box took (1,000 for the
    page, 500 for a question), and than the searchable column kept (1,000 characters)."""
    ids = [p.id.split(":")[1] for law in ("foia", "eir") for p in provisions_for(law)]
    said = [f"section {i[1:]}" if i.startswith("s") else f"regulation {i[3:]}" for i in ids]
    page = PAGE.format(ref="1053A/22", third="").replace(
        "Please find attached our response.",
        "\n".join(f"Some of it is withheld under {words}." for words in said),
    )
    record = _import_text(tmp_path, page)
    read = record.extracted["record"]["exemptions_cited"]
    assert len(", ".join(read)) > 1_200 and record.provisions_text.split() == read
    last = read[-1]
    listed = officer_client.get(reverse("imports:records"), {"provision": last})
    assert f"/staff/imports/records/{record.pk}/" in listed.content.decode()
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    shown = f'name="provisions" type="text" value="{", ".join(read)}"'
    assert shown in officer_client.get(url).content.decode()

    response = officer_client.post(url, _form(record, q1_outcome="not_held"))

    assert response.status_code == 302
    record.refresh_from_db()
    assert "provisions" not in record.corrections  # every one kept, as read
    assert record.corrections["questions"]["1"]["outcome"] == "not_held"
    assert cited(record.extracted, record.corrections) == read


def _many_questions(tmp_path, count: int) -> ImportedRecord:
    asked = "\n".join(
        f"{n}. How many drones of type {n} does the force have?" for n in range(1, count + 1)
    )
    return _import_text(
        tmp_path,
        PAGE.format(ref="1053A/22", third="").replace(
            "1. How many drones does the force have?\n2. Which drones are you using?", asked
        ),
    )


def _browser(officer) -> Client:
    """A client that, like a browser, is held to the CSRF check."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    return client


def _opened(client, url: str, record: ImportedRecord, **changes: str) -> dict[str, str]:
    """The check form as the page gives it, with its CSRF token, and ``changes``."""
    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    return {**_form(record, **changes), "csrfmiddlewaretoken": token[1]}


@pytest.mark.django_db
def test_a_record_of_hundreds_of_questions_is_checked_through_the_form(officer, tmp_path):
    """Its form sends more values than the 1,000 Django takes from a request by default."""
    record = _many_questions(tmp_path, 400)
    assert record.question_count == 400
    client = _browser(officer)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    data = _opened(client, url, record, q400_outcome="not_held", q400_provisions="")
    assert len(data) > 1_200

    response = _sent(client, url, data)

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.corrections["questions"]["400"]["outcome"] == "not_held"
    del data["csrfmiddlewaretoken"]
    assert _sent(client, url, data).status_code == 403  # still held to the CSRF check


@pytest.mark.django_db
def test_a_form_sending_more_than_the_check_form_has_is_a_400_saying_why(officer, tmp_path):
    record = _import(tmp_path)
    client = _browser(officer)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    data = _opened(client, url, record, q1_outcome="not_held")
    padding = {f"x{n}": "" for n in range(3_100)}

    for response in (
        _sent(client, url, {**data, **padding}),
        client.post(url, {**data, **padding}),  # multipart, read by Django
    ):
        assert response.status_code == 400
        says = "Nothing was saved: the form sent more values than this page takes"
        assert says in response.content.decode()
    unreadable = client.generic("POST", url, b"--", content_type="multipart/form-data")
    assert unreadable.status_code == 400
    assert "Nothing was saved: the form could not be read" in unreadable.content.decode()
    record.refresh_from_db()
    assert record.checked_at is None


@pytest.mark.django_db
def test_a_record_of_more_questions_than_the_form_shows_says_it_cannot_be_checked_here(
    officer, tmp_path
):
    record = _many_questions(tmp_path, 1_001)
    assert record.question_count == 1_001
    client = _browser(officer)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    page = client.get(url)

    assert page.status_code == 200
    html = page.content.decode()
    says = "This record has 1,001 questions, more than the 1,000 the check form can show"
    assert says in html and "<textarea" not in html
    data = _opened(client, url, record, q1_outcome="not_held")
    assert _sent(client, url, data).status_code == 400  # more values than any form has
    fewer = {k: v for k, v in data.items() if not re.match(r"q([2-9]|\d\d+)_", k)}
    response = _sent(client, url, fewer)
    assert response.status_code == 400 and says in response.content.decode()
    record.refresh_from_db()
    assert record.checked_at is None


def _posted(body: bytes):
    """A request for the check page carrying ``body`` URL-encoded, as the server hands it on."""
    return RequestFactory().post(
        "/staff/imports/records/1/check/", body, content_type="application/x-www-form-urlencoded"
    )


def test_a_large_form_read_once_has_no_files_to_read_again():
    """Touching ``request.FILES`` after the check form is read does not read the form again
    within the site's 1,000 values, which would refuse it and undo the reading."""
    request = _posted(urlencode({f"q{n}_text": "x" for n in range(1, 1501)}).encode())

    _read_form(request, 2000)

    assert len(request.POST) == 1500
    assert len(request.FILES) == 0
    assert len(request.POST) == 1500


class _BrokenStream(io.RawIOBase):
    """The body of a request whose browser went away while sending it."""

    def read(self, *args):
        raise OSError("Connection reset by peer")

    readline = read


@pytest.mark.django_db
def test_a_form_that_does_not_arrive_whole_is_a_400_saying_nothing_was_saved(officer):
    request = _posted(b"title=Drones")
    request._stream = _BrokenStream()
    request.user = officer

    response = record_check(request, pk=1)

    assert response.status_code == 400
    assert response.content.decode() == (
        "Nothing was saved: the form did not arrive whole. "
        "Open the page again and make your changes there."
    )


@pytest.mark.django_db
def test_a_record_whose_form_would_be_too_large_to_send_says_so(officer, tmp_path, settings):
    record = _import_long(tmp_path, LONG_QUESTION)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 101_000  # room to write, and 1 KB
    client = _browser(officer)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    html = client.get(url).content.decode()
    assert "This record&#x27;s questions are too long to check here" in html
    assert "before you write anything, and a form may send at most 98.6\xa0KB" in html

    short = _import(tmp_path)  # the same page, its questions short
    data = _opened(client, url, short, q1_text="é" * 20_000)  # 120 KB as sent
    response = _sent(client, url, data)
    assert response.status_code == 400
    assert "Nothing was saved: the form was larger than the 98.6\xa0KB a form may send" in (
        response.content.decode()
    )
    short.refresh_from_db()
    assert short.checked_at is None


def test_a_question_answered_with_the_whole_request_shows_the_decision():
    """The decision on the whole request is stored once; each question it answers shows it,
    on the record and on the check page alike, and so does staff's split of such a request."""
    whole = {
        **READ,
        "decision": "Please find attached our response.",
        "questions": [{**q, "answer": "", "found": "whole request"} for q in READ["questions"]],
    }
    read = corrected_questions(whole, {})
    assert [q.answer for q in read] == ["Please find attached our response."] * 2
    split = corrected_questions(
        whole, {"split": [{"text": "?", "outcome": "disclosed", "exemptions": []}]}
    )
    assert split[0].answer == "Please find attached our response."
    own = {**whole, "questions": [{**whole["questions"][0], "found": "own answer"}]}
    assert corrected_questions(own, {})[0].answer == ""


@pytest.mark.django_db
def test_an_officer_corrects_a_record_and_sees_both_readings(officer_client, tmp_path):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    form = officer_client.get(url).content.decode()
    assert 'value="1053A/22"' in form
    # The response answers the request as a whole: the officer sees that answer by each question.
    assert form.count("The answer as published") == 2 and "Please find attached our" in form

    response = officer_client.post(
        url, _form(record, q1_outcome="disclosed", q1_provisions="", harm_test_present="yes")
    )

    assert response.status_code == 302 and response["Location"] == record.get_absolute_url()
    record.refresh_from_db()
    assert record.harm_test_present is True
    assert record.corrections["questions"]["1"]["outcome"] == "disclosed"
    html = officer_client.get(record.get_absolute_url()).content.decode()
    assert "Checked by staff" in html
    assert "By staff. The importer read: Partially disclosed (s24(2))" in html
    assert "Shown (corrected)" in html
    listed = officer_client.get(reverse("imports:records"), {"checked": "yes"})
    assert [r.pk for r in listed.context["page_obj"].object_list] == [record.pk]
    unchecked = officer_client.get(reverse("imports:records"), {"checked": "no"})
    assert unchecked.context["page_obj"].paginator.count == 0


@pytest.mark.django_db
def test_an_officer_corrects_the_title_and_date_and_a_re_import_keeps_them(
    officer_client, tmp_path
):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    response = officer_client.post(
        url, _form(record, title="Drones used by the force", date_shown="16/01/2023")
    )

    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.title, record.date_shown) == ("Drones used by the force", "2023-01-16")
    html = officer_client.get(record.get_absolute_url()).content.decode()
    assert "Title corrected by staff; the importer read “Drones”" in html
    assert "2023-01-16 (corrected; the importer read none)" in html
    event = AuditEvent.objects.get(event_type="imported_record_checked")
    assert event.changes["title"] == ["Drones", "Drones used by the force"]
    listed = officer_client.get(reverse("imports:records"), {"q": "used by the force"})
    assert [r.pk for r in listed.context["page_obj"].object_list] == [record.pk]
    _import(tmp_path, third="3. How many pilots fly them?\n")  # the page changed: read afresh
    assert ImportRun.objects.order_by("-pk").first().updated == 1
    record.refresh_from_db()
    assert record.question_count == 3
    assert (record.title, record.date_shown) == ("Drones used by the force", "2023-01-16")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "Enter the response&#x27;s title"),
        ({"date_shown": "30/02/2023"}, "“30/02/2023” is not a real date"),
        ({"date_shown": "last spring"}, "Enter the date like 2023-01-16 or 16/01/2023"),
    ],
)
def test_a_bad_title_or_date_is_a_400_and_nothing_changes(
    officer_client, tmp_path, changes, message
):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    response = officer_client.post(url, _form(record, **changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    record.refresh_from_db()
    assert record.corrections == {} and record.checked_at is None and record.title == "Drones"


@pytest.mark.django_db
def test_a_bad_provision_is_a_400_naming_it_and_nothing_changes(officer_client, tmp_path):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    response = officer_client.post(
        url, _form(record, q1_outcome="disclosed", q2_provisions="s24 paragraph 2")
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and "“paragraph” is not a provision to cite" in html
    record.refresh_from_db()
    assert record.corrections == {} and record.checked_at is None
    assert not AuditEvent.objects.filter(event_type="imported_record_checked").exists()


@pytest.mark.django_db
def test_an_unknown_outcome_or_a_missing_answer_is_a_400(officer_client, tmp_path):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    data = _form(record, q2_outcome="refused", ncnd="maybe")
    del data["has_attachment"]

    response = officer_client.post(url, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose an outcome from the list" in html
    assert "Choose yes or no from the list" in html
    assert "Answer yes or no: an attachment is referred to" in html
    record.refresh_from_db()
    assert record.checked_at is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY])
def test_only_foi_officers_check_records(client, make_staff, tmp_path, role):
    record = _import(tmp_path)
    client.force_login(make_staff("staff", role))
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    assert client.get(url).status_code == 403
    assert client.post(url, _form(record, q1_outcome="disclosed")).status_code == 403
    assert "Check and correct" not in client.get(record.get_absolute_url()).content.decode()
    record.refresh_from_db()
    assert record.checked_at is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY])
def test_a_refused_check_is_a_403_saying_why_logged_as_one_line_without_a_traceback(
    client, make_staff, tmp_path, role, caplog
):
    record = _import(tmp_path)
    client.force_login(make_staff("staff", role))
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    with caplog.at_level(logging.INFO, logger="django.request"):
        response = client.get(url)

    assert response.status_code == 403
    assert "Only FOI officers check and correct imported records." in response.content.decode()
    logged = [r for r in caplog.records if r.name == "django.request"]
    assert [(r.levelname, r.getMessage()) for r in logged] == [("WARNING", f"Forbidden: {url}")]
    assert all(r.exc_info is None for r in logged)
    assert "Traceback" not in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY])
def test_checking_a_record_that_does_not_exist_is_a_404_for_every_register_role(
    client, make_staff, role
):
    """They open every record's own page, so the 404 tells them nothing new."""
    client.force_login(make_staff("staff", role))
    url = reverse("imports:record-check", kwargs={"pk": 999_999})

    assert client.get(url).status_code == 404
    assert client.get(reverse("imports:record", kwargs={"pk": 999_999})).status_code == 404


@pytest.mark.django_db
def test_checking_a_record_that_does_not_exist_is_a_404(officer_client):
    url = reverse("imports:record-check", kwargs={"pk": 999_999})

    assert officer_client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_import_history_shows_how_well_the_importer_read_the_checked_records(
    officer_client, officer, tmp_path
):
    history = reverse("imports:runs")
    record = _import(tmp_path)
    assert "No imported response has been checked by staff yet" in (
        officer_client.get(history).content.decode()
    )

    imported_record_check(actor=officer, record=record, wanted=OFFICERS_READING)

    response = officer_client.get(history)
    shares = {f.name: (f.right, f.total) for f in response.context["tally"].fields}
    assert response.context["tally"].records == 1
    assert shares["Question outcomes"] == (0, 2) and shares["Reference"] == (1, 1)
    html = response.content.decode()
    assert "1 imported response staff have checked" in html and "0.0%" in html
    # The importer was unsure of this page (a part refusal of the whole request), and the
    # officer corrected it.
    tally = response.context["tally"]
    assert record.doubts and (tally.doubts.right, tally.doubts.total) == (0, 1)
    assert tally.no_doubts.total == 0
    assert "Was unsure of its reading" in html and "?doubts=yes&amp;checked=no" in html


@pytest.mark.django_db
def test_an_officer_splits_a_request_the_importer_split_wrongly(officer_client, tmp_path):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    data = _form(
        record,
        q1_text="How many drones does the force have?",
        q2_text="Which drones are you using?",
        q3_text="Where are the drones kept?",  # a question the importer missed
        q3_outcome="not_held",
    )

    response = officer_client.post(url, data)

    assert response.status_code == 302
    record.refresh_from_db()
    assert [q["text"] for q in record.corrections["split"]] == [
        "How many drones does the force have?",
        "Which drones are you using?",
        "Where are the drones kept?",
    ]
    assert record.question_count == 3
    assert record.overall_outcome == "partially_disclosed"
    html = officer_client.get(record.get_absolute_url()).content.decode()
    assert "Staff split the request into 3 questions; the importer read 2." in html
    assert "Split by staff" in html
    assert "attached our response" in html  # the kept questions keep their published answer

    record = _import(tmp_path, ref="1053B/22")  # read again: staff's questions stay
    assert record.question_count == 3 and record.corrections["split"][2]["outcome"] == "not_held"


@pytest.mark.django_db
def test_an_outcome_without_the_questions_words_is_a_400(officer_client, tmp_path):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    response = officer_client.post(url, _form(record, q3_outcome="disclosed"))

    assert response.status_code == 400
    assert "Write the words of question 3, or leave its outcome and provisions empty" in (
        response.content.decode()
    )
    record.refresh_from_db()
    assert record.checked_at is None


@pytest.mark.django_db
def test_taking_out_every_question_is_refused(officer_client, tmp_path):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    cleared = {f"q{n}_{f}": "" for n in (1, 2) for f in ("text", "outcome", "provisions")}

    response = officer_client.post(url, _form(record, **cleared))

    assert response.status_code == 400
    assert "Keep at least one question: the response answers something" in (
        response.content.decode()
    )
    record.refresh_from_db()
    assert record.corrections == {} and record.checked_at is None


@pytest.mark.django_db
def test_the_record_page_lists_each_check_with_what_it_corrected_and_why(
    officer_client, officer, tmp_path
):
    record = _import(tmp_path)
    imported_record_check(actor=officer, record=record, wanted={})
    wanted = {"reference": "1053/22", "ncnd": False}
    imported_record_check(actor=officer, record=record, wanted=wanted, note="Typo in the ref")

    response = officer_client.get(record.get_absolute_url())

    checks = response.context["checks"]
    assert [c["corrected"] for c in checks] == [["the reference", "NCND"], []]
    html = response.content.decode()
    assert "corrected the reference, NCND. “Typo in the ref”" in html
    assert "read right" in html


# --- Changes under the officer's feet (a re-import while the form is open, or since the check)


@pytest.mark.django_db
def test_a_form_opened_before_a_re_import_is_refused_and_nothing_changes(officer_client, tmp_path):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    opened = _form(record, q1_outcome="disclosed")  # as the form came, before the re-import

    _import(tmp_path, third="3. Where are they kept?\n")
    response = officer_client.post(url, opened)

    assert response.status_code == 400
    assert "imported again after you opened it" in response.content.decode()
    record.refresh_from_db()
    assert record.question_count == 3 and record.corrections == {}
    assert record.checked_at is None


@pytest.mark.django_db
def test_a_form_opened_before_another_officers_check_changed_the_questions_is_refused(
    officer_client, officer, tmp_path
):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    opened = _form(record, q3_text="Where are the drones kept?")  # rows 1 to 4
    theirs = [
        {"text": f"Question {n}?", "outcome": "disclosed", "exemptions": []} for n in (1, 2, 3)
    ]
    imported_record_check(actor=officer, record=record, wanted={"split": theirs})

    response = officer_client.post(url, opened)

    assert response.status_code == 400
    assert "The record&#x27;s questions have changed since you opened the form" in (
        response.content.decode()
    )
    record.refresh_from_db()
    assert record.corrections == {"split": theirs}


@pytest.mark.django_db
def test_two_officers_checking_one_record_at_once_do_not_undo_each_others_corrections(
    officer, make_staff, tmp_path
):
    """Both open the check page; the first corrects the title, the second the reference. The
    second form still shows the old title, so saving it would undo the first officer's
    correction: it is refused, and nothing it sent is saved."""
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    first, second = _browser(officer), _browser(make_staff("second", Role.FOI_OFFICER))
    theirs = _opened(first, url, record, title="Drones kept by the force")
    mine = _opened(second, url, record, reference="1053B/22")

    assert _sent(first, url, theirs).status_code == 302
    response = _sent(second, url, mine)

    assert response.status_code == 400
    assert "Someone else checked this record after you opened the form" in (
        response.content.decode()
    )
    record.refresh_from_db()
    assert (record.title, record.reference) == ("Drones kept by the force", "1053A/22")
    assert record.checked_by == officer
    assert record.corrections == {"title": "Drones kept by the force"}
    assert AuditEvent.objects.filter(event_type="imported_record_checked").count() == 1

    # Opened again, the second officer's form shows the first's correction and is saved.
    again = _opened(second, url, record, reference="1053B/22")
    assert _sent(second, url, again).status_code == 302
    record.refresh_from_db()
    assert (record.title, record.reference) == ("Drones kept by the force", "1053B/22")


@pytest.mark.django_db
def test_a_check_made_on_a_stale_check_state_is_refused_under_the_lock(officer, tmp_path):
    """The form's comparison can race with another check; the service's, under the record's
    lock, cannot."""
    record = _import(tmp_path)
    opened = check_state(record.corrections, record.checked_at)
    imported_record_check(actor=officer, record=record, wanted={"title": "Theirs"}, checked=opened)

    with pytest.raises(CorrectionError, match="Someone else checked this record"):
        imported_record_check(
            actor=officer, record=record, wanted={"reference": "X1"}, checked=opened
        )
    record.refresh_from_db()
    assert (record.title, record.corrections) == ("Theirs", {"title": "Theirs"})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"reading": None}, "The form was changed after the check page made it"),
        ({"reading": ""}, "The form was changed after the check page made it"),
        ({"reading": "x" * 65}, "The form was changed after the check page made it"),
        ({"reading": "\x00"}, "The form was changed after the check page made it"),
        ({"reading": "0" * 64}, "This record was imported again after you opened it"),
        ({"q5_text": "A fifth?"}, "The record&#x27;s questions have changed since you opened"),
        ({"q0_outcome": "disclosed"}, "The record&#x27;s questions have changed since you opened"),
        ({"q01_text": "How many?"}, "The record&#x27;s questions have changed since you opened"),
        ({"q4_provisions": None}, "The record&#x27;s questions have changed since you opened"),
    ],
)
def test_a_tampered_form_is_refused_as_a_whole_and_nothing_changes(
    officer_client, tmp_path, changes, says
):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})
    data = _form(record, q1_outcome="not_held", **changes)
    data = {name: value for name, value in data.items() if value is not None}  # None: not sent

    response = officer_client.post(url, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and says in html
    record.refresh_from_db()
    assert record.corrections == {} and record.checked_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"title": "\x1b[31mDrones"}, "Take out the control character U+001B from the title"),
        ({"title": "\u200b\u200e"}, "Enter the response&#x27;s title"),
        ({"title": "Drones\nand more"}, "Write the title on one line"),
        ({"reference": "1053A/22\x7f"}, "control character U+007F from the reference: the page"),
        ({"reference": "1053A/\r22"}, "Write the reference on one line"),
        (
            {"provisions": "s24(2)\x1cs31"},
            "Take out the control character U+001C from the provisions",
        ),
        (
            {"q1_provisions": "s24(2)\x85s31"},
            "control character U+0085 from the provisions of question 1",
        ),
        (
            {"q1_text": "How many\x07 drones?"},
            "control character U+0007 from the words of question 1",
        ),
        (
            {"q3_text": "\u200b", "q3_outcome": "ncnd"},
            "There is nothing to read in the words of question 3",
        ),
        ({"q3_text": "\x1b"}, "control character U+001B from the words of question 3"),
        ({"note": "Checked\x08"}, "Take out the control character U+0008 from your note"),
    ],
)
def test_what_no_one_types_is_refused_and_nothing_changes(officer_client, tmp_path, changes, says):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    response = officer_client.post(url, _form(record, **changes))

    assert response.status_code == 400
    assert says in response.content.decode()
    record.refresh_from_db()
    assert record.corrections == {} and record.checked_at is None


@pytest.mark.django_db
def test_a_control_character_the_page_has_may_stay(officer_client, tmp_path):
    """A page's text may have one (a character a conversion left behind); the form shows it,
    and sends it back."""
    page = PAGE.format(ref="1053A/22", third="").replace("drones does", "drones\x96 does")
    record = _import_text(tmp_path, page)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    response = officer_client.post(url, _form(record, q2_text="Which\x96 drones?"))

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.corrections["questions"] == {
        "2": {"text": "Which\x96 drones?", "read": "Which drones are you using?"}
    }


@pytest.mark.django_db
def test_a_correction_stays_with_its_question_when_a_re_read_numbers_them_differently(
    officer, tmp_path
):
    record = _import(tmp_path)
    imported_record_check(
        actor=officer, record=record, wanted={"questions": {2: {"outcome": "not_held"}}}
    )
    moved = PAGE.replace("2. Which drones", "2. Where are they kept?\n3. Which drones")

    record = _import_text(tmp_path, moved.format(ref="1053A/22", third=""))

    shown = corrected_questions(record.extracted, record.corrections)
    # "Which drones are you using?" is question 3 now, and its correction went with it.
    assert [q.outcome for q in shown] == ["partially_disclosed", "partially_disclosed", "not_held"]
    assert unapplied(record.extracted, record.corrections) == []
    assert record.changed_since_checked


@pytest.mark.django_db
def test_a_newer_reading_of_the_same_text_needs_checking_again(officer, tmp_path):
    record = _import(tmp_path)
    imported_record_check(actor=officer, record=record, wanted={})
    assert not record.changed_since_checked

    extracted = {**record.extracted, "record": {**record.extracted["record"], "ncnd": False}}
    ImportedRecord.objects.filter(pk=record.pk).update(extracted=extracted)  # as --refresh would
    record.refresh_from_db()

    assert record.changed_since_checked


def test_a_corrected_outcome_keeps_the_importers_overall_when_the_questions_decide_none():
    logged = {
        "record": {**READ["record"], "overall_outcome": "cost_limit_s12"},
        "questions": [{"number": 1, "text": "?", "outcome": None, "exemptions": []}],
    }

    only_provisions = differences(logged, {"questions": {1: {"exemptions": ["s12"]}}})
    assert columns(logged, only_provisions)["overall_outcome"] == "cost_limit_s12"
    marked_not_visible = {"questions": {"1": {"outcome": None, "read": "?"}}}
    assert columns(logged, marked_not_visible)["overall_outcome"] == "cost_limit_s12"


def test_a_record_stored_without_a_reading_is_read_with_defaults():
    bare: dict = {"questions": [{"text": "How many?", "outcome": "disclosed"}]}

    assert columns(bare, {})["question_count"] == 1
    assert (
        differences(bare, {"questions": {1: {"outcome": "exempt"}}})["questions"]["1"]["outcome"]
        == "exempt"
    )
    assert corrected_questions(bare, {})[0].number == 1


def test_provisions_in_other_scripts_digits_are_refused():
    with pytest.raises(CitationError, match="is not a provision to cite"):
        parse_provisions("s\u0664\u0660(\u0662)")


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "goes_to"), [("contact", "/staff/questions/"), (None, "sign-in")])
def test_department_contacts_and_strangers_cannot_check(client, make_staff, tmp_path, who, goes_to):
    record = _import(tmp_path)
    if who:
        client.force_login(make_staff(who, Role.DEPARTMENT_CONTACT))
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    response = client.post(url, _form(record, q1_outcome="disclosed"))

    assert response.status_code == 302 and goes_to in response["Location"]
    record.refresh_from_db()
    assert record.checked_at is None


@pytest.mark.django_db
def test_the_record_page_shows_the_words_the_importer_read_when_staff_corrected_them(
    officer_client, officer, tmp_path
):
    record = _import(tmp_path)
    wanted = {
        "split": [
            {
                "text": "How many drones does the force have?",
                "outcome": "partially_disclosed",
                "exemptions": ["s24(2)"],
            },
            {
                "text": "Which drone models are in use?",
                "outcome": "partially_disclosed",
                "exemptions": ["s24(2)"],
            },
        ]
    }
    imported_record_check(actor=officer, record=record, wanted=wanted)

    html = officer_client.get(record.get_absolute_url()).content.decode()

    assert "Which drone models are in use?" in html
    assert "By staff. The importer read: “Which drones are you using?”</dd>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "says"),
    [
        (
            {"q1_provisions": "s24(2), s31(1)(a)"},
            "Question 1 relies on s31(1)(a), which the provisions the page cites do not list",
        ),
        (
            {"q2_outcome": "ncnd", "ncnd": "no"},
            "Question 2 neither confirms nor denies, so the page does for some part: answer Yes",
        ),
    ],
)
def test_fields_that_contradict_each_other_are_a_400(officer_client, tmp_path, changes, says):
    record = _import(tmp_path)
    url = reverse("imports:record-check", kwargs={"pk": record.pk})

    response = officer_client.post(url, _form(record, **changes))

    assert response.status_code == 400 and says in response.content.decode()
    record.refresh_from_db()
    assert record.checked_at is None


@pytest.mark.django_db
def test_the_tally_leaves_out_records_changed_since_their_check(officer_client, officer, tmp_path):
    record = _import(tmp_path)
    imported_record_check(actor=officer, record=record, wanted=OFFICERS_READING)
    extracted = {**record.extracted, "record": {**record.extracted["record"], "ncnd": False}}
    ImportedRecord.objects.filter(pk=record.pk).update(extracted=extracted)  # as --refresh would

    response = officer_client.get(reverse("imports:runs"))

    assert response.context["tally"].records == 0
    assert response.context["tally"].changed_since == 1
    assert "Every checked record (1) has changed since it was checked" in (
        response.content.decode()
    )
