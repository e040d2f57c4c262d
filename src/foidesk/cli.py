"""The ``foidesk`` command: the single entry point for serving, data and maintenance.

``foidesk serve`` runs the production server; ``foidesk demo`` loads the demo data;
``foidesk deadline`` works out a statutory deadline without touching the database; any other
word is a Django management command (``foidesk migrate``, ``foidesk createsuperuser``).
"""

import os
import sys
from collections.abc import Callable
from typing import NoReturn

USAGE = """\
usage: foidesk COMMAND [options]

Commands:
  serve [--bind HOST:PORT] [--workers N]
                   serve the application with the production server (gunicorn)
  demo             load the demo data (safe to run again)
  deadline         work out when an answer is due (see `foidesk deadline --help`)
  check FILE.json  check a response (docs/response-format.md) against the law; --json for machines
  import-log PATH... [--json] [--dry-run] [--check]
                   import published disclosure-log pages (HTML, text, folders, JSON Lines)
  export-checked DIR [--authority NAME] [--overwrite]
                   write the imported records staff have checked as a labelled set
  export-response REF [-o FILE]
                   write a request's response in the structured JSON form
  recompute-deadlines
                   recompute open requests' due dates after the bank holiday data changed
  system-check     Django's system checks (e.g. --deploy)
  COMMAND          any Django management command, e.g. migrate, createsuperuser

Environment: DATABASE_URL, FOIDESK_SECRET_KEY, FOIDESK_DEBUG (see README.md).
"""


def _use_default_settings() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foidesk.settings.production")


def _deadline(argv: list[str]) -> int:
    from foidesk.deadlines.cli import main as deadline_main

    return deadline_main(argv)


def _check(argv: list[str]) -> int:
    from foidesk.law.checker_cli import main as check_main

    return check_main(argv)


def _bind(value: str) -> str:
    """``--bind``: an address gunicorn can listen on, read as gunicorn reads it (``HOST:PORT``,
    ``[::1]:PORT``, ``unix:PATH``, ``fd://N``), with a TCP port from 1 to 65535. Checked here
    so that a bad one is a one-line error rather than an ``OverflowError`` from the socket."""
    import argparse

    from gunicorn.util import parse_address

    try:
        address = parse_address(value)
    except RuntimeError as error:
        raise argparse.ArgumentTypeError(f"{value!r}: {str(error).rstrip('.')}") from None
    if isinstance(address, tuple) and not 1 <= address[1] <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r}: the port must be from 1 to 65535")
    return value


def _workers(value: str) -> int:
    """``--workers``: at least one worker process (with none, gunicorn listens but never
    answers)."""
    import argparse

    try:
        workers = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if workers < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: at least 1 worker process is needed")
    return workers


def _serve(argv: list[str]) -> int:
    """Serve with gunicorn, the production WSGI server; static files come from WhiteNoise."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:  # one line, like the other commands
            sys.stderr.write(f"{self.prog}: {message} (see --help)\n")
            raise SystemExit(2)

    parser = Parser(prog="foidesk serve")
    parser.add_argument(
        "--bind", type=_bind, default="127.0.0.1:8000", help="address to listen on (HOST:PORT)"
    )
    parser.add_argument("--workers", type=_workers, default=2, help="worker processes (1 or more)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # a bad option (2) or --help (0)
        return stop.code if isinstance(stop.code, int) else 0
    _use_default_settings()
    import django

    django.setup()  # fail here, with Django's message, if the settings are wrong
    from gunicorn.app.wsgiapp import run

    sys.argv = [
        "gunicorn",
        "--bind",
        args.bind,
        "--workers",
        str(args.workers),
        "--access-logfile",
        "-",
        "foidesk.wsgi:application",
    ]
    run()
    return 0


def _django(argv: list[str]) -> int:
    _use_default_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["foidesk", *argv])
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "serve": _serve,
    "deadline": _deadline,
    "check": _check,
    # Django's own `check` is taken by the response checker above.
    "system-check": lambda argv: _django(["check", *argv]),
    "demo": lambda argv: _django(["demo", *argv]),
}


def main(argv: list[str] | None = None) -> int:
    """Run ``foidesk COMMAND``; returns the exit status.

    A missing or bad setting is one line and exit 2; a database that cannot be reached or used
    (the server is down, the name is wrong, the tables are not made yet) is one line and exit 1.
    """
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in {"-h", "--help", "help"}:
        sys.stdout.write(USAGE)
        return 0
    command, rest = args[0], args[1:]
    # Our own commands are spelt with hyphens (import-log); Django's modules use underscores.
    handler = COMMANDS.get(command, lambda rest: _django([command.replace("-", "_"), *rest]))
    from django.core.exceptions import ImproperlyConfigured
    from django.db import InterfaceError, OperationalError

    try:
        return handler(rest)
    except ImproperlyConfigured as error:
        # A missing or bad setting (FOIDESK_SECRET_KEY, DATABASE_URL): say which, no traceback.
        sys.stderr.write(f"foidesk: {error}\n")
        return 2
    except (OperationalError, InterfaceError) as error:
        # The driver's own words (which name the host, never the password), on one line.
        sys.stderr.write(f"foidesk: the database cannot be used: {' '.join(str(error).split())}\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
