"""An index for the staff register's search, on PostgreSQL.

The register's search is ``icontains`` on PostgreSQL (``cases.selectors._search_q``), which
Django writes as ``UPPER("title"::text) LIKE UPPER('%term%')``. A B-tree index cannot serve a
pattern with a leading wildcard, so each search read every request and question. The
``pg_trgm`` extension's GIN operator class indexes the three-character sequences of a text and
serves exactly such a ``LIKE`` when the index is on the same expression
(https://www.postgresql.org/docs/current/pgtrgm.html#PGTRGM-INDEX): here ``UPPER(column::text)``
on the request's title and reference and the question's text. The search itself is unchanged.

``pg_trgm`` is a trusted extension (PostgreSQL 13 and later): the database's owner may create
it. Where the server does not offer it, or refuses it, the migration creates no index and says
so; the search still works, reading every row as before.

The SQL is written out here, not imported, so this migration stays as it was when it ran.
"""

import sys

from django.db import DatabaseError, migrations, transaction

INDEXES = {
    "cases_request_title_trgm": ("cases_request", "title"),
    "cases_request_reference_trgm": ("cases_request", "reference"),
    "cases_question_text_trgm": ("cases_question", "text"),
}


def _has_trigrams(schema_editor) -> bool:
    """Whether ``pg_trgm`` is installed or could be installed now."""
    try:
        with transaction.atomic(using=schema_editor.connection.alias):  # a savepoint
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as exc:
        sys.stderr.write(
            "  The register search has no trigram index: the pg_trgm extension could not be "
            f"created ({str(exc).strip().splitlines()[0]}). Searches read every row.\n"
        )
        return False
    return True


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql" or not _has_trigrams(schema_editor):
        return
    for name, (table, column) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_register_search")]

    operations = [migrations.RunPython(create, drop)]
