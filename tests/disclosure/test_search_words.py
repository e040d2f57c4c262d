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


@pytest.fixture
def dogs(published):
    return {
        "the police": published(
            title="Retired dogs", text="What happens to the police dogs when they retire?"
        ).reference,
        "police in the county": published(
            title="Dog handlers", text="How many dog handlers work for police in the county?"
        ).reference,
        "chief of police": published(
            title="Chief's dogs", text="Does the chief of police own the dogs?"
        ).reference,
        "no short words": published(title="Kennels", text="Kennel costs, dogs only.").reference,
    }


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        # Alone, a stop word is neither required nor excluding.
        ("the", set()),
        ("NOT police", {"the police", "police in the county", "chief of police"}),
        ("police NOT dogs", {"the police", "police in the county", "chief of police"}),
        ("dogs -the", {"the police", "police in the county", "chief of police", "no short words"}),
        ("the OR kennel", {"no short words"}),
        # In a phrase it counts.
        ('"the police"', {"the police"}),
        ('"police in the county"', {"police in the county"}),
        ('"chief of police"', {"chief of police"}),
        ('"chief at police"', set()),
        ('-"the police" police', {"police in the county", "chief of police"}),
    ],
)
def test_short_common_words_are_ignored_alone_and_kept_in_a_phrase(client, dogs, typed, found):
    """Stop words matched nearly everything on SQLite (FTS5 indexes them) and nothing on
    PostgreSQL (its English configuration dropped them from the index and the query), so
    "NOT police", "dogs -the" and "the police" in quotes found different entries."""
    assert refs(client, typed) == {dogs[name] for name in found}


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("cafe", {"café", "cafe"}),
        ("café", {"café", "cafe"}),
        ("CAFÉ", {"café", "cafe"}),
        ('"the café licence"', {"café"}),
        ("gwyl", {"gŵyl"}),
        ("Gŵyl", {"gŵyl"}),
        ("strasse", set()),
    ],
)
def test_a_word_is_found_with_or_without_its_accents(client, published, typed, found):
    """FTS5 took the accents off as it indexed ("café" as "cafe"); PostgreSQL kept them, so
    "cafe" found "café" only on SQLite. Letters that are not an accented ASCII letter ("ß")
    stay as they are on both."""
    entries = {
        "café": published(title="Café licence", text="When was the café licence granted?"),
        "cafe": published(title="Cafe seating", text="Seating outside the cafe."),
        "gŵyl": published(title="Gŵyl y Cyhoedd", text="Policing the Gŵyl in Caernarfon."),
        "straße": published(title="Hauptstraße", text="Officers seconded to the Straße."),
    }
    assert refs(client, typed) == {entries[name].reference for name in found}


def test_every_accented_letter_is_found_by_its_plain_letter(published):
    """Every letter in ``search.ACCENTS`` is taken off its accent alike by both databases'
    indexes and by the search box."""
    from foidesk.disclosure import search

    accented = [chr(c) for c in search.ACCENTS]
    plain = [chr(search.ACCENTS[c]) for c in search.ACCENTS]
    entry = published(title="Letters", text=" ".join(f"zq{a}qz" for a in accented))
    missed = [
        (a, p)
        for a, p in zip(accented, plain, strict=True)
        if search.search(f"zq{p}qz", limit=None).ids != [entry.pk]
        or search.search(f"zq{a}qz", limit=None).ids != [entry.pk]
    ]
    assert missed == []
