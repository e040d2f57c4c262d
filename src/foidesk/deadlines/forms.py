import datetime as dt

from django import forms

from foidesk.law.calendars import LAST_DAY
from foidesk.law.deadlines import CLOCK_DATES
from foidesk.law.regimes import Regime
from foidesk.web.forms import DateField

#: FOIA s1 (and the EIR and FOISA) applied from 1 January 2005 (FOIA s87(3)).
FOIA_IN_FORCE = dt.date(2005, 1, 1)

#: The last day the calculator takes in any box: working days can only be counted in the years
#: whose bank holidays are known (to 31 December 2100, ``foidesk.law.calendars.LAST_DAY``), so a
#: later date is refused here, naming its box, before the clock is asked.
LATEST = LAST_DAY


class DeadlineCalculatorForm(forms.Form):
    """The public "When is my answer due?" calculator: the same clock the FOI team uses."""

    regime = forms.ChoiceField(
        label="Which law did you ask under?",
        choices=[
            (
                Regime.FOIA.value,
                "Freedom of Information Act 2000 (England, Wales, Northern "
                "Ireland and UK-wide bodies)",
            ),
            (Regime.EIR.value, "Environmental Information Regulations 2004"),
            (Regime.FOISA.value, "Freedom of Information (Scotland) Act 2002"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select which law you asked under"},
    )
    received = DateField(
        label="When did they receive your request?",
        help_text="The day your email or letter arrived. For example, 27 3 2023",
        error_messages={"required": "Enter the date they received your request"},
    )
    clarification_received = DateField(
        label="If they asked you to clarify, when did they receive your clarification?",
        help_text="Leave blank if they did not ask. The 20 working days start again from "
        "this date.",
        required=False,
    )
    fee_notice = DateField(
        label="If they sent you a fees notice, when was it sent?",
        help_text="Leave blank if there was no fee.",
        required=False,
    )
    fee_paid = DateField(
        label="When did they receive your payment?",
        help_text="The days between the fees notice and your payment do not count.",
        required=False,
    )

    @classmethod
    def input_names(cls) -> list[str]:
        """The names the form's boxes send: ``regime``, ``received_day`` and so on."""
        names = []
        for name, field in cls.base_fields.items():
            parts = getattr(field.widget, "widgets_names", None) or [""]
            names.extend(f"{name}{part}" for part in parts)
        return names

    def clean_received(self):
        received = self.cleaned_data["received"]
        if received and received < FOIA_IN_FORCE:
            raise forms.ValidationError(
                "The date must be on or after 1 January 2005, when the right of access began"
            )
        return received

    def clean(self) -> dict:
        data = super().clean()
        for name in CLOCK_DATES:
            value = data.get(name)
            if value and value > LATEST:
                self.add_error(
                    name,
                    f"The date must be on or before {LATEST.day} {LATEST:%B} {LATEST.year}: bank "
                    "holidays after then are not known yet",
                )
        received = data.get("received")
        clarification = data.get("clarification_received")
        notice, paid = data.get("fee_notice"), data.get("fee_paid")
        if received and clarification and clarification < received:
            self.add_error(
                "clarification_received",
                "The date of your clarification must be on or after the date of your request",
            )
        if paid and not notice:
            self.add_error("fee_notice", "Enter the date of the fees notice as well")
        if notice and received and notice < received:
            self.add_error(
                "fee_notice", "The fees notice date must be on or after the date of your request"
            )
        if notice and paid and paid < notice:
            self.add_error("fee_paid", "The payment date must be on or after the fees notice date")
        return data
