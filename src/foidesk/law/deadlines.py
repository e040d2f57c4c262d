"""The statutory clock: when a response, a review or a complaint is due, and why.

Public API (all dates are ``datetime.date``; every result is a frozen dataclass that carries
the ``calendar_version`` it used and explains itself with ``.explanation`` and
``.explanation.as_text()``):

``compute_deadline(regime, received, *, weekend_receipt=WeekendReceipt.ICO,
clarification_received=None, fee_notice=None, fee_paid=None, pit_extension_to=None,
eir_extension=False, calendar=None, pit_limit_working_days=40) -> Deadline``
    The response deadline. ``Deadline.due`` is the day the response, or under FOIA s10(3) the
    s17 refusal/holding notice, is due (``None`` while a fees notice is unpaid);
    ``decision_due`` is the public interest decision date; ``fee_payment_due`` is the last day
    to pay a fees notice; ``warnings`` lists anything a reviewer should look at.

``compute_review_deadline(regime, requested, *, weekend_receipt=WeekendReceipt.ICO,
calendar=None) -> ReviewDeadline``
    Internal review: ``due`` (target) and ``max``.

``review_request_window(regime, response_date, *, calendar=None) -> Window``
    The last day the requester can ask for a review (40 working days).

``ico_complaint_window(regime, last_contact) -> Window``
    The last day to complain to the ICO (six weeks) or, under FOISA, to apply to the Scottish
    Information Commissioner (six months).

``aggregation_window(first_received, second_received=None, *, regime=Regime.FOIA,
calendar=None, max_working_days=60) -> AggregationWindow``
    Whether two requests fall within 60 consecutive working days (Fees Regs reg 5).

Calendars (``foidesk.law.calendars.Calendar``) also offer ``add_working_days``,
``subtract_working_days``, ``working_days_between`` and ``is_working_day``.

Dates that cannot describe a real request raise ``ClockInputError``; a date outside the years
whose bank holidays are known (1872 to 2100), or a count that would run past them, raises its
subclass ``DateOutOfRange`` (also the calendar's ``OutsideKnownYears``).

Speed: the count is a few list look-ups in a per-calendar index of working-day ordinals (see
``WorkingDayIndex``), and the explanation is built only when ``.explanation`` is first read, so
recomputing 100,000 open deadlines takes well under a second (``bench/bench_deadlines.py``).

Sources: ``shared/law/UK-FOI-RULES.md`` sections 1, 4, 5, 6, 7 and 11; the URLs in each
``Citation`` are the primary ones listed there. Rules tagged UNVERIFIED there are parameters
or flagged ``unverified=True`` in the citation and in the explanation.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from typing import Any

from foidesk.law.calendars import (
    LAST_DAY,
    Calendar,
    OutsideKnownYears,
    SkipKind,
    SkippedDay,
    SkipReason,
    calendar_for,
    require_known_year,
)
from foidesk.law.regimes import Citation, Regime

#: The ICO's view of a reasonable FOIA s10(3) public interest extension: normally no more than a
#: further 20 working days, 40 in total (rules T12). The statute sets no cap and the exact ICO
#: wording is UNVERIFIED, so this is only the default of ``pit_limit_working_days`` and produces
#: a warning, never an error.
ICO_PIT_LIMIT_WORKING_DAYS = 40

#: FOIA s10(1), EIR reg 5(2), FOISA s10(1): the normal time for compliance.
RESPONSE_WORKING_DAYS = 20

#: EIR reg 7(1): the extended time for complex and voluminous requests.
EIR_EXTENDED_WORKING_DAYS = 40

#: Fees Regs reg 5: requests received within any period of sixty consecutive working days.
AGGREGATION_WORKING_DAYS = 60

_FOIA = "https://www.legislation.gov.uk/ukpga/2000/36"
_EIR = "https://www.legislation.gov.uk/uksi/2004/3391"
_FOISA = "https://www.legislation.gov.uk/asp/2002/13"
_ICO_FOIA_TIME = (
    "https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-"
    "information-regulations/time-limits-for-compliance-under-the-freedom-of-information-act-"
    "section-10"
)
_ICO_EIR_TIME = (
    "https://ico.org.uk/for-organisations/foi/freedom-of-information-and-environmental-"
    "information-regulations/time-limits-for-compliance-under-the-eir"
)
_ICO_REVIEW = (
    "https://ico.org.uk/for-organisations/foi/guide-to-managing-an-foi-request/"
    "complaints-internal-reviews/"
)
_ICO_PUBLIC_REVIEW = (
    "https://ico.org.uk/for-the-public/official-information/"
    "what-to-do-if-you-are-dissatisfied-with-the-response"
)
_ICO_COMPLAINT = (
    "https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/"
    "?answers=g-A-a-C-A-B-A"
)
_S45_CODE = (
    "https://ico.org.uk/for-organisations/guidance-index/freedom-of-information-and-"
    "environmental-information-regulations/section-45-code-of-practice-request-handling"
)
_SIC_DAY_ONE = "https://www.foi.scot/how-long-will-i-wait"
_MYSOCIETY_PIT = "https://www.mysociety.org/2023/07/06/as-time-goes-by/"
_FEES_REGS_REG5 = "https://www.legislation.gov.uk/uksi/2004/3244/regulation/5"


class WeekendReceipt(StrEnum):
    """How a request received on a non-working day is counted (an authority setting; trap 4).

    ``ICO`` (default): the non-working day *is* the date of receipt, so day 1 is the next
    working day. FOIA s10(6)(a) makes the date of receipt "the day on which the public authority
    receives the request" with "no requirement for this to be a working day" (ICO LTT47; rules
    T5-T7; https://www.legislation.gov.uk/ukpga/2000/36/section/10).

    ``CODE``: the final 2018 s45 Code of Practice, para 4.2, as reported by FOIMan
    (https://www.foiman.com/archives/2958): receipt on a non-working day is treated as receipt
    on the next working day, so day 1 is the working day after that. The exact wording of para
    4.2 is UNVERIFIED (rules T7 and section 12). The two readings differ by one working day.

    Despite the name, it applies to any non-working day (a bank holiday too).
    """

    ICO = "ico"
    CODE = "code"


class ClockInputError(ValueError):
    """The dates given cannot describe a real request (e.g. a fee paid before its notice)."""


class RuleNotAvailable(ClockInputError):
    """The option asked for does not exist under this regime (e.g. a FOISA PIT extension)."""


#: The dates the clock counts from (``compute_deadline``'s received day and its keyword
#: arguments), by the names the response format and the public calculator give them too.
CLOCK_DATES = ("received", "clarification_received", "fee_notice", "fee_paid")


class DateOutOfRange(ClockInputError, OutsideKnownYears):
    """A date the clock cannot count from, or a date it would have to count past: working days
    are known only in the years whose bank holidays are known (``calendars.FIRST_YEAR`` to
    ``LAST_YEAR``, 1872 to 2100), so a request received in 9999, or one whose 20th working day
    falls in 2101, gets this error rather than a date that could be wrong."""


@contextmanager
def _known_years() -> Iterator[None]:
    """Report the calendar's ``OutsideKnownYears`` as a ``ClockInputError`` (bad input)."""
    try:
        yield
    except OutsideKnownYears as exc:
        raise DateOutOfRange(str(exc)) from None


def _after_known_years(what: str) -> DateOutOfRange:
    return DateOutOfRange(
        f"{what} would fall after {fmt(LAST_DAY)}, the last day whose bank holidays are known"
    )


# --------------------------------------------------------------------------------------------
# Citations


def _c(text: str, url: str, unverified: bool = False) -> Citation:
    return Citation(text, url, unverified)


_RESPONSE = {
    Regime.FOIA: _c(
        "FOIA s10(1): the 20th working day following the date of receipt", f"{_FOIA}/section/10"
    ),
    Regime.EIR: _c(
        "EIR reg 5(2): no later than 20 working days after the date of receipt",
        f"{_EIR}/regulation/5",
    ),
    Regime.FOISA: _c(
        "FOISA s10(1): not later than the 20th working day after receipt", f"{_FOISA}/section/10"
    ),
}
_RECEIPT = {
    Regime.FOIA: _c(
        "FOIA s10(6): the date of receipt is the day the authority receives the request; it need "
        "not be a working day (ICO LTT47)",
        f"{_FOIA}/section/10",
    ),
    Regime.EIR: _c(
        "EIR reg 5(2): the date of receipt is the day the authority receives the request",
        f"{_EIR}/regulation/5",
    ),
    Regime.FOISA: _c(
        "FOISA s10(1): the period runs from receipt of the request", f"{_FOISA}/section/10"
    ),
}
_DAY_ONE = {
    Regime.FOIA: _c(
        "ICO: day 1 is the first working day after the date of receipt", _ICO_FOIA_TIME
    ),
    Regime.EIR: _c(
        "ICO: 'day 1' is the first working day after the request has been received", _ICO_EIR_TIME
    ),
    Regime.FOISA: _c(
        "SIC: the first working day of a request is the day after the date it is received",
        _SIC_DAY_ONE,
    ),
}
_CODE_RECEIPT = _c(
    "s45 Code of Practice para 4.2 (2018, as reported by FOIMan): a request received on a "
    "non-working day is treated as received on the next working day",
    _S45_CODE,
    unverified=True,
)
_CLARIFICATION = {
    Regime.FOIA: _c(
        "FOIA s1(3) and s10(6)(b): once the further information asked for arrives, that day is the "
        "date of receipt and the 20 working days start again",
        f"{_FOIA}/section/1",
        unverified=True,
    ),
    Regime.EIR: _c(
        "EIR reg 9: where a request is too general, the 20 working days run from receipt of the "
        "particulars asked for",
        f"{_EIR}/regulation/9",
    ),
    Regime.FOISA: _c(
        "FOISA s1(3) and s10(1)(b): the 20 working days run from receipt of the further "
        "information asked for",
        f"{_FOISA}/section/10",
    ),
}
_FEE_PAUSE = {
    Regime.FOIA: _c(
        "FOIA s10(2): working days from the day the fees notice is given to the day the fee is "
        "received (both included) are disregarded",
        f"{_FOIA}/section/10",
    ),
    Regime.EIR: _c(
        "EIR reg 8 (advance payment of a charge): the FOIA s10(2) disregard is applied by analogy",
        f"{_EIR}/regulation/8",
        unverified=True,
    ),
    Regime.FOISA: _c(
        "FOISA s10(2): the period from the fees notice to receipt of the fee is disregarded "
        "(both end days excluded from the count, as under FOIA s10(2))",
        f"{_FOISA}/section/10",
        unverified=True,
    ),
}
_FEE_WINDOW = {
    Regime.FOIA: _c(
        "FOIA s9(2): the fee must be paid within the period of three months beginning with the day "
        "the fees notice is given",
        f"{_FOIA}/section/9",
        unverified=True,
    ),
    Regime.FOISA: _c(
        "FOISA s9: the fee must be paid within three months beginning with the day the fees notice "
        "is given",
        f"{_FOISA}/section/9",
        unverified=True,
    ),
}
_PIT = _c(
    "FOIA s10(3): where only the public interest balance is outstanding, the authority need not "
    "decide until such time as is reasonable; this does not affect when the s17(1) notice is due",
    f"{_FOIA}/section/10",
)
_S17 = _c(
    "FOIA s17(1)-(2): the refusal notice, with an estimate of the date the public interest "
    "decision will be reached, is due within the s10(1) time",
    f"{_FOIA}/section/17",
)
_PIT_LIMIT = _c(
    "ICO: a reasonable public interest extension is normally no more than a further 20 working "
    "days (40 in total)",
    _MYSOCIETY_PIT,
    unverified=True,
)
_EIR_EXTENSION = _c(
    "EIR reg 7(1): extended to 40 working days after the date of receipt where the complexity "
    "and volume of the information requested make 20 working days impracticable",
    f"{_EIR}/regulation/7",
)
_EIR_EXTENSION_NOTICE = _c(
    "EIR reg 7(3): the applicant must be told of the extension within 20 working days",
    f"{_EIR}/regulation/7",
    unverified=True,
)
_REVIEW_DUE = {
    Regime.FOIA: _c(
        "s45 Code Part 5 (ICO): complete an internal review within 20 working days in most cases",
        _ICO_REVIEW,
    ),
    Regime.EIR: _c(
        "EIR reg 11: decide on the representations no later than 40 working days after receiving "
        "them",
        f"{_EIR}/regulation/11",
    ),
    Regime.FOISA: _c(
        "FOISA s21(1): respond not later than the 20th working day after receipt of the "
        "requirement for review",
        f"{_FOISA}/section/21",
    ),
}
_REVIEW_MAX = {
    Regime.FOIA: _c(
        "s45 Code Part 5 (ICO): no longer than 40 working days in exceptional circumstances",
        _ICO_REVIEW,
    ),
    Regime.EIR: _REVIEW_DUE[Regime.EIR],
    Regime.FOISA: _REVIEW_DUE[Regime.FOISA],
}
_REVIEW_REQUEST = {
    Regime.FOIA: _c(
        "ICO: an authority could refuse to deal with a review request made more than 40 working "
        "days after the response",
        _ICO_PUBLIC_REVIEW,
    ),
    Regime.EIR: _c(
        "EIR reg 11: representations must be made no later than 40 working days after the date "
        "the applicant believes the authority failed to comply",
        f"{_EIR}/regulation/11",
    ),
    Regime.FOISA: _c(
        "FOISA s20: a requirement for review must be made within 40 working days of receiving the "
        "response (or of the deadline passing without one)",
        f"{_FOISA}/section/20",
    ),
}
_COMPLAINT = {
    Regime.FOIA: _c(
        "ICO: complain within six weeks of the final response or last substantive contact",
        _ICO_COMPLAINT,
    ),
    Regime.EIR: _c(
        "ICO: complain within six weeks of the final response or last substantive contact",
        _ICO_COMPLAINT,
    ),
    Regime.FOISA: _c(
        "FOISA s47(4): apply to the Scottish Information Commissioner within six months",
        f"{_FOISA}/section/47",
    ),
}
_AGGREGATION = _c(
    "Fees Regs reg 5: requests for the same or similar information may be aggregated if "
    "received within any period of sixty consecutive working days",
    _FEES_REGS_REG5,
)


# --------------------------------------------------------------------------------------------
# Explanations

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt(day: date) -> str:
    """``Thu 19 Jan 2023``: unambiguous and locale-independent."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the working, with the rule it applies."""

    text: str
    citation: Citation | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    """How a date was worked out: start, steps, every day not counted and why, and sources."""

    title: str
    result: date | None
    start: date
    start_reason: str
    steps: tuple[Step, ...]
    skipped: tuple[SkippedDay, ...] = ()
    counted: tuple[date, ...] = ()
    warnings: tuple[str, ...] = ()
    calendar_version: str | None = None

    @property
    def citations(self) -> tuple[Citation, ...]:
        seen: dict[Citation, None] = {}
        for step in self.steps:
            if step.citation is not None:
                seen.setdefault(step.citation, None)
        return tuple(seen)

    def lines(self) -> list[str]:
        """The explanation as plain-English lines (what ``as_text`` joins)."""
        out = [f"{self.title}: {fmt(self.result) if self.result else 'not yet known'}"]
        out.append(f"Start: {self.start_reason}")
        for step in self.steps:
            cite = ""
            if step.citation is not None:
                flag = ", UNVERIFIED" if step.citation.unverified else ""
                cite = f" [{step.citation.text.split(':')[0]}{flag}]"
            out.append(f"- {step.text}{cite}")
        if self.counted:
            out.append(
                f"Working days counted: {len(self.counted)} (day 1 {fmt(self.counted[0])}, "
                f"day {len(self.counted)} {fmt(self.counted[-1])})"
            )
        if self.skipped:
            out.append("Days not counted:")
            out.extend(f"  {fmt(s.day)}: {s.text}" for s in self.skipped)
        for warning in self.warnings:
            out.append(f"Warning: {warning}")
        if self.calendar_version:
            out.append(f"Calendar: {self.calendar_version}")
        if self.citations:
            out.append("Sources:")
            out.extend(f"  {c}" for c in self.citations)
        return out

    def as_text(self) -> str:
        return "\n".join(self.lines())

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready structure (ISO dates)."""
        return {
            "title": self.title,
            "result": self.result.isoformat() if self.result else None,
            "start": self.start.isoformat(),
            "start_reason": self.start_reason,
            "steps": [
                {
                    "text": s.text,
                    "citation": s.citation.text if s.citation else None,
                    "url": s.citation.url if s.citation else None,
                    "unverified": s.citation.unverified if s.citation else False,
                }
                for s in self.steps
            ],
            "skipped": [
                {
                    "date": s.day.isoformat(),
                    "kinds": [str(k) for k in s.kinds],
                    "reasons": [r.text for r in s.reasons],
                }
                for s in self.skipped
            ],
            "counted": [d.isoformat() for d in self.counted],
            "warnings": list(self.warnings),
            "calendar_version": self.calendar_version,
        }


# --------------------------------------------------------------------------------------------
# Calendar-month periods (s9 fees, FOISA s47)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _stdlib_calendar.isleap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _corresponding(day: date, months: int) -> tuple[int, int, bool]:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return year, month, day.day <= _days_in_month(year, month)


def last_day_of_months_beginning_with(day: date, months: int) -> date:
    """Last day of a period of ``months`` months *beginning with* ``day`` (``day`` included).

    The day before the corresponding date; where the target month has no corresponding date
    (three months beginning with 30 November), the last day of that month. This "corresponding
    date" convention (Dodds v Walker [1981]) for "beginning with" is UNVERIFIED for FOIA s9
    (rules section 12), so the explanation says so.
    """
    year, month, exists = _corresponding(day, months)
    if exists:
        return date(year, month, day.day) - timedelta(days=1)
    return date(year, month, _days_in_month(year, month))


def last_day_of_months_after(day: date, months: int) -> date:
    """Last day of a period of ``months`` months *after* ``day``: the corresponding date, or the
    last day of the month if there is none (Dodds v Walker convention; UNVERIFIED for FOISA
    s47(4))."""
    year, month, exists = _corresponding(day, months)
    last = _days_in_month(year, month)
    return date(year, month, day.day if exists else last)


# --------------------------------------------------------------------------------------------
# The response deadline


@dataclass(frozen=True)
class Deadline:
    """A response deadline and the inputs it was computed from (so it can be recomputed).

    ``due``: the day the response is due, or under a FOIA s10(3) extension the day the s17(1)
    notice is due; ``None`` while a fees notice is unpaid (the clock is paused, s10(2)).
    ``explanation`` is built on first access.
    """

    regime: Regime
    received: date
    due: date | None
    calendar_version: str
    date_of_receipt: date
    day_one: date
    working_days: int
    weekend_receipt: WeekendReceipt
    clarification_received: date | None = None
    fee_notice: date | None = None
    fee_paid: date | None = None
    fee_payment_due: date | None = None
    paused_working_days: int = 0
    decision_due: date | None = None
    extension_notice_due: date | None = None
    eir_extension: bool = False
    warnings: tuple[str, ...] = ()
    fee_pause_applied: bool = False
    pit_limit: date | None = None
    pit_limit_working_days: int = ICO_PIT_LIMIT_WORKING_DAYS
    calendar: Calendar | None = field(default=None, repr=False, compare=False)

    @property
    def notice_due(self) -> date | None:
        """When the s17 notice is due: always ``due`` (FOIA s10(3) does not move it)."""
        return self.due

    @property
    def paused(self) -> bool:
        """A fees notice has been given and the fee has not been received."""
        return self.fee_notice is not None and self.fee_paid is None and self.due is None

    @cached_property
    def explanation(self) -> Explanation:
        return _explain_deadline(self)

    def recompute(self, calendar: Calendar | None = None) -> Deadline:
        """The same request counted on ``calendar`` (default: the current shared calendar)."""
        return compute_deadline(
            self.regime,
            self.received,
            weekend_receipt=self.weekend_receipt,
            clarification_received=self.clarification_received,
            fee_notice=self.fee_notice,
            fee_paid=self.fee_paid,
            pit_extension_to=self.decision_due,
            eir_extension=self.eir_extension,
            calendar=calendar,
            pit_limit_working_days=self.pit_limit_working_days,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (ISO dates), including the explanation."""
        iso = _iso
        return {
            "regime": str(self.regime),
            "received": iso(self.received),
            "date_of_receipt": iso(self.date_of_receipt),
            "day_one": iso(self.day_one),
            "due": iso(self.due),
            "working_days": self.working_days,
            "weekend_receipt": str(self.weekend_receipt),
            "clarification_received": iso(self.clarification_received),
            "fee_notice": iso(self.fee_notice),
            "fee_paid": iso(self.fee_paid),
            "fee_payment_due": iso(self.fee_payment_due),
            "paused_working_days": self.paused_working_days,
            "decision_due": iso(self.decision_due),
            "extension_notice_due": iso(self.extension_notice_due),
            "warnings": list(self.warnings),
            "calendar_version": self.calendar_version,
            "explanation": self.explanation.lines(),
            "explanation_text": self.explanation.as_text(),
            "explanation_detail": self.explanation.as_dict(),
        }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _calendar(regime: Regime, calendar: Calendar | None) -> Calendar:
    if calendar is None:
        return calendar_for(regime)
    if calendar.regime is not regime:
        raise ValueError(
            f"a {calendar.regime.short_name} calendar cannot count {regime.short_name} days"
        )
    return calendar


def compute_deadline(
    regime: Regime | str,
    received: date,
    *,
    weekend_receipt: WeekendReceipt = WeekendReceipt.ICO,
    clarification_received: date | None = None,
    fee_notice: date | None = None,
    fee_paid: date | None = None,
    pit_extension_to: date | None = None,
    eir_extension: bool = False,
    calendar: Calendar | None = None,
    pit_limit_working_days: int = ICO_PIT_LIMIT_WORKING_DAYS,
) -> Deadline:
    """When the response to a request is due.

    - Time for compliance: FOIA s10(1) "twentieth working day following the date of receipt"
      (https://www.legislation.gov.uk/ukpga/2000/36/section/10); EIR reg 5(2)
      (https://www.legislation.gov.uk/uksi/2004/3391/regulation/5); FOISA s10(1)
      (https://www.legislation.gov.uk/asp/2002/13/section/10). Day 1 is the first working day
      after the date of receipt (rules T6); a non-working date of receipt follows
      ``weekend_receipt`` (see ``WeekendReceipt``).
    - ``clarification_received``: FOIA s1(3)/s10(6)(b) (EIR reg 9; FOISA s1(3)): that day
      becomes the date of receipt and the count restarts from zero (rules T14; "restart" is
      UNVERIFIED beyond s10(6)(b)). Not a pause.
    - ``fee_notice`` / ``fee_paid``: FOIA s10(2) disregards "the working days in the period
      beginning with the day on which the fees notice is given ... and ending with the day on
      which the fee is received", both ends included (rules T10). ``fee_payment_due`` is the
      last day of the s9(2) three months "beginning with" the notice day (convention
      UNVERIFIED, see ``last_day_of_months_beginning_with``). Without ``fee_paid`` the clock
      is paused and ``due`` is ``None``. FOISA s9/s10(2) is treated the same way; under EIR
      (reg 8) the pause is applied by analogy and no payment window is computed (the reg 8
      period is UNVERIFIED).
    - ``pit_extension_to``: FOIA s10(3) public interest extension. ``decision_due`` becomes that
      date but ``due`` (the s17(1) notice with its s17(2) estimate) stays on day 20 (rules T11).
      A warning is raised past ``pit_limit_working_days`` (the ICO's 40, rules T12, UNVERIFIED
      wording). FOISA has no PIT extension and EIR has none either (use ``eir_extension``):
      both raise ``RuleNotAvailable``.
    - ``eir_extension``: EIR reg 7(1), 40 working days where complexity and volume make 20
      impracticable (https://www.legislation.gov.uk/uksi/2004/3391/regulation/7).
      ``extension_notice_due`` is day 20 (reg 7(3), UNVERIFIED).
    """
    if regime.__class__ is not Regime:
        regime = Regime(regime)
    cal = _calendar(regime, calendar)
    if eir_extension and regime is not Regime.EIR:
        raise RuleNotAvailable(
            f"the EIR reg 7 extension applies only to EIR requests, not {regime.short_name}"
        )
    if pit_extension_to is not None and regime is not Regime.FOIA:
        if regime is Regime.FOISA:
            raise RuleNotAvailable(
                "FOISA has no public interest extension (there is no equivalent of FOIA s10(3)): "
                "the response is due by the 20th working day"
            )
        raise RuleNotAvailable(
            "EIR has no public interest extension; for complex and voluminous requests use the "
            "reg 7 extension to 40 working days"
        )
    if fee_paid is not None and fee_notice is None:
        raise ClockInputError("a fee cannot be received without a fees notice (give fee_notice)")
    if pit_extension_to is not None:
        with _known_years():  # like every other date the clock takes
            require_known_year(pit_extension_to)

    start = received
    if clarification_received is not None:
        if clarification_received < received:
            raise ClockInputError("the clarification cannot arrive before the request")
        start = clarification_received
    s = start.toordinal()
    n = EIR_EXTENDED_WORKING_DAYS if eir_extension else RESPONSE_WORKING_DAYS
    hi = s
    if fee_notice is not None:
        if fee_notice < start:
            raise ClockInputError("a fees notice cannot be given before the date of receipt")
        if fee_paid is not None:
            if fee_paid < fee_notice:
                raise ClockInputError("the fee cannot be received before the fees notice is given")
            hi = fee_paid.toordinal()
        else:
            hi = fee_notice.toordinal()
    reach = pit_limit_working_days if pit_extension_to is not None else n
    with _known_years():
        base, prefix, wd = cal.covering(s, hi, reach if reach > n else n)

    i = prefix[s - base]  # position of day 1 in ``wd`` (working days on or before s come first)
    if weekend_receipt is WeekendReceipt.CODE and (i == 0 or wd[i - 1] != s):
        i += 1  # the next working day is treated as the date of receipt; day 1 follows it
    warnings: list[str] = []

    pause_from = -1  # position of the first disregarded working day, if any
    paused = 0
    fee_payment_due = None
    if fee_notice is not None:
        pause_from = prefix[fee_notice.toordinal() - 1 - base]
        if pause_from < i:
            pause_from = i
        if fee_paid is not None:
            paused = prefix[fee_paid.toordinal() - base] - pause_from
            if paused < 0:
                paused = 0
        if pause_from > i + n - 1:
            warnings.append(
                f"the fees notice was given on {fmt(fee_notice)}, after working day {n}: a fees "
                "notice must be given within the time for compliance (s9), so it does not pause "
                "the clock"
            )
            pause_from = -1
            paused = 0
        if regime is not Regime.EIR:
            fee_payment_due = last_day_of_months_beginning_with(fee_notice, 3)
            if fee_paid is not None and fee_paid > fee_payment_due:
                warnings.append(
                    f"the fee was received on {fmt(fee_paid)}, after the three-month period "
                    f"ended on {fmt(fee_payment_due)}: the authority was not obliged to comply "
                    "(s9)"
                )

    # Position in ``wd`` of the n-th counted working day: disregarded (fee pause) working days
    # shift it only if the pause began on or before it; while the fee is unpaid it is unknown.
    due_pos: int | None = i + n - 1
    if 0 <= pause_from <= i + n - 1:
        due_pos = None if fee_paid is None else i + n - 1 + paused
    due = None if due_pos is None else date.fromordinal(wd[due_pos])
    if due is not None and due > LAST_DAY:  # the Code reading moves day 1 past what was checked
        raise _after_known_years(f"working day {n}")

    extension_notice_due = None
    if eir_extension:
        pos20 = _position(i, RESPONSE_WORKING_DAYS, pause_from, paused, fee_paid)
        extension_notice_due = None if pos20 is None else date.fromordinal(wd[pos20])

    pit_limit = None
    if pit_extension_to is not None:
        if due is not None and pit_extension_to < due:
            raise ClockInputError(
                f"the public interest extension date {fmt(pit_extension_to)} is before the s17 "
                f"notice date {fmt(due)}"
            )
        limit_pos = _position(i, pit_limit_working_days, pause_from, paused, fee_paid)
        if limit_pos is not None:
            pit_limit = date.fromordinal(wd[limit_pos])
            if pit_limit > LAST_DAY:
                raise _after_known_years(f"working day {pit_limit_working_days}")
            if pit_extension_to > pit_limit:
                warnings.append(
                    f"the public interest decision date {fmt(pit_extension_to)} is later than "
                    f"working day {pit_limit_working_days} ({fmt(pit_limit)}); the ICO normally "
                    "regards no more than 20 extra working days as reasonable (UNVERIFIED "
                    "wording)"
                )

    # Bypass the generated frozen ``__init__`` (one ``object.__setattr__`` per field, about
    # 3 us) with a single dict update: this is the hot path of recomputing every open deadline.
    # ``tests/law/test_deadlines.py::test_fast_constructor_matches_dataclass`` keeps the keys
    # in step with the fields.
    result = _new_object(Deadline)
    result.__dict__.update(
        {
            "regime": regime,
            "received": received,
            "due": due,
            "calendar_version": cal.version,
            "date_of_receipt": start,
            "day_one": date.fromordinal(wd[i]),
            "working_days": n,
            "weekend_receipt": weekend_receipt,
            "clarification_received": clarification_received,
            "fee_notice": fee_notice,
            "fee_paid": fee_paid,
            "fee_payment_due": fee_payment_due,
            "paused_working_days": paused,
            "decision_due": pit_extension_to,
            "extension_notice_due": extension_notice_due,
            "eir_extension": eir_extension,
            "warnings": tuple(warnings),
            "fee_pause_applied": pause_from >= 0,
            "pit_limit": pit_limit,
            "pit_limit_working_days": pit_limit_working_days,
            "calendar": cal,
        }
    )
    return result


_new_object = object.__new__


def _position(
    i: int, count: int, pause_from: int, paused: int, fee_paid: date | None
) -> int | None:
    """Position of the ``count``-th counted working day, given day 1 at position ``i``."""
    last = i + count - 1
    if 0 <= pause_from <= last:
        return None if fee_paid is None else last + paused
    return last


def _receipt_steps(
    cal: Calendar, regime: Regime, start: date, weekend_receipt: WeekendReceipt
) -> tuple[str, list[Step], list[SkippedDay], date]:
    """How the date of receipt becomes day 1: (start reason, steps, skipped days, day 1)."""
    steps: list[Step] = []
    skipped: list[SkippedDay] = []
    reasons = cal.non_working_reasons(start)
    if not reasons:
        start_reason = f"{fmt(start)} is the date of receipt (a working day)."
        day_one = cal.next_working_day(start)
        steps.append(Step(f"Day 1 is {fmt(day_one)}.", _DAY_ONE[regime]))
        return start_reason, steps, skipped, day_one
    why = "; ".join(r.text for r in reasons)
    if weekend_receipt is WeekendReceipt.ICO:
        start_reason = (
            f"{fmt(start)} is the date of receipt although it is not a working day ({why})."
        )
        day_one = cal.next_working_day(start)
        steps.append(
            Step(
                f"Setting 'ico': the date of receipt need not be a working day, so day 1 is the "
                f"next working day, {fmt(day_one)}.",
                _RECEIPT[regime],
            )
        )
    else:
        treated = cal.next_working_day(start)
        day_one = cal.next_working_day(treated)
        start_reason = (
            f"Received on {fmt(start)}, not a working day ({why}); treated as received on the "
            f"next working day, {fmt(treated)}."
        )
        steps.append(
            Step(
                f"Setting 'code': {fmt(treated)} is treated as the date of receipt, so day 1 is "
                f"{fmt(day_one)}.",
                _CODE_RECEIPT,
            )
        )
        skipped.append(
            SkippedDay(
                treated,
                (
                    SkipReason(
                        SkipKind.RECEIPT,
                        "treated as the date of receipt (s45 Code para 4.2 reading, UNVERIFIED)",
                    ),
                ),
            )
        )
    return start_reason, steps, skipped, day_one


def _explain_deadline(d: Deadline) -> Explanation:
    cal = d.calendar if d.calendar is not None else calendar_for(d.regime)
    regime = d.regime
    title = f"{regime.short_name} response due"
    if d.decision_due is not None:
        title = f"{regime.short_name} s17 notice due"
    start_reason, steps, skipped, day_one = _receipt_steps(
        cal, regime, d.date_of_receipt, d.weekend_receipt
    )
    pre: list[Step] = [Step(f"Request received on {fmt(d.received)}.", _RECEIPT[regime])]
    if d.clarification_received is not None:
        pre.append(
            Step(
                f"Clarification received on {fmt(d.clarification_received)}: that day is the new "
                "date of receipt and the count restarts from zero (not a pause).",
                _CLARIFICATION[regime],
            )
        )
    steps = pre + steps
    steps.append(Step("Counting working days only.", cal.working_day_rule))

    # Walk from the day after the date of receipt to the last relevant day.
    end = d.due
    if end is None:  # paused: walk to the fees notice (and a little beyond is not needed)
        end = d.fee_notice
    counted: list[date] = []
    pause = (d.fee_notice, d.fee_paid) if d.fee_notice is not None else None
    notice_effective = d.fee_pause_applied
    day = d.date_of_receipt + timedelta(days=1)
    one = timedelta(days=1)
    while end is not None and day <= end:
        reasons = cal.non_working_reasons(day)
        if reasons:
            skipped.append(SkippedDay(day, reasons))
        elif day < day_one:
            pass  # the Code reading's treated receipt day, already listed
        elif (
            notice_effective
            and pause is not None
            and pause[0] <= day
            and (pause[1] is None or day <= pause[1])
        ):
            skipped.append(
                SkippedDay(
                    day,
                    (
                        SkipReason(
                            SkipKind.FEE_PAUSE,
                            f"fee pause (fees notice {fmt(pause[0])}, "
                            + (f"fee received {fmt(pause[1])})" if pause[1] else "fee unpaid)"),
                        ),
                    ),
                )
            )
        else:
            counted.append(day)
        day += one
    skipped.sort(key=lambda s: s.day)

    if d.fee_notice is not None and notice_effective:
        if d.fee_paid is not None:
            steps.append(
                Step(
                    f"Fees notice given {fmt(d.fee_notice)}, fee received {fmt(d.fee_paid)}: "
                    f"{d.paused_working_days} working day(s) disregarded.",
                    _FEE_PAUSE[regime],
                )
            )
        else:
            steps.append(
                Step(
                    f"Fees notice given {fmt(d.fee_notice)} and the fee is not yet received: the "
                    "clock is paused, so no due date can be given yet.",
                    _FEE_PAUSE[regime],
                )
            )
    if d.fee_payment_due is not None:
        steps.append(
            Step(
                f"The fee must be paid by {fmt(d.fee_payment_due)} (three months beginning with "
                "the day of the fees notice; 'beginning with' convention UNVERIFIED).",
                _FEE_WINDOW[regime],
            )
        )
    elif d.fee_notice is not None and regime is Regime.EIR:
        steps.append(
            Step(
                "No payment window is computed under EIR: the reg 8 advance-payment period is "
                "UNVERIFIED.",
                _FEE_PAUSE[regime],
            )
        )
    if d.due is not None:
        rule = _EIR_EXTENSION if d.eir_extension else _RESPONSE[regime]
        steps.append(Step(f"Working day {d.working_days} is {fmt(d.due)}.", rule))
    if d.extension_notice_due is not None:
        steps.append(
            Step(
                f"The applicant must be told of the extension by {fmt(d.extension_notice_due)}.",
                _EIR_EXTENSION_NOTICE,
            )
        )
    if d.decision_due is not None:
        steps.append(
            Step(
                f"Public interest extension: the decision is due by {fmt(d.decision_due)}, but "
                f"the s17(1) notice (with the s17(2) estimate) is still due on "
                f"{fmt(d.due) if d.due else 'working day 20'}.",
                _PIT,
            )
        )
        steps.append(Step("The refusal notice is not moved by the extension.", _S17))
        if d.pit_limit is not None and d.decision_due > d.pit_limit:
            steps.append(Step("The extension is longer than the ICO's usual limit.", _PIT_LIMIT))
    return Explanation(
        title=title,
        result=d.due,
        start=d.date_of_receipt,
        start_reason=start_reason,
        steps=tuple(steps),
        skipped=tuple(skipped),
        counted=tuple(counted),
        warnings=d.warnings,
        calendar_version=d.calendar_version,
    )


# --------------------------------------------------------------------------------------------
# Internal review


@dataclass(frozen=True)
class ReviewDeadline:
    """When an internal review must be decided: ``due`` (target) and ``max`` (outer limit).

    FOIA: no statutory review (rules R1); the s45 Code Part 5 as applied by the ICO gives 20
    working days, 40 in exceptional circumstances (R2). EIR reg 11: 40 working days, statutory
    (R7). FOISA s21(1): 20 working days, statutory; a review is a precondition of applying to
    the Commissioner (section 7).
    """

    regime: Regime
    requested: date
    due: date
    max: date
    statutory: bool
    calendar_version: str
    day_one: date
    weekend_receipt: WeekendReceipt
    due_working_days: int
    max_working_days: int
    calendar: Calendar | None = field(default=None, repr=False, compare=False)

    @cached_property
    def explanation(self) -> Explanation:
        cal = self.calendar if self.calendar is not None else calendar_for(self.regime)
        start_reason, steps, skipped, _ = _receipt_steps(
            cal, self.regime, self.requested, self.weekend_receipt
        )
        steps.insert(0, Step(f"Review requested on {fmt(self.requested)}."))
        steps.append(Step("Counting working days only.", cal.working_day_rule))
        steps.append(
            Step(
                f"Working day {self.due_working_days} is {fmt(self.due)}.",
                _REVIEW_DUE[self.regime],
            )
        )
        if self.max != self.due:
            steps.append(
                Step(
                    f"Working day {self.max_working_days} is {fmt(self.max)}.",
                    _REVIEW_MAX[self.regime],
                )
            )
        skipped.extend(
            s
            for s in cal.non_working_days(self.requested + timedelta(days=1), self.max)
            if s.day not in {x.day for x in skipped}
        )
        skipped.sort(key=lambda s: s.day)
        return Explanation(
            title=f"{self.regime.short_name} internal review due",
            result=self.due,
            start=self.requested,
            start_reason=start_reason,
            steps=tuple(steps),
            skipped=tuple(skipped),
            counted=tuple(cal.working_days(self.day_one, self.due)),
            calendar_version=self.calendar_version,
        )


_REVIEW_DAYS = {
    Regime.FOIA: (20, 40, False),
    Regime.EIR: (40, 40, True),
    Regime.FOISA: (20, 20, True),
}


def compute_review_deadline(
    regime: Regime | str,
    requested: date,
    *,
    weekend_receipt: WeekendReceipt = WeekendReceipt.ICO,
    calendar: Calendar | None = None,
) -> ReviewDeadline:
    """When an internal review is due, counted from receipt of the review request.

    Day 1 is the first working day after the request for review is received (the same day-one
    rule and ``weekend_receipt`` setting as for requests). FOIA: target 20, at most 40 working
    days (s45 Code Part 5 via the ICO, https://ico.org.uk/for-organisations/foi/
    guide-to-managing-an-foi-request/complaints-internal-reviews/; paragraph numbers
    UNVERIFIED). EIR reg 11: 40 (https://www.legislation.gov.uk/uksi/2004/3391/regulation/11).
    FOISA s21(1): 20 (https://www.legislation.gov.uk/asp/2002/13/section/21).
    """
    regime = Regime(regime)
    cal = _calendar(regime, calendar)
    due_n, max_n, statutory = _REVIEW_DAYS[regime]
    start = requested
    with _known_years():
        if weekend_receipt is WeekendReceipt.CODE and not cal.is_working_day(requested):
            start = cal.next_working_day(requested)
        due = cal.add_working_days(start, due_n)
        max_day = cal.add_working_days(start, max_n)
        day_one = cal.next_working_day(start)
    return ReviewDeadline(
        regime=regime,
        requested=requested,
        due=due,
        max=max_day,
        statutory=statutory,
        calendar_version=cal.version,
        day_one=day_one,
        weekend_receipt=weekend_receipt,
        due_working_days=due_n,
        max_working_days=max_n,
        calendar=cal,
    )


# --------------------------------------------------------------------------------------------
# Windows: asking for a review, complaining to the regulator


@dataclass(frozen=True, slots=True)
class Window:
    """A period within which the requester may act; ``last_day`` is the last day to act."""

    kind: str
    regime: Regime
    start: date
    last_day: date
    citation: Citation
    description: str
    calendar_version: str | None = None

    @property
    def explanation(self) -> Explanation:
        return Explanation(
            title=f"{self.regime.short_name} {self.kind}: last day",
            result=self.last_day,
            start=self.start,
            start_reason=f"counted from {fmt(self.start)}.",
            steps=(Step(f"{self.description} ends on {fmt(self.last_day)}.", self.citation),),
            calendar_version=self.calendar_version,
        )

    def is_open_on(self, day: date) -> bool:
        return self.start <= day <= self.last_day


def review_request_window(
    regime: Regime | str, response_date: date, *, calendar: Calendar | None = None
) -> Window:
    """The last day the requester can ask for an internal review: 40 working days.

    FOIA: ICO guidance, not statute ("could refuse to deal with it if you wait longer than 40
    working days", rules R3). EIR reg 11: representations within 40 working days (R7). FOISA
    s20: within 40 working days of receiving the response, or of the deadline passing without
    one (https://www.legislation.gov.uk/asp/2002/13/section/20): pass that date as
    ``response_date``. Day 1 is the working day after ``response_date``.
    """
    regime = Regime(regime)
    cal = _calendar(regime, calendar)
    with _known_years():
        last_day = cal.add_working_days(response_date, 40)
    return Window(
        kind="review request window",
        regime=regime,
        start=response_date,
        last_day=last_day,
        citation=_REVIEW_REQUEST[regime],
        description="40 working days after the response",
        calendar_version=cal.version,
    )


def ico_complaint_window(regime: Regime | str, last_contact: date) -> Window:
    """The last day to complain to the regulator (calendar time, not working days).

    FOIA and EIR: the ICO takes complaints "within six weeks" of the final response or last
    substantive contact; three months is the data protection window, not FOI (rules R5,
    https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/).
    Last day = ``last_contact`` + 42 days.

    FOISA: an application to the Scottish Information Commissioner within six months, s47(4)
    (https://www.legislation.gov.uk/asp/2002/13/section/47), after a review (mandatory). Last day
    = the corresponding date six months on (``last_day_of_months_after``; convention
    UNVERIFIED).

    ``last_contact`` must lie in the years the clock knows, like every date it takes
    (``DateOutOfRange``), although no bank holiday is counted here.
    """
    regime = Regime(regime)
    with _known_years():
        require_known_year(last_contact)
    if regime is Regime.FOISA:
        last = last_day_of_months_after(last_contact, 6)
        description = "Six months after the review response (or its deadline)"
        kind = "SIC application window"
    else:
        last = last_contact + timedelta(weeks=6)
        description = "Six weeks after the last substantive contact"
        kind = "ICO complaint window"
    return Window(
        kind=kind,
        regime=regime,
        start=last_contact,
        last_day=last,
        citation=_COMPLAINT[regime],
        description=description,
    )


# --------------------------------------------------------------------------------------------
# s12 aggregation


@dataclass(frozen=True, slots=True)
class AggregationWindow:
    """Whether requests fall within ``max_working_days`` consecutive working days (reg 5).

    ``window_start``..``window_end`` are the receipt dates another request may have and still
    share a 60-working-day period with ``first_received``. ``within`` is ``None`` when no second
    date was given. ``span_working_days`` counts the working days of the shortest period
    containing both receipts.
    """

    first_received: date
    second_received: date | None
    window_start: date
    window_end: date
    within: bool | None
    span_working_days: int | None
    max_working_days: int
    calendar_version: str

    @property
    def explanation(self) -> Explanation:
        steps = [
            Step(
                f"A period of {self.max_working_days} consecutive working days containing "
                f"{fmt(self.first_received)} can reach from {fmt(self.window_start)} to "
                f"{fmt(self.window_end)}.",
                _AGGREGATION,
            )
        ]
        if self.second_received is not None:
            verdict = "within" if self.within else "outside"
            steps.append(
                Step(
                    f"{fmt(self.second_received)}: the shortest period containing both spans "
                    f"{self.span_working_days} working days, so the requests are {verdict} the "
                    f"{self.max_working_days}-working-day period."
                )
            )
        return Explanation(
            title="FOIA s12 aggregation window ends",
            result=self.window_end,
            start=self.first_received,
            start_reason=f"first request received {fmt(self.first_received)}.",
            steps=tuple(steps),
            calendar_version=self.calendar_version,
        )


def aggregation_window(
    first_received: date,
    second_received: date | None = None,
    *,
    regime: Regime | str = Regime.FOIA,
    calendar: Calendar | None = None,
    max_working_days: int = AGGREGATION_WORKING_DAYS,
) -> AggregationWindow:
    """Do two requests fall "within any period of sixty consecutive working days"?

    Fees Regs reg 5 (https://www.legislation.gov.uk/uksi/2004/3244/regulation/5; ICO LTT138),
    with "working day" as in FOIA s10(6). A period of working days runs from the start of its
    first working day to the end of its last, so a receipt on a non-working day lies inside a
    period only if the period started on or before the previous working day (for the earlier
    request) or ends on or after the next one (for the later). This reading is derived, not
    quoted. The ICO's operating rule (aggregate only up to 20 working days either side of any
    single request, rules section 4, [S]) is stricter: pass ``max_working_days`` to apply a
    different span. Whether the requests are for "the same or similar information" and from
    the same person or a campaign is a judgement this function does not make.

    FOIA only: EIR has no s12 and FOISA aggregation (SSI 2004/467 reg 6) is a different test.
    """
    regime = Regime(regime)
    if regime is not Regime.FOIA:
        raise RuleNotAvailable(
            f"s12 aggregation (Fees Regs reg 5) is a FOIA rule; {regime.short_name} has no "
            "equivalent 60-working-day test"
        )
    cal = _calendar(regime, calendar)
    if max_working_days < 1:
        raise ValueError("max_working_days must be at least 1")
    a = first_received
    b = second_received
    if b is not None and b < a:
        a, b = b, a

    def period_start(day: date) -> date:
        return day if cal.is_working_day(day) else cal.previous_working_day(day)

    def period_end(day: date) -> date:
        return day if cal.is_working_day(day) else cal.next_working_day(day)

    with _known_years():
        window_end = cal.add_working_days(period_start(a), max_working_days - 1)
        window_start = cal.subtract_working_days(period_end(a), max_working_days - 1)
        within = span = None
        if b is not None:
            first, last = period_start(a), period_end(b)
            span = cal.working_days_between(first, last) + 1
            within = span <= max_working_days
    return AggregationWindow(
        first_received=a,
        second_received=b,
        window_start=window_start,
        window_end=window_end,
        within=within,
        span_working_days=span,
        max_working_days=max_working_days,
        calendar_version=cal.version,
    )


__all__ = [
    "AGGREGATION_WORKING_DAYS",
    "EIR_EXTENDED_WORKING_DAYS",
    "ICO_PIT_LIMIT_WORKING_DAYS",
    "RESPONSE_WORKING_DAYS",
    "AggregationWindow",
    "ClockInputError",
    "CLOCK_DATES",
    "DateOutOfRange",
    "Deadline",
    "Explanation",
    "ReviewDeadline",
    "RuleNotAvailable",
    "Step",
    "WeekendReceipt",
    "Window",
    "aggregation_window",
    "compute_deadline",
    "compute_review_deadline",
    "fmt",
    "ico_complaint_window",
    "last_day_of_months_after",
    "last_day_of_months_beginning_with",
    "review_request_window",
]
