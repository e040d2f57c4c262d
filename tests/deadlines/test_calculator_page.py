"""The public "When is my answer due?" page, through HTTP."""

import pytest

URL = "/deadlines/when-is-my-answer-due/"


def ask(client, **params):
    return client.get(URL, params)


def date_params(prefix: str, day: int, month: int, year: int) -> dict[str, str]:
    return {f"{prefix}_day": str(day), f"{prefix}_month": str(month), f"{prefix}_year": str(year)}


def test_blank_calculator_shows_the_form_without_errors(client):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "When is my answer due?" in body
    assert "There is a problem" not in body


@pytest.mark.parametrize("query", ["?utm_source=newsletter", "?fbclid=abc123&lang=en"])
def test_a_link_carrying_only_other_parameters_shows_the_form_without_errors(client, query):
    """A link shared with a tracking parameter is a visit to the blank calculator, not a
    calculation asked for with every box empty."""
    response = client.get(URL + query)
    assert response.status_code == 200
    assert "There is a problem" not in response.content.decode()


def test_seed_request_received_in_january_2023_is_due_in_february(client):
    # Fri 20 Jan 2023 (a working day): day 1 Mon 23 Jan; 20 weekdays, no holidays -> Fri 17 Feb.
    response = ask(client, regime="foia", **date_params("received", 20, 1, 2023))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Your answer is due by Friday 17 February 2023" in body
    assert "How this was worked out" in body
    assert "holidays-0.109" in body


def test_scottish_and_northern_irish_holidays_are_explained(client):
    # Received Thu 2 Mar 2023; St Patrick's Day (Fri 17 Mar, NI) does not count under FOIA.
    body = ask(client, regime="foia", **date_params("received", 2, 3, 2023)).content.decode()
    assert "Days that did not count" in body
    assert "Patrick" in body


def test_fee_pause_moves_the_date(client):
    plain = ask(client, regime="foia", **date_params("received", 2, 1, 2024))
    paused = ask(
        client,
        regime="foia",
        **date_params("received", 2, 1, 2024),
        **date_params("fee_notice", 8, 1, 2024),
        **date_params("fee_paid", 12, 1, 2024),
    )
    assert plain.context["deadline"].due < paused.context["deadline"].due


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"regime": "foia", **date_params("received", 31, 2, 2023)}, "must be a real date"),
        ({"regime": "foia", "received_day": "3", "received_year": "2023"}, "must include a month"),
        ({"regime": "martian", **date_params("received", 1, 2, 2023)}, "Select a valid choice"),
        ({**date_params("received", 1, 2, 2023)}, "Select which law you asked under"),
        ({"regime": "foia"}, "Enter the date they received your request"),
        (
            {"regime": "foia", "received_day": " ", "received_month": "", "received_year": ""},
            "Enter the date they received your request",
        ),
        (
            {
                "regime": "foia",
                **date_params("received", 1, 2, 2023),
                **date_params("fee_paid", 3, 2, 2023),
            },
            "Enter the date of the fees notice as well",
        ),
        (
            {
                "regime": "foia",
                **date_params("received", 10, 2, 2023),
                **date_params("clarification_received", 3, 2, 2023),
            },
            "on or after the date",
        ),
    ],
)
def test_bad_input_gets_a_400_naming_the_problem(client, params, message):
    response = ask(client, **params)
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert message in body
    assert response.context["deadline"] is None


def test_clock_input_the_law_cannot_use_is_a_400_not_a_500(client):
    # A fees notice before the clarification that restarted the clock.
    response = ask(
        client,
        regime="foia",
        **date_params("received", 2, 1, 2024),
        **date_params("clarification_received", 20, 1, 2024),
        **date_params("fee_notice", 10, 1, 2024),
        **date_params("fee_paid", 12, 1, 2024),
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_enormous_day_number_is_a_400_not_a_500(client):
    response = ask(
        client, regime="foia", received_day="9999999999", received_month="1", received_year="2023"
    )
    assert response.status_code == 400
    assert "must be a real date" in response.content.decode()


def test_dates_before_the_act_are_refused(client):
    response = ask(client, regime="foia", **date_params("received", 1, 1, 1999))
    assert response.status_code == 400
    assert "on or after 1 January 2005" in response.content.decode()


@pytest.mark.parametrize(
    "late",
    [
        date_params("received", 31, 12, 9999),
        date_params("received", 1, 1, 9998),
        date_params("received", 1, 1, 2101),
        {
            **date_params("received", 2, 1, 2024),
            **date_params("clarification_received", 31, 12, 9999),
        },
        {**date_params("received", 2, 1, 2024), **date_params("fee_notice", 31, 12, 9999)},
        {
            **date_params("received", 2, 1, 2024),
            **date_params("fee_notice", 8, 1, 2024),
            **date_params("fee_paid", 31, 12, 9999),
        },
    ],
)
def test_dates_after_the_known_bank_holidays_are_a_400_not_a_500(client, late):
    response = ask(client, regime="foia", **late)
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "The date must be on or before 31 December 2100" in body
    assert response.context["deadline"] is None


def test_a_request_whose_answer_would_be_due_in_2101_is_a_400(client):
    # Received Mon 20 Dec 2100: working day 20 falls in January 2101, whose bank holidays are
    # not known, so the page says so rather than give a date that could be wrong.
    response = ask(client, regime="foia", **date_params("received", 20, 12, 2100))
    assert response.status_code == 400
    assert "runs past 31 December 2100" in response.content.decode()
    assert response.context["deadline"] is None


def test_the_last_day_with_known_bank_holidays_is_answered(client):
    response = ask(client, regime="foia", **date_params("received", 1, 12, 2100))
    assert response.status_code == 200
    assert "Your answer is due by Friday 31 December 2100" in response.content.decode()
