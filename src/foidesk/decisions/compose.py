"""Build the structured response (``foidesk.law.response``) for a request from the database.

Everything that reads a response (the checker, the documents, approval snapshots and
``foidesk export-response``) starts from ``response_data``: plain JSON-ready data in the
documented form (``docs/response-format.md``), so what is approved, checked, rendered and
exported is the same thing.
"""

import hashlib
import json
from datetime import date
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from foidesk.cases.models import Authority, Request
from foidesk.law.checker import Finding, check_response
from foidesk.law.exemptions import AuthorityKind
from foidesk.law.response import FORMAT, Response, load_response

from .models import (
    CostLine,
    Decision,
    HarmAndPublicInterestTest,
    ResponseAttachment,
    Section,
    TestParagraph,
)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _paragraph(p: TestParagraph) -> dict[str, Any]:
    item: dict[str, Any] = {"text": p.text}
    if p.library_paragraph_id:
        library = p.library_paragraph
        item.update(
            id=library.library_id, written_for=list(library.written_for), topic=library.topic
        )
    return item


def _cost_estimate(decision: Decision) -> dict[str, Any] | None:
    lines: list[CostLine] = list(decision.cost_lines.all())
    if not lines:
        return None
    hours: dict[str, float] = {}
    for line in lines:
        hours[line.activity] = hours.get(line.activity, 0.0) + float(line.hours)
    estimate: dict[str, Any] = {"hours": hours}
    if decision.cost_basis:
        estimate["basis"] = decision.cost_basis
    return estimate


def _decision(decision: Decision) -> dict[str, Any]:
    item: dict[str, Any] = {
        "questions": sorted(q.number for q in decision.questions.all()),
        "outcome": decision.outcome,
        "provisions": [
            {k: v for k, v in p.items() if v not in (None, "", False)} for p in decision.provisions
        ],
        "figures_given": decision.figures_given,
        "reveals_held": decision.reveals_held,
    }
    if decision.text:
        item["text"] = decision.text
    if decision.where:
        item["where"] = decision.where
    if decision.publication_date:
        item["publication_date"] = decision.publication_date.isoformat()
    estimate = _cost_estimate(decision)
    if estimate:
        item["cost_estimate"] = estimate
    if decision.advice_to_narrow:
        item["advice_to_narrow"] = decision.advice_to_narrow
    return item


def _test(test: HarmAndPublicInterestTest) -> dict[str, Any]:
    sections: dict[str, list[dict[str, Any]]] = {
        Section.EVIDENCE_OF_HARM: [],
        Section.FACTORS_FOR: [],
        Section.FACTORS_AGAINST: [],
    }
    for p in test.paragraphs.all():
        sections[p.section].append(_paragraph(p))
    item: dict[str, Any] = {"provision": test.provision, "kind": test.kind}
    item.update({str(name): paragraphs for name, paragraphs in sections.items()})
    if test.balance:
        item["balance"] = test.balance
    if test.conclusion:
        item["conclusion"] = test.conclusion
    return item


def _clock_dates(request: Request) -> dict[str, str | None]:
    """The clock events the law counts with, read the same way the register reads them."""
    from foidesk.cases.models import ClockEventKind
    from foidesk.cases.services import clock_inputs

    inputs = clock_inputs(request)
    pit = eir = None
    for event in request.clock_events.all():
        if event.kind == ClockEventKind.PIT_EXTENSION:
            pit = event
        elif event.kind == ClockEventKind.EIR_EXTENSION:
            eir = event
    return {
        "clarification_received": _iso(inputs["clarification_received"]),
        "fee_notice": _iso(inputs["fee_notice"]),
        "fee_paid": _iso(inputs["fee_paid"]),
        "pit_extension_notice_sent": _iso(pit.on if pit else None),
        "pit_extension_to": _iso(inputs["pit_extension_to"]),
        "eir_extension_notice_sent": _iso(eir.on if eir else None),
    }


def load_for_response(request: Request) -> Request:
    """The request with everything ``response_data`` reads, in a fixed number of queries."""
    return (
        Request.objects.filter(pk=request.pk)
        .prefetch_related(
            "questions",
            "clock_events",
            Prefetch(
                "decisions",
                Decision.objects.prefetch_related("questions", "cost_lines").order_by(
                    "order", "id"
                ),
            ),
            Prefetch(
                "attachments",
                ResponseAttachment.objects.prefetch_related("questions").order_by("name", "id"),
            ),
            Prefetch(
                "tests",
                HarmAndPublicInterestTest.objects.prefetch_related(
                    Prefetch(
                        "paragraphs",
                        TestParagraph.objects.select_related("library_paragraph").order_by(
                            "section", "order", "id"
                        ),
                    )
                ),
            ),
        )
        .get()
    )


def response_data(request: Request, *, sent: date | None = None) -> dict[str, Any]:
    """The request's response as JSON-ready data in the documented form."""
    request = load_for_response(request)
    authority = Authority.current()
    data: dict[str, Any] = {
        "format": FORMAT,
        "request": {
            "reference": request.reference,
            "title": request.title,
            "regime": request.regime,
            "received": timezone.localtime(request.received_at).date().isoformat(),
            "text": request.request_text,
            "questions": [
                {
                    "number": q.number,
                    "text": q.text,
                    **({"context": q.context} if q.context else {}),
                }
                for q in request.questions.all()
            ],
        },
        "authority": {
            "name": authority.name,
            "kind": authority.kind,
            "is_police": authority.kind == AuthorityKind.POLICE,
        },
        "decisions": [_decision(d) for d in request.decisions.all()],
        "tests": [_test(t) for t in request.tests.all()],
        # By name, so the snapshot (and its hash) does not depend on the order of upload; with
        # each file's digest, so that approval covers the files themselves, not only their names.
        "attachments": [
            {
                "name": a.name,
                "questions": sorted(q.number for q in a.questions.all()),
                "sha256": a.sha256,
            }
            for a in request.attachments.all()
        ],
        "dates": {
            "received": timezone.localtime(request.received_at).date().isoformat(),
            "due": _iso(request.due_date),
            "sent": _iso(sent or request.responded_on),
            **_clock_dates(request),
        },
        "rights_paragraph": authority.rights_for(request.regime) or None,
    }
    data["dates"] = {k: v for k, v in data["dates"].items() if v is not None}
    return data


def response_for(request: Request) -> Response:
    """The plain-data ``Response`` the law package works on."""
    return load_response(response_data(request))


def snapshot_hash(data: dict[str, Any]) -> str:
    """A stable fingerprint of a response: two drafts are the same if their hashes are."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def findings_for(request: Request, *, today: date | None = None) -> list[Finding]:
    """The response checker's findings on the current draft."""
    response = response_for(request)
    return check_response(
        response, today=today or timezone.localdate(), authority_kind=response.authority.kind
    )
