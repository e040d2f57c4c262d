"""Checking and cleaning PDFs.

The most damaging failure in FOI releases is the black box drawn over text that is still in
the file: it looks redacted, and anyone can copy the text out from under it. Besides that, a
PDF can carry its author in its properties, reviewers' comments, attached files, JavaScript
and, after incremental saves, earlier versions of itself. A release is to the world
(``shared/law/UK-FOI-RULES.md`` D6) and the withheld text is usually exempt personal data
(FOIA s40(2), D2), so each of these blocks approval.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

from foidesk.safety.report import Collector, FileRefused, Limits, Where

PERSON_KEYS = {"/Author"}
NOTE_KEYS = {"/Title", "/Subject", "/Keywords"}
#: Keys every producer writes that name software, not people.
SOFTWARE_KEYS = {"/Creator", "/Producer", "/CreationDate", "/ModDate", "/Trapped"}
MARKUP_TYPES = {
    "/Text",
    "/FreeText",
    "/Popup",
    "/Highlight",
    "/Underline",
    "/Squiggly",
    "/StrikeOut",
    "/Caret",
    "/Ink",
    "/Sound",
    "/Stamp",
}
#: Boxes smaller than this (points) are rules and borders, not redaction boxes.
MIN_BOX = 4.0
DARK = 0.35


def _reader(data: bytes) -> PdfReader:
    try:
        return PdfReader(io.BytesIO(data))
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise FileRefused("malformed", f"The PDF is damaged ({exc}).") from exc


def _obj(value: Any) -> Any:
    return value.get_object() if hasattr(value, "get_object") else value


def _annotations(reader: PdfReader) -> Iterator[tuple[int, DictionaryObject]]:
    for number, page in enumerate(reader.pages, start=1):
        for annot in _obj(page.get("/Annots")) or []:
            annot = _obj(annot)
            if isinstance(annot, DictionaryObject):
                yield number, annot


def _is_javascript(action: Any) -> bool:
    action = _obj(action)
    return isinstance(action, DictionaryObject) and _obj(action.get("/S")) == "/JavaScript"


#: Keys whose strings are not words: the file's identifier and encryption's keys.
_NOT_WORDS = frozenset({"/ID", "/O", "/U", "/OE", "/UE", "/Perms"})
#: A bound on the objects read for ``every_string`` (a PDF of 2,000 pages has some 50,000).
MAX_OBJECTS = 500_000


def every_string(data: bytes) -> list[str]:
    """Every string in the PDF's objects, read or not by the checks (the page text aside,
    which ``scan`` reads): the properties and the XMP metadata, annotations and their authors,
    form fields' values, bookmarks, link addresses, attached files' names."""
    reader = _reader(data)
    out: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer]
    try:
        while stack and len(seen) < MAX_OBJECTS:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                key = (item.idnum, item.generation)
                if key in seen:
                    continue
                seen.add(key)
                item = item.get_object()
            if isinstance(item, TextStringObject):
                out.append(str(item))
            elif isinstance(item, ByteStringObject):
                out.append(bytes(item).decode("latin-1"))
            elif isinstance(item, DictionaryObject):
                if isinstance(item, StreamObject) and item.get("/Type") == "/Metadata":
                    out.append(item.get_data().decode("utf-8", "replace"))
                stack += [value for key, value in item.items() if key not in _NOT_WORDS]
            elif isinstance(item, ArrayObject):
                stack += list(item)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FileRefused("malformed", f"The PDF is damaged ({exc}).") from exc
    return out


# --- checks -------------------------------------------------------------------------------


def check_metadata(reader: PdfReader, found: Collector) -> None:
    """The document properties go out with the PDF: the author is usually a member of staff
    (personal data, s40(2)); custom keys such as /Company name organisations."""
    info = reader.metadata or {}
    for key, value in info.items():
        text = str(_obj(value)).strip()
        if not text or key in SOFTWARE_KEYS:
            continue
        where = Where(name=key.lstrip("/"))
        if key in NOTE_KEYS:
            found.warning(
                "metadata",
                where,
                f"The PDF's properties record {key.lstrip('/')} = '{text}'. Check it is meant "
                "to be released, or clean the file.",
                can_clean=True,
            )
        else:
            found.error(
                "metadata",
                where,
                f"The PDF's properties record {key.lstrip('/')} = '{text}'. Properties go out "
                "with the file; a name here is personal data the recipient can read.",
                can_clean=True,
            )
    try:
        xmp = reader.xmp_metadata
        creators = list(xmp.dc_creator or []) if xmp is not None else []
    except (PdfReadError, ValueError, KeyError, AttributeError):
        creators = []
    if creators and "/Author" not in info:
        found.error(
            "metadata",
            Where(name="XMP dc:creator"),
            f"The PDF's XMP metadata names its author ({', '.join(creators)}).",
            can_clean=True,
        )


def check_annotations(reader: PdfReader, found: Collector) -> None:
    """Comments and mark-up go out with the PDF; an unapplied redaction annotation marks
    text for removal that is still there."""
    for page, annot in _annotations(reader):
        subtype = _obj(annot.get("/Subtype"))
        contents = str(_obj(annot.get("/Contents")) or "").strip()
        if subtype == "/Redact":
            found.error(
                "unapplied_redaction",
                Where(page=page),
                "A redaction is marked here but was never applied: the text under it is "
                "still in the file. Apply the redactions in the PDF editor and save again.",
            )
        elif subtype == "/FileAttachment":
            found.error(
                "embedded_file",
                Where(page=page),
                "A file is attached to this page. It is released whole and must be checked "
                "separately, or removed.",
                can_clean=True,
            )
        elif subtype in MARKUP_TYPES and (contents or subtype != "/Popup"):
            said = f" ('{contents[:60]}')" if contents else ""
            found.error(
                "comment",
                Where(page=page),
                f"A comment or mark-up ({str(subtype).lstrip('/')}){said} is on this page. It "
                "goes out with the PDF and the recipient can read it.",
                can_clean=True,
            )
        if _is_javascript(annot.get("/A")) or "/AA" in annot:
            found.error(
                "javascript",
                Where(page=page),
                "A link or field on this page runs JavaScript. Released files must not run "
                "code on the recipient's computer.",
                can_clean=True,
            )


def _names_tree(reader: PdfReader, key: str) -> list[str]:
    names = _obj(reader.trailer["/Root"].get("/Names"))
    if not isinstance(names, DictionaryObject) or key not in names:
        return []
    out: list[str] = []
    todo = [_obj(names[key])]
    while todo:
        node = todo.pop()
        if not isinstance(node, DictionaryObject):
            continue
        pairs = _obj(node.get("/Names")) or []
        out += [str(_obj(pairs[i])) for i in range(0, len(pairs), 2)]
        todo += [_obj(kid) for kid in _obj(node.get("/Kids")) or []]
    return out or ["(unnamed)"]


def check_embedded_files(reader: PdfReader, found: Collector) -> None:
    """Files attached to the PDF itself are released whole."""
    for name in _names_tree(reader, "/EmbeddedFiles"):
        found.error(
            "embedded_file",
            Where(name=name),
            f"The PDF carries an attached file ('{name}'). It is released whole and must be "
            "checked separately, or removed.",
            can_clean=True,
        )


def check_javascript(reader: PdfReader, found: Collector) -> None:
    """Document-level JavaScript runs when the recipient opens the file."""
    root = reader.trailer["/Root"]
    if _names_tree(reader, "/JavaScript") or _is_javascript(root.get("/OpenAction")):
        found.error(
            "javascript",
            Where(),
            "The PDF runs JavaScript when opened. Released files must not run code on the "
            "recipient's computer.",
            can_clean=True,
        )


def check_earlier_versions(data: bytes, found: Collector) -> None:
    """A PDF saved incrementally keeps every earlier version in the file, including text
    later deleted or redacted; tools recover them trivially."""
    saves = data.count(b"%%EOF")
    if b"/Linearized" in data[:2048]:
        saves -= 1
    if saves > 1:
        found.warning(
            "earlier_versions",
            Where(),
            f"The PDF was saved {saves} times incrementally; earlier versions, with whatever "
            "they held, may still be inside. Cleaning writes a single fresh version.",
            can_clean=True,
        )


def _luminance(colour: Any) -> float | None:
    if not isinstance(colour, (tuple, list)) or not colour:
        return None
    try:
        values = [float(v) for v in colour]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return values[0]
    if len(values) == 3:
        r, g, b = values
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(values) == 4:
        c, m, y, k = values
        return _luminance(((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)))
    return None


def check_text_under_boxes(
    data: bytes, limits: Limits, found: Collector
) -> list[tuple[Where, str]]:
    """Text under a dark filled box looks redacted and is not: it can be selected, copied
    and searched. The box must be an applied redaction, or the text removed at source.

    A character counts when its centre lies inside a dark box and its own colour is dark too
    (white text on a dark table header is meant to be read). Returns the page text units."""
    units: list[tuple[Where, str]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.max_pdf_pages:
                raise FileRefused(
                    "too_large",
                    f"The PDF has {len(pdf.pages)} pages, more than the "
                    f"{limits.max_pdf_pages} allowed.",
                )
            for number, page in enumerate(pdf.pages, start=1):
                where = Where(page=number)
                units.append((where, page.extract_text() or ""))
                for box, text in _covered_text(page):
                    found.error(
                        "text_under_box",
                        where,
                        f"Text under a black box is still in the file and can be copied: "
                        f"'{text[:60]}' (box at {box[0]:.0f},{box[1]:.0f} points from the "
                        "top left). Redact it properly (remove the text) and make the PDF "
                        "again.",
                    )
    except (PDFSyntaxError, PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise FileRefused("malformed", f"The PDF is damaged ({exc}).") from exc
    return units


def _covered_text(page: Any) -> Iterator[tuple[tuple[float, float], str]]:
    boxes = []
    for rect in page.rects:
        width, height = rect["x1"] - rect["x0"], rect["bottom"] - rect["top"]
        lum = _luminance(rect.get("non_stroking_color"))
        if rect.get("fill") and lum is not None and lum < DARK and min(width, height) >= MIN_BOX:
            boxes.append(rect)
    for rect in boxes:
        chars = []
        for ch in page.chars:
            cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
            inside = rect["x0"] - 1 <= cx <= rect["x1"] + 1 and rect["top"] - 1 <= cy <= (
                rect["bottom"] + 1
            )
            lum = _luminance(ch.get("non_stroking_color"))
            if inside and (lum is None or lum < 0.5):
                chars.append(ch["text"])
        text = " ".join("".join(chars).split())
        if text:
            yield (rect["x0"], rect["top"]), text


def scan(data: bytes, limits: Limits, found: Collector) -> list[tuple[Where, str]]:
    reader = _reader(data)
    try:
        check_metadata(reader, found)
        check_annotations(reader, found)
        check_embedded_files(reader, found)
        check_javascript(reader, found)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FileRefused("malformed", f"The PDF is damaged ({exc}).") from exc
    check_earlier_versions(data, found)
    return check_text_under_boxes(data, limits, found)


# --- cleaning -----------------------------------------------------------------------------


def clean(data: bytes) -> bytes:
    """Strip the properties and XMP metadata, comments and mark-up, attached files and
    JavaScript, and write one fresh version. Text under boxes and unapplied redactions are
    *not* fixed: only removing the text at source does that."""
    writer = PdfWriter(clone_from=_reader(data))
    root = writer.root_object
    for key in ("/Metadata", "/OpenAction", "/AA"):
        if key in root:
            del root[NameObject(key)]
    names = _obj(root.get("/Names"))
    if isinstance(names, DictionaryObject):
        for key in ("/EmbeddedFiles", "/JavaScript"):
            if key in names:
                del names[NameObject(key)]
    for page in writer.pages:
        if "/AA" in page:
            del page[NameObject("/AA")]
        annots = _obj(page.get("/Annots"))
        if not annots:
            continue
        kept = [a for a in annots if not _removable(_obj(a))]
        if len(kept) != len(annots):
            page[NameObject("/Annots")] = ArrayObject(kept)
        for annot in kept:
            annot = _obj(annot)
            for key in ("/A", "/AA"):
                if key in annot and (key == "/AA" or _is_javascript(annot.get("/A"))):
                    del annot[NameObject(key)]
    writer.metadata = None
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _removable(annot: Any) -> bool:
    subtype = _obj(annot.get("/Subtype")) if isinstance(annot, DictionaryObject) else None
    return subtype in MARKUP_TYPES or subtype == "/FileAttachment"
