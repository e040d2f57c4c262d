"""Disclosure control, by example: primary, secondary, totals, zeros, rounding, reasons."""

from foidesk.statistics.policy import Policy
from foidesk.statistics.suppression import SuppressionKind, suppress
from foidesk.statistics.tabulate import Table

YEARS = ["2018/19", "2019/20", "2020/21"]


def table(cells, include_totals=True):
    columns = [f"C{i}" for i in range(len(cells[0]))]
    rows = [f"R{i}" for i in range(len(cells))]
    return Table.from_counts(
        cells, row_labels=rows, column_labels=columns, include_totals=include_totals
    )


def shown(result):
    return [row[1:] for row in result.grid()[1:]]


def test_primary_then_secondary_in_row_and_column():
    t = Table.from_counts(
        [[3, 10, 12], [8, 9, 20], [15, 2, 30]],
        row_labels=YEARS,
        column_labels=["Dismissed", "Final written warning", "No case to answer"],
    )
    result = suppress(t, Policy())
    assert shown(result) == [
        ["<5", "*", 12, 25],
        [8, 9, 20, 37],
        ["*", "<5", 30, 47],
        [26, 21, 62, 109],
    ]
    first = result.cells[0][0]
    assert first.suppression is SuppressionKind.PRIMARY
    assert first.reason == "primary: 3 is fewer than 5"
    assert "3" not in first.public_reason
    partner = result.cells[0][1]
    assert partner.reason == (
        "secondary: protects the withheld figure for 2018/19, Dismissed (row total)"
    )
    assert partner.public_reason.startswith("Withheld so that the figure for 2018/19, Dismissed")


def test_nothing_small_nothing_withheld():
    result = suppress(table([[5, 6], [7, 8]]), Policy())
    assert result.suppressed == []
    assert shown(result) == [[5, 6, 11], [7, 8, 15], [12, 14, 26]]


def test_only_zeros_beside_it_so_the_total_goes():
    # Row R0 is (3, 0): its only partner would be a zero, which protects nothing.
    result = suppress(table([[3, 0], [20, 30]]), Policy(protect_totals=False))
    r0 = result.cells[0]
    assert r0[0].shown == "<5" and r0[1].shown == 0
    assert result.row_totals[0].suppressed


def test_small_totals_are_withheld_when_protected():
    result = suppress(table([[1, 2], [0, 0]]), Policy())
    assert result.grand_total.suppressed
    assert result.grand_total.shown == "<5"


def test_zeros_shown_or_withheld():
    assert suppress(table([[0, 9], [9, 9]]), Policy()).suppressed == []
    result = suppress(table([[0, 9], [9, 9]]), Policy(suppress_zeros=True))
    assert result.cells[0][0].shown == "<5"
    assert result.cells[0][0].reason == "primary: 0, and this policy withholds zeros"
    # The public reason cannot tell a withheld zero from a withheld 3.
    other = suppress(table([[3, 9], [9, 9]]), Policy(suppress_zeros=True))
    assert result.cells[0][0].public_reason == other.cells[0][0].public_reason


def test_one_dimensional_table_with_a_total_row():
    t = Table.from_counts([[3], [10], [12]], row_labels=YEARS, column_labels=["n"])
    t = Table(
        definition=t.definition.__class__(title="t", rows=t.definition.rows),
        row_keys=t.row_keys,
        column_keys=((),),
        cells=t.cells,
        row_totals=None,
        column_totals=(25,),
        grand_total=None,
        row_headings=("Financial year",),
        measure_label="Number dismissed",
    )
    result = suppress(t, Policy())
    assert [e.shown for e in result.entries()] == ["<5", "*", 12, 25]
    assert result.grid()[0] == ["Financial year", "Number dismissed"]
    assert result.grid()[-1] == ["Total", 25]


def test_rectangles_joined_by_one_cell_are_caught_by_the_audit():
    # The line rule is satisfied after primary suppression, but R2,C0 is the difference of
    # rows R0-R2 and columns C1-C3 taken together.
    t = table([[3, 3, 50, 50], [3, 3, 50, 50], [2, 60, 3, 3], [50, 50, 3, 3]])
    result = suppress(t, Policy())
    assert result.cells[3][0].suppression is SuppressionKind.SECONDARY
    assert "totals taken together" in result.cells[3][0].reason


def test_no_secondary_when_switched_off():
    result = suppress(table([[3, 10], [10, 10]]), Policy(secondary=False))
    assert len(result.suppressed) == 1
    assert any("no other figures" in c for c in result.caveats)


def test_rounding_after_suppression_totals_rounded_independently():
    result = suppress(table([[12, 13, 22], [17, 3, 6], [8, 9, 12]]), Policy(rounding=5))
    assert result.cells[1][1].shown == "<5"
    assert result.cells[0][0].shown == 10  # 12
    assert result.cells[0][2].shown == 20  # 22
    assert result.row_totals[0].shown == 45  # 47, not the sum of what is shown
    assert result.grand_total.shown == 100  # 102
    assert any("may not equal" in c for c in result.caveats)


def test_without_totals_nothing_secondary_but_a_caveat():
    result = suppress(table([[3, 10], [10, 10]], include_totals=False), Policy())
    assert len(result.suppressed) == 1
    assert any("published elsewhere" in c for c in result.caveats)


def test_policy_markers_must_be_safe_and_not_figures():
    import pytest

    with pytest.raises(ValueError, match="formula"):
        Policy(marker="-")
    with pytest.raises(ValueError, match="figure"):
        Policy(secondary_marker="5")
    assert Policy(threshold=10).marker == "<10"
    words = " ".join(Policy().in_words())
    assert "from 1 to 4" in words and "not a legal rule" in words
    assert Policy.from_dict(Policy(rounding=5).to_dict()) == Policy(rounding=5)


def test_two_small_counts_that_can_only_be_ones_get_a_third_partner():
    # <5 means 1 to 4: a row <5, <5, 50 with the total 52 says both are 1.
    result = suppress(table([[1, 1, 50], [20, 30, 40]]), Policy())
    row = shown(result)[0]
    assert row[:2] == ["<5", "<5"]
    assert row[2] == "*"


def test_two_small_counts_that_can_only_be_fours_get_a_third_partner():
    # ... and <5, <5, 50 with the total 58 says both are 4.
    result = suppress(table([[4, 4, 50], [20, 30, 40]]), Policy())
    assert shown(result)[0][2] == "*"


def test_a_small_count_beside_a_partner_of_exactly_the_threshold_is_protected():
    # A partner withheld to protect a <5 is 0 or at least 5: <5, * with the total 6 can only
    # be 1 and 5, so the line needs another withheld figure.
    result = suppress(table([[1, 5, 30], [20, 30, 40]]), Policy())
    assert sum(e.suppressed for e in result.cells[0]) + result.row_totals[0].suppressed >= 3


def test_small_counts_that_could_be_several_values_need_no_more():
    # <5, <5, 50 with the total 55: (1, 4), (2, 3), (3, 2) or (4, 1).
    result = suppress(table([[2, 3, 50], [20, 30, 40]]), Policy())
    assert shown(result)[0] == ["<5", "<5", 50, 55]


def test_distinct_counts_that_can_only_be_fours_are_protected():
    # The demo answer to 190A/23 question 3 counts people: in 2019/20, 4 officers and 4 staff,
    # 8 people. A distinct total is at most the sum of its row, so "<5, <5" beside 8 said 4
    # and 4.
    from foidesk.statistics.demo_data import SCHEMA, question_3_definition, records
    from foidesk.statistics.tabulate import tabulate

    result = suppress(tabulate(records(), question_3_definition(), schema=SCHEMA), Policy())
    assert result.table.cells[1] == (4, 4)
    assert result.grid()[2] != ["2019/20", "<5", "<5", 8]
    assert result.row_totals[1].suppressed
