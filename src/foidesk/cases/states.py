"""The states of a request and the one table of changes allowed between them.

Every state change goes through ``services.request_transition``, which checks this table.
"""

from django.db import models


class RequestState(models.TextChoices):
    RECEIVED = "received", "Received"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    AWAITING_CLARIFICATION = "awaiting_clarification", "Awaiting clarification"
    AWAITING_FEE = "awaiting_fee", "Awaiting fee"
    WITH_DEPARTMENT = "with_department", "With department"
    DRAFTING = "drafting", "Drafting"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    RESPONDED = "responded", "Responded"
    INTERNAL_REVIEW = "internal_review", "Internal review"
    WITH_ICO = "with_ico", "With the ICO"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"


S = RequestState

#: From each state, the states a request may move to, with the words on the button.
TRANSITIONS: dict[RequestState, dict[RequestState, str]] = {
    S.RECEIVED: {
        S.ACKNOWLEDGED: "Mark as acknowledged",
        S.AWAITING_CLARIFICATION: "Ask for clarification",
        S.AWAITING_FEE: "Send a fees notice",
        S.WITH_DEPARTMENT: "Send to departments",
        S.DRAFTING: "Start drafting",
        S.WITHDRAWN: "Record withdrawal",
    },
    S.ACKNOWLEDGED: {
        S.AWAITING_CLARIFICATION: "Ask for clarification",
        S.AWAITING_FEE: "Send a fees notice",
        S.WITH_DEPARTMENT: "Send to departments",
        S.DRAFTING: "Start drafting",
        S.WITHDRAWN: "Record withdrawal",
    },
    S.AWAITING_CLARIFICATION: {
        S.ACKNOWLEDGED: "Clarification received",
        S.CLOSED: "Close: no clarification received",
        S.WITHDRAWN: "Record withdrawal",
    },
    S.AWAITING_FEE: {
        S.WITH_DEPARTMENT: "Fee paid: send to departments",
        S.DRAFTING: "Fee paid: start drafting",
        S.CLOSED: "Close: fee not paid",
        S.WITHDRAWN: "Record withdrawal",
    },
    S.WITH_DEPARTMENT: {
        S.DRAFTING: "Start drafting",
        S.AWAITING_CLARIFICATION: "Ask for clarification",
        S.AWAITING_FEE: "Send a fees notice",
        S.WITHDRAWN: "Record withdrawal",
    },
    S.DRAFTING: {
        S.WITH_DEPARTMENT: "Send back to departments",
        S.AWAITING_APPROVAL: "Send for approval",
        S.WITHDRAWN: "Record withdrawal",
    },
    S.AWAITING_APPROVAL: {
        S.DRAFTING: "Send back to drafting",
        S.RESPONDED: "Record response sent",
    },
    S.RESPONDED: {
        S.INTERNAL_REVIEW: "Start internal review",
        S.WITH_ICO: "Record ICO complaint",
        S.CLOSED: "Close",
    },
    S.INTERNAL_REVIEW: {
        S.AWAITING_APPROVAL: "Send the changed response for approval",
        S.RESPONDED: "Record review outcome sent",
        S.WITH_ICO: "Record ICO complaint",
        S.CLOSED: "Close",
    },
    S.WITH_ICO: {
        S.CLOSED: "Close: ICO case finished",
        S.INTERNAL_REVIEW: "Reopen for review at the ICO's request",
    },
    S.CLOSED: {
        S.INTERNAL_REVIEW: "Start internal review",
        S.WITH_ICO: "Record ICO complaint",
    },
    S.WITHDRAWN: {},
}

#: Where the case page records a clock event, named in messages that send the officer there.
CLOCK_FORM = "under “Record a clock event”"

#: Changes the case page's state form does not offer, because another form makes them with
#: more than the new state, and the message saying where to go instead. The response page
#: records the approved response as sent, with the day it went out, as its own event. The
#: clock-event form records the day clarification was sought or arrived and the day a fees
#: notice was given or the fee arrived, which stop and restart the clock; the state follows.
ELSEWHERE: dict[tuple[str, str], str] = {
    (S.AWAITING_APPROVAL.value, S.RESPONDED.value): (
        "Record the response as sent on the response page, with the day it went out"
    ),
    **{
        (source.value, S.AWAITING_CLARIFICATION.value): (
            f"Record that clarification was sought {CLOCK_FORM}, with the day it was asked for"
        )
        for source in (S.RECEIVED, S.ACKNOWLEDGED, S.WITH_DEPARTMENT)
    },
    **{
        (source.value, S.AWAITING_FEE.value): (
            f"Record the fees notice {CLOCK_FORM}, with the day it was given"
        )
        for source in (S.RECEIVED, S.ACKNOWLEDGED, S.WITH_DEPARTMENT)
    },
    (S.AWAITING_CLARIFICATION.value, S.ACKNOWLEDGED.value): (
        f"Record the clarification received {CLOCK_FORM}, with the day it arrived"
    ),
    **{
        (S.AWAITING_FEE.value, target.value): (
            f"Record the fee received {CLOCK_FORM}, with the day it arrived"
        )
        for target in (S.WITH_DEPARTMENT, S.DRAFTING)
    },
}

#: States in which the statutory clock is running or paused but the request is not answered.
OPEN_STATES = frozenset(
    {
        S.RECEIVED,
        S.ACKNOWLEDGED,
        S.AWAITING_CLARIFICATION,
        S.AWAITING_FEE,
        S.WITH_DEPARTMENT,
        S.DRAFTING,
        S.AWAITING_APPROVAL,
    }
)

#: Open states where the clock is stopped: no deadline to chase until the requester acts.
CLOCK_STOPPED_STATES = frozenset({S.AWAITING_CLARIFICATION, S.AWAITING_FEE})


def allowed_transitions(state: str) -> dict[RequestState, str]:
    """The states a request in ``state`` may move to, each with its action label."""
    return TRANSITIONS[RequestState(state)]


def is_allowed(current: str, target: str) -> bool:
    return RequestState(target) in TRANSITIONS[RequestState(current)]
