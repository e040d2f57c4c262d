"""``foidesk deadline``: work out a statutory deadline from the command line, with its working.

Pure Python on top of ``foidesk.law`` (no Django import), so it runs without settings or a
database. Examples::

    foidesk deadline --regime foia --received 2023-01-19
    foidesk deadline --regime foisa --received 2026-06-12 --json
    foidesk deadline --regime foia --received 2023-01-14 --weekend-receipt code \\
        --fee-notice 2023-01-20 --fee-paid 2023-02-01 --review-requested 2023-03-01

Exit status: 0 on success, 2 for a bad option or date (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from typing import NoReturn

from foidesk.law.calendars import FIRST_YEAR, LAST_YEAR, OutsideKnownYears, require_known_year
from foidesk.law.deadlines import (
    ClockInputError,
    WeekendReceipt,
    compute_deadline,
    compute_review_deadline,
)
from foidesk.law.regimes import Regime

PROG = "foidesk deadline"

_DATE_OPTIONS = (
    ("received", "--received"),
    ("clarification_received", "--clarification-received"),
    ("fee_notice", "--fee-notice"),
    ("fee_paid", "--fee-paid"),
    ("pit_extension_to", "--pit-extension-to"),
    ("review_requested", "--review-requested"),
)


class UsageError(Exception):
    """A bad command line; the message is printed as one line after the program name."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Work out when an FOI, EIR or FOISA response is due, and show the working.",
        epilog=f"Dates are YYYY-MM-DD, from {FIRST_YEAR} to {LAST_YEAR} (the years whose bank "
        "holidays are known). Rules and sources: shared/law/UK-FOI-RULES.md.",
    )
    parser.add_argument(
        "--regime", required=True, choices=[r.value for r in Regime], help="the law asked under"
    )
    parser.add_argument(
        "--received", required=True, metavar="DATE", help="the day the request was received"
    )
    parser.add_argument(
        "--weekend-receipt",
        choices=[w.value for w in WeekendReceipt],
        default=WeekendReceipt.ICO.value,
        help="a request received on a non-working day: 'ico' (that day is the date of receipt; "
        "default) or 'code' (s45 Code para 4.2: treated as received on the next working day)",
    )
    parser.add_argument(
        "--clarification-received",
        metavar="DATE",
        help="the day the clarification asked for under s1(3) arrived (the clock restarts)",
    )
    parser.add_argument("--fee-notice", metavar="DATE", help="the day a fees notice was given")
    parser.add_argument(
        "--fee-paid", metavar="DATE", help="the day the fee was received (needs --fee-notice)"
    )
    parser.add_argument(
        "--pit-extension-to",
        metavar="DATE",
        help="FOIA s10(3) public interest extension: the new decision date",
    )
    parser.add_argument(
        "--eir-extension",
        action="store_true",
        help="EIR reg 7: extend to 40 working days (complex and voluminous)",
    )
    parser.add_argument(
        "--review-requested",
        metavar="DATE",
        help="also work out the internal review deadline from this date",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(option: str, value: str) -> date:
    """Strict ``YYYY-MM-DD`` (``date.fromisoformat`` alone would also take ``20230119``), in
    the years the clock can count (``foidesk.law.calendars.FIRST_YEAR`` to ``LAST_YEAR``)."""
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a valid date (use YYYY-MM-DD)") from None
    try:
        return require_known_year(day)
    except OutsideKnownYears as exc:
        raise UsageError(f"{option}: {exc}") from None


def _run(argv: list[str]) -> tuple[dict[str, object], str, bool]:
    """Parse and compute: (JSON data, plain text, whether JSON was asked for)."""
    args = build_parser().parse_args(argv)
    dates: dict[str, date | None] = {}
    for name, option in _DATE_OPTIONS:
        raw = getattr(args, name)
        dates[name] = None if raw is None else _parse_date(option, raw)
    if dates["fee_paid"] is not None and dates["fee_notice"] is None:
        raise UsageError("--fee-paid needs --fee-notice")
    regime = Regime(args.regime)
    weekend = WeekendReceipt(args.weekend_receipt)
    received = dates["received"]
    if received is None:  # pragma: no cover - the parser requires it
        raise UsageError("--received is required")
    try:
        deadline = compute_deadline(
            regime,
            received,
            weekend_receipt=weekend,
            clarification_received=dates["clarification_received"],
            fee_notice=dates["fee_notice"],
            fee_paid=dates["fee_paid"],
            pit_extension_to=dates["pit_extension_to"],
            eir_extension=args.eir_extension,
        )
        review = None
        if dates["review_requested"] is not None:
            review = compute_review_deadline(
                regime, dates["review_requested"], weekend_receipt=weekend
            )
    except ClockInputError as exc:
        raise UsageError(str(exc)) from None

    data: dict[str, object] = deadline.to_dict()
    text = deadline.explanation.as_text()
    if review is not None:
        data["review_due"] = review.due.isoformat()
        data["review_max"] = review.max.isoformat()
        data["review_statutory"] = review.statutory
        data["review_explanation"] = review.explanation.lines()
        text += "\n\n" + review.explanation.as_text()
        if review.max != review.due:
            text += f"\nInternal review at most: {review.max.isoformat()}"
    return data, text, bool(args.json)


def main(argv: list[str] | None = None) -> int:
    """Run ``foidesk deadline``; returns the exit status (0, or 2 for a usage error)."""
    args = sys.argv[1:] if argv is None else argv
    try:
        data, text, as_json = _run(args)
    except UsageError as exc:
        sys.stderr.write(f"{PROG}: {exc}\n")
        return 2
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
