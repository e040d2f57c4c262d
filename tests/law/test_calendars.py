"""Working-day calendars: which days count under FOIA/EIR (UK-wide) and FOISA (Scotland only).

Expected dates were checked by hand against ``python -c 'import calendar; print(calendar.month(
Y, M))'`` and the ``holidays`` 0.109 per-nation lists (rules section 2a).
"""

from datetime import date

import holidays
import pytest

from foidesk.law.calendars import (
    FIRST_YEAR,
    LAST_YEAR,
    Calendar,
    HolidayTable,
    Nation,
    OutsideKnownYears,
    ProclaimedDay,
    SkipKind,
    calendar_for,
    clear_calendar_cache,
    default_calendar,
    proclaimed_day,
)
from foidesk.law.regimes import Regime

FOIA = Regime.FOIA
FOISA = Regime.FOISA


def texts(cal: Calendar, day: date) -> list[str]:
    return [r.text for r in cal.non_working_reasons(day)]


def test_holidays_package_is_the_pinned_version():
    # The calendar version records it; the expected dates in these tests were checked on 0.109.
    assert holidays.__version__ == "0.109"
    assert default_calendar(FOIA).version == "holidays-0.109+table-2026.1"


def test_uk_without_subdiv_is_the_intersection_trap():
    # holidays.UK() with no subdiv drops Easter Monday and the English August bank holiday
    # (rules 2a, trap 3); the FOIA calendar must still treat them as non-working days.
    naive = holidays.UK(years=2023)
    assert date(2023, 4, 10) not in naive
    assert date(2023, 8, 28) not in naive
    cal = default_calendar(FOIA)
    assert not cal.is_working_day(date(2023, 4, 10))
    assert not cal.is_working_day(date(2023, 8, 28))


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2025, 1, 2), "Scotland: New Year Holiday"),  # Thu 2 Jan 2025, Scotland only
        (date(2023, 8, 7), "Scotland: Summer Bank Holiday"),  # first Monday of August
        (date(2023, 11, 30), "Scotland: Saint Andrew's Day"),  # Thu 30 Nov 2023
        (date(2023, 3, 17), "Northern Ireland: Saint Patrick's Day"),  # Fri 17 Mar 2023
        (date(2023, 7, 12), "Northern Ireland: Battle of the Boyne"),  # Wed 12 Jul 2023
        (date(2026, 6, 15), "Scotland: Scotland's participation in the FIFA World Cup final"),
    ],
)
def test_scottish_and_northern_irish_days_stop_the_foia_clock(day, reason):
    # FOIA s10(6): a bank holiday "in any part of the United Kingdom" (rules T2, T3, B6).
    cal = default_calendar(FOIA)
    assert not cal.is_working_day(day)
    assert reason in texts(cal, day)


def test_eir_counts_like_foia():
    eir = default_calendar(Regime.EIR)
    for day in (date(2023, 3, 17), date(2023, 7, 12), date(2023, 8, 7), date(2023, 4, 10)):
        assert not eir.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [date(2023, 4, 10), date(2023, 3, 17), date(2023, 7, 12), date(2023, 8, 28)],
)
def test_foisa_works_on_days_that_are_not_scottish_bank_holidays(day):
    # FOISA s73: only Scottish bank holidays. Easter Monday (Mon 10 Apr 2023), St Patrick's Day,
    # the Boyne and the English late-August holiday (Mon 28 Aug 2023) are FOISA working days.
    assert default_calendar(FOISA).is_working_day(day)


def test_good_friday_is_named_by_foia_and_a_scottish_holiday_under_foisa():
    good_friday = date(2023, 4, 7)
    assert texts(default_calendar(FOIA), good_friday) == ["Good Friday (named in FOIA s10(6))"]
    assert texts(default_calendar(FOISA), good_friday) == ["Scotland: Good Friday"]


def test_christmas_day_is_named_by_the_statute_and_boxing_day_is_uk_wide():
    foia = default_calendar(FOIA)
    assert texts(foia, date(2023, 12, 25)) == ["Christmas Day (named in FOIA s10(6))"]
    assert texts(foia, date(2023, 12, 26)) == ["UK-wide: Boxing Day"]
    assert texts(default_calendar(FOISA), date(2023, 12, 25)) == [
        "Christmas Day (named in FOISA s73)"
    ]


def test_weekend_bank_holiday_lists_both_reasons():
    # Sat 12 Jul 2025: the Boyne on a Saturday (observed Mon 14 Jul 2025).
    cal = default_calendar(FOIA)
    reasons = cal.non_working_reasons(date(2025, 7, 12))
    assert [r.kind for r in reasons] == [SkipKind.WEEKEND, SkipKind.BANK_HOLIDAY]
    assert not cal.is_working_day(date(2025, 7, 14))


def test_office_closure_days_are_working_days():
    # Rules T4: an authority's own Christmas shutdown day is a working day (Wed 27 Dec 2023).
    assert default_calendar(FOIA).is_working_day(date(2023, 12, 27))


def test_add_and_count_working_days():
    cal = default_calendar(FOIA)
    # Thu 19 Jan 2023 + 1 = Fri 20 Jan; + 20 = Thu 16 Feb (no holidays, four weekends).
    assert cal.add_working_days(date(2023, 1, 19), 1) == date(2023, 1, 20)
    assert cal.add_working_days(date(2023, 1, 19), 20) == date(2023, 2, 16)
    assert cal.add_working_days(date(2023, 1, 19), 0) == date(2023, 1, 19)
    assert cal.working_days_between(date(2023, 1, 19), date(2023, 2, 16)) == 20
    assert cal.working_days_between(date(2023, 2, 16), date(2023, 1, 19)) == -20
    assert cal.next_working_day(date(2023, 4, 6)) == date(2023, 4, 11)  # over Easter
    assert cal.previous_working_day(date(2023, 4, 11)) == date(2023, 4, 6)
    assert cal.subtract_working_days(date(2023, 2, 16), 20) == date(2023, 1, 19)
    assert cal.working_days(date(2023, 4, 6), date(2023, 4, 11)) == [
        date(2023, 4, 6),
        date(2023, 4, 11),
    ]
    with pytest.raises(ValueError):
        cal.add_working_days(date(2023, 1, 19), -1)


def test_index_extends_to_any_year_lazily():
    cal = Calendar.for_regime(FOIA)
    assert cal.add_working_days(date(2031, 12, 24), 1) == date(2031, 12, 29)  # Wed 24 Dec 2031
    assert cal.add_working_days(date(2005, 3, 24), 1) == date(2005, 3, 29)  # Easter 2005
    assert cal.add_working_days(date(2023, 1, 19), 20) == date(2023, 2, 16)
    assert cal.add_working_days(date(2023, 1, 19), 1000) > date(2026, 12, 31)


def test_counts_only_in_the_years_whose_bank_holidays_are_known():
    # The package has the UK's bank holidays for 1872 to 2100 and none outside them: counting in
    # 2101 would treat New Year's Day as a working day, so the calendar refuses instead.
    assert (FIRST_YEAR, LAST_YEAR) == (1872, 2100)
    assert not holidays.country_holidays("GB", subdiv="ENG", years=2101)
    cal = Calendar.for_regime(FOIA)
    assert cal.add_working_days(date(2100, 12, 1), 20) == date(2100, 12, 31)
    assert cal.subtract_working_days(date(1872, 1, 10), 5) == date(1872, 1, 3)
    refused = [
        lambda: cal.add_working_days(date(9999, 12, 31), 20),
        lambda: cal.add_working_days(date(1, 1, 1), 1),
        lambda: cal.add_working_days(date(2100, 12, 2), 20),  # day 20 is in January 2101
        lambda: cal.add_working_days(date(2023, 1, 19), 10**9),
        lambda: cal.subtract_working_days(date(1872, 1, 3), 1),  # 1 and 2 Jan: Scotland
        lambda: cal.previous_working_day(date(1872, 1, 1)),
        lambda: cal.is_working_day(date(2101, 1, 1)),
        lambda: cal.working_days_between(date(2023, 1, 19), date(9000, 1, 1)),
        lambda: cal.non_working_reasons(date(1871, 12, 25)),
    ]
    for call in refused:
        with pytest.raises(OutsideKnownYears, match="bank holidays are known"):
            call()


def test_a_far_off_year_is_refused_before_anything_is_built():
    # A date in the year 9000 once made the index grow to seven thousand years (seconds, and
    # hundreds of megabytes in a web worker).
    cal = Calendar.for_regime(FOIA)
    cal.add_working_days(date(2023, 1, 19), 20)
    built = cal._index
    for far in (date(9000, 1, 1), date(1, 1, 1)):
        with pytest.raises(OutsideKnownYears):
            cal.add_working_days(far, 20)
    assert cal._index is built
    assert max(cal._years) < 2030 and min(cal._years) > 2000


def test_out_of_range_message_names_the_day_and_the_years():
    cal = Calendar.for_regime(FOIA)
    with pytest.raises(OutsideKnownYears) as caught:
        cal.add_working_days(date(9999, 12, 31), 20)
    assert str(caught.value) == (
        "31 December 9999 is outside the years whose bank holidays are known (1872 to 2100)"
    )
    with pytest.raises(OutsideKnownYears) as caught:
        cal.add_working_days(date(2100, 12, 20), 20)
    assert str(caught.value) == (
        "counting 20 working days from 20 December 2100 runs past 31 December 2100, the last "
        "day whose bank holidays are known"
    )


def test_bundled_table_is_versioned_and_sourced():
    table = HolidayTable.bundled()
    assert table.version == "2026.1"
    by_date = {d.day: d for d in table.days}
    assert by_date[date(2026, 6, 15)].nations == (Nation.SCT,)
    assert set(by_date[date(2022, 9, 19)].nations) == {
        Nation.ENG,
        Nation.WLS,
        Nation.SCT,
        Nation.NIR,
    }
    assert date(2023, 5, 8) in by_date
    assert all(d.source.startswith("https://") for d in table.days)


def test_table_rejects_bad_entries():
    with pytest.raises(ValueError):
        HolidayTable.from_dict({"days": []})  # no version
    with pytest.raises(ValueError):
        HolidayTable.from_dict(
            {
                "version": "x",
                "days": [
                    {
                        "date": "2026-02-30",
                        "nations": ["SCT"],
                        "title": "t",
                        "source": "https://example.org",
                    }
                ],
            }
        )
    with pytest.raises(ValueError):
        proclaimed_day(date(2026, 1, 5), ["XX"], "t", "https://example.org")
    with pytest.raises(ValueError):
        proclaimed_day(date(2026, 1, 5), ["SCT"], "t", "not a url")


def test_table_round_trips_through_a_file(tmp_path):
    path = tmp_path / "table.json"
    import json

    table = HolidayTable.bundled()
    path.write_text(json.dumps(table.to_dict()), encoding="utf-8")
    assert HolidayTable.from_file(path) == table


def test_table_day_missing_from_the_package_is_a_holiday():
    # A proclaimed day the package does not know (fictional Fri 26 Jun 2026, Northern Ireland):
    # FOIA stops for it, FOISA does not (not Scottish), and the version says which table.
    new = ProclaimedDay(date(2026, 6, 26), (Nation.NIR,), "Test day", "https://example.org/p")
    table = HolidayTable(version="2026.2", days=(*HolidayTable.bundled().days, new))
    foia = Calendar.for_regime(FOIA, table=table)
    assert not foia.is_working_day(date(2026, 6, 26))
    assert "Northern Ireland: Test day" in texts(foia, date(2026, 6, 26))
    assert foia.version == "holidays-0.109+table-2026.2"
    assert Calendar.for_regime(FOISA, table=table).is_working_day(date(2026, 6, 26))


def test_extra_days_change_the_version_deterministically():
    new = proclaimed_day(date(2026, 6, 26), ["NIR"], "Test day", "https://example.org/p")
    a = Calendar.for_regime(FOIA, extra_days=[new])
    b = Calendar.for_regime(FOIA, extra_days=[new])
    assert a.version == b.version
    assert a.version.startswith("holidays-0.109+table-2026.1+local.")
    assert Calendar.for_regime(FOIA).version == "holidays-0.109+table-2026.1"


def test_shared_calendars_are_cached_until_cleared():
    first = calendar_for(FOIA)
    assert calendar_for(FOIA) is first
    clear_calendar_cache()
    assert calendar_for(FOIA) is not first
    assert calendar_for(FOIA).version == first.version


def test_calendar_regime_mismatch_is_refused():
    from foidesk.law.deadlines import compute_deadline

    with pytest.raises(ValueError, match="FOISA calendar cannot count FOIA"):
        compute_deadline(FOIA, date(2023, 1, 19), calendar=default_calendar(FOISA))
