"""Writes to the register. Each function checks its input, changes the records in one
transaction and appends to the audit trail; a ``RegisterError`` means nothing was saved.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.urls import (
    NoReverseMatch,
    Resolver404,
    URLPattern,
    URLResolver,
    get_resolver,
    get_script_prefix,
    resolve,
    reverse,
)
from django.utils import timezone

from foidesk.accounts.models import Role, User
from foidesk.audit.services import diff, record
from foidesk.disclosure.redaction import RequesterDetails, leaks_in_reference
from foidesk.law.calendars import Calendar
from foidesk.law.deadlines import ClockInputError, WeekendReceipt, compute_deadline
from foidesk.law.regimes import Regime

from .models import (
    Authority,
    Channel,
    ClockEvent,
    ClockEventKind,
    Department,
    IdentityReveal,
    LinkKind,
    Question,
    QuestionStatus,
    ReferenceCounter,
    RegimeChoice,
    Request,
    Requester,
    RequestLink,
    RevealPurpose,
)
from .states import CLOCK_FORM, OPEN_STATES, RequestState, allowed_transitions, is_allowed


class RegisterError(ValueError):
    """Bad input to a register service; the message names the problem for the user."""


class AlreadyLogged(RegisterError):
    """The form that would log this request has logged it already (a second press of "Save
    request"); ``request`` is the request it logged."""

    def __init__(self, request: "Request") -> None:
        super().__init__(f"This request was logged already, as {request.reference}")
        self.request = request


@dataclass(frozen=True)
class NewQuestion:
    text: str
    context: str = ""
    department: Department | None = None


@dataclass(frozen=True)
class NewRequester:
    name: str
    email: str = ""
    phone: str = ""
    address: str = ""
    organisation: str = ""


def _require_not_withdrawn(request: Request) -> None:
    """Withdrawn is final (``states.TRANSITIONS``): the record of a withdrawn request stays as
    it was when the requester withdrew it."""
    if request.state == RequestState.WITHDRAWN:
        raise RegisterError("This request was withdrawn: it can no longer be changed")


def _local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


# --- references -------------------------------------------------------------------------


def reference_format(pattern: str, *, seq: int, year: int) -> str:
    """Fill the authority's reference pattern: ``{seq}A/{yy}`` with 190 and 2023 is 190A/23."""
    try:
        return pattern.format(seq=seq, yy=f"{year % 100:02d}", yyyy=str(year))
    except (KeyError, IndexError, ValueError) as exc:
        raise RegisterError(
            f"The reference pattern {pattern!r} is not valid: use {{seq}} with {{yy}} or {{yyyy}}"
        ) from exc


def reference_slug(reference: str) -> str:
    """The reference as an address segment: ``190A/23`` becomes ``190A-23`` and
    ``FOI.2026.001`` becomes ``FOI-2026-001``.

    Only letters, digits, "-" and "_" are kept (what the ``<slug:slug>`` addresses carry);
    anything else between them, a full stop included, becomes "-". The reference itself is
    kept as the authority writes it.
    """
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", reference).strip("-")
    if not re.search(r"[A-Za-z0-9]", slug):
        raise RegisterError(f"Reference {reference!r} has no letters or digits")
    problem = reference_address_problem(slug)
    if problem:
        raise RegisterError(
            f"Reference {reference} cannot be used: {problem}. Choose another reference"
        )
    return slug


def _slug_routes(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, dict]]:
    """Every named address with a ``<slug>`` in it: its name and the converter of each part."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _slug_routes(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            converters = getattr(entry.pattern, "converters", {})
            if "slug" in converters:
                yield f"{namespace}{entry.name}", converters


def _example(converter) -> object | None:
    """A value the converter takes ("1" for a number), to make an address with; None if
    neither "1" nor "x" will do."""
    for text in ("1", "x"):
        if re.fullmatch(converter.regex, text):
            return converter.to_python(text)
    return None


def reference_address_problem(slug: str) -> str | None:
    """Why ``slug`` cannot be a request's address, or None if it can.

    A request's slug goes into every address with a ``<slug>`` in it: its case page, its
    response, its entry in the disclosure log. Each is made with this slug and read back, and
    must lead to the page it was made for. "new" makes ``/staff/requests/new/``, which is the
    "Log a request" page, not the case; "feed" makes ``/disclosure-log/feed/``, the log's
    feed, not the entry. The words are found from the addresses themselves, so a page added
    later is covered without a list to keep up to date.
    """
    prefix = get_script_prefix()
    for name, converters in _slug_routes(get_resolver()):
        kwargs = {part: slug if part == "slug" else _example(c) for part, c in converters.items()}
        if any(value is None for value in kwargs.values()):
            continue
        try:
            address = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            return f"it cannot be made into an address ({name})"
        try:
            match = resolve("/" + address[len(prefix) :])
        except Resolver404:
            match = None
        if match is None or match.view_name != name or match.kwargs.get("slug") != slug:
            return f"its address would be {address}, which is another page of this service"
    return None


def reference_next(*, year: int) -> str:
    """The next reference for ``year``; numbers restart at 1 each year.

    The counter row is locked for the rest of the transaction, so two officers saving at the
    same moment never get the same number.
    """
    authority = Authority.current()
    counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
    while True:
        counter.last += 1
        reference = reference_format(authority.reference_pattern, seq=counter.last, year=year)
        if not Request.objects.filter(reference=reference).exists():
            break
    counter.save(update_fields=["last"])
    return reference


# --- the clock ----------------------------------------------------------------------------


def clock_inputs(request: Request) -> dict:
    """What the law needs from the request's clock events (latest of each kind counts)."""
    latest: dict[str, ClockEvent] = {}
    for event in request.clock_events.all():
        latest[event.kind] = event
    fee_notice = latest.get(ClockEventKind.FEE_NOTICE)
    fee_paid = latest.get(ClockEventKind.FEE_PAID)
    if fee_notice and fee_paid and fee_paid.on < fee_notice.on:
        fee_paid = None  # a payment before the latest notice settled an earlier one
    clarification = latest.get(ClockEventKind.CLARIFICATION_RECEIVED)
    pit = latest.get(ClockEventKind.PIT_EXTENSION)
    return {
        "clarification_received": clarification.on if clarification else None,
        "fee_notice": fee_notice.on if fee_notice else None,
        "fee_paid": fee_paid.on if fee_paid else None,
        "pit_extension_to": pit.extended_to if pit else None,
        "eir_extension": ClockEventKind.EIR_EXTENSION in latest,
    }


def awaiting_clarification(request: Request) -> bool:
    """Clarification was sought (s1(3)) and has not yet arrived: the authority is not obliged
    to comply until it does, so there is no due date until the clock restarts (s10(6)(b))."""
    last = None
    for event in request.clock_events.all():  # in order: by day, then as recorded
        if event.kind in (
            ClockEventKind.CLARIFICATION_SOUGHT,
            ClockEventKind.CLARIFICATION_RECEIVED,
        ):
            last = event.kind
    return last == ClockEventKind.CLARIFICATION_SOUGHT


def request_deadline(
    request: Request, *, calendar: Calendar | None = None, regime: str | None = None
):
    """The law's ``Deadline`` for this request as it stands, with its explanation; with
    ``regime``, as it would be under that law instead."""
    authority = Authority.current()
    return compute_deadline(
        Regime(regime or request.regime),
        _local_date(request.received_at),
        weekend_receipt=WeekendReceipt(authority.weekend_receipt),
        calendar=calendar,
        **clock_inputs(request),
    )


def request_recompute_deadline(
    *, request: Request, actor: User | None = None, calendar: Calendar | None = None
) -> bool:
    """Store the request's due dates from the clock; return whether anything changed."""
    deadline = request_deadline(request, calendar=calendar)
    new = {
        "due_date": None if awaiting_clarification(request) else deadline.due,
        "day_one": deadline.day_one,
        "decision_due": deadline.decision_due,
        "fee_payment_due": deadline.fee_payment_due,
        "calendar_version": deadline.calendar_version,
    }
    old = {name: getattr(request, name) for name in new}
    changes = diff(old, new)
    if not changes:
        return False
    for name, value in new.items():
        setattr(request, name, value)
    request.save(update_fields=[*new, "updated_at"])
    if old["calendar_version"]:  # the first computation is part of logging the request
        record(
            event_type="deadline.recomputed",
            actor=actor,
            subject=request,
            request=request,
            summary=f"Due date {_fmt(old['due_date'])} → {_fmt(deadline.due)}",
            changes=changes,
        )
    return True


def _fmt(day: date | None) -> str:
    return day.strftime("%-d %b %Y") if day else "none (clock paused)"


def recompute_open_deadlines(*, calendar: Calendar | None = None, actor: User | None = None) -> int:
    """Recompute every open request, e.g. after a bank holiday is proclaimed (rules B5, B6).

    Returns how many requests' stored dates changed; each change is on its timeline, as made
    by ``actor`` (the member of staff whose change moved the dates; none for new calendar data).
    """
    changed = 0
    open_requests = Request.objects.filter(state__in=OPEN_STATES).prefetch_related("clock_events")
    for request in open_requests.iterator(chunk_size=500):
        with transaction.atomic():
            changed += request_recompute_deadline(request=request, actor=actor, calendar=calendar)
    return changed


# --- the authority's settings --------------------------------------------------------------

AUTHORITY_FIELDS = (
    "name",
    "kind",
    "default_regime",
    "reference_pattern",
    "cost_limit",
    "weekend_receipt",
    "rights_paragraph",
    "rights_paragraph_eir",
    "rights_paragraph_foisa",
)


@transaction.atomic
def authority_update(*, actor: User | None, authority: Authority, **values) -> Authority:
    """Change the authority's settings; a new weekend-receipt reading recomputes open deadlines.

    The reading decides day 1 for requests received on a non-working day (rules T7), so every
    open request's stored due date must follow it.
    """
    unknown = set(values) - set(AUTHORITY_FIELDS)
    if unknown:
        raise RegisterError(f"Unknown authority setting(s): {', '.join(sorted(unknown))}")
    if "reference_pattern" in values:
        if "{seq" not in values["reference_pattern"]:
            raise RegisterError("The reference pattern must contain {seq}")
        reference_format(values["reference_pattern"], seq=1, year=2000)
    before = Authority.objects.get(pk=authority.pk) if authority.pk else Authority()
    old = {name: getattr(before, name) for name in values}
    for name, value in values.items():
        setattr(authority, name, value)
    authority.full_clean()
    authority.save()
    changes = diff(old, values)
    if changes:
        record(
            event_type="authority.updated",
            actor=actor,
            subject=authority,
            summary="Authority settings changed: " + ", ".join(sorted(changes)),
            changes=changes,
        )
    if "weekend_receipt" in changes:
        recompute_open_deadlines(actor=actor)
    return authority


@transaction.atomic
def department_save(
    *, actor: User | None, department: Department, name: str, contacts: Iterable[User]
) -> Department:
    """Add a department or change its name or contacts. Its contacts see the questions routed
    to it (``access``), so who was added or taken off is on the audit trail."""
    created = department.pk is None
    before = (
        {"name": "", "contacts": []}
        if created
        else {
            "name": Department.objects.get(pk=department.pk).name,
            "contacts": sorted(department.contacts.values_list("username", flat=True)),
        }
    )
    department.name = name.strip()
    department.full_clean()
    department.save()
    department.contacts.set(contacts)
    after = {
        "name": department.name,
        "contacts": sorted(department.contacts.values_list("username", flat=True)),
    }
    changes = diff(before, after)
    if changes:
        record(
            event_type="department.created" if created else "department.updated",
            actor=actor,
            subject=department,
            summary=(
                f"Department {department.name} added"
                if created
                else f"Department {department.name} changed: " + ", ".join(sorted(changes))
            ),
            changes=changes,
        )
    return department


@transaction.atomic
def department_delete(*, actor: User | None, department: Department) -> None:
    """Remove a department that no question is routed to (the database refuses otherwise)."""
    contacts = sorted(department.contacts.values_list("username", flat=True))
    record(
        event_type="department.deleted",
        actor=actor,
        subject=department,
        summary=f"Department {department.name} removed",
        changes={"name": [department.name, ""], "contacts": [contacts, []]},
    )
    department.delete()


# --- intake -------------------------------------------------------------------------------


@transaction.atomic
def request_create(
    *,
    actor: User,
    title: str,
    received_at: datetime,
    regime: str,
    channel: str,
    request_text: str,
    requester: NewRequester,
    questions: list[NewQuestion],
    assigned_officer: User | None = None,
    reference: str | None = None,
    intake_key: str | None = None,
) -> Request:
    """Log a new request with its questions, give it a reference and start the clock.

    ``intake_key`` is the one-time key of the form that asked for it: a request already logged
    with that key raises ``AlreadyLogged`` naming it, and nothing new is saved.
    """
    title = title.strip()
    if not title:
        raise RegisterError("Enter a title for the request")
    if not request_text.strip():
        raise RegisterError("The request text is empty")
    if regime not in RegimeChoice.values:
        raise RegisterError(f"Unknown regime {regime!r}: choose FOIA, EIR or FOISA")
    if channel not in Channel.values:
        raise RegisterError(f"Unknown channel {channel!r}")
    if timezone.is_naive(received_at):
        raise RegisterError("The time of receipt needs a time zone")
    if received_at > timezone.now():
        raise RegisterError("The date received cannot be in the future")
    if received_at.year < 2005:
        raise RegisterError(
            "The date received must be on or after 1 January 2005, when FOIA came fully into force"
        )
    if not requester.name.strip():
        raise RegisterError("Enter the requester's name (a valid request gives one, FOIA s8)")
    kept = [q for q in questions if q.text.strip()]
    if not kept:
        raise RegisterError("A request needs at least one question")

    if intake_key:
        _require_not_logged(intake_key)
    year = _local_date(received_at).year
    if reference:
        reference = reference.strip()
        if Request.objects.filter(reference=reference).exists():
            raise RegisterError(f"Reference {reference} is already used by another request")
        # The reference is the entry's label and address in the disclosure log.
        who = RequesterDetails(
            name=requester.name,
            email=requester.email,
            phone=requester.phone,
            address=requester.address,
        )
        if leaks_in_reference(reference, who):
            raise RegisterError(
                f"Reference {reference} cannot be used: it names the requester or gives their "
                "contact details, and a reference is published with the response"
            )
    else:
        reference = reference_next(year=year)
    slug = reference_slug(reference)
    if Request.objects.filter(slug=slug).exists():
        raise RegisterError(f"Reference {reference} is too like an existing one ({slug})")

    who = Requester.objects.create(
        name=requester.name.strip(),
        email=requester.email.strip(),
        phone=requester.phone.strip(),
        address=requester.address.strip(),
        organisation=requester.organisation.strip(),
    )
    try:
        with transaction.atomic():
            request = Request.objects.create(
                reference=reference,
                slug=slug,
                title=title,
                received_at=received_at,
                regime=regime,
                channel=channel,
                requester=who,
                request_text=request_text.strip(),
                assigned_officer=assigned_officer,
                intake_key=intake_key or None,
            )
    except IntegrityError as exc:
        if intake_key:
            _require_not_logged(intake_key)  # the same form, saved at the same moment
        raise RegisterError(f"Reference {reference} is already used by another request") from exc
    Question.objects.bulk_create(
        Question(
            request=request,
            number=number,
            text=q.text.strip(),
            context=q.context.strip(),
            department=q.department,
            status=QuestionStatus.WITH_DEPARTMENT if q.department else QuestionStatus.NEW,
        )
        for number, q in enumerate(kept, start=1)
    )
    record(
        event_type="request.created",
        actor=actor,
        subject=request,
        request=request,
        summary=f"Request {reference} logged with {len(kept)} question(s)",
        detail={"channel": channel, "regime": regime},
    )
    try:
        request_recompute_deadline(request=request, actor=actor)
    except ClockInputError as exc:
        raise RegisterError(str(exc)) from exc
    return request


def _require_not_logged(intake_key: str) -> None:
    logged = Request.objects.filter(intake_key=intake_key).first()
    if logged is not None:
        raise AlreadyLogged(logged)


# --- changes of state ---------------------------------------------------------------------

#: Extra conditions on entering a state, registered by other apps (the decisions app requires
#: an approved response before a request is recorded as responded). Each guard returns a
#: message saying what is missing, or None.
TransitionGuard = Callable[[Request], str | None]
TRANSITION_GUARDS: dict[RequestState, list[TransitionGuard]] = {}


def register_transition_guard(state: RequestState, guard: TransitionGuard) -> None:
    TRANSITION_GUARDS.setdefault(state, [])
    if guard not in TRANSITION_GUARDS[state]:
        TRANSITION_GUARDS[state].append(guard)


#: What else a move from one state to another does, registered by other apps (the decisions
#: app takes back a version awaiting approval when the request goes back to drafting, so that
#: it cannot be approved there). Each is called with ``actor``, ``request`` and ``reason``
#: inside the state change's transaction, after the change is recorded.
TransitionEffect = Callable[..., object]
TRANSITION_EFFECTS: dict[tuple[RequestState, RequestState], list[TransitionEffect]] = {}


def register_transition_effect(
    from_state: RequestState, to_state: RequestState, effect: TransitionEffect
) -> None:
    effects = TRANSITION_EFFECTS.setdefault((from_state, to_state), [])
    if effect not in effects:
        effects.append(effect)


def _fee_unpaid(request: Request) -> bool:
    inputs = clock_inputs(request)
    return inputs["fee_notice"] is not None and inputs["fee_paid"] is None


def _clarification_sought(request: Request) -> str | None:
    if awaiting_clarification(request):
        return None
    return (
        f"Record that clarification was sought {CLOCK_FORM}, with the day it was asked for: "
        "that stops the clock (FOIA s1(3)) and makes the request await clarification"
    )


def _clarification_arrived(request: Request) -> str | None:
    if request.state != RequestState.AWAITING_CLARIFICATION or not awaiting_clarification(request):
        return None
    return (
        f"Record the clarification received {CLOCK_FORM}, with the day it arrived: the 20 "
        "working days start again from that day (FOIA s10(6)(b))"
    )


def _fee_notice_given(request: Request) -> str | None:
    if _fee_unpaid(request):
        deadline = request_deadline(request)
        if deadline.paused:
            return None
        return (
            "The fees notice was given after the time for compliance, so it does not pause the "
            f"clock (FOIA s9(1), s10(2)): the request is still due {_fmt(deadline.due)}"
        )
    return (
        f"Record the fees notice {CLOCK_FORM}, with the day it was given: that pauses the clock "
        "(FOIA s10(2)) and makes the request await the fee"
    )


def _fee_received(request: Request) -> str | None:
    if request.state != RequestState.AWAITING_FEE or not _fee_unpaid(request):
        return None
    return (
        f"Record the fee received {CLOCK_FORM}, with the day it arrived: the clock resumes "
        "with the days in between disregarded (FOIA s10(2))"
    )


# The states that say the clock is stopped (``states.CLOCK_STOPPED_STATES``) are entered and
# left with the clock event that stops or restarts it, never by the state alone: a request
# moved to "awaiting fee" with no fees notice would leave the overdue list while its 20
# working days still ran, and one moved on from "awaiting clarification" with none received
# would have no due date at all. ``clock_event_record`` records the event, then moves the state.
register_transition_guard(RequestState.AWAITING_CLARIFICATION, _clarification_sought)
register_transition_guard(RequestState.ACKNOWLEDGED, _clarification_arrived)
register_transition_guard(RequestState.AWAITING_FEE, _fee_notice_given)
register_transition_guard(RequestState.WITH_DEPARTMENT, _fee_received)
register_transition_guard(RequestState.DRAFTING, _fee_received)


def _guard_problem(request: Request, to_state: RequestState) -> str | None:
    """What stops ``request`` entering ``to_state`` (``TRANSITION_GUARDS``), if anything."""
    for guard in TRANSITION_GUARDS.get(to_state, []):
        if problem := guard(request):
            return problem
    return None


@transaction.atomic
def request_transition(
    *, actor: User, request: Request, to_state: str, reason: str = ""
) -> Request:
    """Move a request to another state, if the transition table allows it."""
    if to_state not in RequestState.values:
        raise RegisterError(f"Unknown state {to_state!r}")
    request = Request.objects.select_for_update().get(pk=request.pk)
    if not is_allowed(request.state, to_state):
        allowed = ", ".join(RequestState(s).label for s in allowed_transitions(request.state))
        raise RegisterError(
            f"A request that is {RequestState(request.state).label.lower()} cannot become "
            f"{RequestState(to_state).label.lower()}"
            + (f" (it can become: {allowed})" if allowed else " (it is final)")
        )
    problem = _guard_problem(request, RequestState(to_state))
    if problem:
        raise RegisterError(problem)
    old = request.state
    request.state = to_state
    update = ["state", "updated_at"]
    if to_state == RequestState.RESPONDED and request.responded_on is None:
        request.responded_on = timezone.localdate()
        update.append("responded_on")
    request.save(update_fields=update)
    record(
        event_type="request.state_changed",
        actor=actor,
        subject=request,
        request=request,
        summary=f"{RequestState(old).label} → {RequestState(to_state).label}",
        changes={"state": [old, to_state]},
        detail={"reason": reason} if reason else None,
    )
    for effect in TRANSITION_EFFECTS.get((RequestState(old), RequestState(to_state)), []):
        effect(actor=actor, request=request, reason=reason)
    return request


@transaction.atomic
def request_assign(*, actor: User, request: Request, officer: User | None) -> Request:
    _require_not_withdrawn(request)
    if officer is not None and officer.role != Role.FOI_OFFICER:
        raise RegisterError(f"{officer} is not an FOI officer")
    old = request.assigned_officer
    if old == officer:
        return request
    request.assigned_officer = officer
    request.save(update_fields=["assigned_officer", "updated_at"])
    record(
        event_type="request.assigned",
        actor=actor,
        subject=request,
        request=request,
        summary=f"Assigned to {officer or 'nobody'}",
        changes=diff({"assigned_officer": old}, {"assigned_officer": officer}),
    )
    return request


@transaction.atomic
def request_change_regime(*, actor: User, request: Request, regime: str, reason: str) -> Request:
    """Move a request between FOIA and EIR (FOIA s39; EIR reg 5); the clock is recomputed."""
    if regime not in RegimeChoice.values:
        raise RegisterError(f"Unknown regime {regime!r}")
    _require_not_withdrawn(request)
    if regime == request.regime:
        return request
    if {request.regime, regime} != {RegimeChoice.FOIA, RegimeChoice.EIR}:
        raise RegisterError("A request can move only between FOIA and EIR")
    if not reason.strip():
        raise RegisterError("Say why the request is being handled under another regime")
    try:
        request_deadline(request, regime=regime)
    except ClockInputError as exc:
        # An extension one law has and the other has not (FOIA s10(3); EIR reg 7).
        raise RegisterError(
            f"The request cannot move to {RegimeChoice(regime).label} with its clock as "
            f"recorded: {exc}"
        ) from exc
    old = request.regime
    request.regime = regime
    request.save(update_fields=["regime", "updated_at"])
    record(
        event_type="request.regime_changed",
        actor=actor,
        subject=request,
        request=request,
        summary=f"Now handled under {RegimeChoice(regime).label} (was {RegimeChoice(old).label})",
        changes={"regime": [old, regime]},
        detail={"reason": reason},
    )
    request_recompute_deadline(request=request, actor=actor)
    return request


# --- clock events -------------------------------------------------------------------------

#: The state a clock event puts the request in, when the transition table allows it.
_EVENT_STATE = {
    ClockEventKind.CLARIFICATION_SOUGHT: RequestState.AWAITING_CLARIFICATION,
    ClockEventKind.CLARIFICATION_RECEIVED: RequestState.ACKNOWLEDGED,
    ClockEventKind.FEE_NOTICE: RequestState.AWAITING_FEE,
}


@transaction.atomic
def clock_event_record(
    *,
    actor: User,
    request: Request,
    kind: str,
    on: date,
    extended_to: date | None = None,
    note: str = "",
) -> ClockEvent:
    """Record something that moves the clock, recompute the due dates, and follow it in state.

    Asking for clarification or sending a fees notice stops the clock (the request waits for
    the requester); a clarification arriving restarts it from that day (FOIA s1(3), s10(6)(b));
    a fee arriving resumes it with the paused days disregarded (s10(2)).
    """
    if kind not in ClockEventKind.values:
        raise RegisterError(f"Unknown clock event {kind!r}")
    # Read the request and its events afresh, holding the row: a caller's copy may carry a
    # list of events read before this one is added (the case page prefetches them), and the
    # clock must be checked and stored with the new event in it.
    request.refresh_from_db(from_queryset=Request.objects.select_for_update())
    _require_not_withdrawn(request)
    received = _local_date(request.received_at)
    if on < received:
        raise RegisterError("A clock event cannot be before the request was received")
    if on > timezone.localdate():
        raise RegisterError("A clock event cannot be in the future")
    events = {e.kind: e for e in request.clock_events.all()}  # the latest of each kind
    sought = events.get(ClockEventKind.CLARIFICATION_SOUGHT)
    answered = events.get(ClockEventKind.CLARIFICATION_RECEIVED)
    if kind == ClockEventKind.CLARIFICATION_RECEIVED:
        # Out of order, the request would read as still waiting for it (no due date) while
        # its state said the clock had restarted (s10(6)(b)).
        if sought is None:
            raise RegisterError("Record that clarification was sought before recording its receipt")
        if on < sought.on:
            raise RegisterError(
                f"The clarification cannot be received before it was sought ({_fmt(sought.on)})"
            )
    if kind == ClockEventKind.CLARIFICATION_SOUGHT and answered is not None and on < answered.on:
        raise RegisterError(
            f"A clarification already arrived on {_fmt(answered.on)}: clarification sought "
            "again must be on or after that day"
        )
    if kind == ClockEventKind.FEE_PAID:
        notice = events.get(ClockEventKind.FEE_NOTICE)
        if notice is None:
            raise RegisterError("Record the fees notice before recording the payment")
        if on < notice.on:
            raise RegisterError("The fee cannot be received before the fees notice was given")
    if kind == ClockEventKind.PIT_EXTENSION:
        if request.regime != RegimeChoice.FOIA:
            raise RegisterError(
                "Only FOIA has a public interest extension (s10(3)); "
                "FOISA has none and the EIR use reg 7"
            )
        if extended_to is None or extended_to <= on:
            raise RegisterError("Give the new decision date, after the day of the extension")
    if kind == ClockEventKind.EIR_EXTENSION and request.regime != RegimeChoice.EIR:
        raise RegisterError("The reg 7 extension is only for requests under the EIR")

    event = ClockEvent.objects.create(
        request=request,
        kind=kind,
        on=on,
        extended_to=extended_to,
        note=note.strip(),
        recorded_by=actor,
    )
    try:
        request_deadline(request)
    except ClockInputError as exc:
        raise RegisterError(str(exc)) from exc
    record(
        event_type="clock.event",
        actor=actor,
        subject=event,
        request=request,
        summary=f"{event.get_kind_display()} on {_fmt(on)}",
        detail={"kind": kind, "on": on, "extended_to": extended_to, "note": note},
    )
    target = _EVENT_STATE.get(ClockEventKind(kind))
    if kind == ClockEventKind.FEE_PAID and request.state == RequestState.AWAITING_FEE:
        target = RequestState.WITH_DEPARTMENT
    # The state follows where its guards allow: a fees notice given after the time for
    # compliance does not stop the clock (FOIA s9(1)), so the request does not await the fee
    # and stays on the overdue list.
    if target and is_allowed(request.state, target) and not _guard_problem(request, target):
        request_transition(actor=actor, request=request, to_state=target)
        request.refresh_from_db()
    request_recompute_deadline(request=request, actor=actor)
    return event


# --- questions ----------------------------------------------------------------------------


@transaction.atomic
def question_route(*, actor: User, question: Question, department: Department | None) -> Question:
    """Send a question to the department that holds the answer (or take it back)."""
    _require_not_withdrawn(question.request)
    old = question.department
    if old == department:
        return question
    question.department = department
    if question.status in (QuestionStatus.NEW, QuestionStatus.WITH_DEPARTMENT):
        question.status = QuestionStatus.WITH_DEPARTMENT if department else QuestionStatus.NEW
    question.save(update_fields=["department", "status"])
    record(
        event_type="question.routed",
        actor=actor,
        subject=question,
        request=question.request,
        summary=f"Question {question.number} routed to {department or 'nobody'}",
        changes=diff({"department": old}, {"department": department}),
    )
    return question


@transaction.atomic
def question_answer(
    *, actor: User, question: Question, answer: str, hours_spent: Decimal
) -> Question:
    """A department returns its answer and the time it took (kept for the cost limit, s12)."""
    _require_not_withdrawn(question.request)
    if not answer.strip():
        raise RegisterError("Enter the answer")
    if hours_spent is None or hours_spent < 0:
        raise RegisterError("Enter the hours spent, 0 or more")
    if hours_spent > Decimal("1000"):
        raise RegisterError("Hours spent must be 1000 or fewer")
    if (
        question.department_id is None
        or not question.department.contacts.filter(pk=actor.pk).exists()
    ):
        raise RegisterError("This question is not routed to your department")
    old = {"department_answer": question.department_answer, "hours_spent": question.hours_spent}
    question.department_answer = answer.strip()
    question.hours_spent = hours_spent
    question.status = QuestionStatus.ANSWERED
    question.answered_by = actor
    question.answered_at = timezone.now()
    question.save()
    record(
        event_type="question.answered",
        actor=actor,
        subject=question,
        request=question.request,
        summary=f"{question.department} answered question {question.number} ({hours_spent} hours)",
        changes=diff(old, {"department_answer": answer.strip(), "hours_spent": hours_spent}),
    )
    return question


# --- requester identity and links -----------------------------------------------------------


@transaction.atomic
def requester_reveal(*, actor: User, request: Request, purpose: str, note: str = "") -> Requester:
    """Show an FOI officer who asked, for a stated purpose; every reveal is recorded.

    FOI is applicant-blind (rules D6): the identity matters only for aggregation, s14, a
    request for the requester's own data, or corresponding with them.
    """
    if actor.role != Role.FOI_OFFICER:
        raise RegisterError("Only FOI officers can see who made a request")
    if purpose not in RevealPurpose.values:
        raise RegisterError("Choose why you need to see who asked")
    IdentityReveal.objects.create(request=request, revealed_to=actor, purpose=purpose, note=note)
    record(
        event_type="requester.revealed",
        actor=actor,
        subject=request,
        request=request,
        summary=f"Requester identity shown to {actor}: {RevealPurpose(purpose).label}",
        detail={"purpose": purpose, "note": note},
    )
    return request.requester


@transaction.atomic
def request_link(*, actor: User, request: Request, other: Request, kind: str) -> RequestLink:
    if kind not in LinkKind.values:
        raise RegisterError(f"Unknown link {kind!r}")
    _require_not_withdrawn(request)
    if request.pk == other.pk:
        raise RegisterError("A request cannot be linked to itself")
    # Both requests locked, in one order, so that two officers linking the same pair at once
    # (either way round) make one link and the second is told so (PostgreSQL; SQLite takes its
    # write lock when the transaction begins, see ``settings.base``).
    list(Request.objects.select_for_update().filter(pk__in=[request.pk, other.pk]).order_by("pk"))
    if RequestLink.objects.filter(
        from_request__in=[request, other], to_request__in=[request, other], kind=kind
    ).exists():
        raise RegisterError(f"{request.reference} and {other.reference} are already linked")
    link = RequestLink.objects.create(from_request=request, to_request=other, kind=kind)
    for side, partner in ((request, other), (other, request)):
        record(
            event_type="request.linked",
            actor=actor,
            subject=link,
            request=side,
            summary=f"Linked to {partner.reference}: {LinkKind(kind).label}",
        )
    return link
