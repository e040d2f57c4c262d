"""Imported disclosure-log pages and the runs that imported them.

An ``ImportedRecord`` is one published response (another authority's, or our own from before
foidesk) read into the fields an FOI officer compares when drafting: the questions, the outcome
of each, the provisions cited, NCND, the harm and public interest tests. Its source key (the
page's address, else the id it came with, else its reference, else a hash of its text) is unique
per authority, so importing the same page again updates its record. Records change only
through ``services``; every run is in the audit trail. Staff may correct what the importer read
(``corrections``); the importer's own reading stays in ``extracted``.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from foidesk.cases.models import RegimeChoice

from .corrections import check_state, fingerprint


class Outcome(models.TextChoices):
    """The outcome vocabulary of the disclosure-log corpus (``shared/corpus/README.md``)."""

    DISCLOSED = "disclosed", "Disclosed"
    PARTIALLY_DISCLOSED = "partially_disclosed", "Partially disclosed"
    EXEMPT = "exempt", "Exempt"
    NCND = "ncnd", "Neither confirm nor deny"
    NOT_HELD = "not_held", "Not held"
    COST_LIMIT = "cost_limit_s12", "Cost limit (s12)"
    VEXATIOUS = "vexatious_s14", "Vexatious (s14)"
    REASONABLY_ACCESSIBLE = "reasonably_accessible_s21", "Reasonably accessible (s21)"
    FUTURE_PUBLICATION = "future_publication_s22", "Future publication (s22)"
    CLARIFICATION_NEEDED = "clarification_needed", "Clarification needed"
    OTHER = "other", "Other"


#: A run that is not finished and has stored nothing for this long has stopped: a running
#: import stores what it has read at least every ``STORE_EVERY`` (import_log), even when pages
#: come slowly, so ten minutes of silence is not a slow page.
STOPPED_AFTER = timedelta(minutes=10)


class ImportRun(models.Model):
    """One run of ``foidesk import-log``: what it read and what became of each page."""

    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty while the run is going (or if it was stopped)."
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who ran it (--by); empty when run from the command line without a name.",
    )
    sources = models.JSONField(
        default=list, blank=True, help_text="The files and folders given, as typed."
    )
    checked = models.BooleanField(
        default=False, help_text="Whether the response checker was run over each page (--check)."
    )
    pages_read = models.PositiveIntegerField(default=0, help_text="Pages and files looked at.")
    imported = models.PositiveIntegerField(default=0, help_text="New records.")
    updated = models.PositiveIntegerField(default=0, help_text="Records whose page had changed.")
    unchanged = models.PositiveIntegerField(
        default=0, help_text="Pages already imported with the same text."
    )
    failed = models.PositiveIntegerField(default=0, help_text="Pages that could not be imported.")
    last_stored_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the run last stored a batch of pages. Its counts are kept with each "
        "batch, so while it runs they are what it has stored so far.",
    )

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Import run {self.pk} ({self.started_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("imports:run", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def state(self) -> str:
        """``finished``; ``running`` while it stores a batch now and then; ``stopped`` when it
        is not finished and has stored nothing for ``STOPPED_AFTER`` (its process was killed,
        or its machine went down, before it could close the run)."""
        if self.finished_at is not None:
            return "finished"
        last = self.last_stored_at or self.started_at
        return "running" if timezone.now() - last < STOPPED_AFTER else "stopped"


class ImportedRecord(models.Model):
    """One published response page as structured data (see the module docstring)."""

    authority_name = models.CharField(
        max_length=200, help_text="The authority that published the response."
    )
    source_key = models.CharField(
        max_length=500,
        help_text="What makes the page the same page next time: url:, id:, ref: or sha256:.",
    )
    source_url = models.CharField(max_length=2000, blank=True, help_text="Where it was published.")
    source_path = models.CharField(
        max_length=1000, blank=True, help_text="The file it was imported from (and line)."
    )
    source_id = models.CharField(max_length=200, blank=True, help_text="The id it came with.")
    title = models.CharField(max_length=500, help_text="The page's title without the reference.")
    reference = models.CharField(
        max_length=100, blank=True, db_index=True, help_text="The authority's reference."
    )
    regime = models.CharField(max_length=8, choices=RegimeChoice.choices)
    date_shown = models.CharField(
        max_length=10,
        blank=True,
        help_text="The date the page shows (received, else published): YYYY-MM-DD or YYYY-MM.",
    )
    received_on = models.DateField(null=True, blank=True)
    responded_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    overall_outcome = models.CharField(
        max_length=32, choices=Outcome.choices, blank=True, db_index=True
    )
    ncnd = models.BooleanField(
        default=False, help_text="Neither confirms nor denies for some part."
    )
    public_interest_test_present = models.BooleanField(default=False)
    harm_test_present = models.BooleanField(default=False)
    has_attachment = models.BooleanField(default=False)
    question_count = models.PositiveIntegerField(default=0)
    provisions_text = models.TextField(
        blank=True,
        help_text="The provisions cited, space-separated and space-padded (' s31(1)(a) s40(2) ').",
    )
    extracted = models.JSONField(
        default=dict, help_text="Everything extracted: questions, outcomes, notes, attachments."
    )
    findings = models.JSONField(
        default=list, blank=True, help_text="The response checker's findings (import --check)."
    )
    doubts = models.JSONField(
        null=True,
        blank=True,
        help_text="What about the importer's reading to check first, one sentence each "
        "(intake.doubts); empty when nothing; null when read before the importer said.",
    )
    corrections = models.JSONField(
        default=dict,
        blank=True,
        help_text="What staff corrected of the importer's reading (see imports.corrections).",
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who last checked the record against the page.",
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    checked_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="The page's text and the importer's reading when it was checked "
        "(imports.corrections.fingerprint).",
    )
    full_text = models.TextField(help_text="The page's text as read (it is already public).")
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the page's text.")
    first_imported_at = models.DateTimeField()
    last_imported_at = models.DateTimeField(db_index=True)
    first_run = models.ForeignKey(
        ImportRun, null=True, on_delete=models.SET_NULL, related_name="records_created"
    )
    run = models.ForeignKey(
        ImportRun,
        null=True,
        on_delete=models.SET_NULL,
        related_name="records",
        help_text="The last run that created or changed it.",
    )

    class Meta:
        ordering = ["-last_imported_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority_name", "source_key"], name="imports_record_one_per_source"
            )
        ]
        indexes = [models.Index(fields=["authority_name", "reference"])]

    def __str__(self) -> str:
        return f"{self.reference or 'No reference'} {self.title} ({self.authority_name})"

    def get_absolute_url(self) -> str:
        return reverse("imports:record", kwargs={"pk": self.pk})

    @property
    def provisions(self) -> list[str]:
        return self.provisions_text.split()

    @property
    def reading(self) -> str:
        """The page's text and the importer's reading of it, as one fingerprint."""
        return fingerprint(self.content_hash, self.extracted or {})

    @property
    def check_state(self) -> str:
        """Staff's check of the record as it stands (its corrections and when it was last
        checked), as one fingerprint: a check form carries it, so that a check made on an older
        state is refused rather than undoing another officer's corrections."""
        return check_state(self.corrections, self.checked_at)

    @property
    def check_first(self) -> bool:
        """The importer is unsure of its reading and staff have not checked the record, as the
        records list, its filter and a run's count have it (a record checked before its page
        changed says "check again" instead)."""
        return bool(self.doubts) and self.checked_at is None

    @property
    def changed_since_checked(self) -> bool:
        """Checked by staff, and the page's text or the importer's reading has changed since
        (a re-import, or ``--refresh`` with a newer extractor)."""
        return self.checked_at is not None and self.checked_hash != self.reading


class ImportFailure(models.Model):
    """A page (or file, or line) a run could not import, and why."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="failures")
    source = models.CharField(max_length=1000, help_text="The file, or file:line.")
    reason = models.CharField(max_length=300, help_text="Why, for the person running the import.")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
