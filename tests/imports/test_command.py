"""``foidesk import-log``: importing, re-importing, --json, --dry-run, --check and bad input.

Run through ``call_command`` on the test database, and once as a user runs it (a subprocess of
the ``foidesk`` entry point on its own database file) for the exit status.
"""

import io
import json
import os
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection, transaction
from django.utils import timezone

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.imports import pipeline
from foidesk.imports.models import STOPPED_AFTER, ImportedRecord, ImportFailure, ImportRun
from foidesk.imports.pipeline import prepare, prepare_all
from foidesk.imports.services import import_pages_store, import_run_start
from foidesk.intake.extraction import CORPUS_FIELDS
from foidesk.intake.pages import Page, Unreadable

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CORPUS_PAGES = ROOT.parent / "shared" / "corpus" / "pages.jsonl"
SEED = ROOT.parent / "shared" / "seed" / "000_2ad7f8b4d19a12d5.txt"

PAGE = """Drones ({ref})
Request
1. How many drones does the force have?
2. Which drones are you using?
Response
Please find attached our response.
In addition to the attached response West Midlands Police can neither confirm nor deny that it
holds any other information by virtue of Section 24(2) National Security.
"""


def corpus() -> Path:
    if not CORPUS_PAGES.is_file():
        pytest.fail(f"The labelled corpus is missing: expected {CORPUS_PAGES}.")
    return CORPUS_PAGES


def import_log(*args: str, **options) -> tuple[str, str, int]:
    """Run the command; return its output, its error output and its exit status."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_log", *map(str, args), stdout=out, stderr=err, **options)
    except CommandError as exc:
        err.write(str(exc))
        return out.getvalue(), err.getvalue(), exc.returncode
    return out.getvalue(), err.getvalue(), 0


def test_imports_the_corpus_and_records_the_run():
    out, err, status = import_log(corpus())

    assert status == 0, err
    assert ImportedRecord.objects.count() == 31
    run = ImportRun.objects.get()
    assert (run.pages_read, run.imported, run.updated, run.unchanged, run.failed) == (
        31,
        31,
        0,
        0,
        0,
    )
    assert run.finished_at is not None and run.started_by is None
    seed = ImportedRecord.objects.get(source_id="wmp-officer-alleged-sexual-offences-190a-23")
    assert seed.reference == "190A/23"
    assert seed.authority_name == "West Midlands Police"
    assert seed.source_key == "id:wmp-officer-alleged-sexual-offences-190a-23"
    assert seed.overall_outcome == "partially_disclosed"
    assert seed.ncnd and seed.harm_test_present and seed.public_interest_test_present
    assert seed.provisions == ["s30(3)", "s31(3)", "s38(2)", "s40(5)"]
    assert seed.question_count == 4
    assert seed.extracted["record"]["per_question"][0]["outcome"] == "ncnd"
    assert seed.first_run == run and seed.run == run
    met = ImportedRecord.objects.get(source_id="met-01-foi-23-028716-facial-recognition-board")
    assert met.source_key.startswith("url:https://www.met.police.uk/")
    assert "imported: 190A/23 Officer alleged sexual offences" in out
    assert "Import run" in out and "31 imported" in out
    events = AuditEvent.objects.filter(subject_type="imports.importrun", subject_id=str(run.pk))
    assert [e.event_type for e in events] == ["import_run_started", "import_run_finished"]
    assert events[1].detail["imported"] == 31
    assert events[0].request is None


def test_importing_the_same_pages_again_changes_nothing():
    import_log(corpus())
    out, _, status = import_log(corpus())

    assert status == 0
    assert ImportedRecord.objects.count() == 31
    assert ImportRun.objects.order_by("-pk").first().unchanged == 31
    assert ": unchanged:" in out


def test_each_page_names_what_to_check_first_and_the_summary_counts_them():
    out, err, status = import_log(corpus())

    assert status == 0, err
    seed = ImportedRecord.objects.get(source_id="wmp-officer-alleged-sexual-offences-190a-23")
    assert seed.doubts == []
    anpr = ImportedRecord.objects.get(source_id="northumbria-anpr-cameras-322-15")
    assert "No answer was found to questions 3 and 4." in anpr.doubts
    assert "  check first: No answer was found to questions 3 and 4." in out
    unsure = ImportedRecord.objects.exclude(doubts=[]).count()
    assert 0 < unsure < 31
    assert f"0 failed; {unsure} to check first" in out
    again, _, _ = import_log(corpus())
    assert "31 unchanged, 0 failed; 0 to check first" in again
    assert "check first:" not in again  # nothing new to check


def test_records_read_before_doubts_were_given_get_them_on_the_next_import():
    import_log(corpus())
    ImportedRecord.objects.update(doubts=None)
    readings = dict(ImportedRecord.objects.values_list("pk", "extracted"))

    out, err, status = import_log(corpus())

    assert status == 0, err
    assert ImportRun.objects.order_by("-pk").first().unchanged == 31
    assert not ImportedRecord.objects.filter(doubts__isnull=True).exists()
    anpr = ImportedRecord.objects.get(source_id="northumbria-anpr-cameras-322-15")
    assert "No answer was found to questions 3 and 4." in anpr.doubts
    # The reading itself is untouched, so no checked record becomes "changed since checked".
    assert dict(ImportedRecord.objects.values_list("pk", "extracted")) == readings


def test_a_record_read_by_an_older_importer_gets_its_doubts_only_with_refresh():
    """Doubts are about the stored reading: when today's importer reads the page differently,
    its doubts are not put beside the older reading."""
    import_log(corpus())
    anpr = ImportedRecord.objects.get(source_id="northumbria-anpr-cameras-322-15")
    older = {**anpr.extracted, "notes": ["Read by an older importer."]}
    ImportedRecord.objects.filter(pk=anpr.pk).update(doubts=None, extracted=older)

    import_log(corpus())
    anpr.refresh_from_db()
    assert anpr.doubts is None and anpr.extracted == older

    import_log(corpus(), refresh=True)
    anpr.refresh_from_db()
    assert "No answer was found to questions 3 and 4." in anpr.doubts


def test_a_changed_page_updates_its_record(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_text(json.dumps({"id": "d1", "text": PAGE.format(ref="1053A/22")}) + "\n")
    import_log(log)
    record = ImportedRecord.objects.get()
    first_hash = record.content_hash

    log.write_text(json.dumps({"id": "d1", "text": PAGE.format(ref="1053B/22")}) + "\n")
    out, _, status = import_log(log)

    assert status == 0
    record.refresh_from_db()
    assert ImportedRecord.objects.count() == 1
    assert record.reference == "1053B/22" and record.content_hash != first_hash
    assert record.last_imported_at > record.first_imported_at
    assert record.run == ImportRun.objects.order_by("-pk").first() != record.first_run
    assert ": updated:" in out


def test_text_files_without_an_address_are_known_by_their_reference(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE.format(ref="77A/22"), encoding="utf-8")
    import_log(tmp_path)
    (tmp_path / "a.txt").write_text(PAGE.format(ref="77A/22") + "\nFurther note.", "utf-8")

    import_log(tmp_path)

    record = ImportedRecord.objects.get()
    assert record.source_key == "ref:77A/22"
    assert record.source_path.endswith("a.txt")


def test_json_prints_exactly_the_corpus_fields():
    out, err, status = import_log(corpus(), json=True)

    lines = out.splitlines()
    assert status == 0 and len(lines) == 31
    records = [json.loads(line) for line in lines]
    assert all(list(r) == ["id", *CORPUS_FIELDS] for r in records)
    assert records[0]["id"] == "wmp-officer-alleged-sexual-offences-190a-23"
    assert "31 imported" in err  # the summary keeps out of the JSON


def test_json_has_no_id_when_the_input_has_none(tmp_path):
    (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")

    out, _, _ = import_log(tmp_path, json=True, dry_run=True)

    [record] = [json.loads(line) for line in out.splitlines()]
    assert list(record) == list(CORPUS_FIELDS)
    assert record["reference"] == "190A/23"


def test_dry_run_stores_nothing():
    out, _, status = import_log(corpus(), dry_run=True)

    assert status == 0
    assert not ImportedRecord.objects.exists()
    assert not ImportRun.objects.exists()
    assert not AuditEvent.objects.exists()
    assert ": would be imported:" in out
    assert "Dry run (nothing stored): 31 read, 31 imported" in out


def test_check_prints_and_keeps_the_checker_findings(tmp_path):
    page = """Drones - 55/19
Date of request: 01/04/19
Date of response: 30/05/19
You asked:
1. How many drones do you have?
In response:
The information is exempt by virtue of Section 31(1)(a) Law Enforcement.
"""
    (tmp_path / "late.txt").write_text(page, encoding="utf-8")

    out, _, status = import_log(tmp_path, check=True)

    assert status == 0
    assert "check: 2 errors" in out
    assert "error response_late: The response was sent on" in out
    assert "error public_interest_test_missing [Q1]" in out
    assert "not checked: disclosure logs leave out the complaint-rights paragraph" in out
    record = ImportedRecord.objects.get()
    assert {f["code"] for f in record.findings} == {
        "response_late",
        "public_interest_test_missing",
    }
    assert ImportRun.objects.get().checked

    out, _, _ = import_log(tmp_path, check=True, json=True, dry_run=True)
    printed = json.loads(out)
    assert {f["code"] for f in printed["findings"]} == {
        "response_late",
        "public_interest_test_missing",
    }
    assert printed["check_notes"]


def test_bad_input_is_reported_page_by_page_and_the_rest_imported(tmp_path):
    (tmp_path / "good.txt").write_text(PAGE.format(ref="1A/22"), encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7 binary")
    (tmp_path / "nul.txt").write_bytes(b"Request\x00\x00")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "odd.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50)
    (tmp_path / "minutes.txt").write_text("Minutes of the meeting. Apologies from two members.")
    (tmp_path / "big.txt").write_text("Request\n" + "x" * 2_000_000, encoding="utf-8")
    (tmp_path / "log.jsonl").write_text(
        json.dumps({"id": "ok", "text": PAGE.format(ref="2A/22")}) + "\n{oops\n",
        encoding="utf-8",
    )
    old = tmp_path / "cp1252.txt"
    old.write_bytes(PAGE.format(ref="3A/22").replace("Drones", "Drones – café").encode("cp1252"))

    out, err, status = import_log(tmp_path, max_size=1)

    assert status == 1
    reasons = dict(line.split(": ", 1) for line in err.splitlines() if ": " in line)
    expected = {
        "scan.pdf": "binary file (PDF)",
        "nul.txt": "binary file",
        "empty.html": "empty page",
        "odd.txt": "unknown encoding (not UTF-8, Windows-1252 or Latin-1 text)",
        "minutes.txt": "no response found",
        "big.txt": "too large (1.9 MB; limit 1 MB)",
        "log.jsonl:2": "not JSON (Expecting property name enclosed in double quotes at column 2)",
    }
    for name, reason in expected.items():
        assert reasons[str(tmp_path / name)] == reason
    assert "7 pages could not be imported" in err
    assert ImportedRecord.objects.count() == 3
    run = ImportRun.objects.get()
    assert (run.imported, run.failed) == (3, 7)
    assert {f.reason for f in ImportFailure.objects.filter(run=run)} == set(expected.values())
    cafe = ImportedRecord.objects.get(reference="3A/22")
    assert "café" in cafe.full_text
    assert "Drones" in out
    # The guess is for staff to check: the letters may be wrong.
    guessed = "Reading the file: not valid utf-8: read as Windows-1252 (cp1252)."
    assert guessed in cafe.doubts
    assert f"  check first: {guessed}" in out
    assert not any(
        d.startswith("Reading the file")
        for d in ImportedRecord.objects.get(reference="1A/22").doubts
    )


def test_report_lines_show_control_characters_rather_than_act_on_them(tmp_path):
    """A title or name from the input could otherwise drive the terminal: ESC sequences that
    clear the screen or retitle the window, "\r" that writes over the line, a bidirectional
    override that shows what follows backwards."""
    title = "Drones\x1b]0;owned\x07\x1b[2J\rAll clear \u202eflipped\x9b"
    log = tmp_path / "log.jsonl"
    log.write_text(
        json.dumps({"id": "d1", "title": title, "text": PAGE.format(ref="8A/22")})
        + "\n"
        + json.dumps({"id": "d2\u202e", "text": "Minutes of the meeting."})
        + "\n",
        encoding="utf-8",
    )

    out, err, status = import_log(log, authority="West\u2028Midlands Police\x1b[8m")

    assert status == 1
    shown = out + err
    assert not any(c in shown for c in "\x1b\x07\r\x9b\u202e\u2028")
    assert (
        r"Drones\x1b]0;owned\x07\x1b[2J\rAll clear \u202eflipped\x9b "
        r"(West\u2028Midlands Police\x1b[8m; 2 questions" in out
    )
    assert rf"{log}:2 (d2\u202e): no response found" in err
    # What is stored, and --json, keep the text as it was: JSON escapes what it must.
    assert ImportedRecord.objects.get().title == title
    printed, _, _ = import_log(log, json=True, dry_run=True)
    assert json.loads(printed.splitlines()[0])["title"] == title


def test_a_file_given_more_than_once_is_imported_once_and_the_report_says_so(tmp_path):
    folder = tmp_path / "log"
    folder.mkdir()
    page = folder / "a.txt"
    page.write_text(PAGE.format(ref="4R/22"), encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(page)

    out, err, status = import_log(page, folder, tmp_path / "link.txt", folder)

    assert status == 0, err
    assert out.count(": imported:") == 1
    assert f"{page} was given more than once; read once" in out
    assert f"{tmp_path / 'link.txt'} was given more than once (as {page}); read once" in out
    assert f"{folder} was given more than once; read once" in out
    assert "1 read, 1 imported, 0 updated, 0 unchanged, 0 failed" in out
    run = ImportRun.objects.get()
    assert (run.pages_read, run.imported, run.failed) == (1, 1, 0)
    assert not ImportFailure.objects.exists()
    # With --json the notice keeps out of the JSON, as the summary does.
    printed, err, _ = import_log(page, page, json=True, dry_run=True)
    assert len(printed.splitlines()) == 1
    assert f"{page} was given more than once; read once" in err


def test_by_names_the_member_of_staff(make_staff, tmp_path):
    officer = make_staff("priya", Role.FOI_OFFICER)
    (tmp_path / "a.txt").write_text(PAGE.format(ref="9A/22"), encoding="utf-8")

    import_log(tmp_path, by="priya")

    assert ImportRun.objects.get().started_by == officer
    with pytest.raises(CommandError, match="no member of staff called 'nobody'"):
        call_command("import_log", str(tmp_path), by="nobody", stdout=io.StringIO())


def test_two_worker_processes_give_the_same_records():
    fields = ("source_key", "question_count", "provisions_text", "extracted", "doubts")
    import_log(corpus(), workers=1)
    in_one = sorted(ImportedRecord.objects.values_list(*fields))
    ImportedRecord.objects.all().delete()

    import_log(corpus(), workers=2)

    assert ImportedRecord.objects.count() == 31
    assert ImportRun.objects.order_by("-pk").first().imported == 31
    # Doubts that need the request's and response's text are worked out in the worker.
    assert sorted(ImportedRecord.objects.values_list(*fields)) == in_one


def test_foidesk_import_log_exit_status(tmp_path):
    """As a user runs it: the ``foidesk`` entry point, a database file of its own."""
    foidesk = str(Path(sys.executable).parent / "foidesk")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("FOIDESK_", "DJANGO_"))},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'foidesk.sqlite3'}",
        "FOIDESK_VAR_DIR": str(tmp_path),
        "FOIDESK_SECRET_KEY": "k" * 50,
    }
    good = tmp_path / "good.txt"
    good.write_text(PAGE.format(ref="5A/22"), encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 - our own entry point with fixed arguments
            [foidesk, *args], capture_output=True, text=True, env=env, timeout=300, check=False
        )

    assert run("migrate", "-v0").returncode == 0
    ok = run("import-log", str(good))
    failed = run("import-log", str(good), str(bad))

    assert ok.returncode == 0, ok.stderr
    assert "1 imported" in ok.stdout
    assert failed.returncode == 1
    assert f"{bad}: binary file (PDF)" in failed.stderr
    assert "1 unchanged" in failed.stdout


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"workers": 0}, "--workers must be between 1 and 32"),
        ({"workers": -1}, "--workers must be between 1 and 32"),
        ({"workers": 2000}, "--workers must be between 1 and 32"),
        ({"max_size": float("nan")}, "--max-size must be more than 0 and at most 1024"),
        ({"max_size": float("inf")}, "--max-size must be more than 0 and at most 1024"),
        ({"max_size": 0}, "--max-size must be more than 0 and at most 1024"),
        ({"max_size": 1e-7}, "--max-size must be at least 1 KB"),
    ],
)
def test_bad_options_are_refused_before_a_run_is_opened(tmp_path, options, message):
    (tmp_path / "a.txt").write_text(PAGE.format(ref="6A/22"), encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        call_command("import_log", str(tmp_path), stdout=io.StringIO(), **options)

    assert not ImportRun.objects.exists()
    assert not AuditEvent.objects.filter(event_type="import_run_started").exists()


def test_an_import_stopped_by_an_error_closes_its_run_and_says_why(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(PAGE.format(ref="7A/22"), encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4")

    def database_gone(**kwargs):
        raise OperationalError("disk I/O error")

    command = "foidesk.imports.management.commands.import_log"
    monkeypatch.setattr(f"{command}.import_pages_store", database_gone)

    with pytest.raises(OperationalError):
        call_command("import_log", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())

    run = ImportRun.objects.get()
    assert run.finished_at is not None
    assert (run.pages_read, run.imported, run.failed) == (2, 0, 2)
    assert sorted(ImportFailure.objects.values_list("source", "reason")) == [
        ("(the import)", "stopped early: OperationalError"),
        (str(tmp_path / "b.pdf"), "binary file (PDF)"),
    ]
    assert AuditEvent.objects.filter(event_type="import_run_finished").count() == 1


def test_a_run_keeps_its_counts_with_each_batch_it_stores(tmp_path, monkeypatch):
    """A run whose process ends without closing it (killed, the machine down) still counts
    exactly what it stored, and its failures so far; after a while it shows as stopped."""
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(PAGE.format(ref=f"{n}D/22"), encoding="utf-8")
    (tmp_path / "1b.pdf").write_bytes(b"%PDF-1.4")
    command = "foidesk.imports.management.commands.import_log"
    monkeypatch.setattr(f"{command}.BATCH", 1)
    real_store = import_pages_store
    stores = []

    def killed_at_the_third_store(**kwargs):
        stores.append(kwargs)
        if len(stores) == 3:
            raise KeyboardInterrupt  # stands for the process ending here
        return real_store(**kwargs)

    monkeypatch.setattr(f"{command}.import_pages_store", killed_at_the_third_store)
    monkeypatch.setattr(f"{command}.Command._close_run", lambda self: None)  # never closed

    with pytest.raises(KeyboardInterrupt):
        call_command("import_log", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())

    run = ImportRun.objects.get()
    assert run.finished_at is None
    assert ImportedRecord.objects.count() == 2
    # 0.txt, then 1.txt, then 1b.pdf with 2.txt (the batch that never committed).
    assert (run.pages_read, run.imported, run.failed) == (2, 2, 0)
    assert not ImportFailure.objects.exists()
    assert run.last_stored_at is not None
    assert run.state == "running"
    ImportRun.objects.filter(pk=run.pk).update(
        last_stored_at=timezone.now() - STOPPED_AFTER - timedelta(seconds=1)
    )
    run.refresh_from_db()
    assert run.state == "stopped"


def test_failures_are_kept_with_the_batch_after_them_and_once(tmp_path, monkeypatch):
    (tmp_path / "0.txt").write_text(PAGE.format(ref="0E/22"), encoding="utf-8")
    (tmp_path / "1.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "2.txt").write_text(PAGE.format(ref="2E/22"), encoding="utf-8")
    (tmp_path / "3.pdf").write_bytes(b"%PDF-1.4")
    monkeypatch.setattr("foidesk.imports.management.commands.import_log.BATCH", 1)

    with pytest.raises(CommandError):
        call_command("import_log", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())

    run = ImportRun.objects.get()
    assert run.state == "finished"
    assert (run.pages_read, run.imported, run.failed) == (4, 2, 2)
    # 1.pdf was stored with the batch of 2.txt; 3.pdf, read after the last batch, at the end.
    assert sorted(ImportFailure.objects.values_list("source", flat=True)) == [
        str(tmp_path / "1.pdf"),
        str(tmp_path / "3.pdf"),
    ]


def test_a_slow_source_is_stored_as_it_comes(tmp_path, monkeypatch):
    """Pages that come slowly are stored every STORE_EVERY seconds, not only when a batch is
    full, so that the run does not look stopped while it is going."""
    for n in range(2):
        (tmp_path / f"{n}.txt").write_text(PAGE.format(ref=f"{n}F/22"), encoding="utf-8")
    monkeypatch.setattr("foidesk.imports.management.commands.import_log.STORE_EVERY", 0)

    call_command("import_log", str(tmp_path), stdout=io.StringIO())

    assert ImportRun.objects.get().imported == 2
    assert ImportedRecord.objects.count() == 2
    assert AuditEvent.objects.filter(event_type="import_run_finished").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_new_pages_at_once_make_one_record_each():
    """The second import waits for the first's batch and finds its pages stored, rather than
    failing on the one-record-per-source constraint (PostgreSQL; SQLite takes its write lock
    when a transaction begins, see ``settings.base``)."""
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL lets two transactions write the records table at once")
    pages = [
        prepare(Page(source=f"p{n}", path="", text=PAGE.format(ref=f"{n}B/22"), id=f"p{n}"))
        for n in range(3)
    ]
    first_run = import_run_start(actor=None, sources=["first"])
    second_run = import_run_start(actor=None, sources=["second"])
    stored, go = threading.Event(), threading.Event()
    results: dict[str, object] = {}

    def first() -> None:
        try:
            with transaction.atomic():
                results["first"] = import_pages_store(run=first_run, pages=pages)
                stored.set()
                go.wait(30)  # keep the batch uncommitted while the second import starts
        finally:
            connection.close()

    def second() -> None:
        try:
            results["second"] = import_pages_store(run=second_run, pages=pages)
        except Exception as exc:  # noqa: BLE001 - the failure is what the test looks for
            results["second"] = exc
        finally:
            connection.close()

    one = threading.Thread(target=first)
    one.start()
    assert stored.wait(30)
    two = threading.Thread(target=second)
    two.start()
    time.sleep(0.5)  # the second import is now at the records table
    go.set()
    one.join(60)
    two.join(60)

    assert results == {"first": ["imported"] * 3, "second": ["unchanged"] * 3}
    assert ImportedRecord.objects.count() == 3


def test_pages_are_read_only_a_little_ahead_of_the_worker_processes():
    """A pool of worker processes takes its input as fast as it can be read: the pages read
    but not yet extracted are kept to a chunk for each worker and one more, so that a large log
    is never held in memory whole while the first pages are extracted."""
    read = []

    def pages():
        for n in range(3000):
            read.append(n)
            yield Unreadable(str(n), "not a page")

    prepared = prepare_all(pages(), workers=2)
    next(prepared)
    time.sleep(1)

    assert len(read) <= 3 * pipeline.CHUNK + 2
    assert len(list(prepared)) == 2999
    # Stopping early (an error, Ctrl-C) still ends the pool rather than waiting for ever,
    # even when nothing closes the pages being prepared before the program ends.
    stopped = prepare_all(pages(), workers=2)
    next(stopped)
    started = time.monotonic()
    stopped.close()
    assert time.monotonic() - started < 10
    script = (
        "from foidesk.imports.pipeline import prepare_all\n"
        "from foidesk.intake.pages import Unreadable\n"
        "pages = prepare_all((Unreadable(str(n), 'x') for n in range(10**6)), workers=2)\n"
        "next(pages)\n"
        "raise SystemExit(3)\n"
    )
    ended = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", script], capture_output=True, timeout=60, check=False
    )
    assert ended.returncode == 3


def test_a_batch_of_large_pages_is_stored_before_it_fills(tmp_path, monkeypatch):
    """A batch is stored once its pages' text comes to BATCH_TEXT characters, so that 500
    pages near the size limit are never waiting in memory at once; what waits is only what is
    stored (not the request and response texts the reading needed)."""
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(PAGE.format(ref=f"{n}G/22"), encoding="utf-8")
    command = "foidesk.imports.management.commands.import_log"
    monkeypatch.setattr(f"{command}.BATCH_TEXT", len(PAGE))
    stored = []

    def store(**kwargs):
        stored.append([p.extraction.request_text for p in kwargs["pages"]])
        return import_pages_store(**kwargs)

    monkeypatch.setattr(f"{command}.import_pages_store", store)

    call_command("import_log", str(tmp_path), workers=1, stdout=io.StringIO())

    assert stored == [[""], [""], [""]]
    assert ImportedRecord.objects.count() == 3
