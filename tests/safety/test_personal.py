"""Personal data patterns (FOIA s40): listed as warnings for review."""

from __future__ import annotations

import io

import pytest

from foidesk.safety import Severity, Where, read_text, scan
from foidesk.safety.personal import mask

from .builders import docx_titled, ods, workbook


def codes(text: str, names=()) -> list[str]:
    report = scan(text.encode(), filename="notes.txt", requester_names=names)
    assert all(f.severity is Severity.WARNING for f in report.findings)
    return [f.code for f in report.findings]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("write to j.doe+foi@example.gov.uk", "email_address"),
        ("ring 07700 900123", "phone_number"),
        ("ring +44 (0)20 7946 0018", "phone_number"),
        ("lives at SW1A 1AA", "postcode"),
        ("postcode M1 1AE", "postcode"),
        ("NI number AB 12 34 56 C", "ni_number"),
        ("NI number AB123456C", "ni_number"),
        ("attended by PC 1234", "collar_number"),
        ("DS4521 took the statement", "collar_number"),
        ("her collar number is 5678", "collar_number"),
        ("warrant no. 123456", "collar_number"),
    ],
)
def test_each_pattern_is_found(text, code):
    assert codes(text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "We received 1,234 requests in 2024.",
        "Section 40(2) applies; see FOIA s12.",
        "The cost was 12 pc higher.",
        "Reference FOI-2024-0193.",
        "QQ 12 34 56 C is a specimen, not a real number",
    ],
)
def test_ordinary_response_text_is_not_flagged(text):
    assert codes(text) == []


def test_requester_name_is_matched_as_whole_words_in_any_case():
    assert codes("Dear MS JANE  DOE,", ["Jane Doe"]) == ["requester_name"]
    assert codes("Dear Janet Doering,", ["Jane Doe"]) == []
    assert codes("Dear Jane,", ["", " "]) == []


def test_requester_name_is_matched_however_its_apostrophe_hyphen_and_accents_are_typed():
    name = "Sin\u00e9ad O'Brien-Hartigan"
    assert codes("From Sinead O\u2019Brien\u2013Hartigan", [name]) == ["requester_name"]
    assert codes("From SIN\u00c9AD OBRIEN HARTIGAN", [name]) == ["requester_name"]
    assert codes("From Sinead O'Briens", [name]) == []


def test_where_and_masking():
    report = scan(b"line one\nemail bob@example.org\n", filename="notes.txt")
    (finding,) = report.findings
    assert finding.where == Where(row=2)
    assert "bob@example.org" not in finding.message
    assert mask("bob@example.org") == "bo*@*******.*rg"


def test_a_long_run_without_an_at_sign_is_scanned_and_is_no_email_address():
    """A 230,000-character token once took the email pattern minutes (it was tried from every
    character of the run); it is read at once now and still finds nothing."""
    assert codes("x" * 230_000) == []
    assert codes("x" * 200 + "jo.doe@example.gov.uk") == ["email_address"]


def test_read_text_gives_a_files_text_as_the_scan_reads_it():
    def fill(wb):
        wb.active.append(["Asked by", "Jo Doe"])

    assert "Jo Doe" in read_text(workbook(fill), filename="book.xlsx")
    assert read_text(b"Ring 07700 900123", filename="notes.txt") == "Ring 07700 900123"
    # A file the scan refuses gives no text (and raises nothing).
    assert read_text(b"", filename="empty.txt") == ""


def _pdf(change) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _docx_titled(title: str) -> bytes:
    return docx_titled(title, "Tasers drawn in 2022: 41")


def _sheet(change) -> bytes:
    return workbook(lambda wb: change(wb.active))


@pytest.mark.parametrize(
    ("filename", "make", "expected"),
    [
        # Properties and parts the checks of each kind do not read as text.
        ("reply.docx", lambda: _docx_titled("Reply to Jo Doe"), "Reply to Jo Doe"),
        ("book.xlsx", lambda: _sheet(lambda ws: setattr(ws, "title", "Jo Doe")), "Jo Doe"),
        (
            "book.xlsx",
            lambda: _sheet(lambda ws: setattr(ws.oddHeader.center, "text", "jo@doe.example")),
            " jo@doe.example",
        ),
        (
            "book.xlsx",
            lambda: _sheet(lambda ws: setattr(ws["A1"], "hyperlink", "mailto:jo%40doe.example")),
            "mailto:jo@doe.example",
        ),
        (
            "sheet.ods",
            lambda: ods("<table:table table:name='Jo Doe'/>", meta="<dc:title>Jo D</dc:title>"),
            "Jo Doe",
        ),
        ("sheet.ods", lambda: ods("", meta="<dc:title>Jo Doe</dc:title>"), "Jo Doe"),
        ("reply.pdf", lambda: _pdf(lambda w: w.add_metadata({"/Title": "Jo Doe"})), "Jo Doe"),
        (
            "reply.pdf",
            lambda: _pdf(lambda w: w.add_outline_item(title="Jo Doe", page_number=0)),
            "Jo Doe",
        ),
    ],
)
def test_read_text_reads_everything_written_in_the_file(filename, make, expected):
    data = make()
    assert scan(data, filename=filename).refused is None
    assert expected in read_text(data, filename=filename).splitlines()
