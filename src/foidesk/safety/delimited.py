"""Checking CSV and plain text files.

A CSV cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is run as a
formula when the recipient opens the file in a spreadsheet: "CSV injection" can fetch remote
content or run commands (OWASP, https://owasp.org/www-community/attacks/CSV_Injection). The
authority must not publish a file that attacks its reader, whoever typed the cell.
"""

from __future__ import annotations

import csv
import io
import re

from foidesk.safety.report import Collector, Where

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A plain negative number is data, not a formula: -5, -3.2, -0.75.
NEGATIVE_NUMBER = re.compile(r"-\d+(?:\.\d+)?")
ENCODINGS = ("utf-8-sig", "cp1252")


def decode(data: bytes) -> str | None:
    """The text of the file, trying UTF-8 (with or without a byte-order mark), then Windows
    code page 1252 (what Excel on Windows saves); ``None`` if neither fits."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def is_formula_injection(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS) and NEGATIVE_NUMBER.fullmatch(cell) is None


def spreadsheet_safe(value: str) -> str:
    """Text that no spreadsheet will run as a formula, for the files foidesk writes (the
    disclosure log's CSV export, statistics tables): a leading ``= + - @``, tab or line break
    gets an apostrophe in front, as OWASP advises. Applied to text only; numbers are written
    as numbers."""
    return "'" + value if value.startswith((*FORMULA_STARTS, "\n")) else value


#: Characters XML 1.0 cannot hold, so neither a Word document nor a worksheet can (C0 controls
#: but tab and the line ends, lone surrogates and the two non-characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """``value`` fit for the XML of the Word and Excel files foidesk writes: a vertical tab
    (Word's manual line break) or form feed (a page break in pasted text) becomes a line break,
    and the other characters XML cannot hold are left out."""
    return _NOT_XML.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", value)


def check_undecodable(text: str | None, found: Collector) -> bool:
    """A file that cannot be read as text cannot be checked for personal data."""
    if text is None:
        found.error(
            "undecodable_text",
            Where(),
            "The file is not valid UTF-8 or Windows-1252 text, so it cannot be checked. Save "
            "it as CSV UTF-8 and attach it again.",
        )
        return False
    return True


def rows(text: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return [line.split(",") for line in text.splitlines()]


def check_formula_injection(table: list[list[str]], found: Collector) -> None:
    """Each cell the recipient's spreadsheet would run as a formula."""
    for r, row in enumerate(table, start=1):
        for c, cell in enumerate(row, start=1):
            if is_formula_injection(cell):
                found.error(
                    "formula_injection",
                    Where(row=r, column=c),
                    f"The cell starts with '{cell[:1]!s}' ({cell[:30]!r}); a spreadsheet opening "
                    "the CSV runs it as a formula, which can attack the recipient. Remove the "
                    "character or put an apostrophe before it.",
                )


def scan_csv(data: bytes, found: Collector) -> list[tuple[Where, str]]:
    text = decode(data)
    if not check_undecodable(text, found):
        return []
    assert text is not None  # noqa: S101 (narrowing for the type checker)
    table = rows(text)
    check_formula_injection(table, found)
    return [
        (Where(row=r, column=c), cell)
        for r, row in enumerate(table, start=1)
        for c, cell in enumerate(row, start=1)
    ]


def scan_text(data: bytes, found: Collector) -> list[tuple[Where, str]]:
    text = decode(data)
    if not check_undecodable(text, found):
        return []
    assert text is not None  # noqa: S101
    return [(Where(row=n), line) for n, line in enumerate(text.splitlines(), start=1)]
