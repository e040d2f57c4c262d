"""The public disclosure log: the list with search and filters, an entry, its attachments and
the CSV export. No sign-in and no JavaScript needed; everything is read through
``selectors``, which sees published entries only.

Each page answers GET and HEAD (``require_safe``): HTTP requires a server to support HEAD
wherever it supports GET (RFC 9110, section 9.1), and link checkers, feed readers and
archiving crawlers ask with it before they fetch."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from foidesk.safety.delimited import spreadsheet_safe

from .. import public, selectors
from ..forms import LogSearchForm
from ..models import PublishedAttachment


class _Window:
    """The current page's entries standing in for the whole result list, so Django's
    ``Paginator`` (and the shared pagination partial) can number the pages."""

    def __init__(self, page: selectors.LogPage) -> None:
        self.page = page

    def count(self) -> int:
        return self.page.total

    def __len__(self) -> int:
        return self.page.total

    def __getitem__(self, item: slice) -> list:
        return self.page.entries


_CHOICES = ("year", "topic", "provision")


def search_form(request: HttpRequest, form_class=LogSearchForm) -> LogSearchForm:
    """The search as asked. A year, topic or provision not among the cached choices is
    checked once more against fresh ones: another server process may have just published
    the first entry with it."""
    form = form_class(request.GET, options=selectors.facet_options())
    if not form.is_valid() and any(name in form.errors for name in _CHOICES):
        form = form_class(request.GET, options=selectors.facet_options(fresh=True))
    return form


@require_safe
def log(request: HttpRequest) -> HttpResponse:
    """The log: newest first, or best match first for a search."""
    form = search_form(request)
    if not form.is_valid():
        return render(
            request,
            "disclosure/log.html",
            {"form": form, "nav_section": "log", "results": None},
            status=400,
        )
    filters = form.filters()
    page = selectors.log_page(filters, page=form.page_number)
    if form.page_number > page.pages:
        raise Http404("There is no such page of results")
    paginator = Paginator(_Window(page), page.page_size)
    page_obj = paginator.page(page.page)
    query = filters.as_query()
    return render(
        request,
        "disclosure/log.html",
        {
            "form": form,
            "nav_section": "log",
            "results": [(entry, selectors.snippet(entry, page.words)) for entry in page.entries],
            "page": page,
            "page_obj": page_obj,
            "page_range": paginator.get_elided_page_range(page.page, on_each_side=2, on_ends=1),
            "filters": filters,
            "query": query,
        },
    )


@require_safe
def entry(request: HttpRequest, slug: str, version: int | None = None) -> HttpResponse:
    """An entry in the seed's shape: title and reference, request, response, attachments.

    One address for each: an address typed in another case ("190a-23") or a version number
    written otherwise ("versions/01/") is sent on, permanently, to the entry's own address. (A
    version's own address stays its own while it is the current one: it will show that
    version when a correction follows.)"""
    publication = selectors.entry(slug, version)
    own = (
        reverse("disclosure:entry", kwargs={"slug": publication.slug})
        if version is None
        else reverse(
            "disclosure:entry-version",
            kwargs={"slug": publication.slug, "version": publication.version},
        )
    )
    if request.path != own:
        return redirect(own, permanent=True)
    from foidesk.decisions.documents import render_html

    return render(
        request,
        "disclosure/entry.html",
        {
            "entry": publication,
            "document": render_html(publication.snapshot, fragment=True),
            "versions": selectors.versions(publication),
            "attachments": [
                (a, public.attachment_url(publication, a)) for a in publication.attachments.all()
            ],
            "nav_section": "log",
        },
    )


@require_safe
def attachment(request: HttpRequest, slug: str, version: int, pk: int) -> FileResponse:
    """A published copy of an attachment, as it went out."""
    publication = selectors.entry(slug, version)
    item = get_object_or_404(PublishedAttachment, pk=pk, publication=publication)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as exc:
        # The record outlived its file (a restore without the media folder): say so, as the
        # staff download does, rather than fail.
        raise Http404("The attached file is missing") from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=item.name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    """Every entry a search matches, as CSV (streamed, so a large export stays small in
    memory). Cells that a spreadsheet would run as formulas are escaped."""
    form = search_form(request)
    if not form.is_valid():
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        return HttpResponse(f"Cannot export: {errors}\n", status=400, content_type="text/plain")
    matching = selectors.all_matching(form.filters())
    absolute = request.build_absolute_uri
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        yield writer.writerow(public.CSV_COLUMNS)
        entries = (
            matching.prefetch_related("topics").iterator(chunk_size=2000)
            if hasattr(matching, "iterator")
            else iter(matching)
        )
        for publication in entries:
            yield writer.writerow(
                [spreadsheet_safe(v) for v in public.csv_row(publication, absolute)]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="disclosure-log.csv"'
    return response
