"""Staff previews of the current draft response: as a page, a PDF and a Word document.

Each renders the draft as it stands (``compose.response_for``), so what the officer downloads
is what the checker checks and the decision maker approves. Access is the case's: anyone who
may open the request may preview its response; anyone else gets the same 404 as for a request
that does not exist. The documents hold no requester data (the structured response has none).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from foidesk.cases.access import request_for_user
from foidesk.cases.models import Request
from foidesk.law.response import Response, ResponseFormatError

from .. import compose
from ..documents import document_outline, render_docx, render_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _draft(request: HttpRequest, slug: str) -> tuple[Request, Response | ResponseFormatError]:
    case = request_for_user(request.user, slug)
    try:
        return case, compose.response_for(case)
    except ResponseFormatError as exc:
        return case, exc


def _invalid(request: HttpRequest, case: Request, error: ResponseFormatError) -> HttpResponse:
    """The draft is not yet a valid structured response: say what is wrong (HTTP 400)."""
    return render(
        request,
        "decisions/document_page.html",
        {"case": case, "errors": error.errors, "nav_section": "requests"},
        status=400,
    )


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_GET
@never_cache
@login_required
def preview_html(request: HttpRequest, slug: str) -> HttpResponse:
    """The draft response laid out as it will be sent, with links to the PDF and Word files."""
    case, draft = _draft(request, slug)
    if isinstance(draft, ResponseFormatError):
        return _invalid(request, case, draft)
    outline = document_outline(draft)
    return render(
        request,
        "decisions/document_page.html",
        {
            "case": case,
            "doc": outline,
            "nav_section": "requests",
            "pdf_name": f"{outline.filename_stem}.pdf",
            "docx_name": f"{outline.filename_stem}.docx",
        },
    )


@require_GET
@never_cache
@login_required
def preview_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    case, draft = _draft(request, slug)
    if isinstance(draft, ResponseFormatError):
        return _invalid(request, case, draft)
    stem = document_outline(draft).filename_stem
    return _download(render_pdf(draft), "application/pdf", f"{stem}.pdf")


@require_GET
@never_cache
@login_required
def preview_docx(request: HttpRequest, slug: str) -> HttpResponse:
    case, draft = _draft(request, slug)
    if isinstance(draft, ResponseFormatError):
        return _invalid(request, case, draft)
    stem = document_outline(draft).filename_stem
    return _download(render_docx(draft), DOCX_TYPE, f"{stem}.docx")
