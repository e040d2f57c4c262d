"""Settings for the test suite.

The database comes from ``DATABASE_URL`` like everywhere else: the test runner
(``scripts/run_tests.py``) runs the suite once on SQLite and once on PostgreSQL.
"""

from .base import *  # noqa: F403

SECRET_KEY = "test-suite-key-used-only-by-pytest-0000000000"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
