from django.db import migrations, models


def supersede_stale_versions(apps, schema_editor):
    """Versions left awaiting approval when a later version was sent for approval are
    superseded, as they are now from the moment the later one is sent; each gets its event on
    the response's history, by the system (nobody superseded it by hand). A version that has
    its event already (the migration applied, reversed and applied again; or superseded when
    it was sent, then reversed) gets its status back but no second event."""
    ResponseVersion = apps.get_model("decisions", "ResponseVersion")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    stale = ResponseVersion.objects.filter(status="awaiting").order_by("request_id", "number")
    for version in stale:
        later = (
            ResponseVersion.objects.filter(request_id=version.request_id, number__gt=version.number)
            .order_by("number")
            .values_list("number", flat=True)
            .first()
        )
        if later is None:
            continue
        version.status = "superseded"
        version.save(update_fields=["status"])
        recorded = AuditEvent.objects.filter(
            event_type="response.superseded",
            subject_type="decisions.responseversion",
            subject_id=str(version.pk),
        )
        if recorded.exists():
            continue
        AuditEvent.objects.create(
            event_type="response.superseded",
            actor=None,
            request_id=version.request_id,
            subject_type="decisions.responseversion",
            subject_id=str(version.pk),
            summary=f"Version {version.number} superseded by version {later}: it can no "
            "longer be approved",
            detail={"by": later},
        )


def unsupersede(apps, schema_editor):
    """Back to the earlier schema, which had no superseded versions (the events stay: the audit
    trail is append-only)."""
    ResponseVersion = apps.get_model("decisions", "ResponseVersion")
    ResponseVersion.objects.filter(status="superseded").update(status="awaiting")


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("decisions", "0003_attachment_scan"),
    ]

    operations = [
        migrations.AlterField(
            model_name="responseversion",
            name="status",
            field=models.CharField(
                choices=[
                    ("awaiting", "Awaiting approval"),
                    ("approved", "Approved"),
                    ("sent_back", "Sent back"),
                    ("superseded", "Superseded by a later version"),
                ],
                default="awaiting",
                max_length=12,
            ),
        ),
        migrations.RunPython(supersede_stale_versions, unsupersede),
    ]
