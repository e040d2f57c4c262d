"""The demo force's professional-standards cases: invented, deterministic, realistic in shape.

One record per allegation, as case systems export them: a case has one subject (an officer or
a member of staff) and one to three allegations, so a count of records, of distinct cases and
of distinct people differ. Cases are opened from April 2018 to March 2025 (financial years
2018/19 to 2024/25). A person dismissed has no later case. Sexual misconduct and domestic
abuse allegations end in dismissal more often, so the table that answers 190A/23's questions 3
and 4 (dismissals for misconduct related to sexual or domestic abuse, by financial year and by
officer or staff) has small cells to withhold.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from foidesk.statistics.definition import (
    Column,
    ColumnKind,
    Dimension,
    Filter,
    Measure,
    Schema,
    TableDefinition,
)
from foidesk.statistics.periods import Grouping, period_range

SCHEMA = Schema(
    (
        Column("case_reference", ColumnKind.TEXT, "case reference"),
        Column("allegation_type", ColumnKind.TEXT, "allegation type"),
        Column("subject_type", ColumnKind.TEXT, "officer or staff"),
        Column("subject_id", ColumnKind.TEXT, "people"),
        Column("date_opened", ColumnKind.DATE, "date opened"),
        Column("date_closed", ColumnKind.DATE, "date closed"),
        Column("outcome", ColumnKind.TEXT, "outcome"),
        Column("reviewed", ColumnKind.BOOL, "internal review flag"),
    ),
    name="professional_standards_cases",
)
COLUMNS = SCHEMA.names

SEXUAL_OR_DOMESTIC = (
    "Sexual misconduct",
    "Abuse of position for a sexual purpose",
    "Domestic abuse",
)
OTHER_ALLEGATIONS = (
    "Discreditable conduct",
    "Honesty and integrity",
    "Use of force",
    "Duties and responsibilities",
    "Confidentiality",
    "Equality and diversity",
)
OUTCOMES = (
    "No case to answer",
    "Management action",
    "Reflective practice review",
    "Written warning",
    "Final written warning",
    "Dismissed",
    "Would have been dismissed",
)
OFFICER, STAFF = "Police officer", "Police staff"
FIRST_DAY = date(2018, 4, 1)
LAST_DAY = date(2025, 3, 31)
EXTRACTED = date(2025, 4, 7)

# Case outcome weights: (ordinary allegation, sexual or domestic allegation).
_OUTCOME_WEIGHTS = {
    "No case to answer": (46, 30),
    "Management action": (22, 12),
    "Reflective practice review": (14, 8),
    "Written warning": (9, 10),
    "Final written warning": (6, 14),
    "Dismissed": (2, 17),
    "Would have been dismissed": (1, 9),
}


def records(seed: int = 190_23, cases_per_year: int = 260) -> list[dict[str, Any]]:
    """The demo data set as dicts, one per allegation, in case order."""
    rng = random.Random(seed)  # noqa: S311 - invented data, not security
    people = [(f"P{i:05d}", OFFICER if rng.random() < 0.68 else STAFF) for i in range(1, 2401)]
    left: set[str] = set()
    out: list[dict[str, Any]] = []
    span = (LAST_DAY - FIRST_DAY).days + 1
    n_cases = cases_per_year * 7
    openings = sorted(FIRST_DAY + timedelta(days=rng.randrange(span)) for _ in range(n_cases))
    for number, opened in enumerate(openings, start=1):
        # A few people are the subject of several cases: draw from the front more often.
        while True:
            person, subject_type = people[
                min(int(rng.paretovariate(1.2)) * 7, 2399)
                if rng.random() < 0.3
                else rng.randrange(2400)
            ]
            if person not in left:
                break
        sexual = rng.random() < 0.24
        weights = [w[1] if sexual else w[0] for w in _OUTCOME_WEIGHTS.values()]
        outcome = rng.choices(OUTCOMES, weights)[0]
        closed: date | None = opened + timedelta(days=rng.randrange(40, 420))
        if closed > EXTRACTED:
            closed, outcome = None, None
        if outcome == "Dismissed":
            left.add(person)
        reference = f"PSD/{opened.year}/{number:05d}"
        n_allegations = rng.choices((1, 2, 3), (70, 22, 8))[0]
        for k in range(n_allegations):
            pool = SEXUAL_OR_DOMESTIC if sexual and k == 0 else OTHER_ALLEGATIONS
            out.append(
                {
                    "case_reference": reference,
                    "allegation_type": rng.choice(pool),
                    "subject_type": subject_type,
                    "subject_id": person,
                    "date_opened": opened,
                    "date_closed": closed,
                    "outcome": outcome
                    if k == 0 or rng.random() < 0.5
                    else ("No case to answer" if outcome else None),
                    "reviewed": rng.random() < 0.06,
                }
            )
    return out


def question_3_definition() -> TableDefinition:
    """190A/23 question 3: officers and staff dismissed for misconduct related to sexual or
    domestic abuse over the five financial years 2018/19 to 2022/23, counting people."""
    years = period_range(Grouping.FINANCIAL_YEAR, "2018/19", "2022/23")
    return TableDefinition(
        title="Police officers and police staff dismissed for misconduct related to sexual or "
        "domestic abuse",
        source=SCHEMA.name,
        filters=(
            Filter("outcome", "eq", "Dismissed"),
            Filter("allegation_type", "in", list(SEXUAL_OR_DOMESTIC)),
        ),
        rows=(Dimension("date_closed", Grouping.FINANCIAL_YEAR, categories=years),),
        columns=(Dimension("subject_type", categories=(OFFICER, STAFF), label="Officer or staff"),),
        measure=Measure("count_distinct", "subject_id", label="Number dismissed"),
        include_totals=True,
    )


def fast_records(n: int, seed: int = 2023) -> list[tuple[Any, ...]]:
    """``n`` records as tuples in :data:`COLUMNS` order, quickly, for benchmarks.

    Each column is drawn in one ``random.choices`` call; dates are fresh ``date`` objects, as a
    database cursor returns them, not shared ones.
    """
    rng = random.Random(seed)  # noqa: S311 - invented data, not security
    first = FIRST_DAY.toordinal()
    span = (LAST_DAY - FIRST_DAY).days + 1
    opened = [first + d for d in rng.choices(range(span), k=n)]
    delay = rng.choices(range(40, 420), k=n)
    closed = [
        date.fromordinal(o + d) if o + d <= LAST_DAY.toordinal() else None
        for o, d in zip(opened, delay, strict=True)
    ]
    allegations = rng.choices(SEXUAL_OR_DOMESTIC + OTHER_ALLEGATIONS, k=n)
    # Very rare outcomes too, so that a million-record table still has small cells.
    outcome_weights = [46, 22, 14, 9, 6, 2, 1]
    outcomes = rng.choices(
        (*OUTCOMES, "Withdrawn by the appropriate authority"), (*outcome_weights, 0.0003), k=n
    )
    subject_types = rng.choices((OFFICER, STAFF), (68, 32), k=n)
    ids = rng.choices(range(1, n // 3 + 2), k=n)
    reviewed = rng.choices((False, True), (94, 6), k=n)
    return [
        (f"PSD/{i:07d}", a, s, f"P{p:07d}", date.fromordinal(o), c, out if c else None, r)
        for i, (a, s, p, o, c, out, r) in enumerate(
            zip(allegations, subject_types, ids, opened, closed, outcomes, reviewed, strict=True)
        )
    ]
