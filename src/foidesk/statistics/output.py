"""Publishing a suppressed table: CSV and XLSX.

The files go out to the world (a disclosure under FOIA is to the world, UK-FOI-RULES.md D6),
so they carry only what is shown: markers, never withheld values, and the public reason for
each withheld figure; not even how many records the source holds, which is the grand total when
every record is counted. They are also made to pass the outgoing-file safety scan: no formulas
(no cell starts with ``=``, ``+``, ``-`` or ``@``, so no spreadsheet reads one as a formula),
no hidden sheets, rows or columns, no comments, no defined names, and no author, editor or
title in the document's properties (the authority is named on the sheets instead).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from openpyxl import Workbook
from openpyxl.styles import Font

from foidesk.safety.delimited import spreadsheet_safe, xml_safe
from foidesk.statistics.definition import Schema
from foidesk.statistics.describe import definition_in_words, describe
from foidesk.statistics.suppression import SuppressedTable

_CELL_LIMIT = 32_000  # Excel holds 32,767 characters in a cell


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where the figures came from, for the caveats and provenance sheet. ``source`` goes out
    as it is: the data set and its file or table, never a connection URL or a path on the
    server (``Dataset.public_source``)."""

    source: str
    extracted: date | datetime
    authority: str = ""
    reference: str = ""
    schema: Schema | None = None


def _safe(value: str | int) -> str | int:
    return spreadsheet_safe(value) if isinstance(value, str) else value


def to_csv(suppressed: SuppressedTable) -> bytes:
    """The table as shown, as UTF-8 CSV without a byte-order mark (header row first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in suppressed.grid():
        writer.writerow([_safe(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def _extracted_words(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d %B %Y at %H:%M").lstrip("0")
    return value.strftime("%d %B %Y").lstrip("0")


def _put(sheet, row: int, column: int, value: str | int, *, bold: bool = False) -> None:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        # (openpyxl refuses the characters XML cannot hold.)
        cell.value = spreadsheet_safe(xml_safe(value))
        cell.data_type = "s"  # never a formula, whatever the text
    else:
        cell.value = value
    if bold:
        cell.font = Font(bold=True)


def to_xlsx(suppressed: SuppressedTable, *, provenance: Provenance) -> bytes:
    """The table as an XLSX workbook: sheets "Table", "Notes" and "Caveats and provenance"."""
    table = suppressed.table
    policy = suppressed.policy
    schema = provenance.schema
    workbook = Workbook()
    # No author, last editor or title in the file's properties: the outgoing-file scan
    # (foidesk.safety) treats any name there as an error and a title as a note to check; the
    # authority and the title are on the sheets instead.
    props = workbook.properties
    props.creator = None
    props.lastModifiedBy = None
    props.title = None
    stamp = (
        provenance.extracted
        if isinstance(provenance.extracted, datetime)
        else datetime.combine(provenance.extracted, time(0), tzinfo=UTC)
    )
    props.created = stamp.replace(tzinfo=None)
    props.modified = stamp.replace(tzinfo=None)

    sheet = workbook.active
    sheet.title = "Table"
    _put(sheet, 1, 1, describe(table.definition, schema), bold=True)
    markers = []
    if suppressed.suppressed:
        markers.append(
            f"{policy.marker} means a small count withheld"
            + (
                f"; {policy.secondary_marker} a count withheld to protect it"
                if any(e.suppression == "secondary" for e in suppressed.suppressed)
                else ""
            )
            + ". The Notes sheet explains each one."
        )
    if policy.rounding:
        markers.append(f"Figures are rounded to the nearest {policy.rounding}.")
    _put(sheet, 2, 1, " ".join(markers) or "No figures are withheld.")
    start = 4
    for r, row in enumerate(suppressed.grid()):
        for c, value in enumerate(row):
            _put(sheet, start + r, c + 1, value, bold=r == 0)
    sheet.column_dimensions["A"].width = 24
    for c in range(2, len(suppressed.header()) + 1):
        sheet.column_dimensions[sheet.cell(row=start, column=c).column_letter].width = 16

    notes = workbook.create_sheet("Notes")
    _put(notes, 1, 1, "Figures withheld", bold=True)
    withheld = suppressed.suppressed
    if withheld:
        for c, heading in enumerate(("Figure", "Shown as", "Why"), start=1):
            _put(notes, 3, c, heading, bold=True)
        for i, entry in enumerate(withheld, start=4):
            _put(notes, i, 1, entry.location)
            _put(notes, i, 2, str(entry.shown))
            _put(notes, i, 3, entry.public_reason)
        after = 4 + len(withheld)
    else:
        _put(notes, 3, 1, "No figures are withheld.")
        after = 4
    for i, caveat in enumerate(suppressed.caveats, start=after + 1):
        _put(notes, i, 1, caveat)
    notes.column_dimensions["A"].width = 36
    notes.column_dimensions["B"].width = 10
    notes.column_dimensions["C"].width = 90

    about = workbook.create_sheet("Caveats and provenance")
    items: list[tuple[str, str | int]] = [
        ("Table", describe(table.definition, schema)),
    ]
    if provenance.authority:
        items.append(("Authority", provenance.authority))
    if provenance.reference:
        items.append(("Request", provenance.reference))
    # Not the number of records read: where every record is counted it is the grand total,
    # and it would give that total away wherever the table withholds it.
    items += [
        ("Source", provenance.source),
        ("Date extracted", _extracted_words(provenance.extracted)),
    ]
    items += [("Definition", line) for line in definition_in_words(table.definition, schema)]
    items += [("Suppression policy", line) for line in policy.in_words()]
    if policy.name:
        items.append(("Policy name", policy.name))
    items += [("Caveat", line) for line in suppressed.caveats]
    definition_json = table.definition.to_json()
    for k in range(0, len(definition_json), _CELL_LIMIT):
        items.append(("Definition (JSON)", definition_json[k : k + _CELL_LIMIT]))
    _put(about, 1, 1, "Caveats and provenance", bold=True)
    for i, (label, value) in enumerate(items, start=3):
        _put(about, i, 1, label, bold=True)
        _put(about, i, 2, value)
    about.column_dimensions["A"].width = 30
    about.column_dimensions["B"].width = 100

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
