"""Run every benchmark in ``bench/`` and gather their results into one Markdown page.

Each ``bench/bench_*.py`` is run in its own Python process with ``--markdown`` and prints a
section starting with its own ``## `` heading (one is added from the file name if it does
not). The page starts with the machine the figures come from, because they mean little
without it.

    python bench/run_all.py                             # print the page
    python bench/run_all.py --write docs/performance.md # what `make bench` does
    python bench/run_all.py --quick                     # smaller data sets where offered
    python bench/run_all.py --only import --write docs/performance.md  # that section alone

``bench_disclosure_search.py`` loads 1,000,000 entries into SQLite and PostgreSQL (about 25
minutes of loading on the 2-core machine, 10 GB of temporary disk); ``--quick`` runs it on
20,000.

A benchmark that fails is reported in its section and makes the run exit 1; the others still
run and the page is still written. What is written by hand below a section's ``NOTES`` line
(``bench/sections.py``) in the page being replaced is kept with that section.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

# bench/sections.py, beside this script
from sections import heading_of, notes_of, replace_section, section_naming, with_notes

BENCH_DIR = Path(__file__).resolve().parent


def machine() -> list[str]:
    """Facts about the machine that make the figures comparable."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        f"- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M')} UTC",
        f"- Processors (nproc): {os.cpu_count()}; {cpu}",
        f"- Load average before the run (1, 5, 15 min): {load}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.system()} {platform.release()}",
    ]


def run_one(script: Path, quick: bool = False) -> tuple[str, bool, float]:
    """Run one benchmark; return its Markdown section, whether it succeeded, and its time.
    ``quick``: pass ``--quick`` to a benchmark that has it (a smaller data set)."""
    started = time.perf_counter()
    extra = ["--quick"] if quick and '"--quick"' in script.read_text(encoding="utf-8") else []
    result = subprocess.run(
        [sys.executable, str(script), "--markdown", *extra],
        capture_output=True,
        text=True,
        check=False,
        cwd=BENCH_DIR.parent,
    )
    seconds = time.perf_counter() - started
    output = result.stdout.strip()
    if output and not output.startswith("## "):
        output = f"## {script.stem}\n\n{output}"
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        output = (
            (output or f"## {script.stem}")
            + f"\n\n**`{script.name}` failed (exit status {result.returncode}).**\n\n"
            + (f"```\n{tail}\n```" if tail else "")
        )
    return output + "\n", result.returncode == 0, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="run_all.py", description=__doc__.split("\n")[0])
    parser.add_argument("--write", type=Path, help="write the page to this file")
    parser.add_argument(
        "--only", action="append", default=[], help="run only bench_NAME.py (repeatable)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smaller data sets where a benchmark offers --quick "
        "(bench_disclosure_search: 20,000 entries instead of 1,000,000)",
    )
    args = parser.parse_args(argv)

    scripts = sorted(BENCH_DIR.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    if not scripts:
        parser.error("no benchmarks found")

    sections, failed = [], []
    header = machine()
    old = args.write.read_text(encoding="utf-8") if args.write and args.write.exists() else ""
    for script in scripts:
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        section, ok, seconds = run_one(script, args.quick)
        print(f"  {'done' if ok else 'FAILED'} in {seconds:.0f} s", file=sys.stderr)
        if not ok and section.startswith(f"## {script.stem}\n"):
            # It failed before printing its own heading: its section from the last run stays,
            # figures and notes, marked as not measured this time.
            earlier = section_naming(old, f"bench/{script.name}")
            if earlier:
                failure = section.split("\n", 1)[1].strip()
                section = (
                    f"{earlier.rstrip()}\n\n{failure}\n\n"
                    "The figures above are from an earlier run.\n"
                )
        if not args.only:
            section = with_notes(section, notes_of(old, heading_of(section)))
        sections.append(section)
        if not ok:
            failed.append(script.name)

    if args.only and old:
        # Only some benchmarks ran: their sections replace the same ones in the page, and the
        # others stay (the machine at the top is still the one of the last full run).
        page = old
        for section in sections:
            page = replace_section(page, heading_of(section), section)
    else:
        page = "\n".join(
            [
                "# Performance",
                "",
                "Written by `make bench` (`bench/run_all.py`), which runs every "
                "`bench/bench_*.py`. Figures depend on the machine:",
                "",
                *header,
                "",
                *sections,
            ]
        )
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(page, encoding="utf-8")
        print(f"wrote {args.write}", file=sys.stderr)
    else:
        sys.stdout.write(page)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
