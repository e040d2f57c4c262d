"""Excel workbooks: each problem built with openpyxl or zipfile, found where it is, and
cleaned where it can be."""

from __future__ import annotations

import io

import openpyxl
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

from foidesk.safety import Severity, Where, clean, scan
from tests.safety import builders as b


def findings(data: bytes, code: str | None = None):
    report = scan(data, filename="figures.xlsx")
    assert report.refused is None, report.refused
    return [f for f in report.findings if code is None or f.code == code]


def only(data: bytes, code: str):
    (finding,) = findings(data, code)
    return finding


def test_a_clean_workbook_has_no_findings():
    report = scan(b.workbook(b.table), filename="figures.xlsx")
    assert report.findings == ()
    assert not report.blocks_approval


def hidden_sheets(wb):
    b.table(wb)
    secret = wb.create_sheet("Secret")
    secret["A1"] = "informant"
    secret.sheet_state = "hidden"
    very = wb.create_sheet("Workings")
    very["A1"] = 42
    very.sheet_state = "veryHidden"
    wb.defined_names["informants"] = DefinedName("informants", attr_text="'Secret'!$A$1")
    summary = wb.create_sheet("Summary")
    summary["A1"] = "Total"
    summary["B1"] = 15
    summary.print_area = "A1:B1"


def test_hidden_and_very_hidden_sheets_are_errors_that_clean():
    data = b.workbook(hidden_sheets)
    hidden = only(data, "hidden_sheet")
    assert hidden.where == Where(sheet="Secret")
    assert hidden.severity is Severity.ERROR and hidden.can_clean
    assert "unhide" in hidden.message
    assert only(data, "very_hidden_sheet").where == Where(sheet="Workings")
    name = only(data, "name_over_hidden_data")
    assert name.where == Where(sheet="Secret", name="informants")


def test_clean_removes_hidden_sheets_and_names_into_them_and_keeps_print_areas():
    cleaned = clean(b.workbook(hidden_sheets), filename="figures.xlsx")
    assert findings(cleaned) == []
    wb = openpyxl.load_workbook(io.BytesIO(cleaned))
    assert wb.sheetnames == ["Data", "Summary"]
    assert "informants" not in wb.defined_names
    assert wb["Summary"].print_area == "'Summary'!$A$1:$B$1"
    names = b.members(cleaned)
    assert b"Secret" not in names["docProps/app.xml"]
    assert not any(n.startswith("xl/worksheets/sheet2") for n in names)


def test_hidden_rows_and_columns_with_values_are_errors():
    def build(wb):
        b.table(wb)
        ws = wb["Data"]
        ws["C1"], ws["C2"] = "Officer", "PC Smith"
        ws.row_dimensions[3].hidden = True
        ws.column_dimensions["C"].hidden = True
        ws.row_dimensions[20].hidden = True  # empty: nothing to release

    data = b.workbook(build)
    rows = only(data, "hidden_rows")
    assert rows.where == Where(sheet="Data", cell="3:3")
    assert "2 value(s) sit in hidden row 3" in rows.message
    assert not rows.can_clean
    assert only(data, "hidden_columns").where == Where(sheet="Data", cell="C:C")


def test_rows_hidden_by_a_filter_are_filtered_rows():
    def build(wb):
        b.table(wb)
        ws = wb["Data"]
        ws.auto_filter.ref = "A1:B4"
        ws.row_dimensions[2].hidden = True
        ws.row_dimensions[3].hidden = True

    data = b.workbook(build)
    filtered = only(data, "filtered_rows")
    assert filtered.where == Where(sheet="Data", cell="2:3")
    assert "filter" in filtered.message
    assert findings(data, "hidden_rows") == []


def test_named_range_over_hidden_rows_is_an_error_that_does_not_clean():
    def build(wb):
        b.table(wb)
        wb["Data"].row_dimensions[3].hidden = True
        wb.defined_names["south"] = DefinedName("south", attr_text="Data!$A$3:$B$3")

    name = only(b.workbook(build), "name_over_hidden_data")
    assert name.where == Where(sheet="Data", cell="A3:B3", name="south")
    assert not name.can_clean


def test_comments_are_found_by_cell_and_cleaned():
    def build(wb):
        b.table(wb)
        wb["Data"]["B3"].comment = Comment("Includes the Smith complaint", "Bob Jones")

    data = b.workbook(build)
    comment = only(data, "comment")
    assert comment.where == Where(sheet="Data", cell="B3")
    assert "Bob Jones" in comment.message and comment.can_clean
    cleaned = clean(data, filename="figures.xlsx")
    assert findings(cleaned) == []
    assert openpyxl.load_workbook(io.BytesIO(cleaned))["Data"]["B3"].comment is None
    assert not any("comments" in n or "vmlDrawing" in n for n in b.members(cleaned))


def test_pivot_cache_is_an_error_and_cleaning_removes_pivots():
    data = b.with_pivot_cache(b.workbook(b.table))
    pivot = only(data, "pivot_cache")
    assert pivot.where == Where(part="xl/pivotCache/pivotCacheRecords1.xml")
    cleaned = clean(data, filename="figures.xlsx")
    assert findings(cleaned) == []
    assert not any("pivot" in n for n in b.members(cleaned))
    assert b"pivotCaches" not in b.members(cleaned)["xl/workbook.xml"]
    openpyxl.load_workbook(io.BytesIO(cleaned))


def test_external_link_is_an_error_naming_the_file_and_cleans():
    def build(wb):
        b.table(wb)
        wb["Data"]["C2"] = "=[1]Staff!A1"

    data = b.with_external_link(b.workbook(build))
    data = b.cache_formula_values(data, "xl/worksheets/sheet1.xml", {"C2": "12"})
    link = only(data, "external_link")
    assert link.where.part == "xl/externalLinks/externalLink1.xml"
    assert "hq-fs01" in link.message
    cleaned = clean(data, filename="figures.xlsx")
    assert findings(cleaned) == []
    assert openpyxl.load_workbook(io.BytesIO(cleaned))["Data"]["C2"].value == 12


def test_formulas_with_saved_values_clean_to_their_values():
    def build(wb):
        b.table(wb)
        wb["Data"]["B5"] = "=SUM(B2:B4)"
        wb["Data"]["A5"] = '="Total"'

    data = b.workbook(build)
    data = b.cache_formula_values(data, "xl/worksheets/sheet1.xml", {"B5": "15"})
    stuck = only(data, "formula_without_value")
    assert stuck.where == Where(sheet="Data", cell="A5") and not stuck.can_clean
    data = b.edit(
        data,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(
            '<c r="A5"><f>"Total"</f><v></v></c>',
            '<c r="A5" t="str"><f>"Total"</f><v>Total</v></c>',
        ),
    )
    formula = only(data, "formula")
    assert formula.where == Where(sheet="Data", cell="A5") and formula.can_clean
    assert "2 cell(s)" in formula.message
    cleaned = clean(data, filename="figures.xlsx")
    assert findings(cleaned) == []
    ws = openpyxl.load_workbook(io.BytesIO(cleaned))["Data"]
    assert (ws["A5"].value, ws["B5"].value) == ("Total", 15)


def test_formula_without_a_saved_value_is_left_and_still_reported():
    def build(wb):
        b.table(wb)
        wb["Data"]["B5"] = "=SUM(B2:B4)"

    cleaned = clean(b.workbook(build), filename="figures.xlsx")
    assert [f.code for f in findings(cleaned)] == ["formula_without_value"]


def test_values_far_from_the_table_are_errors_and_near_ones_warnings():
    def build(wb):
        b.table(wb)
        wb["Data"]["G2"] = "note"
        wb["Data"]["AB300"] = "Jane Doe 07700 900123"

    data = b.workbook(build)
    far = only(data, "cells_far_from_table")
    assert far.where == Where(sheet="Data", cell="AB300")
    assert far.severity is Severity.ERROR
    near = only(data, "cells_apart_from_table")
    assert near.where == Where(sheet="Data", cell="G2")
    assert near.severity is Severity.WARNING


def test_values_outside_the_print_area_are_errors():
    def build(wb):
        b.table(wb)
        wb["Data"]["C1"] = "internal"
        wb["Data"].print_area = "A1:B4"

    outside = only(b.workbook(build), "cells_outside_print_area")
    assert outside.where == Where(sheet="Data", cell="C1")


def test_author_metadata_is_an_error_that_cleans():
    def build(wb):
        b.table(wb)
        wb.properties.creator = "Jane Officer"
        wb.properties.lastModifiedBy = "Bob Jones"

    data = b.workbook(build)
    meta = findings(data, "metadata")
    assert {f.where for f in meta} == {
        Where(part="docProps/core.xml", name="creator"),
        Where(part="docProps/core.xml", name="lastModifiedBy"),
    }
    assert all(f.can_clean for f in meta)
    assert findings(clean(data, filename="figures.xlsx")) == []


def test_data_connections_and_embedded_files_are_errors():
    data = b.add(
        b.workbook(b.table),
        {"xl/connections.xml": "<connections/>", "xl/embeddings/oleObject1.bin": b"\x00"},
    )
    assert only(data, "data_connection").where == Where(part="xl/connections.xml")
    embedded = only(data, "embedded_file")
    assert embedded.where == Where(part="xl/embeddings/oleObject1.bin", name="oleObject1.bin")


def test_personal_data_in_a_hidden_sheet_is_listed_with_its_cell():
    def build(wb):
        b.table(wb)
        ws = wb.create_sheet("Contacts")
        ws["B2"] = "jane.doe@example.org"
        ws.sheet_state = "hidden"

    email = only(b.workbook(build), "email_address")
    assert email.where == Where(sheet="Contacts", cell="B2")
    assert email.severity is Severity.WARNING
    assert "jane.doe@example.org" not in email.message


def test_many_findings_of_one_kind_are_capped():
    def build(wb):
        ws = wb["Data"]
        for n in range(1, 81):
            ws.cell(row=n, column=1, value=f"person{n}@example.org")

    emails = findings(b.workbook(build), "email_address")
    assert len(emails) == 51
    assert emails[-1].where == Where() and "30 more" in emails[-1].message
