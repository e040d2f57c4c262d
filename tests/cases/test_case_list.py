"""The case list: filters, search, sorting, pagination, bad parameters and query counts.

"Today" is frozen at Wednesday 12 March 2025 (see test_dashboard.py for why that date: the
FOIA and FOISA five-working-day windows end on different days).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.urls import reverse

from foidesk.accounts.models import Role
from foidesk.cases.models import ClockEventKind, Department, Request
from foidesk.cases.selectors import _search_q
from foidesk.cases.services import (
    NewQuestion,
    clock_event_record,
)
from tests.conftest import log_request as log
from tests.conftest import respond

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2025, 3, 12, 12, 0, tzinfo=LONDON)
URL = reverse("cases:list")


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


def references(response) -> list[str]:
    return [row.request.reference for row in response.context["rows"]]


@pytest.fixture
def register(make_staff, officer):
    """Eight requests over two years, three laws, two officers and two departments."""
    sam = make_staff("sam", Role.FOI_OFFICER)
    sam.first_name, sam.last_name = "Sam", "Okafor"
    sam.save()
    psd = Department.objects.create(name="Professional Standards")
    hr = Department.objects.create(name="Human Resources")
    r = {"sam": sam, "psd": psd, "hr": hr}
    # 2024, FOIA, long responded.
    r["old"] = log(
        officer,
        title="Police dogs",
        received=date(2024, 11, 4),
        officer=sam,
        questions=[NewQuestion(text="How many dogs retired?", department=hr)],
    )
    respond(r["old"], officer=officer)
    # 2025: overdue (due 30 January), two questions that both mention misconduct.
    r["late"] = log(
        officer,
        title="Dismissals",
        received=date(2025, 1, 2),
        officer=officer,
        questions=[
            NewQuestion(text="How many gross MISCONDUCT hearings?", department=psd),
            NewQuestion(text="How many misconduct dismissals?", department=psd),
        ],
    )
    # Due today (12 March): due soon.
    r["today"] = log(officer, title="Drones", received=date(2025, 2, 12), officer=officer)
    # FOISA, due 20 March: within 20 working days, not within 5 (FOISA window ends 19 March).
    r["foisa"] = log(
        officer,
        title="Stop and search",
        received=date(2025, 2, 20),
        regime="foisa",
        questions=[NewQuestion(text="Searches by ethnicity?", department=hr)],
    )
    # FOIA, due 27 March: within 20 working days.
    r["later"] = log(officer, title="Overtime", received=date(2025, 2, 26), officer=sam)
    # EIR, due 9 April: within 20 working days (the window ends 10 April).
    r["eir"] = log(officer, title="Air quality", received=date(2025, 3, 11), regime="eir")
    # A fees notice stops the clock: no due date.
    r["fee"] = log(officer, title="Vehicle fleet", received=date(2025, 3, 3))
    clock_event_record(
        actor=officer, request=r["fee"], kind=ClockEventKind.FEE_NOTICE, on=date(2025, 3, 5)
    )
    for key in ("old", "late", "today", "foisa", "later", "eir", "fee"):
        r[key].refresh_from_db()
    assert r["late"].due_date == date(2025, 1, 30)
    assert r["today"].due_date == date(2025, 3, 12)
    assert r["foisa"].due_date == date(2025, 3, 20)
    assert r["later"].due_date == date(2025, 3, 27)
    assert r["eir"].due_date == date(2025, 4, 9)
    assert r["fee"].state == "awaiting_fee" and r["fee"].due_date is None
    return r


def refs(register, *keys) -> list[str]:
    return [register[key].reference for key in keys]


# --- who may see it -------------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_department_contact_is_sent_to_their_questions(client, make_staff):
    client.force_login(make_staff("contact", Role.DEPARTMENT_CONTACT))
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:my-questions")


@pytest.mark.parametrize("role", [Role.READ_ONLY, Role.DECISION_MAKER])
def test_other_register_roles_see_the_list(client, make_staff, register, role):
    client.force_login(make_staff("reader", role))
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["nav_section"] == "requests"
    assert len(response.context["rows"]) == 7


def test_empty_register_says_so(officer_client):
    response = officer_client.get(URL)
    assert response.status_code == 200
    assert "There are no requests in the register yet." in response.content.decode()


# --- the table ------------------------------------------------------------------------------


def test_table_shows_each_request_newest_first(officer_client, register):
    response = officer_client.get(URL)
    assert references(response) == refs(
        register, "eir", "fee", "later", "foisa", "today", "late", "old"
    )
    body = response.content.decode()
    late = register["late"]
    assert f'<a class="govuk-link" href="/staff/requests/{late.slug}/">{late.reference}</a>' in body
    assert "Dismissals" in body
    assert '<strong class="govuk-tag govuk-tag--light-blue">Received</strong>' in body
    assert '<strong class="govuk-tag govuk-tag--green">Responded</strong>' in body
    assert "Showing <strong>1</strong> to <strong>7</strong> of <strong>7</strong> requests" in body
    # Dates are written with no-break spaces so they never wrap in the table.
    assert '30\u00a0Jan\u00a02025 <strong class="govuk-tag govuk-tag--red">Overdue</strong>' in body
    assert (
        '12\u00a0Mar\u00a02025 <strong class="govuk-tag govuk-tag--yellow">Due soon</strong>'
        in body
    )
    assert body.count("govuk-tag--red") == 1
    assert body.count('govuk-tag--yellow">Due soon') == 1
    row = {r.request.reference: r for r in response.context["rows"]}
    assert row[register["foisa"].reference].due_status == ""  # 20 March: FOISA window is 19th


def test_the_list_is_applicant_blind(officer_client, register):
    body = officer_client.get(URL).content.decode()
    assert "Jo Requester" not in body
    assert "jo.requester@example.org" not in body


# --- filters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=responded", ["old"]),
        ("state=awaiting_fee", ["fee"]),
        ("state=open", ["eir", "fee", "later", "foisa", "today", "late"]),
        ("regime=foisa", ["foisa"]),
        ("regime=eir", ["eir"]),
        ("due=overdue", ["late"]),
        ("due=5", ["today"]),
        ("due=20", ["eir", "later", "foisa", "today"]),
        ("due=none", ["fee"]),
        ("year=2024", ["old"]),
        ("year=2025", ["eir", "fee", "later", "foisa", "today", "late"]),
        ("state=open&regime=foia&due=20", ["later", "today"]),
        ("officer=none", ["eir", "fee", "foisa"]),
    ],
)
def test_filters(officer_client, register, query, expected):
    response = officer_client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert references(response) == refs(register, *expected)


def test_filter_by_officer(officer_client, register, officer):
    response = officer_client.get(URL, {"officer": officer.pk})
    assert references(response) == refs(register, "today", "late")
    response = officer_client.get(URL, {"officer": register["sam"].pk})
    assert references(response) == refs(register, "later", "old")


def test_filter_by_an_officer_whose_role_has_changed(officer_client, register):
    """The dashboard links to whoever holds open requests, even if no longer an FOI officer."""
    sam = register["sam"]
    sam.role = Role.DECISION_MAKER
    sam.save()
    response = officer_client.get(URL, {"officer": sam.pk})
    assert response.status_code == 200
    assert references(response) == refs(register, "later", "old")
    assert f'<option value="{sam.pk}" selected>Sam Okafor</option>' in response.content.decode()
    # Not offered when nobody asks for them.
    assert "Sam Okafor</option>" not in officer_client.get(URL).content.decode()


def test_filter_by_department_lists_each_request_once(officer_client, register):
    response = officer_client.get(URL, {"department": register["psd"].pk})
    assert references(response) == refs(register, "late")  # two questions, one row
    response = officer_client.get(URL, {"department": register["hr"].pk})
    assert references(response) == refs(register, "foisa", "old")


def test_filters_are_kept_in_the_form(officer_client, register):
    body = officer_client.get(URL, {"state": "open", "regime": "eir", "q": "air"}).content.decode()
    assert '<option value="open" selected>Any open state</option>' in body
    assert '<option value="eir" selected>EIR</option>' in body
    assert 'name="q" type="search" value="air"' in body
    assert "Apply filters" in body
    assert 'href="/staff/requests/">Clear filters</a>' in body


def test_no_match_says_so(officer_client, register):
    response = officer_client.get(URL, {"q": "unicorns"})
    assert response.status_code == 200
    assert "No requests match these filters." in response.content.decode()


# --- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("dismissals", ["late"]),  # title, any case
        ("AIR QUAL", ["eir"]),  # title, any case
        ("misconduct", ["late"]),  # question text; two matching questions, one row
        ("ethnicity", ["foisa"]),  # question text only
        ("  drones  ", ["today"]),  # surrounding spaces ignored
    ],
)
def test_search(officer_client, register, term, expected):
    response = officer_client.get(URL, {"q": term})
    assert references(response) == refs(register, *expected)


def test_search_by_reference(officer_client, register):
    reference = register["foisa"].reference
    response = officer_client.get(URL, {"q": reference.lower()})
    assert reference in references(response)
    assert len(references(response)) == 1


def test_search_for_a_short_term_or_one_with_quotes(officer_client, register):
    # Two characters are below the trigram index's reach (migration 0004): matched directly.
    assert refs(register, "eir")[0] in references(officer_client.get(URL, {"q": "ai"}))
    # Quotes and FTS5 operators are the term's own characters, not query syntax.
    for term in ('"misconduct', "misconduct OR drones", "dogs*", "NEAR(dogs"):
        response = officer_client.get(URL, {"q": term})
        assert response.status_code == 200
        assert references(response) == []


def _index_matches_the_rows() -> None:
    """SQLite's FTS5 integrity check of the index against the rows (it catches an entry left
    stale by an update; a trigger missing altogether is caught by the test below)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO cases_request_search (cases_request_search) VALUES ('integrity-check')"
        )
        cursor.execute(
            "INSERT INTO cases_question_search (cases_question_search) VALUES ('integrity-check')"
        )


def test_search_follows_titles_and_questions_as_they_change(officer_client, register):
    """The index is kept in step by the database itself (triggers), whoever changes the row."""
    request = register["old"]
    request.title = "Retired police horses"
    request.save()
    assert references(officer_client.get(URL, {"q": "horses"})) == [request.reference]
    assert references(officer_client.get(URL, {"q": "police dogs"})) == []

    question = request.questions.get()
    question.text = "How many mounted units were disbanded?"
    question.save()
    assert references(officer_client.get(URL, {"q": "mounted units"})) == [request.reference]
    assert references(officer_client.get(URL, {"q": "dogs retired"})) == []
    _index_matches_the_rows()

    question.delete()
    _index_matches_the_rows()
    later = register["later"]
    type(later).objects.filter(pk=later.pk).update(title="Renamed by an update query")
    assert references(officer_client.get(URL, {"q": "update query"})) == [later.reference]
    _index_matches_the_rows()


def test_the_register_search_triggers_survive_every_migration():
    """SQLite rebuilds a table to alter it, which drops its triggers; a migration that does so
    to the request or question table must create them again (see ``cases`` migration 0004).
    PostgreSQL has no such tables: its index is on the columns themselves (migration 0005)."""
    tables = set(connection.introspection.table_names())
    if connection.vendor != "sqlite":
        assert "cases_request_search" not in tables
        return
    assert {"cases_request_search", "cases_question_search"} <= tables
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
    assert {
        f"cases_{table}_search_after_{event}"
        for table in ("request", "question")
        for event in ("insert", "update", "delete")
    } <= triggers


def test_the_register_search_is_served_by_its_indexes(register):
    """The search's plan looks its term up in an index on either database rather than reading
    every row: SQLite's trigram tables (migration 0004), PostgreSQL's ``pg_trgm`` indexes on
    the expressions ``icontains`` compares (migration 0005; the planner is told to avoid a
    sequential scan, which it would choose for a table this small)."""
    searched = Request.objects.filter(_search_q("misconduct"))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = searched.explain()
    if connection.vendor == "postgresql":
        for index in ("title", "reference", "question_text"):
            assert f"_{index}_trgm" in plan
        assert "Seq Scan" not in plan
    else:
        assert "VIRTUAL TABLE INDEX" in plan
        assert "cases_request_search" in plan and "cases_question_search" in plan


def test_search_combines_with_filters(officer_client, register):
    response = officer_client.get(URL, {"q": "how many", "state": "responded"})
    assert references(response) == refs(register, "old")


# --- sorting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-received", ["eir", "fee", "later", "foisa", "today", "late", "old"]),
        ("received", ["old", "late", "today", "foisa", "later", "fee", "eir"]),
        # Earliest due first; no due date last whichever way.
        ("due", ["old", "late", "today", "foisa", "later", "eir", "fee"]),
        ("-due", ["eir", "later", "foisa", "today", "late", "old", "fee"]),
        # In the order of handling (received, awaiting fee, responded), most urgent first
        # within each state whichever way.
        ("state", ["late", "today", "foisa", "later", "eir", "fee", "old"]),
        ("-state", ["old", "fee", "late", "today", "foisa", "later", "eir"]),
    ],
)
def test_sorting(officer_client, register, sort, expected):
    response = officer_client.get(URL, {"sort": sort})
    assert response.status_code == 200
    assert references(response) == refs(register, *expected)


def test_sort_by_reference_is_by_year_then_number(officer_client, officer):
    made = [log(officer, title=f"R{n}", received=date(2025, 1, 6)) for n in range(11)]
    old = log(officer, title="Last year", received=date(2024, 12, 2))
    in_order = [old.reference] + [r.reference for r in made]
    assert in_order[1:3] == ["1A/25", "2A/25"] and in_order[-1] == "11A/25"
    assert references(officer_client.get(URL, {"sort": "reference"})) == in_order
    assert references(officer_client.get(URL, {"sort": "-reference"})) == in_order[::-1]


# --- pagination -----------------------------------------------------------------------------


@pytest.fixture
def many(officer):
    """Fifty-five requests, received one a day: three pages would need 101."""
    return [
        log(
            officer,
            title=f"Request number {n}",
            received=date(2025, 1, 1 + n % 31).replace(month=1 + n // 31),
        )
        for n in range(55)
    ]


def test_fifty_a_page_with_govuk_pagination(officer_client, many):
    first = officer_client.get(URL)
    assert len(first.context["rows"]) == 50
    body = first.content.decode()
    assert '<nav class="govuk-pagination" aria-label="Pages of requests">' in body
    assert 'href="?page=2" rel="next"' in body
    assert 'aria-label="Page 1" aria-current="page"' in body
    assert 'rel="prev"' not in body
    second = officer_client.get(URL, {"page": 2})
    assert len(second.context["rows"]) == 5
    assert "Showing <strong>51</strong> to <strong>55</strong> of <strong>55</strong>" in (
        second.content.decode()
    )
    assert 'href="?page=1" rel="prev"' in second.content.decode()
    seen = references(first) + references(second)
    assert len(set(seen)) == 55


def test_page_links_keep_the_filters(officer_client, many):
    body = officer_client.get(URL, {"q": "request number", "sort": "due"}).content.decode()
    assert 'href="?q=request+number&amp;sort=due&amp;page=2" rel="next"' in body


def test_search_results_are_paged_in_the_chosen_order(officer_client, many):
    """A search is paged from one pass over the matches: same rows, same order, no overlap."""
    plain = [officer_client.get(URL, {"sort": "-due", "page": n}) for n in (1, 2)]
    found = [
        officer_client.get(URL, {"q": "REQUEST NUMBER", "sort": "-due", "page": n}) for n in (1, 2)
    ]
    assert [references(r) for r in found] == [references(r) for r in plain]
    assert found[1].context["page_obj"].paginator.count == 55
    assert len(references(found[0])) == 50
    assert "Showing <strong>51</strong> to <strong>55</strong> of <strong>55</strong>" in (
        found[1].content.decode()
    )


def test_one_page_has_no_pagination(officer_client, officer):
    log(officer, title="Only one", received=date(2025, 1, 6))
    assert "govuk-pagination" not in officer_client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("page", "shown", "message"),
    [
        ("abc", 1, "The page number was not a number: showing page 1"),
        ("0", 1, "Pages start at 1: showing page 1"),
        ("-3", 1, "Pages start at 1: showing page 1"),
        ("99", 2, "There are only 2 pages: showing page 2"),
        ("1.5", 1, "The page number was not a number: showing page 1"),
    ],
)
def test_bad_page_numbers_are_clamped_and_say_so(officer_client, many, page, shown, message):
    response = officer_client.get(URL, {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == shown
    assert message in response.content.decode()


def test_page_past_the_end_of_an_empty_list(officer_client, officer):
    response = officer_client.get(URL, {"page": "7", "q": "nothing"})
    assert response.status_code == 200
    assert "There is only 1 page: showing page 1" in response.content.decode()


# --- bad filter values ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"state": "lost"}, "Choose a state from the list"),
        ({"officer": "999999"}, "Choose an officer from the list"),
        ({"officer": "abc"}, "Choose an officer from the list"),
        ({"officer": "²"}, "Choose an officer from the list"),  # a digit to isdigit, not int
        ({"officer": "9" * 30}, "Choose an officer from the list"),
        ({"department": "abc"}, "Choose a department from the list"),
        ({"department": "999999"}, "Choose a department from the list"),
        ({"regime": "gdpr"}, "Choose a law from the list"),
        ({"due": "7"}, "Choose a due date from the list"),
        ({"year": "1800"}, "Choose a year from the list"),
        ({"year": "twenty"}, "Choose a year from the list"),
        ({"sort": "title"}, "Choose an order from the list"),
        ({"sort": "-"}, "Choose an order from the list"),
        ({"q": "x" * 201}, "Search must be 200 characters or fewer"),
    ],
)
def test_bad_filter_values_are_a_400_with_the_error_summary(
    officer_client, register, params, error
):
    response = officer_client.get(URL, params)
    assert response.status_code == 400
    body = response.content.decode()
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in body
    assert error in body
    assert "govuk-form-group--error" in body
    # The bad filter is left out; the list is still shown.
    assert len(response.context["rows"]) == 7


def test_a_bad_filter_does_not_drop_the_good_ones(officer_client, register):
    response = officer_client.get(URL, {"state": "lost", "regime": "foisa"})
    assert response.status_code == 400
    assert references(response) == refs(register, "foisa")


# --- query count ----------------------------------------------------------------------------


def test_query_count_does_not_grow_with_the_number_of_requests(
    officer_client, officer, make_staff, django_assert_num_queries, django_assert_max_num_queries
):
    """Zulip's N+1 rule: 5 requests and 60 requests cost the same number of queries."""
    department = Department.objects.create(name="Finance")
    sam = make_staff("sam", Role.FOI_OFFICER)

    def add(count: int, offset: int) -> None:
        for n in range(offset, offset + count):
            log(
                officer,
                title=f"Spending {n}",
                received=date(2025, 1, 2 + n % 28),
                regime=("foia", "eir", "foisa")[n % 3],
                officer=(officer, sam, None)[n % 3],
                questions=[
                    NewQuestion(text=f"Spending question {n}.1", department=department),
                    NewQuestion(text=f"Spending question {n}.2"),
                ],
            )

    pages = [
        {},
        {"q": "spending", "sort": "due"},
        {"state": "open", "department": department.pk, "officer": officer.pk, "due": "overdue"},
    ]
    add(5, 0)
    counts = []
    for params in pages:
        # Session, user, four for the form's choices (first and last year), the count and the
        # page (or, for a search, the matching ids and the page's rows).
        with django_assert_max_num_queries(8) as small:
            response = officer_client.get(URL, params)
        assert 0 < len(response.context["rows"]) <= 5
        counts.append(len(small.captured_queries))
    add(55, 5)
    for params, expected in zip(pages, counts, strict=True):
        with django_assert_num_queries(expected):
            response = officer_client.get(URL, params)
    assert len(officer_client.get(URL).context["rows"]) == 50
