"""The request register.

A request is the unit of the statutory clock; a question is the unit of decision. The
requester's identity lives in its own table so that applicant-blind pages never load it.
"""

from django.conf import settings
from django.db import models

from foidesk.law.deadlines import WeekendReceipt
from foidesk.law.exemptions import AuthorityKind
from foidesk.law.regimes import Regime

from .states import CLOCK_STOPPED_STATES, OPEN_STATES, RequestState


class RegimeChoice(models.TextChoices):
    FOIA = Regime.FOIA.value, "FOIA"
    EIR = Regime.EIR.value, "EIR"
    FOISA = Regime.FOISA.value, "FOISA"


class CostLimit(models.IntegerChoices):
    """The appropriate limit under the Fees Regulations reg 3.

    £600 for bodies in Part I of Schedule 1 (government departments, legislatures, armed
    forces), £450 for everyone else including police forces (rules file section 4;
    https://www.legislation.gov.uk/uksi/2004/3244).
    """

    POUNDS_450 = 450, "£450 (police, councils and most authorities)"
    POUNDS_600 = 600, "£600 (Schedule 1 Part I bodies)"


class WeekendReceiptChoice(models.TextChoices):
    """How to count a request that arrives on a non-working day (rules T7)."""

    ICO = WeekendReceipt.ICO.value, "ICO reading: the next working day is day 1"
    CODE = WeekendReceipt.CODE.value, "s45 Code reading: receipt moves to the next working day"


class Authority(models.Model):
    """The public authority running this service, with its own settings.

    There is one row; ``Authority.current()`` reads it.
    """

    name = models.CharField(max_length=200, help_text="As it signs its responses.")
    kind = models.CharField(
        max_length=32,
        choices=[(k.value, k.value.replace("_", " ").capitalize()) for k in AuthorityKind],
        default=AuthorityKind.POLICE.value,
        help_text="Decides which exemptions it may use (a police force cannot use s35).",
    )
    default_regime = models.CharField(
        max_length=8,
        choices=RegimeChoice.choices,
        default=RegimeChoice.FOIA,
        help_text="The law new requests are handled under unless the officer says otherwise.",
    )
    reference_pattern = models.CharField(
        max_length=40,
        default="{seq}A/{yy}",
        help_text="How references are made: {seq} the number within the year, {yy} or {yyyy} "
        "the year. For example {seq}A/{yy} gives 190A/23.",
    )
    cost_limit = models.PositiveIntegerField(
        choices=CostLimit.choices,
        default=CostLimit.POUNDS_450,
        help_text="The appropriate limit under the Fees Regulations reg 3.",
    )
    weekend_receipt = models.CharField(
        max_length=8,
        choices=WeekendReceiptChoice.choices,
        default=WeekendReceiptChoice.ICO,
        help_text="How a request received on a non-working day is counted.",
    )

    rights_paragraph = models.TextField(
        default=(
            "If you are dissatisfied with this response you may ask for an internal review. "
            "Please write to the Freedom of Information Unit within 40 working days of the date "
            "of this response, saying what you are unhappy with; someone not involved in the "
            "original decision will review it. If you remain dissatisfied after the internal "
            "review, you may complain to the Information Commissioner's Office under section 50 "
            "of the Freedom of Information Act 2000: https://ico.org.uk/make-a-complaint/"
        ),
        help_text="Your internal review procedure and the right to complain to the ICO, ending "
        "every response (FOIA s17(7)).",
    )
    rights_paragraph_eir = models.TextField(
        blank=True,
        default="",
        help_text="For requests under the EIR, if they should say it differently: "
        "representations within 40 working days (reg 11) and the ICO (reg 18). Leave blank to "
        "use the paragraph above.",
    )
    rights_paragraph_foisa = models.TextField(
        blank=True,
        default="",
        help_text="For requests under FOISA: a review within 40 working days (s20) and then an "
        "application to the Scottish Information Commissioner within six months (s47). Leave "
        "blank to use the paragraph above.",
    )

    class Meta:
        verbose_name_plural = "authority"

    def __str__(self) -> str:
        return self.name

    def rights_for(self, regime: str) -> str:
        """The complaint-rights paragraph for a request under ``regime``: the regime's own, or
        the general one (FOIA s17(7); EIR reg 14(5); FOISA s19, whose review and Commissioner
        differ, s20 and s47)."""
        own = {
            "eir": self.rights_paragraph_eir,
            "foisa": self.rights_paragraph_foisa,
        }.get(regime, "")
        return own.strip() or self.rights_paragraph

    @classmethod
    def current(cls) -> "Authority":
        authority = cls.objects.order_by("pk").first()
        if authority is None:
            authority = cls.objects.create(name="Your authority")
        return authority


class ReferenceCounter(models.Model):
    """The last sequence number used in a year; references restart at 1 each year."""

    year = models.PositiveIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Department(models.Model):
    """A part of the authority that holds information and answers routed questions."""

    name = models.CharField(max_length=120, unique=True)
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="departments",
        help_text="Department contacts who answer questions routed here.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Requester(models.Model):
    """Who asked. Personal data: never shown on a public page, feed or export.

    Staff pages are applicant-blind: they show the request, not who asked, unless an FOI
    officer reveals the identity for a stated purpose (recorded as an ``IdentityReveal``).
    """

    name = models.CharField(max_length=200, help_text="As given in the request (FOIA s8(1)(b)).")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True, help_text="Postal address for correspondence.")
    organisation = models.CharField(
        max_length=200, blank=True, help_text="For example a newspaper, if they said so."
    )

    def __str__(self) -> str:
        return f"Requester {self.pk}"


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    WEB_FORM = "web_form", "Web form"
    POST = "post", "Post"
    WHATDOTHEYKNOW = "whatdotheyknow", "WhatDoTheyKnow"


class RequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def clock_running(self):
        return self.filter(state__in=OPEN_STATES - CLOCK_STOPPED_STATES)


class Request(models.Model):
    """A request for information, and the stored result of the statutory clock.

    ``due_date`` is recomputed by ``services.request_recompute_deadline`` on every clock event
    and whenever the calendar data changes; "overdue" and "due soon" are worked out when read.
    """

    reference = models.CharField(max_length=40, unique=True)
    slug = models.SlugField(
        max_length=60, unique=True, help_text="The reference as it appears in addresses: 190A-23."
    )
    title = models.CharField(max_length=200, help_text="A short, neutral description.")
    received_at = models.DateTimeField(help_text="When the request reached the authority.")
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    regime = models.CharField(max_length=8, choices=RegimeChoice.choices)
    state = models.CharField(
        max_length=32,
        choices=RequestState.choices,
        default=RequestState.RECEIVED,
        db_index=True,
    )
    requester = models.ForeignKey(Requester, on_delete=models.PROTECT, related_name="requests")
    request_text = models.TextField(
        help_text="The request as received, without the requester's sign-off."
    )
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_requests",
    )
    due_date = models.DateField(
        null=True, blank=True, db_index=True, help_text="Empty while the clock is paused."
    )
    day_one = models.DateField(null=True, blank=True)
    decision_due = models.DateField(
        null=True, blank=True, help_text="Public interest extension decision date (s10(3))."
    )
    fee_payment_due = models.DateField(null=True, blank=True)
    calendar_version = models.CharField(max_length=80, blank=True)
    responded_on = models.DateField(null=True, blank=True)
    # NULL, not "", for "no key" (requests logged before keys, or by the demo and imports):
    # a nullable column is added to SQLite without rebuilding the table (see ``Meta``).
    intake_key = models.CharField(  # noqa: DJ001
        max_length=40,
        null=True,
        blank=True,
        editable=False,
        help_text="The one-time key of the “Log a request” form that logged it, so that saving "
        "that form again leads to this request instead of logging it twice.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["state", "due_date"]),
            models.Index(fields=["assigned_officer", "state"]),
            models.Index(fields=["regime", "state"]),
            models.Index(fields=["received_at"]),
        ]
        constraints = [
            # A partial unique index, not ``unique=True``: on SQLite that would rebuild the
            # table and drop the search triggers of migration 0004.
            models.UniqueConstraint(
                fields=["intake_key"],
                condition=models.Q(intake_key__isnull=False),
                name="request_intake_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("cases:case", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class QuestionStatus(models.TextChoices):
    NEW = "new", "Not yet routed"
    WITH_DEPARTMENT = "with_department", "With department"
    ANSWERED = "answered", "Answer returned"
    DECIDED = "decided", "Decided"


class Question(models.Model):
    """One thing the request asks, numbered as the requester numbered it."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveIntegerField()
    text = models.TextField(help_text="What is asked, in the requester's words.")
    context = models.TextField(
        blank=True, help_text="Background the requester gave; not itself a question."
    )
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
        help_text="Where the question is routed for an answer.",
    )
    status = models.CharField(
        max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.NEW, db_index=True
    )
    department_answer = models.TextField(blank=True, help_text="What the department returned.")
    hours_spent = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Hours the department spent locating, retrieving and extracting (for s12).",
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # request_id, not request: ordering by the relation would join cases_request to sort
        # by the request's own ordering, in every query for questions.
        ordering = ["request_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="question_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.request.reference} Q{self.number}"


class ClockEventKind(models.TextChoices):
    CLARIFICATION_SOUGHT = "clarification_sought", "Clarification sought (s1(3))"
    CLARIFICATION_RECEIVED = "clarification_received", "Clarification received"
    FEE_NOTICE = "fee_notice", "Fees notice given (s9)"
    FEE_PAID = "fee_paid", "Fee received"
    PIT_EXTENSION = "pit_extension", "Public interest extension (s10(3))"
    EIR_EXTENSION = "eir_extension", "EIR extension to 40 working days (reg 7)"


class ClockEvent(models.Model):
    """Something that moves the statutory clock, with the date it took effect."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="clock_events")
    kind = models.CharField(max_length=32, choices=ClockEventKind.choices)
    on = models.DateField(help_text="The day it happened (for a fee, the day it was received).")
    extended_to = models.DateField(
        null=True, blank=True, help_text="For a public interest extension: the new decision date."
    )
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on}"


class RevealPurpose(models.TextChoices):
    """Why an officer needs to know who asked; nothing else justifies a reveal."""

    AGGREGATION = "aggregation", "Aggregating requests for the cost limit (Fees Regs reg 5)"
    VEXATIOUS = "vexatious", "Considering whether the request is vexatious or repeated (s14)"
    OWN_DATA = "own_data", "The request is for the requester's own personal data (s40(1))"
    CORRESPONDENCE = "correspondence", "Corresponding with the requester"


class IdentityReveal(models.Model):
    """A record that someone saw who asked, and why."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="reveals")
    revealed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField(max_length=20, choices=RevealPurpose.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.request.reference}: shown to {self.revealed_to} ({self.purpose})"


class LinkKind(models.TextChoices):
    SAME_REQUESTER = "same_requester", "Same requester"
    ROUND_ROBIN = "round_robin", "Round robin (sent to many authorities)"
    AGGREGATED = "aggregated", "Aggregated for the cost limit"


class RequestLink(models.Model):
    """Two requests that belong together; read in both directions."""

    from_request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="links_out")
    to_request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=20, choices=LinkKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["from_request", "to_request", "kind"], name="request_link_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_request=models.F("to_request")),
                name="request_link_not_to_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_request.reference} ↔ {self.to_request.reference} ({self.kind})"
