"""Making the files the safety tests scan: every hostile or problematic file is built here,
in the test run, from openpyxl, python-docx, weasyprint and zipfile."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import openpyxl
from openpyxl.workbook.workbook import Workbook

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def workbook(build: Callable[[Workbook], None] | None = None) -> bytes:
    """An XLSX with no properties that name anyone, built by ``build``."""
    wb = openpyxl.Workbook()
    wb.properties.creator = None
    wb.active.title = "Data"
    if build is not None:
        build(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def table(wb: Workbook) -> None:
    """A small visible table, A1:B4."""
    ws = wb["Data"]
    for row in (["Area", "Count"], ["North", 3], ["South", 5], ["East", 7]):
        ws.append(row)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def repack(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return buffer.getvalue()


def edit(data: bytes, name: str, change: Callable[[str], str]) -> bytes:
    files = members(data)
    files[name] = change(files[name].decode("utf-8")).encode("utf-8")
    return repack(files)


def add(data: bytes, extra: dict[str, bytes | str]) -> bytes:
    files = members(data)
    for name, content in extra.items():
        files[name] = content.encode("utf-8") if isinstance(content, str) else content
    return repack(files)


def cache_formula_values(data: bytes, sheet: str, values: dict[str, str]) -> bytes:
    """Give formulas the saved value Excel would have written (openpyxl writes none)."""

    def change(xml: str) -> str:
        for ref, value in values.items():
            xml = re.sub(
                rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)',
                rf"\1<v>{value}</v>",
                xml,
            )
        return xml

    return edit(data, sheet, change)


def add_override(data: bytes, part: str, content_type: str) -> bytes:
    return edit(
        data,
        "[Content_Types].xml",
        lambda xml: xml.replace(
            "</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
        ),
    )


def add_relationship(data: bytes, rels: str, rid: str, rel_type: str, target: str) -> bytes:
    extra = ' TargetMode="External"' if target.startswith("file:") else ""
    rel = (
        f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/{rel_type}" Target="{target}"{extra}/>'
    )
    files = members(data)
    if rels in files:
        files[rels] = files[rels].replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    else:
        files[rels] = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rel}</Relationships>'
        ).encode()
    return repack(files)


def with_pivot_cache(data: bytes) -> bytes:
    """A pivot table on 'Data' whose cache holds the source rows (as Excel saves one)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    data = add(
        data,
        {
            "xl/pivotCache/pivotCacheDefinition1.xml": (
                f'<pivotCacheDefinition xmlns="{main}" xmlns:r="{rels_ns}" r:id="rId1" '
                'recordCount="1"><cacheSource type="worksheet"><worksheetSource '
                'ref="A1:B4" sheet="Data"/></cacheSource><cacheFields count="0"/>'
                "</pivotCacheDefinition>"
            ),
            "xl/pivotCache/pivotCacheRecords1.xml": (
                f'<pivotCacheRecords xmlns="{main}" count="1"><r><s v="Jane Doe"/></r>'
                "</pivotCacheRecords>"
            ),
            "xl/pivotTables/pivotTable1.xml": (
                f'<pivotTableDefinition xmlns="{main}" name="P" cacheId="9"/>'
            ),
        },
    )
    cache_type = "pivotCacheDefinition"
    data = add_relationship(
        data,
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
        "rId1",
        "pivotCacheRecords",
        "pivotCacheRecords1.xml",
    )
    data = add_relationship(
        data,
        "xl/_rels/workbook.xml.rels",
        "rIdP9",
        cache_type,
        "pivotCache/pivotCacheDefinition1.xml",
    )
    data = add_relationship(
        data,
        "xl/pivotTables/_rels/pivotTable1.xml.rels",
        "rId1",
        cache_type,
        "../pivotCache/pivotCacheDefinition1.xml",
    )
    data = add_relationship(
        data,
        "xl/worksheets/_rels/sheet1.xml.rels",
        "rIdT",
        "pivotTable",
        "../pivotTables/pivotTable1.xml",
    )
    for part, kind in (
        ("xl/pivotCache/pivotCacheDefinition1.xml", "pivotCacheDefinition"),
        ("xl/pivotCache/pivotCacheRecords1.xml", "pivotCacheRecords"),
        ("xl/pivotTables/pivotTable1.xml", "pivotTable"),
    ):
        data = add_override(
            data, part, f"application/vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml"
        )
    return edit(
        data,
        "xl/workbook.xml",
        lambda xml: xml.replace(
            "</workbook>",
            '<pivotCaches xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<pivotCache cacheId="9" r:id="rIdP9"/></pivotCaches></workbook>',
        ),
    )


def with_external_link(data: bytes) -> bytes:
    """A link to another workbook on a file server, used by the formula in C2."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    data = add(
        data,
        {
            "xl/externalLinks/externalLink1.xml": (
                f'<externalLink xmlns="{main}" xmlns:r="{rels_ns}"><externalBook r:id="rId1">'
                '<sheetNames><sheetName val="Staff"/></sheetNames></externalBook></externalLink>'
            )
        },
    )
    data = add_relationship(
        data,
        "xl/externalLinks/_rels/externalLink1.xml.rels",
        "rId1",
        "externalLinkPath",
        "file:///\\\\hq-fs01\\hr\\staff-list.xlsx",
    )
    data = add_relationship(
        data,
        "xl/_rels/workbook.xml.rels",
        "rIdX1",
        "externalLink",
        "externalLinks/externalLink1.xml",
    )
    data = add_override(
        data,
        "xl/externalLinks/externalLink1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
    )
    return edit(
        data,
        "xl/workbook.xml",
        lambda xml: re.sub(
            r"(</sheets>)",
            r'\1<externalReferences xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            r'<externalReference r:id="rIdX1"/></externalReferences>',
            xml,
        ),
    )


def ole_file(*streams: str) -> bytes:
    """A compound file header and one directory sector naming ``streams``, which is all the
    sniffing reads."""
    header = OLE_MAGIC + bytes(512 - len(OLE_MAGIC))
    entries = b""
    for name in ("Root Entry", *streams):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entry = raw + bytes(64 - len(raw)) + len(raw).to_bytes(2, "little")
        entries += entry + bytes(128 - len(entry))
    return header + entries + bytes(512 - len(entries) % 512)


def set_zip_flag(data: bytes, bit: int) -> bytes:
    """Set a general-purpose flag bit in every local and central header (bit 0: encrypted)."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for match in re.finditer(re.escape(signature), bytes(raw)):
            at = match.start() + offset
            flags = int.from_bytes(raw[at : at + 2], "little") | bit
            raw[at : at + 2] = flags.to_bytes(2, "little")
    return bytes(raw)


ODS_HEAD = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2">'
)


def ods(body: str, styles: str = "", meta: str | None = None, **extra: bytes) -> bytes:
    """An ODS package: ``body`` goes inside office:spreadsheet."""
    content = (
        f"{ODS_HEAD}<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    files: dict[str, bytes] = {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": content.encode(),
        "META-INF/manifest.xml": (
            b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            b'manifest:1.0"><manifest:file-entry manifest:full-path="/" '
            b'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            b"</manifest:manifest>"
        ),
    }
    if meta is not None:
        files["meta.xml"] = (
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
            f"{meta}</office:meta></office:document-meta>"
        ).encode()
    files.update(extra)
    return repack(files)


def row(*cells: str, attrs: str = "") -> str:
    out = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
        if c
        else "<table:table-cell/>"
        for c in cells
    )
    return f"<table:table-row {attrs}>{out}</table:table-row>"


def docx_titled(title: str, text: str) -> bytes:
    """A Word document of one paragraph whose properties carry ``title`` and no author."""
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    document.core_properties.title = title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
