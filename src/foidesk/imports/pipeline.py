"""From a page read off disk to a page ready to store: extraction, checking, the source key.

Plain Python with no database access, so that ``foidesk import-log --workers N`` can run it
in worker processes while the main process writes to the database.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing import get_context
from typing import Any

from foidesk.intake.doubts import reading_doubts
from foidesk.intake.extraction import Extraction, NoResponse, Reasoning, extract
from foidesk.intake.pages import Page, Repeated, Unreadable

from .checking import check_extraction

__all__ = ["PageToStore", "prepare", "prepare_all", "source_key_for"]

UNKNOWN_AUTHORITY = "Unknown authority"
_KEY_LIMIT = 500
#: Pages sent to the worker processes at a time.
CHUNK = 32


@dataclass(frozen=True, slots=True)
class PageToStore:
    """One extracted page on its way to the database."""

    source: str
    path: str
    url: str | None
    page_id: str | None
    authority: str
    source_key: str
    content_hash: str
    text: str
    extraction: Extraction
    findings: list[dict[str, Any]] | None = None
    check_notes: tuple[str, ...] = ()
    title: str | None = None  # the page's own title, as its source gave it
    doubts: tuple[str, ...] = ()  # what about the reading to check first (intake.doubts)


def source_key_for(
    *, url: str | None, page_id: str | None, reference: str | None, content_hash: str
) -> str:
    """What makes a page the same page next time: its address, else the id it came with, else
    the authority's reference, else a hash of its text."""
    if url:
        key = f"url:{url.strip().split('#', 1)[0]}"
    elif page_id:
        key = f"id:{page_id.strip()}"
    elif reference:
        key = f"ref:{reference.strip()}"
    else:
        key = f"sha256:{content_hash}"
    if len(key) > _KEY_LIMIT:
        key = f"{key.split(':', 1)[0]}-sha256:{hashlib.sha256(key.encode()).hexdigest()}"
    return key


@dataclass(frozen=True, slots=True)
class _Options:
    authority: str | None
    check: bool


def prepare(page: Page, *, authority: str | None = None, check: bool = False):
    """A ``PageToStore``, or ``Unreadable`` with the reason the page cannot be imported."""
    try:
        e = extract(
            page.text, title=page.title, url=page.url, authority=authority, complete=page.complete
        )
    except NoResponse as exc:
        return Unreadable(page.source, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the import
        return Unreadable(page.source, f"could not be read ({type(exc).__name__})")
    digest = e.text_hash
    findings = None
    notes: tuple[str, ...] = ()
    if check:
        result = check_extraction(e)
        findings, notes = result.findings, tuple(result.notes)
    return PageToStore(
        source=page.source,
        path=page.path,
        url=page.url,
        page_id=page.id,
        authority=e.authority or UNKNOWN_AUTHORITY,
        source_key=source_key_for(
            url=page.url, page_id=page.id, reference=e.reference, content_hash=digest
        ),
        content_hash=digest,
        text=page.text,
        extraction=e,
        findings=findings,
        check_notes=notes,
        title=page.title,
        # How the file was read ("not valid utf-8: read as Windows-1252 (cp1252)", '"title" is
        # not text: left out') is worth checking too: a guessed character set garbles letters.
        doubts=(*reading_doubts(e), *(f"Reading the file: {note}." for note in page.notes)),
    )


def _prepare_item(args: tuple[Page | Unreadable | Repeated, _Options]):
    item, options = args
    if not isinstance(item, Page):  # why a file was not read, or that it was read already
        return item
    return prepare(item, authority=options.authority, check=options.check)


def _prepare_slim(args: tuple[Page | Unreadable | Repeated, _Options]):
    """``_prepare_item``, keeping only what is stored (the request and response texts and the
    reasoning were needed only to extract, check and doubt): a batch of pages waiting to be
    stored, or sent back from a worker process, holds each page's text once."""
    prepared = _prepare_item(args)
    if isinstance(prepared, PageToStore):
        slim = replace(
            prepared.extraction, request_text="", response_text="", reasoning=Reasoning()
        )
        prepared = replace(prepared, extraction=slim)
    return prepared


def prepare_all(
    items: Iterable[Page | Unreadable | Repeated],
    *,
    authority: str | None = None,
    check: bool = False,
    workers: int = 1,
) -> Iterator[PageToStore | Unreadable | Repeated]:
    """``prepare`` every page, in order; with ``workers`` > 1 in that many processes. What is
    not a page (``Unreadable``, ``Repeated``) comes through as it is, in its place."""
    options = _Options(authority, check)
    jobs = ((item, options) for item in items)
    if workers <= 1:
        yield from map(_prepare_slim, jobs)
        return
    # Pages read but not yet extracted are at most a chunk for each worker process and one
    # more: a pool reads its input as fast as it can, so a log of thousands of large pages would
    # otherwise be held in memory whole while the workers extract the first few.
    window = _Window((workers + 1) * CHUNK)
    with get_context("fork").Pool(workers) as pool:
        try:
            for prepared in pool.imap(_prepare_slim, window.feed(jobs), chunksize=CHUNK):
                window.done()
                yield prepared
        finally:
            window.close()  # before the pool ends: its feeding thread must not wait for ever


class _Window:
    """Lets at most ``size`` items through ``feed`` that ``done`` has not yet counted back."""

    def __init__(self, size: int) -> None:
        self._free = threading.Semaphore(size)
        self._closed = threading.Event()

    def feed(self, items: Iterable) -> Iterator:
        """``items``, each once there is room; none once closed or once the program is ending
        (the pool is then ended, and waits for its feeding thread, which runs this)."""
        main = threading.main_thread()
        for item in items:
            while not self._free.acquire(timeout=0.1):
                if self._closed.is_set() or not main.is_alive():
                    return
            yield item

    def done(self) -> None:
        self._free.release()

    def close(self) -> None:
        self._closed.set()
