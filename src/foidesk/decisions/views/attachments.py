"""The response's attachments: add a file (scanned before it is kept), download it, remove it,
or clean it of what the scan found and can remove safely.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from foidesk.cases.access import request_for_officer, request_for_user
from foidesk.cases.models import Request

from .. import services
from ..forms import AttachmentForm
from ..models import ResponseAttachment
from .response import run_action


def _attachment(case: Request, pk: int) -> ResponseAttachment:
    attachment = case.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404("No such attachment")
    return attachment


@login_required
@require_POST
def attachment_add(request: HttpRequest, slug: str) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    numbers = list(case.questions.order_by("number").values_list("number", flat=True))
    form = AttachmentForm(request.POST, request.FILES, numbers=numbers)

    def perform(data: dict[str, Any]) -> str:
        attachment = services.attachment_add(
            actor=request.user,
            request=case,
            uploaded_file=data["file"],
            question_numbers=data["questions"],
        )
        return f"Attached {attachment.name}"

    return run_action(
        request, case, form_name="attachment", form=form, perform=perform, anchor="attachments"
    )


@login_required
def attachment_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """The attached file, for anyone who may read the request."""
    case = request_for_user(request.user, slug)
    attachment = _attachment(case, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The attached file is missing") from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )


@login_required
@require_POST
def attachment_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    attachment = _attachment(case, pk)

    def perform(data: dict[str, Any]) -> str:
        services.attachment_remove(actor=request.user, attachment=attachment)
        return f"Removed the attachment {attachment.name}"

    return run_action(
        request,
        case,
        form_name=f"attachment_{pk}",
        form=forms.Form(request.POST),
        perform=perform,
        anchor="attachments",
    )


@login_required
@require_POST
def attachment_clean(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Clean a file of what the scan found and can remove safely, then scan it again."""
    case = request_for_officer(request.user, slug)
    attachment = _attachment(case, pk)

    def perform(data: dict[str, Any]) -> str:
        cleaned = services.attachment_clean(actor=request.user, attachment=attachment)
        left = len(cleaned.scan_errors)
        return f"Cleaned {cleaned.name}" + (
            f": {left} problem{'s' if left != 1 else ''} still to fix" if left else ""
        )

    return run_action(
        request,
        case,
        form_name=f"attachment_{pk}",
        form=forms.Form(request.POST),
        perform=perform,
        anchor="attachments",
    )
