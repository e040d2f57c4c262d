"""Statistics tables, the attachment safety scan and publishing to the disclosure log, in a
real browser as an FOI officer: register a data set from an uploaded CSV, define a table for a
question with the server-side preview and attach it; clean a workbook with a hidden sheet;
publish a sent response; and axe-core on each of those pages.

Everything is set up through the real services, and the journeys go through the real pages.
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from foidesk.accounts.models import Role, User
from foidesk.cases.services import NewQuestion, NewRequester, request_create, request_transition
from foidesk.decisions.models import ResponseAttachment
from foidesk.decisions.services import attachment_add, decision_save
from foidesk.disclosure.models import Publication
from foidesk.statistics.models import Dataset, SavedTable
from tests.browser.conftest import AXE, serious_violations
from tests.browser.test_staff_pages import sign_in
from tests.conftest import respond
from tests.decisions.test_attachment_scan import workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONDON = ZoneInfo("Europe/London")
REQUESTER = "Wilhelmina Fairweather-Browne"

#: Misconduct outcomes over three financial years. Dismissals: 6 in 2021/22, 2 in 2022/23
#: (fewer than five, so withheld) and 5 in 2023/24 (withheld as well, so that the total does
#: not give the 2 away); the other outcomes are filtered out.
DISMISSALS = {"2021-05-04": 6, "2022-06-10": 2, "2023-09-01": 5}
OTHERS = {"2021-07-01": 3, "2022-11-15": 4, "2024-01-20": 2}


def misconduct_csv() -> bytes:
    lines = ["Case,Date recorded,Role,Outcome"]
    number = 0
    for outcomes, outcome in ((DISMISSALS, "Dismissed"), (OTHERS, "Written warning")):
        for day, count in outcomes.items():
            for i in range(count):
                number += 1
                role = "Police officer" if i % 2 else "Police staff"
                lines.append(f"PSD-{number:03},{day},{role},{outcome}")
    return ("\r\n".join(lines) + "\r\n").encode()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATASET_DATABASES = [f"sqlite:///{tmp_path}"]
    return settings.MEDIA_ROOT


def log(officer, title: str, question: str):
    return request_create(
        actor=officer,
        title=title,
        received_at=dt.datetime(2024, 5, 2, 10, 14, tzinfo=LONDON),
        regime="foia",
        channel="email",
        request_text=f"{question}\n\nYours faithfully,\n{REQUESTER}",
        requester=NewRequester(name=REQUESTER, email="wfb@example.org"),
        questions=[NewQuestion(text=question)],
    )


@pytest.fixture
def drafting(officer):
    """A request being drafted, with one question about dismissals."""
    case = log(
        officer,
        "Misconduct dismissals",
        "How many police officers and staff were dismissed in each financial year?",
    )
    request_transition(actor=officer, request=case, to_state="drafting")
    case.refresh_from_db()
    return case


@pytest.fixture
def sent(officer):
    """A request answered, approved and sent, not yet in the disclosure log. The requester
    signs the request with their name, so publishing proposes to redact it."""
    case = log(officer, "Taser training", "How many officers are trained to carry a Taser?")
    approver = User.objects.create_user("approver", role=Role.DECISION_MAKER)
    return respond(case, officer=officer, approver=approver)


def decide(case, officer) -> None:
    decision_save(
        actor=officer,
        request=case,
        question_numbers=[1],
        outcome="disclosed",
        text="Please see the attached table.",
        figures_given=True,
        reveals_held=True,
    )


def attachment_row(page, name: str):
    return page.locator(".govuk-summary-list__row", has=page.get_by_role("link", name=name))


# --- journeys -----------------------------------------------------------------------------------


def test_register_a_data_set_define_a_table_and_attach_it_without_javascript(
    page_without_js, officer, drafting
):
    page = page_without_js
    sign_in(page, "officer")

    # Register the data set from an uploaded CSV.
    page.goto("/staff/statistics/")
    expect(page.get_by_text("No data sets are registered yet.")).to_be_visible()
    page.get_by_role("link", name="Register a data set").click()
    page.get_by_label("Name").fill("Misconduct outcomes")
    page.get_by_label("Description").fill("One row per misconduct case, from Centurion.")
    page.get_by_label("A CSV or XLSX file").set_input_files(
        files=[{"name": "misconduct.csv", "mimeType": "text/csv", "buffer": misconduct_csv()}]
    )
    page.get_by_role("button", name="Register the data set").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Registered Misconduct outcomes (version 1): 22 rows. Check the kind of each column."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Misconduct outcomes")
    columns = page.locator("#columns + form table tbody tr")
    expect(columns.locator("th")).to_have_text(["Case", "Date recorded", "Role", "Outcome"])
    expect(page.get_by_label("Date recorded")).to_have_value("date")
    expect(page.get_by_label("Outcome")).to_have_value("text")
    dataset = Dataset.objects.get()
    assert (dataset.name, dataset.row_count) == ("Misconduct outcomes", 22)

    # Define the table for the question, from the response page.
    page.goto(f"/staff/requests/{drafting.slug}/response/")
    page.get_by_role("link", name="Statistics table for question 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistics table for question 1")
    expect(page.get_by_label("Data set")).to_have_value(str(dataset.pk))
    page.get_by_label("Title", exact=True).fill("Officers and staff dismissed")
    page.get_by_label("Rows: column").select_option(label="Date recorded")
    page.get_by_label("Rows: grouped by").select_option(label="Financial year (April to March)")
    page.get_by_label("Rows: heading").fill("Financial year")
    page.get_by_label("Filter 1: column").select_option(label="Outcome")
    page.get_by_label("Filter 1: condition").select_option(label="is")
    page.get_by_label("Filter 1: value").fill("Dismissed")
    page.get_by_label("Each figure").select_option(label="Count the records")
    page.get_by_role("button", name="Preview").click()

    expect(page).to_have_url(re.compile(r"/questions/1/table/\?.*#preview$"))
    expect(page.get_by_role("heading", name="Preview: the table as it will go out")).to_be_visible()
    preview = page.locator("#preview + table")
    expect(preview.locator("caption")).to_have_text("Officers and staff dismissed")
    body = preview.locator("tbody tr")
    expect(body.locator("th")).to_have_text(["2021/22", "2022/23", "2023/24", "Total"])
    expect(body.nth(0).locator("td")).to_have_text("6")
    # The 2 dismissals of 2022/23 are withheld: marked, with the reason for staff.
    withheld = body.nth(1).locator("td")
    expect(withheld.locator(".govuk-tag--red")).to_have_text("<5")
    expect(withheld).to_contain_text("(withheld, primary)")
    expect(withheld).not_to_contain_text("2")
    # With the total shown, 2023/24 is withheld too, or the total would give 2022/23 away.
    secondary = body.nth(2).locator("td")
    expect(secondary.locator(".govuk-tag--orange")).to_have_text("*")
    expect(secondary).to_contain_text("(withheld, secondary)")
    expect(body.nth(3).locator("td")).to_have_text("13")
    expect(page.get_by_text("13 of 22 records counted")).to_be_visible()
    expect(page.get_by_role("heading", name="Figures withheld")).to_be_visible()
    reasons = page.locator("#withheld + p + table tbody tr")
    expect(reasons).to_have_count(2)
    expect(reasons.locator("td:nth-child(1)")).to_have_text(
        [re.compile("2022/23"), re.compile("2023/24")]
    )
    expect(reasons.locator("td:nth-child(2)")).to_have_text(["2", "5"])
    expect(reasons.locator("td:nth-child(3)")).to_have_text(["<5", "*"])
    expect(reasons.nth(0).locator("td").nth(3)).not_to_be_empty()

    # Attach: back on the response page with both files, scanned and clean.
    page.get_by_role("button", name="Attach to question 1").click()
    expect(page).to_have_url(re.compile(rf"/staff/requests/{drafting.slug}/response/#attachments$"))
    files = ResponseAttachment.objects.filter(request=drafting).order_by("name")
    names = [a.name for a in files]
    assert [name.rsplit(".", 1)[1] for name in names] == ["csv", "xlsx"]
    expect(page.get_by_text(f"Attached {names[0]} and {names[1]} for question 1")).to_be_visible()
    for name in names:
        row = attachment_row(page, name)
        expect(row).to_contain_text("For question 1")
        expect(row.locator(".govuk-tag--green")).to_have_text("Scanned")
        expect(row).to_contain_text("No hidden content, metadata or formulas found.")
        expect(row).not_to_contain_text("Blocks approval")
    saved = SavedTable.objects.get()
    assert (saved.question.number, saved.dataset) == (1, dataset)
    assert all(not a.scan_errors for a in files)


def test_a_hidden_sheet_blocks_approval_until_it_is_cleaned(page, officer, drafting):
    decide(drafting, officer)
    sign_in(page, "officer")
    page.goto(f"/staff/requests/{drafting.slug}/response/")
    page.get_by_label("File", exact=True).set_input_files(
        files=[
            {
                "name": "dismissals.xlsx",
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": workbook(hidden_sheet=True),
            }
        ]
    )
    page.get_by_label("Question 1", exact=True).check()
    page.get_by_role("button", name="Attach the file").click()

    row = attachment_row(page, "dismissals.xlsx")
    expect(row).to_contain_text("For question 1")
    expect(row.locator(".govuk-tag--red")).to_have_text("Blocks approval")
    expect(row.locator(".app-scan-findings")).to_contain_text("Source data")
    expect(row.locator(".app-scan-findings li").filter(has_text="Source data")).to_contain_text(
        "can be cleaned"
    )
    attachment = ResponseAttachment.objects.get(request=drafting)
    assert "hidden_sheet" in {f["code"] for f in attachment.scan_errors}

    row.get_by_role("button", name="Clean dismissals.xlsx").click()
    row = attachment_row(page, "dismissals.xlsx")
    expect(row.locator(".govuk-tag--green")).to_have_text("Scanned")
    expect(row).not_to_contain_text("Blocks approval")
    expect(row).not_to_contain_text("Source data")
    expect(row.get_by_role("button", name="Clean dismissals.xlsx")).to_have_count(0)
    attachment.refresh_from_db()
    assert attachment.scan_errors == []


def test_publish_a_sent_response_to_the_disclosure_log_without_javascript(
    page_without_js, officer, sent
):
    page = page_without_js
    sign_in(page, "officer")
    page.goto(sent.get_absolute_url())
    page.get_by_role("link", name="Publish, correct or withdraw in the disclosure log").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Disclosure log")
    expect(page.get_by_text(f"{sent.reference} is not in the disclosure log.")).to_be_visible()

    # Each proposal by its reason and the words around it, never the words removed.
    proposals = page.get_by_role("group", name="Proposed redactions").locator(
        ".govuk-checkboxes__item"
    )
    expect(proposals.first).to_be_visible()
    expect(proposals.filter(has_text="The requester's name")).not_to_have_count(0)
    for checkbox in proposals.locator("input").all():
        expect(checkbox).to_be_checked()
    content = page.content()
    for part in ("Wilhelmina", "Fairweather", "wfb@example.org"):
        assert part not in content, part

    page.get_by_label("New topics").fill("Use of force")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(
        page.get_by_text(f"{sent.reference} is in the disclosure log (version 1)")
    ).to_be_visible()
    publication = Publication.objects.get(request=sent, is_current=True)
    page.get_by_role("link", name="See the public entry").click()
    expect(page).to_have_url(re.compile(rf"/disclosure-log/{publication.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Taser training")
    main = page.locator("main")
    expect(main).to_contain_text("How many officers are trained to carry a Taser?")
    expect(main).to_contain_text("Use of force")
    for part in ("Wilhelmina", "Fairweather", "wfb@example.org"):
        expect(main).not_to_contain_text(part)


# --- accessibility ------------------------------------------------------------------------------


@pytest.fixture
def axe_tab(chromium, live_server, officer):
    """A signed-in officer's tab that can run axe-core on whatever page it is on."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make assets` (npm ci) first")
    source = AXE.read_text()
    context = chromium.new_context(base_url=live_server.url, bypass_csp=True)
    tab = context.new_page()
    sign_in(tab, "officer")

    tab.violations = lambda: serious_violations(tab, source)
    yield tab
    context.close()


def test_statistics_scan_and_publishing_pages_have_no_serious_accessibility_failures(
    axe_tab, officer, drafting, sent
):
    tab = axe_tab
    found = {}

    tab.goto("/staff/statistics/")
    found["dataset list, empty"] = tab.violations()

    tab.goto("/staff/statistics/datasets/new/")
    tab.get_by_role("button", name="Register the data set").click()
    expect(tab.locator(".govuk-error-summary")).to_contain_text("Give the data set a name")
    found["register, error"] = tab.violations()

    tab.get_by_label("Name").fill("Misconduct outcomes")
    tab.get_by_label("A CSV or XLSX file").set_input_files(
        files=[{"name": "misconduct.csv", "mimeType": "text/csv", "buffer": misconduct_csv()}]
    )
    tab.get_by_role("button", name="Register the data set").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Misconduct outcomes")
    found["dataset page, kinds form"] = tab.violations()

    tab.goto("/staff/statistics/")
    found["dataset list"] = tab.violations()
    tab.goto("/staff/statistics/policy/")
    found["policy"] = tab.violations()

    dataset = Dataset.objects.get()
    tab.goto(
        f"/staff/requests/{drafting.slug}/questions/1/table/?dataset={dataset.pk}"
        "&title=Dismissed&row_column=date_recorded&row_grouping=financial_year"
        "&filter_0_column=outcome&filter_0_op=eq&filter_0_value=Dismissed"
        "&measure=count_records&include_totals=on"
    )
    expect(tab.locator("#preview + table .govuk-tag").first).to_be_visible()
    found["table with preview"] = tab.violations()
    # The same form with an error beside a field.
    tab.goto(f"/staff/requests/{drafting.slug}/questions/1/table/?dataset={dataset.pk}&title=")
    expect(tab.locator(".govuk-error-summary")).to_contain_text("Give the table a title")
    found["table, error"] = tab.violations()
    # A filter without a value: the error is beside the field and describes it.
    tab.goto(
        f"/staff/requests/{drafting.slug}/questions/1/table/?dataset={dataset.pk}"
        "&title=Dismissed&filter_0_column=outcome&filter_0_op=eq&filter_0_value="
    )
    summary = tab.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Give the value to compare with")).to_have_attribute(
        "href", "#id_filter_0_value"
    )
    expect(tab.get_by_label("Filter 1: value")).to_have_accessible_description(
        "Error: Give the value to compare with"
    )
    expect(tab.locator("#preview")).to_have_count(0)
    found["table, filter error"] = tab.violations()

    decide(drafting, officer)
    attachment_add(
        actor=officer,
        request=drafting,
        uploaded_file=SimpleUploadedFile("dismissals.xlsx", workbook(hidden_sheet=True)),
        question_numbers=[1],
    )
    tab.goto(f"/staff/requests/{drafting.slug}/response/")
    expect(tab.get_by_text("Blocks approval")).to_be_visible()
    found["response with scan findings"] = tab.violations()

    tab.goto(f"/staff/requests/{sent.slug}/disclosure-log/")
    expect(tab.get_by_role("group", name="Proposed redactions")).to_be_visible()
    found["publish"] = tab.violations()

    assert found == {name: [] for name in found}
