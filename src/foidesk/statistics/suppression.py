"""Disclosure control: withholding small counts, and the counts that would give them away.

Primary suppression withholds each count the policy calls small. Secondary suppression then
makes sure no withheld count can be worked out from the totals shown beside it: in every
*line* of the table (a row with its total, a column with its total, and the Total row and
Total column with the grand total) the number of withheld entries must be 0 or at least 2,
because a single withheld entry is just the total minus the others. Where a line has exactly
one, another entry of that line is withheld: the smallest non-zero count that is not a total
(on a tie, one whose other line also needs a partner, closing a rectangle), else the total
itself, and the lines are checked again until nothing changes.

The line rule is what people check by eye, but it is not enough on its own: two withheld
rectangles joined by one withheld cell satisfy it, yet that cell is the difference of the
rows' and columns' totals. So the result is also audited exactly: each withheld count is
tested for being a linear combination of the shown figures (Gaussian elimination over the
line equations), and any that is gets another partner withheld.

Nor is it enough that a withheld count cannot be worked out *exactly* from the sums: the reader
also knows its range. A count shown as ``<5`` is from 1 to 4 (0 too where zeros are withheld),
and one withheld to protect it is 0 or at least 5. So a row ``<5, <5, 50`` with the total 52
says both withheld counts are 1, and ``<5, <5, 50`` with 58 says both are 4. Each line whose
total is shown (or whose total is withheld beside shown counts) is therefore also checked with
those ranges: if one of its withheld figures has only one possible value, another entry of the
line is withheld, and the line rule and the audit run again. What is still not covered is
ranges combined across several lines. For distinct counts the totals are not sums, so the
exact audit does not apply; the line rule does, and so does the check by ranges, with what a
distinct total says instead: it is at least each figure of its line and at most their sum.

All of this is about one table. What two tables counted from the same records give away
together (a total shown in one, the cells of that row withheld in the other) is checked by
:mod:`foidesk.statistics.differencing`, which reuses the ranges here (:func:`withheld_range`,
:func:`shown_range`) and has further figures withheld through ``suppress(..., withhold=...)``.

Every withheld entry carries two reasons: ``reason`` for staff, which may state the figure
("primary: 3 is fewer than 5"), and ``public_reason`` for the Notes sheet of the published
table, which never does.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from foidesk.statistics.definition import MeasureKind
from foidesk.statistics.policy import Policy
from foidesk.statistics.tabulate import Table

Position = tuple[int, int]

# A prime for exact elimination: the line equations form a network matrix (totally
# unimodular), so ranks modulo any prime equal ranks over the rationals.
_PRIME = (1 << 61) - 1


class SuppressionKind(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


@dataclass(frozen=True, slots=True)
class Entry:
    """One figure of the published table: a cell or a total.

    ``row`` is ``len(table.row_keys)`` for the Total row and ``column`` is
    ``len(table.column_keys)`` for the Total column. ``value`` is the true count and must not
    be published when ``suppression`` is set; ``shown`` is what is published.
    """

    row: int
    column: int
    value: int
    shown: int | str
    location: str
    is_total: bool
    suppression: SuppressionKind | None = None
    reason: str = ""
    public_reason: str = ""

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None


@dataclass(frozen=True, slots=True)
class _Line:
    positions: tuple[Position, ...]  # the last one is the line's total
    kind: str  # "row", "column" or "totals"


@dataclass(frozen=True, slots=True)
class SuppressedTable:
    """A table ready to publish: every figure as it is to be shown, and why any is withheld."""

    table: Table
    policy: Policy
    cells: tuple[tuple[Entry, ...], ...]
    row_totals: tuple[Entry, ...] | None
    column_totals: tuple[Entry, ...] | None
    grand_total: Entry | None
    caveats: tuple[str, ...]

    def entries(self) -> list[Entry]:
        """Every figure in reading order: each row with its total, then the Total row."""
        out: list[Entry] = []
        for r, row in enumerate(self.cells):
            out.extend(row)
            if self.row_totals is not None:
                out.append(self.row_totals[r])
        if self.column_totals is not None:
            out.extend(self.column_totals)
            if self.grand_total is not None:
                out.append(self.grand_total)
        return out

    @property
    def suppressed(self) -> list[Entry]:
        """The withheld figures, in reading order."""
        return [e for e in self.entries() if e.suppressed]

    def header(self) -> list[str]:
        t = self.table
        row_headings = list(t.row_headings) or [""]
        total = ["Total"] if self.row_totals is not None else []
        return [*row_headings, *t.column_labels, *total]

    def grid(self) -> list[list[str | int]]:
        """The table as shown: a header row, one row per row key, then the Total row."""
        t = self.table
        width = max(len(t.row_headings), 1)
        rows: list[list[str | int]] = [list(self.header())]
        for r, key in enumerate(t.row_keys):
            labels: list[str | int] = list(key) if key else ["All"]
            shown: list[str | int] = [e.shown for e in self.cells[r]]
            total = [self.row_totals[r].shown] if self.row_totals is not None else []
            rows.append([*labels, *shown, *total])
        if self.column_totals is not None:
            label: list[str | int] = ["Total", *([""] * (width - 1))]
            grand = [self.grand_total.shown] if self.grand_total is not None else []
            rows.append([*label, *(e.shown for e in self.column_totals), *grand])
        return rows


def _round(value: int, base: int) -> int:
    """Round half up to a multiple of ``base``."""
    return (2 * value + base) // (2 * base) * base


def _locations(table: Table) -> dict[Position, str]:
    rows, columns = len(table.row_keys), len(table.column_keys)
    has_rows, has_columns = bool(table.definition.rows), bool(table.definition.columns)
    row_labels, column_labels = table.row_labels, table.column_labels
    out: dict[Position, str] = {}
    for r in range(rows):
        for c in range(columns):
            parts = ([row_labels[r]] if has_rows else []) + (
                [column_labels[c]] if has_columns else []
            )
            out[r, c] = ", ".join(parts) or column_labels[c]
        out[r, columns] = f"Total for {row_labels[r]}"
    for c in range(columns):
        out[rows, c] = f"Total for {column_labels[c]}" if has_columns else "Total"
    out[rows, columns] = "Grand total"
    return out


def _lines(table: Table) -> list[_Line]:
    rows, columns = len(table.row_keys), len(table.column_keys)
    lines = []
    if table.row_totals is not None:
        for r in range(rows):
            lines.append(_Line((*((r, c) for c in range(columns)), (r, columns)), "row"))
    if table.column_totals is not None:
        for c in range(columns):
            lines.append(_Line((*((r, c) for r in range(rows)), (rows, c)), "column"))
    if table.grand_total is not None:
        lines.append(_Line((*((rows, c) for c in range(columns)), (rows, columns)), "totals"))
        lines.append(_Line((*((r, columns) for r in range(rows)), (rows, columns)), "totals"))
    return lines


def _values(table: Table) -> dict[Position, int]:
    rows, columns = len(table.row_keys), len(table.column_keys)
    values = {(r, c): table.cells[r][c] for r in range(rows) for c in range(columns)}
    if table.row_totals is not None:
        values.update({(r, columns): v for r, v in enumerate(table.row_totals)})
    if table.column_totals is not None:
        values.update({(rows, c): v for c, v in enumerate(table.column_totals)})
    if table.grand_total is not None:
        values[rows, columns] = table.grand_total
    return values


_TOTAL_NAME = {"row": "row total", "column": "column total", "totals": "grand total"}


class _Suppressor:
    def __init__(self, table: Table, policy: Policy) -> None:
        self.table = table
        self.policy = policy
        self.values = _values(table)
        self.locations = _locations(table)
        self.lines = _lines(table)
        self.rows, self.columns = len(table.row_keys), len(table.column_keys)
        self.lines_of: dict[Position, list[_Line]] = {p: [] for p in self.values}
        for line in self.lines:
            for p in line.positions:
                self.lines_of[p].append(line)
        # position -> (kind, staff reason, public reason)
        self.withheld: dict[Position, tuple[SuppressionKind, str, str]] = {}
        self.order = {p: i for i, p in enumerate(sorted(self.values))}
        self.distinct = table.definition.measure.kind is MeasureKind.COUNT_DISTINCT

    def is_total(self, p: Position) -> bool:
        return p[0] == self.rows or p[1] == self.columns

    def primary(self) -> None:
        policy = self.policy
        for p, value in sorted(self.values.items()):
            if self.is_total(p) and not policy.protect_totals:
                continue
            if policy.withholds(value):
                staff = (
                    f"primary: {value} is fewer than {policy.threshold}"
                    if value
                    else "primary: 0, and this policy withholds zeros"
                )
                if policy.threshold > 1:
                    public = (
                        f"A count of fewer than {policy.threshold}, withheld under the policy "
                        "on small numbers (primary suppression)."
                    )
                else:
                    public = "Withheld under the policy on small numbers (primary suppression)."
                self.withheld[p] = (SuppressionKind.PRIMARY, staff, public)

    def _candidate(self, line: _Line) -> Position:
        def fixes(p: Position) -> int:
            return sum(
                1
                for other in self.lines_of[p]
                if other is not line and self._hidden_count(other) == 1
            )

        options = [p for p in line.positions if p not in self.withheld]
        return min(
            options,
            key=lambda p: (
                self.values[p] == 0,
                self.is_total(p),
                self.values[p],
                -fixes(p),
                self.order[p],
            ),
        )

    def _hidden_count(self, line: _Line) -> int:
        return sum(1 for p in line.positions if p in self.withheld)

    def _withhold_secondary(self, p: Position, protected: Position, how: str) -> None:
        where = self.locations[protected]
        self.withheld[p] = (
            SuppressionKind.SECONDARY,
            f"secondary: protects the withheld figure for {where} ({how})",
            f"Withheld so that the figure for {where} cannot be worked out from the {how} "
            "(secondary suppression).",
        )

    def close_lines(self) -> None:
        """Until stable: give every line with one withheld entry a second."""
        changed = True
        while changed:
            changed = False
            for line in self.lines:
                hidden = [p for p in line.positions if p in self.withheld]
                if len(hidden) == 1:
                    p = self._candidate(line)
                    self._withhold_secondary(p, hidden[0], _TOTAL_NAME[line.kind])
                    changed = True

    def exposed(self) -> list[Position]:
        """Withheld entries whose exact value follows from the shown figures."""
        hidden = sorted(self.withheld, key=self.order.__getitem__)
        if not hidden or not self.lines:
            return []
        index = {p: i for i, p in enumerate(hidden)}
        rows: list[list[int]] = []
        for line in self.lines:
            vector = [0] * len(hidden)
            for p in line.positions[:-1]:
                if p in index:
                    vector[index[p]] = 1
            total = line.positions[-1]
            if total in index:
                vector[index[total]] = _PRIME - 1
            if any(vector):
                rows.append(vector)
        basis = _row_reduce(rows, len(hidden))
        out = []
        for row in basis:
            nonzero = [i for i, v in enumerate(row) if v]
            if len(nonzero) == 1:
                out.append(hidden[nonzero[0]])
        return sorted(out, key=self.order.__getitem__)

    def audit(self) -> None:
        """Withhold more until no withheld figure can be worked out by combining lines."""
        while exposed := self.exposed():
            target = exposed[0]
            neighbours = sorted(
                {p for line in self.lines_of[target] for p in line.positions} - set(self.withheld),
                key=lambda p: (
                    self.values[p] == 0,
                    self.is_total(p),
                    self.values[p],
                    self.order[p],
                ),
            )
            for p in neighbours:
                before = dict(self.withheld)
                self._withhold_secondary(p, target, "totals taken together")
                self.close_lines()
                if target not in self.exposed():
                    break
                self.withheld = before
            else:  # nothing single works: withhold every figure in the target's lines
                for p in neighbours:
                    self._withhold_secondary(p, target, "totals taken together")
                self.close_lines()

    def domain(self, p: Position) -> Ranges:
        """What a reader of the published table knows a withheld figure may be (see
        :func:`withheld_range`)."""
        return withheld_range(self.withheld[p][0], self.is_total(p), self.policy)

    def force(self, extra: Mapping[Position, tuple[str, str]]) -> None:
        """Withhold ``extra`` figures (position to staff and public reason) as secondary, for
        reasons outside this table: another table released beside it (``differencing``)."""
        for p, (staff, public) in sorted(extra.items()):
            if p not in self.values:
                raise ValueError(f"no figure at row {p[0]}, column {p[1]}")
            if p not in self.withheld:
                self.withheld[p] = (SuppressionKind.SECONDARY, staff, public)

    def pinned(self) -> list[tuple[_Line, Position]]:
        """Withheld figures that have one possible value given their line's shown figures and
        the range each withheld figure of the line is known to lie in."""
        out = []
        for line in self.lines:
            hidden = [p for p in line.positions if p in self.withheld]
            if (
                len(hidden) < 2
                or len(hidden) > _MAX_RANGE_CHECK
                or len(hidden) == len(line.positions)
            ):
                continue
            total = line.positions[-1]
            if self.distinct:
                if (p := self._pinned_distinct(line, hidden)) is not None:
                    out.append((line, p))
                continue
            # The line as an equation over its withheld figures: cells minus total = known.
            sign = {p: (-1 if p == total else 1) for p in hidden}
            known = -sum(
                (-1 if p == total else 1) * self.values[p]
                for p in line.positions
                if p not in self.withheld
            )
            domains = {p: _scaled(self.domain(p), sign[p]) for p in hidden}
            for p in hidden:
                others = _sumset([domains[q] for q in hidden if q != p])
                # sign * value = known - (sum of the others' signed values)
                possible = _intersect(domains[p], _shifted(_scaled(others, -1), known))
                if _single(possible):
                    out.append((line, p))
                    break
        return out

    def _pinned_distinct(self, line: _Line, hidden: list[Position]) -> Position | None:
        """For distinct counts a line's total is not its sum but lies between its largest
        figure and its sum: with the total shown, the withheld figures add up to at least the
        total less the shown ones, and none is more than the total. A withheld figure those
        bounds leave one value for (``<5, <5`` beside a total of 8: both 4) is returned."""
        total = line.positions[-1]
        if total in self.withheld:
            return None
        at_least = self.values[total] - sum(
            self.values[p] for p in line.positions[:-1] if p not in self.withheld
        )
        highest = {p: max(high for _, high in self.domain(p)) for p in hidden}
        for p in hidden:
            low = at_least - sum(highest[q] for q in hidden if q != p)
            if _single(_intersect(self.domain(p), [(low, self.values[total])])):
                return p
        return None

    def ranges(self) -> None:
        """Withhold more until no line pins a withheld figure by the ranges (see above)."""
        while pinned := self.pinned():
            line, target = pinned[0]
            self._withhold_secondary(self._candidate(line), target, _TOTAL_NAME[line.kind])
            self.close_lines()
            if not self.distinct:
                self.audit()

    def entry(self, p: Position) -> Entry:
        value = self.values[p]
        kind, staff, public = self.withheld.get(p, (None, "", ""))
        if kind is SuppressionKind.PRIMARY:
            shown: int | str = self.policy.marker
        elif kind is SuppressionKind.SECONDARY:
            shown = self.policy.secondary_marker
        elif self.policy.rounding:
            shown = _round(value, self.policy.rounding)
        else:
            shown = value
        return Entry(
            row=p[0],
            column=p[1],
            value=value,
            shown=shown,
            location=self.locations[p],
            is_total=self.is_total(p),
            suppression=kind,
            reason=staff,
            public_reason=public,
        )


# --- ranges: unions of closed integer intervals, (low, high) with high possibly infinite ------

Ranges = list[tuple[float, float]]


def withheld_range(kind: SuppressionKind, is_total: bool, policy: Policy) -> Ranges:
    """What a reader of a published table knows a withheld figure may be, given the policy
    stated in its notes: a primary one is a small count, anything else withheld is not one (it
    would have been withheld as small)."""
    if kind is SuppressionKind.PRIMARY:
        return [(0 if policy.suppress_zeros else 1, max(policy.threshold - 1, 0))]
    if is_total and not policy.protect_totals:
        return [(0, math.inf)]
    large = (max(policy.threshold, 1), math.inf)
    return [large] if policy.suppress_zeros else _merged([(0, 0), large])


def shown_range(shown: int, policy: Policy) -> Ranges:
    """What a figure shown as ``shown`` may be: itself, or with rounding (half up) anything
    that rounds to it."""
    if not policy.rounding:
        return [(shown, shown)]
    base = policy.rounding
    return [(max(shown - base // 2, 0), shown + (base + 1) // 2 - 1)]


#: Lines with more withheld figures than this are not checked by ranges (the sums multiply).
_MAX_RANGE_CHECK = 8


def _merged(ranges: Ranges) -> Ranges:
    out: Ranges = []
    for low, high in sorted(ranges):
        if out and low <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def _scaled(ranges: Ranges, sign: int) -> Ranges:
    return ranges if sign > 0 else _merged([(-high, -low) for low, high in ranges])


def _shifted(ranges: Ranges, by: int) -> Ranges:
    return [(low + by, high + by) for low, high in ranges]


def _sumset(parts: list[Ranges]) -> Ranges:
    out: Ranges = [(0, 0)]
    for part in parts:
        out = _merged([(a + c, b + d) for (a, b), (c, d) in itertools.product(out, part)])
    return out


def _intersect(a: Ranges, b: Ranges) -> Ranges:
    out = []
    for (a_low, a_high), (b_low, b_high) in itertools.product(a, b):
        low, high = max(a_low, b_low), min(a_high, b_high)
        if low <= high:
            out.append((low, high))
    return _merged(out)


def _single(ranges: Ranges) -> bool:
    return len(ranges) == 1 and ranges[0][0] == ranges[0][1]


def _row_reduce(rows: list[list[int]], width: int) -> list[list[int]]:
    """Reduced row echelon form modulo ``_PRIME``; the non-zero rows."""
    matrix = [r[:] for r in rows]
    pivot_row = 0
    for col in range(width):
        pick = next((i for i in range(pivot_row, len(matrix)) if matrix[i][col]), None)
        if pick is None:
            continue
        matrix[pivot_row], matrix[pick] = matrix[pick], matrix[pivot_row]
        row = matrix[pivot_row]
        inverse = pow(row[col], -1, _PRIME)
        row[:] = [v * inverse % _PRIME for v in row]
        for i, other in enumerate(matrix):
            if i != pivot_row and other[col]:
                factor = other[col]
                other[:] = [(a - factor * b) % _PRIME for a, b in zip(other, row, strict=True)]
        pivot_row += 1
        if pivot_row == len(matrix):
            break
    return matrix[:pivot_row]


def suppress(
    table: Table,
    policy: Policy,
    *,
    withhold: Mapping[Position, tuple[str, str]] | None = None,
) -> SuppressedTable:
    """Apply ``policy`` to ``table``: primary suppression, secondary suppression (line rule,
    then for count tables an exact audit and a check of each line by the withheld figures'
    ranges), then rounding of what is shown.

    ``withhold`` names further figures to withhold as secondary (position to staff and public
    reason), before the secondary suppression that protects them in turn: figures another
    table released beside this one would otherwise give away (``differencing``)."""
    work = _Suppressor(table, policy)
    work.primary()
    if withhold:
        work.force(withhold)
    distinct = table.definition.measure.kind is MeasureKind.COUNT_DISTINCT
    if policy.secondary and work.withheld:
        work.close_lines()
        if not distinct:
            work.audit()
        work.ranges()
    return _finished(work)


def restore(
    table: Table,
    policy: Policy,
    withheld: Mapping[Position, tuple[SuppressionKind, str, str]],
) -> SuppressedTable:
    """``table`` as :func:`suppress` left it before under ``policy``, from the figures it
    withheld then (position to kind, staff reason and public reason, as
    ``SuppressedTable.suppressed`` lists them), without working them out again: for a table of
    thousands of figures with many small counts that takes seconds. ``table`` must be counted
    by the same definition from the same records; a position it has no figure at is a
    ``ValueError``."""
    work = _Suppressor(table, policy)
    for p, (kind, staff, public) in withheld.items():
        if p not in work.values:
            raise ValueError(f"no figure at row {p[0]}, column {p[1]}")
        work.withheld[p] = (SuppressionKind(kind), staff, public)
    return _finished(work)


def _finished(work: _Suppressor) -> SuppressedTable:
    """The table with each figure as shown, once ``work`` has decided what to withhold."""
    table, policy = work.table, work.policy
    rows, columns = work.rows, work.columns
    cells = tuple(tuple(work.entry((r, c)) for c in range(columns)) for r in range(rows))
    row_totals = (
        tuple(work.entry((r, columns)) for r in range(rows))
        if table.row_totals is not None
        else None
    )
    column_totals = (
        tuple(work.entry((rows, c)) for c in range(columns))
        if table.column_totals is not None
        else None
    )
    grand = work.entry((rows, columns)) if table.grand_total is not None else None
    return SuppressedTable(
        table=table,
        policy=policy,
        cells=cells,
        row_totals=row_totals,
        column_totals=column_totals,
        grand_total=grand,
        caveats=tuple(_caveats(table, policy, bool(work.withheld))),
    )


def _caveats(table: Table, policy: Policy, any_withheld: bool) -> list[str]:
    out = []
    if table.definition.measure.kind is MeasureKind.COUNT_DISTINCT:
        out.append(
            f"Each figure is a {table.measure_label[:1].lower()}{table.measure_label[1:]}. "
            "A total counts each one once, so it can be less than the sum of the figures in "
            "its row or column."
        )
    if any_withheld and not table.definition.include_totals:
        out.append(
            "The table shows no totals. Withheld figures could be worked out if totals of "
            "these figures are published elsewhere."
        )
    if any_withheld and not policy.secondary:
        out.append("Only small counts are withheld; no other figures are withheld to protect them.")
    if policy.rounding:
        out.append(
            f"Figures are rounded to the nearest {policy.rounding}. Totals are rounded "
            "separately, so they may not equal the sum of the rounded figures."
        )
    return out
