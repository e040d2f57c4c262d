"""Fixtures shared by the whole suite.

The suite runs twice, on SQLite and on PostgreSQL (``scripts/run_tests.py``); nothing here
mocks the database.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from foidesk.accounts.models import Role, User

PASSWORD = "a-long-test-password-9137"  # noqa: S105


@pytest.fixture
def make_staff(db):
    """Make a member of staff with a role; returns the saved user."""

    def make(username: str = "officer", role: Role = Role.FOI_OFFICER, **extra) -> User:
        user = User.objects.create_user(
            username=username,
            password=PASSWORD,
            role=role,
            first_name="Priya",
            last_name="Shah",
            **extra,
        )
        return user

    return make


@pytest.fixture
def officer(make_staff) -> User:
    return make_staff("officer", Role.FOI_OFFICER)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def make_request(db, officer):
    """Log a request through the real service; keyword arguments override the defaults."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from foidesk.cases.services import NewQuestion, NewRequester, request_create

    def make(**overrides):
        questions = overrides.pop("questions", ["How many Tasers does the force own?"])
        fields = {
            "actor": officer,
            "title": "Taser numbers",
            "received_at": dt.datetime(2023, 1, 20, 10, 14, tzinfo=ZoneInfo("Europe/London")),
            "regime": "foia",
            "channel": "email",
            "request_text": "Please tell me how many Tasers the force owns.",
            "requester": NewRequester(name="Jo Bloggs", email="jo@example.org"),
            "questions": [
                q if isinstance(q, NewQuestion) else NewQuestion(text=q) for q in questions
            ],
        }
        fields.update(overrides)
        return request_create(**fields)

    return make


def respond(request, *, officer, approver=None):
    """Take a request through sign-off to responded, the only way a response goes out:
    a decision on every question (disclosed), submitted by the officer, approved by a
    decision maker who did not draft it, then recorded as sent."""
    from django.utils import timezone

    from foidesk.cases.states import RequestState
    from foidesk.decisions.services import (
        decision_save,
        response_approve,
        response_record_sent,
        response_submit,
    )

    if approver is None:
        approver, _ = User.objects.get_or_create(
            username="approver-for-tests", defaults={"role": Role.DECISION_MAKER}
        )
    numbers = list(request.questions.values_list("number", flat=True))
    decision_save(
        actor=officer,
        request=request,
        question_numbers=numbers,
        outcome="disclosed",
        text="Please find the information below.",
        figures_given=True,
        reveals_held=True,
    )
    if request.state in (RequestState.RECEIVED, RequestState.ACKNOWLEDGED):
        from foidesk.cases.services import request_transition

        request_transition(actor=officer, request=request, to_state=RequestState.DRAFTING)
    response_submit(actor=officer, request=request)
    response_approve(actor=approver, request=request)
    return response_record_sent(actor=officer, request=request, sent_on=timezone.localdate())


def log_request(actor, *, title, received, regime="foia", officer=None, questions=None, **extra):
    """Log a request received at 10:00 on ``received`` through the real service."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from foidesk.cases.services import NewQuestion, NewRequester, request_create

    return request_create(
        actor=actor,
        title=title,
        received_at=dt.datetime.combine(received, dt.time(10), tzinfo=ZoneInfo("Europe/London")),
        regime=regime,
        channel="email",
        request_text=f"Please send me {title.lower()}.",
        requester=NewRequester(name="Jo Requester", email="jo.requester@example.org"),
        questions=questions or [NewQuestion(text=f"{title}?")],
        assigned_officer=officer,
        **extra,
    )


def migrate(app: str, migration: str):
    """Take the test database to ``app``'s ``migration`` (forwards or back), as ``migrate``
    would; the apps as they stood then, for writing data a later migration must read."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([(app, migration)])
    return executor.loader.project_state([(app, migration)]).apps
