"""Staff journeys in a real browser with JavaScript off, and accessibility of staff pages."""

import datetime as dt
import io
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from foidesk.accounts.models import Role, User
from foidesk.cases.models import Department, Request
from foidesk.cases.services import NewQuestion, NewRequester, question_route, request_create
from foidesk.imports.models import ImportedRecord
from foidesk.imports.services import imported_record_check
from tests.conftest import PASSWORD
from tests.imports.test_corrections import PAGE as DRONES_PAGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_REQUEST = """1. How many cases of alleged sexual offences or domestic violence involving your \
forces police officers and other staff are currently under live investigation?

2. How many of your forces police officers and police staff have been sacked over the past \
five financial years for misconduct related to sexual or domestic abuse?

Yours faithfully,
Wilhelmina Fairweather-Browne"""


def sign_in(page, username: str) -> None:
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def staff(db):
    officer = User.objects.create_user(
        "officer", password=PASSWORD, role=Role.FOI_OFFICER, first_name="Priya", last_name="Shah"
    )
    contact = User.objects.create_user("psd", password=PASSWORD, role=Role.DEPARTMENT_CONTACT)
    department = Department.objects.create(name="Professional Standards")
    department.contacts.add(contact)
    request = request_create(
        actor=officer,
        title="Taser use",
        received_at=dt.datetime(2023, 1, 20, 10, 14, tzinfo=ZoneInfo("Europe/London")),
        regime="foia",
        channel="email",
        request_text="How many times was a Taser drawn?",
        requester=NewRequester(name="Jo Bloggs", email="jo@example.org"),
        questions=[NewQuestion(text="How many times was a Taser drawn?")],
    )
    question_route(actor=officer, question=request.questions.get(), department=department)
    return {"officer": officer, "contact": contact, "request": request}


def test_officer_logs_a_pasted_request_without_javascript(page_without_js, staff):
    page = page_without_js
    sign_in(page, "officer")
    page.get_by_role("link", name="Log a request").click()
    page.get_by_label("Paste the request").fill(SEED_REQUEST)
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Freedom of Information Act 2000").check()
    page.get_by_label("Day").fill("20")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("2023")
    page.get_by_label("Full name").fill("Wilhelmina Fairweather-Browne")
    page.get_by_label("Email address").fill("wfb@example.org")
    page.get_by_role("button", name="Propose questions").click()
    questions = page.get_by_label("What is asked")
    expect(questions.nth(1)).to_have_value(re.compile("sacked"))
    page.get_by_label("Title").fill("Officer misconduct")
    page.get_by_role("button", name="Save request").click()
    expect(page.get_by_text("Request logged").first).to_be_visible()
    logged = Request.objects.get(title="Officer misconduct")
    assert logged.questions.count() == 2
    assert "Wilhelmina" not in logged.request_text
    page.get_by_role("link", name=re.compile(r"^Go to request")).click()
    expect(page.get_by_role("heading", name="Officer misconduct")).to_be_visible()
    assert "Wilhelmina" not in page.content()


def test_department_contact_answers_a_routed_question(page_without_js, staff):
    page = page_without_js
    sign_in(page, "psd")
    page.get_by_role("link", name=re.compile("Question 1")).click()
    page.get_by_label("Your answer").fill("Drawn 41 times in 2022.")
    page.get_by_label(re.compile("Hours spent")).fill("1.5")
    page.get_by_role("button", name="Send answer to the FOI team").click()
    expect(page.get_by_text("has been sent to the FOI team")).to_be_visible()
    assert staff["request"].questions.get().status == "answered"


def session_cookie(client, live_server, user) -> list[dict]:
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    return [{"name": "sessionid", "value": cookie.value, "url": live_server.url}]


def test_staff_pages_have_no_serious_accessibility_failures(axe, client, live_server, staff):
    officer_cookies = session_cookie(client, live_server, staff["officer"])
    slug = staff["request"].slug
    for path in ("/staff/", "/staff/requests/", "/staff/requests/new/", f"/staff/requests/{slug}/"):
        assert axe(path, officer_cookies) == [], path
    question = staff["request"].questions.get()
    contact_cookies = session_cookie(client, live_server, staff["contact"])
    for path in ("/staff/questions/", f"/staff/questions/{question.pk}/"):
        assert axe(path, contact_cookies) == [], path


@pytest.fixture
def imported_drones(tmp_path, staff):
    log = tmp_path / "log.jsonl"
    page = {"id": "drones", "text": DRONES_PAGE.format(ref="1053A/22", third="")}
    log.write_text(json.dumps(page) + "\n", encoding="utf-8")
    # One process: the live server's threads are running, so no worker processes are forked.
    call_command("import_log", str(log), workers=1, stdout=io.StringIO(), stderr=io.StringIO())
    return ImportedRecord.objects.get(source_id="drones")


def test_officer_corrects_an_imported_record_without_javascript(
    page_without_js, staff, imported_drones
):
    page = page_without_js
    sign_in(page, "officer")
    page.goto("/staff/imports/records/")
    page.get_by_label("Importer's doubts").select_option("yes")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="1053A/22").click()
    expect(page.get_by_text("Check first: the importer is unsure of its reading")).to_be_visible()
    page.get_by_role("link", name="Check and correct this record").click()
    page.get_by_label("Outcome of question 1").select_option("disclosed")
    page.get_by_label("Provisions question 1 relies on").fill("")
    page.get_by_label("What you corrected, and why").fill("The attachment gives the count")
    page.get_by_role("button", name="Save the check").click()
    expect(page.get_by_text("Record checked: your corrections are shown")).to_be_visible()
    expect(page.get_by_text("By staff. The importer read: Partially disclosed")).to_be_visible()
    imported_drones.refresh_from_db()
    assert imported_drones.corrections["questions"]["1"]["outcome"] == "disclosed"


def test_import_pages_have_no_serious_accessibility_failures(
    axe, client, live_server, staff, imported_drones, tmp_path
):
    # A check with corrections, so the history's tally, the record's checks and the corrected
    # values are on the pages too.
    imported_record_check(
        actor=staff["officer"],
        record=imported_drones,
        wanted={"ncnd": False, "questions": {1: {"outcome": "disclosed", "exemptions": []}}},
        note="The attachment gives the count",
    )
    # A second authority's checked record, so the history compares the two logs.
    other = tmp_path / "other.jsonl"
    other_page = {"id": "other", "text": DRONES_PAGE.format(ref="77/22", third="")}
    other_page["text"] = other_page["text"].replace("West Midlands Police", "Cleveland Police")
    other.write_text(json.dumps(other_page) + "\n", encoding="utf-8")
    call_command("import_log", str(other), workers=1, stdout=io.StringIO(), stderr=io.StringIO())
    cleveland = ImportedRecord.objects.get(source_id="other")
    assert cleveland.authority_name == "Cleveland Police"
    imported_record_check(actor=staff["officer"], record=cleveland, wanted={})
    cookies = session_cookie(client, live_server, staff["officer"])
    record = imported_drones.get_absolute_url()
    records = "/staff/imports/records/?doubts=yes"
    for path in ("/staff/imports/", records, record, f"{record}check/"):
        assert axe(path, cookies) == [], path
