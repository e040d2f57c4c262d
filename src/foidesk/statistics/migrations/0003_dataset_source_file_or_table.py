"""Data sets keep apart what the published files may name of their source (the file name, or
the table read) from the connection URL shown to staff; existing versions get it from the
stored source name."""

import re

from django.db import migrations, models

_TABLE = re.compile(r", table ([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*$")
_SHEET = re.compile(r"^(.*?\.xlsx), sheet ", re.IGNORECASE | re.DOTALL)


def file_or_table(kind: str, source_name: str) -> str:
    """From ``sqlite:////srv/psd.db, table cases``: ``cases``; ``cases.xlsx, sheet Cases``:
    ``cases.xlsx``; a file's name without its folders. Blank where the table cannot be read
    off (a URL cut short at 500 characters): the files then name the kind alone."""
    if kind == "database":
        found = _TABLE.search(source_name)
        return found.group(1) if found else ""
    if kind == "xlsx" and (found := _SHEET.match(source_name)):
        source_name = found.group(1)
    return re.split(r"[\\/]", source_name.strip())[-1].strip()[:255]


def fill(apps, schema_editor):
    Dataset = apps.get_model("statistics", "Dataset")
    for dataset in Dataset.objects.only("pk", "source_kind", "source_name").iterator():
        Dataset.objects.filter(pk=dataset.pk).update(
            source_file_or_table=file_or_table(dataset.source_kind, dataset.source_name)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("statistics", "0002_saved_table_withheld"),
    ]

    operations = [
        migrations.AddField(
            model_name="dataset",
            name="source_file_or_table",
            field=models.CharField(
                blank=True,
                default="",
                help_text="The file name without any folder, or the table or view read: all that the published files say of where the rows came from (never the connection URL, its user, host or database, or a path on the server).",
                max_length=255,
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
