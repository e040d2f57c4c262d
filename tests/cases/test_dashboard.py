"""The staff dashboard: overdue, due soon, and counts by state, officer and department.

"Today" is frozen at Wednesday 12 March 2025. Monday 17 March is St Patrick's Day, a bank
holiday in Northern Ireland: it stops the FOIA and EIR clocks (FOIA s10(6), any part of the UK)
but not the FOISA clock (s73, Scottish holidays only). So five working days from today end on
Thursday 20 March under FOIA and EIR, and on Wednesday 19 March under FOISA.
"""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from foidesk.accounts.models import Role
from foidesk.cases.models import ClockEventKind, Department
from foidesk.cases.services import NewQuestion, clock_event_record
from tests.conftest import log_request as log
from tests.conftest import respond

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2025, 3, 12, 12, 0, tzinfo=LONDON)
URL = reverse("cases:dashboard")


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def register(make_staff, officer):
    """A small register with known figures (see each request's comment)."""
    sam = make_staff("sam", Role.FOI_OFFICER)
    sam.first_name, sam.last_name = "Sam", "Okafor"
    sam.save()
    psd = Department.objects.create(name="Professional Standards")
    hr = Department.objects.create(name="Human Resources")
    Department.objects.create(name="Finance")
    r = {}
    # Overdue since 30 January, two questions with Professional Standards.
    r["late"] = log(
        officer,
        title="Dismissals",
        received=date(2025, 1, 2),
        officer=officer,
        questions=[
            NewQuestion(text="How many officers were dismissed?", department=psd),
            NewQuestion(text="For what?", department=psd),
        ],
    )
    # Due yesterday (11 March): overdue by one day.
    r["late_by_a_day"] = log(officer, title="Tasers", received=date(2025, 2, 11), officer=officer)
    # Due today: due soon, not overdue.
    r["due_today"] = log(officer, title="Drones", received=date(2025, 2, 12))
    # FOIA, due Thursday 20 March: the last day of the FOIA window, so due soon.
    r["foia_20th"] = log(
        officer,
        title="Overtime",
        received=date(2025, 2, 19),
        officer=sam,
        questions=[
            NewQuestion(text="Overtime paid?", department=hr),
            NewQuestion(text="Complaints about overtime?", department=psd),
        ],
    )
    # FOISA, due Thursday 20 March: one day past the FOISA window, so not due soon.
    r["foisa_20th"] = log(
        officer, title="Stop and search", received=date(2025, 2, 20), regime="foisa"
    )
    # Long overdue but answered: not overdue.
    r["answered"] = log(
        officer,
        title="Budgets",
        received=date(2025, 1, 2),
        officer=officer,
        questions=[NewQuestion(text="Budget?", department=hr)],
    )
    respond(r["answered"], officer=officer)
    # Long past its due date but waiting for clarification: the clock is stopped.
    r["paused"] = log(officer, title="Vehicles", received=date(2025, 1, 3), officer=sam)
    clock_event_record(
        actor=officer,
        request=r["paused"],
        kind=ClockEventKind.CLARIFICATION_SOUGHT,
        on=date(2025, 1, 6),
    )
    # EIR, received yesterday: due 9 April, neither overdue nor due soon.
    r["fresh"] = log(officer, title="Air quality", received=date(2025, 3, 11), regime="eir")
    for key, due in {
        "late": date(2025, 1, 30),
        "late_by_a_day": date(2025, 3, 11),
        "due_today": date(2025, 3, 12),
        "foia_20th": date(2025, 3, 20),
        "foisa_20th": date(2025, 3, 20),
        "fresh": date(2025, 4, 9),
    }.items():
        r[key].refresh_from_db()
        assert r[key].due_date == due, key
    r.update(sam=sam, psd=psd, hr=hr)
    return r


def section(body: str, element_id: str) -> str:
    """The HTML from the element with ``element_id`` to the next heading or table."""
    start = body.index(f'id="{element_id}"')
    end = re.compile(r"<h2 |<table ").search(body, start + 1)
    return body[start : end.start() if end else len(body)]


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_department_contact_is_sent_to_their_questions(client, make_staff):
    client.force_login(make_staff("contact", Role.DEPARTMENT_CONTACT))
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:my-questions")


@pytest.mark.parametrize("role", [Role.FOI_OFFICER, Role.DECISION_MAKER, Role.READ_ONLY])
def test_register_roles_see_the_dashboard(client, make_staff, role):
    client.force_login(make_staff("someone", role))
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["nav_section"] == "dashboard"
    body = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Dashboard</h1>' in body
    assert "No request is overdue." in body
    assert "Wednesday 12 March 2025" in body


def test_overdue_lists_open_running_requests_past_their_due_date(officer_client, register):
    figures = officer_client.get(URL).context["figures"]
    overdue = [row.request.reference for row in figures.overdue]
    # Most overdue first; answered and paused requests are not chased.
    assert overdue == [register["late"].reference, register["late_by_a_day"].reference]
    assert figures.overdue_count == 2
    assert all(row.due_status == "overdue" for row in figures.overdue)


def test_due_soon_uses_each_regimes_own_working_days(officer_client, register):
    response = officer_client.get(URL)
    figures = response.context["figures"]
    due_soon = [row.request.reference for row in figures.due_soon]
    # Due today counts as due soon; FOIA's 20 March is in (17 March is a NI holiday), FOISA's
    # 20 March is out (17 March is a Scottish working day).
    assert due_soon == [register["due_today"].reference, register["foia_20th"].reference]
    assert figures.due_soon_count == 2
    assert figures.due_soon_cutoffs == {
        "foia": date(2025, 3, 20),
        "eir": date(2025, 3, 20),
        "foisa": date(2025, 3, 19),
    }
    body = response.content.decode()
    assert "Wednesday 19 March (FOISA); Thursday 20 March (FOIA and EIR)" in body


def test_counts_by_state_link_to_the_filtered_list(officer_client, register):
    response = officer_client.get(URL)
    counts = {c.state: c.count for c in response.context["figures"].by_state}
    assert counts["received"] == 6
    assert counts["responded"] == 1
    assert counts["awaiting_clarification"] == 1
    assert counts["closed"] == 0
    assert sum(counts.values()) == 8
    assert response.context["figures"].open_count == 7
    body = section(response.content.decode(), "by-state")
    assert 'href="/staff/requests/?state=received">6<' in body
    assert 'href="/staff/requests/?state=responded">1<' in body


def test_counts_by_officer_are_open_requests_with_their_overdue(officer_client, register):
    response = officer_client.get(URL)
    by_officer = [(c.name, c.open, c.overdue) for c in response.context["figures"].by_officer]
    assert by_officer == [
        ("Priya Shah", 2, 2),  # late, late_by_a_day (the answered one is not open)
        ("Sam Okafor", 2, 0),  # foia_20th, paused
        ("Not assigned", 3, 0),  # due_today, foisa_20th, fresh
    ]
    body = section(response.content.decode(), "by-officer")
    officer_id = response.wsgi_request.user.pk
    assert f'href="/staff/requests/?officer={officer_id}&amp;state=open&amp;sort=due">2<' in body
    assert f'href="/staff/requests/?officer={officer_id}&amp;due=overdue&amp;sort=due">2<' in body
    assert 'href="/staff/requests/?officer=none&amp;state=open&amp;sort=due">3<' in body


def test_counts_by_department_are_open_questions(officer_client, register):
    response = officer_client.get(URL)
    by_department = [
        (c.department.name, c.open_requests, c.waiting_questions)
        for c in response.context["figures"].by_department
    ]
    assert by_department == [
        ("Finance", 0, 0),
        ("Human Resources", 1, 1),  # foia_20th; the answered request's question is not open
        ("Professional Standards", 2, 3),  # late (two questions) and foia_20th
    ]
    body = section(response.content.decode(), "by-department")
    psd = register["psd"].pk
    assert f'href="/staff/requests/?department={psd}&amp;state=open&amp;sort=due">2<' in body


def test_dashboard_counts_agree_with_the_lists_they_link_to(officer_client, register):
    """Follow every count of requests: the list it links to shows exactly that many."""
    body = officer_client.get(URL).content.decode()
    # The department table's last column counts questions, not requests: checked separately.
    body = body[: body.index('id="by-department"')]
    links = re.findall(r'href="(/staff/requests/\?[^"]+)">([\d,]+)<', body)
    assert len(links) >= 10
    for href, shown in links:
        listed = officer_client.get(href.replace("&amp;", "&"))
        assert listed.status_code == 200, href
        assert listed.context["page_obj"].paginator.count == int(shown.replace(",", "")), href


def test_department_count_links_to_its_open_requests(officer_client, register):
    psd = register["psd"].pk
    listed = officer_client.get(f"/staff/requests/?department={psd}&state=open&sort=due")
    references = [row.request.reference for row in listed.context["rows"]]
    assert references == [register["late"].reference, register["foia_20th"].reference]


def test_dashboard_is_applicant_blind(officer_client, register):
    body = officer_client.get(URL).content.decode()
    assert "Jo Requester" not in body
    assert "jo.requester@example.org" not in body


def test_dashboard_lists_at_most_ten_and_links_to_the_rest(officer_client, officer):
    for n in range(12):
        log(officer, title=f"Old request {n}", received=date(2025, 1, 6))
    response = officer_client.get(URL)
    figures = response.context["figures"]
    assert len(figures.overdue) == 10
    assert figures.overdue_count == 12
    assert 'href="/staff/requests/?due=overdue&amp;sort=due">View all 12 overdue requests</a>' in (
        response.content.decode()
    )


def test_dashboard_queries_do_not_grow_with_the_register(
    officer_client, officer, django_assert_max_num_queries
):
    for n in range(3):
        log(officer, title=f"Small {n}", received=date(2025, 1, 6), officer=officer)
    with django_assert_max_num_queries(12) as small:
        officer_client.get(URL)
    for n in range(30):
        log(officer, title=f"Large {n}", received=date(2025, 2, 12 + n % 5), officer=officer)
    with django_assert_max_num_queries(len(small.captured_queries)):
        officer_client.get(URL)
