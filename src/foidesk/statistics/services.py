"""Writes for statistics tables: registering data sets, saving and attaching tables, and the
authority's disclosure-control policy. Each checks its input, writes in one transaction and
appends to the audit trail; a :class:`StatisticsError` means nothing was saved (and no file
left behind).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import fields as dataclass_fields
from pathlib import PurePosixPath
from typing import IO, Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from foidesk.accounts.models import Role, User
from foidesk.audit.services import diff, record
from foidesk.cases.models import Authority, Question, Requester
from foidesk.cases.services import RegisterError
from foidesk.decisions.models import ResponseAttachment
from foidesk.decisions.services import attachment_add

from .definition import ColumnKind, DefinitionError, TableDefinition, validate
from .differencing import Protection, Released, protect
from .models import Dataset, DisclosurePolicy, SavedTable, SourceKind
from .output import Provenance, to_csv, to_xlsx
from .policy import Policy
from .selectors import dataset_rows, policy_for, saved_table_figures
from .sources import (
    MAX_BYTES,
    REFUSED_DATABASE,
    Source,
    SourceError,
    check_kinds,
    database_allowed,
    read_csv,
    read_database,
    read_xlsx,
    snapshot_csv,
    sqlite_file,
    url_parts,
)
from .suppression import SuppressedTable
from .tabulate import DataError, tabulate


class StatisticsError(RegisterError):
    """Bad input to a statistics service; the message names the problem for the officer."""


class DifferencingError(StatisticsError):
    """The table, together with the tables already saved for the same request over the same
    data set, would give away a small count (``differencing``). ``protection.table`` is the
    table with further figures withheld that gives nothing away (``protection.extra``), or
    ``None`` if withholding more in this table cannot stop it."""

    def __init__(self, message: str, protection: Protection) -> None:
        super().__init__(message)
        self.protection = protection


def _require_officer(actor: User) -> None:
    if actor.role != Role.FOI_OFFICER:
        raise StatisticsError("Only FOI officers register data sets and attach tables")


# --- data sets ----------------------------------------------------------------------------------


def read_source(
    *,
    uploaded_file: IO[bytes] | None = None,
    file_name: str = "",
    sheet: str = "",
    url: str = "",
    table: str = "",
) -> tuple[SourceKind, Source]:
    """Read an uploaded CSV or XLSX file, or a database table; :class:`StatisticsError` if it
    cannot be read as one table."""
    try:
        if uploaded_file is not None:
            size = getattr(uploaded_file, "size", None)
            if size is not None and size > MAX_BYTES:
                raise SourceError("The file is larger than 200 MB")
            if size == 0:
                raise SourceError("The file is empty")
            extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
            if extension in ("csv", "txt"):
                return SourceKind.CSV, read_csv(uploaded_file, name=file_name)
            if extension == "xlsx":
                return SourceKind.XLSX, read_xlsx(uploaded_file, name=file_name, sheet=sheet)
            raise SourceError("The file must be a CSV or XLSX file")
        if url:
            if url_parts(url).scheme.lower() in ("sqlite", "postgres", "postgresql"):
                _require_allowed_database(url)
            _refuse_own_database(url)
            # Whatever the URL calls it, a database with foidesk's requester table is ours.
            own_tables = (Requester._meta.db_table,)
            return SourceKind.DATABASE, read_database(url, table, refuse_with=own_tables)
    except SourceError as exc:
        raise StatisticsError(str(exc)) from None
    raise StatisticsError("Upload a file or give a connection URL and a table")


def _require_allowed_database(url: str) -> None:
    """Only the databases the administrator listed (``FOIDESK_DATASET_DATABASES``) may be read:
    the URL is typed by an officer, and the server could otherwise read any database or file
    it can reach."""
    from django.conf import settings

    allowed = settings.DATASET_DATABASES
    if not allowed:
        raise SourceError(
            "Reading data sets from a database is switched off here: upload a CSV or XLSX "
            "file, or ask the administrator to list the database in FOIDESK_DATASET_DATABASES"
        )
    if not any(database_allowed(url, entry) for entry in allowed):
        raise SourceError(
            "That database is not one the administrator allows data sets to come from "
            "(FOIDESK_DATASET_DATABASES)"
        )


def _refuse_own_database(url: str) -> None:
    """foidesk's own database holds requesters' identities, kept apart from staff
    (applicant-blind): it is never a data set, whichever engine it runs on."""
    from django.conf import settings

    own = settings.DATABASES["default"]
    parts = url_parts(url)
    if "sqlite" in own.get("ENGINE", ""):
        if parts.scheme.lower() != "sqlite":
            return
        same = sqlite_file(url) == PurePosixPath(os.path.realpath(str(own["NAME"])))
    else:
        if parts.scheme.lower() not in ("postgres", "postgresql"):
            return
        same = (
            (parts.hostname or "localhost") == (own.get("HOST") or "localhost")
            and str(parts.port or 5432) == str(own.get("PORT") or 5432)
            and parts.path.lstrip("/") == str(own.get("NAME"))
        )
    if same:
        raise SourceError(REFUSED_DATABASE)


@transaction.atomic
def dataset_register(
    *,
    actor: User,
    name: str,
    description: str = "",
    kind: SourceKind,
    source: Source,
    kinds: dict[str, str] | None = None,
) -> Dataset:
    """Store ``source`` as a new version of the data set ``name``.

    ``kinds`` corrects inferred column kinds (column name to kind); every value must read as
    its kind. The snapshot file and the record are written together: if the record cannot be
    written the file is removed again (as ``decisions.services.attachment_add`` does).
    """
    _require_officer(actor)
    name = " ".join(name.split())
    if not name:
        raise StatisticsError("Give the data set a name")
    schema = source.schema
    if kinds:
        schema = _with_kinds(schema, kinds)
        try:
            check_kinds(schema, source.rows)
        except SourceError as exc:
            raise StatisticsError(str(exc)) from None
    source = Source(
        schema=schema,
        rows=source.rows,
        source_name=source.source_name,
        file_or_table=source.file_or_table,
    )
    version = (Dataset.objects.filter(name=name).aggregate(v=Max("version"))["v"] or 0) + 1
    with tempfile.TemporaryFile() as spool:
        snapshot_csv(source, spool)
        spool.seek(0)
        digest = hashlib.sha256()
        while chunk := spool.read(1 << 20):
            digest.update(chunk)
        spool.seek(0)
        dataset = Dataset(
            name=name,
            version=version,
            description=description.strip(),
            source_kind=kind,
            source_name=source.source_name[:500],
            source_file_or_table=source.file_or_table[:255],
            columns=[
                {"name": c.name, "kind": c.kind.value, "label": c.label} for c in schema.columns
            ],
            row_count=len(source.rows),
            sha256=digest.hexdigest(),
            registered_by=actor,
        )
        file_name = f"{slugify(name)[:60] or 'dataset'}-v{version}.csv"
        dataset.snapshot.save(file_name, File(spool), save=False)
    try:
        with transaction.atomic():
            try:
                dataset.save()
            except IntegrityError:
                # Another officer registered a version of the same name between the count
                # above and this save (the constraint ``dataset_version_unique``).
                raise StatisticsError(
                    f"Another version of {name!r} was registered at the same moment: "
                    "register this one again"
                ) from None
            record(
                event_type="statistics.dataset_registered",
                actor=actor,
                subject=dataset,
                summary=f"Registered the data set {dataset}: {dataset.row_count:,} rows",
                detail={
                    "source": dataset.source_name,
                    "sha256": dataset.sha256,
                    "columns": dataset.columns,
                },
            )
    except Exception:
        dataset.snapshot.storage.delete(dataset.snapshot.name)
        raise
    return dataset


def _with_kinds(schema: Any, kinds: dict[str, str]) -> Any:
    from .definition import Column, Schema

    columns = []
    for c in schema.columns:
        kind = kinds.get(c.name, c.kind)
        try:
            kind = ColumnKind(kind)
        except ValueError:
            raise StatisticsError(f"{kind!r} is not a kind of column") from None
        columns.append(Column(c.name, kind, c.label))
    return Schema(tuple(columns), name=schema.name)


@transaction.atomic
def dataset_kinds_update(*, actor: User, dataset: Dataset, kinds: dict[str, str]) -> Dataset:
    """Correct the kinds of a data set's columns, before any table has used it: after that the
    kinds are part of how its figures were produced, so register it again instead."""
    _require_officer(actor)
    if dataset.saved_tables.exists():
        raise StatisticsError(
            "A saved table already uses this version: register the data again to change its "
            "column kinds, so that the saved figures can still be reproduced"
        )
    schema = _with_kinds(dataset.schema, kinds)
    try:
        check_kinds(schema, dataset_rows(dataset))
    except (SourceError, DataError) as exc:
        raise StatisticsError(str(exc)) from None
    new = [{"name": c.name, "kind": c.kind.value, "label": c.label} for c in schema.columns]
    old_kinds = {c["name"]: c["kind"] for c in dataset.columns}
    new_kinds = {c["name"]: c["kind"] for c in new}
    changes = diff(old_kinds, new_kinds)
    if changes:
        dataset.columns = new
        dataset.save(update_fields=["columns"])
        record(
            event_type="statistics.dataset_kinds_changed",
            actor=actor,
            subject=dataset,
            summary=f"Column kinds of {dataset} changed: " + ", ".join(sorted(changes)),
            changes=changes,
        )
    return dataset


# --- tables -------------------------------------------------------------------------------------


def table_label(question: Question, title: str) -> str:
    """How an officer knows a saved table: ``question 2: Dismissals by year``."""
    return f"question {question.number}: {title}"


def table_protection(
    *,
    question: Question,
    dataset: Dataset,
    definition: TableDefinition,
    policy: Policy,
    alone: SuppressedTable | None = None,
) -> Protection:
    """Check ``definition`` with the tables already saved for the same request (any
    question) over the same data set version: what they would give away together, and the
    further figures to withhold in this table that would stop it (``differencing.protect``).
    ``alone``: the table as counted and suppressed under ``policy`` already
    (``selectors.compute_table``, for a preview), not counted again.

    Only the same version is compared: its rows are the same records, and a request's tables
    are counted from one extract; rows are not identified across versions."""
    others = list(
        SavedTable.objects.filter(request=question.request, dataset=dataset)
        .select_related("question", "dataset")
        .order_by("created_at", "id")
    )
    rows = dataset_rows(dataset)
    schema = dataset.schema
    released = [
        Released(table_label(saved.question, saved.title), saved_table_figures(saved))
        for saved in others
    ]
    return protect(
        alone.table if alone is not None else tabulate(rows, definition, schema=schema),
        policy,
        label=table_label(question, definition.title),
        others=released,
        records=rows,
        schema=schema,
        alone=alone,
    )


def _differencing_message(protection: Protection) -> str:
    lines = [
        "With the tables already saved for this request from the same data, this table would "
        "give away small counts:"
    ]
    lines.extend(d.in_words() for d in protection.disclosures)
    if protection.table is not None:
        where = ", ".join(e.location for e in protection.extra)
        lines.append(
            f"Withholding {len(protection.extra)} more figure"
            f"{'s' if len(protection.extra) != 1 else ''} in this table stops it ({where}): "
            "attach it with them withheld, or do not attach it."
        )
    else:
        lines.append(
            "Withholding more figures in this table cannot stop it, because the other tables "
            "show the figures that give it away: change this table (fewer rows or columns, "
            "categories merged) or do not attach it."
        )
    return " ".join(lines)


def table_check(
    *,
    question: Question,
    dataset: Dataset,
    definition: TableDefinition,
    policy: Policy,
    withhold_more: bool = False,
    alone: SuppressedTable | None = None,
) -> Protection:
    """What :func:`table_save` checks before it saves anything, so that a preview can say
    the same before the officer saves: ``definition`` against the data set's columns, then
    with the tables already saved for the same request over the same data set version
    (:func:`table_protection`; ``alone``, the preview's table, is not counted again). If
    together they would give a small count away, :class:`DifferencingError` says what,
    unless ``withhold_more`` is given and further figures of this table are enough
    (``Protection.extra``). Tables too large to be checked together within the time a page
    allows (``differencing.TooLargeToCheck``) are a :class:`StatisticsError` saying so."""
    try:
        validate(definition, dataset.schema)
    except DefinitionError as exc:
        raise StatisticsError(str(exc)) from None
    try:
        protection = table_protection(
            question=question, dataset=dataset, definition=definition, policy=policy, alone=alone
        )
    except (DefinitionError, DataError) as exc:  # DataError includes TooLargeToCheck
        raise StatisticsError(str(exc)) from None
    if not protection.safe and (not withhold_more or protection.table is None):
        raise DifferencingError(_differencing_message(protection), protection)
    return protection


@transaction.atomic
def table_save(
    *,
    actor: User,
    question: Question,
    dataset: Dataset,
    definition: TableDefinition,
    policy: Policy | None = None,
    withhold_more: bool = False,
) -> SavedTable:
    """Save ``definition`` with the question it answers, and the policy it is counted under,
    so the figures can be produced again.

    The table is first checked with the other tables saved for the same request over the same
    data set version (:func:`table_check`). If together they would give a small count away,
    :class:`DifferencingError` says what and nothing is saved, unless ``withhold_more`` is
    given and further figures of this table are enough: then they are saved with it, as
    withheld. Tables too large to be checked together within the time a page allows are
    refused with a :class:`StatisticsError` saying so: never saved unchecked."""
    _require_officer(actor)
    if policy is None:
        policy = policy_for(Authority.current())
    protection = table_check(
        question=question,
        dataset=dataset,
        definition=definition,
        policy=policy,
        withhold_more=withhold_more,
    )
    released = protection.table
    if released is None:  # cannot happen: table_check refused it
        raise StatisticsError("The table could not be checked with the request's other tables")
    # Every figure withheld, as stored (``selectors.saved_table_figures`` restores them), and
    # among them those withheld only because of the request's other tables.
    suppression = [
        {
            "row": e.row,
            "column": e.column,
            "location": e.location,
            "kind": str(e.suppression),
            "reason": e.reason,
            "public_reason": e.public_reason,
        }
        for e in released.suppressed
    ]
    withheld = []
    if not protection.safe:  # withhold_more, and withholding more was enough
        extra = {(x.row, x.column) for x in protection.extra}
        withheld = [
            {key: value for key, value in entry.items() if key != "kind"}
            for entry in suppression
            if (entry["row"], entry["column"]) in extra
        ]
    saved = SavedTable.objects.create(
        request=question.request,
        question=question,
        dataset=dataset,
        title=definition.title[:300],
        definition=definition.to_dict(),
        policy=policy.to_dict(),
        withheld=withheld,
        suppression=suppression,
        created_by=actor,
    )
    detail: dict[str, Any] = {"dataset": str(dataset), "sha256": dataset.sha256}
    if withheld:
        detail["withheld_for_other_tables"] = [w["location"] for w in withheld]
    record(
        event_type="statistics.table_saved",
        actor=actor,
        subject=saved,
        request=question.request,
        summary=f"Saved the table {definition.title!r} for question {question.number}",
        detail=detail,
    )
    return saved


def _file_stem(question: Question, title: str) -> str:
    slug = slugify(title)[:80].strip("-") or "table"
    return re.sub(r"-+", "-", f"question-{question.number}-{slug}")


def table_files(saved: SavedTable) -> tuple[bytes, bytes]:
    """The XLSX and CSV of a saved table, counted again from its data set version, with the
    figures withheld as it was saved (``selectors.saved_table_figures``). The provenance names
    the version and its sha256 but not its number of rows: where the table counts every row,
    that is its grand total, withheld or not. Nor does it name where the data set was read from
    beyond its file or table (``Dataset.public_source``): the files go out with the response."""
    dataset = saved.dataset
    suppressed = saved_table_figures(saved)
    authority = Authority.current()
    provenance = Provenance(
        source=(
            f"{dataset.name}, version {dataset.version} ({dataset.public_source}; "
            f"sha256 {dataset.sha256})"
        ),
        extracted=timezone.localtime(dataset.registered_at),
        authority=authority.name,
        reference=saved.request.reference,
        schema=dataset.schema,
    )
    return to_xlsx(suppressed, provenance=provenance), to_csv(suppressed)


@transaction.atomic
def table_attach(
    *,
    actor: User,
    question: Question,
    dataset: Dataset,
    definition: TableDefinition,
    withhold_more: bool = False,
) -> SavedTable:
    """Save the table (checked with the request's other tables: see :func:`table_save`) and
    attach it to the response as XLSX (with notes, caveats and provenance) and CSV, for the
    question it answers, through the response's own attachment service (so it is listed in
    the response and gets whatever checks attachments get)."""
    saved = table_save(
        actor=actor,
        question=question,
        dataset=dataset,
        definition=definition,
        withhold_more=withhold_more,
    )
    try:
        xlsx, csv_bytes = table_files(saved)
    except (DefinitionError, DataError) as exc:
        raise StatisticsError(str(exc)) from None
    stem = _file_stem(question, definition.title)
    made: list[ResponseAttachment] = []
    try:
        for data, extension in ((xlsx, "xlsx"), (csv_bytes, "csv")):
            made.append(
                attachment_add(
                    actor=actor,
                    request=question.request,
                    uploaded_file=ContentFile(data, name=f"{stem}.{extension}"),
                    question_numbers=[question.number],
                )
            )
        saved.attachments.set(made)
    except Exception:
        # The outer transaction rolls the records back; the files stored so far go too.
        for attachment in made:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return saved


# --- the policy ---------------------------------------------------------------------------------

POLICY_FIELDS = tuple(f.name for f in dataclass_fields(Policy))


@transaction.atomic
def policy_update(*, actor: User, authority: Authority, **values: Any) -> DisclosurePolicy:
    """Change the authority's disclosure-control policy; tables attached from now on use it
    (tables already saved keep the policy they were counted under)."""
    _require_officer(actor)
    unknown = set(values) - set(POLICY_FIELDS)
    if unknown:
        raise StatisticsError(f"Unknown policy setting(s): {', '.join(sorted(unknown))}")
    row, _ = DisclosurePolicy.objects.get_or_create(authority=authority)
    old = {name: getattr(row, name) for name in POLICY_FIELDS}
    new = {**old, **values}
    try:
        Policy(**new)
    except ValueError as exc:
        raise StatisticsError(str(exc)) from None
    for name, value in values.items():
        setattr(row, name, value)
    row.updated_by = actor
    row.full_clean()
    row.save()
    changes = diff(old, new)
    if changes:
        record(
            event_type="statistics.policy_updated",
            actor=actor,
            subject=row,
            summary="Disclosure-control policy changed: " + ", ".join(sorted(changes)),
            changes=changes,
        )
    return row
