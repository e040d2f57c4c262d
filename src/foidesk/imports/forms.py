"""The imported records list's search form (a GET form: every search is a link)."""

from django import forms

from foidesk.cases.models import RegimeChoice

from .models import Outcome
from .selectors import RecordFilters


def _choose(what: str) -> dict[str, str]:
    return {"invalid_choice": f"Choose {what} from the list"}


class RecordSearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        help_text="Words from a title or the page, a reference such as 190A/23, or a provision",
        error_messages={"max_length": "Search must be 200 characters or fewer"},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        required=False,
        choices=[("", "Any outcome"), *Outcome.choices],
        error_messages=_choose("an outcome"),
    )
    authority = forms.ChoiceField(
        label="Authority", required=False, error_messages=_choose("an authority")
    )
    provision = forms.RegexField(
        label="Provision cited",
        required=False,
        regex=r"^\s*(?:s|reg)\d{1,3}[A-Z]?(?:\(\w{1,4}\))*\s*$",
        max_length=40,
        help_text="In the form s31, s31(1)(a), s40(5) or reg12(5)(b)",
        error_messages={"invalid": "Enter a provision like s31(1)(a) or reg12(5)(b)"},
    )
    regime = forms.ChoiceField(
        label="Law",
        required=False,
        choices=[("", "Any law"), *RegimeChoice.choices],
        error_messages=_choose("a law"),
    )
    ncnd = forms.ChoiceField(
        label="Neither confirm nor deny",
        required=False,
        choices=[("", "Either"), ("yes", "NCND for some part"), ("no", "No NCND")],
        error_messages=_choose("an NCND option"),
    )
    run = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    SELECTS = ("outcome", "authority", "regime", "ncnd")

    def __init__(self, data, *, authorities: list[str]) -> None:
        super().__init__(data)
        self.fields["authority"].choices = [("", "Any authority"), *((a, a) for a in authorities)]

    def selects(self):
        return [self[name] for name in self.SELECTS]

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)

    def filters(self) -> RecordFilters:
        """The valid filters only: a bad value is left out (and reported by the page)."""
        data = getattr(self, "cleaned_data", {})
        ncnd = data.get("ncnd")
        return RecordFilters(
            q=(data.get("q") or "").strip(),
            outcome=data.get("outcome") or "",
            authority=data.get("authority") or "",
            provision=(data.get("provision") or "").strip(),
            regime=data.get("regime") or "",
            ncnd=None if not ncnd else ncnd == "yes",
            run=data.get("run"),
        )
