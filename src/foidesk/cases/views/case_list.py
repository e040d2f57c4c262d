"""The case list: the whole register, filtered, searched, sorted and a page at a time.

A GET form, so every view of the list is a link that can be bookmarked or shared. A bad value
in the form (an unknown state, a department that has gone) is never a server error: the page
answers 400 with the GOV.UK error summary and shows the list with that one filter left out. A
page number that is not a number, or past the end, is clamped to the nearest page with a
message saying so.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from foidesk.accounts.models import Role

from ..access import sees_register
from ..models import RegimeChoice
from ..selectors import (
    DUE_NONE,
    DUE_OVERDUE,
    OFFICER_NONE,
    STATE_OPEN,
    RegisterFilters,
    departments_for_filter,
    officers_for_filter,
    register_page_source,
    register_rows,
    request_register,
    years_received,
)
from ..states import RequestState

PAGE_SIZE = 50

SORT_CHOICES = [
    ("-received", "Received (newest)"),
    ("received", "Received (oldest)"),
    ("due", "Due (soonest)"),
    ("-due", "Due (latest)"),
    ("reference", "Reference (lowest)"),
    ("-reference", "Reference (highest)"),
    ("state", "State (newest first)"),
    ("-state", "State (closed first)"),
]

DUE_CHOICES = [
    ("", "Any due date"),
    (DUE_OVERDUE, "Overdue"),
    ("5", "Due in the next 5 working days"),
    ("20", "Due in the next 20 working days"),
    (DUE_NONE, "No due date"),
]


def _choose(what: str) -> dict[str, str]:
    return {"invalid_choice": f"Choose {what} from the list"}


class RegisterFilterForm(forms.Form):
    """The case list's filters. Choices that come from the database are passed in."""

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        help_text="Words from a title or a question, or a reference such as 190A/23",
        error_messages={"max_length": "Search must be 200 characters or fewer"},
    )
    state = forms.ChoiceField(
        label="State",
        required=False,
        choices=[("", "Any state"), (STATE_OPEN, "Any open state"), *RequestState.choices],
        error_messages=_choose("a state"),
    )
    officer = forms.ChoiceField(
        label="Assigned officer", required=False, error_messages=_choose("an officer")
    )
    department = forms.TypedChoiceField(
        label="Department",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages=_choose("a department"),
    )
    regime = forms.ChoiceField(
        label="Law",
        required=False,
        choices=[("", "Any law"), *RegimeChoice.choices],
        error_messages=_choose("a law"),
    )
    due = forms.ChoiceField(
        label="Due", required=False, choices=DUE_CHOICES, error_messages=_choose("a due date")
    )
    year = forms.TypedChoiceField(
        label="Year received",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages=_choose("a year"),
    )
    sort = forms.ChoiceField(
        label="Sort by", required=False, choices=SORT_CHOICES, error_messages=_choose("an order")
    )

    #: How the selects are laid out: rows of up to four.
    SELECT_ROWS = (("state", "officer", "department", "regime"), ("due", "year", "sort"))

    def __init__(self, data, *, officers, departments, years: list[int]) -> None:
        super().__init__(data)
        self.fields["officer"].choices = [
            ("", "Any officer"),
            (OFFICER_NONE, "Not assigned"),
            *((str(o.pk), str(o)) for o in officers),
        ]
        self.fields["department"].choices = [
            ("", "Any department"),
            *((d.pk, d.name) for d in departments),
        ]
        self.fields["year"].choices = [("", "Any year"), *((y, str(y)) for y in years)]

    def select_rows(self):
        return [[self[name] for name in row] for row in self.SELECT_ROWS]

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields if name != "sort")


def _page(paginator: Paginator, request: HttpRequest) -> Page:
    """The page asked for, clamped into range, saying so when it had to be."""
    asked = request.GET.get("page", "").strip()
    if not asked:
        return paginator.page(1)
    try:
        number = int(asked)
    except ValueError:
        messages.info(request, "The page number was not a number: showing page 1")
        return paginator.page(1)
    if number < 1:
        messages.info(request, "Pages start at 1: showing page 1")
        return paginator.page(1)
    if number > paginator.num_pages:
        last = paginator.num_pages
        pages = "is only 1 page" if last == 1 else f"are only {last} pages"
        messages.info(request, f"There {pages}: showing page {last}")
        return paginator.page(last)
    return paginator.page(number)


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not sees_register(user):
        if user.role == Role.DEPARTMENT_CONTACT:
            return redirect("cases:my-questions")
        raise PermissionDenied
    today = timezone.localdate()
    form = RegisterFilterForm(
        request.GET,
        officers=officers_for_filter(asked=request.GET.get("officer", "")),
        departments=departments_for_filter(),
        years=years_received(user),
    )
    valid = form.is_valid()
    filters = RegisterFilters.from_data(form.cleaned_data)
    requests = request_register(user, filters=filters, today=today)
    paginator = Paginator(register_page_source(user, requests, filters=filters), PAGE_SIZE)
    page = _page(paginator, request)
    rows = register_rows(page.object_list, today=today)
    return render(
        request,
        "cases/case_list.html",
        {
            "form": form,
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
            "rows": rows,
            "nav_section": "requests",
        },
        status=200 if valid else 400,
    )
