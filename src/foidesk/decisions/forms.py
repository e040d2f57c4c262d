"""Forms on the response and library pages: each action is its own small form.

The forms only parse and check the shape of the input; the rules (one decision per question,
the regime's provisions, four eyes, the approval freeze) are enforced by ``services``, whose
``DecisionError`` the views show as a form error.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms

from foidesk.law import exemptions as ex
from foidesk.law.provisions import catalogue_ids
from foidesk.web.forms import MAX_ID, DateField

from .models import CostActivity, LibraryParagraph, OutcomeChoice, Section, TestKind
from .selectors import catalogue_groups, provision_nature
from .services import decision_fingerprint

#: Error for a hidden "as shown" digest that is not one.
_SHOWN_UNKNOWN = {"invalid": "Open the page again: the version you changed is not known"}


def shown_field() -> forms.RegexField:
    """The hidden digest of what a form showed (``services.text_fingerprint``)."""
    return forms.RegexField(
        regex=r"^[0-9a-f]{64}$",
        required=False,
        widget=forms.HiddenInput,
        error_messages=_SHOWN_UNKNOWN,
    )


def version_shown_field(unknown: str) -> forms.IntegerField:
    """The hidden number of the version a page showed; ``unknown`` is the error when the
    number sent is not a version's."""
    return forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ID,
        widget=forms.HiddenInput,
        error_messages={problem: unknown for problem in ("invalid", "min_value", "max_value")},
    )


#: The sections a paragraph can sit in (balance and conclusion are fields of the test).
PARAGRAPH_SECTIONS = [
    (s.value, s.label)
    for s in (Section.EVIDENCE_OF_HARM, Section.FACTORS_FOR, Section.FACTORS_AGAINST)
]

_SPLIT = re.compile(r"[,;\n]+|\s+and\s+")
_ID = re.compile(r"^(foia|eir|foisa):\s*(\S+)$", re.IGNORECASE)


def parse_provisions(text: str, regime: str = "foia") -> list[str]:
    """Catalogue ids from what an officer typed: ``foia:s31(3), s30(3); section 40(5)``.

    Each part is an id (``foia:s31(3)``) or a citation read in ``regime`` (``s31(3)``,
    ``Regulation 12(5)(b)``). Raises ``forms.ValidationError`` naming the first part that is
    not a provision in the catalogue.
    """
    out: list[str] = []
    for part in (p.strip() for p in _SPLIT.split(text or "")):
        if not part:
            continue
        m = _ID.match(part)
        ids = [f"{m.group(1).lower()}:{m.group(2)}"] if m else []
        if not ids:
            try:
                ids = catalogue_ids(part, regime)
            except ValueError:
                ids = []
        if not ids:
            raise forms.ValidationError(
                f"“{part}” is not a provision: enter it like s31(3) or foia:s31(3)"
            )
        for pid in ids:
            try:
                provision = ex.get_provision(pid)
            except ex.UnknownProvision as exc:
                raise forms.ValidationError(f"{part} is not in the exemption catalogue") from exc
            if provision.id not in out:
                out.append(provision.id)
    return out


def condition_field_name(provision_id: str) -> str:
    return "condition_" + re.sub(r"[^a-z0-9]+", "_", provision_id.lower()).strip("_")


class DecisionForm(forms.Form):
    """The decision on one question or a group of questions answered the same way."""

    #: The catalogue checkboxes are numbered ``provision-1`` ... (see ``provision_groups``).
    error_targets = {"provisions": "provision-1"}

    questions = forms.TypedMultipleChoiceField(
        label="Which questions does this decision answer?",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Questions answered the same way share one decision "
        "(“In relation to questions 1 and 2”). A question already decided elsewhere moves here.",
        error_messages={
            "required": "Choose the questions this decision answers",
            "invalid_choice": "Choose questions from this request",
        },
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=OutcomeChoice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the outcome",
            "invalid_choice": "Choose one of the outcomes listed",
        },
    )
    provisions = forms.MultipleChoiceField(
        label="Provisions relied on",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose provisions from the catalogue"},
    )
    other_provisions = forms.CharField(
        label="Or type the provisions",
        required=False,
        max_length=500,
        help_text="Separate them with commas, for example s30(3), s31(3), s40(5) or "
        "foia:s30(2)(a)(i).",
    )
    text = forms.CharField(
        label="The answer as it will read in the response",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    figures_given = forms.BooleanField(
        label="The answer gives figures or other information", required=False
    )
    reveals_held = forms.BooleanField(
        label="The answer says whether the information is held", required=False
    )
    where = forms.CharField(
        label="Where the information is reasonably accessible (s21)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="A link or address the requester can use.",
    )
    publication_date = DateField(
        label="When it will be published (s22)",
        required=False,
        help_text="For example, 27 3 2023",
    )
    advice_to_narrow = forms.CharField(
        label="Advice on narrowing the request (s16)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required with a cost refusal. The cost worksheet on the response page "
        "suggests a text.",
    )
    cost_basis = forms.CharField(
        label="How the cost estimate was made (s12)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, a sampling exercise of 20 files took 2 hours.",
    )
    #: The decision as the page showed it (``services.decision_fingerprint``), so that a save
    #: from a page opened before another officer's change does not undo it.
    shown = shown_field()

    def __init__(self, *args: Any, case, authority_kind: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.case = case
        self.authority_kind = authority_kind
        self.groups = catalogue_groups(case.regime)
        self.catalogue = [p for g in self.groups for p in g.provisions]
        self.fields["questions"].choices = [
            (q.number, f"Question {q.number}") for q in case.questions.all()
        ]
        self.fields["provisions"].choices = [(p.id, p.display) for p in self.catalogue]
        for p in self.catalogue:
            if p.conditions:
                default = p.condition()
                self.fields[condition_field_name(p.id)] = forms.ChoiceField(
                    label=f"Condition for {p.display}",
                    required=False,
                    choices=[("", f"Default ({default.name if default else 'none'})")]
                    + [(c.name, f"{c.name.capitalize()}: {c.description}") for c in p.conditions],
                    error_messages={"invalid_choice": f"Choose a condition {p.display} has"},
                )

    @classmethod
    def initial_for(cls, decision) -> dict[str, Any]:
        """The form's values for an existing decision."""
        listed = {p.id for p in ex.provisions_for(decision.request.regime)}
        ids = [p["id"] for p in decision.provisions]
        initial: dict[str, Any] = {
            "questions": [q.number for q in decision.questions.all()],
            "outcome": decision.outcome,
            "provisions": [i for i in ids if i in listed],
            "other_provisions": ", ".join(i for i in ids if i not in listed),
            "text": decision.text,
            "figures_given": decision.figures_given,
            "reveals_held": decision.reveals_held,
            "where": decision.where,
            "publication_date": decision.publication_date,
            "advice_to_narrow": decision.advice_to_narrow,
            "cost_basis": decision.cost_basis,
            "shown": decision_fingerprint(decision),
        }
        for item in decision.provisions:
            if item.get("condition"):
                try:
                    pid = ex.get_provision(item["id"]).id
                except ex.UnknownProvision:
                    continue
                initial[condition_field_name(pid)] = item["condition"]
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        ids = list(data.get("provisions") or [])
        try:
            typed = parse_provisions(data.get("other_provisions", ""), self.case.regime)
        except forms.ValidationError as exc:
            self.add_error("other_provisions", exc)
            typed = []
        ids += [pid for pid in typed if pid not in ids]
        chosen = []
        for pid in ex.sorted_ids(ids):
            provision = ex.get_provision(pid)
            condition = data.get(condition_field_name(provision.id)) or None
            if condition and not provision.conditions:
                condition = None
            chosen.append({"id": pid, "condition": condition})
        data["provision_list"] = chosen
        return data

    def provision_groups(self) -> list[dict[str, Any]]:
        """The catalogue as grouped checkboxes, each with what it is and its condition."""
        selected = set(self["provisions"].value() or [])
        out = []
        counter = 0
        for group in self.groups:
            items = []
            for p in group.provisions:
                name = condition_field_name(p.id)
                counter += 1
                hint = provision_nature(p, None, self.authority_kind)
                if not ex.may_use(p.id, self.authority_kind):
                    hint += ". Not available to this kind of authority"
                items.append(
                    {
                        "provision": p,
                        "html_id": f"provision-{counter}",
                        "checked": p.id in selected,
                        "hint": hint,
                        "condition": self[name] if name in self.fields else None,
                    }
                )
            out.append(
                {
                    "title": group.title,
                    "items": items,
                    "open": any(i["checked"] for i in items),
                }
            )
        return out


class CostLineForm(forms.Form):
    question = forms.TypedChoiceField(
        label="For",
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose a question from this request"},
    )
    activity = forms.ChoiceField(
        label="Activity",
        choices=CostActivity.choices,
        error_messages={
            "required": "Choose the activity",
            "invalid_choice": "Choose one of the activities listed",
        },
    )
    hours = forms.DecimalField(
        label="Hours",
        min_value=Decimal("0.01"),
        max_value=Decimal("10000"),
        max_digits=7,
        decimal_places=2,
        error_messages={
            "required": "Enter the hours",
            "invalid": "Hours must be a number, like 2 or 1.5",
            "min_value": "Hours must be more than 0",
            "max_value": "Hours must be no more than 10,000",
            "max_digits": "Hours must be no more than 10,000",
            "max_decimal_places": "Hours can have at most 2 decimal places",
        },
    )
    note = forms.CharField(label="Note (optional)", required=False, max_length=300)

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [("", "The request as a whole")] + [
            (n, f"Question {n}") for n in numbers
        ]


class AttachmentForm(forms.Form):
    """Attach a file to the response, for the questions it answers."""

    file = forms.FileField(
        label="File",
        help_text="CSV, XLSX, ODS, DOCX, PDF or TXT, up to 20 MB.",
        error_messages={
            "required": "Choose a file to attach",
            "empty": "The file is empty",
            "invalid": "Choose a file to attach",
        },
    )
    questions = forms.TypedMultipleChoiceField(
        label="Questions it answers",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave them all unticked if it goes with the whole response.",
    )

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "attachment")
        super().__init__(*args, **kwargs)
        self.fields["questions"].choices = [(n, f"Question {n}") for n in numbers]


class TestStartForm(forms.Form):
    errors_to_anchor = True  # hidden fields: the error summary links to the list of tests

    provision = forms.CharField(max_length=40, error_messages={"required": "Choose a provision"})
    kind = forms.ChoiceField(
        choices=TestKind.choices,
        error_messages={"invalid_choice": "Choose a kind of test", "required": "Choose a kind"},
    )


class TestReasoningForm(forms.Form):
    balance = forms.CharField(
        label="Balancing test",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Weigh the factors for against the factors against.",
    )
    conclusion = forms.CharField(
        label="Conclusion", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    #: The balance and conclusion as the page showed them.
    shown = shown_field()


class ParagraphAddForm(forms.Form):
    """A new paragraph written into one section of a test (the section is in the address)."""

    text = forms.CharField(
        label="New paragraph",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the paragraph"},
    )


class LibraryAddForm(forms.Form):
    errors_to_anchor = True  # one form per library result: errors link to the search

    library_paragraph = forms.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        error_messages={
            "required": "Choose a paragraph from the library",
            "invalid": "Choose a paragraph from the library",
            "min_value": "Choose a paragraph from the library",
            "max_value": "Choose a paragraph from the library",
        },
    )
    section = forms.ChoiceField(
        label="Add to",
        choices=PARAGRAPH_SECTIONS,
        error_messages={"invalid_choice": "Choose a section", "required": "Choose a section"},
    )

    def clean_library_paragraph(self) -> LibraryParagraph:
        paragraph = LibraryParagraph.objects.filter(pk=self.cleaned_data["library_paragraph"])
        if not paragraph.exists():
            raise forms.ValidationError("That library paragraph does not exist")
        return paragraph.get()


class ParagraphEditForm(forms.Form):
    text = forms.CharField(
        label="Paragraph",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "A paragraph cannot be empty: remove it instead"},
    )
    #: The paragraph's words as the page showed them.
    shown = shown_field()


class SubmitForm(forms.Form):
    note = forms.CharField(
        label="Note for the decision maker (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class _VersionShown(forms.Form):
    """The number of the version the page showed, so that a decision maker's decision, or the
    FOI officer's record of what was sent, made on a page that has since gone stale is not
    applied to a newer version nobody read."""

    version = version_shown_field("Open the response again: the version to decide on is not known")


class ApproveForm(_VersionShown):
    note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SendBackForm(_VersionShown):
    reasons = forms.CharField(
        label="Why are you sending it back?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the response is being sent back"},
    )


class RecordSentForm(_VersionShown):
    sent_on = DateField(
        label="Date the response was sent",
        not_in_future=True,
        help_text="For example, 16 2 2023",
        error_messages={"required": "Enter the date the response was sent"},
    )


class LibrarySearchForm(forms.Form):
    """Find library paragraphs by provision and topic (GET)."""

    provision = forms.CharField(
        label="Provision",
        required=False,
        max_length=200,
        help_text="For example s31(3), foia:s30 or foisa:s35(1)(a).",
    )
    topic = forms.CharField(label="Topic or words", required=False, max_length=200)
    section = forms.ChoiceField(
        label="Section",
        required=False,
        choices=[("", "Any section")] + PARAGRAPH_SECTIONS,
        error_messages={"invalid_choice": "Choose a section"},
    )

    def __init__(self, *args: Any, regime: str = "foia", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.regime = regime

    def clean_provision(self) -> list[str]:
        return parse_provisions(self.cleaned_data.get("provision", ""), self.regime)


class LibraryParagraphForm(forms.Form):
    """A new library paragraph, or a new version of one (``key`` is then fixed)."""

    key = forms.SlugField(
        label="Key",
        max_length=120,
        help_text="A short stable name using letters, numbers and hyphens, for example "
        "s31-ncnd-officer-investigations-harm.",
        error_messages={
            "required": "Enter a key",
            "invalid": "The key can only use letters, numbers, hyphens and underscores",
        },
    )
    topic = forms.CharField(
        label="Topic",
        max_length=200,
        help_text="What the paragraph argues, for example “harm: confirming investigations "
        "of officers”.",
        error_messages={"required": "Enter the topic"},
    )
    section = forms.ChoiceField(
        label="Section",
        choices=PARAGRAPH_SECTIONS,
        error_messages={"required": "Choose a section", "invalid_choice": "Choose a section"},
    )
    written_for = forms.CharField(
        label="Written for",
        max_length=500,
        help_text="The provisions it argues, separated by commas: foia:s31(3), foia:s30(3). "
        "A citation without a regime, like s31(3), is read under the authority's usual law.",
        error_messages={"required": "Say which provisions the paragraph was written for"},
    )
    text = forms.CharField(
        label="Paragraph",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the paragraph"},
    )

    #: For a new version: the version the page showed, so that a revision of it does not
    #: replace a version another officer saved in the meantime.
    based_on = version_shown_field("Open the paragraph again: the version you revised is not known")

    def __init__(self, *args: Any, new: bool = True, regime: str = "foia", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.new = new
        self.regime = regime
        if new:
            del self.fields["based_on"]
        else:
            del self.fields["key"]

    def clean_written_for(self) -> list[str]:
        ids = parse_provisions(self.cleaned_data.get("written_for", ""), self.regime)
        if not ids:
            raise forms.ValidationError("Say which provisions the paragraph was written for")
        return ids

    def clean_key(self) -> str:
        key = self.cleaned_data["key"].strip().lower()
        if key == "new":
            raise forms.ValidationError("Choose another key: “new” is reserved")
        if LibraryParagraph.objects.filter(key=key).exists():
            raise forms.ValidationError(
                "A paragraph with this key already exists: save a new version on its page"
            )
        return key
