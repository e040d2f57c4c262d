"""The structured response: one request's answer as plain data, loaded from and saved to JSON.

``load_response(data) -> Response`` validates ``data`` against
``schema/response.schema.json`` (JSON Schema draft 2020-12) and then against what the schema
cannot say (real dates, question numbers that exist, one entry per question number, and dates
the clock counts from in the years whose bank holidays are known), raising
``ResponseFormatError`` with every problem as a ``path: message`` line. ``response_to_dict``
is its inverse. ``docs/response-format.md`` documents each field, with the seed 190A/23.

Validation uses the ``jsonschema`` package (draft 2020-12).

The shape follows the police response (shared/seed 190A/23; rules section 10): decisions per
question or group of questions, each with an outcome and the provisions relied on; harm and
public interest tests per provision, the NCND test kept apart from the disclosure test (FOIA
s2(1), https://www.legislation.gov.uk/ukpga/2000/36/section/2); attachments; dates; and the
complaint-rights paragraph (s17(7), https://www.legislation.gov.uk/ukpga/2000/36/section/17).
"""

from __future__ import annotations

import importlib.metadata
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema
import jsonschema.exceptions

from foidesk.law.calendars import OutsideKnownYears, require_known_year
from foidesk.law.deadlines import CLOCK_DATES
from foidesk.law.regimes import Regime

FORMAT = "foidesk-response/1"


class ResponseFormatError(ValueError):
    """The data is not a valid structured response; ``errors`` lists every problem found."""

    def __init__(self, errors: Sequence[str]):
        self.errors = list(errors)
        first = self.errors[0] if self.errors else "invalid response"
        more = f" (and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        super().__init__(f"invalid response JSON: {first}{more}")


class Outcome(StrEnum):
    """The outcome of a question (the corpus vocabulary, with s12/s14/s21/s22 named plainly)."""

    DISCLOSED = "disclosed"
    PARTIALLY_DISCLOSED = "partially_disclosed"
    EXEMPT = "exempt"
    NCND = "ncnd"
    NOT_HELD = "not_held"
    COST_LIMIT = "cost_limit"
    VEXATIOUS = "vexatious"
    REPEATED = "repeated"
    REASONABLY_ACCESSIBLE = "reasonably_accessible"
    FUTURE_PUBLICATION = "future_publication"
    CLARIFICATION_NEEDED = "clarification_needed"
    TRANSFERRED = "transferred"
    WITHDRAWN = "withdrawn"

    @property
    def is_refusal(self) -> bool:
        """Outcomes that refuse some or all of the information and so need a s17 notice."""
        return self in REFUSALS


#: Outcomes that withhold something and must cite the provision relied on (FOIA s17(1)(b),
#: s17(5); EIR reg 14(3); FOISA s16).
REFUSALS = frozenset(
    {
        Outcome.PARTIALLY_DISCLOSED,
        Outcome.EXEMPT,
        Outcome.NCND,
        Outcome.COST_LIMIT,
        Outcome.VEXATIOUS,
        Outcome.REPEATED,
        Outcome.REASONABLY_ACCESSIBLE,
        Outcome.FUTURE_PUBLICATION,
    }
)

COST_ACTIVITIES = (
    "determining_whether_held",
    "locating",
    "retrieving",
    "extracting",
    "redacting",
    "considering_exemptions",
    "other",
)


@dataclass(frozen=True, slots=True)
class Question:
    """One question as split by the FOI officer; ``context`` is preamble that is not asked."""

    number: int
    text: str
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Request:
    reference: str | None
    title: str
    regime: Regime
    received: date
    text: str | None
    questions: tuple[Question, ...]

    @property
    def question_numbers(self) -> tuple[int, ...]:
        return tuple(q.number for q in self.questions)


@dataclass(frozen=True, slots=True)
class Authority:
    name: str
    kind: str
    is_police: bool


@dataclass(frozen=True, slots=True)
class QualifiedPersonOpinion:
    """FOIA s36(2): whose reasonable opinion engages the exemption (s36(5)), and when."""

    by: str
    date: date


@dataclass(frozen=True, slots=True)
class ProvisionRef:
    """A provision relied on in a decision, with the condition where it matters (s40(2))."""

    id: str
    condition: str | None = None
    qualified_person_opinion: QualifiedPersonOpinion | None = None
    statistical: bool = False


@dataclass(frozen=True, slots=True)
class CostEstimate:
    """A s12 estimate: staff hours per activity (Fees Regs reg 4(3)) and how it was made."""

    hours: tuple[tuple[str, float], ...]
    basis: str | None = None

    def get(self, activity: str) -> float:
        return sum(h for a, h in self.hours if a == activity)

    @property
    def total(self) -> float:
        return sum(h for _, h in self.hours)


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer to one question or a group of questions answered together."""

    questions: tuple[int, ...]
    outcome: Outcome
    provisions: tuple[ProvisionRef, ...] = ()
    text: str | None = None
    figures_given: bool = False
    reveals_held: bool = False
    where: str | None = None
    publication_date: date | None = None
    cost_estimate: CostEstimate | None = None
    advice_to_narrow: str | None = None

    @property
    def provision_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.provisions)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of reasoning, possibly from the paragraph library (``id``, ``written_for``)."""

    text: str
    id: str | None = None
    written_for: tuple[str, ...] = ()
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class PublicInterestTest:
    """The harm and public interest reasoning for one provision (police "HPIT", rules s10).

    ``kind`` is ``"disclosure"`` (the duty to communicate, s1(1)(b)) or ``"ncnd"`` (the duty to
    confirm or deny, s1(1)(a)): FOIA s2(1) and s2(2) are separate balances.
    """

    provision: str
    kind: str
    evidence_of_harm: tuple[Paragraph, ...] = ()
    factors_for: tuple[Paragraph, ...] = ()
    factors_against: tuple[Paragraph, ...] = ()
    balance: str | None = None
    conclusion: str | None = None

    def paragraphs(self) -> Iterator[tuple[str, int, Paragraph]]:
        """Every paragraph with its list name and index (for findings' ``where``)."""
        for name in ("evidence_of_harm", "factors_for", "factors_against"):
            for i, p in enumerate(getattr(self, name)):
                yield name, i, p


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with the response. ``sha256`` is the digest of the file's content, so that
    a response approved with one file is not the same response with another of the same name."""

    name: str
    questions: tuple[int, ...] = ()
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Dates:
    """The dates the clock turns on; ``received`` defaults to the request's."""

    received: date | None = None
    due: date | None = None
    sent: date | None = None
    pit_extension_notice_sent: date | None = None
    pit_extension_to: date | None = None
    eir_extension_notice_sent: date | None = None
    clarification_received: date | None = None
    fee_notice: date | None = None
    fee_paid: date | None = None


@dataclass(frozen=True, slots=True)
class Response:
    request: Request
    authority: Authority
    decisions: tuple[Decision, ...]
    tests: tuple[PublicInterestTest, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    dates: Dates = Dates()
    rights_paragraph: str | None = None

    @property
    def regime(self) -> Regime:
        return self.request.regime

    @property
    def received(self) -> date:
        return self.dates.received or self.request.received


# --------------------------------------------------------------------------------------------
# Schema validation


@lru_cache(maxsize=1)
def response_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) shipped as ``foidesk/law/schema/response.schema.json``."""
    text = (
        resources.files("foidesk.law")
        .joinpath("schema/response.schema.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def validator_name() -> str:
    """The validator and its version, printed by ``foidesk check`` so results can be traced."""
    return f"jsonschema {importlib.metadata.version('jsonschema')}"


def _path(parts: Sequence[str | int]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def schema_errors(data: Any) -> list[str]:
    """Every schema violation as ``path: message``, sorted by path (empty when valid)."""
    validator = jsonschema.Draft202012Validator(response_schema())
    raw = []
    for error in validator.iter_errors(data):
        leaf = _best(error)
        raw.append(f"{_path(list(leaf.absolute_path))}: {leaf.message}")
    return sorted({_plain(e) for e in raw})


_PATTERN_WORDS = (
    (
        re.compile(r"does not match '\^\(foia.*$"),
        "is not a provision id such as 'foia:s31(1)(a)', 'eir:reg12(5)(b)' or 'foisa:s35(1)(a)'",
    ),
    (re.compile(r"does not match '\^\[0-9\]\{4\}.*$"), "is not a date in the form YYYY-MM-DD"),
    (
        re.compile(r"does not match '\^\[0-9a-f\]\{64\}\$'$"),
        "is not a SHA-256 digest (64 lower-case hexadecimal characters)",
    ),
)


def _plain(message: str) -> str:
    for pattern, words in _PATTERN_WORDS:
        message = pattern.sub(words, message)
    return message


def _best(error: Any) -> Any:
    """For an ``anyOf`` failure, the error from the branch the value was meant for: the one
    whose type matched (so a bad id string is reported against the id pattern)."""
    if not error.context:
        return error
    typed = [e for e in error.context if e.validator != "type"] or list(error.context)
    best = jsonschema.exceptions.best_match(typed) or error
    return _best(best) if best is not error else error


def _date(value: str | None, where: str, errors: list[str]) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(f"{where}: {value!r} is not a real date (YYYY-MM-DD)")
        return None


def _countable(day: date | None, where: str, errors: list[str]) -> None:
    """A date the clock counts working days from must lie in the years whose bank holidays are
    known (``foidesk.law.calendars.require_known_year``): outside them no deadline can be worked
    out."""
    if day is None:
        return
    try:
        require_known_year(day)
    except OutsideKnownYears as exc:
        errors.append(f"{where}: {exc}")


def _paragraphs(items: Sequence[Any]) -> tuple[Paragraph, ...]:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(Paragraph(text=item))
        else:
            out.append(
                Paragraph(
                    text=item["text"],
                    id=item.get("id"),
                    written_for=tuple(item.get("written_for", ())),
                    topic=item.get("topic"),
                )
            )
    return tuple(out)


def _provision_ref(item: Any, where: str, errors: list[str]) -> ProvisionRef:
    if isinstance(item, str):
        return ProvisionRef(id=item)
    opinion = item.get("qualified_person_opinion")
    qpo = None
    if opinion is not None:
        d = _date(opinion["date"], f"{where}.qualified_person_opinion.date", errors)
        qpo = QualifiedPersonOpinion(by=opinion["by"], date=d or date.min)
    return ProvisionRef(
        id=item["id"],
        condition=item.get("condition"),
        qualified_person_opinion=qpo,
        statistical=bool(item.get("statistical", False)),
    )


def load_response(data: Any) -> Response:
    """Validate ``data`` (parsed JSON) and build a ``Response``; raises ``ResponseFormatError``."""
    errors = schema_errors(data)
    if errors:
        raise ResponseFormatError(errors)
    req = data["request"]
    received = _date(req["received"], "request.received", errors)
    _countable(received, "request.received", errors)
    questions = tuple(
        Question(number=q["number"], text=q["text"], context=q.get("context"))
        for q in req["questions"]
    )
    numbers = [q.number for q in questions]
    for n in sorted({n for n in numbers if numbers.count(n) > 1}):
        errors.append(f"request.questions: question number {n} is used more than once")
    request = Request(
        reference=req.get("reference"),
        title=req["title"],
        regime=Regime(req["regime"]),
        received=received or date.min,
        text=req.get("text"),
        questions=questions,
    )
    auth = data["authority"]
    authority = Authority(
        name=auth["name"],
        kind=auth["kind"],
        is_police=bool(auth.get("is_police", auth["kind"] == "police")),
    )
    known = set(numbers)
    decisions = []
    for i, d in enumerate(data["decisions"]):
        where = f"decisions[{i}]"
        for n in d["questions"]:
            if n not in known:
                errors.append(f"{where}.questions: there is no question {n} in the request")
        estimate = d.get("cost_estimate")
        decisions.append(
            Decision(
                questions=tuple(d["questions"]),
                outcome=Outcome(d["outcome"]),
                provisions=tuple(
                    _provision_ref(p, f"{where}.provisions[{j}]", errors)
                    for j, p in enumerate(d.get("provisions", ()))
                ),
                text=d.get("text"),
                figures_given=bool(d.get("figures_given", False)),
                reveals_held=bool(d.get("reveals_held", False)),
                where=d.get("where"),
                publication_date=_date(
                    d.get("publication_date"), f"{where}.publication_date", errors
                ),
                cost_estimate=None
                if estimate is None
                else CostEstimate(
                    hours=tuple(
                        (a, float(estimate["hours"][a]))
                        for a in COST_ACTIVITIES
                        if a in estimate["hours"]
                    ),
                    basis=estimate.get("basis"),
                ),
                advice_to_narrow=d.get("advice_to_narrow"),
            )
        )
    tests = tuple(
        PublicInterestTest(
            provision=t["provision"],
            kind=t["kind"],
            evidence_of_harm=_paragraphs(t.get("evidence_of_harm", ())),
            factors_for=_paragraphs(t.get("factors_for", ())),
            factors_against=_paragraphs(t.get("factors_against", ())),
            balance=t.get("balance"),
            conclusion=t.get("conclusion"),
        )
        for t in data.get("tests", ())
    )
    attachments = []
    for i, a in enumerate(data.get("attachments", ())):
        for n in a.get("questions", ()):
            if n not in known:
                errors.append(f"attachments[{i}].questions: there is no question {n}")
        attachments.append(
            Attachment(
                name=a["name"],
                questions=tuple(a.get("questions", ())),
                sha256=a.get("sha256"),
            )
        )
    raw_dates = data.get("dates") or {}
    dates = Dates(
        **{
            k: _date(raw_dates.get(k), f"dates.{k}", errors)
            for k in (
                "received",
                "due",
                "sent",
                "pit_extension_notice_sent",
                "pit_extension_to",
                "eir_extension_notice_sent",
                "clarification_received",
                "fee_notice",
                "fee_paid",
            )
        }
    )
    for name in CLOCK_DATES:  # (``dates.received``, besides ``request.received``)
        _countable(getattr(dates, name), f"dates.{name}", errors)
    if errors:
        raise ResponseFormatError(errors)
    return Response(
        request=request,
        authority=authority,
        decisions=tuple(decisions),
        tests=tests,
        attachments=tuple(attachments),
        dates=dates,
        rights_paragraph=data.get("rights_paragraph"),
    )


def loads_response(text: str) -> Response:
    """Parse JSON text and load it (``json.JSONDecodeError`` for text that is not JSON)."""
    return load_response(json.loads(text))


# --------------------------------------------------------------------------------------------
# Saving


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _paragraph_dict(p: Paragraph) -> dict[str, Any] | str:
    if p.id is None and not p.written_for and p.topic is None:
        return p.text
    out: dict[str, Any] = {"text": p.text}
    if p.id is not None:
        out["id"] = p.id
    if p.written_for:
        out["written_for"] = list(p.written_for)
    if p.topic is not None:
        out["topic"] = p.topic
    return out


def _ref_dict(p: ProvisionRef) -> dict[str, Any] | str:
    if p.condition is None and p.qualified_person_opinion is None and not p.statistical:
        return p.id
    out: dict[str, Any] = {"id": p.id}
    if p.condition is not None:
        out["condition"] = p.condition
    if p.qualified_person_opinion is not None:
        out["qualified_person_opinion"] = {
            "by": p.qualified_person_opinion.by,
            "date": p.qualified_person_opinion.date.isoformat(),
        }
    if p.statistical:
        out["statistical"] = True
    return out


def response_to_dict(response: Response) -> dict[str, Any]:
    """The JSON form of ``response`` (``load_response(response_to_dict(r)) == r``)."""
    r = response
    return {
        "format": FORMAT,
        "request": {
            "reference": r.request.reference,
            "title": r.request.title,
            "regime": r.request.regime.value,
            "received": r.request.received.isoformat(),
            "text": r.request.text,
            "questions": [
                {"number": q.number, "text": q.text, "context": q.context}
                for q in r.request.questions
            ],
        },
        "authority": {
            "name": r.authority.name,
            "is_police": r.authority.is_police,
            "kind": r.authority.kind,
        },
        "decisions": [
            {
                "questions": list(d.questions),
                "outcome": d.outcome.value,
                "provisions": [_ref_dict(p) for p in d.provisions],
                "text": d.text,
                "figures_given": d.figures_given,
                "reveals_held": d.reveals_held,
                "where": d.where,
                "publication_date": _iso(d.publication_date),
                "cost_estimate": None
                if d.cost_estimate is None
                else {"hours": dict(d.cost_estimate.hours), "basis": d.cost_estimate.basis},
                "advice_to_narrow": d.advice_to_narrow,
            }
            for d in r.decisions
        ],
        "tests": [
            {
                "provision": t.provision,
                "kind": t.kind,
                "evidence_of_harm": [_paragraph_dict(p) for p in t.evidence_of_harm],
                "factors_for": [_paragraph_dict(p) for p in t.factors_for],
                "factors_against": [_paragraph_dict(p) for p in t.factors_against],
                "balance": t.balance,
                "conclusion": t.conclusion,
            }
            for t in r.tests
        ],
        "attachments": [
            {"name": a.name, "questions": list(a.questions), "sha256": a.sha256}
            for a in r.attachments
        ],
        "dates": {
            "received": _iso(r.dates.received),
            "due": _iso(r.dates.due),
            "sent": _iso(r.dates.sent),
            "pit_extension_notice_sent": _iso(r.dates.pit_extension_notice_sent),
            "pit_extension_to": _iso(r.dates.pit_extension_to),
            "eir_extension_notice_sent": _iso(r.dates.eir_extension_notice_sent),
            "clarification_received": _iso(r.dates.clarification_received),
            "fee_notice": _iso(r.dates.fee_notice),
            "fee_paid": _iso(r.dates.fee_paid),
        },
        "rights_paragraph": r.rights_paragraph,
    }


__all__ = [
    "COST_ACTIVITIES",
    "FORMAT",
    "REFUSALS",
    "Attachment",
    "Authority",
    "CostEstimate",
    "Dates",
    "Decision",
    "Outcome",
    "Paragraph",
    "ProvisionRef",
    "PublicInterestTest",
    "QualifiedPersonOpinion",
    "Question",
    "Request",
    "Response",
    "ResponseFormatError",
    "load_response",
    "loads_response",
    "response_schema",
    "response_to_dict",
    "schema_errors",
    "validator_name",
]
