"""Reporting periods: the UK financial year runs 1 April to 31 March."""

from datetime import UTC, date, datetime

import pytest

from foidesk.statistics.periods import Grouping, parse_label, period_label, period_range, to_date


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2020, 3, 31), "2019/20"),
        (date(2020, 4, 1), "2020/21"),
        (date(2000, 1, 1), "1999/00"),
        (date(2023, 12, 31), "2023/24"),
    ],
)
def test_financial_year_turns_on_1_april(day, label):
    assert period_label(Grouping.FINANCIAL_YEAR, day) == label


def test_label_scheme():
    day = date(2023, 5, 9)
    assert period_label(Grouping.CALENDAR_YEAR, day) == "2023"
    assert period_label(Grouping.QUARTER, day) == "2023 Q2"
    assert period_label(Grouping.FINANCIAL_QUARTER, day) == "2023/24 Q1"
    assert period_label(Grouping.FINANCIAL_QUARTER, date(2024, 2, 1)) == "2023/24 Q4"
    assert period_label(Grouping.MONTH, day) == "May 2023"


def test_dates_arrive_as_dates_datetimes_or_iso_strings():
    assert to_date("2019-05-04") == date(2019, 5, 4)
    assert to_date(" 2019-05-04T10:00:00 ") == date(2019, 5, 4)
    assert to_date(datetime(2019, 5, 4, 23, 59)) == date(2019, 5, 4)  # noqa: DTZ001
    assert to_date("") is None
    assert to_date(None) is None
    with pytest.raises(ValueError, match="not a date"):
        to_date("N/A")


def test_the_requesters_loose_years_are_refused_with_advice():
    assert parse_label(Grouping.FINANCIAL_YEAR, "2019/20") == 2019
    with pytest.raises(ValueError, match="2019/20"):
        parse_label(Grouping.FINANCIAL_YEAR, "2019/2020")
    with pytest.raises(ValueError, match="e.g. 2022/23"):
        parse_label(Grouping.FINANCIAL_YEAR, "2022/21")


def test_ranges():
    assert period_range(Grouping.FINANCIAL_YEAR, "2018/19", "2022/23") == (
        "2018/19",
        "2019/20",
        "2020/21",
        "2021/22",
        "2022/23",
    )
    assert period_range(Grouping.QUARTER, "2022 Q4", "2023 Q1") == ("2022 Q4", "2023 Q1")
    assert period_range(Grouping.MONTH, "December 2022", "January 2023") == (
        "December 2022",
        "January 2023",
    )
    with pytest.raises(ValueError, match="before"):
        period_range(Grouping.CALENDAR_YEAR, "2023", "2022")


def test_a_moment_with_its_offset_is_dated_in_the_uk():
    # 23:30 UTC on 31 March 2023 is 00:30 on 1 April in London (BST): the next financial year.
    # PostgreSQL's timestamptz arrives as an aware datetime, exports write the offset or Z.
    utc = datetime(2023, 3, 31, 23, 30, tzinfo=UTC)
    assert to_date(utc) == date(2023, 4, 1)
    assert to_date("2023-03-31T23:30:00Z") == date(2023, 4, 1)
    assert to_date("2023-03-31 23:30:00+00:00") == date(2023, 4, 1)
    assert to_date("2023-04-01T00:30:00+01:00") == date(2023, 4, 1)
    assert period_label(Grouping.FINANCIAL_YEAR, to_date(utc)) == "2023/24"
    # In winter London is on UTC.
    assert to_date("2023-01-31T23:30:00Z") == date(2023, 1, 31)
