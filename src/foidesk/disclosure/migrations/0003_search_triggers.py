"""Keep SQLite's search index in step with the publications by triggers.

The FTS5 table holds the public entries only (current and not withdrawn). Until now the
publishing services added and removed them; rows changed or deleted any other way (a test
database being flushed, a restore, an administrator's SQL) left the index out of step. With
these triggers the database itself keeps it right, whatever changes the row. PostgreSQL's
search column is generated from the row and needs nothing.
"""

from django.db import migrations

PUBLIC = "{row}.is_current AND {row}.withdrawn_at IS NULL"
ADD = (
    "INSERT INTO disclosure_search (rowid, title, request_text, response_text) "
    "SELECT {row}.id, {row}.title, {row}.request_text, {row}.response_text WHERE " + PUBLIC
)
REMOVE = (
    "INSERT INTO disclosure_search (disclosure_search, rowid, title, request_text, "
    "response_text) SELECT 'delete', {row}.id, {row}.title, {row}.request_text, "
    "{row}.response_text WHERE " + PUBLIC
)
TRIGGERS = {
    "disclosure_search_after_insert": (
        "AFTER INSERT ON disclosure_publication BEGIN " + ADD.format(row="NEW") + "; END"
    ),
    "disclosure_search_after_delete": (
        "AFTER DELETE ON disclosure_publication BEGIN " + REMOVE.format(row="OLD") + "; END"
    ),
    # One trigger, the old values out before the new ones in (FTS5 keeps one entry a rowid).
    "disclosure_search_after_update": (
        "AFTER UPDATE ON disclosure_publication BEGIN "
        + REMOVE.format(row="OLD")
        + "; "
        + ADD.format(row="NEW")
        + "; END"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name, body in TRIGGERS.items():
        schema_editor.execute(f"CREATE TRIGGER {name} {body}")
    # Start from an index that matches the rows exactly.
    schema_editor.execute("INSERT INTO disclosure_search (disclosure_search) VALUES ('delete-all')")
    schema_editor.execute(
        "INSERT INTO disclosure_search (rowid, title, request_text, response_text) "
        "SELECT id, title, request_text, response_text FROM disclosure_publication "
        "WHERE is_current AND withdrawn_at IS NULL"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0002_search")]

    operations = [migrations.RunPython(create, drop)]
