"""`foidesk demo`: the demo force's register, loaded once through the register services.

The demo is loaded once for this module (it takes a few seconds) and the database is emptied
afterwards; each test reads it inside its own rolled-back transaction. The decisions, tests
and sign-off of its responses are tested in ``test_demo_decisions``.
"""

import json
import re
from datetime import date, datetime, time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from foidesk.accounts.models import Role, User
from foidesk.audit.models import AuditEvent
from foidesk.cases.models import (
    Authority,
    Channel,
    ClockEvent,
    ClockEventKind,
    Department,
    LinkKind,
    Question,
    QuestionStatus,
    RegimeChoice,
    Request,
    Requester,
    RequestLink,
)
from foidesk.cases.states import CLOCK_STOPPED_STATES, OPEN_STATES, RequestState
from foidesk.decisions.models import (
    CostLine,
    Decision,
    HarmAndPublicInterestTest,
    LibraryParagraph,
    ResponseVersion,
)
from foidesk.decisions.models import (
    TestParagraph as ParagraphInTest,
)
from foidesk.demo import register
from foidesk.demo.staff import DEMO_STAFF
from foidesk.law.calendars import default_calendar

#: The published response (the shared folder next to the repository, as tests/intake uses).
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_2ad7f8b4d19a12d5.txt"


def _seed() -> Request:
    return Request.objects.get(reference="190A/23")


# --- request 190A/23 ---------------------------------------------------------------------------


def test_190A_23_is_split_into_the_four_questions_the_response_answers(demo):
    request = _seed()
    assert request.title == "Officer alleged sexual offences or domestic violence"
    assert request.regime == RegimeChoice.FOIA
    assert request.channel == Channel.EMAIL
    questions = list(request.questions.order_by("number"))
    assert [q.number for q in questions] == [1, 2, 3, 4]
    assert questions[0].text.startswith("How many cases of alleged sexual offences")
    assert "live investigation for alleged sexual offences" in questions[1].text
    assert "(2023/2022, 2022/2021, 2021/2020, 2020/2019, 2019/2018)" in questions[2].text
    assert all(not q.context for q in questions[:3])


def test_190A_23_questions_are_verbatim_from_the_published_response(demo):
    if not SEED.is_file():
        pytest.fail(f"The seed response is missing: expected {SEED}.")
    request_part = SEED.read_text(encoding="utf-8").split("\nResponse\n")[0]
    numbered = [
        line.strip().removeprefix("1. ")
        for line in request_part.splitlines()
        if line.strip().startswith("1. ")
    ]
    texts = [q.text for q in _seed().questions.order_by("number")]
    assert texts[:3] == numbered[:3]
    # Question 4 is the two paragraphs after the context, in the requester's typography.
    for paragraph in texts[3].split("\n\n"):
        assert f"\n{paragraph}\n" in request_part
    assert _seed().questions.get(number=4).context.split("\n\n")[-1] in request_part


def test_190A_23_question_4_keeps_the_met_context_apart_from_the_question(demo):
    q4 = _seed().questions.get(number=4)
    assert q4.text.startswith("Is your force currently carrying out a review of completed cases")
    assert "\n\nIf yes, what number of cases" in q4.text
    assert "Metropolitan" not in q4.text and "For context" not in q4.text
    assert q4.context.startswith("For context: On 16thJanuary 2023")
    assert "1,633 cases" in q4.context and "18thJanuary 2023" in q4.context
    assert "https://news.met.police.uk/news/clarification-on-our-review" in q4.context


def test_190A_23_request_text_is_the_whole_request_without_a_sign_off(demo):
    request = _seed()
    for question in request.questions.all():
        assert question.text in request.request_text
    assert _seed().questions.get(number=4).context in request.request_text
    assert "Yours" not in request.request_text and "Kind regards" not in request.request_text
    assert request.requester.email.endswith("@example.org")


def test_190A_23_was_due_on_17_february_2023_and_answered_the_day_before(demo):
    request = _seed()
    assert timezone.localtime(request.received_at) == datetime.combine(
        date(2023, 1, 20), time(10, 14), tzinfo=timezone.get_current_timezone()
    )
    # Worked by hand from the 2023 calendar: received Friday 20 January, so day 1 is Monday
    # 23 January (FOIA s10(1): the first working day after receipt). No bank holiday falls
    # between then and Easter (7 April), so the 20 working days are the four whole weeks of
    # 23-27 January, 30 January-3 February, 6-10 February and 13-17 February.
    assert request.day_one == date(2023, 1, 23)
    assert request.due_date == date(2023, 2, 17)
    assert request.state == RequestState.RESPONDED
    assert request.responded_on == date(2023, 2, 16)


def test_190A_23_went_through_professional_standards_and_every_state_to_responded(demo):
    request = _seed()
    psd = User.objects.get(username="psd")
    for question in request.questions.all():
        assert question.department.name == "Professional Standards"
        # Answered by the department, then decided by the FOI officer.
        assert question.status == QuestionStatus.DECIDED
        assert question.answered_by == psd
        assert question.hours_spent > 0
        assert (
            date(2023, 1, 20) < timezone.localtime(question.answered_at).date() < date(2023, 2, 16)
        )
    states = [
        e.changes["state"] for e in request.audit_events.filter(event_type="request.state_changed")
    ]
    assert states == [
        ["received", "acknowledged"],
        ["acknowledged", "with_department"],
        ["with_department", "drafting"],
        ["drafting", "awaiting_approval"],
        ["awaiting_approval", "responded"],
    ]


# --- the generated register ----------------------------------------------------------------------


def test_every_state_appears_with_most_requests_open_responded_or_closed(demo):
    counts = {state: Request.objects.filter(state=state).count() for state in RequestState}
    assert all(counts.values()), counts
    total = sum(counts.values())
    assert 250 <= total <= 350
    main = sum(counts[s] for s in OPEN_STATES) + counts[RequestState.RESPONDED]
    main += counts[RequestState.CLOSED]
    assert main / total > 0.85


def test_the_authority_and_departments_are_the_demo_force(demo):
    authority = Authority.current()
    assert authority.name == "West Midlands Police"
    assert authority.reference_pattern == "{seq}A/{yy}"
    assert authority.cost_limit == 450
    assert authority.weekend_receipt == "ico"
    assert set(Department.objects.values_list("name", flat=True)) == set(register.DEPARTMENTS)


def test_department_contacts_answer_for_their_own_departments(demo):
    psd, hr = User.objects.get(username="psd"), User.objects.get(username="hr")
    assert [d.name for d in psd.departments.all()] == ["Professional Standards"]
    assert [d.name for d in hr.departments.all()] == ["Human Resources"]
    for department in Department.objects.all():
        assert department.contacts.filter(role=Role.DEPARTMENT_CONTACT).exists(), department
    answered = Question.objects.exclude(answered_at=None)
    for question in answered.select_related("department", "answered_by"):
        assert question.department.contacts.filter(pk=question.answered_by_id).exists()


def test_no_date_is_in_the_future_or_before_receipt(demo):
    now, today = timezone.now(), timezone.localdate()
    assert not Request.objects.filter(received_at__gt=now).exists()
    assert not ClockEvent.objects.filter(on__gt=today).exists()
    assert not Request.objects.filter(responded_on__gt=today).exists()
    for request in Request.objects.exclude(responded_on=None):
        assert request.responded_on >= timezone.localtime(request.received_at).date()
    for event in ClockEvent.objects.select_related("request"):
        assert event.on >= timezone.localtime(event.request.received_at).date()
    received = [
        timezone.localtime(r).date()
        for r in Request.objects.values_list("received_at", flat=True).exclude(reference="190A/23")
    ]
    assert (today - min(received)).days <= 430  # about fourteen months
    assert (today - max(received)).days <= 5


def test_open_requests_include_overdue_and_due_in_the_next_five_working_days(demo):
    today = timezone.localdate()
    soon = default_calendar("foia").add_working_days(today, 5)
    running = Request.objects.filter(state__in=OPEN_STATES - CLOCK_STOPPED_STATES)
    assert running.filter(due_date__lt=today).count() >= 5
    assert running.filter(due_date__gte=today, due_date__lte=soon).count() >= 5
    assert running.filter(due_date__gt=soon).count() >= 5
    # A fees notice stops the clock: no due date until the fee arrives (FOIA s10(2)).
    awaiting_fee = Request.objects.filter(state=RequestState.AWAITING_FEE)
    assert not awaiting_fee.exclude(due_date=None).filter(regime="foia").exists()


def test_the_dashboard_has_something_in_every_box(demo):
    open_requests = Request.objects.filter(state__in=OPEN_STATES)
    officers = set(open_requests.values_list("assigned_officer__username", flat=True))
    assert {"officer", "officer2", None} <= officers
    assert set(Request.objects.values_list("regime", flat=True)) == set(RegimeChoice.values)
    assert set(Request.objects.values_list("channel", flat=True)) == set(Channel.values)
    assert set(ClockEvent.objects.values_list("kind", flat=True)) == set(ClockEventKind.values)
    assert set(RequestLink.objects.values_list("kind", flat=True)) == set(LinkKind.values)
    assert Question.objects.exclude(answered_at=None).count() > 100
    # Answered and not yet decided: the FOI team's work in hand.
    assert Question.objects.filter(status=QuestionStatus.ANSWERED).count() >= 20
    waiting = Question.objects.filter(
        status=QuestionStatus.WITH_DEPARTMENT, request__state__in=OPEN_STATES
    )
    assert waiting.filter(department__name="Professional Standards").exists()
    assert waiting.filter(department__name="Human Resources").exists()
    pit = ClockEvent.objects.filter(kind=ClockEventKind.PIT_EXTENSION)
    assert set(pit.values_list("request__regime", flat=True)) == {"foia"}
    eir = ClockEvent.objects.filter(kind=ClockEventKind.EIR_EXTENSION)
    assert set(eir.values_list("request__regime", flat=True)) == {"eir"}
    sizes = set(
        Request.objects.annotate(n=Count("questions")).values_list("n", flat=True).distinct()
    )
    assert sizes == {1, 2, 3, 4, 5}


def test_linked_requests_make_sense(demo):
    for link in RequestLink.objects.select_related(
        "from_request__requester", "to_request__requester"
    ):
        a, b = link.from_request, link.to_request
        if link.kind in (LinkKind.SAME_REQUESTER, LinkKind.AGGREGATED):
            assert a.requester.name == b.requester.name
        if link.kind == LinkKind.ROUND_ROBIN:
            assert a.requester.name != b.requester.name
            assert a.request_text == b.request_text
        if link.kind == LinkKind.AGGREGATED:
            # Fees Regs reg 5: within sixty consecutive working days.
            gap = default_calendar("foia").working_days_between(
                min(a.received_at, b.received_at).date(), max(a.received_at, b.received_at).date()
            )
            assert gap <= 60


def test_most_responses_were_sent_in_time_and_on_historic_dates(demo):
    responded = Request.objects.exclude(responded_on=None)
    in_time = sum(1 for r in responded if r.responded_on <= r.due_date)
    assert 0.8 < in_time / responded.count() < 0.97
    assert responded.filter(responded_on__lt=timezone.localdate()).count() == responded.count()


EXAMPLE_EMAIL = re.compile(r"^[a-z0-9.+-]+@([a-z0-9-]+\.)*example\.(org|com|net)$")


def test_requesters_are_made_up_and_unreachable(demo):
    known = {p.name for p in register.PEOPLE}
    for requester in Requester.objects.all():
        assert requester.name in known
        assert requester.email == "" or EXAMPLE_EMAIL.match(requester.email), requester.email
        # Ofcom's numbers for drama: 0121 496 0000 to 0999.
        assert requester.phone == "" or requester.phone.startswith("0121 496 0")
        assert requester.email or requester.address
    repeaters = Requester.objects.values_list("name", flat=True)
    assert max(list(repeaters).count(name) for name in known) >= 5


def test_the_audit_trail_holds_every_change(demo):
    assert AuditEvent.objects.filter(event_type="request.created").count() == (
        Request.objects.count()
    )
    assert AuditEvent.objects.filter(event_type="question.answered").count() == (
        Question.objects.exclude(answered_at=None).count()
    )
    assert AuditEvent.objects.filter(event_type="decision.saved").count() >= (
        Decision.objects.count()
    )
    assert AuditEvent.objects.filter(event_type="response.approved").count() == (
        ResponseVersion.objects.filter(status="approved").count()
    )
    assert AuditEvent.objects.filter(event_type="clock.event").count() == (
        ClockEvent.objects.count()
    )


# --- the command ---------------------------------------------------------------------------------


def test_the_command_prints_the_counts_and_the_sign_ins(demo):
    assert "Demo register for West Midlands Police: " in demo
    for state in RequestState:
        assert re.search(rf"{re.escape(state.label)}\s+\d+", demo), state
    assert "overdue" in demo
    assert re.search(r"Sign-off: \d+ versions approved by a second person", demo)
    assert re.search(r"Paragraph library: \d+ paragraphs", demo)
    for person in DEMO_STAFF:
        assert person.username in demo
    assert "Password: " in demo


def test_loading_again_adds_nothing_and_keeps_the_sign_ins(demo, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    models = (
        Request,
        Question,
        Requester,
        ClockEvent,
        RequestLink,
        AuditEvent,
        Department,
        Decision,
        CostLine,
        HarmAndPublicInterestTest,
        ParagraphInTest,
        LibraryParagraph,
        ResponseVersion,
    )
    before = {model: model.objects.count() for model in models}
    users = set(User.objects.values_list("username", flat=True))
    out, err = StringIO(), StringIO()
    call_command("demo", stdout=out, stderr=err)
    assert {model: model.objects.count() for model in models} == before
    assert set(User.objects.values_list("username", flat=True)) == users
    assert "already loaded" in err.getvalue()
    assert (tmp_path / "demo-sign-ins.txt").exists()
    # The summary is the same; only the (fresh) password line differs from the first load.
    assert out.getvalue().split("Password:")[0] == demo.split("Password:")[0]


def test_the_plan_is_the_same_every_time_for_the_same_day():
    now = datetime(2026, 3, 4, 15, 30, tzinfo=timezone.get_current_timezone())
    first = register.demo_plan(today=now.date(), now=now)
    second = register.demo_plan(today=now.date(), now=now)
    assert first == second
    assert len(first) == sum(register.STATE_COUNTS.values())
    assert all(spec.received_at <= now for spec in first)
    assert all(
        step.on <= now.date() for spec in first for step in spec.steps if step.on is not None
    )


def test_every_sent_response_is_in_the_disclosure_log_190A_23_first(demo):
    from foidesk.disclosure.models import Publication

    sent = Request.objects.filter(responded_on__isnull=False)
    live = Publication.objects.published()
    assert live.count() == sent.count() > 150
    first = Publication.objects.order_by("id").first()
    assert first.reference == "190A/23"
    assert [a.name for a in first.attachments.all()] == [a.name for a in _seed().attachments.all()]
    assert first.topics.get().name == "Professional standards and misconduct"


def test_the_published_log_never_names_a_demo_requester(demo):
    from foidesk.demo.register import PEOPLE
    from foidesk.disclosure.models import Publication

    signed = 0
    for publication in Publication.objects.all():
        text = json.dumps(publication.snapshot).lower() + publication.request_text.lower()
        for person in PEOPLE:
            assert person.name.lower() not in text, publication.reference
            if person.email:
                assert person.email.lower() not in text, publication.reference
        signed += "yours faithfully,\n[redacted]" in publication.request_text.lower()
    # Letters sign off with the requester's name; the log shows where it was removed.
    assert signed > 50
