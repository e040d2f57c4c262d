"""Who may see which records: the one access check for requests and questions.

Every view fetches protected records through these functions. A record that does not exist
and a record the user may not see give the same 404, so a reference cannot be probed. The
list functions and the record functions use the same querysets, so they always agree (a test
walks every role to prove it).
"""

from django.db.models import QuerySet
from django.http import Http404

from foidesk.accounts.models import Role, User

from .models import Question, Request

#: Roles that see the whole register (applicant-blind).
REGISTER_ROLES = frozenset({Role.FOI_OFFICER, Role.DECISION_MAKER, Role.READ_ONLY})


def sees_register(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role in REGISTER_ROLES


def can_edit_register(user: User) -> bool:
    """Only FOI officers log, route, change state and record clock events."""
    return user.is_authenticated and user.is_active and user.role == Role.FOI_OFFICER


def requests_visible_to(user: User) -> QuerySet[Request]:
    """Requests this user may open: the whole register for register roles, none otherwise.

    Department contacts never open a case; they see their routed questions only.
    """
    if sees_register(user):
        return Request.objects.all()
    return Request.objects.none()


def request_for_user(user: User, slug: str) -> Request:
    """The request at ``/staff/requests/<slug>/``, or 404 if missing or not for this user."""
    try:
        return requests_visible_to(user).get(slug=slug)
    except Request.DoesNotExist as exc:
        raise Http404("No such request") from exc


def request_for_officer(user: User, slug: str) -> Request:
    """The request, for an FOI officer to change (its response, its publication); the same
    404 as a missing request for anyone else."""
    case = request_for_user(user, slug)
    if not can_edit_register(user):
        raise Http404("No such request")
    return case


def questions_visible_to(user: User) -> QuerySet[Question]:
    """Questions this user may open: all for register roles; routed ones for contacts."""
    if sees_register(user):
        return Question.objects.all()
    if user.is_authenticated and user.is_active and user.role == Role.DEPARTMENT_CONTACT:
        return Question.objects.filter(department__contacts=user)
    return Question.objects.none()


def question_for_user(user: User, pk: int) -> Question:
    try:
        return questions_visible_to(user).select_related("request", "department").get(pk=pk)
    except Question.DoesNotExist as exc:
        raise Http404("No such question") from exc
