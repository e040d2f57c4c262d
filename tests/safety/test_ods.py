"""OpenDocument spreadsheets, built with zipfile from content.xml written here."""

from __future__ import annotations

import pytest

from foidesk.safety import CannotClean, Where, clean, scan
from tests.safety import builders as b

TABLE = b.row("Area", "Count") + b.row("North", "3") + b.row("South", "5")


def findings(data: bytes, code: str | None = None):
    report = scan(data, filename="figures.ods")
    assert report.refused is None, report.refused
    return [f for f in report.findings if code is None or f.code == code]


def test_a_clean_ods_has_no_findings():
    data = b.ods(f'<table:table table:name="Data">{TABLE}</table:table>')
    assert findings(data) == []


def test_hidden_sheet_rows_columns_and_filters():
    styles = (
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
    )
    body = (
        '<table:table table:name="Data">'
        '<table:table-column/><table:table-column table:visibility="collapse"/>'
        + TABLE
        + b.row("West", "9", attrs='table:visibility="collapse"')
        + b.row("East", "2", attrs='table:visibility="filter"')
        + "</table:table>"
        '<table:table table:name="Secret" table:style-name="ta2">'
        + b.row("informant")
        + "</table:table>"
        "<table:named-expressions>"
        '<table:named-range table:name="who" table:base-cell-address="$Secret.$A$1" '
        'table:cell-range-address="$Secret.$A$1"/></table:named-expressions>'
    )
    data = b.ods(body, styles)
    found = {(f.code, f.where) for f in findings(data)}
    assert found == {
        ("hidden_sheet", Where(sheet="Secret")),
        ("hidden_rows", Where(sheet="Data", cell="4:4")),
        ("filtered_rows", Where(sheet="Data", cell="5:5")),
        ("hidden_columns", Where(sheet="Data", cell="B:B")),
        ("name_over_hidden_data", Where(sheet="Secret", name="who")),
    }


def test_annotations_formulas_links_and_metadata():
    body = (
        '<table:table table:name="Data">' + TABLE + "<table:table-row><table:table-cell/>"
        '<table:table-cell table:formula="of:=SUM([.B2:.B3])" office:value-type="float" '
        'office:value="8"><text:p>8</text:p>'
        "<office:annotation><text:p>ask Bob</text:p></office:annotation></table:table-cell>"
        "<table:table-cell table:formula=\"of:=['file:///srv/hr.ods'#$Staff.A1]\" "
        'office:value-type="string"><text:p>x</text:p></table:table-cell>'
        "</table:table-row></table:table>"
    )
    meta = "<meta:initial-creator>Jane Officer</meta:initial-creator>"
    data = b.ods(body, meta=meta)
    found = {(f.code, f.where) for f in findings(data)}
    assert found == {
        ("comment", Where(sheet="Data", cell="B4")),
        ("formula", Where(sheet="Data", cell="B4")),
        ("external_link", Where(sheet="Data", cell="C4")),
        ("metadata", Where(part="meta.xml", name="initial-creator")),
    }
    assert not any(f.can_clean for f in findings(data))


def test_repeated_empty_rows_do_not_expand_and_far_cells_are_found():
    body = (
        '<table:table table:name="Data">'
        + TABLE
        + '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/>'
        "</table:table-row>" + b.row("", "", "", "stray") + "</table:table>"
    )
    (far,) = findings(b.ods(body), "cells_far_from_table")
    assert far.where == Where(sheet="Data", cell="D1048004")


def test_ods_cannot_be_cleaned():
    data = b.ods(f'<table:table table:name="Data">{TABLE}</table:table>')
    with pytest.raises(CannotClean):
        clean(data, filename="figures.ods")
