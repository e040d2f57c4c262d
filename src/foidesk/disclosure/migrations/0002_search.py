"""The full-text search index of the disclosure log, in each database's own engine.

SQLite: an FTS5 table over the publication's title, request and response, with the text kept
in the publication table (external content). PostgreSQL: a stored generated tsvector column,
weighted title A, request B, response C, with a GIN index over the public entries. The SQL is
written out here, not imported, so this migration stays as it was when it ran.
"""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE disclosure_search USING fts5("
    "title, request_text, response_text, "
    "content='disclosure_publication', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')"
)
SQLITE_DROP = "DROP TABLE IF EXISTS disclosure_search"
PG_CREATE = (
    "ALTER TABLE disclosure_publication ADD COLUMN search_document tsvector "
    "GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(request_text, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(response_text, '')), 'C')"
    ") STORED",
    "CREATE INDEX disclosure_publication_search ON disclosure_publication "
    "USING gin (search_document) WHERE is_current AND withdrawn_at IS NULL",
)
PG_DROP = (
    "DROP INDEX IF EXISTS disclosure_publication_search",
    "ALTER TABLE disclosure_publication DROP COLUMN IF EXISTS search_document",
)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for statement in PG_CREATE:
            schema_editor.execute(statement)
    else:
        raise RuntimeError(f"The disclosure log search needs SQLite or PostgreSQL, not {vendor}")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = (SQLITE_DROP,) if vendor == "sqlite" else PG_DROP
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_publications")]

    operations = [migrations.RunPython(create, drop)]
