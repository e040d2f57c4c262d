"""The public disclosure log in a real browser: search, filter, open an entry, download an
attachment and page through results, with JavaScript on and off; and axe-core on the log and
an entry (the deadline calculator's pages are checked in test_public_pages).

The entries are made the only way real ones are: logged, answered, approved, sent and then
published through the services.
"""

import csv
import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from foidesk.accounts.models import Role, User
from foidesk.cases.services import NewRequester
from foidesk.decisions.services import attachment_add
from foidesk.disclosure.services import publication_publish
from tests.disclosure.conftest import answer as answer_request
from tests.disclosure.conftest import log as log_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = b"Financial year,Taser drawn,Taser fired\r\n2021/22,412,31\r\n2022/23,455,27\r\n"


def answer(
    officer,
    approver,
    *,
    title,
    request_text,
    received,
    sent,
    outcome="disclosed",
    text="Please find the information below.",
    topics=(),
    attachment=None,
):
    """Log a request, answer it, have it approved, record it as sent on ``sent`` and publish
    it in the disclosure log under ``topics``; ``attachment`` (name, bytes) goes out with it."""
    request = log_request(
        officer,
        title=title,
        text=request_text,
        questions=(request_text,),
        received=received,
        requester=NewRequester(name="Jo Requester", email="jo.requester@example.org"),
    )

    def attach(case) -> None:
        name, content = attachment
        attachment_add(
            actor=officer,
            request=case,
            uploaded_file=SimpleUploadedFile(name, content, content_type="text/csv"),
            question_numbers=[1],
        )

    request = answer_request(
        request,
        officer=officer,
        approver=approver,
        decisions=((outcome, [], text),),
        sent_on=sent,
        before_sending=attach if attachment is not None else None,
    )
    return publication_publish(actor=officer, request=request, new_topics=topics)


@pytest.fixture
def staff(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    officer = User.objects.create_user("officer", role=Role.FOI_OFFICER)
    approver = User.objects.create_user("approver", role=Role.DECISION_MAKER)
    return officer, approver


@pytest.fixture
def log(staff):
    """Four entries over two years. Only "Taser deployments" has an attachment; "Police
    vehicle fleet" mentions Tasers once, in its request, and was answered later, so a search
    for taser ranks it below "Taser deployments" although newest first it would come first."""
    officer, approver = staff
    entries = {
        "taser": answer(
            officer,
            approver,
            title="Taser deployments",
            request_text="How many times did officers draw or fire a Taser in each year?",
            received=dt.date(2023, 1, 20),
            sent=dt.date(2023, 2, 10),
            text="The Taser figures are in the attached spreadsheet.",
            topics=["Use of force"],
            attachment=("taser-deployments.csv", CSV),
        ),
        "speed": answer(
            officer,
            approver,
            title="Speed camera income",
            request_text="How much money did fixed speed cameras raise last year?",
            received=dt.date(2024, 3, 4),
            sent=dt.date(2024, 3, 28),
            outcome="not_held",
            text="We do not hold this information: fines are paid to the courts.",
            topics=["Roads policing"],
        ),
        "fleet": answer(
            officer,
            approver,
            title="Police vehicle fleet",
            request_text="How many marked cars does the force run, and how many carry a "
            "Taser safe?",
            received=dt.date(2024, 5, 1),
            sent=dt.date(2024, 5, 20),
            text="The force runs 212 marked cars.",
            topics=["Roads policing"],
        ),
        "dogs": answer(
            officer,
            approver,
            title="Police dogs",
            request_text="How many police dogs does the force have?",
            received=dt.date(2024, 6, 3),
            sent=dt.date(2024, 6, 14),
            text="The force has 18 police dogs.",
        ),
    }
    return entries


def expect_results(page, titles: list[str]) -> None:
    """The results listed are these titles, in this order (waiting for the page to load)."""
    expect(page.locator(".app-log-result h3")).to_have_text(titles)


def search(page, words: str) -> None:
    page.goto("/")
    page.get_by_role("link", name="Disclosure log").first.click()
    page.get_by_label("Search the disclosure log").fill(words)
    page.get_by_role("button", name="Search").click()


def open_entry_and_check_it(page, entry) -> None:
    page.get_by_role("link", name="Taser deployments").click()
    expect(page).to_have_url(re.compile(rf"/disclosure-log/{entry.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Taser deployments ({entry.reference})"
    )
    # The request as received and the response as sent.
    main = page.locator("main")
    expect(main).to_contain_text("How many times did officers draw or fire a Taser in each year?")
    expect(main).to_contain_text("The Taser figures are in the attached spreadsheet.")
    facts = page.locator(".app-entry-facts .govuk-summary-list__row")
    expect(facts.filter(has_text="Received")).to_contain_text("20 January 2023")
    expect(facts.filter(has_text="Answered")).to_contain_text("10 February 2023")
    expect(facts.filter(has_text="Outcome")).to_contain_text("Information disclosed")
    expect(facts.filter(has_text="Topics")).to_contain_text("Use of force")
    # Nothing of who asked.
    expect(main).not_to_contain_text("Jo Requester")
    expect(main).not_to_contain_text("jo.requester@example.org")
    expect(page.get_by_role("heading", name="Download the attachments")).to_be_visible()
    expect(page.get_by_role("link", name="taser-deployments.csv")).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_search_open_an_entry_and_download_its_attachment(request, javascript, log):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    search(page, "taser")
    expect(page).to_have_url(re.compile(r"/disclosure-log/\?q=taser"))
    expect(page.locator("#results-heading")).to_contain_text("2 entries")
    expect(page.locator("#results-heading")).to_contain_text("matching “taser”, best match first")
    # Best match first: the title counts most, so the older entry comes before the newer one.
    expect_results(page, ["Taser deployments", "Police vehicle fleet"])
    expect(page.get_by_label("Search the disclosure log")).to_have_value("taser")
    open_entry_and_check_it(page, log["taser"])

    with page.expect_download() as info:
        page.get_by_role("link", name="taser-deployments.csv").click()
    download = info.value
    assert download.suggested_filename == "taser-deployments.csv"
    with open(download.path(), "rb") as handle:
        assert handle.read() == CSV


def test_filters_narrow_the_log_without_javascript(page_without_js, log):
    page = page_without_js
    page.goto("/disclosure-log/")
    expect(page.locator("#results-heading")).to_contain_text("4 entries")
    expect(page.locator("#results-heading")).to_contain_text("newest first")
    expect_results(
        page,
        [
            "Police dogs",
            "Police vehicle fleet",
            "Speed camera income",
            "Taser deployments",
        ],
    )

    page.get_by_label("Topic").select_option(label="Roads policing")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"[?&]topic=roads-policing"))
    expect_results(page, ["Police vehicle fleet", "Speed camera income"])
    expect(page.get_by_label("Topic")).to_have_value("roads-policing")
    # The data links carry the same filter.
    with page.expect_download() as info:
        page.get_by_role("link", name="Download these results as CSV").click()
    with open(info.value.path(), newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["title"] for row in rows) == ["Police vehicle fleet", "Speed camera income"]
    expect(page.get_by_role("link", name="feed for this topic")).to_have_attribute(
        "href", "/disclosure-log/topics/roads-policing/feed/"
    )
    expect(
        page.get_by_role("link", name="The same search in the open data API (JSON)")
    ).to_have_attribute("href", re.compile(r"^/api/v1/entries/\?.*\btopic=roads-policing\b"))

    page.get_by_label("Outcome").select_option(label="Information not held")
    page.get_by_role("button", name="Search").click()
    expect_results(page, ["Speed camera income"])
    expect(page.locator(".app-log-result__outcome")).to_have_text("Information not held")

    page.get_by_role("link", name="Clear search and filters").click()
    page.get_by_label("Year answered").select_option("2023")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#results-heading")).to_contain_text("1 entry")
    expect_results(page, ["Taser deployments"])


def test_search_and_a_filter_together_and_no_results(page, log):
    page.goto("/disclosure-log/")
    page.get_by_label("Search the disclosure log").fill("police")
    page.get_by_label("Year answered").select_option("2024")
    page.get_by_label("Topic").select_option(label="Roads policing")
    page.get_by_role("button", name="Search").click()
    expect_results(page, ["Police vehicle fleet"])

    page.get_by_label("Search the disclosure log").fill("helicopter")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#results-heading")).to_contain_text("No entries found")
    expect(page.get_by_text("Try fewer or different words, or remove a filter.")).to_be_visible()
    expect(page.locator(".app-log-results")).to_have_count(0)


def test_pagination_to_the_second_page_without_javascript(page_without_js, axe, staff, log):
    officer, approver = staff
    # Seventeen more entries, answered after the first four: twenty-one in all, so the oldest
    # (Taser deployments) is alone on page 2.
    for number in range(1, 18):
        answer(
            officer,
            approver,
            title=f"Station opening hours {number}",
            request_text=f"What were the opening hours of station {number}?",
            received=dt.date(2024, 7, 1),
            sent=dt.date(2024, 7, 1) + dt.timedelta(days=number),
        )
    first_page = [f"Station opening hours {number}" for number in range(17, 0, -1)] + [
        "Police dogs",
        "Police vehicle fleet",
        "Speed camera income",
    ]
    page = page_without_js
    page.goto("/disclosure-log/")
    expect(page.locator("#results-heading")).to_contain_text("21 entries")
    expect_results(page, first_page)

    pages = page.get_by_role("navigation", name="Pages of results")
    expect(pages.get_by_role("link", name="Page 1")).to_have_attribute("aria-current", "page")
    pages.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"[?&]page=2"))
    expect(page).to_have_title(re.compile(r"^Disclosure log \(page 2 of 2\) – "))
    expect_results(page, ["Taser deployments"])
    expect(pages.get_by_role("link", name="Page 2")).to_have_attribute("aria-current", "page")
    pages.get_by_role("link", name="Previous page").click()
    expect_results(page, first_page)
    # The pagination component passes axe too.
    assert axe("/disclosure-log/?page=2") == []


def test_an_invalid_filter_or_page_is_an_error_on_the_page(page_without_js, log):
    page = page_without_js
    response = page.goto("/disclosure-log/?q=taser&year=1999")
    assert response.status == 400
    expect(page).to_have_title(re.compile(r"^Disclosure log \(error\) – "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    summary.get_by_role("link", name="Choose a year from the list").click()
    expect(page).to_have_url(re.compile(r"#id_year$"))
    expect(page.locator("#id_year-error")).to_have_text("Error: Choose a year from the list")
    # What was typed is kept; correcting the year runs the search.
    expect(page.get_by_label("Search the disclosure log")).to_have_value("taser")
    page.get_by_label("Year answered").select_option("2023")
    page.get_by_role("button", name="Search").click()
    expect_results(page, ["Taser deployments"])

    # A page that is not a number: the summary's link leads to a way back to the first page.
    response = page.goto("/disclosure-log/?topic=roads-policing&page=abc")
    assert response.status == 400
    page.locator(".govuk-error-summary").get_by_role(
        "link", name="The page must be a whole number"
    ).click()
    target = page.locator("#id_page")
    expect(target).to_contain_text("There is no page “abc” of results.")
    target.get_by_role("link", name="Go to the first page").click()
    expect(page).to_have_url(re.compile(r"/disclosure-log/\?topic=roads-policing$"))
    expect_results(page, ["Police vehicle fleet", "Speed camera income"])


def test_the_log_and_an_entry_have_no_serious_accessibility_failures(axe, log):
    paths = [
        "/disclosure-log/?q=taser&topic=use-of-force",
        # The error state: two errors in the summary and one beside its field.
        "/disclosure-log/?year=1999&page=abc",
        f"/disclosure-log/{log['taser'].slug}/",
    ]
    assert {path: axe(path) for path in paths} == {path: [] for path in paths}
