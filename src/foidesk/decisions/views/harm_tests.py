"""Actions on the response page's harm and public interest tests: start a test for a provision,
save its balance and conclusion, and write, edit, remove or take from the library the paragraphs
of its evidence of harm and factors for and against.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from foidesk.cases.access import request_for_officer
from foidesk.cases.models import Request

from .. import services
from ..forms import (
    LibraryAddForm,
    ParagraphAddForm,
    ParagraphEditForm,
    TestReasoningForm,
    TestStartForm,
)
from ..models import Section, TestKind, TestParagraph
from .response import PARAGRAPH_SECTIONS, paragraph_or_404, run_action, test_index, test_or_404


@login_required
@require_POST
def test_start(request: HttpRequest, slug: str) -> HttpResponse:
    case = request_for_officer(request.user, slug)

    def perform(data: dict[str, Any]) -> str:
        test = services.test_save(
            actor=request.user, request=case, provision=data["provision"], kind=data["kind"]
        )
        return f"Started the test for {test.provision} ({TestKind(test.kind).label.lower()})"

    return run_action(
        request,
        case,
        form_name="test_start",
        form=TestStartForm(request.POST),
        perform=perform,
        anchor="tests",
    )


@login_required
@require_POST
def test_reasoning(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    test = test_or_404(case, pk)

    def perform(data: dict[str, Any]) -> str:
        services.test_save(
            actor=request.user,
            request=case,
            provision=test.provision,
            kind=test.kind,
            balance=data["balance"],
            conclusion=data["conclusion"],
            shown=data["shown"] or None,
        )
        return f"Balance and conclusion saved for {test.provision}"

    return run_action(
        request,
        case,
        form_name=f"test_{pk}",
        form=TestReasoningForm(request.POST, prefix=f"test-{pk}"),
        perform=perform,
        anchor=f"test-{test_index(case, test)}-balance",
    )


@login_required
@require_POST
def paragraph_add(request: HttpRequest, slug: str, pk: int, section: str) -> HttpResponse:
    """Write a new paragraph into one section of a test."""
    case = request_for_officer(request.user, slug)
    test = test_or_404(case, pk)
    if section not in {s.value for s in PARAGRAPH_SECTIONS}:
        raise Http404("No such section")
    index = test_index(case, test)

    def perform(data: dict[str, Any]) -> str:
        services.test_paragraph_add(
            actor=request.user, test=test, section=section, text=data["text"]
        )
        return f"Paragraph added to {Section(section).label.lower()}"

    return run_action(
        request,
        case,
        form_name=f"add_{pk}_{section}",
        form=ParagraphAddForm(request.POST, prefix=f"add-{pk}-{section}"),
        perform=perform,
        anchor=f"test-{index}-add-{section}",
    )


@login_required
@require_POST
def paragraph_from_library(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Insert a library paragraph (the version shown) into a test."""
    case = request_for_officer(request.user, slug)
    test = test_or_404(case, pk)
    index = test_index(case, test)

    def perform(data: dict[str, Any]) -> str:
        library = data["library_paragraph"]
        services.test_paragraph_add(
            actor=request.user, test=test, section=data["section"], library_paragraph=library
        )
        return (
            f"Library paragraph {library.library_id} added to "
            f"{Section(data['section']).label.lower()}"
        )

    return run_action(
        request,
        case,
        form_name=f"lib_{pk}",
        form=LibraryAddForm(request.POST),
        perform=perform,
        anchor=f"test-{index}-library",
    )


@login_required
@require_POST
def paragraph_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    paragraph = paragraph_or_404(case, pk)
    anchor = _paragraph_anchor(case, paragraph)

    def perform(data: dict[str, Any]) -> str:
        services.test_paragraph_edit(
            actor=request.user, paragraph=paragraph, text=data["text"], shown=data["shown"] or None
        )
        return "Paragraph saved"

    return run_action(
        request,
        case,
        form_name=f"para_{pk}",
        form=ParagraphEditForm(request.POST, prefix=f"para-{pk}"),
        perform=perform,
        anchor=anchor,
    )


@login_required
@require_POST
def paragraph_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    paragraph = paragraph_or_404(case, pk)
    index = test_index(case, paragraph.test)

    def perform(data: dict[str, Any]) -> str:
        services.test_paragraph_remove(actor=request.user, paragraph=paragraph)
        return "Paragraph removed"

    return run_action(
        request,
        case,
        form_name=f"remove_{pk}",
        form=forms.Form(request.POST),
        perform=perform,
        anchor=f"test-{index}",
    )


def _paragraph_anchor(case: Request, paragraph: TestParagraph) -> str:
    siblings = list(
        paragraph.test.paragraphs.filter(section=paragraph.section)
        .order_by("order", "id")
        .values_list("pk", flat=True)
    )
    return (
        f"test-{test_index(case, paragraph.test)}-{paragraph.section}-"
        f"{siblings.index(paragraph.pk)}"
    )
