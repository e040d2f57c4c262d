"""Reads of the disclosure log. The public side is built on ``published`` only: stored,
already-redacted public versions, the current one of each entry, never a withdrawn one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet
from django.http import Http404

from foidesk.decisions.documents import provision_label

from . import search
from .models import FacetKind, OverallOutcome, Publication, Topic
from .services import FACETS_CACHE_KEY

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def published() -> QuerySet[Publication]:
    return Publication.objects.published()


@dataclass(frozen=True)
class LogFilters:
    """A search of the log, as the page, the feed, the CSV and the API all take it."""

    q: str = ""
    year: int | None = None
    topic: str = ""
    outcome: str = ""
    provision: str = ""
    ncnd: bool | None = None

    @property
    def narrows(self) -> bool:
        return bool(
            self.year or self.topic or self.outcome or self.provision or self.ncnd is not None
        )

    def as_query(self) -> dict[str, str]:
        """The filters as query-string parameters (empty ones left out)."""
        out = {
            "q": self.q,
            "year": str(self.year or ""),
            "topic": self.topic,
            "outcome": self.outcome,
            "provision": self.provision,
            "ncnd": "" if self.ncnd is None else ("yes" if self.ncnd else "no"),
        }
        return {k: v for k, v in out.items() if v}


def filtered(filters: LogFilters) -> QuerySet[Publication]:
    """Published entries matching the filters other than the words searched for."""
    return _narrowed(published(), filters)


def _search_within(filters: LogFilters) -> QuerySet[Publication] | None:
    """The filters as ``search.search``'s ``within``, or None. Without ``published()``: the
    search reads public entries only already (the FTS5 table holds no others; the PostgreSQL
    query tests for them), and on SQLite the list of ids with a year or an outcome then comes
    from that column's index alone instead of from a million rows."""
    return _narrowed(Publication.objects.all(), filters) if filters.narrows else None


def _narrowed(entries: QuerySet[Publication], filters: LogFilters) -> QuerySet[Publication]:
    if filters.year:
        entries = entries.filter(year=filters.year)
    if filters.topic:
        entries = entries.filter(topics__slug=filters.topic)
    if filters.outcome:
        entries = entries.filter(outcome=filters.outcome)
    if filters.provision:
        entries = entries.filter(facets__kind=FacetKind.PROVISION, facets__value=filters.provision)
    if filters.ncnd is not None:
        entries = entries.filter(ncnd=filters.ncnd)
    return entries


@dataclass
class LogPage:
    """One page of the log: the entries, how many match, and the words to highlight."""

    entries: list[Publication]
    total: int
    page: int
    page_size: int
    words: list[str] = field(default_factory=list)
    #: The search's count stopped at ``search.COUNT_CAP``: more than ``total`` match.
    capped: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def log_page(filters: LogFilters, *, page: int = 1, page_size: int = PAGE_SIZE) -> LogPage:
    """Newest first, or best match first when words are searched for."""
    page = max(1, page)
    offset = (page - 1) * page_size
    entries = filtered(filters)
    words: list[str] = []
    if filters.q.strip():
        hits = search.search(
            filters.q,
            within=_search_within(filters),
            limit=page_size,
            offset=offset,
        )
        by_id = published().prefetch_related("topics").in_bulk(hits.ids)
        found = [by_id[i] for i in hits.ids if i in by_id]
        words = search.query_terms(filters.q).words
        return LogPage(found, hits.total, page, page_size, words, capped=hits.capped)
    total = entries.count()
    rows = list(
        entries.order_by("-responded_on", "-published_at", "-id").prefetch_related("topics")[
            offset : offset + page_size
        ]
    )
    return LogPage(rows, total, page, page_size)


def all_matching(filters: LogFilters) -> QuerySet[Publication] | list[Publication]:
    """Every entry a search matches, for the CSV export and the feed, best first."""
    if not filters.q.strip():
        return filtered(filters).order_by("-responded_on", "-published_at", "-id")
    hits = search.search(filters.q, within=_search_within(filters), limit=None)
    by_id = published().prefetch_related("topics").in_bulk(hits.ids)
    return [by_id[i] for i in hits.ids if i in by_id]


def entry(slug: str, version: int | None = None) -> Publication:
    """A public entry by its address; 404 if it was never published or was withdrawn. An
    address typed in another case ("190a-23") finds the one entry it can only mean; the views
    send the reader on to its own address (``views.log.entry``)."""
    entries = published().prefetch_related("topics", "attachments")
    current = entries.filter(slug=slug).first()
    if current is None:
        alike = list(entries.filter(slug__iexact=slug)[:2])
        current = alike[0] if len(alike) == 1 else None
    if current is None:
        raise Http404("No such entry in the disclosure log")
    if version is None or version == current.version:
        return current
    earlier = (
        Publication.objects.filter(
            request_id=current.request_id,
            version=version,
            is_current=False,
            withdrawn_at__isnull=True,
        )
        .prefetch_related("topics", "attachments")
        .first()
    )
    if earlier is None:
        raise Http404("No such version of this entry")
    return earlier


def versions(publication: Publication) -> list[Publication]:
    """Every public version of the entry, newest first (for the corrections list); a
    withdrawn one is never listed."""
    return list(
        Publication.objects.filter(request_id=publication.request_id, withdrawn_at__isnull=True)
        .order_by("-version")
        .only("id", "version", "published_at", "correction_note", "slug", "is_current")
    )


def snippet(entry: Publication, words: list[str], *, width: int = 220) -> str:
    """A stretch of the entry's text around the first word searched for."""
    text = " ".join(f"{entry.request_text} {entry.response_text}".split())
    if not text:
        return ""
    start = 0
    for word in words:
        found = re.search(rf"\b{re.escape(word[:5])}", text, re.IGNORECASE)
        if found:
            start = max(0, found.start() - width // 3)
            # Begin at a word, not inside one.
            if start:
                space = text.find(" ", start)
                start = space + 1 if 0 <= space < found.start() else found.start()
            break
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


@dataclass(frozen=True)
class FacetOptions:
    years: list[int]
    topics: list[tuple[str, str]]
    outcomes: list[tuple[str, str]]
    provisions: list[tuple[str, str]]


def _distinct(table: str, column: str, where: str = "", params: tuple = ()) -> list[Any]:
    """The distinct values of an indexed column, read by jumping through the index one value
    at a time (a "loose index scan"): a few dozen index seeks instead of reading a million
    rows. Works the same on SQLite and PostgreSQL."""
    condition = f"{where} AND " if where else ""
    # Table and column names are this module's constants; values are parameters.
    sql = (
        f"WITH RECURSIVE found(v) AS ("  # noqa: S608
        f"SELECT MIN({column}) FROM {table} WHERE {condition}{column} IS NOT NULL "
        f"UNION ALL SELECT (SELECT MIN({column}) FROM {table} "
        f"WHERE {condition}{column} > found.v) FROM found WHERE found.v IS NOT NULL"
        f") SELECT v FROM found WHERE v IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *params])
        return [row[0] for row in cursor.fetchall()]


def _facets() -> dict[str, Any]:
    """Every year, topic and provision some public entry has."""
    live = published()
    years = [
        year
        for year in _distinct("disclosure_publication", "year")
        if live.filter(year=year).exists()
    ]
    topic_ids = [
        topic_id
        for topic_id in _distinct("disclosure_publication_topics", "topic_id")
        if live.filter(topics=topic_id).exists()
    ]
    topics = list(
        Topic.objects.filter(pk__in=topic_ids).order_by("name").values_list("slug", "name")
    )
    provisions = [
        value
        for value in _distinct(
            "disclosure_publicationfacet", "value", "kind = %s", (FacetKind.PROVISION.value,)
        )
        if live.filter(facets__kind=FacetKind.PROVISION, facets__value=value).exists()
    ]
    return {"years": sorted(years, reverse=True), "topics": topics, "provisions": provisions}


def facet_options(*, fresh: bool = False) -> FacetOptions:
    """The choices for the filters: only values that published entries have. Cached for five
    minutes (a publication or withdrawal clears this process's copy); ``fresh`` reads them
    again, for when another server process has published since."""
    if fresh:
        cache.delete(FACETS_CACHE_KEY)
    data = cache.get_or_set(FACETS_CACHE_KEY, _facets, 300)
    return FacetOptions(
        years=data["years"],
        topics=[tuple(t) for t in data["topics"]],
        outcomes=list(OverallOutcome.choices),
        provisions=[(p, provision_label(p)) for p in data["provisions"]],
    )
