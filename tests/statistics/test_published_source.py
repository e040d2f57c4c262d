"""What a table's published files say of where its figures came from: the data set, its
version, its kind and its file or table name, with the sha256; never the connection URL, its
user, host or database, nor a folder on the officer's machine or the server. Staff pages keep
showing the connection URL without its password."""

import io
import sqlite3
import zipfile

import pytest
from defusedxml import ElementTree
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from openpyxl import Workbook, load_workbook

from foidesk.accounts.models import Role
from foidesk.statistics import services
from foidesk.statistics.definition import Dimension, TableDefinition
from foidesk.statistics.models import Dataset, SavedTable
from tests.conftest import migrate

QUESTIONS = ["How many cases ended in each outcome?"]
#: All the document properties a published workbook holds: no title, subject, keywords,
#: description, author or editor, where a source could be named.
PROPERTIES = ["created", "modified", "Application", "AppVersion"]
OUTCOMES = [("Dismissed",)] * 7 + [("Written warning",)] * 6 + [("No case to answer",)] * 9


@pytest.fixture
def case(make_request):
    return make_request(title="Outcomes", questions=QUESTIONS)


def table_url(case) -> str:
    return f"/staff/requests/{case.slug}/questions/1/table/"


def published_text(saved: SavedTable) -> str:
    """Everything in the attached files: every part of the XLSX package (sheets, properties)
    and the CSV, as text."""
    parts = []
    for attachment in saved.attachments.all():
        data = attachment.file.read()
        if attachment.name.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                parts += [package.read(n).decode("utf-8") for n in package.namelist()]
        else:
            parts.append(data.decode("utf-8"))
    return "\n".join(parts)


def provenance(saved: SavedTable) -> tuple[str, list[str]]:
    """The workbook's Source line, and the names of the document properties the file holds
    (openpyxl fills in a creator of its own when reading a file that has none)."""
    xlsx = saved.attachments.get(name__endswith=".xlsx").file.read()
    book = load_workbook(io.BytesIO(xlsx))
    about = dict(book["Caveats and provenance"].iter_rows(min_row=3, values_only=True))
    with zipfile.ZipFile(io.BytesIO(xlsx)) as package:
        properties = [
            element.tag.rsplit("}", 1)[-1]
            for name in ("docProps/core.xml", "docProps/app.xml")
            for element in ElementTree.fromstring(package.read(name))
        ]
    return about["Source"], properties


def test_a_database_table_is_named_by_its_table_alone(
    officer_client, officer, case, media, tmp_path
):
    folder = tmp_path / "exports-jsmith"
    folder.mkdir()
    path = folder / "psd_live.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE cases (outcome TEXT)")
    connection.executemany("INSERT INTO cases VALUES (?)", OUTCOMES)
    connection.commit()
    connection.close()
    response = officer_client.post(
        "/staff/statistics/datasets/new/",
        {"name": "PSD cases", "url": f"sqlite:///{path}", "table": "cases"},
    )
    assert response.status_code == 302, response.text
    dataset = Dataset.objects.get()

    response = officer_client.post(
        table_url(case), {"dataset": dataset.pk, "title": "Outcomes", "row_column": "outcome"}
    )
    assert response.status_code == 302, response.text
    saved = SavedTable.objects.get()

    source, properties = provenance(saved)
    assert source == f"PSD cases, version 1 (database table cases; sha256 {dataset.sha256})"
    assert properties == PROPERTIES
    text = published_text(saved)
    for leak in (str(tmp_path), "exports-jsmith", "psd_live", "sqlite"):
        assert leak not in text
    # Staff still see where it was read from.
    page = officer_client.get(dataset.get_absolute_url())
    assert f"sqlite:///{path}, table cases" in page.text
    assert "database table cases" in page.text


@pytest.mark.parametrize(
    ("file_name", "kind", "named"),
    [
        ("C:\\Users\\jsmith\\Desktop\\psd.csv", "CSV file", "psd.csv"),
        ("/srv/foidesk/uploads/jsmith/psd.csv", "CSV file", "psd.csv"),
        ("C:\\Users\\jsmith\\Desktop\\cases.xlsx", "XLSX workbook", "cases.xlsx"),
    ],
)
def test_a_file_is_named_without_its_folders(officer, case, media, file_name, kind, named):
    if kind == "CSV file":
        content = ("outcome\r\n" + "".join(f"{o}\r\n" for (o,) in OUTCOMES)).encode()
    else:
        book = Workbook()
        book.active.title = "Cases for jsmith"
        book.active.append(["outcome"])
        for row in OUTCOMES:
            book.active.append(list(row))
        buffer = io.BytesIO()
        book.save(buffer)
        content = buffer.getvalue()
    source_kind, source = services.read_source(
        uploaded_file=io.BytesIO(content), file_name=file_name
    )
    dataset = services.dataset_register(
        actor=officer, name="PSD cases", kind=source_kind, source=source
    )
    assert dataset.source_name.startswith(file_name)  # for staff, as given
    saved = services.table_attach(
        actor=officer,
        question=case.questions.get(),
        dataset=dataset,
        definition=TableDefinition("Outcomes", rows=(Dimension("outcome"),)),
    )

    source_line, properties = provenance(saved)
    assert source_line == f"PSD cases, version 1 ({kind} {named}; sha256 {dataset.sha256})"
    assert properties == PROPERTIES
    text = published_text(saved)
    assert "jsmith" not in text
    assert "Desktop" not in text and "/srv" not in text


@pytest.mark.django_db(transaction=True)
def test_data_sets_registered_before_keep_only_their_file_or_table_for_the_public(make_staff):
    apps = migrate("statistics", "0002_saved_table_withheld")
    Model = apps.get_model("statistics", "Dataset")
    officer = make_staff("registrar", Role.FOI_OFFICER)
    stored = [
        ("database", "postgresql://psd_reader@db.internal:5433/psd, table psd.cases", "psd.cases"),
        ("database", "sqlite:////srv/exports/psd.db, table dismissed", "dismissed"),
        ("database", "sqlite:////srv/exports/" + "x" * 469 + ".db, tab", ""),  # cut at 500
        ("csv", "C:\\Users\\jsmith\\psd.csv", "psd.csv"),
        ("csv", "psd.csv", "psd.csv"),
        ("xlsx", "/home/jsmith/cases, sheet 2.xlsx, sheet Cases, sheet 1", "cases, sheet 2.xlsx"),
    ]
    made = [
        Model.objects.create(
            name=f"Set {n}",
            source_kind=kind,
            source_name=source_name,
            columns=[],
            row_count=0,
            snapshot=f"statistics/datasets/set-{n}.csv",
            sha256="0" * 64,
            registered_by_id=officer.pk,
        ).pk
        for n, (kind, source_name, _) in enumerate(stored)
    ]

    migrate("statistics", "0003_dataset_source_file_or_table")

    datasets = [Dataset.objects.get(pk=pk) for pk in made]
    assert [d.source_file_or_table for d in datasets] == [named for _, _, named in stored]
    assert [d.source_name for d in datasets] == [source_name for _, source_name, _ in stored]
    assert [d.public_source for d in datasets] == [
        "database table psd.cases",
        "database table dismissed",
        "database table",
        "CSV file psd.csv",
        "CSV file psd.csv",
        "XLSX workbook cases, sheet 2.xlsx",
    ]
    migrate(*MigrationLoader(connection).graph.leaf_nodes("statistics")[0])
