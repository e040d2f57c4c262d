"""The imported records list's search form (a GET form: every search is a link), and the form
that checks a record against its page."""

import re
import unicodedata
from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from foidesk.cases.models import RegimeChoice
from foidesk.law.provisions import CitationError
from foidesk.web.forms import MAX_ID

from .corrections import (
    CHECKED_SINCE,
    FLAGS,
    IMPORTED_AGAIN,
    CorrectionError,
    cited,
    corrected_questions,
    parse_date_shown,
    parse_provisions,
)
from .models import ImportedRecord, Outcome
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
    checked = forms.ChoiceField(
        label="Checked by staff",
        required=False,
        choices=[("", "Checked or not"), ("yes", "Checked"), ("no", "Not checked yet")],
        error_messages=_choose("checked or not"),
    )
    doubts = forms.ChoiceField(
        label="Importer's doubts",
        required=False,
        choices=[
            ("", "Any"),
            ("yes", "Unsure of its reading: check first"),
            ("no", "No doubts raised"),
        ],
        error_messages=_choose("whether the importer raised doubts"),
    )
    run = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )

    SELECTS = ("outcome", "authority", "regime", "ncnd", "checked", "doubts")

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
        checked = data.get("checked")
        doubts = data.get("doubts")
        return RecordFilters(
            q=(data.get("q") or "").strip(),
            outcome=data.get("outcome") or "",
            authority=data.get("authority") or "",
            provision=(data.get("provision") or "").strip(),
            regime=data.get("regime") or "",
            ncnd=None if not ncnd else ncnd == "yes",
            checked=None if not checked else checked == "yes",
            doubts=None if not doubts else doubts == "yes",
            run=data.get("run"),
        )


def _yes_no(label: str) -> forms.ChoiceField:
    """A finding of the page, answered Yes or No."""
    return forms.ChoiceField(
        label=label,
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": f"Answer yes or no: {label.lower()}", **_choose("yes or no")},
    )


#: The most characters a question's box takes. Questions are mostly a sentence or two, but a
#: page may ask one long question (a list of what is wanted for each station, with the reasons)
#: and the officer may join two questions in one box. A record whose page has a longer question
#: is still allowed that question's length (``RecordCheckForm.question_chars``).
QUESTION_CHARS = 20_000


def _one_line_end(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _crlf(text: str) -> str:
    return _one_line_end(text).replace("\n", "\r\n")


#: The most characters a box of provisions takes: every provision in the exemption catalogue,
#: of every law, written out with commas is 2,156, and an index or a pasted schedule may cite
#: most of them. One the record shows longer (with provisions the catalogue lacks) may stay.
PROVISIONS_CHARS = 3_000


def _provisions_field(label: str, *, help_text: str, initial: str = "") -> forms.CharField:
    limit = max(PROVISIONS_CHARS, len(initial))
    return forms.CharField(
        label=label,
        required=False,
        max_length=limit,
        initial=initial,
        help_text=help_text,
        error_messages={"max_length": f"The provisions must be {limit:,} characters or fewer"},
    )


class QuestionWordsField(forms.CharField):
    """A question's words as its box sends them. A browser sends a textarea's line breaks as
    CR LF (https://html.spec.whatwg.org/multipage/form-elements.html#the-textarea-element), so
    a question of several lines would count each break twice against the limit, and keep the
    CRs in staff's words; they are read as the importer writes them, one LF each."""

    def to_python(self, value):
        return _one_line_end(super().to_python(value))


#: Control characters but tab and line ends. No one types them: one the page does not have came
#: from somewhere else (a copy from a terminal, a form changed on its way).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _readable(text: str) -> bool:
    """Something to read in ``text``: a letter, digit, punctuation mark or symbol, not only
    white space and invisible characters (a zero-width space, a direction mark)."""
    return any(unicodedata.category(c)[0] in "LNPS" for c in text)


_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_ROW = re.compile(r"q\d+_(?:text|outcome|provisions)")

#: Why a form not as the check page made it is refused.
NOT_AS_OPENED = (
    "The form was changed after the check page made it. Nothing was saved: open the check page "
    "again"
)
QUESTIONS_CHANGED = (
    "The record's questions have changed since you opened the form: someone else may have "
    "checked it. Nothing was saved: open the check page again"
)


class RecordCheckForm(forms.Form):
    """Checking an imported record against its page: every value the importer read, editable.

    Each question has its words, outcome and provisions, with two empty rows for questions the
    importer missed; clearing a question's words takes it out. The page has its title, the date
    it shows, its reference, the provisions it cites and four yes/no findings. A record with no
    questions has its overall outcome as well. ``wanted()`` is what the officer says the page
    says, for ``services.imported_record_check``.
    """

    #: Empty rows for questions the importer missed.
    EXTRA_QUESTIONS = 2
    #: The most questions the form shows, three values each (``most_fields``, the most the
    #: page reads): real pages ask hundreds. A record with more cannot be checked here.
    MAX_QUESTIONS = 1000
    #: Room left in a form for what the officer writes, within the most a form may send
    #: (``DATA_UPLOAD_MAX_MEMORY_SIZE``).
    ROOM_TO_WRITE = 100_000

    title = forms.CharField(
        label="Title",
        max_length=500,
        error_messages={
            "required": "Enter the response's title",
            "max_length": "The title must be 500 characters or fewer",
        },
    )
    date_shown = forms.CharField(
        label="Date the page shows",
        required=False,
        max_length=20,
        help_text="The date received, else published: like 16/01/2023, or a month like 01/2023",
        error_messages={"max_length": "Enter the date like 16/01/2023, or a month like 01/2023"},
    )
    reference = forms.CharField(
        label="Reference",
        required=False,
        max_length=100,
        error_messages={"max_length": "The reference must be 100 characters or fewer"},
    )
    provisions = _provisions_field(
        "Provisions the page cites",
        help_text="Separated by commas or spaces, like s31(1)(a), s40(5), reg12(5)(b)",
    )
    ncnd = _yes_no("Neither confirms nor denies for some part")
    harm_test_present = _yes_no("A harm test is shown")
    public_interest_test_present = _yes_no("A public interest test is shown or referred to")
    has_attachment = _yes_no("An attachment is referred to")
    note = forms.CharField(
        label="What you corrected, and why (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the audit trail with the corrections",
        error_messages={"max_length": "The note must be 1,000 characters or fewer"},
    )

    FLAGS = FLAGS
    #: The fingerprint of the page and reading the form was opened on (``corrections.fingerprint``),
    #: compared in ``clean``: sent as anything else, the form is refused as a whole.
    reading = forms.Field(widget=forms.HiddenInput, required=False)
    #: The record's check as the form was opened on it (``corrections.check_state``), compared
    #: in ``clean`` and again by the service under the record's lock.
    checked = forms.Field(widget=forms.HiddenInput, required=False)

    def __init__(self, data=None, *, record: ImportedRecord) -> None:
        self.record = record
        self.questions = corrected_questions(record.extracted, record.corrections)
        # The page's provisions whole: the searchable column keeps the first 1,000 characters.
        self.cited = cited(record.extracted, record.corrections)
        provisions = ", ".join(self.cited)
        initial: dict[str, object] = {
            "title": record.title,
            "date_shown": record.date_shown,
            "reference": record.reference,
            "provisions": provisions,
            **{flag: "yes" if getattr(record, flag) else "no" for flag in self.FLAGS},
            "reading": record.reading,
            "checked": record.check_state,
        }
        super().__init__(data, initial=initial)
        if len(provisions) > PROVISIONS_CHARS:
            self.fields["provisions"] = _provisions_field(
                self.fields["provisions"].label,
                initial=provisions,
                help_text=self.fields["provisions"].help_text,
            )
        outcomes = [("", "Not visible on the page"), *Outcome.choices]
        self.too_many = len(self.questions) > self.MAX_QUESTIONS
        rows = 0 if self.too_many else len(self.questions) + self.EXTRA_QUESTIONS
        self.numbers = range(1, rows + 1)
        #: The most characters a question's box takes: ``QUESTION_CHARS``, or the length of
        #: the longest question the record has, so that every question can stay as it was read.
        self.question_chars = max(
            [QUESTION_CHARS, *(len(_one_line_end(q.text).strip()) for q in self.questions)]
        )
        too_long = f"A question must be {self.question_chars:,} characters or fewer"
        for n in self.numbers:
            q = self.questions[n - 1] if n <= len(self.questions) else None
            self.fields[f"q{n}_text"] = QuestionWordsField(
                label=f"Words of question {n}",
                required=False,
                max_length=self.question_chars,
                initial=q.text if q else "",
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=(
                    "Clear the words to take the question out; to join two questions, put both "
                    "in one box and clear the other"
                    if q
                    else "A question the importer missed, if there is one"
                ),
                error_messages={"max_length": too_long},
            )
            self.fields[f"q{n}_outcome"] = forms.ChoiceField(
                label=f"Outcome of question {n}",
                required=False,
                choices=outcomes,
                initial=(q.outcome or "") if q else "",
                error_messages=_choose("an outcome"),
            )
            self.fields[f"q{n}_provisions"] = _provisions_field(
                f"Provisions question {n} relies on",
                initial=", ".join(q.exemptions) if q else "",
                help_text="Like s31(1)(a), s40(2); empty for none",
            )
        if not self.questions:
            self.fields["overall_outcome"] = forms.ChoiceField(
                label="Outcome of the request",
                required=False,
                choices=outcomes,
                initial=record.overall_outcome,
                error_messages=_choose("an outcome"),
            )

    @classmethod
    def most_fields(cls) -> int:
        """The most values the form sends: a record with ``MAX_QUESTIONS`` questions, three
        values each and its empty rows, the page's fields and the CSRF token."""
        return len(cls.base_fields) + 3 * (cls.MAX_QUESTIONS + cls.EXTRA_QUESTIONS) + 1

    def size_to_send(self) -> int:
        """About how many bytes the form sends as it was opened: URL-encoded, each line break
        as CR LF, the CSRF token left out."""
        values = [(name, str(self[name].value() or "")) for name in self.fields]
        return len(urlencode([(name, _crlf(value)) for name, value in values]))

    def unsendable(self) -> str | None:
        """Why the record cannot be checked with this form, or ``None``: too many questions,
        or words too long for the form to be sent with room for the officer's own."""
        if self.too_many:
            return (
                f"This record has {len(self.questions):,} questions, more than the "
                f"{self.MAX_QUESTIONS:,} the check form can show, so it cannot be checked here."
            )
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if not self.is_bound and limit is not None:
            size = self.size_to_send()
            if size + self.ROOM_TO_WRITE > limit:
                return (
                    f"This record's questions are too long to check here: its form would send "
                    f"{filesizeformat(size)} before you write anything, and a form may send at "
                    f"most {filesizeformat(limit)}."
                )
        return None

    def question_rows(self):
        """Each question (``None`` for an empty row) with its three fields, in order."""
        return [
            (
                n,
                self.questions[n - 1] if n <= len(self.questions) else None,
                self[f"q{n}_text"],
                self[f"q{n}_outcome"],
                self[f"q{n}_provisions"],
            )
            for n in self.numbers
        ]

    def flags(self):
        return [self[name] for name in self.FLAGS]

    def _provisions(self, name: str) -> list[str] | None:
        try:
            return parse_provisions(
                self.cleaned_data.get(name) or "", self.record.regime, known=self._shown(name)
            )
        except CitationError as exc:
            self.add_error(name, str(exc))
            return None

    def _shown(self, name: str) -> list[str]:
        """The provisions the form showed in field ``name`` (those may stay as they are)."""
        if name == "provisions":
            return self.cited
        number = int(name[1 : name.index("_")])
        return list(self.questions[number - 1].exemptions) if number <= len(self.questions) else []

    def clean_date_shown(self) -> str:
        try:
            return parse_date_shown(self.cleaned_data.get("date_shown") or "")
        except CorrectionError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self):
        data = super().clean()
        if self.too_many:
            raise forms.ValidationError(self.unsendable())
        self._as_opened(data)
        self._typed(data)
        self.parsed: dict[str, list[str] | None] = {}
        for name in ("provisions", *(f"q{n}_provisions" for n in self.numbers)):
            if name in data:
                self.parsed[name] = self._provisions(name)
        for n in self.numbers:
            if f"q{n}_text" in self.errors:
                continue  # its own error says what is wrong with the words
            if not (data.get(f"q{n}_text") or "").strip() and (
                data.get(f"q{n}_outcome") or (data.get(f"q{n}_provisions") or "").strip()
            ):
                self.add_error(
                    f"q{n}_text",
                    f"Write the words of question {n}, or leave its outcome and provisions empty",
                )
        self._consistent(data)
        return data

    def _as_opened(self, data: dict) -> None:
        """The form as the check page made it for the record as it is: the fingerprint it was
        opened on, and a row for each of the record's questions and no other. A form opened
        before the record was imported again, or before another officer's check changed its
        questions, or changed on its way, is refused as a whole; its rows would not be the
        record's questions."""
        sent = data.get("reading") or ""
        if sent != self.record.reading:
            self.add_error(None, IMPORTED_AGAIN if _FINGERPRINT.fullmatch(sent) else NOT_AS_OPENED)
            return
        rows = {f"q{n}_{part}" for n in self.numbers for part in ("text", "outcome", "provisions")}
        if {name for name in self.data if _ROW.fullmatch(name)} != rows:
            self.add_error(None, QUESTIONS_CHANGED)
            return
        checked = data.get("checked") or ""
        if checked != self.record.check_state:
            self.add_error(
                None, CHECKED_SINCE if _FINGERPRINT.fullmatch(checked) else NOT_AS_OPENED
            )

    def _typed(self, data: dict) -> None:
        """What the officer wrote can be read and was typed: the title and each question's words
        have something to read, the title and reference are one line, and no box has a control
        character, unless (in the title, the reference or a question's words, which come from
        the page) the page has it too."""
        boxes = [
            ("title", "the title", True),
            ("reference", "the reference", True),
            ("provisions", "the provisions", False),
            ("note", "your note", False),
        ]
        for n in self.numbers:
            boxes.append((f"q{n}_text", f"the words of question {n}", True))
            boxes.append((f"q{n}_provisions", f"the provisions of question {n}", False))
        for name, what, from_page in boxes:
            value = data.get(name) or ""
            if not value or name in self.errors:
                continue
            allowed = self._page_controls if from_page else frozenset()
            stray = next((c for c in _CONTROL.findall(value) if c not in allowed), None)
            if stray is not None:
                page = ": the page does not have it" if from_page else ""
                self.add_error(
                    name, f"Take out the control character U+{ord(stray):04X} from {what}{page}"
                )
            elif name in ("title", "reference") and ("\n" in value or "\r" in value):
                self.add_error(name, f"Write {what} on one line")
            elif name == "title" and not _readable(value):
                self.add_error(name, self.fields["title"].error_messages["required"])
            elif name.endswith("_text") and not _readable(value):
                self.add_error(
                    name, f"There is nothing to read in {what}: write them, or clear the box"
                )

    @cached_property
    def _page_controls(self) -> frozenset[str]:
        """The control characters the page has: in its text, and in its title, reference and
        questions as the form showed them."""
        r = self.record
        texts = [r.full_text, r.title, r.reference, *(q.text for q in self.questions)]
        return frozenset(c for text in texts for c in _CONTROL.findall(text or ""))

    def _consistent(self, data: dict) -> None:
        """The corpus's own rules between fields (``shared/corpus/README.md``): the page's
        provisions are every provision cited on it, so they include each question's; and a
        question that neither confirms nor denies makes the page NCND for some part."""
        asked = [n for n in self.numbers if (data.get(f"q{n}_text") or "").strip()]
        page = self.parsed.get("provisions")
        if page is not None:
            for n in asked:
                own = self.parsed.get(f"q{n}_provisions") or []
                missing = [p for p in own if p not in page]
                if missing:
                    them = "it" if len(missing) == 1 else "them"
                    self.add_error(
                        f"q{n}_provisions",
                        f"Question {n} relies on {', '.join(missing)}, which the provisions the "
                        f"page cites do not list: add {them} there, or take {them} out here",
                    )
        ncnd = [n for n in asked if data.get(f"q{n}_outcome") == "ncnd"]
        if ncnd and data.get("ncnd") == "no":
            self.add_error(
                "ncnd",
                f"Question {ncnd[0]} neither confirms nor denies, so the page does for some "
                "part: answer Yes, or change that question's outcome",
            )

    def wanted(self) -> dict[str, object]:
        """What the officer says the page says, in the shape ``corrections.differences`` reads."""
        data = self.cleaned_data
        wanted: dict[str, object] = {
            "title": data["title"],
            "date_shown": data["date_shown"],
            "reference": data["reference"].strip(),
            "provisions": self.parsed["provisions"],
            **{flag: data[flag] == "yes" for flag in self.FLAGS},
            "split": [
                {
                    "text": data[f"q{n}_text"].strip(),
                    "outcome": data[f"q{n}_outcome"] or None,
                    "exemptions": self.parsed[f"q{n}_provisions"],
                }
                for n in self.numbers
                if data[f"q{n}_text"].strip()
            ],
        }
        if not self.questions:
            wanted["overall_outcome"] = data["overall_outcome"] or None
        return wanted
