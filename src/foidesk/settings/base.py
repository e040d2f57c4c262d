"""Settings shared by every environment.

Configuration comes from the environment:

- ``DATABASE_URL``: the database (default: the embedded SQLite file ``var/foidesk.sqlite3``).
  PostgreSQL is the production database, e.g. ``postgres://foidesk@localhost/foidesk``.
- ``FOIDESK_SECRET_KEY``: required by the production settings.
- ``FOIDESK_DEBUG``: ``1`` turns on Django's debug pages (never in production).
- ``FOIDESK_VAR_DIR``: where the SQLite file, collected static files and uploads live.
- ``FOIDESK_ALLOWED_HOSTS``: comma-separated host names served (default: local addresses).
- ``FOIDESK_DATASET_DATABASES``: comma-separated connection URLs (without passwords) of the
  databases FOI officers may read statistics data sets from: ``sqlite:////srv/exports/`` allows
  the files in that folder, ``postgresql://reader@db.internal/psd`` that database (see
  ``statistics.sources.database_allowed``). Empty (the default): data sets come from uploaded
  files only.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(os.environ.get("FOIDESK_VAR_DIR", PROJECT_DIR / "var"))


def env_flag(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable; anything but 1/true/yes/on is no."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("FOIDESK_DEBUG")

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("FOIDESK_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if host.strip()
]

#: Databases an FOI officer may register a data set from (see the module docstring). An
#: officer types a connection URL, so without this list the server would read any database
#: it can reach.
DATASET_DATABASES = [
    url.strip() for url in os.environ.get("FOIDESK_DATASET_DATABASES", "").split(",") if url.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "foidesk.web",
    "foidesk.accounts",
    "foidesk.audit",
    "foidesk.cases",
    "foidesk.decisions",
    "foidesk.deadlines",
    "foidesk.demo",
    "foidesk.imports",
    "foidesk.disclosure",
    "foidesk.statistics",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "foidesk.urls"
WSGI_APPLICATION = "foidesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "src" / "foidesk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "foidesk.web.context_processors.service",
            ],
        },
    },
]


_DATABASE_URL_FORMS = "use sqlite:///PATH or postgres://USER:PASSWORD@HOST:PORT/NAME"


def database_from_env() -> dict:
    """The default database from ``DATABASE_URL``, with SQLite tuned for a small server.

    SQLite runs in WAL mode so that the public pages can be read while staff write, and
    writes take the lock at the start of a transaction (``IMMEDIATE``) so two workers never
    deadlock upgrading a read lock.

    A URL that cannot be read stops start-up with ``ImproperlyConfigured``, which the
    ``foidesk`` command reports in one line; the message never repeats the URL, which may
    hold a password.
    """
    default_sqlite = f"sqlite:///{VAR_DIR / 'foidesk.sqlite3'}"
    try:
        config = dj_database_url.parse(
            os.environ.get("DATABASE_URL", default_sqlite), conn_max_age=60, conn_health_checks=True
        )
    except dj_database_url.UnknownSchemeError as error:
        raise ImproperlyConfigured(
            f"DATABASE_URL: '{error.scheme}://' is not a kind of database FOI desk can use "
            f"({_DATABASE_URL_FORMS})."
        ) from None
    except ValueError:
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL that can be read ({_DATABASE_URL_FORMS}; "
            "characters such as @, : or / in a password must be written %40, %3A, %2F)."
        ) from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        if config["NAME"] and config["NAME"] != ":memory:":
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
    return config


DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "cases:dashboard"
LOGOUT_REDIRECT_URL = "web:public-home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# The GOV.UK Frontend assets and our compiled stylesheet are built by `make assets` from the
# npm package named in package.json; nothing from it is committed.
STATICFILES_DIRS = [
    ("govuk", PROJECT_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    PROJECT_DIR / "build" / "static",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"

# Content Security Policy (Django 6 built-in): everything from our own origin; the one inline
# script of the GOV.UK page template carries the per-request nonce.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

FOIDESK_SERVICE_NAME = "FOI desk"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
