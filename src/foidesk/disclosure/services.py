"""Publishing to the disclosure log, correcting and withdrawing (every write, with the audit
trail).

What is published is the response as approved and sent (the approved ``ResponseVersion``
snapshot with the date it went out), with the requester removed: the officer sees every
proposed redaction first (``publication_draft``), and ``publication_publish`` refuses while the
requester's name or a contact detail is still anywhere in what would go public.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from foidesk import safety
from foidesk.accounts.models import Role, User
from foidesk.audit.services import record
from foidesk.cases.models import Request
from foidesk.cases.states import RequestState
from foidesk.decisions.documents import document_outline, render_text
from foidesk.decisions.models import ResponseVersion, SignOffStatus
from foidesk.law.response import Outcome

from . import redaction
from .models import (
    FacetKind,
    OverallOutcome,
    Publication,
    PublicationFacet,
    PublishedAttachment,
    RedactionKind,
    RedactionRule,
    RedactionScope,
    Topic,
)

#: A response has gone out in these states, so it may be published.
PUBLISHABLE_STATES = frozenset(
    {
        RequestState.RESPONDED,
        RequestState.INTERNAL_REVIEW,
        RequestState.WITH_ICO,
        RequestState.CLOSED,
    }
)
FACETS_CACHE_KEY = "disclosure:facets"


class PublishError(Exception):
    """Why a request cannot be published, corrected or withdrawn, in words for the page."""


def _require_officer(actor: User) -> None:
    if actor.role != Role.FOI_OFFICER:
        raise PublishError("Only an FOI officer can publish to the disclosure log")


# --- the texts of a response ------------------------------------------------------------------

#: Parts of the structured response that are codes or dates, never free text.
_NOT_TEXT = frozenset(
    {"format", "dates", "id", "kind", "outcome", "regime", "provision", "written_for", "reference"}
)


def _texts(data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every free-text value in the structured response, with its path ("request.text",
    "decisions.0.text", "tests.1.factors_for.0.text")."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in _NOT_TEXT:
                yield from _texts(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, f"{path}.{index}")


def _set_text(data: Any, path: str, value: str) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data[int(part)] if isinstance(data, list) else data[part]
    if isinstance(data, list):
        data[int(last)] = value
    else:
        data[last] = value


def _is_request_field(path: str) -> bool:
    """The request as received: where signatures and quoted email headers are found."""
    return path.startswith("request.")


def overall_outcome(outcomes: Iterable[str]) -> OverallOutcome:
    """How a disclosure log labels a whole request from its answers: all given, some given,
    all refused (an exemption, NCND or a procedural refusal under s12, s14, s21 or s22), or
    none held."""
    given = {Outcome.DISCLOSED.value}
    partly = {Outcome.PARTIALLY_DISCLOSED.value}
    refused = {
        Outcome.EXEMPT.value,
        Outcome.NCND.value,
        Outcome.COST_LIMIT.value,
        Outcome.VEXATIOUS.value,
        Outcome.REPEATED.value,
        Outcome.REASONABLY_ACCESSIBLE.value,
        Outcome.FUTURE_PUBLICATION.value,
    }
    not_held = {Outcome.NOT_HELD.value}
    found = set(outcomes)
    if not found:
        return OverallOutcome.OTHER
    if found <= given:
        return OverallOutcome.DISCLOSED
    if found & (given | partly):
        return OverallOutcome.PARTLY_DISCLOSED
    if found <= not_held:
        return OverallOutcome.NOT_HELD
    if found <= refused | not_held:
        return OverallOutcome.REFUSED
    return OverallOutcome.OTHER


# --- what would be published --------------------------------------------------------------------


def sent_version(request: Request) -> ResponseVersion | None:
    """The approved version that went out (the newest approval, once a date sent is recorded)."""
    if request.responded_on is None:
        return None
    return (
        request.versions.filter(status=SignOffStatus.APPROVED)
        .select_related("decided_by")
        .order_by("-number")
        .first()
    )


def _requester(request: Request) -> redaction.RequesterDetails:
    person = request.requester
    return redaction.RequesterDetails(
        name=person.name,
        email=person.email,
        phone=person.phone,
        address=person.address,
        organisation=person.organisation,
    )


def _stored_rules(request: Request) -> list[redaction.Rule]:
    rules = RedactionRule.objects.filter(is_active=True).filter(
        scope=RedactionScope.AUTHORITY
    ) | RedactionRule.objects.filter(is_active=True, request=request)
    return [
        redaction.Rule(
            kind=rule.kind,
            text=rule.text,
            reason=rule.reason,
            whole_response=rule.whole_response,
            replacement=rule.replacement,
            key=f"rule:{rule.pk}",
        )
        for rule in rules.order_by("created_at", "id")
    ]


@dataclass
class PublicationDraft:
    """What publishing would do: the texts as they stand, every proposed redaction, and
    whether this is a correction of an entry already in the log."""

    request: Request
    version: ResponseVersion
    snapshot: dict[str, Any]
    texts: dict[str, str]
    matches: list[redaction.Match]
    current: Publication | None
    attachments: list[Any] = field(default_factory=list)

    def redacted(self, keep: set[str] | None = None) -> dict[str, str]:
        """Each text with the kept matches (all, if ``keep`` is None) applied."""
        chosen = [m for m in self.matches if keep is None or m.key in keep]
        return {
            path: redaction.apply(text, [m for m in chosen if m.field == path])
            for path, text in self.texts.items()
        }


def publication_draft(request: Request) -> PublicationDraft:
    """The publication an officer is about to make, with the proposed redactions."""
    if request.state not in PUBLISHABLE_STATES:
        raise PublishError(
            f"{request.reference} cannot be published yet: only a response that has been "
            "sent can be"
        )
    version = sent_version(request)
    if version is None:
        raise PublishError(
            f"{request.reference} has no approved response with a date sent to publish"
        )
    snapshot = copy.deepcopy(version.snapshot)
    snapshot.setdefault("dates", {})["sent"] = request.responded_on.isoformat()
    texts = dict(_texts(snapshot))
    rules = (
        redaction.requester_rules(_requester(request))
        + redaction.standard_rules()
        + _stored_rules(request)
    )
    matches = redaction.find(
        texts, rules, request_fields=[path for path in texts if _is_request_field(path)]
    )
    return PublicationDraft(
        request=request,
        version=version,
        snapshot=snapshot,
        texts=texts,
        matches=matches,
        current=request.publications.filter(is_current=True).first(),
        attachments=_sent_attachments(request, version),
    )


def _sent_attachments(request: Request, version: ResponseVersion) -> list[Any]:
    """The files that went out with the sent response: those it lists, as attached when it
    was approved. A file attached since (during an internal review, say) was never sent, and
    may not have been approved or even scanned clean, so it is not published; a file that was
    sent but has since been removed or replaced stops publishing until the response that
    changed it is sent."""
    names = [a["name"] for a in version.snapshot.get("attachments", [])]
    files = {
        a.name: a for a in request.attachments.filter(name__in=names).prefetch_related("questions")
    }
    for name in names:
        attachment = files.get(name)
        if attachment is None:
            raise PublishError(
                f"{name} was sent with the response but is no longer attached: publish once "
                "the changed response has been approved and sent"
            )
        if version.decided_at is not None and attachment.uploaded_at > version.decided_at:
            raise PublishError(
                f"{name} has been replaced since the response was sent: publish once the "
                "changed response has been approved and sent"
            )
    return [files[name] for name in sorted(names)]


# --- publishing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtraRedaction:
    """Words the officer adds to redact, with why."""

    text: str
    reason: str


def _topics(names: Iterable[str]) -> list[Topic]:
    topics = []
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        if len(name) > 120:
            raise PublishError("A topic name must be 120 characters or fewer")
        slug = slugify(name)[:80]
        if not slug:
            raise PublishError(f"“{name}” cannot be a topic: use letters or numbers")
        topic = Topic.objects.filter(slug=slug).first() or Topic.objects.create(
            slug=slug, name=name
        )
        topics.append(topic)
    return topics


def _leaks_in_files(
    attachments: list[Any], details: redaction.RequesterDetails
) -> list[tuple[str, str]]:
    """The requester's name or contact details in a file's name or contents: every file is read
    as the safety scan reads it (``foidesk.safety.read_text``: cells, paragraphs, comments,
    metadata, PDF text) and checked as the response's own text is; and a file whose scan, made
    when it was attached, found the requester's name is held back too."""
    texts = {}
    found = []
    for attachment in attachments:
        texts[f"the attachment name {attachment.name}"] = attachment.name
        with attachment.file.open("rb") as handle:
            texts[f"the attachment {attachment.name}"] = safety.read_text(
                handle.read(), filename=attachment.name
            )
        if any(f["code"] == "requester_name" for f in attachment.scan_findings):
            found.append((f"the attachment {attachment.name}", "name"))
    return redaction.leaks(texts, details) + found


def describe_field(field: str) -> str:
    """Where in the response a text is, in words for the officer (a place already in words,
    such as "the attachment tables.csv", is left as it is)."""
    names = {
        "request.text": "the request text",
        "request.title": "the title",
        "rights_paragraph": "the rights paragraph",
    }
    if field in names:
        return names[field]
    parts = field.split(".")
    if parts[:2] == ["request", "questions"]:
        return f"question {int(parts[2]) + 1}"
    if parts[0] == "decisions":
        return f"answer {int(parts[1]) + 1}"
    if parts[0] == "tests":
        return "the harm and public interest test"
    return field


@transaction.atomic
def publication_publish(
    *,
    actor: User,
    request: Request,
    keep: set[str] | None = None,
    extra: Iterable[ExtraRedaction] = (),
    topics: Iterable[Topic] = (),
    new_topics: Iterable[str] = (),
    correction_note: str = "",
) -> Publication:
    """Publish the sent response, or a correction of the published one.

    ``keep`` names the proposed redactions the officer kept (``Match.key``); ``None`` keeps
    them all. ``extra`` words are stored as redaction rules for this request, so a correction
    redacts them again. The earlier version stays on record, no longer current, unless it
    shows what this one redacts (``_withdraw_versions_showing``).
    """
    _require_officer(actor)
    request = Request.objects.select_for_update().select_related("requester").get(pk=request.pk)
    extra = [e for e in extra if e.text.strip()]
    new_topics = list(new_topics)
    for item in extra:
        if not item.reason.strip():
            raise PublishError(f"Say why “{item.text.strip()}” is redacted")
        if len(item.text) > 500:
            raise PublishError("Words to redact must be 500 characters or fewer")
    draft = publication_draft(request)
    if draft.current is not None and not correction_note.strip():
        raise PublishError(
            f"{request.reference} is already in the disclosure log: say what this correction "
            "changes"
        )
    added = set()
    for item in extra:
        rule = RedactionRule.objects.create(
            scope=RedactionScope.REQUEST,
            request=request,
            kind=RedactionKind.LITERAL,
            text=item.text.strip(),
            reason=item.reason.strip(),
            created_by=actor,
        )
        record(
            event_type="redaction_rule.added",
            actor=actor,
            subject=rule,
            request=request,
            summary=f"Redaction added for publishing: {rule.reason}",
        )
        added.add(f"rule:{rule.pk}")
    if added:
        # The stored rules are part of the draft now; what they find is kept.
        draft = publication_draft(request)
        if keep is not None:
            keep |= {m.key for m in draft.matches if m.rule.key in added}
    kept = [m for m in draft.matches if keep is None or m.key in keep]
    texts = draft.redacted({m.key for m in kept})
    details = _requester(request)
    # What the officer writes for the public page is checked as the response is: the note on
    # a correction and the names of new topics; and the reference, the entry's label and
    # address.
    own_words = {"the correction note": correction_note}
    own_words |= {f"the topic {name}": name for name in new_topics}
    leaks = (
        redaction.leaks({**texts, **own_words}, details)
        + redaction.leaks_in_reference(request.reference, details)
        + _leaks_in_files(draft.attachments, details)
    )
    if leaks:
        where = "; ".join(
            f"the requester's {what} in {describe_field(field)}"
            for field, what in dict.fromkeys(leaks)
        )
        raise PublishError(f"Not published: {where}. Redact it before publishing.")

    snapshot = draft.snapshot
    for path, text in texts.items():
        _set_text(snapshot, path, text)
    outcomes = [d["outcome"] for d in snapshot.get("decisions", [])]
    provisions = sorted(
        {p["id"] for d in snapshot.get("decisions", []) for p in d.get("provisions", [])}
    )
    previous = draft.current
    now = timezone.now()
    if previous is not None:
        # The search index follows by itself (a trigger on SQLite, a generated column on
        # PostgreSQL: ``search``).
        Publication.objects.filter(pk=previous.pk).update(is_current=False)
        _withdraw_versions_showing(
            request,
            [draft.texts[m.field][m.start : m.end] for m in kept],
            version=previous.version + 1,
            at=now,
            actor=actor,
        )
    publication = Publication.objects.create(
        request=request,
        version=(previous.version + 1) if previous else 1,
        slug=request.slug,
        reference=request.reference,
        title=texts.get("request.title", request.title),
        regime=request.regime,
        received_on=timezone.localtime(request.received_at).date(),
        responded_on=request.responded_on,
        published_at=now,
        published_by=actor,
        snapshot=snapshot,
        request_text=texts.get("request.text", ""),
        response_text=_response_text(snapshot),
        outcome=overall_outcome(outcomes),
        ncnd=Outcome.NCND.value in outcomes,
        year=request.responded_on.year,
        redactions=[
            {"field": m.field, "start": m.start, "end": m.end, "reason": m.rule.reason}
            for m in kept
        ],
        correction_note=correction_note.strip(),
    )
    publication.topics.set([*topics, *_topics(new_topics)])
    PublicationFacet.objects.bulk_create(
        [
            PublicationFacet(publication=publication, kind=FacetKind.PROVISION, value=value)
            for value in provisions
        ]
        + [
            PublicationFacet(publication=publication, kind=FacetKind.QUESTION_OUTCOME, value=value)
            for value in sorted(set(outcomes))
        ]
    )
    copies = _copy_attachments(publication, draft.attachments)
    try:
        _record_published(actor, publication, previous, kept, draft)
    except Exception:
        for copy_ in copies:
            copy_.file.storage.delete(copy_.file.name)
        raise
    transaction.on_commit(lambda: cache.delete(FACETS_CACHE_KEY))
    return publication


def _record_published(
    actor: User,
    publication: Publication,
    previous: Publication | None,
    kept: list[redaction.Match],
    draft: PublicationDraft,
) -> None:
    record(
        event_type="publication.published",
        actor=actor,
        subject=publication,
        request=publication.request,
        summary=(
            f"Published in the disclosure log (version {publication.version})"
            if previous is None
            else f"Correction published in the disclosure log (version {publication.version})"
        ),
        detail={
            "redactions": len(kept),
            "proposed": len(draft.matches),
            "attachments": len(draft.attachments),
            "correction_note": publication.correction_note,
        },
    )


#: Sections of the response document that are not the answer itself: the request is stored
#: on its own, and the attachment list and complaint rights are the same boilerplate everywhere.
_NOT_ANSWER = frozenset({"request", "attachments", "rights"})


def _response_text(snapshot: dict[str, Any]) -> str:
    """The answers and the harm and public interest tests as plain text, for search."""
    outline = document_outline(snapshot)
    keys = [section.key for section in outline.sections if section.key not in _NOT_ANSWER]
    return render_text(outline, sections=keys, headings=False)


def _copy_attachments(
    publication: Publication, attachments: list[Any]
) -> list[PublishedAttachment]:
    """Copy each file as it is now; if anything fails the copies made so far are removed."""
    stored: list[PublishedAttachment] = []
    try:
        for attachment in attachments:
            with attachment.file.open("rb") as handle:
                content = handle.read()
            copy_ = PublishedAttachment(
                publication=publication,
                name=attachment.name,
                content_type=attachment.content_type,
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                questions=sorted(q.number for q in attachment.questions.all()),
            )
            copy_.file.save(attachment.name, ContentFile(content), save=False)
            stored.append(copy_)
            copy_.save()
    except Exception:
        for copy_ in stored:
            copy_.file.storage.delete(copy_.file.name)
        raise
    return stored


def _withdraw_versions_showing(
    request: Request, redacted: list[str], *, version: int, at: dt.datetime, actor: User
) -> None:
    """A correction that redacts what an earlier version showed takes that version out of the
    log (its page and files answer 404 from now on), so that a correction made to remove a
    name or other detail published by mistake does remove it; the record stays for the
    authority. A correction of anything else leaves the earlier versions on record. (Called
    inside ``publication_publish``'s transaction.)"""
    words = {" ".join(w.split()) for w in redacted if w.strip()}
    if not words:
        return
    # Whole words only: redacting "Lee" does not touch a version that names Leeds.
    shown = re.compile(
        "|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in sorted(words)), re.IGNORECASE
    )
    showing = {
        earlier.pk: earlier.version
        for earlier in Publication.objects.filter(request=request, withdrawn_at__isnull=True)
        .exclude(version=version)
        .only("pk", "version", "snapshot")
        if any(shown.search(" ".join(text.split())) for _, text in _texts(earlier.snapshot))
    }
    if showing:
        reason = f"Replaced by version {version}, which redacts what it showed"
        Publication.objects.filter(pk__in=showing).update(withdrawn_at=at, withdrawn_reason=reason)
        record(
            event_type="publication.versions_withdrawn",
            actor=actor,
            subject=request,
            request=request,
            summary=f"Earlier versions taken out of the disclosure log: {reason.lower()}",
            detail={"versions": sorted(showing.values())},
        )


@transaction.atomic
def publication_withdraw(*, actor: User, publication: Publication, reason: str) -> Publication:
    """Take an entry out of the log (all its versions answer 404 from now on); the record
    and its reason stay for the authority."""
    _require_officer(actor)
    reason = reason.strip()
    if not reason:
        raise PublishError("Say why the entry is withdrawn")
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if publication.withdrawn_at is not None:
        raise PublishError(f"{publication.reference} has already been withdrawn")
    if not publication.is_current:
        raise PublishError("Only the current version of an entry can be withdrawn")
    publication.withdrawn_at = timezone.now()
    publication.withdrawn_reason = reason
    publication.save(update_fields=["withdrawn_at", "withdrawn_reason"])
    # Every earlier version goes too: publishing again later must not bring them back.
    Publication.objects.filter(request_id=publication.request_id, withdrawn_at__isnull=True).update(
        withdrawn_at=publication.withdrawn_at, withdrawn_reason=reason
    )
    record(
        event_type="publication.withdrawn",
        actor=actor,
        subject=publication,
        request=publication.request,
        summary="Withdrawn from the disclosure log",
        detail={"reason": reason},
    )
    transaction.on_commit(lambda: cache.delete(FACETS_CACHE_KEY))
    return publication
