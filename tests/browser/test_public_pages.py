"""The public pages in a real browser: journeys without JavaScript, and accessibility."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_deadline_calculator_journey_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/")
    page.get_by_role("link", name="Work out when your answer is due").click()
    page.get_by_label("Freedom of Information Act 2000").check()
    page.get_by_label("Day").first.fill("20")
    page.get_by_label("Month").first.fill("1")
    page.get_by_label("Year").first.fill("2023")
    page.get_by_role("button", name="Work out the date").click()
    # Received Fri 20 Jan 2023: day 1 is Mon 23 Jan, day 20 is Fri 17 Feb 2023.
    expect(
        page.get_by_role("heading", level=2, name="Your answer is due by Friday 17 February 2023")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="How this was worked out")).to_be_visible()


def test_deadline_calculator_shows_errors_in_a_summary(page_without_js):
    page = page_without_js
    page.goto(
        "/deadlines/when-is-my-answer-due/?regime=foia&received_day=31&received_month=2"
        "&received_year=2023"
    )
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert "must be a real date" in summary.inner_text()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/deadlines/when-is-my-answer-due/",
        "/deadlines/when-is-my-answer-due/?regime=foia&received_day=20&received_month=12"
        "&received_year=2024",
        "/deadlines/when-is-my-answer-due/?regime=eir&received_day=99&received_month=1"
        "&received_year=2023",
        "/accounts/sign-in/",
    ],
)
def test_public_pages_have_no_serious_accessibility_failures(axe, path):
    assert axe(path) == []
