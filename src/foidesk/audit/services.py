"""Writing the audit trail. Every service function that changes something calls ``record``."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from .models import AuditEvent


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value, as a person would read it."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields whose value changed."""
    return {
        name: [_plain(old.get(name)), _plain(value)]
        for name, value in new.items()
        if _plain(old.get(name)) != _plain(value)
    }


def record(
    *,
    event_type: str,
    actor,
    subject: models.Model,
    summary: str,
    request=None,
    changes: dict[str, list[Any]] | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. Call inside the service's transaction so both land or neither."""
    return AuditEvent.objects.create(
        event_type=event_type,
        actor=actor if actor is not None and actor.is_authenticated else None,
        request=request,
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        summary=summary[:300],
        changes=changes or {},
        detail={key: _plain(value) for key, value in (detail or {}).items()},
    )
