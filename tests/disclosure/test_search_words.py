"""The same search finds the same entries on SQLite (FTS5) and PostgreSQL (tsvector): the
text and the search box are cut into the same words on both (``disclosure.search``, "The
same words on both engines"). Each test runs on both databases."""

import pytest
from django.urls import reverse

API = reverse("disclosure:api-entries")


def refs(client, q: str) -> set[str]:
    response = client.get(API, {"q": q})
    assert response.status_code == 200, response.content
    return {e["reference"] for e in response.json()["results"]}


@pytest.fixture
def overtime(published):
    """Entries that name financial years only as "2023/24" and "2022/23"."""
    return {
        "2023/24": published(
            title="Overtime paid",
            text="Overtime paid to officers in the financial year 2023/24.",
            reference="301A/24",
        ).reference,
        "2022/23": published(
            title="Overtime paid",
            text="Overtime paid to officers in the financial year 2022/23.",
            reference="302A/24",
        ).reference,
    }


@pytest.mark.parametrize(
    ("typed", "years"),
    [
        ("2023", {"2023/24"}),
        ("2023/24", {"2023/24"}),
        ("2023-24", {"2023/24"}),
        ('"financial year 2023/24"', {"2023/24"}),
        ("overtime 2022/23", {"2022/23"}),
        ("overtime -2023/24", {"2022/23"}),
        ("2023/24 OR 2022/23", {"2023/24", "2022/23"}),
    ],
)
def test_a_financial_year_is_found_by_either_of_its_years_or_as_written(
    client, overtime, typed, years
):
    """PostgreSQL's parser read "2023/24" as one token, so "2023" missed the entry there
    while SQLite (which splits at the slash) found it."""
    assert refs(client, typed) == {overtime[year] for year in years}


@pytest.mark.parametrize("typed", ["West-Midlands", "West Midlands", '"west midlands"'])
def test_a_hyphenated_name_finds_it_written_either_way(client, published, typed):
    """PostgreSQL read "West-Midlands" as the compound and its parts, and searched for the
    compound too, so it did not find "West Midlands" written apart."""
    hyphen = published(title="Mutual aid", text="Officers lent to the West-Midlands force.")
    apart = published(title="Mutual aid costs", text="Costs charged to West Midlands Police.")
    published(title="Mutual aid", text="Officers lent to the Midlands force.")
    assert refs(client, typed) == {hyphen.reference, apart.reference}
