"""Reads for the statistics pages: data sets, saved tables, the policy, and counting a table.

Visibility follows the register (``foidesk.cases.access``): the register roles see data sets
and saved tables; a department contact sees nothing here (404, as for a case).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from foidesk.accounts.models import User
from foidesk.cases.access import sees_register
from foidesk.cases.models import Authority, Question

from .definition import TableDefinition
from .models import Dataset, DisclosurePolicy, SavedTable
from .policy import Policy
from .sources import read_snapshot
from .suppression import SuppressedTable, restore, suppress
from .tabulate import DataError, tabulate


def datasets_visible_to(user: User) -> QuerySet[Dataset]:
    if sees_register(user):
        return Dataset.objects.select_related("registered_by")
    return Dataset.objects.none()


def dataset_for_user(user: User, pk: int) -> Dataset:
    try:
        return datasets_visible_to(user).get(pk=pk)
    except Dataset.DoesNotExist as exc:
        raise Http404("No such data set") from exc


def current_datasets(user: User) -> QuerySet[Dataset]:
    """The latest version of each data set, by name."""
    return datasets_visible_to(user).current().order_by("name")


def dataset_versions(dataset: Dataset) -> QuerySet[Dataset]:
    return Dataset.objects.filter(name=dataset.name).select_related("registered_by")


def latest_version(dataset: Dataset) -> Dataset:
    return Dataset.objects.filter(name=dataset.name).order_by("-version").first() or dataset


def policy_for(authority: Authority) -> Policy:
    """The authority's policy, or the default one (threshold 5) if none is set yet."""
    row = DisclosurePolicy.objects.filter(authority=authority).first()
    return row.as_policy() if row is not None else Policy()


def saved_tables_for(question: Question) -> QuerySet[SavedTable]:
    return (
        SavedTable.objects.filter(question=question)
        .defer("suppression")
        .select_related("dataset", "created_by")
        .prefetch_related("attachments")
    )


def reusable_tables(question: Question, *, limit: int = 20) -> QuerySet[SavedTable]:
    """Saved tables from other requests, newest first: a definition already worked out for a
    similar question costs nothing to run again."""
    return (
        SavedTable.objects.exclude(request_id=question.request_id)
        .defer("suppression")
        .select_related("dataset", "request", "question")
        .order_by("-created_at", "-id")[:limit]
    )


# --- counting -----------------------------------------------------------------------------------


class SnapshotChanged(DataError):
    """The stored snapshot no longer matches its sha256: the figures could not be reproduced."""


@functools.lru_cache(maxsize=4)
def _rows(name: str, sha256: str) -> tuple[tuple[str | None, ...], ...]:
    from django.core.files.storage import default_storage

    with default_storage.open(name, "rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SnapshotChanged(
            f"The stored data for this data set has changed since it was registered ({name})"
        )
    _, rows = read_snapshot(data)
    return rows


def dataset_rows(dataset: Dataset) -> tuple[tuple[str | None, ...], ...]:
    """The snapshot's rows (raw text, ``None`` for a blank), read once and kept for a few data
    sets: keyed by the stored file and its sha256, so a new version is never confused with an
    old one."""
    return _rows(dataset.snapshot.name, dataset.sha256)


def saved_table_figures(saved: SavedTable) -> SuppressedTable:
    """A saved table as it was published: counted again from its data set version, with the
    figures withheld when it was saved (``SavedTable.suppression``) rather than worked out
    again, which for a large table with many small counts takes seconds. A table saved before
    those were kept is suppressed again under its saved policy (:func:`compute_table`)."""
    definition = TableDefinition.from_dict(saved.definition)
    policy = Policy.from_dict(saved.policy)
    dataset = saved.dataset
    if saved.suppression is None:
        return compute_table(dataset, definition, policy, saved.withheld)
    table = tabulate(dataset_rows(dataset), definition, schema=dataset.schema)
    try:
        return restore(
            table,
            policy,
            {
                (w["row"], w["column"]): (w["kind"], w["reason"], w["public_reason"])
                for w in saved.suppression
            },
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(
            f"The figures withheld when {saved.title!r} was saved no longer fit its table ({exc})"
        ) from None


def compute_table(
    dataset: Dataset,
    definition: TableDefinition,
    policy: Policy,
    withheld: Sequence[Mapping[str, Any]] = (),
) -> SuppressedTable:
    """Count ``definition`` over the data set and apply ``policy``, withholding also the
    figures ``withheld`` (``SavedTable.withheld``: those withheld because of the other tables
    for the same request). Raises ``DefinitionError`` or ``DataError`` (a value that cannot be
    read as its column's kind)."""
    table = tabulate(dataset_rows(dataset), definition, schema=dataset.schema)
    extra = {(w["row"], w["column"]): (w["reason"], w["public_reason"]) for w in withheld}
    return suppress(table, policy, withhold=extra)
