"""Imported records written before a migration, read after it."""

import pytest
from django.utils import timezone

from tests.conftest import migrate

BEFORE_WHOLE = ("imports", "0005_run_last_stored_at")
WHOLE = ("imports", "0006_provisions_text_whole")


@pytest.mark.django_db(transaction=True)
def test_provisions_stored_cut_at_the_old_limit_are_written_whole():
    """The searchable column kept the first 1,000 characters, so a record citing more could not
    be found by its later provisions and had a broken one at the end; 0006 writes them whole."""
    apps = migrate(*BEFORE_WHOLE)
    Record = apps.get_model("imports", "ImportedRecord")
    many = [f"s{n}" for n in range(1, 150)] + [f"reg{n}" for n in range(1, 150)]
    whole = f" {' '.join(many)} "
    assert len(whole) > 1_000
    now = timezone.now()

    def record(key: str, provisions: list[str], corrections: dict) -> int:
        return Record.objects.create(
            authority_name="Exampleshire Police",
            source_key=f"id:{key}",
            title=key,
            regime="foia",
            provisions_text=f" {' '.join(provisions)} "[:1_000] if provisions else "",
            extracted={"record": {"exemptions_cited": provisions}},
            corrections=corrections,
            full_text="...",
            content_hash="0" * 64,
            first_imported_at=now,
            last_imported_at=now,
        ).pk

    cut = record("cut", many, {})
    corrected = record("corrected", many, {"provisions": many[:-1]})
    short = record("short", ["s40(2)"], {"provisions": ["s31(1)(a)"]})

    apps = migrate(*WHOLE)
    Record = apps.get_model("imports", "ImportedRecord")

    def column(pk: int) -> str:
        return Record.objects.get(pk=pk).provisions_text

    assert column(cut) == whole
    assert column(corrected).split() == many[:-1]
    # One the old limit did not cut is left as it was, even where it differs from its reading.
    assert column(short) == " s40(2) "
