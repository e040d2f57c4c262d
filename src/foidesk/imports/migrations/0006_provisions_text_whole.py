from django.db import migrations, models
from django.db.models.functions import Length

#: The column's old limit: a record whose provisions were longer was stored cut at it.
OLD_LIMIT = 1000


def rewrite_cut_columns(apps, schema_editor):
    """Write the provisions of each record stored cut at the old limit whole again, from what
    staff corrected, else what the importer read (as ``imports.corrections.cited`` does; a
    migration keeps its own copy, as history)."""
    ImportedRecord = apps.get_model("imports", "ImportedRecord")
    cut = ImportedRecord.objects.annotate(chars=Length("provisions_text")).filter(chars=OLD_LIMIT)
    for record in cut:
        corrections = record.corrections or {}
        read = (record.extracted or {}).get("record") or {}
        provisions = corrections.get("provisions", read.get("exemptions_cited") or [])
        record.provisions_text = f" {' '.join(provisions)} " if provisions else ""
        record.save(update_fields=["provisions_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0005_run_last_stored_at"),
    ]

    operations = [
        migrations.AlterField(
            model_name="importedrecord",
            name="provisions_text",
            field=models.TextField(
                blank=True,
                help_text="The provisions cited, space-separated and space-padded (' s31(1)(a) s40(2) ').",
            ),
        ),
        migrations.RunPython(rewrite_cut_columns, migrations.RunPython.noop),
    ]
