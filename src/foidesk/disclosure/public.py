"""The public shape of an entry: the one place that decides which fields leave the building.

The API, the CSV export and the feed are built from these functions, never from a model's
fields, so an internal field (who published it, the request it came from, the redactions'
positions, why an entry was withdrawn) cannot reach the public by being added to a model.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from foidesk.decisions.documents import provision_label
from foidesk.decisions.models import OutcomeChoice

from .models import Publication

CSV_COLUMNS = (
    "reference",
    "title",
    "url",
    "regime",
    "received_on",
    "responded_on",
    "published_at",
    "outcome",
    "ncnd",
    "provisions",
    "topics",
    "version",
)


def entry_url(publication: Publication) -> str:
    if publication.is_current:
        return reverse("disclosure:entry", args=[publication.slug])
    return reverse("disclosure:entry-version", args=[publication.slug, publication.version])


def _provisions(publication: Publication) -> list[str]:
    ids = {
        p["id"] for d in publication.snapshot.get("decisions", []) for p in d.get("provisions", [])
    }
    return sorted(ids)


def entry_summary(publication: Publication, absolute: Any) -> dict[str, Any]:
    """What a list shows of an entry. ``absolute`` turns a path into a full address."""
    return {
        "reference": publication.reference,
        "slug": publication.slug,
        "title": publication.title,
        "url": absolute(entry_url(publication)),
        "regime": publication.regime,
        "received_on": publication.received_on.isoformat(),
        "responded_on": publication.responded_on.isoformat(),
        "published_at": publication.published_at.isoformat(),
        "version": publication.version,
        "outcome": publication.outcome,
        "outcome_label": publication.get_outcome_display(),
        "ncnd": publication.ncnd,
        "provisions": [
            {"id": pid, "label": provision_label(pid)} for pid in _provisions(publication)
        ],
        "topics": [{"slug": t.slug, "name": t.name} for t in publication.topics.all()],
    }


def attachment_url(publication: Publication, attachment: Any) -> str:
    return reverse(
        "disclosure:attachment", args=[publication.slug, publication.version, attachment.pk]
    )


def entry_detail(
    publication: Publication, absolute: Any, versions: list[Publication]
) -> dict[str, Any]:
    """Everything the entry page shows, as data."""
    snapshot = publication.snapshot
    request = snapshot.get("request", {})
    data = entry_summary(publication, absolute)
    data.update(
        {
            "request_text": publication.request_text,
            "questions": [
                {
                    "number": q["number"],
                    "text": q["text"],
                    "context": q.get("context") or None,
                }
                for q in request.get("questions", [])
            ],
            "answers": [
                {
                    "questions": d.get("questions", []),
                    "outcome": d["outcome"],
                    "outcome_label": OutcomeChoice(d["outcome"]).label,
                    "provisions": [p["id"] for p in d.get("provisions", [])],
                    "text": d.get("text") or "",
                }
                for d in snapshot.get("decisions", [])
            ],
            "response_text": publication.response_text,
            "attachments": [
                {
                    "name": a.name,
                    "url": absolute(attachment_url(publication, a)),
                    "content_type": a.content_type,
                    "size": a.size,
                    "sha256": a.sha256,
                    "questions": a.questions,
                }
                for a in publication.attachments.all()
            ],
            "correction_note": publication.correction_note or None,
            "versions": [
                {
                    "version": v.version,
                    "published_at": v.published_at.isoformat(),
                    "url": absolute(entry_url(v)),
                    "correction_note": v.correction_note or None,
                }
                for v in versions
            ],
        }
    )
    return data


def csv_row(publication: Publication, absolute: Any) -> list[str]:
    summary = entry_summary(publication, absolute)
    return [
        summary["reference"],
        summary["title"],
        summary["url"],
        summary["regime"],
        summary["received_on"],
        summary["responded_on"],
        summary["published_at"],
        summary["outcome_label"],
        "yes" if summary["ncnd"] else "no",
        "; ".join(p["label"] for p in summary["provisions"]),
        "; ".join(t["name"] for t in summary["topics"]),
        str(summary["version"]),
    ]
