"""The disclosure log: what was published, exactly as published.

A ``Publication`` is a stored, already-redacted public version of one answered request. The
public side reads nothing else (``selectors.published``), so the log shows what went out and a
later change to the register cannot leak into it. A correction is a new publication of the same
request with the next version number; the earlier one stays on record.
"""

from django.conf import settings
from django.db import models

from foidesk.cases.models import RegimeChoice, Request


class Topic(models.Model):
    """A subject the log can be filtered by ("Firearms licensing", "Professional standards")."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RedactionScope(models.TextChoices):
    AUTHORITY = "authority", "Every request"
    REQUEST = "request", "This request only"


class RedactionKind(models.TextChoices):
    LITERAL = "literal", "Words, as written"
    PATTERN = "pattern", "A pattern (regular expression)"


class RedactionRule(models.Model):
    """Something never to publish, as data: a literal or a pattern, where it applies, why, and
    who made the rule (Alaveteli's censor rules). The built-in rules (signatures, quoted email
    headers, contact details) live in ``redaction.standard_rules``; these are the ones officers
    add."""

    scope = models.CharField(max_length=12, choices=RedactionScope.choices)
    request = models.ForeignKey(
        Request,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="redaction_rules",
        help_text="For a rule that applies to one request only.",
    )
    kind = models.CharField(max_length=12, choices=RedactionKind.choices)
    text = models.CharField(max_length=500, help_text="The words, or the pattern, to remove.")
    whole_response = models.BooleanField(
        default=True,
        help_text="Apply to the whole published response, not only the request as received.",
    )
    replacement = models.CharField(max_length=60, default="[redacted]")
    reason = models.CharField(max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(scope="authority", request__isnull=True)
                    | models.Q(scope="request", request__isnull=False)
                ),
                name="redaction_rule_scope_matches_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.reason}"


class OverallOutcome(models.TextChoices):
    """The outcome of a request as a whole, the way disclosure logs label it."""

    DISCLOSED = "disclosed", "Information disclosed"
    PARTLY_DISCLOSED = "partly_disclosed", "Partly disclosed"
    REFUSED = "refused", "Refused"
    NOT_HELD = "not_held", "Information not held"
    OTHER = "other", "Other"


class PublicationQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: the current version of each entry, not withdrawn."""
        return self.filter(is_current=True, withdrawn_at__isnull=True)


class Publication(models.Model):
    """One published version of an answered request: the entry in the disclosure log."""

    request = models.ForeignKey(Request, on_delete=models.PROTECT, related_name="publications")
    version = models.PositiveIntegerField(default=1)
    slug = models.SlugField(max_length=60, help_text="The entry's address, e.g. 190A-23.")
    reference = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    regime = models.CharField(max_length=8, choices=RegimeChoice.choices)
    received_on = models.DateField()
    responded_on = models.DateField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    snapshot = models.JSONField(
        help_text="The structured response as published, redactions applied "
        "(docs/response-format.md)."
    )
    request_text = models.TextField(help_text="The request as published, redactions applied.")
    response_text = models.TextField(help_text="The response as plain text, for search.")
    outcome = models.CharField(max_length=20, choices=OverallOutcome.choices)
    ncnd = models.BooleanField(
        default=False, help_text="At least one answer neither confirms nor denies."
    )
    year = models.PositiveSmallIntegerField(help_text="The year the response was sent.")
    topics = models.ManyToManyField(Topic, blank=True, related_name="publications")
    redactions = models.JSONField(
        default=list,
        help_text="What was redacted where: field, position, reason (not the words removed).",
    )
    correction_note = models.TextField(
        blank=True, help_text="For a correction: what changed and why, shown on the entry."
    )
    is_current = models.BooleanField(default=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "version"], name="publication_version"),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(is_current=True),
                name="one_current_publication_per_slug",
            ),
        ]
        indexes = [
            models.Index(fields=["is_current", "responded_on"], name="publication_log_order"),
            models.Index(fields=["year"]),
            models.Index(fields=["outcome"]),
        ]

    def __str__(self) -> str:
        return f"{self.reference} (version {self.version})"

    @property
    def is_public(self) -> bool:
        return self.is_current and self.withdrawn_at is None


class FacetKind(models.TextChoices):
    PROVISION = "provision", "Provision cited"
    QUESTION_OUTCOME = "question_outcome", "Outcome of a question"


class PublicationFacet(models.Model):
    """A value the log can be filtered on that an entry has several of: every provision cited
    (by catalogue id, e.g. ``foia:s40(2)``), every question's outcome."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=20, choices=FacetKind.choices)
    value = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "kind", "value"], name="publication_facet_once"
            )
        ]
        indexes = [models.Index(fields=["kind", "value", "publication"])]

    def __str__(self) -> str:
        return f"{self.kind}={self.value}"


class PublishedAttachment(models.Model):
    """A copy of a file as it went out with the response: later changes to the case's
    attachments do not change what the log offers."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="attachments"
    )
    name = models.CharField(max_length=200)
    file = models.FileField(upload_to="published/%Y/", max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(help_text="In bytes.")
    sha256 = models.CharField(max_length=64)
    questions = models.JSONField(default=list, help_text="The question numbers it answers.")

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "name"], name="published_attachment_name"
            )
        ]

    def __str__(self) -> str:
        return self.name
