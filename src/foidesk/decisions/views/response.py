"""The response page: decisions, the cost worksheet, the harm and public interest tests with
the paragraph library, the checker's findings beside the draft, and four-eyes sign-off.

Register roles may read it (``access.request_for_user``); only FOI officers change the draft,
only decision makers approve or send back. Each action posts to its own address and either
redirects back to the part of the page it changed (with a message) or, when the input is bad
or a service refuses it, renders the page again with that form's errors and HTTP 400.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from foidesk.accounts.models import Role, User
from foidesk.audit.models import AuditEvent
from foidesk.cases.access import can_edit_register, request_for_officer, request_for_user
from foidesk.cases.models import Authority, Request
from foidesk.cases.services import RegisterError
from foidesk.cases.states import RequestState
from foidesk.law import exemptions as ex
from foidesk.law.response import ResponseFormatError

from .. import compose, selectors, services
from ..forms import (
    ApproveForm,
    CostLineForm,
    DecisionForm,
    LibraryAddForm,
    LibrarySearchForm,
    ParagraphAddForm,
    ParagraphEditForm,
    RecordSentForm,
    SendBackForm,
    SubmitForm,
    TestReasoningForm,
    TestStartForm,
)
from ..models import (
    CostLine,
    Decision,
    HarmAndPublicInterestTest,
    ResponseAttachment,
    Section,
    SignOffStatus,
    TestKind,
    TestParagraph,
)

#: How many library paragraphs a test shows at once; a search narrows the rest.
LIBRARY_RESULTS = 8

PARAGRAPH_SECTIONS = (Section.EVIDENCE_OF_HARM, Section.FACTORS_FOR, Section.FACTORS_AGAINST)

SUBMITTABLE_STATES = frozenset({RequestState.DRAFTING, RequestState.AWAITING_APPROVAL})


class AttachmentForm(forms.Form):
    """Attach a file to the response, for the questions it answers."""

    file = forms.FileField(
        label="File",
        help_text="CSV, XLSX, ODS, DOCX, PDF or TXT, up to 20 MB.",
        error_messages={
            "required": "Choose a file to attach",
            "empty": "The file is empty",
            "invalid": "Choose a file to attach",
        },
    )
    questions = forms.TypedMultipleChoiceField(
        label="Questions it answers",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave them all unticked if it goes with the whole response.",
    )

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "attachment")
        super().__init__(*args, **kwargs)
        self.fields["questions"].choices = [(n, f"Question {n}") for n in numbers]


def can_draft(user: User, case: Request) -> bool:
    return can_edit_register(user) and case.state in services.DRAFTING_STATES


def is_decision_maker(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role == Role.DECISION_MAKER


def response_url(case: Request, anchor: str = "") -> str:
    url = reverse("decisions:response", kwargs={"slug": case.slug})
    return f"{url}#{anchor}" if anchor else url


def error_links(form: forms.Form, anchor: str) -> list[tuple[str, str]]:
    """(element id, message) for the error summary: the field where there is one to go to."""
    links = [(anchor, str(e)) for e in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS:
            continue
        field = form[name]
        widget = field.field.widget
        targets = getattr(form, "error_targets", {})
        if name in targets:
            target = targets[name]
        elif widget.is_hidden or getattr(form, "errors_to_anchor", False):
            target = anchor
        elif isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            target = f"{field.auto_id}_0"
        else:
            target = field.auto_id
        links += [(target, str(e)) for e in errors]
    return links


def _previews(case: Request) -> list[tuple[str, str]]:
    """Links to the response document in each format, once the documents views exist."""
    out = []
    for name, label in (
        ("decisions:preview-html", "web page"),
        ("decisions:preview-pdf", "PDF"),
        ("decisions:preview-docx", "Word document"),
    ):
        try:
            out.append((label, reverse(name, kwargs={"slug": case.slug})))
        except NoReverseMatch:
            continue
    return out


# --- the page --------------------------------------------------------------------------------


def _provision_rows(decision: Decision, authority_kind: str) -> list[dict[str, Any]]:
    rows = []
    for j, item in enumerate(decision.provisions):
        try:
            provision = ex.get_provision(item["id"])
        except ex.UnknownProvision:
            rows.append({"index": j, "label": item["id"], "nature": "Not in the catalogue"})
            continue
        rows.append(
            {
                "index": j,
                "label": provision.label,
                "nature": selectors.provision_nature(
                    provision, item.get("condition"), authority_kind
                ),
                "condition": item.get("condition"),
                "url": provision.legislation_url,
            }
        )
    return rows


def _library_for_test(
    request: HttpRequest,
    case: Request,
    test: HarmAndPublicInterestTest,
    library: list,
) -> dict[str, Any]:
    """The library search inside one test: its own GET filters, or the test's provision."""
    searching = request.GET.get("lib_test") == str(test.pk)
    if searching:
        form = LibrarySearchForm(request.GET, prefix="lib", regime=case.regime)
        if form.is_valid():
            found = selectors.filter_library(
                library,
                provisions=form.cleaned_data["provision"],
                topic=form.cleaned_data["topic"],
                section=form.cleaned_data["section"],
            )
        else:
            found = []
    else:
        form = LibrarySearchForm(
            prefix="lib", regime=case.regime, initial={"provision": test.provision}
        )
        found = selectors.filter_library(library, provisions=[test.provision])
    return {
        "form": form,
        "searching": searching,
        "found": found[:LIBRARY_RESULTS],
        "more": max(0, len(found) - LIBRARY_RESULTS),
    }


class _Page:
    """Builds the response page's context; ``bound`` holds the form that just failed, if any."""

    def __init__(self, request: HttpRequest, case: Request, bound: dict[str, forms.Form]):
        self.request, self.user, self.bound = request, request.user, bound
        self.case = selectors.request_for_response(case)
        self.authority = Authority.current()
        self.kind = self.authority.kind
        self.questions = list(self.case.questions.all())
        self.decisions = list(self.case.decisions.all())
        self.tests = list(self.case.tests.all())
        self.search_errors: list[tuple[str, str]] = []

    def errors(self, *names: str) -> list[str]:
        """Errors of forms that have no fields of their own (delete, remove, use advice)."""
        bound = self.bound
        return [str(e) for n in names if n in bound for e in bound[n].non_field_errors()]

    def decision_rows(self) -> tuple[list[dict[str, Any]], set[int]]:
        """Each decision with its provisions and, for s12, its cost worksheet."""
        rows, worksheets = [], set()
        for i, decision in enumerate(self.decisions):
            questions = sorted(decision.questions.all(), key=lambda q: q.number)
            these = [q.number for q in questions]
            sheet = None
            if selectors.shows_worksheet(decision):
                sheet = selectors.cost_worksheet(decision, self.case.regime, self.authority)
                worksheets.add(i)
            rows.append(
                {
                    "index": i,
                    "decision": decision,
                    "questions": questions,
                    "heading": f"In relation to {selectors.questions_phrase(these)}",
                    "provisions": _provision_rows(decision, self.kind),
                    "worksheet": sheet,
                    "advice": sheet.suggested_advice(these) if sheet else "",
                    "cost_form": self.bound.get(f"cost_{decision.pk}")
                    or CostLineForm(numbers=these, prefix=f"cost-{decision.pk}"),
                    "errors": self.errors(f"delete_{decision.pk}"),
                    "cost_errors": self.errors(
                        f"advice_{decision.pk}",
                        *[f"costdel_{line.pk}" for line in decision.cost_lines.all()],
                    ),
                }
            )
        return rows, worksheets

    def paragraph_rows(
        self, index: int, section: Section, paragraphs: list[TestParagraph], current: dict
    ) -> list[dict[str, Any]]:
        rows = []
        for pi, paragraph in enumerate(paragraphs):
            source = paragraph.library_paragraph
            newer = current.get(source.key, 0) if source else 0
            rows.append(
                {
                    "index": pi,
                    "label": f"Paragraph {pi + 1}",
                    "paragraph": paragraph,
                    "anchor": f"test-{index}-{section.value}-{pi}",
                    "errors": self.errors(f"remove_{paragraph.pk}"),
                    "form": self.bound.get(f"para_{paragraph.pk}")
                    or ParagraphEditForm(
                        initial={"text": paragraph.text}, prefix=f"para-{paragraph.pk}"
                    ),
                    "newer": newer if source and newer > source.version else None,
                }
            )
        return rows

    def test_rows(self, used: set[int]) -> list[dict[str, Any]]:
        """Each test with its sections of paragraphs, its library search and its balance."""
        library = selectors.library_paragraphs()
        current = {p.key: p.version for p in library}
        rows, shown = [], []
        for ti, test in enumerate(self.tests):
            try:
                provision = ex.get_provision(test.provision)
                harm, title = ex.needs_harm_test(provision.id), provision.label
            except ex.UnknownProvision:
                provision, harm, title = None, False, test.provision
            by_section: dict[str, list[TestParagraph]] = {s.value: [] for s in PARAGRAPH_SECTIONS}
            for paragraph in test.paragraphs.all():
                by_section[paragraph.section].append(paragraph)
            sections = [
                {
                    "value": section.value,
                    "label": section.label,
                    "paragraphs": self.paragraph_rows(
                        ti, section, by_section[section.value], current
                    ),
                    "add_form": self.bound.get(f"add_{test.pk}_{section.value}")
                    or ParagraphAddForm(prefix=f"add-{test.pk}-{section.value}"),
                }
                for section in PARAGRAPH_SECTIONS
                # Evidence of harm only where the provision is harm-based (or already has some).
                if section is not Section.EVIDENCE_OF_HARM or harm or by_section[section.value]
            ]
            search = _library_for_test(self.request, self.case, test, library)
            shown += search["found"]
            if search["searching"]:
                self.search_errors += [
                    (f"test-{ti}-library", str(e))
                    for errs in search["form"].errors.values()
                    for e in errs
                ]
            rows.append(
                {
                    "index": ti,
                    "test": test,
                    "title": title,
                    "provision": provision,
                    "nature": selectors.provision_nature(provision, None, self.kind)
                    if provision
                    else "",
                    "harm": harm,
                    "cited": ti in used,
                    "sections": sections,
                    "reasoning_form": self.bound.get(f"test_{test.pk}")
                    or TestReasoningForm(
                        initial={"balance": test.balance, "conclusion": test.conclusion},
                        prefix=f"test-{test.pk}",
                    ),
                    "library": search,
                    "library_form": self.bound.get(f"lib_{test.pk}"),
                }
            )
        usages = selectors.library_usages({p.key for p in shown})
        for row in rows:
            row["library"]["entries"] = [
                {
                    "entry": selectors.LibraryEntry(p, usages.get(p.key, [])),
                    "fit": selectors.LibraryEntry(p).fit(row["test"].provision),
                }
                for p in row["library"]["found"]
            ]
        return rows

    def attachment_rows(self) -> list[dict[str, Any]]:
        rows = []
        for attachment in self.case.attachments.prefetch_related("questions").select_related(
            "uploaded_by"
        ):
            numbers = sorted(q.number for q in attachment.questions.all())
            rows.append(
                {
                    "attachment": attachment,
                    "questions": selectors.questions_phrase(numbers) if numbers else "",
                    "errors": self.errors(f"attachment_remove_{attachment.pk}"),
                }
            )
        return rows

    def sign_off(self, blockers: list) -> dict[str, Any]:
        """Who may do what next: send for approval, approve or send back, record as sent."""
        case, user, bound = self.case, self.user, self.bound
        versions = selectors.versions_of(case)
        current = versions[0] if versions else None
        status = current.status if current else None
        matches = services.draft_matches(case, current) if current else False
        decider = is_decision_maker(user)
        drafted = bool(
            decider
            and current
            and status == SignOffStatus.AWAITING
            and (user.pk == current.submitted_by_id or user.pk in services.drafters(case))
        )
        officer = can_edit_register(user)
        return {
            "current": current,
            "versions": versions,
            "changed_since_approval": status == SignOffStatus.APPROVED and not matches,
            "changed_since_submission": status == SignOffStatus.AWAITING and not matches,
            # Nothing to send while the same draft is already waiting or approved.
            "can_submit": officer
            and case.state in SUBMITTABLE_STATES
            and not (current and status != SignOffStatus.SENT_BACK and matches),
            "submit_needs_drafting": officer and case.state not in SUBMITTABLE_STATES,
            "can_decide": decider and not drafted and status == SignOffStatus.AWAITING,
            "drafted": drafted,
            "can_record_sent": officer
            and case.state == RequestState.AWAITING_APPROVAL
            and status == SignOffStatus.APPROVED
            and matches,
            "blockers": blockers,
            "unsafe_files": services.attachment_blockers(case),
            "submit_form": bound.get("submit") or SubmitForm(prefix="submit"),
            "approve_form": bound.get("approve") or ApproveForm(prefix="approve"),
            "send_back_form": bound.get("send_back") or SendBackForm(prefix="send-back"),
            "sent_form": bound.get("record_sent") or RecordSentForm(prefix="sent"),
        }

    def history(self):
        return (
            AuditEvent.objects.filter(request=self.case)
            .filter(
                Q(event_type__startswith="decision.")
                | Q(event_type__startswith="test.")
                | Q(event_type__startswith="response.")
                | Q(event_type__startswith="attachment.")
            )
            .select_related("actor")
            .order_by("-at", "-id")[:50]
        )

    def context(self, anchor: str) -> dict[str, Any]:
        case, bound = self.case, self.bound
        try:
            findings = compose.findings_for(case)
            check_problem = ""
        except ResponseFormatError as exc:
            findings, check_problem = [], "; ".join(exc.errors)
        decisions, worksheets = self.decision_rows()
        decided = {q.number for row in decisions for q in row["questions"]}
        needs = selectors.tests_needed(self.decisions, self.tests, self.kind)
        tests = self.test_rows({n.test_index for n in needs if n.test_index is not None})
        placed = selectors.place_findings(
            findings,
            decisions=self.decisions,
            tests=self.tests,
            question_numbers=[q.number for q in self.questions],
            worksheets=worksheets,
        )
        start = bound.get("test_start")
        page_errors = [link for form in bound.values() for link in error_links(form, anchor)]
        return {
            "case": case,
            "authority": self.authority,
            "editable": can_draft(self.user, case),
            "decisions": decisions,
            "undecided": [q for q in self.questions if q.number not in decided],
            "needs": needs,
            "tests": tests,
            "test_start_errors": [str(e) for errs in start.errors.values() for e in errs]
            if start
            else [],
            "findings": placed,
            "errors": [p for p in placed if p.is_error],
            "warnings": [p for p in placed if not p.is_error],
            "check_problem": check_problem,
            "sign_off": self.sign_off(selectors.blocking(findings)),
            "history": self.history(),
            "attachments": self.attachment_rows(),
            "attachment_form": bound.get("attachment")
            or AttachmentForm(numbers=[q.number for q in self.questions]),
            "previews": _previews(case),
            "page_errors": page_errors + self.search_errors,
            "bound": bound,
            "sections": [(s.value, s.label) for s in PARAGRAPH_SECTIONS],
            "nav_section": "requests",
        }


def _render(
    request: HttpRequest,
    case: Request,
    *,
    bound: dict[str, forms.Form] | None = None,
    anchor: str = "",
    status: int = 200,
) -> HttpResponse:
    context = _Page(request, case, bound or {}).context(anchor)
    return render(request, "decisions/response.html", context, status=status)


@login_required
def response_page(request: HttpRequest, slug: str) -> HttpResponse:
    case = request_for_user(request.user, slug)
    status = 200
    if "lib_test" in request.GET:
        form = LibrarySearchForm(request.GET, prefix="lib", regime=case.regime)
        if not form.is_valid():
            status = 400
    return _render(request, case, status=status)


# --- actions ---------------------------------------------------------------------------------


def _action(
    request: HttpRequest,
    case: Request,
    *,
    form_name: str,
    form: forms.Form,
    perform: Callable[[dict[str, Any]], str],
    anchor: str,
) -> HttpResponse:
    """Validate one action's form, run its service, then redirect or show the errors."""
    if form.is_valid():
        try:
            message = perform(form.cleaned_data)
        except RegisterError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, message)
            return redirect(response_url(case, anchor))
    return _render(request, case, bound={form_name: form}, anchor=anchor, status=400)


def _decision(case: Request, pk: int) -> Decision:
    decision = case.decisions.filter(pk=pk).first()
    if decision is None:
        raise Http404("No such decision")
    return decision


def _test(case: Request, pk: int) -> HarmAndPublicInterestTest:
    test = case.tests.filter(pk=pk).first()
    if test is None:
        raise Http404("No such test")
    return test


def _paragraph(case: Request, pk: int) -> TestParagraph:
    paragraph = (
        TestParagraph.objects.filter(pk=pk, test__request=case).select_related("test").first()
    )
    if paragraph is None:
        raise Http404("No such paragraph")
    return paragraph


def _decision_index(case: Request, decision: Decision) -> int:
    ids = list(case.decisions.order_by("order", "id").values_list("pk", flat=True))
    return ids.index(decision.pk) if decision.pk in ids else 0


def _test_index(case: Request, test: HarmAndPublicInterestTest) -> int:
    ids = list(case.tests.order_by("id").values_list("pk", flat=True))
    return ids.index(test.pk) if test.pk in ids else 0


# Decisions -----------------------------------------------------------------------------------


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
                return redirect(response_url(case, f"decision-{_decision_index(case, saved)}"))
        status = 400
    else:
        if decision is not None:
            initial = DecisionForm.initial_for(decision)
        else:
            wanted = [n for n in request.GET.getlist("question") if n.isdigit()]
            initial = {"questions": [int(n) for n in wanted]}
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
    return _decision_form_page(request, case, _decision(case, pk))


@login_required
@require_POST
def decision_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    decision = _decision(case, pk)
    index = _decision_index(case, decision)

    def perform(data: dict[str, Any]) -> str:
        these = sorted(q.number for q in decision.questions.all())
        services.decision_delete(actor=request.user, decision=decision)
        return f"Decision on {selectors.questions_phrase(these)} removed"

    return _action(
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
    """Put the advice drafted from the worksheet into the decision (s16)."""
    case = request_for_officer(request.user, slug)
    decision = _decision(case, pk)
    index = _decision_index(case, decision)

    def perform(data: dict[str, Any]) -> str:
        loaded = selectors.request_for_response(case).decisions.all()
        current = next(d for d in loaded if d.pk == decision.pk)
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

    return _action(
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
    decision = _decision(case, pk)
    index = _decision_index(case, decision)
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

    return _action(
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
    index = _decision_index(case, line.decision)

    def perform(data: dict[str, Any]) -> str:
        services.cost_line_delete(actor=request.user, line=line)
        return "Cost line removed"

    return _action(
        request,
        case,
        form_name=f"costdel_{pk}",
        form=forms.Form(request.POST),
        perform=perform,
        anchor=f"cost-{index}",
    )


# Harm and public interest tests ------------------------------------------------------------------


@login_required
@require_POST
def test_start(request: HttpRequest, slug: str) -> HttpResponse:
    case = request_for_officer(request.user, slug)

    def perform(data: dict[str, Any]) -> str:
        test = services.test_save(
            actor=request.user, request=case, provision=data["provision"], kind=data["kind"]
        )
        return f"Started the test for {test.provision} ({TestKind(test.kind).label.lower()})"

    return _action(
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
    test = _test(case, pk)

    def perform(data: dict[str, Any]) -> str:
        services.test_save(
            actor=request.user,
            request=case,
            provision=test.provision,
            kind=test.kind,
            balance=data["balance"],
            conclusion=data["conclusion"],
        )
        return f"Balance and conclusion saved for {test.provision}"

    return _action(
        request,
        case,
        form_name=f"test_{pk}",
        form=TestReasoningForm(request.POST, prefix=f"test-{pk}"),
        perform=perform,
        anchor=f"test-{_test_index(case, test)}-balance",
    )


@login_required
@require_POST
def paragraph_add(request: HttpRequest, slug: str, pk: int, section: str) -> HttpResponse:
    """Write a new paragraph into one section of a test."""
    case = request_for_officer(request.user, slug)
    test = _test(case, pk)
    if section not in {s.value for s in PARAGRAPH_SECTIONS}:
        raise Http404("No such section")
    index = _test_index(case, test)

    def perform(data: dict[str, Any]) -> str:
        services.test_paragraph_add(
            actor=request.user, test=test, section=section, text=data["text"]
        )
        return f"Paragraph added to {Section(section).label.lower()}"

    return _action(
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
    test = _test(case, pk)
    index = _test_index(case, test)

    def perform(data: dict[str, Any]) -> str:
        library = data["library_paragraph"]
        services.test_paragraph_add(
            actor=request.user, test=test, section=data["section"], library_paragraph=library
        )
        return (
            f"Library paragraph {library.library_id} added to "
            f"{Section(data['section']).label.lower()}"
        )

    return _action(
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
    paragraph = _paragraph(case, pk)
    anchor = _paragraph_anchor(case, paragraph)

    def perform(data: dict[str, Any]) -> str:
        services.test_paragraph_edit(actor=request.user, paragraph=paragraph, text=data["text"])
        return "Paragraph saved"

    return _action(
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
    paragraph = _paragraph(case, pk)
    index = _test_index(case, paragraph.test)

    def perform(data: dict[str, Any]) -> str:
        services.test_paragraph_remove(actor=request.user, paragraph=paragraph)
        return "Paragraph removed"

    return _action(
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
        f"test-{_test_index(case, paragraph.test)}-{paragraph.section}-"
        f"{siblings.index(paragraph.pk)}"
    )


# Attachments -----------------------------------------------------------------------------------


def _attachment(case: Request, pk: int) -> ResponseAttachment:
    attachment = case.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404("No such attachment")
    return attachment


@login_required
@require_POST
def attachment_add(request: HttpRequest, slug: str) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    numbers = list(case.questions.order_by("number").values_list("number", flat=True))
    form = AttachmentForm(request.POST, request.FILES, numbers=numbers)

    def perform(data: dict[str, Any]) -> str:
        attachment = services.attachment_add(
            actor=request.user,
            request=case,
            uploaded_file=data["file"],
            question_numbers=data["questions"],
        )
        return f"Attached {attachment.name}"

    return _action(
        request, case, form_name="attachment", form=form, perform=perform, anchor="attachments"
    )


@login_required
def attachment_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """The attached file, for anyone who may read the request."""
    case = request_for_user(request.user, slug)
    attachment = _attachment(case, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The attached file is missing") from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )


@login_required
@require_POST
def attachment_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    attachment = _attachment(case, pk)

    def perform(data: dict[str, Any]) -> str:
        services.attachment_remove(actor=request.user, attachment=attachment)
        return f"Removed the attachment {attachment.name}"

    return _action(
        request,
        case,
        form_name=f"attachment_remove_{pk}",
        form=forms.Form(request.POST),
        perform=perform,
        anchor="attachments",
    )


@login_required
@require_POST
def attachment_clean(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Clean a file of what the scan found and can remove safely, then scan it again."""
    case = request_for_officer(request.user, slug)
    attachment = _attachment(case, pk)

    def perform(data: dict[str, Any]) -> str:
        cleaned = services.attachment_clean(actor=request.user, attachment=attachment)
        left = len(cleaned.scan_errors)
        return f"Cleaned {cleaned.name}" + (
            f": {left} problem{'s' if left != 1 else ''} still to fix" if left else ""
        )

    return _action(
        request,
        case,
        form_name=f"attachment_remove_{pk}",
        form=forms.Form(request.POST),
        perform=perform,
        anchor="attachments",
    )


# Sign-off --------------------------------------------------------------------------------------


@login_required
@require_POST
def submit(request: HttpRequest, slug: str) -> HttpResponse:
    """Send the draft for approval; refused while the checker finds errors in the draft."""
    case = request_for_officer(request.user, slug)

    def perform(data: dict[str, Any]) -> str:
        try:
            findings = compose.findings_for(case)
        except ResponseFormatError as exc:
            raise RegisterError("The draft cannot be checked: " + "; ".join(exc.errors)) from exc
        blockers = selectors.blocking(findings)
        if blockers:
            raise RegisterError(
                f"The checker found {len(blockers)} error{'s' if len(blockers) != 1 else ''} "
                "in the draft: put them right before asking for approval. "
                + " ".join(f.message for f in blockers)
            )
        version = services.response_submit(actor=request.user, request=case, note=data["note"])
        return f"Version {version.number} sent for approval"

    return _action(
        request,
        case,
        form_name="submit",
        form=SubmitForm(request.POST, prefix="submit"),
        perform=perform,
        anchor="sign-off",
    )


def _decider_case(request: HttpRequest, slug: str) -> Request:
    case = request_for_user(request.user, slug)
    if not is_decision_maker(request.user):
        raise Http404("No such request")
    return case


@login_required
@require_POST
def approve(request: HttpRequest, slug: str) -> HttpResponse:
    case = _decider_case(request, slug)

    def perform(data: dict[str, Any]) -> str:
        version = services.response_approve(actor=request.user, request=case, note=data["note"])
        return f"Version {version.number} approved"

    return _action(
        request,
        case,
        form_name="approve",
        form=ApproveForm(request.POST, prefix="approve"),
        perform=perform,
        anchor="sign-off",
    )


@login_required
@require_POST
def send_back(request: HttpRequest, slug: str) -> HttpResponse:
    case = _decider_case(request, slug)

    def perform(data: dict[str, Any]) -> str:
        version = services.response_send_back(
            actor=request.user, request=case, reasons=data["reasons"]
        )
        return f"Version {version.number} sent back to the FOI officer"

    return _action(
        request,
        case,
        form_name="send_back",
        form=SendBackForm(request.POST, prefix="send-back"),
        perform=perform,
        anchor="sign-off",
    )


@login_required
@require_POST
def record_sent(request: HttpRequest, slug: str) -> HttpResponse:
    """Record the approved response as sent; refused if it changed after approval."""
    case = request_for_officer(request.user, slug)

    def perform(data: dict[str, Any]) -> str:
        services.response_record_sent(actor=request.user, request=case, sent_on=data["sent_on"])
        return f"{case.reference} recorded as sent on {data['sent_on']:%-d %B %Y}"

    return _action(
        request,
        case,
        form_name="record_sent",
        form=RecordSentForm(request.POST, prefix="sent"),
        perform=perform,
        anchor="sign-off",
    )
