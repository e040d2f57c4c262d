"""An index for the staff register's search, on SQLite.

The register's search (``cases.selectors.register_requests``) finds a term anywhere in a
request's title or reference or in one of its questions. ``icontains`` cannot use a B-tree
index, so each search read every request and question. SQLite's FTS5 with the trigram
tokenizer indexes every three-character sequence of the text and finds any substring of three
characters or more, ignoring case (of any letter, where SQLite's ``LIKE`` folds only A to Z);
two tables with external content (the text stays in the request and question tables) kept in
step by triggers. A later migration that rebuilds either table (as SQLite's ALTER does) drops
its triggers: ``tests/cases/test_case_list.py`` checks that they are there. PostgreSQL is left
to ``icontains``: its index for this (``pg_trgm``) is an extension a managed server may not
allow.

The SQL is written out here, not imported, so this migration stays as it was when it ran.
"""

from django.db import migrations

TABLES = {
    "cases_request_search": (
        "CREATE VIRTUAL TABLE cases_request_search USING fts5("
        "title, reference, content='cases_request', content_rowid='id', tokenize='trigram')"
    ),
    "cases_question_search": (
        "CREATE VIRTUAL TABLE cases_question_search USING fts5("
        "text, content='cases_question', content_rowid='id', tokenize='trigram')"
    ),
}

# Index the rows already there.
REBUILD = (
    "INSERT INTO cases_request_search (cases_request_search) VALUES ('rebuild')",
    "INSERT INTO cases_question_search (cases_question_search) VALUES ('rebuild')",
)


def _triggers(index: str, table: str, columns: tuple[str, ...]) -> dict[str, str]:
    """The triggers that keep the external-content FTS5 table ``index`` in step with ``table``:
    a row added, removed, or changed in its indexed columns (or its id; a request's state
    changes far more often than its text)."""
    # The table's and columns' names are this module's own; no input reaches the SQL.
    listed = ", ".join(columns)

    def values(row: str) -> str:
        return ", ".join(f"{row}.{c}" for c in ("id", *columns))

    def add(row: str) -> str:
        return f"INSERT INTO {index} (rowid, {listed}) VALUES ({values(row)})"  # noqa: S608

    def remove(row: str) -> str:
        return (
            f"INSERT INTO {index} ({index}, rowid, {listed}) "  # noqa: S608
            f"VALUES ('delete', {values(row)})"
        )

    return {
        f"{index}_after_insert": f"AFTER INSERT ON {table} BEGIN {add('NEW')}; END",
        f"{index}_after_delete": f"AFTER DELETE ON {table} BEGIN {remove('OLD')}; END",
        f"{index}_after_update": (
            f"AFTER UPDATE OF id, {listed} ON {table} BEGIN {remove('OLD')}; {add('NEW')}; END"
        ),
    }


TRIGGERS = {
    **_triggers("cases_request_search", "cases_request", ("title", "reference")),
    **_triggers("cases_question_search", "cases_question", ("text",)),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in TABLES.values():
        schema_editor.execute(statement)
    for name, body in TRIGGERS.items():
        schema_editor.execute(f"CREATE TRIGGER {name} {body}")
    for statement in REBUILD:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in TABLES:
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_question_ordering_by_request_id")]

    operations = [migrations.RunPython(create, drop)]
