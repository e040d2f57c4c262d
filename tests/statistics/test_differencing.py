"""Tables released together: what two tables over the same records give away that each,
suppressed on its own, does not (differencing)."""

from dataclasses import replace

import pytest

from foidesk.statistics import demo_data
from foidesk.statistics.definition import (
    Column,
    Dimension,
    Filter,
    Measure,
    Schema,
    TableDefinition,
)
from foidesk.statistics.differencing import Released, given_away, protect
from foidesk.statistics.policy import Policy
from foidesk.statistics.suppression import suppress
from foidesk.statistics.tabulate import tabulate

SCHEMA = demo_data.SCHEMA


@pytest.fixture(scope="module")
def records():
    return demo_data.records()


def counted(definition, records, policy=None):
    return suppress(tabulate(records, definition, schema=SCHEMA), policy or Policy())


def by_year_and_rank():
    """Question 3's table as a count of records: 2018/19 and 2019/20 each have two small
    cells and a withheld total."""
    return replace(demo_data.question_3_definition(), measure=Measure(), title="By year and rank")


def by_year():
    return replace(by_year_and_rank(), columns=(), title="By year")


def test_each_table_alone_withholds_what_the_other_shows(records):
    both, years = counted(by_year_and_rank(), records), counted(by_year(), records)
    assert [row[1:] for row in both.grid()[1:3]] == [["<5", "<5", "*"], ["<5", "<5", "*"]]
    assert [row[1] for row in years.grid()[1:3]] == [6, 8]


def test_a_total_shown_in_one_table_pins_cells_withheld_in_the_other(records):
    both, years = counted(by_year_and_rank(), records), counted(by_year(), records)
    found = given_away(
        [Released("Q3: by year and rank", both), Released("Q1: by year", years)],
        records,
        SCHEMA,
    )
    # 2019/20: <5 and <5 beside 8 can only be 4 and 4; 2018/19's 6 leaves 2+4, 3+3, 4+2.
    assert [(d.label, d.location, d.value) for d in found] == [
        ("Q3: by year and rank", "2019/20, Police officer", 4),
        ("Q3: by year and rank", "2019/20, Police staff", 4),
    ]
    assert found[0].others == ("Q1: by year",)
    words = found[0].in_words()
    assert "“Q1: by year”" in words and "withheld as <5" in words and "it is 4" in words


def test_the_same_count_shown_under_another_policy_is_given_away(records):
    # Table B shows counts of 3 and 4 (threshold 3); table A withholds them (threshold 5).
    both = counted(by_year_and_rank(), records)
    lower = counted(replace(by_year_and_rank(), title="B"), records, Policy(threshold=3))
    found = given_away([Released("A", both), Released("B", lower)], records, SCHEMA)
    shown_in_b = {
        e.location for row in lower.cells for e in row if not e.suppressed and 0 < e.value < 5
    }
    assert shown_in_b
    same = {d.location for d in found if d.how == "is the same count as a figure shown"}
    assert same == shown_in_b


def test_a_withheld_cell_worked_out_by_subtraction_along_a_shared_dimension(records):
    # Rows by year, columns by officer or staff, and a second table by officer or staff with
    # the same filters and no year: a column of the first withholding one cell and showing
    # the rest gives that cell away as the second table's figure minus the others.
    both = counted(by_year_and_rank(), records)
    years = Filter("date_closed", "between", ["2018/19", "2022/23"], grouping="financial_year")
    ranks = counted(
        replace(by_year_and_rank(), rows=(), filters=(*by_year().filters, years), title="By rank"),
        records,
    )
    assert [e.shown for e in ranks.cells[0]] == [30, 18]
    found = given_away(
        [Released("By rank", ranks), Released("By year and rank", both)], records, SCHEMA
    )
    assert found == []  # the column totals are shown in both: nothing more is learnt

    no_totals = counted(
        replace(by_year_and_rank(), include_totals=False, title="No totals"), records
    )
    assert [row[1] for row in no_totals.grid()[1:]] == ["<5", "<5", 8, 8, 6]
    found = given_away(
        [Released("By rank", ranks), Released("No totals", no_totals)], records, SCHEMA
    )
    # Officers: 30 - 8 - 8 - 6 = 8 across two figures of at most 4: both are 4.
    assert [(d.label, d.location, d.value) for d in found] == [
        ("No totals", "2018/19, Police officer", 4),
        ("No totals", "2019/20, Police officer", 4),
    ]


def test_a_withheld_cell_is_exactly_a_total_shown_elsewhere_less_the_other_cells():
    schema = Schema((Column("year"), Column("rank")), name="small")
    cells = {("2019/20", "Officer"): 3, ("2019/20", "Staff"): 10, ("2020/21", "Officer"): 12}
    rows = [key for key, n in cells.items() for _ in range(n)]
    grid = TableDefinition(
        "Year and rank",
        rows=(Dimension("year"),),
        columns=(Dimension("rank"),),
        include_totals=False,
    )
    ranks = TableDefinition("Rank", rows=(Dimension("rank"),))
    a = suppress(tabulate(rows, grid, schema=schema), Policy())
    b = suppress(tabulate(rows, ranks, schema=schema), Policy())
    assert [r[1:] for r in a.grid()[1:]] == [["<5", 10], [12, 0]]
    assert [r[1] for r in b.grid()[1:]] == [15, 10, 25]
    found = given_away([Released("Year and rank", a), Released("Rank", b)], rows, schema)
    assert [(d.location, d.value, d.how) for d in found] == [
        ("2019/20, Officer", 3, "can be worked out exactly by addition and subtraction")
    ]


def test_a_slightly_different_filter_differences_out_a_small_count(records):
    everything = TableDefinition(
        "Would have been dismissed, by rank",
        rows=(Dimension("subject_type"),),
        filters=(Filter("outcome", "eq", "Would have been dismissed"),),
    )
    but_one = replace(
        everything,
        title="Would have been dismissed, by rank, except confidentiality",
        filters=(*everything.filters, Filter("allegation_type", "ne", "Confidentiality")),
    )
    a, b = counted(everything, records), counted(but_one, records)
    assert a.suppressed == [] and b.suppressed == []
    found = given_away([Released("B", b), Released("A", a)], records, SCHEMA)
    assert [(d.location, d.value) for d in found] == [
        ("records counted for Police officer in “A” but not counted in “B”", 3),
        ("records counted for Police staff in “A” but not counted in “B”", 1),
        ("records counted for Total in “A” but not counted in “B”", 4),
    ]
    assert all(d.entry is None for d in found)


def test_tables_over_different_records_or_the_same_figures_give_nothing_away(records):
    both = counted(by_year_and_rank(), records)
    assert given_away([Released("A", both), Released("A again", both)], records, SCHEMA) == []
    other = TableDefinition(
        "Reviewed cases by outcome",
        rows=(Dimension("outcome"),),
        filters=(Filter("reviewed", "eq", True),),
    )
    assert (
        given_away(
            [Released("Reviewed", counted(other, records)), Released("A", both)], records, SCHEMA
        )
        == []
    )


def test_protect_withholds_more_in_the_new_table_when_that_is_enough(records):
    both = counted(by_year_and_rank(), records)
    result = protect(
        tabulate(records, by_year(), schema=SCHEMA),
        Policy(),
        label="By year",
        others=[Released("By year and rank", both)],
        records=records,
        schema=SCHEMA,
    )
    assert not result.safe  # as first suppressed, it gave something away
    assert result.table is not None
    assert [row[1] for row in result.table.grid()[1:]] == ["*", "*", 11, 12, 11, 48]
    assert {e.location for e in result.extra} == {"2018/19", "2019/20"}
    assert any("tables released together" in e.reason for e in result.extra)
    assert all(str(e.value) not in e.public_reason for e in result.extra)
    again = given_away(
        [Released("By year", result.table), Released("By year and rank", both)], records, SCHEMA
    )
    assert again == []


def test_protect_says_when_withholding_more_in_the_new_table_cannot_help(records):
    years = counted(by_year(), records)
    result = protect(
        tabulate(records, by_year_and_rank(), schema=SCHEMA),
        Policy(),
        label="By year and rank",
        others=[Released("By year", years)],
        records=records,
        schema=SCHEMA,
    )
    assert result.table is None and result.extra == ()
    assert {d.location for d in result.disclosures} == {
        "2019/20, Police officer",
        "2019/20, Police staff",
    }


def test_protect_leaves_a_safe_table_alone(records):
    table = tabulate(records, by_year_and_rank(), schema=SCHEMA)
    result = protect(table, Policy(), label="New", others=[], records=records, schema=SCHEMA)
    assert result.safe and result.table == suppress(table, Policy()) and result.extra == ()


def test_without_secondary_suppression_tables_are_not_checked_together(records):
    policy = Policy(secondary=False)
    years = counted(by_year(), records, policy)
    found = given_away(
        [Released("New", counted(by_year_and_rank(), records, policy)), Released("Old", years)],
        records,
        SCHEMA,
    )
    assert found == []


# --- the bound on the check's work ---------------------------------------------------------


def test_tables_too_large_to_check_together_are_refused_not_passed(records):
    from foidesk.statistics.differencing import MAX_STEPS, TooLargeToCheck

    both, years = counted(by_year_and_rank(), records), counted(by_year(), records)
    tables = [Released("Q3: by year and rank", both), Released("Q1: by year", years)]
    # Within the bound the check is made in full; with too little work allowed for the same
    # tables it refuses (never says nothing is given away).
    assert len(given_away(tables, records, SCHEMA, budget=MAX_STEPS)) == 2
    with pytest.raises(TooLargeToCheck) as raised:
        given_away(tables, records, SCHEMA, budget=100)
    message = str(raised.value)
    assert "too large to check together" in message and "cannot be attached" in message
    assert "fewer rows or columns" in message
    assert raised.value.disclosures == ()
    # One table alone is no joint check: nothing to refuse.
    assert given_away(tables[:1], records, SCHEMA, budget=0) == []


def test_a_search_for_more_figures_to_withhold_that_takes_too_long_says_what_it_found(
    records,
):
    from foidesk.statistics.differencing import TooLargeToCheck

    both = counted(by_year_and_rank(), records)
    arguments = {
        "label": "By year",
        "others": [Released("By year and rank", both)],
        "records": records,
        "schema": SCHEMA,
    }
    table = tabulate(records, by_year(), schema=SCHEMA)
    full = protect(table, Policy(), **arguments)
    assert full.table is not None and full.extra  # enough work allowed: fixed
    # Less work allowed, step by step: first the check itself is too large (nothing found),
    # then the check is made and the search for further figures is what is too large.
    outcomes = []
    budget = 1_000
    while True:
        try:
            result = protect(table, Policy(), budget=budget, **arguments)
        except TooLargeToCheck as exc:
            outcomes.append(tuple(d.location for d in exc.disclosures))
            budget *= 2
        else:
            assert result == full
            break
    assert outcomes[0] == ()
    assert {"2019/20, Police officer", "2019/20, Police staff"} <= set(outcomes[-1])
    message = str(TooLargeToCheck(full.disclosures))
    assert "it is 4" in message and "would take too long" in message
