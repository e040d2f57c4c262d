"""The safety scan where it matters: a file is scanned when it is attached, a hostile file is
refused with nothing stored, the scan's errors block sending for approval and approval itself,
and cleaning a file removes what it can and lets the response go on."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.cases.services import request_transition
from foidesk.decisions.models import ResponseAttachment
from foidesk.decisions.services import (
    DecisionError,
    attachment_add,
    attachment_blockers,
    attachment_clean,
    decision_save,
    response_approve,
    response_submit,
)
from tests.decisions.test_attachments import pdf_bytes, stored


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def case(make_request, officer):
    request = make_request(title="Dismissals", questions=["How many officers were dismissed?"])
    request_transition(actor=officer, request=request, to_state="drafting")
    request.refresh_from_db()
    decision_save(
        actor=officer,
        request=request,
        question_numbers=[1],
        outcome="disclosed",
        text="Please see the attached table.",
        figures_given=True,
        reveals_held=True,
    )
    return request


def workbook(*, hidden_sheet: bool = False, text: str = "2022/23") -> bytes:
    book = Workbook()
    book.active.title = "Table"
    book.active.append(["Financial year", "Dismissed"])
    book.active.append([text, 11])
    book.properties.creator = "A. Analyst"
    if hidden_sheet:
        source = book.create_sheet("Source data")
        source.append(["Officer", "Outcome"])
        source.append(["PC 1234 Smith", "Dismissed"])
        source.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def attach(case, officer, name, content):
    return attachment_add(
        actor=officer,
        request=case,
        uploaded_file=SimpleUploadedFile(name, content),
        question_numbers=[1],
    )


def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_is_stored(
    case, officer, media
):
    with pytest.raises(DecisionError, match="table.xlsx was not attached: .*content is PDF"):
        attach(case, officer, "table.xlsx", pdf_bytes())
    assert ResponseAttachment.objects.count() == 0
    assert stored(media) == []
    assert not AuditEvent.objects.filter(event_type="attachment.added").exists()


def test_a_macro_enabled_workbook_is_refused(case, officer, media):
    content = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(io.BytesIO(workbook())) as source, zipfile.ZipFile(content, "w") as out:
        for item in source.infolist():
            out.writestr(item, source.read(item.filename))
        out.writestr("xl/vbaProject.bin", b"\x00" * 64)
    with pytest.raises(DecisionError, match="macro"):
        attach(case, officer, "table.xlsx", content.getvalue())
    assert stored(media) == []


def test_a_hidden_sheet_blocks_approval_until_the_file_is_cleaned(case, officer, make_staff):
    attachment = attach(case, officer, "table.xlsx", workbook(hidden_sheet=True))

    codes = {f["code"] for f in attachment.scan_errors}
    assert {"hidden_sheet", "metadata"} <= codes
    hidden = next(f for f in attachment.scan_errors if f["code"] == "hidden_sheet")
    assert "Source data" in hidden["where"]
    assert attachment_blockers(case)
    with pytest.raises(DecisionError, match="safety scan found problems in the attached files"):
        response_submit(actor=officer, request=case)

    cleaned = attachment_clean(actor=officer, attachment=attachment)

    assert cleaned.scan_errors == []
    with cleaned.file.open("rb") as handle:
        book = load_workbook(handle)
    assert book.sheetnames == ["Table"]
    # openpyxl reports "openpyxl" when a file has no creator at all.
    assert book.properties.creator in (None, "", "openpyxl")
    event = AuditEvent.objects.get(event_type="attachment.cleaned")
    assert {"hidden_sheet", "metadata"} <= set(event.detail["removed"])
    version = response_submit(actor=officer, request=case)
    response_approve(actor=make_staff("approver", Role.DECISION_MAKER), request=case)
    version.refresh_from_db()
    assert version.status == "approved"


def test_the_requesters_name_in_a_file_is_listed_for_review_without_showing_it(case, officer):
    name = case.requester.name
    attachment = attach(case, officer, "table.xlsx", workbook(text=f"Prepared for {name}"))

    warning = next(f for f in attachment.scan_warnings if f["code"] == "requester_name")
    assert "Table" in warning["where"]
    assert name.lower() not in warning["message"].lower()
    for part in name.split():
        if len(part) > 2:
            assert part.lower() not in warning["message"].lower()


def test_what_cleaning_cannot_fix_still_blocks(case, officer):
    """Hidden rows are not removed by cleaning (deleting rows could break the table), so the
    file still blocks until it is replaced."""
    book = Workbook()
    book.active.append(["Financial year", "Dismissed"])
    book.active.append(["2022/23", 11])
    book.active.append(["2021/22", 3])
    book.active.row_dimensions[3].hidden = True
    book.properties.creator = ""
    out = io.BytesIO()
    book.save(out)
    attachment = attach(case, officer, "table.xlsx", out.getvalue())

    assert [f["code"] for f in attachment.scan_errors] == ["hidden_rows"]
    assert not attachment.can_clean
    with pytest.raises(DecisionError, match="Nothing in table.xlsx can be cleaned"):
        attachment_clean(actor=officer, attachment=attachment)
    with pytest.raises(DecisionError, match="hidden"):
        response_submit(actor=officer, request=case)


def test_the_response_page_shows_the_findings_and_cleans_a_file(case, officer, officer_client):
    attachment = attach(case, officer, "table.xlsx", workbook(hidden_sheet=True))
    page = officer_client.get(f"/staff/requests/{case.slug}/response/").content.decode()

    assert "Blocks approval" in page
    assert "Source data" in page
    assert f"attachments/{attachment.pk}/clean/" in page
    assert "clean or replace them before sending the response for approval" in page

    response = officer_client.post(
        f"/staff/requests/{case.slug}/response/attachments/{attachment.pk}/clean/"
    )

    assert response.status_code == 302
    page = officer_client.get(f"/staff/requests/{case.slug}/response/").content.decode()
    assert "Blocks approval" not in page
    assert "No hidden content, metadata or formulas found" in page
