"""The demo force's statistics: the generated professional-standards data set and the table
that answers 190A/23's question 3, saved with that question so staff can see and re-run it.

190A/23's own attachment (the table sent in 2023) is left as it is: the saved definition shows
how such a table is produced, not a replacement for what was sent.
"""

from __future__ import annotations

from foidesk.accounts.models import User
from foidesk.cases.models import Question
from foidesk.statistics import demo_data
from foidesk.statistics.models import Dataset, SavedTable, SourceKind
from foidesk.statistics.services import dataset_register, table_save
from foidesk.statistics.sources import Source, as_text

from .register import SEED_REFERENCE

DATASET_NAME = "Professional standards cases"
DESCRIPTION = (
    "One row per allegation in a professional standards case: the case, the allegation type, "
    "whether the subject is a police officer or member of police staff (and an id for them), "
    "the dates the case was opened and closed, its outcome (including dismissal) and whether "
    "it went to review. Generated for the demo: invented figures, not real cases."
)


def load_demo_statistics() -> tuple[int, int]:
    """Register the data set and save 190A/23's question 3 table, each once; returns how many
    data sets and saved tables there are."""
    officer = User.objects.get(username="officer")
    dataset = Dataset.objects.filter(name=DATASET_NAME).order_by("version").first()
    if dataset is None:
        schema = demo_data.SCHEMA
        rows = [
            tuple(as_text(record[name]) for name in schema.names) for record in demo_data.records()
        ]
        dataset = dataset_register(
            actor=officer,
            name=DATASET_NAME,
            description=DESCRIPTION,
            kind=SourceKind.CSV,
            source=Source(
                schema=schema,
                rows=rows,
                source_name="professional-standards-cases.csv (generated demo data)",
                file_or_table="professional-standards-cases.csv",
            ),
        )
    question = Question.objects.filter(request__reference=SEED_REFERENCE, number=3).first()
    if question is not None and not SavedTable.objects.filter(question=question).exists():
        table_save(
            actor=officer,
            question=question,
            dataset=dataset,
            definition=demo_data.question_3_definition(),
        )
    return Dataset.objects.count(), SavedTable.objects.count()


def statistics_summary() -> str:
    return (
        f"Statistics: {Dataset.objects.count()} data sets, "
        f"{SavedTable.objects.count()} saved tables (190A/23 question 3)."
    )
