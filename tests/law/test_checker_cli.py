"""``foidesk check``, through ``checker_cli.main(argv)`` (no Django, no database)."""

import json
from pathlib import Path

import pytest

from foidesk.law.checker_cli import main

DATA = Path(__file__).parent / "data"
SEED = DATA / "190A-23.json"
MISTAKES = DATA / "ncnd-mistakes.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_passes_with_exit_0(capsys):
    code, out, err = run(capsys, str(SEED))
    assert code == 0, out
    assert out.splitlines()[0] == "190A/23 Officer alleged sexual offences or domestic violence"
    assert "No problems found." in out
    assert err == ""


@pytest.mark.parametrize("name", ["190A-23.json", "s12-cost-limit.json"])
def test_clean_examples_exit_0(capsys, name):
    code, _, _ = run(capsys, str(DATA / name))
    assert code == 0


def test_errors_exit_1_and_are_grouped_in_plain_text(capsys):
    code, out, err = run(capsys, str(MISTAKES))
    assert code == 1
    assert err == ""
    assert "\nErrors\n" in out and "\nWarnings\n" in out
    assert out.index("\nErrors\n") < out.index("\nWarnings\n")
    assert "ERROR ncnd_not_available (questions 1, 2; decisions[0].provisions[0])" in out
    assert "ERROR rights_missing (whole response; rights_paragraph)" in out
    assert "Rule: FOIA s17(7)" in out and "[UNVERIFIED]" in out
    assert "https://" in out


def test_warnings_only_exit_0(capsys, tmp_path):
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["dates"]["due"] = "2023-02-16"
    path = tmp_path / "warn.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert "0 errors, 1 warning" in out
    assert "WARNING due_date_differs" in out


def test_json_output_shape(capsys):
    code, out, _ = run(capsys, str(MISTAKES), "--json")
    assert code == 1
    findings = json.loads(out)
    assert isinstance(findings, list) and findings
    for f in findings:
        assert set(f) == {"severity", "code", "questions", "message", "citation", "where"}
        assert f["severity"] in {"error", "warning"}
        assert set(f["citation"]) == {"text", "url", "unverified"}
        assert all(isinstance(q, int) for q in f["questions"])
    codes = {f["code"] for f in findings}
    assert {"ncnd_not_available", "mutually_exclusive", "ncnd_gives_figures"} <= codes
    assert "response_late" in codes and "rights_missing" in codes


def test_json_output_for_the_seed_is_an_empty_array(capsys):
    code, out, _ = run(capsys, str(SEED), "--json")
    assert code == 0
    assert json.loads(out) == []


def test_today_option_judges_an_unsent_response(capsys, tmp_path):
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["dates"]["sent"] = None
    path = tmp_path / "unsent.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run(capsys, str(path), "--today", "2023-02-17")[0] == 0
    code, out, _ = run(capsys, str(path), "--today", "2023-02-20", "--json")
    assert code == 1
    assert [f["code"] for f in json.loads(out)] == ["response_overdue"]


def test_authority_kind_option(capsys):
    code, out, _ = run(capsys, str(SEED), "--authority-kind", "government_department", "--json")
    assert code == 0  # s30(3), s31(3), s38(2), s40(5) are open to any authority


def test_missing_file_exit_2(capsys, tmp_path):
    code, out, err = run(capsys, str(tmp_path / "nope.json"))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("foidesk check: ") and "no such file" in err


def test_not_json_exit_2(capsys, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "is not JSON: line 1 column 2" in err


def test_schema_invalid_exit_2(capsys, tmp_path):
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["decisions"][0]["outcome"] = "refused"
    data["decisions"][0]["provisions"][0] = "Section 30(3)"
    path = tmp_path / "invalid.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "is not a valid response: decisions[0].outcome: 'refused' is not one of" in err
    assert "(and 1 more)" in err


def test_semantically_invalid_exit_2(capsys, tmp_path):
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["decisions"][0]["questions"] = [1, 9]
    data["dates"]["sent"] = "2023-02-30"
    path = tmp_path / "invalid.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, str(path))
    assert code == 2
    assert "there is no question 9" in err and "(and 1 more)" in err


def test_nested_too_deeply_exit_2(capsys, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"foidesk check: {path} is nested too deeply to read")


def test_number_too_long_to_read_exit_2(capsys, tmp_path):
    path = tmp_path / "long.json"
    path.write_text('{"request": ' + "9" * 5000 + "}", encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert out == ""
    assert err == f"foidesk check: {path} has a number too long to read\n"


def test_date_outside_the_known_bank_holidays_exit_2(capsys, tmp_path):
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["dates"]["received"] = "9999-12-31"
    path = tmp_path / "late.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert out == ""
    assert err == (
        f"foidesk check: {path} is not a valid response: dates.received: 31 December 9999 is "
        "outside the years whose bank holidays are known (1872 to 2100)\n"
    )


def test_deadline_running_past_the_known_bank_holidays_exit_2(capsys, tmp_path):
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["request"]["received"] = data["dates"]["received"] = "2100-12-20"
    data["dates"]["due"] = data["dates"]["sent"] = None
    path = tmp_path / "late.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, str(path), "--today", "2100-12-21")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"foidesk check: {path} cannot be checked: no deadline can be worked out")
    assert "runs past 31 December 2100" in err


def test_usage_error_exit_2(capsys):
    code, _, err = run(capsys)
    assert code == 2
    assert "usage: foidesk check" in err


def test_help_exit_0(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "--json" in out


def test_reads_standard_input(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(SEED.read_text(encoding="utf-8")))
    code, out, _ = run(capsys, "-", "--json")
    assert code == 0 and json.loads(out) == []
