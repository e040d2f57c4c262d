"""Benchmark: a statistics table over 1,000,000 records with suppression (target: under 2 s).

Issue 7 asks for a table over a million records, with disclosure control, in under two
seconds. The records are the demo force's professional-standards allegations
(``foidesk.statistics.demo_data.fast_records``): tuples in schema order, as a database cursor
returns them, with fresh ``date`` objects, closed over 2018/19 to 2024/25, and an outcome so
rare that some cells are small. The table is financial year closed by outcome, filtered to
those years, with totals; then the default policy (fewer than 5 withheld, secondary
suppression and its exact audit). A distinct count of people is timed as well, for
information.

Usage::

    python bench/bench_statistics.py                 # a human-readable summary
    python bench/bench_statistics.py --markdown      # the "## Statistics tables" section
    python bench/bench_statistics.py --out docs/performance.md   # replace that section in place
    python bench/bench_statistics.py --check         # exit 1 if over the target

Timing is the best of 3 runs after a warm-up run.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

try:
    import foidesk.statistics  # noqa: F401
except ImportError:  # run from a checkout without installing: use ./src
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sections import write_section  # bench/sections.py, beside this script

from foidesk.statistics.definition import Dimension, Filter, Measure, TableDefinition
from foidesk.statistics.demo_data import SCHEMA, fast_records
from foidesk.statistics.periods import Grouping
from foidesk.statistics.policy import Policy
from foidesk.statistics.suppression import suppress
from foidesk.statistics.tabulate import tabulate

SECTION = "## Statistics tables"
TARGET_SECONDS = 2.0
DEFAULT_N = 1_000_000

DEFINITION = TableDefinition(
    title="Allegations by outcome",
    source=SCHEMA.name,
    filters=(Filter("date_closed", "between", ["2018/19", "2024/25"], grouping="financial_year"),),
    rows=(Dimension("date_closed", Grouping.FINANCIAL_YEAR),),
    columns=(Dimension("outcome"),),
    include_totals=True,
)
DISTINCT = TableDefinition(
    title="People by outcome",
    source=SCHEMA.name,
    filters=DEFINITION.filters,
    rows=DEFINITION.rows,
    columns=DEFINITION.columns,
    measure=Measure("count_distinct", "subject_id"),
)


def timed(records: list[tuple[Any, ...]], definition: TableDefinition, repeats: int) -> dict:
    policy = Policy()
    suppress(tabulate(records, definition, schema=SCHEMA), policy)  # warm-up
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = suppress(tabulate(records, definition, schema=SCHEMA), policy)
        timings.append(time.perf_counter() - start)
    table = result.table
    return {
        "best": min(timings),
        "timings": timings,
        "cells": len(table.row_keys) * len(table.column_keys),
        "withheld": len(result.suppressed),
    }


def run(n: int = DEFAULT_N, repeats: int = 3) -> dict[str, Any]:
    start = time.perf_counter()
    records = fast_records(n)
    generated = time.perf_counter() - start
    count = timed(records, DEFINITION, repeats)
    distinct = timed(records, DISTINCT, repeats)
    return {
        "n": n,
        "generate": generated,
        "count": count,
        "distinct": distinct,
        "best": count["best"],
        "python": platform.python_version(),
        "target": TARGET_SECONDS,
        "ok": count["best"] < TARGET_SECONDS,
        "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def markdown(result: dict[str, Any]) -> str:
    def row(name: str, r: dict[str, Any], target: str) -> str:
        runs = ", ".join(f"{t:.3f}" for t in r["timings"])
        return (
            f"| {name} | {result['n']:,} | {r['cells']} | {r['withheld']} | {r['best']:.3f} "
            f"| {runs} | {target} |\n"
        )

    verdict = "meets" if result["ok"] else "MISSES"
    load = ", ".join(f"{x:.2f}" for x in result["load"]) if result["load"] is not None else "?"
    return (
        f"{SECTION}\n\n"
        f"A table over {result['n']:,} professional-standards records (`bench/bench_statistics.py`;"
        " tuples as from a database cursor): financial year closed by outcome, filtered to "
        "2018/19-2024/25, with totals, then suppression under the default policy (fewer than 5 "
        "withheld, secondary suppression with its exact audit). Best of 3 after a warm-up; "
        f"Python {result['python']}.\n\n"
        "| table | records | cells | withheld | best (s) | runs (s) | target |\n"
        "|---|---:|---:|---:|---:|---|---|\n"
        + row("Count of records", result["count"], f"< {result['target']:.0f} s ({verdict})")
        + row("Count of distinct people", result["distinct"], "for information")
        + f"\nLoad average when the timing finished (1, 5, 15 min): {load}.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_statistics.py", description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=DEFAULT_N, help="number of records")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--markdown", action="store_true", help="print the Markdown section")
    parser.add_argument("--out", type=Path, help="replace or append the section in this file")
    parser.add_argument("--check", action="store_true", help="exit 1 if slower than the target")
    args = parser.parse_args(argv)

    result = run(args.n, args.repeats)
    section = markdown(result)
    if args.markdown:
        sys.stdout.write(section)
    else:
        sys.stdout.write(
            f"statistics table: {result['n']:,} records counted and suppressed in "
            f"{result['best']:.3f} s best of {args.repeats} (target < {TARGET_SECONDS:.0f} s: "
            f"{'ok' if result['ok'] else 'TOO SLOW'}); distinct people "
            f"{result['distinct']['best']:.3f} s; {result['count']['withheld']} of "
            f"{result['count']['cells']} cells withheld\n"
        )
    if args.out is not None:
        write_section(args.out, SECTION, section)
    return 1 if args.check and not result["ok"] else 0


if __name__ == "__main__":
    sys.exit(main())
