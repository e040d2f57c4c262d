"""What the authority decided, question by question, and the reasoning behind it.

The models mirror the structured response of ``foidesk.law.response`` (documented in
``docs/response-format.md``): ``compose.response_for`` builds that plain-data response from
them, and everything downstream (the checker, the documents, approval snapshots, export)
reads the plain data, never these tables.
"""

from django.conf import settings
from django.db import models

from foidesk.cases.models import Question, Request
from foidesk.law.response import COST_ACTIVITIES, Outcome


class OutcomeChoice(models.TextChoices):
    DISCLOSED = Outcome.DISCLOSED.value, "Disclosed"
    PARTIALLY_DISCLOSED = Outcome.PARTIALLY_DISCLOSED.value, "Partially disclosed"
    EXEMPT = Outcome.EXEMPT.value, "Exempt"
    NCND = Outcome.NCND.value, "Neither confirm nor deny"
    NOT_HELD = Outcome.NOT_HELD.value, "Not held"
    COST_LIMIT = Outcome.COST_LIMIT.value, "Cost limit (s12)"
    VEXATIOUS = Outcome.VEXATIOUS.value, "Vexatious (s14(1))"
    REPEATED = Outcome.REPEATED.value, "Repeated (s14(2))"
    REASONABLY_ACCESSIBLE = Outcome.REASONABLY_ACCESSIBLE.value, "Reasonably accessible (s21)"
    FUTURE_PUBLICATION = Outcome.FUTURE_PUBLICATION.value, "Intended for future publication (s22)"
    CLARIFICATION_NEEDED = Outcome.CLARIFICATION_NEEDED.value, "Clarification needed"
    TRANSFERRED = Outcome.TRANSFERRED.value, "Transferred"
    WITHDRAWN = Outcome.WITHDRAWN.value, "Withdrawn"


class Decision(models.Model):
    """The answer to one question, or to several answered together ("In relation to
    questions 1 and 2")."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="decisions")
    questions = models.ManyToManyField(Question, related_name="decisions")
    outcome = models.CharField(max_length=32, choices=OutcomeChoice.choices)
    provisions = models.JSONField(
        default=list,
        blank=True,
        help_text='Provisions relied on: [{"id": "foia:s31(3)", "condition": null}, ...].',
    )
    text = models.TextField(blank=True, help_text="The answer as it will read in the response.")
    figures_given = models.BooleanField(
        default=False, help_text="The answer gives figures or other information."
    )
    reveals_held = models.BooleanField(
        default=False, help_text="The answer says whether information is held."
    )
    where = models.TextField(
        blank=True, help_text="For s21: where the information is reasonably accessible."
    )
    publication_date = models.DateField(
        null=True, blank=True, help_text="For s22: when it will be published."
    )
    advice_to_narrow = models.TextField(
        blank=True, help_text="For s12: advice and assistance to narrow the request (s16)."
    )
    cost_basis = models.TextField(
        blank=True, help_text="For s12: how the estimate was made (a sampling exercise, say)."
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["request", "order", "id"]

    def __str__(self) -> str:
        return f"{self.request.reference}: {self.get_outcome_display()}"

    @property
    def provision_ids(self) -> list[str]:
        return [p["id"] for p in self.provisions]


class CostActivity(models.TextChoices):
    """Fees Regs reg 4(3): only the first four count towards the limit
    (https://www.legislation.gov.uk/uksi/2004/3244/regulation/4)."""

    DETERMINING = COST_ACTIVITIES[0], "Determining whether the information is held"
    LOCATING = COST_ACTIVITIES[1], "Locating it"
    RETRIEVING = COST_ACTIVITIES[2], "Retrieving it"
    EXTRACTING = COST_ACTIVITIES[3], "Extracting it"
    REDACTING = COST_ACTIVITIES[4], "Redacting (does not count)"
    CONSIDERING_EXEMPTIONS = COST_ACTIVITIES[5], "Considering exemptions (does not count)"
    OTHER = COST_ACTIVITIES[6], "Other (does not count)"


class CostLine(models.Model):
    """One line of a s12 cost worksheet: hours for one activity, for a question."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="cost_lines")
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    activity = models.CharField(max_length=32, choices=CostActivity.choices)
    hours = models.DecimalField(max_digits=7, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["decision", "question__number", "id"]

    def __str__(self) -> str:
        return f"{self.get_activity_display()}: {self.hours} h"


class Section(models.TextChoices):
    EVIDENCE_OF_HARM = "evidence_of_harm", "Evidence of harm"
    FACTORS_FOR = "factors_for", "Factors favouring disclosure (or confirming or denying)"
    FACTORS_AGAINST = "factors_against", "Factors against disclosure (or confirming or denying)"
    BALANCE = "balance", "Balancing test"
    CONCLUSION = "conclusion", "Conclusion"


class LibraryParagraph(models.Model):
    """A reusable paragraph of harm or public interest reasoning, kept per provision and topic.

    Versioned: editing a paragraph adds a new version with the same ``key``; tests keep the
    version they used, so a later edit never changes a response already written.
    """

    key = models.SlugField(max_length=120, help_text="Stable name shared by all versions.")
    version = models.PositiveIntegerField(default=1)
    written_for = models.JSONField(
        default=list, help_text='Provision ids this paragraph argues: ["foia:s31(3)", ...].'
    )
    topic = models.CharField(max_length=200)
    section = models.CharField(max_length=20, choices=Section.choices)
    text = models.TextField()
    is_current = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["topic", "key", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="library_paragraph_version")
        ]

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"

    @property
    def library_id(self) -> str:
        return f"{self.key}@{self.version}"


class TestKind(models.TextChoices):
    DISCLOSURE = "disclosure", "On disclosure (s1(1)(b))"
    NCND = "ncnd", "On confirming or denying (s1(1)(a))"


class HarmAndPublicInterestTest(models.Model):
    """The reasoning for one provision: evidence of harm, factors for and against, balance.

    For NCND the test is about confirming or denying, separately from any test on disclosure
    (FOIA s2(1) and s2(2), https://www.legislation.gov.uk/ukpga/2000/36/section/2).
    """

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="tests")
    provision = models.CharField(max_length=40, help_text='Catalogue id, e.g. "foia:s31(3)".')
    kind = models.CharField(max_length=12, choices=TestKind.choices)
    balance = models.TextField(blank=True)
    conclusion = models.TextField(blank=True)

    class Meta:
        ordering = ["request", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "provision", "kind"], name="one_test_per_provision_and_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request.reference}: {self.provision} ({self.kind})"


class TestParagraph(models.Model):
    """A paragraph in a test, in order; taken from the library (and maybe edited) or new."""

    test = models.ForeignKey(
        HarmAndPublicInterestTest, on_delete=models.CASCADE, related_name="paragraphs"
    )
    section = models.CharField(
        max_length=20,
        choices=[
            (s.value, s.label) for s in Section if s not in (Section.BALANCE, Section.CONCLUSION)
        ],
    )
    order = models.PositiveIntegerField(default=0)
    text = models.TextField()
    library_paragraph = models.ForeignKey(
        LibraryParagraph,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="uses",
        help_text="The library version this paragraph came from, if any.",
    )

    class Meta:
        ordering = ["test", "section", "order", "id"]

    def __str__(self) -> str:
        return f"{self.test}: {self.section} #{self.order}"


class SignOffStatus(models.TextChoices):
    """Where a version stands. A version still awaiting approval when a later one is sent for
    approval is superseded: only the latest version can be approved, so it never will be."""

    AWAITING = "awaiting", "Awaiting approval"
    APPROVED = "approved", "Approved"
    SENT_BACK = "sent_back", "Sent back"
    SUPERSEDED = "superseded", "Superseded by a later version"


class ResponseVersion(models.Model):
    """A draft submitted for approval, frozen as the structured response it was.

    Four eyes: the decision maker who approves is never the person who drafted it. Approval
    applies to this frozen snapshot; if the decisions change afterwards the snapshot no longer
    matches and a new approval is needed before the response is sent.
    """

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField(help_text="The structured response (docs/response-format.md).")
    snapshot_hash = models.CharField(max_length=64)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=12, choices=SignOffStatus.choices, default=SignOffStatus.AWAITING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reasons = models.TextField(blank=True, help_text="Why it was sent back, or a note.")

    class Meta:
        ordering = ["request", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="response_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.request.reference} v{self.number} ({self.status})"


class ResponseAttachment(models.Model):
    """A file sent with the response, such as a table of figures answering some questions.

    ``name`` is the file name the requester sees (and the response lists); the stored file's
    own name may differ. Attachments are part of the structured response, so adding or
    removing one after approval means a new approval is needed. Every file is scanned when it
    is attached (``foidesk.safety``): a hostile or unreadable file is refused, and the scan's
    errors (hidden sheets, metadata, text under black boxes ...) block approval until the file
    is cleaned or replaced.
    """

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(max_length=200, help_text="The file name shown in the response.")
    file = models.FileField(upload_to="attachments/%Y/", max_length=300)
    questions = models.ManyToManyField(Question, blank=True, related_name="attachments")
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(help_text="In bytes.")
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    scan = models.JSONField(
        default=dict,
        blank=True,
        help_text="The safety scan of the file as stored: kind, when, and each finding "
        "(code, severity, where, message, whether cleaning removes it).",
    )

    class Meta:
        ordering = ["request", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "name"], name="one_attachment_per_name")
        ]

    def __str__(self) -> str:
        return f"{self.request.reference}: {self.name}"

    @property
    def scan_findings(self) -> list[dict]:
        return list(self.scan.get("findings", []))

    @property
    def scan_errors(self) -> list[dict]:
        """What must be fixed before approval."""
        return [f for f in self.scan_findings if f["severity"] == "error"]

    @property
    def scan_warnings(self) -> list[dict]:
        """What to review before approval (personal data patterns, notes in properties)."""
        return [f for f in self.scan_findings if f["severity"] == "warning"]

    @property
    def can_clean(self) -> bool:
        return any(f["can_clean"] for f in self.scan_findings)
