"""Every write of the disclosure-log importer: runs, records and failures.

A run is audited when it starts and when it finishes (``foidesk.audit.services.record``, with
the counts and the sources); records are written in batches so that a large log imports at
hundreds of pages a second. Importing a page whose source key is already stored for that
authority updates the record ("updated"), or leaves it alone when the text has not changed
("unchanged"; ``refresh`` re-reads it anyway, for a newer extractor). Staff's corrections of a
record (``imported_record_check``) are laid over every new reading of its page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from foidesk.audit.services import diff
from foidesk.audit.services import record as record_event

from .corrections import (
    CHECKED_SINCE,
    IMPORTED_AGAIN,
    CorrectionError,
    columns,
    differences,
)
from .models import ImportedRecord, ImportFailure, ImportRun
from .pipeline import PageToStore, source_key_for

__all__ = [
    "EXTRACTOR_VERSION",
    "PageToStore",
    "Status",
    "import_failures_record",
    "import_pages_store",
    "import_run_finish",
    "import_run_start",
    "imported_record_check",
    "record_fields",
    "source_key_for",
]

#: Stored with each record so that a record read by an older extractor can be found.
EXTRACTOR_VERSION = "1"


class Status:
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _extracted(item: PageToStore) -> dict[str, Any]:
    e = item.extraction
    return {
        "extractor": EXTRACTOR_VERSION,
        "record": e.corpus_record(page_id=item.page_id),
        "questions": [
            {
                "number": q.number,
                "text": q.text,
                "context": q.context,
                "outcome": q.outcome,
                "exemptions": list(q.exemptions),
                # An answer to the whole request is kept once, as "decision", not per question.
                "answer": "" if q.found == "whole request" else q.answer,
                "found": q.found,
            }
            for q in e.questions
        ],
        "decision": next((q.answer for q in e.questions if q.found == "whole request"), ""),
        "attachments": list(e.attachments),
        "dates": {"received": e.received, "responded": e.responded, "published": e.published},
        "notes": list(e.notes),
        "check_notes": list(item.check_notes),
        "complete": e.complete,
        "page_title": item.title,
    }


def record_fields(
    item: PageToStore, corrections: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The model fields for one extracted page (everything but the run and the times).

    The searchable columns (reference, title, date shown, outcome, provisions, NCND, the tests,
    the number of questions) are the importer's reading with staff's ``corrections`` laid over it
    (``corrections.columns``).
    """
    e = item.extraction
    extracted = _extracted(item)
    return {
        "authority_name": item.authority[:200],
        "source_key": item.source_key,
        "source_url": (item.url or "")[:2000],
        "source_path": item.source[:1000],
        "source_id": (item.page_id or "")[:200],
        "regime": e.regime.value,
        "received_on": _date(e.received),
        "responded_on": _date(e.responded),
        "published_on": _date(e.published),
        **columns(extracted, corrections or {}),
        "extracted": extracted,
        "findings": item.findings or [],
        "doubts": list(item.doubts),
        "full_text": item.text,
        "content_hash": item.content_hash,
    }


_UPDATED_FIELDS = (
    "source_url",
    "source_path",
    "source_id",
    "title",
    "reference",
    "regime",
    "date_shown",
    "received_on",
    "responded_on",
    "published_on",
    "overall_outcome",
    "ncnd",
    "public_interest_test_present",
    "harm_test_present",
    "has_attachment",
    "question_count",
    "provisions_text",
    "extracted",
    "findings",
    "doubts",
    "full_text",
    "content_hash",
    "last_imported_at",
    "run",
)


def import_run_start(*, actor, sources: Sequence[str], checked: bool = False) -> ImportRun:
    """Open a run (``actor`` may be ``None`` for the command line) and audit it."""
    with transaction.atomic():
        run = ImportRun.objects.create(
            started_at=timezone.now(),
            started_by=actor if actor is not None and actor.is_authenticated else None,
            sources=[str(s) for s in sources],
            checked=checked,
        )
        record_event(
            event_type="import_run_started",
            actor=actor,
            subject=run,
            summary=f"Disclosure-log import started: {', '.join(run.sources)}"[:300],
            detail={"sources": run.sources, "checked": checked},
        )
    return run


def import_pages_store(
    *,
    run: ImportRun,
    pages: Sequence[PageToStore],
    refresh: bool = False,
    failures: Sequence[tuple[str, str]] = (),
) -> list[str]:
    """Store a batch of extracted pages, and the pages read since the last batch that could
    not be imported (``failures``: source, reason); return each page's status, in order.

    The run's counts grow in the same transaction, so a run whose process is killed between
    batches still counts exactly what it stored, and its page shows the progress of a run that
    is still going (``ImportRun.state``).

    New source keys are created ("imported"); known ones are updated when their text changed
    ("updated") or left alone ("unchanged", though new checker findings are still kept, and a
    record stored before the importer gave doubts gets them when its reading is unchanged). A key
    that comes twice in one batch is treated as imported, then updated.
    """
    now = timezone.now()
    statuses: list[str] = []
    with transaction.atomic():
        _one_writer_at_a_time()
        keys = {p.source_key for p in pages}
        found: dict[tuple[str, str], ImportedRecord] = {
            (r.authority_name, r.source_key): r
            for r in ImportedRecord.objects.filter(source_key__in=keys).only(
                "id",
                "authority_name",
                "source_key",
                "content_hash",
                "findings",
                "doubts",
                "corrections",
            )
        }
        created: dict[tuple[str, str], ImportedRecord] = {}
        changed: dict[int, ImportedRecord] = {}
        # Unchanged pages whose checker findings are new.
        refreshed: dict[int, ImportedRecord] = {}
        # Unchanged pages stored before the importer gave its doubts, with their fresh reading.
        undoubted: dict[int, tuple[ImportedRecord, PageToStore]] = {}
        for page in pages:
            fields = None
            key = (page.authority[:200], page.source_key)
            if key in created:
                fields = record_fields(page)
                obj = created[key]
                if obj.content_hash == page.content_hash and not refresh:
                    statuses.append(Status.UNCHANGED)
                    continue
                for name, value in fields.items():
                    setattr(obj, name, value)
                statuses.append(Status.UPDATED)
                continue
            existing = found.get(key)
            if existing is None:
                fields = record_fields(page)
                created[key] = ImportedRecord(
                    **fields,
                    first_imported_at=now,
                    last_imported_at=now,
                    first_run=run,
                    run=run,
                )
                statuses.append(Status.IMPORTED)
            elif existing.content_hash == page.content_hash and not refresh:
                if page.findings is not None and page.findings != existing.findings:
                    existing.findings = page.findings
                    refreshed[existing.pk] = existing
                if existing.doubts is None:
                    undoubted[existing.pk] = (existing, page)
                statuses.append(Status.UNCHANGED)
            else:
                # A fresh reading of the page, with what staff corrected laid over it again.
                for name, value in record_fields(page, existing.corrections).items():
                    setattr(existing, name, value)
                existing.last_imported_at = now
                existing.run = run
                changed[existing.pk] = existing
                refreshed.pop(existing.pk, None)
                undoubted.pop(existing.pk, None)
                statuses.append(Status.UPDATED)
        if created:
            ImportedRecord.objects.bulk_create(created.values(), batch_size=250)
        if changed:
            ImportedRecord.objects.bulk_update(changed.values(), _UPDATED_FIELDS, batch_size=100)
        refreshed.update(_with_doubts(undoubted))
        if refreshed:
            ImportedRecord.objects.bulk_update(
                refreshed.values(), ["findings", "doubts"], batch_size=250
            )
        import_failures_record(run=run, failures=failures)
        ImportRun.objects.filter(pk=run.pk).update(
            pages_read=F("pages_read") + len(pages) + len(failures),
            imported=F("imported") + statuses.count(Status.IMPORTED),
            updated=F("updated") + statuses.count(Status.UPDATED),
            unchanged=F("unchanged") + statuses.count(Status.UNCHANGED),
            failed=F("failed") + len(failures),
            last_stored_at=now,
        )
    return statuses


def _one_writer_at_a_time() -> None:
    """Two imports of the same new pages at once must not both decide to create them (the
    second would fail on the one-record-per-source constraint). On PostgreSQL a batch therefore
    takes the records table in SHARE ROW EXCLUSIVE mode until it commits: other batches wait,
    readers do not (https://www.postgresql.org/docs/current/explicit-locking.html). SQLite
    already lets one transaction write at a time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(ImportedRecord._meta.db_table)
            cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")


def _with_doubts(
    undoubted: Mapping[int, tuple[ImportedRecord, PageToStore]],
) -> dict[int, ImportedRecord]:
    """Records stored before the importer gave its doubts, given the doubts of the page's
    fresh reading where that reading is the one stored (the doubts are about it). Where the
    importer has changed since, the record waits for ``--refresh``."""
    if not undoubted:
        return {}
    stored = dict(
        ImportedRecord.objects.filter(pk__in=list(undoubted)).values_list("pk", "extracted")
    )
    out = {}
    for pk, (record, page) in undoubted.items():
        if _same_reading(stored.get(pk) or {}, _extracted(page)):
            record.doubts = list(page.doubts)
            out[pk] = record
    return out


def _same_reading(stored: Mapping[str, Any], fresh: Mapping[str, Any]) -> bool:
    """The same reading of the page, whether or not the checker ran either time."""

    def reading(extracted: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in extracted.items() if k != "check_notes"}

    return reading(stored) == reading(fresh)


def import_failures_record(*, run: ImportRun, failures: Sequence[tuple[str, str]]) -> None:
    """Keep each failure (source, reason) with its run, for the import history page."""
    ImportFailure.objects.bulk_create(
        [ImportFailure(run=run, source=s[:1000], reason=r[:300]) for s, r in failures],
        batch_size=500,
    )


def import_run_finish(
    *,
    run: ImportRun,
    pages_read: int,
    imported: int,
    updated: int,
    unchanged: int,
    failed: int,
) -> ImportRun:
    """Close the run with its counts and audit the result.

    The counts are the command's own tally of the whole run. They replace the running totals
    that ``import_pages_store`` kept batch by batch (those are for a run that is never closed):
    a run stopped by an error has read pages in a batch that was never stored, and they count
    as read here."""
    with transaction.atomic():
        run.pages_read = pages_read
        run.imported = imported
        run.updated = updated
        run.unchanged = unchanged
        run.failed = failed
        run.finished_at = timezone.now()
        run.save(
            update_fields=[
                "pages_read",
                "imported",
                "updated",
                "unchanged",
                "failed",
                "finished_at",
            ]
        )
        record_event(
            event_type="import_run_finished",
            actor=run.started_by,
            subject=run,
            summary=(
                f"Disclosure-log import finished: {pages_read} read, {imported} imported, "
                f"{updated} updated, {unchanged} unchanged, {failed} failed"
            ),
            detail={
                "pages_read": pages_read,
                "imported": imported,
                "updated": updated,
                "unchanged": unchanged,
                "failed": failed,
            },
        )
    return run


def imported_record_check(
    *,
    actor,
    record: ImportedRecord,
    wanted: Mapping[str, Any],
    note: str = "",
    reading: str | None = None,
    checked: str | None = None,
) -> ImportedRecord:
    """Record that ``actor`` checked ``record`` against its page, with what they corrected.

    ``wanted`` is what the page says in staff's reading (``corrections.differences``); the
    record keeps only where that differs from the importer's, and its searchable columns show
    the result. A check that changes nothing still records who checked the record and when,
    for the page and reading it had then. Audited with the columns before and after, the
    corrections and ``note``. ``reading`` is the fingerprint of the page and reading the
    officer saw (``corrections.fingerprint``), and ``checked`` the record's check as they saw
    it (``corrections.check_state``). Raises ``corrections.CorrectionError`` (nothing saved)
    for an unknown outcome or question, when the record has been imported again since the
    officer opened it, or when someone else has checked it since.
    """
    with transaction.atomic():
        record = ImportedRecord.objects.select_for_update().get(pk=record.pk)
        if reading is not None and reading != record.reading:
            raise CorrectionError(IMPORTED_AGAIN)
        if checked is not None and checked != record.check_state:
            raise CorrectionError(CHECKED_SINCE)
        corrections = differences(record.extracted, wanted)
        after = columns(record.extracted, corrections)
        before = {name: getattr(record, name) for name in after}
        for name, value in after.items():
            setattr(record, name, value)
        previous = record.corrections
        record.corrections = corrections
        record.checked_by = actor
        record.checked_at = timezone.now()
        record.checked_hash = record.reading
        record.save(
            update_fields=[
                *after,
                "corrections",
                "checked_by",
                "checked_at",
                "checked_hash",
            ]
        )
        label = f"{record.reference or 'unreferenced'} {record.title}"[:200]
        record_event(
            event_type="imported_record_checked",
            actor=actor,
            subject=record,
            summary=(
                f"Imported response {label} checked"
                + (", with corrections" if corrections else ": read right")
            ),
            changes=diff(before, after),
            detail={"corrections": corrections, "before": previous, "note": note},
        )
    return record
