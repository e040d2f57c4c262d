"""What a statistics table counts: its filters, rows, columns and measure.

A :class:`TableDefinition` is saved with the question it answers (as JSON, through
:meth:`TableDefinition.to_dict`), so that the figures in a response can be produced again from
the same source and checked: an internal review or an ICO complaint (FOIA s50) may ask how a
figure was arrived at. It is plain data: it names columns of a source, and a :class:`Schema`
says what those columns are. Structural mistakes raise :class:`DefinitionError` when the
definition is built; :func:`validate` checks it against a schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from foidesk.statistics.periods import Grouping, parse_label

FORMAT = "foidesk.statistics.table/1"


class DefinitionError(ValueError):
    """A table definition that cannot be used; ``field`` names the bad part, e.g.
    ``filters[0].op``."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}" if field else message)

    def within(self, prefix: str) -> DefinitionError:
        """The same error, its field named from an enclosing object."""
        name = (
            f"{prefix}.{self.field}"
            if self.field and not self.field.startswith("[")
            else (f"{prefix}{self.field}")
        )
        return DefinitionError(name, self.message)


def _choice(enum: type[StrEnum], value: Any, field: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise DefinitionError(field, f"{value!r} is not one of {allowed}") from None


# --- the source ---------------------------------------------------------------------------


class ColumnKind(StrEnum):
    """What a source column holds; it decides how values are read and compared."""

    TEXT = "text"
    DATE = "date"
    BOOL = "bool"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a source; ``label`` is how it is named in words (``date closed``)."""

    name: str
    kind: ColumnKind = ColumnKind.TEXT
    label: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _choice(ColumnKind, self.kind, "kind"))
        if not self.label:
            object.__setattr__(self, "label", self.name.replace("_", " "))


@dataclass(frozen=True, slots=True)
class Schema:
    """The columns of a source, in order.

    The order matters only for records given as tuples: the value of column ``i`` is
    ``record[i]`` (the fast path, see :func:`foidesk.statistics.tabulate.tabulate`).
    """

    columns: tuple[Column, ...]
    name: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", tuple(self.columns))
        names = [c.name for c in self.columns]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise DefinitionError("columns", f"named twice: {', '.join(dupes)}")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def index(self, name: str) -> int:
        return self.names.index(name)

    def label(self, name: str) -> str:
        """The column's name in words, or the name itself if the schema lacks it."""
        try:
            return self.column(name).label
        except KeyError:
            return name.replace("_", " ")


# --- the definition -----------------------------------------------------------------------


class FilterOp(StrEnum):
    """How a filter compares a record's value.

    ``ne`` and ``not_in`` keep blank values ("outcome is not Dismissed" counts a case with no
    outcome recorded); ``eq``, ``in`` and ``between`` never match a blank. ``between`` is
    inclusive at both ends.
    """

    EQ = "eq"
    NE = "ne"
    IN = "in"
    NOT_IN = "not_in"
    BETWEEN = "between"
    IS_BLANK = "is_blank"
    NOT_BLANK = "not_blank"


_OP_WORDS = {
    FilterOp.EQ: "is",
    FilterOp.NE: "is not",
    FilterOp.IN: "is one of",
    FilterOp.NOT_IN: "is none of",
    FilterOp.BETWEEN: "is from",
    FilterOp.IS_BLANK: "is blank",
    FilterOp.NOT_BLANK: "is not blank",
}

Scalar = str | int | float | bool | None


def _scalar(value: Any, field: str) -> Scalar:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise DefinitionError(field, f"{value!r} is not a text, number, true/false or null value")


@dataclass(frozen=True, slots=True)
class Filter:
    """Keep only records whose ``column`` satisfies ``op value``.

    With a period ``grouping`` the value is compared as a period: ``Filter("date_closed",
    "between", ["2018/19", "2022/23"], grouping="financial_year")``. Values for date columns
    without a grouping are ISO dates (``2019-04-01``).
    """

    column: str
    op: FilterOp
    value: Any = None
    grouping: Grouping = Grouping.NONE

    def __post_init__(self) -> None:
        if not isinstance(self.column, str) or not self.column:
            raise DefinitionError("column", "a column name is needed")
        op = _choice(FilterOp, self.op, "op")
        object.__setattr__(self, "op", op)
        object.__setattr__(self, "grouping", _choice(Grouping, self.grouping, "grouping"))
        value = self.value
        if op in (FilterOp.IS_BLANK, FilterOp.NOT_BLANK):
            if value not in (None, [], ()):
                raise DefinitionError("value", f"{op.value} takes no value")
            value = None
        elif op in (FilterOp.IN, FilterOp.NOT_IN, FilterOp.BETWEEN):
            if isinstance(value, str) or not isinstance(value, Sequence):
                raise DefinitionError("value", f"{op.value} needs a list of values")
            value = tuple(_scalar(v, "value") for v in value)
            if op is FilterOp.BETWEEN and len(value) != 2:
                raise DefinitionError("value", "between needs exactly two values: [first, last]")
            if not value:
                raise DefinitionError("value", f"{op.value} needs at least one value")
        else:
            value = _scalar(value, "value")
        if self.grouping.is_period and value is not None:
            for v in value if isinstance(value, tuple) else (value,):
                try:
                    parse_label(self.grouping, v)
                except ValueError as exc:
                    raise DefinitionError("value", str(exc)) from None
        object.__setattr__(self, "value", value)

    def to_dict(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {
            "column": self.column,
            "op": self.op.value,
            "value": value,
            "grouping": self.grouping.value,
        }


@dataclass(frozen=True, slots=True)
class Dimension:
    """Rows (or columns) of the table: one per distinct value of ``column``, grouped.

    ``categories`` fixes the labels shown and their order; each is shown even when its count is
    zero (a year with no dismissals must say 0, not vanish), and a record whose label is not
    among them is left out of the table (counted in ``Table.records_excluded``). Without
    categories the labels are those found, periods in time order, text alphabetically, and a
    blank value as "Not recorded" last.
    """

    column: str
    grouping: Grouping = Grouping.NONE
    categories: tuple[str, ...] | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.column, str) or not self.column:
            raise DefinitionError("column", "a column name is needed")
        object.__setattr__(self, "grouping", _choice(Grouping, self.grouping, "grouping"))
        if self.categories is not None:
            if isinstance(self.categories, str) or not isinstance(self.categories, Sequence):
                raise DefinitionError("categories", "must be a list of labels")
            cats = tuple(self.categories)
            for i, c in enumerate(cats):
                if not isinstance(c, str) or not c.strip():
                    raise DefinitionError(f"categories[{i}]", f"{c!r} is not a label")
                if self.grouping.is_period:
                    try:
                        parse_label(self.grouping, c)
                    except ValueError as exc:
                        raise DefinitionError(f"categories[{i}]", str(exc)) from None
            if len(set(cats)) != len(cats):
                raise DefinitionError("categories", "a label is listed twice")
            if not cats:
                raise DefinitionError("categories", "an empty list would show no rows")
            object.__setattr__(self, "categories", cats)
        if not isinstance(self.label, str):
            raise DefinitionError("label", "must be text")

    def to_dict(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "grouping": self.grouping.value,
            "categories": list(self.categories) if self.categories is not None else None,
            "label": self.label,
        }


class MeasureKind(StrEnum):
    """What each cell counts."""

    COUNT_RECORDS = "count_records"
    COUNT_DISTINCT = "count_distinct"


@dataclass(frozen=True, slots=True)
class Measure:
    """A count of records, or of distinct values of ``column`` (people, cases).

    For a distinct count a total counts each person once, so it can be less than the sum of its
    row: someone dismissed twice in a year counts once in the year's total.
    """

    kind: MeasureKind = MeasureKind.COUNT_RECORDS
    column: str | None = None
    label: str = ""

    def __post_init__(self) -> None:
        kind = _choice(MeasureKind, self.kind, "kind")
        object.__setattr__(self, "kind", kind)
        if kind is MeasureKind.COUNT_DISTINCT and not self.column:
            raise DefinitionError("column", "count_distinct needs the column to count")
        if kind is MeasureKind.COUNT_RECORDS and self.column:
            raise DefinitionError("column", "count_records takes no column")

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "column": self.column, "label": self.label}


@dataclass(frozen=True, slots=True)
class TableDefinition:
    """A statistics table: which records (``filters``), split how (``rows``, ``columns``),
    counting what (``measure``), with or without totals.

    No rows means one row; no columns means one column headed by the measure. ``source`` names
    the data set the columns belong to (``professional_standards_cases``).
    """

    title: str
    rows: tuple[Dimension, ...] = ()
    columns: tuple[Dimension, ...] = ()
    filters: tuple[Filter, ...] = ()
    measure: Measure = field(default_factory=Measure)
    include_totals: bool = True
    source: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.title, str) or not self.title.strip():
            raise DefinitionError("title", "a table needs a title")
        for name, kind in (("rows", Dimension), ("columns", Dimension), ("filters", Filter)):
            items = getattr(self, name)
            if isinstance(items, str | Mapping) or not isinstance(items, Iterable):
                raise DefinitionError(name, "must be a list")
            items = tuple(items)
            for i, item in enumerate(items):
                if not isinstance(item, kind):
                    raise DefinitionError(f"{name}[{i}]", f"is not a {kind.__name__}")
            object.__setattr__(self, name, items)
        if not isinstance(self.measure, Measure):
            raise DefinitionError("measure", "is not a Measure")
        if not isinstance(self.include_totals, bool):
            raise DefinitionError("include_totals", "must be true or false")
        used = [d.column for d in (*self.rows, *self.columns)]
        dupes = sorted({c for c in used if used.count(c) > 1})
        if dupes:
            raise DefinitionError("rows", f"column {dupes[0]!r} is used for two dimensions")

    @property
    def dimensions(self) -> tuple[Dimension, ...]:
        return (*self.rows, *self.columns)

    def column_names(self) -> tuple[str, ...]:
        """Every source column the definition reads, in first-use order."""
        names = [f.column for f in self.filters] + [d.column for d in self.dimensions]
        if self.measure.column:
            names.append(self.measure.column)
        return tuple(dict.fromkeys(names))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; :meth:`from_dict` reads it back to an equal definition."""
        return {
            "format": FORMAT,
            "title": self.title,
            "source": self.source,
            "filters": [f.to_dict() for f in self.filters],
            "rows": [d.to_dict() for d in self.rows],
            "columns": [d.to_dict() for d in self.columns],
            "measure": self.measure.to_dict(),
            "include_totals": self.include_totals,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TableDefinition:
        """Read a saved definition; unknown keys and bad values raise :class:`DefinitionError`
        naming the field (``rows[0].grouping``)."""
        if not isinstance(data, Mapping):
            raise DefinitionError("", "a table definition must be an object")
        fmt = data.get("format", FORMAT)
        if fmt != FORMAT:
            raise DefinitionError("format", f"{fmt!r} is not {FORMAT!r}")
        _known(
            data,
            {
                "format",
                "title",
                "source",
                "filters",
                "rows",
                "columns",
                "measure",
                "include_totals",
            },
            "",
        )
        if "title" not in data:
            raise DefinitionError("title", "a table needs a title")
        parts: dict[str, Any] = {}
        for name, kind, keys in (
            ("filters", Filter, {"column", "op", "value", "grouping"}),
            ("rows", Dimension, {"column", "grouping", "categories", "label"}),
            ("columns", Dimension, {"column", "grouping", "categories", "label"}),
        ):
            items = data.get(name, [])
            if not isinstance(items, list):
                raise DefinitionError(name, "must be a list")
            built = []
            for i, item in enumerate(items):
                where = f"{name}[{i}]"
                if not isinstance(item, Mapping):
                    raise DefinitionError(where, "must be an object")
                _known(item, keys, where)
                args = {k: v for k, v in item.items() if v is not None or k == "value"}
                if kind is Dimension and args.get("label") is None:
                    args.pop("label", None)
                try:
                    built.append(kind(**args))
                except DefinitionError as exc:
                    raise exc.within(where) from None
                except TypeError as exc:
                    raise DefinitionError(where, str(exc)) from None
            parts[name] = tuple(built)
        measure = data.get("measure", {})
        if not isinstance(measure, Mapping):
            raise DefinitionError("measure", "must be an object")
        _known(measure, {"kind", "column", "label"}, "measure")
        try:
            parts["measure"] = Measure(
                kind=measure.get("kind", MeasureKind.COUNT_RECORDS),
                column=measure.get("column"),
                label=measure.get("label") or "",
            )
        except DefinitionError as exc:
            raise exc.within("measure") from None
        return cls(
            title=data["title"],
            source=data.get("source") or "",
            include_totals=data.get("include_totals", True),
            **parts,
        )

    @classmethod
    def from_json(cls, text: str) -> TableDefinition:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DefinitionError("", f"not JSON: {exc}") from None
        return cls.from_dict(data)


def _known(data: Mapping[str, Any], keys: set[str], where: str) -> None:
    for key in data:
        if key not in keys:
            name = f"{where}.{key}" if where else str(key)
            raise DefinitionError(
                name, f"unknown field (expected one of {', '.join(sorted(keys))})"
            )


def validate(definition: TableDefinition, schema: Schema) -> None:
    """Check ``definition`` against the columns of its source.

    Every column must exist; a period grouping needs a date column; filter values must be
    readable as the column's kind. Raises :class:`DefinitionError` naming the field.
    """
    from foidesk.statistics.values import normaliser  # values imports this module

    def check_column(name: str, where: str) -> Column:
        try:
            return schema.column(name)
        except KeyError:
            known = ", ".join(schema.names)
            raise DefinitionError(where, f"no column {name!r} in the source ({known})") from None

    for i, f in enumerate(definition.filters):
        col = check_column(f.column, f"filters[{i}].column")
        if f.grouping.is_period and col.kind is not ColumnKind.DATE:
            raise DefinitionError(
                f"filters[{i}].grouping", f"{f.grouping.value} needs a date column, not {col.kind}"
            )
        if not f.grouping.is_period and f.value is not None:
            norm = normaliser(col.kind)
            for v in f.value if isinstance(f.value, tuple) else (f.value,):
                try:
                    if norm(v) is None:
                        raise ValueError("a blank value: use is_blank")
                except ValueError as exc:
                    raise DefinitionError(f"filters[{i}].value", str(exc)) from None
    for name in ("rows", "columns"):
        for i, d in enumerate(getattr(definition, name)):
            col = check_column(d.column, f"{name}[{i}].column")
            if d.grouping.is_period and col.kind is not ColumnKind.DATE:
                raise DefinitionError(
                    f"{name}[{i}].grouping",
                    f"{d.grouping.value} needs a date column; {d.column!r} is {col.kind}",
                )
    if definition.measure.column:
        check_column(definition.measure.column, "measure.column")
