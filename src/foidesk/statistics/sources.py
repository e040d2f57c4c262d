"""Reading a data set from a CSV or XLSX file or a database table, into columns and rows.

Plain Python (no Django): the Django app stores what this returns. A source is read into a
:class:`Source`: column names (made from the headings: ``Date closed`` becomes
``date_closed``, the heading kept as the label), rows of raw text (``None`` for a blank) and the
kinds inferred from the values. Raw text, not typed values, is what is kept: the officer may
correct a kind, and the core's normalisers (:mod:`foidesk.statistics.values`) read text of
every kind. Dates written the British way (``31/03/2023``) are rewritten as ISO dates
(``2023-03-31``), because that is what the core reads and what an export from a UK case system
means by them.

Anything that is not a readable table raises :class:`SourceError` with a message for the
officer; nothing is guessed.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import sqlite3
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from typing import IO, Any
from urllib.parse import SplitResult, urlsplit, urlunsplit

from foidesk.statistics.definition import Column, ColumnKind, Schema
from foidesk.statistics.periods import UK, to_date

MAX_BYTES = 200 * 1024 * 1024
MAX_ROWS = 2_000_000
MAX_COLUMNS = 500
#: The longest value kept: the snapshot is read back with Python's CSV reader, which refuses a
#: field over 131,072 characters (as it does in an uploaded CSV file).
MAX_VALUE_CHARS = 100_000
#: Share of rows that may be shorter than the header (padded with blanks) before the file is
#: refused as ragged: a few short lines are what spreadsheets export for trailing blanks.
RAGGED_TOLERANCE = 0.05
_ENCODINGS = ("utf-8-sig", "cp1252")
_TRUE = {"true", "yes", "y", "t"}
_FALSE = {"false", "no", "n", "f"}
_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?", re.IGNORECASE
)
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?")


class SourceError(ValueError):
    """A source that cannot be registered; the message says why, for the officer."""


@dataclass(frozen=True, slots=True)
class Source:
    """A data set as read: its schema (kinds inferred), its rows as raw text.

    ``source_name`` is where it was read from, for staff: the file name (and sheet), or the
    connection URL without its password and the table. ``file_or_table`` is all of that which
    may go out with a published table: the file name without any folder, or the table or view
    (``psd.cases``); never a URL, user, host, database or path on the server."""

    schema: Schema
    rows: list[tuple[str | None, ...]]
    source_name: str
    file_or_table: str


def bare_file_name(name: str) -> str:
    """``C:\\Exports\\psd.csv`` or ``/srv/exports/psd.csv`` as ``psd.csv``: the folders a file
    name may carry (a browser's upload, a path given to a command) are the sender's or the
    server's, not the data's."""
    return re.split(r"[\\/]", name.strip())[-1].strip()


# --- names and kinds ------------------------------------------------------------------------


def column_name(heading: str) -> str:
    """``Date closed`` becomes ``date_closed``: lower case, runs of anything else as ``_``."""
    name = re.sub(r"[^0-9a-z]+", "_", heading.strip().lower()).strip("_")
    if name and name[0].isdigit():
        name = f"c_{name}"
    return name


def _columns(headings: list[Any]) -> list[tuple[str, str]]:
    """(name, label) per heading; refuses blank or repeated headings."""
    if not headings or all(as_text(h) is None for h in headings):
        raise SourceError("The first row must hold the column headings, and it is empty")
    if len(headings) > MAX_COLUMNS:
        raise SourceError(f"The data set has {len(headings)} columns; at most {MAX_COLUMNS}")
    out: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for i, heading in enumerate(headings, start=1):
        label = as_text(heading)
        if label is None:
            raise SourceError(f"Column {i} has no heading: every column needs one")
        name = column_name(label)
        if not name:
            raise SourceError(f"The heading of column {i} ({label!r}) has no letters or digits")
        if name in seen:
            raise SourceError(f"Two columns have the same heading: {seen[name]!r} and {label!r}")
        seen[name] = label
        out.append((name, label))
    return out


def as_text(value: Any) -> str | None:
    """A raw value as text: dates as ISO (a moment with an offset in UK time, without it),
    whole floats without ``.0``; ``None`` for a blank."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.utcoffset() is not None:  # a moment (PostgreSQL's timestamptz): UK time
            value = value.astimezone(UK).replace(tzinfo=None)
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def _uk_date(text: str) -> str | None:
    m = _UK_DATE.fullmatch(text)
    if not m:
        return None
    try:
        return date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return None


def _is_number(text: str) -> bool:
    cleaned = text.replace(",", "")
    try:
        float(cleaned)
    except ValueError:
        return False
    return cleaned.lower() not in {"nan", "inf", "-inf", "infinity", "-infinity", "+inf"}


def _is_date(text: str) -> bool:
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        to_date(text)
    except ValueError:
        return False
    return True


def infer_kind(values: Iterable[str | None]) -> ColumnKind:
    """The kind every non-blank value can be read as: date, then yes/no, then number, else
    text. A column of 0s and 1s is a number (it may be a count); of Y and N, yes/no."""
    possible = {ColumnKind.DATE, ColumnKind.BOOL, ColumnKind.NUMBER}
    seen = False
    for value in values:
        if value is None:
            continue
        seen = True
        if ColumnKind.DATE in possible and not _is_date(value):
            possible.discard(ColumnKind.DATE)
        if ColumnKind.BOOL in possible and value.lower() not in _TRUE | _FALSE:
            possible.discard(ColumnKind.BOOL)
        if ColumnKind.NUMBER in possible and not _is_number(value):
            possible.discard(ColumnKind.NUMBER)
        if not possible:
            return ColumnKind.TEXT
    if not seen:
        return ColumnKind.TEXT
    for kind in (ColumnKind.DATE, ColumnKind.BOOL, ColumnKind.NUMBER):
        if kind in possible:
            return kind
    return ColumnKind.TEXT


def _build(
    headings: list[Any],
    raw_rows: Iterator[list[Any]],
    source_name: str,
    *,
    file_or_table: str,
    where: str,
) -> Source:
    columns = _columns(headings)
    width = len(columns)
    rows: list[tuple[str | None, ...]] = []
    short = 0
    for line, raw in enumerate(raw_rows, start=2):
        values = [as_text(v) for v in raw]
        if len(values) > width:
            extra = values[width:]
            if any(v is not None for v in extra):
                raise SourceError(
                    f"{where} {line} has {len(values)} values but there are {width} column "
                    "headings: check for a missing heading or an unquoted comma"
                )
            values = values[:width]
        if all(v is None for v in values):
            continue  # a blank line
        if max(map(len, filter(None, values)), default=0) > MAX_VALUE_CHARS:
            label, v = next(
                (label, v)
                for (_, label), v in zip(columns, values, strict=False)
                if v and len(v) > MAX_VALUE_CHARS
            )
            raise SourceError(
                f"{where} {line} has a value of {len(v):,} characters in {label}; at most "
                f"{MAX_VALUE_CHARS:,}: leave long text such as notes out of the data set"
            )
        if len(values) < width:
            short += 1
            values += [None] * (width - len(values))
        rows.append(tuple(values))
        if len(rows) > MAX_ROWS:
            raise SourceError(f"The data set has more than {MAX_ROWS:,} rows")
    if not rows:
        raise SourceError("The data set has headings but no rows")
    if short > max(1, len(rows) * RAGGED_TOLERANCE):
        raise SourceError(
            f"{short:,} of {len(rows):,} rows have fewer values than there are column headings: "
            "the file does not look like one table"
        )
    # British dates: a column whose every non-blank value is dd/mm/yyyy is rewritten as ISO.
    for c in range(width):
        values = [r[c] for r in rows if r[c] is not None]
        if values and all(_uk_date(v) for v in values):
            for i, r in enumerate(rows):
                if r[c] is not None:
                    rows[i] = (*r[:c], _uk_date(r[c]), *r[c + 1 :])
    kinds = [infer_kind(r[c] for r in rows) for c in range(width)]
    schema = Schema(
        tuple(Column(name, kind, label) for (name, label), kind in zip(columns, kinds, strict=True))
    )
    return Source(schema=schema, rows=rows, source_name=source_name, file_or_table=file_or_table)


# --- CSV --------------------------------------------------------------------------------------


def _decoded(data: IO[bytes]) -> io.TextIOBase:
    """The file as text in the first encoding that reads all of it (UTF-8, then Windows)."""
    head = data.read(8192)
    if head.startswith(b"PK\x03\x04"):
        raise SourceError("The file is not a CSV file: it is a zip archive (is it an XLSX file?)")
    if b"\x00" in head:
        raise SourceError("The file is not a CSV file: it holds binary data")
    for encoding in _ENCODINGS:
        data.seek(0)
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            while chunk := data.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        data.seek(0)
        return io.TextIOWrapper(data, encoding=encoding, newline="")
    raise SourceError("The file's text cannot be read: save it as UTF-8 CSV and try again")


def read_csv(data: IO[bytes], *, name: str) -> Source:
    """A CSV file (comma, semicolon, tab or bar separated; UTF-8 or Windows-1252)."""
    text = _decoded(data)
    sample = text.read(65536)
    text.seek(0)
    if not sample.strip():
        raise SourceError("The file is empty")
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(text, dialect)
    try:
        headings = next(reader, None)
        if headings is None:
            raise SourceError("The file is empty")
        return _build(headings, reader, name, file_or_table=bare_file_name(name), where="Line")
    except csv.Error as exc:
        raise SourceError(f"The file is not a readable CSV file: {exc}") from None
    finally:
        text.detach()


# --- XLSX -------------------------------------------------------------------------------------


def read_xlsx(data: IO[bytes], *, name: str, sheet: str = "") -> Source:
    """The first sheet of an XLSX workbook (or the one named), headings in its first row."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not zipfile.is_zipfile(data):
        raise SourceError("The file is not an XLSX workbook")
    data.seek(0)
    try:
        return _read_workbook(load_workbook, data, name=name, sheet=sheet)
    except SourceError:
        raise
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SourceError(f"The file is not an XLSX workbook ({exc.__class__.__name__})") from None
    except Exception as exc:  # noqa: BLE001 - a broken part surfaces as its parser's error
        # openpyxl reads the parts as it goes: malformed XML (lxml's or ElementTree's errors),
        # a sheet the workbook lists but does not hold, a shared string that is not there.
        raise SourceError(
            f"The file is not an XLSX workbook that can be read ({exc.__class__.__name__})"
        ) from None


def _read_workbook(load_workbook, data: IO[bytes], *, name: str, sheet: str) -> Source:
    workbook = load_workbook(data, read_only=True, data_only=True)
    try:
        if not workbook.worksheets:
            raise SourceError("The workbook has no sheets")
        if sheet:
            if sheet not in workbook.sheetnames:
                raise SourceError(
                    f"The workbook has no sheet called {sheet!r}; its sheets are "
                    + ", ".join(workbook.sheetnames)
                )
            ws = workbook[sheet]
        else:
            ws = workbook.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        headings = next(rows, None)
        if headings is None:
            raise SourceError("The sheet is empty")
        headings = list(headings)
        while headings and headings[-1] is None:
            headings.pop()  # formatting can stretch a sheet's width past its headings
        return _build(
            headings,
            (list(r) for r in rows),
            f"{name}, sheet {ws.title}",
            file_or_table=bare_file_name(name),
            where="Row",
        )
    finally:
        workbook.close()


# --- a database table or view -----------------------------------------------------------------


def redact_url(url: str) -> str:
    """The connection URL without its password, fit to be stored and shown."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))


def url_parts(url: str) -> SplitResult:
    """The connection URL taken apart; ``SourceError`` when it cannot be ("Port out of range",
    libpq's "host1:5432,host2", an unclosed "[")."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - read to check it
    except ValueError as exc:
        raise SourceError(f"The connection URL cannot be read: {exc}") from None
    return parts


def sqlite_file(url: str) -> PurePosixPath:
    """The file a ``sqlite:///`` URL names, made absolute and with ``..`` resolved. Nothing may
    follow the path: a ``?``, ``#`` or ``%`` would let the URL say more than which file (SQLite
    reads ``?mode=`` and ``%``-escapes in a URI), so it is refused."""
    url = url.strip()
    if not url.startswith("sqlite:///") or len(url) == len("sqlite:///"):
        raise SourceError("A SQLite URL names a file: sqlite:////path/to/file.db")
    path = url[len("sqlite:///") :]
    if any(c in path for c in "?#%"):
        raise SourceError("A SQLite URL names a file and nothing else: no ?, # or % in it")
    return PurePosixPath(os.path.realpath(path))


def database_allowed(url: str, allowed: str) -> bool:
    """Whether the connection URL ``url`` is one that the administrator's entry ``allowed``
    (from ``FOIDESK_DATASET_DATABASES``) lets officers read.

    SQLite: ``sqlite:///`` allows any file, ``sqlite:////srv/exports/`` (a folder, or ending
    ``/``) the files in that folder and below it, anything else that one file; paths are
    compared once resolved,
    so ``..`` and links lead nowhere else. PostgreSQL: each part the entry gives (user, host,
    port, database) must be the same in ``url``, and its options (``?sslmode=...``) exactly the
    entry's, since options such as ``?host=`` or ``?dbname=`` would choose another database.
    """
    given, entry = urlsplit(url.strip()), urlsplit(allowed.strip())
    family = {"sqlite": "sqlite", "postgres": "postgresql", "postgresql": "postgresql"}
    if family.get(given.scheme.lower()) != family.get(entry.scheme.lower(), "-"):
        return False
    if given.scheme.lower() == "sqlite":
        file = sqlite_file(url)
        folder = allowed.strip()[len("sqlite:///") :]
        if not folder:
            return True
        if folder.endswith("/") or os.path.isdir(folder):
            return file.is_relative_to(os.path.realpath(folder))
        return file == PurePosixPath(os.path.realpath(folder))
    if given.fragment or given.query != entry.query:
        return False
    try:
        wanted = (entry.username, entry.hostname, entry.port, entry.path.strip("/"))
        got = (given.username, given.hostname, given.port, given.path.strip("/"))
    except ValueError:
        return False  # "Port out of range", "host1:5432,host2": not one server named plainly
    if not entry.netloc and wanted[3] and (got[1] is not None or got[2] is not None):
        # "postgresql:///psd" is psd on this machine's socket, not psd on any server.
        return False
    return all(w in (None, "") or w == g for w, g in zip(wanted, got, strict=True))


def _quoted(table: str) -> str:
    if not _IDENTIFIER.fullmatch(table):
        raise SourceError(
            "The table or view name must be a plain name (letters, digits and _), optionally "
            "with its schema: cases or psd.cases"
        )
    return ".".join(f'"{part}"' for part in table.split("."))


#: Said when a database turns out to hold a table that marks it as not to be read.
REFUSED_DATABASE = "foidesk's own database cannot be registered as a data set"


def read_database(url: str, table: str, *, refuse_with: Iterable[str] = ()) -> Source:
    """Every row of ``table`` (a table or view), read through a read-only connection.

    ``sqlite:///relative/path.db`` or ``sqlite:////absolute/path.db`` through the standard
    library; ``postgresql://user:password@host/db`` through psycopg. Nothing else is accepted.
    A database holding any table named in ``refuse_with`` (in any schema) is not read at all:
    whatever the URL calls it, it is that database or a copy of it.
    """
    quoted = _quoted(table.strip())
    url = url.strip()
    scheme = url_parts(url).scheme.lower()
    shown = f"{redact_url(url)}, table {table.strip()}"
    if scheme == "sqlite":
        return _read_sqlite(url, table.strip(), quoted, shown, tuple(refuse_with))
    if scheme in ("postgres", "postgresql"):
        return _read_postgres(url, table.strip(), quoted, shown, tuple(refuse_with))
    raise SourceError("The connection URL must start sqlite:/// or postgresql://")


def _read_sqlite(url: str, table: str, quoted: str, shown: str, refuse: tuple[str, ...]) -> Source:
    path = Path(sqlite_file(url))
    try:
        # as_uri() escapes the path, so nothing in it can add to the read-only option.
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise SourceError(f"The database cannot be opened: {exc}") from None
    try:
        for name in refuse:
            if connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone():
                raise SourceError(REFUSED_DATABASE)
        found = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (table,)
        ).fetchone()
        if not found:
            raise SourceError(f"The database has no table or view called {table}")
        cursor = connection.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - name checked
        headings = [d[0] for d in cursor.description]
        return _build(headings, _batches(cursor), shown, file_or_table=table, where="Row")
    except sqlite3.Error as exc:
        raise SourceError(f"The database cannot be read: {exc}") from None
    finally:
        connection.close()


def _read_postgres(
    url: str, table: str, quoted: str, shown: str, refuse: tuple[str, ...]
) -> Source:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        raise SourceError("PostgreSQL is not available here") from None
    try:
        with psycopg.connect(url, connect_timeout=10) as connection:
            connection.read_only = True
            if (
                refuse
                and connection.execute(
                    # pg_class lists every table, whatever the connecting role may read (the
                    # information schema shows only those it has a privilege on).
                    "SELECT 1 FROM pg_catalog.pg_class WHERE relname = ANY(%s)"
                    " AND relkind IN ('r', 'p')",
                    (list(refuse),),
                ).fetchone()
            ):
                raise SourceError(REFUSED_DATABASE)
            with connection.cursor(name="foidesk_statistics") as cursor:
                cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - name checked
                rows = cursor.fetchmany(1)
                headings = [d.name for d in cursor.description or ()]

                def all_rows() -> Iterator[list[Any]]:
                    yield from (list(r) for r in rows)
                    yield from _batches(cursor)

                return _build(headings, all_rows(), shown, file_or_table=table, where="Row")
    except psycopg.Error as exc:
        raise SourceError(f"The database cannot be read: {str(exc).strip()}") from None


def _batches(cursor: Any) -> Iterator[list[Any]]:
    while batch := cursor.fetchmany(10_000):
        yield from (list(r) for r in batch)


# --- the stored snapshot ----------------------------------------------------------------------


def snapshot_csv(source: Source, out: IO[bytes]) -> None:
    """Write the rows as UTF-8 CSV, the column names as the header, a blank as empty."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(source.schema.names)
    writer.writerows(("" if v is None else v for v in row) for row in source.rows)
    text.flush()
    text.detach()


def read_snapshot(data: bytes) -> tuple[tuple[str, ...], tuple[tuple[str | None, ...], ...]]:
    """The header and rows of a snapshot written by :func:`snapshot_csv`."""
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    header = tuple(next(reader, ()))
    rows = tuple(tuple(v if v != "" else None for v in row) for row in reader)
    return header, rows


def check_kinds(schema: Schema, rows: Iterable[tuple[str | None, ...]]) -> None:
    """Raise :class:`SourceError` naming the first value that cannot be read as its column's
    kind (after the officer corrects a kind)."""
    from foidesk.statistics.values import normaliser

    readers = [normaliser(c.kind) for c in schema.columns]
    for line, row in enumerate(rows, start=2):
        for column, read, value in zip(schema.columns, readers, row, strict=True):
            try:
                read(value)
            except ValueError as exc:
                raise SourceError(
                    f"{column.label} cannot be {column.kind}: row {line} has {exc}"
                ) from None
