"""``foidesk export-checked DIR``: the records staff checked, as a labelled set the scoring
script reads."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from foidesk.imports.models import ImportedRecord
from foidesk.imports.services import imported_record_check
from foidesk.intake.extraction import CORPUS_FIELDS

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

PAGES = [
    {
        "id": "drones",
        "url": "https://example.police.uk/foi/1053a-22",
        "title": "Drones (1053A/22)",
        "text": "Drones (1053A/22)\nRequest\n1. How many drones does the force have?\n"
        "2. Which drones are in use?\n"
        "Response\nPlease find attached our response.\nIn addition West Midlands Police can "
        "neither confirm nor deny that it holds any other information by virtue of Section "
        "24(2) National Security.\n",
    },
    {
        "id": "tasers",
        "title": "Taser use (822A/23)",
        "text": "Request\nHow many times was a Taser drawn in 2022?\nResponse\nThe information "
        "is not held.\n",
    },
]


@pytest.fixture
def imported(tmp_path) -> dict[str, ImportedRecord]:
    log = tmp_path / "log.jsonl"
    log.write_text("".join(json.dumps(p) + "\n" for p in PAGES), encoding="utf-8")
    call_command("import_log", str(log), workers=1, stdout=io.StringIO(), stderr=io.StringIO())
    return {r.source_id: r for r in ImportedRecord.objects.all()}


def export(folder: Path, **options) -> str:
    out = io.StringIO()
    call_command("export_checked", str(folder), stdout=out, **options)
    return out.getvalue()


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_checked_records_are_written_as_pages_and_corpus_labels(imported, officer, tmp_path):
    wanted = {
        "questions": {
            1: {"outcome": "disclosed", "exemptions": []},
            2: {"outcome": "ncnd", "exemptions": ["s24(2)"]},
        }
    }
    imported_record_check(actor=officer, record=imported["drones"], wanted=wanted)
    folder = tmp_path / "checked"

    said = export(folder)

    assert "1 checked record written" in said and "score_import.py --corpus" in said
    (page,) = read(folder / "pages.jsonl")
    assert page["id"] == "drones" and page["title"] == "Drones (1053A/22)"
    assert page["text"] == PAGES[0]["text"] and page["url"] == PAGES[0]["url"]
    (label,) = read(folder / "labels.jsonl")
    assert list(label) == ["id", *CORPUS_FIELDS]
    assert label["reference"] == "1053A/22"
    assert [q["outcome"] for q in label["per_question"]] == ["disclosed", "ncnd"]
    assert label["overall_outcome"] == "partially_disclosed"
    assert label["ncnd"] is True and label["exemptions_cited"] == ["s24(2)"]
    assert officer.get_full_name() not in json.dumps(label)
    assert not list(folder.glob(".*.tmp"))


def test_the_scoring_script_scores_the_importer_against_the_checked_set(
    imported, officer, tmp_path
):
    """The officer corrected one outcome of two: the importer scores 50% on that field."""
    wanted = {"questions": {1: {"outcome": "disclosed", "exemptions": []}}}
    imported_record_check(actor=officer, record=imported["drones"], wanted=wanted)
    imported_record_check(actor=officer, record=imported["tasers"], wanted={})
    folder = tmp_path / "checked"
    export(folder)

    scored = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "score_import.py"), "--corpus", str(folder)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout

    assert "| per-question outcome | 66.7% (2/3) |" in scored
    assert "| question count | 100.0% (2/2) |" in scored


def test_only_one_authoritys_records_on_request(imported, officer, tmp_path):
    imported_record_check(actor=officer, record=imported["drones"], wanted={})

    with pytest.raises(CommandError, match="No imported record has been checked by staff yet"):
        export(tmp_path / "none", authority="Kent Police")
    assert not (tmp_path / "none").exists()


def test_an_existing_set_is_left_alone_without_overwrite(imported, officer, tmp_path):
    imported_record_check(actor=officer, record=imported["drones"], wanted={})
    folder = tmp_path / "checked"
    folder.mkdir()
    (folder / "labels.jsonl").write_text("kept\n", encoding="utf-8")

    with pytest.raises(CommandError, match="already has labels.jsonl; use --overwrite"):
        export(folder)
    assert (folder / "labels.jsonl").read_text(encoding="utf-8") == "kept\n"
    assert not (folder / "pages.jsonl").exists()

    export(folder, overwrite=True)
    assert read(folder / "labels.jsonl")[0]["id"] == "drones"


def test_a_file_where_the_folder_should_be_is_refused(imported, officer, tmp_path):
    imported_record_check(actor=officer, record=imported["drones"], wanted={})
    (tmp_path / "checked").write_text("", encoding="utf-8")

    with pytest.raises(CommandError, match="is a file, not a folder"):
        export(tmp_path / "checked")


def test_nothing_checked_is_an_error_with_a_reason(imported, tmp_path):
    with pytest.raises(CommandError, match="No imported record has been checked by staff yet"):
        export(tmp_path / "checked")


def test_records_changed_since_their_check_are_left_out_and_counted(imported, officer, tmp_path):
    for record in imported.values():
        imported_record_check(actor=officer, record=record, wanted={})
    tasers = imported["tasers"]
    reread = {**tasers.extracted, "record": {**tasers.extracted["record"], "ncnd": True}}
    ImportedRecord.objects.filter(pk=tasers.pk).update(extracted=reread)  # as --refresh would

    said = export(tmp_path / "checked")

    assert "1 checked record written" in said and "1 left out: changed since" in said
    assert [label["id"] for label in read(tmp_path / "checked" / "labels.jsonl")] == ["drones"]


def test_ids_two_authorities_share_are_made_unique(imported, officer, tmp_path):
    other = imported["tasers"]
    ImportedRecord.objects.filter(pk=other.pk).update(source_id="drones")
    for record in ImportedRecord.objects.all():
        imported_record_check(actor=officer, record=record, wanted={})

    export(tmp_path / "checked")

    ids = [page["id"] for page in read(tmp_path / "checked" / "pages.jsonl")]
    assert ids == [f"record-{imported['drones'].pk}", f"record-{other.pk}"]
