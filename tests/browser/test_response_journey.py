"""Drafting a response in a real browser with JavaScript off, and accessibility of the
response, decision and paragraph library pages."""

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from foidesk.accounts.models import Role, User
from foidesk.cases.services import NewQuestion, NewRequester, request_create, request_transition
from foidesk.decisions import services
from foidesk.decisions.models import Decision, HarmAndPublicInterestTest
from foidesk.decisions.models import TestParagraph as Paragraph
from tests.browser.test_staff_pages import session_cookie, sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def drafting(db):
    officer = User.objects.create_user(
        "officer", password=PASSWORD, role=Role.FOI_OFFICER, first_name="Priya", last_name="Shah"
    )
    request = request_create(
        actor=officer,
        title="Officer alleged sexual offences or domestic violence",
        received_at=dt.datetime(2023, 1, 20, 10, 14, tzinfo=ZoneInfo("Europe/London")),
        regime="foia",
        channel="email",
        request_text="1. How many cases are under live investigation? 2. How many officers?",
        requester=NewRequester(name="Jo Bloggs", email="jo@example.org"),
        questions=[
            NewQuestion(text="How many cases are currently under live investigation?"),
            NewQuestion(text="How many officers are currently under live investigation?"),
            NewQuestion(text="How many officers were dismissed in five financial years?"),
        ],
    )
    request_transition(actor=officer, request=request, to_state="drafting")
    library = services.library_paragraph_save(
        actor=officer,
        key="officer-investigations-harm",
        written_for=["foia:s31(3)", "foia:s30(3)", "foia:s38(2)"],
        topic="Harm: confirming investigations of officers",
        section="evidence_of_harm",
        text="To confirm or deny would tell suspects whether their victims have reported them.",
    )
    return {"officer": officer, "request": request, "library": library}


def test_officer_drafts_an_ncnd_decision_and_its_test_without_javascript(page_without_js, drafting):
    page = page_without_js
    case = drafting["request"]
    sign_in(page, "officer")
    page.goto(f"/staff/requests/{case.slug}/response/")
    expect(page.get_by_role("heading", name=re.compile("^Response:"))).to_be_visible()

    page.get_by_role("link", name="Add a decision").click()
    page.get_by_label("Question 1", exact=True).check()
    page.get_by_label("Question 2", exact=True).check()
    page.get_by_label("Neither confirm nor deny", exact=True).check()
    page.get_by_label("Or type the provisions").fill("s30(3), s31(3), s40(5)")
    page.get_by_label("The answer as it will read in the response").fill(
        "We will neither confirm nor deny that we hold the information. Section 40(5) is "
        "absolute and there is no requirement to consider the public interest."
    )
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("Decision saved: questions 1 and 2")).to_be_visible()
    decision = Decision.objects.get(request=case)
    assert decision.provision_ids == ["foia:s30(3)", "foia:s31(3)", "foia:s40(5)"]

    page.get_by_role("button", name=re.compile(r"Start the test for FOIA s31\(3\)")).click()
    expect(page.get_by_text("Started the test for foia:s31(3)")).to_be_visible()
    test = HarmAndPublicInterestTest.objects.get(request=case)
    assert (test.provision, test.kind) == ("foia:s31(3)", "ncnd")

    page.locator("#test-0-library summary").click()
    page.get_by_role("button", name=re.compile("Add to this test")).first.click()
    expect(
        page.get_by_text("Library paragraph officer-investigations-harm@1 added")
    ).to_be_visible()
    paragraph = Paragraph.objects.get(test=test)
    assert paragraph.library_paragraph == drafting["library"]
    assert paragraph.section == "evidence_of_harm"
    assert "Jo Bloggs" not in page.content()


def test_response_and_library_pages_have_no_serious_accessibility_failures(
    axe, client, live_server, drafting
):
    officer, case = drafting["officer"], drafting["request"]
    decision = services.decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2],
        outcome="ncnd",
        provisions=[{"id": "foia:s30(3)"}, {"id": "foia:s31(3)"}, {"id": "foia:s40(5)"}],
        text="We neither confirm nor deny.",
    )
    cost = services.decision_save(
        actor=officer,
        request=case,
        question_numbers=[3],
        outcome="cost_limit",
        provisions=[{"id": "foia:s12(1)"}],
    )
    services.cost_line_add(
        actor=officer,
        decision=cost,
        activity="retrieving",
        hours=Decimal(30),
        question=case.questions.get(number=3),
    )
    services.cost_line_add(actor=officer, decision=cost, activity="redacting", hours=Decimal(2))
    test = services.test_save(actor=officer, request=case, provision="foia:s31(3)", kind="ncnd")
    services.test_paragraph_add(
        actor=officer,
        test=test,
        section="evidence_of_harm",
        library_paragraph=drafting["library"],
    )
    services.test_paragraph_add(
        actor=officer, test=test, section="factors_for", text="Openness and accountability."
    )
    cookies = session_cookie(client, live_server, officer)
    base = f"/staff/requests/{case.slug}/response/"
    for path in (
        base,
        f"{base}?lib_test={test.pk}&lib-provision=s31&lib-topic=&lib-section=",
        f"{base}decisions/new/",
        f"{base}decisions/{decision.pk}/",
        "/staff/library/",
        "/staff/library/officer-investigations-harm/",
    ):
        assert axe(path, cookies) == [], path
