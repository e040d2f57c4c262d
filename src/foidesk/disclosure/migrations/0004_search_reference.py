"""An entry can be found by its reference: the search index takes the reference as well.

Until now the index held the title, the request and the response, so a search for "190A/23"
found the entry only where its text happened to quote its own reference (a response rarely
does), and the log, the CSV and the API answered "No entries found" to the one thing a
journalist citing an entry is most likely to type.

SQLite: the FTS5 table gains a ``reference`` column after the title (weighted as the title in
``search.SQLITE_WEIGHTS``); its triggers and its rows are made again. PostgreSQL: the
generated ``tsvector`` takes the reference and the entry's address (``190A-23``) at weight A,
like the title. The address is there because PostgreSQL's parser reads "190A/23" as one token
(a file path) and "190A-23" as two, so without it a search for the address as it appears in
the link found nothing on PostgreSQL while SQLite (which splits both at the punctuation) found
the entry. The SQL is written out here, not imported, so this migration stays as it was when
it ran.
"""

# The SQL is built from this module's constant column names only.
# ruff: noqa: S608
from django.db import migrations

PUBLIC = "{row}.is_current AND {row}.withdrawn_at IS NULL"


def _sqlite(columns: tuple[str, ...]) -> dict[str, list[str]]:
    """The statements that make the FTS5 table and its triggers over ``columns``."""
    names = ", ".join(columns)
    add = (
        f"INSERT INTO disclosure_search (rowid, {names}) "
        f"SELECT {{row}}.id, {', '.join('{row}.' + c for c in columns)} WHERE " + PUBLIC
    )
    remove = (
        f"INSERT INTO disclosure_search (disclosure_search, rowid, {names}) "
        f"SELECT 'delete', {{row}}.id, {', '.join('{row}.' + c for c in columns)} WHERE " + PUBLIC
    )
    return {
        "create": [
            f"CREATE VIRTUAL TABLE disclosure_search USING fts5({names}, "
            "content='disclosure_publication', content_rowid='id', "
            "tokenize='porter unicode61 remove_diacritics 2')",
            "CREATE TRIGGER disclosure_search_after_insert AFTER INSERT ON "
            "disclosure_publication BEGIN " + add.format(row="NEW") + "; END",
            "CREATE TRIGGER disclosure_search_after_delete AFTER DELETE ON "
            "disclosure_publication BEGIN " + remove.format(row="OLD") + "; END",
            "CREATE TRIGGER disclosure_search_after_update AFTER UPDATE ON "
            "disclosure_publication BEGIN "
            + remove.format(row="OLD")
            + "; "
            + add.format(row="NEW")
            + "; END",
            f"INSERT INTO disclosure_search (rowid, {names}) SELECT id, {names} "
            "FROM disclosure_publication WHERE is_current AND withdrawn_at IS NULL",
        ],
        "drop": [
            "DROP TRIGGER IF EXISTS disclosure_search_after_insert",
            "DROP TRIGGER IF EXISTS disclosure_search_after_delete",
            "DROP TRIGGER IF EXISTS disclosure_search_after_update",
            "DROP TABLE IF EXISTS disclosure_search",
        ],
    }


SQLITE_BEFORE = _sqlite(("title", "request_text", "response_text"))
SQLITE_AFTER = _sqlite(("title", "reference", "request_text", "response_text"))


def _postgresql(title: str) -> list[str]:
    return [
        "DROP INDEX IF EXISTS disclosure_publication_search",
        "ALTER TABLE disclosure_publication DROP COLUMN IF EXISTS search_document",
        "ALTER TABLE disclosure_publication ADD COLUMN search_document tsvector "
        "GENERATED ALWAYS AS ("
        f"setweight(to_tsvector('english'::regconfig, {title}), 'A') || "
        "setweight(to_tsvector('english'::regconfig, coalesce(request_text, '')), 'B') || "
        "setweight(to_tsvector('english'::regconfig, coalesce(response_text, '')), 'C')"
        ") STORED",
        "CREATE INDEX disclosure_publication_search ON disclosure_publication "
        "USING gin (search_document) WHERE is_current AND withdrawn_at IS NULL",
    ]


PG_BEFORE = _postgresql("coalesce(title, '')")
PG_AFTER = _postgresql(
    "coalesce(title, '') || ' ' || coalesce(reference, '') || ' ' || coalesce(slug, '')"
)


def _run(schema_editor, sqlite: dict[str, list[str]], postgresql: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in [*sqlite["drop"], *sqlite["create"]]:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        for statement in postgresql:
            schema_editor.execute(statement)


def forwards(apps, schema_editor):
    _run(schema_editor, SQLITE_AFTER, PG_AFTER)


def backwards(apps, schema_editor):
    _run(schema_editor, SQLITE_BEFORE, PG_BEFORE)


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0003_search_triggers")]

    operations = [migrations.RunPython(forwards, backwards)]
