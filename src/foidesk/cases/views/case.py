"""The case page: everything about one request, and the officer's actions on it.

Each action posts to its own address and either redirects back (with a message) or, when the
input is bad, renders the case page again with that form's errors and HTTP 400.
"""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from foidesk.audit.models import AuditEvent

from ..access import can_edit_register, request_for_user, requests_visible_to
from ..case_forms import (
    AssignForm,
    ClockEventForm,
    LinkForm,
    RegimeForm,
    RevealForm,
    RouteQuestionForm,
    StateChangeForm,
)
from ..models import Question, Request, RequestLink
from ..services import (
    RegisterError,
    awaiting_clarification,
    clock_event_record,
    question_route,
    request_assign,
    request_change_regime,
    request_deadline,
    request_link,
    request_transition,
    requester_reveal,
)
from ..states import RequestState


def _load(request: HttpRequest, slug: str) -> Request:
    case = request_for_user(request.user, slug)
    return (
        Request.objects.select_related("assigned_officer")
        .prefetch_related(
            Prefetch("questions", Question.objects.select_related("department")),
            "clock_events__recorded_by",
        )
        .get(pk=case.pk)
    )


def _links(case: Request) -> list[tuple[Request, str]]:
    links = RequestLink.objects.filter(from_request=case).select_related("to_request")
    back = RequestLink.objects.filter(to_request=case).select_related("from_request")
    return [(link.to_request, link.get_kind_display()) for link in links] + [
        (link.from_request, link.get_kind_display()) for link in back
    ]


def _render(
    request: HttpRequest,
    case: Request,
    *,
    bound: dict[str, forms.Form] | None = None,
    status: int = 200,
    revealed=None,
) -> HttpResponse:
    editable = can_edit_register(request.user) and case.state != RequestState.WITHDRAWN
    deadline = request_deadline(case)
    paused_for_clarification = awaiting_clarification(case)
    page_forms: dict[str, forms.Form] = {
        "state_form": StateChangeForm(state=case.state),
        "clock_form": ClockEventForm(),
        "assign_form": AssignForm(initial={"officer": case.assigned_officer}),
        "regime_form": RegimeForm(initial={"regime": case.regime}),
        "reveal_form": RevealForm(),
        "link_form": LinkForm(),
    }
    page_forms.update(bound or {})
    questions = list(case.questions.all())
    route_forms = {
        q.number: page_forms.pop(f"route_{q.number}", None)
        or RouteQuestionForm(initial={"department": q.department}, prefix=f"q{q.number}")
        for q in questions
    }
    page_errors = [
        (f"{name}-errors", error)
        for name, form in (bound or {}).items()
        for error in _form_error_messages(form)
    ]
    context = {
        "case": case,
        "questions": [(q, route_forms[q.number]) for q in questions],
        "deadline": deadline,
        "explanation": deadline.explanation,
        "awaiting_clarification": paused_for_clarification,
        "stored_differs": (None if paused_for_clarification else deadline.due) != case.due_date,
        "clock_events": list(case.clock_events.all()),
        "timeline": AuditEvent.objects.filter(request=case)
        .select_related("actor")
        .order_by("-at", "-id"),
        "links": _links(case),
        "editable": editable,
        "can_reveal": can_edit_register(request.user),
        "revealed": revealed,
        "total_hours": sum(q.hours_spent or 0 for q in questions),
        "nav_section": "requests",
        "today": timezone.localdate(),
        "page_errors": page_errors,
        **page_forms,
    }
    response = render(request, "cases/case.html", context, status=status)
    if revealed is not None:
        response["Cache-Control"] = "no-store"
    return response


def _form_error_messages(form: forms.Form) -> list[str]:
    return [str(error) for errors in form.errors.values() for error in errors]


@login_required
def case_page(request: HttpRequest, slug: str) -> HttpResponse:
    return _render(request, _load(request, slug))


def _action(
    request: HttpRequest,
    slug: str,
    *,
    form_name: str,
    make_form: Callable[[Request], forms.Form],
    perform: Callable[[Request, dict], str],
) -> HttpResponse:
    """Validate one action's form, run its service, then redirect or show the errors."""
    case = _load(request, slug)
    if not can_edit_register(request.user):
        raise Http404("No such request")
    form = make_form(case)
    if form.is_valid():
        try:
            message = perform(case, form.cleaned_data)
        except RegisterError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, message)
            return redirect(case.get_absolute_url())
    return _render(request, _load(request, slug), bound={form_name: form}, status=400)


@login_required
@require_POST
def change_state(request: HttpRequest, slug: str) -> HttpResponse:
    def perform(case: Request, data: dict) -> str:
        request_transition(
            actor=request.user, request=case, to_state=data["to_state"], reason=data["reason"]
        )
        return f"{case.reference} is now {RequestState(data['to_state']).label.lower()}"

    return _action(
        request,
        slug,
        form_name="state_form",
        make_form=lambda case: StateChangeForm(request.POST, state=case.state),
        perform=perform,
    )


@login_required
@require_POST
def record_clock_event(request: HttpRequest, slug: str) -> HttpResponse:
    def perform(case: Request, data: dict) -> str:
        event = clock_event_record(
            actor=request.user,
            request=case,
            kind=data["kind"],
            on=data["on"],
            extended_to=data["extended_to"],
            note=data["note"],
        )
        case.refresh_from_db()
        due = case.due_date.strftime("%-d %B %Y") if case.due_date else "paused"
        return f"{event.get_kind_display()} recorded. Due date: {due}"

    return _action(
        request,
        slug,
        form_name="clock_form",
        make_form=lambda case: ClockEventForm(request.POST),
        perform=perform,
    )


@login_required
@require_POST
def assign(request: HttpRequest, slug: str) -> HttpResponse:
    def perform(case: Request, data: dict) -> str:
        request_assign(actor=request.user, request=case, officer=data["officer"])
        return f"{case.reference} assigned to {data['officer'] or 'nobody'}"

    return _action(
        request,
        slug,
        form_name="assign_form",
        make_form=lambda case: AssignForm(request.POST),
        perform=perform,
    )


@login_required
@require_POST
def change_regime(request: HttpRequest, slug: str) -> HttpResponse:
    def perform(case: Request, data: dict) -> str:
        request_change_regime(
            actor=request.user, request=case, regime=data["regime"], reason=data["reason"]
        )
        return f"{case.reference} is handled under {case.get_regime_display()}"

    return _action(
        request,
        slug,
        form_name="regime_form",
        make_form=lambda case: RegimeForm(request.POST),
        perform=perform,
    )


@login_required
@require_POST
def route_question(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    def perform(case: Request, data: dict) -> str:
        question = case.questions.filter(number=number).first()
        if question is None:
            raise RegisterError(f"{case.reference} has no question {number}")
        question_route(actor=request.user, question=question, department=data["department"])
        return f"Question {number} routed to {data['department'] or 'nobody'}"

    return _action(
        request,
        slug,
        form_name=f"route_{number}",
        make_form=lambda case: RouteQuestionForm(request.POST, prefix=f"q{number}"),
        perform=perform,
    )


@login_required
@require_POST
def link_request(request: HttpRequest, slug: str) -> HttpResponse:
    def perform(case: Request, data: dict) -> str:
        other = requests_visible_to(request.user).filter(reference=data["reference"].strip())
        if not other.exists():
            raise RegisterError(f"There is no request {data['reference'].strip()}")
        request_link(actor=request.user, request=case, other=other.get(), kind=data["kind"])
        return f"Linked to {data['reference'].strip()}"

    return _action(
        request,
        slug,
        form_name="link_form",
        make_form=lambda case: LinkForm(request.POST),
        perform=perform,
    )


@login_required
@require_POST
def reveal_requester(request: HttpRequest, slug: str) -> HttpResponse:
    """Show who asked, on this response only (never in an address), and record it."""
    case = _load(request, slug)
    if not can_edit_register(request.user):
        raise Http404("No such request")
    form = RevealForm(request.POST)
    if form.is_valid():
        try:
            requester = requester_reveal(
                actor=request.user,
                request=case,
                purpose=form.cleaned_data["purpose"],
                note=form.cleaned_data["note"],
            )
        except RegisterError as exc:
            form.add_error(None, str(exc))
        else:
            return _render(request, _load(request, slug), revealed=requester)
    return _render(request, case, bound={"reveal_form": form}, status=400)
