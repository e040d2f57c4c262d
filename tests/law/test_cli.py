"""``foidesk deadline``, through its ``main(argv)`` (no Django, no database)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from foidesk.deadlines.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_due_date_version_and_explanation(capsys):
    # The seed case: Fri 20 Jan 2023 -> Fri 17 Feb 2023 (see test_deadlines.py).
    code, out, err = run(capsys, "--regime", "foia", "--received", "2023-01-20", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["due"] == "2023-02-17"
    assert data["calendar_version"] == "holidays-0.109+table-2026.1"
    assert data["explanation"][0] == "FOIA response due: Fri 17 Feb 2023"
    assert "FOIA s10(1)" in data["explanation_text"]
    assert "review_due" not in data


def test_json_with_review(capsys):
    # Review requested Wed 1 Mar 2023: FOIA target Thu 30 Mar, at most Tue 2 May 2023
    # (hand count in test_reviews_and_windows.py).
    code, out, _ = run(
        capsys,
        "--regime", "foia", "--received", "2023-01-20",
        "--review-requested", "2023-03-01", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["review_due"] == "2023-03-30"
    assert data["review_max"] == "2023-05-02"
    assert data["review_statutory"] is False


def test_fee_pause_and_weekend_reading_options(capsys):
    # Sat 14 Jan 2023 under the Code reading, fees notice Fri 20 Jan, fee Wed 1 Feb: d1 Tue 17;
    # 17-19 (1-3), 9 working days disregarded (20 Jan-1 Feb), 2-3 Feb (4-5), 6-10 (6-10),
    # 13-17 (11-15), 20-24 (16-20) -> Fri 24 Feb 2023.
    code, out, _ = run(
        capsys,
        "--regime", "foia", "--received", "2023-01-14", "--weekend-receipt", "code",
        "--fee-notice", "2023-01-20", "--fee-paid", "2023-02-01", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["due"] == "2023-02-24"
    assert data["paused_working_days"] == 9
    assert data["weekend_receipt"] == "code"


def test_plain_text_output_explains_itself(capsys):
    code, out, _ = run(capsys, "--regime", "foia", "--received", "2023-03-03")
    assert code == 0
    assert out.startswith("FOIA response due: Mon 3 Apr 2023")
    assert "Fri 17 Mar 2023: Northern Ireland: Saint Patrick's Day" in out


def test_clarification_option(capsys):
    code, out, _ = run(
        capsys,
        "--regime", "foia", "--received", "2023-02-06",
        "--clarification-received", "2023-02-15", "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["due"] == "2023-03-15"


def test_bad_date_is_one_line_and_exit_2(capsys):
    code, out, err = run(capsys, "--regime", "foia", "--received", "2023-02-30")
    assert code == 2
    assert out == ""
    assert err == (
        "foidesk deadline: --received: '2023-02-30' is not a valid date (use YYYY-MM-DD)\n"
    )


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--received", "9999-12-31"),
        ("--received", "0001-01-01"),
        ("--clarification-received", "9999-12-31"),
        ("--fee-paid", "9999-12-31"),
        ("--review-requested", "9999-12-31"),
    ],
)
def test_date_outside_the_known_bank_holidays_is_one_line_and_exit_2(capsys, option, value):
    day = {"9999-12-31": "31 December 9999", "0001-01-01": "1 January 1"}[value]
    argv = ["--regime", "foia", "--received", "2023-01-19", "--fee-notice", "2023-01-20"]
    if option == "--received":
        argv[3] = value
    else:
        argv += [option, value]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err == (
        f"foidesk deadline: {option}: {day} is outside the years whose bank holidays are "
        "known (1872 to 2100)\n"
    )


def test_answer_due_after_the_known_bank_holidays_is_one_line_and_exit_2(capsys):
    code, out, err = run(capsys, "--regime", "eir", "--received", "2100-12-20")
    assert code == 2
    assert out == ""
    assert err == (
        "foidesk deadline: counting 20 working days from 20 December 2100 runs past 31 December "
        "2100, the last day whose bank holidays are known\n"
    )
    code, _, err = run(
        capsys, "--regime", "foia", "--received", "2100-11-01", "--review-requested", "2100-12-20"
    )
    assert code == 2
    assert err.count("\n") == 1 and "runs past 31 December 2100" in err


def test_non_iso_date_is_refused(capsys):
    code, _, err = run(capsys, "--regime", "foia", "--received", "20230119")
    assert code == 2
    assert "not a valid date" in err


def test_unknown_regime_exits_2(capsys):
    code, out, err = run(capsys, "--regime", "gdpr", "--received", "2023-01-19")
    assert code == 2
    assert out == ""
    assert err.startswith("foidesk deadline: ")
    assert "gdpr" in err
    assert err.count("\n") == 1


def test_fee_paid_without_fee_notice_exits_2(capsys):
    code, _, err = run(
        capsys, "--regime", "foia", "--received", "2023-01-19", "--fee-paid", "2023-02-01"
    )
    assert code == 2
    assert err == "foidesk deadline: --fee-paid needs --fee-notice\n"


def test_missing_received_exits_2(capsys):
    code, _, err = run(capsys, "--regime", "foia")
    assert code == 2
    assert "--received" in err


def test_rule_not_available_exits_2(capsys):
    code, _, err = run(
        capsys,
        "--regime", "foisa", "--received", "2023-01-19", "--pit-extension-to", "2023-03-16",
    )  # fmt: skip
    assert code == 2
    assert "FOISA has no public interest extension" in err


def test_help_exits_0(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "usage: foidesk deadline" in out


def test_cli_does_not_import_django():
    # A fresh interpreter: importing and running the command must not pull Django in.
    src = Path(__file__).resolve().parents[2] / "src"
    script = (
        f"import sys; sys.path.insert(0, {str(src)!r})\n"
        "from foidesk.deadlines.cli import main\n"
        "code = main(['--regime', 'eir', '--received', '2023-01-19', '--json'])\n"
        "assert 'django' not in sys.modules, 'django imported'\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(  # noqa: S603 - fixed argv, our own interpreter
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["due"] == "2023-02-16"


@pytest.mark.parametrize("regime", ["foia", "eir", "foisa"])
def test_every_regime_runs(capsys, regime):
    code, out, _ = run(capsys, "--regime", regime, "--received", "2023-01-19", "--json")
    assert code == 0
    assert json.loads(out)["regime"] == regime
