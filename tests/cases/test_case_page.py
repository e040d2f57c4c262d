"""The case page and its actions, through HTTP as each role."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.cases.models import Department, IdentityReveal, Request
from foidesk.cases.services import NewQuestion, NewRequester, question_route

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def case(make_request):
    return make_request(
        title="Officer misconduct dismissals",
        questions=[
            NewQuestion(text="How many officers were dismissed?"),
            NewQuestion(text="Is a review under way?", context="The Met reported a review."),
        ],
        requester=NewRequester(
            name="Zebedee Quillfeather",
            email="zq@example.org",
            phone="07700 900123",
            address="1 Lane, Testtown",
        ),
        request_text="How many officers were dismissed? Is a review under way?",
    )


def test_case_page_shows_questions_dates_explanation_and_timeline(officer_client, case):
    response = officer_client.get(case.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Officer misconduct dismissals" in body
    assert "How many officers were dismissed?" in body
    assert "The Met reported a review." in body
    assert "Fri 17 Feb 2023" in body
    assert "How this was worked out" in body
    assert "Request 1A/23 logged with 2 question(s)" in body
    assert "Mark as acknowledged" in body


def test_case_page_is_applicant_blind_until_revealed(officer_client, case):
    body = officer_client.get(case.get_absolute_url()).content.decode()
    for secret in ("Zebedee", "Quillfeather", "zq@example.org", "07700 900123", "Testtown"):
        assert secret not in body
    response = officer_client.post(
        f"{case.get_absolute_url()}requester/", {"purpose": "aggregation"}
    )
    assert response.status_code == 200
    assert "Zebedee Quillfeather" in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    assert IdentityReveal.objects.filter(request=case, purpose="aggregation").count() == 1


def test_reveal_without_a_purpose_is_refused(officer_client, case):
    response = officer_client.post(f"{case.get_absolute_url()}requester/", {})
    assert response.status_code == 400
    assert "Choose why you need to see who asked" in response.content.decode()
    assert not IdentityReveal.objects.exists()


@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY])
def test_other_register_roles_read_but_cannot_act(client, case, make_staff, role):
    client.force_login(make_staff("someone", role))
    body = client.get(case.get_absolute_url()).content.decode()
    assert "How many officers were dismissed?" in body
    assert "Mark as acknowledged" not in body
    assert "See who asked" not in body
    before = AuditEvent.objects.count()
    for action, data in [
        ("state/", {"to_state": "acknowledged"}),
        ("requester/", {"purpose": "aggregation"}),
        ("assign/", {"officer": ""}),
    ]:
        assert client.post(f"{case.get_absolute_url()}{action}", data).status_code == 404
    assert AuditEvent.objects.count() == before


def test_state_change_through_the_page(officer_client, case):
    response = officer_client.post(
        f"{case.get_absolute_url()}state/", {"to_state": "acknowledged", "reason": "Sent ack"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "acknowledged"
    page = officer_client.get(case.get_absolute_url()).content.decode()
    assert "Received → Acknowledged" in page
    assert "Reason: Sent ack" in page


def test_state_change_the_table_forbids_is_a_400_and_changes_nothing(officer_client, case):
    response = officer_client.post(f"{case.get_absolute_url()}state/", {"to_state": "closed"})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "received"


@pytest.mark.parametrize(
    ("before", "to_state", "message"),
    [
        ([], "awaiting_fee", "Record the fees notice under “Record a clock event”"),
        ([], "awaiting_clarification", "Record that clarification was sought under"),
        (["clarification_sought"], "acknowledged", "Record the clarification received under"),
        (["fee_notice"], "with_department", "Record the fee received under"),
        (["fee_notice"], "drafting", "Record the fee received under"),
    ],
)
def test_the_state_form_does_not_stop_or_restart_the_clock_without_its_event(
    officer_client, case, before, to_state, message
):
    """ "Send a fees notice" as a bare state change left the 20 working days running while the
    request left the overdue list; "Clarification received" left it with no due date."""
    url = case.get_absolute_url()
    with time_machine.travel(dt.datetime(2023, 3, 1, 12, tzinfo=LONDON)):
        for kind in before:
            officer_client.post(
                f"{url}clock/", {"kind": kind, "on_day": "25", "on_month": "1", "on_year": "2023"}
            )
        case.refresh_from_db()
        was = (case.state, case.due_date, AuditEvent.objects.count())
        page = officer_client.get(url).content.decode()
        assert f'value="{to_state}"' not in page.split('id="clock_form-errors"')[0]
        response = officer_client.post(f"{url}state/", {"to_state": to_state})
    assert response.status_code == 400
    assert message in response.content.decode()
    case.refresh_from_db()
    assert (case.state, case.due_date, AuditEvent.objects.count()) == was


def test_a_decision_date_past_the_known_years_is_a_400(officer_client, case):
    with time_machine.travel(dt.datetime(2023, 3, 1, 12, tzinfo=LONDON)):
        response = officer_client.post(
            f"{case.get_absolute_url()}clock/",
            {
                "kind": "pit_extension",
                **{f"on_{k}": v for k, v in (("day", "10"), ("month", "2"), ("year", "2023"))},
                **{
                    f"extended_to_{k}": v
                    for k, v in (("day", "17"), ("month", "3"), ("year", "9999"))
                },
            },
        )
    assert response.status_code == 400
    assert "bank holidays are known" in response.content.decode()
    case.refresh_from_db()
    assert case.decision_due is None
    assert not case.clock_events.exists()


def test_clock_event_through_the_page_moves_the_due_date(officer_client, case):
    with time_machine.travel(dt.datetime(2023, 3, 1, 12, tzinfo=LONDON)):
        officer_client.post(
            f"{case.get_absolute_url()}clock/",
            {"kind": "clarification_sought", "on_day": "24", "on_month": "1", "on_year": "2023"},
        )
        response = officer_client.post(
            f"{case.get_absolute_url()}clock/",
            {"kind": "clarification_received", "on_day": "1", "on_month": "2", "on_year": "2023"},
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.due_date == dt.date(2023, 3, 1)


def test_bad_clock_event_dates_are_400s(officer_client, case):
    url = f"{case.get_absolute_url()}clock/"
    bad = officer_client.post(
        url, {"kind": "fee_notice", "on_day": "31", "on_month": "2", "on_year": "2023"}
    )
    future = officer_client.post(
        url, {"kind": "fee_notice", "on_day": "1", "on_month": "1", "on_year": "2099"}
    )
    early = officer_client.post(
        url, {"kind": "fee_notice", "on_day": "1", "on_month": "1", "on_year": "2023"}
    )
    blank = officer_client.post(
        url, {"kind": "clarification_sought", "on_day": " ", "on_month": "", "on_year": ""}
    )
    assert [r.status_code for r in (bad, future, early, blank)] == [400, 400, 400, 400]
    assert "must be a real date" in bad.content.decode()
    assert "must be today or in the past" in future.content.decode()
    assert "before the request was received" in early.content.decode()
    assert not case.clock_events.exists()


def test_a_regime_change_the_clock_does_not_allow_is_a_400_saying_why(officer_client, case):
    extension = officer_client.post(
        f"{case.get_absolute_url()}clock/",
        {
            "kind": "pit_extension",
            **{"on_day": "1", "on_month": "2", "on_year": "2023"},
            **{"extended_to_day": "17", "extended_to_month": "3", "extended_to_year": "2023"},
        },
    )
    assert extension.status_code == 302
    events = AuditEvent.objects.count()

    response = officer_client.post(
        f"{case.get_absolute_url()}regime/", {"regime": "eir", "reason": "x"}
    )

    assert response.status_code == 400
    assert (
        "The request cannot move to EIR with its clock as recorded: EIR has no public "
        "interest extension" in response.content.decode()
    )
    case.refresh_from_db()
    assert case.regime == "foia"
    assert AuditEvent.objects.count() == events


def test_route_assign_and_link_through_the_page(officer_client, case, officer, make_request):
    psd = Department.objects.create(name="Professional Standards")
    assert (
        officer_client.post(
            f"{case.get_absolute_url()}questions/1/route/", {"q1-department": psd.pk}
        ).status_code
        == 302
    )
    assert case.questions.get(number=1).department == psd
    assert (
        officer_client.post(
            f"{case.get_absolute_url()}questions/9/route/", {"q9-department": psd.pk}
        ).status_code
        == 400
    )
    assert (
        officer_client.post(
            f"{case.get_absolute_url()}assign/", {"officer": officer.pk}
        ).status_code
        == 302
    )
    other = make_request()
    assert (
        officer_client.post(
            f"{case.get_absolute_url()}link/",
            {"reference": other.reference, "kind": "same_requester"},
        ).status_code
        == 302
    )
    assert (
        officer_client.post(
            f"{case.get_absolute_url()}link/", {"reference": "NOPE/1", "kind": "same_requester"}
        ).status_code
        == 400
    )
    assert other.reference in officer_client.get(case.get_absolute_url()).content.decode()


def test_department_contact_sees_only_routed_questions_and_answers_them(
    client, case, officer, make_staff
):
    psd = Department.objects.create(name="Professional Standards")
    contact = make_staff("psd", Role.DEPARTMENT_CONTACT)
    psd.contacts.add(contact)
    question = case.questions.get(number=1)
    question_route(actor=officer, question=question, department=psd)
    client.force_login(contact)
    listing = client.get("/staff/questions/").content.decode()
    assert f"/staff/questions/{question.pk}/" in listing
    assert f"/staff/questions/{case.questions.get(number=2).pk}/" not in listing
    assert client.get(case.get_absolute_url()).status_code == 404
    page = client.get(f"/staff/questions/{question.pk}/").content.decode()
    assert "Zebedee" not in page
    bad = client.post(f"/staff/questions/{question.pk}/", {"answer": "", "hours_spent": "-1"})
    assert bad.status_code == 400
    assert "Enter your answer" in bad.content.decode()
    assert "0 or more" in bad.content.decode()
    good = client.post(
        f"/staff/questions/{question.pk}/", {"answer": "Twelve officers.", "hours_spent": "2.5"}
    )
    assert good.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered"
    assert str(question.hours_spent) == "2.50"


def test_unknown_case_is_404_and_anonymous_is_sent_to_sign_in(officer_client, case):
    assert officer_client.get("/staff/requests/nothing-here/").status_code == 404
    response = Client().get(case.get_absolute_url())
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]
    assert Request.objects.count() == 1


def test_a_clock_event_the_clock_refuses_is_a_400_and_the_page_still_opens(officer_client, case):
    # The case page loads the request with its clock events; the new event must be checked
    # with them, not against the list read before it was added.
    response = officer_client.post(
        f"{case.get_absolute_url()}clock/",
        {
            "kind": "pit_extension",
            **{"on_day": "1", "on_month": "2", "on_year": "2023"},
            **{"extended_to_day": "10", "extended_to_month": "2", "extended_to_year": "2023"},
        },
    )

    assert response.status_code == 400
    assert "is before the s17 notice date Fri 17 Feb 2023" in response.content.decode()
    assert not case.clock_events.exists()
    assert officer_client.get(case.get_absolute_url()).status_code == 200


def test_a_clock_event_through_the_page_stores_the_dates_it_gives(officer_client, case):
    response = officer_client.post(
        f"{case.get_absolute_url()}clock/",
        {
            "kind": "pit_extension",
            **{"on_day": "1", "on_month": "2", "on_year": "2023"},
            **{"extended_to_day": "17", "extended_to_month": "3", "extended_to_year": "2023"},
        },
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.decision_due == dt.date(2023, 3, 17)


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("clock/", {"kind": "fee_notice", "on_day": "1", "on_month": "2", "on_year": "2023"}),
        ("assign/", {"officer": "OFFICER"}),
        ("regime/", {"regime": "eir", "reason": "It is about the environment"}),
        ("questions/1/route/", {"q1-department": "DEPARTMENT"}),
        ("link/", {"reference": "OTHER", "kind": "same_requester"}),
    ],
)
def test_a_withdrawn_request_is_not_changed_by_the_page(
    officer_client, case, officer, make_request, action, data
):
    # Withdrawn is final: its page offers none of these actions, and posting them anyway is
    # refused rather than changing the record.
    other = make_request()
    psd = Department.objects.create(name="Professional Standards")
    values = {"OFFICER": officer.pk, "DEPARTMENT": psd.pk, "OTHER": other.reference}
    officer_client.post(f"{case.get_absolute_url()}state/", {"to_state": "withdrawn"})
    case.refresh_from_db()
    assert case.state == "withdrawn"
    events = AuditEvent.objects.count()

    response = officer_client.post(
        f"{case.get_absolute_url()}{action}", {k: values.get(v, v) for k, v in data.items()}
    )

    assert response.status_code == 400
    assert "This request was withdrawn: it can no longer be changed" in response.content.decode()
    assert AuditEvent.objects.count() == events
    case.refresh_from_db()
    assert (case.regime, case.assigned_officer) == ("foia", None)
    assert not case.clock_events.exists()
    assert case.questions.get(number=1).department is None
    assert not case.links_out.exists()


def test_a_department_cannot_answer_a_question_of_a_withdrawn_request(
    client, case, officer, make_staff
):
    psd = Department.objects.create(name="Professional Standards")
    contact = make_staff("psd", Role.DEPARTMENT_CONTACT)
    psd.contacts.add(contact)
    question = case.questions.get(number=1)
    question_route(actor=officer, question=question, department=psd)
    officer_client = Client()
    officer_client.force_login(officer)
    officer_client.post(f"{case.get_absolute_url()}state/", {"to_state": "withdrawn"})
    events = AuditEvent.objects.count()
    client.force_login(contact)

    response = client.post(
        f"/staff/questions/{question.pk}/", {"answer": "Twelve officers.", "hours_spent": "1"}
    )

    assert response.status_code == 400
    assert "This request was withdrawn: it can no longer be changed" in response.content.decode()
    question.refresh_from_db()
    assert (question.status, question.department_answer) == ("with_department", "")
    assert AuditEvent.objects.count() == events
