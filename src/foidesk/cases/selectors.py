"""Reads of the register that span relations: the case list and the dashboard.

Every read here starts from ``access.requests_visible_to(user)``, so the list and the dashboard
can never show a request the user could not open. Pages are applicant-blind: nothing here
joins or loads the requester.

"Overdue" and "due soon" are worked out when read, from the stored ``due_date`` and today's
date, never stored (STYLE.md; Alaveteli's ``calculate_status``). A request is overdue when it
is open, its clock is running and its due date has passed (FOIA s10(1); EIR reg 5(2); FOISA
s10(1)). It is due soon when its due date is no more than a number of working days away,
counted on its own regime's calendar (FOIA s10(6), EIR reg 2(1), FOISA s73): a Scottish request
is not given a day in hand for Easter Monday or St Patrick's Day, which do not stop its clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear, Length
from django.utils import timezone

from foidesk.accounts.models import Role, User
from foidesk.law.calendars import calendar_for
from foidesk.law.regimes import Regime
from foidesk.web.forms import record_id

from .access import requests_visible_to
from .models import Department, Question, QuestionStatus, RegimeChoice, Request
from .states import CLOCK_STOPPED_STATES, OPEN_STATES, RequestState

#: Working days ahead that count as "due soon" on the dashboard and on the list's tags.
DUE_SOON_WORKING_DAYS = 5

#: The list's due-date windows: a value of the ``due`` filter and what it shows.
DUE_OVERDUE = "overdue"
DUE_NONE = "none"
DUE_WINDOWS: dict[str, int] = {"5": 5, "20": 20}

#: States whose clock is running: the only ones that can be overdue or due soon.
CLOCK_RUNNING_STATES = frozenset(OPEN_STATES - CLOCK_STOPPED_STATES)

#: The ``state`` filter value meaning "any open state".
STATE_OPEN = "open"

#: The ``officer`` filter value meaning "assigned to nobody".
OFFICER_NONE = "none"

#: GOV.UK tag colour for each state (the tag text is always the state's label).
STATE_TAG_CLASSES: dict[str, str] = {
    RequestState.RECEIVED: "govuk-tag--light-blue",
    RequestState.ACKNOWLEDGED: "govuk-tag--blue",
    RequestState.AWAITING_CLARIFICATION: "govuk-tag--purple",
    RequestState.AWAITING_FEE: "govuk-tag--purple",
    RequestState.WITH_DEPARTMENT: "govuk-tag--turquoise",
    RequestState.DRAFTING: "govuk-tag--blue",
    RequestState.AWAITING_APPROVAL: "govuk-tag--pink",
    RequestState.RESPONDED: "govuk-tag--green",
    RequestState.INTERNAL_REVIEW: "govuk-tag--orange",
    RequestState.WITH_ICO: "govuk-tag--orange",
    RequestState.CLOSED: "govuk-tag--grey",
    RequestState.WITHDRAWN: "govuk-tag--grey",
}

#: The order states appear in (the order of the workflow, not of the alphabet).
STATE_ORDER: dict[str, int] = {state: n for n, state in enumerate(RequestState.values)}

#: Fields the list and dashboard tables show; nothing else is loaded (no request text, no
#: requester).
ROW_FIELDS = (
    "id",
    "reference",
    "slug",
    "title",
    "state",
    "regime",
    "received_at",
    "due_date",
    "assigned_officer__id",
    "assigned_officer__username",
    "assigned_officer__first_name",
    "assigned_officer__last_name",
)


# --- due windows ----------------------------------------------------------------------------


def due_cutoffs(today: date, working_days: int) -> dict[str, date]:
    """The last due date within ``working_days`` working days of ``today``, per regime.

    Worked out once per regime for the whole page, not once per row.
    """
    return {
        regime: calendar_for(Regime(regime)).add_working_days(today, working_days)
        for regime in RegimeChoice.values
    }


def overdue_q(today: date) -> Q:
    """Open, clock running, and the due date has passed."""
    return Q(state__in=CLOCK_RUNNING_STATES, due_date__lt=today)


def due_within_q(today: date, working_days: int) -> Q:
    """Open, clock running, due today or within ``working_days`` working days of today."""
    by_regime = Q()
    for regime, cutoff in due_cutoffs(today, working_days).items():
        by_regime |= Q(regime=regime, due_date__lte=cutoff)
    return Q(state__in=CLOCK_RUNNING_STATES, due_date__gte=today) & by_regime


@dataclass(frozen=True, slots=True)
class DueStatus:
    """How a row's due date stands today: ``overdue``, ``due_soon`` or nothing."""

    today: date
    soon_cutoffs: dict[str, date]

    @classmethod
    def on(cls, today: date) -> DueStatus:
        return cls(today, due_cutoffs(today, DUE_SOON_WORKING_DAYS))

    def of(self, request: Request) -> str:
        if request.due_date is None or request.state not in CLOCK_RUNNING_STATES:
            return ""
        if request.due_date < self.today:
            return "overdue"
        if request.due_date <= self.soon_cutoffs[request.regime]:
            return "due_soon"
        return ""


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One request as a table row, with what the templates need worked out."""

    request: Request
    due_status: str
    state_tag_class: str


def register_rows(requests: Iterable[Request], *, today: date) -> list[RegisterRow]:
    status = DueStatus.on(today)
    return [
        RegisterRow(
            request=r,
            due_status=status.of(r),
            state_tag_class=STATE_TAG_CLASSES.get(r.state, ""),
        )
        for r in requests
    ]


# --- the case list --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegisterFilters:
    """What the case list is asked to show. Empty values mean "any"."""

    state: str = ""
    officer: str = ""  # a user's pk, OFFICER_NONE, or ""
    department: int | None = None
    regime: str = ""
    due: str = ""  # DUE_OVERDUE, a key of DUE_WINDOWS, DUE_NONE, or ""
    year: int | None = None
    search: str = ""
    sort: str = "-received"

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> RegisterFilters:
        """From a filter form's ``cleaned_data`` (invalid fields are simply absent)."""
        return cls(
            state=data.get("state") or "",
            officer=data.get("officer") or "",
            department=data.get("department"),
            regime=data.get("regime") or "",
            due=data.get("due") or "",
            year=data.get("year"),
            search=(data.get("q") or "").strip(),
            sort=data.get("sort") or "-received",
        )


def _ordering(key: str) -> list[Any]:
    """The ORDER BY for a ``sort`` value such as ``due`` or ``-due``; unknown values give the
    default (newest received first). Every ordering ends on ``id`` so pages never overlap.
    """
    descending = key.startswith("-")
    name = key.removeprefix("-")

    def direction(expr: Any) -> Any:
        expr = F(expr) if isinstance(expr, str) else expr
        return expr.desc() if descending else expr.asc()

    if name == "due":
        # Requests with no due date (clock paused, or never started) go last either way.
        due = (
            F("due_date").desc(nulls_last=True)
            if descending
            else F("due_date").asc(nulls_last=True)
        )
        return [due, direction("id")]
    if name == "reference":
        # References like 190A/23 sort by year, then number: 2A/23 before 10A/23. Within a
        # year of receipt a shorter reference has the smaller number, so length then text
        # gives the numeric order without parsing the authority's pattern.
        return [
            direction(ExtractYear("received_at")),
            direction(Length("reference")),
            direction("reference"),
            direction("id"),
        ]
    if name == "state":
        position = Case(
            *(When(state=state, then=Value(n)) for state, n in STATE_ORDER.items()),
            default=Value(len(STATE_ORDER)),
            output_field=IntegerField(),
        )
        return [direction(position), F("due_date").asc(nulls_last=True), direction("id")]
    if name == "received":
        return [direction("received_at"), direction("id")]
    return [F("received_at").desc(), F("id").desc()]


def request_register(user: User, *, filters: RegisterFilters, today: date) -> QuerySet[Request]:
    """The requests ``user`` may see that match ``filters``, in the order asked for.

    The queryset loads only what a table row shows, with the officer joined in, so a page of
    it is one query however many rows it has.
    """
    requests = requests_visible_to(user)
    if filters.state == STATE_OPEN:
        requests = requests.filter(state__in=OPEN_STATES)
    elif filters.state:
        requests = requests.filter(state=filters.state)
    if filters.officer == OFFICER_NONE:
        requests = requests.filter(assigned_officer__isnull=True)
    elif filters.officer:
        requests = requests.filter(assigned_officer_id=int(filters.officer))
    if filters.department is not None:
        requests = requests.filter(
            Exists(
                Question.objects.filter(request=OuterRef("pk"), department_id=filters.department)
            )
        )
    if filters.regime:
        requests = requests.filter(regime=filters.regime)
    if filters.due == DUE_OVERDUE:
        requests = requests.filter(overdue_q(today))
    elif filters.due in DUE_WINDOWS:
        requests = requests.filter(due_within_q(today, DUE_WINDOWS[filters.due]))
    elif filters.due == DUE_NONE:
        requests = requests.filter(due_date__isnull=True)
    if filters.year is not None:
        # __year compares with the year's bounds in the current time zone (Europe/London),
        # so it uses the received_at index.
        requests = requests.filter(received_at__year=filters.year)
    if filters.search:
        requests = requests.filter(_search_q(filters.search))
    return _row_queryset(requests).order_by(*_ordering(filters.sort))


#: The shortest term SQLite's trigram index can find (``cases`` migration 0004).
TRIGRAM = 3


def _search_q(term: str) -> Q:
    """Requests whose title, reference or one of whose questions holds ``term``, ignoring case.

    On SQLite a term of three characters or more is looked up in the trigram indexes (migration
    0004), which find the substrings ``icontains`` would without reading every row, and fold
    the case of letters beyond A to Z as well ("CAFÉ" finds "Café"); a shorter term, and any
    term on PostgreSQL, is matched with ``icontains``, which PostgreSQL looks up in its
    ``pg_trgm`` indexes (migration 0005) when the server allowed the extension.
    """
    if connection.vendor == "sqlite" and len(term) >= TRIGRAM:
        phrase = '"' + term.replace('"', '""') + '"'  # the term itself, never FTS5 syntax
        return Q(
            pk__in=RawSQL(
                "SELECT rowid FROM cases_request_search WHERE cases_request_search MATCH %s",
                (phrase,),
            )
        ) | Q(
            pk__in=RawSQL(
                "SELECT request_id FROM cases_question WHERE id IN (SELECT rowid FROM "
                "cases_question_search WHERE cases_question_search MATCH %s)",
                (phrase,),
            )
        )
    # One subquery of the ids that match, not a join (a request with three matching questions
    # is one row) and not an OR of conditions on each row, so that PostgreSQL can look each
    # part up in its trigram index (migration 0005).
    found = (
        Request.objects.filter(title__icontains=term)
        .values("pk")
        .union(
            Request.objects.filter(reference__icontains=term).values("pk"),
            Question.objects.filter(text__icontains=term).values("request_id"),
        )
    )
    return Q(pk__in=found)


def _row_queryset(requests: QuerySet[Request]) -> QuerySet[Request]:
    return requests.select_related("assigned_officer").only(*ROW_FIELDS)


def officers_for_filter(*, asked: str = "") -> list[User]:
    """The officer filter's choices: the FOI officers, plus the member of staff ``asked`` for
    if that is someone else (requests stay assigned to an officer whose role has changed, and
    the dashboard links to them).

    The extra look-up is by primary key and only then; checking every user for assigned
    requests would read the whole register on PostgreSQL.
    """
    officers = list(
        User.objects.filter(role=Role.FOI_OFFICER).order_by("first_name", "last_name", "username")
    )
    pk = record_id(asked)
    if pk is not None and pk not in {o.pk for o in officers}:
        officers += list(User.objects.filter(pk=pk))
    return officers


def departments_for_filter() -> QuerySet[Department]:
    return Department.objects.order_by("name")


def years_received(user: User) -> list[int]:
    """The calendar years (Europe/London) in which visible requests were received, newest
    first; every year between the first and the last, so the list has no gaps.
    """
    # Two index look-ups: SQLite answers MIN() and MAX() from an index only one at a time.
    received = (
        requests_visible_to(user).order_by("received_at").values_list("received_at", flat=True)
    )
    first, last = received.first(), received.last()
    if first is None or last is None:
        return []
    return list(range(timezone.localtime(last).year, timezone.localtime(first).year - 1, -1))


class MatchingRequests(Sequence[Request]):
    """A search's matches for a ``Paginator``: one pass over the register, not two.

    A search reads many rows (every request and question where ``icontains`` is used, all
    the matches where the trigram index is). Paging a queryset would run it twice, once to
    count and once for the page; this runs it once for the ordered ids of every match and then
    fetches the page's rows by primary key.
    """

    def __init__(self, matches: QuerySet[Request], *, rows: QuerySet[Request]) -> None:
        """``matches`` gives the ids; ``rows`` (the visible requests, unfiltered, so fetching
        by id does not search again) gives the page's rows.
        """
        self._rows = rows
        self._ids: list[int] = list(matches.values_list("pk", flat=True))

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, index):  # type: ignore[override]
        if not isinstance(index, slice):
            return self[slice(index, index + 1 or None)][0]
        ids = self._ids[index]
        rows = self._rows.order_by().in_bulk(ids)
        return [rows[pk] for pk in ids]


def register_page_source(user: User, requests: QuerySet[Request], *, filters: RegisterFilters):
    """What to hand the ``Paginator``: the queryset, or for a search its ``MatchingRequests``."""
    if not filters.search:
        return requests
    return MatchingRequests(requests, rows=_row_queryset(requests_visible_to(user)))


# --- the dashboard --------------------------------------------------------------------------

#: How many overdue and due-soon requests the dashboard lists before "view all".
DASHBOARD_LIST_LIMIT = 10


@dataclass(frozen=True, slots=True)
class StateCount:
    state: str
    label: str
    count: int
    tag_class: str
    is_open: bool


@dataclass(frozen=True, slots=True)
class OfficerCount:
    officer_id: int | None
    name: str
    open: int
    overdue: int


@dataclass(frozen=True, slots=True)
class DepartmentCount:
    department: Department
    open_requests: int
    waiting_questions: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: date
    due_soon_cutoffs: dict[str, date]
    overdue: list[RegisterRow]
    overdue_count: int
    due_soon: list[RegisterRow]
    due_soon_count: int
    by_state: list[StateCount]
    open_count: int
    by_officer: list[OfficerCount]
    by_department: list[DepartmentCount]


def _officer_name(first: str, last: str, username: str) -> str:
    return f"{first} {last}".strip() or username


def dashboard_figures(user: User, *, today: date) -> Dashboard:
    """The FOI team's figures for today: what is late, what is due soon, who has what.

    A fixed number of queries whatever the size of the register.
    """
    visible = requests_visible_to(user)
    rows = _row_queryset(visible)

    overdue = rows.filter(overdue_q(today)).order_by("due_date", "id")
    due_soon = rows.filter(due_within_q(today, DUE_SOON_WORKING_DAYS)).order_by("due_date", "id")

    per_state = {
        row["state"]: row["n"] for row in visible.order_by().values("state").annotate(n=Count("id"))
    }
    by_state = [
        StateCount(
            state=state.value,
            label=state.label,
            count=per_state.get(state.value, 0),
            tag_class=STATE_TAG_CLASSES[state],
            is_open=state in OPEN_STATES,
        )
        for state in RequestState
    ]

    per_officer = (
        visible.filter(state__in=OPEN_STATES)
        .order_by()
        .values(
            "assigned_officer",
            "assigned_officer__first_name",
            "assigned_officer__last_name",
            "assigned_officer__username",
        )
        .annotate(open=Count("id"), overdue=Count("id", filter=overdue_q(today)))
    )
    by_officer = sorted(
        (
            OfficerCount(
                officer_id=row["assigned_officer"],
                name=_officer_name(
                    row["assigned_officer__first_name"],
                    row["assigned_officer__last_name"],
                    row["assigned_officer__username"],
                )
                if row["assigned_officer"]
                else "Not assigned",
                open=row["open"],
                overdue=row["overdue"],
            )
            for row in per_officer
        ),
        # Named officers alphabetically, then the unassigned pile.
        key=lambda c: (c.officer_id is None, c.name.lower()),
    )

    # Questions on open requests, grouped by the department they are routed to.
    per_department = {
        row["department"]: row
        for row in Question.objects.filter(
            request__in=visible.filter(state__in=OPEN_STATES), department__isnull=False
        )
        .order_by()
        .values("department")
        .annotate(
            open_requests=Count("request", distinct=True),
            waiting=Count("id", filter=Q(status=QuestionStatus.WITH_DEPARTMENT)),
        )
    }
    by_department = [
        DepartmentCount(
            department=department,
            open_requests=per_department.get(department.pk, {}).get("open_requests", 0),
            waiting_questions=per_department.get(department.pk, {}).get("waiting", 0),
        )
        for department in Department.objects.order_by("name")
    ]

    return Dashboard(
        today=today,
        due_soon_cutoffs=due_cutoffs(today, DUE_SOON_WORKING_DAYS),
        overdue=register_rows(overdue[:DASHBOARD_LIST_LIMIT], today=today),
        overdue_count=overdue.count(),
        due_soon=register_rows(due_soon[:DASHBOARD_LIST_LIMIT], today=today),
        due_soon_count=due_soon.count(),
        by_state=by_state,
        open_count=sum(c.count for c in by_state if c.is_open),
        by_officer=by_officer,
        by_department=by_department,
    )
