"""The response page through HTTP as each role: decisions, the cost worksheet, harm and public
interest tests with the paragraph library, the checker's findings, and four-eyes sign-off."""

import datetime as dt
import re
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.cases.services import NewQuestion, NewRequester, request_transition
from foidesk.decisions import services
from foidesk.decisions.models import (
    CostLine,
    Decision,
    HarmAndPublicInterestTest,
    ResponseVersion,
)
from foidesk.decisions.models import (
    TestParagraph as Paragraph,
)


@pytest.fixture
def case(make_request, officer):
    request = make_request(
        title="Officer misconduct",
        questions=[
            NewQuestion(text="How many officers are under investigation?"),
            NewQuestion(text="How many staff are under investigation?"),
            NewQuestion(text="How many officers were dismissed?"),
        ],
        requester=NewRequester(name="Zebedee Quillfeather", email="zq@example.org"),
    )
    request_transition(actor=officer, request=request, to_state="drafting")
    request.refresh_from_db()
    return request


@pytest.fixture
def other_case(make_request):
    return make_request(title="Another request", questions=["Anything?"])


@pytest.fixture
def decision_maker(make_staff):
    return make_staff("approver", Role.DECISION_MAKER)


def url(case, tail=""):
    return f"/staff/requests/{case.slug}/response/{tail}"


def page(client, case, query=""):
    response = client.get(url(case) + query)
    assert response.status_code == 200
    return response.content.decode()


def ncnd(case, officer):
    return services.decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2],
        outcome="ncnd",
        provisions=[{"id": "foia:s30(3)"}, {"id": "foia:s31(3)"}, {"id": "foia:s40(5)"}],
        text="We neither confirm nor deny that we hold the information. Section 40(5) is "
        "absolute and there is no requirement to consider the public interest.",
    )


def disclose_all(case, officer):
    return services.decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2, 3],
        outcome="disclosed",
        text="Please find the information below.",
        figures_given=True,
        reveals_held=True,
    )


# --- the page and who may see it -----------------------------------------------------------------


def test_page_shows_questions_and_grouped_decisions_without_the_requester(
    officer_client, case, officer
):
    ncnd(case, officer)
    body = page(officer_client, case)
    assert "In relation to questions 1 and 2" in body
    assert "Neither confirm nor deny" in body
    assert "FOIA s31(3) (Law enforcement: NCND for law enforcement)" in body
    assert "Qualified, prejudice-based, neither confirm nor deny" in body
    assert "Absolute, class-based, neither confirm nor deny" in body
    assert "Questions without a decision" in body
    assert 'id="question-3"' in body and "Decide question 3" in body
    assert "Zebedee" not in body and "zq@example.org" not in body


def test_case_reference_links_back_and_anonymous_users_sign_in(client, case):
    response = client.get(url(case))
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY])
def test_other_register_roles_read_but_cannot_draft(client, case, officer, make_staff, role):
    decision = ncnd(case, officer)
    client.force_login(make_staff("someone", role))
    body = page(client, case)
    assert "In relation to questions 1 and 2" in body
    for control in (
        "Add a decision",
        "Delete this decision",
        "Start the test",
        "Send for approval",
    ):
        assert control not in body
    before = (AuditEvent.objects.count(), Decision.objects.count())
    for tail, data in [
        ("decisions/new/", {"questions": ["3"], "outcome": "disclosed"}),
        (f"decisions/{decision.pk}/delete/", {}),
        (f"decisions/{decision.pk}/cost-lines/", {"activity": "locating", "hours": "2"}),
        ("tests/", {"provision": "foia:s31(3)", "kind": "ncnd"}),
        ("submit/", {}),
        (
            "sent/",
            {"sent-sent_on_day": "1", "sent-sent_on_month": "2", "sent-sent_on_year": "2023"},
        ),
    ]:
        assert client.post(url(case, tail), data).status_code == 404, tail
    assert client.get(url(case, "decisions/new/")).status_code == 404
    assert (AuditEvent.objects.count(), Decision.objects.count()) == before


def test_department_contacts_get_404(client, case, make_staff):
    client.force_login(make_staff("psd", Role.DEPARTMENT_CONTACT))
    assert client.get(url(case)).status_code == 404
    assert client.get("/staff/library/").status_code == 404


def test_unknown_request_is_404(officer_client):
    assert officer_client.get("/staff/requests/no-such-1/response/").status_code == 404


# --- decisions -----------------------------------------------------------------------------------


def test_officer_adds_a_grouped_ncnd_decision(officer_client, case):
    # Values that cannot be a question's number ("²" passes isdigit) are left out.
    form = officer_client.get(
        url(case, "decisions/new/?question=1&question=2&question=%C2%B2&question=x")
    )
    assert form.status_code == 200
    body = form.content.decode()
    assert 'value="1" aria-describedby="id_questions_0-hint" checked' in body
    assert "FOIA s31 Law enforcement" in body
    response = officer_client.post(
        url(case, "decisions/new/"),
        {
            "questions": ["1", "2"],
            "outcome": "ncnd",
            "provisions": ["foia:s31(3)"],
            "other_provisions": "s40(5), foia:s30(3)",
            "text": "We neither confirm nor deny.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/response/#decision-0")
    decision = Decision.objects.get(request=case)
    assert decision.outcome == "ncnd"
    assert decision.provision_ids == ["foia:s30(3)", "foia:s31(3)", "foia:s40(5)"]
    assert sorted(q.number for q in decision.questions.all()) == [1, 2]
    assert AuditEvent.objects.filter(event_type="decision.saved", request=case).exists()
    body = officer_client.get(response["Location"]).content.decode()
    assert "Decision saved: questions 1 and 2, neither confirm nor deny" in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": "disclosed"}, "Choose the questions this decision answers"),
        ({"questions": ["9"], "outcome": "disclosed"}, "Choose questions from this request"),
        ({"questions": ["x"], "outcome": "disclosed"}, "Choose questions from this request"),
        ({"questions": ["1"]}, "Choose the outcome"),
        ({"questions": ["1"], "outcome": "maybe"}, "Choose one of the outcomes listed"),
        (
            {"questions": ["1"], "outcome": "exempt", "provisions": ["foia:s99"]},
            "Choose provisions from the catalogue",
        ),
        (
            {"questions": ["1"], "outcome": "exempt", "other_provisions": "foia:s99(1)"},
            "is not in the exemption catalogue",
        ),
        (
            {"questions": ["1"], "outcome": "exempt", "other_provisions": "gibberish"},
            "is not a provision",
        ),
        (
            {"questions": ["1"], "outcome": "exempt", "other_provisions": "eir:reg12(5)(b)"},
            "belongs to another regime",
        ),
        (
            {
                "questions": ["1"],
                "outcome": "future_publication",
                "publication_date_day": "31",
                "publication_date_month": "2",
                "publication_date_year": "2023",
            },
            "must be a real date",
        ),
        (
            {
                "questions": ["1"],
                "outcome": "exempt",
                "provisions": ["foia:s40(2)"],
                "condition_foia_s40_2": "fourth",
            },
            "Choose a condition FOIA s40(2) has",
        ),
    ],
)
def test_bad_decisions_are_400_and_save_nothing(officer_client, case, data, message):
    before = AuditEvent.objects.count()
    response = officer_client.post(url(case, "decisions/new/"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert message in body
    assert not Decision.objects.exists()
    assert AuditEvent.objects.count() == before


def test_condition_for_third_party_personal_data_is_kept(officer_client, case):
    response = officer_client.post(
        url(case, "decisions/new/"),
        {
            "questions": ["3"],
            "outcome": "exempt",
            "provisions": ["foia:s40(2)"],
            "condition_foia_s40_2": "second",
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.provisions == [{"id": "foia:s40(2)", "condition": "second"}]
    body = page(officer_client, case)
    assert "Qualified (second condition), class-based" in body
    edit = officer_client.get(url(case, f"decisions/{decision.pk}/")).content.decode()
    assert '<option value="second" selected>' in edit


def test_officer_changes_and_deletes_a_decision(officer_client, case, officer):
    decision = ncnd(case, officer)
    edit = officer_client.get(url(case, f"decisions/{decision.pk}/"))
    assert edit.status_code == 200
    assert "foia:s30(3)" in edit.content.decode()
    response = officer_client.post(
        url(case, f"decisions/{decision.pk}/"),
        {"questions": ["1"], "outcome": "not_held", "text": "We do not hold it."},
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.outcome == "not_held"
    assert decision.provisions == []
    assert [q.number for q in decision.questions.all()] == [1]
    response = officer_client.post(url(case, f"decisions/{decision.pk}/delete/"))
    assert response.status_code == 302
    assert not Decision.objects.exists()
    assert AuditEvent.objects.filter(event_type="decision.deleted").exists()


def _shown(body: str) -> str:
    """The hidden fingerprint of the decision as the edit page showed it."""
    match = re.search(r'name="shown" value="([0-9a-f]{64})"', body)
    assert match, "the edit page carries the decision it showed"
    return match.group(1)


def test_a_decision_changed_by_another_officer_since_the_page_was_opened_is_not_overwritten(
    officer_client, case, officer, make_staff
):
    """Two officers editing one decision: the second save, from a page opened before the first,
    is refused with a form error, and the first officer's change stays."""
    decision = ncnd(case, officer)
    shown = _shown(officer_client.get(url(case, f"decisions/{decision.pk}/")).content.decode())
    colleague = make_staff("colleague", Role.FOI_OFFICER)
    services.decision_save(
        actor=colleague,
        request=case,
        question_numbers=[1, 2],
        outcome="exempt",
        provisions=[{"id": "foia:s30(1)(a)"}],
        text="Exempt under section 30(1)(a).",
        decision=decision,
    )
    stale = {"questions": ["1", "2"], "outcome": "not_held", "text": "Not held.", "shown": shown}
    response = officer_client.post(url(case, f"decisions/{decision.pk}/"), stale)
    assert response.status_code == 400
    assert "changed since you opened it" in response.content.decode()
    decision.refresh_from_db()
    assert decision.outcome == "exempt"
    assert decision.text == "Exempt under section 30(1)(a)."
    # Opened again, the page shows the change and saves.
    shown = _shown(officer_client.get(url(case, f"decisions/{decision.pk}/")).content.decode())
    response = officer_client.post(
        url(case, f"decisions/{decision.pk}/"), {**stale, "shown": shown}
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.outcome == "not_held"


def test_another_requests_decision_is_404(officer_client, case, other_case, officer):
    theirs = services.decision_save(
        actor=officer, request=other_case, question_numbers=[1], outcome="not_held"
    )
    for tail in (f"decisions/{theirs.pk}/", f"decisions/{theirs.pk}/delete/"):
        assert officer_client.post(url(case, tail), {"questions": ["1"]}).status_code == 404
    assert officer_client.get(url(case, "decisions/999999/")).status_code == 404
    assert Decision.objects.filter(pk=theirs.pk).exists()


def test_the_draft_is_read_only_once_responded(officer_client, case, officer, decision_maker):
    disclose_all(case, officer)
    services.response_submit(actor=officer, request=case)
    services.response_approve(actor=decision_maker, request=case)
    services.response_record_sent(actor=officer, request=case, sent_on=timezone.localdate())
    body = page(officer_client, case)
    assert "The draft cannot be changed while the request is responded" in body
    assert "Add a decision" not in body
    response = officer_client.post(
        url(case, "decisions/new/"), {"questions": ["1"], "outcome": "not_held"}
    )
    assert response.status_code == 400
    assert "cannot be changed while the request is Responded" in response.content.decode()


# --- the cost worksheet --------------------------------------------------------------------------


@pytest.fixture
def cost_decision(case, officer):
    return services.decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2, 3],
        outcome="cost_limit",
        provisions=[{"id": "foia:s12(1)"}],
    )


def add_line(client, case, decision, **data):
    prefix = f"cost-{decision.pk}-"
    return client.post(
        url(case, f"decisions/{decision.pk}/cost-lines/"),
        {prefix + k: v for k, v in data.items()},
    )


def test_cost_worksheet_totals_what_counts_and_drafts_advice(officer_client, case, cost_decision):
    for data in (
        {"question": "1", "activity": "locating", "hours": "4"},
        {"question": "3", "activity": "retrieving", "hours": "15.5"},
        {"question": "3", "activity": "extracting", "hours": "2.5"},
        {"question": "", "activity": "redacting", "hours": "6", "note": "Sensitive files"},
    ):
        response = add_line(officer_client, case, cost_decision, **data)
        assert response.status_code == 302
        assert response["Location"].endswith("#cost-0")
    assert CostLine.objects.filter(decision=cost_decision).count() == 4
    body = page(officer_client, case)
    assert 'id="cost-0"' in body
    assert "The limit is £450: 18 hours at £25 an hour" in body
    assert "22 (the limit is 18)" in body
    assert "£550.00" in body
    assert "Does not count" in body and "Sensitive files" in body
    assert "Above the limit" in body
    assert "Most of that time (18 hours) is for question 3." in body
    assert "If you removed question 3" in body
    response = officer_client.post(url(case, f"decisions/{cost_decision.pk}/advice/"))
    assert response.status_code == 302
    cost_decision.refresh_from_db()
    assert cost_decision.advice_to_narrow.startswith("The appropriate limit is £450")
    assert "question 3" in cost_decision.advice_to_narrow
    assert cost_decision.outcome == "cost_limit"
    assert cost_decision.provision_ids == ["foia:s12(1)"]


def test_advice_to_narrow_is_not_put_into_a_decision_that_is_no_longer_a_cost_refusal(
    officer_client, case, officer, cost_decision
):
    """A page showing the worksheet, opened before the decision was changed to a disclosure,
    cannot put the s16 advice on narrowing a cost refusal into the disclosure."""
    services.decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2, 3],
        outcome="disclosed",
        text="Please find the figures below.",
        figures_given=True,
        reveals_held=True,
        decision=cost_decision,
    )
    response = officer_client.post(url(case, f"decisions/{cost_decision.pk}/advice/"))
    assert response.status_code == 400
    assert "no longer a cost refusal" in response.content.decode()
    cost_decision.refresh_from_db()
    assert cost_decision.advice_to_narrow == ""


def test_estimate_under_the_limit_is_flagged(officer_client, case, cost_decision):
    add_line(officer_client, case, cost_decision, question="1", activity="locating", hours="3")
    body = page(officer_client, case)
    assert "do not exceed the limit: s12 cannot be used yet" in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"activity": "locating", "hours": "abc"}, "Hours must be a number"),
        ({"activity": "locating", "hours": "0"}, "Hours must be more than 0"),
        ({"activity": "locating", "hours": "-3"}, "Hours must be more than 0"),
        ({"activity": "locating", "hours": "20000"}, "Hours must be no more than 10,000"),
        ({"activity": "locating"}, "Enter the hours"),
        ({"activity": "dreaming", "hours": "2"}, "Choose one of the activities listed"),
        ({"activity": "locating", "hours": "2", "question": "7"}, "Choose a question from"),
        ({"activity": "locating", "hours": "2", "question": "x"}, "Choose a question from"),
    ],
)
def test_bad_cost_lines_are_400_and_save_nothing(
    officer_client, case, cost_decision, data, message
):
    response = add_line(officer_client, case, cost_decision, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CostLine.objects.exists()


def test_cost_line_is_removed_and_another_requests_line_is_404(
    officer_client, case, other_case, officer, cost_decision
):
    line = services.cost_line_add(
        actor=officer, decision=cost_decision, activity="locating", hours=Decimal("2")
    )
    theirs = services.decision_save(
        actor=officer, request=other_case, question_numbers=[1], outcome="cost_limit"
    )
    their_line = services.cost_line_add(
        actor=officer, decision=theirs, activity="locating", hours=Decimal("30")
    )
    assert officer_client.post(url(case, f"cost-lines/{their_line.pk}/delete/")).status_code == 404
    assert officer_client.post(url(case, f"cost-lines/{line.pk}/delete/")).status_code == 302
    assert list(CostLine.objects.all()) == [their_line]


def test_foisa_worksheet_does_not_count_determining_whether_held(
    officer_client, make_request, officer
):
    case = make_request(regime="foisa", questions=["How many?"])
    decision = services.decision_save(
        actor=officer, request=case, question_numbers=[1], outcome="cost_limit"
    )
    services.cost_line_add(
        actor=officer, decision=decision, activity="determining_whether_held", hours=Decimal(30)
    )
    services.cost_line_add(actor=officer, decision=decision, activity="locating", hours=Decimal(45))
    body = page(officer_client, case)
    assert "The limit is £600: 40 hours at £15 an hour" in body
    assert "45 (the limit is 40)" in body
    assert "£675.00" in body


# --- harm and public interest tests --------------------------------------------------------------


def test_ncnd_decision_lists_the_tests_it_needs_and_starts_one(officer_client, case, officer):
    ncnd(case, officer)
    body = page(officer_client, case)
    assert 'Start the test<span class="govuk-visually-hidden"> for FOIA s30(3)' in body
    assert 'Start the test<span class="govuk-visually-hidden"> for FOIA s31(3)' in body
    assert "for FOIA s40(5)" not in body  # absolute: no test
    assert "Evidence of harm and a public interest test" in body  # s31 is prejudice-based
    response = officer_client.post(
        url(case, "tests/"), {"provision": "foia:s31(3)", "kind": "ncnd"}
    )
    assert response.status_code == 302
    test = HarmAndPublicInterestTest.objects.get(request=case)
    assert (test.provision, test.kind) == ("foia:s31(3)", "ncnd")
    body = page(officer_client, case)
    assert 'id="test-0"' in body
    assert 'href="#test-0">Go to the test' in body
    assert "Evidence of harm</h4>" in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"provision": "foia:s99", "kind": "ncnd"}, "not in the catalogue"),
        ({"provision": "foia:s31(3)", "kind": "maybe"}, "Choose a kind of test"),
        ({"provision": "", "kind": "ncnd"}, "Choose a provision"),
        ({"provision": "foisa:s35(1)(a)", "kind": "disclosure"}, "belongs to another regime"),
    ],
)
def test_bad_test_start_is_400(officer_client, case, data, message):
    response = officer_client.post(url(case, "tests/"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not HarmAndPublicInterestTest.objects.exists()


@pytest.fixture
def s31_test(case, officer):
    ncnd(case, officer)
    return services.test_save(actor=officer, request=case, provision="foia:s31(3)", kind="ncnd")


def test_paragraphs_are_written_edited_and_removed(officer_client, case, s31_test):
    response = officer_client.post(
        url(case, f"tests/{s31_test.pk}/paragraphs/factors_for/"),
        {f"add-{s31_test.pk}-factors_for-text": "Openness about investigations."},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#test-0-add-factors_for")
    paragraph = Paragraph.objects.get()
    assert (paragraph.section, paragraph.text) == ("factors_for", "Openness about investigations.")
    body = page(officer_client, case)
    assert 'id="test-0-factors_for-0"' in body
    response = officer_client.post(
        url(case, f"paragraphs/{paragraph.pk}/"), {f"para-{paragraph.pk}-text": "Openness."}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#test-0-factors_for-0")
    paragraph.refresh_from_db()
    assert paragraph.text == "Openness."
    response = officer_client.post(url(case, f"paragraphs/{paragraph.pk}/"), {})
    assert response.status_code == 400
    assert "A paragraph cannot be empty: remove it instead" in response.content.decode()
    paragraph.refresh_from_db()
    assert paragraph.text == "Openness."
    assert officer_client.post(url(case, f"paragraphs/{paragraph.pk}/remove/")).status_code == 302
    assert not Paragraph.objects.exists()


def test_bad_paragraph_input(officer_client, case, other_case, officer, s31_test):
    empty = officer_client.post(url(case, f"tests/{s31_test.pk}/paragraphs/factors_for/"), {})
    assert empty.status_code == 400
    assert "Enter the paragraph" in empty.content.decode()
    assert (
        officer_client.post(url(case, f"tests/{s31_test.pk}/paragraphs/balance/")).status_code
        == 404
    )
    assert officer_client.post(url(case, "tests/999999/paragraphs/factors_for/")).status_code == 404
    theirs = services.test_save(
        actor=officer, request=other_case, provision="foia:s31(3)", kind="ncnd"
    )
    their_paragraph = services.test_paragraph_add(
        actor=officer, test=theirs, section="factors_for", text="Theirs."
    )
    for tail in (f"paragraphs/{their_paragraph.pk}/", f"paragraphs/{their_paragraph.pk}/remove/"):
        assert officer_client.post(url(case, tail), {"x": "y"}).status_code == 404
    assert officer_client.post(url(case, f"tests/{theirs.pk}/"), {}).status_code == 404
    assert Paragraph.objects.count() == 1


def test_balance_and_conclusion_are_saved(officer_client, case, s31_test):
    prefix = f"test-{s31_test.pk}-"
    response = officer_client.post(
        url(case, f"tests/{s31_test.pk}/"),
        {prefix + "balance": "The balance favours NCND.", prefix + "conclusion": "NCND."},
    )
    assert response.status_code == 302
    s31_test.refresh_from_db()
    assert (s31_test.balance, s31_test.conclusion) == ("The balance favours NCND.", "NCND.")


def _hidden(body: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}" value="([0-9a-f]{{64}})"', body)
    assert match, f"the page carries {name}"
    return match.group(1)


def test_balance_changed_by_another_officer_since_the_page_was_opened_is_not_overwritten(
    officer_client, case, s31_test, make_staff
):
    prefix = f"test-{s31_test.pk}-"
    shown = _hidden(page(officer_client, case), prefix + "shown")
    colleague = make_staff("colleague", Role.FOI_OFFICER)
    services.test_save(
        actor=colleague,
        request=case,
        provision="foia:s31(3)",
        kind="ncnd",
        balance="The colleague's balance.",
        conclusion="NCND maintained.",
    )
    stale = {prefix + "balance": "Mine.", prefix + "conclusion": "Mine.", prefix + "shown": shown}
    response = officer_client.post(url(case, f"tests/{s31_test.pk}/"), stale)
    assert response.status_code == 400
    assert "changed since you opened the page" in response.content.decode()
    s31_test.refresh_from_db()
    assert s31_test.balance == "The colleague's balance."
    # Opened again, the page shows the change and saves.
    shown = _hidden(page(officer_client, case), prefix + "shown")
    response = officer_client.post(
        url(case, f"tests/{s31_test.pk}/"), {**stale, prefix + "shown": shown}
    )
    assert response.status_code == 302
    s31_test.refresh_from_db()
    assert s31_test.balance == "Mine."


def test_a_paragraph_changed_by_another_officer_since_the_page_was_opened_is_not_overwritten(
    officer_client, case, officer, s31_test, make_staff
):
    paragraph = services.test_paragraph_add(
        actor=officer,
        test=s31_test,
        section="factors_for",
        text="Openness about investigations.",
    )
    prefix = f"para-{paragraph.pk}-"
    shown = _hidden(page(officer_client, case), prefix + "shown")
    colleague = make_staff("colleague", Role.FOI_OFFICER)
    services.test_paragraph_edit(
        actor=colleague, paragraph=paragraph, text="The colleague's words."
    )
    response = officer_client.post(
        url(case, f"paragraphs/{paragraph.pk}/"),
        {prefix + "text": "Mine.", prefix + "shown": shown},
    )
    assert response.status_code == 400
    assert "changed since you opened the page" in response.content.decode()
    paragraph.refresh_from_db()
    assert paragraph.text == "The colleague's words."


@pytest.fixture
def library(officer):
    harm = services.library_paragraph_save(
        actor=officer,
        key="officer-investigations-harm",
        written_for=["foia:s31(3)", "foia:s30(3)"],
        topic="Harm: confirming investigations of officers",
        section="evidence_of_harm",
        text="Confirming would alert suspects to investigations.",
    )
    other_sub = services.library_paragraph_save(
        actor=officer,
        key="crime-prevention-against",
        written_for=["foia:s31(1)(a)"],
        topic="Against disclosure: prevention of crime",
        section="factors_against",
        text="Disclosure would help offenders.",
    )
    health = services.library_paragraph_save(
        actor=officer,
        key="health-safety-against",
        written_for=["foia:s38(2)"],
        topic="Against: safety of individuals",
        section="factors_against",
        text="Safety of individuals.",
    )
    return {"harm": harm, "other_sub": other_sub, "health": health}


def test_library_paragraph_is_added_to_a_test_with_where_used(
    officer_client, case, other_case, officer, s31_test, library
):
    body = page(officer_client, case)
    assert "Harm: confirming investigations of officers" in body
    assert "Against: safety of individuals" not in body  # s38: not for this provision
    assert "Used in 0 responses" in body
    response = officer_client.post(
        url(case, f"tests/{s31_test.pk}/library/"),
        {"library_paragraph": library["harm"].pk, "section": "evidence_of_harm"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#test-0-library")
    paragraph = Paragraph.objects.get()
    assert paragraph.library_paragraph == library["harm"]
    assert paragraph.text == library["harm"].text
    other_test = services.test_save(
        actor=officer, request=other_case, provision="foia:s31(3)", kind="ncnd"
    )
    services.test_paragraph_add(
        actor=officer,
        test=other_test,
        section="evidence_of_harm",
        library_paragraph=library["harm"],
    )
    body = page(officer_client, case)
    assert "From the library:" in body
    assert "Used in 2 responses" in body
    assert f'href="/staff/requests/{other_case.slug}/response/">{other_case.reference}</a>' in body


def test_library_search_inside_a_test(officer_client, case, s31_test, library):
    query = f"?lib_test={s31_test.pk}&lib-provision=s31&lib-topic=&lib-section="
    body = page(officer_client, case, query)
    assert "Against disclosure: prevention of crime" in body
    assert "Another subsection" in body  # written for s31(1)(a), not s31(3)
    body = page(officer_client, case, f"?lib_test={s31_test.pk}&lib-provision=&lib-topic=safety")
    assert "Against: safety of individuals" in body
    assert "Another provision" in body
    assert "Harm: confirming investigations" not in body.split('id="test-0-library"')[1]
    body = page(
        officer_client, case, f"?lib_test={s31_test.pk}&lib-provision=&lib-section=factors_against"
    )
    assert "Against disclosure: prevention of crime" in body
    response = officer_client.get(url(case) + f"?lib_test={s31_test.pk}&lib-provision=nonsense")
    assert response.status_code == 400
    assert "is not a provision" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"library_paragraph": "999999", "section": "factors_for"}, "does not exist"),
        ({"library_paragraph": "abc", "section": "factors_for"}, "Choose a paragraph"),
        # Past the largest id a database keeps: a form error, not the database's overflow.
        ({"library_paragraph": "9" * 30, "section": "factors_for"}, "Choose a paragraph"),
        ({"section": "factors_for"}, "Choose a paragraph"),
        ({"library_paragraph": "LIB", "section": "balance"}, "Choose a section"),
    ],
)
def test_bad_library_insert_is_400(officer_client, case, s31_test, library, data, message):
    if data.get("library_paragraph") == "LIB":
        data = {**data, "library_paragraph": library["harm"].pk}
    response = officer_client.post(url(case, f"tests/{s31_test.pk}/library/"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Paragraph.objects.exists()


# --- the checker's findings ----------------------------------------------------------------------


def finding_links(body):
    return re.findall(r'href="#([^"]+)" data-finding="([^"]+)"', body)


def test_findings_link_to_the_part_of_the_page_they_concern(
    officer_client, case, officer, s31_test, library
):
    services.test_paragraph_add(
        actor=officer, test=s31_test, section="factors_for", library_paragraph=library["health"]
    )
    services.test_paragraph_add(
        actor=officer,
        test=s31_test,
        section="factors_against",
        library_paragraph=library["other_sub"],
    )
    body = page(officer_client, case)
    links = finding_links(body)
    codes = {code: anchor for anchor, code in links}
    assert codes["question_without_outcome"] == "question-3"
    assert codes["ncnd_public_interest_test_missing"] in {
        "decision-0-provision-0",
        "decision-0-provision-1",
    }
    assert codes["paragraph_for_other_provision"] == "test-0-factors_for-0"
    assert codes["paragraph_for_other_subsection"] == "test-0-factors_against-0"
    for anchor, _ in links:
        assert f'id="{anchor}"' in body, anchor
    errors, warnings = body.index(">Errors</h3>"), body.index(">Warnings</h3>")
    assert errors < warnings
    assert "FOIA s1(1): the duty to confirm or deny" in body
    assert 'href="https://www.legislation.gov.uk/ukpga/2000/36/section/1"' in body


def test_cost_findings_point_at_the_worksheet(officer_client, case, cost_decision):
    body = page(officer_client, case)
    codes = {code: anchor for anchor, code in finding_links(body)}
    assert codes["cost_estimate_missing"] == "cost-0"
    assert codes["advice_to_narrow_missing"] == "cost-0"


# --- sign-off and four eyes ----------------------------------------------------------------------


def test_submission_is_refused_while_the_checker_finds_errors(officer_client, case, officer):
    ncnd(case, officer)  # no tests, question 3 undecided
    body = page(officer_client, case)
    assert "put them right before sending it for approval" in body
    response = officer_client.post(url(case, "submit/"), {})
    assert response.status_code == 400
    body = response.content.decode()
    assert "The checker found" in body and "errors in the draft" in body
    assert "Question 3 has no decision" in body
    assert not ResponseVersion.objects.exists()
    case.refresh_from_db()
    assert case.state == "drafting"


def test_submit_approve_and_record_sent(officer_client, case, officer, decision_maker):
    disclose_all(case, officer)
    response = officer_client.post(url(case, "submit/"), {"submit-note": "Ready."})
    assert response.status_code == 302
    version = ResponseVersion.objects.get()
    assert (version.number, version.status, version.reasons) == (1, "awaiting", "Ready.")
    case.refresh_from_db()
    assert case.state == "awaiting_approval"
    body = page(officer_client, case)
    assert "Awaiting approval" in body
    assert "Send for approval</button>" not in body  # nothing changed since
    assert officer_client.post(url(case, "approve/"), {}).status_code == 404

    client = Client()
    client.force_login(decision_maker)
    body = page(client, case)
    assert "Approve version 1" in body
    response = client.post(url(case, "approve/"), {"approve-note": "Fine."})
    assert response.status_code == 302
    version.refresh_from_db()
    assert (version.status, version.decided_by) == ("approved", decision_maker)

    body = page(officer_client, case)
    assert "Record the response as sent" in body
    today = timezone.localdate()
    response = officer_client.post(
        url(case, "sent/"),
        {
            "sent-sent_on_day": today.day,
            "sent-sent_on_month": today.month,
            "sent-sent_on_year": today.year,
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.state, case.responded_on) == ("responded", today)
    events = set(AuditEvent.objects.filter(request=case).values_list("event_type", flat=True))
    assert {"decision.saved", "response.submitted", "response.approved", "response.sent"} <= (
        events
    )
    timeline = officer_client.get(case.get_absolute_url()).content.decode()
    assert "Version 1 approved" in timeline
    assert f"Version 1 sent on {today:%-d %B %Y}" in timeline
    assert f"Version 1 sent on {today:%-d %B %Y}" in page(officer_client, case)


def test_the_drafter_cannot_approve_four_eyes(client, case, officer, decision_maker):
    disclose_all(case, officer)
    services.response_submit(actor=officer, request=case)
    officer.role = Role.DECISION_MAKER  # promoted after drafting: still the drafter
    officer.save()
    client.force_login(officer)
    body = page(client, case)
    assert "You drafted part of this response" in body
    assert "Approve version 1" not in body
    response = client.post(url(case, "approve/"), {})
    assert response.status_code == 400
    assert "four eyes" in response.content.decode()
    assert ResponseVersion.objects.get().status == "awaiting"


def test_send_back_needs_reasons(client, case, officer, decision_maker):
    disclose_all(case, officer)
    services.response_submit(actor=officer, request=case)
    client.force_login(decision_maker)
    response = client.post(url(case, "send-back/"), {"send-back-reasons": "  "})
    assert response.status_code == 400
    assert "Say why the response is being sent back" in response.content.decode()
    assert ResponseVersion.objects.get().status == "awaiting"
    response = client.post(url(case, "send-back/"), {"send-back-reasons": "Cite the fees regs."})
    assert response.status_code == 302
    version = ResponseVersion.objects.get()
    assert (version.status, version.reasons) == ("sent_back", "Cite the fees regs.")
    case.refresh_from_db()
    assert case.state == "drafting"
    body = page(client, case)
    assert "Cite the fees regs." in body


def test_a_change_after_approval_needs_a_new_approval(
    officer_client, case, officer, decision_maker, make_staff
):
    decision = disclose_all(case, officer)
    services.response_submit(actor=officer, request=case)
    services.response_approve(actor=decision_maker, request=case)
    response = officer_client.post(
        url(case, f"decisions/{decision.pk}/"),
        {
            "questions": ["1", "2", "3"],
            "outcome": "disclosed",
            "text": "Changed wording.",
            "figures_given": "on",
            "reveals_held": "on",
        },
    )
    assert response.status_code == 302
    body = page(officer_client, case)
    assert "The draft has changed since version 1 was approved" in body
    assert "Record the response as sent" not in body
    assert "Send for approval</button>" in body
    today = timezone.localdate()
    sent = {
        "sent-sent_on_day": today.day,
        "sent-sent_on_month": today.month,
        "sent-sent_on_year": today.year,
    }
    response = officer_client.post(url(case, "sent/"), sent)
    assert response.status_code == 400
    assert "has changed since it was approved" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "awaiting_approval" and case.responded_on is None

    assert officer_client.post(url(case, "submit/"), {}).status_code == 302
    assert ResponseVersion.objects.get(number=2).status == "awaiting"
    client = Client()
    client.force_login(make_staff("second-approver", Role.DECISION_MAKER))
    assert client.post(url(case, "approve/"), {}).status_code == 302
    assert officer_client.post(url(case, "sent/"), sent).status_code == 302
    case.refresh_from_db()
    assert case.state == "responded"


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (
            {"sent-sent_on_day": "31", "sent-sent_on_month": "2", "sent-sent_on_year": "2023"},
            "must be a real date",
        ),
        ({}, "Enter the date the response was sent"),
        # Boxes holding spaces are empty, not a date.
        (
            {"sent-sent_on_day": " ", "sent-sent_on_month": "", "sent-sent_on_year": " "},
            "Enter the date the response was sent",
        ),
        ("tomorrow", "must be today or in the past"),
        (
            {"sent-sent_on_day": "1", "sent-sent_on_month": "1", "sent-sent_on_year": "1990"},
            "cannot be before the request was received",
        ),
    ],
)
def test_bad_sent_dates_are_400(officer_client, case, officer, decision_maker, day, message):
    disclose_all(case, officer)
    services.response_submit(actor=officer, request=case)
    services.response_approve(actor=decision_maker, request=case)
    if day == "tomorrow":
        tomorrow = timezone.localdate() + dt.timedelta(days=1)
        day = {
            "sent-sent_on_day": tomorrow.day,
            "sent-sent_on_month": tomorrow.month,
            "sent-sent_on_year": tomorrow.year,
        }
    response = officer_client.post(url(case, "sent/"), day)
    assert response.status_code == 400
    assert message in response.content.decode()
    case.refresh_from_db()
    assert case.state == "awaiting_approval"


def sent_on(day):
    return {
        "sent-sent_on_day": day.day,
        "sent-sent_on_month": day.month,
        "sent-sent_on_year": day.year,
    }


@pytest.mark.parametrize(
    ("approved_at", "approved_on"),
    [
        (dt.datetime(2023, 2, 14, 11, 30, tzinfo=dt.UTC), dt.date(2023, 2, 14)),
        # Approved at 00:30 London time (23:30 GMT the day before, in summer time): the day
        # of approval is the day in London, where the authority works.
        (dt.datetime(2023, 6, 13, 23, 30, tzinfo=dt.UTC), dt.date(2023, 6, 14)),
    ],
)
def test_a_response_cannot_be_recorded_as_sent_before_it_was_approved(
    officer_client, case, officer, decision_maker, approved_at, approved_on
):
    disclose_all(case, officer)
    with time_machine.travel(approved_at, tick=False):
        services.response_submit(actor=officer, request=case)
        services.response_approve(actor=decision_maker, request=case)
    events = AuditEvent.objects.count()

    response = officer_client.post(url(case, "sent/"), sent_on(approved_on - dt.timedelta(1)))

    assert response.status_code == 400
    body = response.content.decode()
    message = (
        "The date sent cannot be before the response was approved: version 1 was approved on "
        f"{approved_on:%-d %B %Y}"
    )
    # At the date field, and in the error summary linking to it.
    assert f'<a href="#id_sent-sent_on">{message}</a>' in body
    assert '<p id="id_sent-sent_on-error" class="govuk-error-message">' in body
    assert body.count(message) == 2
    case.refresh_from_db()
    assert (case.state, case.responded_on) == ("awaiting_approval", None)
    assert AuditEvent.objects.count() == events
    assert ResponseVersion.objects.get().status == "approved"

    # The day it was approved is fine: approved in the morning, sent in the afternoon.
    response = officer_client.post(url(case, "sent/"), sent_on(approved_on))
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.state, case.responded_on) == ("responded", approved_on)


def test_a_version_awaiting_approval_goes_back_to_drafting_with_the_request(
    officer_client, case, officer, decision_maker
):
    """Moving the request back to drafting on the case page takes the waiting version with it:
    a decision maker cannot approve a response while it is being redrafted."""
    disclose_all(case, officer)
    assert officer_client.post(url(case, "submit/"), {}).status_code == 302

    response = officer_client.post(
        f"{case.get_absolute_url()}state/", {"to_state": "drafting", "reason": "One more fact."}
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "drafting"
    version = ResponseVersion.objects.get()
    assert (version.status, version.decided_by, version.reasons) == (
        "sent_back",
        officer,
        "One more fact.",
    )
    event = AuditEvent.objects.get(event_type="response.taken_back")
    assert (event.actor, event.subject_id) == (officer, str(version.pk))
    assert (
        "Version 1 taken back to drafting"
        in officer_client.get(case.get_absolute_url()).content.decode()
    )

    client = Client()
    client.force_login(decision_maker)
    assert "Approve version 1" not in page(client, case)
    events = AuditEvent.objects.count()
    response = client.post(url(case, "approve/"), {"approve-version": "1"})
    assert response.status_code == 400
    assert "There is no version waiting for approval" in response.content.decode()
    version.refresh_from_db()
    assert version.status == "sent_back"
    assert AuditEvent.objects.count() == events

    # The officer may send the same draft for approval again.
    assert officer_client.post(url(case, "submit/"), {}).status_code == 302
    assert list(ResponseVersion.objects.values_list("number", "status")) == [
        (2, "awaiting"),
        (1, "sent_back"),
    ]


def _sent_back(case, officer, decision_maker):
    services.response_submit(actor=officer, request=case)
    services.response_send_back(actor=decision_maker, request=case, reasons="Check it.")


@pytest.mark.parametrize(
    ("sign_off", "state", "why"),
    [
        (None, "drafting", "the response has not been sent for approval yet"),
        (
            lambda case, officer, _: services.response_submit(actor=officer, request=case),
            "awaiting_approval",
            "version 1 is still awaiting approval",
        ),
        (_sent_back, "drafting", "version 1 was sent back: send the draft for approval again"),
    ],
)
def test_nothing_approved_cannot_be_recorded_as_sent(
    officer_client, case, officer, decision_maker, sign_off, state, why
):
    """Sending needs an approved response, and the officer is told what is missing rather
    than that a request in drafting cannot become responded."""
    disclose_all(case, officer)
    if sign_off is not None:
        sign_off(case, officer, decision_maker)
    events = AuditEvent.objects.count()
    body = page(officer_client, case)
    assert "Record the response as sent" not in body

    response = officer_client.post(url(case, "sent/"), sent_on(timezone.localdate()))

    assert response.status_code == 400
    message = f"Only an approved response can be sent: {why}"
    assert f'<a href="#sign-off">{message}</a>' in response.content.decode()
    case.refresh_from_db()
    assert (case.state, case.responded_on) == (state, None)
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("approved", [False, True])
def test_the_case_page_sends_the_officer_to_the_response_page_to_record_it_sent(
    officer_client, case, officer, decision_maker, approved
):
    """ "Responded" is recorded only by "Record the response as sent", which keeps the day it
    went out and its own event: the case page's state change no longer offers it."""
    disclose_all(case, officer)
    services.response_submit(actor=officer, request=case)
    if approved:
        services.response_approve(actor=decision_maker, request=case)
    body = officer_client.get(case.get_absolute_url()).content.decode()
    assert 'value="responded"' not in body
    assert f'href="{url(case)}#sign-off">response page</a>' in body
    events = AuditEvent.objects.count()

    response = officer_client.post(f"{case.get_absolute_url()}state/", {"to_state": "responded"})

    assert response.status_code == 400
    assert (
        "Record the response as sent on the response page, with the day it went out"
        in response.content.decode()
    )
    case.refresh_from_db()
    assert (case.state, case.responded_on) == ("awaiting_approval", None)
    assert AuditEvent.objects.count() == events


def test_approving_with_nothing_waiting_is_400(client, case, decision_maker):
    client.force_login(decision_maker)
    response = client.post(url(case, "approve/"), {})
    assert response.status_code == 400
    assert "There is no version waiting for approval" in response.content.decode()


# --- queries -------------------------------------------------------------------------------------


def _draft_with(n, make_request, officer, library):
    case = make_request(title=f"Draft of {n}", questions=[f"Question {i}?" for i in range(1, 7)])
    subsections = ["a", "b", "c", "d", "e", "f"]
    for i in range(n):
        numbers = [i + 1] if i < n - 1 else list(range(n, 7))
        decision = services.decision_save(
            actor=officer,
            request=case,
            question_numbers=numbers,
            outcome="cost_limit" if i % 2 else "exempt",
            provisions=[{"id": f"foia:s31(1)({subsections[i]})"}],
        )
        services.cost_line_add(
            actor=officer,
            decision=decision,
            activity="locating",
            hours=Decimal(2),
            question=case.questions.get(number=numbers[0]),
        )
        test = services.test_save(
            actor=officer,
            request=case,
            provision=f"foia:s31(1)({subsections[i]})",
            kind="disclosure",
        )
        services.test_paragraph_add(
            actor=officer,
            test=test,
            section="factors_against",
            library_paragraph=library["other_sub"],
        )
        services.test_paragraph_add(actor=officer, test=test, section="factors_for", text="For.")
    return case


def test_response_page_queries_do_not_grow_with_decisions(
    officer_client, make_request, officer, library, django_assert_max_num_queries
):
    one = _draft_with(1, make_request, officer, library)
    six = _draft_with(6, make_request, officer, library)
    officer_client.get(url(one))  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        assert officer_client.get(url(one)).status_code == 200
    with django_assert_max_num_queries(len(few)):
        body = officer_client.get(url(six)).content.decode()
    assert body.count('class="govuk-summary-card" id="decision-') == 6
    assert len(re.findall(r'<div id="test-\d+" ', body)) == 6


def test_page_links_to_the_previews_in_each_format(officer_client, case, officer):
    disclose_all(case, officer)
    body = page(officer_client, case)
    for tail in ("response/preview/", "response.pdf", "response.docx"):
        assert f'href="/staff/requests/{case.slug}/{tail}"' in body
    assert officer_client.get(f"/staff/requests/{case.slug}/response/preview/").status_code == 200


def test_out_of_range_ids_are_404_or_400_never_500(officer_client, case, s31_test):
    big = "9" * 30
    for tail in (
        f"decisions/{big}/",
        f"decisions/{big}/delete/",
        f"cost-lines/{big}/delete/",
        f"paragraphs/{big}/",
        f"tests/{big}/",
    ):
        assert officer_client.post(url(case, tail), {}).status_code == 404, tail
    response = officer_client.post(
        url(case, f"tests/{s31_test.pk}/library/"),
        {"library_paragraph": big, "section": "factors_for"},
    )
    assert response.status_code == 400
    assert officer_client.get(url(case) + f"?lib_test={big}").status_code == 200


def test_sending_for_approval_twice_is_a_400_and_makes_one_version(officer_client, case, officer):
    disclose_all(case, officer)
    assert officer_client.post(url(case, "submit/"), {}).status_code == 302

    response = officer_client.post(url(case, "submit/"), {})

    assert response.status_code == 400
    assert "Version 1 of this draft is already awaiting approval" in response.content.decode()
    assert ResponseVersion.objects.filter(request=case).count() == 1


def test_approving_from_a_stale_page_does_not_approve_a_newer_version(
    client, officer_client, case, officer, decision_maker
):
    decision = disclose_all(case, officer)
    services.response_submit(actor=officer, request=case)
    client.force_login(decision_maker)
    body = page(client, case)
    assert 'name="approve-version" value="1"' in body
    assert 'name="send-back-version" value="1"' in body
    # While the decision maker reads version 1, the officer changes the draft and sends it.
    services.decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2, 3],
        outcome="disclosed",
        text="Changed wording nobody has approved.",
        figures_given=True,
        reveals_held=True,
        decision=decision,
    )
    services.response_submit(actor=officer, request=case)

    approve = client.post(url(case, "approve/"), {"approve-version": "1"})
    send_back = client.post(
        url(case, "send-back/"), {"send-back-version": "1", "send-back-reasons": "No."}
    )

    for response in (approve, send_back):
        assert response.status_code == 400
        assert "Version 1 is no longer the one awaiting approval" in response.content.decode()
    assert ResponseVersion.objects.get(request=case, number=2).status == "awaiting"
    assert 'name="approve-version" value="2"' in approve.content.decode()
    assert client.post(url(case, "approve/"), {"approve-version": "2"}).status_code == 302


# --- superseded versions -------------------------------------------------------------------------


def change_wording(officer_client, case, decision, text):
    response = officer_client.post(
        url(case, f"decisions/{decision.pk}/"),
        {
            "questions": ["1", "2", "3"],
            "outcome": "disclosed",
            "text": text,
            "figures_given": "on",
            "reveals_held": "on",
        },
    )
    assert response.status_code == 302


@pytest.fixture
def superseded(officer_client, case, officer):
    """Version 1 sent for approval, then the draft changed and version 2 sent in its place."""
    decision = disclose_all(case, officer)
    assert officer_client.post(url(case, "submit/"), {}).status_code == 302
    change_wording(officer_client, case, decision, "Changed while version 1 was waiting.")
    assert officer_client.post(url(case, "submit/"), {"submit-note": "Wording."}).status_code == 302
    return case


def test_sending_a_new_version_for_approval_supersedes_the_one_waiting(
    officer_client, superseded, officer
):
    case = superseded
    first, second = ResponseVersion.objects.order_by("number")
    assert (first.status, second.status) == ("superseded", "awaiting")
    assert (first.decided_by, first.decided_at) == (None, None)  # nobody decided on it
    event = AuditEvent.objects.get(event_type="response.superseded")
    assert (event.actor, event.subject_id, event.detail) == (officer, str(first.pk), {"by": 2})

    body = page(officer_client, case)
    versions = body[body.index("<caption") : body.index("</table>", body.index("<caption"))]
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", versions, re.S)
    assert "Awaiting approval" in rows[1] and "Superseded by a later version" in rows[2]
    history = body[body.index('id="history"') :]
    assert "Version 1 superseded by version 2: it can no longer be approved" in history
    timeline = officer_client.get(case.get_absolute_url()).content.decode()
    assert "Version 1 superseded by version 2" in timeline


def test_a_version_sent_back_or_approved_is_not_superseded(
    officer_client, case, officer, decision_maker, make_staff
):
    decision = disclose_all(case, officer)
    services.response_submit(actor=officer, request=case)
    services.response_send_back(actor=decision_maker, request=case, reasons="Reword it.")
    change_wording(officer_client, case, decision, "Reworded.")
    services.response_submit(actor=officer, request=case)
    services.response_approve(actor=make_staff("second", Role.DECISION_MAKER), request=case)
    change_wording(officer_client, case, decision, "Reworded after approval.")
    assert officer_client.post(url(case, "submit/"), {}).status_code == 302

    statuses = list(ResponseVersion.objects.order_by("number").values_list("status", flat=True))
    assert statuses == ["sent_back", "approved", "awaiting"]
    assert not AuditEvent.objects.filter(event_type="response.superseded").exists()


@pytest.mark.parametrize("then_approved", [False, True])
def test_a_superseded_version_cannot_be_approved_or_sent_back(
    client, superseded, decision_maker, make_staff, then_approved
):
    case = superseded
    if then_approved:
        services.response_approve(actor=make_staff("second", Role.DECISION_MAKER), request=case)
    since = "has been approved since" if then_approved else "has been sent for approval since"
    client.force_login(decision_maker)
    events = AuditEvent.objects.count()

    approve = client.post(url(case, "approve/"), {"approve-version": "1"})
    send_back = client.post(
        url(case, "send-back/"), {"send-back-version": "1", "send-back-reasons": "Old."}
    )

    for response in (approve, send_back):
        assert response.status_code == 400
        assert (
            "Version 1 is no longer the one awaiting approval: it has been superseded by a later "
            f"version, and version 2 {since}. Read version 2 before deciding"
        ) in response.content.decode()
    statuses = list(ResponseVersion.objects.order_by("number").values_list("status", flat=True))
    assert statuses == ["superseded", "approved" if then_approved else "awaiting"]
    assert AuditEvent.objects.count() == events
    case.refresh_from_db()
    assert case.state == "awaiting_approval"


def test_a_superseded_version_cannot_be_recorded_as_sent(
    officer_client, superseded, decision_maker
):
    case = superseded
    services.response_approve(actor=decision_maker, request=case)
    body = page(officer_client, case)
    assert 'name="sent-version" value="2"' in body
    events = AuditEvent.objects.count()

    response = officer_client.post(
        url(case, "sent/"), {"sent-version": "1", **sent_on(timezone.localdate())}
    )

    assert response.status_code == 400
    assert (
        "Version 1 is no longer the latest version: it has been superseded by a later version, "
        "and version 2 has been approved since. Open the response again"
    ) in response.content.decode()
    case.refresh_from_db()
    assert (case.state, case.responded_on) == ("awaiting_approval", None)
    assert AuditEvent.objects.count() == events

    response = officer_client.post(
        url(case, "sent/"), {"sent-version": "2", **sent_on(timezone.localdate())}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "responded"


def test_recording_as_sent_from_a_stale_page_does_not_send_a_newer_version(
    officer_client, case, officer, decision_maker, make_staff
):
    """The officer sent version 1 from the page showing it; meanwhile version 2 was approved:
    recording version 1's sending must not record version 2 as sent."""
    decision = disclose_all(case, officer)
    services.response_submit(actor=officer, request=case)
    services.response_approve(actor=decision_maker, request=case)
    assert 'name="sent-version" value="1"' in page(officer_client, case)
    change_wording(officer_client, case, decision, "Changed after version 1 was approved.")
    services.response_submit(actor=officer, request=case)
    services.response_approve(actor=make_staff("second", Role.DECISION_MAKER), request=case)

    response = officer_client.post(
        url(case, "sent/"), {"sent-version": "1", **sent_on(timezone.localdate())}
    )

    assert response.status_code == 400
    assert (
        "Version 1 is no longer the latest version: version 2 has been approved since"
        in response.content.decode()
    )
    case.refresh_from_db()
    assert (case.state, case.responded_on) == ("awaiting_approval", None)
