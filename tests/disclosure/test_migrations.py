"""The disclosure log's search index made again by a migration, forwards and backwards, on
the database the suite runs on."""

import pytest
from django.db import connection

from foidesk.disclosure import search
from tests.conftest import migrate

BEFORE_WORDS = ("disclosure", "0004_search_reference")
WORDS = ("disclosure", "0005_search_words")


def indexed(publication_id: int, word: str) -> bool:
    """Whether the search index holds ``word`` for the publication, read without
    ``search.search`` (which follows the latest migration)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT search_document @@ to_tsquery('simple', %s) "
                "FROM disclosure_publication WHERE id = %s",
                [word, publication_id],
            )
            return bool(cursor.fetchone()[0])
        cursor.execute(
            "SELECT count(*) FROM disclosure_search "
            "WHERE disclosure_search MATCH %s AND rowid = %s",
            [f'"{word}"', publication_id],
        )
        return bool(cursor.fetchone()[0])


@pytest.mark.django_db(transaction=True)
def test_the_index_is_made_of_the_words_sqlite_indexes_and_back(published):
    """``0005_search_words``: on PostgreSQL the index is made from the text split at its
    punctuation ("2023/24" is "2023" and "24"), keeps the stop words ("the") and loses the
    accents ("café" is "cafe"), and is made again as it was when the migration is reversed;
    SQLite's index, made so already, is the same either way."""
    entry = published(title="Overtime", text="Overtime paid in the café in the year 2023/24.")
    splits_before = connection.vendor == "sqlite"
    migrate(*BEFORE_WORDS)
    assert indexed(entry.pk, "2023") is splits_before
    assert indexed(entry.pk, "the") is splits_before
    assert indexed(entry.pk, "cafe") is splits_before
    assert indexed(entry.pk, "overtim") or indexed(entry.pk, "overtime")
    migrate(*WORDS)
    assert indexed(entry.pk, "2023") and indexed(entry.pk, "24") and indexed(entry.pk, "the")
    assert indexed(entry.pk, "cafe")
    assert search.search("2023").ids == [entry.pk]
    migrate(*BEFORE_WORDS)
    assert indexed(entry.pk, "2023") is splits_before
    assert indexed(entry.pk, "the") is splits_before
    migrate(*WORDS)
    assert search.search("2023/24").ids == [entry.pk]
    assert search.search('"in the cafe in the year"').ids == [entry.pk]
