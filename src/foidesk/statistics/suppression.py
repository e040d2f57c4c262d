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
line equations), and any that is gets another partner withheld. What no audit here covers is
bounds: a reader may still narrow a withheld count to a range using the fact that counts are
not negative. For distinct counts the totals are not sums, so only the line rule is applied.

Every withheld entry carries two reasons: ``reason`` for staff, which may state the figure
("primary: 3 is fewer than 5"), and ``public_reason`` for the Notes sheet of the published
table, which never does.
"""

from __future__ import annotations

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


def suppress(table: Table, policy: Policy) -> SuppressedTable:
    """Apply ``policy`` to ``table``: primary suppression, secondary suppression (line rule,
    then an exact audit for count tables), then rounding of what is shown."""
    work = _Suppressor(table, policy)
    work.primary()
    distinct = table.definition.measure.kind is MeasureKind.COUNT_DISTINCT
    if policy.secondary and work.withheld:
        work.close_lines()
        if not distinct:
            work.audit()
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
