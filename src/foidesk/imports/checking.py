"""Run the response checker over an imported page: an authority auditing its published log.

``response_data(extraction)`` builds the structured response (``docs/response-format.md``) from
what the page shows; ``check_extraction(extraction)`` loads it with
``foidesk.law.response.load_response`` and runs ``foidesk.law.checker.check_response``.

A published page is not the whole case file, so the check says what it could not look at
instead of inventing facts (every such gap is a note in the result):

- an unknown date of receipt is replaced by the earliest date the page shows (or 2000-01-01),
  and the checker runs with ``today`` on that date, so no deadline rule (FOIA s10) can fire on
  an invented date; a known date of response is checked;
- questions with no visible outcome (or answered "other") are left out of the decisions;
- harm and public interest tests are built from the reasoning the page shows (FOIA s2(1),
  s2(2)); when the page says the test is attached or further down and it is not visible, or the
  text is cut short, the findings about missing tests are not reported;
- disclosure logs leave out the complaint-rights paragraph (the seed 190A/23 does), so its
  absence is not reported; a rights paragraph that is shown is checked (FOIA s17(7));
- a s12 estimate given only as a total number of hours cannot be checked activity by activity
  (Fees Regulations reg 4(3)), so "estimate missing" is not reported when hours are shown.

Plain Python (no Django import), like ``foidesk.law``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from foidesk.intake.extraction import ExtractedQuestion, Extraction
from foidesk.law import exemptions as ex
from foidesk.law.checker import check_response, findings_as_dict
from foidesk.law.deadlines import DateOutOfRange
from foidesk.law.provisions import CitationError, to_catalogue_id
from foidesk.law.regimes import Regime
from foidesk.law.response import ResponseFormatError, load_response

__all__ = ["CheckResult", "check_extraction", "response_data"]

#: Corpus outcomes as ``foidesk.law.response.Outcome`` values (``other`` has none).
RESPONSE_OUTCOME = {
    "disclosed": "disclosed",
    "partially_disclosed": "partially_disclosed",
    "exempt": "exempt",
    "ncnd": "ncnd",
    "not_held": "not_held",
    "cost_limit_s12": "cost_limit",
    "vexatious_s14": "vexatious",
    "reasonably_accessible_s21": "reasonably_accessible",
    "future_publication_s22": "future_publication",
    "clarification_needed": "clarification_needed",
}
_TEST_CODES = frozenset(
    {"public_interest_test_missing", "ncnd_public_interest_test_missing", "harm_evidence_missing"}
)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The checker's findings (as ``findings_as_dict`` gives them) and what was not checked."""

    findings: list[dict[str, Any]]
    notes: list[str]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f["severity"] == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f["severity"] == "warning")


def _provision_ids(exemptions: tuple[str, ...], regime: Regime) -> list[str]:
    out = []
    for corpus in exemptions:
        try:
            out.append(to_catalogue_id(corpus, regime))
        except CitationError:
            continue
    return out


def _needs_test(provision_id: str) -> tuple[bool, bool, bool]:
    """(needs a public interest test, needs evidence of harm, is an NCND provision)."""
    try:
        provision = ex.get_provision(provision_id)
        return (
            ex.needs_public_interest_test(provision_id, None, "police"),
            ex.needs_harm_test(provision_id),
            provision.is_ncnd,
        )
    except (ex.UnknownProvision, ex.UnknownCondition, KeyError, ValueError):
        return False, False, False


def _tests(e: Extraction, decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tests from the reasoning the page shows, one per qualified provision and kind."""
    r = e.reasoning
    if not (r.factors_for or r.factors_against or r.harm):
        return []
    tests: dict[tuple[str, str], dict[str, Any]] = {}
    for d in decisions:
        for pid in d["provisions"]:
            pit, harm, is_ncnd = _needs_test(pid)
            if not (pit or harm):
                continue
            kind = "ncnd" if is_ncnd or d["outcome"] == "ncnd" else "disclosure"
            tests[(pid, kind)] = {
                "provision": pid,
                "kind": kind,
                "evidence_of_harm": list(r.harm),
                "factors_for": list(r.factors_for),
                "factors_against": list(r.factors_against),
                "balance": " ".join(r.balance) or None,
            }
    return list(tests.values())


def response_data(e: Extraction) -> tuple[dict[str, Any] | None, list[str]]:
    """The structured response for the checker, or ``None`` when no decision is visible."""
    notes: list[str] = []
    received = e.received or e.published or e.responded
    if e.received is None:
        notes.append(
            f"received date not on the page: {received or '2000-01-01'} used in its place, so "
            "timeliness was not checked"
        )
        received = received or "2000-01-01"
    section_regime = Regime.FOIA if e.regime is Regime.EIR else e.regime
    groups: dict[tuple[str, tuple[str, ...]], list[ExtractedQuestion]] = {}
    partly_not_held = []
    for q in e.questions:
        if q.outcome not in RESPONSE_OUTCOME:
            continue
        outcome = q.outcome
        if outcome == "partially_disclosed" and not q.exemptions:
            # Partly given, partly not held (nothing withheld under an exemption): the held
            # part is a disclosure, and "not held" is not a refusal (FOIA s1(1)(a)).
            outcome = "disclosed"
            partly_not_held.append(q.number)
        groups.setdefault((outcome, q.exemptions), []).append(q)
    if partly_not_held:
        notes.append(
            "question"
            + ("s " if len(partly_not_held) > 1 else " ")
            + ", ".join(map(str, partly_not_held))
            + " partly answered with no exemption cited: checked as disclosed"
        )
    skipped = [q.number for q in e.questions if q.outcome not in RESPONSE_OUTCOME]
    if skipped:
        notes.append(
            "no checkable outcome visible for question"
            + ("s " if len(skipped) > 1 else " ")
            + ", ".join(map(str, skipped))
            + ", so "
            + ("they were" if len(skipped) > 1 else "it was")
            + " left out"
        )
    if not groups:
        notes.append("no decision visible on the page: nothing to check")
        return None, notes
    decisions: list[dict[str, Any]] = []
    for (outcome, exemptions), qs in groups.items():
        decision: dict[str, Any] = {
            "questions": [q.number for q in qs],
            "outcome": RESPONSE_OUTCOME[outcome],
            "provisions": _provision_ids(exemptions, section_regime),
            "text": qs[0].answer or None,
            "figures_given": outcome != "ncnd" and any(q.figures for q in qs),
            "reveals_held": outcome in ("disclosed", "partially_disclosed", "not_held"),
        }
        if outcome == "cost_limit_s12":
            decision["advice_to_narrow"] = e.advice_to_narrow
        decisions.append(decision)
    included = {n for d in decisions for n in d["questions"]}
    data = {
        "request": {
            "reference": e.reference,
            "title": e.title,
            "regime": e.regime.value,
            "received": received,
            "text": e.request_text or None,
            "questions": [
                {"number": q.number, "text": q.text, "context": q.context or None}
                for q in e.questions
                if q.number in included
            ],
        },
        "authority": {
            "name": e.authority or "Unknown authority",
            "kind": "police"
            if e.authority and re.search(r"police|constabulary", e.authority, re.I)
            else "other",
        },
        "decisions": decisions,
        "tests": _tests(e, decisions),
        "attachments": [{"name": a, "questions": []} for a in e.attachments],
        "dates": {"received": received, "sent": e.responded},
        "rights_paragraph": e.rights_paragraph,
    }
    return data, notes


def check_extraction(e: Extraction) -> CheckResult:
    """Check what the page shows against the law; see the module docstring for what is not."""
    data, notes = response_data(e)
    if data is None:
        return CheckResult([], notes)
    try:
        response = load_response(data)
    except ResponseFormatError as exc:
        return CheckResult([], [*notes, f"not checked: the page gives no valid response ({exc})"])
    received = date.fromisoformat(data["request"]["received"])
    sent = e.responded and date.fromisoformat(e.responded)
    try:
        findings = findings_as_dict(check_response(response, today=sent or received))
    except DateOutOfRange as exc:  # received in the last days of 2100
        return CheckResult([], [*notes, f"not checked: no deadline can be worked out ({exc})"])
    incomplete = e.complete is False
    dropped: set[str] = set()
    kept = []
    for f in findings:
        code = f["code"]
        if code in _TEST_CODES and (e.reasoning_elsewhere or incomplete):
            dropped.add("tests")
        elif code == "rights_missing":
            dropped.add("rights")
        elif code == "cost_estimate_missing" and (e.cost_hours is not None or incomplete):
            dropped.add("estimate")
        elif code == "advice_to_narrow_missing" and incomplete:
            dropped.add("advice")
        else:
            kept.append(f)
    if "tests" in dropped:
        notes.append(
            "the harm and public interest tests are not visible on the page (attached, further "
            "down or cut off), so they were not checked"
        )
    if "rights" in dropped:
        notes.append("disclosure logs leave out the complaint-rights paragraph: not checked")
    if "estimate" in dropped:
        hours = f"{e.cost_hours:g} hours" if e.cost_hours is not None else "no estimate visible"
        notes.append(f"cost estimate not checked activity by activity ({hours})")
    if "advice" in dropped:
        notes.append("the page is cut short: advice on narrowing the request not checked")
    return CheckResult(kept, notes)
