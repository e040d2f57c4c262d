"""The response page: decisions, the cost worksheet, the harm and public interest tests with
the paragraph library, the checker's findings beside the draft, and four-eyes sign-off.

Register roles may read it (``access.request_for_user``); only FOI officers change the draft,
only decision makers approve or send back. Each action posts to its own address (the views are
in ``decisions.py``, ``harm_tests.py``, ``attachments.py`` and ``sign_off.py`` beside this one)
and goes through ``run_action``: it either redirects back to the part of the page it changed
(with a message) or, when the input is bad or a service refuses it, renders this page again
with that form's errors and HTTP 400.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from foidesk.accounts.models import Role, User
from foidesk.audit.models import AuditEvent
from foidesk.cases.access import can_edit_register, request_for_user
from foidesk.cases.models import Authority, Request
from foidesk.cases.services import RegisterError
from foidesk.cases.states import RequestState
from foidesk.law import exemptions as ex
from foidesk.law.response import ResponseFormatError

from .. import compose, selectors, services
from ..forms import (
    ApproveForm,
    AttachmentForm,
    CostLineForm,
    LibrarySearchForm,
    ParagraphAddForm,
    ParagraphEditForm,
    RecordSentForm,
    SendBackForm,
    SubmitForm,
    TestReasoningForm,
)
from ..models import (
    Decision,
    HarmAndPublicInterestTest,
    Section,
    SignOffStatus,
    TestParagraph,
)

#: How many library paragraphs a test shows at once; a search narrows the rest.
LIBRARY_RESULTS = 8

PARAGRAPH_SECTIONS = (Section.EVIDENCE_OF_HARM, Section.FACTORS_FOR, Section.FACTORS_AGAINST)

SUBMITTABLE_STATES = frozenset({RequestState.DRAFTING, RequestState.AWAITING_APPROVAL})


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
                    # Advice on narrowing only for a refusal on cost (s16 with s12).
                    "advice": sheet.suggested_advice(these)
                    if sheet and selectors.is_cost_refusal(decision)
                    else "",
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
                        initial={
                            "text": paragraph.text,
                            "shown": services.text_fingerprint(paragraph.text),
                        },
                        prefix=f"para-{paragraph.pk}",
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
                        initial={
                            "balance": test.balance,
                            "conclusion": test.conclusion,
                            "shown": services.text_fingerprint(test.balance, test.conclusion),
                        },
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
                    "errors": self.errors(f"attachment_{attachment.pk}"),
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
            "can_decide": decider
            and not drafted
            and status == SignOffStatus.AWAITING
            and case.state == RequestState.AWAITING_APPROVAL,
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


def run_action(
    request: HttpRequest,
    case: Request,
    *,
    form_name: str,
    form: forms.Form,
    perform: Callable[[dict[str, Any]], str],
    anchor: str,
) -> HttpResponse:
    """Validate one action's form, run its service, then redirect or show the errors (at the
    field a service's ``DecisionError`` names, if the form has it)."""
    if form.is_valid():
        try:
            message = perform(form.cleaned_data)
        except RegisterError as exc:
            field = getattr(exc, "field", None)
            form.add_error(field if field in form.fields else None, str(exc))
        else:
            messages.success(request, message)
            return redirect(response_url(case, anchor))
    return _render(request, case, bound={form_name: form}, anchor=anchor, status=400)


def decision_or_404(case: Request, pk: int) -> Decision:
    decision = case.decisions.filter(pk=pk).first()
    if decision is None:
        raise Http404("No such decision")
    return decision


def test_or_404(case: Request, pk: int) -> HarmAndPublicInterestTest:
    test = case.tests.filter(pk=pk).first()
    if test is None:
        raise Http404("No such test")
    return test


def paragraph_or_404(case: Request, pk: int) -> TestParagraph:
    paragraph = (
        TestParagraph.objects.filter(pk=pk, test__request=case).select_related("test").first()
    )
    if paragraph is None:
        raise Http404("No such paragraph")
    return paragraph


def decision_index(case: Request, decision: Decision) -> int:
    ids = list(case.decisions.order_by("order", "id").values_list("pk", flat=True))
    return ids.index(decision.pk) if decision.pk in ids else 0


def test_index(case: Request, test: HarmAndPublicInterestTest) -> int:
    ids = list(case.tests.order_by("id").values_list("pk", flat=True))
    return ids.index(test.pk) if test.pk in ids else 0
