"""Counting records into a table.

Records come as mappings (column name to value) or, faster, as tuples in the order of the
schema's columns (what a database cursor returns for ``SELECT`` of those columns). Either way
the columns the definition uses are picked out by one ``operator.itemgetter`` and the picked
tuples are counted by ``collections.Counter``, both in C: a million records are counted in a
fraction of a second. Only the *distinct* combinations (a few thousand for a dates-by-outcome
table) then go through the Python work of reading values, applying filters and grouping dates
into periods, each raw value read once and cached.

A mapping record must carry every column the definition uses (``None`` for a blank): a missing
key raises :class:`DataError` rather than being guessed.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import and_, itemgetter, lshift, or_, rshift
from typing import Any

from foidesk.statistics.definition import (
    ColumnKind,
    Dimension,
    Filter,
    FilterOp,
    MeasureKind,
    Schema,
    TableDefinition,
    validate,
)
from foidesk.statistics.periods import key_label, parse_label, period_key
from foidesk.statistics.values import BLANK_LABEL, normaliser, value_label

ALL_LABEL = "All"

#: The most rows, columns and figures a table may have. Disclosure control grows much faster
#: than the table (the exact audit eliminates over every withheld figure, again for each one it
#: protects): 500 rows of 3 columns take a second or two, 1,700 rows of 3 over a minute. A
#: table this big is record-level data rather than statistics; group it (dates by financial
#: year) or choose the rows to show.
MAX_ROWS = 500
MAX_COLUMNS = 500
MAX_FIGURES = 5_000


class DataError(ValueError):
    """A record that cannot be counted: a missing column or a value of the wrong kind."""


@dataclass(frozen=True, slots=True)
class Table:
    """Exact counts, before any disclosure control; for staff eyes only.

    ``cells[r][c]`` is the count for ``row_keys[r]`` and ``column_keys[c]`` (each key holds one
    label per dimension; a table without row dimensions has the single row key ``()``).
    ``row_totals`` (a Total column) is present when totals are asked for and there are column
    dimensions; ``column_totals`` (a Total row) when there are row dimensions; ``grand_total``
    when there are both.
    """

    definition: TableDefinition
    row_keys: tuple[tuple[str, ...], ...]
    column_keys: tuple[tuple[str, ...], ...]
    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...] | None
    column_totals: tuple[int, ...] | None
    grand_total: int | None
    row_headings: tuple[str, ...] = ()
    column_heading: str = ""
    measure_label: str = "Number of records"
    records_read: int = 0
    records_counted: int = 0
    records_excluded: int = 0

    @property
    def row_labels(self) -> tuple[str, ...]:
        return tuple(", ".join(k) if k else ALL_LABEL for k in self.row_keys)

    @property
    def column_labels(self) -> tuple[str, ...]:
        return tuple(", ".join(k) if k else self.measure_label for k in self.column_keys)

    @classmethod
    def from_counts(
        cls,
        cells: Sequence[Sequence[int]],
        *,
        row_labels: Sequence[str],
        column_labels: Sequence[str],
        title: str = "Table",
        include_totals: bool = True,
        row_heading: str = "",
        column_heading: str = "",
    ) -> Table:
        """A table of counts made elsewhere (a department's spreadsheet), so that the same
        disclosure control can be applied; totals are the sums."""
        grid = tuple(tuple(int(v) for v in row) for row in cells)
        if not grid or not column_labels:
            raise ValueError("a table needs at least one row and one column")
        if len(grid) != len(row_labels) or any(len(r) != len(column_labels) for r in grid):
            raise ValueError("cells must have one row per row label and one value per column")
        if any(v < 0 for r in grid for v in r):
            raise ValueError("counts cannot be negative")
        definition = TableDefinition(
            title=title,
            rows=(Dimension("row", label=row_heading),),
            columns=(Dimension("column", label=column_heading),),
            include_totals=include_totals,
        )
        return cls(
            definition=definition,
            row_keys=tuple((label,) for label in row_labels),
            column_keys=tuple((label,) for label in column_labels),
            cells=grid,
            row_totals=tuple(sum(r) for r in grid) if include_totals else None,
            column_totals=tuple(sum(col) for col in zip(*grid, strict=True))
            if include_totals
            else None,
            grand_total=sum(map(sum, grid)) if include_totals else None,
            row_headings=(row_heading,),
            column_heading=column_heading,
            records_counted=sum(map(sum, grid)),
        )


def dimension_heading(dimension: Dimension, schema: Schema | None) -> str:
    """``Financial year (date closed)``, ``Subject type``, or the dimension's own label."""
    if dimension.label:
        return dimension.label
    column = schema.label(dimension.column) if schema else dimension.column.replace("_", " ")
    if dimension.grouping.is_period:
        return f"{dimension.grouping.words.capitalize()} ({column})"
    return column[:1].upper() + column[1:]


def measure_label(definition: TableDefinition, schema: Schema | None) -> str:
    measure = definition.measure
    if measure.label:
        return measure.label
    if measure.kind is MeasureKind.COUNT_DISTINCT and measure.column:
        column = schema.label(measure.column) if schema else measure.column.replace("_", " ")
        return f"Number of distinct {column}"
    return "Number of records"


# --- filters and groupings over normalised values -----------------------------------------


def _filter_predicate(f: Filter, kind: ColumnKind) -> Callable[[Any], bool]:
    if f.grouping.is_period:
        grouping = f.grouping

        def key(v: Any) -> Any:
            return period_key(grouping, v)

        def target(v: Any) -> Any:
            return parse_label(grouping, v)
    else:
        norm = normaliser(kind)

        def key(v: Any) -> Any:
            return v

        def target(v: Any) -> Any:
            return norm(v)

    op = f.op
    if op is FilterOp.IS_BLANK:
        return lambda v: v is None
    if op is FilterOp.NOT_BLANK:
        return lambda v: v is not None
    if op in (FilterOp.EQ, FilterOp.NE):
        wanted = target(f.value)
        if op is FilterOp.EQ:
            return lambda v: v is not None and key(v) == wanted
        return lambda v: v is None or key(v) != wanted
    if op in (FilterOp.IN, FilterOp.NOT_IN):
        values = {target(x) for x in f.value}
        if op is FilterOp.IN:
            return lambda v: v is not None and key(v) in values
        return lambda v: v is None or key(v) not in values
    low, high = (target(x) for x in f.value)
    return lambda v: v is not None and low <= key(v) <= high


def _labeller(dimension: Dimension, kind: ColumnKind) -> Callable[[Any], tuple[Any, str]]:
    """Normalised value to ``(sort key, label)``; blanks sort last."""
    grouping = dimension.grouping
    if grouping.is_period:

        def label_period(v: Any) -> tuple[Any, str]:
            if v is None:
                return (1,), BLANK_LABEL
            k = period_key(grouping, v)
            return (0, k), key_label(grouping, k)

        return label_period

    def label_value(v: Any) -> tuple[Any, str]:
        if v is None:
            return (1,), BLANK_LABEL
        text = value_label(v)
        return ((0, text.casefold(), text) if kind is ColumnKind.TEXT else (0, v)), text

    return label_value


# --- counting ------------------------------------------------------------------------------
#
# Each record becomes one int. Every column the definition uses has a "passed its filters" flag
# bit, and each dimension its label index in its own 16-bit field; a column's code (its flag
# and its dimensions' fields, or 0 if one of its filters fails) comes from a dict whose
# ``__missing__`` does the Python work once per distinct raw value, so every other record is a
# C-level dict hit. The codes of a record's columns are OR-ed together and counted. For a
# distinct count each key gets a small index, the member's index goes in the low 32 bits beside
# it, and those ints are collected in a set; the distinct counts of cells and totals are taken
# from that set by C-level maps. (Ints are kept below 2**61: above it CPython's int hash wraps
# round and structured ints collide.)

_FIELD_BITS = 16
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_MEMBER_BITS = 32
_MEMBER_MASK = (1 << _MEMBER_BITS) - 1
CHUNK = 1 << 16
_SCATTER = 2_654_435_761  # odd: Knuth's multiplicative hash constant
_REPEAT_MEMBER_BITS = itertools.repeat(_MEMBER_BITS)


class _Encoder(dict):
    """Raw value to code, computing each new value's code once."""

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[Any], int]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, raw: Any) -> int:
        code = self.compute(raw)
        self[raw] = code
        return code


def _reader(name: str, kind: ColumnKind) -> Callable[[Any], Any]:
    norm = normaliser(kind)

    def read(raw: Any) -> Any:
        try:
            return norm(raw)
        except ValueError as exc:
            raise DataError(f"column {name!r}: {exc}") from None

    return read


class _DimensionCodes:
    """The labels of one dimension, their sort keys, and their codes."""

    def __init__(self, dimension: Dimension, kind: ColumnKind, shift: int) -> None:
        self.labeller = _labeller(dimension, kind)
        self.shift = shift
        self.labels: list[str] = []
        self.index: dict[str, int] = {}
        self.sort_keys: dict[str, Any] = {}

    def code(self, value: Any) -> int:
        sort_key, label = self.labeller(value)
        idx = self.index.get(label)
        if idx is None:
            idx = self.index[label] = len(self.labels)
            if idx > _FIELD_MASK:
                raise DataError(f"more than {_FIELD_MASK + 1:,} different values in one dimension")
            self.labels.append(label)
            self.sort_keys[label] = sort_key
        return idx << self.shift


def _column_code(
    read: Callable[[Any], Any],
    predicates: list[Callable[[Any], bool]],
    dimensions: list[_DimensionCodes],
    flag: int,
) -> Callable[[Any], int]:
    def compute(raw: Any) -> int:
        value = read(raw)
        if not all(p(value) for p in predicates):
            return 0
        code = flag
        for d in dimensions:
            code |= d.code(value)
        return code

    return compute


def tabulate(
    records: Iterable[Any],
    definition: TableDefinition,
    *,
    schema: Schema,
) -> Table:
    """Count ``records`` as ``definition`` says.

    Records are mappings (column name to value) or sequences in ``schema`` column order; tuples
    straight from a database cursor are the fast path. Dates may be ``date`` objects or ISO
    strings. Records are read once, in chunks, so a cursor need not be held in memory. Raises
    ``DefinitionError`` for a definition that does not fit the schema and :class:`DataError`
    for a record that cannot be read.
    """
    validate(definition, schema)
    iterator = iter(records)
    first = next(iterator, None)
    by_name = first is not None and hasattr(first, "keys")
    kinds = {c.name: c.kind for c in schema.columns}

    def getter(name: str) -> Callable[[Any], Any]:
        return itemgetter(name if by_name else schema.index(name))

    dims = definition.dimensions
    flag_base = _FIELD_BITS * len(dims)
    dim_codes = [_DimensionCodes(d, kinds[d.column], _FIELD_BITS * j) for j, d in enumerate(dims)]
    used = tuple(dict.fromkeys([f.column for f in definition.filters] + [d.column for d in dims]))
    streams: list[tuple[Callable[[Any], Any], _Encoder]] = []
    all_flags = 0
    for c, name in enumerate(used):
        flag = 1 << (flag_base + c)
        all_flags |= flag
        compute = _column_code(
            _reader(name, kinds[name]),
            [_filter_predicate(f, kinds[name]) for f in definition.filters if f.column == name],
            [codes for d, codes in zip(dims, dim_codes, strict=True) if d.column == name],
            flag,
        )
        streams.append((getter(name), _Encoder(compute)))

    member_stream: tuple[Callable[[Any], Any], _Encoder] | None = None
    key_index: dict[int, int] = {}
    if definition.measure.kind is MeasureKind.COUNT_DISTINCT and definition.measure.column:
        read_member = _reader(definition.measure.column, kinds[definition.measure.column])
        key_index = _Encoder(lambda key: len(key_index))
        members_index: dict[Any, int] = {}

        def member_code(raw: Any) -> int:
            value = read_member(raw)
            if value is None:  # a blank id is nobody in particular: not counted
                return 0
            code = members_index.get(value)
            if code is None:
                # Scattered, not sequential: sets of ints hash by value, and runs of
                # neighbouring ints in the low bits cluster badly. An odd multiplier is a
                # bijection modulo 2**32, so codes stay distinct and non-zero.
                code = members_index[value] = (len(members_index) + 1) * _SCATTER & _MEMBER_MASK
            return code

        member_stream = (getter(definition.measure.column), _Encoder(member_code))

    counts: Counter[int] = Counter()
    members: set[int] = set()
    read_total = 0
    source = itertools.chain((first,), iterator) if first is not None else iter(())
    try:
        for chunk in itertools.batched(source, CHUNK):
            read_total += len(chunk)
            keys: Iterable[int]
            if streams:
                get, enc = streams[0]
                keys = map(enc.__getitem__, map(get, chunk))
                for get, enc in streams[1:]:
                    keys = map(or_, keys, map(enc.__getitem__, map(get, chunk)))
            else:
                keys = itertools.repeat(0, len(chunk))
            if member_stream is not None:
                keys = list(keys)
                get, enc = member_stream
                members.update(
                    map(
                        or_,
                        map(lshift, map(key_index.__getitem__, keys), _REPEAT_MEMBER_BITS),
                        map(enc.__getitem__, map(get, chunk)),
                    )
                )
            counts.update(keys)
    except KeyError as exc:
        raise DataError(
            f"a record has no column {exc.args[0]!r}: every record needs every column the "
            "table uses (None for a blank)"
        ) from None
    except IndexError:
        raise DataError(
            f"a record has fewer values than the {len(schema.columns)} columns of the schema"
        ) from None
    except TypeError as exc:
        raise DataError(f"a value cannot be counted: {exc}") from None
    return _build(
        definition,
        schema,
        dim_codes,
        counts,
        (members, key_index) if member_stream is not None else None,
        all_flags,
        read_total,
    )


def _check_size(
    definition: TableDefinition, per_dim: list[tuple[str, ...]], schema: Schema
) -> None:
    """Refuse a table too big to be published with disclosure control (see ``MAX_ROWS``),
    before its grid is made."""
    n_rows = len(definition.rows)
    rows = math.prod(len(labels) for labels in per_dim[:n_rows])
    columns = math.prod(len(labels) for labels in per_dim[n_rows:])
    for count, limit, what, dims in (
        (rows, MAX_ROWS, "rows", definition.rows),
        (columns, MAX_COLUMNS, "columns", definition.columns),
    ):
        if count > limit:
            names = " and ".join(dimension_heading(d, schema).lower() for d in dims)
            raise DataError(
                f"The table would have {count:,} {what} (one for each {names}); at most "
                f"{limit:,}: group the values (dates by financial year, for example) or list "
                f"the {what} to show"
            )
    if rows * columns > MAX_FIGURES:
        raise DataError(
            f"The table would have {rows:,} rows of {columns:,} figures; at most "
            f"{MAX_FIGURES:,} figures: group the values or list the rows and columns to show"
        )


def _build(
    definition: TableDefinition,
    schema: Schema,
    dim_codes: list[_DimensionCodes],
    counts: Counter[int],
    distinct: tuple[set[int], dict[int, int]] | None,
    all_flags: int,
    read_total: int,
) -> Table:
    n_rows = len(definition.rows)
    dims = definition.dimensions
    allowed = [set(d.categories) if d.categories is not None else None for d in dims]
    restricted = any(a is not None for a in allowed)
    # Labels of the records counted, for dimensions without categories.
    seen: list[set[str]] = [set() for _ in dims]
    good: dict[int, tuple[str, ...]] = {}
    counted = excluded = 0
    for key, n in counts.items():
        if key & all_flags != all_flags:
            continue  # filtered out
        labels = tuple(codes.labels[(key >> codes.shift) & _FIELD_MASK] for codes in dim_codes)
        if restricted and any(
            a is not None and label not in a for a, label in zip(allowed, labels, strict=True)
        ):
            excluded += n
            continue
        for j, label in enumerate(labels):
            seen[j].add(label)
        good[key] = labels
        counted += n

    per_dim = [
        d.categories
        if d.categories is not None
        else tuple(sorted(seen[j], key=dim_codes[j].sort_keys.__getitem__))
        for j, d in enumerate(dims)
    ]
    _check_size(definition, per_dim, schema)
    row_keys = tuple(itertools.product(*per_dim[:n_rows]))
    column_keys = tuple(itertools.product(*per_dim[n_rows:]))
    row_at = {k: i for i, k in enumerate(row_keys)}
    column_at = {k: i for i, k in enumerate(column_keys)}
    grid = [[0] * len(column_keys) for _ in row_keys]
    show_row_totals = definition.include_totals and bool(definition.columns)
    show_column_totals = definition.include_totals and bool(definition.rows)

    if distinct is None:
        for key, labels in good.items():
            grid[row_at[labels[:n_rows]]][column_at[labels[n_rows:]]] += counts[key]
        cells = tuple(tuple(row) for row in grid)
        row_totals = tuple(sum(row) for row in cells)
        # One total per column, also when no row is left (then each is 0).
        column_totals = tuple(sum(row[c] for row in cells) for c in range(len(column_keys)))
        grand = sum(row_totals)
    else:
        members, key_index = distinct
        # Per key index: its row and column (-1 for keys filtered out or excluded).
        row_of = [-1] * len(key_index)
        column_of = [-1] * len(key_index)
        for key, i in key_index.items():
            labels = good.get(key)
            if labels is not None:
                row_of[i] = row_at[labels[:n_rows]]
                column_of[i] = column_at[labels[n_rows:]]
        kept = [m for m in members if m & _MEMBER_MASK and row_of[m >> _MEMBER_BITS] >= 0]
        mask = itertools.repeat(_MEMBER_MASK)

        def distinct_count(position: list[int]) -> Counter[int]:
            """Distinct members per position (row or column): (position, member) pairs."""
            pairs = set(
                map(
                    or_,
                    map(
                        lshift,
                        map(position.__getitem__, map(rshift, kept, _REPEAT_MEMBER_BITS)),
                        _REPEAT_MEMBER_BITS,
                    ),
                    map(and_, kept, mask),
                )
            )
            return Counter(map(rshift, pairs, _REPEAT_MEMBER_BITS))

        for i, n in Counter(map(rshift, kept, _REPEAT_MEMBER_BITS)).items():
            grid[row_of[i]][column_of[i]] = n
        cells = tuple(tuple(row) for row in grid)
        by_row, by_column = distinct_count(row_of), distinct_count(column_of)
        row_totals = tuple(by_row.get(r, 0) for r in range(len(row_keys)))
        column_totals = tuple(by_column.get(c, 0) for c in range(len(column_keys)))
        grand = len(set(map(and_, kept, mask)))
    return Table(
        definition=definition,
        row_keys=row_keys,
        column_keys=column_keys,
        cells=cells,
        row_totals=row_totals if show_row_totals else None,
        column_totals=column_totals if show_column_totals and column_totals else None,
        grand_total=grand if show_row_totals and show_column_totals else None,
        row_headings=tuple(dimension_heading(d, schema) for d in definition.rows),
        column_heading=", ".join(dimension_heading(d, schema) for d in definition.columns),
        measure_label=measure_label(definition, schema),
        records_read=read_total,
        records_counted=counted,
        records_excluded=excluded,
    )
