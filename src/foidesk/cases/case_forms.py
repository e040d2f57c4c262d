"""Forms on the case page: each action is its own small form posted to its own address."""

from django import forms

from foidesk.accounts.models import Role, User
from foidesk.web.forms import DateField

from .models import ClockEventKind, Department, LinkKind, RegimeChoice, RevealPurpose
from .states import ELSEWHERE, allowed_transitions


class StateChangeForm(forms.Form):
    to_state = forms.ChoiceField(
        label="Move this request to",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what happens next"},
    )
    reason = forms.CharField(
        label="Reason (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, state: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.state = str(state)
        self.fields["to_state"].choices = [
            (target.value, label)
            for target, label in allowed_transitions(state).items()
            if (self.state, target.value) not in ELSEWHERE
        ]

    def clean(self):
        """A change made on another page (``states.ELSEWHERE``) is refused with where to go."""
        elsewhere = ELSEWHERE.get((self.state, str(self.data.get("to_state", ""))))
        if elsewhere and "to_state" in self.errors:
            del self.errors["to_state"]
            raise forms.ValidationError(elsewhere)
        return super().clean()


class ClockEventForm(forms.Form):
    kind = forms.ChoiceField(
        label="What happened",
        choices=ClockEventKind.choices,
        error_messages={"required": "Choose what happened"},
    )
    on = DateField(
        label="Date it happened",
        help_text="For a fee or a clarification, the day it reached us. For example, 27 3 2023",
        not_in_future=True,
        error_messages={"required": "Enter the date it happened"},
    )
    extended_to = DateField(
        label="New decision date (public interest extension only)",
        required=False,
        help_text="The date by which the public interest decision will be made (s17(2)).",
    )
    note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(
        label="Assigned officer",
        queryset=User.objects.filter(role=Role.FOI_OFFICER, is_active=True).order_by(
            "first_name", "last_name"
        ),
        required=False,
        empty_label="Nobody",
    )


class RouteQuestionForm(forms.Form):
    department = forms.ModelChoiceField(
        label="Department",
        queryset=Department.objects.all(),
        required=False,
        empty_label="Not routed",
    )


class RegimeForm(forms.Form):
    regime = forms.ChoiceField(label="Handle under", choices=RegimeChoice.choices)
    reason = forms.CharField(
        label="Why",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why the request moves to another regime"},
    )


class RevealForm(forms.Form):
    purpose = forms.ChoiceField(
        label="Why do you need to see who asked?",
        choices=RevealPurpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why you need to see who asked"},
    )
    note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LinkForm(forms.Form):
    reference = forms.CharField(
        label="Reference of the other request",
        max_length=40,
        error_messages={"required": "Enter the other request's reference"},
    )
    kind = forms.ChoiceField(label="How they are linked", choices=LinkKind.choices)
