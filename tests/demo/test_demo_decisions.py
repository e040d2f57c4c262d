"""`foidesk demo`: the decisions, harm and public interest tests and sign-off of its responses.

190A/23 against its structured seed (``tests/law/data/190A-23.json``); the response checker
over every response the demo sent; every outcome; the cost worksheet; the paragraph library;
four eyes. The demo is loaded once for this module and the database emptied afterwards, as in
``test_demo_data``.
"""

import html
import json
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from foidesk.accounts.models import Role, User
from foidesk.cases.models import ClockEventKind, LinkKind, RegimeChoice, Request
from foidesk.cases.states import RequestState
from foidesk.decisions import documents
from foidesk.decisions.compose import findings_for, response_data, response_for
from foidesk.decisions.models import (
    CostActivity,
    Decision,
    LibraryParagraph,
    OutcomeChoice,
    ResponseVersion,
    SignOffStatus,
)
from foidesk.decisions.models import (
    TestParagraph as ParagraphInTest,
)
from foidesk.decisions.services import approved_and_current, drafters
from foidesk.demo import decisions as demo_decisions
from foidesk.demo import register
from foidesk.law.checker import Severity
from foidesk.law.exemptions import cost_limit_hours, get_provision, needs_harm_test
from foidesk.law.provisions import is_within

SEED_JSON = Path(__file__).resolve().parents[1] / "law" / "data" / "190A-23.json"

#: Clock events the structured response has no field for (``compose.response_data`` passes the
#: date of receipt, the due date and a public interest extension only): the checker counts 20
#: working days from receipt, so it cannot see a clarification restarting the clock, a fee
#: pausing it or a reg 7 extension. See ``test_the_checker_finds_no_error_in_any_response_sent``.
CLOCK_THE_CHECKER_CANNOT_SEE = {
    ClockEventKind.CLARIFICATION_RECEIVED,
    ClockEventKind.FEE_NOTICE,
    ClockEventKind.EIR_EXTENSION,
}


@pytest.fixture(scope="module")
def seed_json():
    return json.loads(SEED_JSON.read_text(encoding="utf-8"))


def _seed() -> Request:
    return Request.objects.get(reference="190A/23")


def _sent():
    """Every request the demo answered (responded, under review, with the ICO or closed)."""
    return Request.objects.exclude(responded_on=None)


# --- 190A/23 -------------------------------------------------------------------------------


def test_190A_23_decisions_are_the_seeds(demo, seed_json):
    data = response_data(_seed())
    assert len(data["decisions"]) == len(seed_json["decisions"]) == 2
    for ours, seed in zip(data["decisions"], seed_json["decisions"], strict=True):
        assert ours["questions"] == seed["questions"]
        assert ours["outcome"] == seed["outcome"]
        assert [p["id"] for p in ours["provisions"]] == seed["provisions"]
        assert ours["text"] == seed["text"]
        assert ours["figures_given"] is seed["figures_given"]
        assert ours["reveals_held"] is seed["reveals_held"]
    ncnd, disclosed = data["decisions"]
    assert ncnd["provisions"] == [
        {"id": "foia:s30(3)"},
        {"id": "foia:s31(3)"},
        {"id": "foia:s38(2)"},
        {"id": "foia:s40(5)"},
    ]
    assert disclosed["text"].startswith("In relation to Question 3 and 4 please see the attached.")


def _paragraph(p: dict) -> tuple:
    return (p["text"], tuple(p["written_for"]), p["topic"])


def test_190A_23_tests_are_the_seeds_written_as_library_paragraphs(demo, seed_json):
    tests = {t["provision"]: t for t in response_data(_seed())["tests"]}
    # s40(5) is absolute: the seed (and the demo) has no test for it.
    assert list(tests) == [t["provision"] for t in seed_json["tests"]]
    assert "foia:s40(5)" not in tests
    for seed in seed_json["tests"]:
        ours = tests[seed["provision"]]
        assert ours["kind"] == seed["kind"] == "ncnd"
        assert ours["balance"] == seed["balance"]
        assert ours["conclusion"] == seed["conclusion"]
        for section in ("factors_for", "factors_against"):
            assert [_paragraph(p) for p in ours[section]] == [_paragraph(p) for p in seed[section]]
            assert [p["id"] for p in ours[section]] == [
                f"{demo_decisions.library_key(p['id'])}@1" for p in seed[section]
            ]
        # Evidence of harm for the prejudice-based provisions (s31(3), s38(2)) only: s30 is
        # class-based. The seed prints the harm once for the whole test; its structured form
        # repeats it under each of the three.
        if needs_harm_test(seed["provision"]):
            assert [_paragraph(p) for p in ours["evidence_of_harm"]] == [
                _paragraph(p) for p in seed["evidence_of_harm"]
            ]
        else:
            assert ours["evidence_of_harm"] == []
    assert [t for t in tests if tests[t]["evidence_of_harm"]] == ["foia:s31(3)", "foia:s38(2)"]


def test_190A_23_was_drafted_by_the_officer_approved_by_the_approver_and_sent_on_16_february(
    demo,
):
    request = _seed()
    officer, approver = User.objects.get(username="officer"), User.objects.get(username="approver")
    (version,) = request.versions.all()
    assert version.status == SignOffStatus.APPROVED
    assert version.submitted_by == officer
    assert version.decided_by == approver
    assert drafters(request) == {officer.pk}
    assert approved_and_current(request) == version
    assert request.state == RequestState.RESPONDED
    assert request.responded_on == date(2023, 2, 16)
    events = list(
        request.audit_events.filter(event_type__startswith="response.").values_list(
            "event_type", "actor__username"
        )
    )
    assert events == [
        ("response.submitted", "officer"),
        ("response.approved", "approver"),
        ("response.sent", "officer"),
    ]
    sent = request.audit_events.get(event_type="response.sent")
    assert (sent.summary, sent.detail) == (
        "Version 1 sent on 16 February 2023",
        {"sent_on": "2023-02-16"},
    )


def _words(text: str) -> str:
    return " ".join(text.replace("\u200b", " ").split())


def test_190A_23_renders_like_the_seed_response(demo, seed_json):
    """The response page says what the seed says, in the seed's order: the answers, the
    evidence of harm once, the factors for and against per provision, the balance and the
    conclusion."""
    rendered = documents.render_html(response_for(_seed()))
    page = _words(html.unescape(re.sub(r"<[^>]+>", " ", rendered)))
    expected = [p for d in seed_json["decisions"] for p in d["text"].split("\n\n")]
    expected += [p["text"] for p in seed_json["tests"][0]["evidence_of_harm"]]
    for test in seed_json["tests"]:
        expected += [p["text"] for p in test["factors_for"] + test["factors_against"]]
    expected += seed_json["tests"][0]["balance"].split("\n\n")
    expected.append(seed_json["tests"][0]["conclusion"])
    position = 0
    for paragraph in expected:
        found = page.find(_words(paragraph), position)
        assert found >= 0, f"not found (in order): {paragraph[:70]}"
        position = found + 1
    harm = _words(seed_json["tests"][0]["evidence_of_harm"][0]["text"])
    assert page.count(harm) == 1


def test_190A_23_attaches_its_table_for_questions_3_and_4(demo):
    request = _seed()
    (attachment,) = request.attachments.all()
    assert attachment.name == demo_decisions.SEED_ATTACHMENT_NAME
    assert sorted(q.number for q in attachment.questions.all()) == [3, 4]
    assert attachment.uploaded_by.username == "officer"
    with attachment.file.open("rb") as handle:
        content = handle.read()
    assert content == demo_decisions.seed_attachment_csv()
    text = content.decode()
    assert text.startswith("Dismissals for misconduct related to sexual or domestic abuse")
    assert "2018/19" in text and "2022/23" in text and "<5" in text
    # Attached before submission: the approved version includes it.
    (version,) = request.versions.all()
    expected = [{"name": attachment.name, "questions": [3, 4], "sha256": attachment.sha256}]
    assert version.snapshot["attachments"] == response_data(request)["attachments"] == expected
    rendered = html.unescape(documents.render_html(response_for(request)))
    assert "Attachments" in rendered
    assert attachment.name in rendered


def test_the_checker_finds_nothing_wrong_with_190A_23(demo):
    findings = findings_for(_seed())
    assert [f.code for f in findings if f.severity is Severity.ERROR] == []
    assert findings == []


# --- every response sent -------------------------------------------------------------------


def test_every_response_sent_was_approved_and_is_unchanged_since(demo):
    for request in _sent().prefetch_related("versions"):
        assert approved_and_current(request) is not None, request.reference
        assert request.questions.filter(decisions=None).count() == 0, request.reference


def test_the_checker_finds_no_error_in_any_response_sent(demo):
    """No response sent has an error in its content: provisions, tests, NCND wording, cost
    estimates, rights. The only errors are about dates:

    - ``response_late`` where the response really was late (the demo keeps some late
      responses, as every force has them: see ``test_most_responses_were_sent_in_time``);
    - ``response_late`` and ``pit_extension_notice_late`` where the request's clock was
      restarted by a clarification, paused by a fee or extended under EIR reg 7: the
      structured response carries none of those, so the checker counts from the date of
      receipt (a limit of ``compose.response_data``, not of these responses).
    """
    unexplained, late, clean = [], 0, 0
    for request in _sent():
        events = set(request.clock_events.values_list("kind", flat=True))
        due = request.decision_due or request.due_date
        errors = [f for f in findings_for(request) if f.severity is Severity.ERROR]
        clean += not errors
        for f in errors:
            if f.code == "response_late" and request.responded_on > due:
                late += 1
            elif f.code in ("response_late", "pit_extension_notice_late") and (
                events & CLOCK_THE_CHECKER_CANNOT_SEE
            ):
                continue
            else:
                unexplained.append((request.reference, f.code, f.where, f.message))
    assert unexplained == []
    assert late == sum(1 for r in _sent() if r.responded_on > (r.decision_due or r.due_date))
    assert clean / _sent().count() > 0.8


def test_every_outcome_appears_in_the_responses_sent(demo):
    outcomes = set(Decision.objects.filter(request__in=_sent()).values_list("outcome", flat=True))
    assert outcomes == set(OutcomeChoice.values)


def test_provisions_are_the_requests_own_regimes(demo):
    seen = set()
    for decision in Decision.objects.select_related("request"):
        for pid in decision.provision_ids:
            assert pid.startswith(f"{decision.request.regime}:"), (decision, pid)
            seen.add(decision.request.regime)
    assert seen == set(RegimeChoice.values)


def test_each_outcome_cites_what_its_regime_requires(demo):
    wanted = {
        OutcomeChoice.COST_LIMIT: {
            "foia": "foia:s12",
            "foisa": "foisa:s12",
            "eir": "eir:reg12(4)(b)",
        },
        OutcomeChoice.VEXATIOUS: {"foia": "foia:s14(1)"},
        OutcomeChoice.REPEATED: {"foia": "foia:s14(2)"},
        OutcomeChoice.REASONABLY_ACCESSIBLE: {"foia": "foia:s21", "foisa": "foisa:s25"},
        OutcomeChoice.FUTURE_PUBLICATION: {"foia": "foia:s22"},
    }
    for decision in Decision.objects.filter(outcome__in=wanted).select_related("request"):
        container = wanted[decision.outcome][decision.request.regime]
        assert any(is_within(pid, container) for pid in decision.provision_ids), decision
    for decision in Decision.objects.filter(outcome=OutcomeChoice.REASONABLY_ACCESSIBLE):
        assert decision.where
    for decision in Decision.objects.filter(outcome=OutcomeChoice.FUTURE_PUBLICATION):
        assert decision.publication_date is not None
        assert decision.publication_date > decision.request.responded_on
    for decision in Decision.objects.filter(outcome=OutcomeChoice.NCND):
        assert not decision.figures_given and not decision.reveals_held


def test_the_repeated_request_is_the_same_as_the_one_it_repeats(demo):
    (decision,) = Decision.objects.filter(outcome=OutcomeChoice.REPEATED)
    later = decision.request
    (link,) = later.links_out.filter(kind=LinkKind.SAME_REQUESTER)
    earlier = link.to_request
    assert f"your request {earlier.reference}, received on" in decision.text
    # Refused without troubling the departments.
    assert not later.questions.exclude(department=None).exists()
    assert earlier.request_text == later.request_text
    assert earlier.requester.name == later.requester.name
    assert earlier.responded_on < timezone.localtime(later.received_at).date()
    # s14(2) is for a request the force has complied with: answered, or nothing held.
    assert not earlier.decisions.exclude(
        outcome__in=[OutcomeChoice.DISCLOSED, OutcomeChoice.NOT_HELD]
    ).exists()


# --- the cost limit ------------------------------------------------------------------------

_COUNTS = {
    "foia": {
        CostActivity.DETERMINING,
        CostActivity.LOCATING,
        CostActivity.RETRIEVING,
        CostActivity.EXTRACTING,
    },
    "foisa": {CostActivity.LOCATING, CostActivity.RETRIEVING, CostActivity.EXTRACTING},
}


def test_cost_limit_refusals_have_a_worksheet_over_the_limit_and_advice(demo):
    refusals = Decision.objects.filter(outcome=OutcomeChoice.COST_LIMIT).select_related("request")
    assert refusals.filter(request__regime="foia").exists()
    for decision in refusals:
        regime = decision.request.regime
        lines = list(decision.cost_lines.all())
        numbers = {q.number for q in decision.questions.all()}
        # A line for every question, by activity.
        assert {line.question.number for line in lines} == numbers, decision
        assert decision.advice_to_narrow.strip(), decision
        assert decision.cost_basis.strip(), decision
        if regime == "eir":
            continue  # reg 12(4)(b): no hours limit, a public interest test instead
        _, _, limit = cost_limit_hours(regime, "police")
        counted = sum(line.hours for line in lines if line.activity in _COUNTS[regime])
        assert counted > Decimal(str(limit)), decision
        if regime == "foia":
            assert "Fees" in decision.text and "\u00a3450" in decision.text


# --- the paragraph library -----------------------------------------------------------------


def test_the_seeds_paragraphs_are_in_the_library(demo, seed_json):
    for test in seed_json["tests"]:
        for section in ("evidence_of_harm", "factors_for", "factors_against"):
            for p in test[section]:
                key = demo_decisions.library_key(p["id"])
                paragraph = LibraryParagraph.objects.get(key=key, version=1)
                assert key == p["id"].split("@")[0].replace("/", "-")
                assert paragraph.text == p["text"]
                assert paragraph.written_for == p["written_for"]
                assert paragraph.topic == p["topic"]
                assert paragraph.section == section
                assert paragraph.is_current


def test_library_paragraphs_are_versioned_and_show_where_they_are_used(demo):
    library = LibraryParagraph.objects.all()
    assert library.filter(is_current=True).count() == len(demo_decisions.LIBRARY)
    for key in set(library.values_list("key", flat=True)):
        assert library.filter(key=key, is_current=True).count() == 1
        for paragraph in library.filter(key=key):
            for pid in paragraph.written_for:
                get_provision(pid)
    # One paragraph was edited: the new version is current, the first is kept.
    edited = library.filter(key="wmp-harm-tactics-capability-1")
    assert list(edited.values_list("version", "is_current")) == [(2, True), (1, False)]
    # Where used: the seed's harm paragraphs in 190A/23's s31(3) and s38(2) tests.
    harm = LibraryParagraph.objects.get(key="wmp-harm-officer-investigations-ncnd-1")
    assert {(u.test.request.reference, u.test.provision) for u in harm.uses.all()} == {
        ("190A/23", "foia:s31(3)"),
        ("190A/23", "foia:s38(2)"),
    }
    used = {p.key for p in library if p.uses.exists()}
    assert len(used) >= 20
    # Every test paragraph taken from the library argues the provision of its test.
    for paragraph in ParagraphInTest.objects.exclude(library_paragraph=None).select_related(
        "test", "library_paragraph"
    ):
        provision = paragraph.test.provision
        assert any(
            is_within(w, provision) or is_within(provision, w)
            for w in paragraph.library_paragraph.written_for
        ), (paragraph, provision)
        assert paragraph.text == paragraph.library_paragraph.text


def test_loading_the_library_again_adds_nothing(demo):
    before = list(LibraryParagraph.objects.values_list("key", "version", "text"))
    library = demo_decisions.load_demo_library(User.objects.get(username="officer"))
    assert list(LibraryParagraph.objects.values_list("key", "version", "text")) == before
    assert library.current("wmp-harm-tactics-capability-1").version == 2


# --- sign-off ------------------------------------------------------------------------------


def test_four_eyes_every_decision_was_made_by_someone_who_drafted_none_of_it(demo):
    decided = ResponseVersion.objects.exclude(status=SignOffStatus.AWAITING).select_related(
        "request", "submitted_by", "decided_by"
    )
    assert decided.filter(status=SignOffStatus.APPROVED).count() == _sent().count()
    for version in decided:
        assert version.submitted_by.role == Role.FOI_OFFICER
        assert version.decided_by.role == Role.DECISION_MAKER
        assert version.decided_by != version.submitted_by
        assert version.decided_by_id not in drafters(version.request)


def _key(paragraph: dict) -> str:
    return paragraph["id"].split("@")[0]


def test_drafts_awaiting_approval_and_sent_back(demo):
    awaiting = Request.objects.filter(state=RequestState.AWAITING_APPROVAL)
    assert awaiting.count() == register.STATE_COUNTS[RequestState.AWAITING_APPROVAL]
    came_back = 0
    for request in awaiting:
        current = request.versions.first()
        assert current.status == SignOffStatus.AWAITING
        assert not request.questions.filter(decisions=None).exists()
        earlier = request.versions.exclude(pk=current.pk)
        for version in earlier:
            assert version.status == SignOffStatus.SENT_BACK
            assert "s31 harm" in version.reasons
            # The first version's s31 harm said only what disclosure would cost; the version
            # awaiting approval says first how offenders would use the detail.
            (before,) = [t for t in version.snapshot["tests"] if t["provision"] == "foia:s31(1)"]
            (after,) = [t for t in current.snapshot["tests"] if t["provision"] == "foia:s31(1)"]
            assert [_key(p) for p in before["evidence_of_harm"]] == [
                "wmp-harm-tactics-capability-2"
            ]
            assert [_key(p) for p in after["evidence_of_harm"]] == [
                "wmp-harm-tactics-capability-1",
                "wmp-harm-tactics-capability-2",
            ]
        came_back += earlier.exists()
    assert came_back >= 1
    drafting = Request.objects.filter(state=RequestState.DRAFTING)
    sent_back = [r for r in drafting if r.versions.filter(status=SignOffStatus.SENT_BACK).exists()]
    assert len(sent_back) == 1
    assert sent_back[0].versions.get().reasons
    partly = [r for r in drafting if r.decisions.exists() and r.questions.filter(decisions=None)]
    assert partly, "some drafts are part decided"
    assert drafting.filter(decisions=None).exists(), "some drafts are not started"


# --- the plan ------------------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(2026, 3, 4), date(2026, 8, 31), date(2027, 1, 4)])
def test_the_plan_gives_every_outcome_whatever_the_day(day):
    now = datetime(day.year, day.month, day.day, 15, 30, tzinfo=timezone.get_current_timezone())
    specs = register.demo_plan(today=day, now=now)
    sent = [s for s in specs if s.responded_on is not None]
    outcomes = set().union(*(demo_decisions.outcomes_for(s.kinds, s.regime) for s in sent))
    assert outcomes == set(OutcomeChoice.values)
    for spec in specs:
        assert len(spec.kinds) == spec.n_questions
        if spec.regime != RegimeChoice.FOIA:
            assert not demo_decisions.FOIA_ONLY & set(spec.kinds), spec
