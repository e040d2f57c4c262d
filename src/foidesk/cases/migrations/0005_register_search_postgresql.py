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
so; the search still works, reading every row as before, and the indexes can be built once the
extension is allowed (``foidesk migrate cases 0004``, then ``foidesk migrate cases``). A server
that installed the extension in a schema of its own (``CREATE EXTENSION pg_trgm SCHEMA
extensions``) is served too: the operator class is named with its schema.

The indexes are built inside the migration's transaction, which holds back writes to the two
tables while they build (seconds for a register of 100,000 requests).

The SQL is written out here, not imported, so this migration stays as it was when it ran.
"""

import sys

from django.db import DatabaseError, migrations, transaction

INDEXES = {
    "cases_request_title_trgm": ("cases_request", "title"),
    "cases_request_reference_trgm": ("cases_request", "reference"),
    "cases_question_text_trgm": ("cases_question", "text"),
}


def _trigram_opclass(schema_editor) -> str | None:
    """The ``gin_trgm_ops`` operator class, named with its schema, once ``pg_trgm`` is
    installed (or could be installed now); ``None`` where the server refuses it."""
    try:
        with transaction.atomic(using=schema_editor.connection.alias):  # a savepoint
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError as exc:
        sys.stderr.write(
            "  The register search has no trigram index: the pg_trgm extension could not be "
            f"created ({str(exc).strip().splitlines()[0]}). Searches read every row. Once the "
            "extension is allowed: foidesk migrate cases 0004, then foidesk migrate cases.\n"
        )
        return None
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace "
            "WHERE c.opcname = 'gin_trgm_ops'"
        )
        row = cursor.fetchone()
    quote = schema_editor.connection.ops.quote_name
    return f"{quote(row[0])}.gin_trgm_ops" if row else None


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    opclass = _trigram_opclass(schema_editor)
    if opclass is None:
        return
    for name, (table, column) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin ((UPPER({column}::text)) {opclass})"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_register_search")]

    operations = [migrations.RunPython(create, drop)]
