"""The import pages: the history of runs, a run with its failures, and the imported records.

Staff pages for the register roles (``foidesk.cases.access.sees_register``); a department
contact is sent to their questions, anyone else gets 403. Views read through ``selectors``;
imports are written only by ``foidesk import-log``, and an FOI officer's check of a record (with
its corrections) only by ``services.imported_record_check``.
"""

from functools import wraps
from urllib.parse import parse_qsl

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, QueryDict, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.datastructures import MultiValueDict
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from foidesk.accounts.models import Role
from foidesk.cases.access import can_edit_register, sees_register
from foidesk.disclosure.selectors import LogFilters, log_page

from .corrections import CorrectionError, corrected_questions, describe, unapplied
from .forms import RecordCheckForm, RecordSearchForm
from .models import Outcome
from .selectors import (
    authorities_for_filter,
    checked_tally,
    checks_of,
    failures_of,
    record_for_user,
    record_search,
    run_for_user,
    runs_visible_to,
    to_check_first,
)
from .services import imported_record_check

RUNS_PER_PAGE = 50
RECORDS_PER_PAGE = 50
OWN_ANSWERS_SHOWN = 5
FAILURES_PER_PAGE = 100
AUTHORITIES_TALLIED = 50
OUTCOME_LABELS = dict(Outcome.choices)


def _page(paginator: Paginator, request: HttpRequest) -> Page:
    """The page asked for, clamped into range with a message (as the case list does)."""
    asked = request.GET.get("page", "").strip()
    try:
        number = int(asked) if asked else 1
    except ValueError:
        messages.info(request, "The page number was not a number: showing page 1")
        return paginator.page(1)
    if number < 1:
        messages.info(request, "Pages start at 1: showing page 1")
        return paginator.page(1)
    if number > paginator.num_pages:
        messages.info(request, f"There are only {paginator.num_pages} pages: showing the last")
        return paginator.page(paginator.num_pages)
    return paginator.page(number)


def _forbidden(reason: str) -> HttpResponse:
    """A 403 saying why, returned rather than raised: Django logs a raised
    ``PermissionDenied`` with its traceback, as if something had gone wrong, where a refusal
    is routine. A returned 403 is still logged, as the one line "Forbidden: <address>"."""
    return HttpResponse(reason, status=403)


def _takes_a_large_form(most_fields: int):
    """Let a view take a form of up to ``most_fields`` values, where the site takes
    ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` (1,000 by default), still protected from cross-site
    requests.

    CSRF protection reads the form before the view does (``CsrfViewMiddleware``), and Django
    refuses a form of more values than the site takes with a bare "Bad Request (400)": the check
    form of a record with more than about 330 questions has more. So the view is exempt from the
    middleware; the form is read here, within the view's own bound, and the view is then
    protected as the middleware would protect it (``csrf_protect``). A form past the bound,
    larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` or unreadable is refused with a 400 saying
    why. Browsers send the check form URL-encoded; a form sent any other way is read by Django,
    within the site's own limits.
    """

    def decorate(view):
        protected = csrf_protect(view)

        @wraps(view)
        def read_then_protect(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                try:
                    _read_form(request, most_fields)
                except TooManyFieldsSent:
                    return _refused(
                        "Nothing was saved: the form sent more values than this page takes. "
                        "Open the page again and make your changes there."
                    )
                except RequestDataTooBig:
                    most = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
                    return _refused(
                        f"Nothing was saved: the form was larger than the {most} a form may send. "
                        "Go back and shorten what you wrote."
                    )
                except (MultiPartParserError, SuspiciousOperation):
                    return _refused(
                        "Nothing was saved: the form could not be read. "
                        "Open the page again and make your changes there."
                    )
                except UnreadablePostError:
                    return _refused(
                        "Nothing was saved: the form did not arrive whole. "
                        "Open the page again and make your changes there."
                    )
            return protected(request, *args, **kwargs)

        return csrf_exempt(read_then_protect)

    return decorate


def _read_form(request: HttpRequest, most_fields: int) -> None:
    """Read a URL-encoded form of up to ``most_fields`` values (or as many as the site takes,
    if more) into ``request.POST``, as Django would, with no files (so that reading
    ``request.FILES`` does not read the form again within the site's bound); raises
    ``TooManyFieldsSent`` past that, and ``UnreadablePostError`` when the body cannot be read
    (the browser went away while sending it)."""
    if request.content_type != "application/x-www-form-urlencoded":
        request.POST  # noqa: B018 - read by Django, within the site's limits
        return
    site = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    bound = None if site is None else max(site, most_fields)
    body = request.body  # raises RequestDataTooBig past DATA_UPLOAD_MAX_MEMORY_SIZE
    try:
        text = body.decode()
    except UnicodeDecodeError:
        text = body.decode("iso-8859-1")  # as Django reads a misbehaving browser's form
    try:
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=bound)
    except ValueError as exc:
        raise TooManyFieldsSent(f"The form sent more than {bound} values") from exc
    form = QueryDict(mutable=True)
    for name, value in pairs:
        form.appendlist(name, value)
    request.POST = form
    request._files = MultiValueDict()


def _refused(reason: str) -> HttpResponse:
    return HttpResponse(reason, status=400, content_type="text/plain; charset=utf-8")


def _gate(request: HttpRequest) -> HttpResponse | None:
    """Register roles only: department contacts go to their questions, others get 403."""
    if sees_register(request.user):
        return None
    if request.user.role == Role.DEPARTMENT_CONTACT:
        return redirect("cases:my-questions")
    return _forbidden("The import pages are for the FOI team.")


def _tallies() -> dict[str, object]:
    tallies = checked_tally()
    return {
        "tally": tallies.overall,
        "authority_tallies": tallies.by_authority[:AUTHORITIES_TALLIED],
        "authorities_not_shown": max(0, len(tallies.by_authority) - AUTHORITIES_TALLIED),
    }


@login_required
def run_list(request: HttpRequest) -> HttpResponse:
    if (response := _gate(request)) is not None:
        return response
    paginator = Paginator(runs_visible_to(request.user), RUNS_PER_PAGE)
    page = _page(paginator, request)
    return render(
        request,
        "imports/run_list.html",
        {
            **_tallies(),
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
            "nav_section": "imports",
        },
    )


@login_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if (response := _gate(request)) is not None:
        return response
    run = run_for_user(request.user, pk)
    paginator = Paginator(failures_of(run), FAILURES_PER_PAGE)
    page = _page(paginator, request)
    return render(
        request,
        "imports/run_detail.html",
        {
            "run": run,
            "to_check_first": to_check_first(run),
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
            "nav_section": "imports",
        },
    )


@login_required
def record_list(request: HttpRequest) -> HttpResponse:
    if (response := _gate(request)) is not None:
        return response
    form = RecordSearchForm(request.GET, authorities=authorities_for_filter())
    valid = form.is_valid()
    records = record_search(request.user, form.filters())
    paginator = Paginator(records, RECORDS_PER_PAGE)
    page = _page(paginator, request)
    # Our own published answers to the same words, beside the other authorities' ones.
    q = form.cleaned_data.get("q", "") if valid else ""
    own = log_page(LogFilters(q=q), page_size=OWN_ANSWERS_SHOWN) if q.strip() else None
    return render(
        request,
        "imports/record_list.html",
        {
            "form": form,
            "own": own,
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
            "outcome_labels": OUTCOME_LABELS,
            "nav_section": "imports",
        },
        status=200 if valid else 400,
    )


@login_required
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if (response := _gate(request)) is not None:
        return response
    record = record_for_user(request.user, pk)
    extracted = record.extracted or {}
    questions = [
        {
            "q": q,
            "outcome_label": OUTCOME_LABELS.get(q.outcome or "", "Not visible"),
            "read_label": OUTCOME_LABELS.get(q.read_outcome or "", "Not visible"),
        }
        for q in corrected_questions(extracted, record.corrections)
    ]
    return render(
        request,
        "imports/record_detail.html",
        {
            "record": record,
            "questions": questions,
            "read": extracted.get("record", {}),
            "read_count": len(extracted.get("questions", [])),
            "unapplied": unapplied(extracted, record.corrections),
            "can_check": can_edit_register(request.user),
            "checks": [
                {
                    "at": event.at,
                    "by": event.actor,
                    "corrected": describe(event.detail.get("corrections") or {}),
                    "note": event.detail.get("note", ""),
                }
                for event in checks_of(record)
            ],
            "notes": extracted.get("notes", []),
            "check_notes": extracted.get("check_notes", []),
            "attachments": extracted.get("attachments", []),
            "dates": extracted.get("dates", {}),
            "outcome_label": OUTCOME_LABELS.get(record.overall_outcome, "Not visible"),
            "nav_section": "imports",
        },
    )


@login_required
@_takes_a_large_form(RecordCheckForm.most_fields())
def record_check(request: HttpRequest, pk: int) -> HttpResponse:
    """An FOI officer checks a record against its page and corrects what was misread.

    The record is looked up before the role is checked, so a record that does not exist is a
    404 for everyone: decision makers and read-only staff open every record's own page, so the
    404 tells them nothing they could not see already, and a 403 would suggest it exists.

    A record whose form could not be sent (too many questions, or words too long) says so in
    place of the form.
    """
    if (response := _gate(request)) is not None:
        return response
    record = record_for_user(request.user, pk)
    if not can_edit_register(request.user):
        return _forbidden("Only FOI officers check and correct imported records.")
    if request.method == "POST":
        form = RecordCheckForm(request.POST, record=record)
        if form.is_valid():
            try:
                record = imported_record_check(
                    actor=request.user,
                    record=record,
                    wanted=form.wanted(),
                    note=form.cleaned_data["note"].strip(),
                    reading=form.cleaned_data["reading"],
                    checked=form.cleaned_data["checked"],
                )
            except CorrectionError as exc:
                form.add_error(None, str(exc))
            else:
                fixed = len(record.corrections)
                messages.success(
                    request,
                    "Record checked"
                    + (": your corrections are shown" if fixed else ": it was read right"),
                )
                return redirect(record)
        status = 400
    else:
        form = RecordCheckForm(record=record)
        status = 200
    return render(
        request,
        "imports/record_check.html",
        {
            "record": record,
            "form": form,
            "unsendable": form.unsendable(),
            "nav_section": "imports",
        },
        status=status,
    )
