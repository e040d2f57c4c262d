"""Reading raw source values by column kind, as exported by case systems.

Exports are messy: trailing spaces, "Y"/"N" flags, dates as strings. Each kind has one
normaliser, used both for records and for the values in filters, so that a filter compares like
with like. A blank (``None``, an empty or all-space string) normalises to ``None``. A value that
cannot be read raises ``ValueError`` rather than being counted somewhere wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from foidesk.statistics.definition import ColumnKind
from foidesk.statistics.periods import to_date

BLANK_LABEL = "Not recorded"

_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f"}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if not text:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValueError(f"{value!r} is not true or false (expected yes/no, true/false, 1/0)")


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            try:
                return float(text)
            except ValueError:
                pass
    raise ValueError(f"{value!r} is not a number")


_NORMALISERS: dict[ColumnKind, Callable[[Any], Any]] = {
    ColumnKind.TEXT: _text,
    ColumnKind.DATE: to_date,
    ColumnKind.BOOL: _bool,
    ColumnKind.NUMBER: _number,
}


def normaliser(kind: ColumnKind) -> Callable[[Any], Any]:
    """The function that reads a raw value of a column of ``kind``."""
    return _NORMALISERS[kind]


def value_label(value: Any) -> str:
    """How a normalised value is shown as a row or column label."""
    if value is None:
        return BLANK_LABEL
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
