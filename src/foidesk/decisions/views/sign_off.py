"""Four-eyes sign-off of the response: the FOI officer submits the draft (refused while the
checker finds errors), a decision maker approves it or sends it back, and the officer records
when the approved response was sent.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from foidesk.cases.access import request_for_officer, request_for_user
from foidesk.cases.models import Request
from foidesk.cases.services import RegisterError
from foidesk.law.response import ResponseFormatError

from .. import compose, selectors, services
from ..forms import ApproveForm, RecordSentForm, SendBackForm, SubmitForm
from .response import is_decision_maker, run_action


@login_required
@require_POST
def submit(request: HttpRequest, slug: str) -> HttpResponse:
    """Send the draft for approval; refused while the checker finds errors in the draft."""
    case = request_for_officer(request.user, slug)

    def perform(data: dict[str, Any]) -> str:
        try:
            findings = compose.findings_for(case)
        except ResponseFormatError as exc:
            raise RegisterError("The draft cannot be checked: " + "; ".join(exc.errors)) from exc
        blockers = selectors.blocking(findings)
        if blockers:
            raise RegisterError(
                f"The checker found {len(blockers)} error{'s' if len(blockers) != 1 else ''} "
                "in the draft: put them right before asking for approval. "
                + " ".join(f.message for f in blockers)
            )
        version = services.response_submit(actor=request.user, request=case, note=data["note"])
        return f"Version {version.number} sent for approval"

    return run_action(
        request,
        case,
        form_name="submit",
        form=SubmitForm(request.POST, prefix="submit"),
        perform=perform,
        anchor="sign-off",
    )


def _decider_case(request: HttpRequest, slug: str) -> Request:
    case = request_for_user(request.user, slug)
    if not is_decision_maker(request.user):
        raise Http404("No such request")
    return case


@login_required
@require_POST
def approve(request: HttpRequest, slug: str) -> HttpResponse:
    case = _decider_case(request, slug)

    def perform(data: dict[str, Any]) -> str:
        version = services.response_approve(
            actor=request.user, request=case, note=data["note"], version_shown=data["version"]
        )
        return f"Version {version.number} approved"

    return run_action(
        request,
        case,
        form_name="approve",
        form=ApproveForm(request.POST, prefix="approve"),
        perform=perform,
        anchor="sign-off",
    )


@login_required
@require_POST
def send_back(request: HttpRequest, slug: str) -> HttpResponse:
    case = _decider_case(request, slug)

    def perform(data: dict[str, Any]) -> str:
        version = services.response_send_back(
            actor=request.user, request=case, reasons=data["reasons"], version_shown=data["version"]
        )
        return f"Version {version.number} sent back to the FOI officer"

    return run_action(
        request,
        case,
        form_name="send_back",
        form=SendBackForm(request.POST, prefix="send-back"),
        perform=perform,
        anchor="sign-off",
    )


@login_required
@require_POST
def record_sent(request: HttpRequest, slug: str) -> HttpResponse:
    """Record the approved response as sent; refused if nothing is approved, if the draft
    changed after approval, if the page showed a version that is no longer the latest, or for
    a day before the approval."""
    case = request_for_officer(request.user, slug)

    def perform(data: dict[str, Any]) -> str:
        services.response_record_sent(
            actor=request.user,
            request=case,
            sent_on=data["sent_on"],
            version_shown=data["version"],
        )
        return f"{case.reference} recorded as sent on {data['sent_on']:%-d %B %Y}"

    return run_action(
        request,
        case,
        form_name="record_sent",
        form=RecordSentForm(request.POST, prefix="sent"),
        perform=perform,
        anchor="sign-off",
    )
