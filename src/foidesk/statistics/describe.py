"""A table definition in plain English, for the response and the caveats sheet."""

from __future__ import annotations

from foidesk.statistics.definition import (
    Dimension,
    Filter,
    FilterOp,
    MeasureKind,
    Schema,
    TableDefinition,
)
from foidesk.statistics.periods import parse_label


def _column(name: str, schema: Schema | None) -> str:
    return schema.label(name) if schema else name.replace("_", " ")


def _dimension(d: Dimension, schema: Schema | None) -> str:
    column = _column(d.column, schema)
    return f"{d.grouping.words} ({column})" if d.grouping.is_period else column


def _value(v: object) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)


def filter_in_words(f: Filter, schema: Schema | None = None) -> str:
    """``outcome is Dismissed``; ``financial year (date closed) is from 2018/19 to 2022/23``."""
    subject = _column(f.column, schema)
    if f.grouping.is_period:
        subject = f"{f.grouping.words} ({subject})"
    if f.op in (FilterOp.IS_BLANK, FilterOp.NOT_BLANK):
        return f"{subject} {'is blank' if f.op is FilterOp.IS_BLANK else 'is not blank'}"
    if f.op is FilterOp.BETWEEN:
        low, high = f.value
        return f"{subject} is from {_value(low)} to {_value(high)}"
    if f.op in (FilterOp.IN, FilterOp.NOT_IN):
        values = [_value(v) for v in f.value]
        listed = values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]
        return f"{subject} {'is' if f.op is FilterOp.IN else 'is not'} {listed}"
    return f"{subject} {'is' if f.op is FilterOp.EQ else 'is not'} {_value(f.value)}"


def _span(definition: TableDefinition) -> str:
    """``2018/19 to 2022/23`` from the first period dimension's categories or filter."""
    for d in definition.rows + definition.columns:
        if not d.grouping.is_period:
            continue
        if d.categories:
            ordered = sorted(d.categories, key=lambda c: parse_label(d.grouping, c))
            return ordered[0] if len(ordered) == 1 else f"{ordered[0]} to {ordered[-1]}"
        for f in definition.filters:
            if f.column == d.column and f.grouping is d.grouping and f.op is FilterOp.BETWEEN:
                return f"{f.value[0]} to {f.value[1]}"
    return ""


def describe(definition: TableDefinition, schema: Schema | None = None) -> str:
    """One line for the response: ``Officers and staff dismissed, by financial year (date
    closed) and subject type, 2018/19 to 2022/23``."""
    dims = [_dimension(d, schema) for d in definition.rows + definition.columns]
    text = definition.title.strip().rstrip(".")
    if dims:
        by = dims[0] if len(dims) == 1 else ", ".join(dims[:-1]) + " and " + dims[-1]
        text += f", by {by}"
    span = _span(definition)
    if span:
        text += f", {span}"
    return text


def definition_in_words(definition: TableDefinition, schema: Schema | None = None) -> list[str]:
    """The definition as sentences: what is counted, which records, how split."""
    measure = definition.measure
    if measure.kind is MeasureKind.COUNT_DISTINCT and measure.column:
        counted = f"Each figure is the number of different {_column(measure.column, schema)}."
    else:
        counted = "Each figure is the number of records."
    lines = [describe(definition, schema) + ".", counted]
    if definition.filters:
        lines.append(
            "Records are counted where "
            + "; and ".join(filter_in_words(f, schema) for f in definition.filters)
            + "."
        )
    else:
        lines.append("Every record is counted.")
    if definition.rows:
        lines.append(
            "Rows: " + ", then ".join(_dimension(d, schema) for d in definition.rows) + "."
        )
    if definition.columns:
        lines.append(
            "Columns: " + ", then ".join(_dimension(d, schema) for d in definition.columns) + "."
        )
    if any(d.grouping.is_period for d in definition.dimensions):
        lines.append(
            "Financial years run from 1 April to 31 March (2019/20 is 1 April 2019 to "
            "31 March 2020)."
            if any(d.grouping.words.startswith("financial") for d in definition.dimensions)
            else "Periods are calendar periods."
        )
    return lines
