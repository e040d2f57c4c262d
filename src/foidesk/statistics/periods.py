"""Reporting periods: how a date becomes a row of a statistics table, and back.

The label scheme is fixed, because labels are saved in table definitions (as categories and
filter values) and must read the same years later:

================== ============== ===========================================================
grouping           example label  period
================== ============== ===========================================================
``financial_year`` ``2019/20``    UK financial year, 1 April 2019 to 31 March 2020
``financial_quarter`` ``2019/20 Q1`` quarter of the financial year: Q1 April-June ... Q4 Jan-Mar
``calendar_year``  ``2019``       1 January to 31 December
``quarter``        ``2019 Q1``    calendar quarter: Q1 January-March ... Q4 October-December
``month``          ``April 2019`` calendar month
================== ============== ===========================================================

Requesters often write financial years loosely ("2023/2022", "2019-20"); :func:`parse_label`
refuses anything but the scheme above and says what to write instead, so a saved definition
is never ambiguous. Each grouping has a sort key (an int or a tuple of ints) so that periods
sort in time order whatever their labels look like.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo


class Grouping(StrEnum):
    """How a dimension's raw values become row or column labels."""

    NONE = "none"
    FINANCIAL_YEAR = "financial_year"
    FINANCIAL_QUARTER = "financial_quarter"
    CALENDAR_YEAR = "calendar_year"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def is_period(self) -> bool:
        """Whether the grouping needs a date column."""
        return self is not Grouping.NONE

    @property
    def words(self) -> str:
        """The grouping as a phrase: ``financial year``."""
        return _WORDS[self]


_WORDS = {
    Grouping.NONE: "",
    Grouping.FINANCIAL_YEAR: "financial year",
    Grouping.FINANCIAL_QUARTER: "financial quarter",
    Grouping.CALENDAR_YEAR: "calendar year",
    Grouping.QUARTER: "quarter",
    Grouping.MONTH: "month",
}

MONTH_NAMES = (  # English whatever the locale, unlike calendar.month_name
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}


#: The authority's time zone: a moment is counted on the day it was in the UK.
UK = ZoneInfo("Europe/London")
_OFFSET = re.compile(r"(Z|[+-]\d{2}(:?\d{2})?)$", re.IGNORECASE)


def to_date(value: Any) -> date | None:
    """A date from a ``date``, a ``datetime`` or an ISO 8601 string (``2019-05-04``,
    ``2019-05-04T10:00:00``, ``2019-05-04T09:00:00Z``); ``None`` for a blank.

    A time without an offset is taken as UK time, its own calendar date. A moment with one
    (PostgreSQL's ``timestamptz`` arrives so, in the server's zone, often UTC; exports write
    ``Z`` or ``+00:00``) is dated in the UK: 23:30 UTC on 31 March 2023 was 00:30 on 1 April
    in London, in the next financial year.

    Raises ``ValueError`` for anything else, so that a malformed export is noticed rather than
    counted in the wrong year.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UK).date() if value.utcoffset() is not None else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            if len(text) > 10 and _OFFSET.search(text):
                return to_date(datetime.fromisoformat(text))
            return date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD)") from None
    raise ValueError(f"{value!r} is not a date (expected a date or YYYY-MM-DD)")


def financial_year_start(day: date) -> int:
    """The calendar year in which the UK financial year containing ``day`` began."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(start_year: int) -> str:
    """``2019`` becomes ``2019/20``; ``1999`` becomes ``1999/00``."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def period_key(grouping: Grouping, day: date) -> int | tuple[int, int]:
    """The sort key of the period of ``grouping`` that contains ``day``."""
    if grouping is Grouping.FINANCIAL_YEAR:
        return financial_year_start(day)
    if grouping is Grouping.FINANCIAL_QUARTER:
        return (financial_year_start(day), (day.month - 4) % 12 // 3 + 1)
    if grouping is Grouping.CALENDAR_YEAR:
        return day.year
    if grouping is Grouping.QUARTER:
        return (day.year, (day.month - 1) // 3 + 1)
    if grouping is Grouping.MONTH:
        return (day.year, day.month)
    raise ValueError(f"{grouping} is not a period grouping")


def key_label(grouping: Grouping, key: Any) -> str:
    """The label of the period whose sort key is ``key``."""
    if grouping is Grouping.FINANCIAL_YEAR:
        return financial_year_label(key)
    if grouping is Grouping.FINANCIAL_QUARTER:
        return f"{financial_year_label(key[0])} Q{key[1]}"
    if grouping is Grouping.CALENDAR_YEAR:
        return str(key)
    if grouping is Grouping.QUARTER:
        return f"{key[0]} Q{key[1]}"
    if grouping is Grouping.MONTH:
        return f"{MONTH_NAMES[key[1] - 1]} {key[0]}"
    raise ValueError(f"{grouping} is not a period grouping")


def period_label(grouping: Grouping, day: date) -> str:
    """The label of the period of ``grouping`` that contains ``day``."""
    return key_label(grouping, period_key(grouping, day))


_FY = re.compile(r"(\d{4})/(\d{2})")
_FQ = re.compile(r"(\d{4})/(\d{2}) Q([1-4])")
_YEAR = re.compile(r"\d{4}")
_QUARTER = re.compile(r"(\d{4}) Q([1-4])")
_MONTH = re.compile(r"([A-Za-z]+) (\d{4})")

_EXAMPLE = {
    Grouping.FINANCIAL_YEAR: "2019/20",
    Grouping.FINANCIAL_QUARTER: "2019/20 Q1 (April to June 2019)",
    Grouping.CALENDAR_YEAR: "2019",
    Grouping.QUARTER: "2019 Q1 (January to March 2019)",
    Grouping.MONTH: "April 2019",
}


def _financial_year(text: str, start: str, end: str) -> int:
    year = int(start)
    if int(end) != (year + 1) % 100:
        raise ValueError(
            f"{text!r} is not a financial year: write the first year in full and the next "
            f"as two digits, e.g. {financial_year_label(year)}"
        )
    return year


def parse_label(grouping: Grouping, label: str) -> int | tuple[int, int]:
    """The sort key of a period label; ``ValueError`` (saying what to write) if it is not one."""
    text = label.strip() if isinstance(label, str) else label
    if not isinstance(text, str):
        raise ValueError(f"{label!r} is not a {grouping.words} label")
    if grouping is Grouping.FINANCIAL_YEAR and (m := _FY.fullmatch(text)):
        return _financial_year(text, m[1], m[2])
    if grouping is Grouping.FINANCIAL_QUARTER and (m := _FQ.fullmatch(text)):
        return (_financial_year(text, m[1], m[2]), int(m[3]))
    if grouping is Grouping.CALENDAR_YEAR and _YEAR.fullmatch(text):
        return int(text)
    if grouping is Grouping.QUARTER and (m := _QUARTER.fullmatch(text)):
        return (int(m[1]), int(m[2]))
    if (
        grouping is Grouping.MONTH
        and (m := _MONTH.fullmatch(text))
        and m[1].lower() in _MONTH_NUMBER
    ):
        return (int(m[2]), _MONTH_NUMBER[m[1].lower()])
    if grouping is Grouping.NONE:
        raise ValueError("grouping 'none' has no period labels")
    raise ValueError(f"{label!r} is not a {grouping.words} label; write e.g. {_EXAMPLE[grouping]}")


def _next_key(grouping: Grouping, key: Any) -> Any:
    if grouping in (Grouping.FINANCIAL_YEAR, Grouping.CALENDAR_YEAR):
        return key + 1
    year, part = key
    last = 12 if grouping is Grouping.MONTH else 4
    return (year + 1, 1) if part == last else (year, part + 1)


def period_range(grouping: Grouping, first: str, last: str) -> tuple[str, ...]:
    """Every period label from ``first`` to ``last`` inclusive, in time order.

    ``period_range(Grouping.FINANCIAL_YEAR, "2018/19", "2022/23")`` gives the five financial
    years a request like 190A/23 asks about, so that a year with no records still gets a row.
    """
    start, end = parse_label(grouping, first), parse_label(grouping, last)
    if end < start:
        raise ValueError(f"{last!r} is before {first!r}")
    out = []
    key = start
    while key <= end:
        out.append(key_label(grouping, key))
        key = _next_key(grouping, key)
    return tuple(out)
