"""Data written before a migration, read after it."""

import pytest

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.decisions.models import ResponseVersion
from tests.conftest import migrate

BEFORE_SUPERSEDED = ("decisions", "0003_attachment_scan")
SUPERSEDED = ("decisions", "0004_superseded_versions")


@pytest.mark.django_db(transaction=True)
def test_versions_left_awaiting_under_a_later_one_are_superseded(make_request, make_staff):
    """Before superseded versions existed, a version sent for approval over one still waiting
    left that one awaiting approval for ever; the migration supersedes it, on the record."""
    officer = make_staff("drafter", Role.FOI_OFFICER)
    stale, waiting = make_request(title="Stale"), make_request(title="Waiting")
    migrate(*BEFORE_SUPERSEDED)
    before = {
        stale: ["awaiting", "awaiting", "sent_back", "awaiting"],
        waiting: ["sent_back", "awaiting"],
    }
    for request, written in before.items():
        for number, status in enumerate(written, start=1):
            ResponseVersion.objects.create(
                request=request,
                number=number,
                snapshot={},
                snapshot_hash="0" * 64,
                submitted_by=officer,
                status=status,
            )

    migrate(*SUPERSEDED)

    def statuses(request):
        return list(request.versions.order_by("number").values_list("status", flat=True))

    assert statuses(stale) == ["superseded", "superseded", "sent_back", "awaiting"]
    assert statuses(waiting) == ["sent_back", "awaiting"]
    events = AuditEvent.objects.filter(event_type="response.superseded").order_by("id")
    assert [(e.request_id, e.actor, e.subject_id, e.detail) for e in events] == [
        (stale.pk, None, str(stale.versions.get(number=1).pk), {"by": 2}),
        (stale.pk, None, str(stale.versions.get(number=2).pk), {"by": 3}),
    ]
    assert events[0].summary == "Version 1 superseded by version 2: it can no longer be approved"

    migrate(*BEFORE_SUPERSEDED)
    assert statuses(stale) == ["awaiting", "awaiting", "sent_back", "awaiting"]
    migrate(*SUPERSEDED)

    # Applied again, it supersedes them again but does not record them superseded twice.
    assert statuses(stale) == ["superseded", "superseded", "sent_back", "awaiting"]
    again = AuditEvent.objects.filter(event_type="response.superseded").order_by("id")
    assert list(again.values_list("id", flat=True)) == [e.id for e in events]


@pytest.mark.django_db(transaction=True)
def test_files_attached_before_the_scan_are_scanned(make_request, make_staff, settings, tmp_path):
    """Migration 0003 added the scan but never ran it over the files already attached, so their
    problems did not block approval; 0005 scans every file whose scan is empty."""
    from django.core.files.base import ContentFile

    from foidesk.decisions.models import ResponseAttachment

    settings.MEDIA_ROOT = tmp_path / "media"
    officer = make_staff("drafter", Role.FOI_OFFICER)
    request = make_request(title="Dismissals")
    migrate(*SUPERSEDED)

    def attached(name: str, content: bytes, scan: dict) -> ResponseAttachment:
        attachment = ResponseAttachment(
            request=request,
            name=name,
            content_type="text/csv",
            size=len(content),
            sha256="0" * 64,
            uploaded_by=officer,
            scan=scan,
        )
        attachment.file.save(name, ContentFile(content), save=False)
        attachment.save()
        return attachment

    named = attached("table.csv", b"Officer,Complainant\nPC 101,Jo Bloggs\n", {})
    kept = {"kind": "csv", "scanned_at": "2026-11-01T09:00:00+00:00", "findings": []}
    scanned = attached("clean.csv", b"Year,Dismissals\n2023,4\n", kept)
    gone = attached("gone.csv", b"Year,Dismissals\n", {})
    gone.file.delete(save=False)

    migrate("decisions", "0005_scan_unscanned_attachments")

    named.refresh_from_db()
    assert "requester_name" in {f["code"] for f in named.scan_findings}
    scanned.refresh_from_db()
    assert scanned.scan == kept
    gone.refresh_from_db()
    assert [f["code"] for f in gone.scan_errors] == ["file_missing"]
