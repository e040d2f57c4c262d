"""Ranked full-text search of the disclosure log with the database's own engine.

SQLite: an FTS5 table over the publication's title, request and response (an *external
content* table, so the text is stored once), ranked by BM25 with the title weighted most. It
holds the public entries only: ``index_publication`` adds an entry when it is published and
``unindex_publication`` removes it when it is corrected or withdrawn.

PostgreSQL: a stored generated ``tsvector`` column (title weight A, request B, response C)
with a GIN index, queried with ``websearch_to_tsquery`` and ranked with ``ts_rank_cd``; being
generated, it can never be out of step with the row.

Both are created by migration ``0002_search`` and understand the same queries: words (all
must match, stemmed), "a phrase", ``OR`` between words, and ``-word`` to exclude.
"""

# The SQL below is built from module constants and Django's own compiled subqueries; every
# value a person typed is passed as a parameter.
# ruff: noqa: S608
from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from .models import Publication

SQLITE_TABLE = "disclosure_search"
#: BM25 weights for title, request, response.
SQLITE_WEIGHTS = (10.0, 3.0, 1.0)
PG_CONFIG = "english"


@dataclass(frozen=True)
class SearchHits:
    """One page of matches, best first, and how many match in all."""

    ids: list[int]
    total: int


@dataclass(frozen=True)
class ParsedQuery:
    """A search box query, read the way ``websearch_to_tsquery`` reads it."""

    groups: tuple[tuple[str, ...], ...]  # each group: alternatives joined by OR (words/phrases)
    excluded: tuple[str, ...]

    @property
    def words(self) -> list[str]:
        """The words to highlight."""
        return [w for group in self.groups for item in group for w in item.split()]

    def to_fts5(self) -> str:
        """The FTS5 query: every item quoted, so nothing a person types is FTS5 syntax."""

        def quoted(item: str) -> str:
            return '"' + item.replace('"', '""') + '"'

        parts = []
        for group in self.groups:
            alternatives = [quoted(item) for item in group]
            parts.append(
                alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
            )
        text = " AND ".join(parts)
        for item in self.excluded:
            text += f" NOT {quoted(item)}"
        return text


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def parse_query(query: str) -> ParsedQuery:
    """Words, "phrases", ``OR`` and ``-excluded`` from what someone typed; punctuation that is
    not part of a word is dropped, so no input is an error."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(query or ""):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare == "OR":
                pending_or = bool(groups)
                continue
            negate = "-" if bare.startswith("-") else ""
            phrase = bare.lstrip("-")
        item = " ".join(_WORD.findall(phrase or "")).lower()
        if not item:
            continue
        if negate:
            excluded.append(item)
        elif pending_or and groups:
            groups[-1].append(item)
        else:
            groups.append([item])
        pending_or = False
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded))


def _within_sql(within: QuerySet | None, column: str) -> tuple[str, list]:
    if within is None:
        return "", []
    sql, params = within.order_by().values("id").query.sql_with_params()
    return f" AND {column} IN ({sql})", list(params)


def search(
    query: str, *, within: QuerySet | None = None, limit: int | None = 20, offset: int = 0
) -> SearchHits:
    """The public entries matching ``query``, best first; ``within`` narrows them to a
    filtered queryset of publications (year, topic, ...). ``limit=None``: every match."""
    parsed = parse_query(query)
    if not parsed.groups:
        return SearchHits([], 0)
    if connection.vendor == "postgresql":
        return _search_postgresql(query, within, limit, offset)
    return _search_sqlite(parsed, within, limit, offset)


def _search_sqlite(
    parsed: ParsedQuery, within: QuerySet | None, limit: int | None, offset: int
) -> SearchHits:
    match = parsed.to_fts5()
    narrow, narrow_params = _within_sql(within, "rowid")
    weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s{narrow}",
            [match, *narrow_params],
        )
        total = cursor.fetchone()[0]
        if not total or offset >= total:
            return SearchHits([], total)
        cursor.execute(
            f"SELECT rowid FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s{narrow} "
            f"ORDER BY bm25({SQLITE_TABLE}, {weights}), rowid DESC LIMIT %s OFFSET %s",
            [match, *narrow_params, -1 if limit is None else limit, offset],
        )
        return SearchHits([row[0] for row in cursor.fetchall()], total)


def _search_postgresql(
    query: str, within: QuerySet | None, limit: int | None, offset: int
) -> SearchHits:
    narrow, narrow_params = _within_sql(within, "p.id")
    base = (
        f"FROM disclosure_publication p, websearch_to_tsquery('{PG_CONFIG}', %s) q "
        "WHERE p.search_document @@ q AND p.is_current AND p.withdrawn_at IS NULL"
        f"{narrow}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {base}", [query, *narrow_params])
        total = cursor.fetchone()[0]
        if not total or offset >= total:
            return SearchHits([], total)
        cursor.execute(
            f"SELECT p.id {base} ORDER BY ts_rank_cd(p.search_document, q) DESC, p.id DESC "
            "LIMIT %s OFFSET %s",
            [query, *narrow_params, limit, offset],  # LIMIT NULL is no limit
        )
        return SearchHits([row[0] for row in cursor.fetchall()], total)


def index_publication(publication: Publication) -> None:
    """Make a newly published entry findable (SQLite; PostgreSQL's column is generated)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {SQLITE_TABLE} (rowid, title, request_text, response_text) "
            "VALUES (%s, %s, %s, %s)",
            [
                publication.pk,
                publication.title,
                publication.request_text,
                publication.response_text,
            ],
        )


def unindex_publication(publication: Publication) -> None:
    """Stop an entry being found (it was corrected or withdrawn). FTS5 needs the indexed
    values to remove them, so they are passed back exactly."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {SQLITE_TABLE} ({SQLITE_TABLE}, rowid, title, request_text, "
            "response_text) VALUES ('delete', %s, %s, %s, %s)",
            [
                publication.pk,
                publication.title,
                publication.request_text,
                publication.response_text,
            ],
        )


def rebuild_index() -> int:
    """Index every public entry again from the stored publications; returns how many."""
    if connection.vendor != "sqlite":
        return Publication.objects.published().count()
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {SQLITE_TABLE} ({SQLITE_TABLE}) VALUES ('delete-all')")
        cursor.execute(
            f"INSERT INTO {SQLITE_TABLE} (rowid, title, request_text, response_text) "
            "SELECT id, title, request_text, response_text FROM disclosure_publication "
            "WHERE is_current AND withdrawn_at IS NULL"
        )
        return cursor.rowcount
