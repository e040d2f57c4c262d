"""The open data API: the log's list with the same filters as the page, and each entry.

Read only, no key needed, JSON built from ``public`` (never from model fields). Described by
the OpenAPI document at ``/api/v1/openapi.json`` (``openapi.py``), which the tests check the
API against.
"""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from .. import openapi, public, selectors
from ..forms import ApiSearchForm
from .log import search_form

# The API is read only: ``require_safe`` answers GET and HEAD (HTTP requires HEAD wherever
# GET is served: RFC 9110, section 9.1) and every other method with 405 Method Not Allowed.
# ``csrf_exempt`` lets it, rather than the CSRF check's 403 (there is no session or form to
# protect), so a client sending POST is told which methods there are.
API_HEADERS = {"Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff"}


def _json(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in API_HEADERS.items():
        response[name] = value
    return response


def _page_url(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{reverse('disclosure:api-entries')}?{query.urlencode()}")


@csrf_exempt
@require_safe
def entries(request: HttpRequest) -> JsonResponse:
    form = search_form(request, ApiSearchForm)
    if not form.is_valid():
        return _json(
            {
                "error": "The search could not be run",
                "errors": {name: [str(e) for e in errs] for name, errs in form.errors.items()},
            },
            status=400,
        )
    page_size = form.cleaned_data.get("page_size") or selectors.PAGE_SIZE
    page = selectors.log_page(form.filters(), page=form.page_number, page_size=page_size)
    if page.page > page.pages:  # as the log page does: past the last page is no page
        return _json(
            {"error": f"There is no such page of results: the last is page {page.pages}"},
            status=404,
        )
    absolute = request.build_absolute_uri
    return _json(
        {
            "count": page.total,
            "page": page.page,
            "page_size": page.page_size,
            "pages": page.pages,
            "next": _page_url(request, page.page + 1) if page.has_next else None,
            "previous": _page_url(request, page.page - 1) if page.has_previous else None,
            "results": [public.entry_summary(e, absolute) for e in page.entries],
        }
    )


#: What an entry's address can be (Django's slug); anything else is no entry.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@csrf_exempt
@require_safe
def entry(request: HttpRequest, slug: str) -> JsonResponse:
    try:
        if not SLUG.fullmatch(slug):
            raise Http404("Not an entry's address")
        publication = selectors.entry(slug)
    except Http404:
        return _json({"error": "No such entry in the disclosure log"}, status=404)
    if publication.slug != slug:
        # "190a-23": the one entry it can only mean, at its own address.
        return redirect(
            reverse("disclosure:api-entry", kwargs={"slug": publication.slug}), permanent=True
        )
    return _json(
        public.entry_detail(
            publication, request.build_absolute_uri, selectors.versions(publication)
        )
    )


@csrf_exempt
@require_safe
def schema(request: HttpRequest) -> JsonResponse:
    return _json(
        openapi.document(
            server=request.build_absolute_uri("/")[:-1], options=selectors.facet_options()
        )
    )


@csrf_exempt
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other address under /api/v1/, and /api/v1/ itself: a JSON 404, as the document
    promises, not a page."""
    return _json({"error": "No such address in the API"}, status=404)
