"""Setting Django up for a benchmark that uses the database, shared by the ``bench_*.py``
scripts beside this file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]


def configure(database_url: str, var_dir: Path, *, allowed_hosts: str | None = None) -> None:
    """Point Django at the benchmark database before it starts (DEBUG off). ``allowed_hosts``:
    the names HTTP requests will use ("testserver" for Django's test client), if any."""
    try:
        import foidesk  # noqa: F401
    except ImportError:  # run from a checkout without installing: use ./src
        sys.path.insert(0, str(PROJECT_DIR / "src"))
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = database_url
    os.environ["FOIDESK_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "foidesk.settings.test"
    if allowed_hosts is not None:
        os.environ["FOIDESK_ALLOWED_HOSTS"] = allowed_hosts
    os.environ.pop("FOIDESK_DEBUG", None)

    import django

    django.setup()


def engine_version() -> str:
    """The database server's version: "16.4" for PostgreSQL, SQLite's library version."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
    import sqlite3

    return sqlite3.sqlite_version
