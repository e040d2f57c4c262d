"""The paragraph library: reusable, versioned harm and public interest reasoning.

Register roles read it; FOI officers add paragraphs and save new versions (earlier versions
stay, so a response keeps the words it used). Each paragraph shows where it was used.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from foidesk.cases.access import can_edit_register, sees_register
from foidesk.cases.models import Authority
from foidesk.cases.services import RegisterError

from .. import selectors, services
from ..forms import LibraryParagraphForm, LibrarySearchForm
from .response import error_links


def _reader(request: HttpRequest) -> None:
    if not sees_register(request.user):
        raise Http404("No such page")


def _editor(request: HttpRequest) -> None:
    if not can_edit_register(request.user):
        raise Http404("No such page")


def _render_list(
    request: HttpRequest, *, create_form: LibraryParagraphForm | None = None, status: int = 200
) -> HttpResponse:
    regime = Authority.current().default_regime
    search = LibrarySearchForm(request.GET or None, regime=regime)
    entries: list[selectors.LibraryEntry] = []
    library = selectors.library_paragraphs()
    if search.is_bound:
        if search.is_valid():
            found = selectors.filter_library(
                library,
                provisions=search.cleaned_data["provision"],
                topic=search.cleaned_data["topic"],
                section=search.cleaned_data["section"],
            )
            entries = selectors.with_usages(found)
        else:
            status = max(status, 400)
    else:
        entries = selectors.with_usages(library)
    form = create_form or LibraryParagraphForm(prefix="new", regime=regime)
    page_errors = error_links(form, "new-paragraph") if form.is_bound else []
    page_errors += error_links(search, "search") if search.is_bound else []
    context = {
        "search": search,
        "entries": entries,
        "total": len(library),
        "create_form": form,
        "can_edit": can_edit_register(request.user),
        "page_errors": page_errors,
        "nav_section": "library",
    }
    return render(request, "decisions/library.html", context, status=status)


@login_required
def library(request: HttpRequest) -> HttpResponse:
    _reader(request)
    return _render_list(request)


@login_required
@require_POST
def library_create(request: HttpRequest) -> HttpResponse:
    _editor(request)
    regime = Authority.current().default_regime
    form = LibraryParagraphForm(request.POST, prefix="new", regime=regime)
    if form.is_valid():
        data = form.cleaned_data
        try:
            paragraph = services.library_paragraph_save(
                actor=request.user,
                key=data["key"],
                written_for=data["written_for"],
                topic=data["topic"],
                section=data["section"],
                text=data["text"],
            )
        except RegisterError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Library paragraph {paragraph.library_id} saved")
            return redirect(reverse("decisions:library-paragraph", kwargs={"key": paragraph.key}))
    return _render_list(request, create_form=form, status=400)


def _render_paragraph(
    request: HttpRequest, key: str, *, form: LibraryParagraphForm | None = None, status: int = 200
) -> HttpResponse:
    versions = selectors.paragraph_versions(key)
    if not versions:
        raise Http404("No such library paragraph")
    current = next((v for v in versions if v.is_current), versions[0])
    usages = selectors.library_usages([key]).get(key, [])
    entry = selectors.LibraryEntry(current, usages)
    if form is None:
        form = LibraryParagraphForm(
            prefix="version",
            new=False,
            regime=Authority.current().default_regime,
            initial={
                "based_on": current.version,
                "topic": current.topic,
                "section": current.section,
                "written_for": ", ".join(current.written_for),
                "text": current.text,
            },
        )
    context = {
        "key": key,
        "current": current,
        "entry": entry,
        "versions": versions,
        "usages": usages,
        "form": form,
        "can_edit": can_edit_register(request.user),
        "page_errors": error_links(form, "new-version") if form.is_bound else [],
        "nav_section": "library",
    }
    return render(request, "decisions/library_paragraph.html", context, status=status)


@login_required
def library_paragraph(request: HttpRequest, key: str) -> HttpResponse:
    """One paragraph: its versions, where it was used, and (for officers) a new version."""
    _reader(request)
    if request.method != "POST":
        return _render_paragraph(request, key)
    _editor(request)
    if not selectors.paragraph_versions(key):
        raise Http404("No such library paragraph")
    form = LibraryParagraphForm(
        request.POST, prefix="version", new=False, regime=Authority.current().default_regime
    )
    if form.is_valid():
        data = form.cleaned_data
        before = selectors.paragraph_versions(key)[0].version
        try:
            paragraph = services.library_paragraph_save(
                actor=request.user,
                key=key,
                written_for=data["written_for"],
                topic=data["topic"],
                section=data["section"],
                text=data["text"],
                based_on=data["based_on"],
            )
        except RegisterError as exc:
            form.add_error(None, str(exc))
        else:
            if paragraph.version > before:
                messages.success(request, f"Version {paragraph.version} saved")
            else:
                messages.success(
                    request, f"Nothing changed: version {paragraph.version} is still current"
                )
            return redirect(reverse("decisions:library-paragraph", kwargs={"key": key}))
    return _render_paragraph(request, key, form=form, status=400)
