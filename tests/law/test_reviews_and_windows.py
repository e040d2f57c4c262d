"""Internal reviews, the requester's windows and s12 aggregation (rules sections 4, 5, 6, 7).

Expected dates hand-counted from ``calendar.month(2023, M)``. In the stretch used: Fri 17 Mar
2023 is St Patrick's Day (Northern Ireland, so not a FOIA/EIR working day, but a FOISA one);
Good Friday is 7 Apr and Easter Monday 10 Apr (E&W and NI; a FOISA working day); Mon 1 May is
the UK-wide May Day holiday.
"""

from datetime import date

import pytest

from foidesk.law.calendars import default_calendar
from foidesk.law.deadlines import (
    ClockInputError,
    DateOutOfRange,
    RuleNotAvailable,
    WeekendReceipt,
    aggregation_window,
    compute_review_deadline,
    ico_complaint_window,
    review_request_window,
)
from foidesk.law.regimes import Regime

FOIA, EIR, FOISA = Regime.FOIA, Regime.EIR, Regime.FOISA


def test_foia_review_target_20_and_at_most_40_working_days():
    # Requested Wed 1 Mar 2023: d1 Thu 2; 2-3 (1-2), 6-10 (3-7), 13-16 (8-11), Fri 17 Mar (NI)
    # skipped, 20-24 (12-16), 27-30 (17-20) -> Thu 30 Mar. Then Fri 31 (21), 3-6 Apr (22-25),
    # Easter skipped, 11-14 (26-29), 17-21 (30-34), 24-28 (35-39), Mon 1 May skipped,
    # Tue 2 May (40).
    r = compute_review_deadline(FOIA, date(2023, 3, 1))
    assert r.due == date(2023, 3, 30)
    assert r.max == date(2023, 5, 2)
    assert not r.statutory
    text = r.explanation.as_text()
    assert "s45 Code Part 5" in text
    assert "Good Friday" in text


def test_eir_review_is_statutory_40_working_days():
    r = compute_review_deadline(EIR, date(2023, 3, 1))
    assert r.due == r.max == date(2023, 5, 2)
    assert r.statutory
    assert "EIR reg 11" in r.explanation.as_text()


def test_foisa_review_is_statutory_20_working_days():
    # FOISA counts Fri 17 Mar: 2-3 (1-2), 6-10 (3-7), 13-17 (8-12), 20-24 (13-17), 27-29 (18-20).
    r = compute_review_deadline(FOISA, date(2023, 3, 1))
    assert r.due == r.max == date(2023, 3, 29)
    assert r.statutory
    assert "FOISA s21(1)" in r.explanation.as_text()


def test_review_request_on_a_saturday_follows_the_setting():
    # Sat 4 Mar 2023. ICO: d1 Mon 6; 6-10 (1-5), 13-16 (6-9), 17 Mar skipped, 20-24 (10-14),
    # 27-31 (15-19), Mon 3 Apr (20). Code reading: one working day later, Tue 4 Apr.
    assert compute_review_deadline(FOIA, date(2023, 3, 4)).due == date(2023, 4, 3)
    code = compute_review_deadline(FOIA, date(2023, 3, 4), weekend_receipt=WeekendReceipt.CODE)
    assert code.due == date(2023, 4, 4)


def test_requester_has_40_working_days_to_ask_for_a_review():
    # Response Thu 16 Feb 2023: d1 Fri 17 Feb (1), 20-24 (2-6), 27 Feb-3 Mar (7-11), 6-10
    # (12-16), 13-16 (17-20), 17 Mar skipped, 20-24 (21-25), 27-31 (26-30), 3-6 Apr (31-34),
    # Easter skipped, 11-14 Apr (35-38), 17-18 Apr (39-40) -> Tue 18 Apr.
    w = review_request_window(FOIA, date(2023, 2, 16))
    assert w.last_day == date(2023, 4, 18)
    assert w.is_open_on(date(2023, 4, 18))
    assert not w.is_open_on(date(2023, 4, 19))
    assert review_request_window(EIR, date(2023, 2, 16)).last_day == date(2023, 4, 18)
    # FOISA s20 counts 17 Mar and Easter Monday: 13-17 Mar (17-21), 20-24 (22-26), 27-31
    # (27-31), 3-6 Apr (32-35), 10 Apr (36), 11-14 (37-40) -> Fri 14 Apr.
    foisa = review_request_window(FOISA, date(2023, 2, 16))
    assert foisa.last_day == date(2023, 4, 14)
    assert "FOISA s20" in foisa.explanation.as_text()


def test_ico_complaint_window_is_six_weeks_not_three_months():
    # Thu 16 Feb 2023 + 42 days = Thu 30 Mar 2023 (Feb 2023 has 28 days).
    w = ico_complaint_window(FOIA, date(2023, 2, 16))
    assert w.last_day == date(2023, 3, 30)
    assert "six weeks" in w.citation.text
    assert ico_complaint_window(EIR, date(2023, 2, 16)).last_day == date(2023, 3, 30)


def test_foisa_application_to_the_commissioner_within_six_months():
    # s47(4): 16 Feb 2023 -> 16 Aug 2023; 31 Aug 2023 -> 29 Feb 2024 (no 31 Feb; leap year).
    assert ico_complaint_window(FOISA, date(2023, 2, 16)).last_day == date(2023, 8, 16)
    w = ico_complaint_window(FOISA, date(2023, 8, 31))
    assert w.last_day == date(2024, 2, 29)
    assert "FOISA s47(4)" in w.explanation.as_text()


def test_aggregation_window_60_consecutive_working_days():
    # First request Mon 9 Jan 2023 is working day 1 of the period: 9-13 Jan (1-5), 16-20
    # (6-10), 23-27 (11-15), 30 Jan-3 Feb (16-20), 6-10 (21-25), 13-17 (26-30), 20-24 (31-35),
    # 27 Feb-3 Mar (36-40), 6-10 (41-45), 13-16 (46-49), 17 Mar skipped, 20-24 (50-54),
    # 27-31 Mar (55-59), Mon 3 Apr (60).
    w = aggregation_window(date(2023, 1, 9), date(2023, 4, 3))
    assert w.window_end == date(2023, 4, 3)
    assert w.within is True
    assert w.span_working_days == 60
    later = aggregation_window(date(2023, 1, 9), date(2023, 4, 4))
    assert later.within is False
    assert later.span_working_days == 61
    # Sat 1 Apr: the period ending Mon 3 Apr contains it.
    assert aggregation_window(date(2023, 1, 9), date(2023, 4, 1)).within is True
    # Order does not matter.
    assert aggregation_window(date(2023, 4, 3), date(2023, 1, 9)).within is True
    assert "Fees Regs reg 5" in w.explanation.as_text()


def test_aggregation_window_start_is_the_mirror_image():
    # Fri 31 Mar 2023 as day 60, counted back: 27-31 Mar (60-56), 20-24 (55-51), 17 Mar
    # skipped, 13-16 (50-47), 6-10 (46-42), 27 Feb-3 Mar (41-37), 20-24 (36-32), 13-17 (31-27),
    # 6-10 (26-22), 30 Jan-3 Feb (21-17), 23-27 (16-12), 16-20 (11-7), 9-13 (6-2), Fri 6 Jan (1).
    w = aggregation_window(date(2023, 3, 31))
    assert w.within is None
    assert w.window_start == date(2023, 1, 6)
    cal = default_calendar(FOIA)
    assert aggregation_window(w.window_start, date(2023, 3, 31)).within
    before = cal.previous_working_day(w.window_start)
    assert before == date(2023, 1, 5)
    assert not aggregation_window(before, date(2023, 3, 31)).within


def test_aggregation_counts_uk_wide_holidays():
    # Across Easter 2023 the span grows by Good Friday and Easter Monday not counting:
    # Mon 3 Apr to Fri 14 Apr is 8 working days under FOIA (3-6, 11-14).
    assert aggregation_window(date(2023, 4, 3), date(2023, 4, 14)).span_working_days == 8


@pytest.mark.parametrize("regime", [EIR, FOISA])
def test_aggregation_is_a_foia_rule(regime):
    with pytest.raises(RuleNotAvailable):
        aggregation_window(date(2023, 1, 9), date(2023, 2, 1), regime=regime)


@pytest.mark.parametrize(
    "call",
    [
        lambda: compute_review_deadline(FOIA, date(9999, 12, 31)),
        lambda: compute_review_deadline(EIR, date(2100, 12, 1)),  # day 40 is in 2101
        lambda: review_request_window(FOIA, date(9999, 12, 31)),
        lambda: ico_complaint_window(FOIA, date(9999, 12, 31)),
        lambda: ico_complaint_window(FOISA, date(9999, 12, 31)),
        lambda: aggregation_window(date(2023, 1, 9), date(9999, 12, 31)),
        lambda: aggregation_window(date(1, 1, 1)),
    ],
)
def test_dates_outside_the_known_bank_holidays_are_bad_input(call):
    with pytest.raises(DateOutOfRange, match="bank holidays are known") as caught:
        call()
    assert isinstance(caught.value, ClockInputError)
