"""``foidesk import-log PATH...``: import published response pages as structured records.

Reads HTML pages, plain-text pages, folders of them and JSON Lines files (objects with ``text``
and optionally ``id``, ``url``, ``title``), extracts each page (``foidesk.intake.extraction``)
and stores it as an ``ImportedRecord`` linked to its source and authority; importing the same
page again updates its record. Every page that cannot be imported is reported on standard
error as ``source: reason`` and kept with the run; the others are imported and the command
exits with status 1. A file given more than once (twice, inside a folder also given, through a
link) is read once, and the report says so.

Options:

- ``--json``: print one JSON object per page with exactly the fields of
  ``shared/corpus/README.md``, plus ``id`` when the input has one (with ``--check``, also
  ``findings`` and ``check_notes``). The summary then goes to standard error.
- ``--dry-run``: read, extract and report, store nothing (not even the run).
- ``--check``: run the response checker over each extracted page and print its findings, so
  an authority can audit its own published log; what the page does not show is named, not
  invented (``foidesk.imports.checking``).
- ``--authority NAME``: the publishing authority, when the pages do not say.
- ``--by USERNAME``: the member of staff running the import, for the history and audit trail.
- ``--refresh``: re-read pages whose text has not changed (after an extractor update).
- ``--workers N``: extract in N processes, 1 to 32 (default: one per processor, up to 4; a
  2-core machine imports about 1.7 times as fast as with one).
- ``--max-size MB``: refuse larger pages (default 5, at most 1,024).

The run keeps its counts, and the failures read so far, with each batch of pages it stores
(every 500 pages, sooner for large pages, and at least every minute), so the import history
shows a run that is going and what it has stored, and a run whose process was killed before it
could close the run shows as stopped, with what it stored (``ImportRun.state``). Importing the
same pages again finishes the job: the stored ones are unchanged.

Each new or changed page's report names what about its reading to check first
(``foidesk.intake.doubts``), and the summary counts the run's records to check first (those
with doubts that staff have not checked), as the run's page does.

Page text is never logged. Titles, names and reasons in the report come from the input, so
what a terminal would act on rather than show (ESC, "\\r", bidirectional overrides) is written
as its escape ("\\x1b"); ``--json`` is JSON, which escapes what it must itself.
"""

from __future__ import annotations

import json
import os
import sys
import time
import unicodedata
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from foidesk.accounts.models import User
from foidesk.imports.pipeline import prepare_all
from foidesk.imports.selectors import stored_hashes, to_check_first
from foidesk.imports.services import (
    PageToStore,
    Status,
    import_failures_record,
    import_pages_store,
    import_run_finish,
    import_run_start,
)
from foidesk.intake.pages import DEFAULT_MAX_BYTES, Repeated, Unreadable, read_pages

BATCH = 500
#: A batch is stored sooner when its pages' text comes to this many characters: 500 pages
#: near the size limit would otherwise be held in memory at once.
BATCH_TEXT = 64 * 1024 * 1024
#: Seconds between stores at most; well inside ``imports.models.STOPPED_AFTER``.
STORE_EVERY = 60
#: Extraction is CPU-bound plain Python: one process per processor (up to 4) while the main
#: process writes to the database.
DEFAULT_WORKERS = max(1, min(os.cpu_count() or 1, 4))
#: More processes than this only queue for the processors and the database.
MAX_WORKERS = 32
#: No published page comes near this; a larger limit would only let a wrong file fill memory.
MAX_SIZE_MB = 1024
_OUTCOME_WORDS = {
    "cost_limit_s12": "cost limit (s12)",
    "vexatious_s14": "vexatious (s14)",
    "reasonably_accessible_s21": "reasonably accessible (s21)",
    "future_publication_s22": "future publication (s22)",
    "ncnd": "NCND",
}


#: Characters a terminal acts on rather than shows: control characters (ESC begins the
#: sequences that move the cursor, recolour the screen or retitle the window; "\r" and "\b"
#: write over what was shown), line and paragraph separators, format characters such as the
#: bidirectional overrides that reorder what is shown (CVE-2021-42574), and lone surrogates,
#: which cannot be written at all.
_UNSHOWN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def _printable(line: str) -> str:
    """``line`` as a terminal shows it: page titles, file names and reasons come from the
    input, and what ``_UNSHOWN`` names is written as its escape ("\\x1b", "\\r", "\\u202e")."""
    if line.isascii() and line.isprintable():
        return line
    return "".join(
        c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in _UNSHOWN else c
        for c in line
    )


@dataclass
class _Counts:
    read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    to_check_first: int = 0  # new or changed pages with doubts (a dry run's estimate)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, status: str) -> None:
        if status == Status.IMPORTED:
            self.imported += 1
        elif status == Status.UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1


class Command(BaseCommand):
    help = (
        "Import published FOI response pages (HTML, text, folders, JSON Lines) as structured "
        "records; --json prints the extracted fields, --check runs the response checker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument("--json", action="store_true", help="one JSON object per page")
        parser.add_argument("--dry-run", action="store_true", help="store nothing")
        parser.add_argument("--check", action="store_true", help="run the response checker")
        parser.add_argument("--authority", help="the publishing authority, if pages do not say")
        parser.add_argument("--by", metavar="USERNAME", help="who is running the import")
        parser.add_argument(
            "--refresh", action="store_true", help="re-read pages whose text has not changed"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=DEFAULT_WORKERS,
            metavar="N",
            help="extract pages in N processes; the database is written by one "
            f"(default {DEFAULT_WORKERS}: the processors, up to 4)",
        )
        parser.add_argument(
            "--max-size",
            type=float,
            default=DEFAULT_MAX_BYTES / (1024 * 1024),
            metavar="MB",
            help="refuse pages larger than this (default 5 MB)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.as_json = options["json"]
        self.check = options["check"]
        self.dry_run = options["dry_run"]
        self.refresh = options["refresh"]
        self.authority = options["authority"]
        actor = None
        if options["by"]:
            actor = User.objects.filter(username=options["by"]).first()
            if actor is None:
                raise CommandError(f"--by: there is no member of staff called {options['by']!r}")
        # Every option is checked before the run is opened: a refused command leaves no run.
        if not (0 < options["max_size"] <= MAX_SIZE_MB):  # also refuses nan
            raise CommandError(f"--max-size must be more than 0 and at most {MAX_SIZE_MB} (MB)")
        if not (1 <= options["workers"] <= MAX_WORKERS):
            raise CommandError(f"--workers must be between 1 and {MAX_WORKERS}")
        max_bytes = int(options["max_size"] * 1024 * 1024)
        if max_bytes < 1024:
            raise CommandError("--max-size must be at least 1 KB (0.001 MB)")
        self.counts = _Counts()
        self.failures_stored = 0  # failures kept with the batches stored so far
        self.stored_at = time.monotonic()
        self.run = (
            None
            if self.dry_run
            else import_run_start(actor=actor, sources=options["paths"], checked=self.check)
        )
        try:
            self._import(options["paths"], max_bytes=max_bytes, workers=options["workers"])
        except BaseException as exc:
            # Whatever stopped the import (an error, Ctrl-C), the run is closed with what was
            # stored, and says why it stopped, rather than looking as if it were still running.
            # (SIGTERM is left to end the process: a Python handler for it is inherited by the
            # extraction pool's workers, and a worker forked as the pool ends can lose the
            # signal and never exit.)
            self._fail("(the import)", f"stopped early: {type(exc).__name__}")
            try:
                self._close_run()
            except Exception as closing:  # noqa: BLE001 - the database may be what failed
                self._err(f"The run could not be closed either ({type(closing).__name__})")
            raise
        self._finish()

    def _import(self, paths: list[str], *, max_bytes: int, workers: int) -> None:
        prepared_pages = prepare_all(
            read_pages(paths, max_bytes=max_bytes),
            authority=self.authority,
            check=self.check,
            workers=workers,
        )
        # Closed as soon as anything stops the import, so that the worker processes end then.
        with closing(prepared_pages):
            self._import_each(prepared_pages)

    def _import_each(self, prepared_pages: Iterator[PageToStore | Unreadable | Repeated]) -> None:
        batch: list[PageToStore] = []
        batch_text = 0
        for prepared in prepared_pages:
            if isinstance(prepared, Repeated):
                # Read once: neither a page read nor a failure, but the person should know.
                (self._err if self.as_json else self._out)(prepared.message)
                continue
            self.counts.read += 1
            if isinstance(prepared, Unreadable):
                self._fail(prepared.source, prepared.reason)
            else:
                if self.as_json:
                    self._print_json(prepared)
                batch.append(prepared)
                batch_text += len(prepared.text)
            # A batch is stored when full, and at least every STORE_EVERY seconds while pages
            # come slowly, so that the run's page shows it going (``ImportRun.state``).
            if (
                len(batch) >= BATCH
                or batch_text >= BATCH_TEXT
                or time.monotonic() - self.stored_at >= STORE_EVERY
            ):
                self._store(batch)
                batch = []
                batch_text = 0
        if batch:
            self._store(batch)

    # --- output ---------------------------------------------------------------------------

    def _out(self, line: str) -> None:
        """Write a line for people to standard output, ``_printable``."""
        self._write(_printable(line))

    def _err(self, line: str) -> None:
        """Write a line for people to standard error, ``_printable``."""
        self.stderr.write(_printable(line))

    def _write(self, line: str) -> None:
        """Write to standard output; if the reader has gone (``| head``), keep importing."""
        if getattr(self, "stdout_closed", False):
            return
        try:
            self.stdout.write(line)
            self.stdout.flush()
        except BrokenPipeError:
            self.stdout_closed = True
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())

    # --- one page -------------------------------------------------------------------------

    def _fail(self, source: str, reason: str) -> None:
        self.counts.failures.append((source, reason))
        self._err(f"{source}: {reason}")

    def _print_json(self, page: PageToStore) -> None:
        out = page.extraction.corpus_record(page_id=page.page_id)
        if self.check:
            out["findings"] = page.findings
            out["check_notes"] = list(page.check_notes)
        self._write(json.dumps(out, ensure_ascii=False))  # JSON escapes what it must itself

    # --- a batch --------------------------------------------------------------------------

    def _store(self, batch: list[PageToStore]) -> None:
        self.stored_at = time.monotonic()
        if self.run is None:
            statuses = self._would_be(batch)
        else:
            failures = self.counts.failures[self.failures_stored :]
            statuses = import_pages_store(
                run=self.run, pages=batch, refresh=self.refresh, failures=failures
            )
            self.failures_stored += len(failures)
        for page, status in zip(batch, statuses, strict=True):
            self.counts.add(status)
            self.counts.to_check_first += bool(page.doubts) and status != Status.UNCHANGED
            if not self.as_json:
                self._report(page, status)

    def _would_be(self, batch: list[PageToStore]) -> list[str]:
        """What storing would do (for --dry-run), from the stored text hashes."""
        known = stored_hashes((p.authority[:200], p.source_key) for p in batch)
        out = []
        for p in batch:
            key = (p.authority[:200], p.source_key)
            if key not in known:
                out.append(Status.IMPORTED)
                known[key] = p.content_hash
            elif known[key] == p.content_hash and not self.refresh:
                out.append(Status.UNCHANGED)
            else:
                out.append(Status.UPDATED)
                known[key] = p.content_hash
        return out

    def _report(self, page: PageToStore, status: str) -> None:
        e = page.extraction
        verb = f"would be {status}" if self.dry_run and status != Status.UNCHANGED else status
        outcome = e.overall_outcome or "outcome not visible"
        outcome = _OUTCOME_WORDS.get(outcome, outcome.replace("_", " "))
        cited = " ".join(e.exemptions_cited) or "no provisions"
        n = len(e.questions)
        self._out(
            f"{page.source}: {verb}: {e.reference or 'no reference'} {e.title} "
            f"({page.authority}; {n} question{'s' if n != 1 else ''}; {outcome}; {cited})"
        )
        if status != Status.UNCHANGED:  # as the summary counts them: new or changed pages
            for doubt in page.doubts:
                self._out(f"  check first: {doubt}")
        if page.findings is not None:
            errors = sum(1 for f in page.findings if f["severity"] == "error")
            warnings = len(page.findings) - errors
            self._out(
                f"  check: {errors} error{'s' if errors != 1 else ''}, "
                f"{warnings} warning{'s' if warnings != 1 else ''}"
            )
            for f in page.findings:
                where = f" [Q{','.join(map(str, f['questions']))}]" if f["questions"] else ""
                self._out(f"    {f['severity']} {f['code']}{where}: {f['message']}")
            for note in page.check_notes:
                self._out(f"    not checked: {note}")

    # --- the end --------------------------------------------------------------------------

    def _close_run(self) -> None:
        c = self.counts
        if self.run is None:
            return
        remaining = c.failures[self.failures_stored :]  # read since the last batch was stored
        if remaining:
            import_failures_record(run=self.run, failures=remaining)
        import_run_finish(
            run=self.run,
            pages_read=c.read,
            imported=c.imported,
            updated=c.updated,
            unchanged=c.unchanged,
            failed=len(c.failures),
        )

    def _finish(self) -> None:
        c = self.counts
        failed = len(c.failures)
        self._close_run()
        prefix = "Dry run (nothing stored): " if self.dry_run else f"Import run {self.run.pk}: "
        # As the run's page counts them: stored, with doubts, not checked by staff.
        to_check = c.to_check_first if self.run is None else to_check_first(self.run)
        summary = (
            f"{prefix}{c.read} read, {c.imported} imported, {c.updated} updated, "
            f"{c.unchanged} unchanged, {failed} failed; "
            f"{to_check} to check first (the importer is unsure of its reading)"
        )
        if self.as_json:
            self._err(summary)
        else:
            self._out(summary)
        if failed:
            raise CommandError(
                f"{failed} page{'s' if failed != 1 else ''} could not be imported "
                "(listed above with the reason)",
                returncode=1,
            )


if __name__ == "__main__":  # pragma: no cover
    sys.exit("Run this as: foidesk import-log PATH...")
