"""The disclosure log's search form (shared by the page, the feed, the CSV and the API) and the
staff publishing forms."""

from __future__ import annotations

from django import forms

from foidesk.web.forms import RecordsField

from .models import OverallOutcome, Topic
from .selectors import MAX_PAGE_SIZE, FacetOptions, LogFilters

MAX_QUERY = 200
MAX_PAGE = 10_000


class LogSearchForm(forms.Form):
    """What someone searching the log can ask for; anything else is a clear error."""

    q = forms.CharField(
        label="Search the disclosure log",
        required=False,
        max_length=MAX_QUERY,
        help_text='Words, or "a phrase" in quotes. Use OR between words for either, and '
        "-word to leave a word out.",
        error_messages={"max_length": f"Search words must be {MAX_QUERY} characters or fewer"},
    )
    year = forms.TypedChoiceField(
        label="Year answered", required=False, coerce=int, empty_value=None
    )
    topic = forms.ChoiceField(label="Topic", required=False)
    outcome = forms.ChoiceField(label="Outcome", required=False)
    provision = forms.ChoiceField(label="Exemption or provision cited", required=False)
    ncnd = forms.ChoiceField(
        label="Neither confirm nor deny",
        required=False,
        choices=[
            ("", "Any answer"),
            ("yes", "Neither confirmed nor denied"),
            ("no", "Confirmed or denied"),
        ],
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": "The page must be a whole number",
            "min_value": "The page must be 1 or more",
            "max_value": f"The page must be {MAX_PAGE:,} or less",
        },
    )

    def __init__(self, data, *, options: FacetOptions, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [("", "Any year")] + [(y, str(y)) for y in options.years]
        self.fields["topic"].choices = [("", "Any topic"), *options.topics]
        self.fields["outcome"].choices = [("", "Any outcome"), *OverallOutcome.choices]
        self.fields["provision"].choices = [("", "Any provision"), *options.provisions]
        invalid = "Choose {what} from the list"
        for name, what in (
            ("year", "a year"),
            ("topic", "a topic"),
            ("outcome", "an outcome"),
            ("provision", "a provision"),
            ("ncnd", "an answer"),
        ):
            self.fields[name].error_messages["invalid_choice"] = invalid.format(what=what)

    def filters(self) -> LogFilters:
        data = self.cleaned_data
        return LogFilters(
            q=" ".join((data.get("q") or "").split()),
            year=data.get("year"),
            topic=data.get("topic") or "",
            outcome=data.get("outcome") or "",
            provision=data.get("provision") or "",
            ncnd={"yes": True, "no": False}.get(data.get("ncnd") or ""),
        )

    @property
    def page_number(self) -> int:
        return (self.cleaned_data.get("page") or 1) if self.is_valid() else 1


class ApiSearchForm(LogSearchForm):
    """The API's list takes the same filters and a page size."""

    page_size = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        error_messages={
            "invalid": "page_size must be a whole number",
            "min_value": "page_size must be 1 or more",
            "max_value": f"page_size must be {MAX_PAGE_SIZE} or less",
        },
    )


class PublishForm(forms.Form):
    """Publishing: which proposed redactions to keep, what else to redact, topics."""

    keep = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    extra_text = forms.CharField(
        label="Other words to redact",
        required=False,
        max_length=500,
        help_text="Exactly as they appear, for example a name in a signature the proposals missed.",
    )
    extra_reason = forms.CharField(label="Why", required=False, max_length=300)
    topics = RecordsField(
        label="Topics",
        queryset=Topic.objects.all(),
        required=False,
        error_messages={
            "invalid_choice": "Choose topics from the list",
            "invalid_pk_value": "Choose topics from the list",
        },
        widget=forms.CheckboxSelectMultiple,
    )
    new_topics = forms.CharField(
        label="New topics",
        required=False,
        max_length=300,
        help_text="Separate topics with commas.",
    )
    correction_note = forms.CharField(
        label="What this correction changes",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown on the entry beside the earlier version.",
    )

    def __init__(self, data=None, *, match_keys: list[str], is_correction: bool, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["keep"].choices = [(key, key) for key in match_keys]
        self.is_correction = is_correction
        if not is_correction:
            del self.fields["correction_note"]

    def clean(self):
        data = super().clean()
        if data.get("extra_text", "").strip() and not data.get("extra_reason", "").strip():
            self.add_error("extra_reason", "Say why these words are redacted")
        if self.is_correction and not data.get("correction_note", "").strip():
            self.add_error("correction_note", "Say what this correction changes")
        return data

    def new_topic_names(self) -> list[str]:
        return [name.strip() for name in self.cleaned_data.get("new_topics", "").split(",")]


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is this entry being withdrawn?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the entry is withdrawn"},
        help_text="Kept on the case; the public see that the page is gone.",
    )
