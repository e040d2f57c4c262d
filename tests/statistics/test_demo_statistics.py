"""The demo's statistics: the professional-standards data set and 190A/23's question 3 table,
loaded once (``foidesk demo`` twice adds nothing)."""

from foidesk.audit.models import AuditEvent
from foidesk.cases.models import Request
from foidesk.demo.statistics import DATASET_NAME, load_demo_statistics, statistics_summary
from foidesk.statistics import demo_data
from foidesk.statistics.models import Dataset, SavedTable
from foidesk.statistics.services import table_files


def test_the_demo_registers_the_data_set_and_saves_question_3_once(officer, make_request, media):
    seed = make_request(title="Officer alleged sexual offences", questions=["a", "b", "c", "d"])
    Request.objects.filter(pk=seed.pk).update(reference="190A/23")
    assert load_demo_statistics() == (1, 1)
    dataset = Dataset.objects.get()
    assert dataset.name == DATASET_NAME
    assert dataset.row_count == len(demo_data.records())
    saved = SavedTable.objects.get()
    assert saved.question.number == 3 and saved.request_id == seed.pk
    assert saved.definition == demo_data.question_3_definition().to_dict()
    assert not saved.attachments.exists()  # 190A/23's own attachment is not replaced
    xlsx, csv_bytes = table_files(saved)
    assert csv_bytes.startswith(b"Financial year (date closed),Police officer,Police staff,Total")
    events = AuditEvent.objects.count()
    summary = statistics_summary()
    assert load_demo_statistics() == (1, 1)
    assert AuditEvent.objects.count() == events
    assert (
        statistics_summary()
        == summary
        == ("Statistics: 1 data sets, 1 saved tables (190A/23 question 3).")
    )
