"""Log a request: an FOI officer enters a new request in two steps, then acknowledges it.

1. The request as received (pasted, or an ``.eml`` file), when and how it came, and who sent it.
2. The proposed questions (``intake.splitting``) for the officer to edit, remove, add to and
   route, with the details again; "Save request" calls ``services.request_create``.

Then the page redirects to itself with ``?logged=<slug>`` (post/redirect/get) and shows the
reference with an acknowledgement ready to copy. Nothing is kept on the server between the
steps: step 2 carries the request text in a hidden field, so the page works without
JavaScript and without a session. It also carries a one-time key made by step 1, stored with
the request: saving the same step 2 again (a double click, a resent form) leads to the request
already logged rather than logging it under a second reference.

The requester's details are personal data: they are never logged, and the POST parameters are
marked sensitive so that an error report could not carry them either.
"""

import re
import secrets
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.forms import BaseForm, BaseFormSet, BoundField, MultiWidget, RadioSelect
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters

from foidesk.audit.models import AuditEvent
from foidesk.intake.splitting import (
    EmptyRequestText,
    ProposedSplit,
    normalise_whitespace,
    propose_questions,
)
from foidesk.law.deadlines import ClockInputError
from foidesk.law.regimes import Regime

from ..access import can_edit_register, requests_visible_to
from ..forms import SaveRequestForm, StartRequestForm, one_line, question_formset
from ..models import Authority, Channel, Request
from ..services import (
    AlreadyLogged,
    NewQuestion,
    NewRequester,
    RegisterError,
    request_create,
)

STEP_START = "start"
STEP_QUESTIONS = "questions"

_PERSONAL_FIELDS = (
    "request_text",
    "requester_name",
    "requester_email",
    "requester_phone",
    "requester_address",
    "requester_organisation",
    "email_subject",
    "email_notes",
    "email_attachments",
)


@sensitive_post_parameters(*_PERSONAL_FIELDS)
@login_required
def new_request(request: HttpRequest) -> HttpResponse:
    """The "Log a request" page; FOI officers only (everyone else gets the same 404)."""
    if not can_edit_register(request.user):
        raise Http404("No such page")
    if request.method == "POST":
        if request.POST.get("step") == STEP_QUESTIONS:
            return _save(request)
        return _propose(request)
    if "logged" in request.GET:
        return _logged(request, request.GET["logged"])
    form = StartRequestForm(
        initial={"channel": Channel.EMAIL, "regime": Authority.current().default_regime}
    )
    return _render_start(request, form)


# --- step 1: the request as received -------------------------------------------------------


def _propose(request: HttpRequest) -> HttpResponse:
    form = StartRequestForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_start(request, form, status=400)
    data = form.cleaned_data
    parsed = form.email()
    try:
        split = propose_questions(data["request_text"])
    except EmptyRequestText:
        if parsed is not None:
            form.add_error("email_file", "The selected file cannot be used. Its text is empty.")
        else:
            form.add_error("request_text", "Paste the request, or upload the email")
        return _render_start(request, form, status=400)
    subject = one_line(parsed.subject) if parsed else ""
    initial = {
        name: data.get(name)
        for name in (
            "channel",
            "regime",
            "received_on",
            "received_time",
            "requester_name",
            "requester_email",
            "requester_phone",
            "requester_address",
            "requester_organisation",
            "request_text",
        )
    }
    initial.update(
        email_subject=subject,
        email_attachments="\n".join(map(one_line, parsed.attachments)) if parsed else "",
        email_notes="\n".join(map(one_line, parsed.notes)) if parsed else "",
        title=suggest_title(subject, split),
        assigned_officer=request.user.pk,
        intake_key=secrets.token_urlsafe(24),
    )
    questions = [{"text": q.text, "context": q.context} for q in split.questions]
    return _render_questions(
        request,
        SaveRequestForm(initial=initial),
        question_formset(initial=questions),
        split,
        initial,
    )


def _render_start(request: HttpRequest, form: StartRequestForm, status: int = 200):
    return render(
        request,
        "cases/new_request.html",
        {
            "step": STEP_START,
            "form": form,
            "errors": (errors := error_list(form)),
            "error_title": bool(errors),
            "nav_section": "new",
        },
        status=status,
    )


# --- step 2: the questions -----------------------------------------------------------------


def _save(request: HttpRequest) -> HttpResponse:
    form = SaveRequestForm(request.POST)
    formset = question_formset(data=request.POST)
    form_valid, formset_valid = form.is_valid(), formset.is_valid()
    split = _split_or_none(form.cleaned_data.get("request_text", ""))
    if split is None and not form.has_error("request_text"):
        form.add_error(
            "request_text", "The request text is missing: start again and paste the request"
        )
    if form_valid and formset_valid and split is not None:
        data = form.cleaned_data
        try:
            created = request_create(
                actor=request.user,
                title=data["title"],
                received_at=form.received_at(),
                regime=data["regime"],
                channel=data["channel"],
                request_text=request_text_to_store(data["request_text"], split),
                requester=NewRequester(**form.requester_fields()),
                questions=[
                    NewQuestion(
                        text=q.cleaned_data["text"],
                        context=q.cleaned_data.get("context", ""),
                        department=q.cleaned_data.get("department"),
                    )
                    for q in formset.kept()
                ],
                assigned_officer=data.get("assigned_officer"),
                reference=data.get("reference") or None,
                intake_key=data.get("intake_key") or None,
            )
        except AlreadyLogged as exc:
            return redirect(_logged_address(exc.request))
        except RegisterError as exc:
            message = str(exc)
            form.add_error("reference" if message.startswith("Reference") else None, message)
        except ClockInputError as exc:
            form.add_error(None, f"The response date cannot be worked out: {exc}")
        else:
            return redirect(_logged_address(created))
    return _render_questions(request, form, formset, split, status=400)


def _logged_address(logged: Request) -> str:
    return f"{reverse('cases:new')}?{urlencode({'logged': logged.slug})}"


def _split_or_none(text: str) -> ProposedSplit | None:
    try:
        return propose_questions(text)
    except EmptyRequestText:
        return None


def _render_questions(
    request: HttpRequest,
    form: SaveRequestForm,
    formset: BaseFormSet,
    split: ProposedSplit | None,
    initial: dict | None = None,
    status: int = 200,
) -> HttpResponse:
    source = initial if initial is not None else form.data

    def carried(name: str) -> list[str]:
        return [line for line in (source.get(name) or "").split("\n") if line.strip()]

    return render(
        request,
        "cases/new_request.html",
        {
            "step": STEP_QUESTIONS,
            "form": form,
            "formset": formset,
            "split": split,
            "email_notes": carried("email_notes"),
            "email_attachments": carried("email_attachments"),
            "request_text": normalise_whitespace(source.get("request_text") or ""),
            "errors": (errors := error_list(form, formset)),
            "error_title": bool(errors),
            "nav_section": "new",
        },
        status=status,
    )


# --- after saving: the reference and an acknowledgement ------------------------------------


def _logged(request: HttpRequest, slug: str) -> HttpResponse:
    """The confirmation, shown only to the officer who logged the request.

    It addresses the requester by name; staff pages are otherwise applicant-blind (a name is
    shown only through a recorded reveal), so this page must not become a way round that.
    """
    logged = get_object_or_404(
        requests_visible_to(request.user).select_related("requester"), slug=slug
    )
    logged_it = AuditEvent.objects.filter(
        event_type="request.created", request=logged, actor=request.user
    ).exists()
    if not logged_it:
        raise Http404("No such request")
    authority = Authority.current()
    return render(
        request,
        "cases/new_request.html",
        {
            "step": "logged",
            "logged": logged,
            "regime": Regime(logged.regime),
            "acknowledgement": acknowledgement(logged, authority_name=authority.name),
            "nav_section": "new",
        },
    )


def acknowledgement(request: Request, *, authority_name: str) -> str:
    """The text of an acknowledgement, for the officer to send to the requester.

    It names the law, the reference and the latest date for the response. FOIA s10(1) and
    FOISA s10(1) require a response "promptly" and by the 20th working day; EIR reg 5(2) "as
    soon as possible" and by the same day. The date is the stored ``due_date``.
    """
    regime = Regime(request.regime)
    received_on = timezone.localtime(request.received_at).date()
    lines = [
        f"Dear {request.requester.name},",
        "",
        f"Your request for information {request.reference}: {request.title}",
        "",
        f"Thank you for your request for information, which we received on "
        f"{_long_date(received_on)}. We are dealing with it under the {regime.full_name}.",
        "",
    ]
    if request.due_date is not None:
        manner = "as soon as possible" if regime is Regime.EIR else "promptly"
        lines += [
            f"We will respond {manner} and by {_long_date(request.due_date)} at the latest "
            "(20 working days).",
            "",
        ]
    lines += [
        f"Please quote the reference {request.reference} in anything you send us about this "
        "request.",
        "",
        "Yours sincerely,",
        "",
        authority_name,
    ]
    return "\n".join(lines)


def _long_date(day) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


# --- helpers -------------------------------------------------------------------------------

_SUBJECT_NOISE = re.compile(
    r"^(?:(?:re|fw|fwd|aw|tr)\s*:\s*|\[[^\]]*\]\s*|"
    r"(?:freedom\s+of\s+information|foi|foia|foisa|eir)(?:\s+request)?\s*(?:[-–—:|]\s*|$))",
    re.I,
)
TITLE_LENGTH = 100


def suggest_title(subject: str, split: ProposedSplit) -> str:
    """A first title: the email's subject without "Re:" or "FOI request -", else question 1."""
    title = " ".join(subject.split())
    while (shorter := _SUBJECT_NOISE.sub("", title, count=1).strip()) != title:
        title = shorter
    if not title and split.questions:
        title = " ".join(split.questions[0].text.split())
    return _shorten(title, TITLE_LENGTH)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–") + "…"


def request_text_to_store(text: str, split: ProposedSplit) -> str:
    """The request text as received, less the sign-off (it may name the requester).

    The sign-off is the last paragraphs of the text (``ProposedSplit.signoff``, lines joined
    back when an email client had wrapped them), so it is found by its words from the end.
    """
    normalised = normalise_whitespace(text)
    if not split.signoff:
        return normalised
    lines = normalised.split("\n")
    wanted = split.signoff.split()
    tail: list[str] = []
    for index in range(len(lines) - 1, -1, -1):
        tail[:0] = lines[index].split()
        if tail == wanted:
            return "\n".join(lines[:index]).strip()
        if len(tail) > len(wanted):
            break
    # Not found (should not happen): keep what the officer saw, and never the sign-off.
    parts = [split.preamble] if split.preamble else []
    for question in split.questions:
        parts.append(f"{question.number}. {question.text}")
        if question.context:
            parts.append(question.context)
    return "\n\n".join(parts)


def _anchor(field: BoundField) -> str:
    """Where an error summary link should land: the first box of a date or radio group."""
    if isinstance(field.field.widget, MultiWidget | RadioSelect):
        return f"{field.auto_id}_0"
    return field.auto_id


def error_list(form: BaseForm, formset: BaseFormSet | None = None) -> list[tuple[str, str]]:
    """Every error on the page as (anchor, message), in page order, for the error summary."""
    errors: list[tuple[str, str]] = []
    visible = form.visible_fields()
    first = _anchor(visible[0]) if visible else "main-content"
    hidden = {field.name for field in form.hidden_fields()}
    errors += [(first, message) for message in form.non_field_errors()]
    if formset is not None and formset.is_bound:
        errors += [("questions", message) for message in formset.non_form_errors()]
        for number, question in enumerate(formset.forms, start=1):
            if formset.can_delete and formset._should_delete_form(question):
                continue
            errors += [(f"question-{number}", message) for message in question.non_field_errors()]
            for field in question:
                errors += [(_anchor(field), message) for message in field.errors]
    for field in form:
        anchor = "request-as-received" if field.name in hidden else _anchor(field)
        errors += [(anchor, message) for message in field.errors]
    return errors
