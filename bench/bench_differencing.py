"""Benchmark: checking tables released together (``statistics.differencing``), up to the limits.

Saving or attaching a table checks it, during the officer's web request, with the request's
other tables over the same data set (``services.table_save``): ``protect`` suppresses the new
table, checks it with the others (``given_away``'s joint check) and, if together they give a
small count away, looks for further figures to withhold. The page must answer within a few
seconds (target: 5 s on the 2-core machine) for any tables within ``tabulate``'s limits (500
rows, 500 columns, 5,000 figures), refusing with a form error if the check would take longer.

One invented data set (``records``: a police force's incidents by year, category, outcome,
district and station, with enough rare combinations that suppression is active), and pairs of
tables over it, from realistic to the worst this benchmark knows:

- by year (10) against year by category (10 x 10), with totals;
- 50 districts by 20 categories against 50 districts by 20 outcomes (one shared dimension);
- 500 stations by 10 categories against 500 stations by 10 years (5,000 figures each);
- 500 stations by 10 categories against the same without one year (a slightly different
  filter: every cell's difference is a count of records that no figure shows).

For each pair: the first table got back as a table already saved for the request
(``services.table_protection``: counted again, its withheld figures restored), ``given_away``
on the two tables as suppressed alone, and ``protect`` of the second with the first already
released, as ``table_save`` calls it. Each case runs in its own
process (so its peak memory is its own), with a time limit after which it is reported as not
finished.

Usage::

    python bench/bench_differencing.py                 # a human-readable summary
    python bench/bench_differencing.py --markdown      # the "## Tables released together" section
    python bench/bench_differencing.py --out docs/performance.md   # replace that section in place
    python bench/bench_differencing.py --check         # exit 1 if a case is over the target
    python bench/bench_differencing.py --case limits   # one case, in this process

Timing is one run per case (the largest take seconds; a warm-up would double that); the
records are made before the clock starts, and the tables of the joint check and the save too.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import foidesk.statistics  # noqa: F401
except ImportError:  # run from a checkout without installing: use ./src
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sections import write_section  # bench/sections.py, beside this script

from foidesk.statistics import differencing
from foidesk.statistics.definition import Column, Dimension, Filter, Schema, TableDefinition
from foidesk.statistics.policy import Policy
from foidesk.statistics.suppression import restore, suppress
from foidesk.statistics.tabulate import tabulate

SECTION = "## Tables released together"
TARGET_SECONDS = 5.0
#: A case still running after this long is stopped and reported as not finished.
LIMIT_SECONDS = 300
DEFAULT_N = 200_000

SCHEMA = Schema(
    (
        Column("year"),
        Column("category"),
        Column("outcome"),
        Column("district"),
        Column("station"),
    ),
    name="incidents",
)
YEARS = tuple(str(y) for y in range(2015, 2025))
CATEGORIES = tuple(f"Category {i:02d}" for i in range(1, 21))
OUTCOMES = tuple(f"Outcome {i:02d}" for i in range(1, 21))
DISTRICTS = tuple(f"District {i:02d}" for i in range(1, 51))
STATIONS = tuple(f"Station {i:03d}" for i in range(1, 501))


def records(n: int = DEFAULT_N, seed: int = 2024) -> list[tuple[str, ...]]:
    """``n`` incidents as tuples in schema order. Categories and outcomes are skewed (the
    last few are rare) and stations are of very different sizes, so that small counts are
    found in the large tables as in the small ones. A station belongs to one district."""
    rng = random.Random(seed)  # noqa: S311 - invented data, not security
    skew = [1 / (i + 1) ** 2 for i in range(20)]
    sizes = [1 / (i + 1) ** 0.6 for i in range(len(STATIONS))]
    years = rng.choices(YEARS, k=n)
    categories = rng.choices(CATEGORIES, skew, k=n)
    outcomes = rng.choices(OUTCOMES, skew, k=n)
    stations = rng.choices(range(len(STATIONS)), sizes, k=n)
    return [
        (y, c, o, DISTRICTS[s % len(DISTRICTS)], STATIONS[s])
        for y, c, o, s in zip(years, categories, outcomes, stations, strict=True)
    ]


def _table(title: str, rows: Dimension, columns: Dimension | None = None, filters=()) -> Any:
    return TableDefinition(
        title,
        source=SCHEMA.name,
        rows=(rows,),
        columns=(columns,) if columns else (),
        filters=tuple(filters),
        include_totals=True,
    )


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    first: TableDefinition
    second: TableDefinition


RARE = (Filter("outcome", "eq", OUTCOMES[-1]),)

CASES = (
    Case(
        "small",
        "year (10) / year x category (10 x 10), one rare outcome",
        _table("By year", Dimension("year"), filters=RARE),
        _table(
            "By year and category",
            Dimension("year"),
            Dimension("category", categories=CATEGORIES[:10]),
            filters=RARE,
        ),
    ),
    Case(
        "overlap",
        "district x category (50 x 20) / district x outcome (50 x 20)",
        _table("By district and category", Dimension("district"), Dimension("category")),
        _table("By district and outcome", Dimension("district"), Dimension("outcome")),
    ),
    Case(
        "limits",
        "station x category (500 x 10) / station x year (500 x 10)",
        _table(
            "By station and category",
            Dimension("station"),
            Dimension("category", categories=CATEGORIES[:10]),
        ),
        _table("By station and year", Dimension("station"), Dimension("year")),
    ),
    Case(
        "filter",
        "station x category (500 x 10) / the same without 2015",
        _table(
            "By station and category",
            Dimension("station"),
            Dimension("category", categories=CATEGORIES[:10]),
        ),
        _table(
            "By station and category, 2016 on",
            Dimension("station"),
            Dimension("category", categories=CATEGORIES[:10]),
            filters=(Filter("year", "ne", "2015"),),
        ),
    ),
)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(name: str, n: int) -> dict[str, Any]:
    """One case in this process: the joint check, then ``protect``; times and peak memory."""
    case = next(c for c in CASES if c.name == name)
    rows = records(n)
    policy = Policy()
    # The first table as saved, and again as services.table_protection gets it back for each
    # table already saved for the request: counted again, with what it withheld when it was
    # saved restored (SavedTable.suppression), or (before that was stored) suppressed again.
    start = time.perf_counter()
    first = tabulate(rows, case.first, schema=SCHEMA)
    released = differencing.Released(case.first.title, suppress(first, policy))
    suppressed_seconds = time.perf_counter() - start
    withheld = {
        (e.row, e.column): (e.suppression, e.reason, e.public_reason)
        for e in released.table.suppressed
    }
    start = time.perf_counter()
    again = restore(tabulate(rows, case.first, schema=SCHEMA), policy, withheld)
    restored_seconds = time.perf_counter() - start
    assert again == released.table
    second = tabulate(rows, case.second, schema=SCHEMA)
    alone = suppress(second, policy)
    base = _peak_mb()
    out: dict[str, Any] = {
        "name": name,
        "what": case.what,
        "n": n,
        "figures": [len(t.row_keys) * len(t.column_keys) for t in (first, second)],
        "withheld": [len(released.table.suppressed), len(alone.suppressed)],
        "saved": {"restored": restored_seconds, "suppressed": suppressed_seconds},
        "base_mb": base,
    }
    start = time.perf_counter()
    try:
        found = differencing.given_away(
            [differencing.Released(case.second.title, alone), released], rows, SCHEMA
        )
    except differencing.TooLargeToCheck as exc:
        out["joint"] = {"refused": str(exc)}
    else:
        out["joint"] = {"disclosures": len(found)}
    out["joint"]["seconds"] = time.perf_counter() - start
    out["joint"]["peak_mb"] = _peak_mb()
    start = time.perf_counter()
    try:
        protection = differencing.protect(
            second, policy, label=case.second.title, others=[released], records=rows, schema=SCHEMA
        )
    except differencing.TooLargeToCheck as exc:
        out["protect"] = {"refused": str(exc)}
    else:
        out["protect"] = {
            "disclosures": len(protection.disclosures),
            "extra": len(protection.extra),
            "fixed": protection.table is not None,
        }
    out["protect"]["seconds"] = time.perf_counter() - start
    out["protect"]["peak_mb"] = _peak_mb()
    out["load"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    return out


def _worst(r: dict[str, Any]) -> float:
    if r.get("timeout"):
        return float(LIMIT_SECONDS)
    return max(r["joint"]["seconds"], r["protect"]["seconds"])


def run(n: int = DEFAULT_N, only: list[str] | None = None) -> dict[str, Any]:
    """Every case, each in its own process, stopped after ``LIMIT_SECONDS``."""
    results = []
    for case in CASES:
        if only and case.name not in only:
            continue
        command = [sys.executable, __file__, "--case", case.name, "-n", str(n)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=LIMIT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            results.append({"name": case.name, "what": case.what, "n": n, "timeout": True})
            continue
        if done.returncode != 0:
            raise RuntimeError(f"case {case.name} failed:\n{done.stderr}")
        results.append(json.loads(done.stdout))
    worst = max(
        (
            LIMIT_SECONDS
            if r.get("timeout")
            else max(r["joint"]["seconds"], r["protect"]["seconds"])
            for r in results
        ),
        default=0.0,
    )
    return {
        "cases": results,
        "worst": worst,
        "ok": worst < TARGET_SECONDS,
        "python": platform.python_version(),
        "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def _outcome(part: dict[str, Any], protect: bool) -> str:
    if "refused" in part:
        return "refused: too large to check"
    said = f"{part['disclosures']} given away"
    if protect and part["disclosures"]:
        said += (
            f"; {part['extra']} more withheld stops it" if part["fixed"] else "; cannot be stopped"
        )
    return said


def markdown(result: dict[str, Any]) -> str:
    lines = []
    for r in result["cases"]:
        if r.get("timeout"):
            lines.append(
                f"| {r['what']} | — | — | — | not finished in {LIMIT_SECONDS} s | — | — | — | — |"
            )
            continue
        j, p, saved = r["joint"], r["protect"], r["saved"]
        lines.append(
            f"| {r['what']} | {' / '.join(f'{x:,}' for x in r['figures'])} "
            f"| {' / '.join(str(x) for x in r['withheld'])} "
            f"| {saved['restored']:.2f} ({saved['suppressed']:.2f}) "
            f"| {j['seconds']:.2f} | {_outcome(j, False)} "
            f"| {p['seconds']:.2f} | {_outcome(p, True)} | {p['peak_mb']:.0f} |"
        )
    verdict = "meets" if result["ok"] else "MISSES"
    load = ", ".join(f"{x:.2f}" for x in result["load"]) if result["load"] is not None else "?"
    n = result["cases"][0]["n"] if result["cases"] else 0
    return (
        f"{SECTION}\n\n"
        f"Saving or attaching a table checks it with the request's other tables over the same "
        f"data set (`bench/bench_differencing.py`): pairs of tables over {n:,} invented "
        "incidents, under the default policy (fewer than 5 withheld, secondary suppression). "
        "*Joint check* is `differencing.given_away` on the two tables as suppressed alone; "
        "*save* is `differencing.protect` of the second with the first already released, as "
        "`table_save` runs it during the officer's request: the new table's own suppression "
        "(seconds alone for 5,000 figures with many small counts), the check, and the search "
        "for further figures to withhold. *Saved table again* is what "
        "`services.table_protection` does first for each table already saved for the request: "
        "count the first table again and restore the figures it withheld when it was saved "
        "(`SavedTable.suppression`); in brackets, suppressing it again instead, as tables saved "
        "before those were stored still are. Peak memory is the case's process (the records "
        "included). One "
        f"run per case, each in its own process; Python {result['python']}. Target: every "
        f"save answers in under {TARGET_SECONDS:.0f} s ({verdict}: worst "
        f"{result['worst']:.2f} s).\n\n"
        "| tables | figures | withheld alone | saved table again (s) | joint check (s) | found "
        "| save (s) | save says | peak MB |\n"
        "|---|---:|---:|---:|---:|---|---:|---|---:|\n" + "\n".join(lines) + "\n\n"
        f"Load average when the timing finished (1, 5, 15 min): {load}.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench_differencing.py", description=__doc__.split("\n")[0]
    )
    parser.add_argument("-n", type=int, default=DEFAULT_N, help="number of records")
    parser.add_argument("--case", help="run one case in this process and print it as JSON")
    parser.add_argument("--only", action="append", default=[], help="run only this case")
    parser.add_argument("--markdown", action="store_true", help="print the Markdown section")
    parser.add_argument("--out", type=Path, help="replace or append the section in this file")
    parser.add_argument("--check", action="store_true", help="exit 1 if slower than the target")
    args = parser.parse_args(argv)

    if args.case:
        sys.stdout.write(json.dumps(run_case(args.case, args.n)) + "\n")
        return 0
    result = run(args.n, args.only)
    section = markdown(result)
    if args.markdown:
        sys.stdout.write(section)
    else:
        for r in result["cases"]:
            if r.get("timeout"):
                sys.stdout.write(f"{r['name']}: not finished in {LIMIT_SECONDS} s\n")
                continue
            j, p, saved = r["joint"], r["protect"], r["saved"]
            sys.stdout.write(
                f"{r['name']}: {r['what']}: saved table again {saved['restored']:.2f} s "
                f"(suppressed again {saved['suppressed']:.2f} s), "
                f"joint {j['seconds']:.2f} s ({_outcome(j, False)}), "
                f"save {p['seconds']:.2f} s ({_outcome(p, True)}), peak {p['peak_mb']:.0f} MB\n"
            )
        sys.stdout.write(
            f"worst {result['worst']:.2f} s (target < {TARGET_SECONDS:.0f} s: "
            f"{'ok' if result['ok'] else 'TOO SLOW'})\n"
        )
    if args.out is not None:
        write_section(args.out, SECTION, section)
    return 1 if args.check and not result["ok"] else 0


if __name__ == "__main__":
    sys.exit(main())
