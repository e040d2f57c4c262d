"""Registering a data set through the staff page: CSV, XLSX and a SQLite table; bad input is a
form error and stores nothing; versions; correcting column kinds."""

import hashlib
import io
import sqlite3
import zipfile
from datetime import UTC, date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.statistics import services
from foidesk.statistics.models import Dataset
from foidesk.statistics.selectors import dataset_rows
from foidesk.statistics.sources import (
    SourceError,
    database_allowed,
    read_snapshot,
    redact_url,
)

from .conftest import stored

URL = "/staff/statistics/datasets/new/"

CSV = (
    "Case reference,Allegation type,Officer or staff,Date opened,Date closed,Outcome,Reviewed,"
    "Days\r\n"
    "PSD/1,Domestic abuse,Police officer,2019-05-01,2020-01-10,Dismissed,Yes,254\r\n"
    "PSD/2,Use of force,Police staff,2019-06-01,,,No,\r\n"
    "PSD/3,Sexual misconduct,Police officer,2020-07-01,2021-02-01,Written warning,N,215\r\n"
)


def upload(client, name, content, **fields):
    data = {"name": fields.pop("dataset_name", "PSD cases"), **fields}
    if content is not None:
        data["file"] = SimpleUploadedFile(name, content)
    return client.post(URL, data)


def test_an_officer_registers_a_csv_and_its_kinds_are_worked_out(officer_client, media):
    response = upload(officer_client, "psd.csv", CSV.encode(), description="From Centurion")
    assert response.status_code == 302
    dataset = Dataset.objects.get()
    assert response["Location"] == dataset.get_absolute_url()
    assert dataset.version == 1
    assert dataset.source_kind == "csv"
    assert dataset.source_name == "psd.csv"
    assert dataset.row_count == 3
    kinds = {c["name"]: c["kind"] for c in dataset.columns}
    assert kinds == {
        "case_reference": "text",
        "allegation_type": "text",
        "officer_or_staff": "text",
        "date_opened": "date",
        "date_closed": "date",
        "outcome": "text",
        "reviewed": "bool",
        "days": "number",
    }
    assert dataset.columns[2]["label"] == "Officer or staff"
    # The snapshot is stored with its hash, and reads back as the rows (blanks as None).
    data = (media / dataset.snapshot.name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == dataset.sha256
    header, rows = read_snapshot(data)
    assert header[0] == "case_reference"
    assert rows[1] == (
        "PSD/2",
        "Use of force",
        "Police staff",
        "2019-06-01",
        None,
        None,
        "No",
        None,
    )
    assert AuditEvent.objects.filter(event_type="statistics.dataset_registered").count() == 1
    page = officer_client.get(dataset.get_absolute_url())
    assert page.status_code == 200
    assert "Officer or staff" in page.text and dataset.sha256 in page.text


def test_windows_encoded_csv_with_british_dates(officer_client, media):
    text = "Name;Opened\r\nCaf\u00e9 team;31/03/2023\r\nOther;01/04/2023\r\n"
    response = upload(officer_client, "export.csv", text.encode("cp1252"))
    assert response.status_code == 302
    dataset = Dataset.objects.get()
    assert [c["kind"] for c in dataset.columns] == ["text", "date"]
    assert dataset_rows(dataset) == (("Caf\u00e9 team", "2023-03-31"), ("Other", "2023-04-01"))


def xlsx_bytes(rows, *, sheet="Cases", extra_sheet_first=False) -> bytes:
    wb = Workbook()
    ws = wb.active
    if extra_sheet_first:
        ws.title = "Notes"
        ws.append(["Nothing here"])
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_an_officer_registers_an_xlsx_sheet(officer_client, media):
    content = xlsx_bytes(
        [
            ["Case", "Opened", "Count", "Flag"],
            ["A", datetime(2019, 4, 1), 3, True],  # noqa: DTZ001 - Excel dates are naive
            ["B", date(2020, 3, 31), 4.0, False],
            [None, None, None, None],
        ],
        extra_sheet_first=True,
    )
    response = upload(officer_client, "cases.xlsx", content, sheet="Cases")
    assert response.status_code == 302
    dataset = Dataset.objects.get()
    assert dataset.source_kind == "xlsx"
    assert dataset.source_name == "cases.xlsx, sheet Cases"
    assert [c["kind"] for c in dataset.columns] == ["text", "date", "number", "bool"]
    assert dataset_rows(dataset) == (
        ("A", "2019-04-01", "3", "true"),
        ("B", "2020-03-31", "4", "false"),
    )


def test_an_officer_registers_a_sqlite_view(officer_client, media, tmp_path):
    path = tmp_path / "psd.db"
    connection = sqlite3.connect(path)
    connection.executescript(
        "CREATE TABLE cases (ref TEXT, opened TEXT, outcome TEXT, n INTEGER);"
        "INSERT INTO cases VALUES ('A', '2019-04-01', 'Dismissed', 1), "
        "('B', '2020-01-01', NULL, 2);"
        "CREATE VIEW dismissed AS SELECT ref, opened FROM cases WHERE outcome = 'Dismissed';"
    )
    connection.commit()
    connection.close()
    for table, rows in (("cases", 2), ("dismissed", 1)):
        response = officer_client.post(
            URL, {"name": f"From {table}", "url": f"sqlite:///{path}", "table": table}
        )
        assert response.status_code == 302, response.text
        dataset = Dataset.objects.get(name=f"From {table}")
        assert dataset.source_kind == "database"
        assert dataset.row_count == rows
        assert dataset.source_name == f"sqlite:///{path}, table {table}"
    assert [c["kind"] for c in Dataset.objects.get(name="From cases").columns] == [
        "text",
        "date",
        "text",
        "number",
    ]


def test_a_connection_url_is_stored_without_its_password():
    assert (
        redact_url("postgresql://psd_reader:s3cret@db.internal:5433/psd")
        == "postgresql://psd_reader@db.internal:5433/psd"
    )
    assert redact_url("sqlite:////var/psd.db") == "sqlite:////var/psd.db"


def zip_not_xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return buffer.getvalue()


def broken_xlsx(part: str, content: bytes | None) -> bytes:
    """A real workbook with one part replaced (or, with ``None``, left out)."""
    good = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Ref", "N"], ["A", 1]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in good.infolist():
            if item.filename != part:
                archive.writestr(item, good.read(item))
            elif content is not None:
                archive.writestr(item, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "fields", "message"),
    [
        ("cases.csv", b"\x00\x01\x02binary" * 10, {}, "not a CSV file"),
        (
            "cases.xlsx",
            broken_xlsx("xl/worksheets/sheet1.xml", b"<worksheet><row"),
            {},
            "not an XLSX workbook",
        ),
        ("cases.xlsx", broken_xlsx("xl/styles.xml", b"<styleSheet"), {}, "not an XLSX workbook"),
        ("cases.xlsx", broken_xlsx("[Content_Types].xml", b"<Types"), {}, "not an XLSX workbook"),
        ("cases.xlsx", broken_xlsx("xl/worksheets/sheet1.xml", None), {}, "has no sheets"),
        (
            "cases.xlsx",
            broken_xlsx(
                "xl/worksheets/sheet1.xml",
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<sheetData><row r="1"><c r="A1"><v>x</v></c></row></sheetData></worksheet>',
            ),
            {},
            "not an XLSX workbook",
        ),
        ("cases.csv", None, {}, "Choose a file"),
        ("cases.csv", b"   \r\n", {}, "empty"),
        ("cases.csv", b"Ref,Outcome\r\n", {}, "no rows"),
        ("cases.csv", b"Ref,,Outcome\r\nA,B,C\r\n", {}, "Column 2 has no heading"),
        ("cases.csv", b"Ref,Outcome\r\nA,B,C\r\n", {}, "Line 2 has 3 values"),
        ("cases.csv", b"Ref,REF\r\nA,B\r\n", {}, "same heading"),
        (
            "cases.csv",
            b"A,B,C\r\n" + b"1,2,3\r\n" + b"1\r\n" * 5,
            {},
            "fewer values than there are column headings",
        ),
        ("cases.xlsx", zip_not_xlsx(), {}, "not an XLSX workbook"),
        ("cases.xlsx", b"Ref,Outcome\r\nA,B\r\n", {}, "not an XLSX workbook"),
        ("cases.csv", zip_not_xlsx(), {}, "zip archive"),
        ("cases.pdf", b"%PDF-1.4", {}, "must be a CSV or XLSX file"),
        ("cases.xlsx", xlsx_bytes([["A"], [1]]), {"sheet": "Nope"}, "no sheet called"),
        ("cases.csv", b"A\r\n1\r\n", {"url": "sqlite:///x.db", "table": "t"}, "not both"),
    ],
)
def test_bad_input_is_a_form_error_and_stores_nothing(
    officer_client, media, name, content, fields, message
):
    response = upload(officer_client, name, content, **fields)
    assert response.status_code == 400
    assert message in response.text
    assert "There is a problem" in response.text
    assert not Dataset.objects.exists()
    assert stored(media) == []


@pytest.mark.parametrize(
    ("url", "table", "message"),
    [
        ("sqlite:///{path}", "cases; DROP TABLE cases", "plain name"),
        ("sqlite:///{path}", "missing", "no table or view called missing"),
        ("sqlite:///{tmp}/nowhere.db", "cases", "cannot be opened"),
        ("mysql://user:pw@host/db", "cases", "must start sqlite:/// or postgresql://"),
        ("sqlite:///{path}", "", "Give the table or view"),
    ],
)
def test_bad_database_input_is_a_form_error(officer_client, media, tmp_path, url, table, message):
    path = tmp_path / "psd.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE cases (ref TEXT)")
    connection.commit()
    connection.close()
    response = officer_client.post(
        URL,
        {"name": "DB", "url": url.format(path=path, tmp=tmp_path), "table": table},
    )
    assert response.status_code == 400
    assert message in response.text
    assert not Dataset.objects.exists()
    assert stored(media) == []


def test_a_file_over_the_limit_is_refused(officer_client, media, monkeypatch):
    monkeypatch.setattr(services, "MAX_BYTES", 10)
    response = upload(officer_client, "psd.csv", CSV.encode())
    assert response.status_code == 400
    assert "larger than 200 MB" in response.text
    assert stored(media) == []


def test_if_the_record_cannot_be_written_the_file_is_removed(officer, media, monkeypatch):
    kind, source = services.read_source(uploaded_file=io.BytesIO(CSV.encode()), file_name="a.csv")

    def broken(**kwargs):
        raise RuntimeError("audit trail unavailable")

    monkeypatch.setattr(services, "record", broken)
    with pytest.raises(RuntimeError):
        services.dataset_register(actor=officer, name="PSD", kind=kind, source=source)
    assert not Dataset.objects.exists()
    assert stored(media) == []


def test_a_version_registered_at_the_same_moment_is_a_clear_refusal(officer, media):
    """Two officers register the same name at once: both count version 1. The second is
    refused with the reason, and its file is removed (a real second row, written between the
    count and the save, as the other officer's request would: not a 500)."""
    from django.db.models.signals import pre_save

    kind, source = services.read_source(uploaded_file=io.BytesIO(CSV.encode()), file_name="a.csv")

    def the_other_officer(sender, instance, **kwargs):
        if instance.snapshot.name != "elsewhere.csv":
            Dataset.objects.create(
                name=instance.name,
                version=instance.version,
                source_kind=instance.source_kind,
                columns=instance.columns,
                row_count=instance.row_count,
                sha256=instance.sha256,
                registered_by=instance.registered_by,
                snapshot="elsewhere.csv",
            )

    pre_save.connect(the_other_officer, sender=Dataset)
    try:
        with pytest.raises(services.StatisticsError, match="registered at the same moment"):
            services.dataset_register(actor=officer, name="PSD", kind=kind, source=source)
    finally:
        pre_save.disconnect(the_other_officer, sender=Dataset)
    # (The other officer's row, written inside this transaction here, went with its rollback.)
    assert not Dataset.objects.exists()
    assert stored(media) == []


def test_registering_a_name_again_makes_a_new_version(officer_client, media):
    upload(officer_client, "psd.csv", CSV.encode())
    upload(officer_client, "psd.csv", CSV.encode() + b"PSD/4,Other,Police staff,,,,,\r\n")
    first, second = Dataset.objects.order_by("version")
    assert (first.version, second.version) == (1, 2)
    assert (first.row_count, second.row_count) == (3, 4)
    assert first.snapshot.name != second.snapshot.name
    assert list(Dataset.objects.current()) == [second]
    page = officer_client.get("/staff/statistics/")
    assert "(version 2)" in page.text
    detail = officer_client.get(first.get_absolute_url())
    assert "Version 2" in detail.text


def test_an_officer_corrects_a_columns_kind(officer_client, media):
    upload(officer_client, "psd.csv", CSV.encode())
    dataset = Dataset.objects.get()
    kinds = {c["name"]: c["kind"] for c in dataset.columns}
    url = f"/staff/statistics/datasets/{dataset.pk}/kinds/"
    bad = officer_client.post(url, {**kinds, "outcome": "number"})
    assert bad.status_code == 400
    assert "is not a number" in bad.text
    good = officer_client.post(url, {**kinds, "days": "text"})
    assert good.status_code == 302
    dataset.refresh_from_db()
    assert {c["name"]: c["kind"] for c in dataset.columns}["days"] == "text"
    event = AuditEvent.objects.get(event_type="statistics.dataset_kinds_changed")
    assert event.changes == {"days": ["number", "text"]}


@pytest.mark.parametrize("role", [Role.READ_ONLY, Role.DECISION_MAKER])
def test_only_foi_officers_register(client, make_staff, media, role):
    client.force_login(make_staff("someone", role))
    assert client.get(URL).status_code == 404
    assert upload(client, "psd.csv", CSV.encode()).status_code == 404
    assert not Dataset.objects.exists()
    assert client.get("/staff/statistics/").status_code == 200


def test_department_contacts_see_nothing(client, make_staff, demo_dataset):
    client.force_login(make_staff("contact", Role.DEPARTMENT_CONTACT))
    for url in ("/staff/statistics/", demo_dataset.get_absolute_url(), URL):
        assert client.get(url).status_code == 404


def test_the_data_set_list_takes_a_fixed_number_of_queries(
    officer_client, officer, media, django_assert_max_num_queries
):
    kind, source = services.read_source(uploaded_file=io.BytesIO(CSV.encode()), file_name="a.csv")
    services.dataset_register(actor=officer, name="One", kind=kind, source=source)
    with django_assert_max_num_queries(12) as few:
        officer_client.get("/staff/statistics/")
    for n in range(2, 8):
        services.dataset_register(actor=officer, name=f"Set {n}", kind=kind, source=source)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = officer_client.get("/staff/statistics/")
    assert "Set 7" in page.text


# (The test points the setting at a file standing in for the in-memory test database, which only
# the data-set check reads; Django warns of any change to DATABASES.)
@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES:UserWarning")
def test_foidesk_own_database_is_never_a_data_set(officer_client, media, settings, tmp_path):
    """Even when the administrator allows every database, foidesk's own (which holds the
    requesters) is refused, on SQLite and on PostgreSQL, by whatever path reaches it."""
    settings.DATASET_DATABASES = ["sqlite:///", "postgresql://", "postgres://"]
    own = settings.DATABASES["default"]
    if "sqlite" in own["ENGINE"]:
        # The test database lives in memory: stand a file in for it, reached through "..".
        (tmp_path / "var").mkdir()
        sqlite3.connect(tmp_path / "foidesk.db").execute("CREATE TABLE t (a TEXT)")
        settings.DATABASES = {"default": {**own, "NAME": str(tmp_path / "foidesk.db")}}
        url, table = f"sqlite:///{tmp_path}/var/../foidesk.db", "t"
    else:
        user, host = own.get("USER") or "", own.get("HOST") or "localhost"
        url = f"postgresql://{user}@{host}:{own.get('PORT') or 5432}/{own['NAME']}"
        table = "cases_requester"

    response = officer_client.post(URL, {"name": "Own", "url": url, "table": table})

    assert response.status_code == 400
    assert "own database cannot be registered" in response.text
    assert not Dataset.objects.exists()


def test_reading_from_a_database_is_off_until_the_administrator_lists_it(
    officer_client, media, settings, tmp_path
):
    path = tmp_path / "psd.db"
    sqlite3.connect(path).execute("CREATE TABLE cases (a TEXT)").connection.commit()
    settings.DATASET_DATABASES = []
    off = officer_client.post(URL, {"name": "DB", "url": f"sqlite:///{path}", "table": "cases"})
    assert off.status_code == 400
    assert "switched off here" in off.text
    settings.DATASET_DATABASES = ["sqlite:////srv/exports/"]
    elsewhere = officer_client.post(
        URL, {"name": "DB", "url": f"sqlite:///{path}", "table": "cases"}
    )
    assert elsewhere.status_code == 400
    assert "not one the administrator allows" in elsewhere.text
    assert not Dataset.objects.exists()


@pytest.mark.parametrize(
    ("url", "entry", "allowed"),
    [
        ("sqlite:////srv/exports/psd.db", "sqlite:///", True),
        ("sqlite:////srv/exports/psd.db", "sqlite:////srv/exports/", True),
        ("sqlite:////srv/exports/year/psd.db", "sqlite:////srv/exports/", True),
        ("sqlite:////srv/exports/../var/foidesk.db", "sqlite:////srv/exports/", False),
        ("sqlite:////srv/exportsX/psd.db", "sqlite:////srv/exports/", False),
        ("sqlite:////srv/exports/psd.db", "sqlite:////srv/exports/psd.db", True),
        ("sqlite:////srv/exports/other.db", "sqlite:////srv/exports/psd.db", False),
        ("sqlite:////srv/exports/psd.db", "postgresql://", False),
        ("postgresql://reader@db.internal/psd", "postgresql://", True),
        ("postgres://reader@db.internal/psd", "postgresql://reader@db.internal/psd", True),
        ("postgresql://reader@db.internal/psdX", "postgresql://reader@db.internal/psd", False),
        (
            "postgresql://reader@db.internal:5433/psd",
            "postgresql://reader@db.internal:5432/psd",
            False,
        ),
        ("postgresql://admin@db.internal/psd", "postgresql://reader@db.internal/psd", False),
        # libpq options in the query choose another server or database.
        (
            "postgresql://reader@db.internal/psd?host=elsewhere",
            "postgresql://reader@db.internal/psd",
            False,
        ),
        ("postgresql://reader@db.internal/psd?dbname=foidesk", "postgresql://", False),
        (
            "postgresql://db.internal/psd?sslmode=require",
            "postgresql://db.internal/psd?sslmode=require",
            True,
        ),
        # No host in the entry is this machine's socket, not any server.
        ("postgresql:///psd", "postgresql:///psd", True),
        ("postgresql://evil.example/psd", "postgresql:///psd", False),
        # Not one server named plainly: a port out of range, libpq's list of hosts.
        ("postgresql://reader@db.internal:99999/psd", "postgresql://reader@db.internal/psd", False),
        (
            "postgresql://reader@db.internal:5432,evil/psd",
            "postgresql://reader@db.internal/psd",
            False,
        ),
    ],
)
def test_which_databases_an_entry_allows(url, entry, allowed):
    assert database_allowed(url, entry) is allowed


@pytest.mark.parametrize("suffix", ["?x=1", "#x", "?mode=rw", "%2e"])
def test_a_sqlite_url_names_a_file_and_nothing_else(suffix):
    with pytest.raises(SourceError, match=r"no \?, # or % in it"):
        database_allowed(f"sqlite:////srv/exports/psd.db{suffix}", "sqlite:///")


@pytest.mark.parametrize(
    "url", ["postgresql://reader@db.internal:99999/psd", "postgresql://[::1/psd"]
)
def test_a_connection_url_that_cannot_be_read_is_a_form_error(officer_client, media, settings, url):
    settings.DATASET_DATABASES = ["postgresql://reader@db.internal/psd"]

    response = officer_client.post(URL, {"name": "DB", "url": url, "table": "t"})

    assert response.status_code == 400
    assert "connection URL cannot be read" in response.text
    assert not Dataset.objects.exists()


def test_a_path_out_of_the_allowed_folder_is_refused(officer_client, media, settings, tmp_path):
    (tmp_path / "data").mkdir()
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (a TEXT)").connection.commit()
    settings.DATASET_DATABASES = [f"sqlite:///{tmp_path}/data/"]

    response = officer_client.post(
        URL, {"name": "DB", "url": f"sqlite:///{tmp_path}/data/../other.db", "table": "t"}
    )

    assert response.status_code == 400
    assert "not one the administrator allows" in response.text
    assert not Dataset.objects.exists()


def test_a_copy_of_foidesk_database_is_refused_wherever_it_is(
    officer_client, media, settings, tmp_path
):
    """Found by what it holds, not by its name: a copy in an allowed folder, or the database
    itself reached by another address, has the requester table."""
    copy = tmp_path / "copy.db"
    connection = sqlite3.connect(copy)
    connection.executescript(
        "CREATE TABLE cases_requester (name TEXT, email TEXT); CREATE TABLE t (a TEXT);"
    )
    connection.commit()
    connection.close()
    settings.DATASET_DATABASES = [f"sqlite:///{tmp_path}/"]

    response = officer_client.post(URL, {"name": "Copy", "url": f"sqlite:///{copy}", "table": "t"})

    assert response.status_code == 400
    assert "own database cannot be registered" in response.text
    assert not Dataset.objects.exists()


def test_moments_with_an_offset_are_dates_read_in_uk_time():
    """PostgreSQL's timestamptz arrives as an aware datetime (in the server's zone, often
    UTC) and a SQLite or CSV export as text with an offset: both are dates, on the UK's day."""
    from foidesk.statistics.sources import _build, as_text

    closed = datetime(2023, 3, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 April in London
    assert as_text(closed) == "2023-04-01T00:30:00"
    assert as_text(datetime(2023, 1, 5, 0, 0, tzinfo=UTC)) == "2023-01-05"
    source = _build(
        ["Date closed", "Exported at"],
        iter([[closed, "2023-03-31T23:30:00Z"], [None, "2023-05-01 10:00:00+01:00"]]),
        "cases",
        file_or_table="cases",
        where="Row",
    )
    assert [c.kind for c in source.schema.columns] == ["date", "date"]
    assert source.rows[0][0] == "2023-04-01T00:30:00"


def test_a_database_value_too_long_to_be_read_back_is_a_form_error(officer_client, media, tmp_path):
    """A CSV file with a value over the CSV reader's limit is refused; a database column of
    long notes was registered, and every table counted from it was then a server error."""
    path = tmp_path / "psd.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE cases (ref TEXT, notes TEXT)")
    connection.execute("INSERT INTO cases VALUES ('A', ?)", ("x" * 200_000,))
    connection.commit()
    connection.close()
    response = officer_client.post(
        URL, {"name": "Notes", "url": f"sqlite:///{path}", "table": "cases"}
    )
    assert response.status_code == 400
    assert "Notes" in response.text and "200,000 characters" in response.text
    assert not Dataset.objects.exists()
    assert stored(media) == []
