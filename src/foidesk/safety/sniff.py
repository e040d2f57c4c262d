"""Telling what a file is from its content, and refusing the ones that must not be stored.

The name an officer gives a file is not evidence of what is in it: a PDF renamed ``.xlsx``, a
macro-enabled workbook renamed ``.xlsx`` or an encrypted document would each slip past a check
that trusts the extension. Each refusal below is a small named function raising
``FileRefused`` with a reason the officer can act on.
"""

from __future__ import annotations

import io
import posixpath
import re

from foidesk.safety.package import CONTENT_TYPES, Package, local
from foidesk.safety.report import FileRefused, Kind, Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

#: Main-part content types of the OOXML kinds we accept, and of their macro-enabled twins.
OOXML_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": Kind.XLSX,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": Kind.DOCX,
}
MACRO_CONTENT_TYPES = (
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.ms-excel.addin.macroEnabled.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.ms-office.vbaProject",
    "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
)
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

EXTENSION_KINDS = {
    ".xlsx": Kind.XLSX,
    ".ods": Kind.ODS,
    ".docx": Kind.DOCX,
    ".pdf": Kind.PDF,
    ".csv": Kind.CSV,
    ".txt": Kind.TEXT,
}
MACRO_EXTENSIONS = {".xlsm", ".xltm", ".xlam", ".xlsb", ".docm", ".dotm"}
LEGACY_EXTENSIONS = {".xls": "XLSX", ".doc": "DOCX", ".ppt": "PDF"}


def extension(filename: str) -> str:
    return posixpath.splitext(filename.lower().replace("\\", "/"))[1]


def refuse_by_name(filename: str) -> None:
    """Some extensions are refused whatever the content."""
    ext = extension(filename)
    if ext in MACRO_EXTENSIONS:
        raise FileRefused(
            "macro_enabled",
            f"'{filename}' is a macro-enabled file ({ext}); macros run code on the "
            "recipient's computer and can hide data. Save it as a plain "
            f"{'.docx' if ext.startswith('.do') else '.xlsx'} file.",
        )
    if ext in LEGACY_EXTENSIONS:
        raise FileRefused(
            "legacy_format",
            f"'{filename}' is an old binary Office file ({ext}) that cannot be checked "
            f"reliably. Save it as {LEGACY_EXTENSIONS[ext]} and attach that instead.",
        )


def refuse_ole(data: bytes, filename: str) -> None:
    """An OLE compound file is either an encrypted Office document (the password protection
    of Word and Excel wraps the real file in an ``EncryptedPackage`` stream) or a legacy
    binary .xls/.doc. Stream names are looked up in the directory as UTF-16 text."""
    if _ole_has_stream(data, "EncryptedPackage") or _ole_has_stream(data, "EncryptionInfo"):
        raise FileRefused(
            "encrypted",
            f"'{filename}' is password-protected. An encrypted file cannot be checked, and "
            "the recipient could not open it. Remove the password and attach it again.",
        )
    if _ole_has_stream(data, "_VBA_PROJECT") or _ole_has_stream(data, "Macros"):
        raise FileRefused("macro_enabled", f"'{filename}' is an old Office file containing macros.")
    raise FileRefused(
        "legacy_format",
        f"'{filename}' is an old binary Office file (.xls or .doc) that cannot be checked "
        "reliably. Save it as XLSX or DOCX and attach that instead.",
    )


def _ole_has_stream(data: bytes, name: str) -> bool:
    needle = name.encode("utf-16-le") + b"\x00\x00"
    # Directory entries start on 128-byte boundaries with the name first.
    return any(match.start() % 128 == 0 for match in re.finditer(re.escape(needle), data))


def refuse_pdf(data: bytes, filename: str) -> None:
    """A PDF with an ``/Encrypt`` dictionary cannot be checked or cleaned reliably."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise FileRefused("malformed", f"'{filename}' is a damaged PDF ({exc}).") from exc
    if encrypted:
        raise FileRefused(
            "encrypted",
            f"'{filename}' is an encrypted PDF. Its contents cannot be checked; save an "
            "unprotected copy and attach that instead.",
        )


def zip_kind(pkg: Package, filename: str) -> Kind:
    """The kind of a zip package, refusing macro-enabled, encrypted and unknown ones."""
    names = pkg.names
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise FileRefused(
            "macro_enabled",
            f"'{filename}' contains a macro project (vbaProject.bin). Macros run code on the "
            "recipient's computer; remove them and save as a plain file.",
        )
    if pkg.has("[Content_Types].xml"):
        return _ooxml_kind(pkg, filename)
    if pkg.has("mimetype"):
        mimetype = pkg.read("mimetype").strip()
        if mimetype == ODS_MIMETYPE:
            _refuse_odf_extras(pkg, filename)
            return Kind.ODS
        raise FileRefused(
            "unsupported_type",
            f"'{filename}' is an OpenDocument file of a kind foidesk cannot check "
            f"({mimetype.decode('ascii', 'replace')}). Save it as PDF.",
        )
    raise FileRefused("wrong_extension", f"'{filename}' is a zip archive, not an Office document.")


def _ooxml_kind(pkg: Package, filename: str) -> Kind:
    types = pkg.xml("[Content_Types].xml")
    content_types = {
        el.get("ContentType", "")
        for el in types
        if local(el.tag) in {"Override", "Default"} and el.tag.startswith("{" + CONTENT_TYPES)
    }
    if any(ct in MACRO_CONTENT_TYPES or "macroenabled" in ct.lower() for ct in content_types):
        raise FileRefused(
            "macro_enabled",
            f"'{filename}' is declared macro-enabled inside, whatever its name says. Macros "
            "run code on the recipient's computer; save it as a plain file.",
        )
    kinds = {OOXML_MAIN_TYPES[ct] for ct in content_types if ct in OOXML_MAIN_TYPES}
    if len(kinds) != 1:
        raise FileRefused(
            "unsupported_type",
            f"'{filename}' is an Office file of a kind foidesk cannot check (only Excel "
            ".xlsx and Word .docx). Save it as PDF.",
        )
    return kinds.pop()


def _refuse_odf_extras(pkg: Package, filename: str) -> None:
    """OpenDocument keeps macros under ``Basic/`` or ``Scripts/`` and marks encrypted members
    in the manifest."""
    if any(n.startswith(("Basic/", "Scripts/")) for n in pkg.names):
        raise FileRefused("macro_enabled", f"'{filename}' contains macros (Basic or scripts).")
    manifest = pkg.xml_or_none("META-INF/manifest.xml")
    if manifest is not None and any(local(el.tag) == "encryption-data" for el in manifest.iter()):
        raise FileRefused("encrypted", f"'{filename}' is password-protected.")


def looks_like_text(data: bytes) -> bool:
    return b"\x00" not in data[:65536]


def refuse_wrong_extension(kind: Kind, filename: str) -> None:
    """The name must say what the content is: the recipient's software trusts the name."""
    ext = extension(filename)
    expected = EXTENSION_KINDS.get(ext)
    if expected is kind or (expected is Kind.TEXT and kind is Kind.CSV):
        return
    if expected is None:
        raise FileRefused(
            "wrong_extension",
            f"'{filename}' has no extension foidesk accepts; its content is {kind.value.upper()}. "
            f"Name it .{kind.value if kind is not Kind.TEXT else 'txt'}.",
        )
    raise FileRefused(
        "wrong_extension",
        f"'{filename}' is named {ext} but its content is {kind.value.upper()}. "
        "A file that is not what its name says cannot be approved; save it in the right format.",
    )


def detect(data: bytes, filename: str, limits: Limits) -> tuple[Kind, Package | None]:
    """Find the kind from the content and refuse what must not be stored."""
    if not data:
        raise FileRefused("empty", f"'{filename}' is empty.")
    if len(data) > limits.max_file_bytes:
        raise FileRefused(
            "too_large",
            f"'{filename}' is {len(data):,} bytes, more than the {limits.max_file_bytes:,} "
            "allowed.",
        )
    refuse_by_name(filename)
    head = data[:1024]
    if data.startswith(OLE_MAGIC):
        refuse_ole(data, filename)
    if b"%PDF-" in head:
        refuse_wrong_extension(Kind.PDF, filename)
        refuse_pdf(data, filename)
        return Kind.PDF, None
    if data.startswith(ZIP_MAGICS):
        pkg = Package.open(data, limits)
        kind = zip_kind(pkg, filename)
        refuse_wrong_extension(kind, filename)
        return kind, pkg
    if looks_like_text(data):
        kind = Kind.CSV if extension(filename) == ".csv" else Kind.TEXT
        refuse_wrong_extension(kind, filename)
        return kind, None
    raise FileRefused(
        "unsupported_type",
        f"'{filename}' is not a file type foidesk can check (XLSX, ODS, DOCX, PDF, CSV, "
        "text). Save it as PDF.",
    )
