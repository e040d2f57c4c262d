"""Decision services: one decision per question, the catalogue and regime checks, the
paragraph library's versions, and four-eyes sign-off with the approval freeze."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from foidesk.accounts.models import Role
from foidesk.audit.models import AuditEvent
from foidesk.cases.services import RegisterError, request_transition
from foidesk.cases.states import RequestState
from foidesk.decisions.compose import findings_for, response_data
from foidesk.decisions.models import Decision, LibraryParagraph, ResponseVersion
from foidesk.decisions.services import (
    DecisionError,
    approved_and_current,
    cost_line_add,
    decision_save,
    library_paragraph_save,
    response_approve,
    response_record_sent,
    response_send_back,
    response_submit,
    test_paragraph_add,
    test_save,
)
from foidesk.law.response import load_response

#: Sign-off done on the day the response is recorded as sent: it cannot be sent before.
SENDING_DAY = dt.datetime(2023, 2, 10, 11, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def case(make_request):
    return make_request(questions=["How many officers?", "How many staff?", "Any review?"])


@pytest.fixture
def approver(make_staff):
    return make_staff("approver", Role.DECISION_MAKER)


def test_grouped_decision_moves_questions_out_of_earlier_decisions(case, officer):
    first = decision_save(
        actor=officer, request=case, question_numbers=[1, 2], outcome="not_held", reveals_held=True
    )
    decision_save(
        actor=officer,
        request=case,
        question_numbers=[2, 3],
        outcome="disclosed",
        figures_given=True,
        reveals_held=True,
    )
    first.refresh_from_db()
    assert [q.number for q in first.questions.all()] == [1]
    assert Decision.objects.filter(request=case).count() == 2
    data = response_data(case)
    assert [d["questions"] for d in data["decisions"]] == [[1], [2, 3]]
    load_response(data)  # the composed response is valid structured data


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"question_numbers": [], "outcome": "disclosed"}, "Choose the questions"),
        ({"question_numbers": [9], "outcome": "disclosed"}, "no question 9"),
        ({"question_numbers": [1], "outcome": "maybe"}, "Unknown outcome"),
        (
            {"question_numbers": [1], "outcome": "exempt", "provisions": [{"id": "foia:s99"}]},
            "not in the catalogue",
        ),
        (
            {
                "question_numbers": [1],
                "outcome": "exempt",
                "provisions": [{"id": "eir:reg12(5)(b)"}],
            },
            "another regime",
        ),
    ],
)
def test_bad_decisions_are_refused_and_nothing_is_saved(case, officer, kwargs, message):
    before = (Decision.objects.count(), AuditEvent.objects.count())
    with pytest.raises(DecisionError, match=message):
        decision_save(actor=officer, request=case, **kwargs)
    assert (Decision.objects.count(), AuditEvent.objects.count()) == before


def test_only_officers_draft(case, approver):
    with pytest.raises(DecisionError, match="Only FOI officers"):
        decision_save(actor=approver, request=case, question_numbers=[1], outcome="not_held")


def test_cost_worksheet_lines_and_limits(case, officer):
    decision = decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2, 3],
        outcome="cost_limit",
        provisions=[{"id": "foia:s12"}],
        advice_to_narrow="Narrow the dates to one year.",
    )
    cost_line_add(
        actor=officer,
        decision=decision,
        activity="locating",
        hours=Decimal("12"),
        question=case.questions.get(number=1),
    )
    cost_line_add(actor=officer, decision=decision, activity="extracting", hours=Decimal("9.5"))
    with pytest.raises(DecisionError, match="more than 0"):
        cost_line_add(actor=officer, decision=decision, activity="locating", hours=Decimal("0"))
    with pytest.raises(DecisionError, match="Unknown activity"):
        cost_line_add(actor=officer, decision=decision, activity="lunch", hours=Decimal("1"))
    estimate = response_data(case)["decisions"][0]["cost_estimate"]
    assert estimate["hours"] == {"locating": 12.0, "extracting": 9.5}


def test_library_paragraphs_are_versioned_and_tests_keep_the_version_they_used(case, officer):
    v1 = library_paragraph_save(
        actor=officer,
        key="harm-tactics",
        written_for=["foia:s31(3)"],
        topic="Tactics",
        section="evidence_of_harm",
        text="Revealing tactics would help offenders.",
    )
    again = library_paragraph_save(
        actor=officer,
        key="harm-tactics",
        written_for=["foia:s31(3)"],
        topic="Tactics",
        section="evidence_of_harm",
        text="Revealing tactics would help offenders.",
    )
    assert again.pk == v1.pk  # saving the same words is not a new version
    decision_save(
        actor=officer,
        request=case,
        question_numbers=[1],
        outcome="ncnd",
        provisions=[{"id": "foia:s31(3)"}],
    )
    test = test_save(actor=officer, request=case, provision="foia:s31(3)", kind="ncnd")
    used = test_paragraph_add(
        actor=officer, test=test, section="evidence_of_harm", library_paragraph=v1
    )
    v2 = library_paragraph_save(
        actor=officer,
        key="harm-tactics",
        written_for=["foia:s31(3)"],
        topic="Tactics",
        section="evidence_of_harm",
        text="Revealing tactics would assist offenders.",
    )
    assert (v2.version, v2.is_current) == (2, True)
    v1.refresh_from_db()
    assert v1.is_current is False
    used.refresh_from_db()
    assert used.library_paragraph == v1
    assert used.text == "Revealing tactics would help offenders."
    tests = response_data(case)["tests"]
    assert tests[0]["evidence_of_harm"][0]["id"] == "harm-tactics@1"
    with pytest.raises(DecisionError, match="catalogue"):
        library_paragraph_save(
            actor=officer,
            key="x",
            written_for=["foia:s1000"],
            topic="x",
            section="factors_for",
            text="x",
        )


def test_checker_sees_a_missing_public_interest_test(case, officer):
    decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2, 3],
        outcome="ncnd",
        provisions=[{"id": "foia:s31(3)"}],
        text="We neither confirm nor deny.",
    )
    codes = {f.code for f in findings_for(case, today=dt.date(2023, 2, 1))}
    assert "ncnd_public_interest_test_missing" in codes


@pytest.fixture
def drafted(case, officer):
    decision_save(
        actor=officer,
        request=case,
        question_numbers=[1, 2, 3],
        outcome="not_held",
        reveals_held=True,
        text="We do not hold this information.",
    )
    request_transition(actor=officer, request=case, to_state="drafting")
    return case


def test_four_eyes_the_drafter_never_approves(drafted, officer, make_staff, approver):
    response_submit(actor=officer, request=drafted)
    with pytest.raises(DecisionError, match="decision maker"):
        response_approve(actor=officer, request=drafted)
    version = response_approve(actor=approver, request=drafted)
    assert (version.status, version.decided_by) == ("approved", approver)
    assert drafted.versions.get().submitted_by == officer


@time_machine.travel(SENDING_DAY)
def test_approval_freezes_the_version_and_a_change_needs_a_new_one(drafted, officer, approver):
    response_submit(actor=officer, request=drafted)
    response_approve(actor=approver, request=drafted)
    assert approved_and_current(drafted) is not None
    decision_save(
        actor=officer,
        request=drafted,
        question_numbers=[3],
        outcome="disclosed",
        figures_given=True,
        reveals_held=True,
    )
    assert approved_and_current(drafted) is None
    with pytest.raises(RegisterError, match="Only an approved response"):
        response_record_sent(actor=officer, request=drafted, sent_on=dt.date(2023, 2, 10))
    response_submit(actor=officer, request=drafted)
    response_approve(actor=approver, request=drafted)
    response_record_sent(actor=officer, request=drafted, sent_on=dt.date(2023, 2, 10))
    drafted.refresh_from_db()
    assert (drafted.state, drafted.responded_on) == (RequestState.RESPONDED, dt.date(2023, 2, 10))
    assert ResponseVersion.objects.filter(request=drafted).count() == 2
    kinds = set(AuditEvent.objects.filter(request=drafted).values_list("event_type", flat=True))
    assert {"response.submitted", "response.approved", "request.state_changed"} <= kinds


def test_approving_a_draft_changed_after_submission_is_refused(drafted, officer, approver):
    response_submit(actor=officer, request=drafted)
    decision_save(
        actor=officer,
        request=drafted,
        question_numbers=[1],
        outcome="disclosed",
        figures_given=True,
        reveals_held=True,
    )
    with pytest.raises(DecisionError, match="changed since it was sent for approval"):
        response_approve(actor=approver, request=drafted)


def test_send_back_needs_reasons_and_returns_to_drafting(drafted, officer, approver):
    response_submit(actor=officer, request=drafted)
    with pytest.raises(DecisionError, match="Say why"):
        response_send_back(actor=approver, request=drafted, reasons=" ")
    response_send_back(actor=approver, request=drafted, reasons="Cite s40(5B), not s40(5).")
    drafted.refresh_from_db()
    assert drafted.state == RequestState.DRAFTING
    assert drafted.versions.get().reasons == "Cite s40(5B), not s40(5)."


def test_submission_needs_a_decision_on_every_question(case, officer):
    decision_save(actor=officer, request=case, question_numbers=[1], outcome="not_held")
    with pytest.raises(DecisionError, match="Question 2, 3 has no decision"):
        response_submit(actor=officer, request=case)
    assert not LibraryParagraph.objects.exists()


@time_machine.travel(SENDING_DAY)
def test_submitting_the_same_draft_again_is_refused_and_keeps_its_approval(
    drafted, officer, approver
):
    # A second press of "Send for approval" (or a stale page) must not freeze the same draft
    # again: while it waits, nothing new is added; once approved, the approval stands.
    response_submit(actor=officer, request=drafted)
    events = AuditEvent.objects.count()
    with pytest.raises(DecisionError, match="Version 1 of this draft is already awaiting approval"):
        response_submit(actor=officer, request=drafted)
    assert ResponseVersion.objects.filter(request=drafted).count() == 1
    assert AuditEvent.objects.count() == events

    response_approve(actor=approver, request=drafted)
    with pytest.raises(DecisionError, match="Version 1 of this draft is already approved"):
        response_submit(actor=officer, request=drafted)
    assert approved_and_current(drafted) is not None
    response_record_sent(actor=officer, request=drafted, sent_on=dt.date(2023, 2, 10))


def test_a_draft_sent_back_unchanged_may_be_sent_for_approval_again(drafted, officer, approver):
    response_submit(actor=officer, request=drafted)
    response_send_back(actor=approver, request=drafted, reasons="Check the figures.")
    version = response_submit(actor=officer, request=drafted, note="Checked: they are right.")
    assert (version.number, version.status) == (2, "awaiting")


@pytest.mark.parametrize(
    ("regime", "expected"),
    [
        ("foia", "General: internal review, then the ICO."),
        ("eir", "EIR: representations (reg 11), then the ICO (reg 18)."),
        ("foisa", "FOISA: review (s20), then the Scottish Information Commissioner (s47)."),
    ],
)
def test_each_regime_gets_its_own_rights_paragraph(make_request, officer, regime, expected):
    from foidesk.cases.models import Authority
    from foidesk.cases.services import authority_update

    authority_update(
        actor=officer,
        authority=Authority.current(),
        rights_paragraph="General: internal review, then the ICO.",
        rights_paragraph_eir="EIR: representations (reg 11), then the ICO (reg 18).",
        rights_paragraph_foisa=(
            "FOISA: review (s20), then the Scottish Information Commissioner (s47)."
        ),
    )
    case = make_request(regime=regime)
    assert response_data(case)["rights_paragraph"] == expected


def test_a_regime_without_its_own_paragraph_uses_the_general_one(make_request, officer):
    from foidesk.cases.models import Authority
    from foidesk.cases.services import authority_update

    authority_update(
        actor=officer,
        authority=Authority.current(),
        rights_paragraph="General: internal review, then the ICO.",
        rights_paragraph_eir="  ",
    )
    assert response_data(make_request(regime="eir"))["rights_paragraph"] == (
        "General: internal review, then the ICO."
    )
