"""Benchmark: text built to be slow, read within a bound (target: each case under 5 seconds).

A pasted request, an imported page or an attached file can be made of whatever its sender likes.
Each case here once took time growing with the square of its length, or worse, and so held a web
worker past its 30-second timeout (a 500) or an import for minutes; each is now read in time
proportional to its length. The cases, and the code that reads them:

- a request pasted into "Log a request": one line of 33,000 "1. " (99,000 characters, within the
  form's limit of 100,000), split into questions (``intake.splitting.propose_questions``);
- an imported page whose request is 30,000 short sentences in one paragraph
  (``intake.extraction.extract``);
- an imported page of 300,000 "1. " (900 KB), and one of 10,000 unnumbered questions each
  followed by its answer (each answer's end had been looked for to the end of the page);
- a lettered item naming ten years, read for whether it only names periods;
- an attached text file of one 230,000-character word, scanned for personal data before approval
  (``safety.scan``);
- a request pasted with 16,000 "a) X." in a line and no "b)" (tested for parts run into one
  line), a request with a run of 90,000 spaces in a line (cut into sentences), and an imported
  page whose answer is a count in words followed by 50,000 full stops, and whose decision cites
  "sections" followed by 50,000 spaces;
- an imported page whose answer gives a figure of 7,500 groups ("1,111,111,...") and a time in
  hours, one with a line of 30,000 "&" before its response, and one whose request is 10,000
  lines lettered "(a)" with no "(b)";
- a file in an import folder that opens with 26 "<!---->" (``intake.pages.read_pages``), and an
  HTML page of 25,000 "<h1>" that never closes one (``intake.pages.page_from_html``);
- HTML pages that end inside what they open, read by the standard library's parser through
  ``intake.emails.html_to_text``: 300,000 "<a " with no ">" (6,666 took 14 seconds), and
  300,000 "<!--" with no "-->";
- citations repeated over about 180 KB, read into the corpus form
  (``law.provisions.normalise_citations``): "s.40 ", "section 40(2) and ", "s40, ",
  "Section 31 (1) (a) (b) ", and one "section 31" followed by 60,000 "(a)"; a schedule of 2 MB
  citing "Section 40(2)(a)(b)(c)" and "regulation 12(5)(a)" 50,000 times each; an imported page
  whose response is "s.40 " over and over;
- a response naming 30,000 different paragraphs of one section, read into catalogue ids
  (``law.provisions.catalogue_ids``), and a provision id of 60,000 brackets, whose section and
  whose place inside it and whose catalogue entry are looked up (``law.provisions.section_of``,
  ``is_within``, ``law.exemptions.get_provision``).

Usage::

    python bench/bench_hostile_input.py             # a human-readable summary
    python bench/bench_hostile_input.py --markdown  # the "## Hostile input" section
    python bench/bench_hostile_input.py --check     # exit 1 if a case is over the target

Each figure is the best of 2 runs.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

try:
    import foidesk.intake.extraction  # noqa: F401
except ImportError:  # run from a checkout without installing: use ./src
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sections import write_section  # bench/sections.py, beside this script

from foidesk.intake.extraction import NoResponse, extract
from foidesk.intake.pages import page_from_html, read_pages
from foidesk.intake.splitting import propose_questions
from foidesk.law.exemptions import UnknownProvision, get_provision
from foidesk.law.provisions import catalogue_ids, is_within, normalise_citations, section_of
from foidesk.safety import scan

SECTION = "## Hostile input"
TARGET_SECONDS = 5.0


def _extract(text: str) -> None:
    with contextlib.suppress(NoResponse):  # a page with no response is an answer too
        extract(text)


def _read_file(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        list(read_pages([path]))


def _long_id() -> None:
    pid = "foia:s31" + "(a)" * 60_000
    section_of(pid)
    is_within(pid, "foia:s31(1)")
    with contextlib.suppress(UnknownProvision):  # ("FOIA s31 has no (a)": an answer too)
        get_provision(pid)


YEARS = ", ".join(str(y) for y in range(2014, 2023)) + " and 2023"
# 30,000 different paragraph letters ("(abcd)"), none a roman numeral.
PARAGRAPHS = "".join(
    f"({a}{b}{c}{d})" for a, b, c, d in itertools.product("abcdefghjklmno", repeat=4)
)[: 30_000 * 6]
CASES: list[tuple[str, Callable[[], object]]] = [
    (
        'pasted request: one line of 33,000 "1. "',
        lambda: propose_questions("Dear Sir,\n" + "1. " * 33_000 + "\nYours faithfully\nJo"),
    ),
    (
        "imported page: 30,000 short sentences in one paragraph",
        lambda: _extract("Request\n" + "Please tell me. " * 30_000 + "\nResponse\nThere were 4.\n"),
    ),
    ('imported page: 300,000 "1. "', lambda: _extract("Dear Sir,\n" + "1. " * 300_000)),
    (
        "imported page: 10,000 unnumbered questions, each followed by its answer",
        lambda: _extract("How many officers are there?\nThe council has 4.\n" * 10_000),
    ),
    (
        "lettered items naming ten years",
        lambda: propose_questions(
            f"a) In {YEARS}, how many officers were assaulted on duty?\n"
            "b) In the same years, how many of those assaults led to a charge?\n"
        ),
    ),
    (
        "attached text file: one 230,000-character word",
        lambda: scan(b"x" * 230_000, filename="token.txt"),
    ),
    (
        'pasted request: 16,000 "a) X." and no "b)" in a line',
        lambda: propose_questions("Please tell me. " + "a) X. " * 16_000),
    ),
    (
        "pasted request: a run of 90,000 spaces in a line",
        lambda: propose_questions("Please tell me the" + " " * 90_000 + "number of arrests."),
    ),
    (
        'imported page: "None" and "sections" each followed by 50,000 characters of filler',
        lambda: _extract(
            "Request\nHow many drones were bought in 2014?\nResponse\n2014 - None"
            + "." * 50_000
            + "\nThe information is exempt under sections"
            + " " * 50_000
            + "31(1)(a).\n"
        ),
    ),
    (
        'imported page: a figure of 7,500 groups ("1,111,...") and a time in hours',
        lambda: _extract(
            "Request\nHow many drones were bought in 2014?\nResponse\n"
            "It would take more than 18 hours: 1" + ",111" * 7_500 + "\n"
        ),
    ),
    (
        'imported page: a line of 30,000 "&" before the response',
        lambda: _extract(
            "Request\nHow many drones were bought in 2014?\n" + "&" * 30_000 + "\nResponse\n"
            "There were 4.\n"
        ),
    ),
    (
        'imported page: 10,000 lines lettered "(a)" and no "(b)"',
        lambda: _extract("Request\n" + "(a) How many?\n" * 10_000 + "Response\nThere were 4.\n"),
    ),
    (
        'file in an import folder: 26 "<!---->" at its start',
        lambda: _read_file(
            "page.txt", b"<!---->" * 26 + b"\nRequest\nHow many?\nResponse\nNone.\n"
        ),
    ),
    (
        'HTML page: 25,000 "<h1>" never closed',
        lambda: page_from_html("<html><body>" + "<h1>" * 25_000, source="page.html"),
    ),
    (
        'HTML page: 300,000 "<a " and no ">"',
        lambda: page_from_html("<html><body><p>Request</p>" + "<a " * 300_000, source="page.html"),
    ),
    (
        'HTML page: 300,000 "<!--" and no "-->"',
        lambda: page_from_html("<html><body><p>Request</p>" + "<!--" * 300_000, source="page.html"),
    ),
    ('citations: 36,000 "s.40 "', lambda: normalise_citations("s.40 " * 36_000)),
    (
        "citations: 50,000 of one section's paragraphs and 50,000 of one regulation's",
        lambda: normalise_citations(
            "Section 40(2)(a)(b)(c) " * 50_000 + "regulation 12(5)(a) " * 50_000
        ),
    ),
    (
        'citations: 10,000 "section 40(2) and "',
        lambda: normalise_citations("section 40(2) and " * 10_000),
    ),
    ('citations: 36,000 "s40, "', lambda: normalise_citations("s40, " * 36_000)),
    (
        'citations: 7,800 "Section 31 (1) (a) (b) "',
        lambda: normalise_citations("Section 31 (1) (a) (b) " * 7_800),
    ),
    (
        'citations: one "section 31" and 60,000 "(a)"',
        lambda: normalise_citations("section 31" + "(a)" * 60_000),
    ),
    (
        'imported page: a response of 36,000 "s.40 "',
        lambda: _extract(
            "Request\nHow many drones were bought in 2014?\nResponse\nThe information is "
            "withheld under " + "s.40 " * 36_000 + "\n"
        ),
    ),
    (
        "catalogue ids: 30,000 different paragraphs of one section",
        lambda: catalogue_ids("Section 31(1)" + PARAGRAPHS),
    ),
    (
        'provision id of 60,000 "(a)": its section, whether it is within another, its entry',
        _long_id,
    ),
]


def run(repeats: int = 2) -> list[dict[str, object]]:
    results = []
    for name, case in CASES:
        timings = []
        for _ in range(repeats):
            start = time.perf_counter()
            case()
            timings.append(time.perf_counter() - start)
        best = min(timings)
        results.append({"case": name, "best": best, "ok": best < TARGET_SECONDS})
    return results


def markdown(results: list[dict[str, object]]) -> str:
    rows = "".join(
        f"| {r['case']} | {r['best']:.2f} | < {TARGET_SECONDS:.0f} s "
        f"({'meets' if r['ok'] else 'MISSES'}) |\n"
        for r in results
    )
    return (
        f"{SECTION}\n\n"
        "Text built to be slow (`bench/bench_hostile_input.py`): each case once took time "
        "growing with the square of its length or worse, holding a web worker past its "
        "timeout or an import for minutes. Best of 2 runs.\n\n"
        "| case | seconds | target |\n|---|---:|---|\n" + rows
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench_hostile_input.py", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--markdown", action="store_true", help="print the Markdown section")
    parser.add_argument("--out", type=Path, help="replace or append the section in this file")
    parser.add_argument("--check", action="store_true", help="exit 1 if a case is too slow")
    args = parser.parse_args(argv)

    results = run(args.repeats)
    section = markdown(results)
    if args.markdown:
        sys.stdout.write(section)
    else:
        for r in results:
            verdict = "ok" if r["ok"] else "TOO SLOW"
            sys.stdout.write(f"{r['case']}: {r['best']:.2f} s ({verdict})\n")
    if args.out is not None:
        write_section(args.out, SECTION, section)
    return 1 if args.check and not all(r["ok"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
