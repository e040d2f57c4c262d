"""The response deadline: a named test per legal edge case (rules sections 1, 4, 6, 7 and 11).

Every expected date was derived by hand from ``python -c 'import calendar;
print(calendar.month(Y, M))'`` and the holiday lists in rules section 2a; the comment above each
assertion shows the count (d1 = day 1).
"""

from dataclasses import fields
from datetime import date

import pytest

from foidesk.law.calendars import (
    Calendar,
    HolidayTable,
    Nation,
    ProclaimedDay,
    SkipKind,
    default_calendar,
)
from foidesk.law.deadlines import (
    ClockInputError,
    DateOutOfRange,
    Deadline,
    RuleNotAvailable,
    WeekendReceipt,
    compute_deadline,
    last_day_of_months_beginning_with,
)
from foidesk.law.regimes import Regime

FOIA, EIR, FOISA = Regime.FOIA, Regime.EIR, Regime.FOISA


def skipped(deadline: Deadline) -> dict[date, str]:
    return {s.day: s.text for s in deadline.explanation.skipped}


# -- the seed case ---------------------------------------------------------------------------


def test_seed_request_190a_23_received_in_january_2023():
    # West Midlands Police 190A/23 (shared/seed): the request quotes the Met's clarification of
    # 18 Jan 2023, so it arrived after that; the log gives no date, so take Fri 20 Jan 2023.
    # d1 Mon 23 Jan; 23-27 (1-5), 30 Jan-3 Feb (6-10), 6-10 Feb (11-15), 13-17 Feb (16-20).
    d = compute_deadline(FOIA, date(2023, 1, 20))
    assert d.due == date(2023, 2, 17)
    assert d.day_one == date(2023, 1, 23)
    assert d.calendar_version == "holidays-0.109+table-2026.1"
    text = d.explanation.as_text()
    assert "FOIA s10(1): the 20th working day following the date of receipt" in text
    assert "https://www.legislation.gov.uk/ukpga/2000/36/section/10" in text
    assert "Sat 21 Jan 2023: Saturday" in text
    assert len(d.explanation.counted) == 20


def test_regime_may_be_given_as_text():
    assert compute_deadline("foia", date(2023, 1, 20)).due == date(2023, 2, 17)


# -- day one and weekend receipt -------------------------------------------------------------


def test_weekend_receipt_ico_reading_saturday_is_the_date_of_receipt():
    # Sat 14 Jan 2023. ICO/LTT47: d1 Mon 16 Jan; 16-20 (1-5), 23-27 (6-10), 30-3 (11-15),
    # 6-10 Feb (16-20) -> Fri 10 Feb 2023.
    d = compute_deadline(FOIA, date(2023, 1, 14))
    assert d.weekend_receipt is WeekendReceipt.ICO
    assert d.day_one == date(2023, 1, 16)
    assert d.due == date(2023, 2, 10)
    assert "not a working day (Saturday)" in d.explanation.start_reason


def test_weekend_receipt_code_reading_is_one_working_day_later():
    # Sat 14 Jan 2023 treated as received Mon 16 Jan (s45 Code para 4.2): d1 Tue 17 Jan;
    # 17-20 (1-4), 23-27 (5-9), 30-3 (10-14), 6-10 Feb (15-19), Mon 13 Feb (20).
    d = compute_deadline(FOIA, date(2023, 1, 14), weekend_receipt=WeekendReceipt.CODE)
    assert d.day_one == date(2023, 1, 17)
    assert d.due == date(2023, 2, 13)
    assert skipped(d)[date(2023, 1, 16)].startswith("treated as the date of receipt")
    assert "UNVERIFIED" in d.explanation.as_text()


def test_code_reading_changes_nothing_for_a_working_day_receipt():
    working = date(2023, 1, 20)
    assert (
        compute_deadline(FOIA, working, weekend_receipt=WeekendReceipt.CODE).due
        == compute_deadline(FOIA, working).due
    )


def test_bank_holiday_receipt_follows_the_same_setting():
    # Received on Good Friday, Fri 7 Apr 2023. ICO: d1 Tue 11 Apr (Mon 10 Easter Monday);
    # 11-14 (1-4), 17-21 (5-9), 24-28 (10-14), Mon 1 May holiday, 2-5 May (15-18),
    # Mon 8 May coronation, 9-10 May (19-20) -> Wed 10 May. Code reading: one day later.
    assert compute_deadline(FOIA, date(2023, 4, 7)).due == date(2023, 5, 10)
    code = compute_deadline(FOIA, date(2023, 4, 7), weekend_receipt=WeekendReceipt.CODE)
    assert code.due == date(2023, 5, 11)


# -- UK-wide holidays for an English authority, Scottish-only for FOISA ----------------------


def test_scottish_2_january_for_an_english_authority():
    # Tue 31 Dec 2024: Wed 1 Jan (UK), Thu 2 Jan 2025 (Scotland) skipped; d1 Fri 3 Jan;
    # 3 (1), 6-10 (2-6), 13-17 (7-11), 20-24 (12-16), 27-30 (17-20) -> Thu 30 Jan 2025.
    # Counting English holidays only would give Wed 29 Jan.
    d = compute_deadline(FOIA, date(2024, 12, 31))
    assert d.due == date(2025, 1, 30)
    assert skipped(d)[date(2025, 1, 2)] == "Scotland: New Year Holiday"


def test_scottish_first_monday_of_august_for_an_english_authority():
    # Mon 31 Jul 2023. FOIA: d1 Tue 1 Aug; 1-4 (1-4), Mon 7 Aug (Scotland) skipped, 8-11 (5-8),
    # 14-18 (9-13), 21-25 (14-18), Mon 28 Aug (E&W, NI) skipped, 29-30 (19-20) -> Wed 30 Aug.
    d = compute_deadline(FOIA, date(2023, 7, 31))
    assert d.due == date(2023, 8, 30)
    assert skipped(d)[date(2023, 8, 7)] == "Scotland: Summer Bank Holiday"
    # FOISA counts Mon 28 Aug (not Scottish) -> Tue 29 Aug.
    assert compute_deadline(FOISA, date(2023, 7, 31)).due == date(2023, 8, 29)


def test_st_andrews_day_for_an_english_authority():
    # Mon 20 Nov 2023: d1 Tue 21; 21-24 (1-4), 27-29 (5-7), Thu 30 Nov skipped, Fri 1 Dec (8),
    # 4-8 (9-13), 11-15 (14-18), 18-19 (19-20) -> Tue 19 Dec 2023.
    d = compute_deadline(FOIA, date(2023, 11, 20))
    assert d.due == date(2023, 12, 19)
    assert skipped(d)[date(2023, 11, 30)] == "Scotland: Saint Andrew's Day"


def test_st_patricks_day_for_an_english_authority_but_not_under_foisa():
    # Fri 3 Mar 2023: d1 Mon 6; 6-10 (1-5), 13-16 (6-9), Fri 17 Mar (NI) skipped, 20-24 (10-14),
    # 27-31 (15-19), Mon 3 Apr (20). FOISA counts 17 Mar -> Fri 31 Mar.
    d = compute_deadline(FOIA, date(2023, 3, 3))
    assert d.due == date(2023, 4, 3)
    assert skipped(d)[date(2023, 3, 17)] == "Northern Ireland: Saint Patrick's Day"
    assert compute_deadline(FOISA, date(2023, 3, 3)).due == date(2023, 3, 31)


def test_twelfth_of_july_for_an_english_authority_but_not_under_foisa():
    # Fri 30 Jun 2023: d1 Mon 3 Jul; 3-7 (1-5), 10-11 (6-7), Wed 12 Jul (NI) skipped,
    # 13-14 (8-9), 17-21 (10-14), 24-28 (15-19), Mon 31 Jul (20). FOISA -> Fri 28 Jul.
    d = compute_deadline(FOIA, date(2023, 6, 30))
    assert d.due == date(2023, 7, 31)
    assert skipped(d)[date(2023, 7, 12)] == "Northern Ireland: Battle of the Boyne"
    assert compute_deadline(FOISA, date(2023, 6, 30)).due == date(2023, 7, 28)


def test_easter_under_foisa_good_friday_skipped_easter_monday_counted():
    # Fri 31 Mar 2023. FOISA: d1 Mon 3 Apr; 3-6 (1-4), Good Friday 7 Apr skipped, Easter Monday
    # 10 Apr counted (5), 11-14 (6-9), 17-21 (10-14), 24-28 (15-19), Mon 1 May (Scottish May
    # Day) skipped, Tue 2 May (20).
    d = compute_deadline(FOISA, date(2023, 3, 31))
    assert d.due == date(2023, 5, 2)
    assert date(2023, 4, 10) in d.explanation.counted
    assert skipped(d)[date(2023, 4, 7)] == "Scotland: Good Friday"
    # FOIA skips both: 3-6 (1-4), 11-14 (5-8), 17-21 (9-13), 24-28 (14-18), 2-3 May (19-20).
    foia = compute_deadline(FOIA, date(2023, 3, 31))
    assert foia.due == date(2023, 5, 3)
    assert skipped(foia)[date(2023, 4, 7)] == "Good Friday (named in FOIA s10(6))"
    assert skipped(foia)[date(2023, 4, 10)] == "England and Wales, Northern Ireland: Easter Monday"


def test_christmas_and_new_year():
    # Fri 15 Dec 2023: d1 Mon 18; 18-22 (1-5), Mon 25 Christmas, Tue 26 Boxing Day, 27-29
    # (6-8), Mon 1 Jan 2024 New Year, Tue 2 Jan (Scotland), 3-5 (9-11), 8-12 (12-16),
    # 15-18 (17-20) -> Thu 18 Jan 2024. FOISA skips the same days.
    d = compute_deadline(FOIA, date(2023, 12, 15))
    assert d.due == date(2024, 1, 18)
    s = skipped(d)
    assert s[date(2023, 12, 25)] == "Christmas Day (named in FOIA s10(6))"
    assert s[date(2023, 12, 26)] == "UK-wide: Boxing Day"
    assert s[date(2024, 1, 2)] == "Scotland: New Year Holiday"
    assert date(2023, 12, 27) in d.explanation.counted  # office closure days count (T4)
    assert compute_deadline(FOISA, date(2023, 12, 15)).due == date(2024, 1, 18)


def test_queens_funeral_2022_is_a_non_working_day():
    # Mon 19 Sep 2022 (proclaimed, UK-wide; bundled table). Thu 15 Sep 2022: d1 Fri 16 (1),
    # Mon 19 skipped, 20-23 (2-5), 26-30 (6-10), 3-7 Oct (11-15), 10-14 Oct (16-20).
    d = compute_deadline(FOIA, date(2022, 9, 15))
    assert d.due == date(2022, 10, 14)
    assert "State Funeral of Queen Elizabeth II" in skipped(d)[date(2022, 9, 19)]


# -- 2026 World Cup day and newly proclaimed days --------------------------------------------


def test_2026_scottish_world_cup_day_for_foia_and_foisa():
    # Fri 12 Jun 2026. FOIA: Mon 15 Jun (Scotland) skipped, d1 Tue 16; 16-19 (1-4),
    # 22-26 (5-9), 29 Jun-3 Jul (10-14), 6-10 Jul (15-19), Mon 13 Jul (Boyne observed, NI)
    # skipped, Tue 14 Jul (20). FOISA: 15 Jun skipped, 13 Jul counted (20) -> Mon 13 Jul.
    foia = compute_deadline(FOIA, date(2026, 6, 12))
    assert foia.day_one == date(2026, 6, 16)
    assert foia.due == date(2026, 7, 14)
    assert skipped(foia)[date(2026, 6, 15)].startswith("Scotland: ")
    foisa = compute_deadline(FOISA, date(2026, 6, 12))
    assert foisa.due == date(2026, 7, 13)


def test_world_cup_day_survives_a_table_without_it():
    # holidays 0.109 already has 15 Jun 2026 (PR #3272); the table entry is a harmless union.
    empty = Calendar.for_regime(FOIA, table=HolidayTable(version="empty"))
    assert compute_deadline(FOIA, date(2026, 6, 12), calendar=empty).due == date(2026, 7, 14)


def test_newly_proclaimed_day_changes_an_open_deadline_and_the_version():
    # An open FOIA request received Fri 12 Jun 2026 is due Tue 14 Jul 2026. A (fictional) day
    # proclaimed later for Northern Ireland, Fri 26 Jun 2026, moves it one working day to
    # Wed 15 Jul; the stored calendar version shows which data each answer used (trap 17).
    before = compute_deadline(FOIA, date(2026, 6, 12))
    newer = HolidayTable(
        version="2026.2",
        days=(
            *HolidayTable.bundled().days,
            ProclaimedDay(
                date(2026, 6, 26), (Nation.NIR,), "Proclaimed test day", "https://x.test/p"
            ),
        ),
    )
    after = before.recompute(Calendar.for_regime(FOIA, table=newer))
    assert before.due == date(2026, 7, 14)
    assert after.due == date(2026, 7, 15)
    assert before.calendar_version == "holidays-0.109+table-2026.1"
    assert after.calendar_version == "holidays-0.109+table-2026.2"
    assert skipped(after)[date(2026, 6, 26)] == "Northern Ireland: Proclaimed test day"
    # FOISA ignores a Northern Irish day.
    foisa_new = Calendar.for_regime(FOISA, table=newer)
    assert compute_deadline(FOISA, date(2026, 6, 12), calendar=foisa_new).due == date(2026, 7, 13)


# -- clarification, fees, extensions ---------------------------------------------------------


def test_clarification_restarts_the_clock():
    # Received Mon 6 Feb 2023 (due Mon 6 Mar); clarification arrives Wed 15 Feb 2023, the new
    # date of receipt: d1 Thu 16 Feb; 16-17 (1-2), 20-24 (3-7), 27 Feb-3 Mar (8-12), 6-10 (13-17),
    # 13-15 Mar (18-20) -> Wed 15 Mar. A pause model would have given an earlier date.
    plain = compute_deadline(FOIA, date(2023, 2, 6))
    assert plain.due == date(2023, 3, 6)
    d = compute_deadline(FOIA, date(2023, 2, 6), clarification_received=date(2023, 2, 15))
    assert d.date_of_receipt == date(2023, 2, 15)
    assert d.due == date(2023, 3, 15)
    assert d.due == compute_deadline(FOIA, date(2023, 2, 15)).due
    assert d.received == date(2023, 2, 6)
    assert "restarts from zero" in d.explanation.as_text()


def test_fee_pause_spanning_easter():
    # Received Mon 3 Apr 2023, d1 Tue 4 Apr. Fees notice Wed 5 Apr, fee received Wed 12 Apr:
    # working days 5, 6, 11, 12 Apr are disregarded (both ends included, s10(2)); Good Friday
    # and Easter Monday are not working days anyway. Counted: 4 Apr (1), 13-14 (2-3), 17-21
    # (4-8), 24-28 (9-13), Mon 1 May holiday, 2-5 May (14-17), Mon 8 May coronation,
    # 9-11 May (18-20) -> Thu 11 May 2023 (without the fee: Thu 4 May).
    plain = compute_deadline(FOIA, date(2023, 4, 3))
    assert plain.due == date(2023, 5, 4)
    d = compute_deadline(
        FOIA, date(2023, 4, 3), fee_notice=date(2023, 4, 5), fee_paid=date(2023, 4, 12)
    )
    assert d.paused_working_days == 4
    assert d.due == date(2023, 5, 11)
    s = {x.day: x for x in d.explanation.skipped}
    assert s[date(2023, 4, 5)].kinds == (SkipKind.FEE_PAUSE,)
    assert s[date(2023, 4, 12)].kinds == (SkipKind.FEE_PAUSE,)
    assert s[date(2023, 4, 7)].kinds == (SkipKind.GOOD_FRIDAY,)
    # s9(2): three months beginning with Wed 5 Apr end the day before 5 Jul -> Tue 4 Jul 2023.
    assert d.fee_payment_due == date(2023, 7, 4)


def test_unpaid_fee_pauses_the_clock_indefinitely():
    d = compute_deadline(FOIA, date(2023, 4, 3), fee_notice=date(2023, 4, 5))
    assert d.due is None
    assert d.paused
    assert d.fee_payment_due == date(2023, 7, 4)
    assert "not yet received" in d.explanation.as_text()


def test_fee_paid_after_three_months_warns():
    d = compute_deadline(
        FOIA, date(2023, 4, 3), fee_notice=date(2023, 4, 5), fee_paid=date(2023, 7, 5)
    )
    assert d.due is not None
    assert any("three-month period" in w for w in d.warnings)


def test_fee_notice_after_the_deadline_does_not_pause():
    # Received Mon 3 Apr 2023, due Thu 4 May; a fees notice on Fri 5 May is too late (s9).
    d = compute_deadline(
        FOIA, date(2023, 4, 3), fee_notice=date(2023, 5, 5), fee_paid=date(2023, 5, 10)
    )
    assert d.due == date(2023, 5, 4)
    assert not d.fee_pause_applied
    assert any("does not pause" in w for w in d.warnings)


def test_three_months_beginning_with_at_month_ends():
    # No 30 Feb: three months beginning with 30 Nov 2023 end on the last day of Feb 2024.
    assert last_day_of_months_beginning_with(date(2023, 11, 30), 3) == date(2024, 2, 29)
    assert last_day_of_months_beginning_with(date(2023, 1, 10), 3) == date(2023, 4, 9)
    assert last_day_of_months_beginning_with(date(2023, 3, 1), 3) == date(2023, 5, 31)


def test_pit_extension_leaves_the_s17_notice_date():
    # Received Thu 19 Jan 2023: day 20 is Thu 16 Feb; day 40 is Thu 16 Mar (17 Feb (21),
    # 20-24 (22-26), 27 Feb-3 Mar (27-31), 6-10 (32-36), 13-16 Mar (37-40)).
    d = compute_deadline(FOIA, date(2023, 1, 19), pit_extension_to=date(2023, 3, 16))
    assert d.due == date(2023, 2, 16)
    assert d.notice_due == date(2023, 2, 16)
    assert d.decision_due == date(2023, 3, 16)
    assert d.pit_limit == date(2023, 3, 16)
    assert d.warnings == ()
    assert "s17(1) notice" in d.explanation.as_text()


def test_pit_extension_past_40_working_days_warns():
    d = compute_deadline(FOIA, date(2023, 1, 19), pit_extension_to=date(2023, 3, 17))
    assert d.due == date(2023, 2, 16)
    assert len(d.warnings) == 1
    assert "working day 40 (Thu 16 Mar 2023)" in d.warnings[0]
    # The limit is a parameter (the ICO's 40 is UNVERIFIED wording).
    lenient = compute_deadline(
        FOIA, date(2023, 1, 19), pit_extension_to=date(2023, 3, 17), pit_limit_working_days=60
    )
    assert lenient.warnings == ()


def test_pit_extension_before_the_notice_date_is_refused():
    with pytest.raises(ClockInputError):
        compute_deadline(FOIA, date(2023, 1, 19), pit_extension_to=date(2023, 2, 1))


def test_foisa_has_no_pit_extension():
    with pytest.raises(RuleNotAvailable, match="FOISA has no public interest extension"):
        compute_deadline(FOISA, date(2023, 1, 19), pit_extension_to=date(2023, 3, 16))


def test_eir_has_no_pit_extension_but_reg_7():
    with pytest.raises(RuleNotAvailable, match="reg 7"):
        compute_deadline(EIR, date(2023, 1, 19), pit_extension_to=date(2023, 3, 16))


def test_eir_reg_7_extension_to_40_working_days():
    # Thu 19 Jan 2023: day 40 is Thu 16 Mar 2023 (see the PIT test); notify by day 20.
    d = compute_deadline(EIR, date(2023, 1, 19), eir_extension=True)
    assert d.working_days == 40
    assert d.due == date(2023, 3, 16)
    assert d.extension_notice_due == date(2023, 2, 16)
    assert "EIR reg 7(1)" in d.explanation.as_text()


@pytest.mark.parametrize("regime", [FOIA, FOISA])
def test_reg_7_extension_is_only_for_eir(regime):
    with pytest.raises(RuleNotAvailable):
        compute_deadline(regime, date(2023, 1, 19), eir_extension=True)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"fee_paid": date(2023, 2, 1)},
        {"fee_notice": date(2023, 2, 1), "fee_paid": date(2023, 1, 30)},
        {"fee_notice": date(2023, 1, 10)},
        {"clarification_received": date(2023, 1, 10)},
    ],
)
def test_impossible_dates_are_refused(kwargs):
    with pytest.raises(ClockInputError):
        compute_deadline(FOIA, date(2023, 1, 19), **kwargs)


@pytest.mark.parametrize(
    ("received", "kwargs"),
    [
        (date(9999, 12, 31), {}),
        (date(9998, 1, 5), {}),
        (date(1, 1, 1), {}),
        (date(2100, 12, 20), {}),  # day 20 would be in January 2101
        (date(2023, 1, 19), {"clarification_received": date(9999, 12, 31)}),
        (date(2023, 1, 19), {"fee_notice": date(9999, 12, 31)}),
        (date(2023, 1, 19), {"fee_notice": date(2023, 1, 20), "fee_paid": date(9999, 12, 31)}),
        # A decision date typed as 9999 (or 2203) is a slip, not an extension to check against
        # the ICO's 40 working days only with a warning.
        (date(2023, 1, 19), {"pit_extension_to": date(9999, 12, 31)}),
        (date(2023, 1, 19), {"pit_extension_to": date(2101, 1, 3)}),
    ],
)
def test_dates_outside_the_known_bank_holidays_are_refused(received, kwargs):
    # The holidays package knows the UK's bank holidays for 1872 to 2100 only.
    with pytest.raises(DateOutOfRange, match="bank holidays are known"):
        compute_deadline(FOIA, received, **kwargs)


def test_last_day_with_known_bank_holidays_can_be_due():
    # Wed 1 Dec 2100: 20 working days to Fri 31 Dec 2100 (Sat 25 Dec Christmas Day and Sun 26
    # Boxing Day fall at the weekend; the substitute days Mon 27 and Tue 28 do not count).
    assert compute_deadline(FOIA, date(2100, 12, 1)).due == date(2100, 12, 31)


def test_code_reading_that_moves_day_20_past_the_known_years_is_refused():
    # With a day proclaimed on Wed 1 Dec 2100 the request's working day 20 is still Fri 31 Dec
    # under the ICO reading; the Code reading moves it one working day on, into 2101.
    proclaimed = ProclaimedDay(date(2100, 12, 1), (Nation.ENG,), "Test day", "https://example")
    cal = Calendar.for_regime(FOIA, extra_days=[proclaimed])
    assert compute_deadline(FOIA, date(2100, 12, 1), calendar=cal).due == date(2100, 12, 31)
    with pytest.raises(DateOutOfRange, match="working day 20 would fall after"):
        compute_deadline(FOIA, date(2100, 12, 1), weekend_receipt=WeekendReceipt.CODE, calendar=cal)


# -- results ---------------------------------------------------------------------------------


def test_fast_constructor_matches_dataclass():
    d = compute_deadline(
        FOIA, date(2023, 4, 3), fee_notice=date(2023, 4, 5), fee_paid=date(2023, 4, 12)
    )
    names = {f.name for f in fields(Deadline)}
    assert set(vars(d)) == names
    assert Deadline(**{n: getattr(d, n) for n in names}) == d
    with pytest.raises(AttributeError):
        d.due = date(2024, 1, 1)  # type: ignore[misc]


def test_explanation_is_structured_and_json_ready():
    d = compute_deadline(FOIA, date(2023, 3, 3))
    data = d.to_dict()
    assert data["due"] == "2023-04-03"
    detail = data["explanation_detail"]
    by_date = {s["date"]: s for s in detail["skipped"]}
    assert by_date["2023-03-17"]["kinds"] == ["bank_holiday"]
    assert by_date["2023-03-17"]["reasons"] == ["Northern Ireland: Saint Patrick's Day"]
    assert len(detail["counted"]) == 20
    assert any(
        s["url"] == "https://www.legislation.gov.uk/ukpga/2000/36/section/10"
        for s in detail["steps"]
    )
    assert data["explanation"][0] == "FOIA response due: Mon 3 Apr 2023"


def test_every_day_between_receipt_and_due_is_counted_or_explained():
    d = compute_deadline(
        FOIA,
        date(2023, 12, 9),
        weekend_receipt=WeekendReceipt.CODE,
        fee_notice=date(2023, 12, 20),
        fee_paid=date(2024, 1, 4),
    )
    assert d.due is not None
    days = {x.day for x in d.explanation.skipped} | set(d.explanation.counted)
    span = (d.due - d.date_of_receipt).days
    assert len(days) == span
    assert len(d.explanation.counted) == 20


def test_shared_calendar_is_used_by_default():
    d = compute_deadline(FOIA, date(2023, 1, 20))
    assert d.calendar is default_calendar(FOIA)
