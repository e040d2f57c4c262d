"""Fixtures for the disclosure log: answered requests taken through the real services
(decisions, sign-off, date sent) and published, with files stored under a temporary
MEDIA_ROOT."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from foidesk.accounts.models import Role, User
from foidesk.cases.services import NewQuestion, NewRequester, request_create, request_transition
from foidesk.cases.states import RequestState
from foidesk.decisions.services import (
    decision_save,
    response_approve,
    response_record_sent,
    response_submit,
)
from foidesk.disclosure import services

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    """The filters' choices are cached (``selectors.facet_options``); start each test empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def approver(make_staff) -> User:
    return make_staff("approver", Role.DECISION_MAKER)


#: Decisions that pass the response checker without a public interest test: outcome,
#: provisions, answer text.
DISCLOSED = ("disclosed", [], "Please find the information below.")
NOT_HELD = ("not_held", [], "We do not hold this information.")
PERSONAL = (
    "exempt",
    [{"id": "foia:s40(2)"}],
    "The information is personal data of third parties and is exempt under section 40(2).",
)
NCND = (
    "ncnd",
    [{"id": "foia:s40(5)"}],
    "We neither confirm nor deny that we hold the information. Section 40(5) is absolute.",
)


def answer(
    case,
    *,
    officer,
    approver,
    decisions=(DISCLOSED,),
    sent_on: dt.date | None = None,
    before_sending=None,
):
    """Decide every question (one decision per entry of ``decisions``, the last taking the
    remaining questions), submit, approve and record the response as sent on ``sent_on``.

    The whole answer is drafted, approved and sent on the afternoon of ``sent_on``, as it
    would have been: a response cannot be recorded as sent before the day it was approved, and
    files attached then are the ones approved with it."""
    if sent_on is None:
        sent_on = min(
            timezone.localtime(case.received_at).date() + dt.timedelta(days=20),
            timezone.localdate(),
        )
    afternoon = dt.datetime.combine(sent_on, dt.time(16), tzinfo=LONDON)
    with time_machine.travel(min(afternoon, timezone.now())):
        return _answer(case, officer, approver, decisions, sent_on, before_sending)


def _answer(case, officer, approver, decisions, sent_on, before_sending):
    numbers = list(case.questions.order_by("number").values_list("number", flat=True))
    if case.state in (RequestState.RECEIVED, RequestState.ACKNOWLEDGED):
        request_transition(actor=officer, request=case, to_state=RequestState.DRAFTING)
    for index, (outcome, provisions, text) in enumerate(decisions):
        chosen = numbers[index:] if index == len(decisions) - 1 else [numbers[index]]
        decision_save(
            actor=officer,
            request=case,
            question_numbers=chosen,
            outcome=outcome,
            provisions=provisions,
            text=text,
            figures_given=outcome == "disclosed",
            reveals_held=outcome == "disclosed",
        )
    if before_sending is not None:
        before_sending(case)
    response_submit(actor=officer, request=case)
    response_approve(actor=approver, request=case)
    return response_record_sent(actor=officer, request=case, sent_on=sent_on)


def log(
    officer,
    *,
    title="Taser numbers",
    text="Please tell me how many Tasers the force owns.",
    questions=("How many Tasers does the force own?",),
    received=dt.date(2023, 1, 20),
    requester=None,
    reference=None,
):
    """Log a request received at 10:00 on ``received``."""
    return request_create(
        actor=officer,
        title=title,
        received_at=dt.datetime.combine(received, dt.time(10), tzinfo=LONDON),
        regime="foia",
        channel="email",
        request_text=text,
        requester=requester or NewRequester(name="Jo Bloggs", email="jo@example.org"),
        questions=[NewQuestion(text=q) for q in questions],
        **({"reference": reference} if reference else {}),
    )


@pytest.fixture
def publish(officer, django_capture_on_commit_callbacks):
    """Publish through the service as the officer; commit hooks (the facets cache) run."""

    def run(case, **kwargs):
        kwargs.setdefault("actor", officer)
        with django_capture_on_commit_callbacks(execute=True):
            return services.publication_publish(request=case, **kwargs)

    return run


@pytest.fixture
def withdraw(officer, django_capture_on_commit_callbacks):
    def run(publication, reason="Published in error"):
        with django_capture_on_commit_callbacks(execute=True):
            return services.publication_withdraw(
                actor=officer, publication=publication, reason=reason
            )

    return run


@pytest.fixture
def published(officer, approver, publish):
    """Log, answer and publish a request in one go; returns the publication."""

    def make(
        *,
        decisions=(DISCLOSED,),
        sent_on=None,
        topics=(),
        before_sending=None,
        **log_fields,
    ):
        case = log(officer, **log_fields)
        case = answer(
            case,
            officer=officer,
            approver=approver,
            decisions=decisions,
            sent_on=sent_on,
            before_sending=before_sending,
        )
        return publish(case, new_topics=list(topics))

    return make
