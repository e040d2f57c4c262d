"""Publishing to the disclosure log, correcting and withdrawing, through the services and the
staff page: what is stored is exactly the approved, sent response with the requester removed;
a correction is a new version and the old one stays on record; nothing is written when
publishing is refused."""

import copy
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.cases.models import Request
from foidesk.cases.services import NewRequester, request_transition
from foidesk.cases.states import RequestState
from foidesk.decisions.models import SignOffStatus
from foidesk.decisions.services import attachment_add, attachment_remove
from foidesk.disclosure import services
from foidesk.disclosure.models import (
    FacetKind,
    Publication,
    PublishedAttachment,
    RedactionRule,
    RedactionScope,
    Topic,
)
from foidesk.disclosure.redaction import REDACTED
from tests.safety.builders import docx_titled

from .conftest import DISCLOSED, NCND, PERSONAL, answer, log

ZEB = NewRequester(
    name="Zebedee Quillfeather",
    email="zeb.quill@quillmail.example",
    phone="07700 900123",
    address="12 Harbour Row\nPortwen\nTR9 4XY",
)
REQUEST_TEXT = (
    "From: Zebedee Quillfeather <zeb.quill@quillmail.example>\n"
    "Sent: 3 January 2023 09:12\n"
    "To: FOI Team <foi@police.example>\n"
    "Subject: Taser use\n"
    "\n"
    "Dear FOI team,\n"
    "\n"
    "I, Zebedee Quillfeather, would like to know how many times Tasers were drawn in 2022, "
    "and how many officers were dismissed.\n"
    "You can call me on 07700 900123.\n"
    "\n"
    "Yours faithfully,\n"
    "Zebedee Quillfeather\n"
    "12 Harbour Row, Portwen TR9 4XY\n"
)
PUBLISHED_TEXT = (
    f"From: {REDACTED}\n"
    "Sent: 3 January 2023 09:12\n"
    f"To: {REDACTED}\n"
    "Subject: Taser use\n"
    "\n"
    "Dear FOI team,\n"
    "\n"
    f"I, {REDACTED}, would like to know how many times Tasers were drawn in 2022, "
    "and how many officers were dismissed.\n"
    f"You can call me on {REDACTED}.\n"
    "\n"
    "Yours faithfully,\n"
    f"{REDACTED}"  # the register keeps the text without its final line break
)
QUESTIONS = (
    "How many times were Tasers drawn in 2022?",
    "How many officers were dismissed, as Mr Quillfeather asked before?",
)
CSV = b"Year,Taser drawn\r\n2022,41\r\n"
ZEB_STRINGS = ("quillfeather", "zebedee", "quillmail", "900123", "harbour row", "tr9 4xy")


def staff_url(case):
    return reverse("disclosure:publish", args=[case.slug])


def attach(officer, name="tasers.csv", content=CSV):
    def run(case):
        attachment_add(
            actor=officer,
            request=case,
            uploaded_file=SimpleUploadedFile(name, content),
            question_numbers=[1],
        )

    return run


@pytest.fixture
def case(officer, approver):
    """Zebedee's request, answered (one disclosure with a file, one refusal) and sent."""
    logged = log(
        officer,
        title="Taser use and dismissals",
        text=REQUEST_TEXT,
        questions=QUESTIONS,
        requester=ZEB,
    )
    return answer(
        logged,
        officer=officer,
        approver=approver,
        decisions=(DISCLOSED, PERSONAL),
        before_sending=attach(officer),
    )


def keys(case, *, without_reason=None):
    draft = services.publication_draft(case)
    return [m.key for m in draft.matches if m.rule.reason != without_reason]


def assert_nothing_written(media):
    assert Publication.objects.count() == 0
    assert PublishedAttachment.objects.count() == 0
    assert RedactionRule.objects.count() == 0
    assert Topic.objects.count() == 0
    assert not AuditEvent.objects.filter(event_type__startswith="publication.").exists()
    assert not AuditEvent.objects.filter(event_type__startswith="redaction_rule.").exists()
    assert not (media / "published").exists() or not any((media / "published").rglob("*.*"))


# --- the staff page ------------------------------------------------------------------------


def test_the_page_proposes_redactions_without_showing_who_asked(officer_client, case):
    response = officer_client.get(staff_url(case))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Publish this response" in page
    assert "The requester&#x27;s name" in page or "The requester's name" in page
    assert "A quoted email header naming the sender or recipient" in page
    assert "A signature after the closing of a letter" in page
    # Applicant-blind: neither the proposals' context nor the preview shows the requester.
    lowered = page.lower()
    for detail in ZEB_STRINGS:
        assert detail not in lowered
    # Every proposal is ticked to begin with.
    assert page.count('name="keep"') == len(keys(case))
    assert page.count(" checked>") >= len(keys(case))


def test_publishing_stores_the_approved_response_as_sent_with_redactions(
    officer_client, officer, case, media
):
    response = officer_client.post(
        staff_url(case),
        {"keep": keys(case), "new_topics": "Use of force, Professional standards"},
    )
    assert response.status_code == 302
    publication = Publication.objects.get()
    approved = case.versions.get(status=SignOffStatus.APPROVED)

    expected = copy.deepcopy(approved.snapshot)
    expected["dates"]["sent"] = case.responded_on.isoformat()
    expected["request"]["text"] = PUBLISHED_TEXT
    expected["request"]["questions"][1]["text"] = (
        f"How many officers were dismissed, as Mr {REDACTED} asked before?"
    )
    assert publication.snapshot == expected
    assert publication.request_text == PUBLISHED_TEXT
    assert "Please find the information below." in publication.response_text
    assert "section 40(2)" in publication.response_text
    assert (publication.version, publication.is_current, publication.withdrawn_at) == (
        1,
        True,
        None,
    )
    assert publication.slug == case.slug and publication.reference == case.reference
    assert publication.title == "Taser use and dismissals"
    assert publication.responded_on == case.responded_on
    assert publication.year == case.responded_on.year
    assert publication.outcome == "partly_disclosed"
    assert publication.ncnd is False
    assert publication.published_by == officer
    assert sorted(publication.topics.values_list("slug", flat=True)) == [
        "professional-standards",
        "use-of-force",
    ]
    assert set(publication.facets.values_list("kind", "value")) == {
        (FacetKind.PROVISION, "foia:s40(2)"),
        (FacetKind.QUESTION_OUTCOME, "disclosed"),
        (FacetKind.QUESTION_OUTCOME, "exempt"),
    }
    # Where each redaction was and why, never the words removed.
    assert publication.redactions and all(
        set(r) == {"field", "start", "end", "reason"} for r in publication.redactions
    )
    assert "Quillfeather" not in str(publication.redactions)

    (copy_,) = publication.attachments.all()
    assert (copy_.name, copy_.content_type, copy_.size) == ("tasers.csv", "text/csv", len(CSV))
    assert copy_.sha256 == hashlib.sha256(CSV).hexdigest()
    assert copy_.questions == [1]
    assert copy_.file.name.startswith("published/")
    original = case.attachments.get()
    assert copy_.file.name != original.file.name
    with copy_.file.open("rb") as handle:
        assert handle.read() == CSV

    event = AuditEvent.objects.get(event_type="publication.published")
    assert (event.actor, event.request) == (officer, case)
    assert event.summary == "Published in the disclosure log (version 1)"
    assert event.detail["attachments"] == 1
    assert event.detail["redactions"] == len(publication.redactions)

    followed = officer_client.get(staff_url(case))
    assert "is in the disclosure log (version 1)" in followed.content.decode()
    assert "Publish a correction" in followed.content.decode()


def test_a_later_change_to_the_case_does_not_change_what_was_published(
    client, officer, case, publish
):
    publication = publish(case)
    (copy_,) = publication.attachments.all()
    # The case's own file and text change after publishing...
    original = case.attachments.get()
    with original.file.open("wb") as handle:
        handle.write(b"Year,Taser drawn\r\n2022,999\r\n")
    case.__class__.objects.filter(pk=case.pk).update(title="Retitled", request_text="Changed text")
    # ...the log still offers what went out.
    page = client.get(reverse("disclosure:entry", args=[case.slug])).content.decode()
    assert "Taser use and dismissals" in page and "Retitled" not in page
    assert "drawn in 2022" in page and "Changed text" not in page
    download = client.get(reverse("disclosure:attachment", args=[case.slug, 1, copy_.pk]))
    body = b"".join(download.streaming_content)
    assert body == CSV
    assert hashlib.sha256(body).hexdigest() == copy_.sha256


def _under_review(officer, case):
    request_transition(actor=officer, request=case, to_state=RequestState.INTERNAL_REVIEW)
    case.refresh_from_db()
    return case


def test_a_file_attached_after_the_response_was_sent_is_not_published(
    client, officer, case, publish
):
    """During an internal review the draft's files can change; what was sent is published."""
    case = _under_review(officer, case)
    hidden = workbook_with_hidden_sheet()
    attach(officer, name="review-workings.xlsx", content=hidden)(case)
    assert case.attachments.count() == 2
    publication = publish(case)
    assert [a.name for a in publication.attachments.all()] == ["tasers.csv"]
    page = client.get(reverse("disclosure:entry", args=[case.slug])).content.decode()
    assert "review-workings" not in page
    api = client.get(reverse("disclosure:api-entry", args=[case.slug])).json()
    assert [a["name"] for a in api["attachments"]] == ["tasers.csv"]


@pytest.mark.parametrize("replace", [False, True])
def test_a_sent_file_removed_or_replaced_since_stops_publishing(officer, case, replace):
    case = _under_review(officer, case)
    attachment_remove(actor=officer, attachment=case.attachments.get(name="tasers.csv"))
    if replace:
        attach(officer, content=b"Year,Taser drawn\r\n2022,999\r\n")(case)
    message = (
        "tasers.csv has been replaced since the response was sent"
        if replace
        else "tasers.csv was sent with the response but is no longer attached"
    )
    with pytest.raises(services.PublishError, match=message):
        services.publication_publish(actor=officer, request=case)
    assert not Publication.objects.exists()


def test_words_the_officer_adds_are_stored_as_a_rule_and_redacted(officer_client, case):
    response = officer_client.post(
        staff_url(case),
        {"keep": keys(case), "extra_text": "Taser use", "extra_reason": "Operational detail"},
    )
    assert response.status_code == 302
    rule = RedactionRule.objects.get()
    assert (rule.scope, rule.request, rule.kind) == (RedactionScope.REQUEST, case, "literal")
    assert (rule.text, rule.reason) == ("Taser use", "Operational detail")
    publication = Publication.objects.get()
    assert f"Subject: {REDACTED}" in publication.request_text
    assert AuditEvent.objects.filter(event_type="redaction_rule.added", request=case).exists()


def test_extra_words_without_a_reason_are_refused(officer_client, case, media):
    response = officer_client.post(staff_url(case), {"keep": keys(case), "extra_text": "Taser use"})
    assert response.status_code == 400
    assert "Say why these words are redacted" in response.content.decode()
    assert_nothing_written(media)


@pytest.mark.parametrize("topic", ["9" * 20, "²", "x", "999999"])
def test_a_topic_that_is_no_topic_is_refused(officer_client, case, media, topic):
    response = officer_client.post(staff_url(case), {"keep": keys(case), "topics": [topic]})
    assert response.status_code == 400
    assert "Choose topics from the list" in response.content.decode()
    assert_nothing_written(media)


# --- refusals ------------------------------------------------------------------------------


def test_unticking_the_requesters_name_is_refused_and_nothing_is_written(
    officer_client, case, media
):
    response = officer_client.post(
        staff_url(case),
        {
            "keep": keys(case, without_reason="the requester's name"),
            "new_topics": "Use of force",
            "extra_text": "Taser use",
            "extra_reason": "Operational detail",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "Not published: the requester&#x27;s name in the request text. Redact it before "
        "publishing." in page
    )
    assert_nothing_written(media)


def test_a_workbook_naming_the_requester_is_not_published(officer, approver, media):
    """The safety scan looked inside the workbook when it was attached; publishing reads it."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Prepared for", "Zebedee Quillfeather"])
    book.properties.creator = ""
    content = io.BytesIO()
    book.save(content)
    logged = log(officer, title="Taser use", text="How often were Tasers drawn?", requester=ZEB)
    case = answer(
        logged,
        officer=officer,
        approver=approver,
        decisions=(DISCLOSED,),
        before_sending=attach(officer, name="tasers.xlsx", content=content.getvalue()),
    )
    with pytest.raises(
        services.PublishError, match="the requester's name in the attachment tasers.xlsx"
    ):
        services.publication_publish(actor=officer, request=case)
    assert not Publication.objects.exists()


def _docx(*paragraphs: str) -> bytes:
    """A Word document of plain paragraphs, as a response's enclosure would be."""
    import io
    import zipfile

    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
            'application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        )
    return out.getvalue()


def workbook_with_hidden_sheet() -> bytes:
    """A workbook whose hidden sheet blocks approval (a scan error)."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.properties.creator = ""
    book.active.append(["Year", "Taser drawn"])
    book.active.append([2022, 41])
    workings = book.create_sheet("Workings")
    workings.sheet_state = "hidden"
    workings.append(["Officer notes"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _docx_titled(title: str) -> bytes:
    return docx_titled(title, "Taser drawn: 41")


def _book_with_sheet(name: str) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.properties.creator = ""
    book.active.title = name
    book.active.append(["Year", "Taser drawn"])
    book.active.append([2022, 41])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        # The requester's contact details inside a document, not only the name.
        ("letter.docx", _docx("Reply to zeb.quill@quillmail.example", "Taser drawn: 41"), "email"),
        ("letter.docx", _docx("Call 07700 900123 with questions", "Taser drawn: 41"), "phone"),
        ("letter.docx", _docx("Sent to 12 Harbour Row, Portwen", "Taser drawn: 41"), "address"),
        # The name surname first, split over a CSV's columns, or in the file's name.
        ("tasers.csv", b"Asked by,Quillfeather, Zebedee\r\n2022,41\r\n", "name"),
        ("tasers.csv", b"First,Last\r\nZebedee,Quillfeather\r\n", "name"),
        ("zebedee_quillfeather_tasers.csv", CSV, "name"),
        # In the file's properties or its sheet names, which the checks do not read as text.
        ("letter.docx", _docx_titled("Reply to Zebedee Quillfeather"), "name"),
        ("tasers.xlsx", _book_with_sheet("Quillfeather, Zebedee"), "name"),
        # A title or an initial with the surname.
        ("tasers.csv", b"Prepared for,Mr Quillfeather\r\n2022,41\r\n", "name"),
        ("tasers.csv", b"Prepared for,Z. Quillfeather\r\n2022,41\r\n", "name"),
    ],
)
def test_a_file_holding_the_requesters_details_is_not_published(
    officer, approver, media, name, content, what
):
    logged = log(officer, title="Taser use", text="How often were Tasers drawn?", requester=ZEB)
    case = answer(
        logged,
        officer=officer,
        approver=approver,
        decisions=(DISCLOSED,),
        before_sending=attach(officer, name=name, content=content),
    )
    with pytest.raises(services.PublishError, match=f"the requester's {what}"):
        services.publication_publish(actor=officer, request=case)
    assert not Publication.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"correction_note": "Corrected after a call from Zebedee Quillfeather."},
        {"correction_note": "Corrected after a call on 07700 900123.", "what": "phone"},
        {"correction_note": "Topics corrected.", "new_topics": ["Zebedee Quillfeather"]},
        # Title or initial and surname: the correction note and topics are never redacted.
        {"correction_note": "Question 2 corrected at Mr Quillfeather's request."},
        {"correction_note": "Topics corrected.", "new_topics": ["Complaints by Z. Quillfeather"]},
    ],
)
def test_a_correction_naming_the_requester_is_not_published(officer, case, publish, change):
    publish(case)
    what = change.pop("what", "name")
    with pytest.raises(services.PublishError, match=f"the requester's {what}"):
        services.publication_publish(actor=officer, request=case, **change)
    assert Publication.objects.count() == 1
    assert not Topic.objects.filter(name__icontains="Quillfeather").exists()


def test_a_reference_naming_the_requester_is_not_published(officer, case):
    """Logging refuses such a reference (``cases.services.request_create``); one logged
    before that check, or changed since, is still never published: it is the entry's label
    and address."""
    Request.objects.filter(pk=case.pk).update(reference="FOI/Quillfeather/23")
    case.refresh_from_db()
    with pytest.raises(services.PublishError, match="the requester's name in the reference"):
        services.publication_publish(actor=officer, request=case)
    assert not Publication.objects.exists()


def test_publishing_an_unsent_request_is_refused_with_a_reason(officer_client, officer, media):
    drafting = log(officer, title="Not sent yet", requester=ZEB)
    message = (
        f"{drafting.reference} cannot be published yet: only a response that has been sent can be"
    )
    with pytest.raises(services.PublishError, match="cannot be published yet"):
        services.publication_publish(actor=officer, request=drafting)
    page = officer_client.get(staff_url(drafting)).content.decode()
    assert message in page
    assert 'name="keep"' not in page
    response = officer_client.post(staff_url(drafting), {"new_topics": "Use of force"}, follow=True)
    assert message in response.content.decode()
    assert_nothing_written(media)


def test_only_an_foi_officer_may_publish(case):
    approver = case.versions.get(status=SignOffStatus.APPROVED).decided_by
    with pytest.raises(services.PublishError, match="Only an FOI officer"):
        services.publication_publish(actor=approver, request=case)
    assert Publication.objects.count() == 0


@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY, Role.DEPARTMENT_CONTACT])
def test_other_staff_get_404_from_the_staff_pages(client, case, make_staff, role, publish):
    client.force_login(make_staff(f"someone-{role}", role))
    assert client.get(staff_url(case)).status_code == 404
    assert client.post(staff_url(case), {"keep": keys(case)}).status_code == 404
    assert Publication.objects.count() == 0
    publication = publish(case)
    withdraw_url = reverse("disclosure:withdraw", args=[case.slug])
    assert client.post(withdraw_url, {"reason": "Because"}).status_code == 404
    publication.refresh_from_db()
    assert publication.withdrawn_at is None


def test_the_public_cannot_reach_the_staff_pages(client, case):
    response = client.get(staff_url(case))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


# --- corrections ---------------------------------------------------------------------------


def test_a_correction_is_a_new_version_and_the_first_stays_on_record(
    officer_client, officer, case, client, publish
):
    first = publish(case, new_topics=["Use of force"])
    response = officer_client.post(
        staff_url(case),
        {
            "keep": keys(case),
            "topics": [t.pk for t in first.topics.all()],
            "correction_note": "Question 2 referred to an earlier request.",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second = Publication.objects.get(is_current=True)
    assert (first.version, first.is_current) == (1, False)
    assert (second.version, second.slug) == (2, first.slug)
    assert second.correction_note == "Question 2 referred to an earlier request."
    assert second.snapshot["request"] == first.snapshot["request"]

    current = client.get(reverse("disclosure:entry", args=[case.slug])).content.decode()
    assert "Correction:</strong> Question 2 referred to an earlier request." in current
    # A correction that redacts nothing the first version showed leaves it on record.
    earlier = client.get(reverse("disclosure:entry-version", args=[case.slug, 1]))
    assert earlier.status_code == 200
    assert "It has since been corrected" in earlier.content.decode()
    assert client.get(reverse("disclosure:entry-version", args=[case.slug, 2])).status_code == 200
    assert client.get(reverse("disclosure:entry-version", args=[case.slug, 3])).status_code == 404
    # The earlier version's file is still downloadable from its own address.
    (old_file,) = first.attachments.all()
    download = client.get(reverse("disclosure:attachment", args=[case.slug, 1, old_file.pk]))
    assert b"".join(download.streaming_content) == CSV

    detail = client.get(reverse("disclosure:api-entry", args=[case.slug])).json()
    assert detail["version"] == 2
    assert [v["version"] for v in detail["versions"]] == [2, 1]
    assert detail["versions"][1]["url"].endswith(f"/disclosure-log/{case.slug}/versions/1/")
    event = AuditEvent.objects.filter(event_type="publication.published").latest("id")
    assert event.summary == "Correction published in the disclosure log (version 2)"
    assert event.detail["correction_note"] == "Question 2 referred to an earlier request."


def test_a_correction_that_redacts_what_was_shown_takes_the_earlier_version_out(
    officer_client, officer, case, client, publish
):
    first = publish(case, new_topics=["Use of force"])
    assert "asked before" in first.snapshot["request"]["questions"][1]["text"]
    response = officer_client.post(
        staff_url(case),
        {
            "keep": keys(case),
            "extra_text": "asked before",
            "extra_reason": "Refers to an earlier request",
            "topics": [t.pk for t in first.topics.all()],
            "correction_note": "Question 2 referred to an earlier request.",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second = Publication.objects.get(is_current=True)
    assert second.snapshot["request"]["questions"][1]["text"] == (
        f"How many officers were dismissed, as Mr {REDACTED} {REDACTED}?"
    )
    # What the correction redacts is gone from every public address.
    assert first.withdrawn_at is not None
    assert first.withdrawn_reason == "Replaced by version 2, which redacts what it showed"
    current = client.get(reverse("disclosure:entry", args=[case.slug])).content.decode()
    assert "asked before" not in current
    assert client.get(reverse("disclosure:entry-version", args=[case.slug, 1])).status_code == 404
    (old_file,) = first.attachments.all()
    old_download = client.get(reverse("disclosure:attachment", args=[case.slug, 1, old_file.pk]))
    assert old_download.status_code == 404
    detail = client.get(reverse("disclosure:api-entry", args=[case.slug])).json()
    assert [v["version"] for v in detail["versions"]] == [2]
    event = AuditEvent.objects.get(event_type="publication.versions_withdrawn")
    assert event.detail == {"versions": [1]}
    # Staff still see it, and why it left the log.
    staff_page = officer_client.get(staff_url(case)).content.decode()
    assert "out of the log: replaced by version 2, which redacts what it showed" in staff_page


def test_a_correction_without_a_note_is_refused(officer_client, officer, case, publish):
    publish(case)
    with pytest.raises(services.PublishError, match="say what this correction changes"):
        services.publication_publish(actor=officer, request=case)
    response = officer_client.post(staff_url(case), {"keep": keys(case), "correction_note": " "})
    assert response.status_code == 400
    assert "Say what this correction changes" in response.content.decode()
    assert Publication.objects.count() == 1
    assert Publication.objects.get().is_current


# --- withdrawal ----------------------------------------------------------------------------


def test_withdrawing_makes_every_version_404_everywhere(
    officer_client, officer, case, client, publish
):
    first = publish(case, new_topics=["Use of force"])
    second = publish(case, correction_note="Topic added.")
    (copy_,) = second.attachments.all()
    public_urls = [
        reverse("disclosure:entry", args=[case.slug]),
        reverse("disclosure:entry-version", args=[case.slug, 1]),
        reverse("disclosure:entry-version", args=[case.slug, 2]),
        reverse("disclosure:attachment", args=[case.slug, 2, copy_.pk]),
        reverse("disclosure:api-entry", args=[case.slug]),
    ]
    assert all(client.get(url).status_code == 200 for url in public_urls)
    assert client.get(reverse("disclosure:topic-feed", args=["use-of-force"])).status_code == 200

    refused = officer_client.post(reverse("disclosure:withdraw", args=[case.slug]), {"reason": ""})
    assert refused.status_code == 400
    assert "Say why the entry is withdrawn" in refused.content.decode()

    response = officer_client.post(
        reverse("disclosure:withdraw", args=[case.slug]),
        {"reason": "The requester's details were in the attachment."},
    )
    assert response.status_code == 302
    for url in public_urls:
        assert client.get(url).status_code == 404, url
    api = client.get(reverse("disclosure:api-entry", args=[case.slug]))
    assert api.json() == {"error": "No such entry in the disclosure log"}
    assert client.get(reverse("disclosure:api-entries")).json()["count"] == 0
    assert case.slug not in client.get(reverse("disclosure:log")).content.decode()
    assert case.slug not in client.get(reverse("disclosure:feed")).content.decode()
    assert client.get(reverse("disclosure:api-entries"), {"q": "tasers"}).json()["count"] == 0
    # The entry's topic, on no other public entry, has gone with it (its feed named it).
    topic_feed = client.get(reverse("disclosure:topic-feed", args=["use-of-force"]))
    assert topic_feed.status_code == 404
    assert "Use of force" not in client.get(reverse("disclosure:log")).content.decode()

    second.refresh_from_db()
    assert second.withdrawn_at is not None
    assert second.withdrawn_reason == "The requester's details were in the attachment."
    event = AuditEvent.objects.get(event_type="publication.withdrawn")
    assert (event.actor, event.request) == (officer, case)
    assert event.detail == {"reason": "The requester's details were in the attachment."}
    first.refresh_from_db()
    assert first.withdrawn_at == second.withdrawn_at  # every version is withdrawn
    assert first.request_text and not first.is_current  # the record stays

    page = officer_client.get(staff_url(case)).content.decode()
    assert "Withdrawn" in page
    with pytest.raises(services.PublishError, match="already been withdrawn"):
        services.publication_withdraw(actor=officer, publication=second, reason="Again")


def test_a_withdrawn_entry_can_be_published_again_as_a_new_version(
    client, officer, case, publish, withdraw
):
    publish(case)
    withdraw(publish(case, correction_note="Topic added."))
    again = publish(case, correction_note="Republished after review.")
    assert again.version == 3
    assert client.get(reverse("disclosure:entry", args=[case.slug])).status_code == 200
    assert client.get(reverse("disclosure:api-entries"), {"q": "tasers"}).json()["count"] == 1
    # The withdrawn versions stay withdrawn, and are not listed.
    for version in (1, 2):
        url = reverse("disclosure:entry-version", args=[case.slug, version])
        assert client.get(url).status_code == 404
    detail = client.get(reverse("disclosure:api-entry", args=[case.slug])).json()
    assert [v["version"] for v in detail["versions"]] == [3]


def test_a_withdrawal_that_fails_part_way_withdraws_nothing(officer, case, publish, monkeypatch):
    publish(case)
    current = publish(case, correction_note="Topic added.")

    def fail(**kwargs):
        raise RuntimeError("the audit trail could not be written")

    monkeypatch.setattr(services, "record", fail)
    with pytest.raises(RuntimeError):
        services.publication_withdraw(actor=officer, publication=current, reason="In error")
    assert not Publication.objects.filter(withdrawn_at__isnull=False).exists()


def test_ncnd_answers_are_marked(published):
    publication = published(decisions=(NCND,), title="Surveillance of a named person")
    assert publication.ncnd is True
    assert publication.outcome == "refused"
    assert publication.facets.filter(kind=FacetKind.PROVISION, value="foia:s40(5)").exists()
