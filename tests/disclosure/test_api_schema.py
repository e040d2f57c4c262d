"""The open data API checked against its own OpenAPI document with schemathesis: every
operation, generated requests (valid and invalid), every response validated against the
document, on a database holding published entries.

The document lists the filter values published entries have, so it depends on the data:
the test loads the document the app serves for the entries the ``entries`` fixture publishes
(``test_the_app_serves_the_document_that_is_tested`` proves the two are the same)."""

import datetime as dt

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from foidesk.disclosure import openapi
from foidesk.disclosure.models import OverallOutcome
from foidesk.disclosure.selectors import FacetOptions

from .conftest import DISCLOSED, NCND, NOT_HELD, PERSONAL

APP = get_wsgi_application()
SERVER = "http://localhost"  # schemathesis's WSGI host
OPTIONS = FacetOptions(
    years=[2024, 2023],
    topics=[("surveillance", "Surveillance"), ("use-of-force", "Use of force")],
    outcomes=list(OverallOutcome.choices),
    provisions=[("foia:s40(2)", "Section 40(2)"), ("foia:s40(5)", "Section 40(5)")],
)
schema = schemathesis.openapi.from_dict(openapi.document(server=SERVER, options=OPTIONS))


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Calling the WSGI application directly sends ``request_started``/``request_finished``,
    whose ``close_old_connections`` would close the test's open transaction (PostgreSQL):
    disconnect it, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def entries(published):
    """Three published entries with the years, topics and provisions in ``OPTIONS``."""
    return [
        published(
            title="Taser deployments",
            decisions=(DISCLOSED,),
            sent_on=dt.date(2023, 2, 1),
            topics=["Use of force"],
        ),
        published(
            title="Surveillance of a named person",
            decisions=(NCND,),
            sent_on=dt.date(2023, 2, 14),
            topics=["Surveillance"],
        ),
        published(
            title="Dismissals for misconduct",
            questions=("How many dismissals?", "Their names?", "Gym records?"),
            decisions=(DISCLOSED, PERSONAL, NOT_HELD),
            received=dt.date(2024, 3, 1),
            sent_on=dt.date(2024, 3, 20),
        ),
    ]


def test_the_app_serves_the_document_that_is_tested(client, entries):
    served = client.get("/api/v1/openapi.json", HTTP_HOST="localhost")
    assert served.status_code == 200
    assert served["Content-Type"] == "application/json"
    assert served.json() == openapi.document(server=SERVER, options=OPTIONS)
    # And schemathesis loads it from the running app as well.
    loaded = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
    assert sorted(op.path for op in (r.ok() for r in loaded.get_all_operations())) == [
        "/api/v1/entries/",
        "/api/v1/entries/{slug}/",
    ]


def test_with_nothing_published_no_filter_value_is_offered(client, db):
    document = client.get("/api/v1/openapi.json").json()
    parameters = {
        p["name"]: p["schema"] for p in document["paths"]["/api/v1/entries/"]["get"]["parameters"]
    }
    for name in ("year", "topic", "provision"):
        assert parameters[name]["not"] == {}
    assert client.get("/api/v1/entries/", {"year": 2023}).status_code == 400


@schema.parametrize()
@settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case, entries):
    case.call_and_validate(app=APP)


def test_existing_entries_answer_as_documented(entries):
    operation = schema["/api/v1/entries/{slug}/"]["GET"]
    for publication in entries:
        case = operation.Case(path_parameters={"slug": publication.slug})
        response = case.call_and_validate(app=APP)
        assert response.status_code == 200
        assert response.json()["reference"] == publication.reference


CHOSEN = [
    ({}, 200),
    ({"q": "tasers"}, 200),
    ({"q": "dismissals OR surveillance", "page_size": 1, "page": 2}, 200),
    ({"ncnd": "yes"}, 200),
    ({"outcome": "partly_disclosed", "year": 2024}, 200),
    ({"provision": "foia:s40(2)"}, 200),
    ({"topic": "use-of-force", "q": "taser"}, 200),
    ({"page": 50}, 404),
    ({"topic": "no-such-topic"}, 400),
    ({"year": "twenty"}, 400),
    ({"year": 1999}, 400),
    ({"page": 0}, 400),
    ({"page_size": 101}, 400),
    ({"q": "x" * 201}, 400),
]


def test_chosen_searches_answer_as_documented(entries):
    """Searches worth naming, valid and not (one database for them all: it is slow to make)."""
    for query, status in CHOSEN:
        case = schema["/api/v1/entries/"]["GET"].Case(query=query)
        response = case.call_and_validate(app=APP)
        assert response.status_code == status, query
