"""Saving and attaching a table is checked with the request's other tables over the same
data: a table that would give a small count away with them is refused as a form error, with
the choice of withholding more in it (where that is enough) or not attaching it."""

import csv
import io
from dataclasses import replace
from urllib.parse import urlencode

import pytest

from foidesk.decisions.models import ResponseAttachment
from foidesk.statistics import demo_data
from foidesk.statistics.definition import Measure
from foidesk.statistics.forms import initial_from_definition
from foidesk.statistics.models import SavedTable
from foidesk.statistics.services import DifferencingError, table_attach, table_files

from .conftest import stored

QUESTIONS = [
    "How many officers and staff were dismissed each year?",
    "How many were dismissed in each of the last five years?",
    "How many officers and staff have been sacked over the past five financial years?",
]


@pytest.fixture
def case(make_request):
    return make_request(title="Dismissals", questions=QUESTIONS)


def by_year_and_rank():
    return replace(
        demo_data.question_3_definition(),
        measure=Measure(),
        title="Dismissals by year and rank",
        source=demo_data.SCHEMA.name,
    )


def by_year():
    return replace(by_year_and_rank(), columns=(), title="Dismissals by year")


def url(case, number):
    return f"/staff/requests/{case.slug}/questions/{number}/table/"


def csv_rows(saved):
    _, data = table_files(saved)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_a_table_that_gives_away_an_attached_ones_withheld_figures_is_refused(
    officer, case, demo_dataset, media
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    files = stored(media)
    with pytest.raises(DifferencingError) as raised:
        table_attach(
            actor=officer,
            question=case.questions.get(number=2),
            dataset=demo_dataset,
            definition=by_year(),
        )
    message = str(raised.value)
    assert "question 3: Dismissals by year and rank" in message
    assert "2019/20, Police officer" in message and "withheld as <5" in message
    assert "Withholding 2 more figures in this table stops it (2018/19, 2019/20)" in message
    assert SavedTable.objects.count() == 1
    assert ResponseAttachment.objects.count() == 2
    assert stored(media) == files


def test_withholding_more_attaches_it_and_the_saved_figures_keep_it(
    officer, case, demo_dataset, media
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    saved = table_attach(
        actor=officer,
        question=case.questions.get(number=2),
        dataset=demo_dataset,
        definition=by_year(),
        withhold_more=True,
    )
    assert [w["location"] for w in saved.withheld] == ["2018/19", "2019/20"]
    attached = saved.attachments.get(name__endswith=".csv").file.read()
    assert attached == table_files(SavedTable.objects.get(pk=saved.pk))[1]
    body = csv_rows(SavedTable.objects.get(pk=saved.pk))
    assert ["2018/19", "*"] in body and ["2019/20", "*"] in body and ["2020/21", "11"] in body


def test_a_table_whose_withheld_figures_another_shows_cannot_be_saved_at_all(
    officer, case, demo_dataset
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=2),
        dataset=demo_dataset,
        definition=by_year(),
    )
    with pytest.raises(DifferencingError) as raised:
        table_attach(
            actor=officer,
            question=case.questions.get(number=3),
            dataset=demo_dataset,
            definition=by_year_and_rank(),
            withhold_more=True,
        )
    assert "cannot stop it" in str(raised.value)
    assert raised.value.protection.table is None
    assert SavedTable.objects.count() == 1


def test_tables_for_other_requests_are_not_checked_together(
    officer, case, make_request, demo_dataset
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    other = make_request(title="Another requester", questions=["Dismissals by year?"])
    saved = table_attach(
        actor=officer, question=other.questions.get(), dataset=demo_dataset, definition=by_year()
    )
    assert saved.withheld == []


def test_the_page_says_what_would_be_given_away_and_offers_to_withhold_more(
    officer_client, officer, case, demo_dataset, media
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    params = initial_from_definition(by_year(), demo_dataset)
    response = officer_client.post(url(case, 2), params)
    assert response.status_code == 400
    text = response.text
    assert "There is a problem" in text
    assert "“question 3: Dismissals by year and rank”" in text
    assert "Withhold these figures too and attach to question 2" in text
    assert "Do not attach it" in text
    assert SavedTable.objects.count() == 1

    response = officer_client.post(url(case, 2), {**params, "withhold_more": "1"})
    assert response.status_code == 302, response.text
    saved = SavedTable.objects.get(question__number=2)
    assert [w["location"] for w in saved.withheld] == ["2018/19", "2019/20"]
    assert case.attachments.filter(name__startswith="question-2-").count() == 2


def test_the_page_refuses_without_an_offer_when_withholding_more_cannot_help(
    officer_client, officer, case, demo_dataset
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=2),
        dataset=demo_dataset,
        definition=by_year(),
    )
    params = initial_from_definition(by_year_and_rank(), demo_dataset)
    for extra in ({}, {"withhold_more": "1"}):
        response = officer_client.post(url(case, 3), {**params, **extra})
        assert response.status_code == 400
        assert "Withholding more figures in this table cannot stop it" in response.text
        assert "Withhold these figures too" not in response.text
    assert SavedTable.objects.count() == 1


def test_tables_too_large_to_check_together_are_refused_as_a_form_error(
    officer, case, demo_dataset, media, monkeypatch
):
    """Past the work a page allows (``differencing.MAX_STEPS``, lowered here so that the demo
    tables are past it) the table is refused, never attached unchecked."""
    from foidesk.statistics import differencing
    from foidesk.statistics.services import StatisticsError

    table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    files = stored(media)
    monkeypatch.setattr(differencing, "MAX_STEPS", 100)
    with pytest.raises(StatisticsError) as raised:
        table_attach(
            actor=officer,
            question=case.questions.get(number=2),
            dataset=demo_dataset,
            definition=by_year(),
            withhold_more=True,
        )
    assert not isinstance(raised.value, DifferencingError)
    assert "too large to check together" in str(raised.value)
    assert SavedTable.objects.count() == 1
    assert stored(media) == files


def test_the_preview_says_what_save_would_refuse_and_offers_to_withhold_more(
    officer_client, officer, case, demo_dataset
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    params = initial_from_definition(by_year(), demo_dataset)
    response = officer_client.get(url(case, 2) + "?" + urlencode(params))
    assert response.status_code == 200
    text = response.text
    assert "Preview: the table as it will go out" in text
    assert "There is a problem" in text
    assert "“question 3: Dismissals by year and rank”" in text
    assert "Withholding 2 more figures in this table stops it (2018/19, 2019/20)" in text
    assert "Withhold these figures too and attach to question 2" in text
    assert "Attach to question 2</button>" not in text
    assert SavedTable.objects.count() == 1

    # The offer on the preview saves what the preview said.
    response = officer_client.post(url(case, 2), {**params, "withhold_more": "1"})
    assert response.status_code == 302, response.text
    saved = SavedTable.objects.get(question__number=2)
    assert [w["location"] for w in saved.withheld] == ["2018/19", "2019/20"]


def test_the_preview_says_when_withholding_more_cannot_help(
    officer_client, officer, case, demo_dataset
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=2),
        dataset=demo_dataset,
        definition=by_year(),
    )
    params = initial_from_definition(by_year_and_rank(), demo_dataset)
    response = officer_client.get(url(case, 3) + "?" + urlencode(params))
    assert response.status_code == 200
    assert "Preview: the table as it will go out" in response.text
    assert "“question 2: Dismissals by year”" in response.text
    assert "Withholding more figures in this table cannot stop it" in response.text
    assert "Withhold these figures too" not in response.text
    assert "Attach to question 3</button>" not in response.text


def test_the_preview_says_when_the_tables_are_too_large_to_check_together(
    officer_client, officer, case, demo_dataset, monkeypatch
):
    from foidesk.statistics import differencing

    table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    monkeypatch.setattr(differencing, "MAX_STEPS", 100)
    params = initial_from_definition(by_year(), demo_dataset)
    response = officer_client.get(url(case, 2) + "?" + urlencode(params))
    assert response.status_code == 200
    assert "Preview: the table as it will go out" in response.text
    assert "too large to check together" in response.text
    assert "Attach to question 2</button>" not in response.text
    assert "The response cannot be changed" not in response.text


def test_a_preview_with_nothing_given_away_offers_to_attach(
    officer_client, officer, case, make_request, demo_dataset
):
    table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    other = make_request(title="Another requester", questions=["Dismissals by year?"])
    params = initial_from_definition(by_year(), demo_dataset)
    response = officer_client.get(url(other, 1) + "?" + urlencode(params))
    assert response.status_code == 200
    assert "There is a problem" not in response.text
    assert "Attach to question 1</button>" in response.text


def test_a_saved_table_keeps_what_it_withheld_and_is_not_suppressed_again(
    officer, case, demo_dataset, monkeypatch
):
    """Working out what to withhold in a large table takes seconds: a saved table's withheld
    figures are stored with it, and neither the check of the request's next table nor its
    files work them out again."""
    from foidesk.statistics import suppression
    from foidesk.statistics.policy import Policy
    from foidesk.statistics.selectors import compute_table

    first = table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    expected = compute_table(demo_dataset, by_year_and_rank(), Policy())
    assert [(w["location"], w["kind"], w["public_reason"]) for w in first.suppression] == [
        (e.location, e.suppression, e.public_reason) for e in expected.suppressed
    ]

    suppressed = []
    primary = suppression._Suppressor.primary

    def spy(work):
        suppressed.append(work.table.definition.title)
        return primary(work)

    monkeypatch.setattr(suppression._Suppressor, "primary", spy)
    second = table_attach(
        actor=officer,
        question=case.questions.get(number=2),
        dataset=demo_dataset,
        definition=by_year(),
        withhold_more=True,
    )
    table_files(first)
    assert "Dismissals by year" in suppressed  # the new table, and its trials
    assert "Dismissals by year and rank" not in suppressed
    assert [w["location"] for w in second.withheld] == ["2018/19", "2019/20"]
    assert {"2018/19", "2019/20"} <= {w["location"] for w in second.suppression}


def test_what_a_saved_table_withheld_is_what_its_files_show(officer, case, demo_dataset):
    saved = table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    rows = csv_rows(saved)
    shown = next(r for r in rows if r[0] == "2022/23")
    assert "*" not in shown[1:] and "<5" not in shown[1:]
    width = len(shown) - 1
    SavedTable.objects.filter(pk=saved.pk).update(
        suppression=[
            *saved.suppression,
            *(
                {
                    "row": 4,
                    "column": c,
                    "kind": "secondary",
                    "reason": "secondary: as saved",
                    "public_reason": "Withheld (secondary suppression).",
                }
                for c in range(width)
            ),
        ]
    )
    rows = csv_rows(SavedTable.objects.get(pk=saved.pk))
    assert next(r for r in rows if r[0] == "2022/23")[1:] == ["*"] * width


def test_a_table_saved_before_its_withheld_figures_were_kept_is_suppressed_again(
    officer, case, demo_dataset
):
    saved = table_attach(
        actor=officer,
        question=case.questions.get(number=3),
        dataset=demo_dataset,
        definition=by_year_and_rank(),
    )
    files = table_files(saved)
    SavedTable.objects.filter(pk=saved.pk).update(suppression=None)
    assert table_files(SavedTable.objects.get(pk=saved.pk))[1] == files[1]
    with pytest.raises(DifferencingError) as raised:
        table_attach(
            actor=officer,
            question=case.questions.get(number=2),
            dataset=demo_dataset,
            definition=by_year(),
        )
    assert "question 3: Dismissals by year and rank" in str(raised.value)
