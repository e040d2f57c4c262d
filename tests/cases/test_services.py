"""Register services: intake, references, the clock, routing, answers, reveals, links.

Each bad input must raise ``RegisterError`` and leave nothing saved.
"""

import datetime as dt
import importlib
import re
import threading
import time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps as django_apps
from django.db import connection, transaction
from django.urls import include, path

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent, AuditTrailIsAppendOnly
from foidesk.cases.models import (
    Authority,
    ClockEvent,
    ClockEventKind,
    Department,
    IdentityReveal,
    Question,
    Request,
    Requester,
    RequestLink,
)
from foidesk.cases.services import (
    AlreadyLogged,
    NewQuestion,
    NewRequester,
    RegisterError,
    clock_event_record,
    question_answer,
    question_route,
    recompute_open_deadlines,
    reference_address_problem,
    reference_format,
    reference_slug,
    request_assign,
    request_change_regime,
    request_link,
    request_transition,
    requester_reveal,
)
from foidesk.cases.states import RequestState
from foidesk.law.calendars import Calendar, HolidayTable, Nation, ProclaimedDay
from foidesk.law.regimes import Regime

LONDON = ZoneInfo("Europe/London")


def counts():
    return (
        Request.objects.count(),
        Requester.objects.count(),
        Question.objects.count(),
        AuditEvent.objects.count(),
    )


def test_reference_pattern_gives_the_seed_shape():
    assert reference_format("{seq}A/{yy}", seq=190, year=2023) == "190A/23"
    assert reference_format("FOI-{yyyy}-{seq:04d}", seq=7, year=2024) == "FOI-2024-0007"
    with pytest.raises(RegisterError, match="not valid"):
        reference_format("{number}", seq=1, year=2023)


def test_references_count_up_and_restart_each_year(make_request):
    first = make_request()
    second = make_request()
    next_year = make_request(received_at=dt.datetime(2024, 1, 3, 9, 0, tzinfo=LONDON))
    assert [first.reference, second.reference, next_year.reference] == ["1A/23", "2A/23", "1A/24"]
    assert first.slug == "1A-23"


def test_request_is_logged_with_questions_due_date_and_timeline(make_request, officer):
    request = make_request(
        questions=[NewQuestion(text="Q one?"), NewQuestion(text="Q two?", context="Background")]
    )
    assert request.state == RequestState.RECEIVED
    assert [(q.number, q.text, q.context) for q in request.questions.all()] == [
        (1, "Q one?", ""),
        (2, "Q two?", "Background"),
    ]
    # Received Fri 20 Jan 2023: day 1 Mon 23 Jan, day 20 Fri 17 Feb 2023.
    assert request.due_date == dt.date(2023, 2, 17)
    assert request.day_one == dt.date(2023, 1, 23)
    assert request.calendar_version.startswith("holidays-0.109+table-")
    event = AuditEvent.objects.get(request=request)
    assert event.event_type == "request.created"
    assert event.actor == officer


def test_receipt_on_a_saturday_follows_the_authority_setting(make_request):
    saturday = dt.datetime(2023, 1, 21, 11, 0, tzinfo=LONDON)
    ico = make_request(received_at=saturday)
    authority = Authority.current()
    authority.weekend_receipt = "code"
    authority.save()
    code = make_request(received_at=saturday)
    # ICO: Monday 23 Jan is day 1 -> Fri 17 Feb. Code: receipt Monday, day 1 Tue -> Mon 20 Feb.
    assert ico.due_date == dt.date(2023, 2, 17)
    assert code.due_date == dt.date(2023, 2, 20)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "  "}, "Enter a title"),
        ({"request_text": "\n\t "}, "request text is empty"),
        ({"regime": "gdpr"}, "Unknown regime"),
        ({"channel": "pigeon"}, "Unknown channel"),
        ({"questions": ["   "]}, "at least one question"),
        ({"requester": NewRequester(name=" ")}, "requester's name"),
        ({"received_at": dt.datetime(2099, 1, 1, tzinfo=LONDON)}, "cannot be in the future"),
        ({"received_at": dt.datetime(2023, 1, 1, 9, 0)}, "time zone"),  # noqa: DTZ001
    ],
)
def test_bad_input_names_the_problem_and_saves_nothing(make_request, overrides, message):
    before = counts()
    with pytest.raises(RegisterError, match=message):
        make_request(**overrides)
    assert counts() == before


def test_duplicate_reference_is_refused_and_saves_nothing(make_request):
    make_request(reference="190A/23")
    before = counts()
    with pytest.raises(RegisterError, match="already used"):
        make_request(reference="190A/23")
    with pytest.raises(RegisterError, match="too like an existing one"):
        make_request(reference="190A-23")
    assert counts() == before


def test_the_same_intake_form_logs_its_request_once(make_request):
    first = make_request(intake_key="k" * 32)
    before = counts()
    with pytest.raises(AlreadyLogged) as raised:
        make_request(intake_key="k" * 32, title="Something else")
    assert raised.value.request == first
    assert counts() == before
    assert make_request(intake_key="j" * 32).reference == "2A/23"
    assert make_request().intake_key is None and make_request().intake_key is None


@pytest.mark.parametrize(
    "reference",
    ["FOI-Quillfeather-23", "Zebedee/2023", "REQ Z. Quillfeather", "zeb@quill.example/23"],
)
def test_a_reference_naming_the_requester_is_refused_and_saves_nothing(make_request, reference):
    """The reference is the disclosure log entry's label and address."""
    before = counts()
    with pytest.raises(RegisterError, match="it names the requester"):
        make_request(
            reference=reference,
            requester=NewRequester(name="Zebedee Quillfeather", email="zeb@quill.example"),
        )
    assert counts() == before


@pytest.mark.parametrize(
    ("reference", "slug"),
    [
        ("190A/23", "190A-23"),
        ("FOI.2026.001", "FOI-2026-001"),
        ("1.5", "1-5"),
        ("X.Y/26", "X-Y-26"),
        (" FOI 2026/7. ", "FOI-2026-7"),
        ("..A..", "A"),
    ],
)
def test_a_reference_becomes_an_address_the_urls_can_carry(reference, slug):
    assert reference_slug(reference) == slug
    assert re.fullmatch(r"[-a-zA-Z0-9_]+", slug)  # Django's <slug:...> converter


@pytest.mark.parametrize("reference", ["//", "...", "_", "-._-"])
def test_a_reference_without_letters_or_digits_has_no_address(reference):
    with pytest.raises(RegisterError, match="no letters or digits"):
        reference_slug(reference)


@pytest.mark.parametrize(
    ("reference", "address"),
    [("new", "/staff/requests/new/"), ("feed", "/disclosure-log/feed/")],
)
def test_a_reference_whose_address_is_another_page_is_refused(make_request, reference, address):
    """The case of "new" would be the "Log a request" page; the entry of "feed", the feed."""
    before = counts()
    with pytest.raises(
        RegisterError,
        match=f"Reference {reference} cannot be used: its address "
        f"would be {address}, which is another page",
    ):
        make_request(reference=reference)
    assert counts() == before


@pytest.mark.parametrize("slug", ["190A-23", "NEW", "feeds", "topics", "response", "library"])
def test_words_that_are_no_page_of_their_own_are_addresses_like_any_other(slug):
    assert reference_address_problem(slug) is None


class _WithAnArchivePage:
    """The service's addresses with one more fixed page among the requests."""

    urlpatterns = [
        path("staff/requests/archive/", lambda request: None, name="archive"),
        path("", include("foidesk.urls")),
    ]


def test_the_words_refused_come_from_the_addresses_not_a_list(settings):
    assert reference_address_problem("archive") is None
    settings.ROOT_URLCONF = _WithAnArchivePage
    assert reference_address_problem("archive") == (
        "its address would be /staff/requests/archive/, which is another page of this service"
    )
    assert reference_address_problem("new") is not None
    assert reference_address_problem("190A-23") is None


def test_references_differing_only_by_a_full_stop_share_an_address(make_request):
    make_request(reference="FOI.2026.001")
    before = counts()
    with pytest.raises(RegisterError, match=r"too like an existing one \(FOI-2026-001\)"):
        make_request(reference="FOI-2026-001")
    assert counts() == before


def test_requests_already_at_addresses_no_url_reaches_are_moved_to_ones_that_are(make_request):
    """Migration 0006: a request stored with a full stop in its slug gets the slug the rule now
    gives, with a number added where another request has that address already."""
    migration = importlib.import_module(
        "foidesk.cases.migrations.0006_request_slugs_without_full_stops"
    )
    stuck, clash = make_request(reference="FOI.2026.001"), make_request(reference="FOI.2026.002")
    Request.objects.filter(pk=stuck.pk).update(slug="FOI.2026.001")
    Request.objects.filter(pk=clash.pk).update(slug="FOI.2026.002")
    taken, fine = make_request(reference="FOI/2026/002"), make_request(reference="190A/23")

    migration.give_reachable_slugs(django_apps, None)

    slugs = dict(Request.objects.values_list("pk", "slug"))
    assert slugs == {
        stuck.pk: "FOI-2026-001",
        taken.pk: "FOI-2026-002",
        clash.pk: "FOI-2026-002-2",
        fine.pk: "190A-23",
    }


def test_clarification_restarts_the_clock_from_its_arrival(make_request, officer):
    request = make_request()
    with time_machine.travel(dt.datetime(2023, 3, 1, tzinfo=LONDON)):
        clock_event_record(
            actor=officer,
            request=request,
            kind=ClockEventKind.CLARIFICATION_SOUGHT,
            on=dt.date(2023, 1, 24),
        )
        request.refresh_from_db()
        assert request.state == RequestState.AWAITING_CLARIFICATION
        assert request.due_date is None  # no duty to comply until it arrives (s1(3))
        clock_event_record(
            actor=officer,
            request=request,
            kind=ClockEventKind.CLARIFICATION_RECEIVED,
            on=dt.date(2023, 2, 1),
        )
    request.refresh_from_db()
    # New date of receipt Wed 1 Feb 2023: day 1 Thu 2 Feb; 20 working days -> Wed 1 Mar 2023.
    assert request.due_date == dt.date(2023, 3, 1)
    assert request.state == RequestState.ACKNOWLEDGED
    kinds = list(AuditEvent.objects.filter(request=request).values_list("event_type", flat=True))
    assert kinds.count("clock.event") == 2
    assert "deadline.recomputed" in kinds


def test_fee_notice_pauses_and_payment_resumes_the_clock(make_request, officer):
    request = make_request()
    with time_machine.travel(dt.datetime(2023, 3, 1, tzinfo=LONDON)):
        clock_event_record(
            actor=officer,
            request=request,
            kind=ClockEventKind.FEE_NOTICE,
            on=dt.date(2023, 1, 25),
        )
        request.refresh_from_db()
        assert request.due_date is None
        assert request.state == RequestState.AWAITING_FEE
        assert request.fee_payment_due is not None
        clock_event_record(
            actor=officer, request=request, kind=ClockEventKind.FEE_PAID, on=dt.date(2023, 1, 31)
        )
    request.refresh_from_db()
    # Wed 25 Jan to Tue 31 Jan inclusive (5 working days) disregarded: 17 Feb + 5 -> Fri 24 Feb.
    assert request.due_date == dt.date(2023, 2, 24)
    assert request.state == RequestState.WITH_DEPARTMENT


def test_a_fees_notice_given_after_the_time_for_compliance_does_not_stop_the_clock(
    make_request, officer
):
    """FOIA s9(1): a fees notice is given within the time for complying; one given later does
    not pause the clock (s10(2)), so the request does not await the fee and stays overdue."""
    request = make_request()
    with time_machine.travel(dt.datetime(2023, 3, 20, tzinfo=LONDON)):
        due = request.due_date
        clock_event_record(
            actor=officer, request=request, kind=ClockEventKind.FEE_NOTICE, on=dt.date(2023, 3, 6)
        )
        request.refresh_from_db()
        assert request.state != RequestState.AWAITING_FEE
        assert request.due_date == due
        with pytest.raises(RegisterError, match="does not pause the clock"):
            request_transition(actor=officer, request=request, to_state=RequestState.AWAITING_FEE)
    assert ClockEvent.objects.filter(request=request, kind=ClockEventKind.FEE_NOTICE).exists()


@pytest.mark.parametrize(
    ("kind", "on", "extra", "message"),
    [
        (ClockEventKind.FEE_PAID, dt.date(2023, 1, 25), {}, "fees notice before"),
        (ClockEventKind.CLARIFICATION_RECEIVED, dt.date(2023, 1, 25), {}, "was sought"),
        (ClockEventKind.FEE_NOTICE, dt.date(2023, 1, 10), {}, "before the request"),
        (ClockEventKind.FEE_NOTICE, dt.date(2099, 1, 10), {}, "in the future"),
        (ClockEventKind.PIT_EXTENSION, dt.date(2023, 2, 1), {}, "new decision date"),
        (ClockEventKind.EIR_EXTENSION, dt.date(2023, 2, 1), {}, "only for requests under the EIR"),
        ("sundial", dt.date(2023, 2, 1), {}, "Unknown clock event"),
    ],
)
def test_impossible_clock_events_are_refused(make_request, officer, kind, on, extra, message):
    request = make_request()
    before = (request.clock_events.count(), AuditEvent.objects.count(), request.due_date)
    with pytest.raises(RegisterError, match=message):
        clock_event_record(actor=officer, request=request, kind=kind, on=on, **extra)
    request.refresh_from_db()
    assert (request.clock_events.count(), AuditEvent.objects.count(), request.due_date) == before


@pytest.mark.parametrize(
    ("earlier", "later", "message"),
    [
        # A clarification cannot arrive before it was asked for: the request would be read as
        # still waiting (no due date) while its state said the clock had restarted.
        (
            (ClockEventKind.CLARIFICATION_SOUGHT, dt.date(2023, 2, 1)),
            (ClockEventKind.CLARIFICATION_RECEIVED, dt.date(2023, 1, 25)),
            "before it was sought",
        ),
        # Asking again on a day before the last answer arrived stops no clock: the request
        # would be shown as waiting, and left off the overdue list, with its clock running.
        (
            (ClockEventKind.CLARIFICATION_RECEIVED, dt.date(2023, 2, 1)),
            (ClockEventKind.CLARIFICATION_SOUGHT, dt.date(2023, 1, 30)),
            "already arrived",
        ),
    ],
)
def test_clarification_dates_out_of_order_are_refused(
    make_request, officer, earlier, later, message
):
    request = make_request()
    with time_machine.travel(dt.datetime(2023, 3, 1, tzinfo=LONDON)):
        clock_event_record(
            actor=officer,
            request=request,
            kind=ClockEventKind.CLARIFICATION_SOUGHT,
            on=dt.date(2023, 1, 24),
        )
        if earlier[0] == ClockEventKind.CLARIFICATION_RECEIVED:
            clock_event_record(actor=officer, request=request, kind=earlier[0], on=earlier[1])
        else:
            clock_event_record(
                actor=officer,
                request=request,
                kind=ClockEventKind.CLARIFICATION_RECEIVED,
                on=dt.date(2023, 1, 26),
            )
            clock_event_record(actor=officer, request=request, kind=earlier[0], on=earlier[1])
        request.refresh_from_db()
        before = (
            request.clock_events.count(),
            AuditEvent.objects.count(),
            request.state,
            request.due_date,
        )
        with pytest.raises(RegisterError, match=message):
            clock_event_record(actor=officer, request=request, kind=later[0], on=later[1])
    request.refresh_from_db()
    after = (request.clock_events.count(), AuditEvent.objects.count(), request.state)
    assert (*after, request.due_date) == before


def test_clarification_sought_again_on_the_day_the_last_arrived_stops_the_clock(
    make_request, officer
):
    request = make_request()
    with time_machine.travel(dt.datetime(2023, 3, 1, tzinfo=LONDON)):
        for kind, on in [
            (ClockEventKind.CLARIFICATION_SOUGHT, dt.date(2023, 1, 24)),
            (ClockEventKind.CLARIFICATION_RECEIVED, dt.date(2023, 2, 1)),
            (ClockEventKind.CLARIFICATION_SOUGHT, dt.date(2023, 2, 1)),
        ]:
            clock_event_record(actor=officer, request=request, kind=kind, on=on)
    request.refresh_from_db()
    assert request.state == RequestState.AWAITING_CLARIFICATION
    assert request.due_date is None


@pytest.mark.parametrize(
    ("before", "to_state", "message"),
    [
        ([], RequestState.AWAITING_FEE, "Record the fees notice"),
        ([], RequestState.AWAITING_CLARIFICATION, "Record that clarification was sought"),
        (
            [ClockEventKind.CLARIFICATION_SOUGHT],
            RequestState.ACKNOWLEDGED,
            "clarification received",
        ),
        ([ClockEventKind.FEE_NOTICE], RequestState.WITH_DEPARTMENT, "Record the fee received"),
        ([ClockEventKind.FEE_NOTICE], RequestState.DRAFTING, "Record the fee received"),
    ],
)
def test_the_clock_states_are_entered_and_left_only_with_their_clock_events(
    make_request, officer, before, to_state, message
):
    request = make_request()
    with time_machine.travel(dt.datetime(2023, 3, 1, tzinfo=LONDON)):
        for kind in before:
            clock_event_record(actor=officer, request=request, kind=kind, on=dt.date(2023, 1, 25))
        request.refresh_from_db()
        was = (request.state, request.due_date, AuditEvent.objects.count())
        with pytest.raises(RegisterError, match=message):
            request_transition(actor=officer, request=request, to_state=to_state)
    request.refresh_from_db()
    assert (request.state, request.due_date, AuditEvent.objects.count()) == was


@pytest.mark.parametrize(
    ("kind", "to_state"),
    [
        (ClockEventKind.CLARIFICATION_SOUGHT, RequestState.CLOSED),
        (ClockEventKind.CLARIFICATION_SOUGHT, RequestState.WITHDRAWN),
        (ClockEventKind.FEE_NOTICE, RequestState.CLOSED),
        (ClockEventKind.FEE_NOTICE, RequestState.WITHDRAWN),
    ],
)
def test_a_request_waiting_on_the_requester_can_still_be_closed_or_withdrawn(
    make_request, officer, kind, to_state
):
    request = make_request()
    with time_machine.travel(dt.datetime(2023, 3, 1, tzinfo=LONDON)):
        clock_event_record(actor=officer, request=request, kind=kind, on=dt.date(2023, 1, 25))
        request_transition(actor=officer, request=request, to_state=to_state)
    request.refresh_from_db()
    assert request.state == to_state


def test_pit_extension_keeps_the_notice_date_and_sets_a_decision_date(make_request, officer):
    request = make_request()
    with time_machine.travel(dt.datetime(2023, 3, 1, tzinfo=LONDON)):
        clock_event_record(
            actor=officer,
            request=request,
            kind=ClockEventKind.PIT_EXTENSION,
            on=dt.date(2023, 2, 10),
            extended_to=dt.date(2023, 3, 17),
        )
    request.refresh_from_db()
    assert request.due_date == dt.date(2023, 2, 17)
    assert request.decision_due == dt.date(2023, 3, 17)


def test_pit_extension_is_refused_under_foisa(make_request, officer):
    request = make_request(regime="foisa")
    with pytest.raises(RegisterError, match="Only FOIA has a public interest extension"):
        clock_event_record(
            actor=officer,
            request=request,
            kind=ClockEventKind.PIT_EXTENSION,
            on=dt.date(2023, 2, 1),
            extended_to=dt.date(2023, 3, 1),
        )


@pytest.mark.parametrize(
    ("regime", "kind", "extended_to", "moving_to", "says"),
    [
        (
            "foia",
            ClockEventKind.PIT_EXTENSION,
            dt.date(2023, 3, 17),
            "eir",
            "cannot move to EIR with its clock as recorded: EIR has no public interest extension",
        ),
        (
            "eir",
            ClockEventKind.EIR_EXTENSION,
            None,
            "foia",
            "cannot move to FOIA with its clock as recorded: the EIR reg 7 extension applies "
            "only to EIR requests",
        ),
    ],
)
def test_a_regime_change_the_extension_on_the_clock_does_not_allow_is_refused(
    make_request, officer, regime, kind, extended_to, moving_to, says
):
    """A FOIA public interest extension has no place under the EIR, nor reg 7 under FOIA."""
    request = make_request(regime=regime)
    clock_event_record(
        actor=officer, request=request, kind=kind, on=dt.date(2023, 2, 1), extended_to=extended_to
    )
    request.refresh_from_db()
    stored = Request.objects.filter(pk=request.pk).values().get()
    events = AuditEvent.objects.count()
    with pytest.raises(RegisterError, match=says):
        request_change_regime(actor=officer, request=request, regime=moving_to, reason="x")
    assert Request.objects.filter(pk=request.pk).values().get() == stored
    assert AuditEvent.objects.count() == events


def test_newly_proclaimed_holiday_moves_open_deadlines_and_is_on_the_timeline(make_request):
    open_request = make_request()
    answered = make_request()
    Request.objects.filter(pk=answered.pk).update(state=RequestState.RESPONDED)
    table = HolidayTable.bundled().with_days(
        [ProclaimedDay(dt.date(2023, 2, 3), (Nation.ENG,), "Imagined proclamation", "test")]
    )
    calendar = Calendar.for_regime(Regime.FOIA, table=table)
    changed = recompute_open_deadlines(calendar=calendar)
    open_request.refresh_from_db()
    answered.refresh_from_db()
    assert changed == 1
    assert open_request.due_date == dt.date(2023, 2, 20)
    assert open_request.calendar_version == calendar.version
    assert answered.due_date == dt.date(2023, 2, 17)
    assert AuditEvent.objects.filter(
        request=open_request, event_type="deadline.recomputed"
    ).exists()


def test_routing_and_department_answer_keep_hours_for_the_cost_limit(
    make_request, officer, make_staff
):
    request = make_request()
    question = request.questions.get()
    psd = Department.objects.create(name="Professional Standards")
    contact = make_staff("psd", Role.DEPARTMENT_CONTACT)
    stranger = make_staff("hr", Role.DEPARTMENT_CONTACT)
    psd.contacts.add(contact)
    question_route(actor=officer, question=question, department=psd)
    with pytest.raises(RegisterError, match="not routed to your department"):
        question_answer(actor=stranger, question=question, answer="x", hours_spent=Decimal(1))
    with pytest.raises(RegisterError, match="Enter the answer"):
        question_answer(actor=contact, question=question, answer=" ", hours_spent=Decimal(1))
    question_answer(
        actor=contact, question=question, answer="We hold 42.", hours_spent=Decimal("1.5")
    )
    question.refresh_from_db()
    assert (question.status, question.hours_spent, question.answered_by) == (
        "answered",
        Decimal("1.50"),
        contact,
    )
    assert AuditEvent.objects.filter(request=request, event_type="question.answered").exists()


def test_only_officers_can_reveal_the_requester_and_each_reveal_is_recorded(
    make_request, officer, make_staff
):
    request = make_request()
    approver = make_staff("approver", Role.DECISION_MAKER)
    with pytest.raises(RegisterError, match="Only FOI officers"):
        requester_reveal(actor=approver, request=request, purpose="aggregation")
    with pytest.raises(RegisterError, match="Choose why"):
        requester_reveal(actor=officer, request=request, purpose="curiosity")
    requester = requester_reveal(actor=officer, request=request, purpose="aggregation")
    assert requester.name == "Jo Bloggs"
    assert IdentityReveal.objects.get().revealed_to == officer
    event = AuditEvent.objects.get(event_type="requester.revealed")
    assert "Jo Bloggs" not in event.summary  # the trail records that, not who


def test_assign_regime_change_and_links(make_request, officer, make_staff):
    first, second = make_request(), make_request()
    contact = make_staff("psd", Role.DEPARTMENT_CONTACT)
    with pytest.raises(RegisterError, match="not an FOI officer"):
        request_assign(actor=officer, request=first, officer=contact)
    request_assign(actor=officer, request=first, officer=officer)
    with pytest.raises(RegisterError, match="Say why"):
        request_change_regime(actor=officer, request=first, regime="eir", reason="")
    with pytest.raises(RegisterError, match="only between FOIA and EIR"):
        request_change_regime(actor=officer, request=first, regime="foisa", reason="x")
    request_change_regime(actor=officer, request=first, regime="eir", reason="Air quality data")
    first.refresh_from_db()
    assert first.regime == "eir"
    request_link(actor=officer, request=first, other=second, kind="round_robin")
    with pytest.raises(RegisterError, match="already linked"):
        request_link(actor=officer, request=second, other=first, kind="round_robin")
    with pytest.raises(RegisterError, match="itself"):
        request_link(actor=officer, request=first, other=first, kind="aggregated")


@pytest.mark.django_db(transaction=True)
def test_two_officers_linking_the_same_pair_at_once_make_one_link(make_request, officer):
    """The second link, either way round, waits for the first and is told the two are already
    linked, where it made a second link or failed on the database's constraint."""
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL lets two transactions write the links table at once")
    first, second = make_request(), make_request()
    linked, go = threading.Event(), threading.Event()
    results: dict[str, object] = {}

    def one() -> None:
        try:
            with transaction.atomic():
                request_link(actor=officer, request=first, other=second, kind="round_robin")
                linked.set()
                go.wait(30)  # keep the link uncommitted while the other officer links
            results["one"] = "linked"
        finally:
            connection.close()

    def two() -> None:
        try:
            request_link(actor=officer, request=second, other=first, kind="round_robin")
            results["two"] = "linked"
        except Exception as exc:  # noqa: BLE001 - the failure is what the test looks for
            results["two"] = exc
        finally:
            connection.close()

    a = threading.Thread(target=one)
    a.start()
    assert linked.wait(30)
    b = threading.Thread(target=two)
    b.start()
    time.sleep(0.5)  # the second officer's link is now waiting
    go.set()
    a.join(60)
    b.join(60)

    assert results["one"] == "linked"
    assert isinstance(results["two"], RegisterError)
    assert "already linked" in str(results["two"])
    assert RequestLink.objects.count() == 1


def test_department_changes_in_the_admin_are_on_the_audit_trail(client, make_staff):
    """A department's contacts see the questions routed to it: adding, changing and removing
    one in the admin is recorded, with who was put on or taken off."""
    admin_user = make_staff("boss", Role.FOI_OFFICER, is_staff=True, is_superuser=True)
    psd = make_staff("psd", Role.DEPARTMENT_CONTACT)
    hr = make_staff("hr", Role.DEPARTMENT_CONTACT)
    client.force_login(admin_user)
    response = client.post(
        "/admin/cases/department/add/", {"name": "Professional Standards", "contacts": [psd.pk]}
    )
    assert response.status_code == 302
    department = Department.objects.get(name="Professional Standards")
    assert list(department.contacts.all()) == [psd]
    added = AuditEvent.objects.get(event_type="department.created")
    assert added.actor == admin_user
    assert added.changes["contacts"] == [[], ["psd"]]
    response = client.post(
        f"/admin/cases/department/{department.pk}/change/",
        {"name": "Professional Standards", "contacts": [hr.pk]},
    )
    assert response.status_code == 302
    assert list(department.contacts.all()) == [hr]
    changed = AuditEvent.objects.get(event_type="department.updated")
    assert changed.changes == {"contacts": [["psd"], ["hr"]]}
    response = client.post(f"/admin/cases/department/{department.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Department.objects.exists()
    assert AuditEvent.objects.get(event_type="department.deleted").actor == admin_user


def test_audit_trail_is_append_only(make_request):
    make_request()
    event = AuditEvent.objects.first()
    event.summary = "rewritten"
    with pytest.raises(AuditTrailIsAppendOnly):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        event.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.all().delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.update(summary="x")


def test_recompute_deadlines_command_reports_what_changed(make_request, capsys):
    from django.core.management import call_command

    request = make_request()
    Request.objects.filter(pk=request.pk).update(due_date=dt.date(2023, 1, 1))
    call_command("recompute_deadlines")
    assert "1 open request(s) had their due dates changed." in capsys.readouterr().out
    request.refresh_from_db()
    assert request.due_date == dt.date(2023, 2, 17)


def test_changing_the_weekend_reading_recomputes_open_deadlines_and_is_audited(
    make_request, officer
):
    from foidesk.cases.services import authority_update

    saturday = make_request(received_at=dt.datetime(2023, 1, 21, 11, 0, tzinfo=LONDON))
    assert saturday.due_date == dt.date(2023, 2, 17)
    authority_update(actor=officer, authority=Authority.current(), weekend_receipt="code")
    saturday.refresh_from_db()
    assert saturday.due_date == dt.date(2023, 2, 20)
    event = AuditEvent.objects.get(event_type="authority.updated")
    assert event.changes == {"weekend_receipt": ["ico", "code"]}
    # The due date moved because this officer changed the setting: the request's timeline
    # says who, not "System".
    moved = AuditEvent.objects.get(event_type="deadline.recomputed", request=saturday)
    assert moved.actor == officer
    with pytest.raises(RegisterError, match="must contain"):
        authority_update(actor=officer, authority=Authority.current(), reference_pattern="X/{yy}")
    with pytest.raises(RegisterError, match="Unknown authority setting"):
        authority_update(actor=officer, authority=Authority.current(), colour="blue")


def test_authority_settings_saved_in_the_admin_go_through_the_service(
    client, make_staff, make_request
):
    saturday = make_request(received_at=dt.datetime(2023, 1, 21, 11, 0, tzinfo=LONDON))
    admin_user = make_staff("boss", Role.FOI_OFFICER, is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    authority = Authority.current()
    response = client.post(
        f"/admin/cases/authority/{authority.pk}/change/",
        {
            "name": "Testshire Police",
            "kind": "police",
            "rights_paragraph": "Ask us for an internal review, or complain to the ICO.",
            "default_regime": "foia",
            "reference_pattern": "{seq}A/{yy}",
            "cost_limit": 450,
            "weekend_receipt": "code",
        },
    )
    assert response.status_code == 302
    saturday.refresh_from_db()
    assert saturday.due_date == dt.date(2023, 2, 20)
    assert AuditEvent.objects.filter(event_type="authority.updated", actor=admin_user).exists()
