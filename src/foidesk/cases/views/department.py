"""The department contact's pages: only the questions routed to their department."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from foidesk.accounts.models import Role

from ..access import question_for_user, questions_visible_to
from ..models import QuestionStatus
from ..services import RegisterError, question_answer


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What your department holds that answers the question, or that it holds "
        "nothing. Attach figures as a table in the text for now.",
        error_messages={"required": "Enter your answer"},
    )
    hours_spent = forms.CharField(
        label="Hours spent finding and extracting the information",
        help_text="Count time spent deciding whether you hold it, finding it, retrieving it and "
        "extracting it. Do not count time redacting or considering exemptions (Fees Regulations "
        "reg 4(3)). For example, 1.5",
        error_messages={"required": "Enter the hours spent, or 0"},
    )

    def clean_hours_spent(self) -> Decimal:
        raw = self.cleaned_data["hours_spent"].strip()
        try:
            hours = Decimal(raw)
        except InvalidOperation as exc:
            raise forms.ValidationError("Hours spent must be a number, like 2 or 1.5") from exc
        if not hours.is_finite() or hours < 0:
            raise forms.ValidationError("Hours spent must be 0 or more")
        if hours > 1000:
            raise forms.ValidationError("Hours spent must be 1000 or fewer")
        return hours.quantize(Decimal("0.01"))


@login_required
def my_questions(request: HttpRequest) -> HttpResponse:
    """Questions routed to the signed-in contact's departments, waiting ones first."""
    questions = (
        questions_visible_to(request.user)
        .filter(department__contacts=request.user)
        .select_related("request", "department")
        .order_by("request__due_date", "request__reference", "number")
    )
    waiting = [q for q in questions if q.status == QuestionStatus.WITH_DEPARTMENT]
    answered = [q for q in questions if q.status != QuestionStatus.WITH_DEPARTMENT]
    return render(
        request,
        "cases/my_questions.html",
        {"waiting": waiting, "answered": answered, "nav_section": "my-questions"},
    )


@login_required
def answer_question(request: HttpRequest, pk: int) -> HttpResponse:
    """One routed question: the request's other words are not shown, nor who asked."""
    question = question_for_user(request.user, pk)
    can_answer = request.user.role == Role.DEPARTMENT_CONTACT and question.status in (
        QuestionStatus.WITH_DEPARTMENT,
        QuestionStatus.ANSWERED,
    )
    initial = {
        "answer": question.department_answer,
        "hours_spent": "" if question.hours_spent is None else str(question.hours_spent),
    }
    form = AnswerForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if not can_answer:
            return HttpResponse("This question cannot be answered by you now.", status=403)
        if form.is_valid():
            try:
                question_answer(
                    actor=request.user,
                    question=question,
                    answer=form.cleaned_data["answer"],
                    hours_spent=form.cleaned_data["hours_spent"],
                )
            except RegisterError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    f"Your answer to question {question.number} of "
                    f"{question.request.reference} has been sent to the FOI team",
                )
                return redirect("cases:my-questions")
        status = 400
    return render(
        request,
        "cases/answer_question.html",
        {
            "question": question,
            "form": form,
            "can_answer": can_answer,
            "nav_section": "my-questions",
        },
        status=status,
    )
