"""``foidesk export-response REF``: the draft response as JSON that loads back and passes
``foidesk check``, in process (``call_command``) and as a user runs it (a subprocess on its own
database)."""

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from foidesk.law.checker_cli import main as check_main
from foidesk.law.response import load_response

ROOT = Path(__file__).resolve().parents[2]
SEED = json.loads((ROOT / "tests/law/data/190A-23.json").read_text(encoding="utf-8"))
REQUESTER = ("Jo Bloggs", "jo.bloggs@example.org", "1 Private Road")


def build_seed_case(officer):
    """The seed 190A/23 entered through the services as an FOI officer would: the request
    with its four questions, both decisions, and the three NCND tests paragraph by paragraph."""
    from foidesk.cases.models import Authority
    from foidesk.cases.services import (
        NewQuestion,
        NewRequester,
        authority_update,
        request_create,
    )
    from foidesk.decisions.services import decision_save, test_paragraph_add, test_save

    authority_update(
        actor=None,
        authority=Authority.current(),
        name=SEED["authority"]["name"],
        kind=SEED["authority"]["kind"],
        rights_paragraph=SEED["rights_paragraph"],
    )
    req = SEED["request"]
    name, email, address = REQUESTER
    case = request_create(
        actor=officer,
        title=req["title"],
        received_at=dt.datetime(2023, 1, 20, 10, 14, tzinfo=ZoneInfo("Europe/London")),
        regime=req["regime"],
        channel="email",
        request_text=req["text"],
        requester=NewRequester(name=name, email=email, address=address),
        questions=[
            NewQuestion(text=q["text"], context=q["context"] or "") for q in req["questions"]
        ],
        reference=req["reference"],
    )
    for d in SEED["decisions"]:
        decision_save(
            actor=officer,
            request=case,
            question_numbers=d["questions"],
            outcome=d["outcome"],
            provisions=[{"id": p} for p in d["provisions"]],
            text=d["text"],
            figures_given=d["figures_given"],
            reveals_held=d["reveals_held"],
        )
    for t in SEED["tests"]:
        test = test_save(
            actor=officer,
            request=case,
            provision=t["provision"],
            kind=t["kind"],
            balance=t["balance"],
            conclusion=t["conclusion"],
        )
        for section in ("evidence_of_harm", "factors_for", "factors_against"):
            for paragraph in t[section]:
                test_paragraph_add(
                    actor=officer, test=test, section=section, text=paragraph["text"]
                )
    return case


@pytest.fixture
def seed_case(officer):
    return build_seed_case(officer)


def export(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export_response", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_export_writes_the_draft_that_loads_back_and_passes_the_check(seed_case, tmp_path, capsys):
    out, _ = export("190A/23")
    data = json.loads(out)
    response = load_response(data)
    assert response.request.reference == "190A/23"
    assert [d.questions for d in response.decisions] == [(1, 2), (3, 4)]
    assert [t.provision for t in response.tests] == ["foia:s30(3)", "foia:s31(3)", "foia:s38(2)"]
    assert response.tests[1].factors_against[2].text.startswith("West Midlands police relies")
    assert response.authority.name == "West Midlands Police"
    path = tmp_path / "190A-23.json"
    path.write_text(out, encoding="utf-8")
    assert check_main([str(path), "--today", "2023-02-01"]) == 0
    report = capsys.readouterr().out
    assert report.splitlines()[0] == "190A/23 Officer alleged sexual offences or domestic violence"


def test_export_to_a_file_and_by_the_address_form_of_the_reference(seed_case, tmp_path):
    target = tmp_path / "out.json"
    out, _ = export("190A-23", "-o", str(target))
    assert out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "foidesk-response/1"
    assert data == json.loads(export("190A/23")[0])


def test_export_holds_no_requester_data(seed_case):
    out, _ = export("190A/23")
    for detail in REQUESTER:
        assert detail not in out
    assert "requester" not in out.lower()


def test_unknown_reference_is_a_clear_error(db):
    with pytest.raises(CommandError, match="There is no request with the reference '999Z/99'"):
        export("999Z/99")


def test_an_invalid_draft_is_written_and_reported(seed_case, tmp_path):
    from foidesk.decisions.models import Decision

    # Not possible through the services: a stored provision the format does not accept.
    Decision.objects.filter(request=seed_case).update(provisions=[{"id": "section 30"}])
    target = tmp_path / "bad.json"
    with pytest.raises(CommandError, match="not yet a valid response") as excinfo:
        export("190A/23", "-o", str(target))
    assert "decisions[0].provisions[0]" in str(excinfo.value)
    assert target.exists()


# --- as a user runs it ----------------------------------------------------------------------


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed argv: our own interpreter and entry point
        args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=False
    )


BUILD = """
import django
django.setup()
from foidesk.accounts.models import Role, User
from tests.decisions.test_export_response import build_seed_case
officer = User.objects.create_user(username="officer", role=Role.FOI_OFFICER, password=None)
build_seed_case(officer)
"""


def test_foidesk_export_response_then_foidesk_check_exit_0(tmp_path):
    """The round trip on a real database file, through the ``foidesk`` entry point."""
    bin_dir = Path(sys.executable).parent
    foidesk = str(bin_dir / "foidesk")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("FOIDESK_", "DJANGO_"))},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'foidesk.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "foidesk.settings.test",
        "FOIDESK_VAR_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    migrated = run([foidesk, "migrate", "--noinput", "--skip-checks"], env)
    assert migrated.returncode == 0, migrated.stderr
    built = run([sys.executable, "-c", BUILD], env)
    assert built.returncode == 0, built.stderr

    target = tmp_path / "190A-23.json"
    exported = run([foidesk, "export-response", "190A/23", "-o", str(target)], env)
    assert exported.returncode == 0, exported.stderr
    checked = run([foidesk, "check", str(target), "--today", "2023-02-01"], env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[0] == (
        "190A/23 Officer alleged sexual offences or domestic violence"
    )

    to_stdout = run([foidesk, "export-response", "190A/23"], env)
    assert to_stdout.returncode == 0, to_stdout.stderr
    assert json.loads(to_stdout.stdout) == json.loads(target.read_text(encoding="utf-8"))

    missing = run([foidesk, "export-response", "999Z/99"], env)
    assert missing.returncode != 0
    assert "There is no request with the reference '999Z/99'" in missing.stderr
