"""Staff: publishing a sent response to the disclosure log, correcting it, withdrawing it.

The page shows each proposed redaction by its reason and the words around it, never the words
removed: staff pages stay applicant-blind (the requester's name is shown only through a
recorded reveal on the case page).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from foidesk.cases.access import request_for_officer
from foidesk.cases.models import Request

from .. import public, redaction, services
from ..forms import PublishForm, WithdrawForm

CONTEXT = 60


@dataclass(frozen=True)
class Proposal:
    """A proposed redaction as the officer sees it: where, why, and the words around it."""

    key: str
    where: str
    reason: str
    before: str
    after: str


def _proposals(draft: services.PublicationDraft) -> list[Proposal]:
    """Each proposal with the words around it, the other proposals in those words already
    redacted (so the context never shows the requester's details either)."""
    out = []
    for match in draft.matches:
        text = draft.texts[match.field]
        others = [m for m in draft.matches if m.field == match.field and m is not match]
        head = redaction.apply(text[: match.start], [m for m in others if m.end <= match.start])
        tail = redaction.apply(
            text[match.end :],
            [
                replace(m, start=m.start - match.end, end=m.end - match.end)
                for m in others
                if m.start >= match.end
            ],
        )
        before = " ".join(head[-CONTEXT:].split())
        after = " ".join(tail[:CONTEXT].split())
        out.append(
            Proposal(
                key=match.key,
                where=services.describe_field(match.field),
                reason=match.rule.reason,
                before=("…" if len(head) > CONTEXT else "") + before,
                after=after + ("…" if len(tail) > CONTEXT else ""),
            )
        )
    return out


def _page_url(case: Request) -> str:
    return reverse("disclosure:publish", args=[case.slug])


def _render(
    request: HttpRequest,
    case: Request,
    *,
    publish_form: PublishForm | None = None,
    withdraw_form: WithdrawForm | None = None,
    status: int = 200,
) -> HttpResponse:
    current = case.publications.filter(is_current=True).first()
    try:
        draft = services.publication_draft(case)
    except services.PublishError as exc:
        draft, not_ready = None, str(exc)
    else:
        not_ready = ""
    if draft is not None and publish_form is None:
        publish_form = PublishForm(
            match_keys=[m.key for m in draft.matches],
            is_correction=current is not None,
            initial={
                "keep": [m.key for m in draft.matches],
                "topics": list(current.topics.all()) if current else [],
            },
        )
    page_errors = []
    for form, anchor in ((publish_form, "publish"), (withdraw_form, "withdraw")):
        if form is not None and form.is_bound:
            page_errors += [(anchor, str(e)) for errs in form.errors.values() for e in errs]
    return render(
        request,
        "disclosure/publish.html",
        {
            "case": case,
            "current": current,
            "current_url": public.entry_url(current) if current else "",
            "earlier": case.publications.filter(is_current=False).order_by("-version"),
            "draft": draft,
            "not_ready": not_ready,
            "proposals": _proposals(draft) if draft else [],
            "preview_request": draft.redacted().get("request.text", "") if draft else "",
            "publish_form": publish_form,
            "withdraw_form": withdraw_form or WithdrawForm(),
            "page_errors": page_errors,
            "nav_section": "requests",
        },
        status=status,
    )


@login_required
def publish_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The publishing page (GET) and publishing itself (POST)."""
    case = request_for_officer(request.user, slug)
    if request.method != "POST":
        return _render(request, case)
    try:
        draft = services.publication_draft(case)
    except services.PublishError as exc:
        messages.error(request, str(exc))
        return redirect(_page_url(case))
    form = PublishForm(
        request.POST,
        match_keys=[m.key for m in draft.matches],
        is_correction=draft.current is not None,
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            publication = services.publication_publish(
                actor=request.user,
                request=case,
                keep=set(data["keep"]),
                extra=[services.ExtraRedaction(data["extra_text"], data["extra_reason"])],
                topics=list(data["topics"]),
                new_topics=form.new_topic_names(),
                correction_note=data.get("correction_note", ""),
            )
        except services.PublishError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"{case.reference} is in the disclosure log (version {publication.version})",
            )
            return redirect(_page_url(case))
    return _render(request, case, publish_form=form, status=400)


@login_required
@require_POST
def withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    case = request_for_officer(request.user, slug)
    current = case.publications.filter(is_current=True).first()
    if current is None:
        raise Http404("This request is not in the disclosure log")
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.publication_withdraw(
                actor=request.user, publication=current, reason=form.cleaned_data["reason"]
            )
        except services.PublishError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{case.reference} has been withdrawn from the log")
            return redirect(_page_url(case))
    return _render(request, case, withdraw_form=form, status=400)
