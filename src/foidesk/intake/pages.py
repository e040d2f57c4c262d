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

Each file is read once however often it is named (twice, inside a folder also named, through a
link): after the first, a ``Repeated`` says it was given again.

Reasons for refusing a page, worded for the person running the import: ``binary file``,
``empty page``, ``too large (N MB; limit 5 MB)``, ``unknown encoding``, text the database cannot
keep (NUL characters; unpaired UTF-16 surrogates, which a JSON escape can write), a file name
that is not UTF-8, and, for JSON Lines, a line that is not a JSON object, an ``id`` that is not
text or a whole number, is longer than 200 characters or comes twice in one file. Inside a
folder, what cannot be read is named too: a sub-folder without permission, a broken link, a
link to a folder (not followed), a device or pipe. Text that is not UTF-8 is read as UTF-8 with
a byte-order mark, then Windows-1252, then Latin-1, and the page carries a note saying which
was used (never silently); a file with a zero byte in every other place is read as UTF-16
without a byte-order mark, with a note saying which byte order. JSON Lines are UTF-8
(https://jsonlines.org/); a UTF-16 file is refused whole, with that reason. Only the standard
library is used.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from foidesk.intake.emails import charset_codec, html_to_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_ID_LENGTH",
    "Page",
    "Repeated",
    "Unreadable",
    "decode_bytes",
    "page_from_html",
    "read_pages",
    "shown",
]

#: Pages (or JSON Lines files' single lines) larger than this are refused: a real response page
#: is a few tens of kilobytes, so anything this big is a dump or the wrong file.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# (One comment, which may run over several: "<!--" ... "-->" followed by the tag is the same
# test as a run of comments, where a repeated "<!-- ... -->" took time doubling with each of a
# few dozen "<!---->".)
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)?<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
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
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: The longest ``id`` a JSON Lines page may carry (the record keeps it whole).
MAX_ID_LENGTH = 200
# What a database text column cannot hold: NUL (PostgreSQL refuses it) and unpaired surrogates
# (not encodable as UTF-8), which JSON's "\ud800" escapes can produce.
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


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


@dataclass(frozen=True, slots=True)
class Repeated:
    """A file or folder named again in the same import: twice on the command line, inside a
    folder also named, through a link or another spelling of its path. It is read only where it
    came first (``first``, as that was named; ``within`` when it was inside that folder), so
    that one run neither imports nor counts a page twice. Not a failure: a notice."""

    source: str
    first: str
    within: bool = False

    @property
    def message(self) -> str:
        """The report's line, for people."""
        if self.within:
            return f"{self.source} was given more than once (in {self.first}); read once"
        if self.source == self.first:
            return f"{self.source} was given more than once; read once"
        return f"{self.source} was given more than once (as {self.first}); read once"


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _too_large(size: int, limit: int) -> str:
    return f"too large ({_megabytes(size)} MB; limit {_megabytes(limit)} MB)"


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` looks like UTF-16 text saved without a
    byte-order mark (as some Windows programs export it), else ``None``.

    Text that is mostly ASCII, as an English or Welsh page is, has a zero byte in every other
    place in UTF-16 (the high byte of each character: before it in big-endian, after it in
    little-endian) and almost none in the others. Binary files have zero bytes anywhere.
    """
    if len(data) % 2:
        return None
    sample = data[:65536]
    characters = len(sample) // 2
    after, before = sample[1::2].count(0), sample[0::2].count(0)
    for codec, high, low in (("utf-16-le", after, before), ("utf-16-be", before, after)):
        if high * 4 >= characters * 3 and low * 100 <= characters:
            return codec
    return None


def decode_bytes(
    data: bytes, *, declared: str | None = None, utf16_without_bom: bool = True
) -> tuple[str, tuple[str, ...]]:
    """Decode a page's bytes; return the text and notes. Raises ``ValueError`` with the reason.

    Order: a byte-order mark; UTF-16 without one (``_utf16_without_bom``; not when
    ``utf16_without_bom`` is false, as for a line of JSON Lines, which is UTF-8); the character
    set the HTML declares (when it is one a page can be in, ``emails.charset_codec``, and the
    text it gives still says ``charset``: a wrong declaration garbles its own words); UTF-8;
    Windows-1252; Latin-1. Every guess is named in a note. NUL bytes (outside UTF-16) or a known
    binary signature mean ``binary file``; text that only Latin-1 can read and that is then
    full of control characters means ``unknown encoding``.
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
    if b"\x00" in data:
        codec = _utf16_without_bom(data) if utf16_without_bom else None
        try:
            text = data.decode(codec) if codec else None
        except UnicodeDecodeError:  # an unpaired surrogate: not UTF-16 after all
            text = None
        if text is None or len(_CONTROL.findall(text)) > max(3, len(text) // 200):
            raise ValueError("binary file")
        name = "little" if codec == "utf-16-le" else "big"
        return text, (
            f"no byte-order mark, and every other byte is zero: read as UTF-16 ({name}-endian)",
        )
    tried: list[str] = []
    if declared:
        # A name that is no page's character set ("undefined", "unicode_escape") is unknown.
        codec = charset_codec(declared)
        try:
            text = data.decode(codec) if codec else None
        except UnicodeDecodeError:
            text = None
        # A declaration read back from the text it declares is trusted; one that garbles it
        # ("utf-16" on an ASCII page) is not.
        if text is not None and "charset" in text[:4096].lower():
            return text, ()
        tried.append(declared)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        if "utf-8" not in (name.lower().replace("_", "-") for name in tried):
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

_TITLE = (
    re.compile(r"<title", re.I),
    re.compile(r"<title[^>]*>", re.I),
    re.compile(r"</title\s*>", re.I),
)
_H1 = (re.compile(r"<h1", re.I), re.compile(r"<h1[^>]*>", re.I), re.compile(r"</h1\s*>", re.I))
_TAG = re.compile(r"<[^>]+>")
_CANONICAL = (
    re.compile(r"<link\b[^>]*", re.I),
    re.compile(
        r"<link\b(?=[^>]*\brel\s*=\s*[\"']?canonical)[^>]*\bhref\s*=\s*[\"']([^\"'>\s]+)", re.I
    ),
)
_OG_URL = (
    re.compile(r"<meta\b[^>]*", re.I),
    re.compile(
        r"<meta\b(?=[^>]*\bproperty\s*=\s*[\"']og:url)[^>]*\bcontent\s*=\s*[\"']([^\"'>\s]+)", re.I
    ),
)


def _element(
    html: str, tag: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]
) -> str | None:
    """What the first ``<h1 ...>`` (or other ``tag``) of ``html`` holds up to its closing tag.

    (In steps: the first opening, then the closing after it. One pattern with ".*?" between
    them was tried again from each opening of a page that never closes it, and "[^>]*" from
    each "<h1" of one with no ">" after it, in time growing with the square of the page.)
    """
    start = tag[0].search(html)
    opened = tag[1].match(html, start.start()) if start else None
    closed = tag[2].search(html, opened.end()) if opened else None
    return html[opened.end() : closed.start()] if opened and closed else None


def _attribute(html: str, tag: tuple[re.Pattern[str], re.Pattern[str]]) -> str | None:
    """The attribute ``tag[1]`` reads from the first tag that has it (``<link rel=canonical
    href=...>``), tried from the first "<link" of each run of them without a ">" between: a
    later one finds nothing the first does not, and was read to the end of the page each time.
    """
    for opening in tag[0].finditer(html):
        if m := tag[1].match(html, opening.start()):
            return m.group(1)
    return None


def _inline_text(fragment: str) -> str:
    # (No tag after the last ">": a run of "<" there was read to its end from each of them.)
    end = fragment.rfind(">") + 1
    return " ".join(unescape(_TAG.sub(" ", fragment[:end]) + fragment[end:]).split())


def page_from_html(html: str, *, source: str, path: str = "", **meta) -> Page:
    """A ``Page`` from an HTML document: its text, title and canonical address."""
    title = meta.pop("title", None)
    if not title:
        h1 = _element(html, _H1)
        t = _element(html, _TITLE)
        title = _inline_text(h1) if h1 is not None else (_inline_text(t) if t is not None else None)
    url = meta.pop("url", None)
    if not url:
        found = _attribute(html, _CANONICAL) or _attribute(html, _OG_URL)
        url = unescape(found) if found else None
    return Page(
        source=source, path=path, text=html_to_text(html), title=title or None, url=url, **meta
    )


def _from_html(html: str, *, source: str, **meta) -> Page | Unreadable:
    """``page_from_html``, or why the HTML could not be read: the standard library's parser
    gives up on some markup ("<![ see note ]>" raises ``AssertionError``), and one such page
    must not stop the others."""
    try:
        return page_from_html(html, source=source, **meta)
    except Exception as exc:  # noqa: BLE001 - any parser failure is this page's alone
        return Unreadable(source, f"the HTML could not be read ({type(exc).__name__})")


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body")) or (
        head.startswith("<")
        and bool(re.search(r"</(?:p|div|h1|h2|li|td|body)>", text[:65536], re.I))
    )


# --- Files -----------------------------------------------------------------------------------


def shown(path: str | Path) -> str:
    """A path as people and the database can take it: bytes that are not UTF-8 (a file name from
    another system) as ``\xff`` escapes, and line breaks and other control characters escaped so
    that ``source: reason`` stays one line."""
    name = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _ANY_CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


def _name_problem(path: Path) -> str | None:
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        return "the file name is not UTF-8: rename the file"
    return None


def _in_folder(folder: Path, done: dict[Path, str]) -> Iterator[Path | Unreadable | Repeated]:
    """Every file below ``folder`` in name order (hidden ones left out), and what could not be
    read there, each with its reason: nothing inside a folder is passed over in silence. A
    sub-folder already read (``done``: each folder read so far, as found on disk, and as it was
    named) is named once as ``Repeated`` rather than read again."""
    found: list[tuple[str, Path | Unreadable | Repeated]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        found.append((str(where), Unreadable(shown(where), _os_reason(exc))))

    def not_read_before(here: Path, name: str) -> bool:
        sub = here / name
        first = None if sub.is_symlink() else done.get(sub.resolve())
        if first is not None:
            found.append((str(sub), Repeated(shown(sub), first)))
        return first is None

    for top, dirs, names in os.walk(folder, onerror=unreadable):
        here = Path(top)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not_read_before(here, d)]
        for name in names + [d for d in dirs if (here / d).is_symlink()]:
            if name.startswith("."):
                continue
            child = here / name
            found.append((str(child), _file_or_reason(child)))
    found.sort(key=lambda pair: Path(pair[0]).parts)  # folder by folder, as names sort
    if not found:
        yield Unreadable(shown(folder), "empty folder (no files to read)")
    for _, item in found:
        yield item


def _file_or_reason(path: Path) -> Path | Unreadable:
    """``path`` if it is a regular file (or a link to one), else why it is not read."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Unreadable(shown(path), "broken link (what it points to does not exist)")
    except OSError as exc:
        return Unreadable(shown(path), _os_reason(exc))
    if stat.S_ISDIR(mode):
        return Unreadable(shown(path), "link to a folder (not followed: name the folder itself)")
    if not stat.S_ISREG(mode):
        return Unreadable(shown(path), "not a regular file")
    if problem := _name_problem(path):
        return Unreadable(shown(path), problem)
    return path


def _os_reason(exc: OSError) -> str:
    return f"cannot be read ({exc.strerror or type(exc).__name__})"


def _covered(folder: Path, resolved: Path, done: dict[Path, str]) -> Repeated | None:
    """``Repeated`` when ``folder`` (``resolved``, as found on disk) is a folder already read,
    or is inside one and not hidden there (reading a folder leaves out what is hidden)."""
    for earlier, first in done.items():
        if resolved.is_relative_to(earlier):
            inside = resolved.relative_to(earlier).parts
            if not any(part.startswith(".") for part in inside):
                return Repeated(shown(folder), first, within=bool(inside))
    return None


def _files(paths: Iterable[str | Path]) -> Iterator[Path | Unreadable | Repeated]:
    done: dict[Path, str] = {}  # each folder read, as found on disk: as it was named
    for raw in paths:
        if not str(raw).strip():
            yield Unreadable(repr(str(raw)), "empty path (no file or folder named)")
            continue
        path = Path(raw)
        if path.is_dir():
            resolved = path.resolve()
            if repeated := _covered(path, resolved, done):
                yield repeated
                continue
            yield from _in_folder(path, done)
            done[resolved] = shown(path)
        elif path.exists() or path.is_symlink():
            yield _file_or_reason(path)
        else:
            yield Unreadable(shown(path), "no such file or folder")


def _lines(handle, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, the line or ``None`` if longer than ``limit``, its length), reading a line
    that is too long in pieces rather than whole."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw, len(raw)
            continue
        size = len(raw)
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(1024 * 1024)
            size += len(raw)
        yield number, None, size


def _unstorable(value: str) -> str | None:
    """Why the database could not keep ``value`` as text, or ``None``."""
    m = _UNSTORABLE.search(value)
    if m is None:
        return None
    if m.group() == "\x00":
        return "NUL characters"
    return f"an unpaired UTF-16 surrogate (\\u{ord(m.group()):04x})"


def _page_id(value: object) -> str | None:
    """The ``id`` field as text; raises ``ValueError`` with the reason it cannot be used."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError('"id" must be text or a whole number')
    text = str(value).strip()
    if len(text) > MAX_ID_LENGTH:
        raise ValueError(f'"id" is longer than {MAX_ID_LENGTH} characters')
    if problem := _unstorable(text):
        raise ValueError(f'"id" has {problem}')
    return text or None


def _text_field(obj: dict, name: str, notes: list[str]) -> str | None:
    """An optional text field (``url``, ``title``): blank is absent; another type is left out
    with a note."""
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        notes.append(f'"{name}" is not text: left out')
        return None
    value = value.strip()
    if name == "url" and value.startswith("#"):
        value = ""  # "#top": a place on some page, not the page's address
    return value or None


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Page | Unreadable]:
    """One page per line; each bad line fails alone with its line number."""
    name = shown(path)
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            yield Unreadable(
                name, "JSON Lines must be UTF-8 (this file is UTF-16): save it as UTF-8"
            )
            return
        handle.seek(0)
        seen: dict[str, int] = {}
        blank = True  # until a line with something on it
        for number, raw, size in _lines(handle, max_bytes):
            source = f"{name}:{number}"
            if raw is None:
                blank = False
                yield Unreadable(source, _too_large(size, max_bytes))
                continue
            if not raw.strip():
                continue
            blank = False
            try:
                line, read_as = decode_bytes(raw, utf16_without_bom=False)
            except ValueError as exc:
                yield Unreadable(source, str(exc))
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Unreadable(source, f"not JSON ({exc.msg} at column {exc.colno})")
                continue
            except (ValueError, RecursionError) as exc:
                # A number of thousands of digits, arrays nested beyond Python's depth.
                yield Unreadable(source, f"not JSON that can be read ({type(exc).__name__})")
                continue
            if not isinstance(obj, dict):
                yield Unreadable(source, "not a JSON object")
                continue
            try:
                page_id = _page_id(obj.get("id"))
            except ValueError as exc:
                yield Unreadable(source, str(exc))
                continue
            if page_id is not None:
                source = f"{name}:{number} ({shown(page_id)})"
                if page_id in seen:
                    yield Unreadable(source, f'the same "id" as line {seen[page_id]}: left out')
                    continue
                seen[page_id] = number
            text = obj.get("text")
            if not isinstance(text, str):
                yield Unreadable(source, 'no "text" field (a string) in the object')
                continue
            notes = list(read_as)
            meta = {
                "id": page_id,
                "url": _text_field(obj, "url", notes),
                "title": _text_field(obj, "title", notes),
                "complete": obj.get("text_complete")
                if isinstance(obj.get("text_complete"), bool)
                else None,
            }
            bad = next(
                (
                    f'"{field}" has {problem}'
                    for field, value in (("text", text), *meta.items())
                    if isinstance(value, str) and (problem := _unstorable(value))
                ),
                None,
            )
            if bad:
                yield Unreadable(source, bad)
                continue
            meta["notes"] = tuple(notes)
            if _looks_like_html(text):
                yield _from_html(text, source=source, path=name, **meta)
            else:
                yield Page(source=source, path=name, text=text, **meta)
        if blank:
            yield Unreadable(name, "empty file (no JSON lines in it)")


def _read_file(path: Path, max_bytes: int) -> Iterator[Page | Unreadable]:
    source = shown(path)
    if path.suffix.lower() in _JSONL_SUFFIXES:
        yield from _read_jsonl(path, max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes:
        yield Unreadable(source, _too_large(size, max_bytes))
        return
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)  # a file still growing is not read past the limit
    if len(data) > max_bytes:
        yield Unreadable(source, _too_large(len(data), max_bytes))
        return
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
    if problem := _unstorable(text):  # NUL written as UTF-16
        yield Unreadable(source, f"the text has {problem}")
        return
    if is_html:
        yield _from_html(text, source=source, path=source, notes=notes)
    else:
        yield Page(source=source, path=source, text=text, notes=notes)


def _once(items: Iterable[Path | Unreadable | Repeated]) -> Iterator[Path | Unreadable | Repeated]:
    """``items`` with each file after its first as ``Repeated``: the same file is the same
    device and inode, whichever link, spelling or folder led to it."""
    first: dict[tuple[int, int], str] = {}
    for item in items:
        if isinstance(item, Path):
            try:
                found = item.stat()
            except OSError:
                yield item  # reading it says why it cannot be read
                continue
            key = (found.st_dev, found.st_ino)
            if key in first:
                yield Repeated(shown(item), first[key])
                continue
            first[key] = shown(item)
        yield item


def read_pages(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Page | Unreadable | Repeated]:
    """Every page in ``paths`` (files, folders, JSON Lines), or why it could not be read, each
    file once (``Repeated`` names a file or folder given again).

    A page whose text is blank after reading is ``Unreadable(..., "empty page")``; whether a
    readable page holds a response at all is for the extractor to say.
    """
    for item in _once(_files(paths)):
        if not isinstance(item, Path):
            yield item
            continue
        try:
            for page in _read_file(item, max_bytes):
                if isinstance(page, Page) and not page.text.strip():
                    yield Unreadable(page.source, "empty page")
                else:
                    yield page
        except OSError as exc:
            yield Unreadable(shown(item), _os_reason(exc))
        except Exception as exc:  # noqa: BLE001 - one file that breaks a reader stops only itself
            yield Unreadable(shown(item), f"could not be read ({type(exc).__name__})")
