"""Benchmark: recompute the deadlines of 100,000 open requests (target: under one second).

This is what the app does when the holiday data changes (a new proclamation, a new ``holidays``
release): every open deadline is recomputed and stamped with the new calendar version (rules
trap 17). The requests are deterministic: received dates spread over 2019-2027, all three
regimes, both weekend-receipt readings, about 10% with a clarification, 10% with a paid fee and
2% with an unpaid one, and some FOIA public interest and EIR reg 7 extensions.

Usage::

    python bench/bench_deadlines.py                 # a human-readable summary
    python bench/bench_deadlines.py --markdown      # the "## Statutory clock" section
    python bench/bench_deadlines.py --out docs/performance.md   # replace that section in place
    python bench/bench_deadlines.py --check         # exit 1 if over the target

Timing is the best of 3 runs after a warm-up run (which also builds the calendars' indexes).
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

try:
    import foidesk.law.deadlines  # noqa: F401
except ImportError:  # run from a checkout without installing: use ./src
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sections import write_section  # bench/sections.py, beside this script

from foidesk.law.calendars import calendar_for, clear_calendar_cache
from foidesk.law.deadlines import WeekendReceipt, compute_deadline
from foidesk.law.regimes import Regime

SECTION = "## Statutory clock"
TARGET_SECONDS = 1.0
DEFAULT_N = 100_000


@dataclass(frozen=True, slots=True)
class OpenRequest:
    regime: Regime
    received: date
    kwargs: dict[str, Any]


def make_requests(n: int = DEFAULT_N, seed: int = 2023) -> list[OpenRequest]:
    """Deterministic open requests, received 2019-01-01 to 2027-12-31."""
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    first = date(2019, 1, 1).toordinal()
    span = date(2027, 12, 31).toordinal() - first + 1
    regimes = (Regime.FOIA, Regime.FOIA, Regime.FOIA, Regime.EIR, Regime.FOISA)
    out: list[OpenRequest] = []
    for _ in range(n):
        regime = rng.choice(regimes)
        received = date.fromordinal(first + rng.randrange(span))
        kwargs: dict[str, Any] = {}
        if rng.random() < 0.2:
            kwargs["weekend_receipt"] = WeekendReceipt.CODE
        roll = rng.random()
        if roll < 0.10:
            kwargs["clarification_received"] = received + timedelta(days=rng.randrange(1, 40))
        elif roll < 0.20:
            notice = received + timedelta(days=rng.randrange(0, 25))
            kwargs["fee_notice"] = notice
            kwargs["fee_paid"] = notice + timedelta(days=rng.randrange(0, 80))
        elif roll < 0.22:
            kwargs["fee_notice"] = received + timedelta(days=rng.randrange(0, 25))
        elif roll < 0.27 and regime is Regime.FOIA:
            kwargs["pit_extension_to"] = received + timedelta(days=rng.randrange(45, 90))
        elif roll < 0.30 and regime is Regime.EIR:
            kwargs["eir_extension"] = True
        out.append(OpenRequest(regime, received, kwargs))
    return out


def recompute(requests: list[OpenRequest]) -> int:
    """Recompute every deadline on the shared calendars; returns how many have a due date."""
    due = 0
    for r in requests:
        if compute_deadline(r.regime, r.received, **r.kwargs).due is not None:
            due += 1
    return due


def run(n: int = DEFAULT_N, repeats: int = 3) -> dict[str, Any]:
    requests = make_requests(n)
    clear_calendar_cache()  # as after a holiday-data change: indexes rebuild in the warm-up
    start = time.perf_counter()
    recompute(requests)  # warm-up
    warm = time.perf_counter() - start
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        with_due = recompute(requests)
        timings.append(time.perf_counter() - start)
    best = min(timings)
    return {
        "n": n,
        "best": best,
        "timings": timings,
        "warm_up": warm,
        "per_request_us": best / n * 1e6,
        "with_due": with_due,
        "calendar_version": calendar_for(Regime.FOIA).version,
        "python": platform.python_version(),
        "target": TARGET_SECONDS,
        "ok": best < TARGET_SECONDS,
    }


def markdown(result: dict[str, Any]) -> str:
    verdict = "meets" if result["ok"] else "MISSES"
    runs = ", ".join(f"{t:.3f}" for t in result["timings"])
    return (
        f"{SECTION}\n\n"
        f"Recomputing {result['n']:,} open deadlines (`bench/bench_deadlines.py`; FOIA, EIR and "
        f"FOISA; received 2019-2027; clarifications, fee pauses and extensions mixed in).\n\n"
        "| requests | best of 3 (s) | per request (µs) | runs (s) | warm-up incl. index build (s) "
        "| target | calendar | Python |\n"
        "|---:|---:|---:|---|---:|---|---|---|\n"
        f"| {result['n']:,} | {result['best']:.3f} | {result['per_request_us']:.1f} | {runs} "
        f"| {result['warm_up']:.3f} | < {result['target']:.0f} s ({verdict}) "
        f"| {result['calendar_version']} | {result['python']} |\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_deadlines.py", description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=DEFAULT_N, help="number of open requests")
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
            f"statutory clock: {result['n']:,} deadlines in {result['best']:.3f} s best of "
            f"{args.repeats} ({result['per_request_us']:.1f} µs each; warm-up "
            f"{result['warm_up']:.3f} s; target < {TARGET_SECONDS:.0f} s: "
            f"{'ok' if result['ok'] else 'TOO SLOW'})\n"
        )
    if args.out is not None:
        write_section(args.out, SECTION, section)
    return 1 if args.check and not result["ok"] else 0


if __name__ == "__main__":
    sys.exit(main())
