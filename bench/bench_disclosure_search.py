"""Benchmark: searching a disclosure log of 1,000,000 published entries, on SQLite and PostgreSQL.

Targets (issue 5), on the project's 2-core machine: over 200 mixed searches, p95 through HTTP
under 100 ms, and under 3 times the database engine's own time for the same searches.

The log is generated, deterministically, from the vocabulary of the real disclosure-log pages
in ``shared/corpus/pages.jsonl``: a word-to-next-word (bigram) chain learnt from the pages
makes a pool of sentences; each entry's title comes from the corpus titles or the chain, its
request is 2 to 8 sentences and its response 6 to 24 (about 270 words an entry in all, like the
complete corpus pages), ending with the entry's reference. Entries are published over 2019-2025
in id order, each with its own request row (a publication needs one), one of 12 topics and an
outcome. Rows go in with bulk SQL (``executemany`` on SQLite, ``COPY`` on PostgreSQL); then
the search index is built in one pass (SQLite: FTS5 filled from the table and merged with
``optimize``; PostgreSQL: the generated ``tsvector`` fills itself, the partial GIN index of
migration ``0002_search`` is created after the load, then ``VACUUM ANALYZE``).

The 200 queries, also from the corpus vocabulary: common words, uncommon words, two words,
quoted phrases, a reference number (one entry), a word with a year or outcome filter, and
second pages. Each is timed three ways, after one warm-up pass of all of them:

- *engine*: exactly the SQL ``disclosure.search.search`` sends for that search (recorded with
  an execute wrapper, then replayed on the raw DB-API connection, all rows fetched);
- *page*: ``GET /disclosure-log/?q=...`` and *API*: ``GET /api/v1/entries/?q=...`` from
  gunicorn with 2 sync workers (as ``foidesk serve`` runs it), over loopback HTTP with
  ``http.client``, one request at a time.

Each engine runs in its own process (Django is set up once per process). PostgreSQL is a
throwaway server started from Debian's binaries (as ``scripts/run_tests.py`` does; as the
``postgres`` user when run as root). Everything lives in a temporary directory that is removed
afterwards, unless ``--dir`` names one to keep and reuse (a database already holding ``-n``
entries is reused; one holding another number is refused).

Usage::

    python bench/bench_disclosure_search.py                 # 1,000,000 entries, both engines
    python bench/bench_disclosure_search.py --markdown      # the "## Disclosure log search" section
    python bench/bench_disclosure_search.py --quick         # 20,000 entries (run_all.py --quick)
    python bench/bench_disclosure_search.py --engine sqlite --dir var/bench/search  # keep the DB
    python bench/bench_disclosure_search.py --check         # exit 1 if a target is missed
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from django_setup import configure, engine_version  # bench/django_setup.py, beside this script

PROJECT_DIR = Path(__file__).resolve().parents[1]
CORPUS = PROJECT_DIR.parent / "shared" / "corpus" / "pages.jsonl"
SECTION = "## Disclosure log search"
DEFAULT_N = 1_000_000
QUICK_N = 20_000
N_QUERIES = 200
TARGET_P95_MS = 100.0
TARGET_RATIO = 3.0
SEED = 5
TOPICS = [
    "Firearms licensing",
    "Professional standards",
    "Custody",
    "Taser and use of force",
    "Stop and search",
    "Road policing",
    "Covert policing",
    "Recorded crime",
    "Workforce",
    "Finance and contracts",
    "Technology",
    "Public protection",
]
OUTCOMES = [
    ("disclosed", 40),
    ("partly_disclosed", 30),
    ("refused", 12),
    ("not_held", 15),
    ("other", 3),
]
PROVISIONS = ["foia:s40(2)", "foia:s31(1)(a)", "foia:s23(5)", "foia:s24(2)", "foia:s30(1)"]
FIRST_DAY = date(2019, 1, 1)
LAST_DAY = date(2025, 12, 31)


# --- the vocabulary and the entries ---------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d+")
_SENTENCE_END = re.compile(r"(?<=[.?!:;])\s+|\n+")
# With PostgreSQL's English stop words: a query of only those matches nothing.
STOPWORDS = set(
    """
    a an and are as at be been but by can could did do does for from had has have he her his
    how i if in into is it its may me my no not of on or our please provide s such that the
    their them there these they this those to under was we were what when where which who will
    with would you your any all also being per than then only other
    each few more most some nor own same so too very just don should now both after before
    above below between through during off over again further once here because until
    while about against up down out am him she herself himself itself
    """.split()  # noqa: SIM905
)


class Vocabulary:
    """What the generated entries are made of, learnt from the corpus pages."""

    def __init__(self, pages: list[dict[str, Any]], rng: random.Random) -> None:
        self.words: Counter[str] = Counter()
        self.bigrams: Counter[tuple[str, str]] = Counter()
        following: dict[str, list[str]] = defaultdict(list)
        starters: list[str] = []
        for page in pages:
            text = " ".join(page["text"].replace("\u00a0", " ").split(" "))
            for sentence in _SENTENCE_END.split(text):
                tokens = _WORD.findall(sentence)
                if len(tokens) < 3:
                    continue
                starters.append(tokens[0])
                for a, b in zip(tokens, tokens[1:], strict=False):
                    following[a].append(b)
                    self.bigrams[(a.lower(), b.lower())] += 1
                self.words.update(t.lower() for t in tokens)
        self.titles = sorted(
            {
                re.sub(
                    r"\s*[(\[].*$|\s+-\s+\d.*$|^(August 2023 )?FOI[- ]?[\d/]+(-\d+)?\s*",
                    "",
                    p["title"],
                ).strip(" -")
                for p in pages
            }
            - {""}
        )
        # A pool of sentences walked along the bigram chain: entries are drawn from it, so
        # word and word-pair frequencies follow the corpus.
        self.sentences: list[str] = []
        for _ in range(60_000):
            word = rng.choice(starters)
            out = [word]
            length = rng.randint(6, 26)
            while len(out) < length and following.get(word):
                word = rng.choice(following[word])
                out.append(word)
            out[0] = out[0][:1].upper() + out[0][1:]
            self.sentences.append(" ".join(out) + ".")
        self.phrases = [" ".join(s.split()[:k]) for s in self.sentences[:5000] for k in (3, 4, 5)]

    def content_words(self) -> list[tuple[str, int]]:
        """Words worth searching for, most frequent first."""
        return [
            (w, c)
            for w, c in self.words.most_common()
            if w.isalpha() and len(w) >= 4 and w not in STOPWORDS
        ]


def load_corpus() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def generate_entries(n: int, vocab: Vocabulary, seed: int = SEED):
    """Yield ``n`` entries as dicts, in publishing order (id order), deterministically."""
    rng = random.Random(seed)  # test data, not security
    sentences = vocab.sentences
    titles = vocab.titles
    phrases = vocab.phrases
    outcomes, weights = zip(*OUTCOMES, strict=True)
    span = (LAST_DAY - FIRST_DAY).days
    seq: Counter[int] = Counter()
    for i in range(n):
        responded = FIRST_DAY + timedelta(days=i * span // n)
        received = responded - timedelta(days=10 + rng.randrange(20))
        seq[responded.year] += 1
        reference = f"{seq[responded.year]}A/{responded.year % 100:02d}"
        if rng.random() < 0.5:
            title = rng.choice(titles)
        else:
            title = rng.choice(phrases).rstrip(".")
            title = title[:1].upper() + title[1:]
        if rng.random() < 0.5:
            title = f"{title}, {responded.year - rng.randrange(4)}"
        request_text = " ".join(rng.choices(sentences, k=rng.randint(2, 8)))
        response_text = (
            " ".join(rng.choices(sentences, k=rng.randint(6, 24))) + f" Our reference: {reference}."
        )
        outcome = rng.choices(outcomes, weights)[0]
        provisions = (
            rng.sample(PROVISIONS, rng.randint(1, 2))
            if outcome in ("refused", "partly_disclosed")
            else []
        )
        yield {
            "i": i,
            "reference": reference,
            "slug": reference.replace("/", "-"),
            "title": title[:200],
            "received_on": received,
            "responded_on": responded,
            "published_at": datetime(
                responded.year, responded.month, responded.day, 9 + rng.randrange(8), tzinfo=UTC
            ),
            "request_text": request_text,
            "response_text": response_text,
            "outcome": outcome,
            "ncnd": "foia:s23(5)" in provisions or "foia:s24(2)" in provisions,
            "snapshot": json.dumps(
                {"decisions": [{"provisions": [{"id": p} for p in provisions]}]}
            ),
            "topic": 1 + rng.randrange(len(TOPICS)),
        }


# --- Django and the databases ---------------------------------------------------------------


@contextlib.contextmanager
def postgres_server(data_parent: Path):
    """A private PostgreSQL server whose data lives in ``data_parent/pg`` and is kept for the
    next run: the test runner's server, tuned as a modest dedicated one (1 GB of shared
    buffers, the default work_mem of 4 MB)."""
    sys.path.insert(0, str(PROJECT_DIR / "scripts"))
    from run_tests import NoPostgres
    from run_tests import postgres_server as server

    settings = (
        "-c shared_buffers=1GB -c effective_cache_size=8GB -c maintenance_work_mem=1GB "
        "-c max_wal_size=8GB"
    )
    try:
        with server(data_parent / "pg", settings) as url:
            yield url
    except NoPostgres as exc:
        raise SystemExit(str(exc)) from exc


def load(n: int, vocab: Vocabulary) -> dict[str, Any]:
    """Fill an empty, migrated database with ``n`` published entries and build the index."""
    from django.db import connection, transaction

    from foidesk.accounts.models import Role, User
    from foidesk.cases.models import Authority, Requester
    from foidesk.disclosure.models import Topic

    timings: dict[str, float] = {}
    started = time.perf_counter()
    with transaction.atomic():
        Authority.objects.create(name="West Midlands Police (benchmark)")
        publisher = User.objects.create_user(username="publisher", role=Role.FOI_OFFICER)
        requester = Requester.objects.create(name="Benchmark requester")
        topics = Topic.objects.bulk_create(
            Topic(slug=re.sub(r"\W+", "-", t.lower()), name=t) for t in TOPICS
        )
    topic_ids = [t.pk for t in topics]
    now = datetime.now(UTC)
    pg = connection.vendor == "postgresql"
    request_cols = (
        "id, reference, slug, title, received_at, channel, regime, state, requester_id, "
        "request_text, calendar_version, responded_on, created_at, updated_at"
    )
    publication_cols = (
        "id, request_id, version, slug, reference, title, regime, received_on, responded_on, "
        "published_at, published_by_id, snapshot, request_text, response_text, outcome, ncnd, "
        "year, redactions, correction_note, is_current, withdrawn_at, withdrawn_reason"
    )
    topic_cols = "publication_id, topic_id"

    def rows(e: dict[str, Any]) -> tuple[tuple, tuple, tuple]:
        pk = e["i"] + 1
        received_at = datetime(
            e["received_on"].year, e["received_on"].month, e["received_on"].day, 10, tzinfo=UTC
        )
        request = (
            pk, e["reference"], e["slug"], e["title"], received_at, "email", "foia", "closed",
            requester.pk, "See the published entry.", "bench", e["responded_on"], now, now,
        )  # fmt: skip
        publication = (
            pk, pk, 1, e["slug"], e["reference"], e["title"], "foia", e["received_on"],
            e["responded_on"], e["published_at"], publisher.pk, e["snapshot"], e["request_text"],
            e["response_text"], e["outcome"], e["ncnd"], e["responded_on"].year, "[]", "", True,
            None, "",
        )  # fmt: skip
        return request, publication, (pk, topic_ids[e["topic"] - 1])

    entries = generate_entries(n, vocab)
    if pg:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'disclosure_publication_search'"
            )
            (search_index,) = cursor.fetchone()
            cursor.execute("DROP INDEX disclosure_publication_search")
        raw = connection.connection
        t0 = time.perf_counter()
        # One transaction: the foreign keys are checked at its end (Django makes them deferrable).
        with transaction.atomic(), raw.cursor() as cursor:
            # Three COPY streams cannot be open at once on one connection: requests and topics
            # go to files first, publications stream directly.
            spill = tempfile.TemporaryDirectory()
            with (
                open(Path(spill.name) / "req.pickle", "wb") as req_file,
                cursor.copy(f"COPY disclosure_publication ({publication_cols}) FROM STDIN") as cp,
            ):
                import pickle

                batch_r, batch_t = [], []
                for e in entries:
                    r, p, t = rows(e)
                    cp.write_row(p)
                    batch_r.append(r)
                    batch_t.append(t)
                    if len(batch_r) >= 50_000:
                        pickle.dump((batch_r, batch_t), req_file)
                        batch_r, batch_t = [], []
                pickle.dump((batch_r, batch_t), req_file)
            timings["publications (COPY, tsvector computed)"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            with (
                open(Path(spill.name) / "req.pickle", "rb") as req_file,
                cursor.copy(f"COPY cases_request ({request_cols}) FROM STDIN") as cr,
            ):
                batches = []
                while True:
                    try:
                        batch_r, batch_t = pickle.load(req_file)  # noqa: S301 - our own file
                    except EOFError:
                        break
                    for r in batch_r:
                        cr.write_row(r)
                    batches.append(batch_t)
            with cursor.copy(f"COPY disclosure_publication_topics ({topic_cols}) FROM STDIN") as ct:
                for batch_t in batches:
                    for t in batch_t:
                        ct.write_row(t)
            spill.cleanup()
            for table in ("cases_request", "disclosure_publication"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {n})"  # noqa: S608
                )
        timings["requests and topics (COPY), foreign-key checks"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        with connection.cursor() as cursor:  # autocommit outside atomic()
            cursor.execute(search_index)
            timings["GIN index"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            cursor.execute("VACUUM ANALYZE")
        timings["VACUUM ANALYZE"] = time.perf_counter() - t0
    else:
        from foidesk.disclosure import search

        def iso(value: Any) -> Any:
            if isinstance(value, datetime):
                return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, bool):
                return int(value)
            return value

        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-500000")
        t0 = time.perf_counter()
        marks = lambda cols: ", ".join(["%s"] * len(cols.split(",")))  # noqa: E731
        batch: list[tuple] = []

        def flush() -> None:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO cases_request ({request_cols}) VALUES ({marks(request_cols)})",
                    [tuple(map(iso, b[0])) for b in batch],
                )
                cursor.executemany(
                    f"INSERT INTO disclosure_publication ({publication_cols}) "
                    f"VALUES ({marks(publication_cols)})",
                    [tuple(map(iso, b[1])) for b in batch],
                )
                cursor.executemany(
                    f"INSERT INTO disclosure_publication_topics ({topic_cols}) VALUES (%s, %s)",
                    [b[2] for b in batch],
                )
            batch.clear()

        for e in entries:
            batch.append(rows(e))
            if len(batch) >= 20_000:
                flush()
        flush()
        timings["rows (executemany)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        with transaction.atomic():
            search.rebuild_index()
        timings["FTS5 index (rebuild_index)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {search.SQLITE_TABLE}({search.SQLITE_TABLE}) VALUES ('optimize')"
            )
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        timings["FTS5 optimize, ANALYZE"] = time.perf_counter() - t0
    return {"seconds": time.perf_counter() - started, "steps": timings}


def database_size() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            total = cursor.fetchone()[0]
            cursor.execute("SELECT pg_relation_size('disclosure_publication_search')")
            index = cursor.fetchone()[0]
            return {"total": total, "index": index}
        name = connection.settings_dict["NAME"]
        total = sum(
            Path(f"{name}{suffix}").stat().st_size
            for suffix in ("", "-wal")
            if Path(f"{name}{suffix}").exists()
        )
        try:
            cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'disclosure_search_%'")
            index = cursor.fetchone()[0] or 0
        except Exception:  # noqa: BLE001 - dbstat is optional in SQLite builds
            index = 0
        return {"total": total, "index": index}


# --- the queries ----------------------------------------------------------------------------


def make_queries(vocab: Vocabulary, n_entries: int, rng: random.Random) -> list[dict[str, Any]]:
    """200 mixed searches: (category, query-string parameters)."""
    content = vocab.content_words()
    common = [w for w, _ in content[:60]]
    uncommon = [w for w, c in content if c <= 2 and len(w) >= 6]
    middling = [w for w, _ in content[60:400]]
    bigrams = [
        f"{a} {b}"
        for (a, b), c in vocab.bigrams.most_common(400)
        if a.isalpha() and b.isalpha() and not (a in STOPWORDS and b in STOPWORDS)
    ]
    years = list(range(FIRST_DAY.year, LAST_DAY.year + 1))
    queries: list[dict[str, Any]] = []

    def add(category: str, count: int, make) -> None:
        for _ in range(count):
            queries.append({"category": category, "params": make()})

    add("common word", 35, lambda: {"q": rng.choice(common)})
    add("uncommon word", 20, lambda: {"q": rng.choice(uncommon)})
    add("two uncommon words", 20, lambda: {"q": " ".join(rng.sample(uncommon, 2))})
    add("two words", 25, lambda: {"q": f"{rng.choice(common + middling)} {rng.choice(middling)}"})
    add("phrase", 30, lambda: {"q": f'"{rng.choice(bigrams)}"'})

    def reference() -> dict[str, str]:
        year = rng.choice(years)
        return {"q": f"{1 + rng.randrange(max(1, n_entries // len(years)))}A/{year % 100:02d}"}

    add("reference", 15, reference)
    add(
        "word + year",
        15,
        lambda: {"q": rng.choice(common + middling), "year": str(rng.choice(years))},
    )
    add(
        "word + outcome",
        15,
        lambda: {
            "q": rng.choice(common + middling),
            "outcome": rng.choice(["refused", "not_held"]),
        },
    )
    add("page 2", 25, lambda: {"q": rng.choice(common + middling), "page": "2"})
    assert len(queries) == N_QUERIES, len(queries)
    rng.shuffle(queries)
    return queries


def record_engine_sql(queries: list[dict[str, Any]]) -> None:
    """For each query, the SQL ``search.search`` sends (as ``log_page`` calls it)."""
    from django.db import connection

    from foidesk.disclosure import search, selectors

    for q in queries:
        p = q["params"]
        filters = selectors.LogFilters(
            q=p["q"], year=int(p["year"]) if "year" in p else None, outcome=p.get("outcome", "")
        )
        page = int(p.get("page", 1))
        statements: list[tuple[str, list]] = []

        def recorder(execute, sql, params, many, context, statements=statements):
            statements.append((sql, list(params or ())))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(recorder):
            hits = search.search(
                filters.q,
                within=selectors._search_within(filters),  # as log_page passes it
                limit=selectors.PAGE_SIZE,
                offset=(page - 1) * selectors.PAGE_SIZE,
            )
        q["sql"] = statements
        q["total"] = hits.total
        q["capped"] = getattr(hits, "capped", False)


def time_engine(queries: list[dict[str, Any]]) -> None:
    """Replay each query's SQL on the raw DB-API connection; keep the time of the last run."""
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    sqlite = connection.vendor == "sqlite"
    for rounds in range(2):  # the first round warms the caches
        for q in queries:
            t0 = time.perf_counter()
            for sql, params in q["sql"]:
                if sqlite:
                    sql = sql.replace("%s", "?").replace("%%", "%")
                cursor = raw.cursor()
                cursor.execute(sql, params)
                cursor.fetchall()
                cursor.close()
            if rounds:
                q["engine_ms"] = (time.perf_counter() - t0) * 1000
    if not sqlite:
        raw.rollback()


@contextlib.contextmanager
def gunicorn(env: dict[str, str]):
    """The app under gunicorn with 2 sync workers, as ``foidesk serve`` runs it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--timeout", "300",
         "--bind", f"127.0.0.1:{port}", "foidesk.wsgi:application"],
        env=env, cwd=PROJECT_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = http_get(port, "/api/v1/openapi.json")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit(
                    "gunicorn did not start: " + process.stderr.read().decode()[-2000:]
                )
            time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def http_get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def time_http(queries: list[dict[str, Any]], port: int) -> None:
    for path in ("/disclosure-log/", "/api/v1/entries/"):
        http_get(port, path)  # warm each worker's imports and facet cache
        http_get(port, path)
    for rounds in range(2):
        for q in queries:
            query = urllib.parse.urlencode(q["params"])
            for key, path in (("page", "/disclosure-log/"), ("api", "/api/v1/entries/")):
                t0 = time.perf_counter()
                status, body = http_get(port, f"{path}?{query}")
                elapsed = (time.perf_counter() - t0) * 1000
                if status != 200:
                    raise SystemExit(f"GET {path}?{query}: HTTP {status}\n{body[:500]!r}")
                if rounds:
                    q[f"{key}_ms"] = elapsed
                    if key == "api":
                        q["api_count"] = json.loads(body)["count"]


def percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


# --- one engine, in its own process ---------------------------------------------------------


def run_engine(engine: str, n: int, work: Path, build_only: bool = False) -> dict[str, Any]:
    rng = random.Random(SEED)
    vocab = Vocabulary(load_corpus(), rng)
    queries = make_queries(vocab, n, random.Random(SEED + 1))
    with contextlib.ExitStack() as stack:
        if engine == "postgresql":
            url = stack.enter_context(postgres_server(work))
        else:
            url = f"sqlite:///{work / f'disclosure-{n}.sqlite3'}"
        configure(url, work / "var", allowed_hosts="127.0.0.1,localhost")
        from django.core.management import call_command
        from django.db import connection

        from foidesk.disclosure.models import Publication

        call_command("migrate", interactive=False, verbosity=0)
        existing = Publication.objects.count()
        record = work / "built.json"  # how long the kept database took to build
        if existing == n:
            built = json.loads(record.read_text()) if record.exists() else {}
            built = {"seconds": None, "steps": {}, **built, "reused": True}
        elif existing:
            raise SystemExit(
                f"The benchmark database holds {existing:,} publications, not {n:,}: "
                "use an empty directory."
            )
        else:
            print(f"[{engine}] loading {n:,} entries ...", file=sys.stderr, flush=True)
            built = load(n, vocab)
            record.write_text(json.dumps(built), encoding="utf-8")
        if build_only:
            return {"engine": engine, "n": n, "built": built, "size": database_size()}
        size = database_size()
        words = Publication.objects.order_by("id")[: min(n, 2000)].values_list(
            "title", "request_text", "response_text"
        )
        mean_words = statistics.mean(sum(len(t.split()) for t in row) for row in words)
        version = engine_version()
        print(f"[{engine}] timing the engine ...", file=sys.stderr, flush=True)
        record_engine_sql(queries)
        time_engine(queries)
        connection.close()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "foidesk.settings.test",
            "FOIDESK_SECRET_KEY": secrets.token_urlsafe(40),
            "PYTHONPATH": os.pathsep.join(
                [str(PROJECT_DIR / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
            ),
        }
        print(f"[{engine}] timing HTTP ...", file=sys.stderr, flush=True)
        with gunicorn(env) as port:
            time_http(queries, port)
    return {
        "engine": engine,
        "version": version,
        "n": n,
        "mean_words": mean_words,
        "built": built,
        "size": size,
        "queries": [{k: v for k, v in q.items() if k != "sql"} for q in queries],
        "statements": len(queries[0]["sql"]),
        "load": os.getloadavg(),
    }


# --- the report -----------------------------------------------------------------------------


def summarise(result: dict[str, Any]) -> dict[str, Any]:
    qs = result["queries"]
    out = {}
    for key in ("engine", "page", "api"):
        values = [q[f"{key}_ms"] for q in qs]
        out[key] = (percentile(values, 50), percentile(values, 95), max(values))
    return out


def verdicts(result: dict[str, Any]) -> dict[str, bool]:
    s = summarise(result)
    ok = {}
    for key in ("page", "api"):
        ok[f"{key} p95"] = s[key][1] < TARGET_P95_MS
        ok[f"{key} ratio"] = s[key][1] < TARGET_RATIO * s["engine"][1]
    return ok


def markdown(results: list[dict[str, Any]]) -> str:
    first = results[0]
    lines = [
        SECTION,
        "",
        f"Searching a disclosure log of {first['n']:,} published entries "
        f"(`bench/bench_disclosure_search.py`): {N_QUERIES} mixed searches, each timed "
        "straight on the database engine (exactly the SQL `disclosure.search.search` sends: the "
        "count and the ranked page, replayed on the DB-API connection) and through HTTP (the "
        "log page `/disclosure-log/?q=` and the API `/api/v1/entries/?q=`, from gunicorn with "
        "2 sync workers over loopback, one request at a time), after one warm-up pass of all "
        f"of them. Targets: p95 through HTTP under {TARGET_P95_MS:.0f} ms, and under "
        f"{TARGET_RATIO:.0f} times the engine's own p95.",
        "",
        f"Entries are generated from the vocabulary of `shared/corpus/pages.jsonl` (a bigram "
        f"chain over the 31 pages; {first['mean_words']:.0f} words an entry on average, "
        "title, request and response), published 2019-2025 in id order, each with its own "
        "request row, a topic and an outcome.",
        "",
        "| engine | entries | DB size | index size | load (s) | timed as | p50 (ms) | p95 (ms) "
        "| max (ms) | p95 ÷ engine p95 | target |",
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        s = summarise(r)
        ok = verdicts(r)
        built = r["built"]["seconds"]
        load_s = f"{built:,.0f}" if built is not None else "?"
        name = f"{r['engine']} {r['version']}"
        size = f"{r['size']['total'] / 2**30:.1f} GB"
        index = f"{r['size']['index'] / 2**30:.2f} GB" if r["size"]["index"] else ""
        lines.append(
            f"| {name} | {r['n']:,} | {size} | {index} | {load_s} | engine SQL "
            f"| {s['engine'][0]:.1f} | {s['engine'][1]:.1f} | {s['engine'][2]:.0f} | | |"
        )
        for key, label in (("page", "HTTP, log page"), ("api", "HTTP, API")):
            met = ok[f"{key} p95"] and ok[f"{key} ratio"]
            why = []
            if not ok[f"{key} p95"]:
                why.append(f"p95 ≥ {TARGET_P95_MS:.0f} ms")
            if not ok[f"{key} ratio"]:
                why.append(f"≥ {TARGET_RATIO:.0f}× engine")
            lines.append(
                f"| | | | | | {label} | {s[key][0]:.1f} | {s[key][1]:.1f} | {s[key][2]:.0f} "
                f"| {s[key][1] / s['engine'][1]:.1f} | "
                f"{'meets' if met else 'MISSES (' + ', '.join(why) + ')'} |"
            )
    lines += [
        "",
        "By kind of search (p50 / p95 in ms; *matching*: the median count reported, "
        '"1,000+" where the count is capped):',
        "",
        "| engine | search | n | matching | engine | log page | API |",
        "|---|---|---:|---:|---|---|---|",
    ]
    for r in results:
        by_cat: dict[str, list[dict]] = defaultdict(list)
        for q in r["queries"]:
            by_cat[q["category"]].append(q)
        for cat, qs in by_cat.items():

            def pp(key: str, qs=qs) -> str:
                v = [q[f"{key}_ms"] for q in qs]
                return f"{percentile(v, 50):.1f} / {percentile(v, 95):.1f}"

            counts = sorted(q["total"] for q in qs)
            median = counts[len(counts) // 2]
            capped = any(q["capped"] for q in qs if q["total"] == median)
            lines.append(
                f"| {r['engine']} | {cat} | {len(qs)} | {median:,}{'+' if capped else ''} "
                f"| {pp('engine')} | {pp('page')} | {pp('api')} |"
            )
    lines += ["", "Loading (not timed above):", ""]
    for r in results:
        steps = ", ".join(f"{k} {v:,.0f} s" for k, v in r["built"]["steps"].items())
        lines.append(f"- {r['engine']}: {steps or 'database reused'}.")
    load = ", ".join(f"{x:.2f}" for x in results[-1]["load"])
    lines += ["", f"Load average when the timing finished (1, 5, 15 min): {load}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench_disclosure_search.py", description=__doc__.split("\n")[0]
    )
    parser.add_argument("-n", type=int, default=None, help=f"entries (default {DEFAULT_N:,})")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_N:,} entries")
    parser.add_argument(
        "--engine", choices=["sqlite", "postgresql", "both"], default="both", help="which database"
    )
    parser.add_argument("--dir", type=Path, help="keep the databases here and reuse them")
    parser.add_argument("--markdown", action="store_true", help="print the Markdown section")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument(
        "--build-only", action="store_true", help="with --worker: build the database only"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    n = args.n or (QUICK_N if args.quick else DEFAULT_N)

    if args.worker:  # one engine, in this process; results as JSON on stdout
        result = run_engine(args.engine, n, args.dir, args.build_only)
        sys.stdout.write(json.dumps(result, default=str))
        return 0

    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    results = []
    temp = None
    if args.dir is None:
        base = Path(os.environ.get("FOIDESK_BENCH_DIR", tempfile.gettempdir()))
        base.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix="foidesk-search-bench-", dir=base))
        # Run as root, the PostgreSQL server runs as postgres: it must be able to pass through.
        temp.chmod(0o711)
    root = (args.dir or temp).resolve()
    try:
        for engine in engines:
            work = root / engine
            work.mkdir(parents=True, exist_ok=True)
            done = subprocess.run(  # noqa: S603 - this script, in our own interpreter
                [sys.executable, __file__, "--worker", "--engine", engine, "-n", str(n),
                 "--dir", str(work)],
                capture_output=True, text=True, check=False, cwd=PROJECT_DIR,
            )  # fmt: skip
            sys.stderr.write(done.stderr)
            if done.returncode != 0:
                raise SystemExit(f"{engine}: failed (exit {done.returncode})")
            results.append(json.loads(done.stdout))
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    if args.markdown:
        sys.stdout.write(markdown(results))
    else:
        for r in results:
            s = summarise(r)
            sys.stdout.write(
                f"{r['engine']:10} {r['n']:,} entries  "
                + "  ".join(f"{k} p50 {v[0]:.1f} p95 {v[1]:.1f} ms" for k, v in s.items())
                + f"  {'ok' if all(verdicts(r).values()) else 'MISSES'}\n"
            )
    ok = all(all(verdicts(r).values()) for r in results)
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
