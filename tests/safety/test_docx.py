"""Word documents: tracked changes, comments, hidden text, metadata, embedded files."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

from foidesk.safety import Severity, Where, clean, scan
from tests.safety import builders as b

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document(build=None) -> bytes:
    doc = docx.Document()
    doc.add_paragraph("Thank you for your request.")
    doc.add_paragraph("We hold the information.")
    if build is not None:
        build(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def findings(data: bytes, code: str | None = None):
    report = scan(data, filename="response.docx")
    assert report.refused is None, report.refused
    return [f for f in report.findings if code is None or f.code == code]


def only(data: bytes, code: str):
    (finding,) = findings(data, code)
    return finding


def test_python_docx_template_carries_metadata_and_a_thumbnail_which_clean():
    data = document()
    assert {f.code for f in findings(data)} == {"metadata", "thumbnail"}
    cleaned = clean(data, filename="response.docx")
    assert findings(cleaned) == []
    assert [p.text for p in docx.Document(io.BytesIO(cleaned)).paragraphs] == [
        "Thank you for your request.",
        "We hold the information.",
    ]


def test_tracked_changes_are_errors_with_the_deleted_text_and_do_not_clean():
    def build(doc):
        p = doc.paragraphs[1]._p
        p.append(
            parse_xml(
                f'<w:del {W} w:id="1" w:author="Bob" w:date="2025-01-01T00:00:00Z"><w:r>'
                "<w:delText>about Jane Doe</w:delText></w:r></w:del>"
            )
        )
        p.append(
            parse_xml(f'<w:ins {W} w:id="2" w:author="Bob"><w:r><w:t> (held)</w:t></w:r></w:ins>')
        )

    data = document(build)
    change = only(data, "tracked_change")
    assert change.where == Where(paragraph=2)
    assert "deleted, inserted" in change.message and "about Jane Doe" in change.message
    assert not change.can_clean
    cleaned = clean(data, filename="response.docx")
    assert [f.code for f in findings(cleaned)] == ["tracked_change"]


def test_comments_are_found_at_their_paragraph_and_cleaned():
    def build(doc):
        doc.add_comment(doc.paragraphs[0].runs, text="Check with legal", author="Bob Jones")

    data = document(build)
    comment = only(data, "comment")
    assert comment.where == Where(paragraph=1)
    assert "Bob Jones" in comment.message and comment.can_clean
    cleaned = clean(data, filename="response.docx")
    assert findings(cleaned) == []
    assert "word/comments.xml" not in b.members(cleaned)
    assert docx.Document(io.BytesIO(cleaned)).paragraphs[0].text == "Thank you for your request."


def test_hidden_text_is_found_and_cleaned():
    def build(doc):
        doc.paragraphs[1].add_run(" Source: informant 42").font.hidden = True

    data = document(build)
    hidden = only(data, "hidden_text")
    assert hidden.where == Where(paragraph=2)
    assert "informant 42" in hidden.message
    cleaned = clean(data, filename="response.docx")
    assert findings(cleaned) == []
    assert docx.Document(io.BytesIO(cleaned)).paragraphs[1].text == "We hold the information."


def test_author_and_company_metadata_are_errors():
    def build(doc):
        doc.core_properties.author = "Jane Officer"
        doc.core_properties.last_modified_by = "Bob Jones"

    data = document(build)
    data = b.edit(
        data,
        "docProps/app.xml",
        lambda xml: xml.replace("</Properties>", "<Company>Acme Police</Company></Properties>"),
    )
    errors = {f.where.name for f in findings(data, "metadata") if f.severity is Severity.ERROR}
    assert errors == {"creator", "lastModifiedBy", "Company"}
    company = next(f for f in findings(data, "metadata") if f.where.name == "Company")
    assert company.where == Where(part="docProps/app.xml", name="Company")


def test_embedded_files_are_errors():
    data = b.add(document(), {"word/embeddings/Microsoft_Excel_Worksheet.xlsx": b"PK"})
    embedded = only(data, "embedded_file")
    assert embedded.where.name == "Microsoft_Excel_Worksheet.xlsx"
    assert not embedded.can_clean


def test_custom_xml_is_a_warning_that_cleans():
    data = b.add(
        document(),
        {"customXml/item1.xml": "<properties><owner>J Smith, PSD</owner></properties>"},
    )
    data = b.add_relationship(
        data, "word/_rels/document.xml.rels", "rIdC1", "customXml", "../customXml/item1.xml"
    )
    custom = only(data, "custom_xml")
    assert custom.where == Where(part="customXml/item1.xml")
    assert custom.severity is Severity.WARNING
    cleaned = clean(data, filename="response.docx")
    assert findings(cleaned) == []


def test_personal_data_is_listed_by_paragraph():
    def build(doc):
        doc.add_paragraph("Please reply to Jane Doe at jane@example.org or 020 7946 0018.")

    report = scan(document(build), filename="response.docx", requester_names=["Jane Doe"])
    personal = {(f.code, f.where) for f in report.findings if f.severity is Severity.WARNING}
    assert {
        ("requester_name", Where(paragraph=3)),
        ("email_address", Where(paragraph=3)),
        ("phone_number", Where(paragraph=3)),
    } <= personal
