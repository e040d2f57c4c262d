"""Properties of the clock that must hold for every date (Hypothesis)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.law.calendars import default_calendar
from foidesk.law.deadlines import WeekendReceipt, compute_deadline
from foidesk.law.regimes import Regime

dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
regimes = st.sampled_from(list(Regime))
readings = st.sampled_from(list(WeekendReceipt))


def nth_weekday_after(day: date, n: int) -> date:
    """The n-th Monday-to-Friday after ``day``, ignoring every holiday."""
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


@settings(max_examples=300, deadline=None)
@given(regime=regimes, received=dates, reading=readings)
def test_deadline_is_never_earlier_than_20_weekdays_after_receipt(regime, received, reading):
    d = compute_deadline(regime, received, weekend_receipt=reading)
    assert d.due is not None
    assert d.due >= nth_weekday_after(received, 20)
    assert default_calendar(regime).working_days_between(received, d.due) in (20, 21)


@settings(max_examples=300, deadline=None)
@given(
    regime=regimes,
    received=dates,
    reading=readings,
    notice_after=st.integers(0, 40),
    paid_after=st.integers(0, 120),
)
def test_a_fee_pause_never_shortens_the_deadline(
    regime, received, reading, notice_after, paid_after
):
    plain = compute_deadline(regime, received, weekend_receipt=reading)
    notice = received + timedelta(days=notice_after)
    paused = compute_deadline(
        regime,
        received,
        weekend_receipt=reading,
        fee_notice=notice,
        fee_paid=notice + timedelta(days=paid_after),
    )
    assert paused.due is not None and plain.due is not None
    assert paused.due >= plain.due
    if paused.fee_pause_applied:
        cal = default_calendar(regime)
        assert cal.working_days_between(plain.due, paused.due) == paused.paused_working_days


@settings(max_examples=300, deadline=None)
@given(regime=regimes, a=dates, b=dates, reading=readings)
def test_a_later_receipt_never_gives_an_earlier_deadline(regime, a, b, reading):
    first, second = sorted((a, b))
    d1 = compute_deadline(regime, first, weekend_receipt=reading)
    d2 = compute_deadline(regime, second, weekend_receipt=reading)
    assert d1.due is not None and d2.due is not None
    assert d1.due <= d2.due


@settings(max_examples=200, deadline=None)
@given(received=dates, later=st.integers(0, 60))
def test_clarification_is_a_restart_from_the_new_date(received, later):
    clarified = received + timedelta(days=later)
    d = compute_deadline(Regime.FOIA, received, clarification_received=clarified)
    assert d.due == compute_deadline(Regime.FOIA, clarified).due
    assert d.due is not None and d.due >= compute_deadline(Regime.FOIA, received).due


@settings(max_examples=200, deadline=None)
@given(received=dates)
def test_foisa_never_later_than_foia(received):
    # Scottish bank holidays are a subset of the UK-wide union, so FOISA counts at least as many
    # working days in any stretch.
    foisa = compute_deadline(Regime.FOISA, received).due
    foia = compute_deadline(Regime.FOIA, received).due
    assert foisa is not None and foia is not None
    assert foisa <= foia


@settings(max_examples=200, deadline=None)
@given(regime=regimes, start=dates, n=st.integers(0, 300))
def test_add_and_count_are_inverse(regime, start, n):
    cal = default_calendar(regime)
    end = cal.add_working_days(start, n)
    assert cal.working_days_between(start, end) == n
    assert n == 0 or cal.is_working_day(end)
    assert cal.subtract_working_days(end, n) <= start or n == 0


@settings(max_examples=100, deadline=None)
@given(regime=regimes, received=dates)
def test_explanation_accounts_for_every_day(regime, received):
    d = compute_deadline(regime, received)
    assert d.due is not None
    e = d.explanation
    covered = {s.day for s in e.skipped} | set(e.counted)
    assert len(covered) == (d.due - d.date_of_receipt).days
    assert len(e.counted) == 20
    assert e.counted[-1] == d.due
