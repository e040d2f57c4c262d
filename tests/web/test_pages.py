"""The page shell: public home, sign-in, staff home, security headers."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_public_home_needs_no_sign_in(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Freedom of Information</h1>' in body
    assert 'href="/deadlines/when-is-my-answer-due/"' in body
    assert "Staff sign in" in body


def test_staff_home_sends_strangers_to_sign_in(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_sign_in_with_right_password_reaches_staff_home(client, officer):
    response = client.post(
        reverse("accounts:sign-in"), {"username": "officer", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("cases:dashboard")
    assert "Signed in as Priya Shah" in response.content.decode()


def test_sign_in_with_wrong_password_says_so_and_signs_nobody_in(client, officer):
    response = client.post(
        reverse("accounts:sign-in"), {"username": "officer", "password": "wrong"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter a correct username and password" in body
    assert "_auth_user_id" not in client.session


def test_empty_sign_in_names_each_missing_field(client):
    body = client.post(reverse("accounts:sign-in"), {}).content.decode()
    assert "Enter your username" in body
    assert "Enter your password" in body


def test_sign_out_is_a_post_and_ends_the_session(officer_client):
    assert officer_client.get(reverse("accounts:sign-out")).status_code == 405
    response = officer_client.post(reverse("accounts:sign-out"))
    assert response.status_code == 302
    assert "_auth_user_id" not in officer_client.session


def test_pages_carry_a_content_security_policy_with_a_script_nonce(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()


def test_unknown_page_is_a_404(client):
    assert client.get("/no-such-page/").status_code == 404


def test_a_page_that_is_not_there_is_the_services_own_page_not_found(client):
    response = client.get("/disclosure-log/no-such-answer/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "<title>Page not found – " in body
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in body
    assert 'href="/disclosure-log/"' in body
    assert "Staff sign in" in body


def test_a_failure_or_an_unreadable_request_is_the_services_own_page(rf):
    """Django renders these without the request's context (the failure may be in it), so the
    page stands without the service name from the database or a signed-in user."""
    from django.views.defaults import bad_request, server_error

    failed = server_error(rf.get("/staff/"))
    assert failed.status_code == 500
    body = failed.content.decode()
    assert "<title>Sorry, there is a problem with the service – Freedom of Information" in body
    assert "If you were saving something, it was not saved." in body
    unreadable = bad_request(rf.post("/staff/"), exception=None)
    assert unreadable.status_code == 400
    assert "Nothing was saved." in unreadable.content.decode()
