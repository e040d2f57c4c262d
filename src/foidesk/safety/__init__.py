"""The safety scan of outgoing files (issue 7), plain Python with no Django import.

Every file attached to a response is scanned before approval. A release under FOI is a release
to the world (``shared/law/UK-FOI-RULES.md`` D6), so whatever travels inside a file is
disclosed with it: hidden sheets and rows, pivot caches, comments, tracked changes, metadata,
text under black boxes. Third parties' personal data found there is usually exempt under FOIA
s40(2), the requester's own under s40(1) (D1, D2).

``scan(data, *, filename, requester_names=(), limits=DEFAULT_LIMITS) -> ScanReport``
    Never raises for a bad file: a file that must not be stored at all (zip bomb, encrypted,
    macro-enabled, malformed, legacy .xls/.doc, content not matching its extension) comes back
    with ``report.refused`` (a plain-English reason) and ``report.refused_code`` set and no
    findings. The scan works on bytes in memory and writes nothing, so a refused file leaves
    nothing behind: the caller stores a file only after a report that is not refused.

``read_text(data, *, filename, limits=DEFAULT_LIMITS) -> str``
    The file's text as the scan reads it and everything else written in the file
    (properties, sheet names, headers, link addresses, PDF strings), for checking it for the
    requester's details.

``clean(data, *, filename, limits=DEFAULT_LIMITS) -> bytes``
    Removes what can be removed safely (XLSX, DOCX, PDF) and returns the new file, which is
    then scanned again. Raises ``FileRefused`` for a file ``scan`` refuses and
    ``CannotClean`` for kinds it cannot clean (ODS, CSV, text).
"""

from __future__ import annotations

from collections.abc import Sequence

from foidesk.safety import delimited, docx, ods, pdf, xlsx
from foidesk.safety.package import Package, every_text
from foidesk.safety.personal import check_personal_data
from foidesk.safety.report import (
    DEFAULT_LIMITS,
    CannotClean,
    Collector,
    FileRefused,
    Finding,
    Kind,
    Limits,
    ScanReport,
    Severity,
    Where,
)
from foidesk.safety.sniff import detect

#: Why a file is refused outright (``ScanReport.refused_code``).
REFUSAL_CODES = {
    "empty": "the file has no content",
    "too_large": "bigger than the limits allow (bytes or PDF pages)",
    "zip_bomb": "too many entries, too big unpacked, or compressed too much",
    "macro_enabled": "macros: by extension, vbaProject.bin, or a macro content type",
    "encrypted": "password-protected Office file, encrypted zip member or PDF",
    "wrong_extension": "the content is not what the extension says",
    "legacy_format": "old binary .xls/.doc: save as XLSX or DOCX",
    "unsupported_type": "a kind of file foidesk cannot check",
    "malformed": "damaged or unreadable",
    "hostile_xml": "XML with entities or external references (XXE, billion laughs)",
}

#: Every finding code, its kinds and its severity ("error" blocks approval).
FINDING_CODES = {
    "hidden_sheet": ("xlsx ods", "error"),
    "very_hidden_sheet": ("xlsx", "error"),
    "hidden_rows": ("xlsx ods", "error"),
    "hidden_columns": ("xlsx ods", "error"),
    "filtered_rows": ("xlsx ods", "error"),
    "pivot_cache": ("xlsx", "error"),
    "external_link": ("xlsx ods", "error"),
    "comment": ("xlsx ods docx pdf", "error"),
    "name_over_hidden_data": ("xlsx ods", "error"),
    "cells_outside_print_area": ("xlsx", "error"),
    "cells_far_from_table": ("xlsx ods", "error"),
    "cells_apart_from_table": ("xlsx ods", "warning"),
    "formula": ("xlsx ods", "error"),
    "formula_without_value": ("xlsx", "error"),
    "data_connection": ("xlsx", "error"),
    "metadata": ("xlsx ods docx pdf", "error for names, warning for notes"),
    "embedded_file": ("xlsx docx pdf", "error"),
    "thumbnail": ("xlsx docx", "warning"),
    "tracked_change": ("docx", "error"),
    "hidden_text": ("docx", "error"),
    "custom_xml": ("docx", "warning"),
    "text_under_box": ("pdf", "error"),
    "unapplied_redaction": ("pdf", "error"),
    "javascript": ("pdf", "error"),
    "earlier_versions": ("pdf", "warning"),
    "formula_injection": ("csv", "error"),
    "undecodable_text": ("csv text", "error"),
    "requester_name": ("all", "warning"),
    "email_address": ("all", "warning"),
    "phone_number": ("all", "warning"),
    "postcode": ("all", "warning"),
    "ni_number": ("all", "warning"),
    "collar_number": ("all", "warning"),
}


def scan(
    data: bytes,
    *,
    filename: str,
    requester_names: Sequence[str] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> ScanReport:
    """Scan one outgoing file; see the module docstring."""
    found = Collector()
    kind: Kind | None = None
    try:
        kind, pkg = detect(data, filename, limits)
        units = _scan_kind(kind, data, pkg, limits, found)
        check_personal_data(units, requester_names, found)
    except FileRefused as refusal:
        return ScanReport(filename, kind, refused=refusal.reason, refused_code=refusal.code)
    except RecursionError:
        return ScanReport(
            filename,
            kind,
            refused="The file is nested too deeply to read.",
            refused_code="malformed",
        )
    return ScanReport(filename, kind, tuple(_capped(found.findings, limits)))


def read_text(data: bytes, *, filename: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text a reader of the file sees and can find in it, one piece a line: what the
    scan reads (cells, paragraphs, comments, PDF text), then everything else written in the
    file (properties, custom properties and XML, sheet names, headers and footers, authors,
    link addresses, form fields, bookmarks: ``package.every_text``, ``pdf.every_string``);
    empty for a file the scan refuses. Used to check a file for the requester's details
    before it is published."""
    try:
        kind, pkg = detect(data, filename, limits)
        units = _scan_kind(kind, data, pkg, limits, Collector())
        if pkg is not None:
            rest = every_text(pkg)
        elif kind is Kind.PDF:
            rest = pdf.every_string(data)
        else:
            rest = []
    except (FileRefused, RecursionError):
        return ""
    return "\n".join([text for _where, text in units if text] + rest)


def _scan_kind(
    kind: Kind, data: bytes, pkg: Package | None, limits: Limits, found: Collector
) -> list[tuple[Where, str]]:
    if kind is Kind.XLSX and pkg is not None:
        return xlsx.scan(pkg, limits, found)
    if kind is Kind.DOCX and pkg is not None:
        return docx.scan(pkg, found)
    if kind is Kind.ODS and pkg is not None:
        return ods.scan(pkg, limits, found)
    if kind is Kind.PDF:
        return pdf.scan(data, limits, found)
    if kind is Kind.CSV:
        return delimited.scan_csv(data, found)
    return delimited.scan_text(data, found)


def _capped(findings: list[Finding], limits: Limits) -> list[Finding]:
    """At most ``limits.max_findings_per_code`` of each code, then one finding counting the
    rest, so a sheet of ten thousand email addresses gives a readable report."""
    counts: dict[str, int] = {}
    out: list[Finding] = []
    for finding in findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
        if counts[finding.code] <= limits.max_findings_per_code:
            out.append(finding)
    for code, count in counts.items():
        extra = count - limits.max_findings_per_code
        if extra > 0:
            first = next(f for f in findings if f.code == code)
            out.append(
                Finding(
                    code,
                    first.severity,
                    Where(),
                    f"{extra} more finding(s) of this kind are not listed.",
                    first.can_clean,
                )
            )
    return out


def clean(data: bytes, *, filename: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Remove the cleanable findings and return the new file. The result is scanned before
    it is returned, so cleaning never produces a file the scan would refuse."""
    kind, pkg = detect(data, filename, limits)
    if kind is Kind.XLSX and pkg is not None:
        cleaned = xlsx.clean(pkg, limits)
    elif kind is Kind.DOCX and pkg is not None:
        cleaned = docx.clean(pkg)
    elif kind is Kind.PDF:
        cleaned = pdf.clean(data)
    else:
        raise CannotClean(
            f"foidesk cannot clean {kind.value.upper()} files; fix the findings in the "
            "program that made the file."
        )
    after = scan(cleaned, filename=filename, limits=limits)
    if after.refused is not None:
        raise FileRefused(after.refused_code or "malformed", after.refused)
    return cleaned


__all__ = [
    "DEFAULT_LIMITS",
    "FINDING_CODES",
    "REFUSAL_CODES",
    "CannotClean",
    "FileRefused",
    "Finding",
    "Kind",
    "Limits",
    "ScanReport",
    "Severity",
    "Where",
    "clean",
    "read_text",
    "scan",
]
