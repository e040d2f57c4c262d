"""Fixtures for the Django side of statistics tables: stored files go to a temporary folder."""

import pytest

from foidesk.statistics import demo_data
from foidesk.statistics.models import SourceKind
from foidesk.statistics.services import dataset_register
from foidesk.statistics.sources import Source, as_text


@pytest.fixture(autouse=True)
def allowed_databases(settings, tmp_path):
    """Data sets may be read from SQLite files under this test's folder only."""
    settings.DATASET_DATABASES = [f"sqlite:///{tmp_path}"]
    return settings.DATASET_DATABASES


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored(media) -> list[str]:
    """Every file under MEDIA_ROOT, relative to it."""
    if not media.exists():
        return []
    return sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())


@pytest.fixture
def demo_dataset(db, media, officer):
    """The generated professional-standards data set, registered through the service."""
    schema = demo_data.SCHEMA
    rows = [tuple(as_text(r[name]) for name in schema.names) for r in demo_data.records()]
    return dataset_register(
        actor=officer,
        name="Professional standards cases",
        kind=SourceKind.CSV,
        source=Source(schema=schema, rows=rows, source_name="psd.csv", file_or_table="psd.csv"),
    )
