"""Checking OpenDocument spreadsheets (ODS), read straight from ``content.xml`` and
``meta.xml``.

The same risks as in Excel workbooks (see ``foidesk.safety.xlsx``): hidden sheets, rows and
columns, filtered rows, comments (annotations), formulas, links to other files, named ranges
over hidden data, values far from the table, and the author in the properties. foidesk does
not clean ODS files: the findings say what to fix in LibreOffice, or save as XLSX and clean.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element  # noqa: S405 (only the type; parsing is defusedxml)

from foidesk.safety import grid
from foidesk.safety.package import Package
from foidesk.safety.report import Collector, FileRefused, Limits, Where

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
HIDDEN = {"collapse", "collapsed", "hidden"}
#: Rows repeated more than this are empty padding; their content is not expanded.
MAX_REPEAT = 1000


@dataclass
class OdsCell:
    row: int
    col: int
    text: str
    formula: str | None
    annotation: str | None


@dataclass
class OdsSheet:
    name: str
    hidden: bool
    cells: list[OdsCell] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    filtered_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    linked: str | None = None


def _paragraphs(cell: Element) -> str:
    return "\n".join("".join(p.itertext()) for p in cell if p.tag == f"{TEXT}p")


def _repeat(el: Element, attr: str) -> int:
    try:
        return max(1, int(el.get(f"{TABLE}{attr}", "1")))
    except ValueError:
        return 1


def read_sheets(root: Element) -> list[OdsSheet]:
    hidden_styles = {
        st.get(f"{STYLE}name")
        for st in root.iter(f"{STYLE}style")
        if st.get(f"{STYLE}family") == "table"
        and any(p.get(f"{TABLE}display") == "false" for p in st.iter(f"{STYLE}table-properties"))
    }
    sheets = []
    for table in root.iter(f"{TABLE}table"):
        sheet = OdsSheet(
            name=table.get(f"{TABLE}name", ""),
            hidden=table.get(f"{TABLE}style-name") in hidden_styles,
        )
        source = table.find(f"{TABLE}table-source")
        if source is not None:
            sheet.linked = source.get("{http://www.w3.org/1999/xlink}href", "another file")
        col = 0
        for column in table.iter(f"{TABLE}table-column"):
            count = _repeat(column, "number-columns-repeated")
            if column.get(f"{TABLE}visibility") in HIDDEN:
                sheet.hidden_columns.update(range(col + 1, col + 1 + min(count, 16384)))
            col += count
        _read_rows(table, sheet)
        sheets.append(sheet)
    return sheets


def _read_rows(table: Element, sheet: OdsSheet) -> None:
    row = 0
    for row_el in table.iter(f"{TABLE}table-row"):
        count = _repeat(row_el, "number-rows-repeated")
        visibility = row_el.get(f"{TABLE}visibility")
        cells = list(_read_cells(row_el))
        for n in range(row + 1, row + 1 + (min(count, MAX_REPEAT) if cells else 0)):
            if visibility in HIDDEN:
                sheet.hidden_rows.add(n)
            elif visibility == "filter":
                sheet.filtered_rows.add(n)
            for col, text, formula, note in cells:
                sheet.cells.append(OdsCell(n, col, text, formula, note))
        row += count


def _read_cells(row_el: Element) -> Iterator[tuple[int, str, str | None, str | None]]:
    col = 0
    for cell in row_el:
        if cell.tag not in {f"{TABLE}table-cell", f"{TABLE}covered-table-cell"}:
            continue
        count = _repeat(cell, "number-columns-repeated")
        text = _paragraphs(cell)
        formula = cell.get(f"{TABLE}formula")
        note_el = cell.find(f"{OFFICE}annotation")
        note = "".join(note_el.itertext()) if note_el is not None else None
        if text.strip() or formula or note is not None:
            for c in range(col + 1, col + 1 + min(count, MAX_REPEAT)):
                yield c, text, formula, note
        col += count


def _named_ranges(root: Element) -> Iterator[tuple[str, str]]:
    for tag, attr in (("named-range", "cell-range-address"), ("named-expression", "expression")):
        for el in root.iter(f"{TABLE}{tag}"):
            yield el.get(f"{TABLE}name", ""), el.get(f"{TABLE}{attr}", "")


def check_sheets(sheets: list[OdsSheet], limits: Limits, found: Collector) -> None:
    """Hidden sheets, rows, columns and filtered rows all go out with the file."""
    for sheet in sheets:
        if sheet.hidden:
            found.error(
                "hidden_sheet",
                Where(sheet=sheet.name),
                f"Sheet '{sheet.name}' is hidden. It goes out with the file and the recipient "
                "can show it (Sheet > Show Sheet).",
            )
            continue
        filled = [c for c in sheet.cells if c.text.strip()]
        for code, rows, why in (
            ("hidden_rows", sheet.hidden_rows, "which are hidden"),
            ("filtered_rows", sheet.filtered_rows, "hidden by a filter"),
        ):
            for first, last in grid.runs(rows):
                count = sum(1 for c in filled if first <= c.row <= last)
                if count:
                    found.error(
                        code,
                        Where(sheet=sheet.name, cell=grid.row_range(first, last)),
                        f"{count} value(s) sit in {grid.rows_label(first, last)}, {why}. They go "
                        "out with the file; delete the rows you do not mean to release.",
                    )
        for first, last in grid.runs(sheet.hidden_columns):
            count = sum(1 for c in filled if first <= c.col <= last)
            if count:
                found.error(
                    "hidden_columns",
                    Where(sheet=sheet.name, cell=grid.column_range(first, last)),
                    f"{count} value(s) sit in hidden columns {grid.column_range(first, last)}. "
                    "They go out with the file; delete them.",
                )
        if sheet.linked:
            found.error(
                "external_link",
                Where(sheet=sheet.name, name=sheet.linked),
                f"The sheet is linked to another file ({sheet.linked}); the link names "
                "internal folders and keeps values copied from that file.",
            )
        grid.check_stray_cells(sheet.name, {(c.row, c.col) for c in filled}, None, limits, found)


def check_annotations(sheets: list[OdsSheet], found: Collector) -> None:
    """Comments go out with the file and the recipient can read them."""
    for sheet in sheets:
        for cell in sheet.cells:
            if cell.annotation is not None:
                found.error(
                    "comment",
                    Where(sheet=sheet.name, cell=grid.cell_name(cell.row, cell.col)),
                    "A comment is attached to this cell. Comments go out with the file and "
                    "the recipient can read them.",
                )


def check_formulas(sheets: list[OdsSheet], found: Collector) -> None:
    """Formulas show how figures were worked out and can reach hidden data or other files."""
    for sheet in sheets:
        if sheet.hidden:
            continue
        refs = [grid.cell_name(c.row, c.col) for c in sheet.cells if c.formula]
        if refs:
            found.error(
                "formula",
                Where(sheet=sheet.name, cell=refs[0]),
                f"{len(refs)} cell(s) hold formulas, starting at {', '.join(refs[:5])}. Turn "
                "them into plain values (Data > Calculate > Formula to Value) before release.",
            )
        for c in sheet.cells:
            if c.formula and "file:" in c.formula.lower():
                found.error(
                    "external_link",
                    Where(sheet=sheet.name, cell=grid.cell_name(c.row, c.col)),
                    "This formula reads from another file; the link names internal folders.",
                )


def check_named_ranges(root: Element, sheets: list[OdsSheet], found: Collector) -> None:
    """A named range pointing into a hidden sheet leads the recipient to it."""
    hidden = {s.name for s in sheets if s.hidden}
    for name, address in _named_ranges(root):
        target = address.lstrip("$").split(".", 1)[0].strip("'")
        if target in hidden:
            found.error(
                "name_over_hidden_data",
                Where(sheet=target, name=name),
                f"The named range '{name}' points into the hidden sheet '{target}'.",
            )


def check_meta(pkg: Package, found: Collector) -> None:
    """The author and last editor are recorded in meta.xml and go out with the file."""
    meta = pkg.xml_or_none("meta.xml")
    if meta is None:
        return
    fields = {f"{META}initial-creator": "initial-creator", f"{DC}creator": "creator"}
    for el in meta.iter():
        if el.tag in fields and (el.text or "").strip():
            found.error(
                "metadata",
                Where(part="meta.xml", name=fields[el.tag]),
                f"The file's properties record {fields[el.tag]} = '{el.text.strip()}'. "
                "Remove it in File > Properties (tick off 'Apply user data') before release.",
            )


def scan(pkg: Package, limits: Limits, found: Collector) -> list[tuple[Where, str]]:
    if not pkg.has("content.xml"):
        raise FileRefused("malformed", "The spreadsheet has no content.xml.")
    root = pkg.xml("content.xml")
    sheets = read_sheets(root)
    check_sheets(sheets, limits, found)
    check_annotations(sheets, found)
    check_formulas(sheets, found)
    check_named_ranges(root, sheets, found)
    check_meta(pkg, found)
    units: list[tuple[Where, str]] = []
    for sheet in sheets:
        for c in sheet.cells:
            where = Where(sheet=sheet.name, cell=grid.cell_name(c.row, c.col))
            units += [(where, c.text)] + ([(where, c.annotation)] if c.annotation else [])
    return units
