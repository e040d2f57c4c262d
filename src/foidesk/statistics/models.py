"""Data sets, saved statistics tables and the disclosure-control policy.

A :class:`Dataset` is a snapshot: the rows as registered are stored as a file with their
sha256, so a table saved with a question (:class:`SavedTable`) can be counted again from
exactly the same data (an internal review or an ICO complaint under FOIA s50 may ask how a
figure was arrived at). Registering the same name again makes a new version; earlier versions
are kept. A saved table also keeps the figures withheld beyond the policy because of the
other tables for the same request (``SavedTable.withheld``, see ``differencing``), and every
figure withheld as it was saved (``SavedTable.suppression``): its figures are counted again,
but what to withhold is not worked out again.
:class:`DisclosurePolicy` is the authority's setting for small numbers: a setting,
not a rule of law (shared/law/UK-FOI-RULES.md D7, D10).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from foidesk.cases.models import Authority, Question, Request
from foidesk.decisions.models import ResponseAttachment

from .definition import Column, Schema
from .policy import Policy


class SourceKind(models.TextChoices):
    CSV = "csv", "CSV file"
    XLSX = "xlsx", "XLSX workbook"
    DATABASE = "database", "Database table or view"


class DatasetQuerySet(models.QuerySet):
    def current(self) -> DatasetQuerySet:
        """The latest version of each data set name."""
        latest = Dataset.objects.filter(name=models.OuterRef("name")).order_by("-version")
        return self.filter(pk=models.Subquery(latest.values("pk")[:1]))


class Dataset(models.Model):
    """One version of a registered data set: its columns and kinds, and its rows as a stored
    snapshot (normalised CSV) with the snapshot's sha256."""

    name = models.CharField(
        max_length=120, help_text="What the data set is called in the staff pages."
    )
    version = models.PositiveIntegerField(
        default=1, help_text="1 for the first registration of this name, then 2, 3, …"
    )
    description = models.TextField(
        blank=True, help_text="What the rows are and where they come from."
    )
    source_kind = models.CharField(max_length=10, choices=SourceKind.choices)
    source_name = models.CharField(
        max_length=500,
        help_text="The file name, or the connection URL without its password and the table or "
        "view read.",
    )
    source_file_or_table = models.CharField(
        max_length=255,
        blank=True,
        default="",
        help_text="The file name without any folder, or the table or view read: all that the "
        "published files say of where the rows came from (never the connection URL, its user, "
        "host or database, or a path on the server).",
    )
    columns = models.JSONField(
        help_text="The columns in order: name, kind (text, date, bool, number) and label."
    )
    row_count = models.PositiveIntegerField()
    snapshot = models.FileField(upload_to="statistics/datasets/%Y/", max_length=300)
    sha256 = models.CharField(max_length=64, help_text="Of the stored snapshot.")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    objects = DatasetQuerySet.as_manager()

    class Meta:
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="dataset_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} (version {self.version})"

    def get_absolute_url(self) -> str:
        return reverse("statistics:dataset", kwargs={"pk": self.pk})

    @property
    def public_source(self) -> str:
        """The source as the published files name it: ``CSV file psd.csv``, ``XLSX workbook
        cases.xlsx``, ``database table psd.cases``. A table attached to a response goes to
        the world (UK-FOI-RULES.md D6), and the connection URL in ``source_name``
        would tell it which server, database and account the authority's data lives in."""
        # (The kind's own name, but a database's is "Database table or view": the one read
        # is known.)
        kind = (
            "database table"
            if self.source_kind == SourceKind.DATABASE
            else self.get_source_kind_display()
        )
        return f"{kind} {self.source_file_or_table}".strip()

    @property
    def schema(self) -> Schema:
        return Schema(
            tuple(Column(c["name"], c["kind"], c.get("label", "")) for c in self.columns),
            name=self.name,
        )


class SavedTable(models.Model):
    """A table definition saved with the question it answers, with the policy applied, so the
    figures can be produced again; the attachments it produced, if it was attached."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="statistics_tables")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="statistics_tables"
    )
    dataset = models.ForeignKey(
        Dataset,
        on_delete=models.PROTECT,
        related_name="saved_tables",
        help_text="The version counted: kept so that the figures can be reproduced.",
    )
    title = models.CharField(max_length=300)
    definition = models.JSONField(help_text="The table definition (TableDefinition.to_dict).")
    policy = models.JSONField(help_text="The disclosure-control policy as applied.")
    withheld = models.JSONField(
        default=list,
        blank=True,
        help_text="Figures withheld beyond the policy so that this table and the others for "
        "the same request cannot be worked out together: row, column and the staff and public "
        "reasons.",
    )
    suppression = models.JSONField(
        null=True,
        blank=True,
        default=None,
        help_text="Every figure withheld when the table was saved (row, column, where it is, "
        "primary or secondary, and the staff and public reasons), so that it is published and "
        "checked against the request's later tables as it was, without working out again what "
        "to withhold; empty for tables saved before it was kept.",
    )
    attachments = models.ManyToManyField(
        ResponseAttachment,
        blank=True,
        related_name="statistics_tables",
        help_text="The XLSX and CSV files it produced, while they are attached.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.request.reference} Q{self.question.number}: {self.title}"


class DisclosurePolicy(models.Model):
    """The authority's policy for withholding small counts in statistics tables.

    A setting, not a rule of law: FOIA fixes no threshold, and each release is still judged on
    whether anyone could be identified (the motivated intruder test, UK-FOI-RULES.md D7, D8).
    """

    authority = models.OneToOneField(
        Authority, on_delete=models.CASCADE, related_name="disclosure_policy"
    )
    threshold = models.PositiveIntegerField(
        default=5,
        help_text="Counts from 1 to one less than this are withheld (primary suppression). "
        "0 or 1 withholds nothing.",
    )
    marker = models.CharField(
        max_length=20,
        blank=True,
        help_text="What a withheld small count is shown as; blank for <threshold (e.g. <5).",
    )
    suppress_zeros = models.BooleanField(
        default=False, help_text="Withhold zeros too, shown with the same marker."
    )
    secondary = models.BooleanField(
        default=True,
        help_text="Withhold further figures so that no withheld count can be worked out from "
        "a total (secondary suppression).",
    )
    secondary_marker = models.CharField(
        max_length=20,
        default="*",
        help_text="What a figure withheld to protect another is shown as.",
    )
    protect_totals = models.BooleanField(
        default=True, help_text="Apply the threshold to totals as well as to counts."
    )
    rounding = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Round every figure shown to the nearest multiple of this (blank: no rounding).",
    )
    name = models.CharField(
        max_length=120, blank=True, help_text="A name for the policy, shown in the caveats."
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "disclosure policy"

    def __str__(self) -> str:
        return f"Disclosure policy for {self.authority}"

    def as_policy(self) -> Policy:
        return Policy(
            threshold=self.threshold,
            marker=self.marker,
            suppress_zeros=self.suppress_zeros,
            secondary=self.secondary,
            secondary_marker=self.secondary_marker,
            protect_totals=self.protect_totals,
            rounding=self.rounding,
            name=self.name,
        )
