"""A statistics table for a question: define with a preview, see what is withheld and why,
attach as XLSX and CSV, reproduce the figures, reuse the definition for another request."""

import io
from dataclasses import replace
from urllib.parse import urlencode

import pytest
from openpyxl import load_workbook

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.decisions.models import ResponseAttachment
from foidesk.statistics import demo_data
from foidesk.statistics.definition import Dimension, TableDefinition
from foidesk.statistics.forms import initial_from_definition
from foidesk.statistics.models import SavedTable
from foidesk.statistics.output import to_csv
from foidesk.statistics.policy import Policy
from foidesk.statistics.selectors import compute_table
from foidesk.statistics.services import table_attach, table_files

from ..conftest import respond
from .conftest import stored

QUESTIONS = [
    "How many cases are under live investigation?",
    "How many officers are under live investigation?",
    "How many officers and staff have been sacked over the past five financial years?",
    "Is your force reviewing completed cases?",
]


@pytest.fixture
def case(make_request):
    return make_request(title="Officer misconduct", questions=QUESTIONS)


def q3_params(dataset) -> dict:
    return initial_from_definition(demo_data.question_3_definition(), dataset)


def table_url(case, number=3) -> str:
    return f"/staff/requests/{case.slug}/questions/{number}/table/"


def test_the_response_page_links_each_question_to_its_table_page(officer_client, case):
    page = officer_client.get(f"/staff/requests/{case.slug}/response/")
    for number in range(1, 5):
        assert table_url(case, number) in page.text


def test_the_table_page_offers_the_form_without_a_preview(officer_client, case, demo_dataset):
    page = officer_client.get(table_url(case))
    assert page.status_code == 200
    assert "Define the table" in page.text
    assert "Preview: the table" not in page.text
    assert "Counts from 1 to 4 are withheld" in page.text  # the policy in words


def test_a_preview_shows_the_table_and_every_withheld_figure_with_its_reason(
    officer_client, case, demo_dataset
):
    params = q3_params(demo_dataset)
    page = officer_client.get(table_url(case) + "?" + urlencode(params))
    assert page.status_code == 200, page.text
    expected = compute_table(demo_dataset, demo_data.question_3_definition(), Policy())
    assert expected.suppressed, "the demo data should have small counts in question 3's table"
    assert "Preview: the table as it will go out" in page.text
    for label in ("2018/19", "2022/23", "Police officer", "Police staff", "Total"):
        assert label in page.text
    for entry in expected.suppressed:
        assert entry.location in page.text
        assert entry.reason in page.text
    assert "Attach to question 3" in page.text
    assert "Financial years run from 1 April to 31 March" in page.text


def test_a_bad_definition_is_a_form_error_on_its_field(officer_client, case, demo_dataset):
    params = {**q3_params(demo_dataset), "row_categories": "2019-20 to 2022/23"}
    page = officer_client.get(table_url(case) + "?" + urlencode(params))
    assert "There is a problem" in page.text
    assert "is not a financial year label" in page.text
    assert "Preview: the table" not in page.text
    params = {**q3_params(demo_dataset), "measure": "count_distinct", "measure_column": ""}
    page = officer_client.get(table_url(case) + "?" + urlencode(params))
    assert "count_distinct needs the column to count" in page.text


def test_attaching_saves_the_definition_and_attaches_xlsx_and_csv(
    officer_client, officer, case, demo_dataset, media
):
    params = q3_params(demo_dataset)
    response = officer_client.post(table_url(case), params)
    assert response.status_code == 302, response.text
    assert response["Location"].endswith(f"/staff/requests/{case.slug}/response/#attachments")
    saved = SavedTable.objects.get()
    assert saved.question.number == 3 and saved.request == case
    assert saved.dataset == demo_dataset
    assert TableDefinition.from_dict(saved.definition) == replace(
        demo_data.question_3_definition(), source=demo_dataset.name
    )
    assert saved.policy == Policy().to_dict()
    attachments = list(ResponseAttachment.objects.filter(request=case).order_by("name"))
    assert [a.name.rsplit(".", 1)[1] for a in attachments] == ["csv", "xlsx"]
    assert set(saved.attachments.all()) == set(attachments)
    for attachment in attachments:
        assert [q.number for q in attachment.questions.all()] == [3]
    assert AuditEvent.objects.filter(event_type="statistics.table_saved").count() == 1

    expected = compute_table(demo_dataset, demo_data.question_3_definition(), Policy())
    csv_file, xlsx_file = attachments
    assert csv_file.file.read() == to_csv(expected)
    workbook = load_workbook(io.BytesIO(xlsx_file.file.read()))
    assert workbook.sheetnames == ["Table", "Notes", "Caveats and provenance"]
    sheet = workbook["Table"]
    grid = [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)]
    shown = expected.grid()
    assert grid == [[v for v in row] for row in shown]
    # Withheld values are not in the table: each shows its marker.
    for entry in expected.suppressed:
        row = entry.row + 1
        column = entry.column + len(expected.header()) - len(shown[0]) + 1
        assert grid[row][column] == entry.shown
        assert grid[row][column] in (expected.policy.marker, expected.policy.secondary_marker)
    notes = [r for r in workbook["Notes"].iter_rows(values_only=True)]
    assert len([r for r in notes if r[1] in ("<5", "*")]) == len(expected.suppressed)
    about = dict(
        (r[0], r[1]) for r in workbook["Caveats and provenance"].iter_rows(values_only=True) if r[0]
    )
    assert about["Request"] == case.reference
    assert demo_dataset.sha256 in about["Source"]

    page = officer_client.get(f"/staff/requests/{case.slug}/response/")
    for attachment in attachments:
        assert attachment.name in page.text


def test_the_attached_files_pass_the_outgoing_file_checks(officer_client, case, demo_dataset):
    officer_client.post(table_url(case), q3_params(demo_dataset))
    for attachment in ResponseAttachment.objects.filter(request=case):
        scan = getattr(attachment, "scan", None)
        if scan is not None:  # the safety scan, where it is wired into attachment_add
            errors = [f for f in scan.get("findings", []) if f["severity"] == "error"]
            assert errors == [], errors


def test_a_saved_definition_reproduces_the_same_figures(officer, case, demo_dataset, media):
    saved = table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=demo_data.question_3_definition(),
    )
    csv_file = saved.attachments.get(name__endswith=".csv")
    _, again = table_files(SavedTable.objects.get(pk=saved.pk))
    assert again == csv_file.file.read()


def test_a_saved_table_keeps_the_policy_it_was_counted_under(officer, case, demo_dataset):
    from foidesk.cases.models import Authority
    from foidesk.statistics.services import policy_update

    saved = table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=demo_data.question_3_definition(),
    )
    before = table_files(saved)[1]
    policy_update(actor=officer, authority=Authority.current(), threshold=20)
    assert table_files(SavedTable.objects.get(pk=saved.pk))[1] == before


def test_reusing_a_definition_for_another_request(
    officer_client, officer, case, make_request, demo_dataset
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=demo_data.question_3_definition(),
    )
    saved = SavedTable.objects.get()
    other = make_request(title="Dismissals again", questions=["How many were dismissed?"])
    page = officer_client.get(table_url(other, 1))
    assert "Use this definition" in page.text
    assert saved.title in page.text
    loaded = officer_client.get(table_url(other, 1) + f"?reuse={saved.pk}")
    assert loaded.status_code == 200
    assert f"Loaded the definition saved for {case.reference} question 3" in loaded.text
    assert "Preview: the table as it will go out" in loaded.text
    # The next identical request costs nothing: attach straight from the loaded definition.
    response = officer_client.post(table_url(other, 1), q3_params(demo_dataset))
    assert response.status_code == 302
    again = SavedTable.objects.get(request=other)
    assert {**again.definition, "source": ""} == {**saved.definition, "source": ""}
    assert (
        other.attachments.get(name__endswith=".csv").file.read()
        == case.attachments.get(name__endswith=".csv").file.read()
    )


def test_the_same_table_twice_is_refused_and_leaves_no_stray_files(
    officer_client, case, demo_dataset, media
):
    officer_client.post(table_url(case), q3_params(demo_dataset))
    files = stored(media)
    response = officer_client.post(table_url(case), q3_params(demo_dataset))
    assert response.status_code == 400
    assert "already has an attachment called" in response.text
    assert SavedTable.objects.count() == 1
    assert ResponseAttachment.objects.count() == 2
    assert stored(media) == files


def test_nothing_is_attached_once_the_response_has_gone(
    officer_client, officer, case, demo_dataset
):
    respond(case, officer=officer)
    page = officer_client.get(table_url(case) + "?" + urlencode(q3_params(demo_dataset)))
    assert "Preview: the table" in page.text
    assert "Attach to question 3" not in page.text
    response = officer_client.post(table_url(case), q3_params(demo_dataset))
    assert response.status_code == 400
    assert "cannot be changed" in response.text
    assert not SavedTable.objects.exists()


@pytest.mark.parametrize("role", [Role.READ_ONLY, Role.DECISION_MAKER])
def test_read_only_roles_see_the_preview_but_cannot_attach(
    client, make_staff, case, demo_dataset, role
):
    client.force_login(make_staff("someone", role))
    page = client.get(table_url(case) + "?" + urlencode(q3_params(demo_dataset)))
    assert page.status_code == 200
    assert "Preview: the table" in page.text
    assert "Attach to question 3" not in page.text
    assert client.post(table_url(case), q3_params(demo_dataset)).status_code == 404
    assert not SavedTable.objects.exists()


def test_department_contacts_get_404(client, make_staff, case, demo_dataset):
    client.force_login(make_staff("contact", Role.DEPARTMENT_CONTACT))
    assert client.get(table_url(case)).status_code == 404
    assert client.post(table_url(case), q3_params(demo_dataset)).status_code == 404


def test_a_missing_question_or_saved_table_is_404(officer_client, case, demo_dataset):
    assert officer_client.get(table_url(case, 9)).status_code == 404
    assert officer_client.get(table_url(case) + "?reuse=999").status_code == 404
    assert officer_client.get(table_url(case) + "?reuse=abc").status_code == 404
    assert officer_client.get(table_url(case) + "?reuse=%C2%B2").status_code == 404  # "²"
    assert officer_client.get(table_url(case) + "?reuse=" + "9" * 30).status_code == 404


def test_the_table_page_takes_a_fixed_number_of_queries(
    officer_client, officer, case, make_request, demo_dataset, django_assert_max_num_queries
):
    url = table_url(case) + "?" + urlencode(q3_params(demo_dataset))
    with django_assert_max_num_queries(25) as few:
        officer_client.get(url)
    for n in range(3):
        other = make_request(title=f"Other {n}", questions=["How many?"])
        table_attach(
            actor=officer,
            question=other.questions.get(),
            dataset=demo_dataset,
            definition=demo_data.question_3_definition(),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = officer_client.get(url)
    assert page.text.count("Use this definition") == 3


def test_a_table_of_values_with_control_characters_is_attached(
    officer_client, officer, case, media
):
    from foidesk.statistics.models import SourceKind
    from foidesk.statistics.services import dataset_register
    from foidesk.statistics.sources import read_csv

    source = read_csv(io.BytesIO(b"force,n\n\x1b[31mWest,1\nEa\x0bst,2\n"), name="odd.csv")
    dataset = dataset_register(actor=officer, name="Odd", kind=SourceKind.CSV, source=source)

    response = officer_client.post(
        table_url(case),
        {"dataset": dataset.pk, "title": "By force", "row_column": "force"},
    )

    assert response.status_code == 302
    xlsx = case.attachments.get(name__endswith=".xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.file.read()))["Table"]
    labels = [r[0] for r in sheet.iter_rows(min_row=5, values_only=True)]
    assert labels[:2] == ["[31mWest", "Ea\nst"]


def test_a_preview_that_leaves_every_record_out_shows_an_empty_table(
    officer_client, case, demo_dataset
):
    params = {
        **q3_params(demo_dataset),
        "row_categories": "",  # rows from the records counted: none
        "measure": "count_records",
        "column_categories": "Nobody by this name",
    }
    response = officer_client.get(table_url(case) + "?" + urlencode(params))
    assert response.status_code == 200
    assert "Preview: the table" in response.text
    assert "Nobody by this name" in response.text


def test_the_attached_workbook_does_not_say_how_many_rows_a_withheld_total_counts(
    officer, case, media
):
    from foidesk.statistics.models import SourceKind
    from foidesk.statistics.services import dataset_register
    from foidesk.statistics.sources import read_csv

    source = read_csv(io.BytesIO(b"outcome\nDismissed\nDismissed\nRetained\n"), name="outcomes.csv")
    dataset = dataset_register(actor=officer, name="Outcomes", kind=SourceKind.CSV, source=source)
    saved = table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=dataset,
        definition=TableDefinition("Outcomes", rows=(Dimension("outcome"),)),
    )
    xlsx = saved.attachments.get(name__endswith=".xlsx")
    book = load_workbook(io.BytesIO(xlsx.file.read()))
    assert book["Table"]["B7"].value == "<5"  # the Total row: 3 records, withheld
    text = " ".join(
        str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
    )
    assert "3 rows" not in text


def test_a_table_of_one_row_per_case_is_a_form_error_not_a_hung_page(
    officer_client, case, demo_dataset
):
    params = {"dataset": demo_dataset.pk, "title": "Cases", "row_column": "case_reference"}
    response = officer_client.get(table_url(case) + "?" + urlencode(params))
    assert response.status_code == 200
    assert "Preview: the table" not in response.text
    assert "at most 500" in response.text
    response = officer_client.post(table_url(case), params)
    assert response.status_code == 400
    assert "at most 500" in response.text
    assert not SavedTable.objects.exists()
