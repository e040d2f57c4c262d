"""What a safety scan returns: findings, the refusal, and the limits it runs under.

A finding is one thing in an outgoing file that could disclose more than the officer meant to
release. Disclosure under FOI is disclosure to the world (``shared/law/UK-FOI-RULES.md`` D6), so
whatever travels inside the file (a hidden sheet, a comment, deleted text, an author's name)
is released along with what the recipient can see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """``error`` blocks approval of the response; ``warning`` is listed for the officer to
    review and does not block."""

    ERROR = "error"
    WARNING = "warning"


class Kind(StrEnum):
    """The kind of file, found by looking at its content, not only its name."""

    XLSX = "xlsx"
    ODS = "ods"
    DOCX = "docx"
    PDF = "pdf"
    CSV = "csv"
    TEXT = "text"


@dataclass(frozen=True)
class Where:
    """Where in the file a finding is. Only the fields that make sense for the file are set:
    ``sheet`` and ``cell`` (an A1 reference or range) for spreadsheets, ``page`` for PDFs,
    ``paragraph`` (1-based, counted through the body) for Word documents, ``row`` and
    ``column`` (1-based) for CSV, ``part`` (the path inside the package) and ``name`` (a
    metadata field, a defined name, an attached file) for anything else."""

    sheet: str | None = None
    cell: str | None = None
    page: int | None = None
    paragraph: int | None = None
    row: int | None = None
    column: int | None = None
    part: str | None = None
    name: str | None = None

    def __str__(self) -> str:
        bits: list[str] = []
        if self.sheet is not None:
            bits.append(f"sheet '{self.sheet}'")
        if self.cell is not None:
            bits.append(f"cell {self.cell}" if ":" not in self.cell else f"cells {self.cell}")
        if self.page is not None:
            bits.append(f"page {self.page}")
        if self.paragraph is not None:
            bits.append(f"paragraph {self.paragraph}")
        if self.row is not None:
            bits.append(f"row {self.row}")
        if self.column is not None:
            bits.append(f"column {self.column}")
        if self.name is not None:
            bits.append(f"'{self.name}'")
        if self.part is not None and not bits:
            bits.append(self.part)
        return ", ".join(bits) or "the whole file"


@dataclass(frozen=True)
class Finding:
    """One thing to fix (``error``) or review (``warning``) before the file goes out.

    ``message`` is plain English: what was found and why it matters for an FOI release.
    ``can_clean`` says whether ``foidesk.safety.clean`` removes it.
    """

    code: str
    severity: Severity
    where: Where
    message: str
    can_clean: bool = False

    @property
    def blocks_approval(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(frozen=True)
class ScanReport:
    """The result of scanning one file.

    When ``refused`` is set the file must not be stored at all: it is hostile, encrypted,
    macro-enabled, malformed or not what its name says. ``refused_code`` is the machine
    form (see ``foidesk.safety.REFUSAL_CODES``) and ``findings`` is empty. ``kind`` is the
    kind found by content sniffing (``None`` if it could not be told).
    """

    filename: str
    kind: Kind | None
    findings: tuple[Finding, ...] = ()
    refused: str | None = None
    refused_code: str | None = None

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def blocks_approval(self) -> bool:
        """A refused file, or any error, blocks approval of the response it is attached to."""
        return self.refused is not None or bool(self.errors)

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]


@dataclass(frozen=True)
class Limits:
    """Settings bounding the work a scan will do on untrusted input.

    The zip limits are checked against the sizes each archive member *declares* before any of
    it is read, and every read is capped again (a member may lie about its size).
    """

    max_file_bytes: int = 100 * 1024 * 1024
    max_zip_entries: int = 5_000
    max_entry_bytes: int = 200 * 1024 * 1024
    max_total_bytes: int = 500 * 1024 * 1024
    #: Highest uncompressed/compressed ratio allowed for a member bigger than
    #: ``ratio_floor_bytes``. Spreadsheet XML compresses well (20-60:1 is normal); zeros reach
    #: 1000:1.
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 1024 * 1024
    max_pdf_pages: int = 2_000
    #: Findings kept per code; the rest are counted in one last finding.
    max_findings_per_code: int = 50
    #: Empty rows or columns separating a block of cells from the table before it is reported.
    table_gap: int = 2
    #: Cells this many rows or columns away from the table are an error, not a warning.
    far_gap: int = 50


DEFAULT_LIMITS = Limits()


class FileRefused(Exception):
    """Raised inside the scanners (and by ``clean``) for a file that must not be stored."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class CannotClean(Exception):
    """``clean`` was asked to clean a kind of file it cannot clean."""


@dataclass
class Collector:
    """Gathers findings while one file is scanned."""

    findings: list[Finding] = field(default_factory=list)

    def error(self, code: str, where: Where, message: str, *, can_clean: bool = False) -> None:
        self.findings.append(Finding(code, Severity.ERROR, where, message, can_clean))

    def warning(self, code: str, where: Where, message: str, *, can_clean: bool = False) -> None:
        self.findings.append(Finding(code, Severity.WARNING, where, message, can_clean))
