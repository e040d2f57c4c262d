"""Ranked full-text search of the disclosure log with the database's own engine.

SQLite: an FTS5 table over the publication's title, reference, request and response (an
*external content* table, so the text is stored once), ranked by BM25 with the title and the
reference weighted most. It holds the public entries only, kept so by triggers on the
publication table (migrations ``0003_search_triggers`` and ``0004_search_reference``):
whatever changes a row (publishing, a correction, a withdrawal, a deletion), the index follows
in the same transaction.

PostgreSQL: a stored generated ``tsvector`` column (title and reference weight A, request B,
response C) with a GIN index, queried with a ``tsquery`` built from the terms as
``query_terms`` reads them (``ParsedQuery.to_tsquery``) and ranked with ``ts_rank_cd``; being
generated, it can never be out of step with the row.

Both are created by migration ``0002_search``, with the reference added by
``0004_search_reference`` (so that "190A/23" or "190A-23" finds entry 190A/23), and
understand the same queries: words (all must match, stemmed), "a phrase", ``OR`` between
words, and ``-word`` to exclude, read the way ``websearch_to_tsquery`` reads them.

**The same words on both engines.** A query finds the same entries on either database
because the text and the query are cut into the same words:

- *At punctuation.* FTS5's ``unicode61`` tokenizer splits at every character that is not a
  letter or a digit; PostgreSQL's parser keeps some inside a token ("2023/24" is one token,
  "West-Midlands" the compound and its parts, "3.5" a number, "190A-23" is "190a" and
  "-23"). Migration ``0005_search_words`` passes each column through
  ``disclosure_search_text``, which turns punctuation, symbols and spaces into spaces before
  PostgreSQL parses it, and ``query_terms`` splits the search box's terms at the same
  characters; a term that was joined by punctuation ("2023/24", "West-Midlands") is searched
  for as a phrase ("2023 24", "west midlands"), so it finds "2023/24", "2023-24" and
  "West Midlands" alike, and "2023" finds "2023/24".
- *Stop words* ("the", "a", "and", "not": ``STOP_WORDS``, PostgreSQL's English list). Decided
  for a journalist: a stop word on its own is neither required nor excluding, so "the
  police", "NOT police" and "police -the" all search for "police", and "police NOT dogs" for
  "police" and "dogs" ("NOT" is a word here, as in ``websearch_to_tsquery``; "-dogs" leaves
  dogs out). In quotes it counts: "the police" in quotes finds "the police" and not "police
  in the county", and "chief of police" in quotes does not find "chief at police". A search
  of stop words only finds nothing, as on PostgreSQL before. Both indexes keep every word
  (FTS5 has no stop words; ``0005_search_words`` gives PostgreSQL ``disclosure_english``, its
  ``english`` configuration without the stop word list), and ``query_terms`` leaves the
  words out, the same for both.
- *Accents.* "cafe" finds "café" and "café" finds "cafe": FTS5 takes the accents off as it
  indexes (``remove_diacritics 2``); on PostgreSQL ``disclosure_search_text`` takes the same
  ones off (``ACCENTS``, the Latin letters FTS5 folds to an ASCII letter), and
  ``query_terms`` takes them off the terms. Letters without such a decomposition ("ß", "ø",
  "ł") are kept as they are on both.

Bounded work, so that a search for a word most entries contain stays fast on a log of a
million entries (``docs/performance.md``, "Disclosure log search"). The trade-off, the same on
both engines, shows only when a search matches more than ``COUNT_CAP`` (1,000) entries:

- **The count is capped.** Counting stops at 1,000: such a search reports ``total=1000``
  and ``capped=True`` (the log page says "More than 1,000 entries"), and its pages stop
  there (50 pages of 20).
- **It is not ranked: it lists the newest matches first** (highest id first), with one
  exception: on PostgreSQL, with a filter (year, outcome, ...) as well, the 1,000 listed
  are the first 1,000 matches the server finds (not necessarily the newest), newest
  first. Ranking
  every match is what cannot be bounded: BM25 needs each word's or phrase's document
  frequency, which FTS5 works out by visiting every row that contains it (a million for
  "police", and phrase positions for a quoted phrase), and ``ts_rank_cd`` reads each
  match's ``tsvector`` from TOAST (PostgreSQL spends 15-35 ms only counting 1,000
  matches). A search with at most 1,000 matches is counted exactly and ranked in full,
  best first, as before; narrowing a search (more words, a year, an outcome) gets it
  there.

``limit=None`` (the CSV export and the feed) is never capped: it counts every match and
ranks them all, best first, however long that takes.
"""

# The SQL below is built from module constants and Django's own compiled subqueries; every
# value a person typed is passed as a parameter.
# ruff: noqa: S608
from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from .models import Publication

SQLITE_TABLE = "disclosure_search"
#: BM25 weights for title, reference, request, response (the FTS5 table's columns in order).
SQLITE_WEIGHTS = (10.0, 10.0, 3.0, 1.0)
#: PostgreSQL's ``english`` text search configuration without its stop word list (migration
#: ``0005_search_words``): which words a search leaves out is ``STOP_WORDS``'s to decide.
PG_CONFIG = "disclosure_english"
#: Words a search ignores when they stand alone (module docstring): PostgreSQL's English stop
#: word list, ``tsearch_data/english.stop`` (Snowball's,
#: https://snowballstem.org/algorithms/english/stop.txt).
_STOP_WORDS = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against
    between into through during before after above below to from up down in out on off over
    under again further then once here there when where why how all any both each few more
    most other some such no nor not only own same so than too very s t can will just don
    should now
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
#: The Latin letters a search takes the accents off, and the ASCII letters they become, as
#: FTS5's ``remove_diacritics 2`` does on SQLite and migration ``0005_search_words``'s
#: ``disclosure_search_text`` on PostgreSQL (its ``ACCENTS``; change both together, with a
#: migration): each decomposes into an ASCII letter and combining marks.
ACCENTS = str.maketrans(
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠ"
    "ġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏ"
    "ǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉ"
    "ḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝ"
    "ṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ"
    "ẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ",
    "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgG"
    "gGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaI"
    "iOoUuUuUuUuUuAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyAaBbBbBbCc"
    "DdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRr"
    "RrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAaAa"
    "EeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy",
)
#: Counting stops here: a search with more matches reports "more than 1,000" and lists them
#: newest first instead of ranking them (module docstring).
COUNT_CAP = 1_000


@dataclass(frozen=True)
class SearchHits:
    """One page of matches, best first, and how many match in all (``capped``: at least
    ``total``, the count having stopped at ``COUNT_CAP``)."""

    ids: list[int]
    total: int
    capped: bool = False


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

    def to_tsquery(self) -> tuple[str, list[str]]:
        """The PostgreSQL ``tsquery``, as SQL and its parameters: each item a
        ``phraseto_tsquery`` (one word, or the words of a phrase in order), the alternatives of
        a group joined by ``||``, the groups by ``&&``, each excluded item ``&& !!``. Built from
        the terms as read here rather than by ``websearch_to_tsquery`` from the raw query, so
        that PostgreSQL searches for the very words SQLite does."""
        phrase = f"phraseto_tsquery('{PG_CONFIG}', %s)"
        parts = ["(" + " || ".join(phrase for _ in group) + ")" for group in self.groups]
        parts += [f"!!{phrase}" for _ in self.excluded]
        params = [item for group in self.groups for item in group] + list(self.excluded)
        return "(" + " && ".join(parts) + ")", params


_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
#: A word as both engines index it: letters and digits, split at anything else, so that
#: "2023/24" is "2023 24" and "West-Midlands" is "west midlands" (module docstring).
_WORD = re.compile(r"[^\W_]+")


def query_terms(query: str, *, as_typed: bool = False) -> ParsedQuery:
    """Words, "phrases", ``OR`` and ``-excluded`` from what someone typed, as the search box
    reads them. ``as_typed``: each term keeps its punctuation and case ("190A/23",
    "s31(1)(a)"), for a search that looks for the characters themselves; otherwise
    punctuation that is not part of a word is dropped and the terms are lower-cased, as the
    full-text engines see them. No input is an error.

    As ``websearch_to_tsquery`` (PostgreSQL's own reading of the box, which SQLite's search
    must match): "or" in any case between two terms is OR, and a "-" standing alone leaves
    out the term after it ("red - cameras" is "red -cameras").

    Not ``as_typed``, accents are taken off (``ACCENTS``) and a stop word standing alone is
    left out (``STOP_WORDS``, module docstring); in quotes, or joined to other words by
    punctuation ("west-of-england"), a stop word is part of a phrase and stays."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = pending_not = False
    for match in _TOKEN.finditer(query or ""):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.upper() == "OR":
                pending_or = bool(groups)
                continue
            if not bare.strip("-"):
                pending_not = True
                continue
            negate = "-" if bare.startswith("-") else ""
            phrase = bare.lstrip("-")
        if pending_not:
            negate, pending_not = "-", False
        if as_typed:
            item = " ".join((phrase or "").split())
        else:
            item = " ".join(_WORD.findall((phrase or "").translate(ACCENTS))).lower()
            if bare is not None and item in STOP_WORDS:
                item = ""  # neither required nor excluding (module docstring)
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
    filtered queryset of publications (year, topic, ...). ``limit=None``: every match.

    More than ``COUNT_CAP`` matches: ``total`` stops at ``COUNT_CAP``, ``capped`` is set and
    the matches come newest first, unranked (module docstring). ``limit=None`` counts and
    ranks every match."""
    parsed = query_terms(query)
    if not parsed.groups:
        return SearchHits([], 0)
    if connection.vendor == "postgresql":
        tsquery, tsquery_params = parsed.to_tsquery()
        # One query over the publication table with the filters applied to it directly (an
        # ``id IN (subquery)`` makes the planner join the table to itself).
        matching = (
            (within if within is not None else Publication.objects.all())
            .filter(is_current=True, withdrawn_at__isnull=True)
            .filter(
                RawSQL(  # noqa: S611 - the terms are parameters
                    f'"disclosure_publication"."search_document" @@ {tsquery}',
                    tsquery_params,
                    output_field=BooleanField(),
                )
            )
        )
        sql, params = matching.order_by().values("id").query.sql_with_params()
        source = _Source(
            base=sql[sql.index(" FROM ") + 1 :],
            params=list(params),
            rowid='"disclosure_publication"."id"',
            rank=f'ts_rank_cd("disclosure_publication"."search_document", {tsquery}) DESC',
            rank_params=tsquery_params,
            newest_cheap=False,
            narrowed=within is not None,
        )
    else:
        # ``+rowid``: the narrowing list is read once and probed for each match, rather than
        # each id in it being looked up in the FTS5 index.
        narrow, narrow_params = _within_sql(within, "+rowid")
        weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
        source = _Source(
            base=f"FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s{narrow}",
            params=[parsed.to_fts5(), *narrow_params],
            rowid="rowid",
            rank=f"bm25({SQLITE_TABLE}, {weights})",
            rank_params=[],
            newest_cheap=True,
            narrowed=within is not None,
        )
    return _bounded_search(source, limit, offset)


@dataclass(frozen=True)
class _Source:
    """One engine's matching condition and ranking expression, as SQL fragments."""

    base: str  # FROM ... WHERE ...
    params: list
    rowid: str
    rank: str  # an ORDER BY term, best first
    rank_params: list
    newest_cheap: bool  # the engine reads matches newest first at no extra cost
    narrowed: bool  # a filter (``within``) applies


def _bounded_search(source: _Source, limit: int | None, offset: int) -> SearchHits:
    """The search, with the count and the ranking work bounded (module docstring).

    1. The ids of at most ``COUNT_CAP + 1`` matches: on SQLite the newest (FTS5 walks its
       doclists by rowid in either direction), on PostgreSQL the first the server finds (a
       bitmap of the GIN index; asking for the newest would make it walk the primary key
       backwards, reading every row's ``tsvector`` until enough match).
    2. At most ``COUNT_CAP`` matches: the count is exact and all of them are ranked.
    3. More: newest first, unranked. SQLite already has them. PostgreSQL reads the page
       newest first along the primary key (quick without a filter: most rows it reads
       match); with a filter, that walk may pass a great many rows that match the words but
       not the filter (a year long ago), so it orders the ids it found in step 1 instead.
    """
    src = source
    base = src.base
    newest = f"ORDER BY {src.rowid} DESC"
    with connection.cursor() as cursor:
        if limit is None:
            cursor.execute(f"SELECT count(*) {base}", src.params)
            total, capped, found = cursor.fetchone()[0], False, []
        else:
            cursor.execute(
                f"SELECT {src.rowid} {base} {newest if src.newest_cheap else ''} LIMIT %s",
                [*src.params, COUNT_CAP + 1],
            )
            found = [row[0] for row in cursor.fetchall()]
            capped = len(found) > COUNT_CAP
            total = min(len(found), COUNT_CAP)
        if not total or offset >= total:
            return SearchHits([], total, capped)
        count = total - offset if limit is None else min(limit, total - offset)
        if capped and (src.newest_cheap or src.narrowed):
            ids = sorted(found, reverse=True)[:COUNT_CAP]
            return SearchHits(ids[offset : offset + count], total, capped)
        if capped:
            order, params = f"{src.rowid} DESC", src.params
        else:
            order, params = f"{src.rank}, {src.rowid} DESC", [*src.params, *src.rank_params]
        cursor.execute(
            f"SELECT {src.rowid} {base} ORDER BY {order} LIMIT %s OFFSET %s",
            [*params, count, offset],
        )
        return SearchHits([row[0] for row in cursor.fetchall()], total, capped)


def rebuild_index() -> int:
    """Index every public entry again from the stored publications; returns how many."""
    if connection.vendor != "sqlite":
        return Publication.objects.published().count()
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {SQLITE_TABLE} ({SQLITE_TABLE}) VALUES ('delete-all')")
        cursor.execute(
            f"INSERT INTO {SQLITE_TABLE} (rowid, title, reference, request_text, response_text) "
            "SELECT id, title, reference, request_text, response_text FROM disclosure_publication "
            "WHERE is_current AND withdrawn_at IS NULL"
        )
        return cursor.rowcount
