"""Cell addresses and the shape of a sheet's data, shared by the XLSX and ODS checks.

Spreadsheets are the file type most often released with more in them than the officer saw:
hidden rows and columns, and values typed far from the table (ICO, "How to disclose
information safely", https://ico.org.uk/media/for-organisations/documents/how-to-disclose-information-safely-removing-personal-data-from-information-requests-and-datasets/2013958/how-to-disclose-information-safely.pdf).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from foidesk.safety.report import Collector, Limits, Where

_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def column_letters(col: int) -> str:
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def cell_name(row: int, col: int) -> str:
    return f"{column_letters(col)}{row}"


def parse_cell(ref: str) -> tuple[int, int] | None:
    match = _REF.match(ref.strip())
    if match is None:
        return None
    return int(match.group(2)), column_number(match.group(1))


def runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous runs in a set of numbers: {3, 4, 5, 9} -> [(3, 5), (9, 9)]."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def rows_label(first: int, last: int) -> str:
    return f"row {first}" if first == last else f"rows {first}-{last}"


def row_range(first: int, last: int) -> str:
    return f"{first}:{last}"


def column_range(first: int, last: int) -> str:
    return f"{column_letters(first)}:{column_letters(last)}"


@dataclass(frozen=True)
class Box:
    top: int
    left: int
    bottom: int
    right: int

    def contains(self, row: int, col: int) -> bool:
        return self.top <= row <= self.bottom and self.left <= col <= self.right

    def ref(self) -> str:
        start, end = cell_name(self.top, self.left), cell_name(self.bottom, self.right)
        return start if start == end else f"{start}:{end}"

    def distance(self, other: Box) -> int:
        rows = max(other.top - self.bottom, self.top - other.bottom, 0)
        cols = max(other.left - self.right, self.left - other.right, 0)
        return max(rows, cols)


def _bands(numbers: Iterable[int], gap: int) -> list[tuple[int, int]]:
    bands: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if bands and n - bands[-1][1] - 1 <= gap:
            bands[-1] = (bands[-1][0], n)
        else:
            bands.append((n, n))
    return bands


def _band_of(bands: list[tuple[int, int]], n: int) -> int:
    for i, (first, last) in enumerate(bands):
        if first <= n <= last:
            return i
    raise ValueError(n)


def blocks(cells: set[tuple[int, int]], gap: int) -> list[tuple[Box, int]]:
    """Split the filled cells into blocks separated by more than ``gap`` empty rows or
    columns; each block's bounding box and how many cells it holds, biggest first."""
    if not cells:
        return []
    row_bands = _bands((r for r, _ in cells), gap)
    col_bands = _bands((c for _, c in cells), gap)
    grouped: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for row, col in cells:
        grouped.setdefault((_band_of(row_bands, row), _band_of(col_bands, col)), []).append(
            (row, col)
        )
    out = []
    for members in grouped.values():
        rows = [r for r, _ in members]
        cols = [c for _, c in members]
        out.append((Box(min(rows), min(cols), max(rows), max(cols)), len(members)))
    out.sort(key=lambda item: (-item[1], item[0].top, item[0].left))
    return out


def check_stray_cells(
    sheet: str,
    cells: set[tuple[int, int]],
    print_area: Box | None,
    limits: Limits,
    found: Collector,
) -> None:
    """Values outside the print area, or set apart from the table, are easily missed by the
    officer reviewing the sheet but travel with the file."""
    if print_area is not None:
        outside = sorted(cell for cell in cells if not print_area.contains(*cell))
        if outside:
            first = outside[0]
            found.error(
                "cells_outside_print_area",
                Where(sheet=sheet, cell=cell_name(*first)),
                f"{len(outside)} cell(s) hold values outside the print area "
                f"({print_area.ref()}). They are not printed or seen in a quick review, but "
                "they go out with the file.",
            )
            cells = cells - set(outside)
    found_blocks = blocks(cells, limits.table_gap)
    if len(found_blocks) < 2:
        return
    table = found_blocks[0][0]
    for box, count in found_blocks[1:]:
        distance = table.distance(box)
        where = Where(sheet=sheet, cell=box.ref())
        if distance > limits.far_gap:
            found.error(
                "cells_far_from_table",
                where,
                f"{count} cell(s) hold values {distance} rows or columns away from the table "
                f"({table.ref()}). Nobody scrolling the table would see them; the recipient "
                "can find them with Ctrl+End.",
            )
        else:
            found.warning(
                "cells_apart_from_table",
                where,
                f"{count} cell(s) hold values set apart from the table ({table.ref()}). Check "
                "they are meant to be released (a note is fine; working figures are not).",
            )
