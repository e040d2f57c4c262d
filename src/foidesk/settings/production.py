"""Production settings: the default for the ``foidesk`` command and the WSGI application.

A missing ``FOIDESK_SECRET_KEY`` stops the service at start-up rather than falling back to a
key anyone could read in the repository.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_flag

SECRET_KEY = os.environ.get("FOIDESK_SECRET_KEY", "")
if len(SECRET_KEY) < 32:
    raise ImproperlyConfigured(
        "FOIDESK_SECRET_KEY must be set to a random string of at least 32 characters "
        "(`make run` creates one in var/secret-key for local use)."
    )

SESSION_COOKIE_SECURE = env_flag("FOIDESK_SECURE_COOKIES")
CSRF_COOKIE_SECURE = env_flag("FOIDESK_SECURE_COOKIES")
