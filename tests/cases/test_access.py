"""The one access check: the list gate and the record gate agree for every role, and a
forbidden record looks exactly like a missing one (404)."""

import pytest
from django.http import Http404

from foidesk.accounts.models import Role
from foidesk.cases.access import (
    question_for_user,
    questions_visible_to,
    request_for_user,
    requests_visible_to,
)
from foidesk.cases.models import Department, Question, Request
from foidesk.cases.services import question_route


@pytest.fixture
def register(make_request, officer, make_staff):
    psd = Department.objects.create(name="Professional Standards")
    hr = Department.objects.create(name="Human Resources")
    contact = make_staff("psd", Role.DEPARTMENT_CONTACT)
    psd.contacts.add(contact)
    routed = make_request(questions=["Q1?", "Q2?"])
    other = make_request(questions=["Q3?"])
    question_route(actor=officer, question=routed.questions.get(number=1), department=psd)
    question_route(actor=officer, question=other.questions.get(), department=hr)
    users = {role: make_staff(f"user-{role.value}", role) for role in Role}
    users["psd contact"] = contact
    inactive = make_staff("gone", Role.FOI_OFFICER)
    inactive.is_active = False
    inactive.save()
    users["inactive officer"] = inactive
    return users


def test_list_gate_and_record_gate_agree_for_every_role(register):
    for label, user in register.items():
        visible_requests = set(requests_visible_to(user).values_list("pk", flat=True))
        for request in Request.objects.all():
            if request.pk in visible_requests:
                assert request_for_user(user, request.slug).pk == request.pk, label
            else:
                with pytest.raises(Http404):
                    request_for_user(user, request.slug)
        visible_questions = set(questions_visible_to(user).values_list("pk", flat=True))
        for question in Question.objects.all():
            if question.pk in visible_questions:
                assert question_for_user(user, question.pk).pk == question.pk, label
            else:
                with pytest.raises(Http404):
                    question_for_user(user, question.pk)


def test_who_sees_what(register):
    everyone = Request.objects.count()
    for role in (Role.FOI_OFFICER, Role.DECISION_MAKER, Role.READ_ONLY):
        assert requests_visible_to(register[role]).count() == everyone
    contact = register["psd contact"]
    assert requests_visible_to(contact).count() == 0
    assert [q.text for q in questions_visible_to(contact)] == ["Q1?"]
    assert questions_visible_to(register[Role.DEPARTMENT_CONTACT]).count() == 0
    assert requests_visible_to(register["inactive officer"]).count() == 0


def test_missing_and_forbidden_are_the_same_404_over_http(client, register):
    client.force_login(register["psd contact"])
    real = Request.objects.first()
    forbidden = client.get(real.get_absolute_url())
    missing = client.get("/staff/requests/999Z-99/")
    assert forbidden.status_code == missing.status_code == 404
    hidden_question = Question.objects.exclude(department__name="Professional Standards").first()
    assert client.get(f"/staff/questions/{hidden_question.pk}/").status_code == 404
    assert client.get("/staff/questions/999999/").status_code == 404
