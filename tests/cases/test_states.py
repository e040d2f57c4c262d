"""The transition table, walked edge by edge through the one transition function."""

import datetime as dt

import pytest

from foidesk.audit.models import AuditEvent
from foidesk.cases.models import ClockEvent, ClockEventKind
from foidesk.cases.services import RegisterError, request_transition
from foidesk.cases.states import TRANSITIONS, RequestState

ALL_PAIRS = [(a, b) for a in RequestState for b in RequestState]

S, K = RequestState, ClockEventKind

#: Changes of state that need a clock event first, and the events that make them possible.
CLOCK_EVENT_NEEDED = {
    **{(s, S.AWAITING_CLARIFICATION): [K.CLARIFICATION_SOUGHT] for s in S},
    **{(s, S.AWAITING_FEE): [K.FEE_NOTICE] for s in S},
}


def test_every_state_has_a_row_and_every_target_is_a_state():
    assert set(TRANSITIONS) == set(RequestState)
    for targets in TRANSITIONS.values():
        assert set(targets) <= set(RequestState)


def test_every_state_is_reachable_from_received():
    seen, frontier = {RequestState.RECEIVED}, [RequestState.RECEIVED]
    while frontier:
        for target in TRANSITIONS[frontier.pop()]:
            if target not in seen:
                seen.add(target)
                frontier.append(target)
    assert seen == set(RequestState)


def test_withdrawn_is_final_and_nothing_returns_to_received():
    assert TRANSITIONS[RequestState.WITHDRAWN] == {}
    assert all(RequestState.RECEIVED not in targets for targets in TRANSITIONS.values())


@pytest.mark.parametrize(("current", "target"), ALL_PAIRS, ids=lambda s: s.value)
def test_transition_function_follows_the_table(make_request, officer, current, target):
    request = make_request()
    type(request).objects.filter(pk=request.pk).update(state=current)
    request.refresh_from_db()
    events_before = AuditEvent.objects.filter(request=request).count()
    if target in TRANSITIONS[current]:
        needs = CLOCK_EVENT_NEEDED.get((current, target))
        if needs is not None:
            # The clock's states are entered and left with the clock event that moves it.
            with pytest.raises(RegisterError, match="Record a clock event"):
                request_transition(actor=officer, request=request, to_state=target)
            for kind in needs:
                ClockEvent.objects.create(request=request, kind=kind, on=dt.date(2023, 1, 24))
        if target == RequestState.RESPONDED:
            # Entering "responded" also needs an approved response (the sign-off guard).
            with pytest.raises(RegisterError, match="Only an approved response"):
                request_transition(actor=officer, request=request, to_state=target)
            approve_current_draft(request, officer)
            events_before = AuditEvent.objects.filter(request=request).count()
        request_transition(actor=officer, request=request, to_state=target)
        request.refresh_from_db()
        assert request.state == target
        event = AuditEvent.objects.filter(request=request).last()
        assert event.event_type == "request.state_changed"
        assert event.changes == {"state": [current.value, target.value]}
        assert event.actor == officer
    else:
        with pytest.raises(RegisterError, match="cannot become"):
            request_transition(actor=officer, request=request, to_state=target)
        request.refresh_from_db()
        assert request.state == current
        assert AuditEvent.objects.filter(request=request).count() == events_before


def approve_current_draft(request, officer):
    """A decision on every question, frozen and approved by someone else, state unchanged."""
    from foidesk.accounts.models import Role, User
    from foidesk.decisions.compose import response_data, snapshot_hash
    from foidesk.decisions.models import ResponseVersion
    from foidesk.decisions.services import _unsent, decision_save

    state = request.state
    type(request).objects.filter(pk=request.pk).update(state=RequestState.DRAFTING)
    request.refresh_from_db()
    decision_save(actor=officer, request=request, question_numbers=[1], outcome="not_held")
    type(request).objects.filter(pk=request.pk).update(state=state)
    request.refresh_from_db()
    data = _unsent(response_data(request))
    approver = User.objects.create_user("approver", role=Role.DECISION_MAKER)
    ResponseVersion.objects.create(
        request=request,
        number=1,
        snapshot=data,
        snapshot_hash=snapshot_hash(data),
        submitted_by=officer,
        status="approved",
        decided_by=approver,
    )


def test_unknown_state_is_refused(make_request, officer):
    request = make_request()
    with pytest.raises(RegisterError, match="Unknown state"):
        request_transition(actor=officer, request=request, to_state="lost")
