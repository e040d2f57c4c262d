"""Benchmark: the staff dashboard and the case list over a register of 100,000 requests.

Target: every page's server time at the 95th percentile under 150 ms on SQLite.

The register is built once and reused: a SQLite file under ``var/bench/`` (or
``$FOIDESK_BENCH_DIR``), or the PostgreSQL database named by ``--postgres-url`` if it is empty
(a database that already holds a different number of requests is refused, never changed). The
requests are deterministic and shaped like a large force's six years: received over six years
up to today; FOIA 80%, EIR 15%, FOISA 5%; requests from the last six weeks open in every state,
older ones answered, closed, under review or withdrawn except 1% left open and overdue; 90%
assigned to one of 12 FOI officers; 1 to 6 questions each, 70% routed to one of 15
departments. Due dates are the law's (``foidesk.law.deadlines.compute_deadline``).

Each page is fetched through Django's test ``Client`` (the whole middleware stack, the view
and the template, without a network) by a read-only member of staff: two warm-up requests,
then ``--repeats`` timed ones; the queries of one more request are counted.

Usage::

    python bench/bench_register.py                  # a human-readable summary
    python bench/bench_register.py --markdown       # the "## Request register" section
    python bench/bench_register.py --postgres-url postgres://user@host/db
    python bench/bench_register.py --check          # exit 1 if over the target
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django_setup import configure, engine_version  # bench/django_setup.py, beside this script

PROJECT_DIR = Path(__file__).resolve().parents[1]
SECTION = "## Request register: dashboard and case list"
TARGET_P95_MS = 150.0
DEFAULT_N = 100_000
LONDON = ZoneInfo("Europe/London")


# --- the register ---------------------------------------------------------------------------

TOPICS = [
    ("Taser", "taser discharges", "How many times was a Taser drawn or discharged"),
    ("Dismissals", "officers dismissed", "How many officers were dismissed for gross misconduct"),
    ("Stop and search", "stop and search", "How many stop and searches were carried out"),
    ("Drones", "drone flights", "How many drone flights did the force make"),
    ("Vehicle fleet", "fleet vehicles", "How many marked vehicles does the force own"),
    ("Overtime", "overtime payments", "What was the total overtime paid to officers"),
    ("Police dogs", "police dogs", "How many police dogs were retired"),
    ("Knife crime", "knife crime", "How many knife crimes were recorded"),
    ("Cyber crime", "cyber crime reports", "How many reports of cyber crime were received"),
    ("Body-worn video", "body-worn video", "How many body-worn video cameras are issued"),
    ("Missing persons", "missing person reports", "How many missing person reports were made"),
    ("Facial recognition", "facial recognition", "How many live facial recognition deployments"),
    ("Hate crime", "hate crime", "How many hate crimes were recorded by category"),
    ("Custody deaths", "deaths in custody", "How many deaths in or after custody occurred"),
    ("Mobile phones", "phone contracts", "What does the force spend on mobile phone contracts"),
    ("Speed cameras", "speed camera offences", "How many speeding offences did each camera record"),
    ("Sickness absence", "sickness absence", "How many days were lost to sickness absence"),
    ("Complaints", "public complaints", "How many complaints from the public were recorded"),
    ("Firearms licences", "firearms licences", "How many firearms certificates were revoked"),
    ("Domestic abuse", "domestic abuse", "How many domestic abuse incidents were recorded"),
]
PLACES = ["Birmingham", "Coventry", "Wolverhampton", "Dudley", "Walsall", "Solihull", "Sandwell"]
DEPARTMENTS = [
    "Professional Standards",
    "Human Resources",
    "Finance",
    "Fleet",
    "Custody",
    "Firearms Licensing",
    "Crime Recording",
    "Corporate Communications",
    "Estates",
    "Information Technology",
    "Operations",
    "Public Protection",
    "Roads Policing",
    "Training",
    "Legal Services",
]
OPEN_WEIGHTS = {
    "received": 15,
    "acknowledged": 20,
    "with_department": 30,
    "drafting": 15,
    "awaiting_approval": 8,
    "awaiting_clarification": 7,
    "awaiting_fee": 5,
}
DONE_WEIGHTS = {
    "responded": 55,
    "closed": 35,
    "internal_review": 3,
    "with_ico": 2,
    "withdrawn": 5,
}
QUESTION_WEIGHTS = {1: 25, 2: 30, 3: 20, 4: 12, 5: 8, 6: 5}
STRAGGLER_SHARE = 0.01  # older requests still open, hence overdue


def build_register(n: int, *, today: date, seed: int = 190) -> dict[str, Any]:
    """Create the staff, departments, requests and questions with ``bulk_create``."""
    from django.db import connection, transaction

    from foidesk.accounts.models import Role, User
    from foidesk.cases.models import (
        Authority,
        Department,
        Question,
        QuestionStatus,
        Request,
        Requester,
    )
    from foidesk.law.deadlines import compute_deadline
    from foidesk.law.regimes import Regime

    rng = random.Random(seed)  # test data, not security
    started = time.perf_counter()
    with transaction.atomic():
        Authority.objects.create(name="West Midlands Police (benchmark)")
        officers = [
            User.objects.create_user(
                username=f"officer{i}",
                role=Role.FOI_OFFICER,
                first_name=name,
                last_name="Officer",
            )
            for i, name in enumerate(
                ("Priya", "Sam", "Alex", "Jordan", "Morgan", "Chris")
                + ("Kim", "Lee", "Ola", "Ravi", "Tom", "Zoe")
            )
        ]
        for i in range(3):
            User.objects.create_user(username=f"decider{i}", role=Role.DECISION_MAKER)
        User.objects.create_user(username="reader", role=Role.READ_ONLY)
        departments = Department.objects.bulk_create(Department(name=d) for d in DEPARTMENTS)

        first = today - timedelta(days=6 * 365)
        span = (today - first).days
        open_states, open_w = zip(*OPEN_WEIGHTS.items(), strict=True)
        done_states, done_w = zip(*DONE_WEIGHTS.items(), strict=True)
        counts, count_w = zip(*QUESTION_WEIGHTS.items(), strict=True)
        regimes = [Regime.FOIA] * 16 + [Regime.EIR] * 3 + [Regime.FOISA]
        received_days = sorted(first + timedelta(days=rng.randrange(span + 1)) for _ in range(n))
        seq_by_year: dict[int, int] = {}
        requesters = Requester.objects.bulk_create(
            (Requester(name=f"Requester {i}") for i in range(n)), batch_size=5000
        )
        requests: list[Request] = []
        for i, day in enumerate(received_days):
            seq_by_year[day.year] = seq_by_year.get(day.year, 0) + 1
            reference = f"{seq_by_year[day.year]}A/{day.year % 100:02d}"
            regime = rng.choice(regimes)
            due = compute_deadline(regime, day).due
            recent = (today - day).days <= 42
            if recent or rng.random() < STRAGGLER_SHARE:
                state = rng.choices(open_states, open_w)[0]
            else:
                state = rng.choices(done_states, done_w)[0]
            if state in ("awaiting_clarification", "awaiting_fee"):
                due = None
            label, subject, _ = rng.choice(TOPICS)
            place = rng.choice(PLACES)
            requests.append(
                Request(
                    reference=reference,
                    slug=reference.replace("/", "-"),
                    title=f"{label} in {place}, {day.year - rng.randrange(3)}",
                    received_at=datetime(
                        day.year, day.month, day.day, 8 + rng.randrange(10), tzinfo=LONDON
                    ),
                    regime=regime.value,
                    state=state,
                    requester=requesters[i],
                    request_text=f"Please tell me about {subject} in {place}.",
                    assigned_officer=rng.choice(officers) if rng.random() < 0.9 else None,
                    due_date=due,
                    responded_on=due if state in DONE_WEIGHTS and state != "withdrawn" else None,
                    calendar_version="bench",
                )
            )
        Request.objects.bulk_create(requests, batch_size=5000)
        # bulk_create sets primary keys on SQLite and PostgreSQL.
        questions: list[Question] = []
        for request in requests:
            for number in range(1, rng.choices(counts, count_w)[0] + 1):
                _, subject, ask = rng.choice(TOPICS)
                routed = rng.random() < 0.7
                if not routed:
                    status = QuestionStatus.NEW
                elif request.state in OPEN_WEIGHTS:
                    status = rng.choice([QuestionStatus.WITH_DEPARTMENT, QuestionStatus.ANSWERED])
                else:
                    status = QuestionStatus.DECIDED
                questions.append(
                    Question(
                        request_id=request.pk,
                        number=number,
                        text=f"{ask} in {rng.choice(PLACES)} in {request.received_at.year - 1}?",
                        department=rng.choice(departments) if routed else None,
                        status=status,
                    )
                )
        Question.objects.bulk_create(questions, batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"seconds": time.perf_counter() - started, "questions": len(questions)}


def ensure_register(n: int, *, today: date) -> dict[str, Any]:
    """Migrate and fill the database, or reuse it if it already holds ``n`` requests."""
    from django.core.management import call_command
    from django.db import connection

    from foidesk.cases.models import Question, Request

    call_command("migrate", interactive=False, verbosity=0)
    existing = Request.objects.count()
    if existing == n:
        return {"built": False, "seconds": 0.0, "questions": Question.objects.count()}
    if existing:
        raise SystemExit(
            f"The benchmark database ({connection.settings_dict['NAME']}) already holds "
            f"{existing:,} requests, not {n:,}: use an empty database."
        )
    return {"built": True, **build_register(n, today=today)}


# --- measuring ------------------------------------------------------------------------------


@dataclass
class PageResult:
    name: str
    url: str
    status: int
    rows: int
    total: int | None
    queries: int
    timings_ms: list[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.timings_ms)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.timings_ms, n=20, method="inclusive")[18]

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.p95 < TARGET_P95_MS


def pages_to_measure() -> list[tuple[str, str]]:
    from foidesk.accounts.models import User
    from foidesk.cases.models import Department

    officer = User.objects.get(username="officer0")
    department = Department.objects.get(name="Professional Standards")
    return [
        ("Dashboard", "/staff/"),
        ("List, first page", "/staff/requests/"),
        ("List, state", "/staff/requests/?state=with_department"),
        ("List, officer's open", f"/staff/requests/?officer={officer.pk}&state=open&sort=due"),
        ("List, department's open", f"/staff/requests/?department={department.pk}&state=open"),
        ("List, overdue", "/staff/requests/?due=overdue&sort=due"),
        ("List, due in 5 working days", "/staff/requests/?due=5&sort=due"),
        ("List, search", "/staff/requests/?q=taser"),
        ("List, search and year", "/staff/requests/?q=misconduct&year=2023&sort=reference"),
        ("List, page 50", "/staff/requests/?page=50"),
    ]


def measure(repeats: int) -> list[PageResult]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import (
        CaptureQueriesContext,
        setup_test_environment,
        teardown_test_environment,
    )

    from foidesk.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username="reader"))
    results = []
    for name, url in pages_to_measure():
        for _ in range(2):
            client.get(url)
        # One request with the template context recorded and the queries counted; the
        # recording costs time, so it is switched off again for the timed requests.
        setup_test_environment()
        try:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            queries = len(captured.captured_queries)  # read now: the next request clears it
        finally:
            teardown_test_environment()
        context = response.context
        page = context.get("page_obj")
        rows = len(context["rows"]) if "rows" in context else 0
        if "figures" in context:
            rows = len(context["figures"].overdue) + len(context["figures"].due_soon)
        timings = []
        for _ in range(repeats):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        results.append(
            PageResult(
                name=name,
                url=url,
                status=response.status_code,
                rows=rows,
                total=page.paginator.count if page is not None else None,
                queries=queries,
                timings_ms=timings,
            )
        )
    return results


def run(n: int, repeats: int, postgres_url: str | None, bench_dir: Path) -> dict[str, Any]:
    url = postgres_url or f"sqlite:///{bench_dir / f'register-{n}.sqlite3'}"
    # The test Client calls itself "testserver".
    configure(url, bench_dir, allowed_hosts="testserver,localhost")

    from django.db import connection
    from django.utils import timezone

    today = timezone.localdate()
    built = ensure_register(n, today=today)
    pages = measure(repeats)
    engine = connection.vendor
    version = engine_version()
    return {
        "n": n,
        "repeats": repeats,
        "engine": engine,
        "engine_version": version,
        "built": built,
        "pages": pages,
        "ok": all(p.ok for p in pages),
        "python": platform.python_version(),
        "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def markdown(result: dict[str, Any]) -> str:
    built = result["built"]
    lines = [
        SECTION,
        "",
        f"Server time of the staff pages over a register of {result['n']:,} requests and "
        f"{built['questions']:,} questions (`bench/bench_register.py`), on "
        f"{result['engine']} {result['engine_version']}, through Django's test client as a "
        f"read-only member of staff: {result['repeats']} timed requests per page after two "
        f"warm-ups. Target: p95 under {TARGET_P95_MS:.0f} ms.",
        "",
        "| page | address | rows | matching | queries | p50 (ms) | p95 (ms) | target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for p in result["pages"]:
        total = f"{p.total:,}" if p.total is not None else ""
        verdict = "meets" if p.ok else ("MISSES" if p.status == 200 else f"HTTP {p.status}")
        lines.append(
            f"| {p.name} | `{p.url}` | {p.rows} | {total} | {p.queries} | {p.p50:.1f} "
            f"| {p.p95:.1f} | {verdict} |"
        )
    lines += [
        "",
        "*rows*: rows on the page (the dashboard: its overdue and due-soon lists); *matching*: "
        "the count the page reports; *queries*: for one request, including the session and "
        "user look-ups.",
        "",
        "A search (`q`) finds its term in the trigram indexes of migration "
        "`cases/0004_register_search` (SQLite FTS5 with the trigram tokenizer over title, "
        "reference and question text, kept in step by triggers): the substrings `icontains` "
        "would find, and letters beyond A to Z in either case, without reading every row "
        "(terms under three characters are still matched row by row). The list pages a search "
        "by fetching the ordered ids of all matches in one pass, then the page's rows by id. "
        "On PostgreSQL the search is `icontains` over one union of the matching ids, served "
        "by `pg_trgm` GIN indexes on `UPPER(title)`, `UPPER(reference)` and `UPPER(text)` (the "
        "expressions Django's `icontains` compares; migration "
        "`cases/0005_register_search_postgresql`, which creates no index where the server "
        "refuses the extension); this benchmark times SQLite.",
    ]
    if result["load"] is not None:
        load = ", ".join(f"{x:.2f}" for x in result["load"])
        lines += ["", f"Load average when the timing finished (1, 5, 15 min): {load}."]
    if built["built"]:
        lines += ["", f"Building the register took {built['seconds']:.0f} s (not timed above)."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_register.py", description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=DEFAULT_N, help="number of requests")
    parser.add_argument("--repeats", type=int, default=30, help="timed requests per page")
    parser.add_argument("--markdown", action="store_true", help="print the Markdown section")
    parser.add_argument("--postgres-url", help="measure on this PostgreSQL database instead")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(os.environ.get("FOIDESK_BENCH_DIR", PROJECT_DIR / "var" / "bench")),
        help="where the SQLite register is kept between runs (default var/bench)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a page misses the target")
    args = parser.parse_args(argv)
    if args.repeats < 20:
        parser.error("--repeats must be at least 20 for a 95th percentile")

    result = run(args.n, args.repeats, args.postgres_url, args.dir.resolve())
    if args.markdown:
        sys.stdout.write(markdown(result))
    else:
        for p in result["pages"]:
            sys.stdout.write(
                f"{p.name:30} p50 {p.p50:7.1f} ms  p95 {p.p95:7.1f} ms  {p.queries:2} queries  "
                f"{'ok' if p.ok else 'TOO SLOW'}\n"
            )
    return 1 if args.check and not result["ok"] else 0


if __name__ == "__main__":
    sys.exit(main())
