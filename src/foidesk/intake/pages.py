"""Read published response pages from disk for the disclosure-log importer (capability 10).

``read_pages(paths)`` walks files and folders and yields one ``Page`` per published response, or
one ``Unreadable`` saying why a file (or a line of a JSON Lines file) could not be read. Nothing
stops at the first bad input: the importer reports each failure and carries on.

Input forms:

- HTML pages (``.html``, ``.htm``, ``.xhtml``, or any file that starts like HTML): the text is
  taken with ``foidesk.intake.emails.html_to_text`` (list numbering kept, so the question
  splitter still sees "1.", "2."); the title from ``<h1>`` or ``<title>``; the address from
  ``<link rel="canonical">`` or ``og:url``;
- plain text (anything else that decodes), such as the seed response;
- JSON Lines (``.jsonl``, ``.ndjson``): one object a line with ``text`` and optionally ``id``,
  ``url``, ``title`` and ``text_complete`` (the corpus format); a bad line fails alone;
- folders: every file inside, recursively, in name order; hidden files are left out.

Reasons for refusing a page, worded for the person running the import: ``binary file``,
``empty page``, ``too large (N MB; limit 5 MB)`` and ``unknown encoding``. Text that is not
UTF-8 is read as UTF-8 with a byte-order mark, then Windows-1252, then Latin-1, and the page
carries a note saying which was used (never silently). Only the standard library is used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from foidesk.intake.emails import html_to_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Page",
    "Unreadable",
    "decode_bytes",
    "page_from_html",
    "read_pages",
]

#: Pages (or JSON Lines files' single lines) larger than this are refused: a real response page
#: is a few tens of kilobytes, so anything this big is a dump or the wrong file.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# Magic numbers of files people drop into an export folder by mistake.
_BINARY_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "zip or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office 97-2003 document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# Control characters that text never contains (tab, line ends and form feed are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Page:
    """One published response page as text, with what its source says about it.

    ``source`` names where it came from for people ("logs/2023.jsonl:14", "pages/190A.html");
    ``path`` is the file. ``complete`` is ``False`` when the source says the text was cut short
    (the corpus's ``text_complete``), ``None`` when it does not say. ``notes`` record how the
    file was read (a fallback character set, for instance).
    """

    source: str
    path: str
    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    complete: bool | None = None
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file or line that could not be read as a page, and why (``reason``, for people)."""

    source: str
    reason: str


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _too_large(size: int, limit: int) -> str:
    return f"too large ({_megabytes(size)} MB; limit {_megabytes(limit)} MB)"


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode a page's bytes; return the text and notes. Raises ``ValueError`` with the reason.

    Order: a byte-order mark; the character set the HTML declares; UTF-8; Windows-1252; Latin-1.
    NUL bytes (outside UTF-16) or a known binary signature mean ``binary file``; text that only
    Latin-1 can read and that is then full of control characters means ``unknown encoding``.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), ()
            except UnicodeDecodeError as exc:
                raise ValueError(f"unknown encoding (starts like {codec} but is not)") from exc
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise ValueError(f"binary file ({kind})")
    if b"\x00" in data[:65536]:
        raise ValueError("binary file")
    tried: list[str] = []
    if declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            tried.append(declared)
        else:
            return text, ()
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        tried.append("utf-8")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        tried.append("cp1252")
    else:
        return text, (f"not valid {' or '.join(tried)}: read as Windows-1252 (cp1252)",)
    text = data.decode("latin-1")
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 200):
        raise ValueError("unknown encoding (not UTF-8, Windows-1252 or Latin-1 text)")
    return text, (f"not valid {', '.join(tried)}: read as Latin-1 (ISO-8859-1)",)


# --- HTML ------------------------------------------------------------------------------------

_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_CANONICAL = re.compile(
    r"<link\b(?=[^>]*\brel\s*=\s*[\"']?canonical)[^>]*\bhref\s*=\s*[\"']([^\"'>\s]+)", re.I
)
_OG_URL = re.compile(
    r"<meta\b(?=[^>]*\bproperty\s*=\s*[\"']og:url)[^>]*\bcontent\s*=\s*[\"']([^\"'>\s]+)", re.I
)


def _inline_text(fragment: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", fragment)).split())


def page_from_html(html: str, *, source: str, path: str = "", **meta) -> Page:
    """A ``Page`` from an HTML document: its text, title and canonical address."""
    title = meta.pop("title", None)
    if not title:
        h1 = _H1.search(html)
        t = _TITLE.search(html)
        title = _inline_text(h1.group(1)) if h1 else (_inline_text(t.group(1)) if t else None)
    url = meta.pop("url", None)
    if not url:
        m = _CANONICAL.search(html) or _OG_URL.search(html)
        url = unescape(m.group(1)) if m else None
    return Page(
        source=source, path=path, text=html_to_text(html), title=title or None, url=url, **meta
    )


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        head.startswith("<")
        and bool(re.search(r"</(?:p|div|h1|h2|li|td|body)>", text[:65536], re.I))
    )


# --- Files -----------------------------------------------------------------------------------


def _files(paths: Iterable[str | Path]) -> Iterator[Path | Unreadable]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or not child.is_file():
                    continue
                found = True
                yield child
            if not found:
                yield Unreadable(str(path), "empty folder (no files to read)")
        elif path.is_file():
            yield path
        elif path.exists():
            yield Unreadable(str(path), "not a regular file")
        else:
            yield Unreadable(str(path), "no such file or folder")


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Page | Unreadable]:
    """One page per line; each bad line fails alone with its line number."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            source = f"{path}:{number}"
            if len(raw) > max_bytes:
                yield Unreadable(source, _too_large(len(raw), max_bytes))
                continue
            if not raw.strip():
                continue
            try:
                line, notes = decode_bytes(raw)
            except ValueError as exc:
                yield Unreadable(source, str(exc))
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Unreadable(source, f"not JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield Unreadable(source, "not a JSON object")
                continue
            page_id = obj.get("id")
            if page_id is not None:
                page_id = str(page_id)
                source = f"{path}:{number} ({page_id})"
            text = obj.get("text")
            if not isinstance(text, str):
                yield Unreadable(source, 'no "text" field (a string) in the object')
                continue
            meta = {
                "id": page_id,
                "url": obj.get("url") if isinstance(obj.get("url"), str) else None,
                "title": obj.get("title") if isinstance(obj.get("title"), str) else None,
                "complete": obj.get("text_complete")
                if isinstance(obj.get("text_complete"), bool)
                else None,
                "notes": notes,
            }
            if _looks_like_html(text):
                yield page_from_html(text, source=source, path=str(path), **meta)
            else:
                yield Page(source=source, path=str(path), text=text, **meta)


def _read_file(path: Path, max_bytes: int) -> Iterator[Page | Unreadable]:
    source = str(path)
    if path.suffix.lower() in _JSONL_SUFFIXES:
        yield from _read_jsonl(path, max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes:
        yield Unreadable(source, _too_large(size, max_bytes))
        return
    data = path.read_bytes()
    if not data.strip():
        yield Unreadable(source, "empty page")
        return
    is_html = path.suffix.lower() in _HTML_SUFFIXES or bool(_HTML_START.match(data[:4096]))
    declared = None
    if is_html:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", "replace") if m else None
    try:
        text, notes = decode_bytes(data, declared=declared)
    except ValueError as exc:
        yield Unreadable(source, str(exc))
        return
    if is_html:
        yield page_from_html(text, source=source, path=source, notes=notes)
    else:
        yield Page(source=source, path=source, text=text, notes=notes)


def read_pages(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Page | Unreadable]:
    """Every page in ``paths`` (files, folders, JSON Lines), or why it could not be read.

    A page whose text is blank after reading is ``Unreadable(..., "empty page")``; whether a
    readable page holds a response at all is for the extractor to say.
    """
    for item in _files(paths):
        if isinstance(item, Unreadable):
            yield item
            continue
        try:
            for page in _read_file(item, max_bytes):
                if isinstance(page, Page) and not page.text.strip():
                    yield Unreadable(page.source, "empty page")
                else:
                    yield page
        except OSError as exc:
            yield Unreadable(str(item), f"cannot be read ({exc.strerror or exc})")
