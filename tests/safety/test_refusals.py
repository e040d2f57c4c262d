"""Files that must not be stored at all: refused with a reason, with no findings."""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest

from foidesk.safety import DEFAULT_LIMITS, FileRefused, Kind, Limits, clean, scan
from tests.safety import builders as b

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><workbook>&lol2;</workbook>'
)


def refusal(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> str | None:
    report = scan(data, filename=filename, limits=limits)
    if report.refused is not None:
        assert report.findings == ()
        assert report.blocks_approval
        assert report.refused.strip()
    return report.refused_code


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """50 MB of zeros, deflated to about 50 KB: small on disk, a ratio near 1000."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(50 * 1024 * 1024))
    return buffer.getvalue()


def test_zip_bomb_is_refused_from_its_declared_sizes(zip_bomb):
    assert len(zip_bomb) < 200_000
    assert refusal(zip_bomb, "figures.xlsx") == "zip_bomb"


def test_too_many_entries_is_a_zip_bomb():
    files = {f"x/{n}.xml": b"<a/>" for n in range(30)}
    files["[Content_Types].xml"] = b"<Types/>"
    assert refusal(b.repack(files), "a.xlsx", Limits(max_zip_entries=20)) == "zip_bomb"


def test_an_entry_declaring_more_than_the_limit_is_refused():
    data = b.workbook(b.table)
    assert refusal(data, "a.xlsx", Limits(max_entry_bytes=500)) == "zip_bomb"


def test_total_unpacked_size_over_the_limit_is_refused():
    data = b.workbook(b.table)
    assert refusal(data, "a.xlsx", Limits(max_total_bytes=2_000)) == "zip_bomb"


def test_an_entry_lying_about_its_size_is_refused():
    """The central directory says 10 bytes; the member unpacks to far more."""
    raw = bytearray(b.workbook(b.table))
    at = raw.index(b"PK\x01\x02")
    raw[at + 24 : at + 28] = (10).to_bytes(4, "little")
    assert refusal(bytes(raw), "a.xlsx") in {"malformed", "zip_bomb"}


def test_macro_project_inside_an_xlsx_is_refused():
    data = b.add(b.workbook(b.table), {"xl/vbaProject.bin": b"\x00VBA"})
    assert refusal(data, "figures.xlsx") == "macro_enabled"


def test_macro_content_type_is_refused_even_named_xlsx():
    data = b.edit(
        b.workbook(b.table),
        "[Content_Types].xml",
        lambda xml: xml.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ),
    )
    assert refusal(data, "figures.xlsx") == "macro_enabled"


@pytest.mark.parametrize("name", ["figures.xlsm", "letter.docm"])
def test_macro_extensions_are_refused(name):
    assert refusal(b.workbook(b.table), name) == "macro_enabled"


def test_password_protected_office_file_is_refused():
    data = b.ole_file("EncryptionInfo", "EncryptedPackage")
    assert refusal(data, "figures.xlsx") == "encrypted"


def test_encrypted_zip_member_is_refused():
    data = b.set_zip_flag(b.workbook(b.table), 0x1)
    assert refusal(data, "figures.xlsx") == "encrypted"


def test_encrypted_pdf_is_refused():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("", "owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert refusal(buffer.getvalue(), "reply.pdf") == "encrypted"


@pytest.mark.parametrize(
    ("streams", "name"), [(("Workbook",), "old.xls"), (("WordDocument",), "old.doc")]
)
def test_legacy_binary_office_files_are_refused(streams, name):
    report = scan(b.ole_file(*streams), filename=name)
    assert report.refused_code == "legacy_format"
    assert "XLSX" in report.refused or "DOCX" in report.refused


def test_legacy_file_renamed_xlsx_is_still_refused_as_legacy():
    assert refusal(b.ole_file("Workbook"), "new.xlsx") == "legacy_format"


def test_pdf_named_xlsx_is_refused():
    data = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
    assert refusal(data, "figures.xlsx") == "wrong_extension"


def test_xlsx_named_docx_is_refused():
    assert refusal(b.workbook(b.table), "letter.docx") == "wrong_extension"


def test_plain_zip_named_xlsx_is_refused():
    assert refusal(b.repack({"notes.txt": b"hello"}), "figures.xlsx") == "wrong_extension"


def test_text_named_pdf_is_refused():
    assert refusal(b"just some text", "reply.pdf") == "wrong_extension"


def test_xxe_and_entity_expansion_are_refused():
    data = b.edit(b.workbook(b.table), "xl/workbook.xml", lambda _xml: BILLION_LAUGHS)
    assert refusal(data, "figures.xlsx") == "hostile_xml"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"PK\x03\x04not really a zip", "figures.xlsx"),
        (b"%PDF-1.4 nothing here", "reply.pdf"),
    ],
)
def test_malformed_files_are_refused(data, name):
    assert refusal(data, name) == "malformed"


def test_broken_xml_is_malformed():
    data = b.edit(b.workbook(b.table), "xl/workbook.xml", lambda xml: xml[:50])
    assert refusal(data, "figures.xlsx") == "malformed"


def test_empty_file_is_refused():
    assert refusal(b"", "figures.csv") == "empty"


def test_file_over_the_size_limit_is_refused():
    assert refusal(b"a,b\n" * 100, "figures.csv", Limits(max_file_bytes=100)) == "too_large"


def test_image_is_an_unsupported_type():
    png = b"\x89PNG\r\n\x1a\n" + bytes(20) + zlib.compress(b"x")
    assert refusal(png, "photo.png") == "unsupported_type"


def test_odt_is_an_unsupported_type():
    data = b.repack({"mimetype": b"application/vnd.oasis.opendocument.text"})
    assert refusal(data, "letter.ods") == "unsupported_type"


def test_ods_with_macros_is_refused():
    data = b.ods("", **{"Basic/Standard/Module1.xml": b"<x/>"})
    assert refusal(data, "figures.ods") == "macro_enabled"


def test_encrypted_ods_is_refused():
    manifest = (
        b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:'
        b'1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data'
        b"/></manifest:file-entry></manifest:manifest>"
    )
    data = b.ods("", **{"META-INF/manifest.xml": manifest})
    assert refusal(data, "figures.ods") == "encrypted"


def test_kind_is_sniffed_from_content():
    assert scan(b.workbook(b.table), filename="FIGURES.XLSX").kind is Kind.XLSX
    assert scan(b"a,b\n1,2\n", filename="figures.csv").kind is Kind.CSV


def test_clean_refuses_what_scan_refuses(zip_bomb):
    with pytest.raises(FileRefused) as caught:
        clean(zip_bomb, filename="figures.xlsx")
    assert caught.value.code == "zip_bomb"
