"""The paragraph library pages: search by provision and topic, versions, where used."""

import re

import pytest

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.decisions import services
from foidesk.decisions.models import LibraryParagraph

LIBRARY = "/staff/library/"


@pytest.fixture
def paragraphs(officer):
    made = {}
    for key, written_for, topic, section, text in [
        (
            "officer-investigations-harm",
            ["foia:s31(3)", "foia:s30(3)"],
            "Harm: confirming investigations of officers",
            "evidence_of_harm",
            "Confirming would alert suspects to investigations.",
        ),
        (
            "crime-prevention-against",
            ["foia:s31(1)(a)"],
            "Against disclosure: prevention of crime",
            "factors_against",
            "Disclosure would help offenders plan crime.",
        ),
        (
            "scottish-law-enforcement",
            ["foisa:s35(1)(a)"],
            "Against disclosure: Scottish law enforcement",
            "factors_against",
            "Substantial prejudice to the prevention of crime.",
        ),
    ]:
        made[key] = services.library_paragraph_save(
            actor=officer,
            key=key,
            written_for=written_for,
            topic=topic,
            section=section,
            text=text,
        )
    return made


def get(client, query=""):
    response = client.get(LIBRARY + query)
    return response, response.content.decode()


def test_library_lists_every_current_paragraph(officer_client, paragraphs):
    response, body = get(officer_client)
    assert response.status_code == 200
    assert "3 paragraphs" in body
    for topic in (
        "Harm: confirming investigations of officers",
        "Against disclosure: prevention of crime",
        "Against disclosure: Scottish law enforcement",
    ):
        assert topic in body
    assert "FOIA s31(3), FOIA s30(3)" in body
    assert "Used in" in body and "0 responses" in body
    assert "Write a new library paragraph" in body


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("?provision=s31", ["prevention of crime", "investigations of officers"], ["Scottish"]),
        ("?provision=foia:s31(3)", ["investigations of officers"], ["prevention of crime"]),
        ("?provision=s30(3)", ["investigations of officers"], ["prevention of crime"]),
        ("?provision=foisa:s35", ["Scottish"], ["investigations of officers"]),
        ("?topic=offenders", ["prevention of crime"], ["investigations of officers"]),
        ("?topic=ALERT+suspects", ["investigations of officers"], ["prevention of crime"]),
        ("?section=factors_against", ["prevention of crime", "Scottish"], ["of officers"]),
        ("?provision=s31&topic=crime&section=factors_against", ["prevention of crime"], ["Scot"]),
    ],
)
def test_library_search_by_provision_topic_and_section(
    officer_client, paragraphs, query, found, not_found
):
    response, body = get(officer_client, query)
    assert response.status_code == 200
    results = body.split('id="results"')[1].split("Add a paragraph")[0]
    for text in found:
        assert text in results
    for text in not_found:
        assert text not in results


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?provision=nonsense", "is not a provision"),
        ("?provision=foia:s99", "is not in the exemption catalogue"),
        ("?section=balance", "Choose a section"),
    ],
)
def test_bad_library_search_is_400(officer_client, paragraphs, query, message):
    response, body = get(officer_client, query)
    assert response.status_code == 400
    assert message in body
    assert "There is a problem" in body


def test_officer_adds_a_paragraph(officer_client):
    response = officer_client.post(
        f"{LIBRARY}new/",
        {
            "new-key": "s38-ncnd-safety",
            "new-topic": "Against confirming: safety of individuals",
            "new-section": "factors_against",
            "new-written_for": "s38(2), foia:s38(1)(b)",
            "new-text": "Confirming could place individuals at risk.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{LIBRARY}s38-ncnd-safety/"
    paragraph = LibraryParagraph.objects.get()
    assert paragraph.written_for == ["foia:s38(2)", "foia:s38(1)(b)"]
    assert (paragraph.version, paragraph.is_current) == (1, True)
    assert AuditEvent.objects.filter(event_type="library.paragraph_saved").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"new-key": ""}, "Enter a key"),
        ({"new-key": "has spaces"}, "can only use letters, numbers, hyphens"),
        ({"new-key": "officer-investigations-harm"}, "already exists"),
        ({"new-key": "new"}, "is reserved"),
        ({"new-topic": ""}, "Enter the topic"),
        ({"new-section": "balance"}, "Choose a section"),
        ({"new-written_for": ""}, "Say which provisions the paragraph was written for"),
        ({"new-written_for": "foia:s99"}, "is not in the exemption catalogue"),
        ({"new-written_for": "rubbish"}, "is not a provision"),
        ({"new-text": "  "}, "Enter the paragraph"),
    ],
)
def test_bad_new_paragraphs_are_400_and_save_nothing(officer_client, paragraphs, data, message):
    before = LibraryParagraph.objects.count()
    fields = {
        "new-key": "fresh-key",
        "new-topic": "A topic",
        "new-section": "factors_for",
        "new-written_for": "foia:s31(3)",
        "new-text": "Some text.",
        **data,
    }
    response = officer_client.post(f"{LIBRARY}new/", fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert LibraryParagraph.objects.count() == before


def test_new_version_keeps_the_old_one(officer_client, paragraphs):
    key = "crime-prevention-against"
    response = officer_client.get(f"{LIBRARY}{key}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disclosure would help offenders plan crime." in body
    assert "Save a new version" in body
    data = {
        "version-topic": "Against disclosure: prevention of crime",
        "version-section": "factors_against",
        "version-written_for": "foia:s31(1)(a), foia:s31(1)(b)",
        "version-text": "Disclosure would help offenders plan and commit crime.",
    }
    response = officer_client.post(f"{LIBRARY}{key}/", data)
    assert response.status_code == 302
    versions = list(LibraryParagraph.objects.filter(key=key).order_by("version"))
    assert [(v.version, v.is_current) for v in versions] == [(1, False), (2, True)]
    assert versions[0].text == "Disclosure would help offenders plan crime."
    body = officer_client.get(f"{LIBRARY}{key}/").content.decode()
    assert "Version 2 saved" in body
    assert "Version 2 (current)" in body and "Version 1," in body
    response = officer_client.post(f"{LIBRARY}{key}/", data)
    assert response.status_code == 302
    assert LibraryParagraph.objects.filter(key=key).count() == 2
    assert "Nothing changed: version 2 is still current" in (
        officer_client.get(f"{LIBRARY}{key}/").content.decode()
    )


def test_a_new_version_from_a_page_opened_before_anothers_version_is_refused(
    officer_client, paragraphs, make_staff
):
    """Two officers revising one paragraph: the second, from a page showing version 1, would
    replace the colleague's version 2 with a revision of version 1; it is refused instead."""
    key = "crime-prevention-against"
    body = officer_client.get(f"{LIBRARY}{key}/").content.decode()
    match = re.search(r'name="version-based_on" value="(\d+)"', body)
    assert match and match.group(1) == "1"
    services.library_paragraph_save(
        actor=make_staff("colleague", Role.FOI_OFFICER),
        key=key,
        written_for=["foia:s31(1)(a)"],
        topic="Against disclosure: prevention of crime",
        section="factors_against",
        text="Disclosure would help offenders plan crime and evade detection.",
    )
    data = {
        "version-based_on": "1",
        "version-topic": "Against disclosure: prevention of crime",
        "version-section": "factors_against",
        "version-written_for": "foia:s31(1)(a)",
        "version-text": "Disclosure would help offenders.",
    }
    response = officer_client.post(f"{LIBRARY}{key}/", data)
    assert response.status_code == 400
    assert "Version 2 has been saved since you opened version 1" in response.content.decode()
    current = LibraryParagraph.objects.get(key=key, is_current=True)
    assert (current.version, current.text) == (
        2,
        "Disclosure would help offenders plan crime and evade detection.",
    )
    response = officer_client.post(f"{LIBRARY}{key}/", {**data, "version-based_on": "2"})
    assert response.status_code == 302
    assert LibraryParagraph.objects.get(key=key, is_current=True).version == 3


def test_bad_new_version_is_400(officer_client, paragraphs):
    key = "crime-prevention-against"
    response = officer_client.post(
        f"{LIBRARY}{key}/",
        {"version-topic": "", "version-section": "x", "version-written_for": "s31(1)(a)"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter the topic" in body and "Enter the paragraph" in body
    assert LibraryParagraph.objects.filter(key=key).count() == 1


def test_unknown_paragraph_is_404(officer_client):
    assert officer_client.get(f"{LIBRARY}no-such-key/").status_code == 404
    assert officer_client.post(f"{LIBRARY}no-such-key/", {}).status_code == 404


def test_where_used_lists_each_response(officer_client, make_request, officer, paragraphs):
    harm = paragraphs["officer-investigations-harm"]
    used = []
    for title in ("Officer misconduct", "Police staff investigations"):
        case = make_request(title=title, questions=["How many?"])
        test = services.test_save(actor=officer, request=case, provision="foia:s31(3)", kind="ncnd")
        services.test_paragraph_add(
            actor=officer, test=test, section="evidence_of_harm", library_paragraph=harm
        )
        used.append(case)
    _, body = get(officer_client)
    assert "2 responses" in body
    body = officer_client.get(f"{LIBRARY}{harm.key}/").content.decode()
    assert "In 2 responses." in body
    for case in used:
        assert f'href="/staff/requests/{case.slug}/response/">{case.reference}</a>' in body
        assert case.title in body
    assert "foia:s31(3) (ncnd)" in body


@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY])
def test_other_register_roles_read_but_cannot_edit(client, make_staff, paragraphs, role):
    client.force_login(make_staff("reader", role))
    response, body = get(client)
    assert response.status_code == 200
    assert "Harm: confirming investigations of officers" in body
    assert "Write a new library paragraph" not in body
    key = "crime-prevention-against"
    assert "Save a new version" not in client.get(f"{LIBRARY}{key}/").content.decode()
    before = LibraryParagraph.objects.count()
    data = {"new-key": "x", "new-topic": "t", "new-section": "factors_for"}
    assert client.post(f"{LIBRARY}new/", data).status_code == 404
    assert client.post(f"{LIBRARY}{key}/", {"version-topic": "t"}).status_code == 404
    assert LibraryParagraph.objects.count() == before


def test_department_contacts_and_anonymous_users_cannot_read(client, make_staff, paragraphs):
    response = client.get(LIBRARY)
    assert response.status_code == 302
    client.force_login(make_staff("psd", Role.DEPARTMENT_CONTACT))
    assert client.get(LIBRARY).status_code == 404
    assert client.get(f"{LIBRARY}crime-prevention-against/").status_code == 404
