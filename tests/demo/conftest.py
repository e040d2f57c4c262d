"""The demo loaded once for the demo's tests (it takes half a minute on PostgreSQL)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings


@pytest.fixture(scope="package")
def demo_output(django_db_setup, django_db_blocker, tmp_path_factory):
    """``foidesk demo`` run once; its output. MEDIA_ROOT stays the demo's while the tests run:
    190A/23's attachment is stored and read there."""
    var_dir = tmp_path_factory.mktemp("var")
    out, err = StringIO(), StringIO()
    with override_settings(VAR_DIR=var_dir, MEDIA_ROOT=var_dir / "media"):
        with django_db_blocker.unblock():
            call_command("demo", stdout=out, stderr=err)
        yield out.getvalue()
        with django_db_blocker.unblock():
            # The audit trail refuses ORM deletes; flush empties the tables the way Django's
            # transactional tests do.
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo(demo_output, db):
    return demo_output
