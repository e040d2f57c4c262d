"""Configuration from the environment and the ``foidesk`` entry point, run as a user would."""

import os
import subprocess
import sys
from pathlib import Path

VENV_BIN = Path(sys.executable).parent


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FOIDESK_", "DJANGO_", "DATABASE_URL"))
    }
    return subprocess.run(
        args, capture_output=True, text=True, env={**clean, **env}, timeout=120, check=False
    )


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    result = run([str(VENV_BIN / "foidesk"), "system-check"], FOIDESK_VAR_DIR=str(tmp_path))
    assert result.returncode == 2
    # One line saying what to set, not a traceback.
    assert result.stderr.startswith("foidesk: FOIDESK_SECRET_KEY must be set")
    assert "Traceback" not in result.stderr


def test_production_settings_refuse_a_short_secret_key(tmp_path):
    result = run(
        [str(VENV_BIN / "foidesk"), "system-check"],
        FOIDESK_SECRET_KEY="short",
        FOIDESK_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 2
    assert "at least 32 characters" in result.stderr
    assert "Traceback" not in result.stderr


def test_foidesk_runs_django_commands_with_production_settings(tmp_path):
    result = run(
        [str(VENV_BIN / "foidesk"), "system-check", "--deploy", "--fail-level", "ERROR"],
        FOIDESK_SECRET_KEY="k" * 50,
        FOIDESK_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified" in result.stdout + result.stderr


def test_database_url_and_debug_come_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'], settings.DEBUG)"
    )
    result = run(
        [str(VENV_BIN / "python"), "-c", f"import django; django.setup(); {code}"],
        DJANGO_SETTINGS_MODULE="foidesk.settings.production",
        FOIDESK_SECRET_KEY="k" * 50,
        FOIDESK_DEBUG="1",
        DATABASE_URL="postgres://someone@db.invalid:5432/foidesk",
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "True"], result.stderr


def test_a_database_url_that_cannot_be_read_is_one_line_without_the_password(tmp_path):
    env = {"FOIDESK_SECRET_KEY": "k" * 50, "FOIDESK_VAR_DIR": str(tmp_path)}
    for url, says in (
        ("bogus://x", "DATABASE_URL: 'bogus://' is not a kind of database FOI desk can use"),
        ("postgres://foidesk:s3cret@db:port/foidesk", "DATABASE_URL is not a database URL"),
    ):
        result = run([str(VENV_BIN / "foidesk"), "migrate"], DATABASE_URL=url, **env)
        assert result.returncode == 2
        assert result.stderr.startswith(f"foidesk: {says}")
        assert result.stderr.count("\n") == 1, result.stderr
        assert "s3cret" not in result.stderr


def test_a_database_that_cannot_be_reached_is_one_line(tmp_path):
    # Port 1 on this machine: nothing listens there, so the connection is refused at once.
    # (--skip-checks: the system checks' own warnings are not what is tested here.)
    result = run(
        [str(VENV_BIN / "foidesk"), "migrate", "--skip-checks"],
        DATABASE_URL="postgres://foidesk:s3cret@127.0.0.1:1/foidesk",
        FOIDESK_SECRET_KEY="k" * 50,
        FOIDESK_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 1
    assert result.stderr.startswith("foidesk: the database cannot be used: ")
    assert "127.0.0.1" in result.stderr and "s3cret" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


def test_default_database_is_the_sqlite_file_under_var(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"
    result = run(
        [str(VENV_BIN / "python"), "-c", f"import django; django.setup(); {code}"],
        DJANGO_SETTINGS_MODULE="foidesk.settings.production",
        FOIDESK_SECRET_KEY="k" * 50,
        FOIDESK_VAR_DIR=str(tmp_path),
    )
    assert result.stdout.strip() == str(tmp_path / "foidesk.sqlite3"), result.stderr


def test_serve_refuses_a_bad_address_or_no_workers_in_one_line():
    for args, says in (
        (["--bind", "127.0.0.1:99999"], "'127.0.0.1:99999': the port must be from 1 to 65535"),
        (["--bind", "127.0.0.1:0"], "the port must be from 1 to 65535"),
        (["--bind", "localhost:http"], "'http' is not a valid port number"),
        (["--workers", "0"], "'0': at least 1 worker process is needed"),
        (["--workers", "two"], "'two' is not a whole number"),
    ):
        # Refused before gunicorn starts (it would otherwise listen and never answer).
        result = run([str(VENV_BIN / "foidesk"), "serve", *args], FOIDESK_SECRET_KEY="k" * 50)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.startswith("foidesk serve: argument --")
        assert says in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr


def test_foidesk_help_lists_the_commands():
    result = run([str(VENV_BIN / "foidesk"), "--help"])
    assert result.returncode == 0
    for command in ("serve", "demo", "deadline", "check", "system-check", "recompute-deadlines"):
        assert command in result.stdout


def test_demo_loads_staff_for_every_role_and_can_run_twice(tmp_path):
    env = {"FOIDESK_SECRET_KEY": "k" * 50, "FOIDESK_VAR_DIR": str(tmp_path)}
    foidesk = str(VENV_BIN / "foidesk")
    assert run([foidesk, "migrate", "--noinput"], **env).returncode == 0
    first = run([foidesk, "demo"], **env)
    second = run([foidesk, "demo"], **env)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    sign_ins = (tmp_path / "demo-sign-ins.txt").read_text()
    for role in ("FOI officer", "Decision maker", "Department contact", "Read only"):
        assert role in sign_ins
    # Loading again keeps the password, so printed sign-ins stay valid.
    assert first.stdout == second.stdout
    assert oct((tmp_path / "demo-sign-ins.txt").stat().st_mode & 0o777) == "0o600"
