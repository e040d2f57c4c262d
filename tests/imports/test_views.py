"""The import pages: history of runs, a run's failures, searching imported responses.

Staff pages for the register roles; the list and record gates agree for every role.
"""

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from foidesk.accounts.models import Role
from foidesk.imports.models import STOPPED_AFTER, ImportedRecord, ImportRun
from foidesk.imports.services import imported_record_check

pytestmark = pytest.mark.django_db

CORPUS_PAGES = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pages.jsonl"
SEED_ID = "wmp-officer-alleged-sexual-offences-190a-23"


@pytest.fixture
def imported(tmp_path) -> ImportRun:
    """The corpus imported with --check, plus a folder with two bad files (a second run)."""
    if not CORPUS_PAGES.is_file():
        pytest.fail(f"The labelled corpus is missing: expected {CORPUS_PAGES}.")
    call_command("import_log", str(CORPUS_PAGES), check=True, stdout=io.StringIO())
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError):
        call_command("import_log", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())
    return ImportRun.objects.order_by("pk").first()


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("imports:runs"))

    assert response.status_code == 302
    assert reverse("accounts:sign-in") in response["Location"]


@pytest.mark.parametrize(
    "name", ["imports:runs", "imports:records", "imports:run", "imports:record"]
)
def test_department_contacts_are_sent_to_their_questions(client, make_staff, imported, name):
    client.force_login(make_staff("contact", Role.DEPARTMENT_CONTACT))
    kwargs = {"pk": 1} if name in ("imports:run", "imports:record") else {}

    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 302
    assert response["Location"] == reverse("cases:my-questions")


@pytest.mark.parametrize("role", [Role.FOI_OFFICER, Role.DECISION_MAKER, Role.READ_ONLY])
def test_register_roles_see_the_pages_and_the_gates_agree(client, make_staff, imported, role):
    client.force_login(make_staff("staff", role))
    record = ImportedRecord.objects.get(source_id=SEED_ID)

    assert client.get(reverse("imports:runs")).status_code == 200
    assert client.get(reverse("imports:run", kwargs={"pk": imported.pk})).status_code == 200
    listed = client.get(reverse("imports:records"))
    assert listed.status_code == 200 and listed.context["page_obj"].paginator.count == 31
    assert client.get(record.get_absolute_url()).status_code == 200
    assert client.get(reverse("imports:record", kwargs={"pk": 999_999})).status_code == 404
    assert client.get(reverse("imports:run", kwargs={"pk": 999_999})).status_code == 404


def test_history_shows_each_run_with_its_counts(officer_client, imported):
    response = officer_client.get(reverse("imports:runs"))

    runs = list(response.context["page_obj"].object_list)
    assert [r.imported for r in runs] == [0, 31]
    assert [r.failed for r in runs] == [2, 0]
    html = response.content.decode()
    assert "Import history" in html and "Command line" in html


def test_history_says_which_runs_are_going_and_which_stopped(officer_client, imported):
    going = ImportRun.objects.create(started_at=timezone.now(), sources=["log.jsonl"])
    long_ago = timezone.now() - STOPPED_AFTER - timedelta(minutes=1)
    stopped = ImportRun.objects.create(
        started_at=long_ago, last_stored_at=long_ago, sources=["old.jsonl"], imported=500
    )

    html = officer_client.get(reverse("imports:runs")).content.decode()
    assert html.count('govuk-tag--blue">Running') == 1
    assert html.count('govuk-tag--red">Stopped') == 1
    assert "Not yet: still running" in officer_client.get(going.get_absolute_url()).content.decode()
    page = officer_client.get(stopped.get_absolute_url()).content.decode()
    assert "Stopped</strong> without finishing: nothing stored since" in page
    assert "Run it again to import the rest" in page
    finished = officer_client.get(imported.get_absolute_url()).content.decode()
    assert "still running" not in finished and "without finishing" not in finished


def test_empty_history_says_so(officer_client):
    response = officer_client.get(reverse("imports:runs"))

    assert "Nothing has been imported yet" in response.content.decode()


def test_a_run_lists_its_failures_and_reasons(officer_client, imported):
    failed_run = ImportRun.objects.order_by("-pk").first()

    response = officer_client.get(failed_run.get_absolute_url())

    html = response.content.decode()
    assert "scan.pdf" in html and "binary file (PDF)" in html
    assert "empty.txt" in html and "empty page" in html
    clean = officer_client.get(imported.get_absolute_url()).content.decode()
    assert "None: every page was imported." in clean
    assert f"?run={imported.pk}" in clean


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "190A/23"}, {"190A/23"}),
        ({"q": "taser"}, {"822A/23"}),
        ({"provision": "s40(5)"}, {"190A/23", "828A/23"}),
        ({"outcome": "cost_limit_s12"}, {"474A/22", "822A/23"}),
        ({"ncnd": "yes", "q": "drones"}, {"1053A/22"}),
        ({"authority": "Northumbria Police"}, {"322/15", "389/15"}),
    ],
)
def test_search_and_filters(officer_client, imported, query, expected):
    response = officer_client.get(reverse("imports:records"), query)

    found = {r.reference for r in response.context["page_obj"].object_list}
    assert response.status_code == 200
    assert expected <= found
    if "q" in query and "ncnd" not in query and query["q"] == "190A/23":
        assert found == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        # Every word must appear, anywhere on the page, not the words as one phrase.
        ("taser cost", {"822A/23", "988A/21"}),
        ('"taser cost"', set()),
        ("cost taser", {"822A/23", "988A/21"}),
        # OR offers alternatives; a minus sign leaves out.
        ("drones OR taser", {"1053A/22", "822A/23", "988A/21", "3005_16"}),
        ("taser -cost", {"3005_16"}),
        # A reference or provision is looked for as typed.
        ("822A/23", {"822A/23"}),
    ],
)
def test_search_reads_words_as_the_log_search_does(officer_client, imported, q, expected):
    response = officer_client.get(reverse("imports:records"), {"q": q})

    found = {r.reference for r in response.context["page_obj"].object_list}
    assert response.status_code == 200
    assert found - {""} == expected  # (one page about tasers prints no reference)


def test_a_provision_finds_the_ones_inside_it(officer_client, imported):
    response = officer_client.get(reverse("imports:records"), {"provision": "s31"})

    found = {r.reference for r in response.context["page_obj"].object_list}
    assert {"322/15", "192A/24", "190A/23"} <= found


def test_a_bad_filter_is_a_400_with_the_error_summary(officer_client, imported):
    response = officer_client.get(reverse("imports:records"), {"provision": "section 31"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter a provision like s31(1)(a) or reg12(5)(b)" in html
    assert response.context["page_obj"].paginator.count == 31


@pytest.mark.parametrize("run", ["9223372036854775808", "9" * 30, "0", "-1", "x"])
def test_a_run_filter_that_is_no_run_is_a_400(officer_client, imported, run):
    response = officer_client.get(reverse("imports:records"), {"run": run})

    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_search_links_to_the_authoritys_own_requests(officer_client, imported):
    response = officer_client.get(reverse("imports:records"), {"q": "taser"})

    assert f"{reverse('cases:list')}?q=taser" in response.content.decode()


def test_record_page_shows_questions_outcomes_provisions_and_findings(officer_client, imported):
    record = ImportedRecord.objects.get(source_id="northumbria-unsuccessful-applicants-389-15")

    response = officer_client.get(record.get_absolute_url())

    html = response.content.decode()
    assert "Unsuccessful applicants" in html
    assert "Question 4" in html and "Partially disclosed" in html
    assert "response_late" in html  # responded 19/05/15 to a request of 16/04/15
    assert "What the checker could not look at" in html
    assert "2015-04-16" in html


def test_the_records_the_importer_is_unsure_of_can_be_checked_first(officer_client, imported):
    records = reverse("imports:records")
    unsure = officer_client.get(records, {"doubts": "yes"})
    sure = officer_client.get(records, {"doubts": "no", "q": "190A/23"})

    assert unsure.status_code == sure.status_code == 200
    expected = ImportedRecord.objects.exclude(doubts=[]).count()
    assert 0 < unsure.context["page_obj"].paginator.count == expected < 31
    listed = {r.reference for r in unsure.context["page_obj"].object_list}
    assert "322/15" in listed and "190A/23" not in listed
    assert "Check first" in unsure.content.decode()
    assert [r.reference for r in sure.context["page_obj"].object_list] == ["190A/23"]
    bad = officer_client.get(records, {"doubts": "maybe"})
    assert bad.status_code == 400
    assert "Choose whether the importer raised doubts from the list" in bad.content.decode()


def test_a_run_links_to_its_records_to_check_first(officer_client, imported):
    unsure = ImportedRecord.objects.exclude(doubts=[])
    unsure.filter(source_id="northumbria-anpr-cameras-322-15").update(checked_at=timezone.now())
    left = unsure.filter(checked_at__isnull=True).count()

    html = officer_client.get(imported.get_absolute_url()).content.decode()

    assert f"{left} records the importer is unsure of, not yet checked" in html
    link = f"?run={imported.pk}&amp;doubts=yes&amp;checked=no"
    assert link in html
    listed = officer_client.get(reverse("imports:records") + link.replace("&amp;", "&"))
    assert listed.context["page_obj"].paginator.count == left
    references = {r.reference for r in listed.context["page_obj"].object_list}
    assert "322/15" not in references and "1053A/22" in references


def test_the_history_compares_how_well_each_authoritys_log_is_read(
    officer_client, officer, imported
):
    wmp = ImportedRecord.objects.filter(authority_name="West Midlands Police")
    for record in wmp.order_by("pk")[:2]:
        imported_record_check(actor=officer, record=record, wanted={})  # read right
    northumbria = ImportedRecord.objects.get(source_id="northumbria-anpr-cameras-322-15")
    imported_record_check(actor=officer, record=northumbria, wanted={"reference": "322/2015"})
    # An authority whose only checked record changed since: no current measure, no row.
    met = ImportedRecord.objects.filter(authority_name__icontains="Metropolitan").first()
    imported_record_check(actor=officer, record=met, wanted={})
    ImportedRecord.objects.filter(pk=met.pk).update(checked_hash="0" * 64)

    response = officer_client.get(reverse("imports:runs"))

    tallies = dict(response.context["authority_tallies"])
    assert list(tallies) == ["West Midlands Police", "Northumbria Police"]  # most checked first
    assert [(f.right, f.total) for f in tallies["West Midlands Police"].headline][0] == (2, 2)
    assert [(f.right, f.total) for f in tallies["Northumbria Police"].headline][0] == (0, 1)
    assert response.context["tally"].records == 3
    assert response.context["tally"].changed_since == 1
    html = response.content.decode()
    assert "?authority=West%20Midlands%20Police&amp;checked=yes" in html
    assert "100.0% (2 of 2)" in html and "0.0% (0 of 1)" in html


def test_record_page_says_what_the_importer_is_unsure_of(officer_client, imported):
    anpr = ImportedRecord.objects.get(source_id="northumbria-anpr-cameras-322-15")
    seed = ImportedRecord.objects.get(source_id=SEED_ID)

    html = officer_client.get(anpr.get_absolute_url()).content.decode()
    assert "Check first: the importer is unsure of its reading" in html
    assert "No answer was found to questions 3 and 4." in html
    assert "Check first: the importer" not in (
        officer_client.get(seed.get_absolute_url()).content.decode()
    )
    anpr.checked_at, anpr.checked_hash = timezone.now(), anpr.reading
    anpr.save(update_fields=["checked_at", "checked_hash"])
    checked = officer_client.get(anpr.get_absolute_url()).content.decode()
    assert "What the importer was unsure of" in checked and "Check first" not in checked
    ImportedRecord.objects.filter(pk=seed.pk).update(doubts=None)
    assert "Imported before the importer said what it is unsure of" in (
        officer_client.get(seed.get_absolute_url()).content.decode()
    )


def test_lists_do_not_grow_queries_with_the_records(
    officer_client, imported, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        officer_client.get(reverse("imports:records"))
    with django_assert_max_num_queries(8):
        officer_client.get(reverse("imports:runs"))


def test_the_list_does_not_load_the_page_text(officer_client, imported):
    response = officer_client.get(reverse("imports:records"))

    record = response.context["page_obj"].object_list[0]
    assert "full_text" in record.get_deferred_fields()
    assert json.dumps(response.context["outcome_labels"])


def test_search_shows_our_own_published_answers_beside_imported_ones(
    officer_client, officer, imported
):
    from foidesk.disclosure.services import publication_publish
    from tests.conftest import log_request, respond

    ours = log_request(officer, title="Taser deployments", received=date(2024, 3, 4))
    respond(ours, officer=officer)
    publication_publish(actor=officer, request=ours)
    unpublished = log_request(officer, title="Taser training", received=date(2024, 3, 5))
    respond(unpublished, officer=officer)

    response = officer_client.get(reverse("imports:records"), {"q": "taser"})

    html = response.content.decode()
    assert response.context["own"].total == 1
    assert reverse("disclosure:entry", args=[ours.slug]) in html
    assert "Taser training" not in html
    # The imported responses are still listed below.
    assert response.context["page_obj"].paginator.count >= 1
