"""Checking and cleaning Excel workbooks (XLSX), read straight from the package XML.

openpyxl is not used to read: it silently drops parts it does not model (pivot caches,
threaded comments, some defined names), and a safety check must see everything that travels
with the file. Each check is a function ``check_<what>(book, found)``.

Why each matters for a release under FOI (a release to the world, ``shared/law/UK-FOI-RULES.md``
D6): hidden sheets, rows and columns, filtered rows, pivot caches, external links, comments
and formulas all carry data the officer did not see in the visible table, and the recipient
can recover it in a few clicks. This is how personal data (FOIA s40(2)) has been released by
mistake in spreadsheets (ICO, "How to disclose information safely").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, SubElement  # noqa: S405 (building; parsing is defusedxml)

from foidesk.safety import grid, ooxml
from foidesk.safety.package import Package, local, relationships
from foidesk.safety.report import Collector, FileRefused, Limits, Where

_REF_IN_FORMULA = re.compile(
    r"(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!\$?([A-Z]{1,3})?\$?(\d+)?"
    r"(?::\$?([A-Z]{1,3})?\$?(\d+)?)?"
)
_EXTERNAL_REF = re.compile(r"\[\d+\]")


def _rid(el: Element) -> str:
    for key, value in el.attrib.items():
        if key.startswith("{") and key.endswith("}id") and "relationships" in key:
            return value
    return ""


@dataclass
class Cell:
    row: int
    col: int
    element: Element
    text: str
    formula: Element | None

    @property
    def ref(self) -> str:
        return grid.cell_name(self.row, self.col)

    @property
    def has_cached_value(self) -> bool:
        """A formula's saved result; openpyxl writes an empty ``<v/>`` for none."""
        return any(
            local(ch.tag) in {"v", "is"} and "".join(ch.itertext()) != "" for ch in self.element
        )


@dataclass
class Sheet:
    name: str
    state: str
    part: str
    index: int
    root: Element | None = None
    cells: list[Cell] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    autofilter: grid.Box | None = None

    @property
    def hidden(self) -> bool:
        return self.state in {"hidden", "veryHidden"}

    def column_hidden(self, col: int) -> bool:
        return any(first <= col <= last for first, last in self.hidden_columns)


@dataclass
class Book:
    pkg: Package
    limits: Limits
    part: str
    root: Element
    sheets: list[Sheet]
    names: list[Element]
    shared_strings: list[str]

    def sheet_named(self, name: str) -> Sheet | None:
        return next((s for s in self.sheets if s.name.lower() == name.lower()), None)


def _text(el: Element) -> str:
    return "".join(t.text or "" for t in el.iter() if local(t.tag) == "t")


def read_book(pkg: Package, limits: Limits) -> Book:
    part = ooxml.main_part(pkg)
    root = pkg.xml(part)
    rels = {rel.id: rel for rel in relationships(pkg, part)}
    shared: list[str] = []
    for rel in rels.values():
        if rel.type_name == "sharedStrings" and pkg.has(rel.part):
            shared = [_text(si) for si in pkg.xml(rel.part) if local(si.tag) == "si"]
    sheets: list[Sheet] = []
    names: list[Element] = []
    for el in root.iter():
        tag = local(el.tag)
        if tag == "sheet":
            rel = rels.get(_rid(el))
            sheet = Sheet(
                name=el.get("name", ""),
                state=el.get("state", "visible"),
                part=rel.part if rel else "",
                index=len(sheets),
            )
            if rel is not None and rel.type_name == "worksheet" and pkg.has(rel.part):
                _read_sheet(pkg, sheet, shared)
            sheets.append(sheet)
        elif tag == "definedName":
            names.append(el)
    return Book(pkg, limits, part, root, sheets, names, shared)


def _read_sheet(pkg: Package, sheet: Sheet, shared: list[str]) -> None:
    root = pkg.xml(sheet.part)
    sheet.root = root
    for el in root:
        tag = local(el.tag)
        if tag == "cols":
            for col in el:
                if col.get("hidden") in {"1", "true"}:
                    sheet.hidden_columns.append((int(col.get("min", 1)), int(col.get("max", 1))))
        elif tag == "autoFilter":
            ref = el.get("ref", "")
            start, _, end = ref.partition(":")
            a, b = grid.parse_cell(start), grid.parse_cell(end or start)
            if a and b:
                sheet.autofilter = grid.Box(a[0], a[1], b[0], b[1])
        elif tag == "sheetData":
            row_number = 0
            for row in el:
                row_number = int(row.get("r", row_number + 1))
                if row.get("hidden") in {"1", "true"}:
                    sheet.hidden_rows.add(row_number)
                col_number = 0
                for c in row:
                    pos = grid.parse_cell(c.get("r", ""))
                    col_number = pos[1] if pos else col_number + 1
                    sheet.cells.append(
                        _cell(row_number, col_number, c, shared),
                    )


def _cell(row: int, col: int, c: Element, shared: list[str]) -> Cell:
    formula = value = None
    inline = ""
    for ch in c:
        tag = local(ch.tag)
        if tag == "f":
            formula = ch
        elif tag == "v":
            value = ch.text or ""
        elif tag == "is":
            inline = _text(ch)
    text = inline
    if value is not None:
        if c.get("t") == "s":
            try:
                text = shared[int(value)]
            except (ValueError, IndexError):
                text = ""
        else:
            text = value
    return Cell(row, col, c, text, formula)


def _filled(sheet: Sheet) -> Iterator[Cell]:
    return (cell for cell in sheet.cells if cell.text.strip())


# --- checks -------------------------------------------------------------------------------


def check_hidden_sheets(book: Book, found: Collector) -> None:
    """A hidden sheet goes out with the file and the recipient can unhide it (Format >
    Unhide); a very hidden one needs the VBA editor, which is no protection at all."""
    for sheet in book.sheets:
        if sheet.state == "hidden":
            found.error(
                "hidden_sheet",
                Where(sheet=sheet.name),
                f"Sheet '{sheet.name}' is hidden. It goes out with the file and the recipient "
                "can unhide it with two clicks.",
                can_clean=True,
            )
        elif sheet.state == "veryHidden":
            found.error(
                "very_hidden_sheet",
                Where(sheet=sheet.name),
                f"Sheet '{sheet.name}' is 'very hidden' (not even listed under Unhide). It "
                "still goes out with the file and anyone can reveal it.",
                can_clean=True,
            )


def check_hidden_rows_and_columns(book: Book, found: Collector) -> None:
    """Hidden rows and columns holding values are released with the file; unhiding them is
    one click. Rows hidden by a filter are reported as ``filtered_rows``."""
    for sheet in book.sheets:
        if sheet.hidden:
            continue  # the whole sheet is already reported
        filled = list(_filled(sheet))
        filter_box = sheet.autofilter
        filtered = {
            r for r in sheet.hidden_rows if filter_box and filter_box.top < r <= filter_box.bottom
        }
        for first, last in grid.runs(filtered):
            count = sum(1 for c in filled if first <= c.row <= last)
            found.error(
                "filtered_rows",
                Where(sheet=sheet.name, cell=grid.row_range(first, last)),
                f"{count} value(s) sit in {grid.rows_label(first, last)}, hidden by a filter. "
                "Filtered rows go out with the file; the recipient clears the filter to see "
                "them. Delete the rows you do not mean to release.",
            )
        for first, last in grid.runs(sheet.hidden_rows - filtered):
            count = sum(1 for c in filled if first <= c.row <= last)
            if count:
                found.error(
                    "hidden_rows",
                    Where(sheet=sheet.name, cell=grid.row_range(first, last)),
                    f"{count} value(s) sit in hidden {grid.rows_label(first, last)}. "
                    "Hidden rows go out with the file and the recipient can unhide them. "
                    "Delete them.",
                )
        for first, last in sheet.hidden_columns:
            count = sum(1 for c in filled if first <= c.col <= last)
            if count:
                found.error(
                    "hidden_columns",
                    Where(sheet=sheet.name, cell=grid.column_range(first, last)),
                    f"{count} value(s) sit in hidden columns {grid.column_range(first, last)}. "
                    "Hidden columns go out with the file and the recipient can "
                    "unhide them. Delete them.",
                )


def check_pivot_caches(book: Book, found: Collector) -> None:
    """A pivot table keeps a copy of every source row in its cache. Double-clicking a total
    rebuilds the rows, even when the source sheet was deleted."""
    for name in book.pkg.names:
        if re.fullmatch(r"xl/pivotCache/pivotCacheRecords\d*\.xml", name):
            found.error(
                "pivot_cache",
                Where(part=name),
                "A pivot table keeps a copy of all its source data in the file. The recipient "
                "can rebuild every source row by double-clicking a total. Cleaning turns "
                "pivot tables into plain values.",
                can_clean=True,
            )


def check_external_links(book: Book, found: Collector) -> None:
    """Links to other workbooks name internal servers and folders, and keep cached values
    copied from the linked file."""
    for name in book.pkg.names:
        if re.fullmatch(r"xl/externalLinks/externalLink\d*\.xml", name):
            targets = [r.target for r in relationships(book.pkg, name) if r.external]
            found.error(
                "external_link",
                Where(part=name, name=targets[0] if targets else None),
                "The workbook links to another file"
                + (f" ({targets[0]})" if targets else "")
                + ". The link names internal folders and keeps values copied from that file.",
                can_clean=True,
            )


def _comment_parts(book: Book, sheet: Sheet) -> Iterator[tuple[str, str]]:
    for rel in relationships(book.pkg, sheet.part):
        if rel.type_name in {"comments", "threadedComment"} and book.pkg.has(rel.part):
            yield rel.type_name, rel.part


def comments(book: Book) -> Iterator[tuple[Sheet, str, str, str]]:
    """(sheet, cell, author, text) for every comment and threaded comment."""
    for sheet in book.sheets:
        seen: set[str] = set()
        for kind, part in _comment_parts(book, sheet):
            root = book.pkg.xml(part)
            authors = [a.text or "" for a in root.iter() if local(a.tag) == "author"]
            for el in root.iter():
                if local(el.tag) not in {"comment", "threadedComment"}:
                    continue
                ref = el.get("ref", "")
                if kind == "threadedComment" and ref in seen:
                    continue
                seen.add(ref)
                try:
                    author = authors[int(el.get("authorId", ""))]
                except (ValueError, IndexError):
                    author = ""
                yield sheet, ref, author, _text(el) or "".join(el.itertext())


def check_comments(book: Book, found: Collector) -> None:
    """Comments (notes) go out with the file; they are often internal discussion of the
    very data being released."""
    for sheet, ref, author, _ in comments(book):
        by = f" by {author}" if author else ""
        found.error(
            "comment",
            Where(sheet=sheet.name, cell=ref),
            f"A comment{by} is attached to this cell. Comments go out with the file and the "
            "recipient can read them.",
            can_clean=True,
        )


def _name_targets(book: Book, formula: str) -> Iterator[tuple[Sheet, grid.Box | None]]:
    for m in _REF_IN_FORMULA.finditer(formula):
        sheet_name = (m.group(1) or "").replace("''", "'") or m.group(2)
        sheet = book.sheet_named(sheet_name)
        if sheet is None:
            continue
        c1, r1, c2, r2 = m.group(3), m.group(4), m.group(5), m.group(6)
        top = int(r1) if r1 else 1
        bottom = int(r2) if r2 else (top if r1 else 1_048_576)
        left = grid.column_number(c1) if c1 else 1
        right = grid.column_number(c2) if c2 else (left if c1 else 16_384)
        yield sheet, grid.Box(top, left, bottom, right)


def check_defined_names(book: Book, found: Collector) -> None:
    """A named range pointing into hidden data lets the recipient jump straight to it from
    the Name box."""
    for el in book.names:
        name, formula = el.get("name", ""), el.text or ""
        for sheet, box in _name_targets(book, formula):
            if sheet.hidden:
                found.error(
                    "name_over_hidden_data",
                    Where(sheet=sheet.name, name=name),
                    f"The named range '{name}' points into the hidden sheet '{sheet.name}'. "
                    "Cleaning removes the hidden sheet and this name.",
                    can_clean=True,
                )
            elif box is not None and not name.startswith("_xlnm."):
                rows = any(box.top <= r <= box.bottom for r in sheet.hidden_rows)
                cols = any(
                    first <= box.right and box.left <= last for first, last in sheet.hidden_columns
                )
                if rows or cols:
                    found.error(
                        "name_over_hidden_data",
                        Where(sheet=sheet.name, cell=box.ref(), name=name),
                        f"The named range '{name}' covers hidden rows or columns; the "
                        "recipient can pick it in the Name box and see what is hidden.",
                    )


def _print_area(book: Book, sheet: Sheet) -> grid.Box | None:
    for el in book.names:
        if el.get("name") == "_xlnm.Print_Area" and el.get("localSheetId") == str(sheet.index):
            targets = list(_name_targets(book, el.text or ""))
            if len(targets) == 1:
                return targets[0][1]
    return None


def check_cells_beyond_table(book: Book, found: Collector) -> None:
    """Values outside the print area or far from the table are missed in review."""
    for sheet in book.sheets:
        if sheet.hidden:
            continue
        cells = {(c.row, c.col) for c in _filled(sheet)}
        grid.check_stray_cells(sheet.name, cells, _print_area(book, sheet), book.limits, found)


def formula_cells(sheet: Sheet) -> list[tuple[Cell, bool]]:
    """Every formula cell and whether cleaning can replace it by its saved value: it needs a
    saved value, and so does every other cell sharing its formula."""
    groups_missing: set[str] = set()
    for cell in sheet.cells:
        shared = cell.formula is not None and cell.formula.get("t") == "shared"
        if shared and not cell.has_cached_value and cell.formula is not None:
            groups_missing.add(cell.formula.get("si", ""))
    out = []
    for cell in sheet.cells:
        if cell.formula is None:
            continue
        shared = cell.formula.get("t") == "shared"
        ok = cell.has_cached_value and not (shared and cell.formula.get("si") in groups_missing)
        out.append((cell, ok))
    return out


def check_formulas(book: Book, found: Collector) -> None:
    """Formulas reveal how figures were worked out, name other sheets and files, and can pull
    in hidden data; the released file should hold the values only."""
    for sheet in book.sheets:
        if sheet.hidden:
            continue
        cells = formula_cells(sheet)
        cleanable = [c.ref for c, ok in cells if ok]
        stuck = [c.ref for c, ok in cells if not ok]
        if cleanable:
            found.error(
                "formula",
                Where(sheet=sheet.name, cell=cleanable[0]),
                f"{len(cleanable)} cell(s) hold formulas (first {', '.join(cleanable[:5])}). "
                "Formulas show how figures were worked out and can reach hidden data; "
                "cleaning replaces each by the value it shows.",
                can_clean=True,
            )
        if stuck:
            found.error(
                "formula_without_value",
                Where(sheet=sheet.name, cell=stuck[0]),
                f"{len(stuck)} cell(s) hold formulas with no saved value (first "
                f"{', '.join(stuck[:5])}), so they cannot be replaced automatically. Open the "
                "file in Excel, copy and paste as values, save, and attach it again.",
            )


def check_data_connections(book: Book, found: Collector) -> None:
    """A data connection names a database server, and sometimes the account used."""
    if book.pkg.has("xl/connections.xml"):
        found.error(
            "data_connection",
            Where(part="xl/connections.xml"),
            "The workbook holds connections to external data (server names, queries, "
            "sometimes accounts). Remove them in Excel (Data > Queries & Connections).",
        )


CHECKS = (
    check_hidden_sheets,
    check_hidden_rows_and_columns,
    check_pivot_caches,
    check_external_links,
    check_comments,
    check_defined_names,
    check_cells_beyond_table,
    check_formulas,
    check_data_connections,
)


def scan(pkg: Package, limits: Limits, found: Collector) -> list[tuple[Where, str]]:
    """Run every check; return the text units for the personal data patterns."""
    book = read_book(pkg, limits)
    for check in CHECKS:
        check(book, found)
    ooxml.check_metadata(pkg, found)
    ooxml.check_thumbnail(pkg, found)
    ooxml.check_embedded_files(pkg, "xl/embeddings/", found)
    units: list[tuple[Where, str]] = [
        (Where(sheet=s.name, cell=c.ref), c.text) for s in book.sheets for c in _filled(s)
    ]
    units += [(Where(sheet=s.name, cell=ref), text) for s, ref, _a, text in comments(book)]
    return units


# --- cleaning -----------------------------------------------------------------------------

_DROP_FROM_SHEETS = {"comments", "threadedComment", "pivotTable"}
_DROP_FROM_BOOK = {"externalLink", "pivotCacheDefinition", "person", "calcChain"}


def clean(pkg: Package, limits: Limits) -> bytes:
    """Remove hidden and very hidden sheets, comments, external links and pivot caches;
    replace formulas by their saved values; strip the document properties."""
    book = read_book(pkg, limits)
    editor = ooxml.Editor(pkg)
    keep = [s for s in book.sheets if not s.hidden]
    if not keep:
        raise FileRefused("malformed", "Every sheet in the workbook is hidden.")
    gone = [s for s in book.sheets if s.hidden]
    gone_names = {s.name.lower() for s in gone}
    new_index = {s.index: i for i, s in enumerate(keep)}

    for sheet in keep:
        _clean_sheet(editor, sheet)

    root, nsmap = editor.tree(book.part)
    gone_ids = {_rid_of(book, s) for s in gone}
    for el in list(root):
        tag = local(el.tag)
        if tag == "sheets":
            for sheet_el in list(el):
                if sheet_el.get("state") in {"hidden", "veryHidden"}:
                    el.remove(sheet_el)
        elif tag in {"externalReferences", "pivotCaches"}:
            root.remove(el)
        elif tag == "definedNames":
            for name_el in list(el):
                if _drop_name(name_el, gone_names, new_index):
                    el.remove(name_el)
            if not len(el):
                root.remove(el)
        elif tag == "bookViews":
            for view in el:
                for attr in ("activeTab", "firstSheet"):
                    if attr in view.attrib:
                        view.set(attr, "0")
    editor.put(book.part, root, nsmap)
    editor.drop_relationships(
        book.part,
        lambda rel: (
            rel.get("Id") in gone_ids or rel.get("Type", "").rsplit("/", 1)[-1] in _DROP_FROM_BOOK
        ),
    )
    ooxml.strip_metadata(editor)
    return editor.finish()


def _rid_of(book: Book, sheet: Sheet) -> str:
    for el in book.root.iter():
        if local(el.tag) == "sheet" and el.get("name") == sheet.name:
            return _rid(el)
    return ""


def _drop_name(el: Element, gone_names: set[str], new_index: dict[int, int]) -> bool:
    formula = el.text or ""
    if _EXTERNAL_REF.search(formula):
        return True
    for m in _REF_IN_FORMULA.finditer(formula):
        if ((m.group(1) or "").replace("''", "'") or m.group(2) or "").lower() in gone_names:
            return True
    local_id = el.get("localSheetId")
    if local_id is not None:
        if int(local_id) not in new_index:
            return True
        el.set("localSheetId", str(new_index[int(local_id)]))
    return False


def _clean_sheet(editor: ooxml.Editor, sheet: Sheet) -> None:
    if not sheet.part or not editor.has(sheet.part):
        return
    root, nsmap = editor.tree(sheet.part)
    fresh = Sheet(sheet.name, sheet.state, sheet.part, sheet.index)
    fresh.root = root
    # Re-read cells from the tree we are editing so the elements are the ones written back.
    for el in root:
        if local(el.tag) == "sheetData":
            for row in el:
                for c in row:
                    pos = grid.parse_cell(c.get("r", "")) or (0, 0)
                    fresh.cells.append(_cell(pos[0], pos[1], c, []))
    for cell, ok in formula_cells(fresh):
        if ok and cell.formula is not None:
            cell.element.remove(cell.formula)
            cell.element.attrib.pop("cm", None)
            if cell.element.get("t") == "str":
                _to_inline_string(cell.element)
    dropped = editor.drop_relationships(
        sheet.part,
        lambda rel: rel.get("Type", "").rsplit("/", 1)[-1] in _DROP_FROM_SHEETS,
    )
    had_comments = any(
        r.type_name in {"comments", "threadedComment"}
        for r in relationships(editor.pkg, sheet.part)
    )
    if had_comments:
        vml = editor.drop_relationships(
            sheet.part, lambda rel: rel.get("Type", "").endswith("/vmlDrawing")
        )
        dropped += vml
    for el in list(root):
        if local(el.tag) == "legacyDrawing" and _rid(el) in dropped:
            root.remove(el)
    editor.put(sheet.part, root, nsmap)


def _to_inline_string(c: Element) -> None:
    value = next((ch for ch in c if local(ch.tag) == "v"), None)
    if value is None:
        return
    ns = c.tag[: -len("c")]
    text = value.text or ""
    c.remove(value)
    c.set("t", "inlineStr")
    inline = SubElement(c, f"{ns}is")
    t = SubElement(inline, f"{ns}t")
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
