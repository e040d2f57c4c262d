"""Forms of the register's staff pages: logging a new request ("Log a request", two steps).

Step 1 takes the request as received (pasted text or an ``.eml`` file) with when and how it
arrived and who sent it; step 2 is the officer's edit of the proposed questions, with the same
details again so anything the email got wrong can be put right before saving. No state is kept
on the server between the steps: step 2 carries the request text in a hidden field.
"""

import datetime as dt
import re

from django import forms
from django.core.validators import validate_email
from django.utils import timezone

from foidesk.accounts.models import Role, User
from foidesk.intake.emails import ParsedEmail, UnreadableEmail, read_eml
from foidesk.law.regimes import Regime
from foidesk.web.forms import DateField

from .models import Channel, Department, Question, RegimeChoice, Request
from .services import RegisterError, reference_slug

#: The largest ``.eml`` file accepted; a request is words, not attachments.
MAX_EMAIL_BYTES = 5 * 1024 * 1024

#: The longest request text accepted. Step 2 posts the text back, and Django refuses a form
#: larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB) with a bare error page; this keeps
#: well inside it and gives the officer a proper message instead.
MAX_TEXT_CHARS = 100_000

#: FOIA, the EIR and FOISA all came fully into force on 1 January 2005 (FOIA s87(3),
#: https://www.legislation.gov.uk/ukpga/2000/36/section/87; EIR reg 1; FOISA s75), so nothing
#: received earlier is a request under any of them; an earlier date is a typing slip.
EARLIEST_RECEIPT = dt.date(2005, 1, 1)

#: When the officer gives a date but no time: the start of the working day.
DEFAULT_TIME = dt.time(9, 0)

#: How many empty question rows step 2 offers for questions the splitter missed.
EXTRA_QUESTIONS = 2
MAX_QUESTIONS = 100

_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def _time_of_day(raw: str) -> dt.time | None:
    match = _TIME.match(raw.strip())
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment, timezone.get_default_timezone())


class RequestDetailsForm(forms.Form):
    """When and how the request arrived, the law it falls under, and who sent it."""

    channel = forms.ChoiceField(
        label="How did the request arrive?",
        choices=Channel.choices,
        initial=Channel.EMAIL,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how the request arrived",
            "invalid_choice": "Choose how the request arrived from the list",
        },
    )
    regime = forms.ChoiceField(
        label="Which law is it handled under?",
        choices=[
            (value, f"{Regime(value).full_name} ({label})") for value, label in RegimeChoice.choices
        ],
        widget=forms.RadioSelect,
        help_text="Environmental information is handled under the EIR (FOIA s39); a Scottish "
        "public authority uses FOISA.",
        error_messages={
            "required": "Choose FOIA, EIR or FOISA",
            "invalid_choice": "Choose FOIA, EIR or FOISA",
        },
    )
    received_on = DateField(
        label="Date received",
        required=False,
        not_in_future=True,
        help_text="The day it reached us, not the day it was written. For example, 27 3 2023",
    )
    received_time = forms.CharField(
        label="Time received (optional)",
        required=False,
        max_length=5,
        help_text="24-hour clock, for example 14:30. Leave blank for 09:00.",
        error_messages={"max_length": "Enter the time like 09:00 or 14:30"},
    )
    requester_name = forms.CharField(
        label="Full name",
        required=False,
        max_length=200,
        help_text="A valid request gives the requester's real name (FOIA s8(1)(b)).",
        error_messages={"max_length": "The name must be 200 characters or fewer"},
    )
    requester_email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        help_text="A valid request gives an address for the reply: an email or a postal address.",
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "The email address must be 254 characters or fewer",
        },
    )
    requester_phone = forms.CharField(
        label="Phone number (optional)",
        required=False,
        max_length=40,
        error_messages={"max_length": "The phone number must be 40 characters or fewer"},
    )
    requester_address = forms.CharField(
        label="Postal address (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The address must be 1,000 characters or fewer"},
    )
    requester_organisation = forms.CharField(
        label="Organisation (optional)",
        required=False,
        max_length=200,
        help_text="For example a newspaper, if they said so.",
        error_messages={"max_length": "The organisation must be 200 characters or fewer"},
    )

    #: Whether the name and date must be given now (step 2) or may still come from an email.
    details_required = False

    def clean_received_on(self) -> dt.date | None:
        value = self.cleaned_data.get("received_on")
        if value is not None and value < EARLIEST_RECEIPT:
            raise forms.ValidationError(
                "Date received must be on or after 1 January 2005, when FOIA, the EIR and "
                "FOISA came into force"
            )
        return value

    def clean_received_time(self) -> str:
        raw = self.cleaned_data.get("received_time", "").strip()
        if raw and _time_of_day(raw) is None:
            raise forms.ValidationError(
                "Time received must be a real time on the 24-hour clock, like 09:00 or 14:30"
            )
        return raw

    def clean(self) -> dict:
        data = super().clean()
        self.fill_from_source(data)
        if self.details_required:
            if not data.get("requester_name") and "requester_name" not in self.errors:
                self.add_error("requester_name", "Enter the requester's name")
            if data.get("received_on") is None and "received_on" not in self.errors:
                self.add_error("received_on", "Enter the date the request was received")
        self.check_not_future(data)
        return data

    def fill_from_source(self, data: dict) -> None:
        """Hook for step 1: fill blank details from an uploaded email."""

    def check_not_future(self, data: dict) -> None:
        day = data.get("received_on")
        if day is None or self.has_error("received_on") or self.has_error("received_time"):
            return
        if self.received_at() > timezone.now():
            self.add_error(
                "received_time" if data.get("received_time") else "received_on",
                "The time received must be now or in the past",
            )

    def received_at(self) -> dt.datetime:
        """The moment of receipt in the authority's time zone (Europe/London).

        With no time given, 09:00, or now if it is earlier than 09:00 on the day itself.
        """
        day: dt.date = self.cleaned_data["received_on"]
        raw = self.cleaned_data.get("received_time", "")
        at = _time_of_day(raw) if raw else None
        moment = timezone.make_aware(
            dt.datetime.combine(day, at or DEFAULT_TIME), timezone.get_default_timezone()
        )
        now = timezone.now()
        if at is None and moment > now and _local(now).date() == day:
            moment = _local(now).replace(second=0, microsecond=0)
        return moment


class StartRequestForm(RequestDetailsForm):
    """Step 1: the request as received, and the details around it.

    The date received is needed now, unless the uploaded email gives it; the requester's name
    may wait for step 2 (an email often gives only an address).
    """

    field_order = ["request_text", "email_file", "channel", "regime", "received_on"]

    request_text = forms.CharField(
        label="Paste the request",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Paste the requester's words as they sent them, including any greeting and "
        "sign-off: the sign-off is kept out of the questions.",
    )
    email_file = forms.FileField(
        label="Or upload the email (.eml file)",
        required=False,
        help_text="In Outlook, save the email with File > Save As and choose the .eml format. "
        "Details left blank on this page are filled in from the email. 5 MB at most.",
        error_messages={
            "invalid": "The selected file could not be read: choose an .eml file",
            "empty": "The selected file is empty",
        },
    )

    def clean_request_text(self) -> str:
        text = self.cleaned_data.get("request_text", "")
        if len(text) > MAX_TEXT_CHARS:
            raise forms.ValidationError(
                f"The request text must be {MAX_TEXT_CHARS:,} characters or fewer"
            )
        return text

    def clean_email_file(self) -> ParsedEmail | None:
        upload = self.cleaned_data.get("email_file")
        if not upload:
            return None
        if upload.size > MAX_EMAIL_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 5 MB")
        data = upload.read(MAX_EMAIL_BYTES + 1)
        try:
            parsed = read_eml(data)
        except UnreadableEmail as exc:
            raise forms.ValidationError(f"The selected file cannot be used. {exc}") from exc
        except Exception as exc:  # the email package can trip on badly broken headers
            raise forms.ValidationError(
                "The selected file cannot be used. It could not be read as an email."
            ) from exc
        if "\x00" in parsed.body:
            raise forms.ValidationError(
                "The selected file cannot be used. Its text body is not readable text."
            )
        if len(parsed.body) > MAX_TEXT_CHARS:
            raise forms.ValidationError(
                f"The email's text must be {MAX_TEXT_CHARS:,} characters or fewer"
            )
        return parsed

    def fill_from_source(self, data: dict) -> None:
        """Take the request from the text or the email, and fill blank details from the email.

        From the email come the sender and when our mail server received it (``read_eml``
        prefers that to the sender's Date header: FOIA s10(1) counts from receipt). Anything the
        officer typed wins.
        """
        text, parsed = data.get("request_text", ""), data.get("email_file")
        if not (self.has_error("email_file") or self.has_error("request_text")):
            if text and parsed:
                self.add_error(
                    "request_text", "Either paste the request or upload the email, not both"
                )
            elif not text and not parsed:
                self.add_error("request_text", "Paste the request, or upload the email")
        if parsed is not None and not text:
            data["request_text"] = parsed.body
            self.fill_from_email(data, parsed)
        if data.get("received_on") is None and not (
            self.has_error("received_on") or self.has_error("email_file")
        ):
            self.add_error("received_on", "Enter the date the request was received")

    def email(self) -> ParsedEmail | None:
        """The uploaded email, read; ``None`` when the request was pasted."""
        return self.cleaned_data.get("email_file")

    def fill_from_email(self, data: dict, parsed: ParsedEmail) -> None:
        if not data.get("requester_name"):
            data["requester_name"] = one_line(parsed.sender_name)[:200]
        address = one_line(parsed.sender_address)
        if not data.get("requester_email") and not self.has_error("requester_email"):
            try:
                validate_email(address)
            except forms.ValidationError:
                address = ""  # read_eml's notes say so
            data["requester_email"] = address
        if data.get("received_on") is not None or self.has_error("received_on"):
            return
        when = parsed.date_received or parsed.date_sent
        if when is None:
            self.add_error(
                "received_on",
                "The email does not say when it arrived: enter the date it was received",
            )
            return
        try:
            local = _local(when)
        except OverflowError:
            # "Date: Fri, 31 Dec 9999 23:59:59 -1200": past the last date there is.
            local = None
        if local is None or local.date() < EARLIEST_RECEIPT or local > _local(timezone.now()):
            self.add_error(
                "received_on",
                f"The email is dated {local or when:%-d %B %Y}, which cannot be right: "
                "enter the date it was received",
            )
            return
        data["received_on"] = local.date()
        if not data.get("received_time"):
            data["received_time"] = local.strftime("%H:%M")


def one_line(value: str) -> str:
    """A header value safe to store and to carry in a form: no control characters, one line."""
    return " ".join("".join(ch for ch in value if ch.isprintable() or ch == " ").split())


class _OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.username


class SaveRequestForm(RequestDetailsForm):
    """Step 2: the details again (editable), the title, who handles it and its reference."""

    details_required = True
    field_order = ["title", "reference", "assigned_officer", "channel", "regime", "received_on"]

    request_text = forms.CharField(
        widget=forms.HiddenInput,
        max_length=MAX_TEXT_CHARS,
        strip=False,
        error_messages={
            "required": "The request text is missing: start again and paste the request",
            "max_length": "The request text is too long: start again",
        },
    )
    #: Made by step 1 and stored with the request: saving the same form twice logs it once.
    intake_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)
    # What step 1 read from an email, carried for the title and the notes shown; not stored.
    email_subject = forms.CharField(widget=forms.HiddenInput, required=False)
    email_attachments = forms.CharField(widget=forms.HiddenInput, required=False)
    email_notes = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="A short, neutral description, as it will appear in the disclosure log. "
        "Never the requester's name.",
        error_messages={
            "required": "Enter a title for the request",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    assigned_officer = _OfficerChoiceField(
        label="FOI officer handling it",
        queryset=User.objects.filter(role=Role.FOI_OFFICER, is_active=True).order_by(
            "first_name", "last_name", "username"
        ),
        required=False,
        empty_label="Nobody yet",
        error_messages={"invalid_choice": "Choose an FOI officer from the list"},
    )
    reference = forms.CharField(
        label="Reference (leave blank to assign the next one)",
        required=False,
        max_length=40,
        help_text="Only when logging a request that already has a reference, for example 190A/23.",
        error_messages={"max_length": "The reference must be 40 characters or fewer"},
    )

    def clean_reference(self) -> str:
        reference = self.cleaned_data.get("reference", "").strip()
        if reference and not re.search(r"[A-Za-z0-9]", reference):
            raise forms.ValidationError("The reference must contain letters or numbers")
        if reference:
            try:
                reference_slug(reference)  # an address no other page has
            except RegisterError as exc:
                raise forms.ValidationError(str(exc)) from exc
        if reference and Request.objects.filter(reference=reference).exists():
            raise forms.ValidationError(f"Reference {reference} is already used by another request")
        return reference

    def clean(self) -> dict:
        data = super().clean()
        email, address = data.get("requester_email"), data.get("requester_address")
        if not email and not address and not self.has_error("requester_email"):
            self.add_error(
                "requester_email",
                "Enter an email address or a postal address for the reply (FOIA s8(1)(b))",
            )
        return data

    def requester_fields(self) -> dict[str, str]:
        return {
            name: self.cleaned_data.get(f"requester_{name}", "")
            for name in ("name", "email", "phone", "address", "organisation")
        }


class QuestionForm(forms.Form):
    """One question of the request as the officer confirms it."""

    text = forms.CharField(
        label="Question",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=20_000,
        error_messages={"max_length": "The question must be 20,000 characters or fewer"},
    )
    context = forms.CharField(
        label="Context the requester gave (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=20_000,
        help_text=Question._meta.get_field("context").help_text,
        error_messages={"max_length": "The context must be 20,000 characters or fewer"},
    )
    department = forms.ModelChoiceField(
        label="Route to department (optional)",
        queryset=Department.objects.order_by("name"),
        required=False,
        empty_label="Not routed yet",
        error_messages={"invalid_choice": "Choose a department from the list"},
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("context") and not data.get("text") and not data.get("DELETE"):
            self.add_error(
                "text", "Enter the question that the context belongs to, or remove the question"
            )
        return data

    def is_blank(self) -> bool:
        return not self.cleaned_data.get("text")


class _QuestionFormSet(forms.BaseFormSet):
    default_error_messages = {
        "missing_management_form": "The questions were not sent in full: start again",
        "too_many_forms": f"A request can have at most {MAX_QUESTIONS} questions",
    }

    def clean(self) -> None:
        if not self.management_form.is_valid():
            return  # reported as "not sent in full"
        if any(form.errors for form in self.forms if not self._should_delete_form(form)):
            return
        if not self.kept():
            raise forms.ValidationError("Keep or add at least one question")

    def kept(self) -> list[QuestionForm]:
        """The questions to save, in order: not removed and not left blank."""
        return [
            form
            for form in self.forms
            if form.is_valid() and not self._should_delete_form(form) and not form.is_blank()
        ]


QuestionFormSet = forms.formset_factory(
    QuestionForm,
    formset=_QuestionFormSet,
    extra=EXTRA_QUESTIONS,
    can_delete=True,
    can_delete_extra=True,
    max_num=MAX_QUESTIONS,
    validate_max=True,
    absolute_max=3 * MAX_QUESTIONS,
)


def question_formset(*, data=None, initial=None) -> forms.BaseFormSet:
    formset = QuestionFormSet(data=data, initial=initial, prefix="questions")
    for form in formset.forms:
        form.fields["DELETE"].label = "Remove this question"
    return formset
