"""The demo force's disclosure log: every sent response published, 190A/23 first, through the
same publishing service an officer uses (requester redacted, attachments copied)."""

from __future__ import annotations

from foidesk.accounts.models import User
from foidesk.cases.models import Request
from foidesk.disclosure.models import Publication
from foidesk.disclosure.services import PublishError, publication_publish

from .register import SEED_REFERENCE, TOPICS

#: The log's topics, from the department a demo request's subject belongs to.
LOG_TOPICS = {
    "Operations": "Operational policing",
    "Professional Standards": "Professional standards and misconduct",
    "Finance": "Finance and contracts",
    "Custody": "Custody",
    "Intelligence": "Crime and intelligence",
    "Fleet and Estates": "Fleet and estates",
    "Human Resources": "Workforce",
    "Legal Services": "Legal claims",
}
_BY_TITLE = {topic.title: LOG_TOPICS.get(topic.department, topic.department) for topic in TOPICS}


def topic_for(request: Request) -> str:
    if request.reference == SEED_REFERENCE:
        return LOG_TOPICS["Professional Standards"]
    return _BY_TITLE.get(request.title, "Other requests")


def load_demo_disclosure_log() -> tuple[int, list[str]]:
    """Publish every sent response not yet in the log; returns how many, and why any could
    not be (reported, not hidden)."""
    officer = User.objects.get(username="officer")
    waiting = (
        Request.objects.filter(responded_on__isnull=False)
        .exclude(pk__in=Publication.objects.values("request_id"))
        .order_by("responded_on", "id")
    )
    waiting = sorted(waiting, key=lambda request: request.reference != SEED_REFERENCE)
    published, problems = 0, []
    for request in waiting:
        try:
            publication_publish(actor=officer, request=request, new_topics=[topic_for(request)])
        except PublishError as exc:
            problems.append(f"{request.reference}: {exc}")
        else:
            published += 1
    return published, problems
