"""The draft response previews over HTTP: the page, the PDF and the Word file for those who may
open the case; the same 404 for everyone else and for a case that does not exist."""

import io

import docx
import pytest
from django.urls import reverse

from foidesk.accounts.models import Role

from .test_export_response import REQUESTER, build_seed_case

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
VIEWS = ["decisions:preview-html", "decisions:preview-pdf", "decisions:preview-docx"]


@pytest.fixture
def seed_case(officer):
    return build_seed_case(officer)


def url(name: str, slug: str = "190A-23") -> str:
    return reverse(name, kwargs={"slug": slug})


def test_officer_previews_the_draft_as_a_page(officer_client, seed_case):
    response = officer_client.get(url("decisions:preview-html"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert '<h1 class="govuk-heading-l">Officer alleged sexual offences' in page
    assert "Prejudice Test / Public Interest Test" in page
    assert "In relation to Question 1 and 2. West Midlands Police will neither confirm" in page
    assert f'href="{url("decisions:preview-pdf")}"' in page
    assert f'href="{url("decisions:preview-docx")}"' in page
    assert "<style" not in page  # GOV.UK styles only: the page's CSP allows no inline style
    for detail in REQUESTER:
        assert detail not in page


def test_officer_downloads_the_pdf(officer_client, seed_case):
    response = officer_client.get(url("decisions:preview-pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="190A-23-response.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_officer_downloads_the_word_document(officer_client, seed_case):
    response = officer_client.get(url("decisions:preview-docx"))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="190A-23-response.docx"'
    document = docx.Document(io.BytesIO(response.content))
    assert document.core_properties.author == "West Midlands Police"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Section 30 – Factors favouring confirming or denying" in text
    for detail in (*REQUESTER, "Priya", "Shah"):  # nor the officer who drafted it
        assert detail not in text
    props = document.core_properties
    assert "Shah" not in f"{props.author}{props.last_modified_by}{props.comments}"


@pytest.mark.parametrize("role", [Role.DECISION_MAKER, Role.READ_ONLY])
def test_other_register_roles_may_preview(client, make_staff, seed_case, role):
    client.force_login(make_staff("someone", role))
    for name in VIEWS:
        assert client.get(url(name)).status_code == 200


@pytest.mark.parametrize("name", VIEWS)
def test_department_contact_gets_404(client, make_staff, seed_case, name):
    client.force_login(make_staff("contact", Role.DEPARTMENT_CONTACT))
    assert client.get(url(name)).status_code == 404


@pytest.mark.parametrize("name", VIEWS)
def test_anonymous_is_sent_to_sign_in(client, seed_case, name):
    response = client.get(url(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("name", VIEWS)
def test_missing_request_is_404(officer_client, name):
    assert officer_client.get(url(name, slug="999Z-99")).status_code == 404


@pytest.mark.parametrize("name", VIEWS)
def test_invalid_draft_shows_its_problems_with_400(officer_client, seed_case, name):
    from foidesk.decisions.models import Decision

    # Not possible through the services: a stored provision the format does not accept.
    Decision.objects.filter(request=seed_case).update(provisions=[{"id": "section 30"}])
    response = officer_client.get(url(name))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "The response cannot be shown yet" in page
    assert "decisions[0].provisions[0]" in page


def test_previews_are_read_only(officer_client, seed_case):
    assert officer_client.post(url("decisions:preview-pdf")).status_code == 405


def test_a_decision_with_control_characters_still_gives_a_word_document(officer_client, seed_case):
    decision = seed_case.decisions.first()
    decision.text = "Pasted from Word:\x0bthe second line\x0c\x01."
    decision.save(update_fields=["text"])

    response = officer_client.get(url("decisions:preview-docx"))

    assert response.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Pasted from Word:\nthe second line\n." in text
