"""Form pieces in the GOV.UK Design System's patterns, shared by every app."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

#: The largest id a record can have (a signed 64-bit integer, SQLite's and ``BigAutoField``'s
#: limit). An id field in a form stops here, so that a larger number is a form error rather
#: than a database error.
MAX_ID = 2**63 - 1


def record_id(text: str) -> int | None:
    """``text`` as a record's id or a number in an address, else ``None``: ASCII digits only
    (``str.isdigit`` also passes "²", which ``int`` refuses) and no more than ``MAX_ID``."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


class RecordsField(forms.ModelMultipleChoiceField):
    """Tick boxes of records: a value that cannot be an id is refused as a choice that is not
    there, before the database is asked (SQLite cannot compare a number past ``MAX_ID``)."""

    def _check_values(self, value):
        for pk in value:
            if record_id(str(pk)) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class DateInputWidget(forms.MultiWidget):
    """The GOV.UK date input: separate day, month and year boxes."""

    template_name = "web/widgets/date_input.html"

    def __init__(self, attrs: dict | None = None) -> None:
        widgets = {
            "day": forms.TextInput(attrs={"inputmode": "numeric"}),
            "month": forms.TextInput(attrs={"inputmode": "numeric"}),
            "year": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: dt.date | None) -> list[str | None]:
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with the GOV.UK error messages.

    ``not_in_future`` refuses dates after ``today`` (a request cannot be received tomorrow).
    """

    widget = DateInputWidget

    def __init__(self, *, not_in_future: bool = False, **kwargs) -> None:
        self.not_in_future = not_in_future
        fields = tuple(forms.CharField(required=False) for _ in range(3))
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[str]) -> dt.date | None:
        if not data_list or not any(part.strip() for part in data_list if part):
            # Boxes holding only spaces are empty too (Django counts them as filled in).
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        day, month, year = ((part or "").strip() for part in data_list)
        label = self.label or "Date"
        missing = [
            name for name, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise ValidationError(f"{label} must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValidationError(f"{label} must be a real date, for example 27 3 2023")
        try:
            value = dt.date(int(year), int(month), int(day))
        except (ValueError, OverflowError) as exc:
            raise ValidationError(f"{label} must be a real date, for example 27 3 2023") from exc
        if self.not_in_future and value > today():
            raise ValidationError(f"{label} must be today or in the past")
        return value


def today() -> dt.date:
    """Today in the authority's time zone (Europe/London), not the server's."""
    from django.utils import timezone

    return timezone.localdate()
