"""Reads for the import pages, with the one access check: the register roles see imports.

Imported pages are published responses, but the records also keep the checker's findings on
them and the full page text, so they are staff pages like the register (FOI officers, decision
makers and read-only staff; ``foidesk.cases.access.sees_register``). A run or record that does
not exist and one the user may not see give the same 404.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.db.models import Q, QuerySet
from django.http import Http404

from foidesk.accounts.models import User
from foidesk.audit.models import AuditEvent
from foidesk.cases.access import sees_register
from foidesk.disclosure.search import query_terms

from .corrections import CheckTally, fingerprint, tally
from .models import ImportedRecord, ImportFailure, ImportRun

__all__ = [
    "CheckedTallies",
    "RecordFilters",
    "authorities_for_filter",
    "checked_records",
    "checked_tally",
    "checks_of",
    "failures_of",
    "record_for_user",
    "record_search",
    "records_visible_to",
    "run_for_user",
    "runs_visible_to",
    "stored_hashes",
    "to_check_first",
]

#: Columns a list of records never needs (the page text and the extraction are large).
_HEAVY = ("full_text", "extracted", "findings")


def runs_visible_to(user: User) -> QuerySet[ImportRun]:
    if sees_register(user):
        return ImportRun.objects.select_related("started_by")
    return ImportRun.objects.none()


def run_for_user(user: User, pk: int) -> ImportRun:
    try:
        return runs_visible_to(user).get(pk=pk)
    except ImportRun.DoesNotExist as exc:
        raise Http404("No such import run") from exc


def failures_of(run: ImportRun) -> QuerySet[ImportFailure]:
    return run.failures.order_by("id")


def records_visible_to(user: User) -> QuerySet[ImportedRecord]:
    if sees_register(user):
        return ImportedRecord.objects.all()
    return ImportedRecord.objects.none()


def record_for_user(user: User, pk: int) -> ImportedRecord:
    try:
        return records_visible_to(user).select_related("run", "first_run", "checked_by").get(pk=pk)
    except ImportedRecord.DoesNotExist as exc:
        raise Http404("No such imported record") from exc


@dataclass(frozen=True, slots=True)
class RecordFilters:
    """What the records list is narrowed to; empty values mean "any"."""

    q: str = ""
    outcome: str = ""
    authority: str = ""
    provision: str = ""
    regime: str = ""
    ncnd: bool | None = None
    checked: bool | None = None
    doubts: bool | None = None  # the importer raised doubts (records read before it said: neither)
    run: int | None = None


def record_search(user: User, filters: RecordFilters) -> QuerySet[ImportedRecord]:
    """Records matching ``filters``, newest first, without the heavy columns.

    ``q`` looks in the title, reference, provisions and the page text, word by word
    (``_matching``); ``provision`` matches a cited provision and the ones inside it ("s31"
    finds s31(1)(a)).
    """
    return _narrowed(records_visible_to(user).defer(*_HEAVY), filters).order_by(
        "-last_imported_at", "-id"
    )


def _narrowed(
    records: QuerySet[ImportedRecord], filters: RecordFilters
) -> QuerySet[ImportedRecord]:
    """``records`` narrowed to ``filters`` (the records list's filters, and a run's count)."""
    if filters.q:
        records = records.filter(_matching(filters.q))
    if filters.outcome:
        records = records.filter(overall_outcome=filters.outcome)
    if filters.authority:
        records = records.filter(authority_name=filters.authority)
    if filters.provision:
        p = filters.provision.strip()
        records = records.filter(
            Q(provisions_text__icontains=f" {p} ") | Q(provisions_text__icontains=f" {p}(")
        )
    if filters.regime:
        records = records.filter(regime=filters.regime)
    if filters.ncnd is not None:
        records = records.filter(ncnd=filters.ncnd)
    if filters.checked is not None:
        records = records.filter(checked_at__isnull=not filters.checked)
    if filters.doubts is True:
        records = records.filter(doubts__0__isnull=False)
    elif filters.doubts is False:
        records = records.filter(doubts=[])
    if filters.run is not None:
        records = records.filter(Q(run_id=filters.run) | Q(first_run_id=filters.run))
    return records


def _holds(term: str) -> Q:
    """A record whose title, reference, provisions or page text holds ``term``, ignoring case."""
    return (
        Q(title__icontains=term)
        | Q(reference__icontains=term)
        | Q(provisions_text__icontains=f" {term}")
        | Q(full_text__icontains=term)
    )


def _matching(query: str) -> Q:
    """The search box read as the disclosure log's is (``disclosure.search.query_terms``):
    every word or "phrase" must appear, ``OR`` offers alternatives and ``-word`` excludes, but
    each term is looked for as typed, so a reference ("190A/23") or a provision ("s31(1)(a)")
    is found whole."""
    parsed = query_terms(query, as_typed=True)
    condition = Q()
    for group in parsed.groups:
        alternatives = Q()
        for term in group:
            alternatives |= _holds(term)
        condition &= alternatives
    for term in parsed.excluded:
        condition &= ~Q(title__icontains=term) & ~Q(full_text__icontains=term)
    return condition


def to_check_first(run: ImportRun) -> int:
    """Records ``run`` imported or updated that the importer is unsure of and staff have not
    checked (``ImportedRecord.check_first``; ``RecordFilters(run=..., doubts=True,
    checked=False)``). The run's page and ``import-log``'s summary both give it."""
    wanted = RecordFilters(run=run.pk, doubts=True, checked=False)
    return _narrowed(ImportedRecord.objects.all(), wanted).count()


def authorities_for_filter() -> list[str]:
    return list(
        ImportedRecord.objects.order_by("authority_name")
        .values_list("authority_name", flat=True)
        .distinct()
    )


def stored_hashes(keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The stored text hash of each (authority, source key) already imported (for --dry-run)."""
    wanted = set(keys)
    source_keys = {k for _, k in wanted}
    rows = ImportedRecord.objects.filter(source_key__in=source_keys).values_list(
        "authority_name", "source_key", "content_hash"
    )
    return {(a, k): h for a, k, h in rows if (a, k) in wanted}


@dataclass(frozen=True, slots=True)
class CheckedTallies:
    """How well the importer read the checked records: over all, and for each authority
    (most checked first), since every log has its own templates."""

    overall: CheckTally
    by_authority: list[tuple[str, CheckTally]]


def checked_tally() -> CheckedTallies:
    """How well the importer read the records staff have checked (``corrections.tally``), over
    all and for each authority with a record checked as it now reads.

    A record whose page or reading changed since its check is left out (and counted, over all
    and for its authority): what staff found then is not a measure of the reading it has
    now."""
    current: dict[str, list] = defaultdict(list)
    changed: dict[str, int] = defaultdict(int)
    rows = ImportedRecord.objects.filter(checked_at__isnull=False).values_list(
        "authority_name",
        "corrections",
        "question_count",
        "doubts",
        "checked_hash",
        "content_hash",
        "extracted",
    )
    for authority, corrections, count, doubts, checked_hash, content_hash, extracted in rows:
        if checked_hash == fingerprint(content_hash, extracted or {}):
            current[authority].append((corrections, count, doubts))
        else:
            changed[authority] += 1
    overall = tally([row for rows in current.values() for row in rows])
    by_authority = [
        (authority, replace(tally(current[authority]), changed_since=changed[authority]))
        for authority in current
    ]
    by_authority.sort(key=lambda item: (-item[1].records, item[0]))
    return CheckedTallies(
        overall=replace(overall, changed_since=sum(changed.values())),
        by_authority=by_authority,
    )


def checked_records(authority: str = "") -> QuerySet[ImportedRecord]:
    """The records staff have checked against their pages, oldest first (for export)."""
    records = ImportedRecord.objects.filter(checked_at__isnull=False)
    if authority:
        records = records.filter(authority_name=authority)
    return records.order_by("pk")


def checks_of(record: ImportedRecord) -> QuerySet[AuditEvent]:
    """Every check of ``record`` by staff, newest first, from the audit trail."""
    return (
        AuditEvent.objects.filter(
            event_type="imported_record_checked",
            subject_type=record._meta.label_lower,
            subject_id=str(record.pk),
        )
        .select_related("actor")
        .order_by("-at", "-id")
    )
