"""Table definitions: saved with the question, read back equal, mistakes named by field."""

import pytest

from foidesk.statistics.definition import (
    Column,
    DefinitionError,
    Dimension,
    Filter,
    Measure,
    Schema,
    TableDefinition,
    validate,
)
from foidesk.statistics.demo_data import SCHEMA, question_3_definition


def test_json_round_trip():
    definition = question_3_definition()
    again = TableDefinition.from_json(definition.to_json())
    assert again == definition
    assert again.to_dict() == definition.to_dict()


def test_round_trip_of_every_filter_kind():
    definition = TableDefinition(
        title="Everything",
        filters=(
            Filter("outcome", "ne", "Dismissed"),
            Filter("outcome", "not_in", ["A", "B"]),
            Filter("date_closed", "between", ["2019-04-01", "2020-03-31"]),
            Filter("date_opened", "eq", "2019 Q1", grouping="quarter"),
            Filter("reviewed", "eq", True),
            Filter("subject_id", "is_blank"),
            Filter("case_reference", "not_blank"),
        ),
        rows=(Dimension("date_opened", "month"),),
        include_totals=False,
    )
    validate(definition, SCHEMA)
    assert TableDefinition.from_dict(definition.to_dict()) == definition


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "t", "rows": [{"column": "x", "grouping": "fiscal"}]}, "rows[0].grouping"),
        ({"title": "t", "filters": [{"column": "x", "op": "equals"}]}, "filters[0].op"),
        (
            {"title": "t", "filters": [{"column": "x", "op": "in", "value": "A"}]},
            "filters[0].value",
        ),
        (
            {"title": "t", "filters": [{"column": "x", "op": "between", "value": [1]}]},
            "filters[0].value",
        ),
        (
            {
                "title": "t",
                "rows": [
                    {"column": "d", "grouping": "financial_year", "categories": ["2019/2020"]}
                ],
            },
            "rows[0].categories[0]",
        ),
        ({"title": "t", "measure": {"kind": "count_distinct"}}, "measure.column"),
        ({"title": "t", "colour": "red"}, "colour"),
        ({"title": "t", "rows": [{"column": "x", "size": 3}]}, "rows[0].size"),
        ({"title": "t", "format": "something/2"}, "format"),
    ],
)
def test_errors_name_the_field(data, field):
    with pytest.raises(DefinitionError) as info:
        TableDefinition.from_dict(data)
    assert info.value.field == field
    assert str(info.value).startswith(field)


def test_validate_against_the_schema():
    schema = Schema((Column("outcome"), Column("date_closed", "date"), Column("n", "number")))
    with pytest.raises(DefinitionError, match="no column 'outcme'") as info:
        validate(TableDefinition("t", rows=(Dimension("outcme"),)), schema)
    assert info.value.field == "rows[0].column"
    with pytest.raises(DefinitionError, match="needs a date column") as info:
        validate(TableDefinition("t", rows=(Dimension("outcome", "financial_year"),)), schema)
    assert info.value.field == "rows[0].grouping"
    with pytest.raises(DefinitionError) as info:
        validate(TableDefinition("t", filters=(Filter("date_closed", "eq", "soon"),)), schema)
    assert info.value.field == "filters[0].value"
    with pytest.raises(DefinitionError) as info:
        validate(TableDefinition("t", measure=Measure("count_distinct", "who")), schema)
    assert info.value.field == "measure.column"


def test_a_column_cannot_be_two_dimensions():
    with pytest.raises(DefinitionError, match="two dimensions"):
        TableDefinition("t", rows=(Dimension("a"),), columns=(Dimension("a"),))
