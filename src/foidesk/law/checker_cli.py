"""``foidesk check FILE.json [--json]``: check a structured response before sign-off.

No Django and no database: it reads a response in the JSON form of ``docs/response-format.md``
and prints the checker's findings (``foidesk.law.checker``).

Exit status: 0 when there are no errors (warnings allowed), 1 when there is at least one error,
2 when the input cannot be checked (missing or unreadable file, not JSON, nested too deeply to
read, not a valid response, or no deadline can be worked out from its dates), with a one-line
explanation on standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from foidesk.law.checker import Finding, Severity, check_response, findings_as_dict, has_errors
from foidesk.law.deadlines import DateOutOfRange
from foidesk.law.exemptions import CATALOGUE_VERSION, AuthorityKind
from foidesk.law.response import Response, ResponseFormatError, load_response, validator_name

PROG = "foidesk check"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Check a structured FOI response (JSON) against the law before sign-off.",
        epilog="Exit status: 0 no errors, 1 errors found, 2 input could not be read.",
    )
    p.add_argument("file", metavar="FILE.json", help="the response, or - for standard input")
    p.add_argument("--json", action="store_true", help="print the findings as a JSON array")
    p.add_argument(
        "--today",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the date an unsent response is judged on (default: today in the UK)",
    )
    p.add_argument(
        "--authority-kind",
        choices=[k.value for k in AuthorityKind],
        help="override the authority kind given in the file",
    )
    return p


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def _fail(message: str) -> int:
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run ``foidesk check``; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return int(exc.code or 0)
    name = "standard input" if args.file == "-" else args.file
    try:
        text = _read(args.file)
    except FileNotFoundError:
        return _fail(f"{name}: no such file")
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"{name}: cannot read it ({exc})")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return _fail(f"{name} is not JSON: line {exc.lineno} column {exc.colno}: {exc.msg}")
    except RecursionError:
        return _fail(f"{name} is nested too deeply to read (arrays or objects inside each other)")
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        return _fail(f"{name} has a number too long to read")
    try:
        response = load_response(data)
    except ResponseFormatError as exc:
        return _fail(f"{name} is not a valid response: {exc.errors[0]}" + _more(exc.errors))
    try:
        findings = check_response(response, today=args.today, authority_kind=args.authority_kind)
    except DateOutOfRange as exc:
        return _fail(f"{name} cannot be checked: no deadline can be worked out ({exc})")
    if args.json:
        json.dump(findings_as_dict(findings), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_findings(response, findings, sys.stdout)
    return 1 if has_errors(findings) else 0


def _more(errors: list[str]) -> str:
    return f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""


def _questions(f: Finding) -> str:
    if not f.questions:
        return "whole response"
    label = "question" if len(f.questions) == 1 else "questions"
    return f"{label} {', '.join(str(q) for q in f.questions)}"


def print_findings(response: Response, findings: list[Finding], out: TextIO) -> None:
    """The plain-text report: a heading, then the errors and the warnings, each with its
    questions, where it is in the file, the explanation and the rule's source."""
    r = response.request
    ref = f"{r.reference} " if r.reference else ""
    print(f"{ref}{r.title}", file=out)
    print(
        f"{r.regime.short_name}, {response.authority.name}; exemption catalogue "
        f"{CATALOGUE_VERSION}; schema validator {validator_name()}",
        file=out,
    )
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    if not findings:
        print("\nNo problems found.", file=out)
        return
    print(f"\n{_count(len(errors), 'error')}, {_count(len(warnings), 'warning')}", file=out)
    for title, group in (("Errors", errors), ("Warnings", warnings)):
        if not group:
            continue
        print(f"\n{title}", file=out)
        for f in group:
            print(f"\n  {f.severity.upper()} {f.code} ({_questions(f)}; {f.where})", file=out)
            print(f"    {f.message}", file=out)
            print(f"    Rule: {f.citation}", file=out)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
