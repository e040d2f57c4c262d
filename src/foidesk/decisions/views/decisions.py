"""Actions on the response page's decisions: add, change and remove a decision (on its own
page, which lists the whole catalogue), put the cost worksheet's advice to narrow into it (s16),
and add or remove the worksheet's lines (s12).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from foidesk.cases.access import request_for_officer
from foidesk.cases.models import Authority, Request
from foidesk.cases.services import RegisterError
from foidesk.web.forms import record_id

from .. import selectors, services
from ..forms import CostLineForm, DecisionForm
from ..models import CostLine, Decision
from .response import decision_index, decision_or_404, error_links, response_url, run_action


def _decision_form_page(
    request: HttpRequest, case: Request, decision: Decision | None
) -> HttpResponse:
    """Add or change a decision on its own page (the form lists the whole catalogue)."""
    kind = Authority.current().kind
    if request.method == "POST":
        form = DecisionForm(request.POST, case=case, authority_kind=kind)
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = services.decision_save(
                    actor=request.user,
                    request=case,
                    question_numbers=data["questions"],
                    outcome=data["outcome"],
                    provisions=data["provision_list"],
                    text=data["text"],
                    figures_given=data["figures_given"],
                    reveals_held=data["reveals_held"],
                    where=data["where"],
                    publication_date=data["publication_date"],
                    advice_to_narrow=data["advice_to_narrow"],
                    cost_basis=data["cost_basis"],
                    decision=decision,
                    shown=data["shown"] or None,
                )
            except RegisterError as exc:
                form.add_error(None, str(exc))
            else:
                these = sorted(q.number for q in saved.questions.all())
                messages.success(
                    request,
                    f"Decision saved: {selectors.questions_phrase(these)}, "
                    f"{saved.get_outcome_display().lower()}",
                )
                return redirect(response_url(case, f"decision-{decision_index(case, saved)}"))
        status = 400
    else:
        if decision is not None:
            initial = DecisionForm.initial_for(decision)
        else:
            wanted = (record_id(n) for n in request.GET.getlist("question"))
            initial = {"questions": [n for n in wanted if n is not None]}
        form = DecisionForm(initial=initial, case=case, authority_kind=kind)
        status = 200
    questions = list(case.questions.all())
    current: dict[int, str] = {}
    for other in case.decisions.prefetch_related("questions"):
        if decision is not None and other.pk == decision.pk:
            continue
        for q in other.questions.all():
            current[q.number] = f"already decided: {other.get_outcome_display().lower()}"
    for q in questions:
        q.decision_label = current.get(q.number, "")
    context = {
        "case": case,
        "decision": decision,
        "form": form,
        "groups": form.provision_groups(),
        "question_items": list(zip(form["questions"], questions, strict=False)),
        "flag_fields": [form["figures_given"], form["reveals_held"]],
        "page_errors": error_links(form, "decision-form") if form.is_bound else [],
        "nav_section": "requests",
    }
    return render(request, "decisions/decision_form.html", context, status=status)


@login_required
def decision_new(request: HttpRequest, slug: str) -> HttpResponse:
    return _decision_form_page(request, request_for_officer(request.user, slug), None)


@login_required
def decision_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    return _decision_form_page(request, case, decision_or_404(case, pk))


@login_required
@require_POST
def decision_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    decision = decision_or_404(case, pk)
    index = decision_index(case, decision)

    def perform(data: dict[str, Any]) -> str:
        these = sorted(q.number for q in decision.questions.all())
        services.decision_delete(actor=request.user, decision=decision)
        return f"Decision on {selectors.questions_phrase(these)} removed"

    return run_action(
        request,
        case,
        form_name=f"delete_{pk}",
        form=forms.Form(request.POST),
        perform=perform,
        anchor=f"decision-{index}",
    )


@login_required
@require_POST
def advice_use(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Put the advice drafted from the worksheet into the decision (s16), if it still refuses
    on cost."""
    case = request_for_officer(request.user, slug)
    decision = decision_or_404(case, pk)
    index = decision_index(case, decision)

    def perform(data: dict[str, Any]) -> str:
        loaded = selectors.request_for_response(case).decisions.all()
        current = next(d for d in loaded if d.pk == decision.pk)
        if not selectors.is_cost_refusal(current):
            # A page opened before the decision was changed: the advice is on narrowing a
            # request refused on cost (s16), and would read wrongly in any other answer.
            raise RegisterError(
                f"This decision is no longer a cost refusal (it is "
                f"{current.get_outcome_display().lower()}): there is no cost limit to advise on"
            )
        these = sorted(q.number for q in current.questions.all())
        advice = selectors.cost_worksheet(
            current, case.regime, Authority.current()
        ).suggested_advice(these)
        if not advice:
            raise RegisterError("There is no cost limit under this regime to advise on")
        services.decision_save(
            actor=request.user,
            request=case,
            question_numbers=these,
            outcome=current.outcome,
            provisions=current.provisions,
            text=current.text,
            figures_given=current.figures_given,
            reveals_held=current.reveals_held,
            where=current.where,
            publication_date=current.publication_date,
            advice_to_narrow=advice,
            cost_basis=current.cost_basis,
            decision=current,
        )
        return "The suggested advice to narrow is now in the decision: change it if you need to"

    return run_action(
        request,
        case,
        form_name=f"advice_{pk}",
        form=forms.Form(request.POST),
        perform=perform,
        anchor=f"cost-{index}",
    )


# The cost worksheet ----------------------------------------------------------------------------


@login_required
@require_POST
def cost_line_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    decision = decision_or_404(case, pk)
    index = decision_index(case, decision)
    numbers = sorted(decision.questions.values_list("number", flat=True))
    form = CostLineForm(request.POST, numbers=numbers, prefix=f"cost-{pk}")

    def perform(data: dict[str, Any]) -> str:
        question = (
            case.questions.get(number=data["question"]) if data["question"] is not None else None
        )
        line = services.cost_line_add(
            actor=request.user,
            decision=decision,
            activity=data["activity"],
            hours=data["hours"],
            question=question,
            note=data["note"],
        )
        return f"Added {line.hours} hours for {line.get_activity_display().lower()}"

    return run_action(
        request, case, form_name=f"cost_{pk}", form=form, perform=perform, anchor=f"cost-{index}"
    )


@login_required
@require_POST
def cost_line_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    line = CostLine.objects.filter(pk=pk, decision__request=case).select_related("decision")
    line = line.first()
    if line is None:
        raise Http404("No such cost line")
    index = decision_index(case, line.decision)

    def perform(data: dict[str, Any]) -> str:
        services.cost_line_delete(actor=request.user, line=line)
        return "Cost line removed"

    return run_action(
        request,
        case,
        form_name=f"costdel_{pk}",
        form=forms.Form(request.POST),
        perform=perform,
        anchor=f"cost-{index}",
    )
