"""Counting records: filters, periods, categories, distinct counts, tuples and mappings."""

from datetime import date

import pytest

from foidesk.statistics.definition import (
    Column,
    DefinitionError,
    Dimension,
    Filter,
    Measure,
    Schema,
    TableDefinition,
)
from foidesk.statistics.demo_data import SCHEMA, fast_records, question_3_definition, records
from foidesk.statistics.policy import Policy
from foidesk.statistics.suppression import suppress
from foidesk.statistics.tabulate import DataError, tabulate

S = Schema(
    (
        Column("closed", "date", "date closed"),
        Column("outcome"),
        Column("who"),
        Column("reviewed", "bool"),
    )
)
ROWS = [
    (date(2019, 3, 31), "Dismissed", "A", False),
    ("2019-04-01", "Dismissed ", "A", "yes"),
    ("2019-04-01", "Dismissed", "B", "N"),
    (date(2020, 3, 31), "Final written warning", "B", True),
    (None, "Dismissed", "C", None),
    (date(2021, 6, 1), None, "", False),
]


def by_year(**overrides):
    fields = {
        "title": "Outcomes",
        "rows": (Dimension("closed", "financial_year"),),
        "columns": (Dimension("outcome"),),
    }
    fields.update(overrides)
    return TableDefinition(**fields)


def test_counts_by_financial_year_and_outcome():
    table = tabulate(ROWS, by_year(), schema=S)
    assert table.row_labels == ("2018/19", "2019/20", "2021/22", "Not recorded")
    assert table.column_labels == ("Dismissed", "Final written warning", "Not recorded")
    assert table.cells == ((1, 0, 0), (2, 1, 0), (0, 0, 1), (1, 0, 0))
    assert table.row_totals == (1, 3, 1, 1)
    assert table.column_totals == (4, 1, 1)
    assert table.grand_total == 6
    assert table.row_headings == ("Financial year (date closed)",)
    assert table.records_read == table.records_counted == 6


def test_mappings_give_the_same_table_as_tuples():
    dicts = [dict(zip(S.names, r, strict=True)) for r in ROWS]
    assert tabulate(dicts, by_year(), schema=S).cells == tabulate(ROWS, by_year(), schema=S).cells


def test_categories_show_empty_years_and_leave_others_out():
    definition = by_year(
        rows=(Dimension("closed", "financial_year", categories=("2019/20", "2020/21")),)
    )
    table = tabulate(iter(ROWS), definition, schema=S)
    assert table.row_labels == ("2019/20", "2020/21")
    assert table.cells == ((2, 1), (0, 0))
    assert table.records_excluded == 3
    assert table.records_counted == 3


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (Filter("outcome", "eq", "Dismissed"), 4),
        (Filter("outcome", "ne", "Dismissed"), 2),  # the blank outcome counts as "not"
        (Filter("outcome", "in", ["Dismissed", "Final written warning"]), 5),
        (Filter("outcome", "not_in", ["Dismissed"]), 2),
        (Filter("outcome", "is_blank"), 1),
        (Filter("closed", "not_blank"), 5),
        (Filter("closed", "between", ["2019-04-01", "2020-03-31"]), 3),
        (Filter("closed", "eq", "2019/20", grouping="financial_year"), 3),
        (Filter("closed", "between", ["2018/19", "2019/20"], grouping="financial_year"), 4),
        (Filter("reviewed", "eq", True), 2),
    ],
)
def test_filters(flt, expected):
    table = tabulate(ROWS, TableDefinition("t", filters=(flt,)), schema=S)
    assert table.cells == ((expected,),)
    assert table.row_labels == ("All",)
    assert table.column_labels == ("Number of records",)


def test_distinct_counts_and_their_totals():
    definition = by_year(
        columns=(), measure=Measure("count_distinct", "who"), rows=(Dimension("outcome"),)
    )
    table = tabulate(ROWS, definition, schema=S)
    assert table.row_labels == ("Dismissed", "Final written warning", "Not recorded")
    assert table.cells == ((3,), (1,), (0,))  # A twice is one person; a blank id is nobody
    assert table.column_totals == (3,)  # A, B, C: B counted once across two rows
    assert table.measure_label == "Number of distinct who"


def test_distinct_two_way_totals_are_not_sums():
    records = [("2019-05-01", "X", "A", None), ("2019-05-01", "Y", "A", None)]
    definition = by_year(measure=Measure("count_distinct", "who"))
    table = tabulate(records, definition, schema=S)
    assert table.cells == ((1, 1),)
    assert table.row_totals == (1,)
    assert table.column_totals == (1, 1)
    assert table.grand_total == 1


def test_no_records():
    table = tabulate([], by_year(), schema=S)
    assert table.cells == () and table.records_read == 0


@pytest.mark.parametrize("measure", [Measure("count_records"), Measure("count_distinct", "who")])
def test_fixed_columns_with_no_rows_left_still_have_their_totals(measure):
    # Every record is left out (none has the outcome asked for): the rows, found from the
    # records, are none, but the columns asked for are still there, each with a total of 0.
    definition = by_year(
        columns=(Dimension("outcome", categories=("Reprimand",)),), measure=measure
    )
    table = tabulate(ROWS, definition, schema=S)
    assert (table.row_keys, table.column_keys) == ((), (("Reprimand",),))
    assert (table.row_totals, table.column_totals, table.grand_total) == ((), (0,), 0)
    shown = suppress(table, Policy())
    assert shown.grid() == [["Financial year (date closed)", "Reprimand", "Total"], ["Total", 0, 0]]


def test_bad_data_is_refused_not_miscounted():
    with pytest.raises(DataError, match="'closed'.*not a date"):
        tabulate([("31/03/2019", "X", "A", False)], by_year(), schema=S)
    with pytest.raises(DataError, match="no column 'outcome'"):
        tabulate([{"closed": None, "who": "A", "reviewed": False}], by_year(), schema=S)
    with pytest.raises(DataError, match="fewer values"):
        tabulate([(None,)], by_year(), schema=S)
    with pytest.raises(DefinitionError):
        tabulate(ROWS, TableDefinition("t", rows=(Dimension("nope"),)), schema=S)


def test_demo_question_3_has_small_cells():
    table = tabulate(records(), question_3_definition(), schema=SCHEMA)
    assert table.row_labels == ("2018/19", "2019/20", "2020/21", "2021/22", "2022/23")
    assert table.column_labels == ("Police officer", "Police staff")
    assert any(0 < v < 5 for row in table.cells for v in row)
    assert any(v >= 5 for row in table.cells for v in row)


def test_demo_data_is_deterministic_and_people_recur():
    first, again = records(), records()
    assert first == again
    assert len({r["subject_id"] for r in first}) < len({r["case_reference"] for r in first})
    assert len({r["case_reference"] for r in first}) < len(first)


def test_fast_records_fit_the_schema():
    rows = fast_records(1000)
    assert len(rows) == 1000 and all(len(r) == len(SCHEMA.columns) for r in rows)
    assert fast_records(50) == fast_records(50)


def test_a_table_too_big_for_disclosure_control_is_refused_before_it_is_made():
    # One row per person is record-level data; suppressing it took minutes (a preview hung).
    schema = Schema((Column("who"), Column("outcome")))
    people = [(f"P{i}", "Dismissed" if i % 2 else "Retained") for i in range(501)]
    definition = TableDefinition("t", rows=(Dimension("who"),), columns=(Dimension("outcome"),))
    with pytest.raises(DataError, match=r"501 rows \(one for each who\); at most 500"):
        tabulate(people, definition, schema=schema)
    turned = TableDefinition("t", rows=(Dimension("outcome"),), columns=(Dimension("who"),))
    with pytest.raises(DataError, match="501 columns"):
        tabulate(people, turned, schema=schema)
    assert len(tabulate(people[:500], definition, schema=schema).row_keys) == 500
    # Within each limit, but too many figures in all.
    grid = [(f"P{i}", f"O{j}") for i in range(100) for j in range(51)]
    with pytest.raises(DataError, match="100 rows of 51 figures; at most 5,000"):
        tabulate(grid, definition, schema=schema)
