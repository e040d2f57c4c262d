"""Attachments to a response: the services (who, when, which files; all or nothing, no stray
files), the structured response and approval snapshot, and the response page through HTTP."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.cases.services import request_transition
from foidesk.decisions import services
from foidesk.decisions.compose import response_data, response_for
from foidesk.decisions.models import ResponseAttachment
from foidesk.decisions.services import (
    DecisionError,
    approved_and_current,
    attachment_add,
    attachment_remove,
    decision_save,
    response_approve,
    response_submit,
)

CSV = b"Financial year,Police officers,Police staff\r\n2022/23,11,5\r\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored(media) -> list[str]:
    """Every file under MEDIA_ROOT, relative to it."""
    if not media.exists():
        return []
    return sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())


@pytest.fixture
def case(make_request, officer):
    request = make_request(
        title="Officer misconduct",
        questions=["Live cases?", "Officers under investigation?", "Dismissals?", "A review?"],
    )
    request_transition(actor=officer, request=request, to_state="drafting")
    request.refresh_from_db()
    return request


@pytest.fixture
def other_case(make_request):
    return make_request(title="Another request", questions=["Anything?"])


@pytest.fixture
def approver(make_staff):
    return make_staff("approver", Role.DECISION_MAKER)


def xlsx_bytes() -> bytes:
    """A plain one-sheet workbook with nothing hidden in it."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Financial year", "Dismissed"])
    book.active.append(["2022/23", 11])
    book.properties.creator = ""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf_bytes() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Notes on the figures.</p>").write_pdf()


def upload(name="dismissals.csv", content=CSV):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def add(case, officer, name="dismissals.csv", content=CSV, numbers=(3, 4)):
    return attachment_add(
        actor=officer, request=case, uploaded_file=upload(name, content), question_numbers=numbers
    )


def disclose_all(case, officer):
    decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2, 3, 4],
        outcome="disclosed",
        text="Please see the attached.",
        figures_given=True,
        reveals_held=True,
    )


# --- the services --------------------------------------------------------------------------


def test_an_officer_attaches_a_file_for_some_questions(case, officer, media):
    attachment = add(case, officer, name="C:\\Users\\priya\\190A-23 dismissals.csv")
    assert attachment.name == "190A-23 dismissals.csv"  # the browser's folder is dropped
    assert attachment.content_type == "text/csv"  # from the extension, not the browser
    assert attachment.size == len(CSV)
    assert attachment.sha256 == hashlib.sha256(CSV).hexdigest()
    assert attachment.uploaded_by == officer
    assert sorted(q.number for q in attachment.questions.all()) == [3, 4]
    (path,) = stored(media)
    assert path.startswith("attachments/")
    assert (media / path).read_bytes() == CSV
    event = AuditEvent.objects.get(event_type="attachment.added")
    assert event.request == case
    assert "190A-23 dismissals.csv" in event.summary
    assert event.detail["sha256"] == attachment.sha256


def test_an_attachment_may_go_with_the_whole_response(case, officer):
    attachment = add(case, officer, numbers=())
    assert attachment.questions.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "numbers", "message"),
    [
        ("empty.csv", b"", (3,), "empty.csv is empty"),
        ("huge.csv", b"x" * (20 * 1024 * 1024 + 1), (3,), "larger than 20 MB"),
        ("macro.xlsm", CSV, (3,), "must be a CSV, XLSX, ODS, DOCX, PDF or TXT file"),
        ("run.exe", CSV, (3,), "cannot be attached"),
        ("noextension", CSV, (3,), "cannot be attached"),
        ("dismissals.csv", CSV, (3, 9), "has no question 9"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_kept(
    case, officer, media, name, content, numbers, message
):
    with pytest.raises(DecisionError, match=message):
        add(case, officer, name=name, content=content, numbers=numbers)
    assert not ResponseAttachment.objects.exists()
    assert stored(media) == []
    assert not AuditEvent.objects.filter(event_type__startswith="attachment.").exists()


def test_a_second_file_of_the_same_name_is_refused(case, officer, media):
    add(case, officer)
    with pytest.raises(DecisionError, match="already has an attachment called dismissals.csv"):
        add(case, officer)
    assert ResponseAttachment.objects.count() == 1
    assert len(stored(media)) == 1


@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY, Role.DEPARTMENT_CONTACT])
def test_only_foi_officers_attach(case, make_staff, media, role):
    with pytest.raises(DecisionError, match="Only FOI officers"):
        add(case, make_staff("someone", role))
    assert not ResponseAttachment.objects.exists()
    assert stored(media) == []


def test_nothing_is_attached_once_the_response_has_gone(case, officer, approver, media):
    from foidesk.decisions.services import response_record_sent

    disclose_all(case, officer)
    response_submit(actor=officer, request=case)
    response_approve(actor=approver, request=case)
    response_record_sent(actor=officer, request=case, sent_on=timezone.localdate())
    case.refresh_from_db()
    with pytest.raises(DecisionError, match="cannot be changed while the request is"):
        add(case, officer)
    assert not ResponseAttachment.objects.exists()
    assert stored(media) == []


def test_a_failed_write_removes_the_stored_file(case, officer, media, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the audit trail is unavailable")

    monkeypatch.setattr(services, "record", broken)
    with pytest.raises(RuntimeError):
        add(case, officer)
    assert not ResponseAttachment.objects.exists()
    assert stored(media) == []


def test_removing_an_attachment_deletes_the_row_and_the_file(
    case, officer, media, django_capture_on_commit_callbacks
):
    attachment = add(case, officer)
    assert len(stored(media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        attachment_remove(actor=officer, attachment=attachment)
    assert not ResponseAttachment.objects.exists()
    assert stored(media) == []
    assert AuditEvent.objects.filter(event_type="attachment.removed").count() == 1


def test_only_foi_officers_remove(case, officer, make_staff, media):
    attachment = add(case, officer)
    with pytest.raises(DecisionError, match="Only FOI officers"):
        attachment_remove(actor=make_staff("reader", Role.READ_ONLY), attachment=attachment)
    assert ResponseAttachment.objects.count() == 1
    assert len(stored(media)) == 1


# --- the structured response and approval --------------------------------------------------


def test_the_response_lists_attachments_by_name(case, officer):
    table = add(case, officer, name="b table.xlsx", content=xlsx_bytes(), numbers=(4, 3))
    notes = add(case, officer, name="a notes.pdf", content=pdf_bytes(), numbers=())
    data = response_data(case)
    assert data["attachments"] == [
        {"name": "a notes.pdf", "questions": [], "sha256": notes.sha256},
        {"name": "b table.xlsx", "questions": [3, 4], "sha256": table.sha256},
    ]
    response = response_for(case)  # valid structured data
    assert [a.name for a in response.attachments] == ["a notes.pdf", "b table.xlsx"]


def test_an_attachment_added_after_approval_needs_a_new_approval(case, officer, approver):
    disclose_all(case, officer)
    response_submit(actor=officer, request=case)
    version = response_approve(actor=approver, request=case)
    assert approved_and_current(case) == version
    case.refresh_from_db()
    add(case, officer)
    assert approved_and_current(case) is None
    assert services.responded_guard(case) is not None
    # Sent for approval again, the new version carries the attachment.
    again = response_submit(actor=officer, request=case)
    assert again.number == 2
    assert again.snapshot["attachments"] == [
        {"name": "dismissals.csv", "questions": [3, 4], "sha256": hashlib.sha256(CSV).hexdigest()}
    ]


def test_a_file_replaced_after_approval_needs_a_new_approval(case, officer, approver):
    """Approval covers the files as they were: removing the approved file and attaching another
    under the same name, for the same questions, is a changed response, not the approved one."""
    disclose_all(case, officer)
    approved_file = add(case, officer)
    response_submit(actor=officer, request=case)
    version = response_approve(actor=approver, request=case)
    assert version.snapshot["attachments"] == [
        {
            "name": "dismissals.csv",
            "questions": [3, 4],
            "sha256": hashlib.sha256(CSV).hexdigest(),
        }
    ]
    attachment_remove(actor=officer, attachment=approved_file)
    other = CSV.replace(b"11,5", b"12,4")
    add(case, officer, content=other)
    case.refresh_from_db()
    assert approved_and_current(case) is None
    assert "changed since it was approved" in services.responded_guard(case)
    with pytest.raises(DecisionError, match="changed since it was approved"):
        services.response_record_sent(
            actor=officer, request=case, sent_on=timezone.localdate(), version_shown=1
        )


# --- the response page ---------------------------------------------------------------------


def url(case, tail=""):
    return f"/staff/requests/{case.slug}/response/{tail}"


def test_an_officer_uploads_downloads_and_removes_through_the_page(officer_client, case, media):
    response = officer_client.post(
        url(case, "attachments/"),
        {"attachment-file": upload("190A-23 dismissals.csv"), "attachment-questions": ["3", "4"]},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#attachments")
    attachment = ResponseAttachment.objects.get()
    assert sorted(q.number for q in attachment.questions.all()) == [3, 4]

    body = officer_client.get(url(case)).content.decode()
    assert 'id="attachments"' in body
    assert "190A-23 dismissals.csv" in body
    assert "For questions 3 and 4" in body
    assert url(case, f"attachments/{attachment.pk}/") in body
    assert "Every file is scanned for hidden sheets" in body
    assert "No hidden content, metadata or formulas found" in body

    download = officer_client.get(url(case, f"attachments/{attachment.pk}/"))
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "190A-23 dismissals.csv" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == CSV

    response = officer_client.post(url(case, f"attachments/{attachment.pk}/remove/"))
    assert response.status_code == 302
    assert not ResponseAttachment.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose a file to attach"),
        ({"attachment-file": upload("run.exe")}, "run.exe cannot be attached"),
        ({"attachment-file": upload("empty.csv", b"")}, "The file is empty"),
        (
            {"attachment-file": upload(), "attachment-questions": ["9"]},
            "Select a valid choice",
        ),
    ],
)
def test_bad_uploads_show_the_error_summary_and_save_nothing(
    officer_client, case, media, data, message
):
    response = officer_client.post(url(case, "attachments/"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert message in body
    assert not ResponseAttachment.objects.exists()
    assert stored(media) == []


def test_department_contacts_cannot_reach_attachments(client, case, officer, make_staff):
    attachment = add(case, officer)
    client.force_login(make_staff("contact", Role.DEPARTMENT_CONTACT))
    assert client.get(url(case, f"attachments/{attachment.pk}/")).status_code == 404
    assert (
        client.post(url(case, "attachments/"), {"attachment-file": upload("x.csv")}).status_code
        == 404
    )
    assert client.post(url(case, f"attachments/{attachment.pk}/remove/")).status_code == 404
    assert ResponseAttachment.objects.count() == 1


def test_read_only_staff_download_but_do_not_upload_or_remove(client, case, officer, make_staff):
    attachment = add(case, officer)
    client.force_login(make_staff("reader", Role.READ_ONLY))
    body = client.get(url(case)).content.decode()
    assert "dismissals.csv" in body
    assert "Attach the file" not in body and "/remove/" not in body
    assert client.get(url(case, f"attachments/{attachment.pk}/")).status_code == 200
    assert (
        client.post(url(case, "attachments/"), {"attachment-file": upload("x.csv")}).status_code
        == 404
    )
    assert client.post(url(case, f"attachments/{attachment.pk}/remove/")).status_code == 404
    assert ResponseAttachment.objects.count() == 1


def test_another_requests_attachment_is_not_found_here(officer_client, case, other_case, officer):
    request_transition(actor=officer, request=other_case, to_state="drafting")
    other_case.refresh_from_db()
    theirs = add(other_case, officer, numbers=(1,))
    assert officer_client.get(url(case, f"attachments/{theirs.pk}/")).status_code == 404
    assert officer_client.post(url(case, f"attachments/{theirs.pk}/remove/")).status_code == 404
    assert ResponseAttachment.objects.count() == 1
