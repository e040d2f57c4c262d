"""Writes for decisions, tests, the paragraph library and sign-off. Each checks its input,
changes the records in one transaction, and appends to the audit trail; a
``DecisionError`` means nothing was saved.
"""

import hashlib
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from foidesk.accounts.models import Role, User
from foidesk.audit.models import AuditEvent
from foidesk.audit.services import record
from foidesk.cases.models import Question, Request
from foidesk.cases.services import RegisterError, request_transition
from foidesk.cases.states import RequestState
from foidesk.law.checker import Severity
from foidesk.law.exemptions import UnknownProvision, get_provision
from foidesk.safety import CannotClean, FileRefused, ScanReport, clean, scan

from .compose import findings_for, response_data, snapshot_hash
from .models import (
    CostActivity,
    CostLine,
    Decision,
    HarmAndPublicInterestTest,
    LibraryParagraph,
    OutcomeChoice,
    ResponseAttachment,
    ResponseVersion,
    Section,
    SignOffStatus,
    TestKind,
    TestParagraph,
)


class DecisionError(RegisterError):
    """Bad input to a decision service; the message names the problem for the user.

    ``field`` names the form field the problem is with (a date sent that cannot be), so the
    page shows the error at that field; without it the error is about the action as a whole.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


#: States in which the FOI team may still change the draft response.
DRAFTING_STATES = frozenset(
    {
        RequestState.RECEIVED,
        RequestState.ACKNOWLEDGED,
        RequestState.WITH_DEPARTMENT,
        RequestState.DRAFTING,
        RequestState.AWAITING_APPROVAL,
        RequestState.INTERNAL_REVIEW,
    }
)


def _require_officer(actor: User) -> None:
    if actor.role != Role.FOI_OFFICER:
        raise DecisionError("Only FOI officers draft responses")


def _require_draftable(request: Request) -> None:
    if request.state not in DRAFTING_STATES:
        raise DecisionError(
            f"The response cannot be changed while the request is {request.get_state_display()}"
        )


def _provisions(raw: list[dict[str, Any]], regime: str) -> list[dict[str, Any]]:
    """Check each provision id against the catalogue and the request's regime."""
    cleaned = []
    for item in raw:
        pid = str(item.get("id", "")).strip()
        try:
            provision = get_provision(pid)
        except UnknownProvision as exc:
            raise DecisionError(f"{pid or 'A blank provision'} is not in the catalogue") from exc
        if not pid.startswith(f"{regime}:"):
            raise DecisionError(
                f"{pid} belongs to another regime: this request is handled under {regime.upper()}"
            )
        cleaned.append({"id": provision.id, "condition": item.get("condition") or None})
    return cleaned


# --- decisions ----------------------------------------------------------------------------


def decision_fingerprint(decision: Decision) -> str:
    """What the decision form shows of a decision, as a digest: the edit page carries it, so
    that a save from a page opened before another officer's change is refused rather than
    silently undoing that change. The cost worksheet is left out: its lines are not on the
    form, and adding one does not conflict with editing the answer."""
    questions = sorted(decision.questions.values_list("number", flat=True))
    shown = {
        "questions": questions,
        "outcome": decision.outcome,
        "provisions": decision.provisions,
        "text": decision.text,
        "figures_given": decision.figures_given,
        "reveals_held": decision.reveals_held,
        "where": decision.where,
        "publication_date": decision.publication_date.isoformat()
        if decision.publication_date
        else None,
        "advice_to_narrow": decision.advice_to_narrow,
        "cost_basis": decision.cost_basis,
    }
    return snapshot_hash(shown)


def text_fingerprint(*texts: str) -> str:
    """Words as a page showed them, as a digest: a form carries it, so that a save from a page
    opened before another officer changed those words is refused rather than silently undoing
    the change (a test's balance and conclusion, one of its paragraphs)."""
    return snapshot_hash({"texts": list(texts)})


def _require_unchanged(
    current: str, shown: str | None, what: str, *, opened: str = "the page"
) -> None:
    """Refuse a save from a page that showed ``what`` other than it now is (``current`` and
    ``shown`` are fingerprints of it)."""
    if shown is not None and current != shown:
        raise DecisionError(
            f"{what} has been changed since you opened {opened}, so your changes were not "
            f"saved: open {opened} again to see the change, then make yours"
        )


@transaction.atomic
def decision_save(
    *,
    actor: User,
    request: Request,
    question_numbers: list[int],
    outcome: str,
    provisions: list[dict[str, Any]] | None = None,
    text: str = "",
    figures_given: bool = False,
    reveals_held: bool = False,
    where: str = "",
    publication_date: date | None = None,
    advice_to_narrow: str = "",
    cost_basis: str = "",
    decision: Decision | None = None,
    shown: str | None = None,
) -> Decision:
    """Record the decision on one question or a group answered together.

    A question has one decision: saving a decision for questions that are already decided
    elsewhere moves them into this one. With ``shown`` (``decision_fingerprint`` of the
    decision as the officer's page showed it), a change to an existing decision is refused if
    someone else has changed it since.
    """
    _require_officer(actor)
    _require_draftable(request)
    if decision is not None and decision.pk is not None and shown is not None:
        # Locked, so that two saves from pages opened together cannot both pass.
        current = Decision.objects.select_for_update().filter(pk=decision.pk).first()
        if current is None:
            raise DecisionError("This decision has been removed since you opened it")
        _require_unchanged(decision_fingerprint(current), shown, "This decision", opened="it")
    if outcome not in OutcomeChoice.values:
        raise DecisionError(f"Unknown outcome {outcome!r}")
    numbers = sorted(set(question_numbers))
    if not numbers:
        raise DecisionError("Choose the questions this decision answers")
    questions = list(request.questions.filter(number__in=numbers))
    if len(questions) != len(numbers):
        missing = set(numbers) - {q.number for q in questions}
        raise DecisionError(f"{request.reference} has no question {min(missing)}")
    cleaned = _provisions(provisions or [], request.regime)
    if decision is None:
        order = (request.decisions.aggregate(m=Max("order"))["m"] or 0) + 1
        decision = Decision(request=request, order=order)
    elif decision.request_id != request.pk:
        raise DecisionError("That decision belongs to another request")
    old = {
        "outcome": decision.outcome,
        "questions": sorted(q.number for q in decision.questions.all()) if decision.pk else [],
        "provisions": [p["id"] for p in decision.provisions],
    }
    decision.outcome = outcome
    decision.provisions = cleaned
    decision.text = text.strip()
    decision.figures_given = figures_given
    decision.reveals_held = reveals_held
    decision.where = where.strip()
    decision.publication_date = publication_date
    decision.advice_to_narrow = advice_to_narrow.strip()
    decision.cost_basis = cost_basis.strip()
    decision.save()
    # Each question belongs to one decision: take these questions out of any other.
    for other in request.decisions.exclude(pk=decision.pk).prefetch_related("questions"):
        other.questions.remove(*[q for q in questions if q in other.questions.all()])
        if not other.questions.exists():
            other.delete()
    decision.questions.set(questions)
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(status="decided")
    new = {"outcome": outcome, "questions": numbers, "provisions": [p["id"] for p in cleaned]}
    record(
        event_type="decision.saved",
        actor=actor,
        subject=decision,
        request=request,
        summary=f"Questions {', '.join(map(str, numbers))}: {decision.get_outcome_display()}"
        + (f" ({', '.join(new['provisions'])})" if cleaned else ""),
        changes={k: [old[k], new[k]] for k in new if old[k] != new[k]},
    )
    return decision


@transaction.atomic
def decision_delete(*, actor: User, decision: Decision) -> None:
    _require_officer(actor)
    _require_draftable(decision.request)
    numbers = sorted(q.number for q in decision.questions.all())
    decision.questions.update(status="answered")
    record(
        event_type="decision.deleted",
        actor=actor,
        subject=decision,
        request=decision.request,
        summary=f"Decision on questions {', '.join(map(str, numbers))} removed",
    )
    decision.delete()


@transaction.atomic
def cost_line_add(
    *,
    actor: User,
    decision: Decision,
    activity: str,
    hours: Decimal,
    question: Question | None = None,
    note: str = "",
) -> CostLine:
    """One line of the s12 worksheet (Fees Regs reg 4(3); redaction and exemption time are
    recorded so the worksheet is honest, but they never count towards the limit)."""
    _require_officer(actor)
    _require_draftable(decision.request)
    if activity not in CostActivity.values:
        raise DecisionError(f"Unknown activity {activity!r}")
    if hours is None or hours <= 0 or hours > Decimal("10000"):
        raise DecisionError("Hours must be more than 0 and no more than 10,000")
    if question is not None and question.request_id != decision.request_id:
        raise DecisionError("That question belongs to another request")
    line = CostLine.objects.create(
        decision=decision, question=question, activity=activity, hours=hours, note=note.strip()
    )
    record(
        event_type="decision.cost_line",
        actor=actor,
        subject=line,
        request=decision.request,
        summary=f"Cost estimate: {line.get_activity_display()}, {hours} hours"
        + (f" (question {question.number})" if question else ""),
    )
    return line


@transaction.atomic
def cost_line_delete(*, actor: User, line: CostLine) -> None:
    _require_officer(actor)
    _require_draftable(line.decision.request)
    record(
        event_type="decision.cost_line_removed",
        actor=actor,
        subject=line,
        request=line.decision.request,
        summary=f"Cost estimate line removed: {line.get_activity_display()}, {line.hours} hours",
    )
    line.delete()


# --- harm and public interest tests -------------------------------------------------------


@transaction.atomic
def test_save(
    *,
    actor: User,
    request: Request,
    provision: str,
    kind: str,
    balance: str = "",
    conclusion: str = "",
    shown: str | None = None,
) -> HarmAndPublicInterestTest:
    """Create or update the test for one provision and kind (disclosure or NCND).

    With ``shown`` (``text_fingerprint`` of the balance and conclusion as the officer's page
    showed them), an update is refused if someone else has changed them since.
    """
    _require_officer(actor)
    _require_draftable(request)
    if kind not in TestKind.values:
        raise DecisionError(f"Unknown kind of test {kind!r}")
    (cleaned,) = _provisions([{"id": provision}], request.regime)
    test, created = HarmAndPublicInterestTest.objects.get_or_create(
        request=request, provision=cleaned["id"], kind=kind
    )
    if not created and shown is not None:
        # Locked, so that two saves from pages opened together cannot both pass.
        test = HarmAndPublicInterestTest.objects.select_for_update().get(pk=test.pk)
        _require_unchanged(
            text_fingerprint(test.balance, test.conclusion),
            shown,
            f"The balance and conclusion of the test for {test.provision}",
        )
    test.balance, test.conclusion = balance.strip(), conclusion.strip()
    test.save()
    record(
        event_type="test.saved",
        actor=actor,
        subject=test,
        request=request,
        summary=f"{'Started' if created else 'Updated'} the {test.get_kind_display().lower()} "
        f"test for {test.provision}",
    )
    return test


@transaction.atomic
def test_paragraph_add(
    *,
    actor: User,
    test: HarmAndPublicInterestTest,
    section: str,
    text: str = "",
    library_paragraph: LibraryParagraph | None = None,
) -> TestParagraph:
    """Add a paragraph to a test: from the library (its text, which may then be edited) or new.

    The paragraph keeps the library version it came from, so the checker can warn when it was
    written for another provision.
    """
    _require_officer(actor)
    _require_draftable(test.request)
    if section not in (Section.EVIDENCE_OF_HARM, Section.FACTORS_FOR, Section.FACTORS_AGAINST):
        raise DecisionError(f"Unknown section {section!r}")
    body = (text or (library_paragraph.text if library_paragraph else "")).strip()
    if not body:
        raise DecisionError("Enter the paragraph, or choose one from the library")
    order = (test.paragraphs.filter(section=section).aggregate(m=Max("order"))["m"] or 0) + 1
    paragraph = TestParagraph.objects.create(
        test=test, section=section, order=order, text=body, library_paragraph=library_paragraph
    )
    record(
        event_type="test.paragraph_added",
        actor=actor,
        subject=paragraph,
        request=test.request,
        summary=f"{test.provision}: paragraph added to {Section(section).label.lower()}"
        + (f" from the library ({library_paragraph.library_id})" if library_paragraph else ""),
    )
    return paragraph


@transaction.atomic
def test_paragraph_edit(
    *, actor: User, paragraph: TestParagraph, text: str, shown: str | None = None
) -> TestParagraph:
    """Change a test paragraph's words; with ``shown`` (``text_fingerprint`` of the words the
    page showed), refused if someone else has changed them since."""
    _require_officer(actor)
    _require_draftable(paragraph.test.request)
    if not text.strip():
        raise DecisionError("A paragraph cannot be empty: remove it instead")
    if shown is not None:
        current = TestParagraph.objects.select_for_update().filter(pk=paragraph.pk).first()
        if current is None:
            raise DecisionError("This paragraph has been removed since you opened the page")
        _require_unchanged(text_fingerprint(current.text), shown, "This paragraph")
    old = paragraph.text
    paragraph.text = text.strip()
    paragraph.save(update_fields=["text"])
    record(
        event_type="test.paragraph_edited",
        actor=actor,
        subject=paragraph,
        request=paragraph.test.request,
        summary=f"{paragraph.test.provision}: paragraph edited",
        changes={"text": [old, paragraph.text]},
    )
    return paragraph


@transaction.atomic
def test_paragraph_remove(*, actor: User, paragraph: TestParagraph) -> None:
    _require_officer(actor)
    _require_draftable(paragraph.test.request)
    record(
        event_type="test.paragraph_removed",
        actor=actor,
        subject=paragraph,
        request=paragraph.test.request,
        summary=f"{paragraph.test.provision}: paragraph removed",
    )
    paragraph.delete()


# --- attachments ---------------------------------------------------------------------------

#: The kinds of file a response may attach, by extension, with the type they are served as.
#: The browser's claimed type is not trusted: the extension decides.
ATTACHMENT_TYPES = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
}
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENT_NAME = 200


def _attachment_name(raw: str) -> str:
    """The file name without any folder a browser sent with it."""
    return raw.replace("\\", "/").rsplit("/", 1)[-1].strip()


def _scan(request: Request, name: str, content: bytes) -> ScanReport:
    """Scan a file for the response, looking for this requester's name too."""
    return scan(content, filename=name, requester_names=[request.requester.name])


def _scan_data(report: ScanReport) -> dict[str, Any]:
    return {
        "kind": str(report.kind) if report.kind else None,
        "scanned_at": timezone.now().isoformat(),
        "findings": [
            {
                "code": f.code,
                "severity": str(f.severity),
                "where": str(f.where),
                "message": f.message,
                "can_clean": f.can_clean,
            }
            for f in report.findings
        ],
    }


@transaction.atomic
def attachment_add(
    *,
    actor: User,
    request: Request,
    uploaded_file: File,
    question_numbers: list[int],
) -> ResponseAttachment:
    """Attach a file to the response, for the questions it answers (none: the whole response).

    The file is scanned first (``foidesk.safety``): a file that is hostile (a zip bomb, macros),
    encrypted, unreadable or not what its name says is refused and nothing is stored. Otherwise
    it is stored with its scan, whose errors block approval. The file is stored and the record
    written together: if the record cannot be written the stored file is removed again.
    """
    _require_officer(actor)
    _require_draftable(request)
    name = _attachment_name(str(uploaded_file.name or ""))
    if not name:
        raise DecisionError("Choose a file to attach")
    if len(name) > MAX_ATTACHMENT_NAME:
        raise DecisionError(f"The file name must be {MAX_ATTACHMENT_NAME} characters or fewer")
    extension = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if extension not in ATTACHMENT_TYPES:
        raise DecisionError(
            f"{name} cannot be attached: the file must be a CSV, XLSX, ODS, DOCX, PDF or TXT file"
        )
    size = uploaded_file.size or 0
    if size == 0:
        raise DecisionError(f"{name} is empty")
    if size > MAX_ATTACHMENT_BYTES:
        raise DecisionError(f"{name} is larger than 20 MB")
    if request.attachments.filter(name=name).exists():
        raise DecisionError(
            f"{request.reference} already has an attachment called {name}: remove it first"
        )
    numbers = sorted(set(question_numbers))
    questions = list(request.questions.filter(number__in=numbers))
    if len(questions) != len(numbers):
        missing = set(numbers) - {q.number for q in questions}
        raise DecisionError(f"{request.reference} has no question {min(missing)}")
    uploaded_file.seek(0)
    content = uploaded_file.read()
    report = _scan(request, name, content)
    if report.refused:
        raise DecisionError(f"{name} was not attached: {report.refused}")
    attachment = ResponseAttachment(
        request=request,
        name=name,
        content_type=ATTACHMENT_TYPES[extension],
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=actor,
        scan=_scan_data(report),
    )
    attachment.file.save(name, ContentFile(content), save=False)
    try:
        with transaction.atomic():
            attachment.save()
            attachment.questions.set(questions)
            record(
                event_type="attachment.added",
                actor=actor,
                subject=attachment,
                request=request,
                summary=f"Attached {name}"
                + (f" for questions {', '.join(map(str, numbers))}" if numbers else ""),
                detail={
                    "sha256": attachment.sha256,
                    "size": attachment.size,
                    "scan_errors": len(report.errors),
                    "scan_warnings": len(report.warnings),
                },
            )
    except Exception:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


@transaction.atomic
def attachment_clean(*, actor: User, attachment: ResponseAttachment) -> ResponseAttachment:
    """Remove what can safely be removed from the file (metadata, hidden sheets, comments,
    formulas kept as their values ...), store the cleaned file in place of the old one and
    scan it again. What cleaning cannot fix (tracked changes, text under black boxes) stays
    listed, and still blocks approval."""
    _require_officer(actor)
    request = attachment.request
    _require_draftable(request)
    if not attachment.can_clean:
        raise DecisionError(f"Nothing in {attachment.name} can be cleaned automatically")
    with attachment.file.open("rb") as handle:
        content = handle.read()
    try:
        cleaned = clean(content, filename=attachment.name)
    except (CannotClean, FileRefused) as exc:
        raise DecisionError(f"{attachment.name} could not be cleaned: {exc}") from exc
    report = _scan(request, attachment.name, cleaned)
    if report.refused:
        raise DecisionError(f"{attachment.name} could not be cleaned: {report.refused}")
    before = {f["code"] for f in attachment.scan_findings}
    old_storage, old_name = attachment.file.storage, attachment.file.name
    attachment.file.save(attachment.name, ContentFile(cleaned), save=False)
    new_name = attachment.file.name
    try:
        with transaction.atomic():
            attachment.size = len(cleaned)
            attachment.sha256 = hashlib.sha256(cleaned).hexdigest()
            attachment.scan = _scan_data(report)
            attachment.save(update_fields=["file", "size", "sha256", "scan"])
            record(
                event_type="attachment.cleaned",
                actor=actor,
                subject=attachment,
                request=request,
                summary=f"Cleaned {attachment.name}",
                detail={
                    "sha256": attachment.sha256,
                    "removed": sorted(before - {f.code for f in report.findings}),
                    "still_found": sorted({f.code for f in report.findings}),
                },
            )
    except Exception:
        attachment.file.storage.delete(new_name)
        raise
    transaction.on_commit(lambda: old_storage.delete(old_name))
    return attachment


def attachment_blockers(request: Request) -> list[str]:
    """The scan errors in the response's files, which stop it going out."""
    return [
        f"{attachment.name}: {finding['message'].split('. ')[0]} ({finding['where']})"
        for attachment in request.attachments.all()
        for finding in attachment.scan_errors
    ]


@transaction.atomic
def attachment_remove(*, actor: User, attachment: ResponseAttachment) -> None:
    """Remove an attachment; its stored file goes once the removal is committed."""
    _require_officer(actor)
    _require_draftable(attachment.request)
    record(
        event_type="attachment.removed",
        actor=actor,
        subject=attachment,
        request=attachment.request,
        summary=f"Removed the attachment {attachment.name}",
        detail={"sha256": attachment.sha256},
    )
    storage, stored = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored))


# --- the paragraph library ----------------------------------------------------------------


@transaction.atomic
def library_paragraph_save(
    *,
    actor: User | None,
    key: str,
    written_for: list[str],
    topic: str,
    section: str,
    text: str,
    based_on: int | None = None,
) -> LibraryParagraph:
    """Add a paragraph to the library, or a new version of an existing one (same ``key``).

    Earlier versions stay: tests that used them keep pointing at the words they used. With
    ``based_on`` (the version the officer's page showed), a new version is refused if another
    has been saved since: it would make a revision of the older words current, dropping the
    colleague's change from the library without anyone deciding to.
    """
    if actor is not None and actor.role != Role.FOI_OFFICER:
        raise DecisionError("Only FOI officers edit the paragraph library")
    if not key.strip() or not topic.strip() or not text.strip():
        raise DecisionError("A library paragraph needs a key, a topic and its text")
    if section not in Section.values or section in (Section.BALANCE, Section.CONCLUSION):
        raise DecisionError(f"Unknown section {section!r}")
    if not written_for:
        raise DecisionError("Say which provisions the paragraph was written for")
    for pid in written_for:
        try:
            get_provision(pid)
        except UnknownProvision as exc:
            raise DecisionError(f"{pid} is not in the catalogue") from exc
    # One new version of a key at a time: the second waits, then sees the first's version.
    locked = list(LibraryParagraph.objects.select_for_update().filter(key=key))
    current = LibraryParagraph.objects.filter(key=key, is_current=True).first()
    if locked and based_on is not None and current and current.version != based_on:
        raise DecisionError(
            f"Version {current.version} has been saved since you opened version {based_on}, so "
            "yours was not saved: open the paragraph again to see it, then make your change"
        )
    if current and (current.text, current.written_for, current.topic, current.section) == (
        text.strip(),
        written_for,
        topic.strip(),
        section,
    ):
        return current
    version = (LibraryParagraph.objects.filter(key=key).aggregate(m=Max("version"))["m"] or 0) + 1
    LibraryParagraph.objects.filter(key=key).update(is_current=False)
    paragraph = LibraryParagraph.objects.create(
        key=key,
        version=version,
        written_for=written_for,
        topic=topic.strip(),
        section=section,
        text=text.strip(),
        created_by=actor,
    )
    record(
        event_type="library.paragraph_saved",
        actor=actor,
        subject=paragraph,
        summary=f"Library paragraph {paragraph.library_id} saved ({topic.strip()})",
    )
    return paragraph


# --- sign-off -----------------------------------------------------------------------------


def drafters(request: Request) -> set[int]:
    """Everyone who wrote any part of this draft: they may not approve it (four eyes)."""
    return set(
        AuditEvent.objects.filter(
            request=request,
            event_type__regex=r"^(decision|test|attachment)\.",
            actor__isnull=False,
        ).values_list("actor_id", flat=True)
    )


def current_version(request: Request) -> ResponseVersion | None:
    return request.versions.order_by("-number").first()


def approved_and_current(request: Request) -> ResponseVersion | None:
    """The approved version if the draft has not changed since it was approved."""
    version = current_version(request)
    if version is None or version.status != SignOffStatus.APPROVED:
        return None
    if snapshot_hash(_unsent(response_data(request))) != version.snapshot_hash:
        return None
    return version


def draft_matches(request: Request, version: ResponseVersion) -> bool:
    """True when the current draft is the one frozen in ``version`` (the sending date aside)."""
    return snapshot_hash(_unsent(response_data(request))) == version.snapshot_hash


def _unsent(data: dict[str, Any]) -> dict[str, Any]:
    """The draft without the sending date, which approval does not cover."""
    data = {**data, "dates": {k: v for k, v in data["dates"].items() if k != "sent"}}
    return data


def blocking_findings(request: Request) -> list:
    """The checker's errors in the draft itself, which stop it going for approval.

    Errors about the dates (an overdue response, a late s17 notice) are shown but do not
    block: no change to the draft can mend them, and a late response must still be sent.
    """
    return [
        f
        for f in findings_for(request)
        if f.severity is Severity.ERROR and not f.where.startswith("dates")
    ]


def responded_guard(request: Request) -> str | None:
    """A request is recorded as responded only with an approved, unchanged response: the
    message says what is missing, so the FOI officer knows the next step (send the draft for
    approval, wait for the decision maker, or ask again for the changed draft)."""
    return _not_sendable(request, current_version(request))


def _not_sendable(request: Request, version: ResponseVersion | None) -> str | None:
    if version is None:
        missing = "the response has not been sent for approval yet"
    elif version.status == SignOffStatus.AWAITING:
        missing = f"version {version.number} is still awaiting approval"
    elif version.status != SignOffStatus.APPROVED:
        missing = (
            f"version {version.number} was {version.get_status_display().lower()}: send the "
            "draft for approval again"
        )
    elif not draft_matches(request, version):
        missing = (
            f"the draft has changed since it was approved (version {version.number}): send "
            "it for approval again"
        )
    else:
        return None
    return f"Only an approved response can be sent: {missing}"


@transaction.atomic
def response_submit(*, actor: User, request: Request, note: str = "") -> ResponseVersion:
    """Freeze the draft as a new version and ask a decision maker to approve it.

    An earlier version still awaiting approval is superseded now, when the new one is sent for
    approval: from this moment only the new one can be decided (``_decide`` takes the latest
    version), so waiting until the new one is approved or sent would leave the earlier one
    shown as awaiting approval when it never can be. Approved and sent-back versions keep their
    status: those decisions stay on record, and the newest approved version is the one the
    disclosure log publishes as sent.
    """
    _require_officer(actor)
    if not request.decisions.exists():
        raise DecisionError("Record a decision on every question before asking for approval")
    undecided = request.questions.filter(decisions__isnull=True).values_list("number", flat=True)
    if undecided:
        raise DecisionError(f"Question {', '.join(map(str, undecided))} has no decision yet")
    problems = blocking_findings(request)
    if problems:
        raise DecisionError(
            "The checker found errors in the draft: "
            + "; ".join(f.message.split(". ")[0] for f in problems[:3])
            + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else "")
        )
    _refuse_unsafe_files(request)
    # One submission at a time: lock the request, so that a second press of the button waits
    # for the first and then finds its version.
    Request.objects.select_for_update().filter(pk=request.pk).first()
    data = _unsent(response_data(request))
    current = current_version(request)
    if (
        current is not None
        and current.status in (SignOffStatus.AWAITING, SignOffStatus.APPROVED)
        and current.snapshot_hash == snapshot_hash(data)
    ):
        raise DecisionError(
            f"Version {current.number} of this draft is already "
            f"{current.get_status_display().lower()}: nothing has changed to send"
        )
    number = (request.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = ResponseVersion.objects.create(
        request=request,
        number=number,
        snapshot=data,
        snapshot_hash=snapshot_hash(data),
        submitted_by=actor,
        reasons=note.strip(),
    )
    record(
        event_type="response.submitted",
        actor=actor,
        subject=version,
        request=request,
        summary=f"Version {number} sent for approval",
    )
    for earlier in request.versions.filter(status=SignOffStatus.AWAITING, number__lt=number):
        earlier.status = SignOffStatus.SUPERSEDED
        earlier.save(update_fields=["status"])
        record(
            event_type="response.superseded",
            actor=actor,
            subject=earlier,
            request=request,
            summary=f"Version {earlier.number} superseded by version {number}: it can no "
            "longer be approved",
            detail={"by": number},
        )
    request.refresh_from_db(fields=["state"])
    if request.state != RequestState.AWAITING_APPROVAL:
        request_transition(actor=actor, request=request, to_state=RequestState.AWAITING_APPROVAL)
    return version


def _refuse_unsafe_files(request: Request) -> None:
    files = attachment_blockers(request)
    if files:
        raise DecisionError(
            "The safety scan found problems in the attached files: "
            + "; ".join(files[:3])
            + (f" (and {len(files) - 3} more)" if len(files) > 3 else "")
            + ". Clean or replace the files first"
        )


#: What became of the latest version since a page showed an earlier one.
_SINCE = {
    SignOffStatus.AWAITING: "has been sent for approval since",
    SignOffStatus.APPROVED: "has been approved since",
    SignOffStatus.SENT_BACK: "has been sent back since",
}


def _require_shown(
    request: Request, version: ResponseVersion | None, shown: int | None, *, was: str, then: str
) -> None:
    """The stale-page guard: ``shown`` is the number of the version the page showed (a hidden
    field of the form); refuse unless that is still the latest, ``version``, so that nobody
    approves, sends back or records as sent a version they did not read. A superseded version
    is never the latest, so this is also what stops one being approved or sent."""
    if shown is None or version is None or shown == version.number:
        return
    latest = f"version {version.number}"
    why = f"{latest} {_SINCE.get(version.status, 'has come since')}"
    if request.versions.filter(number=shown, status=SignOffStatus.SUPERSEDED).exists():
        why = f"it has been superseded by a later version, and {why}"
    raise DecisionError(f"Version {shown} is no longer {was}: {why}. {then.format(latest=latest)}")


def _decide(actor: User, request: Request, shown: int | None = None) -> ResponseVersion:
    """The version awaiting a decision; with ``shown`` (the number of the version the decision
    maker read), only if that is still the one awaiting."""
    if actor.role != Role.DECISION_MAKER:
        raise DecisionError("Only a decision maker can approve or send back a response")
    locked = Request.objects.select_for_update().filter(pk=request.pk).first()
    version = current_version(request)
    _require_shown(
        request,
        version,
        shown,
        was="the one awaiting approval",
        then="Read {latest} before deciding",
    )
    if (
        version is None
        or version.status != SignOffStatus.AWAITING
        or locked is None
        or locked.state != RequestState.AWAITING_APPROVAL
    ):
        raise DecisionError("There is no version waiting for approval")
    if actor.pk == version.submitted_by_id or actor.pk in drafters(request):
        raise DecisionError(
            "You drafted part of this response: another decision maker must approve it (four eyes)"
        )
    return version


@transaction.atomic
def response_approve(
    *, actor: User, request: Request, note: str = "", version_shown: int | None = None
) -> ResponseVersion:
    """Approve the frozen version (with ``version_shown``, only if that is the one awaiting). A
    draft changed since it was submitted cannot be approved."""
    version = _decide(actor, request, version_shown)
    _refuse_unsafe_files(request)
    if snapshot_hash(_unsent(response_data(request))) != version.snapshot_hash:
        raise DecisionError(
            "The draft has changed since it was sent for approval: ask for "
            "approval of the new version"
        )
    _settle(
        version,
        actor=actor,
        request=request,
        status=SignOffStatus.APPROVED,
        reasons=note.strip(),
        event_type="response.approved",
        summary=f"Version {version.number} approved",
        detail={"note": note} if note else None,
    )
    return version


def _settle(
    version: ResponseVersion,
    *,
    actor: User,
    request: Request,
    status: SignOffStatus,
    reasons: str,
    event_type: str,
    summary: str,
    detail: dict | None,
) -> None:
    """Record what became of a version awaiting approval (approved, sent back, taken back):
    who decided, when and why, and the event on the response's history."""
    version.status = status
    version.decided_by, version.decided_at = actor, timezone.now()
    version.reasons = reasons
    version.save(update_fields=["status", "decided_by", "decided_at", "reasons"])
    record(
        event_type=event_type,
        actor=actor,
        subject=version,
        request=request,
        summary=summary,
        detail=detail,
    )


@transaction.atomic
def response_send_back(
    *, actor: User, request: Request, reasons: str, version_shown: int | None = None
) -> ResponseVersion:
    if not reasons.strip():
        raise DecisionError("Say why the response is being sent back")
    version = _decide(actor, request, version_shown)
    _settle(
        version,
        actor=actor,
        request=request,
        status=SignOffStatus.SENT_BACK,
        reasons=reasons.strip(),
        event_type="response.sent_back",
        summary=f"Version {version.number} sent back",
        detail={"reason": reasons},
    )
    request_transition(actor=actor, request=request, to_state=RequestState.DRAFTING, reason=reasons)
    return version


@transaction.atomic
def response_take_back(*, actor: User, request: Request, reason: str = "") -> None:
    """The request went back to drafting from the case page while a version awaited approval:
    that version goes back with it, recorded as sent back by whoever moved the request, so
    that it can no longer be approved and the officer may send the draft for approval again.
    (Called by ``request_transition``; a version the decision maker sent back is no longer
    awaiting, so nothing happens then.)"""
    for version in request.versions.filter(status=SignOffStatus.AWAITING):
        _settle(
            version,
            actor=actor,
            request=request,
            status=SignOffStatus.SENT_BACK,
            reasons=reason.strip() or "The request went back to drafting.",
            event_type="response.taken_back",
            summary=f"Version {version.number} taken back to drafting: it can no longer be "
            "approved",
            detail={"reason": reason} if reason.strip() else None,
        )


@transaction.atomic
def response_record_sent(
    *, actor: User, request: Request, sent_on: date, version_shown: int | None = None
) -> Request:
    """Record that the approved response went out on ``sent_on`` (with ``version_shown``, only
    if that is still the latest version: the one the officer read and sent).

    Only an approved draft, unchanged since, may be recorded as sent (``responded_guard``, which
    ``request_transition`` applies too), and not on a day before it was approved: what went out
    before approval was not the approved response. The approval is checked first, so that with
    nothing approved the officer is told that rather than about the date. Nothing is changed
    when it is refused.
    """
    _require_officer(actor)
    Request.objects.select_for_update().filter(pk=request.pk).first()
    version = current_version(request)
    _require_shown(
        request,
        version,
        version_shown,
        was="the latest version",
        then="Open the response again: only the latest version, once approved, can be "
        "recorded as sent",
    )
    problem = _not_sendable(request, version)
    if problem:
        raise DecisionError(problem)
    if sent_on > timezone.localdate():
        raise DecisionError("The date sent cannot be in the future", field="sent_on")
    received = timezone.localtime(request.received_at).date()
    if sent_on < received:
        raise DecisionError(
            f"The date sent cannot be before the request was received ({received:%-d %B %Y})",
            field="sent_on",
        )
    approved = timezone.localtime(version.decided_at).date()
    if sent_on < approved:
        raise DecisionError(
            f"The date sent cannot be before the response was approved: version "
            f"{version.number} was approved on {approved:%-d %B %Y}",
            field="sent_on",
        )
    request_transition(actor=actor, request=request, to_state=RequestState.RESPONDED)
    Request.objects.filter(pk=request.pk).update(responded_on=sent_on)
    # On the response's history and the case timeline, with the day it went out: a later
    # response (after an internal review) records its own day, and this one stays on record.
    record(
        event_type="response.sent",
        actor=actor,
        subject=version,
        request=request,
        summary=f"Version {version.number} sent on {sent_on:%-d %B %Y}",
        detail={"sent_on": sent_on.isoformat()},
    )
    request.refresh_from_db()
    return request


# These are services for harm and public interest *tests*, not pytest tests: keep pytest from
# collecting them when a test module imports them.
for _service in (test_save, test_paragraph_add, test_paragraph_edit, test_paragraph_remove):
    _service.__test__ = False  # type: ignore[attr-defined]
