"""PDFs: text under black boxes (made with weasyprint), metadata, comments, attachments,
JavaScript, unapplied redactions and earlier versions (added with pypdf)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Text
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from foidesk.safety import Severity, Where, clean, scan

PAGES = """
<html><body>
<p>The officer, <span style="background:black;color:black">PC 4521 Alan Smith</span>, attended.</p>
<p style="background:#222;color:white">A dark header with white text is fine</p>
<p>Nothing else.</p>
<p style="page-break-before:always">Second page,
<span style="background:#000;color:#111">Flat 3, 12 High Street</span> redacted badly.</p>
</body></html>
"""
PLAIN = "<html><body><p>Thank you for your request. We hold the information.</p></body></html>"


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    weasyprint = pytest.importorskip("weasyprint")
    return {
        "boxes": weasyprint.HTML(string=PAGES).write_pdf(),
        "plain": weasyprint.HTML(string=PLAIN).write_pdf(),
    }


def findings(data: bytes, code: str | None = None):
    report = scan(data, filename="response.pdf")
    assert report.refused is None, report.refused
    return [f for f in report.findings if code is None or f.code == code]


def rewrite(data: bytes, change) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_plain_pdf_has_no_findings(pdfs):
    assert findings(pdfs["plain"]) == []


def test_text_under_black_boxes_is_an_error_on_its_page(pdfs):
    boxes = findings(pdfs["boxes"], "text_under_box")
    assert [f.where for f in boxes] == [Where(page=1), Where(page=2)]
    assert "PC 4521 Alan Smith" in boxes[0].message
    assert "Flat 3, 12 High Street" in boxes[1].message
    assert "still in the file and can be copied" in boxes[0].message
    assert all(f.severity is Severity.ERROR and not f.can_clean for f in boxes)
    assert not any("header" in f.message for f in boxes)


def test_cleaning_does_not_pretend_to_fix_redaction(pdfs):
    cleaned = clean(pdfs["boxes"], filename="response.pdf")
    assert [f.code for f in findings(cleaned, "text_under_box")] == ["text_under_box"] * 2


def test_the_collar_number_under_the_box_is_also_listed(pdfs):
    (collar,) = findings(pdfs["boxes"], "collar_number")
    assert collar.where == Where(page=1)


def test_problems_added_to_a_pdf_are_found_and_cleaned(pdfs):
    def spoil(writer: PdfWriter) -> None:
        writer.add_metadata({"/Author": "Jane Officer", "/Company": "Acme Police"})
        writer.add_attachment("workings.xlsx", b"secret")
        writer.add_annotation(0, Text(rect=(50, 550, 200, 650), text="Check with legal"))
        writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert(1)"),
            }
        )

    data = rewrite(pdfs["plain"], spoil)
    found = {(f.code, f.where) for f in findings(data)}
    assert found == {
        ("metadata", Where(name="Author")),
        ("metadata", Where(name="Company")),
        ("embedded_file", Where(name="workings.xlsx")),
        ("comment", Where(page=1)),
        ("javascript", Where()),
    }
    assert all(f.can_clean for f in findings(data))
    cleaned = clean(data, filename="response.pdf")
    assert findings(cleaned) == []
    assert "Thank you for your request" in PdfReader(io.BytesIO(cleaned)).pages[0].extract_text()


def test_unapplied_redaction_annotation_is_an_error(pdfs):
    def mark(writer: PdfWriter) -> None:
        annot = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Redact"),
                NameObject("/Rect"): ArrayObject([]),
            }
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])

    (redact,) = findings(rewrite(pdfs["plain"], mark), "unapplied_redaction")
    assert redact.where == Where(page=1) and not redact.can_clean


def test_incremental_saves_are_a_warning_that_cleans(pdfs):
    writer = PdfWriter(io.BytesIO(pdfs["plain"]), incremental=True)
    writer.add_metadata({"/Title": "Draft 2"})
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    codes = {f.code: f for f in findings(data)}
    assert codes["earlier_versions"].severity is Severity.WARNING
    assert codes["metadata"].where == Where(name="Title")
    assert findings(clean(data, filename="response.pdf")) == []
