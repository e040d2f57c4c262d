"""Working-day calendars for FOIA, EIR and FOISA.

Which days count (``shared/law/UK-FOI-RULES.md`` sections 1, 2 and 7):

- FOIA s10(6): a working day is "any day other than a Saturday, a Sunday, Christmas Day, Good
  Friday or a day which is a bank holiday under the Banking and Financial Dealings Act 1971 in
  any part of the United Kingdom" (https://www.legislation.gov.uk/ukpga/2000/36/section/10).
  So a Scottish-only day (2 January, first Monday of August, St Andrew's Day, 15 June 2026) and
  a Northern-Irish-only day (17 March, 12 July) stop the clock for an English authority too
  (ICO line to take LTT47; rules T2, T3, B6).
- EIR reg 2(1) gives "working day" the FOIA s10(6) meaning
  (https://www.legislation.gov.uk/uksi/2004/3391/regulation/2; the cross-reference itself is
  UNVERIFIED in the rules file, but the ICO applies the same count).
- FOISA s73: "any day other than a Saturday, a Sunday, Christmas Day or a day which, under the
  Banking and Financial Dealings Act 1971, is a bank holiday in Scotland"
  (https://www.legislation.gov.uk/asp/2002/13/section/73). Only Scottish bank holidays count:
  Easter Monday, 17 March and 12 July are FOISA working days; Good Friday is not (it is a
  Scottish BFDA holiday).
- Office closure or "privilege" days that are not bank holidays are working days (T4), so
  there is deliberately no way to add an authority's own closure days here.

Where the holidays come from:

1. The ``holidays`` package (pinned at 0.109), queried **per subdivision** and merged. Never
   call ``holidays.UK()`` without ``subdiv``: it returns only the days common to every nation
   (the intersection), which misses Easter Monday and the August holiday even for England
   (rules 2a; vacanza/holidays issue #2491).
2. A bundled, versioned table of proclaimed days (``data/proclaimed_days.json``), because the
   package learns of a Royal Proclamation under BFDA s1(3)
   (https://www.legislation.gov.uk/ukpga/1971/80) only when a release adds it (rules B5, B6).
   Table entries are merged with the package (a union; duplicates are harmless).

Which years: only those the ``holidays`` package has the UK's bank holidays for (1872 to 2100
in 0.109, ``FIRST_YEAR`` to ``LAST_YEAR``). Outside them it returns no bank holidays at all, so
a count there would quietly treat Easter Monday, the August holiday and Boxing Day as working
days. A day outside those years, or a count that runs past the last of them, raises
``OutsideKnownYears`` instead of giving a date that could be wrong.

Every calendar has a ``version`` (``holidays-0.109+table-2026.1``) that is stored with each
computed date, so open deadlines can be recomputed when the holiday data changes (trap 17).

Caching: holidays are cached per ``Calendar`` object (per year, built lazily), never in a
process-wide global that cannot be refreshed (STYLE.md: Alaveteli regretted that). The shared
default calendars sit in an explicit ``functools.lru_cache`` keyed on (regime, table) that
``clear_calendar_cache()`` empties.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import holidays
from dateutil.easter import easter
from holidays.version import __version__ as _holidays_version

from foidesk.law.regimes import Citation, Regime

BFDA_URL = "https://www.legislation.gov.uk/ukpga/1971/80"


class Nation(StrEnum):
    """A part of the UK with its own BFDA 1971 bank holidays (``holidays.UK`` subdivision codes).

    England and Wales share one list (BFDA Schedule 1; the package's ENG and WLS are identical),
    so both are shown as "England and Wales".
    """

    ENG = "ENG"
    WLS = "WLS"
    SCT = "SCT"
    NIR = "NIR"

    @property
    def label(self) -> str:
        return _NATION_LABEL[self]


_NATION_LABEL = {
    Nation.ENG: "England and Wales",
    Nation.WLS: "England and Wales",
    Nation.SCT: "Scotland",
    Nation.NIR: "Northern Ireland",
}
_LABEL_ORDER = ("England and Wales", "Scotland", "Northern Ireland")

#: The nations whose bank holidays stop each regime's clock (FOIA s10(6), EIR reg 2(1), FOISA s73).
REGIME_NATIONS: Mapping[Regime, tuple[Nation, ...]] = {
    Regime.FOIA: (Nation.ENG, Nation.WLS, Nation.SCT, Nation.NIR),
    Regime.EIR: (Nation.ENG, Nation.WLS, Nation.SCT, Nation.NIR),
    Regime.FOISA: (Nation.SCT,),
}

#: The definition of "working day" each regime uses.
WORKING_DAY_RULE: Mapping[Regime, Citation] = {
    Regime.FOIA: Citation(
        "FOIA s10(6): a working day is any day other than a Saturday, a Sunday, Christmas Day, "
        "Good Friday or a bank holiday in any part of the United Kingdom",
        "https://www.legislation.gov.uk/ukpga/2000/36/section/10",
    ),
    Regime.EIR: Citation(
        "EIR reg 2(1): 'working day' has the FOIA s10(6) meaning (any day other than a Saturday, "
        "a Sunday, Christmas Day, Good Friday or a bank holiday in any part of the UK)",
        "https://www.legislation.gov.uk/uksi/2004/3391/regulation/2",
        unverified=True,
    ),
    Regime.FOISA: Citation(
        "FOISA s73: a working day is any day other than a Saturday, a Sunday, Christmas Day or a "
        "bank holiday in Scotland",
        "https://www.legislation.gov.uk/asp/2002/13/section/73",
    ),
}

#: The first and last years whose bank holidays are known: the pinned ``holidays`` package's
#: range for the UK (read from the class; no holidays are built here). Working days are counted
#: only from ``FIRST_DAY`` to ``LAST_DAY``. The bound also keeps each calendar small: its index
#: never spans much more than these years (a date in the year 9000 once made it build seven
#: thousand years, taking seconds and hundreds of megabytes).
FIRST_YEAR: int = holidays.UK.start_year
LAST_YEAR: int = holidays.UK.end_year
FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)
_FIRST = FIRST_DAY.toordinal()
_LAST = LAST_DAY.toordinal()


class OutsideKnownYears(ValueError):
    """A day the clock cannot count from or to: outside ``FIRST_YEAR`` to ``LAST_YEAR``, the
    years whose bank holidays are known, or a count of working days that runs past the last of
    them. The message says which day, in the FOI team's words."""


def _day(o: int) -> str:
    day = date.fromordinal(o)
    return f"{day.day} {day:%B} {day.year}"


def _outside(o: int) -> OutsideKnownYears:
    return OutsideKnownYears(
        f"{_day(o)} is outside the years whose bank holidays are known "
        f"({FIRST_YEAR} to {LAST_YEAR})"
    )


def require_known_year(day: date) -> date:
    """``day``, if it lies in the years whose bank holidays are known, else
    ``OutsideKnownYears``."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise _outside(day.toordinal())
    return day


def _runs_past(o: int, n: int) -> OutsideKnownYears:
    return OutsideKnownYears(
        f"counting {n} working day{'s' if n != 1 else ''} from {_day(o)} runs past "
        f"{_day(_LAST)}, the last day whose bank holidays are known"
    )


def _runs_before(o: int, n: int) -> OutsideKnownYears:
    return OutsideKnownYears(
        f"counting {n} working day{'s' if n != 1 else ''} back from {_day(o)} runs before "
        f"{_day(_FIRST)}, the first day whose bank holidays are known"
    )


_NAMED_IN = {Regime.FOIA: "FOIA s10(6)", Regime.EIR: "FOIA s10(6)", Regime.FOISA: "FOISA s73"}


class SkipKind(StrEnum):
    """Why a day was not counted."""

    WEEKEND = "weekend"
    CHRISTMAS_DAY = "christmas_day"
    GOOD_FRIDAY = "good_friday"
    BANK_HOLIDAY = "bank_holiday"
    FEE_PAUSE = "fee_pause"
    RECEIPT = "receipt"


@dataclass(frozen=True, slots=True)
class SkipReason:
    kind: SkipKind
    text: str


@dataclass(frozen=True, slots=True)
class SkippedDay:
    """A day the clock passed over, with every reason (a Saturday can also be a bank holiday)."""

    day: date
    reasons: tuple[SkipReason, ...]

    @property
    def kinds(self) -> tuple[SkipKind, ...]:
        return tuple(r.kind for r in self.reasons)

    @property
    def text(self) -> str:
        return "; ".join(r.text for r in self.reasons)


@dataclass(frozen=True, slots=True)
class ProclaimedDay:
    """A bank holiday appointed by Royal Proclamation (BFDA 1971 s1(3)), from the bundled table."""

    day: date
    nations: tuple[Nation, ...]
    title: str
    source: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProclaimedDay:
        try:
            day = date.fromisoformat(str(data["date"]))
            nations = tuple(Nation(str(n).upper()) for n in data["nations"])
            title = str(data["title"]).strip()
            source = str(data["source"]).strip()
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"bad proclaimed day {dict(data)!r}: {exc}") from exc
        if not nations or not title or not source.startswith(("https://", "http://")):
            raise ValueError(f"bad proclaimed day {dict(data)!r}: needs nations, title and URL")
        return cls(day=day, nations=nations, title=title, source=source)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "nations": [str(n) for n in self.nations],
            "title": self.title,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class HolidayTable:
    """A versioned list of proclaimed days, merged with the ``holidays`` package.

    The bundled table is ``data/proclaimed_days.json``; the app can load a newer one with
    ``HolidayTable.from_file`` (for example after a proclamation) and recompute open deadlines.
    """

    version: str
    days: tuple[ProclaimedDay, ...] = ()
    description: str = field(default="", compare=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HolidayTable:
        version = str(data.get("version", "")).strip()
        if not version:
            raise ValueError("a holiday table needs a non-empty 'version'")
        days = tuple(ProclaimedDay.from_dict(d) for d in data.get("days", ()))
        return cls(version=version, days=days, description=str(data.get("description", "")))

    @classmethod
    def from_file(cls, path: str | Path) -> HolidayTable:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def bundled(cls) -> HolidayTable:
        """The table shipped in ``foidesk/law/data/proclaimed_days.json`` (read afresh)."""
        text = (
            resources.files("foidesk.law")
            .joinpath("data/proclaimed_days.json")
            .read_text(encoding="utf-8")
        )
        return cls.from_dict(json.loads(text))

    def with_days(self, days: Iterable[ProclaimedDay], version: str | None = None) -> HolidayTable:
        """This table plus ``days``; the version changes so stored dates show the difference.

        Without an explicit ``version`` the new one is ``<old>+local.<8 hex digits>``, a hash of
        the added entries, so two different additions never share a version.
        """
        extra = tuple(days)
        if not extra:
            return self
        if version is None:
            blob = json.dumps([d.to_dict() for d in extra], sort_keys=True).encode()
            version = f"{self.version}+local.{hashlib.sha256(blob).hexdigest()[:8]}"
        return HolidayTable(version=version, days=self.days + extra, description=self.description)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "description": self.description,
            "days": [d.to_dict() for d in self.days],
        }


class WorkingDayIndex(NamedTuple):
    """Precomputed working days for a span of years, for O(1) counting.

    ``ordinals`` is the sorted list of working days as ``date.toordinal()``; ``prefix[o - base]``
    is how many working days fall on or before ordinal ``o``. So the first working day after
    ``o`` is ``ordinals[prefix[o - base]]`` and the n-th is ``ordinals[prefix[o - base] + n - 1]``.
    """

    base: int
    prefix: list[int]
    ordinals: list[int]

    @property
    def end(self) -> int:
        """First ordinal not covered."""
        return self.base + len(self.prefix)


def holidays_version() -> str:
    """The installed ``holidays`` package version (``holidays.__version__``; pinned at 0.109)."""
    return str(_holidays_version)


class Calendar:
    """The working days of one regime, from the ``holidays`` package plus a proclaimed-days table.

    Build one with ``Calendar.for_regime(regime)`` (bundled table), ``Calendar.for_regime(regime,
    table=...)`` or ``Calendar.for_regime(regime, extra_days=[...])`` to try a newly proclaimed
    day. Holiday years are computed lazily and cached on this object only.
    """

    def __init__(self, regime: Regime, table: HolidayTable) -> None:
        self.regime = Regime(regime)
        self.table = table
        self.version = f"holidays-{holidays_version()}+table-{table.version}"
        self._nations = REGIME_NATIONS[self.regime]
        self._lock = threading.Lock()
        self._years: dict[int, dict[int, tuple[SkipReason, ...]]] = {}
        self._index: WorkingDayIndex | None = None

    @classmethod
    def for_regime(
        cls,
        regime: Regime | str,
        *,
        table: HolidayTable | None = None,
        extra_days: Iterable[ProclaimedDay] = (),
    ) -> Calendar:
        base = HolidayTable.bundled() if table is None else table
        return cls(Regime(regime), base.with_days(extra_days))

    def __repr__(self) -> str:
        return f"Calendar({self.regime.short_name}, {self.version})"

    @property
    def working_day_rule(self) -> Citation:
        return WORKING_DAY_RULE[self.regime]

    # -- holidays ---------------------------------------------------------------------------

    def _holidays_of_year(self, year: int) -> dict[int, tuple[SkipReason, ...]]:
        """Non-weekend reasons, by ordinal, for one year (built once per calendar object)."""
        cached = self._years.get(year)
        if cached is not None:
            return cached
        named: dict[date, list[tuple[str, str]]] = {}
        for nation in self._nations:
            # Always per subdivision: ``holidays.UK()`` alone is the intersection (trap 3).
            package_days = holidays.country_holidays("GB", subdiv=nation.value, years=year)
            for day in package_days:
                for title in package_days.get_list(day):
                    named.setdefault(day, []).append((nation.label, title))
        for entry in self.table.days:
            if entry.day.year == year:
                for nation in entry.nations:
                    if nation in self._nations:
                        named.setdefault(entry.day, []).append((nation.label, entry.title))

        # Christmas Day and (FOIA/EIR) Good Friday are named by the statute itself, whatever the
        # package says, so they are reported as such rather than as a nation's bank holiday.
        named_in = _NAMED_IN[self.regime]
        special: dict[date, tuple[str, SkipKind]] = {
            date(year, 12, 25): ("Christmas Day", SkipKind.CHRISTMAS_DAY)
        }
        if self.regime is not Regime.FOISA:  # FOISA s73 does not name Good Friday
            special[easter(year) - timedelta(days=2)] = ("Good Friday", SkipKind.GOOD_FRIDAY)

        result: dict[int, tuple[SkipReason, ...]] = {}
        for day in sorted(set(named) | set(special)):
            reasons: list[SkipReason] = []
            own_title, own_kind = special.get(day, ("", SkipKind.BANK_HOLIDAY))
            if own_title:
                reasons.append(SkipReason(own_kind, f"{own_title} (named in {named_in})"))
            by_title: dict[str, set[str]] = {}
            for label, title in named.get(day, ()):
                if title == own_title:
                    continue  # already named by the statute itself
                by_title.setdefault(title, set()).add(label)
            for title, labels in by_title.items():
                if len(labels) == len(_LABEL_ORDER):
                    where = "UK-wide"
                else:
                    where = ", ".join(lab for lab in _LABEL_ORDER if lab in labels)
                reasons.append(SkipReason(SkipKind.BANK_HOLIDAY, f"{where}: {title}"))
            result[day.toordinal()] = tuple(reasons)
        self._years[year] = result
        return result

    # -- the index --------------------------------------------------------------------------

    def index(self, lo: int, hi: int) -> WorkingDayIndex:
        """An index covering ordinals ``lo`` to ``hi`` inclusive (extended on demand).

        The returned tuple is immutable in use: when coverage grows a new one replaces it, so a
        caller that takes all its positions from one returned index is always consistent.
        """
        idx = self._index
        if idx is not None and idx.base <= lo and hi < idx.base + len(idx.prefix):
            return idx
        with self._lock:
            idx = self._index
            first = date.fromordinal(lo).year - 1
            last = date.fromordinal(hi).year + 1
            if idx is not None:
                first = min(first, date.fromordinal(idx.base).year)
                last = max(last, date.fromordinal(idx.end - 1).year)
            idx = self._build(first, last)
            self._index = idx
            return idx

    def _build(self, first_year: int, last_year: int) -> WorkingDayIndex:
        base = date(first_year, 1, 1).toordinal()
        end = date(last_year + 1, 1, 1).toordinal()
        closed: set[int] = set()
        for year in range(first_year, last_year + 1):
            closed.update(self._holidays_of_year(year))
        prefix: list[int] = []
        ordinals: list[int] = []
        count = 0
        for o in range(base, end):
            if (o + 6) % 7 < 5 and o not in closed:  # Monday..Friday and not a holiday
                ordinals.append(o)
                count += 1
            prefix.append(count)
        return WorkingDayIndex(base, prefix, ordinals)

    def covering(self, lo: int, hi: int, n: int = 0) -> WorkingDayIndex:
        """An index covering ordinals ``lo``..``hi`` and at least ``n`` working days after ``hi``.

        The fast path for bulk work (``compute_deadline`` uses it): take one index and do all
        the look-ups of a computation against it. Raises ``OutsideKnownYears`` when ``lo`` or
        ``hi`` is outside the years whose bank holidays are known, or when the ``n``-th working
        day after ``hi`` would fall after the last of them.
        """
        if lo < _FIRST or hi > _LAST or hi < _FIRST or lo > _LAST:
            raise _outside(lo if _FIRST <= hi <= _LAST else hi)
        end = hi + 2 * n + 31
        if end > _LAST and hi + n > _LAST:  # n working days take at least n days
            raise _runs_past(hi, n)
        idx = self._index
        if idx is None or lo < idx.base or end >= idx.base + len(idx.prefix):
            idx = self.index(lo, end)
        # ``index`` always covers the whole year after ``end`` (at least 250 working days), so
        # only a very long count needs the check.
        while n > 200 and idx.prefix[hi - idx.base] + n >= len(idx.ordinals):
            end += 366
            idx = self.index(lo, end)
        if end > _LAST and n and idx.ordinals[idx.prefix[hi - idx.base] + n - 1] > _LAST:
            raise _runs_past(hi, n)
        return idx

    # -- public queries ---------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        o = day.toordinal()
        idx = self.covering(o, o)
        count = idx.prefix[o - idx.base]
        return count > 0 and idx.ordinals[count - 1] == o

    def non_working_reasons(self, day: date) -> tuple[SkipReason, ...]:
        """Why ``day`` is not a working day; empty if it is one."""
        require_known_year(day)
        reasons: list[SkipReason] = []
        weekday = day.weekday()
        if weekday == 5:
            reasons.append(SkipReason(SkipKind.WEEKEND, "Saturday"))
        elif weekday == 6:
            reasons.append(SkipReason(SkipKind.WEEKEND, "Sunday"))
        reasons.extend(self._holidays_of_year(day.year).get(day.toordinal(), ()))
        return tuple(reasons)

    def skipped_day(self, day: date) -> SkippedDay | None:
        reasons = self.non_working_reasons(day)
        return SkippedDay(day, reasons) if reasons else None

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before ``day``."""
        o = day.toordinal()
        idx = self.covering(max(o - 41, _FIRST), o)
        position = idx.prefix[o - 1 - idx.base] - 1
        if position < 0 or idx.ordinals[position] < _FIRST:
            raise _runs_before(o, 1)
        return date.fromordinal(idx.ordinals[position])

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself is never counted).

        This is the statutory count: "the twentieth working day following the date of receipt"
        is ``add_working_days(receipt, 20)`` (FOIA s10(1)). ``n == 0`` returns ``start``.
        """
        if n < 0:
            raise ValueError("add_working_days counts forwards only (n >= 0)")
        if n == 0:
            return start
        o = start.toordinal()
        idx = self.covering(o, o, n)
        return date.fromordinal(idx.ordinals[idx.prefix[o - idx.base] + n - 1])

    def subtract_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day before ``start`` (``start`` itself is never counted)."""
        if n < 0:
            raise ValueError("subtract_working_days counts backwards only (n >= 0)")
        if n == 0:
            return start
        o = start.toordinal()
        idx = self.covering(max(o - 2 * n - 31, _FIRST), o)
        position = idx.prefix[o - 1 - idx.base] - n
        if position < 0 or idx.ordinals[position] < _FIRST:
            raise _runs_before(o, n)
        return date.fromordinal(idx.ordinals[position])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if ``end`` is before).

        The inverse of ``add_working_days``: ``working_days_between(d, add_working_days(d, n))
        == n``.
        """
        a, b = start.toordinal(), end.toordinal()
        idx = self.covering(min(a, b), max(a, b))
        return idx.prefix[b - idx.base] - idx.prefix[a - idx.base]

    def working_days(self, first: date, last: date) -> list[date]:
        """The working days from ``first`` to ``last`` inclusive."""
        a, b = first.toordinal(), last.toordinal()
        if b < a:
            return []
        idx = self.covering(a, b)
        lo = idx.prefix[a - 1 - idx.base]
        hi = idx.prefix[b - idx.base]
        return [date.fromordinal(o) for o in idx.ordinals[lo:hi]]

    def non_working_days(self, first: date, last: date) -> list[SkippedDay]:
        """Each non-working day from ``first`` to ``last`` inclusive, with its reasons."""
        out: list[SkippedDay] = []
        day = first
        one = timedelta(days=1)
        while day <= last:
            skipped = self.skipped_day(day)
            if skipped is not None:
                out.append(skipped)
            day += one
        return out


@lru_cache(maxsize=32)
def calendar_for(regime: Regime, table: HolidayTable | None = None) -> Calendar:
    """A shared calendar for ``regime`` (bundled table unless given), cached until cleared.

    The cache is explicit and keyed on (regime, table): call ``clear_calendar_cache()`` after
    the holiday data changes (a new table or package release) so the next call rebuilds.
    """
    return Calendar(Regime(regime), HolidayTable.bundled() if table is None else table)


def default_calendar(regime: Regime | str) -> Calendar:
    """The shared calendar for ``regime`` with the bundled table."""
    return calendar_for(Regime(regime))


def clear_calendar_cache() -> None:
    """Forget the shared calendars (each rebuilds lazily on next use)."""
    calendar_for.cache_clear()


def proclaimed_day(
    day: date, nations: Sequence[Nation | str], title: str, source: str
) -> ProclaimedDay:
    """Convenience constructor that validates like the JSON loader."""
    return ProclaimedDay.from_dict(
        {"date": day.isoformat(), "nations": list(nations), "title": title, "source": source}
    )
