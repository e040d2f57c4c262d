"""Staff pages for statistics tables, mounted at /staff/.

``statistics/``: the data sets, registering one, a data set's columns and versions, and the
disclosure-control policy. ``requests/<slug>/questions/<number>/table/``: define a table for a
question with a server-side preview (a GET form: no JavaScript needed), see every withheld
figure and why, then attach it as XLSX and CSV. A table that would give a small count away
together with the request's other tables is refused with what it would give away, and the
choice of attaching it with further figures withheld (where that is enough) or not at all;
the preview already says so, by the same check (``services.table_check``).
Register roles may look; only FOI officers register, change and attach; anyone else gets 404,
as for a case (``foidesk.cases.access``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from foidesk.cases.access import can_edit_register, request_for_user, sees_register
from foidesk.cases.models import Authority, Question
from foidesk.cases.services import RegisterError
from foidesk.decisions.services import DRAFTING_STATES
from foidesk.web.forms import record_id

from . import selectors, services
from .definition import TableDefinition
from .describe import definition_in_words
from .differencing import Protection
from .forms import DatasetForm, KindsForm, PolicyForm, TableForm, initial_from_definition
from .models import DisclosurePolicy, SavedTable
from .suppression import SuppressedTable
from .tabulate import DataError

NAV = "statistics"


def _register_roles(request: HttpRequest) -> None:
    if not sees_register(request.user):
        raise Http404("No such page")


def _officer(request: HttpRequest) -> None:
    if not can_edit_register(request.user):
        raise Http404("No such page")


# --- data sets ----------------------------------------------------------------------------------


@login_required
def dataset_list(request: HttpRequest) -> HttpResponse:
    _register_roles(request)
    return render(
        request,
        "statistics/dataset_list.html",
        {
            "datasets": selectors.current_datasets(request.user),
            "policy": selectors.policy_for(Authority.current()),
            "can_edit": can_edit_register(request.user),
            "nav_section": NAV,
        },
    )


@login_required
def dataset_register(request: HttpRequest) -> HttpResponse:
    _officer(request)
    status = 200
    if request.method == "POST":
        form = DatasetForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            upload = data.get("file")
            try:
                kind, source = services.read_source(
                    uploaded_file=upload,
                    file_name=upload.name if upload else "",
                    sheet=data["sheet"].strip(),
                    url=data["url"].strip(),
                    table=data["table"].strip(),
                )
                dataset = services.dataset_register(
                    actor=request.user,
                    name=data["name"],
                    description=data["description"],
                    kind=kind,
                    source=source,
                )
            except RegisterError as exc:
                form.add_error("url" if data["url"] else "file", str(exc))
            else:
                messages.success(
                    request,
                    f"Registered {dataset}: {dataset.row_count:,} rows. Check the kind of "
                    "each column.",
                )
                return redirect(dataset)
        status = 400
    else:
        form = DatasetForm()
    return render(
        request,
        "statistics/dataset_register.html",
        {"form": form, "nav_section": NAV},
        status=status,
    )


def _dataset_page(
    request: HttpRequest, pk: int, kinds_form: KindsForm | None = None, status: int = 200
) -> HttpResponse:
    dataset = selectors.dataset_for_user(request.user, pk)
    saved = list(
        dataset.saved_tables.defer("suppression")
        .select_related("request", "question")
        .order_by("-created_at")[:50]
    )
    can_edit = can_edit_register(request.user)
    if kinds_form is None and can_edit and not saved:
        kinds_form = KindsForm(dataset=dataset)
    return render(
        request,
        "statistics/dataset_detail.html",
        {
            "dataset": dataset,
            "versions": selectors.dataset_versions(dataset),
            "saved_tables": saved,
            "kinds_form": kinds_form,
            "can_edit": can_edit,
            "nav_section": NAV,
        },
        status=status,
    )


@login_required
def dataset_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _register_roles(request)
    return _dataset_page(request, pk)


@login_required
@require_POST
def dataset_kinds(request: HttpRequest, pk: int) -> HttpResponse:
    _officer(request)
    dataset = selectors.dataset_for_user(request.user, pk)
    form = KindsForm(request.POST, dataset=dataset)
    if form.is_valid():
        try:
            services.dataset_kinds_update(
                actor=request.user, dataset=dataset, kinds=form.cleaned_data
            )
        except RegisterError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Column kinds saved")
            return redirect(dataset)
    return _dataset_page(request, pk, kinds_form=form, status=400)


# --- the policy ---------------------------------------------------------------------------------


@login_required
def policy_page(request: HttpRequest) -> HttpResponse:
    _register_roles(request)
    authority = Authority.current()
    row = DisclosurePolicy.objects.filter(authority=authority).first() or DisclosurePolicy(
        authority=authority
    )
    status = 200
    if request.method == "POST":
        _officer(request)
        form = PolicyForm(request.POST, instance=DisclosurePolicy(authority=authority))
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in PolicyForm.Meta.fields}
            try:
                services.policy_update(actor=request.user, authority=authority, **values)
            except RegisterError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Disclosure-control policy saved")
                return redirect("statistics:policy")
        status = 400
    else:
        form = PolicyForm(instance=row)
    return render(
        request,
        "statistics/policy.html",
        {
            "form": form,
            "policy": row.as_policy(),
            "row": row if row.pk else None,
            "can_edit": can_edit_register(request.user),
            "nav_section": NAV,
        },
        status=status,
    )


# --- a table for a question ---------------------------------------------------------------------


def _preview_rows(suppressed: SuppressedTable) -> list[dict[str, Any]]:
    """Each row of the table as shown: its labels, then its figures (the ``Entry`` objects, so
    the template can mark the withheld ones)."""
    table = suppressed.table
    width = max(len(table.row_headings), 1)
    rows = []
    for r, key in enumerate(table.row_keys):
        entries = list(suppressed.cells[r])
        if suppressed.row_totals is not None:
            entries.append(suppressed.row_totals[r])
        rows.append({"labels": list(key) or ["All"], "entries": entries, "total": False})
    if suppressed.column_totals is not None:
        entries = list(suppressed.column_totals)
        if suppressed.grand_total is not None:
            entries.append(suppressed.grand_total)
        rows.append({"labels": ["Total", *[""] * (width - 1)], "entries": entries, "total": True})
    return rows


def _refused_as_form_error[T](
    form: TableForm, check: Callable[[], T]
) -> tuple[T | None, Protection | None]:
    """Run ``check`` (Save and Attach, or the same check for the preview); a refusal becomes
    the form's error, with what the request's other tables would give away
    (``DifferencingError.protection``) for the page to offer withholding more."""
    try:
        return check(), None
    except services.DifferencingError as exc:
        form.add_error(None, str(exc))
        return None, exc.protection
    except (RegisterError, DataError) as exc:
        form.add_error(None, str(exc))
        return None, None


def _question(case: Any, number: int) -> Question:
    question = case.questions.filter(number=number).first()
    if question is None:
        raise Http404("No such question")
    return question


@login_required
def question_table(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    case = request_for_user(request.user, slug)
    question = _question(case, number)
    question.request = case
    datasets = list(selectors.current_datasets(request.user))
    authority = Authority.current()
    policy = selectors.policy_for(authority)
    can_attach = can_edit_register(request.user) and case.state in DRAFTING_STATES
    status = 200
    reused: SavedTable | None = None
    differencing = None

    if request.method == "POST":
        if not can_edit_register(request.user):
            raise Http404("No such page")
        form = TableForm(request.POST, datasets=datasets)
        if form.is_valid() and form.definition is not None:
            saved, differencing = _refused_as_form_error(
                form,
                lambda: services.table_attach(
                    actor=request.user,
                    question=question,
                    dataset=form.chosen_dataset,
                    definition=form.definition,
                    withhold_more=request.POST.get("withhold_more") == "1",
                ),
            )
            if saved is not None:
                names = " and ".join(a.name for a in saved.attachments.order_by("name"))
                messages.success(request, f"Attached {names} for question {question.number}")
                return redirect(
                    reverse("decisions:response", kwargs={"slug": case.slug}) + "#attachments"
                )
        status = 400
    elif reuse := request.GET.get("reuse", "").strip():
        reused = (
            SavedTable.objects.filter(pk=record_id(reuse) or 0)
            .select_related("dataset", "request", "question")
            .first()
        )
        if reused is None:
            raise Http404("No such saved table")
        dataset = selectors.latest_version(reused.dataset)
        data = initial_from_definition(TableDefinition.from_dict(reused.definition), dataset)
        if data is None:
            messages.info(request, "That table has more rows, columns or filters than this form")
            form = TableForm(datasets=datasets, initial={"include_totals": True})
        else:
            form = TableForm(data, datasets=datasets)
    elif "dataset" in request.GET:
        form = TableForm(request.GET, datasets=datasets)
    else:
        initial: dict[str, Any] = {"include_totals": True, "measure": "count_records"}
        if len(datasets) == 1:
            initial["dataset"] = datasets[0].pk
        form = TableForm(datasets=datasets, initial=initial)

    preview = None
    if form.is_bound and form.is_valid() and form.definition is not None:
        try:
            suppressed = selectors.compute_table(form.chosen_dataset, form.definition, policy)
        except DataError as exc:
            form.add_error(None, str(exc))
            status = 400 if request.method == "POST" else status
        else:
            preview = {
                "table": suppressed,
                "header": suppressed.header(),
                "rows": _preview_rows(suppressed),
                "withheld": suppressed.suppressed,
                "words": definition_in_words(form.definition, form.chosen_dataset.schema),
            }
            if can_attach and request.method != "POST":
                # What Save would refuse because of the request's other tables, said now.
                _, differencing = _refused_as_form_error(
                    form,
                    lambda: services.table_check(
                        question=question,
                        dataset=form.chosen_dataset,
                        definition=form.definition,
                        policy=policy,
                        alone=suppressed,
                    ),
                )
    return render(
        request,
        "statistics/question_table.html",
        {
            "case": case,
            "question": question,
            "form": form,
            "datasets": datasets,
            "preview": preview,
            "policy": policy,
            "policy_words": policy.in_words(),
            "can_attach": can_attach,
            "can_edit": can_edit_register(request.user),
            "reused": reused,
            "differencing": differencing,
            "saved_here": selectors.saved_tables_for(question),
            "reusable": selectors.reusable_tables(question),
            "nav_section": "requests",
        },
        status=status,
    )
