"""The staff home: what is late, what is due soon, and who holds what, as of today."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from foidesk.accounts.models import Role

from ..access import sees_register
from ..models import RegimeChoice
from ..selectors import DUE_SOON_WORKING_DAYS, dashboard_figures


def _cutoff_text(cutoffs: dict[str, date]) -> list[tuple[str, date]]:
    """Regimes grouped by their due-soon cut-off: [("FOISA", 19 Mar), ("FOIA and EIR", 20 Mar)].

    The label is empty when every regime has the same cut-off.
    """
    groups: dict[date, list[str]] = {}
    for regime in RegimeChoice:
        groups.setdefault(cutoffs[regime.value], []).append(regime.label)
    if len(groups) == 1:
        return [("", next(iter(groups)))]
    return [
        (labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}", day)
        for day, labels in sorted(groups.items())
    ]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Department contacts have their own home (the questions routed to them)."""
    user = request.user
    if not sees_register(user):
        if user.role == Role.DEPARTMENT_CONTACT:
            return redirect("cases:my-questions")
        raise PermissionDenied
    figures = dashboard_figures(user, today=timezone.localdate())
    # The two lists of requests to chase, each with a link to all of them on the case list.
    chase = [
        {
            "id": "overdue",
            "title": "Overdue",
            "rows": figures.overdue,
            "count": figures.overdue_count,
            "query": "due=overdue&sort=due",
            "none": "No request is overdue.",
            "all": f"View all {figures.overdue_count:,} overdue requests",
        },
        {
            "id": "due-soon",
            "title": f"Due in the next {DUE_SOON_WORKING_DAYS} working days",
            "rows": figures.due_soon,
            "count": figures.due_soon_count,
            "query": f"due={DUE_SOON_WORKING_DAYS}&sort=due",
            "none": f"No request is due in the next {DUE_SOON_WORKING_DAYS} working days.",
            "all": f"View all {figures.due_soon_count:,} requests due in the next "
            f"{DUE_SOON_WORKING_DAYS} working days",
        },
    ]
    return render(
        request,
        "cases/dashboard.html",
        {
            "figures": figures,
            "chase": chase,
            "due_soon_days": DUE_SOON_WORKING_DAYS,
            "due_soon_cutoffs": _cutoff_text(figures.due_soon_cutoffs),
            "nav_section": "dashboard",
        },
    )
