"""Run the whole pytest suite on SQLite, then on PostgreSQL.

PostgreSQL is the server named by ``TEST_DATABASE_URL`` if it is set; otherwise this script
starts a throwaway server from the PostgreSQL binaries on the machine (Debian's ``postgresql``
package), runs the suite against it and removes it. If neither is possible the run fails and
says why: the suite is never quietly run on one database only.

    python scripts/run_tests.py [--only sqlite|postgresql] [pytest arguments...]
"""

import argparse
import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


class NoPostgres(RuntimeError):
    """No PostgreSQL server could be named or started."""


def _postgres_bin_dir() -> Path:
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if candidates:
        return Path(candidates[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise NoPostgres(
        "no PostgreSQL server binaries (initdb, pg_ctl) were found. Install Debian's "
        "'postgresql' package (scripts/install-system-deps postgresql, run by `make test`) "
        "or set TEST_DATABASE_URL to a server the tests may create databases on."
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgres_server(folder: Path | None = None, settings: str = "") -> Iterator[str]:
    """Start a private PostgreSQL server and yield its URL; stop it on leaving.

    With no ``folder`` the server lives in a temporary folder that is removed afterwards (the
    test run's throwaway server). With a ``folder`` its data is kept there and reused by the next
    start (the benchmarks' database). ``settings`` are extra ``-c name=value`` server options.

    PostgreSQL refuses to run as root, so when this runs as root (as CI does) the server runs as
    the ``postgres`` system user that Debian's package creates.
    """
    bin_dir = _postgres_bin_dir()
    run_as: list[str] = []
    workdir = folder if folder is not None else Path(tempfile.mkdtemp(prefix="foidesk-pg-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise NoPostgres(
                "running as root, but there is no 'postgres' user to run the server as"
            ) from exc
        for path in {workdir, workdir.parent} if folder is not None else {workdir}:
            os.chown(path, account.pw_uid, account.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, log = workdir / "data", workdir / "server.log"
    port = _free_port()

    def run(*args: str) -> None:
        result = subprocess.run([*run_as, *args], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise NoPostgres(f"{Path(args[0]).name} failed:\n{result.stdout}{result.stderr}")

    fresh = not (data / "PG_VERSION").exists()
    try:
        if fresh:
            run(
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "foidesk",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            )
        options = (
            f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off "
            f"-c synchronous_commit=off -c full_page_writes=off {settings}"
        ).strip()
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
        try:
            if fresh:
                run(
                    str(bin_dir / "createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "-U",
                    "foidesk",
                    "foidesk",
                )
            yield f"postgres://foidesk@127.0.0.1:{port}/foidesk"
        finally:
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        if folder is None:
            shutil.rmtree(workdir, ignore_errors=True)


def start_pytest(database_url: str, label: str, pytest_args: list[str], log: Path):
    """Start one suite in the background, its output going to ``log``."""
    env = {**os.environ, "DATABASE_URL": database_url}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *pytest_args]
    handle = log.open("w")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and pytest
        command, cwd=PROJECT_DIR, env=env, stdout=handle, stderr=subprocess.STDOUT
    )
    return label, process, handle, log


def finish(label: str, process, handle, log: Path) -> int:
    code = process.wait()
    handle.close()
    print(f"\n=== Test suite on {label} ===", flush=True)
    print(log.read_text(), end="", flush=True)
    return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args, pytest_args = parser.parse_known_args()
    results: dict[str, int] = {}
    logs = Path(tempfile.mkdtemp(prefix="foidesk-tests-"))

    with contextlib.ExitStack() as stack:
        runs = []
        # The two suites run side by side: each is mostly one process, and the machine has
        # two cores. Their output is printed one after the other when both are done.
        if args.only in (None, "sqlite"):
            sqlite_url = f"sqlite:///{logs / 'foidesk-test.sqlite3'}"
            runs.append(start_pytest(sqlite_url, "SQLite", pytest_args, logs / "sqlite.log"))
        if args.only in (None, "postgresql"):
            named = os.environ.get("TEST_DATABASE_URL")
            if named:
                runs.append(
                    start_pytest(
                        named,
                        "PostgreSQL (TEST_DATABASE_URL)",
                        pytest_args,
                        logs / "postgresql.log",
                    )
                )
            else:
                try:
                    url = stack.enter_context(postgres_server())
                except NoPostgres as exc:
                    print(f"\nCannot run the suite on PostgreSQL: {exc}", file=sys.stderr)
                    results["PostgreSQL"] = 1
                else:
                    runs.append(
                        start_pytest(
                            url,
                            "PostgreSQL (throwaway server)",
                            pytest_args,
                            logs / "postgresql.log",
                        )
                    )
        for label, process, handle, log in runs:
            results[label.split(" ")[0]] = finish(label, process, handle, log)
    shutil.rmtree(logs, ignore_errors=True)

    print()
    for label, code in results.items():
        print(f"{label}: {'passed' if code == 0 else f'FAILED (exit {code})'}")
    return 0 if all(code == 0 for code in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
