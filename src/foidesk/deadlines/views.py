from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from foidesk.law.deadlines import ClockInputError, compute_deadline

from .forms import DeadlineCalculatorForm


def calculator(request: HttpRequest) -> HttpResponse:
    """ "When is my answer due?": the public calculator, with its working shown.

    A GET form, so a worked-out answer has its own address that a requester can keep or share.
    An address with none of the form's own boxes in it (a shared link carrying only a tracking
    parameter) shows the blank form, not a page of "enter this" errors.
    """
    asked = any(name in request.GET for name in DeadlineCalculatorForm.input_names())
    form = DeadlineCalculatorForm(request.GET if asked else None)
    deadline = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            deadline = compute_deadline(
                data["regime"],
                data["received"],
                clarification_received=data["clarification_received"],
                fee_notice=data["fee_notice"],
                fee_paid=data["fee_paid"],
            )
        except ClockInputError as exc:
            form.add_error(None, str(exc))
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "deadlines/calculator.html",
        {"form": form, "deadline": deadline, "nav_section": "deadline"},
        status=status,
    )
