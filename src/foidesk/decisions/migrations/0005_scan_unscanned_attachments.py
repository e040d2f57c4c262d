"""Scan the files attached before the safety scan existed.

Migration 0003 added ``ResponseAttachment.scan`` (empty for files attached before it) but never
ran the scan over them, so such a file's problems did not block approval. This runs it over
every file whose scan is still empty.
"""

from django.db import migrations


def scan_unscanned(apps, schema_editor):
    """Scan the files attached before the scan existed, so their problems block approval too.
    A file that cannot be read is recorded as an error finding rather than stopping the
    migration."""
    from django.utils import timezone

    from foidesk.safety import scan

    Attachment = apps.get_model("decisions", "ResponseAttachment")
    for attachment in Attachment.objects.select_related("request__requester"):
        if attachment.scan:
            continue  # scanned when it was attached
        try:
            with attachment.file.open("rb") as handle:
                content = handle.read()
        except OSError:
            findings = [
                {
                    "code": "file_missing",
                    "severity": "error",
                    "where": attachment.name,
                    "message": "The stored file is missing. Remove it and attach it again.",
                    "can_clean": False,
                }
            ]
            kind = None
        else:
            report = scan(
                content,
                filename=attachment.name,
                requester_names=[attachment.request.requester.name],
            )
            kind = str(report.kind) if report.kind else None
            findings = [
                {
                    "code": f.code,
                    "severity": str(f.severity),
                    "where": str(f.where),
                    "message": f.message,
                    "can_clean": f.can_clean,
                }
                for f in report.findings
            ]
            if report.refused:
                findings.append(
                    {
                        "code": report.refused_code,
                        "severity": "error",
                        "where": attachment.name,
                        "message": f"{report.refused} Remove it and attach a safe file.",
                        "can_clean": False,
                    }
                )
        attachment.scan = {
            "kind": kind,
            "scanned_at": timezone.now().isoformat(),
            "findings": findings,
        }
        attachment.save(update_fields=["scan"])


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0004_superseded_versions"),
    ]

    operations = [
        migrations.RunPython(scan_unscanned, migrations.RunPython.noop),
    ]
