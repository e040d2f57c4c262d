from django.conf import settings
from django.db import models


class AuditTrailIsAppendOnly(Exception):
    """Raised when code tries to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditTrailIsAppendOnly("audit events cannot be changed")

    def delete(self):
        raise AuditTrailIsAppendOnly("audit events cannot be deleted")


class AuditEvent(models.Model):
    """One change, written by the service function that made it.

    ``changes`` maps each changed field to ``[old, new]``; ``detail`` holds anything else worth
    keeping (a reason, a purpose). Events about a request carry it in ``request`` so the case
    timeline is one indexed query. Rows are never updated or deleted.
    """

    event_type = models.CharField(max_length=64, db_index=True, help_text="What happened.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who did it; empty for the system (imports, recomputation).",
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    request = models.ForeignKey(
        "cases.Request",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events",
        help_text="The request this event belongs to, if any.",
    )
    subject_type = models.CharField(max_length=64, help_text="The kind of record changed.")
    subject_id = models.CharField(max_length=64, help_text="The changed record's key.")
    summary = models.CharField(max_length=300, help_text="One line for the timeline.")
    changes = models.JSONField(default=dict, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["request", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.event_type}: {self.summary}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise AuditTrailIsAppendOnly("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditTrailIsAppendOnly("audit events cannot be deleted")
