"""CSV: formula injection, plain negative numbers, decoding."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from foidesk.safety import Severity, Where, scan
from foidesk.safety.delimited import FORMULA_STARTS, is_formula_injection


def findings(data: bytes, code: str | None = None):
    report = scan(data, filename="figures.csv")
    assert report.refused is None, report.refused
    return [f for f in report.findings if code is None or f.code == code]


def test_a_clean_csv_has_no_findings():
    assert findings(b"Area,Count,Change\r\nNorth,3,-2\r\nSouth,5,-0.5\r\n") == []


def test_formula_injection_is_an_error_at_its_row_and_column():
    data = b'Area,Count\r\nNorth,=HYPERLINK("http://x")\r\n@SUM(A1),3\r\n+1+2,-5\r\n"\tx",ok\r\n'
    found = findings(data, "formula_injection")
    assert [f.where for f in found] == [
        Where(row=2, column=2),
        Where(row=3, column=1),
        Where(row=4, column=1),
        Where(row=5, column=1),
    ]
    assert all(f.severity is Severity.ERROR and not f.can_clean for f in found)


def test_windows_1252_is_read():
    data = "Name,Note\r\nCaf\u00e9,\u00a3 5\r\n=1+1,x\r\n".encode("cp1252")
    assert [f.where for f in findings(data, "formula_injection")] == [Where(row=3, column=1)]


def test_utf8_with_bom_is_read():
    data = "\ufeffName\r\n-3.2\r\n-x\r\n".encode()
    assert [f.where for f in findings(data, "formula_injection")] == [Where(row=3, column=1)]


def test_undecodable_text_is_an_error():
    (found,) = findings(b"a,b\r\n\x81\x8d\x9d,1\r\n")
    assert found.code == "undecodable_text" and found.severity is Severity.ERROR


def test_personal_data_is_listed_by_row_and_column():
    data = b"Name,Contact\r\nJane Doe,jane@example.org\r\n"
    report = scan(data, filename="figures.csv", requester_names=["jane doe"])
    assert [(f.code, f.where) for f in report.findings] == [
        ("requester_name", Where(row=2, column=1)),
        ("email_address", Where(row=2, column=2)),
    ]


@given(st.integers(min_value=1), st.integers(min_value=0, max_value=10**6))
def test_plain_negative_numbers_are_never_flagged(whole, fraction):
    assert not is_formula_injection(f"-{whole}")
    assert not is_formula_injection(f"-{whole}.{fraction}")


@given(st.sampled_from(FORMULA_STARTS), st.text())
def test_anything_else_starting_with_a_formula_character_is_flagged(start, rest):
    cell = start + rest
    if re.fullmatch(r"-\d+(?:\.\d+)?", cell):
        return
    assert is_formula_injection(cell)


@given(st.text().filter(lambda s: not s.startswith(FORMULA_STARTS)))
def test_cells_not_starting_with_a_formula_character_are_not_flagged(cell):
    assert not is_formula_injection(cell)
