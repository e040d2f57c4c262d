"""Published files: CSV and XLSX carry only what is shown, and nothing a safety scan refuses."""

import io
import re
import zipfile
from datetime import date

from openpyxl import load_workbook

from foidesk.statistics.definition import Column, Dimension, Schema, TableDefinition
from foidesk.statistics.demo_data import EXTRACTED, SCHEMA, question_3_definition, records
from foidesk.statistics.describe import describe
from foidesk.statistics.output import Provenance, to_csv, to_xlsx
from foidesk.statistics.policy import Policy
from foidesk.statistics.suppression import suppress
from foidesk.statistics.tabulate import Table, tabulate


def demo():
    table = tabulate(records(), question_3_definition(), schema=SCHEMA)
    return suppress(table, Policy(name="Small numbers policy 2024"))


PROVENANCE = Provenance(
    source="Professional standards case system (demo)",
    extracted=EXTRACTED,
    authority="Demo Police",
    reference="190A/23, questions 3 and 4",
    schema=SCHEMA,
)


def test_describe_in_words():
    assert describe(question_3_definition(), SCHEMA) == (
        "Police officers and police staff dismissed for misconduct related to sexual or domestic "
        "abuse, by financial year (date closed) and officer or staff, 2018/19 to 2022/23"
    )
    assert describe(TableDefinition("Dismissals")) == "Dismissals"


def test_csv_is_the_grid_with_markers_as_text():
    result = demo()
    data = to_csv(result)
    assert not data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8").split("\r\n")
    assert lines[0] == "Financial year (date closed),Police officer,Police staff,Total"
    assert lines[1].startswith("2018/19,<5,<5,")
    assert lines[-2].startswith("Total,")


def test_csv_never_starts_a_cell_with_a_formula_character():
    table = Table.from_counts(
        [[7, 3], [9, 9]], row_labels=["=HYPERLINK(1)", "-x"], column_labels=["+a", "@b"]
    )
    text = to_csv(suppress(table, Policy())).decode()
    for line in text.splitlines():
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "-", "@"))
    assert "'=HYPERLINK(1)" in text


def test_xlsx_sheets_and_contents():
    result = demo()
    data = to_xlsx(result, provenance=PROVENANCE)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Table", "Notes", "Caveats and provenance"]
    assert all(ws.sheet_state == "visible" for ws in book.worksheets)
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")
    # No one named in the properties (openpyxl reads a missing creator back as "openpyxl").
    assert b"creator" not in core and b"lastModifiedBy" not in core and b"title" not in core

    table = book["Table"]
    assert table["A1"].value.startswith("Police officers and police staff dismissed")
    assert table["A4"].value == "Financial year (date closed)"
    assert table["B5"].value == "<5"
    grid = [[c.value for c in row] for row in table.iter_rows(min_row=4)]
    assert grid == [list(r) for r in result.grid()]

    notes = [[c.value for c in row] for row in book["Notes"].iter_rows(min_row=4)]
    withheld = result.suppressed
    assert len([n for n in notes if n[0]]) >= len(withheld)
    for entry, note in zip(withheld, notes, strict=False):
        assert note == [entry.location, str(entry.shown), entry.public_reason]

    about = {
        row[0].value: row[1].value for row in book["Caveats and provenance"].iter_rows(min_row=3)
    }
    assert about["Source"] == PROVENANCE.source
    assert about["Date extracted"] == "7 April 2025"
    assert about["Request"] == "190A/23, questions 3 and 4"
    assert about["Policy name"] == "Small numbers policy 2024"
    assert TableDefinition.from_json(about["Definition (JSON)"]) == question_3_definition()


def test_xlsx_has_no_formulas_comments_names_or_hidden_parts():
    result = demo()
    data = to_xlsx(result, provenance=PROVENANCE)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert not any("comment" in n.lower() or "vbaProject" in n for n in names)
        xml = b"".join(z.read(n) for n in names if n.endswith(".xml"))
    assert b"<f>" not in xml and b"<f " not in xml
    assert b"<definedName " not in xml  # an empty <definedNames/> is fine
    assert b'state="hidden"' not in xml and b'hidden="1"' not in xml


def test_withheld_values_are_not_in_the_published_files():
    table = Table.from_counts(
        [[3, 41, 57], [2, 63, 71], [88, 94, 99]],
        row_labels=["a", "b", "c"],
        column_labels=["x", "y", "z"],
    )
    result = suppress(table, Policy())
    withheld = {e.value for e in result.suppressed}
    provenance = Provenance(source="s", extracted=date(2025, 1, 2), schema=Schema(()))
    for data in (to_csv(result),):
        cells = data.decode().replace("\r\n", ",").split(",")
        assert not withheld & {int(c) for c in cells if c.isdigit()}
    book = load_workbook(io.BytesIO(to_xlsx(result, provenance=provenance)))
    shown = {c.value for row in book["Table"].iter_rows(min_row=5) for c in row}
    assert not withheld & shown
    notes = " ".join(str(c.value) for row in book["Notes"].iter_rows() for c in row)
    assert "primary:" not in notes and "secondary:" not in notes
    assert book.properties.lastModifiedBy is None


def test_xlsx_is_made_when_labels_hold_control_characters():
    # A data set's text can carry control characters (escape codes, a vertical tab from a
    # spreadsheet cell); a worksheet cannot hold them, and the workbook must still be made.
    table = Table.from_counts(
        [[7, 3], [9, 9]], row_labels=["\x1b[31mRed", "Line\x0bbreak"], column_labels=["a\x01", "b"]
    )
    data = to_xlsx(suppress(table, Policy()), provenance=PROVENANCE)
    sheet = load_workbook(io.BytesIO(data))["Table"]
    grid = [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert grid[0][1] == "a"
    assert [row[0] for row in grid[1:3]] == ["[31mRed", "Line\nbreak"]


def test_the_provenance_does_not_give_away_a_withheld_total():
    # Every record is counted, so the number of records read is the grand total: withheld
    # here (<5), it must not be printed on the provenance sheet beside it.
    schema = Schema((Column("outcome"),))
    records_ = [{"outcome": "Dismissed"}] * 2 + [{"outcome": "Retained"}]
    definition = TableDefinition("Outcomes", rows=(Dimension("outcome"),))
    result = suppress(tabulate(records_, definition, schema=schema), Policy())
    assert result.column_totals[0].shown == "<5"
    provenance = Provenance(source="PSD export", extracted=date(2025, 1, 2), schema=schema)
    book = load_workbook(io.BytesIO(to_xlsx(result, provenance=provenance)))
    values = [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert 3 not in values
    assert not any(re.search(r"\b3\b", v) for v in values if isinstance(v, str))
